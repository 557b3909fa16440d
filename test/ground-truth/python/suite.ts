/**
 * The vitest suite for one Python library: generate the configurations (seeded), read each file with the model, serve
 * them all from one real server, probe each, compare, and fail one test per axis that has disagreements. The run's
 * numbers go to `test-results/ground-truth-python.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON_FRAMEWORKS } from '../../../src/frameworks/python.js';
import { parsePython } from '../../../src/python/parser.js';
import { readPython } from '../../../src/python/read-python.js';
import { AXES, type Disagreement, type Reading, compare } from './compare.js';
import { type PythonConfig, type PythonTarget, configSource, describeConfig, runsFor, sampleConfigs, seed } from './configs.js';
import { type Observation, probe, requirePython, serve, stopAll } from './server.js';

const FRAMEWORK_IDS: Record<PythonTarget, string> = { starlette: 'starlette', flask: 'flask-cors', django: 'django-cors-headers' };
const RESULTS = join(import.meta.dirname, '..', '..', '..', 'test-results', 'ground-truth-python.json');

interface Run {
  configs: PythonConfig[];
  compared: number[];
  requests: number;
  disagreements: Disagreement[];
  versions: Record<string, string>;
}

async function read(config: PythonConfig, target: PythonTarget): Promise<Reading> {
  const text = configSource(config);
  const tree = await parsePython(text);
  const file = readPython(tree, `/gt/${target}.py`);
  const wanted = FRAMEWORK_IDS[target];
  const policies = file.policies.filter((policy) => policy.framework.id === wanted);
  if (policies.length !== 1 || file.policies.length !== 1) return { policy: policies[0] ?? null, structure: `${file.policies.length} policies (${file.policies.map((policy) => policy.framework.id).join(', ')})` };
  return { policy: policies[0] ?? null, structure: null };
}

async function runTarget(target: PythonTarget): Promise<Run> {
  const versions = requirePython(target);
  const framework = PYTHON_FRAMEWORKS.find((candidate) => candidate.id === FRAMEWORK_IDS[target]);
  if (!framework) throw new Error(`no framework entry for ${target}`);
  const configs = sampleConfigs(target, seed(), runsFor());
  const readings = await Promise.all(configs.map((config) => read(config, target)));
  const served = await serve(target, configs);
  const run: Run = { configs, compared: [], requests: 0, disagreements: [], versions };
  try {
    for (const [index, config] of configs.entries()) {
      const observations: Observation[] = await probe(served.port, index);
      run.requests += observations.length;
      const outcome = compare(config, readings[index] as Reading, framework, observations, served.loadErrors.get(index) ?? null);
      run.compared.push(outcome.compared);
      run.disagreements.push(...outcome.disagreements);
    }
  } finally {
    await served.stop();
  }
  return run;
}

function record(target: PythonTarget, run: Run): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    // First run: nothing to merge.
  }
  all[target] = {
    seed: seed(),
    configurations: run.configs.length,
    configurationsCompared: run.compared.filter((count) => count > 0).length,
    requests: run.requests,
    requestsCompared: run.compared.reduce((sum, count) => sum + count, 0),
    disagreements: run.disagreements.length,
    versions: run.versions,
  };
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

function table(disagreements: readonly Disagreement[]): string {
  const classes = new Map<string, Disagreement[]>();
  for (const item of disagreements) {
    const key = `${item.axis} | ${item.basis} | model ${item.predicted}`;
    classes.set(key, [...(classes.get(key) ?? []), item]);
  }
  return [...classes.entries()]
    .map(([key, items]) => {
      const smallest = [...items].sort((a, b) => describeConfig(a.config).length - describeConfig(b.config).length)[0] as Disagreement;
      return `${key} (${items.length}×)\n    ${describeConfig(smallest.config)}\n    ${smallest.probe} ${smallest.request}: model ${smallest.predicted}, library ${smallest.actual}`;
    })
    .join('\n');
}

export function definePythonGroundTruth(target: PythonTarget): void {
  describe(`ground truth: ${target} (Python)`, () => {
    let run: Run | null = null;

    beforeAll(async () => {
      run = await runTarget(target);
      record(target, run);
      const compared = run.compared.reduce((sum, count) => sum + count, 0);
      process.stdout.write(`\n${target}: ${run.configs.length} configurations, ${run.requests} requests, ${compared} compared, ${run.disagreements.length} disagreements (seed ${seed()})\n`);
    }, 170_000);

    afterAll(async () => {
      await stopAll();
    });

    it('compares most generated configurations', () => {
      expect(run).not.toBeNull();
      const current = run as Run;
      expect(current.compared.filter((count) => count > 0).length).toBeGreaterThan(current.configs.length / 2);
    });

    for (const axis of AXES) {
      it(`${axis}: the model agrees with the library`, () => {
        const current = run as Run;
        const found = current.disagreements.filter((item) => item.axis === axis);
        if (found.length > 0) expect.fail(`${found.length} disagreements on ${axis} for ${target}\n${table(found)}`);
      });
    }
  });
}
