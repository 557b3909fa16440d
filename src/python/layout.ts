/**
 * Where a Python file sits in its project: the directory its `.env.example` belongs in, and how it imports a module
 * placed beside it (relative inside a package that imports relatively, through the package path when it imports
 * its own package absolutely, by plain name in a script directory).
 */
import { basename, dirname, join } from 'node:path';
import type { ProjectAccess } from './link.js';
import type { PyScope } from './scope.js';

/** Files that mark the root of a Python project. */
const PROJECT_MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', 'manage.py'];

/** The nearest directory above `file` (up to the run's root) with a project marker; the file's directory otherwise. */
export function projectRoot(file: string, project: ProjectAccess): string {
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    if (PROJECT_MARKERS.some((marker) => project.exists(join(directory, marker)))) return directory;
    if (directory === project.root || dirname(directory) === directory || !directory.startsWith(project.root)) return dirname(file);
  }
}

/** The module name `file` imports a sibling module `name` by. */
export function siblingImport(file: string, scope: PyScope, name: string, project: ProjectAccess): string {
  const directory = dirname(file);
  if (!project.exists(join(directory, '__init__.py'))) return name;
  const packages: string[] = [];
  for (let current = directory; project.exists(join(current, '__init__.py')); current = dirname(current)) {
    packages.unshift(basename(current));
    if (dirname(current) === current) break;
  }
  const relative = [...scope.imports.values(), ...scope.starImports].some((binding) => binding.level > 0);
  const top = packages[0];
  const absolute = !relative && top !== undefined && [...scope.imports.values()].some((binding) => binding.qualified === top || binding.qualified.startsWith(`${top}.`));
  return absolute ? [...packages, name].join('.') : `.${name}`;
}
