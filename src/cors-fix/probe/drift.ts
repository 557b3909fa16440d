/**
 * The `drift` check (with `--project`): where the running server answers differently from what the code declares —
 * origins, credentials, methods, headers, preflight cache. One finding per aspect and path; allowing more than the code
 * (an origin, credentials) is medium, allowing less is low.
 */
import type { Severity } from './checks-catalogue.js';
import { type Exchange, type PathInput, credentialedApi } from './checks.js';
import { judgePreflight, maxAgeSeconds, originAnswer } from './cors-answer.js';
import type { Declaration } from './declaration.js';
import type { ProbeFinding } from './report.js';

interface Difference {
  exchange: Exchange;
  /** The live server allows what the code does not (true), or refuses what it declares (false). */
  allowsMore: boolean;
  /** The origin, method or header. */
  subject: string;
}

/** The drift findings of one path; none without a declaration. */
export function checkDrift(input: PathInput): ProbeFinding[] {
  const declaration = input.declaration;
  if (!declaration) return [];
  const findings: ProbeFinding[] = [];
  const where = `${declaration.framework} policy at ${declaration.location.file}:${declaration.location.line}`;
  const push = (exchange: Exchange, severity: Severity, found: string): void => {
    findings.push({
      check: 'drift',
      severity,
      path: input.path,
      origin: exchange.probe.origin,
      request: { method: exchange.request.method, headers: exchange.request.headers },
      response: exchange.response,
      found,
      why: 'What runs is not what the code says: an environment variable set differently where the server runs, a proxy that adds or rewrites headers, another middleware, or an older deploy.',
      fix: 'Find where they part (the deployed environment, the proxy configuration, the running version) and make them agree; then probe again.',
      location: declaration.location,
    });
  };
  const report = (differences: readonly Difference[], aspect: string, describe: (difference: Difference) => string, severityMore: Severity = 'low'): void => {
    const shown = differences.find((difference) => difference.allowsMore) ?? differences[0];
    if (!shown) return;
    const more = differences.filter((difference) => difference.allowsMore).map((difference) => difference.subject);
    const less = differences.filter((difference) => !difference.allowsMore).map((difference) => difference.subject);
    const parts = [more.length > 0 ? `the server allows ${more.join(', ')}, which the code does not` : '', less.length > 0 ? `the server refuses ${less.join(', ')}, which the code allows` : ''];
    push(shown.exchange, more.length > 0 ? severityMore : 'low', `${capitalise(aspect)}: ${parts.filter((part) => part !== '').join('; ')} (${describe(shown)}; ${where}).`);
  };
  report(originDifferences(input, declaration), 'origins', () => `the code allows ${declaration.describeOrigins()}`, 'medium');
  report(credentialDifferences(input, declaration), 'credentials', (difference) => `Access-Control-Allow-Credentials ${difference.allowsMore ? 'is true' : 'is missing'}; the code has credentials ${declaration.credentials ? 'on' : 'off'}`, 'medium');
  const credentialed = credentialedApi(input);
  const preflights = input.exchanges.filter((exchange) => exchange.probe.method === 'OPTIONS' && exchange.response);
  const methodDifferences: Difference[] = [];
  const headerDifferences: Difference[] = [];
  for (const exchange of preflights) {
    const response = exchange.response;
    if (!response || !exchange.probe.origin) continue;
    const verdict = judgePreflight(response, exchange.probe.origin, exchange.probe.requestMethod ?? 'GET', exchange.probe.requestHeaders, credentialed);
    // Refused for its origin (or `*` with credentials): the origin findings say why.
    if (verdict.originRefused) continue;
    if (exchange.probe.purpose === 'method-preflight') {
      const method = exchange.probe.requestMethod ?? 'GET';
      const declared = declaration.allowsMethod(method);
      if (declared !== null && declared === verdict.methodRefused) methodDifferences.push({ exchange, allowsMore: !verdict.methodRefused, subject: method });
    } else {
      for (const header of exchange.probe.requestHeaders) {
        const declared = declaration.allowsHeader(header);
        const refused = verdict.refusedHeaders.includes(header.toLowerCase());
        if (declared !== null && declared === refused && !headerDifferences.some((difference) => difference.subject === header)) {
          headerDifferences.push({ exchange, allowsMore: !refused, subject: header });
        }
      }
    }
  }
  report(methodDifferences, 'methods', (difference) => `Access-Control-Allow-Methods: ${difference.exchange.response?.headers['access-control-allow-methods'] ?? '(none)'}`);
  report(headerDifferences, 'request headers', (difference) => `Access-Control-Allow-Headers: ${difference.exchange.response?.headers['access-control-allow-headers'] ?? '(none)'}`);
  const cache = maxAgeDifference(preflights, declaration, credentialed);
  if (cache) {
    const raw = cache.response?.headers['access-control-max-age'];
    push(cache, 'low', `Preflight cache: the server sends ${raw === undefined ? 'no Access-Control-Max-Age' : `Access-Control-Max-Age: ${raw}`}; the code sets ${declaration.maxAge} (${where}).`);
  }
  return findings;
}

/** Origins the server and the code disagree on: expected, project and arbitrary origins. */
function originDifferences(input: PathInput, declaration: Declaration): Difference[] {
  const differences: Difference[] = [];
  for (const exchange of input.exchanges) {
    const origin = exchange.probe.origin;
    if (!exchange.response || exchange.probe.method !== 'GET' || exchange.probe.cookie || origin === null) continue;
    if (!['allowed', 'candidate', 'arbitrary'].includes(exchange.probe.purpose)) continue;
    const declared = declaration.allowsOrigin(origin);
    const live = originAnswer(exchange.response, origin).readable;
    if (declared !== null && declared !== live && !differences.some((difference) => difference.subject === origin)) differences.push({ exchange, allowsMore: live, subject: origin });
  }
  return differences;
}

/** Credentials on one side only, judged on the answer to the first origin the server lets in. */
function credentialDifferences(input: PathInput, declaration: Declaration): Difference[] {
  if (declaration.credentials === null) return [];
  const exchange = input.exchanges.find(
    (candidate) =>
      candidate.response && candidate.probe.method === 'GET' && !candidate.probe.cookie && candidate.probe.purpose === 'allowed' && originAnswer(candidate.response, candidate.probe.origin).readable,
  );
  if (!exchange?.response) return [];
  const live = originAnswer(exchange.response, exchange.probe.origin).credentials;
  return live === declaration.credentials ? [] : [{ exchange, allowsMore: live, subject: 'credentials' }];
}

/** The first passing preflight, when its Access-Control-Max-Age differs from the number the code sets. */
function maxAgeDifference(preflights: readonly Exchange[], declaration: Declaration, credentialed: boolean): Exchange | null {
  if (declaration.maxAge === null) return null;
  const passing = preflights.find(
    (exchange) => exchange.response && judgePreflight(exchange.response, exchange.probe.origin ?? '', exchange.probe.requestMethod ?? 'GET', [], credentialed).failure === null,
  );
  if (!passing?.response) return null;
  return maxAgeSeconds(passing.response) === declaration.maxAge ? null : passing;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
