/** Atomic writes (a temporary file beside the target, then a rename), and the read-only file system of the project view. */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileSystemHost, RuntimeDirEntry } from 'ts-morph';

/** Writes `text` to `path` so that readers see either the old or the new file, keeping the old file's mode. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.cors-fix-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | null = null;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mkdirSync(dirname(path), { recursive: true });
  }
  try {
    writeFileSync(temporary, text, 'utf8');
    if (mode !== null) chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The file system ts-morph's project view reads through: source files come from the run's own reads (BOM removed, so
 * positions match cors-fix's parses; files outside the repository are not served unless forced), everything else from
 * disk. It never writes: cors-fix writes with `writeFileAtomic` only.
 */
export class ViewFileSystem implements FileSystemHost {
  constructor(
    private readonly inner: FileSystemHost,
    /** The text cors-fix has (or reads now) for a path, or undefined to read the disk. */
    private readonly lookup: (path: string) => string | undefined,
  ) {}

  isCaseSensitive(): boolean {
    return this.inner.isCaseSensitive();
  }
  delete(): Promise<void> {
    return Promise.reject(new Error('the project view is read-only'));
  }
  deleteSync(): void {
    throw new Error('the project view is read-only');
  }
  readDirSync(dirPath: string): RuntimeDirEntry[] {
    return this.inner.readDirSync(dirPath);
  }
  readFile(filePath: string, encoding?: string): Promise<string> {
    const text = this.lookup(filePath);
    return text === undefined ? this.inner.readFile(filePath, encoding) : Promise.resolve(text);
  }
  readFileSync(filePath: string, encoding?: string): string {
    return this.lookup(filePath) ?? this.inner.readFileSync(filePath, encoding);
  }
  writeFile(): Promise<void> {
    return Promise.reject(new Error('the project view is read-only'));
  }
  writeFileSync(): void {
    throw new Error('the project view is read-only');
  }
  mkdir(): Promise<void> {
    return Promise.reject(new Error('the project view is read-only'));
  }
  mkdirSync(): void {
    throw new Error('the project view is read-only');
  }
  move(): Promise<void> {
    return Promise.reject(new Error('the project view is read-only'));
  }
  moveSync(): void {
    throw new Error('the project view is read-only');
  }
  copy(): Promise<void> {
    return Promise.reject(new Error('the project view is read-only'));
  }
  copySync(): void {
    throw new Error('the project view is read-only');
  }
  fileExists(filePath: string): Promise<boolean> {
    return this.inner.fileExists(filePath);
  }
  fileExistsSync(filePath: string): boolean {
    return this.lookup(filePath) !== undefined || this.inner.fileExistsSync(filePath);
  }
  directoryExists(dirPath: string): Promise<boolean> {
    return this.inner.directoryExists(dirPath);
  }
  directoryExistsSync(dirPath: string): boolean {
    return this.inner.directoryExistsSync(dirPath);
  }
  realpathSync(path: string): string {
    return this.inner.realpathSync(path);
  }
  getCurrentDirectory(): string {
    return this.inner.getCurrentDirectory();
  }
  glob(patterns: ReadonlyArray<string>): Promise<string[]> {
    return this.inner.glob(patterns);
  }
  globSync(patterns: ReadonlyArray<string>): string[] {
    return this.inner.globSync(patterns);
  }
}
