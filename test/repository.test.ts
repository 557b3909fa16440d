/** Repository checks that CI must count: the code type-checks, lints clean, and generated docs are current. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');

async function check(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

describe('repository', () => {
  it('type-checks (tsc --noEmit)', { timeout: 180_000 }, async () => {
    expect(await check('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit'])).toEqual({ code: 0, output: '' });
  });

  it('lints clean with its own config (typescript-eslint strict, eslint-plugin-eslint-plugin, folder boundaries)', { timeout: 180_000 }, async () => {
    const result = await check('npx', ['--no-install', 'eslint', '--max-warnings=0', '.']);
    expect(result.code, result.output).toBe(0);
  });

  it('has current generated docs (eslint-doc-generator --check against the built plugin)', { timeout: 120_000 }, async () => {
    const result = await check('npx', ['--no-install', 'eslint-doc-generator', '--check']);
    expect(result.code, result.output).toBe(0);
  });
});
