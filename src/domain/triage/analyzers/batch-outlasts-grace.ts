import type { TriageEvidence } from '../evidence.js';
import { findBatchOutlastsGrace } from '../batch-outlasts-grace.js';
import { findGraceCut } from '../grace-cut.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';

/**
 * Consumer pods SIGKILLed at the end of their grace period while a batch that commits only when it
 * completes is still running: the next owner re-reads the batch, so every stop (a rollout's, a
 * restart's) does work twice. The fix is a grace period longer than a batch, or smaller batches;
 * a rollback stops pods the same way, so it is never offered — unless a recent revision cut the
 * grace period below the batch time: then that revision is named and restoring its value is the fix.
 */
export function analyzeBatchOutlastsGrace(ev: TriageEvidence): Finding[] {
  const r = findBatchOutlastsGrace(ev);
  if (r === undefined) return [];
  const grace = `${r.graceSeconds} s grace period (terminationGracePeriodSeconds${r.graceDefaulted ? ' unset: the default' : ` ${r.graceSeconds}`})`;
  const batch = `batches${r.records !== undefined ? ` of ${r.records} records` : ''} take ~${Math.round(r.batchSeconds)} s`;
  const pods = [...new Set(r.redone.map((x) => x.pod))];
  const target = Math.max(Math.ceil((r.longestSeconds * 2) / 30) * 30, r.graceSeconds + 30);
  // A revision that cut the grace period to the one the pods run with: the stops kill batches since it, not whatever the revision.
  const cut = findGraceCut(ev);
  const cutBy = cut !== undefined && cut.toSeconds === r.graceSeconds ? cut : undefined;
  const fix = cutBy
    ? `restore terminationGracePeriodSeconds to ${Math.max(cutBy.fromSeconds, target)} s (revision ${cutBy.revision.revision} cut it to ${cutBy.toSeconds} s), above the batch time, or poll smaller batches (max-poll-records) / commit on shutdown`
    : `raise terminationGracePeriodSeconds above the batch time (e.g. ${target} s), or poll smaller batches (max-poll-records) / commit on shutdown`;
  const first = r.redone[0];
  return [{
    id: 'duplicate-work/batch-outlasts-grace',
    kind: 'duplicate-work',
    title: `Consumer pods are SIGKILLed at the ${grace} before their in-flight batch commits (${batch}), so each pod a rollout or restart stops loses its batch and the next owner re-reads it from the last committed offset: records processed twice (duplicates logged in ${pods.length} pod${pods.length === 1 ? '' : 's'})`,
    layer: 'container/process',
    severity: 'warning',
    confidence: 'medium',
    ...(r.since ? { onset: r.since } : {}),
    evidence: [
      `batch time stated in the logs (${r.batches} batches, typical ${r.batchSeconds.toFixed(1)} s, longest ${r.longestSeconds.toFixed(1)} s): ${condenseStructuredLine(r.batchLine).slice(0, 260)}`,
      `terminationGracePeriodSeconds: ${r.graceDefaulted ? `not set, the default ${r.graceSeconds} s applies` : r.graceSeconds}`,
      `pods stopped in the last hour: ${r.stopped.slice(0, 4).join(', ')}${r.stopped.length > 4 ? ', …' : ''}`,
      ...(first ? [`work redone, log ${first.pod}: ${condenseStructuredLine(first.line).slice(0, 260)}`] : []),
    ],
    decisive: first ? condenseStructuredLine(first.line).slice(0, 200) : r.batchLine.slice(0, 200),
    likelyCause: `On SIGTERM the consumer finishes its in-flight batch before it commits the offsets, but the kubelet SIGKILLs the container once the grace period is spent; a batch longer than that is never committed, and the partition's next owner starts again from the last committed offset. ${cutBy
      ? `Revision ${cutBy.revision.revision} cut it from ${cutBy.fromSeconds} s to ${cutBy.toSeconds} s, below the batch time: every stop since (a rollout, a scale-in, an eviction) kills a batch.`
      : 'Any stop does it (a rollout, a restart, an eviction), whatever the revision.'}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; then make the side effects idempotent.${cutBy ? '' : ' A rollback does not help: it stops the pods the same way.'}`,
    fix,
    ...(cutBy ? {} : { outsideWorkload: 'any stop kills a pod mid-batch, whatever the revision' }),
    confirmCommands: [
      ...pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --since=1h | grep -iE 'duplicate|took='`)),
      formatKubectl(ev.target, `get ${ev.target.kind.toLowerCase()} ${ev.target.name} -o jsonpath='{.spec.template.spec.terminationGracePeriodSeconds}'`),
    ],
    affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
  }];
}
