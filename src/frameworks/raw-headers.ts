/** `Access-Control-*` headers written by hand: `res.setHeader`, `c.header`, `ctx.set`, `new Headers`, `Response`. */
import { defineFramework } from './define-framework.js';

/** What a header write looks like: the method names and where the name/value or header object is. */
export const HEADER_WRITE_METHODS = {
  /** `o.setHeader(N, V)`, `o.header(N, V)`, `o.set(N, V)`, `o.append(N, V)`. */
  nameValue: ['setHeader', 'header', 'set', 'append'],
  /** `o.set({ N: V })`, `o.headers({ N: V })`. */
  headerObject: ['set', 'headers'],
  /** `o.writeHead(status, { N: V })`, `o.writeHead(status, message, { N: V })`. */
  statusThenHeaderObject: ['writeHead'],
} as const;

/** Constructors whose second argument's `headers` is written (`new Response(body, { headers })`). */
export const RESPONSE_CONSTRUCTORS = ['Response', 'NextResponse'] as const;
/** Static factories with the same `(body, { headers })` shape. */
export const RESPONSE_FACTORIES = ['json'] as const;
/** Constructors whose first argument is a header object (`new Headers({ N: V })`). */
export const HEADERS_CONSTRUCTORS = ['Headers'] as const;

export const rawHeaders = defineFramework({
  id: 'raw-headers',
  label: 'Hand-written CORS header code',
  registrations: [{ kind: 'header-writes' }],
  optionNames: null,
  otherOptions: [],
  origin: {
    absent: 'any',
    booleanTrue: 'unsupported',
    regex: 'unsupported',
    array: 'unsupported',
    starInArray: 'nothing',
    function: 'return-from-context',
    starWithCredentials: 'literal',
    forms: 'a single origin string',
  },
  credentials: 'strict-true',
  credentialsDefault: false,
  lists: { methods: 'string-or-array', allowedHeaders: 'string-or-array', exposedHeaders: 'string-or-array' },
  defaultMethods: [],
  emptyAllowedHeaders: { array: 'none', string: 'none' },
  order: { afterAuth: false, afterRoutes: false, afterInit: false },
  docs: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS',
});
