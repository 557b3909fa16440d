/**
 * End to end: where oxc-parser's native binding cannot load (a platform without a prebuilt binary), the built
 * `cors-fix` bin reads files with @typescript-eslint/parser instead and reports exactly what it reports with oxc,
 * syntax errors included. `NAPI_RS_FORCE_WASI=error` makes oxc-parser's loader refuse the native binding and require
 * the WebAssembly one, which npm does not install, so loading it fails as on such a platform.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyToTemp, removeTemp } from '../cors-fix/helpers.js';

const REPO = join(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'packages', 'cors-fix', 'dist', 'src', 'cors-fix', 'cli.js');
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function check(cwd: string, env: Record<string, string>): { code: number | null; report: unknown; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, '--check', '--json', '--force'], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  const report = result.stdout ? (JSON.parse(result.stdout) as { summary: { elapsedMs?: number } }) : null;
  // Everything but the run's duration (in the summary, and at the end of the line on stderr).
  if (report) delete report.summary.elapsedMs;
  return { code: result.status, report, stderr: result.stderr.replace(/\([\d.]+ m?s\)/gu, '(…)') };
}

describe('cors-fix without oxc-parser’s native binding', () => {
  it('falls back to @typescript-eslint/parser and reports the same fixes, findings and syntax errors', () => {
    const project = copyToTemp(join(REPO, 'examples', 'express-api'));
    temps.push(project);
    writeFileSync(join(project, 'broken.ts'), "import cors from 'cors';\nconst app = express(;\napp.use(cors());\n");
    const loaded = spawnSync(process.execPath, ['-e', "require('oxc-parser')"], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NAPI_RS_FORCE_WASI: 'error' } });
    expect(loaded.status, 'oxc-parser still loads: the fallback is not exercised').not.toBe(0);

    const withOxc = check(project, {});
    const without = check(project, { NAPI_RS_FORCE_WASI: 'error' });
    expect(withOxc.code).toBe(1);
    expect(without).toEqual(withOxc);
    expect(JSON.stringify(without.report)).toContain('does not parse (2:');
  });
});
