/**
 * django-cors-headers: `CORS_*` settings and `corsheaders.middleware.CorsMiddleware` in `MIDDLEWARE`. Allows no origin
 * until configured; allow-all with credentials echoes every origin; origins are compared by scheme and host (a
 * trailing slash is ignored, upper case is not); regexes are matched from the start only.
 */
import { definePythonFramework } from './define-python-framework.js';

export const djangoCorsHeaders = definePythonFramework({
  id: 'django-cors-headers',
  label: 'django-cors-headers',
  optionNames: {
    origin: ['CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST', 'CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST', 'CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL'],
    credentials: ['CORS_ALLOW_CREDENTIALS'],
    methods: ['CORS_ALLOW_METHODS'],
    allowedHeaders: ['CORS_ALLOW_HEADERS'],
    exposedHeaders: ['CORS_EXPOSE_HEADERS'],
    maxAge: ['CORS_PREFLIGHT_MAX_AGE'],
  },
  otherOptions: ['CORS_URLS_REGEX', 'CORS_REPLACE_HTTPS_REFERER', 'CORS_ALLOW_PRIVATE_NETWORK'],
  origin: {
    absent: 'none',
    booleanTrue: 'unsupported',
    regex: 'reset',
    array: 'supported',
    // A string is iterated character by character: no real origin matches, and the `null` origin does.
    string: 'unsupported',
    starInArray: 'nothing',
    function: 'return-origin',
    starWithCredentials: 'reflect',
    forms: 'a list or tuple of origins, `CORS_ALLOWED_ORIGIN_REGEXES` for patterns',
    misuse: { string: { effect: 'as-text', words: 'each character is read as an entry: no real origin matches, but the `null` origin (sandboxed pages) does' } },
  },
  credentials: 'truthy',
  credentialsDefault: false,
  // A string is joined character by character into the header (`G, E, T`).
  lists: { methods: 'array-only-string-dropped', allowedHeaders: 'array-only-string-dropped', exposedHeaders: 'array-only-string-dropped' },
  defaultMethods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
  emptyAllowedHeaders: { array: 'none', string: 'none' },
  // Middleware listed earlier runs first: one that answers (CommonMiddleware's redirects) or rejects first is never
  // given CORS headers.
  order: { afterAuth: true, afterRoutes: true, afterInit: false },
  docs: 'https://github.com/adamchainz/django-cors-headers#configuration',
  python: {
    registrations: [
      {
        kind: 'settings',
        prefix: 'CORS_',
        middleware: 'corsheaders.middleware.CorsMiddleware',
        middlewareSetting: 'MIDDLEWARE',
        answering: ['django.middleware.common.CommonMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware'],
        // Sets `request.user`; rejecting is left to the views.
        passive: ['django.contrib.auth.middleware.AuthenticationMiddleware'],
      },
    ],
    originMatch: 'scheme-and-host',
    regexMatch: 'match',
    regexIgnoreCase: false,
    regexOptions: ['CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST'],
    allowAllOptions: ['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL'],
    star: { sends: 'star' },
    defaultAllowedHeaders: ['accept', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with'],
    alwaysAllowedHeaders: [],
    defaultMaxAge: 86_400,
  },
});
