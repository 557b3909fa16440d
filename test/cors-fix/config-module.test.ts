/** The generated config module: how it parses and validates the variable when run, and that its TS form type-checks. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { configFlavour, configModuleText, configSpecifier, extendConfigModule, readConfigModule } from '../../src/cors-fix/config-module.js';
import type { TextStyle } from '../../src/cors-fix/text-style.js';
import { makeTemp, removeTemp } from './helpers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const STYLE: TextStyle = { eol: '\n', quote: "'", semicolons: true, indentUnit: '  ', trailingCommas: true };
const directory = makeTemp();
const MAIN = [{ variable: 'CORS_ORIGINS', exportName: 'corsOrigins' }];

afterAll(() => removeTemp(directory));

/** Imports the module once per value of the variable (in one child process) and reports what happened. */
function evaluate(file: string, values: readonly (string | undefined)[]): { origins?: string[]; error?: string; warnings: number }[] {
  const script = `
    const results = [];
    const values = ${JSON.stringify(values.map((value) => value ?? null))};
    for (const [index, value] of values.entries()) {
      if (value === null) delete process.env.CORS_ORIGINS; else process.env.CORS_ORIGINS = value;
      let warnings = 0;
      console.warn = () => { warnings += 1; };
      try {
        let exports;
        if (${JSON.stringify(file)}.endsWith('.cjs')) {
          const require = (await import('node:module')).createRequire(${JSON.stringify(file)});
          delete require.cache[${JSON.stringify(file)}];
          exports = require(${JSON.stringify(file)});
        } else {
          exports = await import(${JSON.stringify(`file://${file}`)} + '?' + index);
        }
        // An unset variable is read once more after startup code has run.
        await new Promise((resolve) => setImmediate(resolve));
        results.push({ origins: [...exports.corsOrigins], allowed: exports.corsOrigins.has(exports.corsOrigins[0]), warnings });
      } catch (error) {
        results.push({ error: error.message, warnings });
      }
    }
    process.stdout.write(JSON.stringify(results));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe.each([
  ['ESM', 'cors-origins.mjs', false],
  ['CommonJS', 'cors-origins.cjs', true],
] as const)('the %s module', (_label, name, commonJs) => {
  const file = join(directory, name);
  writeFileSync(file, configModuleText({ extension: name.slice(name.indexOf('.')), typescript: false, commonJs }, MAIN, STYLE));

  it('reads a JSON list and a comma list, trimmed, without duplicates or empty entries', () => {
    const results = evaluate(file, [
      '["https://app.example.com", " https://admin.example.com "]',
      'https://app.example.com, https://admin.example.com,,https://app.example.com,',
      '  http://localhost:5173  ',
      'https://[::1]:8443,chrome-extension://abcdefghijklmnop',
    ]);
    expect(results.map((result) => result.origins)).toEqual([
      ['https://app.example.com', 'https://admin.example.com'],
      ['https://app.example.com', 'https://admin.example.com'],
      ['http://localhost:5173'],
      ['https://[::1]:8443', 'chrome-extension://abcdefghijklmnop'],
    ]);
    expect(results.every((result) => result.warnings === 0)).toBe(true);
  });

  it('returns an empty allowlist and warns once when the variable is unset or empty', () => {
    expect(evaluate(file, [undefined, '', '  ', '[]'])).toEqual([
      { origins: [], allowed: false, warnings: 1 },
      { origins: [], allowed: false, warnings: 1 },
      { origins: [], allowed: false, warnings: 1 },
      { origins: [], allowed: false, warnings: 1 },
    ]);
  });

  it('refuses every invalid entry with a message that names it', () => {
    const cases = [
      ['*', "'*' would let every website in"],
      ['null', "'null' is the origin of sandboxed and local pages"],
      ['https://app.example.com/', 'without a path or trailing slash; use https://app.example.com'],
      ['https://app.example.com/api', 'without a path or trailing slash'],
      ['https://App.Example.com', 'in lower case; use https://app.example.com'],
      ['app.example.com', 'it is not scheme://host[:port]'],
      ['https://app.example.com:443', 'leave out the default port; use https://app.example.com'],
      ['https://exa mple.com', 'its host or port is not valid'],
    ] as const;
    const results = evaluate(file, cases.map(([entry]) => `https://ok.example.com,${entry}`));
    cases.forEach(([entry, reason], index) => {
      expect(results[index]?.error).toContain(`CORS_ORIGINS contains "${entry}", which is not a valid origin`);
      expect(results[index]?.error).toContain(reason);
    });
  });

  it('reads a variable that a .env loader sets after the import (dotenv.config() in the entry module)', () => {
    const script = `
      delete process.env.CORS_ORIGINS;
      let warnings = 0;
      console.warn = () => { warnings += 1; };
      const load = ${commonJs ? `(await import('node:module')).createRequire(${JSON.stringify(file)})(${JSON.stringify(file)})` : `await import(${JSON.stringify(`file://${file}`)})`};
      process.env.CORS_ORIGINS = 'https://late.example.com';
      await new Promise((resolve) => setImmediate(resolve));
      process.stdout.write(JSON.stringify({ origins: [...load.corsOrigins], allowed: load.corsOrigins.has('https://late.example.com'), warnings }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(child.stdout)).toEqual({ origins: ['https://late.example.com'], allowed: true, warnings: 0 });
  });

  it("answers each framework's origin option per request, from the list as it is then", () => {
    const script = `
      process.env.CORS_ORIGINS = 'https://app.example.com';
      const load = ${commonJs ? `(await import('node:module')).createRequire(${JSON.stringify(file)})(${JSON.stringify(file)})` : `await import(${JSON.stringify(`file://${file}`)} + '?answers')`};
      const list = load.corsOrigins;
      const answers = [];
      list.check('https://app.example.com', (error, allow) => answers.push(['check', error, allow]));
      list.check('https://evil.example', (error, allow) => answers.push(['check', error, allow]));
      list.check(undefined, (error, allow) => answers.push(['check', error, allow]));
      answers.push(['echo', list.echo('https://app.example.com'), list.echo('https://evil.example')]);
      const ctx = (origin) => ({ get: (name) => (name === 'Origin' ? origin : '') });
      answers.push(['fromContext', list.fromContext(ctx('https://app.example.com')), list.fromContext(ctx('https://evil.example'))]);
      const request = (origin) => ({ headers: { get: (name) => (name === 'Origin' ? origin : null) } });
      answers.push(['matchesRequest', list.matchesRequest(request('https://app.example.com')), list.matchesRequest(request(null))]);
      process.stdout.write(JSON.stringify(answers));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(child.stdout)).toEqual([
      ['check', null, true],
      ['check', null, false],
      ['check', null, false],
      ['echo', 'https://app.example.com', null],
      ['fromContext', 'https://app.example.com', ''],
      ['matchesRequest', true, false],
    ]);
  });

  it('refuses JSON that is not a list of strings', () => {
    const [broken, numbers] = evaluate(file, ['["https://app.example.com"', '[1, 2]']);
    expect(broken?.error).toContain('starts with "[" but is not valid JSON');
    expect(numbers?.error).toContain('must be a list of origins');
  });
});

describe('several allowlists', () => {
  it('each reads its own variable, and a module cors-fix wrote can be extended with another', () => {
    const file = join(directory, 'two.mjs');
    const text = configModuleText({ extension: '.mjs', typescript: false, commonJs: false }, MAIN, STYLE);
    expect(readConfigModule(text)).toEqual(MAIN);
    const edit = extendConfigModule(text, file, [{ variable: 'ADMIN_CORS_ORIGINS', exportName: 'adminCorsOrigins' }], STYLE);
    expect(edit).not.toBeNull();
    const extended = text.slice(0, edit?.start) + (edit?.text ?? '') + text.slice(edit?.end);
    expect(readConfigModule(extended)).toEqual([...MAIN, { variable: 'ADMIN_CORS_ORIGINS', exportName: 'adminCorsOrigins' }]);
    writeFileSync(file, extended);
    const script = `
      process.env.CORS_ORIGINS = 'https://app.example.com';
      process.env.ADMIN_CORS_ORIGINS = 'https://admin.example.com';
      const load = await import(${JSON.stringify(`file://${file}`)});
      process.stdout.write(JSON.stringify([[...load.corsOrigins], [...load.adminCorsOrigins], load.adminCorsOrigins.has('https://app.example.com')]));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(child.stdout)).toEqual([['https://app.example.com'], ['https://admin.example.com'], false]);
  });

  it('a module cors-fix did not write is not extended', () => {
    expect(readConfigModule('export const corsOrigins = ["https://a.example.com"];\n')).toBeNull();
  });
});

describe('the TypeScript module', () => {
  it('type-checks under strict settings (NodeNext, noUncheckedIndexedAccess, exactOptionalPropertyTypes)', () => {
    // An ES module package, as NodeNext with verbatimModuleSyntax requires for `export` in a `.ts` file.
    writeFileSync(join(directory, 'package.json'), '{ "type": "module" }');
    const file = join(directory, 'cors-origins.ts');
    writeFileSync(file, configModuleText(configFlavour('/app/src/server.ts', false), [...MAIN, { variable: 'ADMIN_CORS_ORIGINS', exportName: 'adminCorsOrigins' }], { ...STYLE, quote: '"', semicolons: false }));
    const program = ts.createProgram([file], {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitReturns: true,
      noPropertyAccessFromIndexSignature: true,
      verbatimModuleSyntax: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      typeRoots: [join(REPO, 'node_modules/@types')],
      noEmit: true,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});

describe('import specifiers', () => {
  it.each([
    ['/p/src/server.ts', '/p/src/cors-origins.ts', { extensions: 'unknown', nodeEsm: false }, './cors-origins.js'],
    ['/p/src/server.ts', '/p/src/cors-origins.ts', { extensions: 'no', nodeEsm: false }, './cors-origins'],
    ['/p/src/api/app.js', '/p/src/cors-origins.js', { extensions: 'unknown', nodeEsm: true }, '../cors-origins.js'],
    ['/p/server.js', '/p/cors-origins.js', { extensions: 'unknown', nodeEsm: false }, './cors-origins'],
    ['/p/server.cjs', '/p/cors-origins.cjs', { extensions: 'no', nodeEsm: false }, './cors-origins.cjs'],
    ['/p/a.mts', '/p/lib/cors-origins.mts', { extensions: 'yes', nodeEsm: false }, './lib/cors-origins.mjs'],
  ] as const)('%s → %s (%j) is %s', (from, target, style, expected) => {
    expect(configSpecifier(from, target, style)).toBe(expected);
  });
});
