/**
 * What the model predicts for each probe of a Python configuration, and the comparison with what the library sent.
 * The prediction reads only the model's `CorsPolicy`, `invalidOptions` and the framework entry the model chose; the
 * comparison judges each response the way a browser does (is the origin let in, is the method or header allowed).
 */
import type { PythonFramework } from '../../../src/frameworks/python.js';
import type { CorsPolicy, ListSetting } from '../../../src/model/index.js';
import { invalidOptions } from '../../../src/model/index.js';
import type { PythonConfig } from './configs.js';
import type { Observation, RequestSpec } from './server.js';

export type Axis = 'load' | 'status' | 'origin' | 'credentials' | 'method' | 'headers' | 'maxAge' | 'exposed';

export const AXES: readonly Axis[] = ['load', 'status', 'origin', 'credentials', 'method', 'headers', 'maxAge', 'exposed'];

export interface Disagreement {
  config: PythonConfig;
  axis: Axis;
  /** Which part of the model the prediction came from (groups disagreements into classes). */
  basis: string;
  probe: string;
  request: string;
  predicted: string;
  actual: string;
}

type OriginVerdict = 'star' | 'echo' | 'denied' | 'absent' | 'unknown';

/** The model's reading of one configuration file. */
export interface Reading {
  policy: CorsPolicy | null;
  /** Something other than exactly one policy of the target's framework was read. */
  structure: string | null;
}

const RANK: Record<OriginVerdict, number> = { star: 4, echo: 3, unknown: 2, absent: 1, denied: 0 };

function describeRequest(request: RequestSpec): string {
  return request.kind === 'preflight' ? `preflight ${request.method}` : request.cookie ? 'GET with Cookie' : 'GET';
}

/** The Access-Control-Allow-Origin answer the model predicts for one request. */
function predictOrigin(policy: CorsPolicy, framework: PythonFramework, origin: string | null, request: RequestSpec): { value: OriginVerdict; basis: string } {
  if (origin === null) {
    // Flask-CORS's `always_send` answers requests without an Origin too; the model says nothing about them.
    return framework.id === 'flask-cors' ? { value: 'unknown', basis: 'no Origin (always_send)' } : { value: 'absent', basis: 'no Origin' };
  }
  let best: { value: OriginVerdict; basis: string } = { value: 'denied', basis: 'origin: not listed' };
  const consider = (candidate: { value: OriginVerdict; basis: string }): void => {
    if (RANK[candidate.value] > RANK[best.value]) best = candidate;
  };
  const star = framework.python.star;
  for (const allowed of policy.allowedOrigins) {
    switch (allowed.kind) {
      case 'any': {
        const credentialed = policy.credentials.on && framework.origin.starWithCredentials === 'reflect';
        const cookie = request.kind === 'actual' && request.cookie;
        if (credentialed && (!star.cookieOnly || request.kind === 'preflight' || cookie)) consider({ value: 'echo', basis: 'origin: any, reflected with credentials' });
        else if (cookie && star.cookieEchoes) consider({ value: 'echo', basis: 'origin: any, echoed to a request with a cookie' });
        else consider({ value: 'star', basis: 'origin: any' });
        break;
      }
      case 'reflect':
        consider({ value: 'echo', basis: `origin: reflect (${allowed.via})` });
        break;
      case 'listed':
      case 'any-regex': {
        const value = allowed.value;
        if (value?.kind === 'string') {
          if (value.value === origin) consider({ value: 'echo', basis: 'origin: listed string' });
        } else if (value?.kind === 'regex') {
          if (new RegExp(value.pattern, value.flags).test(origin)) consider({ value: 'echo', basis: `origin: ${allowed.kind} regex` });
        } else {
          consider({ value: 'unknown', basis: 'origin: listed, not shown' });
        }
        break;
      }
      default:
        consider({ value: 'unknown', basis: `origin: ${allowed.kind}` });
    }
  }
  return best;
}

function verdictOf(observation: Observation): OriginVerdict {
  const value = observation.headers['access-control-allow-origin'];
  if (value === undefined) return observation.origin === null ? 'absent' : 'denied';
  if (value === '*') return 'star';
  return observation.origin !== null && value === observation.origin ? 'echo' : 'denied';
}

function tokens(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
}

/** Whether the model lets a list token through: every token (echoed or expanded), or the listed ones. */
function listAllows(list: ListSetting, field: 'methods' | 'allowedHeaders', framework: PythonFramework, credentials: boolean, name: string, caseSensitive: boolean): boolean | 'unknown' {
  if (list.state === 'reflect') return true;
  if (list.state === 'absent') {
    if (field === 'allowedHeaders') return true;
    const defaults = framework.defaultMethods;
    return defaults === 'reflect' || defaults.includes(name);
  }
  if (list.state !== 'list') return 'unknown';
  if (list.hasStar && framework.listStar?.[field] !== 'none' && (framework.listStar?.[field] === 'expanded' || !credentials)) return true;
  return list.tokens.some((token) => (caseSensitive ? token.name === name : token.name.toLowerCase() === name.toLowerCase()));
}

/** Whether the response lets a requested method or header through, as a browser reads it. */
function responseAllows(header: string | undefined, credentials: boolean, name: string, caseSensitive: boolean): boolean {
  const listed = tokens(header);
  if (listed.includes('*') && !credentials) return true;
  return listed.some((token) => (caseSensitive ? token === name : token.toLowerCase() === name.toLowerCase()));
}

/** Compares one configuration: `loadError` when the library refused to load it. */
export function compare(config: PythonConfig, reading: Reading, framework: PythonFramework, observations: readonly Observation[], loadError: string | null): { compared: number; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  const add = (axis: Axis, basis: string, observation: Observation | null, predicted: string, actual: string): void => {
    disagreements.push({ config, axis, basis, probe: observation?.probe ?? '-', request: observation ? describeRequest(observation.request) : '-', predicted, actual });
  };
  if (reading.structure) add('load', 'policy', null, 'one policy of the right framework', reading.structure);
  const policy = reading.policy;
  if (!policy) return { compared: 0, disagreements };
  // Options the model calls invalid: only that they are reported is the model's claim; nothing is compared.
  const invalid = invalidOptions(policy).filter((finding) => finding.kind === 'origin-type' || finding.kind === 'list-type');
  if (invalid.length > 0) return { compared: 0, disagreements };
  // `*` sent with credentials on: a package that refuses it fails to load the app (or, for a decorator, to answer).
  const refused = framework.python.star.credentialsRaise === true && policy.credentials.on && policy.allowedOrigins.some((origin) => origin.kind === 'any');
  if (refused) {
    const failed = loadError !== null || observations.some((observation) => observation.origin !== null && observation.status >= 500);
    if (!failed) add('load', 'origin: any with credentials', null, 'an error (`*` with credentials is refused)', 'the app loads and answers');
    return { compared: failed ? 1 : 0, disagreements };
  }
  if (loadError !== null) {
    add('load', 'load', null, 'the app loads', loadError);
    return { compared: 0, disagreements };
  }
  if (policy.options.kind === 'opaque') return { compared: 0, disagreements };
  let compared = 0;
  for (const observation of observations) {
    if (observation.status === 0 || observation.status >= 500) {
      add('status', 'status', observation, 'a response below 500', observation.status === 0 ? `no response: ${observation.error ?? '?'}` : `status ${observation.status}`);
      continue;
    }
    const predicted = predictOrigin(policy, framework, observation.origin, observation.request);
    const actual = verdictOf(observation);
    if (predicted.value === 'unknown') continue;
    compared += 1;
    if (predicted.value !== actual) {
      add('origin', predicted.basis, observation, predicted.value, `${actual} (ACAO ${JSON.stringify(observation.headers['access-control-allow-origin'] ?? null)}, status ${observation.status})`);
      continue;
    }
    if (actual !== 'star' && actual !== 'echo') continue;
    const credentials = policy.credentials.on;
    const sentCredentials = observation.headers['access-control-allow-credentials'] === 'true';
    if (sentCredentials !== credentials) add('credentials', `credentials: ${policy.credentials.setting.state} ${credentials ? 'on' : 'off'}`, observation, credentials ? 'ACAC true' : 'no ACAC', sentCredentials ? 'ACAC true' : 'no ACAC');
    const request = observation.request;
    if (request.kind === 'preflight') {
      const methodModel = listAllows(policy.methods, 'methods', framework, credentials, request.method, true);
      if (methodModel === 'unknown') continue;
      const methodActual = responseAllows(observation.headers['access-control-allow-methods'], sentCredentials, request.method, true);
      if (methodModel !== methodActual) add('method', `methods: ${policy.methods.state}${policy.methods.hasStar ? ' with *' : ''}`, observation, methodModel ? `${request.method} allowed` : `${request.method} refused`, `ACAM ${JSON.stringify(observation.headers['access-control-allow-methods'] ?? null)}`);
      // A preflight for a method the policy refuses fails in the browser whatever else it says.
      if (!methodModel) continue;
      for (const header of request.headers.split(',')) {
        const model = listAllows(policy.allowedHeaders, 'allowedHeaders', framework, credentials, header, false);
        if (model === 'unknown') continue;
        const response = responseAllows(observation.headers['access-control-allow-headers'], sentCredentials, header, false);
        if (model !== response) add('headers', `allowedHeaders: ${policy.allowedHeaders.state}${policy.allowedHeaders.hasStar ? ' with *' : ''}`, observation, `${header} ${model ? 'allowed' : 'refused'}`, `ACAH ${JSON.stringify(observation.headers['access-control-allow-headers'] ?? null)}`);
      }
      const maxAge = policy.maxAge.state === 'set' ? (policy.maxAge.value.kind === 'number' ? String(policy.maxAge.value.value) : 'unknown') : policy.maxAge.state === 'absent' ? (framework.python.defaultMaxAge === null ? null : String(framework.python.defaultMaxAge)) : 'unknown';
      const sent = observation.headers['access-control-max-age'] ?? null;
      if (maxAge !== 'unknown' && maxAge !== sent) add('maxAge', `maxAge: ${policy.maxAge.state}`, observation, maxAge ?? '(none)', sent ?? '(none)');
    } else {
      const exposed = policy.exposedHeaders;
      if (exposed.state !== 'absent' && exposed.state !== 'list') continue;
      const predictedExposed = exposed.tokens.map((token) => token.name.toLowerCase()).sort().join(',');
      const actualExposed = tokens(observation.headers['access-control-expose-headers']).map((token) => token.toLowerCase()).sort().join(',');
      if (predictedExposed !== actualExposed) add('exposed', `exposedHeaders: ${exposed.state}`, observation, predictedExposed || '(none)', actualExposed || '(none)');
    }
  }
  return { compared, disagreements };
}
