/**
 * Parses a file the way the plugin's users lint it, with `@typescript-eslint/parser`, into an ESLint `SourceCode`
 * (tokens, comments, scopes, parent links) that the CORS model reads. The parser is called directly rather than
 * through `Linter#verify`, which would also run a traversal and code-path analysis that the model does not need.
 */
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import type * as TypeScriptParser from '@typescript-eslint/parser';
import type * as ESLint from 'eslint';
import { type Node, walk } from '../model/ast.js';
import type { SourceCode } from '../model/index.js';

const require = createRequire(import.meta.url);
let loaded: { parser: typeof TypeScriptParser; eslint: typeof ESLint } | null = null;

/** The parser and ESLint, loaded at the first file that needs parsing: a repository without CORS never pays for them. */
function tools(): { parser: typeof TypeScriptParser; eslint: typeof ESLint } {
  loaded ??= { parser: require('@typescript-eslint/parser') as typeof TypeScriptParser, eslint: require('eslint') as typeof ESLint };
  return loaded;
}

/** A parsed file, or the first syntax error (1-based line and column). */
export type ParseResult = { ok: true; sourceCode: SourceCode } | { ok: false; message: string; line: number; column: number };

/** Parses `text` (without BOM) as the file at `path`: CommonJS for `.cjs`/`.cts`, a module otherwise. */
export function parseSource(text: string, path: string, sourceType: 'module' | 'commonjs' = /\.c[jt]s$/u.test(path) ? 'commonjs' : 'module'): ParseResult {
  const jsx = /\.[jt]sx$/u.test(path) || extname(path) === '.js';
  const { parser, eslint } = tools();
  let parsed: ReturnType<typeof parser.parseForESLint>;
  try {
    parsed = parser.parseForESLint(text, {
      ecmaVersion: 'latest',
      sourceType,
      ecmaFeatures: { jsx },
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      // The file is never read by the parser; the name only selects TypeScript's script kind.
      filePath: `file${extname(path) || '.js'}`,
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
  const { ast, scopeManager, services } = parsed;
  const visitorKeys = parsed.visitorKeys as Record<string, readonly string[]>;
  // ESLint sets `parent` while it traverses; the model walks up from nodes, so set it here.
  walk(ast as Node, visitorKeys, (node) => {
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as Node).type === 'string') (item as { parent?: Node }).parent = node;
      }
    }
  });
  const sourceCode = new eslint.SourceCode({ text, ast: ast as never, parserServices: services, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never });
  return { ok: true, sourceCode: sourceCode as unknown as SourceCode };
}
