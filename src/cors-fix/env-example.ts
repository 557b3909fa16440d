/** `.env.example`: the allowlist variable with the origins that were hard-coded, created or merged, never duplicated. */

/** The same test the config module applies at startup: a lower-case `scheme://host[:port]` and nothing else. */
export function isSerialisedOrigin(entry: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)$/u.exec(entry);
  if (!match?.[2] || entry === '*' || entry === 'null') return false;
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/u.test(match[2])) return false;
  return !/^https:.*:443$|^http:.*:80$/u.test(entry);
}

/**
 * The new text of `.env.example` (null when it already lists everything): adds the variable with `origins`, or
 * merges the missing ones into the line that sets it, in that line's format (comma list, JSON list, quotes).
 */
export function updateEnvExample(existing: string | null, envVar: string, origins: readonly string[], configModule: string, eol: string): string | null {
  const valid = origins.filter(isSerialisedOrigin);
  const text = existing ?? '';
  const newline = existing?.includes('\r\n') ? '\r\n' : existing ? '\n' : eol;
  const lines = text.split(/\r?\n/u);
  const pattern = new RegExp(`^(\\s*(?:export\\s+)?${escapeRegExp(envVar)}\\s*=\\s*)(.*)$`, 'u');
  const index = lines.findIndex((line) => pattern.test(line));
  if (index >= 0) {
    const [, prefix = '', rawValue = ''] = pattern.exec(lines[index] ?? '') ?? [];
    const { values, format } = parseValue(rawValue);
    const missing = valid.filter((origin) => !values.includes(origin));
    if (missing.length === 0) return null;
    lines[index] = prefix + formatValue([...values, ...missing], format);
    return lines.join(newline);
  }
  const block = [
    `# Origins allowed to call the server from a browser (CORS), read by ${configModule}:`,
    `# a comma-separated list (or a JSON list) of scheme://host[:port], with no path or trailing slash.`,
    ...(valid.length === 0 ? [`# For example: ${envVar}=https://app.example.com,https://admin.example.com`] : []),
    `${envVar}=${valid.join(',')}`,
  ];
  if (text.trim() === '') return block.join(newline) + newline;
  const separator = text.endsWith(`${newline}${newline}`) ? '' : text.endsWith(newline) ? newline : newline + newline;
  return text + separator + block.join(newline) + newline;
}

type ValueFormat = { kind: 'json' | 'list'; quote: string; separator: string };

function parseValue(raw: string): { values: string[]; format: ValueFormat } {
  const trimmed = raw.trim();
  const quote = /^(["'])(.*)\1$/u.exec(trimmed);
  const inner = quote ? (quote[2] ?? '') : trimmed;
  if (inner.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(inner);
      if (Array.isArray(parsed)) return { values: parsed.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.trim()), format: { kind: 'json', quote: quote?.[1] ?? '', separator: ',' } };
    } catch {
      // Not JSON after all: treat it as a comma list.
    }
  }
  const values = inner.split(',').map((entry) => entry.trim()).filter(Boolean);
  return { values, format: { kind: 'list', quote: quote?.[1] ?? '', separator: inner.includes(', ') ? ', ' : ',' } };
}

function formatValue(values: readonly string[], format: ValueFormat): string {
  if (format.kind === 'json') return `${format.quote === '"' ? "'" : format.quote}${JSON.stringify(values)}${format.quote === '"' ? "'" : format.quote}`;
  return `${format.quote}${values.join(format.separator)}${format.quote}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
