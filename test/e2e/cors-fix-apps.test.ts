/**
 * `cors-fix` on multi-file apps, end to end: each app under fixtures/cors-fix-apps is copied into a git repository,
 * fixed once with the built CLI, and then
 * - a second run changes nothing;
 * - ESLint with `cors/recommended` reports nothing the fix's review list does not hold;
 * - every comment of the sources is still there, and TypeScript apps still type-check;
 * - the app is started on 127.0.0.1 with its allowlists set, and real preflights for every route method, the headers
 *   its code reads and the SSE resume headers succeed from an allowed origin and fail from a refused one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyToTemp, eslintRecommended, git, readTree, removeTemp } from '../cors-fix/helpers.js';
import { type Answer, type NodeApp, request, startNodeApp } from './harness/node-app.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'packages', 'cors-fix', 'dist', 'src', 'cors-fix', 'cli.js');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const REFUSED = 'https://evil.example.net';

/** The callers one policy lets in, and what its routes need from a preflight. */
interface Audience {
  variable: string;
  /** The origin the server is started with, in `variable`. */
  origin: string;
  credentials: boolean;
  /** Every route the policy covers, as [method, path]. */
  routes: [string, string][];
  /** Request headers the code reads or needs (lower case). */
  headers: string[];
  /** A route that streams Server-Sent Events. */
  stream?: string;
}

interface App {
  name: string;
  /** Node arguments that start it (after a `tsc` build for TypeScript apps). */
  start: string[];
  typescript: boolean;
  audiences: Audience[];
  /** What `.env.example` lists per variable after the fix. */
  envExample: Record<string, string>;
}

const APPS: App[] = [
  {
    name: 'express-routers',
    start: ['src/server.js'],
    typescript: false,
    audiences: [
      {
        variable: 'CORS_ORIGINS',
        origin: 'https://app.example.com',
        credentials: true,
        routes: [
          ['GET', '/api/orders'],
          ['POST', '/api/orders'],
          ['PUT', '/api/orders/7'],
          ['DELETE', '/api/orders/7'],
        ],
        headers: ['authorization', 'content-type', 'idempotency-key'],
        stream: '/api/orders/events',
      },
    ],
    envExample: { CORS_ORIGINS: '' },
  },
  {
    name: 'nest-sse',
    start: ['dist/main.js'],
    typescript: true,
    audiences: [
      {
        variable: 'CORS_ORIGINS',
        origin: 'https://app.example.com',
        credentials: false,
        routes: [
          ['GET', '/notes'],
          ['POST', '/notes'],
          ['PATCH', '/notes/1'],
          ['DELETE', '/notes/1'],
        ],
        headers: ['content-type', 'x-client-version'],
        stream: '/notes/stream',
      },
    ],
    envExample: { CORS_ORIGINS: '' },
  },
  {
    name: 'fastify-plugins',
    start: ['src/server.js'],
    typescript: false,
    audiences: [
      {
        variable: 'CORS_ORIGINS',
        origin: 'https://app.example.com',
        credentials: false,
        routes: [
          ['GET', '/api/notes/'],
          ['POST', '/api/notes/'],
          ['PUT', '/api/notes/1'],
          ['DELETE', '/api/notes/1'],
        ],
        headers: ['content-type', 'x-workspace'],
        stream: '/api/feed',
      },
    ],
    envExample: { CORS_ORIGINS: 'https://app.example.com,https://admin.example.com' },
  },
  {
    name: 'hono-routes',
    start: ['src/server.js'],
    typescript: false,
    audiences: [
      {
        variable: 'CORS_ORIGINS',
        origin: 'https://app.example.com',
        credentials: false,
        routes: [
          ['GET', '/api/bookmarks'],
          ['POST', '/api/bookmarks'],
          ['PATCH', '/api/bookmarks/1'],
          ['DELETE', '/api/bookmarks/1'],
        ],
        headers: ['authorization', 'content-type'],
        stream: '/api/live',
      },
    ],
    envExample: { CORS_ORIGINS: '' },
  },
  {
    name: 'ts-paths',
    start: ['-r', './paths.cjs', 'dist/main.js'],
    typescript: true,
    audiences: [
      {
        variable: 'CORS_ORIGINS',
        origin: 'https://app.example.com',
        credentials: true,
        routes: [
          ['GET', '/api/users'],
          ['POST', '/api/users'],
          ['PATCH', '/api/users/1'],
          ['DELETE', '/api/users/1'],
        ],
        headers: ['authorization', 'content-type', 'x-tenant'],
      },
    ],
    envExample: { CORS_ORIGINS: 'https://app.example.com,http://localhost:5173' },
  },
  {
    name: 'two-audiences',
    start: ['src/app.js'],
    typescript: false,
    audiences: [
      {
        variable: 'CORS_ORIGINS',
        origin: 'https://shop.example.com',
        credentials: false,
        routes: [
          ['GET', '/api/products'],
          ['POST', '/api/products/search'],
        ],
        headers: ['content-type'],
      },
      {
        variable: 'ADMIN_CORS_ORIGINS',
        origin: 'https://admin.example.com',
        credentials: true,
        routes: [
          ['GET', '/admin/users'],
          ['DELETE', '/admin/users/1'],
        ],
        headers: ['authorization', 'content-type'],
      },
    ],
    envExample: { ADMIN_CORS_ORIGINS: 'https://admin.example.com,https://ops.example.com', CORS_ORIGINS: '' },
  },
];

const temps: string[] = [];
const servers: NodeApp[] = [];

afterAll(async () => {
  await Promise.allSettled(servers.map((server) => server.close()));
  for (const path of temps) removeTemp(path);
});

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build).`);
});

function corsFix(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function tsc(cwd: string, ...args: string[]): { code: number; output: string } {
  const result = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** The comments of every source file, by path. */
function comments(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [path, bytes] of readTree(root)) {
    if (!/\.[cm]?[jt]s$/u.test(path) || path.startsWith('dist/')) continue;
    const ast = parse(bytes.toString('utf8'), { comment: true, range: true, sourceType: 'module', filePath: path });
    found.set(
      path,
      (ast.comments ?? []).map((comment) => comment.value.trim()),
    );
  }
  return found;
}

/** `Access-Control-Allow-*` list headers as lower-case names. */
function listed(answer: Answer, header: string): string[] {
  const value = answer.headers[header];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
}

function preflight(server: NodeApp, path: string, origin: string, method: string, headers: readonly string[]): Promise<Answer> {
  return request(`${server.origin}${path}`, 'OPTIONS', {
    Origin: origin,
    'Access-Control-Request-Method': method,
    ...(headers.length > 0 ? { 'Access-Control-Request-Headers': headers.join(',') } : {}),
  });
}

describe.each(APPS)('cors-fix on fixtures/cors-fix-apps/$name', (app) => {
  let root = '';
  let before = new Map<string, string[]>();
  let first: { code: number; report: { review: { ruleId: string; file: string; line: number; column: number; message: string }[]; summary: Record<string, number> } };
  let typecheckedBefore = true;

  beforeAll(() => {
    root = copyToTemp(join(REPO, 'fixtures', 'cors-fix-apps', app.name));
    temps.push(root);
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
    git(root, 'init', '--quiet');
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'the app as it was');
    before = comments(root);
    if (app.typescript) typecheckedBefore = tsc(root, '--noEmit').code === 0;
    const run = corsFix(root, '--json');
    first = { code: run.code, report: JSON.parse(run.stdout) };
  }, 180_000);

  it('fixes the app in one run, and a second run changes nothing', () => {
    expect(first.code).toBe(0);
    expect(first.report.summary.failed).toBe(0);
    expect(first.report.summary.changed).toBeGreaterThan(0);
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'cors-fix');
    const second = corsFix(root);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
    const check = corsFix(root, '--check');
    expect(check.code, check.stdout).toBe(0);
  });

  it('writes each allowlist variable to .env.example with the origins the code listed', () => {
    const env = readFileSync(join(root, '.env.example'), 'utf8');
    const entries = Object.fromEntries(
      env
        .split('\n')
        .filter((line) => /^[A-Z_]+=/u.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(entries).toEqual(app.envExample);
  });

  it('leaves nothing that ESLint reports outside the review list', async () => {
    const review = first.report.review.map(({ ruleId, file, line, column, message }) => ({ ruleId, file, line, column, message }));
    expect(review).toEqual(expect.arrayContaining(await eslintRecommended(root)));
  });

  it('keeps every comment of the sources', () => {
    const after = comments(root);
    for (const [path, texts] of before) {
      const now = readFileSync(join(root, path), 'utf8');
      for (const text of texts) expect(now, `${path}: ${text}`).toContain(text);
      expect(after.has(path)).toBe(true);
    }
  });

  // Declared only where it applies: a skipped test would count as not passed.
  if (app.typescript) {
    it('still type-checks', () => {
      expect(typecheckedBefore).toBe(true);
      const result = tsc(root, '--noEmit');
      expect(result.code, result.output).toBe(0);
    });
  }

  describe('started on 127.0.0.1 with its allowlists set', () => {
    let server: NodeApp;

    beforeAll(async () => {
      if (app.typescript) {
        const build = tsc(root);
        if (build.code !== 0) throw new Error(`tsc failed:\n${build.output}`);
      }
      server = await startNodeApp(root, app.start, Object.fromEntries(app.audiences.map((audience) => [audience.variable, audience.origin])));
      servers.push(server);
    }, 60_000);

    afterAll(() => server?.close());

    describe.each(app.audiences)('$variable', (audience) => {
      it.each(audience.routes)('allows a preflight for %s %s from the allowed origin, with the headers the code reads', async (method, path) => {
        const answer = await preflight(server, path, audience.origin, method, audience.headers);
        expect(answer.status, JSON.stringify(answer.headers)).toBeLessThan(300);
        expect(answer.headers['access-control-allow-origin']).toBe(audience.origin);
        expect(answer.headers['access-control-allow-credentials']).toBe(audience.credentials ? 'true' : undefined);
        expect(listed(answer, 'access-control-allow-methods')).toContain(method.toLowerCase());
        expect(listed(answer, 'access-control-allow-headers')).toEqual(expect.arrayContaining(audience.headers));
      });

      it.each(audience.routes)('refuses a preflight for %s %s from another origin', async (method, path) => {
        const others = [REFUSED, ...app.audiences.filter((other) => other !== audience).map((other) => other.origin)];
        for (const origin of others) {
          const answer = await preflight(server, path, origin, method, audience.headers);
          expect(answer.headers['access-control-allow-origin'], origin).toBeUndefined();
        }
      });

      const path = audience.stream;
      if (path === undefined) return;
      it('lets a fetch-based SSE client resume: preflight with Last-Event-ID, then the stream', async () => {
        const allowed = await preflight(server, path, audience.origin, 'GET', ['last-event-id', 'cache-control']);
        expect(allowed.headers['access-control-allow-origin']).toBe(audience.origin);
        expect(listed(allowed, 'access-control-allow-headers')).toEqual(expect.arrayContaining(['last-event-id', 'cache-control']));
        const stream = await request(`${server.origin}${path}`, 'GET', { Origin: audience.origin, 'Last-Event-ID': '1', Accept: 'text/event-stream' });
        expect(stream.status).toBe(200);
        expect(stream.headers['content-type']).toContain('text/event-stream');
        expect(stream.headers['access-control-allow-origin']).toBe(audience.origin);
        expect(stream.body).toContain('data:');
        const refused = await preflight(server, path, REFUSED, 'GET', ['last-event-id']);
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      });
    });
  });
});
