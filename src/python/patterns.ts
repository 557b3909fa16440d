/**
 * Python origin patterns in the model's terms: a Python regex applied with `fullmatch` or `match`, written as the
 * JavaScript regex that accepts exactly the same origins, so that the shared verdicts (anchoring, bare dots,
 * match-everything) judge what the package really does.
 */
import type { PythonEntry } from '../frameworks/python.js';

/**
 * The JavaScript source and flags equivalent to applying `pattern` the way the package does, or null when the pattern
 * uses Python syntax that has no JavaScript equivalent (the verdicts then leave it alone).
 */
export function equivalentRegex(pattern: string, entry: PythonEntry, extraFlags = ''): { pattern: string; flags: string } | null {
  let body = pattern;
  let flags = entry.regexIgnoreCase || extraFlags.includes('i') ? 'i' : '';
  // A leading inline flag group: `(?i)` is the only one that changes which origins match.
  const inline = /^\(\?([aiLmsux]+)\)/u.exec(body);
  if (inline) {
    if (/[Lux]/u.test(inline[1] ?? '')) return null;
    if (inline[1]?.includes('i')) flags = 'i';
    if (inline[1]?.includes('s')) flags += 's';
    if (inline[1]?.includes('m')) flags += 'm';
    body = body.slice(inline[0].length);
  }
  // Named groups and their references, and the absolute anchors.
  body = body
    .replace(/\(\?P<([A-Za-z_]\w*)>/gu, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/gu, '\\k<$1>')
    .replace(/\\A/gu, '^')
    .replace(/\\Z/gu, '$');
  if (/\(\?[aiLmsux-]+[:)]|\(\?\(|\\[gN]/u.test(body)) return null;
  const wrapped = entry.regexMatch === 'fullmatch' ? `^(?:${body})$` : `^(?:${body})`;
  try {
    new RegExp(wrapped, flags);
  } catch {
    return null;
  }
  return { pattern: wrapped, flags };
}

/** Whether an origin string is read as a regex by a package that guesses (Flask-CORS's `probably_regex`). */
export function readAsRegex(text: string, entry: PythonEntry): boolean {
  const characters = entry.regexCharacters;
  return characters !== undefined && [...characters].some((character) => text.includes(character));
}

/**
 * The origin a listed string stands for, compared as the package compares it: `casefold` lower-cases it, and
 * `scheme-and-host` keeps the scheme and `host[:port]` that `urlsplit` finds, so a trailing slash or path is ignored;
 * an entry in which it finds neither (`"*"`, `"app.example.com"`) compares equal to the `null` origin, which has
 * neither either.
 */
export function comparedOrigin(text: string, entry: PythonEntry): string {
  switch (entry.originMatch) {
    case 'casefold':
      return text.toLowerCase();
    case 'scheme-and-host': {
      const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/isu.exec(text);
      const rest = scheme ? (scheme[2] ?? '') : text;
      const host = rest.startsWith('//') ? (/^\/\/([^/?#]*)/u.exec(rest)?.[1] ?? '') : '';
      if (!scheme && host === '') return 'null';
      return `${(scheme?.[1] ?? '').toLowerCase()}://${host}`;
    }
    default:
      return text;
  }
}
