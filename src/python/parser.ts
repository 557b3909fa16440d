/**
 * Parses Python with tree-sitter (the `web-tree-sitter` runtime and the `tree-sitter-python` grammar, both WebAssembly)
 * into plain `PyNode` trees. Nothing is loaded until the first Python file that passes the pre-filter: JavaScript-only
 * runs never pay for it. The wasm tree is converted and freed at once, so no wasm object outlives a parse.
 */
import { createRequire } from 'node:module';
import type { Language, Parser, TreeCursor } from 'web-tree-sitter';
import type { PyNode } from './syntax.js';

/** A parsed file: its tree, and the nodes tree-sitter could not parse (ERROR) or had to invent (MISSING). */
export interface PyTree {
  root: PyNode;
  text: string;
  errors: PyNode[];
}

/** How long loading the runtime and grammar took, once per process (for reports and benchmarks). */
export interface ParserStats {
  loadMs: number | null;
  parses: number;
  parseMs: number;
}

const stats: ParserStats = { loadMs: null, parses: 0, parseMs: 0 };
let loading: Promise<Parser> | null = null;

/** Loads the runtime and grammar once; every later call shares the same parser. */
function loadParser(): Promise<Parser> {
  loading ??= (async () => {
    const started = performance.now();
    const { Parser: ParserClass, Language: LanguageClass } = await import('web-tree-sitter');
    await ParserClass.init();
    const require = createRequire(import.meta.url);
    let grammar: string;
    try {
      grammar = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
    } catch {
      throw new Error('reading Python needs the tree-sitter-python package (its tree-sitter-python.wasm), which is not installed');
    }
    const language: Language = await LanguageClass.load(grammar);
    const parser = new ParserClass();
    parser.setLanguage(language);
    stats.loadMs = performance.now() - started;
    return parser;
  })();
  return loading;
}

/** Parses `text` (without BOM). */
export async function parsePython(text: string): Promise<PyTree> {
  const parser = await loadParser();
  const started = performance.now();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const errors: PyNode[] = [];
    const root = convert(tree.walk(), errors);
    stats.parses += 1;
    stats.parseMs += performance.now() - started;
    return { root, text, errors };
  } finally {
    tree.delete();
  }
}

/** Load time and parse counts so far. */
export function parserStats(): Readonly<ParserStats> {
  return { ...stats };
}

/** Copies the tree under the cursor into plain objects, depth first. */
function convert(cursor: TreeCursor, errors: PyNode[]): PyNode {
  const make = (parent: PyNode | null): PyNode => {
    const start = cursor.startPosition;
    const end = cursor.endPosition;
    const kind = cursor.nodeType;
    const node: PyNode = {
      type: `python:${kind}`,
      kind,
      named: cursor.nodeIsNamed,
      missing: cursor.nodeIsMissing,
      field: cursor.currentFieldName,
      range: [cursor.startIndex, cursor.endIndex],
      loc: { start: { line: start.row + 1, column: start.column }, end: { line: end.row + 1, column: end.column } },
      parent,
      children: [],
    };
    if (kind === 'ERROR' || node.missing) errors.push(node);
    return node;
  };
  const root = make(null);
  const stack: PyNode[] = [root];
  // Iterative walk: deeply nested files must not overflow the JavaScript stack.
  for (;;) {
    const current = stack[stack.length - 1] as PyNode;
    if (cursor.gotoFirstChild()) {
      const child = make(current);
      current.children.push(child);
      stack.push(child);
      continue;
    }
    for (;;) {
      if (stack.length === 1) {
        cursor.delete();
        return root;
      }
      if (cursor.gotoNextSibling()) {
        stack.pop();
        const parent = stack[stack.length - 1] as PyNode;
        const sibling = make(parent);
        parent.children.push(sibling);
        stack.push(sibling);
        break;
      }
      cursor.gotoParent();
      stack.pop();
    }
  }
}
