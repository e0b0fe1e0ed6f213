/**
 * Members of one clustered StatefulSet (RabbitMQ, and other peer-discovering stores) that each
 * found no peer at first start and initialised a cluster of their own: with podManagementPolicy
 * Parallel every pod starts at once on an empty volume, so discovery can see nobody and more than
 * one member seeds. Each seed is a separate cluster behind the same Service; clients see whichever
 * they land on (queues, keys missing on the other). The lowest ordinal is the natural seed; any
 * other member that seeded formed a cluster apart.
 */
import type { WorkloadEvidence } from './evidence.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

/** A member that found no peer and initialised a new cluster of its own. */
const BLANK = /\bStarting as a blank standalone node\b|\binitiali[sz]ing (?:a )?new cluster\b|\bbootstrapp(?:ed|ing) (?:a )?new cluster\b/i;

export interface SeparateBootstrap {
  /** Members that seeded a cluster, lowest ordinal first. */
  seeds: { pod: string; line: string }[];
  /** The members beyond the first seed: each a cluster apart. */
  apart: string[];
  parallel: boolean;
}

function memberLogs(w: WorkloadEvidence | undefined, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { pod: PodEvidence; log: LogEvidence }[] {
  if (w?.kind !== 'StatefulSet' || w.specReplicas < 2) return [];
  return logs.flatMap((log) => {
    const pod = pods.find((p) => p.name === log.pod && p.ordinal !== undefined);
    return pod && !log.previous ? [{ pod, log }] : [];
  });
}

/** A sampled member started blank in a Parallel StatefulSet: the members whose logs were not read, to see whether another did too. At most three. */
export function pickUnreadMembers(w: Pick<WorkloadEvidence, 'kind' | 'podManagementPolicy'> | undefined, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { pod: string; container: string }[] {
  if (w?.kind !== 'StatefulSet' || w.podManagementPolicy !== 'Parallel') return [];
  const members = new Set(pods.filter((p) => p.ordinal !== undefined).map((p) => p.name));
  if (!logs.some((log) => !log.previous && members.has(log.pod) && log.lines.some((l) => BLANK.test(l)))) return [];
  const seen = new Set(logs.map((l) => l.pod));
  return pods
    .filter((p) => p.ordinal !== undefined && !seen.has(p.name) && p.deletionTimestamp === undefined && p.phase === 'Running' && p.containers[0] !== undefined)
    .sort((a, b) => (a.ordinal as number) - (b.ordinal as number))
    .slice(0, 3)
    .map((p) => ({ pod: p.name, container: (p.containers[0] as { name: string }).name }));
}

export function findSeparateBootstrap(w: WorkloadEvidence | undefined, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): SeparateBootstrap | undefined {
  const seeds = memberLogs(w, pods, logs)
    .flatMap(({ pod, log }) => {
      const line = log.lines.find((l) => BLANK.test(l));
      return line ? [{ pod: pod.name, ordinal: pod.ordinal as number, line: line.trim() }] : [];
    })
    .sort((a, b) => a.ordinal - b.ordinal);
  const unique = seeds.filter((s, i) => seeds.findIndex((o) => o.pod === s.pod) === i);
  if (unique.length < 2) return undefined;
  return { seeds: unique.map(({ pod, line }) => ({ pod, line })), apart: unique.slice(1).map((s) => s.pod), parallel: w?.kind === 'StatefulSet' && w.podManagementPolicy === 'Parallel' };
}
