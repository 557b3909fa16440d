/**
 * Another language's front end (Python) in the pipeline: it reads and plans its own files; here its plans are settled
 * like the JavaScript side's — every edited text must still parse (else the file is left alone and its findings say
 * so), new files are created once and never over an existing one, and `.env.example` entries join those the
 * JavaScript side plans for the same package. Nothing is written here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ForeignPlan, FrontEnd } from '../python/front-end.js';
import type { Applied } from './apply.js';
import { updateEnvExample } from './env-example.js';
import type { ProjectFiles } from './project-files.js';
import type { FileReport } from './report.js';
import { type TextEdit, applyTextEdits, normaliseEdits } from './text-edits.js';

/** A file a foreign front end read, and its plan. */
export interface ForeignWork {
  front: FrontEnd<unknown>;
  path: string;
  plan: ForeignPlan;
}

/** Adds what the plans change, create and list in `.env.example` to `applied`; failures go to their file's report. */
export async function settleForeignPlans(works: readonly ForeignWork[], files: ProjectFiles, applied: Applied, envVar: string, report: (path: string) => FileReport): Promise<void> {
  const edits = new Map<string, TextEdit[]>();
  const envOrigins = new Map<string, { origins: string[]; reader: string }>();
  const changed = new Map<string, { before: string; bom: boolean }>();
  for (const work of works) {
    // A module edited for several files (a shared settings module) gets all their edits, or none of one file's.
    const combined = new Map<string, TextEdit[]>();
    let failure: string | null = null;
    for (const [path, fileEdits] of work.plan.edits) {
      if (!files.mayTouch(path)) failure ??= `${path} is outside the repository`;
      const merged = normaliseEdits([...(edits.get(path) ?? []), ...fileEdits]);
      if (!merged) failure ??= `the edits of ${path} collide with those of another file`;
      else combined.set(path, merged);
    }
    for (const [path, fileEdits] of failure ? [] : combined) {
      const source = files.read(path);
      if (source.kind !== 'text') {
        failure = `${path} cannot be read`;
        break;
      }
      const check = await work.front.check(applyTextEdits(source.text, fileEdits));
      if (!check.ok) {
        failure = `the rewrite of ${path} would not parse (${check.line}:${check.column} ${check.message})`;
        break;
      }
    }
    if (failure) {
      Object.assign(report(work.path), { status: 'failed', reason: `${failure}, so it was left alone; please report this` });
      for (const finding of work.plan.findings) {
        if (finding.action !== 'skipped') Object.assign(finding, { action: 'skipped', detail: 'Left alone: the rewrite of this file would not parse.' });
      }
      continue;
    }
    for (const [path, fileEdits] of combined) {
      const source = files.read(path);
      if (fileEdits.length === 0 || source.kind !== 'text') continue;
      edits.set(path, fileEdits);
      changed.set(path, { before: source.text, bom: source.bom });
    }
    for (const file of work.plan.create) {
      if (!existsSync(file.path) && files.mayTouch(file.path) && !applied.creates.some((create) => create.path === file.path)) {
        applied.creates.push({ path: file.path, text: file.text, packageRoot: dirname(file.path), variables: [envVar] });
      }
    }
    const env = work.plan.envExample;
    if (env && combined.size > 0) {
      const entry = envOrigins.get(env.root) ?? { origins: [], reader: env.reader };
      for (const origin of env.origins) if (!entry.origins.includes(origin)) entry.origins.push(origin);
      envOrigins.set(env.root, entry);
    }
  }
  for (const [path, { before, bom }] of changed) {
    applied.outputs.push({ path, before, after: applyTextEdits(before, edits.get(path) ?? []), bom });
  }
  for (const [root, env] of envOrigins) {
    const path = join(root, '.env.example');
    if (!files.mayTouch(path)) continue;
    const existing = applied.envFiles.find((file) => file.path === path);
    const before = existing ? existing.text : existsSync(path) ? readFileSync(path, 'utf8') : null;
    const text = updateEnvExample(before, envVar, env.origins, env.reader, before?.includes('\r\n') ? '\r\n' : '\n');
    if (text === null) continue;
    if (existing) {
      existing.text = text;
      const listed = existing.variables.find((entry) => entry.variable === envVar);
      if (listed) listed.origins = [...new Set([...listed.origins, ...env.origins])];
      else existing.variables.push({ variable: envVar, origins: env.origins });
    } else {
      applied.envFiles.push({ path, before, text, packageRoot: root, variables: [{ variable: envVar, origins: env.origins }] });
    }
  }
}
