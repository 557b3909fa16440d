/** Servers for the browser tests: a temp copy of an example API, the page servers, cors-fix; all bound to 127.0.0.1. */
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CORS_FIX = join(REPO, 'packages', 'cors-fix', 'dist', 'src', 'cors-fix', 'cli.js');
const PAGE = fileURLToPath(new URL('../page/', import.meta.url));

export interface Running {
  /** http://127.0.0.1:<port> */
  origin: string;
  stop: () => Promise<void>;
}

/** What `stopAll` undoes, newest first: servers before the directories they run from. */
const cleanups: (() => Promise<void> | void)[] = [];

/** Stops every server and removes every temp dir started here; safe to call twice. Call it from afterAll. */
export async function stopAll(): Promise<void> {
  const errors: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'cleaning up the browser-test servers failed');
}

/** A copy of examples/<name> in a new temp dir, with the repository's node_modules linked in. */
export function copyExample(name: string): string {
  const directory = mkdtempSync(join(tmpdir(), `cors-browser-${name}-`));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  cpSync(join(REPO, 'examples', name), directory, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(directory, 'node_modules'), 'dir');
  return directory;
}

/** Runs the built `cors-fix` CLI in `directory` (--force: a temp dir may sit in a dirty git tree); returns its output. */
export async function runCorsFix(directory: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CORS_FIX, '--force'], { cwd: directory });
  return stdout;
}

/**
 * Starts `node src/server.js` in `directory` on a free port (PORT=0) with `env` on top of a clean environment
 * (no inherited CORS_ORIGINS or NODE_ENV); resolves once the server prints the address it listens on.
 */
export function startApi(directory: string, env: Record<string, string>): Promise<Running> {
  const base = { ...process.env };
  delete base.CORS_ORIGINS;
  delete base.NODE_ENV;
  const child = spawn(process.execPath, ['src/server.js'], { cwd: directory, env: { ...base, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  cleanups.push(stop);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(stdout);
      if (match?.[1]) resolve({ origin: match[1], stop });
    });
    child.once('exit', (code, signal) => reject(new Error(`${directory}/src/server.js exited (${code ?? signal}) before listening:\n${stderr}`)));
  });
}

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/probe.js': { file: 'probe.js', type: 'text/javascript; charset=utf-8' },
};

/**
 * A stream that honours Last-Event-ID, for checking probe.js's SSE reader on its own: two events after the given id,
 * with a comment, multi-line data, a named event, CRLF and LF line ends, sent in two writes split inside a CRLF.
 */
function fixtureStream(req: IncomingMessage, res: ServerResponse): void {
  const last = Number(req.headers['last-event-id'] ?? 0);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  res.write(`: resuming after ${last}\r\nid: ${last + 1}\r\ndata: first\r\ndata: second line\r`);
  res.end(`\n\r\nevent: update\nid: ${last + 2}\ndata: {"n":2}\n\n`);
}

/** A static server for test/browser/page/ on 127.0.0.1:<free port>: one page origin (plus /stream, see fixtureStream). */
export async function startPageServer(): Promise<Running> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page').pathname;
    if (path === '/stream') return fixtureStream(req, res);
    const entry = PAGE_FILES[path];
    if (!entry) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': entry.type, 'Cache-Control': 'no-store' }).end(readFileSync(join(PAGE, entry.file)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  cleanups.push(stop);
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop };
}
