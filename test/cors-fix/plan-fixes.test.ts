/** The pure planner on small sources: what it edits, what it leaves, and that fixed code plans nothing. */
import { describe, expect, it } from 'vitest';
import { readCorsFile } from '../../src/model/index.js';
import { originValue } from '../../src/cors-fix/allowlist.js';
import { saferRegex } from '../../src/model/origin-patterns.js';
import { parseSource } from '../../src/cors-fix/parse-source.js';
import { type FilePlan, planFixes } from '../../src/cors-fix/plan-fixes.js';
import { chooseNames, planImport, usesCommonJs } from '../../src/cors-fix/plan-import.js';
import { applyTextEdits } from '../../src/cors-fix/text-edits.js';
import { detectStyle } from '../../src/cors-fix/text-style.js';
import { expressCors } from '../../src/frameworks/express-cors.js';
import { koaCors } from '../../src/frameworks/koa-cors.js';

/** Plans `code` as `filename` and applies the plan, with the import of `./cors-origins.js`. */
function fix(code: string, filename = '/app/server.js'): { text: string; plan: FilePlan } {
  const parsed = parseSource(code, filename);
  if (!parsed.ok) throw new Error(parsed.message);
  const sourceCode = parsed.sourceCode;
  const style = detectStyle(sourceCode);
  const names = chooseNames(sourceCode);
  const plan = planFixes({ sourceCode, file: readCorsFile(sourceCode, filename), style, names, envVar: 'CORS_ORIGINS' });
  const imports = planImport(sourceCode, style, { specifier: './cors-origins.js', uses: plan.uses, names, commonJs: usesCommonJs(sourceCode, filename.endsWith('.cjs')) });
  return { text: applyTextEdits(code, [...plan.edits, ...imports]), plan };
}

describe('idempotency is a property of the planner', () => {
  it.each([
    ['express', "import cors from 'cors';\nimport { corsOrigins } from './cors-origins.js';\napp.use(cors({ origin: corsOrigins, credentials: true, methods: ['GET'], allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));\n"],
    ['@koa/cors', "import cors from '@koa/cors';\nimport { corsOrigins } from './cors-origins.js';\napp.use(cors({ origin: (ctx) => (corsOrigins.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''), allowMethods: ['GET'], allowHeaders: ['Content-Type'] }));\n"],
    ['raw headers', "import { isAllowedOrigin } from './cors-origins.js';\napp.use((req, res, next) => {\n  if (isAllowedOrigin(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  next();\n});\n"],
  ])('%s: a policy on the allowlist with explicit settings yields no finding and no edit', (_name, code) => {
    const { text, plan } = fix(code);
    expect(plan.findings).toEqual([]);
    expect(plan.edits).toEqual([]);
    expect(text).toBe(code);
  });

  it('every rewrite planned here plans nothing when run again', () => {
    const sources = [
      "const cors = require('cors');\napp.use(cors());\n",
      "import cors from '@koa/cors';\napp.use(cors({ origin: ['https://a.example.com'], credentials: true }));\n",
      "import cors from 'cors';\nconst ok = ['https://a.example.com'];\napp.use(cors({ origin(origin, cb) { cb(null, ok.includes(origin)); }, methods: '*' }));\n",
      "app.use((req, res, next) => { res.header('Access-Control-Allow-Origin', '*'); next(); });\n",
    ];
    for (const source of sources) {
      const once = fix(source).text;
      const twice = fix(once);
      expect(twice.plan.edits, once).toEqual([]);
    }
  });
});

describe('origins', () => {
  it('replaces a wildcard with the allowlist and makes the settings explicit', () => {
    expect(fix("import cors from 'cors';\napp.use(cors({ origin: '*' }));\n").text).toBe(
      "import cors from 'cors';\nimport { corsOrigins } from './cors-origins.js';\napp.use(cors({\n  origin: corsOrigins,\n  credentials: true,\n  methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],\n  allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-ID'],\n  maxAge: 600,\n}));\n",
    );
  });

  it('keeps an explicit `credentials: false`', () => {
    const { text } = fix("import cors from 'cors';\napp.use(cors({ origin: true, credentials: false, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n");
    expect(text).toContain('  origin: corsOrigins,\n  credentials: false,\n');
    expect(text).not.toContain('Authorization');
  });

  it('turns equality checks into isAllowedOrigin(), collapsing `a || b` and keeping negations', () => {
    const either = fix(
      "app.use((req, res, next) => {\n  const origin = req.headers.origin;\n  if (origin === 'https://a.example.com' || origin === 'https://b.example.com') res.setHeader('Access-Control-Allow-Origin', origin);\n  next();\n});\n",
    );
    expect(either.text).toContain("if (isAllowedOrigin(origin)) res.setHeader('Access-Control-Allow-Origin', origin);");
    expect(either.plan.origins).toEqual(['https://a.example.com', 'https://b.example.com']);
    const unless = fix(
      "app.use((req, res, next) => {\n  const origin = req.headers.origin;\n  if (origin !== 'https://c.example.com') return next();\n  res.setHeader('Access-Control-Allow-Origin', origin);\n  next();\n});\n",
    );
    expect(unless.text).toContain("if (!isAllowedOrigin(origin)) return next();\n  res.setHeader('Access-Control-Allow-Origin', origin);");
    expect(unless.plan.origins).toEqual(['https://c.example.com']);
  });

  it('replaces substring checks and lists them for review', () => {
    const { text, plan } = fix(
      "import cors from 'cors';\napp.use(cors({ origin: (origin, cb) => cb(null, !origin || origin.endsWith('.example.com')), methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n",
    );
    expect(text).toContain('cb(null, !origin || isAllowedOrigin(origin))');
    expect(plan.findings.find((finding) => finding.kind === 'partial-match')?.action).toBe('review');
  });

  it('guards a raw Allow-Origin write, with braces when an `else` would otherwise change owner', () => {
    const { text } = fix("app.use((req, res, next) => {\n  if (req.path !== '/health') res.setHeader('Access-Control-Allow-Origin', '*');\n  else next();\n});\n");
    expect(text).toContain("if (req.path !== '/health') { if (isAllowedOrigin(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin); }\n  else next();");
  });

  it('reports raw headers it cannot tie to a request as skipped', () => {
    const { plan, text } = fix("const headers = { 'Access-Control-Allow-Origin': '*' };\nexport const respond = () => new Response('ok', { headers });\n");
    expect(text).not.toContain('isAllowedOrigin');
    expect(plan.findings.every((finding) => finding.action === 'skipped')).toBe(true);
  });

  it('leaves an unconfigurable Apollo standalone server alone, saying why', () => {
    const { plan } = fix("import { startStandaloneServer } from '@apollo/server/standalone';\nawait startStandaloneServer(server);\n");
    expect(plan.edits).toEqual([]);
    expect(plan.findings[0]).toMatchObject({ ruleId: 'cors/no-wildcard-origin', action: 'skipped', detail: expect.stringContaining('cannot be configured') });
  });

  it('fixes typed options that are not registered in the file', () => {
    const { text } = fix("import type { CorsOptions } from 'cors';\nexport const options: CorsOptions = { origin: '*', methods: ['GET'], allowedHeaders: ['Content-Type'] };\n", '/app/options.ts');
    expect(text).toContain('origin: corsOrigins');
  });

  it('aliases the allowlist when the file already uses the name', () => {
    const { text } = fix("import cors from 'cors';\nconst corsOrigins = 'legacy';\napp.use(cors({ origin: '*', methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n");
    expect(text).toContain("import { corsOrigins as allowedCorsOrigins } from './cors-origins.js';");
    expect(text).toContain('origin: allowedCorsOrigins');
  });
});

describe('the origin value per framework entry', () => {
  const style = { eol: '\n', quote: '"', semicolons: true, indentUnit: '  ', trailingCommas: false } as const;
  const names = { corsOrigins: 'corsOrigins', isAllowedOrigin: 'isAllowedOrigin' };
  it('is the array where arrays work, and a function in the framework style otherwise', () => {
    expect(originValue(expressCors.origin, names, style)?.text).toBe('corsOrigins');
    expect(originValue(koaCors.origin, names, style)?.text).toBe('(ctx) => (corsOrigins.includes(ctx.get("Origin")) ? ctx.get("Origin") : "")');
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
  const uses = new Set(['corsOrigins'] as const);
  const names = { corsOrigins: 'corsOrigins', isAllowedOrigin: 'isAllowedOrigin' };
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
    const edits = planImport(parsed.sourceCode, detectStyle(parsed.sourceCode), { specifier: './cors-origins.js', uses: new Set(['corsOrigins', 'isAllowedOrigin']), names, commonJs: false });
    expect(applyTextEdits("import { corsOrigins } from './cors-origins.js';\n", edits)).toBe("import { corsOrigins, isAllowedOrigin } from './cors-origins.js';\n");
  });
});

describe('the require of the config module in CommonJS', () => {
  it('runs before the first use, even when the statement that uses it requires something itself', () => {
    const code = "const http = require('http');\nconst io = require('socket.io')(http, { cors: { origin: corsOrigins } });\n";
    const parsed = parseSource(code, '/app/chat.js');
    if (!parsed.ok) throw new Error(parsed.message);
    const names = { corsOrigins: 'corsOrigins', isAllowedOrigin: 'isAllowedOrigin' };
    const edits = planImport(parsed.sourceCode, detectStyle(parsed.sourceCode), {
      specifier: './cors-origins',
      uses: new Set(['corsOrigins'] as const),
      names,
      commonJs: true,
      firstUse: code.indexOf('corsOrigins'),
    });
    expect(applyTextEdits(code, edits)).toBe(
      "const http = require('http');\nconst { corsOrigins } = require('./cors-origins');\nconst io = require('socket.io')(http, { cors: { origin: corsOrigins } });\n",
    );
  });
});

describe('replaced values leave no unused variable', () => {
  it('replaces a single-use const where it is initialised, and a shared one where it is used', () => {
    const single = fix("import cors from 'cors';\nconst ORIGIN = process.env.WEB_ORIGIN || 'http://localhost:3000';\napp.use(cors({ origin: ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n").text;
    expect(single).toContain('const ORIGIN = corsOrigins;\n');
    expect(single).toContain('origin: ORIGIN,');
    const shared = fix("import cors from 'cors';\nconst ORIGIN = '*';\nconsole.log(ORIGIN);\napp.use(cors({ origin: ORIGIN, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n").text;
    expect(shared).toContain("const ORIGIN = '*';\n");
    expect(shared).toContain('origin: corsOrigins,');
  });
});
