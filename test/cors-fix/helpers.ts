/** Test helpers for cors-fix: temporary directories, directory trees as maps, temporary git repositories. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { main } from '../../src/cors-fix/main.js';

/** A fresh directory under the OS temp dir; removed by `removeTemp`. */
export function makeTemp(prefix = 'cors-fix-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTemp(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** A new temp dir holding `files` (relative path → text); removed by `removeTemp`. */
export function tempProject(files: Record<string, string>, prefix?: string): string {
  const root = makeTemp(prefix);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A copy of `source` in a new temp dir. */
export function copyToTemp(source: string): string {
  const target = makeTemp();
  cpSync(source, target, { recursive: true });
  return target;
}

/** Every file under `root` (relative path with `/` → bytes), skipping `.git` and `node_modules`. */
export function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      if (entry === '.git' || entry === 'node_modules') continue;
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) visit(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  };
  visit(root);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Runs the CLI in-process; returns the exit code and what it printed. */
export async function runCli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { code, stdout, stderr };
}

/** `git …` in `cwd`, quietly, with a fixed identity. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' },
  });
}

/** A temp git repository holding a copy of `source`, everything committed. */
export function gitRepoFrom(source: string): string {
  const root = copyToTemp(source);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}

/** Writes `files` into a new temp dir (outside git), runs cors-fix on it, and returns the texts afterwards and the report. */
export async function fixProject(files: Record<string, string>, options: { mode?: 'write' | 'dry' | 'check'; envVar?: string } = {}) {
  const { runCorsFix } = await import('../../src/cors-fix/pipeline.js');
  const root = makeTemp('cors-fix-project-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  try {
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: options.mode ?? 'write', envVar: options.envVar ?? 'CORS_ORIGINS' });
    const tree = readTree(root);
    const text = (path: string): string => tree.get(path)?.toString('utf8') ?? '';
    return { report, text, tree };
  } finally {
    removeTemp(root);
  }
}

/** One problem ESLint reports with `cors/recommended`, as cors-fix's review list states it. */
export interface EslintProblem {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Lints every source file under `root` with ESLint and `cors/recommended` (typescript-eslint parser), as users do. */
export async function eslintRecommended(root: string): Promise<EslintProblem[]> {
  const [{ Linter }, tsParser, { default: plugin }] = await Promise.all([import('eslint'), import('@typescript-eslint/parser'), import('../../eslint-plugin.js')]);
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config = [
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions: { parser: tsParser as never, ecmaVersion: 'latest' as const, sourceType: 'module' as const } },
    plugin.configs.recommended,
  ];
  const problems: EslintProblem[] = [];
  for (const [path, bytes] of readTree(root)) {
    if (!/\.(?:[cm]?[jt]sx?)$/u.test(path) || /(?:^|\/)node_modules\//u.test(path)) continue;
    const text = bytes.toString('utf8').replace(/^\uFEFF/u, '');
    for (const message of linter.verify(text, config as never, join(root, path))) {
      if (!message.ruleId?.startsWith('cors/')) continue;
      problems.push({ ruleId: message.ruleId, file: path, line: message.line, column: message.column, message: message.message });
    }
  }
  return problems;
}
