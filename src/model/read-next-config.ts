/** Reads `headers()` in `next.config.*`: each returned entry's `headers` become header writes grouped by entry. */
import { type Node, type SourceCode, returnedValues } from './ast.js';
import type { HeaderWrite } from './cors-file.js';
import { matchesEveryOrigin } from './origin-patterns.js';
import { type ObjectValue, type Value, ValueResolver, alternatives } from './static-value.js';

/** `headers` property values of the file that are functions: `async headers() {…}`, `headers: async () => […]`. */
export function readNextConfigWrites(headerProperties: readonly Node[], resolver: ValueResolver, sourceCode: SourceCode): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  for (const property of headerProperties) {
    const fn = resolver.resolve(property);
    if (fn.kind !== 'function') continue;
    for (const returned of returnedValues(fn.node, sourceCode)) {
      for (const list of alternatives(resolver.resolve(returned))) {
        if (list.kind !== 'array') continue;
        for (const entry of list.elements.flatMap((element) => alternatives(element))) {
          if (entry.kind === 'object') writes.push(...entryWrites(entry));
        }
      }
    }
  }
  return writes;
}

/** `{ source, has?, headers: [{ key, value }] }` → one write per header, grouped by the entry. */
function entryWrites(entry: ObjectValue): HeaderWrite[] {
  const headers = ValueResolver.property(entry, 'headers');
  if (headers?.value.kind !== 'array') return [];
  const captures = capturedHeaders(entry);
  const writes: HeaderWrite[] = [];
  for (const header of headers.value.elements.flatMap((element) => alternatives(element))) {
    if (header.kind !== 'object') continue;
    const key = ValueResolver.property(header, 'key')?.value;
    const value = ValueResolver.property(header, 'value')?.value;
    if (key?.kind !== 'string' || !value) continue;
    writes.push({
      name: key.value,
      key: key.value.toLowerCase(),
      value: interpolate(value, captures),
      valueNode: value.node,
      node: header.node,
      group: entry.node,
    });
  }
  return writes;
}

/**
 * `has: [{ type: 'header', key: 'origin' }]` captures the whole request header as `:origin`: interpolated into a
 * header value, it echoes the request. With a `value` pattern, Next.js matches `^(?:value)$` and only its named groups
 * become parameters: limited to what the pattern allows, unless the pattern accepts any origin (`(?<origin>.*)`).
 */
function capturedHeaders(entry: ObjectValue): Map<string, { name: string; limited: boolean }> {
  const captures = new Map<string, { name: string; limited: boolean }>();
  const has = ValueResolver.property(entry, 'has')?.value;
  if (has?.kind !== 'array') return captures;
  for (const item of has.elements) {
    if (item.kind !== 'object') continue;
    const type = ValueResolver.property(item, 'type')?.value;
    const key = ValueResolver.property(item, 'key')?.value;
    if (type?.kind !== 'string' || type.value !== 'header' || key?.kind !== 'string') continue;
    const name = key.value.toLowerCase();
    const pattern = ValueResolver.property(item, 'value')?.value;
    if (!pattern) {
      // Next.js lower-cases header keys and strips non-alphanumerics to name the parameter (`Origin` → `:origin`).
      captures.set(name.replace(/[^a-z0-9_]/gu, ''), { name, limited: false });
      continue;
    }
    if (pattern.kind !== 'string') continue;
    const limited = !matchesEveryOrigin({ pattern: `^(?:${pattern.value})$`, flags: '' });
    for (const [, group] of pattern.value.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/gu)) if (group) captures.set(group, { name, limited });
  }
  return captures;
}

function interpolate(value: Value, captures: Map<string, { name: string; limited: boolean }>): Value {
  if (value.kind !== 'string') return value;
  const match = /^:([A-Za-z0-9_]+)$/u.exec(value.value.trim());
  const capture = match ? captures.get(match[1] ?? '') : undefined;
  if (!capture) return value;
  return { kind: 'request-header', name: capture.name, validated: capture.limited, node: value.node };
}
