/**
 * What a CORS policy covers, across files: the routes registered on the app or router it is registered on, the
 * routers, plugins and sub-apps mounted there (followed into the files that define them), or the controllers of a
 * NestJS module graph; and what those routes' code does — which methods they serve, whether they stream Server-Sent
 * Events, which custom headers they read and set, whether the app authenticates with `Authorization` or keeps cookies.
 * The facts decide what the fix writes. Where a mount cannot be followed, the scope says so and the planner falls back
 * to what the registering file shows.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import { AUTH_NAMES, NEST_ROUTING, ROUTER_PREFIX_OPTION } from '../frameworks/index.js';
import { type Node, type SourceCode, isFunction, memberName, propertyKey, resolveIdentifier, unwrap, valueParent } from '../model/ast.js';
import { type AppFile, type CodeFacts, readAppFile } from '../model/app-file.js';
import type { ChainEntry, CorsFile, CorsPolicy, MiddlewareChain } from '../model/index.js';
import { hasPhrase, nameWords } from '../model/name-words.js';
import type { ParsedFile } from './project-files.js';
import type { Declaration } from './project-view.js';

/** One route the policy covers. */
export interface ScopedRoute {
  file: ParsedFile;
  node: Node;
  methods: string[];
  /** Its path from the app's root, mount paths included (`/users/:id`); null when not written as a string. */
  path: string | null;
  facts: CodeFacts;
}

/** What the covered routes need from the policy. */
export interface PolicyFacts {
  /** HTTP methods the covered routes serve (upper-case, without OPTIONS). */
  methods: string[];
  /** A covered route streams Server-Sent Events. */
  streams: boolean;
  /** Custom request headers the covered code reads. */
  requestHeaders: string[];
  /** Custom response headers the covered code sets. */
  responseHeaders: string[];
  /** The app authenticates with the `Authorization` header (reads it, bearer or JWT middleware, auth guards). */
  authorization: boolean;
  /** The app keeps cookies (cookie or session middleware, reads or sets cookies). */
  cookies: boolean;
}

export interface PolicyScope {
  routes: ScopedRoute[];
  /** Every registration and mount was followed; false when the facts fall back to the registering file. */
  complete: boolean;
  facts: PolicyFacts;
  /** The path the policy's app or router is mounted at, or the path CORS is registered on (`/admin`). */
  mountPath: string | null;
  /** The name of the receiver the policy is registered on (`adminRouter`), for naming its allowlist. */
  receiver: string | null;
}

/** Finds declarations in other files (the project view); null when cross-file links are not followed. */
export interface DeclarationFinder {
  declarationOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): Declaration | null;
}

/** Works out the scope of `policy`, registered in `file`. */
export function policyScope(policy: CorsPolicy, cors: CorsFile, file: ParsedFile, finder: DeclarationFinder): PolicyScope {
  return new ScopeWalk(file, finder).scope(policy, cors);
}

class ScopeWalk {
  private readonly routes: ScopedRoute[] = [];
  /** What middleware on the covered apps and routers does (it runs for every route). */
  private readonly middleware: CodeFacts[] = [];
  private readonly visited = new Set<Node>();
  private complete = true;
  private authorization = false;
  private cookies = false;
  private mountPath: string | null = null;
  private receiver: string | null = null;

  constructor(
    private readonly file: ParsedFile,
    private readonly finder: DeclarationFinder,
  ) {}

  scope(policy: CorsPolicy, cors: CorsFile): PolicyScope {
    const app = readAppFile(this.file.sourceCode);
    this.noteFile(this.file, app);
    let found = false;
    for (const chain of cors.chains) {
      for (const entry of chain.entries) {
        if (entry.policy !== policy && !(entry.policy === null && this.passes(entry, policy))) continue;
        found = true;
        this.receiver = chain.receiver;
        this.mountPath = entry.path;
        this.chainRoutes(this.file, app, chain, entry.path);
      }
      for (const route of chain.routeCors) {
        if (!route.policies.includes(policy)) continue;
        found = true;
        this.receiver = chain.receiver;
        this.mountPath = route.path;
        const attached = chain.entries.filter((entry) => entry.route === entry.node && route.methods.includes('OPTIONS') && entry.path === route.path);
        for (const entry of attached) this.route(this.file, app, entry);
        if (!route.methods.includes('OPTIONS') || attached.length === 0) {
          this.routes.push({ file: this.file, node: route.node, methods: route.methods, path: route.path, facts: this.callFacts(this.file, app, route.node) });
        }
      }
    }
    // NestJS routes live in controllers, reached from the module the app is created with.
    if (this.routes.length === 0 && this.nestScope(policy) && this.routes.length > 0) return this.result();
    if (!found || this.routes.length === 0) return this.fallback();
    return this.result();
  }

  private result(): PolicyScope {
    const methods = new Set<string>();
    const requestHeaders = new Map<string, string>();
    const responseHeaders = new Map<string, string>();
    let streams = false;
    const middleware = mergeFacts(this.middleware);
    for (const route of [...this.routes, { methods: [], facts: { ...middleware, streams: false } }]) {
      for (const method of route.methods) if (method !== 'OPTIONS') methods.add(method);
      streams ||= route.facts.streams;
      for (const name of route.facts.requestHeaders) if (!requestHeaders.has(name.toLowerCase())) requestHeaders.set(name.toLowerCase(), name);
      for (const name of route.facts.responseHeaders) if (!responseHeaders.has(name.toLowerCase())) responseHeaders.set(name.toLowerCase(), name);
      this.authorization ||= route.facts.authorization;
      this.cookies ||= route.facts.cookies;
    }
    return {
      routes: this.routes,
      complete: this.complete,
      facts: {
        methods: [...methods],
        streams,
        requestHeaders: [...requestHeaders.values()],
        responseHeaders: [...responseHeaders.values()],
        authorization: this.authorization,
        cookies: this.cookies,
      },
      mountPath: this.mountPath,
      receiver: this.receiver,
    };
  }

  /** Nothing followed: the registering file as a whole, which is what the rules see. */
  private fallback(): PolicyScope {
    const app = readAppFile(this.file.sourceCode);
    const facts = app.factsIn(this.file.sourceCode.ast as Node);
    const methods = new Set<string>();
    for (const chain of app.chains) for (const entry of chain.entries) if (entry.route === entry.node) for (const method of entry.methods) methods.add(method);
    methods.delete('OPTIONS');
    return {
      routes: [],
      complete: false,
      facts: {
        methods: [...methods],
        streams: facts.streams,
        requestHeaders: facts.requestHeaders,
        responseHeaders: facts.responseHeaders,
        authorization: this.authorization || facts.authorization,
        cookies: this.cookies || facts.cookies,
      },
      mountPath: this.mountPath,
      receiver: this.receiver,
    };
  }

  /** `app.use(corsMiddleware)` with a hand-written middleware declared as a function: the entry passes the policy's function. */
  private passes(entry: ChainEntry, policy: CorsPolicy): boolean {
    if (entry.node.type !== T.CallExpression) return false;
    return entry.node.arguments.some((argument) => {
      const value = unwrap(argument);
      if (value === policy.node) return true;
      if (value.type !== T.Identifier) return false;
      const definition = resolveIdentifier(this.file.sourceCode, value)?.defs[0];
      if (definition?.type === 'FunctionName') return definition.node === policy.node;
      const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
      return init !== null && init !== undefined && unwrap(init) === policy.node;
    });
  }

  /** Routes registered on `chain`'s receiver under `prefix`, and those of routers and plugins mounted there. */
  private chainRoutes(file: ParsedFile, app: AppFile, chain: MiddlewareChain, prefix: string | null, outer = ''): void {
    if (chain.binding && this.visited.has(chain.binding)) return;
    if (chain.binding) this.visited.add(chain.binding);
    const base = joinPath(outer, routerPrefix(chain.binding)) ?? outer;
    for (const entry of chain.entries) {
      if (entry.auth && isAuthentication(entry.auth)) this.authorization = true;
      for (const handler of entry.handlers) {
        const fn = isFunction(unwrap(handler)) ? { file, node: unwrap(handler) } : this.functionOf(file, unwrap(handler));
        if (fn) this.middleware.push(readAppFile(fn.file.sourceCode).factsIn(fn.node));
      }
      if (!isUnder(entry.path, prefix)) continue;
      if (entry.mounts) this.mount(file, entry.mounts, joinPath(base, entry.path) ?? base);
      else if (entry.route === entry.node) this.route(file, app, entry, base);
    }
    for (const route of chain.routeCors) {
      if (isUnder(route.path, prefix)) this.routes.push({ file, node: route.node, methods: route.methods, path: joinPath(base, route.path), facts: this.callFacts(file, app, route.node) });
    }
  }

  private route(file: ParsedFile, app: AppFile, entry: ChainEntry, base = ''): void {
    this.routes.push({ file, node: entry.node, methods: entry.methods, path: joinPath(base, entry.path), facts: this.callFacts(file, app, entry.node) });
  }

  /** What a route call's handlers do: inline ones, and those passed by name (followed into their files). */
  private callFacts(file: ParsedFile, app: AppFile, call: Node): CodeFacts {
    const facts = [app.factsIn(statementOf(call))];
    for (const argument of call.type === T.CallExpression ? call.arguments : []) {
      const value = unwrap(argument);
      if (value.type === T.Identifier && isAuthentication(value)) this.authorization = true;
      const handler = this.functionOf(file, value);
      if (handler) facts.push(readAppFile(handler.file.sourceCode).factsIn(handler.node));
    }
    return mergeFacts(facts);
  }

  /** A handler passed by name: a local function or `const`, or one imported from another module. */
  private functionOf(file: ParsedFile, value: Node): { file: ParsedFile; node: Node } | null {
    if (value.type !== T.Identifier && value.type !== T.MemberExpression) return null;
    const root = value.type === T.Identifier ? value : null;
    if (!root) return null;
    const variable = resolveIdentifier(file.sourceCode, root);
    const definition = variable?.defs[0];
    if (definition?.type === 'FunctionName') return { file, node: definition.node as Node };
    if (definition?.type === 'Variable') {
      const init = (definition.node as TSESTree.VariableDeclarator).init;
      return init && isFunction(unwrap(init)) ? { file, node: unwrap(init) } : null;
    }
    if (definition?.type === 'ImportBinding') {
      const declaration = this.finder.declarationOf(root, file.sourceCode);
      if (!declaration) return null;
      const node = declaration.node.type === T.VariableDeclarator ? declaration.node.init : declaration.node;
      return node && isFunction(unwrap(node)) ? { file: declaration.file, node: unwrap(node) } : null;
    }
    return null;
  }

  /** A router, sub-app or plugin mounted by `binding` (declared in `file`): its routes, in its own file. */
  private mount(file: ParsedFile, binding: Node, base: string): void {
    const target = this.mountTarget(file, binding);
    if (target === 'package') return;
    if (!target) {
      this.complete = false;
      return;
    }
    const app = readAppFile(target.file.sourceCode);
    this.noteFile(target.file, app);
    // A middleware function (`app.use(requestId)`) runs for every route; a plugin's body holds its routes too.
    const owner = target.binding.parent;
    if (owner && isFunction(owner) && owner.params[0] === target.binding) this.middleware.push(app.factsIn(owner));
    const chains = app.chains.filter((chain) => chain.binding === target.binding);
    for (const chain of chains) this.chainRoutes(target.file, app, chain, null, base);
  }

  /**
   * The receiver binding whose calls register the mounted routes: a router variable or a plugin's instance parameter;
   * `package` for middleware from a package (never a router of this app); null when it cannot be followed.
   */
  private mountTarget(file: ParsedFile, binding: Node): { file: ParsedFile; binding: Node } | 'package' | null {
    if (binding.type !== T.Identifier) return null;
    const variable = resolveIdentifier(file.sourceCode, binding);
    const definition = variable?.defs[0];
    if (!definition) return null;
    let specifier: string | null;
    if (definition.type === 'ImportBinding') {
      specifier = definition.parent.type === T.ImportDeclaration ? definition.parent.source.value : null;
    } else if (definition.type === 'Variable') {
      const init = (definition.node as TSESTree.VariableDeclarator).init;
      const required = init ? requiredModule(unwrap(init)) : null;
      if (required === null) return this.bindingOf({ file, node: definition.node as Node });
      specifier = required;
    } else if (definition.type === 'FunctionName') {
      return this.bindingOf({ file, node: definition.node as Node });
    } else {
      return null;
    }
    const declaration = this.finder.declarationOf(binding, file.sourceCode);
    if (declaration) return this.bindingOf(declaration);
    return specifier !== null && isPackage(specifier) ? 'package' : null;
  }

  private bindingOf(declaration: Declaration): { file: ParsedFile; binding: Node } | null {
    let node: Node | null | undefined = declaration.node;
    if (node.type === T.VariableDeclarator) {
      const init = node.init ? unwrap(node.init) : null;
      if (init && (isFunction(init) || init.type === T.CallExpression) && functionIn(init)) node = functionIn(init);
      else return node.id.type === T.Identifier ? { file: declaration.file, binding: node.id } : null;
    }
    if (node?.type === T.Identifier) {
      const variable = resolveIdentifier(declaration.file.sourceCode, node);
      const inner = variable?.defs[0];
      if (!inner) return null;
      return this.bindingOf({ file: declaration.file, node: inner.node as Node });
    }
    const fn = node ? functionIn(node) : null;
    const param = fn?.params[0];
    return param?.type === T.Identifier ? { file: declaration.file, binding: param } : null;
  }

  /**
   * NestJS: the app is created from a root module (`NestFactory.create(AppModule, …)`): its controllers, and those of
   * the modules it imports, are the routes. Returns whether such a graph was found.
   */
  private nestScope(policy: CorsPolicy): boolean {
    const root = this.rootModule(policy);
    if (!root) return false;
    this.mountPath = null;
    this.receiver = null;
    const seen = new Set<Node>();
    const visitModule = (file: ParsedFile, identifier: TSESTree.Identifier): void => {
      const declaration = this.classDeclaration(file, identifier);
      if (!declaration || seen.has(declaration.node)) return;
      seen.add(declaration.node);
      const app = readAppFile(declaration.file.sourceCode);
      this.noteFile(declaration.file, app);
      const module = app.modules.find((candidate) => candidate.node === declaration.node);
      if (!module) {
        this.complete = false;
        return;
      }
      for (const controller of module.controllers) this.controller(declaration.file, controller);
      for (const imported of module.imports) visitModule(declaration.file, imported);
    };
    visitModule(this.file, root);
    return true;
  }

  private controller(file: ParsedFile, identifier: TSESTree.Identifier): void {
    const declaration = this.classDeclaration(file, identifier);
    if (!declaration) {
      this.complete = false;
      return;
    }
    const app = readAppFile(declaration.file.sourceCode);
    this.noteFile(declaration.file, app);
    const controller = app.controllers.find((candidate) => candidate.node === declaration.node);
    if (!controller) return;
    if (controller.authGuard) this.authorization = true;
    for (const route of controller.routes) {
      const body = app.factsIn(route.node);
      this.routes.push({
        file: declaration.file,
        node: route.node,
        methods: route.methods,
        path: joinPath(controller.path === null ? '' : `/${controller.path.replace(/^\/+/u, '')}`, route.path === null ? '' : `/${route.path.replace(/^\/+/u, '')}`) || '/',
        facts: mergeFacts([
          body,
          { streams: route.streams, requestHeaders: route.requestHeaders, responseHeaders: route.responseHeaders, authorization: route.authGuard, cookies: false },
        ]),
      });
    }
  }

  /** A class declared in `file` or imported into it. */
  private classDeclaration(file: ParsedFile, identifier: TSESTree.Identifier): { file: ParsedFile; node: Node } | null {
    const definition = resolveIdentifier(file.sourceCode, identifier)?.defs[0];
    if (definition?.type === 'ClassName') return { file, node: definition.node as Node };
    if (definition?.type === 'ImportBinding') {
      const declaration = this.finder.declarationOf(identifier, file.sourceCode);
      return declaration?.node.type === T.ClassDeclaration ? declaration : null;
    }
    return null;
  }

  /** The root module the policy's app is created from: `NestFactory.create(AppModule, …)`. */
  private rootModule(policy: CorsPolicy): TSESTree.Identifier | null {
    const factory = NEST_ROUTING.factory;
    const isCreate = (node: Node | null | undefined): node is TSESTree.CallExpression => {
      if (node?.type !== T.CallExpression) return false;
      const callee = unwrap(node.callee);
      return callee.type === T.MemberExpression && memberName(callee) === factory.method && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === factory.export;
    };
    let create: Node | null = null;
    for (let current: Node | undefined = policy.node; current && !create; current = current.parent) if (isCreate(current)) create = current;
    if (!create && policy.node.type === T.CallExpression) {
      // `app.enableCors(…)`: the app was created by `const app = await NestFactory.create(…)`.
      const receiver = unwrap(policy.node.callee);
      const object = receiver.type === T.MemberExpression ? unwrap(receiver.object) : null;
      const definition = object?.type === T.Identifier ? resolveIdentifier(this.file.sourceCode, object)?.defs[0] : null;
      const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
      const value = init ? unwrap(init) : null;
      const call = value?.type === T.AwaitExpression ? unwrap(value.argument) : value;
      if (isCreate(call)) create = call;
    }
    const first = create?.type === T.CallExpression ? create.arguments[0] : undefined;
    return first && unwrap(first).type === T.Identifier ? (unwrap(first) as TSESTree.Identifier) : null;
  }

  /** File-wide signals: cookie and bearer-auth packages. */
  private noteFile(_file: ParsedFile, app: AppFile): void {
    if (app.importsCookies) this.cookies = true;
    if (app.importsBearerAuth) this.authorization = true;
  }
}

function mergeFacts(list: readonly CodeFacts[]): CodeFacts {
  const unique = (names: string[]): string[] => [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
  return {
    streams: list.some((facts) => facts.streams),
    requestHeaders: unique(list.flatMap((facts) => facts.requestHeaders)),
    responseHeaders: unique(list.flatMap((facts) => facts.responseHeaders)),
    authorization: list.some((facts) => facts.authorization),
    cookies: list.some((facts) => facts.cookies),
  };
}

/** Auth middleware (not rate limits): its words name authentication. */
function isAuthentication(node: Node): boolean {
  let current = unwrap(node);
  while (current.type === T.CallExpression || current.type === T.MemberExpression) {
    if (current.type === T.MemberExpression && hasPhrase(nameWords(memberName(current) ?? ''), AUTH_NAMES)) return true;
    current = unwrap(current.type === T.CallExpression ? current.callee : current.object);
  }
  return current.type === T.Identifier && hasPhrase(nameWords(current.name), AUTH_NAMES);
}


/** The whole statement-level expression of a route call, so that chained handlers (`.get(h).put(h)`) are inside. */
function statementOf(node: Node): Node {
  let current = node;
  for (;;) {
    const member = valueParent(current);
    const call = member?.type === T.MemberExpression && member.object === current ? valueParent(member) : null;
    if (member?.type !== T.MemberExpression || call?.type !== T.CallExpression) return current;
    current = call;
  }
}

/** The module of `require('x')`, `require('x').y` or `await import('x')`, or null. */
function requiredModule(raw: Node): string | null {
  let node = raw;
  while (node.type === T.MemberExpression) node = unwrap(node.object);
  if (node.type === T.AwaitExpression) node = unwrap(node.argument);
  const source =
    node.type === T.CallExpression && unwrap(node.callee).type === T.Identifier && (unwrap(node.callee) as TSESTree.Identifier).name === 'require'
      ? node.arguments[0]
      : node.type === T.ImportExpression
        ? node.source
        : null;
  const literal = source ? unwrap(source) : null;
  return literal?.type === T.Literal && typeof literal.value === 'string' ? literal.value : null;
}

/** A package specifier (`helmet`, `@scope/x`), as opposed to a path or a project alias starting with `.`, `/`, `#`, `@/`, `~`. */
function isPackage(specifier: string): boolean {
  return !/^(?:\.|\/|#|@\/|~)/u.test(specifier);
}

/** The function a plugin declaration holds: itself, or the one wrapped by `fp(fn)` / `plugin(fn, opts)`. */
function functionIn(node: Node): TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | null {
  const value = unwrap(node);
  if (isFunction(value)) return value;
  if (value.type === T.ExportDefaultDeclaration) return functionIn(value.declaration);
  if (value.type === T.CallExpression) {
    for (const argument of value.arguments) {
      const inner = unwrap(argument);
      if (isFunction(inner)) return inner;
    }
  }
  return null;
}

/** Whether a route path lies under the path CORS is mounted at (`'/api'`, hono `'/api/*'`); unknown paths do. */
function isUnder(path: string | null, prefix: string | null): boolean {
  if (path === null || prefix === null) return true;
  const base = prefix.replace(/\*+$/u, '').replace(/\/+$/u, '');
  return base === '' || path === base || path.startsWith(`${base}/`);
}

/** A route path under a mount path: `/api` + `/users` → `/api/users`; null when the route's own path is unknown. */
function joinPath(base: string, path: string | null): string | null {
  if (path === null) return base === '' ? null : base;
  const head = base.replace(/\/+$/u, '').replace(/\*+$/u, '');
  if (head === '') return path;
  return `${head}${path === '/' ? '' : path.startsWith('/') ? path : `/${path}`}` || '/';
}

/** The path a router's constructor puts its routes under (`const router = new Router({ prefix: '/api' })`), or null. */
function routerPrefix(binding: Node | null): string | null {
  const declarator = binding?.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.id !== binding || !declarator.init) return null;
  const init = unwrap(declarator.init);
  const options = (init.type === T.NewExpression || init.type === T.CallExpression) && init.arguments[0] ? unwrap(init.arguments[0]) : null;
  if (options?.type !== T.ObjectExpression) return null;
  for (const property of options.properties) {
    if (property.type !== T.Property || propertyKey(property) !== ROUTER_PREFIX_OPTION) continue;
    const value = unwrap(property.value);
    if (value.type === T.Literal && typeof value.value === 'string') return value.value;
  }
  return null;
}
