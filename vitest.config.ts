import { defineConfig } from 'vitest/config';

/** Slow suites: real servers and browsers, package installs from a local registry, large corpora. */
const E2E = ['test/e2e/**/*.test.ts', 'test/ground-truth/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/robustness.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/results.json' },
    pool: 'forks',
    projects: [
      // `npm test`: rules, model, fixtures, cors-fix (in process and on small example servers), repository checks.
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: E2E } },
      // `npm run test:e2e`.
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
