/**
 * The lint corpus: every .js/.ts source shipped in the installed server frameworks and their runtime dependencies
 * (copied out of node_modules, which flat config always ignores), plus generated server files with CORS policies.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { MIGHT_HAVE_CORS, serverFile } from './generate.js';
import { rng } from './random.js';

/** The framework packages the plugin knows (and the peers they ship with); their runtime dependencies are added. */
export const ROOT_PACKAGES = [
  'express', 'cors', 'fastify', '@fastify/cors', 'hono', '@hono/node-server', 'koa', '@koa/cors', '@koa/router',
  'koa2-cors', '@nestjs/common', '@nestjs/core', '@nestjs/platform-express', '@nestjs/platform-fastify', 'socket.io',
  'engine.io', 'elysia', '@elysiajs/cors', '@elysiajs/node', '@apollo/server',
];

const SOURCE = /\.[cm]?[jt]s$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
const MINIFIED = /\.min\.[cm]?js$/u;
/** Bundles above this size are generated code that projects keep out of lint (ajv.bundle.js, protobuf.js, …). */
export const MAX_CORPUS_FILE_BYTES = 100 * 1024;

/** The packages in `roots` and, transitively, their `dependencies` that are installed at the top of node_modules. */
export function packageClosure(projectRoot, roots = ROOT_PACKAGES) {
  const found = new Map();
  const visit = (name) => {
    if (found.has(name)) return;
    const directory = join(projectRoot, 'node_modules', name);
    if (!existsSync(join(directory, 'package.json'))) return;
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    found.set(name, { directory, version: manifest.version });
    for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) visit(dependency);
  };
  for (const root of roots) visit(root);
  return [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, info]) => ({ name, ...info }));
}

function sourcesIn(directory, out = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) sourcesIn(path, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Writes the corpus to `directory` (replacing what is there) and describes it. `generated` server files are
 * spread over the frameworks deterministically.
 */
export function buildLintCorpus(projectRoot, directory, { generated = 300 } = {}) {
  rmSync(directory, { recursive: true, force: true });
  const packages = packageClosure(projectRoot);
  let realFiles = 0;
  let bytes = 0;
  let mentionCors = 0;
  let excluded = 0;
  for (const pkg of packages) {
    for (const file of sourcesIn(pkg.directory)) {
      if (MINIFIED.test(file) || statSync(file).size > MAX_CORPUS_FILE_BYTES) {
        excluded++;
        continue;
      }
      const target = join(directory, 'packages', pkg.name.replace('/', '__'), relative(pkg.directory, file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      const text = readFileSync(file, 'utf8');
      realFiles++;
      bytes += statSync(file).size;
      if (MIGHT_HAVE_CORS.test(text)) mentionCors++;
    }
  }
  const frameworks = {};
  let generatedBytes = 0;
  for (let index = 0; index < generated; index++) {
    const file = serverFile(rng('lint-server', index));
    frameworks[file.framework] = (frameworks[file.framework] ?? 0) + 1;
    const target = join(directory, 'generated', file.framework, `server-${String(index).padStart(4, '0')}${file.ext}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    generatedBytes += Buffer.byteLength(file.text);
  }
  return {
    packages: packages.length,
    packageNames: packages.map((pkg) => `${pkg.name}@${pkg.version}`),
    realFiles,
    realBytes: bytes,
    realMentionCors: mentionCors,
    excludedBundles: excluded,
    generatedFiles: generated,
    generatedBytes,
    frameworks,
  };
}
