/**
 * Slack's Socket Mode for wire tests, served by FakeSlack: `apps.connections.open` (app-level
 * `xapp-` token) hands out a one-use ws:// URL on the fake's own port, and a real WebSocket there
 * speaks Slack's protocol — `hello` on connect, envelopes out, acks `{envelope_id, payload?}` in,
 * `disconnect` to make the client reconnect. Like Slack, an Events API envelope nobody acked is
 * delivered again (retry_attempt + 1, retry_reason "timeout"): after `redeliverAfterMs`, and when a
 * client connects after the one that had it went away. Commands and interactions are never
 * redelivered (Slack shows the user an error instead); their acks are recorded like the rest.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { fail } from './fake-slack-api.js';
import type { SlackResult } from './fake-slack-api.js';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** One envelope as it goes over the wire. */
export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt: number;
  retry_reason: string;
}

export interface SocketDelivery {
  envelope: Envelope;
  /** Which connection got it (1, 2, … in the order they connected). */
  connection: number;
  at: number;
}

export interface SocketAck {
  envelope_id: string;
  /** The response payload, when the client sent one. */
  payload?: Record<string, unknown>;
  connection: number;
  at: number;
}

export interface FakeSlackSocketOptions {
  /** The app-level token apps.connections.open accepts; default 'xapp-1-test'. */
  appToken?: string;
  /** Default 'A0TEST'. */
  appId?: string;
  /** An unacked Events API envelope is delivered again after this long; default 3000 (Slack's 3 s). */
  redeliverAfterMs?: number;
  /** Redeliveries of one envelope at most; default 3, as Slack. */
  maxRetries?: number;
}

interface Pending {
  envelope: Envelope;
  /** The connection that has it now; undefined while it waits for one. */
  connection: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

const LINK_PATH = '/link/';

export class FakeSlackSocket {
  readonly deliveries: SocketDelivery[] = [];
  readonly acks: SocketAck[] = [];
  /** How many WebSocket connections were opened (hello sent) so far. */
  connectionsOpened = 0;
  private readonly appToken: string;
  private readonly appId: string;
  private readonly redeliverAfterMs: number;
  private readonly maxRetries: number;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets = new Map<number, WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private envelopeCounter = 0;

  constructor(
    private readonly wsBaseUrl: string,
    opts: FakeSlackSocketOptions = {},
  ) {
    this.appToken = opts.appToken ?? 'xapp-1-test';
    this.appId = opts.appId ?? 'A0TEST';
    this.redeliverAfterMs = opts.redeliverAfterMs ?? 3000;
    this.maxRetries = opts.maxRetries ?? 3;
  }

  /** Serves the WebSocket on `server` (the fake's HTTP server). */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  /** `apps.connections.open`: a one-use URL for the app-level token, or Slack's error. */
  open(token: string | undefined): SlackResult {
    if (!token) return fail('not_authed');
    if (!token.startsWith('xapp-')) return fail('not_allowed_token_type');
    if (token !== this.appToken) return fail('invalid_auth');
    const ticket = randomBytes(8).toString('hex');
    this.tickets.add(ticket);
    return { ok: true, url: `${this.wsBaseUrl}${LINK_PATH}?ticket=${ticket}&app_id=${this.appId}` };
  }

  /** Connections that said hello and are still open. */
  get openConnections(): number {
    return this.sockets.size;
  }

  /**
   * Sends an envelope to the newest open connection (or to the next one to connect) and returns it.
   * `acceptsResponsePayload` defaults to true for commands and interactions, false for events.
   */
  deliver(type: EnvelopeType, payload: Record<string, unknown>, opts: { acceptsResponsePayload?: boolean } = {}): Envelope {
    this.envelopeCounter += 1;
    const envelope: Envelope = {
      envelope_id: `${randomBytes(4).toString('hex')}-${this.envelopeCounter}`,
      type,
      payload,
      accepts_response_payload: opts.acceptsResponsePayload ?? type !== 'events_api',
      retry_attempt: 0,
      retry_reason: '',
    };
    const pending: Pending = { envelope, connection: undefined, timer: undefined };
    this.pending.set(envelope.envelope_id, pending);
    this.send(pending);
    return envelope;
  }

  /** The ack of an envelope, if one came. */
  ackOf(envelopeId: string): SocketAck | undefined {
    return this.acks.find((a) => a.envelope_id === envelopeId);
  }

  /** Envelopes the fake still waits an ack for (and would deliver again). */
  unacked(): string[] {
    return [...this.pending.keys()];
  }

  /** Every time an envelope went out, first delivery and redeliveries. */
  deliveriesOf(envelopeId: string): SocketDelivery[] {
    return this.deliveries.filter((d) => d.envelope.envelope_id === envelopeId);
  }

  /** Asks every client to reconnect, as Slack does before recycling a server. */
  disconnect(reason: 'refresh_requested' | 'warning' | 'link_disabled' = 'refresh_requested'): void {
    for (const ws of this.sockets.values()) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
  }

  /** Cuts every connection without a word (a network failure). */
  drop(): void {
    for (const ws of this.sockets.values()) ws.terminate();
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    this.drop();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  // --- wire ----------------------------------------------------------------------------------

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== LINK_PATH || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws));
  }

  private connected(ws: WebSocket): void {
    this.connectionsOpened += 1;
    const id = this.connectionsOpened;
    this.sockets.set(id, ws);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.received(id, data.toString());
    });
    ws.on('close', () => {
      this.sockets.delete(id);
      // What that connection had and never acked goes to the next one (with a retry count).
      for (const p of this.pending.values()) {
        if (p.connection === id) this.retry(p);
      }
    });
    ws.on('error', () => undefined);
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    for (const p of this.pending.values()) {
      if (p.connection === undefined) this.send(p);
    }
  }

  private received(connection: number, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { envelope_id: envelopeId, payload } = message as { envelope_id?: unknown; payload?: unknown };
    if (typeof envelopeId !== 'string') return;
    const ack: SocketAck = { envelope_id: envelopeId, connection, at: Date.now() };
    if (typeof payload === 'object' && payload !== null) ack.payload = payload as Record<string, unknown>;
    this.acks.push(ack);
    const p = this.pending.get(envelopeId);
    if (p) {
      clearTimeout(p.timer);
      this.pending.delete(envelopeId);
    }
  }

  /** Sends to the newest open connection; with none open, it waits for the next hello. */
  private send(p: Pending): void {
    const newest = [...this.sockets.keys()].at(-1);
    p.connection = newest;
    if (newest === undefined) return;
    this.sockets.get(newest)?.send(JSON.stringify(p.envelope));
    this.deliveries.push({ envelope: { ...p.envelope }, connection: newest, at: Date.now() });
    if (p.envelope.type !== 'events_api') {
      // Slack never redelivers a command or an interaction; it only waits for the ack.
      return;
    }
    clearTimeout(p.timer);
    p.timer = setTimeout(() => this.retry(p), this.redeliverAfterMs);
  }

  private retry(p: Pending): void {
    clearTimeout(p.timer);
    p.timer = undefined;
    if (p.envelope.type !== 'events_api' || p.envelope.retry_attempt >= this.maxRetries) {
      this.pending.delete(p.envelope.envelope_id);
      return;
    }
    p.envelope = { ...p.envelope, retry_attempt: p.envelope.retry_attempt + 1, retry_reason: 'timeout' };
    this.send(p);
  }
}
