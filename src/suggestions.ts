/** Suggestion fixers shared by the rules. Suggestions only: each one changes which sites may call the API. */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { CorsPolicy } from './model/index.js';

type Fixer = TSESLint.ReportFixFunction;
type Node = TSESTree.Node;

/** The environment variable suggestions read origins from (the same one `cors-fix` uses). */
export const ORIGINS_VARIABLE = 'CORS_ORIGINS';

const ENV_LIST = `(process.env.${ORIGINS_VARIABLE} ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)`;

/** An `origin` value that allows the comma-separated list in CORS_ORIGINS, in the form the framework accepts. */
function allowlistExpression(policy: CorsPolicy): string | null {
  const support = policy.framework.origin;
  if (support.array === 'supported') return ENV_LIST;
  if (support.function === 'return-from-context') {
    return `(ctx) => (${ENV_LIST}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '')`;
  }
  return null;
}

/**
 * Replaces the policy's `origin` value (or adds one when the framework default applies) with the CORS_ORIGINS list.
 * Null when the policy is not an options object the file spells out.
 */
export function useEnvironmentAllowlist(policy: CorsPolicy): Fixer | null {
  const expression = allowlistExpression(policy);
  const key = policy.framework.optionNames?.origin[0];
  if (!expression || !key || policy.options.kind === 'opaque' || policy.options.kind === 'headers') return null;
  if (policy.origin.state === 'set') {
    const node = policy.origin.node;
    const property = node.parent;
    if (property?.type !== T.Property || property.value !== node) return null;
    // `origin(o, cb) { … }` and `{ origin }` become `origin: <list>`.
    if (property.method || property.shorthand) return (fixer) => fixer.replaceText(property, `${key}: ${expression}`);
    return (fixer) => fixer.replaceText(node, expression);
  }
  if (policy.origin.state !== 'absent') return null;
  return insertProperty(policy.reportNode, `${key}: ${expression}`);
}

/** Inserts `text` as the first property of an object literal, or as an options argument of a call without one. */
function insertProperty(target: Node, text: string): Fixer | null {
  if (target.type === T.ObjectExpression) {
    const [open] = target.range;
    return (fixer) => fixer.insertTextAfterRange([open, open + 1], target.properties.length > 0 ? ` ${text},` : ` ${text} `);
  }
  if (target.type === T.CallExpression && target.arguments.length <= 1) {
    const end = target.range[1] - 1;
    return (fixer) => fixer.insertTextBeforeRange([end, end + 1], `${target.arguments.length > 0 ? ', ' : ''}{ ${text} }`);
  }
  return null;
}

/** Appends a header name to an explicit list (array literal or comma-separated string literal). */
export function appendToList(node: Node | null, name: string): Fixer | null {
  if (!node) return null;
  if (node.type === T.ArrayExpression) {
    const last = node.elements[node.elements.length - 1];
    const quote = last?.type === T.Literal && last.raw.startsWith('"') ? '"' : "'";
    if (!last) return (fixer) => fixer.replaceText(node, `[${quote}${name}${quote}]`);
    return (fixer) => fixer.insertTextAfter(last, `, ${quote}${name}${quote}`);
  }
  if (node.type === T.Literal && typeof node.value === 'string') {
    const quote = node.raw[0] ?? "'";
    const separator = node.value.includes(', ') || node.value.trim() === '' ? ', ' : ',';
    const text = node.value.trim() === '' ? name : `${node.value}${separator}${name}`;
    return (fixer) => fixer.replaceText(node, `${quote}${text.replaceAll(quote, `\\${quote}`)}${quote}`);
  }
  return null;
}

/** Replaces a string literal's text, keeping its quotes. */
export function replaceString(node: Node, text: string): Fixer | null {
  if (node.type !== T.Literal || typeof node.value !== 'string') return null;
  const quote = node.raw[0] ?? "'";
  return (fixer) => fixer.replaceText(node, `${quote}${text.replaceAll(quote, `\\${quote}`)}${quote}`);
}

/** Renames an object key, keeping quotes if it had them. */
export function renameKey(keyNode: Node, name: string): Fixer {
  const quoted = keyNode.type === T.Literal && typeof keyNode.value === 'string';
  const quote = quoted ? keyNode.raw[0] : '';
  return (fixer) => fixer.replaceText(keyNode, `${quote}${name}${quote}`);
}
