/** `cors-fix probe` on the command line without a server: help, usage errors (exit 2), an unreachable server (exit 3), exit codes. */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP } from '../../../src/cors-fix/main.js';
import { PROBE_HELP } from '../../../src/cors-fix/probe/arguments.js';
import { CHECK_IDS } from '../../../src/cors-fix/probe/checks-catalogue.js';
import { exitCode } from '../../../src/cors-fix/probe/cli.js';
import type { ProbeFinding, ProbeReport } from '../../../src/cors-fix/probe/report.js';
import { makeTemp, removeTemp, runCli } from '../helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const path of temps) removeTemp(path);
});

/** A port nothing listens on: bound once on 127.0.0.1, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('help', () => {
  it('cors-fix probe --help prints the usage (every option, the exit codes) and names the code-mod', async () => {
    const result = await runCli(process.cwd(), 'probe', '--help');
    expect(result).toMatchObject({ code: 0, stdout: PROBE_HELP });
    for (const option of ['--origin', '--env-file', '--env-var', '--path', '--project', '--method', '--header', '--max-requests', '--timeout', '--delay', '--fail-on', '--json', '--format']) {
      expect(PROBE_HELP).toContain(option);
    }
    expect(PROBE_HELP).toContain('3 the server could not be reached');
    expect(PROBE_HELP).toContain('cors-fix --help');
  });

  it('cors-fix --help names the probe', () => {
    expect(HELP).toContain('cors-fix probe <url>');
  });
});

describe('usage errors exit 2 and say why', () => {
  const temp = makeTemp('cors-probe-');
  temps.push(temp);
  writeFileSync(join(temp, '.env.bad'), 'CORS_ORIGINS=https://app.example.com,https://Admin.example.com/\n');

  it.each([
    [[], 'Give the URL of the API to probe'],
    [['http://127.0.0.1:1', 'http://127.0.0.1:2'], 'Give one URL; got 2'],
    [['not a url'], "'not a url' is not a URL"],
    [['ftp://127.0.0.1/'], 'is not an http:// or https:// URL'],
    [['http://user:secret@127.0.0.1/'], 'carries a user name or password'],
    [['http://127.0.0.1:1', '--nope'], "Unknown option '--nope'"],
    [['http://127.0.0.1:1', '--format', 'xml'], "Unknown format 'xml'"],
    [['http://127.0.0.1:1', '--json', '--format', 'sarif'], '--json and --format sarif cannot be combined'],
    [['http://127.0.0.1:1', '--origin', 'https://app.example.com/'], "--origin 'https://app.example.com/' is not an origin: browsers send it as https://app.example.com"],
    [['http://127.0.0.1:1', '--path', 'api'], "--path 'api' is not a URL path"],
    [['http://127.0.0.1:1', '--method', 'PU T'], "--method 'PU T' is not an HTTP method"],
    [['http://127.0.0.1:1', '--header', 'x y'], "--header 'x y' is not a header name"],
    [['http://127.0.0.1:1', '--max-requests', '0'], '--max-requests must be a whole number from 1 to 10000'],
    [['http://127.0.0.1:1', '--timeout', 'soon'], "--timeout 'soon' is not a duration"],
    [['http://127.0.0.1:1', '--delay=-5'], "--delay '-5' is not a duration"],
    [['http://127.0.0.1:1', '--fail-on', 'severe'], "--fail-on 'severe' is not one of critical, high, medium, low, info, none"],
    [['http://127.0.0.1:1', '--env-var', 'NOT-A-NAME'], "'NOT-A-NAME' is not an environment variable name"],
    [['http://127.0.0.1:1', '--env-file', 'missing.env'], 'cannot read the env file'],
    [['http://127.0.0.1:1', '--env-file', '.env.bad'], 'CORS_ORIGINS (from --env-file .env.bad) contains "https://Admin.example.com/", which is not a valid origin'],
    [['http://127.0.0.1:1', '--project', 'no-such-dir'], "--project 'no-such-dir' is not a directory"],
  ])('%j', async (argv, message) => {
    const result = await runCli(temp, 'probe', ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('cors-fix probe --help');
    expect(result.stdout).toBe('');
  });
});

describe('a server that cannot be reached', () => {
  it('exits 3 after one request, and --json still prints the document with the error', async () => {
    const port = await closedPort();
    const result = await runCli(process.cwd(), 'probe', `http://127.0.0.1:${port}/api`, '--json', '--origin', 'https://app.example.com');
    expect(result.code).toBe(3);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document).toMatchObject({ schema: 1, url: `http://127.0.0.1:${port}/api`, findings: [], requests: { sent: 1, inconclusive: 1, notSent: 0 } });
    expect(document.error).toMatch(/^could not reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/u);
    expect(result.stderr).toContain('no verdict from 1 request');
  });

  it('says so in text', async () => {
    const port = await closedPort();
    const result = await runCli(process.cwd(), 'probe', `http://127.0.0.1:${port}`, '--origin', 'https://app.example.com');
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`Could not probe http://127.0.0.1:${port}/: could not reach`);
  });
});

describe('exit codes', () => {
  const report = (severities: ProbeFinding['severity'][], error: string | null = null): ProbeReport => ({
    url: 'http://127.0.0.1:1/',
    error,
    findings: severities.map((severity) => ({ check: CHECK_IDS[0], severity, path: '/', origin: null, request: null, response: null, found: '', why: '', fix: '', location: null })),
    paths: ['/'],
    requests: { sent: 1, inconclusive: 0, notSent: 0 },
    notes: [],
    projectRoot: null,
  });

  it.each([
    [['low', 'info'], 'medium', 0],
    [['medium'], 'medium', 1],
    [['critical'], 'high', 1],
    [['high'], 'critical', 0],
    [['info'], 'info', 1],
    [['critical'], 'none', 0],
    [[], 'info', 0],
  ] as const)('findings %j with --fail-on %s exit %i', (severities, failOn, code) => {
    expect(exitCode(report([...severities]), failOn)).toBe(code);
  });

  it('an error wins: 3', () => {
    expect(exitCode(report(['critical'], 'every request was inconclusive'), 'medium')).toBe(3);
  });
});
