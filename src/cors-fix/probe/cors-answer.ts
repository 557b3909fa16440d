/**
 * How a browser reads a CORS answer (the Fetch Standard's CORS check and CORS-preflight fetch): who may read an actual
 * response, with or without credentials, and what a preflight allows. Pure functions over recorded responses.
 */
import type { RecordedResponse } from './http-client.js';

/** Methods that never need a preflight's permission. */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** What an actual response tells a browser page at `origin`. */
export interface OriginAnswer {
  /** `Access-Control-Allow-Origin` as sent, or null. */
  allowOrigin: string | null;
  /** `Access-Control-Allow-Credentials: true` (exactly; browsers compare case-sensitively). */
  credentials: boolean;
  /** The page may read the response when the request carries no credentials (`*` or its own origin). */
  readable: boolean;
  /** The header names the request's origin (not `*`): the answer depends on who asks. */
  namesOrigin: boolean;
  /** The page may read the response of a request with cookies (its own origin plus credentials `true`). */
  readableWithCredentials: boolean;
}

/** How a browser page at `origin` may use `response`. */
export function originAnswer(response: RecordedResponse, origin: string | null): OriginAnswer {
  const allowOrigin = response.headers['access-control-allow-origin'] ?? null;
  const credentials = response.headers['access-control-allow-credentials'] === 'true';
  const namesOrigin = origin !== null && allowOrigin === origin;
  return { allowOrigin, credentials, readable: namesOrigin || allowOrigin === '*', namesOrigin, readableWithCredentials: namesOrigin && credentials };
}

/** The trimmed, non-empty tokens of a comma-separated header value. */
export function headerTokens(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

/** What a preflight answer allows a page at `origin` to send. */
export interface PreflightVerdict {
  /** Why the preflight fails as a whole (its status or its origin check), or null when it passes them. */
  failure: string | null;
  /** The failure is the origin check: nothing in the answer applies to this origin. */
  originRefused: boolean;
  /** The method asked for is refused (because of `failure` or the allowed methods). */
  methodRefused: boolean;
  /** The request headers asked for that are refused, lower-cased. */
  refusedHeaders: string[];
}

/**
 * Judges a preflight as a browser does: the origin check (credentials `true` and the exact origin when the request
 * carries credentials), the method (case-sensitive; `*` only without credentials), each header (case-insensitive; `*`
 * only without credentials, and never for `Authorization`), and an ok status. A failed status refuses everything; it is
 * put down to the headers the answer does not list when there are some.
 */
export function judgePreflight(response: RecordedResponse, origin: string, method: string, headers: readonly string[], credentialed: boolean): PreflightVerdict {
  const asked = [...new Set(headers.map((name) => name.toLowerCase()))].sort();
  const safelisted = SAFELISTED_METHODS.has(method);
  const originFailure = preflightOriginFailure(response, origin, credentialed);
  if (originFailure) return { failure: originFailure, originRefused: true, methodRefused: !safelisted, refusedHeaders: asked };
  const methods = headerTokens(response.headers['access-control-allow-methods']);
  const methodListed = safelisted || methods.includes(method) || (methods.includes('*') && !credentialed);
  const allowed = headerTokens(response.headers['access-control-allow-headers']).map((name) => name.toLowerCase());
  const unlisted = asked.filter((name) => !allowed.includes(name) && !(allowed.includes('*') && !credentialed && name !== 'authorization'));
  const okStatus = response.status >= 200 && response.status <= 299;
  return {
    failure: okStatus ? null : `status ${response.status}`,
    originRefused: false,
    methodRefused: !safelisted && (!okStatus || !methodListed),
    refusedHeaders: okStatus || unlisted.length > 0 ? unlisted : asked,
  };
}

function preflightOriginFailure(response: RecordedResponse, origin: string, credentialed: boolean): string | null {
  const answer = originAnswer(response, origin);
  if (answer.allowOrigin === null) return response.status >= 200 && response.status <= 299 ? 'no Access-Control-Allow-Origin' : `status ${response.status}, no Access-Control-Allow-Origin`;
  if (!answer.readable) return `Access-Control-Allow-Origin: ${answer.allowOrigin}`;
  if (credentialed && answer.allowOrigin === '*') return 'Access-Control-Allow-Origin: * with credentials';
  if (credentialed && !answer.credentials) return 'no Access-Control-Allow-Credentials: true';
  return null;
}

/** Whether a `Vary` header makes caches key the answer by `Origin` (`Vary: Origin` or `Vary: *`). */
export function variesByOrigin(response: RecordedResponse): boolean {
  return headerTokens(response.headers.vary).some((token) => token === '*' || token.toLowerCase() === 'origin');
}

/** The media type says Server-Sent Events. */
export function isEventStream(response: RecordedResponse): boolean {
  return /^\s*text\/event-stream\s*(?:;|$)/iu.test(response.headers['content-type'] ?? '');
}

/** `Access-Control-Max-Age` as a number of seconds, or null when missing or not a number browsers accept. */
export function maxAgeSeconds(response: RecordedResponse): number | null {
  const raw = response.headers['access-control-max-age'];
  return raw !== undefined && /^\s*\d+\s*$/u.test(raw) ? Number(raw) : null;
}

/** `access-control-allow-origin` → `Access-Control-Allow-Origin`, as headers are written in messages. */
export function headerDisplayName(name: string): string {
  return name.replace(/(^|-)([a-z])/gu, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}
