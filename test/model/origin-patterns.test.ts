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
  it.each([
    ['https://app.example.com', []],
    ['https://app.example.com:8443', []],
    ['http://localhost:3000', []],
    ['http://127.0.0.1:5173', []],
    ['http://app.example.com', ['insecure-scheme']],
    ['https://app.example.com/', ['not-serialised']],
    ['https://app.example.com/app', ['not-serialised']],
    ['https://app.example.com?x=1', ['not-serialised']],
    ['https://App.Example.com', ['uppercase-host']],
    ['http://Partner.com/', ['insecure-scheme', 'not-serialised', 'uppercase-host']],
  ] as const)('%s → %j', (text, expected) => {
    expect(originLiteralProblems(text)).toEqual(expected);
  });

  it('serialises origins the way browsers send them', () => {
    expect(serialisedOrigin('HTTPS://App.Example.com:8443/path?q#f')).toBe('https://app.example.com:8443');
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
  ] as const)('%s → %j', (literal, expected) => {
    expect(problems(literal)).toEqual(expected);
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
