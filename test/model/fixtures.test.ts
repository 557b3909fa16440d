/** Model snapshots: every fixture read into a compact summary of its normalised policies (see __snapshots__). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModel } from './read-fixture.js';
import { summarize } from './summarize.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures');

function fixtureFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'cors-fix' ? [] : fixtureFiles(path);
    return /\.[cm]?[jt]s$/u.test(entry.name) ? [path] : [];
  });
}

const files = fixtureFiles(FIXTURES).map((file) => relative(ROOT, file));

describe.each(files)('%s', (file) => {
  it('reads into the recorded model', async () => {
    const model = readModel(readFileSync(join(ROOT, file), 'utf8'), file);
    const snapshot = join(import.meta.dirname, '__snapshots__', `${relative('fixtures', file)}.json`);
    await expect(`${JSON.stringify(summarize(model), null, 2)}\n`).toMatchFileSnapshot(snapshot);
  });
});
