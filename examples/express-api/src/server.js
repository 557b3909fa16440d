// Orders API: JSON endpoints for the shop front end and a live order feed (Server-Sent Events).
import { randomUUID } from 'node:crypto';
import cors from 'cors';
import express from 'express';

const app = express();
const orders = new Map();

// The shop front end calls the API with the session cookie.
const corsOptions = {
  origin: process.env.NODE_ENV === 'production' ? 'https://shop.example.com' : '*',
  credentials: true,
};

app.use(cors(corsOptions));
app.use(express.json());

// Every response carries a request id, so support can trace a failed call.
app.use((req, res, next) => {
  const requestId = req.get('X-Request-ID') ?? randomUUID();
  res.setHeader('X-Request-ID', requestId);
  next();
});

app.get('/api/health', (req, res) => {
  res.json({ ok: true });
});

app.get('/api/orders', (req, res) => {
  res.json([...orders.values()]);
});

app.post('/api/orders', (req, res) => {
  const order = { id: randomUUID(), items: req.body?.items ?? [], status: 'received' };
  orders.set(order.id, order);
  res.status(201).json(order);
});

app.delete('/api/orders/:id', (req, res) => {
  orders.delete(req.params.id);
  res.status(204).end();
});

// Live order updates for the dashboard. Every event has an id; a client that reconnects sends the last id it saw
// in Last-Event-ID, and the stream carries on after it.
app.get('/api/orders/stream', (req, res) => {
  let lastId = Number.parseInt(req.get('Last-Event-ID') ?? '0', 10) || 0;
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  const send = () => {
    lastId += 1;
    res.write(`id: ${lastId}\ndata: ${JSON.stringify({ orders: orders.size })}\n\n`);
  };
  send();
  const timer = setInterval(send, 5000);
  req.on('close', () => clearInterval(timer));
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, '127.0.0.1', () => {
  console.log(`orders API listening on http://127.0.0.1:${server.address().port}`);
});
