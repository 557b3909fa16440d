/**
 * Parses a file the way the plugin's users lint it: ESLint's `Linter` with `@typescript-eslint/parser` and no
 * rules, which yields the `SourceCode` (tokens, comments, scopes) that the CORS model reads.
 */
import { basename, extname } from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { SourceCode } from '../model/index.js';

/** A parsed file, or the first syntax error (1-based line and column). */
export type ParseResult = { ok: true; sourceCode: SourceCode } | { ok: false; message: string; line: number; column: number };

const linter = new Linter();
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** Parses `text` (without BOM) as the file at `path`: CommonJS for `.cjs`/`.cts`, a module otherwise. */
export function parseSource(text: string, path: string, sourceType: 'module' | 'commonjs' = /\.c[jt]s$/u.test(path) ? 'commonjs' : 'module'): ParseResult {
  const jsx = /\.[jt]sx$/u.test(path) || extname(path) === '.js';
  const config: Linter.Config[] = [
    {
      files: FILES,
      languageOptions: {
        parser: typescriptParser,
        sourceType,
        ecmaVersion: 'latest',
        // No TypeScript AST maps: the model reads ESTree only, and each parsed file stays smaller.
        parserOptions: { ecmaFeatures: { jsx }, preserveNodeMaps: false },
      },
    },
  ];
  // The file name only selects the configuration; the file is never read by ESLint.
  const messages = linter.verify(text, config, { filename: `file${extname(path) || '.js'}` });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) return { ok: false, message: fatal.message.replace(/^Parsing error: /u, ''), line: fatal.line, column: fatal.column };
  const sourceCode = linter.getSourceCode() as unknown as SourceCode | null;
  if (!sourceCode) return { ok: false, message: `${basename(path)} could not be parsed`, line: 1, column: 1 };
  return { ok: true, sourceCode };
}
