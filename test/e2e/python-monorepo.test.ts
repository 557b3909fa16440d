/**
 * End to end: a monorepo with a FastAPI API that streams Server-Sent Events next to a TypeScript front end. One run
 * of the built `cors-fix` bin fixes both; the fixed API, started with Debian's uvicorn and `CORS_ORIGINS` set, lets
 * the front end's origin through a preflight that asks for `Last-Event-ID` and refuses a look-alike origin.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeTemp, removeTemp } from '../cors-fix/helpers.js';

const REPO = join(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'packages', 'cors-fix', 'dist', 'src', 'cors-fix', 'cli.js');
const PYTHON = '/usr/bin/python3';
const WEB_ORIGIN = 'http://localhost:5173';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "notes-monorepo", "private": true, "workspaces": ["web"] }\n',
  'api/requirements.txt': 'fastapi\nuvicorn\n',
  'api/main.py': `import asyncio

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import StreamingResponse

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/notes")
async def notes():
    return [{"id": 1, "text": "hello"}]


@app.post("/notes")
async def add_note(request: Request):
    return await request.json()


@app.get("/events")
async def events(request: Request):
    async def stream():
        start = int(request.headers.get("last-event-id", "0"))
        for index in range(start, start + 2):
            yield f"id: {index}\\ndata: note {index}\\n\\n"
            await asyncio.sleep(0.01)

    return StreamingResponse(stream(), media_type="text/event-stream")
`,
  'web/package.json': '{ "name": "web", "private": true, "type": "module", "dependencies": { "express": "^5.0.0", "cors": "^2.8.5" } }\n',
  'web/server.ts': `import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors());
app.get('/health', (_req, res) => res.json({ ok: true }));
app.listen(5173);
`,
};

interface Api {
  port: number;
  process: ChildProcess;
}

/** Starts the fixed API with uvicorn on 127.0.0.1 and a port the OS picks. */
async function startApi(directory: string): Promise<Api> {
  const launcher = [
    'import asyncio, socket, sys',
    'import uvicorn',
    'sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    'sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)',
    'sock.bind(("127.0.0.1", 0))',
    'sock.listen(16)',
    'server = uvicorn.Server(uvicorn.Config("main:app", log_level="warning"))',
    'print(f"PORT {sock.getsockname()[1]}", flush=True)',
    'asyncio.run(server.serve(sockets=[sock]))',
  ].join('\n');
  const child = spawn(PYTHON, ['-c', launcher], { cwd: directory, env: { ...process.env, CORS_ORIGINS: WEB_ORIGIN, PYTHONDONTWRITEBYTECODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`uvicorn did not start within 30 s: ${stderr}`)), 30_000);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)\n/u.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`uvicorn exited (${code}): ${stderr}`));
    });
  });
  return { port, process: child };
}

function request(port: number, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = http.request({ host: '127.0.0.1', port, method, path, headers, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('timeout', () => sent.destroy(new Error('timeout')));
    sent.on('error', reject);
    sent.end();
  });
}

describe('cors-fix on a monorepo with a FastAPI SSE API and a TypeScript front end', () => {
  let root = '';
  let run: ReturnType<typeof spawnSync> | null = null;
  let api: Api | null = null;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build).`);
    const check = spawnSync(PYTHON, ['-c', 'import fastapi, starlette, uvicorn'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`This test needs ${PYTHON} with fastapi, starlette and uvicorn (apt-get install python3-fastapi python3-uvicorn): ${check.stderr}`);
    root = makeTemp('cors-fix-monorepo-');
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
    run = spawnSync(process.execPath, [CLI], { cwd: root, encoding: 'utf8' });
    api = await startApi(join(root, 'api'));
  }, 120_000);

  afterAll(async () => {
    if (api && api.process.exitCode === null) {
      const exited = new Promise((resolve) => api?.process.once('exit', resolve));
      api.process.kill('SIGTERM');
      await exited;
    }
    if (root) removeTemp(root);
  });

  it('fixes the API and the front end in one run', () => {
    expect(run?.status, `${String(run?.stdout)}\n${String(run?.stderr)}`).toBe(0);
    const main = readFileSync(join(root, 'api/main.py'), 'utf8');
    expect(main).toContain('from cors_origins import CORS_ORIGINS');
    expect(main).toContain('allow_origins=CORS_ORIGINS');
    expect(main).toContain('"Last-Event-ID"');
    expect(main).toContain('allow_methods=["GET", "POST"]');
    expect(main).toContain('max_age=600');
    expect(existsSync(join(root, 'api/cors_origins.py'))).toBe(true);
    expect(readFileSync(join(root, 'api/.env.example'), 'utf8')).toMatch(/^CORS_ORIGINS=/mu);
    expect(readFileSync(join(root, 'web/server.ts'), 'utf8')).toContain('corsOrigins');
    expect(String(run?.stdout)).toMatch(/api\/main\.py {2}\(changed\)/u);
    expect(String(run?.stdout)).toMatch(/web\/server\.ts {2}\(changed\)/u);
  });

  it('a second run changes nothing', () => {
    const second = spawnSync(process.execPath, [CLI, '--check'], { cwd: root, encoding: 'utf8' });
    expect(second.status, second.stdout).toBe(0);
  });

  it('lets the front end resume the event stream: preflight with Last-Event-ID, then the stream', async () => {
    const port = (api as Api).port;
    const preflight = await request(port, 'OPTIONS', '/events', { origin: WEB_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'last-event-id,cache-control' });
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('last-event-id');
    expect(preflight.headers['access-control-max-age']).toBe('600');
    const stream = await request(port, 'GET', '/events', { origin: WEB_ORIGIN, 'last-event-id': '5', cookie: 'session=1' });
    expect(stream.headers['content-type']).toContain('text/event-stream');
    expect(stream.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(stream.body).toContain('id: 5');
  });

  it('refuses a look-alike origin, with and without a cookie', async () => {
    const port = (api as Api).port;
    for (const origin of ['http://localhost:51730', 'http://localhost.evil.test:5173', 'https://evil.example']) {
      const preflight = await request(port, 'OPTIONS', '/events', { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'last-event-id' });
      expect(preflight.status, origin).toBe(400);
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
      const actual = await request(port, 'GET', '/notes', { origin, cookie: 'session=1' });
      expect(actual.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });
});
