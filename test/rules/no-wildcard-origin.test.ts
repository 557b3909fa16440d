import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-wildcard-origin.js';
import { runBoth } from '../rule-tester.js';

/** What the `useEnvironmentAllowlist` suggestion writes for frameworks that accept an origin array. */
const ENV_LIST = "(process.env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)";
/** What it writes for koa packages (origin functions only). */
const KOA_ALLOWLIST = `(ctx) => (${ENV_LIST}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')`;

const allowlist = (output: string) => [{ messageId: 'useEnvironmentAllowlist' as const, output }];

/** CommonJS scope analysis (ESLint honours `sourceType` here; the tester's type does not declare it). */
const COMMONJS = { sourceType: 'commonjs' } as TestLanguageOptions;

runBoth('no-wildcard-origin', rule, {
  both: {
    valid: [
      // ---------------------------------------------------------------- express `cors`
      {
        name: 'express: listed string origin',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com' }));`,
      },
      {
        name: 'express: origin true with credentials is left to no-credentials-with-wildcard',
        code: `import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));`,
      },
      {
        name: 'express: origin false disables CORS',
        code: `import cors from 'cors';
app.use(cors({ origin: false }));`,
      },
      {
        name: 'express: anchored regex with escaped dots is listed',
        code: `import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/(app|admin)\\.example\\.com$/ }));`,
      },
      {
        name: "express: '*' element in an origin array matches nothing (valid-options reports it)",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', '*'] }));`,
      },
      {
        name: 'express: origin from an environment variable without fallback is opaque',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));`,
      },
      {
        name: 'express: origin list split from an environment variable is opaque',
        code: `import cors from 'cors';
const origins = (process.env.CORS_ORIGINS ?? '').split(',');
app.use(cors({ origin: origins }));`,
      },
      {
        name: 'express: imported options object is opaque',
        code: `import cors from 'cors';
import { corsOptions } from './config/cors.js';
app.use(cors(corsOptions));`,
      },
      {
        name: 'express: spread of imported options makes no key absent',
        code: `import cors from 'cors';
import { sharedCors } from './config.js';
app.use(cors({ ...sharedCors, credentials: true }));`,
      },
      {
        name: 'express: origin from a function parameter is opaque',
        code: `import cors from 'cors';
export function corsFor(origin) {
  return cors({ origin });
}`,
      },
      {
        name: 'express: options from a function parameter are opaque',
        code: `import cors from 'cors';
export const withCors = (options) => cors(options);`,
      },
      {
        name: 'express: origin from config.get() is opaque',
        code: `import cors from 'cors';
import config from 'config';
app.use(cors({ origin: config.get('cors.origins') }));`,
      },
      {
        name: 'express: origin callback that checks an allowlist can deny',
        code: `import cors from 'cors';
const allowlist = ['https://app.example.com'];
app.use(cors({
  origin(origin, callback) {
    if (!origin || allowlist.includes(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
}));`,
      },
      {
        name: 'express: origin callback with a deny path (callback(null, false)) is not allow-all',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, callback) => {
    if (typeof origin !== 'string') return callback(null, false);
    callback(null, allowed.has(origin));
  },
}));`,
      },
      {
        name: 'express: allow-all origin callback with credentials is left to no-credentials-with-wildcard',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, callback) => callback(null, true),
  credentials: true,
}));`,
      },
      {
        name: 'express: options delegate answers origin true only inside an allowlist check',
        code: `import cors from 'cors';
const allowlist = ['https://app.example.com'];
app.use(cors((req, callback) => {
  if (allowlist.includes(req.header('Origin'))) callback(null, { origin: true });
  else callback(null, { origin: false });
}));`,
      },
      {
        name: "express: options delegate checking the origin with a '' fallback (the README's allowlist example)",
        code: `import cors from 'cors';
const allowlist = ['https://app.example.com'];
app.use(cors((req, callback) => {
  if (allowlist.includes(req.header('Origin') ?? '')) callback(null, { origin: true });
  else callback(null, { origin: false });
}));`,
      },
      {
        name: 'express: options delegate whose const options are chosen by an allowlist check',
        code: `import cors from 'cors';
const allowlist = ['https://app.example.com'];
app.use(cors((req, callback) => {
  const corsOptions = allowlist.indexOf(req.header('Origin')) !== -1 ? { origin: true } : { origin: false };
  callback(null, corsOptions);
}));`,
      },
      {
        name: "express: '*' route path with a listed policy",
        code: `import cors from 'cors';
const options = { origin: ['https://app.example.com'] };
app.options('*', cors(options));
app.get('*', (req, res) => res.send('ok'));`,
      },
      {
        name: "express: '*' in a log string is not an origin",
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com' }));
console.log('CORS: * is not allowed here');`,
      },
      {
        name: 'express: commented-out cors() is not code',
        code: `import cors from 'cors';
// app.use(cors());
/* app.use(cors({ origin: '*' })); */
app.use(cors({ origin: ['https://app.example.com'] }));`,
      },
      {
        name: 'express: origin callback answering allowlist.includes(origin) can deny',
        code: `import cors from 'cors';
app.use(cors({ origin: (origin, cb) => cb(null, ALLOWED.includes(origin)) }));`,
      },
      {
        name: "express: methods '*' is not an origin value",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], methods: '*', allowedHeaders: ['*'] }));`,
      },
      {
        name: "express: 'null' is listed, not a wildcard (no-unsafe-origin-pattern reports it)",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'null'] }));`,
      },
      {
        name: 'express: JSON-parsed env origins are opaque even with a JSON fallback string',
        code: `import cors from 'cors';
app.use(cors({ origin: JSON.parse(process.env.CORS_ORIGINS || '["*"]') }));`,
      },
      {
        name: 'raw: validation against an env origin',
        code: `app.use((req, res, next) => {
  const { origin } = req.headers;
  if (origin === process.env.APP_ORIGIN) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      },
      {
        name: 'raw: validation with a regex test',
        code: `app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (/^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/.test(origin)) {
    res.set('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
      },
      {
        name: 'raw: validation with switch on the origin',
        code: `export default function handler(req, res) {
  const origin = req.headers.origin;
  switch (origin) {
    case 'https://app.example.com':
    case 'https://admin.example.com':
      res.setHeader('Access-Control-Allow-Origin', origin);
      break;
    default:
      break;
  }
  res.end();
}`,
      },
      {
        name: 'raw: validation with list.some(...)',
        code: `const PATTERNS = [/^https:\\/\\/app\\.example\\.com$/];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (PATTERNS.some((pattern) => pattern.test(origin))) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      },
      {
        name: 'raw: Allow-Origin and Allow-Credentials in different functions are different groups',
        code: `const ALLOWED = ['https://app.example.com'];
app.use((req, res, next) => {
  if (ALLOWED.includes(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      },
      {
        name: 'elysia: origin true with default credentials is left to no-credentials-with-wildcard',
        code: `import { cors } from '@elysiajs/cors';
app.use(cors({ origin: true }));`,
      },
      {
        name: 'koa: a route path * with @koa/cors credentials default reflecting is rule 2 only',
        code: `import cors from '@koa/cors';
router.all('*', cors({ credentials: true }));`,
      },
      // ---------------------------------------------------------------- import awareness (negative)
      {
        name: 'import: a local function named cors is not the cors package',
        code: `function cors() {
  return (req, res, next) => next();
}
app.use(cors());`,
      },
      {
        name: 'import: cors imported from a local module is not the cors package',
        code: `import cors from './middleware/cors.js';
app.use(cors());
app.use(cors({ origin: '*' }));`,
      },
      {
        name: 'import: a named cors export from another package is not recognised',
        code: `import { cors } from '@acme/http-utils';
app.use(cors({ origin: true }));`,
      },
      {
        name: 'import: a parameter named cors shadows the import',
        code: `import cors from 'cors';
export function install(app, cors) {
  app.use(cors());
}`,
      },
      {
        name: 'import: require of a local cors module is not the cors package',
        code: `const cors = require('./cors');
app.use(cors());`,
      },
      // ---------------------------------------------------------------- @fastify/cors
      {
        name: 'fastify: listed origins',
        code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors, { origin: ['https://app.example.com', /^https:\\/\\/[a-z]+\\.example\\.com$/] });`,
      },
      {
        name: 'fastify: imported options are opaque',
        code: `import cors from '@fastify/cors';
import { corsOptions } from './cors-options.js';
await app.register(cors, corsOptions);`,
      },
      {
        name: 'fastify: origin callback that can deny',
        code: `import cors from '@fastify/cors';
await app.register(cors, {
  origin: (origin, cb) => {
    const hostname = new URL(origin).hostname;
    if (hostname === 'localhost') {
      cb(null, true);
      return;
    }
    cb(new Error('Not allowed'), false);
  },
});`,
      },
      {
        name: 'fastify: a delegator answers the options per request; its other keys are not the policy',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, {
  hook: 'preHandler',
  delegator: (req, callback) => callback(null, { origin: process.env.APP_ORIGIN }),
});`,
      },
      {
        name: 'fastify: an async delegator returning opaque origins',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, { delegator: async (req) => ({ origin: await allowedOriginsFor(req) }) });`,
      },
      {
        name: 'fastify: a function of the instance returning a delegator that disables CORS',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, (instance) => (req, callback) => callback(null, { origin: false }));`,
      },
      {
        name: 'fastify: a locally required plugin is not @fastify/cors',
        code: `const cors = require('./plugins/cors');
app.register(cors);`,
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: "hono: app.use('*', …) path with a listed origin",
        code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('*', cors({ origin: ['https://app.example.com'] }));`,
      },
      {
        name: 'hono: origin function that validates the origin',
        code: `import { cors } from 'hono/cors';
app.use('/api/*', cors({
  origin: (origin) => (origin.endsWith('.example.com') ? origin : null),
}));`,
      },
      {
        name: 'hono: origin function returning an env binding is opaque',
        code: `import { cors } from 'hono/cors';
app.use('*', cors({ origin: (origin, c) => c.env.CORS_ORIGIN }));`,
      },
      {
        name: 'hono: cors()(c, next) with an env origin is opaque',
        code: `import { cors } from 'hono/cors';
app.use('*', (c, next) => cors({ origin: c.env.CORS_ORIGIN })(c, next));`,
      },
      {
        name: 'hono: reflecting origin function with credentials is left to no-credentials-with-wildcard',
        code: `import { cors } from 'hono/cors';
app.use('*', cors({ origin: (origin) => origin, credentials: true }));`,
      },
      // ---------------------------------------------------------------- @koa/cors
      {
        name: '@koa/cors: default with credentials reflects (REFLECT only), left to no-credentials-with-wildcard',
        code: `import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ credentials: true }));`,
      },
      {
        name: '@koa/cors: listed string origin',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: 'https://app.example.com' }));`,
      },
      {
        name: '@koa/cors: origin function that validates',
        code: `import cors from '@koa/cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({
  origin(ctx) {
    const origin = ctx.get('Origin');
    return ALLOWED.includes(origin) ? origin : '';
  },
}));`,
      },
      // ---------------------------------------------------------------- koa2-cors
      {
        name: 'koa2-cors: default with credentials is left to no-credentials-with-wildcard',
        code: `import cors from 'koa2-cors';
app.use(cors({ credentials: true }));`,
      },
      {
        name: 'koa2-cors: listed string origin',
        code: `import cors from 'koa2-cors';
app.use(cors({ origin: 'https://app.example.com' }));`,
      },
      {
        name: 'koa2-cors: origin function that validates',
        code: `import cors from 'koa2-cors';
const ALLOWED = new Set(['https://app.example.com']);
app.use(cors({
  origin: (ctx) => (ALLOWED.has(ctx.request.headers.origin) ? ctx.request.headers.origin : false),
}));`,
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: enableCors with listed origins',
        code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['https://app.example.com'] });`,
      },
      {
        name: 'nestjs: enableCors origin true with credentials is left to no-credentials-with-wildcard',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: true, credentials: true });`,
      },
      {
        name: 'nestjs: create with cors false has no policy',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: false });`,
      },
      {
        name: 'nestjs: create with adapter and listed cors options',
        code: `import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
const app = await NestFactory.create(AppModule, new ExpressAdapter(server), {
  cors: { origin: ['https://app.example.com'] },
});`,
      },
      {
        name: 'nestjs: create with imported cors options is opaque',
        code: `import { NestFactory } from '@nestjs/core';
import { corsOptions } from './cors.config';
const app = await NestFactory.create(AppModule, { cors: corsOptions });`,
      },
      {
        name: 'nestjs: enableCors in a file that imports nothing from @nestjs is not recognised',
        code: `import { createServer } from './server.js';
const server = createServer();
server.enableCors();`,
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: 'socket.io: no cors key means no CORS headers',
        code: `import { createServer } from 'node:http';
import { Server } from 'socket.io';
const httpServer = createServer();
const io = new Server(httpServer);`,
      },
      {
        name: 'socket.io: options without a cors key',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { path: '/ws', pingInterval: 10000 });`,
      },
      {
        name: 'socket.io: listed origin with credentials',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: 'https://app.example.com', credentials: true } });`,
      },
      // ---------------------------------------------------------------- @elysiajs/cors
      {
        name: 'elysia: default (reflect + credentials) is left to no-credentials-with-wildcard',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors()).listen(3000);`,
      },
      {
        name: 'elysia: listed origin',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'app.example.com' }));`,
      },
      // ---------------------------------------------------------------- Apollo
      {
        name: 'apollo: expressMiddleware with a listed cors policy',
        code: `import cors from 'cors';
import { expressMiddleware } from '@as-integrations/express5';
app.use('/graphql', cors({ origin: ['https://app.example.com'] }), express.json(), expressMiddleware(server));`,
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: 'raw: request origin reflected only inside an allowlist check',
        code: `const ALLOWED = new Set(['https://app.example.com']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});`,
      },
      {
        name: 'raw: request origin reflected after an early-exit validation',
        code: `const allowed = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.header('origin');
  if (!allowed.includes(origin)) return next();
  res.header('Access-Control-Allow-Origin', origin);
  next();
});`,
      },
      {
        name: 'raw: request origin reflected in a validating conditional',
        code: `const allowed = ['https://app.example.com'];
export default function handler(req, res) {
  const origin = req.headers['origin'];
  res.setHeader('Access-Control-Allow-Origin', allowed.includes(origin) ? origin : 'https://app.example.com');
  res.end();
}`,
      },
      {
        name: 'raw: reflection with credentials is left to no-credentials-with-wildcard',
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      },
      {
        name: "raw: '*' in Allow-Methods and Allow-Headers is not an origin",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Methods', '*');
  res.setHeader('Access-Control-Allow-Headers', '*');
  next();
});`,
      },
      {
        name: "raw: Allow-Methods '*' without an Allow-Origin write is no policy",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Methods', '*');
  next();
});`,
      },
      {
        name: 'raw: Allow-Origin from an environment variable is opaque',
        code: `export function GET() {
  return new Response('ok', { headers: { 'Access-Control-Allow-Origin': process.env.APP_ORIGIN } });
}`,
      },
      {
        name: "raw: Access-Control-Allow-Origin sent as a fetch request header is not a response header write",
        code: `export async function load() {
  axios.defaults.headers.common['Access-Control-Allow-Origin'] = '*';
  return fetch('https://api.example.com/items', { headers: { 'Access-Control-Allow-Origin': '*' } });
}`,
      },
      {
        name: 'raw: expected header values in test assertions are not writes',
        code: `it('sends CORS headers', async () => {
  const res = await request(app).get('/').set('Origin', 'https://evil.example');
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.headers).toMatchObject({ 'access-control-allow-origin': '*' });
  await request(app).get('/').expect('Access-Control-Allow-Origin', '*');
});`,
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: 'next: headers() only counts in next.config files',
        filename: 'src/headers.ts',
        code: `module.exports = {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] }];
  },
};`,
      },
      {
        name: 'next: listed origin in next.config.mjs',
        filename: 'next.config.mjs',
        code: `const nextConfig = {
  headers: async () => [
    { source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }] },
  ],
};
export default nextConfig;`,
      },
      {
        name: 'next: :origin captured by a has item with a value pattern is limited',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        has: [{ type: 'header', key: 'origin', value: '(?<origin>https://app\\\\.example\\\\.com)' }],
        headers: [{ key: 'Access-Control-Allow-Origin', value: ':origin' }],
      },
    ];
  },
};`,
      },
      {
        name: "next: '*' source path is not an origin",
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [{ source: '/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }, { key: 'Access-Control-Allow-Methods', value: '*' }] }];
  },
};`,
      },
    ],
    invalid: [
      {
        name: "nest (fastify adapter): '*' in an origin list turns it into *",
        code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: ['https://app.example.com', '*'] } });`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: ${ENV_LIST} } });`) }],
      },
      // ---------------------------------------------------------------- express `cors`
      {
        name: 'express: cors() with no options sends *',
        code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors());`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: "express: origin '*' literal",
        code: `import cors from 'cors';
app.use(cors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'express: origin true without credentials reflects',
        code: `import cors from 'cors';
app.use(cors({ origin: true }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: "express: origin '*' with credentials is still reported (STAR)",
        code: `import cors from 'cors';
app.use(cors({
  origin: '*',
  credentials: true,
}));`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
  credentials: true,
}));`) }],
      },
      {
        name: 'express: default origin with credentials is still reported (STAR), on the options object',
        code: `import cors from 'cors';
app.use(
  cors({ credentials: true }),
);`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(
  cors({ origin: ${ENV_LIST}, credentials: true }),
);`) }],
      },
      {
        name: 'express: match-all regex',
        code: `import cors from 'cors';
app.use(cors({ origin: /.*/ }));`,
        errors: [{ messageId: 'anyRegex', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'express: regex matching every https origin, with credentials (WILDREGEX is not the exception)',
        code: `import cors from 'cors';
app.use(cors({ origin: /^https?:\\/\\/.*$/, credentials: true }));`,
        errors: [{ messageId: 'anyRegex', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'express: match-all regex as an array element',
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', new RegExp('.*')] }));`,
        errors: [{ messageId: 'anyRegex', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: "express: env var with a '*' fallback",
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN || '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'express: env var with a true fallback',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN ?? true }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: "express: '*' in one ternary branch",
        code: `import cors from 'cors';
const isProd = process.env.NODE_ENV === 'production';
app.use(cors({
  origin: isProd ? 'https://app.example.com' : '*',
}));`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import cors from 'cors';
const isProd = process.env.NODE_ENV === 'production';
app.use(cors({
  origin: ${ENV_LIST},
}));`) }],
      },
      {
        name: "express: '*' through a const chain is reported on the literal",
        code: `import cors from 'cors';
const ANY = '*';
const WILDCARD = ANY;
const options = { origin: WILDCARD };
app.use(cors(options));`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: "express: '*' from a spread const object",
        code: `import cors from 'cors';
const base = { origin: '*' };
app.use(cors({ ...base, maxAge: 600 }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
const base = { origin: ${ENV_LIST} };
app.use(cors({ ...base, maxAge: 600 }));`) }],
      },
      {
        name: 'express: later key wins over a spread',
        code: `import cors from 'cors';
const base = { origin: 'https://app.example.com' };
app.use(cors({ ...base, origin: true }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
const base = { origin: 'https://app.example.com' };
app.use(cors({ ...base, origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'express: origin callback that allows on every path (missing-origin path included)',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, callback) => {
    if (!origin) return callback(null, true);
    callback(null, true);
  },
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
}));`) }],
      },
      {
        name: 'express: origin callback answering the request origin unchecked',
        code: `import cors from 'cors';
const corsOptions = {
  origin(origin, cb) {
    cb(null, origin);
  },
};
app.use(cors(corsOptions));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
const corsOptions = {
  origin: ${ENV_LIST},
};
app.use(cors(corsOptions));`) }],
      },
      {
        name: 'express: checks after an unconditional allow-and-return are dead code',
        code: `import cors from 'cors';
app.use(cors({
  origin: function (origin, callback) {
    return callback(null, true);
    if (allowlist.includes(origin)) callback(null, true);
    else callback(new Error('blocked'));
  },
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
}));`) }],
      },
      {
        name: 'express: options delegate answering origin true unchecked',
        code: `import cors from 'cors';
app.use(cors((req, callback) => {
  callback(null, { origin: true, maxAge: 600 });
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors((req, callback) => {
  callback(null, { origin: ${ENV_LIST}, maxAge: 600 });
}));`) }],
      },
      {
        name: 'express: options delegate choosing between const options on something other than the origin',
        code: `import cors from 'cors';
app.use(cors((req, callback) => {
  const corsOptions = req.path.startsWith('/public') ? { origin: true } : { origin: false };
  callback(null, corsOptions);
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors((req, callback) => {
  const corsOptions = req.path.startsWith('/public') ? { origin: ${ENV_LIST} } : { origin: false };
  callback(null, corsOptions);
}));`) }],
      },
      {
        name: 'express: cors() as a route argument',
        code: `import cors from 'cors';
app.options('/api/items', cors());
app.get('/api/items', cors(), listItems);`,
        errors: [
          { messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.options('/api/items', cors({ origin: ${ENV_LIST} }));
app.get('/api/items', cors(), listItems);`) },
          { messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.options('/api/items', cors());
app.get('/api/items', cors({ origin: ${ENV_LIST} }), listItems);`) },
        ],
      },
      {
        name: 'express: cors() assigned to a const',
        code: `import cors from 'cors';
const corsMiddleware = cors();
app.use(corsMiddleware);`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
const corsMiddleware = cors({ origin: ${ENV_LIST} });
app.use(corsMiddleware);`) }],
      },
      {
        name: 'express: allow-all origin callback declared as a function elsewhere in the file',
        code: `import cors from 'cors';
function allowAnyOrigin(origin, callback) {
  callback(null, true);
}
app.use(cors({ origin: allowAnyOrigin }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
      {
        name: 'express: options delegate held in a const',
        code: `import cors from 'cors';
const corsDelegate = (req, callback) => callback(null, { origin: true });
app.use(cors(corsDelegate));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
const corsDelegate = (req, callback) => callback(null, { origin: ${ENV_LIST} });
app.use(cors(corsDelegate));`) }],
      },
      {
        name: "express: optional-chained env split with a '*' fallback via a const",
        code: `import cors from 'cors';
const ALLOWED_ORIGINS = process.env.CORS_ORIGINS?.split(',') ?? '*';
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: "express: template literal '*' without expressions",
        code: `import cors from 'cors';
app.use(cors({ origin: \`*\` }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'express: true in the dev branch of a NODE_ENV ternary',
        code: `import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({ origin: process.env.NODE_ENV === 'production' ? ALLOWED : true }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'express: credentials from an opaque value are not on, so origin true is reported here',
        code: `import cors from 'cors';
app.use(cors({ origin: true, credentials: !!process.env.CORS_CREDENTIALS }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: !!process.env.CORS_CREDENTIALS }));`) }],
      },
      {
        name: "express: explicit '*' after an opaque spread",
        code: `import cors from 'cors';
import { shared } from './shared.js';
app.use(cors({ ...shared, origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
import { shared } from './shared.js';
app.use(cors({ ...shared, origin: ${ENV_LIST} }));`) }],
      },
      // ---------------------------------------------------------------- import awareness
      {
        name: 'import: default import under another name',
        code: `import allowCrossOrigin from 'cors';
app.use(allowCrossOrigin({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import allowCrossOrigin from 'cors';
app.use(allowCrossOrigin({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: named default import with alias',
        code: `import { default as corsMiddleware } from 'cors';
app.use(corsMiddleware({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import { default as corsMiddleware } from 'cors';
app.use(corsMiddleware({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: namespace import',
        code: `import * as corsModule from 'cors';
app.use(corsModule.default({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import * as corsModule from 'cors';
app.use(corsModule.default({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: const alias of the import',
        code: `import cors from 'cors';
const allowCors = cors;
app.use(allowCors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
const allowCors = cors;
app.use(allowCors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: require in a CommonJS file',
        filename: 'server.cjs',
        languageOptions: COMMONJS,
        code: `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: '*' }));
module.exports = app;`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: ${ENV_LIST} }));
module.exports = app;`) }],
      },
      {
        name: 'import: inline require call',
        filename: 'server.cjs',
        languageOptions: COMMONJS,
        code: `app.use(require('cors')());`,
        errors: [{ messageId: 'anyOrigin', line: 1, suggestions: allowlist(`app.use(require('cors')({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: require in an ES module',
        code: `import express from 'express';
const cors = require('cors');
const app = express();
app.use(cors({ origin: true }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 4, suggestions: allowlist(`import express from 'express';
const cors = require('cors');
const app = express();
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: require made by createRequire in an ES module',
        code: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const cors = require('cors');
app.use(cors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const cors = require('cors');
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: destructured default of await import()',
        code: `const { default: cors } = await import('cors');
app.use(cors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`const { default: cors } = await import('cors');
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'import: .default of await import()',
        code: `const cors = (await import('cors')).default;
app.use(cors());`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`const cors = (await import('cors')).default;
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      // ---------------------------------------------------------------- @fastify/cors
      {
        name: 'fastify: register(cors) without options sends *',
        code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors);`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors, { origin: ${ENV_LIST} });`) }],
      },
      {
        name: 'fastify: a delegator that answers origin * on one path',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, {
  delegator: (req, callback) => {
    if (req.url.startsWith('/public/')) return callback(null, { origin: '*' });
    callback(null, { origin: false });
  },
});`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, {
  delegator: (req, callback) => {
    if (req.url.startsWith('/public/')) return callback(null, { origin: ${ENV_LIST} });
    callback(null, { origin: false });
  },
});`) }],
      },
      {
        name: 'fastify: an async delegator that reflects',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, { delegator: async (req) => { return { origin: true, methods: ['GET'] }; } });`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, { delegator: async (req) => { return { origin: ${ENV_LIST}, methods: ['GET'] }; } });`) }],
      },
      {
        name: 'fastify: a function of the instance returning a delegator with origin *',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, (instance) => {
  return (req, callback) => callback(null, { origin: '*' });
});`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, (instance) => {
  return (req, callback) => callback(null, { origin: ${ENV_LIST} });
});`) }],
      },
      {
        name: "fastify: origin '*'",
        code: `import cors from '@fastify/cors';
await fastify.register(cors, { origin: '*' });`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, { origin: ${ENV_LIST} });`) }],
      },
      {
        name: 'fastify: origin true reflects',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, { origin: true });`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, { origin: ${ENV_LIST} });`) }],
      },
      {
        name: "fastify: an array containing '*' becomes *",
        code: `import cors from '@fastify/cors';
await fastify.register(cors, {
  origin: ['https://app.example.com', '*'],
});`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, {
  origin: ${ENV_LIST},
});`) }],
      },
      {
        name: 'fastify: default origin with credentials is still STAR',
        code: `import cors from '@fastify/cors';
await fastify.register(cors, { credentials: true });`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await fastify.register(cors, { origin: ${ENV_LIST}, credentials: true });`) }],
      },
      {
        name: 'fastify: named fastifyCors import',
        code: `import { fastifyCors } from '@fastify/cors';
app.register(fastifyCors, { origin: '*' });`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import { fastifyCors } from '@fastify/cors';
app.register(fastifyCors, { origin: ${ENV_LIST} });`) }],
      },
      {
        name: 'fastify: inline require as the plugin',
        code: `app.register(require('@fastify/cors'), { origin: '*' });`,
        errors: [{ messageId: 'anyOrigin', line: 1, suggestions: allowlist(`app.register(require('@fastify/cors'), { origin: ${ENV_LIST} });`) }],
      },
      {
        name: 'fastify: inline import() as the plugin',
        code: `await app.register(import('@fastify/cors'), { origin: true });`,
        errors: [{ messageId: 'reflectedOrigin', line: 1, suggestions: allowlist(`await app.register(import('@fastify/cors'), { origin: ${ENV_LIST} });`) }],
      },
      {
        name: 'fastify: origin callback that always allows',
        code: `import cors from '@fastify/cors';
await app.register(cors, {
  origin: (origin, cb) => {
    cb(null, true);
  },
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from '@fastify/cors';
await app.register(cors, {
  origin: ${ENV_LIST},
});`) }],
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: "hono: app.use('*', cors()) sends * (the default, not the path)",
        code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('*', cors());`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('*', cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: "hono: origin '*'",
        code: `import { cors } from 'hono/cors';
app.use('/api/*', cors({ origin: '*', allowMethods: ['GET'] }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import { cors } from 'hono/cors';
app.use('/api/*', cors({ origin: ${ENV_LIST}, allowMethods: ['GET'] }));`) }],
      },
      {
        name: 'hono: origin function returning the origin unchecked',
        code: `import { cors } from 'hono/cors';
app.use('*', cors({
  origin: (origin) => origin,
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import { cors } from 'hono/cors';
app.use('*', cors({
  origin: ${ENV_LIST},
}));`) }],
      },
      {
        name: 'hono: aliased named import',
        code: `import { cors as corsMiddleware } from 'hono/cors';
app.use('*', corsMiddleware({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import { cors as corsMiddleware } from 'hono/cors';
app.use('*', corsMiddleware({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'hono: namespace import',
        code: `import * as honoCors from 'hono/cors';
app.use('*', honoCors.cors());`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import * as honoCors from 'hono/cors';
app.use('*', honoCors.cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'hono: cors()(c, next) inside a handler',
        code: `import { cors } from 'hono/cors';
app.use('/api/*', async (c, next) => {
  return cors()(c, next);
});`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import { cors } from 'hono/cors';
app.use('/api/*', async (c, next) => {
  return cors({ origin: ${ENV_LIST} })(c, next);
});`) }],
      },
      // ---------------------------------------------------------------- @koa/cors
      {
        name: '@koa/cors: default without credentials sends *',
        code: `import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors());`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ origin: ${KOA_ALLOWLIST} }));`) }],
      },
      {
        name: "@koa/cors: explicit '*' with credentials is STAR (reported here too)",
        code: `import cors from '@koa/cors';
app.use(cors({ origin: '*', credentials: true }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: true }));`) }],
      },
      {
        name: '@koa/cors: credentials from an opaque value are not on, so the default is *',
        code: `import cors from '@koa/cors';
app.use(cors({ credentials: config.corsCredentials }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: config.corsCredentials }));`) }],
      },
      {
        name: '@koa/cors: origin function echoing the request origin',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: (ctx) => ctx.get('Origin') }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST} }));`) }],
      },
      {
        name: '@koa/cors: origin function returning the origin on every path, checked or not',
        code: `import cors from '@koa/cors';
app.use(cors({
  origin: (ctx) => {
    const origin = ctx.get('Origin');
    if (ALLOWED.includes(origin)) return origin;
    return origin;
  },
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({
  origin: ${KOA_ALLOWLIST},
}));`) }],
      },
      {
        name: "@koa/cors: origin function with a '*' fallback",
        code: `import cors from '@koa/cors';
app.use(cors({ origin: (ctx) => ctx.headers.origin || '*', credentials: false }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: false }));`) }],
      },
      // ---------------------------------------------------------------- koa2-cors
      {
        name: 'koa2-cors: default reflects the request origin',
        code: `import cors from 'koa2-cors';
app.use(cors());`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors from 'koa2-cors';
app.use(cors({ origin: ${KOA_ALLOWLIST} }));`) }],
      },
      {
        name: 'koa2-cors: options without origin reflect',
        code: `const cors = require('koa2-cors');
app.use(cors({ maxAge: 600, allowMethods: ['GET', 'POST'] }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`const cors = require('koa2-cors');
app.use(cors({ origin: ${KOA_ALLOWLIST}, maxAge: 600, allowMethods: ['GET', 'POST'] }));`) }],
      },
      {
        name: "koa2-cors: origin '*'",
        code: `import cors from 'koa2-cors';
app.use(cors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from 'koa2-cors';
app.use(cors({ origin: ${KOA_ALLOWLIST} }));`) }],
      },
      {
        name: 'koa2-cors: origin function returning ctx.header.origin',
        code: `import cors from 'koa2-cors';
app.use(cors({
  origin(ctx) {
    return ctx.header.origin;
  },
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'koa2-cors';
app.use(cors({
  origin: ${KOA_ALLOWLIST},
}));`) }],
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: enableCors() with no options sends *',
        code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const app = await NestFactory.create(AppModule);
app.enableCors();
await app.listen(3000);`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ${ENV_LIST} });
await app.listen(3000);`) }],
      },
      {
        name: 'nestjs: enableCors({ origin: true }) reflects',
        code: `import { ValidationPipe } from '@nestjs/common';
app.enableCors({ origin: true });`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import { ValidationPipe } from '@nestjs/common';
app.enableCors({ origin: ${ENV_LIST} });`) }],
      },
      {
        name: 'nestjs: create(M, { cors: true }) is enableCors() with no options',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, {
  cors: true,
});`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: "nestjs: create(M, { cors: { origin: '*' } })",
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: { origin: '*' } });`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: { origin: ${ENV_LIST} } });`) }],
      },
      {
        name: 'nestjs: create(M, adapter, { cors }) with credentials but no origin is STAR',
        code: `import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
const app = await NestFactory.create(AppModule, new ExpressAdapter(server), {
  cors: { credentials: true },
});`,
        errors: [{ messageId: 'anyOrigin', line: 4, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
const app = await NestFactory.create(AppModule, new ExpressAdapter(server), {
  cors: { origin: ${ENV_LIST}, credentials: true },
});`) }],
      },
      {
        name: 'nestjs: enableCors options delegate answering origin true unchecked',
        code: `import { NestFactory } from '@nestjs/core';
app.enableCors((req, callback) => callback(null, { origin: true }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
app.enableCors((req, callback) => callback(null, { origin: ${ENV_LIST} }));`) }],
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: "socket.io: cors origin '*'",
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: '*' } });`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: ${ENV_LIST} } });`) }],
      },
      {
        name: 'socket.io: aliased Server with origin true',
        code: `import { Server as IOServer } from 'socket.io';
const io = new IOServer(httpServer, { cors: { origin: true } });`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import { Server as IOServer } from 'socket.io';
const io = new IOServer(httpServer, { cors: { origin: ${ENV_LIST} } });`) }],
      },
      {
        name: 'socket.io: cors object without origin is the express default *',
        code: `const { Server } = require('socket.io');
const io = new Server(server, {
  cors: { methods: ['GET', 'POST'] },
});`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`const { Server } = require('socket.io');
const io = new Server(server, {
  cors: { origin: ${ENV_LIST}, methods: ['GET', 'POST'] },
});`) }],
      },
      {
        name: 'socket.io: origin callback that always allows',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, {
  cors: { origin: (origin, callback) => callback(null, true) },
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import { Server } from 'socket.io';
const io = new Server(httpServer, {
  cors: { origin: ${ENV_LIST} },
});`) }],
      },
      {
        name: 'socket.io: require(socket.io)(server, { cors })',
        code: `const io = require('socket.io')(server, { cors: { origin: '*' } });`,
        errors: [{ messageId: 'anyOrigin', line: 1, suggestions: allowlist(`const io = require('socket.io')(server, { cors: { origin: ${ENV_LIST} } });`) }],
      },
      // ---------------------------------------------------------------- @elysiajs/cors
      {
        name: "elysia: origin '*' (STAR even though credentials default on)",
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'elysia: default origin reflects when credentials are turned off',
        code: `import { cors } from '@elysiajs/cors';
app.use(cors({ credentials: false }));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import { cors } from '@elysiajs/cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: false }));`) }],
      },
      {
        name: "elysia: an array containing '*' becomes *",
        code: `import cors from '@elysiajs/cors';
app.use(cors({ origin: ['app.example.com', '*'] }));`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors from '@elysiajs/cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      // ---------------------------------------------------------------- Apollo standalone
      {
        name: 'apollo: startStandaloneServer always serves cors() with no options',
        code: `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, { listen: { port: 4000 } });`,
        errors: [{ messageId: 'anyOrigin', line: 4 }],
      },
      {
        name: 'apollo: no origin option exists to suggest for startStandaloneServer(server)',
        code: `import { startStandaloneServer } from '@apollo/server/standalone';
await startStandaloneServer(server);`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: [] }],
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: "raw: express res.setHeader('Access-Control-Allow-Origin', '*')",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  next();
});`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: 'raw: express res.header reflecting req.headers.origin',
        code: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Methods', 'GET,POST');
  next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
      {
        name: "raw: express res.set with the request origin and a '*' fallback is REFLECT and STAR",
        code: `app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', req.get('origin') || '*');
  next();
});`,
        errors: [
          { messageId: 'reflectedOrigin', line: 2 },
          { messageId: 'anyOrigin', line: 2 },
        ],
      },
      {
        name: 'raw: express res.set({ … }) header object',
        code: `router.use((req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST',
  });
  next();
});`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: 'raw: truthiness check is not validation',
        code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 4 }],
      },
      {
        name: 'raw: typeof check is not validation',
        code: `app.use((req, res, next) => {
  const origin = req.headers['origin'];
  if (typeof origin === 'string') res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 3 }],
      },
      {
        name: 'raw: a non-empty comparison with undefined is not validation',
        code: `app.use((req, res, next) => {
  if (req.headers.origin !== undefined) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
      {
        name: 'raw: reflection with a * fallback and credentials is still reported (STAR too)',
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
        errors: [
          { messageId: 'reflectedOrigin', line: 2 },
          { messageId: 'anyOrigin', line: 2 },
        ],
      },
      {
        name: 'raw: header name and value from same-file consts',
        code: `const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const ANY_ORIGIN = '*';
app.use((req, res, next) => {
  res.setHeader(ALLOW_ORIGIN, ANY_ORIGIN);
  next();
});`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: 'raw: writeHead(status, message, headers)',
        code: `server.on('request', (req, res) => {
  res.writeHead(204, 'No Content', { 'Access-Control-Allow-Origin': '*' });
  res.end();
});`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: 'raw: hono c.res.headers.set',
        code: `app.use('*', async (c, next) => {
  await next();
  c.res.headers.set('Access-Control-Allow-Origin', '*');
});`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: 'raw: NestJS-style middleware class method',
        code: `export class CorsMiddleware {
  use(req, res, next) {
    res.header('Access-Control-Allow-Origin', '*');
    next();
  }
}`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: 'raw: a request-method check is not origin validation',
        code: `app.use((req, res, next) => {
  if (req.method === 'OPTIONS') res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
      {
        name: 'raw: Next.js middleware reflecting request.headers.get(origin)',
        code: `import { NextResponse } from 'next/server';
export function middleware(request) {
  const response = NextResponse.next();
  response.headers.set('Access-Control-Allow-Origin', request.headers.get('origin') ?? '');
  return response;
}`,
        errors: [{ messageId: 'reflectedOrigin', line: 4 }],
      },
      {
        name: 'raw: NextResponse.json with headers',
        code: `import { NextResponse } from 'next/server';
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { 'Access-Control-Allow-Origin': '*' } });
}`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: "raw: '*' with credentials in the same function is STAR (reported here too)",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: 'raw: fastify reply.header reflecting request.headers.origin',
        code: `fastify.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', request.headers.origin);
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
      {
        name: "raw: hono c.header with the request origin and a '*' fallback",
        code: `app.use('*', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', c.req.header('origin') ?? '*');
});`,
        errors: [
          { messageId: 'reflectedOrigin', line: 3 },
          { messageId: 'anyOrigin', line: 3 },
        ],
      },
      {
        name: 'raw: koa ctx.set reflecting ctx.get(Origin)',
        code: `app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.get('Origin'));
  await next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
      {
        name: 'raw: node http writeHead header object',
        code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': '*',
  });
  res.end('{}');
}).listen(8080);`,
        errors: [{ messageId: 'anyOrigin', line: 5 }],
      },
      {
        name: 'raw: new Response(body, { headers })',
        code: `export async function GET() {
  return new Response(JSON.stringify({ ok: true }), {
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
  });
}`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: 'raw: Response.json(body, { headers })',
        code: `export const GET = () => Response.json({ ok: true }, { headers: { 'Access-Control-Allow-Origin': '*' } });`,
        errors: [{ messageId: 'anyOrigin', line: 1 }],
      },
      {
        name: 'raw: new Headers({ … })',
        code: `export default {
  fetch(request) {
    const headers = new Headers({ 'Access-Control-Allow-Origin': '*' });
    return new Response('ok', { headers });
  },
};`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: 'raw: headers.append on a Headers object',
        code: `export function withCors(response) {
  response.headers.append('Access-Control-Allow-Origin', '*');
  return response;
}`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: 'raw: same-file const header object used by new Response',
        code: `const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};
export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: "raw: lower-case header name with a '*' fallback after an env var",
        code: `export function handler(event) {
  return new Response('ok', {
    headers: { 'access-control-allow-origin': process.env.ALLOWED_ORIGIN || '*' },
  });
}`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: "next: next.config.js headers() with Allow-Origin '*'",
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Access-Control-Allow-Origin', value: '*' },
          { key: 'Access-Control-Allow-Methods', value: 'GET,POST,OPTIONS' },
        ],
      },
    ];
  },
};`,
        errors: [{ messageId: 'anyOrigin', line: 7 }],
      },
      {
        name: 'next: next.config.mjs arrow headers with a lower-case key',
        filename: 'next.config.mjs',
        code: `const nextConfig = {
  headers: async () => [
    { source: '/:path*', headers: [{ key: 'access-control-allow-origin', value: '*' }] },
  ],
};
export default nextConfig;`,
        errors: [{ messageId: 'anyOrigin', line: 3 }],
      },
      {
        name: 'next: has header without a value interpolated as :origin reflects',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        has: [{ type: 'header', key: 'origin' }],
        headers: [{ key: 'Access-Control-Allow-Origin', value: ':origin' }],
      },
    ];
  },
};`,
        errors: [{ messageId: 'reflectedOrigin', line: 7 }],
      },
      {
        name: 'next: a has value pattern that accepts any origin, captured as :origin, reflects any origin',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        has: [{ type: 'header', key: 'Origin', value: '(?<origin>.*)' }],
        headers: [{ key: 'Access-Control-Allow-Origin', value: ':origin' }],
      },
    ];
  },
};`,
        errors: [{ messageId: 'reflectedOrigin', line: 7 }],
      },
      {
        name: "next: '*' with credentials in the same entry is STAR (reported here too)",
        filename: 'next.config.js',
        code: `const corsHeaders = [
  { key: 'Access-Control-Allow-Origin', value: '*' },
  { key: 'Access-Control-Allow-Credentials', value: 'true' },
];
module.exports = {
  async headers() {
    return [{ source: '/api/:path*', headers: corsHeaders }];
  },
};`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with listed origins',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = { origin: ['https://app.example.com'], credentials: true };`,
      },
      {
        name: 'ts: untyped options object that the file never passes to a CORS API is out of scope',
        code: `import cors from 'cors';
export const defaults = { origin: ['https://app.example.com'] } as const;
app.use(cors(loadOptions()));`,
      },
      {
        name: 'ts: import x = require() of a local module named cors',
        code: `import cors = require('./cors');
app.use(cors());`,
      },
    ],
    invalid: [
      {
        name: "ts: '*' as const",
        code: `import cors from 'cors';
app.use(cors({ origin: '*' as const }));`,
        errors: [{ messageId: 'anyOrigin', line: 2 }],
      },
      {
        name: 'ts: options object behind satisfies and a non-null assertion',
        code: `import cors, { type CorsOptions } from 'cors';
const options = { origin: true } satisfies CorsOptions;
app.use(cors(options!));`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import cors, { type CorsOptions } from 'cors';
const options = { origin: ${ENV_LIST} } satisfies CorsOptions;
app.use(cors(options!));`) }],
      },
      {
        name: 'ts: typed CorsOptions object not passed to an API is a policy',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: '*',
};`,
        errors: [{ messageId: 'anyOrigin', line: 3, suggestions: allowlist(`import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: ${ENV_LIST},
};`) }],
      },
      {
        name: 'ts: typed FastifyCorsOptions with origin true',
        code: `import type { FastifyCorsOptions } from '@fastify/cors';
export const options: FastifyCorsOptions = { origin: true };`,
        errors: [{ messageId: 'reflectedOrigin', line: 2, suggestions: allowlist(`import type { FastifyCorsOptions } from '@fastify/cors';
export const options: FastifyCorsOptions = { origin: ${ENV_LIST} };`) }],
      },
      {
        name: 'ts: NestJS CorsOptions from a subpath',
        code: `import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
export const corsOptions: CorsOptions = { origin: '*', methods: ['GET'] };`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
export const corsOptions: CorsOptions = { origin: ${ENV_LIST}, methods: ['GET'] };`) }],
      },
      {
        name: 'ts: import cors = require(cors)',
        code: `import cors = require('cors');
app.use(cors());`,
        errors: [{ messageId: 'anyOrigin', line: 2, suggestions: allowlist(`import cors = require('cors');
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'ts: typed origin callback that allows every path',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin: string | undefined, callback: (err: Error | null, allow?: boolean) => void) => callback(null, true),
}));`,
        errors: [{ messageId: 'reflectedOrigin', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
}));`) }],
      },
      {
        name: "ts: next.config.ts typed NextConfig with Allow-Origin '*'",
        filename: 'next.config.ts',
        code: `import type { NextConfig } from 'next';
const nextConfig: NextConfig = {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] }];
  },
};
export default nextConfig;`,
        errors: [{ messageId: 'anyOrigin', line: 4 }],
      },
      {
        name: 'ts: raw write with the origin header cast',
        code: `app.use((req: Request, res: Response, next: NextFunction) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin as string);
  next();
});`,
        errors: [{ messageId: 'reflectedOrigin', line: 2 }],
      },
    ],
  },
});
