// An in-process PagerDuty REST API v2 (the parts the bot uses) for wire tests driven through fetch.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, delay, pollUntil, readBody, sendJson, serveLocal } from './http-util.js';
import { DEADLINE_MS } from './wait-deadline.js';

export interface FakePagerDutyOptions {
  /** API token the fake accepts (`Authorization: Token token=…`); default 'pd-test-token'. */
  token?: string;
  /** Delay before every answer; default 0. */
  latencyMs?: number;
}

export interface PagerDutyUserInput {
  id: string;
  name: string;
  email: string;
  /** IANA zone; default 'Etc/UTC'. */
  time_zone?: string;
}

/** The incident object as PagerDuty returns it (see src/demo/wire/pagerduty-incident-triggered.json). */
export type PagerDutyIncident = { id: string } & Record<string, unknown>;

export interface PagerDutyNote {
  id: string;
  content: string;
  created_at: string;
  user: Record<string, unknown>;
  channel: { summary: string };
}

export interface PagerDutyFailure {
  status: number;
  /** Sets Retry-After (seconds). */
  retryAfterSec?: number;
  /** How many requests fail; default 1. */
  times?: number;
}

export interface PagerDutyCall {
  method: string;
  path: string;
  body: unknown;
  /** The `From` header, when sent. */
  from: string | undefined;
  at: number;
  failed?: true;
}

const NOT_FOUND = { error: { message: 'Not Found', code: 2100 } };
const UNAUTHORIZED = { error: { message: 'Unauthorized', code: 2006 } };

function invalidInput(errors: string[]): unknown {
  return { error: { message: 'Invalid Input Provided', code: 2001, errors } };
}

export class FakePagerDuty {
  readonly url: string;
  latencyMs: number;
  readonly calls: PagerDutyCall[] = [];
  private readonly token: string;
  private readonly users = new Map<string, PagerDutyUserInput>();
  private readonly incidents = new Map<string, PagerDutyIncident>();
  private readonly notes = new Map<string, PagerDutyNote[]>();
  private readonly failures: Array<{ method: string | undefined; prefix: string; failure: PagerDutyFailure; remaining: number }> = [];

  private constructor(
    private readonly server: Server,
    port: number,
    opts: FakePagerDutyOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.token = opts.token ?? 'pd-test-token';
    this.latencyMs = opts.latencyMs ?? 0;
  }

  static start(opts: FakePagerDutyOptions = {}): Promise<FakePagerDuty> {
    return serveLocal(
      (server, port) => new FakePagerDuty(server, port, opts),
      (fake, req, res) => fake.handle(req, res),
    );
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  addUser(user: PagerDutyUserInput): void {
    this.users.set(user.id, user);
  }

  /** Adds or replaces an incident (e.g. a fixture's `event.data`). */
  addIncident(incident: PagerDutyIncident): void {
    this.incidents.set(incident.id, incident);
  }

  notesFor(incidentId: string): PagerDutyNote[] {
    return [...(this.notes.get(incidentId) ?? [])];
  }

  /** Calls whose "METHOD /path" starts with `prefix`, e.g. 'POST /incidents/P1/notes'. */
  callsTo(prefix: string): PagerDutyCall[] {
    return this.calls.filter((c) => `${c.method} ${c.path}`.startsWith(prefix) || c.path.startsWith(prefix));
  }

  async waitFor<T>(fn: () => T | undefined | false, timeoutMs = DEADLINE_MS): Promise<T> {
    return pollUntil(fn, timeoutMs, () => {
      const recent = this.calls.slice(-20).map((c) => `${c.method} ${c.path}${c.failed ? '(failed)' : ''}`);
      return `last calls: ${recent.join(', ') || 'none'}`;
    });
  }

  /** Fails requests matching a path prefix ('/incidents') or a method and prefix ('POST /incidents'). */
  /** Every request answers `status` (an outage) until the returned function is called. */
  outage(status = 503): () => void {
    const entry = { method: undefined, prefix: '/', failure: { status }, remaining: Number.POSITIVE_INFINITY };
    this.failures.unshift(entry);
    return () => {
      const i = this.failures.indexOf(entry);
      if (i >= 0) this.failures.splice(i, 1);
    };
  }

  failNext(pathPrefixOrMethodAndPath: string, failure: PagerDutyFailure): void {
    const match = /^([A-Z]+)\s+(\S+)$/.exec(pathPrefixOrMethodAndPath);
    this.failures.push({
      method: match?.[1],
      prefix: match?.[2] ?? pathPrefixOrMethodAndPath,
      failure,
      remaining: failure.times ?? 1,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', this.url);
      const method = req.method ?? 'GET';
      const raw = (await readBody(req)).toString('utf8');
      await delay(this.latencyMs);
      let body: unknown;
      let badJson = false;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        badJson = true;
        body = raw;
      }
      const from = headerValue(req, 'from');
      const failure = this.takeFailure(method, url.pathname);
      this.calls.push({ method, path: url.pathname, body, from, at: Date.now(), ...(failure ? { failed: true as const } : {}) });
      if (failure) {
        const headers: Record<string, string> =
          failure.retryAfterSec !== undefined ? { 'Retry-After': String(failure.retryAfterSec) } : {};
        const message = failure.status === 429 ? 'Rate Limit Exceeded' : 'Injected failure';
        return sendJson(res, failure.status, { error: { message, code: failure.status === 429 ? 2020 : 2000 } }, headers);
      }
      if (headerValue(req, 'authorization') !== `Token token=${this.token}`) return sendJson(res, 401, UNAUTHORIZED);
      if (badJson) return sendJson(res, 400, invalidInput(['Request body is not valid JSON']));
      this.route(res, method, url.pathname, body, from);
    } catch (err) {
      console.error('FakePagerDuty internal error', err);
      sendJson(res, 500, { error: { message: `fake internal error: ${String(err)}` } });
    }
  }

  private route(res: ServerResponse, method: string, path: string, body: unknown, from: string | undefined): void {
    const user = /^\/users\/([^/]+)$/.exec(path);
    if (user && method === 'GET') {
      const found = this.users.get(decodeURIComponent(user[1] ?? ''));
      return found ? sendJson(res, 200, { user: this.renderUser(found) }) : sendJson(res, 404, NOT_FOUND);
    }
    const incident = /^\/incidents\/([^/]+)$/.exec(path);
    if (incident && method === 'GET') {
      const found = this.incidents.get(decodeURIComponent(incident[1] ?? ''));
      return found ? sendJson(res, 200, { incident: found }) : sendJson(res, 404, NOT_FOUND);
    }
    const notes = /^\/incidents\/([^/]+)\/notes$/.exec(path);
    if (notes) {
      const id = decodeURIComponent(notes[1] ?? '');
      if (!this.incidents.has(id)) return sendJson(res, 404, NOT_FOUND);
      if (method === 'GET') return sendJson(res, 200, { notes: this.notesFor(id) });
      if (method === 'POST') return this.createNote(res, id, body, from);
    }
    sendJson(res, 404, NOT_FOUND);
  }

  private createNote(res: ServerResponse, incidentId: string, body: unknown, from: string | undefined): void {
    // PagerDuty attributes writes to the user named by From, so it must be one of the account's users.
    const author = from ? [...this.users.values()].find((u) => u.email.toLowerCase() === from.toLowerCase()) : undefined;
    if (!author) {
      return sendJson(res, 400, invalidInput(['A valid user making the request must be provided in the From header']));
    }
    const note = (body as { note?: { content?: unknown } } | undefined)?.note;
    if (typeof note?.content !== 'string' || note.content.trim() === '') {
      return sendJson(res, 400, invalidInput(['Note content is required']));
    }
    const created: PagerDutyNote = {
      id: `PN${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
      content: note.content,
      created_at: new Date().toISOString(),
      user: { ...this.renderUser(author), type: 'user_reference' },
      channel: { summary: 'The PagerDuty website or APIs' },
    };
    const list = this.notes.get(incidentId) ?? [];
    list.push(created);
    this.notes.set(incidentId, list);
    sendJson(res, 201, { note: created });
  }

  private renderUser(user: PagerDutyUserInput): Record<string, unknown> {
    return {
      id: user.id,
      type: 'user',
      name: user.name,
      summary: user.name,
      email: user.email,
      time_zone: user.time_zone ?? 'Etc/UTC',
      self: `${this.url}/users/${user.id}`,
      html_url: `https://example.pagerduty.com/users/${user.id}`,
    };
  }

  private takeFailure(method: string, path: string): PagerDutyFailure | undefined {
    const index = this.failures.findIndex((f) => (f.method === undefined || f.method === method) && path.startsWith(f.prefix));
    const entry = this.failures[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.failures.splice(index, 1);
    return entry.failure;
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
