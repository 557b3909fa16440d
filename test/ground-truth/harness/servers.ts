/**
 * The library side: each framework started on 127.0.0.1 (a free port chosen by the OS) with exactly the evaluated
 * options object, one GET route at the probe path. Every server is stopped by `close()`; callers use try/finally.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, type Target, liveDelegate, liveOptions } from './config.js';

export interface RunningServer {
  port: number;
  /** The path probed: `/`, or socket.io's long-polling endpoint. */
  path: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The origin the opaque `process.env.GT_ORIGIN` resolves to at runtime. */
export const ENV_ORIGIN_VALUE = 'https://app.example.com';

async function listen(server: http.Server): Promise<number> {
  server.listen(0, HOST);
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function closeHttp(server: http.Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

function nodeServer(server: http.Server, path = '/'): Promise<RunningServer> {
  return listen(server).then((port) => ({ port, path, close: () => closeHttp(server) }));
}

type Starter = (options: Record<string, unknown> | undefined, config: Config) => Promise<RunningServer>;

const STARTERS: Record<Target, Starter> = {
  async express(options, config) {
    const { default: express } = await import('express');
    const { default: cors } = await import('cors');
    const app = express();
    if (config.form === 'delegate') app.use(cors(liveDelegate(config.options) as never));
    else app.use(options === undefined ? cors() : cors(options as never));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    // No stack traces on stderr for the 500s the misuse cases produce.
    app.use((_error: unknown, _req: unknown, res: { status(code: number): { send(body: string): void } }, _next: unknown) => {
      res.status(500).send('error');
    });
    return nodeServer(http.createServer(app));
  },

  async fastify(options) {
    const { default: Fastify } = await import('fastify');
    const { default: cors } = await import('@fastify/cors');
    const app = Fastify({ logger: false });
    try {
      if (options === undefined) await app.register(cors);
      else await app.register(cors, options as never);
      app.get('/', async () => 'ok');
      await app.listen({ port: 0, host: HOST });
    } catch (error) {
      await app.close();
      throw error;
    }
    return { port: (app.server.address() as AddressInfo).port, path: '/', close: () => app.close() };
  },

  async hono(options) {
    const { Hono } = await import('hono');
    const { cors } = await import('hono/cors');
    const { getRequestListener } = await import('@hono/node-server');
    const app = new Hono();
    app.use('*', options === undefined ? cors() : cors(options as never));
    app.get('/', (c) => c.text('ok'));
    // Hono's default error handler logs the error; the response (500) is the same.
    app.onError((_error, c) => c.text('Internal Server Error', 500));
    return nodeServer(http.createServer(getRequestListener(app.fetch, { overrideGlobalObjects: false })));
  },

  async koa(options) {
    const { default: Koa } = await import('koa');
    // Untyped package: the default export is `(options) => koa middleware`.
    const { default: cors } = (await import('@koa/cors' as string)) as { default: (options?: unknown) => Parameters<InstanceType<typeof Koa>['use']>[0] };
    const app = new Koa();
    app.silent = true;
    app.use(cors(options as never));
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    return nodeServer(http.createServer(app.callback()));
  },

  async koa2(options) {
    const { default: Koa } = await import('koa');
    // Untyped package: the default export is `(options) => koa middleware`.
    const { default: cors } = (await import('koa2-cors' as string)) as { default: (options?: unknown) => Parameters<InstanceType<typeof Koa>['use']>[0] };
    const app = new Koa();
    app.silent = true;
    app.use(cors(options as never));
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    return nodeServer(http.createServer(app.callback()));
  },

  'nest-express': (options, config) => startNest(options, config, false),
  'nest-fastify': (options, config) => startNest(options, config, true),

  async 'socket.io'(options, config) {
    const { Server } = await import('socket.io');
    const server = http.createServer();
    const serverOptions =
      config.form === 'server-no-cors' ? {} : config.form === 'server-cors-false' ? { cors: false } : { cors: options ?? true };
    const io = new Server(server, serverOptions as never);
    const port = await listen(server);
    return {
      port,
      path: '/socket.io/?EIO=4&transport=polling',
      close: async () => {
        await new Promise<void>((resolve) => {
          io.close(() => resolve());
          server.closeAllConnections();
        });
      },
    };
  },

  async elysia(options) {
    const { Elysia } = await import('elysia');
    const { cors } = await import('@elysiajs/cors');
    const { node } = await import('@elysiajs/node');
    const { getRequestListener } = await import('@hono/node-server');
    const app = new Elysia({ adapter: node() }).use(cors(options as never)).get('/', () => 'ok');
    // Elysia's fetch handler behind a Node server bound to 127.0.0.1 (its own `listen()` host is not ours to choose
    // reliably, and it registers a `beforeExit` listener per call).
    const fetch = app.fetch;
    return nodeServer(http.createServer(getRequestListener((request) => fetch(request), { overrideGlobalObjects: false })));
  },
};

let nestModule: unknown = null;

/** `AppModule` with one controller answering `GET /`, decorated by calling the decorators (no TS decorator syntax). */
async function appModule(): Promise<unknown> {
  if (nestModule) return nestModule;
  const { Controller, Get, Module } = await import('@nestjs/common');
  class AppController {
    index(): string {
      return 'ok';
    }
  }
  const descriptor = Object.getOwnPropertyDescriptor(AppController.prototype, 'index') as PropertyDescriptor;
  Get()(AppController.prototype, 'index', descriptor);
  Controller()(AppController);
  // Nest modules are classes by contract; this one only carries the @Module metadata.
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class
  class AppModule {}
  Module({ controllers: [AppController] })(AppModule);
  nestModule = AppModule;
  return nestModule;
}

async function startNest(options: Record<string, unknown> | undefined, config: Config, fastify: boolean): Promise<RunningServer> {
  const { NestFactory } = await import('@nestjs/core');
  const module = await appModule();
  const appOptions: Record<string, unknown> = { logger: false, abortOnError: false };
  if (config.form === 'create') appOptions.cors = options ?? true;
  let app;
  if (fastify) {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    app = await NestFactory.create(module as never, new FastifyAdapter() as never, appOptions);
  } else {
    app = await NestFactory.create(module as never, appOptions);
  }
  try {
    if (config.form === 'call') {
      if (options === undefined) app.enableCors();
      else app.enableCors(options as never);
    }
    await app.listen(0, HOST);
  } catch (error) {
    await app.close();
    throw error;
  }
  const server = app.getHttpServer() as http.Server;
  return { port: (server.address() as AddressInfo).port, path: '/', close: () => app.close() };
}

/** Servers started and not yet stopped; `closeAllServers` is the safety net for an interrupted run. */
const running = new Set<RunningServer>();

/** Starts the library for `config`; throws when the library rejects the options at startup. */
export async function startServer(config: Config): Promise<RunningServer> {
  process.env.GT_ORIGIN = ENV_ORIGIN_VALUE;
  const options = liveOptions(config.options);
  const server = await STARTERS[config.target](options, config);
  let closing: Promise<void> | null = null;
  const tracked: RunningServer = {
    port: server.port,
    path: server.path,
    close: () => {
      closing ??= server.close().finally(() => running.delete(tracked));
      return closing;
    },
  };
  running.add(tracked);
  return tracked;
}

export async function closeAllServers(): Promise<void> {
  await Promise.allSettled([...running].map((server) => server.close()));
}
