/** The CORS policy model: everything CORS-relevant one source file says, in framework-neutral terms. */
import type { Framework } from '../frameworks/define-framework.js';
import type { Node } from './ast.js';
import type { OriginCheck } from './origin-checks.js';
import type { OriginFunction } from './origin-function.js';
import type { ObjectValue, PropertyValue, Provenance, Value } from './static-value.js';

export interface CorsFile {
  policies: CorsPolicy[];
  /** Registration order per app object (receiver variable within one function body). */
  chains: MiddlewareChain[];
  /** Every response header the file writes, CORS or not. */
  responseHeaders: HeaderWrite[];
  /** Where the file serves Server-Sent Events (`text/event-stream`, hono `streamSSE`); empty if it does not. */
  eventStreams: Node[];
  /** Custom `X-…` request headers the file reads (`req.get('X-Tenant-ID')`), as first written. */
  requestHeaders: string[];
  /** The file reads the `Authorization` request header (it authenticates with a bearer token). */
  readsAuthorization: boolean;
}

export interface CorsPolicy {
  framework: Framework;
  /** The registration: `cors(…)`, `app.register(…)`, `enableCors(…)`, the header-writing function, the Next.js entry. */
  node: Node;
  /** Where findings about settings left to the framework are reported: the options object, or the registration. */
  reportNode: Node;
  options: PolicyOptions;
  origin: Setting;
  /** Every origin the policy lets in, classified. */
  allowedOrigins: AllowedOrigin[];
  /** `'*'` elements of an origin array where the framework compares exactly, so they match nothing. */
  unmatchableStars: Node[];
  /** Origin functions of the policy (the option, a delegate answer or a raw guard's function). */
  originFunctions: OriginFunction[];
  /** Every check of the request origin that decides this policy. */
  originChecks: OriginCheck[];
  credentials: CredentialsSetting;
  methods: ListSetting;
  allowedHeaders: ListSetting;
  exposedHeaders: ListSetting;
  maxAge: Setting;
  /** An options delegate that builds these options on every request (values created inside it are fresh each time). */
  builtPerRequest: Node | null;
}

export type PolicyOptions =
  /** No options: `cors()`, `enableCors()`, `{ cors: true }`, Apollo's standalone server. */
  | { kind: 'none' }
  /** Options the file cannot show (`cors(corsOptions)` with an imported object). */
  | { kind: 'opaque'; node: Node; source: Provenance }
  | { kind: 'object'; value: ObjectValue; entries: OptionEntry[] }
  /** Written as response headers (raw writes, Next.js). */
  | { kind: 'headers'; writes: HeaderWrite[] };

/** One option key as written. */
export interface OptionEntry extends PropertyValue {
  /** The framework field it sets, or null for other options and unknown keys. */
  field: keyof FieldSettings | null;
}

interface FieldSettings {
  origin: Setting;
  credentials: Setting;
  methods: Setting;
  allowedHeaders: Setting;
  exposedHeaders: Setting;
  maxAge: Setting;
}

export type Setting =
  /** Not set: the framework default applies. */
  | { state: 'absent' }
  /** Not set in what the file shows, but an opaque spread or opaque options may set it. */
  | { state: 'unknown' }
  | { state: 'set'; value: Value; node: Node };

export type OriginKind =
  /** Sends `*`. */
  | 'any'
  /** Echoes the request origin back without checking it. */
  | 'reflect'
  /** A regex that matches every origin. */
  | 'any-regex'
  /** A listed origin (string or regex) or a check that can deny. */
  | 'listed'
  /** Something the file cannot show. */
  | 'opaque';

export interface AllowedOrigin {
  kind: OriginKind;
  /** Where to report it. */
  node: Node;
  /** The string or regex, for listed and regex origins. */
  value: Value | null;
  /** Where it comes from: the framework default, the option (or one element of it), an origin function, a header. */
  via: 'default' | 'option' | 'element' | 'function' | 'header';
}

export interface CredentialsSetting {
  setting: Setting;
  /** Credentials are on: the browser may send cookies and HTTP auth, and the response allows reading them. */
  on: boolean;
  /** Where to report credentials (the property or header value), or null when on by default. */
  node: Node | null;
}

export interface ListSetting {
  setting: Setting;
  /**
   * `absent`: framework default; `unknown`: may be set by an opaque spread; `list`: every possible value is a list the
   * file shows; `opaque`: some part is not shown; `reflect`: echoes the request (`true` in Elysia, the request's
   * `Access-Control-Request-Headers` in raw writes); `other`: a function or a value of another type.
   */
  state: 'absent' | 'unknown' | 'list' | 'opaque' | 'reflect' | 'other';
  /** Every token the file shows, trimmed, with its node. */
  tokens: ListToken[];
  /** Each possible value that is a list (`a || 'x, y'`, `c ? [...] : [...]`), whether the file shows all of it. */
  lists: PossibleList[];
  /** Some possible value is a list with a `*` token. */
  hasStar: boolean;
  /** Node of the value, when set. */
  node: Node | null;
}

export interface PossibleList {
  tokens: ListToken[];
  /** Every element is a string the file shows. */
  complete: boolean;
  node: Node;
}

export interface ListToken {
  name: string;
  node: Node;
}

/** One response header write: `res.setHeader(name, value)`, a key of `new Headers({…})`, a Next.js header entry. */
export interface HeaderWrite {
  /** The header name as written. */
  name: string;
  /** Lower-cased name. */
  key: string;
  value: Value;
  /** The value node (for reports). */
  valueNode: Node;
  /** The writing call or the header entry. */
  node: Node;
  /** The policy group: the innermost function, or the header object when not inside a function. */
  group: Node;
}

export interface MiddlewareChain {
  /** The receiver's name (`app`). */
  receiver: string;
  /** Where the receiver variable is declared, or null for an undeclared name. */
  binding: Node | null;
  /** The function body (or program) the calls are in. */
  scope: Node;
  entries: ChainEntry[];
  /** Routes given their own CORS (`app.put(path, cors(…), handler)`, `app.options(path, cors(…))`); not ordered. */
  routeCors: RouteCors[];
}

export interface RouteCors {
  /** The route registration. */
  node: Node;
  /** The CORS registrations among its arguments. */
  policies: CorsPolicy[];
  /** The HTTP methods it serves, upper-cased (`OPTIONS` for `app.options`). */
  methods: string[];
  /** Its path, when written as a string. */
  path: string | null;
}

export interface ChainEntry {
  /** The registering call (`app.use(…)`). */
  node: Node;
  /** Source position used for ordering; `Infinity` for policies applied at startup. */
  position: number;
  /** CORS registered here. */
  policy: CorsPolicy | null;
  /** Auth or rate-limit middleware registered here, by the argument that names it. */
  auth: Node | null;
  /** A route (or router) registered here. */
  route: Node | null;
  /** `app.init()`. */
  init: boolean;
  /** For a route: the HTTP methods it serves, upper-cased (none for `all` and mounted routers). */
  methods: string[];
  /** The path it is registered on, when written as a string (`app.use('/api', …)`, `app.put('/items/:id', …)`). */
  path: string | null;
  /** For a mounted router (`app.use('/api', apiRouter)`): where its variable is declared. */
  mounts: Node | null;
  /** Middleware written in place (`app.use((req, res, next) => …)`, `app.addHook('onSend', …)`): runs for every route. */
  handlers: Node[];
}
