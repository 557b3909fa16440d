/**
 * The files of one run: each read once (text without BOM, or why it was skipped), parsed once when needed, and known
 * by path and by parse, so that the model's nodes can be traced back to the file they came from. Files outside the
 * repository root are never read unless the run was forced.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { CorsFile, LinkedFile, ModuleLinks, SourceCode } from '../model/index.js';
import { readCorsFile, registerLinkedFile } from '../model/index.js';
import { type ParseResult, parseSource } from './parse-source.js';
import { type SourceText, readSourceText } from './source-store.js';

/** A file that parsed: its text (without BOM), whether it had a BOM, and its parse. */
export interface ParsedFile extends LinkedFile {
  text: string;
  bom: boolean;
}

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; reason: string };

export class ProjectFiles {
  private readonly texts = new Map<string, SourceText>();
  private readonly parsed = new Map<string, ParseOutcome>();
  private readonly paths = new WeakMap<SourceCode, string>();

  constructor(
    /** The repository root (git top level, or the working directory outside git). */
    readonly root: string,
    /** `--force`: files outside the root may be read and changed. */
    private readonly force: boolean,
    /** Texts to use instead of what is on disk (the files as a fix would leave them). */
    private readonly overlay: ReadonlyMap<string, string> = new Map(),
    /** Parses of overlay texts made earlier in the run, used instead of parsing them again. */
    private readonly overlayParses: ReadonlyMap<string, SourceCode> = new Map(),
  ) {}

  /** Whether `path` is inside the repository root (or the run is forced). */
  mayTouch(path: string): boolean {
    if (this.force) return true;
    const relation = relative(this.root, path);
    return relation === '' || (!relation.startsWith('..') && !isAbsolute(relation));
  }

  /** Whether a file (not a directory) is at `path`, on disk or in the overlay. */
  exists(path: string): boolean {
    return this.overlay.has(path) || statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  }

  /** The file's text, why it was skipped, or `irrelevant` when `filter` does not match its bytes. */
  read(path: string, filter?: RegExp): SourceText {
    let text = this.texts.get(path);
    const overlaid = this.overlay.get(path);
    if (overlaid !== undefined) return filter && !filter.test(overlaid) ? { kind: 'irrelevant' } : { kind: 'text', text: overlaid, bom: false };
    if (!text || (text.kind === 'irrelevant' && !filter)) {
      text = this.mayTouch(path) ? readSourceText(path, filter) : { kind: 'skipped', reason: 'outside the repository (run with --force to include it)' };
      // Irrelevant files are the vast majority of a repository: nothing of them is kept.
      if (text.kind !== 'irrelevant') this.texts.set(path, text);
    }
    return text;
  }

  /** The file parsed (once per run), or why it could not be. */
  parse(path: string): ParseOutcome {
    let outcome = this.parsed.get(path);
    if (!outcome) {
      const text = this.read(path);
      if (text.kind !== 'text') {
        outcome = { ok: false, reason: text.kind === 'skipped' ? text.reason : 'not read' };
      } else {
        const earlier = this.overlay.has(path) ? this.overlayParses.get(path) : undefined;
        const result: ParseResult = earlier ? { ok: true, sourceCode: earlier } : parseSource(text.text, path);
        if (result.ok) {
          const file: ParsedFile = { sourceCode: result.sourceCode, filename: path, text: text.text, bom: text.bom };
          registerLinkedFile(file);
          this.paths.set(result.sourceCode, path);
          outcome = { ok: true, file };
        } else {
          outcome = { ok: false, reason: `does not parse (${result.line}:${result.column} ${result.message})` };
        }
      }
      this.parsed.set(path, outcome);
    }
    return outcome;
  }

  /** The path a parse came from. */
  pathOf(sourceCode: SourceCode): string | null {
    return this.paths.get(sourceCode) ?? null;
  }

  /** The CORS model of a parsed file, with values imported from other modules followed through `links`. */
  model(file: ParsedFile, links: ModuleLinks | null): CorsFile {
    return readCorsFile(file.sourceCode, file.filename, links);
  }
}
