/**
 * Reads the options of a registration where the framework entry says they are: an object, nothing, `{ cors: true }`,
 * an options delegate answering per request, or something the file cannot show.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { Framework, OptionsLocation } from '../frameworks/define-framework.js';
import { type FunctionNode, type Node, contains, resolveIdentifier, returnedValues, unwrap } from './ast.js';
import type { CorsPolicy } from './cors-file.js';
import { isExport, matchesModule } from './module-uses.js';
import type { ReadContext } from './read-context.js';
import { type Value, ValueResolver, alternatives } from './static-value.js';

/** Reads the options of a registration at `location`; may yield several policies (an options delegate). */
export function readOptionsAt(
  context: ReadContext,
  framework: Framework,
  call: Node,
  args: readonly TSESTree.CallExpressionArgument[],
  location: OptionsLocation,
): CorsPolicy[] {
  const index = location.argument === 'last' ? args.length - 1 : location.argument;
  const argument = index >= 0 ? args[index] : undefined;
  if (!argument || argument.type === T.SpreadElement) {
    return location.key ? [] : [context.build.policy(framework, call, call, { kind: 'none' })];
  }
  let value = context.resolver.resolve(argument);
  let valueNode: Node = argument;
  if (location.key) {
    // `{ cors: … }`: true means "no options"; false, absent or unknowable means no policy this file can show.
    if (value.kind !== 'object') return [];
    const property = ValueResolver.property(value, location.key);
    if (!property) return [];
    value = property.value;
    valueNode = property.value.node;
  }
  return alternatives(value).flatMap((option) => readOptionsValue(context, framework, call, option, option === value ? valueNode : option.node, location));
}

/** One possible value of the options: `cors(isProduction ? { origin: list } : { origin: '*' })` is two policies. */
function readOptionsValue(context: ReadContext, framework: Framework, call: Node, value: Value, valueNode: Node, location: OptionsLocation): CorsPolicy[] {
  const build = context.build;
  switch (value.kind) {
    case 'object': {
      const delegator = location.delegatorKey ? ValueResolver.property(value, location.delegatorKey) : undefined;
      if (delegator) return delegatorPolicies(context, framework, call, delegator.value, delegator.value.node);
      return [build.policy(framework, call, value.node, build.objectOptions(framework, value))];
    }
    case 'nullish':
      return location.key ? [] : [build.policy(framework, call, call, { kind: 'none' })];
    case 'boolean':
      // `{ cors: true }` means CORS with no options; `false` means none.
      return location.key && value.value ? [build.policy(framework, call, valueNode.parent ?? valueNode, { kind: 'none' })] : [];
    case 'function': {
      if (location.delegate) return delegatePolicies(context, framework, call, value.node);
      if (!location.instanceFunction) return [build.opaquePolicy(framework, call, valueNode, 'runtime')];
      // `(instance) => delegator`: every function it returns is a per-request options function.
      const returned = returnedValues(value.node, context.sourceCode);
      return returned.length > 0
        ? returned.flatMap((node) => delegatorPolicies(context, framework, call, context.resolver.resolve(node), node))
        : [build.opaquePolicy(framework, call, valueNode, 'runtime')];
    }
    case 'opaque':
      return [build.opaquePolicy(framework, call, valueNode, value.source)];
    default:
      return [build.opaquePolicy(framework, call, valueNode, 'runtime')];
  }
}

/** A per-request options function (fastify's `delegator`), or something this file cannot see into. */
function delegatorPolicies(context: ReadContext, framework: Framework, call: Node, value: Value, node: Node): CorsPolicy[] {
  if (value.kind === 'function') return delegatePolicies(context, framework, call, value.node, true);
  return [context.build.opaquePolicy(framework, call, node, value.kind === 'opaque' ? value.source : 'runtime')];
}

/**
 * `cors((req, cb) => cb(null, options))`, or fastify's `async (req) => options`: each options object handed to the
 * callback, or returned when there is no callback and `mayReturn` (express ignores what a delegate returns), is a
 * policy.
 */
function delegatePolicies(context: ReadContext, framework: Framework, call: Node, delegate: FunctionNode, mayReturn = false): CorsPolicy[] {
  const { build, checks, resolver, sourceCode } = context;
  const callbackParam = delegate.params[1];
  const callback =
    callbackParam?.type === T.Identifier ? sourceCode.getDeclaredVariables(delegate).find((variable) => variable.name === callbackParam.name) : undefined;
  if (!callback && (callbackParam || !mayReturn)) return [build.opaquePolicy(framework, call, delegate, 'runtime')];
  const answers: { optionsNode: Node; at: Node }[] = [];
  if (callback) {
    for (const reference of callback.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      const answer = identifier.parent;
      if (answer?.type !== T.CallExpression || unwrap(answer.callee) !== identifier || !answer.arguments[1]) continue;
      answers.push({ optionsNode: answer.arguments[1], at: answer });
    }
  } else {
    for (const returned of returnedValues(delegate, sourceCode)) {
      const optionsNode = unwrap(returned).type === T.AwaitExpression ? (unwrap(returned) as TSESTree.AwaitExpression).argument : returned;
      answers.push({ optionsNode, at: returned });
    }
  }
  const policies: CorsPolicy[] = [];
  for (const { optionsNode, at } of answers) {
    const answerGuards = checks.guardsOf(at, delegate, {});
    // `const options = allowed.includes(origin) ? { origin: true } : { origin: false }`: each branch has its guards.
    for (const value of alternatives(resolver.resolve(optionsNode))) {
      if (value.kind === 'object') {
        const own = value.node !== optionsNode && contains(delegate, value.node) ? checks.guardsOf(value.node, delegate, {}) : [];
        const guards = [...new Set([...answerGuards, ...own])];
        const policy = build.policy(framework, call, value.node, build.objectOptions(framework, value), guards);
        policies.push({ ...policy, builtPerRequest: delegate });
      } else if (value.kind === 'opaque') {
        policies.push(build.opaquePolicy(framework, call, value.node, value.source));
      }
    }
  }
  // Nothing this file can read: still a registration (its place in the middleware order counts).
  return policies.length > 0 ? policies : [build.opaquePolicy(framework, call, delegate, 'runtime')];
}

/** The entry that applies when the app was created with one of the framework's adapters (`new FastifyAdapter()`). */
export function adaptedFramework(context: ReadContext, framework: Framework, creationArguments: readonly Node[]): Framework {
  if (!framework.adapters?.length) return framework;
  for (const raw of creationArguments) {
    let argument = unwrap(raw);
    if (argument.type === T.Identifier) {
      const definition = resolveIdentifier(context.sourceCode, argument)?.defs[0];
      const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
      if (init) argument = unwrap(init);
    }
    for (const adapter of framework.adapters) {
      const created = context.uses.some(
        (use) => use.kind === 'new' && use.node === argument && matchesModule(use.module, adapter.module) && isExport(use.path, adapter.export),
      );
      if (created) return adapter.framework;
    }
  }
  return framework;
}
