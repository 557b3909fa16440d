/**
 * What is left for review after the fix: the rules run (as `cors/recommended`) on every CORS file as it is after the
 * fix — the rewritten text, or the file as it was when nothing changed — with the project's links, so that options
 * imported from other modules are judged too. Everything `eslint` reports on those files is in this list, with the
 * same rule id, place and message; `eslint-disable` comments accept an item in both.
 */
import type { CorsPolicy } from '../model/index.js';
import { existsSync } from 'node:fs';
import type { FrontEnd, PythonFile } from '../python/front-end.js';
import type { Applied, Output } from './apply.js';
import { type LintProblem, lintFile, lintModel } from './lint.js';
import { ProjectFiles } from './project-files.js';
import { ProjectLinks } from './project-links.js';

/** Lint problems after the fix, per file; `files` are the candidate files, `outputs` their new texts (and new modules). */
export function reviewAfterFix(root: string, force: boolean, candidates: readonly string[], outputs: readonly Output[], created: readonly { path: string; text: string }[]): LintProblem[] {
  const overlay = new Map<string, string>([...outputs.map((output) => [output.path, output.after] as const), ...created.map((file) => [file.path, file.text] as const)]);
  const parses = new Map(outputs.flatMap((output) => (output.sourceCode ? [[output.path, output.sourceCode] as const] : [])));
  const files = new ProjectFiles(root, force, overlay, parses);
  const links = new ProjectLinks(files);
  const problems: LintProblem[] = [];
  const seen = new Set<string>();
  for (const path of candidates) {
    const parsed = files.parse(path);
    if (!parsed.ok) continue;
    for (const problem of lintFile(parsed.file.sourceCode, path, links)) {
      const key = `${problem.ruleId}:${problem.file}:${problem.node.range.join(':')}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/** A finding only the project view sees: cookies in use while the policy sends no credentials. */
export function cookiesWithoutCredentials(policy: CorsPolicy): boolean {
  return !policy.credentials.on && policy.credentials.setting.state !== 'unknown' && policy.options.kind !== 'opaque';
}

/** The same for files another front end reads (Python): its model of each file after the fix, judged by the rules. */
export async function reviewForeign(front: FrontEnd<PythonFile>, root: string, force: boolean, paths: readonly string[], applied: Applied): Promise<LintProblem[]> {
  const overlay = new Map<string, string>([...applied.outputs.map((output) => [output.path, output.after] as const), ...applied.creates.map((file) => [file.path, file.text] as const)]);
  const files = new ProjectFiles(root, force, overlay);
  const project = {
    root,
    readText: (path: string) => {
      const text = files.read(path);
      return text.kind === 'text' ? text.text : null;
    },
    exists: (path: string) => overlay.has(path) || (files.mayTouch(path) && existsSync(path)),
  };
  const problems: LintProblem[] = [];
  for (const path of paths) {
    const text = files.read(path);
    if (text.kind !== 'text') continue;
    const read = await front.read(text.text, path, project);
    if (read.ok) problems.push(...lintModel(read.file.file, text.text, path));
  }
  return problems;
}
