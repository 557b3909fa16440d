// Bookmarks API on hono, served by @hono/node-server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
const bookmarks = [];

app.use('/api/*', cors());

app.use('/api/*', async (c, next) => {
  await next();
  c.header('X-Request-ID', c.req.header('X-Request-ID') ?? crypto.randomUUID());
});

app.get('/api/bookmarks', (c) => c.json(bookmarks));

app.post('/api/bookmarks', async (c) => {
  const bookmark = { id: crypto.randomUUID(), ...(await c.req.json()) };
  bookmarks.push(bookmark);
  return c.json(bookmark, 201);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) => {
  console.log(`bookmarks API listening on http://127.0.0.1:${info.port}`);
});
