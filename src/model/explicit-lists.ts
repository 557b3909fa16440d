/**
 * What explicit methods and request-header lists hold when they are written for a policy: the values the rules
 * suggest and `cors-fix` writes, so that both propose the same thing. Both start from what the code the policy covers
 * needs: the rules know the policy's own file; `cors-fix` follows routers, plugins and controllers into other files.
 */
import type { CorsFile, CorsPolicy } from './cors-file.js';
import { routesUnder } from './middleware-chain.js';

/** Methods a cross-origin request may use without a preflight: never missing from an allowed list. */
export const SIMPLE_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** Methods allowed when a policy leaves them to a framework without a list of its own, or uses `*`. */
export const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] as const;

/** The request headers a credentialed API is expected to allow. */
export const CREDENTIALED_REQUEST_HEADERS = ['Authorization', 'Content-Type'] as const;

/** Request headers fetch-based SSE clients send that must be allowed: `Last-Event-ID` on reconnect, `Cache-Control`. */
export const EVENT_STREAM_REQUEST_HEADERS = ['Last-Event-ID', 'Cache-Control'] as const;

/** The request header every JSON or form API needs allowed (it makes a request non-simple for JSON bodies). */
export const CONTENT_TYPE = 'Content-Type';

/** The request header bearer tokens travel in. */
export const AUTHORIZATION = 'Authorization';

/** What the code a policy covers needs from it. */
export interface Coverage {
  /** HTTP methods of the covered routes (upper-case). */
  methods: readonly string[];
  /** Every covered route is known: the methods list can be exactly theirs. */
  complete: boolean;
  /** A covered route streams Server-Sent Events. */
  streams: boolean;
  /** Custom request headers the covered code reads. */
  requestHeaders: readonly string[];
  /** The app authenticates with the `Authorization` header. */
  authorization: boolean;
}

/** What one file shows of a policy's coverage: its routes under the policy, its event streams, the headers it reads. */
export function fileCoverage(policy: CorsPolicy, file: CorsFile): Coverage {
  return {
    methods: routesUnder(policy, file).map((route) => route.method),
    complete: false,
    streams: file.eventStreams.length > 0,
    requestHeaders: file.requestHeaders,
    authorization: file.readsAuthorization,
  };
}

/**
 * What an explicit methods list should hold. With every covered route known: the simple methods and the routes' own.
 * Otherwise the framework's own default list (or the common six) and every route's method, so that nothing that works
 * today stops working. `OPTIONS` is left out: CORS answers preflights itself.
 */
export function explicitMethods(policy: CorsPolicy, coverage: Coverage): string[] {
  const defaults = policy.framework.defaultMethods;
  const base: readonly string[] = coverage.complete && coverage.methods.length > 0 ? SIMPLE_METHODS : Array.isArray(defaults) && defaults.length > 0 ? defaults : DEFAULT_METHODS;
  const methods = unique([...base, ...coverage.methods]).filter((method) => method !== 'OPTIONS');
  const order = (method: string): number => {
    const index = (DEFAULT_METHODS as readonly string[]).indexOf(method);
    return index < 0 ? DEFAULT_METHODS.length : index;
  };
  return methods.sort((a, b) => order(a) - order(b));
}

/**
 * The request headers an allowed-headers list must hold: `Authorization` where the app authenticates with it or
 * credentials are on (and `Content-Type` with credentials), the SSE headers where a covered route streams, and the
 * custom headers the covered code reads.
 */
export function requiredRequestHeaders(credentialsOn: boolean, coverage: Coverage): string[] {
  return unique([
    ...(credentialsOn || coverage.authorization ? [AUTHORIZATION] : []),
    ...(credentialsOn ? [CONTENT_TYPE] : []),
    ...(coverage.streams ? EVENT_STREAM_REQUEST_HEADERS : []),
    ...coverage.requestHeaders,
  ]);
}

/** What an explicit allowed-headers list should hold: `Content-Type` and the required headers. */
export function explicitRequestHeaders(policy: CorsPolicy, coverage: Coverage): string[] {
  return unique([CONTENT_TYPE, ...requiredRequestHeaders(policy.credentials.on, coverage)]);
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
