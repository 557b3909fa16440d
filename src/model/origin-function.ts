/**
 * Reads an origin function (`origin: (origin, cb) => …`, `origin: (ctx) => …`): does it allow every origin on every
 * path, which static origins does it answer with, and how does it check the request origin.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { OriginFunctionStyle } from '../frameworks/define-framework.js';
import { type FunctionNode, type Node, type SourceCode, type Variable, alwaysExits, declaredVariables, isFunction, unwrap, walk } from './ast.js';
import { type OriginCheck, OriginChecks } from './origin-checks.js';
import { ORIGIN_HEADER } from './request-headers.js';
import { type ResolveContext, type Value, alternatives } from './static-value.js';

export interface OriginFunction {
  node: FunctionNode;
  /** Every path that completes answers "allow" (`true`, `'*'` or the request origin): it trusts every origin. */
  allowsEveryPath: boolean;
  /** Static values it answers with on some path (`cb(null, 'https://…')`, `return ['https://a']`). */
  answers: Value[];
  /** How it checks the request origin. */
  checks: OriginCheck[];
  /** Declared `async` (or returns a promise): express `cors` and koa2-cors cannot use it. */
  async: boolean;
  /** For callback styles: whether it ever calls the callback. */
  callsBack: boolean;
  /** The context that makes the function's first parameter the request origin, for further resolution. */
  context: ResolveContext;
}

export function readOriginFunction(
  fn: FunctionNode,
  style: OriginFunctionStyle,
  sourceCode: SourceCode,
  checks: OriginChecks,
): OriginFunction {
  const [first, second] = fn.params.map((param) => (param.type === T.Identifier ? variableOf(sourceCode, fn, param.name) : null));
  // Styles that receive the origin string get it as the first parameter; the others read it from the request.
  const receivesOrigin = style === 'callback' || style === 'callback-or-return' || style === 'return-origin';
  const context: ResolveContext = receivesOrigin && first ? { originVariables: new Set([first]) } : {};
  const found = checks.findChecks(fn.body, context);
  const base = { node: fn, checks: found, async: fn.async, context };

  const usesCallback = (style === 'callback' || style === 'callback-or-return') && second != null && hasReads(second);
  if (usesCallback && second) {
    const paths = callbackAnswers(second, fn, checks, context);
    return { ...base, ...paths, callsBack: paths.calls > 0 };
  }
  if (style === 'callback') {
    // Never calls back: the request hangs. It certainly does not allow everything.
    return { ...base, allowsEveryPath: false, answers: [], callsBack: false };
  }
  const allowTrue = style === 'predicate' || style === 'callback-or-return';
  const paths = returnAnswers(fn, sourceCode, checks, context, allowTrue, style !== 'predicate');
  return { ...base, ...paths, callsBack: false };
}

function variableOf(sourceCode: SourceCode, fn: FunctionNode, name: string): Variable | null {
  return declaredVariables(sourceCode, fn).find((variable) => variable.name === name) ?? null;
}

function hasReads(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isRead());
}

/** `cb(null, true)`-style answers. Any other use of `cb` (passing it on) makes the answer unknown. */
function callbackAnswers(
  callback: Variable,
  fn: FunctionNode,
  checks: OriginChecks,
  context: ResolveContext,
): { allowsEveryPath: boolean; answers: Value[]; calls: number } {
  let allowsEveryPath = true;
  // Handing the callback on (`check(origin, cb)`) counts as calling it: someone else answers.
  let calls = 0;
  const answers: Value[] = [];
  for (const reference of callback.references) {
    const identifier = reference.identifier as TSESTree.Identifier;
    const call = identifier.parent;
    if (call?.type !== T.CallExpression || unwrap(call.callee) !== identifier) {
      allowsEveryPath = false;
      calls += 1;
      continue;
    }
    if (isDeadCode(call, fn)) continue;
    calls += 1;
    const [error, answer] = call.arguments;
    const errorValue = error ? checks.resolver.resolve(error, context) : null;
    if (!error || errorValue?.kind !== 'nullish') allowsEveryPath = false;
    if (!answer) {
      allowsEveryPath = false;
      continue;
    }
    const value = checks.resolver.resolve(answer, context);
    if (!alternatives(value).every((option) => isAllowAnswer(option, true, true))) allowsEveryPath = false;
    answers.push(...staticAnswers(value));
  }
  return { allowsEveryPath: allowsEveryPath && calls > 0, answers, calls };
}

/** `return origin`-style answers; falling off the end returns `undefined`, a denial. */
function returnAnswers(
  fn: FunctionNode,
  sourceCode: SourceCode,
  checks: OriginChecks,
  context: ResolveContext,
  allowTrue: boolean,
  allowOrigin: boolean,
): { allowsEveryPath: boolean; answers: Value[] } {
  const returned: Node[] = [];
  let fallsThrough = false;
  if (fn.body.type !== T.BlockStatement) {
    returned.push(fn.body);
  } else {
    walk(fn.body, sourceCode.visitorKeys, (node) => {
      // Returns in nested functions belong to those functions.
      if (isFunction(node)) return false;
      if (node.type === T.ReturnStatement && !isDeadCode(node, fn)) {
        if (node.argument) returned.push(node.argument);
        else fallsThrough = true;
      }
      return true;
    });
    if (!alwaysExits(fn.body)) fallsThrough = true;
  }
  let allowsEveryPath = !fallsThrough && returned.length > 0;
  const answers: Value[] = [];
  for (const node of returned) {
    const value = checks.resolver.resolve(node, context);
    if (!alternatives(value).every((option) => isAllowAnswer(option, allowTrue, allowOrigin))) allowsEveryPath = false;
    answers.push(...staticAnswers(value));
  }
  return { allowsEveryPath, answers };
}

/** `true`, `'*'` or the request origin, checked or not: an answer that lets this origin in. */
function isAllowAnswer(value: Value, allowTrue: boolean, allowOrigin: boolean): boolean {
  if (value.kind === 'boolean') return allowTrue && value.value;
  if (value.kind === 'string') return allowOrigin && value.value === '*';
  if (value.kind === 'request-header') return allowOrigin && value.name === ORIGIN_HEADER;
  return false;
}

/** The literal origins among an answer's possible values. */
function staticAnswers(value: Value): Value[] {
  return alternatives(value).filter((option) => option.kind === 'string' || option.kind === 'regex' || option.kind === 'array');
}

/** After an unconditional `return`/`throw` in an enclosing block of the same function. */
function isDeadCode(node: Node, fn: FunctionNode): boolean {
  let child: Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    const statements = parent.type === T.BlockStatement ? parent.body : parent.type === T.SwitchCase ? parent.consequent : null;
    if (!statements) continue;
    for (const earlier of statements) {
      if (earlier === child) break;
      if (alwaysExits(earlier)) return true;
    }
  }
  return false;
}

