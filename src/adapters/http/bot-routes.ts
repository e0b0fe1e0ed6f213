/**
 * The HTTP routes of every process (PRODUCT §3): health, readiness and metrics; the PagerDuty
 * webhook where the process takes traffic (not in a worker-only one).
 */
import type { Logger } from '../../logger.js';
import { createMetricsRoute, createReadyz, healthz } from './health-routes.js';
import type { Metrics } from './metrics.js';
import { createPagerDutyWebhookHandler } from './pagerduty-webhook-route.js';
import type { PagerDutyWebhookDeps } from './pagerduty-webhook-route.js';
import type { Route } from './routes.js';

/** A queue as /metrics reports it: its name and its jobs counted by state. */
export interface CountedQueue {
  name: string;
  queue: { getJobCounts(...states: string[]): Promise<Record<string, number>> };
}

export interface BotRouteDeps {
  metrics: Metrics;
  log: Logger;
  /** Readiness: Redis answers. */
  pingRedis(): Promise<void>;
  queues: CountedQueue[];
  /** Absent in a worker-only process: no webhook there. */
  webhook?: Pick<PagerDutyWebhookDeps, 'secrets' | 'enqueue'> | undefined;
}

export function botRoutes(deps: BotRouteDeps): Route[] {
  const { metrics } = deps;
  const routes: Route[] = [
    { path: '/healthz', method: 'GET', handler: healthz },
    { path: '/readyz', method: 'GET', handler: createReadyz({ pingRedis: deps.pingRedis, metrics }) },
    {
      path: '/metrics',
      method: 'GET',
      handler: createMetricsRoute({
        metrics,
        pingRedis: async () => undefined,
        beforeScrape: async () => {
          for (const q of deps.queues) {
            const counts = await q.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
            for (const [state, n] of Object.entries(counts)) metrics.queueDepth.set({ queue: q.name, state }, n);
          }
        },
      }),
    },
  ];
  if (deps.webhook !== undefined) {
    routes.push({ path: '/webhooks/pagerduty', method: 'POST', handler: createPagerDutyWebhookHandler({ ...deps.webhook, metrics, log: deps.log }) });
  }
  return routes;
}
