/** Every supported framework, in one list. Adding a framework means adding one entry here. */
import type { Framework } from './define-framework.js';
import { apolloStandalone } from './apollo-standalone.js';
import { elysiaCors } from './elysia-cors.js';
import { expressCors } from './express-cors.js';
import { fastifyCors } from './fastify-cors.js';
import { honoCors } from './hono-cors.js';
import { koa2Cors } from './koa2-cors.js';
import { koaCors } from './koa-cors.js';
import { nestjsCreateOption, nestjsEnableCors } from './nestjs.js';
import { nextConfig } from './next-config.js';
import { rawHeaders } from './raw-headers.js';
import { socketIo } from './socket-io.js';

export const FRAMEWORKS: readonly Framework[] = [
  expressCors,
  fastifyCors,
  honoCors,
  koaCors,
  koa2Cors,
  nestjsEnableCors,
  nestjsCreateOption,
  socketIo,
  elysiaCors,
  apolloStandalone,
  rawHeaders,
  nextConfig,
];

export type { Field, Framework, ListShape, Registration } from './define-framework.js';
export { NEXT_CONFIG_FILE } from './next-config.js';
export { HEADER_WRITE_METHODS, HEADERS_CONSTRUCTORS, RESPONSE_CONSTRUCTORS, RESPONSE_FACTORIES } from './raw-headers.js';
export { AUTH_NAMES, AUTH_OR_LIMIT_NAMES, ROUTER_FACTORIES, ROUTER_NAMES, ROUTER_PREFIX_OPTION } from './middleware-names.js';
export { AUTHORIZATION_HEADER, BEARER_AUTH_MODULES, COOKIE_CALLS, COOKIE_MEMBERS, COOKIE_MODULES, NEST_ROUTING, SET_COOKIE_HEADER } from './app-signals.js';
