// Inventory API with hand-written CORS headers: the classic "allow everything" middleware.
const { randomUUID } = require('node:crypto');
const express = require('express');

const app = express();
const items = new Map([[1, { id: 1, name: 'Bottle', stock: 12 }]]);

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  if (req.method === 'OPTIONS') {
    res.sendStatus(204);
    return;
  }
  next();
});

// Request ids travel both ways: clients may send one, every response carries one.
app.use((req, res, next) => {
  res.setHeader('X-Request-ID', req.get('X-Request-ID') || randomUUID());
  next();
});

app.use(express.json());

app.get('/api/items', (req, res) => {
  res.json([...items.values()]);
});

app.put('/api/items/:id', (req, res) => {
  const item = { ...req.body, id: Number(req.params.id) };
  items.set(item.id, item);
  res.json(item);
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, '127.0.0.1', () => {
  console.log(`inventory API listening on http://127.0.0.1:${server.address().port}`);
});
