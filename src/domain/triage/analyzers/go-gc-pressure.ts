import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import type { GcPressure } from '../gc-pressure.js';
import type { HeapCut } from '../heap-cut.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatBytes } from '../quantity.js';
import type { HeapSetting } from '../runtime-flags.js';
import { truncate } from '../../text.js';

/**
 * A Go service whose own gctrace says the collector takes most of the CPU. GOMEMLIMIT is a soft
 * limit: when the live heap (what a collection cannot free) sits above it, the runtime collects
 * again as soon as it has finished, trying to get under a limit it cannot reach. Nothing is
 * killed (the container's memory limit is higher), so there is no kill to see: the CPU goes to
 * the collector, the container is throttled at its CPU limit, requests and probes time out.
 */

interface GoHit {
  log: LogEvidence;
  line: string;
  gc: GcPressure;
}

export interface GoPressureInput {
  ev: TriageEvidence;
  hits: readonly GoHit[];
  pods: readonly string[];
  podObjects: readonly PodEvidence[];
  container: string;
  heap: HeapSetting | undefined;
  cut: HeapCut | undefined;
  worstShare: number | undefined;
  example: GoHit;
  limit: string | undefined;
  onset: IsoTime | undefined;
}

const MB = 1_000_000;

export function describeGoPressure(x: GoPressureInput): Finding {
  const { ev, hits, pods, podObjects, container, heap, cut, worstShare, example } = x;
  const lives = hits.flatMap((h) => (h.gc.liveMb === undefined ? [] : [h.gc.liveMb]));
  const liveMb = lives.length > 0 ? Math.max(...lives) : undefined;
  const liveBytes = liveMb === undefined ? undefined : liveMb * MB;
  const soft = heap?.runtime === 'go' && heap.bytes !== undefined ? heap : undefined;
  const above = soft?.bytes !== undefined && liveBytes !== undefined && liveBytes >= soft.bytes;
  const cpuLimit = podObjects[0]?.containers.find((c) => c.name === container)?.resources.limits['cpu'];
  const share = worstShare === undefined ? '' : `GC takes up to ${Math.round(worstShare * 100)}% of the CPU`;
  const scope = `in ${pods.length}/${ev.pods.length} pods`;
  const liveSaid = liveMb === undefined ? '' : `a ~${liveMb} MB live heap`;
  const limitSaid = soft === undefined ? '' : soft.flag;
  const relation = soft !== undefined && liveMb !== undefined ? (above ? `${liveSaid} above ${limitSaid}` : `${liveSaid} near ${limitSaid}`) : liveSaid || limitSaid;
  const title = `Go GC pressure ${scope}: ${share}${relation ? `, ${relation}` : ''}`;

  const limitBytes = soft?.bytes === undefined ? '' : ` (${formatBytes(soft.bytes)})`;
  const likelyCause = soft !== undefined
    ? `${cut !== undefined ? `Revision ${cut.revision} set ${soft.flag} (${cut.where}; revision ${cut.previous} ran with ${cut.was}). ` : ''}GOMEMLIMIT is a soft memory limit: ${above ? `the live heap (~${liveMb ?? '?'} MB) is above it${limitBytes}, so` : 'with the live heap near it'} the Go runtime collects back to back trying to get under it, and the collector takes most of the CPU${cpuLimit !== undefined ? ` (the container is throttled at its ${cpuLimit} CPU limit)` : ''}. Requests and probes time out, yet nothing is killed: the container's memory limit${x.limit !== undefined ? ` (${x.limit})` : ''} is higher.`
    : `The Go collector takes most of the CPU: the live heap${liveMb !== undefined ? ` (~${liveMb} MB)` : ''} leaves it little room (GOGC), so it collects back to back and requests slow down.`;
  const nextAction = soft !== undefined
    ? `Raise GOMEMLIMIT above the live heap${liveMb !== undefined ? ` (~${liveMb} MB)` : ''} with headroom, or remove it${cut !== undefined ? `; or roll back to revision ${cut.previous}` : ''}.`
    : 'Give the process more memory headroom (GOGC, a GOMEMLIMIT above the live heap) or cut what fills the heap.';
  return {
    id: `heap-pressure/${container}`,
    kind: 'heap-pressure',
    title,
    layer: 'container/process',
    severity: 'warning',
    confidence: soft !== undefined && above && pods.length >= 2 ? 'high' : 'medium',
    evidence: [
      `${hits.length} gctrace lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'} with GC taking ${worstShare !== undefined ? `up to ${Math.round(worstShare * 100)}%` : 'most'} of the CPU${liveMb !== undefined ? `, the live heap up to ${liveMb} MB` : ''}`,
      `log ${example.log.pod}: ${truncate(condenseStructuredLine(example.line.trim()), 300)}`,
      ...(soft !== undefined ? [`${soft.flag} (${soft.where}) sets the Go soft memory limit${limitBytes}${x.limit !== undefined ? ` against a ${x.limit} memory limit` : ''}`] : []),
      ...(cut !== undefined ? [`revision ${cut.revision} set ${cut.flag} (${cut.where}); revision ${cut.previous} ran with ${cut.was}`] : []),
      ...(cpuLimit !== undefined ? [`container ${container} has a ${cpuLimit} CPU limit`] : []),
      `${podObjects.filter((p) => p.ready).length}/${podObjects.length} of these pods Ready, ${podObjects.filter((p) => p.containers.some((c) => c.restartCount > 0)).length} restarted`,
    ],
    decisive: example.gc.said,
    likelyCause,
    nextAction,
    fix: soft !== undefined ? 'raise GOMEMLIMIT above the live heap, or remove it' : 'give the Go heap more headroom',
    ...(cut !== undefined ? { latent: 'GOMEMLIMIT is read when the process starts and the live heap grows with what it loads, so GC overhead that shows late still comes from the revision that set it' } : {}),
    ...(x.onset !== undefined ? { onset: x.onset } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${container} --tail=200`), formatKubectl(ev.target, 'top pods --containers')],
    affected: { pods: [...pods], nodes: listNodesOf([...podObjects]) },
  };
}
