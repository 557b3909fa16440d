/**
 * Typed linting: with `parserOptions.projectService` (or `project`), options imported from another module are followed
 * through the TypeScript program to their declaration and judged as if the importing file wrote them, on the reference
 * that imports them. Without type information imports stay opaque. A real tsconfig and files on disk, linted through
 * ESLint with the typescript-eslint parser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';
import { makeTemp, removeTemp } from './cors-fix/helpers.js';
import { allRules } from './lint-file.js';

const EXPRESS = "import express from 'express';\nimport cors from 'cors';\nconst app = express();\n";
const SAFE = "{ origin: (process.env.CORS_ORIGINS ?? '').split(','), credentials: true, methods: ['GET', 'POST'], allowedHeaders: ['Content-Type', 'Authorization'] }";

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: [],
      allowJs: true,
      noEmit: true,
      paths: { '@config/*': ['./src/config/*'] },
    },
    include: ['src'],
  }),
  'src/cors.config.ts': 'export const corsOptions = { origin: true, credentials: true };\n',
  'src/nest.ts': [
    "import { NestFactory } from '@nestjs/core';",
    "import { corsOptions } from './cors.config.js';",
    'const app = await NestFactory.create({});',
    'app.enableCors(corsOptions);',
    '',
  ].join('\n'),
  'src/options.ts': [
    "export const wildcard = { origin: '*', credentials: true };",
    'export default { origin: true, credentials: true };',
    `export const safe = ${SAFE};`,
    '',
  ].join('\n'),
  'src/inline.ts': `${EXPRESS}app.use(cors({ origin: '*', credentials: true }));\n`,
  'src/express.ts': `${EXPRESS}import { wildcard } from './options.js';\napp.use(cors(wildcard));\n`,
  'src/barrel.ts': "export { wildcard as apiCors } from './options.js';\nexport * from './default-const.js';\n",
  'src/via-barrel.ts': `${EXPRESS}import { apiCors, adminCors } from './barrel.js';\napp.use(cors(apiCors));\napp.use('/admin', cors(adminCors));\n`,
  'src/default-const.ts': "const adminCors = { origin: '*' };\nexport { adminCors };\nexport default adminCors;\n",
  'src/defaults.ts': `${EXPRESS}import reflected from './options.js';\nimport admin from './default-const.js';\napp.use(cors(reflected));\napp.use('/admin', cors(admin));\n`,
  'src/namespace.ts': `${EXPRESS}import * as config from './options.js';\napp.use(cors(config.safe));\napp.use('/api', cors(config.wildcard));\n`,
  'src/safe.ts': `${EXPRESS}import { safe } from './options.js';\napp.use(cors(safe));\n`,
  'src/origin-check.ts': "export function isAllowedOrigin(origin: string): boolean {\n  return origin.endsWith('example.com');\n}\n",
  'src/helper.ts': `${EXPRESS}import { isAllowedOrigin } from './origin-check.js';\napp.use(cors({ origin: (origin, callback) => callback(null, isAllowedOrigin(origin)), methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n`,
  'src/config/base.ts': "export const baseCors = { origin: '*' };\n",
  'src/config/api.ts': "import { baseCors } from './base.js';\nexport const apiCors = { ...baseCors, credentials: true };\n",
  'src/aliased.ts': `${EXPRESS}import { apiCors } from '@config/api.js';\napp.use(cors(apiCors));\n`,
  'src/legacy-options.cts': "const legacyCors = { origin: '*' };\nexport = legacyCors;\n",
  'src/legacy.cts': "import express = require('express');\nimport cors = require('cors');\nimport legacyCors = require('./legacy-options.cjs');\nconst app = express();\napp.use(cors(legacyCors));\n",
  'src/merged-options.ts': "export type mergedCors = { origin: string };\nexport const mergedCors = { origin: '*' };\n",
  'src/merged.ts': `${EXPRESS}import { mergedCors } from './merged-options.js';\napp.use(cors(mergedCors));\n`,
  'src/cjs-config.js': "module.exports = { corsOptions: { origin: '*', credentials: true } };\n",
  'src/cjs-admin.js': "exports.adminCors = { origin: '*' };\n",
  'src/server.js': [
    "const cors = require('cors');",
    "const { corsOptions } = require('./cjs-config');",
    "const admin = require('./cjs-admin');",
    "const app = require('express')();",
    'app.use(cors(corsOptions));',
    "app.use('/admin', cors(admin.adminCors));",
    '',
  ].join('\n'),
  'src/required.ts': `${EXPRESS}const { wildcard } = require('./options');\nconst options = require('./options.js');\napp.use(cors(wildcard));\napp.use('/v2', cors(options.default));\n`,
  'src/declared.d.ts': "export declare const declaredCors: { origin: '*' };\n",
  'node_modules/cors-presets/package.json': JSON.stringify({ name: 'cors-presets', main: 'index.js', types: 'index.d.ts' }),
  'node_modules/cors-presets/index.js': "exports.preset = { origin: '*' };\n",
  'node_modules/cors-presets/index.d.ts': 'export declare const preset: { origin: string };\n',
  'src/broken.ts': "export const brokenCors = { origin: '*' ;\n",
  'src/ignored.ts': [
    EXPRESS,
    "import { declaredCors } from './declared.js';",
    "import { preset } from 'cors-presets';",
    "import { brokenCors } from './broken.js';",
    "import { missing } from './missing.js';",
    'app.use(cors(declaredCors));',
    'app.use(cors(preset));',
    'app.use(cors(brokenCors));',
    'app.use(cors(missing));',
    '',
  ].join('\n'),
  'src/edit/cors.config.ts': "export const editedCors = { origin: '*' };\n",
  'src/edit/main.ts': `${EXPRESS}import { editedCors } from './cors.config.js';\napp.use(cors(editedCors));\n`,
};

let root = '';
beforeAll(() => {
  root = makeTemp('cors-typed-');
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});
afterAll(() => removeTemp(root));

type Typing = 'projectService' | 'project' | 'none';

function eslint(typing: Typing = 'projectService', parser: Linter.Parser = tsParser as unknown as Linter.Parser): ESLint {
  // As in an editor: typescript-eslint's single-run mode (its default under CI=true) never updates a program.
  const editor = { disallowAutomaticSingleRunInference: true };
  const parserOptions =
    typing === 'projectService' ? { ...editor, projectService: true, tsconfigRootDir: root } : typing === 'project' ? { ...editor, project: './tsconfig.json', tsconfigRootDir: root } : {};
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts', '**/*.cts', '**/*.js'], languageOptions: { parser, parserOptions }, plugins: { cors: plugin as unknown as ESLint.Plugin }, rules: allRules }],
  });
}

interface Linted {
  messages: Linter.LintMessage[];
  source: string;
}

async function lint(file: string, typing: Typing = 'projectService'): Promise<Linted> {
  const [result] = await eslint(typing).lintFiles([join(root, 'src', file)]);
  return { messages: result?.messages ?? [], source: result?.source ?? FILES[`src/${file}`] ?? '' };
}

/** `line:column text rule/messageId` of each message in report order, `text` being the reported code. */
function found({ messages, source }: Linted): string[] {
  const lines = source.split('\n');
  return messages.map((message) => {
    const text = message.endLine === message.line ? (lines[message.line - 1] ?? '').slice(message.column - 1, (message.endColumn ?? 0) - 1) : '…';
    return `${message.line}:${message.column} ${text} ${message.ruleId?.replace('cors/', '')}/${message.messageId}`;
  });
}

describe('options imported from another module, with typed linting', () => {
  it('NestJS enableCors(corsOptions) with the options in a config module is reported on the imported reference', async () => {
    expect(found(await lint('nest.ts'))).toEqual([
      '4:16 corsOptions no-credentials-with-wildcard/reflectedOriginWithCredentials',
      '4:16 corsOptions require-explicit-headers/defaultMethods',
      '4:16 corsOptions require-explicit-headers/defaultHeaders',
    ]);
  });

  it('express cors(options): the findings of the same options written in the file, without suggestions (they would edit the other file)', async () => {
    const inline = await lint('inline.ts');
    const imported = await lint('express.ts');
    expect(found(imported)).toEqual([
      '5:14 wildcard no-credentials-with-wildcard/anyOriginWithCredentials',
      '5:14 wildcard no-wildcard-origin/anyOrigin',
      '5:14 wildcard require-explicit-headers/defaultMethods',
      '5:14 wildcard require-explicit-headers/defaultHeaders',
    ]);
    const rulesAndMessages = (messages: Linter.LintMessage[]): string[] => messages.map((message) => `${message.ruleId}/${message.messageId}`).sort();
    expect(rulesAndMessages(imported.messages)).toEqual(rulesAndMessages(inline.messages));
    expect(inline.messages.filter((message) => message.suggestions?.length).map((message) => message.messageId)).toEqual(['defaultMethods', 'defaultHeaders', 'anyOriginWithCredentials']);
    expect(imported.messages.filter((message) => message.suggestions?.length)).toEqual([]);
    const messageOf = (messageId: string | undefined): string | undefined => inline.messages.find((message) => message.messageId === messageId)?.message;
    expect(imported.messages.map((message) => message.message)).toEqual(imported.messages.map((message) => messageOf(message.messageId)));
  });

  it('follows re-exports through a barrel (renamed, and `export *` of a module that re-exports its own const)', async () => {
    expect(found(await lint('via-barrel.ts'))).toEqual([
      '5:14 apiCors no-credentials-with-wildcard/anyOriginWithCredentials',
      '5:14 apiCors no-wildcard-origin/anyOrigin',
      '5:14 apiCors require-explicit-headers/defaultMethods',
      '5:14 apiCors require-explicit-headers/defaultHeaders',
      '6:24 adminCors no-wildcard-origin/anyOrigin',
      '6:24 adminCors require-explicit-headers/defaultMethods',
      '6:24 adminCors require-explicit-headers/defaultHeaders',
    ]);
  });

  it('follows default exports: an object literal, and a const exported by name', async () => {
    expect(found(await lint('defaults.ts'))).toEqual([
      '6:14 reflected no-credentials-with-wildcard/reflectedOriginWithCredentials',
      '6:14 reflected require-explicit-headers/defaultMethods',
      '6:14 reflected require-explicit-headers/defaultHeaders',
      '7:24 admin no-wildcard-origin/anyOrigin',
      '7:24 admin require-explicit-headers/defaultMethods',
      '7:24 admin require-explicit-headers/defaultHeaders',
    ]);
  });

  it('reads a namespace import export by export, each reported where it is read', async () => {
    expect(found(await lint('namespace.ts'))).toEqual([
      '6:22 config.wildcard no-credentials-with-wildcard/anyOriginWithCredentials',
      '6:22 config.wildcard no-wildcard-origin/anyOrigin',
      '6:22 config.wildcard require-explicit-headers/defaultMethods',
      '6:22 config.wildcard require-explicit-headers/defaultHeaders',
    ]);
  });

  it('follows a tsconfig paths alias, and the imports of the module it leads to', async () => {
    expect(found(await lint('aliased.ts'))).toEqual([
      '5:14 apiCors no-credentials-with-wildcard/anyOriginWithCredentials',
      '5:14 apiCors no-wildcard-origin/anyOrigin',
      '5:14 apiCors require-explicit-headers/defaultMethods',
      '5:14 apiCors require-explicit-headers/defaultHeaders',
    ]);
  });

  it('follows `import x = require()` of a module with `export =`', async () => {
    expect(found(await lint('legacy.cts'))).toEqual([
      '5:14 legacyCors no-wildcard-origin/anyOrigin',
      '5:14 legacyCors require-explicit-headers/defaultMethods',
      '5:14 legacyCors require-explicit-headers/defaultHeaders',
    ]);
  });

  it('reads a name declared both as a type and as a const from the const', async () => {
    expect(found(await lint('merged.ts'))).toEqual([
      '5:14 mergedCors no-wildcard-origin/anyOrigin',
      '5:14 mergedCors require-explicit-headers/defaultMethods',
      '5:14 mergedCors require-explicit-headers/defaultHeaders',
    ]);
  });

  it('follows an origin check helper imported from another module, as a helper in the file', async () => {
    expect(found(await lint('helper.ts'))).toEqual(['5:61 isAllowedOrigin no-unsafe-origin-pattern/partialMatch']);
  });

  it('does not report safe options imported from another module', async () => {
    expect(found(await lint('safe.ts'))).toEqual([]);
  });

  it('follows CommonJS in JavaScript: a destructured require of module.exports, and exports.x through a namespace require', async () => {
    expect(found(await lint('server.js'))).toEqual([
      '5:14 corsOptions no-credentials-with-wildcard/anyOriginWithCredentials',
      '5:14 corsOptions no-wildcard-origin/anyOrigin',
      '5:14 corsOptions require-explicit-headers/defaultMethods',
      '5:14 corsOptions require-explicit-headers/defaultHeaders',
      '6:24 admin.adminCors no-wildcard-origin/anyOrigin',
      '6:24 admin.adminCors require-explicit-headers/defaultMethods',
      '6:24 admin.adminCors require-explicit-headers/defaultHeaders',
    ]);
  });

  it('resolves require() in a TypeScript file among the program files, with and without the extension', async () => {
    expect(found(await lint('required.ts'))).toEqual([
      '6:14 wildcard no-credentials-with-wildcard/anyOriginWithCredentials',
      '6:14 wildcard no-wildcard-origin/anyOrigin',
      '6:14 wildcard require-explicit-headers/defaultMethods',
      '6:14 wildcard require-explicit-headers/defaultHeaders',
      '7:21 options.default no-credentials-with-wildcard/reflectedOriginWithCredentials',
      '7:21 options.default require-explicit-headers/defaultMethods',
      '7:21 options.default require-explicit-headers/defaultHeaders',
    ]);
  });

  it('leaves declaration files, packages, files that do not parse and unresolved imports opaque, without errors', async () => {
    expect(found(await lint('ignored.ts'))).toEqual([]);
  });

  it('follows the same imports with `parserOptions.project`', async () => {
    expect(found(await lint('nest.ts', 'project'))).toEqual(found(await lint('nest.ts')));
    expect(found(await lint('namespace.ts', 'project'))).toEqual(found(await lint('namespace.ts')));
  });
});

describe('without type information', () => {
  it.each(['nest.ts', 'express.ts', 'via-barrel.ts', 'defaults.ts', 'namespace.ts', 'server.js', 'required.ts', 'helper.ts', 'aliased.ts', 'legacy.cts'])('%s: imported options are opaque, nothing is reported', async (file) => {
    expect(found(await lint(file, 'none'))).toEqual([]);
  });

  it('still reports options written in the file', async () => {
    expect(found(await lint('inline.ts', 'none'))).toEqual(found(await lint('inline.ts')));
  });
});

describe('linked files are parsed once per program version', () => {
  it('an unchanged file is not parsed again; a changed one is re-read', async () => {
    const linked: string[] = [];
    const parser = {
      ...tsParser,
      parseForESLint(code: string, options: Record<string, unknown>) {
        // The linked parses are the ones made without the program options.
        if (!('projectService' in options)) linked.push(basename(String(options.filePath)));
        return tsParser.parseForESLint(code, options);
      },
    } as unknown as Linter.Parser;
    const lintMain = async (): Promise<string[]> => {
      const [result] = await eslint('projectService', parser).lintFiles([join(root, 'src/edit/main.ts')]);
      return found({ messages: result?.messages ?? [], source: FILES['src/edit/main.ts'] ?? '' });
    };
    const wildcard = ['5:14 editedCors no-wildcard-origin/anyOrigin', '5:14 editedCors require-explicit-headers/defaultMethods', '5:14 editedCors require-explicit-headers/defaultHeaders'];

    expect(await lintMain()).toEqual(wildcard);
    expect(await lintMain()).toEqual(wildcard);
    expect(linked).toEqual(['cors.config.ts']);

    // The editor lints the config module with its unsaved text; the program then holds that version.
    await eslint('projectService', parser).lintText(`export const editedCors = ${SAFE};\n`, { filePath: join(root, 'src/edit/cors.config.ts') });
    expect(await lintMain()).toEqual([]);
    expect(linked).toEqual(['cors.config.ts', 'cors.config.ts']);

    await eslint('projectService', parser).lintText("export const editedCors = { origin: true, credentials: true };\n", { filePath: join(root, 'src/edit/cors.config.ts') });
    expect(await lintMain()).toEqual([
      '5:14 editedCors no-credentials-with-wildcard/reflectedOriginWithCredentials',
      '5:14 editedCors require-explicit-headers/defaultMethods',
      '5:14 editedCors require-explicit-headers/defaultHeaders',
    ]);
    expect(linked).toEqual(['cors.config.ts', 'cors.config.ts', 'cors.config.ts']);
  });
});

describe('a checker that fails', () => {
  it('leaves the import opaque and the lint goes on, as without type information', async () => {
    const parser = {
      ...tsParser,
      parseForESLint(code: string, options: Record<string, unknown>) {
        const parsed = tsParser.parseForESLint(code, options);
        const program = parsed.services.program;
        if (!program) return parsed;
        const checker = program.getTypeChecker();
        // TypeScript throws from inside its checker on a program in an inconsistent state; this one always does.
        const failing = new Proxy(checker, {
          get: (target, key) =>
            key === 'getSymbolAtLocation'
              ? () => {
                  throw new TypeError("Cannot read properties of undefined (reading 'includes')");
                }
              : Reflect.get(target, key),
        });
        const services = { ...parsed.services, program: new Proxy(program, { get: (target, key) => (key === 'getTypeChecker' ? () => failing : Reflect.get(target, key)) }) };
        return { ...parsed, services };
      },
    } as unknown as Linter.Parser;
    const [result] = await eslint('projectService', parser).lintFiles([join(root, 'src/nest.ts')]);
    expect(result?.messages.filter((message) => message.fatal === true || message.ruleId === null)).toEqual([]);
    expect(found({ messages: result?.messages ?? [], source: result?.source ?? FILES['src/nest.ts'] ?? '' })).toEqual(found(await lint('nest.ts', 'none')));
  });
});
