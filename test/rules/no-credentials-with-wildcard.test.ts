import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-credentials-with-wildcard.js';
import { runBoth } from '../rule-tester.js';

/** What the `useEnvironmentAllowlist` suggestion writes for frameworks that accept an origin array. */
const ENV_LIST = "(process.env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)";
/** What it writes for koa packages (origin functions only). */
const KOA_ALLOWLIST = `(ctx) => (${ENV_LIST}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')`;

const allowlist = (output: string) => [{ messageId: 'useEnvironmentAllowlist' as const, output }];

/** CommonJS scope analysis (ESLint honours `sourceType` here; the tester's type does not declare it). */
const COMMONJS = { sourceType: 'commonjs' } as TestLanguageOptions;

runBoth('no-credentials-with-wildcard', rule, {
  both: {
    valid: [
      // ---------------------------------------------------------------- express `cors`
      {
        name: "express: origin '*' without credentials is no-wildcard-origin's business",
        code: `import cors from 'cors';
app.use(cors({ origin: '*' }));`,
      },
      {
        name: 'express: origin true without credentials',
        code: `import cors from 'cors';
app.use(cors({ origin: true }));`,
      },
      {
        name: "express: credentials false with '*'",
        code: `import cors from 'cors';
app.use(cors({ origin: '*', credentials: false }));`,
      },
      {
        name: 'express: credentials with listed origins and explicit lists',
        code: `import cors from 'cors';
const ALLOWED = ['https://app.example.com', 'https://admin.example.com'];
app.use(cors({
  origin: ALLOWED,
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: 'X-Total-Count',
}));`,
      },
      {
        name: 'express: credentials with an env origin (opaque) and no fallback',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.FRONTEND_URL, credentials: true }));`,
      },
      {
        name: 'express: credentials with an env list split at runtime',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGINS.split(','), credentials: true }));`,
      },
      {
        name: 'express: credentials with imported options',
        code: `import cors from 'cors';
import { corsOptions } from './cors-options.js';
app.use(cors(corsOptions));`,
      },
      {
        name: 'express: credentials after an opaque spread make no key absent',
        code: `import cors from 'cors';
import { baseCors } from './base.js';
app.use(cors({ ...baseCors, credentials: true }));`,
      },
      {
        name: "express: opaque credentials with '*' are not on",
        code: `import cors from 'cors';
app.use(cors({ origin: '*', credentials: process.env.CORS_CREDENTIALS === 'true' }));`,
      },
      {
        name: "express: credentials from a function parameter with '*' are not on",
        code: `import cors from 'cors';
export const makeCors = (withCredentials) => cors({ origin: '*', credentials: withCredentials });`,
      },
      {
        name: "express: the string 'true' does not turn credentials on in express cors (=== true)",
        code: `import cors from 'cors';
app.use(cors({ origin: '*', credentials: 'true' }));`,
      },
      {
        name: 'express: credentials with an origin callback that can deny',
        code: `import cors from 'cors';
const allowlist = new Set(['https://app.example.com']);
app.use(cors({
  credentials: true,
  origin(origin, callback) {
    if (!origin) return callback(null, true);
    if (allowlist.has(origin)) return callback(null, true);
    return callback(new Error('Origin not allowed'));
  },
}));`,
      },
      {
        name: "express: '*' in methods without credentials",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], methods: '*', allowedHeaders: '*', exposedHeaders: '*' }));`,
      },
      {
        name: 'express: delegate that allows origin true only for allowlisted origins, with credentials',
        code: `import cors from 'cors';
const allowlist = ['https://app.example.com'];
app.use(cors((req, callback) => {
  const allowed = allowlist.indexOf(req.header('Origin')) !== -1;
  callback(null, allowed ? { origin: true, credentials: true } : { origin: false });
}));`,
      },
      {
        name: 'express: a later credentials false overrides a spread credentials true',
        code: `import cors from 'cors';
const base = { origin: true, credentials: true };
app.use(cors({ ...base, credentials: false }));`,
      },
      {
        name: 'import: a local cors function is not the cors package',
        code: `const cors = (options) => (req, res, next) => next();
app.use(cors({ origin: '*', credentials: true }));`,
      },
      {
        name: 'import: cors from another module is not the cors package',
        code: `import { cors } from './lib/http.js';
app.use(cors({ origin: true, credentials: true }));`,
      },
      {
        name: 'comment: credentials in a comment are not code',
        code: `import cors from 'cors';
// TODO: app.use(cors({ origin: '*', credentials: true }));
app.use(cors({ origin: '*' }));`,
      },
      // ---------------------------------------------------------------- @fastify/cors
      {
        name: 'fastify: credentials with listed origins',
        code: `import cors from '@fastify/cors';
await app.register(cors, { origin: ['https://app.example.com'], credentials: true, methods: ['GET', 'POST'] });`,
      },
      {
        name: "fastify: '*' without credentials",
        code: `import cors from '@fastify/cors';
await app.register(cors, { origin: '*' });`,
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: 'hono: credentials with an origin function that validates',
        code: `import { cors } from 'hono/cors';
const ALLOWED = ['https://app.example.com'];
app.use('*', cors({
  origin: (origin) => (ALLOWED.includes(origin) ? origin : null),
  credentials: true,
  allowHeaders: ['Content-Type', 'Authorization'],
}));`,
      },
      {
        name: 'hono: credentials with an env-bound origin',
        code: `import { cors } from 'hono/cors';
app.use('*', (c, next) => cors({ origin: c.env.APP_ORIGIN, credentials: true })(c, next));`,
      },
      // ---------------------------------------------------------------- @koa/cors
      {
        name: '@koa/cors: default origin without credentials is * (no-wildcard-origin only)',
        code: `import cors from '@koa/cors';
app.use(cors());`,
      },
      {
        name: '@koa/cors: credentials with a validating origin function',
        code: `import cors from '@koa/cors';
const ALLOWED = ['https://app.example.com'];
app.use(cors({
  credentials: true,
  origin: (ctx) => {
    const requestOrigin = ctx.get('Origin');
    return ALLOWED.includes(requestOrigin) ? requestOrigin : '';
  },
}));`,
      },
      // ---------------------------------------------------------------- koa2-cors
      {
        name: "koa2-cors: the string 'true' does not turn credentials on (=== true)",
        code: `import cors from 'koa2-cors';
app.use(cors({ credentials: 'true' }));`,
      },
      {
        name: 'koa2-cors: default without credentials is no-wildcard-origin only',
        code: `import cors from 'koa2-cors';
app.use(cors());`,
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: create(M, { cors: true }) has no credentials',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: true });`,
      },
      {
        name: 'nestjs: enableCors with credentials and listed origins',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['https://app.example.com'], credentials: true });`,
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: 'socket.io: no cors key',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { transports: ['websocket'] });`,
      },
      {
        name: 'socket.io: credentials with a listed origin',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: 'https://app.example.com', credentials: true } });`,
      },
      // ---------------------------------------------------------------- @elysiajs/cors
      {
        name: 'elysia: credentials turned off',
        code: `import { cors } from '@elysiajs/cors';
app.use(cors({ credentials: false }));`,
      },
      {
        name: 'elysia: listed origin with the default credentials',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'app.example.com' }));`,
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: "raw: '*' without Allow-Credentials",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  next();
});`,
      },
      {
        name: 'raw: validated reflection with credentials',
        code: `const ALLOWED = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      },
      {
        name: "raw: Allow-Credentials 'false'",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'false');
  next();
});`,
      },
      {
        name: 'raw: Allow-Credentials written in another function is another policy group',
        code: `export function preflight(req, res) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end();
}
export function login(req, res) {
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end();
}`,
      },
      {
        name: "raw: '*' in lists without credentials",
        code: `app.use((req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': 'https://app.example.com',
    'Access-Control-Allow-Methods': '*',
    'Access-Control-Allow-Headers': '*',
  });
  next();
});`,
      },
      {
        name: 'raw: assertions on response headers are not writes',
        code: `it('allows credentials', async () => {
  const res = await request(app).get('/');
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.headers['access-control-allow-credentials']).toBe('true');
});`,
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: "next: '*' without credentials",
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] }];
  },
};`,
      },
      {
        name: 'next: credentials with a listed origin',
        filename: 'next.config.mjs',
        code: `export default {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
          { key: 'Access-Control-Allow-Credentials', value: 'true' },
          { key: 'Access-Control-Allow-Headers', value: 'Content-Type, Authorization' },
        ],
      },
    ];
  },
};`,
      },
      {
        name: "next: '*' with credentials outside next.config is not Next.js configuration",
        filename: 'config/headers.js',
        code: `module.exports = {
  async headers() {
    return [{ source: '/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }] }];
  },
};`,
      },
    ],
    invalid: [
      // ---------------------------------------------------------------- express `cors`
      {
        name: "express: origin '*' with credentials",
        code: `import cors from 'cors';
app.use(cors({
  origin: '*',
  credentials: true,
}));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
  credentials: true,
}));`) }],
      },
      {
        name: 'express: default origin (*) with credentials, reported on the options object',
        code: `import cors from 'cors';
app.use(cors({ credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'express: origin true with credentials reflects with credentials',
        code: `import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'express: match-all regex with credentials',
        code: `import cors from 'cors';
app.use(cors({ origin: /.+/, credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'express: allow-all origin callback with credentials',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, callback) => {
    callback(null, true);
  },
  credentials: true,
}));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
  credentials: true,
}));`) }],
      },
      {
        name: 'express: callback that allows the missing-origin path and every other path',
        code: `import cors from 'cors';
app.use(cors({
  credentials: true,
  origin: function (origin, cb) {
    if (!origin) return cb(null, true);
    return cb(null, origin);
  },
}));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 4, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  credentials: true,
  origin: ${ENV_LIST},
}));`) }],
      },
      {
        name: "express: env origin with a '*' fallback and credentials",
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CLIENT_URL || '*', credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'cors';
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'express: origin true in a ternary branch with credentials',
        code: `import cors from 'cors';
const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: dev ? true : 'https://app.example.com', credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'cors';
const dev = process.env.NODE_ENV !== 'production';
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'express: credentials from a const chain',
        code: `import cors from 'cors';
const ALLOW_CREDENTIALS = true;
const WITH_COOKIES = ALLOW_CREDENTIALS;
app.use(cors({ origin: true, credentials: WITH_COOKIES }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 4, suggestions: allowlist(`import cors from 'cors';
const ALLOW_CREDENTIALS = true;
const WITH_COOKIES = ALLOW_CREDENTIALS;
app.use(cors({ origin: ${ENV_LIST}, credentials: WITH_COOKIES }));`) }],
      },
      {
        name: 'express: credentials and origin from spread const objects',
        code: `import cors from 'cors';
const base = { credentials: true, maxAge: 600 };
const corsOptions = { ...base, origin: '*' };
app.use(cors(corsOptions));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'cors';
const base = { credentials: true, maxAge: 600 };
const corsOptions = { ...base, origin: ${ENV_LIST} };
app.use(cors(corsOptions));`) }],
      },
      {
        name: "express: '*' in methods with credentials and listed origins",
        code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], credentials: true, methods: '*' }));`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 2 }],
      },
      {
        name: "express: '*' element in allowedHeaders with credentials",
        code: `import cors from 'cors';
app.use(cors({
  origin: 'https://app.example.com',
  credentials: true,
  allowedHeaders: ['Content-Type', '*'],
}));`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 5 }],
      },
      {
        name: "express: '*' in the headers alias with credentials",
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', credentials: true, headers: '*' }));`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 2 }],
      },
      {
        name: "express: '*' token in a comma-separated exposedHeaders string with credentials",
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com', credentials: true, exposedHeaders: 'X-Total-Count, *' }));`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 2 }],
      },
      {
        name: "express: reflected origin and a '*' header list with credentials are two findings",
        code: `import cors from 'cors';
app.use(cors({
  origin: true,
  credentials: true,
  allowedHeaders: '*',
}));`,
        errors: [
          { messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors({
  origin: ${ENV_LIST},
  credentials: true,
  allowedHeaders: '*',
}));`) },
          { messageId: 'wildcardListWithCredentials', line: 5 },
        ],
      },
      {
        name: 'express: options delegate answering origin true with credentials unchecked',
        code: `import cors from 'cors';
app.use(cors((req, cb) => {
  cb(null, { origin: true, credentials: true });
}));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'cors';
app.use(cors((req, cb) => {
  cb(null, { origin: ${ENV_LIST}, credentials: true });
}));`) }],
      },
      {
        name: 'express: route-level cors() with credentials',
        code: `import cors from 'cors';
app.options('/auth/*', cors({ origin: true, credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'cors';
app.options('/auth/*', cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      // ---------------------------------------------------------------- import awareness
      {
        name: 'import: require in CommonJS',
        filename: 'app.cjs',
        languageOptions: COMMONJS,
        code: `const corsMiddleware = require('cors');
app.use(corsMiddleware({ origin: true, credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`const corsMiddleware = require('cors');
app.use(corsMiddleware({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'import: inline require(cors)(…)',
        code: `app.use(require('cors')({ origin: '*', credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 1, suggestions: allowlist(`app.use(require('cors')({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'import: await import() default',
        code: `const { default: cors } = await import('cors');
app.use(cors({ origin: true, credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`const { default: cors } = await import('cors');
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'import: namespace import .default',
        code: `import * as corsLib from 'cors';
app.use(corsLib.default({ credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import * as corsLib from 'cors';
app.use(corsLib.default({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      // ---------------------------------------------------------------- @fastify/cors
      {
        name: 'fastify: origin true with credentials',
        code: `import cors from '@fastify/cors';
await app.register(cors, { origin: true, credentials: true });`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await app.register(cors, { origin: ${ENV_LIST}, credentials: true });`) }],
      },
      {
        name: 'fastify: default origin with credentials',
        code: `import fastifyCors from '@fastify/cors';
app.register(fastifyCors, { credentials: true });`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import fastifyCors from '@fastify/cors';
app.register(fastifyCors, { origin: ${ENV_LIST}, credentials: true });`) }],
      },
      {
        name: "fastify: an array containing '*' with credentials",
        code: `import cors from '@fastify/cors';
await app.register(cors, { origin: ['https://app.example.com', '*'], credentials: true });`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await app.register(cors, { origin: ${ENV_LIST}, credentials: true });`) }],
      },
      {
        name: "fastify: the string 'true' turns credentials on (truthy)",
        code: `import cors from '@fastify/cors';
await app.register(cors, { origin: '*', credentials: 'true' });`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@fastify/cors';
await app.register(cors, { origin: ${ENV_LIST}, credentials: 'true' });`) }],
      },
      {
        name: 'fastify: inline import() plugin with credentials',
        code: `await app.register(import('@fastify/cors'), { origin: true, credentials: true });`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 1, suggestions: allowlist(`await app.register(import('@fastify/cors'), { origin: ${ENV_LIST}, credentials: true });`) }],
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: "hono: origin '*' with credentials",
        code: `import { cors } from 'hono/cors';
app.use('*', cors({ origin: '*', credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import { cors } from 'hono/cors';
app.use('*', cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'hono: default origin with credentials',
        code: `import { cors as honoCors } from 'hono/cors';
app.use('/api/*', honoCors({ credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import { cors as honoCors } from 'hono/cors';
app.use('/api/*', honoCors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'hono: reflecting origin function with credentials',
        code: `import { cors } from 'hono/cors';
app.use('*', cors({
  origin: (origin) => origin,
  credentials: true,
}));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import { cors } from 'hono/cors';
app.use('*', cors({
  origin: ${ENV_LIST},
  credentials: true,
}));`) }],
      },
      {
        name: "hono: '*' in allowHeaders with credentials",
        code: `import { cors } from 'hono/cors';
app.use('*', cors({ origin: ['https://app.example.com'], credentials: true, allowHeaders: ['*'] }));`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 2 }],
      },
      // ---------------------------------------------------------------- @koa/cors
      {
        name: '@koa/cors: default origin with credentials reflects every origin',
        code: `import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 4, suggestions: allowlist(`import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: true }));`) }],
      },
      {
        name: "@koa/cors: '*' with credentials turns into reflection",
        code: `import cors from '@koa/cors';
app.use(cors({ origin: '*', credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: true }));`) }],
      },
      {
        name: "@koa/cors: the string 'true' turns credentials on (truthy)",
        code: `const cors = require('@koa/cors');
app.use(cors({ credentials: 'true' }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`const cors = require('@koa/cors');
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: 'true' }));`) }],
      },
      {
        name: "@koa/cors: even the string 'false' turns credentials on (truthy)",
        code: `import cors from '@koa/cors';
app.use(cors({ origin: '*', credentials: 'false' }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: 'false' }));`) }],
      },
      {
        name: '@koa/cors: origin function echoing ctx.get(Origin) with credentials',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@koa/cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: true }));`) }],
      },
      {
        name: "@koa/cors: '*' in allowMethods with credentials and a validating origin",
        code: `import cors from '@koa/cors';
app.use(cors({ origin: 'https://app.example.com', credentials: true, allowMethods: 'GET,*' }));`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 2 }],
      },
      // ---------------------------------------------------------------- koa2-cors
      {
        name: 'koa2-cors: default origin with credentials reflects',
        code: `import cors from 'koa2-cors';
app.use(cors({ credentials: true, allowMethods: ['GET', 'POST'] }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'koa2-cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: true, allowMethods: ['GET', 'POST'] }));`) }],
      },
      {
        name: "koa2-cors: '*' with credentials",
        code: `import cors from 'koa2-cors';
app.use(cors({ origin: '*', credentials: true }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'koa2-cors';
app.use(cors({ origin: ${KOA_ALLOWLIST}, credentials: true }));`) }],
      },
      {
        name: 'koa2-cors: origin function returning the request origin with credentials',
        code: `import cors from 'koa2-cors';
app.use(cors({
  origin: (ctx) => ctx.header.origin,
  credentials: true,
}));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import cors from 'koa2-cors';
app.use(cors({
  origin: ${KOA_ALLOWLIST},
  credentials: true,
}));`) }],
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: enableCors origin true with credentials',
        code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: true, credentials: true });`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 4, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ${ENV_LIST}, credentials: true });`) }],
      },
      {
        name: 'nestjs: enableCors default origin with credentials',
        code: `import { Logger } from '@nestjs/common';
app.enableCors({ credentials: true });`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import { Logger } from '@nestjs/common';
app.enableCors({ origin: ${ENV_LIST}, credentials: true });`) }],
      },
      {
        name: 'nestjs: create(M, { cors }) with origin true and credentials',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, {
  cors: { origin: true, credentials: true },
});`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, {
  cors: { origin: ${ENV_LIST}, credentials: true },
});`) }],
      },
      {
        name: 'nestjs: create(M, adapter, { cors }) with credentials and no origin',
        code: `import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
const app = await NestFactory.create(AppModule, new ExpressAdapter(), { cors: { credentials: true } });`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 3, suggestions: allowlist(`import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
const app = await NestFactory.create(AppModule, new ExpressAdapter(), { cors: { origin: ${ENV_LIST}, credentials: true } });`) }],
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: 'socket.io: origin true with credentials',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: true, credentials: true } });`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: ${ENV_LIST}, credentials: true } });`) }],
      },
      {
        name: "socket.io: '*' with credentials via require",
        code: `const { Server } = require('socket.io');
const io = new Server(server, {
  cors: { origin: '*', credentials: true },
});`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 3, suggestions: allowlist(`const { Server } = require('socket.io');
const io = new Server(server, {
  cors: { origin: ${ENV_LIST}, credentials: true },
});`) }],
      },
      // ---------------------------------------------------------------- @elysiajs/cors
      {
        name: 'elysia: cors() reflects every origin with credentials by default',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors()).listen(3000);`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, suggestions: allowlist(`import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: ${ENV_LIST} })).listen(3000);`) }],
      },
      {
        name: 'elysia: origin true with default credentials',
        code: `import cors from '@elysiajs/cors';
app.use(cors({ origin: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from '@elysiajs/cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: 'elysia: predicate that always returns true',
        code: `import { cors } from '@elysiajs/cors';
app.use(cors({ origin: () => true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import { cors } from '@elysiajs/cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      {
        name: "elysia: origin '*' with default credentials",
        code: `import { cors } from '@elysiajs/cors';
app.use(cors({ origin: '*' }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2, suggestions: allowlist(`import { cors } from '@elysiajs/cors';
app.use(cors({ origin: ${ENV_LIST} }));`) }],
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: "raw: express '*' with Allow-Credentials 'true'",
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2 }],
      },
      {
        name: 'raw: express unvalidated reflection with Allow-Credentials true (boolean)',
        code: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Credentials', true);
  next();
});`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2 }],
      },
      {
        name: 'raw: truthiness check before reflecting with credentials is not validation',
        code: `app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 4 }],
      },
      {
        name: "raw: '*' in Allow-Headers and Allow-Methods with credentials",
        code: `const ALLOWED = ['https://app.example.com'];
app.use((req, res, next) => {
  if (ALLOWED.includes(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, *');
  next();
});`,
        errors: [
          { messageId: 'wildcardListWithCredentials', line: 5 },
          { messageId: 'wildcardListWithCredentials', line: 6 },
        ],
      },
      {
        name: "raw: '*' in Expose-Headers with credentials",
        code: `export function GET() {
  return new Response('[]', {
    headers: {
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Expose-Headers': '*',
    },
  });
}`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 6 }],
      },
      {
        name: 'raw: fastify reply.header reflection with credentials',
        code: `fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', request.headers.origin);
  reply.header('Access-Control-Allow-Credentials', 'true');
});`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2 }],
      },
      {
        name: 'raw: hono c.header reflection with credentials',
        code: `app.use('*', async (c, next) => {
  c.header('Access-Control-Allow-Origin', c.req.header('Origin'));
  c.header('Access-Control-Allow-Credentials', 'true');
  await next();
});`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2 }],
      },
      {
        name: "raw: koa ctx.set '*' with credentials",
        code: `app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Access-Control-Allow-Credentials', 'true');
  await next();
});`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2 }],
      },
      {
        name: 'raw: node http writeHead with reflection and credentials',
        code: `import { createServer } from 'node:http';
createServer((req, res) => {
  res.writeHead(200, {
    'Access-Control-Allow-Origin': req.headers.origin,
    'Access-Control-Allow-Credentials': 'true',
  });
  res.end();
});`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 4 }],
      },
      {
        name: "raw: same-file const header object with '*' and credentials",
        code: `const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
};
export const OPTIONS = () => new Response(null, { status: 204, headers: corsHeaders });`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2 }],
      },
      {
        name: "raw: new Headers with a '*' env fallback and credentials",
        code: `export function corsHeaders() {
  return new Headers({
    'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '*',
    'Access-Control-Allow-Credentials': 'true',
  });
}`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 3 }],
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: "next: '*' with credentials in the same entry",
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Access-Control-Allow-Credentials', value: 'true' },
          { key: 'Access-Control-Allow-Origin', value: '*' },
        ],
      },
    ];
  },
};`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 8 }],
      },
      {
        name: "next: '*' in Allow-Headers with credentials and a listed origin",
        filename: 'next.config.mjs',
        code: `const nextConfig = {
  async headers() {
    return [{
      source: '/api/:path*',
      headers: [
        { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
        { key: 'Access-Control-Allow-Credentials', value: 'true' },
        { key: 'Access-Control-Allow-Headers', value: '*' },
      ],
    }];
  },
};
export default nextConfig;`,
        errors: [{ messageId: 'wildcardListWithCredentials', line: 8 }],
      },
      {
        name: 'next: has header without a value as :origin with credentials',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [{
      source: '/api/:path*',
      has: [{ type: 'header', key: 'Origin' }],
      headers: [
        { key: 'Access-Control-Allow-Origin', value: ':origin' },
        { key: 'Access-Control-Allow-Credentials', value: 'true' },
      ],
    }];
  },
};`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 7 }],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with credentials and listed origins',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = { origin: ['https://app.example.com'], credentials: true };`,
      },
      {
        name: 'ts: credentials typed as boolean from config are opaque',
        code: `import cors from 'cors';
const withCredentials: boolean = config.get<boolean>('cors.credentials');
app.use(cors({ origin: '*', credentials: withCredentials }));`,
      },
    ],
    invalid: [
      {
        name: "ts: typed CorsOptions with '*' and credentials",
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: '*',
  credentials: true,
};`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 3, suggestions: allowlist(`import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: ${ENV_LIST},
  credentials: true,
};`) }],
      },
      {
        name: 'ts: satisfies FastifyCorsOptions with origin true and credentials',
        code: `import cors, { type FastifyCorsOptions } from '@fastify/cors';
const options = { origin: true, credentials: true } satisfies FastifyCorsOptions;
await app.register(cors, options);`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors, { type FastifyCorsOptions } from '@fastify/cors';
const options = { origin: ${ENV_LIST}, credentials: true } satisfies FastifyCorsOptions;
await app.register(cors, options);`) }],
      },
      {
        name: 'ts: NestJS CorsOptions type with origin true and credentials',
        code: `import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
export const corsConfig: CorsOptions = { origin: true, credentials: true };`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
export const corsConfig: CorsOptions = { origin: ${ENV_LIST}, credentials: true };`) }],
      },
      {
        name: 'ts: TS wrappers around credentials and origin',
        code: `import cors from 'cors';
app.use(cors({ origin: '*' as string, credentials: true as const }));`,
        errors: [{ messageId: 'anyOriginWithCredentials', line: 2 }],
      },
      {
        name: 'ts: import cors = require(cors)',
        code: `import cors = require('cors');
app.use(cors({ origin: true, credentials: true }));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors = require('cors');
app.use(cors({ origin: ${ENV_LIST}, credentials: true }));`) }],
      },
      {
        name: 'ts: non-null options object',
        code: `import cors from 'cors';
const options = { origin: /.*/, credentials: true };
app.use(cors(options!));`,
        errors: [{ messageId: 'reflectedOriginWithCredentials', line: 2, suggestions: allowlist(`import cors from 'cors';
const options = { origin: ${ENV_LIST}, credentials: true };
app.use(cors(options!));`) }],
      },
    ],
  },
});
