/** Registrations by a method on any receiver in a file that imports the framework: NestJS `app.enableCors(opts)`. */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { Framework, Registration } from '../frameworks/define-framework.js';
import { type Node, calledMethod, methodReceiver, resolveIdentifier, unwrap } from './ast.js';
import type { CorsPolicy } from './cors-file.js';
import { matchesModule } from './module-uses.js';
import type { ReadContext } from './read-context.js';
import { adaptedFramework, readOptionsAt } from './read-options.js';

export function readMethodRegistrations(context: ReadContext, framework: Framework, registration: Extract<Registration, { kind: 'method' }>): CorsPolicy[] {
  if (!context.scan.sources.some((source) => matchesModule(source.module, registration.whenImporting))) return [];
  return context.scan.calls
    .filter((call): call is TSESTree.CallExpression => call.type === T.CallExpression && calledMethod(call) === registration.method)
    .flatMap((call) =>
      readOptionsAt(context, adaptedFramework(context, framework, creationArguments(context, call)), call, call.arguments, registration.options),
    );
}

/** The arguments of the call that created the receiver of `app.enableCors()` (`await NestFactory.create(…)`). */
function creationArguments(context: ReadContext, call: TSESTree.CallExpression): readonly Node[] {
  const receiver = methodReceiver(call);
  if (receiver?.type !== T.Identifier) return [];
  const definition = resolveIdentifier(context.sourceCode, receiver)?.defs[0];
  if (definition?.type !== 'Variable') return [];
  let init: Node | null | undefined = (definition.node as TSESTree.VariableDeclarator).init;
  if (init && unwrap(init).type === T.AwaitExpression) init = (unwrap(init) as TSESTree.AwaitExpression).argument;
  init = init ? unwrap(init) : null;
  return init?.type === T.CallExpression ? init.arguments : [];
}
