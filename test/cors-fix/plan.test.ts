/** The planner on small projects: what it edits, what it never changes, and that fixed code plans nothing. */
import { describe, expect, it } from 'vitest';
import { originValue } from '../../src/cors-fix/allowlist.js';
import { parseSource } from '../../src/cors-fix/parse-source.js';
import { planImport } from '../../src/cors-fix/plan-import.js';
import { applyTextEdits } from '../../src/cors-fix/text-edits.js';
import { detectStyle } from '../../src/cors-fix/text-style.js';
import { expressCors } from '../../src/frameworks/express-cors.js';
import { honoCors } from '../../src/frameworks/hono-cors.js';
import { koaCors } from '../../src/frameworks/koa-cors.js';
import { saferRegex } from '../../src/model/origin-patterns.js';
import { fixProject } from './helpers.js';

async function fix(code: string, filename = 'server.js'): Promise<{ text: string; report: Awaited<ReturnType<typeof fixProject>>['report'] }> {
  const { text, report } = await fixProject({ [filename]: code });
  return { text: text(filename), report };
}

describe('idempotency is a property of the planner', () => {
  it.each([
    ['express', "import cors from 'cors';\nimport { corsOrigins } from './cors-origins.js';\napp.use(cors({ origin: corsOrigins.check, credentials: true, methods: ['GET'], allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));\n"],
    ['@koa/cors', "import cors from '@koa/cors';\nimport { corsOrigins } from './cors-origins.js';\napp.use(cors({ origin: corsOrigins.fromContext, allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));\n"],
    ['raw headers', "import { corsOrigins } from './cors-origins.js';\napp.use((req, res, next) => {\n  if (corsOrigins.has(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  next();\n});\n"],
  ])('%s: a policy on the allowlist with explicit settings yields no finding and no edit', async (_name, code) => {
    const { text, report } = await fix(code);
    expect(report.findings).toEqual([]);
    expect(report.summary.changed).toBe(0);
    expect(text).toBe(code);
  });

  it('every rewrite planned here plans nothing when run again', async () => {
    const sources = [
      "const cors = require('cors');\napp.use(cors());\n",
      "import cors from '@koa/cors';\napp.use(cors({ origin: ['https://a.example.com'], credentials: true }));\n",
      "import cors from 'cors';\nconst ok = ['https://a.example.com'];\napp.use(cors({ origin(origin, cb) { cb(null, ok.includes(origin)); }, methods: '*' }));\n",
      "app.use((req, res, next) => { res.header('Access-Control-Allow-Origin', '*'); next(); });\n",
    ];
    for (const source of sources) {
      const once = await fixProject({ 'server.js': source });
      const files = Object.fromEntries([...once.tree].map(([path, bytes]) => [path, bytes.toString('utf8')]));
      const twice = await fixProject(files);
      expect(twice.report.summary.changed, once.text('server.js')).toBe(0);
    }
  });
});

describe('origins', () => {
  it('replaces a wildcard with the allowlist check and makes the settings explicit, without turning credentials on', async () => {
    const { text, report } = await fix("import cors from 'cors';\napp.use(cors({ origin: '*' }));\n");
    expect(text).toBe(
      "import cors from 'cors';\nimport { corsOrigins } from './cors-origins';\napp.use(cors({\n  origin: corsOrigins.check,\n  methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],\n  allowedHeaders: ['Content-Type'],\n  maxAge: 600,\n}));\n",
    );
    expect(report.changes.map((change) => change.text)).toEqual([
      'origin: corsOrigins.check',
      'methods: GET, HEAD, PUT, PATCH, POST, DELETE',
      'allowedHeaders: Content-Type',
      'maxAge: 600',
    ]);
  });

  it('keeps credentials as written: on stays on, off stays off, and a string is left for review', async () => {
    expect((await fix("import cors from 'cors';\napp.use(cors({ origin: true, credentials: true }));\n")).text).toContain('credentials: true,');
    const off = (await fix("import cors from 'cors';\napp.use(cors({ origin: true, credentials: false, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n")).text;
    expect(off).toContain('  origin: corsOrigins.check,\n  credentials: false,\n');
    expect(off).not.toContain('Authorization');
    const text = await fix("import cors from 'cors';\napp.use(cors({ origin: ['https://a.example.com'], credentials: 'true', methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n");
    expect(text.text).toContain("credentials: 'true'");
    expect(text.report.findings.find((finding) => finding.ruleId === 'cors/valid-options')).toMatchObject({ action: 'review', detail: expect.stringContaining('reads "true" as credentials off') });
  });

  it('turns equality checks into the allowlist check, collapsing `a || b` and keeping negations', async () => {
    const either = await fix(
      "app.use((req, res, next) => {\n  const origin = req.headers.origin;\n  if (origin === 'https://a.example.com' || origin === 'https://b.example.com') res.setHeader('Access-Control-Allow-Origin', origin);\n  next();\n});\n",
    );
    expect(either.text).toContain("if (corsOrigins.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);");
    expect(either.report.supportFiles.find((file) => file.kind === 'env-example')?.variables).toEqual([
      { variable: 'CORS_ORIGINS', origins: ['https://a.example.com', 'https://b.example.com'] },
    ]);
    const unless = await fix(
      "app.use((req, res, next) => {\n  const origin = req.headers.origin;\n  if (origin !== 'https://c.example.com') return next();\n  res.setHeader('Access-Control-Allow-Origin', origin);\n  next();\n});\n",
    );
    expect(unless.text).toContain("if (!corsOrigins.has(origin)) return next();\n  res.setHeader('Access-Control-Allow-Origin', origin);");
  });

  it('replaces substring checks and lists them for review', async () => {
    const { text, report } = await fix(
      "import cors from 'cors';\napp.use(cors({ origin: (origin, cb) => cb(null, !origin || origin.endsWith('.example.com')), methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n",
    );
    expect(text).toContain('cb(null, !origin || corsOrigins.has(origin))');
    expect(report.findings.find((finding) => finding.ruleId === 'cors/no-unsafe-origin-pattern')?.action).toBe('review');
  });

  it('guards a raw Allow-Origin write, with braces when an `else` would otherwise change owner', async () => {
    const { text } = await fix("app.use((req, res, next) => {\n  if (req.path !== '/health') res.setHeader('Access-Control-Allow-Origin', '*');\n  else next();\n});\n");
    expect(text).toContain("if (req.path !== '/health') { if (corsOrigins.has(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin); }\n  else next();");
    expect(text).not.toContain('Access-Control-Allow-Credentials');
  });

  it('reports raw headers it cannot tie to a request as skipped', async () => {
    const { text, report } = await fix("const headers = { 'Access-Control-Allow-Origin': '*' };\nexport const respond = () => new Response('ok', { headers });\n");
    expect(text).not.toContain('corsOrigins');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding) => finding.action === 'skipped')).toBe(true);
  });

  it('leaves an unconfigurable Apollo standalone server alone, saying why', async () => {
    const { report } = await fix("import { startStandaloneServer } from '@apollo/server/standalone';\nawait startStandaloneServer(server);\n");
    expect(report.summary.changed).toBe(0);
    expect(report.findings[0]).toMatchObject({ ruleId: 'cors/no-wildcard-origin', action: 'skipped', detail: expect.stringContaining('cannot be configured') });
  });

  it('fixes typed options that are not registered in the file', async () => {
    const { text } = await fix("import type { CorsOptions } from 'cors';\nexport const options: CorsOptions = { origin: '*', methods: ['GET'], allowedHeaders: ['Content-Type'] };\n", 'options.ts');
    expect(text).toContain('origin: corsOrigins.check');
  });

  it('aliases the allowlist when the file already uses the name', async () => {
    const { text } = await fix("import cors from 'cors';\nconst corsOrigins = 'legacy';\napp.use(cors({ origin: '*', methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n");
    expect(text).toContain("import { corsOrigins as corsOriginsAllowlist } from './cors-origins';");
    expect(text).toContain('origin: corsOriginsAllowlist.check');
  });
});

describe('the origin value per framework entry', () => {
  const style = { eol: '\n', quote: '"', semicolons: true, indentUnit: '  ', trailingCommas: false } as const;
  const allowlist = { variable: 'CORS_ORIGINS', exportName: 'corsOrigins', local: 'corsOrigins' };
  it("is the allowlist's per-request check in the framework's function style", () => {
    expect(originValue(expressCors.origin, allowlist, style)).toBe('corsOrigins.check');
    expect(originValue(honoCors.origin, allowlist, style)).toBe('corsOrigins.echo');
    expect(originValue(koaCors.origin, allowlist, style)).toBe('corsOrigins.fromContext');
  });

  it('tests kept patterns beside the allowlist, with parameter types in TypeScript', () => {
    expect(originValue(expressCors.origin, allowlist, style, ['/^https:\\/\\/x\\.example\\.com$/'], true)).toBe(
      '(origin: string | undefined, callback: (error: Error | null, allow: boolean) => void) => callback(null, corsOrigins.has(origin) || /^https:\\/\\/x\\.example\\.com$/.test(origin ?? ""))',
    );
  });
});

describe('regexes', () => {
  it.each([
    ['\\.example\\.com$', '^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$'],
    ['example.com', '^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$'],
    ['^https:\\/\\/app.example.com', '^https:\\/\\/app\\.example\\.com$'],
    ['https://(a|b).example.com', '^https://(a|b)\\.example\\.com$'],
  ])('/%s/ is anchored as /%s/', (pattern, expected) => {
    expect(saferRegex({ pattern, flags: 'g' })).toEqual({ pattern: expected, flags: '' });
  });
});

describe('the import of the config module', () => {
  const uses = new Set(['corsOrigins']);
  const names = new Map([['corsOrigins', 'corsOrigins']]);
  const add = (code: string, commonJs = false): string => {
    const parsed = parseSource(code, '/app/a.js');
    if (!parsed.ok) throw new Error(parsed.message);
    return applyTextEdits(code, planImport(parsed.sourceCode, detectStyle(parsed.sourceCode), { specifier: './cors-origins.js', uses, names, commonJs }));
  };

  it('goes after the last import line, after its trailing comment, in the file style', () => {
    expect(add('import a from "a"; // the a\nimport b from "b"; /* b */\n\nrun();\n')).toBe('import a from "a"; // the a\nimport b from "b"; /* b */\nimport { corsOrigins } from "./cors-origins.js";\n\nrun();\n');
    expect(add('import a from "a"\nimport b from "b"\n\nrun()\n')).toBe('import a from "a"\nimport b from "b"\nimport { corsOrigins } from "./cors-origins.js"\n\nrun()\n');
  });

  it('in CommonJS goes after the last top-level require, not one inside a function', () => {
    expect(add("'use strict';\nconst a = require('a');\nconst b = require('b').b;\nfunction later() { return require('c'); }\n", true)).toBe(
      "'use strict';\nconst a = require('a');\nconst b = require('b').b;\nconst { corsOrigins } = require('./cors-origins.js');\nfunction later() { return require('c'); }\n",
    );
  });

  it('without imports, goes after directives, or above the first statement and its comments', () => {
    expect(add("'use strict';\n\nrun();\n", true)).toBe("'use strict';\nconst { corsOrigins } = require('./cors-origins.js');\n\nrun();\n");
    expect(add('// Server.\n/** Runs. */\nrun();\n')).toBe("import { corsOrigins } from './cors-origins.js';\n\n// Server.\n/** Runs. */\nrun();\n");
  });

  it('extends an existing import of the module instead of adding a second one', () => {
    const parsed = parseSource("import { corsOrigins } from './cors-origins.js';\n", '/app/a.js');
    if (!parsed.ok) throw new Error(parsed.message);
    const edits = planImport(parsed.sourceCode, detectStyle(parsed.sourceCode), {
      specifier: './cors-origins.js',
      uses: new Set(['corsOrigins', 'adminCorsOrigins']),
      names: new Map([['corsOrigins', 'corsOrigins'], ['adminCorsOrigins', 'adminCorsOrigins']]),
      commonJs: false,
    });
    expect(applyTextEdits("import { corsOrigins } from './cors-origins.js';\n", edits)).toBe("import { corsOrigins, adminCorsOrigins } from './cors-origins.js';\n");
  });
});

describe('the require of the config module in CommonJS', () => {
  it('runs before the first use, even when the statement that uses it requires something itself', () => {
    const code = "const http = require('http');\nconst io = require('socket.io')(http, { cors: { origin: corsOrigins.check } });\n";
    const parsed = parseSource(code, '/app/chat.js');
    if (!parsed.ok) throw new Error(parsed.message);
    const edits = planImport(parsed.sourceCode, detectStyle(parsed.sourceCode), {
      specifier: './cors-origins',
      uses: new Set(['corsOrigins']),
      names: new Map([['corsOrigins', 'corsOrigins']]),
      commonJs: true,
      firstUse: code.indexOf('corsOrigins'),
    });
    expect(applyTextEdits(code, edits)).toBe(
      "const http = require('http');\nconst { corsOrigins } = require('./cors-origins');\nconst io = require('socket.io')(http, { cors: { origin: corsOrigins.check } });\n",
    );
  });
});

describe('replaced values leave no unused variable', () => {
  it('replaces a single-use const where it is initialised, and a shared one where it is used', async () => {
    const single = (await fix("import cors from 'cors';\nconst ORIGIN = process.env.WEB_ORIGIN || 'http://localhost:3000';\napp.use(cors({ origin: ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n")).text;
    expect(single).toContain('const ORIGIN = corsOrigins.check;\n');
    expect(single).toContain('origin: ORIGIN,');
    const shared = (await fix("import cors from 'cors';\nconst ORIGIN = '*';\nconsole.log(ORIGIN);\napp.use(cors({ origin: ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n")).text;
    expect(shared).toContain("const ORIGIN = '*';\n");
    expect(shared).toContain('origin: corsOrigins.check,');
  });
});
