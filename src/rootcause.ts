/**
 * Composition: config → clients → services → HTTP, Bolt, workers. `startRootcause`
 * runs one bot instance (tests start several against one Redis); main.ts wraps it
 * with process signals.
 */
import type { Worker } from 'bullmq';
import type { Config } from './config.js';
import { botRoutes } from './adapters/http/bot-routes.js';
import { Metrics } from './adapters/http/metrics.js';
import { startPlainHttp } from './adapters/http/start-http.js';
import { ClusterEventWatchers } from './adapters/kubernetes/cluster-event-watchers.js';
import { KubeCluster } from './adapters/kubernetes/kube-cluster.js';
import { NO_KUBECONFIG, loadKubeConfig } from './adapters/kubernetes/load-kubeconfig.js';
import { openQueues } from './adapters/queue/queues.js';
import { startWorkers } from './adapters/queue/workers.js';
import { connectRedis } from './adapters/redis/connect-redis.js';
import { RedisKeys } from './adapters/redis/keys.js';
import { RedisActionItemStore } from './adapters/redis/redis-action-item-store.js';
import { RedisIncidentStore } from './adapters/redis/redis-incident-store.js';
import { RedisPostLedger } from './adapters/redis/redis-post-ledger.js';
import { RedisTimelineStore } from './adapters/redis/redis-timeline-store.js';
import { registerCardActions } from './adapters/slack/card-actions.js';
import { registerCommands } from './adapters/slack/register-commands.js';
import { registerMessageEvents } from './adapters/slack/register-events.js';
import { reportSlackIdentity } from './adapters/slack/slack-identity.js';
import { startSlackServer } from './adapters/slack/slack-server.js';
import type { IncidentCommandRequest } from './domain/incident/incident-command.js';
import type { Clock } from './domain/ports.js';
import type { TriageRequest } from './domain/triage/triage-request.js';
import { createClients } from './clients.js';
import { wireFlows } from './flows.js';
import type { Logger } from './logger.js';
import { stopBot } from './stop-bot.js';

export interface RunningBot {
  /** The HTTP port actually bound (useful with PORT=0). */
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  clock?: Clock;
  /** Collect Node process metrics (default true; tests with several instances turn it off). */
  processMetrics?: boolean;
  /** Worker lock and stall-check periods (defaults: BullMQ's 30 s); tests of crashes shorten them. */
  workerTimings?: { lockDurationMs: number; stalledIntervalMs: number };
  /** Budget for reading the cluster in a triage. Default 10 s. */
  triageBudgetMs?: number;
  /** How often cluster-event watchers look for incidents to watch. Default 5 s. */
  clusterWatchPollMs?: number;
  /** How long SIGTERM waits for running jobs before handing them back. Default 20 s. */
  shutdownGraceMs?: number;
}

export async function startRootcause(config: Config, opts: StartOptions): Promise<RunningBot> {
  const log = opts.log;
  const metrics = new Metrics({ processMetrics: opts.processMetrics ?? true });
  const keys = new RedisKeys(config.redisKeyPrefix);
  const redis = connectRedis(config.redisUrl, log, 'state');
  // Fails fast while Redis is down, so the webhook answers 503 (PagerDuty retries) instead of hanging.
  const producerRedis = connectRedis(config.redisUrl, log, 'producer', { enableOfflineQueue: false });

  const { chat, pager } = createClients(config, metrics);
  const clock = opts.clock ?? { now: () => new Date() };
  const q = openQueues(producerRedis, redis, keys, { now: () => clock.now(), log });
  const queues = q.all;
  const items = new RedisActionItemStore(redis, keys);
  const requestTriage = async (request: TriageRequest) => void (await q.triage.enqueue({ request }));
  const requestCommand = async (request: IncidentCommandRequest) => void (await q.commands.enqueue({ request }));
  const { kc, source: kubeconfigSource } = loadKubeConfig(config.kubeconfig);
  if (kubeconfigSource === undefined) log.warn(`${NO_KUBECONFIG}. /triage will say so until then.`);
  // The bot's one clock: what a triage calls "now" (tests run stories at their own instant).
  const cluster = new KubeCluster(kc, { now: () => clock.now() });
  const clusterWatch = new ClusterEventWatchers(redis, keys, kc, {
    log: log.child({ component: 'cluster-events' }),
    ...(opts.clusterWatchPollMs === undefined ? {} : { pollMs: opts.clusterWatchPollMs }),
  });
  const incidents = new RedisIncidentStore(redis, keys);
  const timeline = new RedisTimelineStore(redis, keys);

  const routes = botRoutes({
    metrics,
    log,
    pingRedis: () => producerRedis.ping().then(() => undefined),
    queues,
    webhook: config.role === 'worker' ? undefined : { secrets: config.pagerduty.webhookSecrets, enqueue: (e) => q.pages.enqueueEvent(e) },
  });

  const workers: Worker[] = [];
  const connections = [redis, producerRedis];
  if (config.role !== 'web') {
    // Cluster events are watched by worker processes; leases in Redis keep one watcher per incident.
    clusterWatch.start();
    const flows = wireFlows({
      chat,
      pager,
      incidents,
      timeline,
      items,
      cluster,
      clusterWatch,
      clock,
      log,
      requestTriage,
      reminders: q.reminders,
      ledger: new RedisPostLedger(redis, keys),
      catalog: config.catalog,
      announceChannel: config.announceChannel,
      triageBudgetMs: opts.triageBudgetMs,
    });
    const started = startWorkers(flows, { redisUrl: config.redisUrl, keys, metrics, log, digestQueue: q.digests, timings: opts.workerTimings });
    workers.push(...started.workers);
    connections.push(started.connection);
  }

  const server =
    config.role === 'worker'
      ? await startPlainHttp(config.port, routes)
      : await startSlackServer(
          { signingSecret: config.slack.signingSecret, botToken: config.slack.botToken, appToken: config.slack.appToken, apiUrl: config.slack.apiUrl, port: config.port, routes, chat, log },
          (app) => {
            registerCardActions(app, { incidents, requestTriage, requestCommand });
            registerCommands(app, {
              triage: { contexts: cluster.contexts(), enqueue: requestTriage },
              incident: {
                enqueue: requestCommand,
                getIncident: (id) => incidents.get(id),
                listOpenItems: (scope) => ('incidentId' in scope ? items.forIncident(scope.incidentId) : items.openForOwner(scope.ownerId)),
                now: () => clock.now(),
              },
              incidents,
            });
            registerMessageEvents(app, { incidents, timeline, log });
          },
        );
  const port = server.port;
  log.info({ port, role: config.role, socketMode: config.slack.appToken !== undefined, kubeconfig: kubeconfigSource ?? null }, 'rootcause started');
  void reportSlackIdentity(chat, log);

  return {
    port,
    stop: () => stopBot({ log, stopHttp: server.stop, workers, connections, clusterWatch, queues, graceMs: opts.shutdownGraceMs }),
  };
}
