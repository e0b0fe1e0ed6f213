import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { NO_NODE, findLocalDcMismatch } from '../cassandra-local-dc.js';

/** Failed queries before it counts: one is not an outage. */
const MIN_FAILED = 2;

/** The ConfigMaps the pods take their configuration from (mounted files, envFrom, env refs): where the driver's settings live. */
function listConfigMaps(pods: readonly PodEvidence[]): string[] {
  return unique(pods.flatMap((p) => [
    ...(p.volumes ?? []).filter((v) => v.source === 'configMap' && v.ref !== undefined).map((v) => v.ref ?? ''),
    ...p.containers.flatMap((c) => [
      ...(c.envFrom ?? []).filter((f) => f.kind === 'configMap').map((f) => f.name),
      ...(c.env ?? []).flatMap((e) => ('ref' in e && e.ref.kind === 'configMap' && e.ref.name !== undefined ? [e.ref.name] : [])),
    ]),
  ]));
}

/**
 * The workload's Cassandra driver has a local datacenter the cluster does not have: every query
 * fails with NoNodeAvailableException while every node is up. A setting of the client, older than
 * any revision that merely restarted it: a rollback brings back the same setting.
 */
export function analyzeCassandraLocalDc(ev: TriageEvidence): Finding[] {
  const told = ev.logs.flatMap((l) => {
    const m = findLocalDcMismatch(l.lines);
    return m ? [{ log: l, m }] : [];
  });
  const first = told[0];
  if (!first) return [];
  // One failed query: its logged line and the exception under it both say it.
  const failed = ev.logs.flatMap((l) => l.lines.filter((line, i) => NO_NODE.test(line) && !NO_NODE.test(l.lines[i - 1] ?? '')).map((line) => ({ pod: l.pod, line: line.trim() })));
  if (failed.length < MIN_FAILED) return [];
  const { localDc, clusterDcs } = first.m;
  const pods = unique([...told.map((t) => t.log.pod), ...failed.map((f) => f.pod)]);
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unready = podObjects.filter((p) => !p.ready).length;
  const configMaps = listConfigMaps(podObjects);
  const dcs = clusterDcs.join(', ');
  const where = configMaps.length > 0 ? ` in ConfigMap ${configMaps.join(' or ')}` : ' where the pods take their configuration';
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const fix = `set the driver's local-datacenter (spring.cassandra.local-datacenter or basic.load-balancing-policy.local-datacenter) from ${localDc} to ${clusterDcs[0] ?? ''}${where}, then restart the pods`;
  return [{
    id: 'cassandra-local-dc',
    kind: 'dependency-error',
    title: `The Cassandra driver's local datacenter ${localDc} does not exist: the cluster's nodes are in ${dcs}, so the driver has no node to query and fails every query with NoNodeAvailableException — ${failed.length} failed queries in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}${unready === 0 ? ' (all ready)' : ''}`,
    layer: 'container/process',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: 'high',
    evidence: [
      `log ${first.log.pod}: ${first.m.line}`,
      ...failed.slice(-2).map((f) => `log ${f.pod}: ${f.line}`),
      ...(configMaps.length > 0 ? [`the pods take their configuration from ConfigMap ${configMaps.join(', ')}`] : []),
    ],
    decisive: first.m.said,
    likelyCause: `The DataStax driver sends queries only to nodes of its local datacenter (DC-aware load balancing). It was told ${localDc}, but every contact point it reached is in ${dcs}: the cluster has no datacenter ${localDc} (one rebuilt or renamed, its CASSANDRA_DC or cassandra-rackdc.properties), so the query plan is empty and every query fails with NoNodeAvailableException while every Cassandra node is up. Cassandra is healthy; the client's setting is wrong, and neither a restart nor a rollback changes it.`,
    nextAction: `Fix the client's setting: ${fix} (${restart}). The bot will not change anything.`,
    fix,
    outsideWorkload: `the local datacenter ${localDc} is the client's setting, not something a revision changed: any pod, of any revision, finds no node in ${localDc}`,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${first.log.pod} --tail=200`),
      ...configMaps.slice(0, 1).map((c) => formatKubectl(ev.target, `get configmap ${c} -o yaml`)),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(configMaps.length > 0 ? { configMaps } : {}) },
  }];
}
