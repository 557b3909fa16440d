/**
 * Import-aware tracking: follows what a module exports through ESM imports (default, named, namespace, aliases),
 * `require` (CommonJS or not), `import()`, TS `import x = require()`, `const` aliases and destructuring, to the places
 * where it is called, constructed, passed as an argument or used as a type. A local function that happens to be
 * named `cors` is never reached.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, type SourceCode, type Variable, memberName, outermost, propertyKey, resolveIdentifier, unwrap, valueParent } from './ast.js';

export type ModuleUse =
  | { kind: 'call'; module: string; path: readonly string[]; node: TSESTree.CallExpression }
  | { kind: 'new'; module: string; path: readonly string[]; node: TSESTree.NewExpression }
  /** The export is an argument of a call: `app.register(cors, …)`. */
  | { kind: 'argument'; module: string; path: readonly string[]; node: Node; call: TSESTree.CallExpression; index: number }
  /** The export names a type: `const o: CorsOptions = …`. */
  | { kind: 'type'; module: string; path: readonly string[]; node: TSESTree.Identifier };

/** Where a module is brought into the file. */
export type ModuleSource =
  | TSESTree.ImportDeclaration
  | TSESTree.TSImportEqualsDeclaration
  | TSESTree.CallExpression
  | TSESTree.ImportExpression;

/** The specifier of a module source node, if it is a string the file shows. */
export function moduleSpecifier(node: Node, sourceCode: SourceCode): string | null {
  switch (node.type) {
    case T.ImportDeclaration:
      return node.source.value;
    case T.TSImportEqualsDeclaration:
      return node.moduleReference.type === T.TSExternalModuleReference ? node.moduleReference.expression.value : null;
    case T.ImportExpression: {
      const source = unwrap(node.source);
      return source.type === T.Literal && typeof source.value === 'string' ? source.value : null;
    }
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      const argument = node.arguments[0] ? unwrap(node.arguments[0]) : null;
      if (callee.type !== T.Identifier || node.arguments.length !== 1) return null;
      if (argument?.type !== T.Literal || typeof argument.value !== 'string') return null;
      return isRequire(callee, sourceCode) ? argument.value : null;
    }
    default:
      return null;
  }
}

/** The global `require`, or a `const` made by `createRequire(import.meta.url)` in an ES module. */
function isRequire(callee: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = resolveIdentifier(sourceCode, callee);
  if (!variable || variable.defs.length === 0) return callee.name === 'require';
  const definition = variable.defs[0];
  if (definition?.type !== 'Variable') return false;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  const call = init ? unwrap(init) : null;
  if (call?.type !== T.CallExpression) return false;
  const factory = unwrap(call.callee);
  const name = factory.type === T.Identifier ? factory.name : factory.type === T.MemberExpression ? memberName(factory) : null;
  return name === 'createRequire';
}

/** Every use of the given module sources, following aliases. */
export function findModuleUses(sources: readonly { node: ModuleSource; module: string }[], sourceCode: SourceCode): ModuleUse[] {
  const uses: ModuleUse[] = [];
  const seen = new Set<Variable>();

  const trackVariable = (variable: Variable | undefined, module: string, path: readonly string[]): void => {
    if (!variable || seen.has(variable)) return;
    seen.add(variable);
    for (const reference of variable.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      if (isTypePosition(identifier)) {
        uses.push({ kind: 'type', module, path: [...path, ...qualifiedTail(identifier)], node: identifier });
        continue;
      }
      if (!reference.isRead()) continue;
      trackValue(identifier, module, path);
    }
  };

  const bind = (pattern: Node, module: string, path: readonly string[]): void => {
    if (pattern.type === T.Identifier) {
      trackVariable(declaredVariable(sourceCode, pattern), module, path);
      return;
    }
    if (pattern.type !== T.ObjectPattern) return;
    for (const property of pattern.properties) {
      if (property.type !== T.Property) continue;
      const key = propertyKey(property);
      const target = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (key !== null) bind(target, module, [...path, key]);
    }
  };

  const trackValue = (node: Node, module: string, path: readonly string[]): void => {
    const self = outermost(node);
    const parent = valueParent(node);
    if (!parent) return;
    switch (parent.type) {
      case T.CallExpression:
        if (unwrap(parent.callee) === unwrap(self)) uses.push({ kind: 'call', module, path, node: parent });
        else {
          const index = parent.arguments.indexOf(self as TSESTree.CallExpressionArgument);
          if (index >= 0) uses.push({ kind: 'argument', module, path, node: self, call: parent, index });
        }
        return;
      case T.NewExpression:
        if (unwrap(parent.callee) === unwrap(self)) uses.push({ kind: 'new', module, path, node: parent });
        return;
      case T.MemberExpression: {
        const name = parent.object === self ? memberName(parent) : null;
        if (name !== null) trackValue(parent, module, [...path, name]);
        return;
      }
      case T.AwaitExpression:
      case T.LogicalExpression:
        trackValue(parent, module, path);
        return;
      case T.VariableDeclarator:
        if (parent.init === self) bind(parent.id, module, path);
        return;
      default:
        return;
    }
  };

  for (const { node, module } of sources) {
    switch (node.type) {
      case T.ImportDeclaration:
        for (const specifier of node.specifiers) {
          const variable = sourceCode.getDeclaredVariables(specifier)[0];
          if (specifier.type === T.ImportDefaultSpecifier) trackVariable(variable, module, ['default']);
          else if (specifier.type === T.ImportNamespaceSpecifier) trackVariable(variable, module, []);
          else {
            const imported = specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
            trackVariable(variable, module, [imported]);
          }
        }
        break;
      case T.TSImportEqualsDeclaration:
        trackVariable(sourceCode.getDeclaredVariables(node)[0], module, []);
        break;
      default:
        trackValue(node, module, []);
    }
  }
  return uses;
}

/** Whether a use's path is the export `exportPath` (`default` also matches `module.exports`). */
export function isExport(path: readonly string[], exportPath: string): boolean {
  const wanted = exportPath.split('.');
  if (exportPath === 'default') return path.length === 0 || (path.length === 1 && path[0] === 'default');
  const rest = path[0] === 'default' ? path.slice(1) : path;
  return rest.length === wanted.length && rest.every((part, index) => part === wanted[index]);
}

/** Whether a module specifier matches a pattern (`@nestjs/*` matches every `@nestjs/` package and subpath). */
export function matchesModule(specifier: string, pattern: string): boolean {
  return pattern.endsWith('/*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern;
}

function declaredVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): Variable | undefined {
  for (let scope: ReturnType<SourceCode['getScope']> | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable?.identifiers.includes(identifier)) return variable;
  }
  return undefined;
}

function isTypePosition(identifier: TSESTree.Identifier): boolean {
  let node: Node = identifier;
  while (node.parent?.type === T.TSQualifiedName) node = node.parent;
  return node.parent?.type === T.TSTypeReference || node.parent?.type === T.TSTypeQuery;
}

/** `ns.CorsOptions` as a type: the names after the namespace. */
function qualifiedTail(identifier: TSESTree.Identifier): string[] {
  const tail: string[] = [];
  let node: Node = identifier;
  while (node.parent?.type === T.TSQualifiedName && node.parent.left === node) {
    tail.push(node.parent.right.name);
    node = node.parent;
  }
  return tail;
}
