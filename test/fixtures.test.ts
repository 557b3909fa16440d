/**
 * Fixture corpus: realistic server files under `fixtures/<framework>/`, each annotated with the rules expected to
 * report, as `// expect: cors/<rule>[, cors/<rule>…]` at the end of the reported line.
 *
 * Every file is linted on its own with every rule on (`lintFile`: flat config, the typescript-eslint parser for every
 * extension, default options, the file's path relative to the repository root as its filename, so that Next.js
 * configs are recognised by name). The set of (line, rule) pairs reported must equal the set declared by the comments.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintFile, listSources, ruleNames } from './lint-file.js';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const fixturesRoot = path.join(repoRoot, 'fixtures');
// cors-fix has its own input/output pairs and whole apps (test/e2e/cors-fix-apps.test.ts compares them with ESLint);
// corpus/ carries file-level expectations (test/corpus.test.ts).
const EXCLUDED_DIRS = new Set(['cors-fix', 'cors-fix-apps', 'corpus'].map((directory) => path.join(fixturesRoot, directory)));

interface Expectation {
  line: number;
  ruleId: string;
}

const EXPECT_COMMENT = /\/\/\s*expect:\s*(.+?)\s*$/u;

/** Reads the `// expect:` comments; an unknown rule name is itself an error. */
function readExpectations(source: string, relative: string): Expectation[] {
  const expectations: Expectation[] = [];
  source.split(/\r?\n/u).forEach((text, index) => {
    const match = EXPECT_COMMENT.exec(text);
    if (!match?.[1]) return;
    for (const raw of match[1].split(',')) {
      const ruleId = raw.trim();
      if (ruleId === '') continue;
      const name = ruleId.replace(/^cors\//u, '');
      if (!ruleId.startsWith('cors/') || !ruleNames.includes(name)) {
        throw new Error(`${relative}:${index + 1}: unknown rule in expect comment: "${ruleId}"`);
      }
      expectations.push({ line: index + 1, ruleId });
    }
  });
  return expectations;
}

const key = (line: number, ruleId: string): string => `${line}\u0000${ruleId}`;

const fixtures = listSources(fixturesRoot, EXCLUDED_DIRS);

// Debug aid: `CORS_LINT_FILE=/abs/or/relative/path npx vitest run test/fixtures.test.ts -t 'lint one file'` prints what
// the plugin reports for any file, linted exactly like the fixtures.
const debugFile = process.env.CORS_LINT_FILE;
if (debugFile) {
  it('lint one file', () => {
    const absolute = path.resolve(repoRoot, debugFile);
    const filename = process.env.CORS_LINT_FILENAME ?? path.relative(repoRoot, absolute).split(path.sep).join('/');
    const messages = lintFile(readFileSync(absolute, 'utf8'), absolute, filename, repoRoot);
    console.log(messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`).join('\n') || '(no findings)');
  });
}

describe('fixture corpus', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const file of fixtures) {
    const relative = path.relative(repoRoot, file).split(path.sep).join('/');
    it(relative, () => {
      const source = readFileSync(file, 'utf8');
      const expected = readExpectations(source, relative);
      const messages = lintFile(source, file, relative, repoRoot);

      const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
      expect(fatal.map((message) => `${message.line}:${message.column} ${message.message}`), `${relative}: fatal/parse errors`).toEqual([]);

      const actual = new Map<string, Linter.LintMessage[]>();
      for (const message of messages) {
        if (!message.ruleId) continue;
        const k = key(message.line, message.ruleId);
        const list = actual.get(k) ?? [];
        list.push(message);
        actual.set(k, list);
      }
      const expectedKeys = new Set(expected.map((item) => key(item.line, item.ruleId)));

      const missing = expected.filter((item) => !actual.has(key(item.line, item.ruleId)));
      const unexpected = [...actual.entries()]
        .filter(([k]) => !expectedKeys.has(k))
        .map(([, list]) => list.map((m) => ({ line: m.line, column: m.column, ruleId: m.ruleId ?? '', message: m.message })));

      if (missing.length === 0 && unexpected.length === 0) return;
      const lines = source.split(/\r?\n/u);
      const show = (line: number): string => (lines[line - 1] ?? '').trim().slice(0, 110);
      const report = [
        `${relative}: findings differ from the expect comments`,
        ...missing
          .sort((a, b) => a.line - b.line)
          .map((item) => `  - missing    ${relative}:${item.line} ${item.ruleId}\n               | ${show(item.line)}`),
        ...unexpected
          .flatMap((list) => (list[0] ? [{ first: list[0], messages: list.map((m) => m.message).join(' / ') }] : []))
          .sort((a, b) => a.first.line - b.first.line)
          .map(
            ({ first, messages }) =>
              `  + unexpected ${relative}:${first.line}:${first.column} ${first.ruleId}: ${messages}\n               | ${show(first.line)}`,
          ),
      ].join('\n');
      expect.fail(report);
    });
  }
});
