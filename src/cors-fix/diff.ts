/** A unified diff (as `git diff` prints it) between two texts, computed with Myers' algorithm on lines. */

type Operation = { kind: ' ' | '-' | '+'; line: string };

/** The unified diff of `before` → `after` for `path`; `before: null` is a new file. Empty when equal. */
export function unifiedDiff(path: string, before: string | null, after: string, context = 3): string {
  if (before === after) return '';
  const oldLines = splitLines(before ?? '');
  const newLines = splitLines(after);
  const operations = diffLines(oldLines, newLines);
  const header = [`--- ${before === null ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  const hunks: string[] = [];
  let index = 0;
  while (index < operations.length) {
    while (index < operations.length && operations[index]?.kind === ' ') index += 1;
    if (index >= operations.length) break;
    const start = Math.max(0, index - context);
    let end = index;
    // Extend the hunk while changes are closer than twice the context.
    for (let cursor = index; cursor < operations.length; cursor += 1) {
      if (operations[cursor]?.kind !== ' ') end = cursor + 1;
      else if (cursor - end >= context * 2) break;
    }
    end = Math.min(operations.length, end + context);
    const slice = operations.slice(start, end);
    const oldStart = operations.slice(0, start).filter((operation) => operation.kind !== '+').length;
    const newStart = operations.slice(0, start).filter((operation) => operation.kind !== '-').length;
    const oldCount = slice.filter((operation) => operation.kind !== '+').length;
    const newCount = slice.filter((operation) => operation.kind !== '-').length;
    hunks.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const operation of slice) hunks.push(`${operation.kind}${operation.line.replace(/\r$/u, '')}`);
    index = end;
  }
  const noNewline = (text: string | null): boolean => text !== null && text !== '' && !text.endsWith('\n');
  if (noNewline(after) || noNewline(before)) hunks.push('\\ No newline at end of file');
  return `${[...header, ...hunks].join('\n')}\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Myers' O(ND) shortest edit script. */
function diffLines(a: readonly string[], b: readonly string[]): Operation[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0)) ? (frontier[offset + k + 1] ?? 0) : (frontier[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      frontier[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  const operations: Operation[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const previous = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (previous[offset + k - 1] ?? 0) < (previous[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      operations.push({ kind: ' ', line: a[x - 1] as string });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (down) operations.push({ kind: '+', line: b[y - 1] as string });
      else operations.push({ kind: '-', line: a[x - 1] as string });
    }
    x = previousX;
    y = previousY;
  }
  return operations.reverse();
}
