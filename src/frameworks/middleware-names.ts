/**
 * Middleware recognised by name in a registration chain. Names are compared by word: `requireAuth`, `jwt_check`,
 * `rate-limit` and `passport.authenticate` split into words, so `authorPages` (author, pages) is no auth middleware.
 * Each entry is a run of consecutive words, lower-case.
 */

/** Middleware (and NestJS guards) that authenticate: a request without credentials is rejected (401). */
export const AUTH_NAMES: readonly (readonly string[])[] = [
  ['auth'],
  ['authn'],
  ['authz'],
  ['oauth'],
  ['authenticate'],
  ['authenticated'],
  ['authentication'],
  ['authorize'],
  ['authorized'],
  ['authorization'],
  ['authorise'],
  ['authorised'],
  ['authorisation'],
  ['jwt'],
  ['bearer'],
];

/** Middleware that rejects requests over a rate (429). */
export const LIMIT_NAMES: readonly (readonly string[])[] = [['limit'], ['limiter'], ['ratelimit'], ['ratelimiter'], ['throttle'], ['throttler'], ['slow', 'down']];

/**
 * Middleware that rejects requests without credentials or over a rate. Preflights carry no credentials and count
 * against limits, so registered before CORS it answers them with 401/429 and the browser blocks the real request.
 */
export const AUTH_OR_LIMIT_NAMES: readonly (readonly string[])[] = [...AUTH_NAMES, ...LIMIT_NAMES];

/** Routers mounted as middleware (`app.use('/api', apiRouter)`, `app.use(userRoutes)`). */
export const ROUTER_NAMES: readonly (readonly string[])[] = [['router'], ['routers'], ['routes']];

/** Methods that return a router's middleware: koa's `router.routes()` and `router.allowedMethods()`. */
export const ROUTER_FACTORIES: readonly string[] = ['routes', 'allowedMethods'];

/** The option of a router's constructor that puts its routes under a path (`new Router({ prefix: '/api' })`, @koa/router). */
export const ROUTER_PREFIX_OPTION = 'prefix';
