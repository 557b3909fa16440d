/**
 * Starts an app's own entry point with Node, as its users do (`PORT=0`, bound to 127.0.0.1), and waits for the line
 * that names its address. The process is stopped by `close()`; a server that exits or stays silent fails the test.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';

export interface NodeApp {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** The address line every bundled app prints when it listens. */
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/u;

/** Runs `node …args` in `directory` with `env` on top of a clean environment. */
export async function startNodeApp(directory: string, args: readonly string[], env: Record<string, string>, timeoutMs = 20_000): Promise<NodeApp> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.endsWith('CORS_ORIGINS') && name !== 'NODE_ENV' && name !== 'NODE_OPTIONS'));
  const child = spawn(process.execPath, args, { cwd: directory, env: { ...base, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  };
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${directory}: no "listening on" line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = LISTENING.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`${directory}: the server exited with ${code}:\n${output}`)));
    });
    return { origin: `http://127.0.0.1:${port}`, close };
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with a time limit; the body is read to its end. */
export function request(url: string, method: string, headers: Record<string, string>, timeoutMs = 5_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method, headers, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}
