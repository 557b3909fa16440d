/**
 * The probes: preflights and actual requests from a fixed set of origins, each sent twice in a row (a stateful `/g`
 * regex answers identical requests differently), strictly in sequence over one keep-alive connection.
 */
import http from 'node:http';

/** The fixed probes, and `named-N`: an origin a rule's message names for this configuration. */
export type ProbeName = 'allowed' | 'unrelated' | 'suffix' | 'http' | 'port' | 'lookalike' | 'dot' | 'null' | 'none' | `named-${number}`;

export interface Probe {
  name: ProbeName;
  /** The `Origin` header, or null for a request without one. */
  origin: string | null;
}

export const PROBES: readonly Probe[] = [
  { name: 'allowed', origin: 'https://app.example.com' },
  { name: 'unrelated', origin: 'https://evil.example' },
  // Look-alikes anyone can register: a suffix, a prefix before the domain, the dot replaced.
  { name: 'suffix', origin: 'https://app.example.com.evil.test' },
  { name: 'lookalike', origin: 'https://attackerexample.com' },
  { name: 'dot', origin: 'https://app-example.com' },
  // The allowed host over http://, and on a port that is not the default.
  { name: 'http', origin: 'http://app.example.com' },
  { name: 'port', origin: 'https://app.example.com:8443' },
  { name: 'null', origin: 'null' },
  { name: 'none', origin: null },
];

/** Probes a policy must deny when the model finds no unsafe origin pattern in it: origins anyone can register. */
export const LOOK_ALIKE_PROBES: readonly ProbeName[] = ['suffix', 'lookalike', 'dot'];

export type RequestKind = 'preflight' | 'actual';

/** What a preflight asks for. */
export const REQUEST_METHOD = 'PUT';
export const REQUEST_HEADERS = 'authorization,x-custom';

export interface Observation {
  probe: ProbeName;
  origin: string | null;
  kind: RequestKind;
  /** 1 or 2: the first or the repeated identical request. */
  rep: number;
  /** 0 when the request failed (`error` says why). */
  status: number;
  error?: string;
  /** The CORS response headers, lower-case names; several header lines are joined with `, `. */
  acao?: string;
  acac?: string;
  acam?: string;
  acah?: string;
  aceh?: string;
  maxAge?: string;
}

const HEADER_KEYS = {
  acao: 'access-control-allow-origin',
  acac: 'access-control-allow-credentials',
  acam: 'access-control-allow-methods',
  acah: 'access-control-allow-headers',
  aceh: 'access-control-expose-headers',
  maxAge: 'access-control-max-age',
} as const;

const REQUEST_TIMEOUT_MS = 5_000;

function send(
  agent: http.Agent,
  port: number,
  path: string,
  kind: RequestKind,
  origin: string | null,
  timeout = REQUEST_TIMEOUT_MS,
): Promise<Omit<Observation, 'probe' | 'kind' | 'rep' | 'origin'>> {
  const headers: Record<string, string> = {};
  if (origin !== null) headers.origin = origin;
  if (kind === 'preflight') {
    headers['access-control-request-method'] = REQUEST_METHOD;
    headers['access-control-request-headers'] = REQUEST_HEADERS;
  }
  return new Promise((resolve) => {
    const request = http.request(
      { host: '127.0.0.1', port, path, method: kind === 'preflight' ? 'OPTIONS' : 'GET', headers, agent, timeout },
      (response) => {
        response.resume();
        response.on('end', () => {
          const observed: Omit<Observation, 'probe' | 'kind' | 'rep' | 'origin'> = { status: response.statusCode ?? 0 };
          for (const [field, name] of Object.entries(HEADER_KEYS) as [keyof typeof HEADER_KEYS, string][]) {
            const value = response.headers[name];
            if (value !== undefined) observed[field] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve(observed);
        });
        response.on('error', (error) => resolve({ status: 0, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ status: 0, error: error.message }));
    request.end();
  });
}

/** How long a request the model says hangs is given before it counts as hanging (a local answer takes milliseconds). */
export const HANG_TIMEOUT_MS = 1_500;

/** One preflight from the allowed origin, for a configuration the model says never answers. */
export async function probeHang(port: number, path: string): Promise<Observation[]> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const probe = PROBES[0] as Probe;
    const result = await send(agent, port, path, 'preflight', probe.origin, HANG_TIMEOUT_MS);
    return [{ probe: probe.name, origin: probe.origin, kind: 'preflight', rep: 1, ...result }];
  } finally {
    agent.destroy();
  }
}

/** Every probe, in a fixed order: per origin, two preflights then two actual requests. */
export async function probeServer(port: number, path: string, probes: readonly Probe[] = PROBES): Promise<Observation[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const observations: Observation[] = [];
  try {
    for (const probe of probes) {
      for (const kind of ['preflight', 'actual'] as const) {
        for (const rep of [1, 2]) {
          const result = await send(agent, port, path, kind, probe.origin);
          observations.push({ probe: probe.name, origin: probe.origin, kind, rep, ...result });
        }
      }
    }
  } finally {
    agent.destroy();
  }
  return observations;
}
