/**
 * The import of the config module: which local names a file uses for its exports, and the text edit that imports
 * them after the file's last import (or top-level `require`), or adds them to an existing import of it.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, walk } from '../model/ast.js';
import type { SourceCode } from '../model/index.js';
import { endOfLine } from './node-edits.js';
import type { TextEdit } from './text-edits.js';
import { type TextStyle, quoted } from './text-style.js';

/** A module specifier that names a cors-origins module (`./cors-origins.js`, `../config/cors-origins`). */
const CONFIG_SPECIFIER = /(?:^|\/)cors-origins(?:\.[cm]?[jt]s)?$/u;

interface ExistingImport {
  /** The named-import clause or destructuring pattern to extend. */
  node: TSESTree.ImportDeclaration | TSESTree.ObjectPattern;
  /** Export name → local name, for what it imports already. */
  names: Map<string, string>;
}

/**
 * Local names for the config module's exports in a file: those of an existing import of the module, else the export
 * name, or `<name>Allowlist`, `<name>Allowlist2`… when the file already uses it.
 */
export function chooseNames(sourceCode: SourceCode, exportNames: readonly string[]): Map<string, string> {
  const existing = findExistingImport(sourceCode);
  const taken = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const name of scope.set.keys()) taken.add(name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
  }
  const names = new Map<string, string>();
  for (const name of exportNames) {
    const local = existing?.names.get(name);
    if (local) {
      names.set(name, local);
      continue;
    }
    let candidate = name;
    for (let index = 1; taken.has(candidate); index += 1) candidate = index === 1 ? `${name}Allowlist` : `${name}Allowlist${index}`;
    taken.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

/** How a file imports: ES `import` or CommonJS `require`. */
export function usesCommonJs(sourceCode: SourceCode, defaultCommonJs: boolean): boolean {
  const body = sourceCode.ast.body;
  if (body.some((statement) => statement.type === T.ImportDeclaration || statement.type.startsWith('Export') || statement.type === T.TSImportEqualsDeclaration)) return false;
  if (body.some((statement) => requireStatement(statement, sourceCode))) return true;
  return defaultCommonJs;
}

/** The config exports a file needs, the specifier it imports them from, and its module syntax. */
export interface ImportRequest {
  specifier: string;
  /** The exports the file's edits use. */
  uses: ReadonlySet<string>;
  /** Export name → local name. */
  names: ReadonlyMap<string, string>;
  commonJs: boolean;
  /** Offset of the first use of the names: a `require` must run before it (ES imports are hoisted). */
  firstUse?: number;
}

/** The edit that makes `request.uses` available under `request.names`; none when they already are. */
export function planImport(sourceCode: SourceCode, style: TextStyle, request: ImportRequest): TextEdit[] {
  const wanted = [...request.uses].sort();
  if (wanted.length === 0) return [];
  const existing = findExistingImport(sourceCode);
  const missing = wanted.filter((name) => !existing?.names.has(name));
  if (missing.length === 0) return [];
  const binding = (name: string, separator: string): string => {
    const local = request.names.get(name) ?? name;
    return local === name ? name : `${name}${separator}${local}`;
  };
  if (existing) {
    const last = existing.node.type === T.ImportDeclaration ? existing.node.specifiers.at(-1) : existing.node.properties.at(-1);
    if (last) {
      const separator = existing.node.type === T.ImportDeclaration ? ' as ' : ': ';
      return [{ start: last.range[1], end: last.range[1], text: missing.map((name) => `, ${binding(name, separator)}`).join('') }];
    }
  }
  const semicolon = style.semicolons ? ';' : '';
  const specifier = quoted(request.specifier, style);
  const statement = request.commonJs
    ? `const { ${missing.map((name) => binding(name, ': ')).join(', ')} } = require(${specifier})${semicolon}`
    : `import { ${missing.map((name) => binding(name, ' as ')).join(', ')} } from ${specifier}${semicolon}`;
  return [insertStatement(sourceCode, style, statement, request.commonJs, request.firstUse ?? Infinity)];
}

/**
 * After the last import (or top-level require) line — for a require, the last one that ends before `firstUse` —;
 * else before the first statement (or the statement of the first use) and its comments.
 */
function insertStatement(sourceCode: SourceCode, style: TextStyle, statement: string, commonJs: boolean, firstUse: number): TextEdit {
  const body = sourceCode.ast.body;
  const anchors = body.filter((node) =>
    commonJs ? requireStatement(node, sourceCode) && node.range[1] <= firstUse : node.type === T.ImportDeclaration || node.type === T.TSImportEqualsDeclaration,
  );
  const last = anchors.at(-1) ?? (commonJs ? undefined : body.filter((node) => requireStatement(node, sourceCode)).at(-1));
  if (last) {
    const position = endOfLine(sourceCode, last);
    return { start: position, end: position, text: `${style.eol}${statement}` };
  }
  const directives = body.filter((node) => node.type === T.ExpressionStatement && 'directive' in node && typeof node.directive === 'string');
  const lastDirective = directives.at(-1);
  if (lastDirective) {
    const position = endOfLine(sourceCode, lastDirective);
    return { start: position, end: position, text: `${style.eol}${statement}` };
  }
  const first = commonJs ? (body.find((node) => node.range[1] > firstUse) ?? body[0]) : body[0];
  if (!first) {
    const end = sourceCode.text.length;
    const needsBreak = end > 0 && !sourceCode.text.endsWith('\n');
    return { start: end, end, text: `${needsBreak ? style.eol : ''}${statement}${style.eol}` };
  }
  // Comments right above the first statement (no blank line) belong to it; go above them.
  let start: Node | TSESTree.Comment = first;
  for (const comment of [...sourceCode.getCommentsBefore(first)].reverse()) {
    if (comment.type === 'Shebang' as string || comment.loc.end.line < start.loc.start.line - 1) break;
    start = comment;
  }
  const lineStart = sourceCode.text.lastIndexOf('\n', start.range[0] - 1) + 1;
  return { start: lineStart, end: lineStart, text: `${statement}${style.eol}${style.eol}` };
}

/** A top-level statement that loads a module with `require(…)` outside any function. */
function requireStatement(statement: Node, sourceCode: SourceCode): boolean {
  if (statement.type !== T.VariableDeclaration && statement.type !== T.ExpressionStatement) return false;
  let found = false;
  walk(statement, sourceCode.visitorKeys, (node) => {
    if (found || node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression) return false;
    if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require') found = true;
    return !found;
  });
  return found;
}

function findExistingImport(sourceCode: SourceCode): ExistingImport | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ImportDeclaration && CONFIG_SPECIFIER.test(statement.source.value)) {
      const names = new Map<string, string>();
      for (const specifier of statement.specifiers) {
        if (specifier.type !== T.ImportSpecifier) continue;
        const imported = specifier.imported.type === T.Identifier ? specifier.imported.name : specifier.imported.value;
        names.set(imported, specifier.local.name);
      }
      if (statement.specifiers.every((specifier) => specifier.type === T.ImportSpecifier) && statement.specifiers.length > 0) return { node: statement, names };
    }
    if (statement.type !== T.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (declarator.id.type !== T.ObjectPattern || init?.type !== T.CallExpression || init.callee.type !== T.Identifier || init.callee.name !== 'require') continue;
      const argument = init.arguments[0];
      if (argument?.type !== T.Literal || typeof argument.value !== 'string' || !CONFIG_SPECIFIER.test(argument.value)) continue;
      const names = new Map<string, string>();
      for (const property of declarator.id.properties) {
        if (property.type !== T.Property || property.key.type !== T.Identifier || property.value.type !== T.Identifier) continue;
        names.set(property.key.name, property.value.name);
      }
      return { node: declarator.id, names };
    }
  }
  return null;
}
