/**
 * The checks: from the requests sent to one path and the answers recorded, the findings, one per cause. An echoed
 * arbitrary origin is `reflects-any-origin` and nothing of what it implies; `*` is `wildcard-origin` (or
 * `wildcard-with-credentials`); refusals of what the code declares are `drift`, not the refusal checks.
 */
import { EVENT_STREAM_REQUEST_HEADERS, MAX_PORTABLE_MAX_AGE } from '../../model/index.js';
import type { CheckId, Severity } from './checks-catalogue.js';
import {
  type OriginAnswer,
  type PreflightVerdict,
  headerDisplayName,
  headerTokens,
  isEventStream,
  judgePreflight,
  maxAgeSeconds,
  originAnswer,
  variesByOrigin,
} from './cors-answer.js';
import type { Declaration } from './declaration.js';
import type { OutgoingRequest, RecordedResponse } from './http-client.js';
import { ARBITRARY_ORIGIN } from './origins.js';
import type { Probe, Purpose } from './plan.js';
import type { ProbeFinding } from './report.js';

/** One request sent and what came back. */
export interface Exchange {
  probe: Probe;
  /** The path requested (the planned path, or where its baseline was redirected on the same origin). */
  path: string;
  request: OutgoingRequest;
  response: RecordedResponse | null;
  /** Why there is no response. */
  error: string | null;
}

/** Everything the checks of one path read. */
export interface PathInput {
  path: string;
  exchanges: readonly Exchange[];
  /** The origins that should be allowed. */
  expected: readonly string[];
  /** Methods the user asked to have checked (`--method`): reported even where the routes do not name them. */
  requestedMethods: readonly string[];
  /** What the code declares for this path (`--project`), or null. */
  declaration: Declaration | null;
}

interface Answered extends Exchange {
  response: RecordedResponse;
  answer: OriginAnswer;
}

/** The findings of one path, in catalogue order within each kind of cause. */
export function checkPath(input: PathInput): ProbeFinding[] {
  return new PathChecks(input).run();
}

class PathChecks {
  private readonly findings: ProbeFinding[] = [];
  private readonly answered: Answered[];

  constructor(private readonly input: PathInput) {
    this.answered = input.exchanges.flatMap((exchange) =>
      exchange.response ? [{ ...exchange, response: exchange.response, answer: originAnswer(exchange.response, exchange.probe.origin) }] : [],
    );
  }

  run(): ProbeFinding[] {
    this.originChecks();
    this.cookieDependence();
    this.vary();
    const refused = this.refusedOrigins();
    this.preflights(refused);
    this.maxAge();
    return this.findings;
  }

  private gets(purposes: readonly Purpose[]): Answered[] {
    return this.answered.filter((exchange) => exchange.probe.method === 'GET' && purposes.includes(exchange.probe.purpose));
  }

  private add(check: CheckId, severity: Severity, exchange: Exchange | null, found: string, why: string, fix: string): void {
    this.findings.push({
      check,
      severity,
      path: this.input.path,
      origin: exchange?.probe.origin ?? null,
      request: exchange ? { method: exchange.request.method, headers: exchange.request.headers } : null,
      response: exchange?.response ?? null,
      found,
      why,
      fix,
      location: this.input.declaration?.location ?? null,
    });
  }

  /** Arbitrary, `null`, look-alike, subdomain and downgraded origins; `*`. */
  private originChecks(): void {
    const echoed = this.untrusted(
      'reflects-any-origin',
      this.gets(['arbitrary']),
      'critical',
      (exchange, credentials) =>
        `Access-Control-Allow-Origin echoes ${exchange.probe.origin}, an origin nobody listed${withCredentials(credentials)}${exchange.probe.cookie ? ' (when the request carries a Cookie)' : ''}.`,
      (credentials) =>
        credentials
          ? 'Every website your users visit can call this API with their cookies and read the answers: it can act as them.'
          : 'Every website can read what this API returns to its visitors, including what only their network can reach.',
      "Allow a fixed list of origins (for example read from CORS_ORIGINS) and echo the request's Origin only when it is on the list.",
    );
    const stars = this.answered.filter((exchange) => exchange.probe.method === 'GET' && exchange.probe.origin !== null && exchange.answer.allowOrigin === '*');
    // Shown on the arbitrary origin's answer when there is one: that is what `*` lets in.
    const star = worst([...stars.filter((exchange) => exchange.probe.purpose === 'arbitrary'), ...stars.filter((exchange) => exchange.probe.purpose !== 'arbitrary')]);
    if (star && !echoed) {
      if (star.answer.credentials) {
        this.add(
          'wildcard-with-credentials',
          'low',
          star,
          'Access-Control-Allow-Origin: * comes with Access-Control-Allow-Credentials: true.',
          "Browsers refuse this pair, so every request with cookies (credentials: 'include', withCredentials) fails; echoing the Origin to make it work would let every website in.",
          "List the origins of your web apps and echo the request's Origin only when it is listed.",
        );
      } else {
        this.add(
          'wildcard-origin',
          'low',
          star,
          'Access-Control-Allow-Origin: * lets every website read the responses (without cookies).',
          "Right for public data; for anything else, any page can read what the API returns to your users' browsers, from their network.",
          'List the origins of your web apps, or keep * for data that is public on purpose.',
        );
      }
    }
    // Every origin the checks below try is implied by an echoed arbitrary origin.
    if (echoed) return;
    this.untrusted(
      'allows-null-origin',
      this.gets(['null']),
      'critical',
      (_exchange, credentials) => `Origin: null is allowed${withCredentials(credentials)}.`,
      (credentials) => `Any website can send Origin: null from a sandboxed iframe, so allowing null allows every website${credentials ? ", with your users' cookies" : ''}.`,
      "Remove 'null' from the allowed origins.",
    );
    const trusted = this.gets(['lookalike', 'subdomain', 'insecure-scheme']).filter((exchange) => exchange.answer.namesOrigin);
    const siblingTrusted = trusted.some((exchange) => exchange.probe.attacker?.variant === 'sibling subdomain');
    // A trusted sibling subdomain explains a trusted prefix (`attackerapp.example.com` is one too).
    const lookalikes = trusted.filter((exchange) => exchange.probe.purpose === 'lookalike' && !(siblingTrusted && exchange.probe.attacker?.variant === 'prefix'));
    this.untrusted(
      'trusts-lookalike-origin',
      lookalikes,
      'critical',
      (exchange, credentials) =>
        `${exchange.probe.origin} (${exchange.probe.attacker?.variant} of ${exchange.probe.attacker?.basis}) is allowed${withCredentials(credentials)}${also(lookalikes, exchange)}.`,
      (credentials) => `Whoever registers such a name can read this API${credentials ? " with your users' cookies and act as them" : ''}: the origin check matches text, not the origin.`,
      'Compare the request Origin with each allowed origin exactly: a list, or a regular expression anchored with ^…$ whose dots are escaped.',
    );
    this.untrusted(
      'trusts-any-subdomain',
      trusted.filter((exchange) => exchange.probe.purpose === 'subdomain'),
      'high',
      (exchange, credentials) => `${exchange.probe.origin}, a subdomain nobody listed, is allowed${withCredentials(credentials)}.`,
      (credentials) => `Any subdomain — a forgotten staging host, user content, a subdomain taken over — can read this API${credentials ? " with your users' cookies" : ''}.`,
      'List the subdomains that serve your web apps instead of matching every subdomain.',
    );
    this.untrusted(
      'trusts-insecure-scheme',
      trusted.filter((exchange) => exchange.probe.purpose === 'insecure-scheme'),
      'high',
      (exchange, credentials) => `${exchange.probe.origin} (plain http://) is allowed besides ${exchange.probe.attacker?.basis}${withCredentials(credentials)}.`,
      (credentials) => `Anyone on the network path (public Wi-Fi, a hostile proxy) can put a script into the http:// page and read this API${credentials ? ' as your users' : ''}.`,
      'Allow only the https:// origin.',
    );
  }

  /**
   * One finding for untrusted origins the server names in Access-Control-Allow-Origin, shown on the worst answer:
   * `severe` with credentials, medium without. Returns whether there was one.
   */
  private untrusted(
    check: CheckId,
    exchanges: readonly Answered[],
    severe: Severity,
    found: (exchange: Answered, credentials: boolean) => string,
    why: (credentials: boolean) => string,
    fix: string,
  ): boolean {
    const shown = worst(exchanges.filter((exchange) => exchange.answer.namesOrigin));
    if (!shown) return false;
    const credentials = shown.answer.credentials;
    this.add(check, credentials ? severe : 'medium', shown, found(shown, credentials), why(credentials), fix);
    return true;
  }

  /** The same origin answered differently with and without the dummy Cookie. */
  private cookieDependence(): void {
    const pairs: { plain: Answered; cookie: Answered }[] = [];
    for (const cookie of this.gets(['allowed', 'arbitrary', 'null', 'lookalike', 'subdomain', 'insecure-scheme']).filter((exchange) => exchange.probe.cookie)) {
      const plain = this.answered.find(
        (exchange) => exchange.probe.method === 'GET' && !exchange.probe.cookie && exchange.probe.purpose === cookie.probe.purpose && exchange.probe.origin === cookie.probe.origin,
      );
      if (plain && (plain.answer.allowOrigin !== cookie.answer.allowOrigin || plain.answer.credentials !== cookie.answer.credentials)) pairs.push({ plain, cookie });
    }
    if (pairs.length === 0) return;
    const trusting = pairs.find(({ plain, cookie }) => cookie.probe.purpose !== 'allowed' && cookie.answer.namesOrigin && !plain.answer.namesOrigin);
    const { plain, cookie } = trusting ?? (pairs[0] as (typeof pairs)[number]);
    this.add(
      'cookie-dependent-reflection',
      trusting ? 'medium' : 'low',
      cookie,
      `The answer to Origin: ${cookie.probe.origin} changes when the request carries a Cookie: without one ${describeAnswer(plain.answer)}, with one ${describeAnswer(cookie.answer)}.`,
      'Browsers with a session send cookies, scanners and quick curl checks do not: what they see is not what your users get; and a cache that does not vary on Cookie serves one answer for the other.',
      'Decide CORS from the Origin alone (in Starlette, list allow_origins instead of ["*"] with allow_credentials=True).',
    );
  }

  /** Answers that name the request's origin, depend on it, and do not say `Vary: Origin`. */
  private vary(): void {
    const gets = this.answered.filter((exchange) => exchange.probe.method === 'GET');
    const missing = gets.filter(
      (exchange) =>
        exchange.answer.namesOrigin &&
        !variesByOrigin(exchange.response) &&
        // A fixed value sent to everyone needs no Vary.
        gets.some((other) => other.probe.origin !== exchange.probe.origin && other.answer.allowOrigin !== exchange.answer.allowOrigin),
    );
    const shown = missing.find((exchange) => exchange.probe.purpose === 'allowed') ?? missing[0];
    if (!shown) return;
    const vary = shown.response.headers.vary;
    this.add(
      'missing-vary-origin',
      'medium',
      shown,
      `The answer to Origin: ${shown.probe.origin} names that origin in Access-Control-Allow-Origin but has no Vary: Origin${vary ? ` (Vary: ${vary})` : ''}.`,
      'A shared cache or the browser cache can hand this answer to a page of another origin: your other web apps then fail at random, or an answer meant for one origin reaches another.',
      'Send Vary: Origin on every response whose Access-Control-Allow-Origin depends on the request (CORS middleware does; hand-written headers often forget it).',
    );
  }

  /** Expected origins the server does not let read its answers. Returns the refused origins. */
  private refusedOrigins(): Set<string> {
    const refused = this.gets(['allowed']).filter((exchange) => !exchange.probe.cookie && !exchange.answer.readable);
    const origins = new Set(refused.map((exchange) => exchange.probe.origin as string));
    const reported = refused.filter((exchange) => this.input.declaration?.allowsOrigin(exchange.probe.origin as string) !== true);
    const shown = reported[0];
    if (shown) {
      const allowOrigin = shown.answer.allowOrigin;
      this.add(
        'allowed-origin-refused',
        'low',
        shown,
        `${shown.probe.origin} gets ${allowOrigin === null ? 'no Access-Control-Allow-Origin' : `Access-Control-Allow-Origin: ${allowOrigin}`}${also(reported, shown, 'origin')}.`,
        'Browsers block this web app from reading the API.',
        'Add the origin to the allowlist where the server runs (CORS_ORIGINS), exactly as the browser sends it: scheme, lower-case host, port, no trailing slash.',
      );
    }
    return origins;
  }

  /** Methods, headers and stream resume headers refused by preflights from the allowed origin. */
  private preflights(refusedOrigins: ReadonlySet<string>): void {
    const declaration = this.input.declaration;
    const credentialed = this.credentialed();
    const starWithCredentials = this.findings.some((finding) => finding.check === 'wildcard-with-credentials');
    const judged = this.answered
      .filter((exchange) => exchange.probe.method === 'OPTIONS')
      .map((exchange) => ({
        exchange,
        verdict: judgePreflight(exchange.response, exchange.probe.origin ?? '', exchange.probe.requestMethod ?? 'GET', exchange.probe.requestHeaders, credentialed),
      }))
      // A preflight whose origin check fails for the reason already reported (the origin is refused, or `*` comes
      // with credentials) says nothing more.
      .filter(({ exchange, verdict }) => !(verdict.failure && (refusedOrigins.has(exchange.probe.origin ?? '') || (verdict.originRefused && starWithCredentials))));

    const served = declaration && declaration.routeMethods.length > 0 ? new Set([...declaration.routeMethods, ...this.input.requestedMethods]) : null;
    const methods = judged.filter(
      ({ exchange, verdict }) =>
        exchange.probe.purpose === 'method-preflight' &&
        verdict.methodRefused &&
        declaration?.allowsMethod(exchange.probe.requestMethod ?? '') !== true &&
        (!served || served.has(exchange.probe.requestMethod ?? '')),
    );
    const firstMethod = methods[0];
    if (firstMethod) {
      const names = methods.map(({ exchange }) => exchange.probe.requestMethod).join(', ');
      this.add(
        'preflight-rejects-method',
        'low',
        firstMethod.exchange,
        `A preflight from ${firstMethod.exchange.probe.origin} for ${names} is refused (${refusalReason(firstMethod.exchange, firstMethod.verdict, 'method')}).`,
        `Browsers never send ${methods.length === 1 ? 'this request' : 'these requests'} cross-origin: the calls fail before they reach your routes.`,
        'List the methods your routes serve in the allowed methods: framework defaults are often narrower (GET, HEAD and POST, or GET alone).',
      );
    }
    const refusedHeaders = (purpose: Purpose): { exchange: Answered; verdict: PreflightVerdict; headers: string[] } | null => {
      const found = judged.find(({ exchange }) => exchange.probe.purpose === purpose);
      if (!found) return null;
      // With the project's declaration, a header it lists and the server refuses is drift (reported as such), and
      // one it leaves out on purpose is refused as declared; only headers it says nothing about remain.
      const headers = found.verdict.refusedHeaders.filter((header) => (declaration ? declaration.allowsHeader(header) === null : true));
      return headers.length > 0 ? { ...found, headers } : null;
    };
    const headers = refusedHeaders('header-preflight');
    if (headers) {
      this.add(
        'preflight-rejects-header',
        'low',
        headers.exchange,
        `A preflight from ${headers.exchange.probe.origin} asking for ${headers.headers.join(', ')} is refused (${refusalReason(headers.exchange, headers.verdict, 'header')}).`,
        'Requests that send these headers (a bearer token, a JSON body, a request id) fail in the browser.',
        `List these headers in the allowed headers${headers.headers.includes('authorization') ? '; Authorization is never covered by *' : ''}${credentialed ? ', and with credentials * covers none of them' : ''}.`,
      );
    }
    const streaming = this.gets(['event-stream']).some((exchange) => isEventStream(exchange.response));
    const resume = streaming ? refusedHeaders('event-stream-preflight') : null;
    if (resume) {
      this.add(
        'sse-resume-blocked',
        'low',
        resume.exchange,
        `${this.input.path} streams Server-Sent Events, but a preflight from ${resume.exchange.probe.origin} asking for ${resume.headers.join(', ')} is refused (${refusalReason(resume.exchange, resume.verdict, 'header')}).`,
        'Fetch-based SSE clients send Last-Event-ID to resume after a dropped connection; refused, they cannot reconnect where they left off (native EventSource never asks a preflight).',
        `Add ${EVENT_STREAM_REQUEST_HEADERS.join(' and ')} to the allowed headers.`,
      );
    }
  }

  /** The first passing preflight's Access-Control-Max-Age: missing, not a positive number, or above 600 seconds. */
  private maxAge(): void {
    const credentialed = this.credentialed();
    const passing = this.answered.find(
      (exchange) =>
        exchange.probe.method === 'OPTIONS' &&
        judgePreflight(exchange.response, exchange.probe.origin ?? '', exchange.probe.requestMethod ?? 'GET', [], credentialed).failure === null,
    );
    if (!passing) return;
    const raw = passing.response.headers['access-control-max-age'];
    const seconds = maxAgeSeconds(passing.response);
    const declared = this.input.declaration?.maxAge ?? null;
    if (declared !== null && declared !== seconds) return;
    if (seconds === null || seconds === 0) {
      this.add(
        'max-age',
        'info',
        passing,
        raw === undefined ? 'The preflight answer has no Access-Control-Max-Age.' : `The preflight answer has Access-Control-Max-Age: ${raw}, which browsers do not cache with.`,
        'Browsers then keep a preflight for 5 seconds at most, so most cross-origin calls cost an extra round trip.',
        `Send Access-Control-Max-Age: ${MAX_PORTABLE_MAX_AGE} (maxAge: ${MAX_PORTABLE_MAX_AGE}), the longest every browser honours.`,
      );
    } else if (seconds > MAX_PORTABLE_MAX_AGE) {
      this.add(
        'max-age',
        'low',
        passing,
        `The preflight answer has Access-Control-Max-Age: ${seconds}.`,
        'Browsers cut it down (WebKit to 600 s, Chromium to 7200 s), and where it is honoured a tightened policy takes that long to reach your users.',
        `Use ${MAX_PORTABLE_MAX_AGE} (maxAge: ${MAX_PORTABLE_MAX_AGE}), the longest every browser honours.`,
      );
    }
  }

  private credentialed(): boolean {
    return credentialedApi(this.input);
  }
}

/** Whether the API works with credentials: its answer to the allowed origin (or the arbitrary one) says so. */
export function credentialedApi(input: Pick<PathInput, 'expected' | 'exchanges'>): boolean {
  const origin = input.expected[0] ?? ARBITRARY_ORIGIN;
  const exchange = input.exchanges.find((candidate) => candidate.response && candidate.probe.method === 'GET' && !candidate.probe.cookie && candidate.probe.origin === origin);
  return exchange?.response ? originAnswer(exchange.response, origin).credentials : false;
}

/** The answer with credentials if there is one, else the first. */
function worst(exchanges: readonly Answered[]): Answered | null {
  return exchanges.find((exchange) => exchange.answer.credentials) ?? exchanges[0] ?? null;
}

function withCredentials(credentials: boolean): string {
  return credentials ? ', with Access-Control-Allow-Credentials: true' : '';
}

/** `; so are a, b` for the other exchanges of a finding. */
function also(exchanges: readonly Answered[], shown: Answered, what: 'variant' | 'origin' = 'variant'): string {
  const others = exchanges.filter((exchange) => exchange !== shown);
  const names = [...new Set(others.map((exchange) => (what === 'variant' ? `${exchange.probe.origin} (${exchange.probe.attacker?.variant})` : (exchange.probe.origin as string))))];
  if (names.length === 0) return '';
  return what === 'variant' ? `; so ${names.length === 1 ? 'is' : 'are'} ${names.join(', ')}` : `; so ${names.length === 1 ? 'does' : 'do'} ${names.join(', ')}`;
}

function describeAnswer(answer: OriginAnswer): string {
  if (answer.allowOrigin === null) return 'it has no Access-Control-Allow-Origin';
  return `it has Access-Control-Allow-Origin: ${answer.allowOrigin}${answer.credentials ? ' with credentials' : ''}`;
}

/** Why a preflight refuses: its origin check, or its status and the list it answers with. */
function refusalReason(exchange: Answered, verdict: PreflightVerdict, what: 'method' | 'header'): string {
  if (verdict.originRefused) return verdict.failure ?? '';
  const name = what === 'method' ? 'access-control-allow-methods' : 'access-control-allow-headers';
  const value = exchange.response.headers[name];
  const list = value === undefined ? `no ${headerDisplayName(name)}` : `${headerDisplayName(name)}: ${headerTokens(value).join(', ')}`;
  return verdict.failure ? `${verdict.failure}; ${list}` : list;
}
