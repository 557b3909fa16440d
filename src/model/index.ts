/** The CORS policy model: one reader, shared by every rule and by `cors-fix`. */
export { MIGHT_HAVE_CORS, readCorsFile } from './read-cors-file.js';
export { routeMethods } from './middleware-chain.js';
export type * from './cors-file.js';
export type { Node, SourceCode } from './ast.js';
export * from './verdicts.js';
export { alternatives, possibleValues } from './static-value.js';
export type { Value, ObjectValue, Provenance } from './static-value.js';
export { isOriginLike, isLoopbackHost, originLiteralProblems, regexProblems, matchesEveryOrigin } from './origin-patterns.js';
export { type ForeignNode, asModelNode, foreignNodeOf } from './foreign-node.js';
