/** Turns option values and header values into the model's settings: origins classified, lists tokenised. */
import type { Framework } from '../frameworks/define-framework.js';
import type { Node, SourceCode } from './ast.js';
import type { AllowedOrigin, CredentialsSetting, ListSetting, ListToken, PossibleList, Setting } from './cors-file.js';
import type { OriginChecks } from './origin-checks.js';
import { type OriginFunction, readOriginFunction } from './origin-function.js';
import { ORIGIN_HEADER, REQUEST_HEADERS_HEADER } from './request-headers.js';
import { type Value, alternatives } from './static-value.js';
import { matchesEveryOrigin } from './origin-patterns.js';

/** Whether credentials are on, as the framework tests them. */
export function readCredentials(setting: Setting, framework: Framework): CredentialsSetting {
  if (setting.state === 'absent') return { setting, on: framework.credentialsDefault, node: null };
  if (setting.state === 'unknown') return { setting, on: false, node: null };
  const on = alternatives(setting.value).some((value) => credentialsValueIsOn(value, framework.credentials));
  return { setting, on, node: setting.node };
}

function credentialsValueIsOn(value: Value, test: Framework['credentials']): boolean {
  if (value.kind === 'boolean') return value.value;
  if (test === 'strict-true') return false;
  if (value.kind === 'string') return value.value !== '';
  if (value.kind === 'number') return value.value !== 0;
  return false;
}

/** `Access-Control-Allow-Credentials: true` — browsers accept exactly the lower-case token. */
export function headerCredentialsOn(value: Value): boolean {
  return alternatives(value).some((option) => (option.kind === 'string' && option.value.trim() === 'true') || (option.kind === 'boolean' && option.value));
}

export interface OriginReading {
  allowedOrigins: AllowedOrigin[];
  unmatchableStars: Node[];
  originFunctions: OriginFunction[];
}

/**
 * Classifies an origin option. `guarded`: the whole policy is only used after the request origin was checked (an
 * options delegate that answers `{ origin: true }` inside `if (allowlist.includes(req.header('Origin')))`).
 */
export function readOriginOption(
  setting: Setting,
  framework: Framework,
  credentialsOn: boolean,
  reportNode: Node,
  guarded: boolean,
  sourceCode: SourceCode,
  checks: OriginChecks,
): OriginReading {
  const reading: OriginReading = { allowedOrigins: [], unmatchableStars: [], originFunctions: [] };
  if (setting.state === 'unknown') return reading;
  if (setting.state === 'absent') {
    const absent = framework.origin.absent;
    const kind = absent === 'reflect' || (absent === 'any-or-reflect-with-credentials' && credentialsOn) ? 'reflect' : 'any';
    reading.allowedOrigins.push({ kind: guarded && kind === 'reflect' ? 'listed' : kind, node: reportNode, value: null, via: 'default' });
    return reading;
  }
  const support = framework.origin;
  const classify = (value: Value, element: boolean): void => {
    const via = element ? 'element' : 'option';
    switch (value.kind) {
      case 'string':
        if (value.value === '*') {
          if (!element || support.starInArray === 'any') reading.allowedOrigins.push({ kind: 'any', node: value.node, value, via });
          else reading.unmatchableStars.push(value.node);
        } else {
          reading.allowedOrigins.push({ kind: 'listed', node: value.node, value, via });
        }
        return;
      case 'regex':
        reading.allowedOrigins.push({ kind: matchesEveryOrigin(value) ? 'any-regex' : 'listed', node: value.node, value, via });
        return;
      case 'boolean':
        if (value.value && support.booleanTrue === 'reflect') {
          reading.allowedOrigins.push({ kind: guarded ? 'listed' : 'reflect', node: value.node, value: null, via });
        }
        return;
      case 'array':
        for (const item of value.elements) for (const option of alternatives(item)) classify(option, true);
        return;
      case 'function': {
        const fn = readOriginFunction(value.node, support.function, sourceCode, checks);
        reading.originFunctions.push(fn);
        reading.allowedOrigins.push({ kind: fn.allowsEveryPath && !guarded ? 'reflect' : 'listed', node: value.node, value: null, via: 'function' });
        for (const answer of fn.answers) {
          for (const option of answer.kind === 'array' ? answer.elements.flatMap((item) => alternatives(item)) : [answer]) {
            if (option.kind === 'string' && option.value !== '*') {
              reading.allowedOrigins.push({ kind: 'listed', node: option.node, value: option, via: 'function' });
            } else if (option.kind === 'regex') {
              reading.allowedOrigins.push({ kind: matchesEveryOrigin(option) ? 'any-regex' : 'listed', node: option.node, value: option, via: 'function' });
            }
          }
        }
        return;
      }
      case 'request-header':
        if (value.name === ORIGIN_HEADER) {
          reading.allowedOrigins.push({ kind: value.validated || guarded ? 'listed' : 'reflect', node: value.node, value: null, via });
        }
        return;
      case 'opaque':
        reading.allowedOrigins.push({ kind: 'opaque', node: value.node, value: null, via });
        return;
      default:
        return;
    }
  };
  for (const option of alternatives(setting.value)) classify(option, false);
  return reading;
}

/**
 * Classifies `Access-Control-Allow-Origin` values written as headers. `guarded`: the write is inside (or after) a
 * check of the request origin, so echoing the origin there is not reflection.
 */
export function readOriginHeader(value: Value, guarded: boolean): AllowedOrigin[] {
  const origins: AllowedOrigin[] = [];
  for (const option of alternatives(value)) {
    switch (option.kind) {
      case 'string':
        origins.push({ kind: option.value.trim() === '*' ? 'any' : 'listed', node: option.node, value: option, via: 'header' });
        break;
      case 'request-header':
        if (option.name === ORIGIN_HEADER) {
          origins.push({ kind: option.validated || guarded ? 'listed' : 'reflect', node: option.node, value: null, via: 'header' });
        }
        break;
      case 'opaque':
        origins.push({ kind: 'opaque', node: option.node, value: null, via: 'header' });
        break;
      default:
        break;
    }
  }
  return origins;
}

/** Tokenises a methods/headers list: an array of strings or a comma-separated string, per possible value. */
export function readList(setting: Setting, empty: Framework['emptyAllowedHeaders'] = { array: 'none', string: 'none' }): ListSetting {
  if (setting.state !== 'set') return { setting, state: setting.state, tokens: [], lists: [], hasStar: false, node: null };
  const lists: PossibleList[] = [];
  let reflect = false;
  let opaque = false;
  let other = false;
  const split = (text: string, node: Node): ListToken[] =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((name) => ({ name, node }));
  for (const option of alternatives(setting.value)) {
    switch (option.kind) {
      case 'string':
        if (option.value.trim() === '' && empty.string === 'reflect') reflect = true;
        else lists.push({ tokens: split(option.value, option.node), complete: true, node: option.node });
        break;
      case 'array': {
        if (option.elements.length === 0 && empty.array === 'reflect') {
          reflect = true;
          break;
        }
        const list: PossibleList = { tokens: [], complete: true, node: option.node };
        for (const element of option.elements.flatMap((item) => alternatives(item))) {
          if (element.kind === 'string') list.tokens.push(...split(element.value, element.node));
          else {
            list.complete = false;
            if (element.kind === 'opaque' || element.kind === 'request-header') opaque = true;
            else other = true;
          }
        }
        lists.push(list);
        break;
      }
      case 'boolean':
        if (option.value) reflect = true;
        else other = true;
        break;
      case 'request-header':
        if (option.name === REQUEST_HEADERS_HEADER) reflect = true;
        else opaque = true;
        break;
      case 'opaque':
        opaque = true;
        break;
      default:
        other = true;
    }
  }
  const tokens = lists.flatMap((list) => list.tokens);
  const state = reflect ? 'reflect' : opaque ? 'opaque' : other || lists.some((list) => !list.complete) ? 'other' : 'list';
  return { setting, state, tokens, lists, hasStar: tokens.some((token) => token.name === '*'), node: setting.node };
}
