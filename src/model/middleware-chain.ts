/**
 * Registration order per app object: the calls made on one receiver variable within one function body (or the module
 * top level), in source order, each marked as CORS, auth/rate-limit, route or `init()`.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { AUTH_OR_LIMIT_NAMES, ROUTER_FACTORIES, ROUTER_NAMES } from '../frameworks/index.js';
import { type Node, type SourceCode, enclosingFunction, memberName, resolveIdentifier, unwrap, valueParent } from './ast.js';
import type { ChainEntry, CorsFile, CorsPolicy, MiddlewareChain } from './cors-file.js';
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
    const key = `${scope.range[0]}:${variable ? String(variable.identifiers[0]?.range[0] ?? receiver.name) : receiver.name}`;
    let chain = chains.get(key);
    if (!chain) {
      chain = { receiver: receiver.name, scope, entries: [] };
      chains.set(key, chain);
    }
    return chain;
  };
  const policyOf = (argument: Node): CorsPolicy | null => {
    const value = unwrap(argument);
    const direct = policyAt.get(value);
    if (direct) return direct;
    if (value.type !== T.Identifier) return null;
    const definition = resolveIdentifier(sourceCode, value)?.defs[0];
    if (definition?.type !== 'Variable') return null;
    const init = (definition.node as TSESTree.VariableDeclarator).init;
    return init ? (policyAt.get(unwrap(init)) ?? null) : null;
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
    const entry: ChainEntry = { node: call, position: callee.property.range[0], policy: null, auth: null, route: null, init: false };
    const corsArgument = args.map((argument) => policyOf(argument)).find((policy) => policy !== null) ?? null;
    if (method === 'use') {
      entry.policy = corsArgument;
      if (!corsArgument) {
        entry.auth = args.find((argument) => namesMatch(argument, AUTH_OR_LIMIT_NAMES, sourceCode)) ?? null;
        entry.route = args.find((argument) => isRouter(argument, sourceCode)) ?? null;
      }
    } else if (method === 'register') {
      entry.policy = policyAt.get(call) ?? null;
      if (!entry.policy && args[0] && namesMatch(args[0], AUTH_OR_LIMIT_NAMES, sourceCode)) entry.auth = args[0];
    } else if (method === 'addHook') {
      if (args[1] && namesMatch(args[1], AUTH_OR_LIMIT_NAMES, sourceCode)) entry.auth = args[1];
    } else if (method === 'enableCors') {
      entry.policy = policyAt.get(call) ?? null;
    } else if (method === 'init') {
      entry.init = true;
    } else if (!corsArgument && (method === 'route' || args.length >= (method === 'on' ? 3 : 2))) {
      // A route (`app.on` needs method, path and handler: koa's `app.on('error', fn)` is an event listener);
      // a CORS call among the arguments makes it route-level CORS instead.
      entry.route = call;
    }
    if (entry.policy || entry.auth || entry.route || entry.init) chainFor(receiver, call).entries.push(entry);
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

/**
 * The HTTP method a route registration names (`app.put(…)` → `PUT`, koa's `router.del(…)` → `DELETE`); `all` and `on`
 * name none, and `options` is answered by CORS itself.
 */
function namedMethod(name: string | null): string | null {
  if (name === null || !ROUTE_METHODS.has(name) || name === 'all' || name === 'on' || name === 'options') return null;
  return name === 'del' ? 'DELETE' : name.toUpperCase();
}

/**
 * The HTTP methods of the routes the file registers, upper-cased, in order of first appearance: what cross-origin
 * callers of this file's API need a preflight to allow.
 */
export function routeMethods(file: CorsFile): string[] {
  const methods = new Set<string>();
  for (const chain of file.chains) {
    for (const entry of chain.entries) {
      const call = entry.route === entry.node ? unwrap(entry.node) : null;
      const callee = call?.type === T.CallExpression ? unwrap(call.callee) : null;
      if (callee?.type !== T.MemberExpression) continue;
      const method = namedMethod(memberName(callee));
      if (method) methods.add(method);
    }
  }
  return [...methods];
}
