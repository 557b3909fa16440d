/**
 * `cors-fix probe` against real servers on 127.0.0.1: for every misconfiguration class a server that has it (and the
 * probe finds exactly that), and for every framework a correct configuration (no finding at all, exit 0).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, APP, checks, probe } from './probe.js';
import {
  type Running,
  startExpress,
  startFastApi,
  startFastify,
  startHandWritten,
  startHono,
  startKoa,
  startNest,
  startSocketIo,
  stopAll,
} from './servers.js';

afterAll(stopAll);

const METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'];
const HEADERS = ['Authorization', 'Content-Type', 'X-Request-ID', 'Last-Event-ID', 'Cache-Control'];
/** express `cors` options (also NestJS and socket.io, which hand them to `cors`) that get everything right. */
const EXPRESS_CORRECT = { origin: [APP, ADMIN], credentials: true, methods: METHODS, allowedHeaders: HEADERS, maxAge: 600 };
const HONO_CORRECT = { origin: [APP, ADMIN], credentials: true, allowMethods: METHODS, allowHeaders: HEADERS, maxAge: 600 };
/** `@koa/cors` takes no list: a function answers the listed origins. */
const koaOrigin = (test: (origin: string) => boolean) => (ctx: { get(name: string): string }) => (test(ctx.get('Origin')) ? ctx.get('Origin') : '');
const KOA_CORRECT = { origin: koaOrigin((origin) => [APP, ADMIN].includes(origin)), credentials: true, allowMethods: METHODS, allowHeaders: HEADERS, maxAge: 600 };
const SOCKET_IO = '/socket.io/?EIO=4&transport=polling';
/** Every probe sent, so that the expectations do not depend on the request limit. */
const ALL = ['--origin', APP, '--origin', ADMIN, '--max-requests', '400'];

/** `options` without `key` (absent, so that the framework's default applies; `undefined` would be passed on). */
function without<T extends object>(options: T, key: keyof T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([name]) => name !== key)) as Partial<T>;
}

interface Case {
  name: string;
  start: () => Promise<Running>;
  path: string;
  more?: string[];
  expected: string[];
  /** Part of the first finding's message. */
  says?: string;
}

async function probeCase({ start, path, more = [] }: Case): Promise<Awaited<ReturnType<typeof probe>>> {
  const server = await start();
  try {
    return await probe(`${server.origin}${path}`, [...ALL, ...more]);
  } finally {
    await server.close();
  }
}

const MISCONFIGURED: Case[] = [
  {
    name: 'express `origin: true` with credentials reflects any origin',
    start: () => startExpress({ ...EXPRESS_CORRECT, origin: true }),
    path: '/api/items',
    expected: ['reflects-any-origin:critical'],
  },
  {
    name: "@fastify/cors with 'null' in the list allows the null origin",
    start: () => startFastify({ ...EXPRESS_CORRECT, origin: [APP, ADMIN, 'null'] }),
    path: '/api/items',
    expected: ['allows-null-origin:critical'],
  },
  {
    name: 'express with an unescaped dot in the origin pattern trusts a look-alike',
    start: () => startExpress({ ...EXPRESS_CORRECT, origin: [/^https:\/\/app.example\.com$/u, ADMIN] }),
    path: '/api/items',
    expected: ['trusts-lookalike-origin:critical'],
    says: 'https://appxexample.com (unescaped dot of https://app.example.com) is allowed',
  },
  {
    name: '@koa/cors with a *.example.com pattern trusts any subdomain',
    start: () => startKoa({ ...KOA_CORRECT, origin: koaOrigin((origin) => /^https:\/\/([a-z0-9-]+\.)*example\.com$/u.test(origin)) }),
    path: '/api/items',
    expected: ['trusts-any-subdomain:high'],
  },
  {
    name: 'hono/cors listing the http:// twin trusts the insecure scheme',
    start: () => startHono({ ...HONO_CORRECT, origin: [APP, 'http://app.example.com', ADMIN] }),
    path: '/api/items',
    expected: ['trusts-insecure-scheme:high'],
  },
  {
    name: 'hono/cors without an origin sends *',
    start: () => startHono({ maxAge: 600 }),
    path: '/api/items',
    expected: ['wildcard-origin:low'],
    says: 'Access-Control-Allow-Origin: * lets every website read the responses',
  },
  {
    name: "@fastify/cors `origin: '*'` with credentials",
    start: () => startFastify({ ...EXPRESS_CORRECT, origin: '*' }),
    path: '/api/items',
    expected: ['wildcard-with-credentials:low'],
  },
  {
    name: 'a hand-written middleware without Vary: Origin',
    start: () => startHandWritten({ allowed: [APP, ADMIN], vary: false, methods: METHODS.join(', '), headers: HEADERS.join(', ') }),
    path: '/api/items',
    expected: ['missing-vary-origin:medium'],
  },
  {
    name: 'NestJS enableCors without one of the expected origins',
    start: () => startNest({ ...EXPRESS_CORRECT, origin: [ADMIN] }),
    path: '/api/items',
    expected: ['allowed-origin-refused:low'],
  },
  {
    name: '@fastify/cors with its default methods (GET, HEAD, POST)',
    start: () => startFastify(without(EXPRESS_CORRECT, 'methods')),
    path: '/api/items',
    expected: ['preflight-rejects-method:low'],
    says: 'for PUT, PATCH, DELETE is refused (Access-Control-Allow-Methods: GET, HEAD, POST)',
  },
  {
    name: 'express allowing only Content-Type',
    start: () => startExpress({ ...EXPRESS_CORRECT, allowedHeaders: ['Content-Type'] }),
    path: '/api/items',
    expected: ['preflight-rejects-header:low'],
  },
  {
    name: 'express serving a stream without Last-Event-ID and Cache-Control in the allowed headers',
    start: () => startExpress({ ...EXPRESS_CORRECT, allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-ID'] }),
    path: '/api/stream',
    expected: ['sse-resume-blocked:low'],
  },
  {
    name: '@koa/cors without maxAge',
    start: () => startKoa(without(KOA_CORRECT, 'maxAge')),
    path: '/api/items',
    expected: ['max-age:info'],
  },
  {
    name: 'express with maxAge 86400',
    start: () => startExpress({ ...EXPRESS_CORRECT, maxAge: 86_400 }),
    path: '/api/items',
    expected: ['max-age:low'],
  },
  {
    name: "socket.io's handshake with `cors: { origin: true, credentials: true }`",
    start: () => startSocketIo({ ...EXPRESS_CORRECT, origin: true }),
    path: SOCKET_IO,
    expected: ['reflects-any-origin:critical'],
  },
  {
    name: 'Starlette allow_origins=["*"] with allow_credentials=True (FastAPI under uvicorn), which reflects any origin when a Cookie is sent',
    start: () => startFastApi('star-credentials'),
    path: '/api/items',
    // Its default allow_methods is GET alone and allow_headers the safelisted ones.
    expected: ['cookie-dependent-reflection:medium', 'preflight-rejects-header:low', 'preflight-rejects-method:low', 'reflects-any-origin:critical'],
  },
];

const CORRECT: Case[] = [
  { name: 'express cors', start: () => startExpress(EXPRESS_CORRECT), path: '/api/items', more: ['--path', '/api/stream'], expected: [] },
  { name: '@fastify/cors', start: () => startFastify(EXPRESS_CORRECT), path: '/api/items', expected: [] },
  { name: 'hono/cors', start: () => startHono(HONO_CORRECT), path: '/api/items', expected: [] },
  { name: '@koa/cors', start: () => startKoa(KOA_CORRECT), path: '/api/items', expected: [] },
  { name: 'NestJS enableCors', start: () => startNest(EXPRESS_CORRECT), path: '/api/items', expected: [] },
  { name: "socket.io's handshake", start: () => startSocketIo(EXPRESS_CORRECT), path: SOCKET_IO, expected: [] },
  {
    name: 'a hand-written middleware',
    start: () => startHandWritten({ allowed: [APP, ADMIN], vary: true, methods: METHODS.join(', '), headers: HEADERS.join(', ') }),
    path: '/api/items',
    more: ['--path', '/api/stream'],
    expected: [],
  },
  { name: 'FastAPI/Starlette with a list', start: () => startFastApi('correct'), path: '/api/items', more: ['--path', '/api/stream'], expected: [] },
];

describe('each misconfiguration is found, and nothing else', () => {
  it.each(MISCONFIGURED)('$name', async (testCase) => {
    const run = await probeCase(testCase);
    expect(run.document.error).toBeNull();
    expect(checks(run)).toEqual(testCase.expected);
    if (testCase.says) expect(run.document.findings[0]?.message).toContain(testCase.says);
    expect(run.code).toBe(run.document.findings.some((finding) => ['critical', 'high', 'medium'].includes(finding.severity)) ? 1 : 0);
  });
});

describe('a correct configuration has no finding', () => {
  it.each(CORRECT)('$name', async (testCase) => {
    const run = await probeCase(testCase);
    expect(run.document.error).toBeNull();
    expect(checks(run)).toEqual([]);
    expect(run.code).toBe(0);
    // The hard probes were sent and answered: look-alikes with their Cookie twins, preflights.
    expect(run.document.requests.sent).toBeGreaterThan(30);
    expect(run.document.requests.inconclusive).toBe(0);
  });
});

describe('the Starlette case in detail', () => {
  it('shows the request with the Cookie that is echoed, with credentials', async () => {
    const run = await probeCase({ name: 'starlette', start: () => startFastApi('star-credentials'), path: '/api/items', expected: [] });
    const reflected = run.document.findings.find((finding) => finding.check === 'reflects-any-origin');
    expect(reflected).toMatchObject({
      severity: 'critical',
      origin: 'https://attacker.example',
      request: { method: 'GET', headers: { origin: 'https://attacker.example', cookie: 'cors-probe=1' } },
      response: { status: 200, headers: { 'access-control-allow-origin': 'https://attacker.example', 'access-control-allow-credentials': 'true' } },
    });
    const cookie = run.document.findings.find((finding) => finding.check === 'cookie-dependent-reflection');
    expect(cookie?.message).toContain('without one it has Access-Control-Allow-Origin: * with credentials, with one it has Access-Control-Allow-Origin: https://attacker.example with credentials');
  });
});
