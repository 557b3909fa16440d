/**
 * What the rules would report for one policy, asked from the same verdicts, as records the planner marks with the
 * action it took. Nothing here decides a fix.
 */
import type { Node } from '../model/ast.js';
import {
  type CorsFile,
  type CorsPolicy,
  credentialsWithWildcard,
  hardcodedOrigins,
  implicitHeaders,
  invalidOptions,
  misorderedCors,
  missingEventStreamHeaders,
  unsafeOriginPatterns,
  wildcardOrigins,
} from '../model/index.js';
import type { ExplicitHeadersFinding, OptionFinding } from '../model/verdicts.js';

/** The rule that reports a finding, as ESLint names it. */
export type RuleId = `cors/${string}`;

/** Which part of a policy a finding is about; the planner fixes by category. */
export type FindingCategory =
  | 'origin'
  | 'credentials'
  | 'methods'
  | 'allowedHeaders'
  | 'exposedHeaders'
  | 'maxAge'
  | 'option-name'
  | 'origin-function'
  | 'order';

/** What cors-fix did about a finding: fixed it, fixed it but wants a human look, or left it alone. */
export type Action = 'fixed' | 'review' | 'skipped';

/** One finding of the rules for one policy, with what the planner did about it. */
export interface PolicyFinding {
  ruleId: RuleId;
  category: FindingCategory;
  /** The verdict's kind (`any-origin`, `default-methods`, …). */
  kind: string;
  node: Node;
  /** The rule's message for it (from the rule's own messages), filled in when the rules run on the file. */
  message: string;
  action: Action;
  /** What cors-fix did, or why it left the finding alone. */
  detail: string;
  /** The verdict's own record, for the planner. */
  verdict: unknown;
}

/**
 * Keeps only where a finding is (node type, range, location) and drops the verdict, so that the parse the finding
 * came from can be garbage-collected. Only the report and de-duplication use a finding after planning.
 */
export function detachFinding(finding: PolicyFinding): void {
  const { type, range, loc } = finding.node;
  const position = { type, range: [range[0], range[1]], loc: { start: { ...loc.start }, end: { ...loc.end } } };
  finding.node = position as unknown as Node;
  finding.verdict = null;
}

const NOT_YET = 'cors-fix has no safe automatic rewrite for this; fix it by hand (see the rule documentation).';

function finding(ruleId: string, category: FindingCategory, kind: string, node: Node, verdict: unknown): PolicyFinding {
  return { ruleId: `cors/${ruleId}`, category, kind, node, message: '', action: 'skipped', detail: NOT_YET, verdict };
}

/**
 * Every finding the eight rules (recommended settings) report for `policy`, each marked `skipped` until planned. The
 * order is the rules' own, so that each finding meets the rule report about the same node in the same order.
 */
export function collectFindings(policy: CorsPolicy, file: CorsFile): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  for (const origin of wildcardOrigins(policy)) findings.push(finding('no-wildcard-origin', 'origin', origin.kind, origin.node, origin));
  for (const item of credentialsWithWildcard(policy)) {
    const category = item.kind !== 'wildcard-list' ? 'origin' : item.list;
    findings.push(finding('no-credentials-with-wildcard', category, item.kind, item.node, item));
  }
  for (const origin of hardcodedOrigins(policy)) findings.push(finding('no-hardcoded-origins', 'origin', origin.kind, origin.node, origin));
  for (const item of unsafeOriginPatterns(policy)) findings.push(finding('no-unsafe-origin-pattern', 'origin', item.kind, item.node, item));
  for (const item of invalidOptions(policy)) findings.push(finding('valid-options', optionCategory(item), item.kind, item.node, item));
  for (const item of implicitHeaders(policy, file)) findings.push(finding('require-explicit-headers', headersCategory(item), item.kind, item.node, item));
  for (const item of missingEventStreamHeaders(policy, file)) {
    findings.push(finding('require-sse-headers', 'allowedHeaders', 'missing-event-stream-header', item.node, item));
  }
  for (const chain of file.chains) {
    for (const item of misorderedCors(chain)) {
      if (item.policy !== policy) continue;
      const found = finding('middleware-order', 'order', item.kind, item.node, item);
      found.detail = 'Not moved: reordering middleware can change more than CORS. Register CORS before auth, rate limits and routes by hand.';
      findings.push(found);
    }
  }
  return findings;
}

function optionCategory(item: OptionFinding): FindingCategory {
  switch (item.kind) {
    case 'unknown-option':
      return 'option-name';
    case 'credentials-type':
      return 'credentials';
    case 'max-age-range':
      return 'maxAge';
    case 'origin-function':
      return 'origin-function';
    case 'list-type':
      return item.field;
    default:
      return 'origin';
  }
}

function headersCategory(item: ExplicitHeadersFinding): FindingCategory {
  switch (item.kind) {
    case 'default-methods':
    case 'wildcard-methods':
    case 'missing-route-methods':
      return 'methods';
    case 'unexposed-header':
      return 'exposedHeaders';
    case 'max-age':
      return 'maxAge';
    default:
      return 'allowedHeaders';
  }
}

/** Marks every still-unplanned finding of `category` with `action`. */
export function resolveCategory(findings: readonly PolicyFinding[], category: FindingCategory, action: Action, detail: string): void {
  for (const item of findings) {
    if (item.category === category && item.action === 'skipped' && item.detail === NOT_YET) {
      item.action = action;
      item.detail = detail;
    }
  }
}

/** Whether the planner has not decided anything about `item` yet. */
export function isUnplanned(item: PolicyFinding): boolean {
  return item.action === 'skipped' && item.detail === NOT_YET;
}

/** Marks one finding. */
export function resolveFinding(item: PolicyFinding, action: Action, detail: string): void {
  item.action = action;
  item.detail = detail;
}

/** Why a loose origin pattern is left as it is: anchoring and escaping it would still accept sites nobody listed. */
export const UNSAFE_PATTERN_KEPT =
  'Kept as it is: anchored and escaped, this pattern would still accept origins nobody listed. List the exact origins, or write a pattern that names only your hosts.';
