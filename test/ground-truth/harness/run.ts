/**
 * Runs the differential check for one framework: generate configurations (seeded), ask the model, start the library,
 * probe it, compare; then sort disagreements into documented exceptions and model bugs, and shrink each class of
 * model bug to a minimal options object.
 */
import { type Config, type Target, describeConfig, shrinkSteps } from './config.js';
import { type Axis, type Disagreement, compare } from './compare.js';
import { runsFor, sampleConfigs, seed } from './generate.js';
import { modelFor } from './model.js';
import { predict, verdictProbes } from './predict.js';
import { PROBES, type Observation, probeHang, probeServer } from './probe.js';
import { startServer } from './servers.js';
import { EXCEPTIONS, type ExceptionRule } from '../exceptions.js';

export interface ConfigResult {
  config: Config;
  code: string;
  /**
   * A misuse the model flags, checked for the effect it states: an origin of an unsupported type (a 500, echoed,
   * or sent as text), an origin function that never answers (`hang`), a list of the wrong type (`crash`, `dropped`).
   */
  misuse: 'server-error' | 'reflect' | 'as-text' | 'substring' | 'hang' | 'crash' | 'dropped' | null;
  comparedRequests: number;
  /** Origins a rule's message names as let in, each probed. */
  namedOrigins: number;
  /** The model finds no unsafe origin pattern in this policy of listed origins: the look-alike probes must be denied. */
  lookAlikesDenied: boolean;
  observations: Observation[];
  disagreements: Disagreement[];
}

export interface ClassifiedDisagreement extends Disagreement {
  exception: ExceptionRule | null;
}

export interface DisagreementClass {
  key: string;
  target: Target;
  axis: Axis;
  basis: string;
  predicted: string;
  actual: string;
  count: number;
  configs: number;
  /** The smallest options object found that still shows this class. */
  minimal: Config;
  minimalExample: Disagreement;
}

export interface FrameworkRun {
  target: Target;
  seed: number;
  runs: number;
  results: ConfigResult[];
  bugs: ClassifiedDisagreement[];
  excepted: ClassifiedDisagreement[];
  classes: DisagreementClass[];
  exceptionsUsed: Record<string, number>;
  durationMs: number;
}

/** One configuration end to end. Servers are always closed. */
export async function checkConfig(config: Config): Promise<ConfigResult> {
  const reading = modelFor(config);
  const probes = [...PROBES, ...verdictProbes(reading)];
  const prediction = predict(reading, probes);
  let observations: Observation[] = [];
  let startError: string | null = null;
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    startError = error instanceof Error ? error.message.split('\n')[0] ?? 'error' : String(error);
  }
  if (server) {
    try {
      observations = prediction.hang ? await probeHang(server.port, server.path) : await probeServer(server.port, server.path, probes);
    } finally {
      await server.close();
    }
  }
  const outcome = compare(config, reading.structure, prediction, observations, startError);
  return {
    config,
    code: reading.code,
    // In the order compare() checks them: a hang or a crash hides every other effect.
    misuse: prediction.hang ? 'hang' : prediction.crash ? 'crash' : (prediction.misuse?.effect ?? (prediction.dropped.length > 0 ? 'dropped' : null)),
    comparedRequests: outcome.comparedRequests,
    namedOrigins: prediction.named.length,
    lookAlikesDenied: prediction.lookAlikesDenied && prediction.misuse === null,
    observations,
    disagreements: outcome.disagreements,
  };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function exceptionFor(disagreement: Disagreement, result: Pick<ConfigResult, 'observations'>): ExceptionRule | null {
  return EXCEPTIONS.find((rule) => rule.target.includes(disagreement.config.target) && rule.axis === disagreement.axis && rule.matches(disagreement, result.observations)) ?? null;
}

export function classKey(disagreement: Disagreement): string {
  return `${disagreement.config.target} | ${disagreement.axis} | ${disagreement.basis} | model ${disagreement.predicted}`;
}

async function shrink(config: Config, key: string, budget: { steps: number }): Promise<{ config: Config; example: Disagreement | null }> {
  let current = config;
  let example: Disagreement | null = null;
  let progress = true;
  while (progress && budget.steps > 0) {
    progress = false;
    for (const candidate of shrinkSteps(current)) {
      if (budget.steps <= 0) break;
      budget.steps -= 1;
      const result = await checkConfig(candidate);
      const found = result.disagreements.find((disagreement) => classKey(disagreement) === key && !exceptionFor(disagreement, result));
      if (found) {
        current = candidate;
        example = found;
        progress = true;
        break;
      }
    }
  }
  return { config: current, example };
}

export interface RunOptions {
  concurrency?: number;
  /** How many re-runs the shrinker may spend per framework. */
  shrinkBudget?: number;
}

export async function runFramework(target: Target, options: RunOptions = {}): Promise<FrameworkRun> {
  const started = Date.now();
  const runSeed = seed();
  const runs = runsFor(target);
  const configs = sampleConfigs(target, runSeed, runs);
  const results = await mapLimited(configs, options.concurrency ?? 4, checkConfig);
  const bugs: ClassifiedDisagreement[] = [];
  const excepted: ClassifiedDisagreement[] = [];
  const exceptionsUsed: Record<string, number> = {};
  for (const result of results) {
    for (const disagreement of result.disagreements) {
      const exception = exceptionFor(disagreement, result);
      if (exception) {
        excepted.push({ ...disagreement, exception });
        exceptionsUsed[exception.id] = (exceptionsUsed[exception.id] ?? 0) + 1;
      } else {
        bugs.push({ ...disagreement, exception: null });
      }
    }
  }
  const byClass = new Map<string, ClassifiedDisagreement[]>();
  for (const bug of bugs) {
    const key = classKey(bug);
    byClass.set(key, [...(byClass.get(key) ?? []), bug]);
  }
  const budget = { steps: options.shrinkBudget ?? 60 };
  const classes: DisagreementClass[] = [];
  for (const [key, members] of byClass) {
    const first = members[0] as ClassifiedDisagreement;
    const smallest = [...members].sort((a, b) => describeConfig(a.config).length - describeConfig(b.config).length)[0] as ClassifiedDisagreement;
    const shrunk = await shrink(smallest.config, key, budget);
    classes.push({
      key,
      target,
      axis: first.axis,
      basis: first.basis,
      predicted: first.predicted,
      actual: smallest.actual,
      count: members.length,
      configs: new Set(members.map((member) => member.config)).size,
      minimal: shrunk.config,
      minimalExample: shrunk.example ?? smallest,
    });
  }
  return { target, seed: runSeed, runs, results, bugs, excepted, classes, exceptionsUsed, durationMs: Date.now() - started };
}
