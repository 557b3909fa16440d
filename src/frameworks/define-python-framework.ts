/**
 * The shape of a Python framework entry: a `Framework` (what its options mean, read by the same verdicts as every
 * other entry) plus how a Python file registers it and how the package compares origins. Names of classes and
 * functions are fully qualified (`starlette.middleware.cors.CORSMiddleware`), whatever the file imports them as.
 */
import type { Framework } from './define-framework.js';

/** A fully qualified Python name: the module path and the name it exports, joined by dots. */
export type QualifiedName = string;

export type PythonRegistration =
  /** `app.add_middleware(CORSMiddleware, **options)`: the middleware added last runs first (outermost). */
  | { kind: 'add-middleware'; method: string; classes: readonly QualifiedName[] }
  /** `Middleware(CORSMiddleware, **options)` in the app's `middleware=[…]` list: the first entry runs first. */
  | { kind: 'middleware-entry'; wrappers: readonly QualifiedName[]; classes: readonly QualifiedName[]; keyword: string }
  /** `app = CORSMiddleware(app, **options)`: wraps the whole application, outside every other middleware. */
  | { kind: 'wrap'; classes: readonly QualifiedName[] }
  /** `CORS(app, **options)`, or `CORS(**options)` / `cors.init_app(app, **options)` (the keywords of both apply). */
  | { kind: 'extension'; classes: readonly QualifiedName[]; initMethod: string }
  /** `@cross_origin(**options)` on a view function. */
  | { kind: 'decorator'; functions: readonly QualifiedName[] }
  /** A settings module: `CORS_*` assignments, the middleware named in the `MIDDLEWARE` list. */
  | {
      kind: 'settings';
      prefix: string;
      middleware: QualifiedName;
      middlewareSetting: string;
      /** Middleware that answers some requests itself (redirects, static files): CORS must come before it. */
      answering: readonly QualifiedName[];
      /** Middleware whose name reads as auth but that never rejects a request (it only annotates it). */
      passive: readonly QualifiedName[];
    };

/** How the package reads `*`, per request kind, once `*` is among the allowed origins. */
export interface PythonStar {
  /**
   * `star`: it sends `*`; `reflect`: it echoes the request's origin whatever credentials say (Flask-CORS); with
   * `starWithCredentials: 'reflect'` on the entry, credentials turn `star` into reflection (see `cookieOnly`).
   */
  sends: 'star' | 'reflect';
  /**
   * Credentials turn `*` into reflection on preflights and on requests that carry a `Cookie` only; other requests
   * still get `*` (Starlette). Unset: on every request.
   */
  cookieOnly?: boolean;
  /** A request with a `Cookie` gets its origin echoed instead of `*`, with or without credentials (Starlette). */
  cookieEchoes?: boolean;
  /** An option that makes the package send `*` instead of echoing (Flask-CORS `send_wildcard=True`). */
  wildcardOption?: string;
  /**
   * Sending `*` with credentials on is refused with an error when the options are read: at startup for the app-wide
   * extension, on every request for a decorator (Flask-CORS raises `ValueError`).
   */
  credentialsRaise?: boolean;
}

export interface PythonEntry {
  registrations: readonly PythonRegistration[];
  /** How a listed origin string is compared with the request's Origin header. */
  originMatch:
    /** Byte for byte (Starlette). */
    | 'exact'
    /** Case-insensitively (Flask-CORS `casefold()`): an upper-case host still matches. */
    | 'casefold'
    /** Scheme and `host[:port]` of `urlsplit`, so a path or trailing slash is ignored (django-cors-headers). */
    | 'scheme-and-host';
  /** Characters that make an origin string a regex (Flask-CORS `probably_regex`); unset: strings are never regexes. */
  regexCharacters?: string;
  /**
   * How origin regexes are applied: `fullmatch` tests the whole origin; `match` anchors the start only, so a pattern
   * without `$` also accepts `https://app.example.com.evil.test`.
   */
  regexMatch: 'fullmatch' | 'match';
  /** Regexes are matched ignoring case (Flask-CORS). */
  regexIgnoreCase: boolean;
  /** Options whose values are regexes (`allow_origin_regex`, `CORS_ALLOWED_ORIGIN_REGEXES`). */
  regexOptions: readonly string[];
  /** Options that allow every origin when truthy (`CORS_ALLOW_ALL_ORIGINS`). */
  allowAllOptions: readonly string[];
  star: PythonStar;
  /** Allowed request headers when the option is absent, where the package sends a fixed list (null: it echoes). */
  defaultAllowedHeaders: readonly string[] | null;
  /** Request headers the package allows whatever the option says (Starlette adds the CORS-safelisted ones). */
  alwaysAllowedHeaders: readonly string[];
  /** `Access-Control-Max-Age` when the option is absent; null: none is sent (browsers then cache for 5 s). */
  defaultMaxAge: number | null;
  /** An option whose dict maps path patterns to options of their own (Flask-CORS `resources`). */
  resourcesOption?: string;
}

/** A Python framework entry. */
export interface PythonFramework extends Framework {
  language: 'python';
  python: PythonEntry;
}

export function definePythonFramework(framework: Omit<PythonFramework, 'registrations' | 'language'>): PythonFramework {
  // The ESTree reader has nothing to look for in a Python entry.
  return { ...framework, registrations: [], language: 'python' };
}
