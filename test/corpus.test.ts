/**
 * The corpus: realistic server files under `fixtures/corpus/` — tutorials, READMEs, answers to common questions,
 * production-style servers and one file per subtle case of each rule — each declaring on its first line the rules
 * that must report in it (`// expect-rules: cors/<rule>, …` or `// expect-rules: none`) and on its second line why.
 *
 * A rule "reports in a file" when it reports at least one problem there; every other rule must stay silent. Each file
 * is one test: every (file, rule) pair is asserted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, listSources, ruleNames } from './lint-file.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const corpusRoot = path.join(repoRoot, 'fixtures', 'corpus');
const EXPECT_LINE = /^\/\/\s*expect-rules:\s*(.+?)\s*$/mu;
const ruleIds = ruleNames.map((name) => `cors/${name}`);

function readExpected(source: string, relative: string): Set<string> {
  const match = EXPECT_LINE.exec(source);
  if (!match?.[1]) throw new Error(`${relative}: no "// expect-rules:" line`);
  if (match[1] === 'none') return new Set();
  const expected = new Set(match[1].split(',').map((rule) => rule.trim()));
  for (const rule of expected) if (!ruleIds.includes(rule)) throw new Error(`${relative}: unknown rule "${rule}" in expect-rules`);
  return expected;
}

const files = listSources(corpusRoot);

describe('corpus (file-level expectations)', () => {
  it('has the corpus, and expects every rule to report somewhere in it', () => {
    expect(files.length).toBeGreaterThanOrEqual(250);
    const expected = new Set(files.flatMap((file) => [...readExpected(readFileSync(file, 'utf8'), file)]));
    expect(ruleIds.filter((rule) => !expected.has(rule))).toEqual([]);
  });

  for (const file of files) {
    const relative = path.relative(repoRoot, file).split(path.sep).join('/');
    it(relative, () => {
      const source = readFileSync(file, 'utf8');
      const expected = readExpected(source, relative);
      const messages = lintFile(source, file, relative, repoRoot);
      const fatal = messages.filter((message) => message.fatal);
      expect(fatal.map((message) => `${message.line}:${message.column} ${message.message}`), `${relative}: parse errors`).toEqual([]);
      const fired = new Set(messages.flatMap((message) => (message.ruleId ? [message.ruleId] : [])));
      const unexpected = messages
        .filter((message) => message.ruleId && !expected.has(message.ruleId))
        .map((message) => `+ ${message.ruleId} at ${message.line}:${message.column}: ${message.message}`);
      const missing = [...expected].filter((rule) => !fired.has(rule)).map((rule) => `- ${rule} did not report`);
      expect([...missing, ...unexpected], `${relative}: rules that reported differ from "// expect-rules"`).toEqual([]);
    });
  }
});
