/**
 * The human-readable report: per file, each finding with what was done; each setting changed, on a line of its own;
 * which variable each policy reads; what is left for review; next steps; one summary line.
 */
import type { FixReport } from './report.js';

const ACTION_WORDS = { fixed: 'fixed', pending: 'to fix', review: 'review', skipped: 'skipped' } as const;

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
      out.push(`  ${`${finding.line}:${finding.column}`.padEnd(7)} ${ACTION_WORDS[finding.action].padEnd(7)} ${finding.message}  ${finding.ruleId}`);
      out.push(`  ${' '.repeat(7)} ${' '.repeat(7)} ${finding.detail}`);
    }
    for (const note of file.notes) out.push(`  note: ${note}`);
    out.push('');
  }
  if (report.changes.length > 0) {
    out.push(would ? 'Settings the fix would write:' : 'Settings written:');
    for (const change of report.changes) out.push(`  ${`${change.file}:${change.line}`.padEnd(28)} ${change.text}`);
    out.push('');
  }
  const rewritten = report.policies.filter((policy) => policy.variable !== null);
  const variables = new Set(rewritten.map((policy) => policy.variable));
  if (variables.size > 1 || (rewritten.length > 0 && !variables.has(report.envVar))) {
    out.push('Allowlists:');
    for (const policy of rewritten) out.push(`  ${`${policy.file}:${policy.line}`.padEnd(28)} ${policy.framework} reads ${policy.variable}`);
    out.push('');
  }
  for (const support of report.supportFiles) {
    const verb = support.change === 'created' ? (would ? 'Would create' : 'Created') : would ? 'Would update' : 'Updated';
    const listed = support.variables.map((entry) => `${entry.variable}${entry.origins.length > 0 ? ` (${entry.origins.join(', ')})` : ''}`).join(', ');
    out.push(support.kind === 'config-module' ? `${verb} ${support.file}: the allowlist${support.variables.length === 1 ? '' : 's'} read from ${listed} at startup.` : `${verb} ${support.file}: ${listed}.`);
  }
  if (report.review.length > 0) {
    out.push('', `Left for review (${report.review.length}): what the rules still report${would ? ' after the fix' : ''}. Fix it, or accept it with an eslint-disable comment that says why.`);
    for (const item of report.review) out.push(`  ${`${item.file}:${item.line}:${item.column}`.padEnd(28)} ${item.message}  ${item.ruleId}`);
  }
  const skipped = report.findings.filter((finding) => finding.action === 'skipped').length;
  if (skipped > 0) out.push(`Left for you: ${skipped} finding${skipped === 1 ? '' : 's'} marked "skipped" above (the reason is given for each).`);
  if (report.summary.changed > 0) {
    const names = [...variables].join(', ') || report.envVar;
    out.push(
      report.mode === 'write'
        ? rewritten.length > 0
          ? `Next: review the changes (git diff), then set ${names} where the server runs (see .env.example). Unset, every cross-origin request is denied.`
          : 'Next: review the changes (git diff).'
        : report.mode === 'dry'
          ? 'Nothing was written (--dry). Run without --dry to apply.'
          : 'Nothing was written (--check).',
    );
  } else if (report.findings.length === 0 && report.review.length === 0 && report.summary.failed === 0) {
    out.push('Nothing to fix.');
  }
  out.push(summaryLine(report));
  return `${out.join('\n').replace(/^\n+/u, '')}\n`;
}

/** `cors-fix: 1 changed, 4 unchanged, 0 skipped, 0 failed, 2 left for review (0.62 s)`. */
export function summaryLine(report: FixReport): string {
  const { changed, unchanged, skipped, failed, review, elapsedMs } = report.summary;
  const changedWord = report.mode === 'write' ? 'changed' : 'to change';
  return `cors-fix: ${changed} ${changedWord}, ${unchanged} unchanged, ${skipped} skipped, ${failed} failed, ${review} left for review (${(elapsedMs / 1000).toFixed(2)} s)`;
}
