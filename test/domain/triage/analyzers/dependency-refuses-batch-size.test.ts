import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, service } from '../scenarios/builders.js';

// A writer whose batch size was raised in the ConfigMap it takes its variables from, picked up by a
// `kubectl rollout restart` (a revision of the same template): Cassandra refuses every batch over
// its batch_size_fail_threshold. The change is the ConfigMap's value; a rollback keeps it.
const REFUSED = 'com.datastax.oss.driver.api.core.servererrors.InvalidQueryException: Batch too large';
const SERVER_SAYS = 'ERROR [Native-Transport-Requests-3] 2026-11-21 03:02:11,412 BatchStatement.java:308 - Batch for [metrics.points] is of size 301.220KiB, exceeding specified threshold of 50.000KiB by 251.220KiB. (see batch_size_fail_threshold)';

function writes(minutesBack: number): string[] {
  const t = minutesAgo(minutesBack);
  return [`${t} ERROR 1 --- [writer-1] c.a.points.Sink : batch write failed (800 rows, attempt 1/5)`, REFUSED, '\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)'];
}

function scenario(): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20), containers: [container({ envFrom: [{ kind: 'configMap', name: 'points-writer-config' }] })] }));
  const cassandra = pod(8, { name: 'cassandra-0', labels: { app: 'cassandra' }, containers: [container({ name: 'cassandra' })] });
  const base = baseEvidence({
    pods,
    services: [service(), service({ name: 'cassandra', selector: { app: 'cassandra' }, ports: [{ name: 'cql', port: 9042, targetPort: '9042', protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...writes(18), ...writes(12), ...writes(6)] })),
    dependencyPods: [{ service: 'cassandra', pod: cassandra, logs: [{ pod: 'cassandra-0', container: 'cassandra', previous: false, lines: [SERVER_SAYS] }] }],
  });
  return {
    ...base,
    // `kubectl rollout restart`: revision 7 differs from 6 only by its restartedAt annotation, which the diff leaves out.
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(20), { replicas: 3 })],
    namespaceObjects: [{ kind: 'ConfigMap', name: 'points-writer-config', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(22), keys: ['CASSANDRA_KEYSPACE', 'WRITE_BATCH_SIZE', 'WRITE_LINGER_MS'] }],
  };
}

describe('Cassandra refusing batches over its batch_size_fail_threshold', () => {
  it("names the refusal, the server's own numbers, and the client's batch-size variable where it is kept", () => {
    const f = analyzeDependencyRefusals(scenario()).find((x) => x.id.startsWith('dependency-refuses/Cassandra'));
    expect(f?.title).toMatch(/^Cassandra cassandra refuses batches over its batch_size_fail_threshold — its log: batches of 301\.220KiB for metrics\.points, over 50\.000KiB/);
    expect(f?.fix).toMatch(/^lower WRITE_BATCH_SIZE in ConfigMap points-writer-config \(envFrom\)/);
    expect(f?.affected?.configMaps).toEqual(['points-writer-config']);
  });

  it('dates it from the ConfigMap edit the restart picked up and offers no rollback', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since ConfigMap points-writer-config was changed 22m ago and picked up by revision 7, a restart of the same template \(20m ago\): Cassandra cassandra refuses batches/);
    expect(report.headline).toMatch(/WRITE_BATCH_SIZE/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });
});
