import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { pickTimedOutDatabase } from '../../../../src/domain/triage/database-locks.js';
import { listSyncStandbyConfigReads, parseStandbyNames } from '../../../../src/domain/triage/sync-standby.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { DependencyPodEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';

// payment-service's writes time out at COMMIT while its reads answer: its Postgres primary waits
// at every COMMIT for the synchronous standby its postgresql.conf names, and that standby's pod is
// Pending since a drain cordoned the only node in its volume's zone.
const COMMIT_TIMEOUT = '{"level":"ERROR","msg":"save payment","error":"timeout: context deadline exceeded","stage":"COMMIT","elapsed_ms":10002}';
const READ_OK = '{"level":"INFO","msg":"request","method":"GET","path":"/v1/payments/p_1","status":200}';
const PRIMARY_SAYS = [
  '2026-11-21 03:01:12.000 UTC [4102] WARNING:  canceling wait for synchronous replication due to user request',
  '2026-11-21 03:01:12.000 UTC [4102] DETAIL:  The transaction has already committed locally, but might not have been replicated to the standby.',
];
const UNSCHEDULABLE = '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

function primary(config = true): DependencyPodEvidence {
  const db = pod(7, { name: 'orders-pg-0', labels: { app: 'orders-pg' }, containers: [container({ name: 'postgres' })], volumes: [{ name: 'config', source: 'configMap', ref: 'orders-pg-conf' }] });
  return {
    service: 'orders-pg',
    pod: db,
    logs: [{ pod: db.name, container: 'postgres', previous: false, lines: PRIMARY_SAYS }],
    ...(config ? { config: [{ configMap: 'orders-pg-conf', key: 'postgresql.conf', setting: 'synchronous_standby_names', value: 'orders_replica' }, { configMap: 'orders-pg-conf', key: 'postgresql.conf', setting: 'synchronous_commit', value: 'on' }] } : {}),
  };
}

function scenario(over: { config?: boolean; warnings?: boolean } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: `postgres://app@orders-pg.${NS}.svc.cluster.local:5432/orders` }] })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [READ_OK, COMMIT_TIMEOUT, READ_OK, COMMIT_TIMEOUT, COMMIT_TIMEOUT] })),
    dependencyPods: [primary(over.config ?? true)],
    namespaceWarnings: over.warnings === false ? [] : [
      event({ object: { kind: 'Pod', name: 'orders-pg-replica-0', namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: UNSCHEDULABLE, count: 14, firstSeen: minutesAgo(41), lastSeen: minutesAgo(2), source: 'default-scheduler' }),
      event({ object: { kind: 'Pod', name: 'billing-7f9c-abcde', namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: UNSCHEDULABLE, count: 3, firstSeen: minutesAgo(30), lastSeen: minutesAgo(3), source: 'default-scheduler' }),
    ],
  });
}

describe('a Postgres primary whose commits wait for a synchronous standby that cannot run', () => {
  it('names synchronous replication, the setting and the Pending standby with why, not "a dependency times out"', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/orders-pg-0's commits wait for synchronous replication \(synchronous_standby_names = 'orders_replica'\)/);
    expect(report.headline).toMatch(/its standby orders-pg-replica-0 has been Pending since 41m ago \(the only node in its volume's zone is cordoned: 1 node\(s\) were unschedulable/);
    expect(report.headline).not.toMatch(/billing/);
    expect(report.headline).not.toMatch(/no change found/);
    const f = report.findings.find((x) => x.id.startsWith('sync-standby/'));
    expect(f?.nextAction).toMatch(/uncordon/);
    expect(f?.nextAction).toMatch(/clear synchronous_standby_names on the primary knowingly/);
  });

  it('finds the standby by the primary\'s own set name when the setting was not read', () => {
    const report = buildTriageReport(scenario({ config: false }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/commits wait for synchronous replication and its standby orders-pg-replica-0 has been Pending/);
  });

  it('says the standby is not connected when no member of it warns', () => {
    const report = buildTriageReport(scenario({ warnings: false }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/synchronous replication \(synchronous_standby_names = 'orders_replica'\) and its synchronous standby is not connected/);
  });
});

describe('reading the primary for commits that time out', () => {
  it('reads the database a URL names when the client\'s COMMITs run out of their deadline', () => {
    const ev = scenario();
    expect(pickTimedOutDatabase(ev)).toBe('orders-pg');
  });

  it('asks the primary\'s mounted ConfigMap for its synchronous settings only when its log waits for synchronous replication', () => {
    expect(listSyncStandbyConfigReads([primary(false)])).toEqual([{ service: 'orders-pg', configMaps: ['orders-pg-conf'], settings: ['synchronous_standby_names', 'synchronous_commit'] }]);
    expect(listSyncStandbyConfigReads([{ ...primary(false), logs: [] }])).toEqual([]);
  });

  it('parses the standby list forms', () => {
    expect(parseStandbyNames('FIRST 1 (a_one, "b-two")')).toEqual(['a_one', 'b-two']);
    expect(parseStandbyNames('*')).toEqual([]);
    expect(parseStandbyNames('replica_a')).toEqual(['replica_a']);
  });
});
