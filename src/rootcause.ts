/**
 * Composition: config → clients → services → HTTP, Bolt, workers. `startRootcause`
 * runs one bot instance (tests start several against one Redis); main.ts wraps it
 * with process signals.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import type { Worker } from 'bullmq';
import { NO_KUBECONFIG, loadKubeConfig } from './adapters/kubernetes/load-kubeconfig.js';
import { reportSlackIdentity } from './adapters/slack/slack-identity.js';
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import type { Config } from './config.js';
import { handlePageEvent } from './domain/incident/handle-page-event.js';
import type { IncidentDeps } from './domain/incident/incident-deps.js';
import type { Clock } from './domain/ports.js';
import { createMetricsRoute, createReadyz, healthz } from './adapters/http/health-routes.js';
import { Metrics } from './adapters/http/metrics.js';
import { createPagerDutyWebhookHandler } from './adapters/http/pagerduty-webhook-route.js';
import { routeRequests } from './adapters/http/routes.js';
import type { Route } from './adapters/http/routes.js';
import { PagerDutyClient } from './adapters/pagerduty/pagerduty-client.js';
import { PageEventQueue } from './adapters/queue/page-event-queue.js';
import { QUEUES } from './adapters/queue/queue-names.js';
import { JOBS } from './adapters/queue/queue-names.js';
import type { ApplyIncidentCommandJob, HandlePageEventJob, RunTriageJob, SendReminderJob } from './adapters/queue/queue-names.js';
import { createDigestQueue, createIncidentCommandQueue, createTriageQueue } from './adapters/queue/queues.js';
import { BullReminderScheduler } from './adapters/queue/reminder-scheduler.js';
import { RedisActionItemStore } from './adapters/redis/redis-action-item-store.js';
import { sendReminder } from './domain/postmortem/action-items.js';
import { sendOverdueDigests } from './domain/postmortem/overdue-digest.js';
import { registerMessageEvents } from './adapters/slack/register-events.js';
import { applyIncidentCommand } from './domain/incident/apply-incident-command.js';
import type { IncidentCommandRequest } from './domain/incident/incident-command.js';
import { ClusterEventWatchers } from './adapters/kubernetes/cluster-event-watchers.js';
import { KubeCluster } from './adapters/kubernetes/kube-cluster.js';
import { registerCommands } from './adapters/slack/register-commands.js';
import { runTriage } from './domain/triage/run-triage.js';
import type { TriageDeps } from './domain/triage/run-triage.js';
import type { TriageRequest } from './domain/triage/triage-request.js';
import { runWorker } from './adapters/queue/run-worker.js';
import { RedisKeys } from './adapters/redis/keys.js';
import { throttledWarning } from './adapters/redis/throttled-warning.js';
import { RedisIncidentStore } from './adapters/redis/redis-incident-store.js';
import { RedisPostLedger } from './adapters/redis/redis-post-ledger.js';
import { RedisTimelineStore } from './adapters/redis/redis-timeline-store.js';
import { registerCardActions } from './adapters/slack/card-actions.js';
import { createSlackApp } from './adapters/slack/slack-app.js';
import { SLACK_RETRY_POLICY } from './adapters/slack/slack-retry-policy.js';
import { SlackChat } from './adapters/slack/slack-chat.js';
import type { Logger } from './logger.js';

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

  const slackClient = new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: SLACK_RETRY_POLICY,
    rejectRateLimitedCalls: false,
    logLevel: webApi.LogLevel.ERROR,
  });
  const chat = new SlackChat(slackClient, { onCall: (method, outcome) => metrics.slackCalls.inc({ method, outcome }) });
  const pager = new PagerDutyClient({
    apiUrl: config.pagerduty.apiUrl,
    apiToken: config.pagerduty.apiToken,
    fromEmail: config.pagerduty.fromEmail,
    onCall: (operation, outcome) => metrics.pagerDutyCalls.inc({ operation, outcome }),
  });
  const triageQueue = createTriageQueue(producerRedis, keys);
  const commandQueue = createIncidentCommandQueue(producerRedis, keys);
  const pageQueue = new PageEventQueue(producerRedis, keys);
  const clock = opts.clock ?? { now: () => new Date() };
  const reminders = new BullReminderScheduler(producerRedis, keys, () => clock.now());
  // Set up at start, when the producer connection may not be connected yet: this one waits.
  const digestQueue = createDigestQueue(redis, keys);
  const items = new RedisActionItemStore(redis, keys);
  const queues = [pageQueue, triageQueue, commandQueue, reminders, digestQueue];
  for (const q of queues) q.queue.on('error', throttledWarning(log, `queue ${q.name}`));
  const requestTriage = async (request: TriageRequest) => void (await triageQueue.enqueue({ request }));
  const requestCommand = async (request: IncidentCommandRequest) => void (await commandQueue.enqueue({ request }));
  const { kc, source: kubeconfigSource } = loadKubeConfig(config.kubeconfig);
  if (kubeconfigSource === undefined) log.warn(`${NO_KUBECONFIG}. /triage will say so until then.`);
  // The bot's one clock: what a triage calls "now" (tests run stories at their own instant).
  const cluster = new KubeCluster(kc, { now: () => clock.now() });
  const clusterWatch = new ClusterEventWatchers(redis, keys, kc, {
    log: log.child({ component: 'cluster-events' }),
    ...(opts.clusterWatchPollMs === undefined ? {} : { pollMs: opts.clusterWatchPollMs }),
  });
  const deps: IncidentDeps = {
    chat,
    items,
    reminders,
    ledger: new RedisPostLedger(redis, keys),
    pager,
    incidents: new RedisIncidentStore(redis, keys),
    timeline: new RedisTimelineStore(redis, keys),
    catalog: config.catalog,
    clock,
    log: log.child({ component: 'incidents' }),
    announceChannel: config.announceChannel,
    requestTriage,
    clusterWatch,
  };
  const triageDeps: TriageDeps = {
    chat,
    ledger: deps.ledger,
    cluster,
    catalog: config.catalog,
    timeline: deps.timeline,
    clock: deps.clock,
    log: log.child({ component: 'triage' }),
    budgetMs: opts.triageBudgetMs,
    clusterWatch,
  };

  const routes: Route[] = [
    { path: '/healthz', method: 'GET', handler: healthz },
    { path: '/readyz', method: 'GET', handler: createReadyz({ pingRedis: () => producerRedis.ping().then(() => undefined), metrics }) },
    {
      path: '/metrics',
      method: 'GET',
      handler: createMetricsRoute({
        metrics,
        pingRedis: async () => undefined,
        beforeScrape: async () => {
          for (const q of queues) {
            const counts = await q.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
            for (const [state, n] of Object.entries(counts)) metrics.queueDepth.set({ queue: q.name, state }, n);
          }
        },
      }),
    },
  ];
  if (config.role !== 'worker') {
    routes.push({
      path: '/webhooks/pagerduty',
      method: 'POST',
      handler: createPagerDutyWebhookHandler({ secrets: config.pagerduty.webhookSecrets, enqueue: (e) => pageQueue.enqueueEvent(e), metrics, log }),
    });
  }

  const workers: Worker[] = [];
  const connections = [redis, producerRedis];
  if (config.role !== 'web') {
    const workerRedis = connectRedis(config.redisUrl, log, 'worker', { maxRetriesPerRequest: null });
    connections.push(workerRedis);
    const workerOptions = { connection: workerRedis, prefix: keys.queuePrefix, metrics, log, ...opts.workerTimings };
    // Cluster events are watched by worker processes; leases in Redis keep one watcher per incident.
    clusterWatch.start();
    workers.push(
      runWorker<HandlePageEventJob>(QUEUES.pagerduty, async (job) => void (await handlePageEvent(deps, job.data.event)), workerOptions),
      runWorker<RunTriageJob>(QUEUES.triage, async (job) => void (await runTriage(triageDeps, job.data.request, job.attemptsMade + 1, job.opts.attempts ?? 1)), workerOptions),
      runWorker<ApplyIncidentCommandJob>(QUEUES.incidentCommands, (job) => applyIncidentCommand(deps, job.data.request), workerOptions),
      runWorker<SendReminderJob>(QUEUES.reminders, (job) => sendReminder(deps, job.data), workerOptions),
      runWorker<Record<string, never>>(QUEUES.digests, async () => void (await sendOverdueDigests(deps)), workerOptions),
    );
    // Mondays 09:00 UTC; upserting the same scheduler from every replica keeps one. Not awaited:
    // the process must start (and stay live) while Redis is down; this goes through when it is back.
    digestQueue.queue
      .upsertJobScheduler('weekly-overdue-digest', { pattern: '0 9 * * 1', tz: 'UTC' }, { name: JOBS.sendOverdueDigest, data: {} })
      .catch((err: Error) => log.warn({ err: err.message }, 'could not set up the weekly overdue digest; will try at the next start'));
  }

  let stopHttp: () => Promise<void>;
  let port: number;
  if (config.role === 'worker') {
    const server = createServer(routeRequests(routes));
    await new Promise<void>((resolve) => server.listen(config.port, resolve));
    port = (server.address() as AddressInfo).port;
    stopHttp = () => new Promise((resolve) => server.close(() => resolve()));
  } else {
    const app = createSlackApp({
      signingSecret: config.slack.signingSecret,
      botToken: config.slack.botToken,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      port: config.port,
      routes,
      chat,
      log,
    });
    registerCardActions(app, { incidents: deps.incidents, requestTriage, requestCommand });
    registerCommands(app, {
      triage: { contexts: cluster.contexts(), enqueue: requestTriage },
      incident: {
        enqueue: requestCommand,
        getIncident: (id) => deps.incidents.get(id),
        listOpenItems: (scope) => ('incidentId' in scope ? items.forIncident(scope.incidentId) : items.openForOwner(scope.ownerId)),
        now: () => clock.now(),
      },
      incidents: deps.incidents,
    });
    registerMessageEvents(app, { incidents: deps.incidents, timeline: deps.timeline, log });
    // Over HTTP and in Socket Mode alike, start() resolves once our routes listen; in Socket Mode
    // the receiver keeps reaching for Slack in the background, so health, metrics and the
    // PagerDuty webhook work (and SIGTERM is handled) while Slack is unreachable.
    port = boundPort((await app.start(config.port)) as unknown) ?? config.port;
    stopHttp = () => app.stop().then(() => undefined);
  }
  log.info({ port, role: config.role, socketMode: config.slack.appToken !== undefined, kubeconfig: kubeconfigSource ?? null }, 'rootcause started');
  void reportSlackIdentity(chat, log);

  return {
    port,
    async stop() {
      log.info('stopping: no new work, finishing running jobs');
      await stopHttp().catch((err: Error) => log.warn({ err: err.message }, 'HTTP server did not stop cleanly'));
      // Running jobs get a grace period to finish; after it (or while Redis is down, when
      // close() would wait forever) they are dropped and another worker retries them.
      const graceful = Promise.all(workers.map((w) => w.close()));
      // With Redis down nothing can finish (a job's result cannot even be saved): don't wait.
      const redisUp = connections.every((c) => c.status === 'ready');
      if ((await withDeadline(graceful, redisUp ? (opts.shutdownGraceMs ?? 20_000) : 0)) === 'timeout') {
        log.warn('jobs did not finish in time; leaving them to be retried');
        await withDeadline(Promise.all(workers.map((w) => w.close(true))), 2_000);
      }
      // Releasing the leases lets another replica take the watches over at once. With Redis down
      // there is nothing to release or close cleanly: don't wait for it.
      const patience = redisUp ? 1 : 0.1;
      await withDeadline(clusterWatch.close(), 5_000 * patience);
      await withDeadline(Promise.all(queues.map((q) => q.close())), 2_000 * patience);
      await Promise.all(connections.map((c) => withDeadline(c.quit(), 1_000).then((r) => (r === 'timeout' ? c.disconnect() : undefined), () => c.disconnect())));
    },
  };
}

function connectRedis(url: string, log: Logger, role: string, extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, { connectionName: `rootcause-${role}`, ...extra });
  redis.on('error', throttledWarning(log, `redis ${role}`));
  return redis;
}


async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function boundPort(started: unknown): number | undefined {
  const address = (started as { address?: () => AddressInfo | string | null } | undefined)?.address?.();
  return typeof address === 'object' && address !== null ? address.port : undefined;
}

