// A Cassandra cluster with too few replicas alive for the consistency level its clients ask for:
// the Java driver's "Not enough replicas available for query at consistency QUORUM (2 required but
// only 1 alive)". The client pods stay Ready; the cause is the members — one held Terminating on a
// node that stopped posting status, one crash-looping on its own commit log — never the client.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { listDownMembers, pickClusterDownService, shortenReason } from '../../../../src/domain/triage/cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, crashLooping, minutesAgo, node, pod, service } from '../scenarios/builders.js';

const DEAD = 'ip-10-0-42-17.eu-west-1.compute.internal';
const LIVE = 'ip-10-0-41-9.eu-west-1.compute.internal';
const UNAVAILABLE = 'com.datastax.oss.driver.api.core.servererrors.UnavailableException: Not enough replicas available for query at consistency QUORUM (2 required but only 1 alive)';
const PY_UNAVAILABLE = `cassandra.Unavailable: Error from server: code=1000 [Unavailable exception] message="Cannot achieve consistency level QUORUM" info={'consistency': 'QUORUM', 'required_replicas': 2, 'alive_replicas': 1}`;
const RING_SVC = service({ name: 'ring', selector: { app: 'ring' }, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 9042, protocol: 'TCP' }] });
const COMMIT_LOG = [
  'INFO  [main] 2026-11-21 03:10:01,118 CommitLog.java:195 - Replaying /var/lib/cassandra/commitlog/CommitLog-7-1795228710446.log, /var/lib/cassandra/commitlog/CommitLog-7-1795228710447.log',
  'ERROR [main] 2026-11-21 03:10:07,502 JVMStabilityInspector.java:196 - Exiting due to error while processing commit log during initialization.',
  'org.apache.cassandra.db.commitlog.CommitLogReadHandler$CommitLogReadException: Mutation checksum failure at 28611094 in Next section at 28442373 in CommitLog-7-1795228710447.log',
  '\tat org.apache.cassandra.db.commitlog.CommitLogReplayer.handleUnrecoverableError(CommitLogReplayer.java:522)',
  '\tat org.apache.cassandra.service.CassandraDaemon.setup(CassandraDaemon.java:360)',
];

function member(i: number, o: { held?: boolean; crashing?: boolean } = {}) {
  return pod(i, {
    name: `ring-${i}`,
    labels: { app: 'ring' },
    nodeName: o.held ? DEAD : LIVE,
    ready: !o.held && !o.crashing,
    containers: [o.crashing
      ? crashLooping(`ring-${i}`, { terminated: { exitCode: 100, reason: 'Error', finishedAt: minutesAgo(2) } }, 9, { name: 'cassandra' })
      : container({ name: 'cassandra', ready: !o.held })],
    ...(o.held ? { deletionTimestamp: minutesAgo(46) } : {}),
  });
}

const deadNode = node(DEAD, { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: minutesAgo(52) }] });

function members(over: Partial<DependencyMembersEvidence> = {}): DependencyMembersEvidence {
  return {
    namespace: 'payments',
    service: 'ring',
    pods: [member(0), member(1, { held: true }), member(2, { crashing: true })],
    nodeLosses: [],
    nodes: [deadNode],
    logs: [{ pod: 'ring-2', container: 'cassandra', previous: true, lines: COMMIT_LOG }],
    ...over,
  };
}

function scenario(lines: readonly string[], dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1, 2].map((i) => pod(i));
  const base = baseEvidence();
  return baseEvidence({
    pods,
    services: [...base.services, RING_SVC],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('a Cassandra cluster with too few replicas alive for QUORUM', () => {
  it('is followed to the Service whose port is CQL\'s, from the Java and the Python driver\'s words', () => {
    expect(pickClusterDownService(scenario([UNAVAILABLE, UNAVAILABLE]))).toEqual({ name: 'ring', namespace: 'payments' });
    expect(pickClusterDownService(scenario([PY_UNAVAILABLE, PY_UNAVAILABLE]))).toEqual({ name: 'ring', namespace: 'payments' });
  });

  it('names the consistency lost and each down member with its own reason', () => {
    const [f] = analyzeDependencyClusterDown(scenario([UNAVAILABLE, UNAVAILABLE], [members()]));
    expect(f?.title).toMatch(/^Cassandra cluster ring cannot reach consistency QUORUM \(2 required but only 1 alive\)/);
    expect(f?.title).toMatch(/ring-1 Terminating on node ip-10-0-42-17[^;]*not Ready \(Unknown\)/);
    expect(f?.title).toMatch(/ring-2 crash-looping \(exit 100\): CommitLogReadException: Mutation checksum failure/);
    expect(f?.title).not.toMatch(/org\.apache/);
    expect(f?.evidence.join('\n')).toMatch(/log ring-2 \(previous run\):[^\n]*CommitLog-7-1795228710447\.log/);
    expect(f?.nextAction).toMatch(/enough replicas are alive again/);
    expect(f?.nextAction).toMatch(/fix what stops ring-2 at every start/);
    expect(f?.nextAction).not.toMatch(/primary/);
  });

  it('reads the Python driver\'s counts', () => {
    const [f] = analyzeDependencyClusterDown(scenario([PY_UNAVAILABLE, PY_UNAVAILABLE], [members()]));
    expect(f?.title).toMatch(/cannot reach consistency QUORUM \(2 required but only 1 alive\)/);
  });

  it('puts the lost quorum and the down members in the headline, not the client', () => {
    const report = buildTriageReport(scenario([UNAVAILABLE, UNAVAILABLE, UNAVAILABLE], [members()]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/QUORUM/);
    expect(report.headline).toMatch(/ring-1/);
    expect(report.headline).toMatch(/ring-2/);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });

  it('keeps a member crashing without a log read as crash-looping with its exit code', () => {
    const down = listDownMembers([member(2, { crashing: true })]);
    expect(down.map((d) => d.state)).toEqual(['crash-looping (exit 100)']);
  });

  it('shortens a log line to its reason', () => {
    expect(shortenReason('[2026-11-21 03:10:07,502] ERROR Shutdown broker because all log dirs in /var/lib/kafka/data have failed (kafka.log.LogManager)'))
      .toBe('Shutdown broker because all log dirs in /var/lib/kafka/data have failed');
    expect(shortenReason('java.io.IOException: No space left on device')).toBe('IOException: No space left on device');
  });
});
