/** The `cors-fix` package's programmatic entry: run the code-mod from code and read its report. */
export { main, HELP, DEFAULT_ENV_VAR, type CliIo } from './main.js';
export { runCorsFix, type RunOptions } from './pipeline.js';
export type { Change, FixReport, Finding, FileReport, FileStatus, Location, Mode, PolicyReport, ReviewItem, SupportFile } from './report.js';
