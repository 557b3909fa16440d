/**
 * One generated configuration: a framework, the way the user registers CORS, and the options object as source text.
 * The same text is (1) pasted into the source file the model reads and (2) evaluated to get the live object the real
 * library is started with, so both sides see exactly the same options.
 */

/** The frameworks under test; ids are ours (the model's framework entries are looked up per target). */
export type Target = 'express' | 'fastify' | 'hono' | 'koa' | 'koa2' | 'nest-express' | 'nest-fastify' | 'socket.io' | 'elysia';

export const TARGETS: readonly Target[] = ['express', 'fastify', 'hono', 'koa', 'koa2', 'nest-express', 'nest-fastify', 'socket.io', 'elysia'];

/** An option value as source: a leaf expression, or an array literal of values (kept apart so it can be shrunk). */
export type Expr = { src: string } | { items: Expr[] };

export interface OptionsSpec {
  entries: [key: string, value: Expr][];
}

/**
 * How the options are handed over.
 * - `call`: `cors(<options>)`, `app.register(cors, <options>)`, `app.enableCors(<options>)`; `options: null` means no
 *   argument at all.
 * - `create`: NestJS `NestFactory.create(AppModule, [adapter,] { cors: <options> })`; `options: null` means `cors: true`.
 * - `server`: socket.io `new Server(http, { cors: <options> })`; `options: null` means `cors: true`.
 * - `server-no-cors`: socket.io without a `cors` key; `server-cors-false`: `cors: false`.
 * - `delegate`: express `cors((req, callback) => callback(null, <options>))`, the options literal evaluated per request.
 */
export type Form = 'call' | 'create' | 'server' | 'server-no-cors' | 'server-cors-false' | 'delegate';

export interface Config {
  target: Target;
  form: Form;
  options: OptionsSpec | null;
}

export function exprSource(expr: Expr): string {
  return 'src' in expr ? expr.src : `[${expr.items.map(exprSource).join(', ')}]`;
}

export function optionsSource(options: OptionsSpec | null): string | null {
  if (!options) return null;
  if (options.entries.length === 0) return '{}';
  return `{ ${options.entries.map(([key, value]) => `${key}: ${exprSource(value)}`).join(', ')} }`;
}

/** A short one-line description for tables and messages. */
export function describeConfig(config: Config): string {
  const options = optionsSource(config.options);
  switch (config.form) {
    case 'call':
      return options ?? '(no options)';
    case 'create':
      return `create { cors: ${options ?? 'true'} }`;
    case 'server':
      return `{ cors: ${options ?? 'true'} }`;
    case 'server-no-cors':
      return '(no cors key)';
    case 'server-cors-false':
      return '{ cors: false }';
    case 'delegate':
      return `(req, callback) => callback(null, ${options ?? '{}'})`;
    default:
      return options ?? '';
  }
}

/**
 * The live options object: the options source evaluated as an expression (regex literals are fresh objects each
 * time, so a `/g` regex starts with `lastIndex` 0 for every server). `process.env.GT_ORIGIN` is the only free name
 * the generator uses.
 */
export function liveOptions(options: OptionsSpec | null): Record<string, unknown> | undefined {
  const source = optionsSource(options);
  if (source === null) return undefined;
  // Indirect eval: global scope, so the text means what it means in a module of its own.
  return (0, eval)(`(${source})`) as Record<string, unknown>;
}

/** The express options delegate: the same text the model reads, so its literal is evaluated on every request. */
export function delegateSource(options: OptionsSpec | null): string {
  return `(req, callback) => callback(null, ${optionsSource(options) ?? '{}'})`;
}

export function liveDelegate(options: OptionsSpec | null): (req: unknown, callback: (error: unknown, options: unknown) => void) => void {
  return (0, eval)(`(${delegateSource(options)})`) as ReturnType<typeof liveDelegate>;
}

/** Every smaller configuration one step away: one option removed, or one array element removed. */
export function shrinkSteps(config: Config): Config[] {
  const options = config.options;
  if (!options) return [];
  const steps: Config[] = [];
  options.entries.forEach((_, index) => {
    steps.push({ ...config, options: { entries: options.entries.filter((__, other) => other !== index) } });
  });
  options.entries.forEach(([key, value], index) => {
    if ('items' in value && value.items.length > 1) {
      value.items.forEach((_, drop) => {
        const items = value.items.filter((__, other) => other !== drop);
        const entries = options.entries.map((entry, other): [string, Expr] => (other === index ? [key, { items }] : entry));
        steps.push({ ...config, options: { entries } });
      });
    }
  });
  return steps;
}
