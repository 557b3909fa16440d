/** `hono/cors`: `app.use(path, cors(options))`. No boolean or RegExp origins; header lists must be arrays. */
import { defineFramework } from './define-framework.js';

export const honoCors = defineFramework({
  id: 'hono/cors',
  label: 'hono/cors',
  registrations: [{ kind: 'call', module: 'hono/cors', export: 'cors', options: { argument: 0 } }],
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
    absent: 'any',
    // `true` and RegExps type-check loosely but make every request fail with a 500.
    booleanTrue: 'unsupported',
    regex: 'unsupported',
    array: 'supported',
    starInArray: 'nothing',
    function: 'return-origin',
    starWithCredentials: 'literal',
    forms: 'a string, an array of strings, or `(origin, c) => string | null`',
    misuse: {
      set: { effect: 'server-error', words: 'every request fails with a 500 (it calls `.includes()` on the value)' },
      boolean: { effect: 'server-error', words: 'every request fails with a 500' },
      regex: { effect: 'server-error', words: 'every request fails with a 500' },
    },
  },
  credentials: 'truthy',
  credentialsDefault: false,
  lists: {
    methods: 'array-only-string-dropped',
    allowedHeaders: 'array-only-string-crashes',
    exposedHeaders: 'array-only-string-crashes',
  },
  defaultMethods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH', 'QUERY'],
  emptyAllowedHeaders: { array: 'reflect', string: 'reflect' },
  order: { afterAuth: true, afterRoutes: true, afterInit: false },
  docs: 'https://hono.dev/docs/middleware/builtin/cors',
});
