/**
 * The model side: the source file a user would write for a configuration, parsed the way ESLint parses it (Linter +
 * @typescript-eslint/parser) and read with `readCorsFile`, the same function every rule calls.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { readCorsFile } from '../../../src/model/index.js';
import type { CorsFile, CorsPolicy } from '../../../src/model/index.js';
import { type Config, type Target, delegateSource, optionsSource } from './config.js';

/** The model's framework entry id each target must be read as. */
export const EXPECTED_ENTRY: Record<Target, readonly string[]> = {
  express: ['cors'],
  fastify: ['@fastify/cors'],
  hono: ['hono/cors'],
  koa: ['@koa/cors'],
  koa2: ['koa2-cors'],
  'nest-express': ['@nestjs/core', '@nestjs/core#create'],
  // The model follows the adapter: apps created with `new FastifyAdapter()` get the fastify variant of the entry.
  'nest-fastify': ['@nestjs/core+fastify', '@nestjs/core#create+fastify'],
  'socket.io': ['socket.io'],
  elysia: ['@elysiajs/cors'],
};

/** The server file a user would write for this configuration. */
export function sourceFor(config: Config): string {
  const options = optionsSource(config.options);
  const args = options === null ? '' : options;
  switch (config.target) {
    case 'express':
      return [
        `import express from 'express';`,
        `import cors from 'cors';`,
        `const app = express();`,
        `app.use(cors(${config.form === 'delegate' ? delegateSource(config.options) : args}));`,
        `app.get('/', (req, res) => { res.send('ok'); });`,
        `app.listen(3000);`,
      ].join('\n');
    case 'fastify':
      return [
        `import Fastify from 'fastify';`,
        `import cors from '@fastify/cors';`,
        `const app = Fastify();`,
        options === null ? `await app.register(cors);` : `await app.register(cors, ${options});`,
        `app.get('/', async () => 'ok');`,
        `await app.listen({ port: 3000 });`,
      ].join('\n');
    case 'hono':
      return [
        `import { Hono } from 'hono';`,
        `import { cors } from 'hono/cors';`,
        `import { serve } from '@hono/node-server';`,
        `const app = new Hono();`,
        `app.use('*', cors(${args}));`,
        `app.get('/', (c) => c.text('ok'));`,
        `serve({ fetch: app.fetch, port: 3000 });`,
      ].join('\n');
    case 'koa':
    case 'koa2':
      return [
        `import Koa from 'koa';`,
        `import cors from '${config.target === 'koa' ? '@koa/cors' : 'koa2-cors'}';`,
        `const app = new Koa();`,
        `app.use(cors(${args}));`,
        `app.use((ctx) => { ctx.body = 'ok'; });`,
        `app.listen(3000);`,
      ].join('\n');
    case 'nest-express':
    case 'nest-fastify': {
      const fastify = config.target === 'nest-fastify';
      const lines = [`import { NestFactory } from '@nestjs/core';`];
      if (fastify) lines.push(`import { FastifyAdapter } from '@nestjs/platform-fastify';`);
      lines.push(`import { AppModule } from './app.module';`, ``, `async function bootstrap() {`);
      const adapter = fastify ? ', new FastifyAdapter()' : '';
      if (config.form === 'create') {
        lines.push(`  const app = await NestFactory.create(AppModule${adapter}, { cors: ${options ?? 'true'} });`);
      } else {
        lines.push(`  const app = await NestFactory.create(AppModule${adapter});`, `  app.enableCors(${args});`);
      }
      lines.push(`  await app.listen(3000);`, `}`, `bootstrap();`);
      return lines.join('\n');
    }
    case 'socket.io': {
      const serverOptions =
        config.form === 'server-no-cors' ? '' : config.form === 'server-cors-false' ? ', { cors: false }' : `, { cors: ${options ?? 'true'} }`;
      return [
        `import { createServer } from 'node:http';`,
        `import { Server } from 'socket.io';`,
        `const http = createServer();`,
        `const io = new Server(http${serverOptions});`,
        `io.on('connection', (socket) => socket.emit('hello'));`,
        `http.listen(3000);`,
      ].join('\n');
    }
    case 'elysia':
      return [
        `import { Elysia } from 'elysia';`,
        `import { cors } from '@elysiajs/cors';`,
        `import { node } from '@elysiajs/node';`,
        `const app = new Elysia({ adapter: node() }).use(cors(${args})).get('/', () => 'ok');`,
        `app.listen(3000);`,
      ].join('\n');
    default:
      throw new Error(`unknown target ${String(config.target)}`);
  }
}

const linter = new Linter({ configType: 'flat' });

/** Parses `code` exactly as the plugin's users do and returns the model of the file. */
export function readModel(code: string, filename = 'server.ts'): CorsFile {
  let file: CorsFile | null = null;
  const capture: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          file = readCorsFile(context.sourceCode, context.filename);
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module', ecmaVersion: 'latest' },
        plugins: { gt: { rules: { capture } } } as unknown as Linter.Config['plugins'],
        rules: { 'gt/capture': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`generated code does not parse: ${fatal.message}\n${code}`);
  if (!file) throw new Error('the capture rule did not run');
  return file;
}

export interface ModelReading {
  code: string;
  file: CorsFile;
  /** The policy the file registers (null when the model finds none). */
  policy: CorsPolicy | null;
  /** Something structurally off: no policy where one is registered, several, or the wrong framework entry. */
  structure: string | null;
}

export function modelFor(config: Config): ModelReading {
  const code = sourceFor(config);
  const file = readModel(code);
  const registered = !(config.form === 'server-no-cors' || config.form === 'server-cors-false');
  const policy = file.policies[0] ?? null;
  let structure: string | null = null;
  if (file.policies.length > 1) structure = `model found ${file.policies.length} policies`;
  else if (registered && !policy) structure = 'model found no policy';
  else if (!registered && policy) structure = 'model found a policy where none is registered';
  else if (policy && !EXPECTED_ENTRY[config.target].includes(policy.framework.id)) {
    structure = `model read it as ${policy.framework.id}`;
  }
  return { code, file, policy, structure };
}
