/**
 * A Kafka consumer group that finds no committed offset for its partitions and resets to the
 * start of the log (auto.offset.reset=earliest): every record still kept is consumed again. A
 * group that consumed before has offsets unless the coordinator expired them — an empty group
 * (its consumers scaled to 0) keeps them only offsets.retention.minutes (7 days by default) — or
 * its group.id changed. The pods are Ready and log nothing above INFO; the side effects repeat.
 * Pure: the adapter reads the coordinator's log and the brokers' setting only when this holds.
 */
import type { LogEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import { findInClusterService } from './down-service.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';

/** The client saying the group has no offset for a partition, in each client's words. */
const NO_COMMITTED: readonly RegExp[] = [
  // Java: "Found no committed offset for partition shipment-events-3".
  /Found no committed offset for partition ([\w.-]+-\d+)/,
  // librdkafka: "shipment-events [3]: offset reset (at offset INVALID …) to BEGINNING: no previously committed offset available".
  /([\w.-]+) \[(\d+)\]: offset reset \(at offset (?:INVALID|-\d+)[^)]*\) to (?:offset )?BEGINNING[^:]*: no previously committed offset/i,
];

/** Where the client then starts: the Java client's position, offset 0 or the log start. */
const RESET_TO = /Resetting offset for partition ([\w.-]+-\d+) to (?:position FetchPosition\{offset=|offset )(\d+)/;
/** The reset policy as the Java client prints its ConsumerConfig, or a librdkafka/Spring property. */
const POLICY = /auto[._-]offset[._-]reset\s*[=:]\s*['"]?(\w+)/i;
const GROUP = /groupId=([\w.-]+)|group\.id\s*=\s*([\w.-]+)/;
const COORDINATOR = /Discovered group coordinator ([\w.-]+):\d+/;
const GENERATION = /Successfully joined group with generation Generation\{generationId=(\d+)/;
/** A lag the app or client reports: "lag=1017506", "lag: 1017506". */
const LAG = /\blag\s*[=:]\s*(\d+)/i;

export interface OffsetReset {
  group?: string;
  /** Partitions the client found no committed offset for ("topic-3"). */
  partitions: string[];
  /** The ones the client then moved to offset 0. */
  toZero: string[];
  /** auto.offset.reset as the client's logged config says, when it does. */
  policy?: string;
  pods: string[];
  /** The client's line, without stamp and logger. */
  quote: string;
  /** The coordinator broker's address, when the client logged it. */
  coordinator?: string;
  /** The generation the consumers joined at: 1 is a group started over. */
  generation?: number;
  /** The largest lag the logs report after the reset. */
  lag?: number;
  at?: IsoTime;
}

/** A log line reduced to what the client said: no stamp, level, logger or "[Consumer …]". */
function shorten(line: string): string {
  const t = line.trim();
  return (/\s:\s(.+)$/.exec(t)?.[1] ?? t).replace(/^\[Consumer [^\]]*\]\s*/, '').trim();
}

/** The partitions the group has no offset for and the start the client took, when it replays them from the beginning. */
export function findOffsetReset(logs: readonly LogEvidence[]): OffsetReset | undefined {
  const partitions = new Set<string>();
  const toZero = new Set<string>();
  const pods = new Set<string>();
  const stamps: (IsoTime | undefined)[] = [];
  let quote: string | undefined;
  let policy: string | undefined;
  let group: string | undefined;
  let coordinator: string | undefined;
  let generation: number | undefined;
  let lag: number | undefined;
  for (const log of logs) {
    if (log.previous) continue;
    for (const line of log.lines) {
      policy ??= POLICY.exec(line)?.[1]?.toLowerCase();
      coordinator ??= COORDINATOR.exec(line)?.[1];
      const gen = GENERATION.exec(line)?.[1];
      if (gen !== undefined) generation = Number(gen);
      const hit = NO_COMMITTED.map((re) => re.exec(line)).find((m) => m !== null);
      if (hit) {
        const p = hit[2] === undefined ? hit[1] : `${hit[1] ?? ''}-${hit[2]}`;
        if (p !== undefined) partitions.add(p);
        // librdkafka's line is the reset itself, to the beginning.
        if (hit[2] !== undefined && p !== undefined) toZero.add(p);
        pods.add(log.pod);
        quote ??= shorten(line);
        stamps.push(readLineTime(line));
        const g = GROUP.exec(line);
        group ??= g?.[1] ?? g?.[2];
      }
      const reset = RESET_TO.exec(line);
      if (reset?.[1] !== undefined && reset[2] === '0') toZero.add(reset[1]);
      const l = partitions.size > 0 ? LAG.exec(line)?.[1] : undefined;
      if (l !== undefined) lag = Math.max(lag ?? 0, Number(l));
    }
  }
  if (partitions.size === 0 || quote === undefined) return undefined;
  // Only a replay: a group reset to the end skips records instead, a different story.
  const replays = policy === 'earliest' || [...partitions].some((p) => toZero.has(p));
  if (!replays) return undefined;
  const at = earliest(stamps);
  return {
    ...(group !== undefined ? { group } : {}),
    partitions: [...partitions].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    toZero: [...toZero].filter((p) => partitions.has(p)),
    ...(policy !== undefined ? { policy } : {}),
    pods: [...pods],
    quote,
    ...(coordinator !== undefined ? { coordinator } : {}),
    ...(generation !== undefined ? { generation } : {}),
    ...(lag !== undefined ? { lag } : {}),
    ...(at !== undefined ? { at } : {}),
  };
}

/** The brokers' Service and the coordinator's pod, from the address the client logged ("kafka-1.kafka-headless.ns.svc…"). */
export function pickGroupCoordinator(logs: readonly LogEvidence[], namespace: string): { service: { name: string; namespace: string }; pod?: string; group: string } | undefined {
  const reset = findOffsetReset(logs);
  if (reset?.coordinator === undefined || reset.group === undefined) return undefined;
  const service = findInClusterService(reset.coordinator, namespace);
  if (service === undefined) return undefined;
  // A pod's own name under a headless Service: its first label, when the address has one more than the Service's.
  const labels = reset.coordinator.split('.');
  const pod = labels[1] === service.name ? labels[0] : undefined;
  return { service, group: reset.group, ...(pod !== undefined ? { pod } : {}) };
}
