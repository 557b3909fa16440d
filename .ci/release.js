#!/usr/bin/env node
// `npm run release -- <version>`: cuts a release of both packages with one version number. It sets the version of
// eslint-plugin-cors and cors-fix (`npm version`), pins the pre-commit hook and the README's hook block to it, commits
// and tags `v<version>`. Publishing stays a deliberate step; the script prints the commands. See docs/releasing.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const version = process.argv[2];

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(2);
}

function run(command, args) {
  return execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/u.test(version)) fail('usage: npm run release -- <version>   (for example 0.2.0)');
if (run('git', ['status', '--porcelain']).trim() !== '') fail('the working tree has uncommitted changes; commit or stash them first.');
if (run('git', ['tag', '--list', `v${version}`]).trim() !== '') fail(`the tag v${version} exists already.`);

// Both packages, one version. No reinstall: only the manifests and the lock file's own entries change.
run('npm', ['version', version, '--no-git-tag-version', '--workspaces', '--include-workspace-root', '--no-workspaces-update']);
const lockPath = join(root, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
for (const [path, entry] of Object.entries(lock.packages)) {
  if (path === '' || path.startsWith('packages/')) entry.version = version;
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);

/** Replaces every match of `pattern` in a file; fails when there is none, so a moved pin is never missed silently. */
function pin(file, pattern, replacement) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (!pattern.test(text)) fail(`${file} has no ${pattern} to update.`);
  writeFileSync(path, text.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), replacement));
}

pin('.pre-commit-hooks.yaml', /cors-fix@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/u, `cors-fix@${version}`);
pin('README.md', /rev: v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/u, `rev: v${version}`);
pin('README.md', /cors-fix@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/u, `cors-fix@${version}`);

run('git', ['add', 'package.json', 'package-lock.json', 'packages/cors-fix/package.json', '.pre-commit-hooks.yaml', 'README.md']);
run('git', ['commit', '-q', '-m', `Release v${version}`]);
run('git', ['tag', '-a', `v${version}`, '-m', `eslint-plugin-cors and cors-fix ${version}`]);

console.log(`Tagged v${version}. To publish:

  npm ci && npm test && npm run test:e2e
  npm publish                # eslint-plugin-cors (builds first)
  npm publish -w cors-fix
  git push origin main v${version}
`);
