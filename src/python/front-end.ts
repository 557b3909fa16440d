/**
 * The Python front end of cors-fix, behind one narrow interface: which files it takes, a cheap pre-filter, reading a
 * file into the model (linking the modules it imports settings and routers from), the findings, and the plan of
 * edits, new files and `.env.example` origins. The run drives it; nothing here writes a file.
 */
import type { PolicyFinding } from '../cors-fix/findings.js';
import type { TextEdit } from '../cors-fix/text-edits.js';
import type { PyRoute } from './app-facts.js';
import { Linker, type ProjectAccess, type SettingsObject } from './link.js';
import { parsePython, parserStats } from './parser.js';
import { pythonFindings } from './findings.js';
import { planPython } from './plan.js';
import { type PyFile, readPython } from './read-python.js';

export type { ProjectAccess } from './link.js';

/** A Python file read for cors-fix: the model, and what its links showed. */
export interface PythonFile {
  file: PyFile;
  /** Routes of routers the app includes from other modules. */
  includedRoutes: PyRoute[];
  /** The Pydantic settings object the app reads, if any. */
  settings: SettingsObject | null;
}

export type ReadResult = { ok: true; file: PythonFile } | { ok: false; line: number; column: number; message: string };

/** What the planner is told about the run. */
export interface ForeignPlanContext {
  envVar: string;
}

/** What the planner wants done for one file. */
export interface ForeignPlan {
  /** Text edits per file (offsets in its text without BOM): the file itself, and a settings module it reads. */
  edits: Map<string, TextEdit[]>;
  /** Files to create (the allowlist module), unless they exist. */
  create: { path: string; text: string }[];
  /** The `.env.example` to add the variable to: its directory, the origins the edits retire, the module reading it. */
  envExample: { root: string; origins: string[]; reader: string } | null;
  /** Every finding, marked fixed, review or skipped. */
  findings: PolicyFinding[];
}

/** A language front end as the run sees it. */
export interface FrontEnd<F> {
  extensions: readonly string[];
  /** A test of a file's raw text (bytes read as Latin-1) that every file with a CORS policy passes. */
  prefilter: RegExp;
  read(text: string, path: string, project: ProjectAccess): Promise<{ ok: true; file: F } | { ok: false; line: number; column: number; message: string }>;
  findings(file: F): PolicyFinding[];
  plan(file: F, context: ForeignPlanContext, project: ProjectAccess): Promise<ForeignPlan>;
  /** Whether a rewritten text still parses; the reason when it does not. */
  check(text: string): Promise<{ ok: true } | { ok: false; line: number; column: number; message: string }>;
}

/** Text every Python file with a CORS policy contains (`CORSMiddleware`, `flask_cors`, `corsheaders`, `CORS_…`). */
const PREFILTER = /cors/iu;

let linker: Linker | null = null;

function linkerFor(project: ProjectAccess): Linker {
  if (!linker || linker.project !== project) linker = new Linker(project);
  return linker;
}

export const python: FrontEnd<PythonFile> = {
  extensions: ['.py'],
  prefilter: PREFILTER,
  async read(text, path, project) {
    const tree = await parsePython(text);
    const error = tree.errors[0];
    if (error) return { ok: false, line: error.loc.start.line, column: error.loc.start.column + 1, message: error.missing ? `missing ${error.kind}` : 'syntax error' };
    const links = linkerFor(project);
    const starImports = await links.starImports({ path, tree });
    const file = readPython(tree, path, { starImports });
    if (file.policies.length === 0) return { ok: true, file: { file, includedRoutes: [], settings: null } };
    const includedRoutes = await links.includedRoutes(file);
    const settings = await links.settingsObject(file);
    return { ok: true, file: { file, includedRoutes, settings } };
  },
  findings(file) {
    return pythonFindings(file.file);
  },
  plan(file, context, project) {
    return planPython(file, context, linkerFor(project));
  },
  async check(text) {
    const tree = await parsePython(text);
    const error = tree.errors[0];
    return error ? { ok: false, line: error.loc.start.line, column: error.loc.start.column + 1, message: error.missing ? `missing ${error.kind}` : 'syntax error' } : { ok: true };
  },
};

/** How long loading the parser took and how many files were parsed (for reports and benchmarks). */
export { parserStats };
