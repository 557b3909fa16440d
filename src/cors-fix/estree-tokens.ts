/**
 * The token list typescript-estree gives ESLint, rebuilt from an AST that comes without one. The AST already says
 * where every identifier, literal, template part and JSX text is, which settles what a lexer cannot know on its own
 * (a `/` that starts a regex, a `}` that continues a template, a `>>` that closes two type argument lists); what lies
 * between them is only punctuation and keywords.
 */
import { AST_TOKEN_TYPES as K, type TSESTree } from '@typescript-eslint/types';
import type { LineTable } from './source-code.js';

type Token = TSESTree.Token;

/** A span the AST fixes: a token of a known type, or a comment (not a token). */
interface Piece {
  start: number;
  end: number;
  type: K | 'Comment';
  /** The token's value when it is not its text (a private name is given without `#`). */
  value?: string;
  regex?: { pattern: string; flags: string };
}

/** Thrown when the text between the AST's tokens holds something that is neither punctuation nor a keyword. */
export class TokenizeError extends Error {}

// typescript-estree calls a word a keyword when TypeScript's scanner has it between `break` and `yield`.
const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends finally for function if ' +
    'import in instanceof new return super switch this throw try typeof var void while with implements interface let ' +
    'package private protected public static yield'
  ).split(' '),
);

const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
  '{', '}', '(', ')', '[', ']', ';', ',', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', '!', '~', '?', ':', '=', '.', '@', '#',
];
const PUNCTUATOR = new RegExp(PUNCTUATORS.map((text) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')).join('|'), 'y');
const WORD = /[A-Za-z_$][\w$]*/y;
const SPACE = /\s+/uy;
const IDENTIFIER = /(?:[\p{ID_Start}$_]|\\u[\da-fA-F]{4}|\\u\{[\da-fA-F]+\})(?:[\p{ID_Continue}$\u200C\u200D]|\\u[\da-fA-F]{4}|\\u\{[\da-fA-F]+\})*/uy;

/**
 * The tokens of `text`, from the nodes of its AST (each with `range` and `parent`) and its comments, located with
 * `lines`. `skip` is where the tokens begin (after a `#!` line).
 */
export function estreeTokens(text: string, nodes: Iterable<TSESTree.Node>, comments: readonly TSESTree.Comment[], lines: LineTable, skip = 0): Token[] {
  const pieces: Piece[] = comments.map((comment) => ({ start: comment.range[0], end: comment.range[1], type: 'Comment' }));
  for (const node of nodes) {
    const piece = pieceOf(text, node);
    if (piece) pieces.push(piece);
    if (node.type === 'TSTypeParameterInstantiation' || node.type === 'TSTypeParameterDeclaration') {
      // Type parameter and argument lists keep their brackets as tokens of their own, even in `<<T>() => T>` or `>>=`.
      const [start, end] = node.range;
      if (text[start] === '<') pieces.push({ start, end: start + 1, type: K.Punctuator });
      if (text[end - 1] === '>') pieces.push({ start: end - 1, end, type: K.Punctuator });
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  let offset = skip;
  for (const piece of pieces) {
    // Shorthand properties and specifiers give the same identifier twice.
    if (piece.start < offset) continue;
    lexGap(text, offset, piece.start, tokens);
    if (piece.type !== 'Comment') tokens.push(tokenOf(text, piece));
    offset = piece.end;
  }
  lexGap(text, offset, text.length, tokens);
  for (const token of tokens) token.loc = lines.location(token.range);
  return tokens;
}

function pieceOf(text: string, node: TSESTree.Node): Piece | null {
  const [start, end] = node.range;
  switch (node.type) {
    case 'Identifier': {
      IDENTIFIER.lastIndex = start;
      const word = IDENTIFIER.exec(text);
      if (!word) throw new TokenizeError(`no identifier at ${start}`);
      // `import.meta`, `new.target`: the first word is a keyword in TypeScript's tokens.
      const keyword = node.parent?.type === 'MetaProperty' && node.parent.meta === node;
      return { start, end: start + word[0].length, type: keyword ? K.Keyword : K.Identifier };
    }
    case 'PrivateIdentifier':
      return { start, end, type: K.PrivateIdentifier, value: node.name };
    case 'Literal': {
      if ('regex' in node && node.regex) return { start, end, type: K.RegularExpression, regex: { pattern: node.regex.pattern, flags: node.regex.flags } };
      if (typeof node.value === 'string') return { start, end, type: node.parent?.type === 'JSXAttribute' ? K.JSXText : K.String };
      if (typeof node.value === 'boolean') return { start, end, type: K.Boolean };
      if (node.value === null && !('bigint' in node && node.bigint)) return { start, end, type: K.Null };
      return { start, end, type: K.Numeric };
    }
    case 'TemplateElement':
      return { start, end, type: K.Template };
    case 'JSXIdentifier':
      // TypeScript's tokens treat the parts of a namespaced name (`xlink:href`) as plain identifiers.
      return { start, end, type: node.parent?.type === 'JSXNamespacedName' ? K.Identifier : K.JSXIdentifier };
    case 'JSXText':
      return { start, end, type: K.JSXText };
    default:
      return null;
  }
}

function tokenOf(text: string, piece: Piece): Token {
  const token = { type: piece.type, value: piece.value ?? text.slice(piece.start, piece.end), range: [piece.start, piece.end] } as Token;
  if (piece.regex) (token as TSESTree.RegularExpressionToken).regex = piece.regex;
  return token;
}

/** Punctuators and keywords between `start` and `end`. */
function lexGap(text: string, start: number, end: number, tokens: Token[]): void {
  if (start >= end) return;
  const gap = text.slice(start, end);
  let offset = 0;
  while (offset < gap.length) {
    SPACE.lastIndex = offset;
    if (SPACE.test(gap)) {
      offset = SPACE.lastIndex;
      continue;
    }
    WORD.lastIndex = offset;
    const word = WORD.exec(gap);
    if (word) {
      tokens.push({ type: wordType(word[0]), value: word[0], range: [start + offset, start + WORD.lastIndex] } as Token);
      offset = WORD.lastIndex;
      continue;
    }
    PUNCTUATOR.lastIndex = offset;
    let punctuator = PUNCTUATOR.exec(gap)?.[0];
    // `a?.5:b` is a conditional and a number.
    if (punctuator === '?.' && /\d/u.test(gap[offset + 2] ?? '')) punctuator = '?';
    if (!punctuator) throw new TokenizeError(`unexpected ${JSON.stringify(gap[offset])} at ${start + offset}`);
    tokens.push({ type: K.Punctuator, value: punctuator, range: [start + offset, start + offset + punctuator.length] } as Token);
    offset += punctuator.length;
  }
}

function wordType(word: string): K {
  if (word === 'true' || word === 'false') return K.Boolean;
  if (word === 'null') return K.Null;
  return KEYWORDS.has(word) ? K.Keyword : K.Identifier;
}
