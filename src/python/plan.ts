/** Plans the fix of a Python file's CORS policies. */
import type { ForeignPlan, ForeignPlanContext, PythonFile } from './front-end.js';
import type { Linker } from './link.js';
import { pythonFindings } from './findings.js';

export async function planPython(file: PythonFile, _context: ForeignPlanContext, _linker: Linker): Promise<ForeignPlan> {
  return { edits: new Map(), create: [], envExample: null, findings: pythonFindings(file.file) };
}
