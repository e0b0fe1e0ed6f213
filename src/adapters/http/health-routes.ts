/** /healthz (the process runs), /readyz (Redis answers) and /metrics. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';
import { sendJson } from './send-json.js';

export interface HealthDeps {
  /** Resolves when Redis answers PING; rejects with the reason otherwise. */
  pingRedis: () => Promise<void>;
  /** Refreshes gauges (queue depth) just before a scrape. */
  beforeScrape?: () => Promise<void>;
  metrics: Metrics;
}

const READY_TIMEOUT_MS = 1000;
/**
 * How long /readyz keeps asking before it says "not ready". A connection that is still
 * being made (just started, just reconnected) fails a PING at once instead of queueing
 * it, so one failed PING is not yet an answer. Kept well under a probe's usual 1 s timeout.
 */
const READY_RETRY_MS = 500;

export function healthz(_req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

export function createReadyz(deps: HealthDeps) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    for (;;) {
      try {
        // Every attempt together stays within READY_TIMEOUT_MS.
        await withTimeout(deps.pingRedis(), Math.max(1, READY_TIMEOUT_MS - (Date.now() - started)));
        return sendJson(res, 200, { status: 'ready', redis: 'ok' });
      } catch (err) {
        if (Date.now() - started + 50 >= READY_RETRY_MS) {
          return sendJson(res, 503, { status: 'not ready', redis: `Redis is unreachable: ${(err as Error).message}` });
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
}

export function createMetricsRoute(deps: HealthDeps) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A scrape must work while Redis is down: queue gauges then keep their last value.
    await withTimeout(deps.beforeScrape?.() ?? Promise.resolve(), READY_TIMEOUT_MS).catch(() => undefined);
    const text = await deps.metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': deps.metrics.registry.contentType });
    res.end(text);
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
