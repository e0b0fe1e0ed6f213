/**
 * The server of a process that takes Slack traffic: the Bolt app (over HTTP, or Socket Mode),
 * which also serves our routes (health, metrics, the PagerDuty webhook).
 */
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { HttpServer } from '../http/start-http.js';
import { createSlackApp } from './slack-app.js';
import type { SlackAppOptions } from './slack-app.js';

/** The Bolt app with `register` adding its commands, actions and events before it starts. */
export async function startSlackServer(opts: SlackAppOptions, register: (app: App) => void): Promise<HttpServer> {
  const app = createSlackApp(opts);
  register(app);
  // Over HTTP and in Socket Mode alike, start() resolves once our routes listen; in Socket Mode
  // the receiver keeps reaching for Slack in the background, so health, metrics and the
  // PagerDuty webhook work (and SIGTERM is handled) while Slack is unreachable.
  const started = (await app.start(opts.port)) as unknown;
  return { port: boundPort(started) ?? opts.port, stop: () => app.stop().then(() => undefined) };
}

function boundPort(started: unknown): number | undefined {
  const address = (started as { address?: () => AddressInfo | string | null } | undefined)?.address?.();
  return typeof address === 'object' && address !== null ? address.port : undefined;
}
