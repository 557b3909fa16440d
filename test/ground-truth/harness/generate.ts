/**
 * fast-check generators: option objects each library accepts (with its own option names and value types, taken from
 * the libraries' documentation and types, not from the model), plus the documented misuse cases the model flags.
 */
import fc from 'fast-check';
import type { Config, Expr, Form, OptionsSpec, Target } from './config.js';

/** The fixed seed; `GT_SEED` overrides it to explore, `GT_SCALE` multiplies the run counts. */
export const DEFAULT_SEED = 424242;

export function seed(): number {
  const fromEnv = Number(process.env.GT_SEED);
  return Number.isInteger(fromEnv) && process.env.GT_SEED !== '' && process.env.GT_SEED !== undefined ? fromEnv : DEFAULT_SEED;
}

export function runsFor(target: Target): number {
  const base = target === 'nest-express' || target === 'nest-fastify' ? 150 : 300;
  const scale = Number(process.env.GT_SCALE);
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(base * scale)) : base;
}

const src = (text: string): Expr => ({ src: text });
const list = (...items: string[]): Expr => ({ items: items.map(src) });

// Origins ---------------------------------------------------------------------------------------------------------

const STAR = `'*'`;
const ORIGIN_STRINGS = [
  `'https://app.example.com'`,
  `'https://other.example.org'`,
  // Trailing slash and upper-case host: never equal to a serialised origin.
  `'https://app.example.com/'`,
  `'https://APP.example.com'`,
  `'HTTPS://APP.EXAMPLE.COM'`,
  `'null'`,
  `'http://app.example.com'`,
  // The default port (browsers never send it) and another port.
  `'https://app.example.com:443'`,
  `'https://app.example.com:8443'`,
  // Scheme-less host (Elysia documents it as matching any scheme).
  `'app.example.com'`,
];
const REGEXES = [
  String.raw`/^https:\/\/app\.example\.com$/`,
  String.raw`/app\.example\.com/`,
  String.raw`/^https:\/\/app\.example\.com/`,
  String.raw`/\.example\.com$/`,
  String.raw`/^https:\/\/APP\.example\.com$/i`,
  String.raw`/^null$/`,
  // Look-alike hosts: an open run before the domain, an unescaped dot; and the safe subdomain form.
  String.raw`/^https:\/\/.*example\.com$/`,
  String.raw`/^https:\/\/\w+example\.com$/`,
  String.raw`/^https:\/\/app.example\.com$/`,
  String.raw`/^https:\/\/([a-z0-9-]+\.)*example\.com$/`,
  // Regexes that match every origin.
  String.raw`/.*/`,
  String.raw`/^https?:\/\/.*$/`,
];
const G_REGEXES = [String.raw`/app\.example\.com/g`, String.raw`/^https:\/\/app\.example\.com$/g`, String.raw`/^https?:\/\/.*$/g`];

/** An origin the file cannot show (the environment variable is set at runtime to the allowed origin). */
const ENV_ORIGIN = 'process.env.GT_ORIGIN';

const CALLBACKS = [
  `(origin, cb) => cb(null, true)`,
  `(origin, cb) => cb(null, false)`,
  `(origin, callback) => callback(null, origin === 'https://app.example.com')`,
  `(origin, cb) => cb(null, ['https://app.example.com', 'https://other.example.org'])`,
  `function (origin, callback) { callback(null, true); }`,
  // Checks of part of the origin, and an exact allowlist.
  `(origin, cb) => cb(null, !origin || origin.endsWith('example.com'))`,
  `(origin, cb) => cb(null, Boolean(origin && origin.startsWith('https://app.example.com')))`,
  String.raw`(origin, cb) => cb(null, !origin || /^https:\/\/.*example\.com$/.test(origin))`,
  `(origin, cb) => cb(null, ['https://app.example.com'].includes(origin))`,
];
const ASYNC_RETURNS = [`async () => true`, `async () => false`, `async (origin) => origin === 'https://app.example.com'`];
const HONO_FUNCTIONS = [
  `(origin) => origin`,
  `() => null`,
  `(origin) => (origin === 'https://app.example.com' ? origin : null)`,
  `() => 'https://app.example.com'`,
  `async (origin, c) => origin`,
  `(origin) => (origin.endsWith('example.com') ? origin : null)`,
  String.raw`(origin) => (/^https:\/\/\w+example\.com$/.test(origin) ? origin : null)`,
];
const KOA_FUNCTIONS = [
  `(ctx) => ctx.get('Origin')`,
  `() => ''`,
  `(ctx) => (ctx.get('Origin') === 'https://app.example.com' ? ctx.get('Origin') : '')`,
  `() => 'https://app.example.com'`,
  `(ctx) => ctx.request.header.origin`,
  `(ctx) => (ctx.get('Origin').includes('example.com') ? ctx.get('Origin') : '')`,
];
const KOA_ASYNC_FUNCTIONS = [`async (ctx) => ctx.get('Origin')`];
const ELYSIA_PREDICATES = [
  `() => true`,
  `() => false`,
  `(request) => request.headers.get('Origin') === 'https://app.example.com'`,
  `(request) => (request.headers.get('Origin') ?? '').endsWith('example.com')`,
];
/** A Set of origins: no package accepts one (the model flags it, with the effect each package has). */
const SETS = [`new Set(['https://app.example.com'])`];

const pick = (values: readonly string[]): fc.Arbitrary<Expr> => fc.constantFrom(...values).map(src);

function arrayOf(elements: fc.Arbitrary<Expr>, max = 3): fc.Arbitrary<Expr> {
  return fc.array(elements, { minLength: 1, maxLength: max }).map((items) => ({ items }));
}

/** Weighted choice among arbitraries. */
function weighted(...entries: [number, fc.Arbitrary<Expr>][]): fc.Arbitrary<Expr> {
  return fc.oneof(...entries.filter(([weight]) => weight > 0).map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

function originArbitrary(target: Target): fc.Arbitrary<Expr> {
  const strings = pick(ORIGIN_STRINGS);
  const regexes = pick(REGEXES);
  const gRegexes = pick(G_REGEXES);
  const env = fc.constant(src(ENV_ORIGIN));
  switch (target) {
    case 'express':
    case 'nest-express':
    case 'socket.io':
    case 'fastify':
    case 'nest-fastify': {
      const fastify = target === 'fastify' || target === 'nest-fastify';
      const elements = weighted([5, strings], [3, regexes], [1, gRegexes], [1, fc.constant(src(STAR))]);
      return weighted(
        [2, fc.constant(src(STAR))],
        [2, pick(['true', 'false'])],
        [4, strings],
        [3, regexes],
        [2, gRegexes],
        [5, arrayOf(elements)],
        [3, pick(fastify ? [...CALLBACKS, ...ASYNC_RETURNS] : CALLBACKS)],
        [1, env],
        // Documented misuse the model flags for express `cors`: an async origin function (the request hangs).
        [fastify ? 0 : 1, pick(ASYNC_RETURNS.slice(0, 1))],
        // A Set, which both packages treat as `true`.
        [1, pick(SETS)],
      );
    }
    case 'hono':
      return weighted(
        [2, fc.constant(src(STAR))],
        [4, strings],
        [4, arrayOf(weighted([5, strings], [1, fc.constant(src(STAR))]))],
        [4, pick(HONO_FUNCTIONS)],
        [1, env],
        // Documented misuse the model flags: `true`, RegExps and Sets (500 on every request).
        [2, pick(['true', ...REGEXES.slice(0, 2), ...SETS])],
      );
    case 'koa':
    case 'koa2':
      return weighted(
        [3, fc.constant(src(STAR))],
        [5, strings],
        [5, pick(target === 'koa' ? [...KOA_FUNCTIONS, ...KOA_ASYNC_FUNCTIONS] : KOA_FUNCTIONS)],
        [1, env],
        // Documented misuse the model flags: `true`, RegExps, Sets and arrays (sent as text; a one-entry list works).
        [2, fc.oneof(pick(['true', REGEXES[0] as string, ...SETS]), arrayOf(strings, 2))],
      );
    case 'elysia': {
      const elements = weighted([5, strings], [3, regexes], [1, gRegexes], [1, fc.constant(src(STAR))], [1, pick(ELYSIA_PREDICATES)]);
      return weighted(
        [2, fc.constant(src(STAR))],
        [2, pick(['true', 'false'])],
        [4, strings],
        [3, regexes],
        [2, gRegexes],
        [4, arrayOf(elements)],
        [3, pick(ELYSIA_PREDICATES)],
        [1, env],
      );
    }
    default:
      throw new Error(String(target));
  }
}

// Lists -----------------------------------------------------------------------------------------------------------

type ListField = 'methods' | 'allowedHeaders' | 'exposedHeaders';

const LIST_VALUES: Record<ListField, { arrays: string[][]; strings: string[] }> = {
  methods: {
    arrays: [['GET', 'POST'], ['GET', 'PUT', 'POST', 'DELETE'], ['PUT'], ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], ['*'], []],
    strings: ['GET,PUT,POST', 'GET, POST', '*', ''],
  },
  allowedHeaders: {
    arrays: [['Content-Type', 'Authorization'], ['authorization', 'x-custom'], ['X-Custom'], ['*'], []],
    strings: ['Content-Type,Authorization', 'Authorization, X-Custom', '*', ''],
  },
  exposedHeaders: {
    arrays: [['X-Total-Count'], ['X-Total-Count', 'X-Request-Id'], ['*'], []],
    strings: ['X-Total-Count', 'X-Total-Count,X-Request-Id', '*', ''],
  },
};

const quote = (text: string): string => `'${text}'`;

/**
 * A list option. `shape`: which types the library accepts (`string-or-array`, or `array` only: then a string is the
 * documented misuse, generated rarely); `reflectTrue`: `true` is accepted (Elysia).
 */
function listArbitrary(field: ListField, shape: 'string-or-array' | 'array', reflectTrue = false): fc.Arbitrary<Expr> {
  const values = LIST_VALUES[field];
  const arrays = fc.constantFrom(...values.arrays).map((items) => list(...items.map(quote)));
  const strings = fc.constantFrom(...values.strings).map((text) => src(quote(text)));
  return weighted([6, arrays], [shape === 'string-or-array' ? 4 : 1, strings], [reflectTrue ? 1 : 0, fc.constant(src('true'))]);
}

const MAX_AGES = ['0', '5', '600', '7200', '86400', '100000', '-1'];

// Options per library -------------------------------------------------------------------------------------------------

/** Each library's own option names (cors-semantics.md, table 2.1). */
const NAMES: Record<Target, Record<'origin' | 'credentials' | ListField | 'maxAge', string>> = {
  express: { origin: 'origin', credentials: 'credentials', methods: 'methods', allowedHeaders: 'allowedHeaders', exposedHeaders: 'exposedHeaders', maxAge: 'maxAge' },
  fastify: { origin: 'origin', credentials: 'credentials', methods: 'methods', allowedHeaders: 'allowedHeaders', exposedHeaders: 'exposedHeaders', maxAge: 'maxAge' },
  hono: { origin: 'origin', credentials: 'credentials', methods: 'allowMethods', allowedHeaders: 'allowHeaders', exposedHeaders: 'exposeHeaders', maxAge: 'maxAge' },
  koa: { origin: 'origin', credentials: 'credentials', methods: 'allowMethods', allowedHeaders: 'allowHeaders', exposedHeaders: 'exposeHeaders', maxAge: 'maxAge' },
  koa2: { origin: 'origin', credentials: 'credentials', methods: 'allowMethods', allowedHeaders: 'allowHeaders', exposedHeaders: 'exposeHeaders', maxAge: 'maxAge' },
  'nest-express': { origin: 'origin', credentials: 'credentials', methods: 'methods', allowedHeaders: 'allowedHeaders', exposedHeaders: 'exposedHeaders', maxAge: 'maxAge' },
  'nest-fastify': { origin: 'origin', credentials: 'credentials', methods: 'methods', allowedHeaders: 'allowedHeaders', exposedHeaders: 'exposedHeaders', maxAge: 'maxAge' },
  'socket.io': { origin: 'origin', credentials: 'credentials', methods: 'methods', allowedHeaders: 'allowedHeaders', exposedHeaders: 'exposedHeaders', maxAge: 'maxAge' },
  elysia: { origin: 'origin', credentials: 'credentials', methods: 'methods', allowedHeaders: 'allowedHeaders', exposedHeaders: 'exposeHeaders', maxAge: 'maxAge' },
};

/** Names other libraries use for a list field, which this library ignores (Elysia's `exposedHeaders` trap). */
const FOREIGN_NAMES: Partial<Record<Target, string[]>> = {
  express: ['allowMethods', 'allowHeaders', 'exposeHeaders'],
  fastify: ['allowHeaders', 'exposeHeaders'],
  hono: ['methods', 'allowedHeaders', 'exposedHeaders'],
  koa: ['methods', 'allowedHeaders', 'exposedHeaders'],
  koa2: ['allowedHeaders', 'exposedHeaders'],
  elysia: ['exposedHeaders', 'allowHeaders'],
};

function listShape(target: Target): 'string-or-array' | 'array' {
  return target === 'hono' || target === 'koa2' ? 'array' : 'string-or-array';
}

function optionsArbitrary(target: Target): fc.Arbitrary<OptionsSpec> {
  const names = NAMES[target];
  const shape = listShape(target);
  const elysia = target === 'elysia';
  const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 2) => fc.option(arbitrary, { nil: undefined, freq });
  const foreign = FOREIGN_NAMES[target];
  return fc
    .record({
      origin: optional(originArbitrary(target), 4),
      credentials: optional(pick(['true', 'false', `'true'`])),
      methods: optional(listArbitrary('methods', shape, elysia)),
      allowedHeaders: optional(listArbitrary('allowedHeaders', shape, elysia)),
      exposedHeaders: optional(listArbitrary('exposedHeaders', shape)),
      maxAge: optional(pick(MAX_AGES)),
      foreign: foreign
        ? optional(fc.tuple(fc.constantFrom(...foreign), fc.constantFrom(...LIST_VALUES.allowedHeaders.arrays.slice(0, 3))), 12)
        : fc.constant(undefined),
    })
    .map((record) => {
      const entries: [string, Expr][] = [];
      for (const field of ['origin', 'credentials', 'methods', 'allowedHeaders', 'exposedHeaders', 'maxAge'] as const) {
        const value = record[field];
        if (value !== undefined) entries.push([names[field], value]);
      }
      if (record.foreign) entries.push([record.foreign[0], list(...record.foreign[1].map(quote))]);
      return { entries };
    });
}

function formArbitrary(target: Target): fc.Arbitrary<Form> {
  if (target === 'nest-express' || target === 'nest-fastify') return fc.constantFrom<Form>('call', 'create');
  if (target === 'socket.io') {
    return fc.oneof(
      { weight: 20, arbitrary: fc.constant<Form>('server') },
      { weight: 1, arbitrary: fc.constant<Form>('server-no-cors') },
      { weight: 1, arbitrary: fc.constant<Form>('server-cors-false') },
    );
  }
  if (target === 'express') {
    return fc.oneof({ weight: 5, arbitrary: fc.constant<Form>('call') }, { weight: 1, arbitrary: fc.constant<Form>('delegate') });
  }
  return fc.constant<Form>('call');
}

export function configArbitrary(target: Target): fc.Arbitrary<Config> {
  return fc
    .record({
      form: formArbitrary(target),
      // One in twenty: no options at all (`cors()`, `cors: true`).
      options: fc.option(optionsArbitrary(target), { nil: null, freq: 20 }),
    })
    .map(({ form, options }) => ({
      target,
      form,
      options: form === 'server-no-cors' || form === 'server-cors-false' ? null : form === 'delegate' ? (options ?? { entries: [] }) : options,
    }));
}

/** The configurations for one framework: reproducible from `seed`. */
export function sampleConfigs(target: Target, runSeed: number, runs: number): Config[] {
  return fc.sample(configArbitrary(target), { seed: runSeed, numRuns: runs });
}
