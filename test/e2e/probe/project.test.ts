/**
 * `cors-fix probe --project` on the bundled example apps, started on 127.0.0.1: after cors-fix, a server whose
 * CORS_ORIGINS is what `--env-file` says shows no drift, one started with another value does; as they are, the apps'
 * own openings are found and are not drift (the code declares them).
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorsFix } from '../../../src/cors-fix/pipeline.js';
import { copyToTemp, removeTemp } from '../../cors-fix/helpers.js';
import { ADMIN, checks, probe } from './probe.js';
import { type Running, startExampleApp, stopAll } from './servers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SHOP = 'https://shop.example.com';
const temps: string[] = [];

afterAll(async () => {
  await stopAll();
  for (const path of temps) removeTemp(path);
});

/** A copy of an example app with node_modules linked, rewritten by cors-fix when `fix`. */
async function exampleCopy(name: string, fix: boolean): Promise<string> {
  const directory = copyToTemp(join(REPO, 'examples', name));
  temps.push(directory);
  symlinkSync(join(REPO, 'node_modules'), join(directory, 'node_modules'), 'dir');
  if (fix) await runCorsFix({ cwd: directory, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
  return directory;
}

const APPS = [
  { name: 'express-api', paths: ['/api/health', '/api/orders/stream'] },
  { name: 'fastify-api', paths: ['/api/notes'] },
  { name: 'hono-api', paths: ['/api/bookmarks'] },
  { name: 'koa-api', paths: ['/api/invoices'] },
  { name: 'raw-headers-api', paths: ['/api/items'] },
] as const;

describe.each(APPS)('examples/$name after cors-fix, with --project', ({ name, paths }) => {
  let directory = '';
  let agreeing: Running;
  let drifted: Running;

  beforeAll(async () => {
    directory = await exampleCopy(name, true);
    // Where the server is deployed, CORS_ORIGINS lists the shop; staging, another origin the project knows.
    writeFileSync(join(directory, '.env.production'), `CORS_ORIGINS=${SHOP}\n`);
    writeFileSync(join(directory, '.env.staging'), `CORS_ORIGINS=${ADMIN}\n`);
    [agreeing, drifted] = await Promise.all([startExampleApp(directory, { CORS_ORIGINS: SHOP }), startExampleApp(directory, { CORS_ORIGINS: ADMIN })]);
  });

  it('probes the routes the code registers, and finds nothing when the server runs with the CORS_ORIGINS of --env-file', async () => {
    const run = await probe(agreeing.origin, ['--project', '.', '--env-file', '.env.production', '--max-requests', '200'], directory);
    expect(run.document.paths).toEqual(paths);
    expect(run.document.notes).toContain(`Allowed origins: ${SHOP} (CORS_ORIGINS from --env-file .env.production).`);
    expect(checks(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('reports drift when the server runs with another CORS_ORIGINS: the origin it refuses and the one it allows instead', async () => {
    const run = await probe(drifted.origin, ['--project', '.', '--env-file', '.env.production', '--max-requests', '200'], directory);
    expect(checks(run)).toEqual(['drift:medium']);
    const [drift] = run.document.findings;
    expect(drift?.message).toContain(`Origins: the server allows ${ADMIN}, which the code does not; the server refuses ${SHOP}, which the code allows`);
    expect(drift?.message).toContain(`CORS_ORIGINS=${SHOP} (from --env-file .env.production)`);
    expect(run.code).toBe(1);
  });

  it('points SARIF results at the policy in the source', async () => {
    let stdout = '';
    const { probeMain } = await import('../../../src/cors-fix/probe/cli.js');
    await probeMain([drifted.origin, '--project', '.', '--env-file', '.env.production', '--format', 'sarif', '--delay', '0', '--max-requests', '200'], {
      cwd: directory,
      env: {},
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    });
    const log = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const [result] = log.runs[0]?.results ?? [];
    expect(result?.ruleId).toBe('drift');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/server.js');
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(1);
  });
});

describe('the example apps as they are, with --project', () => {
  it.each([
    ['express-api', ['wildcard-with-credentials:low']],
    ['fastify-api', ['reflects-any-origin:critical']],
    ['koa-api', ['reflects-any-origin:critical']],
  ] as const)('examples/%s: its opening is found, and it is not drift (the code declares it)', async (name, expected) => {
    const directory = await exampleCopy(name, false);
    writeFileSync(join(directory, '.env.production'), `CORS_ORIGINS=${SHOP}\n`);
    const server = await startExampleApp(directory, {});
    try {
      const run = await probe(server.origin, ['--project', '.', '--env-file', '.env.production', '--max-requests', '200', '--fail-on', 'critical'], directory);
      const found = checks(run);
      for (const check of expected) expect(found).toContain(check);
      expect(found.filter((check) => check.startsWith('drift'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
