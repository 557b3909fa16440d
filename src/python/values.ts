/**
 * Resolves Python expressions to the model's values, the way the JavaScript side does: literals, module constants
 * and local assignments, list and tuple concatenation and unpacking, `a or b` and `a if c else b` as both their
 * values, `dict(…)`/`list(…)` around a literal. Environment reads (`os.environ[…]`, `os.getenv(…)`, settings
 * libraries) are opaque `environment` values, each with the literal default it falls back to as a second
 * possibility; imported names are opaque `imported`; f-strings and other calls are opaque. Nothing is guessed.
 */
import { PYTHON_ENVIRONMENT_READERS } from '../frameworks/python.js';
import { asModelNode } from '../model/foreign-node.js';
import { type ObjectValue, type PropertyValue, type Provenance, type Value, arithmetic } from '../model/static-value.js';
import type { Assignment, PyScope } from './scope.js';
import { type PyNode, callArguments, child, named, stringValue, textOf, unparen } from './syntax.js';

const opaque = (source: Provenance, node: PyNode): Value => ({ kind: 'opaque', source, node: asModelNode(node) });

/** Resolves the expressions of one module. */
export class PyValues {
  private readonly resolving = new Set<PyNode>();

  constructor(readonly scope: PyScope) {}

  get text(): string {
    return this.scope.text;
  }

  resolve(raw: PyNode): Value {
    const node = unparen(raw);
    const at = asModelNode(node);
    switch (node.kind) {
      case 'string':
      case 'concatenated_string': {
        const value = stringValue(this.text, node);
        if (value !== null) return { kind: 'string', value, node: at };
        const parts = node.kind === 'string' ? [node] : node.children.filter((part) => part.kind === 'string');
        const fields = parts.flatMap((part) => part.children.filter((piece) => piece.kind === 'interpolation')).map((field) => named(field)[0]);
        return opaque(this.provenanceOf(fields.filter((field): field is PyNode => field !== undefined)), node);
      }
      case 'integer':
      case 'float': {
        const value = Number(textOf(this.text, node).replace(/_/gu, '').replace(/^0o/iu, '0o'));
        return Number.isFinite(value) ? { kind: 'number', value, node: at } : opaque('runtime', node);
      }
      case 'true':
      case 'false':
        return { kind: 'boolean', value: node.kind === 'true', node: at };
      case 'none':
        return { kind: 'nullish', value: null, node: at };
      case 'list':
      case 'tuple':
      case 'set':
        return { kind: 'array', elements: this.elements(named(node)), set: node.kind === 'set', node: at };
      case 'dictionary':
        return this.dictionary(node);
      case 'identifier':
        return this.identifier(node);
      case 'attribute':
        return this.attribute(node);
      case 'subscript':
        return this.subscript(node);
      case 'call':
        return this.call(node);
      case 'boolean_operator': {
        const left = child(node, 'left');
        const right = child(node, 'right');
        if (!left || !right) return opaque('runtime', node);
        return { kind: 'union', options: [this.resolve(left), this.resolve(right)], node: at };
      }
      case 'conditional_expression': {
        const [consequence, , alternative] = named(node);
        if (!consequence || !alternative) return opaque('runtime', node);
        return { kind: 'union', options: [this.resolve(consequence), this.resolve(alternative)], node: at };
      }
      case 'binary_operator':
        return this.binary(node);
      case 'unary_operator': {
        const argument = child(node, 'argument');
        const operator = child(node, 'operator');
        const value = argument ? this.resolve(argument) : null;
        if (value?.kind === 'number' && operator) {
          const sign = textOf(this.text, operator);
          if (sign === '-' || sign === '+') return { kind: 'number', value: sign === '-' ? -value.value : value.value, node: at };
        }
        return opaque('runtime', node);
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return opaque(this.provenanceOf(named(node).filter((part) => part.kind === 'for_in_clause').map((clause) => child(clause, 'right')).filter((part): part is PyNode => part !== null)), node);
      default:
        return opaque('runtime', node);
    }
  }

  /** The elements of a list, tuple or set; `*other` unpacks a resolvable sequence in place. */
  private elements(items: readonly PyNode[]): Value[] {
    const values: Value[] = [];
    for (const item of items) {
      if (item.kind === 'list_splat') {
        const inner = named(item)[0];
        const spread = inner ? this.resolve(inner) : null;
        if (spread?.kind === 'array') values.push(...spread.elements);
        else values.push(opaque(spread?.kind === 'opaque' ? spread.source : 'runtime', item));
      } else {
        values.push(this.resolve(item));
      }
    }
    return values;
  }

  private dictionary(node: PyNode): ObjectValue {
    const properties: PropertyValue[] = [];
    const opaqueSpreads = [];
    for (const item of named(node)) {
      if (item.kind === 'dictionary_splat') {
        const inner = named(item)[0];
        const spread = inner ? this.resolve(inner) : null;
        if (spread?.kind === 'object') {
          properties.push(...spread.properties);
          opaqueSpreads.push(...spread.opaqueSpreads);
        } else {
          opaqueSpreads.push(asModelNode(item));
        }
        continue;
      }
      if (item.kind !== 'pair') continue;
      const keyNode = child(item, 'key');
      const valueNode = child(item, 'value');
      const key = keyNode ? stringValue(this.text, unparen(keyNode)) : null;
      if (!keyNode || !valueNode) continue;
      if (key === null) {
        opaqueSpreads.push(asModelNode(item));
        continue;
      }
      properties.push({ key, keyNode: asModelNode(keyNode), node: asModelNode(item), value: this.resolve(valueNode) });
    }
    return { kind: 'object', properties, opaqueSpreads, node: asModelNode(node) };
  }

  private identifier(node: PyNode): Value {
    const binding = this.scope.bindingOf(node);
    switch (binding.kind) {
      case 'import':
        return opaque('imported', node);
      case 'assigned':
        return this.assigned(binding.values, node);
      default:
        return opaque('runtime', node);
    }
  }

  /** Every value the name may hold: each plain assignment, and each `+=` applied to what came before. */
  assigned(assignments: readonly Assignment[], reference: PyNode): Value {
    const key = assignments[0]?.node;
    if (!key || this.resolving.has(key)) return opaque('runtime', reference);
    this.resolving.add(key);
    try {
      let current: Value[] = [];
      for (const assignment of assignments) {
        const value = this.resolve(assignment.value);
        if (assignment.operator === null) {
          current = [...current, value];
        } else if (assignment.operator === '+=' || assignment.operator === '|=') {
          // `A += [x]` extends what A held last; earlier values are no longer possible after it.
          const last = current.at(-1);
          current = [last ? concatenate(last, value, asModelNode(assignment.node)) : opaque('runtime', assignment.node)];
        } else {
          current = [opaque('runtime', assignment.node)];
        }
      }
      // The last plain assignment at module level wins; conditional reassignments make several values possible.
      const value = current.length === 1 ? (current[0] as Value) : { kind: 'union' as const, options: current, node: asModelNode(reference) };
      return value;
    } finally {
      this.resolving.delete(key);
    }
  }

  private attribute(node: PyNode): Value {
    const qualified = this.scope.qualifiedName(node);
    if (qualified && isEnvironmentObject(qualified)) return opaque('environment', node);
    const object = child(node, 'object');
    // `settings.origins`, `os.environ.get("X", "").split`: whatever the object's provenance is.
    return opaque(object ? strongest([this.resolve(object)]) : 'runtime', node);
  }

  private subscript(node: PyNode): Value {
    const object = child(node, 'value');
    const index = child(node, 'subscript');
    if (!object || !index) return opaque('runtime', node);
    const qualified = this.scope.qualifiedName(unparen(object));
    if (qualified && isEnvironmentObject(qualified)) return opaque('environment', node);
    const container = this.resolve(object);
    const key = this.resolve(index);
    if (container.kind === 'object' && key.kind === 'string') {
      const found = [...container.properties].reverse().find((property) => property.key === key.value);
      if (found) return found.value;
    }
    if (container.kind === 'array' && key.kind === 'number' && Number.isInteger(key.value)) {
      const element = container.elements.at(key.value);
      if (element) return element;
    }
    return opaque(container.kind === 'opaque' ? container.source : 'runtime', node);
  }

  private call(node: PyNode): Value {
    const callee = child(node, 'function');
    if (!callee) return opaque('runtime', node);
    const args = callArguments(this.text, node);
    const qualified = this.scope.qualifiedName(unparen(callee));
    if (qualified) {
      const reader = PYTHON_ENVIRONMENT_READERS.find((candidate) => candidate.function === qualified);
      if (reader) return this.environmentRead(node, args, reader.defaultArgument, reader.defaultKeyword);
      if (qualified === 're.compile') return this.compiled(node, args.positional);
    }
    // `os.environ.get('X', default)`, `env.str('X', default=…)` on an environment object.
    if (callee.kind === 'attribute') {
      const object = child(callee, 'object');
      const method = child(callee, 'attribute');
      const objectName = object ? this.scope.qualifiedName(unparen(object)) : null;
      if (objectName && isEnvironmentObject(objectName) && method && ['get', 'str', 'list', 'bool', 'int', 'tuple'].includes(textOf(this.text, method))) {
        return this.environmentRead(node, args, 1, 'default');
      }
    }
    if (callee.kind === 'identifier' && this.scope.bindingOf(callee).kind === 'unknown') {
      const builtin = textOf(this.text, callee);
      const first = args.positional[0];
      if ((builtin === 'list' || builtin === 'tuple' || builtin === 'set' || builtin === 'frozenset') && first && args.positional.length === 1 && args.keywords.length === 0) {
        const inner = this.resolve(first);
        if (inner.kind === 'array') return { ...inner, set: builtin.endsWith('set'), node: asModelNode(node) };
        if (inner.kind === 'opaque') return opaque(inner.source, node);
      }
      if (builtin === 'dict' && args.positional.length === 0 && args.dictionarySplats.length === 0) {
        return {
          kind: 'object',
          properties: args.keywords.map((keyword) => ({ key: keyword.name, keyNode: asModelNode(keyword.nameNode), node: asModelNode(keyword.node), value: this.resolve(keyword.value) })),
          opaqueSpreads: [],
          node: asModelNode(node),
        };
      }
    }
    const parts = [callee, ...args.positional, ...args.keywords.map((keyword) => keyword.value)];
    return opaque(this.provenanceOf(parts), node);
  }

  /** An environment read: opaque, or (with a default the file shows) that default as a second possibility. */
  private environmentRead(node: PyNode, args: ReturnType<typeof callArguments>, index: number | null, keyword: string | null): Value {
    const fallback = (keyword ? args.keywords.find((candidate) => candidate.name === keyword)?.value : undefined) ?? (index === null ? undefined : args.positional[index]);
    const read = opaque('environment', node);
    if (!fallback) return read;
    const value = this.resolve(fallback);
    return value.kind === 'nullish' ? read : { kind: 'union', options: [read, value], node: asModelNode(node) };
  }

  /** `re.compile(r"…")` with no flags, or `re.I` / `re.IGNORECASE`. */
  private compiled(node: PyNode, positional: readonly PyNode[]): Value {
    const [patternNode, flagsNode] = positional;
    const pattern = patternNode ? this.resolve(patternNode) : null;
    if (pattern?.kind !== 'string') return opaque('runtime', node);
    let flags = '';
    if (flagsNode) {
      const name = this.scope.qualifiedName(unparen(flagsNode));
      if (name !== 're.I' && name !== 're.IGNORECASE') return opaque('runtime', node);
      flags = 'i';
    }
    return { kind: 'regex', pattern: pattern.value, flags, node: asModelNode(node) };
  }

  private binary(node: PyNode): Value {
    const left = child(node, 'left');
    const right = child(node, 'right');
    const operator = child(node, 'operator');
    if (!left || !right || !operator) return opaque('runtime', node);
    const a = this.resolve(left);
    const b = this.resolve(right);
    const sign = textOf(this.text, operator);
    if (sign === '+') return concatenate(a, b, asModelNode(node));
    if (a.kind === 'number' && b.kind === 'number') {
      // Python's floor division is the one operator JavaScript spells differently.
      const value = sign === '//' ? Math.floor(a.value / b.value) : arithmetic(sign, a.value, b.value);
      if (value !== null) return { kind: 'number', value, node: asModelNode(node) };
    }
    return opaque(strongest([a, b]), node);
  }

  /** The strongest provenance among sub-expressions: environment beats imported beats runtime. */
  private provenanceOf(nodes: readonly PyNode[]): Provenance {
    return strongest(nodes.map((part) => this.resolve(part)));
  }
}

/** `a + b` for lists, tuples and strings the file shows; anything else is opaque. */
function concatenate(a: Value, b: Value, node: Value['node']): Value {
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', elements: [...a.elements, ...b.elements], set: false, node };
  if (a.kind === 'string' && b.kind === 'string') return { kind: 'string', value: a.value + b.value, node };
  if (a.kind === 'number' && b.kind === 'number') return { kind: 'number', value: a.value + b.value, node };
  if (a.kind === 'array' || b.kind === 'array') {
    // A list extended by something the file cannot show keeps the elements it shows.
    const known = a.kind === 'array' ? a : (b as Extract<Value, { kind: 'array' }>);
    const other = a.kind === 'array' ? b : a;
    return { kind: 'array', elements: [...known.elements, { kind: 'opaque', source: strongest([other]), node: other.node }], set: false, node };
  }
  return { kind: 'opaque', source: strongest([a, b]), node };
}

function strongest(values: readonly Value[]): Provenance {
  let result: Provenance = 'runtime';
  const visit = (value: Value): void => {
    if (value.kind === 'opaque') {
      if (value.source === 'environment') result = 'environment';
      else if (value.source === 'imported' && result === 'runtime') result = 'imported';
    } else if (value.kind === 'union') {
      for (const option of value.options) visit(option);
    } else if (value.kind === 'array') {
      for (const element of value.elements) visit(element);
    }
  };
  for (const value of values) visit(value);
  return result;
}

/** `os.environ` and the environment objects of settings libraries. */
function isEnvironmentObject(qualified: string): boolean {
  return qualified === 'os.environ' || qualified === 'os.environb' || PYTHON_ENVIRONMENT_READERS.some((reader) => reader.object === qualified);
}
