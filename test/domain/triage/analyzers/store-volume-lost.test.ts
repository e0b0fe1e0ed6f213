// A database re-created on an empty volume under an app that did not change: the app's queries find
// its tables missing; the data must come back from a backup, not from a rollback of the app.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { StoreVolumeEvidence } from '../../../../src/domain/triage/evidence-store-volume.js';
import { analyzeStoreVolumeLost } from '../../../../src/domain/triage/analyzers/store-volume-lost.js';
import { analyzeSchemaMismatch } from '../../../../src/domain/triage/analyzers/schema-mismatch.js';
import { pickMissingTableStore } from '../../../../src/domain/triage/store-volume-loss.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod, service } from '../scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const MISSING = 'Caused by: java.sql.SQLSyntaxErrorException: Table \'shop.customers\' doesn\'t exist';
const INIT = '2026-11-21 02:10:03+00:00 [Note] [Entrypoint]: Initializing database files';

function appPod(i: number): PodEvidence {
  return pod(i, { ready: false, containers: [container({ env: [{ name: 'DATABASE_URL', value: 'jdbc:mysql://shop-mysql.payments.svc.cluster.local:3306/shop' }] })] });
}

function store(o: { volumeAgo: number; log?: string[]; reclaimPolicy?: string }): StoreVolumeEvidence {
  const db = pod(0, { name: 'shop-mysql-0', labels: { app: 'shop-mysql' }, ownerWorkload: { kind: 'StatefulSet', name: 'shop-mysql' }, createdAt: minutesAgo(o.volumeAgo - 0.5), volumes: [{ name: 'data', source: 'pvc', ref: 'data-shop-mysql-0' }] });
  return {
    service: 'shop-mysql',
    pod: db,
    logs: [{ pod: db.name, container: 'mysql', previous: false, lines: o.log ?? [] }],
    claims: [{ name: 'data-shop-mysql-0', phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: [db.name], volumeName: 'pvc-7f1d', createdAt: minutesAgo(o.volumeAgo) }],
    volumes: [{ name: 'pvc-7f1d', claim: 'payments/data-shop-mysql-0', phase: 'Bound', nodeAffinity: [], storageClass: 'gp3', reclaimPolicy: o.reclaimPolicy ?? 'Delete', createdAt: minutesAgo(o.volumeAgo) }],
  };
}

function scenario(storeVolume?: StoreVolumeEvidence): TriageEvidence {
  const pods = [0, 1, 2].map(appPod);
  return baseEvidence({
    pods,
    services: [service(), service({ name: 'shop-mysql', selector: { app: 'shop-mysql' } })],
    logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: true, lines: ['starting checkout 2.14.0', MISSING] })),
    ...(storeVolume ? { storeVolume } : {}),
  });
}

describe('a database re-created on an empty volume', () => {
  it('asks for the database its env names once its logs say a table is missing', () => {
    const ev = scenario();
    expect(pickMissingTableStore(ev)).toBe('shop-mysql');
    expect(pickMissingTableStore({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: ['starting checkout 2.14.0'] })) })).toBeUndefined();
    // A missing column is code and schema disagreeing, not a lost database.
    expect(pickMissingTableStore({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: ["Unknown column 'c.tier' in 'field list'"] })) })).toBeUndefined();
  });

  it('names the new volume, its reclaim policy and the initialization, and advises a restore, never a rollback', () => {
    const ev = scenario(store({ volumeAgo: 50, log: [INIT, '2026-11-21 02:10:09+00:00 [Note] [Entrypoint]: MySQL init process done. Ready for start up.'] }));
    const [f] = analyzeStoreVolumeLost(ev);
    expect(f?.title).toContain("shop-mysql's volume was re-created 50m ago");
    expect(f?.title).toContain("StatefulSet shop-mysql's claim data-shop-mysql-0 is bound to a new empty volume pvc-7f1d (gp3, reclaimPolicy Delete");
    expect(f?.title).toContain("Table 'shop.customers' doesn't exist");
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain(`log shop-mysql-0: ${INIT}`);
    expect(f?.nextAction).toMatch(/backup or volume snapshot/);
    expect(f?.nextAction).toMatch(/persistentVolumeReclaimPolicy Retain/);
    expect(analyzeSchemaMismatch(ev)).toEqual([]);
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/^Database data gone/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('holds on the volume alone when the log tail no longer shows the initialization', () => {
    const [f] = analyzeStoreVolumeLost(scenario(store({ volumeAgo: 40 })));
    expect(f?.confidence).toBe('medium');
  });

  it('says nothing of a volume older than the app\'s pods or than two hours, or of a database that found its data', () => {
    expect(analyzeStoreVolumeLost(scenario(store({ volumeAgo: 5 * 24 * 60 })))).toEqual([]);
    expect(analyzeStoreVolumeLost(scenario(store({ volumeAgo: 3 * 60, log: [INIT] })))).toEqual([]);
    const persisted = store({ volumeAgo: 50, log: ['postgresql 02:24:33.23 INFO  ==> Deploying PostgreSQL with persisted data...'] });
    expect(analyzeStoreVolumeLost(scenario(persisted))).toEqual([]);
    expect(analyzeStoreVolumeLost(scenario())).toEqual([]);
    expect(analyzeSchemaMismatch(scenario(store({ volumeAgo: 5 * 24 * 60 })))).toHaveLength(1);
  });
});
