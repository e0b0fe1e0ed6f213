/**
 * The server of a worker-only process: its routes (health, metrics) on plain HTTP. Any other
 * process runs the Bolt app instead (adapters/slack/slack-server.ts), which serves the same routes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeRequests } from './routes.js';
import type { Route } from './routes.js';

export interface HttpServer {
  /** The port actually bound (useful with PORT=0). */
  port: number;
  stop(): Promise<void>;
}

export async function startPlainHttp(port: number, routes: Route[]): Promise<HttpServer> {
  const server = createServer(routeRequests(routes));
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
