/**
 * What an editor user feels: the change-to-diagnostics latency of the ESLint language server
 * (`vscode-eslint-language-server` from vscode-langservers-extracted, the server editors other than VS Code run),
 * with the eight rules on and off. One server process holds three copies of the same file, each under its own
 * `eslint.config.js` (parser only; parser and one rule that does nothing; parser and all `cors/*` rules); every
 * request edits the file (full-text `didChange`) and pulls its diagnostics (`textDocument/diagnostic`), the time from
 * sending the edit to the answer being the latency. The copies take turns in blocks, so that load changes on the
 * machine hit all alike.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fillerText, serverFile } from './generate.js';
import { median, progress } from './measure.js';
import { rng } from './random.js';

const require = createRequire(import.meta.url);
const VARIANTS_MODULE = pathToFileURL(fileURLToPath(new URL('./lint-variants.js', import.meta.url))).href;

/** The server's bin, or a clear error when the package is not installed. */
function serverBin() {
  try {
    const manifest = require.resolve('vscode-langservers-extracted/package.json');
    return join(dirname(manifest), 'bin', 'vscode-eslint-language-server');
  } catch {
    throw new Error('vscode-langservers-extracted is not installed: run npm install (it is a devDependency)');
  }
}

/** An Express server in TypeScript with a CORS policy, grown with ordinary code (its imports left out) to at least `lines` lines. */
export function serverOfLines(lines) {
  for (let seed = 0; ; seed++) {
    const r = rng('langserver', lines, seed);
    const server = serverFile(r, 'express');
    const serverLines = server.text.split('\n').length;
    // A policy the rules report on (a wildcard or a reflected origin), so that the rules have work to do.
    if (server.ext !== '.ts' || serverLines > lines || !/origin: (?:'\*'|true)/u.test(server.text)) continue;
    let text = server.text;
    for (let bytes = 40 * (lines - serverLines); text.split('\n').length < lines; bytes *= 1.2) {
      const filler = fillerText(rng('langserver-filler', lines, seed), { ts: true, targetBytes: bytes });
      text = `${server.text}\n${filler.slice(filler.indexOf('\n\n'))}`;
    }
    return text;
  }
}

/** A minimal LSP client over the server's stdio: requests with promises, answers to the server's own requests. */
function startServer(cwd) {
  const child = spawn(process.execPath, [serverBin(), '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TIMING: '' } });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const log = [];
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const settingsFor = (uri) => ({
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: true,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: { disableRuleComment: { enable: false, location: 'separateLine' }, showDocumentation: { enable: false } },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { uri: pathToFileURL(cwd).href, name: 'bench' },
    uri,
  });
  const onMessage = (message) => {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`${message.error.message} (${message.error.code})`));
      else waiting?.resolve(message.result);
    } else if (message.id !== undefined) {
      // The server asks for settings, to register capabilities, to create progress: answer as an editor would.
      const result = message.method === 'workspace/configuration' ? message.params.items.map((item) => settingsFor(item.scopeUri)) : null;
      send({ id: message.id, result });
    } else if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
      log.push(message.params.message);
    }
  };
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/iu.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      onMessage(JSON.parse(body));
    }
  });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    log,
    request: (method, params) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        send({ id, method, params });
      }),
    notify: (method, params) => send({ method, params }),
    async stop() {
      await this.request('shutdown', null).catch(() => undefined);
      this.notify('exit', null);
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
    stderr: () => Buffer.concat(stderr).toString('utf8'),
  };
}

/**
 * For each file size: `blocks` blocks per variant, each of `perBlock` timed edit-and-pull requests (after a warm-up
 * of `warmup` requests on each). Returns per size the medians with and without the rules and their ratio.
 */
export async function measureLanguageServer(work, { sizes = [50, 2000], blocks = 10, perBlock = 10, warmup = 10 } = {}) {
  mkdirSync(work, { recursive: true });
  const variants = { off: 'none', noop: 'noop', on: 'cors' };
  const names = Object.keys(variants);
  for (const [name, variant] of Object.entries(variants)) {
    mkdirSync(join(work, name), { recursive: true });
    writeFileSync(join(work, name, 'eslint.config.js'), `import { variantConfig } from '${VARIANTS_MODULE}';\n\nexport default await variantConfig('${variant}');\n`);
  }
  const server = startServer(work);
  const results = [];
  try {
    await server.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(work).href,
      workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: false } },
        textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, synchronization: { didSave: false } },
      },
    });
    server.notify('initialized', {});
    for (const lines of sizes) {
      const base = serverOfLines(lines);
      const documents = {};
      for (const name of Object.keys(variants)) {
        const path = join(work, name, `server-${lines}.ts`);
        writeFileSync(path, base);
        const uri = pathToFileURL(path).href;
        documents[name] = { uri, version: 1 };
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: base } });
      }
      // Each edit changes a number in the last line, as typing would; the text stays the same size.
      let edits = 0;
      const editAndPull = async (name) => {
        const document = documents[name];
        document.version++;
        edits++;
        const text = `${base}\nexport const edit = ${edits % 10};\n`;
        const start = process.hrtime.bigint();
        server.notify('textDocument/didChange', { textDocument: { uri: document.uri, version: document.version }, contentChanges: [{ text }] });
        const report = await server.request('textDocument/diagnostic', { textDocument: { uri: document.uri } });
        return { ms: Number(process.hrtime.bigint() - start) / 1e6, report };
      };
      const problems = {};
      for (const name of names) {
        for (let index = 0; index < warmup; index++) {
          const { report } = await editAndPull(name);
          problems[name] = report.items;
        }
      }
      const fatal = Object.values(problems).flat().filter((item) => /Parsing error/u.test(item.message));
      if (fatal.length > 0) throw new Error(`language server: the ${lines}-line file does not parse: ${fatal[0].message}`);
      if (!problems.on.some((item) => String(item.code).startsWith('cors/'))) {
        throw new Error(`language server: no cors/* diagnostic on the ${lines}-line file with the rules on\n${server.log.join('\n')}\n${server.stderr()}`);
      }
      const times = Object.fromEntries(names.map((name) => [name, []]));
      const blockRatios = [];
      const noopRatios = [];
      for (let block = 0; block < blocks; block++) {
        const medians = {};
        for (const name of [...names.slice(block % names.length), ...names.slice(0, block % names.length)]) {
          const runs = [];
          for (let index = 0; index < perBlock; index++) runs.push((await editAndPull(name)).ms);
          times[name].push(...runs);
          medians[name] = median(runs);
        }
        blockRatios.push(medians.on / medians.off);
        noopRatios.push(medians.on / medians.noop);
      }
      const result = {
        lines: base.split('\n').length + 1,
        onMs: median(times.on),
        offMs: median(times.off),
        noopMs: median(times.noop),
        ratio: median(times.on) / median(times.off),
        blockRatio: median(blockRatios),
        blockRatios,
        overNoop: median(noopRatios),
        requests: times.on.length,
        corsDiagnostics: problems.on.filter((item) => String(item.code).startsWith('cors/')).length,
      };
      progress(
        `language server: ${result.lines} lines: ${result.onMs.toFixed(1)} ms with the rules, ${result.offMs.toFixed(1)} ms without ` +
          `(${result.ratio.toFixed(3)}×; median of block ratios ${result.blockRatio.toFixed(3)}×; ${result.overNoop.toFixed(3)}× over one no-op rule)`,
      );
      results.push(result);
      for (const name of Object.keys(variants)) server.notify('textDocument/didClose', { textDocument: { uri: documents[name].uri } });
    }
  } finally {
    await server.stop();
  }
  return results;
}
