/**
 * Real servers for the probe's end-to-end tests, each on 127.0.0.1 with a port the OS picks: express `cors`,
 * `@fastify/cors`, `hono/cors`, `@koa/cors`, NestJS, socket.io, a hand-written middleware, and FastAPI/Starlette under
 * Debian's uvicorn. Each serves `GET /api/items` and, where the framework makes it easy, a Server-Sent Events stream
 * at `GET /api/stream`. `stopAll()` stops whatever is still running.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startNodeApp } from '../harness/node-app.js';

const HOST = '127.0.0.1';

export interface Running {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

const running = new Set<Running>();

function track(origin: string, close: () => Promise<void>): Running {
  let closing: Promise<void> | null = null;
  const server: Running = {
    origin,
    close: () => {
      closing ??= close().finally(() => running.delete(server));
      return closing;
    },
  };
  running.add(server);
  return server;
}

/** Stops every server still running (the tests' `afterAll`). */
export async function stopAll(): Promise<void> {
  await Promise.allSettled([...running].map((server) => server.close()));
}

async function listen(server: http.Server): Promise<Running> {
  server.listen(0, HOST);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return track(`http://${HOST}:${port}`, async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  });
}

/** Writes one Server-Sent Event and leaves the stream open until the client goes. */
function stream(response: http.ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  response.write('id: 1\ndata: {}\n\n');
}

export async function startExpress(options: Record<string, unknown>): Promise<Running> {
  const { default: express } = await import('express');
  const { default: cors } = await import('cors');
  const app = express();
  app.use(cors(options as never));
  app.get('/api/items', (_req, res) => {
    res.json([]);
  });
  app.get('/api/stream', (_req, res) => stream(res));
  return listen(http.createServer(app));
}

export async function startFastify(options: Record<string, unknown>): Promise<Running> {
  const { default: Fastify } = await import('fastify');
  const { default: cors } = await import('@fastify/cors');
  const app = Fastify({ logger: false });
  await app.register(cors, options as never);
  app.get('/api/items', async () => []);
  await app.listen({ port: 0, host: HOST });
  return track(`http://${HOST}:${(app.server.address() as AddressInfo).port}`, () => app.close());
}

export async function startHono(options: Record<string, unknown> | undefined): Promise<Running> {
  const { Hono } = await import('hono');
  const { cors } = await import('hono/cors');
  const { getRequestListener } = await import('@hono/node-server');
  const app = new Hono();
  app.use('/api/*', options === undefined ? cors() : cors(options as never));
  app.get('/api/items', (c) => c.json([]));
  return listen(http.createServer(getRequestListener(app.fetch, { overrideGlobalObjects: false })));
}

export async function startKoa(options: Record<string, unknown>): Promise<Running> {
  const { default: Koa } = await import('koa');
  // Untyped package: the default export is `(options) => koa middleware`.
  const { default: cors } = (await import('@koa/cors' as string)) as { default: (options?: unknown) => Parameters<InstanceType<typeof Koa>['use']>[0] };
  const app = new Koa();
  app.silent = true;
  app.use(cors(options));
  app.use((ctx) => {
    ctx.body = [];
  });
  return listen(http.createServer(app.callback()));
}

/** NestJS on express with one controller (`GET /api/items`), decorated by calling the decorators; `enableCors(options)`. */
export async function startNest(options: Record<string, unknown>): Promise<Running> {
  const { Controller, Get, Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  class ItemsController {
    list(): unknown[] {
      return [];
    }
  }
  Get('items')(ItemsController.prototype, 'list', Object.getOwnPropertyDescriptor(ItemsController.prototype, 'list') as PropertyDescriptor);
  Controller('api')(ItemsController);
  // Nest modules are classes by contract; this one only carries the @Module metadata.
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class
  class AppModule {}
  Module({ controllers: [ItemsController] })(AppModule);
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  app.enableCors(options);
  await app.listen(0, HOST);
  const server = app.getHttpServer() as http.Server;
  return track(`http://${HOST}:${(server.address() as AddressInfo).port}`, () => app.close());
}

/** A socket.io server; its HTTP long-polling handshake is at `/socket.io/?EIO=4&transport=polling`. */
export async function startSocketIo(cors: Record<string, unknown>): Promise<Running> {
  const { Server } = await import('socket.io');
  const server = http.createServer();
  const io = new Server(server, { cors: cors as never });
  server.listen(0, HOST);
  await once(server, 'listening');
  return track(`http://${HOST}:${(server.address() as AddressInfo).port}`, async () => {
    await new Promise<void>((resolve) => {
      io.close(() => resolve());
      server.closeAllConnections();
    });
  });
}

/** What the hand-written middleware does. */
export interface HandWritten {
  allowed: readonly string[];
  vary: boolean;
  methods: string;
  headers: string;
}

/** A plain `node:http` server that writes its CORS headers by hand, as many APIs do. */
export async function startHandWritten(settings: HandWritten): Promise<Running> {
  return listen(
    http.createServer((request, response) => {
      const origin = request.headers.origin;
      if (origin && settings.allowed.includes(origin)) {
        response.setHeader('Access-Control-Allow-Origin', origin);
        response.setHeader('Access-Control-Allow-Credentials', 'true');
        if (settings.vary) response.setHeader('Vary', 'Origin');
      }
      if (request.method === 'OPTIONS') {
        response.setHeader('Access-Control-Allow-Methods', settings.methods);
        response.setHeader('Access-Control-Allow-Headers', settings.headers);
        response.setHeader('Access-Control-Max-Age', '600');
        response.writeHead(204).end();
      } else if (request.url === '/api/stream') {
        stream(response);
      } else {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
      }
    }),
  );
}

/** The FastAPI app: `PROBE_CASE=star-credentials` is `allow_origins=["*"]` with credentials, otherwise a list. */
const FASTAPI_APP = `# FastAPI app for the probe's end-to-end tests.
import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.responses import StreamingResponse

app = FastAPI()
if os.environ.get("PROBE_CASE") == "star-credentials":
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
else:
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["https://app.example.com", "https://admin.example.com"],
        allow_credentials=True,
        allow_methods=["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID", "Last-Event-ID", "Cache-Control"],
        max_age=600,
    )


@app.get("/api/items")
def items():
    return []


@app.get("/api/stream")
def stream():
    def events():
        yield "id: 1\\ndata: {}\\n\\n"

    return StreamingResponse(events(), media_type="text/event-stream")
`;

/** Debian's Python, which has python3-fastapi, python3-starlette and python3-uvicorn (the first python3 on PATH may not). */
export const PYTHON = '/usr/bin/python3';

/** Throws, saying what to install, unless Debian's Python can import FastAPI, Starlette and uvicorn. */
export function requirePython(): void {
  const missing = 'the FastAPI/Starlette probe tests need Debian\'s python3-fastapi, python3-starlette and python3-uvicorn: apt-get install -y python3-fastapi python3-starlette python3-uvicorn';
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} does not exist: ${missing}`);
  const check = spawnSync(PYTHON, ['-c', 'import fastapi, starlette, uvicorn'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`${PYTHON} cannot import them (${check.stderr.trim()}): ${missing}`);
}

/** `/usr/bin/python3 -m uvicorn app:app` on a free port of 127.0.0.1; resolves once uvicorn says where it listens. */
export async function startFastApi(probeCase: 'star-credentials' | 'correct'): Promise<Running> {
  requirePython();
  const directory = mkdtempSync(join(tmpdir(), 'cors-probe-fastapi-'));
  writeFileSync(join(directory, 'app.py'), FASTAPI_APP);
  const child: ChildProcess = spawn(PYTHON, ['-m', 'uvicorn', 'app:app', '--host', HOST, '--port', '0', '--no-access-log'], {
    cwd: directory,
    env: { PATH: process.env.PATH ?? '', PROBE_CASE: probeCase, PYTHONDONTWRITEBYTECODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await once(child, 'exit');
    }
    rmSync(directory, { recursive: true, force: true });
  };
  let output = '';
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`uvicorn did not start within 20 s:\n${output}`)), 20_000);
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /Uvicorn running on http:\/\/127\.0\.0\.1:(\d+)/u.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`uvicorn exited with ${code}:\n${output}`));
      });
    });
    return track(`http://${HOST}:${port}`, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `node src/server.js` in `directory` with `env`; resolves once it prints `listening on http://127.0.0.1:<port>`. */
export async function startExampleApp(directory: string, env: Record<string, string>): Promise<Running> {
  const app = await startNodeApp(directory, ['src/server.js'], env);
  return track(app.origin, app.close);
}
