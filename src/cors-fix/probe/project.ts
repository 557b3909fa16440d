/**
 * What a project's code declares, for `probe --project`: for each CORS policy the static model finds, where it is, the
 * routes to probe it on (one, plus the routes that stream), and what it allows (origins, the variable the allowlist is
 * read from, credentials, methods, headers, preflight cache). Everything static sits behind `expectationsFromProject`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { type Node, isFunction, resolveIdentifier, unwrap, walk } from '../../model/ast.js';
import { type CorsFile, type CorsPolicy, type ListSetting, type SourceCode, type Value, MIGHT_HAVE_CORS, alternatives } from '../../model/index.js';
import { readConfigModule } from '../config-module.js';
import { discoverFiles, repositoryRoot } from '../discover-files.js';
import { type PolicyScope, policyScope } from '../policy-scope.js';
import { type ParsedFile, ProjectFiles } from '../project-files.js';
import { ProjectLinks } from '../project-links.js';
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


/** Reads the project under `directory` with the static model: the expectations `probe --project` compares with. */
export async function expectationsFromProject(directory: string): Promise<ProjectExpectations> {
  const root = resolve(directory);
  const paths = await discoverFiles(root, ['.'], repositoryRoot(root));
  const files = new ProjectFiles(repositoryRoot(root), false);
  const reader = new ProjectReader(root, new ProjectLinks(files));
  const notes: string[] = [];
  const policies: PolicyExpectation[] = [];
  for (const path of paths) {
    if (files.read(path, MIGHT_HAVE_CORS).kind !== 'text') continue;
    const parsed = files.parse(path);
    if (!parsed.ok) {
      notes.push(`${reader.relative(path)} ${parsed.reason}; its policies were not read.`);
      continue;
    }
    const file = files.model(parsed.file, reader.links);
    for (const policy of file.policies) {
      const expectation = reader.expectation(parsed.file, file, policy);
      if (expectation.routes.length === 0) notes.push(`${expectation.location.file}:${expectation.location.line}: no route is registered under this ${expectation.framework} policy; probe its paths with --path.`);
      policies.push(expectation);
    }
  }
  const variables = [...new Set(policies.flatMap((policy) => policy.origins.variables))];
  const knownOrigins = [...new Set([...policies.flatMap((policy) => policy.origins.listed), ...envFileOrigins(root, paths, variables)])];
  return { root, policies, knownOrigins, notes };
}

class ProjectReader {
  constructor(
    private readonly root: string,
    readonly links: ProjectLinks,
  ) {}

  relative(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  expectation(file: ParsedFile, cors: CorsFile, policy: CorsPolicy): PolicyExpectation {
    const { start, end } = policy.node.loc;
    const scope = policyScope(policy, cors, file, this.links);
    return {
      location: { file: this.relative(file.filename), line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 },
      framework: policy.framework.label,
      routes: chooseRoutes(scope),
      routeMethods: scope.facts.methods,
      origins: this.origins(file.sourceCode, policy),
      credentials: declaredCredentials(policy),
      methods: declaredList(policy, policy.methods, 'methods'),
      headers: declaredList(policy, policy.allowedHeaders, 'allowedHeaders'),
      maxAge: declaredMaxAge(policy),
    };
  }

  private origins(sourceCode: SourceCode, policy: CorsPolicy): DeclaredOrigins {
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
      declared.variables = this.allowlistVariables(sourceCode, policy);
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
  private allowlistVariables(sourceCode: SourceCode, policy: CorsPolicy): string[] {
    const nodes: Node[] = [
      ...(policy.origin.state === 'set' ? [policy.origin.node] : []),
      ...policy.allowedOrigins.flatMap((origin) => [origin.node, ...guards(origin.node)]),
      ...policy.originFunctions.map((fn) => fn.node),
      ...policy.originChecks.map((check) => check.node),
    ];
    const names = new Set<string>();
    for (const node of nodes) {
      for (const name of envReads(sourceCode.text.slice(node.range[0], node.range[1]), sourceCode.text)) names.add(name);
      walk(node, sourceCode.visitorKeys, (child) => {
        if (child.type !== T.Identifier) return;
        const definition = resolveIdentifier(sourceCode, child)?.defs[0];
        if (definition?.type === 'ImportBinding' || (definition?.type === 'Variable' && isModuleLoad((definition.node as TSESTree.VariableDeclarator).init))) {
          for (const name of this.importedVariables(child, sourceCode)) names.add(name);
        } else {
          this.followLocal(sourceCode, child, names);
        }
      });
    }
    const candidates = [...names].filter((name) => !NOT_ALLOWLISTS.has(name));
    const named = candidates.filter((name) => /origin|cors/iu.test(name));
    return named.length > 0 ? named : candidates;
  }

  /**
   * The variables an imported allowlist reads, in the module it comes from (the project view follows the import):
   * the allowlist cors-fix generates (`allowlist('CORS_ORIGINS')`), or any `process.env.X` the module reads.
   */
  private importedVariables(identifier: TSESTree.Identifier, sourceCode: SourceCode): string[] {
    const declaration = this.links.declarationOf(identifier, sourceCode);
    if (!declaration) return [];
    const text = declaration.file.text;
    const generated = readConfigModule(text);
    if (generated) {
      const exported = declaration.node.type === T.VariableDeclarator && declaration.node.id.type === T.Identifier ? declaration.node.id.name : null;
      const mine = generated.filter((entry) => entry.exportName === exported || entry.exportName === identifier.name);
      return (mine.length > 0 ? mine : generated).map((entry) => entry.variable);
    }
    return envReads(text, text);
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

/** One route for the policy (a GET without parameters if there is one), then every route that streams. */
function chooseRoutes(scope: PolicyScope): ExpectedRoute[] {
  const routes = scope.routes.filter((route) => route.path !== null && route.path.startsWith('/'));
  const streaming = routes.filter((route) => route.facts.streams);
  const plain = routes.filter((route) => !route.facts.streams && route.methods.some((method) => method === 'GET' || method === 'HEAD' || method === 'POST'));
  const rank = (route: (typeof routes)[number]): number => (route.methods.includes('GET') ? 0 : 2) + (/[:*{(]/u.test(route.path ?? '') ? 1 : 0);
  const best = [...plain].sort((a, b) => rank(a) - rank(b))[0];
  const chosen: ExpectedRoute[] = best ? [{ path: fillParameters(best.path ?? '/'), streams: false }] : [];
  for (const route of streaming) chosen.push({ path: fillParameters(route.path ?? '/'), streams: true });
  return chosen.filter((route, index) => chosen.findIndex((other) => other.path === route.path) === index);
}

/** `/orders/:id` → `/orders/1`, `/files/*` → `/files/`, `/items/{id}` → `/items/1`. */
function fillParameters(path: string): string {
  return path
    .replace(/:[A-Za-z_]\w*(?:\([^)]*\))?\??/gu, '1')
    .replace(/\{[^}]*\}/gu, '1')
    .replace(/\*+/gu, '');
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

/** `require('./x')`, `await import('./x')` (or a member of one): a binding of another module. */
function isModuleLoad(init: Node | null | undefined): boolean {
  let node = init ? unwrap(init) : null;
  while (node?.type === T.MemberExpression || node?.type === T.AwaitExpression) node = unwrap(node.type === T.AwaitExpression ? node.argument : node.object);
  return node?.type === T.ImportExpression || (node?.type === T.CallExpression && unwrap(node.callee).type === T.Identifier && (unwrap(node.callee) as TSESTree.Identifier).name === 'require');
}
