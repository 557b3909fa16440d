import { createRule, onCorsFile } from '../src/create-rule.js';
import { type CorsPolicy, missingEventStreamHeaders } from '../src/model/index.js';
import { appendToList } from '../src/suggestions.js';

export type MessageId = 'missingLastEventId' | 'missingCacheControl' | 'addHeader';

export default createRule<[], MessageId>({
  name: 'require-sse-headers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Last-Event-ID` and `Cache-Control` in the allowed request headers of files that serve Server-Sent Events',
      recommended: 'warn',
    },
    hasSuggestions: true,
    messages: {
      missingLastEventId:
        '{{framework}} does not allow the `Last-Event-ID` request header in {{key}}, but this file serves Server-Sent Events: fetch-based SSE clients send it when they reconnect, so the resumed stream fails its preflight. Add `Last-Event-ID`.',
      missingCacheControl:
        '{{framework}} does not allow the `Cache-Control` request header in {{key}}, but this file serves Server-Sent Events: fetch-based SSE clients commonly send `Cache-Control: no-cache`, which fails the preflight. Add `Cache-Control`.',
      addHeader: 'Add `{{header}}` to the allowed headers.',
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, (file, report) => {
      for (const policy of file.policies) {
        for (const { node, header } of missingEventStreamHeaders(policy, file)) {
          const fix = appendToList(node, header);
          report({
            node,
            messageId: header === 'Last-Event-ID' ? 'missingLastEventId' : 'missingCacheControl',
            data: { framework: policy.framework.label, key: listName(policy) },
            suggest: fix ? [{ messageId: 'addHeader', data: { header }, fix }] : [],
          });
        }
      }
    });
  },
});

function listName(policy: CorsPolicy): string {
  const key = policy.framework.optionNames?.allowedHeaders[0];
  return key ? `\`${key}\`` : '`Access-Control-Allow-Headers`';
}
