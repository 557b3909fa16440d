/**
 * Plain imports are followed without ts-morph; wherever that path answers, it must answer as the project view does.
 * Checked on every import of every code-mod fixture (inputs and outputs) and on a project written to cover the
 * forms the direct path takes and the ones it leaves to the view.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { DirectExports } from '../../src/cors-fix/direct-exports.js';
import { isSourceFile } from '../../src/cors-fix/discover-files.js';
import { ProjectFiles } from '../../src/cors-fix/project-files.js';
import { ProjectView } from '../../src/cors-fix/project-view.js';
import { type LinkTarget, fileOf } from '../../src/model/index.js';
import { type Node, type SourceCode, resolveIdentifier, walk } from '../../src/model/ast.js';
import { removeTemp, tempProject } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'cors-fix');
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? sources(path) : isSourceFile(path) && !path.endsWith('.py') ? [path] : [];
  });
}

const label = (node: Node | undefined): string => (node ? `${fileOf(node)?.filename ?? '?'}:${node.type}@${node.range.join('-')}` : '-');

function target(link: LinkTarget | null): string {
  if (!link) return 'null';
  if (link.kind === 'value') return `value ${label(link.node)}`;
  return `namespace ${link.file.filename} ${[...link.exports].map(([name, node]) => `${name}=${label(node)}`).join(' ')}`;
}

/** The identifiers a file binds by `import`, or by destructuring a `require` call. */
function importedBindings(sourceCode: SourceCode): { identifier: TSESTree.Identifier; from: string }[] {
  const found: { identifier: TSESTree.Identifier; from: string }[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === T.ImportDeclaration) {
      for (const specifier of node.specifiers) found.push({ identifier: specifier.local, from: node.source.value });
    }
    const required = node.type === T.VariableDeclarator && node.init?.type === T.CallExpression ? node.init.arguments[0] : undefined;
    if (node.type === T.VariableDeclarator && node.id.type === T.ObjectPattern && required?.type === T.Literal) {
      for (const property of node.id.properties) {
        if (property.type === T.Property && property.value.type === T.Identifier) found.push({ identifier: property.value, from: String(required.value) });
      }
    }
    return true;
  });
  return found;
}

/** For every imported binding in the project's files: the direct answer (when there is one) and the project view's. */
function compare(root: string): { answered: string[]; left: string[]; differences: string[] } {
  const files = new ProjectFiles(root, false);
  const direct = new DirectExports(files);
  const view = new ProjectView(files);
  const answered: string[] = [];
  const left: string[] = [];
  const differences: string[] = [];
  for (const path of sources(root)) {
    const parsed = files.parse(path);
    if (!parsed.ok) continue;
    const { sourceCode } = parsed.file;
    for (const binding of importedBindings(sourceCode)) {
      const variable = resolveIdentifier(sourceCode, binding.identifier);
      const identifier = (variable?.references[0]?.identifier ?? binding.identifier) as TSESTree.Identifier;
      const where = `${path.slice(root.length + 1)}: ${binding.identifier.name} from '${binding.from}'`;
      const followed = direct.follow(identifier, sourceCode);
      const declared = direct.declarationOf(identifier, sourceCode);
      if (followed === undefined && declared === undefined) {
        left.push(where);
        continue;
      }
      answered.push(where);
      const viewTarget = view.follow(identifier, sourceCode);
      if (followed !== undefined && target(followed) !== target(viewTarget)) differences.push(`${where}: follow ${target(followed)} vs ${target(viewTarget)}`);
      const viewDeclaration = view.declarationOf(identifier, sourceCode);
      if (declared !== undefined && label(declared?.node) !== label(viewDeclaration?.node)) {
        differences.push(`${where}: declarationOf ${label(declared?.node)} vs ${label(viewDeclaration?.node)}`);
      }
    }
  }
  return { answered, left, differences };
}

function project(files: Record<string, string>): string {
  const root = tempProject(files, 'cors-direct-');
  temps.push(root);
  return root;
}

describe('plain imports followed without ts-morph', () => {
  it('answer as the project view on every import of the code-mod fixtures', () => {
    const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const roots = cases.flatMap((entry) => ['input', 'output'].map((side) => join(FIXTURES, entry.name, side)).filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory()));
    const results = roots.map(compare);
    expect(results.flatMap((result) => result.differences)).toEqual([]);
    // Cross-file fixtures and every fix's import of the allowlist module are plain.
    expect(results.flatMap((result) => result.answered).length).toBeGreaterThan(20);
  });

  it('answer as the project view on the forms they take, and leave the others to it', () => {
    const root = project({
      'lib/values.ts': [
        "export const origins = ['https://a.example.com'];",
        'export let mutable = 1;',
        'export function handler() {}',
        'export class Service {}',
        "const local = { origin: '*' };",
        'export { local as renamed };',
        'export const { destructured } = { destructured: 1 };',
        'export function overloaded(a: string): void;',
        'export function overloaded(a: unknown) {}',
        "export * from './more.js';",
        "export { fromElsewhere } from './more.js';",
        '',
      ].join('\n'),
      'lib/more.ts': 'export const fromElsewhere = 2;\nexport const starred = 3;\n',
      'lib/default-expression.js': "export default { origin: 'https://b.example.com' };\n",
      'lib/default-name.mjs': "const options = { origin: true };\nexport default options;\n",
      'lib/default-function.ts': 'export default function () {}\n',
      'lib/folder/index.ts': "export const inFolder = 'x';\n",
      'lib/common.cjs': 'module.exports = { common: 1 };\n',
      'main.ts': [
        "import { origins, mutable, handler, Service, renamed, destructured, overloaded, fromElsewhere, starred } from './lib/values.js';",
        "import defaultExpression from './lib/default-expression.js';",
        "import defaultName from './lib/default-name.mjs';",
        "import defaultFunction from './lib/default-function';",
        "import { inFolder } from './lib/folder';",
        "import common from './lib/common.cjs';",
        "import * as namespace from './lib/values.js';",
        "import { missing } from './lib/not-there';",
        'console.log(origins, mutable, handler, Service, renamed, destructured, overloaded, fromElsewhere, starred, defaultExpression, defaultName, defaultFunction, inFolder, common, namespace, missing);',
        '',
      ].join('\n'),
      'required.js': "const { origins: requiredOrigins, handler: requiredHandler } = require('./lib/values');\nconst { common: requiredCommon } = require('./lib/common.cjs');\nconsole.log(requiredOrigins, requiredHandler, requiredCommon);\n",
      'required-in-typescript.ts': "const { origins: typedOrigins } = require('./lib/values');\nconsole.log(typedOrigins);\n",
    });
    const { answered, left, differences } = compare(root);
    expect(differences).toEqual([]);
    const names = (list: string[]): string[] => list.map((entry) => /: (\w+) from/u.exec(entry)?.[1] ?? entry).sort();
    expect(names(answered)).toEqual(
      ['Service', 'defaultExpression', 'defaultFunction', 'defaultName', 'handler', 'inFolder', 'missing', 'mutable', 'origins', 'renamed', 'requiredHandler', 'requiredOrigins'].sort(),
    );
    expect(names(left)).toEqual(['common', 'destructured', 'fromElsewhere', 'namespace', 'overloaded', 'requiredCommon', 'starred', 'typedOrigins'].sort());
  });
});
