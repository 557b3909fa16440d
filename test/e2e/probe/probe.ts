/** Runs `cors-fix probe` in-process, as the bin does, with an empty environment; returns the exit code and the JSON report. */
import { probeMain } from '../../../src/cors-fix/probe/cli.js';

export interface ProbeRun {
  code: number;
  document: {
    schema: number;
    url: string;
    error: string | null;
    findings: { check: string; severity: string; path: string; origin: string | null; request: unknown; response: unknown; message: string }[];
    paths: string[];
    requests: { sent: number; inconclusive: number; notSent: number };
    notes: string[];
  };
  stderr: string;
}

export const APP = 'https://app.example.com';
export const ADMIN = 'https://admin.example.com';

/** `cors-fix probe <url> --json --delay 0 …args` in `cwd`. */
export async function probe(url: string, args: readonly string[] = [], cwd = process.cwd()): Promise<ProbeRun> {
  let stdout = '';
  let stderr = '';
  const code = await probeMain([url, '--json', '--delay', '0', ...args], {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  if (code === 2) throw new Error(`usage error: ${stderr}`);
  return { code, document: JSON.parse(stdout) as ProbeRun['document'], stderr };
}

/** `check:severity` of every finding, sorted. */
export function checks(run: ProbeRun): string[] {
  return run.document.findings.map((finding) => `${finding.check}:${finding.severity}`).sort();
}
