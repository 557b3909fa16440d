/**
 * Builds the model's `CorsPolicy` from the options of one Python registration (keyword arguments or settings), with
 * the package's own reading of each option: which origins it lets in and how, credentials, lists with the headers
 * the package adds or defaults to, and max-age. The verdicts then judge it exactly as they judge JavaScript policies.
 */
import type { PythonFramework } from '../frameworks/python.js';
import type { AllowedOrigin, CorsPolicy, ListSetting, OptionEntry, PolicyOptions, Setting } from '../model/cors-file.js';
import { matchesEveryOrigin } from '../model/origin-patterns.js';
import { readCredentials, readList } from '../model/read-settings.js';
import { type ObjectValue, type Value, ValueResolver, alternatives } from '../model/static-value.js';
import type { Node } from '../model/ast.js';
import { comparedOrigin, equivalentRegex, readAsRegex } from './patterns.js';

/** Everything the policy is built from. */
export interface PolicySource {
  framework: PythonFramework;
  /** The registering call or statement. */
  node: Node;
  /** Where settings left to the package are reported (and added). */
  reportNode: Node;
  /** The options as written, or null when the registration has none that the file can show. */
  options: ObjectValue | null;
  /** Set when the options are not visible at all (`CORSMiddleware, **imported_options`). */
  opaque: { node: Node; source: 'environment' | 'imported' | 'runtime' } | null;
}

/** The policy of one registration. */
export function buildPolicy(source: PolicySource): CorsPolicy {
  const { framework, node, reportNode } = source;
  const entry = framework.python;
  if (source.opaque) {
    return {
      framework,
      node,
      reportNode,
      options: { kind: 'opaque', node: source.opaque.node, source: source.opaque.source },
      origin: { state: 'unknown' },
      allowedOrigins: [],
      unmatchableStars: [],
      originFunctions: [],
      originChecks: [],
      credentials: readCredentials({ state: 'unknown' }, framework),
      methods: readList({ state: 'unknown' }),
      allowedHeaders: readList({ state: 'unknown' }),
      exposedHeaders: readList({ state: 'unknown' }),
      maxAge: { state: 'unknown' },
      builtPerRequest: null,
    };
  }
  const value: ObjectValue = source.options ?? { kind: 'object', properties: [], opaqueSpreads: [], node: reportNode };
  const names = framework.optionNames;
  const entries: OptionEntry[] = value.properties.map((property) => ({
    ...property,
    field: names ? ((Object.keys(names) as (keyof typeof names)[]).find((field) => names[field].includes(property.key)) ?? null) : null,
  }));
  const options: PolicyOptions = source.options ? { kind: 'object', value, entries } : { kind: 'none' };
  // Of an option and its aliases, the first name that is set wins (the packages read the current name first).
  const setting = (keys: readonly string[]): Setting => {
    for (const key of keys) {
      const property = ValueResolver.property(value, key);
      if (property) return { state: 'set', value: property.value, node: property.value.node };
    }
    return value.opaqueSpreads.length > 0 ? { state: 'unknown' } : { state: 'absent' };
  };
  const fieldSetting = (field: keyof NonNullable<typeof names>): Setting => setting(names?.[field] ?? []);
  const credentials = readCredentials(fieldSetting('credentials'), framework);
  const listKeys = (names?.origin ?? []).filter((key) => !entry.regexOptions.includes(key) && !entry.allowAllOptions.includes(key));
  const origin = setting(listKeys);
  const reading = readOrigins(framework, value, listKeys, origin, reportNode);
  const lists = entry.alwaysAllowedHeaders;
  const allowedHeaders = withHeaders(readList(fieldSetting('allowedHeaders'), framework.emptyAllowedHeaders), lists, entry.defaultAllowedHeaders, reportNode);
  return {
    framework,
    node,
    reportNode,
    options,
    origin,
    allowedOrigins: reading.allowed,
    unmatchableStars: reading.stars,
    originFunctions: [],
    originChecks: [],
    credentials,
    methods: readList(fieldSetting('methods')),
    allowedHeaders,
    exposedHeaders: readList(fieldSetting('exposedHeaders')),
    maxAge: fieldSetting('maxAge'),
    builtPerRequest: null,
  };
}

/** Every origin the options let in, classified the way the package reads them. */
function readOrigins(framework: PythonFramework, options: ObjectValue, listKeys: readonly string[], origin: Setting, reportNode: Node): { allowed: AllowedOrigin[]; stars: Node[] } {
  const entry = framework.python;
  const allowed: AllowedOrigin[] = [];
  const stars: Node[] = [];
  const wildcardOption = entry.star.wildcardOption ? ValueResolver.property(options, entry.star.wildcardOption) : null;
  const sendsStar = entry.star.sends === 'star' || (wildcardOption !== null && alternatives(wildcardOption.value).some(truthy));
  const star = (node: Node, via: AllowedOrigin['via']): AllowedOrigin => ({ kind: sendsStar ? 'any' : 'reflect', node, value: null, via });
  let decided = false;

  const first = (keys: readonly string[]) => keys.map((key) => ValueResolver.property(options, key)).find((property) => property !== null) ?? null;
  for (const property of [first(entry.allowAllOptions)]) {
    if (!property) continue;
    decided = true;
    for (const option of alternatives(property.value)) {
      if (option.kind === 'opaque') allowed.push({ kind: 'opaque', node: option.node, value: null, via: 'option' });
      else if (truthy(option)) allowed.push(star(option.node, 'option'));
    }
  }

  const regex = (text: string, node: Node, flags = ''): void => {
    const equivalent = equivalentRegex(text, entry, flags);
    if (!equivalent) {
      allowed.push({ kind: 'opaque', node, value: null, via: 'element' });
      return;
    }
    const value: Value = { kind: 'regex', pattern: equivalent.pattern, flags: equivalent.flags, node };
    allowed.push({ kind: matchesEveryOrigin(value) ? 'any-regex' : 'listed', node, value, via: 'element' });
  };

  for (const property of [first(entry.regexOptions)]) {
    if (!property) continue;
    decided = true;
    for (const option of alternatives(property.value)) {
      for (const item of option.kind === 'array' ? option.elements.flatMap(alternatives) : [option]) {
        if (item.kind === 'string') regex(item.value, item.node);
        else if (item.kind === 'regex') regex(item.pattern, item.node, item.flags);
        else if (item.kind === 'opaque') allowed.push({ kind: 'opaque', node: item.node, value: null, via: 'option' });
      }
    }
  }

  const listed = (item: Value, element: boolean): void => {
    const via = element ? 'element' : 'option';
    if (item.kind === 'string') {
      // `*` means every origin only to packages that say so; elsewhere it is compared like any other entry.
      if (item.value === '*' && entry.originMatch !== 'scheme-and-host') {
        if (element && framework.origin.starInArray === 'nothing') stars.push(item.node);
        else allowed.push(star(item.node, via));
      } else if (readAsRegex(item.value, entry)) {
        regex(item.value, item.node);
      } else {
        const compared = comparedOrigin(item.value, entry);
        allowed.push({ kind: 'listed', node: item.node, value: { ...item, value: compared }, via });
      }
    } else if (item.kind === 'regex') {
      regex(item.pattern, item.node, item.flags);
    } else if (item.kind === 'opaque') {
      allowed.push({ kind: 'opaque', node: item.node, value: null, via });
    }
  };

  if (origin.state === 'set') {
    decided = true;
    for (const option of alternatives(origin.value)) {
      if (option.kind === 'array') {
        for (const element of option.elements) for (const item of alternatives(element)) listed(item, true);
      } else if (option.kind === 'string' && framework.origin.string === 'unsupported') {
        // A substring test (Starlette) lets in every origin once the text has a `*`; otherwise `valid-options`
        // reports it, and it stays a listed origin for the other rules. A package that iterates the characters
        // (django-cors-headers) compares each as an entry.
        if (framework.origin.starInArray !== 'any') for (const character of new Set(option.value)) listed({ ...option, value: character }, true);
        else if (option.value.includes('*')) allowed.push(star(option.node, 'option'));
        else allowed.push({ kind: 'listed', node: option.node, value: option, via: 'option' });
      } else {
        listed(option, false);
      }
    }
  } else if (origin.state === 'unknown') {
    decided = true;
  }
  // Flask-CORS's default is its `"*"`: echoed, or sent as `*` with `send_wildcard`.
  if (!decided && framework.origin.absent === 'reflect') allowed.push(star(reportNode, 'default'));
  else if (!decided && framework.origin.absent === 'any') allowed.push({ kind: 'any', node: reportNode, value: null, via: 'default' });
  return { allowed, stars };
}

function truthy(value: Value): boolean {
  switch (value.kind) {
    case 'boolean':
      return value.value;
    case 'string':
      return value.value !== '';
    case 'number':
      return value.value !== 0;
    case 'array':
      return value.elements.length > 0;
    case 'object':
      return value.properties.length > 0 || value.opaqueSpreads.length > 0;
    default:
      return false;
  }
}

/**
 * Allowed request headers as the package applies them: the headers it always adds (Starlette's safelisted ones) join
 * every explicit list, and an absent option is the package's fixed default list when it has one.
 */
function withHeaders(list: ListSetting, always: readonly string[], defaults: readonly string[] | null, reportNode: Node): ListSetting {
  const add = (names: readonly string[], node: Node) => names.map((name) => ({ name, node }));
  if (list.state === 'absent' && defaults !== null) {
    const tokens = add([...defaults, ...always], reportNode);
    return { ...list, state: 'list', tokens, lists: [{ tokens, complete: true, node: reportNode }] };
  }
  if (always.length === 0 || list.state === 'absent') return list;
  const lists = list.lists.map((possible) => ({ ...possible, tokens: [...possible.tokens, ...add(always, possible.node)] }));
  return { ...list, lists, tokens: lists.flatMap((possible) => possible.tokens) };
}
