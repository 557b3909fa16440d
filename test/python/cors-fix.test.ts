/**
 * cors-fix on Python files, beyond the fixture pairs: files that do not parse are left alone with the reason, files
 * without CORS are never parsed, reports carry the rules' ids in every format, one `.env.example` serves the JavaScript
 * and the Python side of a package, and credentials that read one way and act the other are reported, not changed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCorsFix } from '../../src/cors-fix/pipeline.js';
import { python } from '../../src/python/front-end.js';
import { parserStats } from '../../src/python/parser.js';
import { makeTemp, removeTemp, runCli } from '../cors-fix/helpers.js';

const temps: string[] = [];

afterAll(() => {
  for (const temp of temps) removeTemp(temp);
});

function project(files: Record<string, string>): string {
  const root = makeTemp('cors-fix-python-');
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const WILDCARD_APP = 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=[])\n';

describe('cors-fix on Python files', () => {
  it('leaves a file that does not parse alone, byte for byte, and says where it fails', async () => {
    const broken = `${WILDCARD_APP}\ndef broken(:\n    pass\n`;
    const root = project({ 'main.py': broken });
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(report.summary.failed).toBe(1);
    expect(report.files[0]?.reason).toMatch(/^does not parse \(7:\d+ .+\); left alone$/u);
    expect(readFileSync(join(root, 'main.py'), 'utf8')).toBe(broken);
  });

  it('never parses a Python file without CORS in it', async () => {
    const root = project({ 'utils.py': 'def add(a, b):\n    return a + b\n', 'models.py': 'class User:\n    pass\n' });
    const before = parserStats().parses;
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: 'check', envVar: 'CORS_ORIGINS' });
    expect(report.findings).toEqual([]);
    expect(parserStats().parses).toBe(before);
  });

  it('refuses rewritten text with ERROR or MISSING nodes', async () => {
    expect(await python.check('app = FastAPI(\n')).toMatchObject({ ok: false, line: 1 });
    expect(await python.check('x = [1, 2\ny = 3\n')).toMatchObject({ ok: false });
    expect(await python.check(WILDCARD_APP)).toEqual({ ok: true });
  });

  it('reports Python findings with the rules\' ids in text, JSON and SARIF', async () => {
    const root = project({ 'main.py': WILDCARD_APP });
    const text = await runCli(root, '--check');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('main.py  (would change)');
    expect(text.stdout).toMatch(/5:51 +to fix +Starlette CORSMiddleware sends `Access-Control-Allow-Origin: \*`.*cors\/no-wildcard-origin/u);
    const json = JSON.parse((await runCli(root, '--check', '--json')).stdout) as { findings: { ruleId: string; file: string; line: number; column: number; action: string }[] };
    expect(json.findings).toContainEqual(expect.objectContaining({ ruleId: 'cors/no-wildcard-origin', file: 'main.py', line: 5, column: 51, action: 'pending' }));
    const sarif = JSON.parse((await runCli(root, '--check', '--format', 'sarif')).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const result = sarif.runs[0]?.results.find((candidate) => candidate.ruleId === 'cors/no-wildcard-origin');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('main.py');
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBe(5);
  });

  it('says what `*` in a list does in the package at hand: Starlette expands it, credentials or not', async () => {
    const root = project({ 'main.py': WILDCARD_APP.replace('allow_methods=["GET"], allow_headers=[]', 'allow_credentials=True, allow_methods=["*"], allow_headers=["*"]') });
    const json = JSON.parse((await runCli(root, '--check', '--json')).stdout) as { findings: { ruleId: string; message: string }[] };
    const stars = json.findings.filter((finding) => finding.message.startsWith('`*` in'));
    expect(stars.map((finding) => finding.message)).toEqual([
      '`*` in `allow_methods` allows every method. List the methods the API accepts.',
      '`*` in `allow_headers` allows every request header. List the headers the API accepts.',
    ]);
  });

  it('writes one .env.example for the JavaScript and the Python side of a package', async () => {
    const root = project({
      'package.json': '{ "name": "app", "type": "module" }\n',
      'requirements.txt': 'fastapi\n',
      'server.js': "import cors from 'cors';\nimport express from 'express';\nconst app = express();\napp.use(cors({ origin: 'https://web.example.com' }));\n",
      'api.py': WILDCARD_APP.replace('["*"]', '["https://api-client.example.com"]'),
    });
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(report.summary.changed).toBe(2);
    const env = readFileSync(join(root, '.env.example'), 'utf8');
    expect(env.match(/^CORS_ORIGINS=(.*)$/mu)?.[1]?.split(',').sort()).toEqual(['https://api-client.example.com', 'https://web.example.com']);
    expect(report.supportFiles.filter((file) => file.kind === 'env-example')).toHaveLength(1);
  });

  it('never turns credentials on or off: a string that reads "false" but turns them on is reported', async () => {
    const source = 'from flask import Flask\nfrom flask_cors import CORS\napp = Flask(__name__)\nCORS(app, origins=["https://a.example.com"], supports_credentials="false", methods=["GET"], allow_headers=["Authorization", "Content-Type"])\n';
    const root = project({ 'app.py': source });
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    const credentials = report.findings.find((finding) => finding.ruleId === 'cors/valid-options');
    expect(credentials?.action).toBe('skipped');
    expect(credentials?.detail).toContain('never turns credentials on or off');
    expect(readFileSync(join(root, 'app.py'), 'utf8')).toContain('supports_credentials="false"');
  });

  it('keeps a module that already reads the allowlist from the environment as it is', async () => {
    const source = 'import os\nfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=os.environ["CORS_ORIGINS"].split(","), allow_methods=["GET"], allow_headers=[], max_age=600)\n';
    const root = project({ 'main.py': source });
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(report.findings).toEqual([]);
    expect(report.summary.changed).toBe(0);
  });
});
