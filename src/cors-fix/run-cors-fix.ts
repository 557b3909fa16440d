/**
 * The engine behind the CLI: finds the files, reads each with the CORS model the rules use, plans the fixes, follows
 * options imported from other modules, adds the config module and `.env.example`, applies everything with ts-morph
 * (or only diffs it) and returns a report. It knows the steps, not the individual fixes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { CorsFile, CorsPolicy, SourceCode } from '../model/index.js';
import { MIGHT_HAVE_CORS, readCorsFile } from '../model/index.js';
import { PACKAGE } from '../package-meta.js';
import type { AllowlistNames, ConfigExport } from './allowlist.js';
import { CONFIG_MODULE_NAME, type ConfigFlavour, configFlavour, configModulePath, configModuleText, configSpecifier, isConfigModule } from './config-module.js';
import { unifiedDiff } from './diff.js';
import { discoverFiles, isSourceFile } from './discover-files.js';
import { updateEnvExample } from './env-example.js';
import { type PolicyFinding, detachFinding } from './findings.js';
import { planFixes, type FilePlan } from './plan-fixes.js';
import { chooseNames, planImport, usesCommonJs } from './plan-import.js';
import { findExport, importedBinding, probeRegistration, probeText } from './probe-source.js';
import { isCommonJsByDefault, packageOf, specifierStyle } from './project-layout.js';
import { parseSource } from './parse-source.js';
import type { FileReport, Finding, FixReport, Mode, SupportFile } from './report.js';
import type { FrontEnd, ProjectAccess } from '../python/front-end.js';
import { writeFileAtomic } from './atomic-file-system.js';
import { type ForeignWork, settleForeignPlans } from './foreign-plans.js';
import type { ModuleResolver } from './resolve-imports.js';
import { SourceStore } from './source-store.js';
import { type TextEdit, applyTextEdits, normaliseEdits } from './text-edits.js';
import { type TextStyle, detectStyle } from './text-style.js';

/** What to run on and how. */
export interface RunOptions {
  cwd: string;
  /** Files and directories to look at, relative to `cwd`. */
  paths: readonly string[];
  mode: Mode;
  /** The environment variable the allowlist is read from. */
  envVar: string;
  /** Called before each discovered file is read. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The text every file with a CORS policy contains (the model reader's own pre-filter): others are not parsed. */

/** How many modules deep imported options are followed. */
const MAX_IMPORT_DEPTH = 4;

/** A file that has CORS policies: its text, its parse, and what the planner wants done to it. */
interface Work {
  path: string;
  text: string;
  bom: boolean;
  /**
   * The parse and the CORS model. Released once the file's own fixes and the options it imports are planned, so that
   * memory stays flat on large repositories; read again (`parsedOf`) for the few steps that need it later.
   */
  parsed: Parsed | null;
  style: TextStyle;
  names: AllowlistNames;
  /** Import specifiers that name a config module (`./cors-origins.js`): one may exist already. */
  configImports: string[];
  edits: TextEdit[];
  findings: PolicyFinding[];
  uses: Set<ConfigExport>;
  origins: string[];
}

interface Parsed {
  sourceCode: SourceCode;
  file: CorsFile;
}

interface PendingImport {
  /** The module whose policy has imported options, and the source the policy's nodes belong to. */
  from: Work;
  sourceCode: SourceCode;
  policy: CorsPolicy;
  /** The server file the policy is registered in. */
  registeredIn: { file: CorsFile; sourceCode: SourceCode };
  depth: number;
}

/** The config module and `.env.example` of one package. */
interface PackagePlan {
  root: string;
  configPath: string;
  flavour: ConfigFlavour | null;
  style: TextStyle;
  works: Work[];
}

/** Runs cors-fix over `options.paths` and reports what was (or would be) changed. */
export async function runCorsFix(options: RunOptions): Promise<FixReport> {
  const started = performance.now();
  const cwd = resolve(options.cwd);
  const files = await discoverFiles(cwd, options.paths);
  const run = new Run(cwd, options, files);
  // Python files go to the Python front end, loaded only when there are some.
  const python = files.some((file) => extname(file) === '.py') ? (await import('../python/front-end.js')).python : null;
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index + 1, files.length, run.relative(file));
    if (python?.extensions.includes(extname(file))) {
      await run.scanForeign(python, file);
      continue;
    }
    run.guard(file, () => run.scan(file));
    await run.followImports();
    run.release();
  }
  await run.planConfigModules();
  return run.finish(started);
}

class Run {
  private readonly store = new SourceStore();
  private readonly works = new Map<string, Work>();
  private readonly reports = new Map<string, FileReport>();
  private readonly pending: PendingImport[] = [];
  private readonly packages: PackagePlan[] = [];
  private resolver: ModuleResolver | null = null;
  /** Plans of files read by another language's front end (Python), and the texts they edit. */
  private readonly foreign: ForeignWork[] = [];

  constructor(
    private readonly cwd: string,
    private readonly options: RunOptions,
    private readonly discovered: readonly string[],
  ) {}

  relative(path: string): string {
    return relative(this.cwd, path).split(sep).join('/');
  }

  private report(path: string): FileReport {
    let report = this.reports.get(path);
    if (!report) {
      report = { file: this.relative(path), status: 'unchanged', reason: null, notes: [] };
      this.reports.set(path, report);
    }
    return report;
  }

  /** Runs `step` for `path`; an unexpected error fails that file (left alone) instead of the whole run. */
  guard(path: string, step: () => void): void {
    try {
      step();
    } catch (error) {
      const report = this.report(path);
      report.status = 'failed';
      report.reason = `cors-fix hit an internal error on this file (${(error as Error).message}); it was left alone. Please report this.`;
      this.works.delete(path);
    }
  }

  /** Reads and plans one discovered file with another language's front end. */
  async scanForeign<F>(front: FrontEnd<F>, path: string): Promise<void> {
    try {
      const source = this.store.read(path, front.prefilter);
      if (source.kind === 'irrelevant') return;
      const report = this.report(path);
      if (source.kind === 'skipped') {
        report.status = 'skipped';
        report.reason = source.reason;
        return;
      }
      const read = await front.read(source.text, path, this.project);
      if (!read.ok) {
        report.status = 'failed';
        report.reason = `does not parse (${read.line}:${read.column} ${read.message}); left alone`;
        return;
      }
      const plan = await front.plan(read.file, { envVar: this.options.envVar }, this.project);
      this.foreign.push({ front: front as FrontEnd<unknown>, path, plan });
    } catch (error) {
      const report = this.report(path);
      report.status = 'failed';
      report.reason = `cors-fix hit an internal error on this file (${(error as Error).message}); it was left alone. Please report this.`;
    }
  }

  /** How a front end reads the project's other files: through the same store, so each is read once. */
  private get project(): ProjectAccess {
    this.projectAccess ??= {
      root: this.cwd,
      readText: (path) => {
        const source = this.store.read(path);
        return source.kind === 'text' ? source.text : null;
      },
      exists: (path) => existsSync(path),
    };
    return this.projectAccess;
  }

  private projectAccess: ProjectAccess | null = null;

  /** Reads and plans one discovered file. */
  scan(path: string): void {
    const work = this.load(path, true);
    if (!work) return;
    const { sourceCode, file } = this.parsedOf(work);
    const plan = planFixes({ sourceCode, file, style: work.style, names: work.names, envVar: this.options.envVar });
    this.merge(work, plan);
    for (const policy of plan.imported) {
      this.pending.push({ from: work, sourceCode, policy, registeredIn: { file, sourceCode }, depth: 0 });
    }
  }

  /** A file's work, read and parsed once; null (with the reason in its report) when it has no policy or cannot be read. */
  private load(path: string, requirePolicies: boolean): Work | null {
    const existing = this.works.get(path);
    if (existing) return existing;
    // Discovered files are pre-filtered before anything else: most end here, and nothing of them is kept.
    const source = this.store.read(path, requirePolicies ? MIGHT_HAVE_CORS : undefined);
    if (source.kind === 'irrelevant') return null;
    const report = this.report(path);
    if (source.kind === 'skipped') {
      report.status = 'skipped';
      report.reason = source.reason;
      return null;
    }
    const parsed = this.store.parse(path, source.text);
    if (!parsed.ok) {
      report.status = 'failed';
      report.reason = `does not parse (${parsed.line}:${parsed.column} ${parsed.message}); left alone`;
      return null;
    }
    const file = readCorsFile(parsed.sourceCode, path);
    if (requirePolicies && file.policies.length === 0) return null;
    const work: Work = {
      path,
      text: source.text,
      bom: source.bom,
      parsed: { sourceCode: parsed.sourceCode, file },
      style: detectStyle(parsed.sourceCode),
      names: chooseNames(parsed.sourceCode),
      configImports: parsed.sourceCode.ast.body.flatMap((statement) =>
        statement.type === 'ImportDeclaration' && statement.source.value.includes(CONFIG_MODULE_NAME) ? [statement.source.value] : [],
      ),
      edits: [],
      findings: [],
      uses: new Set(),
      origins: [],
    };
    this.works.set(path, work);
    return work;
  }

  /** Adds a plan to a file's work; a plan that collides with edits already there is dropped and reported. */
  private merge(work: Work, plan: FilePlan): void {
    const seen = new Set(work.findings.map(findingKey));
    const fresh = plan.findings.filter((finding) => !seen.has(findingKey(finding)));
    work.findings.push(...fresh);
    const combined = normaliseEdits([...work.edits, ...plan.edits]);
    if (!combined) {
      for (const finding of fresh) {
        if (finding.action !== 'skipped') {
          finding.action = 'skipped';
          finding.detail = 'These options are reached in two ways that need different edits; fix them by hand.';
        }
      }
      return;
    }
    work.edits = combined;
    for (const name of plan.uses) work.uses.add(name);
    for (const origin of plan.origins) if (!work.origins.includes(origin)) work.origins.push(origin);
  }

  /** The parse and model of a work, read again if it was released. */
  private parsedOf(work: Work): Parsed {
    if (!work.parsed) {
      const parsed = this.store.parse(work.path, work.text);
      if (!parsed.ok) throw new Error(`${this.relative(work.path)} no longer parses`);
      work.parsed = { sourceCode: parsed.sourceCode, file: readCorsFile(parsed.sourceCode, work.path) };
    }
    return work.parsed;
  }

  /** Releases every parse kept so far; findings keep only their positions. */
  release(): void {
    for (const work of this.works.values()) this.releaseWork(work);
  }

  private releaseWork(work: Work): void {
    if (!work.parsed) return;
    for (const finding of work.findings) detachFinding(finding);
    work.parsed = null;
    this.store.forgetParse(work.path);
  }

  /** Fixes options where they are defined when a policy imports them from another module. */
  async followImports(): Promise<void> {
    const seen = new Set<string>();
    while (this.pending.length > 0) {
      const item = this.pending.shift() as PendingImport;
      this.resolver ??= new (await import('./resolve-imports.js')).ModuleResolver();
      this.guard(item.from.path, () => this.follow(item, seen));
    }
  }

  /** Plans the options of one policy where they are defined. */
  private follow(item: PendingImport, seen: Set<string>): void {
    const note = (text: string): void => {
      const line = item.policy.node.loc.start.line;
      this.report(item.from.path).notes.push(`line ${line}: ${text}`);
    };
    if (item.policy.options.kind !== 'opaque' || !this.resolver) return;
    const binding = importedBinding(item.sourceCode, item.policy.options.node);
    if (!binding) {
      note(`the ${item.policy.framework.label} options come from an import cors-fix cannot follow; fix them where they are defined.`);
      return;
    }
    const target = this.resolver.resolve(binding.specifier, item.from.path);
    if (!target || !isSourceFile(target)) {
      note(`the ${item.policy.framework.label} options are imported from '${binding.specifier}', which cors-fix cannot find or read; fix them there.`);
      return;
    }
    const key = `${target}#${binding.path.join('.')}#${item.policy.framework.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const work = this.load(target, false);
    if (!work) {
      note(`the options are defined in ${this.relative(target)}, which ${this.report(target).reason ?? 'cannot be read'}.`);
      return;
    }
    const reference = findExport(this.parsedOf(work).sourceCode, binding.path);
    const registration = reference ? probeRegistration(item.policy.framework, reference.expression) : null;
    if (!reference || !registration) {
      note(`${this.relative(target)} does not export '${binding.path.join('.') || '*'}' as a plain value; fix the options there by hand.`);
      return;
    }
    const probe = parseSource(probeText(work.text, reference, registration), target, 'module');
    if (!probe.ok) {
      note(`the options in ${this.relative(target)} could not be read (${probe.message}).`);
      return;
    }
    const probeFile = readCorsFile(probe.sourceCode, target);
    const policies = probeFile.policies.filter((policy) => policy.node.range[0] >= work.text.length);
    const plan = planFixes({
      sourceCode: probe.sourceCode,
      file: probeFile,
      policies,
      style: work.style,
      names: work.names,
      envVar: this.options.envVar,
      registeredIn: item.registeredIn,
    });
    const rename = reference.rename;
    const inside = plan.edits.every((edit) => edit.end <= work.text.length && (!rename || edit.end <= rename.start || edit.start >= rename.end));
    if (!inside) {
      note(`the options in ${this.relative(target)} need edits cors-fix cannot place; fix them there by hand.`);
      return;
    }
    this.merge(work, plan);
    if (plan.edits.length > 0 && work !== item.from) note(`the ${item.policy.framework.label} options are fixed where they are defined, in ${this.relative(target)}.`);
    if (item.depth + 1 < MAX_IMPORT_DEPTH) {
      for (const policy of plan.imported) this.pending.push({ from: work, sourceCode: probe.sourceCode, policy, registeredIn: item.registeredIn, depth: item.depth + 1 });
    }
  }

  /** One config module per package (reused if it exists) and the import of it in every file that needs it. */
  async planConfigModules(): Promise<void> {
    const byPackage = new Map<string, Work[]>();
    for (const work of [...this.works.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      if (work.uses.size === 0 || work.edits.length === 0) continue;
      const root = packageOf(work.path).root;
      byPackage.set(root, [...(byPackage.get(root) ?? []), work]);
    }
    for (const [root, works] of byPackage) {
      const first = works[0] as Work;
      const existing = await this.existingConfigModule(root, works);
      const flavour = existing ? null : configFlavour(first.path, usesCommonJs(this.parsedOf(first).sourceCode, isCommonJsByDefault(first.path)));
      const configPath = existing ?? configModulePath(first.path, flavour as ConfigFlavour);
      for (const work of works) {
        const { sourceCode } = this.parsedOf(work);
        const specifier = configSpecifier(work.path, configPath, specifierStyle(sourceCode, work.path));
        const commonJs = usesCommonJs(sourceCode, isCommonJsByDefault(work.path));
        const names = Object.values(work.names);
        const firstUse = Math.min(...work.edits.filter((edit) => names.some((name) => edit.text.includes(name))).map((edit) => edit.start));
        const edits = planImport(sourceCode, work.style, { specifier, uses: work.uses, names: work.names, commonJs, firstUse });
        const combined = normaliseEdits([...work.edits, ...edits]);
        if (combined) work.edits = combined;
        this.releaseWork(work);
      }
      this.packages.push({ root, configPath, flavour, style: first.style, works });
    }
  }

  /** A config module the package already has: imported by one of its files, discovered, or beside the first file. */
  private async existingConfigModule(root: string, works: readonly Work[]): Promise<string | null> {
    for (const work of works) {
      for (const source of work.configImports) {
        this.resolver ??= new (await import('./resolve-imports.js')).ModuleResolver();
        const resolved = this.resolver.resolve(source, work.path);
        if (resolved && isConfigModule(resolved)) return resolved;
      }
    }
    const first = works[0] as Work;
    const discovered = this.discovered.filter((path) => isConfigModule(path) && packageOf(path).root === root);
    discovered.sort((a, b) => relative(dirname(first.path), a).length - relative(dirname(first.path), b).length);
    if (discovered[0]) return discovered[0];
    for (const extension of ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']) {
      const candidate = join(dirname(first.path), `${CONFIG_MODULE_NAME}${extension}`);
      if (existsSync(candidate)) return candidate;
    }
    return null;
  }

  /** Checks every rewrite parses, applies the edits with ts-morph (saving them when writing) and builds the report. */
  async finish(started: number): Promise<FixReport> {
    const changed: { work: Work; text: string }[] = [];
    for (const work of [...this.works.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      if (work.edits.length === 0) continue;
      const text = applyTextEdits(work.text, work.edits);
      // Output that does not parse is never written; --check writes nothing, so it skips this second parse.
      const check: { ok: true } | ReturnType<typeof parseSource> = this.options.mode === 'check' ? { ok: true } : parseSource(text, work.path);
      const report = this.report(work.path);
      if (!check.ok) {
        report.status = 'failed';
        report.reason = `the rewrite would not parse (${check.line}:${check.column} ${check.message}), so the file was left alone; please report this`;
        for (const finding of work.findings) {
          if (finding.action !== 'skipped') {
            finding.action = 'skipped';
            finding.detail = 'Left alone: the rewrite of this file would not parse.';
          }
        }
        continue;
      }
      report.status = 'changed';
      changed.push({ work, text });
    }
    const supportFiles: SupportFile[] = [];
    const created: { path: string; text: string }[] = [];
    const envFiles: { path: string; before: string | null; text: string }[] = [];
    for (const pkg of this.packages) {
      if (!pkg.works.some((work) => this.report(work.path).status === 'changed')) continue;
      if (pkg.flavour) {
        const text = configModuleText(pkg.flavour, this.options.envVar, pkg.style);
        if (!parseSource(text, pkg.configPath).ok) throw new Error(`cors-fix: the generated ${this.relative(pkg.configPath)} does not parse (a bug).`);
        created.push({ path: pkg.configPath, text });
        supportFiles.push({ file: this.relative(pkg.configPath), kind: 'config-module', change: 'created', origins: [] });
      }
      const envPath = join(pkg.root, '.env.example');
      const before = existsSync(envPath) ? readFileSync(envPath, 'utf8') : null;
      const origins = [...new Set(pkg.works.filter((work) => this.report(work.path).status === 'changed').flatMap((work) => work.origins))];
      const configRelative = relative(pkg.root, pkg.configPath).split(sep).join('/');
      const text = updateEnvExample(before, this.options.envVar, origins, configRelative, pkg.style.eol);
      if (text !== null) {
        envFiles.push({ path: envPath, before, text });
        supportFiles.push({ file: this.relative(envPath), kind: 'env-example', change: before === null ? 'created' : 'updated', origins });
      }
    }
    const foreign = await settleForeignPlans(this.foreign, { store: this.store, report: (path) => this.report(path), relative: (path) => this.relative(path), envVar: this.options.envVar }, supportFiles, envFiles);
    // Only writing needs ts-morph: --check and --dry report the text edits computed above.
    if (this.options.mode === 'write' && (changed.length > 0 || created.length > 0)) {
      const { Workspace } = await import('./apply-edits.js');
      const workspace = new Workspace();
      for (const { work, text } of changed) {
        const applied = workspace.edit(work.path, work.text, work.bom, work.edits);
        if (applied !== text) throw new Error(`cors-fix: ts-morph produced different text for ${this.relative(work.path)} (a bug).`);
      }
      for (const file of created) workspace.create(file.path, file.text);
      await workspace.save();
      for (const file of envFiles) await workspace.writeText(file.path, file.text);
    }
    if (this.options.mode === 'write') {
      for (const file of foreign.changed) writeFileAtomic(file.path, (file.bom ? '\uFEFF' : '') + file.text);
      for (const file of foreign.created) writeFileAtomic(file.path, file.text);
      if (changed.length === 0 && created.length === 0) for (const file of envFiles) writeFileAtomic(file.path, file.text);
    }
    const diffs = [
      ...foreign.changed.map((file) => ({ file: this.relative(file.path), diff: unifiedDiff(this.relative(file.path), file.before, file.text) })),
      ...foreign.created.map((file) => ({ file: this.relative(file.path), diff: unifiedDiff(this.relative(file.path), null, file.text) })),
      ...changed.map(({ work, text }) => ({ file: this.relative(work.path), diff: unifiedDiff(this.relative(work.path), work.text, text) })),
      ...created.map((file) => ({ file: this.relative(file.path), diff: unifiedDiff(this.relative(file.path), null, file.text) })),
      ...envFiles.map((file) => ({ file: this.relative(file.path), diff: unifiedDiff(this.relative(file.path), file.before, file.text) })),
    ];
    return this.buildReport(started, supportFiles, diffs);
  }

  private buildReport(started: number, supportFiles: SupportFile[], diffs: FixReport['diffs']): FixReport {
    for (const path of this.discovered) this.report(path);
    const findings: Finding[] = [];
    const planned = [...this.works.values(), ...this.foreign.map((item) => ({ path: item.path, findings: item.plan.findings }))];
    for (const work of planned.sort((a, b) => a.path.localeCompare(b.path))) {
      const file = this.relative(work.path);
      const sorted = [...work.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
      for (const finding of sorted) {
        const { start, end } = finding.node.loc;
        findings.push({
          ruleId: finding.ruleId,
          file,
          line: start.line,
          column: start.column + 1,
          endLine: end.line,
          endColumn: end.column + 1,
          message: finding.message,
          action: finding.action,
          detail: finding.detail,
        });
      }
    }
    const all = [...this.reports.values()].sort((a, b) => a.file.localeCompare(b.file));
    const count = (status: FileReport['status']): number => all.filter((report) => report.status === status).length;
    const withFindings = new Set(findings.map((finding) => finding.file));
    return {
      tool: { name: 'cors-fix', version: PACKAGE.version },
      mode: this.options.mode,
      envVar: this.options.envVar,
      cwd: this.cwd,
      summary: {
        scanned: all.length,
        changed: count('changed'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        failed: count('failed'),
        elapsedMs: Math.round(performance.now() - started),
      },
      files: all.filter((report) => report.status !== 'unchanged' || report.notes.length > 0 || withFindings.has(report.file)),
      supportFiles,
      findings,
      diffs: diffs.filter((entry) => entry.diff !== ''),
    };
  }
}

function findingKey(finding: PolicyFinding): string {
  return `${finding.ruleId}:${finding.kind}:${finding.node.range.join(':')}`;
}

