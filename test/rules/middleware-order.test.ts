import rule from '../../rules/middleware-order.js';
import { runBoth } from '../rule-tester.js';

/** Strips the first newline and the common indentation, keeping backslashes as written. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const lines = String.raw({ raw: strings.raw }, ...values).replace(/^\n/u, '').replace(/\n\s*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}

runBoth('middleware-order', rule, {
  both: {
    valid: [
      {
        name: 'nest (fastify adapter): the CORS hook runs before app.use middleware, so order does not matter',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { FastifyAdapter } from '@nestjs/platform-fastify';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule, new FastifyAdapter());
            app.use(authMiddleware);
            app.enableCors({ origin: process.env.CORS_ORIGINS });
          }
        `,
      },
      // ── express cors ──────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: CORS first, then auth, limits and routes',
        code: code`
          import express from 'express';
          import cors from 'cors';
          import passport from 'passport';
          import rateLimit from 'express-rate-limit';
          const app = express();
          app.use(cors({ origin: 'https://app.example.com' }));
          app.use(rateLimit({ windowMs: 60_000, max: 100 }));
          app.use(passport.authenticate('jwt', { session: false }));
          app.get('/health', (req, res) => res.send('ok'));
          app.use('/api', apiRouter);
        `,
      },
      {
        name: 'express: body parsers, helmet, loggers, cookies, sessions, compression, static, request ids before CORS',
        code: code`
          import express from 'express';
          import helmet from 'helmet';
          import morgan from 'morgan';
          import cookieParser from 'cookie-parser';
          import session from 'express-session';
          import compression from 'compression';
          import cors from 'cors';
          const app = express();
          app.use(helmet());
          app.use(morgan('combined'));
          app.use(express.json({ limit: '1mb' }));
          app.use(express.urlencoded({ extended: true, parameterLimit: 100 }));
          app.use(bodyParser.json({ limit: '10mb' }));
          app.use(cookieParser());
          app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));
          app.use(compression());
          app.use(express.static('public'));
          app.use(requestId());
          app.use(cors());
        `,
      },
      {
        name: 'express: route-level CORS after routes and auth',
        code: code`
          import cors from 'cors';
          app.use(requireAuth);
          app.get('/items', listItems);
          app.options('*', cors());
          app.get('/public', cors({ origin: 'https://app.example.com' }), publicHandler);
        `,
      },
      {
        name: 'express: registrations on different app objects',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const admin = express();
          const api = express();
          admin.use(requireAuth);
          admin.get('/dashboard', dashboard);
          api.use(cors());
          api.use(requireAuth);
        `,
      },
      {
        name: 'express: auth registered in another function',
        code: code`
          import cors from 'cors';
          function secure(app) {
            app.use(authenticate);
          }
          app.use(cors());
          secure(app);
        `,
      },
      {
        name: 'express: inline anonymous auth function is not auth middleware',
        code: code`
          import cors from 'cors';
          app.use((req, res, next) => {
            if (!req.headers.authorization) return res.status(401).end();
            next();
          });
          app.use(cors());
        `,
      },
      {
        name: 'express: error handler and 404 handler after CORS',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com' }));
          app.use(notFound);
          app.use(errorHandler);
        `,
      },
      {
        name: 'express: a local function named cors is not a CORS registration',
        code: code`
          function cors() {
            return (req, res, next) => next();
          }
          app.use(requireAuth);
          app.use(cors());
        `,
      },
      {
        name: 'express: app.set and app.listen are neither routes nor middleware',
        code: code`
          import cors from 'cors';
          app.set('trust proxy', 1);
          app.disable('x-powered-by');
          app.use(cors());
          app.listen(3000);
        `,
      },
      {
        name: 'express: const-bound CORS middleware registered first',
        code: code`
          import cors from 'cors';
          const corsMiddleware = cors({ origin: 'https://app.example.com' });
          app.use(corsMiddleware);
          app.use(jwtCheck);
        `,
      },
      {
        name: 'express: arguments inside middleware calls are not looked at',
        code: code`
          import cors from 'cors';
          app.use(session({ store: new RedisStore({ client: authClient }), secret: jwtSecret }));
          app.use(express.json({ limit: '5mb' }));
          app.use(cors());
        `,
      },
      {
        name: 'express: names are read by word: authorPages, limitedOffers, authoredBy and coauthors are not auth or limits',
        code: code`
          import cors from 'cors';
          app.use(authorPages);
          app.use(limitedOffers());
          app.use(content.authoredBy('editors'));
          app.use(coauthors);
          app.use(unlimitedPlans);
          app.use(cors());
        `,
      },
      {
        name: 'express: middleware imported from a local module named auth is judged by its own name',
        code: code`
          import cors from 'cors';
          import { loadUser } from './middleware/auth.js';
          app.use(loadUser);
          app.use(cors());
        `,
      },
      {
        name: "express: app.get('port') reads a setting, it is not a route",
        code: code`
          import cors from 'cors';
          const port = app.get('port');
          app.use(cors());
          app.listen(port);
        `,
      },
      {
        name: 'express: same receiver name in two functions is two apps',
        code: code`
          import express from 'express';
          import cors from 'cors';
          export function createAdmin() {
            const app = express();
            app.use(requireAuth);
            return app;
          }
          export function createApi() {
            const app = express();
            app.use(cors());
            return app;
          }
        `,
      },
      {
        name: 'hono: inline middleware before cors is not auth',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', async (c, next) => {
            const token = c.req.header('Authorization');
            if (!token) return c.text('Unauthorized', 401);
            await next();
          });
          app.use('*', cors());
        `,
      },
      // ── hono ──────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'hono: logger and secureHeaders before CORS, auth after',
        code: code`
          import { Hono } from 'hono';
          import { cors } from 'hono/cors';
          import { logger } from 'hono/logger';
          import { secureHeaders } from 'hono/secure-headers';
          import { bearerAuth } from 'hono/bearer-auth';
          const app = new Hono();
          app.use('*', logger());
          app.use('*', secureHeaders());
          app.use('/api/*', cors({ origin: 'https://app.example.com' }));
          app.use('/api/*', bearerAuth({ token }));
          app.get('/api/items', (c) => c.json([]));
        `,
      },
      // ── koa ───────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: "koa: app.on('error', …) and body parser before CORS",
        code: code`
          import Koa from 'koa';
          import bodyParser from 'koa-bodyparser';
          import cors from '@koa/cors';
          const app = new Koa();
          app.on('error', (err, ctx) => console.error(err));
          app.use(bodyParser());
          app.use(cors());
          app.use(router.routes());
          app.use(router.allowedMethods());
        `,
      },
      {
        name: 'koa2-cors: CORS before jwt and routes',
        code: code`
          const Koa = require('koa');
          const cors = require('koa2-cors');
          const jwt = require('koa-jwt');
          const app = new Koa();
          app.use(cors());
          app.use(jwt({ secret: process.env.JWT_SECRET }).unless({ path: [/^\/public/] }));
          app.use(router.routes());
        `,
      },
      // ── fastify ───────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'fastify: routes before register(cors) do not matter',
        code: code`
          import Fastify from 'fastify';
          import cors from '@fastify/cors';
          const app = Fastify();
          app.get('/health', async () => ({ ok: true }));
          app.post('/items', createItem);
          app.route({ method: 'GET', url: '/x', handler });
          await app.register(cors, { origin: 'https://app.example.com' });
        `,
      },
      {
        name: 'fastify: helmet and inline hooks before CORS, auth after',
        code: code`
          import Fastify from 'fastify';
          import cors from '@fastify/cors';
          import helmet from '@fastify/helmet';
          import jwt from '@fastify/jwt';
          const app = Fastify();
          await app.register(helmet);
          app.addHook('onRequest', async (request) => {
            request.startTime = Date.now();
          });
          await app.register(cors, { origin: 'https://app.example.com' });
          await app.register(jwt, { secret: 'x' });
          app.addHook('onRequest', authenticate);
        `,
      },
      // ── NestJS ────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'nest: enableCors before app.use(auth) and before init',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import rateLimit from 'express-rate-limit';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule);
            app.enableCors({ origin: 'https://app.example.com' });
            app.use(rateLimit({ windowMs: 60_000, max: 100 }));
            app.use(authMiddleware);
            await app.init();
          }
        `,
      },
      {
        name: 'nest: create(M, { cors }) with helmet and non-use calls only',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import helmet from 'helmet';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule, { cors: { origin: 'https://app.example.com' } });
            app.use(helmet());
            app.useGlobalGuards(new JwtAuthGuard());
            app.setGlobalPrefix('api');
            await app.listen(3000);
          }
        `,
      },
      {
        name: 'nest: create(M, { cors: false }) is no policy',
        code: code`
          import { NestFactory } from '@nestjs/core';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule, { cors: false });
            app.use(authMiddleware);
          }
        `,
      },
      {
        name: 'nest: create(M, { cors: true }) and app.use(auth) in different functions',
        code: code`
          import { NestFactory } from '@nestjs/core';
          function configure(app) {
            app.use(authMiddleware);
          }
          async function bootstrap() {
            const app = await NestFactory.create(AppModule, { cors: true });
            await app.listen(3000);
          }
        `,
      },
      {
        name: 'nest: Nest routes are mounted at listen time',
        code: code`
          import { NestFactory } from '@nestjs/core';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule);
            app.use('/docs', docsRouter);
            app.enableCors();
          }
        `,
      },
      // ── socket.io, raw headers ────────────────────────────────────────────────────────────────────────────────
      {
        name: 'socket.io: io.use(auth) is not CORS ordering',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, { cors: { origin: 'https://app.example.com' } });
          io.use(socketAuth);
        `,
      },
      {
        name: 'raw: header middleware after auth is not a CORS registration',
        code: code`
          app.use(requireAuth);
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            next();
          });
        `,
      },
    ],
    invalid: [
      // ── express cors: after auth / limits ─────────────────────────────────────────────────────────────────────
      {
        name: 'express: cors() after passport.authenticate(...)',
        code: code`
          import express from 'express';
          import cors from 'cors';
          import passport from 'passport';
          const app = express();
          app.use(passport.authenticate('jwt', { session: false }));
          app.use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 6 }],
      },
      {
        name: 'express: cors() after jwt(...).unless(...)',
        code: code`
          const express = require('express');
          const cors = require('cors');
          const { expressjwt: jwt } = require('express-jwt');
          const app = express();
          app.use(jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }).unless({ path: ['/login'] }));
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
        errors: [{ messageId: 'afterAuth', line: 6 }],
      },
      {
        name: 'express: cors() after rateLimit(...)',
        code: code`
          import cors from 'cors';
          import rateLimit from 'express-rate-limit';
          app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));
          app.use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'express: cors() after a path-mounted apiLimiter',
        code: code`
          import cors from 'cors';
          app.use('/api', apiLimiter);
          app.use('/api', cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 3 }],
      },
      {
        name: 'express: cors() after requireAuth and an imported middleware namespace member',
        code: code`
          import cors from 'cors';
          import * as middleware from './middleware.js';
          app.use(middleware.requireAuth);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'express: auth and limit words in snake_case, kebab-case member names, acronyms and digits',
        code: code`
          import cors from 'cors';
          app.use(require_auth);
          app.use(middlewares['rate-limit']);
          app.use(JWTAuth);
          app.use(checkOAuth2);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 6 }],
      },
      {
        name: 'express: cors() after throttle(...) and slowDown(...)',
        code: code`
          import cors from 'cors';
          import slowDown from 'express-slow-down';
          app.use('/api', slowDown({ windowMs: 60_000, delayAfter: 50 }));
          app.use('/api', cors());
          admin.use(throttle(100));
          admin.use(cors());
        `,
        errors: [
          { messageId: 'afterAuth', line: 4 },
          { messageId: 'afterAuth', line: 6 },
        ],
      },
      {
        name: 'express: expressjwt is named by its package, express-jwt',
        code: code`
          import cors from 'cors';
          import { expressjwt } from 'express-jwt';
          app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
          app.use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'express: authRouter serves the login routes: a router (a route registration), not auth',
        code: code`
          import cors from 'cors';
          app.use('/auth', authRouter);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 3 }],
      },
      {
        name: 'express: authorsRouter is a router (a route registration), not auth',
        code: code`
          import cors from 'cors';
          app.use('/authors', authorsRouter);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 3 }],
      },
      {
        name: 'express: const-bound CORS middleware after authenticate',
        code: code`
          import cors from 'cors';
          const corsMiddleware = cors({ origin: 'https://app.example.com' });
          app.use(authenticate);
          app.use(corsMiddleware);
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'express: chained app.use(auth).use(cors())',
        code: code`
          import cors from 'cors';
          app
            .use(checkJwt)
            .use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 2 }],
      },
      {
        name: 'express: opaque (imported) options still count for ordering',
        code: code`
          import cors from 'cors';
          import { corsOptions } from './config/cors.js';
          app.use(isAuthenticated);
          app.use(cors(corsOptions));
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'express: inline require(cors)() after auth inside a function',
        code: code`
          export function createApp() {
            const app = express();
            app.use(authMiddleware);
            app.use(require('cors')());
            return app;
          }
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      // ── express cors: after routes ────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: cors() after a route',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const app = express();
          app.get('/health', (req, res) => res.send('ok'));
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 5 }],
      },
      {
        name: 'express: cors() after a mounted router',
        code: code`
          import cors from 'cors';
          import apiRouter from './routes/api.js';
          app.use('/api', apiRouter);
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
        errors: [{ messageId: 'afterRoute', line: 4 }],
      },
      {
        name: 'express: cors() after app.use(require(./routes))',
        code: code`
          const cors = require('cors');
          app.use(require('./routes'));
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 3 }],
      },
      {
        name: 'express: cors() after app.route(...)',
        code: code`
          import cors from 'cors';
          app.route('/book').get(getBook).post(addBook);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 3 }],
      },
      {
        name: 'express: cors() after both a limiter and a route',
        code: code`
          import cors from 'cors';
          app.use(limiter);
          app.post('/login', login);
          app.use(cors());
        `,
        errors: [
          { messageId: 'afterAuth', line: 4 },
          { messageId: 'afterRoute', line: 4 },
        ],
      },
      {
        name: 'express: two apps in one file, only the misordered one is reported',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const api = express();
          const admin = express();
          api.use(cors());
          api.use(requireAuth);
          admin.use(requireAuth);
          admin.use(cors({ origin: 'https://admin.example.com' }));
        `,
        errors: [{ messageId: 'afterAuth', line: 8 }],
      },
      {
        name: 'express: cors() after app.all(...) catch-all route',
        code: code`
          import cors from 'cors';
          app.all('/api/*', proxyHandler);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 3 }],
      },
      {
        name: 'express: Router object, cors after requireAuth',
        code: code`
          import express from 'express';
          import cors from 'cors';
          const router = express.Router();
          router.use(requireAuth);
          router.use(cors());
          export default router;
        `,
        errors: [{ messageId: 'afterAuth', line: 5 }],
      },
      {
        name: 'fastify: register(authPlugin) before register(cors)',
        code: code`
          import cors from '@fastify/cors';
          import authPlugin from './plugins/auth.js';
          app.register(authPlugin);
          app.register(cors, { origin: 'https://app.example.com' });
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      // ── hono ──────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'hono: cors after bearerAuth',
        code: code`
          import { Hono } from 'hono';
          import { cors } from 'hono/cors';
          import { bearerAuth } from 'hono/bearer-auth';
          const app = new Hono();
          app.use('/api/*', bearerAuth({ token: 'secret' }));
          app.use('/api/*', cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 6 }],
      },
      {
        name: 'hono: cors after jwt',
        code: code`
          import { cors } from 'hono/cors';
          import { jwt } from 'hono/jwt';
          app.use('/auth/*', jwt({ secret: 'it-is-very-secret' }));
          app.use('*', cors({ origin: 'https://app.example.com' }));
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'hono: cors after a route',
        code: code`
          import { Hono } from 'hono';
          import { cors } from 'hono/cors';
          const app = new Hono();
          app.get('/', (c) => c.text('ok'));
          app.use('*', cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 5 }],
      },
      {
        name: 'hono: cors after app.route and app.on routes',
        code: code`
          import { cors as corsMiddleware } from 'hono/cors';
          app.route('/api', api);
          app.on('GET', '/hello', (c) => c.text('hi'));
          app.use('*', corsMiddleware());
        `,
        errors: [{ messageId: 'afterRoute', line: 4 }],
      },
      // ── koa ───────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: '@koa/cors after router.routes()',
        code: code`
          import Koa from 'koa';
          import Router from '@koa/router';
          import cors from '@koa/cors';
          const app = new Koa();
          const router = new Router();
          app.use(router.routes()).use(router.allowedMethods());
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 7 }],
      },
      {
        name: '@koa/cors after koa-jwt',
        code: code`
          const cors = require('@koa/cors');
          const koaJwt = require('koa-jwt');
          app.use(koaJwt({ secret: process.env.JWT_SECRET }));
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'koa2-cors after ratelimit',
        code: code`
          import cors from 'koa2-cors';
          import ratelimit from 'koa-ratelimit';
          app.use(ratelimit({ driver: 'memory', db: new Map(), duration: 60000 }));
          app.use(cors());
        `,
        errors: [{ messageId: 'afterAuth', line: 4 }],
      },
      {
        name: 'koa2-cors after a routes module',
        code: code`
          const cors = require('koa2-cors');
          app.use(userRoutes);
          app.use(cors());
        `,
        errors: [{ messageId: 'afterRoute', line: 3 }],
      },
      // ── fastify ───────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: "fastify: addHook('onRequest', authenticate) before register(cors)",
        code: code`
          import Fastify from 'fastify';
          import cors from '@fastify/cors';
          const app = Fastify();
          app.addHook('onRequest', authenticate);
          await app.register(cors, { origin: 'https://app.example.com' });
        `,
        errors: [{ messageId: 'afterAuth', line: 5 }],
      },
      {
        name: "fastify: addHook('preHandler', fastify.authenticate) before register(cors)",
        code: code`
          const cors = require('@fastify/cors');
          fastify.addHook('preHandler', fastify.authenticate);
          fastify.register(cors);
        `,
        errors: [{ messageId: 'afterAuth', line: 3 }],
      },
      {
        name: 'fastify: register(jwt) before register(cors)',
        code: code`
          import Fastify from 'fastify';
          import jwt from '@fastify/jwt';
          import cors from '@fastify/cors';
          const app = Fastify();
          await app.register(jwt, { secret: process.env.JWT_SECRET });
          await app.register(cors, { origin: ['https://app.example.com'] });
        `,
        errors: [{ messageId: 'afterAuth', line: 6 }],
      },
      {
        name: 'fastify: register(rateLimit) before register(import(@fastify/cors))',
        code: code`
          import rateLimit from '@fastify/rate-limit';
          await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });
          await app.register(import('@fastify/cors'), { origin: 'https://app.example.com' });
        `,
        errors: [{ messageId: 'afterAuth', line: 3 }],
      },
      // ── NestJS ────────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'nest: create(M, { cors: true }) then app.use(auth) — reported on the create call',
        code: code`
          import { NestFactory } from '@nestjs/core';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule, { cors: true });
            app.use(authMiddleware);
            await app.listen(3000);
          }
        `,
        errors: [{ messageId: 'appliedAfterAuth', line: 3 }],
      },
      {
        name: 'nest: create(M, adapter, { cors: {...} }) then app.use(rateLimit(...))',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { ExpressAdapter } from '@nestjs/platform-express';
          import rateLimit from 'express-rate-limit';
          async function bootstrap() {
            const app = await NestFactory.create(
              AppModule,
              new ExpressAdapter(server),
              { cors: { origin: 'https://app.example.com' } },
            );
            app.use(rateLimit({ windowMs: 60_000, max: 100 }));
          }
        `,
        errors: [{ messageId: 'appliedAfterAuth', line: 5 }],
      },
      {
        name: 'nest: create(M, { cors: opaque }) then app.use(passport.authenticate(...))',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import { corsOptions } from './cors.options';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule, { cors: corsOptions });
            app.use(passport.authenticate('bearer', { session: false }));
          }
        `,
        errors: [{ messageId: 'appliedAfterAuth', line: 4 }],
      },
      {
        name: 'nest: app.use(auth) before enableCors()',
        code: code`
          import { NestFactory } from '@nestjs/core';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule);
            app.use(authMiddleware);
            app.enableCors({ origin: 'https://app.example.com' });
          }
        `,
        errors: [{ messageId: 'afterAuth', line: 5 }],
      },
      {
        name: 'nest: enableCors() after app.init()',
        code: code`
          import { NestFactory } from '@nestjs/core';
          async function bootstrap() {
            const app = await NestFactory.create(AppModule);
            await app.init();
            app.enableCors();
          }
        `,
        errors: [{ messageId: 'afterInit', line: 5 }],
      },
      // ── @elysiajs/cors ────────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'elysia: cors after a route on the same app',
        code: code`
          import { Elysia } from 'elysia';
          import { cors } from '@elysiajs/cors';
          const app = new Elysia();
          app.get('/', () => 'hi');
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
        errors: [{ messageId: 'afterRoute', line: 5 }],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed app, CORS first',
        code: code`
          import express, { type Express } from 'express';
          import cors from 'cors';
          const app: Express = express();
          app.use(cors() as express.RequestHandler);
          app.use(requireAuth as express.RequestHandler);
        `,
      },
    ],
    invalid: [
      {
        name: 'ts: wrappers around the app and the middleware are transparent',
        code: code`
          import express from 'express';
          import cors = require('cors');
          const app = express();
          app.use(authenticate as express.RequestHandler);
          (app as express.Express).use(cors()!);
        `,
        errors: [{ messageId: 'afterAuth', line: 5 }],
      },
      {
        name: 'ts: nest create with a typed app variable then app.use(auth)',
        code: code`
          import { NestFactory } from '@nestjs/core';
          import type { NestExpressApplication } from '@nestjs/platform-express';
          async function bootstrap(): Promise<void> {
            const app = await NestFactory.create<NestExpressApplication>(AppModule, { cors: true });
            app.use(jwtMiddleware);
          }
        `,
        errors: [{ messageId: 'appliedAfterAuth', line: 4 }],
      },
    ],
  },
});
