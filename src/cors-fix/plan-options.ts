/**
 * Plans the fix of a policy configured with an options object (or none at all): the origin becomes the allowlist,
 * and the settings the rules flag are made explicit, each edited where it is written.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { Field } from '../frameworks/define-framework.js';
import { type Node, findVariableByName } from '../model/ast.js';
import {
  CREDENTIALED_REQUEST_HEADERS,
  type CorsPolicy,
  EVENT_STREAM_REQUEST_HEADERS,
  type ListSetting,
  type OptionEntry,
  type Setting,
  alternatives,
  matchesEveryOrigin,
  openOrigins,
  possibleValues,
  routeMethods,
  unexposedHeaders,
} from '../model/index.js';
import { readList } from '../model/read-settings.js';
import type { OptionFinding } from '../model/verdicts.js';
import { originValue } from './allowlist.js';
import { type FindingCategory, type PolicyFinding, isUnplanned, resolveCategory, resolveFinding } from './findings.js';
import { appendItems, objectLiteral, renameKey, replaceNode, replacePropertyValue } from './node-edits.js';
import { fixRegexesInPlace, resolveReplaced, retiredOrigins, rewriteOriginsInPlace, serialiseOriginsInPlace } from './origin-rewrite.js';
import { saferRegex } from '../model/origin-patterns.js';
import { DEFAULT_MAX_AGE, DEFAULT_METHODS, DEFAULT_REQUEST_HEADERS, type PlanContext, PolicyEdits } from './plan-types.js';
import { lineIndent, quoted } from './text-style.js';

type ListField = 'methods' | 'allowedHeaders' | 'exposedHeaders';

/** One-line options objects longer than this after the fix are laid out one entry per line. */
const MAX_LINE = 100;

/** Plans one options policy; marks each of `findings` with what was done. */
export function planOptionsPolicy(policy: CorsPolicy, findings: readonly PolicyFinding[], context: PlanContext): PolicyEdits {
  return new OptionsPlanner(policy, findings, context).plan();
}

class OptionsPlanner {
  private readonly out = new PolicyEdits();
  /** New `key: value` entries, in canonical order, for the options object (or a new one). */
  private readonly entries: string[] = [];
  /** Fields whose misspelt key is renamed: the renamed entry now sets them. */
  private readonly renamed = new Map<Field, OptionEntry>();
  private rewroteOrigin = false;

  constructor(
    private readonly policy: CorsPolicy,
    private readonly findings: readonly PolicyFinding[],
    private readonly context: PlanContext,
  ) {}

  plan(): PolicyEdits {
    const names = this.policy.framework.optionNames;
    if (!names || (this.policy.options.kind !== 'object' && this.policy.options.kind !== 'none')) {
      for (const finding of this.findings) {
        if (isUnplanned(finding)) resolveFinding(finding, 'skipped', `${this.policy.framework.label} cannot be configured; serve CORS with a configurable middleware instead.`);
      }
      return this.out;
    }
    this.planRenames();
    this.planOrigin();
    const credentialsOn = this.planCredentials();
    const sse = this.context.file.eventStreams.length > 0;
    // Headers clients must be able to send: credentials, SSE resumption, and the custom request headers the code reads.
    const requiredHeaders = [...(credentialsOn ? CREDENTIALED_REQUEST_HEADERS : []), ...(sse ? EVENT_STREAM_REQUEST_HEADERS : []), ...this.context.requestHeaders];
    const allHeaders = unique([...DEFAULT_REQUEST_HEADERS, ...requiredHeaders, ...this.context.requestHeaders]);
    const exposed = unexposedHeaders(this.policy, this.context.file).map((write) => write.name);
    // An explicit methods list keeps its choice, plus the methods of the routes this file serves.
    this.planList('methods', [...DEFAULT_METHODS], routeMethods(this.context.file));
    this.planList('allowedHeaders', allHeaders, requiredHeaders);
    this.planList('exposedHeaders', exposed, exposed);
    this.planMaxAge();
    this.placeEntries();
    serialiseOriginsInPlace(this.findings, this.out, this.context);
    return this.out;
  }

  private key(field: Field): string {
    return this.policy.framework.optionNames?.[field][0] ?? field;
  }

  private quote(value: string): string {
    return quoted(value, this.context.style);
  }

  /** The setting of `field` once misspelt keys are renamed. */
  private setting(field: Field): Setting {
    const entry = this.renamed.get(field);
    if (entry) return { state: 'set', value: entry.value, node: entry.value.node };
    switch (field) {
      case 'origin':
        return this.policy.origin;
      case 'credentials':
        return this.policy.credentials.setting;
      case 'maxAge':
        return this.policy.maxAge;
      default:
        return this.policy[field].setting;
    }
  }

  private list(field: ListField): ListSetting {
    if (!this.renamed.has(field)) return this.policy[field];
    return readList(this.setting(field), field === 'allowedHeaders' ? this.policy.framework.emptyAllowedHeaders : undefined);
  }

  /** The property that sets `field` (the last one wins, as in JavaScript). */
  private property(field: Field): TSESTree.Property | null {
    const renamed = this.renamed.get(field);
    const entry = renamed ?? (this.policy.options.kind === 'object' ? this.policy.options.entries.filter((candidate) => candidate.field === field).at(-1) : undefined);
    return entry?.node.type === T.Property ? entry.node : null;
  }

  /**
   * Replaces the value of the property that sets `field`, or `fallback` when no property can be found. A value that
   * names a `const` used only there is replaced where the const is initialised, so that no unused variable is left.
   */
  private replaceValue(field: Field, text: string, fallback: Node | null): boolean {
    const property = this.property(field);
    const declarator = property && !property.shorthand ? singleUseConst(property.value, this.context.sourceCode) : null;
    if (declarator?.init) this.out.add(replaceNode(declarator.init, text));
    else if (property) this.out.add(replacePropertyValue(property, text, this.context));
    else if (fallback) this.out.add(replaceNode(fallback, text));
    else return false;
    return true;
  }

  private mark(category: FindingCategory, detail: string): void {
    resolveCategory(this.findings, category, 'fixed', detail);
  }

  private planRenames(): void {
    const names = this.policy.framework.optionNames;
    if (!names) return;
    for (const finding of this.findings) {
      const verdict = finding.verdict as OptionFinding;
      if (verdict.kind !== 'unknown-option') continue;
      if (!verdict.suggestion) {
        resolveFinding(finding, 'skipped', `Left alone: ${this.policy.framework.label} ignores \`${verdict.key}\` and has no close option name. Remove it, or see ${this.policy.framework.docs}.`);
        continue;
      }
      const suggestion = verdict.suggestion;
      const field = (Object.keys(names) as Field[]).find((candidate) => names[candidate].includes(suggestion));
      if (field && (this.setting(field).state === 'set' || this.renamed.has(field))) {
        resolveFinding(finding, 'skipped', `\`${suggestion}\` is set as well; remove \`${verdict.key}\` by hand.`);
        continue;
      }
      this.out.add(renameKey(verdict.node, suggestion));
      resolveFinding(finding, 'fixed', `Renamed to \`${suggestion}\`, the name ${this.policy.framework.label} reads.`);
      if (field) this.renamed.set(field, verdict.entry);
    }
  }

  private planOrigin(): void {
    const originFindings = this.findings.filter((finding) => finding.category === 'origin' && isUnplanned(finding));
    const replaceWhole =
      openOrigins(this.policy).length > 0 || originFindings.some((finding) => finding.kind === 'origin-type' || finding.kind === 'star-in-array');
    if (!replaceWhole) {
      const inPlace = rewriteOriginsInPlace(this.policy, originFindings, this.context);
      if (inPlace) {
        this.out.add(...inPlace.edits);
        this.out.use(...inPlace.uses);
        this.out.origins.push(...inPlace.origins);
        this.rewroteOrigin = true;
        resolveReplaced(this.findings, inPlace.edits, `Replaced by the ${this.context.envVar} allowlist.`);
        fixRegexesInPlace(this.findings, this.out, this.context);
        return;
      }
      const hardStrings = originFindings.some((finding) => finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'string');
      if (!hardStrings) {
        fixRegexesInPlace(this.findings, this.out, this.context);
        return;
      }
    }
    this.replaceOrigin();
  }

  /** The whole origin value becomes the allowlist (keeping regexes the framework understands, made safe). */
  private replaceOrigin(): void {
    const support = this.policy.framework.origin;
    const origin = this.setting('origin');
    const kept: string[] = [];
    const keptNodes = new Set<Node>();
    if (origin.state === 'set' && support.array === 'supported' && support.regex !== 'unsupported') {
      for (const { value } of possibleValues(origin.value)) {
        if (value.kind !== 'regex' || matchesEveryOrigin(value)) continue;
        const safer = value.node.type === T.Literal ? saferRegex(value) : null;
        kept.push(safer ? `/${safer.pattern}/${safer.flags}` : this.context.sourceCode.getText(value.node));
        keptNodes.add(value.node);
      }
    }
    const value = originValue(support, this.context.names, this.context.style, kept);
    if (!value) {
      resolveCategory(this.findings, 'origin', 'skipped', `${this.policy.framework.label} takes neither a list nor a function as origin; restrict it by hand.`);
      return;
    }
    if (origin.state === 'set') {
      if (!this.replaceValue('origin', value.text, null)) {
        resolveCategory(this.findings, 'origin', 'skipped', 'The origin is set somewhere cors-fix cannot edit; point it at the allowlist by hand.');
        return;
      }
    } else if (origin.state === 'absent') {
      this.entries.push(`${this.key('origin')}: ${value.text}`);
    } else {
      resolveCategory(this.findings, 'origin', 'skipped', 'The origin may be set by a spread of options the file cannot show; set it by hand.');
      return;
    }
    this.out.use(...value.uses);
    this.out.origins.push(...retiredOrigins(this.policy));
    this.rewroteOrigin = true;
    for (const finding of this.findings) {
      if (!isUnplanned(finding) || !keptNodes.has(finding.node)) continue;
      resolveFinding(finding, 'review', `Kept next to the allowlist, anchored and escaped: ${kept.join(', ')}. List exact origins instead if you can.`);
    }
    for (const finding of this.findings) {
      if (isUnplanned(finding) && finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'regex') {
        resolveFinding(finding, 'review', `Dropped with the old origin check: list the origins this pattern matched in ${this.context.envVar}.`);
      }
    }
    const allowlist = `${this.context.names.corsOrigins}, the allowlist read from ${this.context.envVar}`;
    const environment = origin.state === 'set' ? possibleValues(origin.value).filter(({ value }) => value.kind === 'opaque' && value.source === 'environment') : [];
    const before = environment.map(({ value }) => this.context.sourceCode.getText(value.node)).join(', ');
    const detail =
      (environment.length > 0 ? `It read ${before} before: put those origins in ${this.context.envVar}. ` : '') +
      (
      kept.length > 0
        ? `The origin is now ${allowlist}, plus the kept pattern${kept.length === 1 ? '' : 's'}.`
        : support.array === 'supported'
          ? `The origin is now ${allowlist}.`
          : `The origin is now a function that allows only the origins in ${allowlist}.`);
    this.mark('origin', detail);
    this.mark('origin-function', detail);
  }

  /** Turns credentials on with a rewritten origin; fixes non-boolean values. Returns whether they end up on. */
  private planCredentials(): boolean {
    let on = this.policy.credentials.on;
    for (const finding of this.findings) {
      const verdict = finding.verdict as OptionFinding;
      if (verdict.kind !== 'credentials-type') continue;
      const meant = !/^["'`]?(?:false|0|no|off|)["'`]?$/iu.test(verdict.value);
      this.out.add(replaceNode(verdict.node, String(meant)));
      resolveFinding(finding, 'fixed', `Written as \`${meant}\`.`);
      on = meant;
    }
    if (!this.rewroteOrigin) return on;
    const setting = this.setting('credentials');
    if (setting.state === 'absent') {
      this.entries.push(`${this.key('credentials')}: true`);
      return true;
    }
    const explicitFalse = setting.state === 'set' && alternatives(setting.value).every((value) => value.kind === 'boolean' && !value.value);
    return !explicitFalse && on;
  }

  /**
   * Makes a list explicit: `full` when it is absent (and flagged) or holds `*` or echoes the request; otherwise adds
   * what is `required` and missing, as an array where the framework only takes arrays.
   */
  private planList(field: ListField, full: readonly string[], required: readonly string[]): void {
    const category: FindingCategory = field;
    const flagged = this.findings.some((finding) => finding.category === category && isUnplanned(finding));
    if (!flagged && !this.rewroteOrigin) return;
    const list = this.list(field);
    const key = this.key(field);
    const array = (items: readonly string[]): string => `[${items.map((item) => this.quote(item)).join(', ')}]`;
    const tokens = list.tokens.map((token) => token.name).filter((name) => name !== '*');
    if (list.state === 'unknown' || list.state === 'opaque') {
      resolveCategory(this.findings, category, 'skipped', `\`${key}\` is computed at run time; make it an explicit list by hand.`);
      return;
    }
    if (list.state === 'absent') {
      if (full.length === 0) return;
      this.entries.push(`${key}: ${array(full)}`);
      this.mark(category, `Set \`${key}\` to ${full.join(', ')}.`);
      return;
    }
    if (list.state === 'reflect' || list.state === 'other' || list.hasStar) {
      const merged = unique([...full, ...tokens]);
      if (this.replaceValue(field, array(merged), list.node)) this.mark(category, `Set \`${key}\` to ${merged.join(', ')}.`);
      return;
    }
    const missing = required.filter((name) => !tokens.some((token) => token.toLowerCase() === name.toLowerCase()));
    const node = list.node ? unwrapValue(list.node) : null;
    const isString = node !== null && ((node.type === T.Literal && typeof node.value === 'string') || (node.type === T.TemplateLiteral && node.expressions.length === 0));
    const mustBeArray = this.policy.framework.lists[field] !== 'string-or-array';
    if (isString && mustBeArray) {
      const items = unique([...tokens, ...missing]);
      if (this.replaceValue(field, array(items), node)) this.mark(category, `Written as an array: ${items.join(', ')}.`);
      return;
    }
    if (missing.length === 0) {
      if (this.renamed.has(field)) this.mark(category, `\`${key}\` is now read (renamed).`);
      return;
    }
    if (node?.type === T.ArrayExpression) {
      this.out.add(...appendItems(node, missing.map((name) => this.quote(name)), this.context));
    } else if (isString && node) {
      const written = this.context.sourceCode.getText(node);
      const separator = written.includes(', ') || tokens.length === 0 ? ', ' : ',';
      this.out.add(replaceNode(node, this.quote([...tokens, ...missing].join(separator))));
    } else if (!this.replaceValue(field, array(unique([...tokens, ...missing])), list.node)) {
      return;
    }
    this.mark(category, `Added ${missing.join(', ')} to \`${key}\`.`);
  }

  private planMaxAge(): void {
    for (const finding of this.findings) {
      const verdict = finding.verdict as OptionFinding;
      if (verdict.kind !== 'max-age-range') continue;
      this.out.add(replaceNode(verdict.node, String(DEFAULT_MAX_AGE)));
      resolveFinding(finding, 'fixed', `Set to ${DEFAULT_MAX_AGE} seconds, the longest every browser honours.`);
    }
    if (this.rewroteOrigin && this.setting('maxAge').state === 'absent') this.entries.push(`${this.key('maxAge')}: ${DEFAULT_MAX_AGE}`);
  }

  /** Adds the new entries to the options object, or creates the options where the policy had none. */
  private placeEntries(): void {
    if (this.entries.length === 0) return;
    const options = this.policy.options;
    if (options.kind === 'object' && options.value.node.type === T.ObjectExpression) {
      if (!this.reflow(options.value.node)) this.out.add(...appendItems(options.value.node, this.entries, this.context));
      return;
    }
    const edit = options.kind === 'none' ? this.createOptions() : null;
    if (edit) return;
    for (const finding of this.findings) {
      if (finding.action === 'fixed') resolveFinding(finding, 'skipped', 'The options object could not be extended in place; add the settings by hand.');
    }
    this.out.edits.length = 0;
    this.out.uses.clear();
  }

  /**
   * A one-line options object that would grow past the line limit is rewritten as a block, one entry per line, each
   * existing entry keeping its own text (with its planned edits). Objects with comments inside are never reflowed.
   */
  private reflow(object: TSESTree.ObjectExpression): boolean {
    const { sourceCode, style } = this.context;
    const text = sourceCode.text;
    if (object.loc.start.line !== object.loc.end.line || sourceCode.getCommentsInside(object).length > 0) return false;
    const lineStart = text.lastIndexOf('\n', object.range[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', object.range[1]);
    const lineLength = (lineEnd < 0 ? text.length : lineEnd) - lineStart;
    const added = this.entries.reduce((sum, entry) => sum + entry.length + 2, 0);
    if (lineLength + added <= MAX_LINE) return false;
    const [start, end] = object.range;
    const inside = this.out.edits.filter((edit) => edit.start >= start && edit.end <= end);
    const entries: string[] = [];
    for (const property of object.properties) {
      const [from, to] = property.range;
      const own = inside.filter((edit) => edit.start >= from && edit.end <= to).sort((a, b) => b.start - a.start);
      if (own.length !== inside.filter((edit) => edit.start < to && edit.end > from).length) return false;
      let entry = text.slice(from, to);
      for (const edit of own) entry = entry.slice(0, edit.start - from) + edit.text + entry.slice(edit.end - from);
      entries.push(entry);
    }
    const covered = inside.filter((edit) => object.properties.some((property) => edit.start >= property.range[0] && edit.end <= property.range[1]));
    if (covered.length !== inside.length) return false;
    const kept = this.out.edits.filter((edit) => !inside.includes(edit));
    this.out.edits.length = 0;
    this.out.add(...kept, replaceNode(object, objectLiteral([...entries, ...this.entries], lineIndent(text, start), style)));
    return true;
  }

  /** `cors()` → `cors({ … })`; `{ cors: true }` → `{ cors: { … } }`. */
  private createOptions(): boolean {
    const target = this.policy.reportNode;
    const text = this.context.sourceCode.text;
    const object = objectLiteral(this.entries, lineIndent(text, target.range[0]), this.context.style);
    if (target.type === T.Property) {
      this.out.add(replaceNode(target.value, object));
      return true;
    }
    if (target.type !== T.CallExpression && target.type !== T.NewExpression) return false;
    const index = optionsArgumentIndex(this.policy, target);
    if (index === null) return false;
    const args = target.arguments;
    if (args.length === index) {
      const last = args.at(-1);
      if (last) {
        this.out.add({ start: last.range[1], end: last.range[1], text: `, ${object}` });
        return true;
      }
      const close = this.context.sourceCode.getLastToken(target);
      if (close?.value !== ')') return false;
      this.out.add({ start: close.range[0], end: close.range[0], text: object });
      return true;
    }
    const argument = args[index];
    if (argument && isNullish(argument)) {
      this.out.add(replaceNode(argument, object));
      return true;
    }
    return false;
  }
}

/** Where a registration call takes its options, from the framework entry's registrations. */
function optionsArgumentIndex(policy: CorsPolicy, call: TSESTree.CallExpression | TSESTree.NewExpression): number | null {
  const callee = call.callee.type === T.MemberExpression && call.callee.property.type === T.Identifier ? call.callee.property.name : null;
  for (const registration of policy.framework.registrations) {
    const location =
      registration.kind === 'plugin' || registration.kind === 'method'
        ? callee === registration.method
          ? registration.options
          : null
        : registration.kind === 'call' || registration.kind === 'new'
          ? (registration.kind === 'new') === (call.type === T.NewExpression)
            ? registration.options
            : null
          : null;
    if (location && !location.key && typeof location.argument === 'number') return location.argument;
  }
  return null;
}

/** The `const x = …` declarator that `node` names, when `node` is the only place that reads `x`. */
function singleUseConst(node: Node, sourceCode: PlanContext['sourceCode']): TSESTree.VariableDeclarator | null {
  if (node.type !== T.Identifier) return null;
  const variable = findVariableByName(sourceCode.getScope(node), node.name);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable') return null;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.parent.type !== T.VariableDeclaration || declarator.parent.kind !== 'const' || declarator.id.type !== T.Identifier) return null;
  const reads = variable.references.filter((reference) => reference.isRead());
  return reads.length === 1 && reads[0]?.identifier === node ? declarator : null;
}

function isNullish(node: Node): boolean {
  return (node.type === T.Literal && node.value === null) || (node.type === T.Identifier && node.name === 'undefined');
}

function unwrapValue(node: Node): Node {
  let current = node;
  while (current.type === T.TSAsExpression || current.type === T.TSSatisfiesExpression || current.type === T.TSNonNullExpression) current = current.expression;
  return current;
}

/** `items` without repeats, compared ignoring case (header and method names), first spelling kept. */
export function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
