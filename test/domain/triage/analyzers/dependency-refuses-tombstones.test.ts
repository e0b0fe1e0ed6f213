// Cassandra aborts reads that scan more tombstones than tombstone_failure_threshold: the driver's
// ReadFailureException names READ_TOO_MANY_TOMBSTONES per replica, the replicas' own log names the
// table ("Scanned over 100001 tombstones during query 'SELECT … FROM ks.table …'; query aborted").
// The client's contact points live in a mounted file, so the Service is found by its CQL port.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, baseEvidence, minutesAgo, pod, revision, service } from '../scenarios/builders.js';

const failed = (m: number, shard: number) => [
  `${minutesAgo(m)} ERROR 1 --- [dispatcher] [shard-poller-1] c.a.n.dispatch.ShardPoller : Poll of shard ${shard} failed (replica failures: {/10.0.4.11:7000=READ_TOO_MANY_TOMBSTONES, /10.0.4.12:7000=READ_TOO_MANY_TOMBSTONES}), will retry in 2s`,
  'com.datastax.oss.driver.api.core.servererrors.ReadFailureException: Cassandra failure during read query at consistency LOCAL_QUORUM (2 responses were required but only 0 replica responded, 2 failed)',
  '\tat com.datastax.oss.driver.api.core.servererrors.ReadFailureException.copy(ReadFailureException.java:135)',
];
const cassandraLog = [
  'WARN  [ReadStage-3] 2026-11-21 01:02:03,123 ReadCommand.java:617 - Read 0 live rows and 96117 tombstone cells for query SELECT * FROM outbox.pending_events WHERE shard = 3 LIMIT 200; token -3485513579396041028 (see tombstone_warn_threshold)',
  "ERROR [ReadStage-5] 2026-11-21 03:10:01,004 ReadCommand.java:534 - Scanned over 100001 tombstones during query 'SELECT * FROM outbox.pending_events WHERE shard = 3 LIMIT 200' (last scanned row token was -3485513579396041028 and partion key was (3)); query aborted",
];

// The driver names no reason: only the replicas' own log says the reads were aborted on tombstones.
const bare = (m: number) => [
  `${minutesAgo(m)} ERROR 1 --- [dispatcher] [poller-1] c.a.o.relay.OutboxPoller : poll of shard 3 failed, retrying in 5s`,
  'com.datastax.oss.driver.api.core.servererrors.ReadFailureException: Cassandra failure during read query at consistency LOCAL_QUORUM (2 responses were required but only 0 replica responded, 2 failed)',
  '\tat com.datastax.oss.driver.api.core.servererrors.ReadFailureException.copy(ReadFailureException.java:127)',
];
const cassandraLogWithKey = [
  "ERROR [ReadStage-2] 2026-11-21 03:10:01,004 StorageProxy.java:2139 - Scanned over 100001 tombstones during query 'SELECT * FROM outbox.pending_events WHERE shard = 3 AND day = 20261121 LIMIT 500' (last scanned row token was -3485513579396041028 and partion key was ((3, 20261121))); query aborted",
];

function bareScenario(serverLines: readonly string[] | undefined): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  const cass = pod(0, { name: 'cassandra-0', labels: { app: 'cassandra' } });
  return baseEvidence({
    pods,
    services: [service(), service({ name: 'cassandra', clusterIP: 'None', selector: { app: 'cassandra' }, ports: [{ name: 'cql', port: 9042, targetPort: 9042, protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...bare(30), ...bare(12), ...bare(2)] })),
    ...(serverLines ? { dependencyPods: [{ service: 'cassandra', namespace: NS, pod: cass, logs: [{ pod: 'cassandra-0', container: 'cassandra', previous: false, lines: [...serverLines] }] }] } : {}),
  });
}

function scenario(withServerLog: boolean): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  const cass = pod(0, { name: 'cassandra-0', labels: { app: 'cassandra' } });
  return baseEvidence({
    pods,
    services: [service(), service({ name: 'cassandra', clusterIP: 'None', selector: { app: 'cassandra' }, ports: [{ name: 'cql', port: 9042, targetPort: 9042, protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...failed(30, 3), ...failed(12, 7), ...failed(2, 3)] })),
    ...(withServerLog ? { dependencyPods: [{ service: 'cassandra', namespace: NS, pod: cass, logs: [{ pod: 'cassandra-0', container: 'cassandra', previous: false, lines: cassandraLog }] }] } : {}),
  });
}

describe('Cassandra aborting reads over too many tombstones', () => {
  it('names tombstones from the driver\'s READ_TOO_MANY_TOMBSTONES alone, and the Service by its CQL port', () => {
    const [f] = analyzeDependencyRefusals(scenario(false));
    expect(f?.title).toMatch(/^Cassandra cassandra refuses reads that scan past its tombstone_failure_threshold — its replicas answer READ_TOO_MANY_TOMBSTONES/);
    expect(f?.likelyCause).toMatch(/gc_grace_seconds/);
    expect(f?.likelyCause).toMatch(/DELETE/);
    expect(f?.fix).toMatch(/gc_grace_seconds/);
    expect(f?.fix).toMatch(/raising tombstone_failure_threshold only buys time/);
  });

  it('asks for the Cassandra pods\' own log, found by the port when the client\'s env has no address', () => {
    const ev = scenario(false);
    expect(listExplainedServices(ev)).toEqual([{ namespace: NS, name: 'cassandra' }]);
  });

  it('names the table the replicas aborted reads of, from their own log', () => {
    const [f] = analyzeDependencyRefusals(scenario(true));
    expect(f?.title).toContain('its replicas abort reads of outbox.pending_events (partition key 3) that scan over 100001 tombstones (TombstoneOverwhelmingException)');
    expect(f?.fix).toMatch(/start with table outbox\.pending_events/);
    expect(f?.evidence.some((e) => /log cassandra-0 \(Cassandra\): .*Scanned over 100001 tombstones/.test(e))).toBe(true);
  });

  it('puts tombstones in the headline, blames no rollout and advises no rollback', () => {
    const report = buildTriageReport(scenario(true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/tombstone/);
    expect(report.headline).toMatch(/outbox\.pending_events/);
    expect(report.headline).not.toMatch(/roll back to/i);
  });

  it('asks for the Cassandra pods\' own log when the driver says only that a read failed at its consistency level', () => {
    expect(listExplainedServices(bareScenario(undefined))).toEqual([{ namespace: NS, name: 'cassandra' }]);
  });

  it('claims no tombstones from a bare read failure the replicas\' log does not explain', () => {
    expect(analyzeDependencyRefusals(bareScenario(undefined))).toEqual([]);
    expect(analyzeDependencyRefusals(bareScenario(['INFO  [main] 2026-11-21 01:00:00,000 StorageService.java:1 - Node is up']))).toEqual([]);
  });

  it('names tombstones, the table, its partition and the threshold when the replicas\' log says the bare read failures were aborted on them', () => {
    const [f] = analyzeDependencyRefusals(bareScenario(cassandraLogWithKey));
    expect(f?.title).toMatch(/^Cassandra cassandra refuses reads that scan past its tombstone_failure_threshold — its replicas abort reads of outbox\.pending_events \(partition key 3, 20261121\) that scan over 100001 tombstones \(TombstoneOverwhelmingException/);
    expect(f?.title).not.toMatch(/READ_TOO_MANY_TOMBSTONES/);
    const report = buildTriageReport(bareScenario(cassandraLogWithKey), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/tombstone/);
    expect(report.headline).toMatch(/outbox\.pending_events/);
  });

  it('names the pods\' revision rolled out within a tombstone\'s life as the possible start of the pile-up, hedged, and not an older one', () => {
    const recent = bareScenario(cassandraLogWithKey);
    const [f] = analyzeDependencyRefusals(recent);
    expect(f?.likelyCause).toMatch(/These pods run revision 6, rolled out 9d ago[^.]*: if that revision began deleting these rows/);
    const old = { ...recent, revisions: recent.revisions.map((r) => (r.revision === REV6.revision ? revision(REV6, minutesAgo(20 * 24 * 60)) : r)) };
    expect(analyzeDependencyRefusals(old)[0]?.likelyCause).not.toMatch(/revision 6/);
  });
});
