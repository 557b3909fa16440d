/** eslint-plugin-cors: the plugin object. Configs are derived from each rule's `meta.docs`. */
import type { ESLint, Linter, Rule } from 'eslint';
import { rules as ruleModules } from './rules/index.js';
import { PACKAGE } from './src/package-meta.js';

const rules = ruleModules as unknown as Record<string, Rule.RuleModule>;

type RuleDocs = { recommended?: 'error' | 'warn' | false; strictOptions?: readonly unknown[] };

function docsOf(rule: Rule.RuleModule): RuleDocs {
  return (rule.meta?.docs ?? {}) as RuleDocs;
}

const plugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: 'cors' },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
} satisfies ESLint.Plugin;

function ruleEntries(pick: (name: string, docs: RuleDocs) => Linter.RuleEntry | null): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const entry = pick(name, docsOf(rule));
    if (entry !== null) entries[`cors/${name}`] = entry;
  }
  return entries;
}

plugin.configs.recommended = {
  name: 'cors/recommended',
  plugins: { cors: plugin },
  rules: ruleEntries((_name, docs) => docs.recommended || null),
};

plugin.configs.strict = {
  name: 'cors/strict',
  plugins: { cors: plugin },
  rules: ruleEntries((_name, docs) => (docs.strictOptions ? ['error', ...docs.strictOptions] : 'error')),
};

export default plugin;
// `require('eslint-plugin-cors')` from an `eslint.config.cjs` returns the plugin itself on Node >= 20.19.
export { plugin as 'module.exports' };
