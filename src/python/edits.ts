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

/** A one-line call or list longer than this after an edit is laid out one item per line (black's default). */
export const MAX_LINE = 88;

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

/** Adds `entries` (`name=value` or `"key": value`) at the end of an argument list or dict, in the layout it has. */
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

/**
 * Imports `name` from `module` for each item: names join an existing top-level `from module import …`, the others go
 * on new lines after the import block, one line per module. Names the file already imports that way are skipped.
 */
export function addImports(scope: PyScope, items: readonly { module: string; name: string }[], style: PyStyle): TextEdit[] {
  const text = scope.text;
  const byModule = new Map<string, string[]>();
  for (const { module, name } of items) {
    const bound = scope.imports.get(name);
    const level = /^\.*/u.exec(module)?.[0].length ?? 0;
    if (bound && bound.level === level && bound.module === module.slice(level) && bound.name === name) continue;
    const names = byModule.get(module) ?? [];
    if (!names.includes(name)) names.push(name);
    byModule.set(module, names);
  }
  const edits: TextEdit[] = [];
  const lines: string[] = [];
  for (const [module, names] of byModule) {
    const statement = scope.root.children.find((candidate) => {
      const moduleNode = candidate.kind === 'import_from_statement' ? child(candidate, 'module_name') : null;
      return moduleNode !== null && textOf(text, moduleNode) === module && !candidate.children.some((part) => part.kind === 'wildcard_import');
    });
    const last = statement ? fieldChildren(statement, 'name').at(-1) : undefined;
    if (!statement || !last) {
      lines.push(`from ${module} import ${names.join(', ')}`);
      continue;
    }
    if (statement.children.some((part) => part.kind === '(') && statement.loc.start.line !== statement.loc.end.line) {
      const comma = statement.children.slice(statement.children.indexOf(last) + 1).find((part) => part.kind === ',');
      const indent = lineIndent(text, last.range[0]);
      edits.push(comma ? { start: comma.range[1], end: comma.range[1], text: names.map((name) => `${style.eol}${indent}${name},`).join('') } : { start: last.range[1], end: last.range[1], text: names.map((name) => `,${style.eol}${indent}${name}`).join('') });
    } else {
      edits.push({ start: last.range[1], end: last.range[1], text: names.map((name) => `, ${name}`).join('') });
    }
  }
  if (lines.length > 0) {
    const insertion = insertAfterStatement(text, importAnchor(scope.root), lines.join(style.eol), style);
    // Appending to the anchor statement and adding lines after it happen at one offset: one edit, in that order.
    const same = edits.find((edit) => edit.start === insertion.start && edit.end === edit.start);
    if (same) same.text += insertion.text;
    else edits.push(insertion);
  }
  return edits;
}

/** `addImports` for one name. */
export function addImport(scope: PyScope, module: string, name: string, style: PyStyle): TextEdit[] {
  return addImports(scope, [{ module, name }], style);
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
