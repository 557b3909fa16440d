/**
 * A real npm registry for the package tests: verdaccio on 127.0.0.1 (a free port) with its storage in a temp dir. Our
 * two packages are served only from what the tests publish; every other package is proxied from the npm registry.
 * `commandEnv` is what every npm, npx and pre-commit child process gets: this registry, a token to publish with, and
 * an npm cache of its own, so nothing installed by an earlier run (npx keeps installs by package name) is reused.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runServer } from 'verdaccio';

const execFileAsync = promisify(execFile);

export interface Registry {
  url: string;
  /** Environment for child processes: no `npm_*` variable of the test runner, this registry, a private cache. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** The result of a command that may fail. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts a registry whose files live under `directory`. */
export async function startRegistry(directory: string): Promise<Registry> {
  const storage = join(directory, 'storage');
  mkdirSync(storage, { recursive: true });
  const ours = { access: '$all', publish: '$all', unpublish: '$all' };
  const app = await runServer({
    self_path: directory,
    storage,
    uplinks: { npmjs: { url: 'https://registry.npmjs.org/', timeout: '60s', max_fails: 5 } },
    packages: { 'eslint-plugin-cors': ours, 'cors-fix': ours, '**': { access: '$all', publish: '$authenticated', proxy: 'npmjs' } },
    auth: { htpasswd: { file: join(directory, 'htpasswd'), max_users: -1 } },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    web: { enable: false },
  } as never);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.on('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const npmrc = join(directory, 'npmrc');
  // Verdaccio accepts any token for the packages anyone may publish; npm refuses to publish without one.
  writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=package-tests\n`);
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/iu.test(key)));
  Object.assign(env, {
    npm_config_registry: url,
    npm_config_userconfig: npmrc,
    npm_config_cache: join(directory, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  });
  return {
    url,
    env,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs a command with `env` in `cwd`; never throws for a non-zero exit. */
export async function command(cwd: string, env: NodeJS.ProcessEnv, file: string, args: readonly string[], timeout = 600_000): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(file, [...args], { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? failure.message };
  }
}
