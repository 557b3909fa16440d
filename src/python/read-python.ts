/**
 * The Python reader: turns one parsed module into the model's `CorsFile` (policies, middleware order, response
 * headers, event streams), finding registrations from the framework entries' data, plus what the planner needs to
 * edit them. Settings modules that star-import another module are read over the linked base module's settings.
 */
import { AUTH_OR_LIMIT_PAIRS, AUTH_OR_LIMIT_WORDS, PYTHON_FRAMEWORKS, type PythonFramework, type PythonRegistration } from '../frameworks/python.js';
import type { ChainEntry, CorsFile, CorsPolicy, MiddlewareChain } from '../model/cors-file.js';
import { asModelNode } from '../model/foreign-node.js';
import type { ObjectValue, PropertyValue, Value } from '../model/static-value.js';
import { type AppFacts, readAppFacts } from './app-facts.js';
import type { PyTree } from './parser.js';
import { buildPolicy } from './policy.js';
import { PyScope } from './scope.js';
import { type PyNode, callArguments, child, enclosingFunction, named, pyNodeOf, statementOf, stringValue, textOf, unparen, walkTree } from './syntax.js';
import { PyValues } from './values.js';

/** How one policy is registered, for the planner. */
export interface PyRegistration {
  framework: PythonFramework;
  kind: PythonRegistration['kind'];
  /** The registering call (`add_middleware(…)`, `Middleware(…)`, `CORS(…)`, `cross_origin(…)`), null for settings. */
  call: PyNode | null;
  /** The calls whose keywords are the options (`CORS(…)` and its `init_app(…)`), in order; empty for settings. */
  optionCalls: PyNode[];
  /** The statement that registers CORS (to move it), or null. */
  statement: PyNode | null;
  /** Flask-CORS `resources` entry whose dict the policy's options extend, or null. */
  resource: PyNode | null;
}

/** A read Python module: the model's view plus what the planner and the linker need. */
export interface PyFile extends CorsFile {
  path: string;
  text: string;
  tree: PyTree;
  scope: PyScope;
  values: PyValues;
  facts: AppFacts;
  registrations: Map<CorsPolicy, PyRegistration>;
  /** For a settings module: its own `CORS_*` assignments by name (the last one of each). */
  settings: Map<string, { statement: PyNode; target: PyNode; value: PyNode }>;
}

/** Settings a star-imported base module contributes (read in its own scope). */
export interface LinkedSettings {
  properties: PropertyValue[];
  middleware: Value | null;
}

export interface ReadOptions {
  /** The settings of each star-imported module, in import order; null where it could not be found. */
  starImports?: readonly (LinkedSettings | null)[];
}

/** Reads one parsed Python module. */
export function readPython(tree: PyTree, path: string, options: ReadOptions = {}): PyFile {
  const scope = new PyScope(tree.text, tree.root);
  const values = new PyValues(scope);
  const file: PyFile = {
    path,
    text: tree.text,
    tree,
    scope,
    values,
    facts: readAppFacts(scope, values),
    registrations: new Map(),
    settings: new Map(),
    policies: [],
    chains: [],
    requestHeaders: [],
    readsAuthorization: false,
    responseHeaders: [],
    eventStreams: [],
  };
  file.responseHeaders = file.facts.responseHeaders;
  file.eventStreams = file.facts.eventStreams;
  file.requestHeaders = file.facts.requestHeaders;
  file.readsAuthorization = file.facts.readsAuthorization;
  new Reader(file, options).read();
  file.policies.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return file;
}

/** The settings of a module as its star-importers see them. */
export function linkedSettings(file: PyFile, framework: PythonFramework): LinkedSettings {
  const registration = framework.python.registrations.find((candidate) => candidate.kind === 'settings');
  if (!registration || registration.kind !== 'settings') return { properties: [], middleware: null };
  const middleware = file.scope.moduleAssignments.get(registration.middlewareSetting);
  return {
    properties: settingProperties(file, registration.prefix),
    middleware: middleware ? file.values.assigned(middleware, middleware.at(-1)?.target as PyNode) : null,
  };
}

function settingProperties(file: PyFile, prefix: string): PropertyValue[] {
  const properties: PropertyValue[] = [];
  for (const [name, assignments] of file.scope.moduleAssignments) {
    if (!name.startsWith(prefix)) continue;
    const last = assignments.at(-1);
    if (!last) continue;
    properties.push({ key: name, keyNode: asModelNode(last.target), node: asModelNode(statementOf(last.node)), value: file.values.assigned(assignments, last.target) });
  }
  return properties.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

class Reader {
  private readonly text: string;
  private readonly chains = new Map<string, MiddlewareChain>();

  constructor(
    private readonly file: PyFile,
    private readonly options: ReadOptions,
  ) {
    this.text = file.text;
  }

  read(): void {
    const calls: PyNode[] = [];
    walkTree(this.file.tree.root, (node) => {
      if (node.kind === 'call') calls.push(node);
      return true;
    });
    for (const framework of PYTHON_FRAMEWORKS) {
      for (const registration of framework.python.registrations) {
        switch (registration.kind) {
          case 'add-middleware':
            this.readAddMiddleware(framework, registration, calls);
            break;
          case 'middleware-entry':
            this.readMiddlewareEntries(framework, registration, calls);
            break;
          case 'wrap':
            this.readWraps(framework, registration, calls);
            break;
          case 'extension':
            this.readExtensions(framework, registration, calls);
            break;
          case 'decorator':
            this.readDecorators(framework, registration, calls);
            break;
          case 'settings':
            this.readSettings(framework, registration);
            break;
        }
      }
    }
    this.file.chains = [...this.chains.values()].filter((chain) => chain.entries.some((entry) => entry.policy));
  }

  private qualified(node: PyNode | null | undefined): string | null {
    return node ? this.file.scope.qualifiedName(unparen(node)) : null;
  }

  private add(policy: CorsPolicy, registration: PyRegistration): CorsPolicy {
    this.file.policies.push(policy);
    this.file.registrations.set(policy, registration);
    return policy;
  }

  /** The keyword options of registering calls, merged in order (`**spread` dicts resolved where the file shows them). */
  private keywordOptions(calls: readonly PyNode[], skip: readonly string[] = []): { options: ObjectValue | null; opaque: ReturnType<typeof opaqueOf> } {
    const properties: PropertyValue[] = [];
    const opaqueSpreads: ObjectValue['opaqueSpreads'] = [];
    let spreadSource: ReturnType<typeof opaqueOf> = null;
    for (const call of calls) {
      const args = callArguments(this.text, call);
      for (const keyword of args.keywords) {
        if (skip.includes(keyword.name)) continue;
        properties.push({ key: keyword.name, keyNode: asModelNode(keyword.nameNode), node: asModelNode(keyword.node), value: this.file.values.resolve(keyword.value) });
      }
      for (const splat of args.dictionarySplats) {
        const inner = named(splat)[0];
        const value = inner ? this.file.values.resolve(inner) : null;
        if (value?.kind === 'object') {
          properties.push(...value.properties.filter((property) => !skip.includes(property.key)));
          opaqueSpreads.push(...value.opaqueSpreads);
        } else {
          opaqueSpreads.push(asModelNode(splat));
          spreadSource ??= opaqueOf(value, splat);
        }
      }
    }
    const any = calls.some((call) => callArguments(this.text, call).keywords.length > 0 || callArguments(this.text, call).dictionarySplats.length > 0);
    if (!any) return { options: null, opaque: null };
    // Only an unknown `**options` and nothing else: the whole policy is out of sight.
    if (properties.length === 0 && spreadSource) return { options: null, opaque: spreadSource };
    const first = calls[0] as PyNode;
    return { options: { kind: 'object', properties, opaqueSpreads, node: asModelNode(callArguments(this.text, first).list ?? first) }, opaque: null };
  }

  private policyFor(framework: PythonFramework, call: PyNode, optionCalls: readonly PyNode[], kind: PythonRegistration['kind'], skip: readonly string[] = []): CorsPolicy[] {
    const { options, opaque } = this.keywordOptions(optionCalls, skip);
    const resources = framework.python.resourcesOption && options ? options.properties.filter((property) => property.key === framework.python.resourcesOption).at(-1) : undefined;
    const registration = (resource: PyNode | null): PyRegistration => ({ framework, kind, call, optionCalls: [...optionCalls], statement: statementOf(call), resource });
    if (resources && options && resources.value.kind === 'object') {
      // Flask-CORS `resources={r"/api/*": {…}}`: one policy per path pattern, its dict over the other keywords.
      const base = options.properties.filter((property) => property !== resources);
      return resources.value.properties.map((resource) => {
        const own = resource.value.kind === 'object' ? resource.value : null;
        const merged: ObjectValue = { kind: 'object', properties: [...base, ...(own?.properties ?? [])], opaqueSpreads: [...options.opaqueSpreads, ...(own ? own.opaqueSpreads : [resource.node])], node: own?.node ?? resource.node };
        const policy = buildPolicy({ framework, node: asModelNode(call), reportNode: merged.node, options: merged, opaque: null });
        return this.add(policy, registration(pyNodeOf(resource.node)));
      });
    }
    const policy = buildPolicy({ framework, node: asModelNode(call), reportNode: asModelNode(call), options, opaque: opaque ? { node: opaque.node, source: opaque.source } : null });
    return [this.add(policy, registration(null))];
  }

  private readAddMiddleware(framework: PythonFramework, registration: Extract<PythonRegistration, { kind: 'add-middleware' }>, calls: readonly PyNode[]): void {
    for (const call of calls) {
      const callee = child(call, 'function');
      if (callee?.kind !== 'attribute' || textOf(this.text, child(callee, 'attribute') as PyNode) !== registration.method) continue;
      const receiver = unparen(child(callee, 'object') as PyNode);
      const args = callArguments(this.text, call);
      const middleware = args.positional[0];
      // Added last, runs first: the source position, negated, orders the stack from the outside in.
      const entry: ChainEntry = { node: asModelNode(call), position: -call.range[0], policy: null, auth: null, route: null, init: false, methods: [], path: null, mounts: null, handlers: [] };
      if (middleware && registration.classes.includes(this.qualified(middleware) ?? '')) {
        entry.policy = this.policyFor(framework, call, [call], 'add-middleware')[0] ?? null;
      } else if (middleware && isAuthName(this.nameOf(middleware))) {
        entry.auth = asModelNode(middleware);
      } else {
        continue;
      }
      this.chainOf(receiver, call).entries.push(entry);
    }
    // `@app.middleware("http")` functions are added with `add_middleware` when the decorator runs.
    for (const call of calls) {
      const callee = child(call, 'function');
      if (call.parent?.kind !== 'decorator' || callee?.kind !== 'attribute' || textOf(this.text, child(callee, 'attribute') as PyNode) !== 'middleware') continue;
      const definition = call.parent.parent?.children.find((part) => part.field === 'definition');
      const name = definition ? child(definition, 'name') : null;
      if (!name || !isAuthName(textOf(this.text, name))) continue;
      const receiver = unparen(child(callee, 'object') as PyNode);
      this.chainOf(receiver, call).entries.push({ node: asModelNode(call), position: -call.range[0], policy: null, auth: asModelNode(name), route: null, init: false, methods: [], path: null, mounts: null, handlers: [] });
    }
  }

  private readMiddlewareEntries(framework: PythonFramework, registration: Extract<PythonRegistration, { kind: 'middleware-entry' }>, calls: readonly PyNode[]): void {
    const lists = new Set<PyNode>();
    for (const call of calls) {
      if (!registration.wrappers.includes(this.qualified(child(call, 'function')) ?? '')) continue;
      const first = callArguments(this.text, call).positional[0];
      if (!first || !registration.classes.includes(this.qualified(first) ?? '')) continue;
      this.policyFor(framework, call, [call], 'middleware-entry');
      if (call.parent?.kind === 'list' || call.parent?.kind === 'tuple') lists.add(call.parent);
    }
    for (const list of lists) {
      // The first entry is the outermost layer: list order is the order requests pass through.
      const owner = this.listOwner(list);
      const chain = this.chainOf(owner ?? list, list);
      named(list).forEach((element, index) => {
        const entry: ChainEntry = { node: asModelNode(element), position: index, policy: null, auth: null, route: null, init: false, methods: [], path: null, mounts: null, handlers: [] };
        const policy = [...this.file.registrations].find(([, candidate]) => candidate.call === element)?.[0];
        if (policy) entry.policy = policy;
        else if (element.kind === 'call' && registration.wrappers.includes(this.qualified(child(element, 'function')) ?? '')) {
          const middleware = callArguments(this.text, element).positional[0];
          if (middleware && isAuthName(this.nameOf(middleware))) entry.auth = asModelNode(middleware);
        }
        if (entry.policy || entry.auth) chain.entries.push(entry);
      });
    }
  }

  /** The app variable a `middleware=[…]` list is given to (`app = FastAPI(middleware=[…])`), directly or by name. */
  private listOwner(list: PyNode): PyNode | null {
    let holder: PyNode | null = list;
    if (list.parent?.kind === 'assignment' && list.field === 'right') {
      const name = child(list.parent, 'left');
      if (name?.kind !== 'identifier') return null;
      const target = textOf(this.text, name);
      // `middleware = [...]` then `app = FastAPI(middleware=middleware)`.
      holder = null;
      walkTree(this.file.tree.root, (node) => {
        if (holder || node.kind !== 'keyword_argument') return !holder;
        const value = child(node, 'value');
        if (value?.kind === 'identifier' && textOf(this.text, value) === target) holder = value;
        return true;
      });
      if (!holder) return null;
    }
    const keyword = (holder as PyNode).parent;
    const call = keyword?.kind === 'keyword_argument' ? keyword.parent?.parent : null;
    const assignment = call?.parent;
    if (assignment?.kind === 'assignment' && call?.field === 'right') {
      const target = child(assignment, 'left');
      return target?.kind === 'identifier' ? target : null;
    }
    return null;
  }

  private readWraps(framework: PythonFramework, registration: Extract<PythonRegistration, { kind: 'wrap' }>, calls: readonly PyNode[]): void {
    for (const call of calls) {
      if (!registration.classes.includes(this.qualified(child(call, 'function')) ?? '')) continue;
      this.policyFor(framework, call, [call], 'wrap');
    }
  }

  private readExtensions(framework: PythonFramework, registration: Extract<PythonRegistration, { kind: 'extension' }>, calls: readonly PyNode[]): void {
    for (const call of calls) {
      if (!registration.classes.includes(this.qualified(child(call, 'function')) ?? '')) continue;
      // `cors = CORS(**options)` then `cors.init_app(app, **more)`: both sets of keywords apply, the later winning.
      const initCalls: PyNode[] = [];
      const assignment = call.parent?.kind === 'assignment' && call.field === 'right' ? child(call.parent, 'left') : null;
      if (assignment?.kind === 'identifier') {
        const name = textOf(this.text, assignment);
        for (const other of calls) {
          const callee = child(other, 'function');
          if (callee?.kind !== 'attribute' || textOf(this.text, child(callee, 'attribute') as PyNode) !== registration.initMethod) continue;
          const object = unparen(child(callee, 'object') as PyNode);
          if (object.kind === 'identifier' && textOf(this.text, object) === name) initCalls.push(other);
        }
      }
      const withApp = callArguments(this.text, call).positional.length > 0;
      if (!withApp && initCalls.length === 0) continue;
      if (initCalls.length === 0) this.policyFor(framework, call, [call], 'extension');
      else for (const init of initCalls) this.policyFor(framework, init, [call, init], 'extension');
    }
  }

  private readDecorators(framework: PythonFramework, registration: Extract<PythonRegistration, { kind: 'decorator' }>, calls: readonly PyNode[]): void {
    for (const call of calls) {
      if (call.parent?.kind !== 'decorator') continue;
      if (!registration.functions.includes(this.qualified(child(call, 'function')) ?? '')) continue;
      this.policyFor(framework, call, [call], 'decorator');
    }
  }

  /** A settings module: its `CORS_*` assignments (over those of the modules it star-imports) and `MIDDLEWARE`. */
  private readSettings(framework: PythonFramework, registration: Extract<PythonRegistration, { kind: 'settings' }>): void {
    const own = settingProperties(this.file, registration.prefix);
    const middlewareAssignments = this.file.scope.moduleAssignments.get(registration.middlewareSetting);
    const base = this.options.starImports ?? this.file.scope.starImports.map(() => null);
    const inherited = base.flatMap((linked) => linked?.properties ?? []);
    const baseMiddleware = base.map((linked) => linked?.middleware ?? null).filter((value): value is Value => value !== null).at(-1) ?? null;
    const middleware = middlewareAssignments ? this.file.values.assigned(middlewareAssignments, middlewareAssignments.at(-1)?.target as PyNode) : baseMiddleware;
    const elements = middleware?.kind === 'array' ? middleware.elements : [];
    const corsEntry = elements.find((element) => element.kind === 'string' && element.value === registration.middleware);
    const ownCorsEntry = corsEntry && middlewareAssignments ? corsEntry : null;
    const mentionsPackage = this.text.includes(registration.middleware.split('.')[0] as string);
    const knownNames = new Set([...Object.values(framework.optionNames ?? {}).flat(), ...framework.otherOptions]);
    const isSettings = ownCorsEntry !== null || (own.length > 0 && (mentionsPackage || inherited.length > 0 || own.some((property) => knownNames.has(property.key)) || middlewareAssignments !== undefined));
    if (!isSettings) return;
    const unknownBase = base.some((linked) => linked === null);
    const options: ObjectValue = {
      kind: 'object',
      properties: [...inherited, ...own],
      opaqueSpreads: unknownBase ? this.file.scope.starImports.map((star) => asModelNode(star.node)) : [],
      node: asModelNode(this.file.tree.root),
    };
    const anchor = ownCorsEntry?.node ?? own[0]?.node ?? asModelNode(this.file.tree.root);
    const policy = buildPolicy({ framework, node: anchor, reportNode: anchor, options, opaque: null });
    // Inherited settings decide what applies, but only this module's own entries are its to report.
    if (policy.options.kind === 'object') policy.options.entries = policy.options.entries.filter((entry) => own.some((property) => property.node === entry.node));
    for (const property of own) {
      const assignments = this.file.scope.moduleAssignments.get(property.key);
      const last = assignments?.at(-1);
      if (last) this.file.settings.set(property.key, { statement: statementOf(last.node), target: last.target, value: last.value });
    }
    this.add(policy, { framework, kind: 'settings', call: null, optionCalls: [], statement: null, resource: null });
    if (!middleware || middleware.kind !== 'array') return;
    // Listed earlier, runs earlier: whatever answers or rejects before CorsMiddleware keeps CORS headers off.
    const chain: MiddlewareChain = { receiver: registration.middlewareSetting, scope: asModelNode(this.file.tree.root), entries: [], binding: null, routeCors: [] };
    elements.forEach((element, index) => {
      if (element.kind !== 'string') return;
      const entry: ChainEntry = { node: element.node, position: index, policy: null, auth: null, route: null, init: false, methods: [], path: null, mounts: null, handlers: [] };
      if (element === corsEntry) entry.policy = policy;
      else if (registration.answering.includes(element.value)) entry.route = element.node;
      else if (!registration.passive.includes(element.value) && isAuthName(element.value.split('.').at(-1) ?? '')) entry.auth = element.node;
      if (entry.policy || entry.route || entry.auth) chain.entries.push(entry);
    });
    this.chains.set(`settings:${registration.middlewareSetting}`, chain);
  }

  /** The chain of the app object `receiver` names, within its function (or the module). */
  private chainOf(receiver: PyNode, site: PyNode): MiddlewareChain {
    const scope = enclosingFunction(site) ?? this.file.tree.root;
    const name = receiver.kind === 'identifier' || receiver.kind === 'attribute' ? textOf(this.text, receiver) : `@${receiver.range[0]}`;
    const key = `${scope.range[0]}:${name}`;
    let chain = this.chains.get(key);
    if (!chain) {
      chain = { receiver: name, scope: asModelNode(scope), entries: [], binding: null, routeCors: [] };
      this.chains.set(key, chain);
    }
    return chain;
  }

  /** The class or function name an argument spells (`AuthMiddleware`, `auth.JWTMiddleware`). */
  private nameOf(node: PyNode): string {
    const target = unparen(node);
    if (target.kind === 'identifier') return textOf(this.text, target);
    if (target.kind === 'attribute') return textOf(this.text, child(target, 'attribute') as PyNode);
    if (target.kind === 'call') return this.nameOf(child(target, 'function') ?? target);
    const value = stringValue(this.text, target);
    return value ?? '';
  }
}

function opaqueOf(value: Value | null, node: PyNode): { node: ReturnType<typeof asModelNode>; source: 'environment' | 'imported' | 'runtime' } | null {
  return { node: asModelNode(node), source: value?.kind === 'opaque' ? value.source : 'runtime' };
}

/** Whether a middleware name reads as auth or rate limiting, by word (`JWTAuthMiddleware`, `SlowAPIMiddleware`). */
export function isAuthName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .split(/[^A-Za-z0-9]+/u)
    .map((word) => word.toLowerCase())
    .filter(Boolean);
  if (words.some((word) => AUTH_OR_LIMIT_WORDS.includes(word))) return true;
  return AUTH_OR_LIMIT_PAIRS.some(([first, second]) => words.some((word, index) => word === first && words[index + 1] === second));
}
