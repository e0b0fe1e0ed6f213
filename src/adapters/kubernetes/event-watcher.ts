// Feeds one incident's timeline with the cluster events of one workload. Two list-watch loops:
// the workload's namespace, and Node events cluster-wide (kubelets record those in `default` or
// in no namespace at all). Events about the workload's objects are queued, repeats of the same
// event uid coalesced while they wait, and written in batches through the idempotent sink.
// Read-only: list, watch and get are the only verbs used.
import type * as k8s from '@kubernetes/client-node';
import type { Log } from '../../domain/ports.js';
import {
  emptyScope,
  happenedSince,
  isAboutWorkload,
  learnFromEvent,
  mergeScope,
  toTimelineEntry,
} from '../../domain/timeline/cluster-events.js';
import type { WatchScope, WatchTarget } from '../../domain/timeline/cluster-events.js';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import type { ClusterEventRecord, ClusterEventSink } from '../redis/redis-cluster-event-sink.js';
import { createKubeClients } from './kube-clients.js';
import type { KubeClients } from './kube-clients.js';
import { ListWatchLoop } from './list-watch.js';
import type { ListWatchOptions, WatchEventType } from './list-watch.js';
import { mapEvent } from './map-event.js';
import { pageParams } from './paginate.js';
import { readWatchScope } from './read-watch-scope.js';
import { assertNamespace, assertObjectName } from './validate-names.js';

export interface EventWatcherOptions extends Omit<ListWatchOptions, 'name' | 'log'> {
  /** How often the scope (pods, ReplicaSets, nodes, HPAs) is read again. Default 30,000 ms. */
  scopeRefreshMs?: number;
  /** Time allowed for one scope read (workload, pods, ReplicaSets, HPAs). Default 10,000 ms. */
  readBudgetMs?: number;
  /** Most events per Redis round trip. Default 500. */
  batchSize?: number;
  /**
   * Recent events not (yet) about the workload, checked again when the scope grows (a pod on a
   * node not known before). Default 2,000.
   */
  parkedLimit?: number;
  /**
   * Distinct events waiting for Redis. Past this, new ones are dropped and both streams list
   * again once Redis answers (an Event carries its whole count, so a re-list loses nothing).
   * Default 50,000.
   */
  maxPending?: number;
  log?: Log;
}

interface Observed {
  uid: string;
  event: EventEvidence;
}

const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class EventWatcher {
  private readonly scope: WatchScope;
  private readonly clients: KubeClients;
  private readonly loops: ListWatchLoop<k8s.CoreV1Event>[];
  private readonly pending = new Map<string, ClusterEventRecord>();
  private readonly parked = new Map<string, Observed>();
  private readonly scopeRefreshMs: number;
  private readonly batchSize: number;
  private readonly readBudgetMs: number;
  private readonly parkedLimit: number;
  private readonly maxPending: number;
  private readonly retryMs: { initial: number; max: number };
  private readonly log: Log;
  private stopped = false;
  private started: Promise<void> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private flushing: Promise<void> | undefined;
  private overflowed = false;
  private wakeFlush: (() => void) | undefined;

  /** `kc` must already point at the target's context (see kubeConfigForContext). */
  constructor(
    kc: k8s.KubeConfig,
    readonly target: WatchTarget,
    private readonly sink: ClusterEventSink,
    opts: EventWatcherOptions = {},
  ) {
    assertNamespace(target.namespace);
    assertObjectName(target.name, target.kind);
    this.scope = emptyScope({ namespace: target.namespace, kind: target.kind, name: target.name });
    this.clients = createKubeClients(kc, kc.getCurrentContext());
    this.scopeRefreshMs = opts.scopeRefreshMs ?? 30_000;
    this.batchSize = opts.batchSize ?? 500;
    this.readBudgetMs = opts.readBudgetMs ?? 10_000;
    this.parkedLimit = opts.parkedLimit ?? 2_000;
    this.maxPending = opts.maxPending ?? 50_000;
    this.retryMs = { initial: opts.initialBackoffMs ?? 250, max: opts.maxBackoffMs ?? 30_000 };
    this.log = opts.log ?? silent;
    const { core } = this.clients;
    const namespace = target.namespace;
    const loopOpts = { ...opts, log: this.log };
    const handlers = {
      onListed: (items: readonly k8s.CoreV1Event[]) => {
        for (const e of items) this.observe(e);
      },
      onChange: (type: WatchEventType, e: k8s.CoreV1Event) => {
        // A deleted Event has expired in the API server; what it counted stays on the timeline.
        if (type !== 'DELETED') this.observe(e);
      },
    };
    const nodeEvents = 'involvedObject.kind=Node';
    this.loops = [
      new ListWatchLoop<k8s.CoreV1Event>(
        kc,
        {
          listPage: (cont, limit, o) => core.listNamespacedEvent({ namespace, ...pageParams(cont, limit) }, o),
          watchPath: `/api/v1/namespaces/${namespace}/events`,
        },
        handlers,
        { ...loopOpts, name: `events in ${namespace}` },
      ),
      new ListWatchLoop<k8s.CoreV1Event>(
        kc,
        {
          listPage: (cont, limit, o) =>
            core.listEventForAllNamespaces({ fieldSelector: nodeEvents, ...pageParams(cont, limit) }, o),
          watchPath: '/api/v1/events',
          watchQuery: { fieldSelector: nodeEvents },
        },
        handlers,
        { ...loopOpts, name: 'node events' },
      ),
    ];
  }

  /** Reads the scope, then lists and watches; returns at once (the work runs until stop()). */
  start(): void {
    this.started ??= (async () => {
      await this.refreshScope();
      if (this.stopped) return;
      for (const loop of this.loops) loop.start();
      this.refreshTimer = setInterval(() => void this.refreshScope(), this.scopeRefreshMs);
    })();
  }

  /** Ends both watches and the scope refresh, and writes what is still queued (one attempt). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.refreshTimer);
    this.wakeFlush?.();
    await this.started;
    await Promise.all(this.loops.map((l) => l.stop()));
    await this.refreshing;
    await this.flushing;
  }

  /** Lists and watches opened so far, per loop (namespace, nodes). */
  get stats(): { lists: number; watches: number }[] {
    return this.loops.map((l) => ({ ...l.stats }));
  }

  /** Events waiting to be written. */
  get backlog(): number {
    return this.pending.size;
  }

  private observe(raw: k8s.CoreV1Event): void {
    const uid = raw.metadata?.uid;
    if (uid === undefined || uid === '') return;
    const event = mapEvent(raw);
    if (!happenedSince(event, this.target.since)) return;
    if (!isAboutWorkload(event, this.scope)) {
      this.park({ uid, event });
      return;
    }
    if (learnFromEvent(event, this.scope)) this.recheckParked();
    this.enqueue(uid, event);
  }

  private enqueue(uid: string, event: EventEvidence): void {
    const queued = this.pending.get(uid);
    if (queued === undefined && this.pending.size >= this.maxPending) {
      this.overflowed = true;
      return;
    }
    // The later observation of one event has the larger count; an older replay adds nothing.
    if (queued === undefined || event.count >= queued.count) {
      this.pending.set(uid, { uid, count: event.count, entry: toTimelineEntry(event, new Date().toISOString()) });
    }
    this.kickFlush();
  }

  private kickFlush(): void {
    if (this.flushing !== undefined) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (this.pending.size > 0 && !this.stopped) this.kickFlush();
    });
  }

  private park(o: Observed): void {
    this.parked.delete(o.uid);
    this.parked.set(o.uid, o);
    if (this.parked.size > this.parkedLimit) {
      const oldest = this.parked.keys().next().value;
      if (oldest !== undefined) this.parked.delete(oldest);
    }
  }

  private recheckParked(): void {
    for (const [uid, o] of this.parked) {
      if (!isAboutWorkload(o.event, this.scope)) continue;
      this.parked.delete(uid);
      learnFromEvent(o.event, this.scope);
      this.enqueue(uid, o.event);
    }
  }

  private async flush(): Promise<void> {
    let pause = this.retryMs.initial;
    while (this.pending.size > 0) {
      const batch: ClusterEventRecord[] = [];
      for (const r of this.pending.values()) {
        batch.push(r);
        if (batch.length >= this.batchSize) break;
      }
      for (const r of batch) this.pending.delete(r.uid);
      try {
        await this.sink.ingestMany(this.target.incidentId, batch);
        pause = this.retryMs.initial;
      } catch (err) {
        this.log.warn({ incidentId: this.target.incidentId, err: err instanceof Error ? err.message : String(err) }, 'could not write cluster events; retrying');
        for (const r of batch) {
          const newer = this.pending.get(r.uid);
          if (newer === undefined || newer.count < r.count) this.pending.set(r.uid, r);
        }
        if (this.stopped) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          this.wakeFlush = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeFlush = undefined;
        pause = Math.min(pause * 2, this.retryMs.max);
        continue;
      }
      if (this.overflowed && this.pending.size === 0 && !this.stopped) {
        this.overflowed = false;
        this.log.warn({ incidentId: this.target.incidentId }, 'cluster events were dropped while Redis was slow: listing again');
        for (const loop of this.loops) loop.relist();
      }
    }
  }

  private refreshScope(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const read = await readWatchScope(this.clients, this.target, this.readBudgetMs);
        if (read.failures.length > 0) {
          this.log.warn({ incidentId: this.target.incidentId, failures: read.failures }, 'could not read all of the watched workload');
        }
        if (mergeScope(this.scope, read.names)) this.recheckParked();
      } catch (err) {
        this.log.warn({ incidentId: this.target.incidentId, err: err instanceof Error ? err.message : String(err) }, 'scope refresh failed');
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
