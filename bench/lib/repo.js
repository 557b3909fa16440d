/**
 * Generated application repositories for the cors-fix benchmark: `count` source files of realistic sizes in a
 * nested layout, 1% of them server files with CORS policies of the various frameworks, committed to a fresh git
 * repository. File i is the same in every size, so the 1,000-file repository is a prefix of the 10,000-file one.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSize, fillerText, serverFile } from './generate.js';
import { rng } from './random.js';

const AREAS = ['api', 'services', 'lib', 'models', 'jobs', 'workers', 'utils', 'features', 'domain', 'integrations'];
const FILES_PER_DIRECTORY = 25;

/**
 * One file of the repository: path and text. Every 100th file (index 50, 150, …) has a CORS policy, unless `cors`
 * is false (the control repository: the same layout, ordinary modules only).
 */
export function repoFile(index, { cors = true } = {}) {
  const directory = Math.floor(index / FILES_PER_DIRECTORY);
  const area = AREAS[directory % AREAS.length];
  const dir = `src/${area}/module-${String(directory).padStart(4, '0')}`;
  if (cors && index % 100 === 50) {
    const server = serverFile(rng('repo-server', index));
    return { path: `${dir}/server-${index}${server.ext}`, text: server.text, cors: true, framework: server.framework };
  }
  const r = rng('repo-file', index);
  const kind = r.next();
  const ts = kind < 0.6;
  const commonJs = !ts && kind > 0.9;
  const ext = ts ? '.ts' : commonJs ? '.cjs' : kind > 0.85 ? '.mjs' : '.js';
  return { path: `${dir}/file-${index}${ext}`, text: fillerText(r, { ts, commonJs, targetBytes: fileSize(r) }), cors: false };
}

const git = (cwd, args) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** Identifies the generator: a repository built by the same code with the same arguments is the same. */
function stampOf(count, withCors) {
  const hash = createHash('sha256');
  for (const file of ['./generate.js', './random.js', './repo.js']) hash.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
  return `${hash.digest('hex')} ${count} ${withCors}\n`;
}

/**
 * Writes and commits a repository of `count` files at `directory`; returns a description. A repository left by an
 * earlier run of the same generator, still clean, is reused (its description is kept next to it).
 */
export function buildRepo(directory, count, { cors: withCors = true } = {}) {
  const stampFile = `${directory}.stamp.json`;
  const stamp = stampOf(count, withCors);
  if (existsSync(stampFile) && existsSync(join(directory, '.git'))) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (saved.stamp === stamp && git(directory, ['status', '--porcelain']).length === 0) return saved.description;
  }
  rmSync(stampFile, { force: true });
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  let bytes = 0;
  let cors = 0;
  const frameworks = {};
  const made = new Set();
  for (let index = 0; index < count; index++) {
    const file = repoFile(index, { cors: withCors });
    const path = join(directory, file.path);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, file.text);
    bytes += Buffer.byteLength(file.text);
    if (file.cors) {
      cors++;
      frameworks[file.framework] = (frameworks[file.framework] ?? 0) + 1;
    }
  }
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify({ name: `bench-app-${count}`, private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(directory, '.gitignore'), 'node_modules/\ndist/\n.env\n');
  git(directory, ['init', '-q']);
  git(directory, ['add', '-A']);
  git(directory, ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'Generated benchmark repository']);
  const description = { files: count, bytes, cors, frameworks };
  writeFileSync(stampFile, JSON.stringify({ stamp, description }));
  return description;
}
