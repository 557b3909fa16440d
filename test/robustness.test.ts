/**
 * No rule may throw on real code: every .js/.mjs/.cjs/.ts file shipped in the installed framework packages is linted
 * with every rule on. Crashes (and fatal parse errors) are collected and reported together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';

const ROOT = join(import.meta.dirname, '..');
const PACKAGES = [
  'express',
  'cors',
  'fastify',
  '@fastify/cors',
  'hono',
  'koa',
  '@koa/cors',
  'koa2-cors',
  '@nestjs/core',
  '@nestjs/common',
  '@nestjs/platform-express',
  '@nestjs/platform-fastify',
  'socket.io',
];
const EXTENSIONS = /\.(?:js|mjs|cjs|ts)$/u;

function filesOf(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...filesOf(path));
    else if (EXTENSIONS.test(entry.name) && statSync(path).size < 2_000_000) files.push(path);
  }
  return files;
}

const files = PACKAGES.flatMap((name) => filesOf(join(ROOT, 'node_modules', name)));
const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`cors/${name}`, 'error' as const]));

it(`lints ${files.length} files from ${PACKAGES.length} framework packages without a rule throwing`, { timeout: 600_000 }, () => {
  expect(files.length).toBeGreaterThan(1000);
  const linter = new Linter();
  const crashes: string[] = [];
  let linted = 0;
  for (const file of files) {
    const sourceType = file.endsWith('.cjs') ? 'commonjs' : file.endsWith('.mjs') || file.endsWith('.ts') ? 'module' : 'script';
    try {
      const messages = linter.verify(
        readFileSync(file, 'utf8'),
        [{ files: ['**/*.*'], linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' }, languageOptions: { parser: tsParser, sourceType: sourceType === 'script' ? 'commonjs' : sourceType }, plugins: { cors: plugin }, rules }],
        // A path outside node_modules: flat config ignores node_modules by default.
        relative(join(ROOT, 'node_modules'), file).replaceAll('node_modules', 'deps'),
      );
      linted += 1;
      // Parse errors of the parser itself (e.g. Flow syntax) are not rule crashes, but must not hide one.
      for (const message of messages) if (message.ruleId === null && !message.fatal && /No matching configuration/u.test(message.message)) crashes.push(`${relative(ROOT, file)}: ${message.message}`);
      for (const message of messages) if (message.fatal && !/Parsing error/u.test(message.message)) crashes.push(`${relative(ROOT, file)}: ${message.message}`);
    } catch (error) {
      crashes.push(`${relative(ROOT, file)}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  expect(crashes).toEqual([]);
  // The packages' own CORS code (cors, @fastify/cors, hono/cors…) is library code: findings are allowed, crashes not.
  expect(linted).toBe(files.length);
});
