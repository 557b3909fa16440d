/**
 * Following values into other modules. The reader resolves values as far as one file shows them; given `ModuleLinks`
 * (the code-mod's project view, or the editor's type information), an imported binding is followed to the value it is
 * exported with, and read there with that file's own scopes. Nodes from a linked file keep their own positions, so
 * every consumer can tell which file a node belongs to (`fileOf`) and where the local code refers to it (`localAnchor`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Node, SourceCode } from './ast.js';

/** A parsed file the model may read values from. */
export interface LinkedFile {
  sourceCode: SourceCode;
  filename: string;
}

/** What an imported binding refers to. */
export type LinkTarget =
  /** An exported value: a variable's initializer, a function or class declaration, an `export default` expression. */
  | { kind: 'value'; node: Node; file: LinkedFile }
  /** A whole module (`import * as config`, `const config = require('./config')` of a module without a default). */
  | { kind: 'namespace'; file: LinkedFile; exports: ReadonlyMap<string, Node> };

/** Resolves imported bindings to their exported values in other files. */
export interface ModuleLinks {
  /**
   * What `node` refers to in another module, or null when unknown: an identifier bound by an import or a `require` in
   * `sourceCode`, or the specifier string of `require('./x')` / `import('./x')` (the module's exports).
   */
  follow(node: TSESTree.Identifier | TSESTree.StringLiteral, sourceCode: SourceCode): LinkTarget | null;
}

const files = new WeakMap<Node, LinkedFile>();
const attached = new WeakMap<SourceCode, ModuleLinks>();
/**
 * Per file being read (its root node): linked node → the reference that led to it. Kept per reader because a linked
 * file can outlive one reading of its importer (the editor keeps it while its text is unchanged) and be imported by
 * several files.
 */
const anchors = new WeakMap<Node, WeakMap<Node, { reference: Node; tentative: boolean }>>();
let linkedFiles = 0;

/** Makes a linked file's nodes known to `fileOf` (link implementations call this before returning a target). */
export function registerLinkedFile(file: LinkedFile): void {
  if (files.has(file.sourceCode.ast as Node)) return;
  files.set(file.sourceCode.ast as Node, file);
  linkedFiles += 1;
}

/** The linked file `node` belongs to, or null for nodes of the file being read. */
export function fileOf(node: Node): LinkedFile | null {
  if (linkedFiles === 0) return null;
  let current: Node | undefined = node;
  while (current.parent) current = current.parent;
  return files.get(current) ?? null;
}

/** The source whose scopes describe `node`: its linked file's, or `fallback` for the file being read. */
export function sourceFor(node: Node, fallback: SourceCode): SourceCode {
  return fileOf(node)?.sourceCode ?? fallback;
}

/**
 * Remembers that `reference` (in the importing file) led to `target` (in a linked file) while `reader` was read. The
 * first reference wins, except over a tentative one: each export of a namespace is anchored at the namespace until a
 * member access (`config.corsOptions`) reads it.
 */
export function recordLink(target: Node, reference: Node, reader: SourceCode, tentative = false): void {
  const root = reader.ast as Node;
  let links = anchors.get(root);
  if (!links) {
    links = new WeakMap();
    anchors.set(root, links);
  }
  const known = links.get(target);
  if (!known || (known.tentative && !tentative)) links.set(target, { reference, tentative });
}

/**
 * Where a node of a linked file is referred to in `ast` (the file being linted): the import reference that led to the
 * linked value containing it when that file was read, followed back through re-exporting files. Null when `node` is
 * not reached from `ast`.
 */
export function localAnchor(node: Node, ast: Node): Node | null {
  const links = anchors.get(ast);
  if (!links) return null;
  const rootOf = (start: Node): Node => {
    let current = start;
    while (current.parent) current = current.parent;
    return current;
  };
  let current: Node | undefined = node;
  for (let hops = 0; current && hops < 64; hops += 1) {
    if (rootOf(current) === ast) return current;
    let climb: Node | undefined = current;
    let reference: Node | undefined;
    while (climb && !(reference = links.get(climb)?.reference)) climb = climb.parent;
    current = reference;
  }
  return null;
}

/** Makes `links` the way values imported into `sourceCode` are followed, for every reader of that file. */
export function attachLinks(sourceCode: SourceCode, links: ModuleLinks): void {
  attached.set(sourceCode, links);
}

/** The links attached to a file, or null: imports are then opaque. */
export function attachedLinks(sourceCode: SourceCode): ModuleLinks | null {
  return attached.get(sourceCode) ?? null;
}
