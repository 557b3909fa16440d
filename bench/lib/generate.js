/**
 * Deterministic source generators for the benchmark: ordinary application modules (no CORS at all) and server files
 * with CORS policies of every framework the plugin knows, in many shapes (wildcard, reflect, lists, regexes, env,
 * callbacks, conditionals, raw headers, options in a constant, route-level, misordered middleware).
 */

/** The model's own pre-filter; filler must never match it, so that exactly the intended share of files has CORS. */
export const MIGHT_HAVE_CORS = /cors|access-control-|startStandaloneServer/iu;

const NOUNS = [
  'user', 'order', 'invoice', 'product', 'cart', 'session', 'account', 'report', 'ticket', 'payment', 'shipment',
  'review', 'coupon', 'tenant', 'project', 'task', 'comment', 'message', 'notification', 'audit', 'customer',
  'warehouse', 'subscription', 'plan', 'team', 'member', 'document', 'folder', 'upload', 'webhook', 'refund',
  'catalog', 'category', 'price', 'quote', 'lead', 'contact', 'address', 'device', 'metric', 'event', 'job',
];
const VERBS = ['load', 'find', 'create', 'update', 'remove', 'list', 'sync', 'validate', 'format', 'resolve', 'compute', 'merge', 'archive', 'export'];
const FIELDS = ['id', 'name', 'status', 'createdAt', 'updatedAt', 'ownerId', 'total', 'currency', 'email', 'title', 'count', 'tags', 'version', 'region'];
const STATUSES = ['draft', 'active', 'pending', 'archived', 'failed', 'complete'];

const cap = (word) => word[0].toUpperCase() + word.slice(1);

/** Blocks of ordinary application code; each takes the random source, a noun and whether to emit TypeScript. */
const BLOCKS = [
  (r, noun, ts) => {
    const type = cap(noun);
    const fields = [...new Set([FIELDS[0], r.pick(FIELDS), r.pick(FIELDS), r.pick(FIELDS), r.pick(FIELDS)])];
    if (!ts) return `/** Shape of a ${noun}: ${fields.join(', ')}. */\nexport const ${noun.toUpperCase()}_FIELDS = ${JSON.stringify(fields)};\n`;
    const body = fields.map((field) => `  ${field}${r.chance(0.2) ? '?' : ''}: ${field.endsWith('At') ? 'Date' : field === 'count' || field === 'total' || field === 'version' ? 'number' : field === 'tags' ? 'string[]' : 'string'};`);
    return `/** A ${noun} as stored. */\nexport interface ${type}Record {\n${body.join('\n')}\n}\n`;
  },
  (r, noun, ts) => {
    const verb = r.pick(VERBS);
    const type = cap(noun);
    const t = (text) => (ts ? text : '');
    return `export async function ${verb}${type}(db${t(': Database')}, id${t(': string')}, options${t(`: { includeDeleted?: boolean; limit?: number }`)} = {})${t(`: Promise<${type}Record | null>`)} {
  if (!id) throw new TypeError('${noun} id is required');
  const rows = await db.query(
    'SELECT * FROM ${noun}s WHERE id = $1' + (options.includeDeleted ? '' : ' AND deleted_at IS NULL') + ' LIMIT $2',
    [id, options.limit ?? ${r.int(1, 100)}],
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  return { ...row, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) };
}
`;
  },
  (r, noun, ts) => {
    const t = (text) => (ts ? text : '');
    const size = r.int(10, 100);
    return `export function paginate${cap(noun)}s${t('<T>')}(items${t(': readonly T[]')}, page${t(': number')}, size = ${size})${t(': { items: T[]; total: number; pages: number }')} {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const start = (current - 1) * size;
  return { items: items.slice(start, start + size), total: items.length, pages };
}
`;
  },
  (r, noun, ts) => {
    const type = cap(noun);
    const t = (text) => (ts ? text : '');
    const statuses = STATUSES.slice(0, r.int(3, STATUSES.length));
    return `const ${noun}Transitions${t(': Record<string, readonly string[]>')} = {
${statuses.map((status, index) => `  ${status}: [${statuses.slice(index + 1, index + 3).map((next) => `'${next}'`).join(', ')}],`).join('\n')}
};

export function can${type}Move(from${t(': string')}, to${t(': string')})${t(': boolean')} {
  const allowed = ${noun}Transitions[from];
  if (!allowed) return false;
  return allowed.includes(to);
}
`;
  },
  (r, noun, ts) => {
    const type = cap(noun);
    const t = (text) => (ts ? text : '');
    const field = r.pick(FIELDS);
    return `export class ${type}Service {
  ${ts ? 'private readonly cache = new Map<string, { value: unknown; expires: number }>();' : '#cache = new Map();'}

  constructor(${ts ? 'private readonly repository: Repository, private readonly ttl = ' + r.int(1, 60) * 1000 : 'repository, ttl = ' + r.int(1, 60) * 1000}) {${ts ? '' : '\n    this.repository = repository;\n    this.ttl = ttl;\n  '}}

  async get(id${t(': string')})${t(': Promise<unknown>')} {
    const hit = this.${ts ? '' : '#'}cache.get(id);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = await this.repository.find${type}(id);
    this.${ts ? '' : '#'}cache.set(id, { value, expires: Date.now() + this.ttl });
    return value;
  }

  async list${type}sBy${cap(field)}(${field}${t(': string')}, limit = ${r.int(10, 500)})${t(': Promise<unknown[]>')} {
    const all = await this.repository.list${type}s({ ${field}, limit });
    return all.filter((item) => item != null).sort((a, b) => String(a.${field}).localeCompare(String(b.${field})));
  }

  invalidate(id${t('?: string')})${t(': void')} {
    if (id === undefined) this.${ts ? '' : '#'}cache.clear();
    else this.${ts ? '' : '#'}cache.delete(id);
  }
}
`;
  },
  (r, noun, ts) => {
    const t = (text) => (ts ? text : '');
    const keys = [r.pick(FIELDS), r.pick(FIELDS), r.pick(FIELDS)];
    return `export function validate${cap(noun)}(input${t(': unknown')})${t(': string[]')} {
  const errors${t(': string[]')} = [];
  if (typeof input !== 'object' || input === null) return ['${noun} must be an object'];
  const value = input${t(' as Record<string, unknown>')};
${keys.map((key) => `  if (value.${key} === undefined) errors.push('${key} is required');`).join('\n')}
  if (typeof value.name === 'string' && value.name.length > ${r.int(40, 255)}) errors.push('name is too long');
  if (value.email !== undefined && !/^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i.test(String(value.email))) errors.push('email is invalid');
  return errors;
}
`;
  },
  (r, noun, ts) => {
    const t = (text) => (ts ? text : '');
    const currency = r.pick(['EUR', 'USD', 'GBP', 'JPY']);
    return `const ${noun}Formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: '${currency}' });

export function summarise${cap(noun)}s(rows${t(': { total: number; status: string }[]')})${t(': string')} {
  let sum = 0;
  const byStatus = new Map${t('<string, number>')}();
  for (const row of rows) {
    sum += row.total;
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  }
  const parts = [...byStatus].map(([status, count]) => \`\${status}: \${count}\`);
  return \`\${rows.length} ${noun}s, \${${noun}Formatter.format(sum)} (\${parts.join(', ')})\`;
}
`;
  },
  (r, noun) => {
    const entries = Array.from({ length: r.int(4, 16) }, (_, index) => `  ${noun.toUpperCase()}_${VERBS[index % VERBS.length].toUpperCase()}_${index}: '${noun}.${VERBS[index % VERBS.length]}.${index}',`);
    return `/** Event names emitted by the ${noun} module. */\nexport const ${noun.toUpperCase()}_EVENTS = Object.freeze({\n${entries.join('\n')}\n});\n`;
  },
  (r, noun, ts) => {
    const t = (text) => (ts ? text : '');
    return `export async function retry${cap(noun)}Job${t('<T>')}(run${t(': () => Promise<T>')}, attempts = ${r.int(2, 6)}, delayMs = ${r.int(50, 2000)})${t(': Promise<T>')} {
  let lastError${t(': unknown')};
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await run();
    } catch (error) {
      lastError = error;
      if (attempt === attempts) break;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
  throw new Error(\`${noun} job failed after \${attempts} attempts\`, { cause: lastError });
}
`;
  },
  (r, noun, ts) => {
    const t = (text) => (ts ? text : '');
    const field = r.pick(FIELDS);
    return `export function group${cap(noun)}sBy${cap(field)}(items${t(': { ' + field + ': unknown }[]')})${t(': Map<string, typeof items>')} {
  const groups = new Map();
  for (const item of items) {
    const key = String(item.${field} ?? 'unknown');
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
`;
  },
];

/** The import lines an ordinary module starts with. */
function fillerImports(r, ts, commonJs) {
  const lines = [];
  const count = r.int(1, 5);
  for (let index = 0; index < count; index++) {
    const noun = r.pick(NOUNS);
    const specifier = r.pick([`./${noun}`, `../${noun}s/${noun}.service`, `../lib/${r.pick(VERBS)}`, 'node:crypto', 'node:path', 'zod', 'date-fns']);
    const name = `${r.pick(VERBS)}${cap(noun)}`;
    lines.push(commonJs ? `const { ${name} } = require('${specifier}');` : `import { ${name} } from '${specifier}';`);
  }
  if (ts && r.chance(0.5)) lines.push(`import type { Database, Repository } from '../db/types';`);
  return [...new Set(lines)].join('\n');
}

/** An ordinary application module of about `targetBytes` (no CORS, no `Access-Control-` header). */
export function fillerText(r, { ts, commonJs = false, targetBytes }) {
  let text = `${fillerImports(r, ts, commonJs)}\n\n`;
  while (text.length < targetBytes) {
    text += `${r.pick(BLOCKS)(r, r.pick(NOUNS), ts)}\n`;
  }
  if (MIGHT_HAVE_CORS.test(text)) throw new Error('bench generator: filler text matches the CORS pre-filter');
  return text;
}

/** Realistic source-file size: log-normal around 2.5 kB, between 250 B and 40 kB. */
export function fileSize(r) {
  return Math.round(Math.min(40_000, Math.max(250, r.logNormal(2500, 0.8))));
}

// --- CORS server files ------------------------------------------------------------------------------------------

const EXPRESS_NAMES = { methods: 'methods', headers: 'allowedHeaders', expose: 'exposedHeaders' };
const KOA_NAMES = { methods: 'allowMethods', headers: 'allowHeaders', expose: 'exposeHeaders' };

const FRAMEWORKS = {
  express: { names: EXPRESS_NAMES, regex: true, reflectTrue: true, callback: 'node' },
  fastify: { names: EXPRESS_NAMES, regex: true, reflectTrue: true, callback: 'node' },
  hono: { names: KOA_NAMES, regex: false, reflectTrue: false, callback: 'hono' },
  koa: { names: KOA_NAMES, regex: false, reflectTrue: false, callback: 'koa' },
  'koa2-cors': { names: KOA_NAMES, regex: false, reflectTrue: false, callback: 'koa' },
  nestjs: { names: EXPRESS_NAMES, regex: true, reflectTrue: true, callback: 'node' },
  'socket.io': { names: EXPRESS_NAMES, regex: true, reflectTrue: true, callback: 'node' },
  elysia: { names: { ...EXPRESS_NAMES, expose: 'exposeHeaders' }, regex: true, reflectTrue: true, callback: 'elysia' },
  'raw-headers': { names: null },
  apollo: { names: null },
};
const FRAMEWORK_IDS = Object.keys(FRAMEWORKS);

const HOSTS = ['app', 'admin', 'dashboard', 'portal', 'www', 'staging', 'docs', 'partners'];
const DOMAINS = ['example.com', 'acme.io', 'shop.example.org', 'internal.example.net'];

/** One origin shape: extra declarations it needs and the expression for the `origin` option. */
function originShape(r, framework) {
  const info = FRAMEWORKS[framework];
  const domain = r.pick(DOMAINS);
  const list = [...new Set([r.pick(HOSTS), r.pick(HOSTS), r.pick(HOSTS)])].map((host) => `'https://${host}.${domain}'`);
  const listDecl = `const ALLOWED_ORIGINS = [\n  ${list.join(',\n  ')},\n  'http://localhost:${r.int(3000, 9000)}',\n];\n`;
  const shapes = ['wildcard', 'single', 'list', 'env', 'env-fallback', 'ternary', 'callback-allowlist', 'callback-reflect', 'default'];
  if (info.regex) shapes.push('regex', 'regex-list');
  if (info.reflectTrue) shapes.push('true');
  const shape = r.pick(shapes);
  const escaped = domain.replace(/\./g, '\\.');
  switch (shape) {
    case 'wildcard':
      return { decl: '', expr: `'*'` };
    case 'true':
      return { decl: '', expr: 'true' };
    case 'single':
      return { decl: '', expr: list[0] };
    case 'list':
      return { decl: listDecl, expr: 'ALLOWED_ORIGINS' };
    case 'regex':
      return { decl: '', expr: r.chance(0.5) ? `/\\.${escaped}$/` : `/^https:\\/\\/([a-z0-9-]+\\.)?${escaped}$/` };
    case 'regex-list':
      return { decl: '', expr: `[/^https:\\/\\/[a-z]+\\.${escaped}$/, 'http://localhost:3000']` };
    case 'env':
      return { decl: '', expr: `process.env.CORS_ORIGINS?.split(',') ?? []` };
    case 'env-fallback':
      return { decl: '', expr: `process.env.ALLOWED_ORIGIN || '*'` };
    case 'ternary':
      return { decl: listDecl, expr: `process.env.NODE_ENV === 'production' ? ALLOWED_ORIGINS : '*'` };
    case 'default':
      return { decl: '', expr: null };
    case 'callback-allowlist':
      switch (info.callback) {
        case 'hono':
          return { decl: listDecl, expr: `(origin) => (ALLOWED_ORIGINS.includes(origin) ? origin : null)` };
        case 'koa':
          return { decl: listDecl, expr: `(ctx) => {\n      const requestOrigin = ctx.get('Origin');\n      return ALLOWED_ORIGINS.includes(requestOrigin) ? requestOrigin : '';\n    }` };
        case 'elysia':
          return { decl: listDecl, expr: `(request) => ALLOWED_ORIGINS.includes(request.headers.get('origin') ?? '')` };
        default:
          return {
            decl: listDecl,
            expr: `(origin, callback) => {\n      if (!origin || ALLOWED_ORIGINS.includes(origin)) return callback(null, true);\n      callback(new Error('Origin not allowed'));\n    }`,
          };
      }
    case 'callback-reflect':
      switch (info.callback) {
        case 'hono':
          return { decl: '', expr: `(origin) => origin` };
        case 'koa':
          return { decl: '', expr: `(ctx) => ctx.get('Origin')` };
        case 'elysia':
          return { decl: '', expr: `() => true` };
        default:
          return { decl: '', expr: `(origin, cb) => cb(null, origin)` };
      }
    default:
      throw new Error(shape);
  }
}

/** The options object literal (or null for `cors()` with no options). */
function optionsText(r, framework, origin) {
  const names = FRAMEWORKS[framework].names;
  const lines = [];
  if (origin.expr !== null) lines.push(`origin: ${origin.expr},`);
  if (r.chance(0.4)) lines.push(`credentials: ${r.chance(0.8)},`);
  if (r.chance(0.6)) lines.push(`${names.methods}: [${r.pick([`'GET', 'POST'`, `'GET', 'POST', 'PUT', 'DELETE'`, `'GET'`, `'GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'`])}],`);
  if (r.chance(0.5)) lines.push(`${names.headers}: [${r.pick([`'Content-Type', 'Authorization'`, `'Content-Type'`, `'Content-Type', 'Authorization', 'X-Request-Id'`])}],`);
  if (r.chance(0.2)) lines.push(`${names.expose}: ['X-Total-Count'],`);
  if (r.chance(0.3)) lines.push(`maxAge: ${r.pick([600, 3600, 86400])},`);
  if (r.chance(0.05)) lines.push(`${r.pick(['orgin', 'allowedHeader', 'method'])}: '*',`);
  if (lines.length === 0) return null;
  return `{\n    ${lines.join('\n    ')}\n  }`;
}

function routes(r, style, count, ts) {
  const t = (text) => (ts ? text : '');
  const out = [];
  for (let index = 0; index < count; index++) {
    const noun = r.pick(NOUNS);
    const method = r.pick(['get', 'get', 'get', 'post', 'put', 'delete']);
    const path = r.chance(0.5) ? `/api/${noun}s/:id` : `/api/${noun}s`;
    switch (style) {
      case 'express':
        out.push(`app.${method}('${path}', async (req${t(': Request')}, res${t(': Response')}) => {
  const ${noun} = await ${r.pick(VERBS)}${cap(noun)}(db, req.params.id ?? req.query.q);
  if (!${noun}) return res.status(404).json({ error: '${noun} not found' });
  res.json(${noun});
});`);
        break;
      case 'fastify':
        out.push(`  app.${method}('${path}', async (request, reply) => {
    const ${noun} = await ${r.pick(VERBS)}${cap(noun)}(app.db, request.params${t(' as { id: string }')});
    if (!${noun}) return reply.code(404).send({ error: '${noun} not found' });
    return ${noun};
  });`);
        break;
      case 'hono':
        out.push(`app.${method}('${path}', async (c) => {
  const ${noun} = await ${r.pick(VERBS)}${cap(noun)}(c.req.param('id'));
  return ${noun} ? c.json(${noun}) : c.json({ error: '${noun} not found' }, 404);
});`);
        break;
      case 'koa':
        out.push(`router.${method}('${path}', async (ctx) => {
  const ${noun} = await ${r.pick(VERBS)}${cap(noun)}(ctx.params.id);
  if (!${noun}) ctx.throw(404, '${noun} not found');
  ctx.body = ${noun};
});`);
        break;
      case 'elysia':
        out.push(`  .${method}('${path}', async ({ params, set }) => {
    const ${noun} = await ${r.pick(VERBS)}${cap(noun)}(params${t(' as { id: string }')});
    if (!${noun}) set.status = 404;
    return ${noun} ?? { error: '${noun} not found' };
  })`);
        break;
      case 'socket':
        out.push(`  socket.on('${noun}:${r.pick(VERBS)}', async (payload, ack) => {
    const result = await ${r.pick(VERBS)}${cap(noun)}(payload);
    ack?.(result);
    socket.broadcast.emit('${noun}:changed', result);
  });`);
        break;
      case 'nest':
        out.push(`  @${cap(method === 'delete' ? 'delete' : method)}('${path.replace('/api/', '')}')
  async ${r.pick(VERBS)}${cap(noun)}${index}(@Param('id') id: string) {
    return this.service.get(id);
  }`);
        break;
      default:
        throw new Error(style);
    }
  }
  return out.join('\n\n');
}

/** A server file with a CORS policy: `{ ext, text }`. */
export function serverFile(r, forcedFramework) {
  const framework = forcedFramework ?? r.pick(FRAMEWORK_IDS);
  let ts = r.chance(0.6);
  if (framework === 'nestjs') ts = true;
  const commonJs = !ts && framework !== 'elysia' && framework !== 'hono' && r.chance(0.35);
  let ext = ts ? '.ts' : commonJs ? (r.chance(0.5) ? '.cjs' : '.js') : r.chance(0.5) ? '.mjs' : '.js';
  const imp = (names, module) => (commonJs ? `const ${names} = require('${module}');` : `import ${names} from '${module}';`);
  const helperCount = r.int(0, 4);
  const helpers = Array.from({ length: helperCount }, () => r.pick(BLOCKS)(r, r.pick(NOUNS), ts)).join('\n');
  const routeCount = r.int(2, 10);
  const misorder = r.chance(0.2);
  const fillerImportLines = fillerImports(r, ts, commonJs);
  let body;
  let origin = null;
  let options = null;
  if (FRAMEWORKS[framework].names) {
    origin = originShape(r, framework);
    options = optionsText(r, framework, origin);
  }
  const inline = r.chance(0.6);
  const optionsDecl = options && !inline ? `\nconst corsOptions${ts && framework === 'express' ? ': CorsOptions' : ''} = ${options.replace(/\n {2}/g, '\n')};\n` : '';
  const arg = options ? (inline ? options : 'corsOptions') : '';
  const decl = `${origin?.decl ?? ''}${optionsDecl}`;
  switch (framework) {
    case 'express': {
      const head = [
        imp('express', 'express'),
        ts && !commonJs ? `import cors, { type CorsOptions } from 'cors';` : imp('cors', 'cors'),
        ts ? `import type { Request, Response } from 'express';` : '',
        imp('{ authenticate }', './auth'),
      ].filter(Boolean);
      const useCors = r.chance(0.15) ? `app.options('*', cors(${arg}));\napp.get('/api/public', cors(${arg}), (_req, res) => res.json({ ok: true }));` : `app.use(cors(${arg}));`;
      const auth = `app.use(authenticate);`;
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\nconst app = express();\nconst db = createPool(process.env.DATABASE_URL);\n\napp.use(express.json());\n${misorder ? `${auth}\n${useCors}` : `${useCors}\n${auth}`}\n\n${routes(r, 'express', routeCount, ts)}\n\n${helpers}\napp.listen(Number(process.env.PORT ?? 3000));\n`;
      break;
    }
    case 'fastify': {
      const head = [imp('Fastify', 'fastify'), imp('cors', '@fastify/cors'), imp('authPlugin', './plugins/auth')];
      const register = `  await app.register(cors, ${arg ? arg.replace(/\n/g, '\n  ') : '{}'});`;
      const auth = `  await app.register(authPlugin);`;
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\n${commonJs ? 'module.exports.build = ' : 'export '}async function build() {\n  const app = Fastify({ logger: true });\n${misorder ? `${auth}\n${register}` : `${register}\n${auth}`}\n\n${routes(r, 'fastify', routeCount, ts)}\n\n  return app;\n}\n\n${helpers}`;
      break;
    }
    case 'hono': {
      const head = [`import { Hono } from 'hono';`, `import { cors } from 'hono/cors';`, `import { jwt } from 'hono/jwt';`];
      const use = `app.use('/api/*', cors(${arg}));`;
      const auth = `app.use('/api/*', jwt({ secret: process.env.JWT_SECRET${ts ? '!' : ''} }));`;
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\nconst app = new Hono();\n\n${misorder ? `${auth}\n${use}` : `${use}\n${auth}`}\n\n${routes(r, 'hono', routeCount, ts)}\n\n${helpers}\nexport default app;\n`;
      break;
    }
    case 'koa':
    case 'koa2-cors': {
      const head = [imp('Koa', 'koa'), imp('cors', framework === 'koa' ? '@koa/cors' : 'koa2-cors'), imp('Router', '@koa/router'), imp('bodyParser', 'koa-bodyparser')];
      const use = `app.use(cors(${arg}));`;
      const route = `app.use(router.routes());`;
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\nconst app = new Koa();\nconst router = new Router();\n\n${routes(r, 'koa', routeCount, ts)}\n\napp.use(bodyParser());\n${misorder ? `${route}\n${use}` : `${use}\n${route}`}\n\n${helpers}\n${commonJs ? 'module.exports = app;' : 'export default app;'}\n`;
      break;
    }
    case 'nestjs': {
      const head = [`import { NestFactory } from '@nestjs/core';`, `import { Controller, Get, Post, Put, Delete, Param } from '@nestjs/common';`, `import helmet from 'helmet';`, `import { AppModule } from './app.module';`];
      const viaFactory = r.chance(0.5);
      const create = viaFactory ? `  const app = await NestFactory.create(AppModule${arg ? `, { cors: ${arg.replace(/\n/g, '\n  ')} }` : ', { cors: true }'});` : `  const app = await NestFactory.create(AppModule);`;
      const enable = viaFactory ? '' : `  app.enableCors(${arg ? arg.replace(/\n/g, '\n  ') : ''});`;
      const auth = `  app.use(helmet());`;
      const controller = `@Controller('api')\nexport class ApiController {\n  constructor(private readonly service: ${cap(r.pick(NOUNS))}Service) {}\n\n${routes(r, 'nest', routeCount, ts)}\n}\n`;
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\n${controller}\nasync function bootstrap() {\n${create}\n${misorder || viaFactory ? `${auth}\n${enable}` : `${enable}\n${auth}`}\n  await app.listen(process.env.PORT ?? 3000);\n}\n\n${helpers}\nbootstrap();\n`;
      break;
    }
    case 'socket.io': {
      const head = [imp('{ createServer }', 'node:http'), imp('{ Server }', 'socket.io')];
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\nconst httpServer = createServer();\nconst io = new Server(httpServer, {\n  cors: ${arg ? arg.replace(/\n/g, '\n  ') : '{}'},\n  pingInterval: ${r.int(10, 30) * 1000},\n});\n\nio.on('connection', (socket) => {\n${routes(r, 'socket', routeCount, ts)}\n});\n\n${helpers}\nhttpServer.listen(Number(process.env.PORT ?? 3000));\n`;
      break;
    }
    case 'elysia': {
      const head = [`import { Elysia } from 'elysia';`, `import { cors } from '@elysiajs/cors';`];
      body = `${head.join('\n')}\n${fillerImportLines}\n\n${decl}\nexport const app = new Elysia({ prefix: '/v1' })\n  .use(cors(${arg ? arg.replace(/\n/g, '\n  ') : ''}))\n${routes(r, 'elysia', routeCount, ts)};\n\n${helpers}`;
      break;
    }
    case 'raw-headers': {
      const value = r.pick([`'*'`, `req.headers.origin`, `'https://app.example.com'`, `ALLOWED.has(req.headers.origin) ? req.headers.origin : 'null'`]);
      const allowed = `const ALLOWED = new Set(['https://app.example.com', 'https://admin.example.com']);\n`;
      const creds = r.chance(0.4) ? `\n    res.setHeader('Access-Control-Allow-Credentials', 'true');` : '';
      const writes = `    res.setHeader('Access-Control-Allow-Origin', ${value});${creds}\n    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');${r.chance(0.6) ? `\n    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');` : ''}`;
      if (r.chance(0.5)) {
        body = `${imp('http', 'node:http')}\n${fillerImportLines}\n\n${allowed}\nconst server = http.createServer(async (req, res) => {\n  if (req.url?.startsWith('/api/')) {\n${writes}\n    if (req.method === 'OPTIONS') {\n      res.writeHead(204);\n      return res.end();\n    }\n  }\n  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify({ ok: true }));\n});\n\n${helpers}\nserver.listen(${r.int(3000, 9000)});\n`;
      } else {
        body = `${imp('express', 'express')}\n${fillerImportLines}\n\n${allowed}\nconst app = express();\nconst db = createPool(process.env.DATABASE_URL);\n\napp.use((req, res, next) => {\n${writes.replace(/setHeader/g, 'header')}\n  if (req.method === 'OPTIONS') return res.sendStatus(204);\n  next();\n});\n\n${routes(r, 'express', routeCount, ts)}\n\n${helpers}\napp.listen(3000);\n`;
      }
      break;
    }
    case 'apollo': {
      body = `import { ApolloServer } from '@apollo/server';\nimport { startStandaloneServer } from '@apollo/server/standalone';\n${fillerImportLines}\n\nconst typeDefs = \`#graphql\n  type ${cap(r.pick(NOUNS))} { id: ID!, name: String }\n  type Query { items: [${cap(r.pick(NOUNS))}] }\n\`;\n\nconst server = new ApolloServer({ typeDefs, resolvers: { Query: { items: () => [] } } });\nconst { url } = await startStandaloneServer(server, { listen: { port: ${r.int(4000, 4100)} } });\nconsole.log(\`ready at \${url}\`);\n\n${helpers}`;
      ext = ts ? '.ts' : '.mjs';
      break;
    }
    default:
      throw new Error(framework);
  }
  return { framework, ext, text: body };
}
