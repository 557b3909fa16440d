import rule from '../../rules/require-explicit-headers.js';
import { runBoth } from '../rule-tester.js';

/** Strips the first newline and the common indentation, keeping backslashes as written. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const lines = String.raw({ raw: strings.raw }, ...values).replace(/^\n/u, '').replace(/\n\s*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}

const STRICT = [{ requireMaxAge: true }] as [{ requireMaxAge: boolean }];

runBoth('require-explicit-headers', rule, {
  both: {
    valid: [
      {
        name: 'express: allowedHeaders [] sends no Allow-Headers (explicitly none)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: [] }));
        `,
      },
      // ── (d) methods of the routes under the policy ────────────────────────────────────────────────────────────
      {
        name: 'express: the explicit list has every non-simple method of the routes (d)',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const app = express();
          app.use(cors({ origin: process.env.ORIGIN, methods: ['GET', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Content-Type'] }));
          app.get('/items', list);
          app.post('/items', create);
          app.put('/items/:id', update);
          app.delete('/items/:id', remove);
        `,
      },
      {
        name: 'express: GET, HEAD and POST routes need no listing; methods compare without case (d)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: process.env.ORIGIN, methods: 'GET,put', allowedHeaders: ['Content-Type'] }));
          app.post('/items', create);
          app.head('/items', head);
          app.put('/items/:id', update);
          app.options('/items', preflight);
        `,
      },
      {
        name: 'express: routes on another app, outside the mounted path, or on an unmounted router are not under the policy (d)',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const app = express();
          const admin = express();
          const router = express.Router();
          app.use('/api', cors({ origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }));
          app.put('/admin/settings', saveSettings);
          admin.delete('/users/:id', removeUser);
          router.patch('/x', patchX);
        `,
      },
      {
        name: 'express: route-level CORS covers only its own route (d)',
        code: code`
          import cors from 'cors';
          const readOnly = { origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] };
          app.get('/reports', cors(readOnly), listReports);
          app.delete('/reports/:id', removeReport);
        `,
      },
      {
        name: 'express: methods the file cannot show are not compared (d)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: process.env.ORIGIN, methods: process.env.CORS_METHODS, allowedHeaders: ['Content-Type'] }));
          app.delete('/items/:id', remove);
        `,
      },
      {
        name: 'raw: hand-written Allow-Methods are not compared with the routes (d)',
        code: code`
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
            res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
            next();
          });
          app.delete('/items/:id', remove);
        `,
      },
      // ── express cors ──────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: explicit methods and allowedHeaders arrays',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const app = express();
          app.use(cors({
            origin: 'https://app.example.com',
            methods: ['GET', 'POST', 'PUT', 'DELETE'],
            allowedHeaders: ['Content-Type', 'Authorization'],
          }));
        `,
      },
      {
        name: 'express: comma-separated strings and the `headers` alias',
        code: code`
          const cors = require('cors');
          app.use(cors({ origin: 'https://app.example.com', methods: 'GET,POST', headers: 'Content-Type, X-Api-Key' }));
        `,
      },
      {
        name: 'express: empty allowedHeaders list is explicit (no reflection)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: [] }));
        `,
      },
      {
        name: 'express: lists through a const chain',
        code: code`
          import cors from 'cors';
          const METHODS = ['GET', 'POST'];
          const HEADERS = ['Content-Type'];
          const allowedHeaders = HEADERS;
          app.use(cors({ origin: 'https://app.example.com', methods: METHODS, allowedHeaders }));
        `,
      },
      {
        name: 'express: lists from a resolvable spread',
        code: code`
          import cors from 'cors';
          const base = { methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] };
          app.use(cors({ ...base, origin: 'https://app.example.com' }));
        `,
      },
      {
        name: 'express: spread of an imported (opaque) object forbids absence-based findings',
        code: code`
          import cors from 'cors';
          import { sharedCors } from './config.js';
          app.use(cors({ ...sharedCors, origin: 'https://app.example.com' }));
        `,
      },
      {
        name: 'express: spread of an opaque member (config.cors) forbids absence-based findings',
        code: code`
          import cors from 'cors';
          import config from './config.js';
          app.use(cors({ origin: config.origins, ...config.cors }));
        `,
      },
      {
        name: 'express: imported options object is opaque',
        code: code`
          import cors from 'cors';
          import { corsOptions } from './cors-options.js';
          app.use(cors(corsOptions));
        `,
      },
      {
        name: 'express: options from require() are opaque',
        code: code`
          const cors = require('cors');
          app.use(cors(require('./cors-options')));
        `,
      },
      {
        name: 'express: options as a function parameter are opaque',
        code: code`
          import cors from 'cors';
          export function mountCors(app, options) {
            app.use(cors(options));
          }
        `,
      },
      {
        name: 'express: env-driven lists are set (opaque, not absent)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: process.env.CORS_ORIGIN,
            methods: process.env.CORS_METHODS,
            allowedHeaders: process.env.CORS_HEADERS.split(','),
          }));
        `,
      },
      {
        name: 'express: credentials on with Authorization and Content-Type listed',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: ['https://app.example.com'],
            credentials: true,
            methods: ['GET', 'POST'],
            allowedHeaders: ['Content-Type', 'Authorization'],
          }));
        `,
      },
      {
        name: 'express: every custom response header is exposed (case-insensitive)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            methods: ['GET'],
            allowedHeaders: ['Content-Type'],
            exposedHeaders: ['x-request-id', 'X-Total-Count'],
          }));
          app.get('/items', (req, res) => {
            res.setHeader('X-Request-Id', req.id);
            res.set('X-Total-Count', String(items.length));
            res.json(items);
          });
        `,
      },
      {
        name: 'express: security and proxy X- headers need no exposure',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'] }));
          app.use((req, res, next) => {
            res.setHeader('X-Frame-Options', 'DENY');
            res.setHeader('X-Content-Type-Options', 'nosniff');
            res.setHeader('X-XSS-Protection', '0');
            res.setHeader('X-Powered-By', 'none');
            res.setHeader('X-DNS-Prefetch-Control', 'off');
            res.setHeader('X-Download-Options', 'noopen');
            res.setHeader('X-Permitted-Cross-Domain-Policies', 'none');
            res.setHeader('X-Robots-Tag', 'noindex');
            res.setHeader('X-Accel-Buffering', 'no');
            next();
          });
        `,
      },
      {
        name: 'express: a custom header only mentioned in a comment',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'] }));
          // res.setHeader('X-Request-Id', id);
        `,
      },
      {
        name: 'express: a local function named cors is not the package',
        code: code`
          function cors() {
            return (req, res, next) => next();
          }
          app.use(cors());
        `,
      },
      {
        name: 'express: cors imported from another module is not the package',
        code: code`
          import cors from './middleware/cors.js';
          app.use(cors());
        `,
      },
      {
        name: 'express: an untyped object not passed to cors is out of scope',
        code: code`
          import cors from 'cors';
          const defaults = { origin: 'https://app.example.com' };
          export default defaults;
        `,
      },
      {
        name: 'express: requireMaxAge off by default',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'] }));
        `,
        options: [{ requireMaxAge: false }],
      },
      {
        name: 'express: imported options stay opaque even when the file sets custom headers',
        code: code`
          import cors from 'cors';
          import { corsOptions } from './cors-options.js';
          app.use(cors(corsOptions));
          app.use((req, res, next) => {
            res.setHeader('X-Request-Id', req.id);
            next();
          });
        `,
      },
      {
        name: 'express: options delegate answering opaque options',
        code: code`
          import cors from 'cors';
          import { optionsFor } from './cors-options.js';
          app.use(cors((req, callback) => callback(null, optionsFor(req))));
        `,
      },
      {
        name: 'express: opaque exposedHeaders (env, or a spread of an imported list) cannot miss a header',
        code: code`
          import cors from 'cors';
          import { EXTRA_EXPOSED } from './headers.js';
          app.use('/a', cors({ origin: 'https://a.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: process.env.CORS_EXPOSE }));
          app.use('/b', cors({ origin: 'https://b.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: ['X-Total-Count', ...EXTRA_EXPOSED] }));
          app.use((req, res, next) => {
            res.setHeader('X-Request-Id', req.id);
            next();
          });
        `,
      },
      {
        name: "express: exposedHeaders '*' without credentials exposes every header",
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: '*' }));
          app.use((req, res, next) => {
            res.setHeader('X-Request-Id', req.id);
            next();
          });
        `,
      },
      {
        name: 'raw: fetch-style Response with explicit lists',
        code: code`
          export function OPTIONS(request) {
            return new Response(null, {
              status: 204,
              headers: {
                'Access-Control-Allow-Origin': 'https://app.example.com',
                'Access-Control-Allow-Methods': 'GET, POST',
                'Access-Control-Allow-Headers': 'Content-Type, Authorization',
              },
            });
          }
        `,
      },
      // ── requireMaxAge ─────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'requireMaxAge: maxAge 600',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: 600 }));
        `,
        options: STRICT,
      },
      {
        name: 'requireMaxAge: maxAge 1',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: 1 }));
        `,
        options: STRICT,
      },
      {
        name: 'requireMaxAge: maxAge as constant arithmetic (60 * 10)',
        code: code`
          import cors from 'cors';
          const TEN_MINUTES = 60 * 10;
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: TEN_MINUTES }));
        `,
        options: STRICT,
      },
      {
        name: 'requireMaxAge: opaque maxAge',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: Number(process.env.CORS_MAX_AGE) }));
        `,
        options: STRICT,
      },
      {
        name: 'requireMaxAge: hono with maxAge 600',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['Content-Type'], maxAge: 600 }));
        `,
        options: STRICT,
      },
      // ── @fastify/cors ─────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'fastify: explicit methods and allowedHeaders',
        code: code`
          import Fastify from 'fastify';
          import cors from '@fastify/cors';
          const app = Fastify();
          await app.register(cors, {
            origin: ['https://app.example.com'],
            methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
            allowedHeaders: ['Content-Type', 'Authorization'],
          });
        `,
      },
      {
        name: 'fastify: inline require with explicit options',
        code: code`
          fastify.register(require('@fastify/cors'), { origin: 'https://app.example.com', methods: 'GET,POST', allowedHeaders: 'Content-Type' });
        `,
      },
      {
        name: 'fastify: a plugin-options function whose answers this file cannot read',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, () => (req, callback) => callback(null, optionsFor(req)));
        `,
      },
      {
        name: 'fastify: exposed header the reply sets',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: 'X-Request-Id' });
          app.get('/', async (request, reply) => {
            reply.header('X-Request-Id', request.id);
            return {};
          });
        `,
      },
      // ── hono/cors ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'hono: explicit allowMethods and allowHeaders',
        code: code`
          import { Hono } from 'hono';
          import { cors } from 'hono/cors';
          const app = new Hono();
          app.use('/api/*', cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type'] }));
        `,
      },
      {
        name: 'hono: exposed header set with c.header',
        code: code`
          import { cors as corsMiddleware } from 'hono/cors';
          app.use('*', corsMiddleware({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['Content-Type'], exposeHeaders: ['X-Request-Id'] }));
          app.get('/', (c) => {
            c.header('X-Request-Id', crypto.randomUUID());
            return c.json({});
          });
        `,
      },
      {
        name: 'hono: options from c.env are opaque',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', (c, next) => cors(c.env.CORS_OPTIONS)(c, next));
        `,
      },
      // ── @koa/cors, koa2-cors ──────────────────────────────────────────────────────────────────────────────────
      {
        name: '@koa/cors: explicit string lists',
        code: code`
          import Koa from 'koa';
          import cors from '@koa/cors';
          const app = new Koa();
          app.use(cors({ origin: 'https://app.example.com', allowMethods: 'GET,POST', allowHeaders: 'Content-Type' }));
        `,
      },
      {
        name: 'koa2-cors: explicit arrays and exposed header',
        code: code`
          const cors = require('koa2-cors');
          app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type'], exposeHeaders: ['X-Response-Time'] }));
          app.use(async (ctx, next) => {
            await next();
            ctx.set('X-Response-Time', '5ms');
          });
        `,
      },
      // ── NestJS ────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'nest: enableCors with explicit lists',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule);
          app.enableCors({ origin: 'https://app.example.com', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] });
        `,
      },
      {
        name: 'nest: create with cors: false is no policy',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule, { cors: false });
        `,
      },
      {
        name: 'nest: create with an opaque cors option',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { corsConfig } from './config';
          const app = await NestFactory.create(AppModule, { cors: corsConfig });
        `,
      },
      {
        name: 'nest: enableCors in a file that imports nothing from @nestjs is not recognised',
        code: code`
          const server = createServer();
          server.enableCors();
        `,
      },
      // ── socket.io ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'socket.io: no cors key is no policy',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer);
        `,
      },
      {
        name: 'socket.io: explicit lists',
        code: code`
          import { Server as IOServer } from 'socket.io';
          const io = new IOServer(httpServer, {
            cors: { origin: 'https://app.example.com', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] },
          });
        `,
      },
      // ── @elysiajs/cors ────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'elysia: explicit methods and allowedHeaders (credentials on by default, Authorization listed)',
        code: code`
          import { Elysia } from 'elysia';
          import { cors } from '@elysiajs/cors';
          new Elysia().use(cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type', 'Authorization'] }));
        `,
      },
      // ── raw headers ───────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'raw: explicit Allow-Methods and Allow-Headers',
        code: code`
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
            res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
            next();
          });
        `,
      },
      {
        name: 'raw: absent Allow-Methods / Allow-Headers do not trigger the rule',
        code: code`
          export function handler(req, res) {
            res.writeHead(200, { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Content-Type': 'application/json' });
            res.end('{}');
          }
        `,
      },
      {
        name: 'raw: `*` in Allow-Headers of a group that writes no Allow-Origin is no policy',
        code: code`
          app.options('*', (req, res) => {
            res.setHeader('Access-Control-Allow-Headers', '*');
            res.sendStatus(204);
          });
        `,
      },
      {
        name: 'raw: Expose-Headers lists the custom header',
        code: code`
          export async function GET() {
            return new Response('{}', {
              headers: {
                'Access-Control-Allow-Origin': 'https://app.example.com',
                'Access-Control-Expose-Headers': 'X-Request-Id',
                'X-Request-Id': crypto.randomUUID(),
              },
            });
          }
        `,
      },
      {
        name: 'raw: Allow-Headers from another request header is not the ACRH reflection',
        code: code`
          export default (ctx) => {
            ctx.set('Access-Control-Allow-Origin', 'https://app.example.com');
            ctx.set('Access-Control-Allow-Headers', 'Content-Type');
            ctx.set('Access-Control-Allow-Methods', ctx.get('Access-Control-Request-Method') === 'PUT' ? 'PUT' : 'GET');
          };
        `,
      },
      // ── Next.js ───────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'next: explicit Allow-Methods and Allow-Headers',
        filename: 'next.config.js',
        code: code`
          module.exports = {
            async headers() {
              return [
                {
                  source: '/api/:path*',
                  headers: [
                    { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
                    { key: 'Access-Control-Allow-Methods', value: 'GET,POST' },
                    { key: 'Access-Control-Allow-Headers', value: 'Content-Type' },
                  ],
                },
              ];
            },
          };
        `,
      },
      {
        name: 'next: headers() outside a next.config file is not Next.js configuration',
        filename: 'config/headers.js',
        code: code`
          module.exports = {
            async headers() {
              return [{ source: '/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }, { key: 'Access-Control-Allow-Headers', value: '*' }] }];
            },
          };
        `,
      },
    ],
    invalid: [
      {
        name: 'hono: allowHeaders [] is the default and echoes the requested headers',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: process.env.ORIGIN, allowMethods: ['GET'], allowHeaders: [] }));
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import { cors } from 'hono/cors';
            app.use('*', cors({ origin: process.env.ORIGIN, allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));
          ` }] }],
      },
      {
        name: "express: allowedHeaders '' is falsy and echoes the requested headers",
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: '' }));
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            app.use(cors({ origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: 'Content-Type' }));
          ` }] }],
      },
      {
        name: 'nest (fastify adapter): enableCors() defaults to GET, HEAD, POST',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { FastifyAdapter } from '@nestjs/platform-fastify';
          const adapter = new FastifyAdapter();
          const app = await NestFactory.create(AppModule, adapter);
          app.enableCors({ origin: process.env.ORIGIN, allowedHeaders: ['Content-Type'] });
        `,
        errors: [{ messageId: 'defaultMethods', line: 5, data: { framework: 'NestJS enableCors (fastify adapter)', defaults: 'GET, HEAD, POST', key: '`methods`' }, suggestions: [{ messageId: 'setList', output: code`
            import { NestFactory } from '@nestjs/core';
            import { FastifyAdapter } from '@nestjs/platform-fastify';
            const adapter = new FastifyAdapter();
            const app = await NestFactory.create(AppModule, adapter);
            app.enableCors({ methods: ['GET', 'HEAD', 'POST'], origin: process.env.ORIGIN, allowedHeaders: ['Content-Type'] });
          ` }] }],
      },
      // ── (d) methods of the routes under the policy ────────────────────────────────────────────────────────────
      {
        name: 'express: PUT and DELETE routes under a GET, POST list (d)',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const app = express();
          app.use(cors({ origin: process.env.ORIGIN, methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] }));
          app.get('/items', list);
          app.put('/items/:id', update);
          app.delete('/items/:id', remove);
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 4,
            data: {
              framework: 'express cors',
              key: '`methods`',
              methods: 'PUT, DELETE',
              routes: 'a PUT route (line 6) and a DELETE route (line 7)',
            },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import express from 'express';
                  import cors from 'cors';
                  const app = express();
                  app.use(cors({ origin: process.env.ORIGIN, methods: ['GET', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Content-Type'] }));
                  app.get('/items', list);
                  app.put('/items/:id', update);
                  app.delete('/items/:id', remove);
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'fastify: methods as a string, PUT and DELETE routes (d)',
        code: code`
          import Fastify from 'fastify';
          import cors from '@fastify/cors';
          const app = Fastify();
          await app.register(cors, { origin: process.env.ORIGIN, methods: 'GET,POST', allowedHeaders: ['Content-Type'] });
          app.put('/items/:id', update);
          app.delete('/items/:id', remove);
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 4,
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import Fastify from 'fastify';
                  import cors from '@fastify/cors';
                  const app = Fastify();
                  await app.register(cors, { origin: process.env.ORIGIN, methods: 'GET,POST,PUT,DELETE', allowedHeaders: ['Content-Type'] });
                  app.put('/items/:id', update);
                  app.delete('/items/:id', remove);
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'fastify: route objects name their methods (d)',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] });
          app.route({ method: ['PATCH', 'DELETE'], url: '/items/:id', handler: change });
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 2,
            data: { framework: '@fastify/cors', key: '`methods`', methods: 'PATCH, DELETE', routes: 'a PATCH route (line 3) and a DELETE route (line 3)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import cors from '@fastify/cors';
                  app.register(cors, { origin: process.env.ORIGIN, methods: ['GET', 'PATCH', 'DELETE'], allowedHeaders: ['Content-Type'] });
                  app.route({ method: ['PATCH', 'DELETE'], url: '/items/:id', handler: change });
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'hono: a custom method under the mounted path; a route elsewhere is not under it (d)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('/api/*', cors({ origin: process.env.ORIGIN, allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));
          app.on('PURGE', '/api/cache', purge);
          app.put('/admin/settings', saveSettings);
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 2,
            data: { framework: 'hono/cors', key: '`allowMethods`', methods: 'PURGE', routes: 'a PURGE route (line 3)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import { cors } from 'hono/cors';
                  app.use('/api/*', cors({ origin: process.env.ORIGIN, allowMethods: ['GET', 'PURGE'], allowHeaders: ['Content-Type'] }));
                  app.on('PURGE', '/api/cache', purge);
                  app.put('/admin/settings', saveSettings);
                `,
              },
            ],
          },
        ],
      },
      {
        name: '@koa/cors: routes of a router mounted on the app (d)',
        code: code`
          import Koa from 'koa';
          import Router from '@koa/router';
          import cors from '@koa/cors';
          const app = new Koa();
          const router = new Router();
          router.put('/items/:id', update);
          router.del('/items/:id', remove);
          app.use(cors({ origin: (ctx) => ctx.get('Origin'), allowMethods: 'GET,POST', allowHeaders: ['Content-Type'] }));
          app.use(router.routes());
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 8,
            data: { framework: '@koa/cors', key: '`allowMethods`', methods: 'PUT, DELETE', routes: 'a PUT route (line 6) and a DELETE route (line 7)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import Koa from 'koa';
                  import Router from '@koa/router';
                  import cors from '@koa/cors';
                  const app = new Koa();
                  const router = new Router();
                  router.put('/items/:id', update);
                  router.del('/items/:id', remove);
                  app.use(cors({ origin: (ctx) => ctx.get('Origin'), allowMethods: 'GET,POST,PUT,DELETE', allowHeaders: ['Content-Type'] }));
                  app.use(router.routes());
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'hono: routes of a sub-app mounted with app.route (d)',
        code: code`
          import { Hono } from 'hono';
          import { cors } from 'hono/cors';
          const app = new Hono();
          const api = new Hono();
          api.delete('/items/:id', (c) => c.body(null, 204));
          app.use('/api/*', cors({ origin: process.env.ORIGIN, allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type'] }));
          app.route('/api', api);
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 6,
            data: { framework: 'hono/cors', key: '`allowMethods`', methods: 'DELETE', routes: 'a DELETE route (line 5)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import { Hono } from 'hono';
                  import { cors } from 'hono/cors';
                  const app = new Hono();
                  const api = new Hono();
                  api.delete('/items/:id', (c) => c.body(null, 204));
                  app.use('/api/*', cors({ origin: process.env.ORIGIN, allowMethods: ['GET', 'POST', 'DELETE'], allowHeaders: ['Content-Type'] }));
                  app.route('/api', api);
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: route-level CORS on a DELETE route, and a preflight route for a PATCH route on its path (d)',
        code: code`
          import cors from 'cors';
          const options = { origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] };
          app.delete('/reports/:id', cors({ origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }), remove);
          app.options('/items/:id', cors(options));
          app.patch('/items/:id', cors(options), change);
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 2,
            data: { framework: 'express cors', key: '`methods`', methods: 'PATCH', routes: 'a PATCH route (line 5)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import cors from 'cors';
                  const options = { origin: process.env.ORIGIN, methods: ['GET', 'PATCH'], allowedHeaders: ['Content-Type'] };
                  app.delete('/reports/:id', cors({ origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }), remove);
                  app.options('/items/:id', cors(options));
                  app.patch('/items/:id', cors(options), change);
                `,
              },
            ],
          },
          {
            messageId: 'missingRouteMethods',
            line: 3,
            data: { framework: 'express cors', key: '`methods`', methods: 'DELETE', routes: 'a DELETE route (line 3)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  import cors from 'cors';
                  const options = { origin: process.env.ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] };
                  app.delete('/reports/:id', cors({ origin: process.env.ORIGIN, methods: ['GET', 'DELETE'], allowedHeaders: ['Content-Type'] }), remove);
                  app.options('/items/:id', cors(options));
                  app.patch('/items/:id', cors(options), change);
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: app.route(path) with chained PUT (d)',
        code: code`
          const cors = require('cors');
          app.use(cors({ origin: process.env.ORIGIN, methods: ['GET', 'HEAD'], allowedHeaders: ['Content-Type'] }));
          app.route('/books/:id').get(show).put(update);
        `,
        errors: [
          {
            messageId: 'missingRouteMethods',
            line: 2,
            data: { framework: 'express cors', key: '`methods`', methods: 'PUT', routes: 'a PUT route (line 3)' },
            suggestions: [
              {
                messageId: 'addMethods',
                output: code`
                  const cors = require('cors');
                  app.use(cors({ origin: process.env.ORIGIN, methods: ['GET', 'HEAD', 'PUT'], allowedHeaders: ['Content-Type'] }));
                  app.route('/books/:id').get(show).put(update);
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'fastify: without methods, the suggestion lists the default methods and the routes (a)(d)',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: process.env.ORIGIN, allowedHeaders: ['Content-Type'] });
          app.delete('/items/:id', remove);
        `,
        errors: [
          {
            messageId: 'defaultMethods',
            line: 2,
            suggestions: [
              {
                messageId: 'setList',
                output: code`
                  import cors from '@fastify/cors';
                  app.register(cors, { methods: ['GET', 'HEAD', 'POST', 'DELETE'], origin: process.env.ORIGIN, allowedHeaders: ['Content-Type'] });
                  app.delete('/items/:id', remove);
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: without allowedHeaders, the suggestion adds credentials, SSE and the custom headers the file reads (b)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: process.env.ORIGIN, methods: ['GET'], credentials: true }));
          app.get('/events', (req, res) => {
            const tenant = req.get('X-Tenant-ID');
            res.setHeader('Content-Type', 'text/event-stream');
          });
        `,
        errors: [
          {
            messageId: 'defaultHeaders',
            line: 2,
            suggestions: [
              {
                messageId: 'setList',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ allowedHeaders: ['Content-Type', 'Authorization', 'Last-Event-ID', 'Cache-Control', 'X-Tenant-ID'], origin: process.env.ORIGIN, methods: ['GET'], credentials: true }));
                  app.get('/events', (req, res) => {
                    const tenant = req.get('X-Tenant-ID');
                    res.setHeader('Content-Type', 'text/event-stream');
                  });
                `,
              },
            ],
          },
        ],
      },
      // ── express cors ──────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: cors() with no options (a)(b) on the call',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const app = express();
          app.use(cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import express from 'express';
              import cors from 'cors';
              const app = express();
              app.use(cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import express from 'express';
              import cors from 'cors';
              const app = express();
              app.use(cors({ allowedHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: 'express: origin only (a)(b) on the options object',
        code: code`
          import cors from 'cors';
          app.use(
            cors({
              origin: 'https://app.example.com',
            }),
          );
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use(
                cors({
                  methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
                  origin: 'https://app.example.com',
                }),
              );
            ` }] },
          { messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use(
                cors({
                  allowedHeaders: ['Content-Type'],
                  origin: 'https://app.example.com',
                }),
              );
            ` }] },
        ],
      },
      {
        name: 'express: inline require(cors)() with no options',
        code: code`
          app.use(require('cors')());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 1, suggestions: [{ messageId: 'setList', output: code`
              app.use(require('cors')({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 1, suggestions: [{ messageId: 'setList', output: code`
              app.use(require('cors')({ allowedHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: 'express: route-level cors() counts too',
        code: code`
          const cors = require('cors');
          app.options('/api/items', cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              const cors = require('cors');
              app.options('/api/items', cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              const cors = require('cors');
              app.options('/api/items', cors({ allowedHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: 'express: methods only (b)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'] }));
        `,
        errors: [{ messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            app.use(cors({ allowedHeaders: ['Content-Type'], origin: 'https://app.example.com', methods: ['GET', 'POST'] }));
          ` }] }],
      },
      {
        name: 'express: allowedHeaders only (a)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type'] }));
        `,
        errors: [{ messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            app.use(cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], origin: 'https://app.example.com', allowedHeaders: ['Content-Type'] }));
          ` }] }],
      },
      {
        name: "express: methods '*' (a) on the token literal",
        code: code`
          const cors = require('cors');
          app.use(cors({
            origin: 'https://app.example.com',
            methods: '*',
            allowedHeaders: ['Content-Type'],
          }));
        `,
        errors: [{ messageId: 'wildcardMethods', line: 4, suggestions: [{ messageId: 'setList', output: code`
            const cors = require('cors');
            app.use(cors({
              origin: 'https://app.example.com',
              methods: 'GET, HEAD, PUT, PATCH, POST, DELETE',
              allowedHeaders: ['Content-Type'],
            }));
          ` }] }],
      },
      {
        name: "express: '*' element of allowedHeaders (b)",
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            methods: ['GET'],
            allowedHeaders: [
              'Content-Type',
              '*',
            ],
          }));
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 7, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            app.use(cors({
              origin: 'https://app.example.com',
              methods: ['GET'],
              allowedHeaders: ['Content-Type'],
            }));
          ` }] }],
      },
      {
        name: "express: '*' token in a comma-separated headers string",
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: 'GET,POST', allowedHeaders: 'Content-Type, *' }));
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            app.use(cors({ origin: 'https://app.example.com', methods: 'GET,POST', allowedHeaders: 'Content-Type' }));
          ` }] }],
      },
      {
        name: "express: '*' through a const chain is reported where it is written",
        code: code`
          import cors from 'cors';
          const ANY = '*';
          const METHODS = ANY;
          app.use(cors({ origin: 'https://app.example.com', methods: METHODS, allowedHeaders: ['Content-Type'] }));
        `,
        errors: [{ messageId: 'wildcardMethods', line: 2, data: { key: '`methods`', literal: ' (and with credentials it is read literally and allows none)' } }],
      },
      {
        name: "express: env list with a '*' fallback",
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: process.env.CORS_ORIGIN,
            methods: process.env.CORS_METHODS ?? '*',
            allowedHeaders: ['Content-Type'],
          }));
        `,
        errors: [{ messageId: 'wildcardMethods', line: 4 }],
      },
      {
        name: 'express: resolvable spread without allowedHeaders (b)',
        code: code`
          import cors from 'cors';
          const base = { methods: ['GET', 'POST'] };
          app.use(cors({ ...base, origin: 'https://app.example.com' }));
        `,
        errors: [{ messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            const base = { methods: ['GET', 'POST'] };
            app.use(cors({ allowedHeaders: ['Content-Type'], ...base, origin: 'https://app.example.com' }));
          ` }] }],
      },
      {
        name: 'express: options object through a const',
        code: code`
          import cors from 'cors';
          const corsOptions = {
            origin: 'https://app.example.com',
            credentials: false,
          };
          app.use(cors(corsOptions));
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              const corsOptions = {
                methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
                origin: 'https://app.example.com',
                credentials: false,
              };
              app.use(cors(corsOptions));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              const corsOptions = {
                allowedHeaders: ['Content-Type'],
                origin: 'https://app.example.com',
                credentials: false,
              };
              app.use(cors(corsOptions));
            ` }] },
        ],
      },
      {
        name: 'express: options delegate answering an object',
        code: code`
          import cors from 'cors';
          app.use(cors((req, callback) => {
            callback(null, { origin: allowlist.includes(req.header('Origin')) });
          }));
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use(cors((req, callback) => {
                callback(null, { methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], origin: allowlist.includes(req.header('Origin')) });
              }));
            ` }] },
          { messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use(cors((req, callback) => {
                callback(null, { allowedHeaders: ['Content-Type'], origin: allowlist.includes(req.header('Origin')) });
              }));
            ` }] },
        ],
      },
      {
        name: 'express: custom header missing from exposedHeaders (c), with suggestion',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            methods: ['GET'],
            allowedHeaders: ['Content-Type'],
            exposedHeaders: ['X-Total-Count'],
          }));
          app.get('/items', (req, res) => {
            res.setHeader('X-Total-Count', '10');
            res.setHeader('X-Request-Id', req.id);
            res.json([]);
          });
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 6,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from 'cors';
                  app.use(cors({
                    origin: 'https://app.example.com',
                    methods: ['GET'],
                    allowedHeaders: ['Content-Type'],
                    exposedHeaders: ['X-Total-Count', 'X-Request-Id'],
                  }));
                  app.get('/items', (req, res) => {
                    res.setHeader('X-Total-Count', '10');
                    res.setHeader('X-Request-Id', req.id);
                    res.json([]);
                  });
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: custom header with exposedHeaders absent (c) on the options object',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'] }));
          app.use((req, res, next) => {
            res.header('X-Request-Id', crypto.randomUUID());
            next();
          });
        `,
        errors: [{ messageId: 'unexposedHeader', line: 2 }],
      },
      {
        name: 'express: a custom header written in a headers object (writeHead)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: [] }));
          function send(res, body) {
            res.writeHead(200, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '10' });
            res.end(body);
          }
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 2,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: ['X-RateLimit-Remaining'] }));
                  function send(res, body) {
                    res.writeHead(200, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '10' });
                    res.end(body);
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: credentials on, Authorization missing from the list',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            credentials: true,
            methods: ['GET', 'POST'],
            allowedHeaders: ['Content-Type'],
          }));
        `,
        errors: [
          {
            messageId: 'missingCredentialsHeader',
            line: 6,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from 'cors';
                  app.use(cors({
                    origin: 'https://app.example.com',
                    credentials: true,
                    methods: ['GET', 'POST'],
                    allowedHeaders: ['Content-Type', 'Authorization'],
                  }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: "express: explicit '*' next to an opaque spread is still reported",
        code: code`
          import cors from 'cors';
          import { sharedCors } from './config.js';
          app.use(cors({ ...sharedCors, allowedHeaders: '*' }));
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'cors';
            import { sharedCors } from './config.js';
            app.use(cors({ ...sharedCors, allowedHeaders: 'Content-Type' }));
          ` }] }],
      },
      {
        name: 'express: origin from a parameter does not make the other keys opaque',
        code: code`
          import cors from 'cors';
          export function mountCors(app, origin) {
            app.use(cors({ origin, credentials: false }));
          }
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              export function mountCors(app, origin) {
                app.use(cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], origin, credentials: false }));
              }
            ` }] },
          { messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              export function mountCors(app, origin) {
                app.use(cors({ allowedHeaders: ['Content-Type'], origin, credentials: false }));
              }
            ` }] },
        ],
      },
      {
        name: 'express: two policies in one file, only the implicit one is reported',
        code: code`
          import cors from 'cors';
          app.use('/api', cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] }));
          app.use('/public', cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use('/api', cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] }));
              app.use('/public', cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use('/api', cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] }));
              app.use('/public', cors({ allowedHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: "express: credentials on make an exposedHeaders '*' literal, so the custom header is unexposed",
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            credentials: true,
            methods: ['GET'],
            allowedHeaders: ['Content-Type', 'Authorization'],
            exposedHeaders: '*',
          }));
          app.use((req, res, next) => {
            res.append('X-Request-Id', req.id);
            next();
          });
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 7,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from 'cors';
                  app.use(cors({
                    origin: 'https://app.example.com',
                    credentials: true,
                    methods: ['GET'],
                    allowedHeaders: ['Content-Type', 'Authorization'],
                    exposedHeaders: '*,X-Request-Id',
                  }));
                  app.use((req, res, next) => {
                    res.append('X-Request-Id', req.id);
                    next();
                  });
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'socket.io: options object as the only constructor argument',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server({ cors: { origin: ['https://app.example.com'], allowedHeaders: ['Content-Type'] } });
        `,
        errors: [{ messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import { Server } from 'socket.io';
            const io = new Server({ cors: { methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], origin: ['https://app.example.com'], allowedHeaders: ['Content-Type'] } });
          ` }] }],
      },
      {
        name: 'elysia: allowedHeaders true reflects the requested headers',
        code: code`
          import { cors } from '@elysiajs/cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: true }));
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import { cors } from '@elysiajs/cors';
            app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: 'Content-Type, Authorization' }));
          ` }] }],
      },
      {
        name: "raw: fetch-style Response echoing request.headers.get(ACRH) ?? ''",
        code: code`
          export function OPTIONS(request) {
            return new Response(null, {
              status: 204,
              headers: {
                'Access-Control-Allow-Origin': 'https://app.example.com',
                'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? '',
              },
            });
          }
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 6, suggestions: [{ messageId: 'setList', output: code`
            export function OPTIONS(request) {
              return new Response(null, {
                status: 204,
                headers: {
                  'Access-Control-Allow-Origin': 'https://app.example.com',
                  'Access-Control-Allow-Headers': 'Content-Type',
                },
              });
            }
          ` }] }],
      },
      {
        name: 'raw: custom header set through new Headers({...})',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: ['X-Total-Count'] }));
          export function toResponse(body) {
            return new Response(body, { headers: new Headers({ 'X-Trace-Id': traceId() }) });
          }
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 2,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposedHeaders: ['X-Total-Count', 'X-Trace-Id'] }));
                  export function toResponse(body) {
                    return new Response(body, { headers: new Headers({ 'X-Trace-Id': traceId() }) });
                  }
                `,
              },
            ],
          },
        ],
      },
      // ── requireMaxAge ─────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'requireMaxAge: maxAge absent',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            methods: ['GET'],
            allowedHeaders: ['Content-Type'],
          }));
        `,
        options: STRICT,
        errors: [{ messageId: 'maxAge', line: 2 }],
      },
      {
        name: 'requireMaxAge: maxAge 0',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            methods: ['GET'],
            allowedHeaders: ['Content-Type'],
            maxAge: 0,
          }));
        `,
        options: STRICT,
        errors: [{ messageId: 'maxAge', line: 6 }],
      },
      {
        name: 'requireMaxAge: maxAge 601',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: 601 }));
        `,
        options: STRICT,
        errors: [{ messageId: 'maxAge', line: 2 }],
      },
      {
        name: 'requireMaxAge: maxAge 86400 as arithmetic',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({
            allowMethods: ['GET'],
            allowHeaders: ['Content-Type'],
            maxAge: 60 * 60 * 24,
          }));
        `,
        options: STRICT,
        errors: [{ messageId: 'maxAge', line: 5 }],
      },
      {
        name: 'requireMaxAge: cors() with nothing set',
        code: code`
          import cors from 'cors';
          app.use(cors());
        `,
        options: STRICT,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use(cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'cors';
              app.use(cors({ allowedHeaders: ['Content-Type'] }));
            ` }] },
          { messageId: 'maxAge', line: 2 },
        ],
      },
      // ── @fastify/cors ─────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'fastify: a function of the instance returning a delegator: its answers are the options',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, () => (req, callback) => callback(null, { origin: true }));
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from '@fastify/cors';
              app.register(cors, () => (req, callback) => callback(null, { methods: ['GET', 'HEAD', 'POST'], origin: true }));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from '@fastify/cors';
              app.register(cors, () => (req, callback) => callback(null, { allowedHeaders: ['Content-Type'], origin: true }));
            ` }] },
        ],
      },
      {
        name: 'fastify: an async delegator: what it returns is the options',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, {
            hook: 'preHandler',
            delegator: async (req) => ({ origin: await originsFor(req), methods: ['GET'] }),
          });
        `,
        errors: [{ messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
            import cors from '@fastify/cors';
            app.register(cors, {
              hook: 'preHandler',
              delegator: async (req) => ({ allowedHeaders: ['Content-Type'], origin: await originsFor(req), methods: ['GET'] }),
            });
          ` }] }],
      },
      {
        name: 'fastify: register(cors) with no options, on the register call',
        code: code`
          import Fastify from 'fastify';
          import cors from '@fastify/cors';
          const app = Fastify();
          await app.register(cors);
        `,
        errors: [
          { messageId: 'defaultMethods', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import Fastify from 'fastify';
              import cors from '@fastify/cors';
              const app = Fastify();
              await app.register(cors, { methods: ['GET', 'HEAD', 'POST'] });
            ` }] },
          { messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import Fastify from 'fastify';
              import cors from '@fastify/cors';
              const app = Fastify();
              await app.register(cors, { allowedHeaders: ['Content-Type'] });
            ` }] },
        ],
      },
      {
        name: 'fastify: origin only',
        code: code`
          import fastifyCors from '@fastify/cors';
          fastify.register(fastifyCors, {
            origin: ['https://app.example.com'],
          });
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import fastifyCors from '@fastify/cors';
              fastify.register(fastifyCors, {
                methods: ['GET', 'HEAD', 'POST'],
                origin: ['https://app.example.com'],
              });
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import fastifyCors from '@fastify/cors';
              fastify.register(fastifyCors, {
                allowedHeaders: ['Content-Type'],
                origin: ['https://app.example.com'],
              });
            ` }] },
        ],
      },
      {
        name: 'fastify: named export fastifyCors',
        code: code`
          import { fastifyCors } from '@fastify/cors';
          app.register(fastifyCors, { origin: 'https://app.example.com', methods: ['GET'] });
        `,
        errors: [{ messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import { fastifyCors } from '@fastify/cors';
            app.register(fastifyCors, { allowedHeaders: ['Content-Type'], origin: 'https://app.example.com', methods: ['GET'] });
          ` }] }],
      },
      {
        name: 'fastify: inline import() registration',
        code: code`
          await app.register(import('@fastify/cors'), { origin: 'https://app.example.com', allowedHeaders: ['Content-Type'] });
        `,
        errors: [{ messageId: 'defaultMethods', line: 1, suggestions: [{ messageId: 'setList', output: code`
            await app.register(import('@fastify/cors'), { methods: ['GET', 'HEAD', 'POST'], origin: 'https://app.example.com', allowedHeaders: ['Content-Type'] });
          ` }] }],
      },
      {
        name: "fastify: methods ['*']",
        code: code`
          const cors = require('@fastify/cors');
          app.register(cors, { origin: 'https://app.example.com', methods: ['*'], allowedHeaders: ['Content-Type'] });
        `,
        errors: [{ messageId: 'wildcardMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
            const cors = require('@fastify/cors');
            app.register(cors, { origin: 'https://app.example.com', methods: ['GET', 'HEAD', 'POST'], allowedHeaders: ['Content-Type'] });
          ` }] }],
      },
      {
        name: 'fastify: reply.header sets a custom header not exposed',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, {
            origin: 'https://app.example.com',
            methods: ['GET'],
            allowedHeaders: ['Content-Type'],
            exposedHeaders: 'Content-Disposition',
          });
          app.get('/report', async (request, reply) => {
            reply.header('X-Report-Id', '42');
            return {};
          });
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 6,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from '@fastify/cors';
                  app.register(cors, {
                    origin: 'https://app.example.com',
                    methods: ['GET'],
                    allowedHeaders: ['Content-Type'],
                    exposedHeaders: 'Content-Disposition,X-Report-Id',
                  });
                  app.get('/report', async (request, reply) => {
                    reply.header('X-Report-Id', '42');
                    return {};
                  });
                `,
              },
            ],
          },
        ],
      },
      // ── hono/cors ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: "hono: app.use('*', cors()) with no options",
        code: code`
          import { Hono } from 'hono';
          import { cors } from 'hono/cors';
          const app = new Hono();
          app.use('*', cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import { Hono } from 'hono';
              import { cors } from 'hono/cors';
              const app = new Hono();
              app.use('*', cors({ allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'QUERY'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import { Hono } from 'hono';
              import { cors } from 'hono/cors';
              const app = new Hono();
              app.use('*', cors({ allowHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: 'hono: express option names leave hono defaults in place',
        code: code`
          import { cors } from 'hono/cors';
          app.use('/api/*', cors({
            origin: 'https://app.example.com',
            methods: ['GET', 'POST'],
            allowedHeaders: ['Content-Type'],
          }));
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import { cors } from 'hono/cors';
              app.use('/api/*', cors({
                allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'QUERY'],
                origin: 'https://app.example.com',
                methods: ['GET', 'POST'],
                allowedHeaders: ['Content-Type'],
              }));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import { cors } from 'hono/cors';
              app.use('/api/*', cors({
                allowHeaders: ['Content-Type'],
                origin: 'https://app.example.com',
                methods: ['GET', 'POST'],
                allowedHeaders: ['Content-Type'],
              }));
            ` }] },
        ],
      },
      {
        name: "hono: allowHeaders ['*']",
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['*'] }));
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import { cors } from 'hono/cors';
            app.use('*', cors({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));
          ` }] }],
      },
      {
        name: 'hono: inline cors({...})(c, next) form',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', async (c, next) => {
            const middleware = cors({ origin: c.env.ORIGIN, allowHeaders: ['Content-Type'] });
            return middleware(c, next);
          });
        `,
        errors: [{ messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
            import { cors } from 'hono/cors';
            app.use('*', async (c, next) => {
              const middleware = cors({ allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'QUERY'], origin: c.env.ORIGIN, allowHeaders: ['Content-Type'] });
              return middleware(c, next);
            });
          ` }] }],
      },
      {
        name: 'hono: cors({...})(c, next) called directly',
        code: code`
          import { cors } from 'hono/cors';
          app.use('/api/*', (c, next) => cors({ origin: c.env.CORS_ORIGIN })(c, next));
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import { cors } from 'hono/cors';
              app.use('/api/*', (c, next) => cors({ allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'QUERY'], origin: c.env.CORS_ORIGIN })(c, next));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import { cors } from 'hono/cors';
              app.use('/api/*', (c, next) => cors({ allowHeaders: ['Content-Type'], origin: c.env.CORS_ORIGIN })(c, next));
            ` }] },
        ],
      },
      {
        name: 'hono: c.header custom header with exposeHeaders absent',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));
          app.get('/', (c) => {
            c.header('X-Request-Id', crypto.randomUUID());
            return c.json({});
          });
        `,
        errors: [{ messageId: 'unexposedHeader', line: 2 }],
      },
      // ── @koa/cors, koa2-cors ──────────────────────────────────────────────────────────────────────────────────
      {
        name: '@koa/cors: cors() with no options',
        code: code`
          const Koa = require('koa');
          const cors = require('@koa/cors');
          const app = new Koa();
          app.use(cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 4, suggestions: [{ messageId: 'setList', output: code`
              const Koa = require('koa');
              const cors = require('@koa/cors');
              const app = new Koa();
              app.use(cors({ allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
              const Koa = require('koa');
              const cors = require('@koa/cors');
              const app = new Koa();
              app.use(cors({ allowHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: '@koa/cors: ctx.set custom header missing from a string exposeHeaders',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({ allowMethods: 'GET,POST', allowHeaders: 'Content-Type', exposeHeaders: 'X-Total-Count' }));
          app.use(async (ctx, next) => {
            const start = Date.now();
            await next();
            ctx.set('X-Response-Time', String(Date.now() - start));
          });
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 2,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  import cors from '@koa/cors';
                  app.use(cors({ allowMethods: 'GET,POST', allowHeaders: 'Content-Type', exposeHeaders: 'X-Total-Count,X-Response-Time' }));
                  app.use(async (ctx, next) => {
                    const start = Date.now();
                    await next();
                    ctx.set('X-Response-Time', String(Date.now() - start));
                  });
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'koa2-cors: cors() with no options',
        code: code`
          import cors from 'koa2-cors';
          app.use(cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'koa2-cors';
              app.use(cors({ allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors from 'koa2-cors';
              app.use(cors({ allowHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
      {
        name: "koa2-cors: allowHeaders with '*'",
        code: code`
          import cors from 'koa2-cors';
          app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['Content-Type', '*'] }));
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import cors from 'koa2-cors';
            app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));
          ` }] }],
      },
      // ── NestJS ────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'nest: enableCors() with no options, on the call',
        code: code`
          import { NestFactory } from '@nestjs/core';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule);
            app.enableCors();
            await app.listen(3000);
          }
        `,
        errors: [
          { messageId: 'defaultMethods', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import { NestFactory } from '@nestjs/core';
              async function bootstrap() {
                const app = await NestFactory.create(AppModule);
                app.enableCors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] });
                await app.listen(3000);
              }
            ` }] },
          { messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
              import { NestFactory } from '@nestjs/core';
              async function bootstrap() {
                const app = await NestFactory.create(AppModule);
                app.enableCors({ allowedHeaders: ['Content-Type'] });
                await app.listen(3000);
              }
            ` }] },
        ],
      },
      {
        name: 'nest: create(M, { cors: true }) is enableCors() with no options',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule, {
            cors: true,
          });
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3 },
          { messageId: 'defaultHeaders', line: 3 },
        ],
      },
      {
        name: 'nest: create(M, adapter, { cors: {...} }) without headers',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { ExpressAdapter } from '@nestjs/platform-express';
          const app = await NestFactory.create(AppModule, new ExpressAdapter(server), {
            cors: { origin: 'https://app.example.com', methods: ['GET', 'POST'] },
          });
        `,
        errors: [{ messageId: 'defaultHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
            import { NestFactory } from '@nestjs/core';
            import { ExpressAdapter } from '@nestjs/platform-express';
            const app = await NestFactory.create(AppModule, new ExpressAdapter(server), {
              cors: { allowedHeaders: ['Content-Type'], origin: 'https://app.example.com', methods: ['GET', 'POST'] },
            });
          ` }] }],
      },
      {
        name: 'nest: enableCors with methods only',
        code: code`
          import { Module } from '@nestjs/common';
          app.enableCors({ origin: ['https://app.example.com'], methods: 'GET,POST' });
        `,
        errors: [{ messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import { Module } from '@nestjs/common';
            app.enableCors({ allowedHeaders: ['Content-Type'], origin: ['https://app.example.com'], methods: 'GET,POST' });
          ` }] }],
      },
      // ── socket.io ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'socket.io: cors object with origin only, on the cors object',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, {
            cors: {
              origin: 'https://app.example.com',
            },
          });
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import { Server } from 'socket.io';
              const io = new Server(httpServer, {
                cors: {
                  methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
                  origin: 'https://app.example.com',
                },
              });
            ` }] },
          { messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import { Server } from 'socket.io';
              const io = new Server(httpServer, {
                cors: {
                  allowedHeaders: ['Content-Type'],
                  origin: 'https://app.example.com',
                },
              });
            ` }] },
        ],
      },
      {
        name: 'socket.io: require(socket.io)(server, { cors }) without allowedHeaders',
        code: code`
          const io = require('socket.io')(server, { cors: { origin: 'https://app.example.com', methods: ['GET', 'POST'] } });
        `,
        errors: [{ messageId: 'defaultHeaders', line: 1, suggestions: [{ messageId: 'setList', output: code`
            const io = require('socket.io')(server, { cors: { allowedHeaders: ['Content-Type'], origin: 'https://app.example.com', methods: ['GET', 'POST'] } });
          ` }] }],
      },
      {
        name: 'socket.io: cors: true',
        code: code`
          const { Server } = require('socket.io');
          const io = new Server(server, { cors: true });
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2 },
          { messageId: 'defaultHeaders', line: 2 },
        ],
      },
      // ── @elysiajs/cors ────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'elysia: cors() with no options',
        code: code`
          import { Elysia } from 'elysia';
          import { cors } from '@elysiajs/cors';
          const app = new Elysia().use(cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import { Elysia } from 'elysia';
              import { cors } from '@elysiajs/cors';
              const app = new Elysia().use(cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
              import { Elysia } from 'elysia';
              import { cors } from '@elysiajs/cors';
              const app = new Elysia().use(cors({ allowedHeaders: ['Content-Type', 'Authorization'] }));
            ` }] },
        ],
      },
      // ── raw headers ───────────────────────────────────────────────────────────────────────────────────────────
      {
        name: "raw: express res.setHeader Allow-Methods with '*'",
        code: code`
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            res.setHeader('Access-Control-Allow-Methods', 'GET, POST, *');
            res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
            next();
          });
        `,
        errors: [{ messageId: 'wildcardMethods', line: 3 }],
      },
      {
        name: 'raw: express Allow-Headers echoes Access-Control-Request-Headers',
        code: code`
          app.use((req, res, next) => {
            res.header('Access-Control-Allow-Origin', 'https://app.example.com');
            res.header('Access-Control-Allow-Headers', req.headers['access-control-request-headers']);
            next();
          });
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
            app.use((req, res, next) => {
              res.header('Access-Control-Allow-Origin', 'https://app.example.com');
              res.header('Access-Control-Allow-Headers', 'Content-Type');
              next();
            });
          ` }] }],
      },
      {
        name: "raw: Allow-Headers echoes the request's ACRH with `?? ''`",
        code: code`
          export function withCors(req, res) {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            res.setHeader('Access-Control-Allow-Methods', 'GET,POST');
            res.setHeader(
              'Access-Control-Allow-Headers',
              req.headers['access-control-request-headers'] ?? '',
            );
          }
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 6, suggestions: [{ messageId: 'setList', output: code`
            export function withCors(req, res) {
              res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
              res.setHeader('Access-Control-Allow-Methods', 'GET,POST');
              res.setHeader(
                'Access-Control-Allow-Headers',
                'Content-Type',
              );
            }
          ` }] }],
      },
      {
        name: 'raw: Allow-Headers from req.header(...) via a const',
        code: code`
          app.options('/api/*', (req, res) => {
            const requested = req.header('Access-Control-Request-Headers');
            res.set('Access-Control-Allow-Origin', 'https://app.example.com');
            res.set('Access-Control-Allow-Headers', requested || 'Content-Type');
            res.sendStatus(204);
          });
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
            app.options('/api/*', (req, res) => {
              const requested = req.header('Access-Control-Request-Headers');
              res.set('Access-Control-Allow-Origin', 'https://app.example.com');
              res.set('Access-Control-Allow-Headers', 'Content-Type');
              res.sendStatus(204);
            });
          ` }] }],
      },
      {
        name: 'raw: fastify reply.header with wildcard Allow-Headers',
        code: code`
          fastify.addHook('onSend', async (request, reply) => {
            reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
            reply.header('Access-Control-Allow-Headers', '*');
          });
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 3 }],
      },
      {
        name: 'raw: hono c.header echoes the request headers',
        code: code`
          app.options('*', (c) => {
            c.header('Access-Control-Allow-Origin', 'https://app.example.com');
            c.header('Access-Control-Allow-Headers', c.req.header('Access-Control-Request-Headers'));
            return c.body(null, 204);
          });
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 3, suggestions: [{ messageId: 'setList', output: code`
            app.options('*', (c) => {
              c.header('Access-Control-Allow-Origin', 'https://app.example.com');
              c.header('Access-Control-Allow-Headers', 'Content-Type');
              return c.body(null, 204);
            });
          ` }] }],
      },
      {
        name: 'raw: koa ctx.set({...}) echoes the request headers',
        code: code`
          app.use(async (ctx, next) => {
            ctx.set({
              'Access-Control-Allow-Origin': 'https://app.example.com',
              'Access-Control-Allow-Headers': ctx.get('Access-Control-Request-Headers'),
            });
            await next();
          });
        `,
        errors: [{ messageId: 'reflectedHeaders', line: 4, suggestions: [{ messageId: 'setList', output: code`
            app.use(async (ctx, next) => {
              ctx.set({
                'Access-Control-Allow-Origin': 'https://app.example.com',
                'Access-Control-Allow-Headers': 'Content-Type',
              });
              await next();
            });
          ` }] }],
      },
      {
        name: "raw: node writeHead with Allow-Methods '*'",
        code: code`
          import http from 'node:http';
          http.createServer((req, res) => {
            res.writeHead(204, {
              'Access-Control-Allow-Origin': 'https://app.example.com',
              'Access-Control-Allow-Methods': '*',
            });
            res.end();
          });
        `,
        errors: [{ messageId: 'wildcardMethods', line: 5 }],
      },
      {
        name: "raw: new Response(..., { headers }) from a const object with '*'",
        code: code`
          const CORS_HEADERS = {
            'Access-Control-Allow-Origin': 'https://app.example.com',
            'Access-Control-Allow-Headers': 'Content-Type, *',
          };
          export async function OPTIONS() {
            return new Response(null, { status: 204, headers: CORS_HEADERS });
          }
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 3 }],
      },
      {
        name: 'raw: custom header not in Expose-Headers (c), with suggestion',
        code: code`
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count');
            res.setHeader('X-Request-Id', req.id);
            next();
          });
        `,
        errors: [
          {
            messageId: 'unexposedHeader',
            line: 3,
            suggestions: [
              {
                messageId: 'addHeader',
                output: code`
                  app.use((req, res, next) => {
                    res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
                    res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count,X-Request-Id');
                    res.setHeader('X-Request-Id', req.id);
                    next();
                  });
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'raw: custom header with no Expose-Headers at all (c)',
        code: code`
          export async function GET() {
            return new Response('{}', {
              headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', 'X-Cache': 'HIT' },
            });
          }
        `,
        errors: [{ messageId: 'unexposedHeader', line: 3 }],
      },
      // ── Next.js ───────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: "next: Allow-Headers '*' in next.config.js",
        filename: 'next.config.js',
        code: code`
          module.exports = {
            async headers() {
              return [
                {
                  source: '/api/:path*',
                  headers: [
                    { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
                    { key: 'Access-Control-Allow-Methods', value: 'GET,POST' },
                    { key: 'Access-Control-Allow-Headers', value: '*' },
                  ],
                },
              ];
            },
          };
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 9 }],
      },
      {
        name: "next: Allow-Methods '*' in next.config.mjs (arrow headers)",
        filename: 'next.config.mjs',
        code: code`
          const nextConfig = {
            headers: async () => [
              {
                source: '/:path*',
                headers: [
                  { key: 'access-control-allow-origin', value: 'https://app.example.com' },
                  { key: 'Access-Control-Allow-Methods', value: 'GET, *' },
                ],
              },
            ],
          };
          export default nextConfig;
        `,
        errors: [{ messageId: 'wildcardMethods', line: 7 }],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with explicit lists and as const',
        code: code`
          import cors, { type CorsOptions } from 'cors';
          const corsOptions: CorsOptions = {
            origin: 'https://app.example.com',
            methods: ['GET', 'POST'] as const as unknown as string[],
            allowedHeaders: ['Content-Type'],
          };
          app.use(cors(corsOptions));
        `,
      },
      {
        name: 'ts: import = require with explicit options',
        code: code`
          import cors = require('cors');
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'] }));
        `,
      },
      {
        name: 'ts: imported typed options are opaque',
        code: code`
          import cors from 'cors';
          import { corsOptions } from './cors.config';
          app.use(cors(corsOptions as cors.CorsOptions));
        `,
      },
    ],
    invalid: [
      {
        name: 'ts: CorsOptions-typed object, also passed to cors (reported once)',
        code: code`
          import cors, { type CorsOptions } from 'cors';
          const corsOptions: CorsOptions = {
            origin: 'https://app.example.com',
          };
          app.use(cors(corsOptions));
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors, { type CorsOptions } from 'cors';
              const corsOptions: CorsOptions = {
                methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
                origin: 'https://app.example.com',
              };
              app.use(cors(corsOptions));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors, { type CorsOptions } from 'cors';
              const corsOptions: CorsOptions = {
                allowedHeaders: ['Content-Type'],
                origin: 'https://app.example.com',
              };
              app.use(cors(corsOptions));
            ` }] },
        ],
      },
      {
        name: 'ts: CorsOptions-typed object not passed to any API',
        code: code`
          import type { CorsOptions } from 'cors';
          export const corsOptions: CorsOptions = { origin: 'https://app.example.com', methods: ['GET'] };
        `,
        errors: [{ messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import type { CorsOptions } from 'cors';
            export const corsOptions: CorsOptions = { allowedHeaders: ['Content-Type'], origin: 'https://app.example.com', methods: ['GET'] };
          ` }] }],
      },
      {
        name: 'ts: satisfies CorsOptions',
        code: code`
          import type { CorsOptions } from 'cors';
          export default { origin: 'https://app.example.com', allowedHeaders: ['Content-Type'] } satisfies CorsOptions;
        `,
        errors: [{ messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import type { CorsOptions } from 'cors';
            export default { methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], origin: 'https://app.example.com', allowedHeaders: ['Content-Type'] } satisfies CorsOptions;
          ` }] }],
      },
      {
        name: "ts: wrappers around a '*' list are transparent",
        code: code`
          import cors from 'cors';
          const HEADERS = ['*'] as const;
          app.use(cors({ origin: 'https://app.example.com', methods: ['GET'] satisfies string[], allowedHeaders: HEADERS! as unknown as string[] }));
        `,
        errors: [{ messageId: 'wildcardHeaders', line: 2 }],
      },
      {
        name: 'ts: FastifyCorsOptions-typed object',
        code: code`
          import type { FastifyCorsOptions } from '@fastify/cors';
          export const corsOptions: FastifyCorsOptions = { origin: ['https://app.example.com'], allowedHeaders: ['Content-Type'] };
        `,
        errors: [{ messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import type { FastifyCorsOptions } from '@fastify/cors';
            export const corsOptions: FastifyCorsOptions = { methods: ['GET', 'HEAD', 'POST'], origin: ['https://app.example.com'], allowedHeaders: ['Content-Type'] };
          ` }] }],
      },
      {
        name: 'ts: Nest CorsOptions from a subpath specifier',
        code: code`
          import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
          export const corsOptions: CorsOptions = { origin: 'https://app.example.com', methods: ['GET', 'POST'] };
        `,
        errors: [{ messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
            import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
            export const corsOptions: CorsOptions = { allowedHeaders: ['Content-Type'], origin: 'https://app.example.com', methods: ['GET', 'POST'] };
          ` }] }],
      },
      {
        name: 'ts: import cors = require(cors) with no options',
        code: code`
          import cors = require('cors');
          app.use(cors());
        `,
        errors: [
          { messageId: 'defaultMethods', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors = require('cors');
              app.use(cors({ methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
            ` }] },
          { messageId: 'defaultHeaders', line: 2, suggestions: [{ messageId: 'setList', output: code`
              import cors = require('cors');
              app.use(cors({ allowedHeaders: ['Content-Type'] }));
            ` }] },
        ],
      },
    ],
  },
});
