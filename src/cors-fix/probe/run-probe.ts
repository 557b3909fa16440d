/**
 * The probe engine: plans the requests for every path, sends them one at a time with a pause in between until the plan
 * or `--max-requests` runs out, follows a baseline's redirects only within the origin, then runs the checks per path
 * and returns the report. It knows the steps; the checks, the plan and the client are their own modules.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { REPOSITORY } from '../../create-rule.js';
import { PACKAGE } from '../../package-meta.js';
import { CHECK_IDS, SEVERITIES } from './checks-catalogue.js';
import { type Exchange, checkPath } from './checks.js';
import { type Declaration, type VariableValue, declarationOf } from './declaration.js';
import { checkDrift } from './drift.js';
import { HttpClient, type OutgoingRequest, type RecordedResponse, type SendResult } from './http-client.js';
import { DEFAULT_HEADERS, DEFAULT_METHODS, DUMMY_COOKIE, type Probe, planProbes, probeKey, skipReason } from './plan.js';
import type { ProjectExpectations } from './project.js';
import type { ProbeFinding, ProbeReport } from './report.js';

/** Same-origin redirects of a baseline followed at most. */
const MAX_REDIRECTS = 3;

/** What to probe and how politely. */
export interface ProbeOptions {
  /** The URL given: its scheme, host and port are the only ones contacted; its path is probed. */
  url: URL;
  /** The URL was given with a path; without one, its `/` is probed only when no other path is. */
  urlHasPath?: boolean;
  /** More paths (`--path`), each with an optional query. */
  paths: readonly string[];
  /** Origins that should be allowed. */
  expected: readonly string[];
  /** Methods and request headers to ask preflights for besides the defaults. */
  methods: readonly string[];
  headers: readonly string[];
  maxRequests: number;
  timeoutMs: number;
  /** Pause between two requests. */
  delayMs: number;
  /** What the code declares (`--project`), or null. */
  project: ProjectExpectations | null;
  /** The value of an allowlist variable where the server runs (`--env-file`, or the probe's own environment). */
  variable: (name: string) => VariableValue | null;
  /** Notes gathered before the run (where the expected origins came from). */
  notes?: readonly string[];
  /** Called after each request. */
  onRequest?: (sent: number, limit: number) => void;
}

/** Probes the server at `options.url` and reports what it allows. */
export async function runProbe(options: ProbeOptions): Promise<ProbeReport> {
  const run = new ProbeRun(options);
  try {
    await run.send();
  } finally {
    run.close();
  }
  return run.report();
}

class ProbeRun {
  private readonly client: HttpClient;
  private readonly paths: string[];
  private readonly declarations = new Map<string, Declaration | null>();
  /** Where each planned path is requested: itself, or where its baseline was redirected on the same origin. */
  private readonly effectivePath = new Map<string, string>();
  private readonly answers = new Map<string, RecordedResponse | null>();
  private readonly exchanges: Exchange[] = [];
  private readonly notes: string[];
  private sent = 0;
  private inconclusive = 0;
  private notSent = 0;
  private error: string | null = null;

  constructor(private readonly options: ProbeOptions) {
    this.client = new HttpClient(new URL(options.url.origin), options.timeoutMs);
    this.notes = [...(options.notes ?? [])];
    const project = options.project;
    const declare = (index: number | null): Declaration | null => {
      const policy = index === null ? null : project?.policies[index];
      return policy ? declarationOf(policy, options.variable) : null;
    };
    // A path not taken from a policy's routes is governed by the project's only policy, if it has one.
    const only = project?.policies.length === 1 ? 0 : null;
    const paths = new Map<string, Declaration | null>();
    const add = (path: string, declaration: Declaration | null): void => {
      if (!paths.has(path) || (paths.get(path) === null && declaration)) paths.set(path, declaration);
    };
    const routes = (project?.policies ?? []).flatMap((policy, index) => policy.routes.map((route) => ({ path: route.path, index })));
    if (options.urlHasPath !== false || (options.paths.length === 0 && routes.length === 0)) add(`${options.url.pathname}${options.url.search}`, declare(only));
    for (const path of options.paths) add(path, declare(only));
    for (const route of routes) add(route.path, declare(route.index));
    this.paths = [...paths.keys()];
    for (const [path, declaration] of paths) this.declarations.set(path, declaration);
    if (project) this.notes.push(...project.notes);
  }

  close(): void {
    this.client.close();
  }

  async send(): Promise<void> {
    const expected = this.options.expected;
    const candidates = (this.options.project?.knownOrigins ?? []).filter((origin) => !expected.includes(origin));
    const plan = planProbes({
      paths: this.paths,
      expected,
      candidates,
      methods: unique([...DEFAULT_METHODS, ...this.options.methods]),
      headers: unique([...DEFAULT_HEADERS, ...this.options.headers]),
    });
    const answers = (probe: Probe): RecordedResponse | null => this.answers.get(probeKey(probe)) ?? null;
    for (const probe of plan) {
      if (skipReason(probe, answers, { expected })) continue;
      if (this.sent >= this.options.maxRequests) {
        this.notSent += 1;
        continue;
      }
      const result = probe.purpose === 'baseline' ? await this.baseline(probe) : await this.exchange(probe, this.effectivePath.get(probe.path) ?? probe.path);
      if (!result.ok && result.unreachable && this.sent === 1) {
        this.error = `could not reach ${this.options.url.origin}: ${result.error}`;
        return;
      }
    }
    if (this.notSent > 0) {
      this.notes.push(`--max-requests ${this.options.maxRequests} left ${this.notSent} planned request${this.notSent === 1 ? '' : 's'} unsent (look-alike origins and their Cookie twins are sent last); raise it to probe everything.`);
    }
    if (expected.length === 0) {
      this.notes.push('No allowed origin was given (--origin, CORS_ORIGINS, --env-file or --project): look-alikes of allowed origins were not sent, and preflights only where any origin is let in.');
    }
    const first = this.exchanges.find((exchange) => exchange.error)?.error ?? 'no answer';
    if (this.sent > 0 && this.inconclusive === this.sent) this.error = `every request was inconclusive (${first})`;
    else if (this.inconclusive > 0) this.notes.push(`${this.inconclusive} request${this.inconclusive === 1 ? '' : 's'} got no answer (${first}): what they would have shown is missing.`);
  }

  /** The baseline of a path, following redirects within the origin (each one a request) and noting any other. */
  private async baseline(probe: Probe): Promise<SendResult> {
    let path = probe.path;
    let result = await this.exchange(probe, path);
    for (let hop = 0; hop < MAX_REDIRECTS && result.ok && isRedirect(result.response.status); hop += 1) {
      const location = result.response.headers.location;
      if (!location) break;
      const target = new URL(location, new URL(path, this.options.url.origin));
      if (target.origin !== this.options.url.origin) {
        this.notes.push(`GET ${path} redirects to ${target.href}, another origin: not followed; the answers of ${path} itself were probed.`);
        break;
      }
      if (this.sent >= this.options.maxRequests) break;
      this.notes.push(`GET ${path} redirects to ${target.pathname}${target.search} on the same origin: probed there.`);
      path = `${target.pathname}${target.search}`;
      this.effectivePath.set(probe.path, path);
      result = await this.exchange(probe, path);
    }
    if (result.ok && result.response.status === 404) {
      this.notes.push(`GET ${path} answered 404: its findings describe how the server answers unknown paths; give a route of the API (--path) to probe its policy.`);
    }
    return result;
  }

  private async exchange(probe: Probe, path: string): Promise<SendResult> {
    if (this.sent > 0 && this.options.delayMs > 0) await sleep(this.options.delayMs);
    const request = outgoing(probe, path);
    this.sent += 1;
    const result = await this.client.send(request);
    this.options.onRequest?.(this.sent, this.options.maxRequests);
    if (!result.ok) this.inconclusive += 1;
    this.answers.set(probeKey(probe), result.ok ? result.response : null);
    const previous = this.exchanges.findIndex((exchange) => exchange.probe === probe);
    const exchange: Exchange = { probe, path, request, response: result.ok ? result.response : null, error: result.ok ? null : result.error };
    // A followed redirect replaces the answer it led away from.
    if (previous >= 0) this.exchanges[previous] = exchange;
    else this.exchanges.push(exchange);
    return result;
  }

  report(): ProbeReport {
    const findings: ProbeFinding[] = [];
    if (!this.error) {
      for (const planned of this.paths) {
        const path = this.effectivePath.get(planned) ?? planned;
        const input = {
          path,
          exchanges: this.exchanges.filter((exchange) => exchange.probe.path === planned),
          expected: this.options.expected,
          requestedMethods: this.options.methods,
          declaration: this.declarations.get(planned) ?? null,
        };
        findings.push(...checkPath(input), ...checkDrift(input));
      }
    }
    const merged = mergeAcrossPaths(findings);
    const order = (finding: ProbeFinding): number[] => [SEVERITIES.indexOf(finding.severity), CHECK_IDS.indexOf(finding.check), this.paths.indexOf(finding.path)];
    merged.sort((a, b) => compare(order(a), order(b)));
    return {
      url: this.options.url.href,
      error: this.error,
      findings: merged,
      paths: this.paths.map((path) => this.effectivePath.get(path) ?? path),
      requests: { sent: this.sent, inconclusive: this.inconclusive, notSent: this.notSent },
      notes: this.notes,
      projectRoot: this.options.project?.root ?? null,
    };
  }
}

/** The request a probe sends to `path`: headers as a browser would send them, plus the probe's own User-Agent. */
export function outgoing(probe: Probe, path: string): OutgoingRequest {
  const headers: Record<string, string> = {
    accept: probe.accept ?? '*/*',
    'user-agent': `cors-fix-probe/${PACKAGE.version} (+${REPOSITORY})`,
  };
  if (probe.origin !== null) headers.origin = probe.origin;
  if (probe.cookie) headers.cookie = DUMMY_COOKIE;
  if (probe.requestMethod !== null) headers['access-control-request-method'] = probe.requestMethod;
  // Browsers list the header names lower-cased, sorted, comma-separated.
  if (probe.requestHeaders.length > 0) headers['access-control-request-headers'] = [...new Set(probe.requestHeaders.map((name) => name.toLowerCase()))].sort().join(',');
  return { method: probe.method, path, headers };
}

/**
 * One finding per cause: the same check with the same origin and the same answer on several paths (one policy behind
 * them) is reported on the first path, naming the others.
 */
function mergeAcrossPaths(findings: readonly ProbeFinding[]): ProbeFinding[] {
  const kept = new Map<string, { finding: ProbeFinding; others: string[] }>();
  for (const finding of findings) {
    const headers = finding.response?.headers ?? {};
    const key = [finding.check, finding.severity, finding.origin, finding.location?.file, finding.location?.line, headers['access-control-allow-origin'], headers['access-control-allow-credentials'], finding.found.replaceAll(finding.path, '')].join('\u0000');
    const existing = kept.get(key);
    if (existing) existing.others.push(finding.path);
    else kept.set(key, { finding, others: [] });
  }
  return [...kept.values()].map(({ finding, others }) =>
    others.length === 0 ? finding : { ...finding, found: `${finding.found} The same on ${others.join(', ')}.` },
  );
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
