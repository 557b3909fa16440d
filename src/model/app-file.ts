/**
 * The app around the CORS policies: the routes and mounted routers of every receiver, and what the code in any
 * function does that a browser's cross-origin call depends on — streaming Server-Sent Events, reading custom or
 * `Authorization` request headers, setting custom response headers, using cookies. Read for any file, whether it
 * mentions CORS or not (a router module rarely does), once per `SourceCode`. The per-file rules use the CORS file's
 * own facts; `cors-fix` stitches these across the files a policy covers.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import {
  AUTHORIZATION_HEADER,
  BEARER_AUTH_MODULES,
  COOKIE_CALLS,
  COOKIE_MEMBERS,
  COOKIE_MODULES,
  NEST_ROUTING,
  SET_COOKIE_HEADER,
} from '../frameworks/app-signals.js';
import { EVENT_STREAM_HELPERS, EVENT_STREAM_MEDIA_TYPE } from '../frameworks/event-streams.js';
import { AUTH_NAMES } from '../frameworks/middleware-names.js';
import { type Node, type SourceCode, calledMethod, contains, literalString, memberName, propertyValue, resolveIdentifier, unwrap, walk } from './ast.js';
import type { MiddlewareChain } from './cors-file.js';
import { readChains } from './middleware-chain.js';
import { moduleSpecifier } from './module-uses.js';
import { hasPhrase, nameWords } from './name-words.js';
import { OriginChecks } from './origin-checks.js';
import { isCustomResponseHeader, readHeaderWrites } from './read-header-writes.js';
import { customRequestHeaderRead, requestHeaderRead } from './request-headers.js';

/** What some code does that decides which methods and headers its cross-origin callers need. */
export interface CodeFacts {
  /** It serves Server-Sent Events. */
  streams: boolean;
  /** Custom `X-…` request headers it reads, as first written. */
  requestHeaders: string[];
  /** Custom `X-…` response headers it sets, as first written. */
  responseHeaders: string[];
  /** It reads the `Authorization` request header. */
  authorization: boolean;
  /** It reads or sets cookies. */
  cookies: boolean;
}

/** A NestJS route: a decorated method of a controller. */
export interface NestRoute {
  node: Node;
  methods: string[];
  path: string | null;
  /** `@Sse()`. */
  streams: boolean;
  /** Headers read with `@Headers('x-…')`, set with `@Header('X-…', …)`, guards named for auth. */
  requestHeaders: string[];
  responseHeaders: string[];
  authGuard: boolean;
}

export interface NestController {
  node: TSESTree.ClassDeclaration;
  path: string | null;
  routes: NestRoute[];
  /** `@UseGuards(…)` on the class, named for auth. */
  authGuard: boolean;
}

export interface NestModule {
  node: TSESTree.ClassDeclaration;
  /** The identifiers listed in `imports` and `controllers` (other modules and controller classes). */
  imports: TSESTree.Identifier[];
  controllers: TSESTree.Identifier[];
}

export interface AppFile {
  /** Calls on each receiver: routes (with methods and paths), mounted routers and plugins, auth middleware. */
  chains: MiddlewareChain[];
  controllers: NestController[];
  modules: NestModule[];
  /** The file imports a cookie or session package. */
  importsCookies: boolean;
  /** The file imports a package that authenticates with bearer tokens. */
  importsBearerAuth: boolean;
  /** What the code inside `node` (a function, a class, the whole program) does. */
  factsIn(node: Node): CodeFacts;
}

interface Marks {
  streams: Node[];
  requestHeaders: { node: Node; key: string; name: string }[];
  responseHeaders: { node: Node; key: string; name: string }[];
  authorization: Node[];
  cookies: Node[];
}

const cache = new WeakMap<SourceCode, AppFile>();
const COOKIE_MEMBER_SET = new Set(COOKIE_MEMBERS);
const COOKIE_CALL_SET = new Set(COOKIE_CALLS);

/** The app facts of a file, computed once per `SourceCode`. */
export function readAppFile(sourceCode: SourceCode): AppFile {
  let file = cache.get(sourceCode);
  if (!file) {
    file = read(sourceCode);
    cache.set(sourceCode, file);
  }
  return file;
}

function read(sourceCode: SourceCode): AppFile {
  const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  const classes: TSESTree.ClassDeclaration[] = [];
  const marks: Marks = { streams: [], requestHeaders: [], responseHeaders: [], authorization: [], cookies: [] };
  let importsCookies = false;
  let importsBearerAuth = false;
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    switch (node.type) {
      case T.CallExpression:
      case T.NewExpression:
        calls.push(node);
        if (node.type === T.CallExpression && COOKIE_CALL_SET.has(calledMethod(node) ?? calleeName(node) ?? '')) marks.cookies.push(node);
        break;
      case T.Literal:
        if (typeof node.value === 'string' && node.value.includes(EVENT_STREAM_MEDIA_TYPE)) marks.streams.push(node);
        break;
      case T.TemplateElement:
        if (node.value.raw.includes(EVENT_STREAM_MEDIA_TYPE)) marks.streams.push(node);
        break;
      case T.MemberExpression:
        if (COOKIE_MEMBER_SET.has(memberName(node) ?? '') && node.parent?.type !== T.AssignmentExpression) marks.cookies.push(node);
        break;
      case T.ClassDeclaration:
        classes.push(node);
        break;
      default:
        break;
    }
    if (node.type === T.MemberExpression || node.type === T.CallExpression) {
      const header = requestHeaderRead(node);
      if (header === AUTHORIZATION_HEADER) marks.authorization.push(node);
      const custom = customRequestHeaderRead(node);
      if (custom) marks.requestHeaders.push({ node, ...custom });
    }
    if (node.type === T.ImportDeclaration || node.type === T.CallExpression || node.type === T.ImportExpression) {
      const module = moduleSpecifier(node, sourceCode);
      if (module !== null) {
        if (COOKIE_MODULES.includes(module)) importsCookies = true;
        if (BEARER_AUTH_MODULES.includes(module)) importsBearerAuth = true;
      }
    }
  });
  const resolver = new OriginChecks(sourceCode).resolver;
  for (const write of readHeaderWrites(calls, resolver)) {
    if (isCustomResponseHeader(write)) marks.responseHeaders.push({ node: write.node, key: write.key, name: write.name });
    if (write.key === SET_COOKIE_HEADER) marks.cookies.push(write.node);
  }
  // `streamSSE(c, …)` from hono/streaming streams wherever it is called.
  for (const call of calls) {
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier && EVENT_STREAM_HELPERS.some((helper) => helper.export === callee.name && importedFrom(callee, sourceCode) === helper.module)) {
      marks.streams.push(call);
    }
  }
  const nest = readNest(classes, sourceCode);
  return {
    chains: readChains(calls, [], sourceCode),
    controllers: nest.controllers,
    modules: nest.modules,
    importsCookies,
    importsBearerAuth,
    factsIn: (node) => factsIn(marks, node),
  };
}

function factsIn(marks: Marks, node: Node): CodeFacts {
  const inside = <M extends { node: Node }>(list: readonly M[]): M[] => list.filter((mark) => contains(node, mark.node));
  const names = (list: readonly { key: string; name: string }[]): string[] => [...new Map(list.map((mark) => [mark.key, mark.name])).values()];
  return {
    streams: marks.streams.some((mark) => contains(node, mark)),
    requestHeaders: names(inside(marks.requestHeaders)),
    responseHeaders: names(inside(marks.responseHeaders)),
    authorization: marks.authorization.some((mark) => contains(node, mark)),
    cookies: marks.cookies.some((mark) => contains(node, mark)),
  };
}

function calleeName(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  return callee.type === T.Identifier ? callee.name : null;
}

function importedFrom(identifier: TSESTree.Identifier, sourceCode: SourceCode): string | null {
  const definition = resolveIdentifier(sourceCode, identifier)?.defs[0];
  return definition?.type === 'ImportBinding' && definition.parent.type === T.ImportDeclaration ? definition.parent.source.value : null;
}

/** The NestJS decorator a decorator node calls (`@Get('x')` → `Get`), when it is imported from `@nestjs/common`. */
function nestDecorator(decorator: TSESTree.Decorator, sourceCode: SourceCode): { name: string; args: TSESTree.CallExpressionArgument[] } | null {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === T.CallExpression ? unwrap(expression.callee) : expression;
  if (callee.type !== T.Identifier) return null;
  const definition = resolveIdentifier(sourceCode, callee)?.defs[0];
  if (definition?.type !== 'ImportBinding' || definition.parent.type !== T.ImportDeclaration || definition.parent.source.value !== NEST_ROUTING.module) return null;
  const specifier = definition.node;
  const name = specifier.type === T.ImportSpecifier ? (specifier.imported.type === T.Identifier ? specifier.imported.name : specifier.imported.value) : callee.name;
  return { name, args: expression.type === T.CallExpression ? expression.arguments : [] };
}

function readNest(classes: readonly TSESTree.ClassDeclaration[], sourceCode: SourceCode): { controllers: NestController[]; modules: NestModule[] } {
  const controllers: NestController[] = [];
  const modules: NestModule[] = [];
  for (const declaration of classes) {
    const decorators = (declaration.decorators ?? []).map((decorator) => nestDecorator(decorator, sourceCode)).filter((found) => found !== null);
    const controller = decorators.find((found) => found.name === NEST_ROUTING.controller);
    const module = decorators.find((found) => found.name === NEST_ROUTING.moduleDecorator);
    if (module) modules.push({ node: declaration, imports: listedIdentifiers(module.args[0], 'imports'), controllers: listedIdentifiers(module.args[0], 'controllers') });
    if (!controller) continue;
    const first = controller.args[0] ? unwrap(controller.args[0]) : null;
    const path = first?.type === T.ObjectExpression ? literalString(propertyValue(first, 'path')) : literalString(first);
    const routes: NestRoute[] = [];
    for (const member of declaration.body.body) {
      if (member.type !== T.MethodDefinition) continue;
      const found = (member.decorators ?? []).map((decorator) => nestDecorator(decorator, sourceCode)).filter((item) => item !== null);
      const route = found.find((item) => NEST_ROUTING.methods[item.name]);
      if (!route) continue;
      const requestHeaders = member.value.params.flatMap((param) =>
        (param.decorators ?? [])
          .map((decorator) => nestDecorator(decorator, sourceCode))
          .filter((item) => item?.name === NEST_ROUTING.requestHeader)
          .map((item) => literalString(item?.args[0] ? unwrap(item.args[0]) : null))
          .filter((name): name is string => name !== null && /^x-/iu.test(name)),
      );
      const responseHeaders = found
        .filter((item) => item.name === NEST_ROUTING.responseHeader)
        .map((item) => literalString(item.args[0] ? unwrap(item.args[0]) : null))
        .filter((name): name is string => name !== null && /^x-/iu.test(name));
      routes.push({
        node: member,
        methods: [...(NEST_ROUTING.methods[route.name] ?? [])],
        path: literalString(route.args[0] ? unwrap(route.args[0]) : null),
        streams: NEST_ROUTING.streaming.includes(route.name),
        requestHeaders,
        responseHeaders,
        authGuard: found.some((item) => item.name === NEST_ROUTING.guards && guardsNameAuth(item.args)),
      });
    }
    controllers.push({ node: declaration, path, routes, authGuard: decorators.some((item) => item.name === NEST_ROUTING.guards && guardsNameAuth(item.args)) });
  }
  return { controllers, modules };
}

/** `@UseGuards(AuthGuard('jwt'))`, `@UseGuards(JwtAuthGuard)`: a guard whose name or argument has a word of auth. */
function guardsNameAuth(args: readonly Node[]): boolean {
  return args.some((argument) => {
    let current = unwrap(argument);
    const texts: string[] = [];
    if (current.type === T.CallExpression) {
      for (const inner of current.arguments) if (inner.type === T.Literal && typeof inner.value === 'string') texts.push(inner.value);
      current = unwrap(current.callee);
    }
    if (current.type === T.Identifier) texts.push(current.name);
    return texts.some((text) => hasPhrase(nameWords(text), AUTH_NAMES));
  });
}

function listedIdentifiers(options: Node | undefined, key: string): TSESTree.Identifier[] {
  const object = options ? unwrap(options) : null;
  if (object?.type !== T.ObjectExpression) return [];
  const value = propertyValue(object, key);
  if (value?.type !== T.ArrayExpression) return [];
  return value.elements.flatMap((element) => (element && element.type === T.Identifier ? [element] : []));
}

