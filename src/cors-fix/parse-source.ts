/**
 * Parses a file for cors-fix into the `SourceCode` the model reads. oxc-parser (native code, a few milliseconds per
 * file) gives the typescript-estree AST the plugin's users lint with; `@typescript-eslint/scope-manager` adds the
 * same scopes their parser would, and the tokens are rebuilt from the AST. A file oxc does not accept, or a platform
 * without oxc's native binding, goes through `@typescript-eslint/parser` itself, whose syntax errors are the ones
 * reported.
 */
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import type * as TypeScriptParser from '@typescript-eslint/parser';
import type * as ScopeManager from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type * as VisitorKeys from '@typescript-eslint/visitor-keys';
import type * as Oxc from 'oxc-parser';
import type { Node, SourceCode } from '../model/index.js';
import { TokenizeError, estreeTokens } from './estree-tokens.js';
import { LineTable, ParsedSourceCode, linkNodes } from './source-code.js';

const require = createRequire(import.meta.url);

/** A parsed file, or the first syntax error (1-based line and column). */
export type ParseResult = { ok: true; sourceCode: SourceCode } | { ok: false; message: string; line: number; column: number };

type SourceType = 'module' | 'commonjs';

/** Parses `text` (without BOM) as the file at `path`: CommonJS for `.cjs`/`.cts`, a module otherwise. */
export function parseSource(text: string, path: string, sourceType: SourceType = sourceTypeOf(path)): ParseResult {
  const parsed = parseWithOxc(text, path, sourceType);
  return parsed.ok ? parsed : parseWithTypeScriptEslint(text, path, sourceType);
}

/** CommonJS for `.cjs`/`.cts`, a module otherwise. */
export function sourceTypeOf(path: string): SourceType {
  return /\.c[jt]s$/u.test(path) ? 'commonjs' : 'module';
}

let oxc: typeof Oxc | null | undefined;
let scopes: { analyze: typeof ScopeManager.analyze; visitorKeys: TSESLint.SourceCode.VisitorKeys } | undefined;

/** oxc-parser, loaded at the first file that needs parsing; null where its native binding is missing. */
function loadOxc(): typeof Oxc | null {
  if (oxc === undefined) {
    try {
      oxc = require('oxc-parser') as typeof Oxc;
    } catch {
      oxc = null;
    }
  }
  return oxc;
}

function loadScopes(): NonNullable<typeof scopes> {
  scopes ??= {
    analyze: (require('@typescript-eslint/scope-manager') as typeof ScopeManager).analyze,
    visitorKeys: (require('@typescript-eslint/visitor-keys') as typeof VisitorKeys).visitorKeys as TSESLint.SourceCode.VisitorKeys,
  };
  return scopes;
}

/** oxc's parse of a file, or why it was not used (then `parseWithTypeScriptEslint` decides). */
export function parseWithOxc(text: string, path: string, sourceType: SourceType = sourceTypeOf(path)): { ok: true; sourceCode: SourceCode } | { ok: false; reason: string } {
  const parser = loadOxc();
  if (!parser) return { ok: false, reason: 'oxc-parser has no native binding here' };
  const extension = extname(path);
  const lang = /^\.[cm]?ts$/u.test(extension) ? 'ts' : extension === '.tsx' ? 'tsx' : extension === '.js' || extension === '.jsx' ? 'jsx' : 'js';
  const parse = (as: SourceType): ReturnType<typeof parser.parseSync> =>
    parser.parseSync(`file${extension || '.js'}`, text, { lang, sourceType: as, astType: 'ts', range: true, preserveParens: false });
  let result = parse(sourceType);
  // typescript-estree accepts `import` and `export` in a CommonJS file (Node.js does not, but bundlers do).
  if (result.errors.length > 0 && sourceType === 'commonjs') result = parse('module');
  const error = result.errors[0];
  if (error) return { ok: false, reason: error.message };
  const { analyze, visitorKeys } = loadScopes();
  const ast = result.program as unknown as TSESTree.Program & { hashbang?: { range: [number, number] } | null };
  const skip = ast.hashbang?.range[1] ?? 0;
  delete ast.hashbang;
  // As `@typescript-eslint/parser` records it: a CommonJS file is a script.
  ast.sourceType = sourceType === 'commonjs' ? 'script' : 'module';
  const lines = new LineTable(text);
  const nodes = linkNodes(ast, visitorKeys, lines);
  // Children first: a default's target moves before the default does.
  for (let index = nodes.length - 1; index >= 0; index--) alignWithTypescriptEstree(nodes[index] as Node, text, lines);
  const comments = result.comments.map((comment) => {
    const range: [number, number] = [comment.start, comment.end];
    return { type: comment.type, value: comment.value, range, loc: lines.location(range) } as TSESTree.Comment;
  });
  try {
    ast.tokens = estreeTokens(text, nodes, comments, lines, skip);
  } catch (failure) {
    if (failure instanceof TokenizeError) return { ok: false, reason: failure.message };
    throw failure;
  }
  ast.comments = comments;
  const scopeManager = analyze(ast, { sourceType: ast.sourceType });
  return { ok: true, sourceCode: new ParsedSourceCode({ text, ast, scopeManager, visitorKeys }) };
}

/**
 * The few places where oxc's AST differs from typescript-estree's, mended. One is left: JSX text keeps its HTML
 * entities in `value` (typescript-estree decodes them), which nothing in the model reads.
 */
function alignWithTypescriptEstree(node: Node, text: string, lines: LineTable): void {
  // oxc sorts regex flags; typescript-estree keeps them as written.
  if (node.type === 'Literal' && 'regex' in node && node.regex) node.regex.flags = node.raw.slice(node.raw.lastIndexOf('/') + 1);
  // A decorated parameter begins after its decorators in typescript-estree (its name, or its default's target).
  if ((node.type === 'Identifier' || node.type === 'AssignmentPattern') && node.decorators && node.decorators.length > 0) {
    const start = node.type === 'AssignmentPattern' ? node.left.range[0] : codeAfter(text, (node.decorators.at(-1) as Node).range[1]);
    if (start !== node.range[0]) {
      node.range = [start, node.range[1]];
      node.loc = lines.location(node.range);
    }
  }
}

/** The offset of the first character after `offset` that is neither whitespace nor inside a comment. */
function codeAfter(text: string, offset: number): number {
  const skip = /(?:\s+|\/\/[^\n\r\u2028\u2029]*|\/\*[\s\S]*?\*\/)*/uy;
  skip.lastIndex = offset;
  skip.exec(text);
  return skip.lastIndex;
}

let typescriptParser: typeof TypeScriptParser | undefined;

/** `@typescript-eslint/parser`'s parse of a file (with TypeScript, about 0.8 s to load). */
export function parseWithTypeScriptEslint(text: string, path: string, sourceType: SourceType = sourceTypeOf(path)): ParseResult {
  typescriptParser ??= require('@typescript-eslint/parser') as typeof TypeScriptParser;
  const extension = extname(path);
  let parsed: ReturnType<typeof TypeScriptParser.parseForESLint>;
  try {
    parsed = typescriptParser.parseForESLint(text, {
      ecmaVersion: 'latest',
      sourceType,
      ecmaFeatures: { jsx: /\.[jt]sx$/u.test(path) || extension === '.js' },
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      // The file is never read by the parser; the name only selects TypeScript's script kind.
      filePath: `file${extension || '.js'}`,
      // No TypeScript AST maps: the model reads ESTree only, and each parsed file stays smaller.
      preserveNodeMaps: false,
    });
  } catch (error) {
    const failure = error as { message?: string; lineNumber?: number; column?: number };
    return {
      ok: false,
      message: (failure.message ?? `${basename(path)} could not be parsed`).split('\n')[0] ?? '',
      line: failure.lineNumber ?? 1,
      column: (failure.column ?? 0) + 1,
    };
  }
  const visitorKeys = parsed.visitorKeys as TSESLint.SourceCode.VisitorKeys;
  linkNodes(parsed.ast, visitorKeys, null);
  return { ok: true, sourceCode: new ParsedSourceCode({ text, ast: parsed.ast, scopeManager: parsed.scopeManager as never, visitorKeys }) };
}
