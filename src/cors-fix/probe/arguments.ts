/** The arguments of `cors-fix probe`: parsed, checked, and turned into settings, or a usage error that says why. */
import { parseArgs } from 'node:util';
import { type Severity, SEVERITIES } from './checks-catalogue.js';
import { ORIGINS_VARIABLE } from '../../suggestions.js';
import { originProblem } from './origins.js';

/** The variable the expected origins are read from unless `--env-var` or the project says otherwise. */
export const DEFAULT_ENV_VAR = ORIGINS_VARIABLE;

export const DEFAULT_MAX_REQUESTS = 60;
export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_DELAY_MS = 50;

/** The `cors-fix probe --help` text. */
export const PROBE_HELP = `Usage: cors-fix probe <url> [options]

Checks the CORS answers of a running API: sends preflights and requests from the origins you allow,
from an arbitrary origin, from null, from look-alikes of your origins (suffix, prefix, unescaped dot,
subdomain, http://, other port, …), each with and without a Cookie, and reports what it allows, with
fixed check ids. Only GET, HEAD and OPTIONS, no bodies, one request at a time, to the scheme, host
and port of <url> only; redirects to other origins are never followed.
(\`cors-fix\` without \`probe\` is the code-mod that fixes CORS policies in your source: cors-fix --help.)

Options:
  --origin <origin>      An origin that should be allowed (repeatable). Default: the list in
                         CORS_ORIGINS, from --env-file or from the environment.
  --env-file <file>      Read CORS_ORIGINS (or --env-var) from this .env file.
  --env-var <NAME>       The variable that holds the allowed origins (default: ${DEFAULT_ENV_VAR}).
  --path <path>          Also probe this path, with an optional query (repeatable). The URL's own
                         path is probed when it has one, or when no other path is given.
  --project <dir>        Read the CORS policies in this project's source: probe one route per policy
                         (and the routes that stream), and report drift from what the code declares.
  --method <METHOD>      Also ask preflights for this method (repeatable; PUT, PATCH, DELETE always).
  --header <name>        Also ask preflights for this request header (repeatable; Authorization,
                         Content-Type, X-Request-ID always, Last-Event-ID and Cache-Control on streams).
  --max-requests <n>     Requests in the whole run, at most (default: ${DEFAULT_MAX_REQUESTS}).
  --timeout <duration>   Per request: 5s, 500ms, or seconds (default: ${DEFAULT_TIMEOUT_MS / 1000}s).
  --delay <duration>     Pause between requests (default: ${DEFAULT_DELAY_MS}ms).
  --fail-on <severity>   Exit 1 on a finding this severe or worse: critical, high, medium, low,
                         info, or none (default: medium).
  --json                 Print the report as JSON (same as --format json; schema 1).
  --format <name>        text (default), json or sarif.
  -h, --help             Show this help.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or internal error,
3 the server could not be reached or every request was inconclusive.

Examples:
  npx cors-fix probe https://api.example.com/v1/orders --origin https://app.example.com
  npx cors-fix probe http://127.0.0.1:3000 --project . --env-file .env.production
  npx cors-fix probe https://api.example.com --path /events --json > cors-probe.json
`;

/** What `--fail-on` accepts: a severity, or `none` to always exit 0 when the run worked. */
export type FailOn = Severity | 'none';

/** The checked arguments. */
export interface ProbeArguments {
  url: URL;
  /** The URL names a path (`http://host/api`, or just `http://host/`); without one, `--path` and `--project` give the paths. */
  urlHasPath: boolean;
  paths: string[];
  origins: string[];
  envFile: string | null;
  /** `--env-var`, or null when not given. */
  envVar: string | null;
  project: string | null;
  methods: string[];
  headers: string[];
  maxRequests: number;
  timeoutMs: number;
  delayMs: number;
  failOn: FailOn;
  format: 'text' | 'json' | 'sarif';
}

/** The parsed arguments, `help`, or a usage error message. */
export type ParsedArguments = { kind: 'run'; arguments: ProbeArguments } | { kind: 'help' } | { kind: 'error'; message: string };

/** Parses `argv` (the words after `probe`). */
export function parseProbeArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        origin: { type: 'string', multiple: true, default: [] },
        'env-file': { type: 'string' },
        'env-var': { type: 'string' },
        path: { type: 'string', multiple: true, default: [] },
        project: { type: 'string' },
        method: { type: 'string', multiple: true, default: [] },
        header: { type: 'string', multiple: true, default: [] },
        'max-requests': { type: 'string' },
        timeout: { type: 'string' },
        delay: { type: 'string' },
        'fail-on': { type: 'string', default: 'medium' },
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const fail = (message: string): ParsedArguments => ({ kind: 'error', message });

  if (positionals.length === 0) return fail('Give the URL of the API to probe, such as cors-fix probe https://api.example.com/v1/orders.');
  if (positionals.length > 1) return fail(`Give one URL; got ${positionals.length} (${positionals.join(' ')}). Add paths with --path.`);
  const url = parseUrl(positionals[0] as string);
  if (typeof url === 'string') return fail(url);

  const format = values.format ?? (values.json ? 'json' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return fail(`Unknown format '${format}': use text, json or sarif.`);
  if (values.json && format !== 'json') return fail('--json and --format sarif cannot be combined.');

  for (const path of values.path) {
    if (!/^\/[^\s#]*$/u.test(path)) return fail(`--path '${path}' is not a URL path: it starts with / and has no spaces or #.`);
  }
  for (const origin of values.origin) {
    const problem = originProblem(origin);
    if (problem) return fail(`--origin '${origin}' is not an origin: ${problem}.`);
  }
  for (const method of values.method) {
    if (!/^[A-Za-z]+$/u.test(method)) return fail(`--method '${method}' is not an HTTP method.`);
  }
  for (const header of values.header) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/u.test(header)) return fail(`--header '${header}' is not a header name.`);
  }
  const envVar = values['env-var'] ?? null;
  if (envVar !== null && !/^[A-Za-z_][A-Za-z0-9_]*$/u.test(envVar)) return fail(`'${envVar}' is not an environment variable name (letters, digits and _).`);

  const maxRequests = values['max-requests'] === undefined ? DEFAULT_MAX_REQUESTS : Number(values['max-requests']);
  if (!Number.isInteger(maxRequests) || maxRequests < 1 || maxRequests > 10_000) return fail(`--max-requests must be a whole number from 1 to 10000, not '${values['max-requests']}'.`);
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseDuration(values.timeout);
  if (timeoutMs === null || timeoutMs < 1) return fail(`--timeout '${values.timeout}' is not a duration above zero, such as 5s or 500ms.`);
  const delayMs = values.delay === undefined ? DEFAULT_DELAY_MS : parseDuration(values.delay);
  if (delayMs === null) return fail(`--delay '${values.delay}' is not a duration, such as 50ms or 0.`);
  const failOn = values['fail-on'];
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) return fail(`--fail-on '${failOn}' is not one of ${SEVERITIES.join(', ')}, none.`);

  return {
    kind: 'run',
    arguments: {
      url,
      urlHasPath: /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*[/?]/iu.test(positionals[0] as string),
      paths: values.path,
      origins: [...new Set(values.origin)],
      envFile: values['env-file'] ?? null,
      envVar,
      project: values.project ?? null,
      methods: [...new Set(values.method.map((method) => method.toUpperCase()))],
      headers: [...new Set(values.header.map((header) => header.toLowerCase()))],
      maxRequests,
      timeoutMs,
      delayMs,
      failOn: failOn as FailOn,
      format,
    },
  };
}

/** The URL to probe, or why it cannot be probed. */
function parseUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `'${text}' is not a URL: give scheme, host and port, such as http://127.0.0.1:3000/api/orders.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `'${text}' is not an http:// or https:// URL.`;
  if (url.username || url.password) return `'${text}' carries a user name or password: the probe sends no credentials; remove them.`;
  url.hash = '';
  return url;
}

/** `5s`, `500ms`, `1.5` (seconds), `0` → milliseconds; null when it is none of these. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/u.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return Math.round(match[2] === 'ms' ? value : value * 1000);
}
