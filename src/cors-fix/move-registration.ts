/**
 * Moves a CORS registration above the auth, rate-limit or route registration that answers preflights first — only
 * when both are whole statements of the same block, the CORS statement starts and ends its own lines, and nothing it
 * uses is declared between the two places. The statement moves with its comments and with its own planned edits.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, findVariableByName, isFunction, walk } from '../model/ast.js';
import type { SourceCode } from '../model/index.js';
import type { OrderFinding } from '../model/verdicts.js';
import { type PolicyFinding, resolveFinding } from './findings.js';
import { endOfLine } from './node-edits.js';
import { type TextEdit, applyTextEdits } from './text-edits.js';

/** Returns `edits` with the moves of every movable misordered registration among `findings` folded in. */
export function moveRegistrations(findings: readonly PolicyFinding[], edits: readonly TextEdit[], sourceCode: SourceCode): TextEdit[] {
  let result = [...edits];
  const byRegistration = new Map<Node, PolicyFinding[]>();
  for (const finding of findings) {
    if (finding.category !== 'order' || finding.kind === 'after-init') continue;
    byRegistration.set(finding.node, [...(byRegistration.get(finding.node) ?? []), finding]);
  }
  for (const [registration, group] of byRegistration) {
    const earliest = group
      .map((finding) => (finding.verdict as OrderFinding).earlier.node)
      .sort((a, b) => a.range[0] - b.range[0])[0] as Node;
    const moved = planMove(registration, earliest, result, sourceCode);
    if (typeof moved === 'string') {
      for (const finding of group) resolveFinding(finding, 'skipped', `Not moved: ${moved} Register CORS before auth, rate limits and routes by hand.`);
      continue;
    }
    result = moved;
    const line = earliest.loc.start.line;
    for (const finding of group) resolveFinding(finding, 'fixed', `Moved above the registration on line ${line}, so CORS answers preflights first.`);
  }
  return result;
}

/** The edits with the move folded in, or why the move is not safe. */
function planMove(registration: Node, earlier: Node, edits: readonly TextEdit[], sourceCode: SourceCode): TextEdit[] | string {
  const moving = statementOf(registration, true);
  const target = statementOf(earlier, false);
  if (!moving || !target) return 'the registrations are not plain statements.';
  if (moving.parent !== target.parent || (moving.parent?.type !== T.Program && moving.parent?.type !== T.BlockStatement)) return 'the registrations are in different blocks.';
  if (target.range[0] >= moving.range[0]) return 'the order could not be established.';
  const text = sourceCode.text;
  const start = lineStart(text, leadingCommentsStart(moving, sourceCode));
  const insertAt = lineStart(text, leadingCommentsStart(target, sourceCode));
  if (text.slice(start, moving.range[0]).trim() !== '' && !isOnlyComments(text.slice(start, moving.range[0]))) return 'the statement shares its line with other code.';
  let end = endOfLine(sourceCode, moving);
  const rest = text.slice(end, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end));
  if (rest.trim() !== '') return 'the statement shares its line with other code.';
  end = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end) + 1;
  if (text.slice(insertAt, target.range[0]).trim() !== '' && !isOnlyComments(text.slice(insertAt, target.range[0]))) return 'the earlier registration shares its line with other code.';
  const blocker = declaredBetween(moving, target.range[0], sourceCode);
  if (blocker) return `it uses \`${blocker}\`, which is declared after the earlier registration.`;
  const inside = edits.filter((edit) => edit.start >= start && edit.end <= end && !(edit.start === end && edit.end === end));
  if (edits.some((edit) => !inside.includes(edit) && edit.start < end && edit.end > start)) return 'other edits overlap it.';
  if (edits.some((edit) => edit.start === insertAt && edit.end === insertAt)) return 'another edit is planned at the same place.';
  const block = applyTextEdits(text.slice(start, end), inside.map((edit) => ({ start: edit.start - start, end: edit.end - start, text: edit.text })));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const moved = block.endsWith('\n') ? block : `${block}${eol}`;
  return [...edits.filter((edit) => !inside.includes(edit)), { start, end, text: '' }, { start: insertAt, end: insertAt, text: moved }];
}

/** The statement whose whole expression is `node` (through `await`); `exact: false` also accepts chains around it. */
function statementOf(node: Node, exact: boolean): TSESTree.ExpressionStatement | null {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === T.ExpressionStatement) return parent;
    if (isFunction(parent)) return null;
    const passThrough = parent.type === T.AwaitExpression || parent.type === T.ChainExpression || (!exact && (parent.type === T.MemberExpression || parent.type === T.CallExpression));
    if (!passThrough) return null;
  }
  return null;
}

function leadingCommentsStart(statement: Node, sourceCode: SourceCode): number {
  let start = statement.range[0];
  let line = statement.loc.start.line;
  for (const comment of [...sourceCode.getCommentsBefore(statement)].reverse()) {
    if (comment.loc.end.line < line - 1) break;
    start = comment.range[0];
    line = comment.loc.start.line;
  }
  return start;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function isOnlyComments(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/gu, '').trim() === '';
}

/** A variable `statement` reads that is declared (not hoisted) after `position`, in the same file. */
function declaredBetween(statement: Node, position: number, sourceCode: SourceCode): string | null {
  let found: string | null = null;
  walk(statement, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== T.Identifier) return true;
    const variable = findVariableByName(sourceCode.getScope(node), node.name);
    const definition = variable?.defs[0];
    if (!definition || definition.type === 'ImportBinding' || definition.type === 'FunctionName' || definition.type === 'Parameter') return true;
    const declared = definition.name.range[0];
    if (declared > position && declared < statement.range[0]) found = node.name;
    return true;
  });
  return found;
}
