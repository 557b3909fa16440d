/**
 * Origins the probe sends: the expected ones (validated, read from a list the way the generated config module reads
 * `CORS_ORIGINS`) and the attacker's, built under reserved names (`.test`, `.example`) so that every run sends the
 * same requests.
 */

/** An origin no allowlist names: the "arbitrary origin" probe. */
export const ARBITRARY_ORIGIN = 'https://attacker.example';

/** The reserved domain look-alike origins end in. */
const ATTACKER_DOMAIN = 'attacker.test';

/** The label put in front of an allowed host to make a subdomain of it. */
const SUBDOMAIN_LABEL = 'evil';

/** Why `text` is not a serialised http(s) origin (`https://host[:port]`, lower case, nothing after), or null. */
export function originProblem(text: string): string | null {
  if (text === '*') return "'*' is not an origin; list the origins of your web apps";
  if (text.toLowerCase() === 'null') return "'null' is not an origin that can be expected to be allowed";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'it is not scheme://host[:port]';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http:// and https:// origins can be probed';
  if (url.origin !== text) return `browsers send it as ${url.origin}`;
  return null;
}

/** A list of origins as `CORS_ORIGINS` holds it: comma-separated or a JSON list; empty entries are dropped. */
export function parseOriginList(raw: string): { origins: string[] } | { error: string } {
  const trimmed = raw.trim();
  let entries: unknown = trimmed === '' ? [] : trimmed.split(',');
  if (trimmed.startsWith('[')) {
    try {
      entries = JSON.parse(trimmed);
    } catch (error) {
      return { error: `starts with "[" but is not valid JSON (${(error as Error).message})` };
    }
  }
  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) return { error: 'is not a list of origins' };
  const origins: string[] = [];
  for (const entry of entries as string[]) {
    const origin = entry.trim();
    if (origin === '') continue;
    const problem = originProblem(origin);
    if (problem) return { error: `contains "${origin}", which is not a valid origin: ${problem}` };
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins };
}

/** How an attacker origin relates to the allowed origin it imitates; each kind maps to one check. */
export type AttackerKind = 'lookalike' | 'subdomain' | 'insecure-scheme';

/** One origin built from an allowed origin. */
export interface AttackerOrigin {
  origin: string;
  kind: AttackerKind;
  /** What was changed, for messages: `suffix`, `prefix`, `unescaped dot`, … */
  variant: string;
  /** The allowed origin it imitates. */
  basis: string;
}

/**
 * The look-alike, subdomain and downgraded origins of `allowed`, in the order they are probed: those that catch the
 * most common mistakes (unanchored patterns, `endsWith` without a dot) first.
 */
export function attackerOrigins(allowed: string): AttackerOrigin[] {
  const url = new URL(allowed);
  const host = url.hostname;
  const scheme = url.protocol;
  const port = url.port;
  const at = (hostname: string, portText = port, protocol = scheme): string => `${protocol}//${hostname}${portText ? `:${portText}` : ''}`;
  const labels = host.split('.');
  const ip = /^[\d.]+$/u.test(host) || host.startsWith('[');
  const out: AttackerOrigin[] = [];
  const add = (origin: string, kind: AttackerKind, variant: string): void => {
    if (origin !== allowed && !out.some((entry) => entry.origin === origin)) out.push({ origin, kind, variant, basis: allowed });
  };
  add(at(`${host}.${ATTACKER_DOMAIN}`), 'lookalike', 'suffix');
  if (!ip) add(at(`attacker${host}`), 'lookalike', 'prefix');
  for (let index = 0; index < labels.length - 1 && !ip; index += 1) {
    add(at([...labels.slice(0, index), `${labels[index]}x${labels[index + 1]}`, ...labels.slice(index + 2)].join('.')), 'lookalike', 'unescaped dot');
  }
  if (!ip) add(at(`${SUBDOMAIN_LABEL}.${host}`), 'subdomain', 'subdomain');
  // A sibling under the parent domain: trusted by `*.example.com` patterns, and it explains a trusted prefix.
  if (!ip && labels.length >= 3) add(at(`${SUBDOMAIN_LABEL}.${labels.slice(1).join('.')}`), 'subdomain', 'sibling subdomain');
  if (scheme === 'https:') add(at(host, port, 'http:'), 'insecure-scheme', 'http:// downgrade');
  add(at(host, port ? String(Number(port) === 65_535 ? 1 : Number(port) + 1) : scheme === 'https:' ? '8443' : '8080'), 'lookalike', 'other port');
  add(at(`${host}.`), 'lookalike', 'trailing dot');
  add(`${at(host)}@${ATTACKER_DOMAIN}`, 'lookalike', 'userinfo');
  // Characters browsers accept in host names: `_` (Chromium, Firefox) and `` ` `` (Safari).
  add(at(`${host}_.${ATTACKER_DOMAIN}`), 'lookalike', 'special character _');
  add(at(`${host}\`.${ATTACKER_DOMAIN}`), 'lookalike', 'special character `');
  return out;
}
