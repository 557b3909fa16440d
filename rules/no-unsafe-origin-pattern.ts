import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule, onCorsFile } from '../src/create-rule.js';
import { type UnsafePattern, unsafeOriginPatterns } from '../src/model/index.js';
import { saferRegex, serialisedOrigin } from '../src/model/origin-patterns.js';
import { replaceString } from '../src/suggestions.js';

export type MessageId =
  | 'unanchored'
  | 'unescapedDot'
  | 'statefulFlag'
  | 'partialMatch'
  | 'nullOrigin'
  | 'insecureScheme'
  | 'notSerialised'
  | 'uppercaseHost'
  | 'schemelessHost'
  | 'useSaferRegex'
  | 'useSerialisedOrigin';

const MESSAGE_IDS = {
  unanchored: 'unanchored',
  'unescaped-dot': 'unescapedDot',
  'stateful-flag': 'statefulFlag',
  'partial-match': 'partialMatch',
  'null-origin': 'nullOrigin',
  'insecure-scheme': 'insecureScheme',
  'not-serialised': 'notSerialised',
  'uppercase-host': 'uppercaseHost',
  'schemeless-host': 'schemelessHost',
} as const satisfies Record<UnsafePattern['kind'], MessageId>;

export default createRule<[], MessageId>({
  name: 'no-unsafe-origin-pattern',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow origin checks that attackers can satisfy or that never match: loose regexes, substring checks, `null`, `http://`, malformed origins',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      unanchored:
        'The origin pattern {{text}} is not anchored with `^…$`, so origins that merely contain a match, such as https://app.example.com.evil.net, are allowed too. Anchor it at both ends.',
      unescapedDot:
        'The unescaped `.` in the origin pattern {{text}} matches any character, so a look-alike domain (app-example.com for app.example.com) is allowed too. Escape it as `\\.`.',
      statefulFlag:
        'The `g`/`y` flag of {{text}} makes `.test()` resume where the previous call stopped, so identical requests are allowed and refused in turn. Remove the flag.',
      partialMatch:
        '`origin.{{method}}(…)` checks only part of the origin, so origins that share that part are accepted too, such as https://evil-example.com or https://example.com.evil.net. Compare whole origins with an allowlist (`allowed.includes(origin)`).',
      nullOrigin:
        'Allowing the origin `null` allows sandboxed iframes, `data:` and `file:` documents and redirected requests, which any website can create. Never allow `null`.',
      insecureScheme:
        "{{text}} is an `http://` origin: anyone on the network path can serve pages as that origin and use the API. Allow only `https://` origins (`http://` is fine for localhost).",
      notSerialised:
        '{{text}} has a path, trailing slash, query or fragment. Browsers send origins without them, so it never matches. Use `{{fixed}}`.',
      uppercaseHost:
        '{{text}} has upper-case letters in its host. Browsers send hosts in lower case, so it never matches. Use `{{fixed}}`.',
      schemelessHost:
        "{{framework}} matches '{{text}}' over any scheme, so http://{{text}} is allowed too, and anyone on the network path can serve pages as that origin. Write the full origin: 'https://{{text}}'.",
      useSaferRegex: 'Use {{fixed}}.',
      useSerialisedOrigin: "Use '{{fixed}}'.",
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, ({ policies }, report) => {
      for (const policy of policies) {
        for (const finding of unsafeOriginPatterns(policy)) {
          const text = 'text' in finding ? finding.text : '';
          const method = finding.kind === 'partial-match' ? finding.method : '';
          const suggestion = suggest(finding);
          report({
            node: finding.node,
            messageId: MESSAGE_IDS[finding.kind],
            data: { text, method, framework: policy.framework.label, fixed: suggestion?.data.fixed ?? serialisedOrigin(text) ?? '' },
            suggest: suggestion ? [suggestion] : [],
          });
        }
      }
    });
  },
});

function suggest(finding: UnsafePattern): TSESLint.SuggestionReportDescriptor<MessageId> & { data: { fixed: string } } | null {
  const node = finding.node as TSESTree.Node;
  if (finding.kind === 'unanchored' || finding.kind === 'unescaped-dot' || finding.kind === 'stateful-flag') {
    if (node.type !== T.Literal || !('regex' in node) || !node.regex) return null;
    const safer = saferRegex(node.regex);
    if (!safer) return null;
    const fixed = `/${safer.pattern}/${safer.flags}`;
    return { messageId: 'useSaferRegex', data: { fixed }, fix: (fixer) => fixer.replaceText(node, fixed) };
  }
  if (finding.kind === 'not-serialised' || finding.kind === 'uppercase-host') {
    const fixed = serialisedOrigin(finding.text);
    const fix = fixed ? replaceString(node, fixed) : null;
    return fixed && fix ? { messageId: 'useSerialisedOrigin', data: { fixed }, fix } : null;
  }
  return null;
}
