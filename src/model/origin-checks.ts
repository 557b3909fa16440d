/**
 * Finds where code checks the request origin (`list.includes(origin)`, `origin === 'https://…'`, `re.test(origin)`,
 * `origin.endsWith('.example.com')`) and whether a write or callback answer is guarded by such a check.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, type SourceCode, alwaysExits, declaredVariables, isFunction, memberName, resolveIdentifier, unwrap, walk } from './ast.js';
import type { ModuleLinks } from './links.js';
import { ORIGIN_HEADER } from './request-headers.js';
import { type ResolveContext, type Value, ValueResolver, alternatives } from './static-value.js';

/** One place where the request origin is compared with something. */
export interface OriginCheck {
  /** The comparing expression. */
  node: Node;
  /**
   * `equality`: `origin === x`; `membership`: `list.includes(origin)`, `set.has(origin)`; `regex-test`:
   * `re.test(origin)`; `receiver-method`: `origin.endsWith(x)` and friends; `helper`: `isAllowed(origin)`.
   */
  form: 'equality' | 'membership' | 'regex-test' | 'receiver-method' | 'helper';
  /** For `receiver-method`: the method called on the request origin. */
  method: string | null;
  /** What the origin is compared with (a string, a list, a regex), when the file shows it. */
  against: Value | null;
  /** The expression that holds the request origin. */
  origin: Node;
  /** The check guards a refusal (`if (origin === 'null') return cb(new Error(…))`): a match is denied, not allowed. */
  deniesOnMatch: boolean;
}

/** Methods that compare a string by a part of it: a check on the request origin with them can be fooled. */
export const PARTIAL_MATCH_METHODS = new Set(['endsWith', 'startsWith', 'includes', 'indexOf', 'lastIndexOf', 'match', 'matchAll', 'search']);
const MEMBERSHIP_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf', 'has']);
const REGEX_METHODS = new Set(['test', 'exec']);
/** Methods that return the same origin, normalised: `origin.toLowerCase()` is still the request origin. */
const NORMALISERS = new Set(['toLowerCase', 'toLocaleLowerCase', 'trim', 'toString', 'normalize', 'valueOf']);
/** Parts of `new URL(origin)` that still identify the origin. */
const URL_PARTS = new Set(['origin', 'host', 'hostname']);
/** Calls that look at the origin without checking it. */
const NOT_CHECKS = new Set(['Boolean', 'String', 'Number', 'log', 'warn', 'error', 'info', 'debug', 'setHeader', 'header', 'set', 'append', 'vary']);

export class OriginChecks {
  readonly resolver: ValueResolver;

  constructor(
    private readonly sourceCode: SourceCode,
    links: ModuleLinks | null = null,
  ) {
    this.resolver = new ValueResolver(sourceCode, (test, context) => this.isOriginCheck(test, context), links);
  }

  /** Whether `node` holds the request origin (or a normalised form of it). */
  isRequestOrigin(raw: Node, context: ResolveContext): boolean {
    const node = unwrap(raw);
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression && NORMALISERS.has(memberName(callee) ?? '')) {
        return this.isRequestOrigin(callee.object, context);
      }
    }
    if (node.type === T.MemberExpression && URL_PARTS.has(memberName(node) ?? '')) {
      const object = unwrap(node.object);
      if (object.type === T.NewExpression && object.arguments[0] && unwrap(object.callee).type === T.Identifier) {
        return this.isRequestOrigin(object.arguments[0], context);
      }
    }
    const fallback = node.type === T.LogicalExpression && node.operator !== '&&';
    if (node.type !== T.Identifier && node.type !== T.MemberExpression && node.type !== T.CallExpression && !fallback) return false;
    // `req.headers.origin ?? ''` (written there or in a `const`) is still the request origin: empty fallbacks add nothing.
    const options = alternatives(this.resolver.resolve(node, context)).filter(
      (option) => option.kind !== 'nullish' && !(option.kind === 'string' && option.value === ''),
    );
    return options.length > 0 && options.every((option) => option.kind === 'request-header' && option.name === ORIGIN_HEADER);
  }

  /** Whether a test expression checks the request origin (a bare truthiness or `typeof` check does not). */
  isOriginCheck(test: Node, context: ResolveContext): boolean {
    return this.findChecks(test, context, true).length > 0;
  }

  /**
   * Every check of the request origin under `root` (nested functions included, so `list.some((p) => p.test(origin))`
   * counts). A `const` used as a test (`const ok = list.includes(origin); if (ok)`) is followed.
   */
  findChecks(root: Node, context: ResolveContext, includeHelpers = false): OriginCheck[] {
    const checks = new Map<Node, OriginCheck>();
    const visited = new Set<Node>();
    const visit = (subtree: Node, subContext: ResolveContext): void => {
      if (visited.has(subtree)) return;
      visited.add(subtree);
      walk(subtree, this.sourceCode.visitorKeys, (node) => {
        const check = this.checkAt(node, subContext);
        if (check) {
          if (includeHelpers || check.form !== 'helper') checks.set(check.node, check);
          if (check.form === 'helper') {
            const helper = this.helperBody(check, subContext);
            if (helper) visit(helper.body, helper.context);
          }
        }
        // `const ok = list.includes(origin); if (ok) …`
        if (node.type === T.Identifier && isReference(node)) {
          const init = this.constInit(node);
          if (init && !isFunction(init)) visit(init, subContext);
        }
      });
    };
    visit(root, context);
    return [...checks.values()];
  }

  /** A same-file helper called with the request origin: its body, with the matching parameter as the origin. */
  private helperBody(check: OriginCheck, context: ResolveContext): { body: Node; context: ResolveContext } | null {
    const call = check.node;
    if (call.type !== T.CallExpression) return null;
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier) return null;
    const value = this.resolver.resolve(callee, context);
    if (value.kind !== 'function') return null;
    const index = call.arguments.indexOf(check.origin as TSESTree.CallExpressionArgument);
    const parameter = value.node.params[index];
    if (index < 0 || parameter?.type !== T.Identifier) return null;
    const variable = declaredVariables(this.sourceCode, value.node).find((candidate) => candidate.name === parameter.name);
    if (!variable) return null;
    return { body: value.node.body, context: { originVariables: new Set([variable]) } };
  }

  private constInit(identifier: TSESTree.Identifier): Node | null {
    const variable = resolveIdentifier(this.sourceCode, identifier);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Variable') return null;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== T.Identifier || !declarator.init) return null;
    if (declarator.parent.type !== T.VariableDeclaration || declarator.parent.kind !== 'const') return null;
    return declarator.init;
  }

  /** The check at exactly this node, if it is one. */
  checkAt(node: Node, context: ResolveContext): OriginCheck | null {
    const check = this.comparisonAt(node, context);
    return check ? { ...check, deniesOnMatch: guardsRefusal(node) } : null;
  }

  private comparisonAt(node: Node, context: ResolveContext): Omit<OriginCheck, 'deniesOnMatch'> | null {
    if (node.type === T.BinaryExpression) {
      if (node.operator === 'in' && node.left.type !== T.PrivateIdentifier && this.isRequestOrigin(node.left, context)) {
        return { node, form: 'membership', method: 'in', against: this.resolver.resolve(node.right, context), origin: node.left };
      }
      if (!['===', '!==', '==', '!='].includes(node.operator) || node.left.type === T.PrivateIdentifier) return null;
      const [origin, other] = this.isRequestOrigin(node.left, context)
        ? [node.left, node.right]
        : this.isRequestOrigin(node.right, context)
          ? [node.right, node.left]
          : [null, null];
      if (!origin || !other) return null;
      const against = this.resolver.resolve(other, context);
      if (isEmptyComparison(other, against)) return null;
      return { node, form: 'equality', method: null, against, origin };
    }
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      const argument = node.arguments[0];
      if (callee.type === T.MemberExpression) {
        const method = memberName(callee) ?? '';
        const receiver = callee.object;
        if (this.isRequestOrigin(receiver, context)) {
          if (PARTIAL_MATCH_METHODS.has(method)) {
            return {
              node,
              form: 'receiver-method',
              method,
              against: argument ? this.resolver.resolve(argument, context) : null,
              origin: receiver,
            };
          }
          if (method === 'localeCompare' && argument) {
            return { node, form: 'equality', method: null, against: this.resolver.resolve(argument, context), origin: receiver };
          }
          return null;
        }
        if (argument && this.isRequestOrigin(argument, context)) {
          if (MEMBERSHIP_METHODS.has(method)) {
            return { node, form: 'membership', method, against: this.resolver.resolve(receiver, context), origin: argument };
          }
          if (REGEX_METHODS.has(method)) {
            return { node, form: 'regex-test', method, against: this.resolver.resolve(receiver, context), origin: argument };
          }
          if (method === 'hasOwn' || method === 'hasOwnProperty') {
            return { node, form: 'membership', method, against: null, origin: argument };
          }
        }
        if (method === 'hasOwn' && node.arguments[1] && this.isRequestOrigin(node.arguments[1], context)) {
          return { node, form: 'membership', method, against: this.resolver.resolve(node.arguments[0] as Node, context), origin: node.arguments[1] };
        }
      }
      // A helper such as `isAllowedOrigin(origin)`.
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : null;
      if (name && !NOT_CHECKS.has(name)) {
        const origin = node.arguments.find((arg) => arg.type !== T.SpreadElement && this.isRequestOrigin(arg, context));
        if (origin) return { node, form: 'helper', method: name, against: null, origin };
      }
    }
    return null;
  }

  /**
   * The origin checks that guard `target` within `boundary`: tests of enclosing `if`s, conditionals, `&&` and
   * `switch (origin)`, and of earlier `if`s in enclosing blocks whose consequent always leaves the function.
   */
  guardsOf(target: Node, boundary: Node | null, context: ResolveContext): Node[] {
    const guards: Node[] = [];
    let child: Node = target;
    for (let parent = target.parent; parent && parent !== boundary; child = parent, parent = parent.parent) {
      switch (parent.type) {
        case T.IfStatement:
          if (child !== parent.test && this.isOriginCheck(parent.test, context)) guards.push(parent.test);
          break;
        case T.ConditionalExpression:
          if (child !== parent.test && this.isOriginCheck(parent.test, context)) guards.push(parent.test);
          break;
        case T.LogicalExpression:
          if (parent.operator === '&&' && child === parent.right && this.isOriginCheck(parent.left, context)) guards.push(parent.left);
          break;
        case T.SwitchCase: {
          const discriminant = parent.parent.type === T.SwitchStatement ? parent.parent.discriminant : null;
          if (parent.test && discriminant && this.isRequestOrigin(discriminant, context)) guards.push(parent.test);
          guards.push(...this.earlyExitGuards(parent.consequent, child, context));
          break;
        }
        case T.BlockStatement:
        case T.Program:
          guards.push(...this.earlyExitGuards(parent.body, child, context));
          break;
        default:
          break;
      }
      if (isFunction(parent)) break;
    }
    return guards;
  }

  /** `if (!allowed.includes(origin)) return next();` before `statement`. */
  private earlyExitGuards(statements: readonly Node[], statement: Node, context: ResolveContext): Node[] {
    const guards: Node[] = [];
    for (const earlier of statements) {
      if (earlier === statement) break;
      if (earlier.type === T.IfStatement && alwaysExits(earlier.consequent) && this.isOriginCheck(earlier.test, context)) {
        guards.push(earlier.test);
      }
    }
    return guards;
  }

  /** The checks inside guard tests, for the rules that look at what the origin is compared with. */
  checksIn(tests: readonly Node[], context: ResolveContext): OriginCheck[] {
    return tests.flatMap((test) => this.findChecks(test, context));
  }
}

/** `origin !== ''`, `origin != null`, `origin === undefined`, `typeof origin === 'string'` are not checks. */
/**
 * Whether a match of this check leads to a refusal: it is (an `||` operand of) the test of an `if` whose consequent
 * throws, calls back with an error or `false`, returns a falsy literal or sends a 4xx status. Negated comparisons
 * (`!==`) are not read this way.
 */
function guardsRefusal(check: Node): boolean {
  if (check.type === T.BinaryExpression && (check.operator === '!==' || check.operator === '!=')) return false;
  let node: Node = check;
  while (node.parent?.type === T.LogicalExpression && node.parent.operator === '||') node = node.parent;
  const statement = node.parent;
  if (statement?.type !== T.IfStatement || statement.test !== node) return false;
  let refuses = false;
  const visit = (current: Node): void => {
    if (refuses || isFunction(current)) return;
    if (current.type === T.ThrowStatement) refuses = true;
    if (current.type === T.ReturnStatement && current.argument) {
      const value = unwrap(current.argument);
      if (value.type === T.Literal && !value.value && typeof value.value !== 'number') refuses = true;
    }
    if (current.type === T.CallExpression) {
      const [first, second] = current.arguments.map((argument) => unwrap(argument));
      const isError = (argument: Node | undefined): boolean =>
        (argument?.type === T.NewExpression || argument?.type === T.CallExpression) &&
        unwrap(argument.callee).type === T.Identifier &&
        /Error$/u.test((unwrap(argument.callee) as TSESTree.Identifier).name);
      if (isError(first) || (second?.type === T.Literal && second.value === false)) refuses = true;
      if (first?.type === T.Literal && typeof first.value === 'number' && first.value >= 400 && first.value < 500) refuses = true;
    }
    for (const key of Object.keys(current) as (keyof typeof current)[]) {
      if (key === 'parent') continue;
      const child = current[key] as unknown;
      if (Array.isArray(child)) for (const item of child) if (item && typeof (item as Node).type === 'string') visit(item as Node);
      if (child && typeof (child as Node).type === 'string') visit(child as Node);
    }
  };
  visit(statement.consequent);
  return refuses;
}

/** An identifier that reads a variable (not a property name or a declaration). */
function isReference(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === T.MemberExpression && parent.property === node && !parent.computed) return false;
  if (parent.type === T.Property && parent.key === node && !parent.computed && parent.value !== node) return false;
  if (parent.type === T.VariableDeclarator && parent.id === node) return false;
  return true;
}

function isEmptyComparison(other: Node, against: Value): boolean {
  const node = unwrap(other);
  if (node.type === T.UnaryExpression && node.operator === 'typeof') return true;
  if (against.kind === 'nullish') return true;
  if (against.kind === 'string' && against.value === '') return true;
  return false;
}
