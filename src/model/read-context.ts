/** What every registration reader gets: the file, one pass over its tree, the module uses and the policy builder. */
import type { TSESTree } from '@typescript-eslint/types';
import type { Node, SourceCode } from './ast.js';
import type { HeaderWrite } from './cors-file.js';
import type { ModuleSource, ModuleUse } from './module-uses.js';
import type { OriginChecks } from './origin-checks.js';
import type { PolicyBuilder } from './policy-builder.js';
import type { ValueResolver } from './static-value.js';

/** The nodes of one walk over the file that the readers need. */
export interface Scan {
  calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  sources: { node: ModuleSource; module: string }[];
  eventStreamLiterals: Node[];
  /** Values of `headers` properties (Next.js `headers()` candidates). */
  headerFunctions: Node[];
}

export interface ReadContext {
  sourceCode: SourceCode;
  filename: string;
  checks: OriginChecks;
  resolver: ValueResolver;
  scan: Scan;
  uses: readonly ModuleUse[];
  /** Every response header the file writes. */
  writes: readonly HeaderWrite[];
  build: PolicyBuilder;
}
