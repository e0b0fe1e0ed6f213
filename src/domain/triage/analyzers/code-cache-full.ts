import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findCodeCacheCut, readCodeCacheFull, valueOf } from '../code-cache.js';
import type { CodeCacheFull } from '../code-cache.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { findJvmPoolCap, formatSize } from '../runtime-flags.js';
import { earliest } from '../time-span.js';

/**
 * The JVM itself says its JIT compiler is off: its code cache is full. Nothing crashes and
 * nothing is killed; hot code runs interpreted, requests slow to seconds and the probes time out.
 * The pods' probe timeouts are the symptom, the JVM's own warning the mechanism; when the newest
 * revision reserved a smaller cache, that revision is the trigger however late the cache filled.
 */

interface Hit extends CodeCacheFull {
  log: LogEvidence;
}

/** When the JVM in this pod started: its container's current run, else the pod. */
function startOf(pod: PodEvidence, container: string): string | undefined {
  const state = pod.containers.find((c) => c.name === container)?.state;
  return (state !== undefined && 'running' in state ? state.running.startedAt : undefined) ?? pod.startTime ?? pod.createdAt;
}

export function analyzeCodeCacheFull(ev: TriageEvidence): Finding[] {
  // A restarted JVM has a fresh cache: only the current run counts.
  const hits: Hit[] = ev.logs.flatMap((log) => {
    const full = log.previous || findPod(ev, log.pod) === undefined ? undefined : readCodeCacheFull(log.lines);
    return full === undefined ? [] : [{ log, ...full }];
  });
  const [first] = hits;
  if (first === undefined) return [];
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = first.log.container;
  const spec = podObjects[0]?.containers.find((c) => c.name === container);
  const cap = spec === undefined ? undefined : findJvmPoolCap(spec, 'CodeCache');
  const [newest] = sortRevisions(ev.revisions);
  const onNewest = newest !== undefined && podObjects.every((p) => p.revisionHash === undefined || p.revisionHash === newest.hash);
  const cut = onNewest ? findCodeCacheCut(ev.revisions, container) : undefined;
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const restarted = podObjects.filter((p) => p.containers.some((c) => c.name === container && c.restartCount > 0)).length;

  const flagSaid = cut !== undefined
    ? `${cut.flag} (${cut.where}, ${valueOf(cut.was)} before revision ${cut.revision})`
    : cap !== undefined ? `${cap.flag} (${cap.where})` : `no ${first.flag} set (HotSpot's default: 240m with tiered compilation)`;
  const slowed = unhealthy.length > 0 ? 'requests slow past the probe timeouts' : 'requests slow down';
  const title = `JVM code cache full in ${pods.length}/${ev.pods.length} pods ("${first.line}"): the JIT compiler is off, hot code runs interpreted and ${slowed}; ${flagSaid}`;

  const stays = 'the code cache is reserved when the JVM starts and cannot grow while it runs';
  const likelyCause = cut !== undefined
    ? `Revision ${cut.revision} reserved a smaller code cache (${cut.was} → ${cut.flag} in ${cut.where}). The JIT keeps compiled hot methods there; once it filled, HotSpot turned the compiler off ("${first.line}") and every method not yet compiled runs interpreted, many times slower: latency climbs, request threads pile up and the probes time out. Nothing crashes and nothing is killed. It filled with traffic, hours after the rollout: ${stays}.`
    : `The JIT keeps compiled hot methods in the code cache${cap !== undefined ? ` (${cap.flag}, ${cap.where})` : ''}; it filled, HotSpot turned the compiler off ("${first.line}") and every method not yet compiled runs interpreted, many times slower: latency climbs and the probes time out. Nothing crashes and nothing is killed. The code grew past the cache (a bigger release, more code paths hot), or the cache is set too small.`;
  const nextAction = cut !== undefined
    ? `Restore the code cache: roll back to revision ${cut.previous} (${cut.was}), or set ${cut.was} again, and restart the pods: ${stays}, so a pod stays slow until its JVM restarts.`
    : `Raise ${first.flag}${cap !== undefined && first.flag === cap.name ? ` above ${valueOf(cap.flag)}` : ''} (e.g. 256m–512m) and restart the pods: ${stays}, so a pod stays slow until its JVM restarts.`;
  const fix = cut !== undefined
    ? `restore ${cut.was} (${cut.where}) and restart the pods (${stays})`
    : `raise ${first.flag} and restart the pods (${stays})`;
  // The cache fills from the JVM's start: the change that started these JVMs is the trigger.
  const onset = cut !== undefined ? earliest(podObjects.map((p) => startOf(p, container))) : undefined;
  const sized = hits.find((h) => h.size !== undefined);

  return [
    {
      id: `runtime-stall/code-cache/${container}`,
      kind: 'runtime-stall',
      title,
      layer: 'container/process',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `${pods.length} pod${pods.length === 1 ? '' : 's'} logged "${first.line}" in ${pods.length === 1 ? 'its' : 'their'} current run`,
        ...(sized?.size !== undefined ? [`log ${sized.log.pod}: CodeCache: ${sized.size}`] : []),
        `log ${first.log.pod}: the JVM advises "Try increasing the code cache size using ${first.flag}="`,
        ...(cap !== undefined ? [`${cap.flag} (${cap.where}) reserves ${cap.bytes !== undefined ? formatSize(cap.bytes) : valueOf(cap.flag)} for ${cap.what}`] : []),
        ...(cut !== undefined ? [`revision ${cut.revision} changed ${cut.was} → ${cut.flag} (${cut.where}); revision ${cut.previous} ran with ${valueOf(cut.was)}`] : []),
        `${unhealthy.length}/${podObjects.length} of these pods not ready now, ${restarted} restarted`,
      ],
      decisive: first.line,
      likelyCause,
      nextAction,
      fix,
      ...(onset !== undefined ? { onset, buildsUp: 'the code cache fills with hot code from the JVM\'s start, so the slowness shows hours after the revision that sized it', latent: stays } : {}),
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${container} --tail=300`), ...(newest !== undefined ? [formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${newest.revision}`)] : [])],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
