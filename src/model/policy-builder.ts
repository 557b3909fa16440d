/** Builds `CorsPolicy` records from what a registration shows: settings read by field, origins classified, lists tokenised. */
import type { Framework } from '../frameworks/define-framework.js';
import type { Node, SourceCode } from './ast.js';
import type { CorsPolicy, OptionEntry, PolicyOptions, Setting } from './cors-file.js';
import type { OriginChecks } from './origin-checks.js';
import type { OriginFunction } from './origin-function.js';
import { readCredentials, readList, readOriginOption } from './read-settings.js';
import { type ObjectValue, type Provenance, ValueResolver } from './static-value.js';

export class PolicyBuilder {
  constructor(
    private readonly sourceCode: SourceCode,
    private readonly checks: OriginChecks,
  ) {}

  /** The options of an object literal, each key mapped to the framework field it sets. */
  objectOptions(framework: Framework, value: ObjectValue): PolicyOptions {
    const fields = framework.optionNames;
    const entries: OptionEntry[] = value.properties.map((property) => ({
      ...property,
      field: fields ? ((Object.keys(fields) as (keyof typeof fields)[]).find((field) => fields[field].includes(property.key)) ?? null) : null,
    }));
    return { kind: 'object', value, entries };
  }

  opaquePolicy(framework: Framework, call: Node, node: Node, source: Provenance): CorsPolicy {
    return this.policy(framework, call, node, { kind: 'opaque', node, source });
  }

  /** Builds a policy from options; `guards` are origin checks that every use of these options sits behind. */
  policy(framework: Framework, node: Node, reportNode: Node, options: PolicyOptions, guards: Node[] = []): CorsPolicy {
    const setting = (field: 'origin' | 'credentials' | 'methods' | 'allowedHeaders' | 'exposedHeaders' | 'maxAge'): Setting => {
      if (options.kind === 'none') return { state: 'absent' };
      if (options.kind !== 'object') return { state: 'unknown' };
      const names = framework.optionNames?.[field] ?? [];
      for (const name of names) {
        const property = ValueResolver.property(options.value, name);
        if (property) return { state: 'set', value: property.value, node: property.value.node };
      }
      return options.value.opaqueSpreads.length > 0 ? { state: 'unknown' } : { state: 'absent' };
    };
    const credentials = readCredentials(setting('credentials'), framework);
    const origin = setting('origin');
    const reading =
      options.kind === 'opaque'
        ? { allowedOrigins: [], unmatchableStars: [], originFunctions: [] }
        : readOriginOption(origin, framework, credentials.on, reportNode, guards.length > 0, this.sourceCode, this.checks);
    return {
      framework,
      node,
      reportNode,
      options,
      origin,
      ...reading,
      originChecks: [...reading.originFunctions.flatMap((fn: OriginFunction) => fn.checks), ...this.checks.checksIn(guards, {})],
      credentials,
      methods: readList(setting('methods')),
      allowedHeaders: readList(setting('allowedHeaders'), framework.emptyAllowedHeaders),
      exposedHeaders: readList(setting('exposedHeaders')),
      maxAge: setting('maxAge'),
      builtPerRequest: null,
    };
  }
}
