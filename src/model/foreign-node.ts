/**
 * Nodes of another language's syntax tree (Python, read with tree-sitter) in the model. The verdicts compare nodes by
 * identity and read only where they are (`range`, `loc`), and the code-mod's reports do the same, so a located record
 * can stand where the model holds an ESTree `Node`. Its `type` is never an ESTree type: no ESTree reader, rule or
 * edit helper ever matches it, which keeps each language's code on its own side.
 */
import type { Node } from './ast.js';

/** A position as ESTree gives it: 1-based line, 0-based column (in UTF-16 code units, like `range`). */
export interface ForeignPosition {
  line: number;
  column: number;
}

/** Where a node of another language's tree is, in the text it was read from (UTF-16 offsets, like ESTree `range`). */
export interface ForeignNode {
  /** The language and the node kind (`python:call`); never an ESTree node type. */
  type: `${string}:${string}`;
  range: [number, number];
  loc: { start: ForeignPosition; end: ForeignPosition };
}

/** `node` as the model's node type; see the module comment for why this is sound. */
export function asModelNode(node: ForeignNode): Node {
  return node as unknown as Node;
}

/** The foreign node behind a model node, or null for an ESTree node. */
export function foreignNodeOf(node: Node): ForeignNode | null {
  return typeof node.type === 'string' && node.type.includes(':') ? (node as unknown as ForeignNode) : null;
}
