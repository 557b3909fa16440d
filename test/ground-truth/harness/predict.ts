/**
 * The prediction: the model's answer turned into what a client would observe for each probe. It interprets only the
 * model's output (`CorsPolicy`, `invalidOptions`) and the framework entry the model chose; it knows nothing about any
 * library itself. Where the model deliberately does not know (opaque values, origin functions whose answer depends on
 * the request), the prediction is `unknown` and nothing is compared.
 */
import type { Misuse } from '../../../src/frameworks/define-framework.js';
import type { CorsPolicy, ListSetting, Value } from '../../../src/model/index.js';
import { alternatives, invalidOptions, unsafeOriginPatterns } from '../../../src/model/index.js';
import type { ModelReading } from './model.js';
import { LOOK_ALIKE_PROBES, type Probe, type ProbeName, REQUEST_HEADERS, REQUEST_METHOD } from './probe.js';

/**
 * For a request with an Origin: `star` (ACAO `*`), `echo` (ACAO equal to the request origin), `denied` (the browser
 * would not let the page read it: no ACAO, or any other value), `flaky` (a stateful regex: allowed and denied in turn
 * for identical requests), `unknown`. For a request without an Origin: `star`, `absent` (no ACAO at all),
 * `not-star` (anything but `*`), `unknown`.
 */
export type OriginPrediction = 'star' | 'echo' | 'denied' | 'flaky' | 'unknown' | 'absent' | 'not-star';

/** A predicted list: tokens (compared as a set; header names case-insensitively), or unknown. */
export type ListPrediction = { tokens: string[] } | 'unknown';

export interface Predicted<T> {
  value: T;
  /** Which part of the model the prediction comes from; disagreements are grouped by it. */
  basis: string;
}

/** What the model says a browser gets from an origin value the library does not support, per probe where it matters. */
export interface MisusePrediction {
  effect: Misuse['effect'];
  basis: string;
  /** For `as-text`: the probes whose origin the text equals (a one-entry list of exactly that origin). */
  matches: ProbeName[];
}

export interface Prediction {
  /** The model says the origin is of a type the library does not support: its stated effect is checked instead. */
  misuse: MisusePrediction | null;
  /**
   * The model says the origin function never answers a callback-style framework (`async`, or never calls back): the
   * request hangs. Checked as such, with nothing else compared.
   */
  hang: string | null;
  /** The model says a list option of the wrong type crashes the middleware. */
  crash: string | null;
  /** The model says a list option of the wrong type is dropped: no such header. */
  dropped: ('methods' | 'allowedHeaders' | 'exposedHeaders')[];
  origin: Partial<Record<ProbeName, Predicted<OriginPrediction>>>;
  /** Probes carrying an origin that a rule's message says the policy lets in. */
  named: ProbeName[];
  /** The model finds no unsafe origin pattern in a policy of listed origins only: the look-alike probes are denied. */
  lookAlikesDenied: boolean;
  credentials: Predicted<boolean | 'unknown'>;
  methods: Predicted<ListPrediction>;
  allowedHeaders: Predicted<ListPrediction>;
  exposedHeaders: Predicted<ListPrediction>;
  /** The Max-Age header value, null for none. */
  maxAge: Predicted<string | null | 'unknown'>;
}

const REQUESTED_HEADERS = REQUEST_HEADERS.split(',');

function regexOf(value: Value): RegExp | null {
  if (value.kind !== 'regex') return null;
  try {
    // Whether it can match at all; statefulness is judged from the flags and the framework entry.
    return new RegExp(value.pattern, value.flags.replace(/[gy]/gu, ''));
  } catch {
    return null;
  }
}

function contains(outer: { range: [number, number] }, inner: { range: [number, number] }): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

const RANK: Record<OriginPrediction, number> = { star: 6, echo: 5, unknown: 4, flaky: 3, 'not-star': 2, absent: 1, denied: 0 };

function originFor(policy: CorsPolicy, probe: Probe): Predicted<OriginPrediction> {
  const framework = policy.framework;
  const origins = policy.allowedOrigins;
  if (probe.origin === null) {
    if (origins.length === 0) return { value: 'absent', basis: 'origin: nothing allowed' };
    const reflectedStar = policy.credentials.on && framework.origin.starWithCredentials === 'reflect';
    if (origins.every((origin) => origin.kind === 'any') && !reflectedStar) return { value: 'star', basis: 'origin: any' };
    if (origins.every((origin) => origin.kind === 'listed' && origin.value?.kind === 'string')) {
      return { value: 'not-star', basis: 'origin: listed strings' };
    }
    return { value: 'unknown', basis: 'origin: no Origin header, model does not say' };
  }
  const request = probe.origin;
  let best: Predicted<OriginPrediction> = { value: 'denied', basis: 'origin: not listed' };
  let statefulMatches = 0;
  const consider = (candidate: Predicted<OriginPrediction>): void => {
    if (RANK[candidate.value] > RANK[best.value]) best = candidate;
  };
  for (const origin of origins) {
    switch (origin.kind) {
      case 'any':
        consider(
          policy.credentials.on && framework.origin.starWithCredentials === 'reflect'
            ? { value: 'echo', basis: 'origin: any, reflected with credentials' }
            : { value: 'star', basis: 'origin: any' },
        );
        break;
      case 'reflect':
        consider({ value: 'echo', basis: `origin: reflect (${origin.via})` });
        break;
      case 'any-regex':
      case 'listed': {
        const value = origin.value;
        if (value?.kind === 'string') {
          if (value.value === request) consider({ value: 'echo', basis: 'origin: listed string' });
          else if (framework.origin.schemelessHostMatchesAnyScheme && !value.value.includes('://') && URL.canParse(request) && new URL(request).host === value.value) {
            consider({ value: 'echo', basis: 'origin: scheme-less host' });
          }
        } else if (value?.kind === 'regex') {
          const regex = regexOf(value);
          if (!regex) consider({ value: 'unknown', basis: 'origin: regex the model cannot compile' });
          else if (regex.test(request)) {
            // A regex written inside an options delegate is created anew per request: no state carries over.
            const fresh = policy.builtPerRequest !== null && contains(policy.builtPerRequest, value.node);
            const stateful = framework.origin.regex === 'stateful' && /[gy]/u.test(value.flags) && !fresh;
            if (stateful) statefulMatches += 1;
            consider(stateful ? { value: 'flaky', basis: 'origin: stateful regex' } : { value: 'echo', basis: `origin: ${origin.kind} regex` });
          }
        } else if (value === null) {
          // A check the model cannot evaluate ("a check that can deny"): it lets in no arbitrary unrelated origin.
          if (probe.name !== 'unrelated') consider({ value: 'unknown', basis: 'origin: a check' });
          else if (best.value === 'denied') best = { value: 'denied', basis: 'origin: a check, not open' };
        } else {
          consider({ value: 'unknown', basis: `origin: listed ${value.kind}` });
        }
        break;
      }
      case 'opaque':
        consider({ value: 'unknown', basis: 'origin: opaque' });
        break;
      default:
        consider({ value: 'unknown', basis: `origin: ${String(origin.kind)}` });
    }
  }
  // Several stateful regexes that match: each alternates, but in which phase the model cannot say.
  if (best.value === 'flaky' && statefulMatches > 1) return { value: 'unknown', basis: 'origin: several stateful regexes' };
  return best;
}

function listFor(setting: ListSetting, absent: ListPrediction, what: string, reflectTokens: string[]): Predicted<ListPrediction> {
  switch (setting.state) {
    case 'absent':
      return { value: absent, basis: `${what}: absent` };
    case 'list':
      return { value: { tokens: setting.tokens.map((token) => token.name) }, basis: `${what}: list${setting.tokens.length === 0 ? ' (empty)' : ''}${setting.hasStar ? ' with *' : ''}` };
    case 'reflect':
      return { value: { tokens: reflectTokens }, basis: `${what}: reflect` };
    default:
      return { value: 'unknown', basis: `${what}: ${setting.state}` };
  }
}

function maxAgeFor(policy: CorsPolicy): Predicted<string | null | 'unknown'> {
  const setting = policy.maxAge;
  if (setting.state === 'absent') return { value: null, basis: 'maxAge: absent' };
  if (setting.state === 'unknown') return { value: 'unknown', basis: 'maxAge: unknown' };
  const value = setting.value;
  if (value.kind === 'number') return { value: String(value.value), basis: value.value === 0 ? 'maxAge: 0' : 'maxAge: number' };
  return { value: 'unknown', basis: `maxAge: ${value.kind}` };
}

const unknownEverywhere = (probes: readonly Probe[], basis: string): Partial<Record<ProbeName, Predicted<OriginPrediction>>> =>
  Object.fromEntries(probes.map((probe) => [probe.name, { value: 'unknown', basis }]));

/** The kinds of unsafe origin pattern that let in origins anyone can register (or that the model cannot rule out). */
const LOOK_ALIKE_KINDS = new Set(['unanchored', 'unescaped-dot', 'look-alike-host', 'partial-match']);

/**
 * Extra probes for a configuration: each origin that `no-unsafe-origin-pattern` names in its message as one the
 * policy lets in (`origin.endsWith('example.com')` → `https://attackerexample.com`), at most two.
 */
export function verdictProbes(reading: ModelReading): Probe[] {
  const policy = reading.policy;
  if (!policy || policy.options.kind === 'opaque') return [];
  const named = new Set<string>();
  for (const finding of unsafeOriginPatterns(policy)) if ('example' in finding && finding.example) named.add(finding.example);
  return [...named].slice(0, 2).map((origin, index) => ({ name: `named-${index + 1}` as const, origin }));
}

/** The origin misuse the model flags (an unsupported type, or an async function sent as text), with its effect. */
function misuseFor(policy: CorsPolicy, probes: readonly Probe[]): MisusePrediction | null {
  const support = policy.framework.origin;
  for (const finding of invalidOptions(policy)) {
    if (finding.kind === 'origin-function' && support.function !== 'callback') {
      // An async function's promise is sent as the header text, `[object Promise]`: it matches no origin.
      return { effect: 'as-text', basis: `misuse: async origin function (${finding.problem})`, matches: [] };
    }
    if (finding.kind !== 'origin-type') continue;
    const misuse = support.misuse?.[finding.type];
    if (!misuse) return null;
    const oneEntry = policy.origin.state === 'set' ? alternatives(policy.origin.value).filter((value) => value.kind === 'array' && !value.set && value.elements.length === 1) : [];
    const texts = oneEntry.flatMap((value) => (value.kind === 'array' && value.elements[0]?.kind === 'string' ? [value.elements[0].value] : []));
    const matches = misuse.effect === 'as-text' ? probes.filter((probe) => probe.origin !== null && texts.includes(probe.origin)).map((probe) => probe.name) : [];
    return { effect: misuse.effect, basis: `misuse: origin ${finding.type} (${misuse.effect})`, matches };
  }
  return null;
}

export function predict(reading: ModelReading, probes: readonly Probe[]): Prediction {
  const policy = reading.policy;
  const named = probes.filter((probe) => probe.name.startsWith('named-')).map((probe) => probe.name);
  if (!policy) {
    const origin: Prediction['origin'] = Object.fromEntries(
      probes.map((probe): [ProbeName, Predicted<OriginPrediction>] => [probe.name, { value: probe.origin === null ? 'absent' : 'denied', basis: 'no policy' }]),
    );
    const none = { value: 'unknown' as const, basis: 'no policy' };
    return { misuse: null, hang: null, crash: null, dropped: [], origin, named, lookAlikesDenied: false, credentials: none, methods: none, allowedHeaders: none, exposedHeaders: none, maxAge: none };
  }
  const findings = invalidOptions(policy);
  const misuse = misuseFor(policy, probes);
  const hang = findings.find((finding) => finding.kind === 'origin-function' && policy.framework.origin.function === 'callback');
  const listFindings = findings.filter((finding) => finding.kind === 'list-type');
  const crash = listFindings.find((finding) => finding.effect === 'crash');
  const dropped = listFindings.filter((finding) => finding.effect === 'dropped').map((finding) => finding.field);

  const opaque = policy.options.kind === 'opaque';
  const origin = opaque ? unknownEverywhere(probes, 'options opaque') : Object.fromEntries(probes.map((probe) => [probe.name, originFor(policy, probe)]));
  const listedOnly = !opaque && policy.allowedOrigins.length > 0 && policy.allowedOrigins.every((allowed) => allowed.kind === 'listed');
  const lookAlikesDenied = listedOnly && !unsafeOriginPatterns(policy).some((finding) => LOOK_ALIKE_KINDS.has(finding.kind));
  const credentials: Predicted<boolean | 'unknown'> =
    policy.credentials.setting.state === 'unknown'
      ? { value: 'unknown', basis: 'credentials: unknown' }
      : { value: policy.credentials.on, basis: `credentials: ${policy.credentials.setting.state === 'absent' ? 'default' : 'set'} ${policy.credentials.on ? 'on' : 'off'}` };
  const defaults = policy.framework.defaultMethods;
  const methods = listFor(policy.methods, defaults === 'reflect' ? { tokens: [REQUEST_METHOD] } : { tokens: [...defaults] }, 'methods', [REQUEST_METHOD]);
  // Unset allowed headers: left to the framework, "which reflects whatever is asked" (verdicts.implicitHeaders).
  const allowedHeaders = listFor(policy.allowedHeaders, { tokens: REQUESTED_HEADERS }, 'allowedHeaders', REQUESTED_HEADERS);
  // Unset exposed headers expose nothing (verdicts.unexposedHeaders treats absent as an empty list).
  const exposedHeaders = listFor(policy.exposedHeaders, { tokens: [] }, 'exposedHeaders', []);
  if (exposedHeaders.basis === 'exposedHeaders: reflect') exposedHeaders.value = 'unknown';
  return {
    misuse,
    named,
    lookAlikesDenied: lookAlikesDenied && LOOK_ALIKE_PROBES.every((name) => probes.some((probe) => probe.name === name)),
    hang: hang?.kind === 'origin-function' ? `origin function ${hang.problem === 'async' ? 'is async' : 'never calls back'}` : null,
    crash: crash ? `${crash.key} of the wrong type` : null,
    dropped,
    origin,
    credentials,
    methods,
    allowedHeaders,
    exposedHeaders,
    maxAge: maxAgeFor(policy),
  };
}

export function describePrediction(value: OriginPrediction | ListPrediction | string | boolean | null): string {
  if (value === null) return '(none)';
  if (typeof value === 'object') return value.tokens.length === 0 ? '(none)' : value.tokens.join(',');
  return String(value);
}
