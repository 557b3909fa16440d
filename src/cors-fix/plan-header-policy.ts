/**
 * Plans the fix of a policy written as raw `Access-Control-*` headers inside a handler: the Allow-Origin write is
 * made conditional on the allowlist and sends the request origin (a `x.set(name, value)` statement gets an `if`, an
 * entry of a header object becomes a conditional spread); `*` and echoed header lists become explicit lists; the
 * handler gets the CORS headers it lacks. Header objects outside any handler, and writes inside larger expressions,
 * are reported, not rewritten.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { isFunction, propertyKey } from '../model/ast.js';
import {
  CONTENT_TYPE,
  type CorsPolicy,
  type HeaderWrite,
  MAX_PORTABLE_MAX_AGE,
  type Node,
  alternatives,
  explicitMethods,
  isOriginLike,
  requiredRequestHeaders,
  unexposedHeaders,
  unique,
} from '../model/index.js';
import { allowCheck, requestOriginExpression } from './allowlist.js';
import { type PolicyFinding, isUnplanned, resolveCategory, resolveFinding } from './findings.js';
import { appendItems, endOfLine, replaceNode } from './node-edits.js';
import { fixRegexesInPlace, resolveReplaced, retiredOrigins, rewriteOriginsInPlace, serialiseOriginsInPlace } from './origin-rewrite.js';
import { type PlanContext, PolicyEdits, coverageOf } from './plan-types.js';
import { lineIndent, quoted } from './text-style.js';

/** Plans one raw-header policy; marks each of `findings` with what was done. */
export function planHeaderPolicy(policy: CorsPolicy, findings: readonly PolicyFinding[], context: PlanContext): PolicyEdits {
  const out = new PolicyEdits();
  if (policy.options.kind !== 'headers') return out;
  if (!isFunction(policy.node)) {
    for (const finding of findings) {
      if (isUnplanned(finding)) resolveFinding(finding, 'skipped', 'These headers are static configuration, which cannot check the request origin; send CORS headers from a middleware that checks it against the allowlist.');
    }
    return out;
  }
  const writes = policy.options.writes;
  const guarded = planOriginWrites(policy, writes, findings, context, out);
  if (!guarded) {
    const inPlace = rewriteOriginsInPlace(policy, findings.filter((finding) => finding.category === 'origin' && isUnplanned(finding)), context);
    if (inPlace) {
      out.add(...inPlace.edits);
      out.use(...inPlace.uses);
      out.origins.push(...inPlace.origins);
      resolveReplaced(findings, inPlace.edits, `Replaced by the ${context.allowlist.variable} allowlist.`);
    }
  }
  fixRegexesInPlace(findings, out, context);
  serialiseOriginsInPlace(findings, out, context);
  const coverage = coverageOf(context);
  const required = requiredRequestHeaders(policy.credentials.on, coverage);
  const allHeaders = unique([CONTENT_TYPE, ...required]);
  const methods = explicitMethods(policy, coverage);
  planListHeader(writes, 'access-control-allow-methods', 'methods', methods, findings, context, out);
  planListHeader(writes, 'access-control-allow-headers', 'allowedHeaders', allHeaders, findings, context, out);
  const expose = planExposeHeader(policy, writes, findings, context, out);
  const completion = guarded ? planCompletion(writes, { methods, allHeaders, required, routeMethods: coverage.methods }, context, out) : { perPolicy: [], perResponse: [] };
  const added = addHeaders(policy, writes, { perPolicy: completion.perPolicy, perResponse: [...expose, ...completion.perResponse] }, context, out);
  if (added && expose[0]) resolveCategory(findings, 'exposedHeaders', 'fixed', `Exposed ${expose[0][1]}.`);
  return out;
}

/**
 * Headers to add: `perPolicy` ones answer preflights and are needed once per policy (methods, request headers,
 * max-age); `perResponse` ones must be on every response that carries Allow-Origin (credentials, exposed headers,
 * `Vary`).
 */
interface NewHeaders {
  perPolicy: [string, string][];
  perResponse: [string, string][];
}

/**
 * `x.set('Access-Control-Allow-Origin', '*')` → `if (isAllowedOrigin(origin)) x.set('Access-Control-Allow-Origin',
 * origin)`, for every Allow-Origin write that sends `*`, an unchecked request origin or a hard-coded origin.
 * Returns whether any write was rewritten.
 */
function planOriginWrites(policy: CorsPolicy, writes: readonly HeaderWrite[], findings: readonly PolicyFinding[], context: PlanContext, out: PolicyEdits): boolean {
  const openNodes = new Set(policy.allowedOrigins.filter((origin) => origin.kind === 'any' || origin.kind === 'reflect').map((origin) => origin.node));
  let rewrote = false;
  for (const write of writes) {
    if (write.key !== 'access-control-allow-origin') continue;
    const values = alternatives(write.value);
    const needsCheck = values.some((value) => openNodes.has(value.node) || (value.kind === 'string' && isOriginLike(value.value)));
    if (!needsCheck) continue;
    const [start, end] = write.valueNode.range;
    const concerned = findings.filter((finding) => finding.category === 'origin' && isUnplanned(finding) && start <= finding.node.range[0] && finding.node.range[1] <= end);
    const reason = guardWrite(write, context, out);
    if (reason !== null) {
      for (const finding of concerned) resolveFinding(finding, 'skipped', reason);
      continue;
    }
    rewrote = true;
    for (const finding of concerned) resolveFinding(finding, 'fixed', `The header is now sent only to origins in the ${context.allowlist.variable} allowlist, with the request origin as its value.`);
    out.change('origin', write.node, `Access-Control-Allow-Origin: the request origin when ${context.allowlist.local}.has() it`);
  }
  if (rewrote) {
    out.use(context.allowlist.exportName);
    out.origins.push(...retiredOrigins(policy));
    // Credentials findings point at the same origins; with the check in place they are fixed as well.
    for (const finding of findings) {
      if (isUnplanned(finding) && finding.category === 'origin' && (finding.kind === 'any-origin' || finding.kind === 'reflected-origin' || finding.kind === 'any' || finding.kind === 'reflect')) {
        resolveFinding(finding, 'fixed', `The Allow-Origin header now depends on the ${context.allowlist.variable} allowlist.`);
      }
    }
  }
  return rewrote;
}

/** Guards one write with the allowlist check; returns a reason when it cannot. */
function guardWrite(write: HeaderWrite, context: PlanContext, out: PolicyEdits): string | null {
  const call = write.node;
  if (call.type === T.Property) return guardEntry(write, call, context, out);
  const statement = call.parent;
  if (call.type !== T.CallExpression || statement?.type !== T.ExpressionStatement || statement.expression !== call) {
    return `The header is written inside a larger expression or a header object; send it only when ${context.allowlist.local}.has(origin) is true, by hand.`;
  }
  const origin = requestOriginExpression(write, context.sourceCode, context.style);
  if (!origin) return 'cors-fix cannot tell how this handler reads the request Origin; send the header only when the origin is in the allowlist, by hand.';
  const check = `if (${allowCheck(context.allowlist, origin)}) `;
  const parent = statement.parent;
  const dangling = parent?.type === T.IfStatement && parent.consequent === statement && parent.alternate !== null;
  out.add({ start: statement.range[0], end: statement.range[0], text: dangling ? `{ ${check}` : check });
  if (dangling) out.add({ start: statement.range[1], end: statement.range[1], text: ' }' });
  if (context.sourceCode.getText(write.valueNode) !== origin) out.add(replaceNode(write.valueNode, origin));
  return null;
}

/**
 * `{ 'Access-Control-Allow-Origin': '*', … }` in a handler (`res.writeHead(200, {…})`, `new Response(body, { headers:
 * {…} })`) → `{ ...(isAllowedOrigin(origin) ? { 'Access-Control-Allow-Origin': origin } : {}), … }`.
 */
function guardEntry(write: HeaderWrite, entry: TSESTree.Property, context: PlanContext, out: PolicyEdits): string | null {
  if (entry.parent.type !== T.ObjectExpression || entry.kind !== 'init' || entry.method || entry.shorthand) {
    return `The header is not a plain entry of a header object; send it only when ${context.allowlist.local}.has(origin) is true, by hand.`;
  }
  const origin = requestOriginExpression(write, context.sourceCode, context.style);
  if (!origin) return 'cors-fix cannot tell how this handler reads the request Origin; send the header only when the origin is in the allowlist, by hand.';
  const key = context.sourceCode.getText(entry.key);
  const written = entry.computed ? `[${key}]` : key;
  // TypeScript narrows `req.headers.origin` after the check but not a call such as `request.headers.get('Origin')`,
  // whose `string | null` a `HeadersInit` refuses: `?? ''` keeps the value a string (it is one whenever it is sent).
  const value = origin.endsWith(')') ? `${origin} ?? ${quoted('', context.style)}` : origin;
  out.add(replaceNode(entry, `...(${allowCheck(context.allowlist, origin)} ? { ${written}: ${value} } : {})`));
  return null;
}

/** `Access-Control-Allow-Methods: *` or an echoed Allow-Headers → an explicit comma-separated list. */
function planListHeader(
  writes: readonly HeaderWrite[],
  key: string,
  category: 'methods' | 'allowedHeaders',
  full: readonly string[],
  findings: readonly PolicyFinding[],
  context: PlanContext,
  out: PolicyEdits,
): void {
  const flagged = findings.filter((finding) => finding.category === category && isUnplanned(finding));
  if (flagged.length === 0) return;
  const value = quoted([...new Set(full)].join(', '), context.style);
  let fixed = false;
  for (const write of writes) {
    if (write.key !== key) continue;
    const [start, end] = write.valueNode.range;
    if (!flagged.some((finding) => (start <= finding.node.range[0] && finding.node.range[1] <= end) || write.valueNode === finding.node)) continue;
    out.add(replaceNode(write.valueNode, value));
    fixed = true;
  }
  if (fixed) {
    resolveCategory(findings, category, 'fixed', `The header now lists ${full.join(', ')}.`);
    out.change(category, (flagged[0] as PolicyFinding).node, `${headerName(key)}: ${full.join(', ')}`);
  }
}

/**
 * Custom response headers the file sets: added to Expose-Headers; returns the `[name, value]` of a new Expose-Headers
 * write when the policy has none.
 */
function planExposeHeader(policy: CorsPolicy, writes: readonly HeaderWrite[], findings: readonly PolicyFinding[], context: PlanContext, out: PolicyEdits): [string, string][] {
  const missing = unexposedHeaders(policy, context.file).map((write) => write.name);
  if (missing.length === 0) return [];
  const existing = writes.find((write) => write.key === 'access-control-expose-headers');
  const names = [...new Set(missing)];
  if (existing) {
    const node = existing.valueNode;
    if (node.type !== T.Literal || typeof node.value !== 'string') return [];
    const current = node.value.trim();
    out.add(replaceNode(node, quoted(current ? `${current}, ${names.join(', ')}` : names.join(', '), context.style)));
    resolveCategory(findings, 'exposedHeaders', 'fixed', `Exposed ${names.join(', ')}.`);
    out.change('exposedHeaders', node, `Access-Control-Expose-Headers: added ${names.join(', ')}`);
    return [];
  }
  return [['Access-Control-Expose-Headers', names.join(', ')]];
}

/**
 * Once the Allow-Origin write checks the allowlist, the policy gets explicit methods and request headers (what the
 * routes it covers need: their methods, `Authorization` where the app authenticates with it, `Last-Event-ID` and
 * `Cache-Control` where a route streams SSE, the custom headers the code reads), a 600 s preflight cache, and
 * `Vary: Origin` because the response now depends on the request origin. Headers the handler already writes keep
 * their values; a list gets what it lacks. Credentials stay as the handler sends them. Returns the new writes.
 */
function planCompletion(
  writes: readonly HeaderWrite[],
  lists: { methods: readonly string[]; allHeaders: readonly string[]; required: readonly string[]; routeMethods: readonly string[] },
  context: PlanContext,
  out: PolicyEdits,
): NewHeaders {
  const has = (key: string): boolean => writes.some((write) => write.key === key);
  const perPolicy: [string, string][] = [];
  const methods = writes.find((write) => write.key === 'access-control-allow-methods');
  if (!methods) perPolicy.push(['Access-Control-Allow-Methods', lists.methods.join(', ')]);
  else appendToList(methods.valueNode, lists.routeMethods.filter((method) => method !== 'OPTIONS'), 'methods', context, out);
  const allowHeaders = writes.find((write) => write.key === 'access-control-allow-headers');
  if (!allowHeaders) perPolicy.push(['Access-Control-Allow-Headers', lists.allHeaders.join(', ')]);
  else appendToList(allowHeaders.valueNode, lists.required, 'allowedHeaders', context, out);
  if (!has('access-control-max-age')) perPolicy.push(['Access-Control-Max-Age', String(MAX_PORTABLE_MAX_AGE)]);
  return { perPolicy, perResponse: [['Vary', 'Origin']] };
}

/** Adds the `required` names a literal comma-separated header value lacks (unless it holds `*` or is already edited). */
function appendToList(node: Node, required: readonly string[], header: 'methods' | 'allowedHeaders', context: PlanContext, out: PolicyEdits): void {
  if (node.type !== T.Literal || typeof node.value !== 'string') return;
  if (out.edits.some((edit) => edit.start <= node.range[0] && node.range[1] <= edit.end)) return;
  const tokens = node.value.split(',').map((token) => token.trim()).filter(Boolean);
  if (tokens.includes('*')) return;
  const missing = [...new Set(required)].filter((name) => !tokens.some((token) => token.toLowerCase() === name.toLowerCase()));
  if (missing.length === 0) return;
  out.add(replaceNode(node, quoted([...tokens, ...missing].join(', '), context.style)));
  out.change(header === 'methods' ? 'methods' : 'allowedHeaders', node, `${header === 'methods' ? 'Access-Control-Allow-Methods' : 'Access-Control-Allow-Headers'}: added ${missing.join(', ')}`);
}

/**
 * Adds `headers` next to each Allow-Origin write: as writes with that write's own call (`res.setHeader`, `ctx.set`,
 * `c.header`…) after it, or as entries of its header object. Headers the handler or the object already has are left
 * alone. Returns whether anything was added.
 */
function addHeaders(policy: CorsPolicy, writes: readonly HeaderWrite[], headers: NewHeaders, context: PlanContext, out: PolicyEdits): boolean {
  const anchors = writes.filter((write) => write.key === 'access-control-allow-origin');
  const first = anchors[0];
  if (!first) return false;
  const entry = (name: string, value: string): string => `${quoted(name, context.style)}: ${quoted(value, context.style)}`;
  if (first.node.type !== T.Property) {
    // Calls apply to every response of the handler: add what the handler does not write yet, once.
    const written = new Set(context.file.responseHeaders.filter((write) => write.group === policy.node).map((write) => write.key));
    const missing = [...headers.perPolicy, ...headers.perResponse].filter(([name]) => !written.has(name.toLowerCase()));
    return insertAfterCall(first, missing, context, out);
  }
  // Header objects: each response object gets what it lacks; preflight headers only where the policy has none.
  let added = false;
  let preflightPlaced = false;
  const seen = new Set<Node>();
  for (const anchor of anchors) {
    const object = anchor.node.parent;
    // A `const` header object used by several responses is one object: extend it once.
    if (anchor.node.type !== T.Property || object?.type !== T.ObjectExpression || seen.has(object)) continue;
    seen.add(object);
    const keys = new Set(object.properties.flatMap((property) => {
      const key = property.type === T.Property ? propertyKey(property) : null;
      return key === null ? [] : [key.toLowerCase()];
    }));
    const wanted = [...(preflightPlaced ? [] : headers.perPolicy), ...headers.perResponse].filter(([name]) => !keys.has(name.toLowerCase()));
    preflightPlaced = true;
    if (wanted.length === 0) continue;
    out.add(...appendItems(object, wanted.map(([name, value]) => entry(name, value)), context));
    for (const [name, value] of wanted) out.change(settingOf(name), object, `${name}: ${value}`);
    added = true;
  }
  return added;
}

/** Inserts `headers` as calls like `write` (a statement of its own in a block), on the lines after it. */
function insertAfterCall(write: HeaderWrite, headers: readonly [string, string][], context: PlanContext, out: PolicyEdits): boolean {
  if (headers.length === 0) return false;
  const call = write.node;
  const statement = call.parent;
  if (call.type !== T.CallExpression || statement?.type !== T.ExpressionStatement || statement.parent?.type !== T.BlockStatement) return false;
  const callee = context.sourceCode.getText(call.callee);
  const semicolon = context.sourceCode.getText(statement).endsWith(';') ? ';' : '';
  const indent = lineIndent(context.sourceCode.text, statement.range[0]);
  const position = endOfLine(context.sourceCode, statement);
  const text = headers.map(([name, value]) => `${context.style.eol}${indent}${callee}(${quoted(name, context.style)}, ${quoted(value, context.style)})${semicolon}`).join('');
  out.add({ start: position, end: position, text });
  for (const [name, value] of headers) out.change(settingOf(name), call, `${name}: ${value}`);
  return true;
}

/** `access-control-allow-methods` → `Access-Control-Allow-Methods`. */
function headerName(key: string): string {
  return key.replace(/(^|-)([a-z])/gu, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** The setting a CORS response header configures, for the report's change lines. */
function settingOf(name: string): 'methods' | 'allowedHeaders' | 'exposedHeaders' | 'maxAge' | 'option' {
  switch (name.toLowerCase()) {
    case 'access-control-allow-methods':
      return 'methods';
    case 'access-control-allow-headers':
      return 'allowedHeaders';
    case 'access-control-expose-headers':
      return 'exposedHeaders';
    case 'access-control-max-age':
      return 'maxAge';
    default:
      return 'option';
  }
}
