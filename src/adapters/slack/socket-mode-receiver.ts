/**
 * Socket Mode for Bolt that acknowledges an Events API envelope only after its listener finished,
 * as processBeforeResponse does over HTTP. Bolt's own SocketModeReceiver acks events before the
 * listener runs, so a process that died between the ack and the write lost the event for good.
 * Here an envelope whose listener failed, or never finished because the process died, stays
 * unacknowledged and Slack delivers it again; listeners write keyed by the message, so once.
 * Slash commands and interactions are acked the moment their handler calls ack(), with its
 * payload, inside Slack's 3 s. Our own routes (health, metrics, the PagerDuty webhook) are served
 * on `port`, and start() never waits for Slack: the client keeps trying in the background.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';
import { describeError } from '../../errors.js';
import { routeRequests } from '../http/routes.js';
import type { Route } from '../http/routes.js';
import { toBoltLogger } from './bolt-logger.js';

export interface SocketModeReceiverOptions {
  /** App-level token (`xapp-…`) for apps.connections.open. */
  appToken: string;
  /** SLACK_API_URL: where apps.connections.open is asked for the WebSocket URL. */
  apiUrl: string;
  /** Port of our own routes. */
  port: number;
  routes: Route[];
  log: Logger;
  /** How long stop() lets running listeners finish so their acks go out; default 5000 ms. */
  drainMs?: number;
  /** First wait before asking Slack again after the client gave up; doubles up to 60 s. Default 1000 ms. */
  restartDelayMs?: number;
}

/** What SocketModeClient emits as `slack_event` for every envelope. */
interface SlackEventArgs {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  envelope_id: string;
  type: string;
  body: Record<string, unknown>;
  retry_num?: number;
  retry_reason?: string;
}

const MAX_RESTART_DELAY_MS = 60_000;

export class SocketModeReceiver implements Receiver {
  private app: App | undefined;
  private readonly client: SocketModeClient;
  private readonly server: Server;
  private readonly log: Logger;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;
  /** A connection attempt is under way (see stop()). */
  private connecting = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restartDelayMs: number;

  constructor(private readonly opts: SocketModeReceiverOptions) {
    this.log = opts.log.child({ component: 'socket-mode' });
    this.restartDelayMs = opts.restartDelayMs ?? 1000;
    this.client = new SocketModeClient({
      appToken: opts.appToken,
      logger: toBoltLogger(opts.log),
      // Few retries inside the WebClient: those would carry on after stop(); restart() retries instead.
      clientOptions: { slackApiUrl: opts.apiUrl, retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 } },
    });
    this.client.on('slack_event', (args: SlackEventArgs) => this.track(this.handle(args)));
    // While the client (re)connects, its own start() promise is pending; a disconnect then rejects
    // that promise with undefined where nothing catches it. stop() waits for the attempt to end.
    this.client.on('connecting', () => (this.connecting = true));
    this.client.on('reconnecting', () => (this.connecting = true));
    this.client.on('disconnected', () => (this.connecting = false));
    this.client.on('connected', () => {
      this.connecting = false;
      this.restartDelayMs = opts.restartDelayMs ?? 1000;
      if (this.stopping) void this.client.disconnect();
      else this.log.info('Socket Mode connected');
    });
    this.server = createServer(routeRequests(opts.routes));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Resolves once our routes are served; Slack is reached in the background. */
  async start(): Promise<Server> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port, () => resolve());
    });
    this.connect();
    return this.server;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    // Listeners still running get a moment so their acks go out; the rest stay unacked and come again.
    await withDeadline(Promise.allSettled([...this.inFlight]), this.opts.drainMs ?? 5000);
    if (this.connecting) await withDeadline(new Promise((resolve) => this.client.once('connected', resolve)), 2000);
    await withDeadline(this.client.disconnect(), 2000);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }

  private connect(): void {
    this.client.start().catch((err: unknown) => {
      if (this.stopping) return;
      // The client gives up on some answers (invalid_auth, Slack unreachable): keep asking, slower each time.
      this.log.error({ err: describeError(err), retryInMs: this.restartDelayMs }, 'Socket Mode could not connect; trying again');
      this.restartTimer = setTimeout(() => this.connect(), this.restartDelayMs);
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, MAX_RESTART_DELAY_MS);
    });
  }

  private async handle(args: SlackEventArgs): Promise<void> {
    const app = this.app;
    if (app === undefined) return;
    // Events carry no response: their ack waits for the listener. Everything else is acked when asked.
    const afterListener = args.type === 'events_api';
    let acked = false;
    const event: ReceiverEvent = {
      body: args.body,
      retryNum: args.retry_num,
      retryReason: args.retry_reason,
      ack: async (response?: Record<string, unknown>) => {
        if (acked) return;
        acked = true;
        if (!afterListener) await args.ack(response);
      },
    };
    const context = { envelopeId: args.envelope_id, type: args.type, retryNum: args.retry_num };
    try {
      await app.processEvent(event);
    } catch (err) {
      this.log.warn({ ...context, err: describeError(err) }, 'listener failed; the envelope stays unacknowledged and Slack delivers it again');
      return;
    }
    if (!afterListener) return;
    await args.ack().catch((err: unknown) => {
      // The connection went away meanwhile: Slack delivers it again and the keyed write makes that harmless.
      this.log.warn({ ...context, err: describeError(err) }, 'could not acknowledge; Slack will deliver it again');
    });
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
