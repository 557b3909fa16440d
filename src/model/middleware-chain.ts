/**
 * Registration order per app object: the calls made on one receiver variable within one function body (or the module
 * top level), in source order, each marked as CORS, auth/rate-limit, route or `init()`; routes with the methods and path
 * they serve, and routes that carry their own CORS.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { AUTH_OR_LIMIT_NAMES, ROUTER_FACTORIES, ROUTER_NAMES } from '../frameworks/index.js';
import { type Node, type SourceCode, enclosingFunction, isFunction, literalString, memberName, propertyKey, propertyValue, resolveIdentifier, unwrap, valueParent } from './ast.js';
import type { ChainEntry, CorsFile, CorsPolicy, MiddlewareChain, RouteCors } from './cors-file.js';
import { moduleSpecifier } from './module-uses.js';
import { hasPhrase, nameWords } from './name-words.js';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'on']);
const CHAIN_METHODS = new Set(['use', 'register', 'addHook', 'enableCors', 'route', 'init', ...ROUTE_METHODS]);
const FACTORIES = new Set(ROUTER_FACTORIES);

type Phrases = readonly (readonly string[])[];

export function readChains(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  policies: readonly CorsPolicy[],
  sourceCode: SourceCode,
): MiddlewareChain[] {
  const policyAt = new Map<Node, CorsPolicy>(policies.map((policy) => [policy.node, policy]));
  const chains = new Map<unknown, MiddlewareChain>();
  const chainFor = (receiver: TSESTree.Identifier, site: Node): MiddlewareChain => {
    const scope = enclosingFunction(site) ?? sourceCode.ast;
    const variable = resolveIdentifier(sourceCode, receiver);
    const binding = variable?.identifiers[0] ?? null;
    const key = `${scope.range[0]}:${binding ? String(binding.range[0]) : receiver.name}`;
    let chain = chains.get(key);
    if (!chain) {
      chain = { receiver: receiver.name, binding, scope, entries: [], routeCors: [] };
      chains.set(key, chain);
    }
    return chain;
  };
  /** The registration node a middleware argument stands for: the CORS call itself, or the `const` bound to one. */
  const registrationOf = (argument: Node): Node | null => {
    const value = unwrap(argument);
    if (policyAt.has(value)) return value;
    if (value.type !== T.Identifier) return null;
    const definition = resolveIdentifier(sourceCode, value)?.defs[0];
    if (definition?.type !== 'Variable') return null;
    const init = (definition.node as TSESTree.VariableDeclarator).init;
    return init && policyAt.has(unwrap(init)) ? unwrap(init) : null;
  };

  for (const call of calls) {
    if (call.type !== T.CallExpression) continue;
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) continue;
    const method = memberName(callee);
    if (!method || !CHAIN_METHODS.has(method)) continue;
    const receiver = chainRoot(callee.object);
    if (!receiver) continue;
    const args = call.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== T.SpreadElement);
    const entry: ChainEntry = {
      node: call,
      position: callee.property.range[0],
      policy: null,
      auth: null,
      route: null,
      init: false,
      methods: [],
      // hono's `app.on(method, path, handler)` names the method first.
      path: literalString(method === 'on' ? args[1] : args[0]),
      mounts: null,
      handlers: [],
    };
    const corsNode = args.map((argument) => registrationOf(argument)).find((node) => node !== null) ?? null;
    const corsArgument = corsNode ? (policyAt.get(corsNode) ?? null) : null;
    if (method === 'use') {
      entry.policy = corsArgument;
      if (!corsArgument) {
        entry.auth = args.find((argument) => isAuthOrLimit(argument, sourceCode)) ?? null;
        entry.route = args.find((argument) => isRouter(argument, sourceCode)) ?? null;
        // What may be a router or sub-app (`app.use('/users', users)`): followed by cors-fix, not an ordering fact.
        const mounted = entry.route ?? (entry.auth ? undefined : args.find((argument) => unwrap(argument).type === T.Identifier || isRouter(argument, sourceCode)));
        entry.mounts = mounted ? declarationOf(mounted, sourceCode) : null;
        entry.handlers = args.filter((argument) => isFunction(unwrap(argument)));
      }
    } else if (method === 'register') {
      entry.policy = policyAt.get(call) ?? null;
      if (!entry.policy && args[0] && isAuthOrLimit(args[0], sourceCode)) entry.auth = args[0];
      else if (!entry.policy && args[0]) {
        // A fastify plugin: its routes are registered on its instance parameter, under `{ prefix }`.
        entry.mounts = declarationOf(args[0], sourceCode);
        entry.path = args[1] && unwrap(args[1]).type === T.ObjectExpression ? literalString(propertyValue(unwrap(args[1]) as TSESTree.ObjectExpression, 'prefix')) : null;
      }
    } else if (method === 'addHook') {
      if (args[1] && isAuthOrLimit(args[1], sourceCode)) entry.auth = args[1];
      else if (args[1]) entry.handlers = [args[1]];
    } else if (method === 'enableCors') {
      entry.policy = policyAt.get(call) ?? null;
    } else if (method === 'init') {
      entry.init = true;
    } else if (method === 'route' || args.length >= (method === 'on' ? 3 : 2)) {
      // A route (`app.on` needs method, path and handler: koa's `app.on('error', fn)` is an event listener);
      // a CORS call among the arguments makes it route-level CORS instead, which registration order does not concern.
      entry.methods = servedMethods(call, method, args);
      if (method === 'route' && !entry.path) entry.path = routeObjectPath(args[0]);
      if (corsNode) {
        const attached = policies.filter((policy) => args.some((argument) => registrationOf(argument) === policy.node));
        const routeCors: RouteCors = { node: call, policies: attached, methods: method === 'options' ? ['OPTIONS'] : entry.methods, path: entry.path };
        chainFor(receiver, call).routeCors.push(routeCors);
        continue;
      }
      entry.route = call;
      // hono's `app.route('/api', api)` mounts a sub-app.
      if (method === 'route' && args[1]) entry.mounts = declarationOf(args[1], sourceCode);
    }
    if (entry.policy || entry.auth || entry.route || entry.init || entry.mounts || entry.handlers.length > 0) chainFor(receiver, call).entries.push(entry);
  }

  // `NestFactory.create(M, { cors })` applies CORS when the app starts: after every `app.use` on the created app.
  for (const policy of policies) {
    if (!policy.framework.order.appliedAtStartup) continue;
    const declarator = valueParent(policy.node.parent?.type === T.AwaitExpression ? policy.node.parent : policy.node);
    if (declarator?.type === T.VariableDeclarator && declarator.id.type === T.Identifier) {
      chainFor(declarator.id, policy.node).entries.push({
        node: policy.node,
        position: Number.POSITIVE_INFINITY,
        policy,
        auth: null,
        route: null,
        init: false,
        methods: [],
        path: null,
        mounts: null,
        handlers: [],
      });
    }
  }
  for (const chain of chains.values()) chain.entries.sort((a, b) => a.position - b.position);
  return [...chains.values()];
}

/** `app` in `app.use(…)` and in `app.use(a).use(b)`. */
function chainRoot(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === T.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== T.MemberExpression || !CHAIN_METHODS.has(memberName(callee) ?? '')) return null;
    current = unwrap(callee.object);
  }
  return current.type === T.Identifier ? current : null;
}

/**
 * Whether an argument is an identifier, or a chain of calls and member accesses on one, whose words name one of
 * `phrases` (`requireAuth`, `passport.authenticate('jwt')`, `rateLimit({…})`, `jwt({…}).unless({…})`), or whose root
 * identifier is imported from a package named so (`expressjwt` from `express-jwt`). Arguments of the calls are not
 * looked at; inline functions never match.
 */
function namesMatch(argument: Node, phrases: Phrases, sourceCode: SourceCode): boolean {
  let current = unwrap(argument);
  for (;;) {
    if (current.type === T.Identifier) {
      if (hasPhrase(nameWords(current.name), phrases)) return true;
      const module = importedFrom(current, sourceCode);
      return module !== null && hasPhrase(nameWords(module), phrases);
    }
    if (current.type === T.MemberExpression) {
      if (hasPhrase(nameWords(memberName(current) ?? ''), phrases)) return true;
      current = unwrap(current.object);
    } else if (current.type === T.CallExpression) {
      current = unwrap(current.callee);
    } else {
      return false;
    }
  }
}

/** The package an identifier is imported or required from (`import x from 'p'`, `const { x } = require('p')`). */
function importedFrom(identifier: TSESTree.Identifier, sourceCode: SourceCode): string | null {
  const definition = resolveIdentifier(sourceCode, identifier)?.defs[0];
  let module: string | null = null;
  if (definition?.type === 'ImportBinding' && definition.parent.type === T.ImportDeclaration) {
    module = definition.parent.source.value;
  } else if (definition?.type === 'Variable') {
    let init = (definition.node as TSESTree.VariableDeclarator).init;
    while (init && unwrap(init).type === T.MemberExpression) init = (unwrap(init) as TSESTree.MemberExpression).object;
    module = init ? moduleSpecifier(unwrap(init), sourceCode) : null;
  }
  // Packages are named for what they do; a relative path names a place in the project.
  return module !== null && !module.startsWith('.') && !module.startsWith('/') ? module : null;
}

/** Where the variable at the root of `apiRouter`, `router.routes()` is declared. */
function declarationOf(argument: Node, sourceCode: SourceCode): Node | null {
  let root = unwrap(argument);
  while (root.type === T.CallExpression || root.type === T.MemberExpression) root = unwrap(root.type === T.CallExpression ? root.callee : root.object);
  return root.type === T.Identifier ? (resolveIdentifier(sourceCode, root)?.identifiers[0] ?? null) : null;
}

/**
 * Auth or rate-limit middleware by its name. A router or plugin of routes is not, whatever it serves: `authRoutes`,
 * `authRouter.routes()` and `app.register(authRoutes)` register the login routes, they do not guard others.
 */
function isAuthOrLimit(argument: Node, sourceCode: SourceCode): boolean {
  return namesMatch(argument, AUTH_OR_LIMIT_NAMES, sourceCode) && !isRouter(argument, sourceCode);
}

/** `app.use('/api', apiRouter)`, `app.use(require('./routes'))`, `app.use(router.routes())`. */
function isRouter(argument: Node, sourceCode: SourceCode): boolean {
  const value = unwrap(argument);
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    if (callee.type === T.Identifier && callee.name === 'require') return true;
    if (callee.type === T.MemberExpression && FACTORIES.has(memberName(callee) ?? '')) return true;
  }
  return namesMatch(value, ROUTER_NAMES, sourceCode);
}

/** `app.put(…)` → `PUT`, koa's `router.del(…)` → `DELETE`; `all` names none and `on`/`route` name theirs in arguments. */
const NAMED_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
};

/**
 * The HTTP methods a route registration serves, upper-cased: named by the method (`app.put`), given as its first
 * argument (hono `app.on('PURGE', path, h)`, `app.on(['PUT', 'DELETE'], …)`), in a route object (fastify
 * `app.route({ method: 'PUT', … })`), or chained on `app.route(path)` (express `.get(h).put(h)`).
 */
function servedMethods(call: TSESTree.CallExpression, method: string, args: readonly Node[]): string[] {
  const named = NAMED_METHODS[method];
  if (named) return [named];
  if (method === 'on') return stringsOf(args[0]);
  if (method !== 'route') return [];
  const object = args[0] ? unwrap(args[0]) : null;
  if (object?.type === T.ObjectExpression) {
    const property = object.properties.find((candidate) => candidate.type === T.Property && propertyKey(candidate) === 'method');
    return property?.type === T.Property ? stringsOf(property.value) : [];
  }
  // `app.route('/books').get(list).put(update)`
  const chained: string[] = [];
  for (let node: Node = call; ; ) {
    const member = valueParent(node);
    const next: Node | null | undefined = member?.type === T.MemberExpression && member.object === node ? valueParent(member) : null;
    if (member?.type !== T.MemberExpression || next?.type !== T.CallExpression || next.callee !== member) break;
    const name = NAMED_METHODS[memberName(member) ?? ''];
    if (name) chained.push(name);
    node = next;
  }
  return chained;
}

/** The upper-cased strings of a string or an array of strings written in the file. */
function stringsOf(node: Node | undefined): string[] {
  if (!node) return [];
  const value = unwrap(node);
  if (value.type === T.ArrayExpression) return value.elements.flatMap((element) => (element && element.type !== T.SpreadElement ? stringsOf(element) : []));
  const text = literalString(value);
  return text ? [text.toUpperCase()] : [];
}

/** The `url` (or `path`) of a fastify route object. */
function routeObjectPath(node: Node | undefined): string | null {
  const object = node ? unwrap(node) : null;
  if (object?.type !== T.ObjectExpression) return null;
  const property = object.properties.find((candidate) => candidate.type === T.Property && ['url', 'path'].includes(propertyKey(candidate) ?? ''));
  return property?.type === T.Property ? literalString(property.value) : null;
}

/**
 * The HTTP methods of the routes the file registers, upper-cased, in order of first appearance: what cross-origin
 * callers of this file's API need a preflight to allow. `OPTIONS` is answered by CORS itself and left out.
 */
export function routeMethods(file: CorsFile): string[] {
  const methods = new Set<string>();
  for (const chain of file.chains) {
    for (const entry of chain.entries) if (entry.route === entry.node) for (const method of entry.methods) methods.add(method);
  }
  methods.delete('OPTIONS');
  return [...methods];
}

/** A route under a policy, with the method it serves. */
export interface PolicyRoute {
  method: string;
  /** The route registration. */
  node: Node;
}

/**
 * The routes this file registers under a policy, each with a method it serves: routes on the receiver the CORS is
 * registered on (within the path CORS is mounted at), routes of routers mounted there, and the route a route-level
 * CORS call is attached to (for `app.options(path, cors(…))`, the routes on that path).
 */
export function routesUnder(policy: CorsPolicy, file: CorsFile): PolicyRoute[] {
  const found: PolicyRoute[] = [];
  const add = (entry: { node: Node; methods: readonly string[] }): void => {
    for (const method of entry.methods) if (method !== 'OPTIONS') found.push({ method, node: entry.node });
  };
  for (const chain of file.chains) {
    const registrations = chain.entries.filter((entry) => entry.policy?.node === policy.node);
    for (const registration of registrations) {
      const prefix = registration.path;
      for (const entry of chain.entries) {
        if (!entry.route || !isUnder(entry.path, prefix)) continue;
        if (entry.route === entry.node) add(entry);
        for (const mounted of file.chains.filter((other) => other.binding !== null && other.binding === entry.mounts)) {
          for (const route of mounted.entries) if (route.route === route.node) add(route);
        }
      }
      for (const route of chain.routeCors) if (isUnder(route.path, prefix)) add(route);
    }
    for (const route of chain.routeCors) {
      if (!route.policies.some((attached) => attached.node === policy.node)) continue;
      add(route);
      if (!route.methods.includes('OPTIONS') || route.path === null) continue;
      for (const entry of chain.entries) if (entry.route === entry.node && entry.path === route.path) add(entry);
      for (const other of chain.routeCors) if (other !== route && other.path === route.path) add(other);
    }
  }
  return found;
}

/** Whether a route path lies under the path CORS is mounted at (`'/api'`, hono `'/api/*'`); unknown paths do. */
function isUnder(path: string | null, prefix: string | null): boolean {
  if (path === null || prefix === null) return true;
  const base = prefix.replace(/\*+$/u, '').replace(/\/+$/u, '');
  return base === '' || path === base || path.startsWith(`${base}/`);
}
