// An in-process Slack Web API for wire tests: the bot's real WebClient talks to it over HTTP.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { fail } from './fake-slack-api.js';
import type { MethodContext, MethodHandler, SlackResult } from './fake-slack-api.js';
import { chatMethods } from './fake-slack-chat.js';
import { conversationMethods } from './fake-slack-conversations.js';
import { fileMethods } from './fake-slack-files.js';
import { FakeSlackSocket } from './fake-slack-socket.js';
import type { FakeSlackSocketOptions } from './fake-slack-socket.js';
import { SlackState } from './fake-slack-state.js';
import type { AddChannelOptions, AddUserInput, FakeChannel, FakeMessage, FakeUser } from './fake-slack-state.js';
import { parseArgs } from './fake-slack-args.js';
import { FailureQueue, answerFailure } from './fake-slack-failures.js';
import type { SlackFailure } from './fake-slack-failures.js';
import {
  closeServer,
  delay,
  parseMultipart,
  pollUntil,
  readBody,
  sendJson,
  sendText,
  serveLocal,
} from './http-util.js';
import { DEADLINE_MS } from './wait-deadline.js';
import type { SlackDump } from '../slack-html/slack-dump.js';

export type { SlackFailure } from './fake-slack-failures.js';
export type { AddChannelOptions, AddUserInput, FakeChannel, FakeMessage, FakeUser } from './fake-slack-state.js';
export type { Envelope, EnvelopeType, SocketAck, SocketDelivery } from './fake-slack-socket.js';

export interface FakeSlackOptions {
  /** Delay before every answer; default 0. */
  latencyMs?: number;
  /** Token the fake accepts; default 'xoxb-test'. */
  botToken?: string;
  /** Default 'T0TEST'. */
  teamId?: string;
  /** Default 'UBOT'. */
  botUserId?: string;
  /** Socket Mode: the app-level token, redelivery timing (see FakeSlackSocket). */
  socket?: FakeSlackSocketOptions;
}

export interface RecordedCall {
  /** Web API method, or the pseudo-methods 'upload' (file bytes) and 'response_url'. */
  method: string;
  args: Record<string, unknown>;
  at: number;
  failed?: true;
}

export interface UploadedFile {
  id: string;
  title: string;
  filename: string;
  /** The conversation it was shared to by files.completeUploadExternal, if any. */
  channel: string | undefined;
  content: string;
}

const METHODS: Record<string, MethodHandler> = { ...conversationMethods, ...chatMethods, ...fileMethods };

/** Response URLs accept at most this many posts (Slack's documented limit). */
const RESPONSE_URL_MAX_POSTS = 5;

export class FakeSlack {
  readonly url: string;
  readonly baseUrl: string;
  latencyMs: number;
  readonly calls: RecordedCall[] = [];
  /** The simulated workspace, for assertions the helpers below do not cover. */
  readonly state: SlackState;
  /** Socket Mode: apps.connections.open hands out this WebSocket; deliver envelopes through it. */
  readonly socket: FakeSlackSocket;
  private readonly botToken: string;
  private readonly failures = new FailureQueue();
  private readonly responsePosts: Array<{ id: string; body: Record<string, unknown> }> = [];
  private responseCounter = 0;
  private held: Promise<void> | undefined;
  private heldCount = 0;
  private readonly changeListeners = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    port: number,
    opts: FakeSlackOptions,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.url = `${this.baseUrl}/api/`;
    this.latencyMs = opts.latencyMs ?? 0;
    this.botToken = opts.botToken ?? 'xoxb-test';
    this.state = new SlackState(opts.teamId ?? 'T0TEST', opts.botUserId ?? 'UBOT', 'B0BOT');
    this.socket = new FakeSlackSocket(`ws://127.0.0.1:${port}`, opts.socket);
    this.socket.attach(server);
  }

  static start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    return serveLocal(
      (server, port) => new FakeSlack(server, port, opts),
      (fake, req, res) => fake.handle(req, res),
    );
  }

  async close(): Promise<void> {
    await this.socket.close();
    await closeServer(this.server);
  }

  /** Calls `listener` after every request and every addMessage (a live view redraws); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // --- state helpers -------------------------------------------------------------------------

  get channels(): Map<string, FakeChannel> {
    return this.state.channels;
  }

  addUser(user: AddUserInput): FakeUser {
    return this.state.addUser(user);
  }

  addChannel(name: string, opts?: AddChannelOptions): FakeChannel {
    return this.state.addChannel(name, opts);
  }

  channelByName(name: string): FakeChannel | undefined {
    return this.state.channelByName(name);
  }

  /** Messages of a conversation in posting order, ephemeral ones included (flagged). */
  messages(channelId: string): FakeMessage[] {
    return [...this.state.messages(channelId)];
  }

  /** Messages the bot sent to a user's DM. */
  dms(userId: string): FakeMessage[] {
    return this.state.dms(userId);
  }

  /** Puts a message in a conversation as if a person posted it (give `user`). */
  addMessage(channelId: string, message: Omit<FakeMessage, 'ts' | 'channel'> & { ts?: string }): FakeMessage {
    const added = this.state.addMessage(channelId, message);
    for (const listener of this.changeListeners) listener();
    return added;
  }

  uploadedFiles(): UploadedFile[] {
    return [...this.state.files.values()]
      .filter((f) => f.content !== undefined)
      .map((f) => ({ id: f.id, title: f.title, filename: f.filename, channel: f.channel, content: f.content ?? '' }));
  }

  /** Everything recorded, as JSON-ready data: the input of `npm run render` (scripts/render.ts). */
  dump(): SlackDump {
    const { state } = this;
    const dms = [...state.dmByUser.entries()].map(([userId, id]) => ({ id, name: state.users.get(userId)?.name ?? userId, is_im: true }));
    const channels = [
      ...[...state.channels.values()].map((c) => ({ id: c.id, name: c.name, topic: c.topic, is_private: c.is_private, is_archived: c.is_archived })),
      ...dms,
    ];
    return {
      team: state.teamId,
      botUserId: state.botUserId,
      users: [...state.users.values()].map((u) => ({ id: u.id, name: u.name, tz: u.tz, is_bot: u.is_bot })),
      channels,
      messages: channels.flatMap((c) => state.messages(c.id).map((m) => structuredClone(m))),
      files: [...state.files.values()].map((f) => ({ id: f.id, title: f.title, filename: f.filename, ...(f.channel === undefined ? {} : { channel: f.channel }), ...(f.content === undefined ? {} : { content: f.content }) })),
    };
  }

  /** A slash-command response_url served by this fake. */
  responseUrl(id?: string): string {
    this.responseCounter += 1;
    return `${this.baseUrl}/response/${id ?? `R${this.responseCounter}`}`;
  }

  /** JSON bodies posted to response URLs, oldest first; only those of `id` when given. */
  responses(id?: string): Array<Record<string, unknown>> {
    return this.responsePosts.filter((p) => id === undefined || p.id === id).map((p) => p.body);
  }

  /**
   * Every call but auth.test: what the bot did in the workspace. (auth.test is its identity
   * check at start-up and before acting; it changes nothing.)
   */
  get workCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'auth.test');
  }

  callsTo(method: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async waitFor<T>(fn: () => T | undefined | false, timeoutMs = DEADLINE_MS): Promise<T> {
    return pollUntil(fn, timeoutMs, () => {
      const recent = this.calls.slice(-20).map((c) => (c.failed ? `${c.method}(failed)` : c.method));
      return `last calls: ${recent.join(', ') || 'none'}`;
    });
  }

  /**
   * Slack hangs: every HTTP request (Web API, uploads, response URLs) waits unanswered, and is
   * recorded only once it goes on, until the returned function is called.
   */
  hold(): () => void {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.held = held;
    return () => {
      if (this.held === held) this.held = undefined;
      release();
    };
  }

  /** Requests that arrived while held and wait to go on. */
  get heldRequests(): number {
    return this.heldCount;
  }

  /** Makes the next `times` calls of `method` (or 'upload' / 'response_url') fail as described. */
  failNext(method: string, failure: SlackFailure): void {
    this.failures.add(method, failure);
  }

  // --- HTTP ----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', this.baseUrl);
      const body = await readBody(req);
      await delay(this.latencyMs);
      if (this.held !== undefined) {
        this.heldCount += 1;
        await this.held;
        this.heldCount -= 1;
      }
      const [, root, rest] = /^\/([^/]+)\/(.+)$/.exec(url.pathname) ?? [];
      if (root === 'api' && rest) return this.handleApi(req, res, decodeURIComponent(rest), url, body);
      if (root === 'upload' && rest?.startsWith('v1/')) return this.handleUpload(req, res, rest.slice(3), body);
      if (root === 'response' && rest) return this.handleResponseUrl(res, rest, body);
      sendText(res, 404, 'not found');
    } catch (err) {
      // A bug in the fake must fail the test loudly, not look like a Slack answer.
      console.error('FakeSlack internal error', err);
      sendJson(res, 200, { ok: false, error: 'fake_internal_error', detail: String(err) });
    } finally {
      for (const listener of this.changeListeners) listener();
    }
  }

  private handleApi(req: IncomingMessage, res: ServerResponse, method: string, url: URL, body: Buffer): void {
    const { args, token } = parseArgs(req, url, body);
    const failure = this.failures.take(method);
    this.calls.push({ method, args, at: Date.now(), ...(failure ? { failed: true as const } : {}) });
    if (failure?.afterActing) {
      const act = METHODS[method];
      if (act && this.authorize(token) === undefined) act(args, this.context());
      return answerFailure(res, method, failure);
    }
    if (failure) return answerFailure(res, method, failure);
    // Called with the app-level token, not the bot's.
    if (method === 'apps.connections.open') return sendJson(res, 200, this.socket.open(token));
    const handler = METHODS[method];
    if (!handler) return sendJson(res, 200, { ok: false, error: 'unknown_method', req_method: method });
    const result = this.authorize(token) ?? handler(args, this.context());
    sendJson(res, 200, result);
  }

  private handleUpload(req: IncomingMessage, res: ServerResponse, fileId: string, body: Buffer): void {
    const contentType = req.headers['content-type'] ?? '';
    let data = body;
    if (contentType.startsWith('multipart/form-data')) {
      const parts = parseMultipart(body, contentType);
      data = (parts.find((p) => p.filename !== undefined) ?? parts[0])?.data ?? Buffer.alloc(0);
    }
    const failure = this.failures.take('upload');
    this.calls.push({
      method: 'upload',
      args: { file_id: fileId, length: data.length },
      at: Date.now(),
      ...(failure ? { failed: true as const } : {}),
    });
    if (failure) return answerFailure(res, 'upload', failure);
    const file = this.state.files.get(fileId);
    if (!file) return sendText(res, 404, 'file not found');
    file.content = data.toString('utf8');
    sendText(res, 200, `OK - ${data.length}`);
  }

  private handleResponseUrl(res: ServerResponse, id: string, body: Buffer): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const failure = this.failures.take('response_url');
    const args = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    this.calls.push({ method: 'response_url', args: { id, ...args }, at: Date.now(), ...(failure ? { failed: true as const } : {}) });
    if (failure) return answerFailure(res, 'response_url', failure);
    if (parsed === undefined) return sendText(res, 400, 'invalid_payload');
    if (this.responsePosts.filter((p) => p.id === id).length >= RESPONSE_URL_MAX_POSTS) {
      return sendText(res, 404, 'used_url');
    }
    this.responsePosts.push({ id, body: args });
    sendText(res, 200, 'ok');
  }

  private context(): MethodContext {
    return { state: this.state, baseUrl: this.baseUrl };
  }

  private authorize(token: string | undefined): SlackResult | undefined {
    if (!token) return fail('not_authed');
    if (token !== this.botToken) return fail('invalid_auth');
    return undefined;
  }
}

