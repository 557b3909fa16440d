/** Recognises reads of incoming request headers: `req.headers.origin`, `ctx.get('Origin')`, `c.req.header('origin')`. */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { BROWSER_MANAGED_REQUEST_HEADERS, HEADER_GET_RECEIVERS, NON_BROWSER_REQUEST_HEADER } from '../frameworks/app-signals.js';
import { type Node, memberName, unwrap } from './ast.js';

const HEADER_OBJECTS = new Set(['headers', 'header']);
const HEADER_GETTERS = new Set(['header', 'get']);

/**
 * The lower-cased name of the request header that `node` reads, or null. Any receiver name counts: the receiver's type
 * is not known to a linter, and these shapes are how every supported framework exposes request headers.
 */
export function requestHeaderRead(raw: Node): string | null {
  const node = unwrap(raw);
  // req.headers.origin, req.headers['origin'], ctx.request.header.origin
  if (node.type === T.MemberExpression) {
    const object = unwrap(node.object);
    if (object.type === T.MemberExpression && HEADER_OBJECTS.has(memberName(object) ?? '')) {
      const name = memberName(node);
      return name ? name.toLowerCase() : null;
    }
    return null;
  }
  // req.get('origin'), req.header('Origin'), request.headers.get('origin'), c.req.header('origin')
  if (node.type === T.CallExpression && node.arguments.length === 1) {
    const callee = unwrap(node.callee);
    if (callee.type !== T.MemberExpression || !HEADER_GETTERS.has(memberName(callee) ?? '')) return null;
    const argument = unwrap(node.arguments[0] as Node);
    if (argument.type === T.Literal && typeof argument.value === 'string' && isHeaderName(argument.value)) {
      return argument.value.toLowerCase();
    }
  }
  return null;
}

function isHeaderName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9-]*$/u.test(text);
}

export const ORIGIN_HEADER = 'origin';
export const REQUEST_HEADERS_HEADER = 'access-control-request-headers';

const MANAGED = new Set(BROWSER_MANAGED_REQUEST_HEADERS);
const GET_RECEIVERS = new Set(HEADER_GET_RECEIVERS);

/** `c.get('user')`, `params.get('q')`: a `get` on an object that is not the request or its headers. */
function isOtherGet(node: Node, key: string): boolean {
  if (node.type !== T.CallExpression || key.startsWith('x-')) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || memberName(callee) !== 'get') return false;
  const receiver = unwrap(callee.object);
  const name = receiver.type === T.Identifier ? receiver.name : receiver.type === T.MemberExpression ? memberName(receiver) : null;
  return name === null || !GET_RECEIVERS.has(name);
}

/** A request header a browser app sends on purpose that the node reads (`req.get('X-Tenant-ID')`), as written, or null. */
export function customRequestHeaderRead(node: Node): { key: string; name: string } | null {
  if (node.type !== T.MemberExpression && node.type !== T.CallExpression) return null;
  // `request.headers.get(…)`: the member is a method of the headers object, not a header.
  if (node.type === T.MemberExpression && node.parent?.type === T.CallExpression && node.parent.callee === node) return null;
  const key = requestHeaderRead(node);
  if (key === null || MANAGED.has(key) || NON_BROWSER_REQUEST_HEADER.test(key) || isOtherGet(node, key)) return null;
  const argument = node.type === T.CallExpression ? node.arguments[0] : undefined;
  return { key, name: argument?.type === T.Literal && typeof argument.value === 'string' ? argument.value : key };
}
