/**
 * Verdicts: pure questions over the model, asked by the rules and by `cors-fix` alike. Each returns findings with the
 * node to report (or edit) and what was found; none looks at ESLint or at framework names.
 */
import { FRAMEWORKS } from '../frameworks/index.js';
import type { Field, Framework } from '../frameworks/define-framework.js';
import { type Node, contains } from './ast.js';
import type { AllowedOrigin, ChainEntry, CorsFile, CorsPolicy, HeaderWrite, ListSetting, MiddlewareChain, OptionEntry, PossibleList } from './cors-file.js';
import { PARTIAL_MATCH_METHODS } from './origin-checks.js';
import {
  type RegexProblem,
  type SerialisationReason,
  isLoopbackHost,
  isOriginLike,
  matchesEveryOrigin,
  type OriginLiteralFinding,
  originLiteralProblems,
  parseOrigin,
  partialMatchExample,
  regexProblems,
  serialisedOrigin,
} from './origin-patterns.js';
import { CREDENTIALED_REQUEST_HEADERS, EVENT_STREAM_REQUEST_HEADERS, SIMPLE_METHODS } from './explicit-lists.js';
import { type PolicyRoute, routesUnder } from './middleware-chain.js';
import { isCustomResponseHeader } from './read-header-writes.js';
import { type Value, alternatives } from './static-value.js';

/** Origins that let every site in: `*`, a regex that matches everything, or the request origin echoed unchecked. */
export function openOrigins(policy: CorsPolicy): AllowedOrigin[] {
  return policy.allowedOrigins.filter((origin) => origin.kind === 'any' || origin.kind === 'any-regex' || origin.kind === 'reflect');
}

/**
 * Open origins reported by `no-wildcard-origin`. A policy with credentials on whose only opening is reflection is left
 * to `no-credentials-with-wildcard`, which reports the worse case once.
 */
export function wildcardOrigins(policy: CorsPolicy): AllowedOrigin[] {
  const open = openOrigins(policy);
  if (policy.credentials.on && open.every((origin) => origin.kind === 'reflect')) return [];
  return open;
}

export type CredentialsFinding =
  | { kind: 'any-origin'; node: Node; origin: AllowedOrigin }
  | { kind: 'reflected-origin'; node: Node; origin: AllowedOrigin }
  | { kind: 'wildcard-list'; node: Node; list: 'methods' | 'allowedHeaders' | 'exposedHeaders' };

/**
 * With credentials on: a wildcard origin (browsers refuse `*` with credentials, so those requests fail), a reflected
 * or match-everything origin (every site can act as the user), or `*` in a methods/headers list (literal with
 * credentials, so it allows nothing).
 */
export function credentialsWithWildcard(policy: CorsPolicy): CredentialsFinding[] {
  if (!policy.credentials.on) return [];
  const findings: CredentialsFinding[] = openOrigins(policy).map((origin) =>
    origin.kind === 'any' && policy.framework.origin.starWithCredentials === 'literal'
      ? { kind: 'any-origin', node: origin.node, origin }
      : { kind: 'reflected-origin', node: origin.node, origin },
  );
  for (const list of ['methods', 'allowedHeaders', 'exposedHeaders'] as const) {
    const star = policy[list].tokens.find((token) => token.name === '*');
    if (star && policy.framework.listStar?.[list] !== 'expanded') findings.push({ kind: 'wildcard-list', node: star.node, list });
  }
  return findings;
}

/** A string or regex origin the file spells out. */
export interface LiteralOrigin {
  node: Node;
  text: string;
  kind: 'string' | 'regex';
  /** Loopback (`localhost`, `127.0.0.1`): usually a development origin left in. */
  loopback: boolean;
}

/**
 * Origins written into the code: allowed-origin values, Allow-Origin header values, and what origin callbacks and
 * header guards compare the request origin with.
 */
export function hardcodedOrigins(policy: CorsPolicy): LiteralOrigin[] {
  const found = new Map<Node, LiteralOrigin>();
  const add = (value: Value): void => {
    for (const option of alternatives(value)) {
      if (option.kind === 'array') {
        for (const element of option.elements) add(element);
      } else if (option.kind === 'string' && isOriginLike(option.value)) {
        const host = parseOrigin(option.value)?.host ?? '';
        found.set(option.node, { node: option.node, text: option.value, kind: 'string', loopback: isLoopbackHost(host) });
      } else if (option.kind === 'regex' && !matchesEveryOrigin(option)) {
        found.set(option.node, { node: option.node, text: `/${option.pattern}/${option.flags}`, kind: 'regex', loopback: /localhost|127\\?\.0/u.test(option.pattern) });
      }
    }
  };
  for (const origin of policy.allowedOrigins) if (origin.kind === 'listed' && origin.value) add(origin.value);
  for (const check of policy.originChecks) {
    if (!check.against) continue;
    if (check.form === 'receiver-method') {
      // `origin.startsWith('https://app.example.com')` compares with an origin, `origin.match(/^https:…$/)` with a
      // pattern; `origin.endsWith('.example.com')` names no origin.
      for (const option of alternatives(check.against)) if (option.kind === 'string' || option.kind === 'regex') add(option);
    } else {
      add(check.against);
    }
  }
  return [...found.values()];
}

export type UnsafePattern =
  /** `example`: an origin anyone can register that the pattern accepts (for look-alike hosts always one). */
  | { kind: RegexProblem; node: Node; text: string; example: string | null; host: string | null }
  /** `example`: an origin anyone can register that the check accepts, when one follows from what it compares with. */
  | { kind: 'partial-match'; node: Node; method: string; example: string | null }
  | { kind: 'null-origin'; node: Node }
  /** A host without a scheme, which the framework matches over `http://` too. */
  | { kind: 'schemeless-host'; node: Node; text: string }
  | { kind: 'insecure-scheme' | 'uppercase-host'; node: Node; text: string }
  /** Never what a browser sends; `serialised` is what it sends instead. */
  | { kind: 'not-serialised'; node: Node; text: string; reason: SerialisationReason; serialised: string | null };

/** Origin checks and values that can be fooled or never match (rule `no-unsafe-origin-pattern`). */
export function unsafeOriginPatterns(policy: CorsPolicy): UnsafePattern[] {
  const findings: UnsafePattern[] = [];
  const seen = new Set<string>();
  const push = (finding: UnsafePattern): void => {
    const key = `${finding.kind}:${finding.node.range.join(':')}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  const inspect = (value: Value, statefulMatters: boolean): void => {
    for (const option of alternatives(value)) {
      if (option.kind === 'array') {
        for (const element of option.elements) inspect(element, statefulMatters);
      } else if (option.kind === 'regex' && !matchesEveryOrigin(option)) {
        for (const problem of regexProblems(option)) {
          if (problem.problem === 'stateful-flag' && !statefulMatters) continue;
          push({ kind: problem.problem, node: option.node, text: `/${option.pattern}/${option.flags}`, example: problem.example, host: problem.host });
        }
      } else if (option.kind === 'string') {
        if (option.value.trim() === 'null') push({ kind: 'null-origin', node: option.node });
        else if (isOriginLike(option.value)) for (const problem of originLiteralProblems(option.value)) push(literalFinding(problem, option.node, option.value));
      }
    }
  };
  const statefulOption = policy.framework.origin.regex === 'stateful';
  const perRequest = policy.builtPerRequest;
  for (const origin of policy.allowedOrigins) {
    if (!origin.value || origin.kind !== 'listed') continue;
    // A regex written inside an options delegate is created anew for every request: its state never carries over.
    inspect(origin.value, statefulOption && !(perRequest && contains(perRequest, origin.value.node)));
    const text = origin.value.kind === 'string' ? origin.value.value : null;
    if (text && policy.framework.origin.schemelessHostMatchesAnyScheme && isSchemelessHost(text)) {
      push({ kind: 'schemeless-host', node: origin.value.node, text });
    }
  }
  for (const check of policy.originChecks) {
    if (check.form === 'receiver-method' && check.method && PARTIAL_MATCH_METHODS.has(check.method)) {
      push({ kind: 'partial-match', node: check.node, method: check.method, example: check.deniesOnMatch ? null : partialExample(check.method, check.against) });
    }
    if (!check.against) continue;
    if (check.form === 'receiver-method') {
      for (const option of alternatives(check.against)) if (option.kind === 'regex') inspect(option, false);
    } else if (!check.deniesOnMatch) {
      // A regex tested in user code is stateful whatever the framework.
      inspect(check.against, true);
    }
  }
  return findings;
}

/** The first origin anyone can register that `origin.<method>(part)` accepts, over the parts the file shows. */
function partialExample(method: string, against: Value | null): string | null {
  const parts = against ? alternatives(against).flatMap((option) => (option.kind === 'array' ? option.elements.flatMap((element) => alternatives(element)) : [option])) : [];
  for (const part of parts) {
    const example = part.kind === 'string' ? partialMatchExample(method, part.value) : null;
    if (example) return example;
  }
  return null;
}

function literalFinding(problem: OriginLiteralFinding, node: Node, text: string): UnsafePattern {
  if (problem.problem === 'not-serialised') return { kind: 'not-serialised', node, text, reason: problem.reason, serialised: serialisedOrigin(text) };
  return { kind: problem.problem, node, text };
}

/** `app.example.com`: a host written without a scheme. */
function isSchemelessHost(text: string): boolean {
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/iu.test(text);
}

export type ExplicitHeadersFinding =
  | { kind: 'default-methods'; node: Node }
  | { kind: 'default-headers'; node: Node }
  /** `*` in a list: `literal` when the framework sends it as is (with credentials browsers then read it as a name). */
  | { kind: 'wildcard-methods' | 'wildcard-headers'; node: Node; literal: boolean }
  /** An explicit methods list without methods that routes under the policy use (their preflights fail). */
  | { kind: 'missing-route-methods'; node: Node; methods: string[]; routes: PolicyRoute[] }
  | { kind: 'reflected-headers'; node: Node }
  | { kind: 'unexposed-header'; node: Node; header: string; write: HeaderWrite }
  | { kind: 'missing-credentials-header'; node: Node; header: string }
  | { kind: 'max-age'; node: Node };

/** Longest preflight cache every browser engine honours in full (WebKit caps at 600 s). */
export const MAX_PORTABLE_MAX_AGE = 600;

/** Methods and headers left to the framework (which reflects whatever is asked) or `*`; custom headers not exposed. */
export function implicitHeaders(policy: CorsPolicy, file: CorsFile, requireMaxAge = false): ExplicitHeadersFinding[] {
  const findings: ExplicitHeadersFinding[] = [];
  const headerPolicy = policy.options.kind === 'headers';
  if (policy.options.kind === 'opaque' || (!headerPolicy && policy.framework.optionNames === null)) return findings;
  const { methods, allowedHeaders } = policy;
  if (methods.state === 'absent' && !headerPolicy) findings.push({ kind: 'default-methods', node: policy.reportNode });
  const methodStar = methods.tokens.find((token) => token.name === '*');
  if (methodStar) findings.push({ kind: 'wildcard-methods', node: methodStar.node, literal: policy.framework.listStar?.methods !== 'expanded' });
  findings.push(...missingRouteMethods(policy, file));
  if (allowedHeaders.state === 'absent' && !headerPolicy) findings.push({ kind: 'default-headers', node: policy.reportNode });
  const headerStar = allowedHeaders.tokens.find((token) => token.name === '*');
  if (headerStar) findings.push({ kind: 'wildcard-headers', node: headerStar.node, literal: policy.framework.listStar?.allowedHeaders !== 'expanded' });
  if (allowedHeaders.state === 'reflect' && allowedHeaders.node) findings.push({ kind: 'reflected-headers', node: allowedHeaders.node });
  if (policy.credentials.on) {
    for (const list of explicitLists(allowedHeaders)) {
      for (const header of CREDENTIALED_REQUEST_HEADERS) {
        if (!listHas(list, header)) findings.push({ kind: 'missing-credentials-header', node: list.node, header });
      }
    }
  }
  for (const write of unexposedHeaders(policy, file)) {
    findings.push({ kind: 'unexposed-header', node: policy.exposedHeaders.node ?? policy.reportNode, header: write.name, write });
  }
  if (requireMaxAge && !headerPolicy) {
    const maxAge = policy.maxAge;
    const ok =
      maxAge.state === 'unknown' ||
      (maxAge.state === 'set' && alternatives(maxAge.value).every((value) => value.kind !== 'number' || (value.value >= 1 && value.value <= MAX_PORTABLE_MAX_AGE)) && alternatives(maxAge.value).some((value) => value.kind !== 'nullish'));
    if (!ok) findings.push({ kind: 'max-age', node: maxAge.state === 'set' ? maxAge.node : policy.reportNode });
  }
  return findings;
}

/**
 * Explicit methods lists of an options policy that lack a method (other than GET, HEAD and POST) of a route the file
 * registers under the policy: cross-origin calls to that route fail their preflight.
 */
function missingRouteMethods(policy: CorsPolicy, file: CorsFile): ExplicitHeadersFinding[] {
  if (policy.options.kind !== 'object') return [];
  const simple = new Set<string>(SIMPLE_METHODS);
  const routes = routesUnder(policy, file).filter((route) => !simple.has(route.method));
  if (routes.length === 0) return [];
  return explicitLists(policy.methods).flatMap((list) => {
    const missing = routes.filter((route) => !listHas(list, route.method));
    const methods = [...new Set(missing.map((route) => route.method))];
    return methods.length > 0 ? [{ kind: 'missing-route-methods' as const, node: list.node, methods, routes: missing }] : [];
  });
}

/** Custom response headers the file sets that the policy does not expose to browser code. */
export function unexposedHeaders(policy: CorsPolicy, file: CorsFile): HeaderWrite[] {
  const exposed = policy.exposedHeaders;
  if (exposed.state !== 'absent' && exposed.state !== 'list') return [];
  if (exposed.hasStar && !policy.credentials.on) return [];
  const missing = new Map<string, HeaderWrite>();
  for (const write of file.responseHeaders) {
    if (isCustomResponseHeader(write) && !hasToken(exposed, write.name) && !missing.has(write.key)) missing.set(write.key, write);
  }
  return [...missing.values()];
}

export function hasToken(list: ListSetting, name: string): boolean {
  return listHas(list, name);
}

function listHas(list: { tokens: readonly { name: string }[] }, name: string): boolean {
  const wanted = name.toLowerCase();
  return list.tokens.some((token) => token.name.toLowerCase() === wanted);
}

/** The possible values of a list setting that the file shows completely and that do not contain `*`. */
function explicitLists(setting: ListSetting): PossibleList[] {
  // A value that echoes the request (`req.headers['access-control-request-headers'] ?? ''`) is no list.
  if (setting.state === 'reflect') return [];
  return setting.lists.filter((list) => list.complete && !list.tokens.some((token) => token.name === '*'));
}

/** In a file that serves SSE: an explicit allowed-headers list without what fetch-based SSE clients send. */
export function missingEventStreamHeaders(policy: CorsPolicy, file: CorsFile): { node: Node; header: string }[] {
  if (file.eventStreams.length === 0) return [];
  return explicitLists(policy.allowedHeaders).flatMap((list) =>
    EVENT_STREAM_REQUEST_HEADERS.filter((header) => !listHas(list, header)).map((header) => ({ node: list.node, header })),
  );
}

export interface OrderFinding {
  kind: 'after-auth' | 'after-route' | 'after-init';
  /** The CORS registration. */
  node: Node;
  /** What was registered before it. */
  earlier: ChainEntry;
  policy: CorsPolicy;
}

/** CORS registered after middleware that answers preflights first (per app object, never file-wide). */
export function misorderedCors(chain: MiddlewareChain): OrderFinding[] {
  const findings: OrderFinding[] = [];
  for (const entry of chain.entries) {
    const policy = entry.policy;
    if (!policy) continue;
    const earlier = chain.entries.filter((other) => other.position < entry.position);
    const order = policy.framework.order;
    const auth = order.afterAuth ? earlier.find((other) => other.auth) : undefined;
    const route = order.afterRoutes ? earlier.find((other) => other.route) : undefined;
    const init = order.afterInit ? earlier.find((other) => other.init) : undefined;
    if (auth) findings.push({ kind: 'after-auth', node: entry.node, earlier: auth, policy });
    if (route) findings.push({ kind: 'after-route', node: entry.node, earlier: route, policy });
    if (init) findings.push({ kind: 'after-init', node: entry.node, earlier: init, policy });
  }
  return findings;
}

export type OptionFinding =
  | { kind: 'unknown-option'; node: Node; key: string; suggestion: string | null; entry: OptionEntry }
  | { kind: 'credentials-type'; node: Node; value: string; effect: 'on' | 'off' }
  | { kind: 'max-age-range'; node: Node; value: number }
  | { kind: 'origin-type'; node: Node; type: 'boolean' | 'regex' | 'array' | 'set' | 'string' }
  | { kind: 'star-in-array'; node: Node }
  | { kind: 'list-type'; node: Node; field: 'methods' | 'allowedHeaders' | 'exposedHeaders'; key: string; effect: 'crash' | 'dropped' }
  | { kind: 'origin-function'; node: Node; problem: 'never-calls-back' | 'async' };

/** The largest preflight cache any browser honours (Firefox); above it the value is cut down everywhere. */
export const MAX_BROWSER_MAX_AGE = 86_400;

/** Options that the framework ignores, misreads or crashes on. */
export function invalidOptions(policy: CorsPolicy): OptionFinding[] {
  const findings: OptionFinding[] = [];
  const framework = policy.framework;
  if (policy.options.kind !== 'object' || !framework.optionNames) return findings;
  const known = new Set([...Object.values(framework.optionNames).flat(), ...framework.otherOptions]);
  for (const entry of policy.options.entries) {
    if (!known.has(entry.key)) {
      findings.push({ kind: 'unknown-option', node: entry.keyNode, key: entry.key, suggestion: suggestOption(entry.key, framework), entry });
    }
  }
  const credentials = policy.credentials.setting;
  if (credentials.state === 'set') {
    for (const value of alternatives(credentials.value)) {
      if (value.kind === 'string' || value.kind === 'number') {
        const on = framework.credentials === 'truthy' && Boolean(value.value);
        findings.push({ kind: 'credentials-type', node: value.node, value: JSON.stringify(value.value), effect: on ? 'on' : 'off' });
      }
    }
  }
  if (policy.maxAge.state === 'set') {
    for (const value of alternatives(policy.maxAge.value)) {
      if (value.kind === 'number' && (value.value < 0 || value.value > MAX_BROWSER_MAX_AGE)) findings.push({ kind: 'max-age-range', node: value.node, value: value.value });
    }
  }
  const origin = policy.origin;
  if (origin.state === 'set') {
    const support = framework.origin;
    for (const value of alternatives(origin.value)) {
      if (value.kind === 'boolean' && support.booleanTrue === 'unsupported') findings.push({ kind: 'origin-type', node: value.node, type: 'boolean' });
      if (value.kind === 'string' && support.string === 'unsupported') findings.push({ kind: 'origin-type', node: value.node, type: 'string' });
      if (value.kind === 'regex' && support.regex === 'unsupported') findings.push({ kind: 'origin-type', node: value.node, type: 'regex' });
      if (value.kind === 'array' && value.set && support.misuse?.set) findings.push({ kind: 'origin-type', node: value.node, type: 'set' });
      else if (value.kind === 'array' && support.array === 'unsupported') findings.push({ kind: 'origin-type', node: value.node, type: 'array' });
      if (value.kind === 'array' && support.array === 'supported' && support.regex === 'unsupported') {
        for (const element of value.elements) if (element.kind === 'regex') findings.push({ kind: 'origin-type', node: element.node, type: 'regex' });
      }
    }
  }
  for (const star of policy.unmatchableStars) findings.push({ kind: 'star-in-array', node: star });
  for (const fn of policy.originFunctions) {
    if (framework.origin.function === 'callback' && !fn.callsBack) findings.push({ kind: 'origin-function', node: fn.node, problem: fn.async ? 'async' : 'never-calls-back' });
    else if (framework.origin.functionMustBeSync && fn.async) findings.push({ kind: 'origin-function', node: fn.node, problem: 'async' });
  }
  for (const field of ['methods', 'allowedHeaders', 'exposedHeaders'] as const) {
    const shape = framework.lists[field];
    const setting = policy[field].setting;
    if (shape === 'string-or-array' || setting.state !== 'set') continue;
    for (const value of alternatives(setting.value)) {
      // An empty string is skipped by every package; only a real list written as a string breaks.
      if (value.kind === 'string' && value.value.trim() !== '') {
        const key = policy.options.entries.find((entry) => entry.field === field)?.key ?? field;
        findings.push({ kind: 'list-type', node: value.node, field, key, effect: shape === 'array-only-string-dropped' ? 'dropped' : 'crash' });
      }
    }
  }
  return findings;
}

/** The framework's own name for what another framework calls `key`, or its closest option name. */
export function suggestOption(key: string, framework: Framework): string | null {
  const names = framework.optionNames;
  if (!names) return null;
  for (const other of FRAMEWORKS) {
    if (!other.optionNames) continue;
    for (const field of Object.keys(other.optionNames) as Field[]) {
      if (other.optionNames[field].includes(key)) return names[field][0] ?? null;
    }
  }
  const candidates = [...Object.values(names).flat(), ...framework.otherOptions];
  let best: { name: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(candidate.toLowerCase(), key.toLowerCase());
    if (distance <= Math.max(2, Math.floor(candidate.length / 4)) && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
