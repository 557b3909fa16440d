/**
 * Runs the probe's real plan, skip rules, request building and checks against a CORS policy written as a function of
 * the request (no network): the recorded request/response pairs the checks read, as the engine would collect them.
 */
import { type Exchange, checkPath } from '../../../src/cors-fix/probe/checks.js';
import type { Declaration } from '../../../src/cors-fix/probe/declaration.js';
import { checkDrift } from '../../../src/cors-fix/probe/drift.js';
import type { OutgoingRequest, RecordedResponse } from '../../../src/cors-fix/probe/http-client.js';
import { DEFAULT_HEADERS, DEFAULT_METHODS, type Probe, planProbes, probeKey, skipReason } from '../../../src/cors-fix/probe/plan.js';
import type { ProbeFinding } from '../../../src/cors-fix/probe/report.js';
import { outgoing } from '../../../src/cors-fix/probe/run-probe.js';

/** A server's answer to one request, as a function; `null` is a request that gets no answer. */
export type Server = (request: OutgoingRequest) => RecordedResponse | null;

export interface Simulation {
  exchanges: Exchange[];
  findings: ProbeFinding[];
}

/** Probes `server` on `path` as the engine does (without a request limit) and runs the checks. */
export function simulate(server: Server, options: { expected?: string[]; path?: string; declaration?: Declaration | null; methods?: string[] } = {}): Simulation {
  const path = options.path ?? '/api/items';
  const expected = options.expected ?? ['https://app.example.com'];
  const plan = planProbes({ paths: [path], expected, candidates: [], methods: [...DEFAULT_METHODS, ...(options.methods ?? [])], headers: [...DEFAULT_HEADERS] });
  const answers = new Map<string, RecordedResponse | null>();
  const exchanges: Exchange[] = [];
  for (const probe of plan) {
    if (skipReason(probe, (other: Probe) => answers.get(probeKey(other)) ?? null, { expected })) continue;
    const request = outgoing(probe, path);
    const response = server(request);
    answers.set(probeKey(probe), response);
    exchanges.push({ probe, path, request, response, error: response ? null : 'no answer' });
  }
  const input = { path, exchanges, expected, requestedMethods: options.methods ?? [], declaration: options.declaration ?? null };
  return { exchanges, findings: [...checkPath(input), ...checkDrift(input)] };
}

/** The check ids found, with severities: `['reflects-any-origin:critical', …]`, sorted. */
export function found(simulation: Simulation): string[] {
  return simulation.findings.map((finding) => `${finding.check}:${finding.severity}`).sort();
}

/** What a CORS middleware configured with these settings answers (the shape express `cors` and most others share). */
export interface PolicySettings {
  /** Which request origins get an Access-Control-Allow-Origin naming them. */
  allows?: (origin: string) => boolean;
  /** Send `*` to everyone instead. */
  star?: boolean;
  credentials?: boolean;
  methods?: string;
  /** Allowed request headers; null reflects what is asked. */
  headers?: string | null;
  maxAge?: string | null;
  vary?: boolean;
  /** Content type of GET answers. */
  contentType?: string;
  /** Preflight status when something asked for is not allowed (Starlette: 400); by default 204 regardless. */
  strictStatus?: number;
}

/** A server whose CORS answers follow `settings`. */
export function policyServer(settings: PolicySettings): Server {
  return (request) => {
    const origin = request.headers.origin;
    const headers: Record<string, string> = {};
    if (settings.star) headers['access-control-allow-origin'] = '*';
    else if (origin !== undefined && settings.allows?.(origin)) headers['access-control-allow-origin'] = origin;
    if (settings.credentials) headers['access-control-allow-credentials'] = 'true';
    if (settings.vary !== false && !settings.star) headers.vary = 'Origin';
    if (request.method === 'OPTIONS') {
      headers['access-control-allow-methods'] = settings.methods ?? 'GET,HEAD,PUT,PATCH,POST,DELETE';
      const asked = request.headers['access-control-request-headers'];
      const allowedHeaders = settings.headers === undefined ? 'Authorization,Content-Type,X-Request-ID,Last-Event-ID,Cache-Control' : settings.headers;
      if (allowedHeaders === null) {
        if (asked) headers['access-control-allow-headers'] = asked;
      } else {
        headers['access-control-allow-headers'] = allowedHeaders;
      }
      const maxAge = settings.maxAge === undefined ? '600' : settings.maxAge;
      if (maxAge !== null) headers['access-control-max-age'] = maxAge;
      return { status: settings.strictStatus && !preflightPasses(request, headers) ? settings.strictStatus : 204, headers };
    }
    const stream = request.headers.accept === 'text/event-stream' && settings.contentType === 'text/event-stream';
    headers['content-type'] = stream ? 'text/event-stream' : 'application/json';
    return { status: 200, headers };
  };
}

function preflightPasses(request: OutgoingRequest, headers: Record<string, string>): boolean {
  const method = request.headers['access-control-request-method'] ?? '';
  const methods = (headers['access-control-allow-methods'] ?? '').split(',').map((token) => token.trim());
  const allowed = (headers['access-control-allow-headers'] ?? '').split(',').map((token) => token.trim().toLowerCase());
  const asked = (request.headers['access-control-request-headers'] ?? '').split(',').filter((name) => name !== '');
  return headers['access-control-allow-origin'] !== undefined && (['GET', 'HEAD', 'POST'].includes(method) || methods.includes(method)) && asked.every((name) => allowed.includes(name));
}

/** The origins the tests treat as the web apps. */
export const APP = 'https://app.example.com';
export const ADMIN = 'https://admin.example.com';

/** Allows exactly these origins. */
export function only(...origins: string[]): (origin: string) => boolean {
  return (origin) => origins.includes(origin);
}
