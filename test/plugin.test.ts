/** Meta-test: every rule is exported, documented, tested, in the configs; every framework has a fixture. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { readCorsFile } from '../src/model/index.js';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/u, ''));

describe('plugin object', () => {
  it('carries name, version and namespace from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'cors' });
  });

  it('exports exactly the rules in rules/', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFiles].sort());
  });

  it('names its configs and references itself from them', () => {
    expect(plugin.configs.recommended.name).toBe('cors/recommended');
    expect(plugin.configs.strict.name).toBe('cors/strict');
    expect(plugin.configs.recommended.plugins?.cors).toBe(plugin);
    expect(plugin.configs.strict.plugins?.cors).toBe(plugin);
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = plugin.rules[name] as (typeof plugin.rules)[string] & { name?: string };
  const docs = rule.meta?.docs as { description?: string; url?: string; recommended?: string | false; strictOptions?: unknown[] };

  it('has problem type, description, docs URL, messages and a schema', () => {
    expect(rule.meta?.type).toBe('problem');
    expect(docs.description).toMatch(/^(Disallow|Require|Enforce) /u);
    expect(docs.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, 'u'));
    expect(Object.keys(rule.meta?.messages ?? {}).length).toBeGreaterThan(0);
    expect(rule.meta?.schema).toBeDefined();
    expect(rule.meta?.fixable).toBeUndefined();
  });

  it('is documented and tested', () => {
    expect(existsSync(join(ROOT, 'docs', 'rules', `${name}.md`))).toBe(true);
    expect(existsSync(join(ROOT, 'test', 'rules', `${name}.test.ts`))).toBe(true);
  });

  it('is in the configs its meta asks for', () => {
    const recommended = plugin.configs.recommended.rules ?? {};
    const strict = plugin.configs.strict.rules ?? {};
    if (docs.recommended) expect(recommended[`cors/${name}`]).toBe(docs.recommended);
    else expect(recommended[`cors/${name}`]).toBeUndefined();
    expect(strict[`cors/${name}`]).toEqual(docs.strictOptions ? ['error', ...docs.strictOptions] : 'error');
  });
});

describe('configs in use', () => {
  const code = "import cors from 'cors';\nexport const middleware = cors();\n";
  const lint = (config: Linter.Config[]) => new Linter().verify(code, config, 'server.js').map((message) => message.ruleId);

  it('works as `export default [cors.configs.recommended]`', () => {
    expect(lint([plugin.configs.recommended])).toContain('cors/no-wildcard-origin');
  });

  it('works with defineConfig and `extends: ["cors/recommended"]`, under another namespace too', () => {
    expect(lint(defineConfig([{ plugins: { cors: plugin }, extends: ['cors/recommended'] }]) as Linter.Config[])).toContain('cors/no-wildcard-origin');
    expect(lint(defineConfig([{ plugins: { security: plugin }, extends: ['security/recommended'] }]) as Linter.Config[])).toContain(
      'security/no-wildcard-origin',
    );
  });

  it('works with the typescript-eslint parser', () => {
    const messages = new Linter().verify(code, [{ ...plugin.configs.strict, files: ['**/*.ts'], languageOptions: { parser: tsParser } }], 'server.ts');
    expect(messages.map((message) => message.ruleId)).toContain('cors/no-wildcard-origin');
  });
});

describe('frameworks', () => {
  const fixtureFiles = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === 'cors-fix' ? [] : fixtureFiles(path);
      return /\.(?:[cm]?[jt]s)$/u.test(entry.name) ? [path] : [];
    });

  it('every framework entry is exercised by at least one fixture', () => {
    const seen = new Set<string>();
    const linter = new Linter();
    for (const file of fixtureFiles(join(ROOT, 'fixtures'))) {
      const name = relative(ROOT, file);
      linter.verify(
        readFileSync(file, 'utf8'),
        [
          {
            files: ['**/*.*'],
            languageOptions: { parser: tsParser, sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' },
            plugins: {
              probe: {
                rules: {
                  frameworks: {
                    create: (context) => ({
                      'Program:exit': () => {
                        for (const policy of readCorsFile(context.sourceCode as never, name).policies) seen.add(policy.framework.id);
                      },
                    }),
                  },
                },
              },
            },
            rules: { 'probe/frameworks': 'error' },
          },
        ],
        name,
      );
    }
    expect(FRAMEWORKS.map((framework) => framework.id).filter((id) => !seen.has(id))).toEqual([]);
  });
});
