/** Small measurement helpers: medians, formatting, the machine description and CPU contention. */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const megabytes = (kb) => `${(kb / 1024).toFixed(0)} MB`;
export const ratio = (value) => `${value.toFixed(3)}×`;
export const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;

/** Progress on stderr with the elapsed time. */
const started = Date.now();
export function progress(text) {
  const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${elapsed}s] ${text}\n`);
}

function version(projectRoot, name) {
  try {
    return JSON.parse(readFileSync(`${projectRoot}/node_modules/${name}/package.json`, 'utf8')).version;
  } catch {
    return '?';
  }
}

/** CPU model, cores, RAM, OS and the versions that matter. */
export function machine(projectRoot) {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((entry) => entry.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {
    // not Linux
  }
  return {
    cpu: model,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    ramGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    eslint: version(projectRoot, 'eslint'),
    parser: version(projectRoot, '@typescript-eslint/parser'),
    sonarjs: version(projectRoot, 'eslint-plugin-sonarjs'),
    tsMorph: version(projectRoot, 'ts-morph'),
    oxcParser: version(projectRoot, 'oxc-parser'),
    langservers: version(projectRoot, 'vscode-langservers-extracted'),
  };
}

/**
 * The share of wall time in which some runnable task waited for a CPU (Linux PSI, /proc/pressure/cpu), between two
 * readings. Other work on the machine shows up here; null where PSI is unavailable.
 */
export function cpuPressure() {
  const path = '/proc/pressure/cpu';
  if (!existsSync(path)) return null;
  try {
    const some = readFileSync(path, 'utf8').split('\n').find((line) => line.startsWith('some'));
    const total = Number(/total=(\d+)/u.exec(some)?.[1]);
    return Number.isFinite(total) ? { totalUs: total, at: process.hrtime.bigint() } : null;
  } catch {
    return null;
  }
}

export function pressureBetween(start, end) {
  if (!start || !end) return null;
  const wallUs = Number(end.at - start.at) / 1000;
  return wallUs > 0 ? (end.totalUs - start.totalUs) / wallUs : null;
}
