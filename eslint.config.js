// The project's own lint config: typescript-eslint (strict), eslint-plugin-eslint-plugin for rule and test
// hygiene, and the folder boundaries of the architecture.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_MORPH = {
  name: 'ts-morph',
  message: 'ts-morph is for the code-mod only (src/cors-fix/): the plugin entry must stay light for editors.',
};

export default defineConfig([
  globalIgnores(['dist/', 'packages/*/dist/', 'coverage/', 'fixtures/', 'examples/', 'scratch/', 'test-results/', 'bench/.work/']),
  js.configs.recommended,
  tseslint.configs.strict,
  {
    files: ['**/*.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Buffer: 'readonly', AbortSignal: 'readonly', AbortController: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: [TS_MORPH] }],
      'no-restricted-properties': [
        'error',
        { object: 'context', property: 'getSourceCode', message: 'Use context.sourceCode (removed in ESLint 10).' },
        { object: 'context', property: 'getFilename', message: 'Use context.filename (removed in ESLint 10).' },
        { object: 'context', property: 'getScope', message: 'Use context.sourceCode.getScope(node).' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Only the code-mod may use ts-morph.
    files: ['src/cors-fix/**', 'test/cors-fix/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The model knows frameworks and nothing above it: no rules, no code-mod, no ESLint runtime.
    files: ['src/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [TS_MORPH, { name: 'eslint', message: 'The model is ESLint-agnostic: it reads a SourceCode it is given.' }],
          patterns: [
            { group: ['**/rules/**', '../../rules/*'], message: 'The model never imports rules.' },
            { group: ['**/cors-fix/**'], message: 'The model never imports the code-mod.' },
          ],
        },
      ],
    },
  },
  {
    // Framework entries are data: they import nothing but their own definitions.
    files: ['src/frameworks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [TS_MORPH], patterns: [{ group: ['**/model/**', '**/rules/**', '**/cors-fix/**'], message: 'Framework entries are data.' }] },
      ],
    },
  },
  {
    // The code-mod reaches the Python front end through its one interface, so that it can be plugged elsewhere.
    files: ['src/cors-fix/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/python/*', '!**/python/front-end.js'], message: 'Use the Python front end through src/python/front-end.ts.' }] }],
    },
  },
  {
    // The Python front end reads into the model and plans with the code-mod's edit types; it never uses the rules,
    // ESLint or ts-morph.
    files: ['src/python/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [TS_MORPH, { name: 'eslint', message: 'The Python front end does not run ESLint.' }],
          patterns: [{ group: ['**/rules/**'], message: 'The Python front end asks the model, not the rules.' }],
        },
      ],
    },
  },
  {
    // Rules are small queries over the model: no rule imports another rule or the code-mod.
    files: ['rules/**'],
    ignores: ['rules/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [TS_MORPH], patterns: [{ group: ['./*', '!./index.js'], message: 'Rules do not import each other.' }, { group: ['**/cors-fix/**'], message: 'Rules do not use the code-mod.' }] },
      ],
    },
  },
  {
    files: ['rules/**'],
    ...eslintPlugin.configs['rules-recommended'],
    rules: {
      ...eslintPlugin.configs['rules-recommended'].rules,
      // createRule (RuleCreator) fills in docs.url from the rule name.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) ' }],
    },
  },
  {
    files: ['test/rules/**'],
    ...eslintPlugin.configs['tests-recommended'],
  },
]);
