import { createRule, onCorsFile } from '../src/create-rule.js';
import { MAX_BROWSER_MAX_AGE, MAX_PORTABLE_MAX_AGE, type CorsPolicy, type OptionFinding, invalidOptions } from '../src/model/index.js';
import { renameKey } from '../src/suggestions.js';

export type MessageId =
  | 'unknownOption'
  | 'unknownOptionWithSuggestion'
  | 'credentialsType'
  | 'maxAgeRange'
  | 'originType'
  | 'starInArray'
  | 'listTypeCrash'
  | 'listTypeDropped'
  | 'originNeverCallsBack'
  | 'asyncOrigin'
  | 'renameOption';

export default createRule<[], MessageId>({
  name: 'valid-options',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS options the framework ignores, misreads or crashes on',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      unknownOption:
        '{{framework}} has no option `{{key}}`: it is silently ignored and the default applies. See {{docs}} for the options it accepts.',
      unknownOptionWithSuggestion:
        '{{framework}} has no option `{{key}}`: it is silently ignored and the default applies. Did you mean `{{suggestion}}`?',
      credentialsType:
        '`credentials` must be a boolean. {{framework}} {{effect}} for {{value}}. Use `true` or `false`.',
      maxAgeRange:
        '`maxAge: {{value}}` is outside 0–{{limit}} seconds: a negative value disables the preflight cache (Chromium reads it as 0) and browsers cap large values (WebKit {{portable}} s, Chromium 7200 s, Firefox {{limit}} s). Use at most {{portable}}.',
      originType:
        '{{framework}} does not support {{type}} as `origin`: {{effect}}. Use {{forms}}.',
      starInArray:
        "{{framework}} compares the origins of a list exactly, so `'*'` in a list matches no origin. Remove it and list the origins, or use `origin: '*'` if every website may really read the API.",
      listTypeCrash: '{{framework}} needs an array for `{{key}}`; a string makes it fail at run time. Write `[…]`.',
      listTypeDropped:
        '{{framework}} silently ignores a string `{{key}}`: no Access-Control-Allow-Methods header is sent, so PUT, PATCH and DELETE fail their preflight. Write `[…]`.',
      originNeverCallsBack:
        '{{framework}} passes a callback to the origin function and waits for it, but this function never calls it: every cross-origin request hangs. Call `callback(null, allowed)`.',
      asyncOrigin:
        '{{framework}} {{effect}}. Make the origin function synchronous{{callback}}.',
      renameOption: 'Rename `{{key}}` to `{{suggestion}}`.',
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, ({ policies }, report) => {
      for (const policy of policies) for (const finding of invalidOptions(policy)) report(describe(policy, finding));
    });
  },
});

const ORIGIN_TYPES = { boolean: 'a boolean', regex: 'a RegExp', array: 'an array', set: 'a Set', string: 'a string' } as const;

function describe(policy: CorsPolicy, finding: OptionFinding) {
  const framework = policy.framework.label;
  switch (finding.kind) {
    case 'unknown-option': {
      if (!finding.suggestion) {
        return { node: finding.node, messageId: 'unknownOption' as const, data: { framework, key: finding.key, docs: policy.framework.docs } };
      }
      const data = { framework, key: finding.key, suggestion: finding.suggestion };
      return {
        node: finding.node,
        messageId: 'unknownOptionWithSuggestion' as const,
        data,
        suggest: [{ messageId: 'renameOption' as const, data, fix: renameKey(finding.node, finding.suggestion) }],
      };
    }
    case 'credentials-type':
      return {
        node: finding.node,
        messageId: 'credentialsType' as const,
        data: {
          framework,
          value: finding.value,
          effect: finding.effect === 'on' ? 'turns credentials on (any truthy value does, even "false")' : 'leaves credentials off (only `true` turns them on)',
        },
      };
    case 'max-age-range':
      return {
        node: finding.node,
        messageId: 'maxAgeRange' as const,
        data: { value: String(finding.value), limit: String(MAX_BROWSER_MAX_AGE), portable: String(MAX_PORTABLE_MAX_AGE) },
      };
    case 'origin-type':
      return {
        node: finding.node,
        messageId: 'originType' as const,
        data: {
          framework,
          type: ORIGIN_TYPES[finding.type],
          effect: policy.framework.origin.misuse?.[finding.type]?.words ?? 'it is not understood',
          forms: policy.framework.origin.forms,
        },
      };
    case 'star-in-array':
      return { node: finding.node, messageId: 'starInArray' as const, data: { framework } };
    case 'list-type':
      return { node: finding.node, messageId: finding.effect === 'crash' ? ('listTypeCrash' as const) : ('listTypeDropped' as const), data: { framework, key: finding.key } };
    case 'origin-function':
      if (finding.problem === 'never-calls-back') return { node: finding.node, messageId: 'originNeverCallsBack' as const, data: { framework } };
      return {
        node: finding.node,
        messageId: 'asyncOrigin' as const,
        data:
          policy.framework.origin.function === 'callback'
            ? { framework, effect: 'ignores what an async origin function returns and waits for the callback, so every cross-origin request hangs', callback: ' and call `callback(null, allowed)`' }
            : { framework, effect: 'cannot await an origin function: an async one sends `[object Promise]` as the allowed origin', callback: '' },
      };
  }
}
