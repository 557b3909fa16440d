/**
 * Reading options that are defined in another module with the same reader as everything else. The reader only sees
 * options where they are registered, so the defining module's text is given a registration at its end (and, when the
 * options are an anonymous `export default {…}` / `module.exports = {…}`, a same-length name in place of the export
 * keywords). Every original offset and line stays where it was, so edits planned on this probe apply to the real file.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { Framework } from '../frameworks/define-framework.js';
import { type Node, findVariableByName, memberName, unwrap } from '../model/ast.js';
import type { SourceCode } from '../model/index.js';

/** An imported options value: the module it comes from and the export path (`['default', 'cors']`). */
export interface ImportedBinding {
  specifier: string;
  path: string[];
}

/** Where the options node of a registering file comes from, if it is an import the file spells out. */
export function importedBinding(sourceCode: SourceCode, node: Node): ImportedBinding | null {
  const value = unwrap(node);
  if (value.type === T.MemberExpression) {
    const name = memberName(value);
    const object = name === null ? null : importedBinding(sourceCode, value.object);
    return object && name !== null ? { specifier: object.specifier, path: object.path.length === 0 ? [name] : [...object.path, name] } : null;
  }
  if (value.type === T.CallExpression) return requireOf(value) === null ? null : { specifier: requireOf(value) as string, path: ['default'] };
  if (value.type !== T.Identifier) return null;
  const variable = findVariableByName(sourceCode.getScope(value), value.name);
  const definition = variable?.defs[0];
  if (!definition) return null;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent as TSESTree.ImportDeclaration;
    const specifier = definition.node as TSESTree.ImportClause;
    if (specifier.type === T.ImportDefaultSpecifier) return { specifier: declaration.source.value, path: ['default'] };
    if (specifier.type === T.ImportNamespaceSpecifier) return { specifier: declaration.source.value, path: [] };
    const imported = specifier.imported.type === T.Identifier ? specifier.imported.name : specifier.imported.value;
    return { specifier: declaration.source.value, path: [imported] };
  }
  if (definition.type !== 'Variable') return null;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const init = declarator.init ? unwrap(declarator.init) : null;
  if (!init) return null;
  const base = init.type === T.AwaitExpression ? unwrap(init.argument) : init;
  const specifier = base.type === T.CallExpression ? requireOf(base) : base.type === T.ImportExpression ? literal(base.source) : null;
  if (specifier === null) return init.type === T.MemberExpression || init.type === T.Identifier ? importedBinding(sourceCode, init) : null;
  const root = base.type === T.ImportExpression ? [] : ['default'];
  if (declarator.id.type === T.Identifier) return { specifier, path: root };
  if (declarator.id.type !== T.ObjectPattern) return null;
  for (const property of declarator.id.properties) {
    if (property.type !== T.Property || property.key.type !== T.Identifier) continue;
    const target = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
    if (target.type === T.Identifier && target.name === value.name) return { specifier, path: [...root, property.key.name] };
  }
  return null;
}

function requireOf(call: TSESTree.CallExpression): string | null {
  if (call.callee.type !== T.Identifier || call.callee.name !== 'require' || call.arguments.length !== 1) return null;
  return literal(call.arguments[0] as Node);
}

function literal(node: Node): string | null {
  const value = unwrap(node);
  return value.type === T.Literal && typeof value.value === 'string' ? value.value : null;
}

/** How the probe refers to the export: an expression, plus a same-length replacement that names an anonymous one. */
export interface ExportReference {
  expression: string;
  rename: { start: number; end: number; text: string } | null;
}

const PROBE_NAME = '$cfx';
const RENAME_HEAD = `const ${PROBE_NAME}=`;

/** Finds the export `path` in a module and how a probe appended to it can refer to it. */
export function findExport(sourceCode: SourceCode, path: readonly string[]): ExportReference | null {
  const [head, ...rest] = path;
  if (head === undefined) return null;
  const found = head === 'default' ? defaultExport(sourceCode) : namedExport(sourceCode, head);
  if (found) return withMembers(found, rest);
  // `require()` of an ES module (or `import` of CommonJS) gives the named exports as properties of the default.
  if (head === 'default' && rest[0] !== undefined) {
    const named = namedExport(sourceCode, rest[0]);
    return named ? withMembers(named, rest.slice(1)) : null;
  }
  if (head !== 'default') {
    const fromDefault = defaultExport(sourceCode);
    return fromDefault ? withMembers(fromDefault, [head, ...rest]) : null;
  }
  return null;
}

function withMembers(reference: ExportReference, members: readonly string[]): ExportReference {
  const access = members.map((member) => (/^[A-Za-z_$][\w$]*$/u.test(member) ? `.${member}` : `[${JSON.stringify(member)}]`)).join('');
  return { ...reference, expression: reference.expression + access };
}

function defaultExport(sourceCode: SourceCode): ExportReference | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === T.Identifier) return { expression: declaration.name, rename: null };
      return anonymous(sourceCode, statement.range[0], declaration.range[0]);
    }
    if (statement.type === T.ExpressionStatement && statement.expression.type === T.AssignmentExpression && isModuleExports(statement.expression.left)) {
      const right = statement.expression.right;
      if (right.type === T.Identifier) return { expression: right.name, rename: null };
      return anonymous(sourceCode, statement.range[0], right.range[0]);
    }
  }
  return null;
}

function namedExport(sourceCode: SourceCode, name: string): ExportReference | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ExportNamedDeclaration && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === T.VariableDeclaration) {
        for (const declarator of declaration.declarations) if (declarator.id.type === T.Identifier && declarator.id.name === name) return { expression: name, rename: null };
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === T.Identifier ? specifier.exported.name : specifier.exported.value;
        if (exported === name && specifier.local.type === T.Identifier) return { expression: specifier.local.name, rename: null };
      }
    }
    // exports.name = …, module.exports.name = …
    if (statement.type === T.ExpressionStatement && statement.expression.type === T.AssignmentExpression) {
      const left = statement.expression.left;
      if (left.type === T.MemberExpression && memberName(left) === name && (isModuleExports(left.object) || (left.object.type === T.Identifier && left.object.name === 'exports'))) {
        const right = statement.expression.right;
        if (right.type === T.Identifier) return { expression: right.name, rename: null };
        return anonymous(sourceCode, statement.range[0], right.range[0]);
      }
    }
  }
  return null;
}

/** `export default {…}`: the text before the value becomes `const $cfx=` padded to the same length and lines. */
function anonymous(sourceCode: SourceCode, start: number, end: number): ExportReference | null {
  const original = sourceCode.text.slice(start, end);
  if (original.length < RENAME_HEAD.length || /[\r\n]/u.test(original.slice(0, RENAME_HEAD.length))) return null;
  const padding = original.slice(RENAME_HEAD.length).replace(/[^\r\n]/gu, ' ');
  return { expression: PROBE_NAME, rename: { start, end, text: RENAME_HEAD + padding } };
}

function isModuleExports(node: Node): boolean {
  return node.type === T.MemberExpression && node.object.type === T.Identifier && node.object.name === 'module' && memberName(node) === 'exports';
}

/**
 * A registration of `framework` that passes `expression` as its options, built from the framework entry's
 * registrations (not from its name). Null when the framework has no registration that takes options.
 */
export function probeRegistration(framework: Framework, expression: string): string | null {
  for (const registration of framework.registrations) {
    if (registration.kind === 'typed-options' || registration.kind === 'header-writes' || registration.kind === 'next-config-headers') continue;
    const location = registration.options;
    if (!location) continue;
    const value = location.key ? `{ ${location.key}: ${expression} }` : expression;
    const index = location.argument === 'last' ? 0 : location.argument;
    if (registration.kind === 'method') {
      const module = registration.whenImporting.endsWith('/*') ? `${registration.whenImporting.slice(0, -1)}core` : registration.whenImporting;
      const args = [...Array.from({ length: index }, () => 'undefined'), value];
      return `import '${module}';\n$cfxApp.${registration.method}(${args.join(', ')});\n`;
    }
    const [first = 'default', ...members] = registration.export.split('.');
    const binding = first === 'default' ? `import $cfxProbe from '${registration.module}';` : `import { ${first} as $cfxProbe } from '${registration.module}';`;
    if (registration.kind === 'plugin') {
      const args = ['$cfxProbe', ...Array.from({ length: Math.max(0, index - 1) }, () => 'undefined'), value];
      return `${binding}\n$cfxApp.${registration.method}(${args.join(', ')});\n`;
    }
    const args = [...Array.from({ length: index }, () => 'undefined'), value];
    const callee = ['$cfxProbe', ...members].join('.');
    return `${binding}\n${registration.kind === 'new' ? 'new ' : ''}${callee}(${args.join(', ')});\n`;
  }
  return null;
}

/** The probe text: the module with `reference.rename` applied and `registration` appended on new lines. */
export function probeText(text: string, reference: ExportReference, registration: string): string {
  const renamed = reference.rename ? text.slice(0, reference.rename.start) + reference.rename.text + text.slice(reference.rename.end) : text;
  return `${renamed}\n;\n${registration}`;
}
