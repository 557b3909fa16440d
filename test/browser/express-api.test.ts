/** Browser end-to-end: a page on one 127.0.0.1 origin calls examples/express-api on another, in Chromium. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, INSTALL_HINT, launchChromium, withPage } from './harness/chromium.js';
import { copyExample, type Running, runCorsFix, startApi, startPageServer, stopAll } from './harness/servers.js';

const AUTHORIZATION = { Authorization: 'Bearer t' };

let browser: Browser | null = null;
let listed: Running; // the page origin that CORS_ORIGINS names after the fix
let unlisted: Running; // a third origin that nobody lists
let directory = ''; // the temp copy of the example, rewritten in place by cors-fix
let api: Running;

beforeAll(async () => {
  [browser, listed, unlisted] = await Promise.all([launchChromium(), startPageServer(), startPageServer()]);
  directory = copyExample('express-api');
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    await stopAll();
  }
});

it('finds Chromium', () => {
  expect(existsSync(CHROMIUM), INSTALL_HINT).toBe(true);
});

it('treats the http://127.0.0.1 page as a secure context (potentially trustworthy, as https would be)', async () => {
  expect(new Set([listed.origin, unlisted.origin]).size, 'two ports, two origins').toBe(2);
  const secure = await withPage(browser, listed.origin, ({ page }) => page.evaluate(() => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext));
  expect(secure).toBe(true);
});

it("reads SSE with probe.js's fetch-based reader: ids, named events, multi-line data, resumption after Last-Event-ID", async () => {
  // Against a fixture stream on the page's own origin that honours Last-Event-ID (the example's does not; see below).
  const stream = await withPage(browser, listed.origin, ({ probe }) => probe.readSse(`${listed.origin}/stream`, { 'Last-Event-ID': '41' }, 2));
  expect(stream).toEqual({
    ok: true,
    status: 200,
    contentType: 'text/event-stream',
    events: [
      { id: '42', event: 'message', data: 'first\nsecond line' },
      { id: '43', event: 'update', data: '{"n":2}' },
    ],
  });
});

describe('before cors-fix: the example as shipped (NODE_ENV=development sends origin * with credentials)', () => {
  beforeAll(async () => {
    api = await startApi(directory, { NODE_ENV: 'development' });
  });

  it('blocks a credentialed fetch with Authorization: the preflight answers * with credentials, which Chromium refuses', async () => {
    const url = `${api.origin}/api/orders?case=before-credentialed`;
    await withPage(browser, listed.origin, async ({ probe, network }) => {
      const outcome = await probe.request(url, { headers: AUTHORIZATION, credentials: 'include' });
      expect(outcome).toMatchObject({ ok: false, name: 'TypeError' });

      const preflight = await network.preflight(url);
      expect(preflight.responseHeaders).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
      const blocked = await network.blocked(url);
      expect(blocked.corsError).toBe('PreflightWildcardOriginNotAllowed');
      expect(blocked.requestHeaders, 'the GET itself never left the browser').toBeUndefined();
    });
  });

  it('lets the same fetch through without credentials: the combination is what is refused, not the origin', async () => {
    const url = `${api.origin}/api/orders?case=before-omit`;
    await withPage(browser, listed.origin, async ({ probe }) => {
      expect(await probe.request(url, { headers: AUTHORIZATION, credentials: 'omit' })).toMatchObject({ ok: true, status: 200, body: [] });
    });
  });
});

describe('after cors-fix and a restart with CORS_ORIGINS naming the page origin', () => {
  beforeAll(async () => {
    await api.stop();
    const output = await runCorsFix(directory);
    expect(output).toContain('1 changed');
    expect(readFileSync(join(directory, 'src', 'server.js'), 'utf8')).toContain('origin: corsOrigins');
    api = await startApi(directory, { NODE_ENV: 'development', CORS_ORIGINS: listed.origin });
  });

  it('lets a credentialed fetch with Authorization through; the page reads the body and the exposed X-Request-ID', async () => {
    const create = `${api.origin}/api/orders?case=after-create`;
    const list = `${api.origin}/api/orders?case=after-list`;
    await withPage(browser, listed.origin, async ({ probe, network }) => {
      const headers = { ...AUTHORIZATION, 'Content-Type': 'application/json', 'X-Request-ID': 'browser-1' };
      const created = await probe.request(create, { method: 'POST', headers, body: JSON.stringify({ items: ['tea'] }) });
      expect(created).toMatchObject({ ok: true, status: 201, requestId: 'browser-1', body: { id: expect.any(String), items: ['tea'], status: 'received' } });

      const orders = await probe.request(list, { headers: AUTHORIZATION });
      expect(orders).toMatchObject({ ok: true, status: 200, requestId: expect.any(String), body: [(created as { body: unknown }).body] });

      const sent = await network.answered(list);
      expect(sent.requestHeaders, 'the request was credentialed').toMatchObject({ authorization: 'Bearer t', cookie: 'session=browser-test' });
      expect(sent.responseHeaders).toMatchObject({ 'access-control-allow-origin': listed.origin, 'access-control-allow-credentials': 'true' });
    });
  });

  it('streams SSE over a credentialed fetch with Authorization and Last-Event-ID', async () => {
    const url = `${api.origin}/api/orders/stream?case=after-fetch-sse`;
    await withPage(browser, listed.origin, async ({ probe, network }) => {
      const stream = await probe.readSse(url, { ...AUTHORIZATION, 'Last-Event-ID': '41' });
      expect(stream).toMatchObject({ ok: true, status: 200, contentType: 'text/event-stream' });
      const [event] = stream.ok ? stream.events : [];
      expect(JSON.parse(event?.data ?? 'null')).toEqual({ orders: expect.any(Number) });

      const preflight = await network.preflight(url);
      expect(preflight.requestHeaders?.['access-control-request-headers']).toBe('authorization,last-event-id');
      expect(preflight.responseHeaders).toMatchObject({ 'access-control-allow-origin': listed.origin, 'access-control-allow-credentials': 'true' });
      const sent = await network.answered(url);
      expect(sent.requestHeaders).toMatchObject({ authorization: 'Bearer t', 'last-event-id': '41', cookie: 'session=browser-test' });

      // The stream resumes after the id the client last saw: the first event is 42.
      expect(event?.id).toBe('42');
    });
  });

  it('delivers events to a native EventSource with withCredentials', async () => {
    const url = `${api.origin}/api/orders/stream?case=after-event-source`;
    await withPage(browser, listed.origin, async ({ probe, network }) => {
      const outcome = await probe.eventSource(url);
      expect(outcome).toMatchObject({ ok: true, withCredentials: true });
      expect(JSON.parse(outcome.ok ? (outcome.events[0]?.data ?? 'null') : 'null')).toEqual({ orders: expect.any(Number) });

      const sent = await network.answered(url);
      expect(sent.requestHeaders).toMatchObject({ cookie: 'session=browser-test' });
      expect(sent.responseHeaders).toMatchObject({ 'access-control-allow-origin': listed.origin, 'access-control-allow-credentials': 'true' });
    });
  });

  describe('from a third, unlisted origin', () => {
    it('blocks the credentialed fetch: the preflight carries no Access-Control-Allow-Origin', async () => {
      const url = `${api.origin}/api/orders?case=unlisted-fetch`;
      await withPage(browser, unlisted.origin, async ({ probe, network }) => {
        expect(await probe.request(url, { headers: AUTHORIZATION })).toMatchObject({ ok: false, name: 'TypeError' });
        expect((await network.preflight(url)).responseHeaders).not.toHaveProperty('access-control-allow-origin');
        expect((await network.blocked(url)).corsError).toBe('PreflightMissingAllowOriginHeader');
      });
    });

    it('blocks the fetch-based SSE stream', async () => {
      const url = `${api.origin}/api/orders/stream?case=unlisted-fetch-sse`;
      await withPage(browser, unlisted.origin, async ({ probe, network }) => {
        expect(await probe.readSse(url, { ...AUTHORIZATION, 'Last-Event-ID': '41' })).toMatchObject({ ok: false, name: 'TypeError' });
        expect((await network.blocked(url)).corsError).toBe('PreflightMissingAllowOriginHeader');
      });
    });

    it('fails the native EventSource for good (no retry): the answer carries no Access-Control-Allow-Origin', async () => {
      const url = `${api.origin}/api/orders/stream?case=unlisted-event-source`;
      await withPage(browser, unlisted.origin, async ({ probe, network }) => {
        expect(await probe.eventSource(url)).toEqual({ ok: false, readyState: 'closed' });
        const blocked = await network.blocked(url);
        expect(blocked.corsError).toBe('MissingAllowOriginHeader');
        expect(blocked.responseHeaders).not.toHaveProperty('access-control-allow-origin');
      });
    });
  });
});
