import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule, onCorsFile } from '../src/create-rule.js';
import { type UnsafePattern, unsafeOriginPatterns } from '../src/model/index.js';
import { isRegexProblem, saferPattern, serialisedOrigin } from '../src/model/origin-patterns.js';
import { replaceString } from '../src/suggestions.js';

export type MessageId =
  | 'unanchored'
  | 'unescapedDot'
  | 'lookAlikeHost'
  | 'statefulFlag'
  | 'partialMatch'
  | 'nullOrigin'
  | 'insecureScheme'
  | 'notSerialised'
  | 'defaultPort'
  | 'unicodeHost'
  | 'notSerialisedForm'
  | 'uppercaseHost'
  | 'schemelessHost'
  | 'useSaferRegex'
  | 'useSerialisedOrigin';

const MESSAGE_IDS = {
  unanchored: 'unanchored',
  'unescaped-dot': 'unescapedDot',
  'look-alike-host': 'lookAlikeHost',
  'stateful-flag': 'statefulFlag',
  'partial-match': 'partialMatch',
  'null-origin': 'nullOrigin',
  'insecure-scheme': 'insecureScheme',
  'not-serialised': 'notSerialised',
  'uppercase-host': 'uppercaseHost',
  'schemeless-host': 'schemelessHost',
} as const satisfies Record<UnsafePattern['kind'], MessageId>;

/** Why an origin literal never matches, by message. */
const SERIALISATION_MESSAGE_IDS = {
  path: 'notSerialised',
  'default-port': 'defaultPort',
  'unicode-host': 'unicodeHost',
  form: 'notSerialisedForm',
} as const satisfies Record<Extract<UnsafePattern, { kind: 'not-serialised' }>['reason'], MessageId>;

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
        'The origin pattern {{text}} is not anchored with `^…$`, so it also accepts origins that merely contain a match{{example}}. Anchor it at both ends.',
      unescapedDot:
        'The unescaped `.` in the origin pattern {{text}} matches any character, so look-alike hosts are accepted too{{example}}. Escape it as `\\.`.',
      lookAlikeHost:
        'The origin pattern {{text}} accepts {{example}}, whose host is neither {{host}} nor a subdomain of it: anyone can register such a look-alike domain and read these responses. Put `\\.` between what may vary and the domain, for example `([a-z0-9-]+\\.)*` instead of an open run.',
      statefulFlag:
        'The `g`/`y` flag of {{text}} makes `.test()` resume where the previous call stopped, so identical requests are allowed and refused in turn. Remove the flag.',
      partialMatch:
        '`origin.{{method}}(…)` checks only part of the origin, so other origins that share that part pass it too{{example}}. Compare whole origins with an allowlist (`allowed.includes(origin)`).',
      nullOrigin:
        'Allowing the origin `null` allows sandboxed iframes, `data:` and `file:` documents and redirected requests, which any website can create. Never allow `null`.',
      insecureScheme:
        "{{text}} is an `http://` origin: anyone on the network path can serve pages as that origin and use the API. Allow only `https://` origins (`http://` is fine for localhost).",
      notSerialised:
        '{{text}} has a path, trailing slash, query or fragment. Browsers send origins without them, so it never matches. Use `{{fixed}}`.',
      defaultPort:
        "{{text}} names its scheme's default port. Browsers leave the default port out of the Origin header, so it never matches. Use `{{fixed}}`.",
      unicodeHost:
        '{{text}} has a non-ASCII host. Browsers send such hosts in their punycode form, so it never matches. Use `{{fixed}}`.',
      notSerialisedForm:
        '{{text}} is not written the way browsers send origins (lower-case scheme, no user name, no leading zeros in the port), so it never matches. Use `{{fixed}}`.',
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
          const suggestion = suggest(finding);
          report({
            node: finding.node,
            messageId: finding.kind === 'not-serialised' ? SERIALISATION_MESSAGE_IDS[finding.reason] : MESSAGE_IDS[finding.kind],
            data: messageData(finding, policy.framework.label, suggestion?.data.fixed),
            suggest: suggestion ? [suggestion] : [],
          });
        }
      }
    });
  },
});

function messageData(finding: UnsafePattern, framework: string, fixed: string | undefined): Record<string, string> {
  const text = 'text' in finding ? finding.text : '';
  switch (finding.kind) {
    case 'partial-match':
      return { method: finding.method, example: finding.example ? `, such as ${finding.example}` : '' };
    case 'unanchored':
    case 'unescaped-dot':
      return { text, example: finding.example ? `, such as ${finding.example}` : '' };
    case 'look-alike-host':
      return { text, example: finding.example ?? '', host: finding.host ?? '' };
    case 'not-serialised':
      return { text, fixed: finding.serialised ?? '' };
    case 'uppercase-host':
      return { text, fixed: fixed ?? serialisedOrigin(text) ?? '' };
    case 'schemeless-host':
      return { text, framework };
    default:
      return { text };
  }
}

function suggest(finding: UnsafePattern): (TSESLint.SuggestionReportDescriptor<MessageId> & { data: { fixed: string } }) | null {
  const node = finding.node as TSESTree.Node;
  if (isRegexProblem(finding.kind)) {
    if (node.type !== T.Literal || !('regex' in node) || !node.regex) return null;
    const safer = saferPattern(node.regex);
    if (!safer) return null;
    const fixed = `/${safer.pattern}/${safer.flags}`;
    return { messageId: 'useSaferRegex', data: { fixed }, fix: (fixer) => fixer.replaceText(node, fixed) };
  }
  const fixed = finding.kind === 'not-serialised' ? finding.serialised : finding.kind === 'uppercase-host' ? serialisedOrigin(finding.text) : null;
  const fix = fixed ? replaceString(node, fixed) : null;
  return fixed && fix ? { messageId: 'useSerialisedOrigin', data: { fixed }, fix } : null;
}
