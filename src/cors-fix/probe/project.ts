/**
 * What a project's code declares, for `probe --project`: for each CORS policy the static model finds, where it is, the
 * routes to probe it on (one, plus the routes that stream), and what it allows (origins, the variable the allowlist is
 * read from, credentials, methods, headers, preflight cache). Everything static sits behind `expectationsFromProject`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, contains, isFunction, memberName, resolveIdentifier, unwrap, walk } from '../../model/ast.js';
import { type CorsFile, type CorsPolicy, type ListSetting, type SourceCode, type Value, MIGHT_HAVE_CORS, alternatives, readCorsFile, routeMethods } from '../../model/index.js';
import { discoverFiles } from '../discover-files.js';
import { importedBinding } from '../probe-source.js';
import type { ModuleResolver } from '../resolve-imports.js';
import { SourceStore } from '../source-store.js';
import { parseEnvText } from './env-file.js';
import { originProblem, parseOriginList } from './origins.js';
import type { SourceLocation } from './report.js';

/** A route the probe requests to see a policy at work. */
export interface ExpectedRoute {
  /** The URL path, route parameters filled in (`/api/orders/:id` → `/api/orders/1`). */
  path: string;
  /** The route serves Server-Sent Events. */
  streams: boolean;
}

/** The origins a policy allows, as far as the code shows them. */
export interface DeclaredOrigins {
  /** Exact origins the code lists. */
  listed: string[];
  /** Regular expressions the origin is tested with (`flags` without `g`/`y`). */
  patterns: { source: string; flags: string }[];
  /** Environment variables the allowlist is read from (`CORS_ORIGINS`). */
  variables: string[];
  /** Some possible value lets every origin in: `*`, reflection, a match-all pattern. */
  open: boolean;
  /** Some part the code does not show (a function, an import that could not be followed). */
  unknown: boolean;
  /** The value depends on something at runtime (`production ? a : b`), so no single alternative is the live one. */
  conditional: boolean;
}

/** What one policy declares and where it applies. */
export interface PolicyExpectation {
  location: SourceLocation;
  /** The package or kind of policy, as messages name it. */
  framework: string;
  /** One route the policy answers, plus every route of its file that streams; empty when the file has none. */
  routes: ExpectedRoute[];
  /** The methods the file's routes serve (`app.put(…)` → `PUT`). */
  routeMethods: string[];
  origins: DeclaredOrigins;
  /** Credentials on or off; null when the code does not show it. */
  credentials: boolean | null;
  /** Allowed methods (upper case) or `reflect`; null when the code does not show them. */
  methods: string[] | 'reflect' | null;
  /** Allowed request headers (lower case) or `reflect`; null when the code does not show them. */
  headers: string[] | 'reflect' | null;
  /** The preflight cache in seconds, when the code sets one number. */
  maxAge: number | null;
}

/** What a project declares: its policies and the origins it spells out. */
export interface ProjectExpectations {
  /** The project directory, absolute. */
  root: string;
  policies: PolicyExpectation[];
  /** Origins the project names: listed in code, or set for an allowlist variable in a `.env*` file. */
  knownOrigins: string[];
  /** What could not be read, and policies without a route to probe. */
  notes: string[];
}

/** Environment variables that never hold an allowlist. */
const NOT_ALLOWLISTS = new Set(['NODE_ENV', 'PORT', 'HOST', 'DEBUG']);

/** Route registrations whose first argument is the path. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head']);

/** Reads the project under `directory` with the static model: the expectations `probe --project` compares with. */
export async function expectationsFromProject(directory: string): Promise<ProjectExpectations> {
  const root = resolve(directory);
  const files = await discoverFiles(root, ['.']);
  const store = new SourceStore();
  const reader = new ProjectReader(root);
  const notes: string[] = [];
  const policies: PolicyExpectation[] = [];
  for (const path of files) {
    const source = store.read(path, MIGHT_HAVE_CORS);
    if (source.kind !== 'text') continue;
    const parsed = store.parse(path, source.text);
    if (!parsed.ok) {
      notes.push(`${reader.relative(path)} does not parse (${parsed.line}:${parsed.column} ${parsed.message}); its policies were not read.`);
      continue;
    }
    const file = readCorsFile(parsed.sourceCode, path);
    for (const policy of file.policies) {
      const expectation = await reader.expectation(path, parsed.sourceCode, file, policy);
      if (expectation.routes.length === 0) notes.push(`${expectation.location.file}:${expectation.location.line}: no route is registered next to this ${expectation.framework} policy; probe its paths with --path.`);
      policies.push(expectation);
    }
    store.forgetParse(path);
  }
  const variables = [...new Set(policies.flatMap((policy) => policy.origins.variables))];
  const knownOrigins = [...new Set([...policies.flatMap((policy) => policy.origins.listed), ...envFileOrigins(root, files, variables)])];
  return { root, policies, knownOrigins, notes };
}

class ProjectReader {
  private resolver: ModuleResolver | null = null;

  constructor(private readonly root: string) {}

  relative(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  async expectation(path: string, sourceCode: SourceCode, file: CorsFile, policy: CorsPolicy): Promise<PolicyExpectation> {
    const { start, end } = policy.node.loc;
    return {
      location: { file: this.relative(path), line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 },
      framework: policy.framework.label,
      routes: chooseRoutes(file, policy),
      routeMethods: routeMethods(file),
      origins: await this.origins(path, sourceCode, policy),
      credentials: declaredCredentials(policy),
      methods: declaredList(policy, policy.methods, 'methods'),
      headers: declaredList(policy, policy.allowedHeaders, 'allowedHeaders'),
      maxAge: declaredMaxAge(policy),
    };
  }

  private async origins(path: string, sourceCode: SourceCode, policy: CorsPolicy): Promise<DeclaredOrigins> {
    const declared: DeclaredOrigins = { listed: [], patterns: [], variables: [], open: false, unknown: false, conditional: false };
    let hidden = false;
    for (const origin of policy.allowedOrigins) {
      if (origin.kind === 'any' || origin.kind === 'any-regex' || origin.kind === 'reflect') {
        declared.open = true;
      } else if (origin.kind === 'opaque' || !origin.value) {
        hidden = true;
      } else {
        for (const value of alternatives(origin.value)) {
          const elements = value.kind === 'array' ? value.elements : [value];
          for (const element of elements) {
            if (element.kind === 'string' && originProblem(element.value) === null) declared.listed.push(element.value);
            else if (element.kind === 'regex') declared.patterns.push({ source: element.pattern, flags: element.flags.replace(/[gy]/gu, '') });
            else if (element.kind !== 'string') hidden = true;
          }
        }
      }
    }
    if (hidden) {
      declared.variables = await this.allowlistVariables(path, sourceCode, policy);
      declared.unknown = declared.variables.length === 0;
    }
    // `a ? x : y` and `x || y` are conditional; `process.env.X?.split(',') ?? []` is not: its fallback allows nothing.
    declared.conditional = policy.origin.state === 'set' && alternatives(policy.origin.value).filter(allowsSomething).length > 1;
    declared.listed = [...new Set(declared.listed)];
    return declared;
  }

  /**
   * The environment variables an origin setting the file cannot show is read from: `process.env.X` in the setting,
   * its origin functions and checks, or in the module an identifier there is imported from (the generated
   * `cors-origins` module reads `CORS_ORIGINS`).
   */
  private async allowlistVariables(path: string, sourceCode: SourceCode, policy: CorsPolicy): Promise<string[]> {
    const nodes: Node[] = [
      ...(policy.origin.state === 'set' ? [policy.origin.node] : []),
      ...policy.allowedOrigins.flatMap((origin) => [origin.node, ...guards(origin.node)]),
      ...policy.originFunctions.map((fn) => fn.node),
      ...policy.originChecks.map((check) => check.node),
    ];
    const names = new Set<string>();
    const specifiers = new Set<string>();
    for (const node of nodes) {
      for (const name of envReads(sourceCode.text.slice(node.range[0], node.range[1]), sourceCode.text)) names.add(name);
      walk(node, sourceCode.visitorKeys, (child) => {
        if (child.type === T.Identifier) {
          const binding = importedBinding(sourceCode, child);
          if (binding) specifiers.add(binding.specifier);
          else this.followLocal(sourceCode, child, names);
        }
      });
    }
    for (const specifier of specifiers) {
      this.resolver ??= new (await import('../resolve-imports.js')).ModuleResolver();
      const target = this.resolver.resolve(specifier, path);
      if (!target) continue;
      let text: string;
      try {
        text = readFileSync(target, 'utf8');
      } catch {
        continue;
      }
      for (const name of envReads(text, text)) names.add(name);
    }
    const candidates = [...names].filter((name) => !NOT_ALLOWLISTS.has(name));
    const named = candidates.filter((name) => /origin|cors/iu.test(name));
    return named.length > 0 ? named : candidates;
  }

  /** `const allowed = process.env.ORIGINS.split(',')` referred to by name in the setting. */
  private followLocal(sourceCode: SourceCode, identifier: TSESTree.Identifier, names: Set<string>): void {
    const definition = resolveIdentifier(sourceCode, identifier)?.defs[0];
    if (definition?.type !== 'Variable') return;
    const init = (definition.node as TSESTree.VariableDeclarator).init;
    if (init) for (const name of envReads(sourceCode.text.slice(init.range[0], init.range[1]), sourceCode.text)) names.add(name);
  }
}

/** Whether an alternative of an origin setting lets any origin in (an empty list, `''`, `false` or nothing does not). */
function allowsSomething(value: Value): boolean {
  if (value.kind === 'array') return value.elements.length > 0;
  if (value.kind === 'string') return value.value !== '';
  return value.kind !== 'nullish' && !(value.kind === 'boolean' && !value.value);
}

/** The conditions `node` is written under within its function: `if (isAllowedOrigin(o)) res.setHeader(…, o)`. */
function guards(node: Node): Node[] {
  const tests: Node[] = [];
  for (let child: Node = node, parent = node.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    if ((parent.type === T.IfStatement || parent.type === T.ConditionalExpression) && parent.test !== child) tests.push(parent.test);
    if (parent.type === T.LogicalExpression && parent.right === child) tests.push(parent.left);
  }
  return tests;
}

/**
 * The variable names read from `process.env` in `snippet`: `process.env.X`, `process.env['X']`, and
 * `process.env[NAME]` where `module` (the whole text) defines `const NAME = 'X'`.
 */
export function envReads(snippet: string, module: string): string[] {
  const names: string[] = [];
  for (const match of snippet.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/gu)) names.push(match[1] as string);
  for (const match of snippet.matchAll(/process\.env\[\s*(['"`])([A-Za-z_][A-Za-z0-9_]*)\1\s*\]/gu)) names.push(match[2] as string);
  for (const match of snippet.matchAll(/process\.env\[\s*([A-Za-z_$][\w$]*)\s*\]/gu)) {
    const constant = new RegExp(`(?:const|let|var)\\s+${match[1] as string}\\s*(?::\\s*string\\s*)?=\\s*(['"\`])([A-Za-z_][A-Za-z0-9_]*)\\1`, 'u').exec(module);
    if (constant) names.push(constant[2] as string);
  }
  return [...new Set(names)];
}

function declaredCredentials(policy: CorsPolicy): boolean | null {
  const setting = policy.credentials.setting;
  if (setting.state === 'unknown') return null;
  if (setting.state === 'set' && alternatives(setting.value).some((value) => value.kind === 'opaque' || value.kind === 'function' || value.kind === 'union')) return null;
  return policy.credentials.on;
}

/** A methods or headers setting as a list, `reflect` (the framework echoes what is asked), or null when not shown. */
function declaredList(policy: CorsPolicy, list: ListSetting, field: 'methods' | 'allowedHeaders'): string[] | 'reflect' | null {
  const normalise = (name: string): string => (field === 'methods' ? name.toUpperCase() : name.toLowerCase());
  // Header-writing policies send no header for what they do not write.
  const writesHeaders = policy.options.kind === 'headers';
  if (list.state === 'absent') {
    if (writesHeaders) return [];
    if (field === 'allowedHeaders') return 'reflect';
    const defaults = policy.framework.defaultMethods;
    return defaults === 'reflect' ? 'reflect' : defaults.map(normalise);
  }
  if (list.state === 'reflect') return 'reflect';
  if (list.state !== 'list' || list.lists.length !== 1 || !list.lists[0]?.complete) return null;
  const tokens = (list.lists[0]?.tokens ?? []).map((token) => normalise(token.name));
  if (tokens.length === 0 && field === 'allowedHeaders' && !writesHeaders && policy.framework.emptyAllowedHeaders.array === 'reflect') return 'reflect';
  return [...new Set(tokens)];
}

function declaredMaxAge(policy: CorsPolicy): number | null {
  if (policy.maxAge.state !== 'set') return null;
  const values = alternatives(policy.maxAge.value);
  const only = values.length === 1 ? values[0] : undefined;
  if (only?.kind === 'number') return only.value;
  if (only?.kind === 'string' && /^\d+$/u.test(only.value.trim())) return Number(only.value);
  return null;
}

interface RouteCall {
  call: TSESTree.CallExpression;
  method: string;
  path: string;
}

/** The routes the file registers with a path it spells out, in source order. */
function routeCalls(file: CorsFile): RouteCall[] {
  const routes: RouteCall[] = [];
  for (const chain of file.chains) {
    for (const entry of chain.entries) {
      if (entry.route !== entry.node || entry.node.type !== T.CallExpression) continue;
      const call = entry.node;
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression) continue;
      const method = memberName(callee);
      const first = call.arguments[0];
      if (!method || !ROUTE_METHODS.has(method) || !first) continue;
      const path = stringOf(first);
      if (path === null || !path.startsWith('/')) continue;
      routes.push({ call, method, path: joinPath(routerPrefix(callee.object), path) });
    }
  }
  return routes.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/** One route for the policy (a GET without parameters if there is one), then every route that streams. */
function chooseRoutes(file: CorsFile, policy: CorsPolicy): ExpectedRoute[] {
  const routes = routeCalls(file);
  const streaming = new Set(file.eventStreams.map((node) => routes.find((route) => contains(route.call, node))).filter((route) => route !== undefined));
  const plain = routes.filter((route) => !streaming.has(route));
  const rank = (route: RouteCall): number => (route.method === 'get' ? 0 : 2) + (/[:*{(]/u.test(route.path) ? 1 : 0);
  // Routes after the registration come first: those before it may answer without CORS.
  const after = plain.filter((route) => route.call.range[0] > policy.node.range[0]);
  const pool = after.length > 0 ? after : plain;
  const best = [...pool].sort((a, b) => rank(a) - rank(b))[0];
  const chosen: ExpectedRoute[] = best ? [{ path: fillParameters(best.path), streams: false }] : [];
  for (const route of streaming) chosen.push({ path: fillParameters(route.path), streams: true });
  return chosen.filter((route, index) => chosen.findIndex((other) => other.path === route.path) === index);
}

/** `/orders/:id` → `/orders/1`, `/files/*` → `/files/`, `/items/{id}` → `/items/1`. */
function fillParameters(path: string): string {
  return path
    .replace(/:[A-Za-z_]\w*(?:\([^)]*\))?\??/gu, '1')
    .replace(/\{[^}]*\}/gu, '1')
    .replace(/\*+/gu, '');
}

function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  return `${prefix.replace(/\/+$/u, '')}${path === '/' ? '' : path}` || '/';
}

/** The `prefix` a router was created with (`new Router({ prefix: '/api' })`), or ''. */
function routerPrefix(receiver: Node): string {
  const object = unwrap(receiver);
  if (object.type !== T.Identifier) return '';
  const declarator = findDeclarator(object);
  if (declarator?.type !== T.VariableDeclarator || !declarator.init) return '';
  const init = unwrap(declarator.init);
  if (init.type !== T.NewExpression) return '';
  const options = init.arguments[0] ? unwrap(init.arguments[0]) : null;
  if (options?.type !== T.ObjectExpression) return '';
  for (const property of options.properties) {
    if (property.type === T.Property && property.key.type === T.Identifier && property.key.name === 'prefix') {
      const prefix = stringOf(property.value);
      if (prefix !== null) return prefix;
    }
  }
  return '';
}

/** The declarator of a top-level or enclosing `const router = …` with the identifier's name. */
function findDeclarator(identifier: TSESTree.Identifier): Node | null {
  for (let current: Node | undefined = identifier.parent; current; current = current.parent) {
    const body = current.type === T.Program || current.type === T.BlockStatement ? current.body : null;
    if (!body) continue;
    for (const statement of body) {
      if (statement.type !== T.VariableDeclaration) continue;
      const found = statement.declarations.find((declaration) => declaration.id.type === T.Identifier && declaration.id.name === identifier.name);
      if (found) return found;
    }
  }
  return null;
}

function stringOf(node: Node): string | null {
  const value = unwrap(node);
  if (value.type === T.Literal && typeof value.value === 'string') return value.value;
  if (value.type === T.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Origins set for `variables` in the `.env*` files of the project directory and of each package with a policy. */
function envFileOrigins(root: string, files: readonly string[], variables: readonly string[]): string[] {
  if (variables.length === 0) return [];
  const directories = new Set([root]);
  for (const file of files) {
    for (let current = dirname(file); current.startsWith(root) && current !== root; current = dirname(current)) {
      if (existsSync(join(current, 'package.json'))) directories.add(current);
    }
  }
  const origins: string[] = [];
  for (const directory of directories) {
    let entries: string[];
    try {
      entries = readdirSync(directory);
    } catch {
      continue;
    }
    for (const entry of entries.filter((name) => /^\.env(?:\..+)?$/u.test(basename(name)))) {
      let text: string;
      try {
        text = readFileSync(join(directory, entry), 'utf8');
      } catch {
        continue;
      }
      const values = parseEnvText(text);
      for (const variable of variables) {
        const parsed = parseOriginList(values.get(variable) ?? '');
        if ('origins' in parsed) origins.push(...parsed.origins);
      }
    }
  }
  return origins;
}
