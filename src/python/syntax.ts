/**
 * Python syntax nodes as plain objects, and small helpers over them: fields, children, source text, qualified
 * names of attribute chains and the decoding of string literals. A `PyNode` is a `ForeignNode`, so the model can hold
 * it where it holds an ESTree node.
 */
import type { ForeignNode } from '../model/foreign-node.js';

/** One node of a tree-sitter Python tree (`kind` is the grammar's node type: `call`, `identifier`, …). */
export interface PyNode extends ForeignNode {
  kind: string;
  /** Named nodes are syntax; anonymous ones are punctuation and keywords (`(`, `=`, `def`). */
  named: boolean;
  /** tree-sitter invented it to recover from an error. */
  missing: boolean;
  /** The field this node fills in its parent (`function`, `arguments`, `left`, …). */
  field: string | null;
  parent: PyNode | null;
  children: PyNode[];
}

/** The first child in `field`. */
export function child(node: PyNode, field: string): PyNode | null {
  return node.children.find((candidate) => candidate.field === field) ?? null;
}

/** Every child in `field`. */
export function fieldChildren(node: PyNode, field: string): PyNode[] {
  return node.children.filter((candidate) => candidate.field === field);
}

/** The named children that are not comments. */
export function named(node: PyNode): PyNode[] {
  return node.children.filter((candidate) => candidate.named && candidate.kind !== 'comment');
}

/** The source text of `node`. */
export function textOf(source: string, node: PyNode): string {
  return source.slice(node.range[0], node.range[1]);
}

/** Strips parentheses around an expression. */
export function unparen(node: PyNode): PyNode {
  let current = node;
  while (current.kind === 'parenthesized_expression') {
    const inner = named(current)[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** Every node under `root` in source order; `visit` returning false skips a node's children. */
export function walkTree(root: PyNode, visit: (node: PyNode) => unknown): void {
  const stack: PyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as PyNode;
    if (visit(node) === false) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as PyNode);
  }
}

/** The innermost function definition containing `node` (not `node` itself), or null at module or class level. */
export function enclosingFunction(node: PyNode): PyNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.kind === 'function_definition' || current.kind === 'lambda') return current;
  }
  return null;
}

/** The statement `node` belongs to: the child of a block or module that contains it. */
export function statementOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent && current.parent.kind !== 'block' && current.parent.kind !== 'module') current = current.parent;
  return current;
}

/** The arguments of a call: positional ones in order, keyword ones by name, and `*args` / `**kwargs` splats. */
export interface CallArguments {
  positional: PyNode[];
  keywords: { name: string; nameNode: PyNode; value: PyNode; node: PyNode }[];
  /** `**options` arguments. */
  dictionarySplats: PyNode[];
  /** `*args` arguments. */
  listSplats: PyNode[];
  /** The `argument_list` node, or null for a decorator used without a call. */
  list: PyNode | null;
}

export function callArguments(source: string, call: PyNode): CallArguments {
  const list = child(call, 'arguments');
  const result: CallArguments = { positional: [], keywords: [], dictionarySplats: [], listSplats: [], list: list?.kind === 'argument_list' ? list : null };
  if (!list) return result;
  // `f(x for x in y)`: a lone generator expression is the argument list itself.
  if (list.kind === 'generator_expression') {
    result.positional.push(list);
    return result;
  }
  for (const argument of named(list)) {
    if (argument.kind === 'keyword_argument') {
      const name = child(argument, 'name');
      const value = child(argument, 'value');
      if (name && value) result.keywords.push({ name: textOf(source, name), nameNode: name, value, node: argument });
    } else if (argument.kind === 'dictionary_splat') {
      result.dictionarySplats.push(argument);
    } else if (argument.kind === 'list_splat') {
      result.listSplats.push(argument);
    } else {
      result.positional.push(argument);
    }
  }
  return result;
}

/** A string literal's value, or null when it is not a plain `str` (f-string with fields, bytes, invalid escape). */
export function stringValue(source: string, node: PyNode): string | null {
  if (node.kind === 'concatenated_string') {
    let value = '';
    for (const part of named(node)) {
      const piece = stringValue(source, part);
      if (piece === null) return null;
      value += piece;
    }
    return value;
  }
  if (node.kind !== 'string') return null;
  const start = node.children.find((part) => part.kind === 'string_start');
  const end = node.children.find((part) => part.kind === 'string_end');
  if (!start || !end) return null;
  const opening = textOf(source, start);
  const prefix = opening.replace(/["']+$/u, '').toLowerCase();
  if (prefix.includes('b')) return null;
  if (prefix.includes('f') && node.children.some((part) => part.kind === 'interpolation')) return null;
  const body = source.slice(start.range[1], end.range[0]);
  const raw = prefix.includes('r');
  const text = prefix.includes('f') ? body.replace(/\{\{/gu, '{').replace(/\}\}/gu, '}') : body;
  return raw ? text : decodeEscapes(text);
}

/** The quote and prefix a string literal is written with (`r"`, `'`, `"""`). */
export function stringDelimiters(source: string, node: PyNode): { prefix: string; quote: string } | null {
  const start = node.children.find((part) => part.kind === 'string_start');
  if (!start) return null;
  const opening = textOf(source, start);
  const quote = /("""|'''|"|')$/u.exec(opening)?.[1] ?? '"';
  return { prefix: opening.slice(0, opening.length - quote.length), quote };
}

/** Python's escapes in a non-raw `str` literal; null for an escape Python rejects. */
function decodeEscapes(body: string): string | null {
  let out = '';
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] as string;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = body[index + 1];
    if (next === undefined) return null;
    index += 1;
    switch (next) {
      case '\n':
        break;
      case '\r':
        if (body[index + 1] === '\n') index += 1;
        break;
      case '\\':
      case "'":
      case '"':
        out += next;
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\u0007';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'x':
      case 'u':
      case 'U': {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = body.slice(index + 1, index + 1 + length);
        if (!new RegExp(`^[0-9a-fA-F]{${length}}$`, 'u').test(hex)) return null;
        out += String.fromCodePoint(Number.parseInt(hex, 16));
        index += length;
        break;
      }
      case 'N':
        // `\N{NAME}` needs Unicode's name table: not worth it for origins and header names.
        return null;
      default:
        if (/[0-7]/u.test(next)) {
          const octal = /^[0-7]{1,3}/u.exec(body.slice(index))?.[0] ?? next;
          out += String.fromCodePoint(Number.parseInt(octal, 8));
          index += octal.length - 1;
        } else {
          // An unknown escape keeps its backslash (Python warns but accepts it).
          out += `\\${next}`;
        }
    }
  }
  return out;
}

/** The Python node behind a model node of a Python file (every node the Python reader puts in the model is one). */
export function pyNodeOf(node: { range: [number, number] }): PyNode {
  return node as PyNode;
}

/** The root of the tree `node` belongs to (to tell a module's own nodes from a linked module's). */
export function rootOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}
