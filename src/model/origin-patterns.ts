/**
 * What an origin string or regex can match. Browsers send a serialised origin (`https://app.example.com`: lower-case
 * scheme and host, optional port, nothing after), and compare `Access-Control-Allow-Origin` with it byte for byte.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** An origin the attacker controls; a regex that matches it matches every origin. */
const FOREIGN_ORIGIN = 'https://attacker.invalid';

const ORIGIN_LIKE = /^[a-z][a-z0-9+.-]*:\/\//iu;

/** `https://…`, `http://…`, `chrome-extension://…`: strings that are written as an origin. `'*'` and `'null'` are not. */
export function isOriginLike(text: string): boolean {
  return ORIGIN_LIKE.test(text);
}

export interface OriginParts {
  scheme: string;
  host: string;
  /** Everything after the authority: a path, a trailing slash, a query or a fragment. */
  rest: string;
}

export function parseOrigin(text: string): OriginParts | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/isu.exec(text);
  if (!match) return null;
  const authority = (match[2] ?? '').replace(/^[^@]*@/u, '');
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:\d*$/u, '');
  return { scheme: match[1] ?? '', host, rest: match[3] ?? '' };
}

/** `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === 'localhost' || lower.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/u.test(lower) || lower === '[::1]';
}

export type OriginLiteralProblem =
  /** `http://` to a host that is not loopback: anyone on the network path can act as that origin. */
  | 'insecure-scheme'
  /** A path, trailing slash, query or fragment: never equal to a serialised origin. */
  | 'not-serialised'
  /** Upper-case letters in the host: browsers send it lower-cased, so it never matches. */
  | 'uppercase-host';

export function originLiteralProblems(text: string): OriginLiteralProblem[] {
  const parts = parseOrigin(text);
  if (!parts) return [];
  const problems: OriginLiteralProblem[] = [];
  if (parts.scheme.toLowerCase() === 'http' && !isLoopbackHost(parts.host)) problems.push('insecure-scheme');
  if (parts.rest !== '') problems.push('not-serialised');
  if (/[A-Z]/u.test(parts.host)) problems.push('uppercase-host');
  return problems;
}

export interface RegexLike {
  pattern: string;
  flags: string;
}

/** A regex that accepts an origin nobody listed (`/.*\/`, `/^https?:\/\/.*$/`): in effect a wildcard. */
export function matchesEveryOrigin(regex: RegexLike): boolean {
  try {
    return new RegExp(regex.pattern, regex.flags.replace(/[gy]/gu, '')).test(FOREIGN_ORIGIN);
  } catch {
    return false;
  }
}

export type RegexProblem =
  /** Not anchored with `^…$` on every alternative: `evil-app.example.com` or `app.example.com.evil.net` match. */
  | 'unanchored'
  /** A bare `.` matches any character: `app.example.com` also matches `appxexample.com`. */
  | 'unescaped-dot'
  /** `g`/`y`: `.test()` keeps `lastIndex`, so identical requests are allowed and denied in turn. */
  | 'stateful-flag';

export interface RegexFinding {
  problem: RegexProblem;
  /** The offending part of the pattern, for the message. */
  text: string;
}

/** Problems of a regex used to allow origins; none for regexes that cannot be parsed. */
export function regexProblems(regex: RegexLike): RegexFinding[] {
  const ast = parse(regex);
  if (!ast) return [];
  const findings: RegexFinding[] = [];
  if (!isAnchored(ast.pattern.alternatives, 'start') || !isAnchored(ast.pattern.alternatives, 'end')) {
    findings.push({ problem: 'unanchored', text: regex.pattern });
  }
  const dot = findBareDot(ast.pattern);
  if (dot) findings.push({ problem: 'unescaped-dot', text: dot });
  const stateful = regex.flags.replace(/[^gy]/gu, '');
  if (stateful) findings.push({ problem: 'stateful-flag', text: stateful });
  return findings;
}

/** Parses a pattern (from a literal or a `new RegExp('…')` string, so `/` need not be escaped). */
function parse(regex: RegexLike): { pattern: AST.Pattern } | null {
  try {
    const pattern = new RegExpParser().parsePattern(regex.pattern, 0, regex.pattern.length, {
      unicode: regex.flags.includes('u'),
      unicodeSets: regex.flags.includes('v'),
    });
    return { pattern };
  } catch {
    return null;
  }
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

/** The first `.` that is outside a character class and not quantified. */
function findBareDot(node: AST.Pattern): string | null {
  return bareDots(node).length > 0 ? '.' : null;
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
 * The same regex anchored with `^(?:…)$`, its bare dots escaped and `g`/`y` dropped; null if it cannot be parsed. A
 * host suffix written without a scheme (`/\.example\.com$/`, `/example\.com$/`) becomes `https://` plus one or more
 * (or any) subdomain labels, so that it keeps matching the subdomains it was written for instead of nothing.
 */
export function saferRegex(regex: RegexLike): RegexLike | null {
  const suffix = /^(\\?\.)?((?:[a-z0-9-]|\\?\.)+)\$?$/iu.exec(regex.pattern);
  if (suffix?.[2] && !regex.pattern.startsWith('^')) {
    const labels = suffix[1] ? '(?:[a-z0-9-]+\\.)+' : '(?:[a-z0-9-]+\\.)*';
    return saferRegex({ pattern: `^https:\\/\\/${labels}${suffix[2]}$`, flags: regex.flags });
  }
  const ast = parse(regex);
  if (!ast) return null;
  let pattern = regex.pattern;
  // Replace from the end so that earlier offsets stay valid.
  for (const dot of bareDots(ast.pattern).reverse()) {
    pattern = `${pattern.slice(0, dot.start)}\\.${pattern.slice(dot.start + 1)}`;
  }
  if (!isAnchored(ast.pattern.alternatives, 'start') || !isAnchored(ast.pattern.alternatives, 'end')) {
    const body = pattern.replace(/^\^/u, '').replace(/(?<!\\)\$$/u, '');
    pattern = ast.pattern.alternatives.length > 1 ? `^(?:${body})$` : `^${body}$`;
  }
  return { pattern, flags: regex.flags.replace(/[gy]/gu, '') };
}

/** The serialised form of an origin-like string: lower-case scheme and host, nothing after the authority. */
export function serialisedOrigin(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/isu.exec(text);
  if (!match?.[1]) return null;
  const [scheme, authority] = match[1].split('://') as [string, string];
  return `${scheme.toLowerCase()}://${authority.toLowerCase()}`;
}
