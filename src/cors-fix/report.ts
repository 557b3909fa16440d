/** The report of one run: what every file became and every finding with the action taken. Formatters read only this. */
import type { Action, RuleId } from './findings.js';

/** `write` (the default), `dry` (`--dry`: diffs only) or `check` (`--check`: exit 1 on pending changes). */
export type Mode = 'write' | 'dry' | 'check';

/** One finding in the report: the rule, where, what was found and what was done. */
export interface Finding {
  ruleId: RuleId;
  /** Path relative to the working directory, with `/`. */
  file: string;
  /** 1-based, like ESLint. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  action: Action;
  /** What was done, or why not. */
  detail: string;
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
  /** For `.env.example`: the origins it now lists. */
  origins: string[];
}

/** Everything a run did or would do; `--json` prints it, the text and SARIF formatters read it. */
export interface FixReport {
  tool: { name: 'cors-fix'; version: string };
  mode: Mode;
  envVar: string;
  /** Absolute working directory; every path in the report is relative to it. */
  cwd: string;
  summary: { scanned: number; changed: number; unchanged: number; skipped: number; failed: number; elapsedMs: number };
  /** Files that changed, were skipped or failed, or have findings or notes. */
  files: FileReport[];
  supportFiles: SupportFile[];
  findings: Finding[];
  /** Unified diffs of every change (sources and support files), in path order. */
  diffs: { file: string; diff: string }[];
}

/** The machine-readable report printed by `--json` (diffs only with `--dry`). */
export function jsonReport(report: FixReport): string {
  const shown = report.mode === 'dry' ? report : { ...report, diffs: undefined };
  return `${JSON.stringify(shown, null, 2)}\n`;
}
