/** `expectationsFromProject`: what the bundled example apps declare, before and after cors-fix, read with the static model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envReads, expectationsFromProject } from '../../../src/cors-fix/probe/project.js';
import { runCorsFix } from '../../../src/cors-fix/pipeline.js';
import { copyToTemp, makeTemp, removeTemp } from '../helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const temps: string[] = [];
afterAll(() => {
  for (const path of temps) removeTemp(path);
});

const NOTHING = { listed: [], patterns: [], variables: [], open: false, unknown: false, conditional: false };

describe('the example apps as they are', () => {
  it('express-api: a route and the stream, * or the production origin, credentials, the defaults', async () => {
    const project = await expectationsFromProject(join(EXAMPLES, 'express-api'));
    expect(project.policies).toHaveLength(1);
    expect(project.policies[0]).toEqual({
      location: { file: 'src/server.js', line: 15, column: 9, endLine: 15, endColumn: 26 },
      framework: 'express cors',
      routes: [
        { path: '/api/health', streams: false },
        { path: '/api/orders/stream', streams: true },
      ],
      routeMethods: ['GET', 'POST', 'DELETE'],
      origins: { ...NOTHING, listed: ['https://shop.example.com'], open: true, conditional: true },
      credentials: true,
      methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
      headers: 'reflect',
      maxAge: null,
    });
    expect(project.knownOrigins).toEqual(['https://shop.example.com']);
  });

  it('koa-api: the router prefix is part of the route; no origin with credentials lets every origin in', async () => {
    const [policy] = (await expectationsFromProject(join(EXAMPLES, 'koa-api'))).policies;
    expect(policy?.routes).toEqual([{ path: '/api/invoices', streams: false }]);
    expect(policy?.origins).toEqual({ ...NOTHING, open: true });
    expect(policy?.credentials).toBe(true);
  });

  it('raw-headers-api: the headers it writes are the lists; nothing written is nothing allowed', async () => {
    const [policy] = (await expectationsFromProject(join(EXAMPLES, 'raw-headers-api'))).policies;
    expect(policy).toMatchObject({
      routes: [{ path: '/api/items', streams: false }],
      origins: { ...NOTHING, open: true },
      credentials: false,
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      headers: ['content-type', 'authorization'],
      maxAge: null,
    });
  });

  it('fastify-api and hono-api: reflection with credentials, and * with the framework defaults', async () => {
    const [fastify] = (await expectationsFromProject(join(EXAMPLES, 'fastify-api'))).policies;
    expect(fastify).toMatchObject({ routes: [{ path: '/api/notes', streams: false }], origins: { ...NOTHING, open: true }, credentials: true, methods: ['GET', 'HEAD', 'POST'] });
    const [hono] = (await expectationsFromProject(join(EXAMPLES, 'hono-api'))).policies;
    expect(hono).toMatchObject({ routes: [{ path: '/api/bookmarks', streams: false }], origins: { ...NOTHING, open: true }, credentials: false, headers: 'reflect' });
  });
});

describe('the example apps after cors-fix', () => {
  const fixed: Record<string, string> = {};
  beforeAll(async () => {
    for (const name of ['express-api', 'koa-api', 'raw-headers-api']) {
      const directory = copyToTemp(join(EXAMPLES, name));
      temps.push(directory);
      await runCorsFix({ cwd: directory, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
      fixed[name] = directory;
    }
  });

  it('express-api: the allowlist is read from CORS_ORIGINS (through the generated module); .env.example names its origins', async () => {
    const project = await expectationsFromProject(fixed['express-api'] as string);
    expect(project.policies[0]).toMatchObject({
      origins: { ...NOTHING, variables: ['CORS_ORIGINS'] },
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'DELETE'],
      headers: ['content-type', 'authorization', 'last-event-id', 'cache-control', 'x-request-id'],
      maxAge: 600,
    });
    expect(project.knownOrigins).toEqual(['https://shop.example.com']);
  });

  it('koa-api and raw-headers-api: the variable is found behind an origin function and behind a guard', async () => {
    for (const name of ['koa-api', 'raw-headers-api']) {
      const [policy] = (await expectationsFromProject(fixed[name] as string)).policies;
      expect(policy?.origins, name).toEqual({ ...NOTHING, variables: ['CORS_ORIGINS'] });
      expect(policy?.maxAge, name).toBe(600);
    }
  });
});

describe('reading a project', () => {
  it('finds a variable read in place, fills route parameters, and says when a policy has no route', async () => {
    const directory = makeTemp('cors-probe-project-');
    temps.push(directory);
    mkdirSync(join(directory, 'src'));
    writeFileSync(
      join(directory, 'src/app.ts'),
      [
        "import cors from 'cors';",
        "import express from 'express';",
        'const app = express();',
        "app.use(cors({ origin: process.env.ALLOWED_ORIGINS?.split(',') ?? [], maxAge: '600' }));",
        "app.get('/users/:id', (req, res) => res.json({}));",
      ].join('\n'),
    );
    writeFileSync(join(directory, 'src/other.ts'), "import cors from 'cors';\nexport const middleware = cors();\n");
    writeFileSync(join(directory, '.env.staging'), 'ALLOWED_ORIGINS=https://staging.example.com\n');
    const project = await expectationsFromProject(directory);
    expect(project.policies.map((policy) => [policy.location.file, policy.routes, policy.origins, policy.maxAge])).toEqual([
      // The empty fallback allows nothing: the variable decides alone.
      ['src/app.ts', [{ path: '/users/1', streams: false }], { ...NOTHING, variables: ['ALLOWED_ORIGINS'] }, 600],
      ['src/other.ts', [], { ...NOTHING, open: true }, null],
    ]);
    expect(project.knownOrigins).toEqual(['https://staging.example.com']);
    expect(project.notes).toEqual(['src/other.ts:2: no route is registered under this express cors policy; probe its paths with --path.']);
  });

  it('reads process.env by name, by string key and through a constant', () => {
    const module = "const VARIABLE = 'CORS_ORIGINS';\nconst raw = process.env[VARIABLE];\nconst port = process.env.PORT;\nconst b = process.env['OTHER_ORIGINS'];";
    expect(envReads(module, module)).toEqual(['PORT', 'OTHER_ORIGINS', 'CORS_ORIGINS']);
  });
});
