/**
 * Text edits on Python source in the file's own style: its quotes, line endings and indentation, keyword arguments
 * added the way the call is already laid out (one per line with a trailing comma, or inline), dict entries, import
 * lines merged into an existing `from … import …`, and statements placed after others.
 */
import type { TextEdit } from '../cors-fix/text-edits.js';
import type { PyScope } from './scope.js';
import { type PyNode, child, fieldChildren, named, textOf } from './syntax.js';

/** How a Python file writes code. */
export interface PyStyle {
  eol: '\n' | '\r\n';
  quote: '"' | "'";
  /** One level of indentation (four spaces unless the file says otherwise). */
  indent: string;
}

/** A one-line call longer than this after an edit is laid out one argument per line. */
const MAX_LINE = 88;

export function detectStyle(text: string, root: PyNode): PyStyle {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  let single = 0;
  let double = 0;
  const visit = (node: PyNode): void => {
    if (node.kind === 'string_start') {
      const opening = textOf(text, node);
      if (opening.endsWith("'") && !opening.endsWith("'''")) single += 1;
      else if (opening.endsWith('"') && !opening.endsWith('"""')) double += 1;
    }
    for (const part of node.children) visit(part);
  };
  visit(root);
  const indent = /\n([ \t]+)\S/u.exec(text)?.[1] ?? '    ';
  return { eol: crlf > lf ? '\r\n' : '\n', quote: single > double ? "'" : '"', indent: indent.startsWith('\t') ? '\t' : indent.length === 2 ? '  ' : '    ' };
}

/** A Python string literal for `value` in the file's quote style. */
export function pyString(value: string, style: PyStyle): string {
  const quote = value.includes(style.quote) && !value.includes(style.quote === '"' ? "'" : '"') ? (style.quote === '"' ? "'" : '"') : style.quote;
  return `${quote}${value.replace(/\\/gu, '\\\\').replace(new RegExp(quote, 'gu'), `\\${quote}`)}${quote}`;
}

/**
 * A list literal of strings; one item per line (with a trailing comma) when, written after `lead` on a line indented
 * by `indent`, it would pass the line limit.
 */
export function pyList(values: readonly string[], style: PyStyle, indent = '', lead = ''): string {
  const items = values.map((value) => pyString(value, style));
  const inline = `[${items.join(', ')}]`;
  if (indent.length + lead.length + inline.length + 1 <= MAX_LINE) return inline;
  return `[${items.map((item) => `${style.eol}${indent}${style.indent}${item},`).join('')}${style.eol}${indent}]`;
}

/** The indentation of the line `offset` is on. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/u.exec(text.slice(start))?.[0] ?? '';
}

/** Replaces a node's text. */
export function replace(node: PyNode, text: string): TextEdit {
  return { start: node.range[0], end: node.range[1], text };
}

/**
 * Adds `entries` (`name=value` or `"key": value`) at the end of an argument list or dict, in the layout it has. A
 * one-line list that would grow past the line limit is rewritten one entry per line (when it has no comments).
 */
export function appendEntries(container: PyNode, entries: readonly string[], text: string, style: PyStyle): TextEdit[] {
  if (entries.length === 0) return [];
  const items = named(container).filter((item) => item.kind !== 'comment');
  const last = items.at(-1);
  const close = container.children.at(-1) as PyNode;
  const multiline = container.loc.start.line !== container.loc.end.line;
  if (!last) {
    const inside = multiline ? `${style.eol}${lineIndent(text, container.range[0])}${style.indent}` : '';
    return [{ start: close.range[0], end: close.range[0], text: multiline ? `${inside}${entries.join(`,${inside}`)},${style.eol}${lineIndent(text, container.range[0])}` : entries.join(', ') }];
  }
  const after = container.children.slice(container.children.indexOf(last) + 1);
  const trailingComma = after.find((part) => part.kind === ',');
  if (multiline && last.loc.start.line !== container.loc.start.line) {
    const indent = lineIndent(text, last.range[0]);
    if (trailingComma) return [{ start: trailingComma.range[1], end: trailingComma.range[1], text: entries.map((entry) => `${style.eol}${indent}${entry},`).join('') }];
    return [{ start: last.range[1], end: last.range[1], text: entries.map((entry) => `,${style.eol}${indent}${entry}`).join('') }];
  }
  const lineStart = text.lastIndexOf('\n', container.range[0]) + 1;
  const lineEnd = text.indexOf('\n', container.range[1]);
  const length = (lineEnd < 0 ? text.length : lineEnd) - lineStart + entries.reduce((sum, entry) => sum + entry.length + 2, 0);
  const hasComments = container.children.some((part) => part.kind === 'comment');
  if (!multiline && length > MAX_LINE && !hasComments) {
    const base = lineIndent(text, container.range[0]);
    const all = [...items.map((item) => textOf(text, item)), ...entries];
    const open = container.children[0] as PyNode;
    const body = all.map((entry) => `${style.eol}${base}${style.indent}${entry},`).join('');
    return [{ start: open.range[1], end: close.range[0], text: `${body}${style.eol}${base}` }];
  }
  const anchor = trailingComma ?? last;
  return [{ start: anchor.range[1], end: anchor.range[1], text: `${trailingComma ? ' ' : ', '}${entries.join(', ')}` }];
}

/**
 * The end of the module's import block: after the last top-level import (and after `from __future__`, or the module
 * docstring when there is no import).
 */
function importAnchor(root: PyNode): PyNode | null {
  let anchor: PyNode | null = null;
  for (const statement of root.children) {
    if (statement.kind === 'import_statement' || statement.kind === 'import_from_statement' || statement.kind === 'future_import_statement') anchor = statement;
    else if (!anchor && statement.kind === 'expression_statement' && named(statement)[0]?.kind === 'string' && statement === named(root)[0]) anchor = statement;
  }
  return anchor;
}

/** Inserts `from module import name` (or adds `name` to an existing top-level `from module import …`). */
export function addImport(scope: PyScope, module: string, name: string, style: PyStyle): TextEdit[] {
  const existing = scope.imports.get(name);
  if (existing && existing.qualified === `${module.replace(/^\.+/u, '')}.${name}`.replace(/^\./u, '')) return [];
  const text = scope.text;
  for (const statement of scope.root.children) {
    if (statement.kind !== 'import_from_statement') continue;
    const moduleNode = child(statement, 'module_name');
    if (!moduleNode || textOf(text, moduleNode) !== module || statement.children.some((part) => part.kind === 'wildcard_import')) continue;
    const names = fieldChildren(statement, 'name');
    if (names.some((item) => textOf(text, item) === name)) return [];
    const last = names.at(-1);
    if (!last) continue;
    const parenthesised = statement.children.some((part) => part.kind === '(');
    if (parenthesised && statement.loc.start.line !== statement.loc.end.line) {
      const comma = statement.children.slice(statement.children.indexOf(last) + 1).find((part) => part.kind === ',');
      const indent = lineIndent(text, last.range[0]);
      return comma ? [{ start: comma.range[1], end: comma.range[1], text: `${style.eol}${indent}${name},` }] : [{ start: last.range[1], end: last.range[1], text: `,${style.eol}${indent}${name}` }];
    }
    return [{ start: last.range[1], end: last.range[1], text: `, ${name}` }];
  }
  return [insertAfterStatement(text, importAnchor(scope.root), `from ${module} import ${name}`, style)];
}

/** Inserts `import module` unless the module already imports it. */
export function addPlainImport(scope: PyScope, module: string, style: PyStyle): TextEdit[] {
  if (scope.imports.get(module)?.qualified === module) return [];
  return [insertAfterStatement(scope.text, importAnchor(scope.root), `import ${module}`, style)];
}

/** A new line holding `line` after `statement` (at its indentation), or at the top of the file. */
export function insertAfterStatement(text: string, statement: PyNode | null, line: string, style: PyStyle): TextEdit {
  if (!statement) return { start: 0, end: 0, text: `${line}${style.eol}${text.length > 0 && !text.startsWith(style.eol) && !/^(?:import|from)\b/u.test(text) ? style.eol : ''}` };
  const indent = lineIndent(text, statement.range[0]);
  const end = endOfLine(text, statement.range[1]);
  return { start: end, end, text: `${style.eol}${indent}${line}` };
}

/** The end of the line `offset` is on (before its line break), so an insertion there keeps trailing comments. */
export function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}
