/**
 * The published package, as users get it: `npm pack`, installed into fresh projects outside the repository with
 * ESLint 9 and ESLint 10, used from an ESM, a CommonJS and a TypeScript config (type-checked), with `--concurrency`
 * and `--cache`; `cors-fix` runs from the installed bin; publint and "Are the types wrong?" pass on the tarball.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const ESLINT_VERSIONS = ['9.39.5', '10.15.0'] as const;

const SERVER = `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: '*', credentials: true }));
app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(3000);
`;
const CLEAN = `import cors from 'cors';
export const middleware = cors({
  origin: (process.env.CORS_ORIGINS ?? '').split(','),
  methods: ['GET', 'POST'],
  allowedHeaders: ['Content-Type'],
});
`;
const ESM_CONFIG = `import cors from 'eslint-plugin-cors';\nexport default [cors.configs.recommended];\n`;
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

let workspace: string;
let tarball: string;

async function npm(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
  return stdout;
}

async function npx(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: failure.code ?? 1 };
  }
}

function ruleIds(eslintJson: string): string[] {
  const results = JSON.parse(eslintJson) as { messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
  const messages = results.flatMap((result) => result.messages);
  const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
  if (fatal.length > 0) throw new Error(fatal.map((message) => message.message).join('\n'));
  return [...new Set(messages.map((message) => message.ruleId as string))].sort();
}

const EXPECTED_RECOMMENDED = ['cors/no-credentials-with-wildcard', 'cors/no-wildcard-origin', 'cors/require-explicit-headers'];

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'eslint-plugin-cors-pack-'));
  const packed = JSON.parse(await npm(ROOT, 'pack', '--json', '--ignore-scripts', '--pack-destination', workspace)) as { filename: string }[];
  tarball = join(workspace, packed[0]?.filename ?? '');
  await Promise.all(
    ESLINT_VERSIONS.map(async (version) => {
      const project = join(workspace, `eslint-${version}`);
      await run('mkdir', ['-p', project]);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `consumer-${version}`, private: true, type: 'module' }));
      writeFileSync(join(project, 'server.js'), SERVER);
      writeFileSync(join(project, 'clean.js'), CLEAN);
      writeFileSync(join(project, 'eslint.config.js'), ESM_CONFIG);
      writeFileSync(join(project, 'eslint.config.cjs'), CJS_CONFIG);
      writeFileSync(join(project, 'eslint.config.ts'), TS_CONFIG);
      writeFileSync(join(project, 'tsconfig.json'), TSCONFIG);
      await npm(project, 'install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `eslint@${version}`, 'jiti@2', 'typescript@~6.0.3', '@typescript-eslint/parser@^8.72.0');
    }),
  );
}, 600_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('contains the build, the docs and no sources or tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n');
    expect(files).toContain('package/dist/eslint-plugin.js');
    expect(files).toContain('package/dist/eslint-plugin.d.ts');
    expect(files).toContain('package/dist/src/cors-fix/cli.js');
    expect(files.some((file) => file.startsWith('package/docs/rules/'))).toBe(true);
    expect(files.some((file) => file.startsWith('package/test/') || file.startsWith('package/src/') || file.startsWith('package/fixtures/'))).toBe(false);
  });

  it('passes publint', async () => {
    const { stdout, code } = await npx(ROOT, 'publint', 'run', tarball, '--strict');
    expect({ code, stdout }).toMatchObject({ code: 0 });
  });

  it('passes "Are the types wrong?" for an ESM-only package', async () => {
    const { stdout, code } = await npx(ROOT, 'attw', tarball, '--profile', 'esm-only', '--format', 'ascii');
    expect({ code, stdout }).toMatchObject({ code: 0 });
  });
});

describe.each(ESLINT_VERSIONS)('installed with eslint %s', (version) => {
  const project = () => join(workspace, `eslint-${version}`);

  it('reports the bad server from an ESM config and passes the clean one', async () => {
    const { stdout } = await npx(project(), 'eslint', '--config', 'eslint.config.js', '-f', 'json', 'server.js');
    expect(ruleIds(stdout)).toEqual(EXPECTED_RECOMMENDED);
    const clean = await npx(project(), 'eslint', '--config', 'eslint.config.js', '-f', 'json', 'clean.js');
    expect(ruleIds(clean.stdout)).toEqual([]);
  });

  it('works from a CommonJS config via require()', async () => {
    const { stdout } = await npx(project(), 'eslint', '--config', 'eslint.config.cjs', '-f', 'json', 'server.js');
    expect(ruleIds(stdout)).toEqual(EXPECTED_RECOMMENDED);
  });

  it('works from a type-checked eslint.config.ts with defineConfig and extends', async () => {
    const tsc = await npx(project(), 'tsc', '-p', 'tsconfig.json');
    expect({ code: tsc.code, output: tsc.stdout + tsc.stderr }).toMatchObject({ code: 0 });
    const { stdout } = await npx(project(), 'eslint', '--config', 'eslint.config.ts', '-f', 'json', 'server.js');
    expect(ruleIds(stdout)).toEqual(EXPECTED_RECOMMENDED);
  });

  it('works with --concurrency and --cache', async () => {
    const parallel = await npx(project(), 'eslint', '--config', 'eslint.config.js', '--concurrency', '2', '-f', 'json', 'server.js', 'clean.js');
    expect(ruleIds(parallel.stdout)).toEqual(EXPECTED_RECOMMENDED);
    for (let pass = 0; pass < 2; pass += 1) {
      const cached = await npx(project(), 'eslint', '--config', 'eslint.config.js', '--cache', '--cache-location', '.eslintcache', '-f', 'json', 'server.js');
      expect(ruleIds(cached.stdout)).toEqual(EXPECTED_RECOMMENDED);
    }
    // The cached config names the plugin with its version, so upgrading the plugin invalidates users' caches.
    const printed = await npx(project(), 'eslint', '--config', 'eslint.config.js', '--print-config', 'server.js');
    expect(printed.stdout).toContain(`cors:eslint-plugin-cors@${pkg.version}`);
  });

  it('runs cors-fix from the installed bin', async () => {
    const help = await npx(project(), 'cors-fix', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/cors-fix/u);
    const version = await npx(project(), 'cors-fix', '--version');
    expect(version.stdout.trim()).toContain(pkg.version);
  });
});
