/** Disagreement tables for people, and `test-results/ground-truth.json` with the numbers docs/ground-truth.md quotes. */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Target, describeConfig } from './config.js';
import type { Disagreement } from './compare.js';
import type { DisagreementClass, FrameworkRun } from './run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Written outside the source tree, so that running the tests never dirties the repository.
export const LAST_RUN_FILE = path.resolve(here, '..', '..', '..', 'test-results', 'ground-truth.json');
const LOCK_DIR = `${LAST_RUN_FILE}.lock`;

/** The packages each target runs, for the record. */
const PACKAGES: Record<Target, string[]> = {
  express: ['express', 'cors'],
  fastify: ['fastify', '@fastify/cors'],
  hono: ['hono', '@hono/node-server'],
  koa: ['koa', '@koa/cors'],
  koa2: ['koa', 'koa2-cors'],
  'nest-express': ['@nestjs/core', '@nestjs/platform-express', 'cors'],
  'nest-fastify': ['@nestjs/core', '@nestjs/platform-fastify'],
  'socket.io': ['socket.io', 'engine.io', 'cors'],
  elysia: ['elysia', '@elysiajs/cors', '@elysiajs/node'],
};

export const LABELS: Record<Target, string> = {
  express: 'express + cors',
  fastify: '@fastify/cors',
  hono: 'hono/cors on @hono/node-server',
  koa: '@koa/cors',
  koa2: 'koa2-cors',
  'nest-express': 'NestJS (express adapter)',
  'nest-fastify': 'NestJS (fastify adapter)',
  'socket.io': 'socket.io (long-polling)',
  elysia: '@elysiajs/cors on @elysiajs/node',
};

const require = createRequire(import.meta.url);

function versionOf(name: string): string {
  try {
    const main = require.resolve(name);
    let dir = path.dirname(main);
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // keep walking up
      }
      const parent = path.dirname(dir);
      if (parent === dir) return 'unknown';
      dir = parent;
    }
  } catch {
    return 'unknown';
  }
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ').trimEnd()).join('\n');
}

const HEADER = ['framework', 'options', 'probe', 'model', 'actual'];

function row(disagreement: Disagreement, width = 80): string[] {
  const probe = disagreement.probe === '-' ? '-' : `${disagreement.probe} ${disagreement.kind}${disagreement.rep ? ` #${disagreement.rep}` : ''}`;
  return [disagreement.config.target, truncate(describeConfig(disagreement.config), width), probe, disagreement.predicted, disagreement.actual];
}

/** One line per class with its minimal reproduction, then a few example rows. */
export function classTable(classes: readonly DisagreementClass[], examples: readonly Disagreement[], seed: number): string {
  if (classes.length === 0) return '';
  const lines: string[] = [`Model disagreements (seed ${seed}; reproduce with GT_SEED=${seed}):`];
  lines.push(table([HEADER, ...classes.map((cls) => row({ ...cls.minimalExample, config: cls.minimal }, 100))]));
  lines.push('', 'Classes (requests / configurations):');
  for (const cls of classes) lines.push(`  ${cls.count} / ${cls.configs}  ${cls.key}`);
  const sample = examples.slice(0, 12);
  if (sample.length > 0) {
    lines.push('', `First ${sample.length} of ${examples.length} disagreeing requests:`);
    lines.push(table([HEADER, ...sample.map((example) => row(example))]));
  }
  return lines.join('\n');
}

const ORIGIN_MISUSE = new Set(['server-error', 'reflect', 'as-text']);

export function summaryLine(run: FrameworkRun): string {
  const invalid = run.results.filter((result) => ORIGIN_MISUSE.has(result.misuse ?? '')).length;
  const compared = run.results.reduce((sum, result) => sum + result.comparedRequests, 0);
  const sent = run.results.reduce((sum, result) => sum + result.observations.length, 0);
  const excepted = run.excepted.length;
  const exceptions = Object.entries(run.exceptionsUsed).map(([id, count]) => `${id} ×${count}`);
  return (
    `ground truth ${LABELS[run.target]}: ${run.results.length} configurations (${invalid} with an origin misuse checked for its effect), ` +
    `${sent} requests, ${compared} compared; ${run.bugs.length} model disagreements in ${run.classes.length} classes, ` +
    `${excepted} covered by documented exceptions${exceptions.length > 0 ? ` (${exceptions.join(', ')})` : ''}; ` +
    `seed ${run.seed}; ${(run.durationMs / 1000).toFixed(1)} s`
  );
}

function withLock<T>(fn: () => T): T {
  for (let attempt = 0; ; attempt += 1) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > 30_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (attempt > 2000) throw new Error(`could not lock ${LOCK_DIR}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

interface LastRun {
  description: string;
  updatedAt: string;
  node: string;
  frameworks: Record<string, unknown>;
}

/** Merges this framework's numbers into the run record (test files run in parallel workers). */
export function recordRun(run: FrameworkRun): void {
  const entry = {
    label: LABELS[run.target],
    packages: Object.fromEntries(PACKAGES[run.target].map((name) => [name, versionOf(name)])),
    seed: run.seed,
    configurations: run.results.length,
    misuseChecked: {
      originServerError: run.results.filter((result) => result.misuse === 'server-error').length,
      originReflect: run.results.filter((result) => result.misuse === 'reflect').length,
      originAsText: run.results.filter((result) => result.misuse === 'as-text').length,
      hang: run.results.filter((result) => result.misuse === 'hang').length,
      crash: run.results.filter((result) => result.misuse === 'crash').length,
      dropped: run.results.filter((result) => result.misuse === 'dropped').length,
    },
    requestsSent: run.results.reduce((sum, result) => sum + result.observations.length, 0),
    requestsCompared: run.results.reduce((sum, result) => sum + result.comparedRequests, 0),
    verdicts: {
      namedOriginsProbed: run.results.reduce((sum, result) => sum + result.namedOrigins, 0),
      lookAlikeDenialsChecked: run.results.filter((result) => result.lookAlikesDenied).length,
    },
    modelDisagreements: run.bugs.length,
    disagreementClasses: run.classes.map((cls) => ({
      axis: cls.axis,
      basis: cls.basis,
      model: cls.minimalExample.predicted,
      actual: cls.minimalExample.actual,
      requests: cls.count,
      configurations: cls.configs,
      minimal: describeConfig(cls.minimal),
    })),
    documentedExceptions: run.exceptionsUsed,
    durationMs: run.durationMs,
  };
  mkdirSync(path.dirname(LAST_RUN_FILE), { recursive: true });
  withLock(() => {
    let current: LastRun = { description: '', updatedAt: '', node: '', frameworks: {} };
    try {
      current = JSON.parse(readFileSync(LAST_RUN_FILE, 'utf8')) as LastRun;
    } catch {
      // first run
    }
    current.description =
      'Differential ground-truth run (test/ground-truth): configurations generated per framework, the model vs the real library. Written by `npx vitest run test/ground-truth`.';
    current.updatedAt = new Date().toISOString();
    current.node = process.version;
    current.frameworks = { ...current.frameworks, [run.target]: entry };
    const ordered = Object.fromEntries(Object.keys(LABELS).filter((key) => key in current.frameworks).map((key) => [key, current.frameworks[key]]));
    current.frameworks = ordered;
    const temporary = `${LAST_RUN_FILE}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(current, null, 2)}\n`);
    renameSync(temporary, LAST_RUN_FILE);
  });
}
