/**
 * What a Python file shows about the app besides its CORS policy: the routes it declares (and the routers it
 * includes from other modules), the custom request headers it reads, the response headers it sets and whether it
 * serves Server-Sent Events. The planner uses them to make methods and headers explicit.
 */
import { EVENT_STREAM_MEDIA_TYPE } from '../frameworks/event-streams.js';
import { PYTHON_EVENT_STREAM_HELPERS, PYTHON_ROUTES } from '../frameworks/python.js';
import type { HeaderWrite } from '../model/cors-file.js';
import type { Node } from '../model/ast.js';
import { asModelNode } from '../model/foreign-node.js';
import type { PyScope } from './scope.js';
import { type PyNode, callArguments, child, enclosingFunction, named, stringValue, textOf, unparen, walkTree } from './syntax.js';
import type { PyValues } from './values.js';

/** A route declaration and the methods it serves. */
export interface PyRoute {
  node: PyNode;
  methods: string[];
}

export interface AppFacts {
  routes: PyRoute[];
  /** Arguments of `include_router(…)` / `register_blueprint(…)`: routers whose routes live in other modules. */
  routers: PyNode[];
  /** Custom `X-…` request headers the code reads, as written. */
  requestHeaders: string[];
  /** The code reads the `Authorization` request header. */
  readsAuthorization: boolean;
  responseHeaders: HeaderWrite[];
  eventStreams: Node[];
}

const METHOD_DECORATORS: ReadonlySet<string> = new Set(PYTHON_ROUTES.methodDecorators);
const ROUTE_CALLS: ReadonlySet<string> = new Set(PYTHON_ROUTES.routeDecorators);
const INCLUDES: ReadonlySet<string> = new Set(PYTHON_ROUTES.includeMethods);
/** Proxy-set headers: a browser never sends them, so they need no allowing. */
const PROXY_HEADERS = /^x-(?:forwarded-|real-ip$|amzn-|vercel-)/iu;

export function readAppFacts(scope: PyScope, values: PyValues): AppFacts {
  const text = scope.text;
  const facts: AppFacts = { routes: [], routers: [], requestHeaders: [], readsAuthorization: false, responseHeaders: [], eventStreams: [] };
  const requestHeaders = new Map<string, string>();
  const readHeader = (name: string | null): void => {
    if (name?.toLowerCase() === 'authorization') facts.readsAuthorization = true;
    if (name && /^x-/iu.test(name) && !PROXY_HEADERS.test(name) && !requestHeaders.has(name.toLowerCase())) requestHeaders.set(name.toLowerCase(), name);
  };
  const methodsOf = (call: PyNode): string[] => {
    const keyword = callArguments(text, call).keywords.find((candidate) => candidate.name === PYTHON_ROUTES.methodsKeyword);
    if (!keyword) return [...PYTHON_ROUTES.defaultMethods];
    const value = values.resolve(keyword.value);
    if (value.kind !== 'array') return [];
    return value.elements.flatMap((element) => (element.kind === 'string' ? [element.value.toUpperCase()] : []));
  };
  walkTree(scope.root, (node) => {
    switch (node.kind) {
      case 'string':
        if (node.parent?.kind !== 'concatenated_string' && (stringValue(text, node) ?? '').includes(EVENT_STREAM_MEDIA_TYPE)) facts.eventStreams.push(asModelNode(node));
        break;
      case 'concatenated_string':
        if ((stringValue(text, node) ?? '').includes(EVENT_STREAM_MEDIA_TYPE)) facts.eventStreams.push(asModelNode(node));
        break;
      case 'call':
        readCall(node);
        break;
      case 'assignment':
        readHeaderAssignment(node);
        break;
      case 'subscript':
        if (node.field !== 'left') readHeader(headerKey(node));
        break;
      default:
        break;
    }
    return true;
  });

  function readCall(call: PyNode): void {
    const callee = child(call, 'function');
    if (!callee) return;
    const qualified = scope.qualifiedName(unparen(callee));
    if (qualified && PYTHON_EVENT_STREAM_HELPERS.includes(qualified)) facts.eventStreams.push(asModelNode(call));
    if (qualified && PYTHON_ROUTES.routeClasses.includes(qualified)) facts.routes.push({ node: call, methods: methodsOf(call) });
    if (qualified === 'fastapi.Header' || qualified === 'fastapi.params.Header') readHeaderParameter(call);
    const args = callArguments(text, call);
    const headers = args.keywords.find((keyword) => keyword.name === 'headers');
    if (headers) addObjectWrites(headers.value, call);
    if (callee.kind !== 'attribute') return;
    const method = textOf(text, child(callee, 'attribute') as PyNode);
    const decorated = call.parent?.kind === 'decorator';
    if (METHOD_DECORATORS.has(method) && decorated && args.positional.length > 0) facts.routes.push({ node: call, methods: [method.toUpperCase()] });
    else if (ROUTE_CALLS.has(method) && (decorated || args.positional.length >= 2)) facts.routes.push({ node: call, methods: methodsOf(call) });
    if (INCLUDES.has(method) && args.positional[0]) facts.routers.push(args.positional[0]);
    // request.headers.get("X-…"), response.headers.setdefault("X-…", v)
    const object = child(callee, 'object');
    if (object && isHeadersObject(object)) {
      const name = args.positional[0] ? stringValue(text, unparen(args.positional[0])) : null;
      if (method === 'get') readHeader(name);
      else if ((method === 'setdefault' || method === 'append' || method === 'add' || method === '__setitem__') && name && args.positional[1]) addWrite(name, args.positional[1], call);
      else if (method === 'update' && args.positional[0]) addObjectWrites(args.positional[0], call);
    }
  }

  function readHeaderAssignment(assignment: PyNode): void {
    const left = child(assignment, 'left');
    const right = child(assignment, 'right');
    if (left?.kind !== 'subscript' || !right) return;
    const name = headerKey(left);
    if (name) addWrite(name, right, assignment);
  }

  /** `x_tenant_id: str = Header(None)` reads `x-tenant-id` (or its `alias`). */
  function readHeaderParameter(call: PyNode): void {
    const alias = callArguments(text, call).keywords.find((keyword) => keyword.name === 'alias');
    if (alias) {
      readHeader(stringValue(text, unparen(alias.value)));
      return;
    }
    let parameter: PyNode | null = call.parent;
    while (parameter && parameter.kind !== 'typed_default_parameter' && parameter.kind !== 'default_parameter' && parameter.kind !== 'typed_parameter') parameter = parameter.parent;
    const name = parameter ? child(parameter, 'name') ?? named(parameter)[0] : null;
    if (name?.kind === 'identifier') readHeader(textOf(text, name).replace(/_/gu, '-'));
  }

  function addObjectWrites(node: PyNode, at: PyNode): void {
    const value = values.resolve(node);
    if (value.kind !== 'object') return;
    for (const property of value.properties) facts.responseHeaders.push(write(property.key, property.value, property.node as Node, at));
  }

  function addWrite(name: string, valueNode: PyNode, at: PyNode): void {
    facts.responseHeaders.push(write(name, values.resolve(valueNode), asModelNode(valueNode), at));
  }

  function write(name: string, value: HeaderWrite['value'], valueNode: Node, at: PyNode): HeaderWrite {
    return { name, key: name.toLowerCase(), value, valueNode, node: asModelNode(at), group: asModelNode(enclosingFunction(at) ?? scope.root) };
  }

  /** `<x>.headers["Name"]`: the header name. */
  function headerKey(subscript: PyNode): string | null {
    const object = child(subscript, 'value');
    const key = child(subscript, 'subscript');
    return object && key && isHeadersObject(object) ? stringValue(text, unparen(key)) : null;
  }

  function isHeadersObject(node: PyNode): boolean {
    const target = unparen(node);
    return target.kind === 'attribute' && textOf(text, child(target, 'attribute') as PyNode) === 'headers';
  }

  facts.requestHeaders = [...requestHeaders.values()];
  return facts;
}
