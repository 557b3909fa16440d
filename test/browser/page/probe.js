// In-page probe for the browser tests: cross-origin fetch, a fetch-based SSE reader and native EventSource, each
// resolving to a plain outcome object (never rejecting) so the tests can compare it.
/* global window, EventSource, TextDecoderStream */

const failure = (error) => ({ ok: false, name: error.name, message: error.message });

/** A fetch (credentials included unless told otherwise); the JSON body and the X-Request-ID header as the page sees them. */
async function request(url, { method = 'GET', headers = {}, body, credentials = 'include' } = {}) {
  try {
    const response = await fetch(url, { method, headers, body, credentials });
    const text = await response.text();
    return { ok: true, status: response.status, requestId: response.headers.get('X-Request-ID'), body: text ? JSON.parse(text) : null };
  } catch (error) {
    return failure(error);
  }
}

/** The events of a text/event-stream body, parsed as the EventSource spec does (data, event and id; comments skipped). */
async function* sseEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  let type = '';
  let lastEventId = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // A trailing "\r" may be the first half of "\r\n": keep it until the next chunk.
    const lines = buffer.split(/\r\n|\r(?!$)|\n/u);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) yield { id: lastEventId, event: type || 'message', data: data.join('\n') };
        data = [];
        type = '';
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon === -1 ? line : line.slice(0, colon);
      const fieldValue = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /u, '');
      if (field === 'data') data.push(fieldValue);
      else if (field === 'event') type = fieldValue;
      else if (field === 'id' && !fieldValue.includes('\0')) lastEventId = fieldValue;
    }
  }
}

/**
 * A minimal fetch-based SSE client in the style of @microsoft/fetch-event-source: credentials included, custom
 * headers (Authorization, Last-Event-ID), the body read as a stream. Resolves with the first `count` events.
 */
async function readSse(url, { headers = {}, count = 1 } = {}) {
  const controller = new AbortController();
  try {
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, credentials: 'include', signal: controller.signal });
    const outcome = { ok: true, status: response.status, contentType: response.headers.get('Content-Type'), events: [] };
    if (!response.ok || !response.body) return outcome;
    for await (const event of sseEvents(response.body)) {
      outcome.events.push(event);
      if (outcome.events.length === count) break;
    }
    return outcome;
  } catch (error) {
    return failure(error);
  } finally {
    controller.abort();
  }
}

/** A native EventSource with credentials; resolves with the first `count` messages, or with how it failed. */
function eventSource(url, { count = 1 } = {}) {
  return new Promise((resolve) => {
    const source = new EventSource(url, { withCredentials: true });
    const events = [];
    source.onmessage = (event) => {
      events.push({ id: event.lastEventId, data: event.data });
      if (events.length < count) return;
      source.close();
      resolve({ ok: true, withCredentials: source.withCredentials, events });
    };
    source.onerror = () => {
      // CLOSED: the browser failed the connection for good (a CORS failure does that); CONNECTING: it would retry.
      const state = source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting';
      source.close();
      resolve({ ok: false, readyState: state });
    };
  });
}

window.probe = { request, readSse, eventSource };
