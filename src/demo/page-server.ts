/**
 * The demo's web server: the page, its live view (GET /api/view, pushed over SSE at /events),
 * and the visitor's actions (POST /api/send, /api/click, /api/page), each replayed to the bot
 * as Slack or PagerDuty would send it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageHtml } from './page/page-html.js';
import type { PageView } from './render-view.js';

export interface PageActions {
  view(q: { channel?: string; thread?: string; timeZone: string }): PageView & { follow?: string; story?: string };
  send(channel: string, text: string, thread?: string): Promise<void>;
  click(channel: string, ts: string, actionId: string, value: string): Promise<void>;
  page(service: string): Promise<void>;
}

export interface PageServer {
  url: string;
  port: number;
  /** Tells every open page to redraw. */
  changed(): void;
  close(): Promise<void>;
}

export async function startPageServer(opts: { port: number; host: string; html: Parameters<typeof pageHtml>[0]; actions: PageActions; onError: (err: Error) => void }): Promise<PageServer> {
  const streams = new Set<ServerResponse>();
  const html = pageHtml(opts.html);
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      opts.onError(err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(err.message);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', html);
    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/view') {
      const q = url.searchParams;
      const view = opts.actions.view({ ...(q.get('channel') ? { channel: q.get('channel')! } : {}), ...(q.get('thread') ? { thread: q.get('thread')! } : {}), timeZone: validZone(q.get('tz')) });
      return send(res, 200, 'application/json', JSON.stringify(view));
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
      const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      if (url.pathname === '/api/send') await opts.actions.send(str('channel'), str('text'), str('thread') || undefined);
      else if (url.pathname === '/api/click') await opts.actions.click(str('channel'), str('ts'), str('actionId'), str('value'));
      else if (url.pathname === '/api/page') await opts.actions.page(str('service'));
      else return send(res, 404, 'text/plain', 'not found');
      return send(res, 204, 'text/plain', '');
    }
    send(res, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new Error(`port ${opts.port} on ${opts.host} is in use: set DEMO_PORT to a free one`) : err));
    server.listen(opts.port, opts.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  let scheduled: NodeJS.Timeout | undefined;
  return {
    // Where a browser on this machine opens it (also through a container's published port).
    url: `http://127.0.0.1:${port}`,
    port,
    changed() {
      // Many changes come in bursts (a card and its thread): one redraw for each burst.
      scheduled ??= setTimeout(() => {
        scheduled = undefined;
        for (const s of streams) s.write('data: changed\n\n');
      }, 30);
    },
    async close() {
      clearTimeout(scheduled);
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function validZone(tz: string | null): string {
  if (tz === null) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}
