/**
 * Text edits on object and array literals that keep the surrounding layout: new entries follow the last one on its
 * own line (after any trailing comment) in multi-line literals, or inline in one-line literals.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { Node } from '../model/ast.js';
import { type SourceCode, fileOf, sourceFor } from '../model/index.js';
import type { TextEdit } from './text-edits.js';
import { type TextStyle, lineIndent } from './text-style.js';

/** What every edit builder needs: the source (for tokens) and the file's style. */
export interface EditContext {
  sourceCode: SourceCode;
  style: TextStyle;
}

/**
 * Replaces a node's text, in the file the node was read from. Comments written inside the node that the new text does
 * not carry over follow it as block comments, so no comment is lost (`corsOrigins.check /* production *\/`).
 */
export function replaceNode(node: Node, text: string): TextEdit {
  const sourceCode = fileOf(node)?.sourceCode;
  const inside = sourceCode?.ast.comments?.filter((comment) => node.range[0] <= comment.range[0] && comment.range[1] <= node.range[1]) ?? [];
  const lost = inside.filter((comment) => !text.includes(sourceCode?.text.slice(comment.range[0], comment.range[1]) ?? ''));
  const kept = lost.map((comment) => ` /* ${comment.value.trim().replaceAll('*/', '* /')} */`).join('');
  return inFileOf(node, { start: node.range[0], end: node.range[1], text: text + kept });
}

/** Tags an edit with the file of `node` when the node came from a linked file. */
function inFileOf(node: Node, edit: TextEdit): TextEdit {
  const file = fileOf(node)?.filename;
  return file ? { ...edit, file } : edit;
}

/** Replaces a property's value; shorthand (`{ origin }`) and method properties are replaced whole, as `key: text`. */
export function replacePropertyValue(property: TSESTree.Property, text: string, context: EditContext): TextEdit {
  if (property.shorthand || property.method || property.kind !== 'init') {
    return { start: property.range[0], end: property.range[1], text: `${keyText(property, context)}: ${text}` };
  }
  return replaceNode(property.value, text);
}

function keyText(property: TSESTree.Property, context: EditContext): string {
  const key = context.sourceCode.text.slice(property.key.range[0], property.key.range[1]);
  return property.computed ? `[${key}]` : key;
}

/**
 * Removes one element of an array literal with its comma. An element on a line of its own takes the line with it;
 * comments around it stay.
 */
export function removeElement(element: Node, context: EditContext): TextEdit {
  const sourceCode = sourceFor(element, context.sourceCode);
  const { text } = sourceCode;
  const after = sourceCode.getTokenAfter(element);
  if (after?.value !== ',') {
    // The last element without a trailing comma: the comma before it goes instead.
    const before = sourceCode.getTokenBefore(element);
    return inFileOf(element, { start: before?.value === ',' ? before.range[0] : element.range[0], end: element.range[1], text: '' });
  }
  let end = after.range[1];
  while (text[end] === ' ' || text[end] === '\t') end++;
  let start = element.range[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, start)) && (text[end] === '\n' || text[end] === '\r');
  if (ownLine) {
    start = lineStart;
    end += text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1;
  }
  return inFileOf(element, { start, end, text: '' });
}

/** Renames an object key, keeping its quotes. */
export function renameKey(keyNode: Node, name: string): TextEdit {
  const quote = keyNode.type === T.Literal && typeof keyNode.value === 'string' ? keyNode.raw[0] ?? '' : '';
  return { start: keyNode.range[0], end: keyNode.range[1], text: `${quote}${name}${quote}` };
}

/** Appends `items` (source texts) to an object or array literal. */
export function appendItems(container: TSESTree.ObjectExpression | TSESTree.ArrayExpression, items: readonly string[], context: EditContext): TextEdit[] {
  if (items.length === 0) return [];
  const { sourceCode, style } = context;
  const text = sourceCode.text;
  const open = sourceCode.getFirstToken(container);
  const close = sourceCode.getLastToken(container);
  if (!open || !close) return [];
  const elements: Node[] =
    container.type === T.ObjectExpression ? container.properties : container.elements.filter((element): element is NonNullable<typeof element> => element !== null);
  const isObject = container.type === T.ObjectExpression;
  const last = elements[elements.length - 1];
  if (!last) {
    const inner = text.slice(open.range[1], close.range[0]);
    if (inner.trim() !== '') return [{ start: close.range[0], end: close.range[0], text: ` ${items.join(', ')} ` }];
    if (items.length <= 2 || !isObject) return [{ start: open.range[1], end: close.range[0], text: isObject ? ` ${items.join(', ')} ` : items.join(', ') }];
    const indent = lineIndent(text, open.range[0]);
    return [{ start: open.range[1], end: close.range[0], text: block(items, indent, style) }];
  }
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = after?.value === ',' && after.range[1] <= close.range[0];
  const afterLast = trailingComma && after ? after.range[1] : last.range[1];
  const multiline = close.loc.start.line > last.loc.end.line;
  if (!multiline) {
    return trailingComma
      ? [{ start: afterLast, end: afterLast, text: ` ${items.join(', ')},` }]
      : [{ start: last.range[1], end: last.range[1], text: `, ${items.join(', ')}` }];
  }
  const indent = last.loc.start.line === open.loc.start.line ? lineIndent(text, open.range[0]) + style.indentUnit : lineIndent(text, last.range[0]);
  // After any comments that end the last entry's line, so they stay with that entry.
  const position = endOfLine(sourceCode, trailingComma && after ? after : last);
  const added = items.map((item) => `${style.eol}${indent}${item}`).join(',') + (trailingComma ? ',' : '');
  if (trailingComma) return [{ start: position, end: position, text: added }];
  if (position === last.range[1]) return [{ start: position, end: position, text: `,${added}` }];
  return [
    { start: last.range[1], end: last.range[1], text: ',' },
    { start: position, end: position, text: added },
  ];
}

/** `{ a, b }` for short lists; a block indented one level below `indent` otherwise. */
export function objectLiteral(entries: readonly string[], indent: string, style: TextStyle): string {
  if (entries.length <= 2) return `{ ${entries.join(', ')} }`;
  return `{${block(entries, indent, style)}}`;
}

function block(entries: readonly string[], indent: string, style: TextStyle): string {
  const inner = indent + style.indentUnit;
  const comma = style.trailingCommas ? ',' : '';
  return `${style.eol}${entries.map((entry) => `${inner}${entry}`).join(`,${style.eol}`)}${comma}${style.eol}${indent}`;
}

/** The end of `node`'s last line, after comments on that line (so code inserted there leaves them in place). */
export function endOfLine(sourceCode: SourceCode, node: Node | TSESTree.Token): number {
  let position = node.range[1];
  const line = node.loc.end.line;
  let token = sourceCode.getTokenAfter(node, { includeComments: true });
  while (token && (token.type === 'Line' || token.type === 'Block') && token.loc.start.line === line && token.loc.end.line === line) {
    position = token.range[1];
    token = sourceCode.getTokenAfter(token, { includeComments: true });
  }
  return position;
}
