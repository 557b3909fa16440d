/** Compares a prediction with what the library sent, axis by axis. */
import type { Config } from './config.js';
import { type ListPrediction, type MisusePrediction, type OriginPrediction, type Prediction, describePrediction } from './predict.js';
import { LOOK_ALIKE_PROBES, type Observation, type ProbeName, type RequestKind } from './probe.js';

/**
 * `verdict`: what the rules' messages claim about origins holds: an origin a message names is let in, and a policy the
 * model finds no unsafe origin pattern in denies the look-alike probes.
 */
export type Axis = 'policy' | 'status' | 'origin' | 'stateful' | 'credentials' | 'methods' | 'allowedHeaders' | 'exposedHeaders' | 'maxAge' | 'misuse' | 'verdict';

export const AXES: readonly Axis[] = ['policy', 'status', 'origin', 'stateful', 'credentials', 'methods', 'allowedHeaders', 'exposedHeaders', 'maxAge', 'misuse', 'verdict'];

export interface Disagreement {
  config: Config;
  axis: Axis;
  /** What the prediction was based on (groups disagreements into classes). */
  basis: string;
  probe: ProbeName | '-';
  kind: RequestKind | '-';
  rep: number;
  predicted: string;
  actual: string;
}

/** What the browser makes of a response's Access-Control-Allow-Origin for the request's origin. */
export type OriginVerdict = 'star' | 'echo' | 'denied';

export function originVerdict(observation: Observation): OriginVerdict {
  const value = observation.acao;
  if (value === undefined || observation.status === 0) return 'denied';
  if (value === '*') return 'star';
  if (observation.origin !== null && value === observation.origin) return 'echo';
  return 'denied';
}

function describeAcao(observation: Observation): string {
  if (observation.status === 0) return `no response (${observation.error ?? '?'})`;
  const acao = observation.acao === undefined ? 'no ACAO' : `ACAO ${JSON.stringify(observation.acao)}`;
  return `${originVerdict(observation)}: ${acao} (${observation.status})`;
}

function tokens(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

function sameSet(a: readonly string[], b: readonly string[], caseInsensitive: boolean): boolean {
  const norm = (list: readonly string[]) => [...new Set(list.map((token) => (caseInsensitive ? token.toLowerCase() : token)))].sort();
  const left = norm(a);
  const right = norm(b);
  return left.length === right.length && left.every((token, index) => token === right[index]);
}

function originMatches(predicted: OriginPrediction, observation: Observation): boolean | null {
  const verdict = originVerdict(observation);
  switch (predicted) {
    case 'unknown':
      return null;
    case 'flaky':
      return verdict !== 'star';
    case 'absent':
      return observation.acao === undefined;
    case 'not-star':
      return observation.acao !== '*';
    default:
      return verdict === predicted;
  }
}

export interface Outcome {
  /** Probes compared on at least one axis (an unknown probe is not). */
  comparedRequests: number;
  disagreements: Disagreement[];
}

/** `startError`: the library threw while starting with these options. */
export function compare(config: Config, structure: string | null, prediction: Prediction, observations: Observation[], startError: string | null): Outcome {
  const disagreements: Disagreement[] = [];
  const add = (axis: Axis, basis: string, observation: Observation | null, predicted: string, actual: string): void => {
    disagreements.push({
      config,
      axis,
      basis,
      probe: observation?.probe ?? '-',
      kind: observation?.kind ?? '-',
      rep: observation?.rep ?? 0,
      predicted,
      actual,
    });
  };
  if (structure) add('policy', 'policy', null, 'one policy of the right framework', structure);


  if (prediction.hang) {
    const answered = observations.filter((observation) => observation.status > 0);
    if (startError !== null) add('misuse', `misuse: ${prediction.hang}`, null, 'no response (the request hangs)', `start failed: ${startError}`);
    for (const observation of answered) {
      add('misuse', `misuse: ${prediction.hang}`, observation, 'no response (the request hangs)', `${describeAcao(observation)}`);
    }
    return { comparedRequests: observations.length, disagreements };
  }
  if (prediction.crash) {
    const crashed = startError !== null || observations.some((observation) => observation.status >= 500);
    // The middleware only reaches the list once some origin got through (a denying origin function returns first).
    const reached = observations.some((observation) => observation.acao !== undefined);
    if (!crashed && reached) add('misuse', `misuse: ${prediction.crash}`, null, 'crash (start error or 500)', 'no crash');
    return { comparedRequests: crashed || reached ? Math.max(1, observations.length) : 0, disagreements };
  }
  // The model says the origin is of a type the library does not support: the effect it states is what is compared.
  if (prediction.misuse) return compareMisuse(prediction.misuse, observations, startError, add, disagreements);
  if (startError !== null) {
    add('status', 'status', null, 'server starts', `start failed: ${startError}`);
    return { comparedRequests: 0, disagreements };
  }

  let comparedRequests = 0;
  for (const observation of observations) {
    let compared = false;
    if (observation.status === 0 || observation.status >= 500) {
      add('status', 'status', observation, 'a response below 500', observation.status === 0 ? `no response: ${observation.error ?? '?'}` : `status ${observation.status}`);
      continue;
    }
    const originPrediction = prediction.origin[observation.probe] ?? { value: 'unknown' as const, basis: 'origin: not predicted' };
    const matches = originMatches(originPrediction.value, observation);
    if (matches !== null) {
      compared = true;
      if (!matches) add('origin', originPrediction.basis, observation, originPrediction.value, describeAcao(observation));
    }
    // Everything else only matters when the origin is let in.
    const verdict = originVerdict(observation);
    if (verdict !== 'denied' && observation.origin !== null) {
      const credentials = prediction.credentials;
      if (credentials.value !== 'unknown') {
        compared = true;
        const sent = observation.acac === 'true';
        if (sent !== credentials.value) {
          add('credentials', credentials.basis, observation, credentials.value ? 'ACAC true' : 'no ACAC', observation.acac === undefined ? 'no ACAC' : `ACAC ${JSON.stringify(observation.acac)}`);
        }
      }
      const compareList = (axis: 'methods' | 'allowedHeaders' | 'exposedHeaders', header: string | undefined): void => {
        if (prediction.dropped.includes(axis)) {
          compared = true;
          if (tokens(header).length > 0) add('misuse', `misuse: ${axis} dropped`, observation, '(none)', header ?? '');
          return;
        }
        const predicted: ListPrediction = prediction[axis].value;
        if (predicted === 'unknown') return;
        compared = true;
        if (!sameSet(predicted.tokens, tokens(header), axis !== 'methods')) {
          add(axis, prediction[axis].basis, observation, describePrediction(predicted), header === undefined ? '(none)' : header === '' ? '(empty)' : header);
        }
      };
      if (observation.kind === 'preflight') {
        compareList('methods', observation.acam);
        compareList('allowedHeaders', observation.acah);
        const maxAge = prediction.maxAge;
        if (maxAge.value !== 'unknown') {
          compared = true;
          if ((observation.maxAge ?? null) !== maxAge.value) add('maxAge', maxAge.basis, observation, describePrediction(maxAge.value), observation.maxAge ?? '(none)');
        }
      } else {
        compareList('exposedHeaders', observation.aceh);
      }
    }
    if (compared) comparedRequests += 1;
  }

  // A stateful regex: over the four identical-origin requests, the library must both allow and deny.
  for (const [probe, predicted] of Object.entries(prediction.origin) as [ProbeName, (typeof prediction.origin)[ProbeName]][]) {
    if (predicted?.value !== 'flaky') continue;
    const verdicts = new Set(observations.filter((observation) => observation.probe === probe && observation.status > 0 && observation.status < 500).map(originVerdict));
    if (!(verdicts.has('echo') && verdicts.has('denied'))) {
      disagreements.push({
        config,
        axis: 'stateful',
        basis: predicted.basis,
        probe,
        kind: '-',
        rep: 0,
        predicted: 'allowed and denied in turn',
        actual: [...verdicts].join('/') || '(no responses)',
      });
    }
  }
  compareVerdicts(prediction, observations, add);
  return { comparedRequests, disagreements };
}

type Add = (axis: Axis, basis: string, observation: Observation | null, predicted: string, actual: string) => void;

/**
 * An origin a rule names as let in must be let in at least once (a stateful regex alternates); when the model finds
 * no unsafe pattern in a policy of listed origins, every look-alike request is denied.
 */
function compareVerdicts(prediction: Prediction, observations: readonly Observation[], add: Add): void {
  const answered = observations.filter((observation) => observation.status > 0 && observation.status < 500);
  for (const probe of prediction.named) {
    const requests = answered.filter((observation) => observation.probe === probe);
    if (requests.length > 0 && !requests.some((observation) => originVerdict(observation) !== 'denied')) {
      add('verdict', 'verdict: an origin the message names is let in', requests[0] ?? null, 'let in', describeAcao(requests[0] as Observation));
    }
  }
  if (!prediction.lookAlikesDenied) return;
  for (const observation of answered) {
    if (LOOK_ALIKE_PROBES.includes(observation.probe) && originVerdict(observation) !== 'denied') {
      add('verdict', 'verdict: no unsafe origin pattern, so look-alikes are denied', observation, 'denied', describeAcao(observation));
    }
  }
}

/**
 * The effect the model states for an unsupported origin value: every request fails (`server-error`), every origin is
 * echoed (`reflect`), or the value is sent as text, which lets in only the origin a one-entry list names (`as-text`).
 */
function compareMisuse(misuse: MisusePrediction, observations: readonly Observation[], startError: string | null, add: Add, disagreements: Disagreement[]): Outcome {
  if (startError !== null) {
    if (misuse.effect !== 'server-error') add('misuse', misuse.basis, null, `server starts (${misuse.effect})`, `start failed: ${startError}`);
    return { comparedRequests: 0, disagreements };
  }
  let comparedRequests = 0;
  for (const observation of observations) {
    comparedRequests += 1;
    if (misuse.effect === 'server-error') {
      if (observation.status > 0 && observation.status < 500) add('misuse', misuse.basis, observation, 'a 500 (or no response)', describeAcao(observation));
      continue;
    }
    if (observation.status === 0 || observation.status >= 500) {
      add('misuse', misuse.basis, observation, 'a response below 500', observation.status === 0 ? `no response: ${observation.error ?? '?'}` : `status ${observation.status}`);
      continue;
    }
    if (observation.origin === null) continue;
    const expected: OriginVerdict = misuse.effect === 'reflect' || misuse.matches.includes(observation.probe) ? 'echo' : 'denied';
    if (originVerdict(observation) !== expected) add('misuse', misuse.basis, observation, expected, describeAcao(observation));
  }
  return { comparedRequests, disagreements };
}
