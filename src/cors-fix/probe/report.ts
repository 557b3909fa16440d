/** The report of one probe run and its `--json` form (schema 1). Formatters read only this. */
import type { CheckId, Severity } from './checks-catalogue.js';
import type { RecordedResponse } from './http-client.js';

/** Where a policy is in the source (with `--project`); 1-based like ESLint. */
export interface SourceLocation {
  /** Relative to the project directory, with `/`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A request as sent: the method and the headers (lower-case names). */
export interface SentRequest {
  method: string;
  headers: Record<string, string>;
}

/** One finding: the check, how bad, the request that shows it and the answer it got. */
export interface ProbeFinding {
  check: CheckId;
  severity: Severity;
  /** The URL path probed (with its query). */
  path: string;
  /** The `Origin` sent, or null when the request had none. */
  origin: string | null;
  request: SentRequest | null;
  response: RecordedResponse | null;
  /** What the server allows or refuses. */
  found: string;
  /** Why it matters. */
  why: string;
  /** What to do. */
  fix: string;
  /** The policy in the source that governs the path (with `--project`). */
  location: SourceLocation | null;
}

/** Everything a run found and did; `--json` prints its schema-1 form, text and SARIF read it. */
export interface ProbeReport {
  /** The URL given. */
  url: string;
  /** Why the run could not judge the server (unreachable, every probe inconclusive), or null. */
  error: string | null;
  findings: ProbeFinding[];
  /** The paths probed, as requested (after same-origin redirects of their baseline). */
  paths: string[];
  /** Requests sent, requests without an answer, and planned requests left out by `--max-requests`. */
  requests: { sent: number; inconclusive: number; notSent: number };
  /** Things worth knowing about the run: redirects, origins the probe had to go without, the request limit. */
  notes: string[];
  /** With `--project`: the directory, for SARIF locations. */
  projectRoot: string | null;
}

/** The schema version of `--json`. */
export const JSON_SCHEMA_VERSION = 1;

/** The finding's message: what was found, why it matters, what to do. */
export function findingMessage(finding: ProbeFinding): string {
  return `${finding.found} ${finding.why} ${finding.fix}`;
}

/** The `--json` document: `{ schema, url, error, findings: [{ check, severity, path, origin, request, response, message }], … }`. */
export function jsonReport(report: ProbeReport): string {
  const document = {
    schema: JSON_SCHEMA_VERSION,
    url: report.url,
    error: report.error,
    findings: report.findings.map((finding) => ({
      check: finding.check,
      severity: finding.severity,
      path: finding.path,
      origin: finding.origin,
      request: finding.request,
      response: finding.response,
      message: findingMessage(finding),
    })),
    paths: report.paths,
    requests: report.requests,
    notes: report.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
