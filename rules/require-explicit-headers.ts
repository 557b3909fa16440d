import { createRule, onCorsFile } from '../src/create-rule.js';
import { type CorsPolicy, type ExplicitHeadersFinding, MAX_PORTABLE_MAX_AGE, implicitHeaders } from '../src/model/index.js';
import { appendToList } from '../src/suggestions.js';

export type MessageId =
  | 'defaultMethods'
  | 'defaultHeaders'
  | 'wildcardMethods'
  | 'wildcardHeaders'
  | 'reflectedHeaders'
  | 'unexposedHeader'
  | 'missingCredentialsHeader'
  | 'maxAge'
  | 'addHeader';

export type Options = [{ requireMaxAge?: boolean }];

const HEADER_NAMES = {
  methods: 'Access-Control-Allow-Methods',
  allowedHeaders: 'Access-Control-Allow-Headers',
  exposedHeaders: 'Access-Control-Expose-Headers',
  maxAge: 'Access-Control-Max-Age',
} as const;

export default createRule<Options, MessageId>({
  name: 'require-explicit-headers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require explicit allowed methods and request headers, and exposure of the custom response headers the file sets',
      recommended: 'warn',
      strictOptions: [{ requireMaxAge: true }],
    },
    hasSuggestions: true,
    messages: {
      defaultMethods:
        '{{framework}} leaves the allowed methods to its default ({{defaults}}). List the methods the API accepts in {{key}}, so that allowing a method is a decision.',
      defaultHeaders:
        '{{framework}} leaves the allowed request headers to its default, which echoes whatever headers a browser asks for. List the headers the API accepts in {{key}}.',
      wildcardMethods:
        '`*` in {{key}} allows every method (and with credentials it is read literally and allows none). List the methods the API accepts.',
      wildcardHeaders:
        '`*` in {{key}} allows every request header (and with credentials it is read literally and allows none; it never covers `Authorization`). List the headers the API accepts.',
      reflectedHeaders:
        'Access-Control-Allow-Headers echoes the request\'s Access-Control-Request-Headers, so every request header is allowed. List the headers the API accepts.',
      unexposedHeader:
        '{{framework}} does not expose the response header `{{header}}` that this file sets, so browser code on other origins cannot read it. Add `{{header}}` to {{key}}.',
      missingCredentialsHeader:
        'Credentials are on but {{key}} does not list `{{header}}`, so credentialed requests that send it fail their preflight. Add `{{header}}` if clients send it.',
      maxAge:
        'Set {{key}} to a value from 1 to {{max}} seconds: without it browsers cache a preflight for 5 s and send one before nearly every request; above {{max}} s WebKit caps it anyway.',
      addHeader: 'Add `{{header}}` to {{key}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireMaxAge: {
            type: 'boolean',
            description: 'Also require an explicit `maxAge` from 1 to 600 seconds (on in `strict`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireMaxAge: false }],
  },
  create(context, [{ requireMaxAge = false }]) {
    return onCorsFile(context, (file, report) => {
      for (const policy of file.policies) {
        for (const finding of implicitHeaders(policy, file, requireMaxAge)) report(describe(policy, finding));
      }
    });
  },
});

function describe(policy: CorsPolicy, finding: ExplicitHeadersFinding) {
  const framework = policy.framework.label;
  const key = (field: keyof typeof HEADER_NAMES): string => {
    const name = policy.framework.optionNames?.[field][0];
    return name ? `\`${name}\`` : HEADER_NAMES[field];
  };
  const defaults = policy.framework.defaultMethods === 'reflect' ? 'whatever method is asked for' : policy.framework.defaultMethods.join(', ');
  switch (finding.kind) {
    case 'default-methods':
      return { node: finding.node, messageId: 'defaultMethods' as const, data: { framework, defaults, key: key('methods') } };
    case 'default-headers':
      return { node: finding.node, messageId: 'defaultHeaders' as const, data: { framework, key: key('allowedHeaders') } };
    case 'wildcard-methods':
      return { node: finding.node, messageId: 'wildcardMethods' as const, data: { key: key('methods') } };
    case 'wildcard-headers':
      return { node: finding.node, messageId: 'wildcardHeaders' as const, data: { key: key('allowedHeaders') } };
    case 'reflected-headers':
      return { node: finding.node, messageId: 'reflectedHeaders' as const };
    case 'unexposed-header': {
      const fix = appendToList(policy.exposedHeaders.node, finding.header);
      const data = { framework, header: finding.header, key: key('exposedHeaders') };
      return { node: finding.node, messageId: 'unexposedHeader' as const, data, suggest: fix ? [{ messageId: 'addHeader' as const, data, fix }] : [] };
    }
    case 'missing-credentials-header': {
      const fix = appendToList(finding.node, finding.header);
      const data = { header: finding.header, key: key('allowedHeaders') };
      return { node: finding.node, messageId: 'missingCredentialsHeader' as const, data, suggest: fix ? [{ messageId: 'addHeader' as const, data, fix }] : [] };
    }
    case 'max-age':
      return { node: finding.node, messageId: 'maxAge' as const, data: { key: key('maxAge'), max: String(MAX_PORTABLE_MAX_AGE) } };
  }
}
