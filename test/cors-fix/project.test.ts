/**
 * cors-fix sees the whole project: each case is a small multi-file app that a per-file fix got wrong (options in a
 * config module, routes in routers and controllers, two audiences, options outside the repository), checked for one
 * complete fix in one run, a second run that changes nothing, no silent change of credentials, and a review list that
 * agrees with ESLint.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCorsFix } from '../../src/cors-fix/pipeline.js';
import { readSourceText } from '../../src/cors-fix/source-store.js';
import { eslintRecommended, fixProject, git, makeTemp, removeTemp, runCli } from './helpers.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A git repository holding `files`, committed. */
function repository(files: Record<string, string>): string {
  const root = makeTemp('cors-project-');
  temps.push(root);
  write(root, files);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

/** Fixes once, asserts that a second run changes nothing and that ESLint reports nothing the run did not list. */
async function fixTwice(root: string) {
  const first = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS', force: true });
  expect(first.summary.failed, JSON.stringify(first.files)).toBe(0);
  const second = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS', force: true });
  expect(second.summary.changed, JSON.stringify(second.diffs, null, 2)).toBe(0);
  const review = first.review.map((item) => ({ ruleId: item.ruleId, file: item.file, line: item.line, column: item.column, message: item.message }));
  expect(review).toEqual(expect.arrayContaining(await eslintRecommended(root)));
  return first;
}

describe('options imported from a config module, SSE served by the registering file', () => {
  it('fixes the origin and the SSE headers in one run, where the options are defined', async () => {
    const root = repository({
      'package.json': '{ "name": "api", "type": "module" }\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
      'src/config/cors.ts': "import type { CorsOptions } from 'cors';\n\nexport const apiCors: CorsOptions = { origin: true, credentials: true };\n",
      'src/main.ts': [
        "import express from 'express';",
        "import cors from 'cors';",
        "import { apiCors } from './config/cors.js';",
        '',
        'const app = express();',
        'app.use(cors(apiCors));',
        "app.get('/feed', (req, res) => {",
        "  res.setHeader('Content-Type', 'text/event-stream');",
        "  res.write(`id: ${req.get('Last-Event-ID') ?? 0}\\n\\n`);",
        '});',
        'app.listen(3000);',
        '',
      ].join('\n'),
    });
    const report = await fixTwice(root);
    const options = read(root, 'src/config/cors.ts');
    expect(options).toContain('origin: corsOrigins.check');
    expect(options).toContain("allowedHeaders: ['Content-Type', 'Authorization', 'Last-Event-ID', 'Cache-Control']");
    expect(options).toContain('credentials: true');
    expect(read(root, 'src/main.ts')).toBe(read(root, 'src/main.ts').replace('corsOrigins', 'corsOrigins')); // untouched file stays readable
    expect(report.changes.map((change) => `${change.file} ${change.text}`)).toContain("src/config/cors.ts allowedHeaders: Content-Type, Authorization, Last-Event-ID, Cache-Control");
  });
});

describe('NestJS with an @Sse() endpoint in a controller file', () => {
  it('allows the SSE resume headers, found through the module graph', async () => {
    const root = repository({
      'package.json': '{ "name": "nest-api" }\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'CommonJS', experimentalDecorators: true, emitDecoratorMetadata: true } }),
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableCors();\n  await app.listen(3000);\n}\nbootstrap();\n",
      'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { EventsController } from './events.controller';\n\n@Module({ controllers: [EventsController] })\nexport class AppModule {}\n",
      'src/events.controller.ts': "import { Controller, Post, Sse } from '@nestjs/common';\nimport { interval, map } from 'rxjs';\n\n@Controller('events')\nexport class EventsController {\n  @Sse('stream')\n  stream() {\n    return interval(1000).pipe(map((n) => ({ data: n })));\n  }\n\n  @Post()\n  create() {\n    return {};\n  }\n}\n",
    });
    await fixTwice(root);
    const main = read(root, 'src/main.ts');
    expect(main).toContain("allowedHeaders: ['Content-Type', 'Last-Event-ID', 'Cache-Control']");
    expect(main).toContain("methods: ['GET', 'HEAD', 'POST']");
    expect(main).not.toContain('credentials');
  });
});

describe('two audiences', () => {
  it('gives an admin router with its own allowlist its own variable, next to the public app', async () => {
    const root = repository({
      'package.json': '{ "name": "shop", "type": "module" }\n',
      'src/admin.js': [
        "import express from 'express';",
        "import cors from 'cors';",
        '',
        'export const adminRouter = express.Router();',
        "adminRouter.use(cors({ origin: ['https://admin.example.com', 'https://ops.example.com'], credentials: true }));",
        "adminRouter.delete('/users/:id', (req, res) => res.end());",
        '',
      ].join('\n'),
      'src/server.js': [
        "import express from 'express';",
        "import cors from 'cors';",
        "import { adminRouter } from './admin.js';",
        '',
        'const app = express();',
        "app.use('/admin', adminRouter);",
        "app.use('/api', cors({ origin: '*' }));",
        "app.get('/api/products', (req, res) => res.json([]));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    });
    const report = await fixTwice(root);
    expect(read(root, 'src/admin.js')).toContain('origin: adminCorsOrigins.check');
    expect(read(root, 'src/server.js')).toContain('origin: corsOrigins.check');
    expect(read(root, 'src/cors-origins.js')).toContain("allowlist('ADMIN_CORS_ORIGINS')");
    const env = read(root, '.env.example');
    expect(env).toContain('ADMIN_CORS_ORIGINS=https://admin.example.com,https://ops.example.com');
    expect(env).toMatch(/^CORS_ORIGINS=$/mu);
    expect(report.policies.map((policy) => [policy.file, policy.variable])).toEqual([
      ['src/admin.js', 'ADMIN_CORS_ORIGINS'],
      ['src/server.js', 'CORS_ORIGINS'],
    ]);
  });

  it('lets --env-var name=VARIABLE choose the other audience’s variable', async () => {
    const root = repository({
      'server.js': "import express from 'express';\nimport cors from 'cors';\nconst app = express();\nconst admin = express.Router();\nadmin.use(cors({ origin: ['https://admin.example.com'] }));\napp.use('/admin', admin);\napp.use(cors({ origin: '*' }));\n",
    });
    expect((await runCli(root, '--env-var', 'admin=BACKOFFICE_ORIGINS', '--force')).code).toBe(0);
    expect(read(root, 'cors-origins.js')).toContain("allowlist('BACKOFFICE_ORIGINS')");
    expect(read(root, '.env.example')).toContain('BACKOFFICE_ORIGINS=https://admin.example.com');
  });
});

describe('credentials are never changed silently', () => {
  it.each([
    ['express `*`', "import cors from 'cors';\napp.use(cors({ origin: '*' }));\n"],
    ['express `origin: true`', "import cors from 'cors';\napp.use(cors({ origin: true }));\n"],
    ['NestJS enableCors()', "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.enableCors();\n"],
  ])('%s stays without credentials', async (_name, code) => {
    const { text } = await fixProject({ 'server.js': code });
    expect(text('server.js')).not.toContain('credentials');
  });

  it('reports cookies in use with credentials off for review, and writes nothing about them', async () => {
    const { text, report } = await fixProject({
      'server.js': "import express from 'express';\nimport cors from 'cors';\nimport session from 'express-session';\nconst app = express();\napp.use(cors({ origin: '*' }));\napp.use(session({ secret: 's' }));\n",
    });
    expect(text('server.js')).not.toContain('credentials');
    expect(report.review).toContainEqual(expect.objectContaining({ ruleId: 'cors-fix/cookies-without-credentials', file: 'server.js', line: 5 }));
  });
});

describe('the repository is the boundary', () => {
  it('leaves options imported from outside the repository alone, and creates nothing outside it', async () => {
    const parent = makeTemp('cors-outside-');
    temps.push(parent);
    write(parent, { 'outside/options.js': "export const options = { origin: '*' };\n" });
    const root = join(parent, 'app');
    mkdirSync(root);
    write(root, { 'server.js': "import cors from 'cors';\nimport { options } from '../outside/options.js';\napp.use(cors(options));\n" });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
    const report = await runCorsFix({ cwd: root, paths: ['.'], mode: 'write', envVar: 'CORS_ORIGINS' });
    expect(read(parent, 'outside/options.js')).toBe("export const options = { origin: '*' };\n");
    expect(existsSync(join(parent, 'outside/cors-origins.js'))).toBe(false);
    expect(existsSync(join(parent, '.env.example'))).toBe(false);
    expect(report.files.find((file) => file.file === 'server.js')?.notes.join(' ')).toContain('could not follow');
  });

  it('refuses a path outside the repository unless --force', async () => {
    const parent = makeTemp('cors-outside-');
    temps.push(parent);
    const root = join(parent, 'app');
    write(parent, { 'other/server.js': "import cors from 'cors';\napp.use(cors());\n", 'app/readme.txt': 'x\n' });
    git(root, 'init', '-q', '-b', 'main');
    const result = await runCli(root, '--dry', '../other');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is outside the repository');
  });
});

describe('the allowlist survives how frameworks and startup code copy it', () => {
  it('gives fastify a per-request check, kept patterns tested beside it, so a .env loaded after the imports still counts', async () => {
    const root = repository({
      'package.json': '{ "name": "f", "type": "module" }\n',
      'server.js': "import 'dotenv/config';\nimport Fastify from 'fastify';\nimport cors from '@fastify/cors';\nconst app = Fastify();\nawait app.register(cors, { origin: ['https://a.example.com', /^https:\\/\\/preview-\\d+\\.example\\.com$/] });\n",
    });
    await fixTwice(root);
    const server = read(root, 'server.js');
    expect(server).toContain('origin: (origin, callback) => callback(null, corsOrigins.has(origin) || /^https:\\/\\/preview-\\d+\\.example\\.com$/.test(origin ?? \'\'))');
    expect(server).not.toContain('...corsOrigins');
  });
});

describe('lint and cors-fix agree', () => {
  it('a kept pattern stays in the review list, so --check fails until it is fixed or accepted', async () => {
    const root = repository({ 'server.js': "import cors from 'cors';\napp.use(cors({ origin: [/^https:\\/\\/app\\.example\\.com$/], methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n" });
    const check = await runCli(root, '--check', '--json');
    const report = JSON.parse(check.stdout);
    expect(check.code).toBe(1);
    expect(report.review).toContainEqual(expect.objectContaining({ ruleId: 'cors/no-hardcoded-origins', file: 'server.js', line: 2 }));
    expect(report.findings.every((finding: { action: string }) => finding.action !== 'fixed')).toBe(true);
    // Accepted with an eslint-disable comment, as ESLint accepts it: both pass.
    write(root, { 'server.js': "import cors from 'cors';\n// eslint-disable-next-line cors/no-hardcoded-origins -- one fixed partner origin\napp.use(cors({ origin: [/^https:\\/\\/app\\.example\\.com$/], methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: 600 }));\n" });
    expect(await eslintRecommended(root)).toEqual([]);
    const accepted = await runCli(root, '--check', '--json');
    expect(JSON.parse(accepted.stdout).review).toEqual([]);
    expect(accepted.code).toBe(0);
  });

  it('--dry and --check report what they would do as pending, never as fixed', async () => {
    const root = repository({ 'server.js': "import cors from 'cors';\napp.use(cors({ origin: '*' }));\n" });
    for (const mode of ['--dry', '--check']) {
      const report = JSON.parse((await runCli(root, mode, '--json')).stdout);
      expect(report.findings.map((finding: { action: string }) => finding.action)).not.toContain('fixed');
      expect(report.findings.map((finding: { action: string }) => finding.action)).toContain('pending');
    }
    const sarif = JSON.parse((await runCli(root, '--check', '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.map((result: { properties: { action: string } }) => result.properties.action)).not.toContain('fixed');
  });
});

describe('files and exit codes', () => {
  it('reports a path that cannot be read with the reason instead of failing', () => {
    const root = repository({ 'server.js': "import cors from 'cors';\n" });
    mkdirSync(join(root, 'folder.js'));
    expect(readSourceText(join(root, 'folder.js'))).toEqual({ kind: 'skipped', reason: 'cannot be read (EISDIR)' });
    expect(readSourceText(join(root, 'missing.js'))).toEqual({ kind: 'skipped', reason: 'cannot be read (ENOENT)' });
  });

  it('does not add request headers the code never mentions', async () => {
    const { text } = await fixProject({ 'server.js': "import cors from 'cors';\napp.use(cors({ origin: '*' }));\napp.get('/', (req, res) => res.end());\n" });
    expect(text('server.js')).not.toContain('X-Request-ID');
  });
});

describe('origin functions are rewritten once', () => {
  it('keeps a callback with logging and regex entries, rewriting only its exact comparisons; a second run changes nothing', async () => {
    const root = repository({
      'server.js': [
        "import cors from 'cors';",
        "const allowedOrigins = ['https://app.example.com', /^https:\\/\\/.*\\.vercel\\.app$/];",
        'app.use(cors({',
        '  origin(origin, callback) {',
        "    console.log('CORS check', origin);",
        '    if (!origin || allowedOrigins.some((o) => (o instanceof RegExp ? o.test(origin) : o === origin))) return callback(null, true);',
        "    callback(new Error('Not allowed by CORS'));",
        '  },',
        "  methods: ['GET'],",
        "  allowedHeaders: ['Content-Type'],",
        '}));',
        '',
      ].join('\n'),
    });
    await fixTwice(root);
    expect(read(root, 'server.js')).toBe(
      [
        "import cors from 'cors';",
        "import { corsOrigins } from './cors-origins';",
        'const allowedOrigins = [/^https:\\/\\/.*\\.vercel\\.app$/];',
        'app.use(cors({',
        '  origin(origin, callback) {',
        "    console.log('CORS check', origin);",
        '    if (!origin || (corsOrigins.has(origin) || allowedOrigins.some((o) => (o instanceof RegExp ? o.test(origin) : o === origin)))) return callback(null, true);',
        "    callback(new Error('Not allowed by CORS'));",
        '  },',
        "  methods: ['GET'],",
        "  allowedHeaders: ['Content-Type'],",
        '  maxAge: 600,',
        '}));',
        '',
      ].join('\n'),
    );
  });

  it('leaves an exported list that mixes origins and patterns to the user, with the reason', async () => {
    const root = repository({
      'lists.js': "export const allowed = ['https://app.example.com', /^https:\\/\\/pr-\\d+\\.example\\.com$/];\n",
      'server.js': "import cors from 'cors';\nimport { allowed } from './lists.js';\napp.use(cors({ origin: (origin, cb) => cb(null, allowed.some((o) => (typeof o === 'string' ? o === origin : o.test(origin)))), methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: 600 }));\n",
    });
    const report = await fixTwice(root);
    expect(read(root, 'lists.js')).toContain("'https://app.example.com'");
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'lists.js', line: 1, action: 'skipped', detail: expect.stringContaining('the list is exported') }));
  });
});

describe('lists written in another file', () => {
  it('rewrites an imported list where it is written, and imports the allowlist there', async () => {
    const root = repository({
      'package.json': '{ "name": "lists", "type": "module" }\n',
      'config.js': [
        '// Origins allowed to call the API, one per environment',
        "export const allowedOrigins = ['https://app.example.com', 'https://staging.example.com'];",
        '',
      ].join('\n'),
      'server.js': [
        "import cors from 'cors';",
        "import express from 'express';",
        "import { allowedOrigins } from './config.js';",
        'const app = express();',
        "app.use('/a', cors({ origin: allowedOrigins, methods: ['GET'], allowedHeaders: ['Content-Type'], maxAge: 600 }));",
        "app.get('/a/x', (req, res) => res.end());",
        '',
      ].join('\n'),
    });
    const report = await fixTwice(root);
    expect(read(root, 'config.js')).toBe(
      [
        "import { corsOrigins } from './cors-origins.js';",
        '',
        '// Origins allowed to call the API, one per environment',
        // Still a list (live: it fills in when CORS_ORIGINS is read), for every other reader of it.
        'export const allowedOrigins = corsOrigins;',
        '',
      ].join('\n'),
    );
    expect(read(root, '.env.example')).toContain('CORS_ORIGINS=https://app.example.com,https://staging.example.com');
    expect(report.review).toEqual([]);
  });
});
