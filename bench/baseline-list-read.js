/**
 * The cors-fix baseline: what no code-mod can avoid. Lists the files the way cors-fix does (`git ls-files`, tracked
 * and untracked-but-not-ignored), keeps the same source files, and reads each one as UTF-8 text. Run it in the
 * repository's root; prints "<files> <characters>".
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
const SKIPPED = /(?:^|\/)(?:node_modules|dist|build|\.next|coverage)\//u;

const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (listed.status !== 0) {
  process.stderr.write(listed.stderr);
  process.exit(2);
}
const files = listed.stdout.split('\0').filter((file) => file !== '' && SOURCE.test(file) && !DECLARATION.test(file) && !SKIPPED.test(file));
let characters = 0;
for (const file of files) characters += readFileSync(file, 'utf8').length;
process.stdout.write(`${files.length} ${characters}\n`);
