/** Types shared by the planner's modules: what a plan step sees and what it produces. */
import type { CorsFile } from '../model/index.js';
import type { AllowlistNames, ConfigExport } from './allowlist.js';
import type { EditContext } from './node-edits.js';
import type { TextEdit } from './text-edits.js';

/** Everything a policy plan needs besides the policy: the file, its style and the allowlist's local names. */
export interface PlanContext extends EditContext {
  file: CorsFile;
  names: AllowlistNames;
  /** The environment variable the allowlist is read from (for report details). */
  envVar: string;
  /** Custom `X-…` request headers the file reads (kept allowed when headers are listed). */
  requestHeaders: readonly string[];
}

/** The edits one policy needs, the config exports they use and the hard-coded origins they retire. */
export class PolicyEdits {
  readonly edits: TextEdit[] = [];
  readonly uses = new Set<ConfigExport>();
  readonly origins: string[] = [];

  add(...edits: TextEdit[]): void {
    this.edits.push(...edits);
  }

  use(...exports: ConfigExport[]): void {
    for (const name of exports) this.uses.add(name);
  }
}

export { DEFAULT_METHODS, DEFAULT_REQUEST_HEADERS } from '../model/index.js';

/** The preflight cache every browser honours in full (WebKit caps at 600 s). */
export const DEFAULT_MAX_AGE = 600;
