/**
 * Preloaded with `node --import` where GNU time is missing: writes the process's peak RSS (kB) to
 * $BENCH_RSS_FILE when it exits.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
