/**
 * The plugin's own rules, run on cors-fix's parses as ESLint runs them with `cors/recommended`: the same rule code,
 * the same messages (each rule's `meta.messages`), the same `eslint-disable` comments honoured. cors-fix uses it to
 * word its findings and to list what is left for review after a fix, so that it and the linter never disagree.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { rules } from '../../rules/index.js';
import type { Node } from '../model/ast.js';
import { type CorsFile, type ModuleLinks, type SourceCode, attachLinks, fileOf, provideCorsFile } from '../model/index.js';

/** One problem a rule reports. */
export interface LintProblem {
  ruleId: `cors/${string}`;
  messageId: string;
  message: string;
  severity: 'error' | 'warn';
  /** The reported node; in a linked file when the model followed the policy's options there. */
  node: Node;
  /** The file the node is in. */
  file: string;
}

interface RuleShape {
  meta: { messages: Record<string, string>; docs?: { recommended?: 'error' | 'warn' | false }; defaultOptions?: unknown[] };
  create(context: unknown): Record<string, (() => void) | undefined>;
}

interface Descriptor {
  node?: Node;
  messageId: string;
  data?: Record<string, unknown>;
}

/** The rules `cors/recommended` turns on, with their severities. */
const RECOMMENDED = Object.entries(rules as unknown as Record<string, RuleShape>).flatMap(([name, rule]) => {
  const severity = rule.meta.docs?.recommended;
  return severity ? [{ id: `cors/${name}` as const, rule, severity }] : [];
});

/**
 * Runs the recommended rules on a file, with `links` for options defined in other modules. Reports suppressed by
 * `eslint-disable` comments (in the file the reported node is in) are left out.
 */
export function lintFile(sourceCode: SourceCode, filename: string, links: ModuleLinks | null): LintProblem[] {
  if (links) attachLinks(sourceCode, links);
  return runRules(sourceCode, filename).filter((problem) => !isDisabled(problem, fileOf(problem.node)?.sourceCode ?? sourceCode));
}

/**
 * Runs the recommended rules on a model another front end read (a Python file): the same rules and messages judge
 * its policies, located by their own positions in its text.
 */
export function lintModel(file: CorsFile, text: string, filename: string): LintProblem[] {
  const lines = text.split(/\r?\n/u);
  const ast = { type: 'Program', body: [], comments: [], tokens: [], range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines.at(-1)?.length ?? 0 } } };
  const known: Record<string, unknown> = {
    text,
    ast,
    lines,
    visitorKeys: {},
    getText: (node?: Node) => (node ? text.slice(node.range[0], node.range[1]) : text),
    getAllComments: () => [],
  };
  // Rules only read text and positions here; anything else a suggestion might ask for is simply not there.
  const sourceCode = new Proxy(known, { get: (target, key: string) => (key in target ? target[key] : () => undefined) }) as unknown as SourceCode;
  provideCorsFile(sourceCode, file);
  return runRules(sourceCode, filename);
}

function runRules(sourceCode: SourceCode, filename: string): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const { id, rule, severity } of RECOMMENDED) {
    const context = {
      id,
      sourceCode,
      filename,
      physicalFilename: filename,
      cwd: process.cwd(),
      options: [],
      settings: {},
      languageOptions: {},
      report(descriptor: Descriptor): void {
        const node = descriptor.node;
        if (!node) return;
        const message = interpolate(rule.meta.messages[descriptor.messageId] ?? descriptor.messageId, descriptor.data);
        const owner = fileOf(node);
        problems.push({ ruleId: id, messageId: descriptor.messageId, message, severity, node, file: owner?.filename ?? filename });
      },
    };
    const listener = rule.create(context);
    listener['Program:exit']?.();
  }
  return problems;
}

/** ESLint's placeholder substitution: `{{ name }}` becomes `data.name` when it is given. */
function interpolate(text: string, data: Record<string, unknown> | undefined): string {
  if (!data) return text;
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/gu, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** Whether an `eslint-disable` comment in the node's file turns the rule off at the node's line. */
function isDisabled(problem: LintProblem, sourceCode: SourceCode): boolean {
  const line = problem.node.loc.start.line;
  let disabledBlock = false;
  for (const comment of sourceCode.getAllComments() as TSESTree.Comment[]) {
    const directive = /^\s*(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s+([^\n]*?))?\s*(?:--.*)?$/su.exec(comment.value);
    if (!directive) continue;
    const [, kind, list] = directive;
    const names = (list ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    const applies = names.length === 0 || names.includes(problem.ruleId);
    if (!applies) continue;
    const at = comment.loc.start.line;
    if (kind === 'eslint-disable-line' && at === line) return true;
    if (kind === 'eslint-disable-next-line' && comment.loc.end.line + 1 === line) return true;
    if (kind === 'eslint-disable' && comment.type === 'Block' && at <= line) disabledBlock = true;
    if (kind === 'eslint-enable' && comment.type === 'Block' && at <= line) disabledBlock = false;
  }
  return disabledBlock;
}
