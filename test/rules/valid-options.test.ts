import rule from '../../rules/valid-options.js';
import { runBoth } from '../rule-tester.js';

/** Strips the first newline and the common indentation, keeping backslashes as written. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const lines = String.raw({ raw: strings.raw }, ...values).replace(/^\n/u, '').replace(/\n\s*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}

runBoth('valid-options', rule, {
  both: {
    valid: [
      // ── express cors ──────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: every documented option, and the headers alias',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: ['https://app.example.com', /^https:\/\/[a-z]+\.example\.com$/],
            methods: 'GET,POST',
            allowedHeaders: ['Content-Type'],
            exposedHeaders: ['X-Total-Count'],
            credentials: true,
            maxAge: 600,
            preflightContinue: false,
            optionsSuccessStatus: 200,
          }));
          app.use('/legacy', cors({ origin: true, headers: 'Content-Type' }));
        `,
      },
      {
        name: 'express: spreads and computed keys are ignored',
        code: code`
          import cors from 'cors';
          import { baseCors } from './cors.js';
          const key = 'maxAge';
          app.use(cors({ ...baseCors, [key]: 600, origin: 'https://app.example.com' }));
        `,
      },
      {
        name: 'express: opaque options objects (imported, env, parameter)',
        code: code`
          import cors from 'cors';
          import corsOptions from './cors-options.js';
          app.use(cors(corsOptions));
          app.use(cors(JSON.parse(process.env.CORS_OPTIONS)));
          export const withCors = (options) => cors(options);
        `,
      },
      {
        name: 'express: opaque credentials and maxAge values',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            credentials: process.env.CORS_CREDENTIALS === 'true',
            maxAge: Number(process.env.CORS_MAX_AGE),
          }));
        `,
      },
      {
        name: 'express: maxAge 0, 7200, 86400 and 60 * 60 * 24 are in range',
        code: code`
          import cors from 'cors';
          app.use('/a', cors({ maxAge: 0 }));
          app.use('/b', cors({ maxAge: 7200 }));
          app.use('/c', cors({ maxAge: 86400 }));
          app.use('/d', cors({ maxAge: 60 * 60 * 24 }));
        `,
      },
      {
        name: 'express: origin callback that calls back',
        code: code`
          import cors from 'cors';
          const allowlist = ['https://app.example.com'];
          app.use(cors({
            origin(origin, callback) {
              if (!origin || allowlist.includes(origin)) return callback(null, true);
              return callback(new Error('Not allowed by CORS'));
            },
          }));
        `,
      },
      {
        name: 'express: async origin function that calls its callback',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: async (origin, callback) => {
              const allowed = await db.origins.exists(origin);
              callback(null, allowed);
            },
          }));
        `,
      },
      {
        name: 'express: origin callback handed on to a helper',
        code: code`
          import cors from 'cors';
          function checkOrigin(origin, callback) {
            callback(null, allowlist.includes(origin));
          }
          app.use(cors({ origin: (origin, callback) => checkOrigin(origin, callback) }));
        `,
      },
      {
        name: 'express: untyped object not passed to cors is out of scope',
        code: code`
          import cors from 'cors';
          const honoStyle = { allowHeaders: ['Content-Type'], credentials: 'true' };
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
      },
      {
        name: 'express: a local function named cors is not the package',
        code: code`
          const cors = (options) => (req, res, next) => next();
          app.use(cors({ allowHeaders: ['Content-Type'], maxAge: -1 }));
        `,
      },
      // ── @fastify/cors ─────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'fastify: fastify-only options',
        code: code`
          import cors from '@fastify/cors';
          await app.register(cors, {
            origin: 'https://app.example.com',
            methods: ['GET', 'POST'],
            allowedHeaders: ['Content-Type'],
            exposedHeaders: 'X-Total-Count',
            credentials: true,
            maxAge: 600,
            cacheControl: 600,
            preflight: true,
            strictPreflight: true,
            hideOptionsRoute: true,
            hook: 'onRequest',
            logLevel: 'warn',
            prefix: '/api',
            preflightContinue: false,
            optionsSuccessStatus: 204,
          });
        `,
      },
      {
        name: "fastify: ['*'] becomes '*' (no-wildcard-origin's business) and async origin functions work",
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: ['*'] });
          app.register(cors, { origin: async (origin) => allowlist.includes(origin) });
        `,
      },
      {
        name: 'fastify: delegator option',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { delegator: async (request) => ({ origin: request.url.startsWith('/public') }) });
        `,
      },
      // ── hono/cors ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'hono: hono option names with arrays, string and function origins',
        code: code`
          import { cors } from 'hono/cors';
          app.use('/a/*', cors({
            origin: ['https://app.example.com', 'https://admin.example.com'],
            allowMethods: ['GET', 'POST'],
            allowHeaders: ['Content-Type'],
            exposeHeaders: ['X-Total-Count'],
            maxAge: 600,
            credentials: true,
          }));
          app.use('/b/*', cors({ origin: 'https://app.example.com' }));
          app.use('/c/*', cors({ origin: async (origin, c) => ((await isAllowed(origin)) ? origin : null) }));
        `,
      },
      // ── @koa/cors, koa2-cors ──────────────────────────────────────────────────────────────────────────────────
      {
        name: '@koa/cors: koa-only options, string lists, async origin function',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({
            origin: async (ctx) => ((await allowed(ctx.get('Origin'))) ? ctx.get('Origin') : ''),
            allowMethods: 'GET,POST',
            allowHeaders: 'Content-Type',
            exposeHeaders: 'X-Total-Count',
            credentials: (ctx) => ctx.path.startsWith('/api'),
            keepHeadersOnError: true,
            secureContext: false,
            privateNetworkAccess: false,
            maxAge: 600,
          }));
        `,
      },
      {
        name: 'koa2-cors: arrays and a synchronous origin function',
        code: code`
          const cors = require('koa2-cors');
          app.use(cors({
            origin: (ctx) => (ALLOWED.includes(ctx.header.origin) ? ctx.header.origin : false),
            allowMethods: ['GET', 'POST'],
            allowHeaders: ['Content-Type'],
            exposeHeaders: ['X-Total-Count'],
            credentials: true,
            maxAge: 600,
          }));
        `,
      },
      // ── NestJS, socket.io, Elysia ─────────────────────────────────────────────────────────────────────────────
      {
        name: 'nest: valid enableCors and create options',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule, { cors: { origin: 'https://app.example.com', credentials: true } });
          app.enableCors({ origin: ['https://app.example.com'], methods: 'GET,POST', optionsSuccessStatus: 200 });
        `,
      },
      {
        name: 'nest: enableCors with opaque options',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { ConfigService } from '@nestjs/config';
          app.enableCors(app.get(ConfigService).get('cors'));
        `,
      },
      {
        name: 'socket.io: valid cors options and other server options',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, {
            path: '/ws',
            pingTimeout: 20000,
            cors: { origin: ['https://app.example.com'], methods: ['GET', 'POST'], credentials: true },
          });
        `,
      },
      {
        name: 'elysia: Elysia option names',
        code: code`
          import { cors } from '@elysiajs/cors';
          app.use(cors({ origin: 'app.example.com', methods: ['GET'], allowedHeaders: ['Content-Type'], exposeHeaders: ['X-Total-Count'], preflight: true, aot: true }));
        `,
      },
      // ── raw headers, Next.js ──────────────────────────────────────────────────────────────────────────────────
      {
        name: 'raw: header values are not options',
        code: code`
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            res.setHeader('Access-Control-Allow-Credentials', 'true');
            res.setHeader('Access-Control-Max-Age', '172800');
            next();
          });
        `,
      },
      {
        name: 'next: header values are not options',
        filename: 'next.config.js',
        code: code`
          module.exports = {
            async headers() {
              return [{
                source: '/api/:path*',
                headers: [
                  { key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' },
                  { key: 'Access-Control-Max-Age', value: '-1' },
                ],
              }];
            },
          };
        `,
      },
    ],
    invalid: [
      {
        name: 'express: a Set origin is treated as `true` and reflects every origin',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: new Set(['https://app.example.com']) }));
        `,
        errors: [{ messageId: 'originType', line: 2 }],
      },
      {
        name: 'hono: a Set origin makes every request fail',
        code: code`
          import { cors } from 'hono/cors';
          const allowed = new Set(['https://app.example.com']);
          app.use('*', cors({ origin: allowed }));
        `,
        errors: [{ messageId: 'originType', line: 2 }],
      },
      // ── (a) unknown keys: express cors ────────────────────────────────────────────────────────────────────────
      {
        name: 'fastify: the options a delegator answers are checked like any options',
        code: code`
          import cors from '@fastify/cors';
          await app.register(cors, {
            hook: 'preHandler',
            delegator: (req, callback) => callback(null, { origin: false, allowHeaders: ['Content-Type'] }),
          });
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 4,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from '@fastify/cors';
              await app.register(cors, {
                hook: 'preHandler',
                delegator: (req, callback) => callback(null, { origin: false, allowedHeaders: ['Content-Type'] }),
              });
            ` }],
          },
        ],
      },
      {
        name: 'express: allowHeaders → allowedHeaders',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            allowHeaders: ['Content-Type', 'Authorization'],
          }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 4,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              app.use(cors({
                origin: 'https://app.example.com',
                allowedHeaders: ['Content-Type', 'Authorization'],
              }));
            ` }],
          },
        ],
      },
      {
        name: 'express: exposeHeaders and allowMethods (hono names)',
        code: code`
          const cors = require('cors');
          app.use(cors({ allowMethods: ['GET'], exposeHeaders: ['X-Total-Count'] }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 2,
            suggestions: [{ messageId: 'renameOption', output: code`
              const cors = require('cors');
              app.use(cors({ methods: ['GET'], exposeHeaders: ['X-Total-Count'] }));
            ` }],
          },
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 2,
            suggestions: [{ messageId: 'renameOption', output: code`
              const cors = require('cors');
              app.use(cors({ allowMethods: ['GET'], exposedHeaders: ['X-Total-Count'] }));
            ` }],
          },
        ],
      },
      {
        name: 'express: typos origins / credential / maxage',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origins: ['https://app.example.com'],
            credential: true,
            maxage: 600,
          }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 3,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              app.use(cors({
                origin: ['https://app.example.com'],
                credential: true,
                maxage: 600,
              }));
            ` }],
          },
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 4,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              app.use(cors({
                origins: ['https://app.example.com'],
                credentials: true,
                maxage: 600,
              }));
            ` }],
          },
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 5,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              app.use(cors({
                origins: ['https://app.example.com'],
                credential: true,
                maxAge: 600,
              }));
            ` }],
          },
        ],
      },
      {
        name: 'express: quoted key keeps its quotes',
        code: code`
          import cors from 'cors';
          app.use(cors({ 'allowHeaders': 'Content-Type' }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 2,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              app.use(cors({ 'allowedHeaders': 'Content-Type' }));
            ` }],
          },
        ],
      },
      {
        name: 'express: unknown key without a close match',
        code: code`
          import cors from 'cors';
          app.use(cors({ whitelist: ['https://app.example.com'] }));
        `,
        errors: [{ messageId: 'unknownOption', line: 2 }],
      },
      {
        name: 'express: unknown key in a const options object next to an opaque spread',
        code: code`
          import cors from 'cors';
          import { defaults } from './cors-defaults.js';
          const corsOptions = {
            ...defaults,
            allowHeaders: ['Content-Type'],
          };
          app.use(cors(corsOptions));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 5,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              import { defaults } from './cors-defaults.js';
              const corsOptions = {
                ...defaults,
                allowedHeaders: ['Content-Type'],
              };
              app.use(cors(corsOptions));
            ` }],
          },
        ],
      },
      {
        name: 'express: unknown key in an options delegate answer',
        code: code`
          import cors from 'cors';
          app.use(cors((req, callback) => {
            callback(null, { origin: true, exposeHeaders: ['X-Total-Count'] });
          }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 3,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from 'cors';
              app.use(cors((req, callback) => {
                callback(null, { origin: true, exposedHeaders: ['X-Total-Count'] });
              }));
            ` }],
          },
        ],
      },
      // ── (b) credentials ───────────────────────────────────────────────────────────────────────────────────────
      {
        name: "express: credentials 'true'",
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            credentials: 'true',
          }));
        `,
        errors: [{ messageId: 'credentialsType', line: 4 }],
      },
      {
        name: 'express: credentials 1 through a const',
        code: code`
          import cors from 'cors';
          const WITH_CREDENTIALS = 1;
          app.use(cors({ origin: 'https://app.example.com', credentials: WITH_CREDENTIALS }));
        `,
        errors: [{ messageId: 'credentialsType', line: 2 }],
      },
      {
        name: "express: credentials env read with a 'true' string fallback",
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', credentials: process.env.CORS_CREDENTIALS ?? 'true' }));
        `,
        errors: [{ messageId: 'credentialsType', line: 2 }],
      },
      // ── (c) maxAge ────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: maxAge -1',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com', maxAge: -1 }));
        `,
        errors: [{ messageId: 'maxAgeRange', line: 2 }],
      },
      {
        name: 'express: maxAge 60 * 60 * 48',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: 'https://app.example.com',
            maxAge: 60 * 60 * 48,
          }));
        `,
        errors: [{ messageId: 'maxAgeRange', line: 4 }],
      },
      {
        name: 'express: maxAge 86401 through a const',
        code: code`
          import cors from 'cors';
          const ONE_DAY_AND_A_BIT = 86401;
          app.use(cors({ maxAge: ONE_DAY_AND_A_BIT }));
        `,
        errors: [{ messageId: 'maxAgeRange', line: 2 }],
      },
      // ── star in an origin array, origin functions ─────────────────────────────────────────────────────────────
      {
        name: "express: ['*'] as the origin list matches nothing",
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['*'] }));
        `,
        errors: [{ messageId: 'starInArray', line: 2 }],
      },
      {
        name: "express: '*' next to listed origins",
        code: code`
          import cors from 'cors';
          const ORIGINS = [
            'https://app.example.com',
            '*',
          ];
          app.use(cors({ origin: ORIGINS }));
        `,
        errors: [{ messageId: 'starInArray', line: 4 }],
      },
      {
        name: 'express: origin function that never calls its callback',
        code: code`
          import cors from 'cors';
          const allowlist = ['https://app.example.com'];
          app.use(cors({
            origin: (origin, callback) => allowlist.includes(origin),
          }));
        `,
        errors: [{ messageId: 'originNeverCallsBack', line: 4 }],
      },
      {
        name: 'express: origin function declared elsewhere that only returns',
        code: code`
          import cors from 'cors';
          function isAllowedOrigin(origin) {
            return ALLOWED.includes(origin);
          }
          app.use(cors({ origin: isAllowedOrigin }));
        `,
        errors: [{ messageId: 'originNeverCallsBack', line: 2 }],
      },
      {
        name: 'express: async origin function without a callback',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: async (origin) => {
              const allowed = await db.origins.exists(origin);
              return allowed;
            },
          }));
        `,
        errors: [{ messageId: 'asyncOrigin', line: 3 }],
      },
      // ── @fastify/cors ─────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'fastify: exposeHeaders → exposedHeaders',
        code: code`
          import cors from '@fastify/cors';
          await app.register(cors, { origin: 'https://app.example.com', exposeHeaders: ['X-Total-Count'] });
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 2,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from '@fastify/cors';
              await app.register(cors, { origin: 'https://app.example.com', exposedHeaders: ['X-Total-Count'] });
            ` }],
          },
        ],
      },
      {
        name: "fastify: credentials 'false' and maxAge -5",
        code: code`
          fastify.register(require('@fastify/cors'), {
            origin: 'https://app.example.com',
            credentials: 'false',
            maxAge: -5,
          });
        `,
        errors: [
          { messageId: 'credentialsType', line: 3 },
          { messageId: 'maxAgeRange', line: 4 },
        ],
      },
      // ── hono/cors ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'hono: express names allowedHeaders / methods / exposedHeaders',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({
            origin: 'https://app.example.com',
            methods: ['GET', 'POST'],
            allowedHeaders: ['Content-Type'],
            exposedHeaders: ['X-Total-Count'],
          }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 4,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { cors } from 'hono/cors';
              app.use('*', cors({
                origin: 'https://app.example.com',
                allowMethods: ['GET', 'POST'],
                allowedHeaders: ['Content-Type'],
                exposedHeaders: ['X-Total-Count'],
              }));
            ` }],
          },
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 5,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { cors } from 'hono/cors';
              app.use('*', cors({
                origin: 'https://app.example.com',
                methods: ['GET', 'POST'],
                allowHeaders: ['Content-Type'],
                exposedHeaders: ['X-Total-Count'],
              }));
            ` }],
          },
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 6,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { cors } from 'hono/cors';
              app.use('*', cors({
                origin: 'https://app.example.com',
                methods: ['GET', 'POST'],
                allowedHeaders: ['Content-Type'],
                exposeHeaders: ['X-Total-Count'],
              }));
            ` }],
          },
        ],
      },
      {
        name: 'hono: preflightContinue does not exist',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: 'https://app.example.com', preflightContinue: true }));
        `,
        errors: [{ messageId: 'unknownOption', line: 2 }],
      },
      {
        name: 'hono: regex origin (d)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: /^https:\/\/[a-z]+\.example\.com$/ }));
        `,
        errors: [{ messageId: 'originType', line: 2 }],
      },
      {
        name: 'hono: boolean origin (d)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({
            origin: true,
            credentials: true,
          }));
        `,
        errors: [{ messageId: 'originType', line: 3 }],
      },
      {
        name: 'hono: regex inside an origin array (d)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: ['https://app.example.com', /\.example\.org$/] }));
        `,
        errors: [{ messageId: 'originType', line: 2 }],
      },
      {
        name: 'hono: string allowHeaders and exposeHeaders crash, string allowMethods is dropped',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({
            origin: 'https://app.example.com',
            allowMethods: 'GET,POST,PUT',
            allowHeaders: 'Content-Type',
            exposeHeaders: 'X-Total-Count',
          }));
        `,
        errors: [
          { messageId: 'listTypeDropped', line: 4 },
          { messageId: 'listTypeCrash', line: 5 },
          { messageId: 'listTypeCrash', line: 6 },
        ],
      },
      // ── @koa/cors ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: '@koa/cors: methods → allowMethods',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({ methods: 'GET,POST' }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 2,
            suggestions: [{ messageId: 'renameOption', output: code`
              import cors from '@koa/cors';
              app.use(cors({ allowMethods: 'GET,POST' }));
            ` }],
          },
        ],
      },
      {
        name: '@koa/cors: origin array through a const (d)',
        code: code`
          import cors from '@koa/cors';
          const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];
          app.use(cors({ origin: ALLOWED_ORIGINS }));
        `,
        errors: [{ messageId: 'originType', line: 2 }],
      },
      {
        name: '@koa/cors: regex and boolean origins (d)',
        code: code`
          const cors = require('@koa/cors');
          app.use(cors({ origin: /\.example\.com$/ }));
          app.use(cors({ origin: true }));
        `,
        errors: [
          { messageId: 'originType', line: 2 },
          { messageId: 'originType', line: 3 },
        ],
      },
      {
        name: "@koa/cors: credentials 'true'",
        code: code`
          import cors from '@koa/cors';
          app.use(cors({ origin: 'https://app.example.com', credentials: 'true' }));
        `,
        errors: [{ messageId: 'credentialsType', line: 2 }],
      },
      // ── koa2-cors ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'koa2-cors: @koa/cors-only option keepHeadersOnError',
        code: code`
          import cors from 'koa2-cors';
          app.use(cors({ origin: 'https://app.example.com', keepHeadersOnError: true }));
        `,
        errors: [{ messageId: 'unknownOption', line: 2 }],
      },
      {
        name: 'koa2-cors: string allowMethods and allowHeaders crash',
        code: code`
          const cors = require('koa2-cors');
          app.use(cors({
            origin: 'https://app.example.com',
            allowMethods: 'GET,POST,DELETE',
            allowHeaders: 'Content-Type,Authorization',
          }));
        `,
        errors: [
          { messageId: 'listTypeCrash', line: 4 },
          { messageId: 'listTypeCrash', line: 5 },
        ],
      },
      {
        name: 'koa2-cors: origin array (d)',
        code: code`
          import cors from 'koa2-cors';
          app.use(cors({ origin: ['https://app.example.com'] }));
        `,
        errors: [{ messageId: 'originType', line: 2 }],
      },
      {
        name: 'koa2-cors: async origin function',
        code: code`
          import cors from 'koa2-cors';
          app.use(cors({
            origin: async (ctx) => ((await isAllowed(ctx.header.origin)) ? ctx.header.origin : false),
          }));
        `,
        errors: [{ messageId: 'asyncOrigin', line: 3 }],
      },
      // ── NestJS ────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'nest: enableCors({ allowHeaders })',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule);
          app.enableCors({ origin: 'https://app.example.com', allowHeaders: 'Content-Type' });
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 3,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { NestFactory } from '@nestjs/core';
              const app = await NestFactory.create(AppModule);
              app.enableCors({ origin: 'https://app.example.com', allowedHeaders: 'Content-Type' });
            ` }],
          },
        ],
      },
      {
        name: 'nest: create(M, { cors: { origins } })',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule, {
            cors: { origins: ['https://app.example.com'], credentials: true },
          });
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 3,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { NestFactory } from '@nestjs/core';
              const app = await NestFactory.create(AppModule, {
                cors: { origin: ['https://app.example.com'], credentials: true },
              });
            ` }],
          },
        ],
      },
      {
        name: "nest: ['*'] origin list and maxAge above a day",
        code: code`
          import { Controller } from '@nestjs/common';
          app.enableCors({ origin: ['*'], maxAge: 7 * 24 * 3600 });
        `,
        errors: [
          { messageId: 'starInArray', line: 2 },
          { messageId: 'maxAgeRange', line: 2 },
        ],
      },
      {
        name: 'nest: enableCors with an async origin function',
        code: code`
          import { NestFactory } from '@nestjs/core';
          app.enableCors({ origin: async (origin) => allowlist.includes(origin) });
        `,
        errors: [{ messageId: 'asyncOrigin', line: 2 }],
      },
      // ── socket.io ─────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'socket.io: cors { origins } (socket.io v2 name) and credentials string',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, {
            cors: { origins: 'https://app.example.com', credentials: 'true' },
          });
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 3,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { Server } from 'socket.io';
              const io = new Server(httpServer, {
                cors: { origin: 'https://app.example.com', credentials: 'true' },
              });
            ` }],
          },
          { messageId: 'credentialsType', line: 3 },
        ],
      },
      {
        name: "socket.io: ['*'] origin list",
        code: code`
          const io = require('socket.io')(server, { cors: { origin: ['*'], methods: ['GET', 'POST'] } });
        `,
        errors: [{ messageId: 'starInArray', line: 1 }],
      },
      // ── @elysiajs/cors ────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'elysia: exposedHeaders → exposeHeaders',
        code: code`
          import { Elysia } from 'elysia';
          import { cors } from '@elysiajs/cors';
          new Elysia().use(cors({ origin: 'https://app.example.com', exposedHeaders: ['X-Total-Count'] }));
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 3,
            suggestions: [{ messageId: 'renameOption', output: code`
              import { Elysia } from 'elysia';
              import { cors } from '@elysiajs/cors';
              new Elysia().use(cors({ origin: 'https://app.example.com', exposeHeaders: ['X-Total-Count'] }));
            ` }],
          },
        ],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with valid keys',
        code: code`
          import type { CorsOptions } from 'cors';
          export const corsOptions: CorsOptions = { origin: 'https://app.example.com', credentials: true, maxAge: 600 };
        `,
      },
    ],
    invalid: [
      {
        name: 'ts: CorsOptions-typed object with a hono key',
        code: code`
          import type { CorsOptions } from 'cors';
          export const corsOptions: CorsOptions = {
            origin: 'https://app.example.com',
            allowHeaders: ['Content-Type'],
          } as CorsOptions;
        `,
        errors: [
          {
            messageId: 'unknownOptionWithSuggestion',
            line: 4,
            suggestions: [{ messageId: 'renameOption', output: code`
              import type { CorsOptions } from 'cors';
              export const corsOptions: CorsOptions = {
                origin: 'https://app.example.com',
                allowedHeaders: ['Content-Type'],
              } as CorsOptions;
            ` }],
          },
        ],
      },
      {
        name: 'ts: FastifyCorsOptions satisfies with a string credentials behind a wrapper',
        code: code`
          import type { FastifyCorsOptions } from '@fastify/cors';
          export default { origin: 'https://app.example.com', credentials: 'true' as unknown as boolean } satisfies FastifyCorsOptions;
        `,
        errors: [{ messageId: 'credentialsType', line: 2 }],
      },
      {
        name: 'ts: Nest CorsOptions with maxAge out of range',
        code: code`
          import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
          export const corsOptions: CorsOptions = { origin: 'https://app.example.com', maxAge: 100_000 };
        `,
        errors: [{ messageId: 'maxAgeRange', line: 2 }],
      },
      {
        name: 'ts: typed async origin function in express cors',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: async (origin: string | undefined): Promise<boolean> => !!origin && ALLOWED.has(origin) }));
        `,
        errors: [{ messageId: 'asyncOrigin', line: 2 }],
      },
    ],
  },
});
