/** Reads `.env` files (`KEY=value` lines, as dotenv writes them) for the allowlist variable the probe compares with. */
import { readFileSync } from 'node:fs';

/** The variables a `.env` text sets; later lines win. Lines that are not assignments are ignored. */
export function parseEnvText(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r?\n/u)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/u.exec(raw);
    if (!match) continue;
    values.set(match[1] as string, unquote(match[2] as string));
  }
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = value.indexOf(quote, 1);
    if (end > 0) {
      const inner = value.slice(1, end);
      return quote === '"' ? inner.replace(/\\n/gu, '\n').replace(/\\(["\\])/gu, '$1') : inner;
    }
  }
  // An unquoted value ends at a comment that follows whitespace.
  return value.replace(/\s+#.*$/u, '').trim();
}

/** The variables of the `.env` file at `path`; throws an error whose message says why it cannot be read. */
export function readEnvFile(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the env file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  return parseEnvText(text);
}
