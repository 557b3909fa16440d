/**
 * The reader: turns one file into a `CorsFile`. Computed once per `SourceCode` and shared by every rule (and by
 * `cors-fix`). Files that mention neither CORS nor an `Access-Control-` header cost one regex test.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { FRAMEWORKS, NEXT_CONFIG_FILE } from '../frameworks/index.js';
import type { Framework, Registration } from '../frameworks/define-framework.js';
import { EVENT_STREAM_HELPERS, EVENT_STREAM_MEDIA_TYPE } from '../frameworks/event-streams.js';
import { type FunctionNode, type Node, type SourceCode, contains, isFunction, methodReceiver, propertyKey, resolveIdentifier, returnedValues, unwrap, walk } from './ast.js';
import type { AllowedOrigin, CorsFile, CorsPolicy, HeaderWrite, OptionEntry, PolicyOptions, Setting } from './cors-file.js';
import { readChains } from './middleware-chain.js';
import { type ModuleSource, type ModuleUse, findModuleUses, isExport, matchesModule, moduleSpecifier } from './module-uses.js';
import { type OriginCheck, OriginChecks } from './origin-checks.js';
import type { OriginFunction } from './origin-function.js';
import { readHeaderWrites } from './read-header-writes.js';
import { readNextConfigWrites } from './read-next-config.js';
import { headerCredentialsOn, readCredentials, readList, readOriginHeader, readOriginOption } from './read-settings.js';
import { type ObjectValue, type Provenance, type Value, ValueResolver, alternatives } from './static-value.js';

/** Text every file with a CORS policy contains; anything else is skipped without parsing further. */
export const MIGHT_HAVE_CORS = /cors|access-control-|startStandaloneServer/iu;

const EMPTY: CorsFile = Object.freeze({ policies: [], chains: [], responseHeaders: [], eventStreams: [] }) as CorsFile;

const cache = new WeakMap<SourceCode, CorsFile>();

/** The CORS model of a file, computed once per `SourceCode`. */
export function readCorsFile(sourceCode: SourceCode, filename = ''): CorsFile {
  let file = cache.get(sourceCode);
  if (!file) {
    file = MIGHT_HAVE_CORS.test(sourceCode.text) ? new Reader(sourceCode, filename).read() : EMPTY;
    cache.set(sourceCode, file);
  }
  return file;
}

interface Scan {
  calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  sources: { node: ModuleSource; module: string }[];
  eventStreamLiterals: Node[];
  headerFunctions: Node[];
}

const HEADER_POLICY_FIELDS = {
  'access-control-allow-origin': 'origin',
  'access-control-allow-credentials': 'credentials',
  'access-control-allow-methods': 'methods',
  'access-control-allow-headers': 'allowedHeaders',
  'access-control-expose-headers': 'exposedHeaders',
  'access-control-max-age': 'maxAge',
} as const;

class Reader {
  private readonly checks: OriginChecks;
  private readonly resolver: ValueResolver;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly filename: string,
  ) {
    this.checks = new OriginChecks(sourceCode);
    this.resolver = this.checks.resolver;
  }

  read(): CorsFile {
    const scan = this.scan();
    const uses = findModuleUses(scan.sources, this.sourceCode);
    const policies: CorsPolicy[] = [];
    const typed: CorsPolicy[] = [];
    const responseHeaders = readHeaderWrites(scan.calls, this.resolver);
    for (const framework of FRAMEWORKS) {
      for (const registration of framework.registrations) {
        const found = this.readRegistration(framework, registration, scan, uses, responseHeaders);
        (registration.kind === 'typed-options' ? typed : policies).push(...found);
      }
    }
    // A typed options object that is also registered is the same policy.
    const registeredOptions = new Set(policies.map((policy) => (policy.options.kind === 'object' ? policy.options.value.node : null)));
    policies.push(...typed.filter((policy) => policy.options.kind === 'object' && !registeredOptions.has(policy.options.value.node)));
    policies.sort((a, b) => a.node.range[0] - b.node.range[0]);

    const streamCalls = uses.filter(
      (use) => use.kind === 'call' && EVENT_STREAM_HELPERS.some((helper) => matchesModule(use.module, helper.module) && isExport(use.path, helper.export)),
    );
    return {
      policies,
      chains: readChains(scan.calls, policies, this.sourceCode),
      responseHeaders,
      eventStreams: [...scan.eventStreamLiterals, ...streamCalls.map((use) => use.node)],
    };
  }

  /** One pass over the tree for everything the reader needs. */
  private scan(): Scan {
    const scan: Scan = { calls: [], sources: [], eventStreamLiterals: [], headerFunctions: [] };
    const modules = trackedModules();
    walk(this.sourceCode.ast, this.sourceCode.visitorKeys, (node) => {
      switch (node.type) {
        case T.CallExpression:
        case T.NewExpression:
          scan.calls.push(node);
          break;
        case T.Literal:
          if (typeof node.value === 'string' && node.value.includes(EVENT_STREAM_MEDIA_TYPE)) scan.eventStreamLiterals.push(node);
          break;
        case T.TemplateElement:
          if (node.value.raw.includes(EVENT_STREAM_MEDIA_TYPE)) scan.eventStreamLiterals.push(node);
          break;
        case T.Property:
          if (propertyKey(node) === 'headers') scan.headerFunctions.push(node.value);
          break;
        default:
          break;
      }
      if (
        node.type === T.ImportDeclaration ||
        node.type === T.TSImportEqualsDeclaration ||
        node.type === T.ImportExpression ||
        node.type === T.CallExpression
      ) {
        const module = moduleSpecifier(node, this.sourceCode);
        if (module !== null && modules.some((pattern) => matchesModule(module, pattern))) scan.sources.push({ node, module });
      }
    });
    return scan;
  }

  private readRegistration(
    framework: Framework,
    registration: Registration,
    scan: Scan,
    uses: readonly ModuleUse[],
    writes: readonly HeaderWrite[],
  ): CorsPolicy[] {
    switch (registration.kind) {
      case 'call':
      case 'new':
        return uses
          .filter((use) => use.kind === registration.kind && matchesModule(use.module, registration.module) && isExport(use.path, registration.export))
          .flatMap((use) => {
            const call = use.node as TSESTree.CallExpression | TSESTree.NewExpression;
            const effective = this.adapted(framework, call.arguments, uses);
            return registration.options
              ? this.readOptionsAt(effective, call, call.arguments, registration.options)
              : [this.policy(effective, call, call, { kind: 'none' })];
          });
      case 'plugin':
        return uses
          .filter(
            (use): use is Extract<ModuleUse, { kind: 'argument' }> =>
              use.kind === 'argument' &&
              use.index === 0 &&
              matchesModule(use.module, registration.module) &&
              isExport(use.path, registration.export) &&
              calleeMethod(use.call) === registration.method,
          )
          .flatMap((use) => this.readOptionsAt(framework, use.call, use.call.arguments, registration.options));
      case 'method': {
        if (!scan.sources.some((source) => matchesModule(source.module, registration.whenImporting))) return [];
        return scan.calls
          .filter((call): call is TSESTree.CallExpression => call.type === T.CallExpression && calleeMethod(call) === registration.method)
          .flatMap((call) => this.readOptionsAt(this.adapted(framework, this.creationArguments(call), uses), call, call.arguments, registration.options));
      }
      case 'typed-options':
        return uses
          .filter(
            (use): use is Extract<ModuleUse, { kind: 'type' }> =>
              use.kind === 'type' && matchesModule(use.module, registration.module) && isExport(use.path, registration.export),
          )
          .flatMap((use) => {
            const object = annotatedObject(use.node);
            if (!object) return [];
            const value = this.resolver.resolve(object);
            return value.kind === 'object' ? [this.policy(framework, object, object, this.objectOptions(framework, value))] : [];
          });
      case 'header-writes':
        return this.headerPolicies(framework, writes);
      case 'next-config-headers':
        return NEXT_CONFIG_FILE.test(this.filename)
          ? this.headerPolicies(framework, readNextConfigWrites(scan.headerFunctions, this.resolver, this.sourceCode))
          : [];
      default:
        return [];
    }
  }

  /** The entry that applies when the app was created with one of the framework's adapters (`new FastifyAdapter()`). */
  private adapted(framework: Framework, creationArguments: readonly Node[], uses: readonly ModuleUse[]): Framework {
    if (!framework.adapters?.length) return framework;
    for (const raw of creationArguments) {
      let argument = unwrap(raw);
      if (argument.type === T.Identifier) {
        const definition = resolveIdentifier(this.sourceCode, argument)?.defs[0];
        const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
        if (init) argument = unwrap(init);
      }
      for (const adapter of framework.adapters) {
        const created = uses.some(
          (use) => use.kind === 'new' && use.node === argument && matchesModule(use.module, adapter.module) && isExport(use.path, adapter.export),
        );
        if (created) return adapter.framework;
      }
    }
    return framework;
  }

  /** The arguments of the call that created the receiver of `app.enableCors()` (`await NestFactory.create(…)`). */
  private creationArguments(call: TSESTree.CallExpression): readonly Node[] {
    const receiver = methodReceiver(call);
    if (receiver?.type !== T.Identifier) return [];
    const definition = resolveIdentifier(this.sourceCode, receiver)?.defs[0];
    if (definition?.type !== 'Variable') return [];
    let init: Node | null | undefined = (definition.node as TSESTree.VariableDeclarator).init;
    if (init && unwrap(init).type === T.AwaitExpression) init = (unwrap(init) as TSESTree.AwaitExpression).argument;
    init = init ? unwrap(init) : null;
    return init?.type === T.CallExpression ? init.arguments : [];
  }

  /** Reads the options of a registration at `location`; may yield several policies (an options delegate). */
  private readOptionsAt(
    framework: Framework,
    call: Node,
    args: readonly TSESTree.CallExpressionArgument[],
    location: Extract<Registration, { kind: 'call' }>['options'] & object,
  ): CorsPolicy[] {
    const index = location.argument === 'last' ? args.length - 1 : location.argument;
    const argument = index >= 0 ? args[index] : undefined;
    if (!argument || argument.type === T.SpreadElement) {
      return location.key ? [] : [this.policy(framework, call, call, { kind: 'none' })];
    }
    let value = this.resolver.resolve(argument);
    let valueNode: Node = argument;
    if (location.key) {
      // `{ cors: … }`: true means "no options"; false, absent or unknowable means no policy this file can show.
      if (value.kind !== 'object') return [];
      const property = ValueResolver.property(value, location.key);
      if (!property) return [];
      value = property.value;
      valueNode = property.value.node;
    }
    return alternatives(value).flatMap((option) => this.readOptionsValue(framework, call, option, option === value ? valueNode : option.node, location));
  }

  /** One possible value of the options: `cors(isProduction ? { origin: list } : { origin: '*' })` is two policies. */
  private readOptionsValue(
    framework: Framework,
    call: Node,
    value: Value,
    valueNode: Node,
    location: Extract<Registration, { kind: 'call' }>['options'] & object,
  ): CorsPolicy[] {
    switch (value.kind) {
      case 'object': {
        const delegator = location.delegatorKey ? ValueResolver.property(value, location.delegatorKey) : undefined;
        if (delegator) return this.delegatorPolicies(framework, call, delegator.value, delegator.value.node);
        return [this.policy(framework, call, value.node, this.objectOptions(framework, value))];
      }
      case 'nullish':
        return location.key ? [] : [this.policy(framework, call, call, { kind: 'none' })];
      case 'boolean':
        // `{ cors: true }` means CORS with no options; `false` means none.
        return location.key && value.value ? [this.policy(framework, call, valueNode.parent ?? valueNode, { kind: 'none' })] : [];
      case 'function': {
        if (location.delegate) return this.delegatePolicies(framework, call, value.node);
        if (!location.instanceFunction) return [this.opaquePolicy(framework, call, valueNode, 'runtime')];
        // `(instance) => delegator`: every function it returns is a per-request options function.
        const returned = returnedValues(value.node, this.sourceCode);
        return returned.length > 0
          ? returned.flatMap((node) => this.delegatorPolicies(framework, call, this.resolver.resolve(node), node))
          : [this.opaquePolicy(framework, call, valueNode, 'runtime')];
      }
      case 'opaque':
        return [this.opaquePolicy(framework, call, valueNode, value.source)];
      default:
        return [this.opaquePolicy(framework, call, valueNode, 'runtime')];
    }
  }

  /** A per-request options function (fastify's `delegator`), or something this file cannot see into. */
  private delegatorPolicies(framework: Framework, call: Node, value: Value, node: Node): CorsPolicy[] {
    if (value.kind === 'function') return this.delegatePolicies(framework, call, value.node, true);
    return [this.opaquePolicy(framework, call, node, value.kind === 'opaque' ? value.source : 'runtime')];
  }

  /**
   * `cors((req, cb) => cb(null, options))`, or fastify's `async (req) => options`: each options object handed to the
   * callback, or returned when there is no callback and `mayReturn` (express ignores what a delegate returns), is a
   * policy.
   */
  private delegatePolicies(framework: Framework, call: Node, delegate: FunctionNode, mayReturn = false): CorsPolicy[] {
    const callbackParam = delegate.params[1];
    const callback =
      callbackParam?.type === T.Identifier
        ? this.sourceCode.getDeclaredVariables(delegate).find((variable) => variable.name === callbackParam.name)
        : undefined;
    if (!callback && (callbackParam || !mayReturn)) return [this.opaquePolicy(framework, call, delegate, 'runtime')];
    const answers: { optionsNode: Node; at: Node }[] = [];
    if (callback) {
      for (const reference of callback.references) {
        const identifier = reference.identifier as TSESTree.Identifier;
        const answer = identifier.parent;
        if (answer?.type !== T.CallExpression || unwrap(answer.callee) !== identifier || !answer.arguments[1]) continue;
        answers.push({ optionsNode: answer.arguments[1], at: answer });
      }
    } else {
      for (const returned of returnedValues(delegate, this.sourceCode)) {
        const optionsNode = unwrap(returned).type === T.AwaitExpression ? (unwrap(returned) as TSESTree.AwaitExpression).argument : returned;
        answers.push({ optionsNode, at: returned });
      }
    }
    const policies: CorsPolicy[] = [];
    for (const { optionsNode, at } of answers) {
      const answerGuards = this.checks.guardsOf(at, delegate, {});
      // `const options = allowed.includes(origin) ? { origin: true } : { origin: false }`: each branch has its guards.
      for (const value of alternatives(this.resolver.resolve(optionsNode))) {
        if (value.kind === 'object') {
          const own = value.node !== optionsNode && contains(delegate, value.node) ? this.checks.guardsOf(value.node, delegate, {}) : [];
          const guards = [...new Set([...answerGuards, ...own])];
          const policy = this.policy(framework, call, value.node, this.objectOptions(framework, value), guards);
          policies.push({ ...policy, builtPerRequest: delegate });
        } else if (value.kind === 'opaque') {
          policies.push(this.opaquePolicy(framework, call, value.node, value.source));
        }
      }
    }
    // Nothing this file can read: still a registration (its place in the middleware order counts).
    return policies.length > 0 ? policies : [this.opaquePolicy(framework, call, delegate, 'runtime')];
  }

  private objectOptions(framework: Framework, value: ObjectValue): PolicyOptions {
    const fields = framework.optionNames;
    const entries: OptionEntry[] = value.properties.map((property) => ({
      ...property,
      field: fields ? ((Object.keys(fields) as (keyof typeof fields)[]).find((field) => fields[field].includes(property.key)) ?? null) : null,
    }));
    return { kind: 'object', value, entries };
  }

  private opaquePolicy(framework: Framework, call: Node, node: Node, source: Provenance): CorsPolicy {
    return this.policy(framework, call, node, { kind: 'opaque', node, source });
  }

  /** Builds a policy from options; `guards` are origin checks that every use of these options sits behind. */
  private policy(framework: Framework, node: Node, reportNode: Node, options: PolicyOptions, guards: Node[] = []): CorsPolicy {
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

  /** Header writes grouped by function (or header object): each group that writes Allow-Origin is a policy. */
  private headerPolicies(framework: Framework, writes: readonly HeaderWrite[]): CorsPolicy[] {
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
        const guards = this.checks.guardsOf(write.node, boundary, {});
        allowedOrigins.push(...readOriginHeader(write.value, guards.length > 0));
        originChecks.push(...this.checks.checksIn(guards, {}), ...this.checks.findChecks(write.valueNode, {}));
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
}

function dedupe(checks: OriginCheck[]): OriginCheck[] {
  return [...new Map(checks.map((check) => [check.node, check])).values()];
}

function calleeMethod(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  if (!callee.computed && callee.property.type === T.Identifier) return callee.property.name;
  return null;
}

/** The object literal that `const o: CorsOptions = {…}` or `{…} satisfies CorsOptions` types. */
function annotatedObject(typeName: TSESTree.Identifier): Node | null {
  let node: Node = typeName;
  while (node.parent?.type === T.TSQualifiedName) node = node.parent;
  const reference = node.parent;
  if (reference?.type !== T.TSTypeReference) return null;
  const holder = reference.parent;
  if (holder?.type === T.TSSatisfiesExpression || holder?.type === T.TSAsExpression) {
    return unwrap(holder.expression).type === T.ObjectExpression ? unwrap(holder.expression) : null;
  }
  if (holder?.type === T.TSTypeAnnotation) {
    const id = holder.parent;
    const declarator = id?.parent;
    if (id?.type === T.Identifier && declarator?.type === T.VariableDeclarator && declarator.id === id && declarator.init) {
      const init = unwrap(declarator.init);
      return init.type === T.ObjectExpression ? init : null;
    }
  }
  return null;
}

let modulesCache: string[] | null = null;

/** Every module a registration, a typed option or an event-stream helper comes from. */
function trackedModules(): string[] {
  if (!modulesCache) {
    const modules = new Set<string>(EVENT_STREAM_HELPERS.map((helper) => helper.module));
    for (const framework of FRAMEWORKS) {
      for (const registration of framework.registrations) {
        if ('module' in registration) modules.add(registration.module);
        if (registration.kind === 'method') modules.add(registration.whenImporting);
      }
    }
    modulesCache = [...modules];
  }
  return modulesCache;
}

export type { AllowedOrigin, CorsFile, CorsPolicy } from './cors-file.js';
export { alternatives };
