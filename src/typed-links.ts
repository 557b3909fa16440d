/**
 * The links the rules follow under typed linting: an options identifier imported from another module is followed with
 * the TypeScript program the user's parser already built (import → exported declaration, through re-exports, default
 * exports, `export =` and CommonJS), and the declaring file is read by the same model. Each linked file is parsed with
 * the user's own parser once per TypeScript `SourceFile` object, which the program keeps while the file's text is
 * unchanged and replaces when it changes; its text comes from the program, never from the disk. Declaration files and
 * packages are not followed.
 */
import { posix } from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { declarationKind, linkParents, walk } from './model/ast.js';
import { type LinkTarget, type LinkedFile, type ModuleLinks, type Node, type SourceCode, attachLinks, attachedLinks, registerLinkedFile } from './model/index.js';

type Context = Pick<Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, 'sourceCode' | 'languageOptions'>;

/** What `parseForESLint` returns, as far as a model `SourceCode` needs it. */
interface ParseResult {
  ast: TSESTree.Program;
  scopeManager?: unknown;
  visitorKeys?: TSESLint.SourceCode.VisitorKeys;
  services?: unknown;
}

interface Parser {
  parseForESLint?: (text: string, options: Record<string, unknown>) => ParseResult;
}

type SourceCodeClass = new (config: { text: string; ast: TSESTree.Program; parserServices: unknown; scopeManager: unknown; visitorKeys: TSESLint.SourceCode.VisitorKeys }) => SourceCode;

/**
 * `ts.SymbolFlags.Alias`, a public constant unchanged since TypeScript 2 (the plugin does not load TypeScript itself):
 * imports, re-exports, `export default name`, `require` in JavaScript.
 */
const ALIAS = 1 << 21;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Options that make the parser build a program; a linked file only needs its syntax and scopes. */
const PROGRAM_OPTIONS = new Set(['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService']);
/** ESTree declarations a TypeScript declaration can end with, most specific first (see `declaredValue`). */
const DECLARATIONS = [
  T.VariableDeclarator,
  T.FunctionDeclaration,
  T.ClassDeclaration,
  T.ExportDefaultDeclaration,
  T.TSExportAssignment,
  T.Property,
  T.AssignmentExpression,
  T.MemberExpression,
] as const;

/** Parses of linked files, per parser and per TypeScript `SourceFile` (a new program version of a file is a new key). */
const parses = new WeakMap<Parser, WeakMap<ts.SourceFile, LinkedFile | null>>();
/** The TypeScript file each linked parse was made from. */
const tsFiles = new WeakMap<SourceCode, ts.SourceFile>();

/**
 * The links for the file being linted: those already attached to it, or, when the parser built a TypeScript program
 * for it (typed linting), links through that program. Null without type information: imports stay opaque.
 */
export function linksFor(context: Context): ModuleLinks | null {
  const { sourceCode } = context;
  const attached = attachedLinks(sourceCode);
  if (attached) return attached;
  const services = sourceCode.parserServices;
  const program = services?.program;
  // Without type information this property read is all the typed path costs.
  if (!program) return null;
  const file = services.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  const parser = context.languageOptions.parser as Parser | undefined;
  if (!file || typeof parser?.parseForESLint !== 'function') return null;
  const links = new TypedLinks(program, sourceCode, file as ts.SourceFile, (tsFile) => linkedParse(tsFile, parser, context));
  attachLinks(sourceCode, links);
  return links;
}

class TypedLinks implements ModuleLinks {
  private typeChecker: ts.TypeChecker | null = null;

  constructor(
    private readonly program: ts.Program,
    private readonly linted: SourceCode,
    private readonly lintedFile: ts.SourceFile,
    private readonly parse: (file: ts.SourceFile) => LinkedFile | null,
  ) {}

  private get checker(): ts.TypeChecker {
    this.typeChecker ??= this.program.getTypeChecker();
    return this.typeChecker;
  }

  follow(node: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): LinkTarget | null {
    try {
      return this.followThroughProgram(node, sourceCode);
    } catch {
      // TypeScript's checker can throw on a program it holds in an inconsistent state (seen with typescript-eslint's
      // single-run mode when one process lints with both `project` and `projectService`): the import stays opaque,
      // as without type information, and the lint goes on.
      return null;
    }
  }

  private followThroughProgram(node: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): LinkTarget | null {
    const file = sourceCode === this.linted ? this.lintedFile : tsFiles.get(sourceCode);
    const at = file ? tsNodeAt(file, node.range) : null;
    if (!file || !at) return null;
    if (node.type === T.Literal) {
      const module = this.checker.getSymbolAtLocation(at) ?? this.requiredModule(node.value, file);
      return module ? this.targetOf(module) : null;
    }
    // Only imports are followed; a `const x = require('./x')` TypeScript does not link is read through its specifier.
    const symbol = this.checker.getSymbolAtLocation(at);
    return symbol && symbol.flags & ALIAS ? this.targetOf(this.checker.getAliasedSymbol(symbol)) : null;
  }

  /** A value's declaration, or a whole module: its `export =` value, or its exports by name. */
  private targetOf(symbol: ts.Symbol): LinkTarget | null {
    const declaration = this.sourceDeclaration(symbol);
    if (!declaration) return null;
    const module = declaration.getSourceFile();
    if (declaration !== module) {
      const value = this.valueOf(symbol);
      return value && { kind: 'value', ...value };
    }
    const assigned = symbol.exports?.get('export=' as ts.__String);
    if (assigned) {
      const value = this.valueOf(this.resolved(assigned));
      return value && { kind: 'value', ...value };
    }
    const file = this.parse(module);
    if (!file) return null;
    const exports = new Map<string, Node>();
    for (const exported of this.checker.getExportsOfModule(symbol)) {
      const value = this.valueOf(this.resolved(exported));
      if (value) exports.set(exported.getName(), value.node);
    }
    return { kind: 'namespace', file, exports };
  }

  /** The value a symbol is declared with, as a node of the linked parse of its file. */
  private valueOf(symbol: ts.Symbol): { node: Node; file: LinkedFile } | null {
    const declaration = this.sourceDeclaration(symbol);
    if (!declaration || declaration === declaration.getSourceFile()) return null;
    const file = this.parse(declaration.getSourceFile());
    const node = file ? declaredValue(file.sourceCode, declaration.end) : null;
    return file && node ? { node, file } : null;
  }

  private resolved(symbol: ts.Symbol): ts.Symbol {
    return symbol.flags & ALIAS ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /**
   * The symbol's value declaration, or else its first declaration, in a source file of the project: not a declaration
   * file, not a package.
   */
  private sourceDeclaration(symbol: ts.Symbol): ts.Node | null {
    const declarations = symbol.valueDeclaration ? [symbol.valueDeclaration, ...(symbol.declarations ?? [])] : symbol.declarations;
    return (
      declarations?.find((declaration) => {
        const file = declaration.getSourceFile();
        return !file.isDeclarationFile && !this.program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/u.test(file.fileName);
      }) ?? null
    );
  }

  /**
   * The module of `require('./x')` in a TypeScript file, which the program does not resolve: a relative path to one of
   * the program's files, with or without its extension, or a directory's index.
   */
  private requiredModule(specifier: string, from: ts.SourceFile): ts.Symbol | null {
    if (!specifier.startsWith('.')) return null;
    const base = posix.join(posix.dirname(from.fileName), specifier);
    const candidates = [base, base.replace(/\.([cm]?)js(x?)$/u, '.$1ts$2'), ...EXTENSIONS.map((extension) => base + extension), ...EXTENSIONS.map((extension) => `${base}/index${extension}`)];
    for (const candidate of candidates) {
      const file = this.program.getSourceFile(candidate);
      if (file) return this.checker.getSymbolAtLocation(file) ?? null;
    }
    return null;
  }
}

/** The innermost TypeScript node spanning exactly `range` (positions agree: both parses are of the same text). */
function tsNodeAt(file: ts.SourceFile, [start, end]: TSESTree.Range): ts.Node | null {
  let found: ts.Node | null = null;
  let current: ts.Node | undefined = file;
  while (current) {
    current = current.forEachChild((child) => (child.pos <= start && end <= child.end ? child : undefined));
    if (current && current.end === end && current.getStart(file) === start) found = current;
  }
  return found;
}

/**
 * The value of the declaration that ends at `end`: a `const`'s initializer, a function or class, an `export default`
 * or `export =` expression, a property of an object assigned to `module.exports`, or the value `exports.x = …`
 * assigns. A TypeScript declaration and its ESTree node end at the same offset; when several ESTree nodes do, the
 * declaration kinds are tried most specific first.
 */
function declaredValue(sourceCode: SourceCode, end: number): Node | null {
  const ending: Node[] = [];
  walk(sourceCode.ast as Node, sourceCode.visitorKeys, (node) => {
    if (node.range[0] > end || node.range[1] < end) return false;
    if (node.range[1] === end) ending.push(node);
    return true;
  });
  for (const type of DECLARATIONS) {
    const node = ending.find((candidate) => candidate.type === type);
    if (node) return valueOfDeclaration(node);
  }
  return null;
}

function valueOfDeclaration(node: Node): Node | null {
  switch (node.type) {
    case T.VariableDeclarator:
      // Only a `const` keeps the value it is declared with.
      return node.id.type === T.Identifier && declarationKind(node) === 'const' ? node.init : null;
    case T.FunctionDeclaration:
    case T.ClassDeclaration:
      return node;
    case T.ExportDefaultDeclaration:
      return node.declaration;
    case T.TSExportAssignment:
      return node.expression;
    case T.Property:
      return node.parent.type === T.ObjectExpression ? node.value : null;
    case T.AssignmentExpression:
      return node.operator === '=' ? node.right : null;
    case T.MemberExpression:
      return node.parent.type === T.AssignmentExpression && node.parent.left === node && node.parent.operator === '=' ? node.parent.right : null;
    default:
      return null;
  }
}

/**
 * The linked parse of a file of the program, made once per `SourceFile` with the parser and options of the file being
 * linted (without the program options: scopes are all the model needs). Null when the file does not parse.
 */
function linkedParse(file: ts.SourceFile, parser: Parser, context: Context): LinkedFile | null {
  let byFile = parses.get(parser);
  if (!byFile) {
    byFile = new WeakMap();
    parses.set(parser, byFile);
  }
  if (byFile.has(file)) return byFile.get(file) ?? null;
  const linked = parseFile(file, parser, context);
  byFile.set(file, linked);
  if (linked) {
    registerLinkedFile(linked);
    tsFiles.set(linked.sourceCode, file);
  }
  return linked;
}

function parseFile(file: ts.SourceFile, parser: Parser, context: Context): LinkedFile | null {
  const { languageOptions } = context;
  const parserOptions = Object.fromEntries(Object.entries(languageOptions.parserOptions ?? {}).filter(([key]) => !PROGRAM_OPTIONS.has(key)));
  const sourceType = /\.c[jt]s$/u.test(file.fileName) ? 'commonjs' : /\.m[jt]s$/u.test(file.fileName) ? 'module' : (languageOptions.sourceType ?? 'module');
  let parsed: ParseResult;
  try {
    parsed = (parser.parseForESLint as NonNullable<Parser['parseForESLint']>)(file.text, {
      ...parserOptions,
      ecmaVersion: languageOptions.ecmaVersion ?? 'latest',
      sourceType,
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      filePath: file.fileName,
    });
  } catch {
    // A file that does not parse (the program tolerates syntax errors, ESLint's parser does not) stays opaque.
    return null;
  }
  if (!parsed.scopeManager) return null;
  const visitorKeys = parsed.visitorKeys ?? context.sourceCode.visitorKeys;
  linkParents(parsed.ast as Node, visitorKeys);
  const SourceCode = context.sourceCode.constructor as SourceCodeClass;
  const sourceCode = new SourceCode({ text: file.text, ast: parsed.ast, parserServices: parsed.services ?? {}, scopeManager: parsed.scopeManager, visitorKeys });
  return { sourceCode, filename: file.fileName };
}
