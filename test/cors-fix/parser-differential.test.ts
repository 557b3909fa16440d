/**
 * cors-fix reads files with oxc-parser; the plugin's users lint them with @typescript-eslint/parser. For every
 * JavaScript and TypeScript file under fixtures/ (framework fixtures, the corpus, code-mod inputs and outputs), both
 * parses must give the same AST, tokens, comments and scopes, the model must read the same policies with the same
 * verdicts from them, and the rules must report the same problems at the same places.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode as EslintSourceCode } from 'eslint';
import { lintFile } from '../../src/cors-fix/lint.js';
import { parseWithOxc, parseWithTypeScriptEslint } from '../../src/cors-fix/parse-source.js';
import {
  type CorsFile,
  type SourceCode,
  credentialsWithWildcard,
  hardcodedOrigins,
  implicitHeaders,
  invalidOptions,
  misorderedCors,
  missingEventStreamHeaders,
  openOrigins,
  readCorsFile,
  unexposedHeaders,
  unsafeOriginPatterns,
  wildcardOrigins,
} from '../../src/model/index.js';
import { walk } from '../../src/model/ast.js';
import { summarize } from '../model/summarize.js';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.[cm]?[jt]sx?$/u.test(entry.name) && !/\.d\.[cm]?ts$/u.test(entry.name) ? [path] : [];
    });
}

const files = sources(join(ROOT, 'fixtures')).map((file) => relative(ROOT, file));

/** A node as a short, comparable label. */
function at(node: TSESTree.Node | TSESTree.Token): string {
  return `${node.type}@${node.loc.start.line}:${node.loc.start.column}-${node.loc.end.line}:${node.loc.end.column}`;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && Array.isArray((value as { range?: unknown }).range);
}

/** Every property of every node (parents aside), with null and undefined alike: what each parser leaves out differs. */
function astDifference(a: unknown, b: unknown, path: string): string | null {
  if ((a ?? null) === (b ?? null)) return null;
  if (typeof a === 'bigint' || typeof b === 'bigint') return String(a) === String(b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
    for (const [index, item] of a.entries()) {
      const difference = astDifference(item, b[index], `${path}[${index}]`);
      if (difference) return difference;
    }
    return null;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    // oxc's own offsets (`start`, `end`) beside `range`; `tokens` and `comments` are compared on their own.
    if (key === 'parent' || key === 'start' || key === 'end' || key === 'tokens' || key === 'comments') continue;
    // Deprecated aliases that typescript-estree defines as getters (they warn when read).
    if (Object.getOwnPropertyDescriptor(a, key)?.get) continue;
    const difference = astDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

function tokenList(tokens: readonly TSESTree.Token[]): string[] {
  return tokens.map((token) => `${at(token)} ${JSON.stringify(token.value)}${'regex' in token ? ` /${token.regex.pattern}/${token.regex.flags}` : ''}`);
}

/** Each scope: its kind, block, variables with their definitions and references, and what it leaves unresolved. */
function scopeList(scopeManager: TSESLint.Scope.ScopeManager | null): string[] {
  return (scopeManager?.scopes ?? []).map((scope) => {
    const variables = scope.variables.map(
      (variable) => `${variable.name}[${variable.defs.map((definition) => `${definition.type} ${at(definition.name)}`).join(', ')}] refs ${variable.references.map((reference) => at(reference.identifier)).join(' ')}`,
    );
    const references = scope.references.map((reference) => `${at(reference.identifier)}→${reference.resolved ? at(reference.resolved.defs[0]?.name ?? reference.identifier) : 'global'}${reference.isWrite() ? ' w' : ''}`);
    return `${scope.type} ${at(scope.block)} strict=${String(scope.isStrict)} | ${variables.join('; ')} | ${references.join(' ')} | through ${scope.through.length}`;
  });
}

/** A verdict's findings, JSON with every node replaced by its label. */
function describeFindings(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, item: unknown) => (key === 'parent' ? undefined : isNode(item) ? at(item) : typeof item === 'bigint' ? String(item) : item)));
}

function verdicts(file: CorsFile): unknown {
  return describeFindings({
    policies: file.policies.map((policy) => ({
      openOrigins: openOrigins(policy),
      wildcardOrigins: wildcardOrigins(policy),
      credentialsWithWildcard: credentialsWithWildcard(policy),
      hardcodedOrigins: hardcodedOrigins(policy),
      unsafeOriginPatterns: unsafeOriginPatterns(policy),
      implicitHeaders: implicitHeaders(policy, file, true),
      unexposedHeaders: unexposedHeaders(policy, file),
      missingEventStreamHeaders: missingEventStreamHeaders(policy, file),
      invalidOptions: invalidOptions(policy),
    })),
    misordered: file.chains.map((chain) => misorderedCors(chain)),
  });
}

function problems(sourceCode: SourceCode, file: string): string[] {
  return lintFile(sourceCode, file, null).map((problem) => `${problem.ruleId} ${problem.messageId} ${problem.node.loc.start.line}:${problem.node.loc.start.column + 1}`);
}

/** What a `SourceCode` answers about every node of a file: tokens and comments around and inside it, its scope. */
function answers(sourceCode: SourceCode, label: (item: TSESTree.Node | TSESTree.Token | null | undefined) => string): string[] {
  const lines: string[] = [];
  const withComments = { includeComments: true };
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    lines.push(
      [
        at(node),
        label(sourceCode.getTokenBefore(node)),
        label(sourceCode.getTokenAfter(node)),
        label(sourceCode.getTokenBefore(node, withComments)),
        label(sourceCode.getTokenAfter(node, withComments)),
        label(sourceCode.getFirstToken(node)),
        label(sourceCode.getLastToken(node)),
        label(sourceCode.getFirstToken(node, { skip: 1 })),
        label(sourceCode.getTokenAfter(node, { filter: (token) => token.value === ',' })),
        sourceCode.getCommentsBefore(node).map(label).join(' '),
        sourceCode.getCommentsInside(node).map(label).join(' '),
        label(sourceCode.getNodeByRangeIndex(node.range[0])),
        label(sourceCode.getScope(node).block),
        sourceCode.getDeclaredVariables(node).map((variable) => variable.name).join(' '),
      ].join(' | '),
    );
  });
  return lines;
}

describe('oxc-parser and @typescript-eslint/parser read every fixture alike', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(400);
  });

  describe.each(files)('%s', (file) => {
    it('gives the same AST, tokens, comments, scopes, policies, verdicts and rule reports', () => {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\uFEFF/u, '');
      const reference = parseWithTypeScriptEslint(text, file);
      const oxc = parseWithOxc(text, file);
      if (!reference.ok) throw new Error(`${file} does not parse with @typescript-eslint/parser: ${reference.message}`);
      if (!oxc.ok) throw new Error(`${file} does not parse with oxc-parser: ${oxc.reason}`);
      const [expected, actual] = [reference.sourceCode, oxc.sourceCode];

      expect(astDifference(expected.ast, actual.ast, 'Program')).toBeNull();
      expect(tokenList(actual.ast.tokens)).toEqual(tokenList(expected.ast.tokens));
      expect(tokenList(actual.ast.comments)).toEqual(tokenList(expected.ast.comments));
      expect(scopeList(actual.scopeManager)).toEqual(scopeList(expected.scopeManager));

      const [expectedModel, actualModel] = [readCorsFile(expected, file), readCorsFile(actual, file)];
      expect(summarize(actualModel)).toEqual(summarize(expectedModel));
      expect(verdicts(actualModel)).toEqual(verdicts(expectedModel));
      expect(problems(actual, file)).toEqual(problems(expected, file));
    });

    it("answers token, comment, node and scope queries as ESLint's SourceCode does", () => {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\uFEFF/u, '');
      const oxc = parseWithOxc(text, file);
      const reference = parseWithTypeScriptEslint(text, file);
      if (!oxc.ok || !reference.ok) throw new Error(`${file} does not parse with both parsers`);
      const { ast, scopeManager, visitorKeys } = reference.sourceCode;
      const eslint = new EslintSourceCode({ text, ast: ast as never, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never, parserServices: {} }) as unknown as SourceCode;
      const label = (item: TSESTree.Node | TSESTree.Token | null | undefined): string => (item ? at(item) : '-');
      expect(answers(oxc.sourceCode, label)).toEqual(answers(eslint, label));
    });
  });
});
