/**
 * Resolves an expression to what the file's own scope shows: literals, `const` chains, spreads, TS wrappers and the
 * possible values of `||` / `??` / `?:`. Everything else is opaque, tagged with where it comes from; never guessed.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import {
  type FunctionNode,
  type Node,
  type SourceCode,
  type Variable,
  declarationKind,
  isFunction,
  isGlobalReference,
  memberName,
  propertyKey,
  resolveIdentifier,
  unwrap,
} from './ast.js';
import { type ModuleLinks, recordLink, sourceFor } from './links.js';
import { requestHeaderRead } from './request-headers.js';

/** Where a value the file cannot show comes from. */
export type Provenance = 'environment' | 'imported' | 'runtime';

export type Value =
  | { kind: 'string'; value: string; node: Node }
  | { kind: 'number'; value: number; node: Node }
  | { kind: 'boolean'; value: boolean; node: Node }
  | { kind: 'nullish'; value: null | undefined; node: Node }
  | { kind: 'regex'; pattern: string; flags: string; node: Node }
  | ArrayValue
  | ObjectValue
  | { kind: 'function'; node: FunctionNode }
  /** A header of the incoming request (`req.headers.origin`); `validated` when read inside an origin check. */
  | { kind: 'request-header'; name: string; validated: boolean; node: Node }
  | { kind: 'opaque'; source: Provenance; node: Node }
  /** One of several values (`a || b`, `c ? a : b`). */
  | { kind: 'union'; options: Value[]; node: Node };

export interface ArrayValue {
  kind: 'array';
  elements: Value[];
  /** `new Set([...])` rather than an array literal. */
  set: boolean;
  node: Node;
}

export interface ObjectValue {
  kind: 'object';
  properties: PropertyValue[];
  /** Spreads of values the file cannot show: no key of this object can be called absent. */
  opaqueSpreads: Node[];
  node: Node;
}

export interface PropertyValue {
  key: string;
  keyNode: Node;
  /** The `Property` node (for reports and edits). */
  node: Node;
  value: Value;
}

export interface ResolveContext {
  /** Variables that hold the request origin (an origin callback's first parameter). */
  readonly originVariables?: ReadonlySet<Variable>;
}

/** Tests whether an expression checks the request origin; injected to keep this module free of that analysis. */
export type OriginCheckTest = (test: Node, context: ResolveContext) => boolean;

const ARRAY_CALLBACKS = new Set(['some', 'every', 'find', 'findIndex', 'findLast', 'filter', 'forEach', 'map', 'flatMap']);

export class ValueResolver {
  private readonly resolving = new Set<Node>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly isOriginCheck: OriginCheckTest,
    /** Follows imported bindings into the modules that export them; without it, imports are opaque. */
    private readonly links: ModuleLinks | null = null,
  ) {}

  resolve(node: Node, context: ResolveContext = {}): Value {
    return this.resolveIn(node, context, false);
  }

  /** The property `key` of an object value (later keys win), or null when absent. */
  static property(object: ObjectValue, key: string): PropertyValue | null {
    for (let index = object.properties.length - 1; index >= 0; index -= 1) {
      const property = object.properties[index];
      if (property?.key === key) return property;
    }
    return null;
  }

  private resolveIn(raw: Node, context: ResolveContext, validated: boolean): Value {
    const node = unwrap(raw);
    const header = this.requestHeader(node, context);
    if (header) return { kind: 'request-header', name: header, validated, node };

    switch (node.type) {
      case T.Literal:
        return literalValue(node);
      case T.TemplateLiteral:
        return node.expressions.length === 0
          ? { kind: 'string', value: node.quasis[0]?.value.cooked ?? '', node }
          : { kind: 'opaque', source: this.provenanceOfAll(node.expressions, context), node };
      case T.Identifier:
        return this.resolveIdentifierValue(node, context, validated);
      case T.MemberExpression:
        return this.resolveMember(node, context, validated);
      case T.LogicalExpression: {
        const leftChecks = node.operator === '&&' && this.isOriginCheck(node.left, context);
        return {
          kind: 'union',
          options: [this.resolveIn(node.left, context, validated), this.resolveIn(node.right, context, validated || leftChecks)],
          node,
        };
      }
      case T.ConditionalExpression: {
        const checks = validated || this.isOriginCheck(node.test, context);
        return {
          kind: 'union',
          options: [this.resolveIn(node.consequent, context, checks), this.resolveIn(node.alternate, context, checks)],
          node,
        };
      }
      case T.ArrayExpression:
        return { kind: 'array', elements: this.resolveElements(node.elements, context, validated), set: false, node };
      case T.ObjectExpression:
        return this.resolveObject(node, context);
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
      case T.FunctionDeclaration:
        return { kind: 'function', node };
      case T.NewExpression:
      case T.CallExpression:
        return this.resolveCall(node, context, validated);
      case T.UnaryExpression:
        return this.resolveUnary(node, context);
      case T.BinaryExpression:
        return this.resolveArithmetic(node, context);
      default:
        return { kind: 'opaque', source: 'runtime', node };
    }
  }

  private requestHeader(node: Node, context: ResolveContext): string | null {
    if (node.type === T.Identifier && context.originVariables?.size) {
      const variable = resolveIdentifier(this.sourceCode, node);
      if (variable && context.originVariables.has(variable)) return 'origin';
    }
    return requestHeaderRead(node);
  }

  private resolveIdentifierValue(node: TSESTree.Identifier, context: ResolveContext, validated: boolean): Value {
    const variable = resolveIdentifier(this.sourceCode, node);
    if (!variable || variable.defs.length === 0) {
      if (node.name === 'undefined') return { kind: 'nullish', value: undefined, node };
      return { kind: 'opaque', source: 'runtime', node };
    }
    const definition = variable.defs[0];
    if (!definition) return { kind: 'opaque', source: 'runtime', node };
    switch (definition.type) {
      case 'ImportBinding':
        return this.followLink(node, validated) ?? { kind: 'opaque', source: 'imported', node };
      case 'FunctionName':
        return isFunction(definition.node as Node)
          ? { kind: 'function', node: definition.node as FunctionNode }
          : { kind: 'opaque', source: 'runtime', node };
      case 'Parameter':
        return this.resolveArrayCallbackParameter(variable, node, context, validated);
      case 'Variable':
        return this.resolveDeclarator(definition.node as TSESTree.VariableDeclarator, node, context, validated);
      default:
        return { kind: 'opaque', source: 'runtime', node };
    }
  }

  /** The value an imported binding is exported with, read in its own file; null when it cannot be followed. */
  private followLink(reference: TSESTree.Identifier | TSESTree.StringLiteral, validated: boolean): Value | null {
    const target = this.links?.follow(reference, sourceFor(reference, this.sourceCode));
    if (!target) return null;
    if (target.kind === 'namespace') {
      const properties: PropertyValue[] = [];
      for (const [key, node] of target.exports) {
        recordLink(node, reference, this.sourceCode, true);
        properties.push({ key, keyNode: reference, node, value: this.resolveLinked(node, validated) });
      }
      return { kind: 'object', properties, opaqueSpreads: [], node: reference };
    }
    recordLink(target.node, reference, this.sourceCode);
    return this.resolveLinked(target.node, validated);
  }

  /** A property's value read at `reader`; an export read from a namespace is anchored there (its own reference). */
  private readProperty(object: ObjectValue, property: PropertyValue, reader: Node): Value {
    // A namespace's properties are keyed by the namespace reference itself (see `followLink`).
    if (property.keyNode === object.node) recordLink(property.node, reader, this.sourceCode);
    return property.value;
  }

  private resolveLinked(node: Node, validated: boolean): Value {
    if (this.resolving.has(node)) return { kind: 'opaque', source: 'imported', node };
    this.resolving.add(node);
    try {
      // Values in another module know nothing of this file's request: no origin variables carry over.
      return this.resolveIn(node, {}, validated);
    } finally {
      this.resolving.delete(node);
    }
  }

  private resolveDeclarator(
    declarator: TSESTree.VariableDeclarator,
    reference: TSESTree.Identifier,
    context: ResolveContext,
    validated: boolean,
  ): Value {
    const init = declarator.init;
    if (!init) return { kind: 'opaque', source: 'runtime', node: reference };
    const kind = declarationKind(declarator);
    if (kind !== 'const') {
      // A `let` that holds the request origin is still the request origin (`let origin = req.headers.origin`).
      const header = declarator.id.type === T.Identifier ? this.requestHeader(unwrap(init), context) : null;
      return header
        ? { kind: 'request-header', name: header, validated, node: reference }
        : { kind: 'opaque', source: 'runtime', node: reference };
    }
    if (this.resolving.has(declarator)) return { kind: 'opaque', source: 'runtime', node: reference };
    this.resolving.add(declarator);
    try {
      // `const x = require('./x')`, `const { x } = require('./x')`, `const x = await import('./x')`.
      if (this.links && isModuleLoad(init)) {
        const linked = this.followLink(reference, validated);
        if (linked) return linked;
      }
      if (declarator.id.type === T.Identifier) {
        const value = this.resolveIn(init, context, validated);
        // Report reflection where the origin is used, not where it was read.
        return value.kind === 'request-header' ? { ...value, node: reference } : value;
      }
      if (declarator.id.type === T.ObjectPattern) return this.resolveDestructured(declarator.id, reference, init, context, validated);
      return { kind: 'opaque', source: 'runtime', node: reference };
    } finally {
      this.resolving.delete(declarator);
    }
  }

  /** `const { a, b: c } = source`: the value of the key that binds `reference`. */
  private resolveDestructured(
    pattern: TSESTree.ObjectPattern,
    reference: TSESTree.Identifier,
    init: Node,
    context: ResolveContext,
    validated: boolean,
  ): Value {
    for (const property of pattern.properties) {
      if (property.type !== T.Property) continue;
      const target = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (target.type !== T.Identifier || target.name !== reference.name) continue;
      const key = propertyKey(property);
      if (key === null) break;
      const initNode = unwrap(init);
      // `const { origin } = req.headers`
      if (initNode.type === T.MemberExpression && ['headers', 'header'].includes(memberName(initNode) ?? '')) {
        return { kind: 'request-header', name: key.toLowerCase(), validated, node: reference };
      }
      const source = this.resolveIn(init, context, validated);
      if (source.kind === 'object') {
        const found = ValueResolver.property(source, key);
        if (found) return this.readProperty(source, found, reference);
        return source.opaqueSpreads.length > 0
          ? { kind: 'opaque', source: 'runtime', node: reference }
          : { kind: 'nullish', value: undefined, node: reference };
      }
      return { kind: 'opaque', source: source.kind === 'opaque' ? source.source : 'runtime', node: reference };
    }
    return { kind: 'opaque', source: 'runtime', node: reference };
  }

  /** The parameter of `list.some(entry => …)` stands for every element of `list`. */
  private resolveArrayCallbackParameter(
    variable: Variable,
    reference: TSESTree.Identifier,
    context: ResolveContext,
    validated: boolean,
  ): Value {
    const definition = variable.defs[0];
    const fn = definition?.node as Node | undefined;
    if (!fn || !isFunction(fn) || fn.params[0]?.type !== T.Identifier || fn.params[0].name !== variable.name) {
      return { kind: 'opaque', source: 'runtime', node: reference };
    }
    const call = fn.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return { kind: 'opaque', source: 'runtime', node: reference };
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || !ARRAY_CALLBACKS.has(memberName(callee) ?? '')) {
      return { kind: 'opaque', source: 'runtime', node: reference };
    }
    const list = this.resolveIn(callee.object, context, validated);
    if (list.kind !== 'array') return { kind: 'opaque', source: 'runtime', node: reference };
    return { kind: 'union', options: list.elements, node: reference };
  }

  private resolveMember(node: TSESTree.MemberExpression, context: ResolveContext, validated: boolean): Value {
    if (isEnvironmentRead(node)) return { kind: 'opaque', source: 'environment', node };
    const name = memberName(node);
    const object = this.resolveIn(node.object, context, validated);
    if (name !== null && object.kind === 'object') {
      const property = ValueResolver.property(object, name);
      if (property) return this.readProperty(object, property, node);
      if (object.opaqueSpreads.length === 0) return { kind: 'nullish', value: undefined, node };
    }
    // `/^https:\/\/app\.example\.com$/.source`, used to build a larger pattern
    if (name === 'source' && object.kind === 'regex') return { kind: 'string', value: object.pattern, node };
    if (object.kind === 'array' && !object.set) {
      const index = node.computed ? unwrap(node.property) : null;
      if (index?.type === T.Literal && typeof index.value === 'number') {
        const element = object.elements[index.value];
        if (element) return element;
      }
    }
    return { kind: 'opaque', source: object.kind === 'opaque' ? object.source : 'runtime', node };
  }

  private resolveElements(
    elements: readonly (TSESTree.Expression | TSESTree.SpreadElement | null)[],
    context: ResolveContext,
    validated: boolean,
  ): Value[] {
    const values: Value[] = [];
    for (const element of elements) {
      if (!element) continue;
      if (element.type === T.SpreadElement) {
        const spread = this.resolveIn(element.argument, context, validated);
        if (spread.kind === 'array') values.push(...spread.elements);
        else values.push({ kind: 'opaque', source: spread.kind === 'opaque' ? spread.source : 'runtime', node: element });
      } else {
        values.push(this.resolveIn(element, context, validated));
      }
    }
    return values;
  }

  private resolveObject(node: TSESTree.ObjectExpression, context: ResolveContext): ObjectValue {
    const properties: PropertyValue[] = [];
    const opaqueSpreads: Node[] = [];
    for (const property of node.properties) {
      if (property.type === T.SpreadElement) {
        // `...base`, and `...(ok && { … })` / `...(ok ? { … } : {})`: every object it may be contributes its keys.
        const argument = unwrap(property.argument);
        // In `...(ok && { … })` the left side only ever spreads a falsy value, which adds nothing.
        const spreadValue =
          argument.type === T.LogicalExpression && argument.operator === '&&'
            ? this.resolveIn(argument.right, context, this.isOriginCheck(argument.left, context))
            : this.resolveIn(argument, context, false);
        for (const spread of alternatives(spreadValue)) {
          if (spread.kind === 'object') {
            properties.push(...spread.properties);
            opaqueSpreads.push(...spread.opaqueSpreads);
          } else if (!isEmptySpread(spread)) {
            opaqueSpreads.push(property);
          }
        }
        continue;
      }
      const key = propertyKey(property);
      // A computed key the file cannot show might be any option.
      if (key === null) {
        opaqueSpreads.push(property);
        continue;
      }
      const valueNode = property.value;
      const value: Value = isFunction(valueNode)
        ? { kind: 'function', node: valueNode }
        : valueNode.type === T.ArrayPattern || valueNode.type === T.ObjectPattern
          ? { kind: 'opaque', source: 'runtime', node: valueNode }
          : this.resolveIn(valueNode, context, false);
      properties.push({ key, keyNode: property.key, node: property, value });
    }
    return { kind: 'object', properties, opaqueSpreads, node };
  }

  private resolveCall(node: TSESTree.CallExpression | TSESTree.NewExpression, context: ResolveContext, validated: boolean): Value {
    const callee = unwrap(node.callee);
    if (callee.type === T.Identifier && isGlobalReference(this.sourceCode, callee)) {
      const first = node.arguments[0];
      // new Set([...])
      if (callee.name === 'Set' && node.type === T.NewExpression) {
        if (!first) return { kind: 'array', elements: [], set: true, node };
        const elements = this.resolveIn(first, context, validated);
        if (elements.kind === 'array') return { kind: 'array', elements: elements.elements, set: true, node };
      }
      // new RegExp('…', 'flags') / RegExp('…'), the pattern possibly built from parts the file shows
      if (callee.name === 'RegExp' && first && first.type !== T.SpreadElement) {
        const flagsNode = node.arguments[1];
        const flags = flagsNode ? this.constantText(flagsNode, context) : '';
        const pattern = this.constantText(first, context);
        if (pattern !== null && flags !== null) return { kind: 'regex', pattern, flags, node };
      }
      if (callee.name === 'require') {
        // `require('./options')` used as a value: the module's exports, where links can follow them.
        const specifier = first ? unwrap(first) : null;
        const linked = specifier?.type === T.Literal && typeof specifier.value === 'string' ? this.followLink(specifier as TSESTree.StringLiteral, validated) : null;
        return linked ?? { kind: 'opaque', source: 'imported', node };
      }
    }
    if (callee.type === T.MemberExpression && node.type === T.CallExpression) {
      const method = memberName(callee);
      // Deno.env.get('X')
      if (method === 'get' && isEnvironmentObject(unwrap(callee.object))) return { kind: 'opaque', source: 'environment', node };
      // list.filter(Boolean), list.map((s) => s.trim())
      if ((method === 'filter' && isBooleanCallback(node.arguments[0])) || (method === 'map' && isTrimCallback(node.arguments[0]))) {
        const list = this.resolveIn(callee.object, context, validated);
        if (list.kind === 'array') return list;
        if (list.kind === 'opaque') return { kind: 'opaque', source: list.source, node };
      }
      return { kind: 'opaque', source: this.provenanceOfAll([callee.object, ...node.arguments], context), node };
    }
    if (node.type === T.CallExpression && callee.type === T.ImportExpression) return { kind: 'opaque', source: 'imported', node };
    return { kind: 'opaque', source: this.provenanceOfAll(node.arguments, context), node };
  }

  /**
   * The text of a string the file spells out in parts: literals, `const`s, `+` concatenation and template literals
   * of such parts (`'^https://.*' + DOMAIN + '$'`). Null when any part is not shown.
   */
  private constantText(raw: Node, context: ResolveContext): string | null {
    const node = unwrap(raw);
    if (node.type === T.BinaryExpression && node.operator === '+') {
      const left = this.constantText(node.left, context);
      const right = left === null ? null : this.constantText(node.right, context);
      return left !== null && right !== null ? left + right : null;
    }
    if (node.type === T.TemplateLiteral) {
      let text = node.quasis[0]?.value.cooked ?? '';
      for (const [index, expression] of node.expressions.entries()) {
        const part = this.constantText(expression, context);
        const quasi = node.quasis[index + 1]?.value.cooked;
        if (part === null || quasi == null) return null;
        text += part + quasi;
      }
      return text;
    }
    const value = this.resolveIn(node, context, false);
    if (value.kind === 'string') return value.value;
    if (value.kind === 'number') return String(value.value);
    return null;
  }

  private resolveUnary(node: TSESTree.UnaryExpression, context: ResolveContext): Value {
    if (node.operator === 'void') return { kind: 'nullish', value: undefined, node };
    if (node.operator === '-' || node.operator === '+') {
      const argument = this.resolveIn(node.argument, context, false);
      if (argument.kind === 'number') return { kind: 'number', value: node.operator === '-' ? -argument.value : argument.value, node };
    }
    return { kind: 'opaque', source: 'runtime', node };
  }

  /** Constant arithmetic on numbers (`60 * 60 * 24`); string concatenation stays opaque. */
  private resolveArithmetic(node: TSESTree.BinaryExpression, context: ResolveContext): Value {
    const left = node.left.type === T.PrivateIdentifier ? null : this.resolveIn(node.left, context, false);
    const right = this.resolveIn(node.right, context, false);
    if (left?.kind === 'number' && right.kind === 'number') {
      const value = arithmetic(node.operator, left.value, right.value);
      if (value !== null) return { kind: 'number', value, node };
    }
    return { kind: 'opaque', source: this.provenanceOfAll([node.left, node.right], context), node };
  }

  /** The strongest provenance among sub-expressions: environment beats imported beats runtime. */
  private provenanceOfAll(nodes: readonly Node[], context: ResolveContext): Provenance {
    let result: Provenance = 'runtime';
    for (const node of nodes) {
      if (node.type === T.SpreadElement || node.type === T.PrivateIdentifier) continue;
      const value = unwrap(node);
      if (value.type === T.MemberExpression || value.type === T.Identifier || value.type === T.CallExpression) {
        const resolved = this.resolveIn(value, context, false);
        if (resolved.kind === 'opaque') {
          if (resolved.source === 'environment') return 'environment';
          if (resolved.source === 'imported') result = 'imported';
        }
      }
    }
    return result;
  }
}

/** `require('x')`, `await import('x')`, or a member of one (`require('x').options`). */
function isModuleLoad(raw: Node): boolean {
  let node = unwrap(raw);
  if (node.type === T.AwaitExpression) node = unwrap(node.argument);
  while (node.type === T.MemberExpression) node = unwrap(node.object);
  if (node.type === T.ImportExpression) return true;
  return node.type === T.CallExpression && unwrap(node.callee).type === T.Identifier && (unwrap(node.callee) as TSESTree.Identifier).name === 'require';
}

/** Spreading `null`, `undefined`, `false` or `''` adds nothing. */
function isEmptySpread(value: Value): boolean {
  return value.kind === 'nullish' || (value.kind === 'boolean' && !value.value) || (value.kind === 'string' && value.value === '');
}

function literalValue(node: TSESTree.Literal): Value {
  if ('regex' in node && node.regex) return { kind: 'regex', pattern: node.regex.pattern, flags: node.regex.flags, node };
  const value = node.value;
  if (typeof value === 'string') return { kind: 'string', value, node };
  if (typeof value === 'number') return { kind: 'number', value, node };
  if (typeof value === 'boolean') return { kind: 'boolean', value, node };
  if (value === null) return { kind: 'nullish', value: null, node };
  return { kind: 'opaque', source: 'runtime', node };
}

/** Constant arithmetic on two numbers, or null for an operator it does not know. */
export function arithmetic(operator: string, left: number, right: number): number | null {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '%':
      return left % right;
    case '**':
      return left ** right;
    default:
      return null;
  }
}

/** `process.env.X`, `import.meta.env.X`, `c.env.X`: any member of an `env` object. */
function isEnvironmentRead(node: TSESTree.MemberExpression): boolean {
  return isEnvironmentObject(unwrap(node.object));
}

function isEnvironmentObject(node: Node): boolean {
  if (node.type === T.MemberExpression) return memberName(node) === 'env';
  return false;
}

function isBooleanCallback(node: Node | undefined): boolean {
  if (!node) return false;
  const callback = unwrap(node);
  if (callback.type === T.Identifier) return callback.name === 'Boolean';
  // (s) => s, (s) => !!s, (s) => Boolean(s): truthiness filters only; any other filter may drop values.
  if (callback.type !== T.ArrowFunctionExpression || callback.params[0]?.type !== T.Identifier) return false;
  const name = callback.params[0].name;
  let body: Node = unwrap(callback.body);
  while (body.type === T.UnaryExpression && body.operator === '!') body = unwrap(body.argument);
  if (body.type === T.CallExpression && unwrap(body.callee).type === T.Identifier && (unwrap(body.callee) as TSESTree.Identifier).name === 'Boolean' && body.arguments[0]) {
    body = unwrap(body.arguments[0]);
  }
  return body.type === T.Identifier && body.name === name;
}

function isTrimCallback(node: Node | undefined): boolean {
  if (!node) return false;
  const callback = unwrap(node);
  if (callback.type !== T.ArrowFunctionExpression || callback.body.type !== T.CallExpression) return false;
  const param = callback.params[0];
  const callee = unwrap(callback.body.callee);
  return (
    param?.type === T.Identifier &&
    callee.type === T.MemberExpression &&
    memberName(callee) === 'trim' &&
    unwrap(callee.object).type === T.Identifier &&
    (unwrap(callee.object) as TSESTree.Identifier).name === param.name
  );
}

/** Every value a setting can take: unions and array/Set elements flattened, each with whether it is an element. */
export function possibleValues(value: Value): { value: Value; element: boolean }[] {
  const out: { value: Value; element: boolean }[] = [];
  const visit = (current: Value, element: boolean): void => {
    if (current.kind === 'union') for (const option of current.options) visit(option, element);
    else if (current.kind === 'array') for (const item of current.elements) visit(item, true);
    else out.push({ value: current, element });
  };
  visit(value, false);
  return out;
}

/** The possible values of a setting without descending into arrays. */
export function alternatives(value: Value): Value[] {
  if (value.kind !== 'union') return [value];
  return value.options.flatMap((option) => alternatives(option));
}
