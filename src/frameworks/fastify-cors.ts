/** `@fastify/cors`: `app.register(cors, options)`; hooks and plugins before it run first, routes do not matter. */
import { type OptionsLocation, defineFramework } from './define-framework.js';

// The second argument of `register`; with a `delegator` (or a function of the instance returning one) the options
// are whatever it answers for each request, and the other keys only choose the hook.
const FASTIFY_OPTIONS: OptionsLocation = { argument: 1, delegatorKey: 'delegator', instanceFunction: true };

export const fastifyCors = defineFramework({
  id: '@fastify/cors',
  label: '@fastify/cors',
  registrations: [
    { kind: 'plugin', module: '@fastify/cors', export: 'default', method: 'register', options: FASTIFY_OPTIONS },
    { kind: 'plugin', module: '@fastify/cors', export: 'fastifyCors', method: 'register', options: FASTIFY_OPTIONS },
    { kind: 'typed-options', module: '@fastify/cors', export: 'FastifyCorsOptions' },
  ],
  optionNames: {
    origin: ['origin'],
    credentials: ['credentials'],
    methods: ['methods'],
    allowedHeaders: ['allowedHeaders'],
    exposedHeaders: ['exposedHeaders'],
    maxAge: ['maxAge'],
  },
  otherOptions: [
    'cacheControl',
    'preflightContinue',
    'optionsSuccessStatus',
    'preflight',
    'strictPreflight',
    'hideOptionsRoute',
    'hook',
    'delegator',
    'logLevel',
    'prefix',
    'logSerializers',
  ],
  origin: {
    absent: 'any',
    booleanTrue: 'reflect',
    // @fastify/cors resets `lastIndex` before each test.
    regex: 'reset',
    array: 'supported',
    starInArray: 'any',
    function: 'callback-or-return',
    starWithCredentials: 'literal',
    forms: 'a string, a RegExp, an array of them, or `(origin, callback) => …` / an async function returning the value',
    misuse: { set: { effect: 'reflect', words: 'it treats any value it does not recognise as `true` and reflects every origin' } },
  },
  credentials: 'truthy',
  credentialsDefault: false,
  lists: { methods: 'string-or-array', allowedHeaders: 'string-or-array', exposedHeaders: 'string-or-array' },
  // No PUT, PATCH or DELETE: cross-origin writes fail their preflight until `methods` is set.
  defaultMethods: ['GET', 'HEAD', 'POST'],
  emptyAllowedHeaders: { array: 'none', string: 'none' },
  order: { afterAuth: true, afterRoutes: false, afterInit: false },
  docs: 'https://github.com/fastify/fastify-cors#options',
});
