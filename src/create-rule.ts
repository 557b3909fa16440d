/** `createRule` (docs URL from the rule name, typed message ids and options) and `onCorsFile`. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { readCorsFile } from './model/index.js';
import type { CorsFile } from './model/index.js';

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

/** Runs `check` once per file with the file's CORS model; reports are de-duplicated by message and node. */
export function onCorsFile<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  check: (file: CorsFile, report: (descriptor: TSESLint.ReportDescriptor<MessageIds>) => void) => void,
): TSESLint.RuleListener {
  return {
    'Program:exit'() {
      const file = readCorsFile(context.sourceCode, context.filename);
      if (file.policies.length === 0) return;
      const reported = new Set<string>();
      check(file, (descriptor) => {
        const node = 'node' in descriptor ? (descriptor.node as TSESTree.Node) : null;
        const key = `${descriptor.messageId}:${node ? node.range.join('-') : ''}:${JSON.stringify(descriptor.data ?? {})}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report(descriptor);
      });
    },
  };
}
