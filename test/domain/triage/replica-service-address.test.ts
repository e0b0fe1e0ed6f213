// Writes refused as read-only because the client's host is the replicas' Service (a read-only
// endpoint beside a read-write sibling), taken from a ConfigMap an edit changed and a restart loaded:
// the host, the Service it is and the edit are the verdict, and the fix points it back.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { SettingConfigEvidence } from '../../../src/domain/triage/evidence-setting-config.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findReplicaService } from '../../../src/domain/triage/replica-service.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV7, baseEvidence, container, minutesAgo, pod, revision, service } from './scenarios/builders.js';

const PG_REFUSED = (m: number) => `${minutesAgo(m)} error: cannot execute UPDATE in a read-only transaction`;
const MY_REFUSED = (m: number) => `${minutesAgo(m)} Error 1290 (HY000): The MySQL server is running with the --read-only option so it cannot execute this statement`;
const HOST = `ledger-pg-replica.${NS}.svc.cluster.local`;
const address = (written: string): SettingConfigEvidence => ({ mechanism: 'server-address', configMap: 'ledger-settings', key: written.split('=')[0] ?? '', via: 'envFrom', written });
const services = [
  service({ name: 'ledger-pg-primary', selector: { app: 'ledger-pg', role: 'primary' } }),
  service({ name: 'ledger-pg-replica', selector: { app: 'ledger-pg', role: 'replica' } }),
];

/** Pods restarted 18m ago (revision 7, the same template) that take their variables from ledger-settings, edited 20m ago. */
function scenario(line: (m: number) => string, config: SettingConfigEvidence[]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(18), startTime: minutesAgo(18), containers: [container({ envFrom: [{ kind: 'configMap', name: 'ledger-settings' }] })] }));
  const base = baseEvidence({ pods });
  return {
    ...base,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line(15), line(9), line(3)] })),
    services: [...base.services, ...services],
    revisions: [...base.revisions, revision(REV7, minutesAgo(18))],
    namespaceObjects: [{ kind: 'ConfigMap', name: 'ledger-settings', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(20) }],
    settingConfig: config,
  };
}

describe('the replicas\' Service', () => {
  it('is known by its selector\'s role, with the read-write sibling that differs only by it', () => {
    expect(findReplicaService(services, 'ledger-pg-replica')).toEqual({ service: 'ledger-pg-replica', sign: 'selector role=replica', writer: 'ledger-pg-primary' });
  });

  it('is known by its name only beside a read-write sibling of the same stem', () => {
    const named = [service({ name: 'books-db-rw', selector: { app: 'books-db' } }), service({ name: 'books-db-ro', selector: { app: 'books-db' } })];
    expect(findReplicaService(named, 'books-db-ro')).toMatchObject({ sign: 'by its name', writer: 'books-db-rw' });
    expect(findReplicaService([service({ name: 'books-db-ro', selector: { app: 'books-db' } })], 'books-db-ro')).toBeUndefined();
    expect(findReplicaService(services, 'ledger-pg-primary')).toBeUndefined();
  });
});

describe('writes refused as read-only through a host a ConfigMap gives', () => {
  it('reads the ConfigMaps the refused container takes variables from, keeping only the address keys', () => {
    const ev = scenario(PG_REFUSED, []);
    expect(pickSettingConfigReads({ ...ev, now: NOW })).toEqual([{ mechanism: 'server-address', configMap: 'ledger-settings', via: 'envFrom' }]);
    const kept = keepSettings({ mechanism: 'server-address', configMap: 'ledger-settings', via: 'envFrom' }, 'ledger-settings', { DB_HOST: HOST, DB_PORT: '5432', LOG_LEVEL: 'info', DB_URL: 'postgres://ledger:hunter2@x/ledger' });
    expect(kept.map((k) => k.written)).toEqual([`DB_HOST=${HOST}`, 'DB_URL=postgres://ledger:***@x/ledger']);
  });

  it('reads nothing when the container names its host in a literal env value', () => {
    const ev = scenario(PG_REFUSED, []);
    const pods = ev.pods.map((p) => ({ ...p, containers: [container({ env: [{ name: 'PGHOST', value: 'ledger-pg-primary' }] })] }));
    expect(pickSettingConfigReads({ ...ev, pods, now: NOW })).toEqual([]);
  });

  it('names the host, the replicas\' Service and the read-write sibling, and points it back', () => {
    const [f] = analyzeDependencyRefusals(scenario(PG_REFUSED, [address(`DB_HOST=${HOST}`)]));
    expect(f?.title).toMatch(/^PostgreSQL ledger-pg-replica refuses writes: DB_HOST \(ConfigMap ledger-settings\) points at ledger-pg-replica, the Service of the read-only replicas \(selector role=replica\), not the read-write ledger-pg-primary/);
    expect(f?.fix).toMatch(/^point DB_HOST in ConfigMap ledger-settings back at ledger-pg-primary, the read-write Service/);
    expect(f?.likelyCause).toMatch(/no failover is needed/);
    expect(f?.affected?.configMaps).toEqual(['ledger-settings']);
  });

  it('does the same for a MySQL writer', () => {
    const [f] = analyzeDependencyRefusals(scenario(MY_REFUSED, [address(`MYSQL_HOST=${HOST}`)]));
    expect(f?.title).toMatch(/^MySQL ledger-pg-replica refuses writes: MYSQL_HOST \(ConfigMap ledger-settings\) points at ledger-pg-replica/);
  });

  it('heads the verdict with the ConfigMap edit the restart picked up, not "no change found" nor a rollback', () => {
    const report = buildTriageReport(scenario(PG_REFUSED, [address(`DB_HOST=${HOST}`)]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/ledger-pg-replica/);
    expect(report.headline).toMatch(/ConfigMap ledger-settings .*picked up by revision 7/);
    expect(report.headline).not.toMatch(/no change found|roll(ing)? ?back to|rollout undo/i);
  });

  it('names a literal env host of the replicas\' Service too, with no ConfigMap in its fix', () => {
    const ev = scenario(PG_REFUSED, []);
    const pods = ev.pods.map((p) => ({ ...p, containers: [container({ env: [{ name: 'PGHOST', value: 'ledger-pg-replica' }] })] }));
    const [f] = analyzeDependencyRefusals({ ...ev, pods });
    expect(f?.title).toMatch(/^PostgreSQL ledger-pg-replica refuses writes: PGHOST points at ledger-pg-replica, the Service of the read-only replicas/);
    expect(f?.fix).toMatch(/^point PGHOST back at ledger-pg-primary, the read-write Service/);
  });

  it('keeps the failover reading when the host is the read-write Service', () => {
    const [f] = analyzeDependencyRefusals(scenario(PG_REFUSED, [address(`DB_HOST=ledger-pg-primary.${NS}.svc.cluster.local`)]));
    expect(f?.title).toMatch(/^PostgreSQL ledger-pg-primary refuses writes: the client is connected to a read-only server/);
  });
});
