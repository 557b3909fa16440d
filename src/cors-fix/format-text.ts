/** The human-readable report: findings per file with what was done, new files, next steps, one summary line. */
import type { FixReport } from './report.js';

const ACTION_WORDS = { fixed: 'fixed', review: 'review', skipped: 'skipped' } as const;

/** The report as text for a terminal; `diffs` adds the unified diffs (for `--dry`). */
export function formatText(report: FixReport, options: { diffs: boolean }): string {
  const out: string[] = [];
  const would = report.mode !== 'write';
  if (options.diffs) for (const { diff } of report.diffs) out.push(diff.trimEnd(), '');
  const byFile = new Map<string, typeof report.findings>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const file of report.files) {
    const findings = byFile.get(file.file) ?? [];
    const status =
      file.status === 'changed' ? (would ? 'would change' : 'changed') : file.status === 'skipped' ? `skipped: ${file.reason}` : file.status === 'failed' ? `failed: ${file.reason}` : 'unchanged';
    out.push(`${file.file}  (${status})`);
    for (const finding of findings) {
      const action = would && finding.action === 'fixed' ? 'to fix' : ACTION_WORDS[finding.action];
      out.push(`  ${`${finding.line}:${finding.column}`.padEnd(7)} ${action.padEnd(7)} ${finding.message}  ${finding.ruleId}`);
      out.push(`  ${' '.repeat(7)} ${' '.repeat(7)} ${finding.detail}`);
    }
    for (const note of file.notes) out.push(`  note: ${note}`);
    out.push('');
  }
  for (const support of report.supportFiles) {
    const verb = support.change === 'created' ? (would ? 'Would create' : 'Created') : would ? 'Would update' : 'Updated';
    if (support.kind === 'config-module') out.push(`${verb} ${support.file}: the allowlist, read from ${report.envVar} at startup.`);
    else out.push(`${verb} ${support.file}: ${report.envVar}${support.origins.length > 0 ? ` with ${support.origins.join(', ')}` : ''}.`);
  }
  const review = report.findings.filter((finding) => finding.action === 'review').length;
  const skipped = report.findings.filter((finding) => finding.action === 'skipped').length;
  if (review > 0) out.push(`Review: ${review} change${review === 1 ? '' : 's'} marked "review" above need a human look.`);
  if (skipped > 0) out.push(`Left for you: ${skipped} finding${skipped === 1 ? '' : 's'} marked "skipped" above (the reason is given for each).`);
  if (report.summary.changed > 0) {
    // Only when an origin now comes from the allowlist is there an environment variable to set.
    const allowlisted = report.supportFiles.length > 0 || report.findings.some((finding) => finding.action === 'fixed' && ALLOWLIST_RULES.has(finding.ruleId));
    out.push(
      report.mode === 'write'
        ? allowlisted
          ? `Next: review the changes (git diff), then set ${report.envVar} where the server runs (see .env.example). Unset, every cross-origin request is denied${keptPatterns(report) ? ', except what the origin patterns kept for review allow' : ''}.`
          : 'Next: review the changes (git diff).'
        : report.mode === 'dry'
          ? 'Nothing was written (--dry). Run without --dry to apply.'
          : 'Nothing was written (--check).',
    );
  } else if (report.findings.length === 0 && report.summary.failed === 0) {
    out.push('Nothing to fix.');
  }
  out.push(summaryLine(report));
  return `${out.join('\n').replace(/^\n+/u, '')}\n`;
}

/** `cors-fix: 1 changed, 4 unchanged, 0 skipped, 0 failed (0.62 s)`. */
export function summaryLine(report: FixReport): string {
  const { changed, unchanged, skipped, failed, elapsedMs } = report.summary;
  const changedWord = report.mode === 'write' ? 'changed' : 'to change';
  return `cors-fix: ${changed} ${changedWord}, ${unchanged} unchanged, ${skipped} skipped, ${failed} failed (${(elapsedMs / 1000).toFixed(2)} s)`;
}

/** Rules whose fixes replace origins with the allowlist read from the environment. */
const ALLOWLIST_RULES: ReadonlySet<string> = new Set(['cors/no-wildcard-origin', 'cors/no-credentials-with-wildcard', 'cors/no-hardcoded-origins']);

/** Whether an origin pattern was kept (it cannot be listed in the environment variable) and still allows origins. */
function keptPatterns(report: FixReport): boolean {
  return report.findings.some((finding) => finding.action === 'review' && finding.detail.startsWith('Kept'));
}
