// Small helpers shared by the HTTP fakes: body reading, multipart, JSON answers, polling.
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Starts a server on 127.0.0.1 with an OS-chosen port; resolves with the server and port. */
async function listenLocal(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, port };
}

/**
 * Starts a fake on a free local port: `create` builds it around its server, `handle` answers each
 * request (none is answered before the fake exists).
 */
export async function serveLocal<F>(
  create: (server: Server, port: number) => F,
  handle: (fake: F, req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<F> {
  let fake: F | undefined;
  const { server, port } = await listenLocal((req, res) => {
    if (fake !== undefined) void handle(fake, req, res);
  });
  fake = create(server, port);
  return fake;
}

export async function closeServer(server: Server): Promise<void> {
  // Keep-alive sockets from fetch would otherwise hold close() open until they time out.
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}

/** Polls `fn` every 10 ms until it returns something truthy; `describe` adds context to the timeout error. */
export async function pollUntil<T>(
  fn: () => T | undefined | false | null,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() >= deadline) {
      throw new Error(`waitFor timed out after ${timeoutMs} ms; ${describe()}`);
    }
    await delay(10);
  }
}

export interface MultipartPart {
  name: string | undefined;
  filename: string | undefined;
  data: Buffer;
}

/** Minimal multipart/form-data parser: enough for fetch's FormData bodies. */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // "--" right after a delimiter marks the end of the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF, next delimiter.
    const part = body.subarray(afterDelimiter + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
      parts.push({
        name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
        filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
        data: Buffer.from(part.subarray(headerEnd + 4)),
      });
    }
    start = next;
  }
  return parts;
}

/** True for the ways a boolean arrives over a form (`true`, `"true"`, `"1"`). */
export function isTruthyFlag(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}
