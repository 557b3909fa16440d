/**
 * cors-fix --check against the list-and-read baseline, each a fresh process as users run them — `node <bin>`
 * directly, and `npx --no-install <bin>` from the repository, where both are installed — wall time (spawn to exit)
 * and peak RSS, in alternating order, at several repository sizes; and cors-fix --check on a few named files, as a
 * pre-commit hook runs it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
 * Runs `command <args>` in `cwd`; resolves to { ms, rssKb, code, stdout }. Peak RSS comes from GNU time's %M (the
 * largest resident set of the process and the processes it waited for) or, without GNU time, from
 * process.resourceUsage() in a probe preloaded into every node process of the run (the largest of them).
 */
export function runCommand(command, args, cwd, { captureStdout = false } = {}) {
  const rssFile = scratchFile('rss.txt');
  rmSync(rssFile, { force: true });
  const useTime = existsSync(GNU_TIME);
  const env = { ...process.env, BENCH_RSS_FILE: rssFile, TIMING: '' };
  if (!useTime) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${RSS_PROBE}`.trim();
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(useTime ? GNU_TIME : command, useTime ? ['-f', '%M', '-o', rssFile, command, ...args] : args, {
      cwd,
      env,
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
        // GNU time adds a line of its own when the command exits non-zero.
        const numbers = readFileSync(rssFile, 'utf8').split('\n').filter((line) => /^\d+$/u.test(line.trim()));
        if (numbers.length > 0) rssKb = Math.max(...numbers.map(Number));
      } catch {
        // reported as NaN
      }
      resolve({ ms, rssKb, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs `node <args>` in `cwd` (see runCommand). */
export function runNode(args, cwd, options) {
  return runCommand(process.execPath, args, cwd, options);
}

/**
 * Installs cors-fix and the list-and-read baseline in the repository the way npm installs a package from a local
 * folder (a link in node_modules, the bin linked in node_modules/.bin), so that `npx --no-install cors-fix` and
 * `npx --no-install list-and-read` run them there. node_modules is ignored by the repository's .gitignore.
 */
export function installBins(repo, cli) {
  const modules = join(repo, 'node_modules');
  const packageDir = dirname(dirname(dirname(dirname(cli))));
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(join(modules, '.bin'), { recursive: true });
  mkdirSync(join(modules, 'list-and-read'));
  symlinkSync(packageDir, join(modules, 'cors-fix'));
  symlinkSync(relative(join(modules, '.bin'), join(modules, 'cors-fix', relative(packageDir, cli))), join(modules, '.bin', 'cors-fix'));
  // npm makes a bin executable when it links it; the build does not.
  chmodSync(cli, 0o755);
  writeFileSync(join(modules, 'list-and-read', 'package.json'), `${JSON.stringify({ name: 'list-and-read', type: 'module', bin: { 'list-and-read': 'list-and-read.js' } })}\n`);
  writeFileSync(join(modules, 'list-and-read', 'list-and-read.js'), `#!/usr/bin/env node\nimport ${JSON.stringify(pathToFileURL(BASELINE).href)};\n`);
  chmodSync(join(modules, 'list-and-read', 'list-and-read.js'), 0o755);
  symlinkSync('../list-and-read/list-and-read.js', join(modules, '.bin', 'list-and-read'));
}

const NPX = ['--no-install'];

/**
 * One repository: a validating run of each command (also the warm-up), then `rounds` rounds in which each runs once,
 * in rotating order. `expectChanges` is whether cors-fix --check must find something (exit 1) or nothing (exit 0).
 */
export async function measureFix(cli, repo, { files, rounds, expectChanges = true, label = String(files) }) {
  const expectedCode = expectChanges ? 1 : 0;
  installBins(repo, cli);
  const commands = {
    fix: { run: () => runNode([cli, '--check'], repo), code: expectedCode },
    baseline: { run: () => runNode([BASELINE], repo), code: 0 },
    npxFix: { run: () => runCommand('npx', [...NPX, 'cors-fix', '--check'], repo), code: expectedCode },
    npxBaseline: { run: () => runCommand('npx', [...NPX, 'list-and-read'], repo), code: 0 },
  };
  const check = await runNode([cli, '--check', '--json'], repo, { captureStdout: true });
  if (check.code !== expectedCode) throw new Error(`cors-fix --check exited ${check.code} in ${repo} (expected ${expectedCode})\n${check.stderr}`);
  const report = JSON.parse(check.stdout);
  if (report.summary.scanned !== files) throw new Error(`cors-fix scanned ${report.summary.scanned} files, expected ${files}`);
  for (const [name, bin] of [['npxFix', 'cors-fix'], ['npxBaseline', 'list-and-read'], ['baseline', null]]) {
    const run = bin ? await runCommand('npx', [...NPX, bin, ...(bin === 'cors-fix' ? ['--check', '--json'] : [])], repo, { captureStdout: true }) : await runNode([BASELINE], repo, { captureStdout: true });
    if (run.code !== commands[name].code) throw new Error(`${name} exited ${run.code} in ${repo}: ${run.stderr}`);
    if (bin === 'cors-fix' ? JSON.parse(run.stdout).summary.scanned !== files : Number(run.stdout.split(' ')[0]) !== files) {
      throw new Error(`${name} listed the wrong files: ${run.stdout.slice(0, 200)}${run.stderr}`);
    }
  }

  const names = Object.keys(commands);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const run = await commands[name].run();
      if (run.code !== commands[name].code) throw new Error(`${name} exited ${run.code} in ${repo}: ${run.stderr}`);
      runs[name].push(run);
    }
  }
  const ms = (name) => median(runs[name].map((run) => run.ms));
  const rss = (name, ...extra) => Math.max(...runs[name].map((run) => run.rssKb), ...extra);
  const result = {
    label,
    files,
    fixMs: ms('fix'),
    baselineMs: ms('baseline'),
    npxFixMs: ms('npxFix'),
    npxBaselineMs: ms('npxBaseline'),
    fixRssKb: rss('fix', check.rssKb),
    baselineRssKb: rss('baseline'),
    runsMs: Object.fromEntries(names.map((name) => [name, runs[name].map((run) => run.ms)])),
    summary: report.summary,
  };
  progress(
    `cors-fix: ${label}: --check ${(result.fixMs / 1000).toFixed(2)} s (${(result.fixRssKb / 1024).toFixed(0)} MB), ` +
      `baseline ${(result.baselineMs / 1000).toFixed(2)} s (${(result.baselineRssKb / 1024).toFixed(0)} MB); through npx ` +
      `${(result.npxFixMs / 1000).toFixed(2)} s vs ${(result.npxBaselineMs / 1000).toFixed(2)} s; ${report.summary.changed} files to change`,
  );
  return result;
}

/**
 * cors-fix --check on a few named files of the repository (one of them with a CORS policy), as a pre-commit hook
 * runs it on the staged files: wall time, directly and through npx.
 */
export async function measureStaged(cli, repo, paths, { rounds }) {
  installBins(repo, cli);
  const check = await runNode([cli, '--check', '--json', ...paths], repo, { captureStdout: true });
  const report = check.stdout ? JSON.parse(check.stdout) : null;
  if (check.code !== 1 || report?.summary.scanned !== paths.length || report.summary.changed < 1) {
    throw new Error(`cors-fix --check on ${paths.length} files: exit ${check.code}, ${report?.summary.scanned} scanned, ${report?.summary.changed} to change\n${check.stderr}`);
  }
  const direct = [];
  const npx = [];
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 ? ['npx', 'direct'] : ['direct', 'npx']) {
      const run = which === 'direct' ? await runNode([cli, '--check', ...paths], repo) : await runCommand('npx', [...NPX, 'cors-fix', '--check', ...paths], repo);
      if (run.code !== 1) throw new Error(`cors-fix --check on ${paths.length} files exited ${run.code}: ${run.stderr}`);
      (which === 'direct' ? direct : npx).push(run);
    }
  }
  const result = {
    files: paths.length,
    changed: report.summary.changed,
    ms: median(direct.map((run) => run.ms)),
    npxMs: median(npx.map((run) => run.ms)),
    rssKb: Math.max(...direct.map((run) => run.rssKb)),
    runsMs: direct.map((run) => run.ms),
    npxRunsMs: npx.map((run) => run.ms),
  };
  progress(`cors-fix: ${paths.length} named files: --check ${(result.ms / 1000).toFixed(2)} s, through npx ${(result.npxMs / 1000).toFixed(2)} s`);
  return result;
}
