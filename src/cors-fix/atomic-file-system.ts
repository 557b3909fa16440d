/** A ts-morph file system whose writes are atomic: a temporary file beside the target, then a rename. */
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
 * Delegates to ts-morph's real file system, except that writes go through `writeFileAtomic` and files cors-fix has
 * already read are served from `known` (their text as on disk, BOM included), so nothing is read twice.
 */
export class AtomicFileSystem implements FileSystemHost {
  constructor(
    private readonly inner: FileSystemHost,
    private readonly known: ReadonlyMap<string, string>,
  ) {}

  isCaseSensitive(): boolean {
    return this.inner.isCaseSensitive();
  }
  delete(path: string): Promise<void> {
    return this.inner.delete(path);
  }
  deleteSync(path: string): void {
    this.inner.deleteSync(path);
  }
  readDirSync(dirPath: string): RuntimeDirEntry[] {
    return this.inner.readDirSync(dirPath);
  }
  readFile(filePath: string, encoding?: string): Promise<string> {
    const text = this.known.get(slashes(filePath));
    return text === undefined ? this.inner.readFile(filePath, encoding) : Promise.resolve(text);
  }
  readFileSync(filePath: string, encoding?: string): string {
    return this.known.get(slashes(filePath)) ?? this.inner.readFileSync(filePath, encoding);
  }
  async writeFile(filePath: string, fileText: string): Promise<void> {
    writeFileAtomic(filePath, fileText);
  }
  writeFileSync(filePath: string, fileText: string): void {
    writeFileAtomic(filePath, fileText);
  }
  mkdir(dirPath: string): Promise<void> {
    return this.inner.mkdir(dirPath);
  }
  mkdirSync(dirPath: string): void {
    this.inner.mkdirSync(dirPath);
  }
  move(srcPath: string, destPath: string): Promise<void> {
    return this.inner.move(srcPath, destPath);
  }
  moveSync(srcPath: string, destPath: string): void {
    this.inner.moveSync(srcPath, destPath);
  }
  copy(srcPath: string, destPath: string): Promise<void> {
    return this.inner.copy(srcPath, destPath);
  }
  copySync(srcPath: string, destPath: string): void {
    this.inner.copySync(srcPath, destPath);
  }
  fileExists(filePath: string): Promise<boolean> {
    return this.inner.fileExists(filePath);
  }
  fileExistsSync(filePath: string): boolean {
    return this.known.has(slashes(filePath)) || this.inner.fileExistsSync(filePath);
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

/** ts-morph standardises paths to forward slashes; `known` is keyed the same way. */
export function slashes(path: string): string {
  return path.replaceAll('\\', '/');
}
