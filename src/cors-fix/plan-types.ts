/** Types shared by the planner's modules: what a plan step sees and what it produces. */
import type { CorsFile, Node } from '../model/index.js';
import type { Coverage } from '../model/explicit-lists.js';
import type { AllowlistRef } from './allowlist.js';
import type { EditContext } from './node-edits.js';
import type { PolicyFacts } from './policy-scope.js';
import type { TextEdit } from './text-edits.js';

/** Everything a policy plan needs besides the policy: where it is edited, the allowlist it gets and what it covers. */
export interface PlanContext extends EditContext {
  /** The CORS model of the file that registers the policy (its response-header writes, its routes). */
  file: CorsFile;
  /** The allowlist the policy's origins move to, as the edited file names it. */
  allowlist: AllowlistRef;
  /** What the routes the policy covers need: their methods, SSE, the headers they read and set. */
  facts: PolicyFacts;
  /** Every route the policy covers was found (otherwise methods keep the framework's defaults). */
  complete: boolean;
  /** The edited file is TypeScript (new functions get parameter types). */
  typescript: boolean;
}

/** A setting the fix writes or changes, reported on a line of its own (`methods: GET, HEAD, POST, PUT`). */
export interface SettingChange {
  setting: 'origin' | 'methods' | 'allowedHeaders' | 'exposedHeaders' | 'maxAge' | 'option' | 'order';
  /** Where: the value changed, or the registration a new setting is added to. */
  node: Node;
  /** What it is now, in the option's or header's own terms. */
  text: string;
}

/** The edits one policy needs, the config exports they use, the hard-coded origins they retire, each setting changed. */
export class PolicyEdits {
  readonly edits: TextEdit[] = [];
  readonly uses = new Set<string>();
  readonly origins: string[] = [];
  readonly changes: SettingChange[] = [];

  change(setting: SettingChange['setting'], node: Node, text: string): void {
    this.changes.push({ setting, node, text });
  }

  add(...edits: TextEdit[]): void {
    this.edits.push(...edits);
  }

  use(...exports: string[]): void {
    for (const name of exports) this.uses.add(name);
  }
}

/** What the covered code needs, in the terms the model's list builders take. */
export function coverageOf(context: PlanContext): Coverage {
  const { facts } = context;
  return { methods: facts.methods, complete: context.complete, streams: facts.streams, requestHeaders: facts.requestHeaders, authorization: facts.authorization };
}
