/** `koa2-cors` (unmaintained): reflects every origin by default; lists must be arrays; origin functions sync only. */
import { defineFramework } from './define-framework.js';

export const koa2Cors = defineFramework({
  id: 'koa2-cors',
  label: 'koa2-cors',
  registrations: [{ kind: 'call', module: 'koa2-cors', export: 'default', options: { argument: 0 } }],
  optionNames: {
    origin: ['origin'],
    credentials: ['credentials'],
    methods: ['allowMethods'],
    allowedHeaders: ['allowHeaders'],
    exposedHeaders: ['exposeHeaders'],
    maxAge: ['maxAge'],
  },
  otherOptions: [],
  origin: {
    absent: 'reflect',
    booleanTrue: 'unsupported',
    regex: 'unsupported',
    array: 'unsupported',
    starInArray: 'nothing',
    function: 'return-from-context',
    // An async origin function is sent as the header value `[object Promise]`.
    functionMustBeSync: true,
    starWithCredentials: 'literal',
    forms: 'a string or a synchronous `(ctx) => string`',
    misuse: {
      set: { effect: 'as-text', words: 'it sends `[object Set]` as the allowed origin, which never matches' },
      boolean: { effect: 'as-text', words: 'it sends the value as text, which never matches an origin' },
      regex: { effect: 'as-text', words: 'it sends the pattern as text, which never matches an origin' },
      array: { effect: 'as-text', words: 'it sends one Access-Control-Allow-Origin header per entry, and browsers reject a response with several' },
    },
  },
  credentials: 'strict-true',
  credentialsDefault: false,
  lists: {
    methods: 'array-only-string-crashes',
    allowedHeaders: 'array-only-string-crashes',
    exposedHeaders: 'array-only-string-crashes',
  },
  defaultMethods: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
  emptyAllowedHeaders: { array: 'none', string: 'reflect' },
  order: { afterAuth: true, afterRoutes: true, afterInit: false },
  docs: 'https://github.com/zadzbw/koa2-cors#options',
});
