/**
 * cors-fix over the corpus of realistic server files (`fixtures/corpus/`): nothing fails, every rewritten file still
 * parses, a second run changes nothing, and whatever the rules still report afterwards is a finding the report says it
 * left alone, with its reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorsFix } from '../../src/cors-fix/pipeline.js';
import type { FixReport } from '../../src/cors-fix/report.js';
import { lintFile, listSources } from '../lint-file.js';
import { copyToTemp, removeTemp } from './helpers.js';

const CORPUS = path.join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');

describe('cors-fix on the corpus', () => {
  let directory = '';
  let first: FixReport;
  let second: FixReport;
  /** What every rule reports on every rewritten file, by path relative to the corpus. */
  let linted: { relative: string; messages: Linter.LintMessage[] }[] = [];

  beforeAll(async () => {
    directory = copyToTemp(CORPUS);
    first = await runCorsFix({ cwd: directory, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    second = await runCorsFix({ cwd: directory, paths: ['.'], mode: 'check', envVar: 'CORS_ORIGINS' });
    linted = listSources(directory).map((file) => {
      const relative = path.relative(directory, file).split(path.sep).join('/');
      return { relative, messages: lintFile(readFileSync(file, 'utf8'), file, relative, directory) };
    });
  }, 120_000);

  afterAll(() => removeTemp(directory));

  it('rewrites most files and fails on none', () => {
    expect(first.summary.failed).toBe(0);
    expect(first.summary.changed).toBeGreaterThan(100);
  });

  it('leaves every file parseable', () => {
    const broken = linted.flatMap(({ relative, messages }) =>
      messages.filter((message) => message.fatal).map((message) => `${relative}:${message.line} ${message.message}`),
    );
    expect(broken).toEqual([]);
  });

  it('changes nothing on a second run', () => {
    expect(second.summary.changed).toBe(0);
    expect(second.summary.failed).toBe(0);
  });

  it('reports, with a reason, everything the rules still find', () => {
    const leftAlone = new Set(second.findings.filter((finding) => finding.action !== 'fixed').map((finding) => `${finding.file}:${finding.line}:${finding.ruleId}`));
    const unexplained = linted.flatMap(({ relative, messages }) =>
      messages
        .filter((message) => message.ruleId && !leftAlone.has(`${relative}:${message.line}:${message.ruleId}`))
        .map((message) => `${relative}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    expect(unexplained).toEqual([]);
    for (const finding of second.findings) if (finding.action === 'skipped') expect(finding.detail, `${finding.file}:${finding.line}`).not.toBe('');
  });
});
