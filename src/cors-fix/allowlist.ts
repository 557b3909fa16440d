/**
 * How rewritten code refers to the allowlist: the config module's exports, the `origin` value each framework accepts
 * (from its entry's origin support, never its name), and how a raw header middleware reads the request origin.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { OriginSupport } from '../frameworks/define-framework.js';
import { HEADERS_CONSTRUCTORS, RESPONSE_CONSTRUCTORS } from '../frameworks/raw-headers.js';
import { type FunctionNode, type Node, isFunction, methodReceiver, unwrap, walk } from '../model/ast.js';
import type { HeaderWrite, SourceCode } from '../model/index.js';
import { ORIGIN_HEADER, requestHeaderRead } from '../model/request-headers.js';
import { alternatives } from '../model/index.js';
import { type TextStyle, quoted } from './text-style.js';

/** How rewritten code in one file refers to one allowlist of the config module. */
export interface AllowlistRef {
  /** The environment variable it is read from (`CORS_ORIGINS`). */
  variable: string;
  /** Its export in the config module (`corsOrigins`). */
  exportName: string;
  /** Its name in the file being edited (the export name, or an alias when the file already uses that name). */
  local: string;
}

/** `allowlist.has(origin)`: whether a request origin is in the allowlist. */
export function allowCheck(allowlist: AllowlistRef, origin: string): string {
  return `${allowlist.local}.has(${origin})`;
}

/**
 * The allowlist as an `origin` option value, in the form the framework calls per request (its origin-function style):
 * the config module's own check (`corsOrigins.check`), or, when regexes are kept beside it, a function that also
 * tests them (typed in TypeScript files, so that it type-checks without a contextual type). Null when the framework
 * takes no origin function.
 */
export function originValue(support: OriginSupport, allowlist: AllowlistRef, style: TextStyle, kept: readonly string[] = [], typescript = false): string | null {
  const list = allowlist.local;
  const q = (value: string): string => quoted(value, style);
  const tests = (origin: string): string => kept.map((regex) => ` || ${regex}.test(${origin})`).join('');
  const typed = (annotation: string): string => (typescript ? annotation : '');
  switch (support.function) {
    case 'callback':
    case 'callback-or-return':
      return kept.length === 0
        ? `${list}.check`
        : `(origin${typed(': string | undefined')}, callback${typed(': (error: Error | null, allow: boolean) => void')}) => callback(null, ${list}.has(origin)${tests(`origin ?? ${q('')}`)})`;
    case 'return-origin':
      return kept.length === 0 ? `${list}.echo` : `(origin${typed(': string')}) => (${list}.has(origin)${tests('origin')} ? origin : null)`;
    case 'return-from-context':
      return `${list}.fromContext`;
    case 'predicate':
      return `${list}.matchesRequest`;
    default:
      return null;
  }
}

/**
 * The expression that reads the request origin where `write` happens: the value itself when it echoes the origin,
 * another read of it in the same function, or the standard read for the handler's parameters (`req.headers.origin`
 * for `(req, res) =>` handlers that write on `res`; `ctx.get('Origin')` for `ctx.set`; `c.req.header('Origin')` for
 * `c.header`). Null when none of these applies.
 */
export function requestOriginExpression(write: HeaderWrite, sourceCode: SourceCode, style: TextStyle): string | null {
  const text = (node: Node): string => sourceCode.text.slice(node.range[0], node.range[1]);
  for (const value of alternatives(write.value)) {
    if (value.kind === 'request-header' && value.name === ORIGIN_HEADER && isStableRead(value.node)) return text(value.node);
  }
  const group = write.group;
  if (!isFunction(group)) return null;
  const read = firstOriginRead(group, sourceCode);
  if (read) return text(read);
  const call = write.node;
  if (call.type === T.Property) {
    // A header object in a handler: `(req, res) => res.writeHead(200, {…})`, `fetch(request) { return new Response(…) }`.
    const request = group.params[0];
    if (request?.type !== T.Identifier) return null;
    return buildsWebResponses(group, sourceCode) ? `${request.name}.headers.get(${quoted('Origin', style)})` : `${request.name}.headers.origin`;
  }
  if (call.type !== T.CallExpression) return null;
  const receiver = methodReceiver(call);
  const [first, second] = group.params;
  if (receiver?.type !== T.Identifier || first?.type !== T.Identifier) return null;
  const callee = unwrap(call.callee) as TSESTree.MemberExpression;
  const method = callee.property.type === T.Identifier ? callee.property.name : '';
  if (second?.type === T.Identifier && receiver.name === second.name) return `${first.name}.headers.origin`;
  if (receiver.name === first.name && (method === 'set' || method === 'append')) return `${first.name}.get(${quoted('Origin', style)})`;
  if (receiver.name === first.name && method === 'header') return `${first.name}.req.header(${quoted('Origin', style)})`;
  return null;
}

/** A read of the origin that can be repeated: `req.headers.origin`, `ctx.get('Origin')`, a variable. */
function isStableRead(node: Node): boolean {
  const value = unwrap(node);
  return value.type === T.Identifier || value.type === T.MemberExpression || value.type === T.CallExpression;
}

/** Whether `fn` answers with web `Response`/`Headers` objects, whose request headers are read with `.get()`. */
function buildsWebResponses(fn: FunctionNode, sourceCode: SourceCode): boolean {
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    const callee = node.type === T.NewExpression || node.type === T.CallExpression ? unwrap(node.callee) : null;
    const name = callee?.type === T.Identifier ? callee.name : callee?.type === T.MemberExpression && callee.object.type === T.Identifier ? callee.object.name : null;
    if (name !== null && WEB_RESPONSES.has(name)) found = true;
    return !found;
  });
  return found;
}

/** The raw-header entry's web constructors (`new Response(…)`, `new Headers(…)`, `NextResponse.json(…)`). */
const WEB_RESPONSES: ReadonlySet<string> = new Set([...RESPONSE_CONSTRUCTORS, ...HEADERS_CONSTRUCTORS]);

/** The first read of the request origin in `fn`'s own body (not in nested functions). */
function firstOriginRead(fn: FunctionNode, sourceCode: SourceCode): Node | null {
  let found: Node | null = null;
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (isFunction(node)) return false;
    if (requestHeaderRead(node) === ORIGIN_HEADER) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}
