/**
 * DynamoDB throttles the workload's calls (dynamodb-throttle.ts). Told as throttling of the named
 * table, and as a hot partition when the evidence says one partition takes the load: a revision
 * that changed the partition key setting, every throttled request on one key, or the table's
 * consumption far under its provisioned capacity. More capacity does not lift a per-partition
 * limit, so the advice is the key (or the revision that changed it), never a bigger table.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf } from '../pod-status.js';
import { findDynamoThrottle, partitionLimit } from '../dynamodb-throttle.js';
import { formatAgo } from '../time-span.js';

export function analyzeDynamoThrottling(ev: TriageEvidence): Finding[] {
  const t = findDynamoThrottle(ev);
  if (t === undefined) return [];
  const now = ev.collectedAt;
  const podObjects = ev.pods.filter((p) => t.pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, now)).length;
  const table = t.table ? `table ${t.table}` : 'its table';
  const writes = t.capacity?.unit === 'RCU' ? 'reads' : 'writes';
  const calls = `${t.hits.length} throttled calls in the logs of ${t.pods.length} pod${t.pods.length === 1 ? '' : 's'}${ready === t.pods.length ? ' (all ready)' : ''}`;
  const k = t.keyChange;
  const changed = k ? ` since the partition key became ${k.to} (${k.env} ${k.from} → ${k.to}, revision ${k.revision})` : '';
  const oneKey = t.sameKey ? `every throttled request carries the same partition key (${t.sameKey.value})` : undefined;
  const load = t.capacity ? `${t.capacity.consumed} ${t.capacity.unit}/s consumed by the ${t.capacity.pods} pod${t.capacity.pods === 1 ? '' : 's'} read, of the ${t.capacity.provisioned} provisioned` : undefined;
  const limit = partitionLimit(t.capacity?.unit ?? 'WCU');
  const told = [oneKey, load].filter((x) => x !== undefined).join('; ');
  const title = t.hot
    ? `DynamoDB throttles ${writes} to ${table} (${t.code}): they concentrate on one hot partition${changed}${told ? ` — ${told}` : ''}; ${calls}`
    : `DynamoDB throttles calls to ${table} (${t.code}): they exceed its provisioned throughput${load ? ` (${load})` : ''}; ${calls}`;
  const redesign = k
    ? `then redesign the key so ${writes} spread over many partitions (write sharding such as ${k.to}#<0..N>, or keep ${k.from} and query by ${k.to} through a global secondary index)`
    : `then spread the ${writes} over more partition key values (write sharding with a suffix, or a key of higher cardinality)`;
  const ceiling = `a bigger table would not help: one partition serves at most ${limit} ${t.capacity?.unit ?? 'WCU'}/s whatever the table has`;
  // The fix forward; the verdict offers the rollback of the revision that changed the key before it.
  const fix = t.hot
    ? k
      ? `${redesign.replace(/^then /, '')} — ${ceiling}`
      : `spread the ${writes} over more partition key values (write sharding with a suffix, or a key of higher cardinality) — ${ceiling}`
    : `find what raised the request rate on ${table} (a new revision, a backfill, more traffic) and bound it, or move the table to on-demand capacity if the load is legitimate; the SDK's retries with backoff smooth short bursts only`;
  return [{
    id: `dependency-error/dynamodb-throttled/${t.table ?? 'table'}`,
    kind: 'dependency-error',
    title,
    layer: 'network/routing',
    severity: ready === t.pods.length ? 'warning' : 'critical',
    confidence: t.hot || t.capacity ? 'high' : 'medium',
    evidence: [
      ...t.pods.slice(0, 2).map((pod) => `log ${pod}: ${(t.hits.findLast((h) => h.pod === pod)?.line ?? '').slice(0, 300)}`),
      ...(k ? [`revision ${k.revision} (${formatAgo(k.at, now)}) changed ${k.env}: ${k.from} → ${k.to}`] : []),
      ...(oneKey ? [`${t.sameKey?.count ?? 0} throttled lines, all on partition key ${t.sameKey?.value ?? ''}`] : []),
      ...(load ? [`the workload's own stats: ${load} on ${table}`] : []),
    ],
    decisive: condenseStructuredLine(t.hits.at(-1)?.line ?? '').slice(0, 240),
    likelyCause: t.hot
      ? `DynamoDB spreads a table over partitions by the hash of the partition key, and each partition serves at most 1,000 WCU and 3,000 RCU per second whatever capacity the table has: when most requests carry one key value (a date, a constant, a tenant), they all land on one partition and are throttled (${t.code}) while the table as a whole stays far under its provisioned capacity. ${k ? `Revision ${k.revision} changed ${k.env} from ${k.from} to ${k.to}, a key with few values at a time, so the ${writes} now concentrate.` : ''} A bigger table does not lift a per-partition limit.`.replace(/\s+$/, '')
      : `DynamoDB throttles requests (${t.code}) beyond the table's provisioned throughput (or an account or on-demand limit): the SDK retries with backoff and then fails, while the pods stay Ready.`,
    nextAction: k && t.hot ? `Roll back to revision ${k.before ?? k.revision - 1} now: its key change is what concentrates the ${writes}, and ${ceiling}; ${redesign}.` : `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(t.hits[0]?.at ? { onset: t.hits.map((h) => h.at).filter((x) => x !== undefined).sort()[0] } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${t.pods[0] ?? ''} --tail=200`)],
    affected: { pods: t.pods, nodes: listNodesOf(podObjects) },
  }];
}
