/**
 * The generated config module (`cors-origins.*`): where it goes, which flavour (TS or JS, ESM or CommonJS) it is,
 * its text, and how other files import it.
 */
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { TextStyle } from './text-style.js';
import { ORIGINS_VARIABLE } from '../suggestions.js';

/** The config module's file name, without extension. */
export const CONFIG_MODULE_NAME = 'cors-origins';

const CONFIG_FILE = /^cors-origins\.(?:ts|mts|cts|js|mjs|cjs)$/u;

/** Whether `path` is a config module (generated now or by an earlier run). */
export function isConfigModule(path: string): boolean {
  return CONFIG_FILE.test(basename(path));
}

/** The language and module system of a generated config module. */
export interface ConfigFlavour {
  /** `.ts`, `.mts`, `.cts`, `.js`, `.mjs` or `.cjs`. */
  extension: string;
  typescript: boolean;
  commonJs: boolean;
}

/** The flavour that matches the first rewritten file: its language, its extension and its module syntax. */
export function configFlavour(firstFile: string, commonJs: boolean): ConfigFlavour {
  const extension = extname(firstFile).replace(/x$/u, '');
  const typescript = /ts$/u.test(extension);
  // TypeScript files always use `export`; tsc emits CommonJS for `.cts` and for CommonJS projects itself.
  return { extension, typescript, commonJs: typescript ? false : commonJs };
}

/** `cors-origins.<ext>` beside the first rewritten file. */
export function configModulePath(firstFile: string, flavour: ConfigFlavour): string {
  return join(dirname(firstFile), `${CONFIG_MODULE_NAME}${flavour.extension}`);
}

/** How the importing file writes relative specifiers. */
export interface SpecifierStyle {
  /** The importing file's relative specifiers carry extensions (`./db.js`). */
  extensions: 'yes' | 'no' | 'unknown';
  /** The importing file is an ES module run by Node without a bundler (extensions are then required). */
  nodeEsm: boolean;
}

/** The specifier `from` uses for the config module at `target`, in the style of its other relative imports. */
export function configSpecifier(from: string, target: string, style: SpecifierStyle): string {
  let path = relative(dirname(from), target).split(sep).join('/');
  if (!path.startsWith('.')) path = `./${path}`;
  const runtime = path.replace(/\.ts$/u, '.js').replace(/\.mts$/u, '.mjs').replace(/\.cts$/u, '.cjs');
  const keep = style.extensions === 'yes' || (style.extensions === 'unknown' && (style.nodeEsm || /\.[cm]?ts$/u.test(target) || /\.[cm]js$/u.test(target)));
  return keep ? runtime : runtime.replace(/\.js$/u, '');
}

/** One allowlist of the config module: the environment variable it reads and the name it is exported as. */
export interface AllowlistExport {
  variable: string;
  exportName: string;
}

/** The export name of the allowlist read from `variable`: `CORS_ORIGINS` → `corsOrigins`. */
export function exportNameFor(variable: string): string {
  const words = variable.toLowerCase().split('_').filter(Boolean);
  return words.map((word, index) => (index === 0 ? word : word[0]?.toUpperCase() + word.slice(1))).join('') || 'corsOrigins';
}

const EXPORT_LINE = /^(?:export const ([A-Za-z_$][\w$]*)(?:: Allowlist)? = |exports\.([A-Za-z_$][\w$]*) = )allowlist\((['"])([A-Za-z_][A-Za-z0-9_]*)\3\)/gmu;

/** The allowlists an existing config module exports (variable → export name); null when it is not one cors-fix can extend. */
export function readConfigModule(text: string): AllowlistExport[] | null {
  if (!/function allowlist\(/u.test(text)) return null;
  return [...text.matchAll(EXPORT_LINE)].map((match) => ({ exportName: match[1] ?? match[2] ?? '', variable: match[4] ?? '' }));
}

/** The lines that export one allowlist, in the module's flavour. */
function exportLines(entry: AllowlistExport, flavour: ConfigFlavour): string[] {
  const declaration = flavour.commonJs
    ? `exports.${entry.exportName} = allowlist('${entry.variable}');`
    : `export const ${entry.exportName}${flavour.typescript ? ': Allowlist' : ''} = allowlist('${entry.variable}');`;
  return [`/** The origins listed in ${entry.variable}. */`, declaration];
}

/** The flavour of an existing config module, from its path and text. */
export function flavourOf(path: string, text: string): ConfigFlavour {
  const extension = extname(path);
  const typescript = /ts$/u.test(extension);
  return { extension, typescript, commonJs: !typescript && /^exports\./mu.test(text) };
}

/** The text edit that adds `entries` to an existing config module (after its last allowlist), in its own style. */
export function extendConfigModule(text: string, path: string, entries: readonly AllowlistExport[], style: TextStyle): { start: number; end: number; text: string } | null {
  const flavour = flavourOf(path, text);
  const matches = [...text.matchAll(EXPORT_LINE)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) return null;
  const lineEnd = text.indexOf('\n', last.index);
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = entries.flatMap((entry) => ['', ...exportLines(entry, flavour)]).map((line) => formatLine(line, style));
  return { start: at, end: at, text: (lineEnd < 0 ? eol : '') + lines.map((line) => line + eol).join('') };
}

/** The config module's source text, in the project's language, module syntax and formatting. */
export function configModuleText(flavour: ConfigFlavour, entries: readonly AllowlistExport[], style: TextStyle): string {
  const ts = flavour.typescript;
  const type = (annotation: string): string => (ts ? annotation : '');
  const example = entries[0]?.variable ?? ORIGINS_VARIABLE;
  const lines = [
    `// Origins allowed to call this server from a browser (CORS). Generated by cors-fix; edit freely.`,
    `//`,
    `// Each allowlist is read from an environment variable: a comma-separated list or a JSON list of`,
    `// serialised origins, for example`,
    `//   ${example}=https://app.example.com,https://admin.example.com`,
    `//   ${example}=["https://app.example.com"]`,
    `// Each entry is scheme://host[:port] with a lower-case host and nothing after it (no path, no`,
    `// trailing slash); '*' and 'null' are refused. Unset or empty, no cross-origin request is allowed.`,
    `// An invalid entry stops the server at startup with a message that names it. A variable that is`,
    `// not set when this module loads is read once startup code (a .env loader) has run.`,
    ``,
    ...(ts
      ? [
          `/**`,
          ` * The origins one variable allows (filled in at startup; typed as a plain array because framework option types`,
          ` * want one: do not change it), and checks of a request's Origin against them in the forms CORS middleware`,
          ` * accept: each reads the list when a request comes, never a copy made at startup.`,
          ` */`,
          `export interface Allowlist extends Array<string> {`,
          `  /** Whether \`origin\` is allowed. */`,
          `  has(origin: unknown): origin is string;`,
          `  /** \`origin\` option of express \`cors\`, \`@fastify/cors\`, NestJS and socket.io. */`,
          `  check(origin: string | undefined, callback: (error: Error | null, allow: boolean) => void): void;`,
          `  /** \`origin\` option of \`hono/cors\`: the origin when allowed. */`,
          `  echo(origin: string): string | null;`,
          `  /** \`origin\` option of \`@koa/cors\` and \`koa2-cors\`: the request's origin when allowed, else ''. */`,
          `  fromContext(ctx: { get(field: string): string }): string;`,
          `  /** \`origin\` option of \`@elysiajs/cors\`. */`,
          `  matchesRequest(request: { headers: { get(name: string): string | null } }): boolean;`,
          `}`,
          ``,
        ]
      : []),
    `/** Why \`entry\` is not a serialised origin, or null when it is one. */`,
    `function originProblem(entry${type(': string')})${type(': string | null')} {`,
    `  if (entry === '*') return \`'*' would let every website in; list the origins instead\`;`,
    `  if (entry.toLowerCase() === 'null') return \`'null' is the origin of sandboxed and local pages, which any website can create\`;`,
    `  const match = /^([a-z][a-z0-9+.-]*):\\/\\/([^/?#]*)(.*)$/is.exec(entry);`,
    `  if (!match) return \`it is not scheme://host[:port]\`;`,
    `  const [, scheme = '', authority = '', rest = ''] = match;`,
    `  const lower = \`\${scheme.toLowerCase()}://\${authority.toLowerCase()}\`;`,
    `  if (rest !== '') return \`browsers send origins without a path or trailing slash; use \${lower}\`;`,
    `  if (entry !== lower) return \`browsers send origins in lower case; use \${lower}\`;`,
    `  if (!/^(?:[a-z0-9-]+(?:\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?$/.test(authority)) return \`its host or port is not valid\`;`,
    `  if (/^https:.*:443$|^http:.*:80$/.test(lower)) return \`browsers leave out the default port; use \${lower.replace(/:\\d+$/, '')}\`;`,
    `  return null;`,
    `}`,
    ``,
    `function readOrigins(variable${type(': string')})${type(': string[]')} {`,
    `  const raw = (process.env[variable] ?? '').trim();`,
    `  let entries${type(': unknown')} = raw.split(',');`,
    `  if (raw.startsWith('[')) {`,
    `    try {`,
    `      entries = JSON.parse(raw);`,
    `    } catch (error) {`,
    `      throw new Error(\`\${variable} starts with "[" but is not valid JSON (\${${ts ? '(error as Error)' : 'error'}.message}). Use a JSON list of strings or a comma-separated list.\`);`,
    `    }`,
    `  }`,
    `  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) {`,
    `    throw new Error(\`\${variable} must be a list of origins, such as https://app.example.com,https://admin.example.com\`);`,
    `  }`,
    `  const origins${type(': string[]')} = [];`,
    `  for (const entry of entries${type(' as string[]')}) {`,
    `    const origin = entry.trim();`,
    `    if (origin === '') continue;`,
    `    const problem = originProblem(origin);`,
    `    if (problem) throw new Error(\`\${variable} contains "\${origin}", which is not a valid origin: \${problem}. Fix \${variable} and start again.\`);`,
    `    if (!origins.includes(origin)) origins.push(origin);`,
    `  }`,
    `  if (origins.length === 0) {`,
    `    console.warn(\`[cors] \${variable} is not set, so no cross-origin request is allowed. Set it to the origins of your web apps, for example \${variable}=https://app.example.com\`);`,
    `  }`,
    `  return origins;`,
    `}`,
    ``,
    `/** The allowlist read from \`variable\`: an array of its origins that fills in at startup, and checks against it. */`,
    `function allowlist(variable${type(': string')})${type(': Allowlist')} {`,
    `  const origins${type(': string[]')} = [];`,
    `  let loaded = false;`,
    `  const load = ()${type(': void')} => {`,
    `    if (loaded) return;`,
    `    loaded = true;`,
    `    origins.splice(0, origins.length, ...readOrigins(variable));`,
    `  };`,
    `  if ((process.env[variable] ?? '').trim() !== '') load();`,
    `  // Imports run before the code that imports them: a .env loader called there has not run yet.`,
    `  else setImmediate(load);`,
    `  const has = (origin${type(': unknown')})${type(': origin is string')} => {`,
    `    load();`,
    `    return typeof origin === 'string' && origins.includes(origin);`,
    `  };`,
    `  return Object.assign(origins, {`,
    `    has,`,
    `    check: (origin${type(': string | undefined')}, callback${type(': (error: Error | null, allow: boolean) => void')}) => callback(null, has(origin)),`,
    `    echo: (origin${type(': string')}) => (has(origin) ? origin : null),`,
    `    fromContext: (ctx${type(': { get(field: string): string }')}) => (has(ctx.get('Origin')) ? ctx.get('Origin') : ''),`,
    `    matchesRequest: (request${type(': { headers: { get(name: string): string | null } }')}) => has(request.headers.get('Origin')),`,
    `  });`,
    `}`,
    ...entries.flatMap((entry) => ['', ...exportLines(entry, flavour)]),
    ``,
  ];
  return lines.map((line) => formatLine(line, style)).join(style.eol);
}
/** Applies the project's quotes, semicolons and indentation to one template line (written in single-quote style). */
function formatLine(line: string, style: TextStyle): string {
  let result = line;
  if (!line.startsWith('//') && !line.trimStart().startsWith('/**')) {
    if (style.quote === '"') result = result.replace(/'([^'"\\`\n]*)'/gu, '"$1"');
    if (!style.semicolons) result = result.replace(/;$/u, '');
  }
  const indent = /^( +)/u.exec(result)?.[1] ?? '';
  return style.indentUnit.repeat(indent.length / 2) + result.slice(indent.length);
}
