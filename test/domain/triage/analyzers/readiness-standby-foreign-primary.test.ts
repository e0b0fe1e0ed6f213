// A standby whose readiness probe checks that it streams: the probe's message is only the symptom.
// Its own log says its primary is another database cluster; the primary's new claim is the since,
// and the action is a re-seed from the new primary, not a restart.
import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, pod, running, service, workload } from '../scenarios/builders.js';

const PROBE = { type: 'exec' as const, command: 'sh -c "psql -Atc \'select status from pg_stat_wal_receiver\' | grep -q streaming"', periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 };
const DIFFERS = '2026-11-21 03:12:05.000 UTC [4410] FATAL:  database system identifier differs between the primary and standby';
const DETAIL = "2026-11-21 03:12:05.000 UTC [4410] DETAIL:  The primary's identifier is 7111111111111111111, the standby's identifier is 7000000000000000000.";

function standby(withPrimary: boolean): TriageEvidence {
  const p = pod(0, {
    name: 'payroll-pg-standby-0', labels: { app: 'payroll-pg-standby' }, ready: false, createdAt: minutesAgo(20 * 24 * 60),
    containers: [container({ name: 'postgres', ready: false, state: running(20 * 24 * 60), probes: { readiness: PROBE } })],
    volumes: [{ name: 'data', source: 'pvc', ref: 'data-payroll-pg-standby-0' }],
  });
  return baseEvidence({
    target: { service: 'payroll-pg-standby', namespace: NS, kind: 'StatefulSet', name: 'payroll-pg-standby' },
    workload: workload({ kind: 'StatefulSet', name: 'payroll-pg-standby', specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 1 }),
    pods: [p],
    revisions: [],
    hpas: [],
    services: [service({ name: 'payroll-pg', selector: { app: 'payroll-pg' } })],
    endpointSlices: [],
    pvcs: [{ name: 'data-payroll-pg-standby-0', phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: ['payroll-pg-standby-0'], createdAt: minutesAgo(90 * 24 * 60) }],
    events: [event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: not streaming', count: 200, firstSeen: minutesAgo(36), lastSeen: minutesAgo(0.1) })],
    logs: [{ pod: p.name, container: 'postgres', previous: false, lines: [DIFFERS, DETAIL, DIFFERS, DETAIL] }],
    ...(withPrimary ? {
      standbyPrimary: {
        service: 'payroll-pg',
        pod: pod(1, { name: 'payroll-pg-0', labels: { app: 'payroll-pg' }, createdAt: minutesAgo(34.5), ownerWorkload: { kind: 'StatefulSet', name: 'payroll-pg' } }),
        logs: [{ pod: 'payroll-pg-0', container: 'postgres', previous: false, lines: ['PostgreSQL init process complete; ready for start up.'] }],
        claims: [{ name: 'data-payroll-pg-0', phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: ['payroll-pg-0'], createdAt: minutesAgo(35) }],
        volumes: [],
      },
    } : {}),
  });
}

describe('readiness of a standby whose primary is another database cluster', () => {
  it('reads its own log, not the probe message: the primary re-created on a new claim is the since, a re-seed the action', () => {
    const [f] = analyzeReadinessProbes(standby(true));
    expect(f?.title).toMatch(/standby payroll-pg-standby-0 cannot stream: its primary is another database cluster now/);
    expect(f?.decisive).toBe('database system identifier differs between the primary and standby');
    expect(f?.onset).toBe(minutesAgo(35));
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.fix).toMatch(/^re-seed payroll-pg-standby-0 from the new primary payroll-pg-0 \(pg_basebackup/);
    const r = buildTriageReport(standby(true), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/system identifier differs/);
    expect(r.headline).toMatch(/payroll-pg-0 \(StatefulSet payroll-pg\) was re-created 35m ago on a new claim data-payroll-pg-0/);
    expect(r.headline).toMatch(/Re-seed payroll-pg-standby-0/);
    expect(r.headline).not.toMatch(/no change found|Fix what the readiness endpoint reports|roll ?back/i);
  });

  it('still names the mechanism and the re-seed when the primary could not be read', () => {
    const [f] = analyzeReadinessProbes(standby(false));
    expect(f?.title).toMatch(/its primary is another database cluster now/);
    expect(f?.datesChange).toBeUndefined();
    expect(f?.nextAction).toMatch(/First check that the address it streams from is the primary it should follow/);
  });
});

describe('readiness of a standby whose primary removed the WAL it needs', () => {
  it('reads its own log and advises a re-seed, not what the probe message says', () => {
    const ev = standby(false);
    ev.logs = [{ pod: 'payroll-pg-standby-0', container: 'postgres', previous: false, lines: ['FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment 00000001000000040000002B has already been removed'] }];
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toMatch(/standby payroll-pg-standby-0 cannot catch up — the primary already removed the WAL it needs/);
    expect(f?.fix).toMatch(/^re-seed payroll-pg-standby-0 from the primary \(pg_basebackup/);
  });
});
