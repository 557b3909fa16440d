/** Apollo Server's `startStandaloneServer` always serves `cors()` with no options: every origin, not configurable. */
import { defineFramework, EXPRESS_CORS_BEHAVIOUR } from './define-framework.js';

export const apolloStandalone = defineFramework({
  id: '@apollo/server/standalone',
  label: 'Apollo startStandaloneServer',
  registrations: [{ kind: 'call', module: '@apollo/server/standalone', export: 'startStandaloneServer', options: null }],
  optionNames: null,
  otherOptions: [],
  ...EXPRESS_CORS_BEHAVIOUR,
  order: { afterAuth: false, afterRoutes: false, afterInit: false },
  docs: 'https://www.apollographql.com/docs/apollo-server/security/cors',
});
