// A store the workload's logs say refuses it for its own state: after one of its pods and its log
// tail are read, the adapter reads that log once more, deeper, when the tail holds only the
// refusals (keeping only the lines that say why), and gets the claims its pod mounts when its log
// says its disk is full. Nothing more is read while the logs show no such refusal.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, boundClaim, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';

const STOP = 'database is not accepting commands to avoid wraparound data loss in database "ledger"';
const WARNING = (left: number) => `2026-11-21 01:12:41.563 UTC [41022] WARNING:  database "ledger" must be vacuumed within ${left} transactions`;
const refusedStatement = (k: number) => `2026-11-21 01:5${k % 10}:00.000 UTC [${48377 + k}] ERROR:  ${STOP}\n2026-11-21 01:5${k % 10}:00.000 UTC [${48377 + k}] STATEMENT:  UPDATE invoices SET status = $1 WHERE id = $2\n`;

function app(name: string, env: { name: string; value: string }[]) {
  return deploymentApp({
    namespace: NS,
    name,
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 6 * DAYS, template: { containers: [container({ image: `registry.example.com/billing/${name}:1.0.0`, env })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 6 * DAYS }],
  });
}

function server(name: string, image: string, volumes: { name: string; configMap: { name: string } }[], mountPath: string) {
  return statefulSetApp({
    namespace: NS,
    name,
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: name.endsWith('pg') ? 'postgres' : 'redis', image, ports: [5432], volumeMounts: [{ name: 'data', mountPath }, { name: 'config', mountPath: '/etc/server' }] })], volumes } }],
    volumeClaimTemplates: [{ name: 'data', storage: '2Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: NODE_B, createdAgo: 9 * DAYS }],
  });
}

function postgres(appLog: string, serverLog: string) {
  const api = app('invoice-api', [{ name: 'DATABASE_URL', value: 'postgresql://invoice_api@invoice-pg:5432/ledger' }]);
  const pg = server('invoice-pg', 'postgres:15.8', [{ name: 'config', configMap: { name: 'invoice-pg-config' } }], '/var/lib/postgresql/data');
  const cm = configMap({ namespace: NS, name: 'invoice-pg-config', createdAgo: 300 * DAYS, data: { 'postgresql.conf': "shared_buffers = 2GB\nautovacuum = off\nautovacuum_freeze_max_age = 2000000000\nlog_line_prefix = '%m [%p] '\n" } });
  for (const o of [...threeNodes(), ...api.objects, ...pg.objects, cm, ...exposed({ namespace: NS, name: 'invoice-pg', selector: { app: 'invoice-pg' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 })]) h.fake.add(o);
  for (const p of api.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
  h.fake.setLogs(NS, 'invoice-pg-0', 'postgres', { current: serverLog });
}

const pgLogReads = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods/invoice-pg-0/log`);
const claimReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${NS}/persistentvolumeclaims/`)).map((r) => r.path);

describe('a Postgres whose log tail holds only the refused statements', () => {
  const refusing = `sqlalchemy.exc.OperationalError: (psycopg2.errors.ProgramLimitExceeded) ${STOP}\n`.repeat(3);
  const target = { service: 'invoice-api', namespace: NS, kind: 'Deployment' as const, name: 'invoice-api' };

  it('reads its log once more, deeper and bounded, and keeps only the warnings that say why', async () => {
    postgres(refusing, `${WARNING(10999873)}\n${WARNING(5999961)}\n${WARNING(3000037)}\n${WARNING(1000037)}\n${Array.from({ length: 120 }, (_, k) => refusedStatement(k)).join('')}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const own = ev.dependencyPods?.find((d) => d.service === 'invoice-pg');
    expect(own?.logs[0]?.lines.join('\n')).not.toContain('must be vacuumed');
    expect(own?.searched?.[0]?.lines).toEqual([WARNING(10999873), WARNING(3000037), WARNING(1000037)]);
    expect(own?.config).toEqual([
      { configMap: 'invoice-pg-config', key: 'postgresql.conf', setting: 'autovacuum', value: 'off' },
      { configMap: 'invoice-pg-config', key: 'postgresql.conf', setting: 'autovacuum_freeze_max_age', value: '2000000000' },
    ]);
    expect(pgLogReads()).toHaveLength(2);
    expect(pgLogReads().every((r) => r.query?.['tailLines'] !== undefined && r.query['limitBytes'] !== undefined)).toBe(true);
  });

  it('does not read it again when the tail already says why, or holds the whole log', async () => {
    postgres(refusing, `${WARNING(1000037)}\n${refusedStatement(1)}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods?.[0]?.searched).toBeUndefined();
    expect(pgLogReads()).toHaveLength(1);
  });
});

const MISCONF = "redis write failed: MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";

function redis(appLog: string, serverLog: string) {
  const cart = app('cart-service', [{ name: 'REDIS_URL', value: 'redis://cart-redis:6379/0' }]);
  const rd = server('cart-redis', 'redis:7.2.5', [{ name: 'config', configMap: { name: 'cart-redis-config' } }], '/data');
  for (const o of [...threeNodes(), ...cart.objects, ...rd.objects, ...boundClaim({ namespace: NS, name: 'data-cart-redis-0', storage: '2Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS }), ...exposed({ namespace: NS, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: rd.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 })]) h.fake.add(o);
  for (const p of cart.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
  h.fake.setLogs(NS, 'cart-redis-0', 'redis', { current: serverLog });
}

describe('a Redis whose background saves fail', () => {
  const target = { service: 'cart-service', namespace: NS, kind: 'Deployment' as const, name: 'cart-service' };

  it('gets the claim its pod mounts when its log says the disk is full', async () => {
    redis(`${MISCONF}\n${MISCONF}\n`, '1:M 21 Nov 2026 01:59:41.563 * Background saving started by pid 27730\n27730:C 21 Nov 2026 01:59:41.343 # Write error saving DB on disk: No space left on device\n1:M 21 Nov 2026 01:59:41.333 # Background saving error\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(claimReads()).toContain(`/api/v1/namespaces/${NS}/persistentvolumeclaims/data-cart-redis-0`);
    const own = ev.dependencyPods?.find((d) => d.service === 'cart-redis');
    expect(own?.claims?.map((c) => [c.name, c.capacity])).toEqual([['data-cart-redis-0', '2Gi']]);
  });

  it('gets no claim when the save fails for another reason', async () => {
    redis(`${MISCONF}\n${MISCONF}\n`, "1:M 21 Nov 2026 01:59:41.563 # Can't save in background: fork: Cannot allocate memory\n");
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(claimReads().filter((p) => p.endsWith('/data-cart-redis-0'))).toEqual([]);
    expect(ev.dependencyPods?.find((d) => d.service === 'cart-redis')?.claims).toBeUndefined();
  });
});
