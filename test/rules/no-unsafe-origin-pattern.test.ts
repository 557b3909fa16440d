import rule from '../../rules/no-unsafe-origin-pattern.js';
import { runBoth } from '../rule-tester.js';

/** Strips the first newline and the common indentation, keeping backslashes as written. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const lines = String.raw({ raw: strings.raw }, ...values).replace(/^\n/u, '').replace(/\n\s*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}

runBoth('no-unsafe-origin-pattern', rule, {
  both: {
    valid: [
      {
        name: 'express delegate: a /g regex built inside the delegate is fresh on every request',
        code: code`
          import cors from 'cors';
          app.use(cors((req, callback) => callback(null, { origin: /^https:\/\/app\.example\.com$/g })));
        `,
      },
      // ── regexes that are safe, or not this rule's business ────────────────────────────────────────────────────
      {
        name: 'express: anchored regex with escaped dots',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/(www\.)?example\.com$/ }));
        `,
      },
      {
        name: 'express: anchored subdomain regex, quantified dot-free class and `.*` are fine',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://example.com', /^https:\/\/[a-z0-9-]+\.example\.com$/, /^https:\/\/.*\.example\.org$/] }));
        `,
      },
      {
        name: 'express: dots inside a character class',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/app[.]example[.]com$/i }));
        `,
      },
      {
        name: 'express: every alternative anchored',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/a\.example\.com$|^https:\/\/b\.example\.com$/ }));
        `,
      },
      {
        name: 'express: WILDREGEX is no-wildcard-origin business only',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /.*/ }));
          app.use('/v2', cors({ origin: /https?:\/\/.*/ }));
        `,
      },
      {
        name: 'express: new RegExp anchored and escaped',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: new RegExp('^https://app\\.example\\.com$') }));
        `,
      },
      {
        name: 'express: new RegExp from the environment is opaque',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: new RegExp(process.env.CORS_ORIGIN_PATTERN) }));
        `,
      },
      {
        name: 'fastify: a /g regex is fine (fastify resets lastIndex)',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: /^https:\/\/app\.example\.com$/g });
        `,
      },
      {
        name: 'express: what precedes \\.example\\.com can only form a subdomain (h): labels, one label, listed names, anything',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: [
              /^https:\/\/([a-z0-9-]+\.)*example\.com$/,
              /^https:\/\/[a-z0-9-]+\.example\.com$/,
              /^https:\/\/(app|admin)\.example\.com$/,
              /^https:\/\/.*\.example\.com$/,
              /^https:\/\/app\.example\.(com|org)(:\d+)?$/,
            ],
          }));
        `,
      },
      {
        name: 'fastify: a safe subdomain pattern built with new RegExp from parts the file shows (h)',
        code: code`
          import cors from '@fastify/cors';
          const DOMAIN = 'example\\.com';
          app.register(cors, { origin: new RegExp('^https://([a-z0-9-]+\\.)*' + DOMAIN + '$') });
        `,
      },
      {
        name: 'hono: an exact regex test in the origin function (h)',
        code: code`
          import { cors } from 'hono/cors';
          const PARTNERS = /^https:\/\/(shop|blog)\.example\.com$/;
          app.use('*', cors({ origin: (origin) => (PARTNERS.test(origin) ? origin : null) }));
        `,
      },
      // ── origin literals that are fine ─────────────────────────────────────────────────────────────────────────
      {
        name: 'express: https origins without a path, with and without a port',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com:8443'] }));
        `,
      },
      {
        name: 'express: http loopback origins are fine',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: ['http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080', 'http://app.localhost:3000', 'http://localhost'],
          }));
        `,
      },
      {
        name: 'express: non-http scheme origin',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'] }));
        `,
      },
      {
        name: "express: '*' and true are not this rule's business",
        code: code`
          import cors from 'cors';
          app.use('/public', cors({ origin: '*' }));
          app.use('/api', cors({ origin: true }));
        `,
      },
      {
        name: 'express: opaque origins (env, imported, parameter)',
        code: code`
          import cors from 'cors';
          import { allowedOrigins } from './config.js';
          app.use('/a', cors({ origin: process.env.CORS_ORIGIN }));
          app.use('/b', cors({ origin: allowedOrigins }));
          export const withCors = (origin) => cors({ origin });
        `,
      },
      {
        name: 'express: origin-like strings that do not decide the allowed origin',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://app.example.com' }));
          const API = 'http://internal-api.example.com/v1/';
          app.get('/login', (req, res) => res.redirect('http://Legacy.example.com/login?next=/'));
          fetch(API + 'users');
        `,
      },
      {
        name: 'express: unsafe origins only in comments',
        code: code`
          import cors from 'cors';
          // origin: ['http://app.example.com/', /example.com/, 'null']
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
      },
      {
        name: 'express: untyped object not passed to cors is out of scope',
        code: code`
          import cors from 'cors';
          const legacy = { origin: 'http://old.example.com/' };
          app.use(cors({ origin: 'https://app.example.com' }));
        `,
      },
      {
        name: 'express: punycode hosts and non-default ports are what browsers send (i)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://xn--bcher-kva.example', 'https://app.example.com:8443', 'http://localhost:8080'] }));
        `,
      },
      // ── checks that are safe ──────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: callback with exact allowlist includes(origin)',
        code: code`
          import cors from 'cors';
          const allowlist = ['https://app.example.com', 'https://admin.example.com'];
          app.use(cors({
            origin(origin, callback) {
              if (!origin || allowlist.includes(origin)) return callback(null, true);
              callback(new Error('Not allowed by CORS'));
            },
          }));
        `,
      },
      {
        name: 'express: indexOf(origin) on an array and Set.has(origin) are exact',
        code: code`
          import cors from 'cors';
          const list = ['https://app.example.com'];
          const set = new Set(['https://admin.example.com']);
          app.use(cors({
            origin: (origin, cb) => cb(null, list.indexOf(origin) !== -1 || set.has(origin)),
          }));
        `,
      },
      {
        name: 'express: exact equality on a normalised origin',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin, cb) => cb(null, origin?.toLowerCase() === 'https://app.example.com'),
          }));
        `,
      },
      {
        name: "express: comparing with 'null' to deny it is not allowing it",
        code: code`
          import cors from 'cors';
          const allowlist = ['https://app.example.com'];
          app.use(cors({
            origin(origin, callback) {
              if (origin === 'null') return callback(new Error('null origin is not allowed'));
              callback(null, allowlist.includes(origin));
            },
          }));
        `,
      },
      {
        name: 'raw: partial matching of the request path, not the origin',
        code: code`
          app.use((req, res, next) => {
            if (req.path.startsWith('/api')) res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
            next();
          });
        `,
      },
      {
        name: 'raw: exact allowlist guard before reflecting',
        code: code`
          const ALLOWED = new Set(['https://app.example.com', 'http://localhost:3000']);
          app.use((req, res, next) => {
            const origin = req.headers.origin;
            if (origin && ALLOWED.has(origin)) {
              res.setHeader('Access-Control-Allow-Origin', origin);
              res.setHeader('Vary', 'Origin');
            }
            next();
          });
        `,
      },
      {
        name: 'hono: exact includes in an origin function',
        code: code`
          import { cors } from 'hono/cors';
          const origins = ['https://app.example.com'];
          app.use('*', cors({ origin: (origin) => (origins.includes(origin) ? origin : null) }));
        `,
      },
      {
        name: 'koa: exact comparison in an origin function',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({
            origin: (ctx) => {
              const origin = ctx.get('Origin');
              return origin === 'https://app.example.com' ? origin : '';
            },
          }));
        `,
      },
      {
        name: 'next: https Allow-Origin in next.config.js',
        filename: 'next.config.js',
        code: code`
          module.exports = {
            async headers() {
              return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }] }];
            },
          };
        `,
      },
      {
        name: 'socket.io: no cors key is no policy',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, { path: '/ws' });
        `,
      },
    ],
    invalid: [
      {
        name: 'elysia: a host without a scheme also matches http://',
        code: code`
          import { cors } from '@elysiajs/cors';
          app.use(cors({ origin: 'app.example.com' }));
        `,
        errors: [{ messageId: 'schemelessHost', line: 2 }],
      },
      // ── (a) unanchored regexes ────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: regex without $ (a)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/app\.example\.com/ }));
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 2,
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ origin: /^https:\/\/app\.example\.com$/ }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: regex without ^ as an array element (a)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: [
              'https://example.com',
              /\.example\.com$/,
            ],
          }));
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 5,
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from 'cors';
                  app.use(cors({
                    origin: [
                      'https://example.com',
                      /^https:\/\/(?:[a-z0-9-]+\.)+example\.com$/,
                    ],
                  }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: one alternative unanchored (a)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/a\.example\.com$|https:\/\/b\.example\.com$/ }));
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 2,
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ origin: /^(?:https:\/\/a\.example\.com$|https:\/\/b\.example\.com)$/ }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: RegExp() from a string without anchors (a), no suggestion',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: RegExp('example\\.com') }));
        `,
        errors: [{ messageId: 'unanchored', line: 2 }],
      },
      // ── (b) unescaped dots ────────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: unescaped dot in an anchored regex (b)',
        code: code`
          const cors = require('cors');
          app.use(cors({ origin: /^https:\/\/app.example\.com$/ }));
        `,
        errors: [
          {
            messageId: 'unescapedDot',
            line: 2,
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  const cors = require('cors');
                  app.use(cors({ origin: /^https:\/\/app\.example\.com$/ }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: unanchored and unescaped (a)(b)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /example.com/ }));
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              app.use(cors({ origin: /^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/ }));
            ` }],
          },
          // The same edit at the same place is offered once.
          { messageId: 'unescapedDot', line: 2, suggestions: [] },
        ],
      },
      {
        name: 'express: dot after a group (b)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/(app|admin).example\.com$/ }));
        `,
        errors: [
          {
            messageId: 'unescapedDot',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              app.use(cors({ origin: /^https:\/\/(app|admin)\.example\.com$/ }));
            ` }],
          },
        ],
      },
      {
        name: 'express: new RegExp from a string with unescaped slashes and dots (b), no suggestion',
        code: code`
          import cors from 'cors';
          const pattern = new RegExp('^https://app.example.com$');
          app.use(cors({ origin: pattern }));
        `,
        errors: [{ messageId: 'unescapedDot', line: 2 }],
      },
      {
        name: 'express: new RegExp with escaped slashes and an unescaped dot (b)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: [new RegExp('^https:\\/\\/app.example.com$')] }));
        `,
        errors: [{ messageId: 'unescapedDot', line: 2 }],
      },
      {
        name: 'express: unanchored regexes tested in the callback via .some (a)',
        code: code`
          import cors from 'cors';
          const PATTERNS = [/^https:\/\/app\.example\.com$/, /\.example\.org$/];
          app.use(cors({
            origin: (origin, cb) => cb(null, !origin || PATTERNS.some((pattern) => pattern.test(origin))),
          }));
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              const PATTERNS = [/^https:\/\/app\.example\.com$/, /^https:\/\/(?:[a-z0-9-]+\.)+example\.org$/];
              app.use(cors({
                origin: (origin, cb) => cb(null, !origin || PATTERNS.some((pattern) => pattern.test(origin))),
              }));
            ` }],
          },
        ],
      },
      {
        name: 'express: /g regex tested with .test(origin) in the callback',
        code: code`
          import cors from 'cors';
          const ALLOWED = /^https:\/\/[a-z]+\.example\.com$/g;
          app.use(cors({ origin: (origin, cb) => cb(null, ALLOWED.test(origin)) }));
        `,
        errors: [
          {
            messageId: 'statefulFlag',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              const ALLOWED = /^https:\/\/[a-z]+\.example\.com$/;
              app.use(cors({ origin: (origin, cb) => cb(null, ALLOWED.test(origin)) }));
            ` }],
          },
        ],
      },
      {
        name: 'nest: unanchored regex in enableCors (a)',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule);
          app.enableCors({ origin: [/\.example\.com$/] });
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 3,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import { NestFactory } from '@nestjs/core';
              const app = await NestFactory.create(AppModule);
              app.enableCors({ origin: [/^https:\/\/(?:[a-z0-9-]+\.)+example\.com$/] });
            ` }],
          },
        ],
      },
      {
        name: 'fastify: unescaped dot in a regex origin (b)',
        code: code`
          import cors from '@fastify/cors';
          await app.register(cors, { origin: [/^https:\/\/app.example.com$/] });
        `,
        errors: [
          {
            messageId: 'unescapedDot',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from '@fastify/cors';
              await app.register(cors, { origin: [/^https:\/\/app\.example\.com$/] });
            ` }],
          },
        ],
      },
      {
        name: 'socket.io: unanchored regex origin (a)',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(server, { cors: { origin: /https:\/\/app\.example\.com/ } });
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import { Server } from 'socket.io';
              const io = new Server(server, { cors: { origin: /^https:\/\/app\.example\.com$/ } });
            ` }],
          },
        ],
      },
      // ── g / y flags (product: express-style regex origins keep lastIndex) ───────────────────────────────────────
      {
        name: 'express: /g regex origin alternates results',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/app\.example\.com$/g }));
        `,
        errors: [
          {
            messageId: 'statefulFlag',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              app.use(cors({ origin: /^https:\/\/app\.example\.com$/ }));
            ` }],
          },
        ],
      },
      {
        name: 'express: /y regex origin alternates results',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: [/^https:\/\/app\.example\.com$/iy] }));
        `,
        errors: [
          {
            messageId: 'statefulFlag',
            line: 2,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              app.use(cors({ origin: [/^https:\/\/app\.example\.com$/i] }));
            ` }],
          },
        ],
      },
      // ── (h) look-alike hosts ──────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: an open run right before the domain accepts attackerexample.com (h)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /^https:\/\/.*example\.com$/ }));
        `,
        errors: [
          {
            messageId: 'lookAlikeHost',
            line: 2,
            data: { text: String.raw`/^https:\/\/.*example\.com$/`, example: 'https://attackerexample.com', host: 'example.com' },
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ origin: /^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/ }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: \\w+ before the domain (h)',
        code: code`
          const cors = require('cors');
          app.use(cors({ origin: [/^https:\/\/\w+example\.com$/] }));
        `,
        errors: [
          {
            messageId: 'lookAlikeHost',
            line: 2,
            data: { text: String.raw`/^https:\/\/\w+example\.com$/`, example: 'https://attackerexample.com', host: 'example.com' },
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  const cors = require('cors');
                  app.use(cors({ origin: [/^https:\/\/(?:[a-z0-9-]+\.)+example\.com$/] }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'fastify: a class with dots and dashes before the domain (h)',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: /^https:\/\/[a-z0-9.-]*example\.com$/ });
        `,
        errors: [
          {
            messageId: 'lookAlikeHost',
            line: 2,
            data: { text: String.raw`/^https:\/\/[a-z0-9.-]*example\.com$/`, example: 'https://attackerexample.com', host: 'example.com' },
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from '@fastify/cors';
                  app.register(cors, { origin: /^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/ });
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: [^/]* in a regex the origin callback tests (h)',
        code: code`
          import cors from 'cors';
          const TRUSTED = /^https:\/\/[^/]*example\.com$/;
          app.use(cors({ origin: (origin, cb) => cb(null, !origin || TRUSTED.test(origin)) }));
        `,
        errors: [
          {
            messageId: 'lookAlikeHost',
            line: 2,
            data: { text: String.raw`/^https:\/\/[^/]*example\.com$/`, example: 'https://attackerexample.com', host: 'example.com' },
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from 'cors';
                  const TRUSTED = /^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/;
                  app.use(cors({ origin: (origin, cb) => cb(null, !origin || TRUSTED.test(origin)) }));
                `,
              },
            ],
          },
        ],
      },
      {
        name: 'express: new RegExp from parts the file shows: unescaped dot (b) and open run (h), no suggestion',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: new RegExp('^https://.*' + 'example.com$') }));
        `,
        errors: [
          { messageId: 'unescapedDot', line: 2, data: { text: '/^https://.*example.com$/', example: ', such as https://attacker.example-com' } },
          { messageId: 'lookAlikeHost', line: 2, data: { text: '/^https://.*example.com$/', example: 'https://attackerexample.com', host: 'example.com' } },
        ],
      },
      {
        name: 'nest: new RegExp from a template literal with a const domain (h)',
        code: [
          "import { NestFactory } from '@nestjs/core';",
          "const DOMAIN = 'example\\\\.com';",
          'const app = await NestFactory.create(AppModule);',
          'app.enableCors({ origin: new RegExp(`^https://.*${DOMAIN}$`) });',
        ].join('\n'),
        errors: [{ messageId: 'lookAlikeHost', line: 4, data: { text: '/^https://.*example\\.com$/', example: 'https://attackerexample.com', host: 'example.com' } }],
      },
      {
        name: 'socket.io: anything after the domain accepts a suffix look-alike (h)',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, { cors: { origin: /^https:\/\/app\.example\.com.*$/ } });
        `,
        errors: [{ messageId: 'lookAlikeHost', line: 2, data: { text: String.raw`/^https:\/\/app\.example\.com.*$/`, example: 'https://app.example.com.attacker.example', host: 'app.example.com' } }],
      },
      {
        name: 'express: unanchored regex names the origin it lets in (a)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: /example\.com$/ }));
        `,
        errors: [
          {
            messageId: 'unanchored',
            line: 2,
            data: { text: String.raw`/example\.com$/`, example: ', such as https://attacker-example.com' },
            suggestions: [
              {
                messageId: 'useSaferRegex',
                output: code`
                  import cors from 'cors';
                  app.use(cors({ origin: /^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/ }));
                `,
              },
            ],
          },
        ],
      },
      // ── (i) origins a browser never sends ─────────────────────────────────────────────────────────────────────
      {
        name: 'express: an explicit default port never matches (i)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://app.example.com:443', 'http://x.example:80'] }));
        `,
        errors: [
          {
            messageId: 'defaultPort',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: ['https://app.example.com', 'http://x.example:80'] }));
            ` }],
          },
          { messageId: 'insecureScheme', line: 2 },
          {
            messageId: 'defaultPort',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: ['https://app.example.com:443', 'http://x.example'] }));
            ` }],
          },
        ],
      },
      {
        name: 'hono: a non-ASCII host is sent as punycode (i)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: 'https://bücher.example' }));
        `,
        errors: [
          {
            messageId: 'unicodeHost',
            line: 2,
            data: { text: 'https://bücher.example', fixed: 'https://xn--bcher-kva.example' },
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import { cors } from 'hono/cors';
              app.use('*', cors({ origin: 'https://xn--bcher-kva.example' }));
            ` }],
          },
        ],
      },
      {
        name: '@koa/cors: an upper-case scheme and user info never match (i)',
        code: code`
          import cors from '@koa/cors';
          const allowed = ['HTTPS://app.example.com', 'https://deploy@admin.example.com'];
          app.use(cors({ origin: (ctx) => (allowed.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
        `,
        errors: [
          {
            messageId: 'notSerialisedForm',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from '@koa/cors';
              const allowed = ['https://app.example.com', 'https://deploy@admin.example.com'];
              app.use(cors({ origin: (ctx) => (allowed.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
            ` }],
          },
          {
            messageId: 'notSerialisedForm',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from '@koa/cors';
              const allowed = ['HTTPS://app.example.com', 'https://admin.example.com'];
              app.use(cors({ origin: (ctx) => (allowed.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
            ` }],
          },
        ],
      },
      {
        name: 'raw: Allow-Origin with the default port (i)',
        code: code`
          app.use((req, res, next) => {
            res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com:443');
            next();
          });
        `,
        errors: [
          {
            messageId: 'defaultPort',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              app.use((req, res, next) => {
                res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
                next();
              });
            ` }],
          },
        ],
      },
      // ── (c) partial matches on the request origin ─────────────────────────────────────────────────────────────
      {
        name: 'express: origin.endsWith in the origin callback (c)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin(origin, callback) {
              if (!origin || origin.endsWith('.example.com')) return callback(null, true);
              callback(new Error('Not allowed by CORS'));
            },
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 4 }],
      },
      {
        name: 'express: .some(d => origin.endsWith(d)) (c)',
        code: code`
          import cors from 'cors';
          const ALLOWED_DOMAINS = ['.example.com', '.example.org'];
          app.use(cors({
            origin: (origin, cb) => cb(null, ALLOWED_DOMAINS.some((domain) => origin.endsWith(domain))),
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 4 }],
      },
      {
        name: 'express: origin.startsWith an origin-like prefix (c)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin, cb) => {
              if (origin && origin.startsWith('https://app.example.com')) cb(null, true);
              else cb(null, false);
            },
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 4 }],
      },
      {
        name: 'express: origin.includes and origin.indexOf (c)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin, cb) => cb(null, origin.includes('example.com') || origin.indexOf('example.org') !== -1),
          }));
        `,
        errors: [
          { messageId: 'partialMatch', line: 3 },
          { messageId: 'partialMatch', line: 3 },
        ],
      },
      {
        name: 'express: origin.match with an unanchored regex (c)(a)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin, cb) => cb(null, Boolean(origin.match(/example\.com$/))),
          }));
        `,
        errors: [
          { messageId: 'partialMatch', line: 3 },
          {
            messageId: 'unanchored',
            line: 3,
            suggestions: [{ messageId: 'useSaferRegex', output: code`
              import cors from 'cors';
              app.use(cors({
                origin: (origin, cb) => cb(null, Boolean(origin.match(/^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/))),
              }));
            ` }],
          },
        ],
      },
      {
        name: 'express: origin.search (c)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin, cb) => cb(null, origin.search('example') >= 0),
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
      {
        name: 'nest: enableCors origin callback with endsWith (c)',
        code: code`
          import { Injectable } from '@nestjs/common';
          app.enableCors({
            origin: (origin, callback) => callback(null, !origin || origin.endsWith('.example.com')),
          });
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
      {
        name: 'hono: origin function with endsWith (c)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: (origin) => (origin.endsWith('.example.com') ? origin : null) }));
        `,
        errors: [{ messageId: 'partialMatch', line: 2 }],
      },
      {
        name: '@koa/cors: origin function with includes (c)',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({
            origin: (ctx) => {
              const origin = ctx.get('Origin');
              return origin.includes('example.com') ? origin : '';
            },
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 5 }],
      },
      {
        name: 'koa2-cors: origin function with endsWith on ctx.header.origin (c)',
        code: code`
          const cors = require('koa2-cors');
          app.use(cors({
            origin: (ctx) => (ctx.header.origin.endsWith('.example.com') ? ctx.header.origin : false),
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
      {
        name: 'raw: express guard with endsWith before reflecting (c)',
        code: code`
          app.use((req, res, next) => {
            const origin = req.headers.origin;
            if (origin && origin.endsWith('.example.com')) {
              res.setHeader('Access-Control-Allow-Origin', origin);
            }
            next();
          });
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
      {
        name: 'raw: hono guard with includes on c.req.header(origin) (c)',
        code: code`
          app.use('*', async (c, next) => {
            const origin = c.req.header('Origin');
            if (origin.includes('example.com')) c.header('Access-Control-Allow-Origin', origin);
            await next();
          });
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
      {
        name: "raw: hono guard on a const initialised with c.req.header('Origin') ?? '' (c)",
        code: code`
          app.use('*', async (c, next) => {
            const origin = c.req.header('Origin') ?? '';
            if (origin.includes('example.com')) c.header('Access-Control-Allow-Origin', origin);
            await next();
          });
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
      {
        name: 'raw: Next.js middleware guard with allowed.some(o => origin.startsWith(o)) (c)',
        code: code`
          import { NextResponse } from 'next/server';
          const allowedPrefixes = ['https://app.example.com', 'https://admin.example.com'];
          export function middleware(request) {
            const origin = request.headers.get('origin');
            const response = NextResponse.next();
            if (origin && allowedPrefixes.some((prefix) => origin.startsWith(prefix))) {
              response.headers.set('Access-Control-Allow-Origin', origin);
            }
            return response;
          }
        `,
        errors: [{ messageId: 'partialMatch', line: 6 }],
      },
      // ── (d) null ──────────────────────────────────────────────────────────────────────────────────────────────
      {
        name: "express: 'null' in an origin array (d)",
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://app.example.com', 'null'] }));
        `,
        errors: [{ messageId: 'nullOrigin', line: 2 }],
      },
      {
        name: "express: origin callback allows 'null' (d)",
        code: code`
          import cors from 'cors';
          const allowlist = ['https://app.example.com'];
          app.use(cors({
            origin(origin, callback) {
              if (origin === 'null' || allowlist.includes(origin)) return callback(null, true);
              callback(new Error('Not allowed'));
            },
          }));
        `,
        errors: [{ messageId: 'nullOrigin', line: 5 }],
      },
      {
        name: "raw: Allow-Origin written as 'null' (d)",
        code: code`
          export function preflight(req, res) {
            res.setHeader('Access-Control-Allow-Origin', 'null');
            res.end();
          }
        `,
        errors: [{ messageId: 'nullOrigin', line: 2 }],
      },
      {
        name: "next: Allow-Origin 'null' in next.config.mjs (d)",
        filename: 'next.config.mjs',
        code: code`
          export default {
            async headers() {
              return [
                {
                  source: '/embed/:path*',
                  headers: [{ key: 'Access-Control-Allow-Origin', value: 'null' }],
                },
              ];
            },
          };
        `,
        errors: [{ messageId: 'nullOrigin', line: 6 }],
      },
      // ── (e) http:// to a non-loopback host ────────────────────────────────────────────────────────────────────
      {
        name: 'express: http origin in an array (e)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://app.example.com', 'http://app.example.com', 'http://localhost:3000'] }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      {
        name: 'express: http fallback of an env origin (e)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: process.env.CORS_ORIGIN || 'http://staging.example.com',
          }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 3 }],
      },
      {
        name: 'express: http origin in a conditional branch (e)',
        code: code`
          import cors from 'cors';
          const isProd = process.env.NODE_ENV === 'production';
          app.use(cors({ origin: isProd ? 'https://app.example.com' : 'http://dev.example.com' }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 3 }],
      },
      {
        name: 'express: http origin in a Set used by the callback (e)',
        code: code`
          import cors from 'cors';
          const allowed = new Set([
            'https://app.example.com',
            'http://partner.example.com',
          ]);
          app.use(cors({ origin: (origin, cb) => cb(null, !origin || allowed.has(origin)) }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 4 }],
      },
      {
        name: 'express: http origin compared with === in the callback (e)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin, cb) => cb(null, origin === 'http://admin.example.com'),
          }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 3 }],
      },
      {
        name: 'fastify: http origin (e)',
        code: code`
          import cors from '@fastify/cors';
          app.register(cors, { origin: 'http://app.example.com' });
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      {
        name: 'hono: http origin in an array (e)',
        code: code`
          import { cors } from 'hono/cors';
          app.use('*', cors({ origin: ['https://app.example.com', 'http://192.168.1.20:3000'] }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      {
        name: '@koa/cors: http origin (e)',
        code: code`
          import cors from '@koa/cors';
          app.use(cors({ origin: 'http://app.example.com' }));
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      {
        name: 'nest: create(M, { cors: { origin } }) with an http origin (e)',
        code: code`
          import { NestFactory } from '@nestjs/core';
          const app = await NestFactory.create(AppModule, { cors: { origin: ['http://app.example.com'] } });
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      {
        name: 'raw: koa guard compares with an http origin (e)',
        code: code`
          app.use(async (ctx, next) => {
            if (ctx.get('Origin') === 'http://app.example.com') {
              ctx.set('Access-Control-Allow-Origin', ctx.get('Origin'));
            }
            await next();
          });
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      // ── (f) anything after the authority ──────────────────────────────────────────────────────────────────────
      {
        name: 'express: trailing slash through a const chain (f)',
        code: code`
          import cors from 'cors';
          const FRONTEND = 'https://app.example.com/';
          const ORIGINS = [FRONTEND];
          app.use(cors({ origin: ORIGINS }));
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              const FRONTEND = 'https://app.example.com';
              const ORIGINS = [FRONTEND];
              app.use(cors({ origin: ORIGINS }));
            ` }],
          },
        ],
      },
      {
        name: 'express: path, query and fragment (f)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://a.example.com/app', 'https://b.example.com?x=1', 'https://c.example.com#top'] }));
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: ['https://a.example.com', 'https://b.example.com?x=1', 'https://c.example.com#top'] }));
            ` }],
          },
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: ['https://a.example.com/app', 'https://b.example.com', 'https://c.example.com#top'] }));
            ` }],
          },
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: ['https://a.example.com/app', 'https://b.example.com?x=1', 'https://c.example.com'] }));
            ` }],
          },
        ],
      },
      {
        name: 'socket.io: trailing slash in the cors origin (f)',
        code: code`
          import { Server } from 'socket.io';
          const io = new Server(httpServer, { cors: { origin: 'https://app.example.com/' } });
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import { Server } from 'socket.io';
              const io = new Server(httpServer, { cors: { origin: 'https://app.example.com' } });
            ` }],
          },
        ],
      },
      {
        name: 'raw: exact allowlist guard with a trailing-slash entry (f)',
        code: code`
          const ALLOWED = ['https://app.example.com/'];
          app.use((req, res, next) => {
            const origin = req.headers.origin;
            if (ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
            next();
          });
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 1,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              const ALLOWED = ['https://app.example.com'];
              app.use((req, res, next) => {
                const origin = req.headers.origin;
                if (ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
                next();
              });
            ` }],
          },
        ],
      },
      {
        name: 'next: Allow-Origin with a trailing slash (f)',
        filename: 'next.config.js',
        code: code`
          module.exports = {
            async headers() {
              return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com/' }] }];
            },
          };
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 3,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              module.exports = {
                async headers() {
                  return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }] }];
                },
              };
            ` }],
          },
        ],
      },
      {
        name: 'koa2-cors: trailing slash in a fixed origin (f)',
        code: code`
          const cors = require('koa2-cors');
          app.use(cors({ origin: 'https://app.example.com/' }));
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              const cors = require('koa2-cors');
              app.use(cors({ origin: 'https://app.example.com' }));
            ` }],
          },
        ],
      },
      {
        name: 'express: loopback origin with a trailing slash is still not serialised (f)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: ['https://app.example.com', 'http://localhost:3000/'] }));
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: ['https://app.example.com', 'http://localhost:3000'] }));
            ` }],
          },
        ],
      },
      // ── (g) upper-case host ───────────────────────────────────────────────────────────────────────────────────
      {
        name: 'express: upper-case host (g)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'https://App.Example.com' }));
        `,
        errors: [
          {
            messageId: 'uppercaseHost',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: 'https://app.example.com' }));
            ` }],
          },
        ],
      },
      {
        name: 'raw: Allow-Origin with an upper-case host (g)',
        code: code`
          app.use((req, res, next) => {
            res.set('Access-Control-Allow-Origin', "https://WWW.example.com");
            next();
          });
        `,
        errors: [
          {
            messageId: 'uppercaseHost',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              app.use((req, res, next) => {
                res.set('Access-Control-Allow-Origin', "https://www.example.com");
                next();
              });
            ` }],
          },
        ],
      },
      {
        name: 'express: http, upper-case host and trailing slash at once (e)(f)(g)',
        code: code`
          import cors from 'cors';
          app.use(cors({ origin: 'http://App.example.com/' }));
        `,
        errors: [
          { messageId: 'insecureScheme', line: 2 },
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              app.use(cors({ origin: 'http://app.example.com' }));
            ` }],
          },
          // The same edit at the same place is offered once.
          { messageId: 'uppercaseHost', line: 2, suggestions: [] },
        ],
      },
    ],
  },
  typescriptOnly: {
    valid: [
      {
        name: 'ts: typed CorsOptions with safe origins',
        code: code`
          import type { CorsOptions } from 'cors';
          export const corsOptions: CorsOptions = { origin: ['https://app.example.com', /^https:\/\/[a-z]+\.example\.com$/] };
        `,
      },
    ],
    invalid: [
      {
        name: 'ts: typed CorsOptions with an http origin behind `as const` (e)',
        code: code`
          import type { CorsOptions } from 'cors';
          const ORIGINS = ['http://app.example.com'] as const;
          export const corsOptions: CorsOptions = { origin: [...ORIGINS] };
        `,
        errors: [{ messageId: 'insecureScheme', line: 2 }],
      },
      {
        name: 'ts: satisfies and non-null wrappers are transparent (f)',
        code: code`
          import cors from 'cors';
          const origin = ('https://app.example.com/path' satisfies string)!;
          app.use(cors({ origin }));
        `,
        errors: [
          {
            messageId: 'notSerialised',
            line: 2,
            suggestions: [{ messageId: 'useSerialisedOrigin', output: code`
              import cors from 'cors';
              const origin = ('https://app.example.com' satisfies string)!;
              app.use(cors({ origin }));
            ` }],
          },
        ],
      },
      {
        name: 'ts: typed origin callback parameter with endsWith (c)',
        code: code`
          import cors from 'cors';
          app.use(cors({
            origin: (origin: string | undefined, cb: (err: Error | null, allow?: boolean) => void) => cb(null, !!origin?.endsWith('.example.com')),
          }));
        `,
        errors: [{ messageId: 'partialMatch', line: 3 }],
      },
    ],
  },
});
