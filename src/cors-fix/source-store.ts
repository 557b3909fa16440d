/** Reads a source file: its text without BOM, whether it had one, or why it was skipped (too large, binary, not UTF-8, unreadable). */
import { lstatSync, readFileSync } from 'node:fs';

/** Files above this size are skipped: generated bundles, not hand-written servers. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * A file's text without BOM (and whether it had one), why it was not read, or `irrelevant`: it does not match the
 * pre-filter, so nothing more was done with it.
 */
export type SourceText = { kind: 'text'; text: string; bom: boolean } | { kind: 'skipped'; reason: string } | { kind: 'irrelevant' };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads `path` as UTF-8 source text, or says why it is not one. With `filter`, a file whose bytes (read as Latin-1,
 * which never fails and costs no decoding) do not match it is `irrelevant` before any further check.
 */
export function readSourceText(path: string, filter?: RegExp): SourceText {
  let size: number;
  try {
    const stat = lstatSync(path);
    // Writing through a symbolic link would replace the link with a file.
    if (stat.isSymbolicLink()) return { kind: 'skipped', reason: 'symbolic link (fix the file it points to)' };
    size = stat.size;
  } catch (error) {
    return { kind: 'skipped', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (size > MAX_FILE_BYTES) return { kind: 'skipped', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (generated code is not rewritten)` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'skipped', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (filter && !filter.test(bytes.toString('latin1'))) return { kind: 'irrelevant' };
  if (bytes.subarray(0, 8000).includes(0)) return { kind: 'skipped', reason: 'binary file' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: 'skipped', reason: 'not UTF-8 text (cors-fix only rewrites UTF-8 files)' };
  }
  const bom = text.startsWith('\uFEFF');
  return { kind: 'text', text: bom ? text.slice(1) : text, bom };
}
