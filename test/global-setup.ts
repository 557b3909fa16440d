/**
 * Builds dist/ once before the suite: the package test packs it, the docs check loads it through package.json, and
 * the code-mod's CLI tests run the built bin. Tests never build on their own (parallel builds would race).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  // For quick runs of tests that do not use dist/ (rule and model tests): SKIP_BUILD=1 npx vitest run test/rules
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
}
