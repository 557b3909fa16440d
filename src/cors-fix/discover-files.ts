/**
 * Finds the source files to look at: `git ls-files` inside a git repository (so every `.gitignore` applies),
 * fast-glob plus the root `.gitignore` outside one. Build output and dependencies are always skipped.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { gitRoot, listFiles } from './git.js';

/** The extensions cors-fix reads (`.py` through the Python front end). */
export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.py'] as const;

/** Directories never looked into, wherever they are (dependencies, build output, Python virtual environments). */
export const SKIPPED_DIRECTORIES = ['node_modules', 'dist', 'build', '.next', 'coverage', '__pycache__', '.venv', 'venv', 'site-packages', '.tox'] as const;

/** A path argument that does not exist, or lies outside the repository. */
export class MissingPathError extends Error {}

/** The directory cors-fix may change files in: the git work tree's top level, or the working directory outside git. */
export function repositoryRoot(cwd: string): string {
  return resolve(gitRoot(cwd) ?? cwd);
}

/**
 * Absolute paths of the source files under `paths` (relative to `cwd`), sorted, each once. Paths outside `root` are
 * refused unless `force`.
 */
export async function discoverFiles(cwd: string, paths: readonly string[], root = repositoryRoot(cwd), force = false): Promise<string[]> {
  const absolute = paths.map((path) => resolve(cwd, path));
  const missing = absolute.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new MissingPathError(`No such file or directory: ${missing.map((path) => relative(cwd, path) || '.').join(', ')}`);
  const outside = force ? [] : absolute.filter((path) => !isInside(root, path));
  if (outside.length > 0) {
    throw new MissingPathError(
      `${outside.map((path) => relative(cwd, path)).join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the repository (${root}); cors-fix only changes files of the repository it runs in. Run with --force to include ${outside.length === 1 ? 'it' : 'them'}.`,
    );
  }
  const git = gitRoot(cwd);
  const insideGit = git !== null && absolute.every((path) => isInside(resolve(git), path));
  const listed = insideGit ? listFiles(cwd, absolute.map((path) => relative(cwd, path) || '.')) : null;
  // `git ls-files` still lists tracked files deleted from the work tree.
  const found = listed ? listed.map((path) => resolve(cwd, path)).filter((path) => existsSync(path)) : await globFiles(cwd, absolute);
  return [...new Set(found.filter(isSourceFile))].sort();
}

/** A source file cors-fix reads: the right extension, not a declaration file, not in a skipped directory. */
export function isSourceFile(path: string): boolean {
  if (!(SOURCE_EXTENSIONS as readonly string[]).includes(extname(path)) || /\.d\.[cm]?ts$/u.test(path)) return false;
  const segments = path.split(/[\\/]/u);
  return !segments.some((segment) => (SKIPPED_DIRECTORIES as readonly string[]).includes(segment));
}

async function globFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  // Loaded here: inside a git repository, which is where cors-fix usually runs, git lists the files.
  const { default: fastGlob } = await import('fast-glob');
  const ignoreDirectories = SKIPPED_DIRECTORIES.map((directory) => `**/${directory}/**`);
  const rootIgnores = gitignorePatterns(resolve(cwd, '.gitignore'));
  const pattern = `**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isFile()) {
      files.push(path);
      continue;
    }
    // The root .gitignore applies to directories under the current directory.
    const inside = isInside(cwd, path);
    const base = inside ? relative(cwd, path).split(sep).join('/') : '';
    const found = await fastGlob(base ? `${escapeGlob(base)}/${pattern}` : pattern, {
      cwd: inside ? cwd : path,
      absolute: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: [...ignoreDirectories, ...(inside ? rootIgnores : [])],
    });
    files.push(...found.map((file) => resolve(file)));
  }
  return files;
}

/** The simple subset of `.gitignore` as fast-glob ignore patterns (negations are not supported). */
export function gitignorePatterns(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const patterns: string[] = [];
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const pattern = line.replace(/\/+$/u, '');
    const anchored = pattern.startsWith('/') || pattern.includes('/');
    const base = anchored ? pattern.replace(/^\//u, '') : `**/${pattern}`;
    patterns.push(base, `${base}/**`);
  }
  return patterns;
}

function isInside(directory: string, path: string): boolean {
  const relation = relative(directory, path);
  return relation === '' || (!relation.startsWith('..') && !isAbsolute(relation));
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!]/gu, '\\$&');
}
