import { describe, expect, it } from 'vitest';
import {
  isLoopbackHost,
  isOriginLike,
  matchesEveryOrigin,
  originLiteralProblems,
  regexProblems,
  saferRegex,
  serialisedOrigin,
} from '../../src/model/origin-patterns.js';

const regex = (literal: RegExp) => ({ pattern: literal.source, flags: literal.flags });
const problems = (literal: RegExp) => regexProblems(regex(literal)).map((finding) => finding.problem);

describe('origin-like strings', () => {
  it.each(['https://app.example.com', 'http://localhost:3000', 'chrome-extension://abc', 'HTTPS://X.COM'])('%s is origin-like', (text) => {
    expect(isOriginLike(text)).toBe(true);
  });
  it.each(['*', 'null', 'app.example.com', '/api', 'https:/x'])('%s is not', (text) => {
    expect(isOriginLike(text)).toBe(false);
  });
  it.each(['localhost', 'api.localhost', '127.0.0.1', '127.10.0.7', '[::1]', 'LOCALHOST'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['10.0.0.1', 'localhost.evil.com', '128.0.0.1', 'example.com'])('%s is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('origin literal problems', () => {
  const literalProblems = (text: string) =>
    originLiteralProblems(text).map((finding) => (finding.problem === 'not-serialised' ? `not-serialised:${finding.reason}` : finding.problem));

  it.each([
    ['https://app.example.com', []],
    ['https://app.example.com:8443', []],
    ['http://localhost:3000', []],
    ['http://127.0.0.1:5173', []],
    ['http://[::1]:8080', []],
    ['https://xn--bcher-kva.example', []],
    ['chrome-extension://abcdefghijklmnop', []],
    ['http://app.example.com', ['insecure-scheme']],
    ['https://app.example.com/', ['not-serialised:path']],
    ['https://app.example.com/app', ['not-serialised:path']],
    ['https://app.example.com?x=1', ['not-serialised:path']],
    ['https://App.Example.com', ['uppercase-host']],
    ['http://Partner.com/', ['insecure-scheme', 'not-serialised:path', 'uppercase-host']],
    ['https://app.example.com:443', ['not-serialised:default-port']],
    ['https://app.example.com:0443', ['not-serialised:default-port']],
    ['http://x.example:80', ['insecure-scheme', 'not-serialised:default-port']],
    ['http://localhost:80', ['not-serialised:default-port']],
    ['https://bücher.example', ['not-serialised:unicode-host']],
    ['HTTPS://app.example.com', ['not-serialised:form']],
    ['https://deploy@app.example.com', ['not-serialised:form']],
  ] as const)('%s → %j', (text, expected) => {
    expect(literalProblems(text)).toEqual(expected);
  });

  it('serialises origins the way browsers send them (the WHATWG URL origin)', () => {
    expect(serialisedOrigin('HTTPS://App.Example.com:8443/path?q#f')).toBe('https://app.example.com:8443');
    expect(serialisedOrigin('https://app.example.com:443')).toBe('https://app.example.com');
    expect(serialisedOrigin('http://x.example:80/')).toBe('http://x.example');
    expect(serialisedOrigin('https://bücher.example')).toBe('https://xn--bcher-kva.example');
    expect(serialisedOrigin('https://exa mple.com')).toBeNull();
  });
});

describe('regex origins', () => {
  it('recognises patterns that match every origin', () => {
    expect(matchesEveryOrigin(regex(/.*/))).toBe(true);
    expect(matchesEveryOrigin(regex(/^https?:\/\/.+$/))).toBe(true);
    expect(matchesEveryOrigin(regex(/^https:\/\/app\.example\.com$/))).toBe(false);
  });

  it.each([
    [/^https:\/\/app\.example\.com$/, []],
    [/^https:\/\/(app|admin)\.example\.com$/, []],
    [/^https:\/\/[a-z]+\.example\.com$/, []],
    [/^(https:\/\/a\.example\.com|https:\/\/b\.example\.com)$/, []],
    [/^https:\/\/a\.example\.com$|^https:\/\/b\.example\.com$/, []],
    [/^https:\/\/.+\.example\.com$/, []],
    [/\.example\.com$/, ['unanchored']],
    [/^https:\/\/app\.example\.com/, ['unanchored']],
    [/^https:\/\/app.example\.com$/, ['unescaped-dot']],
    [/^https:\/\/app\.example\.com$/g, ['stateful-flag']],
    [/example.com/y, ['unanchored', 'unescaped-dot', 'stateful-flag']],
    [/^https:\/\/([a-z0-9-]+\.)*example\.com$/, []],
    [/^https:\/\/[a-z0-9-]+\.example\.com$/, []],
    [/^https:\/\/.*\.example\.com$/, []],
    [/^https:\/\/app\.example\.(com|org)$/, []],
    [/^https:\/\/(www\.)?example\.com(:\d+)?$/, []],
    [/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/, []],
    [/^https:\/\/.*example\.com$/, ['look-alike-host']],
    [/^https:\/\/\w+example\.com$/, ['look-alike-host']],
    [/^https:\/\/[a-z0-9.-]*example\.com$/, ['look-alike-host']],
    [/^https:\/\/[^/]*example\.com$/, ['look-alike-host']],
    [/^https:\/\/app\.example\.com.*$/, ['look-alike-host']],
    [/^https:\/\/.*example.com$/, ['unescaped-dot', 'look-alike-host']],
  ] as const)('%s → %j', (literal, expected) => {
    expect(problems(literal)).toEqual(expected);
  });

  it.each([
    [/^https:\/\/.*example\.com$/, 'look-alike-host', 'https://attackerexample.com'],
    [/^https:\/\/\w+example\.com$/, 'look-alike-host', 'https://attackerexample.com'],
    [/^https:\/\/app\.example\.com.*$/, 'look-alike-host', 'https://app.example.com.attacker.example'],
    [/^https:\/\/app\.example\.com/, 'unanchored', 'https://app.example.com.attacker.example'],
    [/example\.com$/, 'unanchored', 'https://attacker-example.com'],
    [/\.example\.com$/, 'unanchored', null],
    [/^https:\/\/app.example\.com$/, 'unescaped-dot', 'https://app-example.com'],
  ] as const)('%s: %s names %s', (literal, problem, example) => {
    const finding = regexProblems(regex(literal)).find((candidate) => candidate.problem === problem);
    expect(finding?.example).toBe(example);
  });

  it('judges a pattern built with new RegExp from strings the same way', () => {
    expect(regexProblems({ pattern: '^https://.*' + 'example\\.com$', flags: '' }).map((finding) => finding.problem)).toEqual(['look-alike-host']);
  });

  it('suggests an anchored, escaped, stateless pattern', () => {
    // A host written without a scheme keeps matching its subdomains over https.
    expect(saferRegex(regex(/app.example\.com/g))).toEqual({ pattern: String.raw`^https:\/\/(?:[a-z0-9-]+\.)*app\.example\.com$`, flags: '' });
    expect(saferRegex(regex(/\.example\.com$/))).toEqual({ pattern: String.raw`^https:\/\/(?:[a-z0-9-]+\.)+example\.com$`, flags: '' });
    expect(saferRegex(regex(/^https:\/\/a\.com|https:\/\/b\.com/))).toEqual({ pattern: String.raw`^(?:https:\/\/a\.com|https:\/\/b\.com)$`, flags: '' });
    for (const literal of [/app.example\.com/g, /^https:\/\/x.example.com/]) {
      const safer = saferRegex(regex(literal));
      expect(safer && problems(new RegExp(safer.pattern, safer.flags))).toEqual([]);
    }
  });

  it('does not crash on patterns it cannot parse', () => {
    expect(regexProblems({ pattern: '(', flags: '' })).toEqual([]);
    expect(saferRegex({ pattern: '(', flags: '' })).toBeNull();
  });
});
