/**
 * Directory fixtures: each `fixtures/cors-fix/<case>/input` (and `fixtures/cors-fix-python/<case>/input`) is copied to a temp dir, cors-fix runs on it, and the
 * result must equal `<case>/output` byte for byte; a second run must change nothing. `no-change-*` cases have no
 * output: the input must come out untouched. Set UPDATE_FIXTURES=1 to write the outputs (then review the diff).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCorsFix } from '../../src/cors-fix/run-cors-fix.js';
import { copyToTemp, readTree, removeTemp, runCli } from './helpers.js';

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

    const second = await runCorsFix({ cwd: temp, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(second.summary.changed, JSON.stringify(second.diffs, null, 2)).toBe(0);
    expect(second.summary.failed, JSON.stringify(second.files, null, 2)).toBe(0);
    expect(second.supportFiles).toEqual([]);
    expect(asText(readTree(temp))).toEqual(asText(result));
  });

  if (!noChange) {
    it('--check exits 1 on the input and 0 on the output', async () => {
      const before = copyToTemp(input);
      const after = copyToTemp(output);
      temps.push(before, after);
      expect((await runCli(before, '--check')).code).toBe(1);
      expect((await runCli(after, '--check')).code).toBe(0);
      expect(asText(readTree(before))).toEqual(asText(readTree(input)));
    });
  }
});
