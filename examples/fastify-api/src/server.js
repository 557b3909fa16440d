// Notes API on fastify: the browser app reads and writes notes with the session cookie.
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify from 'fastify';

const app = Fastify();
const notes = [];

// Reflect whatever origin asks, with cookies: "it works from every frontend".
await app.register(cors, { origin: true, credentials: true });

app.addHook('onSend', async (request, reply) => {
  reply.header('X-Request-ID', request.headers['x-request-id'] ?? randomUUID());
});

app.get('/api/notes', async () => notes);

app.post('/api/notes', async (request, reply) => {
  const note = { id: randomUUID(), text: String(request.body?.text ?? '') };
  notes.push(note);
  return reply.code(201).send(note);
});

const address = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`notes API listening on ${address}`);
