/**
 * Module resolution for options imported from another file: TypeScript's own resolver (through ts-morph's bundled
 * `ts`) with the project's compiler options, without building a program.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ts } from 'ts-morph';

/** Resolves module specifiers the way the project's TypeScript configuration (or Node, without one) does. */
export class ModuleResolver {
  private readonly optionsByConfig = new Map<string, ts.CompilerOptions>();

  /** The file `specifier` names when imported from `from`, or null for packages, declarations and misses. */
  resolve(specifier: string, from: string): string | null {
    // Bare specifiers are tried too (they may be `paths` aliases); packages in node_modules are never followed.
    const attempts: ts.CompilerOptions[] = [
      this.projectOptions(from),
      { allowJs: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
      { allowJs: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
    ];
    for (const options of attempts) {
      const result = ts.resolveModuleName(specifier, from, { ...options, allowJs: true, noEmit: true }, ts.sys).resolvedModule;
      if (!result || result.isExternalLibraryImport || /\.d\.[cm]?ts$/u.test(result.resolvedFileName)) continue;
      return resolve(result.resolvedFileName);
    }
    return null;
  }

  /** The compiler options of the nearest `tsconfig.json` above `file` (with `extends`), or Node's defaults. */
  private projectOptions(file: string): ts.CompilerOptions {
    const config = nearestConfig(dirname(file));
    if (!config) return { allowJs: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    let options = this.optionsByConfig.get(config);
    if (!options) {
      const read = ts.readConfigFile(config, ts.sys.readFile);
      // No file listing: only the options matter here.
      const host: ts.ParseConfigHost = { ...ts.sys, readDirectory: () => [] };
      options = read.error ? {} : ts.parseJsonConfigFileContent(read.config, host, dirname(config), undefined, config).options;
      this.optionsByConfig.set(config, options);
    }
    return options;
  }
}

function nearestConfig(directory: string): string | null {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(current, '.git')) || dirname(current) === current) return null;
  }
}
