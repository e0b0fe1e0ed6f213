/**
 * The Bolt app: Slack requests in (HTTP at /slack/events, or Socket Mode), our own
 * routes beside them. Handlers here only acknowledge and hand off. Either way an event
 * is acknowledged only after its handler wrote it, so Slack redelivers what a crash cut short.
 */
import { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Route } from '../http/routes.js';
import { toBoltLogger } from './bolt-logger.js';
import type { SlackChat } from './slack-chat.js';
import { SocketModeReceiver } from './socket-mode-receiver.js';

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string;
  /** When set, Slack traffic uses Socket Mode (SocketModeReceiver) and `routes` are served on `port` beside it. */
  appToken: string | undefined;
  /** SLACK_API_URL: also where Socket Mode asks for its WebSocket URL (apps.connections.open). */
  apiUrl: string;
  port: number;
  routes: Route[];
  chat: SlackChat;
  log: Logger;
}

export function createSlackApp(opts: SlackAppOptions): App {
  const logger = toBoltLogger(opts.log);
  // Our own authorize instead of Bolt's start-up auth.test: if Slack is down when we
  // start, Bolt would cache that failure forever; whoAmI asks again next time.
  const authorize = async () => {
    const me = await opts.chat.whoAmI();
    return { botToken: opts.botToken, botUserId: me.userId, botId: me.botId };
  };
  const clientOptions = { slackApiUrl: opts.apiUrl };
  if (opts.appToken !== undefined) {
    // Bolt's own Socket Mode receiver acks events before the listener runs (processBeforeResponse
    // is HTTP-only); ours acks them after, and serves our routes itself.
    const receiver = new SocketModeReceiver({ appToken: opts.appToken, apiUrl: opts.apiUrl, port: opts.port, routes: opts.routes, log: opts.log });
    return new App({ receiver, authorize, logger, clientOptions });
  }
  // Answer Slack only after the handler ran: an event whose write failed gets a 500 and is
  // delivered again. Handlers stay fast (they acknowledge, write or queue, nothing slower).
  return new App({ signingSecret: opts.signingSecret, authorize, logger, customRoutes: opts.routes, processBeforeResponse: true, clientOptions });
}
