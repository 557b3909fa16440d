import { createRule, onCorsFile } from '../src/create-rule.js';
import { type AllowedOrigin, wildcardOrigins } from '../src/model/index.js';
import { useEnvironmentAllowlist } from '../src/suggestions.js';

export type MessageId = 'anyOrigin' | 'reflectedOrigin' | 'anyRegex' | 'useEnvironmentAllowlist';

export default createRule<[], MessageId>({
  name: 'no-wildcard-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS policies that let every website read responses: `*`, a reflected Origin, or a match-all pattern',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      anyOrigin:
        '{{framework}} sends `Access-Control-Allow-Origin: *`{{detail}}, so every website can read these responses. Allow only your own origins, for example a list read from the CORS_ORIGINS environment variable.',
      reflectedOrigin:
        '{{framework}} echoes the request Origin back without checking it{{detail}}, so every website can read these responses. Compare the origin with an allowlist before allowing it.',
      anyRegex:
        '{{framework}} allows origins matching {{pattern}}, which matches every origin (https://attacker.invalid too), so every website can read these responses. List exact origins instead.',
      useEnvironmentAllowlist: 'Allow only the origins listed in the CORS_ORIGINS environment variable.',
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, ({ policies }, report) => {
      for (const policy of policies) {
        for (const origin of wildcardOrigins(policy)) {
          const fix = useEnvironmentAllowlist(policy);
          report({
            node: origin.node,
            messageId: origin.kind === 'any' ? 'anyOrigin' : origin.kind === 'reflect' ? 'reflectedOrigin' : 'anyRegex',
            data: { framework: policy.framework.label, detail: detail(origin), pattern: context.sourceCode.getText(origin.node) },
            suggest: fix ? [{ messageId: 'useEnvironmentAllowlist', fix }] : [],
          });
        }
      }
    });
  },
});

function detail(origin: AllowedOrigin): string {
  switch (origin.via) {
    case 'default':
      return ' (its default when `origin` is not set)';
    case 'element':
      return origin.kind === 'any' ? " (a `'*'` element makes the whole list `*`)" : '';
    case 'function':
      return ' (the origin function allows it on every path)';
    default:
      return '';
  }
}
