/**
 * Registrations through a package export: called (`cors(opts)`, `NestFactory.create(M, { cors })`), constructed
 * (`new Server(http, { cors })`) or passed as a plugin (`app.register(fastifyCors, opts)`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Framework, Registration } from '../frameworks/define-framework.js';
import { calledMethod } from './ast.js';
import type { CorsPolicy } from './cors-file.js';
import { type ModuleUse, isExport, matchesModule } from './module-uses.js';
import type { ReadContext } from './read-context.js';
import { adaptedFramework, readOptionsAt } from './read-options.js';

/** Every call (or `new`) of the registration's export in the file, each with the options it is given. */
export function readCallRegistrations(
  context: ReadContext,
  framework: Framework,
  registration: Extract<Registration, { kind: 'call' | 'new' }>,
): CorsPolicy[] {
  return context.uses
    .filter((use) => use.kind === registration.kind && matchesModule(use.module, registration.module) && isExport(use.path, registration.export))
    .flatMap((use) => {
      const call = use.node as TSESTree.CallExpression | TSESTree.NewExpression;
      const effective = adaptedFramework(context, framework, call.arguments);
      return registration.options
        ? readOptionsAt(context, effective, call, call.arguments, registration.options)
        : [context.build.policy(effective, call, call, { kind: 'none' })];
    });
}

/** Every `app.register(plugin, opts)` whose first argument is the registration's export. */
export function readPluginRegistrations(context: ReadContext, framework: Framework, registration: Extract<Registration, { kind: 'plugin' }>): CorsPolicy[] {
  return context.uses
    .filter(
      (use): use is Extract<ModuleUse, { kind: 'argument' }> =>
        use.kind === 'argument' &&
        use.index === 0 &&
        matchesModule(use.module, registration.module) &&
        isExport(use.path, registration.export) &&
        calledMethod(use.call) === registration.method,
    )
    .flatMap((use) => readOptionsAt(context, framework, use.call, use.call.arguments, registration.options));
}
