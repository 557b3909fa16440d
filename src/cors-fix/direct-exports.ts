/**
 * Following an import without TypeScript where the answer is plain: a relative specifier that names one source file
 * of the repository (or nothing at all), imported by name or by default (or destructured from `require` in
 * JavaScript), and a name that file declares and exports itself. The answers are the ones
 * the project view (./project-view.ts) gives for those imports; everything else — re-exports and barrels, `export *`,
 * CommonJS, namespace imports, `export =`, overloads, merged declarations — is left to it. A run whose imports are
 * all plain never loads ts-morph and TypeScript.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, type SourceCode, declarationKind, resolveIdentifier } from '../model/ast.js';
import type { LinkTarget } from '../model/index.js';
import { isSourceFile } from './discover-files.js';
import type { ParsedFile, ProjectFiles } from './project-files.js';
import type { Declaration } from './project-view.js';

/** What an exported name is declared by: a variable, a function or class, or the expression `export default` gives. */
type Exported = { kind: 'variable'; node: TSESTree.VariableDeclarator } | { kind: 'declaration'; node: Node } | { kind: 'expression'; node: Node };

/** How TypeScript tries a relative specifier with a JavaScript extension: the TypeScript sources first. */
const SUBSTITUTES: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.jsx': ['.tsx', '.d.ts', '.jsx'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
};
const TYPESCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
/** What TypeScript appends to a specifier without extension, and to `index` in a directory. */
const APPENDED = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];

/** `undefined` throughout: only the project view can tell. */
export class DirectExports {
  constructor(private readonly files: ProjectFiles) {}

  /** What an imported identifier refers to, as the project view's `follow` answers. */
  follow(identifier: TSESTree.Identifier, sourceCode: SourceCode): LinkTarget | null | undefined {
    const found = this.exported(identifier, sourceCode);
    if (!found) return found;
    const { file, exported } = found;
    if (exported.kind !== 'variable') return { kind: 'value', node: exported.node, file };
    // Only a `const` keeps the value it is declared with.
    return exported.node.init && declarationKind(exported.node) === 'const' ? { kind: 'value', node: exported.node.init, file } : null;
  }

  /** The declaration an imported identifier refers to, as the project view's `declarationOf` answers. */
  declarationOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): Declaration | null | undefined {
    const found = this.exported(identifier, sourceCode);
    return found ? { file: found.file, node: found.exported.node } : found;
  }

  private exported(identifier: TSESTree.Identifier, sourceCode: SourceCode): { file: ParsedFile; exported: Exported } | null | undefined {
    const path = this.files.pathOf(sourceCode);
    const imported = path ? importedName(identifier, sourceCode, path) : undefined;
    if (!path || !imported) return undefined;
    const target = this.resolveModule(dirname(path), imported.specifier);
    if (target === null || target === undefined) return target;
    const parsed = this.files.parse(target);
    if (!parsed.ok) return null;
    const exported = exportedBy(parsed.file.sourceCode, imported.name);
    return exported ? { file: parsed.file, exported } : exported;
  }

  /**
   * The file a relative specifier names, as TypeScript resolves it (`./x.js` may be `./x.ts`, `./x` may be
   * `./x/index.ts`); null when there is none, undefined when the answer is not plain.
   */
  private resolveModule(directory: string, specifier: string): string | null | undefined {
    if (!/^\.\.?(?:\/|$)/u.test(specifier)) return undefined;
    const base = resolve(directory, specifier);
    const extension = extname(specifier);
    let candidates: string[];
    if (SUBSTITUTES[extension]) candidates = (SUBSTITUTES[extension] as readonly string[]).map((substitute) => base.slice(0, -extension.length) + substitute);
    else if (TYPESCRIPT_EXTENSIONS.includes(extension) && !base.endsWith('.d.ts')) candidates = [base];
    else {
      candidates = APPENDED.map((appended) => base + appended);
      if (isDirectory(base)) {
        // A directory with a package.json resolves through its fields.
        if (existsSync(join(base, 'package.json'))) return undefined;
        candidates.push(...APPENDED.map((appended) => join(base, `index${appended}`)));
      }
    }
    const found = candidates.find((candidate) => this.files.exists(candidate));
    if (!found) return this.mapsRootDirectories(directory) ? undefined : null;
    return isSourceFile(found) && this.files.mayTouch(found) ? found : undefined;
  }

  /** Whether a configuration above `directory` may merge directories (`rootDirs`, or a configuration it extends). */
  private mapsRootDirectories(directory: string): boolean {
    for (let current = directory; this.files.mayTouch(current); current = dirname(current)) {
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const file = join(current, name);
        if (existsSync(file) && /"rootDirs"\s*:|"extends"\s*:/u.test(readFileSync(file, 'utf8'))) return true;
      }
      if (dirname(current) === current) break;
    }
    return false;
  }
}

/**
 * The module and the exported name an identifier is bound to: `import { name } from 'x'`, `import name from 'x'`, or
 * in a JavaScript file `const { name } = require('x')` (TypeScript treats that as an import there).
 */
function importedName(identifier: TSESTree.Identifier, sourceCode: SourceCode, path: string): { specifier: string; name: string } | undefined {
  const variable = resolveIdentifier(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'ImportBinding') {
    const declaration = definition.parent;
    const specifier = definition.node;
    if (declaration.type !== T.ImportDeclaration || declaration.importKind === 'type') return undefined;
    if (specifier.type === T.ImportDefaultSpecifier) return { specifier: declaration.source.value, name: 'default' };
    if (specifier.type === T.ImportSpecifier && specifier.importKind !== 'type') return { specifier: declaration.source.value, name: nameOf(specifier.imported) };
    return undefined;
  }
  if (definition?.type !== 'Variable' || !/\.[cm]?jsx?$/u.test(path)) return undefined;
  const { id, init } = definition.node;
  const callee = init?.type === T.CallExpression && init.arguments.length === 1 ? init.callee : null;
  // `require` itself, not a binding of that name.
  if (callee?.type !== T.Identifier || callee.name !== 'require' || resolveIdentifier(sourceCode, callee)) return undefined;
  const required = (init as TSESTree.CallExpression).arguments[0];
  if (id.type !== T.ObjectPattern || required?.type !== T.Literal || typeof required.value !== 'string') return undefined;
  const property = id.properties.find((entry) => entry.type === T.Property && entry.value === definition.name);
  if (property?.type !== T.Property || property.computed || (property.key.type !== T.Identifier && property.key.type !== T.Literal)) return undefined;
  const key = property.key.type === T.Identifier ? property.key.name : property.key.value;
  return typeof key === 'string' ? { specifier: required.value, name: key } : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

/** What declares `name` among the module's own exports; undefined when it is not declared there plainly. */
function exportedBy(sourceCode: SourceCode, name: string): Exported | undefined {
  const found: (Exported | undefined)[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.TSExportAssignment) return undefined;
    if (statement.type === T.ExportDefaultDeclaration && name === 'default') found.push(defaultExport(sourceCode, statement.declaration));
    if (statement.type !== T.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type === T.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === T.Identifier) {
          if (declarator.id.name === name) found.push({ kind: 'variable', node: declarator });
        } else if (sourceCode.getDeclaredVariables(declarator).some((variable) => variable.name === name)) {
          return undefined;
        }
      }
    } else if (declaration && 'id' in declaration && declaration.id?.type === T.Identifier && declaration.id.name === name) {
      found.push(declaration.type === T.FunctionDeclaration || declaration.type === T.ClassDeclaration ? { kind: 'declaration', node: declaration } : undefined);
    }
    for (const specifier of statement.specifiers) {
      if (nameOf(specifier.exported) !== name) continue;
      if (statement.source || statement.exportKind === 'type' || specifier.exportKind === 'type') return undefined;
      found.push(moduleBinding(sourceCode, nameOf(specifier.local)));
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** `export default …`: a declaration, a module binding it names, or the expression itself. */
function defaultExport(sourceCode: SourceCode, declaration: TSESTree.ExportDefaultDeclaration['declaration']): Exported | undefined {
  if (declaration.type === T.FunctionDeclaration || declaration.type === T.ClassDeclaration) return { kind: 'declaration', node: declaration };
  if (declaration.type === T.Identifier) {
    // `export default (name)` exports the value, not the binding.
    return sourceCode.getTokenBefore(declaration)?.value === '(' ? { kind: 'expression', node: declaration } : moduleBinding(sourceCode, declaration.name);
  }
  if (declaration.type === T.MemberExpression || declaration.type === T.TSDeclareFunction || declaration.type === T.TSInterfaceDeclaration) return undefined;
  return { kind: 'expression', node: declaration };
}

/** The one declaration of a top-level binding, when it is a variable, a function or a class of the module. */
function moduleBinding(sourceCode: SourceCode, name: string): Exported | undefined {
  const scope = sourceCode.scopeManager?.acquire(sourceCode.ast, true) ?? sourceCode.scopeManager?.globalScope;
  const variable = scope?.set.get(name);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'Variable' && definition.node.id === definition.name) return { kind: 'variable', node: definition.node };
  if ((definition?.type === 'FunctionName' || definition?.type === 'ClassName') && (definition.node.type === T.FunctionDeclaration || definition.node.type === T.ClassDeclaration)) {
    return { kind: 'declaration', node: definition.node };
  }
  return undefined;
}
