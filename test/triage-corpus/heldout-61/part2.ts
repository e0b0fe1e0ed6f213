// Held-out stories, sixty-first round, part two:
// 1. a CockroachDB member (cockroachdb-1) that keeps killing itself on "clock synchronization error"
//    because the EKS node it runs on lost its time sync (chronyd down); its peers are fine;
// 2. a Postgres StatefulSet whose postgresql.conf ConfigMap was rewritten without
//    shared_preload_libraries = 'pg_stat_statements', so billing-reports' query-insights step fails;
// 3. a JDK 17 → 21 base-image bump of claims-gateway whose disabled algorithms reject the SHA1-signed
//    certificate of the old policy-legacy service ("Certificates do not conform to algorithm constraints");
// 4. a MongoDB PSA replica set whose secondary (mongodb-1) cannot be scheduled after its node in
//    eu-west-1b was removed (its EBS claim is pinned there): w:majority writes time out, reads work;
// 5. a ClickHouse migration Job whose ON CLUSTER DDL waits for clickhouse-shard1-1, Pending on
//    Insufficient memory, until distributed_ddl_task_timeout (180 s);
// 6. a Kyverno verify-images policy denying the new ReplicaSet's pods of cart-api after the cosign
//    key was rotated in CI but not in the policy; the old revision keeps serving;
// 7. healthy control: an overnight kube-downscaler scale-down of search-suggest, with the Istio
//    sidecars of the pods being removed draining and terminating.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, containerStatus, crashLoop, deploymentApp,
  event, exposed, failedScheduling, httpProbe, job, jobEvent, nameOf, node, notTriggerScaleUp, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp, tcpProbe, execProbe, waiting, ago,
  startedNormally, replicaSetOf, exited, nodeEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** CockroachDB's log header time: `261121 03:12:41.563204`. */
const crdbTime = (minutes: number, us = 0): string => {
  const d = at(minutes);
  return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}${String(us).padStart(3, '0')}`;
};
/** Logback's default time: `2026-11-21 03:12:41.563`. */
const javaTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. CockroachDB member on a node without time sync --------------------------------------------

function cockroachClockSkew(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.94', ['12', '140', '213']);
  const bad = names[1] ?? '';
  const badNode = nodes[1];
  // node-problem-detector's custom plugin (check_ntp) on this cluster reports the time daemon.
  if (badNode?.status?.conditions) {
    badNode.status.conditions.unshift({ type: 'NTPProblem', status: 'True', reason: 'NTPIsDown', message: 'NTP service is not running', lastHeartbeatTime: ago(0.6), lastTransitionTime: ago(9 * HOURS + 12) });
  }
  for (const n of [nodes[0], nodes[2]]) n?.status?.conditions?.unshift({ type: 'NTPProblem', status: 'False', reason: 'NTPIsUp', message: 'NTP service is running', lastHeartbeatTime: ago(0.6), lastTransitionTime: ago(30 * DAYS) });
  const image = 'docker.io/cockroachdb/cockroach:v24.2.4';
  const tpl = {
    containers: [container({
      name: 'db', image, cpu: '2', memory: '8Gi',
      command: ['/bin/bash', '-ecx', 'exec /cockroach/cockroach start --join=${STATEFULSET_NAME}-0.${STATEFULSET_FQDN}:26257,${STATEFULSET_NAME}-1.${STATEFULSET_FQDN}:26257,${STATEFULSET_NAME}-2.${STATEFULSET_FQDN}:26257 --advertise-host=$(hostname).${STATEFULSET_FQDN} --certs-dir=/cockroach/cockroach-certs/ --http-port=8080 --port=26257 --cache=25% --max-sql-memory=25% --logtostderr=INFO'],
      env: [{ name: 'STATEFULSET_NAME', value: 'cockroachdb' }, { name: 'STATEFULSET_FQDN', value: 'cockroachdb.ledger.svc.cluster.local' }, { name: 'COCKROACH_CHANNEL', value: 'kubernetes-helm' }],
      ports: [{ name: 'grpc', containerPort: 26257 }, { name: 'http', containerPort: 8080 }],
      readiness: httpProbe('/health?ready=1', 'http', { scheme: 'HTTPS', initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 2 } as Partial<k8s.V1Probe>),
      liveness: httpProbe('/health', 'http', { scheme: 'HTTPS', initialDelaySeconds: 30, periodSeconds: 5 } as Partial<k8s.V1Probe>),
      volumeMounts: [{ name: 'datadir', mountPath: '/cockroach/cockroach-data/' }],
    })],
    terminationGracePeriodSeconds: 300,
  };
  const crash = crashLoop({ exitCode: 7, finishedAgo: 2.6, ranSeconds: 71 }, 23);
  const sts = statefulSetApp({
    namespace: ns, name: 'cockroachdb', replicas: 3, podManagementPolicy: 'Parallel', createdAgo: 210 * DAYS,
    revisions: [{ revision: 6, createdAgo: 12 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'datadir', storage: '100Gi' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 6, ordinal: 1, node: bad, createdAgo: 12 * DAYS - 8, containers: { db: crash } },
      // An old restart: the node-local OOM of six days ago, long over.
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 12 * DAYS - 16, containers: { db: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS + 0.2, ranSeconds: 5 * DAYS } }) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `datadir-cockroachdb-${i}`, storage: '100Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 210 * DAYS }));
  const p0 = podOf(sts, 0);
  const p1 = podOf(sts, 1);
  const p2 = podOf(sts, 2);
  const api = bystander(ns, 'ledger-api', names, 4 * HOURS, { revisions: [41, 42], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const fqdn = (i: number) => `cockroachdb-${i}.cockroachdb.ledger.svc.cluster.local:26257`;
  const crdbRun = (end: number) => {
    const s = end + 71 / 60;
    return lines(
      `+ exec /cockroach/cockroach start --join=${fqdn(0)},${fqdn(1)},${fqdn(2)} --advertise-host=cockroachdb-1.cockroachdb.ledger.svc.cluster.local --certs-dir=/cockroach/cockroach-certs/ --http-port=8080 --port=26257 --cache=25% --max-sql-memory=25% --logtostderr=INFO`,
      `I${crdbTime(s, 118)} 1 1@cli/start.go:1198 ⋮ [T1,n?] 1  ‹CockroachDB CCL v24.2.4 (x86_64-pc-linux-gnu, built 2024/10/14 17:55:46, go1.22.5 X:nocoverageredesign)›`,
      `I${crdbTime(s - 0.01, 402)} 1 server/config.go:488 ⋮ [T1,n?] 2  1 storage engine‹› initialized`,
      `I${crdbTime(s - 0.02, 881)} 1 1@server/server.go:1771 ⋮ [T1,n?] 3  starting https server at ‹[::]:8080› (use: ‹cockroachdb-1.cockroachdb.ledger.svc.cluster.local:8080›)`,
      `I${crdbTime(s - 0.03, 52)} 1 1@server/server.go:1776 ⋮ [T1,n?] 4  starting postgres server at ‹[::]:26257› (use: ‹cockroachdb-1.cockroachdb.ledger.svc.cluster.local:26257›)`,
      `I${crdbTime(s - 0.05, 610)} 1 server/node.go:533 ⋮ [T1,n2] 5  initialized store s2`,
      `I${crdbTime(s - 0.06, 214)} 1 1@server/node.go:601 ⋮ [T1,n2] 6  started with engine type ‹2›`,
      `I${crdbTime(s - 0.07, 733)} 1 1@cli/start.go:1413 ⋮ [T1,n2] 7  node startup completed:`,
      `W${crdbTime(s - 0.2, 311)} 412 kv/kvserver/replica_range_lease.go:624 ⋮ [T1,n2,s2,r86/2:‹/Table/10{6-7}›] 8  have been waiting 1s attempting to acquire lease (1 attempts)`,
      `W${crdbTime(s - 0.45, 904)} 388 2@rpc/clock_offset.go:258 ⋮ [T1,n2,rnode=1,raddr=‹${fqdn(0)}›,class=system,rpc] 9  latency jump (prev avg 0.71ms, current 3.12ms)`,
      `W${crdbTime(end + 0.02, 77)} 387 rpc/clock_offset.go:302 ⋮ [T1,n2] 10  clock offset from n1 is -1.184s, n3 is -1.191s; max offset 500ms (tolerated 400ms)`,
      `F${crdbTime(end, 902)} 387 1@server/server.go:1052 ⋮ [T1,n2] 11  clock synchronization error: this node is more than 500ms away from at least half of the known nodes (0 of 2 are within the offset)`,
      `goroutine 387 [running]:`,
      `github.com/cockroachdb/cockroach/pkg/util/log.getStacks(0x1)`,
      `	github.com/cockroachdb/cockroach/pkg/util/log/get_stacks.go:25 +0x89`,
      `github.com/cockroachdb/cockroach/pkg/server.(*Server).PreStart.func7({0x7a8c1e0, 0xc001b3c7e0})`,
      `	github.com/cockroachdb/cockroach/pkg/server/server.go:1050 +0x1b5`,
      `[exit status 7]`,
    );
  };
  const peerLog = (n: number) => lines(
    `I${crdbTime(30, 12)} 551 kv/kvserver/store_rebalancer.go:666 ⋮ [T1,n${n},s${n},store-rebalancer,obj=‹cpu›] 5108  load-based replica transfers successfully brought s${n} down to 0.42 cpu/s`,
    `W${crdbTime(7.1, 450)} 214 kv/kvserver/closedts/sidetransport/receiver.go:139 ⋮ [T1,n${n}] 5109  closed timestamps side-transport connection dropped from node: 2`,
    `W${crdbTime(6.9, 620)} 240 2@rpc/clock_offset.go:258 ⋮ [T1,n${n},rnode=2,raddr=‹${fqdn(1)}›,class=system,rpc] 5110  remote clock offset of ${n === 1 ? '1.187s' : '1.193s'} exceeds tolerated offset 400ms`,
    `I${crdbTime(6.5, 903)} 188 2@rpc/nodedialer/nodedialer.go:162 ⋮ [T1,n${n}] 5111  unable to connect to n2: failed to connect to n2 at ‹${fqdn(1)}›: initial connection heartbeat failed: grpc: ‹connection error: desc = "transport: error while dialing: dial tcp ${p1.status?.podIP ?? ''}:26257: connect: connection refused"› [code 14/Unavailable]`,
    `W${crdbTime(4.2, 17)} 1290 kv/kvserver/replica_raft.go:1589 ⋮ [T1,n${n},s${n},r212/1:‹/Table/11{4-5}›] 5112  have been waiting 60.00s for slow proposal (ambiguous result, will retry)`,
    `I${crdbTime(1.1, 310)} 311 server/status/runtime_log.go:47 ⋮ [T1,n${n}] 5113  runtime stats: 3.2 GiB RSS, 688 goroutines (stacks: 8.9 MiB), 1.1 GiB/1.6 GiB Go alloc/total, 2.1 GiB CGO alloc/total, 412.3 CGO/sec, 38.1/6.2 %(u/s)time, 0.0 %gc (0x), 2.1 MiB/1.9 MiB (r/w)net`,
  );
  const fp = 'spec.containers{db}';
  return {
    id: 'heldout61-cockroachdb-node-clock-unsynced',
    class: 'nodes',
    truth: `cockroachdb-1 runs on ${bad}, whose time daemon (chronyd) stopped about nine hours ago (node-problem-detector reports NTPProblem/NTPIsDown); its clock drifted more than a second away, so every start of cockroachdb-1 ends in CockroachDB's "clock synchronization error: this node is more than 500ms away from at least half of the known nodes" fatal (exit 7) and it crash-loops. cockroachdb-0 and -2 on other nodes are fine. Fix the node's time sync (or cordon it and move the pod); nothing in the StatefulSet changed.`,
    ask: { service: 'cockroachdb', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...api.objects,
      service({ namespace: ns, name: 'cockroachdb', selector: { app: 'cockroachdb' }, headless: true, ports: [{ name: 'grpc', port: 26257, targetPort: 26257 }, { name: 'http', port: 8080, targetPort: 8080 }] }),
      ...exposed({ namespace: ns, name: 'cockroachdb-public', selector: { app: 'cockroachdb' }, ports: [{ name: 'grpc', port: 26257, targetPort: 'grpc' }, { name: 'http', port: 8080, targetPort: 'http' }], pods: sts.pods, endpointPort: 26257 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 42), 2, 0, 4 * HOURS),
      event({ on: { kind: 'Node', name: bad }, reason: 'NTPIsDown', message: 'NTP service is not running', count: 109, firstAgo: 9 * HOURS + 12, lastAgo: 3, component: 'custom-plugin-monitor' }),
      ...restartedAgain(p1, 'db', image, { count: 23, firstAgo: 8 * HOURS + 40, lastAgo: 3.8 }),
      backOff(p1, 'db', { count: 311, firstAgo: 8 * HOURS + 35, lastAgo: 0.4 }),
      event({ on: p1, reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 188, firstAgo: 8 * HOURS + 39, lastAgo: 3.9, fieldPath: fp }),
    ],
    logs: [
      logsFor(p1, 'db', { previous: crdbRun(2.6), current: crdbRun(2.6) }),
      logsFor(p0, 'db', { current: peerLog(1) }),
      logsFor(p2, 'db', { current: peerLog(3) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"warn","ts":"${at(6.8)}","msg":"retrying transaction","attempt":2,"error":"ERROR: restart transaction: TransactionRetryWithProtoRefreshError: TransactionRetryError: retry txn (RETRY_SERIALIZABLE) (SQLSTATE 40001)"}`, `{"level":"info","ts":"${at(0.7)}","msg":"POST /v1/postings","status":201,"duration_ms":22}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/clock|offset|time ?sync|NTP|chrony|synchroni[sz]/i, new RegExp(`cockroachdb-1|${bad.replace(/\./g, '\\.')}|ip-10-0-94-140`)],
      facts: [lit(bad), /500 ?ms|max(imum)?[ -]offset|NTPIsDown|NTP service/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /liveness probe/i, /ledger-api/],
    },
  };
}

// ---- 2. Postgres config rewritten without shared_preload_libraries ---------------------------------

function pgStatStatementsNotPreloaded(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.33', ['25', '118', '204']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgTpl = (checksum: string) => ({
    containers: [container({
      name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'billing' }],
      ports: [{ name: 'postgres', containerPort: 5432 }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'postgres-conf' } }],
    annotations: { 'checksum/config': checksum },
    terminationGracePeriodSeconds: 120,
  });
  const pg = statefulSetApp({
    namespace: ns, name: 'postgres', replicas: 1, createdAgo: 300 * DAYS,
    revisions: [
      { revision: 7, createdAgo: 44 * DAYS, template: pgTpl('9b1e0d2f6c4a8e31f7d5b2c90a6e4f18d3c7b5a2e9f1d0c8b6a4e2f0d9c7b5a3') },
      { revision: 8, createdAgo: 3 * HOURS + 6, template: pgTpl('4c7a1f9e2b8d6c30e5a1f7b94d2c8e06a3f5b1d9c7e2a4f8b0d6c3e1a9f7b5d2') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 8, ordinal: 0, node: names[1] ?? '', createdAgo: 3 * HOURS + 5 }],
  });
  const conf = configMap({
    namespace: ns, name: 'postgres-conf', createdAgo: 300 * DAYS, updatedAgo: 3 * HOURS + 7,
    data: {
      'postgresql.conf': [
        "# managed by platform/db-charts — tuned for r6i.2xlarge (PGTUNE 2026-11)",
        "listen_addresses = '*'",
        'max_connections = 300',
        'shared_buffers = 1GB',
        'effective_cache_size = 3GB',
        'maintenance_work_mem = 256MB',
        'checkpoint_completion_target = 0.9',
        'wal_buffers = 16MB',
        'default_statistics_target = 100',
        'random_page_cost = 1.1',
        'effective_io_concurrency = 200',
        'work_mem = 6MB',
        'huge_pages = try',
        'min_wal_size = 1GB',
        'max_wal_size = 4GB',
        'max_worker_processes = 8',
        'max_parallel_workers_per_gather = 2',
        'max_parallel_workers = 8',
        'log_min_duration_statement = 500',
        "log_line_prefix = '%m [%p] %q%u@%d '",
        'track_io_timing = on',
        '',
      ].join('\n'),
      'pg_hba.conf': 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all 10.0.0.0/16 scram-sha-256\n',
    },
  });
  const image = (v: string) => `${ECR}/billing/billing-reports:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '250m', memory: '512Mi',
      env: [{ name: 'DATABASE_URL', value: 'postgresql://reports@postgres.billing.svc.cluster.local:5432/billing' }, { name: 'QUERY_INSIGHTS_ENABLED', value: 'true' }, { name: 'WEB_CONCURRENCY', value: '2' }],
      readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const crash = crashLoop({ exitCode: 3, finishedAgo: 1.9, ranSeconds: 4 }, 36);
  const app = deploymentApp({
    namespace: ns, name: 'billing-reports', replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: billing-reports 2.7.0', template: tpl('2.7.0') },
      { revision: 15, createdAgo: 26 * HOURS, changeCause: 'argocd: billing-reports 2.7.1', template: tpl('2.7.1') },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 26 * HOURS - 1, containers: { app: crash } },
      { revision: 15, node: names[2] ?? '', createdAgo: 26 * HOURS - 2, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 0.8, ranSeconds: 4 }, 35) } },
    ],
    settled: { available: false, availableSince: 3 * HOURS - 1, progressingSince: 26 * HOURS, progressingUpdatedAgo: 26 * HOURS - 2 },
  });
  const invoices = bystander(ns, 'invoice-api', names, 2 * HOURS, { revisions: [88, 89], versions: ['9.4.2', '9.4.3'], olderAgo: 6 * DAYS });
  const pgPod = podOf(pg, 0);
  const [r0, r1] = [podOf(app, 0), podOf(app, 1)];
  const stmt = 'SELECT queryid, calls, total_exec_time, mean_exec_time, rows, query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 50';
  const reportsRun = (end: number, pid: number) => lines(
    `[${pyTime(end + 0.07)}] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(end + 0.07)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${pyTime(end + 0.07)}] [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
    `[${pyTime(end + 0.06)}] [${pid}] [INFO] Booting worker with pid: ${pid}`,
    `[${pyTime(end + 0.05)}] [${pid}] [INFO] Started server process [${pid}]`,
    `[${pyTime(end + 0.05)}] [${pid}] [INFO] Waiting for application startup.`,
    `${pyTime(end + 0.04)} INFO reports.db: connection pool opened (min_size=2, max_size=10) host=postgres.billing.svc.cluster.local db=billing`,
    `${pyTime(end + 0.04)} WARNING reports.cache: REDIS_URL not set, using in-process cache`,
    `${pyTime(end + 0.03)} INFO reports.insights: priming query-insights baseline`,
    `[${pyTime(end + 0.02)}] [${pid}] [ERROR] Traceback (most recent call last):`,
    `  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 693, in lifespan`,
    `    async with self.lifespan_context(app) as maybe_state:`,
    `  File "/app/reports/main.py", line 41, in lifespan`,
    `    await insights.prime_baseline(pool)`,
    `  File "/app/reports/insights.py", line 77, in prime_baseline`,
    `    await cur.execute(TOP_STATEMENTS_SQL)`,
    `  File "/usr/local/lib/python3.12/site-packages/psycopg/cursor_async.py", line 97, in execute`,
    `    raise ex.with_traceback(None)`,
    `psycopg.errors.ObjectNotInPrerequisiteState: pg_stat_statements must be loaded via "shared_preload_libraries"`,
    ``,
    `[${pyTime(end + 0.02)}] [${pid}] [ERROR] Application startup failed. Exiting.`,
    `[${pyTime(end + 0.01)}] [${pid}] [INFO] Worker exiting (pid: ${pid})`,
    `[${pyTime(end)}] [1] [ERROR] Worker (pid:${pid}) exited with code 3`,
    `[${pyTime(end)}] [1] [ERROR] Shutting down: Master`,
    `[${pyTime(end)}] [1] [ERROR] Reason: Worker failed to boot.`,
  );
  const pgLog = lines(
    `${pgTime(3 * HOURS + 4.6)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(3 * HOURS + 4.6)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(3 * HOURS + 4.6)} [1] LOG:  listening on IPv6 address "::", port 5432`,
    `${pgTime(3 * HOURS + 4.6)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
    `${pgTime(3 * HOURS + 4.59)} [28] LOG:  database system was shut down at ${pgTime(3 * HOURS + 4.9).replace(/\.\d+ UTC/, ' UTC')}`,
    `${pgTime(3 * HOURS + 4.58)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(3 * HOURS + 3.1)} [412] reports@billing ERROR:  pg_stat_statements must be loaded via "shared_preload_libraries"`,
    `${pgTime(3 * HOURS + 3.1)} [412] reports@billing STATEMENT:  ${stmt}`,
    `${pgTime(47.2)} [9811] invoice_app@billing LOG:  duration: 612.448 ms  execute <unnamed>: SELECT i.* FROM invoices i WHERE i.account_id = $1 AND i.status = ANY($2) ORDER BY i.issued_at DESC LIMIT 200`,
    `${pgTime(5.8)} [10412] invoice_app@billing ERROR:  duplicate key value violates unique constraint "payments_idempotency_key_key"`,
    `${pgTime(5.8)} [10412] invoice_app@billing DETAIL:  Key (idempotency_key)=(pay_7Hq2kXv91) already exists.`,
    `${pgTime(1.9)} [10533] reports@billing ERROR:  pg_stat_statements must be loaded via "shared_preload_libraries"`,
    `${pgTime(1.9)} [10533] reports@billing STATEMENT:  ${stmt}`,
    `${pgTime(0.8)} [10540] reports@billing ERROR:  pg_stat_statements must be loaded via "shared_preload_libraries"`,
    `${pgTime(0.8)} [10540] reports@billing STATEMENT:  ${stmt}`,
  );
  return {
    id: 'heldout61-postgres-conf-dropped-pg-stat-statements',
    class: 'config',
    truth: "Three hours ago a PGTUNE rewrite of the postgres-conf ConfigMap (postgresql.conf) replaced the whole file and dropped shared_preload_libraries = 'pg_stat_statements'; the config checksum rolled the postgres StatefulSet to revision 8 and the restarted postgres-0 no longer preloads the extension. billing-reports' startup primes its query-insights baseline from pg_stat_statements, gets 'pg_stat_statements must be loaded via \"shared_preload_libraries\"', fails application startup (gunicorn exit 3) and crash-loops. billing-reports' own revision 15 (a day old) is not the cause; restore the setting and restart postgres.",
    ask: { service: 'billing-reports', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, ...app.objects, ...invoices.objects, conf,
      ...boundClaim({ namespace: ns, name: 'data-postgres-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'postgres', selector: { app: 'postgres' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: pg.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'billing-reports', selector: { app: 'billing-reports' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: invoices.pods }),
      event({ on: { kind: 'StatefulSet', name: 'postgres', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod postgres-0 in StatefulSet postgres successful', firstAgo: 3 * HOURS + 5.5, lastAgo: 3 * HOURS + 5.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'postgres', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod postgres-0 in StatefulSet postgres successful', firstAgo: 3 * HOURS + 5, lastAgo: 3 * HOURS + 5, component: 'statefulset-controller' }),
      scaledReplicaSet(deploymentOf(invoices), rsOf(invoices, 89), 2, 0, 2 * HOURS),
      ...[r0, r1].flatMap((p) => [
        ...restartedAgain(p, 'app', image('2.7.1'), { count: 35, firstAgo: 3 * HOURS + 3, lastAgo: 0.9 }),
        backOff(p, 'app', { count: 801, firstAgo: 3 * HOURS + 2, lastAgo: 0.2 }),
      ]),
    ],
    logs: [
      logsFor(r0, 'app', { previous: reportsRun(1.9, 7) }),
      logsFor(r1, 'app', { previous: reportsRun(0.8, 7) }),
      logsFor(pgPod, 'postgres', { current: pgLog }),
      ...invoices.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1.1)}","msg":"POST /v1/invoices","status":201,"duration_ms":31}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shared_preload_libraries|pg_stat_statements/],
      facts: [/postgres-conf|postgresql\.conf/, /postgres(-0)?[^\n]*revision 8|revision 8|checksum|ConfigMap/i],
      never: [/\bOOM/, /billing-reports[^\n]*revision 15[^\n]*(caus|broke|introduc)|roll(ing)? ?back billing-reports/i, /password|authentication failed/i, /duplicate key/i],
    },
  };
}

// ---- 3. JDK 21 base image rejects the legacy service's SHA1-signed certificate ---------------------

function jdkBumpRejectsSha1Cert(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.150', ['9', '77', '190']);
  const image = (v: string) => `${ECR}/claims/claims-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'POLICY_BACKEND_URL', value: 'https://policy-legacy.claims.svc.cluster.local:8443/policy/v2' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -Djavax.net.ssl.trustStore=/etc/pki/claims/truststore.p12 -Djavax.net.ssl.trustStoreType=PKCS12' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 'management', { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'truststore', mountPath: '/etc/pki/claims', readOnly: true }],
    })],
    volumes: [{ name: 'truststore', configMap: { name: 'claims-truststore' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'claims-gateway', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: claims-gateway 3.8.2-jdk17 (temurin 17.0.12)', template: tpl('3.8.2-jdk17') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: claims-gateway 3.8.2-jdk21 (renovate: base image eclipse-temurin 21.0.5_11-jre)', template: tpl('3.8.2-jdk21') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 58, node: names[1] ?? '', createdAgo: 46.5, ready: false, containers: { app: running({ sinceAgo: 46.3, ready: false }) } },
    ],
  });
  const legacy = deploymentApp({
    namespace: ns, name: 'policy-legacy', replicas: 2,
    revisions: [{ revision: 3, createdAgo: 700 * DAYS, template: { containers: [container({ image: `${ECR}/claims/policy-legacy:1.9.14`, ports: [{ name: 'https', containerPort: 8443 }], memory: '768Mi', readiness: tcpProbe('https'), liveness: tcpProbe('https', { initialDelaySeconds: 60 }) })] } }],
    pods: [{ revision: 3, node: names[0] ?? '', createdAgo: 61 * DAYS }, { revision: 3, node: names[2] ?? '', createdAgo: 61 * DAYS - 3 }],
  });
  const fresh = podOf(app, 3);
  const trust = configMap({ namespace: ns, name: 'claims-truststore', createdAgo: 700 * DAYS, data: { 'README': 'truststore.p12 (binaryData): acme-internal-root-2014, acme-internal-issuing-2014 (sha1WithRSAEncryption), digicert-global-g2' } });
  const other = bystander(ns, 'claims-notifier', names, 5 * HOURS, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const t0 = 46.2;
  const ssl = (t: number, thread: string) => [
    `${javaTime(t)} ERROR 1 --- [claims-gateway] [${thread}] c.a.c.policy.PolicyClient : policy lookup failed for claim CLM-${2026112100 + Math.round(t * 13)}`,
    `org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://policy-legacy.claims.svc.cluster.local:8443/policy/v2/evaluate": PKIX path validation failed: java.security.cert.CertPathValidatorException: Algorithm constraints check failed on signature algorithm: SHA1withRSA`,
    `	at org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)`,
    `	at org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)`,
    `	at com.acme.claims.policy.PolicyClient.evaluate(PolicyClient.java:64)`,
    `Caused by: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: Algorithm constraints check failed on signature algorithm: SHA1withRSA`,
    `	at java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)`,
    `	at java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:383)`,
    `	at java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1335)`,
    `	... 48 common frames omitted`,
    `Caused by: sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: Algorithm constraints check failed on signature algorithm: SHA1withRSA`,
    `	at java.base/sun.security.validator.PKIXValidator.doValidate(PKIXValidator.java:369)`,
    `	at java.base/sun.security.ssl.X509TrustManagerImpl.checkTrusted(X509TrustManagerImpl.java:211)`,
    `	... 62 common frames omitted`,
    `Caused by: java.security.cert.CertPathValidatorException: Algorithm constraints check failed on signature algorithm: SHA1withRSA`,
    `	at java.base/sun.security.provider.certpath.AlgorithmChecker.check(AlgorithmChecker.java:237)`,
    `	at java.base/sun.security.provider.certpath.PKIXMasterCertPathValidator.validate(PKIXMasterCertPathValidator.java:125)`,
    `	... 69 common frames omitted`,
  ];
  const freshLog = lines(
    `Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -Djavax.net.ssl.trustStore=/etc/pki/claims/truststore.p12 -Djavax.net.ssl.trustStoreType=PKCS12`,
    `${javaTime(t0)}  INFO 1 --- [claims-gateway] [           main] c.a.claims.ClaimsGatewayApplication      : Starting ClaimsGatewayApplication v3.8.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${javaTime(t0 - 0.01)}  INFO 1 --- [claims-gateway] [           main] c.a.claims.ClaimsGatewayApplication      : The following 1 profile is active: "prod"`,
    `${javaTime(t0 - 0.1)}  WARN 1 --- [claims-gateway] [           main] o.s.b.a.o.j.JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning`,
    `${javaTime(t0 - 0.2)}  INFO 1 --- [claims-gateway] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on ports 8080 (http), 8081 (http) with context path '/'`,
    `${javaTime(t0 - 0.21)}  INFO 1 --- [claims-gateway] [           main] c.a.claims.ClaimsGatewayApplication      : Started ClaimsGatewayApplication in 11.84 seconds (process running for 12.6)`,
    ...ssl(t0 - 0.4, 'policy-warmup-1'),
    `${javaTime(t0 - 0.45)}  WARN 1 --- [claims-gateway] [nio-8081-exec-1] o.s.b.a.health.HealthEndpointSupport    : Health contributor com.acme.claims.health.PolicyBackendHealthIndicator (policyBackend) is DOWN`,
    ...ssl(12.3, 'nio-8081-exec-7'),
    `${javaTime(12.31)}  WARN 1 --- [claims-gateway] [nio-8081-exec-7] o.s.b.a.health.HealthEndpointSupport    : Health contributor com.acme.claims.health.PolicyBackendHealthIndicator (policyBackend) is DOWN`,
    `${javaTime(2.1)} ERROR 1 --- [claims-gateway] [nio-8081-exec-3] c.a.c.health.PolicyBackendHealthIndicator : policy backend check failed: javax.net.ssl.SSLHandshakeException: Certificates do not conform to algorithm constraints`,
  );
  const oldLog = lines(
    `${javaTime(3.2)}  INFO 1 --- [claims-gateway] [nio-8080-exec-4] c.a.c.api.ClaimsController               : POST /v3/claims 201 (118 ms)`,
    `${javaTime(2.7)}  WARN 1 --- [claims-gateway] [nio-8080-exec-9] c.a.c.api.ClaimsController               : POST /v3/claims 422 (12 ms) validation failed: incidentDate must be in the past`,
    `${javaTime(0.5)}  INFO 1 --- [claims-gateway] [nio-8080-exec-2] c.a.c.api.ClaimsController               : GET /v3/claims/CLM-2026112055 200 (23 ms)`,
  );
  return {
    id: 'heldout61-jdk21-rejects-sha1-legacy-cert',
    class: 'rollout',
    truth: "Revision 58 of claims-gateway only bumped the base image from Temurin JDK 17 to JDK 21; JDK 21's security defaults reject the SHA1withRSA-signed certificate chain of the old internal policy-legacy service (https://policy-legacy:8443), so every policy call of the new pod fails the TLS handshake ('Algorithm constraints check failed on signature algorithm: SHA1withRSA' / 'Certificates do not conform to algorithm constraints'), its readiness (policyBackend health) stays DOWN and the rollout is stuck with the three JDK 17 pods serving. Fix: reissue policy-legacy's certificate with SHA-256 (or hold the JDK bump).",
    ask: { service: 'claims-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...legacy.objects, ...other.objects, trust,
      ...exposed({ namespace: ns, name: 'claims-gateway', selector: { app: 'claims-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'policy-legacy', selector: { app: 'policy-legacy' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: legacy.pods, endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'claims-notifier', selector: { app: 'claims-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 47),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 5 * HOURS),
      scheduled(fresh, 46.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.8.2-jdk21')}"`, firstAgo: 46.45, lastAgo: 46.45, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.8.2-jdk21')}" in 6.204s (6.204s including waiting). Image size: 231846117 bytes.`, firstAgo: 46.35, lastAgo: 46.35, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 46.34, lastAgo: 46.34, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 46.33, lastAgo: 46.33, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 271, firstAgo: 45.9, lastAgo: 0.1, fieldPath: 'spec.containers{app}' }),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 0).status?.podIP ?? ''}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS - 0.1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: freshLog }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog })),
      ...legacy.pods.map((p) => logsFor(p, 'app', { current: lines(`21-Nov-2026 03:0${(p === legacy.pods[0] ? 9 : 8)}:12.118 INFO [https-jsse-nio-8443-exec-6] com.acme.policy.EvaluateServlet.doPost evaluated policy P-77120 in 41 ms`, `21-Nov-2026 03:12:50.402 INFO [https-jsse-nio-8443-exec-2] com.acme.policy.EvaluateServlet.doPost evaluated policy P-11873 in 37 ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SHA-?1|algorithm constraints|disabledAlgorithms|signature algorithm/i],
      facts: [/jdk ?21|JDK 21|Java 21|temurin|base image/i, /policy-legacy/],
      never: [/\bOOM/, /expir/i, /NetworkPolicy/, /liveness/i],
    },
  };
}

// ---- 4. MongoDB PSA: secondary's node gone, claim pinned to its zone ----------------------------------

function mongoPsaSecondaryGone(): CorpusScenario {
  const ns = 'orders';
  const a = node({ name: eksNodeName('10.0.61.40'), zone: 'eu-west-1a', pool: 'data', instanceType: 'r6i.xlarge', createdAgo: 40 * DAYS });
  const c = node({ name: eksNodeName('10.0.63.118'), zone: 'eu-west-1c', pool: 'data', instanceType: 'r6i.xlarge', createdAgo: 40 * DAYS });
  const g1 = node({ name: eksNodeName('10.0.61.201'), zone: 'eu-west-1a', pool: 'general', createdAgo: 12 * DAYS });
  const g2 = node({ name: eksNodeName('10.0.63.77'), zone: 'eu-west-1c', pool: 'general', createdAgo: 12 * DAYS });
  const gone = eksNodeName('10.0.62.93');
  const mongoImage = 'docker.io/bitnami/mongodb:7.0.14-debian-12-r3';
  const mTpl = {
    containers: [container({
      name: 'mongodb', image: mongoImage, cpu: '1', memory: '6Gi',
      env: [{ name: 'MONGODB_REPLICA_SET_MODE', value: 'secondary' }, { name: 'MONGODB_REPLICA_SET_NAME', value: 'rs0' }, { name: 'MONGODB_ADVERTISED_HOSTNAME', value: '$(MY_POD_NAME).mongodb-headless.orders.svc.cluster.local' }],
      ports: [{ name: 'mongodb', containerPort: 27017 }],
      readiness: execProbe(['/bitnami/scripts/readiness-probe.sh'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['/bitnami/scripts/ping-mongodb.sh'], { initialDelaySeconds: 30, timeoutSeconds: 10 }),
      volumeMounts: [{ name: 'datadir', mountPath: '/bitnami/mongodb' }],
    })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'data' },
  };
  const unsched = '0/4 nodes are available: 2 node(s) didn\'t match Pod\'s node affinity/selector, 2 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  const mongo = statefulSetApp({
    namespace: ns, name: 'mongodb', replicas: 2, serviceName: 'mongodb-headless', createdAgo: 400 * DAYS,
    revisions: [{ revision: 5, createdAgo: 33 * DAYS, template: mTpl }],
    volumeClaimTemplates: [{ name: 'datadir', storage: '250Gi' }],
    pods: [
      { revision: 5, ordinal: 0, node: a.metadata?.name ?? '', createdAgo: 33 * DAYS },
      { revision: 5, ordinal: 1, node: null, createdAgo: 5 * HOURS + 42, unschedulable: unsched, containers: { mongodb: waiting('ContainerCreating') } },
    ],
  });
  const arbiter = statefulSetApp({
    namespace: ns, name: 'mongodb-arbiter', replicas: 1, serviceName: 'mongodb-arbiter-headless', createdAgo: 400 * DAYS,
    revisions: [{ revision: 5, createdAgo: 33 * DAYS, template: { containers: [container({ name: 'mongodb-arbiter', image: mongoImage, cpu: '100m', memory: '256Mi', env: [{ name: 'MONGODB_REPLICA_SET_MODE', value: 'arbiter' }], ports: [{ name: 'mongodb', containerPort: 27017 }], readiness: tcpProbe('mongodb'), liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 5, ordinal: 0, node: c.metadata?.name ?? '', createdAgo: 33 * DAYS, containers: { 'mongodb-arbiter': running({ sinceAgo: 21 * DAYS, restarts: 1, last: { exitCode: 0, reason: 'Completed', finishedAgo: 21 * DAYS + 0.5, ranSeconds: 12 * DAYS } }) } }],
  });
  const [pvc0, pv0] = boundClaim({ namespace: ns, name: 'datadir-mongodb-0', storage: '250Gi', zone: 'eu-west-1a', createdAgo: 400 * DAYS });
  const [pvc1, pv1] = boundClaim({ namespace: ns, name: 'datadir-mongodb-1', storage: '250Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS });
  const svcImage = (v: string) => `${ECR}/orders/order-service:${v}`;
  const oTpl = (v: string) => ({
    containers: [container({
      image: svcImage(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [{ name: 'MONGODB_URI', value: 'mongodb://order-service@mongodb-0.mongodb-headless.orders.svc.cluster.local:27017,mongodb-1.mongodb-headless.orders.svc.cluster.local:27017/orders?replicaSet=rs0&w=majority&wtimeoutMS=10000&readPreference=primaryPreferred' }, { name: 'NODE_ENV', value: 'production' }],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const svc = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [
      { revision: 66, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 12.3.0', template: oTpl('12.3.0') },
      { revision: 67, createdAgo: 19 * HOURS, changeCause: 'argocd: order-service 12.3.1', template: oTpl('12.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 67, node: [g1, g2, g1][k]?.metadata?.name ?? '', createdAgo: 19 * HOURS - k })),
    settled: { available: true, availableSince: 19 * HOURS - 3, progressingSince: 19 * HOURS, progressingUpdatedAgo: 19 * HOURS - 3 },
  });
  const m0 = podOf(mongo, 0);
  const m1 = podOf(mongo, 1);
  const mlog = (t: number, s: string, comp: string, id: number, ctx: string, msg: string, attr: string) => `{"t":{"$date":"${at(t).replace('Z', '+00:00')}"},"s":"${s}","c":"${comp}","id":${id},"ctx":"${ctx}","msg":"${msg}","attr":${attr}}`;
  const m1Host = 'mongodb-1.mongodb-headless.orders.svc.cluster.local:27017';
  const primaryLog = lines(
    mlog(5 * HOURS + 44, 'I', 'REPL_HB', 23974, 'ReplCoord-112', 'Heartbeat failed after max retries', `{"target":"${m1Host}","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to ${m1Host} :: caused by :: Could not find address for ${m1Host}: SocketException: Host not found (authoritative)"}}`),
    mlog(5 * HOURS + 43.9, 'I', 'REPL', 21216, 'ReplCoord-112', 'Member is in new state', `{"hostAndPort":"${m1Host}","newState":"(not reachable/healthy)"}`),
    mlog(5 * HOURS + 40, 'I', 'CONNPOOL', 22576, 'ReplNetwork', 'Connecting', `{"hostAndPort":"${m1Host}"}`),
    mlog(3.5, 'I', 'WRITE', 51803, 'conn48211', 'Slow query', `{"type":"command","ns":"orders.orders","command":{"insert":"orders","ordered":true,"writeConcern":{"w":"majority","wtimeout":10000},"$db":"orders"},"ninserted":1,"numYields":0,"reslen":301,"writeConcern":{"w":"majority","wtimeout":10000,"provenance":"clientSupplied"},"durationMillis":10004}`),
    mlog(3.5, 'I', 'COMMAND', 51803, 'conn48211', 'Slow query', `{"type":"command","ns":"orders.$cmd","command":{"insert":"orders"},"errCode":64,"errName":"WriteConcernFailed","errMsg":"waiting for replication timed out","durationMillis":10004}`),
    mlog(1.2, 'I', 'NETWORK', 22943, 'listener', 'Connection accepted', `{"remote":"10.0.61.88:51234","connectionId":48302,"connectionCount":61}`),
    mlog(0.6, 'I', 'REPL_HB', 23974, 'ReplCoord-140', 'Heartbeat failed after max retries', `{"target":"${m1Host}","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to ${m1Host} :: caused by :: Could not find address for ${m1Host}: SocketException: Host not found (authoritative)"}}`),
  );
  const svcLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 9 - i * 1.5 - k * 0.1;
      out.push(`{"level":30,"time":${ago(t + 0.3).getTime()},"pid":1,"hostname":"order-service","reqId":"req-${k}${i}a","req":{"method":"GET","url":"/v1/orders/ORD-88${k}1${i}"},"res":{"statusCode":200},"responseTime":${14 + i},"msg":"request completed"}`);
      out.push(`{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"order-service","reqId":"req-${k}${i}b","err":{"type":"MongoWriteConcernError","message":"waiting for replication timed out","code":64,"codeName":"WriteConcernFailed","errInfo":{"wtimeout":true,"writeConcern":{"w":"majority","wtimeout":10000,"provenance":"clientSupplied"}},"result":{"n":1,"ok":1}},"msg":"failed to create order"}`);
      out.push(`{"level":30,"time":${ago(t - 0.01).getTime()},"pid":1,"hostname":"order-service","reqId":"req-${k}${i}b","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":503},"responseTime":10011,"msg":"request completed"}`);
    }
    return out.join('\n') + '\n';
  };
  const other = bystander(ns, 'order-events', [g1.metadata?.name ?? '', g2.metadata?.name ?? ''], 3 * HOURS, { revisions: [30, 31], versions: ['4.0.7', '4.0.8'], olderAgo: 15 * DAYS });
  return {
    id: 'heldout61-mongodb-psa-secondary-unschedulable',
    class: 'scheduling',
    truth: `The MongoDB replica set is primary + secondary + arbiter. ${gone} (the only data node in eu-west-1b) was removed about six hours ago, and mongodb-1 cannot be rescheduled: its claim datadir-mongodb-1 is an EBS volume pinned to eu-west-1b and no data node is left there (volume node affinity conflict), so it is Pending. With only the primary holding data, order-service's w:majority writes time out (WriteConcernFailed, "waiting for replication timed out") while reads keep working. Fix: bring a data node back in eu-west-1b (or rebuild the secondary elsewhere).`,
    ask: { service: 'order-service', namespace: ns },
    objects: [
      a, c, g1, g2, ...mongo.objects, ...arbiter.objects, ...svc.objects, ...other.objects, pvc0, pv0, pvc1, pv1,
      service({ namespace: ns, name: 'mongodb-headless', selector: { app: 'mongodb' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }] }),
      endpointSliceFor(service({ namespace: ns, name: 'mongodb-headless', selector: { app: 'mongodb' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }] }), mongo.pods, 27017),
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: svc.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: other.pods }),
      event({ on: { kind: 'Node', name: gone }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${gone} status is now: NodeNotReady`, firstAgo: 5 * HOURS + 50, lastAgo: 5 * HOURS + 50, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: gone }, type: 'Normal', reason: 'DeletingNode', message: `Deleting node ${gone} because it does not exist in the cloud provider`, firstAgo: 5 * HOURS + 43, lastAgo: 5 * HOURS + 43, component: 'cloud-node-lifecycle-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'mongodb', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod mongodb-1 in StatefulSet mongodb successful', firstAgo: 5 * HOURS + 42, lastAgo: 5 * HOURS + 42, component: 'statefulset-controller' }),
      failedScheduling(m1, unsched, { count: 74, firstAgo: 5 * HOURS + 42, lastAgo: 2 }),
      notTriggerScaleUp(m1, '1 node(s) had volume node affinity conflict, 1 node(s) didn\'t match Pod\'s node affinity/selector', { count: 339, firstAgo: 5 * HOURS + 41, lastAgo: 0.5 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 3 * HOURS),
    ],
    logs: [
      logsFor(m0, 'mongodb', { current: primaryLog }),
      ...svc.pods.map((p, k) => logsFor(p, 'app', { current: svcLog(k) })),
      logsFor(podOf(arbiter, 0), 'mongodb-arbiter', { current: lines(mlog(0.9, 'I', 'REPL_HB', 23974, 'ReplCoord-88', 'Heartbeat failed after max retries', `{"target":"${m1Host}","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to ${m1Host} :: caused by :: Could not find address for ${m1Host}: SocketException: Host not found (authoritative)"}}`)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mongodb-1|datadir-mongodb-1|secondary/i],
      facts: [/volume node affinity|eu-west-1b/i, /majority|waiting for replication|WriteConcernFailed|wtimeout/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /order-service[^\n]*revision 67[^\n]*(caus|broke|introduc)/i, /arbiter[^\n]*(down|crash|fail)/i],
    },
  };
}

// ---- 5. ClickHouse migration Job: ON CLUSTER DDL waits for a Pending replica ------------------------

function clickhouseOnClusterTimeout(): CorpusScenario {
  const ns = 'analytics';
  const mk = (ip: string, zone: string, pool: string, extra: Partial<Parameters<typeof node>[0]> = {}) => node({ name: eksNodeName(ip), zone, pool, instanceType: pool === 'clickhouse' ? 'r6i.2xlarge' : 'm6i.xlarge', allocatable: pool === 'clickhouse' ? { cpu: '7910m', memory: '63369236Ki', pods: '58' } : undefined, createdAgo: 30 * DAYS, ...extra });
  const ch = [mk('10.0.70.14', 'eu-west-1a', 'clickhouse'), mk('10.0.71.52', 'eu-west-1b', 'clickhouse'), mk('10.0.72.99', 'eu-west-1c', 'clickhouse', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(2 * HOURS + 10) }] }), mk('10.0.70.181', 'eu-west-1a', 'clickhouse')];
  const gen = [mk('10.0.71.200', 'eu-west-1b', 'general'), mk('10.0.72.31', 'eu-west-1c', 'general')];
  const chImage = 'docker.io/clickhouse/clickhouse-server:24.8.6.70';
  const chTpl = { containers: [container({ name: 'clickhouse', image: chImage, cpu: '3', memory: '40Gi', ports: [{ name: 'http', containerPort: 8123 }, { name: 'tcp', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }], readiness: httpProbe('/ping', 'http'), liveness: httpProbe('/ping', 'http', { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }] })], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'clickhouse' } };
  const unsched = '0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn\'t match Pod\'s node affinity/selector, 3 node(s) had volume node affinity conflict. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.';
  const n = (i: number) => ch[i]?.metadata?.name ?? '';
  const shard0 = statefulSetApp({
    namespace: ns, name: 'clickhouse-shard0', replicas: 2, selector: { 'app.kubernetes.io/name': 'clickhouse', 'app.kubernetes.io/shard': '0' }, serviceName: 'clickhouse-headless', createdAgo: 180 * DAYS,
    revisions: [{ revision: 4, createdAgo: 26 * DAYS, template: chTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: n(0), createdAgo: 26 * DAYS }, { revision: 4, ordinal: 1, node: n(1), createdAgo: 26 * DAYS - 6 }],
  });
  const shard1 = statefulSetApp({
    namespace: ns, name: 'clickhouse-shard1', replicas: 2, selector: { 'app.kubernetes.io/name': 'clickhouse', 'app.kubernetes.io/shard': '1' }, serviceName: 'clickhouse-headless', createdAgo: 180 * DAYS,
    revisions: [{ revision: 4, createdAgo: 26 * DAYS, template: chTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [
      { revision: 4, ordinal: 0, node: n(3), createdAgo: 26 * DAYS - 12 },
      { revision: 4, ordinal: 1, node: null, createdAgo: 2 * HOURS + 4, unschedulable: unsched, containers: { clickhouse: waiting('ContainerCreating') } },
    ],
  });
  const keeper = statefulSetApp({
    namespace: ns, name: 'clickhouse-keeper', replicas: 3, createdAgo: 180 * DAYS,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'keeper', image: 'docker.io/clickhouse/clickhouse-keeper:24.8.6.70', cpu: '250m', memory: '1Gi', ports: [{ name: 'client', containerPort: 9181 }, { name: 'raft', containerPort: 9234 }], readiness: tcpProbe('client'), liveness: tcpProbe('client', { initialDelaySeconds: 30 }) })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 2, ordinal: i, node: gen[i % 2]?.metadata?.name ?? '', createdAgo: 40 * DAYS - i })),
  });
  const migImage = `${ECR}/analytics/events-migrations:142`;
  const migJob = job({
    namespace: ns, name: 'events-schema-migrate', backoffLimit: 1, createdAgo: 14,
    template: { containers: [batchContainer({ name: 'migrate', image: migImage, args: ['-path', '/migrations', '-database', 'clickhouse://clickhouse.analytics.svc.cluster.local:9000?username=migrator&database=events&x-multi-statement=true&x-cluster-name=events', 'up'], cpu: '100m', memory: '128Mi' })] },
    pods: [
      { node: gen[0]?.metadata?.name ?? '', createdAgo: 14, phase: 'Failed', containers: { migrate: { state: exited({ exitCode: 1, finishedAgo: 10.9, ranSeconds: 184 }, 'mig1'), ready: false, restartCount: 0, started: false } } },
      { node: gen[1]?.metadata?.name ?? '', createdAgo: 10.8, phase: 'Failed', containers: { migrate: { state: exited({ exitCode: 1, finishedAgo: 10.7, ranSeconds: 3 }, 'mig2'), ready: false, restartCount: 0, started: false } } },
    ],
    outcome: { failed: 'BackoffLimitExceeded', ago: 10.6 },
  });
  const [j1, j2] = [podOf(migJob, 0), podOf(migJob, 1)];
  const chHost = (s: number, r: number) => `clickhouse-shard${s}-${r}.clickhouse-headless.analytics.svc.cluster.local`;
  const migLog1 = lines(
    `2026/11/21 03:00:08 Start buffering 42/u add_referrer_domain`,
    `2026/11/21 03:00:08 Read and execute 42/u add_referrer_domain`,
    `2026/11/21 03:03:12 error: migration failed in line 0: ALTER TABLE events.page_views_local ON CLUSTER 'events' ADD COLUMN IF NOT EXISTS referrer_domain LowCardinality(String) DEFAULT domain(referrer) AFTER referrer; (details: code: 159, message: Watching task /clickhouse/task_queue/ddl/query-0000001287 is executing longer than distributed_ddl_task_timeout (=180) seconds. There are 1 unfinished hosts (0 of them are currently executing the task), they are going to execute the query in background)`,
  );
  const migLog2 = lines(`2026/11/21 03:03:22 error: Dirty database version 42. Fix and force version.`);
  const chLog = (s: number, r: number) => lines(
    `${at(11.2).replace('T', ' ').slice(0, 23)} [ 812 ] {} <Debug> DDLWorker: Processing task query-0000001287 (ALTER TABLE events.page_views_local ON CLUSTER events ADD COLUMN IF NOT EXISTS referrer_domain LowCardinality(String) DEFAULT domain(referrer) AFTER referrer)`,
    `${at(11.19).replace('T', ' ').slice(0, 23)} [ 812 ] {} <Debug> DDLWorker: Executed query: ALTER TABLE events.page_views_local ADD COLUMN IF NOT EXISTS referrer_domain LowCardinality(String) DEFAULT domain(referrer) AFTER referrer`,
    `${at(11.19).replace('T', ' ').slice(0, 23)} [ 812 ] {} <Information> DDLWorker: Task query-0000001287 executed by current replica (${chHost(s, r)}:9000)`,
    `${at(8.1).replace('T', ' ').slice(0, 23)} [ 633 ] {} <Warning> events.page_views_local (ReplicatedMergeTreeRestartingThread): Replica /clickhouse/tables/${s}/events/page_views_local/replicas/clickhouse-shard${s}-${1 - r} ${s === 1 ? 'is not active' : 'lag 0'}`,
    `${at(0.5).replace('T', ' ').slice(0, 23)} [ 71 ] {} <Information> events.page_views_local (MergerMutator): Merged 6 parts: from 202611_128811_128816_1 to 202611_128811_128821_2`,
  );
  const chAll = [...shard0.objects, ...shard1.objects];
  const chPods = [...shard0.pods, ...shard1.pods];
  const pending = podOf(shard1, 1);
  const ingest = bystander(ns, 'events-ingest', gen.map(nameOf), 14, { revisions: [141, 142], versions: ['142-a', '142-b'], olderAgo: 5 * DAYS });
  return {
    id: 'heldout61-clickhouse-on-cluster-ddl-pending-replica',
    class: 'jobs',
    truth: `clickhouse-shard1-1 has been Pending for two hours: its node ${n(2)} (eu-west-1c) was cordoned and drained for an AMI upgrade that was never finished, and its EBS claim data-clickhouse-shard1-1 is pinned to eu-west-1c, where no other clickhouse node exists. The events-schema-migrate Job's ON CLUSTER ALTER waited for that replica to run its DDL task and failed after distributed_ddl_task_timeout (180 s, code 159); the retry then hit golang-migrate's "Dirty database version 42", and the Job reached its backoff limit. The migration is not wrong; get clickhouse-shard1-1 scheduled (uncordon the node or add a clickhouse node in eu-west-1c), then force version 41 and re-run.`,
    ask: { service: 'events-schema-migrate', namespace: ns },
    objects: [
      ...ch, ...gen, ...chAll, ...keeper.objects, ...migJob.objects, ...ingest.objects,
      ...[0, 1].flatMap((s) => [0, 1].flatMap((r) => boundClaim({ namespace: ns, name: `data-clickhouse-shard${s}-${r}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1a', 'eu-west-1c'][s * 2 + r] ?? 'eu-west-1a', createdAgo: 180 * DAYS }))),
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { 'app.kubernetes.io/name': 'clickhouse' }, ports: [{ name: 'tcp', port: 9000, targetPort: 'tcp' }, { name: 'http', port: 8123, targetPort: 'http' }], pods: chPods, endpointPort: 9000 }),
      service({ namespace: ns, name: 'clickhouse-headless', selector: { 'app.kubernetes.io/name': 'clickhouse' }, headless: true, ports: [{ name: 'tcp', port: 9000, targetPort: 'tcp' }] }),
      ...exposed({ namespace: ns, name: 'events-ingest', selector: { app: 'events-ingest' }, pods: ingest.pods }),
      nodeEvent(n(2), 'NodeNotSchedulable', `Node ${n(2)} status is now: NodeNotSchedulable`, { firstAgo: 2 * HOURS + 10 }),
      event({ on: { kind: 'StatefulSet', name: 'clickhouse-shard1', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod clickhouse-shard1-1 in StatefulSet clickhouse-shard1 successful', firstAgo: 2 * HOURS + 4, lastAgo: 2 * HOURS + 4, component: 'statefulset-controller' }),
      failedScheduling(pending, unsched, { count: 31, firstAgo: 2 * HOURS + 4, lastAgo: 3 }),
      notTriggerScaleUp(pending, '1 node(s) had volume node affinity conflict, 1 node(s) didn\'t match Pod\'s node affinity/selector', { count: 118, firstAgo: 2 * HOURS + 3, lastAgo: 0.7 }),
      jobEvent(migJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(j1)}`, 14),
      jobEvent(migJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(j2)}`, 10.8),
      jobEvent(migJob.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 10.6, 'Warning'),
      ...startedNormally(j1, 'migrate', migImage, 14),
      ...startedNormally(j2, 'migrate', migImage, 10.8),
      scaledReplicaSet(deploymentOf(ingest), rsOf(ingest, 142), 2, 0, 14),
    ],
    logs: [
      logsFor(j1, 'migrate', { current: migLog1 }),
      logsFor(j2, 'migrate', { current: migLog2 }),
      logsFor(podOf(shard0, 0), 'clickhouse', { current: chLog(0, 0) }),
      logsFor(podOf(shard0, 1), 'clickhouse', { current: chLog(0, 1) }),
      logsFor(podOf(shard1, 0), 'clickhouse', { current: chLog(1, 0) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/clickhouse-shard1-1|shard1/],
      facts: [/distributed_ddl_task_timeout|TIMEOUT_EXCEEDED|code: 159|ON CLUSTER/i, /volume node affinity|unschedulable|cordon|Pending/i],
      never: [/\bOOM/, /NetworkPolicy/, /image|ImagePull/i, /clickhouse-keeper[^\n]*(down|fail|unavailable)/i],
    },
  };
}

// ---- 6. Kyverno verify-images denies the new ReplicaSet's pods after a key rotation ----------------

function kyvernoSignatureKeyRotated(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.120', ['44', '161', '230']);
  const image = (v: string) => `${ECR}/storefront/cart-api:${v}`;
  const tpl = (v: string, signer: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '384Mi', env: [{ name: 'REDIS_ADDR', value: 'cart-redis.storefront.svc.cluster.local:6379' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
    annotations: { 'ci.acme.io/pipeline': `https://ci.acme.internal/storefront/cart-api/-/pipelines/${v === '2.31.0' ? '918244' : '917002'}`, 'ci.acme.io/signed-by': signer },
  });
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 2.30.4', template: tpl('2.30.4', 'awskms:///alias/cosign-release') },
      { revision: 19, createdAgo: 38, changeCause: 'argocd: cart-api 2.31.0', template: tpl('2.31.0', 'awskms:///alias/cosign-release-2026q4') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const newRs = rsOf(app, 19);
  const denial = `admission webhook "mutate.kyverno.svc-fail" denied the request: \n\nresource Pod/${ns}/ was blocked due to the following policies \n\nverify-image-signatures:\n  verify-acme-ecr: 'failed to verify image ${image('2.31.0')}: .attestors[0].entries[0].keys: no matching signatures:\n    invalid signature when validating ASN.1 encoded signature'`;
  // What the Deployment controller writes when its new ReplicaSet cannot create pods.
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(4 * DAYS - 3), lastTransitionTime: ago(4 * DAYS - 3) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: denial, lastUpdateTime: ago(38), lastTransitionTime: ago(38) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs}" has timed out progressing.`, lastUpdateTime: ago(28), lastTransitionTime: ago(28) },
    ];
  }
  const rs19 = replicaSetOf(app, 19) as k8s.V1ReplicaSet;
  if (rs19.status) rs19.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: denial, lastTransitionTime: ago(38) }];
  const redis = statefulSetApp({
    namespace: ns, name: 'cart-redis', replicas: 1, createdAgo: 200 * DAYS,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 31 * DAYS }],
  });
  const web = bystander(ns, 'storefront-web', names, 3 * HOURS, { revisions: [204, 205], versions: ['2026.11.20-1', '2026.11.21-1'], olderAgo: 2 * DAYS });
  const cartLog = lines(
    `{"time":"${at(6.2)}","level":"WARN","msg":"redis: connection pool: failed to dial after 1 attempts","addr":"cart-redis.storefront.svc.cluster.local:6379","error":"i/o timeout","retry_in":"250ms"}`,
    `{"time":"${at(6.19)}","level":"INFO","msg":"redis: reconnected","addr":"cart-redis.storefront.svc.cluster.local:6379"}`,
    `{"time":"${at(1.4)}","level":"INFO","msg":"request","method":"POST","path":"/v1/carts/c_8812/items","status":200,"dur_ms":9}`,
    `{"time":"${at(0.3)}","level":"INFO","msg":"request","method":"GET","path":"/v1/carts/c_1207","status":200,"dur_ms":3}`,
  );
  return {
    id: 'heldout61-kyverno-verify-images-rotated-key',
    class: 'rollout',
    truth: "CI rotated its cosign signing key (KMS alias cosign-release → cosign-release-2026q4) and signed cart-api 2.31.0 with the new key, but the cluster's Kyverno verify-image-signatures policy still trusts only the old public key. Kyverno's admission webhook denies every pod of revision 19's ReplicaSet (FailedCreate: 'no matching signatures'), so the rollout made no progress and the three revision-18 pods keep serving. Fix: add the new public key to the policy's attestors (or re-sign with the trusted key).",
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(app), newRs, 1, 0, 38),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 205), 2, 0, 3 * HOURS),
      event({ on: { kind: 'ReplicaSet', name: newRs, namespace: ns }, reason: 'FailedCreate', message: `Error creating: ${denial}`, count: 17, firstAgo: 38, lastAgo: 2.3, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: cartLog })),
    expect: {
      verdict: 'problems',
      headline: [/signature|verify-?image|kyverno|cosign|admission webhook/i],
      facts: [/no matching signatures|failed to verify image/i, /FailedCreate|denied/i],
      never: [/\bOOM/, /ImagePull|image not found|quota/i, /redis/i, /crash ?loop/i],
    },
  };
}

// ---- 7. healthy: overnight kube-downscaler scale-down, Istio sidecars draining ----------------------

function healthyDownscaleEnvoyDrain(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.88', ['20', '143', '222']);
  const image = `${ECR}/search/search-suggest:7.3.2`;
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const tpl = {
    containers: [container({ image, ports: [8080], cpu: '400m', memory: '768Mi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }), env: [{ name: 'SHUTDOWN_GRACE', value: '20s' }] })],
    annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"1-23"}', 'proxy.istio.io/config': '{"terminationDrainDuration":"20s"}' },
    terminationGracePeriodSeconds: 45,
  };
  // Six replicas by day; kube-downscaler's downtime window (03:00–06:00 UTC) keeps two.
  const leaving = 0.35;
  const app = deploymentApp({
    namespace: ns, name: 'search-suggest', replicas: 2,
    revisions: [{ revision: 73, createdAgo: 5 * DAYS, changeCause: 'argocd: search-suggest 7.3.2', template: tpl }],
    pods: [
      ...[0, 1].map((k) => ({ revision: 73, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
      ...[2, 3, 4, 5].map((k) => ({ revision: 73, node: names[k % 3] ?? '', createdAgo: 21 * HOURS + 14 - k * 0.05, deletingAgo: leaving, ready: false, containers: { app: running({ sinceAgo: 21 * HOURS + 13.8 - k * 0.05, ready: false }) } })),
    ],
    settled: { available: true, availableSince: 5 * DAYS - 2, progressingSince: 5 * DAYS, progressingUpdatedAgo: 5 * DAYS - 2 },
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  dep.metadata = { ...dep.metadata, annotations: { ...dep.metadata?.annotations, 'downscaler/downtime': 'Mon-Sun 03:00-06:00 UTC', 'downscaler/downtime-replicas': '2', 'downscaler/original-replicas': '6' } };
  const proxy = container({ name: 'istio-proxy', image: proxyImage, ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null });
  app.pods.forEach((p, i) => {
    const going = i >= 2;
    if (p.spec) p.spec = { ...p.spec, containers: [...p.spec.containers, proxy] };
    p.status?.containerStatuses?.push(containerStatus(proxy, running({ sinceAgo: i < 2 ? 5 * DAYS - i : 21 * HOURS + 13.8 - i * 0.05, ready: !going }), `${ns}/${nameOf(p)}`));
  });
  const hz = bystander(ns, 'search-indexer', names, 9 * HOURS, { revisions: [19, 20], versions: ['3.1.0', '3.1.1'], olderAgo: 12 * DAYS });
  const drainLog = lines(
    `${at(leaving + 0.01)}	info	Status server has successfully terminated`,
    `${at(leaving)}	info	Agent draining Proxy for termination`,
    `${at(leaving - 0.002)}	info	Graceful termination period is 20s, starting...`,
    `${at(leaving - 0.05)}	warning	envoy main external/envoy/source/server/server.cc:1004	caught SIGTERM	thread=14`,
  );
  const appDrain = (k: number) => lines(
    `{"time":"${at(30)}","level":"INFO","msg":"suggest","q_len":4,"hits":10,"dur_ms":${6 + k}}`,
    `{"time":"${at(leaving)}","level":"INFO","msg":"received terminated, shutting down","grace":"20s"}`,
    `{"time":"${at(leaving - 0.01)}","level":"INFO","msg":"readiness set to false, draining in-flight requests","in_flight":${k}}`,
  );
  const steady = lines(
    `${at(0.9)}	info	xdsproxy	connected to delta upstream XDS server: istiod-1-23.istio-system.svc:15012	id=212`,
    `[${at(0.5)}] "GET /v2/suggest?q=wint HTTP/1.1" 200 - via_upstream - "-" 0 612 7 6 "-" "storefront-web/2026.11" "d1f0b7c2-2a88-4c7e-9e1c-5a3d2c71f0aa" "search-suggest.search.svc.cluster.local" "10.0.9.14:8080" inbound|8080|| 127.0.0.6:40111 10.0.9.14:8080 10.0.31.7:52018 outbound_.80_._.search-suggest.search.svc.cluster.local default`,
  );
  const going = app.pods.slice(2);
  return {
    id: 'heldout61-healthy-downscaler-envoy-drain',
    class: 'healthy',
    truth: "Nothing is wrong. kube-downscaler's nightly downtime window (03:00–06:00 UTC, downtime-replicas 2) scaled search-suggest from 6 to 2 twenty seconds ago; the four pods being removed are terminating normally — their Istio sidecars are draining (terminationDrainDuration 20s) and their readiness is off on purpose — while the two remaining pods serve every request.",
    ask: { service: 'search-suggest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...hz.objects,
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: hz.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 73), 2, 6, leaving),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 73), 6, 2, 21 * HOURS + 14),
      scaledReplicaSet(deploymentOf(hz), rsOf(hz, 20), 2, 0, 9 * HOURS),
      ...going.flatMap((p) => [
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: leaving, lastAgo: leaving, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container istio-proxy', firstAgo: leaving, lastAgo: leaving, fieldPath: 'spec.containers{istio-proxy}' }),
        event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 1, firstAgo: leaving - 0.1, lastAgo: leaving - 0.1, fieldPath: 'spec.containers{app}' }),
      ]),
      ...[0, 1, 2, 3].map((k) => event({ on: { kind: 'ReplicaSet', name: rsOf(app, 73), namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${nameOf(going[k])}`, firstAgo: leaving, lastAgo: leaving, component: 'replicaset-controller' })),
    ],
    logs: [
      ...going.map((p, k) => logsFor(p, 'istio-proxy', { current: drainLog })),
      ...going.map((p, k) => logsFor(p, 'app', { current: appDrain(k) })),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'istio-proxy', { current: steady })),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.4)}","level":"INFO","msg":"suggest","q_len":5,"hits":10,"dur_ms":7}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/search-suggest|healthy|no (problem|issue)|fine|OK/i],
      facts: [],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /readiness probe fail[^\n]*(cause|root)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  cockroachClockSkew(),
  pgStatStatementsNotPreloaded(),
  jdkBumpRejectsSha1Cert(),
  mongoPsaSecondaryGone(),
  clickhouseOnClusterTimeout(),
  kyvernoSignatureKeyRotated(),
  healthyDownscaleEnvoyDrain(),
];
