/** Python expressions as the model's values: what the file shows is resolved, everything else is opaque and tagged. */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../model/summarize.js';
import { comparedOrigin, equivalentRegex, readAsRegex } from '../../src/python/patterns.js';
import { parsePython } from '../../src/python/parser.js';
import { PyScope } from '../../src/python/scope.js';
import { child, named } from '../../src/python/syntax.js';
import { PyValues } from '../../src/python/values.js';
import { djangoCorsHeaders } from '../../src/frameworks/django-cors-headers.js';
import { flaskCors } from '../../src/frameworks/flask-cors.js';
import { starletteCors } from '../../src/frameworks/starlette-cors.js';

/** The value of the last statement's right-hand side (`x = <expression>`), summarised. */
async function valueOf(source: string): Promise<string> {
  const tree = await parsePython(source);
  const scope = new PyScope(tree.text, tree.root);
  const last = named(tree.root).at(-1);
  const assignment = last ? named(last)[0] : undefined;
  const right = assignment ? child(assignment, 'right') : null;
  if (!right) throw new Error('no assignment');
  return describeValue(new PyValues(scope).resolve(right));
}

describe('Python values', () => {
  it.each([
    ['x = "https://a.example"', '"https://a.example"'],
    ["x = 'it\\'s' \"fine\"", `"it'sfine"`],
    ['x = r"\\d+\\."', '"\\\\d+\\\\."'],
    ['x = "\\x41\\u00e9\\n"', JSON.stringify('Aé\n')],
    ['x = f"{{literal}}"', '"{literal}"'],
    ['import os\nx = f"https://{os.environ[\'HOST\']}"', '<environment>'],
    ['x = b"bytes"', '<runtime>'],
    ['x = 60 * 10', '600'],
    ['x = 1_000', '1000'],
    ['x = -5', '-5'],
    ['x = True', 'true'],
    ['x = None', 'null'],
    ['x = ("a",)', '["a"]'],
    ['x = {"a", "b"}', 'Set["a", "b"]'],
    ['A = ["a"]\nx = A + ["b"]', '["a", "b"]'],
    ['A = ["a"]\nx = [*A, "b"]', '["a", "b"]'],
    ['A = ["a"]\nA += ["b"]\nx = A', '["a", "b"]'],
    ['x = list(("a", "b"))', '["a", "b"]'],
    ['x = dict(origins="*", max_age=5)', '{origins, max_age}'],
    ['base = {"a": 1}\nx = {**base, "b": 2}', '{a, b}'],
    ['from conf import extra\nx = {**extra, "b": 2}', '{b, …opaque}'],
    ['import os\nx = os.environ["ORIGINS"]', '<environment>'],
    ['import os\nx = os.getenv("ORIGINS", "https://a.example")', '<environment> | "https://a.example"'],
    ['import os\nx = os.environ.get("ORIGINS") or "https://a.example"', '<environment> | "https://a.example"'],
    ['import os\nx = os.environ.get("ORIGINS", "").split(",")', '<environment>'],
    ['from decouple import config\nx = config("ORIGINS", default="https://a.example")', '<environment> | "https://a.example"'],
    ['from app.config import settings\nx = settings.cors_origins', '<imported>'],
    ['from app.config import settings\nx = [str(o) for o in settings.origins]', '<imported>'],
    ['x = "a" if DEBUG else "b"', '"a" | "b"'],
    ['import re\nx = re.compile(r"^https://a\\.example$", re.I)', '/^https://a\\.example$/i'],
  ])('%s', async (source, expected) => {
    expect(await valueOf(source)).toBe(expected);
  });

  it('a local assignment in the function shadows the module constant', async () => {
    const tree = await parsePython('ORIGINS = ["module"]\ndef create():\n    ORIGINS = ["local"]\n    return ORIGINS\n');
    const scope = new PyScope(tree.text, tree.root);
    let reference = null as ReturnType<typeof named>[number] | null;
    const visit = (node: ReturnType<typeof named>[number]): void => {
      if (node.kind === 'return_statement') reference = named(node)[0] ?? null;
      for (const part of node.children) visit(part);
    };
    visit(tree.root);
    expect(reference && describeValue(new PyValues(scope).resolve(reference))).toBe('["local"]');
  });
});

describe('origin patterns as each package applies them', () => {
  it.each([
    [starletteCors.python, 'https://.*\\.example\\.com', '^(?:https://.*\\.example\\.com)$', ''],
    [flaskCors.python, 'https://.*\\.example\\.com', '^(?:https://.*\\.example\\.com)', 'i'],
    [djangoCorsHeaders.python, '^https://(?P<sub>\\w+)\\.example\\.com\\Z', '^(?:^https://(?<sub>\\w+)\\.example\\.com$)', ''],
    [starletteCors.python, '(?i)https://app\\.example\\.com', '^(?:https://app\\.example\\.com)$', 'i'],
  ] as const)('%#: %s', (entry, pattern, expected, flags) => {
    expect(equivalentRegex(pattern, entry)).toEqual({ pattern: expected, flags });
  });

  it('gives up on Python-only syntax', () => {
    expect(equivalentRegex('(?x) https:// .*', starletteCors.python)).toBeNull();
    expect(equivalentRegex('https://a(?#comment)', starletteCors.python)).toBeNull();
  });

  it('Flask-CORS reads a string with a regex character as a regex', () => {
    expect(readAsRegex('https://*.example.com', flaskCors.python)).toBe(true);
    expect(readAsRegex('https://app.example.com', flaskCors.python)).toBe(false);
    expect(readAsRegex('https://*.example.com', starletteCors.python)).toBe(false);
  });

  it.each([
    ['https://App.example.com/', 'https://App.example.com/', 'https://app.example.com/', 'https://App.example.com'],
    ['*', '*', '*', 'null'],
    ['app.example.com', 'app.example.com', 'app.example.com', 'null'],
    ['HTTPS://app.example.com:8443/x', 'HTTPS://app.example.com:8443/x', 'https://app.example.com:8443/x', 'https://app.example.com:8443'],
  ])('%s is compared as: exact %s, casefold %s, scheme and host %s', (text, exact, casefold, schemeAndHost) => {
    expect(comparedOrigin(text, starletteCors.python)).toBe(exact);
    expect(comparedOrigin(text, flaskCors.python)).toBe(casefold);
    expect(comparedOrigin(text, djangoCorsHeaders.python)).toBe(schemeAndHost);
  });
});
