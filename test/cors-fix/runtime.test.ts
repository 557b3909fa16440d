/**
 * Runtime tests: each bundled example app is copied to a temp dir, rewritten by cors-fix, started on 127.0.0.1 with
 * CORS_ORIGINS in JSON form, in comma form, unset, and invalid, and probed with real preflight requests for the
 * request headers its code needs. Credentials stay as each app had them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';
import { runCorsFix } from '../../src/cors-fix/pipeline.js';
import { copyToTemp, removeTemp } from './helpers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ALLOWED = 'https://app.example.com';
const ALSO_ALLOWED = 'https://admin.example.com';
const OTHER = 'https://evil.example';

/** Each app, the path probed, whether it sends credentials, and the request headers its code reads (or lists). */
const APPS = [
  { name: 'express-api', path: '/api/orders', credentials: true, headers: ['authorization', 'content-type', 'x-request-id'] },
  { name: 'fastify-api', path: '/api/notes', credentials: true, headers: ['authorization', 'content-type', 'x-request-id'] },
  { name: 'hono-api', path: '/api/bookmarks', credentials: false, headers: ['content-type', 'x-request-id'] },
  { name: 'koa-api', path: '/api/invoices', credentials: true, headers: ['authorization', 'content-type', 'x-request-id'] },
  { name: 'raw-headers-api', path: '/api/items', credentials: false, headers: ['authorization', 'content-type', 'x-request-id'] },
] as const;

interface Server {
  child: ChildProcess;
  port: number;
  stderr: () => string;
}

const children: ChildProcess[] = [];
const temps: string[] = [];

/** Starts `node src/server.js` with `env` (CORS_ORIGINS unset unless given); resolves once it prints its port. */
function start(directory: string, env: Record<string, string>): Promise<Server> {
  const base = { ...process.env };
  delete base.CORS_ORIGINS;
  const child = spawn(process.execPath, ['src/server.js'], { cwd: directory, env: { ...base, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/u.exec(stdout);
      if (match) resolve({ child, port: Number(match[1]), stderr: () => stderr });
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and stderr. */
function startFailing(directory: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['src/server.js'], { cwd: directory, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** A CORS preflight for a POST with `requestHeaders`. */
function preflight(port: number, path: string, origin: string, requestHeaders: readonly string[] = ['content-type']): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': requestHeaders.join(','),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.headers));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function allowedHeaders(headers: Record<string, string | string[] | undefined>): string[] {
  return String(headers['access-control-allow-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  for (const temp of temps) removeTemp(temp);
});

describe.each(APPS)('examples/$name after cors-fix', ({ name, path, credentials, headers: needed }) => {
  const servers: Record<'json' | 'comma' | 'unset', Server | null> = { json: null, comma: null, unset: null };
  let invalid: { code: number | null; stderr: string } | null = null;
  let directory = '';

  beforeAll(async () => {
    directory = copyToTemp(join(REPO, 'examples', name));
    temps.push(directory);
    symlinkSync(join(REPO, 'node_modules'), join(directory, 'node_modules'), 'dir');
    const report = await runCorsFix({ cwd: directory, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(report.summary.changed).toBeGreaterThan(0);
    [servers.json, servers.comma, servers.unset, invalid] = await Promise.all([
      start(directory, { CORS_ORIGINS: JSON.stringify([ALLOWED, ALSO_ALLOWED]) }),
      start(directory, { CORS_ORIGINS: ` ${ALLOWED} , ${ALSO_ALLOWED}` }),
      start(directory, {}),
      startFailing(directory, { CORS_ORIGINS: `${ALLOWED},https://Admin.example.com/` }),
    ]);
  });

  it.each(['json', 'comma'] as const)('with CORS_ORIGINS as a %s list, allows the listed origins, the headers the code needs, and credentials as before', async (form) => {
    const server = servers[form] as Server;
    for (const origin of [ALLOWED, ALSO_ALLOWED]) {
      const headers = await preflight(server.port, path, origin, needed);
      expect(headers['access-control-allow-origin']).toBe(origin);
      expect(headers['access-control-allow-credentials']).toBe(credentials ? 'true' : undefined);
      expect(allowedHeaders(headers)).toEqual(expect.arrayContaining([...needed]));
      expect(String(headers['access-control-allow-methods']).toUpperCase()).toContain('POST');
      expect(headers['access-control-max-age']).toBe('600');
    }
  });

  it.each(['json', 'comma'] as const)('with CORS_ORIGINS as a %s list, gives another origin no Access-Control-Allow-Origin', async (form) => {
    const headers = await preflight((servers[form] as Server).port, path, OTHER);
    expect(headers['access-control-allow-origin']).toBeUndefined();
  });

  it('starts with CORS_ORIGINS unset, warns, and denies cross-origin requests', async () => {
    const server = servers.unset as Server;
    const headers = await preflight(server.port, path, ALLOWED);
    expect(headers['access-control-allow-origin']).toBeUndefined();
    expect(server.stderr()).toContain('CORS_ORIGINS is not set');
  });

  it('lints clean with every rule of the plugin afterwards', () => {
    const linter = new Linter();
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((rule) => [`cors/${rule}`, 'error' as const]));
    const messages = linter.verify(readFileSync(join(directory, 'src/server.js'), 'utf8'), [{ files: ['**/*.js'], plugins: { cors: plugin }, rules }], 'src/server.js');
    expect(messages).toEqual([]);
  });

  it('refuses to start with an invalid entry, naming it', () => {
    expect(invalid?.code).not.toBe(0);
    expect(invalid?.stderr).toContain('"https://Admin.example.com/"');
    expect(invalid?.stderr).toContain('not a valid origin');
  });
});
