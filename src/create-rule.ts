/** `createRule` (docs URL from the rule name, typed message ids and options) and `onCorsFile`. */
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { readCorsFile } from './model/index.js';
import type { CorsFile } from './model/index.js';

export interface CorsRuleDocs {
  /** Severity in `cors/recommended`, or false to leave the rule to `cors/strict`. */
  recommended: 'error' | 'warn' | false;
  /** Options the rule takes in `cors/strict` (defaults otherwise). */
  strictOptions?: readonly unknown[];
}

export const REPOSITORY = 'https://github.com/eslint-plugin-cors/eslint-plugin-cors';

export const createRule = ESLintUtils.RuleCreator<CorsRuleDocs>((name) => `${REPOSITORY}/blob/main/docs/rules/${name}.md`);

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
