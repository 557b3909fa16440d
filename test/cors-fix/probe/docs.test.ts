/**
 * The probe's docs: one page per check id with the raw request and response that trigger it, why it matters and the
 * fix; the index lists every check; reports link to existing pages; the README points to the index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, checkDocsUrl } from '../../../src/cors-fix/probe/checks-catalogue.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCS = join(ROOT, 'docs', 'probe');
const SECTIONS = ['What the probe sends and gets', 'Why it matters', 'Fix', 'Related'];

function sections(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gmu, '');
  return [...prose.matchAll(/^## (.+)$/gmu)].map((match) => (match[1] ?? '').trim());
}

describe.each(CHECK_IDS)('docs/probe/%s.md', (check) => {
  const path = join(DOCS, `${check}.md`);

  it('exists, is titled with the check id, states the severity and has the sections', () => {
    expect(existsSync(path), `${path} is missing`).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe(`# \`${check}\``);
    expect(text).toMatch(/^\*\*Severity:\*\* /mu);
    expect(sections(text)).toEqual(SECTIONS);
  });

  it('shows a raw request and the response it got', () => {
    const blocks = [...readFileSync(path, 'utf8').matchAll(/^```http\n([\s\S]*?)^```$/gmu)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block).toMatch(/^(GET|OPTIONS) \/\S* HTTP\/1\.1\nHost: \S+\nOrigin: \S+\n/u);
      expect(block).toMatch(/\n\nHTTP\/1\.1 \d{3} [A-Za-z ]+\n/u);
    }
  });

  it('has working relative links', () => {
    for (const [, target] of readFileSync(path, 'utf8').matchAll(/\]\((\.{0,2}\/?[^)#:]+\.md)\)/gu)) {
      expect(existsSync(join(DOCS, target as string)), `${check}.md links to ${target}`).toBe(true);
    }
  });
});

describe('the index', () => {
  const index = readFileSync(join(DOCS, 'README.md'), 'utf8');

  it('lists every check and no other page', () => {
    for (const check of CHECK_IDS) expect(index).toContain(`[\`${check}\`](${check}.md)`);
    const pages = readdirSync(DOCS).filter((name) => name !== 'README.md').map((name) => name.replace(/\.md$/u, ''));
    expect(pages.sort()).toEqual([...CHECK_IDS].sort());
  });

  it('is where reports link to, and the README points to it', () => {
    expect(checkDocsUrl('drift')).toMatch(/\/blob\/main\/docs\/probe\/drift\.md$/u);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('## Check a running API');
    expect(readme).toContain('(docs/probe/README.md)');
  });
});
