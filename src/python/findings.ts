/**
 * The findings of a Python file: the same verdicts and rule ids as for JavaScript (`collectFindings`), kept to the
 * file's own nodes, with messages that quote patterns as written in Python and describe middleware order the way
 * each package runs it.
 */
import { type PolicyFinding, collectFindings } from '../cors-fix/findings.js';
import type { CorsPolicy } from '../model/cors-file.js';
import type { OrderFinding, UnsafePattern } from '../model/verdicts.js';
import type { PyFile } from './read-python.js';
import { pyNodeOf, rootOf, textOf } from './syntax.js';

/** Every finding of every policy in `file`, each marked `skipped` until planned. */
export function pythonFindings(file: PyFile): PolicyFinding[] {
  return file.policies.flatMap((policy) => policyFindings(file, policy));
}

/** The findings of one policy that are at the file's own nodes (settings inherited from a base module are its). */
export function policyFindings(file: PyFile, policy: CorsPolicy): PolicyFinding[] {
  return collectFindings(policy, file)
    .filter((finding) => rootOf(pyNodeOf(finding.node)) === file.tree.root)
    .map((finding) => reword(finding, file));
}

function reword(finding: PolicyFinding, file: PyFile): PolicyFinding {
  // Origins are compared the package's way (lower case, scheme and host), but quoted as written.
  if (finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'string') finding.message = `Hard-coded origin ${textOf(file.text, pyNodeOf(finding.node))}.`;
  if (finding.ruleId === 'cors/no-unsafe-origin-pattern' || (finding.ruleId === 'cors/no-hardcoded-origins' && finding.kind === 'regex')) {
    const verdict = finding.verdict as UnsafePattern | { text?: string };
    const written = textOf(file.text, pyNodeOf(finding.node));
    if ('text' in verdict && typeof verdict.text === 'string' && verdict.text.startsWith('/^(?:')) finding.message = finding.message.replace(verdict.text, written);
  }
  if (finding.ruleId === 'cors/middleware-order') {
    const verdict = finding.verdict as OrderFinding;
    const earlier = textOf(file.text, pyNodeOf(verdict.earlier.auth ?? verdict.earlier.route ?? verdict.earlier.node));
    const registration = file.registrations.get(verdict.policy);
    const what = verdict.kind === 'after-auth' ? 'rejects requests' : 'answers some requests itself';
    finding.message =
      registration?.kind === 'settings'
        ? `CorsMiddleware comes after ${earlier} in MIDDLEWARE, which ${what} before CORS headers are added (preflights fail).`
        : registration?.kind === 'add-middleware'
          ? `CORSMiddleware is added before ${earlier}, which runs first (the middleware added last is the outermost) and ${what} before CORS sees them (preflights fail).`
          : `CORSMiddleware comes after ${earlier} in the middleware list, which runs first and ${what} before CORS sees them (preflights fail).`;
  }
  return finding;
}
