// `npm run demo`: lints the bundled express app with eslint-plugin-cors, shows what cors-fix would change, applies
// it to a temporary copy, lints again and probes the fixed server. The repository itself is never modified.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import plugin from '../dist/eslint-plugin.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const example = join(repo, 'examples', 'express-api');
const cli = join(repo, 'packages', 'cors-fix', 'dist', 'src', 'cors-fix', 'cli.js');
const bold = (text) => (process.stdout.isTTY ? `\u001B[1m${text}\u001B[22m` : text);
const step = (number, title) => console.log(`\n${bold(`${number}. ${title}`)}\n`);

async function lint(directory) {
  const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.js'] }, plugin.configs.recommended] });
  const results = await eslint.lintFiles(['src/**/*.js']);
  const text = (await eslint.loadFormatter('stylish')).format(results);
  console.log(text.trim() || '   No problems: the CORS policy passes every rule.');
}

function preflight(port, origin) {
  return new Promise((resolve, reject) => {
    const headers = { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' };
    const req = request({ host: '127.0.0.1', port, path: '/api/orders', method: 'OPTIONS', headers }, (response) => {
      response.resume();
      resolve(response.headers);
    });
    req.on('error', reject);
    req.end();
  });
}

const copy = mkdtempSync(join(tmpdir(), 'cors-fix-demo-'));
let server = null;
// Also when the demo dies early (its output piped into `head`, Ctrl-C): never leave the server or the copy behind.
process.on('exit', () => {
  server?.kill();
  rmSync(copy, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));
try {
  console.log(bold('eslint-plugin-cors demo: examples/express-api, a small orders API'));
  console.log('It allows every origin (`*`) in development and sends credentials, hard-codes its production origin,');
  console.log('and leaves methods and headers to the defaults.');

  step(1, 'The linter finds the problems (npx eslint src)');
  await lint(example);

  step(2, 'cors-fix shows what it would change (npx cors-fix --dry), on a temporary copy');
  cpSync(example, copy, { recursive: true });
  spawnSync(process.execPath, [cli, '--dry'], { cwd: copy, stdio: 'inherit' });

  step(3, 'cors-fix writes the changes (npx cors-fix), then the linter runs again');
  spawnSync(process.execPath, [cli], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  await lint(copy);

  step(4, 'The fixed server runs with CORS_ORIGINS=https://shop.example.com');
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  server = spawn(process.execPath, ['src/server.js'], { cwd: copy, env: { ...process.env, PORT: '0', CORS_ORIGINS: 'https://shop.example.com' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /127\.0\.0\.1:(\d+)/u.exec(output);
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  for (const origin of ['https://shop.example.com', 'https://evil.example']) {
    const headers = await preflight(port, origin);
    const allowed = headers['access-control-allow-origin'];
    console.log(`   Preflight from ${origin.padEnd(25)} → ${allowed ? `allowed (Access-Control-Allow-Origin: ${allowed}, credentials: ${headers['access-control-allow-credentials']})` : 'refused (no Access-Control-Allow-Origin)'}`);
  }

  step(5, 'cors-fix probe checks the running server as browsers and attackers would (npx cors-fix probe <url>)');
  spawnSync(process.execPath, [cli, 'probe', `http://127.0.0.1:${port}/api/orders`, '--path', '/api/orders/stream', '--origin', 'https://shop.example.com', '--max-requests', '100'], {
    cwd: copy,
    stdio: 'inherit',
  });
  console.log('\nTry it on your project: npx cors-fix --dry, then npx cors-fix probe <url of your API>');
} finally {
  server?.kill();
  rmSync(copy, { recursive: true, force: true });
}
