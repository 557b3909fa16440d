/** The report of one run: what every file became, each finding with the action taken, each setting changed, and what is left for review. Formatters read only this. */
import type { Action, RuleId } from './findings.js';

/** `write` (the default), `dry` (`--dry`: diffs only) or `check` (`--check`: exit 1 while anything is pending). */
export type Mode = 'write' | 'dry' | 'check';

/** Where something is: a path relative to the working directory (with `/`) and 1-based positions, like ESLint. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One finding of the rules in the code as it was: the rule, its message, and what cors-fix did (or would do). */
export interface Finding extends Location {
  ruleId: RuleId;
  message: string;
  /** `fixed` (written), `pending` (`--check`/`--dry`: would be fixed), `review`, or `skipped` (left alone). */
  action: Action | 'pending';
  /** What was (or would be) done, or why not. */
  detail: string;
}

/** One setting the fix writes or changes, on a line of its own. */
export interface Change extends Location {
  setting: 'origin' | 'methods' | 'allowedHeaders' | 'exposedHeaders' | 'maxAge' | 'option' | 'order';
  /** What it is now (`methods: GET, HEAD, POST, PUT`). */
  text: string;
}

/** What the linter still reports after the fix (or, with `--check`/`--dry`, would report), and facts only the project view sees. */
export interface ReviewItem extends Location {
  ruleId: RuleId | `cors-fix/${string}`;
  message: string;
  severity: 'error' | 'warn';
}

/** One CORS policy of the project: where it is registered, what it covers, and the variable its allowlist reads. */
export interface PolicyReport extends Location {
  framework: string;
  /** The environment variable its origins come from after the fix, or null when its origin is not rewritten. */
  variable: string | null;
  /** The routes it covers, and whether every router, plugin and controller under it was followed. */
  routes: number;
  complete: boolean;
}

/** What became of a file: changed (or would be), unchanged, skipped unread, failed (left alone). */
export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

/** One file's outcome. */
export interface FileReport {
  file: string;
  status: FileStatus;
  /** Why the file was skipped or failed. */
  reason: string | null;
  /** Other things worth knowing (options imported from a module that could not be found, …). */
  notes: string[];
}

/** A file cors-fix creates or updates besides the rewritten sources (the config module, `.env.example`). */
export interface SupportFile {
  file: string;
  kind: 'config-module' | 'env-example';
  change: 'created' | 'updated';
  /** The variables it reads (config module) or sets, each with the origins it lists (`.env.example`). */
  variables: { variable: string; origins: string[] }[];
}

/** Everything a run did or would do; `--json` prints it, the text and SARIF formatters read it. */
export interface FixReport {
  tool: { name: 'cors-fix'; version: string };
  mode: Mode;
  /** The variable of the project's main allowlist (`--env-var`). */
  envVar: string;
  /** Absolute working directory; every path in the report is relative to it. */
  cwd: string;
  summary: {
    scanned: number;
    changed: number;
    unchanged: number;
    skipped: number;
    failed: number;
    /** Findings fixed (written, or pending with `--check`/`--dry`). */
    fixes: number;
    /** Items left for review (not accepted with an `eslint-disable` comment). */
    review: number;
    elapsedMs: number;
  };
  /** Files that changed, were skipped or failed, or have findings or notes. */
  files: FileReport[];
  policies: PolicyReport[];
  supportFiles: SupportFile[];
  findings: Finding[];
  changes: Change[];
  review: ReviewItem[];
  /** Unified diffs of every change (sources and support files), in path order. */
  diffs: { file: string; diff: string }[];
}

/** The machine-readable report printed by `--json` (diffs only with `--dry`). */
export function jsonReport(report: FixReport): string {
  const shown = report.mode === 'dry' ? report : { ...report, diffs: undefined };
  return `${JSON.stringify(shown, null, 2)}\n`;
}
