/**
 * The probe's checks on recorded request/response pairs: the plan and request building of the engine, answered by
 * policies written as functions. Each class is found where it exists and not where it does not; one cause gives one
 * finding.
 */
import { describe, expect, it } from 'vitest';
import { judgePreflight, originAnswer } from '../../../src/cors-fix/probe/cors-answer.js';
import { ADMIN, APP, found, only, policyServer, simulate } from './simulate.js';

const LISTED = only(APP, ADMIN);
const CORRECT = { allows: LISTED, credentials: true, contentType: 'text/event-stream' };

describe('a correct policy', () => {
  it('gives no finding at all (listed origins, credentials, every method and header, Vary, Max-Age 600)', () => {
    const simulation = simulate(policyServer(CORRECT), { expected: [APP, ADMIN] });
    expect(found(simulation)).toEqual([]);
    // The plan did probe the hard cases: look-alikes, null, the Cookie twins, the stream and its resume headers.
    const sent = simulation.exchanges.map((exchange) => `${exchange.probe.purpose}${exchange.probe.cookie ? '+cookie' : ''}`);
    expect(sent).toEqual(expect.arrayContaining(['lookalike', 'lookalike+cookie', 'subdomain', 'insecure-scheme', 'null', 'null+cookie', 'event-stream-preflight', 'arbitrary+cookie']));
  });
});

describe('origins every website can take', () => {
  it('an echoed arbitrary origin with credentials is reflects-any-origin, critical, and nothing it implies', () => {
    const simulation = simulate(policyServer({ allows: () => true, credentials: true }));
    expect(found(simulation)).toEqual(['reflects-any-origin:critical']);
    expect(simulation.findings[0]).toMatchObject({ origin: 'https://attacker.example', path: '/api/items' });
    // Look-alikes and null are implied: they are not even sent.
    expect(simulation.exchanges.some((exchange) => exchange.probe.attacker !== null || exchange.probe.purpose === 'null')).toBe(false);
  });

  it('an echoed arbitrary origin without credentials is medium', () => {
    expect(found(simulate(policyServer({ allows: () => true })))).toEqual(['reflects-any-origin:medium']);
  });

  it('a literal * is wildcard-origin (low), never reflects-any-origin', () => {
    expect(found(simulate(policyServer({ star: true })))).toEqual(['wildcard-origin:low']);
  });

  it('* with credentials is wildcard-with-credentials, not also allowed-origin-refused', () => {
    expect(found(simulate(policyServer({ star: true, credentials: true })))).toEqual(['wildcard-with-credentials:low']);
  });

  it('null is allows-null-origin: critical with credentials, medium without', () => {
    expect(found(simulate(policyServer({ allows: only(APP, 'null'), credentials: true })))).toEqual(['allows-null-origin:critical']);
    expect(found(simulate(policyServer({ allows: only(APP, 'null') })))).toEqual(['allows-null-origin:medium']);
  });
});

describe('origins that imitate an allowed one', () => {
  it('an unanchored pattern trusts look-alikes (critical), subdomains and http:// (high) with credentials', () => {
    const simulation = simulate(policyServer({ allows: (origin) => /app\.example\.com/u.test(origin), credentials: true }));
    expect(found(simulation)).toEqual(['trusts-any-subdomain:high', 'trusts-insecure-scheme:high', 'trusts-lookalike-origin:critical']);
    const lookalike = simulation.findings.find((finding) => finding.check === 'trusts-lookalike-origin');
    expect(lookalike?.origin).toBe('https://app.example.com.attacker.test');
    expect(lookalike?.found).toContain('suffix of https://app.example.com');
    expect(lookalike?.found).toContain('https://attackerapp.example.com (prefix)');
  });

  it('without credentials each of them is medium', () => {
    expect(found(simulate(policyServer({ allows: (origin) => /app\.example\.com/u.test(origin) })))).toEqual([
      'trusts-any-subdomain:medium',
      'trusts-insecure-scheme:medium',
      'trusts-lookalike-origin:medium',
    ]);
  });

  it('an unescaped dot alone is found through its own look-alike', () => {
    const simulation = simulate(policyServer({ allows: (origin) => /^https:\/\/app.example\.com$/u.test(origin), credentials: true }));
    expect(found(simulation)).toEqual(['trusts-lookalike-origin:critical']);
    expect(simulation.findings[0]?.origin).toBe('https://appxexample.com');
  });

  it('trusting every subdomain of the parent domain is trusts-any-subdomain; the prefix it implies is not also a look-alike', () => {
    const simulation = simulate(policyServer({ allows: (origin) => /^https:\/\/([a-z0-9-]+\.)*example\.com$/u.test(origin), credentials: true }));
    expect(found(simulation)).toEqual(['trusts-any-subdomain:high']);
  });

  it('an https-or-http pattern is trusts-insecure-scheme only', () => {
    expect(found(simulate(policyServer({ allows: (origin) => /^https?:\/\/app\.example\.com$/u.test(origin), credentials: true })))).toEqual(['trusts-insecure-scheme:high']);
  });

  it('a startsWith check is found through the suffix, port and userinfo look-alikes', () => {
    const simulation = simulate(policyServer({ allows: (origin) => origin.startsWith(APP), credentials: true }));
    expect(found(simulation)).toEqual(['trusts-lookalike-origin:critical']);
    for (const variant of ['other port', 'trailing dot', 'userinfo', 'special character _', 'special character `']) expect(simulation.findings[0]?.found).toContain(`(${variant})`);
  });
});

describe('the Cookie', () => {
  // Starlette's CORSMiddleware with allow_origins=["*"] and allow_credentials=True: `*` on simple requests without a
  // cookie, the request origin on those with one and on preflights.
  const starlette = policyServer({ star: true, credentials: true });
  const starletteExplicit = policyServer({ allows: () => true, credentials: true });
  const server = (request: Parameters<typeof starlette>[0]) => (request.method === 'OPTIONS' || request.headers.cookie ? starletteExplicit(request) : starlette(request));

  it('an answer that echoes any origin only with a Cookie is cookie-dependent-reflection plus reflects-any-origin', () => {
    const simulation = simulate(server);
    expect(found(simulation)).toEqual(['cookie-dependent-reflection:medium', 'reflects-any-origin:critical']);
    const reflected = simulation.findings.find((finding) => finding.check === 'reflects-any-origin');
    expect(reflected?.request?.headers.cookie).toBe('cors-probe=1');
    expect(reflected?.found).toContain('when the request carries a Cookie');
  });

  it('a Cookie that changes only the allowed origin’s answer is low', () => {
    const cookieOnly = policyServer({ allows: LISTED, credentials: true });
    const none = policyServer({ credentials: true, vary: false });
    const simulation = simulate((request) => (request.method === 'GET' && request.headers.origin === APP && !request.headers.cookie ? none(request) : cookieOnly(request)));
    expect(found(simulation)).toContain('cookie-dependent-reflection:low');
  });
});

describe('Vary: Origin', () => {
  it('is missing-vary-origin (medium) where the answer names the request origin', () => {
    const simulation = simulate(policyServer({ allows: LISTED, credentials: true, vary: false }), { expected: [APP, ADMIN] });
    expect(found(simulation)).toEqual(['missing-vary-origin:medium']);
    expect(simulation.findings[0]?.origin).toBe(APP);
  });

  it('is not needed for one fixed origin sent to everyone', () => {
    const fixed = policyServer({ allows: () => false, credentials: true, vary: false });
    const simulation = simulate((request) => {
      const response = fixed(request);
      return response && { ...response, headers: { ...response.headers, 'access-control-allow-origin': APP } };
    });
    expect(found(simulation)).toEqual([]);
  });
});

describe('refusals', () => {
  it('an expected origin without Access-Control-Allow-Origin is allowed-origin-refused (low), with the others it shares the cause with', () => {
    const simulation = simulate(policyServer({ allows: only(APP), credentials: true }), { expected: [APP, ADMIN, 'https://shop.example.com'] });
    expect(found(simulation)).toEqual(['allowed-origin-refused:low']);
    expect(simulation.findings[0]?.origin).toBe(ADMIN);
    expect(simulation.findings[0]?.found).toContain('so does https://shop.example.com');
  });

  it('PUT, PATCH and DELETE missing from the methods are one preflight-rejects-method finding', () => {
    const simulation = simulate(policyServer({ allows: LISTED, credentials: true, methods: 'GET,HEAD,POST' }));
    expect(found(simulation)).toEqual(['preflight-rejects-method:low']);
    expect(simulation.findings[0]?.found).toContain('for PUT, PATCH, DELETE is refused (Access-Control-Allow-Methods: GET, HEAD, POST)');
  });

  it('--method adds a method to check', () => {
    const simulation = simulate(policyServer({ allows: LISTED, credentials: true }), { methods: ['PURGE'] });
    expect(found(simulation)).toEqual(['preflight-rejects-method:low']);
    expect(simulation.findings[0]?.found).toContain('for PURGE');
  });

  it('headers missing from Access-Control-Allow-Headers are preflight-rejects-header, naming them', () => {
    const simulation = simulate(policyServer({ allows: LISTED, credentials: true, headers: 'Content-Type' }));
    expect(found(simulation)).toEqual(['preflight-rejects-header:low']);
    expect(simulation.findings[0]?.found).toContain('asking for authorization, x-request-id is refused');
  });

  it('a strict server (400 on anything not allowed) is put down to the headers it does not list', () => {
    const simulation = simulate(policyServer({ allows: LISTED, credentials: true, headers: 'Content-Type', strictStatus: 400 }));
    expect(simulation.findings.find((finding) => finding.check === 'preflight-rejects-header')?.found).toContain('asking for authorization, x-request-id is refused (status 400; Access-Control-Allow-Headers: Content-Type)');
  });

  it('* in the allowed headers does not cover Authorization, nor anything with credentials', () => {
    expect(simulate(policyServer({ allows: LISTED, headers: '*' })).findings.map((finding) => finding.found)).toEqual([expect.stringContaining('asking for authorization is refused')]);
    expect(simulate(policyServer({ allows: LISTED, credentials: true, headers: '*' })).findings[0]?.found).toContain('asking for authorization, content-type, x-request-id is refused');
  });

  it('a stream whose resume headers are refused is sse-resume-blocked, not also preflight-rejects-header', () => {
    const simulation = simulate(policyServer({ ...CORRECT, headers: 'Authorization,Content-Type,X-Request-ID' }));
    expect(found(simulation)).toEqual(['sse-resume-blocked:low']);
    expect(simulation.findings[0]?.found).toContain('asking for cache-control, last-event-id is refused');
  });

  it('resume headers are not asked for where nothing streams', () => {
    const simulation = simulate(policyServer({ allows: LISTED, credentials: true, headers: 'Authorization,Content-Type,X-Request-ID' }));
    expect(found(simulation)).toEqual([]);
    expect(simulation.exchanges.some((exchange) => exchange.probe.purpose === 'event-stream-preflight')).toBe(false);
  });

  it('preflights refused because the origin is refused are reported once, as allowed-origin-refused', () => {
    expect(found(simulate(policyServer({ allows: () => false, credentials: true })))).toEqual(['allowed-origin-refused:low']);
  });
});

describe('max-age', () => {
  it.each([
    [null, ['max-age:info']],
    ['0', ['max-age:info']],
    ['600', []],
    ['7200', ['max-age:low']],
  ] as const)('Access-Control-Max-Age %s gives %j', (maxAge, expected) => {
    expect(found(simulate(policyServer({ allows: LISTED, credentials: true, maxAge })))).toEqual(expected);
  });
});

describe('without an expected origin', () => {
  it('still finds * and reflection, and sends no preflight from a refused arbitrary origin', () => {
    expect(found(simulate(policyServer({ star: true }), { expected: [] }))).toEqual(['wildcard-origin:low']);
    const refused = simulate(policyServer({ allows: LISTED }), { expected: [] });
    expect(found(refused)).toEqual([]);
    expect(refused.exchanges.some((exchange) => exchange.probe.method === 'OPTIONS')).toBe(false);
  });
});

describe('browser rules', () => {
  const response = (headers: Record<string, string>, status = 204) => ({ status, headers });

  it('reads Access-Control-Allow-Origin byte for byte, and credentials only as exactly "true"', () => {
    expect(originAnswer(response({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true' }), APP)).toMatchObject({ readable: true, readableWithCredentials: true });
    expect(originAnswer(response({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'True' }), APP).readableWithCredentials).toBe(false);
    expect(originAnswer(response({ 'access-control-allow-origin': `${APP}/` }), APP).readable).toBe(false);
    expect(originAnswer(response({ 'access-control-allow-origin': `${APP}, ${ADMIN}` }), APP).readable).toBe(false);
  });

  it('judges methods case-sensitively and needs an ok status', () => {
    const allow = { 'access-control-allow-origin': APP, 'access-control-allow-methods': 'get,put' };
    expect(judgePreflight(response(allow), APP, 'PUT', [], false).methodRefused).toBe(true);
    expect(judgePreflight(response({ ...allow, 'access-control-allow-methods': 'PUT' }), APP, 'PUT', [], false).methodRefused).toBe(false);
    expect(judgePreflight(response({ ...allow, 'access-control-allow-methods': 'PUT' }, 403), APP, 'PUT', [], false)).toMatchObject({ failure: 'status 403', methodRefused: true });
    expect(judgePreflight(response({ ...allow, 'access-control-allow-methods': '*' }), APP, 'DELETE', [], true).methodRefused).toBe(true);
  });
});
