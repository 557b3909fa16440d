/** The command line on temp directories and temp git repositories: guards, modes, formats, exit codes, discovery. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP, main } from '../../src/cors-fix/main.js';
import { PACKAGE } from '../../src/package-meta.js';
import { copyToTemp, git, gitRepoFrom, makeTemp, readTree, removeTemp, runCli } from './helpers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXPRESS = join(REPO, 'examples', 'express-api');
const temps: string[] = [];

function temp<T extends string>(path: T): T {
  temps.push(path);
  return path;
}

function treeText(root: string): Record<string, string> {
  return Object.fromEntries([...readTree(root)].map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

afterAll(() => {
  for (const path of temps) removeTemp(path);
});

describe('help, version and usage errors', () => {
  it('--help prints the usage and exits 0', async () => {
    const result = await runCli(REPO, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(HELP);
    for (const option of ['--dry', '--check', '--json', '--format', '--env-var', '--force']) expect(result.stdout).toContain(option);
  });

  it('--version prints the package version', async () => {
    expect(await runCli(REPO, '--version')).toMatchObject({ code: 0, stdout: `${PACKAGE.version}\n` });
  });

  it.each([
    [['--nope'], "Unknown option '--nope'"],
    [['--format', 'xml'], "Unknown format 'xml'"],
    [['--env-var', 'NOT-A-NAME'], 'is not an environment variable name'],
    [['does/not/exist'], 'No such file or directory: does/not/exist'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const directory = temp(copyToTemp(EXPRESS));
    const result = await runCli(directory, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('cors-fix --help');
  });

  it('the built bin runs with node (shebang, ESM)', () => {
    const result = spawnSync(process.execPath, [join(REPO, 'packages/cors-fix/dist/src/cors-fix/cli.js'), '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(PACKAGE.version);
    expect(readFileSync(join(REPO, 'packages/cors-fix/dist/src/cors-fix/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe('in a git repository', () => {
  it('refuses to write when the tree has uncommitted changes, and writes with --force', async () => {
    const repo = temp(gitRepoFrom(EXPRESS));
    writeFileSync(join(repo, 'README.md'), 'work in progress\n');
    const before = treeText(repo);
    const refused = await runCli(repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes (README.md)');
    expect(refused.stderr).toContain('--force');
    expect(treeText(repo)).toEqual(before);

    const forced = await runCli(repo, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(repo, 'src/server.js'), 'utf8')).toContain('origin: corsOrigins');
  });

  it('writes on a clean tree; afterwards --check passes and a forced second run changes nothing', async () => {
    const repo = temp(gitRepoFrom(EXPRESS));
    const first = await runCli(repo);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/cors-fix: 1 changed, \d+ unchanged, 0 skipped, 0 failed \(\d+\.\d\d s\)\n$/u);
    expect(existsSync(join(repo, 'src/cors-origins.js'))).toBe(true);
    expect(readFileSync(join(repo, '.env.example'), 'utf8')).toContain('CORS_ORIGINS=https://shop.example.com');
    const after = treeText(repo);
    expect((await runCli(repo, '--check')).code).toBe(0);
    const second = await runCli(repo, '--force');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('cors-fix: 0 changed');
    expect(treeText(repo)).toEqual(after);
  });

  it('--dry prints a unified diff and writes nothing, even on a dirty tree', async () => {
    const repo = temp(gitRepoFrom(EXPRESS));
    writeFileSync(join(repo, 'notes.txt'), 'dirty\n');
    const before = treeText(repo);
    const result = await runCli(repo, '--dry');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- a/src/server.js\n+++ b/src/server.js\n@@ ');
    expect(result.stdout).toContain("-  origin: process.env.NODE_ENV === 'production' ? 'https://shop.example.com' : '*',\n+  origin: corsOrigins,");
    expect(result.stdout).toContain('--- /dev/null\n+++ b/src/cors-origins.js');
    expect(result.stdout).toContain('Nothing was written (--dry).');
    expect(treeText(repo)).toEqual(before);
  });

  it('--check exits 1 when something would change and writes nothing', async () => {
    const repo = temp(gitRepoFrom(EXPRESS));
    const before = treeText(repo);
    const result = await runCli(repo, '--check');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('src/server.js  (would change)');
    expect(result.stdout).toMatch(/cors-fix: 1 to change/u);
    expect(treeText(repo)).toEqual(before);
  });

  it('leaves files that do not parse alone, reports them and exits 1', async () => {
    const repo = temp(gitRepoFrom(EXPRESS));
    writeFileSync(join(repo, 'src/broken.js'), "import cors from 'cors';\napp.use(cors({ origin: '*' });\n");
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'broken');
    const result = await runCli(repo, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files).toContainEqual({ file: 'src/broken.js', status: 'failed', reason: expect.stringMatching(/^does not parse \(2:\d+ .+\); left alone$/u), notes: [] });
    expect(report.summary).toMatchObject({ changed: 1, failed: 1 });
    expect(readFileSync(join(repo, 'src/broken.js'), 'utf8')).toBe("import cors from 'cors';\napp.use(cors({ origin: '*' });\n");
  });

  it('only looks at files git knows and does not ignore', async () => {
    const repo = temp(gitRepoFrom(EXPRESS));
    const exposed = "import cors from 'cors';\nexport const handler = cors({ origin: '*' });\n";
    writeFileSync(join(repo, '.gitignore'), 'generated/\n');
    mkdirSync(join(repo, 'generated'));
    writeFileSync(join(repo, 'generated/server.js'), exposed);
    mkdirSync(join(repo, 'dist'));
    writeFileSync(join(repo, 'dist/server.js'), exposed);
    git(repo, 'add', '-A');
    git(repo, 'add', '-f', 'dist/server.js');
    git(repo, 'commit', '-q', '-m', 'more');
    const result = await runCli(repo);
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, 'generated/server.js'), 'utf8')).toBe(exposed);
    expect(readFileSync(join(repo, 'dist/server.js'), 'utf8')).toBe(exposed);
  });
});

describe('reports', () => {
  it('--json reports files, findings with rule ids, locations and actions, and the new files', async () => {
    const directory = temp(copyToTemp(EXPRESS));
    const result = await runCli(directory, '--json', '--dry');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cors-fix: 1 to change/u);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      tool: { name: 'cors-fix', version: PACKAGE.version },
      mode: 'dry',
      envVar: 'CORS_ORIGINS',
      summary: { scanned: 2, changed: 1, unchanged: 1, skipped: 0, failed: 0, elapsedMs: expect.any(Number) },
      files: [{ file: 'src/server.js', status: 'changed', reason: null, notes: [] }],
      supportFiles: [
        { file: 'src/cors-origins.js', kind: 'config-module', change: 'created', origins: [] },
        { file: '.env.example', kind: 'env-example', change: 'created', origins: ['https://shop.example.com'] },
      ],
    });
    expect(report.findings.length).toBeGreaterThanOrEqual(4);
    for (const finding of report.findings) {
      expect(finding).toEqual({
        ruleId: expect.stringMatching(/^cors\/[a-z-]+$/u),
        file: 'src/server.js',
        line: expect.any(Number),
        column: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
        message: expect.any(String),
        action: 'fixed',
        detail: expect.any(String),
      });
    }
    expect(report.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(
      expect.arrayContaining(['cors/no-wildcard-origin', 'cors/no-credentials-with-wildcard', 'cors/no-hardcoded-origins', 'cors/require-explicit-headers']),
    );
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'cors/no-wildcard-origin', line: 11, column: 80 }));
    expect(report.diffs.map((entry: { file: string }) => entry.file)).toEqual(['src/server.js', 'src/cors-origins.js', '.env.example']);
  });

  it('--format sarif writes SARIF 2.1.0 with rule help links and relative locations', async () => {
    const directory = temp(copyToTemp(EXPRESS));
    const result = await runCli(directory, '--format', 'sarif', '--check');
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cors-fix');
    expect(run.tool.driver.rules).toContainEqual({
      id: 'cors/no-wildcard-origin',
      name: 'no-wildcard-origin',
      helpUri: 'https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/docs/rules/no-wildcard-origin.md',
    });
    const result0 = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'cors/no-wildcard-origin');
    expect(result0.level).toBe('warning');
    expect(result0.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/server.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 11, startColumn: 80, endLine: 11, endColumn: 83 },
    });
    expect(run.tool.driver.rules[result0.ruleIndex].id).toBe('cors/no-wildcard-origin');
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const directory = temp(copyToTemp(EXPRESS));
    let terminal = '';
    await main(['--check'], { cwd: directory, stdout: { write: () => true }, stderr: { write: (text: string) => (terminal += text), isTTY: true } });
    expect(terminal).toContain('[1/2] eslint.config.js');
    expect(terminal).toContain('[2/2] src/server.js');
    const piped = await runCli(directory, '--check');
    expect(piped.stderr).toBe('');
  });

  it('--env-var names the variable in the config module and .env.example', async () => {
    const directory = temp(copyToTemp(EXPRESS));
    expect((await runCli(directory, '--env-var', 'ALLOWED_ORIGINS')).code).toBe(0);
    expect(readFileSync(join(directory, 'src/cors-origins.js'), 'utf8')).toContain("const VARIABLE = 'ALLOWED_ORIGINS';");
    expect(readFileSync(join(directory, '.env.example'), 'utf8')).toContain('ALLOWED_ORIGINS=https://shop.example.com');
  });
});

describe('files it will not rewrite', () => {
  it('skips huge, binary and non-UTF-8 files with a reason, and still fixes the rest', async () => {
    const directory = temp(copyToTemp(EXPRESS));
    writeFileSync(join(directory, 'src/bundle.js'), `import cors from 'cors';\nconst x = '${'a'.repeat(1024 * 1024)}';\n`);
    writeFileSync(join(directory, 'src/binary.js'), Buffer.from([0x63, 0x6f, 0x72, 0x73, 0x00, 0x01, 0x02]));
    writeFileSync(join(directory, 'src/latin1.js'), Buffer.concat([Buffer.from("import cors from 'cors';\n// caf"), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = await runCli(directory, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const reasons = Object.fromEntries(report.files.filter((file: { status: string }) => file.status === 'skipped').map((file: { file: string; reason: string }) => [file.file, file.reason]));
    expect(reasons).toEqual({
      'src/binary.js': 'binary file',
      'src/bundle.js': 'larger than 1 MB (generated code is not rewritten)',
      'src/latin1.js': 'not UTF-8 text (cors-fix only rewrites UTF-8 files)',
    });
    expect(report.summary).toMatchObject({ changed: 1, skipped: 3, failed: 0 });
  });

  it('outside git, skips node_modules, dist, build, .next and coverage and honours the root .gitignore', async () => {
    const directory = temp(makeTemp());
    const exposed = "import cors from 'cors';\nexport const handler = cors({ origin: '*' });\n";
    for (const folder of ['node_modules/pkg', 'dist', 'build', '.next', 'coverage', 'tmp', 'src']) {
      mkdirSync(join(directory, folder), { recursive: true });
      writeFileSync(join(directory, folder, 'index.js'), exposed);
    }
    writeFileSync(join(directory, '.gitignore'), '# scratch output\n/tmp\n');
    const result = await runCli(directory, '--json', '--dry');
    const report = JSON.parse(result.stdout);
    expect(report.summary.scanned).toBe(1);
    expect(report.files.map((file: { file: string }) => file.file)).toEqual(['src/index.js']);
  });
});
