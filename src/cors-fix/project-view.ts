/**
 * The project view: ts-morph answers which declaration an imported name refers to, across files, the way the
 * project's own TypeScript (or JavaScript) configuration resolves it — `paths` aliases, `baseUrl`, re-exports and
 * barrel files, CommonJS `require` and `module.exports`, one configuration per package in a monorepo. Only files
 * reachable from the files cors-fix asks about are loaded, never packages from `node_modules`. The declarations are
 * then read by the same model as every other file, on cors-fix's own parses.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { createRequire } from 'node:module';
import type { Node as MorphNode, Project, SourceFile, Symbol as MorphSymbol, ts } from 'ts-morph';
import { type Node, declarationKind, walk } from '../model/ast.js';
import type { LinkTarget, ModuleLinks, SourceCode } from '../model/index.js';
import { ViewFileSystem } from './atomic-file-system.js';
import { isSourceFile } from './discover-files.js';
import type { ParsedFile, ProjectFiles } from './project-files.js';

/** A declaration in another file, as cors-fix's parse of that file shows it. */
export interface Declaration {
  file: ParsedFile;
  /** `VariableDeclarator`, `FunctionDeclaration`, `ClassDeclaration`, or the expression a module exports. */
  node: Node;
}

const CONFIG_FILES = ['tsconfig.json', 'jsconfig.json'];

type Morph = typeof import('ts-morph');
let morph: Morph | null = null;

/** ts-morph (with its TypeScript), loaded when the first cross-file link is followed: runs that need none never pay for it. */
function loadMorph(): Morph {
  morph ??= createRequire(import.meta.url)('ts-morph') as Morph;
  return morph;
}

export class ProjectView implements ModuleLinks {
  private readonly projects = new Map<string, Project>();
  private readonly byEnd = new WeakMap<SourceCode, Map<number, Node[]>>();

  private readonly morph = loadMorph();

  constructor(private readonly files: ProjectFiles) {}

  follow(node: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): LinkTarget | null {
    const symbol = this.symbolAt(node, sourceCode);
    if (!symbol) return null;
    let declaration = this.sourceDeclaration(symbol);
    if (!declaration) return null;
    if (declaration.getKind() === this.morph.SyntaxKind.SourceFile) {
      // A CommonJS module's value is what it assigns to `module.exports`.
      const assigned = symbol.getExport('export=');
      const inner = assigned ? this.sourceDeclaration(assigned.isAlias() ? (assigned.getAliasedSymbol() ?? assigned) : assigned) : null;
      if (inner) declaration = inner;
    }
    if (declaration.getKind() === this.morph.SyntaxKind.SourceFile) {
      const file = this.parsed(declaration.getSourceFile());
      if (!file) return null;
      const exports = new Map<string, Node>();
      for (const exported of symbol.getExports()) {
        const inner = this.sourceDeclaration(exported.isAlias() ? (exported.getAliasedSymbol() ?? exported) : exported);
        const value = inner ? this.valueOf(inner) : null;
        if (value) exports.set(exported.getName(), value.node);
      }
      return { kind: 'namespace', file, exports };
    }
    const value = this.valueOf(declaration);
    return value ? { kind: 'value', node: value.node, file: value.file } : null;
  }

  /** The declaration (not only the value) an identifier refers to in another file: for routers, plugins, modules. */
  declarationOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): Declaration | null {
    const symbol = this.symbolAt(identifier, sourceCode);
    const declaration = symbol ? this.sourceDeclaration(symbol) : null;
    if (!declaration) return null;
    const file = this.parsed(declaration.getSourceFile());
    if (!file) return null;
    const kind = declaration.getKind();
    const wanted =
      kind === this.morph.SyntaxKind.VariableDeclaration
        ? T.VariableDeclarator
        : kind === this.morph.SyntaxKind.FunctionDeclaration
          ? T.FunctionDeclaration
          : kind === this.morph.SyntaxKind.ClassDeclaration
            ? T.ClassDeclaration
            : null;
    if (wanted) {
      const node = this.nodeEndingAt(file, declaration.getEnd(), wanted);
      return node ? { file, node } : null;
    }
    const value = this.valueOf(declaration);
    return value ? { file: value.file, node: value.node } : null;
  }

  /**
   * The symbol an identifier of a cors-fix parse refers to, aliases (imports, re-exports) followed; for the specifier
   * string of a `require`/`import()`, the module.
   */
  private symbolAt(identifier: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): MorphSymbol | null {
    const path = this.files.pathOf(sourceCode);
    if (!path) return null;
    const sourceFile = this.sourceFile(path);
    const node = sourceFile?.getDescendantAtPos(identifier.range[0]);
    if (!node) return null;
    const kind = node.getKind();
    const { SyntaxKind } = this.morph;
    if (identifier.type === T.Literal ? kind !== SyntaxKind.StringLiteral : kind !== SyntaxKind.Identifier || node.getText() !== identifier.name) return null;
    const symbol = node.getSymbol();
    if (!symbol) return null;
    return symbol.isAlias() ? (symbol.getAliasedSymbol() ?? null) : symbol;
  }

  /** The symbol's first declaration in a source file of this repository (not a declaration file, not a package). */
  private sourceDeclaration(symbol: MorphSymbol): MorphNode | null {
    for (const declaration of symbol.getDeclarations()) {
      const path = declaration.getSourceFile().getFilePath();
      if (isSourceFile(path) && this.files.mayTouch(path)) return declaration;
    }
    return null;
  }

  /** The value a declaration gives its name, as a node of cors-fix's parse of its file. */
  private valueOf(declaration: MorphNode): { file: ParsedFile; node: Node } | null {
    const file = this.parsed(declaration.getSourceFile());
    if (!file) return null;
    const end = declaration.getEnd();
    const at = (type: T): Node | null => this.nodeEndingAt(file, end, type);
    switch (declaration.getKind()) {
      case this.morph.SyntaxKind.VariableDeclaration: {
        const declarator = at(T.VariableDeclarator) as TSESTree.VariableDeclarator | null;
        // Only a `const` keeps the value it is declared with.
        return declarator?.init && declarationKind(declarator) === 'const' ? { file, node: declarator.init } : null;
      }
      case this.morph.SyntaxKind.FunctionDeclaration:
        return nodeIn(file, at(T.FunctionDeclaration));
      case this.morph.SyntaxKind.ClassDeclaration:
        return nodeIn(file, at(T.ClassDeclaration));
      case this.morph.SyntaxKind.ExportAssignment: {
        const exported = at(T.ExportDefaultDeclaration) as TSESTree.ExportDefaultDeclaration | null;
        const assigned = exported ? null : (at(T.TSExportAssignment) as TSESTree.TSExportAssignment | null);
        return nodeIn(file, exported?.declaration ?? assigned?.expression ?? null);
      }
      case this.morph.SyntaxKind.PropertyAssignment:
      case this.morph.SyntaxKind.ShorthandPropertyAssignment: {
        // `module.exports = { corsOptions: {…} }`, `module.exports = { corsOptions }`.
        const property = at(T.Property) as TSESTree.Property | null;
        return nodeIn(file, property?.value ?? null);
      }
      case this.morph.SyntaxKind.PropertyAccessExpression:
      case this.morph.SyntaxKind.BinaryExpression: {
        // `exports.adminCors = {…}`, `module.exports = {…}`: the value assigned.
        const target = at(declaration.getKind() === this.morph.SyntaxKind.BinaryExpression ? T.AssignmentExpression : T.MemberExpression);
        const assignment = target?.type === T.AssignmentExpression ? target : target?.parent;
        return assignment?.type === T.AssignmentExpression && assignment.operator === '=' ? { file, node: assignment.right } : null;
      }
      default:
        return null;
    }
  }

  /** cors-fix's parse of a file ts-morph loaded. */
  private parsed(sourceFile: SourceFile): ParsedFile | null {
    const outcome = this.files.parse(resolve(sourceFile.getFilePath()));
    return outcome.ok ? outcome.file : null;
  }

  /** The node of `type` that ends at `end` (the innermost, when several do). */
  private nodeEndingAt(file: ParsedFile, end: number, type: T): Node | null {
    let index = this.byEnd.get(file.sourceCode);
    if (!index) {
      index = new Map();
      const map = index;
      walk(file.sourceCode.ast as Node, file.sourceCode.visitorKeys, (node) => {
        const list = map.get(node.range[1]);
        if (list) list.push(node);
        else map.set(node.range[1], [node]);
      });
      this.byEnd.set(file.sourceCode, index);
    }
    const candidates = index.get(end) ?? [];
    return candidates.filter((node) => node.type === type).at(-1) ?? null;
  }

  /** The ts-morph source file of `path`, in the project of its nearest configuration. */
  private sourceFile(path: string): SourceFile | null {
    const project = this.projectFor(path);
    return project.getSourceFile(path) ?? project.addSourceFileAtPathIfExists(path) ?? null;
  }

  private projectFor(path: string): Project {
    const config = nearestConfig(dirname(path), this.files.root);
    const key = config ?? `default:${this.files.root}`;
    let project = this.projects.get(key);
    if (!project) {
      project = this.createProject(config);
      this.projects.set(key, project);
    }
    return project;
  }

  private createProject(config: string | null): Project {
    const fileSystem = new ViewFileSystem(new this.morph.Project({ useInMemoryFileSystem: false }).getFileSystem(), (path) => {
      if (!isSourceFile(path)) return undefined;
      const text = this.files.read(resolve(path));
      return text.kind === 'text' ? text.text : undefined;
    });
    const overrides: ts.CompilerOptions = { allowJs: true, noLib: true, types: [], noEmit: true, skipLibCheck: true };
    const options = {
      fileSystem,
      skipAddingFilesFromTsConfig: true,
      skipLoadingLibFiles: true,
      // Packages are never followed: their options are not ours to fix, and loading their types costs seconds.
      resolutionHost: (host: ts.ModuleResolutionHost, getOptions: () => ts.CompilerOptions) => ({
        resolveModuleNames: (names: string[], containing: string) =>
          names.map((name) => {
            const found = this.morph.ts.resolveModuleName(name, containing, getOptions(), host).resolvedModule;
            return found && !found.isExternalLibraryImport && isSourceFile(found.resolvedFileName) ? found : undefined;
          }),
      }),
    };
    if (config) {
      try {
        return new this.morph.Project({ ...options, tsConfigFilePath: config, compilerOptions: overrides });
      } catch {
        // An unreadable configuration: resolve like a plain JavaScript project.
      }
    }
    return new this.morph.Project({ ...options, compilerOptions: { ...overrides, module: this.morph.ts.ModuleKind.Preserve, moduleResolution: this.morph.ts.ModuleResolutionKind.Bundler } });
  }
}

function nodeIn(file: ParsedFile, node: Node | null): { file: ParsedFile; node: Node } | null {
  return node ? { file, node } : null;
}

/** The nearest `tsconfig.json` / `jsconfig.json` from `directory` up to `root`. */
function nearestConfig(directory: string, root: string): string | null {
  for (let current = directory; ; current = dirname(current)) {
    for (const name of CONFIG_FILES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (current === root || dirname(current) === current) return null;
  }
}
