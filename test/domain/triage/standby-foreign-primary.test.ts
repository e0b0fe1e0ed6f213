// A streaming standby whose own log says its primary's system identifier differs: the primary is
// another database cluster now. Which Service to read for it, and the reading — with the primary's
// new claim and initdb as the since, and a re-seed (not a restart) as the fix.
import { describe, expect, it } from 'vitest';
import { explainStandbyForeignPrimary, findForeignPrimary, pickStandbyPrimaryService } from '../../../src/domain/triage/standby-foreign-primary.js';
import type { StoreVolumeEvidence } from '../../../src/domain/triage/evidence-store-volume.js';
import { NOW, container, minutesAgo, pod, service } from './scenarios/builders.js';

const DIFFERS = '2026-11-21 03:12:05.000 UTC [4410] FATAL:  database system identifier differs between the primary and standby';
const DETAIL = "2026-11-21 03:12:05.000 UTC [4410] DETAIL:  The primary's identifier is 7111111111111111111, the standby's identifier is 7000000000000000000.";
const REFUSED = '2026-11-21 02:31:00.000 UTC [4101] FATAL:  could not connect to the primary server: connection to server at "payroll-pg.payroll.svc.cluster.local" (172.20.4.9), port 5432 failed: Connection refused';
const target = { service: 'payroll-pg-standby', namespace: 'payroll', kind: 'StatefulSet' as const, name: 'payroll-pg-standby' };
const standby = pod(0, { name: 'payroll-pg-standby-0', labels: { app: 'payroll-pg-standby' }, createdAt: minutesAgo(20 * 24 * 60), containers: [container({ name: 'postgres' })], volumes: [{ name: 'data', source: 'pvc', ref: 'data-payroll-pg-standby-0' }] });
const services = [
  service({ name: 'payroll-pg', selector: { app: 'payroll-pg' } }),
  service({ name: 'payroll-pg-read', selector: { app: 'payroll-pg-standby' } }),
];
const logs = (lines: string[]) => [{ pod: 'payroll-pg-standby-0', container: 'postgres', previous: false, lines }];
const ownClaim = { name: 'data-payroll-pg-standby-0', phase: 'Bound' as const, accessModes: ['ReadWriteOnce'], usedByPods: ['payroll-pg-standby-0'], createdAt: minutesAgo(90 * 24 * 60) };

function primary(opts: { claimAgo: number; log: string[] }): StoreVolumeEvidence {
  return {
    service: 'payroll-pg',
    pod: pod(1, { name: 'payroll-pg-0', labels: { app: 'payroll-pg' }, createdAt: minutesAgo(opts.claimAgo - 0.5), ownerWorkload: { kind: 'StatefulSet', name: 'payroll-pg' } }),
    logs: [{ pod: 'payroll-pg-0', container: 'postgres', previous: false, lines: opts.log }],
    claims: [{ name: 'data-payroll-pg-0', phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: ['payroll-pg-0'], createdAt: minutesAgo(opts.claimAgo) }],
    volumes: [],
  };
}
const INITDB = [
  'The files belonging to this database system will be owned by user "postgres".',
  '/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/01-load.sh',
  'PostgreSQL init process complete; ready for start up.',
];

describe('a standby whose primary is another database cluster', () => {
  it('reads its line, count and both identifiers', () => {
    expect(findForeignPrimary([REFUSED, DIFFERS, DETAIL, DIFFERS])).toEqual({
      line: 'database system identifier differs between the primary and standby', count: 2,
      identifiers: { primary: '7111111111111111111', standby: '7000000000000000000' },
    });
    expect(findForeignPrimary(['LOG:  started streaming WAL from primary at 3/A1000000 on timeline 1'])).toBeUndefined();
  });

  it('reads the Service its own log names as the primary, never one of its own, and nothing while it streams', () => {
    const pods = [standby];
    expect(pickStandbyPrimaryService({ logs: logs([REFUSED, DIFFERS]), pods, target, services })).toBe('payroll-pg');
    expect(pickStandbyPrimaryService({ logs: logs([REFUSED, 'LOG:  started streaming WAL from primary']), pods, target, services })).toBeUndefined();
    // Its env names it (a primary_conninfo) when its log does not.
    const withEnv = [{ ...standby, containers: [container({ name: 'postgres', env: [{ name: 'PRIMARY_CONNINFO', value: 'host=payroll-pg port=5432 user=replicator' }] })] }];
    expect(pickStandbyPrimaryService({ logs: logs([DIFFERS]), pods: withEnv, target, services })).toBe('payroll-pg');
    // Else the only Service named as a primary's that selects none of its pods.
    const named = [service({ name: 'payroll-pg-rw', selector: { app: 'payroll-pg' } }), service({ name: 'payroll-pg-read', selector: { app: 'payroll-pg-standby' } })];
    expect(pickStandbyPrimaryService({ logs: logs([DIFFERS]), pods, target, services: named })).toBe('payroll-pg-rw');
    expect(pickStandbyPrimaryService({ logs: logs([DIFFERS]), pods, target, services })).toBeUndefined();
  });

  it('dates it by the primary re-created on a new claim where initdb ran, and advises a re-seed, not a restart', () => {
    const miss = explainStandbyForeignPrimary({ pods: [standby], pvcs: [ownClaim], collectedAt: NOW, standbyPrimary: primary({ claimAgo: 35, log: INITDB }) }, logs([REFUSED, DIFFERS, DETAIL, DIFFERS, DETAIL]));
    expect(miss?.decisive).toBe('database system identifier differs between the primary and standby');
    expect(miss?.scope).toMatch(/^standby payroll-pg-standby-0 cannot stream: its primary is another database cluster now \("database system identifier differs between the primary and standby", 2 times in its log\)/);
    expect(miss?.scope).toMatch(/payroll-pg-0 \(StatefulSet payroll-pg\) was re-created 35m ago on a new claim data-payroll-pg-0, where initdb made a new cluster on it and ran its init scripts \(01-load\.sh\)/);
    expect(miss?.onset).toBe(minutesAgo(35));
    expect(miss?.fix).toMatch(/^re-seed payroll-pg-standby-0 from the new primary payroll-pg-0 \(pg_basebackup into an emptied data directory/);
    expect(miss?.action).toMatch(/Restarting payroll-pg-standby-0 or payroll-pg-0 changes nothing/);
    expect(miss?.action).not.toMatch(/First check/);
    expect(miss?.outsideWorkload).toBeDefined();
    expect(miss?.evidence).toContain('log payroll-pg-0: PostgreSQL init process complete; ready for start up.');
  });

  it('dates nothing and asks to check the address when the primary was not read, or its data is older than the standby', () => {
    const unread = explainStandbyForeignPrimary({ pods: [standby], pvcs: [ownClaim], collectedAt: NOW }, logs([DIFFERS]));
    expect(unread?.onset).toBeUndefined();
    expect(unread?.fix).toMatch(/from the primary it should follow/);
    expect(unread?.action).toMatch(/First check that the address it streams from is the primary it should follow/);
    const old = explainStandbyForeignPrimary({ pods: [standby], pvcs: [ownClaim], collectedAt: NOW, standbyPrimary: primary({ claimAgo: 200 * 24 * 60, log: ['LOG:  database system is ready to accept connections'] }) }, logs([DIFFERS]));
    expect(old?.onset).toBeUndefined();
    expect(old?.scope).not.toMatch(/re-created/);
    expect(explainStandbyForeignPrimary({ pods: [standby], pvcs: [], collectedAt: NOW }, logs(['LOG:  started streaming WAL']))).toBeUndefined();
  });
});
