/**
 * NestJS: `app.enableCors(options)` and `NestFactory.create(M, { cors })`. Both hand the options to express `cors`
 * (the default adapter), so names and behaviour are express `cors`'s; the `create` option is applied at startup,
 * after every `app.use()` in bootstrap. Apps created with `new FastifyAdapter()` hand the same options to
 * @fastify/cors instead.
 */
import {
  defineFramework,
  EXPRESS_CORS_BEHAVIOUR,
  EXPRESS_CORS_OPTION_NAMES,
  EXPRESS_CORS_OTHER_OPTIONS,
  type Framework,
} from './define-framework.js';
import { fastifyCors } from './fastify-cors.js';

/**
 * On the fastify adapter @fastify/cors's defaults and value handling apply (methods GET,HEAD,POST; truthy
 * credentials; `'*'` in a list means `*`), and its hook runs before any `app.use()` middleware, so registration
 * order does not matter. The option names stay Nest's `CorsOptions`.
 */
function withFastifyAdapter(entry: Framework): Framework {
  const onFastify = defineFramework({
    ...entry,
    id: `${entry.id}+fastify`,
    label: `${entry.label} (fastify adapter)`,
    registrations: [],
    origin: fastifyCors.origin,
    credentials: fastifyCors.credentials,
    lists: fastifyCors.lists,
    defaultMethods: fastifyCors.defaultMethods,
    emptyAllowedHeaders: fastifyCors.emptyAllowedHeaders,
    order: { afterAuth: false, afterRoutes: false, afterInit: false },
  });
  return defineFramework({
    ...entry,
    adapters: [{ module: '@nestjs/platform-fastify', export: 'FastifyAdapter', framework: onFastify }],
  });
}

const enableCors = defineFramework({
  id: '@nestjs/core',
  label: 'NestJS enableCors',
  registrations: [
    { kind: 'method', method: 'enableCors', whenImporting: '@nestjs/*', options: { argument: 0, delegate: true } },
    { kind: 'typed-options', module: '@nestjs/*', export: 'CorsOptions' },
  ],
  optionNames: EXPRESS_CORS_OPTION_NAMES,
  otherOptions: EXPRESS_CORS_OTHER_OPTIONS,
  ...EXPRESS_CORS_BEHAVIOUR,
  // `enableCors()` after `app.init()` is silently ignored on the express adapter.
  order: { afterAuth: true, afterRoutes: false, afterInit: true },
  docs: 'https://docs.nestjs.com/security/cors',
});

export const nestjsEnableCors = withFastifyAdapter(enableCors);

export const nestjsCreateOption = withFastifyAdapter(
  defineFramework({
    ...enableCors,
    id: '@nestjs/core#create',
    label: 'NestJS `cors` option',
    registrations: [
      { kind: 'call', module: '@nestjs/core', export: 'NestFactory.create', options: { argument: 'last', key: 'cors' } },
    ],
    order: { afterAuth: true, afterRoutes: false, afterInit: false, appliedAtStartup: true },
  }),
);
