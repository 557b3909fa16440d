/**
 * Rule testers: `typescript` runs cases through the typescript-eslint parser (`file.ts`), `javascript` through ESLint's
 * default parser (espree, `file.js`) so JavaScript users' setup is covered too. `runBoth` runs JS-compatible cases
 * under both.
 */
import { RuleTester, type InvalidTestCase, type RunTests, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';

/**
 * The rule tester pins its own copy of @typescript-eslint/utils, whose RuleModule type differs nominally from the one
 * the rules are built with; this narrows `run` to the rules' type.
 */
interface Tester {
  run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options>,
    tests: RunTests<MessageIds, Options>,
  ): void;
}

export const typescript = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
}) as unknown as Tester;

export const javascript = new RuleTester({
  languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' },
}) as unknown as Tester;

export interface Cases<MessageIds extends string, Options extends readonly unknown[]> {
  valid: (string | ValidTestCase<Options>)[];
  invalid: InvalidTestCase<MessageIds, Options>[];
}

/** Runs TypeScript-only cases under the TS parser, and JS-compatible cases under both parsers. */
export function runBoth<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  cases: { both: Cases<MessageIds, Options>; typescriptOnly?: Cases<MessageIds, Options> },
): void {
  typescript.run(name, rule, {
    valid: [...cases.both.valid, ...(cases.typescriptOnly?.valid ?? [])],
    invalid: [...cases.both.invalid, ...(cases.typescriptOnly?.invalid ?? [])],
  });
  javascript.run(`${name} (espree)`, rule, {
    valid: cases.both.valid.map((item) => (typeof item === 'string' ? { code: item, filename: 'file.js' } : { ...item, filename: jsName(item.filename) })),
    invalid: cases.both.invalid.map((item) => ({ ...item, filename: jsName(item.filename) })),
  });
}

function jsName(filename: string | undefined): string {
  if (!filename) return 'file.js';
  return filename.replace(/\.(c|m)?ts$/u, '.$1js');
}
