import type { TSESTree } from '@typescript-eslint/utils';
import { createRule, onCorsFile } from '../src/create-rule.js';
import { misorderedCors } from '../src/model/index.js';

export type MessageId = 'afterAuth' | 'afterRoute' | 'afterInit' | 'appliedAfterAuth';

export default createRule<[], MessageId>({
  name: 'middleware-order',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require CORS to be registered before auth and rate-limit middleware, before routes, and before `init()`',
      recommended: 'error',
    },
    messages: {
      afterAuth:
        '{{framework}} is registered on `{{app}}` after `{{earlier}}` (line {{line}}). Preflight requests carry no credentials, so that middleware rejects them (401/429) before CORS answers, and the browser blocks the real request. Register CORS first.',
      afterRoute:
        '{{framework}} is registered on `{{app}}` after the route on line {{line}}, which answers without CORS headers, so browsers cannot read its responses. Register CORS before the routes.',
      afterInit:
        '`enableCors()` is called on `{{app}}` after `{{app}}.init()` (line {{line}}), when NestJS no longer applies it: no CORS headers are sent. Call it before `init()`.',
      appliedAfterAuth:
        'NestJS applies the `cors` option of `NestFactory.create` when the app starts, after `{{earlier}}` registered on `{{app}}` (line {{line}}), so preflights are rejected (401/429) before CORS answers. Call `{{app}}.enableCors(…)` before `{{app}}.use(…)` instead.',
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, ({ chains }, report) => {
      for (const chain of chains) {
        for (const finding of misorderedCors(chain)) {
          const earlier = finding.earlier;
          const named = (earlier.auth ?? earlier.route ?? earlier.node) as TSESTree.Node;
          const data = {
            framework: finding.policy.framework.label,
            app: chain.receiver,
            earlier: shorten(context.sourceCode.getText(named)),
            line: String(earlier.node.loc.start.line),
          };
          const messageId =
            finding.kind === 'after-init'
              ? 'afterInit'
              : finding.kind === 'after-route'
                ? 'afterRoute'
                : finding.policy.framework.order.appliedAtStartup
                  ? 'appliedAfterAuth'
                  : 'afterAuth';
          // The registering call's callee (`app.use`), not the whole call with its options.
          const node = finding.node.type === 'CallExpression' ? finding.node.callee : finding.node;
          report({ node, messageId, data });
        }
      }
    });
  },
});

function shorten(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}
