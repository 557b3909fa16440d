/** `@elysiajs/cors`: with no options it reflects every origin and sends credentials, the worst default there is. */
import { defineFramework } from './define-framework.js';

export const elysiaCors = defineFramework({
  id: '@elysiajs/cors',
  label: '@elysiajs/cors',
  registrations: [
    { kind: 'call', module: '@elysiajs/cors', export: 'cors', options: { argument: 0 } },
    { kind: 'call', module: '@elysiajs/cors', export: 'default', options: { argument: 0 } },
  ],
  optionNames: {
    origin: ['origin'],
    credentials: ['credentials'],
    methods: ['methods'],
    allowedHeaders: ['allowedHeaders'],
    // Not `exposedHeaders`: Elysia mixes express and hono spellings.
    exposedHeaders: ['exposeHeaders'],
    maxAge: ['maxAge'],
  },
  otherOptions: ['preflight', 'aot'],
  origin: {
    absent: 'reflect',
    booleanTrue: 'reflect',
    regex: 'stateful',
    array: 'supported',
    // `'app.example.com'` lets in https://app.example.com and http://app.example.com alike.
    schemelessHostMatchesAnyScheme: true,
    starInArray: 'any',
    function: 'predicate',
    starWithCredentials: 'literal',
    forms: 'a string, a RegExp, an array, `true`, or `(request) => boolean`',
  },
  credentials: 'strict-true',
  credentialsDefault: true,
  lists: { methods: 'string-or-array', allowedHeaders: 'string-or-array', exposedHeaders: 'string-or-array' },
  defaultMethods: 'reflect',
  emptyAllowedHeaders: { array: 'none', string: 'none' },
  order: { afterAuth: true, afterRoutes: true, afterInit: false },
  docs: 'https://elysiajs.com/plugins/cors',
});
