/** The probe's inputs: expected origins and allowlists, attacker origins, `.env` files, durations. */
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/cors-fix/probe/arguments.js';
import { parseEnvText } from '../../../src/cors-fix/probe/env-file.js';
import { attackerOrigins, originProblem, parseOriginList } from '../../../src/cors-fix/probe/origins.js';

describe('expected origins', () => {
  it.each([
    ['https://app.example.com', null],
    ['http://localhost:5173', null],
    ['https://app.example.com/', 'browsers send it as https://app.example.com'],
    ['https://App.example.com', 'browsers send it as https://app.example.com'],
    ['https://app.example.com:443', 'browsers send it as https://app.example.com'],
    ['app.example.com', 'it is not scheme://host[:port]'],
    ['*', "'*' is not an origin; list the origins of your web apps"],
    ['null', "'null' is not an origin that can be expected to be allowed"],
    ['ftp://files.example.com', 'only http:// and https:// origins can be probed'],
  ])('%s: %s', (text, problem) => {
    expect(originProblem(text)).toBe(problem);
  });

  it('reads a comma list or a JSON list, as the generated config module does', () => {
    expect(parseOriginList(' https://a.example.com , https://b.example.com,, ')).toEqual({ origins: ['https://a.example.com', 'https://b.example.com'] });
    expect(parseOriginList('["https://a.example.com"]')).toEqual({ origins: ['https://a.example.com'] });
    expect(parseOriginList('')).toEqual({ origins: [] });
    expect(parseOriginList('[nope')).toMatchObject({ error: expect.stringContaining('not valid JSON') });
    expect(parseOriginList('https://a.example.com,https://B.example.com/')).toEqual({ error: 'contains "https://B.example.com/", which is not a valid origin: browsers send it as https://b.example.com' });
  });
});

describe('attacker origins', () => {
  it('imitate an allowed origin in every way the checks name, under reserved names', () => {
    expect(attackerOrigins('https://app.example.com').map(({ origin, kind, variant }) => `${kind} ${variant}: ${origin}`)).toEqual([
      'lookalike suffix: https://app.example.com.attacker.test',
      'lookalike prefix: https://attackerapp.example.com',
      'lookalike unescaped dot: https://appxexample.com',
      'lookalike unescaped dot: https://app.examplexcom',
      'subdomain subdomain: https://evil.app.example.com',
      'subdomain sibling subdomain: https://evil.example.com',
      'insecure-scheme http:// downgrade: http://app.example.com',
      'lookalike other port: https://app.example.com:8443',
      'lookalike trailing dot: https://app.example.com.',
      'lookalike userinfo: https://app.example.com@attacker.test',
      'lookalike special character _: https://app.example.com_.attacker.test',
      'lookalike special character `: https://app.example.com`.attacker.test',
    ]);
  });

  it('keep the port, and skip what makes no sense for the origin (http has no downgrade, two labels no sibling)', () => {
    const origins = attackerOrigins('http://example.com:3000').map(({ origin }) => origin);
    expect(origins).toContain('http://example.com.attacker.test:3000');
    expect(origins).toContain('http://example.com:3001');
    expect(origins.some((origin) => origin.startsWith('https:'))).toBe(false);
    expect(origins).not.toContain('http://evil.com:3000');
  });

  it('build only the textual look-alikes of an IP origin', () => {
    expect(attackerOrigins('http://127.0.0.1:8080').map(({ variant }) => variant)).toEqual(['suffix', 'other port', 'trailing dot', 'userinfo', 'special character _', 'special character `']);
  });
});

describe('.env files', () => {
  it('reads assignments, quotes, export and comments; later lines win', () => {
    const values = parseEnvText(
      [
        '# origins',
        'CORS_ORIGINS=https://a.example.com,https://b.example.com # two apps',
        "export QUOTED='https://c.example.com # not a comment'",
        'DOUBLE="line\\nbreak"',
        'not an assignment',
        'PORT=3000',
        'PORT=4000',
      ].join('\r\n'),
    );
    expect(Object.fromEntries(values)).toEqual({
      CORS_ORIGINS: 'https://a.example.com,https://b.example.com',
      QUOTED: 'https://c.example.com # not a comment',
      DOUBLE: 'line\nbreak',
      PORT: '4000',
    });
  });
});

describe('durations', () => {
  it.each([
    ['5s', 5000],
    ['500ms', 500],
    ['1.5', 1500],
    ['0', 0],
    ['5 minutes', null],
    ['-1s', null],
  ])('%s is %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});
