import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { CLAIMS, findPodNamedConsumers, listFormerConsumers } from '../pod-named-consumers.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/** A count of the group's waiting entries as a watchdog logs it: "pending_total":412, pending=412. */
const PENDING_COUNT = /"?pending(?:_total|_count)?"?\s*[:=]\s*(\d+)/i;

/**
 * Redis Streams entries left in the Pending Entries List of consumers that no longer exist: the
 * workload names its consumers after its pods, its pods were replaced, and it reads only new
 * entries (XREADGROUP >) without ever claiming idle ones (XAUTOCLAIM/XCLAIM). The entries the old
 * pods had been delivered but not acked stay pending under their names forever; the new pods work
 * new entries fine, every pod is Ready and nothing logs an error. The sign is another workload's
 * log (a watchdog, an API answering for the stuck work) naming those consumers.
 */
export function analyzeOrphanedPendingEntries(ev: TriageEvidence): Finding[] {
  const lines = ev.formerConsumerLines ?? [];
  if (lines.length === 0) return [];
  const consumers = findPodNamedConsumers(ev);
  if (consumers === undefined) return [];
  const live = new Set(ev.pods.map((p) => p.name));
  const former = listFormerConsumers(lines, ev.target.name, live);
  if (former.length === 0) return [];
  // A worker that claims idle entries itself hands the old consumers' entries on: nothing is orphaned for long.
  if (ev.logs.some((l) => l.lines.some((x) => CLAIMS.test(x)))) return [];
  const all = lines.flatMap((e) => e.lines.map((line) => ({ e, line })));
  const count = all.map((x) => Number(PENDING_COUNT.exec(x.line)?.[1])).filter((n) => Number.isFinite(n) && n > 0).at(-1);
  const teller = lines[0];
  const who = teller?.owner ? teller.owner.replace(/^\w+ /, '') : teller?.pod ?? 'another workload';
  const [newest] = sortRevisions(ev.revisions);
  // The pods that held them were replaced: by the newest rollout when every live pod is of it.
  const replaced = newest && ev.pods.every((p) => p.revisionHash === undefined || newest.hash === p.revisionHash)
    ? `; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) replaced those pods`
    : '';
  const group = consumers.group ? ` group ${consumers.group}` : ' group';
  const stream = consumers.stream ? ` of stream ${consumers.stream}` : '';
  const shown = former.slice(0, 3).join(', ') + (former.length > 3 ? `, +${former.length - 3} more` : '');
  const decisive = condenseStructuredLine((all.find((x) => former.some((f) => x.line.includes(f))) ?? all[0])?.line ?? '');
  return [
    {
      id: 'consumer-group/orphaned-pending-entries',
      kind: 'consumer-group',
      title: `Entries stuck pending in the Redis Streams${group}${stream} under consumers named after pods that no longer exist (${shown}${count !== undefined ? `; ${count} pending per ${who}` : ''}): ${ev.target.name} names each consumer after its pod and reads only new entries (XREADGROUP >), so nothing claims them${replaced}`,
      ...(replaced ? { datesChange: true } : {}),
      outsideWorkload: 'the entries wait in the consumer group on the Redis server; a rollback replaces the pods again and orphans the entries they hold too',
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        `${ev.target.name}: consumer name from ${consumers.via}`,
        `consumers named in the log of ${who} that are no current pod of ${ev.target.name}: ${former.join(', ')}`,
        ...all.slice(-3).map((x) => `log ${x.e.pod}: ${condenseStructuredLine(x.line)}`),
        `no XAUTOCLAIM or XCLAIM in the logs of ${ev.target.name}`,
      ],
      decisive,
      likelyCause: `An entry read through a consumer group stays in the group's Pending Entries List under the consumer it was delivered to until that consumer acks it, or another claims it. ${ev.target.name} takes its consumer name from the pod name, so each new pod is a new consumer; it reads only entries never delivered (">") and never claims idle ones. When the pods were replaced, what the old pods had been delivered but not acked stayed pending under their names, where no one will ever read it.`,
      nextAction: `Hand the orphaned entries to a live consumer now: XAUTOCLAIM ${consumers.stream ?? '<stream>'} ${consumers.group ?? '<group>'} <live consumer> <min-idle-ms> 0-0 (repeat until the cursor is 0-0; check with XPENDING ${consumers.stream ?? '<stream>'} ${consumers.group ?? '<group>'}), then XGROUP DELCONSUMER the dead ones. Fix: have the worker XAUTOCLAIM idle entries at start and periodically, or use stable consumer names (a StatefulSet's ordinals).`,
      fix: 'claim the dead consumers\' pending entries (XAUTOCLAIM), and make the worker claim idle entries itself',
      confirmCommands: teller ? [formatKubectl(ev.target, `logs ${teller.pod} --tail=300`)] : [],
      affected: { pods: ev.pods.map((p) => p.name), nodes: listNodesOf(ev.pods) },
    },
  ];
}
