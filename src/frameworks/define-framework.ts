/** The shape of one framework entry: how its CORS policy is registered and what its options mean. */

/** A module specifier, or a prefix ending in `/*` that matches every subpath (`@nestjs/*`). */
export type ModulePattern = string;

/**
 * An export of a module, as a dotted path. `default` also matches the CommonJS `module.exports` object
 * (`require('cors')` is the same function as `import cors from 'cors'`).
 */
export type ExportPath = string;

/** Where the options of a registration are. */
export interface OptionsLocation {
  /** Argument index, or `last` for the last argument (`NestFactory.create(M, adapter?, { cors })`). */
  argument: number | 'last';
  /**
   * The policy is the value of this key of the options object (`{ cors: … }`): `true` means "no options",
   * an object is the options, `false` or a missing key means no policy.
   */
  key?: string;
  /** An options delegate `(req, cb) => cb(null, options)` is allowed in place of the options object. */
  delegate?: boolean;
  /**
   * An option whose function answers the options per request, `(req, cb) => cb(null, options)` or
   * `async (req) => options` (fastify's `delegator`); when it is set, the other keys only configure the plugin.
   */
  delegatorKey?: string;
  /**
   * The options may be a function of the plugin instance that returns such a per-request function
   * (`register(cors, (instance) => (req, cb) => cb(null, options))`).
   */
  instanceFunction?: boolean;
}

export type Registration =
  /** A call of the export: `cors(opts)`, `require('socket.io')(server, { cors })`. */
  | { kind: 'call'; module: ModulePattern; export: ExportPath; options: OptionsLocation | null }
  /** A constructor call of the export: `new Server(server, { cors })`. */
  | { kind: 'new'; module: ModulePattern; export: ExportPath; options: OptionsLocation }
  /** The export passed as a plugin: `app.register(cors, opts)`. */
  | { kind: 'plugin'; module: ModulePattern; export: ExportPath; method: string; options: OptionsLocation }
  /** A method call on any receiver, in a file that imports the module: `app.enableCors(opts)`. */
  | { kind: 'method'; method: string; whenImporting: ModulePattern; options: OptionsLocation }
  /** An object literal typed with the options type: `const o: CorsOptions = {…}`. */
  | { kind: 'typed-options'; module: ModulePattern; export: ExportPath }
  /** Raw `Access-Control-*` response header writes. */
  | { kind: 'header-writes' }
  /** `headers()` entries in `next.config.*`. */
  | { kind: 'next-config-headers' };

/** The framework-neutral fields of a policy; each framework names them its own way. */
export type Field = 'origin' | 'credentials' | 'methods' | 'allowedHeaders' | 'exposedHeaders' | 'maxAge';

/** How a list option (methods, headers) may be written. */
export type ListShape =
  /** `'GET,POST'` or `['GET', 'POST']`. */
  | 'string-or-array'
  /** Arrays only; a string crashes the middleware (hono headers: TypeError at `cors()`; koa2-cors: 500 on preflight). */
  | 'array-only-string-crashes'
  /** Arrays only; a string is silently dropped and no header is sent (hono `allowMethods`). */
  | 'array-only-string-dropped';

/** What an origin function receives and how it answers. */
export type OriginFunctionStyle =
  /** `(origin, cb) => cb(err, allow)`; a returned promise is ignored (express `cors`: the request hangs). */
  | 'callback'
  /** `(origin, cb) => cb(err, allow)` or an async function returning the value (`@fastify/cors`). */
  | 'callback-or-return'
  /** `(origin, c) => string | null`: the returned string is sent as the header (hono). */
  | 'return-origin'
  /** `(ctx) => string`: the function reads the request itself and returns the header value (koa). */
  | 'return-from-context'
  /** `(request) => boolean`: exactly `true` reflects the request origin (Elysia). */
  | 'predicate';

/** What a package does with an origin value of a type it does not support. */
export interface Misuse {
  /**
   * What a browser gets: `server-error`, every request fails (a 500); `as-text`, the value is sent as text (`true`,
   * the pattern, the entries of a list), which matches an origin only when it is a one-entry list of that origin;
   * `reflect`, it is treated as `true` and every origin is echoed; `substring`, origins are matched as substrings of it.
   */
  effect: 'server-error' | 'as-text' | 'reflect' | 'substring';
  /** The same in words, for messages. */
  words: string;
}

export interface OriginSupport {
  /**
   * What an absent `origin` means. `any-or-reflect-with-credentials`: `*`, but reflection once credentials are on;
   * `none`: no origin is allowed until some are listed (django-cors-headers).
   */
  absent: 'any' | 'reflect' | 'any-or-reflect-with-credentials' | 'none';
  /** `origin: true`. */
  booleanTrue: 'reflect' | 'unsupported';
  /** `origin: /re/`. `stateful`: `.test()` keeps `lastIndex`, so `g`/`y` flags alternate results. */
  regex: 'stateful' | 'reset' | 'unsupported';
  /** `origin: [...]`. */
  array: 'supported' | 'unsupported';
  /** A single string where the package wants a list (Starlette matches it as a substring); unset: strings are fine. */
  string?: 'unsupported';
  /** A string without a scheme (`'app.example.com'`) matches that host over any scheme, `http://` included (Elysia). */
  schemelessHostMatchesAnyScheme?: boolean;
  /** `'*'` as an array element: matches no origin (`nothing`) or turns the whole option into `*` (`any`). */
  starInArray: 'nothing' | 'any';
  /** Origin functions. */
  function: OriginFunctionStyle;
  /** Only synchronous origin functions work: an async one's promise is sent as text, `[object Promise]` (koa2-cors). */
  functionMustBeSync?: boolean;
  /** The origin forms that work, in words, for messages. */
  forms: string;
  /**
   * What happens with an origin type the package does not support. A `set` entry means a `Set` of origins is not
   * supported (none of the packages accepts one; several treat it as `true`).
   */
  misuse?: Partial<Record<'boolean' | 'regex' | 'array' | 'set' | 'string', Misuse>>;
  /** `origin: '*'` with credentials on: sent literally (browsers refuse it) or turned into reflection (@koa/cors). */
  starWithCredentials: 'literal' | 'reflect';
}

export interface Framework {
  /** The npm package, or a pseudo id for policies that are not a package (`raw-headers`, `next-config`). */
  id: string;
  /** How messages name it. */
  label: string;
  registrations: readonly Registration[];
  /**
   * Option names per field; the first name is canonical, the others are aliases. `null` for policies that are
   * written as headers (raw writes, Next.js) or cannot be configured (Apollo's standalone server).
   */
  optionNames: Readonly<Record<Field, readonly string[]>> | null;
  /** Every other option the package accepts. */
  otherOptions: readonly string[];
  origin: OriginSupport;
  /** How `credentials` is tested: `=== true`, or any truthy value (then even `'false'` turns it on). */
  credentials: 'strict-true' | 'truthy';
  /** `credentials` when absent. */
  credentialsDefault: boolean;
  lists: Readonly<Record<'methods' | 'allowedHeaders' | 'exposedHeaders', ListShape>>;
  /**
   * Lists in which the package reads `*` itself instead of sending it: `expanded` (Starlette: every method, the
   * requested headers), so that it is no literal wildcard that browsers refuse with credentials; `none` (Flask-CORS
   * methods: `*` matches no method). Unset: `*` is sent as written.
   */
  listStar?: Readonly<Partial<Record<'methods' | 'allowedHeaders' | 'exposedHeaders', 'expanded' | 'none'>>>;
  /** Methods sent when the option is absent. `reflect`: the requested method is echoed. */
  defaultMethods: readonly string[] | 'reflect';
  /**
   * What an empty allowed-headers value means: `reflect` (treated like an absent option: the requested headers are
   * echoed) or `none` (an empty header is sent, allowing no non-safelisted header).
   */
  emptyAllowedHeaders: { array: 'reflect' | 'none'; string: 'reflect' | 'none' };
  /** Apps created with one of these adapters follow another entry (NestJS on fastify hands options to @fastify/cors). */
  adapters?: readonly { module: ModulePattern; export: ExportPath; framework: Framework }[];
  /** Which earlier registrations on the same app stop this CORS middleware from answering. */
  order: {
    /** Auth and rate-limit middleware registered earlier reject preflights. */
    afterAuth: boolean;
    /** Routes registered earlier answer without CORS headers. */
    afterRoutes: boolean;
    /** Registered after `app.init()` the policy never takes effect (NestJS on express). */
    afterInit: boolean;
    /** The policy is applied when the app starts, after every `app.use` on it (NestJS `create(M, { cors })`). */
    appliedAtStartup?: boolean;
  };
  /** Link to the framework's CORS documentation, for rule docs and reports. */
  docs: string;
}

export function defineFramework(framework: Framework): Framework {
  return framework;
}

/** Options shared by every package that hands its options to express `cors` (NestJS on express, socket.io). */
export const EXPRESS_CORS_OPTION_NAMES: Framework['optionNames'] = {
  origin: ['origin'],
  credentials: ['credentials'],
  methods: ['methods'],
  // `headers` is an undocumented alias that `cors` honours.
  allowedHeaders: ['allowedHeaders', 'headers'],
  exposedHeaders: ['exposedHeaders'],
  maxAge: ['maxAge'],
};

export const EXPRESS_CORS_OTHER_OPTIONS = ['preflightContinue', 'optionsSuccessStatus'] as const;

/** express `cors` semantics, shared by express, NestJS (express adapter) and socket.io. */
export const EXPRESS_CORS_BEHAVIOUR = {
  origin: {
    absent: 'any',
    booleanTrue: 'reflect',
    regex: 'stateful',
    array: 'supported',
    starInArray: 'nothing',
    function: 'callback',
    starWithCredentials: 'literal',
    forms: 'a string, a RegExp, an array of them, or `(origin, callback) => callback(null, allowed)`',
    misuse: { set: { effect: 'reflect', words: 'it treats any value it does not recognise as `true` and reflects every origin' } },
  },
  credentials: 'strict-true',
  credentialsDefault: false,
  lists: { methods: 'string-or-array', allowedHeaders: 'string-or-array', exposedHeaders: 'string-or-array' },
  defaultMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
  // `allowedHeaders: []` sends no header; `''` is falsy and falls back to echoing the requested headers.
  emptyAllowedHeaders: { array: 'none', string: 'reflect' },
} as const satisfies Partial<Framework>;
