import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-hardcoded-origins.js';
import { runBoth } from '../rule-tester.js';

/** CommonJS scope analysis (ESLint honours `sourceType` here; the tester's type does not declare it). */
const COMMONJS = { sourceType: 'commonjs' } as TestLanguageOptions;

runBoth('no-hardcoded-origins', rule, {
  both: {
    valid: [
      // ---------------------------------------------------------------- express `cors`
      {
        name: 'express: origin from an environment variable without a fallback',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));`,
      },
      {
        name: 'express: origin list split from an environment variable',
        code: `import cors from 'cors';
const origins = (process.env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
app.use(cors({ origin: origins }));`,
      },
      {
        name: 'express: imported options',
        code: `import cors from 'cors';
import { corsOptions } from './config/cors.js';
app.use(cors(corsOptions));`,
      },
      {
        name: 'express: imported origin list',
        code: `import cors from 'cors';
import { ALLOWED_ORIGINS } from './constants.js';
app.use(cors({ origin: ALLOWED_ORIGINS }));`,
      },
      {
        name: 'express: origin from config.get()',
        code: `import cors from 'cors';
import config from 'config';
app.use(cors({ origin: config.get('cors.origins') }));`,
      },
      {
        name: 'express: origin from a function parameter',
        code: `import cors from 'cors';
export function createCors(allowedOrigins) {
  return cors({ origin: allowedOrigins });
}`,
      },
      {
        name: "express: '*', true and a match-all regex are no-wildcard-origin's business",
        code: `import cors from 'cors';
app.use('/public', cors({ origin: '*' }));
app.use('/dev', cors({ origin: true }));
app.use('/all', cors({ origin: /.*/ }));`,
      },
      {
        name: "express: 'null' is not origin-like",
        code: `import cors from 'cors';
app.use(cors({ origin: 'null' }));`,
      },
      {
        name: 'express: callback comparing with an env allowlist',
        code: `import cors from 'cors';
const allowlist = process.env.CORS_ORIGINS.split(',');
app.use(cors({
  origin(origin, callback) {
    if (!origin || allowlist.includes(origin)) return callback(null, true);
    callback(new Error('Origin not allowed, see https://docs.example.com/cors'));
  },
}));`,
      },
      {
        name: 'express: suffix check against a domain (not an origin-like literal)',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, cb) => cb(null, !origin || origin.endsWith('.example.com')),
}));`,
      },
      {
        name: 'express: API base URLs, fetch targets, redirects and messages do not decide the allowed origin',
        code: `import cors from 'cors';
const API_BASE = 'https://api.example.com/v1';
app.use(cors({ origin: process.env.FRONTEND_ORIGIN }));
app.get('/login', (req, res) => res.redirect('https://auth.example.com/login'));
app.get('/users', async (req, res) => {
  const response = await fetch(\`\${API_BASE}/users\`);
  console.log('proxied to https://api.example.com');
  res.json(await response.json());
});`,
      },
      {
        name: 'express: a Location header is not an Allow-Origin value',
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.APP_ORIGIN);
  res.setHeader('Location', 'https://app.example.com/welcome');
  next();
});`,
      },
      {
        name: 'express: origin-like strings in comments are not code',
        code: `import cors from 'cors';
// origin: 'https://app.example.com'
/* allowed: http://localhost:3000 */
app.use(cors({ origin: process.env.CORS_ORIGIN }));`,
      },
      {
        name: 'import: a local cors function is not the cors package',
        code: `function cors(options) {
  return (req, res, next) => next();
}
app.use(cors({ origin: 'https://app.example.com' }));`,
      },
      {
        name: 'import: cors from another module is not the cors package',
        code: `import cors from '../lib/cors.js';
app.use(cors({ origin: ['https://app.example.com'] }));`,
      },
      {
        name: 'file: origin list in a file without any CORS policy',
        code: `export const TRUSTED_SITES = ['https://app.example.com', 'https://partner.example.org'];
export const isTrusted = (url) => TRUSTED_SITES.some((site) => url.startsWith(site));`,
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: 'hono: origin function checking an env binding',
        code: `import { cors } from 'hono/cors';
app.use('*', cors({
  origin: (origin, c) => (c.env.ALLOWED_ORIGINS.split(',').includes(origin) ? origin : null),
}));`,
      },
      // ---------------------------------------------------------------- @koa/cors / koa2-cors
      {
        name: '@koa/cors: origin function comparing with an env variable',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: (ctx) => (ctx.get('Origin') === process.env.WEB_ORIGIN ? ctx.get('Origin') : '') }));`,
      },
      {
        name: 'koa2-cors: default origin',
        code: `import cors from 'koa2-cors';
app.use(cors({ allowMethods: ['GET'] }));`,
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: enableCors with an env origin',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: process.env.CLIENT_URL, credentials: true });`,
      },
      {
        name: 'nestjs: create with cors options from ConfigService',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: { origin: configService.get('CORS_ORIGIN') } });`,
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: 'socket.io: a legacy origins option without a cors key is no policy',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { origins: ['https://app.example.com'] });`,
      },
      {
        name: 'socket.io: env origin',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: process.env.CLIENT_ORIGIN } });`,
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: 'raw: guard comparing the request origin with an env value',
        code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin === process.env.APP_ORIGIN) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      },
      {
        name: 'raw: test assertions and supertest request headers are not policies',
        code: `it('reflects an allowed origin', async () => {
  const res = await request(app).get('/api').set('Origin', 'https://app.example.com');
  expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
  expect(res.headers).toMatchObject({ 'access-control-allow-origin': 'https://app.example.com' });
  await request(app).options('/api').expect('Access-Control-Allow-Origin', 'https://app.example.com');
});`,
      },
      {
        name: 'raw: a header object that is never written is not a policy',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.APP_ORIGIN }));
export const EXPECTED_HEADERS = { 'Access-Control-Allow-Origin': 'https://app.example.com' };`,
      },
      {
        name: 'raw: Allow-Origin from an env var in new Response',
        code: `export async function GET() {
  return Response.json({ ok: true }, { headers: { 'Access-Control-Allow-Origin': process.env.NEXT_PUBLIC_SITE_URL } });
}`,
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: 'next: literal origin outside a next.config file is not Next.js configuration',
        filename: 'src/config/headers.js',
        code: `module.exports = {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }] }];
  },
};`,
      },
      {
        name: 'next: env origin in next.config.js',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: process.env.ALLOWED_ORIGIN }] }];
  },
};`,
      },
      {
        name: 'next: rewrite destinations are not origins',
        filename: 'next.config.js',
        code: `module.exports = {
  async rewrites() {
    return [{ source: '/api/:path*', destination: 'https://api.example.com/:path*' }];
  },
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] }];
  },
};`,
      },
    ],
    invalid: [
      {
        name: 'raw: an origin reflected inside a conditional spread guarded by the allowlist (Next.js middleware style)',
        code: `const allowedOrigins = ['https://acme.com'];
export function middleware(request) {
  const origin = request.headers.get('origin') ?? '';
  const isAllowedOrigin = allowedOrigins.includes(origin);
  const headers = { ...(isAllowedOrigin && { 'Access-Control-Allow-Origin': origin }), 'Access-Control-Allow-Methods': 'GET' };
  return Response.json({}, { headers });
}`,
        errors: [{ messageId: 'hardcodedOrigin', line: 1 }],
      },
      {
        name: 'express: options chosen by a conditional are each a policy',
        code: `import cors from 'cors';
const isProduction = process.env.NODE_ENV === 'production';
app.use(cors(isProduction ? { origin: 'https://app.example.com' } : { origin: 'http://localhost:5173' }));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 3 },
          { messageId: 'hardcodedLocalhost', line: 3 },
        ],
      },
      // ---------------------------------------------------------------- express `cors`
      {
        name: 'express: literal origin string',
        code: `import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: array of literal origins, one report each',
        code: `import cors from 'cors';
app.use(cors({
  origin: [
    'https://app.example.com',
    'https://admin.example.com',
  ],
}));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 4 },
          { messageId: 'hardcodedOrigin', line: 5 },
        ],
      },
      {
        name: 'express: const array declared elsewhere in the file is reported on each literal',
        code: `import express from 'express';
import cors from 'cors';
const ALLOWED_ORIGINS = ['https://app.example.com', 'http://localhost:3000'];
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 3 },
          { messageId: 'hardcodedLocalhost', line: 3 },
        ],
      },
      {
        name: 'express: env var with a localhost fallback',
        code: `import cors from 'cors';
app.use(cors({ origin: process.env.CLIENT_URL || 'http://localhost:3000' }));`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'express: env var with a ?? fallback list',
        code: `import cors from 'cors';
const origins = process.env.CORS_ORIGINS?.split(',') ?? ['https://app.example.com'];
app.use(cors({ origin: origins }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: both ternary branches',
        code: `import cors from 'cors';
const isProd = process.env.NODE_ENV === 'production';
app.use(cors({
  origin: isProd ? 'https://app.example.com' : 'http://localhost:5173',
}));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 4 },
          { messageId: 'hardcodedLocalhost', line: 4 },
        ],
      },
      {
        name: 'express: literal regex origin',
        code: `import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/ }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: new RegExp(literal) origin',
        code: `import cors from 'cors';
app.use(cors({ origin: [new RegExp('^https://app\\\\.example\\\\.com$')] }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: loopback regex origin',
        code: `import cors from 'cors';
app.use(cors({ origin: /^http:\\/\\/localhost:\\d+$/ }));`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'express: loopback origins (127.0.0.1, [::1], *.localhost) count',
        code: `import cors from 'cors';
app.use(cors({
  origin: ['http://127.0.0.1:8080', 'http://[::1]:3000', 'http://app.localhost'],
}));`,
        errors: [
          { messageId: 'hardcodedLocalhost', line: 3 },
          { messageId: 'hardcodedLocalhost', line: 3 },
          { messageId: 'hardcodedLocalhost', line: 3 },
        ],
      },
      {
        name: 'express: template literal without expressions',
        code: `import cors from 'cors';
app.use(cors({ origin: \`https://app.example.com\` }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: non-http origin-like literal (browser extension)',
        code: `import cors from 'cors';
app.use(cors({ origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: const chain of origin constants',
        code: `import cors from 'cors';
const PROD_ORIGIN = 'https://app.example.com';
const DEV_ORIGIN = 'http://localhost:3000';
const ORIGINS = [PROD_ORIGIN, DEV_ORIGIN];
const corsOptions = { origin: ORIGINS };
app.use(cors(corsOptions));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 2 },
          { messageId: 'hardcodedLocalhost', line: 3 },
        ],
      },
      {
        name: 'express: origin from a spread const object',
        code: `import cors from 'cors';
const base = { origin: 'https://app.example.com', credentials: true };
app.use(cors({ ...base, maxAge: 600 }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: const array through filter(Boolean) and map(trim)',
        code: `import cors from 'cors';
const ORIGINS = ['https://app.example.com', process.env.EXTRA_ORIGIN];
app.use(cors({ origin: ORIGINS.filter(Boolean).map((o) => o.trim()) }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: const Set of origins',
        code: `import cors from 'cors';
const ORIGINS = new Set(['https://app.example.com']);
app.use(cors({ origin: [...ORIGINS] }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: callback comparing with a const allowlist via includes',
        code: `import cors from 'cors';
const allowlist = [
  'https://app.example.com',
  'https://admin.example.com',
];
app.use(cors({
  origin(origin, callback) {
    if (!origin || allowlist.includes(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
}));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 3 },
          { messageId: 'hardcodedOrigin', line: 4 },
        ],
      },
      {
        name: 'express: callback comparing with indexOf',
        code: `import cors from 'cors';
const whitelist = ['https://app.example.com'];
app.use(cors({
  origin: function (origin, callback) {
    if (whitelist.indexOf(origin) !== -1) callback(null, true);
    else callback(new Error('Not allowed'));
  },
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: callback comparing with a Set via has',
        code: `import cors from 'cors';
const ALLOWED = new Set(['https://app.example.com', 'http://localhost:4200']);
app.use(cors({ origin: (origin, cb) => cb(null, ALLOWED.has(origin)) }));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 2 },
          { messageId: 'hardcodedLocalhost', line: 2 },
        ],
      },
      {
        name: 'express: callback comparing with === a literal',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, cb) => {
    if (origin === 'https://app.example.com') return cb(null, true);
    cb(null, false);
  },
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 4 }],
      },
      {
        name: 'express: callback testing a regex',
        code: `import cors from 'cors';
const ORIGIN_PATTERN = /^https:\\/\\/[a-z]+\\.example\\.com$/;
app.use(cors({ origin: (origin, cb) => cb(null, !origin || ORIGIN_PATTERN.test(origin)) }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: callback with an origin-like startsWith argument',
        code: `import cors from 'cors';
app.use(cors({
  origin: (origin, cb) => cb(null, origin.startsWith('https://app.example.com')),
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      {
        name: 'express: callback answering a literal origin',
        code: `import cors from 'cors';
app.use(cors({ origin: (origin, cb) => cb(null, 'https://app.example.com') }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: callback comparing through a same-file helper',
        code: `import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
function isAllowedOrigin(value) {
  return ALLOWED.includes(value);
}
app.use(cors({ origin: (origin, cb) => cb(null, isAllowedOrigin(origin)) }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: localhost literal in the development branch with an env production branch',
        code: `import cors from 'cors';
app.use(cors({
  origin: process.env.NODE_ENV === 'development' ? 'http://localhost:3000' : process.env.CLIENT_URL,
}));`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 3 }],
      },
      {
        name: 'express: callback with an origin-like loopback startsWith argument',
        code: `import cors from 'cors';
app.use(cors({ origin: (origin, cb) => cb(null, !origin || origin.startsWith('http://localhost')) }));`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'express: callback comparing inside list.some(...)',
        code: `import cors from 'cors';
const TRUSTED = ['https://app.example.com'];
app.use(cors({ origin: (origin, cb) => cb(null, TRUSTED.some((trusted) => trusted === origin)) }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: callback comparing new URL(origin).origin with a literal',
        code: `import cors from 'cors';
app.use(cors({ origin: (origin, cb) => cb(null, new URL(origin).origin === 'https://app.example.com') }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'express: loopback IP regex',
        code: `import cors from 'cors';
app.use(cors({ origin: /^http:\\/\\/127\\.0\\.0\\.1:\\d+$/ }));`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'express: options delegate answering a literal origin',
        code: `import cors from 'cors';
app.use(cors((req, callback) => {
  callback(null, { origin: 'https://app.example.com' });
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      {
        name: 'express: options delegate comparing the origin (with a fallback) against a literal list',
        code: `import cors from 'cors';
const allowlist = ['https://app.example.com'];
app.use(cors((req, callback) => {
  const corsOptions = allowlist.includes(req.header('Origin') || '') ? { origin: true } : { origin: false };
  callback(null, corsOptions);
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      // ---------------------------------------------------------------- import awareness
      {
        name: 'import: require in CommonJS',
        filename: 'server.cjs',
        languageOptions: COMMONJS,
        code: `const cors = require('cors');
app.use(cors({ origin: 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'import: aliased default import',
        code: `import corsMiddleware from 'cors';
app.use(corsMiddleware({ origin: 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'import: await import()',
        code: `const { default: cors } = await import('cors');
app.use(cors({ origin: 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'import: hono namespace import',
        code: `import * as honoCors from 'hono/cors';
app.use('*', honoCors.cors({ origin: 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'import: hono aliased named import',
        code: `import { cors as allowOrigins } from 'hono/cors';
app.use('*', allowOrigins({ origin: ['https://app.example.com'] }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'import: fastify plugin binding passed as an argument',
        code: `import fastifyCors from '@fastify/cors';
const plugin = fastifyCors;
await app.register(plugin, { origin: 'https://app.example.com' });`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      // ---------------------------------------------------------------- @fastify/cors
      {
        name: 'fastify: string and regex origins',
        code: `import cors from '@fastify/cors';
await app.register(cors, {
  origin: ['https://app.example.com', /^https:\\/\\/preview-\\d+\\.example\\.com$/],
});`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 3 },
          { messageId: 'hardcodedOrigin', line: 3 },
        ],
      },
      {
        name: 'fastify: inline require plugin',
        code: `fastify.register(require('@fastify/cors'), { origin: 'http://localhost:3000' });`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 1 }],
      },
      // ---------------------------------------------------------------- hono/cors
      {
        name: 'hono: array origin',
        code: `import { cors } from 'hono/cors';
app.use('*', cors({ origin: ['https://app.example.com'] }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'hono: origin function with a list and a literal fallback',
        code: `import { cors } from 'hono/cors';
const ALLOWED = ['https://app.example.com'];
app.use('*', cors({
  origin: (origin) => (ALLOWED.includes(origin) ? origin : 'https://www.example.com'),
}));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 2 },
          { messageId: 'hardcodedOrigin', line: 4 },
        ],
      },
      // ---------------------------------------------------------------- @koa/cors
      {
        name: '@koa/cors: string origin',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: 'https://app.example.com', credentials: true }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: '@koa/cors: origin function comparing with a const Set',
        code: `import cors from '@koa/cors';
const ALLOWED = new Set(['https://app.example.com']);
app.use(cors({
  origin(ctx) {
    const origin = ctx.get('Origin');
    return ALLOWED.has(origin) ? origin : '';
  },
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: '@koa/cors: origin function returning a literal',
        code: `import cors from '@koa/cors';
app.use(cors({ origin: () => 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      // ---------------------------------------------------------------- koa2-cors
      {
        name: 'koa2-cors: string origin',
        code: `import cors from 'koa2-cors';
app.use(cors({ origin: 'http://localhost:8080' }));`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'koa2-cors: origin function returning a literal for a matching request',
        code: `import cors from 'koa2-cors';
app.use(cors({
  origin: (ctx) => (ctx.header.origin === 'https://app.example.com' ? 'https://app.example.com' : false),
}));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 3 },
          { messageId: 'hardcodedOrigin', line: 3 },
        ],
      },
      // ---------------------------------------------------------------- NestJS
      {
        name: 'nestjs: enableCors with a literal list',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['https://app.example.com'], credentials: true });`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      {
        name: 'nestjs: create(M, { cors }) with a literal origin',
        code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, {
  cors: { origin: 'http://localhost:4200' },
});`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 3 }],
      },
      // ---------------------------------------------------------------- socket.io
      {
        name: 'socket.io: literal origins',
        code: `import { Server } from 'socket.io';
const io = new Server(httpServer, {
  cors: { origin: ['https://app.example.com', 'http://localhost:3000'], methods: ['GET', 'POST'] },
});`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 3 },
          { messageId: 'hardcodedLocalhost', line: 3 },
        ],
      },
      {
        name: 'socket.io: require(socket.io)(server, { cors })',
        code: `const io = require('socket.io')(server, { cors: { origin: 'http://localhost:8080' } });`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 1 }],
      },
      // ---------------------------------------------------------------- @elysiajs/cors
      {
        name: 'elysia: literal origin',
        code: `import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'https://app.example.com' }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      // ---------------------------------------------------------------- raw headers
      {
        name: 'raw: express res.setHeader literal',
        code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
});`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'raw: express res.header with a ternary const (both literals)',
        code: `const ORIGIN = process.env.NODE_ENV === 'production' ? 'https://app.example.com' : 'http://localhost:3000';
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', ORIGIN);
  next();
});`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 1 },
          { messageId: 'hardcodedLocalhost', line: 1 },
        ],
      },
      {
        name: 'raw: guard with an allowlist before reflecting',
        code: `const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 1 },
          { messageId: 'hardcodedOrigin', line: 1 },
        ],
      },
      {
        name: 'raw: validated reflection with a fallback element of the allowlist',
        code: `const ALLOWED = ['https://app.example.com', 'https://admin.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', ALLOWED.includes(origin) ? origin : ALLOWED[0]);
  next();
});`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 1 },
          { messageId: 'hardcodedOrigin', line: 1 },
        ],
      },
      {
        name: 'raw: early-exit guard with a Set',
        code: `const allowed = new Set(['https://app.example.com']);
export default function handler(req, res) {
  const origin = req.headers['origin'];
  if (!allowed.has(origin)) return res.status(403).end();
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
}`,
        errors: [{ messageId: 'hardcodedOrigin', line: 1 }],
      },
      {
        name: 'raw: guard with === a literal',
        code: `app.use((req, res, next) => {
  if (req.get('origin') === 'http://localhost:3000') res.set('Access-Control-Allow-Origin', req.get('origin'));
  next();
});`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'raw: fastify reply.header literal',
        code: `fastify.addHook('onSend', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
});`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'raw: hono c.header literal',
        code: `app.use('*', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', 'https://app.example.com');
});`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      {
        name: 'raw: koa ctx.set literal',
        code: `app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', 'https://app.example.com');
  await next();
});`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'raw: node http writeHead literal',
        code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'http://localhost:5173' });
  res.end();
});`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 3 }],
      },
      {
        name: 'raw: new Response with a const header object',
        code: `const corsHeaders = {
  'Access-Control-Allow-Origin': 'https://app.example.com',
  'Access-Control-Allow-Methods': 'GET, POST',
};
export function OPTIONS() {
  return new Response(null, { status: 204, headers: corsHeaders });
}`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'raw: new Headers literal',
        code: `export function corsHeaders() {
  return new Headers({ 'Access-Control-Allow-Origin': 'https://app.example.com' });
}`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'raw: env value with a literal fallback',
        code: `export const handler = async () => new Response('ok', {
  headers: { 'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? 'https://app.example.com' },
});`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      // ---------------------------------------------------------------- Next.js
      {
        name: 'next: literal Allow-Origin in next.config.js',
        filename: 'next.config.js',
        code: `module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }],
      },
    ];
  },
};`,
        errors: [{ messageId: 'hardcodedOrigin', line: 6 }],
      },
      {
        name: 'next: Allow-Origin via a const in next.config.mjs',
        filename: 'next.config.mjs',
        code: `const APP_ORIGIN = 'http://localhost:3001';
export default {
  headers: async () => [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: APP_ORIGIN }] }],
};`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 1 }],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with an env origin',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = { origin: process.env.CORS_ORIGIN!.split(','), credentials: true };`,
      },
    ],
    invalid: [
      {
        name: 'ts: typed CorsOptions object not passed to an API',
        code: `import type { CorsOptions } from 'cors';
export const corsOptions: CorsOptions = {
  origin: ['https://app.example.com'],
};`,
        errors: [{ messageId: 'hardcodedOrigin', line: 3 }],
      },
      {
        name: 'ts: as const array',
        code: `import cors from 'cors';
const ORIGINS = ['https://app.example.com', 'https://admin.example.com'] as const;
app.use(cors({ origin: [...ORIGINS] }));`,
        errors: [
          { messageId: 'hardcodedOrigin', line: 2 },
          { messageId: 'hardcodedOrigin', line: 2 },
        ],
      },
      {
        name: 'ts: satisfies FastifyCorsOptions',
        code: `import type { FastifyCorsOptions } from '@fastify/cors';
export default { origin: 'https://app.example.com' } satisfies FastifyCorsOptions;`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'ts: NestJS CorsOptions subpath import',
        code: `import { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
export const corsOptions: CorsOptions = { origin: ['http://localhost:4200'] };`,
        errors: [{ messageId: 'hardcodedLocalhost', line: 2 }],
      },
      {
        name: 'ts: import cors = require(cors)',
        code: `import cors = require('cors');
app.use(cors({ origin: 'https://app.example.com' as string }));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
      {
        name: 'ts: next.config.ts',
        filename: 'next.config.ts',
        code: `import type { NextConfig } from 'next';
const config: NextConfig = {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }] }];
  },
};
export default config;`,
        errors: [{ messageId: 'hardcodedOrigin', line: 4 }],
      },
      {
        name: 'ts: typed origin callback with a const allowlist',
        code: `import cors from 'cors';
const allowed: string[] = ['https://app.example.com'];
app.use(cors({
  origin: (origin: string | undefined, cb: (err: Error | null, ok?: boolean) => void) => cb(null, !origin || allowed.includes(origin)),
}));`,
        errors: [{ messageId: 'hardcodedOrigin', line: 2 }],
      },
    ],
  },
});
