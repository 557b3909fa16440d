/**
 * The probe report as SARIF 2.1.0: one result per finding, the check ids as rules with help links to their pages.
 * With `--project` a result points at the policy in the source; otherwise at the probed URL.
 */
import { pathToFileURL } from 'node:url';
import { REPOSITORY } from '../../create-rule.js';
import { PACKAGE } from '../../package-meta.js';
import { CHECK_IDS, CHECK_TITLES, type Severity, checkDocsUrl } from './checks-catalogue.js';
import { type ProbeReport, findingMessage } from './report.js';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** The scores GitHub code scanning reads to rank security results. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '7.5', medium: '5.0', low: '3.0', info: '0.0' };

/** SARIF log text for `report`. */
export function formatSarif(report: ProbeReport): string {
  const ruleIds = CHECK_IDS.filter((check) => report.findings.some((finding) => finding.check === check));
  const rules = ruleIds.map((id) => ({ id, name: id, shortDescription: { text: CHECK_TITLES[id] }, helpUri: checkDocsUrl(id) }));
  const results = report.findings.map((finding) => ({
    ruleId: finding.check,
    ruleIndex: ruleIds.indexOf(finding.check),
    level: LEVELS[finding.severity],
    message: { text: findingMessage(finding) },
    locations: [
      finding.location
        ? {
            physicalLocation: {
              artifactLocation: { uri: finding.location.file, uriBaseId: '%SRCROOT%' },
              region: { startLine: finding.location.line, startColumn: finding.location.column, endLine: finding.location.endLine, endColumn: finding.location.endColumn },
            },
          }
        : { physicalLocation: { artifactLocation: { uri: new URL(finding.path, report.url).href } } },
    ],
    properties: { severity: finding.severity, 'security-severity': SECURITY_SEVERITY[finding.severity], path: finding.path, origin: finding.origin },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cors-fix probe', version: PACKAGE.version, informationUri: REPOSITORY, rules } },
        ...(report.projectRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.projectRoot).href}/` } } } : {}),
        results,
        ...(report.error ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: report.error } }] }] } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
