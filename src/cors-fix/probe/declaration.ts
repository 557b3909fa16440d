/**
 * What the code declares for one probed path, as answers the checks can ask: is this origin, method or header allowed
 * by the code (true, false, or null when the code does not say)? Allowlists read from environment variables are
 * answered with the values the probe was given (`--env-file` or its own environment).
 */
import type { PolicyExpectation } from './project.js';
import type { SourceLocation } from './report.js';

/** Methods browsers send without asking a preflight. */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** The code's answers for one policy. */
export interface Declaration {
  location: SourceLocation;
  framework: string;
  allowsOrigin(origin: string): boolean | null;
  /** Credentials on or off, or null. */
  credentials: boolean | null;
  allowsMethod(method: string): boolean | null;
  allowsHeader(header: string): boolean | null;
  /** The preflight cache the code sets, or null. */
  maxAge: number | null;
  /** Methods the policy's routes serve; empty when not known. */
  routeMethods: readonly string[];
  /** How the code's allowlist reads in a message: `CORS_ORIGINS (https://a.example from .env)`. */
  describeOrigins(): string;
}

/** The value of an allowlist variable where the server is expected to run, and where it was read. */
export interface VariableValue {
  origins: string[];
  /** `--env-file .env.production` or `the environment`. */
  source: string;
}

/** The declaration of `policy`, with allowlist variables read by `variable` (null: not known here). */
export function declarationOf(policy: PolicyExpectation, variable: (name: string) => VariableValue | null): Declaration {
  const origins = policy.origins;
  const values = origins.variables.map((name) => ({ name, value: variable(name) }));
  const patterns = origins.patterns.flatMap(({ source, flags }) => {
    try {
      return [new RegExp(source, flags)];
    } catch {
      return [];
    }
  });
  const undecided = origins.open || origins.unknown || origins.conditional || values.some(({ value }) => value === null);
  const list = (setting: string[] | 'reflect' | null, name: string, safelisted: boolean): boolean | null => {
    if (setting === null) return null;
    if (setting === 'reflect' || safelisted || setting.includes(name)) return true;
    if (!setting.includes('*')) return false;
    // `*` allows everything only without credentials; with them it is a literal name.
    return policy.credentials === null ? null : !policy.credentials;
  };
  return {
    location: policy.location,
    framework: policy.framework,
    allowsOrigin(origin) {
      const listed =
        origins.listed.includes(origin) || patterns.some((pattern) => pattern.test(origin)) || values.some(({ value }) => value?.origins.includes(origin) === true);
      if (listed) return origins.conditional ? null : true;
      return undecided ? null : false;
    },
    credentials: policy.credentials,
    allowsMethod: (method) => list(policy.methods, method.toUpperCase(), SAFELISTED_METHODS.has(method.toUpperCase())),
    allowsHeader: (header) => {
      const name = header.toLowerCase();
      // Authorization is never covered by `*`.
      if (Array.isArray(policy.headers) && policy.headers.includes('*') && name === 'authorization' && !policy.headers.includes(name)) return false;
      return list(policy.headers, name, false);
    },
    maxAge: policy.maxAge,
    routeMethods: policy.routeMethods,
    describeOrigins() {
      const parts: string[] = [];
      if (origins.listed.length > 0) parts.push(origins.listed.join(', '));
      for (const pattern of origins.patterns) parts.push(`/${pattern.source}/${pattern.flags}`);
      for (const { name, value } of values) {
        parts.push(value ? `${name}=${value.origins.join(',')} (from ${value.source})` : `${name} (not set here)`);
      }
      return parts.join(' and ') || 'its origin setting';
    },
  };
}
