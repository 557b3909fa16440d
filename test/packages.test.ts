/**
 * The two-package layout: one version everywhere it is written, the hook pinned to it, each build importing only what
 * its package declares, and the release script doing what docs/releasing.md says (run in a temporary clone).
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeTemp, removeTemp } from './cors-fix/helpers.js';

const ROOT = join(import.meta.dirname, '..');

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const manifest = (file: string): Manifest => JSON.parse(read(file)) as Manifest;
const plugin = manifest('package.json');
const codemod = manifest('packages/cors-fix/package.json');

function jsFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** The packages a build imports at run time (bare specifiers, without subpaths), with one importing file each. */
function runtimeImports(dist: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of jsFiles(dist)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//gu, '').replace(/(^|\s)\/\/.*$/gmu, '$1');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gu)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
      if (!found.has(name)) found.set(name, relative(ROOT, file).split(sep).join('/'));
    }
  }
  return found;
}

describe('one version, pinned everywhere', () => {
  it('both packages carry the same version', () => {
    expect(codemod.version).toBe(plugin.version);
    const lock = JSON.parse(read('package-lock.json')) as { version: string; packages: Record<string, { version?: string }> };
    expect([lock.version, lock.packages['']?.version, lock.packages['packages/cors-fix']?.version]).toEqual([plugin.version, plugin.version, plugin.version]);
  });

  it('the pre-commit hook installs cors-fix at that version', () => {
    expect(read('.pre-commit-hooks.yaml')).toContain(`additional_dependencies: ['cors-fix@${plugin.version}']`);
  });

  it('the README names that version in the hook block and the npm exec example, and no other', () => {
    const readme = read('README.md');
    expect(readme).toContain(`rev: v${plugin.version}`);
    expect(readme).toContain(`cors-fix@${plugin.version} --check`);
    expect([...readme.matchAll(/rev: v(\S+)|cors-fix@(\d\S*)/gu)].map((match) => match[1] ?? match[2])).toEqual(expect.arrayContaining([plugin.version]));
    for (const match of readme.matchAll(/rev: v(\S+)|cors-fix@(\d[^\s"]*)/gu)) expect(match[1] ?? match[2]).toBe(plugin.version);
  });

  it('cors-fix ships the same licence as the plugin', () => {
    expect(read('packages/cors-fix/LICENSE')).toBe(read('LICENSE'));
  });
});

describe('what each build imports', () => {
  it('the plugin imports only its declared dependencies and its ESLint peer, and never the code-mod', () => {
    const imports = runtimeImports(join(ROOT, 'dist'));
    const declared = new Set([...Object.keys(plugin.dependencies ?? {}), ...Object.keys(plugin.peerDependencies ?? {})]);
    expect([...imports.keys()].filter((name) => !declared.has(name))).toEqual([]);
    expect(jsFiles(join(ROOT, 'dist')).some((file) => file.includes(`${sep}cors-fix${sep}`))).toBe(false);
    expect(Object.keys(plugin.dependencies ?? {})).not.toEqual(expect.arrayContaining(['ts-morph']));
  });

  it('cors-fix imports only its own dependencies (no eslint-plugin-cors)', () => {
    const imports = runtimeImports(join(ROOT, 'packages', 'cors-fix', 'dist'));
    const declared = new Set(Object.keys(codemod.dependencies ?? {}));
    expect([...imports].filter(([name]) => !declared.has(name))).toEqual([]);
    expect(imports.has('eslint-plugin-cors')).toBe(false);
  });
});

describe('npm run release', () => {
  let clone = '';
  afterAll(() => removeTemp(clone));

  it('sets both versions and the pins, commits and tags', () => {
    clone = makeTemp('cors-release-');
    execFileSync('git', ['clone', '-q', ROOT, clone]);
    // The working tree's release tooling and manifests, as they are about to be committed.
    for (const file of ['.ci/release.js', 'package.json', 'package-lock.json', 'packages/cors-fix/package.json', '.pre-commit-hooks.yaml', 'README.md']) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      writeFileSync(join(clone, file), readFileSync(join(ROOT, file)));
    }
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '--allow-empty', '-m', 'working tree');
    execFileSync(process.execPath, ['.ci/release.js', '9.8.7'], { cwd: clone, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });

    const inClone = (file: string): string => readFileSync(join(clone, file), 'utf8');
    expect((JSON.parse(inClone('package.json')) as Manifest).version).toBe('9.8.7');
    expect((JSON.parse(inClone('packages/cors-fix/package.json')) as Manifest).version).toBe('9.8.7');
    const lock = JSON.parse(inClone('package-lock.json')) as { packages: Record<string, { version?: string }> };
    expect([lock.packages['']?.version, lock.packages['packages/cors-fix']?.version]).toEqual(['9.8.7', '9.8.7']);
    expect(inClone('.pre-commit-hooks.yaml')).toContain("additional_dependencies: ['cors-fix@9.8.7']");
    expect(inClone('README.md')).toContain('rev: v9.8.7');
    expect(inClone('README.md')).toContain('cors-fix@9.8.7 --check');
    expect(git(clone, 'tag', '--list').trim()).toBe('v9.8.7');
    expect(git(clone, 'log', '-1', '--format=%s').trim()).toBe('Release v9.8.7');
    expect(git(clone, 'status', '--porcelain')).toBe('');
  });

  it('refuses a dirty tree', () => {
    writeFileSync(join(clone, 'stray.txt'), 'x');
    let status = 0;
    try {
      execFileSync(process.execPath, ['.ci/release.js', '9.8.8'], { cwd: clone, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
