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
import type { ExplicitHeadersFinding, OptionFinding, UnsafePattern } from '../model/verdicts.js';

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
  /** What the rule found, in one short sentence. */
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

function finding(ruleId: string, category: FindingCategory, kind: string, node: Node, message: string, verdict: unknown): PolicyFinding {
  return { ruleId: `cors/${ruleId}`, category, kind, node, message, action: 'skipped', detail: NOT_YET, verdict };
}

/** Every finding the eight rules (recommended settings) report for `policy`, each marked `skipped` until planned. */
export function collectFindings(policy: CorsPolicy, file: CorsFile): PolicyFinding[] {
  const label = policy.framework.label;
  const findings: PolicyFinding[] = [];
  for (const origin of wildcardOrigins(policy)) {
    const what = origin.kind === 'any' ? 'sends `Access-Control-Allow-Origin: *`' : origin.kind === 'reflect' ? 'echoes any request Origin back' : 'allows a pattern that matches every origin';
    findings.push(finding('no-wildcard-origin', 'origin', origin.kind, origin.node, `${label} ${what}.`, origin));
  }
  for (const item of credentialsWithWildcard(policy)) {
    if (item.kind === 'wildcard-list') {
      const category = item.list === 'methods' ? 'methods' : item.list;
      findings.push(finding('no-credentials-with-wildcard', category, item.kind, item.node, `\`*\` in the ${LIST_WORDS[item.list]} is read literally with credentials.`, item));
    } else {
      const what = item.kind === 'any-origin' ? '`*` together with credentials (browsers refuse it)' : 'any origin together with credentials';
      findings.push(finding('no-credentials-with-wildcard', 'origin', item.kind, item.node, `${label} allows ${what}.`, item));
    }
  }
  for (const origin of hardcodedOrigins(policy)) {
    const text = origin.kind === 'string' ? `'${origin.text}'` : origin.text;
    findings.push(finding('no-hardcoded-origins', 'origin', origin.kind, origin.node, `Hard-coded origin ${text}.`, origin));
  }
  for (const item of unsafeOriginPatterns(policy)) findings.push(finding('no-unsafe-origin-pattern', 'origin', item.kind, item.node, unsafeMessage(item), item));
  for (const item of invalidOptions(policy)) findings.push(optionFinding(item, label));
  for (const item of implicitHeaders(policy, file)) findings.push(headersFinding(item, label));
  for (const item of missingEventStreamHeaders(policy, file)) {
    findings.push(finding('require-sse-headers', 'allowedHeaders', 'missing-event-stream-header', item.node, `The file serves SSE but \`${item.header}\` is not an allowed request header.`, item));
  }
  for (const chain of file.chains) {
    for (const item of misorderedCors(chain)) {
      if (item.policy !== policy) continue;
      const after = item.kind === 'after-auth' ? 'auth or rate-limit middleware' : item.kind === 'after-route' ? 'a route' : '`app.init()`';
      const found = finding('middleware-order', 'order', item.kind, item.node, `CORS is registered after ${after}, which answers preflights first.`, item);
      found.detail = 'Not moved: reordering middleware can change more than CORS. Register CORS before auth, rate limits and routes by hand.';
      findings.push(found);
    }
  }
  return findings;
}

const LIST_WORDS = { methods: 'allowed methods', allowedHeaders: 'allowed headers', exposedHeaders: 'exposed headers' } as const;

function unsafeMessage(item: UnsafePattern): string {
  switch (item.kind) {
    case 'unanchored':
      return `The origin pattern ${item.text} is not anchored with ^…$.`;
    case 'unescaped-dot':
      return `The origin pattern ${item.text} has an unescaped \`.\`.`;
    case 'stateful-flag':
      return `The origin pattern ${item.text} has a g/y flag, so matches alternate.`;
    case 'partial-match':
      return `\`origin.${item.method}(…)\` accepts look-alike origins.`;
    case 'null-origin':
      return "The origin 'null' is allowed.";
    case 'insecure-scheme':
      return `${item.text} is an http:// origin.`;
    case 'not-serialised':
      return `${item.text} has a path or trailing slash and never matches.`;
    case 'uppercase-host':
      return `${item.text} has upper-case letters in its host and never matches.`;
    case 'schemeless-host':
      return `${item.text} has no scheme, so it is matched over http:// too.`;
    default:
      return 'The origin check can be fooled or never matches.';
  }
}

function optionFinding(item: OptionFinding, label: string): PolicyFinding {
  switch (item.kind) {
    case 'unknown-option':
      return finding('valid-options', 'option-name', item.kind, item.node, `${label} has no option \`${item.key}\`${item.suggestion ? ` (did you mean \`${item.suggestion}\`?)` : ''}.`, item);
    case 'credentials-type':
      return finding('valid-options', 'credentials', item.kind, item.node, `\`credentials\` is ${item.value}, not a boolean.`, item);
    case 'max-age-range':
      return finding('valid-options', 'maxAge', item.kind, item.node, `\`maxAge: ${item.value}\` is outside what browsers honour.`, item);
    case 'origin-type':
      return finding('valid-options', 'origin', item.kind, item.node, `${label} does not support ${item.type === 'array' ? 'an array' : `a ${item.type}`} as origin.`, item);
    case 'star-in-array':
      return finding('valid-options', 'origin', item.kind, item.node, "`'*'` in an origin list matches no origin.", item);
    case 'list-type':
      return finding('valid-options', item.field, item.kind, item.node, `${label} needs an array for \`${item.key}\`.`, item);
    case 'origin-function':
      return finding('valid-options', 'origin-function', item.kind, item.node, item.problem === 'async' ? `${label} cannot use an async origin function.` : 'The origin function never calls its callback.', item);
  }
}

function headersFinding(item: ExplicitHeadersFinding, label: string): PolicyFinding {
  const rule = 'require-explicit-headers';
  switch (item.kind) {
    case 'default-methods':
      return finding(rule, 'methods', item.kind, item.node, `${label} leaves the allowed methods to its default.`, item);
    case 'wildcard-methods':
      return finding(rule, 'methods', item.kind, item.node, '`*` in the allowed methods.', item);
    case 'missing-route-methods':
      return finding(rule, 'methods', item.kind, item.node, `The allowed methods lack ${item.methods.join(', ')}, which routes of this file use.`, item);
    case 'default-headers':
      return finding(rule, 'allowedHeaders', item.kind, item.node, `${label} echoes whatever request headers are asked for.`, item);
    case 'wildcard-headers':
      return finding(rule, 'allowedHeaders', item.kind, item.node, '`*` in the allowed request headers.', item);
    case 'reflected-headers':
      return finding(rule, 'allowedHeaders', item.kind, item.node, 'The allowed request headers echo the request.', item);
    case 'missing-credentials-header':
      return finding(rule, 'allowedHeaders', item.kind, item.node, `Credentials are on but \`${item.header}\` is not an allowed request header.`, item);
    case 'unexposed-header':
      return finding(rule, 'exposedHeaders', item.kind, item.node, `The file sets \`${item.header}\` but does not expose it.`, item);
    case 'max-age':
      return finding(rule, 'maxAge', item.kind, item.node, 'No explicit `maxAge` from 1 to 600.', item);
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
