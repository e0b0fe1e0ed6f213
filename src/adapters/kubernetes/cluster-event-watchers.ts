// The ClusterWatch port for any number of bot processes on one Redis. Incident flows register
// targets (watch/unwatch, from any process); every worker process polls the registry and runs a
// watcher for each target whose Redis lease it holds, renewing the lease on each poll. So each
// target has one watcher at a time, and when its process stops or dies another one takes over
// (at once after a clean close, within the lease time after a crash). A lease lost to a long
// pause can mean two watchers for a moment; the sink counts each event once either way.
import { randomUUID } from 'node:crypto';
import type * as k8s from '@kubernetes/client-node';
import type { Redis } from 'ioredis';
import type { Log } from '../../domain/ports.js';
import type { ClusterWatch } from '../../domain/timeline/timeline-ports.js';
import type { WatchTarget } from '../../domain/timeline/cluster-events.js';
import type { RedisKeys } from '../redis/keys.js';
import { RedisClusterEventSink } from '../redis/redis-cluster-event-sink.js';
import type { ClusterEventSink } from '../redis/redis-cluster-event-sink.js';
import { RedisLeases } from '../redis/redis-leases.js';
import { RedisWatchTargets } from '../redis/redis-watch-targets.js';
import { EventWatcher } from './event-watcher.js';
import type { EventWatcherOptions } from './event-watcher.js';
import { kubeConfigForContext } from './kube-config-for-context.js';

export interface ClusterEventWatchersOptions {
  /** How often the registry is read and held leases renewed. Default 5,000 ms. */
  pollMs?: number;
  /** Lease length; a crashed process's targets move to another after this. Default 30,000 ms (keep it ≥ 3 × pollMs). */
  leaseMs?: number;
  /** Options of each watcher (scope refresh, backoff, batch size). */
  watcher?: EventWatcherOptions;
  /** Where events are counted. Default: a RedisClusterEventSink on the same Redis and keys. */
  sink?: ClusterEventSink;
  log?: Log;
}

interface Running {
  json: string;
  watcher: EventWatcher;
}

const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class ClusterEventWatchers implements ClusterWatch {
  private readonly targets: RedisWatchTargets;
  private readonly leases: RedisLeases;
  private readonly sink: ClusterEventSink;
  private readonly running = new Map<string, Running>();
  /** Targets that cannot be watched here (unknown context, bad name): said once, not every poll. */
  private readonly refused = new Set<string>();
  private readonly pollMs: number;
  private readonly log: Log;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private closed = false;

  /** `redis` is used for the registry, the leases and (by default) the sink; `kc` is the bot's kubeconfig. */
  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly kc: k8s.KubeConfig,
    private readonly opts: ClusterEventWatchersOptions = {},
  ) {
    this.targets = new RedisWatchTargets(redis, keys);
    this.leases = new RedisLeases(redis, randomUUID(), opts.leaseMs ?? 30_000);
    this.sink = opts.sink ?? new RedisClusterEventSink(redis, keys);
    this.pollMs = opts.pollMs ?? 5_000;
    this.log = opts.log ?? silent;
  }

  /** Begins running watchers in this process (worker role). watch()/unwatch() work without it. */
  start(): void {
    if (this.closed || this.timer !== undefined) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
  }

  async watch(target: WatchTarget): Promise<void> {
    if (await this.targets.add(target)) this.log.info({ incidentId: target.incidentId, workload: `${target.kind}/${target.namespace}/${target.name}` }, 'watching cluster events');
    if (this.timer !== undefined) void this.poll();
  }

  async unwatch(incidentId: string): Promise<void> {
    const ids = await this.targets.removeIncident(incidentId);
    // A poll under way may have read the registry before the removal and started one of these.
    await this.polling;
    // Watchers here stop now; other processes notice within one poll.
    await Promise.all(ids.filter((id) => this.running.has(id)).map((id) => this.stopWatcher(id)));
  }

  /** Watch ids whose watcher runs in this process. */
  get watching(): string[] {
    return [...this.running.keys()];
  }

  /** Stops every watcher here and releases their leases, so other processes take over at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
    await Promise.all([...this.running.keys()].map((id) => this.stopWatcher(id)));
  }

  /** One pass: stop what is gone or lost, renew what is held, start what is free. Never overlaps itself. */
  private poll(): Promise<void> {
    this.polling ??= this.pollOnce()
      .catch((err: unknown) => this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'cluster watch poll failed'))
      .finally(() => {
        this.polling = undefined;
      });
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    const targets = await this.targets.list();
    for (const [id, r] of this.running) {
      const wanted = targets.get(id);
      if (wanted === undefined || JSON.stringify(wanted) !== r.json) {
        await this.stopWatcher(id);
      } else if (!(await this.leases.renew(this.keys.clusterWatchLease(id)))) {
        this.log.warn({ watchId: id }, 'lost the lease of a cluster watch: stopping it here');
        await this.stopWatcher(id, { release: false });
      }
    }
    for (const [id, target] of targets) {
      if (this.closed) return;
      if (this.running.has(id) || this.refused.has(id)) continue;
      if (!(await this.leases.acquire(this.keys.clusterWatchLease(id)))) continue;
      try {
        const watcher = new EventWatcher(kubeConfigForContext(this.kc, target.context), target, this.sink, {
          ...this.opts.watcher,
          log: this.log,
        });
        watcher.start();
        this.running.set(id, { json: JSON.stringify(target), watcher });
      } catch (err) {
        this.refused.add(id);
        await this.leases.release(this.keys.clusterWatchLease(id));
        this.log.error({ watchId: id, err: err instanceof Error ? err.message : String(err) }, 'cannot watch this workload');
      }
    }
  }

  private async stopWatcher(id: string, opts: { release?: boolean } = {}): Promise<void> {
    const r = this.running.get(id);
    if (r === undefined) return;
    this.running.delete(id);
    await r.watcher.stop();
    if (opts.release !== false) await this.leases.release(this.keys.clusterWatchLease(id)).catch(() => undefined);
  }
}
