/**
 * `npm run bench`: the speed budget of eslint-plugin-cors and cors-fix, measured against what they cannot avoid
 * and against the nearest peer. Prints a markdown report on stdout (progress on stderr), keeps a copy in
 * bench/.work/latest.{md,json}, and exits 1 when a budget is missed (2 on errors).
 *
 *   npm run bench                      build, then everything (about 20 minutes on 2 cores)
 *   npm run bench -- --update-docs     also replace the results section of docs/benchmarks.md
 *   node bench/run.js --rounds 3 --fix-rounds 3 --chunk-size 100 --generated 300 --ls-blocks 10 --ls-per-block 10
 *                     --skip-lint --skip-fix --skip-langserver
 *
 * See docs/benchmarks.md for what is measured and why.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureFix, measureStaged } from './lib/fix-bench.js';
import { buildLintCorpus } from './lib/lint-corpus.js';
import { cpuPressure, machine, megabytes, percent, pressureBetween, progress, ratio, seconds } from './lib/measure.js';
import { buildRepo, repoFile } from './lib/repo.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORK = join(ROOT, 'bench', '.work');
const CLI = join(ROOT, 'packages', 'cors-fix', 'dist', 'src', 'cors-fix', 'cli.js');
const DOCS = join(ROOT, 'docs', 'benchmarks.md');
const SIZES = [1000, 5000, 10000];

const BUDGET = {
  /** All eight rules over one rule that does nothing (what ESLint costs as soon as any rule is configured). */
  lintOverNoop: 0.03,
  fixOverBaselineNpx: 2,
  fixOverBaselineDirect: 3,
  peakRssMb: 250,
  growth: 1.5,
  stagedMs: 500,
  /** Change-to-diagnostics latency in the language server with the rules ÷ without, on the largest file. */
  languageServer: 1.05,
};
/** The pre-commit case: five files around the first server file of the repository. */
const STAGED = [48, 49, 50, 51, 52];
const LANGSERVER_LINES = [50, 2000];

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'fix-rounds': { type: 'string', default: '3' },
    'chunk-size': { type: 'string', default: '100' },
    generated: { type: 'string', default: '300' },
    'skip-lint': { type: 'boolean', default: false },
    'skip-fix': { type: 'boolean', default: false },
    'ls-blocks': { type: 'string', default: '10' },
    'ls-per-block': { type: 'string', default: '10' },
    'skip-langserver': { type: 'boolean', default: false },
    'update-docs': { type: 'boolean', default: false },
  },
});

if (!existsSync(join(ROOT, 'dist', 'eslint-plugin.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run bench` (it builds first) or `npm run build`.\n');
  process.exit(2);
}

const fmtInt = (value) => value.toLocaleString('en-US');

async function main() {
  mkdirSync(WORK, { recursive: true });
  const info = machine(ROOT);
  const pressureStart = cpuPressure();
  const startedAt = new Date();
  progress(`machine: ${info.cpu}, ${info.cores} cores, ${info.ramGb} GB, Node ${info.node}`);
  const result = { startedAt: startedAt.toISOString(), machine: info, options, lint: null, timing: null, fix: null, languageServer: null };

  if (!options['skip-lint']) {
    // Imported here so that --skip-lint runs do not load ESLint and both plugins.
    const { measureLint, ruleTiming } = await import('./lib/lint-bench.js');
    const corpusDir = join(WORK, 'lint-corpus');
    progress('lint: copying framework sources and generating server files');
    const corpus = buildLintCorpus(ROOT, corpusDir, { generated: Number(options.generated) });
    progress(`lint: corpus of ${corpus.realFiles + corpus.generatedFiles} files (${corpus.realFiles} from ${corpus.packages} packages, ${corpus.generatedFiles} generated)`);
    const lint = await measureLint(corpusDir, { rounds: Number(options.rounds), chunkSize: Number(options['chunk-size']) });
    result.lint = { corpus, ...lint };
    progress('lint: ESLint TIMING=all pass (child process)');
    result.timing = ruleTiming(corpusDir);
  }

  if (!options['skip-fix']) {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
    result.fix = { sizes: [], control: null, staged: null, repos: {} };
    const largest = SIZES[SIZES.length - 1];
    for (const size of SIZES) {
      progress(`cors-fix: ${fmtInt(size)}-file git repository`);
      result.fix.repos[size] = buildRepo(join(WORK, 'repos', `files-${size}`), size);
    }
    progress(`cors-fix: ${fmtInt(largest)}-file control repository (no CORS)`);
    buildRepo(join(WORK, 'repos', `files-${largest}-no-cors`), largest, { cors: false });
    const rounds = Number(options['fix-rounds']);
    for (const size of SIZES) {
      result.fix.sizes.push(await measureFix(CLI, join(WORK, 'repos', `files-${size}`), { files: size, rounds, label: `${fmtInt(size)} files` }));
    }
    // The same layout without any CORS file: what the pre-filter path and start-up cost on their own.
    result.fix.control = await measureFix(CLI, join(WORK, 'repos', `files-${largest}-no-cors`), {
      files: largest,
      rounds,
      expectChanges: false,
      label: `${fmtInt(largest)} files, no CORS`,
    });
    progress(`cors-fix: --check on ${STAGED.length} named files`);
    const staged = STAGED.map((index) => repoFile(index).path);
    result.fix.staged = await measureStaged(CLI, join(WORK, 'repos', `files-${largest}`), staged, { rounds: Math.max(5, rounds * 2) });
  }

  if (!options['skip-langserver']) {
    const { measureLanguageServer } = await import('./lib/langserver-bench.js');
    progress('language server: vscode-eslint-language-server, rules on and off in alternating blocks');
    result.languageServer = await measureLanguageServer(join(WORK, 'langserver'), {
      sizes: LANGSERVER_LINES,
      blocks: Number(options['ls-blocks']),
      perBlock: Number(options['ls-per-block']),
    });
  }

  result.cpuPressure = pressureBetween(pressureStart, cpuPressure());
  result.finishedAt = new Date().toISOString();
  result.verdicts = verdicts(result);
  const markdown = report(result);
  writeFileSync(join(WORK, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(WORK, 'latest.md'), markdown);
  process.stdout.write(markdown);
  if (options['update-docs']) updateDocs(markdown);

  const missed = result.verdicts.filter((verdict) => !verdict.ok);
  if (missed.length > 0) {
    process.stderr.write(`\nbench: ${missed.length} budget(s) missed:\n${missed.map((verdict) => `  - ${verdict.budget}: ${verdict.measured}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write('\nbench: every budget holds.\n');
  }
}

function verdicts(result) {
  const list = [];
  if (result.lint) {
    const { corsOverNoop, corsOverSonar, sonarOverNoop } = result.lint.ratios;
    list.push({
      budget: `All eight rules add at most ${BUDGET.lintOverNoop * 100}% to the lint time with one no-op rule`,
      measured: `${percent(corsOverNoop.median - 1)} (rounds: ${corsOverNoop.runs.map((value) => percent(value - 1)).join(', ')})`,
      ok: corsOverNoop.median <= 1 + BUDGET.lintOverNoop,
    });
    list.push({
      budget: 'All eight rules cost less than sonarjs/cors alone',
      measured: `${percent(corsOverNoop.median - 1)} vs ${percent(sonarOverNoop.median - 1)} over the no-op rule; cors/sonar ${ratio(corsOverSonar.median)}`,
      ok: corsOverSonar.median < 1,
    });
  }
  if (result.fix) {
    const largest = result.fix.sizes[result.fix.sizes.length - 1];
    list.push({
      budget: `cors-fix --check takes at most ${BUDGET.fixOverBaselineNpx}× the list-and-read baseline, both through npx (${fmtInt(largest.files)} files)`,
      measured: `${ratio(largest.npxFixMs / largest.npxBaselineMs)} (${seconds(largest.npxFixMs)} vs ${seconds(largest.npxBaselineMs)})`,
      ok: largest.npxFixMs <= BUDGET.fixOverBaselineNpx * largest.npxBaselineMs,
    });
    list.push({
      budget: `cors-fix --check takes at most ${BUDGET.fixOverBaselineDirect}× the list-and-read baseline, both direct (${fmtInt(largest.files)} files)`,
      measured: `${ratio(largest.fixMs / largest.baselineMs)} (${seconds(largest.fixMs)} vs ${seconds(largest.baselineMs)})`,
      ok: largest.fixMs <= BUDGET.fixOverBaselineDirect * largest.baselineMs,
    });
    const peak = Math.max(...result.fix.sizes.map((size) => size.fixRssKb));
    list.push({
      budget: `cors-fix peak RSS at most ${BUDGET.peakRssMb} MB (${fmtInt(largest.files)} files)`,
      measured: megabytes(peak),
      ok: peak <= BUDGET.peakRssMb * 1024,
    });
    const growth = growthOf(result.fix.sizes);
    list.push({
      budget: `Linear growth: per-file cost (time and peak RSS) from 5,000 to 10,000 files at most ${BUDGET.growth}× that from 1,000 to 5,000`,
      measured: `${growth.late.toFixed(0)} vs ${growth.early.toFixed(0)} ms per 1,000 files (${ratio(growth.ratio)}); RSS ${growth.rssLate.toFixed(1)} vs ${growth.rssEarly.toFixed(1)} MB per 1,000 files`,
      ok: growth.ratio <= BUDGET.growth && growth.rssRatio <= BUDGET.growth,
    });
    const staged = result.fix.staged;
    if (staged) {
      list.push({
        budget: `cors-fix --check on ${staged.files} staged files at most ${seconds(BUDGET.stagedMs)} wall (the pre-commit case)`,
        measured: `${seconds(staged.ms)} (through npx ${seconds(staged.npxMs)})`,
        ok: staged.ms <= BUDGET.stagedMs,
      });
    }
  }
  if (result.languageServer) {
    const largest = result.languageServer[result.languageServer.length - 1];
    list.push({
      budget: `Language-server change-to-diagnostics latency with the rules at most ${BUDGET.languageServer}× without them (${fmtInt(largest.lines)}-line file, median of the block ratios)`,
      measured: `${ratio(largest.blockRatio)} (${largest.onMs.toFixed(0)} vs ${largest.offMs.toFixed(0)} ms)`,
      ok: largest.blockRatio <= BUDGET.languageServer,
    });
  }
  return list;
}

/** Marginal cost per 1,000 files between the sizes (time and peak RSS). */
function growthOf(sizes) {
  const [small, middle, large] = sizes;
  const per = (a, b, key) => ((b[key] - a[key]) / (b.files - a.files)) * 1000;
  const early = per(small, middle, 'fixMs');
  const late = per(middle, large, 'fixMs');
  const rssEarly = per(small, middle, 'fixRssKb') / 1024;
  const rssLate = per(middle, large, 'fixRssKb') / 1024;
  return { early, late, ratio: late / early, rssEarly, rssLate, rssRatio: rssEarly > 0.5 ? rssLate / rssEarly : 1 };
}

function report(result) {
  const lines = [];
  const m = result.machine;
  lines.push(`### Run of ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}; Node ${m.node}; ESLint ${m.eslint}, ` +
      `@typescript-eslint/parser ${m.parser}, oxc-parser ${m.oxcParser}, eslint-plugin-sonarjs ${m.sonarjs}, ts-morph ${m.tsMorph}.`,
  );
  if (result.cpuPressure !== null && result.cpuPressure !== undefined) {
    lines.push(
      `CPU pressure during the run (Linux PSI, share of time something waited for a CPU): ${(result.cpuPressure * 100).toFixed(0)}%` +
        `${result.cpuPressure > 0.15 ? ' — the machine was busy; timings are noisier than usual' : ''}.`,
    );
  }
  lines.push('');

  if (result.lint) {
    const { corpus, summary, ratios } = result.lint;
    const mb = (corpus.realBytes + corpus.generatedBytes) / 1024 / 1024;
    lines.push('#### Lint overhead', '');
    lines.push(
      `Corpus: ${fmtInt(result.lint.files)} files, ${mb.toFixed(1)} MB — ${fmtInt(corpus.realFiles)} .js/.ts sources shipped in ${corpus.packages} installed packages ` +
        `(the server frameworks and their runtime dependencies; ${corpus.excludedBundles} minified or >100 kB bundles left out; ${corpus.realMentionCors} mention CORS) ` +
        `and ${corpus.generatedFiles} generated server files with CORS policies (${Object.entries(corpus.frameworks).sort().map(([name, count]) => `${name} ${count}`).join(', ')}). ` +
        `ESLint Node API, typescript-eslint parser for every file, one thread, no cache. ${result.lint.rounds} rounds; in each, a fresh process per variant ` +
        `loads ESLint and its config (start-up) and lints the whole corpus in ${result.lint.chunks} chunks, the processes taking turns on every chunk.`,
      '',
    );
    lines.push(
      '| Variant | Start-up | Lint | Total (median) | CPU time of the lint | Over no rules (median of paired rounds) | Over no rules (per-chunk best times) | Over one no-op rule (median of paired rounds) | Problems reported |',
    );
    lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    const over = { none: '—', noop: percent(ratios.noopOverNone.median - 1), cors: percent(ratios.corsOverNone.median - 1), sonar: percent(ratios.sonarOverNone.median - 1) };
    const overBest = { none: '—', noop: percent(ratios.noopOverNone.best - 1), cors: percent(ratios.corsOverNone.best - 1), sonar: percent(ratios.sonarOverNone.best - 1) };
    const overNoop = { none: '', noop: '—', cors: percent(ratios.corsOverNoop.median - 1), sonar: percent(ratios.sonarOverNoop.median - 1) };
    for (const [id, row] of Object.entries(summary)) {
      lines.push(
        `| ${row.label} | ${seconds(row.startMs)} | ${seconds(row.lintMs)} | ${seconds(row.totalMs)} | ${seconds(row.cpuMs)} | ${over[id]} | ${overBest[id]} | ${overNoop[id]} | ${fmtInt(row.problems)} |`,
      );
    }
    lines.push('');
    lines.push(
      `Total = start-up + lint. Ratios of the totals, median (all rounds): all cors/* ÷ no rules ${ratio(ratios.corsOverNone.median)} (${ratios.corsOverNone.runs.map((value) => value.toFixed(3)).join(', ')}); ` +
        `sonarjs/cors ÷ no rules ${ratio(ratios.sonarOverNone.median)} (${ratios.sonarOverNone.runs.map((value) => value.toFixed(3)).join(', ')}); ` +
        `all cors/* ÷ sonarjs/cors ${ratio(ratios.corsOverSonar.median)} (${ratios.corsOverSonar.runs.map((value) => value.toFixed(3)).join(', ')}). ` +
        `From the per-chunk best times (a cross-check that other load on the machine cannot inflate): ` +
        `${ratio(ratios.corsOverNone.best)}, ${ratio(ratios.sonarOverNone.best)} and ${ratio(ratios.corsOverSonar.best)}. ` +
        `One rule that does nothing ÷ no rules: ${ratio(ratios.noopOverNone.median)} (${ratios.noopOverNone.runs.map((value) => value.toFixed(3)).join(', ')}) — ` +
        `what ESLint costs as soon as any rule is configured; all cors/* ÷ that: ${ratio(ratios.corsOverNoop.median)} (${ratios.corsOverNoop.runs.map((value) => value.toFixed(3)).join(', ')}), ` +
        `sonarjs/cors ÷ that: ${ratio(ratios.sonarOverNoop.median)}. The budget is judged against the no-op rule, on the medians.`,
      '',
    );
  }

  if (result.timing) {
    const times = result.timing.times;
    const cors = Object.entries(times).filter(([rule]) => rule.startsWith('cors/'));
    const corsTotal = cors.reduce((sum, [, ms]) => sum + ms, 0);
    const none = result.lint?.summary.none.lintMs;
    lines.push('Per-rule time, as ESLint reports it with `TIMING=all` (one extra pass over the same corpus with every rule above on):', '');
    lines.push('| Rule | Time | Share of the no-rules lint time (median, above) |');
    lines.push('|---|--:|--:|');
    const share = (ms) => (none ? `${((ms / none) * 100).toFixed(2)}%` : '');
    for (const [rule, ms] of Object.entries(times).sort((a, b) => b[1] - a[1])) lines.push(`| ${rule} | ${ms.toFixed(0)} ms | ${share(ms)} |`);
    lines.push(`| **all cors/* rules** | **${corsTotal.toFixed(0)} ms** | **${share(corsTotal)}** |`);
    lines.push('');
    lines.push(
      'The rules share one CORS model per file, so the rule whose `Program:exit` runs first on a file pays for reading it ' +
        '(and ESLint charges garbage-collection pauses to whichever rule is running), hence one rule carrying most of the total.',
      '',
    );
  }

  if (result.fix) {
    lines.push('#### cors-fix --check', '');
    const repo = result.fix.repos[SIZES[SIZES.length - 1]];
    lines.push(
      `Generated git repositories (committed; file i is the same in every size): source files of log-normal size around 2.5 kB ` +
        `(${(repo.bytes / repo.files / 1024).toFixed(1)} kB on average), 1% of them server files with CORS policies ` +
        `(${Object.entries(repo.frameworks).sort().map(([name, count]) => `${name} ${count}`).join(', ')} in the largest). ` +
        `Baseline: \`node bench/baseline-list-read.js\` — \`git ls-files -co --exclude-standard\`, the same source filter, read every file. ` +
        `Each run is a fresh process (wall time spawn to exit): \`node <bin>\` directly, and \`npx --no-install cors-fix\` / \`npx --no-install list-and-read\` ` +
        `from the repository, where both are installed as npm installs a local folder; medians of ${result.options['fix-rounds']} runs in rotating order; ` +
        `peak RSS is the maximum over the direct runs.`,
      '',
    );
    lines.push(
      '| Files | cors-fix --check | Baseline | Ratio | Through npx: cors-fix | Through npx: baseline | Ratio | cors-fix peak RSS | Baseline peak RSS | Files cors-fix would change |',
    );
    lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    const row = (name, size) =>
      `| ${name} | ${seconds(size.fixMs)} | ${seconds(size.baselineMs)} | ${ratio(size.fixMs / size.baselineMs)} | ${seconds(size.npxFixMs)} | ${seconds(size.npxBaselineMs)} | ` +
      `${ratio(size.npxFixMs / size.npxBaselineMs)} | ${megabytes(size.fixRssKb)} | ${megabytes(size.baselineRssKb)} | ${size.summary.changed} |`;
    for (const size of result.fix.sizes) lines.push(row(fmtInt(size.files), size));
    const control = result.fix.control;
    if (control) lines.push(row(`${fmtInt(control.files)}, none with CORS (control)`, control));
    const growth = growthOf(result.fix.sizes);
    lines.push('');
    if (control) {
      const full = result.fix.sizes[result.fix.sizes.length - 1];
      const corsFiles = result.fix.repos[full.files].cors;
      lines.push(
        `Where the ${fmtInt(full.files)}-file time goes: the baseline ${seconds(full.baselineMs)}; start-up, discovery and the pre-filter over files ` +
          `without CORS (control run minus baseline) ${seconds(control.fixMs - control.baselineMs)}; the ${corsFiles} files with CORS policies ` +
          `(full run minus control run) ${seconds(full.fixMs - control.fixMs)}, ${((full.fixMs - control.fixMs) / corsFiles).toFixed(0)} ms each.`,
        '',
      );
    }
    lines.push(
      `Growth of cors-fix --check per 1,000 files: ${growth.early.toFixed(0)} ms from 1,000 to 5,000 files, ${growth.late.toFixed(0)} ms from 5,000 to 10,000 ` +
        `(peak RSS ${growth.rssEarly.toFixed(1)} and ${growth.rssLate.toFixed(1)} MB per 1,000 files).`,
      '',
    );
    const staged = result.fix.staged;
    if (staged) {
      lines.push(
        `The pre-commit case: \`cors-fix --check\` on ${staged.files} named files of the ${fmtInt(SIZES[SIZES.length - 1])}-file repository ` +
          `(${staged.changed} of them with a CORS policy it would change): ${seconds(staged.ms)} wall directly, ${seconds(staged.npxMs)} through npx ` +
          `(medians of ${staged.runsMs.length} runs each; peak RSS ${megabytes(staged.rssKb)}).`,
        '',
      );
    }
  }

  if (result.languageServer) {
    const blocks = result.options['ls-blocks'];
    const perBlock = result.options['ls-per-block'];
    lines.push('#### Language server', '');
    lines.push(
      `\`vscode-eslint-language-server\` (vscode-langservers-extracted ${result.machine.langservers}) over stdio, one server holding three copies of the ` +
        `same TypeScript Express server file under three configurations, all with the typescript-eslint parser: no rules, one rule that does nothing, ` +
        `all eight \`cors/*\` rules. Each request edits the file (a full-text \`didChange\`) and pulls its diagnostics (\`textDocument/diagnostic\`); the latency ` +
        `is from sending the edit to the answer. ${blocks} blocks of ${perBlock} requests per copy, the copies taking turns, after a warm-up.`,
      '',
    );
    lines.push(
      '| File | No rules (median) | One no-op rule (median) | All cors/* rules (median) | Rules ÷ no rules, ratio of the medians | Rules ÷ no rules, median of the block ratios | Rules ÷ no-op rule, median of the block ratios | cors/* diagnostics |',
    );
    lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const size of result.languageServer) {
      lines.push(
        `| ${fmtInt(size.lines)} lines | ${size.offMs.toFixed(1)} ms | ${size.noopMs.toFixed(1)} ms | ${size.onMs.toFixed(1)} ms | ${ratio(size.ratio)} | ${ratio(size.blockRatio)} | ${ratio(size.overNoop)} | ${size.corsDiagnostics} |`,
      );
    }
    lines.push('');
  }

  lines.push('#### Budgets', '');
  lines.push('| Budget | Measured | Verdict |');
  lines.push('|---|---|---|');
  for (const verdict of result.verdicts) lines.push(`| ${verdict.budget} | ${verdict.measured} | ${verdict.ok ? '✅ holds' : '❌ missed'} |`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

const BEGIN = '<!-- begin bench results -->';
const END = '<!-- end bench results -->';

function updateDocs(markdown) {
  const docs = readFileSync(DOCS, 'utf8');
  const start = docs.indexOf(BEGIN);
  const end = docs.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS} has no ${BEGIN} … ${END} section`);
  writeFileSync(DOCS, `${docs.slice(0, start + BEGIN.length)}\n\n${markdown}\n${docs.slice(end)}`);
  progress(`updated ${DOCS}`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exitCode = 2;
});
