/** express `cors`: `app.use(cors(options))`, the options delegate form, and `CorsOptions`-typed objects. */
import {
  defineFramework,
  EXPRESS_CORS_BEHAVIOUR,
  EXPRESS_CORS_OPTION_NAMES,
  EXPRESS_CORS_OTHER_OPTIONS,
} from './define-framework.js';

export const expressCors = defineFramework({
  id: 'cors',
  label: 'express cors',
  registrations: [
    { kind: 'call', module: 'cors', export: 'default', options: { argument: 0, delegate: true } },
    { kind: 'typed-options', module: 'cors', export: 'CorsOptions' },
  ],
  optionNames: EXPRESS_CORS_OPTION_NAMES,
  otherOptions: EXPRESS_CORS_OTHER_OPTIONS,
  ...EXPRESS_CORS_BEHAVIOUR,
  order: { afterAuth: true, afterRoutes: true, afterInit: false },
  docs: 'https://github.com/expressjs/cors#configuration-options',
});
