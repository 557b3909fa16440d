/**
 * Every documented exception still holds: the library still behaves as the entry says (else the library changed and
 * the entry must go), and the model still differs from it in exactly the excepted way (else the model learned it and
 * the entry is stale).
 */
import { describe, expect, it } from 'vitest';
import { describeConfig } from './harness/config.js';
import { checkConfig } from './harness/run.js';
import { EXCEPTIONS } from './exceptions.js';

describe('ground truth: documented exceptions', () => {
  for (const rule of EXCEPTIONS) {
    for (const witness of rule.witnesses) {
      it(`${rule.id}: ${witness.config.target} ${describeConfig(witness.config)}`, async () => {
        const result = await checkConfig(witness.config);
        expect(witness.check(result.observations), `${rule.id}: the library no longer behaves as documented: ${rule.behaviour}`).toBeNull();
        const covered = result.disagreements.filter((disagreement) => disagreement.axis === rule.axis && rule.matches(disagreement, result.observations));
        expect(covered.length, `${rule.id}: the model no longer differs here; remove the exception`).toBeGreaterThan(0);
      });
    }
  }
});
