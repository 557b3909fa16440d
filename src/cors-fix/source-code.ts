/**
 * cors-fix's own `SourceCode`: what the model and the planners read of a parsed file (text, AST, tokens, comments,
 * scopes), answered the way ESLint's `SourceCode` answers it, without loading ESLint. Lines and columns come from one
 * table of line starts per file.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { type Node, type Scope, type SourceCode, type Variable, linkParents } from '../model/ast.js';

type Token = TSESTree.Token;
type Comment = TSESTree.Comment;
type CursorOptions = TSESLint.SourceCode.CursorWithSkipOptions;
type TokenOrComment<T> = TSESLint.SourceCode.ReturnTypeFromOptions<T>;

/** Line starts of a text, so that an offset becomes a 1-based line and 0-based column by binary search. */
export class LineTable {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // The line breaks of ECMAScript (and of TypeScript's and ESLint's positions): \r\n, \n, \r, U+2028, U+2029.
    const breaks = /\r\n?|[\n\u2028\u2029]/gu;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) this.starts.push(match.index + match[0].length);
  }

  /** The position of `offset`: line from 1, column from 0 (in UTF-16 code units, as ESTree counts them). */
  position(offset: number): TSESTree.Position {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) };
  }

  /** The location of a range. */
  location(range: readonly [number, number]): TSESTree.SourceLocation {
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }
}

/**
 * Sets `parent` on every node below `ast` (ESLint sets it while it traverses; the model walks up from nodes), and
 * `loc` from `lines` for a parser that does not give it. Returns the nodes in source order.
 */
export function linkNodes(ast: TSESTree.Program, visitorKeys: TSESLint.SourceCode.VisitorKeys, lines: LineTable | null): Node[] {
  const nodes: Node[] = [];
  linkParents(ast, visitorKeys, (node) => {
    nodes.push(node);
    if (lines) (node as { loc: TSESTree.SourceLocation }).loc = lines.location(node.range);
  });
  return nodes;
}

/** The parts of a parse a `ParsedSourceCode` is made of. */
export interface ParsedParts {
  text: string;
  /** The program, with `tokens` and `comments` in source order, every node with `range`, `loc` and `parent`. */
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

/** A parsed file as the model reads it; the token and comment queries behave as ESLint's `SourceCode` ones. */
export class ParsedSourceCode implements SourceCode {
  readonly text: string;
  readonly ast: TSESLint.SourceCode.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager;
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
  readonly parserServices = {};
  private readonly tokens: readonly Token[];
  private readonly comments: readonly Comment[];
  private merged: readonly Token[] | null = null;
  private readonly scopes = new WeakMap<Node, Scope>();

  constructor(parts: ParsedParts) {
    this.text = parts.text;
    this.ast = parts.ast as TSESLint.SourceCode.Program;
    this.scopeManager = parts.scopeManager;
    this.visitorKeys = parts.visitorKeys;
    this.tokens = this.ast.tokens;
    this.comments = this.ast.comments;
  }

  getText(node?: Node | Token, beforeCount = 0, afterCount = 0): string {
    if (!node) return this.text;
    return this.text.slice(Math.max(node.range[0] - beforeCount, 0), node.range[1] + afterCount);
  }

  getAllComments(): Comment[] {
    return [...this.comments];
  }

  getTokenAfter<T extends CursorOptions>(node: Node | Token, options?: T): TokenOrComment<T> | null {
    const { list, filter, skip } = this.cursor(options);
    let skipped = 0;
    for (let index = firstStartingAt(list, node.range[1]); index < list.length; index++) {
      const token = list[index] as Token;
      if (filter && !filter(token)) continue;
      if (skipped++ === skip) return token as TokenOrComment<T>;
    }
    return null;
  }

  getTokenBefore<T extends CursorOptions>(node: Node | Token, options?: T): TokenOrComment<T> | null {
    const { list, filter, skip } = this.cursor(options);
    let skipped = 0;
    for (let index = lastEndingBy(list, node.range[0]); index >= 0; index--) {
      const token = list[index] as Token;
      if (filter && !filter(token)) continue;
      if (skipped++ === skip) return token as TokenOrComment<T>;
    }
    return null;
  }

  getFirstToken<T extends CursorOptions>(node: Node, options?: T): TokenOrComment<T> | null {
    const { list, filter, skip } = this.cursor(options);
    let skipped = 0;
    for (let index = firstStartingAt(list, node.range[0]); index < list.length; index++) {
      const token = list[index] as Token;
      if (token.range[1] > node.range[1]) break;
      if (filter && !filter(token)) continue;
      if (skipped++ === skip) return token as TokenOrComment<T>;
    }
    return null;
  }

  getLastToken<T extends CursorOptions>(node: Node, options?: T): TokenOrComment<T> | null {
    const { list, filter, skip } = this.cursor(options);
    let skipped = 0;
    for (let index = lastEndingBy(list, node.range[1]); index >= 0; index--) {
      const token = list[index] as Token;
      if (token.range[0] < node.range[0]) break;
      if (filter && !filter(token)) continue;
      if (skipped++ === skip) return token as TokenOrComment<T>;
    }
    return null;
  }

  /** The comments right before a node or token, with nothing but whitespace between them and it. */
  getCommentsBefore(nodeOrToken: Node | Token): Comment[] {
    const list = this.withComments();
    const found: Comment[] = [];
    for (let index = lastEndingBy(list, nodeOrToken.range[0]); index >= 0; index--) {
      const token = list[index] as Token;
      if (!isComment(token)) break;
      found.push(token);
    }
    return found.reverse();
  }

  getCommentsInside(node: Node): Comment[] {
    return this.comments.filter((comment) => comment.range[0] >= node.range[0] && comment.range[1] <= node.range[1]);
  }

  /** The deepest node whose range contains `index` (the first such child at each level, as ESLint's traversal finds it). */
  getNodeByRangeIndex(index: number): TSESTree.Node | null {
    const contains = (node: Node): boolean => node.range[0] <= index && index < node.range[1];
    let found: Node | null = contains(this.ast) ? this.ast : null;
    while (found) {
      let deeper: Node | null = null;
      for (const key of this.visitorKeys[found.type] ?? []) {
        const child = (found as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof (item as Node).type === 'string' && contains(item as Node)) {
            deeper = item as Node;
            break;
          }
        }
        if (deeper) break;
      }
      if (!deeper) return found;
      found = deeper;
    }
    return null;
  }

  /** The innermost scope `node` is in, as ESLint's `SourceCode#getScope` finds it. */
  getScope(node: Node): Scope {
    const cached = this.scopes.get(node);
    if (cached) return cached;
    // On the Program node, the outermost scope rather than the module or CommonJS function scope.
    const inner = node.type !== 'Program';
    let scope: Scope = this.scopeManager.scopes[0] as Scope;
    for (let current: Node | undefined = node; current; current = current.parent) {
      const acquired = this.scopeManager.acquire(current, inner);
      if (acquired) {
        scope = acquired.type === 'function-expression-name' ? (acquired.childScopes[0] as Scope) : acquired;
        break;
      }
    }
    this.scopes.set(node, scope);
    return scope;
  }

  getDeclaredVariables(node: Node): readonly Variable[] {
    return this.scopeManager.getDeclaredVariables(node);
  }

  /** The list a cursor walks (tokens, or tokens and comments) and its filter and skip count, from ESLint's option forms. */
  private cursor(options: CursorOptions | undefined): { list: readonly Token[]; filter: ((token: Token) => boolean) | null; skip: number } {
    if (typeof options === 'number') return { list: this.tokens, filter: null, skip: options };
    if (typeof options === 'function') return { list: this.tokens, filter: options, skip: 0 };
    return { list: options?.includeComments ? this.withComments() : this.tokens, filter: options?.filter ?? null, skip: options?.skip ?? 0 };
  }

  /** Tokens and comments in one list, in source order (built at the first query that includes comments). */
  private withComments(): readonly Token[] {
    this.merged ??= [...this.tokens, ...this.comments].sort((a, b) => a.range[0] - b.range[0]);
    return this.merged;
  }
}

function isComment(token: Token): token is Comment {
  return token.type === 'Line' || token.type === 'Block';
}

/** The index of the first token starting at or after `offset` (the list's length if none does). */
function firstStartingAt(list: readonly Token[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as Token).range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last token ending at or before `offset` (-1 if none does). */
function lastEndingBy(list: readonly Token[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as Token).range[1] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
