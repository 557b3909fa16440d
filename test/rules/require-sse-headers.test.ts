import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-sse-headers.js';
import { runBoth } from '../rule-tester.js';

const add = (output: string) => [{ messageId: 'addHeader' as const, output }];

/** Both findings on one allowed-headers value: Last-Event-ID first, then Cache-Control. */
function missingBoth(line: number, withLastEventId: string, withCacheControl: string) {
  return [
    { messageId: 'missingLastEventId' as const, line, suggestions: add(withLastEventId) },
    { messageId: 'missingCacheControl' as const, line, suggestions: add(withCacheControl) },
  ];
}

/** CommonJS scope analysis (ESLint honours `sourceType` here; the tester's type does not declare it). */
const COMMONJS = { sourceType: 'commonjs' } as TestLanguageOptions;

runBoth('require-sse-headers', rule, {
  both: {
    valid: [
      // ---------------------------------------------------------------- files that do not serve SSE
      {
        name: 'no SSE: explicit list without Last-Event-ID in a file that serves no event stream',
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], allowedHeaders: ['Content-Type', 'Authorization'] }));
app.get('/items', (req, res) => res.json([]));`,
      },
      {
        name: 'no SSE: text/event-stream only in a comment',
        code: `import cors from 'cors';
// res.setHeader('Content-Type', 'text/event-stream');
/* SSE endpoint (text/event-stream) moved to the stream service */
app.use(cors({ origin: ['https://app.example.com'], allowedHeaders: ['Content-Type'] }));`,
      },
      {
        name: 'no SSE: a local streamSSE function is not hono/streaming',
        code: `import { cors } from 'hono/cors';
import { streamSSE } from './sse.js';
app.use('*', cors({ origin: ['https://app.example.com'], allowHeaders: ['Content-Type'] }));
app.get('/events', (c) => streamSSE(c, async () => {}));`,
      },
      // ---------------------------------------------------------------- express `cors`
      {
        name: 'express: list with Last-Event-ID and Cache-Control',
        code: `import cors from 'cors';
app.use(cors({
  origin: ['https://app.example.com'],
  allowedHeaders: ['Content-Type', 'Authorization', 'Last-Event-ID', 'Cache-Control'],
}));
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  res.flushHeaders();
});`,
      },
      {
        name: 'express: header names compare case-insensitively in a comma-separated string',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: 'content-type, last-event-id,cache-control' }));
app.get('/stream', (req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }));`,
      },
      {
        name: "express: absent allowedHeaders is require-explicit-headers' business",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'express: cors() without options',
        code: `import cors from 'cors';
app.use(cors());
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'express: allowedHeaders from an environment variable (opaque)',
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], allowedHeaders: process.env.CORS_HEADERS.split(',') }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'express: imported options (opaque)',
        code: `import cors from 'cors';
import { corsOptions } from './cors-options.js';
app.use(cors(corsOptions));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: "express: a list with '*' is left alone (require-explicit-headers reports it)",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], allowedHeaders: ['*'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'express: OPTIONS missing from methods and X-Accel-Buffering not exposed are not asked for',
        code: `import cors from 'cors';
app.use(cors({
  origin: ['https://app.example.com'],
  methods: ['GET', 'POST'],
  allowedHeaders: ['Content-Type', 'Last-Event-ID', 'Cache-Control'],
  exposedHeaders: [],
}));
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('X-Accel-Buffering', 'no');
});`,
      },
      {
        name: 'import: a local cors function is not a CORS API',
        code: `const cors = (options) => (req, res, next) => next();
app.use(cors({ allowedHeaders: ['Content-Type'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'import: cors from another module is not a CORS API',
        code: `import { cors } from './middleware/cors.js';
app.use(cors({ allowedHeaders: ['Content-Type'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      // ---------------------------------------------------------------- other frameworks
      {
        name: 'hono: streamSSE with a complete allowHeaders list',
        code: `import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
app.use('*', cors({ origin: ['https://app.example.com'], allowHeaders: ['Content-Type', 'Last-Event-ID', 'Cache-Control'] }));
app.get('/sse', (c) => streamSSE(c, async (stream) => {
  await stream.writeSSE({ data: 'hello' });
}));`,
      },
      {
        name: 'socket.io: no cors key in a file that also serves SSE',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer);
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'elysia: allowedHeaders true reflects the request (not a list)',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'app.example.com', allowedHeaders: true })).get('/events', () => new Response(stream, { headers: { 'content-type': 'text/event-stream' } }));`,
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: 'raw: Allow-Headers with both headers',
        code: `app.get('/events', (req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Access-Control-Allow-Origin': 'https://app.example.com',
    'Access-Control-Allow-Headers': 'Last-Event-ID, Cache-Control, Authorization',
  });
});`,
      },
      {
        name: "raw: Allow-Headers echoing Access-Control-Request-Headers without a fallback",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers']);
  next();
});
app.get('/events', (req, res) => res.setHeader('Content-Type', 'text/event-stream'));`,
      },
      {
        name: "raw: Allow-Headers echoing the request's Access-Control-Request-Headers with a '' fallback is not a list (3a)",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '');
  next();
});
app.get('/events', (req, res) => res.setHeader('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'raw: Allow-Headers written without Allow-Origin in the group is no policy',
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  next();
});
app.get('/events', (req, res) => res.setHeader('Content-Type', 'text/event-stream'));`,
      },
      {
        name: 'raw: no Allow-Headers header at all',
        code: `app.get('/events', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Content-Type', 'text/event-stream');
});`,
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: 'next: Allow-Headers list in a next.config file that serves no SSE',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [{
      source: '/api/:path*',
      headers: [
        { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
        { key: 'Access-Control-Allow-Headers', value: 'Content-Type' },
      ],
    }];
  },
};`,
      },
    ],
    invalid: [
      // ---------------------------------------------------------------- express `cors`
      {
        name: 'express: allowedHeaders array without Last-Event-ID and Cache-Control',
        code: `import cors from 'cors';
app.use(cors({
  origin: ['https://app.example.com'],
  allowedHeaders: ['Content-Type', 'Authorization'],
}));
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
});`,
        errors: missingBoth(
          4,
          `import cors from 'cors';
app.use(cors({
  origin: ['https://app.example.com'],
  allowedHeaders: ['Content-Type', 'Authorization', 'Last-Event-ID'],
}));
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
});`,
          `import cors from 'cors';
app.use(cors({
  origin: ['https://app.example.com'],
  allowedHeaders: ['Content-Type', 'Authorization', 'Cache-Control'],
}));
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
});`,
        ),
      },
      {
        name: 'express: comma-separated allowedHeaders string',
        code: `import cors from 'cors';
app.use(cors({ allowedHeaders: 'Content-Type,Authorization' }));
app.get('/events', (req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }));`,
        errors: missingBoth(
          2,
          `import cors from 'cors';
app.use(cors({ allowedHeaders: 'Content-Type,Authorization,Last-Event-ID' }));
app.get('/events', (req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }));`,
          `import cors from 'cors';
app.use(cors({ allowedHeaders: 'Content-Type,Authorization,Cache-Control' }));
app.get('/events', (req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }));`,
        ),
      },
      {
        name: 'express: Last-Event-ID listed but Cache-Control missing (product decision)',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'Last-Event-ID'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingCacheControl', line: 2, suggestions: add(`import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'Last-Event-ID', 'Cache-Control'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'express: Cache-Control listed but Last-Event-ID missing',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'Cache-Control'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 2, suggestions: add(`import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'Cache-Control', 'Last-Event-ID'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'express: the headers alias',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', headers: ['Authorization', 'Cache-Control'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 2, suggestions: add(`import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', headers: ['Authorization', 'Cache-Control', 'Last-Event-ID'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'express: empty allowedHeaders list',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: [] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: missingBoth(
          2,
          `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Last-Event-ID'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
          `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: ['Cache-Control'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        ),
      },
      {
        name: 'express: const list declared elsewhere is reported (and fixed) at the const',
        code: `import cors from 'cors';
const ALLOWED_HEADERS = ['Content-Type', 'Authorization'];
const corsOptions = { origin: 'https://app.example.com', allowedHeaders: ALLOWED_HEADERS };
app.use(cors(corsOptions));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: missingBoth(
          2,
          `import cors from 'cors';
const ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'Last-Event-ID'];
const corsOptions = { origin: 'https://app.example.com', allowedHeaders: ALLOWED_HEADERS };
app.use(cors(corsOptions));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
          `import cors from 'cors';
const ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'Cache-Control'];
const corsOptions = { origin: 'https://app.example.com', allowedHeaders: ALLOWED_HEADERS };
app.use(cors(corsOptions));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        ),
      },
      {
        name: 'express: allowedHeaders from a spread const object',
        code: `import cors from 'cors';
const base = { allowedHeaders: ['Authorization'] };
app.use(cors({ ...base, origin: 'https://app.example.com' }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: missingBoth(
          2,
          `import cors from 'cors';
const base = { allowedHeaders: ['Authorization', 'Last-Event-ID'] };
app.use(cors({ ...base, origin: 'https://app.example.com' }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
          `import cors from 'cors';
const base = { allowedHeaders: ['Authorization', 'Cache-Control'] };
app.use(cors({ ...base, origin: 'https://app.example.com' }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        ),
      },
      {
        name: 'express: SSE shown by a template literal and an Accept check',
        code: `import cors from 'cors';
app.use(cors({ allowedHeaders: ['Content-Type', 'Cache-Control'] }));
app.get('/feed', (req, res) => {
  if (req.headers.accept === \`text/event-stream\`) res.type('text/event-stream');
});`,
        errors: [{ messageId: 'missingLastEventId', line: 2, suggestions: add(`import cors from 'cors';
app.use(cors({ allowedHeaders: ['Content-Type', 'Cache-Control', 'Last-Event-ID'] }));
app.get('/feed', (req, res) => {
  if (req.headers.accept === \`text/event-stream\`) res.type('text/event-stream');
});`) }],
      },
      {
        name: 'express: env var with a literal fallback list contributes the fallback',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: process.env.CORS_HEADERS || 'Content-Type, Cache-Control' }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 2, suggestions: add(`import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', allowedHeaders: process.env.CORS_HEADERS || 'Content-Type, Cache-Control, Last-Event-ID' }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'express: a ternary branch without Last-Event-ID',
        code: `import cors from 'cors';
const isDev = process.env.NODE_ENV !== 'production';
app.use(cors({
  origin: 'https://app.example.com',
  allowedHeaders: isDev ? ['Content-Type', 'Last-Event-ID', 'Cache-Control'] : ['Content-Type', 'Cache-Control'],
}));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 5, suggestions: add(`import cors from 'cors';
const isDev = process.env.NODE_ENV !== 'production';
app.use(cors({
  origin: 'https://app.example.com',
  allowedHeaders: isDev ? ['Content-Type', 'Last-Event-ID', 'Cache-Control'] : ['Content-Type', 'Cache-Control', 'Last-Event-ID'],
}));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'import: require in CommonJS',
        filename: 'server.cjs',
        languageOptions: COMMONJS,
        code: `const cors = require('cors');
app.use(cors({ allowedHeaders: ['Last-Event-ID'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingCacheControl', line: 2, suggestions: add(`const cors = require('cors');
app.use(cors({ allowedHeaders: ['Last-Event-ID', 'Cache-Control'] }));
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'import: aliased hono cors with streamSSE',
        code: `import { cors as corsMiddleware } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
app.use('*', corsMiddleware({ allowHeaders: ['Last-Event-ID'] }));
app.get('/sse', (c) => streamSSE(c, async () => {}));`,
        errors: [{ messageId: 'missingCacheControl', line: 3, suggestions: add(`import { cors as corsMiddleware } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
app.use('*', corsMiddleware({ allowHeaders: ['Last-Event-ID', 'Cache-Control'] }));
app.get('/sse', (c) => streamSSE(c, async () => {}));`) }],
      },
      {
        name: 'import: fastify inline import() plugin',
        code: `await app.register(import('@fastify/cors'), { allowedHeaders: 'Authorization' });
app.get('/events', (request, reply) => reply.header('content-type', 'text/event-stream'));`,
        errors: missingBoth(
          1,
          `await app.register(import('@fastify/cors'), { allowedHeaders: 'Authorization,Last-Event-ID' });
app.get('/events', (request, reply) => reply.header('content-type', 'text/event-stream'));`,
          `await app.register(import('@fastify/cors'), { allowedHeaders: 'Authorization,Cache-Control' });
app.get('/events', (request, reply) => reply.header('content-type', 'text/event-stream'));`,
        ),
      },
      // ---------------------------------------------------------------- @fastify/cors
      {
        name: 'fastify: allowedHeaders without Last-Event-ID',
        code: `import cors from '@fastify/cors';
await app.register(cors, { origin: ['https://app.example.com'], allowedHeaders: ['Content-Type', 'Cache-Control'] });
app.get('/events', (request, reply) => {
  reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream' });
});`,
        errors: [{ messageId: 'missingLastEventId', line: 2, suggestions: add(`import cors from '@fastify/cors';
await app.register(cors, { origin: ['https://app.example.com'], allowedHeaders: ['Content-Type', 'Cache-Control', 'Last-Event-ID'] });
app.get('/events', (request, reply) => {
  reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream' });
});`) }],
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: 'hono: streamSSE from hono/streaming with an incomplete allowHeaders list',
        code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
const app = new Hono();
app.use('*', cors({ origin: ['https://app.example.com'], allowHeaders: ['Content-Type'] }));
app.get('/sse', (c) => streamSSE(c, async (stream) => {
  await stream.writeSSE({ data: 'tick' });
}));`,
        errors: missingBoth(
          5,
          `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
const app = new Hono();
app.use('*', cors({ origin: ['https://app.example.com'], allowHeaders: ['Content-Type', 'Last-Event-ID'] }));
app.get('/sse', (c) => streamSSE(c, async (stream) => {
  await stream.writeSSE({ data: 'tick' });
}));`,
          `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
const app = new Hono();
app.use('*', cors({ origin: ['https://app.example.com'], allowHeaders: ['Content-Type', 'Cache-Control'] }));
app.get('/sse', (c) => streamSSE(c, async (stream) => {
  await stream.writeSSE({ data: 'tick' });
}));`,
        ),
      },
      {
        name: 'hono: aliased streamSSE import',
        code: `import { cors } from 'hono/cors';
import { streamSSE as sse } from 'hono/streaming';
app.use('*', cors({ allowHeaders: ['Authorization', 'Cache-Control'] }));
app.get('/sse', (c) => sse(c, async () => {}));`,
        errors: [{ messageId: 'missingLastEventId', line: 3, suggestions: add(`import { cors } from 'hono/cors';
import { streamSSE as sse } from 'hono/streaming';
app.use('*', cors({ allowHeaders: ['Authorization', 'Cache-Control', 'Last-Event-ID'] }));
app.get('/sse', (c) => sse(c, async () => {}));`) }],
      },
      // ---------------------------------------------------------------- @koa/cors
      {
        name: '@koa/cors: allowHeaders string in a koa SSE file',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: 'https://app.example.com', allowHeaders: 'Content-Type, Authorization' }));
router.get('/events', (ctx) => {
  ctx.type = 'text/event-stream';
});`,
        errors: missingBoth(
          2,
          `import cors from '@koa/cors';
app.use(cors({ origin: 'https://app.example.com', allowHeaders: 'Content-Type, Authorization, Last-Event-ID' }));
router.get('/events', (ctx) => {
  ctx.type = 'text/event-stream';
});`,
          `import cors from '@koa/cors';
app.use(cors({ origin: 'https://app.example.com', allowHeaders: 'Content-Type, Authorization, Cache-Control' }));
router.get('/events', (ctx) => {
  ctx.type = 'text/event-stream';
});`,
        ),
      },
      // ---------------------------------------------------------------- koa2-cors
      {
        name: 'koa2-cors: allowHeaders array',
        code: `import cors from 'koa2-cors';
app.use(cors({ origin: () => 'https://app.example.com', allowHeaders: ['Content-Type', 'Last-Event-ID'] }));
router.get('/events', (ctx) => ctx.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingCacheControl', line: 2, suggestions: add(`import cors from 'koa2-cors';
app.use(cors({ origin: () => 'https://app.example.com', allowHeaders: ['Content-Type', 'Last-Event-ID', 'Cache-Control'] }));
router.get('/events', (ctx) => ctx.set('Content-Type', 'text/event-stream'));`) }],
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: enableCors allowedHeaders',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['https://app.example.com'], allowedHeaders: ['Content-Type', 'Cache-Control'] });
export const SSE_CONTENT_TYPE = 'text/event-stream';`,
        errors: [{ messageId: 'missingLastEventId', line: 3, suggestions: add(`import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['https://app.example.com'], allowedHeaders: ['Content-Type', 'Cache-Control', 'Last-Event-ID'] });
export const SSE_CONTENT_TYPE = 'text/event-stream';`) }],
      },
      {
        name: 'nestjs: create(M, { cors }) allowedHeaders',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, {
  cors: { origin: 'https://app.example.com', allowedHeaders: 'Authorization, Cache-Control' },
});
app.use('/events', (req, res) => res.setHeader('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 3, suggestions: add(`import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, {
  cors: { origin: 'https://app.example.com', allowedHeaders: 'Authorization, Cache-Control, Last-Event-ID' },
});
app.use('/events', (req, res) => res.setHeader('Content-Type', 'text/event-stream'));`) }],
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: 'socket.io: cors allowedHeaders in a file that also serves SSE',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: 'https://app.example.com', allowedHeaders: ['x-token', 'Cache-Control'] } });
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 2, suggestions: add(`import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: 'https://app.example.com', allowedHeaders: ['x-token', 'Cache-Control', 'Last-Event-ID'] } });
app.get('/events', (req, res) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      // ---------------------------------------------------------------- @elysiajs/cors
      {
        name: 'elysia: allowedHeaders list',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia()
  .use(cors({ origin: 'app.example.com', allowedHeaders: ['Content-Type', 'Cache-Control'] }))
  .get('/events', ({ set }) => { set.headers['content-type'] = 'text/event-stream'; });`,
        errors: [{ messageId: 'missingLastEventId', line: 4, suggestions: add(`import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia()
  .use(cors({ origin: 'app.example.com', allowedHeaders: ['Content-Type', 'Cache-Control', 'Last-Event-ID'] }))
  .get('/events', ({ set }) => { set.headers['content-type'] = 'text/event-stream'; });`) }],
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: 'raw: express setHeader Allow-Headers in an SSE handler',
        code: `app.get('/events', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  res.setHeader('Content-Type', 'text/event-stream');
});`,
        errors: missingBoth(
          3,
          `app.get('/events', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Last-Event-ID');
  res.setHeader('Content-Type', 'text/event-stream');
});`,
          `app.get('/events', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Cache-Control');
  res.setHeader('Content-Type', 'text/event-stream');
});`,
        ),
      },
      {
        name: 'raw: node http writeHead header object',
        code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Cache-Control',
  });
}).listen(8080);`,
        errors: [{ messageId: 'missingLastEventId', line: 6, suggestions: add(`import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Cache-Control,Last-Event-ID',
  });
}).listen(8080);`) }],
      },
      {
        name: 'raw: new Response with a const header object',
        code: `const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Access-Control-Allow-Origin': 'https://app.example.com',
  'Access-Control-Allow-Headers': 'Last-Event-ID',
};
export function GET() {
  return new Response(stream, { headers: SSE_HEADERS });
}`,
        errors: [{ messageId: 'missingCacheControl', line: 4, suggestions: add(`const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Access-Control-Allow-Origin': 'https://app.example.com',
  'Access-Control-Allow-Headers': 'Last-Event-ID,Cache-Control',
};
export function GET() {
  return new Response(stream, { headers: SSE_HEADERS });
}`) }],
      },
      {
        name: 'raw: hono c.header in a streamSSE route',
        code: `import { streamSSE } from 'hono/streaming';
app.get('/sse', (c) => {
  c.header('Access-Control-Allow-Origin', 'https://app.example.com');
  c.header('Access-Control-Allow-Headers', 'Cache-Control');
  return streamSSE(c, async () => {});
});`,
        errors: [{ messageId: 'missingLastEventId', line: 4, suggestions: add(`import { streamSSE } from 'hono/streaming';
app.get('/sse', (c) => {
  c.header('Access-Control-Allow-Origin', 'https://app.example.com');
  c.header('Access-Control-Allow-Headers', 'Cache-Control,Last-Event-ID');
  return streamSSE(c, async () => {});
});`) }],
      },
      {
        name: 'raw: koa ctx.set header object',
        code: `router.get('/events', (ctx) => {
  ctx.set({
    'Content-Type': 'text/event-stream',
    'Access-Control-Allow-Origin': 'https://app.example.com',
    'Access-Control-Allow-Headers': 'Authorization, Last-Event-ID',
  });
});`,
        errors: [{ messageId: 'missingCacheControl', line: 5, suggestions: add(`router.get('/events', (ctx) => {
  ctx.set({
    'Content-Type': 'text/event-stream',
    'Access-Control-Allow-Origin': 'https://app.example.com',
    'Access-Control-Allow-Headers': 'Authorization, Last-Event-ID, Cache-Control',
  });
});`) }],
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: 'next: entry with an incomplete Allow-Headers value in a next.config that serves SSE',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [{
      source: '/api/stream',
      headers: [
        { key: 'Content-Type', value: 'text/event-stream' },
        { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
        { key: 'Access-Control-Allow-Headers', value: 'Content-Type, Cache-Control' },
      ],
    }];
  },
};`,
        errors: [{ messageId: 'missingLastEventId', line: 8, suggestions: add(`module.exports = {
  async headers() {
    return [{
      source: '/api/stream',
      headers: [
        { key: 'Content-Type', value: 'text/event-stream' },
        { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
        { key: 'Access-Control-Allow-Headers', value: 'Content-Type, Cache-Control, Last-Event-ID' },
      ],
    }];
  },
};`) }],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with a complete list',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = { allowedHeaders: ['Last-Event-ID', 'Cache-Control'] as string[] };
export const SSE = 'text/event-stream';`,
      },
    ],
    invalid: [
      {
        name: 'ts: typed CorsOptions object not passed to an API',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: 'https://app.example.com',
  allowedHeaders: ['Content-Type', 'Last-Event-ID'],
};
export const SSE = 'text/event-stream';`,
        errors: [{ messageId: 'missingCacheControl', line: 4, suggestions: add(`import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: 'https://app.example.com',
  allowedHeaders: ['Content-Type', 'Last-Event-ID', 'Cache-Control'],
};
export const SSE = 'text/event-stream';`) }],
      },
      {
        name: 'ts: as const list',
        code: `import cors from 'cors';
const HEADERS = ['Content-Type', 'Cache-Control'] as const;
app.use(cors({ allowedHeaders: [...HEADERS] }));
app.get('/events', (req: Request, res: Response) => res.set('Content-Type', 'text/event-stream'));`,
        errors: [{ messageId: 'missingLastEventId', line: 3, suggestions: add(`import cors from 'cors';
const HEADERS = ['Content-Type', 'Cache-Control'] as const;
app.use(cors({ allowedHeaders: [...HEADERS, 'Last-Event-ID'] }));
app.get('/events', (req: Request, res: Response) => res.set('Content-Type', 'text/event-stream'));`) }],
      },
      {
        name: 'ts: import cors = require(cors)',
        code: `import cors = require('cors');
app.use(cors({ allowedHeaders: ['Last-Event-ID'] satisfies string[] }));
res.setHeader('Content-Type', 'text/event-stream');`,
        errors: [{ messageId: 'missingCacheControl', line: 2, suggestions: add(`import cors = require('cors');
app.use(cors({ allowedHeaders: ['Last-Event-ID', 'Cache-Control'] satisfies string[] }));
res.setHeader('Content-Type', 'text/event-stream');`) }],
      },
    ],
  },
});
