/**
 * A consumer that hands failed messages back to its queue (nack or reject with requeue) and gets
 * them again and again, its logs counting the deliveries (x-delivery-count), against a RabbitMQ
 * whose quorum queues limit deliveries: since 4.0 every quorum queue has a delivery limit of 20
 * unless a policy or argument says otherwise, and a message past it is dead-lettered — or, with no
 * dead-letter exchange, dropped. A worker that relied on endless redelivery (retry on a busy
 * downstream by requeueing) now loses work without an error: its pods stay Ready, the broker logs
 * nothing, and what it loses shows only as work stuck upstream. The change is the broker's
 * upgrade, not the consumer's.
 */
import type { BrokerQueueLimitEvidence, BrokerTopologyEvidence } from './evidence-broker-topology.js';
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import type { IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import type { ServiceEvidence } from './evidence-network.js';
import { findInClusterService } from './down-service.js';
import { readLogLineTime } from './log-line-time.js';
import { findServerAddress } from './server-address.js';
import { formatAgo } from './time-span.js';

/** The count a consumer logs for a message's deliveries: the x-delivery-count header, or the client's own field for it. */
const COUNT = /"?\b(?:x-delivery-count|x_delivery_count|delivery[_-]?count|deliveryCount|deliveries)"?\s*[:=]\s*"?(\d+)/i;
/** The consumer handing the message back: nack or reject with requeue, or saying it is redelivered. */
const REQUEUE = /\bnack|\brequeue|\bredeliver|\bbasic\.reject\b|\brejected?\b/i;
/** The broker's version as a client logs it (its server properties) or the broker's own start line. */
const VERSION_LINE = /\bRabbitMQ[\s'"=:/v]*(\d+)\.(\d+)(?:\.(\d+))?/i;
/** A RabbitMQ image's tag: docker.io/library/rabbitmq:4.0.5-management, bitnami/rabbitmq:4.0.5-debian-12-r1. */
const VERSION_IMAGE = /(?:^|\/)rabbitmq(?:-server)?:v?(\d+)\.(\d+)(?:\.(\d+))?/i;

/** Requeued deliveries it takes to call it a loop, not one retried message. */
const MIN_REQUEUES = 3;
/** The delivery limit quorum queues have when nothing sets one, since RabbitMQ 4.0. */
export const DEFAULT_DELIVERY_LIMIT = 20;

export interface RequeueLoop {
  hits: { pod: string; line: string; count: number; at?: IsoTime }[];
  maxCount: number;
}

export interface BrokerVersion {
  major: number;
  minor: number;
  text: string;
  /** Where it was read: the members' image, or the consumer's log. */
  source: string;
}

/** The workload's current log lines that hand a message back with its delivery count, when there are enough of them. */
export function findRequeueLoop(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): RequeueLoop | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: RequeueLoop['hits'] = [];
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      const m = COUNT.exec(line);
      const count = m ? Number(m[1]) : 0;
      if (count < 2 || !REQUEUE.test(line)) continue;
      const at = readLogLineTime(line, now);
      hits.push({ pod: log.pod, line, count, ...(at ? { at } : {}) });
    }
  }
  if (hits.length < MIN_REQUEUES) return undefined;
  return { hits, maxCount: Math.max(...hits.map((h) => h.count)) };
}

/** The broker the consumer reads: the Service its amqp address names, else the namespace's amqp Service. */
export function pickRequeueBroker(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime; services: readonly ServiceEvidence[]; namespace: string }): { name: string; namespace: string } | undefined {
  const loop = findRequeueLoop(ev.logs, ev.pods, ev.collectedAt);
  if (loop === undefined) return undefined;
  const pod = ev.pods.find((p) => p.name === loop.hits[0]?.pod);
  for (const c of pod?.containers ?? []) {
    const address = findServerAddress(c, 'RabbitMQ') ?? findAmqpAddress(c);
    const svc = address === undefined ? undefined : findInClusterService(address.host, ev.namespace);
    if (svc !== undefined) return svc;
  }
  const broker = ev.services.find((s) => s.headless !== true && s.ports.some((p) => p.port === 5672 || p.name === 'amqp'));
  return broker === undefined ? undefined : { name: broker.name, namespace: ev.namespace };
}

/** An amqp:// or amqps:// URL in a literal env value, whatever the variable is called. */
function findAmqpAddress(c: PodEvidence['containers'][number]): { env: string; host: string } | undefined {
  for (const e of c.env ?? []) {
    if (!('value' in e)) continue;
    const m = /^amqps?:\/\/(?:[^@/]*@)?([^:/?]+)/i.exec(e.value.trim());
    if (m?.[1]) return { env: e.name, host: m[1] };
  }
  return undefined;
}

const versionOf = (m: RegExpExecArray | null, source: string): BrokerVersion | undefined =>
  m === null ? undefined : { major: Number(m[1]), minor: Number(m[2]), text: [m[1], m[2], m[3]].filter((x) => x !== undefined).join('.'), source };

/** The RabbitMQ version of an image, when its tag says it. */
export function readImageVersion(image: string): BrokerVersion | undefined {
  return versionOf(VERSION_IMAGE.exec(image), `image ${image}`);
}

/** The broker's version: its members' image first, else the newest version line of the consumer's logs. */
export function readBrokerVersion(members: DependencyMembersEvidence | undefined, logs: readonly LogEvidence[]): BrokerVersion | undefined {
  for (const p of members?.pods ?? []) {
    for (const c of p.containers) {
      const v = readImageVersion(c.image);
      if (v !== undefined) return v;
    }
  }
  const lines = logs.filter((l) => !l.previous).flatMap((l) => l.lines);
  for (let i = lines.length - 1; i >= 0; i--) {
    const v = versionOf(VERSION_LINE.exec(lines[i] ?? ''), "the consumer's log");
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The broker's upgrade as the since of a finding: " — since StatefulSet rabbitmq revision 5 upgraded RabbitMQ 3.13.7 → 4.0.5 (9h ago)", with what the upgrade changed when given. */
export function describeBrokerUpgrade(upgrade: NonNullable<ReturnType<typeof findBrokerUpgrade>>, now: IsoTime, changed = ''): string {
  return ` — since StatefulSet ${upgrade.statefulSet} revision ${upgrade.revision.revision} upgraded RabbitMQ ${upgrade.from} → ${upgrade.to}${changed} (${formatAgo(upgrade.revision.createdAt, now)})`;
}

/** The revision of the broker's StatefulSet that moved its image from before 4.0 to 4.x or later, when that rollout was read. */
export function findBrokerUpgrade(members: DependencyMembersEvidence | undefined): { statefulSet: string; revision: RevisionEvidence; from: string; to: string } | undefined {
  const r = members?.rollout;
  if (r?.previous === undefined || r.statefulSet === undefined) return undefined;
  const pick = (rev: RevisionEvidence) => rev.containers.map((c) => readImageVersion(c.image)).find((v) => v !== undefined);
  const to = pick(r.current);
  const from = pick(r.previous);
  if (to === undefined || from === undefined || to.major < 4 || from.major >= 4) return undefined;
  return { statefulSet: r.statefulSet, revision: r.current, from: from.text, to: to.text };
}

/**
 * The consumer's own record of the upgrade, when the broker's rollout was not read: the first line
 * naming a 4.x (or later) broker after one naming an older broker — it reconnected to the new one.
 */
export function findLoggedUpgrade(logs: readonly LogEvidence[], now: IsoTime): { from: string; to: string; at: IsoTime } | undefined {
  let found: { from: string; to: string; at: IsoTime } | undefined;
  for (const log of logs.filter((l) => !l.previous)) {
    let older: BrokerVersion | undefined;
    for (const line of log.lines) {
      const v = versionOf(VERSION_LINE.exec(line), "the consumer's log");
      if (v === undefined) continue;
      if (v.major < 4) {
        older = v;
        continue;
      }
      const at = older === undefined ? undefined : readLogLineTime(line, now);
      if (older !== undefined && at !== undefined && (found === undefined || at < found.at)) found = { from: older.text, to: v.text, at };
      break;
    }
  }
  return found;
}

/** The StatefulSet a member pod belongs to, and the revision it runs, for the read of its rollout. */
export function listBrokerRolloutRead(members: DependencyMembersEvidence): { pod: PodEvidence; statefulSet: string; revisionHash: string } | undefined {
  for (const pod of members.pods) {
    const set = pod.ownerWorkload?.kind === 'StatefulSet' ? pod.ownerWorkload.name : /^(.+)-\d+$/.exec(pod.name)?.[1];
    if (set !== undefined && pod.revisionHash?.startsWith(`${set}-`) === true && pod.containers.some((c) => readImageVersion(c.image) !== undefined)) return { pod, statefulSet: set, revisionHash: pod.revisionHash };
  }
  return undefined;
}

/** The queue a consumer's lines name (`"queue":"jobs"`, queue=jobs), when the definitions were not read. */
const QUEUE = /"queue"\s*:\s*"([^"]+)"|\bqueue=([\w.:-]+)/;

export function readConsumedQueue(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = QUEUE.exec(line);
    const q = m?.[1] ?? m?.[2];
    if (q) return q;
  }
  return undefined;
}

/** What the definitions say of the consumer's queue: its type, delivery limit and dead-letter exchange (arguments, then the policy that applies). */
export interface QueueDeliverySettings {
  topology: BrokerTopologyEvidence;
  queue: string;
  quorum: boolean;
  deliveryLimit?: number;
  deadLetterExchange?: string;
  /** The policy that sets one of them, when one does. */
  policy?: string;
}

/** The queue of the definitions the consumer's lines name, with what applies to it. */
export function readQueueDelivery(topology: readonly BrokerTopologyEvidence[], lines: readonly string[]): QueueDeliverySettings | undefined {
  const text = lines.join('\n');
  for (const t of topology) {
    const named = t.queues.filter((q) => new RegExp(`(^|[^\\w.-])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w.-])`).test(text));
    const queue = named.sort((a, b) => b.length - a.length)[0];
    if (queue === undefined) continue;
    const q: BrokerQueueLimitEvidence | undefined = t.queueLimits?.find((x) => x.name === queue);
    const policy = (t.policies ?? [])
      .filter((p) => (p.vhost === undefined || q?.vhost === undefined || p.vhost === q.vhost) && (p.applyTo === undefined || /^(all|queues|quorum_queues)$/.test(p.applyTo)) && safeMatch(p.pattern, queue))
      .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))[0];
    const deliveryLimit = q?.deliveryLimit ?? policy?.deliveryLimit;
    const deadLetterExchange = q?.deadLetterExchange ?? policy?.deadLetterExchange;
    return {
      topology: t,
      queue,
      quorum: q?.quorum === true,
      ...(deliveryLimit !== undefined ? { deliveryLimit } : {}),
      ...(deadLetterExchange !== undefined ? { deadLetterExchange } : {}),
      ...(policy !== undefined && (q?.deliveryLimit === undefined || q.deadLetterExchange === undefined) ? { policy: policy.name } : {}),
    };
  }
  return undefined;
}

function safeMatch(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern).test(name);
  } catch {
    return false;
  }
}
