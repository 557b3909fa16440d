/**
 * Lints one file with every rule of the plugin on, the way a project that enables all of them does: flat config, the
 * typescript-eslint parser for every extension, every rule at "error" with its default options, and the file's path
 * relative to the repository root as its filename (Next.js configs are recognised by name).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../eslint-plugin.js';

export const ruleNames = Object.keys(plugin.rules ?? {});
export const allRules: Linter.RulesRecord = Object.fromEntries(ruleNames.map((name) => [`cors/${name}`, 'error']));

const EXTENSIONS = /\.(?:ts|js|mjs|cjs)$/u;

/** Source files under `dir`, sorted, skipping `.d.ts` and the directories in `exclude`. */
export function listSources(dir: string, exclude: ReadonlySet<string> = new Set()): string[] {
  if (exclude.has(dir)) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(full, exclude));
    else if (entry.isFile() && EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

export function configFor(file: string): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module',
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { cors: plugin },
      rules: allRules,
    },
  ];
}

/** All messages for `source`, linted as `relative` (a path relative to the repository root, with `/`). */
export function lintFile(source: string, file: string, relative: string, cwd: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat', cwd }).verify(source, configFor(file), { filename: relative });
}
