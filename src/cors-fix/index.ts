/** The `cors-fix` package's programmatic entry: run the code-mod from code and read its report. */
export { main, HELP, DEFAULT_ENV_VAR, type CliIo } from './main.js';
export { runCorsFix, type RunOptions } from './run-cors-fix.js';
export type { FixReport, Finding, FileReport, FileStatus, Mode, SupportFile } from './report.js';
