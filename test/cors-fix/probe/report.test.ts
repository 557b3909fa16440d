/** The probe report in its three forms: the `--json` schema (1), SARIF 2.1.0, and the text table with its details. */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, SEVERITIES } from '../../../src/cors-fix/probe/checks-catalogue.js';
import { formatSarif } from '../../../src/cors-fix/probe/format-sarif.js';
import { formatText, summaryLine } from '../../../src/cors-fix/probe/format-text.js';
import { type ProbeReport, jsonReport } from '../../../src/cors-fix/probe/report.js';
import { APP, only, policyServer, simulate } from './simulate.js';

function reportOf(findings: ProbeReport['findings'], extra: Partial<ProbeReport> = {}): ProbeReport {
  return { url: 'http://127.0.0.1:3000/api/items', error: null, findings, paths: ['/api/items'], requests: { sent: 30, inconclusive: 0, notSent: 0 }, notes: [], projectRoot: null, ...extra };
}

const reflecting = simulate(policyServer({ allows: () => true, credentials: true, maxAge: null })).findings;
const location = { file: 'src/server.js', line: 12, column: 9, endLine: 15, endColumn: 3 };

describe('--json', () => {
  const document = JSON.parse(jsonReport(reportOf(reflecting))) as { schema: number; url: string; error: null; findings: Record<string, unknown>[] };

  it('has schema 1, the URL, the error (null) and the findings', () => {
    expect(Object.keys(document)).toEqual(['schema', 'url', 'error', 'findings', 'paths', 'requests', 'notes']);
    expect(document).toMatchObject({ schema: 1, url: 'http://127.0.0.1:3000/api/items', error: null });
  });

  it('gives every finding exactly the keys check, severity, path, origin, request, response, message', () => {
    expect(document.findings.length).toBeGreaterThan(0);
    for (const finding of document.findings) {
      expect(Object.keys(finding)).toEqual(['check', 'severity', 'path', 'origin', 'request', 'response', 'message']);
      expect(CHECK_IDS).toContain(finding.check);
      expect(SEVERITIES).toContain(finding.severity);
      const request = finding.request as { method: string; headers: Record<string, string> };
      const response = finding.response as { status: number; headers: Record<string, string> };
      expect(Object.keys(request)).toEqual(['method', 'headers']);
      expect(Object.keys(response)).toEqual(['status', 'headers']);
      for (const name of [...Object.keys(request.headers), ...Object.keys(response.headers)]) expect(name).toBe(name.toLowerCase());
    }
    expect(document.findings[0]).toMatchObject({
      check: 'reflects-any-origin',
      severity: 'critical',
      path: '/api/items',
      origin: 'https://attacker.example',
      request: { method: 'GET', headers: { origin: 'https://attacker.example' } },
      response: { status: 200, headers: { 'access-control-allow-origin': 'https://attacker.example', 'access-control-allow-credentials': 'true' } },
      message: expect.stringMatching(/^Access-Control-Allow-Origin echoes https:\/\/attacker\.example.*act as them\. Allow a fixed list/u),
    });
  });

  it('keeps keys that do not apply, as null', () => {
    const finding = { ...(reflecting[0] as ProbeReport['findings'][number]), origin: null, request: null, response: null };
    const [shown] = (JSON.parse(jsonReport(reportOf([finding]))) as { findings: Record<string, unknown>[] }).findings;
    expect(shown).toMatchObject({ origin: null, request: null, response: null });
    expect(Object.keys(shown ?? {})).toHaveLength(7);
  });

  it('carries the error of a run that could not judge the server', () => {
    expect(JSON.parse(jsonReport(reportOf([], { error: 'every request was inconclusive (no answer within 5000 ms)' })))).toMatchObject({ error: 'every request was inconclusive (no answer within 5000 ms)', findings: [] });
  });
});

describe('SARIF', () => {
  it('is a 2.1.0 log with the check ids as rules and help links to their pages', () => {
    const log = JSON.parse(formatSarif(reportOf(reflecting))) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: Record<string, unknown>[] }[] };
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(['reflects-any-origin', 'max-age']);
    expect(run?.tool.driver.rules[0]?.helpUri).toMatch(/\/docs\/probe\/reflects-any-origin\.md$/u);
    expect(run?.results[0]).toMatchObject({
      ruleId: 'reflects-any-origin',
      ruleIndex: 0,
      level: 'error',
      properties: { severity: 'critical', 'security-severity': '9.5' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'http://127.0.0.1:3000/api/items' } } }],
    });
    expect(run?.results[1]).toMatchObject({ ruleId: 'max-age', level: 'note' });
  });

  it('points at the policy in the source with --project', () => {
    const findings = reflecting.map((finding) => ({ ...finding, location }));
    const log = JSON.parse(formatSarif(reportOf(findings, { projectRoot: '/work/app' }))) as { runs: { originalUriBaseIds: unknown; results: { locations: unknown[] }[] }[] };
    expect(log.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/app/' } });
    expect(log.runs[0]?.results[0]?.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'src/server.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 9, endLine: 15, endColumn: 3 } } },
    ]);
  });
});

describe('text', () => {
  it('tables the findings, then shows what was sent, what came back, what it means and the fix', () => {
    const text = formatText(reportOf(reflecting.map((finding) => ({ ...finding, location })), { notes: ['Allowed origins: https://app.example.com (--origin).'] }));
    expect(text).toContain(
      ['SEVERITY  CHECK                PATH        ORIGIN', 'critical  reflects-any-origin  /api/items  https://attacker.example', 'info      max-age              /api/items  https://app.example.com'].join('\n'),
    );
    expect(text).toContain('CRITICAL  reflects-any-origin  /api/items\n  sent   GET /api/items  Origin: https://attacker.example\n  got    200  Access-Control-Allow-Origin: https://attacker.example');
    expect(text).toMatch(/\n {2}means {2}Access-Control-Allow-Origin echoes/u);
    expect(text).toMatch(/\n {2}fix {4}Allow a fixed list of origins/u);
    expect(text).toContain('/docs/probe/reflects-any-origin.md');
    expect(text).toContain('  where  src/server.js:12:9');
    expect(text).toContain('Notes:\n  - Allowed origins: https://app.example.com (--origin).');
    expect(text.trimEnd().split('\n').at(-1)).toBe('cors-fix probe: 2 findings (1 critical, 1 info) from 30 requests to http://127.0.0.1:3000/api/items (1 path, 0 inconclusive)');
    // Details wrap at 100 columns (the documentation links and the one-line summary do not).
    for (const line of text.split('\n')) if (line.startsWith(' ') && !line.includes('https://github.com/')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('says when there is nothing to report', () => {
    const clean = simulate(policyServer({ allows: only(APP), credentials: true })).findings;
    expect(clean).toEqual([]);
    expect(formatText(reportOf(clean))).toBe('No findings on /api/items.\n\ncors-fix probe: 0 findings from 30 requests to http://127.0.0.1:3000/api/items (1 path, 0 inconclusive)\n');
  });

  it('counts requests not sent in the summary', () => {
    expect(summaryLine(reportOf([], { requests: { sent: 60, inconclusive: 2, notSent: 14 } }))).toBe(
      'cors-fix probe: 0 findings from 60 requests to http://127.0.0.1:3000/api/items (1 path, 2 inconclusive, 14 not sent)',
    );
  });
});
