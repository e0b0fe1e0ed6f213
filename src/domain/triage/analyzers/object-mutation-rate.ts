/**
 * An object store refusing writes to one object for their rate (object-mutation-rate.ts): told as
 * every request rewriting the same shared object, with the object named. The fix is in the writer
 * — stop rewriting one object per request — never more quota; a revision that began writing it per
 * request is its trigger, found by the onset.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf } from '../pod-status.js';
import { describeObjectLimit, findObjectMutationRate } from '../object-mutation-rate.js';

export function analyzeObjectMutationRate(ev: TriageEvidence): Finding[] {
  const r = findObjectMutationRate(ev.logs);
  if (r === undefined) return [];
  const podObjects = ev.pods.filter((p) => r.pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  const code = r.store === 'Cloud Storage' ? '429 rateLimitExceeded' : '503 SlowDown';
  const fix = `stop rewriting one shared object per request: update ${r.object} in batches from one writer, or split it into many objects; retries and more quota do not lift a per-object limit`;
  return [{
    id: `dependency-error/object-mutation-rate/${r.object}`,
    kind: 'dependency-error',
    title: `${r.store} refuses writes to the single object ${r.object} (${code}): every request rewrites that same object, past its per-object write rate — ${r.hits.length} refused writes in the logs of ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}${ready === r.pods.length ? ' (all ready)' : ''}`,
    layer: 'network/routing',
    severity: ready === r.pods.length ? 'warning' : 'critical',
    confidence: 'high',
    evidence: r.pods.slice(0, 2).map((pod) => `log ${pod}: ${(r.hits.findLast((h) => h.pod === pod)?.line ?? '').slice(0, 300)}`),
    decisive: condenseStructuredLine(r.hits.at(-1)?.line ?? '').slice(0, 240),
    likelyCause: `${describeObjectLimit(r.store)}. These pods rewrite the same object, ${r.object}, on every request, so together they pass that rate and most of those writes fail, while the pods stay Ready; more replicas or retries only add to it. No quota or bucket setting lifts it, and the store is healthy: the writes concentrate on one object.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(r.first ? { onset: r.first } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} --tail=200`)],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
