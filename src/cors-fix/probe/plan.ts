/**
 * The request plan: every probe of every path, in the order that matters most when `--max-requests` cuts the run
 * short (per path: baseline, allowed origin, arbitrary origin, preflights, the stream, then look-alikes and the Cookie
 * twins), and which probes earlier answers make pointless.
 */
import { CREDENTIALED_REQUEST_HEADERS, EVENT_STREAM_REQUEST_HEADERS } from '../../model/index.js';
import { ARBITRARY_ORIGIN, type AttackerKind, type AttackerOrigin, attackerOrigins } from './origins.js';
import { isEventStream } from './cors-answer.js';
import type { RecordedResponse } from './http-client.js';

/** Methods whose preflight the probe asks for by default. */
export const DEFAULT_METHODS = ['PUT', 'PATCH', 'DELETE'] as const;

/**
 * Request headers whose preflight the probe asks for by default (lower case, as browsers list them): those an API
 * with credentials is expected to allow, and a request id.
 */
export const DEFAULT_HEADERS: readonly string[] = [...CREDENTIALED_REQUEST_HEADERS, 'X-Request-ID'].map((name) => name.toLowerCase());

/** What a fetch-based Server-Sent Events client sends to resume a stream (lower case). */
export const EVENT_STREAM_HEADERS: readonly string[] = EVENT_STREAM_REQUEST_HEADERS.map((name) => name.toLowerCase());

/** The dummy cookie of the Cookie twins. */
export const DUMMY_COOKIE = 'cors-probe=1';

/** Why a probe is sent. Attacker kinds come from `attackerOrigins`. */
export type Purpose =
  | 'baseline'
  | 'allowed'
  /** An origin the project spells out that is not expected: sent to compare the server with the code. */
  | 'candidate'
  | 'arbitrary'
  | 'null'
  | AttackerKind
  | 'method-preflight'
  | 'header-preflight'
  | 'event-stream'
  | 'event-stream-preflight';

/** One request the plan may send. */
export interface Probe {
  /** The path as planned (before a same-origin redirect of its baseline moves it). */
  path: string;
  purpose: Purpose;
  /** The `Origin` header, or null for none. */
  origin: string | null;
  /** Sent with the dummy `Cookie`. */
  cookie: boolean;
  /** For look-alike, subdomain and downgraded origins: what they imitate and how. */
  attacker: AttackerOrigin | null;
  method: 'GET' | 'OPTIONS';
  /** Preflights: `Access-Control-Request-Method` and `-Headers`. */
  requestMethod: string | null;
  requestHeaders: string[];
  /** An `Accept` header other than `*\/*`. */
  accept: string | null;
  /** Lower tiers are sent first. */
  tier: number;
}

/** What to probe. */
export interface PlanInput {
  paths: readonly string[];
  /** Origins that should be allowed, in order of importance. */
  expected: readonly string[];
  /** Further origins to compare the server with the code (from `--project`). */
  candidates: readonly string[];
  /** Methods to ask preflights for, upper case. */
  methods: readonly string[];
  /** Request headers to ask preflights for, lower case. */
  headers: readonly string[];
}

/** The answers received so far, by probe. */
export type Answers = (probe: Probe) => RecordedResponse | null;

/** Every probe, in sending order. */
export function planProbes(input: PlanInput): Probe[] {
  const probes: Probe[] = [];
  const preflightOrigin = input.expected[0] ?? ARBITRARY_ORIGIN;
  const get = (path: string, purpose: Purpose, origin: string | null, cookie: boolean, tier: number, attacker: AttackerOrigin | null = null): Probe => ({
    path,
    purpose,
    origin,
    cookie,
    attacker,
    method: 'GET',
    requestMethod: null,
    requestHeaders: [],
    accept: null,
    tier,
  });
  const preflight = (path: string, purpose: Purpose, method: string, headers: readonly string[], tier: number): Probe => ({
    ...get(path, purpose, preflightOrigin, false, tier),
    method: 'OPTIONS',
    requestMethod: method,
    requestHeaders: [...headers],
  });
  const attackers = input.expected.map((origin) => attackerOrigins(origin).filter((attacker) => !input.expected.includes(attacker.origin)));
  for (const path of input.paths) {
    probes.push(get(path, 'baseline', null, false, 0));
    const [first, ...others] = input.expected;
    if (first) probes.push(get(path, 'allowed', first, false, 1));
    probes.push(get(path, 'arbitrary', ARBITRARY_ORIGIN, false, 2), get(path, 'arbitrary', ARBITRARY_ORIGIN, true, 2));
    probes.push(get(path, 'null', 'null', false, 3));
    for (const origin of others) probes.push(get(path, 'allowed', origin, false, 3));
    for (const origin of input.candidates) if (!input.expected.includes(origin)) probes.push(get(path, 'candidate', origin, false, 3));
    for (const method of input.methods) probes.push(preflight(path, 'method-preflight', method, [], 4));
    if (input.headers.length > 0) probes.push(preflight(path, 'header-preflight', 'GET', input.headers, 4));
    probes.push({ ...get(path, 'event-stream', preflightOrigin, false, 5), accept: 'text/event-stream' });
    probes.push(preflight(path, 'event-stream-preflight', 'GET', EVENT_STREAM_HEADERS, 5));
    for (const origin of input.expected) probes.push(get(path, 'allowed', origin, true, 6));
    probes.push(get(path, 'null', 'null', true, 6));
    for (const attacker of attackers.flat()) probes.push(get(path, attacker.kind, attacker.origin, false, 7, attacker));
    for (const attacker of attackers.flat()) probes.push(get(path, attacker.kind, attacker.origin, true, 8, attacker));
  }
  // Stable: within a tier, paths keep their order and each path its own.
  return probes.map((probe, index) => ({ probe, index })).sort((a, b) => a.probe.tier - b.probe.tier || a.index - b.index).map(({ probe }) => probe);
}

/**
 * Why `probe` need not be sent given the answers so far, or null to send it. Once the arbitrary origin is echoed or
 * answered with `*`, every other foreign origin is answered the same way; a preflight from the arbitrary origin says
 * nothing when that origin is refused; resume headers matter only where the path streams.
 */
export function skipReason(probe: Probe, answers: Answers, input: Pick<PlanInput, 'expected'>): string | null {
  const arbitrary = [false, true].map((cookie) => answers({ ...probe, purpose: 'arbitrary', origin: ARBITRARY_ORIGIN, cookie, attacker: null, method: 'GET', requestMethod: null, requestHeaders: [], accept: null }));
  const arbitraryOpen = arbitrary.some((response) => {
    const allowOrigin = response?.headers['access-control-allow-origin'];
    return allowOrigin === '*' || allowOrigin === ARBITRARY_ORIGIN;
  });
  if ((probe.purpose === 'null' || probe.attacker) && arbitraryOpen) return 'the arbitrary origin is already allowed';
  const usesArbitrary = probe.origin === ARBITRARY_ORIGIN && (probe.method === 'OPTIONS' || probe.purpose === 'event-stream');
  if (usesArbitrary && input.expected.length === 0 && !arbitraryOpen) return 'no allowed origin to send it from';
  if (probe.purpose === 'event-stream-preflight') {
    const stream = answers({ ...probe, purpose: 'event-stream', method: 'GET', requestMethod: null, requestHeaders: [], accept: 'text/event-stream' });
    if (!stream || !isEventStream(stream)) return 'the path does not stream';
  }
  return null;
}

/** A key that identifies a probe within a run. */
export function probeKey(probe: Pick<Probe, 'path' | 'purpose' | 'origin' | 'cookie' | 'requestMethod'>): string {
  return [probe.path, probe.purpose, probe.origin ?? '', probe.cookie ? 'cookie' : '', probe.requestMethod ?? ''].join('\u0000');
}
