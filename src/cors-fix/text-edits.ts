/** Text edits on a file's text (without BOM): the planner's output and the only way files change. */

/** Replace `[start, end)` with `text`; `start === end` inserts. Offsets are in the BOM-less text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** The file the offsets belong to, when it is not the one the edit is planned for (a list imported from another file). */
  file?: string;
}

/** Sorts edits, drops exact duplicates and returns null if any two of the rest overlap. */
export function normaliseEdits(edits: readonly TextEdit[]): TextEdit[] | null {
  const seen = new Set<string>();
  const unique: TextEdit[] = [];
  for (const edit of edits) {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(edit);
  }
  unique.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < unique.length; index += 1) {
    const previous = unique[index - 1] as TextEdit;
    const current = unique[index] as TextEdit;
    if (current.start < previous.end) return null;
    // Two different insertions at one offset would apply in an arbitrary order.
    if (current.start === previous.start && current.end === current.start && previous.end === previous.start) return null;
  }
  return unique;
}

/** Whether `edit` overlaps any of `edits` (touching ends do not count, except two insertions at one point). */
export function overlapsAny(edit: TextEdit, edits: readonly TextEdit[]): boolean {
  return edits.some((other) => {
    if (other.start === edit.start && other.end === edit.end && other.text === edit.text) return false;
    if (edit.start === edit.end && other.start === other.end) return edit.start === other.start;
    return edit.start < other.end && other.start < edit.end;
  });
}

/** Applies non-overlapping edits to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = normaliseEdits(edits);
  if (!sorted) throw new Error('cors-fix: overlapping edits (a planner bug).');
  let result = '';
  let position = 0;
  for (const edit of sorted) {
    result += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return result + text.slice(position);
}
