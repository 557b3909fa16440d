/**
 * The two published packages, as users get them: both are packed with `npm pack`, checked with publint and "Are the
 * types wrong?", and published to a real registry (verdaccio on 127.0.0.1). Then, in fresh git repositories outside
 * this one with nothing installed: `npx --yes cors-fix` works one-shot, `npm install -D eslint eslint-plugin-cors` with
 * the README's flat config lints a wildcard origin (within the install-size budget), the plugin works with ESLint 9 and
 * 10 from ESM, CommonJS and type-checked TypeScript configs, a package.json script runs the pinned `cors-fix` through
 * `npm exec`, and the repository's pre-commit hook runs under pre-commit 3 and 4.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandResult, type Registry, command, startRegistry } from './harness/registry.js';

const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ESLINT_VERSIONS = ['9.39.5', '10.15.0'] as const;
/** The budget for what the plugin adds to `npm install -D eslint`, in bytes. */
const PLUGIN_INSTALL_BUDGET = 35 * 1024 * 1024;
/** pre-commit 4, unpacked from Debian's package by `.ci/setup-e2e`. */
const PRE_COMMIT_4 = join(ROOT, 'node_modules', '.cache', 'pre-commit-4', 'usr', 'lib', 'python3', 'dist-packages');

const WILDCARD_SERVER = `import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: '*', credentials: true }));
app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(3000);
`;
const CLEAN_SERVER = `import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({
  origin: (process.env.CORS_ORIGINS ?? '').split(','),
  methods: ['GET', 'POST'],
  allowedHeaders: ['Content-Type'],
}));
app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(3000);
`;
const CJS_CONFIG = `const cors = require('eslint-plugin-cors');\nmodule.exports = [cors.configs.recommended];\n`;
const TS_CONFIG = `import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import cors from 'eslint-plugin-cors';

export default defineConfig([
  { files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser }, plugins: { cors }, extends: ['cors/strict'] },
]);
`;
const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
  files: ['eslint.config.ts'],
});
const EXPECTED_RECOMMENDED = ['cors/no-credentials-with-wildcard', 'cors/no-wildcard-origin', 'cors/require-explicit-headers'];

let workspace: string;
let registry: Registry;
const tarballs = { plugin: '', codemod: '' };

/** The flat config the README tells users to write. */
function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)```/u.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ```js block starting with // eslint.config.js');
  return block;
}

/** A new project directory (a git repository with one commit) outside this repository. */
function project(name: string, files: Record<string, string>): string {
  const directory = join(workspace, name);
  mkdirSync(directory, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(directory, file), text);
  return directory;
}

async function commitAll(directory: string): Promise<void> {
  const env = { ...registry.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  await command(directory, env, 'git', ['init', '-q', '-b', 'main']);
  await command(directory, env, 'git', ['add', '-A']);
  const result = await command(directory, env, 'git', ['commit', '-q', '-m', 'initial']);
  expect(result.code, result.stderr).toBe(0);
}

function npm(cwd: string, ...args: string[]): Promise<CommandResult> {
  return command(cwd, registry.env, 'npm', args);
}

function npx(cwd: string, ...args: string[]): Promise<CommandResult> {
  return command(cwd, registry.env, 'npx', args);
}

function ruleIds(result: CommandResult): string[] {
  const results = JSON.parse(result.stdout) as { messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
  const messages = results.flatMap((entry) => entry.messages);
  const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
  if (fatal.length > 0) throw new Error(fatal.map((message) => message.message).join('\n'));
  return [...new Set(messages.map((message) => message.ruleId as string))].sort();
}

/** Bytes of every file under `directory` (what the install adds to a project). */
function treeSize(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) total += treeSize(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Installed package directories named `name` anywhere under `directory`. */
function installedCopies(directory: string, name: string): string[] {
  const found: string[] = [];
  const visit = (modules: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(modules);
    } catch {
      return;
    }
    for (const entry of entries) {
      const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((inner) => `${entry}/${inner}`) : [entry];
      for (const packageName of names) {
        if (packageName === name) found.push(join(modules, packageName));
        visit(join(modules, packageName, 'node_modules'));
      }
    }
  };
  visit(join(directory, 'node_modules'));
  return found;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'eslint-plugin-cors-packages-'));
  registry = await startRegistry(join(workspace, 'registry'));
  const pack = async (...args: string[]): Promise<string> => {
    const result = await npm(ROOT, 'pack', '--json', '--pack-destination', workspace, ...args);
    expect(result.code, result.stderr).toBe(0);
    const [packed] = JSON.parse(result.stdout) as { filename: string }[];
    return join(workspace, packed?.filename ?? '');
  };
  tarballs.plugin = await pack();
  tarballs.codemod = await pack('-w', 'cors-fix');
  for (const tarball of [tarballs.plugin, tarballs.codemod]) {
    const published = await npm(workspace, 'publish', tarball);
    expect(published.code, published.stderr).toBe(0);
  }
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('the packed tarballs', () => {
  const contents = async (tarball: string): Promise<string[]> => (await command(ROOT, registry.env, 'tar', ['-tzf', tarball])).stdout.split('\n');
  const manifest = async (tarball: string): Promise<Record<string, unknown>> =>
    JSON.parse((await command(ROOT, registry.env, 'tar', ['-xzOf', tarball, 'package/package.json'])).stdout) as Record<string, unknown>;

  it('eslint-plugin-cors holds the rules, the model and the docs; no code-mod, no bin, only what the rules load', async () => {
    const files = await contents(tarballs.plugin);
    expect(files).toContain('package/dist/eslint-plugin.js');
    expect(files).toContain('package/dist/eslint-plugin.d.ts');
    expect(files).toContain('package/dist/src/model/read-cors-file.js');
    expect(files.some((file) => file.startsWith('package/docs/rules/'))).toBe(true);
    expect(files.some((file) => file.includes('/cors-fix/') || /^package\/(?:test|src|fixtures|packages)\//u.test(file))).toBe(false);
    const pkg = await manifest(tarballs.plugin);
    expect(pkg.bin).toBeUndefined();
    expect(Object.keys(pkg.dependencies as object).sort()).toEqual(['@eslint-community/regexpp', '@typescript-eslint/types']);
  });

  it('cors-fix holds its bin, its API and its own build of the model; it does not depend on the plugin', async () => {
    const files = await contents(tarballs.codemod);
    expect(files).toContain('package/dist/src/cors-fix/cli.js');
    expect(files).toContain('package/dist/src/cors-fix/index.d.ts');
    expect(files).toContain('package/dist/src/model/read-cors-file.js');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/LICENSE');
    const pkg = await manifest(tarballs.codemod);
    expect(pkg).toMatchObject({ name: 'cors-fix', version: VERSION, bin: { 'cors-fix': './dist/src/cors-fix/cli.js' } });
    expect(Object.keys(pkg.dependencies as object)).not.toContain('eslint-plugin-cors');
    expect(Object.keys(pkg.dependencies as object)).toContain('ts-morph');
  });

  it.each(['plugin', 'codemod'] as const)('the %s tarball passes publint', async (which) => {
    const result = await command(ROOT, process.env, 'npx', ['--no-install', 'publint', 'run', tarballs[which], '--strict']);
    expect({ code: result.code, output: result.stdout + result.stderr }).toMatchObject({ code: 0 });
  });

  it.each(['plugin', 'codemod'] as const)('the %s tarball passes "Are the types wrong?" for an ESM-only package', async (which) => {
    const result = await command(ROOT, process.env, 'npx', ['--no-install', 'attw', tarballs[which], '--profile', 'esm-only', '--format', 'ascii']);
    expect({ code: result.code, output: result.stdout + result.stderr }).toMatchObject({ code: 0 });
  });
});

describe('npx cors-fix, one-shot in a repository that installed nothing', () => {
  let repository: string;

  beforeAll(async () => {
    repository = project('one-shot', { 'package.json': '{ "name": "one-shot", "private": true, "type": "module" }\n', 'server.js': WILDCARD_SERVER });
    await commitAll(repository);
  });

  it('--dry prints the diff, writes nothing and exits 0', async () => {
    const result = await npx(repository, '--yes', 'cors-fix', '--dry');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("+import { corsOrigins } from './cors-origins.js';");
    expect(result.stdout).toContain('Nothing was written (--dry)');
    expect((await command(repository, registry.env, 'git', ['status', '--porcelain'])).stdout).toBe('');
  }, 300_000);

  it('--check exits 1 while a fix is pending; a write fixes it and --check then exits 0', async () => {
    expect((await npx(repository, '--yes', 'cors-fix', '--check')).code).toBe(1);
    const written = await npx(repository, '--yes', 'cors-fix');
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(join(repository, 'server.js'), 'utf8')).toContain('origin: corsOrigins');
    expect(readFileSync(join(repository, 'cors-origins.js'), 'utf8')).toContain('CORS_ORIGINS');
    const check = await npx(repository, '--yes', 'cors-fix', '--check');
    expect({ code: check.code, output: check.stdout }).toMatchObject({ code: 0 });
  }, 300_000);

  it('--version names the released version', async () => {
    const result = await npx(repository, '--yes', 'cors-fix', '--version');
    expect(result.stdout.trim()).toBe(VERSION);
  });
});

describe('the pinned cors-fix from a package.json script (npm exec)', () => {
  it('fails while a fix is pending and passes once the policy is clean', async () => {
    const scripts = { 'cors:check': `npm exec --yes -- cors-fix@${VERSION} --check` };
    const repository = project('npm-exec', {
      'package.json': `${JSON.stringify({ name: 'npm-exec', private: true, type: 'module', scripts }, null, 2)}\n`,
      'server.js': WILDCARD_SERVER,
    });
    await commitAll(repository);
    const pending = await npm(repository, 'run', 'cors:check');
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('cors/no-wildcard-origin');
    writeFileSync(join(repository, 'server.js'), CLEAN_SERVER);
    const clean = await npm(repository, 'run', 'cors:check');
    expect({ code: clean.code, output: clean.stdout + clean.stderr }).toMatchObject({ code: 0 });
  }, 300_000);
});

describe('npm install -D eslint eslint-plugin-cors', () => {
  it('lints a wildcard origin with the README flat config, within the install-size budget', async () => {
    const eslintOnly = project('size-eslint-only', { 'package.json': '{ "name": "eslint-only", "private": true, "type": "module" }\n' });
    const withPlugin = project('size-with-plugin', {
      'package.json': '{ "name": "with-plugin", "private": true, "type": "module" }\n',
      'eslint.config.js': readmeConfig(),
      'server.js': WILDCARD_SERVER,
    });
    const installs = await Promise.all([npm(eslintOnly, 'install', '-D', 'eslint'), npm(withPlugin, 'install', '-D', 'eslint', 'eslint-plugin-cors')]);
    for (const install of installs) expect(install.code, install.stderr).toBe(0);

    const lint = await npx(withPlugin, '--no-install', 'eslint', '-f', 'json', 'server.js');
    expect(ruleIds(lint)).toEqual(EXPECTED_RECOMMENDED);

    const base = treeSize(join(eslintOnly, 'node_modules'));
    const total = treeSize(join(withPlugin, 'node_modules'));
    // The figures docs/benchmarks.md reports.
    console.log(`install size: eslint alone ${megabytes(base)}; with eslint-plugin-cors ${megabytes(total)} (+${megabytes(total - base)})`);
    expect(total - base).toBeLessThanOrEqual(PLUGIN_INSTALL_BUDGET);
    expect(installedCopies(withPlugin, 'ts-morph')).toEqual([]);
    expect(installedCopies(withPlugin, '@ts-morph/common')).toEqual([]);
    expect(installedCopies(withPlugin, 'typescript').length).toBeLessThanOrEqual(1);
  }, 300_000);

  describe.each(ESLINT_VERSIONS)('with eslint %s', (version) => {
    let directory: string;

    beforeAll(async () => {
      directory = project(`eslint-${version}`, {
        'package.json': `{ "name": "consumer-${version}", "private": true, "type": "module" }\n`,
        'server.js': WILDCARD_SERVER,
        'clean.js': CLEAN_SERVER,
        'eslint.config.js': readmeConfig(),
        'eslint.config.cjs': CJS_CONFIG,
        'eslint.config.ts': TS_CONFIG,
        'tsconfig.json': TSCONFIG,
      });
      const install = await npm(directory, 'install', '-D', `eslint@${version}`, 'eslint-plugin-cors', 'jiti@2', 'typescript@~6.0.3', '@typescript-eslint/parser@^8.72.0');
      expect(install.code, install.stderr).toBe(0);
    }, 300_000);

    const eslint = (...args: string[]): Promise<CommandResult> => npx(directory, '--no-install', 'eslint', ...args);

    it('reports the bad server from an ESM config and passes the clean one', async () => {
      expect(ruleIds(await eslint('--config', 'eslint.config.js', '-f', 'json', 'server.js'))).toEqual(EXPECTED_RECOMMENDED);
      expect(ruleIds(await eslint('--config', 'eslint.config.js', '-f', 'json', 'clean.js'))).toEqual([]);
    });

    it('works from a CommonJS config via require()', async () => {
      expect(ruleIds(await eslint('--config', 'eslint.config.cjs', '-f', 'json', 'server.js'))).toEqual(EXPECTED_RECOMMENDED);
    });

    it('works from a type-checked eslint.config.ts with defineConfig and extends', async () => {
      const tsc = await npx(directory, '--no-install', 'tsc', '-p', 'tsconfig.json');
      expect({ code: tsc.code, output: tsc.stdout + tsc.stderr }).toMatchObject({ code: 0 });
      expect(ruleIds(await eslint('--config', 'eslint.config.ts', '-f', 'json', 'server.js'))).toEqual(EXPECTED_RECOMMENDED);
    });

    it('works with --concurrency and --cache, and names the plugin version in the cache key', async () => {
      expect(ruleIds(await eslint('--config', 'eslint.config.js', '--concurrency', '2', '-f', 'json', 'server.js', 'clean.js'))).toEqual(EXPECTED_RECOMMENDED);
      for (let pass = 0; pass < 2; pass += 1) {
        expect(ruleIds(await eslint('--config', 'eslint.config.js', '--cache', '--cache-location', '.eslintcache', '-f', 'json', 'server.js'))).toEqual(EXPECTED_RECOMMENDED);
      }
      const printed = await eslint('--config', 'eslint.config.js', '--print-config', 'server.js');
      expect(printed.stdout).toContain(`cors:eslint-plugin-cors@${VERSION}`);
    });
  });
});

/**
 * The repository as pre-commit fetches it at a tag: a clean clone with one commit on top that carries the working
 * tree's manifests (so that a run before committing tests what is about to be committed). pre-commit installs the
 * hook's environment once per repository and revision, so both runs of each version below share one install.
 */
async function hookRepository(): Promise<string> {
  const clone = join(workspace, 'hook-repository');
  const git = (...args: string[]): Promise<CommandResult> =>
    command(clone, { ...registry.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' }, 'git', args);
  expect((await command(workspace, registry.env, 'git', ['clone', '-q', ROOT, clone])).code).toBe(0);
  for (const file of ['.pre-commit-hooks.yaml', 'package.json', 'package-lock.json', 'packages/cors-fix/package.json']) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    writeFileSync(join(clone, file), readFileSync(join(ROOT, file)));
  }
  await git('add', '-A');
  await git('commit', '-q', '--allow-empty', '-m', 'working tree manifests');
  return clone;
}

describe.each([
  ['3 (Debian bookworm)', 'pre-commit', [] as string[], {}],
  ['4 (Debian trixie)', '/usr/bin/python3', ['-m', 'pre_commit'], { PYTHONPATH: PRE_COMMIT_4 }],
] as const)('the pre-commit hook with pre-commit %s', (_name, executable, prefix, extraEnv) => {
  const major = executable === 'pre-commit' ? 3 : 4;
  let repository: string;
  let hooks: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // The user's npm cache (filled by `npm ci`) makes the hook's install of this repository's packages fast; our two
    // packages still come from the registry, whose address (and so cache key) is new on every run.
    env = { ...registry.env, ...extraEnv, PRE_COMMIT_HOME: join(workspace, `pre-commit-home-${major}`) };
    delete env.npm_config_cache;
    const version = await command(workspace, env, executable, [...prefix, '--version']);
    expect(version.code, `pre-commit ${major} is not installed here: run .ci/setup-e2e (${version.stderr.trim()})`).toBe(0);
    hooks = join(workspace, 'hook-repository');
    if (!existsSync(hooks)) hooks = await hookRepository();
    repository = project(`pre-commit-${major}`, { 'package.json': '{ "name": "hooked", "private": true, "type": "module" }\n', 'server.js': CLEAN_SERVER });
    await commitAll(repository);
  });

  const tryRepo = (): Promise<CommandResult> => command(repository, env, executable, [...prefix, 'try-repo', hooks, 'cors-fix', '--all-files']);

  it('passes on a clean policy and fails on a wildcard origin, naming the rule', async () => {
    const clean = await tryRepo();
    expect({ code: clean.code, output: clean.stdout + clean.stderr }).toMatchObject({ code: 0 });
    expect(clean.stdout).toMatch(/cors-fix --check\.+Passed/u);

    writeFileSync(join(repository, 'server.js'), WILDCARD_SERVER);
    await command(repository, env, 'git', ['add', '-A']);
    const failing = await tryRepo();
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/cors-fix --check\.+Failed/u);
    expect(failing.stdout).toContain('cors/no-wildcard-origin');
  }, 600_000);
});
