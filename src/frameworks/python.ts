/**
 * Everything the Python front end knows about Python packages, as data: the CORS entries, how routes and event
 * streams are declared, and which middleware names mean auth or rate limiting.
 */
import type { PythonFramework, QualifiedName } from './define-python-framework.js';
import { djangoCorsHeaders } from './django-cors-headers.js';
import { flaskCors } from './flask-cors.js';
import { starletteCors } from './starlette-cors.js';

export const PYTHON_FRAMEWORKS: readonly PythonFramework[] = [starletteCors, flaskCors, djangoCorsHeaders];

/** Route declarations, for the methods an app serves. */
export const PYTHON_ROUTES = {
  /** `@app.get(…)`, `@router.post(…)`, `app.delete(…)(handler)`: the method is the attribute name. */
  methodDecorators: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'],
  /** `@app.route(path, methods=[…])`, `@app.api_route(…)`, `app.add_api_route(…)`, `app.add_url_rule(…)`. */
  routeDecorators: ['route', 'api_route', 'add_api_route', 'add_url_rule', 'add_route'],
  /** Starlette's `Route(path, endpoint, methods=[…])`. */
  routeClasses: ['starlette.routing.Route', 'fastapi.routing.APIRoute'] as readonly QualifiedName[],
  methodsKeyword: 'methods',
  /** What a route without `methods` serves (Flask and Starlette both default to GET). */
  defaultMethods: ['GET'],
  /** `app.include_router(router)`, `app.register_blueprint(bp)`: the routes of another router object. */
  includeMethods: ['include_router', 'register_blueprint'],
} as const;

/**
 * Reads of the environment: a call of `function`, or of any method of `object` (`env.list(…)`), whose value the file
 * cannot show, except for the default it falls back to (positional `defaultArgument` or keyword `defaultKeyword`).
 */
export const PYTHON_ENVIRONMENT_READERS: readonly { function?: QualifiedName; object?: QualifiedName; defaultArgument: number | null; defaultKeyword: string | null }[] = [
  { function: 'os.getenv', defaultArgument: 1, defaultKeyword: 'default' },
  { function: 'os.environ.get', defaultArgument: 1, defaultKeyword: 'default' },
  { function: 'os.environ.setdefault', defaultArgument: 1, defaultKeyword: null },
  { function: 'decouple.config', defaultArgument: null, defaultKeyword: 'default' },
  { object: 'environs.env', defaultArgument: 1, defaultKeyword: 'default' },
];

/** Responses that serve Server-Sent Events besides any `text/event-stream` media type. */
export const PYTHON_EVENT_STREAM_HELPERS: readonly QualifiedName[] = ['sse_starlette.sse.EventSourceResponse', 'sse_starlette.EventSourceResponse'];

/**
 * Words that mark middleware as auth or rate limiting when they appear in its class or function name (split at
 * camelCase, snake_case and dots), compared case-insensitively; `slow`+`down` and `slow`+`api` count as a pair.
 */
export const AUTH_OR_LIMIT_WORDS: readonly string[] = [
  'auth',
  'authn',
  'authz',
  'authenticate',
  'authenticated',
  'authentication',
  'authorize',
  'authorized',
  'authorization',
  'jwt',
  'bearer',
  'token',
  'login',
  'limit',
  'limiter',
  'ratelimit',
  'throttle',
  'throttler',
];
export const AUTH_OR_LIMIT_PAIRS: readonly (readonly [string, string])[] = [
  ['slow', 'down'],
  ['slow', 'api'],
];

export type { PythonEntry, PythonFramework, PythonRegistration, QualifiedName } from './define-python-framework.js';
