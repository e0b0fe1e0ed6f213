/** Every Redis key Rootcause uses, under one prefix (REDIS_KEY_PREFIX, default `rootcause`). */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** BullMQ's own prefix: its keys live beside ours, under the same root. */
  get queuePrefix(): string {
    return `${this.prefix}:q`;
  }

  /** Set once per queued webhook delivery (tells a redelivery from a first delivery). */
  delivery(jobId: string): string {
    return `${this.prefix}:delivery:${jobId}`;
  }

  /** 'posting' or the Slack ts of a keyed message (idempotent posting). */
  posted(messageKey: string): string {
    return `${this.prefix}:posted:${messageKey}`;
  }

  /** JSON of one incident. */
  incident(id: string): string {
    return `${this.prefix}:incident:${id}`;
  }

  /** Which incident a request (declare) made. */
  requestIncident(requestId: string): string {
    return `${this.prefix}:request:${requestId}:incident`;
  }

  /** Counter behind action item ids (A1, A2, …). */
  get actionItemCounter(): string {
    return `${this.prefix}:action-item-counter`;
  }

  /** JSON of one action item. */
  actionItem(id: string): string {
    return `${this.prefix}:action-item:${id}`;
  }

  /** Set of the ids of an incident's action items. */
  incidentActionItems(incidentId: string): string {
    return `${this.prefix}:incident:${incidentId}:action-items`;
  }

  /** Set of the ids of a person's open action items. */
  ownerOpenActionItems(ownerId: string): string {
    return `${this.prefix}:owner:${ownerId}:open-action-items`;
  }

  /** Set of the ids of every open action item (for the weekly overdue digest). */
  get openActionItems(): string {
    return `${this.prefix}:open-action-items`;
  }

  /** Counter of incidents declared in Slack. */
  get declaredCounter(): string {
    return `${this.prefix}:incident-counter:declared`;
  }

  /** Lock held while one process works on an incident. */
  incidentLock(id: string): string {
    return `${this.prefix}:lock:incident:${id}`;
  }

  /** Which incident a Slack channel belongs to. */
  channelIncident(channelId: string): string {
    return `${this.prefix}:channel:${channelId}:incident`;
  }

  /** Sorted set of incident ids of a service, scored by creation time. */
  serviceHistory(serviceKey: string): string {
    return `${this.prefix}:service:${serviceKey}:incidents`;
  }

  /** Hash: timeline entry key → JSON entry. */
  timelineEntries(incidentId: string): string {
    return `${this.prefix}:timeline:${incidentId}:entries`;
  }

  /** Sorted set of timeline entry keys by time. */
  timelineOrder(incidentId: string): string {
    return `${this.prefix}:timeline:${incidentId}:order`;
  }

  /** Hash: Kubernetes event uid → the count already added to the incident's timeline (idempotent ingestion). */
  clusterEventCounts(incidentId: string): string {
    return `${this.prefix}:timeline:${incidentId}:cluster-event-counts`;
  }

  /** Hash: watch id → JSON WatchTarget, the workloads whose cluster events are being watched. */
  get clusterWatchTargets(): string {
    return `${this.prefix}:cluster-watch:targets`;
  }

  /** Lease of the one process that runs the watcher with this id. */
  clusterWatchLease(watchId: string): string {
    return `${this.prefix}:lock:cluster-watch:${watchId}`;
  }
}
