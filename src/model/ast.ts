/** Small AST and scope helpers shared by the model's readers. */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { sourceFor } from './links.js';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;
/**
 * What the model reads of a parsed file: the members of ESLint's `SourceCode` it uses, which cors-fix's own parse
 * (src/cors-fix/source-code.ts) provides too.
 */
export type SourceCode = Readonly<
  Pick<
    TSESLint.SourceCode,
    | 'ast'
    | 'text'
    | 'visitorKeys'
    | 'scopeManager'
    | 'parserServices'
    | 'getText'
    | 'getScope'
    | 'getDeclaredVariables'
    | 'getAllComments'
    | 'getCommentsBefore'
    | 'getCommentsInside'
    | 'getNodeByRangeIndex'
    | 'getTokenAfter'
    | 'getTokenBefore'
    | 'getFirstToken'
    | 'getLastToken'
  >
>;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === T.ArrowFunctionExpression ||
    node?.type === T.FunctionExpression ||
    node?.type === T.FunctionDeclaration
  );
}

/** Strips what does not change a value: TS `as`, `satisfies`, `!`, `<T>x`, instantiation and optional chains. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        current = current.expression;
        break;
      case T.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent, skipping the wrappers `unwrap` strips. */
export function valueParent(node: Node): Node | undefined {
  let current: Node = node;
  while (current.parent && unwrap(current.parent) === unwrap(node)) current = current.parent;
  return current.parent;
}

/** The outermost wrapper around `node` (so that `valueParent` can be compared against it). */
export function outermost(node: Node): Node {
  let current: Node = node;
  while (current.parent && isWrapper(current.parent)) current = current.parent;
  return current;
}

function isWrapper(node: Node): boolean {
  return (
    node.type === T.TSAsExpression ||
    node.type === T.TSSatisfiesExpression ||
    node.type === T.TSNonNullExpression ||
    node.type === T.TSTypeAssertion ||
    node.type === T.TSInstantiationExpression ||
    node.type === T.ChainExpression
  );
}

/** The name of a non-computed member or a computed member with a string literal: `a.b`, `a['b']`. */
export function memberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) return node.property.type === T.Identifier ? node.property.name : null;
  const property = unwrap(node.property);
  if (property.type === T.Literal && typeof property.value === 'string') return property.value;
  if (property.type === T.TemplateLiteral && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The static key of an object property or pattern property. */
export function propertyKey(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  const key = node.key;
  if (!node.computed) {
    if (key.type === T.Identifier) return key.name;
    if (key.type === T.Literal) return String(key.value);
    return null;
  }
  const computed = unwrap(key);
  if (computed.type === T.Literal && (typeof computed.value === 'string' || typeof computed.value === 'number')) {
    return String(computed.value);
  }
  if (computed.type === T.TemplateLiteral && computed.expressions.length === 0) return computed.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The text of a string literal, or of a template literal without expressions; null for anything else. */
export function literalString(node: Node | null | undefined): string | null {
  if (!node) return null;
  const value = unwrap(node);
  if (value.type === T.Literal && typeof value.value === 'string') return value.value;
  if (value.type === T.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The value of an object literal's property `key` (`as`, `satisfies` and `!` removed), or null. */
export function propertyValue(object: TSESTree.ObjectExpression, key: string): Node | null {
  for (const property of object.properties) {
    if (property.type === T.Property && propertyKey(property) === key) return unwrap(property.value);
  }
  return null;
}

/** `a.b(…)` → `b`; `a['b'](…)` → `b`. */
export function calledMethod(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(node.callee);
  return callee.type === T.MemberExpression ? memberName(callee) : null;
}

/** The receiver of a method call (`a` in `a.b()`), unwrapped. */
export function methodReceiver(node: TSESTree.CallExpression | TSESTree.NewExpression): Node | null {
  const callee = unwrap(node.callee);
  return callee.type === T.MemberExpression ? unwrap(callee.object) : null;
}

export function findVariableByName(scope: Scope | null, name: string): Variable | null {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}

/** The variable an identifier refers to, or null for globals that are not declared anywhere. */
export function resolveIdentifier(sourceCode: SourceCode, identifier: TSESTree.Identifier): Variable | null {
  return findVariableByName(sourceFor(identifier, sourceCode).getScope(identifier), identifier.name);
}

/** The variables a declaration, function or import declares, from the scopes of the file `node` belongs to. */
export function declaredVariables(sourceCode: SourceCode, node: Node): readonly Variable[] {
  return sourceFor(node, sourceCode).getDeclaredVariables(node);
}

/** A variable that is declared nowhere in the file (an implicit or configured global). */
export function isGlobalReference(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = resolveIdentifier(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}

/** The innermost function containing `node` (not `node` itself). */
export function enclosingFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return null;
}

/** The `const` / `let` / `var` kind of a declarator. */
export function declarationKind(declarator: TSESTree.VariableDeclarator): string | null {
  return declarator.parent.type === T.VariableDeclaration ? declarator.parent.kind : null;
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Whether a statement always leaves its function (`return`/`throw`, or every branch does). */
export function alwaysExits(node: Node | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
      return true;
    case T.BlockStatement:
      return node.body.some((statement) => alwaysExits(statement));
    case T.IfStatement:
      return alwaysExits(node.consequent) && alwaysExits(node.alternate);
    case T.TryStatement:
      return (alwaysExits(node.block) && (!node.handler || alwaysExits(node.handler.body))) || alwaysExits(node.finalizer);
    default:
      return false;
  }
}

/** The values a function returns (an arrow's expression body, or each `return x` outside nested functions). */
export function returnedValues(fn: Node, sourceCode: SourceCode): Node[] {
  if (!isFunction(fn)) return [];
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const returned: Node[] = [];
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === T.ReturnStatement && node.argument) returned.push(node.argument);
    return true;
  });
  return returned;
}

/**
 * Sets `parent` on every node under `root`, as ESLint does while it traverses (the model walks up from nodes), and
 * calls `each` on every node in source order.
 */
export function linkParents(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, each?: (node: Node) => void): void {
  walk(root, visitorKeys, (node) => {
    each?.(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as Node).type === 'string') (item as { parent?: Node }).parent = node;
      } else if (child && typeof (child as Node).type === 'string') {
        (child as { parent?: Node }).parent = node;
      }
    }
  });
}

/** Walks every node under `root` in source order, calling `visit` on each; `false` from `visit` skips the children. */
export function walk(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, visit: (node: Node) => unknown): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const child = (node as unknown as Record<string, unknown>)[keys[k] as string];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i -= 1) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}
