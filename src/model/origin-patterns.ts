/**
 * What an origin string or regex can match. Browsers send a serialised origin (`https://app.example.com`: lower-case
 * scheme and host, punycode for non-ASCII hosts, no default port, nothing after the authority), and compare
 * `Access-Control-Allow-Origin` with it byte for byte.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { buildAutomaton, findOrigin } from './regex-language.js';

/** An origin the attacker controls; a regex that matches it matches every origin. */
const FOREIGN_ORIGIN = 'https://attacker.invalid';

/** A domain nobody else has (RFC 2606); look-alike examples in messages are built on it. */
const ATTACKER = 'attacker';
const ATTACKER_DOMAIN = 'attacker.example';

const ORIGIN_LIKE = /^[a-z][a-z0-9+.-]*:\/\//iu;

/** `https://…`, `http://…`, `chrome-extension://…`: strings that are written as an origin. `'*'` and `'null'` are not. */
export function isOriginLike(text: string): boolean {
  return ORIGIN_LIKE.test(text);
}

export interface OriginParts {
  scheme: string;
  host: string;
  /** The port as written (`'443'`, `''` for a bare `:`), or null when there is none. */
  port: string | null;
  /** Everything after the authority: a path, a trailing slash, a query or a fragment. */
  rest: string;
}

export function parseOrigin(text: string): OriginParts | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/isu.exec(text);
  if (!match) return null;
  const authority = (match[2] ?? '').replace(/^[^@]*@/u, '');
  const bracket = authority.startsWith('[') ? authority.indexOf(']') + 1 : 0;
  const colon = authority.indexOf(':', bracket);
  const host = colon < 0 ? authority : authority.slice(0, colon);
  return { scheme: match[1] ?? '', host, port: colon < 0 ? null : authority.slice(colon + 1), rest: match[3] ?? '' };
}

/** `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === 'localhost' || lower.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/u.test(lower) || lower === '[::1]';
}

export type OriginLiteralProblem =
  /** `http://` to a host that is not loopback: anyone on the network path can act as that origin. */
  | 'insecure-scheme'
  /** Not what a browser sends (see `SerialisationReason`), so it never matches. */
  | 'not-serialised'
  /** Upper-case letters in the host: browsers send it lower-cased, so it never matches. */
  | 'uppercase-host';

/** Why an origin literal differs from what browsers send. */
export type SerialisationReason =
  /** A path, trailing slash, query or fragment. */
  | 'path'
  /** `:443` on https, `:80` on http: browsers leave the default port out. */
  | 'default-port'
  /** A non-ASCII host: browsers send its punycode form (`xn--…`). */
  | 'unicode-host'
  /** Anything else the serialisation changes: user info, an upper-case scheme, a port with leading zeros. */
  | 'form';

export type OriginLiteralFinding =
  | { problem: 'insecure-scheme' | 'uppercase-host' }
  | { problem: 'not-serialised'; reason: SerialisationReason };

const SPECIAL_SCHEMES = new Set(['http', 'https']);
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/** What is wrong with an origin literal, judged against its WHATWG `URL` serialisation for http(s) origins. */
export function originLiteralProblems(text: string): OriginLiteralFinding[] {
  const parts = parseOrigin(text);
  if (!parts) return [];
  const problems: OriginLiteralFinding[] = [];
  const scheme = parts.scheme.toLowerCase();
  if (scheme === 'http' && !isLoopbackHost(parts.host)) problems.push({ problem: 'insecure-scheme' });
  if (parts.rest !== '') problems.push({ problem: 'not-serialised', reason: 'path' });
  if (/[A-Z]/u.test(parts.host)) problems.push({ problem: 'uppercase-host' });
  if (!SPECIAL_SCHEMES.has(scheme)) return problems;
  const serialised = serialisedOrigin(text);
  if (serialised === null) return problems;
  if (parts.port !== null && parts.port !== '' && Number(parts.port) === Number(DEFAULT_PORTS[scheme])) {
    problems.push({ problem: 'not-serialised', reason: 'default-port' });
  }
  // eslint-disable-next-line no-control-regex -- ASCII is exactly U+0000–U+007F
  if (/[^\u0000-\u007f]/u.test(parts.host)) problems.push({ problem: 'not-serialised', reason: 'unicode-host' });
  if (problems.length === 0 || problems.every((finding) => finding.problem === 'insecure-scheme')) {
    if (serialised !== text) problems.push({ problem: 'not-serialised', reason: 'form' });
  }
  return problems;
}

/**
 * The serialised form of an origin-like string, as browsers send it: for http(s), the WHATWG `URL` origin
 * (lower-case, punycode, no default port, no user info); for other schemes, lower-case scheme and authority. Null when
 * it is not a valid origin.
 */
export function serialisedOrigin(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/isu.exec(text);
  if (!match?.[1]) return null;
  const scheme = match[1].toLowerCase();
  const authority = match[2] ?? '';
  if (!SPECIAL_SCHEMES.has(scheme)) return `${scheme}://${authority.toLowerCase()}`;
  try {
    const origin = new URL(`${scheme}://${authority}`).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export interface RegexLike {
  pattern: string;
  flags: string;
}

/** A regex that accepts an origin nobody listed (`/.*\/`, `/^https?:\/\/.*$/`): in effect a wildcard. */
export function matchesEveryOrigin(regex: RegexLike): boolean {
  return accepts(regex, FOREIGN_ORIGIN) ?? false;
}

export type RegexProblem =
  /** Not anchored with `^…$` on every alternative: `evil-app.example.com` or `app.example.com.evil.net` match. */
  | 'unanchored'
  /** A bare `.` matches any character: `app.example.com` also matches `appxexample.com`. */
  | 'unescaped-dot'
  /** Anchored and escaped, yet it accepts a host that is neither the one it names nor a subdomain of it. */
  | 'look-alike-host'
  /** `g`/`y`: `.test()` keeps `lastIndex`, so identical requests are allowed and denied in turn. */
  | 'stateful-flag';

const REGEX_PROBLEMS: ReadonlySet<string> = new Set<RegexProblem>(['unanchored', 'unescaped-dot', 'look-alike-host', 'stateful-flag']);

/** Whether a finding's kind is a problem of the pattern itself, which `saferPattern` may rewrite. */
export function isRegexProblem(kind: string): kind is RegexProblem {
  return REGEX_PROBLEMS.has(kind);
}

export interface RegexFinding {
  problem: RegexProblem;
  /** The offending part of the pattern, for the message. */
  text: string;
  /** An origin anyone can register that the pattern accepts because of this problem, when the analysis found one. */
  example: string | null;
  /** The host the pattern names (the one the example imitates), for look-alike hosts. */
  host: string | null;
}

/** Problems of a regex used to allow origins; none for regexes that cannot be parsed. */
export function regexProblems(regex: RegexLike): RegexFinding[] {
  const ast = parse(regex);
  if (!ast) return [];
  const findings: RegexFinding[] = [];
  const hosts = namedHosts(ast);
  const anchored = !isAnchored(ast.alternatives, 'start') || !isAnchored(ast.alternatives, 'end') ? anchor(regex, ast) : null;
  const dots = bareDots(ast);
  if (anchored) {
    const candidates = hosts.flatMap((host) => [`https://${host}.${ATTACKER_DOMAIN}`, `https://${ATTACKER}-${host}`, `https://${ATTACKER}${host}`]);
    findings.push({ problem: 'unanchored', text: regex.pattern, example: exampleOf(regex, hosts, candidates, anchored), host: null });
  }
  if (dots.length > 0) {
    const lookAlikes = hosts.flatMap((host) => [...host.matchAll(/\./gu)].map((dot) => `${host.slice(0, dot.index)}-${host.slice(dot.index + 1)}`));
    const candidates = ['', `${ATTACKER}.`].flatMap((prefix) => lookAlikes.flatMap((host) => [`https://${prefix}${host}`, `https://${prefix}${host}.${ATTACKER_DOMAIN}`]));
    findings.push({ problem: 'unescaped-dot', text: '.', example: exampleOf(regex, hosts, candidates, escapeDots(regex, dots)), host: null });
  }
  // What is left once anchored and escaped: a run of anything before (or after) the domain it names.
  const tightened = escapeDots(anchored ?? regex, bareDots(parse(anchored ?? regex) ?? ast));
  const lookAlike = foreignOrigin(tightened, hosts);
  if (lookAlike) {
    const candidates = hosts.flatMap((host) => [`https://${ATTACKER}${host}`, `https://${ATTACKER}-${host}`, `https://${host}.${ATTACKER_DOMAIN}`]);
    const example = candidates.find((candidate) => isForeign(candidate, hosts) && accepts(tightened, candidate) === true) ?? lookAlike;
    const host = hosts.find((named) => example.includes(named)) ?? hosts[0] ?? null;
    findings.push({ problem: 'look-alike-host', text: regex.pattern, example, host });
  }
  const stateful = regex.flags.replace(/[^gy]/gu, '');
  if (stateful) findings.push({ problem: 'stateful-flag', text: stateful, example: null, host: null });
  return findings;
}

/**
 * An origin with a foreign host that `regex` accepts and `fixed` (the same regex with one problem mended) rejects:
 * the first of `candidates` that qualifies, else the analysis's shortest. Null when the problem admits none.
 */
function exampleOf(regex: RegexLike, hosts: readonly string[], candidates: readonly string[], fixed: RegexLike): string | null {
  const qualifies = (origin: string): boolean => isForeign(origin, hosts) && accepts(regex, origin) === true && accepts(fixed, origin) === false;
  const found = candidates.find(qualifies);
  if (found) return found;
  const shortest = foreignOrigin(regex, hosts);
  return shortest && qualifies(shortest) ? shortest : null;
}

const foreignCache = new Map<string, string | null>();

/** The shortest origin whose host is none of `hosts` nor a subdomain of one that `regex` accepts, checked by the engine. */
function foreignOrigin(regex: RegexLike, hosts: readonly string[]): string | null {
  if (hosts.length === 0) return null;
  const key = `${regex.flags}/${regex.pattern}/${hosts.join(',')}`;
  if (foreignCache.has(key)) return foreignCache.get(key) ?? null;
  const ast = parse(regex);
  const automaton = ast ? buildAutomaton(ast, regex.flags) : null;
  const found = automaton ? findOrigin(automaton, hosts, 'foreign') : null;
  // The engine has the last word: an automaton that disagreed with it would report nothing rather than something false.
  const origin = found !== null && accepts(regex, found) === true ? found : null;
  if (foreignCache.size > 500) foreignCache.clear();
  foreignCache.set(key, origin);
  return origin;
}

/** A serialised http(s) origin whose host has a dot and is none of `hosts` nor a subdomain of one. */
function isForeign(origin: string, hosts: readonly string[]): boolean {
  const match = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?$/u.exec(origin);
  const host = match?.[1];
  return host !== undefined && !hosts.some((named) => host === named || host.endsWith(`.${named}`));
}

/** Whether the engine accepts `text`, `g`/`y` left out; undefined when the pattern does not compile. */
function accepts(regex: RegexLike, text: string): boolean | undefined {
  try {
    return new RegExp(regex.pattern, regex.flags.replace(/[gy]/gu, '')).test(text);
  } catch {
    return undefined;
  }
}

/** Parses a pattern (from a literal or a `new RegExp('…')` string, so `/` need not be escaped). */
function parse(regex: RegexLike): AST.Pattern | null {
  try {
    return new RegExpParser().parsePattern(regex.pattern, 0, regex.pattern.length, {
      unicode: regex.flags.includes('u'),
      unicodeSets: regex.flags.includes('v'),
    });
  } catch {
    return null;
  }
}

/**
 * The hosts a pattern spells out: dotted names in its literal text (`https://app.example.com`), with groups of
 * literal alternatives expanded (`(app|admin)\.example\.com`) and a bare `.` read as the dot it was meant to be. What
 * a regex accepts is judged against these: each of them and their subdomains are what the author meant.
 */
export function namedHosts(pattern: AST.Pattern): string[] {
  const hosts = new Set<string>();
  const visitAll = (alternatives: readonly AST.Alternative[]): void => {
    for (const alternative of alternatives) visit(alternative);
  };
  const visit = (alternative: AST.Alternative): void => {
    let runs = [''];
    const flush = (): void => {
      for (const run of runs) for (const match of run.toLowerCase().matchAll(/[a-z0-9-]+(?:\.[a-z0-9-]+)+/gu)) hosts.add(match[0]);
      runs = [''];
    };
    for (const element of alternative.elements) {
      const char = literalChar(element);
      if (char !== null) {
        runs = runs.map((run) => run + char);
        continue;
      }
      const choices = literalChoices(element);
      if (choices && runs.length * choices.length <= 64) {
        runs = runs.flatMap((run) => choices.map((choice) => run + choice));
        continue;
      }
      flush();
      if (element.type === 'Group' || element.type === 'CapturingGroup') visitAll(element.alternatives);
      else if (element.type === 'Quantifier' && (element.element.type === 'Group' || element.element.type === 'CapturingGroup')) visitAll(element.element.alternatives);
    }
    flush();
  };
  visitAll(pattern.alternatives);
  return [...hosts];
}

/** The one character an element stands for: a literal, `[.]`, or a bare `.` (meant as a dot). */
function literalChar(element: AST.Element): string | null {
  if (element.type === 'Character') return String.fromCodePoint(element.value);
  if (element.type === 'CharacterSet' && element.kind === 'any') return '.';
  if (element.type === 'CharacterClass' && !element.negate && element.elements.length === 1 && element.elements[0]?.type === 'Character') {
    return String.fromCodePoint(element.elements[0].value);
  }
  return null;
}

/** The strings a group of literal alternatives stands for (`(app|admin)`, `(www\.)?`), or null. */
function literalChoices(element: AST.Element): string[] | null {
  const optional = element.type === 'Quantifier' && element.min === 0 && element.max === 1;
  const group = optional ? element.element : element;
  if (group.type !== 'Group' && group.type !== 'CapturingGroup') return null;
  const choices: string[] = optional ? [''] : [];
  for (const alternative of group.alternatives) {
    let text = '';
    for (const child of alternative.elements) {
      const char = literalChar(child);
      if (char === null) return null;
      text += char;
    }
    choices.push(text);
  }
  return choices;
}

/** Every alternative begins with `^` (or ends with `$`), directly or inside a group whose alternatives all do. */
function isAnchored(alternatives: readonly AST.Alternative[], side: 'start' | 'end'): boolean {
  return (
    alternatives.length > 0 &&
    alternatives.every((alternative) => {
      const elements = alternative.elements;
      const edge = side === 'start' ? elements[0] : elements[elements.length - 1];
      if (!edge) return false;
      if (edge.type === 'Assertion') return edge.kind === side;
      if (edge.type === 'Group' || edge.type === 'CapturingGroup') return isAnchored(edge.alternatives, side);
      return false;
    })
  );
}

/** The same regex anchored with `^(?:…)$` where it is not. */
function anchor(regex: RegexLike, ast: AST.Pattern): RegexLike {
  const body = regex.pattern.replace(/^\^/u, '').replace(/(?<!\\)\$$/u, '');
  return { pattern: ast.alternatives.length > 1 ? `^(?:${body})$` : `^${body}$`, flags: regex.flags };
}

/** The same regex with the given bare dots escaped. */
function escapeDots(regex: RegexLike, dots: readonly AST.CharacterSet[]): RegexLike {
  let pattern = regex.pattern;
  // Replace from the end so that earlier offsets stay valid.
  for (const dot of [...dots].sort((a, b) => b.start - a.start)) pattern = `${pattern.slice(0, dot.start)}\\.${pattern.slice(dot.start + 1)}`;
  return { pattern, flags: regex.flags };
}

/** Every `.` outside a character class that is not quantified. */
function bareDots(node: AST.Pattern): AST.CharacterSet[] {
  const found: AST.CharacterSet[] = [];
  const visit = (element: AST.Element | AST.Alternative | AST.Pattern): void => {
    switch (element.type) {
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
        for (const alternative of element.alternatives) visit(alternative);
        return;
      case 'Alternative':
        for (const child of element.elements) visit(child);
        return;
      case 'Quantifier':
        // `.*`, `.+`, `.?`, `.{2}`: deliberate; a quantified group still has its own dots checked.
        if (element.element.type !== 'CharacterSet') visit(element.element);
        return;
      case 'Assertion':
        if (element.kind === 'lookahead' || element.kind === 'lookbehind') for (const alternative of element.alternatives) visit(alternative);
        return;
      case 'CharacterSet':
        if (element.kind === 'any') found.push(element);
        return;
      default:
        return;
    }
  };
  visit(node);
  return found;
}

/**
 * Open runs (`.*`, `\w+`, `[^/]*`) right before the domain they should end in, as `[start, end, replacement]`: each
 * becomes a run of whole labels, `(?:[a-z0-9-]+\.)*`, so that only the domain and its subdomains are left.
 */
function openRuns(ast: AST.Pattern): [number, number, string][] {
  const runs: [number, number, string][] = [];
  const visit = (alternatives: readonly AST.Alternative[]): void => {
    for (const alternative of alternatives) {
      alternative.elements.forEach((element, index) => {
        if (element.type === 'Group' || element.type === 'CapturingGroup') visit(element.alternatives);
        const next = alternative.elements[index + 1];
        const opensRun = element.type === 'Quantifier' && element.max === Number.POSITIVE_INFINITY && element.element.type !== 'Group' && element.element.type !== 'CapturingGroup';
        if (!opensRun || next?.type !== 'Character' || !/[a-z0-9]/iu.test(String.fromCodePoint(next.value))) return;
        runs.push([element.start, element.end, element.min > 0 ? '(?:[a-z0-9-]+\\.)+' : '(?:[a-z0-9-]+\\.)*']);
      });
    }
  };
  visit(ast.alternatives);
  return runs;
}

/** `saferRegex`'s rewrite when the analysis finds nothing wrong with it, else null: what rules suggest and cors-fix writes. */
export function saferPattern(regex: RegexLike): RegexLike | null {
  const safer = saferRegex(regex);
  return safer && regexProblems(safer).length === 0 ? safer : null;
}

/**
 * The same regex made safe: open runs before the domain turned into whole labels, bare dots escaped, anchored with
 * `^(?:…)$` and `g`/`y` dropped; null if it cannot be parsed. A host suffix written without a scheme
 * (`/\.example\.com$/`, `/example\.com$/`) becomes `https://` plus one or more (or any) subdomain labels, so that it
 * keeps matching the subdomains it was written for instead of nothing.
 */
export function saferRegex(regex: RegexLike): RegexLike | null {
  const suffix = /^(\\?\.)?((?:[a-z0-9-]|\\?\.)+)\$?$/iu.exec(regex.pattern);
  if (suffix?.[2] && !regex.pattern.startsWith('^')) {
    const labels = suffix[1] ? '(?:[a-z0-9-]+\\.)+' : '(?:[a-z0-9-]+\\.)*';
    return saferRegex({ pattern: `^https:\\/\\/${labels}${suffix[2]}$`, flags: regex.flags });
  }
  const ast = parse(regex);
  if (!ast) return null;
  const edits = [...openRuns(ast), ...bareDots(ast).map((dot): [number, number, string] => [dot.start, dot.end, '\\.'])];
  let pattern = regex.pattern;
  // Replace from the end so that earlier offsets stay valid.
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) pattern = `${pattern.slice(0, start)}${text}${pattern.slice(end)}`;
  const edited = { pattern, flags: regex.flags.replace(/[gy]/gu, '') };
  if (isAnchored(ast.alternatives, 'start') && isAnchored(ast.alternatives, 'end')) return edited;
  return anchor(edited, parse(edited) ?? ast);
}

/**
 * An origin anyone can register that a partial check of the request origin accepts (`origin.endsWith('example.com')`
 * accepts `https://attackerexample.com`), or null when the check admits none: `endsWith('.example.com')` only lets in
 * subdomains, and a suffix with a scheme only the origin itself.
 */
export function partialMatchExample(method: string, part: string): string | null {
  const named = parseOrigin(part)?.host ?? part;
  let candidate: string | null = null;
  if (method === 'endsWith') {
    if (!isOriginLike(part) && !part.startsWith('.')) candidate = `https://${ATTACKER}${part}`;
  } else if (method === 'startsWith') {
    candidate = part.endsWith('://') ? `${part}${ATTACKER_DOMAIN}` : isOriginLike(part) && parseOrigin(part)?.port === null ? `${part}.${ATTACKER_DOMAIN}` : null;
  } else if (method === 'includes' || method === 'indexOf' || method === 'lastIndexOf') {
    candidate = isOriginLike(part) ? `${part}.${ATTACKER_DOMAIN}` : `https://${part.replace(/^\.+|\.+$/gu, '')}.${ATTACKER_DOMAIN}`;
  }
  if (!candidate || !candidate.includes(part)) return null;
  if (method === 'endsWith' && !candidate.endsWith(part)) return null;
  if (method === 'startsWith' && !candidate.startsWith(part)) return null;
  return isForeign(candidate, [named.toLowerCase()]) ? candidate : null;
}
