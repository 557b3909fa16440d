/**
 * Which origins a regex accepts, decided rather than guessed: the regexpp tree becomes an automaton over the
 * characters a serialised origin can contain, and a breadth-first search over it, run in step with an automaton for
 * `http(s)://host[:port]`, finds the shortest accepted origin whose host is (or is not) one of the given hosts or a
 * subdomain of one. `RegExp.prototype.test` semantics: the pattern may match anywhere unless anchored.
 */
import type { AST } from '@eslint-community/regexpp';

/** Every character a serialised http(s) origin with an ASCII host can contain. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-.:/';
const HOST_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
const DIGITS = '0123456789';

/** Larger patterns (or larger repetition counts) are not analysed: the answer is "unknown", never a guess. */
const MAX_STATES = 5000;
const MAX_REPEAT = 100;
const MAX_SEARCHED = 200_000;

type Edge =
  | { kind: 'epsilon'; to: number }
  | { kind: 'chars'; chars: readonly number[]; to: number }
  | { kind: 'start' | 'end'; to: number };

/** A Thompson automaton over `ALPHABET`. */
export interface RegexAutomaton {
  edges: Edge[][];
  start: number;
  accept: number;
}

class Unsupported extends Error {}

/**
 * The automaton of a parsed pattern, or null when it uses what this analysis does not model (lookarounds, `\b`,
 * backreferences, class strings, modifiers) or is too large.
 */
export function buildAutomaton(pattern: AST.Pattern, flags: string): RegexAutomaton | null {
  const edges: Edge[][] = [];
  const state = (): number => {
    if (edges.length >= MAX_STATES) throw new Unsupported();
    edges.push([]);
    return edges.length - 1;
  };
  const link = (from: number, edge: Edge): void => {
    edges[from]?.push(edge);
  };
  const testFlags = flags.replace(/[^iuvs]/gu, '');
  const fragment = (node: AST.Element | AST.Alternative, from: number): number => {
    switch (node.type) {
      case 'Alternative': {
        let at = from;
        for (const element of node.elements) at = fragment(element, at);
        return at;
      }
      case 'Group':
      case 'CapturingGroup': {
        if ('modifiers' in node && node.modifiers) throw new Unsupported();
        return branches(node.alternatives, from);
      }
      case 'Quantifier':
        return repeat(node, from);
      case 'Assertion': {
        if (node.kind !== 'start' && node.kind !== 'end') throw new Unsupported();
        const to = state();
        link(from, { kind: node.kind, to });
        return to;
      }
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass': {
        if (node.type === 'CharacterClass' && node.unicodeSets && node.elements.some((element) => element.type === 'ClassStringDisjunction')) {
          throw new Unsupported();
        }
        const to = state();
        link(from, { kind: 'chars', chars: matchedChars(node.raw, testFlags), to });
        return to;
      }
      default:
        throw new Unsupported();
    }
  };
  const branches = (alternatives: readonly AST.Alternative[], from: number): number => {
    const end = state();
    for (const alternative of alternatives) {
      const begin = state();
      link(from, { kind: 'epsilon', to: begin });
      link(fragment(alternative, begin), { kind: 'epsilon', to: end });
    }
    return end;
  };
  const repeat = (node: AST.Quantifier, from: number): number => {
    if (node.min > MAX_REPEAT || (node.max !== Number.POSITIVE_INFINITY && node.max > MAX_REPEAT)) throw new Unsupported();
    let at = from;
    for (let count = 0; count < node.min; count += 1) at = fragment(node.element, at);
    if (node.max === Number.POSITIVE_INFINITY) {
      const loop = state();
      link(at, { kind: 'epsilon', to: loop });
      link(fragment(node.element, loop), { kind: 'epsilon', to: loop });
      return loop;
    }
    const end = state();
    link(at, { kind: 'epsilon', to: end });
    for (let count = node.min; count < node.max; count += 1) {
      at = fragment(node.element, at);
      link(at, { kind: 'epsilon', to: end });
    }
    return end;
  };
  try {
    const start = state();
    const accept = branches(pattern.alternatives, start);
    return { edges, start, accept };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

const matchedCache = new Map<string, number[]>();

/** The alphabet characters one single-character element matches (by index), as the engine decides, flags included. */
function matchedChars(raw: string, flags: string): number[] {
  const key = `${flags}/${raw}`;
  let chars = matchedCache.get(key);
  if (chars === undefined) {
    let single: RegExp;
    try {
      single = new RegExp(`^(?:${raw})$`, flags);
    } catch {
      throw new Unsupported();
    }
    chars = [...ALPHABET].flatMap((char, index) => (single.test(char) ? [index] : []));
    if (matchedCache.size > 2000) matchedCache.clear();
    matchedCache.set(key, chars);
  }
  return chars;
}

/** What the host of the wanted origin must be: none of `hosts` nor a subdomain of one (`foreign`), or one (`named`). */
export type HostWanted = 'foreign' | 'named';

/** Where the search is: before the pattern starts matching (test() may match anywhere), in it, or after it matched. */
const BEFORE = 0;
const INSIDE = 1;
const AFTER = 2;

/**
 * The shortest origin (`http(s)://host[:port]`, host with at least one dot for `foreign`) that the automaton accepts
 * with the wanted host, or null when there is none (or the search is too large to finish).
 */
export function findOrigin(automaton: RegexAutomaton, hosts: readonly string[], wanted: HostWanted): string | null {
  const origin = new OriginAutomaton(hosts, wanted);
  const size = origin.size;
  const stateCount = automaton.edges.length;
  // A pattern that must start at the beginning (`^…`) gains nothing from characters read before it.
  const freeStart = startsAnywhere(automaton);
  const seen = new Set<number>();
  const visit = (mode: number, at: number, ended: boolean, originState: number, previous: Visit | null, char: string): Visit | null => {
    const key = ((at * 3 + mode) * 2 + (ended ? 1 : 0)) * size + originState;
    if (seen.has(key)) return null;
    seen.add(key);
    return { mode, at, ended, origin: originState, previous, char };
  };
  // Everything reachable without reading a character; stops at the first accepted origin.
  const closure = (seeds: readonly Visit[]): { level: Visit[]; hit: Visit | null } => {
    const level: Visit[] = [];
    const stack = [...seeds];
    while (stack.length > 0) {
      const current = stack.pop() as Visit;
      level.push(current);
      if (current.mode === AFTER && origin.accepts(current.origin)) return { level, hit: current };
      const move = (mode: number, at: number, ended: boolean): void => {
        const next = visit(mode, at, ended, current.origin, current, '');
        if (next) stack.push(next);
      };
      if (current.mode === BEFORE) move(INSIDE, automaton.start, false);
      if (current.mode !== INSIDE) continue;
      if (current.at === automaton.accept) move(AFTER, 0, current.ended);
      for (const edge of automaton.edges[current.at] ?? []) {
        if (edge.kind === 'epsilon') move(INSIDE, edge.to, current.ended);
        else if (edge.kind === 'start' && current.origin === OriginAutomaton.INITIAL) move(INSIDE, edge.to, current.ended);
        else if (edge.kind === 'end') move(INSIDE, edge.to, true);
      }
    }
    return { level, hit: null };
  };
  let { level, hit } = closure([visit(BEFORE, 0, false, OriginAutomaton.INITIAL, null, '') as Visit]);
  while (!hit && level.length > 0 && seen.size < MAX_SEARCHED && seen.size < stateCount * size * 6) {
    const reached: Visit[] = [];
    for (const current of level) {
      if (current.ended || (current.mode === BEFORE && !freeStart)) continue;
      if (current.mode !== INSIDE) {
        for (let char = 0; char < ALPHABET.length; char += 1) {
          const originState = origin.step(current.origin, char);
          const next = originState < 0 ? null : visit(current.mode, 0, false, originState, current, ALPHABET[char] as string);
          if (next) reached.push(next);
        }
        continue;
      }
      for (const edge of automaton.edges[current.at] ?? []) {
        if (edge.kind !== 'chars') continue;
        for (const char of edge.chars) {
          const originState = origin.step(current.origin, char);
          const next = originState < 0 ? null : visit(INSIDE, edge.to, false, originState, current, ALPHABET[char] as string);
          if (next) reached.push(next);
        }
      }
    }
    ({ level, hit } = closure(reached));
  }
  if (!hit) return null;
  let text = '';
  for (let current: Visit | null = hit; current; current = current.previous) text = current.char + text;
  return text;
}

/** One state of the search: where in the pattern, whether `$` held, the origin read so far, and how it got here. */
interface Visit {
  mode: number;
  at: number;
  ended: boolean;
  origin: number;
  previous: Visit | null;
  char: string;
}

/** Whether the pattern can start matching after the first character: some path from its start reads one before any `^`. */
function startsAnywhere(automaton: RegexAutomaton): boolean {
  const seen = new Set<number>([automaton.start]);
  const stack = [automaton.start];
  while (stack.length > 0) {
    const at = stack.pop() as number;
    if (at === automaton.accept) return true;
    for (const edge of automaton.edges[at] ?? []) {
      if (edge.kind === 'chars') return true;
      if (edge.kind !== 'start' && !seen.has(edge.to)) {
        seen.add(edge.to);
        stack.push(edge.to);
      }
    }
  }
  return false;
}

const HOST_CHARS_AND_DOT = `${HOST_CHARS}.`;
const CHAR_INDEX = new Map([...ALPHABET].map((char, index) => [char, index]));
const AC_INDEX = [...ALPHABET].map((char) => HOST_CHARS_AND_DOT.indexOf(char));
const IS_HOST_CHAR = [...ALPHABET].map((char) => HOST_CHARS.includes(char));
const IS_DIGIT = [...ALPHABET].map((char) => DIGITS.includes(char));
const SCHEME = [...'http'].map((char) => CHAR_INDEX.get(char) as number);
const [S, COLON, SLASH, DOT] = ['s', ':', '/', '.'].map((char) => CHAR_INDEX.get(char) as number) as [number, number, number, number];
const MAX_PORT_DIGITS = 5;

/**
 * `http(s)://host[:port]` with lower-case ASCII labels, as a deterministic automaton whose host part also runs an
 * Aho–Corasick automaton over `.h` for each named host `h`: fed a leading `.`, the host ends in one of them exactly
 * when it is `h` or a subdomain of `h`. States are numbered densely: the scheme (0–7), then the host (ac·4 + label·2 +
 * dot), then the port (digits·4 + named·2 + dot).
 */
class OriginAutomaton {
  static readonly INITIAL = 0;
  private static readonly HOST = 8;
  readonly size: number;
  private readonly goto: number[][] = [[]];
  private readonly terminal: boolean[] = [false];
  private readonly acStart: number;
  private readonly port: number;

  constructor(
    hosts: readonly string[],
    private readonly wanted: HostWanted,
  ) {
    for (const host of hosts) this.addPattern(`.${host.toLowerCase()}`);
    this.complete();
    this.acStart = this.acStep(0, DOT);
    this.port = OriginAutomaton.HOST + this.goto.length * 4;
    this.size = this.port + (MAX_PORT_DIGITS + 1) * 4;
  }

  /** The next state, or -1 when no origin continues this way. */
  step(state: number, char: number): number {
    if (state < OriginAutomaton.HOST) return this.schemeStep(state, char);
    if (state < this.port) {
      const host = state - OriginAutomaton.HOST;
      const ac = host >> 2;
      const label = (host & 2) !== 0;
      const dot = host & 1;
      if (IS_HOST_CHAR[char]) return OriginAutomaton.HOST + this.acStep(ac, char) * 4 + 2 + dot;
      if (char === DOT) return label ? OriginAutomaton.HOST + this.acStep(ac, DOT) * 4 + 1 : -1;
      if (char === COLON) return label ? this.port + (this.terminal[ac] ? 2 : 0) + dot : -1;
      return -1;
    }
    const digits = (state - this.port) >> 2;
    return IS_DIGIT[char] && digits < MAX_PORT_DIGITS ? state + 4 : -1;
  }

  accepts(state: number): boolean {
    if (state < OriginAutomaton.HOST) return false;
    let named: boolean;
    let dot: boolean;
    if (state < this.port) {
      const host = state - OriginAutomaton.HOST;
      if ((host & 2) === 0) return false;
      named = this.terminal[host >> 2] ?? false;
      dot = (host & 1) !== 0;
    } else {
      const port = state - this.port;
      if (port < 4) return false;
      named = (port & 2) !== 0;
      dot = (port & 1) !== 0;
    }
    return this.wanted === 'named' ? named : dot && !named;
  }

  // 0–3: `http` read up to there; 4: `http`; 5: `https`; 6: `…:`; 7: `…:/`; the second `/` enters the host.
  private schemeStep(state: number, char: number): number {
    if (state < 4) return char === SCHEME[state] ? state + 1 : -1;
    if (state === 4 && char === S) return 5;
    if ((state === 4 || state === 5) && char === COLON) return 6;
    if (state === 6 && char === SLASH) return 7;
    if (state === 7 && char === SLASH) return OriginAutomaton.HOST + this.acStart * 4;
    return -1;
  }

  private addPattern(pattern: string): void {
    let node = 0;
    for (const char of pattern) {
      const index = HOST_CHARS_AND_DOT.indexOf(char);
      if (index < 0) return;
      let next = this.goto[node]?.[index];
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push([]);
        this.terminal.push(false);
        (this.goto[node] as number[])[index] = next;
      }
      node = next;
    }
    this.terminal[node] = true;
  }

  /** Fills in failure transitions so that every state has a move on every host character. */
  private complete(): void {
    const fail: number[] = [0];
    const queue: number[] = [];
    const root = this.goto[0] as number[];
    for (let index = 0; index < HOST_CHARS_AND_DOT.length; index += 1) {
      const next = root[index];
      if (next === undefined) root[index] = 0;
      else {
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head] as number;
      const row = this.goto[node] as number[];
      const failRow = this.goto[fail[node] ?? 0] as number[];
      this.terminal[node] = (this.terminal[node] ?? false) || (this.terminal[fail[node] ?? 0] ?? false);
      for (let index = 0; index < HOST_CHARS_AND_DOT.length; index += 1) {
        const next = row[index];
        if (next === undefined) row[index] = failRow[index] ?? 0;
        else {
          fail[next] = failRow[index] ?? 0;
          queue.push(next);
        }
      }
    }
  }

  private acStep(state: number, char: number): number {
    return this.goto[state]?.[AC_INDEX[char] ?? -1] ?? 0;
  }
}
