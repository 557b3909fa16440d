/**
 * The report as SARIF 2.1.0 (for code scanning): one result per finding (with what was done), per item left for
 * review, and per setting changed; rule ids and help links as the plugin's.
 */
import { pathToFileURL } from 'node:url';
import { REPOSITORY } from '../create-rule.js';
import type { FixReport, Location } from './report.js';

const CHANGE_RULE = 'cors-fix/change';

/** SARIF log text for `report`; paths are relative to the working directory (`%SRCROOT%`). */
export function formatSarif(report: FixReport): string {
  const ids = new Set<string>([...report.findings.map((finding) => finding.ruleId), ...report.review.map((item) => item.ruleId)]);
  if (report.changes.length > 0) ids.add(CHANGE_RULE);
  const ruleIds = [...ids].sort();
  const rules = ruleIds.map((id) => {
    const name = id.replace(/^cors(?:-fix)?\//u, '');
    const helpUri = id.startsWith('cors/') ? `${REPOSITORY}/blob/main/docs/rules/${name}.md` : `${REPOSITORY}#cors-fix`;
    return { id, name, helpUri };
  });
  const result = (ruleId: string, level: string, text: string, where: Location, properties: Record<string, unknown>) => ({
    ruleId,
    ruleIndex: ruleIds.indexOf(ruleId),
    level,
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: where.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: where.line, startColumn: where.column, endLine: where.endLine, endColumn: where.endColumn },
        },
      },
    ],
    properties,
  });
  const results = [
    // Fixed in this run: a note. Pending (check or dry run), to review or left alone: a warning.
    ...report.findings.map((finding) => result(finding.ruleId, finding.action === 'fixed' ? 'note' : 'warning', `${finding.message} ${finding.detail}`, finding, { action: finding.action })),
    ...report.review.map((item) => result(item.ruleId, item.severity === 'error' ? 'error' : 'warning', item.message, item, { action: 'review' })),
    ...report.changes.map((change) =>
      result(CHANGE_RULE, 'note', `${report.mode === 'write' ? 'Changed' : 'Would change'} ${change.text}`, change, { action: report.mode === 'write' ? 'changed' : 'pending', setting: change.setting }),
    ),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cors-fix', version: report.tool.version, informationUri: REPOSITORY, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.cwd).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
