/** Chromium for the browser tests: launching Debian's build, a fresh context per page, the in-page probe, a CDP network log. */
import { existsSync } from 'node:fs';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT =
  `Chromium is missing (${CHROMIUM}): the browser tests drive Debian's Chromium and cannot download one. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (.ci/run does this), then run the tests again.';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** Launches Debian's Chromium; null when it is not installed (each test then fails with INSTALL_HINT). */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) return null;
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
}

// ---- The in-page probe (test/browser/page/probe.js); every call resolves to an outcome, never rejects.

export type Failure = { ok: false; name: string; message: string };
export type FetchOutcome = { ok: true; status: number; requestId: string | null; body: unknown } | Failure;
export interface SseEvent {
  id: string;
  event: string;
  data: string;
}
export type SseOutcome = { ok: true; status: number; contentType: string | null; events: SseEvent[] } | Failure;
export type EventSourceOutcome =
  | { ok: true; withCredentials: boolean; events: Pick<SseEvent, 'id' | 'data'>[] }
  | { ok: false; readyState: 'closed' | 'reconnecting' };
export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  credentials?: 'include' | 'omit' | 'same-origin';
}

interface ProbeGlobal {
  probe: {
    request(url: string, options: RequestOptions): Promise<FetchOutcome>;
    readSse(url: string, options: { headers: Record<string, string>; count: number }): Promise<SseOutcome>;
    eventSource(url: string, options: { count: number }): Promise<EventSourceOutcome>;
  };
}

/** Calls into probe.js inside `page`. */
function probe(page: Page) {
  return {
    request: (url: string, options: RequestOptions = {}) =>
      page.evaluate(([u, o]) => (globalThis as unknown as ProbeGlobal).probe.request(u, o), [url, options] as const),
    readSse: (url: string, headers: Record<string, string>, count = 1) =>
      page.evaluate(([u, o]) => (globalThis as unknown as ProbeGlobal).probe.readSse(u, o), [url, { headers, count }] as const),
    eventSource: (url: string, count = 1) =>
      page.evaluate(([u, o]) => (globalThis as unknown as ProbeGlobal).probe.eventSource(u, o), [url, { count }] as const),
  };
}

// ---- What the browser sent and received, from the DevTools protocol (preflights and refused responses included).

export interface Exchange {
  url: string;
  method: string;
  /** The headers as sent on the wire (Cookie included); absent when the request never left the browser. */
  requestHeaders?: Record<string, string>;
  status?: number;
  /** The headers the server answered with, lower-cased; present even when the browser then refused the response. */
  responseHeaders?: Record<string, string>;
  /** Chromium's CORS verdict when it blocked the request, such as `PreflightWildcardOriginNotAllowed`. */
  corsError?: string;
}

const WAIT_MS = 20_000;
const lowerCase = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

export class NetworkLog {
  private readonly exchanges = new Map<string, Exchange>();
  private readonly listeners = new Set<() => void>();

  private constructor(session: CDPSession) {
    session.on('Network.requestWillBeSent', ({ requestId, request }) => this.update(requestId, { url: request.url, method: request.method }));
    session.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => this.update(requestId, { requestHeaders: lowerCase(headers) }));
    session.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode, headers }) =>
      this.update(requestId, { status: statusCode, responseHeaders: lowerCase(headers) }),
    );
    session.on('Network.loadingFailed', ({ requestId, corsErrorStatus }) => this.update(requestId, corsErrorStatus ? { corsError: corsErrorStatus.corsError } : {}));
  }

  static async attach(page: Page): Promise<NetworkLog> {
    const session = await page.context().newCDPSession(page);
    await session.send('Network.enable');
    return new NetworkLog(session);
  }

  /** The CORS preflight (OPTIONS) for `url`, once its answer has arrived. */
  preflight(url: string): Promise<Exchange> {
    return this.waitFor(`the preflight for ${url}`, (e) => e.url === url && e.method === 'OPTIONS' && e.responseHeaders !== undefined);
  }

  /** The request for `url` itself (not its preflight), once the server's answer has arrived. */
  answered(url: string): Promise<Exchange> {
    return this.waitFor(`an answer to ${url}`, (e) => e.url === url && e.method !== 'OPTIONS' && e.responseHeaders !== undefined);
  }

  /** The request for `url` itself, once Chromium has blocked it for CORS. */
  blocked(url: string): Promise<Exchange> {
    return this.waitFor(`a CORS error for ${url}`, (e) => e.url === url && e.method !== 'OPTIONS' && e.corsError !== undefined);
  }

  private update(requestId: string, fields: Partial<Exchange>): void {
    // Extra-info events can arrive before requestWillBeSent, hence the empty defaults.
    this.exchanges.set(requestId, { url: '', method: '', ...this.exchanges.get(requestId), ...fields });
    for (const listener of this.listeners) listener();
  }

  private waitFor(what: string, matches: (exchange: Exchange) => boolean): Promise<Exchange> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = [...this.exchanges.values()].find(matches);
        if (!found) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        const seen = [...this.exchanges.values()].map((e) => `${e.method} ${e.url}${e.corsError ? ` (${e.corsError})` : ''}`);
        reject(new Error(`Chromium reported no ${what} within ${WAIT_MS / 1000} s; it saw: ${seen.join(', ') || 'nothing'}`));
      }, WAIT_MS);
      this.listeners.add(check);
      check();
    });
  }
}

export interface PageUnderTest {
  page: Page;
  probe: ReturnType<typeof probe>;
  network: NetworkLog;
}

/**
 * Opens the probe page on `origin` in a fresh browser context (with a `session` cookie for 127.0.0.1, so that
 * credentialed requests visibly carry one), runs `body`, and always closes the context.
 */
export async function withPage<T>(browser: Browser | null, origin: string, body: (under: PageUnderTest) => Promise<T>): Promise<T> {
  if (!browser) throw new Error(INSTALL_HINT);
  const context = await browser.newContext();
  try {
    await context.addCookies([{ name: 'session', value: 'browser-test', domain: '127.0.0.1', path: '/' }]);
    const page = await context.newPage();
    const network = await NetworkLog.attach(page);
    await page.goto(`${origin}/`);
    return await body({ page, probe: probe(page), network });
  } finally {
    await context.close();
  }
}
