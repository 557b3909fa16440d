/**
 * The planner: for each policy of a file, asks the rules' verdicts what is wrong and turns the answers into text
 * edits. Pure: no file system, no ts-morph. A policy whose origin is already the allowlist and whose settings are
 * explicit yields no finding, hence no edit — which is what makes a second run change nothing.
 */
import { type CorsFile, type CorsPolicy, type SourceCode, customRequestHeaders } from '../model/index.js';
import type { AllowlistNames, ConfigExport } from './allowlist.js';
import { type PolicyFinding, collectFindings, resolveFinding } from './findings.js';
import { moveRegistrations } from './move-registration.js';
import { planHeaderPolicy } from './plan-header-policy.js';
import { planOptionsPolicy } from './plan-options.js';
import type { PlanContext } from './plan-types.js';
import { type TextEdit, overlapsAny } from './text-edits.js';
import type { TextStyle } from './text-style.js';

/** What the planner reads: a parsed file, its CORS model and how new code should look. */
export interface PlanInput {
  /** The source the policies were read from (nodes and ranges refer to it). */
  sourceCode: SourceCode;
  file: CorsFile;
  /** The policies to plan; all of the file's by default. */
  policies?: readonly CorsPolicy[];
  style: TextStyle;
  names: AllowlistNames;
  envVar: string;
  /**
   * The file that registers the policies, when their options are defined in another module (`sourceCode`): the
   * response headers it sets, the event streams it serves and the request headers it reads count as well.
   */
  registeredIn?: { file: CorsFile; sourceCode: SourceCode };
}

/** What the planner decided for a file. */
export interface FilePlan {
  edits: TextEdit[];
  /** Every finding of the planned policies, marked fixed, review or skipped. */
  findings: PolicyFinding[];
  /** Config exports the edits refer to (the file must import them). */
  uses: Set<ConfigExport>;
  /** Hard-coded origins the edits retire, serialised, for `.env.example`. */
  origins: string[];
  /** Policies whose options object is imported from another module: to be fixed where it is defined. */
  imported: CorsPolicy[];
}

/** Plans the fixes of one file. */
export function planFixes(input: PlanInput): FilePlan {
  const plan: FilePlan = { edits: [], findings: [], uses: new Set(), origins: [], imported: [] };
  const server = input.registeredIn;
  const file: CorsFile = server
    ? {
        ...input.file,
        responseHeaders: [...input.file.responseHeaders, ...server.file.responseHeaders],
        eventStreams: [...input.file.eventStreams, ...server.file.eventStreams],
      }
    : input.file;
  const requestHeaders = customRequestHeaders(input.sourceCode);
  if (server) for (const name of customRequestHeaders(server.sourceCode)) if (!requestHeaders.includes(name)) requestHeaders.push(name);
  const context: PlanContext = { sourceCode: input.sourceCode, style: input.style, file, names: input.names, envVar: input.envVar, requestHeaders };
  for (const policy of input.policies ?? input.file.policies) {
    if (policy.options.kind === 'opaque') {
      if (policy.options.source === 'imported') plan.imported.push(policy);
      // Options this file cannot read, but where CORS is registered is this file's: move it above auth and routes.
      const ordering = collectFindings(policy, file).filter((finding) => finding.category === 'order');
      plan.findings.push(...ordering);
      plan.edits = moveRegistrations(ordering, plan.edits, input.sourceCode);
      continue;
    }
    const findings = collectFindings(policy, file);
    if (findings.length === 0) continue;
    const edits = policy.options.kind === 'headers' ? planHeaderPolicy(policy, findings, context) : planOptionsPolicy(policy, findings, context);
    plan.findings.push(...findings);
    if (edits.edits.some((edit) => overlapsAny(edit, plan.edits))) {
      for (const finding of findings) {
        if (finding.action !== 'skipped') resolveFinding(finding, 'skipped', 'Another policy in this file is rewritten at the same place; run cors-fix again after reviewing this change.');
      }
      continue;
    }
    plan.edits.push(...edits.edits);
    plan.edits = moveRegistrations(findings, plan.edits, input.sourceCode);
    for (const name of edits.uses) plan.uses.add(name);
    for (const origin of edits.origins) if (!plan.origins.includes(origin)) plan.origins.push(origin);
  }
  return plan;
}
