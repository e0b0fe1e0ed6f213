import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findKeyChange, findPartitionLagSkew } from '../partition-lag-skew.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

function formatCount(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n);
}

/**
 * Lag on one partition of a topic while the group's other consumers idle (partition-lag-skew.ts):
 * one pod works the hot partition and falls behind; more consumers cannot help. The producer's key
 * change, when another Deployment of the namespace changed it just before, is the trigger.
 */
export function analyzePartitionLagSkew(ev: TriageEvidence): Finding[] {
  const skew = findPartitionLagSkew(ev.logs);
  if (skew === undefined) return [];
  const key = findKeyChange(ev.namespaceRollouts ?? [], skew.topic);
  const name = `${skew.topic}-${skew.partition}`;
  const oldest = skew.oldestSeconds !== undefined ? `, oldest record ${Math.round(skew.oldestSeconds / 60)}m old` : '';
  const keyText = key ? `${key.deployment} revision ${key.revision} changed ${key.env}${key.from !== undefined ? ` ${key.from} → ${key.to}` : ` to ${key.to}`} (${formatAgo(key.createdAt, ev.collectedAt)})` : undefined;
  const fix = key
    ? `set ${key.deployment}'s ${key.env} back to ${key.from ?? 'a key that spreads'} (or key by a composite that spreads the records), then let ${skew.pod} drain the backlog`
    : `spread the records over the partitions again: find the producer whose key concentrates ${skew.topic} on partition ${skew.partition} and key by a value that spreads`;
  const pods = ev.pods.filter((p) => p.name === skew.pod);
  return [{
    id: 'partition-lag-skew',
    kind: 'dependency-error',
    title: `Consumer lag on one partition, ${name} (lag ${formatCount(skew.lag)}${oldest}), worked by ${skew.pod} alone while ${skew.idlePods.length} other consumer${skew.idlePods.length === 1 ? '' : 's'} read idle: a hot partition${keyText ? ` — since ${keyText}` : ''}`,
    layer: 'container/process',
    severity: 'warning',
    confidence: key ? 'high' : 'medium',
    evidence: [
      `log ${skew.pod}: ${condenseStructuredLine(skew.line)}`,
      ...skew.idlePods.slice(0, 2).map((p) => `log ${p}: no lag warning on ${skew.topic}`),
      ...(key ? [`${key.deployment} revision ${key.revision}${key.changeCause ? ` (${key.changeCause})` : ''}: ${key.env}=${key.to}${key.from !== undefined ? ` (was ${key.from})` : ''}`] : []),
    ],
    decisive: condenseStructuredLine(skew.line),
    ...(skew.onset ? { onset: skew.onset } : {}),
    ...(key ? { datesChange: true as const } : {}),
    outsideWorkload: 'the records land on one partition by their key: any revision of the consumer sees the same skew',
    likelyCause: `In a consumer group each partition has one consumer, so all records of ${name} are worked by ${skew.pod}, one batch at a time, and its lag grows while the other members have little to do; average CPU stays low, so the autoscaler does not react, and more consumers could not take a share of one partition. ${key ? `${key.deployment} now keys the records of ${skew.topic} by ${key.to}: when one value of it carries most of the traffic (a large tenant), the key hash puts most records on one partition.` : 'A producer that keys most records alike (one tenant, one customer) puts them on one partition.'}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Scaling the consumers will not help while one partition holds the load.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${skew.pod} --tail=100`)],
    affected: { pods: [skew.pod], nodes: listNodesOf(pods) },
  }];
}
