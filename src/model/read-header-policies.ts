/**
 * Policies written as response headers: raw `Access-Control-*` writes grouped by function (or header object), and
 * `headers()` entries in `next.config.*`. Each group that writes Allow-Origin is a policy.
 */
import { NEXT_CONFIG_FILE } from '../frameworks/index.js';
import type { Framework } from '../frameworks/define-framework.js';
import { type Node, isFunction } from './ast.js';
import type { AllowedOrigin, CorsPolicy, HeaderWrite, Setting } from './cors-file.js';
import type { OriginCheck } from './origin-checks.js';
import type { ReadContext } from './read-context.js';
import { readNextConfigWrites } from './read-next-config.js';
import { headerCredentialsOn, readList, readOriginHeader } from './read-settings.js';
import type { Value } from './static-value.js';

const HEADER_POLICY_FIELDS = {
  'access-control-allow-origin': 'origin',
  'access-control-allow-credentials': 'credentials',
  'access-control-allow-methods': 'methods',
  'access-control-allow-headers': 'allowedHeaders',
  'access-control-expose-headers': 'exposedHeaders',
  'access-control-max-age': 'maxAge',
} as const;

/** Raw header writes anywhere in the file. */
export function readHeaderWritePolicies(context: ReadContext, framework: Framework): CorsPolicy[] {
  return headerPolicies(context, framework, context.writes);
}

/** `headers()` entries of a Next.js config; other files have none. */
export function readNextConfigPolicies(context: ReadContext, framework: Framework): CorsPolicy[] {
  if (!NEXT_CONFIG_FILE.test(context.filename)) return [];
  return headerPolicies(context, framework, readNextConfigWrites(context.scan.headerFunctions, context.resolver, context.sourceCode));
}

/** Header writes grouped by function (or header object): each group that writes Allow-Origin is a policy. */
function headerPolicies(context: ReadContext, framework: Framework, writes: readonly HeaderWrite[]): CorsPolicy[] {
  const checks = context.checks;
  const groups = new Map<Node, HeaderWrite[]>();
  for (const write of writes) {
    if (!write.key.startsWith('access-control-')) continue;
    const group = groups.get(write.group) ?? [];
    group.push(write);
    groups.set(write.group, group);
  }
  const policies: CorsPolicy[] = [];
  for (const [group, groupWrites] of groups) {
    const originWrites = groupWrites.filter((write) => write.key === 'access-control-allow-origin');
    const first = originWrites[0];
    if (!first) continue;
    const boundary = isFunction(group) ? group : null;
    const allowedOrigins: AllowedOrigin[] = [];
    const originChecks: OriginCheck[] = [];
    for (const write of originWrites) {
      const guards = checks.guardsOf(write.node, boundary, {});
      allowedOrigins.push(...readOriginHeader(write.value, guards.length > 0));
      originChecks.push(...checks.checksIn(guards, {}), ...checks.findChecks(write.valueNode, {}));
    }
    const setting = (field: string): Setting => {
      const found = groupWrites.filter((write) => HEADER_POLICY_FIELDS[write.key as keyof typeof HEADER_POLICY_FIELDS] === field);
      const last = found[found.length - 1];
      if (!last) return { state: 'absent' };
      const value: Value = found.length === 1 ? last.value : { kind: 'union', options: found.map((write) => write.value), node: last.valueNode };
      return { state: 'set', value, node: last.valueNode };
    };
    const credentialsSetting = setting('credentials');
    policies.push({
      framework,
      node: group,
      reportNode: first.valueNode,
      options: { kind: 'headers', writes: groupWrites },
      origin: setting('origin'),
      allowedOrigins,
      unmatchableStars: [],
      originFunctions: [],
      originChecks: dedupe(originChecks),
      credentials: {
        setting: credentialsSetting,
        on: credentialsSetting.state === 'set' && headerCredentialsOn(credentialsSetting.value),
        node: credentialsSetting.state === 'set' ? credentialsSetting.node : null,
      },
      methods: readList(setting('methods')),
      allowedHeaders: readList(setting('allowedHeaders'), framework.emptyAllowedHeaders),
      exposedHeaders: readList(setting('exposedHeaders')),
      maxAge: setting('maxAge'),
      builtPerRequest: null,
    });
  }
  return policies;
}

function dedupe(checks: OriginCheck[]): OriginCheck[] {
  return [...new Map(checks.map((check) => [check.node, check])).values()];
}
