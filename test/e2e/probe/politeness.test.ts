/**
 * What the probe sends, seen from the server: only GET, HEAD and OPTIONS, no bodies, one at a time, never more than
 * `--max-requests`, the same requests on every run, a pause between them; redirects followed only within the origin;
 * a server that does not answer is reported as such (exit 3).
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, APP, probe } from './probe.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: number;
}

const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
const hanging = new Set<http.ServerResponse>();
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let body = 0;
    request.on('data', (chunk: Buffer) => (body += chunk.length));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const done = (): void => {
        inFlight -= 1;
      };
      if (request.url === '/hang' || (request.url === '/hang-null' && request.headers.origin === 'null')) {
        hanging.add(response);
        response.on('close', done);
        return;
      }
      // Answer a little later, so that a second concurrent request would overlap.
      setTimeout(() => {
        if (request.url === '/old') response.writeHead(301, { Location: '/api/items' }).end();
        else if (request.url === '/away') response.writeHead(302, { Location: 'https://elsewhere.example/api' }).end();
        else if (request.url === '/missing') response.writeHead(404).end();
        else {
          if (request.headers.origin === APP) response.setHeader('Access-Control-Allow-Origin', APP);
          response.setHeader('Vary', 'Origin');
          response.writeHead(request.method === 'OPTIONS' ? 204 : 200).end();
        }
        done();
      }, 2);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
});

function reset(): void {
  seen.length = 0;
  maxInFlight = 0;
}

describe('requests, as the server sees them', () => {
  it('are GET, HEAD or OPTIONS without a body, one at a time, at most --max-requests (60 by default) for the whole run', async () => {
    reset();
    const run = await probe(`${origin}/api/items`, ['--origin', APP, '--origin', ADMIN, '--path', '/api/other']);
    expect(run.document.requests.sent).toBe(60);
    expect(run.document.requests.notSent).toBeGreaterThan(0);
    expect(run.document.notes.some((note) => note.startsWith('--max-requests 60 left'))).toBe(true);
    expect(seen).toHaveLength(60);
    expect(maxInFlight).toBe(1);
    for (const request of seen) {
      expect(['GET', 'HEAD', 'OPTIONS']).toContain(request.method);
      expect(request.body).toBe(0);
      expect(request.headers['content-length'] ?? '0').toBe('0');
      expect(request.headers['transfer-encoding']).toBeUndefined();
      expect(['/api/items', '/api/other']).toContain(request.url);
      expect(request.headers['user-agent']).toMatch(/^cors-fix-probe\//u);
    }
    // Both paths got their baseline, allowed-origin and arbitrary-origin requests before any look-alike.
    const firstLookalike = seen.findIndex((request) => request.headers.origin === 'https://app.example.com.attacker.test');
    const basics = seen.filter((request) => request.headers.origin === undefined || request.headers.origin === APP || request.headers.origin === 'https://attacker.example');
    expect(new Set(basics.map((request) => request.url))).toEqual(new Set(['/api/items', '/api/other']));
    expect(seen.findIndex((request) => request.url === '/api/other' && request.headers.origin === 'https://attacker.example')).toBeLessThan(firstLookalike);
  });

  it('are the same on every run', async () => {
    const shape = (): string[] => seen.map((request) => [request.method, request.url, request.headers.origin, request.headers.cookie, request.headers['access-control-request-method'], request.headers['access-control-request-headers']].join(' '));
    reset();
    await probe(`${origin}/api/items`, ['--origin', APP, '--max-requests', '25']);
    const first = shape();
    reset();
    await probe(`${origin}/api/items`, ['--origin', APP, '--max-requests', '25']);
    expect(shape()).toEqual(first);
    expect(first).toHaveLength(25);
  });

  it('are spaced by --delay', async () => {
    reset();
    const started = performance.now();
    // The helper passes --delay 0 first; the last value given wins.
    await probe(`${origin}/api/items`, ['--origin', APP, '--max-requests', '5', '--delay', '100ms']);
    expect(seen).toHaveLength(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });
});

describe('redirects', () => {
  it('of a baseline within the origin are followed, and the path is probed where it leads', async () => {
    reset();
    const run = await probe(`${origin}/old`, ['--origin', APP, '--max-requests', '10']);
    expect(run.document.paths).toEqual(['/api/items']);
    expect(run.document.notes).toContain('GET /old redirects to /api/items on the same origin: probed there.');
    expect(seen.map((request) => request.url)).toEqual(['/old', ...Array.from({ length: 9 }, () => '/api/items')]);
  });

  it('to another origin are recorded, never followed', async () => {
    reset();
    const run = await probe(`${origin}/away`, ['--origin', APP, '--max-requests', '10']);
    expect(run.document.notes).toContain('GET /away redirects to https://elsewhere.example/api, another origin: not followed; the answers of /away itself were probed.');
    expect(seen.every((request) => request.url === '/away')).toBe(true);
    expect(seen).toHaveLength(10);
  });
});

describe('a path that is not there', () => {
  it('is noted, so that the findings are not taken for the API policy', async () => {
    const run = await probe(`${origin}/missing`, ['--origin', APP, '--max-requests', '3']);
    expect(run.document.notes).toContain('GET /missing answered 404: its findings describe how the server answers unknown paths; give a route of the API (--path) to probe its policy.');
  });
});

describe('a server that does not answer', () => {
  it('some requests: the run goes on, and a note says how many got no answer', async () => {
    reset();
    const run = await probe(`${origin}/hang-null`, ['--origin', APP, '--max-requests', '12', '--timeout', '200ms']);
    expect(run.code).toBe(0);
    expect(run.document.error).toBeNull();
    // The null origin is asked twice within 12 requests: without and with the Cookie.
    expect(run.document.requests).toMatchObject({ sent: 12, inconclusive: 2 });
    expect(run.document.notes).toContain('2 requests got no answer (no answer within 200 ms): what they would have shown is missing.');
  });

  it('times out each request after --timeout and exits 3 when every request was inconclusive', async () => {
    reset();
    const run = await probe(`${origin}/hang`, ['--origin', APP, '--max-requests', '3', '--timeout', '200ms']);
    expect(run.code).toBe(3);
    expect(run.document).toMatchObject({ error: 'every request was inconclusive (no answer within 200 ms)', findings: [], requests: { sent: 3, inconclusive: 3 } });
  });
});
