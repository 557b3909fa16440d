/**
 * NestJS: `app.enableCors(options)` and `NestFactory.create(M, { cors })`. Both hand the options to express `cors`
 * (the default adapter), so names and behaviour are express `cors`'s; the `create` option is applied at startup,
 * after every `app.use()` in bootstrap.
 */
import {
  defineFramework,
  EXPRESS_CORS_BEHAVIOUR,
  EXPRESS_CORS_OPTION_NAMES,
  EXPRESS_CORS_OTHER_OPTIONS,
} from './define-framework.js';

export const nestjsEnableCors = defineFramework({
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

export const nestjsCreateOption = defineFramework({
  ...nestjsEnableCors,
  id: '@nestjs/core#create',
  label: 'NestJS `cors` option',
  registrations: [
    { kind: 'call', module: '@nestjs/core', export: 'NestFactory.create', options: { argument: 'last', key: 'cors' } },
  ],
  order: { afterAuth: true, afterRoutes: false, afterInit: false, appliedAtStartup: true },
});
