/**
 * Applies the plan: each changed file's new text, parsed again before anything is written (output that does not
 * parse is never written, in any mode), the config modules and `.env.example` files of the packages that change; then,
 * when writing, atomic writes, inside the repository only. `--check` and `--dry` run every step but the writes.
 */
import { existsSync } from 'node:fs';
import type { SourceCode } from '../model/index.js';
import { writeFileAtomic } from './atomic-file-system.js';
import { resolveFinding } from './findings.js';
import { parseSource } from './parse-source.js';
import type { PolicyWork, ProjectPlan } from './plan-project.js';
import type { ProjectFiles } from './project-files.js';
import { packageOf } from './project-layout.js';
import type { Mode } from './report.js';
import { applyTextEdits } from './text-edits.js';

/** A file whose text changes. */
export interface Output {
  path: string;
  before: string;
  after: string;
  bom: boolean;
  /** The parse of `after`, which the review after the fix reads instead of parsing the text again. */
  sourceCode?: SourceCode;
}

export interface Applied {
  outputs: Output[];
  /** Files left alone because their rewrite would not parse (or could not be built), with the reason. */
  failed: Map<string, string>;
  creates: ProjectPlan['creates'];
  envFiles: ProjectPlan['envFiles'];
}

/** Builds (and, when writing, writes) what the plan changes. */
export function applyPlan(plan: ProjectPlan, works: readonly PolicyWork[], files: ProjectFiles): Applied {
  const outputs: Output[] = [];
  const failed = new Map<string, string>();
  for (const [path, entry] of [...plan.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (entry.edits.length === 0) continue;
    let after: string;
    try {
      after = applyTextEdits(entry.file.text, entry.edits);
    } catch (error) {
      failed.set(path, `cors-fix could not combine its edits of this file (${(error as Error).message}); it was left alone`);
      continue;
    }
    if (after === entry.file.text) continue;
    const parsed = parseSource(after, path);
    if (!parsed.ok) {
      failed.set(path, `the rewrite would not parse (${parsed.line}:${parsed.column} ${parsed.message}), so the file was left alone; please report this`);
      continue;
    }
    outputs.push({ path, before: entry.file.text, after, bom: entry.file.bom, sourceCode: parsed.sourceCode });
  }
  for (const path of failed.keys()) {
    for (const work of works) {
      for (const finding of work.findings) {
        if (finding.action !== 'skipped' && (work.file.filename === path || plan.files.get(path)?.file === work.file)) {
          resolveFinding(finding, 'skipped', 'Left alone: the rewrite of this file would not parse.');
        }
      }
    }
  }
  // A package's config module and .env.example belong to its changed files.
  const changedPackages = new Set(outputs.map((output) => packageOf(output.path).root));
  const creates = plan.creates.filter((create) => changedPackages.has(create.packageRoot) && files.mayTouch(create.path) && !existsSync(create.path));
  const envFiles = plan.envFiles.filter((file) => changedPackages.has(file.packageRoot) && files.mayTouch(file.path));
  for (const create of creates) {
    if (!parseSource(create.text, create.path).ok) throw new Error(`the generated ${create.path} does not parse (a bug)`);
  }
  return { outputs, failed, creates, envFiles };
}

/** Writes what was applied, each file atomically; only in write mode. */
export function writeApplied(applied: Applied, mode: Mode): void {
  if (mode !== 'write') return;
  for (const output of applied.outputs) writeFileAtomic(output.path, output.bom ? `\uFEFF${output.after}` : output.after);
  for (const create of applied.creates) writeFileAtomic(create.path, create.text);
  for (const file of applied.envFiles) writeFileAtomic(file.path, file.text);
}
