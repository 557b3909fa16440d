/**
 * The links the model follows in cors-fix: plain imports of the repository's own modules directly, the others through
 * the project view, created at the first import that needs it. Imports of packages (`import config from 'config'`)
 * are never followed, so a run whose CORS files import nothing of their own, or only plainly, never loads ts-morph and
 * TypeScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { resolveIdentifier, unwrap } from '../model/ast.js';
import type { LinkTarget, ModuleLinks, SourceCode } from '../model/index.js';
import { DirectExports } from './direct-exports.js';
import type { DeclarationFinder } from './policy-scope.js';
import type { ProjectFiles } from './project-files.js';
import { type Declaration, ProjectView } from './project-view.js';

export class ProjectLinks implements ModuleLinks, DeclarationFinder {
  private view: ProjectView | null = null;
  private readonly aliases = new Map<string, boolean>();
  private readonly direct: DirectExports;

  constructor(private readonly files: ProjectFiles) {
    this.direct = new DirectExports(files);
  }

  /** Whether the project view was needed (and ts-morph loaded). */
  get loaded(): boolean {
    return this.view !== null;
  }

  follow(node: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): LinkTarget | null {
    if (!this.mayBeLocal(node, sourceCode)) return null;
    const direct = node.type === T.Identifier ? this.direct.follow(node, sourceCode) : undefined;
    return direct === undefined ? this.load().follow(node, sourceCode) : direct;
  }

  declarationOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): Declaration | null {
    if (!this.mayBeLocal(identifier, sourceCode)) return null;
    const direct = this.direct.declarationOf(identifier, sourceCode);
    return direct === undefined ? this.load().declarationOf(identifier, sourceCode) : direct;
  }

  private load(): ProjectView {
    this.view ??= new ProjectView(this.files);
    return this.view;
  }

  /** Whether the module an identifier is imported from can be a file of the project: a path, or an alias the project defines. */
  private mayBeLocal(node: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): boolean {
    const specifier = node.type === T.Literal ? node.value : importSpecifier(node, sourceCode);
    if (specifier === null) return false;
    if (/^(?:\.|\/|#)/u.test(specifier)) return true;
    const path = this.files.pathOf(sourceCode);
    return path !== null && this.definesAliases(dirname(path));
  }

  /** Whether a `tsconfig.json`/`jsconfig.json` (with `paths`) or a `package.json` (with `imports`) above `directory` maps aliases. */
  private definesAliases(directory: string): boolean {
    const known = this.aliases.get(directory);
    if (known !== undefined) return known;
    let found = false;
    for (const name of ['tsconfig.json', 'jsconfig.json', 'package.json']) {
      const file = join(directory, name);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      if (name === 'package.json' ? /"imports"\s*:/u.test(text) : /"paths"\s*:|"extends"\s*:/u.test(text)) found = true;
    }
    const parent = dirname(directory);
    if (!found && parent !== directory && this.files.mayTouch(parent)) found = this.definesAliases(parent);
    this.aliases.set(directory, found);
    return found;
  }
}

/** The module an identifier is bound to: its `import … from 'x'`, or `require('x')` / `import('x')` in its declaration. */
function importSpecifier(identifier: TSESTree.Identifier, sourceCode: SourceCode): string | null {
  const definition = resolveIdentifier(sourceCode, identifier)?.defs[0];
  if (definition?.type === 'ImportBinding') return definition.parent.type === T.ImportDeclaration ? definition.parent.source.value : null;
  if (definition?.type !== 'Variable') return null;
  let init = (definition.node as TSESTree.VariableDeclarator).init;
  while (init) {
    const value: TSESTree.Node = unwrap(init);
    if (value.type === T.AwaitExpression || value.type === T.MemberExpression) {
      init = value.type === T.AwaitExpression ? value.argument : value.object;
      continue;
    }
    if (value.type === T.ImportExpression) return value.source.type === T.Literal && typeof value.source.value === 'string' ? value.source.value : null;
    if (value.type === T.CallExpression && value.callee.type === T.Identifier && value.callee.name === 'require') {
      const argument = value.arguments[0];
      return argument?.type === T.Literal && typeof argument.value === 'string' ? argument.value : null;
    }
    return null;
  }
  return null;
}
