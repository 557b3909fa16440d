/**
 * `cors-fix probe <url>`: reads the arguments, the expected origins (`--origin`, `--env-file`, the environment) and the
 * project (`--project`), runs the probe and prints the report. Exit codes: 0 nothing at or above `--fail-on`, 1
 * findings at or above it, 2 usage error, 3 the server could not be reached or every request was inconclusive.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPOSITORY } from '../../create-rule.js';
import { type ProbeArguments, DEFAULT_ENV_VAR, PROBE_HELP, parseProbeArguments } from './arguments.js';
import { atLeast } from './checks-catalogue.js';
import type { VariableValue } from './declaration.js';
import { readEnvFile } from './env-file.js';
import { formatSarif } from './format-sarif.js';
import { formatText, summaryLine } from './format-text.js';
import { parseOriginList } from './origins.js';
import type { ProjectExpectations } from './project.js';
import { type ProbeReport, jsonReport } from './report.js';

/** Where the probe reads and writes; tests pass their own (and their own environment). */
export interface ProbeIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env?: Readonly<Record<string, string | undefined>>;
}

/** A problem with the input that stops the run before any request (exit 2). */
class UsageError extends Error {}

/** Runs `cors-fix probe` with `argv` (the words after `probe`) and returns the exit code. */
export async function probeMain(argv: readonly string[], io: ProbeIo): Promise<number> {
  const parsed = parseProbeArguments(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(PROBE_HELP);
    return 0;
  }
  if (parsed.kind === 'error') return usageError(io, parsed.message);
  const args = parsed.arguments;
  const progress = io.stderr.isTTY === true;
  let report: ProbeReport;
  try {
    const settings = await settle(args, io);
    const { runProbe } = await import('./run-probe.js');
    report = await runProbe({
      url: args.url,
      urlHasPath: args.urlHasPath,
      paths: args.paths,
      expected: settings.expected,
      methods: args.methods,
      headers: args.headers,
      maxRequests: args.maxRequests,
      timeoutMs: args.timeoutMs,
      delayMs: args.delayMs,
      project: settings.project,
      variable: settings.variable,
      notes: settings.notes,
      onRequest: progress ? (sent, limit) => io.stderr.write(`\r\u001B[K[${sent}/${limit}] requests`) : undefined,
    });
  } catch (error) {
    if (progress) io.stderr.write('\r\u001B[K');
    if (error instanceof UsageError) return usageError(io, error.message);
    io.stderr.write(`cors-fix probe: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this at ${REPOSITORY}/issues\n`);
    return 2;
  }
  if (progress) io.stderr.write('\r\u001B[K');

  if (args.format === 'text') {
    io.stdout.write(formatText(report));
  } else {
    io.stdout.write(args.format === 'json' ? jsonReport(report) : formatSarif(report));
    io.stderr.write(`${summaryLine(report)}\n`);
  }
  return exitCode(report, args.failOn);
}

/** 3 when the run could not judge the server, 1 with a finding at or above `failOn`, else 0. */
export function exitCode(report: ProbeReport, failOn: ProbeArguments['failOn']): number {
  if (report.error) return 3;
  if (failOn === 'none') return 0;
  return report.findings.some((finding) => atLeast(finding.severity, failOn)) ? 1 : 0;
}

/** What the run needs besides the arguments. */
interface Settings {
  expected: string[];
  project: ProjectExpectations | null;
  variable: (name: string) => VariableValue | null;
  notes: string[];
}

/** The expected origins, the project and the allowlist variables, from the arguments, the env file and the environment. */
async function settle(args: ProbeArguments, io: ProbeIo): Promise<Settings> {
  const environment = io.env ?? process.env;
  let fileValues: Map<string, string> | null = null;
  if (args.envFile !== null) {
    try {
      fileValues = readEnvFile(resolve(io.cwd, args.envFile));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  let project: ProjectExpectations | null = null;
  if (args.project !== null) {
    const directory = resolve(io.cwd, args.project);
    if (!isDirectory(directory)) throw new UsageError(`--project '${args.project}' is not a directory.`);
    project = await (await import('./project.js')).expectationsFromProject(directory);
  }
  const notes: string[] = [];
  const source = args.envFile !== null ? `--env-file ${args.envFile}` : 'the environment';
  const rawValue = (name: string): string => (fileValues ? fileValues.get(name) : environment[name]) ?? '';
  const read = (name: string): VariableValue | null => {
    const raw = rawValue(name);
    if (raw.trim() === '') return null;
    const parsed = parseOriginList(raw);
    if ('error' in parsed) {
      notes.push(`${name} (from ${source}) ${parsed.error}; the server was not compared with it.`);
      return null;
    }
    return { origins: parsed.origins, source };
  };
  const declared = [...new Set(project?.policies.flatMap((policy) => policy.origins.variables) ?? [])];
  const values = new Map(declared.map((name) => [name, read(name)]));
  for (const name of declared) if (rawValue(name).trim() === '') notes.push(`The code reads its allowlist from ${name}, which ${source} does not set: origins were not compared with the code.`);
  const variable = (name: string): VariableValue | null => (values.has(name) ? (values.get(name) ?? null) : read(name));

  // The project's own allowlist variable, when it reads exactly one and --env-var does not name another.
  const envVar = args.envVar ?? (declared.length === 1 ? (declared[0] as string) : DEFAULT_ENV_VAR);
  const listed = [...new Set(project?.policies.flatMap((policy) => policy.origins.listed) ?? [])];
  let expected: string[];
  if (args.origins.length > 0) {
    expected = args.origins;
    notes.push(`Allowed origins: ${expected.join(', ')} (--origin).`);
  } else {
    const parsed = parseOriginList(rawValue(envVar));
    if ('error' in parsed) throw new UsageError(`${envVar} (from ${source}) ${parsed.error}.`);
    expected = parsed.origins;
    if (expected.length > 0) notes.push(`Allowed origins: ${expected.join(', ')} (${envVar} from ${source}).`);
  }
  const fromCode = listed.filter((origin) => !expected.includes(origin));
  if (fromCode.length > 0) {
    expected = [...expected, ...fromCode];
    notes.push(`Allowed origins listed in the code: ${fromCode.join(', ')}.`);
  }
  return { expected, project, variable, notes };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function usageError(io: ProbeIo, message: string): number {
  io.stderr.write(`cors-fix probe: ${message}\nRun cors-fix probe --help for usage.\n`);
  return 2;
}
