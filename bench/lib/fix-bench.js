/**
 * cors-fix --check against the list-and-read baseline, each a fresh `node` process as users run them: wall time
 * (spawn to exit) and peak RSS, in alternating order, at several repository sizes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, progress } from './measure.js';

const GNU_TIME = '/usr/bin/time';
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
const BASELINE = fileURLToPath(new URL('../baseline-list-read.js', import.meta.url));

let scratch = null;
function scratchFile(name) {
  scratch ??= mkdtempSync(join(os.tmpdir(), 'cors-bench-'));
  return join(scratch, name);
}
process.on('exit', () => scratch && rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs `node <args>` in `cwd`; resolves to { ms, rssKb, code, stdout }. Peak RSS comes from GNU time's %M (the
 * process's maximum resident set size) or, without GNU time, from process.resourceUsage() in a preloaded probe.
 */
export function runNode(args, cwd, { captureStdout = false } = {}) {
  const rssFile = scratchFile('rss.txt');
  rmSync(rssFile, { force: true });
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-f', '%M', '-o', rssFile, process.execPath, ...args] : ['--import', RSS_PROBE, ...args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, argv, {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, TIMING: '' },
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout?.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      let rssKb = NaN;
      try {
        const text = readFileSync(rssFile, 'utf8').trim().split('\n');
        rssKb = Number(text[text.length - 1]);
      } catch {
        // reported as NaN
      }
      resolve({ ms, rssKb, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/**
 * One repository: a validating run of each (also the warm-up), then `rounds` alternating timed runs. `expectChanges`
 * is whether cors-fix --check must find something (exit 1) or nothing (exit 0).
 */
export async function measureFix(cli, repo, { files, rounds, expectChanges = true, label = String(files) }) {
  const expectedCode = expectChanges ? 1 : 0;
  const check = await runNode([cli, '--check', '--json'], repo, { captureStdout: true });
  if (check.code !== expectedCode) throw new Error(`cors-fix --check exited ${check.code} in ${repo} (expected ${expectedCode})\n${check.stderr}`);
  const report = JSON.parse(check.stdout);
  if (report.summary.scanned !== files) throw new Error(`cors-fix scanned ${report.summary.scanned} files, expected ${files}`);
  const base = await runNode([BASELINE], repo, { captureStdout: true });
  if (base.code !== 0 || Number(base.stdout.split(' ')[0]) !== files) throw new Error(`baseline failed or listed the wrong files: ${base.stdout}${base.stderr}`);

  const fix = [];
  const baseline = [];
  for (let round = 0; round < rounds; round++) {
    const pair = round % 2 === 0 ? ['fix', 'baseline'] : ['baseline', 'fix'];
    for (const which of pair) {
      const run = which === 'fix' ? await runNode([cli, '--check'], repo) : await runNode([BASELINE], repo);
      if (which === 'fix' && run.code !== expectedCode) throw new Error(`cors-fix --check exited ${run.code}: ${run.stderr}`);
      if (which === 'baseline' && run.code !== 0) throw new Error(`baseline exited ${run.code}: ${run.stderr}`);
      (which === 'fix' ? fix : baseline).push(run);
    }
  }
  const result = {
    label,
    files,
    fixMs: median(fix.map((run) => run.ms)),
    baselineMs: median(baseline.map((run) => run.ms)),
    fixRssKb: Math.max(...fix.map((run) => run.rssKb), check.rssKb),
    baselineRssKb: Math.max(...baseline.map((run) => run.rssKb), base.rssKb),
    fixRunsMs: fix.map((run) => run.ms),
    baselineRunsMs: baseline.map((run) => run.ms),
    summary: report.summary,
  };
  progress(
    `cors-fix: ${label}: --check ${(result.fixMs / 1000).toFixed(2)} s (${(result.fixRssKb / 1024).toFixed(0)} MB), ` +
      `baseline ${(result.baselineMs / 1000).toFixed(2)} s (${(result.baselineRssKb / 1024).toFixed(0)} MB); ` +
      `${report.summary.changed} files to change`,
  );
  return result;
}
