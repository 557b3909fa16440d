/**
 * The name and version of the package this code was loaded from: `eslint-plugin-cors`, or `cors-fix`, which ships its
 * own build of the model. Both are released together with one version number.
 */
import { readFileSync } from 'node:fs';

interface PackageMeta {
  name: string;
  version: string;
}

const OUR_PACKAGES = new Set(['eslint-plugin-cors', 'cors-fix']);

function readPackageMeta(): PackageMeta {
  // The source sits one level below its package.json (`src/`), a build two or three (`dist/src/`, `dist/src/x/`).
  for (const relative of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Partial<PackageMeta>;
      if (pkg.name && OUR_PACKAGES.has(pkg.name) && pkg.version) return { name: pkg.name, version: pkg.version };
    } catch {
      // Not there: try the next level.
    }
  }
  throw new Error('eslint-plugin-cors: package.json not found next to the code.');
}

export const PACKAGE = readPackageMeta();
