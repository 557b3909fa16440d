/** Finds response header writes (`res.setHeader`, `c.header`, `ctx.set`, `new Headers`, `new Response(…, { headers })`). */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import {
  HEADER_WRITE_METHODS,
  HEADERS_CONSTRUCTORS,
  RESPONSE_CONSTRUCTORS,
  RESPONSE_FACTORIES,
} from '../frameworks/index.js';
import { type Node, calledMethod, enclosingFunction, methodReceiver, unwrap } from './ast.js';
import type { HeaderWrite } from './cors-file.js';
import type { ObjectValue, ValueResolver } from './static-value.js';

const NAME_VALUE = new Set<string>(HEADER_WRITE_METHODS.nameValue);
const HEADER_OBJECT = new Set<string>(HEADER_WRITE_METHODS.headerObject);
const STATUS_THEN_OBJECT = new Set<string>(HEADER_WRITE_METHODS.statusThenHeaderObject);
const RESPONSES = new Set<string>(RESPONSE_CONSTRUCTORS);
const FACTORIES = new Set<string>(RESPONSE_FACTORIES);
const HEADERS = new Set<string>(HEADERS_CONSTRUCTORS);

/** Every header write among the file's calls. */
export function readHeaderWrites(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], resolver: ValueResolver): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  for (const call of calls) {
    const group = enclosingFunction(call);
    const callee = unwrap(call.callee);
    if (call.type === T.NewExpression) {
      if (callee.type !== T.Identifier) continue;
      if (RESPONSES.has(callee.name)) writes.push(...responseInitWrites(call, call.arguments[1], group, resolver));
      else if (HEADERS.has(callee.name)) writes.push(...objectWrites(call, call.arguments[0], group, resolver));
      continue;
    }
    const method = calledMethod(call);
    if (!method) continue;
    const args = call.arguments;
    if (NAME_VALUE.has(method) && args.length === 2) {
      const [nameNode, valueNode] = args as [Node, Node];
      const name = resolver.resolve(nameNode);
      if (name.kind === 'string' && valueNode.type !== T.SpreadElement) {
        writes.push({ name: name.value, key: name.value.toLowerCase(), value: resolver.resolve(valueNode), valueNode, node: call, group: group ?? call });
      }
      continue;
    }
    if (HEADER_OBJECT.has(method) && args.length === 1) {
      writes.push(...objectWrites(call, args[0], group, resolver));
      continue;
    }
    if (STATUS_THEN_OBJECT.has(method) && args.length >= 2) {
      writes.push(...objectWrites(call, args[args.length - 1], group, resolver));
      continue;
    }
    // Response.json(body, { headers }), NextResponse.json(…)
    const receiver = methodReceiver(call);
    if (FACTORIES.has(method) && receiver?.type === T.Identifier && RESPONSES.has(receiver.name)) {
      writes.push(...responseInitWrites(call, args[1], group, resolver));
    }
  }
  return writes;
}

function responseInitWrites(call: Node, init: Node | undefined, group: Node | null, resolver: ValueResolver): HeaderWrite[] {
  if (!init || init.type === T.SpreadElement) return [];
  const value = resolver.resolve(init);
  if (value.kind !== 'object') return [];
  const headers = value.properties.findLast((property) => property.key === 'headers');
  if (!headers) return [];
  // `headers: new Headers({…})` is a write of its own.
  if (unwrap(headers.value.node).type === T.NewExpression) return [];
  return headers.value.kind === 'object' ? writesOf(headers.value, call, group) : [];
}

function objectWrites(call: Node, argument: Node | undefined, group: Node | null, resolver: ValueResolver): HeaderWrite[] {
  if (!argument || argument.type === T.SpreadElement) return [];
  const value = resolver.resolve(argument);
  return value.kind === 'object' ? writesOf(value, call, group) : [];
}

function writesOf(object: ObjectValue, call: Node, group: Node | null): HeaderWrite[] {
  return object.properties.map((property) => ({
    name: property.key,
    key: property.key.toLowerCase(),
    value: property.value,
    valueNode: property.value.node,
    node: property.node,
    group: group ?? object.node,
  }));
}

/** Response headers that are set for the server's or a proxy's sake, never read by browser code. */
const NOT_CUSTOM = new Set([
  'x-accel-buffering',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'x-powered-by',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-robots-tag',
]);

/** `X-…` response headers that browser code may want to read, so CORS must expose them. */
export function isCustomResponseHeader(write: HeaderWrite): boolean {
  return write.key.startsWith('x-') && !NOT_CUSTOM.has(write.key);
}

