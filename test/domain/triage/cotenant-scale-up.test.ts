import { describe, expect, it } from 'vitest';
import { findCotenantScaleUp, findRefusingHosts, matchesHost } from '../../../src/domain/triage/cotenant-scale-up.js';
import type { CotenantScaleUpEvidence } from '../../../src/domain/triage/evidence-cotenant-scale-ups.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, event, minutesAgo, pod } from './scenarios/builders.js';

const HOST = 'pgbouncer.shop.svc.cluster.local';
const refused = (m: number) => `2026-11-21 03:${String(m).padStart(2, '0')}:00,000 ERROR connection to server at "${HOST}" (10.96.4.2), port 6432 failed: FATAL:  no more connections allowed (max_client_conn)`;

function cotenant(over: Partial<CotenantScaleUpEvidence> = {}): CotenantScaleUpEvidence {
  return {
    deployment: 'export-worker',
    replicas: 24,
    replicasOwners: [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', at: minutesAgo(25) }],
    sharedHost: HOST,
    sharedEnv: 'DATABASE_URL',
    events: [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set export-worker-6d9f8b7c5 from 8 to 24', object: { kind: 'Deployment', name: 'export-worker', namespace: 'shop' }, firstSeen: minutesAgo(25), lastSeen: minutesAgo(25) })],
    ...over,
  };
}

function evidence(c: CotenantScaleUpEvidence[]) {
  const lines = [0, 2, 4, 6, 8, 10].map(refused);
  return baseEvidence({ logs: [0, 1].map((i) => ({ pod: pod(i).name, container: 'app', previous: false, lines })), cotenantScaleUps: c });
}

describe('co-tenant scale-up of a shared connection cap', () => {
  it('reads the host a refusal names and ties an env value to it', () => {
    expect(findRefusingHosts([{ pod: 'p', container: 'app', previous: false, lines: [refused(1)] }])).toEqual([HOST]);
    expect(matchesHost(`postgres://app@${HOST}:6432/shop`, [HOST])).toBe(HOST);
    expect(matchesHost('postgres://app@orders-db.shop.svc:5432/shop', [HOST])).toBeUndefined();
  });

  it("names another Deployment's hand scale-up of the same PgBouncer as the trigger, and scaling it back as the action", () => {
    const report = buildTriageReport(evidence([cotenant()]), { startedAt: '2026-11-21T03:14:00Z', finishedAt: '2026-11-21T03:14:01Z' });
    expect(report.headline).toMatch(/max_client_conn/);
    expect(report.headline).toMatch(/export-worker, which also connects to pgbouncer\.shop\.svc\.cluster\.local \(DATABASE_URL\), was scaled up from 8 to 24 by kubectl 25m ago/);
    expect(report.headline).toMatch(/Scale export-worker back to 8 replicas/);
    expect(report.headline).not.toMatch(/roll back/i);
  });

  it('ignores a scale-down and a scale-up long before the refusals', () => {
    const down = cotenant({ events: [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled down replica set export-worker-6d9f8b7c5 from 24 to 8', object: { kind: 'Deployment', name: 'export-worker', namespace: 'shop' }, firstSeen: minutesAgo(25), lastSeen: minutesAgo(25) })], replicasOwners: [] });
    expect(findCotenantScaleUp(evidence([down]), minutesAgo(12))).toBeUndefined();
    expect(findCotenantScaleUp(evidence([cotenant()]), minutesAgo(-400 + 25 - 400))).toBeUndefined();
  });
});
