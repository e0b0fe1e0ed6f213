// A data store that changed under an unchanged client: Postgres's collation library moved with
// its image (unique indexes on text out of order), a migration changed a table under pooled
// prepared statements (0A000), MySQL running a strict sql_mode since an upgrade (zero dates,
// 1292), a Redis without persistence that restarted empty (a stream's group gone, NOGROUP), and a
// MongoDB client whose ConfigMap connection string pins it to one member (directConnection=true).
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerRolloutReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { DependencyPodEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import { pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const stamp = (m: number): string => minutesAgo(m).replace('T', ' ').replace('Z', '');

function scenario(env: EnvVarEvidence[], lines: string[], server?: DependencyPodEvidence): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { startTime: minutesAgo(6 * 24 * 60), containers: [container({ env })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    ...(server ? { dependencyPods: [server] } : {}),
  });
}

const duplicate = (m: number): string => `${stamp(m)} ERROR 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: duplicate key value violates unique constraint "contacts_email_key"`;
const pgEnv = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://crm-db:5432/crm' }];
const pgServer = (lines: string[]): DependencyPodEvidence => ({
  service: 'crm-db',
  pod: pod(5, { name: 'crm-db-0', labels: { app: 'crm-db' }, containers: [container({ name: 'postgres', image: 'registry.example/platform/postgres:15.8-rocky9' })] }),
  logs: [{ pod: 'crm-db-0', container: 'postgres', previous: false, lines }],
});

describe('unique violations on a Postgres whose collation version changed', () => {
  it('reads the server\'s collation warning: glibc versions, REINDEX and REFRESH COLLATION VERSION', () => {
    const server = pgServer([
      '2026-11-21 00:01:10.000 UTC [88] WARNING:  database "crm" has a collation version mismatch',
      '2026-11-21 00:01:10.000 UTC [88] DETAIL:  The database was created using collation version 2.17, but the operating system provides version 2.34.',
    ]);
    const [f] = analyzeDependencyRefusals(scenario(pgEnv, [duplicate(30), duplicate(12)], server));
    expect(f?.title).toMatch(/^PostgreSQL crm-db refuses inserts/);
    expect(f?.title).toMatch(/collation version mismatch: built under 2\.17, the OS \(glibc\) now provides 2\.34,/);
    expect(f?.title).toMatch(/\(crm-db-0 runs postgres:15\.8-rocky9 since 2d ago\)/);
    expect(f?.fix).toMatch(/REINDEX/);
    expect(f?.fix).toMatch(/REFRESH COLLATION VERSION/);
    expect(f?.outsideWorkload).toMatch(/corrupt indexes/);
  });

  it('leaves a duplicate key alone when the server says nothing of its collation (the app\'s own business)', () => {
    expect(analyzeDependencyRefusals(scenario(pgEnv, [duplicate(30), duplicate(12)], pgServer(['LOG:  checkpoint starting: time'])))).toEqual([]);
    expect(analyzeDependencyRefusals(scenario(pgEnv, [duplicate(30), duplicate(12)]))).toEqual([]);
  });
});

describe('prepared statements that a migration changed the result type of', () => {
  const line = (m: number): string => `{"time":"${minutesAgo(m)}","level":"ERROR","msg":"query failed","sql":"SELECT * FROM stock_items WHERE sku = $1","err":"ERROR: cached plan must not change result type (SQLSTATE 0A000)"}`;

  it('names 0A000, dates it by the first refusal, and says fresh connections are the fix, not a rollback', () => {
    const [f] = analyzeDependencyRefusals(scenario([{ name: 'DATABASE_URL', value: 'postgres://api@inventory-db.example.com:5432/inventory' }], [line(39), line(20), line(3)]));
    expect(f?.title).toMatch(/cached plan must not change result type \(SQLSTATE 0A000\)/);
    expect(f?.onset).toBe(minutesAgo(39));
    expect(f?.fix).toMatch(/^restart the pods/);
    expect(f?.fix).toMatch(/SELECT \*/);
    expect(f?.outsideWorkload).toMatch(/migration/);
    expect(f?.likelyCause).not.toMatch(/restarting them will not help/);
  });

  it('names what the migration Job that ran just before applied, from its log', () => {
    const ev = {
      ...scenario([{ name: 'DATABASE_URL', value: 'postgres://api@inventory-db.example.com:5432/inventory' }], [line(39), line(20), line(3)]),
      migrationJobLogs: [{ job: 'inventory-migrate-7', pod: 'inventory-migrate-7-q2x', container: 'migrate', finishedAt: minutesAgo(40), lines: ['2026/11/21 02:34:00 Finished 147/u add_reserved_qty (read 3.9ms, ran 24.1s)'] }],
    };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/since Job inventory-migrate-7 applied 147\/u add_reserved_qty \(completed 40m ago\)$/);
    expect(f?.evidence.join('\n')).toMatch(/log inventory-migrate-7-q2x \(Job inventory-migrate-7\): .*Finished 147\/u add_reserved_qty/);
  });
});

describe('statements planned against a table dropped under them (could not open relation with OID)', () => {
  const line = (m: number): string => `{"time":"${minutesAgo(m)}","level":"error","msg":"query failed","route":"GET /reports","err":{"type":"DatabaseError","message":"could not open relation with OID 40213","code":"XX000"}}`;
  const env = [{ name: 'DATABASE_URL', value: 'postgres://reports@ledger-db:5432/ledger' }];

  it('counts two lines, far fewer than an all-clear waves through, and says fresh connections are the fix, not a rollback', () => {
    const [f] = analyzeDependencyRefusals(scenario(env, [line(9), line(2)]));
    expect(f?.title).toMatch(/^PostgreSQL ledger-db refuses statements planned against a table since dropped under them: could not open relation with OID 40213 \(SQLSTATE XX000\)/);
    expect(f?.onset).toBe(minutesAgo(9));
    expect(f?.fix).toMatch(/^recycle the pods' database connections/);
    expect(f?.fix).toMatch(/DISCARD ALL/);
    expect(f?.fix).toMatch(/one transaction/);
    expect(f?.outsideWorkload).toMatch(/dropped and swapped/);
    expect(f?.likelyCause).toMatch(/rolling the client back would not help/);
  });

  it('names the DROP TABLE of the Job that swapped the table just before as the since', () => {
    const ev = {
      ...scenario(env, [line(9), line(2)]),
      migrationJobLogs: [{ job: 'rollup-refresh-7', pod: 'rollup-refresh-7-k2p', container: 'refresh', finishedAt: minutesAgo(10), lines: ['INFO CREATE TABLE ledger_rollup_next (LIKE ledger_rollup INCLUDING ALL)', 'INFO DROP TABLE ledger_rollup', 'INFO ALTER TABLE ledger_rollup_next RENAME TO ledger_rollup'] }],
    };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/since Job rollup-refresh-7 ran DROP TABLE ledger_rollup \(completed 10m ago\)$/);
    expect(f?.datesChange).toBe(true);
    expect(f?.evidence.join('\n')).toMatch(/log rollup-refresh-7-k2p \(Job rollup-refresh-7\): INFO ALTER TABLE ledger_rollup_next RENAME TO ledger_rollup/);
  });

  it('takes a single such line for no outage', () => {
    const ev = scenario(env, []);
    expect(analyzeDependencyRefusals({ ...ev, logs: [{ ...ev.logs[0], pod: ev.pods[0]?.name ?? '', container: 'app', previous: false, lines: [line(2)] }] })).toEqual([]);
  });
});

describe('zero dates refused by a MySQL now running a strict sql_mode', () => {
  const refused = (m: number): string => `[${stamp(m)}] production.ERROR: SQLSTATE[22007]: Invalid datetime format: 1292 Incorrect datetime value: '0000-00-00 00:00:00' for column 'paid_at' at row 1`;
  const server: DependencyPodEvidence = {
    service: 'mysql',
    pod: pod(6, { name: 'mysql-0', labels: { app: 'mysql' }, containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.0.40' })] }),
    logs: [{ pod: 'mysql-0', container: 'mysql', previous: false, lines: [`${minutesAgo(78)} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`] }],
  };

  it('names the version the server runs, strict sql_mode, the upgrade its log dates, and no rollback of MySQL', () => {
    const [f] = analyzeDependencyRefusals(scenario([{ name: 'DATABASE_URL', value: 'mysql://billing@mysql:3306/billing' }], [refused(60), refused(30), refused(2)], server));
    expect(f?.title).toMatch(/^MySQL mysql refuses writes of zero dates/);
    expect(f?.title).toMatch(/NO_ZERO_DATE/);
    expect(f?.title).toMatch(/runs MySQL 8\.0\.40/);
    expect(f?.title).toMatch(/upgraded from MySQL 5\.7 to 8\.0\.40/);
    expect(f?.fix).toMatch(/sql_mode/);
    expect(f?.fix).toMatch(/Do not roll an upgraded MySQL back/);
  });
});

describe('GROUP BY queries refused by a MySQL now running ONLY_FULL_GROUP_BY', () => {
  const refused = "sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1055, \"Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'shop.c.name' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by\")";
  const server: DependencyPodEvidence = {
    service: 'shop-mysql',
    pod: pod(6, { name: 'shop-mysql-0', labels: { app: 'shop-mysql' }, containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.0.40' })] }),
    logs: [{ pod: 'shop-mysql-0', container: 'mysql', previous: false, lines: [`${minutesAgo(38)} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`] }],
  };

  it('names error 1055, ONLY_FULL_GROUP_BY as the default of the version it runs, the upgrade its log dates, and no rollback of the client', () => {
    const ev = scenario([{ name: 'DATABASE_URL', value: 'mysql+pymysql://shop@shop-mysql:3306/shop' }], [refused, refused, refused], server);
    expect(listRefusingServices(ev)).toEqual(['shop-mysql']);
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^MySQL shop-mysql refuses GROUP BY queries .*error 1055.*ONLY_FULL_GROUP_BY/);
    expect(f?.title).toMatch(/runs MySQL 8\.0\.40, whose default sql_mode includes ONLY_FULL_GROUP_BY/);
    expect(f?.title).toMatch(/upgraded from MySQL 5\.7 to 8\.0\.40 38m ago/);
    expect(f?.fix).toMatch(/sql_mode/);
    expect(f?.fix).toMatch(/Do not roll an upgraded MySQL back/);
    expect(f?.outsideWorkload).toMatch(/sql_mode/);
  });
});

describe('an extension PostgreSQL no longer preloads (shared_preload_libraries)', () => {
  const refused = 'psycopg.errors.ObjectNotInPrerequisiteState: pg_stat_statements must be loaded via "shared_preload_libraries"';
  const server: DependencyPodEvidence = {
    service: 'main-db',
    pod: pod(6, {
      name: 'main-db-0', labels: { app: 'main-db' }, startTime: minutesAgo(185),
      containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4-bookworm', args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'] })],
      volumes: [{ name: 'config', source: 'configMap', ref: 'main-db-conf' }],
    }),
    logs: [],
  };

  it('names the extension and the setting, the server\'s restart, and holds the ConfigMap it mounts as where the setting lives', () => {
    const ev = scenario([{ name: 'DATABASE_URL', value: 'postgresql://reports@main-db:5432/main' }], [refused, refused], server);
    expect(listRefusingServices(ev)).toEqual(['main-db']);
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^PostgreSQL main-db refuses .*pg_stat_statements.*shared_preload_libraries/);
    expect(f?.title).toMatch(/main-db-0 runs postgres:16\.4-bookworm since 3h 5m ago/);
    expect(f?.fix).toMatch(/shared_preload_libraries/);
    expect(f?.fix).toMatch(/restart/);
    expect(f?.affected?.configMaps).toEqual(['main-db-conf']);
    expect(f?.outsideWorkload).toMatch(/shared_preload_libraries/);
  });

  it('asks for the revisions of the server\'s StatefulSet and states the one its pod runs when it is recent', () => {
    const owned = { ...server, pod: { ...server.pod, revisionHash: 'main-db-7c9d' } };
    const ev = scenario([{ name: 'DATABASE_URL', value: 'postgresql://reports@main-db:5432/main' }], [refused, refused], owned);
    expect(listServerRolloutReads(ev, [owned])).toEqual([{ service: 'main-db', pod: 'main-db-0', statefulSet: 'main-db', revisionHash: 'main-db-7c9d' }]);
    const revision = (n: number, name: string, ago: number, tag: string) => ({ revision: n, name, hash: name, createdAt: minutesAgo(ago), containers: [{ name: 'postgres', image: `docker.io/library/postgres:${tag}`, env: [], envFrom: [], resources: { requests: {}, limits: {} } }] });
    const rolled: DependencyPodEvidence = { ...owned, rollout: { statefulSet: 'main-db', current: revision(8, 'main-db-7c9d', 186, '16.4-bookworm'), previous: revision(7, 'main-db-5f1a', 44 * 24 * 60, '16.3-bookworm') } };
    const [f] = analyzeDependencyRefusals(scenario([{ name: 'DATABASE_URL', value: 'postgresql://reports@main-db:5432/main' }], [refused, refused], rolled));
    expect(f?.title).toMatch(/StatefulSet main-db rolled to revision 8 3h 6m ago \(postgres image 16\.3-bookworm → 16\.4-bookworm\)/);
    expect(f?.evidence.join('\n')).toMatch(/StatefulSet main-db: revision 7 → 8/);
  });
});

describe('a stream consumer group lost with a Redis that restarted without persistence', () => {
  const nogroup = "redis.exceptions.ResponseError: NOGROUP No such key 'orders' or consumer group 'billing' in XREADGROUP with GROUP option";
  const env = [{ name: 'REDIS_URL', value: 'redis://billing-redis:6379/0' }];
  const redis = (args: string[], volume: 'emptyDir' | 'pvc'): DependencyPodEvidence => ({
    service: 'billing-redis',
    pod: pod(7, {
      name: 'billing-redis-6c9d8f7b5-h8vqn', labels: { app: 'billing-redis' }, startTime: minutesAgo(27),
      containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', command: ['redis-server'], args, volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
      volumes: [{ name: 'data', source: volume, ...(volume === 'pvc' ? { ref: 'data-billing-redis' } : {}) }],
    }),
    logs: [],
  });

  it('asks for the Redis pod, states its lack of persistence and restart, and names XGROUP CREATE with the stream and group', () => {
    const ev = scenario(env, [nogroup, nogroup, nogroup], redis(['--save', '', '--appendonly', 'no'], 'emptyDir'));
    expect(listRefusingServices(ev)).toEqual(['billing-redis']);
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^Redis billing-redis refuses XREADGROUP: .*NOGROUP/);
    expect(f?.title).toMatch(/--save "" \(no RDB snapshots\), --appendonly no, \/data on an emptyDir/);
    expect(f?.title).toMatch(/started 27m ago/);
    expect(f?.fix).toMatch(/XGROUP CREATE orders billing 0 MKSTREAM/);
    expect(f?.fix).toMatch(/restart the workers/);
  });

  it('claims no lost data for a Redis that persists to a volume', () => {
    const [f] = analyzeDependencyRefusals(scenario(env, [nogroup, nogroup], redis(['--appendonly', 'yes'], 'pvc')));
    expect(f?.title).not.toMatch(/no persistence/);
  });
});

describe('writes refused "not primary" through a connection string a ConfigMap holds', () => {
  const refused = '{"level":50,"err":{"type":"MongoServerError","message":"not primary","code":10107,"codeName":"NotWritablePrimary"},"msg":"failed to insert ledger entry"}';
  const env: EnvVarEvidence[] = [{ name: 'MONGODB_URI', ref: { kind: 'configMap', name: 'ledger-api-config', key: 'MONGODB_URI' } }];
  const uri = (options: string) => ({ mechanism: 'server-address' as const, configMap: 'ledger-api-config', key: 'MONGODB_URI', via: 'MONGODB_URI', written: `MONGODB_URI=mongodb://ledger_app@mongo-0.mongo.payments.svc.cluster.local:27017/ledger?${options}` });

  it('names directConnection=true and the one member it pins the client to, and the seed list as the fix', () => {
    const ev = { ...scenario(env, [refused, refused, refused]), settingConfig: [uri('directConnection=true&authSource=admin')] };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^MongoDB mongo refuses writes: the client is pinned to mongo-0 by directConnection=true, now a secondary/);
    expect(f?.likelyCause).toMatch(/MONGODB_URI connects with directConnection=true to mongo-0 only/);
    expect(f?.fix).toMatch(/replica-set seed list in MONGODB_URI/);
    expect(f?.evidence.join('\n')).toMatch(/MONGODB_URI \(from a ConfigMap\): mongodb:\/\/ledger_app@mongo-0/);
  });

  // A write a secondary refused is not noise: the log read of one pod may hold a single one.
  it('takes one refused write in one pod\'s log as decisive: reads the ConfigMap and names the pin', () => {
    const base = scenario(env, []);
    const logs = base.logs.map((l, i) => ({ ...l, lines: i === 0 ? [refused] : ['{"level":30,"msg":"request completed"}'] }));
    const envFrom = base.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [], envFrom: [{ kind: 'configMap' as const, name: 'ledger-api-config' }] })) }));
    expect(pickSettingConfigReads({ ...base, pods: envFrom, logs, now: NOW }).map((r) => r.configMap)).toEqual(['ledger-api-config']);
    const [f] = analyzeDependencyRefusals({ ...base, logs, settingConfig: [uri('directConnection=true')] });
    expect(f?.title).toMatch(/pinned to mongo-0 by directConnection=true, now a secondary/);
  });

  it('claims no pin for a connection string that discovers the replica set', () => {
    const ev = { ...scenario(env, [refused, refused, refused]), settingConfig: [uri('replicaSet=rs0')] };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).not.toMatch(/directConnection/);
  });
});

describe('writes refused "not primary" through a literal connection string with directConnection=true', () => {
  const refused = '{"level":"error","error":{"name":"MongoServerError","message":"not primary","code":10107,"codeName":"NotWritablePrimary"},"msg":"could not save shipment"}';
  const env: EnvVarEvidence[] = [{ name: 'SHIPMENTS_MONGO_URL', value: 'mongodb://svc_user:hunter2@shipdb-2.shipdb.payments.svc.cluster.local:27017/shipments?directConnection=true&w=majority' }];
  const member = (n: number) => `shipdb-${n}.shipdb.payments.svc.cluster.local:27017`;
  const server = (hash: string): DependencyPodEvidence => ({
    service: 'shipdb',
    pod: pod(7, { name: 'shipdb-2', labels: { app: 'shipdb' }, revisionHash: hash, ownerWorkload: { kind: 'StatefulSet', name: 'shipdb' }, containers: [container({ name: 'mongo', image: 'docker.io/library/mongo:6.0.19' })] }),
    logs: [{ pod: 'shipdb-2', container: 'mongo', previous: false, lines: [
      `{"t":{"$date":"2026-11-21T02:10:00.000+00:00"},"s":"I","c":"REPL","id":21358,"msg":"Replica set state transition","attr":{"newState":"SECONDARY","oldState":"RECOVERING"}}`,
      `{"t":{"$date":"2026-11-21T02:10:05.000+00:00"},"s":"I","c":"REPL","id":21401,"msg":"Member is in new state","attr":{"hostAndPort":"${member(0)}","newState":"PRIMARY"}}`,
    ] }],
  });
  const revision = (n: number, name: string, ago: number, tag: string) => ({ revision: n, name, hash: name, createdAt: minutesAgo(ago), containers: [{ name: 'mongo', image: `docker.io/library/mongo:${tag}`, env: [], envFrom: [], resources: { requests: {}, limits: {} } }] });

  function pinnedEvidence(d: DependencyPodEvidence): TriageEvidence {
    const ev = scenario(env, [refused, refused], d);
    return { ...ev, endpointSlices: [{ name: 'shipdb-abcde', service: 'shipdb', ports: [{ name: 'mongo', port: 27017, protocol: 'TCP' }], endpoints: [0, 1, 2].map((i) => ({ addresses: [`10.2.0.${i + 10}`], podName: `shipdb-${i}`, ready: true })) }] } as TriageEvidence;
  }

  it('names directConnection=true, the member it pins, the primary that member names now, and the seed list as the fix', () => {
    const [f] = analyzeDependencyRefusals(pinnedEvidence(server('shipdb-6b8f')));
    expect(f?.title).toMatch(/^MongoDB shipdb refuses writes: the client is pinned to shipdb-2 by directConnection=true, now a secondary \(the primary is shipdb-0\)/);
    expect(f?.likelyCause).toMatch(/SHIPMENTS_MONGO_URL connects with directConnection=true to shipdb-2 only/);
    expect(f?.fix).toMatch(/replica-set seed list in SHIPMENTS_MONGO_URL/);
    expect(f?.fix).not.toMatch(/Sentinel/);
    const said = f?.evidence.join('\n') ?? '';
    expect(said).toMatch(/SHIPMENTS_MONGO_URL: mongodb:\/\/svc_user:\*\*\*@shipdb-2/);
    expect(said).not.toMatch(/hunter2/);
  });

  it('asks for the member\'s StatefulSet revisions and dates the failover by its rollout', () => {
    const d = server('shipdb-6b8f');
    expect(listServerRolloutReads(pinnedEvidence(d), [d])).toEqual([{ service: 'shipdb', pod: 'shipdb-2', statefulSet: 'shipdb', revisionHash: 'shipdb-6b8f' }]);
    const rolled: DependencyPodEvidence = { ...d, rollout: { statefulSet: 'shipdb', current: revision(5, 'shipdb-6b8f', 47, '6.0.19'), previous: revision(4, 'shipdb-1c2d', 60 * 24 * 60, '6.0.18') } };
    const [f] = analyzeDependencyRefusals(pinnedEvidence(rolled));
    expect(f?.title).toMatch(/since StatefulSet shipdb rolled to revision 5 47m ago \(mongo image 6\.0\.18 → 6\.0\.19\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toMatch(/StatefulSet shipdb/);
  });
});
