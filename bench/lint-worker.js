/**
 * One lint variant in its own process, driven by bench/lib/lint-bench.js over IPC: loads ESLint with the variant's
 * config, reports how long that took, then lints the chunks of files it is sent (single-threaded, no cache) and
 * answers with the time each took. A process per variant keeps the variants from sharing a heap and JIT state.
 *
 *   node bench/lint-worker.js <none|cors|sonar> <corpus directory>   (started with an IPC channel)
 */
const started = process.hrtime.bigint();
const [variant, cwd] = process.argv.slice(2);
const { ESLint } = await import('eslint');
const { tally, variantConfig } = await import('./lib/lint-variants.js');
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: await variantConfig(variant), cache: false, concurrency: 'off' });

process.on('message', async (message) => {
  if (message.type === 'exit') {
    process.disconnect();
    return;
  }
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(message.files);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  process.send({ type: 'done', ms, cpuMs: (cpu.user + cpu.system) / 1000, counts: tally(results) });
});
process.send({ type: 'ready', startMs: Number(process.hrtime.bigint() - started) / 1e6 });
