/** The plugin's name and version, read from its package.json (from the source tree or from `dist/`). */
import { readFileSync } from 'node:fs';

interface PackageMeta {
  name: string;
  version: string;
}

function readPackageMeta(): PackageMeta {
  // `src/package-meta.ts` and `dist/src/package-meta.js` sit one and two levels below package.json.
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Partial<PackageMeta>;
      if (pkg.name === 'eslint-plugin-cors' && pkg.version) return { name: pkg.name, version: pkg.version };
    } catch {
      // Not there: try the next level.
    }
  }
  throw new Error('eslint-plugin-cors: package.json not found next to the plugin.');
}

export const PACKAGE = readPackageMeta();
