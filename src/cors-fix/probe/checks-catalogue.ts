/** The fixed check ids of `cors-fix probe`, the severities, and where each check's page is. */
import { REPOSITORY } from '../../create-rule.js';

/** Severities, worst first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Every check id, in the order reports list them. Fixed: reports diff across runs and CI gates on them. */
export const CHECK_IDS = [
  'reflects-any-origin',
  'allows-null-origin',
  'trusts-lookalike-origin',
  'trusts-any-subdomain',
  'trusts-insecure-scheme',
  'wildcard-origin',
  'wildcard-with-credentials',
  'cookie-dependent-reflection',
  'missing-vary-origin',
  'allowed-origin-refused',
  'preflight-rejects-method',
  'preflight-rejects-header',
  'sse-resume-blocked',
  'max-age',
  'drift',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** One line per check: what it finds (SARIF rule descriptions, the docs index). */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  'reflects-any-origin': 'The server echoes any Origin back: every website may read its responses.',
  'allows-null-origin': 'The server allows the `null` origin, which any website can take on in a sandboxed frame.',
  'trusts-lookalike-origin': 'The server allows an origin that only looks like an allowed one (a suffix, prefix, unescaped dot, other port, …).',
  'trusts-any-subdomain': 'The server allows any subdomain of an allowed origin, so one compromised subdomain reads the API.',
  'trusts-insecure-scheme': 'The server allows the `http://` twin of an allowed `https://` origin.',
  'wildcard-origin': 'The server answers `Access-Control-Allow-Origin: *`: every website may read its responses without cookies.',
  'wildcard-with-credentials': 'The server sends `*` with `Access-Control-Allow-Credentials: true`, which browsers refuse.',
  'cookie-dependent-reflection': 'The CORS answer changes when the request carries a Cookie.',
  'missing-vary-origin': 'An answer that names the request origin lacks `Vary: Origin`, so caches can serve it to another origin.',
  'allowed-origin-refused': 'An origin that should be allowed gets no usable `Access-Control-Allow-Origin`.',
  'preflight-rejects-method': 'The preflight refuses a method (PUT, PATCH, DELETE, …) for an allowed origin.',
  'preflight-rejects-header': 'The preflight refuses a request header (Authorization, Content-Type, …) for an allowed origin.',
  'sse-resume-blocked': 'A Server-Sent Events stream refuses the headers a fetch-based client sends to resume it.',
  'max-age': 'The preflight answer has no `Access-Control-Max-Age`, or one above 600 seconds.',
  drift: 'The running server answers differently from what the code declares.',
};

/** The documentation page of a check. */
export function checkDocsUrl(check: CheckId): string {
  return `${REPOSITORY}/blob/main/docs/probe/${check}.md`;
}

/** Whether `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** The worse of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return atLeast(a, b) ? a : b;
}
