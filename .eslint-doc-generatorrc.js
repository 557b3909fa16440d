/**
 * eslint-doc-generator settings: rule doc headers (docs/rules/<rule>.md), the options list of rules that take
 * options, and the rules list in README.md. Run `npm run docs` to regenerate, `npm run docs:check` in CI.
 * It loads the built plugin through package.json "main", so both scripts build first.
 */

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
  ruleDocTitleFormat: 'prefix-name',
  ruleDocNotices: ['configs', 'fixableAndHasSuggestions', 'options', 'description'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It', 'Known limits', 'Further reading'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'hasSuggestions', 'options'],
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  configFormat: 'prefix-name',
};

export default config;
