/**
 * Generated configurations for the Python ground truth: seeded fast-check choices of each library's own options
 * (names and value types from the libraries' documentation and signatures, not from the model), written out as the
 * source file an app would have. The same file is read by the model and loaded by the real library.
 */
import fc from 'fast-check';

export type PythonTarget = 'starlette' | 'flask' | 'django';

export const PYTHON_TARGETS: readonly PythonTarget[] = ['starlette', 'flask', 'django'];

/** How CORS is registered in the generated file. */
export type Form =
  | 'add-middleware'
  | 'middleware-list'
  | 'wrap'
  | 'extension'
  | 'init-app'
  | 'resources'
  | 'decorator'
  | 'settings'
  /** A whole file written by hand: the `source` option holds it. */
  | 'source';

export interface PythonConfig {
  target: PythonTarget;
  form: Form;
  /** `name=value` options as Python source, in order. */
  options: [name: string, value: string][];
}

/** The fixed seed; `GT_SEED` overrides it, `GT_SCALE` multiplies the number of configurations. */
export const DEFAULT_SEED = 424242;

export function seed(): number {
  const value = Number(process.env.GT_SEED);
  return process.env.GT_SEED && Number.isInteger(value) ? value : DEFAULT_SEED;
}

export function runsFor(): number {
  const scale = Number(process.env.GT_SCALE);
  return Math.max(1, Math.round(150 * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

const list = (...items: string[]): string => `[${items.join(', ')}]`;
const subsets = (values: readonly string[], max = 3): fc.Arbitrary<string> =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: max }).map((items) => list(...items));
/** Absent or present, `present : absent` times as often. */
const optional = (arbitrary: fc.Arbitrary<string>, present = 2, absent = 1): fc.Arbitrary<string | null> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(null) }, { weight: present, arbitrary });

/** Origin strings as apps write them, including the ones that never match what a browser sends. */
const ORIGINS = [
  '"https://app.example.com"',
  '"https://other.example.org"',
  '"https://APP.example.com"',
  '"https://app.example.com/"',
  '"http://app.example.com"',
  '"null"',
  '"*"',
];
const ENV_ORIGIN = 'os.environ.get("GT_ORIGIN", "")';

const STARLETTE = fc.record({
  allow_origins: optional(
    fc.oneof(
      { weight: 6, arbitrary: subsets(ORIGINS) },
      { weight: 1, arbitrary: subsets(ORIGINS, 2).map((items) => `(${items.slice(1, -1)},)`) },
      // A single string: matched as a substring (the model reports it, and compares nothing).
      { weight: 1, arbitrary: fc.constantFrom('"https://app.example.com"', '"https://*.example.com"') },
      { weight: 1, arbitrary: fc.constant(`[${ENV_ORIGIN}]`) },
    ),
    4,
  ),
  allow_origin_regex: optional(fc.constantFrom('r"https://.*\\.example\\.com"', 'r"https://app\\.example\\.com"', 'r".*"', 'r"https://app.example.com"', 'r"^https://app\\.example\\.com$"'), 1),
  allow_credentials: optional(fc.constantFrom('True', 'False'), 2),
  allow_methods: optional(fc.constantFrom(list('"GET"'), list('"GET"', '"PUT"'), list('"*"'), list('"put"'), list('"GET"', '"POST"', '"DELETE"')), 2),
  allow_headers: optional(fc.constantFrom(list('"Authorization"'), list('"*"'), list('"X-Custom"', '"Last-Event-ID"'), list('"authorization"', '"x-custom"', '"last-event-id"')), 2),
  expose_headers: optional(fc.constantFrom(list('"X-Request-ID"'), list('"*"')), 1),
  max_age: optional(fc.constantFrom('5', '600', '3600'), 1),
});

const FLASK = fc.record({
  origins: optional(
    fc.oneof(
      { weight: 2, arbitrary: fc.constant('"*"') },
      { weight: 5, arbitrary: subsets([...ORIGINS, 'r"https://.*\\.example\\.com"', 'r"https://app\\.example\\.com$"']) },
      { weight: 2, arbitrary: fc.constantFrom('"https://app.example.com"', 'r"https://app\\.example\\.com"') },
      { weight: 1, arbitrary: fc.constant(`[${ENV_ORIGIN}]`) },
    ),
    4,
  ),
  supports_credentials: optional(fc.constantFrom('True', 'False'), 2),
  send_wildcard: optional(fc.constant('True'), 1, 3),
  methods: optional(fc.constantFrom(list('"GET"'), list('"GET"', '"PUT"'), '"GET, PUT"', list('"GET"', '"POST"', '"DELETE"'), list('"*"')), 2),
  allow_headers: optional(fc.constantFrom(list('"Authorization"'), '"*"', list('"X-Custom"', '"Authorization"', '"Last-Event-ID"'), list('"content-type"')), 2),
  expose_headers: optional(fc.constantFrom(list('"X-Request-ID"'), '"X-Request-ID"'), 1),
  max_age: optional(fc.constantFrom('5', '600', '3600'), 1),
});

const DJANGO = fc.record({
  CORS_ALLOW_ALL_ORIGINS: optional(fc.constantFrom('True', 'False'), 1),
  CORS_ORIGIN_ALLOW_ALL: optional(fc.constant('True'), 1, 3),
  CORS_ALLOWED_ORIGINS: optional(
    fc.oneof({ weight: 6, arbitrary: subsets(ORIGINS) }, { weight: 1, arbitrary: subsets(ORIGINS, 2).map((items) => `(${items.slice(1, -1)},)`) }, { weight: 1, arbitrary: fc.constant('"https://app.example.com"') }),
    4,
  ),
  CORS_ALLOWED_ORIGIN_REGEXES: optional(fc.constantFrom(list('r"^https://\\w+\\.example\\.com$"'), list('r"https://app\\.example\\.com"'), list('r".*"'), list('r"^https://app\\.example\\.com$"')), 1),
  CORS_ALLOW_CREDENTIALS: optional(fc.constantFrom('True', 'False'), 2),
  CORS_ALLOW_METHODS: optional(fc.constantFrom(list('"GET"'), list('"GET"', '"PUT"'), list('"DELETE"', '"GET"', '"OPTIONS"', '"PATCH"', '"POST"', '"PUT"')), 2),
  CORS_ALLOW_HEADERS: optional(fc.constantFrom(list('"authorization"', '"x-custom"'), list('"*"'), list('"authorization"', '"x-custom"', '"last-event-id"')), 2),
  CORS_EXPOSE_HEADERS: optional(fc.constant(list('"X-Request-ID"')), 1),
  CORS_PREFLIGHT_MAX_AGE: optional(fc.constantFrom('5', '600', '3600'), 1),
});

const FORMS: Record<PythonTarget, Form[]> = {
  starlette: ['add-middleware', 'add-middleware', 'middleware-list', 'wrap'],
  flask: ['extension', 'extension', 'init-app', 'resources', 'decorator'],
  django: ['settings'],
};

function configArbitrary(target: PythonTarget): fc.Arbitrary<PythonConfig> {
  const options = target === 'starlette' ? STARLETTE : target === 'flask' ? FLASK : DJANGO;
  return fc.record({ form: fc.constantFrom(...FORMS[target]), values: options as fc.Arbitrary<Record<string, string | null>> }).map(({ form, values }) => ({
    target,
    form,
    options: Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null),
  }));
}

/** The configurations of one run: the same for a given seed. */
export function sampleConfigs(target: PythonTarget, runSeed: number, runs: number): PythonConfig[] {
  return fc.sample(configArbitrary(target), { seed: runSeed + PYTHON_TARGETS.indexOf(target), numRuns: runs });
}

/** The source file of a configuration. */
export function configSource(config: PythonConfig): string {
  const keywords = config.options.map(([name, value]) => `${name}=${value}`).join(', ');
  const route = ['@app.api_route("/{path:path}", methods=["GET", "PUT", "POST", "DELETE"])', 'def index(path: str):', '    return Response("ok", headers={"X-Request-ID": "1"})'];
  switch (config.form) {
    case 'add-middleware':
      return lines('import os', 'from fastapi import FastAPI, Response', 'from fastapi.middleware.cors import CORSMiddleware', '', 'app = FastAPI()', `app.add_middleware(CORSMiddleware${keywords ? `, ${keywords}` : ''})`, '', '', ...route);
    case 'middleware-list':
      return lines(
        'import os',
        'from fastapi import FastAPI, Response',
        'from starlette.middleware import Middleware',
        'from starlette.middleware.cors import CORSMiddleware',
        '',
        `app = FastAPI(middleware=[Middleware(CORSMiddleware${keywords ? `, ${keywords}` : ''})])`,
        '',
        '',
        ...route,
      );
    case 'wrap':
      return lines(
        'import os',
        'from fastapi import FastAPI, Response',
        'from starlette.middleware.cors import CORSMiddleware',
        '',
        'api = FastAPI()',
        '',
        '',
        ...route.map((line) => line.replace('@app.', '@api.')),
        '',
        '',
        `app = CORSMiddleware(api${keywords ? `, ${keywords}` : ''})`,
      );
    case 'extension':
    case 'init-app':
    case 'resources':
    case 'decorator': {
      const view = ['@app.route("/", defaults={"path": ""}, methods=["GET", "PUT", "POST", "DELETE"])', '@app.route("/<path:path>", methods=["GET", "PUT", "POST", "DELETE"])'];
      const register =
        config.form === 'extension'
          ? [`CORS(app${keywords ? `, ${keywords}` : ''})`]
          : config.form === 'init-app'
            ? ['cors = CORS()', `cors.init_app(app${keywords ? `, ${keywords}` : ''})`]
            : config.form === 'resources'
              ? [`CORS(app, resources={r"/*": {${config.options.map(([name, value]) => `"${name}": ${value}`).join(', ')}}})`]
              : [];
      return lines(
        'import os',
        'from flask import Flask, make_response',
        `from flask_cors import ${config.form === 'decorator' ? 'cross_origin' : 'CORS'}`,
        '',
        'app = Flask(__name__)',
        ...register,
        '',
        '',
        ...view,
        ...(config.form === 'decorator' ? [`@cross_origin(${keywords})`] : []),
        'def index(path):',
        '    response = make_response("ok")',
        '    response.headers["X-Request-ID"] = "1"',
        '    return response',
      );
    }
    case 'source':
      return config.options.find(([name]) => name === 'source')?.[1] ?? '';
    case 'settings':
      return lines(
        'INSTALLED_APPS = ["corsheaders"]',
        'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]',
        '',
        ...config.options.map(([name, value]) => `${name} = ${value}`),
      );
  }
}

function lines(...items: string[]): string {
  return `${items.join('\n')}\n`;
}

/** A short description for tables. */
export function describeConfig(config: PythonConfig): string {
  const options = config.options.map(([name, value]) => `${name}=${value}`).join(', ');
  return `${config.form}(${options})`;
}
