/**
 * Stopping one bot instance (SIGTERM, or a test's stop): no new work, running jobs get a grace
 * period, then leases, queues and connections are let go — quickly when Redis is down, since
 * nothing can be finished or released then anyway.
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export interface RunningParts {
  log: Logger;
  stopHttp(): Promise<void>;
  workers: Worker[];
  connections: Redis[];
  /** Cluster-event watches: their leases are released so another replica takes them at once. */
  clusterWatch: { close(): Promise<void> };
  queues: { close(): Promise<void> }[];
  /** How long running jobs may take to finish. Default 20 s. */
  graceMs?: number | undefined;
}

export async function stopBot(parts: RunningParts): Promise<void> {
  const { log, workers, connections } = parts;
  log.info('stopping: no new work, finishing running jobs');
  await parts.stopHttp().catch((err: Error) => log.warn({ err: err.message }, 'HTTP server did not stop cleanly'));
  // Running jobs get a grace period to finish; after it (or while Redis is down, when
  // close() would wait forever) they are dropped and another worker retries them.
  const graceful = Promise.all(workers.map((w) => w.close()));
  // With Redis down nothing can finish (a job's result cannot even be saved): don't wait.
  const redisUp = connections.every((c) => c.status === 'ready');
  if ((await withDeadline(graceful, redisUp ? (parts.graceMs ?? 20_000) : 0)) === 'timeout') {
    log.warn('jobs did not finish in time; leaving them to be retried');
    await withDeadline(Promise.all(workers.map((w) => w.close(true))), 2_000);
  }
  // Releasing the leases lets another replica take the watches over at once. With Redis down
  // there is nothing to release or close cleanly: don't wait for it.
  const patience = redisUp ? 1 : 0.1;
  await withDeadline(parts.clusterWatch.close(), 5_000 * patience);
  await withDeadline(Promise.all(parts.queues.map((q) => q.close())), 2_000 * patience);
  await Promise.all(connections.map((c) => withDeadline(c.quit(), 1_000).then((r) => (r === 'timeout' ? c.disconnect() : undefined), () => c.disconnect())));
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
