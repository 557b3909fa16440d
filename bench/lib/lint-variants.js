/**
 * The lint set-ups compared: the typescript-eslint parser with no rules; plus one rule that does nothing (what
 * ESLint itself costs as soon as any rule is configured); plus all eight `cors/*` rules; plus only `sonarjs/cors`.
 * The plugin is the built one in dist/, as users install it. Each variant imports only what it needs, so that a
 * process linting with "no rules" never loads either plugin.
 */
export const FILES = ['**/*.{js,mjs,cjs,ts,mts,cts}'];

export const VARIANT_IDS = ['none', 'noop', 'cors', 'sonar'];

export const LABELS = {
  none: 'no rules (parser only)',
  noop: 'one rule that does nothing',
  cors: 'all 8 cors/* rules',
  sonar: 'sonarjs/cors only',
};

const NOOP_PLUGIN = {
  meta: { name: 'bench-noop' },
  rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } },
};

async function base() {
  const tsParser = await import('@typescript-eslint/parser');
  // Inline `/* eslint … */` comments in the corpus would switch core rules on in every variant: ignore them, so
  // that "no rules" runs no rule at all.
  return {
    files: FILES,
    languageOptions: { parser: tsParser },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  };
}

/** Every `cors/*` rule, on, with the options `cors/strict` gives it. */
export async function corsRules() {
  const plugin = (await import('../../dist/eslint-plugin.js')).default;
  const rules = {};
  for (const name of Object.keys(plugin.rules)) rules[`cors/${name}`] = plugin.configs.strict.rules[`cors/${name}`] ?? 'error';
  return { plugin, rules };
}

/** The flat config of a variant ('none', 'noop', 'cors', 'sonar' or 'all' for every compared rule at once). */
export async function variantConfig(id) {
  const config = [await base()];
  if (id === 'noop') config.push({ files: FILES, plugins: { noop: NOOP_PLUGIN }, rules: { 'noop/noop': 'error' } });
  if (id === 'cors' || id === 'all') {
    const { plugin, rules } = await corsRules();
    config.push({ files: FILES, plugins: { cors: plugin }, rules });
  }
  if (id === 'sonar' || id === 'all') {
    const sonarjs = (await import('eslint-plugin-sonarjs')).default;
    config.push({ files: FILES, plugins: { sonarjs }, rules: { 'sonarjs/cors': 'error' } });
  }
  return config;
}

/** Tallies lint results: files, problems per rule, fatal parse errors. */
export function tally(results, into = { files: 0, problems: 0, fatal: 0, byRule: {} }) {
  for (const result of results) {
    into.files++;
    for (const message of result.messages) {
      if (message.fatal) into.fatal++;
      else if (message.ruleId) {
        into.problems++;
        into.byRule[message.ruleId] = (into.byRule[message.ruleId] ?? 0) + 1;
      }
    }
  }
  return into;
}
