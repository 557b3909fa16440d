import { createRule, onCorsFile } from '../src/create-rule.js';
import { hardcodedOrigins } from '../src/model/index.js';

export type MessageId = 'hardcodedOrigin' | 'hardcodedLocalhost';

export default createRule<[], MessageId>({
  name: 'no-hardcoded-origins',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require allowed CORS origins to come from configuration, not from origins written into the code',
      recommended: 'error',
    },
    messages: {
      hardcodedOrigin:
        '{{framework}} allows the hard-coded origin {{origin}}. Allowed origins differ per environment and change without a code change; load them from configuration (for example the CORS_ORIGINS environment variable).',
      hardcodedLocalhost:
        '{{framework}} allows the development origin {{origin}} in code that also runs in production, where any page served from localhost on a user\'s machine can then call the API. Load origins from configuration and keep localhost to development.',
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, ({ policies }, report) => {
      for (const policy of policies) {
        for (const origin of hardcodedOrigins(policy)) {
          report({
            node: origin.node,
            messageId: origin.loopback ? 'hardcodedLocalhost' : 'hardcodedOrigin',
            data: { framework: policy.framework.label, origin: origin.kind === 'string' ? `'${origin.text}'` : origin.text },
          });
        }
      }
    });
  },
});
