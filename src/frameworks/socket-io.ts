/**
 * socket.io: `new Server(httpServer, { cors })` hands `cors` to express `cors` for HTTP long-polling. It does not
 * restrict WebSocket upgrades; that needs `allowRequest`.
 */
import {
  defineFramework,
  EXPRESS_CORS_BEHAVIOUR,
  EXPRESS_CORS_OPTION_NAMES,
  EXPRESS_CORS_OTHER_OPTIONS,
} from './define-framework.js';

export const socketIo = defineFramework({
  id: 'socket.io',
  label: 'socket.io',
  registrations: [
    { kind: 'new', module: 'socket.io', export: 'Server', options: { argument: 'last', key: 'cors' } },
    { kind: 'call', module: 'socket.io', export: 'default', options: { argument: 'last', key: 'cors' } },
  ],
  optionNames: EXPRESS_CORS_OPTION_NAMES,
  otherOptions: EXPRESS_CORS_OTHER_OPTIONS,
  ...EXPRESS_CORS_BEHAVIOUR,
  order: { afterAuth: false, afterRoutes: false, afterInit: false },
  docs: 'https://socket.io/docs/v4/handling-cors/',
});
