/**
 * Ground truth for middleware order: hand-written apps in which auth or rate-limit middleware, or Django's
 * CommonMiddleware redirects, run before or after CORS. Where the model reports `middleware-order`, the real library
 * must fail the preflight from an allowed origin; where it does not, the preflight must pass.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { misorderedCors } from '../../../src/model/index.js';
import { parsePython } from '../../../src/python/parser.js';
import { readPython } from '../../../src/python/read-python.js';
import type { PythonConfig, PythonTarget } from './configs.js';
import { ORIGINS, type Served, requirePython, serve, stopAll } from './server.js';

/** A FastAPI app whose auth middleware rejects every request without an Authorization header. */
function starlette(body: string): string {
  return `from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import PlainTextResponse


class JWTAuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        if "authorization" not in request.headers:
            return PlainTextResponse("unauthorized", status_code=401)
        return await call_next(request)


CORS = dict(allow_origins=["https://app.example.com"], allow_methods=["GET"], allow_headers=["Authorization"])
${body}

@app.get("/{path:path}")
async def index(path: str):
    return Response("ok")
`;
}

/** A settings module; `gt_config_<N>.TokenAuthMiddleware` is the rejecting middleware it defines. */
function django(index: number, middleware: string[]): string {
  return `class TokenAuthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponse

        if "HTTP_AUTHORIZATION" not in request.META:
            return HttpResponse("unauthorized", status=401)
        return self.get_response(request)


INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
${middleware.map((entry) => `    "${entry.replace('AUTH', `gt_config_${index}.TokenAuthMiddleware`)}",`).join('\n')}
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_METHODS = ["GET"]
CORS_ALLOW_HEADERS = ["authorization"]
`;
}

interface Case {
  name: string;
  source: string;
}

const CORS = 'corsheaders.middleware.CorsMiddleware';
const COMMON = 'django.middleware.common.CommonMiddleware';
const SESSION = 'django.contrib.sessions.middleware.SessionMiddleware';
const AUTHENTICATION = 'django.contrib.auth.middleware.AuthenticationMiddleware';

const CASES: Record<'starlette' | 'django', Case[]> = {
  starlette: [
    { name: 'CORS added, then auth (auth runs first)', source: starlette('app = FastAPI()\napp.add_middleware(CORSMiddleware, **CORS)\napp.add_middleware(JWTAuthMiddleware)\n') },
    { name: 'auth added, then CORS (CORS runs first)', source: starlette('app = FastAPI()\napp.add_middleware(JWTAuthMiddleware)\napp.add_middleware(CORSMiddleware, **CORS)\n') },
    { name: 'middleware=[auth, CORS]', source: starlette('app = FastAPI(middleware=[Middleware(JWTAuthMiddleware), Middleware(CORSMiddleware, **CORS)])\n') },
    { name: 'middleware=[CORS, auth]', source: starlette('app = FastAPI(middleware=[Middleware(CORSMiddleware, **CORS), Middleware(JWTAuthMiddleware)])\n') },
    { name: 'auth with add_middleware over a middleware=[CORS] list', source: starlette('app = FastAPI(middleware=[Middleware(CORSMiddleware, **CORS)])\napp.add_middleware(JWTAuthMiddleware)\n') },
    {
      name: '@app.middleware("http") auth guard added after CORS',
      source: starlette(
        'app = FastAPI()\napp.add_middleware(CORSMiddleware, **CORS)\n\n\n@app.middleware("http")\nasync def require_auth(request, call_next):\n    if "authorization" not in request.headers:\n        return PlainTextResponse("unauthorized", status_code=401)\n    return await call_next(request)\n',
      ),
    },
  ],
  django: [
    { name: 'CommonMiddleware before CorsMiddleware (its APPEND_SLASH redirect answers first)', source: '' },
    { name: 'CorsMiddleware before CommonMiddleware', source: '' },
    { name: 'a rejecting auth middleware before CorsMiddleware', source: '' },
    { name: 'CorsMiddleware before a rejecting auth middleware', source: '' },
    { name: "Django's AuthenticationMiddleware (it only annotates) before CorsMiddleware", source: '' },
  ],
};
const DJANGO_ORDERS = [
  [COMMON, CORS],
  [CORS, COMMON],
  ['AUTH', CORS, COMMON],
  [CORS, 'AUTH', COMMON],
  [SESSION, AUTHENTICATION, CORS, COMMON],
];
CASES.django.forEach((item, index) => (item.source = django(index, DJANGO_ORDERS[index] as string[])));

async function predicted(source: string): Promise<boolean> {
  const file = readPython(await parsePython(source), '/gt/order.py');
  return file.chains.some((chain) => misorderedCors(chain).length > 0);
}

async function preflight(port: number, index: number): Promise<{ status: number; origin: string | undefined }> {
  const response = await fetch(`http://127.0.0.1:${port}/c${index}/strict/probe`, {
    method: 'OPTIONS',
    headers: { origin: ORIGINS.allowed, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    redirect: 'manual',
    signal: AbortSignal.timeout(5_000),
  });
  await response.arrayBuffer();
  return { status: response.status, origin: response.headers.get('access-control-allow-origin') ?? undefined };
}

for (const target of ['starlette', 'django'] as const satisfies readonly PythonTarget[]) {
  describe(`ground truth: ${target} middleware order`, () => {
    let served: Served | null = null;

    afterAll(async () => {
      await served?.stop();
      await stopAll();
    });

    it('reports middleware-order exactly where the real preflight fails', async () => {
      requirePython(target);
      const cases = CASES[target];
      // The sources are written as they are: the configuration carries them through `configSource`.
      const configs = cases.map((item): PythonConfig => ({ target, form: 'source', options: [['source', item.source]] }));
      served = await serve(target, configs);
      expect([...served.loadErrors.values()]).toEqual([]);
      const results: string[] = [];
      for (const [index, item] of cases.entries()) {
        const answer = await preflight(served.port, index);
        const passes = answer.status >= 200 && answer.status < 300 && answer.origin === ORIGINS.allowed;
        const reported = await predicted(item.source);
        results.push(`${item.name}: ${reported ? 'reported' : 'not reported'}, preflight ${passes ? 'passes' : 'fails'} (${answer.status})`);
        expect(reported, results.at(-1)).toBe(!passes);
      }
      // Both outcomes occur: the check can fail either way.
      expect(results.some((line) => line.includes('passes'))).toBe(true);
      expect(results.some((line) => line.includes('fails'))).toBe(true);
    }, 120_000);
  });
}
