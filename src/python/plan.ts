/**
 * Plans the fix of a Python file's CORS policies from the same findings the rules report: the origin becomes the
 * allowlist read from the environment (a Pydantic settings field where the app has a settings object, the generated
 * `cors_origins.py` otherwise), methods come from the routes the app declares, allowed headers gain what credentials,
 * SSE and the code's own `X-…` headers need, the preflight cache becomes 600 s, misnamed options are renamed and CORS
 * is moved where it runs first. Credentials are never turned on or off: a value that reads one way and acts the
 * other is reported instead. Pure text edits; nothing is written here.
 */
import { dirname, join, relative, sep } from 'node:path';
import type { Field } from '../frameworks/define-framework.js';
import { type PolicyFinding, UNSAFE_PATTERN_KEPT, isUnplanned, resolveCategory, resolveFinding } from '../cors-fix/findings.js';
import { isSerialisedOrigin } from '../cors-fix/env-example.js';
import { MAX_PORTABLE_MAX_AGE as DEFAULT_MAX_AGE } from '../model/verdicts.js';
import { type TextEdit, normaliseEdits } from '../cors-fix/text-edits.js';
import type { CorsPolicy, OptionEntry } from '../model/cors-file.js';
import { type OptionFinding, type OrderFinding, unexposedHeaders } from '../model/verdicts.js';
import { CONTENT_TYPE, DEFAULT_METHODS, requiredRequestHeaders, unique } from '../model/explicit-lists.js';
import { isRegexProblem as isPatternProblem, saferPattern } from '../model/origin-patterns.js';
import { type Value, alternatives } from '../model/static-value.js';
import { ALLOWLIST_CONSTANT, ALLOWLIST_MODULE, PARSE_FUNCTION, allowlistModuleText, settingsField } from './allowlist-module.js';
import { MAX_LINE, type PyStyle, addImport, addImports, appendEntries, detectStyle, endOfLine, insertAfterStatement, lineIndent, pyList, pyString, replace } from './edits.js';
import { policyFindings } from './findings.js';
import type { ForeignPlan, ForeignPlanContext, PythonFile } from './front-end.js';
import { projectRoot, siblingImport } from './layout.js';
import type { Linker, SettingsObject } from './link.js';
import { buildPolicy } from './policy.js';
import type { PyFile, PyRegistration } from './read-python.js';
import { type PyNode, child, named, pyNodeOf, statementOf, stringDelimiters, textOf, walkTree } from './syntax.js';

/** The allowlist as the app reads it, and what makes it available. */
interface Allowlist {
  /** The expression an origin option is set to. */
  expression: string;
  /** How details describe it. */
  description: string;
  edits: Map<string, TextEdit[]>;
  create: { path: string; text: string }[];
  /** The module `.env.example` says reads the variable, relative to the project root. */
  reader: string;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Plans every policy of one file. */
export async function planPython(input: PythonFile, context: ForeignPlanContext, linker: Linker): Promise<ForeignPlan> {
  const planner = new FilePlanner(input, context, linker);
  return planner.plan();
}

class FilePlanner {
  private readonly file: PyFile;
  private readonly style: PyStyle;
  private readonly edits = new Map<string, TextEdit[]>();
  private readonly create: { path: string; text: string }[] = [];
  private readonly origins: string[] = [];
  private readonly findings: PolicyFinding[] = [];
  private allowlist: Allowlist | null = null;
  private reader: string | null = null;

  constructor(
    private readonly input: PythonFile,
    private readonly context: ForeignPlanContext,
    private readonly linker: Linker,
  ) {
    this.file = input.file;
    this.style = detectStyle(this.file.text, this.file.tree.root);
  }

  async plan(): Promise<ForeignPlan> {
    for (const policy of this.file.policies) {
      const registration = this.file.registrations.get(policy);
      if (!registration) continue;
      const findings = policyFindings(this.file, policy);
      this.findings.push(...findings);
      if (findings.length === 0) continue;
      const policyPlan = new PolicyPlanner(this, policy, registration, findings);
      const edits = policyPlan.plan();
      const allowlist = policyPlan.usesAllowlist && !this.reader ? this.allowlist : null;
      const own = [...edits, ...(allowlist?.edits.get(this.file.path) ?? [])];
      if (!this.addEdits(this.file.path, own)) {
        for (const finding of policyPlan.planned()) {
          if (finding.action !== 'skipped') resolveFinding(finding, 'skipped', 'Another policy in this file is rewritten at the same place; run cors-fix again after reviewing this change.');
        }
        continue;
      }
      if (allowlist) this.commit(allowlist);
    }
    const touched = [...this.edits.values()].some((edits) => edits.length > 0);
    return {
      edits: touched ? this.edits : new Map(),
      create: touched ? this.create : [],
      envExample: touched && this.reader ? { root: this.root, origins: this.origins, reader: this.reader } : null,
      findings: this.findings,
    };
  }

  get text(): string {
    return this.file.text;
  }

  get pyStyle(): PyStyle {
    return this.style;
  }

  get envVar(): string {
    return this.context.envVar;
  }

  get pyFile(): PyFile {
    return this.file;
  }

  get root(): string {
    return projectRoot(this.file.path, this.linker.project);
  }

  /** Methods the app's routes serve (this file's and the routers it includes), or null when it declares none. */
  routeMethods(): string[] | null {
    const methods = new Set([...this.file.facts.routes, ...this.input.includedRoutes].flatMap((route) => route.methods));
    if (methods.size === 0) return null;
    return [...methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  /** The report keeps every finding once: a re-read policy's findings replace its first reading's. */
  replaceFindings(before: readonly PolicyFinding[], after: readonly PolicyFinding[]): void {
    const kept = this.findings.filter((finding) => !before.includes(finding));
    this.findings.splice(0, this.findings.length, ...kept, ...after);
  }

  retire(values: readonly string[]): void {
    for (const origin of values) if (isSerialisedOrigin(origin) && !this.origins.includes(origin)) this.origins.push(origin);
  }

  /** Adds edits to a file's list; false (and nothing added) when they collide with edits already there. */
  addEdits(path: string, edits: readonly TextEdit[]): boolean {
    const combined = normaliseEdits([...(this.edits.get(path) ?? []), ...edits]);
    if (!combined) return false;
    this.edits.set(path, combined);
    return true;
  }

  /** The allowlist, chosen once per file: the settings object's field, or the generated module. */
  allowlistFor(): Allowlist {
    this.allowlist ??= (this.input.settings && this.settingsAllowlist(this.input.settings)) || this.moduleAllowlist();
    return this.allowlist;
  }

  /** Makes the allowlist available once a policy that uses it is planned: its edits elsewhere, the new module. */
  private commit(allowlist: Allowlist): void {
    for (const [path, edits] of allowlist.edits) if (path !== this.file.path) this.addEdits(path, edits);
    for (const file of allowlist.create) if (!this.create.some((existing) => existing.path === file.path)) this.create.push(file);
    this.reader = allowlist.reader;
  }

  /** `settings.cors_origins`: a field of the app's Pydantic settings, validated by the generated module's parser. */
  private settingsAllowlist(settings: SettingsObject): Allowlist | null {
    if (settings.renamesVariables) return null;
    const field = this.context.envVar.toLowerCase();
    const body = child(settings.classNode, 'body');
    if (!body) return null;
    const modulePath = join(dirname(settings.path), `${ALLOWLIST_MODULE}.py`);
    const expression = `${settings.localName}.${field}`;
    const description = `${expression}, a settings field read from ${this.context.envVar}`;
    const reader = relative(this.root, settings.path).split(sep).join('/');
    const edits = new Map<string, TextEdit[]>();
    const statements = named(body);
    const has = statements.some((statement) => {
      const assignment = statement.kind === 'expression_statement' ? named(statement)[0] : null;
      const left = assignment?.kind === 'assignment' ? child(assignment, 'left') : null;
      return left?.kind === 'identifier' && textOf(settings.file.text, left) === field;
    });
    if (has) return { expression, description, edits, create: [], reader };
    const style = detectStyle(settings.file.text, settings.file.tree.root);
    const fields = statements.filter((statement) => statement.kind === 'expression_statement');
    const anchor = fields.at(-1) ?? null;
    const indent = lineIndent(settings.file.text, (statements[0] ?? body).range[0]);
    const generated = settingsField(field, this.context.envVar, settings.version, indent, style);
    const text = settings.file.text;
    const insertion: TextEdit = anchor
      ? { start: endOfLine(text, anchor.range[1]), end: endOfLine(text, anchor.range[1]), text: `${style.eol}${style.eol}${generated.text}` }
      : { start: body.range[0], end: body.range[0], text: `${generated.text.trimStart()}${style.eol}${style.eol}${indent}` };
    const module = siblingImport(settings.path, settings.file.scope, ALLOWLIST_MODULE, this.linker.project);
    const importEdits = addImports(settings.file.scope, [...generated.imports, { module, name: PARSE_FUNCTION }], style);
    edits.set(settings.path, [...importEdits, insertion]);
    return { expression, description, edits, create: [{ path: modulePath, text: allowlistModuleText(this.context.envVar, style.eol, false) }], reader };
  }

  /** `CORS_ORIGINS` from the generated `cors_origins.py` beside the file. */
  private moduleAllowlist(): Allowlist {
    const module = join(dirname(this.file.path), `${ALLOWLIST_MODULE}.py`);
    const specifier = siblingImport(this.file.path, this.file.scope, ALLOWLIST_MODULE, this.linker.project);
    const edits = new Map<string, TextEdit[]>();
    edits.set(this.file.path, this.importAfterEnvironmentLoad(specifier));
    return {
      expression: ALLOWLIST_CONSTANT,
      description: `${ALLOWLIST_CONSTANT} from ${ALLOWLIST_MODULE}.py, the allowlist read from ${this.context.envVar}`,
      edits,
      create: [{ path: module, text: allowlistModuleText(this.context.envVar, this.style.eol, true) }],
      reader: relative(this.root, module).split(sep).join('/'),
    };
  }

  /**
   * The import of the allowlist constant. The module reads the variable when imported, so in a file that loads a
   * `.env` file at top level (`load_dotenv()`) it is imported after that call.
   */
  private importAfterEnvironmentLoad(specifier: string): TextEdit[] {
    const load = this.file.tree.root.children.find((statement) => {
      const call = statement.kind === 'expression_statement' ? named(statement)[0] : null;
      const callee = call?.kind === 'call' ? child(call, 'function') : null;
      return callee !== null && callee !== undefined && /(?:^|\.)load_dotenv$/u.test(textOf(this.text, callee));
    });
    const lastImport = this.file.tree.root.children.filter((statement) => statement.kind === 'import_statement' || statement.kind === 'import_from_statement').at(-1);
    if (load && (!lastImport || load.range[0] > lastImport.range[0])) {
      return [insertAfterStatement(this.text, load, `from ${specifier} import ${ALLOWLIST_CONSTANT}`, this.style)];
    }
    return addImport(this.file.scope, specifier, ALLOWLIST_CONSTANT, this.style);
  }
}

function rank(method: string): number {
  const index = METHOD_ORDER.indexOf(method);
  return index < 0 ? METHOD_ORDER.length : index;
}

/** Plans one policy. */
class PolicyPlanner {
  private readonly edits: TextEdit[] = [];
  /** New options (`name=value`, `"name": value`, or `NAME = value` settings), in canonical order. */
  private readonly entries: { field: Field; text: string }[] = [];
  private rewroteOrigin = false;
  /** The plan points an origin at the allowlist (which the file must then make available). */
  usesAllowlist = false;
  private policy: CorsPolicy;
  private findings: PolicyFinding[];

  constructor(
    private readonly owner: FilePlanner,
    policy: CorsPolicy,
    private readonly registration: PyRegistration,
    findings: PolicyFinding[],
  ) {
    this.policy = policy;
    this.findings = findings;
  }

  private get text(): string {
    return this.owner.text;
  }

  /** The findings as planned (a re-read after renames replaces the first reading's). */
  planned(): readonly PolicyFinding[] {
    return this.findings;
  }

  private get style(): PyStyle {
    return this.owner.pyStyle;
  }

  private get settings(): boolean {
    return this.registration.kind === 'settings';
  }

  plan(): TextEdit[] {
    this.planRenames();
    this.planOrigin();
    this.planCredentials();
    const coverage = {
      methods: [],
      complete: false,
      streams: this.owner.pyFile.eventStreams.length > 0,
      requestHeaders: this.owner.pyFile.facts.requestHeaders,
      authorization: this.owner.pyFile.readsAuthorization,
    };
    const required = requiredRequestHeaders(this.policy.credentials.on, coverage);
    this.planMethods();
    this.planList('allowedHeaders', unique([CONTENT_TYPE, ...required]), required);
    const exposed = unexposedHeaders(this.policy, this.owner.pyFile).map((write) => write.name);
    this.planList('exposedHeaders', exposed, exposed);
    this.planMaxAge();
    if (!this.placeEntries()) return [];
    this.planOrder();
    return this.edits;
  }

  /** The entry that sets `field` in this file (the last one: later keys win). */
  private entry(field: Field, keys?: readonly string[]): OptionEntry | null {
    if (this.policy.options.kind !== 'object') return null;
    return this.policy.options.entries.filter((candidate) => candidate.field === field && (!keys || keys.includes(candidate.key))).at(-1) ?? null;
  }

  private key(field: Field): string {
    return this.policy.framework.optionNames?.[field][0] ?? field;
  }

  private mark(category: PolicyFinding['category'], detail: string, action: PolicyFinding['action'] = 'fixed'): void {
    resolveCategory(this.findings, category, action, detail);
  }

  /** An option the file shows, written as `key=value` (or a settings line). */
  private add(field: Field, value: string, key = this.key(field)): void {
    const text = this.settings ? `${key} = ${value}` : this.registration.resource ? `${pyString(key, this.style)}: ${value}` : `${key}=${value}`;
    this.entries.push({ field, text });
  }

  /** A list of strings for `field`, laid out for where it goes: replacing `entry`'s value, or as a new option. */
  private listText(field: Field, items: readonly string[], entry: OptionEntry | null): string {
    const key = entry?.key ?? this.key(field);
    const lead = this.settings ? `${key} = ` : this.registration.resource ? `${pyString(key, this.style)}: ` : `${key}=`;
    return pyList(items, this.style, entry ? lineIndent(this.text, pyNodeOf(entry.node).range[0]) : this.newEntryIndent(), lead);
  }

  /** The indentation new options get: that of the last option on its own line, or one level in from the call. */
  private newEntryIndent(): string {
    if (this.settings) return '';
    const container = this.container();
    if (!container) return '';
    const last = named(container).at(-1);
    if (last && container.loc.start.line !== container.loc.end.line && last.loc.start.line !== container.loc.start.line) return lineIndent(this.text, last.range[0]);
    return lineIndent(this.text, container.range[0]) + this.style.indent;
  }

  /** Where new keyword options (or resource dict entries) go. */
  private container(): PyNode | null {
    const container = this.registration.resource ? child(this.registration.resource, 'value') : this.registration.call ? child(this.registration.call, 'arguments') : null;
    return container && (container.kind === 'argument_list' || container.kind === 'dictionary') ? container : null;
  }

  /**
   * Replaces the value of an option where it is written in this file. A value that names a variable assigned once
   * and used only there is replaced where the variable is assigned, so that no stale list is left behind.
   */
  private replaceValue(entry: OptionEntry, text: string): boolean {
    const holder = pyNodeOf(entry.node);
    if (!this.owns(holder)) return false;
    if (this.settings) {
      const value = this.owner.pyFile.settings.get(entry.key)?.value;
      if (!value) return false;
      this.edits.push(replace(value, text));
      return true;
    }
    const written = child(holder, 'value');
    if (!written) return false;
    this.edits.push(replace(this.singleUseAssignment(written) ?? written, text));
    return true;
  }

  /** The right-hand side of `name = …` when `node` is `name`, assigned once in this scope and read only here. */
  private singleUseAssignment(node: PyNode): PyNode | null {
    if (node.kind !== 'identifier') return null;
    const binding = this.owner.pyFile.scope.bindingOf(node);
    if (binding.kind !== 'assigned' || binding.values.length !== 1 || binding.values[0]?.operator !== null) return null;
    const name = textOf(this.text, node);
    let reads = 0;
    walkTree(this.owner.pyFile.tree.root, (candidate) => {
      if (candidate.kind === 'identifier' && candidate.field !== 'left' && candidate.field !== 'name' && candidate.field !== 'attribute' && textOf(this.text, candidate) === name) reads += 1;
      return true;
    });
    return reads === 1 ? (binding.values[0]?.value ?? null) : null;
  }

  private owns(node: PyNode): boolean {
    let current = node;
    while (current.parent) current = current.parent;
    return current === this.owner.pyFile.tree.root;
  }

  private planRenames(): void {
    const renamed: { from: string; to: string }[] = [];
    for (const finding of this.findings) {
      const verdict = finding.verdict as OptionFinding;
      if (verdict.kind !== 'unknown-option') continue;
      const suggestion = verdict.suggestion;
      if (!suggestion) {
        resolveFinding(finding, 'skipped', `Left alone: ${this.policy.framework.label} ignores \`${verdict.key}\` and has no close option name. Remove it, or see ${this.policy.framework.docs}.`);
        continue;
      }
      const taken = this.policy.options.kind === 'object' && this.policy.options.value.properties.some((property) => property.key === suggestion);
      if (taken || renamed.some((item) => item.to === suggestion)) {
        resolveFinding(finding, 'skipped', `\`${suggestion}\` is set as well; remove \`${verdict.key}\` by hand.`);
        continue;
      }
      const keyNode = pyNodeOf(verdict.node);
      this.edits.push(replace(keyNode, keyNode.kind === 'string' ? pyString(suggestion, this.style) : suggestion));
      resolveFinding(finding, 'fixed', `Renamed to \`${suggestion}\`, the name ${this.policy.framework.label} reads.`);
      renamed.push({ from: verdict.key, to: suggestion });
    }
    if (renamed.length === 0 || this.policy.options.kind !== 'object') return;
    // Read the options again as the package will: the renamed keys now set what they name.
    const value = this.policy.options.value;
    const properties = value.properties.map((property) => {
      const rename = renamed.find((item) => item.from === property.key);
      return rename ? { ...property, key: rename.to } : property;
    });
    const before = this.findings;
    this.policy = buildPolicy({ framework: this.registration.framework, node: this.policy.node, reportNode: this.policy.reportNode, options: { ...value, properties }, opaque: null });
    if (this.settings && this.policy.options.kind === 'object') {
      const own = new Set(properties.filter((property) => this.owns(pyNodeOf(property.node))));
      this.policy.options.entries = this.policy.options.entries.filter((entry) => [...own].some((property) => property.node === entry.node));
    }
    const fresh = policyFindings(this.owner.pyFile, this.policy).filter((finding) => finding.category !== 'option-name');
    this.findings = [...before.filter((finding) => finding.category === 'option-name'), ...fresh];
    this.owner.replaceFindings(before.filter((finding) => finding.category !== 'option-name'), fresh);
  }

  private planOrigin(): void {
    const originFindings = this.findings.filter((finding) => finding.category === 'origin' && isUnplanned(finding));
    if (originFindings.length === 0) return;
    const regexOnly = originFindings.every((finding) => (finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'regex') || isRegexProblem(finding));
    if (regexOnly) {
      this.fixRegexes(originFindings);
      return;
    }
    const framework = this.registration.framework;
    const listKey = (framework.optionNames?.origin ?? []).find((key) => !framework.python.regexOptions.includes(key) && !framework.python.allowAllOptions.includes(key)) ?? 'origins';
    const listEntry = this.entry('origin', framework.optionNames?.origin.filter((key) => key !== listKey && !framework.python.regexOptions.includes(key) && !framework.python.allowAllOptions.includes(key)).concat(listKey));
    if (this.policy.origin.state === 'unknown') {
      this.mark('origin', 'The origin may be set by options the file cannot show; set it to the allowlist by hand.', 'skipped');
      return;
    }
    const allowlist = this.owner.allowlistFor();
    this.usesAllowlist = true;
    if (listEntry) {
      if (!this.replaceValue(listEntry, allowlist.expression)) {
        this.mark('origin', 'The origin is set in another module; point it at the allowlist there.', 'skipped');
        return;
      }
    } else {
      this.add('origin', allowlist.expression, listKey);
    }
    this.rewroteOrigin = true;
    this.owner.retire(this.policy.allowedOrigins.flatMap((origin) => (origin.kind === 'listed' && origin.value?.kind === 'string' ? [origin.value.value] : [])));
    // Allow-all switches and match-everything patterns go; other patterns stay, made safe.
    for (const key of framework.python.allowAllOptions) {
      const entry = this.policy.options.kind === 'object' ? this.policy.options.entries.filter((candidate) => candidate.key === key).at(-1) : undefined;
      if (entry && alternatives(entry.value).some((value) => value.kind !== 'boolean' || value.value)) this.replaceValue(entry, 'False');
    }
    for (const origin of this.policy.allowedOrigins) {
      if (origin.kind !== 'any-regex') continue;
      const entry = this.policy.options.kind === 'object' ? this.policy.options.entries.find((candidate) => framework.python.regexOptions.includes(candidate.key) && contains(candidate.value, origin.node)) : undefined;
      if (entry) this.removeEntry(entry, origin.node);
    }
    const detail = `The origin is now ${allowlist.description}.${this.policy.credentials.on ? ' Credentials stay on, now for the listed origins only.' : ''}`;
    this.fixRegexes(originFindings.filter((finding) => isRegexProblem(finding) || (finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'regex')));
    for (const finding of originFindings) if (isUnplanned(finding)) resolveFinding(finding, 'fixed', detail);
  }

  /** Removes a match-everything pattern: the whole option, or its element in a list of patterns. */
  private removeEntry(entry: OptionEntry, element: Value['node']): void {
    const node = pyNodeOf(entry.value.node);
    if (!this.owns(node)) return;
    if (pyNodeOf(element) === node || node.kind !== 'list') {
      if (this.settings) {
        const statement = this.owner.pyFile.settings.get(entry.key)?.statement;
        if (statement) this.edits.push(removeLine(this.text, statement));
        return;
      }
      this.edits.push(removeArgument(this.text, pyNodeOf(entry.node)));
      return;
    }
    this.edits.push(removeArgument(this.text, pyNodeOf(element)));
  }

  /** Patterns with a problem are anchored and escaped in place and marked for review; others are kept, for review. */
  private fixRegexes(findings: readonly PolicyFinding[]): void {
    const done = new Set<PyNode>();
    for (const finding of findings) {
      const node = pyNodeOf(finding.node);
      if (finding.ruleId === 'cors/no-hardcoded-origins') {
        resolveFinding(finding, 'review', `Kept: a pattern cannot be listed in ${this.owner.envVar}. List the exact origins there instead if you can.`);
        continue;
      }
      const pattern = node.kind === 'string' ? this.stringValue(node) : null;
      const safer = pattern === null ? null : saferPattern({ pattern, flags: '' });
      const delimiters = stringDelimiters(this.text, node);
      if (pattern !== null && !safer && delimiters && this.owns(node)) {
        resolveFinding(finding, 'skipped', UNSAFE_PATTERN_KEPT);
        continue;
      }
      if (!safer || !delimiters || !this.owns(node)) {
        resolveFinding(finding, 'skipped', 'The pattern is not a plain string literal here; anchor it with ^…$ and escape its dots by hand.');
        continue;
      }
      if (!done.has(node)) {
        done.add(node);
        this.edits.push(replace(node, rawString(safer.pattern, delimiters.quote)));
      }
      resolveFinding(finding, 'review', `Anchored and escaped: r${delimiters.quote}${safer.pattern}${delimiters.quote}. Check that it still matches the origins you meant, or list them in ${this.owner.envVar}.`);
    }
  }

  private stringValue(node: PyNode): string | null {
    const value = this.owner.pyFile.values.resolve(node);
    return value.kind === 'string' ? value.value : null;
  }

  /** Non-boolean credentials that act the way they read are written as the boolean; others are reported. */
  private planCredentials(): void {
    for (const finding of this.findings) {
      const verdict = finding.verdict as OptionFinding;
      if (verdict.kind !== 'credentials-type') continue;
      const on = verdict.effect === 'on';
      const readsOff = /^["']?(?:false|0|no|off|none|)["']?$/iu.test(verdict.value);
      if (on === !readsOff) {
        this.edits.push(replace(pyNodeOf(verdict.node), on ? 'True' : 'False'));
        resolveFinding(finding, 'fixed', `Written as \`${on ? 'True' : 'False'}\`, which is what it did.`);
      } else {
        resolveFinding(finding, 'skipped', `${verdict.value} turns credentials ${on ? 'on' : 'off'}, though it reads the other way. cors-fix never turns credentials on or off: write True or False by hand.`);
      }
    }
  }

  private planMethods(): void {
    const routes = this.owner.routeMethods();
    const flagged = this.findings.some((finding) => finding.category === 'methods' && isUnplanned(finding));
    const full = routes ?? [...DEFAULT_METHODS];
    const list = this.policy.methods;
    if (flagged && (list.state === 'absent' || list.hasStar || list.state === 'other' || list.state === 'list')) {
      const entry = this.entry('methods');
      const text = this.listText('methods', full, entry);
      if (entry && list.state !== 'absent') {
        if (!this.replaceValue(entry, text)) return this.mark('methods', 'The methods are set in another module; list them there.', 'skipped');
      } else {
        this.add('methods', text);
      }
      this.mark('methods', `Set \`${this.key('methods')}\` to ${full.join(', ')}${routes ? ', the methods of the routes the app declares' : ''}.`);
      return;
    }
    // An explicit list keeps its choice, plus the methods of the routes the app serves.
    if (this.rewroteOrigin && routes && list.state === 'list' && !list.hasStar) {
      const missing = routes.filter((method) => !list.tokens.some((token) => token.name.toUpperCase() === method));
      if (missing.length > 0) this.extendList('methods', missing);
    }
  }

  /**
   * Makes a header list explicit: `full` when it is left to the package's echo or holds `*`; otherwise adds what is
   * `required` and missing (creating the option over the package's default list where it has one).
   */
  private planList(field: 'allowedHeaders' | 'exposedHeaders', full: readonly string[], required: readonly string[]): void {
    const flagged = this.findings.some((finding) => finding.category === field && isUnplanned(finding));
    if (!flagged && !this.rewroteOrigin) return;
    const list = this.policy[field];
    // Headers the package adds by itself (Starlette's safelisted ones) are not written out.
    const implicit = field === 'allowedHeaders' ? this.registration.framework.python.alwaysAllowedHeaders.map((name) => name.toLowerCase()) : [];
    const tokens = list.tokens.map((token) => token.name).filter((name) => !implicit.includes(name.toLowerCase()));
    if (list.state === 'unknown' || list.state === 'opaque') {
      this.mark(field, `\`${this.key(field)}\` is computed at run time; make it an explicit list by hand.`, 'skipped');
      return;
    }
    const entry = this.entry(field);
    if (list.state === 'reflect' || list.state === 'other' || list.hasStar || (list.state === 'absent' && (flagged || field === 'allowedHeaders'))) {
      if (list.state === 'absent' && !flagged && required.length === 0) return;
      const items = list.state === 'absent' && !flagged ? [...required] : unique([...full, ...tokens.filter((token) => token !== '*')]);
      if (items.length === 0) return;
      if (entry && list.state !== 'absent') {
        if (!this.replaceValue(entry, this.listText(field, items, entry))) return this.mark(field, `\`${this.key(field)}\` is set in another module; fix it there.`, 'skipped');
      } else {
        this.add(field, this.listText(field, items, null));
      }
      this.mark(field, `Set \`${this.key(field)}\` to ${items.join(', ')}.`);
      return;
    }
    const missing = required.filter((name) => !list.tokens.some((token) => token.name.toLowerCase() === name.toLowerCase()));
    if (missing.length > 0) this.extendList(field, missing);
  }

  /** Adds `missing` to an explicit list, or writes the option over the package's default list. */
  private extendList(field: 'methods' | 'allowedHeaders' | 'exposedHeaders', missing: readonly string[]): void {
    const entry = this.entry(field);
    const node = entry ? pyNodeOf(entry.value.node) : null;
    if (node && this.owns(node) && (node.kind === 'list' || node.kind === 'tuple')) {
      const edits = appendEntries(node, missing.map((name) => pyString(name, this.style)), this.text, this.style);
      // A one-element tuple keeps its comma: `("a",)` becomes `("a", "b",)`.
      this.edits.push(...edits);
      this.mark(field, `Added ${missing.join(', ')} to \`${this.key(field)}\`.`);
      return;
    }
    if (!entry) {
      const defaults = field === 'allowedHeaders' ? this.registration.framework.python.defaultAllowedHeaders : null;
      if (defaults && defaults.length > 0 && this.settings) {
        // django-cors-headers: its documented way to extend the defaults.
        const lower = missing.map((name) => name.toLowerCase());
        this.add(field, `(*default_headers, ${lower.map((name) => pyString(name, this.style)).join(', ')})`);
        this.edits.push(...addImport(this.owner.pyFile.scope, 'corsheaders.defaults', 'default_headers', this.style));
        this.mark(field, `Set \`${this.key(field)}\` to django-cors-headers' defaults plus ${lower.join(', ')}.`);
        return;
      }
      const base = field === 'methods' ? (this.policy.framework.defaultMethods === 'reflect' ? [] : [...this.policy.framework.defaultMethods]) : [];
      const items = unique([...base, ...missing]);
      this.add(field, this.listText(field, items, null));
      this.mark(field, `Set \`${this.key(field)}\` to ${items.join(', ')}.`);
      return;
    }
    this.mark(field, `\`${this.key(field)}\` is not a list written here; add ${missing.join(', ')} by hand.`, 'skipped');
  }

  private planMaxAge(): void {
    for (const finding of this.findings) {
      const verdict = finding.verdict as OptionFinding;
      if (verdict.kind !== 'max-age-range') continue;
      this.edits.push(replace(pyNodeOf(verdict.node), String(DEFAULT_MAX_AGE)));
      resolveFinding(finding, 'fixed', `Set to ${DEFAULT_MAX_AGE} seconds, the longest every browser honours.`);
    }
    if (this.rewroteOrigin && this.policy.maxAge.state === 'absent') this.add('maxAge', String(DEFAULT_MAX_AGE));
  }

  /** Moves CORS to where it runs before the middleware that answers or rejects first. */
  private planOrder(): void {
    // Order findings come with the rules' "not moved" detail: they are the planner's to decide here.
    const order = this.findings.filter((finding) => finding.category === 'order' && finding.action === 'skipped');
    if (order.length === 0) return;
    const verdicts = order.map((finding) => finding.verdict as OrderFinding);
    const cors = pyNodeOf(verdicts[0]?.node as OrderFinding['node']);
    let moved = false;
    if (this.registration.kind === 'add-middleware') {
      // Added last runs first: move the statement below the last middleware that must run after it.
      const statement = statementOf(cors);
      // Every middleware that runs before CORS and rejects or answers, not only the first one reported.
      const chain = this.owner.pyFile.chains.find((candidate) => candidate.entries.some((entry) => entry.policy === verdicts[0]?.policy));
      const corsEntry = chain?.entries.find((entry) => entry.policy === verdicts[0]?.policy);
      const blocking = chain && corsEntry ? chain.entries.filter((entry) => entry.position < corsEntry.position && (entry.auth || entry.route)) : verdicts.map((verdict) => verdict.earlier);
      const targets = blocking.map((entry) => statementOf(pyNodeOf(entry.node)));
      const last = targets.sort((a, b) => b.range[0] - a.range[0])[0];
      if (last && last.parent === statement.parent && last.range[0] > statement.range[0]) moved = this.move(moveLines(this.text, statement, last, 'after'));
    } else {
      // Lists run first to last: move the entry above the first one that answers or rejects first.
      const element = listElement(cors);
      const targets = verdicts.map((verdict) => listElement(pyNodeOf(verdict.earlier.node))).filter((node): node is PyNode => node !== null && node.parent === element?.parent);
      const first = targets.sort((a, b) => a.range[0] - b.range[0])[0];
      if (element && first && this.owns(element)) {
        moved = this.move(element.parent && element.parent.loc.start.line === element.parent.loc.end.line ? reorderInline(this.text, element, first) : moveLines(this.text, element, first, 'before'));
      }
    }
    for (const finding of order) {
      if (moved) resolveFinding(finding, 'review', 'Moved so that CORS runs before it (preflights now get their answer). Check that nothing in between relied on the old order.');
      else resolveFinding(finding, 'skipped', 'Not moved: CORS and that middleware are not in one block or list cors-fix can reorder. Make CORS run first by hand.');
    }
  }

  /** Applies a move; edits already planned inside the moved text travel with it. False when there is no move. */
  private move(move: Move | null): boolean {
    if (!move) return false;
    const [from, to] = move.span;
    const inside = this.edits.filter((edit) => edit.start >= from && edit.end <= to && !(edit.start === edit.end && (edit.start === from || edit.start === to)));
    let block = this.text.slice(from, to);
    for (const inner of [...inside].sort((a, b) => b.start - a.start)) block = block.slice(0, inner.start - from) + inner.text + block.slice(inner.end - from);
    for (const edit of inside) this.edits.splice(this.edits.indexOf(edit), 1);
    this.edits.push(move.removal, { start: move.at, end: move.at, text: move.before + block + move.after });
    return true;
  }

  /** Adds the new options where the registration writes its options; false when they cannot be placed. */
  private placeEntries(): boolean {
    if (this.entries.length === 0) return true;
    const order: Field[] = ['origin', 'credentials', 'methods', 'allowedHeaders', 'exposedHeaders', 'maxAge'];
    const texts = [...this.entries].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)).map((entry) => entry.text);
    if (this.settings) {
      const own = [...this.owner.pyFile.settings.values()].map((setting) => setting.statement);
      const anchor = own.sort((a, b) => b.range[0] - a.range[0])[0] ?? this.owner.pyFile.tree.root.children.filter((statement) => statement.named).at(-1) ?? null;
      this.edits.push(insertAfterStatement(this.text, anchor, texts.join(this.style.eol), this.style));
      return true;
    }
    const container = this.container();
    if (!container) {
      for (const finding of this.findings) {
        if (finding.action === 'fixed') resolveFinding(finding, 'skipped', 'The options could not be extended in place; add the settings by hand.');
      }
      return false;
    }
    if (!this.reflow(container, texts)) this.edits.push(...appendEntries(container, texts, this.text, this.style));
    return true;
  }

  /**
   * A one-line argument list that would grow past the line limit is rewritten one argument per line, each
   * existing item keeping its own text with the edits planned inside it; items the plan removes are left out.
   */
  private reflow(container: PyNode, added: readonly string[]): boolean {
    // Only a call's own arguments: a dict nested in a one-line call keeps its line.
    if (container.kind !== 'argument_list' || container.loc.start.line !== container.loc.end.line || container.children.some((part) => part.kind === 'comment')) return false;
    const open = container.children[0] as PyNode;
    const close = container.children.at(-1) as PyNode;
    const inside = this.edits.filter((edit) => edit.start >= open.range[1] && edit.end <= close.range[0]);
    const items: string[] = [];
    for (const item of named(container)) {
      if (inside.some((edit) => edit.text === '' && edit.start <= item.range[0] && edit.end >= item.range[1])) continue;
      let written = textOf(this.text, item);
      for (const edit of inside.filter((candidate) => candidate.start >= item.range[0] && candidate.end <= item.range[1]).sort((a, b) => b.start - a.start)) {
        written = written.slice(0, edit.start - item.range[0]) + edit.text + written.slice(edit.end - item.range[0]);
      }
      items.push(written);
    }
    const all = [...items, ...added];
    const lineStart = this.text.lastIndexOf('\n', container.range[0]) + 1;
    const lineEnd = endOfLine(this.text, container.range[1]);
    const before = this.text.slice(lineStart, open.range[1]).length + this.text.slice(close.range[0], lineEnd).length;
    if (before + all.join(', ').length <= MAX_LINE) return false;
    const indent = lineIndent(this.text, container.range[0]);
    for (const edit of inside) this.edits.splice(this.edits.indexOf(edit), 1);
    const body = all.map((item) => `${this.style.eol}${indent}${this.style.indent}${item},`).join('');
    this.edits.push({ start: open.range[1], end: close.range[0], text: `${body}${this.style.eol}${indent}` });
    return true;
  }
}

function isRegexProblem(finding: PolicyFinding): boolean {
  return finding.ruleId === 'cors/no-unsafe-origin-pattern' && isPatternProblem(finding.kind);
}

function contains(value: Value, node: Value['node']): boolean {
  return value.node.range[0] <= node.range[0] && node.range[1] <= value.node.range[1];
}

/** `r"…"` when the pattern allows it, a regular string with escaped backslashes otherwise. */
function rawString(pattern: string, quote: string): string {
  if (!pattern.includes(quote) && !pattern.endsWith('\\')) return `r${quote}${pattern}${quote}`;
  return `${quote}${pattern.replace(/\\/gu, '\\\\').replace(new RegExp(quote, 'gu'), `\\${quote}`)}${quote}`;
}

/** Removes an argument (or list element) with the comma that separates it from its neighbours. */
function removeArgument(text: string, node: PyNode): TextEdit {
  const parent = node.parent;
  const siblings = parent ? parent.children : [];
  const index = siblings.indexOf(node);
  const next = siblings[index + 1];
  if (next?.kind === ',') {
    const following = siblings[index + 2];
    return { start: node.range[0], end: following && following.kind !== ')' && following.kind !== ']' ? following.range[0] : next.range[1], text: '' };
  }
  const previous = siblings[index - 1];
  if (previous?.kind === ',') return { start: previous.range[0], end: node.range[1], text: '' };
  return { start: node.range[0], end: node.range[1], text: '' };
}

/** Removes a statement's whole line. */
function removeLine(text: string, statement: PyNode): TextEdit {
  const start = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const newline = text.indexOf('\n', statement.range[1]);
  return { start, end: newline < 0 ? text.length : newline + 1, text: '' };
}

/** The element of a list that holds `node` (the node itself, or the call around it). */
function listElement(node: PyNode): PyNode | null {
  let current: PyNode | null = node;
  while (current && current.parent && current.parent.kind !== 'list' && current.parent.kind !== 'tuple') current = current.parent;
  return current?.parent ? current : null;
}

/** The full lines `node` occupies, with its trailing comma and line break: [start, end). */
function lineSpan(text: string, node: PyNode): [number, number] {
  const start = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  let end = node.range[1];
  if (text[end] === ',') end += 1;
  const newline = text.indexOf('\n', end);
  return [start, newline < 0 ? text.length : newline + 1];
}

/** A move: `removal` takes the text away, and `span` of the original text goes to `at`, between `before` and `after`. */
interface Move {
  removal: TextEdit;
  span: [number, number];
  at: number;
  before: string;
  after: string;
}

/** Moves a statement's lines after `target`'s, or a list element's line before `target`'s (each alone on its lines). */
function moveLines(text: string, node: PyNode, target: PyNode, where: 'before' | 'after'): Move | null {
  const [from, to] = lineSpan(text, node);
  const [targetStart, targetEnd] = lineSpan(text, target);
  const alone = text.slice(from, node.range[0]).trim() === '' && text.slice(node.range[1], to).replace(/^,/u, '').trim() === '';
  if (!alone || (from < targetEnd && targetStart < to)) return null;
  const eol = text.slice(0, to).endsWith('\r\n') || (!text.slice(0, to).endsWith('\n') && text.includes('\r\n')) ? '\r\n' : '\n';
  const removal = { start: from, end: to, text: '' };
  // A list element keeps a comma after it wherever it goes; a statement is moved with its lines as they are.
  if (where === 'before') return { removal, span: [from, node.range[1]], at: targetStart, before: '', after: `,${eol}` };
  return { removal, span: [from, to], at: targetEnd, before: '', after: text.slice(from, to).endsWith('\n') ? '' : eol };
}

/** Moves `node` before `target` in a one-line list. */
function reorderInline(text: string, node: PyNode, target: PyNode): Move | null {
  const siblings = node.parent?.children ?? [];
  const index = siblings.indexOf(node);
  const previous = siblings[index - 1];
  if (previous?.kind !== ',' || target.range[0] > node.range[0]) return null;
  // `[a, b, node]` → `[node, a, b]`: the separator before it goes, and it comes back after it.
  const separator = text.slice(previous.range[0], node.range[0]);
  return { removal: { start: previous.range[0], end: node.range[1], text: '' }, span: [node.range[0], node.range[1]], at: target.range[0], before: '', after: separator };
}
