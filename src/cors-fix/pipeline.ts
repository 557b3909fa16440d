/**
 * The engine behind the CLI, one step after another: discover the files, read each CORS file with the model the rules
 * use, link what a policy reaches in other files (its options, the routes it covers), plan the fixes, apply them
 * (writing only in write mode), list what the rules still report, and report. Each step is its own module; this one
 * only passes their results along.
 */
import { existsSync } from 'node:fs';
import { extname, relative, sep } from 'node:path';
import { MIGHT_HAVE_CORS, type Node, fileOf } from '../model/index.js';
import { PACKAGE } from '../package-meta.js';
import type { FrontEnd, ProjectAccess, PythonFile } from '../python/front-end.js';
import { type Applied, applyPlan, writeApplied } from './apply.js';
import { type ForeignWork, settleForeignPlans } from './foreign-plans.js';
import { unifiedDiff } from './diff.js';
import { discoverFiles, repositoryRoot } from './discover-files.js';
import { collectFindings, detachFinding } from './findings.js';
import { type LintProblem, lintFile, lintModel } from './lint.js';
import { type PolicyWork, type ProjectPlan, planProject } from './plan-project.js';
import { policyScope } from './policy-scope.js';
import { ProjectFiles } from './project-files.js';
import { ProjectLinks } from './project-links.js';
import type { Change, FileReport, Finding, FixReport, Location, Mode, PolicyReport, ReviewItem, SupportFile } from './report.js';
import { cookiesWithoutCredentials, reviewAfterFix, reviewForeign } from './review.js';

/** What to run on and how. */
export interface RunOptions {
  cwd: string;
  /** Files and directories to look at, relative to `cwd`. */
  paths: readonly string[];
  mode: Mode;
  /** The variable the main allowlist is read from. */
  envVar: string;
  /** Variables for other audiences, by the name the report gives them (`admin` → `ADMIN_ORIGINS`). */
  namedEnvVars?: ReadonlyMap<string, string>;
  /** Read and change files outside the repository too. */
  force?: boolean;
  /** Called before each discovered file is read. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Runs cors-fix over `options.paths` and reports what was (or would be) changed. */
export async function runCorsFix(options: RunOptions): Promise<FixReport> {
  const started = performance.now();
  const force = options.force ?? false;
  const root = repositoryRoot(options.cwd);
  const discovered = await discoverFiles(options.cwd, options.paths, root, force);
  const files = new ProjectFiles(root, force);
  const links = new ProjectLinks(files);
  // Python files go to the Python front end, loaded only when the run has some.
  const python = discovered.some((path) => extname(path) === '.py') ? (await import('../python/front-end.js')).python : null;
  const run = new Run(options, root, files, links, discovered, python);
  await run.read();
  const plan = planProject(run.works, files, { envVar: options.envVar, named: options.namedEnvVars ?? new Map(), discovered, cwd: options.cwd });
  const applied = applyPlan(plan, run.works, files);
  await settleForeignPlans(run.foreign, files, applied, options.envVar, (path) => run.fileReport(path));
  writeApplied(applied, options.mode);
  const review = reviewAfterFix(root, force, run.candidates, applied.outputs, applied.creates);
  if (python) review.push(...(await reviewForeign(python, root, force, run.foreign.map((work) => work.path), applied)));
  return run.report(plan, applied, review, started);
}

class Run {
  readonly works: PolicyWork[] = [];
  /** Files another language's front end read and planned. */
  readonly foreign: ForeignWork[] = [];
  /** The rules' messages for the foreign files as they were. */
  private readonly foreignMessages: LintProblem[] = [];
  /** Every file with a CORS policy (or a module whose options a policy reaches). */
  readonly candidates: string[] = [];
  private readonly reports = new Map<string, FileReport>();
  /** Rule reports on the code as it was, for the findings' messages. */
  private readonly before: LintProblem[] = [];

  constructor(
    private readonly options: RunOptions,
    private readonly root: string,
    private readonly files: ProjectFiles,
    private readonly links: ProjectLinks,
    private readonly discovered: readonly string[],
    private readonly python: FrontEnd<PythonFile> | null,
  ) {}

  private relative(path: string): string {
    return relative(this.options.cwd, path).split(sep).join('/');
  }

  fileReport(path: string): FileReport {
    let report = this.reports.get(path);
    if (!report) {
      report = { file: this.relative(path), status: 'unchanged', reason: null, notes: [] };
      this.reports.set(path, report);
    }
    return report;
  }

  /** Reads every discovered file that may hold CORS, and links and collects its policies. */
  async read(): Promise<void> {
    const seenOptions = new Map<string, PolicyWork>();
    for (const [index, path] of this.discovered.entries()) {
      this.options.onProgress?.(index + 1, this.discovered.length, this.relative(path));
      if (this.python?.extensions.includes(extname(path))) {
        await this.readForeign(this.python, path);
        continue;
      }
      const text = this.files.read(path, MIGHT_HAVE_CORS);
      if (text.kind === 'irrelevant') continue;
      if (text.kind === 'skipped') {
        Object.assign(this.fileReport(path), { status: 'skipped', reason: text.reason });
        continue;
      }
      try {
        this.readFile(path, seenOptions);
      } catch (error) {
        Object.assign(this.fileReport(path), {
          status: 'failed',
          reason: `cors-fix hit an internal error on this file (${(error as Error).message}); it was left alone. Please report this.`,
        });
      }
    }
    for (const work of seenOptions.values()) this.works.push(work);
    this.works.sort((a, b) => a.file.filename.localeCompare(b.file.filename) || a.policy.node.range[0] - b.policy.node.range[0]);
  }

  /** Reads and plans one file with the Python front end; its findings get the rules' messages. */
  private async readForeign(front: FrontEnd<PythonFile>, path: string): Promise<void> {
    const text = this.files.read(path, front.prefilter);
    if (text.kind === 'irrelevant') return;
    if (text.kind === 'skipped') {
      Object.assign(this.fileReport(path), { status: 'skipped', reason: text.reason });
      return;
    }
    try {
      const read = await front.read(text.text, path, this.projectAccess());
      if (!read.ok) {
        Object.assign(this.fileReport(path), { status: 'failed', reason: `does not parse (${read.line}:${read.column} ${read.message}); left alone` });
        return;
      }
      if (read.file.file.policies.length === 0) return;
      this.foreignMessages.push(...lintModel(read.file.file, text.text, path));
      const plan = await front.plan(read.file, { envVar: this.options.envVar }, this.projectAccess());
      this.foreign.push({ front: front as FrontEnd<unknown>, path, plan });
    } catch (error) {
      Object.assign(this.fileReport(path), {
        status: 'failed',
        reason: `cors-fix hit an internal error on this file (${(error as Error).message}); it was left alone. Please report this.`,
      });
    }
  }

  /** How a front end reads the project's other files: through the run's own reads, inside the repository. */
  private projectAccess(): ProjectAccess {
    return {
      root: this.root,
      readText: (path) => {
        const text = this.files.read(path);
        return text.kind === 'text' ? text.text : null;
      },
      exists: (path) => this.files.mayTouch(path) && existsSync(path),
    };
  }

  private readFile(path: string, seenOptions: Map<string, PolicyWork>): void {
    const parsed = this.files.parse(path);
    if (!parsed.ok) {
      Object.assign(this.fileReport(path), { status: 'failed', reason: `${parsed.reason}; left alone` });
      return;
    }
    const file = parsed.file;
    const cors = this.files.model(file, this.links);
    if (cors.policies.length === 0) return;
    this.candidates.push(path);
    this.before.push(...lintFile(file.sourceCode, path, this.links));
    for (const policy of cors.policies) {
      const scope = policyScope(policy, cors, file, this.links);
      const findings = collectFindings(policy, cors);
      const work: PolicyWork = { policy, file, cors, scope, findings };
      // One options object reached twice (registered here, typed or registered elsewhere) is one policy: the
      // registration that knows its routes wins over a typed object read on its own.
      const options = policy.options.kind === 'object' ? policy.options.value.node : policy.node;
      const key = `${fileOf(options)?.filename ?? path}:${options.range.join(':')}`;
      const earlier = seenOptions.get(key);
      if (!earlier || (earlier.scope.routes.length === 0 && scope.routes.length > 0)) seenOptions.set(key, work);
      const optionsFile = fileOf(options)?.filename;
      if (optionsFile && optionsFile !== path && !this.candidates.includes(optionsFile)) this.candidates.push(optionsFile);
      if (policy.options.kind === 'opaque' && policy.options.source === 'imported') {
        this.fileReport(path).notes.push(
          `line ${policy.node.loc.start.line}: the ${policy.framework.label} options come from an import cors-fix could not follow (a package, a file outside the repository, or a value computed at run time); fix them where they are defined.`,
        );
      }
    }
  }

  /** The report: every finding with its rule's message and the action taken, each change, the review list. */
  report(plan: ProjectPlan, applied: Applied, after: readonly LintProblem[], started: number): FixReport {
    const mode = this.options.mode;
    const changed = new Set(applied.outputs.map((output) => output.path));
    for (const path of changed) this.fileReport(path).status = 'changed';
    for (const [path, reason] of applied.failed) Object.assign(this.fileReport(path), { status: 'failed', reason });
    for (const [path, notes] of plan.notes) this.fileReport(path).notes.push(...notes);
    for (const path of this.discovered) this.fileReport(path);

    const messages = this.messages();
    const findings: Finding[] = [];
    const policies: PolicyReport[] = [];
    for (const work of this.works) {
      const variable = plan.variables.get(work) ?? null;
      policies.push({
        ...this.location(work.policy.node, work.file.filename),
        framework: work.policy.framework.label,
        variable: variable && work.findings.some((finding) => finding.action !== 'skipped' && finding.category === 'origin') ? variable : null,
        routes: work.scope.routes.length,
        complete: work.scope.complete,
      });
      for (const finding of work.findings) {
        const written = finding.action === 'fixed' && mode !== 'write' ? 'pending' : finding.action;
        findings.push({
          ruleId: finding.ruleId,
          ...this.location(finding.node, work.file.filename),
          message: messages.take(finding.ruleId, finding.node, work.file.filename) ?? finding.ruleId,
          action: written,
          detail: finding.detail,
        });
        detachFinding(finding);
      }
    }
    const foreignMessages = messagesOf(this.foreignMessages);
    for (const work of this.foreign) {
      for (const finding of work.plan.findings) {
        findings.push({
          ruleId: finding.ruleId,
          ...this.location(finding.node, work.path),
          message: finding.message || (foreignMessages.take(finding.ruleId, finding.node, work.path) ?? finding.ruleId),
          action: finding.action === 'fixed' && mode !== 'write' ? 'pending' : finding.action,
          detail: finding.detail,
        });
      }
    }
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);

    const changes: Change[] = [];
    for (const [path, entry] of plan.files) {
      if (!changed.has(path)) continue;
      for (const change of entry.changes) changes.push({ ...this.location(change.node, path), setting: change.setting, text: change.text });
    }
    changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

    const review: ReviewItem[] = after.map((problem) => ({
      ruleId: problem.ruleId,
      ...this.location(problem.node, problem.file),
      message: problem.message,
      severity: problem.severity,
    }));
    for (const work of this.works) {
      if (!work.scope.facts.cookies || !cookiesWithoutCredentials(work.policy)) continue;
      review.push({
        ruleId: 'cors-fix/cookies-without-credentials',
        ...this.location(work.policy.node, work.file.filename),
        message: `${work.policy.framework.label} does not allow credentials, yet the app uses cookies (a cookie or session package, or code that reads or sets cookies in the routes it covers), so browsers never send them cross-origin. If your web app needs them, allow credentials; cors-fix never turns them on.`,
        severity: 'warn',
      });
    }
    review.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);

    const supportFiles: SupportFile[] = [
      ...applied.creates.map((create) => ({ file: this.relative(create.path), kind: 'config-module' as const, change: 'created' as const, variables: create.variables.map((variable) => ({ variable, origins: [] })) })),
      ...applied.envFiles.map((file) => ({ file: this.relative(file.path), kind: 'env-example' as const, change: file.before === null ? ('created' as const) : ('updated' as const), variables: file.variables })),
    ];
    const diffs = [
      ...applied.outputs.map((output) => ({ file: this.relative(output.path), diff: unifiedDiff(this.relative(output.path), output.before, output.after) })),
      ...applied.creates.map((create) => ({ file: this.relative(create.path), diff: unifiedDiff(this.relative(create.path), null, create.text) })),
      ...applied.envFiles.map((file) => ({ file: this.relative(file.path), diff: unifiedDiff(this.relative(file.path), file.before, file.text) })),
    ].filter((entry) => entry.diff !== '');

    const all = [...this.reports.values()].sort((a, b) => a.file.localeCompare(b.file));
    const count = (status: FileReport['status']): number => all.filter((report) => report.status === status).length;
    const withFindings = new Set([...findings.map((finding) => finding.file), ...review.map((item) => item.file)]);
    return {
      tool: { name: 'cors-fix', version: PACKAGE.version },
      mode,
      envVar: this.options.envVar,
      cwd: this.options.cwd,
      summary: {
        scanned: all.length,
        changed: count('changed'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        failed: count('failed'),
        fixes: findings.filter((finding) => finding.action === 'fixed' || finding.action === 'pending').length,
        review: review.length,
        elapsedMs: Math.round(performance.now() - started),
      },
      files: all.filter((report) => report.status !== 'unchanged' || report.notes.length > 0 || withFindings.has(report.file)),
      policies: policies.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
      supportFiles,
      findings,
      changes,
      review,
      diffs,
    };
  }

  /** The rules' messages for the code as it was. */
  private messages(): Messages {
    return messagesOf(this.before);
  }

  private location(node: Node, fallbackPath: string): Location {
    const path = fileOf(node)?.filename ?? fallbackPath;
    const { start, end } = node.loc;
    return { file: this.relative(path), line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 };
  }

  get repositoryRoot(): string {
    return this.root;
  }
}

/** Rule messages per rule and node, handed out in the order the rules reported them. */
interface Messages {
  take(ruleId: string, node: Node, path: string): string | null;
}

function messagesOf(problems: readonly LintProblem[]): Messages {
  const queues = new Map<string, string[]>();
  for (const problem of problems) {
    const key = `${problem.ruleId}:${problem.file}:${problem.node.range.join(':')}`;
    queues.set(key, [...(queues.get(key) ?? []), problem.message]);
  }
  return {
    take: (ruleId, node, path) => {
      const queue = queues.get(`${ruleId}:${fileOf(node)?.filename ?? path}:${node.range.join(':')}`);
      if (!queue || queue.length === 0) return null;
      return queue.length > 1 ? (queue.shift() as string) : (queue[0] as string);
    },
  };
}
