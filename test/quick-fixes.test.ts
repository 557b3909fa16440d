/** Quick fixes in the editor: every rule on, each distinct edit offered once at a location. */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';

const rules = Object.fromEntries(Object.keys(plugin.rules ?? {}).map((name) => [`cors/${name}`, 'error' as const]));

function lint(code: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { cors: plugin }, rules }], {
    filename: 'server.ts',
  });
}

/** Every suggested edit, by the location of the problem it fixes. */
function editsByLocation(messages: readonly Linter.LintMessage[]): Map<string, string[]> {
  const edits = new Map<string, string[]>();
  for (const message of messages) {
    const at = `${message.line}:${message.column}-${message.endLine ?? ''}:${message.endColumn ?? ''}`;
    for (const suggestion of message.suggestions ?? []) edits.set(at, [...(edits.get(at) ?? []), JSON.stringify(suggestion.fix)]);
  }
  return edits;
}

describe('quick fixes', () => {
  it("offers the allowlist in place of '*' once, though two rules report '*' with credentials", () => {
    const messages = lint("import cors from 'cors';\napp.use(cors({ origin: '*', credentials: true, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n");
    const star = messages.filter((message) => message.line === 2 && message.column === 24);
    expect(star.map((message) => message.ruleId).sort()).toEqual(['cors/no-credentials-with-wildcard', 'cors/no-wildcard-origin']);
    expect(star.flatMap((message) => message.suggestions ?? [])).toHaveLength(1);
  });

  it.each([
    ["import cors from 'cors';\napp.use(cors({ origin: /example.com/, methods: ['GET'], allowedHeaders: ['Content-Type'] }));\n"],
    ["import cors from 'cors';\napp.use(cors({ origin: ['*', 'http://App.example.com/'], credentials: true, methods: '*', allowedHeaders: ['*'] }));\n"],
    ["import cors from '@fastify/cors';\napp.register(cors, { origin: /^https:\\/\\/.*example.com$/ });\napp.put('/x', h);\n"],
  ])('never lists the same edit twice at one location: %s', (code) => {
    const locations = editsByLocation(lint(code));
    expect(locations.size).toBeGreaterThan(0);
    for (const [at, edits] of locations) expect(new Set(edits).size, at).toBe(edits.length);
  });
});
