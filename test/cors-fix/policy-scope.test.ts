/**
 * The scope of a policy across files: routers, plugins, sub-apps and NestJS controllers are followed to the routes
 * they register, and the facts of those routes (methods, SSE, headers read and set, auth, cookies) are collected.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorsFile } from '../../src/model/index.js';
import { ProjectFiles } from '../../src/cors-fix/project-files.js';
import { ProjectView } from '../../src/cors-fix/project-view.js';
import { type PolicyScope, policyScope } from '../../src/cors-fix/policy-scope.js';
import { makeTemp, removeTemp } from './helpers.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function scopes(files: Record<string, string>, entry: string): PolicyScope[] {
  const root = makeTemp('cors-scope-');
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const project = new ProjectFiles(root, false);
  const view = new ProjectView(project);
  const parsed = project.parse(join(root, entry));
  if (!parsed.ok) throw new Error(parsed.reason);
  const cors = readCorsFile(parsed.file.sourceCode, parsed.file.filename, view);
  return cors.policies.map((policy) => policyScope(policy, cors, parsed.file, view));
}

const sorted = (items: readonly string[]): string[] => [...items].sort();

describe('express', () => {
  it('follows imported options and a router module; SSE in the registering file; headers read and set by handlers', () => {
    const [scope] = scopes(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
        'src/config/cors.ts': "import type { CorsOptions } from 'cors';\nexport const apiCors: CorsOptions = { origin: true, credentials: true };\n",
        'src/routes/users.ts': [
          "import { Router } from 'express';",
          'const router = Router();',
          "router.get('/', (req, res) => { res.setHeader('X-Total-Count', '3'); res.json([]); });",
          "router.delete('/:id', (req, res) => { const tenant = req.get('X-Tenant-ID'); res.end(tenant); });",
          // Sent on purpose by browser code: counted. Set by the browser, a proxy or a webhook caller: not.
          "router.post('/', (req, res) => { const key = req.get('Idempotency-Key'); const trace = req.headers.traceparent; res.end(key + trace); });",
          "router.put('/:id', (req, res) => { res.end([req.get('User-Agent'), req.get('If-None-Match'), req.headers['x-forwarded-for'], req.get('Stripe-Signature'), req.get('Sec-Fetch-Site'), req.headers.cookie].join()); });",
          'export default router;',
          '',
        ].join('\n'),
        'src/main.ts': [
          "import express from 'express';",
          "import cors from 'cors';",
          "import { apiCors } from './config/cors.js';",
          "import users from './routes/users.js';",
          'const app = express();',
          'app.use(cors(apiCors));',
          "app.use('/users', users);",
          "app.get('/feed', (req, res) => { res.setHeader('Content-Type', 'text/event-stream'); res.flushHeaders(); });",
          'app.listen(3000);',
          '',
        ].join('\n'),
      },
      'src/main.ts',
    );
    expect(scope?.complete).toBe(true);
    expect(sorted(scope?.facts.methods ?? [])).toEqual(['DELETE', 'GET', 'POST', 'PUT']);
    expect(scope?.facts.streams).toBe(true);
    expect(scope?.facts.requestHeaders).toEqual(['X-Tenant-ID', 'Idempotency-Key', 'traceparent']);
    expect(scope?.facts.responseHeaders).toEqual(['X-Total-Count']);
    expect(scope?.facts.authorization).toBe(false);
    expect(scope?.facts.cookies).toBe(false);
  });

  it('CommonJS routers, auth middleware and cookie sessions', () => {
    const [scope] = scopes(
      {
        'routes/orders.js': "const express = require('express');\nconst router = express.Router();\nrouter.patch('/:id', (req, res) => res.cookie('seen', '1').end());\nmodule.exports = router;\n",
        'server.js': [
          "const express = require('express');",
          "const cors = require('cors');",
          "const session = require('express-session');",
          "const orders = require('./routes/orders');",
          'const app = express();',
          "app.use(cors({ origin: ['https://app.example.com'] }));",
          "app.use(session({ secret: 's' }));",
          'app.use(requireAuth);',
          "app.use('/orders', orders);",
          'function requireAuth(req, res, next) { next(); }',
          '',
        ].join('\n'),
      },
      'server.js',
    );
    expect(scope?.complete).toBe(true);
    expect(scope?.facts.methods).toEqual(['PATCH']);
    expect(scope?.facts.cookies).toBe(true);
    expect(scope?.facts.authorization).toBe(true);
  });

  it('a router mounted from a module that cannot be found leaves the scope partial', () => {
    const [scope] = scopes(
      { 'server.js': "import cors from 'cors';\nimport express from 'express';\nimport api from './missing.js';\nconst app = express();\napp.use(cors());\napp.use('/api', api);\napp.put('/x', (req, res) => res.end());\n" },
      'server.js',
    );
    expect(scope?.complete).toBe(false);
    expect(scope?.facts.methods).toEqual(['PUT']);
  });
});

describe('NestJS', () => {
  it('walks the module graph from the root module to the controllers and their @Sse and @Headers', () => {
    const [scope] = scopes(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', experimentalDecorators: true } }),
        'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module.js';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableCors({ origin: true });\n  await app.listen(3000);\n}\nbootstrap();\n",
        'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { EventsModule } from './events/events.module.js';\n@Module({ imports: [EventsModule], controllers: [] })\nexport class AppModule {}\n",
        'src/events/events.module.ts': "import { Module } from '@nestjs/common';\nimport { EventsController } from './events.controller.js';\n@Module({ controllers: [EventsController] })\nexport class EventsModule {}\n",
        'src/events/events.controller.ts': [
          "import { Controller, Delete, Get, Headers, Sse, UseGuards } from '@nestjs/common';",
          "import { AuthGuard } from '@nestjs/passport';",
          "@Controller('events')",
          'export class EventsController {',
          "  @Get() list(@Headers('x-request-id') id: string) { return []; }",
          "  @Delete(':id') @UseGuards(AuthGuard('jwt')) remove() {}",
          "  @Sse('stream') stream() { return null; }",
          '}',
          '',
        ].join('\n'),
      },
      'src/main.ts',
    );
    expect(scope?.complete).toBe(true);
    expect(sorted(scope?.facts.methods ?? [])).toEqual(['DELETE', 'GET']);
    expect(scope?.facts.streams).toBe(true);
    expect(scope?.facts.requestHeaders).toEqual(['x-request-id']);
    expect(scope?.facts.authorization).toBe(true);
  });
});

describe('fastify and hono', () => {
  it('fastify plugins registered with a prefix, wrapped in fastify-plugin', () => {
    const [scope] = scopes(
      {
        'plugins/items.js': "import fp from 'fastify-plugin';\nexport default fp(async (fastify) => {\n  fastify.put('/items/:id', async () => ({}));\n  fastify.get('/items/stream', async (req, reply) => { reply.header('content-type', 'text/event-stream'); });\n});\n",
        'server.js': "import Fastify from 'fastify';\nimport cors from '@fastify/cors';\nimport items from './plugins/items.js';\nconst app = Fastify();\nawait app.register(cors, { origin: '*' });\nawait app.register(items, { prefix: '/v1' });\n",
      },
      'server.js',
    );
    expect(scope?.complete).toBe(true);
    expect(sorted(scope?.facts.methods ?? [])).toEqual(['GET', 'PUT']);
    expect(scope?.facts.streams).toBe(true);
  });

  it('a plugin of routes named for what it serves (authRoutes) is followed, not taken for auth middleware', () => {
    const [scope] = scopes(
      {
        'routes/authRoutes.js': [
          "import { requireAuth } from '../middleware/verifyJWT.js';",
          'async function authRoutes(fastify) {',
          "  fastify.post('/auth/login', async () => ({}));",
          "  fastify.delete('/user/:email', { preHandler: [requireAuth] }, async () => ({}));",
          '}',
          'export default authRoutes;',
          '',
        ].join('\n'),
        'middleware/verifyJWT.js': "export async function requireAuth(request) {\n  if (!request.headers.authorization) throw new Error('401');\n}\n",
        'server.js': "import Fastify from 'fastify';\nimport fastifyCors from '@fastify/cors';\nimport authRoutes from './routes/authRoutes.js';\nconst fastify = Fastify();\nawait fastify.register(fastifyCors, { origin: true });\nawait fastify.register(authRoutes);\n",
      },
      'server.js',
    );
    expect(scope?.complete).toBe(true);
    expect(sorted(scope?.facts.methods ?? [])).toEqual(['DELETE', 'POST']);
  });

  it('hono sub-apps mounted with app.route()', () => {
    const [scope] = scopes(
      {
        'src/books.ts': [
          "import { Hono } from 'hono';",
          'const books = new Hono();',
          // A context variable, a query parameter and a map entry are not headers; the request's own headers are.
          "books.patch('/:id', (c) => c.json({ user: c.get('userId'), q: new URL(c.req.url).searchParams.get('q'), tag: tags.get('tag'), key: c.req.header('Idempotency-Key'), raw: c.req.raw.headers.get('traceparent') }, 200, { 'X-Version': '2' }));",
          'export default books;',
          '',
        ].join('\n'),
        'src/index.ts': "import { Hono } from 'hono';\nimport { cors } from 'hono/cors';\nimport books from './books';\nconst app = new Hono();\napp.use('*', cors());\napp.route('/books', books);\nexport default app;\n",
      },
      'src/index.ts',
    );
    expect(scope?.complete).toBe(true);
    expect(scope?.facts.methods).toEqual(['PATCH']);
    expect(scope?.facts.requestHeaders).toEqual(['Idempotency-Key', 'traceparent']);
  });
});

describe('two audiences', () => {
  it('a router with its own policy is scoped to its routes and named by its receiver', () => {
    const found = scopes(
      {
        'server.js': [
          "import express from 'express';",
          "import cors from 'cors';",
          'const app = express();',
          'const admin = express.Router();',
          "admin.use(cors({ origin: ['https://admin.example.com'] }));",
          "admin.delete('/users/:id', (req, res) => res.end());",
          "app.use(cors({ origin: '*' }));",
          "app.get('/public', (req, res) => res.json({}));",
          "app.use('/admin', admin);",
          '',
        ].join('\n'),
      },
      'server.js',
    );
    expect(found.map((scope) => [scope.receiver, sorted(scope.facts.methods)])).toEqual([
      ['admin', ['DELETE']],
      ['app', ['DELETE', 'GET']],
    ]);
  });
});
