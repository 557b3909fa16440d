/**
 * The probe report as text: a table of the findings, then each finding with what was sent, what came back, what it
 * means and the fix, then the notes and one summary line.
 */
import { SEVERITIES, checkDocsUrl } from './checks-catalogue.js';
import { headerDisplayName } from './cors-answer.js';
import type { RecordedResponse } from './http-client.js';
import type { ProbeFinding, ProbeReport, SentRequest } from './report.js';

/** Request headers worth showing: those that make the request what it is (not User-Agent). */
const SHOWN_REQUEST_HEADERS = ['origin', 'cookie', 'access-control-request-method', 'access-control-request-headers', 'accept'] as const;

const WIDTH = 100;

/** The report as text for a terminal. */
export function formatText(report: ProbeReport): string {
  const out: string[] = [];
  if (report.error) {
    out.push(`Could not probe ${report.url}: ${report.error}.`, '');
  } else if (report.findings.length === 0) {
    out.push(`No findings on ${report.paths.join(', ')}.`, '');
  } else {
    out.push(...table(report.findings), '');
    for (const finding of report.findings) out.push(...details(finding), '');
  }
  if (report.notes.length > 0) {
    out.push('Notes:');
    for (const note of report.notes) out.push(...wrap(note, '  - ', '    '));
    out.push('');
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

/** `cors-fix probe: 2 findings (1 critical, 1 low) from 41 requests to http://127.0.0.1:3000/ (2 paths, 0 inconclusive)`. */
export function summaryLine(report: ProbeReport): string {
  const counts = SEVERITIES.map((severity) => [severity, report.findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  const total = report.findings.length;
  const findings = `${total} finding${total === 1 ? '' : 's'}${counts.length > 0 ? ` (${counts.map(([severity, count]) => `${count} ${severity}`).join(', ')})` : ''}`;
  const { sent, inconclusive, notSent } = report.requests;
  const paths = `${report.paths.length} path${report.paths.length === 1 ? '' : 's'}`;
  const unsent = notSent > 0 ? `, ${notSent} not sent` : '';
  return `cors-fix probe: ${report.error ? 'no verdict' : findings} from ${sent} request${sent === 1 ? '' : 's'} to ${report.url} (${paths}, ${inconclusive} inconclusive${unsent})`;
}

function table(findings: readonly ProbeFinding[]): string[] {
  const rows = [['SEVERITY', 'CHECK', 'PATH', 'ORIGIN'], ...findings.map((finding) => [finding.severity, finding.check, finding.path, finding.origin ?? '(none)'])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] as number) : cell)).join('  ').trimEnd());
}

function details(finding: ProbeFinding): string[] {
  const lines = [`${finding.severity.toUpperCase()}  ${finding.check}  ${finding.path}`];
  if (finding.request) lines.push(...wrap(describeRequest(finding.request, finding.path), '  sent   ', '         '));
  if (finding.response) lines.push(...wrap(describeResponse(finding.response), '  got    ', '         '));
  lines.push(...wrap(`${finding.found} ${finding.why}`, '  means  ', '         '));
  lines.push(...wrap(finding.fix, '  fix    ', '         '), `         ${checkDocsUrl(finding.check)}`);
  if (finding.location) lines.push(`  where  ${finding.location.file}:${finding.location.line}:${finding.location.column}`);
  return lines;
}

function describeRequest(request: SentRequest, path: string): string[] {
  const headers = SHOWN_REQUEST_HEADERS.filter((name) => request.headers[name] !== undefined && !(name === 'accept' && request.headers[name] === '*/*')).map(
    (name) => `${headerDisplayName(name)}: ${request.headers[name]}`,
  );
  return [`${request.method} ${path}`, ...headers];
}

function describeResponse(response: RecordedResponse): string[] {
  const cors = Object.entries(response.headers).filter(([name]) => name !== 'content-type' || /event-stream/u.test(response.headers[name] ?? ''));
  return [String(response.status), ...(cors.length > 0 ? cors.map(([name, value]) => `${headerDisplayName(name)}: ${value}`) : ['(no CORS headers)'])];
}

/**
 * `text` wrapped at the report width, the first line after `first`, the others after `rest`. Prose wraps between
 * words; a list of items (a request line and its headers) wraps between items, which are set two spaces apart, and
 * inside an item too long for a line after its commas.
 */
function wrap(text: string | readonly string[], first: string, rest: string): string[] {
  const room = WIDTH - rest.length;
  const pieces =
    typeof text === 'string'
      ? text
          .split(/\s+/u)
          .filter((word) => word !== '')
          .map((word) => ({ text: word, gap: ' ' }))
      : text.flatMap((item) => (item.length <= room ? [item] : item.split(/(?<=,)/u)).map((part, index) => ({ text: part, gap: index === 0 ? '  ' : '' })));
  const lines: string[] = [];
  let line = first;
  for (const piece of pieces) {
    const prefix = lines.length === 0 ? first : rest;
    if (line.length > prefix.length && line.length + piece.gap.length + piece.text.length > WIDTH) {
      lines.push(line);
      line = rest + piece.text.trimStart();
    } else {
      line = line.length > prefix.length ? `${line}${piece.gap}${piece.text}` : `${line}${piece.text}`;
    }
  }
  lines.push(line);
  return lines;
}
