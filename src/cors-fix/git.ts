/** The few git questions cors-fix asks: is this a repository, which files does it know, is the tree clean. */
import { spawnSync } from 'node:child_process';

function git(cwd: string, args: readonly string[]): string | null {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0 ? result.stdout : null;
}

const roots = new Map<string, string>();

/** The top directory of the git work tree that contains `cwd`, or null outside git (or without git). */
export function gitRoot(cwd: string): string | null {
  // A run asks more than once; only a found root is kept (a directory may become a repository, in tests).
  const known = roots.get(cwd);
  if (known !== undefined) return known;
  const root = git(cwd, ['rev-parse', '--show-toplevel'])?.trim() || null;
  if (root !== null) roots.set(cwd, root);
  return root;
}

/** Tracked and untracked-but-not-ignored files under `paths`, relative to `cwd`; null when git fails. */
export function listFiles(cwd: string, paths: readonly string[]): string[] | null {
  const output = git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths]);
  return output === null ? null : output.split('\0').filter(Boolean);
}

/** `git status --porcelain` entries: modified, staged and untracked (not ignored) files. */
export function uncommittedChanges(cwd: string): string[] {
  const output = git(cwd, ['status', '--porcelain', '-z', '--untracked-files=normal']);
  return output === null ? [] : output.split('\0').filter(Boolean).map((entry) => entry.slice(3));
}
