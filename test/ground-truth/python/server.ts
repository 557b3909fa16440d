/**
 * Runs the real Python libraries for the ground truth: writes each configuration's file into a temporary directory,
 * starts `serve.py` with Debian's `/usr/bin/python3` on 127.0.0.1 (a port the OS picks), and probes every
 * configuration strictly in sequence over one keep-alive connection. The process is always stopped.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PythonConfig, type PythonTarget, configSource } from './configs.js';

/** The interpreter the libraries are installed for (Debian's packages), never whichever `python3` is first on PATH. */
export const PYTHON = '/usr/bin/python3';

const MODULES: Record<PythonTarget, string[]> = {
  starlette: ['starlette', 'fastapi', 'uvicorn'],
  flask: ['flask', 'flask_cors', 'werkzeug'],
  django: ['django', 'corsheaders', 'werkzeug'],
};

/** Fails with the packages to install when the libraries are not there. */
export function requirePython(target: PythonTarget): Record<string, string> {
  const modules = MODULES[target];
  const script = `import importlib, json\nprint(json.dumps({m: getattr(importlib.import_module(m), '__version__', 'installed') for m in ${JSON.stringify(modules)}}))`;
  try {
    return JSON.parse(execFileSync(PYTHON, ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Record<string, string>;
  } catch (error) {
    throw new Error(
      `The ${target} ground truth needs ${PYTHON} with ${modules.join(', ')} (Debian: apt-get install python3-fastapi python3-starlette python3-uvicorn python3-flask python3-flask-cors python3-django python3-django-cors-headers): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export interface Served {
  port: number;
  /** Configurations whose module failed to load, with the error. */
  loadErrors: Map<number, string>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Starts one server for all `configs` (configuration N under `/cN/`). */
export async function serve(target: PythonTarget, configs: readonly PythonConfig[]): Promise<Served> {
  const directory = mkdtempSync(join(tmpdir(), `cors-gt-${target}-`));
  configs.forEach((config, index) => writeFileSync(join(directory, `c${index}.py`), configSource(config)));
  const child = spawn(PYTHON, [join(import.meta.dirname, 'serve.py'), target, directory], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GT_ORIGIN: 'https://app.example.com', PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' },
  });
  running.add(child);
  const loadErrors = new Map<number, string>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error(`the ${target} server did not start within 60 s: ${stderr}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (;;) {
          const newline = buffer.indexOf('\n');
          if (newline < 0) break;
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          const error = /^ERROR c(\d+) (.*)$/u.exec(line);
          if (error) loadErrors.set(Number(error[1]), error[2] ?? '');
          const ready = /^PORT (\d+)$/u.exec(line);
          if (ready) {
            clearTimeout(timer);
            resolve(Number(ready[1]));
          }
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the ${target} server exited (${code}): ${stderr}`));
      });
    });
    return { port, loadErrors, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops every server still running (afterAll). */
export async function stopAll(): Promise<void> {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** The origins probed, and the look-alikes the libraries' matching might let in. */
export const ORIGINS = {
  allowed: 'https://app.example.com',
  unrelated: 'https://evil.example',
  suffix: 'https://app.example.com.evil.test',
  lookalike: 'https://app.example.co',
  null: 'null',
  none: null,
} as const;

export type ProbeName = keyof typeof ORIGINS;

/** Requests sent for each origin: two preflights, a GET, and a GET that carries a cookie. */
export const REQUESTS = [
  { kind: 'preflight', method: 'GET', headers: 'authorization,x-custom,last-event-id' },
  { kind: 'preflight', method: 'PUT', headers: 'content-type' },
  { kind: 'actual', cookie: false },
  { kind: 'actual', cookie: true },
] as const;

export type RequestSpec = (typeof REQUESTS)[number];

export interface Observation {
  probe: ProbeName;
  origin: string | null;
  request: RequestSpec;
  status: number;
  error?: string;
  headers: Record<string, string>;
}

const TIMEOUT_MS = 5_000;

/** Every probe of configuration `index`, in a fixed order. */
export async function probe(port: number, index: number): Promise<Observation[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const observations: Observation[] = [];
  try {
    for (const [probeName, origin] of Object.entries(ORIGINS) as [ProbeName, string | null][]) {
      for (const request of REQUESTS) {
        const headers: Record<string, string> = {};
        if (origin !== null) headers.origin = origin;
        if (request.kind === 'preflight') {
          headers['access-control-request-method'] = request.method;
          headers['access-control-request-headers'] = request.headers;
        } else if (request.cookie) {
          headers.cookie = 'session=1';
        }
        const result = await send(agent, port, `/c${index}/probe`, request.kind === 'preflight' ? 'OPTIONS' : 'GET', headers);
        observations.push({ probe: probeName, origin, request, ...result });
      }
    }
  } finally {
    agent.destroy();
  }
  return observations;
}

function send(agent: http.Agent, port: number, path: string, method: string, headers: Record<string, string>): Promise<{ status: number; error?: string; headers: Record<string, string> }> {
  return new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, path, method, headers, agent, timeout: TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => {
        const received: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined && (name.startsWith('access-control-') || name === 'vary')) received[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: response.statusCode ?? 0, headers: received });
      });
      response.on('error', (error) => resolve({ status: 0, error: error.message, headers: {} }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ status: 0, error: error.message, headers: {} }));
    request.end();
  });
}
