/**
 * Known, justified differences between the model and a library: behaviour the model deliberately does not describe
 * because no rule's verdict depends on it. Each entry says what the library does, why the model may ignore it, which
 * disagreements it covers (narrowly), and a witness: a configuration on which `exceptions.test.ts` checks, against
 * the running library, that the behaviour still holds and that the model still differs in exactly this way. When a
 * library changes, or the model learns the behaviour, that test fails and the entry must be revisited.
 *
 * Model bugs are never listed here: they stay failing in the framework suites.
 */
import type { Config, Target } from './harness/config.js';
import type { Axis, Disagreement } from './harness/compare.js';
import type { Observation } from './harness/probe.js';

export interface ExceptionWitness {
  config: Config;
  /** Null when the documented behaviour holds; otherwise what the library did instead. */
  check(observations: readonly Observation[]): string | null;
}

export interface ExceptionRule {
  id: string;
  target: readonly Target[];
  axis: Axis;
  /** What the library does that the model does not say. */
  behaviour: string;
  /** Why no verdict of the model depends on it. */
  reason: string;
  matches(disagreement: Disagreement, observations: readonly Observation[]): boolean;
  witnesses: readonly ExceptionWitness[];
}

const find = (observations: readonly Observation[], probe: Observation['probe'], kind: Observation['kind'], rep = 1): Observation | undefined =>
  observations.find((observation) => observation.probe === probe && observation.kind === kind && observation.rep === rep);

const observationOf = (disagreement: Disagreement, observations: readonly Observation[]): Observation | undefined =>
  disagreement.probe === '-' || disagreement.kind === '-' ? undefined : find(observations, disagreement.probe, disagreement.kind, disagreement.rep);

const tokens = (header: string | undefined): string[] =>
  (header ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);

/** The header names the probes send (Node's http client adds `host` and `connection`). */
const PROBE_REQUEST_HEADERS = new Set(['host', 'connection', 'origin', 'access-control-request-method', 'access-control-request-headers']);

const noOptions = (target: Target): Config => ({ target, form: 'call', options: null });
const withOptions = (target: Target, entries: [string, string][]): Config => ({
  target,
  form: 'call',
  options: { entries: entries.map(([key, src]) => [key, { src }]) },
});

export const EXCEPTIONS: readonly ExceptionRule[] = [
  {
    id: 'elysia-default-max-age',
    target: ['elysia'],
    axis: 'maxAge',
    behaviour: '@elysiajs/cors sends `Access-Control-Max-Age: 5` when `maxAge` is not set (its default is 5).',
    reason:
      'Five seconds is exactly what browsers use when the header is absent (Fetch standard; Chromium, Firefox and WebKit), so ' +
      'an unset maxAge and the default 5 behave identically; the model reads both as "no usable max-age".',
    matches: (disagreement) => disagreement.basis === 'maxAge: absent' && disagreement.actual === '5',
    witnesses: [
      {
        config: noOptions('elysia'),
        check: (observations) => {
          const value = find(observations, 'allowed', 'preflight')?.maxAge;
          return value === '5' ? null : `preflight Max-Age ${JSON.stringify(value)}`;
        },
      },
    ],
  },
  {
    id: 'elysia-default-expose-headers',
    target: ['elysia'],
    axis: 'exposedHeaders',
    behaviour:
      '@elysiajs/cors defaults to `exposeHeaders: true`, which exposes the names of the headers the *request* carried ' +
      '(so an ignored `exposedHeaders` key leaves that default in place).',
    reason:
      'It names request headers, never the response headers the application sets, so the model\'s one use of exposed ' +
      'headers (a custom response header the file sets that browser code cannot read) stays right; the misspelled ' +
      '`exposedHeaders` key is reported by `valid-options` as an unknown option.',
    matches: (disagreement, observations) => {
      if (disagreement.basis !== 'exposedHeaders: absent') return false;
      const observed = tokens(observationOf(disagreement, observations)?.aceh);
      return observed.length > 0 && observed.every((name) => PROBE_REQUEST_HEADERS.has(name));
    },
    witnesses: [
      {
        config: noOptions('elysia'),
        check: (observations) => {
          const exposed = tokens(find(observations, 'allowed', 'actual')?.aceh);
          return exposed.includes('origin') && exposed.every((name) => PROBE_REQUEST_HEADERS.has(name))
            ? null
            : `actual Expose-Headers ${JSON.stringify(exposed)}`;
        },
      },
    ],
  },
  {
    id: 'max-age-zero-not-sent',
    target: ['koa', 'koa2', 'elysia'],
    axis: 'maxAge',
    behaviour: '@koa/cors, koa2-cors and @elysiajs/cors test `maxAge` for truthiness, so `maxAge: 0` sends no Max-Age header.',
    reason:
      'The model keeps the value 0, and every verdict treats 0 like an absent max-age (require-explicit-headers asks for ' +
      '1–600 either way; valid-options flags only negative or over-long values), so no finding changes. In the browser ' +
      'the difference is 0 s versus the 5 s default.',
    matches: (disagreement) => disagreement.basis === 'maxAge: 0' && disagreement.actual === '(none)',
    witnesses: (['koa', 'koa2', 'elysia'] as const).map((target) => ({
      config: withOptions(target, [['maxAge', '0']]),
      check: (observations: readonly Observation[]) => {
        const preflight = find(observations, 'allowed', 'preflight');
        return preflight?.acao !== undefined && preflight.maxAge === undefined ? null : `preflight Max-Age ${JSON.stringify(preflight?.maxAge)}`;
      },
    })),
  },
  {
    id: 'koa2-cors-drops-credentials-with-star',
    target: ['koa2'],
    axis: 'credentials',
    behaviour:
      'koa2-cors, with `credentials: true` and a resolved origin of `*`, sends `Access-Control-Allow-Credentials: true` on ' +
      'preflights but removes it from actual responses.',
    reason:
      'With `Access-Control-Allow-Origin: *` a credentialed request fails the browser\'s CORS check whatever ' +
      'Allow-Credentials says, and an uncredentialed one ignores it, so the header has no effect; the model\'s verdict ' +
      '(credentials with a wildcard origin: credentialed requests fail) is the same either way.',
    matches: (disagreement, observations) =>
      disagreement.kind === 'actual' && disagreement.predicted === 'ACAC true' && observationOf(disagreement, observations)?.acao === '*',
    witnesses: [
      {
        config: withOptions('koa2', [
          ['origin', `'*'`],
          ['credentials', 'true'],
        ]),
        check: (observations) => {
          const preflight = find(observations, 'allowed', 'preflight');
          const actual = find(observations, 'allowed', 'actual');
          return preflight?.acac === 'true' && actual?.acao === '*' && actual.acac === undefined
            ? null
            : `preflight ACAC ${JSON.stringify(preflight?.acac)}, actual ACAO ${JSON.stringify(actual?.acao)} ACAC ${JSON.stringify(actual?.acac)}`;
        },
      },
    ],
  },
];
