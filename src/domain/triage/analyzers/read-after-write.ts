import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { formatAgo, msBetween } from '../time-span.js';
import { MIN_MISSES, findReadAfterWriteMisses, findReadRoute } from '../read-after-write.js';

/** A ConfigMap changed this recently is a trigger to test: reads moved when it did. */
const RECENT_MS = 24 * 60 * 60 * 1000;

/**
 * The workload answers 404 for objects it created a moment before, again and again, while it sends
 * its reads somewhere named for reads (a replica): the read side lags the writes. Every pod is ready
 * and a 404 is no error to a log level, so without this reading the workload looks healthy. The
 * ConfigMap that routes the reads, when it changed lately, is the trigger.
 */
export function analyzeReadAfterWrite(ev: TriageEvidence): Finding[] {
  const misses = findReadAfterWriteMisses(ev.logs, ev.pods);
  if (misses.length < MIN_MISSES) return [];
  const route = findReadRoute(ev.pods, ev.namespaceObjects);
  if (!route) return [];
  const pods = unique(misses.map((m) => m.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const recent = route.changedAt !== undefined && msBetween(route.changedAt, ev.collectedAt) <= RECENT_MS;
  const where = `${route.env}${route.host ? ` (${route.host})` : ''}${route.configMap ? ` from ConfigMap ${route.configMap}${route.changedAt ? `, changed ${formatAgo(route.changedAt, ev.collectedAt)}` : ''}` : ''}`;
  const last = misses[misses.length - 1];
  const fix = `send reads that follow a write to the primary (or point ${route.env} back at it${route.configMap ? ` in ConfigMap ${route.configMap}` : ''}), and find why the replica lags (its replay waits on long queries, its apply delay)`;
  return [{
    id: `read-after-write/${route.env}`,
    kind: 'dependency-error',
    title: `Stale reads from a lagging replica: ${misses.length} reads answered 404 for an object created moments before (read-after-write) under ${pods.length} pod${pods.length === 1 ? '' : 's'} — reads go through ${where}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'medium',
    evidence: [
      ...(last ? [`log ${last.pod}: ${last.created}`, `log ${last.pod}: ${last.missed}`] : []),
      `reads go through ${where}`,
    ],
    decisive: last?.missed ?? '',
    ...(recent ? { datesChange: true as const, outsideWorkload: `reads go wherever ${route.env} points, whatever revision of the workload reads` } : {}),
    likelyCause:
      `Each object is written and then, moments later, not found: the write succeeded, so the read went somewhere behind it. ${route.env} sends the workload's reads to a separate store${route.configMap ? ` (set in ConfigMap ${route.configMap}${recent && route.changedAt ? `, changed ${formatAgo(route.changedAt, ev.collectedAt)}` : ''})` : ''}, a replica whose replication lags the primary: a read right after a write does not see it yet. ` +
      'The pods are ready and log the 404s as plain responses, which is why nothing else shows it.',
    nextAction: `Mitigate by reading from the primary: ${fix}.`,
    fix,
    confirmCommands: [
      ...(route.configMap ? [formatKubectl(ev.target, `get configmap ${route.configMap} -o yaml`)] : []),
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding];
}
