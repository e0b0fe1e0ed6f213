/**
 * A StatefulSet update staged by its partition (spec.updateStrategy.rollingUpdate.partition):
 * the controller gives the update revision only to ordinals at or above the partition and leaves
 * the lower ones on the revision before — how a StatefulSet is canaried. Two revisions running at
 * once is then the spec's own setting, not a stalled rollout; an all-clear that named only the
 * newest revision would hide that most pods still run the old one.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { sortRevisions, splitImage } from './revision-diff.js';
import { joinAnd } from '../text.js';

export interface StagedUpdate {
  partition: number;
  /** The update revision (status.updateRevision), which ordinals ≥ partition run. */
  update: RevisionEvidence;
  updated: PodEvidence[];
  /** Pods below the partition, by the revision they keep. */
  held: { revision?: RevisionEvidence; pods: PodEvidence[] }[];
}

/** The staged update, when a partition holds pods below it on an older revision and only those. */
export function findStagedUpdate(ev: TriageEvidence): StagedUpdate | undefined {
  const w = ev.workload;
  if (w?.kind !== 'StatefulSet' || w.partition === undefined) return undefined;
  const partition = w.partition;
  const update = ev.revisions.find((r) => r.revision === w.currentRevision) ?? sortRevisions(ev.revisions)[0];
  if (update === undefined) return undefined;
  const byOrdinal = [...ev.pods].filter((p) => p.revisionHash !== undefined).sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
  const updated = byOrdinal.filter((p) => p.revisionHash === update.hash);
  const behind = byOrdinal.filter((p) => p.revisionHash !== update.hash);
  // An ordinal at or above the partition still on an old revision is a rollout under way, not a hold.
  if (behind.length === 0 || behind.some((p) => p.ordinal === undefined || p.ordinal >= partition)) return undefined;
  const hashes = [...new Set(behind.map((p) => p.revisionHash))];
  const held = hashes.map((h) => {
    const revision = ev.revisions.find((r) => r.hash === h);
    return { ...(revision ? { revision } : {}), pods: behind.filter((p) => p.revisionHash === h) };
  });
  return { partition, update, updated, held };
}

function listNames(pods: readonly PodEvidence[]): string {
  const names = pods.map((p) => p.name);
  if (names.length > 4) return `${names[0] ?? ''} … ${names.at(-1) ?? ''} (${names.length} pods)`;
  return joinAnd(names);
}

/** The tag of the first container image that differs from the other revision's: what the stage tries out. */
function versionOf(r: RevisionEvidence | undefined, other: RevisionEvidence): string {
  const c = r?.containers.find((x) => other.containers.some((o) => o.name === x.name && o.image !== x.image));
  return c ? ` (${splitImage(c.image).version})` : '';
}

/** "update held at partition 2 by design: nats-2 runs revision 9 (2.10.24), nats-0 and nats-1 revision 8 (2.10.22)". */
export function describeStagedUpdate(s: StagedUpdate): string {
  const first = s.held[0]?.revision;
  const now = s.updated.length > 0 ? `${listNames(s.updated)} ${s.updated.length === 1 ? 'runs' : 'run'} revision ${s.update.revision}${first ? versionOf(s.update, first) : ''}` : `no pod runs revision ${s.update.revision} yet`;
  const kept = s.held.map(({ revision, pods }) => `${listNames(pods)}${s.updated.length === 0 ? (pods.length === 1 ? ' runs' : ' run') : ''} revision ${revision?.revision ?? '(unknown)'}${versionOf(revision, s.update)}`);
  return `update held at partition ${s.partition} by design: ${[now, ...kept].join(', ')}`;
}
