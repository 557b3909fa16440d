// Invoices API on koa. @koa/cors with credentials and no origin echoes every origin back.
import { randomUUID } from 'node:crypto';
import cors from '@koa/cors';
import Router from '@koa/router';
import Koa from 'koa';

const app = new Koa();
const router = new Router({ prefix: '/api' });
const invoices = [];

router.get('/invoices', (ctx) => {
  ctx.body = invoices;
});

router.post('/invoices', (ctx) => {
  const invoice = { id: randomUUID(), status: 'draft' };
  invoices.push(invoice);
  ctx.status = 201;
  ctx.body = invoice;
});

app.use(cors({ credentials: true }));
app.use(async (ctx, next) => {
  ctx.set('X-Request-ID', ctx.get('X-Request-ID') || randomUUID());
  await next();
});
app.use(router.routes());
app.use(router.allowedMethods());

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`invoices API listening on http://127.0.0.1:${server.address().port}`);
});
