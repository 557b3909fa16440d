/**
 * Settles what another language's front end (Python) planned: every edited text must still parse (else the file is
 * left alone and its findings say so), new files are created once, and `.env.example` entries join the ones the
 * JavaScript side plans for the same directory. Nothing is written here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ForeignPlan, FrontEnd } from '../python/front-end.js';
import { updateEnvExample } from './env-example.js';
import type { FileReport, SupportFile } from './report.js';
import type { SourceStore } from './source-store.js';
import { type TextEdit, applyTextEdits, normaliseEdits } from './text-edits.js';

/** A file a foreign front end read, and its plan. */
export interface ForeignWork {
  front: FrontEnd<unknown>;
  path: string;
  plan: ForeignPlan;
}

/** What the run lends: its file store, its per-file reports, relative paths and the variable name. */
export interface ForeignRun {
  store: SourceStore;
  report(path: string): FileReport;
  relative(path: string): string;
  envVar: string;
}

export interface SettledFile {
  path: string;
  before: string;
  text: string;
  bom: boolean;
}

/**
 * The files the plans change and create; marks reports changed or failed, and adds support files and `.env.example`
 * texts to `supportFiles` and `envFiles` (merging with the JavaScript side's entries for the same file).
 */
export async function settleForeignPlans(
  works: readonly ForeignWork[],
  run: ForeignRun,
  supportFiles: SupportFile[],
  envFiles: { path: string; before: string | null; text: string }[],
): Promise<{ changed: SettledFile[]; created: { path: string; text: string }[] }> {
  const changed = new Map<string, SettledFile>();
  const created = new Map<string, { path: string; text: string }>();
  const envOrigins = new Map<string, { origins: string[]; reader: string }>();
  const edits = new Map<string, TextEdit[]>();
  for (const work of works) {
    // A module edited for several files (a shared settings module) gets all their edits, or none of one file's.
    const combined = new Map<string, TextEdit[]>();
    let failure: string | null = null;
    for (const [path, fileEdits] of work.plan.edits) {
      const merged = normaliseEdits([...(edits.get(path) ?? []), ...fileEdits]);
      if (!merged) failure ??= `the edits of ${run.relative(path)} collide with those of another file`;
      else combined.set(path, merged);
    }
    for (const [path, fileEdits] of failure ? [] : combined) {
      const source = run.store.read(path);
      if (source.kind !== 'text') {
        failure = `${run.relative(path)} cannot be read`;
        break;
      }
      const check = await work.front.check(applyTextEdits(source.text, fileEdits));
      if (!check.ok) {
        failure = `the rewrite of ${run.relative(path)} would not parse (${check.line}:${check.column} ${check.message})`;
        break;
      }
    }
    if (failure) {
      const report = run.report(work.path);
      report.status = 'failed';
      report.reason = `${failure}, so it was left alone; please report this`;
      for (const finding of work.plan.findings) {
        if (finding.action !== 'skipped') {
          finding.action = 'skipped';
          finding.detail = 'Left alone: the rewrite of this file would not parse.';
        }
      }
      continue;
    }
    for (const [path, fileEdits] of combined) {
      const source = run.store.read(path);
      if (fileEdits.length === 0 || source.kind !== 'text') continue;
      edits.set(path, fileEdits);
      changed.set(path, { path, before: source.text, text: applyTextEdits(source.text, fileEdits), bom: source.bom });
      run.report(path).status = 'changed';
    }
    for (const file of work.plan.create) if (!existsSync(file.path) && !created.has(file.path)) created.set(file.path, file);
    const env = work.plan.envExample;
    if (env && combined.size > 0) {
      const entry = envOrigins.get(env.root) ?? { origins: [], reader: env.reader };
      for (const origin of env.origins) if (!entry.origins.includes(origin)) entry.origins.push(origin);
      envOrigins.set(env.root, entry);
    }
  }
  for (const file of created.values()) supportFiles.push({ file: run.relative(file.path), kind: 'config-module', change: 'created', origins: [] });
  for (const [root, env] of envOrigins) {
    const envPath = join(root, '.env.example');
    const existing = envFiles.find((file) => file.path === envPath);
    const before = existing ? existing.text : existsSync(envPath) ? readFileSync(envPath, 'utf8') : null;
    const text = updateEnvExample(before, run.envVar, env.origins, env.reader, before?.includes('\r\n') ? '\r\n' : '\n');
    if (text === null) continue;
    const support = supportFiles.find((file) => file.kind === 'env-example' && file.file === run.relative(envPath));
    if (existing) {
      existing.text = text;
      if (support) support.origins = [...new Set([...support.origins, ...env.origins])];
    } else {
      envFiles.push({ path: envPath, before, text });
      supportFiles.push({ file: run.relative(envPath), kind: 'env-example', change: before === null ? 'created' : 'updated', origins: env.origins });
    }
  }
  return { changed: [...changed.values()], created: [...created.values()] };
}
