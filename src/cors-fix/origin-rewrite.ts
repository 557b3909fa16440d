/**
 * Origin rewrites that keep the code's shape: a string array of origins becomes the allowlist, a comparison with an
 * origin or a substring check becomes `isAllowedOrigin(origin)`, a loose regex is anchored and escaped in place.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, type SourceCode, declaredVariables, resolveIdentifier, unwrap } from '../model/ast.js';
import { allowCheck, originValue } from './allowlist.js';
import { type CorsPolicy, type Value, alternatives, hardcodedOrigins, sourceFor } from '../model/index.js';
import type { OriginCheck } from '../model/origin-checks.js';
import { isRegexProblem, saferPattern, serialisedOrigin } from '../model/origin-patterns.js';
import { type PolicyFinding, UNSAFE_PATTERN_KEPT, isUnplanned, resolveFinding } from './findings.js';
import { removeElement, replaceNode } from './node-edits.js';
import { type PlanContext, PolicyEdits } from './plan-types.js';
import type { TextEdit } from './text-edits.js';
import { quoted } from './text-style.js';

/** The hard-coded origins of a policy in serialised form, for `.env.example`. */
export function retiredOrigins(policy: CorsPolicy): string[] {
  const origins: string[] = [];
  for (const origin of hardcodedOrigins(policy)) {
    const serialised = origin.kind === 'string' ? serialisedOrigin(origin.text) : null;
    if (serialised && !origins.includes(serialised)) origins.push(serialised);
  }
  return origins;
}

/**
 * Swaps hard-coded origins for the allowlist where they are written: arrays made only of strings, and comparisons
 * of the request origin (`===`, `startsWith`, `endsWith`, …). Null when some hard-coded origin sits elsewhere (a lone
 * string option, a fallback), which needs the whole origin replaced.
 */
export function rewriteOriginsInPlace(policy: CorsPolicy, findings: readonly PolicyFinding[], context: PlanContext): PolicyEdits | null {
  const arrays = new Set<TSESTree.ArrayExpression>();
  const mixed = new Map<TSESTree.ArrayExpression, { strings: Node[]; findings: PolicyFinding[] }>();
  const checks = new Set<OriginCheck>();
  const handled: { finding: PolicyFinding; detail: string; action: 'fixed' | 'review' }[] = [];
  const setValue = policy.origin.state === 'set' ? unwrap(policy.origin.node) : null;
  const optionList = setValue?.type === T.ArrayExpression ? setValue : null;
  for (const finding of findings) {
    if (!isUnplanned(finding)) continue;
    if (finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'string') {
      const literal = finding.node;
      const parent = literal.parent;
      if (parent?.type === T.ArrayExpression && parent.elements.every((element) => element !== null && isStringLiteral(element))) {
        arrays.add(parent);
        handled.push({ finding, action: 'fixed', detail: `The list now is ${context.allowlist.local}, read from ${context.allowlist.variable}; the origin went to .env.example.` });
        continue;
      }
      // Strings next to patterns or other values: a list the option holds is replaced whole (by a check that asks the
      // allowlist on every request); a list that code reads keeps its patterns (see mixedListEdits).
      if (parent?.type === T.ArrayExpression && parent.elements.every((element) => element !== null)) {
        if (parent.parent?.type === T.Property || (parent === optionList && onlyReader(parent, context))) return null;
        const entry = mixed.get(parent) ?? { strings: [], findings: [] };
        entry.strings.push(literal);
        entry.findings.push(finding);
        mixed.set(parent, entry);
        continue;
      }
      const check = policy.originChecks.find((candidate) => (candidate.form === 'equality' || candidate.form === 'receiver-method') && candidate.against && holds(candidate.against, literal));
      if (!check) return null;
      checks.add(check);
      handled.push({ finding, action: 'fixed', detail: `The comparison now asks ${context.allowlist.local}.has() (the ${context.allowlist.variable} allowlist); the origin went to .env.example.` });
    } else if (finding.kind === 'partial-match') {
      const check = policy.originChecks.find((candidate) => candidate.node === finding.node);
      if (!check) continue;
      checks.add(check);
      handled.push({
        finding,
        action: 'review',
        detail: `Replaced by ${context.allowlist.local}.has(): list every origin the check used to accept (each subdomain) in ${context.allowlist.variable}.`,
      });
    }
  }
  if (arrays.size === 0 && mixed.size === 0 && checks.size === 0) return null;
  const plan = new PolicyEdits();
  // The list an option holds becomes the allowlist's own per-request check; a list in code stays a list.
  // A list declared in a variable that others read too (or that is exported) stays a list, for them.
  const optionValue = setValue && (setValue.parent?.type === T.Property || onlyReader(setValue, context)) ? setValue : null;
  const asOption = optionValue && arrays.has(optionValue as TSESTree.ArrayExpression) ? originValue(policy.framework.origin, context.allowlist, context.style, [], context.typescript) : null;
  let rewritten = arrays.size > 0 || checks.size > 0;
  for (const array of arrays) {
    const text = array === optionValue && asOption ? asOption : context.allowlist.local;
    plan.add(replaceNode(array, text));
    plan.change('origin', array, `${array === optionValue ? 'origin: ' : ''}${text}`);
  }
  for (const [array, { strings, findings: listed }] of mixed) {
    const edits = mixedListEdits(array, strings, policy, context);
    if (typeof edits === 'string') {
      for (const finding of listed) resolveFinding(finding, 'skipped', edits);
      continue;
    }
    plan.add(...edits);
    rewritten = true;
    plan.change('origin', array, `${context.allowlist.local}.has(origin) first, then the patterns left in the list`);
    for (const finding of listed) {
      handled.push({
        finding,
        action: 'fixed',
        detail: `Moved to ${context.allowlist.variable} (and .env.example): the code now asks ${context.allowlist.local}.has() before it reads the list, which keeps its patterns.`,
      });
    }
  }
  if (checks.size > 0) plan.add(...checkEdits(checks, context));
  if (rewritten) plan.use(context.allowlist.exportName);
  for (const { finding, action, detail } of handled) resolveFinding(finding, action, detail);
  plan.origins.push(...retiredOrigins(policy));
  return plan;
}

/** `origin === 'https://a'` → `isAllowedOrigin(origin)`; `a || b` of such checks is replaced once. */
function checkEdits(checks: ReadonlySet<OriginCheck>, context: PlanContext): TextEdit[] {
  const text = (node: Node): string => sourceFor(node, context.sourceCode).text.slice(node.range[0], node.range[1]);
  const replacement = new Map<Node, string>();
  for (const check of checks) {
    const negated = check.node.type === T.BinaryExpression && (check.node.operator === '!==' || check.node.operator === '!=');
    replacement.set(check.node, `${negated ? '!' : ''}${allowCheck(context.allowlist, text(check.origin))}`);
  }
  // `origin === a || origin === b`: both sides become the same call; replace the whole chain once.
  const collapse = (node: Node): string | null => {
    const direct = replacement.get(node);
    if (direct !== undefined) return direct;
    if (node.type !== T.LogicalExpression) return null;
    const left = collapse(node.left);
    const fits = left !== null && left === collapse(node.right) && node.operator === (left.startsWith('!') ? '&&' : '||');
    return fits ? left : null;
  };
  const roots = new Map<Node, string>();
  for (const [node, value] of replacement) {
    let root: Node = node;
    while (root.parent && collapse(root.parent) !== null) root = root.parent;
    roots.set(root, value);
  }
  return [...roots].map(([node, value]) => replaceNode(node, value));
}

/** Anchors and escapes the policy's loose origin regexes in place; each is listed for review. */
export function fixRegexesInPlace(findings: readonly PolicyFinding[], plan: PolicyEdits, context: PlanContext): void {
  const fixed = new Map<Node, string>();
  for (const finding of findings) {
    if (!isUnplanned(finding)) continue;
    const node = finding.node;
    if (!isRegexProblem(finding.kind)) continue;
    if (node.type !== T.Literal || !('regex' in node) || !node.regex) {
      resolveFinding(finding, 'skipped', 'The pattern is built with `new RegExp(…)`; anchor it with ^…$ and escape its dots by hand.');
      continue;
    }
    const safer = saferPattern(node.regex);
    if (!safer) {
      resolveFinding(finding, 'skipped', UNSAFE_PATTERN_KEPT);
      continue;
    }
    const text = `/${safer.pattern}/${safer.flags}`;
    fixed.set(node, text);
    resolveFinding(finding, 'review', `Rewritten in place as ${text}; check that it accepts exactly the origins you mean.`);
  }
  for (const [node, text] of fixed) plan.add(replaceNode(node, text));
  for (const finding of findings) {
    if (isUnplanned(finding) && finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'regex') {
      const text = fixed.get(finding.node);
      resolveFinding(finding, 'review', `Kept: a pattern cannot be listed in ${context.allowlist.variable}${text ? ` (now ${text})` : ''}. List the exact origins instead if you can.`);
    }
  }
}

/** Malformed origin strings (a path, a trailing slash, upper case, no scheme) that no rewrite replaced: serialised in place. */
export function serialiseOriginsInPlace(findings: readonly PolicyFinding[], plan: PolicyEdits, context: PlanContext): void {
  for (const finding of findings) {
    if (!isUnplanned(finding) || (finding.kind !== 'not-serialised' && finding.kind !== 'uppercase-host' && finding.kind !== 'schemeless-host')) continue;
    const node = finding.node;
    if (node.type !== T.Literal || typeof node.value !== 'string') continue;
    // A bare host (`app.example.com`) is meant as its https:// origin.
    const serialised = serialisedOrigin(finding.kind === 'schemeless-host' ? `https://${node.value}` : node.value);
    if (!serialised) continue;
    plan.add(replaceNode(node, quoted(serialised, context.style)));
    resolveFinding(finding, 'fixed', `Written as '${serialised}', the form browsers send.`);
  }
}

/** Marks origin findings whose node an edit replaced (a whole origin value, an array) as fixed. */
export function resolveReplaced(findings: readonly PolicyFinding[], edits: readonly TextEdit[], detail: string): void {
  for (const finding of findings) {
    if (!isUnplanned(finding)) continue;
    const [start, end] = finding.node.range;
    if (edits.some((edit) => edit.end > edit.start && edit.start <= start && end <= edit.end)) resolveFinding(finding, 'fixed', detail);
  }
}

/**
 * A list declared in code, mixing origins with patterns, that code reads with `list.some(…)`, `list.includes(origin)`
 * and the like: its strings leave the list, and each such read asks the allowlist first,
 * `(corsOrigins.has(origin) || list.some(…))`, so the user's function stays and reads the live allowlist on every
 * call. A copy of the allowlist in the list (`[...corsOrigins, /re/]`) would miss origins a .env loader sets after
 * the imports. Returns the edits, or why the list is left to the user.
 */
function mixedListEdits(array: TSESTree.ArrayExpression, strings: readonly Node[], policy: CorsPolicy, context: PlanContext): TextEdit[] | string {
  const byHand = `Move the exact origins of this list to ${context.allowlist.variable} by hand and ask ${context.allowlist.local}.has(origin) where the list is read`;
  const declarator = array.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier || declarator.parent?.parent?.type === T.ExportNamedDeclaration) {
    return `${byHand}: the list is exported or not held by a variable, so cors-fix cannot see every reader.`;
  }
  const sourceCode = sourceFor(array, context.sourceCode);
  const [variable] = declaredVariables(sourceCode, declarator);
  const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
  const edits: TextEdit[] = [];
  for (const reference of reads) {
    // `list.method(…)` whose arguments compare the request origin with the list's entries.
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== T.MemberExpression || member.object !== reference.identifier || call?.type !== T.CallExpression || call.callee !== member) {
      return `${byHand}: the list is also read as a whole at line ${reference.identifier.loc.start.line}.`;
    }
    const check = policy.originChecks.find((candidate) => within(candidate.node, call) && candidate.against !== null && strings.some((literal) => holds(candidate.against as Value, literal)));
    if (!check || check.origin.type !== T.Identifier || declaredWithin(sourceCode, check.origin, call)) {
      return `${byHand}: the read at line ${call.loc.start.line} does not compare the request origin with the list's entries in a way cors-fix can follow.`;
    }
    edits.push(replaceNode(call, `(${allowCheck(context.allowlist, check.origin.name)} || ${sourceCode.text.slice(call.range[0], call.range[1])})`));
  }
  if (edits.length === 0) return `${byHand}: nothing in this file reads the list.`;
  return [...edits, ...strings.map((literal) => removeElement(literal, context))];
}

function within(node: Node, container: Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** Whether `identifier` is declared inside `container` (a callback parameter), so it is not in scope outside it. */
function declaredWithin(sourceCode: SourceCode, identifier: TSESTree.Identifier, container: Node): boolean {
  const variable = resolveIdentifier(sourceCode, identifier);
  return variable === null || variable.defs.some((definition) => within(definition.name as Node, container));
}

/** Whether `array` initialises a variable of its file that is read once (by the option) and not exported. */
function onlyReader(array: Node, context: PlanContext): boolean {
  const declarator = array.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier) return false;
  if (declarator.parent?.parent?.type === T.ExportNamedDeclaration) return false;
  const [variable] = declaredVariables(context.sourceCode, declarator);
  return variable !== undefined && variable.references.filter((reference) => reference.isRead()).length === 1;
}

function isStringLiteral(node: Node): boolean {
  return (node.type === T.Literal && typeof node.value === 'string') || (node.type === T.TemplateLiteral && node.expressions.length === 0);
}

/** Whether `value` (through unions and arrays) has a part written at `node`. */
function holds(value: Value, node: Node): boolean {
  return alternatives(value).some((option) => option.node === node || (option.kind === 'array' && option.elements.some((element) => holds(element, node))));
}
