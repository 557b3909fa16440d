import type { TSESLint } from '@typescript-eslint/utils';
import { createRule, onCorsFile } from '../src/create-rule.js';
import {
  type Coverage,
  type CorsPolicy,
  type ExplicitHeadersFinding,
  MAX_PORTABLE_MAX_AGE,
  explicitMethods,
  fileCoverage,
  explicitRequestHeaders,
  implicitHeaders,
} from '../src/model/index.js';
import { contains } from '../src/model/ast.js';
import { addOption, appendToList, arrayLiteral, replaceList } from '../src/suggestions.js';

export type MessageId =
  | 'defaultMethods'
  | 'defaultHeaders'
  | 'wildcardMethods'
  | 'wildcardHeaders'
  | 'missingRouteMethods'
  | 'reflectedHeaders'
  | 'unexposedHeader'
  | 'missingCredentialsHeader'
  | 'maxAge'
  | 'addHeader'
  | 'addMethods'
  | 'setList';

export type Options = [{ requireMaxAge?: boolean }];

/** Where a framework sends `*` as written: with credentials browsers read it as a name, not a wildcard. */
const LITERAL_METHOD_STAR = ' (and with credentials it is read literally and allows none)';
const LITERAL_HEADER_STAR = ' (and with credentials it is read literally and allows none; it never covers `Authorization`)';

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
      wildcardMethods: '`*` in {{key}} allows every method{{literal}}. List the methods the API accepts.',
      wildcardHeaders: '`*` in {{key}} allows every request header{{literal}}. List the headers the API accepts.',
      reflectedHeaders:
        'Access-Control-Allow-Headers echoes the request\'s Access-Control-Request-Headers, so every request header is allowed. List the headers the API accepts.',
      unexposedHeader:
        '{{framework}} does not expose the response header `{{header}}` that this file sets, so browser code on other origins cannot read it. Add `{{header}}` to {{key}}.',
      missingCredentialsHeader:
        'Credentials are on but {{key}} does not list `{{header}}`, so credentialed requests that send it fail their preflight. Add `{{header}}` if clients send it.',
      maxAge:
        'Set {{key}} to a value from 1 to {{max}} seconds: without it browsers cache a preflight for 5 s and send one before nearly every request; above {{max}} s WebKit caps it anyway.',
      missingRouteMethods:
        '{{framework}} allows only the methods listed in {{key}}, which lacks {{methods}}, yet this file registers {{routes}} under this policy: cross-origin calls to them fail their preflight. Add {{methods}} to {{key}}.',
      addHeader: 'Add `{{header}}` to {{key}}.',
      addMethods: 'Add {{methods}} to {{key}}.',
      setList: 'Set {{key}} to {{list}}.',
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
        // The routes under the policy, found once for all its findings.
        let coverage: Coverage | undefined;
        const covered = (): Coverage => (coverage ??= fileCoverage(policy, file));
        for (const finding of implicitHeaders(policy, file, requireMaxAge)) report(describe(policy, finding, covered));
      }
    });
  },
});

function describe(policy: CorsPolicy, finding: ExplicitHeadersFinding, covered: () => Coverage): TSESLint.ReportDescriptor<MessageId> {
  const framework = policy.framework.label;
  const key = (field: keyof typeof HEADER_NAMES): string => {
    const name = policy.framework.optionNames?.[field][0];
    return name ? `\`${name}\`` : HEADER_NAMES[field];
  };
  const defaults = policy.framework.defaultMethods === 'reflect' ? 'whatever method is asked for' : policy.framework.defaultMethods.join(', ');
  /** The suggestion that writes `items` as the list of `field`: a new option, or the list in place of `*`. */
  const setList = (field: 'methods' | 'allowedHeaders', items: readonly string[], fix: TSESLint.ReportFixFunction | null) =>
    fix ? [{ messageId: 'setList' as const, data: { key: key(field), list: items.join(', ') }, fix }] : [];
  /** The list, when it is one array or string literal (not a union of several) written in the options themselves. */
  const listNode = (field: 'methods' | 'allowedHeaders') => {
    const list = policy[field];
    const options = policy.options.kind === 'object' ? policy.options.value.node : null;
    const node = list.lists.length === 1 && list.lists[0]?.node === list.node ? list.node : null;
    return node && options && contains(options, node) ? node : null;
  };
  const withoutStar = (field: 'methods' | 'allowedHeaders', items: readonly string[]) => {
    const kept = policy[field].tokens.map((token) => token.name).filter((name) => name !== '*');
    return [...new Set([...kept, ...items])];
  };
  switch (finding.kind) {
    case 'default-methods': {
      const methods = explicitMethods(policy, covered());
      return {
        node: finding.node,
        messageId: 'defaultMethods',
        data: { framework, defaults, key: key('methods') },
        suggest: setList('methods', methods, addOption(policy, 'methods', arrayLiteral(methods))),
      };
    }
    case 'default-headers': {
      const headers = explicitRequestHeaders(policy, covered());
      return {
        node: finding.node,
        messageId: 'defaultHeaders',
        data: { framework, key: key('allowedHeaders') },
        suggest: setList('allowedHeaders', headers, addOption(policy, 'allowedHeaders', arrayLiteral(headers))),
      };
    }
    case 'wildcard-methods': {
      const methods = withoutStar('methods', explicitMethods(policy, covered()));
      return {
        node: finding.node,
        messageId: 'wildcardMethods',
        data: { key: key('methods'), literal: finding.literal ? LITERAL_METHOD_STAR : '' },
        suggest: setList('methods', methods, replaceList(listNode('methods'), methods)),
      };
    }
    case 'wildcard-headers': {
      const headers = withoutStar('allowedHeaders', explicitRequestHeaders(policy, covered()));
      return {
        node: finding.node,
        messageId: 'wildcardHeaders',
        data: { key: key('allowedHeaders'), literal: finding.literal ? LITERAL_HEADER_STAR : '' },
        suggest: setList('allowedHeaders', headers, replaceList(listNode('allowedHeaders'), headers)),
      };
    }
    case 'missing-route-methods': {
      const methods = finding.methods.join(', ');
      const data = { framework, key: key('methods'), methods, routes: routeList(finding.routes) };
      const fix = appendToList(finding.node, finding.methods);
      return { node: finding.node, messageId: 'missingRouteMethods', data, suggest: fix ? [{ messageId: 'addMethods', data, fix }] : [] };
    }
    case 'reflected-headers': {
      const headers = explicitRequestHeaders(policy, covered());
      return { node: finding.node, messageId: 'reflectedHeaders', suggest: setList('allowedHeaders', headers, replaceList(finding.node, headers)) };
    }
    case 'unexposed-header': {
      const fix = appendToList(policy.exposedHeaders.node, finding.header);
      const data = { framework, header: finding.header, key: key('exposedHeaders') };
      return { node: finding.node, messageId: 'unexposedHeader', data, suggest: fix ? [{ messageId: 'addHeader', data, fix }] : [] };
    }
    case 'missing-credentials-header': {
      const fix = appendToList(finding.node, finding.header);
      const data = { header: finding.header, key: key('allowedHeaders') };
      return { node: finding.node, messageId: 'missingCredentialsHeader', data, suggest: fix ? [{ messageId: 'addHeader', data, fix }] : [] };
    }
    case 'max-age':
      return { node: finding.node, messageId: 'maxAge', data: { key: key('maxAge'), max: String(MAX_PORTABLE_MAX_AGE) } };
  }
}

/** `PUT /items/:id (line 12) and DELETE (line 14)`: each route once, by method and line. */
function routeList(routes: readonly { method: string; node: { loc: { start: { line: number } } } }[]): string {
  const described = [...new Set(routes.map((route) => `a ${route.method} route (line ${route.node.loc.start.line})`))];
  return described.length > 1 ? `${described.slice(0, -1).join(', ')} and ${described.at(-1)}` : (described[0] ?? '');
}
