/** The report as SARIF 2.1.0 (for code scanning): one result per finding, rule ids and help links as the plugin's. */
import { pathToFileURL } from 'node:url';
import { REPOSITORY } from '../create-rule.js';
import type { FixReport } from './report.js';

/** SARIF log text for `report`; paths are relative to the working directory (`%SRCROOT%`). */
export function formatSarif(report: FixReport): string {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const name = id.replace(/^cors\//u, '');
    return { id, name, helpUri: `${REPOSITORY}/blob/main/docs/rules/${name}.md` };
  });
  const results = report.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIds.indexOf(finding.ruleId),
    // Fixed in this run: a note. To fix (check or dry run), to review or left alone: a warning.
    level: report.mode === 'write' && finding.action === 'fixed' ? 'note' : 'warning',
    message: { text: `${finding.message} ${finding.detail}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    properties: { action: finding.action },
  }));
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
