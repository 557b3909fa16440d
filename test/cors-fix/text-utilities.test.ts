/** Small pure pieces: text edits, unified diffs, style detection, `.env.example` merging. */
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cors-fix/diff.js';
import { isSerialisedOrigin, updateEnvExample } from '../../src/cors-fix/env-example.js';
import { parseSource } from '../../src/cors-fix/parse-source.js';
import { applyTextEdits, normaliseEdits } from '../../src/cors-fix/text-edits.js';
import { detectStyle } from '../../src/cors-fix/text-style.js';

describe('text edits', () => {
  it('apply in offset order and drop exact duplicates', () => {
    expect(applyTextEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }, { start: 0, end: 1, text: 'A' }])).toBe('AbcdEf');
  });

  it('refuse overlaps and two different insertions at one offset', () => {
    expect(normaliseEdits([{ start: 0, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }])).toBeNull();
    expect(normaliseEdits([{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toBeNull();
    expect(() => applyTextEdits('abc', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }])).toThrow(/overlapping/u);
  });
});

describe('unified diff', () => {
  it('prints hunks with three lines of context, like git', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const after = before.replace('5\n', 'five\n');
    expect(unifiedDiff('a.js', before, after)).toBe('--- a/a.js\n+++ b/a.js\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });

  it('shows new files against /dev/null and nothing for equal texts', () => {
    expect(unifiedDiff('new.js', null, 'a\nb\n')).toBe('--- /dev/null\n+++ b/new.js\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('same.js', 'x\n', 'x\n')).toBe('');
  });
});

describe('style detection', () => {
  const style = (code: string) => {
    const parsed = parseSource(code, '/a.js');
    if (!parsed.ok) throw new Error(parsed.message);
    return detectStyle(parsed.sourceCode);
  };
  it('reads line endings, quotes, semicolons, indentation and trailing commas', () => {
    expect(style('const a = "x"\r\nif (a) {\r\n\tb({\r\n\t\tc: 1\r\n\t})\r\n}\r\n')).toEqual({ eol: '\r\n', quote: '"', semicolons: false, indentUnit: '\t', trailingCommas: false });
    expect(style("const a = 'x';\nconst o = {\n    b: 1,\n};\n")).toEqual({ eol: '\n', quote: "'", semicolons: true, indentUnit: '    ', trailingCommas: true });
  });
});

describe('.env.example', () => {
  it('is created with the origins, or with an example when there are none', () => {
    expect(updateEnvExample(null, 'CORS_ORIGINS', ['https://a.example.com', 'http://localhost:3000'], 'src/cors-origins.js', '\n')).toBe(
      '# Origins allowed to call the server from a browser (CORS), read by src/cors-origins.js:\n# a comma-separated list (or a JSON list) of scheme://host[:port], with no path or trailing slash.\nCORS_ORIGINS=https://a.example.com,http://localhost:3000\n',
    );
    expect(updateEnvExample(null, 'CORS_ORIGINS', [], 'cors-origins.js', '\n')).toContain('# For example: CORS_ORIGINS=https://app.example.com');
  });

  it('merges into the existing line in its own format, never duplicating', () => {
    expect(updateEnvExample('PORT=3000\nCORS_ORIGINS="https://a.example.com, https://b.example.com"\n', 'CORS_ORIGINS', ['https://b.example.com', 'https://c.example.com'], 'x', '\n')).toBe(
      'PORT=3000\nCORS_ORIGINS="https://a.example.com, https://b.example.com, https://c.example.com"\n',
    );
    expect(updateEnvExample("export CORS_ORIGINS='[\"https://a.example.com\"]'\r\n", 'CORS_ORIGINS', ['https://c.example.com'], 'x', '\n')).toBe(
      "export CORS_ORIGINS='[\"https://a.example.com\",\"https://c.example.com\"]'\r\n",
    );
    expect(updateEnvExample('CORS_ORIGINS=https://a.example.com\n', 'CORS_ORIGINS', ['https://a.example.com'], 'x', '\n')).toBeNull();
  });

  it('appends a block to a file without the variable, and leaves out entries the config module would refuse', () => {
    expect(updateEnvExample('PORT=3000', 'CORS_ORIGINS', ['https://*.example.com', 'https://a.example.com'], 'x.js', '\n')).toBe(
      'PORT=3000\n\n# Origins allowed to call the server from a browser (CORS), read by x.js:\n# a comma-separated list (or a JSON list) of scheme://host[:port], with no path or trailing slash.\nCORS_ORIGINS=https://a.example.com\n',
    );
    expect(['https://a.example.com:8443', 'http://[::1]:3000'].every(isSerialisedOrigin)).toBe(true);
    expect(['https://a.example.com/', 'https://A.example.com', 'https://a.example.com:443', '*', 'null'].some(isSerialisedOrigin)).toBe(false);
  });
});

describe('atomic writes', () => {
  it('replace the file in one rename, keep its mode and leave no temporary file behind', async () => {
    const { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { writeFileAtomic } = await import('../../src/cors-fix/atomic-file-system.js');
    const { makeTemp, removeTemp } = await import('./helpers.js');
    const directory = makeTemp();
    try {
      const file = join(directory, 'server.js');
      writeFileSync(file, 'old\n');
      chmodSync(file, 0o755);
      writeFileAtomic(file, 'new\n');
      writeFileAtomic(join(directory, 'nested/created.js'), 'created\n');
      expect(readFileSync(file, 'utf8')).toBe('new\n');
      expect(statSync(file).mode & 0o777).toBe(0o755);
      expect(readdirSync(directory).sort()).toEqual(['nested', 'server.js']);
      expect(readFileSync(join(directory, 'nested/created.js'), 'utf8')).toBe('created\n');
    } finally {
      removeTemp(directory);
    }
  });
});
