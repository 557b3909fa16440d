/** How a file shows that it serves Server-Sent Events. */

/** The media type of an event stream; any string in the file that contains it counts. */
export const EVENT_STREAM_MEDIA_TYPE = 'text/event-stream';

/** Framework helpers that serve an event stream. */
export const EVENT_STREAM_HELPERS: readonly { module: string; export: string }[] = [
  { module: 'hono/streaming', export: 'streamSSE' },
];
