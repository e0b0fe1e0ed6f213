/**
 * Pods Pending because a node was lost: the workload's pods on a NotReady node are held there
 * (Terminating, not ready) and their replacements, created after the node went bad, find no room
 * elsewhere. The lost node is the cause; the lack of room is why the loss shows.
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findCondition, listPodEvents } from './evidence-lookup.js';
import { parseSchedulingMessage, summarizeSchedulingReasons } from './scheduling-message.js';
import type { SchedulingCategory } from './scheduling-message.js';

export interface LostNodeReplacement {
  pod: PodEvidence;
  /** The scheduler's reasons, summarized: "2 Insufficient cpu". */
  why: string;
}

/** Unscheduled pods of the workload created once the node went NotReady, while its pods there are lost. */
export function findLostNodeReplacements(ev: TriageEvidence, node: NodeEvidence): LostNodeReplacement[] {
  const ready = findCondition(node.conditions, 'Ready');
  if (ready === undefined || ready.status === 'True' || ready.lastTransitionTime === undefined) return [];
  const since = Date.parse(ready.lastTransitionTime);
  const lost = ev.pods.filter((p) => p.nodeName === node.name && (p.deletionTimestamp !== undefined || !p.ready));
  if (lost.length === 0) return [];
  return ev.pods
    .filter((p) => p.nodeName === undefined && p.phase === 'Pending' && p.createdAt !== undefined && Date.parse(p.createdAt) >= since)
    .slice(0, 5)
    .flatMap((pod) => {
      const said = listPodEvents(ev, ['FailedScheduling'], [pod.name]).at(-1)?.message ?? findCondition(pod.conditions, 'PodScheduled')?.message;
      const all = said ? parseSchedulingMessage(said).reasons : [];
      // Only room and taints: a constraint of the pod's own (spread, affinity, volumes) is its own finding, not the node's loss.
      if (all.length === 0 || !all.every((r) => ROOM.has(r.category))) return [];
      // The lack of room is the part worth saying: the lost node's own taint and the control plane's are expected.
      const short = all.filter((r) => r.category === 'insufficient');
      return [{ pod, why: summarizeSchedulingReasons(short.length > 0 ? short : all) }];
    });
}

/** Scheduler reasons that say only that the other nodes have no room or are tainted. */
const ROOM: ReadonlySet<SchedulingCategory> = new Set(['insufficient', 'taint', 'too-many-pods']);
