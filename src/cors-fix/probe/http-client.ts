/**
 * Sends one request at a time with `node:http`/`node:https` over one kept-alive connection and records the status and
 * the headers that decide CORS. Bodies are never sent; response bodies are drained up to a cap, and a stream is cut
 * off as soon as its headers arrive. Redirects are returned, not followed.
 */
import http from 'node:http';
import https from 'node:https';

/** The response headers a report keeps: those that decide CORS, caching by origin, and redirects. */
const KEPT_HEADERS = /^(?:access-control-.*|vary|content-type|location)$/u;

/** Response bodies larger than this are cut off: only the headers matter. */
const MAX_BODY_BYTES = 64 * 1024;

/** What came back: the status and the kept headers (lower-case names; repeated lines joined with `, `). */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
}

/** A response, or why there is none. `unreachable`: the connection itself failed (refused, unknown host, TLS). */
export type SendResult = { ok: true; response: RecordedResponse } | { ok: false; error: string; unreachable: boolean };

/** One request: the method, the path (with query) under the client's origin, and the headers (lower-case names). */
export interface OutgoingRequest {
  method: 'GET' | 'HEAD' | 'OPTIONS';
  path: string;
  headers: Record<string, string>;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPROTO', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** A client for one origin (scheme, host and port): nothing else is ever contacted. */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;

  constructor(
    private readonly origin: URL,
    private readonly timeoutMs: number,
  ) {
    const secure = origin.protocol === 'https:';
    this.transport = secure ? https : http;
    this.agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** Sends `request`; a kept-alive connection the server closed meanwhile is retried once on a fresh one. */
  async send(request: OutgoingRequest): Promise<SendResult> {
    const first = await this.attempt(request);
    return first.retry ? (await this.attempt(request)).result : first.result;
  }

  /** Closes the kept-alive connection. */
  close(): void {
    this.agent.destroy();
  }

  private attempt(request: OutgoingRequest): Promise<{ result: SendResult; retry: boolean }> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: SendResult, retry = false): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ result, retry });
      };
      const outgoing = this.transport.request(
        {
          protocol: this.origin.protocol,
          hostname: this.origin.hostname.replace(/^\[|\]$/gu, ''),
          port: this.origin.port || undefined,
          path: request.path,
          method: request.method,
          headers: request.headers,
          agent: this.agent,
        },
        (response) => {
          const recorded: RecordedResponse = { status: response.statusCode ?? 0, headers: keptHeaders(response.rawHeaders) };
          const streaming = /^text\/event-stream\b/iu.test(recorded.headers['content-type'] ?? '');
          if (streaming || request.method === 'HEAD') {
            if (streaming) response.destroy();
            else response.resume();
            finish({ ok: true, response: recorded });
            return;
          }
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > MAX_BODY_BYTES) {
              response.destroy();
              finish({ ok: true, response: recorded });
            }
          });
          response.on('end', () => finish({ ok: true, response: recorded }));
          response.on('error', () => finish({ ok: true, response: recorded }));
          response.on('close', () => finish({ ok: true, response: recorded }));
          // Headers arrived: a body that does not end in time is cut off, the answer stands.
          clearTimeout(timer);
          timer = setTimeout(() => {
            response.destroy();
            finish({ ok: true, response: recorded });
          }, this.timeoutMs);
        },
      );
      let timer = setTimeout(() => {
        outgoing.destroy();
        finish({ ok: false, error: `no answer within ${this.timeoutMs} ms`, unreachable: false });
      }, this.timeoutMs);
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? '';
        if (outgoing.reusedSocket && code === 'ECONNRESET') {
          finish({ ok: false, error: error.message, unreachable: false }, true);
          return;
        }
        finish({ ok: false, error: code ? `${code} (${error.message})` : error.message, unreachable: CONNECTION_ERRORS.has(code) });
      });
      outgoing.end();
    });
  }
}

/** The kept headers from the raw name/value list, so that repeated lines (two `Access-Control-Allow-Origin`) show. */
function keptHeaders(raw: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] as string).toLowerCase();
    if (!KEPT_HEADERS.test(name)) continue;
    const value = raw[index + 1] as string;
    kept[name] = name in kept ? `${kept[name]}, ${value}` : value;
  }
  return kept;
}
