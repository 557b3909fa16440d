/**
 * Plans the fix of a policy written as raw `Access-Control-*` headers inside a handler: the Allow-Origin write is
 * made conditional on the allowlist and sends the request origin; `*` and echoed header lists become explicit lists.
 * Anything that is not a plain `x.set(name, value)` statement in a handler is reported, not rewritten.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction } from '../model/ast.js';
import { CREDENTIALED_REQUEST_HEADERS, type CorsPolicy, EVENT_STREAM_REQUEST_HEADERS, type HeaderWrite, alternatives, isOriginLike, unexposedHeaders } from '../model/index.js';
import { requestOriginExpression } from './allowlist.js';
import { type PolicyFinding, isUnplanned, resolveCategory, resolveFinding } from './findings.js';
import { endOfLine, replaceNode } from './node-edits.js';
import { fixRegexesInPlace, resolveReplaced, retiredOrigins, rewriteOriginsInPlace, serialiseOriginsInPlace } from './origin-rewrite.js';
import { DEFAULT_MAX_AGE, DEFAULT_METHODS, DEFAULT_REQUEST_HEADERS, type PlanContext, PolicyEdits } from './plan-types.js';
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
      resolveReplaced(findings, inPlace.edits, `Replaced by the ${context.envVar} allowlist.`);
    }
  }
  fixRegexesInPlace(findings, out, context);
  serialiseOriginsInPlace(findings, out, context);
  const sse = context.file.eventStreams.length > 0;
  const allHeaders = [...DEFAULT_REQUEST_HEADERS, ...(sse ? EVENT_STREAM_REQUEST_HEADERS : []), ...context.requestHeaders];
  planListHeader(writes, 'access-control-allow-methods', 'methods', [...DEFAULT_METHODS], findings, context, out);
  planListHeader(writes, 'access-control-allow-headers', 'allowedHeaders', allHeaders, findings, context, out);
  const expose = planExposeHeader(policy, writes, findings, context, out);
  const completion = guarded ? planCompletion(policy, writes, allHeaders, sse, context, out) : [];
  if (insertAfterAllowOrigin(writes, [...expose, ...completion], context, out) && expose[0]) {
    resolveCategory(findings, 'exposedHeaders', 'fixed', `Exposed ${expose[0][1]}.`);
  }
  return out;
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
    for (const finding of concerned) resolveFinding(finding, 'fixed', `The header is now sent only to origins in the ${context.envVar} allowlist, with the request origin as its value.`);
  }
  if (rewrote) {
    out.use('isAllowedOrigin');
    out.origins.push(...retiredOrigins(policy));
    // Credentials findings point at the same origins; with the check in place they are fixed as well.
    for (const finding of findings) {
      if (isUnplanned(finding) && finding.category === 'origin' && (finding.kind === 'any-origin' || finding.kind === 'reflected-origin' || finding.kind === 'any' || finding.kind === 'reflect')) {
        resolveFinding(finding, 'fixed', `The Allow-Origin header now depends on the ${context.envVar} allowlist.`);
      }
    }
  }
  return rewrote;
}

/** Guards one write with the allowlist check; returns a reason when it cannot. */
function guardWrite(write: HeaderWrite, context: PlanContext, out: PolicyEdits): string | null {
  const call = write.node;
  const statement = call.parent;
  if (call.type !== T.CallExpression || statement?.type !== T.ExpressionStatement || statement.expression !== call) {
    return 'The header is written inside a larger expression or a header object; send it only when isAllowedOrigin(origin) is true, by hand.';
  }
  const origin = requestOriginExpression(write, context.sourceCode, context.style);
  if (!origin) return 'cors-fix cannot tell how this handler reads the request Origin; send the header only when the origin is in the allowlist, by hand.';
  const check = `if (${context.names.isAllowedOrigin}(${origin})) `;
  const parent = statement.parent;
  const dangling = parent?.type === T.IfStatement && parent.consequent === statement && parent.alternate !== null;
  out.add({ start: statement.range[0], end: statement.range[0], text: dangling ? `{ ${check}` : check });
  if (dangling) out.add({ start: statement.range[1], end: statement.range[1], text: ' }' });
  if (context.sourceCode.getText(write.valueNode) !== origin) out.add(replaceNode(write.valueNode, origin));
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
  if (fixed) resolveCategory(findings, category, 'fixed', `The header now lists ${full.join(', ')}.`);
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
    return [];
  }
  return [['Access-Control-Expose-Headers', names.join(', ')]];
}

/**
 * Once the Allow-Origin write checks the allowlist, the policy gets what cors-fix gives every policy it rewrites:
 * credentials, explicit methods and request headers (with `Authorization` and `Content-Type`, `Last-Event-ID` and
 * `Cache-Control` where the file serves SSE, and the custom headers the code reads from requests), a 600 s preflight
 * cache, and `Vary: Origin` because the response now depends on the request origin. Headers the handler already
 * writes keep their values; an Allow-Headers list gets the required headers it lacks. Returns the new writes.
 */
function planCompletion(policy: CorsPolicy, writes: readonly HeaderWrite[], allHeaders: readonly string[], sse: boolean, context: PlanContext, out: PolicyEdits): [string, string][] {
  const has = (key: string): boolean => writes.some((write) => write.key === key);
  const added: [string, string][] = [];
  if (!has('access-control-allow-credentials')) added.push(['Access-Control-Allow-Credentials', 'true']);
  if (!has('access-control-allow-methods')) added.push(['Access-Control-Allow-Methods', DEFAULT_METHODS.join(', ')]);
  const credentialsOn = policy.credentials.on || !has('access-control-allow-credentials');
  const required = [...(credentialsOn ? CREDENTIALED_REQUEST_HEADERS : []), ...(sse ? EVENT_STREAM_REQUEST_HEADERS : []), ...context.requestHeaders];
  const allowHeaders = writes.find((write) => write.key === 'access-control-allow-headers');
  if (!allowHeaders) {
    added.push(['Access-Control-Allow-Headers', [...new Set(allHeaders)].join(', ')]);
  } else {
    const node = allowHeaders.valueNode;
    const replaced = out.edits.some((edit) => edit.start <= node.range[0] && node.range[1] <= edit.end);
    if (!replaced && node.type === T.Literal && typeof node.value === 'string' && !node.value.split(',').some((token) => token.trim() === '*')) {
      const tokens = node.value.split(',').map((token) => token.trim()).filter(Boolean);
      const missing = required.filter((name) => !tokens.some((token) => token.toLowerCase() === name.toLowerCase()));
      if (missing.length > 0) out.add(replaceNode(node, quoted([...tokens, ...missing].join(', '), context.style)));
    }
  }
  if (!has('access-control-max-age')) added.push(['Access-Control-Max-Age', String(DEFAULT_MAX_AGE)]);
  const varies = context.file.responseHeaders.some((write) => write.group === policy.node && write.key === 'vary');
  if (!varies) added.push(['Vary', 'Origin']);
  return added;
}

/**
 * Adds `headers` as writes with the Allow-Origin write's own call (`res.setHeader`, `ctx.set`, `c.header`…), after it.
 * Returns whether they were added (not when that write is not a statement of its own in a block).
 */
function insertAfterAllowOrigin(writes: readonly HeaderWrite[], headers: readonly [string, string][], context: PlanContext, out: PolicyEdits): boolean {
  if (headers.length === 0) return false;
  const anchor = writes.find((write) => write.key === 'access-control-allow-origin');
  const call = anchor?.node;
  const statement = call?.parent;
  if (!anchor || call?.type !== T.CallExpression || statement?.type !== T.ExpressionStatement || statement.parent?.type !== T.BlockStatement) return false;
  const callee = context.sourceCode.getText(call.callee);
  const semicolon = context.sourceCode.getText(statement).endsWith(';') ? ';' : '';
  const indent = lineIndent(context.sourceCode.text, statement.range[0]);
  const position = endOfLine(context.sourceCode, statement);
  const text = headers.map(([name, value]) => `${context.style.eol}${indent}${callee}(${quoted(name, context.style)}, ${quoted(value, context.style)})${semicolon}`).join('');
  out.add({ start: position, end: position, text });
  return true;
}
