// A MySQL read replica whose SQL thread stopped on a duplicate key: its clients stay Ready and only
// warn that its lag grows. The replica's own log names the error; the Job given the read address
// that started just before is the trigger; the client's read DSN (not its writer's) names the replica.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { NamespaceJobEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const ENV = [
  { name: 'DB_WRITE_DSN', value: 'orders_app@tcp(orders-mysql-primary.payments.svc.cluster.local:3306)/orders' },
  { name: 'DB_READ_DSN', value: 'orders_ro@tcp(orders-mysql-read.payments.svc.cluster.local:3306)/orders' },
];
const behind = (m: number, lag: number) => `{"level":"warn","time":"${minutesAgo(m)}","msg":"read replica is behind","lag_seconds":${lag},"threshold_seconds":30}`;
const STOPPED = "2026-11-21T01:47:00.118Z 14 [ERROR] [MY-010584] [Repl] Replica SQL for channel '': Worker 1 failed executing transaction 'ANONYMOUS'; Could not execute Write_rows event on table orders.holds; Duplicate entry '5501' for key 'holds.PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY";

function scenario(jobs: NamespaceJobEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  const replica = pod(7, { name: 'orders-mysql-1', labels: { app: 'orders-mysql' }, containers: [container({ name: 'mysql' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [behind(40, 120), behind(20, 1320), behind(5, 2220)] })),
    dependencyPods: [{ service: 'orders-mysql-read', pod: replica, logs: [{ pod: 'orders-mysql-1', container: 'mysql', previous: false, lines: [STOPPED] }] }],
    namespaceJobs: { jobs, complete: true },
  });
}

describe('a MySQL read replica whose SQL thread stopped', () => {
  const backfill: NamespaceJobEvidence = { name: 'holds-backfill', createdAt: minutesAgo(50), state: 'complete', finishedAt: minutesAgo(45), commandAndEnv: ['backfill', 'DB_DSN=tools@tcp(orders-mysql-read.payments.svc.cluster.local:3306)/orders'] };

  it('reads the replica behind the read DSN, not the writer', () => {
    expect(listExplainedServices(scenario([]))).toEqual([{ namespace: 'payments', name: 'orders-mysql-read' }]);
  });

  it("names the replica, its stopped SQL thread with the duplicate key, and the Job that wrote to it", () => {
    const [f] = analyzeDependencyRefusals(scenario([backfill]));
    expect(f?.title).toMatch(/^MySQL orders-mysql-read serves stale reads/);
    expect(f?.title).toContain("replica SQL thread stopped on error 1062 (Duplicate entry '5501' for key 'holds.PRIMARY')");
    expect(f?.title).toContain('Job holds-backfill');
    expect(f?.fix).toMatch(/START REPLICA/);
    expect(f?.fix).toMatch(/super_read_only/);
  });

  it('is a problem, not an all-clear, though every pod is ready', () => {
    const r = buildTriageReport(scenario([backfill]), { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/orders-mysql-read serves stale reads/);
  });
});
