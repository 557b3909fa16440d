/**
 * Contract corpus: 250 realistic server files under `fixtures/contract/`, written blind from `rule-contract.md` alone
 * (by authors who did not read the implementation), each declaring on its first line the set of rules that must fire
 * in it — `// expect-rules: cors/<rule>, …` or `// expect-rules: none` — and on its second line why.
 *
 * Scored the way the acceptance evaluation scores (contract §0): a rule "fires in a file" when it reports at least one
 * problem there; every other rule must stay silent. Each file is one test; a summary test prints per-rule precision
 * and recall over (file, rule) pairs and writes them to test-results/contract-corpus.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAsEvaluated, listSources, ruleNames } from './lint-as-evaluated.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const corpusRoot = path.join(repoRoot, 'fixtures', 'contract');
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
const tally = Object.fromEntries(ruleIds.map((rule) => [rule, { truePositive: 0, falsePositive: 0, falseNegative: 0 }]));

describe('contract corpus (file-level expectations, scored like the acceptance evaluation)', () => {
  it('has the blind corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(250);
  });

  for (const file of files) {
    const relative = path.relative(repoRoot, file).split(path.sep).join('/');
    it(relative, () => {
      const source = readFileSync(file, 'utf8');
      const expected = readExpected(source, relative);
      const messages = lintAsEvaluated(source, file, relative, repoRoot);
      const fatal = messages.filter((message) => message.fatal);
      expect(fatal.map((message) => `${message.line}:${message.column} ${message.message}`), `${relative}: parse errors`).toEqual([]);

      const fired = new Set(messages.flatMap((message) => (message.ruleId ? [message.ruleId] : [])));
      for (const rule of ruleIds) {
        const counts = tally[rule];
        if (!counts) continue;
        if (fired.has(rule) && expected.has(rule)) counts.truePositive++;
        else if (fired.has(rule)) counts.falsePositive++;
        else if (expected.has(rule)) counts.falseNegative++;
      }
      const unexpected = messages
        .filter((message) => message.ruleId && !expected.has(message.ruleId))
        .map((message) => `+ ${message.ruleId} at ${message.line}:${message.column}: ${message.message}`);
      const missing = [...expected].filter((rule) => !fired.has(rule)).map((rule) => `- ${rule} did not fire`);
      expect([...missing, ...unexpected], `${relative}: rules that fired differ from "// expect-rules"`).toEqual([]);
    });
  }

  it('per-rule precision and recall', () => {
    const ratio = (hit: number, total: number): number => (total === 0 ? 1 : hit / total);
    const rows = Object.entries(tally).map(([rule, { truePositive, falsePositive, falseNegative }]) => ({
      rule,
      truePositive,
      falsePositive,
      falseNegative,
      precision: ratio(truePositive, truePositive + falsePositive),
      recall: ratio(truePositive, truePositive + falseNegative),
    }));
    mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
    writeFileSync(path.join(repoRoot, 'test-results', 'contract-corpus.json'), `${JSON.stringify({ files: files.length, rules: rows }, null, 2)}\n`);
    console.log(
      `contract corpus: ${files.length} files\n` +
        rows.map((row) => `  ${row.rule.padEnd(34)} precision ${row.precision.toFixed(3)}  recall ${row.recall.toFixed(3)}  (tp ${row.truePositive}, fp ${row.falsePositive}, fn ${row.falseNegative})`).join('\n'),
    );
    // Every (file, rule) pair was asserted above; here only that the corpus exercises every rule.
    for (const row of rows) expect(row.truePositive, `${row.rule} never expected to fire in the corpus`).toBeGreaterThan(0);
  });
});
