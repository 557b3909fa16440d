/** `createRule` (docs URL from the rule name, typed message ids and options) and `onCorsFile`. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileOf, localAnchor, readCorsFile } from './model/index.js';
import type { CorsFile } from './model/index.js';
import { linksFor } from './typed-links.js';

export interface CorsRuleDocs {
  /** Severity in `cors/recommended`, or false to leave the rule to `cors/strict`. */
  recommended: 'error' | 'warn' | false;
  /** Options the rule takes in `cors/strict` (defaults otherwise). */
  strictOptions?: readonly unknown[];
}

export const REPOSITORY = 'https://github.com/eslint-plugin-cors/eslint-plugin-cors';

type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = Omit<TSESLint.RuleMetaData<MessageIds, CorsRuleDocs, Options>, 'docs'> & {
  docs: TSESLint.RuleMetaDataDocs & CorsRuleDocs;
};

interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: RuleMeta<MessageIds, Options>;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options) => TSESLint.RuleListener;
}

/** A rule module with its docs URL, whose `create` receives the options merged over `meta.defaultOptions`. */
export type CorsRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<MessageIds, Options, CorsRuleDocs> & {
  name: string;
};

/**
 * Builds a rule the way typescript-eslint's `RuleCreator` does, without loading `@typescript-eslint/utils` at run time
 * (the plugin's only runtime dependencies are the AST types and the regex parser).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({ name, meta, create }: RuleDefinition<Options, MessageIds>): CorsRule<Options, MessageIds> {
  const defaults = (meta.defaultOptions ?? []) as unknown as Options;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY}/blob/main/docs/rules/${name}.md` } },
    defaultOptions: defaults,
    create: (context) => create(context, withDefaults(defaults, context.options)),
  } as CorsRule<Options, MessageIds>;
}

/** Each user option over its default; objects are merged key by key (ESLint ≥ 9.15 does the same before calling). */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: Options): Options {
  const merged = defaults.map((fallback, index) => {
    const option = given[index];
    if (option === undefined) return fallback;
    return isPlainObject(fallback) && isPlainObject(option) ? { ...fallback, ...option } : option;
  });
  return [...merged, ...given.slice(defaults.length)] as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs `check` once per file with the file's CORS model (options imported from other modules followed when the file has
 * links: cors-fix's project view, or type information); reports are de-duplicated by message and node, and each
 * suggestion is offered once per location: when several findings (of one rule or of several) at the same place
 * propose the same edit, the editor's quick-fix menu lists it once.
 */
export function onCorsFile<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  check: (file: CorsFile, report: (descriptor: TSESLint.ReportDescriptor<MessageIds>) => void) => void,
): TSESLint.RuleListener {
  return {
    'Program:exit'() {
      const file = readCorsFile(context.sourceCode, context.filename, linksFor(context));
      if (file.policies.length === 0) return;
      const reported = new Set<string>();
      check(file, (found) => {
        const descriptor = inThisFile(found, context.sourceCode.ast);
        if (!descriptor) return;
        const node = 'node' in descriptor ? (descriptor.node as TSESTree.Node) : null;
        const at = node ? node.range.join('-') : '';
        const key = `${descriptor.messageId}:${at}:${JSON.stringify(descriptor.data ?? {})}`;
        if (reported.has(key)) return;
        reported.add(key);
        const suggest = descriptor.suggest?.filter((suggestion) => firstOffer(context.sourceCode, at, suggestion.fix));
        context.report(suggest ? { ...descriptor, suggest } : descriptor);
      });
    },
  };
}

/** Edits already offered as suggestions in a file, by location and edit. */
const offered = new WeakMap<object, Set<string>>();

/** Whether this edit at this location has not been offered yet in the file (and records it). */
function firstOffer(sourceCode: object, at: string, fix: TSESLint.ReportFixFunction): boolean {
  let seen = offered.get(sourceCode);
  if (!seen) {
    seen = new Set();
    offered.set(sourceCode, seen);
  }
  const key = `${at}|${JSON.stringify(recordEdits(fix))}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

type Edit = { range: readonly [number, number]; text: string };

/** The edits a fix function makes, without applying them. */
function recordEdits(fix: TSESLint.ReportFixFunction): Edit[] {
  const edit = (start: number, end: number, text: string): TSESLint.RuleFix => ({ range: [start, end], text });
  const recorder: TSESLint.RuleFixer = {
    insertTextAfter: (node, text) => edit(node.range[1], node.range[1], text),
    insertTextAfterRange: (range, text) => edit(range[1], range[1], text),
    insertTextBefore: (node, text) => edit(node.range[0], node.range[0], text),
    insertTextBeforeRange: (range, text) => edit(range[0], range[0], text),
    remove: (node) => edit(node.range[0], node.range[1], ''),
    removeRange: (range) => edit(range[0], range[1], ''),
    replaceText: (node, text) => edit(node.range[0], node.range[1], text),
    replaceTextRange: (range, text) => edit(range[0], range[1], text),
  };
  const result = fix(recorder);
  if (!result) return [];
  const edits = Symbol.iterator in result ? [...result] : [result];
  return edits.map((item) => ({ range: item.range, text: item.text })).sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * A report about a value defined in another module (options followed through an import) is shown where this file
 * refers to it, without suggestions (their edits belong to the other file); null when this file does not refer to it.
 */
function inThisFile<MessageIds extends string>(descriptor: TSESLint.ReportDescriptor<MessageIds>, ast: TSESTree.Program): TSESLint.ReportDescriptor<MessageIds> | null {
  if (!('node' in descriptor)) return descriptor;
  const owner = fileOf(descriptor.node as TSESTree.Node);
  // Nodes of this file, and every node when the file itself was read as part of a linked project (cors-fix).
  if (!owner || owner.sourceCode.ast === ast || fileOf(ast)) return descriptor;
  const anchor = localAnchor(descriptor.node as TSESTree.Node, ast);
  if (!anchor) return null;
  return { ...descriptor, node: anchor, suggest: null, fix: null } as TSESLint.ReportDescriptor<MessageIds>;
}
