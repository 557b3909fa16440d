/** `drift`: the running server against what the code declares, on recorded pairs; refusals of declared things are drift only. */
import { describe, expect, it } from 'vitest';
import { type VariableValue, declarationOf } from '../../../src/cors-fix/probe/declaration.js';
import type { PolicyExpectation } from '../../../src/cors-fix/probe/project.js';
import { ADMIN, APP, found, only, policyServer, simulate } from './simulate.js';

const SHOP = 'https://shop.example.com';

function policy(overrides: Partial<PolicyExpectation> = {}): PolicyExpectation {
  return {
    location: { file: 'src/server.js', line: 12, column: 9, endLine: 19, endColumn: 2 },
    framework: 'express cors',
    routes: [{ path: '/api/items', streams: false }],
    routeMethods: ['GET', 'PUT', 'DELETE'],
    origins: { listed: [], patterns: [], variables: ['CORS_ORIGINS'], open: false, unknown: false, conditional: false },
    credentials: true,
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
    headers: ['authorization', 'content-type', 'x-request-id'],
    maxAge: 600,
    ...overrides,
  };
}

const fromEnv = (origins: string[]) => (name: string): VariableValue | null => (name === 'CORS_ORIGINS' ? { origins, source: '--env-file .env.production' } : null);

describe('drift', () => {
  it('is silent when the server does what the code and the environment say', () => {
    const declaration = declarationOf(policy(), fromEnv([APP]));
    expect(found(simulate(policyServer({ allows: only(APP), credentials: true }), { declaration }))).toEqual([]);
  });

  it('reports a server that refuses the origins CORS_ORIGINS lists (low), instead of allowed-origin-refused', () => {
    const declaration = declarationOf(policy(), fromEnv([SHOP]));
    const simulation = simulate(policyServer({ allows: only(ADMIN), credentials: true }), { declaration, expected: [SHOP] });
    expect(found(simulation)).toEqual(['drift:low']);
    expect(simulation.findings[0]?.found).toContain('the server refuses https://shop.example.com, which the code allows');
    expect(simulation.findings[0]?.found).toContain('CORS_ORIGINS=https://shop.example.com (from --env-file .env.production)');
    expect(simulation.findings[0]?.location).toMatchObject({ file: 'src/server.js', line: 12 });
  });

  it('reports a server that lets in more than the code lists (medium), besides what that opening is', () => {
    const declaration = declarationOf(policy({ origins: { listed: [APP], patterns: [], variables: [], open: false, unknown: false, conditional: false } }), () => null);
    const simulation = simulate(policyServer({ allows: () => true, credentials: true }), { declaration });
    expect(found(simulation)).toEqual(['drift:medium', 'reflects-any-origin:critical']);
    expect(simulation.findings.find((finding) => finding.check === 'drift')?.found).toContain('the server allows https://attacker.example, which the code does not');
  });

  it('says nothing about origins where the code does not decide them (a variable not set here, *, a conditional)', () => {
    for (const origins of [
      { listed: [], patterns: [], variables: ['CORS_ORIGINS'], open: false, unknown: false, conditional: false },
      { listed: [SHOP], patterns: [], variables: [], open: true, unknown: false, conditional: true },
    ]) {
      const declaration = declarationOf(policy({ origins }), () => null);
      expect(found(simulate(policyServer({ allows: only(APP), credentials: true }), { declaration }))).toEqual([]);
    }
  });

  it('leaves preflights refused for their origin (here * with credentials) to the origin findings', () => {
    const declaration = declarationOf(policy({ origins: { listed: [], patterns: [], variables: [], open: true, unknown: false, conditional: false } }), () => null);
    expect(found(simulate(policyServer({ star: true, credentials: true }), { declaration }))).toEqual(['wildcard-with-credentials:low']);
  });

  it('compares credentials', () => {
    const declaration = declarationOf(policy({ credentials: false }), fromEnv([APP]));
    const simulation = simulate(policyServer({ allows: only(APP), credentials: true }), { declaration });
    expect(found(simulation)).toEqual(['drift:medium']);
    expect(simulation.findings[0]?.found).toMatch(/^Credentials: the server allows credentials, which the code does not/u);
  });

  it('reports a declared method the server refuses as drift, not preflight-rejects-method', () => {
    const declaration = declarationOf(policy(), fromEnv([APP]));
    const simulation = simulate(policyServer({ allows: only(APP), credentials: true, methods: 'GET,HEAD,POST,PATCH' }), { declaration });
    expect(found(simulation)).toEqual(['drift:low']);
    expect(simulation.findings[0]?.found).toContain('the server refuses PUT, DELETE, which the code allows');
  });

  it('reports an undeclared method the routes serve as preflight-rejects-method; one they do not serve is not reported', () => {
    const declaration = declarationOf(policy({ methods: ['GET', 'HEAD', 'POST'] }), fromEnv([APP]));
    const simulation = simulate(policyServer({ allows: only(APP), credentials: true, methods: 'GET,HEAD,POST' }), { declaration });
    expect(found(simulation)).toEqual(['preflight-rejects-method:low']);
    expect(simulation.findings[0]?.found).toContain('for PUT, DELETE is refused');
  });

  it('reports headers the server answers differently from the code (a proxy that reflects them, say)', () => {
    const declaration = declarationOf(policy({ headers: ['content-type'] }), fromEnv([APP]));
    const simulation = simulate(policyServer({ allows: only(APP), credentials: true, headers: null }), { declaration });
    expect(found(simulation)).toEqual(['drift:low']);
    expect(simulation.findings[0]?.found).toContain('Request headers: the server allows authorization, x-request-id, which the code does not');
  });

  it('reports a preflight cache other than the code sets, instead of max-age', () => {
    const declaration = declarationOf(policy(), fromEnv([APP]));
    const simulation = simulate(policyServer({ allows: only(APP), credentials: true, maxAge: null }), { declaration });
    expect(found(simulation)).toEqual(['drift:low']);
    expect(simulation.findings[0]?.found).toMatch(/^Preflight cache: the server sends no Access-Control-Max-Age; the code sets 600/u);
  });

  it('answers origin questions from listed origins, patterns and variables', () => {
    const declaration = declarationOf(
      policy({ origins: { listed: [SHOP], patterns: [{ source: '^https://[a-z]+\\.example\\.org$', flags: '' }], variables: ['CORS_ORIGINS'], open: false, unknown: false, conditional: false } }),
      fromEnv([APP]),
    );
    expect([SHOP, 'https://docs.example.org', APP, ADMIN].map((origin) => declaration.allowsOrigin(origin))).toEqual([true, true, true, false]);
    expect(declaration.describeOrigins()).toBe('https://shop.example.com and /^https://[a-z]+\\.example\\.org$/ and CORS_ORIGINS=https://app.example.com (from --env-file .env.production)');
  });

  it('treats * in declared lists as literal with credentials, and never as Authorization', () => {
    const withCredentials = declarationOf(policy({ headers: ['*'], methods: ['*'] }), () => null);
    expect([withCredentials.allowsHeader('x-request-id'), withCredentials.allowsMethod('PUT'), withCredentials.allowsMethod('POST')]).toEqual([false, false, true]);
    const without = declarationOf(policy({ headers: ['*'], methods: ['*'], credentials: false }), () => null);
    expect([without.allowsHeader('x-request-id'), without.allowsHeader('authorization'), without.allowsMethod('PUT')]).toEqual([true, false, true]);
  });
});
