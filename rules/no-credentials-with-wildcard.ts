import { createRule, onCorsFile } from '../src/create-rule.js';
import { credentialsWithWildcard } from '../src/model/index.js';
import { useEnvironmentAllowlist } from '../src/suggestions.js';

export type MessageId = 'anyOriginWithCredentials' | 'reflectedOriginWithCredentials' | 'wildcardListWithCredentials' | 'useEnvironmentAllowlist';

const LIST_HEADERS = {
  methods: { header: 'Access-Control-Allow-Methods', effect: 'that use PUT, PATCH or DELETE fail their preflight', what: 'methods' },
  allowedHeaders: { header: 'Access-Control-Allow-Headers', effect: 'that send a header such as Authorization fail their preflight', what: 'request headers' },
  exposedHeaders: { header: 'Access-Control-Expose-Headers', effect: 'cannot read any custom response header', what: 'exposed headers' },
} as const;

export default createRule<[], MessageId>({
  name: 'no-credentials-with-wildcard',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow credentials together with a wildcard, reflected or match-all origin, or `*` in header and method lists',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      anyOriginWithCredentials:
        '{{framework}} sends `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`. Browsers refuse this combination, so every credentialed request (cookies, `credentials: "include"`) silently fails. List the allowed origins instead of `*`.',
      reflectedOriginWithCredentials:
        '{{framework}} {{how}} and allows credentials, so any website can send requests with your users\' cookies and read the answers: it can act as your users. Allow only listed origins when credentials are on.',
      wildcardListWithCredentials:
        'With credentials on, browsers read `*` in {{header}} literally, so it allows nothing: credentialed requests {{effect}}. List the {{what}} explicitly.',
      useEnvironmentAllowlist: 'Allow only the origins listed in the CORS_ORIGINS environment variable.',
    },
    schema: [],
  },
  create(context) {
    return onCorsFile(context, ({ policies }, report) => {
      for (const policy of policies) {
        for (const finding of credentialsWithWildcard(policy)) {
          const framework = policy.framework.label;
          if (finding.kind === 'wildcard-list') {
            report({ node: finding.node, messageId: 'wildcardListWithCredentials', data: LIST_HEADERS[finding.list] });
            continue;
          }
          const fix = useEnvironmentAllowlist(policy);
          const suggest = fix ? [{ messageId: 'useEnvironmentAllowlist' as const, fix }] : [];
          if (finding.kind === 'any-origin') {
            report({ node: finding.node, messageId: 'anyOriginWithCredentials', data: { framework }, suggest });
            continue;
          }
          const origin = finding.origin;
          const how =
            origin.kind === 'any-regex'
              ? `allows origins matching ${context.sourceCode.getText(origin.node)}, which matches every origin,`
              : origin.kind === 'any'
                ? 'turns `*` into echoing the request Origin once credentials are on'
                : origin.via === 'default'
                  ? 'echoes the request Origin back by default (no `origin` set)'
                  : 'echoes the request Origin back without checking it';
          report({ node: finding.node, messageId: 'reflectedOriginWithCredentials', data: { framework, how }, suggest });
        }
      }
    });
  },
});
