/** Option objects typed with a framework's options type (`const o: CorsOptions = {…}`, `{…} satisfies CorsOptions`). */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/types';
import type { Framework, Registration } from '../frameworks/define-framework.js';
import { type Node, unwrap } from './ast.js';
import type { CorsPolicy } from './cors-file.js';
import { type ModuleUse, isExport, matchesModule } from './module-uses.js';
import type { ReadContext } from './read-context.js';

export function readTypedOptions(context: ReadContext, framework: Framework, registration: Extract<Registration, { kind: 'typed-options' }>): CorsPolicy[] {
  return context.uses
    .filter(
      (use): use is Extract<ModuleUse, { kind: 'type' }> =>
        use.kind === 'type' && matchesModule(use.module, registration.module) && isExport(use.path, registration.export),
    )
    .flatMap((use) => {
      const object = annotatedObject(use.node);
      if (!object) return [];
      const value = context.resolver.resolve(object);
      return value.kind === 'object' ? [context.build.policy(framework, object, object, context.build.objectOptions(framework, value))] : [];
    });
}

/** The object literal that `const o: CorsOptions = {…}` or `{…} satisfies CorsOptions` types. */
function annotatedObject(typeName: TSESTree.Identifier): Node | null {
  let node: Node = typeName;
  while (node.parent?.type === T.TSQualifiedName) node = node.parent;
  const reference = node.parent;
  if (reference?.type !== T.TSTypeReference) return null;
  const holder = reference.parent;
  if (holder?.type === T.TSSatisfiesExpression || holder?.type === T.TSAsExpression) {
    return unwrap(holder.expression).type === T.ObjectExpression ? unwrap(holder.expression) : null;
  }
  if (holder?.type === T.TSTypeAnnotation) {
    const id = holder.parent;
    const declarator = id?.parent;
    if (id?.type === T.Identifier && declarator?.type === T.VariableDeclarator && declarator.id === id && declarator.init) {
      const init = unwrap(declarator.init);
      return init.type === T.ObjectExpression ? init : null;
    }
  }
  return null;
}
