/**
 * Directory fixtures: each `fixtures/cors-fix/<case>/input` (and `fixtures/cors-fix-python/<case>/input`) is copied to a temp dir, cors-fix runs on it, and the
 * result must equal `<case>/output` byte for byte; a second run must change nothing. `no-change-*` cases have no
 * output: the input must come out untouched. Everything ESLint (`cors/recommended`) reports on the output is in the
 * run's review list, with the same rule, place and message, and `--check` passes on the output only when that list is
 * empty. Set UPDATE_FIXTURES=1 to write the outputs (then review the diff).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCorsFix } from '../../src/cors-fix/pipeline.js';
import { copyToTemp, eslintRecommended, readTree, removeTemp, runCli } from './helpers.js';

const ROOTS = ['cors-fix', 'cors-fix-python'].map((root) => fileURLToPath(new URL(`../../fixtures/${root}/`, import.meta.url)));
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const cases = ROOTS.flatMap((root) => readdirSync(root).filter((name) => existsSync(join(root, name, 'input'))).sort().map((name) => join(root, name)));
const temps: string[] = [];

afterAll(() => {
  for (const temp of temps) removeTemp(temp);
});

function asText(tree: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...tree].map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

describe.each(cases.map((path) => [relative(fileURLToPath(new URL('../../fixtures/', import.meta.url)), path), path]))('%s', (_name, path) => {
  const input = join(path, 'input');
  const output = join(path, 'output');
  const noChange = basename(path).startsWith('no-change-');

  it(noChange ? 'changes nothing' : 'rewrites input into output, and a second run changes nothing', async () => {
    const temp = copyToTemp(input);
    temps.push(temp);
    const first = await runCorsFix({ cwd: temp, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(first.summary.failed, JSON.stringify(first.files, null, 2)).toBe(0);
    const result = readTree(temp);
    if (noChange) {
      expect(asText(result)).toEqual(asText(readTree(input)));
      expect(first.summary.changed).toBe(0);
      return;
    }
    expect(first.summary.changed).toBeGreaterThan(0);
    if (UPDATE) {
      rmSync(output, { recursive: true, force: true });
      for (const [path, bytes] of result) {
        mkdirSync(dirname(join(output, path)), { recursive: true });
        writeFileSync(join(output, path), bytes);
      }
    }
    expect(asText(result)).toEqual(asText(readTree(output)));
    // Byte for byte, BOMs and line endings included.
    for (const [path, bytes] of readTree(output)) expect(result.get(path)?.equals(bytes), path).toBe(true);

    // The linter and cors-fix agree: what ESLint reports on the output is what the run left for review.
    const review = first.review.map((item) => ({ ruleId: item.ruleId, file: item.file, line: item.line, column: item.column, message: item.message }));
    expect(review).toEqual(expect.arrayContaining(await eslintRecommended(temp)));

    const second = await runCorsFix({ cwd: temp, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(second.summary.changed, JSON.stringify(second.diffs, null, 2)).toBe(0);
    expect(second.summary.failed, JSON.stringify(second.files, null, 2)).toBe(0);
    expect(second.supportFiles).toEqual([]);
    expect(asText(readTree(temp))).toEqual(asText(result));
  });

  if (!noChange) {
    it('--check exits 1 on the input, and on the output exactly when something is left for review', async () => {
      const before = copyToTemp(input);
      const after = copyToTemp(output);
      temps.push(before, after);
      expect((await runCli(before, '--check')).code).toBe(1);
      const check = await runCli(after, '--check', '--json');
      const report = JSON.parse(check.stdout) as { summary: { changed: number; review: number } };
      expect(report.summary.changed).toBe(0);
      expect(check.code).toBe(report.summary.review > 0 ? 1 : 0);
      expect(asText(readTree(before))).toEqual(asText(readTree(input)));
    });
  }
});
