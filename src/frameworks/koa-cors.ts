/** `@koa/cors` 5: `*` by default, but any truthy `credentials` turns `*` into reflecting every origin. */
import { defineFramework } from './define-framework.js';

export const koaCors = defineFramework({
  id: '@koa/cors',
  label: '@koa/cors',
  registrations: [{ kind: 'call', module: '@koa/cors', export: 'default', options: { argument: 0 } }],
  optionNames: {
    origin: ['origin'],
    credentials: ['credentials'],
    methods: ['allowMethods'],
    allowedHeaders: ['allowHeaders'],
    exposedHeaders: ['exposeHeaders'],
    maxAge: ['maxAge'],
  },
  otherOptions: ['keepHeadersOnError', 'secureContext', 'privateNetworkAccess'],
  origin: {
    absent: 'any-or-reflect-with-credentials',
    // `true` is sent literally, a RegExp as its source text, an array as several header lines: none works.
    booleanTrue: 'unsupported',
    regex: 'unsupported',
    array: 'unsupported',
    starInArray: 'nothing',
    function: 'return-from-context',
    starWithCredentials: 'reflect',
    forms: 'a string or `(ctx) => string`',
    misuse: {
      set: { effect: 'as-text', words: 'it sends `[object Set]` as the allowed origin, which never matches' },
      boolean: { effect: 'as-text', words: 'it sends the text `true` as the allowed origin, which never matches' },
      regex: { effect: 'as-text', words: 'it sends the pattern text as the allowed origin, which never matches' },
      array: { effect: 'as-text', words: 'it sends one Access-Control-Allow-Origin header per entry, and browsers reject a response with several' },
    },
  },
  credentials: 'truthy',
  credentialsDefault: false,
  lists: { methods: 'string-or-array', allowedHeaders: 'string-or-array', exposedHeaders: 'string-or-array' },
  defaultMethods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'],
  emptyAllowedHeaders: { array: 'reflect', string: 'reflect' },
  order: { afterAuth: true, afterRoutes: true, afterInit: false },
  docs: 'https://github.com/koajs/cors#corsoptions',
});
