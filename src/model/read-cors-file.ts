/**
 * The reader: turns one file into a `CorsFile`. Computed once per `SourceCode` and shared by every rule (and by
 * `cors-fix`). Files that mention neither CORS nor an `Access-Control-` header cost one regex test. Each kind of
 * registration has its own reader module; this one walks the tree once and hands each reader what it needs.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { FRAMEWORKS } from '../frameworks/index.js';
import type { Framework, Registration } from '../frameworks/define-framework.js';
import { EVENT_STREAM_HELPERS, EVENT_STREAM_MEDIA_TYPE } from '../frameworks/event-streams.js';
import { type SourceCode, propertyKey, walk } from './ast.js';
import type { CorsFile, CorsPolicy } from './cors-file.js';
import { readChains } from './middleware-chain.js';
import { findModuleUses, isExport, matchesModule, moduleSpecifier } from './module-uses.js';
import type { ModuleLinks } from './links.js';
import { OriginChecks } from './origin-checks.js';
import { PolicyBuilder } from './policy-builder.js';
import { readCallRegistrations, readPluginRegistrations } from './read-api-registrations.js';
import type { ReadContext, Scan } from './read-context.js';
import { readHeaderWritePolicies, readNextConfigPolicies } from './read-header-policies.js';
import { readHeaderWrites } from './read-header-writes.js';
import { readMethodRegistrations } from './read-method-registrations.js';
import { readTypedOptions } from './read-typed-options.js';
import { customRequestHeaderRead, requestHeaderRead } from './request-headers.js';

/** Text every file with a CORS policy contains; anything else is skipped without parsing further. */
export const MIGHT_HAVE_CORS = /cors|access-control-|startStandaloneServer/iu;

const EMPTY: CorsFile = Object.freeze({ policies: [], chains: [], responseHeaders: [], eventStreams: [], requestHeaders: [], readsAuthorization: false }) as CorsFile;

const cache = new WeakMap<SourceCode, Map<ModuleLinks | null, CorsFile>>();

/**
 * The CORS model of a file, computed once per `SourceCode` (and `links`). With `links`, options and values imported
 * from other modules are followed and read where they are defined; without, they are opaque.
 */
export function readCorsFile(sourceCode: SourceCode, filename = '', links: ModuleLinks | null = null): CorsFile {
  let byLinks = cache.get(sourceCode);
  if (!byLinks) {
    byLinks = new Map();
    cache.set(sourceCode, byLinks);
  }
  let file = byLinks.get(links);
  if (!file) {
    file = MIGHT_HAVE_CORS.test(sourceCode.text) ? read(sourceCode, filename, links) : EMPTY;
    byLinks.set(links, file);
  }
  return file;
}

/**
 * Makes `file` the model of `sourceCode`: for files another language front end reads (Python), so that the rules
 * judge its policies as they judge every other file's.
 */
export function provideCorsFile(sourceCode: SourceCode, file: CorsFile): void {
  cache.set(sourceCode, new Map([[null, file]]));
}

function read(sourceCode: SourceCode, filename: string, links: ModuleLinks | null): CorsFile {
  const checks = new OriginChecks(sourceCode, links);
  const scan = scanFile(sourceCode);
  const uses = findModuleUses(scan.sources, sourceCode);
  const resolver = checks.resolver;
  const writes = readHeaderWrites(scan.calls, resolver);
  const context: ReadContext = { sourceCode, filename, checks, resolver, scan, uses, writes, build: new PolicyBuilder(sourceCode, checks) };
  const policies: CorsPolicy[] = [];
  const typed: CorsPolicy[] = [];
  for (const framework of FRAMEWORKS) {
    for (const registration of framework.registrations) {
      const found = readRegistration(context, framework, registration);
      (registration.kind === 'typed-options' ? typed : policies).push(...found);
    }
  }
  // A typed options object that is also registered is the same policy.
  const registeredOptions = new Set(policies.map((policy) => (policy.options.kind === 'object' ? policy.options.value.node : null)));
  policies.push(...typed.filter((policy) => policy.options.kind === 'object' && !registeredOptions.has(policy.options.value.node)));
  policies.sort((a, b) => a.node.range[0] - b.node.range[0]);

  const streamCalls = uses.filter(
    (use) => use.kind === 'call' && EVENT_STREAM_HELPERS.some((helper) => matchesModule(use.module, helper.module) && isExport(use.path, helper.export)),
  );
  return {
    policies,
    chains: readChains(scan.calls, policies, sourceCode),
    responseHeaders: writes,
    eventStreams: [...scan.eventStreamLiterals, ...streamCalls.map((use) => use.node)],
    requestHeaders: [...scan.requestHeaders.values()],
    readsAuthorization: scan.readsAuthorization,
  };
}

function readRegistration(context: ReadContext, framework: Framework, registration: Registration): CorsPolicy[] {
  switch (registration.kind) {
    case 'call':
    case 'new':
      return readCallRegistrations(context, framework, registration);
    case 'plugin':
      return readPluginRegistrations(context, framework, registration);
    case 'method':
      return readMethodRegistrations(context, framework, registration);
    case 'typed-options':
      return readTypedOptions(context, framework, registration);
    case 'header-writes':
      return readHeaderWritePolicies(context, framework);
    case 'next-config-headers':
      return readNextConfigPolicies(context, framework);
    default:
      return [];
  }
}

/** One pass over the tree for everything the readers need. */
function scanFile(sourceCode: SourceCode): Scan {
  const scan: Scan = { calls: [], sources: [], eventStreamLiterals: [], headerFunctions: [], requestHeaders: new Map(), readsAuthorization: false };
  const modules = trackedModules();
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    switch (node.type) {
      case T.CallExpression:
      case T.NewExpression:
        scan.calls.push(node);
        break;
      case T.Literal:
        if (typeof node.value === 'string' && node.value.includes(EVENT_STREAM_MEDIA_TYPE)) scan.eventStreamLiterals.push(node);
        break;
      case T.TemplateElement:
        if (node.value.raw.includes(EVENT_STREAM_MEDIA_TYPE)) scan.eventStreamLiterals.push(node);
        break;
      case T.Property:
        if (propertyKey(node) === 'headers') scan.headerFunctions.push(node.value);
        break;
      default:
        break;
    }
    const read = customRequestHeaderRead(node);
    if (read && !scan.requestHeaders.has(read.key)) scan.requestHeaders.set(read.key, read.name);
    if (!scan.readsAuthorization && (node.type === T.MemberExpression || node.type === T.CallExpression) && requestHeaderRead(node) === 'authorization') scan.readsAuthorization = true;
    if (node.type === T.ImportDeclaration || node.type === T.TSImportEqualsDeclaration || node.type === T.ImportExpression || node.type === T.CallExpression) {
      const module = moduleSpecifier(node, sourceCode);
      if (module !== null && modules.some((pattern) => matchesModule(module, pattern))) scan.sources.push({ node, module });
    }
  });
  return scan;
}

let modulesCache: string[] | null = null;

/** Every module a registration, a typed option or an event-stream helper comes from. */
function trackedModules(): string[] {
  if (!modulesCache) {
    const modules = new Set<string>(EVENT_STREAM_HELPERS.map((helper) => helper.module));
    for (const framework of FRAMEWORKS) {
      for (const registration of framework.registrations) {
        if ('module' in registration) modules.add(registration.module);
        if (registration.kind === 'method') modules.add(registration.whenImporting);
      }
    }
    modulesCache = [...modules];
  }
  return modulesCache;
}
