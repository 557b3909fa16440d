/**
 * Starlette's `CORSMiddleware` (also imported from `fastapi.middleware.cors`): `app.add_middleware(…)`, an entry of
 * `middleware=[Middleware(…)]`, or `CORSMiddleware(app, …)`. Allows nothing and only GET until configured; `["*"]`
 * with credentials echoes the origin on preflights and on requests that carry a cookie.
 */
import { definePythonFramework } from './define-python-framework.js';

const CLASSES = ['starlette.middleware.cors.CORSMiddleware', 'fastapi.middleware.cors.CORSMiddleware'];

export const starletteCors = definePythonFramework({
  id: 'starlette',
  label: 'Starlette CORSMiddleware',
  optionNames: {
    origin: ['allow_origins', 'allow_origin_regex'],
    credentials: ['allow_credentials'],
    methods: ['allow_methods'],
    allowedHeaders: ['allow_headers'],
    exposedHeaders: ['expose_headers'],
    maxAge: ['max_age'],
  },
  otherOptions: [],
  origin: {
    absent: 'none',
    booleanTrue: 'unsupported',
    regex: 'reset',
    array: 'supported',
    // `origin in allow_origins` on a string is a substring test, and `"*" in allow_origins` is true for any `*` in it.
    string: 'unsupported',
    starInArray: 'any',
    // No origin functions: the origin is a list or `allow_origin_regex`.
    function: 'return-origin',
    starWithCredentials: 'reflect',
    forms: 'a list of origins (`allow_origins=["https://app.example.com"]`), and `allow_origin_regex` for a pattern',
    misuse: {
      string: {
        effect: 'substring',
        words: 'a string is matched as a substring, so "https://app.example.com" also lets in https://app.example.co, and any `*` in it lets in every origin',
      },
    },
  },
  credentials: 'truthy',
  credentialsDefault: false,
  // A string is joined character by character into the header (`G, E, T`).
  lists: { methods: 'array-only-string-dropped', allowedHeaders: 'array-only-string-dropped', exposedHeaders: 'array-only-string-dropped' },
  listStar: { methods: 'expanded', allowedHeaders: 'expanded' },
  defaultMethods: ['GET'],
  emptyAllowedHeaders: { array: 'none', string: 'none' },
  // Routes are always inside the middleware stack; middleware added after CORS runs before it.
  order: { afterAuth: true, afterRoutes: false, afterInit: false },
  docs: 'https://www.starlette.io/middleware/#corsmiddleware',
  python: {
    registrations: [
      { kind: 'add-middleware', method: 'add_middleware', classes: CLASSES },
      { kind: 'middleware-entry', wrappers: ['starlette.middleware.Middleware', 'fastapi.middleware.Middleware'], classes: CLASSES, keyword: 'middleware' },
      { kind: 'wrap', classes: CLASSES },
    ],
    originMatch: 'exact',
    regexMatch: 'fullmatch',
    regexIgnoreCase: false,
    regexOptions: ['allow_origin_regex'],
    allowAllOptions: [],
    star: { sends: 'star', cookieOnly: true, cookieEchoes: true },
    defaultAllowedHeaders: [],
    alwaysAllowedHeaders: ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type'],
    defaultMaxAge: 600,
  },
});
