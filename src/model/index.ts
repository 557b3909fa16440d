/** The CORS policy model: one reader, shared by every rule and by `cors-fix`. */
export { MIGHT_HAVE_CORS, provideCorsFile, readCorsFile } from './read-cors-file.js';
export { routeMethods, routesUnder } from './middleware-chain.js';
export * from './explicit-lists.js';
export type * from './cors-file.js';
export type { Node, SourceCode } from './ast.js';
export * from './verdicts.js';
export { alternatives, possibleValues } from './static-value.js';
export type { Value, ObjectValue, Provenance } from './static-value.js';
export { isOriginLike, isLoopbackHost, originLiteralProblems, regexProblems, matchesEveryOrigin } from './origin-patterns.js';
export { attachLinks, attachedLinks, fileOf, localAnchor, registerLinkedFile, sourceFor, type LinkTarget, type LinkedFile, type ModuleLinks } from './links.js';
export { type ForeignNode, asModelNode, foreignNodeOf } from './foreign-node.js';
