/** A compact, stable, human-readable summary of a CORS model, for snapshots. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { CorsFile, ListSetting, Setting, Value } from '../../src/model/index.js';

type Node = TSESTree.Node;

const at = (node: Node): string => `${node.loc.start.line}:${node.loc.start.column + 1}`;

/** One value, compactly: literals as written, `<source>` for what the file cannot show, `a | b` for unions. */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'nullish':
      return String(value.value);
    case 'regex':
      return `/${value.pattern}/${value.flags}`;
    case 'array':
      return `${value.set ? 'Set' : ''}[${value.elements.map(describeValue).join(', ')}]`;
    case 'object':
      return `{${value.properties.map((property) => property.key).join(', ')}${value.opaqueSpreads.length ? ', …opaque' : ''}}`;
    case 'function':
      return `function@${at(value.node)}`;
    case 'request-header':
      return `request.${value.name}${value.validated ? ' (checked)' : ''}`;
    case 'opaque':
      return `<${value.source}>`;
    case 'union':
      return value.options.map(describeValue).join(' | ');
  }
}

function setting(value: Setting): string {
  return value.state === 'set' ? describeValue(value.value) : value.state;
}

function list(value: ListSetting): string {
  if (value.state !== 'list') return value.state;
  return `[${value.tokens.map((token) => token.name).join(', ')}]`;
}

export function summarize(file: CorsFile): unknown {
  return {
    policies: file.policies.map((policy) => ({
      framework: policy.framework.id,
      at: at(policy.node),
      options: policy.options.kind === 'opaque' ? `opaque (${policy.options.source})` : policy.options.kind,
      origin: setting(policy.origin),
      allowedOrigins: policy.allowedOrigins.map(
        (origin) => `${origin.kind} via ${origin.via}${origin.value ? ` ${describeValue(origin.value)}` : ''} @${at(origin.node)}`,
      ),
      ...(policy.unmatchableStars.length ? { unmatchableStars: policy.unmatchableStars.map(at) } : {}),
      ...(policy.originChecks.length
        ? { originChecks: policy.originChecks.map((check) => `${check.form}${check.method ? `:${check.method}` : ''}${check.against ? ` ${describeValue(check.against)}` : ''} @${at(check.node)}`) }
        : {}),
      credentials: policy.credentials.on,
      methods: list(policy.methods),
      allowedHeaders: list(policy.allowedHeaders),
      exposedHeaders: list(policy.exposedHeaders),
      maxAge: setting(policy.maxAge),
    })),
    chains: file.chains
      .filter((chain) => chain.entries.some((entry) => entry.policy))
      .map((chain) => ({
        app: chain.receiver,
        order: chain.entries.map(
          (entry) =>
            `${entry.policy ? 'cors' : entry.auth ? 'auth' : entry.route ? 'route' : entry.init ? 'init' : 'mount'}@${Number.isFinite(entry.position) ? at(entry.node) : 'startup'}`,
        ),
      })),
    customResponseHeaders: [...new Set(file.responseHeaders.filter((write) => /^x-/iu.test(write.name)).map((write) => write.name))],
    servesEventStream: file.eventStreams.length > 0,
  };
}
