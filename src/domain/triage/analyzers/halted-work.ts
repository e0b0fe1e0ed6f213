import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { readHaltedWork } from '../halted-work.js';
import type { HaltedWork } from '../halted-work.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { earliest, formatAgo } from '../time-span.js';

/**
 * A process that halted its work for good and stays up (halted-work.ts): its pod passes its
 * probes and is never restarted, so the error it halted on — hours old, the last line it logged —
 * is the failure, however few error lines the log holds. A halted process does not resume: the
 * error must be fixed, then the process restarted.
 */
export function analyzeHaltedWork(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((log) => {
    const pod = log.previous ? undefined : findPod(ev, log.pod);
    const state = pod?.containers.find((c) => c.name === log.container)?.state;
    if (pod === undefined || state === undefined || !('running' in state)) return [];
    const halt = readHaltedWork(log.lines, ev.collectedAt);
    return halt === undefined ? [] : [{ log, pod, halt }];
  });
  const [first] = hits;
  if (first === undefined) return [];
  const container = first.log.container;
  const pods = [...new Set(hits.map((h) => h.log.pod))];
  const podObjects = hits.map((h) => h.pod);
  const ready = podObjects.filter((p) => p.ready).length;
  const restarts = podObjects.reduce((n, p) => n + (p.containers.find((c) => c.name === container)?.restartCount ?? 0), 0);
  const onset = earliest(hits.map((h) => h.halt.at)) ?? first.halt.at;
  const why = (h: HaltedWork) => (h.reason !== undefined ? `"${h.message}" — ${h.reason}` : `"${h.message}"`);
  const who = pods.length === 1 ? `pod ${pods[0] ?? ''}` : `${pods.length} pods`;
  const stays = `${ready === podObjects.length ? `while ${pods.length === 1 ? 'its pod stays' : 'they stay'} Ready` : 'while running'}${restarts === 0 ? ' with no restart' : ''}`;
  const fix = first.halt.reason !== undefined ? `fix what halted it (${first.halt.reason}), then restart ${container}` : `fix the error it halted on, then restart ${container}`;
  return [
    {
      id: `runtime-stall/halted/${container}`,
      kind: 'runtime-stall',
      title: `${container} in ${who} halted its work ${formatAgo(onset, ev.collectedAt)} and has logged nothing since, ${stays}: ${why(first.halt)}`,
      layer: 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: first.halt.explicit ? 'high' : 'medium',
      evidence: hits.slice(0, 3).map((h) => `log ${h.log.pod}/${h.log.container}, its last line (${formatAgo(h.halt.at, ev.collectedAt)}): ${h.halt.line.trim().slice(0, 400)}`),
      decisive: first.halt.reason ?? first.halt.message,
      onset,
      likelyCause:
        `The process met an error it treats as fatal to its work and stopped doing that work on purpose, without exiting (Thanos' compactor halts this way, so that someone looks at the bucket before it changes anything more). ` +
        `Its health endpoints keep answering, so the probes pass, the pod stays Ready and nothing restarts it: whatever it should have done since (compacting, consuming, replicating) has not been done. The error it halted on says why.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}: a halted process does not resume by itself, and restarted before the fix it halts again on the same error.`,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${container} --tail=200`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
