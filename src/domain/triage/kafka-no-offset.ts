/**
 * A Kafka consumer that dies on its first poll with NoOffsetForPartitionException ("Undefined
 * offset with no reset policy for partitions"): its group has no committed offset for the
 * partitions it was given, and auto.offset.reset=none tells the client to fail rather than pick a
 * place to start. A group has no offsets when it is new — its group.id was renamed, so the
 * offsets committed under the old name do not count — or when the coordinator expired them
 * (offsets.retention.minutes after the group went empty). A revision that changed the group id is
 * the trigger; the fix keeps the old id or seeds the new group's offsets before switching.
 * Pure: reads the crashed log and the revisions' diff only.
 */
import type { RevisionEvidence } from './evidence.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';

const NO_OFFSET = /NoOffsetForPartitionException|Undefined offset with no reset policy for partitions/;
const GROUP = /groupId=([\w.-]+)|\bgroup\.id\s*=\s*([\w.-]+)/;
/** A diff line of the env that names the group: KAFKA_GROUP_ID, SPRING_KAFKA_CONSUMER_GROUP_ID, CONSUMER_GROUP. */
const GROUP_ENV = /env (\w*GROUP\w*): (.+) → (.+)$/i;

export interface NoOffsetCrash {
  line: string;
  /** The group id the client joined with, as its log names it. */
  group?: string;
  /** The revision of the crashed pods changed the group's env var: "KAFKA_GROUP_ID: a → b". */
  renamed?: { revision: number; change: string };
}

/** The refusal in the last lines of a crashed log, the group it names and a revision that renamed it. */
export function findNoOffsetCrash(lines: readonly string[], revisions: readonly RevisionEvidence[], podHash: string | undefined): NoOffsetCrash | undefined {
  const line = [...lines].reverse().find((l) => NO_OFFSET.test(l));
  if (line === undefined) return undefined;
  const named = lines.map((l) => GROUP.exec(l)).find((m) => m !== null);
  const group = named?.[1] ?? named?.[2];
  const sorted = sortRevisions(revisions);
  const at = sorted.findIndex((r) => r.hash === podHash);
  const revision = sorted[at];
  const previous = at >= 0 ? sorted[at + 1] : undefined;
  const change = revision && previous ? diffRevisions(previous, revision).map((l) => GROUP_ENV.exec(l)).find((m) => m !== null) : undefined;
  return {
    line: line.trim(),
    ...(group ? { group } : {}),
    ...(revision && change ? { renamed: { revision: revision.revision, change: `${change[1] ?? ''}: ${change[2] ?? ''} → ${change[3] ?? ''}` } } : {}),
  };
}

/** The finding's words. */
export function tellNoOffsetCrash(found: NoOffsetCrash): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const group = found.group ? `consumer group ${found.group}` : 'its consumer group';
  const fix = found.renamed
    ? 'seed the new group\'s offsets from the old one (kafka-consumer-groups --reset-offsets for the new group, its consumers stopped) before switching to it'
    : 'give the group committed offsets (kafka-consumer-groups --reset-offsets, with its consumers stopped), or set auto.offset.reset to earliest or latest if re-reading or skipping records is acceptable';
  return {
    title: `: ${group} has no committed offset for its partitions and auto.offset.reset is none`,
    cause: `NoOffsetForPartitionException means the group has no committed offset for the partitions it was assigned, and auto.offset.reset=none tells the client to fail instead of choosing where to start: every consumer throws on its first poll and exits. A group has no offsets when it is new — a renamed group.id does not inherit the offsets committed under the old name — or when the coordinator expired them (offsets.retention.minutes after the group went empty).${found.renamed ? ` Revision ${found.renamed.revision} renamed the group (${found.renamed.change}): the old name's offsets stay with the old name.` : ''}`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; restarting the pods will not help.`,
    fix,
    evidence: [`log: ${found.line}`, ...(found.renamed ? [`revision ${found.renamed.revision}: env ${found.renamed.change}`] : [])],
  };
}
