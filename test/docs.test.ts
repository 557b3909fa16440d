/**
 * Rule docs: every rule has `docs/rules/<rule>.md` with the required sections, and its examples do what the doc says.
 *
 * An example is a fenced `js`/`ts` block whose first line is `// ❌ <framework>` or `// ✅ <framework>`. It is linted
 * on its own with only its rule on, at default options, through the typescript-eslint parser: a ❌ block must report
 * the rule at least once, a ✅ block must not report it. Blocks labelled `next.config.js` (or another
 * `next.config.*` name) are linted under that filename, the others as `example.ts` / `example.js`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const docsRoot = path.resolve(here, '..', 'docs', 'rules');

const REQUIRED_SECTIONS = ['Examples', 'When Not To Use It', 'Known limits', 'Further reading'] as const;
const MIN_FRAMEWORKS = 3;

interface Example {
  verdict: 'report' | 'clean';
  framework: string;
  filename: string;
  code: string;
  /** 1-based line of the opening fence in the doc. */
  line: number;
}

const FENCE = /^```(js|javascript|mjs|cjs|ts|typescript)[^\S\n]*\n([\s\S]*?)^```[^\S\n]*$/gmu;
const MARKER = /^\/\/ (❌|✅) (\S.*)$/u;
const NEXT_CONFIG = /^next\.config\.(?:js|mjs|cjs|ts|mts)$/u;

function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const [, language = '', code = ''] = match;
    const marker = MARKER.exec(code.split('\n', 1)[0] ?? '');
    if (!marker) continue;
    const framework = (marker[2] ?? '').trim();
    const typescript = language.startsWith('t');
    examples.push({
      verdict: marker[1] === '❌' ? 'report' : 'clean',
      framework,
      filename: NEXT_CONFIG.test(framework) ? framework : typescript ? 'example.ts' : 'example.js',
      code,
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return examples;
}

function headings(markdown: string): string[] {
  // Headings inside code blocks are not headings.
  const prose = markdown.replace(/^```[\s\S]*?^```$/gmu, '');
  return [...prose.matchAll(/^## (.+)$/gmu)].map((match) => (match[1] ?? '').trim());
}

const linter = new Linter();

function lint(ruleName: string, example: Example): Linter.LintMessage[] {
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { cors: plugin },
        rules: { [`cors/${ruleName}`]: 'error' },
      },
    ],
    example.filename,
  );
}

function describeFailure(ruleName: string, example: Example, messages: Linter.LintMessage[], problem: string): string {
  const found = messages.map((message) => `  ${message.line}:${message.column} ${message.ruleId ?? '(parser)'} ${message.message}`);
  return [
    `docs/rules/${ruleName}.md line ${example.line}: ${problem}`,
    '--- example ---',
    example.code.trimEnd(),
    '--- reported ---',
    ...(found.length > 0 ? found : ['  (nothing)']),
  ].join('\n');
}

const ruleNames = Object.keys(plugin.rules).sort();

describe('rule docs', () => {
  it('cover every rule', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
    const missing = ruleNames.filter((name) => !existsSync(path.join(docsRoot, `${name}.md`)));
    expect(missing, 'rules without docs/rules/<rule>.md').toEqual([]);
  });

  for (const ruleName of ruleNames) {
    describe(ruleName, () => {
      const docPath = path.join(docsRoot, `${ruleName}.md`);
      const markdown = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
      const examples = examplesOf(markdown);

      it('has the required sections', () => {
        expect(markdown, `docs/rules/${ruleName}.md is missing`).not.toBe('');
        const found = headings(markdown);
        const missing = REQUIRED_SECTIONS.filter((section) => !found.includes(section));
        expect(missing, `sections missing from docs/rules/${ruleName}.md`).toEqual([]);
      });

      it(`has ❌ and ✅ examples for at least ${MIN_FRAMEWORKS} frameworks`, () => {
        expect(examples.some((example) => example.verdict === 'report'), 'no ❌ example').toBe(true);
        expect(examples.some((example) => example.verdict === 'clean'), 'no ✅ example').toBe(true);
        const frameworks = new Set(examples.map((example) => example.framework));
        expect(frameworks.size, `frameworks: ${[...frameworks].join(', ')}`).toBeGreaterThanOrEqual(MIN_FRAMEWORKS);
      });

      for (const example of examples) {
        const mark = example.verdict === 'report' ? '❌' : '✅';
        it(`${mark} ${example.framework} (line ${example.line}) ${example.verdict === 'report' ? 'reports' : 'does not report'}`, () => {
          const messages = lint(ruleName, example);
          const fatal = messages.filter((message) => message.fatal === true || message.ruleId === null);
          if (fatal.length > 0) expect.fail(describeFailure(ruleName, example, fatal, 'the example does not parse'));
          const reports = messages.filter((message) => message.ruleId === `cors/${ruleName}`);
          if (example.verdict === 'report' && reports.length === 0) {
            expect.fail(describeFailure(ruleName, example, reports, `❌ example: expected cors/${ruleName} to report`));
          }
          if (example.verdict === 'clean' && reports.length > 0) {
            expect.fail(describeFailure(ruleName, example, reports, `✅ example: expected cors/${ruleName} not to report`));
          }
        });
      }
    });
  }
});
