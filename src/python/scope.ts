/**
 * What a Python module binds: its imports (with the fully qualified names they stand for), its module-level
 * assignments, star imports, and the local assignments and parameters of each function. Enough to follow a name to
 * its value the way the file shows it; anything more dynamic stays unknown.
 */
import { type PyNode, child, enclosingFunction, fieldChildren, named, textOf, walkTree } from './syntax.js';

export interface ImportBinding {
  /** The fully qualified name the local name stands for (`fastapi.middleware.cors.CORSMiddleware`). */
  qualified: string;
  /** Leading dots of a relative import (`from .config import settings`: 1), 0 for absolute imports. */
  level: number;
  /** The module path written (`config` above, `fastapi.middleware.cors`), without the leading dots. */
  module: string;
  /** The imported name (`settings`), or null for `import a.b`. */
  name: string | null;
  node: PyNode;
}

export interface StarImport {
  module: string;
  level: number;
  node: PyNode;
}

/** What a name refers to where it is used. */
export type Binding =
  | { kind: 'import'; binding: ImportBinding }
  /** Assigned in the module or the enclosing function: each right-hand side, in source order. */
  | { kind: 'assigned'; values: Assignment[] }
  | { kind: 'parameter'; node: PyNode }
  /** Defined by `def` or `class`. */
  | { kind: 'definition'; node: PyNode }
  | { kind: 'unknown' };

export interface Assignment {
  /** The statement (`assignment` or `augmented_assignment`). */
  node: PyNode;
  target: PyNode;
  /** The right-hand side. */
  value: PyNode;
  /** `+=` and friends: the value is combined with what the name held. */
  operator: string | null;
}

/** The bindings of one parsed module. */
export class PyScope {
  readonly imports = new Map<string, ImportBinding>();
  readonly starImports: StarImport[] = [];
  readonly moduleAssignments = new Map<string, Assignment[]>();
  readonly definitions = new Map<string, PyNode>();
  private readonly functionScopes = new Map<PyNode, FunctionScope>();

  constructor(
    readonly text: string,
    readonly root: PyNode,
  ) {
    walkTree(root, (node) => {
      if (node.kind === 'import_statement' || node.kind === 'import_from_statement' || node.kind === 'future_import_statement') this.readImport(node);
      return true;
    });
    collectAssignments(root, text, this.moduleAssignments, this.definitions);
  }

  /** What the identifier `node` refers to where it appears. */
  bindingOf(node: PyNode): Binding {
    const name = textOf(this.text, node);
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const scope = this.functionScope(fn);
      const parameter = scope.parameters.get(name);
      if (parameter) return { kind: 'parameter', node: parameter };
      const values = scope.assignments.get(name);
      if (values) return { kind: 'assigned', values };
      const definition = scope.definitions.get(name);
      if (definition) return { kind: 'definition', node: definition };
    }
    const values = this.moduleAssignments.get(name);
    if (values) return { kind: 'assigned', values };
    const imported = this.imports.get(name);
    if (imported) return { kind: 'import', binding: imported };
    const definition = this.definitions.get(name);
    if (definition) return { kind: 'definition', node: definition };
    return { kind: 'unknown' };
  }

  /** The fully qualified name an identifier or attribute chain stands for through the imports, or null. */
  qualifiedName(node: PyNode): string | null {
    if (node.kind === 'identifier') {
      const binding = this.bindingOf(node);
      return binding.kind === 'import' && binding.binding.level === 0 ? binding.binding.qualified : null;
    }
    if (node.kind === 'attribute') {
      const object = child(node, 'object');
      const attribute = child(node, 'attribute');
      if (!object || !attribute) return null;
      const base = this.qualifiedName(object);
      return base === null ? null : `${base}.${textOf(this.text, attribute)}`;
    }
    return null;
  }

  private functionScope(fn: PyNode): FunctionScope {
    let scope = this.functionScopes.get(fn);
    if (!scope) {
      scope = { parameters: new Map(), assignments: new Map(), definitions: new Map() };
      const parameters = child(fn, 'parameters');
      for (const parameter of parameters ? named(parameters) : []) {
        const name = parameter.kind === 'identifier' ? parameter : (child(parameter, 'name') ?? named(parameter).find((part) => part.kind === 'identifier'));
        if (name) scope.parameters.set(textOf(this.text, name), parameter);
      }
      const body = child(fn, 'body');
      if (body) collectAssignments(body, this.text, scope.assignments, scope.definitions);
      this.functionScopes.set(fn, scope);
    }
    return scope;
  }

  private readImport(node: PyNode): void {
    if (node.kind === 'import_statement') {
      // `import a.b.c` binds `a`; `import a.b as x` binds `x` to `a.b`.
      for (const item of fieldChildren(node, 'name')) {
        if (item.kind === 'aliased_import') {
          const module = child(item, 'name');
          const alias = child(item, 'alias');
          if (module && alias) {
            const path = textOf(this.text, module);
            this.imports.set(textOf(this.text, alias), { qualified: path, level: 0, module: path, name: null, node: item });
          }
        } else {
          const path = textOf(this.text, item);
          const first = path.split('.')[0] as string;
          this.imports.set(first, { qualified: first, level: 0, module: path, name: null, node: item });
        }
      }
      return;
    }
    const moduleNode = child(node, 'module_name');
    if (!moduleNode) return;
    const written = textOf(this.text, moduleNode);
    const level = /^\.*/u.exec(written)?.[0].length ?? 0;
    const module = written.slice(level);
    if (node.children.some((part) => part.kind === 'wildcard_import')) {
      this.starImports.push({ module, level, node });
      return;
    }
    for (const item of fieldChildren(node, 'name')) {
      const nameNode = item.kind === 'aliased_import' ? child(item, 'name') : item;
      const aliasNode = item.kind === 'aliased_import' ? child(item, 'alias') : item;
      if (!nameNode || !aliasNode) continue;
      const name = textOf(this.text, nameNode);
      const qualified = module ? `${module}.${name}` : name;
      this.imports.set(textOf(this.text, aliasNode), { qualified, level, module, name, node: item });
    }
  }
}

interface FunctionScope {
  parameters: Map<string, PyNode>;
  assignments: Map<string, Assignment[]>;
  definitions: Map<string, PyNode>;
}

/** Blocks that do not open a scope of their own: their assignments belong to the enclosing one. */
const TRANSPARENT = new Set([
  'module',
  'block',
  'if_statement',
  'elif_clause',
  'else_clause',
  'try_statement',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'with_statement',
  'for_statement',
  'while_statement',
  'match_statement',
  'case_clause',
  'expression_statement',
]);

/** Assignments and definitions directly in `root`'s scope (not in nested functions or classes), in source order. */
function collectAssignments(root: PyNode, text: string, into: Map<string, Assignment[]>, definitions: Map<string, PyNode>): void {
  const add = (target: PyNode, value: PyNode, statement: PyNode, operator: string | null): void => {
    if (target.kind !== 'identifier') return;
    const name = textOf(text, target);
    into.set(name, [...(into.get(name) ?? []), { node: statement, target, value, operator }]);
  };
  const visit = (node: PyNode): void => {
    for (const part of node.children) {
      if (part.kind === 'function_definition' || part.kind === 'class_definition') {
        const name = child(part, 'name');
        if (name) definitions.set(textOf(text, name), part);
        continue;
      }
      if (part.kind === 'decorated_definition') {
        const definition = child(part, 'definition');
        const name = definition ? child(definition, 'name') : null;
        if (name && definition) definitions.set(textOf(text, name), definition);
        continue;
      }
      if (part.kind === 'assignment') {
        // `a = b = value`: every target gets the innermost right-hand side.
        let value = child(part, 'right');
        const targets = [child(part, 'left')];
        while (value?.kind === 'assignment') {
          targets.push(child(value, 'left'));
          value = child(value, 'right');
        }
        if (value) for (const target of targets) if (target) add(target, value, part, null);
        continue;
      }
      if (part.kind === 'augmented_assignment') {
        const target = child(part, 'left');
        const value = child(part, 'right');
        const operator = child(part, 'operator');
        if (target && value) add(target, value, part, operator ? textOf(text, operator) : null);
        continue;
      }
      if (TRANSPARENT.has(part.kind) || part.field === 'body' || part.field === 'alternative' || part.field === 'consequence') visit(part);
    }
  };
  visit(root);
}
