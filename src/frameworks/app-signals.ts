/**
 * What an app's code shows about how browsers call it, beyond its CORS policy: whether it keeps cookies, whether it
 * authenticates with the `Authorization` header, and how NestJS declares routes. `cors-fix` reads these signals in
 * the routes a policy covers to decide which methods and headers the policy must allow.
 */

/** Packages that give an app cookies or cookie sessions. */
export const COOKIE_MODULES: readonly string[] = [
  'cookie-parser',
  'cookie-session',
  'express-session',
  'iron-session',
  '@fastify/cookie',
  '@fastify/session',
  '@fastify/secure-session',
  'koa-session',
  'koa-generic-session',
  'hono/cookie',
];

/** Members that read a request's cookies (`req.cookies`, `ctx.cookies`, `request.signedCookies`). */
export const COOKIE_MEMBERS: readonly string[] = ['cookies', 'signedCookies'];

/** Calls that set or read cookies (`res.cookie(…)`, `reply.setCookie(…)`, hono's `getCookie(c, …)`). */
export const COOKIE_CALLS: readonly string[] = ['cookie', 'setCookie', 'clearCookie', 'getCookie', 'getSignedCookie', 'setSignedCookie', 'deleteCookie'];

/** The response header that sets a cookie. */
export const SET_COOKIE_HEADER = 'set-cookie';

/** The request header bearer tokens travel in. */
export const AUTHORIZATION_HEADER = 'authorization';

/**
 * Packages that authenticate requests with a token in the `Authorization` header (or whose middleware does). An app
 * that imports one needs `Authorization` among its allowed request headers.
 */
export const BEARER_AUTH_MODULES: readonly string[] = [
  'jsonwebtoken',
  'jose',
  'express-jwt',
  'express-oauth2-jwt-bearer',
  'passport-jwt',
  'passport-http-bearer',
  '@nestjs/jwt',
  '@nestjs/passport',
  '@fastify/jwt',
  '@fastify/bearer-auth',
  'koa-jwt',
  'hono/jwt',
  'hono/bearer-auth',
];

/** NestJS routes: controller classes and their decorated methods, all imported from this package. */
export const NEST_ROUTING = {
  module: '@nestjs/common',
  /** `@Controller('users')`: the class's path prefix. */
  controller: 'Controller',
  /** `@Module({ imports, controllers })`: the module graph from the app's root module to its controllers. */
  moduleDecorator: 'Module',
  /** Method decorators and the HTTP methods they serve (`@All` serves every method). */
  methods: {
    Get: ['GET'],
    Post: ['POST'],
    Put: ['PUT'],
    Patch: ['PATCH'],
    Delete: ['DELETE'],
    Head: ['HEAD'],
    Options: ['OPTIONS'],
    All: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    Sse: ['GET'],
  } as Readonly<Record<string, readonly string[]>>,
  /** Decorators whose route streams Server-Sent Events. */
  streaming: ['Sse'] as readonly string[],
  /** `@Headers('x-tenant-id')`: a request header a handler reads. */
  requestHeader: 'Headers',
  /** `@Header('X-Total-Count', '…')`: a response header a handler sets. */
  responseHeader: 'Header',
  /** `@UseGuards(AuthGuard('jwt'))`: guards, recognised as auth by the words of their names. */
  guards: 'UseGuards',
  /** `NestFactory.create(AppModule, …)`: where the module graph starts. */
  factory: { module: '@nestjs/core', export: 'NestFactory', method: 'create' },
} as const;

/**
 * Request headers a handler may read that never need allowing in a preflight: the browser sets them itself (or
 * forbids scripts to), they are CORS-safelisted, or a proxy adds them. Any other header a handler reads is one a
 * browser app sends on purpose (`X-Tenant-ID`, `Idempotency-Key`, `traceparent`), so the policy must allow it.
 * `Authorization`, `Content-Type` and `Last-Event-ID` are decided on their own.
 */
export const BROWSER_MANAGED_REQUEST_HEADERS: readonly string[] = [
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'authorization',
  'cache-control',
  'connection',
  'content-language',
  'content-length',
  'content-type',
  'cookie',
  'date',
  'dnt',
  'expect',
  'forwarded',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'keep-alive',
  'last-event-id',
  'origin',
  'pragma',
  'priority',
  'range',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'upgrade-insecure-requests',
  'user-agent',
  'via',
];

/**
 * Header names set by browsers, proxies and CDNs (`Sec-Fetch-Site`, `X-Forwarded-For`, `CF-Connecting-IP`), or by
 * other servers calling a webhook (`Stripe-Signature`, `X-GitHub-Event`): never sent by a browser app.
 */
export const NON_BROWSER_REQUEST_HEADER = /^(?:sec-|proxy-|access-control-|x-forwarded-|x-real-ip$|x-amzn-|x-vercel-|cf-|fly-|x-envoy-|x-github-|x-slack-|x-shopify-|x-twilio-)|signature/u;

/**
 * Objects whose `get(name)` reads a request header: express `req.get`, koa `ctx.get` and `ctx.request.get`, and the
 * fetch `Headers` of `request.headers.get`. Elsewhere `get` reads something else — hono's `c.get('user')` a context
 * variable, `searchParams.get`, `map.get` — so a name read there is a header only when it says so (`X-…`).
 */
export const HEADER_GET_RECEIVERS: readonly string[] = ['req', 'request', 'ctx', 'context', 'headers'];
