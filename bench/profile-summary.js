/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and inclusive time per
 * function, source file and package (time spent there or in anything it called), so that "where does the time go"
 * has a one-screen answer.
 *
 *   node bench/profile-summary.js <file.cpuprofile> [--top 25] [--focus <substring>]
 *
 * --focus limits the inclusive tables to call stacks that pass through a frame whose URL or name contains the text.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, focus: { type: 'string' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/profile-summary.js <file.cpuprofile> [--top N] [--focus text]\n');
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Time per sample: the delta before it.
const selfMs = new Map();
for (let index = 0; index < profile.samples.length; index++) {
  const id = profile.samples[index];
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
}
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

const short = (url) => {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//u, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const cwd = process.cwd();
  return path.startsWith(cwd) ? path.slice(cwd.length + 1) : path;
};
const packageOf = (url) => {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return '(node core)';
  const path = short(url);
  if (path === url.replace(/^file:\/\//u, '')) return path;
  const parts = path.split('/');
  if (url.includes('/node_modules/')) return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return parts.slice(0, parts[0] === 'dist' ? 3 : 2).join('/');
};

const stackOf = (id) => {
  const frames = [];
  for (let current = id; current !== undefined; current = parent.get(current)) frames.push(nodes.get(current).callFrame);
  return frames;
};

const bySelf = new Map();
const byFunction = new Map();
const byFile = new Map();
const byPackage = new Map();
let focused = 0;
for (const [id, ms] of selfMs) {
  const frame = nodes.get(id).callFrame;
  const key = `${frame.functionName || '(anonymous)'}  ${short(frame.url)}:${frame.lineNumber + 1}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + ms);
  const stack = stackOf(id);
  if (values.focus && !stack.some((f) => f.url.includes(values.focus) || f.functionName.includes(values.focus))) continue;
  focused += ms;
  const functions = new Set(stack.filter((f) => f.url).map((f) => `${f.functionName || '(anonymous)'}  ${short(f.url)}:${f.lineNumber + 1}`));
  for (const name of functions) byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  const files = new Set(stack.map((f) => short(f.url)));
  const packages = new Set(stack.map((f) => packageOf(f.url)));
  for (const file of files) byFile.set(file, (byFile.get(file) ?? 0) + ms);
  for (const pkg of packages) byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
}

const table = (title, map, denominator = total) => {
  const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  process.stdout.write(`\n${title}\n`);
  for (const [key, ms] of rows) process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / denominator).toFixed(1).padStart(5)}%  ${key}\n`);
};
process.stdout.write(`total sampled: ${total.toFixed(0)} ms${values.focus ? `; through '${values.focus}': ${focused.toFixed(0)} ms` : ''}\n`);
table('Self time by function', bySelf);
table('Inclusive time by package', byPackage);
table('Inclusive time by file', byFile);
table('Inclusive time by function', byFunction);
