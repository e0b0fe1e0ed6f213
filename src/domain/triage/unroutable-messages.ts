/**
 * A publisher's messages returned by the broker as unroutable: published mandatory to an exchange
 * whose bindings send the routing key to no queue, RabbitMQ answers basic.return 312 NO_ROUTE and
 * the client logs "message returned" — at WARN, as a line or two, while every HTTP request still
 * succeeds and the pods are Ready. Yet each returned message is lost (an order no consumer will
 * ever see), so a handful of them is a failure, not noise. The usual cause is the broker's
 * topology: a binding missing after the broker was rebuilt from definitions that never had it (it
 * had been added by hand), or a routing key renamed on one side.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import type { BrokerBindingEvidence, BrokerPolicyEvidence, BrokerQueueLimitEvidence, BrokerTopologyEvidence } from './evidence-broker-topology.js';
import { findInClusterService } from './down-service.js';
import { readLineTime } from './request-silence.js';
import { findServerAddress } from './server-address.js';

/** Returns it takes to call the publishes unroutable, not one stray key. */
export const MIN_RETURNED = 3;
/** ConfigMaps of a serving member read for its definitions. */
const MAX_CONFIG_MAPS = 2;

/** The broker's answer to a mandatory publish no queue takes: NO_ROUTE (312), or the client's "returned … unroutable". */
const RETURNED = /\bNO_ROUTE\b|\bmessage(?:s)? returned\b[^\n]*\bunroutable\b|\bunroutable message\b|\bbasic\.return\b[^\n]*\b312\b/i;
/** The exchange and routing key a returned line names (JSON fields, logfmt, or Spring's `exchange=…, routingKey=…`). */
const EXCHANGE = /"?exchange"?\s*[:=]\s*"?([\w.:-]+)/i;
const ROUTING_KEY = /"?routing[_ ]?key"?\s*[:=]\s*"?([\w.#*:-]+)/i;

export interface UnroutableReturns {
  hits: { pod: string; container: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The exchange and routing key most returns name. */
  exchange?: string;
  routingKey?: string;
  first?: IsoTime;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The returned publishes in the workload's current logs, when there are at least MIN_RETURNED. */
export function findUnroutableReturns(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): UnroutableReturns | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: UnroutableReturns['hits'] = [];
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      if (!RETURNED.test(line)) continue;
      const at = readLineTime(line);
      hits.push({ pod: log.pod, container: log.container, line, ...(at ? { at } : {}) });
    }
  }
  if (hits.length < MIN_RETURNED) return undefined;
  const exchange = mostCommon(hits.flatMap((h) => EXCHANGE.exec(h.line)?.[1] ?? []));
  const routingKey = mostCommon(hits.flatMap((h) => ROUTING_KEY.exec(h.line)?.[1] ?? []));
  const first = hits.flatMap((h) => (h.at ? [h.at] : [])).sort()[0];
  return { hits, pods: [...new Set(hits.map((h) => h.pod))], ...(exchange ? { exchange } : {}), ...(routingKey ? { routingKey } : {}), ...(first ? { first } : {}) };
}

/** The Service of the broker whose answers return the workload's publishes, as the publisher's env names it (amqp://…). */
export function pickUnroutableBroker(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): { name: string; namespace: string } | undefined {
  const found = findUnroutableReturns(ev.logs, ev.pods);
  const hit = found?.hits[0];
  if (hit === undefined) return undefined;
  const c = ev.pods.find((p) => p.name === hit.pod)?.containers.find((x) => x.name === hit.container);
  const address = c === undefined ? undefined : findServerAddress(c, 'RabbitMQ');
  return address === undefined ? undefined : findInClusterService(address.host, ev.target.namespace);
}

/** The ConfigMaps a serving member of the broker mounts (at most two): where its definitions are loaded from. */
export function listDefinitionConfigMaps(members: DependencyMembersEvidence): string[] {
  const member = members.pods.find((p) => p.ready) ?? members.pods[0];
  const mounted = (member?.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [v.ref] : []));
  return [...new Set(mounted)].slice(0, MAX_CONFIG_MAPS);
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap((x) => (typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string' ? [(x as { name: string }).name] : [])) : []);

/** The queues whose arguments drop messages (x-message-ttl, x-max-length, x-delivery-limit) or that are quorum queues, with x-dead-letter-exchange when set. */
function readQueueLimits(v: unknown, quorumVhosts: ReadonlySet<string>): BrokerQueueLimitEvidence[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: unknown) => {
    if (typeof x !== 'object' || x === null) return [];
    const q = x as { name?: unknown; vhost?: unknown; arguments?: unknown };
    const a = (typeof q.arguments === 'object' && q.arguments !== null ? q.arguments : {}) as Record<string, unknown>;
    const ttl = a['x-message-ttl'];
    const max = a['x-max-length'];
    const limit = a['x-delivery-limit'];
    const dlx = a['x-dead-letter-exchange'];
    const vhost = typeof q.vhost === 'string' ? q.vhost : undefined;
    const type = a['x-queue-type'];
    const quorum = type === 'quorum' || (type === undefined && quorumVhosts.has(vhost ?? '/'));
    if (typeof q.name !== 'string' || (typeof ttl !== 'number' && typeof max !== 'number' && typeof limit !== 'number' && !quorum)) return [];
    return [{
      name: q.name,
      ...(typeof ttl === 'number' ? { ttlMs: ttl } : {}),
      ...(typeof max === 'number' ? { maxLength: max } : {}),
      ...(typeof limit === 'number' ? { deliveryLimit: limit } : {}),
      ...(quorum ? { quorum: true as const } : {}),
      // The vhost only where a policy's delivery limit may apply: a quorum queue.
      ...(quorum && vhost !== undefined ? { vhost } : {}),
      ...(typeof dlx === 'string' && dlx !== '' ? { deadLetterExchange: dlx } : {}),
    }];
  });
}

/** The vhosts whose default queue type is quorum (4.x: `default_queue_type`, also kept in their metadata). */
function readQuorumVhosts(v: unknown): Set<string> {
  if (!Array.isArray(v)) return new Set();
  return new Set(v.flatMap((x: unknown) => {
    if (typeof x !== 'object' || x === null) return [];
    const h = x as { name?: unknown; default_queue_type?: unknown; metadata?: { default_queue_type?: unknown } };
    const type = h.default_queue_type ?? h.metadata?.default_queue_type;
    return typeof h.name === 'string' && type === 'quorum' ? [h.name] : [];
  }));
}

/** The policies that set a dead-letter exchange or a delivery limit: their pattern and those keys only. */
function readPolicies(v: unknown): BrokerPolicyEvidence[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: unknown) => {
    if (typeof x !== 'object' || x === null) return [];
    const p = x as Record<string, unknown>;
    const d = (typeof p['definition'] === 'object' && p['definition'] !== null ? p['definition'] : {}) as Record<string, unknown>;
    const limit = d['delivery-limit'];
    const dlx = d['dead-letter-exchange'];
    if (typeof p['name'] !== 'string' || typeof p['pattern'] !== 'string' || (typeof limit !== 'number' && typeof dlx !== 'string')) return [];
    return [{
      name: p['name'],
      pattern: p['pattern'],
      ...(typeof p['vhost'] === 'string' ? { vhost: p['vhost'] } : {}),
      ...(typeof p['apply-to'] === 'string' ? { applyTo: p['apply-to'] } : {}),
      ...(typeof p['priority'] === 'number' ? { priority: p['priority'] } : {}),
      ...(typeof limit === 'number' ? { deliveryLimit: limit } : {}),
      ...(typeof dlx === 'string' && dlx !== '' ? { deadLetterExchange: dlx } : {}),
    }];
  });
}

/** The topology of each key of a ConfigMap's data that holds broker definitions (JSON with queues or bindings); names only. */
export function parseBrokerDefinitions(configMap: string, data: Record<string, string>): BrokerTopologyEvidence[] {
  return Object.entries(data).flatMap(([key, text]) => {
    if (!/"(?:bindings|queues)"\s*:/.test(text)) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return [];
    }
    if (typeof parsed !== 'object' || parsed === null) return [];
    const d = parsed as Record<string, unknown>;
    const bindings: BrokerBindingEvidence[] = Array.isArray(d['bindings'])
      ? d['bindings'].flatMap((b: unknown) => {
          if (typeof b !== 'object' || b === null) return [];
          const r = b as Record<string, unknown>;
          if (typeof r['source'] !== 'string' || typeof r['destination'] !== 'string') return [];
          return [{ source: r['source'], destination: r['destination'], destinationType: typeof r['destination_type'] === 'string' ? r['destination_type'] : 'queue', routingKey: typeof r['routing_key'] === 'string' ? r['routing_key'] : '', ...(typeof r['vhost'] === 'string' ? { vhost: r['vhost'] } : {}) }];
        })
      : [];
    const queueLimits = readQueueLimits(d['queues'], readQuorumVhosts(d['vhosts']));
    const policies = readPolicies(d['policies']);
    return [{ configMap, key, exchanges: names(d['exchanges']), queues: names(d['queues']), bindings, ...(queueLimits.length > 0 ? { queueLimits } : {}), ...(policies.length > 0 ? { policies } : {}) }];
  });
}

/** Whether a topic binding's pattern takes a routing key (`*` one word, `#` zero or more); a direct binding, the same key. */
export function matchesBindingKey(pattern: string, key: string): boolean {
  if (pattern === '#') return true;
  // `#` is read loosely as "anything" where it stands: close enough to tell a binding that takes the key from none.
  const rx = pattern.split('.').map((w) => (w === '*' ? '[^.]+' : w === '#' ? '.*' : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\.');
  return new RegExp(`^${rx}$`).test(key);
}

export interface TopologyGap {
  topology: BrokerTopologyEvidence;
  /** Queues the definitions declare that no binding feeds: the consumers' queues the messages can no longer reach. */
  unboundQueues: string[];
  /** The bindings of the returned messages' exchange. */
  exchangeBindings: BrokerBindingEvidence[];
  /** Whether any binding of that exchange takes the returned routing key (unknown when no key was logged). */
  keyRouted?: boolean;
}

/** What the broker's definitions say about the returned messages: queues nothing binds, the exchange's bindings. */
export function readTopologyGap(topology: readonly BrokerTopologyEvidence[], returns: UnroutableReturns): TopologyGap | undefined {
  const t = topology.find((x) => returns.exchange === undefined || x.exchanges.includes(returns.exchange) || x.bindings.some((b) => b.source === returns.exchange)) ?? topology[0];
  if (t === undefined) return undefined;
  const bound = new Set(t.bindings.filter((b) => b.destinationType === 'queue').map((b) => b.destination));
  const unboundQueues = t.queues.filter((q) => !bound.has(q));
  const exchangeBindings = returns.exchange === undefined ? [] : t.bindings.filter((b) => b.source === returns.exchange);
  const key = returns.routingKey;
  return {
    topology: t,
    unboundQueues,
    exchangeBindings,
    ...(key === undefined ? {} : { keyRouted: exchangeBindings.some((b) => matchesBindingKey(b.routingKey, key)) }),
  };
}
