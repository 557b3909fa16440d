/**
 * Follows a Python module's imports to the project's other modules: the base settings a settings module star-imports,
 * the routers an app includes (for the methods they serve) and the Pydantic settings object the app reads. Module
 * paths resolve relative to the importing file (`from .config import …`) or to each directory above it, the way the
 * app's own sys.path would have them.
 */
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { PyRoute } from './app-facts.js';
import { type PyTree, parsePython } from './parser.js';
import { type LinkedSettings, type PyFile, linkedSettings, readPython } from './read-python.js';
import { djangoCorsHeaders } from '../frameworks/django-cors-headers.js';
import type { ImportBinding } from './scope.js';
import { type PyNode, child, fieldChildren, named, textOf, unparen, walkTree } from './syntax.js';

/** How the front end reads other files of the project (through the run's own file store: each file is read once). */
export interface ProjectAccess {
  /** The directory cors-fix runs in: imports are never resolved above it. */
  root: string;
  /** The text of a file (without BOM), or null when it cannot be read. */
  readText(path: string): string | null;
  exists(path: string): boolean;
}

/** How deep imports are followed. */
const MAX_DEPTH = 3;

/** Finds and parses the modules a file links to, each once per run. */
export class Linker {
  private readonly trees = new Map<string, Promise<PyTree | null>>();

  constructor(readonly project: ProjectAccess) {}

  /** The file a module import names, or null: `level` leading dots, `module` dotted, from the file at `from`. */
  resolve(from: string, module: string, level: number): string | null {
    const parts = module ? module.split('.') : [];
    const candidates = (base: string): string[] => {
      const path = join(base, ...parts);
      return parts.length === 0 ? [join(base, '__init__.py')] : [`${path}.py`, join(path, '__init__.py')];
    };
    if (level > 0) {
      let base = dirname(from);
      for (let index = 1; index < level; index += 1) base = dirname(base);
      return candidates(base).find((candidate) => this.inside(candidate) && this.project.exists(candidate)) ?? null;
    }
    for (let base = dirname(from); this.inside(base); base = dirname(base)) {
      const found = candidates(base).find((candidate) => this.project.exists(candidate));
      if (found) return found;
      if (dirname(base) === base) break;
    }
    return null;
  }

  /** The module an import binding refers to: a submodule (`from . import items`) or the module holding the name. */
  resolveBinding(from: string, binding: ImportBinding): { path: string; name: string | null } | null {
    if (binding.name !== null) {
      const submodule = this.resolve(from, binding.module ? `${binding.module}.${binding.name}` : binding.name, binding.level);
      if (submodule) return { path: submodule, name: null };
    }
    const module = this.resolve(from, binding.module, binding.level);
    return module ? { path: module, name: binding.name } : null;
  }

  async tree(path: string): Promise<PyTree | null> {
    let tree = this.trees.get(path);
    if (!tree) {
      const text = this.project.readText(path);
      tree = text === null ? Promise.resolve(null) : parsePython(text).then((parsed) => (parsed.errors.length > 0 ? null : parsed));
      this.trees.set(path, tree);
    }
    return tree;
  }

  /** The settings of every module `file` star-imports (null where one cannot be read), for settings modules. */
  async starImports(file: { path: string; tree: PyTree }, depth = 0, seen = new Set<string>()): Promise<(LinkedSettings | null)[]> {
    const probe = readPython(file.tree, file.path, {});
    const linked: (LinkedSettings | null)[] = [];
    for (const star of probe.scope.starImports) {
      const path = depth < MAX_DEPTH ? this.resolve(file.path, star.module, star.level) : null;
      const tree = path && !seen.has(path) ? await this.tree(path) : null;
      if (!path || !tree) {
        linked.push(null);
        continue;
      }
      seen.add(path);
      const base = readPython(tree, path, { starImports: await this.starImports({ path, tree }, depth + 1, seen) });
      const own = linkedSettings(base, djangoCorsHeaders);
      // What the base module itself inherited comes first: its own assignments override it.
      const inherited = base.registrations.size > 0 ? [...base.policies].flatMap((policy) => (policy.options.kind === 'object' ? policy.options.value.properties : [])) : own.properties;
      linked.push({ properties: inherited, middleware: own.middleware });
    }
    return linked;
  }

  /** Routes declared in the modules `file` includes routers from (`app.include_router(items.router)`), recursively. */
  async includedRoutes(file: PyFile, depth = 0, seen = new Set<string>([file.path])): Promise<PyRoute[]> {
    const routes: PyRoute[] = [];
    if (depth >= MAX_DEPTH) return routes;
    for (const router of file.facts.routers) {
      const root = rootName(router);
      if (!root) continue;
      const binding = file.scope.bindingOf(root);
      if (binding.kind !== 'import') continue;
      const target = this.resolveBinding(file.path, binding.binding);
      if (!target || seen.has(target.path)) continue;
      seen.add(target.path);
      const tree = await this.tree(target.path);
      if (!tree) continue;
      const module = readPython(tree, target.path);
      routes.push(...module.facts.routes, ...(await this.includedRoutes(module, depth + 1, seen)));
    }
    return routes;
  }

  /** The Pydantic settings object the file reads, when it is an instance of a `BaseSettings` class the project has. */
  async settingsObject(file: PyFile): Promise<SettingsObject | null> {
    const local = findSettingsClass(file);
    // `settings = Settings()` in the file itself.
    if (local?.instance) return { path: file.path, file, ...local, instance: local.instance, localName: local.instance };
    for (const [name, binding] of file.scope.imports) {
      const target = this.resolveBinding(file.path, binding);
      if (!target?.name) continue;
      const tree = await this.tree(target.path);
      if (!tree) continue;
      const module = readPython(tree, target.path);
      const found = findSettingsClass(module);
      if (found?.instance === target.name) return { path: target.path, file: module, ...found, instance: found.instance, localName: name };
    }
    return null;
  }

  /** Whether `path` is inside the directory cors-fix runs in. */
  private inside(path: string): boolean {
    const relation = relative(this.project.root, path);
    return relation === '' || (!relation.startsWith('..') && !isAbsolute(relation));
  }
}

/** A Pydantic `BaseSettings` subclass, the module-level instance of it, and how the app file names that instance. */
export interface SettingsObject {
  path: string;
  file: PyFile;
  classNode: PyNode;
  className: string;
  /** `pydantic` 1 (`from pydantic import BaseSettings`) or `pydantic_settings` (2). */
  version: 1 | 2;
  /** The module-level variable holding the instance. */
  instance: string;
  /** The name the app file uses for it. */
  localName: string;
  /** The class sets `env_prefix` or `case_sensitive`: a field named after the variable would read another name. */
  renamesVariables: boolean;
}

const BASE_SETTINGS = new Map([
  ['pydantic.BaseSettings', 1],
  ['pydantic.env_settings.BaseSettings', 1],
  ['pydantic_settings.BaseSettings', 2],
] as const);

function findSettingsClass(file: PyFile): Omit<SettingsObject, 'path' | 'file' | 'localName' | 'instance'> & { instance: string | null } | null {
  for (const [className, definition] of file.scope.definitions) {
    if (definition.kind !== 'class_definition') continue;
    const superclasses = child(definition, 'superclasses');
    const version = superclasses ? named(superclasses).map((base) => BASE_SETTINGS.get((file.scope.qualifiedName(unparen(base)) ?? '') as never)).find((found) => found !== undefined) : undefined;
    if (!version) continue;
    let instance: string | null = null;
    for (const [name, assignments] of file.scope.moduleAssignments) {
      const value = assignments.at(-1)?.value;
      const callee = value?.kind === 'call' ? child(value, 'function') : null;
      if (callee?.kind === 'identifier' && textOf(file.text, callee) === className) instance = name;
    }
    let renamesVariables = false;
    walkTree(definition, (node) => {
      if (node.kind === 'identifier' && ['env_prefix', 'case_sensitive'].includes(textOf(file.text, node))) renamesVariables = true;
      if (node.kind === 'keyword_argument' && fieldChildren(node, 'name').some((name) => ['env_prefix', 'case_sensitive'].includes(textOf(file.text, name)))) renamesVariables = true;
      return true;
    });
    return { classNode: definition, className, version, instance, renamesVariables };
  }
  return null;
}

/** `items` in `items.router`, `router` in `router`. */
function rootName(node: PyNode): PyNode | null {
  let current = unparen(node);
  while (current.kind === 'attribute') current = unparen(child(current, 'object') as PyNode);
  return current.kind === 'identifier' ? current : null;
}
