/** Facts about where a file sits: its package root, its module system, how it writes relative imports. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { walk } from '../model/ast.js';
import type { SourceCode } from '../model/index.js';
import type { SpecifierStyle } from './config-module.js';

const packageCache = new Map<string, { root: string; type: string | null }>();

/** The directory of the nearest `package.json` above `file` (or the file's directory) and its `"type"`. */
export function packageOf(file: string): { root: string; type: string | null } {
  const start = dirname(file);
  const cached = packageCache.get(start);
  if (cached) return cached;
  let found: { root: string; type: string | null } = { root: start, type: null };
  for (let current = start; ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest)) {
      let type: string | null = null;
      try {
        type = (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type ?? null;
      } catch {
        // An unreadable manifest still marks the package root.
      }
      found = { root: current, type };
      break;
    }
    if (dirname(current) === current || existsSync(join(current, '.git'))) break;
  }
  packageCache.set(start, found);
  return found;
}

/** Whether a file with no import or require of its own is CommonJS by its extension and package type. */
export function isCommonJsByDefault(file: string): boolean {
  const extension = extname(file);
  if (extension === '.cjs' || extension === '.cts') return true;
  if (extension === '.js' || extension === '.jsx') return packageOf(file).type !== 'module';
  return false;
}

/** Whether Node runs `file` as an ES module without a bundler (then relative imports need extensions). */
export function isNodeEsm(file: string): boolean {
  const extension = extname(file);
  return extension === '.mjs' || (extension === '.js' && packageOf(file).type === 'module');
}

/** Whether the file's relative imports carry extensions (`./db.js`), leave them out, or there are none. */
export function specifierStyle(sourceCode: SourceCode, file: string): SpecifierStyle {
  let withExtension = 0;
  let without = 0;
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    let specifier: unknown = null;
    if ((node.type === T.ImportDeclaration || node.type === T.ExportAllDeclaration || node.type === T.ExportNamedDeclaration) && node.source) specifier = node.source.value;
    else if (node.type === T.ImportExpression && node.source.type === T.Literal) specifier = node.source.value;
    else if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require' && node.arguments[0]?.type === T.Literal) specifier = node.arguments[0].value;
    if (typeof specifier === 'string' && specifier.startsWith('.')) {
      if (/\.[cm]?[jt]sx?$/u.test(specifier)) withExtension += 1;
      else without += 1;
    }
  });
  const extensions = withExtension > 0 && withExtension >= without ? 'yes' : without > 0 ? 'no' : 'unknown';
  return { extensions, nodeEsm: isNodeEsm(file) };
}
