/**
 * The vitest suite for one framework: one run of every generated configuration in `beforeAll`, then one test per
 * comparison axis. A failing axis lists the disagreements of that axis (with a minimal options object per class).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from './config.js';
import { AXES } from './compare.js';
import { classTable, LABELS, recordRun, summaryLine } from './report.js';
import { type FrameworkRun, runFramework } from './run.js';
import { closeAllServers } from './servers.js';

/** Generous: the whole suite takes well under a minute per framework; the hook only has to outlast a slow machine. */
const RUN_TIMEOUT_MS = 170_000;

export function defineGroundTruth(target: Target): void {
  describe(`ground truth: ${LABELS[target]}`, () => {
    let run: FrameworkRun | null = null;

    beforeAll(async () => {
      run = await runFramework(target);
      recordRun(run);
      const lines = [summaryLine(run)];
      if (run.classes.length > 0) lines.push(classTable(run.classes, run.bugs, run.seed));
      process.stdout.write(`\n${lines.join('\n')}\n`);
    }, RUN_TIMEOUT_MS);

    afterAll(async () => {
      await closeAllServers();
      run = null;
    });

    it('checks every generated configuration', () => {
      expect(run).not.toBeNull();
      const current = run as FrameworkRun;
      expect(current.results).toHaveLength(current.runs);
      // Something was compared: a run that compares nothing must not pass silently.
      expect(current.results.filter((result) => result.comparedRequests > 0).length).toBeGreaterThan(current.runs / 2);
    });

    for (const axis of AXES) {
      it(`${axis}: the model agrees with the library`, () => {
        const current = run as FrameworkRun;
        const bugs = current.bugs.filter((bug) => bug.axis === axis);
        if (bugs.length === 0) return;
        const classes = current.classes.filter((cls) => cls.axis === axis);
        expect.fail(`${bugs.length} disagreements on ${axis} for ${LABELS[target]}\n${classTable(classes, bugs, current.seed)}`);
      });
    }
  });
}
