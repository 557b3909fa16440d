/** Suggestion fixers shared by the rules. Suggestions only: each one changes which sites may call the API. */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Field } from './frameworks/index.js';
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
    const first = target.properties[0];
    // One property per line: the new one gets its own line, indented like the others.
    if (first && first.loc.start.line > target.loc.start.line) {
      return (fixer) => fixer.insertTextBefore(first, `${text},\n${' '.repeat(first.loc.start.column)}`);
    }
    return (fixer) => fixer.insertTextAfterRange([open, open + 1], target.properties.length > 0 ? ` ${text},` : ` ${text} `);
  }
  const last = target.type === T.CallExpression ? target.arguments.at(-1) : undefined;
  // `cors(null)`, `cors(undefined)`: the options argument is there, empty.
  if (last && ((last.type === T.Literal && last.value === null) || (last.type === T.Identifier && last.name === 'undefined'))) {
    return (fixer) => fixer.replaceText(last, `{ ${text} }`);
  }
  if (target.type === T.CallExpression && target.arguments.length <= 1) {
    const end = target.range[1] - 1;
    return (fixer) => fixer.insertTextBeforeRange([end, end + 1], `${target.arguments.length > 0 ? ', ' : ''}{ ${text} }`);
  }
  return null;
}

/** Appends names to an explicit list (array literal or comma-separated string literal). */
export function appendToList(node: Node | null, names: string | readonly string[]): Fixer | null {
  if (!node) return null;
  const added = typeof names === 'string' ? [names] : names;
  if (node.type === T.ArrayExpression) {
    const last = node.elements[node.elements.length - 1];
    const quote = last?.type === T.Literal && last.raw.startsWith('"') ? '"' : "'";
    const items = added.map((name) => `${quote}${name}${quote}`);
    if (!last) return (fixer) => fixer.replaceText(node, `[${items.join(', ')}]`);
    return (fixer) => fixer.insertTextAfter(last, `, ${items.join(', ')}`);
  }
  if (node.type === T.Literal && typeof node.value === 'string') {
    const quote = node.raw[0] ?? "'";
    const separator = node.value.includes(', ') || node.value.trim() === '' ? ', ' : ',';
    const text = node.value.trim() === '' ? added.join(separator) : [node.value, ...added].join(separator);
    return (fixer) => fixer.replaceText(node, `${quote}${text.replaceAll(quote, `\\${quote}`)}${quote}`);
  }
  return null;
}

/**
 * Replaces a list value written as one array or string literal with `items`, in the same form; a request-header read
 * (raw `Access-Control-Allow-Headers` echoing the request) becomes a string.
 */
export function replaceList(node: Node | null, items: readonly string[]): Fixer | null {
  if (!node) return null;
  if (node.type === T.ArrayExpression) {
    const first = node.elements.find((element) => element?.type === T.Literal);
    const quote = first?.type === T.Literal && first.raw.startsWith('"') ? '"' : "'";
    return (fixer) => fixer.replaceText(node, `[${items.map((item) => `${quote}${item}${quote}`).join(', ')}]`);
  }
  const quote = node.type === T.Literal && typeof node.value === 'string' ? (node.raw[0] ?? "'") : "'";
  return (fixer) => fixer.replaceText(node, `${quote}${items.join(', ')}${quote}`);
}

/** Adds `key: value` to the policy's options object, or gives a registration without options one. */
export function addOption(policy: CorsPolicy, field: Field, value: string): Fixer | null {
  const key = policy.framework.optionNames?.[field][0];
  if (!key || (policy.options.kind !== 'object' && policy.options.kind !== 'none')) return null;
  return insertProperty(policy.reportNode, `${key}: ${value}`);
}

/** An array literal of strings, single-quoted. */
export function arrayLiteral(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
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
