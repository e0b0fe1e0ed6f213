// A store that refuses the workload for its own state: the refusal is the clients' word, the reason
// is the store's. Postgres past its wraparound stop limit (its warnings hours before, autovacuum off
// in the ConfigMap it mounts); Redis refusing writes with MISCONF because every background save
// fails on a full data volume (its own log, the claim it writes to and its size).
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerClaimReads, listServerConfigReads, listServerLogSearches } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { PvcEvidence } from '../../../../src/domain/triage/evidence.js';
import type { DependencyPodEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { findServerSettings } from '../../../../src/domain/triage/server-settings.js';
import { readVacuumSettings } from '../../../../src/domain/triage/xid-wraparound.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const STOP = 'database is not accepting commands to avoid wraparound data loss in database "ledger"';
const CLIENT = [
  '2026-11-21 03:10:02,118 ERROR [invoice_api.routes.invoices] POST /v1/invoices failed for customer cus_412',
  'Traceback (most recent call last):',
  `psycopg2.errors.ProgramLimitExceeded: ${STOP}`,
  `sqlalchemy.exc.OperationalError: (psycopg2.errors.ProgramLimitExceeded) ${STOP}`,
  '2026-11-21 03:11:40,502 ERROR [invoice_api.routes.invoices] POST /v1/invoices failed for customer cus_77',
  `sqlalchemy.exc.OperationalError: (psycopg2.errors.ProgramLimitExceeded) ${STOP}`,
];
const PG_ERROR = [`2026-11-21 03:11:40.502 UTC [48377] ERROR:  ${STOP}`, '2026-11-21 03:11:40.502 UTC [48377] HINT:  Stop the postmaster and vacuum that database in single-user mode.'];
const PG_WARNING = '2026-11-21 02:27:13.009 UTC [41549] WARNING:  database "ledger" must be vacuumed within 1000037 transactions';

function postgres(server: Partial<DependencyPodEvidence> = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: 'postgresql://invoice_api@invoice-pg.payments.svc:5432/ledger' }] })] }));
  const pg = pod(7, { name: 'invoice-pg-0', labels: { app: 'invoice-pg' }, containers: [container({ name: 'postgres', args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'] })] });
  pg.volumes = [{ name: 'config', source: 'configMap', ref: 'invoice-pg-config' }, { name: 'data', source: 'pvc', ref: 'data-invoice-pg-0' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: CLIENT })),
    dependencyPods: [{ service: 'invoice-pg', pod: pg, logs: [{ pod: 'invoice-pg-0', container: 'postgres', previous: false, lines: [...PG_ERROR, ...PG_ERROR] }], ...server }],
  });
}

const AUTOVACUUM_OFF = [
  { configMap: 'invoice-pg-config', key: 'postgresql.conf', setting: 'autovacuum', value: 'off' },
  { configMap: 'invoice-pg-config', key: 'postgresql.conf', setting: 'autovacuum_freeze_max_age', value: '2000000000' },
];

describe('a Postgres that stopped assigning transaction IDs to avoid wraparound', () => {
  it("reads the server's pod, and the ConfigMaps it mounts for its vacuum settings", () => {
    const ev = postgres();
    expect(listRefusingServices(ev)).toEqual(['invoice-pg']);
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'invoice-pg', configMaps: ['invoice-pg-config'], settings: ['autovacuum', 'autovacuum_freeze_max_age'] }]);
  });

  it('reads its log deeper once when the tail holds only the refused statements', () => {
    const ev = postgres();
    expect(listServerLogSearches(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'invoice-pg', pod: 'invoice-pg-0', container: 'postgres', pattern: expect.any(RegExp) }]);
    const searched = postgres({ searched: [{ pod: 'invoice-pg-0', container: 'postgres', previous: false, lines: [PG_WARNING] }] });
    expect(listServerLogSearches(searched, searched.dependencyPods ?? [])).toEqual([]);
  });

  it('names the database, the setting that let it age, and the warnings of its own log', () => {
    const ev = postgres({ config: AUTOVACUUM_OFF, searched: [{ pod: 'invoice-pg-0', container: 'postgres', previous: false, lines: [PG_WARNING] }] });
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^PostgreSQL invoice-pg refuses writes to avoid transaction-ID wraparound in database ledger \(invoice-pg-config sets autovacuum = off, autovacuum_freeze_max_age = 2000000000\)/);
    expect(f?.title).toMatch(/must be vacuumed within 1000037 transactions/);
    expect(f?.likelyCause).toMatch(/ConfigMap invoice-pg-config \(postgresql\.conf\) sets autovacuum = off/);
    expect(f?.fix).toMatch(/VACUUM \(FREEZE\)/);
    expect(f?.fix).toMatch(/set autovacuum = on and autovacuum_freeze_max_age = 200000000 in ConfigMap invoice-pg-config$/);
    expect(f?.fix).not.toMatch(/disk|volume/i);
  });

  it('puts it in the headline instead of the generic error lines', () => {
    const ev = postgres({ config: AUTOVACUUM_OFF });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^PostgreSQL invoice-pg refuses writes to avoid transaction-ID wraparound in database ledger/);
  });

  it('does not blame settings that leave vacuum alone', () => {
    expect(readVacuumSettings([{ setting: 'autovacuum', value: 'on', where: 'ConfigMap x (postgresql.conf)' }, { setting: 'autovacuum_freeze_max_age', value: '200000000', where: 'ConfigMap x (postgresql.conf)' }])).toBeUndefined();
  });

  it('reads the refusal inside a JSON log line, its quotes escaped', () => {
    const json = `{"level":"ERROR","msg":"create order failed","error":"pq: ${STOP.replace(/"/g, '\\"')}"}`;
    const ev = postgres();
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [json, json] }));
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^PostgreSQL invoice-pg refuses writes to avoid transaction-ID wraparound in database ledger/);
  });

  it("says what holds the oldest xmin back when autovacuum's own log says it could not freeze", () => {
    const xmin = [
      '2026-11-21 02:40:00.100 UTC [41600] WARNING:  oldest xmin is far in the past',
      '2026-11-21 02:40:00.100 UTC [41600] HINT:  Close open transactions soon to avoid wraparound problems.',
      '\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.',
    ];
    const ev = postgres({ searched: [{ pod: 'invoice-pg-0', container: 'postgres', previous: false, lines: [...xmin, PG_WARNING] }] });
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^PostgreSQL invoice-pg refuses writes to avoid transaction-ID wraparound in database ledger/);
    expect(f?.title).toMatch(/oldest xmin is far in the past/);
    expect(f?.title).toMatch(/prepared transaction/);
    expect(f?.fix).toMatch(/pg_prepared_xacts/);
    expect(f?.fix).toMatch(/VACUUM/);
  });

  it('reads the settings postgres is started with by -c', () => {
    const pg = pod(7, { containers: [container({ name: 'postgres', args: ['-c', 'autovacuum=off', '-c', 'max_connections=200'] })] });
    expect(findServerSettings(pg, ['autovacuum', 'autovacuum_freeze_max_age'])?.flags).toEqual([{ name: 'autovacuum', value: 'off' }]);
  });
});

const MISCONF = "ReplyError: MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";
const SAVE_FAILED = (reason: string) => [
  '1:M 21 Nov 2026 03:12:41.563 * 100 changes in 300 seconds. Saving...',
  '1:M 21 Nov 2026 03:12:41.563 * Background saving started by pid 27730',
  `27730:C 21 Nov 2026 03:12:41.343 # ${reason}`,
  '1:M 21 Nov 2026 03:12:41.333 # Background saving error',
];
const CLAIM: PvcEvidence = { name: 'data-cart-redis-0', phase: 'Bound', accessModes: ['ReadWriteOnce'], requested: '2Gi', capacity: '2Gi', usedByPods: ['cart-redis-0'] };

function redis(reason: string, claims?: PvcEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'REDIS_URL', value: 'redis://cart-redis.payments.svc:6379/0' }] })] }));
  const server = pod(7, { name: 'cart-redis-0', labels: { app: 'cart-redis' }, containers: [container({ name: 'redis', volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis' }] })] });
  server.volumes = [{ name: 'config', source: 'configMap', ref: 'cart-redis-config' }, { name: 'data', source: 'pvc', ref: 'data-cart-redis-0' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [MISCONF, MISCONF] })),
    dependencyPods: [{ service: 'cart-redis', namespace: 'payments', pod: server, logs: [{ pod: 'cart-redis-0', container: 'redis', previous: false, lines: SAVE_FAILED(reason) }], ...(claims ? { claims } : {}) }],
  });
}

describe('a Redis that refuses writes because its background saves fail', () => {
  it("states why the save fails, from the server's own log", () => {
    const [f] = analyzeDependencyRefusals(redis("Failed opening the temp RDB file temp-27730.rdb (in server root dir /data) for saving: Permission denied"));
    expect(f?.title).toMatch(/^Redis cart-redis refuses writes: it cannot persist to disk — its own log says every background save fails: Failed opening the temp RDB file temp-27730\.rdb \(in server root dir \/data\) for saving: Permission denied/);
  });

  it('reads the claims of its pod only when its log says the disk is full', () => {
    const full = redis('Write error saving DB on disk: No space left on device');
    expect(listServerClaimReads(full, full.dependencyPods ?? [])).toEqual([{ service: 'cart-redis', namespace: 'payments', pod: 'cart-redis-0', claims: ['data-cart-redis-0'] }]);
    const denied = redis('Failed opening the temp RDB file temp-27730.rdb (in server root dir /data) for saving: Permission denied');
    expect(listServerClaimReads(denied, denied.dependencyPods ?? [])).toEqual([]);
  });

  it('names the full volume and its size, and advises growing it', () => {
    const [f] = analyzeDependencyRefusals(redis('Write error saving DB on disk: No space left on device', [CLAIM]));
    expect(f?.title).toMatch(/Write error saving DB on disk: No space left on device, on its volume data-cart-redis-0 \(2Gi, at \/data\)/);
    expect(f?.evidence).toContain('cart-redis-0 writes to volume data-cart-redis-0 (2Gi, at /data)');
    expect(f?.fix).toBe("grow cart-redis-0's volume data-cart-redis-0 (2Gi, at /data), or free space on it, so Redis can write to disk again");
  });
});
