/**
 * Lint overhead: the variants over the same corpus, each in its own process (bench/lint-worker.js), single-
 * threaded, no cache. In every round a fresh process per variant starts (its start-up, i.e. loading ESLint, the
 * parser and the plugin, is timed) and lints the whole corpus once; the corpus is cut into chunks and the
 * processes take turns on every chunk in rotating order while the others wait, so that load changes on the machine
 * hit all of them alike. ESLint's per-rule times come from one more pass in a child process with `TIMING=all`.
 *
 * A process per variant, like a real `eslint` run, so that the variants never share a heap or JIT state. The
 * "one rule that does nothing" variant separates what ESLint costs as soon as any rule is configured (in our runs
 * 6–15% more garbage collection and a slower parse than with no rules at all) from what the rules themselves cost.
 */
import { fork, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS, VARIANT_IDS } from './lint-variants.js';
import { median, progress } from './measure.js';

const SOURCE = /\.[cm]?[jt]s$/u;
const WORKER = fileURLToPath(new URL('../lint-worker.js', import.meta.url));
const TIMING_SCRIPT = fileURLToPath(new URL('../lint-timing.js', import.meta.url));

function listFiles(directory, out = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) listFiles(path, out);
    else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out;
}

/** A worker process for one variant; resolves once it has loaded everything, with its start-up time. */
function startWorker(variant, corpus) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = fork(WORKER, [variant, corpus], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, TIMING: '' } });
    let pending = null;
    child.on('message', (message) => {
      if (message.type === 'ready') {
        resolve({
          startMs: Number(process.hrtime.bigint() - start) / 1e6,
          lint: (files) =>
            new Promise((done, fail) => {
              pending = { done, fail };
              child.send({ type: 'lint', files });
            }),
          stop: () => new Promise((done) => (child.connected ? (child.once('exit', done), child.send({ type: 'exit' })) : done())),
        });
      } else if (message.type === 'done') {
        const current = pending;
        pending = null;
        current.done(message);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        const error = new Error(`lint worker for '${variant}' exited with ${code}`);
        if (pending) pending.fail(error);
        else reject(error);
      }
    });
  });
}

/** Runs `rounds` rounds; returns per-variant medians, per-round paired ratios and problem counts. */
export async function measureLint(corpus, { rounds, chunkSize = 100 }) {
  const files = listFiles(corpus);
  const chunks = [];
  for (let index = 0; index < files.length; index += chunkSize) chunks.push(files.slice(index, index + chunkSize));

  const perRound = [];
  // Best time of each chunk over the rounds: other load on the machine only ever adds time.
  const best = chunks.map(() => Object.fromEntries(VARIANT_IDS.map((variant) => [variant, Infinity])));
  let counts = null;
  for (let round = 0; round < rounds; round++) {
    const workers = {};
    const start = {};
    for (const variant of round % 2 ? [...VARIANT_IDS].reverse() : VARIANT_IDS) {
      workers[variant] = await startWorker(variant, corpus);
      start[variant] = workers[variant].startMs;
    }
    const lint = Object.fromEntries(VARIANT_IDS.map((variant) => [variant, 0]));
    const cpu = Object.fromEntries(VARIANT_IDS.map((variant) => [variant, 0]));
    const found = Object.fromEntries(VARIANT_IDS.map((variant) => [variant, { files: 0, problems: 0, fatal: 0, byRule: {} }]));
    for (let index = 0; index < chunks.length; index++) {
      const shift = (index + round) % VARIANT_IDS.length;
      for (const variant of [...VARIANT_IDS.slice(shift), ...VARIANT_IDS.slice(0, shift)]) {
        const answer = await workers[variant].lint(chunks[index]);
        lint[variant] += answer.ms;
        cpu[variant] += answer.cpuMs;
        best[index][variant] = Math.min(best[index][variant], answer.ms);
        const into = found[variant];
        into.files += answer.counts.files;
        into.problems += answer.counts.problems;
        into.fatal += answer.counts.fatal;
        for (const [rule, count] of Object.entries(answer.counts.byRule)) into.byRule[rule] = (into.byRule[rule] ?? 0) + count;
      }
    }
    await Promise.all(VARIANT_IDS.map((variant) => workers[variant].stop()));
    const total = Object.fromEntries(VARIANT_IDS.map((variant) => [variant, start[variant] + lint[variant]]));
    perRound.push({ start, lint, cpu, total });
    counts ??= found;
    progress(
      `lint: round ${round + 1}/${rounds}: ${VARIANT_IDS.map((variant) => `${variant} ${(total[variant] / 1000).toFixed(1)} s`).join(', ')}` +
        ` (cors/none ${(total.cors / total.none).toFixed(3)}, sonar/none ${(total.sonar / total.none).toFixed(3)})`,
    );
  }

  const summary = {};
  for (const variant of VARIANT_IDS) {
    summary[variant] = {
      label: LABELS[variant],
      totalMs: median(perRound.map((round) => round.total[variant])),
      startMs: median(perRound.map((round) => round.start[variant])),
      lintMs: median(perRound.map((round) => round.lint[variant])),
      cpuMs: median(perRound.map((round) => round.cpu[variant])),
      bestMs: best.reduce((sum, chunk) => sum + chunk[variant], 0),
      runsMs: perRound.map((round) => round.total[variant]),
      ...counts[variant],
    };
  }
  const paired = (a, b) => perRound.map((round) => round.total[a] / round.total[b]);
  const bestRatio = (a, b) => (summary[a].bestMs + summary[a].startMs) / (summary[b].bestMs + summary[b].startMs);
  const pair = (a, b) => ({ median: median(paired(a, b)), runs: paired(a, b), best: bestRatio(a, b) });
  return {
    files: files.length,
    chunks: chunks.length,
    rounds,
    summary,
    ratios: {
      corsOverNone: pair('cors', 'none'),
      sonarOverNone: pair('sonar', 'none'),
      corsOverSonar: pair('cors', 'sonar'),
      noopOverNone: pair('noop', 'none'),
      corsOverNoop: pair('cors', 'noop'),
      sonarOverNoop: pair('sonar', 'noop'),
    },
  };
}

/** ESLint's `TIMING=all` table for one pass with every compared rule, as { rule: ms }. */
export function ruleTiming(corpus) {
  const child = spawnSync(process.execPath, [TIMING_SCRIPT, corpus], { env: { ...process.env, TIMING: 'all' }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`TIMING pass failed (${child.status}): ${child.stderr}`);
  const times = {};
  for (const line of child.stdout.split('\n')) {
    const match = /^(\S+)\s*\|\s*([\d.]+)\s*\|/u.exec(line);
    if (match) times[match[1]] = Number(match[2]);
  }
  if (Object.keys(times).length === 0) throw new Error(`TIMING pass printed no table:\n${child.stdout}\n${child.stderr}`);
  return { times, log: child.stderr.trim() };
}
