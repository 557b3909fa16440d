/**
 * One lint pass over the corpus with every compared rule on, for ESLint's own per-rule timing. Run it with
 * `TIMING=all` (ESLint then prints its "Rule | Time (ms) | Relative" table to stdout when the process exits; see
 * "Profile Rule Performance" in ESLint's custom-rules docs). Nothing else is written to stdout.
 *
 *   TIMING=all node bench/lint-timing.js <corpus directory>
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { tally, variantConfig } from './lib/lint-variants.js';

const directory = process.argv[2] && resolve(process.argv[2]);
if (!directory) {
  process.stderr.write('usage: TIMING=all node bench/lint-timing.js <corpus directory>\n');
  process.exit(2);
}
const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: await variantConfig('all'), cache: false, concurrency: 'off' });
const start = process.hrtime.bigint();
const counts = tally(await eslint.lintFiles(['.']));
process.stderr.write(`timing pass: ${counts.files} files in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s\n`);
