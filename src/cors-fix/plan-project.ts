/**
 * The plan for the whole project: which variable each policy's allowlist reads, the edits each policy needs (made
 * where its options are written, with the facts of the routes it covers), the moves of misordered registrations, the
 * config module (created, or extended with new allowlists), the imports of it, and `.env.example`. Pure: it reads
 * parses and files already read, and writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { memberName, unwrap } from '../model/ast.js';
import { type CorsFile, type CorsPolicy, fileOf, openOrigins, possibleValues } from '../model/index.js';
import type { AllowlistRef } from './allowlist.js';
import {
  type AllowlistExport,
  type ConfigFlavour,
  configFlavour,
  configModulePath,
  configModuleText,
  configSpecifier,
  exportNameFor,
  extendConfigModule,
  isConfigModule,
  readConfigModule,
} from './config-module.js';
import { updateEnvExample } from './env-example.js';
import { type PolicyFinding, resolveFinding } from './findings.js';
import { moveRegistrations } from './move-registration.js';
import { planHeaderPolicy } from './plan-header-policy.js';
import { chooseNames, planImport, usesCommonJs } from './plan-import.js';
import { planOptionsPolicy } from './plan-options.js';
import { type PlanContext, PolicyEdits, type SettingChange } from './plan-types.js';
import type { PolicyScope } from './policy-scope.js';
import type { ParsedFile, ProjectFiles } from './project-files.js';
import { isCommonJsByDefault, packageOf, specifierStyle } from './project-layout.js';
import { retiredOrigins } from './origin-rewrite.js';
import { type TextEdit, normaliseEdits } from './text-edits.js';
import { type TextStyle, detectStyle } from './text-style.js';
import { type AudienceFacts, assignVariables, audienceName } from './variables.js';

/** One policy to plan: where it is registered, what it covers, what the rules find in it. */
export interface PolicyWork {
  policy: CorsPolicy;
  /** The file that registers it (or types its options), and that file's model. */
  file: ParsedFile;
  cors: CorsFile;
  scope: PolicyScope;
  findings: PolicyFinding[];
}

/** What changes in one file. */
export interface FileEdits {
  file: ParsedFile;
  edits: TextEdit[];
  changes: SettingChange[];
}

export interface ProjectPlan {
  /** Edits per path (sources, and an existing config module that gains an allowlist). */
  files: Map<string, FileEdits>;
  /** The variable each policy reads after the fix (null: its origin is not rewritten). */
  variables: Map<PolicyWork, string | null>;
  /** The word each policy's audience is named by (`--env-var <name>=…`). */
  audiences: Map<PolicyWork, string>;
  /** Config modules to create, per package. */
  creates: { path: string; text: string; packageRoot: string; variables: string[] }[];
  /** `.env.example` files to create or update, per package, with the files whose change they belong to. */
  envFiles: { path: string; before: string | null; text: string; packageRoot: string; variables: { variable: string; origins: string[] }[] }[];
  /** Notes per path. */
  notes: Map<string, string[]>;
}

export interface PlanOptions {
  /** The main allowlist's variable. */
  envVar: string;
  /** Audience name → variable, from `--env-var <name>=<VARIABLE>`. */
  named: ReadonlyMap<string, string>;
  /** Every discovered path (a config module may be among them). */
  discovered: readonly string[];
  /** Where paths in notes are relative to. */
  cwd: string;
}

/** Plans every policy of the project. */
export function planProject(works: readonly PolicyWork[], files: ProjectFiles, options: PlanOptions): ProjectPlan {
  return new ProjectPlanner(works, files, options).plan();
}

interface Target {
  work: PolicyWork;
  /** The file the policy's options are written in (where its edits go). */
  file: ParsedFile;
  variable: string | null;
}

class ProjectPlanner {
  private readonly result: ProjectPlan = { files: new Map(), variables: new Map(), audiences: new Map(), creates: [], envFiles: [], notes: new Map() };
  private readonly styles = new Map<string, TextStyle>();
  private readonly uses = new Map<string, Set<string>>();
  /** Origins retired per package root and variable. */
  private readonly origins = new Map<string, Map<string, string[]>>();

  constructor(
    private readonly works: readonly PolicyWork[],
    private readonly files: ProjectFiles,
    private readonly options: PlanOptions,
  ) {}

  plan(): ProjectPlan {
    const targets = this.targets();
    const modules = this.configModules(targets);
    const exportNames = new Map<string, string>();
    for (const module of modules.values()) for (const entry of module.exports) exportNames.set(entry.variable, entry.exportName);
    const exportOf = (variable: string): string => {
      let name = exportNames.get(variable);
      if (!name) {
        name = exportNameFor(variable);
        exportNames.set(variable, name);
      }
      return name;
    };
    // Local names per edited file, for every allowlist its policies read.
    const locals = new Map<string, Map<string, string>>();
    for (const target of targets) {
      const wanted = target.variable ? [exportOf(target.variable)] : [];
      const path = target.file.filename;
      locals.set(path, new Map([...(locals.get(path) ?? []), ...chooseNames(target.file.sourceCode, wanted)]));
    }
    for (const target of targets) this.planTarget(target, exportOf, locals);
    this.placeModules(targets, modules, exportOf, locals);
    return this.result;
  }

  /** Each policy with the file its edits go to and the variable its allowlist reads. */
  private targets(): Target[] {
    // Policies whose origin moves to an allowlist: open ones, those that list origins, and origins the framework misreads.
    const needing = this.works.filter(
      (work) =>
        openOrigins(work.policy).length > 0 ||
        retiredOrigins(work.policy).length > 0 ||
        work.findings.some((finding) => finding.kind === 'origin-type' || finding.kind === 'star-in-array' || finding.kind === 'partial-match'),
    );
    const facts: AudienceFacts[] = needing.map((work) => ({
      origins: retiredOrigins(work.policy),
      readsVariables: environmentReads(work.policy),
      open: openOrigins(work.policy).length > 0,
      mountPath: work.scope.mountPath,
      receiver: work.scope.receiver,
      file: work.file.filename,
      cluster: `${work.file.filename}#${work.scope.receiver ?? work.policy.node.range[0]}`,
    }));
    // Each package (each app) has its own allowlists.
    const byWork = new Map<PolicyWork, string>();
    const packages = new Map<string, number[]>();
    needing.forEach((work, index) => {
      const root = packageOf(work.file.filename).root;
      packages.set(root, [...(packages.get(root) ?? []), index]);
    });
    for (const indexes of packages.values()) {
      const variables = assignVariables(indexes.map((index) => facts[index] as AudienceFacts), this.options.envVar, this.options.named);
      indexes.forEach((index, position) => byWork.set(needing[index] as PolicyWork, variables[position] ?? this.options.envVar));
    }
    needing.forEach((work, index) => this.result.audiences.set(work, audienceName(facts[index] as AudienceFacts)));
    return this.works.map((work) => {
      const options = work.policy.options;
      const owner = options.kind === 'object' ? (fileOf(options.value.node) as ParsedFile | null) : null;
      const variable = byWork.get(work) ?? null;
      this.result.variables.set(work, variable);
      return { work, file: owner ?? work.file, variable };
    });
  }

  private style(file: ParsedFile): TextStyle {
    let style = this.styles.get(file.filename);
    if (!style) {
      style = detectStyle(file.sourceCode);
      this.styles.set(file.filename, style);
    }
    return style;
  }

  private fileEdits(file: ParsedFile): FileEdits {
    let entry = this.result.files.get(file.filename);
    if (!entry) {
      entry = { file, edits: [], changes: [] };
      this.result.files.set(file.filename, entry);
    }
    return entry;
  }

  private note(path: string, text: string): void {
    this.result.notes.set(path, [...(this.result.notes.get(path) ?? []), text]);
  }

  /** Plans one policy: its own edits where its options are written, the move of its registration where it is registered. */
  private planTarget(target: Target, exportOf: (variable: string) => string, locals: Map<string, Map<string, string>>): void {
    const { work, file } = target;
    const { policy, findings } = work;
    if (findings.length === 0) return;
    const variable = target.variable ?? this.options.envVar;
    const exportName = exportOf(variable);
    const allowlist: AllowlistRef = { variable, exportName, local: locals.get(file.filename)?.get(exportName) ?? exportName };
    const context: PlanContext = {
      sourceCode: file.sourceCode,
      style: this.style(file),
      file: work.cors,
      allowlist,
      facts: work.scope.facts,
      complete: work.scope.complete,
      typescript: /\.[cm]?tsx?$/u.test(file.filename),
    };
    let out = new PolicyEdits();
    if (policy.options.kind === 'headers') out = planHeaderPolicy(policy, findings, context);
    else if (policy.options.kind !== 'opaque') out = planOptionsPolicy(policy, findings, context);
    if (policy.options.kind !== 'opaque' && file !== work.file && out.edits.length > 0) {
      this.note(work.file.filename, `line ${policy.node.loc.start.line}: the ${policy.framework.label} options are fixed where they are defined, in ${relative(this.options.cwd, file.filename).split(sep).join('/')}.`);
    }
    this.placeEdits(target, out, findings, allowlist, locals);
    // Where CORS is registered is the registering file's: move it above auth and routes there.
    const registering = this.fileEdits(work.file);
    const before = registering.edits.length;
    registering.edits = moveRegistrations(findings, registering.edits, work.file.sourceCode);
    if (registering.edits.length !== before) {
      for (const finding of findings) if (finding.category === 'order' && finding.action === 'fixed') registering.changes.push({ setting: 'order', node: finding.node, text: finding.detail });
    }
  }

  /**
   * Merges a policy's edits into the files they belong to: the options' file, and any file a list or check the
   * options use is written in. Edits that collide with others already planned, or a file that names the allowlist
   * differently, leave the policy's findings to the user.
   */
  private placeEdits(target: Target, out: PolicyEdits, findings: readonly PolicyFinding[], allowlist: AllowlistRef, locals: Map<string, Map<string, string>>): void {
    const byFile = new Map<string, TextEdit[]>();
    for (const { file: path, ...edit } of out.edits) {
      const key = path ?? target.file.filename;
      byFile.set(key, [...(byFile.get(key) ?? []), edit]);
    }
    const merged = new Map<ParsedFile, TextEdit[]>();
    let fits = true;
    for (const [path, edits] of byFile) {
      const parsed = path === target.file.filename ? { ok: true as const, file: target.file } : this.files.parse(path);
      if (!parsed.ok) {
        fits = false;
        break;
      }
      const usesAllowlist = edits.some((edit) => edit.text.includes(allowlist.local));
      if (usesAllowlist && parsed.file !== target.file) {
        // The list's file imports the allowlist under the same local name, or the edit does not fit there.
        const names = locals.get(path) ?? new Map(chooseNames(parsed.file.sourceCode, [allowlist.exportName]));
        locals.set(path, names);
        if (names.get(allowlist.exportName) !== allowlist.local) fits = false;
      }
      const combined = normaliseEdits([...(this.result.files.get(path)?.edits ?? []), ...edits]);
      if (!combined) fits = false;
      else merged.set(parsed.file, combined);
    }
    if (!fits) {
      for (const finding of findings) {
        if (finding.action !== 'skipped' && finding.category !== 'order') {
          resolveFinding(finding, 'skipped', 'These options are reached in two ways that need different edits; fix them by hand.');
        }
      }
      return;
    }
    for (const [file, edits] of merged) {
      const entry = this.fileEdits(file);
      entry.edits = edits;
      if (file === target.file) entry.changes.push(...out.changes);
      const uses = file === target.file ? out.uses : edits.some((edit) => edit.text.includes(allowlist.local)) ? new Set([allowlist.exportName]) : new Set<string>();
      if (uses.size === 0) continue;
      const known = this.uses.get(file.filename) ?? new Set<string>();
      for (const name of uses) known.add(name);
      this.uses.set(file.filename, known);
      const root = packageOf(file.filename).root;
      const byVariable = this.origins.get(root) ?? new Map<string, string[]>();
      byVariable.set(allowlist.variable, [...new Set([...(byVariable.get(allowlist.variable) ?? []), ...out.origins])]);
      this.origins.set(root, byVariable);
    }
  }

  /** The config module of each package that gets an allowlist: one that exists (and what it exports), or where a new one goes. */
  private configModules(targets: readonly Target[]): Map<string, { path: string | null; exports: AllowlistExport[]; text: string | null }> {
    const modules = new Map<string, { path: string | null; exports: AllowlistExport[]; text: string | null }>();
    for (const target of targets) {
      if (!target.variable) continue;
      const root = packageOf(target.file.filename).root;
      if (modules.has(root)) continue;
      const existing = this.existingModule(root, target.file);
      const text = existing ? this.files.read(existing) : null;
      const body = text?.kind === 'text' ? text.text : null;
      modules.set(root, { path: existing, exports: (body ? readConfigModule(body) : null) ?? [], text: body });
    }
    return modules;
  }

  /** A config module the package already has: imported by the file, discovered, or beside the file. */
  private existingModule(root: string, file: ParsedFile): string | null {
    for (const statement of file.sourceCode.ast.body) {
      const source = statement.type === T.ImportDeclaration ? statement.source.value : null;
      if (!source || !/(?:^|\/)cors-origins(?:\.[cm]?[jt]s)?$/u.test(source)) continue;
      for (const extension of ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']) {
        const candidate = join(dirname(file.filename), source.replace(/\.[cm]?js$/u, '') + extension);
        if (isConfigModule(candidate) && existsSync(candidate)) return candidate;
      }
    }
    const discovered = this.options.discovered.filter((path) => isConfigModule(path) && packageOf(path).root === root);
    discovered.sort((a, b) => relative(dirname(file.filename), a).length - relative(dirname(file.filename), b).length);
    if (discovered[0]) return discovered[0];
    for (const extension of ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']) {
      const candidate = join(dirname(file.filename), `cors-origins${extension}`);
      if (existsSync(candidate)) return candidate;
    }
    return null;
  }

  /** Creates or extends each package's config module, imports it where it is used, and lists the variables in `.env.example`. */
  private placeModules(
    targets: readonly Target[],
    modules: Map<string, { path: string | null; exports: AllowlistExport[]; text: string | null }>,
    exportOf: (variable: string) => string,
    locals: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): void {
    const byRoot = new Map<string, ParsedFile[]>();
    for (const [path, uses] of this.uses) {
      if (uses.size === 0) continue;
      const file = this.result.files.get(path)?.file;
      if (!file) continue;
      const root = packageOf(path).root;
      byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
    }
    for (const [root, users] of byRoot) {
      users.sort((a, b) => a.filename.localeCompare(b.filename));
      const first = users[0] as ParsedFile;
      const module = modules.get(root) ?? { path: null, exports: [], text: null };
      const variables = [...(this.origins.get(root)?.keys() ?? [])];
      const wanted: AllowlistExport[] = variables.map((variable) => ({ variable, exportName: exportOf(variable) }));
      let configPath: string;
      if (module.path && module.text !== null) {
        configPath = module.path;
        const missing = wanted.filter((entry) => !module.exports.some((existing) => existing.variable === entry.variable));
        if (missing.length > 0) {
          const parsed = this.files.parse(module.path);
          const edit = parsed.ok ? extendConfigModule(module.text, module.path, missing, this.style(parsed.file)) : null;
          if (!edit || !parsed.ok) {
            this.note(module.path, `it does not look like a module cors-fix generated; add ${missing.map((entry) => entry.variable).join(', ')} to it by hand.`);
          } else {
            const entry = this.fileEdits(parsed.file);
            entry.edits = normaliseEdits([...entry.edits, edit]) ?? entry.edits;
          }
        }
      } else {
        const flavour: ConfigFlavour = configFlavour(first.filename, usesCommonJs(first.sourceCode, isCommonJsByDefault(first.filename)));
        configPath = configModulePath(first.filename, flavour);
        this.result.creates.push({ path: configPath, text: configModuleText(flavour, wanted, this.style(first)), packageRoot: root, variables });
      }
      for (const file of users) {
        const entry = this.fileEdits(file);
        const specifier = configSpecifier(file.filename, configPath, specifierStyle(file.sourceCode, file.filename));
        const names = locals.get(file.filename) ?? new Map<string, string>();
        const localNames = [...names.values()];
        const firstUse = Math.min(...entry.edits.filter((edit) => localNames.some((name) => edit.text.includes(name))).map((edit) => edit.start));
        const edits = planImport(file.sourceCode, this.style(file), {
          specifier,
          uses: this.uses.get(file.filename) ?? new Set(),
          names,
          commonJs: usesCommonJs(file.sourceCode, isCommonJsByDefault(file.filename)),
          firstUse,
        });
        entry.edits = normaliseEdits([...entry.edits, ...edits]) ?? entry.edits;
      }
      const envPath = join(root, '.env.example');
      const before = existsSync(envPath) ? readFileSync(envPath, 'utf8') : null;
      const configRelative = relative(root, configPath).split(sep).join('/');
      let text = before;
      const listed: { variable: string; origins: string[] }[] = [];
      for (const variable of variables) {
        const origins = this.origins.get(root)?.get(variable) ?? [];
        const updated = updateEnvExample(text, variable, origins, configRelative, this.style(first).eol);
        if (updated !== null) {
          text = updated;
          listed.push({ variable, origins });
        }
      }
      if (text !== null && text !== before) this.result.envFiles.push({ path: envPath, before, text, packageRoot: root, variables: listed });
    }
  }
}

/** Environment variables a policy's origin reads (`process.env.ADMIN_ORIGINS`), by name. */
function environmentReads(policy: CorsPolicy): string[] {
  if (policy.origin.state !== 'set') return [];
  const names: string[] = [];
  for (const { value } of possibleValues(policy.origin.value)) {
    if (value.kind !== 'opaque' || value.source !== 'environment') continue;
    let node = unwrap(value.node);
    while (node.type === T.CallExpression) node = unwrap(node.callee);
    while (node.type === T.MemberExpression) {
      const name = memberName(node);
      if (name && /^[A-Z][A-Z0-9_]*$/u.test(name)) {
        names.push(name);
        break;
      }
      node = unwrap(node.object);
    }
  }
  return [...new Set(names)];
}
