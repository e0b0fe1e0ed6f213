/**
 * A RabbitMQ that refuses the workload's publishes for their size: "PRECONDITION_FAILED - message
 * size N is larger than configured max size M" (a channel error 406). The broker's max_message_size
 * decides it; RabbitMQ 4.0 lowered its default from 128 MiB to 16 MiB, so a publisher of large
 * messages that worked on 3.x is refused once the broker moves to 4.x — the broker's upgrade is the
 * since, not the publisher's rollout. Small messages still pass.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { ServiceEvidence } from './evidence-network.js';
import { findInClusterService } from './down-service.js';
import { findServerAddress } from './server-address.js';

const REFUSED = /message size (\d+) is larger than (?:configured )?max size (\d+)/i;
/** max_message_size's default since RabbitMQ 4.0 (16 MiB), and before it (128 MiB). */
export const DEFAULT_MAX_MESSAGE_SIZE_4 = 16_777_216;

export interface MessageSizeRefusal {
  pods: string[];
  count: number;
  largest: number;
  max: number;
  line: string;
}

/** The refusals in the current logs of the workload's own pods (at least 2 lines). */
export function findMessageSizeRefusal(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): MessageSizeRefusal | undefined {
  const own = new Set(pods.map((p) => p.name));
  let found: MessageSizeRefusal | undefined;
  for (const log of logs.filter((l) => !l.previous && own.has(l.pod))) {
    for (const line of log.lines) {
      const m = REFUSED.exec(line);
      if (m === null) continue;
      const size = Number(m[1]);
      const max = Number(m[2]);
      if (found === undefined) found = { pods: [], count: 0, largest: 0, max, line: line.trim() };
      found.count++;
      if (!found.pods.includes(log.pod)) found.pods.push(log.pod);
      if (size > found.largest) found.largest = size;
    }
  }
  return found !== undefined && found.count >= 2 ? found : undefined;
}

/** The broker's Service: the one its amqp address names, else the namespace's amqp Service. */
export function pickOversizeBroker(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime; services: readonly ServiceEvidence[]; namespace: string }): { name: string; namespace: string } | undefined {
  const refused = findMessageSizeRefusal(ev.logs, ev.pods);
  if (refused === undefined) return undefined;
  const pod = ev.pods.find((p) => p.name === refused.pods[0]);
  for (const c of pod?.containers ?? []) {
    const address = findServerAddress(c, 'RabbitMQ') ?? findAmqpHost(c);
    const svc = address === undefined ? undefined : findInClusterService(address.host, ev.namespace);
    if (svc !== undefined) return svc;
  }
  const broker = ev.services.find((s) => s.headless !== true && s.ports.some((p) => p.port === 5672 || p.name === 'amqp'));
  return broker === undefined ? undefined : { name: broker.name, namespace: ev.namespace };
}

function findAmqpHost(c: PodEvidence['containers'][number]): { host: string } | undefined {
  for (const e of c.env ?? []) {
    const m = 'value' in e ? /^amqps?:\/\/(?:[^@/]*@)?([^:/?]+)/i.exec(e.value.trim()) : null;
    if (m?.[1]) return { host: m[1] };
  }
  return undefined;
}

/** A size in MiB, as RabbitMQ's limits are usually told. */
export const formatMiB = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`;
