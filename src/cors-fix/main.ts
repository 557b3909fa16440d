/**
 * The command line: parses arguments, guards a dirty git tree, runs the engine and prints the report in the chosen
 * format. Exit codes follow ESLint: 0 done, 1 changes needed (`--check`) or files failed, 2 usage or internal error.
 */
import { parseArgs } from 'node:util';
import { PACKAGE } from '../package-meta.js';
import { ORIGINS_VARIABLE } from '../suggestions.js';
import { MissingPathError } from './discover-files.js';
import { formatText, summaryLine } from './format-text.js';
import { gitRoot, uncommittedChanges } from './git.js';
import { type FixReport, type Mode, jsonReport } from './report.js';

/** The variable the allowlist is read from unless `--env-var` says otherwise (the one the rules' suggestions name). */
export const DEFAULT_ENV_VAR = ORIGINS_VARIABLE;

/** The `--help` text. */
export const HELP = `Usage: cors-fix [options] [paths...]
       cors-fix probe <url> [options]   check the CORS answers of a running API (cors-fix probe --help)

Rewrites CORS policies that let every website in (a wildcard or reflected origin, hard-coded origins)
to an allowlist read from an environment variable, and makes the methods and headers the routes they
cover need explicit. Follows imported options, routers, plugins and controllers across files. Never
turns credentials on or off. Everything else stays byte for byte. Paths default to the current
directory; files outside the repository are never read or written unless --force.

Options:
  --dry                 Print the changes as a unified diff; write nothing.
  --check               Write nothing; exit 1 if something would change or is left for review.
  --json                Print a machine-readable report (same as --format json).
  --format <name>       text (default), json or sarif.
  --env-var <NAME>      The variable the main allowlist is read from (default: ${DEFAULT_ENV_VAR}).
  --env-var <name>=<NAME>
                        The variable of another audience's allowlist, by the name the report
                        gives it (for example admin=ADMIN_ORIGINS). Repeatable.
  --force               Write even when the git working tree has uncommitted changes, and read
                        and change files outside the repository.
  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes: 0 done (or nothing to do); 1 with --check: a fix is pending or something is left for
review, and in any mode: a file failed (it does not parse, or its rewrite would not, or cors-fix hit
an internal error on it; the file is left alone); 2 usage error, uncommitted changes without --force,
or an internal error of the run.

Examples:
  npx cors-fix --dry            show what would change in this project
  npx cors-fix src/server.ts    rewrite one file (and the options it imports)
  npx cors-fix --check          fail CI while a fix is pending or a finding is not reviewed
`;

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'probe') return (await import('./probe/cli.js')).probeMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        dry: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        'env-var': { type: 'string', multiple: true, default: [] },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${PACKAGE.version}\n`);
    return 0;
  }
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return usageError(io, `Unknown format '${format}': use text, json or sarif.`);
  if (values.json && format !== 'json') return usageError(io, '--json and --format sarif cannot be combined.');
  const variables = parseEnvVars(values['env-var']);
  if (typeof variables === 'string') return usageError(io, variables);
  const { envVar, named } = variables;
  const mode: Mode = values.check ? 'check' : values.dry ? 'dry' : 'write';

  if (mode === 'write' && !values.force) {
    const root = gitRoot(io.cwd);
    const changes = root ? uncommittedChanges(root) : [];
    if (changes.length > 0) {
      const listed = changes.slice(0, 5).join(', ') + (changes.length > 5 ? `, and ${changes.length - 5} more` : '');
      io.stderr.write(
        `cors-fix: the git working tree has uncommitted changes (${listed}).\n` +
          'Commit or stash them first, so that you can review and undo what cors-fix changes; or run with --dry to see the changes, or --force to write anyway.\n',
      );
      return 2;
    }
  }

  const progress = io.stderr.isTTY === true;
  let report: FixReport;
  try {
    // Loaded here so that --help, --version and usage errors answer at once.
    const { runCorsFix } = await import('./pipeline.js');
    report = await runCorsFix({
      cwd: io.cwd,
      paths: positionals.length > 0 ? positionals : ['.'],
      mode,
      envVar,
      namedEnvVars: named,
      force: values.force,
      onProgress: progress ? (done, total, file) => io.stderr.write(`\r\u001B[K[${done}/${total}] ${file}`) : undefined,
    });
  } catch (error) {
    if (progress) io.stderr.write('\r\u001B[K');
    if (error instanceof MissingPathError) return usageError(io, error.message);
    io.stderr.write(`cors-fix: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this at https://github.com/eslint-plugin-cors/eslint-plugin-cors/issues\n`);
    return 2;
  }
  if (progress) io.stderr.write('\r\u001B[K');

  if (format === 'json') {
    io.stdout.write(jsonReport(report));
    io.stderr.write(`${summaryLine(report)}\n`);
  } else if (format === 'sarif') {
    const { formatSarif } = await import('./format-sarif.js');
    io.stdout.write(formatSarif(report));
    io.stderr.write(`${summaryLine(report)}\n`);
  } else {
    io.stdout.write(formatText(report, { diffs: values.dry }));
  }
  if (report.summary.failed > 0) return 1;
  return mode === 'check' && (report.summary.changed > 0 || report.summary.review > 0) ? 1 : 0;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

/** `--env-var NAME` (the main allowlist) and `--env-var name=NAME` (another audience's), or a usage error. */
function parseEnvVars(given: readonly string[]): { envVar: string; named: Map<string, string> } | string {
  let envVar = DEFAULT_ENV_VAR;
  const named = new Map<string, string>();
  for (const value of given) {
    const [name, variable] = value.includes('=') ? (value.split('=', 2) as [string, string]) : [null, value];
    if (!VARIABLE_NAME.test(variable)) return `'${variable}' is not an environment variable name (letters, digits and _).`;
    if (name === null) envVar = variable;
    else if (!/^[a-z0-9_]+$/u.test(name)) return `'${name}' is not an audience name as the report shows them (lower case, digits and _).`;
    else named.set(name, variable);
  }
  return { envVar, named };
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`cors-fix: ${message}\nRun cors-fix --help for usage.\n`);
  return 2;
}
