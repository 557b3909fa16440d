/**
 * Applies planned edits with ts-morph and saves: one source file per changed module (BOM kept by ts-morph, line
 * endings kept because the edits carry the file's own), new files created through the same project, every write
 * atomic. Nothing is saved in dry-run or check mode.
 */
import { Project } from 'ts-morph';
import { AtomicFileSystem, slashes } from './atomic-file-system.js';
import type { TextEdit } from './text-edits.js';

/** The ts-morph project of one run: the files cors-fix edits or creates, and nothing else. */
export class Workspace {
  private readonly project: Project;
  /** Texts cors-fix has read, as on disk: ts-morph reads them from here. */
  private readonly known = new Map<string, string>();

  constructor() {
    const settings = { skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, skipLoadingLibFiles: true } as const;
    const real = new Project(settings).getFileSystem();
    this.project = new Project({ ...settings, fileSystem: new AtomicFileSystem(real, this.known), compilerOptions: { allowJs: true } });
  }

  /** Applies `edits` (offsets without BOM) to the file whose current text is `text`; returns the new text. */
  edit(path: string, text: string, bom: boolean, edits: readonly TextEdit[]): string {
    this.known.set(slashes(path), bom ? `\uFEFF${text}` : text);
    const sourceFile = this.project.addSourceFileAtPath(path);
    sourceFile.applyTextChanges(edits.map((edit) => ({ span: { start: edit.start, length: edit.end - edit.start }, newText: edit.text })));
    return sourceFile.getFullText();
  }

  /** A new source file (the config module); fails if the project already has one at `path`. */
  create(path: string, text: string): void {
    this.project.createSourceFile(path, text, { overwrite: false });
  }

  /** Writes a file that is not source code (`.env.example`) through the same atomic file system. */
  async writeText(path: string, text: string): Promise<void> {
    await this.project.getFileSystem().writeFile(path, text);
  }

  /** Saves every edited and created source file. */
  async save(): Promise<void> {
    await this.project.save();
  }
}
