/**
 * What explicit methods and request-header lists hold when they are written for a policy: the values the rules
 * suggest and `cors-fix` writes, so that both propose the same thing.
 */
import type { CorsFile, CorsPolicy } from './cors-file.js';
import { routesUnder } from './middleware-chain.js';

/** Methods a cross-origin request may use without a preflight: never missing from an allowed list. */
export const SIMPLE_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** Methods allowed when a policy leaves them to a framework without a list of its own, or uses `*`. */
export const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] as const;

/** Request headers allowed when a policy leaves them to the framework (which echoes any) or uses `*`. */
export const DEFAULT_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'X-Request-ID'] as const;

/** The request headers a credentialed API is expected to allow. */
export const CREDENTIALED_REQUEST_HEADERS = ['Authorization', 'Content-Type'] as const;

/** Request headers fetch-based SSE clients send that must be allowed: `Last-Event-ID` on reconnect, `Cache-Control`. */
export const EVENT_STREAM_REQUEST_HEADERS = ['Last-Event-ID', 'Cache-Control'] as const;

/**
 * What an explicit methods list should hold: the framework's own default list (or the common six) and every route's
 * method, so that nothing that works today stops working. `OPTIONS` is left out: CORS answers preflights itself.
 */
export function explicitMethods(policy: CorsPolicy, file: CorsFile): string[] {
  const defaults = policy.framework.defaultMethods;
  const base = Array.isArray(defaults) && defaults.length > 0 ? defaults : DEFAULT_METHODS;
  return unique([...base, ...routesUnder(policy, file).map((route) => route.method)]).filter((method) => method !== 'OPTIONS');
}

/**
 * The request headers an allowed-headers list must hold: `Authorization` and `Content-Type` with credentials, the
 * SSE headers where the file serves event streams, and the custom headers the code reads.
 */
export function requiredRequestHeaders(credentialsOn: boolean, servesEventStream: boolean, readHeaders: readonly string[]): string[] {
  return unique([...(credentialsOn ? CREDENTIALED_REQUEST_HEADERS : []), ...(servesEventStream ? EVENT_STREAM_REQUEST_HEADERS : []), ...readHeaders]);
}

/** What an explicit allowed-headers list should hold: the common headers plus the required ones. */
export function explicitRequestHeaders(policy: CorsPolicy, file: CorsFile): string[] {
  return unique([...DEFAULT_REQUEST_HEADERS, ...requiredRequestHeaders(policy.credentials.on, file.eventStreams.length > 0, file.requestHeaders)]);
}

/** Case-insensitively unique, first spelling kept. */
export function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
