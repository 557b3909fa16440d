/**
 * The Python reader, table by table: each source is read into the model and judged by the same verdicts as
 * JavaScript; the rule ids and lines of the findings are the expectation. Cases that must not be read as CORS at all
 * (look-alike names, comments, other packages) come with an empty list.
 */
import { describe, expect, it } from 'vitest';
import { type PythonFile, python } from '../../src/python/front-end.js';
import { isAuthName } from '../../src/python/read-python.js';

const project = { root: '/project', readText: () => null, exists: () => false };

async function read(source: string): Promise<PythonFile> {
  const result = await python.read(source, '/project/app.py', project);
  if (!result.ok) throw new Error(`does not parse: ${result.line}:${result.column} ${result.message}`);
  return result.file;
}

/** `rule:kind@line` for every finding, by line. */
async function findingsOf(source: string): Promise<string[]> {
  const file = await read(source);
  return byLine(python.findings(file).map((finding) => `${finding.ruleId.replace('cors/', '')}:${finding.kind}@${finding.node.loc.start.line}`));
}

function byLine(entries: readonly string[]): string[] {
  const line = (entry: string): number => Number(entry.split('@')[1]);
  return [...entries].sort((a, b) => line(a) - line(b) || a.localeCompare(b));
}

const STARLETTE = 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\n';

const cases: { name: string; source: string; expected: string[] }[] = [
  {
    name: 'FastAPI: ["*"] with credentials is a wildcard and, with credentials, a reflected origin',
    source: `${STARLETTE}app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["GET"], allow_headers=["Authorization", "Content-Type"])\n`,
    expected: ['no-credentials-with-wildcard:reflected-origin@4', 'no-wildcard-origin:any@4'],
  },
  {
    name: 'FastAPI: no methods, no headers: GET only and the safelisted headers (methods reported, headers not)',
    source: `${STARLETTE}app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)\nfrom config import ORIGINS\n`,
    expected: ['require-explicit-headers:default-methods@4'],
  },
  {
    name: 'FastAPI: credentials without Authorization in the headers (Content-Type is always allowed by Starlette)',
    source: `${STARLETTE}import os\napp.add_middleware(CORSMiddleware, allow_origins=os.environ["O"].split(","), allow_credentials=True, allow_methods=["GET"], allow_headers=["X-Custom"])\n`,
    expected: ['require-explicit-headers:missing-credentials-header@5'],
  },
  {
    name: 'FastAPI: an os.getenv(...) or "https://…" fallback is a hard-coded origin; tuples are lists',
    source: `${STARLETTE}import os\nORIGINS = (os.getenv("WEB_ORIGIN") or "https://app.example.com",)\napp.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_methods=["GET"], allow_headers=[])\n`,
    expected: ['no-hardcoded-origins:string@5'],
  },
  {
    name: 'FastAPI: list concatenation and unpacking of module constants',
    source: `${STARLETTE}BASE = ["https://app.example.com"]\nEXTRA = [*BASE, "http://localhost:3000"]\napp.add_middleware(CORSMiddleware, allow_origins=EXTRA + ["https://admin.example.com"], allow_methods=["GET"], allow_headers=[])\n`,
    expected: ['no-hardcoded-origins:string@4', 'no-hardcoded-origins:string@5', 'no-hardcoded-origins:string@6'],
  },
  {
    name: 'FastAPI: allow_origin_regex is matched whole (fullmatch): no anchoring finding, but a bare dot is one',
    source: `${STARLETTE}app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://[a-z]+\\.example.com", allow_methods=["GET"], allow_headers=[])\n`,
    expected: ['no-hardcoded-origins:regex@4', 'no-unsafe-origin-pattern:unescaped-dot@4'],
  },
  {
    name: 'FastAPI: a regex that matches everything is a wildcard',
    source: `${STARLETTE}app.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_methods=["GET"], allow_headers=[])\n`,
    expected: ['no-wildcard-origin:any-regex@4'],
  },
  {
    name: 'FastAPI: allow_origins given a string is matched as a substring (valid-options), and a typo of an option name',
    source: `${STARLETTE}app.add_middleware(CORSMiddleware, allow_origins="https://app.example.com", allow_method=["GET"], allow_headers=[])\n`,
    expected: ['no-hardcoded-origins:string@4', 'valid-options:origin-type@4', 'valid-options:unknown-option@4', 'require-explicit-headers:default-methods@4'],
  },
  {
    name: 'FastAPI: SSE served, an explicit header list without Last-Event-ID and Cache-Control',
    source: `${STARLETTE}from fastapi.responses import StreamingResponse\napp.add_middleware(CORSMiddleware, allow_origins=[], allow_methods=["GET"], allow_headers=["Authorization"])\n@app.get("/s")\ndef s():\n    return StreamingResponse(g(), media_type="text/event-stream")\n`,
    expected: ['require-sse-headers:missing-event-stream-header@5', 'require-sse-headers:missing-event-stream-header@5'],
  },
  {
    name: 'FastAPI: sse-starlette EventSourceResponse serves SSE too; the default header list lacks Last-Event-ID',
    source: `${STARLETTE}from sse_starlette.sse import EventSourceResponse\napp.add_middleware(CORSMiddleware, allow_origins=[], allow_methods=["GET"])\n@app.get("/s")\nasync def s():\n    return EventSourceResponse(g())\n`,
    expected: ['require-sse-headers:missing-event-stream-header@5', 'require-sse-headers:missing-event-stream-header@5'],
  },
  {
    name: 'Starlette: CORS added before auth middleware runs after it (the middleware added last is the outermost)',
    source: `${STARLETTE}from auth import JWTAuthMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=[], allow_methods=["GET"], allow_headers=[])\napp.add_middleware(JWTAuthMiddleware)\n`,
    expected: ['middleware-order:after-auth@5'],
  },
  {
    name: 'Starlette: CORS added after auth middleware runs first: no finding',
    source: `${STARLETTE}from auth import JWTAuthMiddleware\napp.add_middleware(JWTAuthMiddleware)\napp.add_middleware(CORSMiddleware, allow_origins=[], allow_methods=["GET"], allow_headers=[])\n`,
    expected: [],
  },
  {
    name: 'Starlette: in middleware=[…] the first entry is the outermost',
    source: `from starlette.applications import Starlette\nfrom starlette.middleware import Middleware\nfrom starlette.middleware.cors import CORSMiddleware\nfrom limits import RateLimitMiddleware\napp = Starlette(middleware=[Middleware(RateLimitMiddleware), Middleware(CORSMiddleware, allow_origins=[], allow_methods=["GET"], allow_headers=[])])\n`,
    expected: ['middleware-order:after-auth@5'],
  },
  {
    name: 'Starlette: "authors" and "author_pages" are not auth',
    source: `${STARLETTE}from pages import AuthorPagesMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=[], allow_methods=["GET"], allow_headers=[])\napp.add_middleware(AuthorPagesMiddleware)\n`,
    expected: [],
  },
  {
    name: 'Starlette: CORSMiddleware(app, …) wrapping',
    source: `${STARLETTE}application = CORSMiddleware(app, allow_origins=["*"], allow_methods=["GET"], allow_headers=[])\n`,
    expected: ['no-wildcard-origin:any@4'],
  },
  {
    name: 'Starlette: options from an imported dict are out of sight',
    source: `${STARLETTE}from settings import CORS_OPTIONS\napp.add_middleware(CORSMiddleware, **CORS_OPTIONS)\n`,
    expected: [],
  },
  {
    name: 'Flask-CORS: CORS(app) echoes every origin; methods and headers left to the defaults',
    source: 'from flask import Flask\nfrom flask_cors import CORS\napp = Flask(__name__)\nCORS(app)\n',
    expected: ['no-wildcard-origin:reflect@4', 'require-explicit-headers:default-headers@4', 'require-explicit-headers:default-methods@4'],
  },
  {
    name: 'Flask-CORS: "*" with supports_credentials echoes every origin with credentials',
    source: 'from flask import Flask\nfrom flask_cors import CORS\napp = Flask(__name__)\nCORS(app, origins="*", supports_credentials=True, methods=["GET"], allow_headers=["Authorization", "Content-Type"])\n',
    expected: ['no-credentials-with-wildcard:reflected-origin@4'],
  },
  {
    name: 'Flask-CORS: a string with a regex character is a regex matched from the start only (unanchored end)',
    source: 'from flask_cors import cross_origin\n@cross_origin(origins=[r"https://app\\.example\\.com"], methods=["GET"], allow_headers=[])\ndef view():\n    pass\n',
    expected: ['no-hardcoded-origins:regex@2', 'no-unsafe-origin-pattern:unanchored@2'],
  },
  {
    name: 'Flask-CORS: resources give each path its own policy; init_app keywords join the constructor\'s',
    source: 'from flask_cors import CORS\ncors = CORS(resources={r"/api/*": {"origins": ["https://app.example.com"]}, r"/public/*": {"origins": "*"}}, methods=["GET"], allow_headers=[])\ncors.init_app(app)\n',
    expected: ['no-hardcoded-origins:string@2', 'no-wildcard-origin:reflect@2'],
  },
  {
    name: 'django-cors-headers: allow-all with credentials, regex matched from the start, CORS after CommonMiddleware',
    source:
      'MIDDLEWARE = [\n    "django.middleware.common.CommonMiddleware",\n    "corsheaders.middleware.CorsMiddleware",\n]\nCORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\nCORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com"]\nCORS_ALLOW_METHODS = ["GET"]\n',
    expected: ['middleware-order:after-route@3', 'no-credentials-with-wildcard:reflected-origin@5', 'no-wildcard-origin:any@5', 'no-hardcoded-origins:regex@7', 'no-unsafe-origin-pattern:unanchored@7'],
  },
  {
    name: 'django-cors-headers: AuthenticationMiddleware only annotates requests; "*" in the list lets in the null origin',
    source:
      'INSTALLED_APPS = ["corsheaders"]\nMIDDLEWARE = ["django.contrib.auth.middleware.AuthenticationMiddleware", "corsheaders.middleware.CorsMiddleware"]\nCORS_ALLOWED_ORIGINS = ["*"]\nCORS_ALLOW_METHODS = ["GET"]\n',
    expected: ['no-unsafe-origin-pattern:null-origin@3'],
  },
  {
    name: 'django-cors-headers: a trailing slash still matches (scheme and host are compared), upper case does not',
    source: 'INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGINS = ["https://app.example.com/", "https://APP.example.com"]\nCORS_ALLOW_METHODS = ["GET"]\n',
    expected: ['no-hardcoded-origins:string@2', 'no-hardcoded-origins:string@2', 'no-unsafe-origin-pattern:uppercase-host@2'],
  },
  {
    name: 'django-cors-headers: a string instead of a list is read character by character, which lets in the null origin',
    source: 'INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGINS = "https://app.example.com"\nCORS_ALLOW_METHODS = ["GET"]\n',
    expected: ['no-unsafe-origin-pattern:null-origin@2', 'valid-options:origin-type@2'],
  },
  {
    name: 'django-cors-headers: the current setting name wins over its alias',
    source: 'INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_METHODS = ["GET"]\n',
    expected: [],
  },
  {
    name: 'django-cors-headers: a settings module that star-imports its base is not missing the base\'s settings',
    source: 'from .base import *\nCORS_ALLOWED_ORIGINS = [origin for origin in env_list]\n',
    expected: [],
  },
  {
    name: 'django-cors-headers: a misspelt setting',
    source: 'INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGIN = ["https://app.example.com"]\nCORS_ALLOW_METHODS = ["GET"]\n',
    expected: ['valid-options:unknown-option@2'],
  },
  {
    name: 'not CORS: a CORSMiddleware of the project\'s own, a CORS of another package, a comment',
    source: 'from myproject.middleware import CORSMiddleware\nfrom other import CORS\n# app.add_middleware(CORSMiddleware, allow_origins=["*"])\napp.add_middleware(CORSMiddleware, allow_origins=["*"])\nCORS(app)\n',
    expected: [],
  },
  {
    name: 'not CORS: a Flask config module with CORS_* keys is not django-cors-headers settings',
    source: 'CORS_ORIGINS = ["https://app.example.com"]\nCORS_SUPPORTS_CREDENTIALS = True\n',
    expected: [],
  },
];

describe('the Python reader, judged by the shared verdicts', () => {
  it.each(cases)('$name', async ({ source, expected }) => {
    expect(await findingsOf(source)).toEqual(byLine(expected));
  });
});

describe('the model of a Python policy', () => {
  it('Starlette ["*"]: sends *, and with credentials echoes the origin (the verdicts say reflected)', async () => {
    const file = await read(`${STARLETTE}app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n`);
    const policy = file.file.policies[0];
    expect(policy?.framework.id).toBe('starlette');
    expect(policy?.allowedOrigins.map((origin) => origin.kind)).toEqual(['any']);
    expect(policy?.credentials.on).toBe(true);
    expect(policy?.framework.origin.starWithCredentials).toBe('reflect');
  });

  it('Starlette: allow_headers always includes the CORS-safelisted headers', async () => {
    const file = await read(`${STARLETTE}app.add_middleware(CORSMiddleware, allow_headers=["X-Custom"])\n`);
    expect(file.file.policies[0]?.allowedHeaders.tokens.map((token) => token.name)).toEqual(['X-Custom', 'Accept', 'Accept-Language', 'Content-Language', 'Content-Type']);
  });

  it('Flask-CORS: an origin is compared ignoring case', async () => {
    const file = await read('from flask_cors import CORS\nCORS(app, origins=["https://App.Example.com"])\n');
    const origin = file.file.policies[0]?.allowedOrigins[0];
    expect(origin?.kind).toBe('listed');
    expect(origin?.value?.kind === 'string' && origin.value.value).toBe('https://app.example.com');
  });

  it('Flask-CORS: send_wildcard=True sends * instead of echoing', async () => {
    const file = await read('from flask_cors import CORS\nCORS(app, send_wildcard=True)\n');
    expect(file.file.policies[0]?.allowedOrigins.map((origin) => origin.kind)).toEqual(['any']);
  });

  it('django-cors-headers: nothing is allowed until configured', async () => {
    const file = await read('INSTALLED_APPS = ["corsheaders"]\nMIDDLEWARE = ["corsheaders.middleware.CorsMiddleware"]\n');
    expect(file.file.policies).toHaveLength(1);
    expect(file.file.policies[0]?.allowedOrigins).toEqual([]);
  });

  it('reads routes, included routers, request headers and SSE', async () => {
    const file = await read(
      `${STARLETTE}from fastapi import Header\nfrom .routers import items\n@app.get("/a")\ndef a(x_tenant_id: str = Header(None)):\n    pass\n@app.api_route("/b", methods=["PUT", "DELETE"])\ndef b(request):\n    return request.headers["X-Trace"]\napp.include_router(items.router)\n`,
    );
    expect(file.file.facts.routes.map((route) => route.methods)).toEqual([['GET'], ['PUT', 'DELETE']]);
    expect(file.file.facts.requestHeaders).toEqual(['x-tenant-id', 'X-Trace']);
    expect(file.file.facts.routers).toHaveLength(1);
  });
});

describe('middleware names', () => {
  it.each([
    ['JWTAuthMiddleware', true],
    ['SlowAPIMiddleware', true],
    ['RateLimitMiddleware', true],
    ['AuthenticationMiddleware', true],
    ['login_required', true],
    ['AuthorPagesMiddleware', false],
    ['GZipMiddleware', false],
    ['LimitedOffersMiddleware', false],
  ] as const)('%s is auth or rate limiting: %s', (name, expected) => {
    expect(isAuthName(name)).toBe(expected);
  });
});
