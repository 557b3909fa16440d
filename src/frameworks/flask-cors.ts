/**
 * Flask-CORS: `CORS(app, …)` (per path with `resources={r"/api/*": {…}}`) and `@cross_origin(…)`. Its default `"*"`
 * echoes every request's origin (`send_wildcard=True` sends `*`), origins with a regex character are regexes matched
 * from the start only, and every other origin is compared ignoring case.
 */
import { definePythonFramework } from './define-python-framework.js';

export const flaskCors = definePythonFramework({
  id: 'flask-cors',
  label: 'Flask-CORS',
  optionNames: {
    origin: ['origins'],
    credentials: ['supports_credentials'],
    methods: ['methods'],
    allowedHeaders: ['allow_headers'],
    exposedHeaders: ['expose_headers'],
    maxAge: ['max_age'],
  },
  otherOptions: ['resources', 'send_wildcard', 'vary_header', 'automatic_options', 'intercept_exceptions', 'always_send'],
  origin: {
    absent: 'reflect',
    booleanTrue: 'unsupported',
    regex: 'reset',
    array: 'supported',
    starInArray: 'any',
    function: 'return-origin',
    starWithCredentials: 'reflect',
    forms: 'a string or a list of origins and regexes (`r"https://[a-z0-9-]+\\.example\\.com$"`)',
    misuse: { boolean: { effect: 'server-error', words: 'every request with an Origin fails with a 500' } },
  },
  credentials: 'truthy',
  credentialsDefault: false,
  lists: { methods: 'string-or-array', allowedHeaders: 'string-or-array', exposedHeaders: 'string-or-array' },
  // `"*"` in `allow_headers` becomes the regex `.*`, which accepts every requested header; in `methods` it is compared
  // as text with the requested method, which it never equals.
  listStar: { allowedHeaders: 'expanded', methods: 'none' },
  defaultMethods: ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'],
  emptyAllowedHeaders: { array: 'none', string: 'none' },
  // It adds its headers in `after_request`, to every response, whatever ran before.
  order: { afterAuth: false, afterRoutes: false, afterInit: false },
  docs: 'https://flask-cors.readthedocs.io/en/latest/configuration.html',
  python: {
    registrations: [
      { kind: 'extension', classes: ['flask_cors.CORS', 'flask_cors.extension.CORS'], initMethod: 'init_app' },
      { kind: 'decorator', functions: ['flask_cors.cross_origin', 'flask_cors.decorator.cross_origin'] },
    ],
    originMatch: 'casefold',
    regexCharacters: '*\\]?$^[()',
    regexMatch: 'match',
    regexIgnoreCase: true,
    regexOptions: [],
    allowAllOptions: [],
    star: { sends: 'reflect', wildcardOption: 'send_wildcard', credentialsRaise: true },
    defaultAllowedHeaders: null,
    alwaysAllowedHeaders: [],
    defaultMaxAge: null,
    resourcesOption: 'resources',
  },
});
