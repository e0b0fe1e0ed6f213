// Held-out stories, fifty-first round, part one: an aws-sdk-go-v2 migration that dropped the
// path-style setting, so uploads dial `<bucket>.minio…` and get "no such host"; a Postgres backend
// killed by the kernel OOM killer inside the database container, so the postmaster resets every
// connection at once; a MySQL replica whose SQL thread stopped on a duplicate key after a backfill
// Job wrote to it, so the read Service serves ever-staler data; a first Kafka Streams deployment
// that cannot create its internal topics with replication factor 3 while one broker of three is
// down; a NATS responder whose new revision subscribes to a renamed subject ("no responders");
// an Elasticsearch alias left without a write index by a manual reindex; and a healthy control: a
// Go service whose logs carry TLS handshake errors from a security scanner and "context canceled"
// from clients that hung up.
import {
  DAYS, ECR, HOURS, at, batchContainer, container, deploymentApp, event, exposed, httpProbe, job, nameOf, node,
  probeFailed, rsOf, running, scaledReplicaSet, service, endpointSliceFor, statefulSetApp, tcpProbe, terminated,
  execProbe, configMap, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Go's log package time: `2026/11/21 03:12:41`. */
const goLogTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** MySQL 8 error-log time, microseconds: `2026-11-21T03:12:41.563000Z`. */
const myTime = (minutes: number, us = 0): string => at(minutes).replace('Z', `${String(us).padStart(3, '0')}Z`);
/** Log4j / Logstash time with a comma: `2026-11-21T03:12:41,563`. */
const l4jTime = (minutes: number): string => at(minutes).replace('Z', '').replace('.', ',');

// ---- 1. aws-sdk-go-v2 migration drops path-style: `<bucket>.minio…` does not resolve ---------------

function s3VirtualHostedAgainstMinio(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '212']);
  const image = (v: string) => `${ECR}/media/media-uploader:${v}`;
  const tpl = (v: string, sdk: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'S3_ENDPOINT', value: 'http://minio.media.svc.cluster.local:9000' },
        { name: 'S3_BUCKET', value: 'user-uploads' },
        { name: 'S3_REGION', value: 'us-east-1' },
        { name: 'AWS_SDK', value: sdk },
        { name: 'MAX_UPLOAD_MB', value: '25' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'media-uploader',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: media-uploader 2.19.4', template: tpl('2.19.4', 'aws-sdk-go v1.55.5') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: media-uploader 3.0.0 (migrate to aws-sdk-go-v2)', template: tpl('3.0.0', 'aws-sdk-go-v2 s3 v1.66.3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 46.5 - k * 0.8 })),
    settled: { available: true, availableSince: 44, progressingSince: 47, progressingUpdatedAgo: 44 },
  });
  const minioImage = 'quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z';
  const minio = statefulSetApp({
    namespace: ns,
    name: 'minio',
    replicas: 1,
    serviceName: 'minio-headless',
    createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 63 * DAYS, template: { containers: [container({ name: 'minio', image: minioImage, args: ['server', '/data', '--console-address', ':9001'], ports: [{ name: 'api', containerPort: 9000 }, { name: 'console', containerPort: 9001 }], cpu: '500m', memory: '1Gi', readiness: httpProbe('/minio/health/ready', 9000), liveness: httpProbe('/minio/health/live', 9000), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-minio-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 210 * DAYS });
  const thumbs = bystander(ns, 'thumbnailer', names, 26 * HOURS, { revisions: [21, 22], versions: ['1.8.0', '1.8.1'], olderAgo: 30 * DAYS });
  const keys = ['a3f9c1', '7be204', 'c0d8e1', '19ffa2', '5e77b0', 'd2a491'];
  const upLog = (k: number) => {
    const out = [
      `{"time":"${at(46 - k)}","level":"INFO","msg":"starting media-uploader","version":"3.0.0","sdk":"aws-sdk-go-v2"}`,
      `{"time":"${at(46 - k)}","level":"INFO","msg":"s3 client configured","endpoint":"http://minio.media.svc.cluster.local:9000","bucket":"user-uploads","region":"us-east-1"}`,
      `{"time":"${at(45.9 - k)}","level":"INFO","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 40 - i * 4.3 - k * 0.7;
      const key = `2026/11/21/${keys[(i + k) % keys.length]}${i}${k}.jpg`;
      const host = 'user-uploads.minio.media.svc.cluster.local';
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"upload failed","request_id":"req-${(i * 977 + k * 131) % 99999}","key":"${key}","error":"operation error S3: PutObject, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , HostID: , request send failed, Put \\"http://${host}:9000/${key}?x-id=PutObject\\": dial tcp: lookup ${host} on 172.20.0.10:53: no such host"}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/uploads","status":502,"duration_ms":${410 + i * 13}}`);
      if (i % 3 === 1) out.push(`{"time":"${at(t - 0.2)}","level":"INFO","msg":"request","method":"GET","path":"/v1/uploads/quota","status":200,"duration_ms":3}`);
    }
    return lines(...out);
  };
  const minioPod = podOf(minio, 0);
  return {
    id: 'heldout51-s3-virtual-hosted-minio-no-such-host',
    class: 'config',
    truth: 'media-uploader 3.0.0 (revision 58, 47 minutes ago) migrated from aws-sdk-go v1 to aws-sdk-go-v2. The v1 client was built with S3ForcePathStyle=true; the migration did not set the v2 equivalent (UsePathStyle / path-style addressing), so the SDK now addresses the in-cluster MinIO virtual-hosted style and dials user-uploads.minio.media.svc.cluster.local, a name that does not exist in cluster DNS ("no such host"). Every upload (PutObject) fails with 502 since the rollout, while the pods stay ready and MinIO is healthy. Fix: enable path-style addressing (UsePathStyle = true) or roll back to revision 57.',
    ask: { service: 'media-uploader', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...minio.objects, ...thumbs.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'media-uploader', selector: { app: 'media-uploader' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'minio', selector: { app: 'minio' }, pods: minio.pods, ports: [{ name: 'api', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'minio-headless', selector: { app: 'minio' }, pods: minio.pods, headless: true, ports: [{ name: 'api', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: thumbs.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 3, 46.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 2, 45.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 1, 44.8),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('3.0.0'), 46.5 - k * 0.8)),
      event({ on: podOf(thumbs, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(thumbs, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 25 * HOURS, lastAgo: 25 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: upLog(k) })),
      logsFor(minioPod, 'minio', { current: lines(
        'MinIO Object Storage Server',
        'Copyright: 2015-2024 MinIO, Inc.',
        'License: GNU AGPLv3 - https://www.gnu.org/licenses/agpl-3.0.html',
        'Version: RELEASE.2024-10-13T13-34-11Z (go1.22.8 linux/amd64)',
        '',
        `API: http://${ipOfPod(minioPod)}:9000  http://127.0.0.1:9000`,
        `WebUI: http://${ipOfPod(minioPod)}:9001 http://127.0.0.1:9001`,
        '',
        'Docs: https://min.io/docs/minio/linux/index.html',
        'Status:         1 Online, 0 Offline. ',
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/path.?style|virtual.?host|forcePathStyle|UsePathStyle|user-uploads\.minio|bucket[^\n]*(host ?name|subdomain|DNS)/i],
      facts: [lit('no such host'), /revision 58|3\.0\.0|aws-sdk-go-v2|SDK/i, /PutObject|upload/i],
      never: [/\bOOM/, /minio(-0)? (is |was )?(down|crash\w*|unhealthy|not ready|unavailable)/i, /coredns (is |was )?(down|crash\w*|failing|broken)/i, /thumbnailer/],
    },
  };
}

// ---- 2. a Postgres backend OOM-killed inside the container: crash-restart resets every connection --

function postgresBackendOomKilled(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['23', '118', '240']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'billing-db',
    replicas: 1,
    serviceName: 'billing-db-headless',
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 6, createdAgo: 40 * DAYS, template: { containers: [container({
      name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
      ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'billing' }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('postgres', { initialDelaySeconds: 30, periodSeconds: 20, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
    })], volumes: [{ name: 'config', configMap: { name: 'billing-db-config' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 11 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-billing-db-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS });
  const cfg = configMap({ namespace: ns, name: 'billing-db-config', createdAgo: 300 * DAYS, updatedAgo: 40 * DAYS, data: {
    'postgresql.conf': [
      "listen_addresses = '*'", 'max_connections = 300', 'shared_buffers = 1GB', 'effective_cache_size = 3GB', 'work_mem = 64MB',
      'maintenance_work_mem = 256MB', 'hash_mem_multiplier = 2.0', 'max_parallel_workers_per_gather = 4', 'log_min_duration_statement = 2000',
      "log_line_prefix = '%m [%p] '", 'checkpoint_timeout = 15min', 'max_wal_size = 4GB', '',
    ].join('\n'),
  } });
  const apiImage = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://billing_app@billing-db.billing.svc.cluster.local:5432/billing?sslmode=disable&pool_max_conns=40' }], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 4,
    revisions: [
      { revision: 88, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-api 7.3.1', template: apiTpl('7.3.1') },
      { revision: 89, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: billing-api 7.4.0', template: apiTpl('7.4.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 89, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 39 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 35, progressingSince: 2 * HOURS + 40, progressingUpdatedAgo: 2 * HOURS + 35 },
  });
  const reportImage = `${ECR}/billing/usage-report:1.4.2`;
  const report = job({
    namespace: ns,
    name: 'usage-report-adhoc-q4',
    createdAgo: 19,
    backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'report', image: reportImage, cpu: '200m', memory: '256Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://billing_report@billing-db.billing.svc.cluster.local:5432/billing?application_name=usage-report' }, { name: 'PERIOD', value: '2026-Q3' }] })] },
    pods: [{ node: names[0] ?? '', createdAgo: 19, phase: 'Failed', containers: { report: terminated({ exitCode: 1, finishedAgo: 12.6, ranSeconds: 380 }) } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 12.6 },
  });
  const dbPod = podOf(db, 0);
  const crash = 12.8;
  const t = (d: number) => pgTime(crash - d / 60);
  const pgLog = lines(
    `${pgTime(3 * HOURS)} [412883] LOG:  checkpoint starting: time`,
    `${pgTime(3 * HOURS - 4.5)} [412883] LOG:  checkpoint complete: wrote 18231 buffers (13.9%); 0 WAL file(s) added, 0 removed, 9 recycled; write=269.812 s, sync=0.044 s, total=269.911 s; sync files=211, longest=0.009 s, average=0.001 s; distance=151642 kB, estimate=162204 kB; lsn=3/4F22A1B8, redo lsn=3/4B0F3E20`,
    `${pgTime(18.6)} [511204] LOG:  duration: 2214.331 ms  statement: SELECT count(*) FROM invoices WHERE status = 'open'`,
    `${t(0)} [1] LOG:  server process (PID 511877) was terminated by signal 9: Killed`,
    `${t(0)} [1] DETAIL:  Failed process was running: SELECT a.account_id, a.plan, date_trunc('day', e.occurred_at) AS day, e.meter, sum(e.quantity), array_agg(DISTINCT e.resource_id) FROM usage_events e JOIN accounts a ON a.id = e.account_id WHERE e.occurred_at >= $1 AND e.occurred_at < $2 GROUP BY 1, 2, 3, 4`,
    `${t(0)} [1] LOG:  terminating any other active server processes`,
    ...[511302, 511318, 511344, 511361].flatMap((pid, i) => [
      `${t(0.01 + i * 0.002)} [${pid}] WARNING:  terminating connection because of crash of another server process`,
      `${t(0.01 + i * 0.002)} [${pid}] DETAIL:  The postmaster has commanded this server process to roll back the current transaction and exit, because another server process exited abnormally and possibly corrupted shared memory.`,
      `${t(0.01 + i * 0.002)} [${pid}] HINT:  In a moment you should be able to reconnect to the database and repeat your command.`,
    ]),
    `${t(0.3)} [511902] FATAL:  the database system is in recovery mode`,
    `${t(0.3)} [511903] FATAL:  the database system is in recovery mode`,
    `${t(0.4)} [1] LOG:  all server processes terminated; reinitializing`,
    `${t(0.5)} [511911] LOG:  database system was interrupted; last known up at ${pgTime(crash + 4.1).replace(/\.\d+ UTC/, ' UTC')}`,
    `${t(0.6)} [511911] LOG:  database system was not properly shut down; automatic recovery in progress`,
    `${t(0.6)} [511911] LOG:  redo starts at 3/5A0012C8`,
    `${t(0.7)} [511915] FATAL:  the database system is not yet accepting connections`,
    `${t(0.7)} [511915] DETAIL:  Consistent recovery state has not been yet reached.`,
    `${t(2.9)} [511911] LOG:  invalid record length at 3/5C8E2F10: expected at least 24, got 0`,
    `${t(2.9)} [511911] LOG:  redo done at 3/5C8E2EC8 system usage: CPU: user: 1.41 s, system: 0.37 s, elapsed: 2.29 s`,
    `${t(3.1)} [511912] LOG:  checkpoint starting: end-of-recovery immediate wait`,
    `${t(4.6)} [511912] LOG:  checkpoint complete: wrote 9412 buffers (7.2%); 0 WAL file(s) added, 0 removed, 2 recycled; write=1.312 s, sync=0.081 s, total=1.466 s; sync files=97, longest=0.011 s, average=0.001 s; distance=41529 kB, estimate=41529 kB; lsn=3/5C8E2F10, redo lsn=3/5C8E2F10`,
    `${t(4.7)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(6.2)} [512480] LOG:  duration: 2031.908 ms  statement: SELECT count(*) FROM invoices WHERE status = 'open'`,
  );
  const apiLog = (k: number) => lines(
    `{"level":"info","ts":"${at(2 * HOURS + 38 - k)}","msg":"starting billing-api","version":"7.4.0"}`,
    `{"level":"info","ts":"${at(2 * HOURS + 38 - k)}","msg":"database pool ready","max_conns":40}`,
    `{"level":"info","ts":"${at(13.4 - k * 0.01)}","msg":"request","method":"GET","path":"/v1/invoices","status":200,"duration_ms":${22 + k}}`,
    ...[0, 1, 2].map((i) => `{"level":"error","ts":"${at(crash - 0.0003 * (i + 1))}","msg":"request failed","method":"${i === 1 ? 'GET' : 'POST'}","path":"${i === 1 ? '/v1/invoices' : '/v1/usage'}","status":500,"error":"FATAL: terminating connection because of crash of another server process (SQLSTATE 57P02)"}`),
    `{"level":"error","ts":"${at(crash - 0.006)}","msg":"request failed","method":"POST","path":"/v1/usage","status":500,"error":"failed to connect to \`user=billing_app database=billing\`: 172.20.61.14:5432 (billing-db.billing.svc.cluster.local): server error: FATAL: the database system is in recovery mode (SQLSTATE 57P03)"}`,
    `{"level":"error","ts":"${at(crash - 0.012)}","msg":"request failed","method":"GET","path":"/v1/accounts/acc_${7712 + k}/balance","status":500,"error":"failed to connect to \`user=billing_app database=billing\`: 172.20.61.14:5432 (billing-db.billing.svc.cluster.local): server error: FATAL: the database system is not yet accepting connections (SQLSTATE 57P03)"}`,
    `{"level":"warn","ts":"${at(crash - 0.05)}","msg":"readiness: database ping failed","error":"FATAL: the database system is not yet accepting connections (SQLSTATE 57P03)"}`,
    `{"level":"info","ts":"${at(6.1)}","msg":"request","method":"POST","path":"/v1/usage","status":201,"duration_ms":${11 + k}}`,
    `{"level":"info","ts":"${at(0.5)}","msg":"request","method":"GET","path":"/v1/invoices","status":200,"duration_ms":${19 + k}}`,
  );
  const reportPod = podOf(report, 0);
  return {
    id: 'heldout51-postgres-backend-oom-killed-crash-restart',
    class: 'capacity',
    truth: 'At 03:01 an ad-hoc usage-report Job ran a huge GROUP BY / array_agg(DISTINCT) over usage_events on billing-db; its Postgres backend (PID 511877) grew past the container\'s 4Gi memory limit (work_mem 64MB × hash_mem_multiplier × 4 parallel workers, on top of 1GB shared_buffers) and the kernel OOM killer killed that one process with SIGKILL (the node runs cgroup v1, so the container and its postmaster survived: restartCount unchanged). The postmaster, seeing a backend die by signal 9, terminated every other connection ("terminating connection because of crash of another server process"), ran crash recovery for ~5 seconds and came back. billing-api saw a burst of 500s (SQLSTATE 57P02/57P03) and recovered; the billing-api 7.4.0 rollout is unrelated. Fix: keep such reports off the primary (replica), cap work_mem for the report role, and give the container memory headroom.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, ...report.objects, claim, vol, cfg,
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432, clusterIP: '172.20.61.14' }),
      ...exposed({ namespace: ns, name: 'billing-db-headless', selector: { app: 'billing-db' }, pods: db.pods, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 89), 4, 0, 2 * HOURS + 40),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 88), 0, 4, 2 * HOURS + 36),
      event({ on: { kind: 'Job', metadata: report.objects[0]?.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(reportPod)}`, firstAgo: 19, lastAgo: 19, component: 'job-controller' }),
      event({ on: { kind: 'Job', metadata: report.objects[0]?.metadata ?? {} }, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', firstAgo: 12.6, lastAgo: 12.6, component: 'job-controller' }),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 1, firstAgo: crash - 0.05, lastAgo: crash - 0.05 })),
      probeFailed(dbPod, 'postgres', 'Readiness', '127.0.0.1:5432 - rejecting connections', { count: 1, firstAgo: crash - 0.05, lastAgo: crash - 0.05 }),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: pgLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(reportPod, 'report', { current: lines(
        `${at(18.9)} INFO usage-report 1.4.2 period=2026-Q3 accounts=all`,
        `${at(18.8)} INFO running query usage_by_account_day (this may take a while)`,
        `${at(12.7)} ERROR query failed: FATAL: terminating connection because of crash of another server process (SQLSTATE 57P02)`,
        `${at(12.7)} ERROR report aborted after 6m8s`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/billing-db|postgres/i, /signal 9|OOM|out of memory|memory|killed|crash(ed)? (of another )?(server|backend)|crash recovery/i],
      facts: [/terminated by signal 9|signal 9/i, /usage-report|report|GROUP BY|query/i, /57P0[23]|crash of another server process|recovery mode/i],
      never: [ADVISES_ROLLBACK, /OOMKilled/, /billing-db[^\n]*crash ?loop/i],
    },
  };
}

// ---- 3. MySQL replica's SQL thread stopped on a duplicate key: the read Service serves stale data ---

function mysqlReplicaSqlThreadStopped(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '101', '188']);
  const myImage = 'docker.io/library/mysql:8.0.39';
  const stopped = 87;
  const mysql = statefulSetApp({
    namespace: ns,
    name: 'inventory-mysql',
    replicas: 2,
    serviceName: 'inventory-mysql-headless',
    createdAgo: 400 * DAYS,
    revisions: [{ revision: 9, createdAgo: 70 * DAYS, template: { containers: [
      container({
        name: 'mysql', image: myImage, args: ['--defaults-extra-file=/etc/mysql/conf.d/server.cnf'],
        ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '3Gi',
        readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 --silent'], { periodSeconds: 5, timeoutSeconds: 2 }),
        liveness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 --silent'], { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }],
      }),
      container({ name: 'exporter', image: 'quay.io/prometheus/mysqld-exporter:v0.15.1', ports: [{ name: 'metrics', containerPort: 9104 }], cpu: '50m', memory: '64Mi', readiness: null, liveness: httpProbe('/', 9104) }),
    ], volumes: [{ name: 'conf', configMap: { name: 'inventory-mysql-conf' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 22 * DAYS },
      { revision: 9, ordinal: 1, node: names[1] ?? '', createdAgo: 22 * DAYS - 3 },
    ],
  });
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-inventory-mysql-${i}`, storage: '200Gi', zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 400 * DAYS }));
  const conf = configMap({ namespace: ns, name: 'inventory-mysql-conf', createdAgo: 400 * DAYS, updatedAgo: 70 * DAYS, data: {
    'server.cnf': ['[mysqld]', 'gtid_mode = OFF', 'log_bin = mysql-bin', 'binlog_format = ROW', 'replica_parallel_workers = 4', 'replica_preserve_commit_order = ON', 'innodb_buffer_pool_size = 2G', 'max_connections = 500', '# read_only is set on the replica by the bootstrap script', ''].join('\n'),
  } });
  const svcPort = [{ name: 'mysql', port: 3306, targetPort: 3306 }];
  const primarySvc = service({ namespace: ns, name: 'inventory-mysql-primary', selector: { app: 'inventory-mysql', 'statefulset.kubernetes.io/pod-name': 'inventory-mysql-0' }, ports: svcPort, createdAgo: 400 * DAYS });
  const readSvc = service({ namespace: ns, name: 'inventory-mysql-read', selector: { app: 'inventory-mysql', 'statefulset.kubernetes.io/pod-name': 'inventory-mysql-1' }, ports: svcPort, createdAgo: 400 * DAYS });
  const apiImage = (v: string) => `${ECR}/inventory/inventory-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '300m', memory: '512Mi', env: [
    { name: 'DB_WRITE_DSN', value: 'inventory_app@tcp(inventory-mysql-primary.inventory.svc.cluster.local:3306)/inventory?parseTime=true' },
    { name: 'DB_READ_DSN', value: 'inventory_ro@tcp(inventory-mysql-read.inventory.svc.cluster.local:3306)/inventory?parseTime=true' },
    { name: 'REPLICA_LAG_WARN_SECONDS', value: '30' },
  ] })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: inventory-api 5.2.0', template: apiTpl('5.2.0') },
      { revision: 41, createdAgo: 3 * HOURS + 5, changeCause: 'argocd: inventory-api 5.2.1', template: apiTpl('5.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 3 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 3 * HOURS, progressingSince: 3 * HOURS + 5, progressingUpdatedAgo: 3 * HOURS },
  });
  const backfill = job({
    namespace: ns,
    name: 'reservations-backfill-20261121',
    createdAgo: 96,
    backoffLimit: 1,
    template: { containers: [batchContainer({ name: 'backfill', image: `${ECR}/inventory/inventory-tools:5.2.1`, command: ['/app/backfill-reservations'], args: ['--since=2026-11-14', '--batch=500'], env: [{ name: 'DB_DSN', value: 'inventory_tools@tcp(inventory-mysql-read.inventory.svc.cluster.local:3306)/inventory?parseTime=true' }] })] },
    pods: [{ node: names[2] ?? '', createdAgo: 96, phase: 'Succeeded', containers: { backfill: terminated({ exitCode: 0, finishedAgo: 91, ranSeconds: 290 }) } }],
    outcome: { complete: true, ago: 91 },
  });
  const replica = podOf(mysql, 1);
  const primary = podOf(mysql, 0);
  const replicaLog = lines(
    `${myTime(22 * DAYS - 3, 412)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.39) starting as process 1`,
    `${myTime(22 * DAYS - 2.9, 118)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${myTime(22 * DAYS - 2.9, 731)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    `${myTime(22 * DAYS - 2.8, 90)} 8 [System] [MY-014002] [Repl] Replica receiver thread for channel '': connected to source 'repl@inventory-mysql-0.inventory-mysql-headless.inventory.svc.cluster.local:3306',replication started in log 'mysql-bin.000398' at position 157`,
    `${myTime(2 * DAYS, 4)} 0 [Warning] [MY-010055] [Server] IP address '10.0.140.77' could not be resolved: Name or service not known`,
    `${myTime(stopped, 118)} 14 [ERROR] [MY-010584] [Repl] Replica SQL for channel '': Worker 1 failed executing transaction 'ANONYMOUS' at source log mysql-bin.000412, end_log_pos 88231544; Could not execute Write_rows event on table inventory.stock_reservations; Duplicate entry '8812731' for key 'stock_reservations.PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's source log mysql-bin.000412, end_log_pos 88231544, Error_code: MY-001062`,
    `${myTime(stopped, 207)} 13 [Warning] [MY-010584] [Repl] Replica SQL for channel '': ... The replica coordinator and worker threads are stopped, possibly leaving data in inconsistent state. A restart should restore consistency automatically, although using non-transactional storage for data or info tables or DDL queries could lead to problems. In such cases you have to examine your data (see documentation for details). Error_code: MY-001756`,
    `${myTime(stopped, 212)} 13 [ERROR] [MY-010586] [Repl] Error running query, replica SQL thread aborted. Fix the problem, and restart the replica SQL thread with "START REPLICA". We stopped at log 'mysql-bin.000412' position 88231210`,
  );
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","time":"${at(3 * HOURS + 3 - k)}","msg":"starting inventory-api","version":"5.2.1"}`,
      `{"level":"info","time":"${at(3 * HOURS + 3 - k)}","msg":"db pools ready","write":"inventory-mysql-primary:3306","read":"inventory-mysql-read:3306"}`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 80 - i * 10 - k;
      const lag = Math.round((stopped - t) * 60);
      out.push(`{"level":"warn","time":"${at(t)}","msg":"read replica is behind","source":"heartbeat","lag_seconds":${lag},"threshold_seconds":30,"action":"serving reads from replica"}`);
      out.push(`{"level":"info","time":"${at(t - 0.2)}","msg":"request","method":"GET","path":"/v2/stock/SKU-${4410 + i * 7 + k}","status":200,"duration_ms":${4 + (i % 3)}}`);
      out.push(`{"level":"info","time":"${at(t - 0.25)}","msg":"request","method":"POST","path":"/v2/reservations","status":201,"duration_ms":${12 + i}}`);
      if (i % 3 === 2) out.push(`{"level":"warn","time":"${at(t - 0.3)}","msg":"reservation confirm conflict","reservation_id":"${8812900 + i * 41 + k}","error":"reservation not found on read path, retried on primary"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout51-mysql-replica-sql-thread-duplicate-key',
    class: 'config',
    truth: 'A one-off Job, reservations-backfill-20261121 (96 minutes ago), was given the read DSN (inventory-mysql-read) and, with read_only not enforced for its user, inserted rows directly on the replica inventory-mysql-1. 87 minutes ago the replica\'s SQL thread hit the same primary keys coming from the source binlog and stopped: "Duplicate entry \'8812731\' for key \'stock_reservations.PRIMARY\', Error_code: 1062 … replica SQL thread aborted". The IO thread keeps receiving, mysqld stays up and its ping-only probes pass, so the inventory-mysql-read Service keeps sending every read of inventory-api to a replica frozen at 01:47 — stock and reservations read stale and staler (heartbeat lag ~5200 s and growing) while writes to the primary succeed. Fix: point reads at the primary meanwhile, reconcile/remove the conflicting rows on the replica (or rebuild it) and START REPLICA; enforce super_read_only on the replica; the inventory-api 5.2.1 rollout is unrelated.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...mysql.objects, ...api.objects, ...backfill.objects, ...claims, conf,
      primarySvc, endpointSliceFor(primarySvc, mysql.pods, 3306), readSvc, endpointSliceFor(readSvc, mysql.pods, 3306),
      ...exposed({ namespace: ns, name: 'inventory-mysql-headless', selector: { app: 'inventory-mysql' }, pods: mysql.pods, headless: true, ports: svcPort, endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 41), 3, 0, 3 * HOURS + 5),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 40), 0, 3, 3 * HOURS + 1),
      event({ on: { kind: 'Job', metadata: backfill.objects[0]?.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(backfill, 0))}`, firstAgo: 96, lastAgo: 96, component: 'job-controller' }),
      event({ on: { kind: 'Job', metadata: backfill.objects[0]?.metadata ?? {} }, type: 'Normal', reason: 'Completed', message: 'Job completed', firstAgo: 91, lastAgo: 91, component: 'job-controller' }),
    ],
    logs: [
      logsFor(replica, 'mysql', { current: replicaLog }),
      logsFor(primary, 'mysql', { current: lines(
        `${myTime(22 * DAYS, 207)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${myTime(5 * DAYS, 55)} 0 [Warning] [MY-010055] [Server] IP address '10.0.140.77' could not be resolved: Name or service not known`,
      ) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(backfill, 0), 'backfill', { current: lines(
        `time="${at(95.9)}" level=info msg="backfill-reservations starting" since=2026-11-14 batch=500`,
        `time="${at(95.8)}" level=info msg="connected" host="inventory-mysql-read.inventory.svc.cluster.local:3306" user=inventory_tools`,
        `time="${at(91.2)}" level=info msg="inserted missing reservations" rows=1204 first_id=8812690 last_id=8813893`,
        `time="${at(91.1)}" level=info msg="done" elapsed=4m47s`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/replica(tion)?|inventory-mysql-1|inventory-mysql-read|SQL thread/i, /duplicate|1062|SQL thread|stopped|halted|broken|stale|lag/i],
      facts: [/Duplicate entry|1062/i, /stale|lag|behind/i, /backfill|reservations-backfill|read_only|wrote to the replica|START REPLICA/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /inventory-mysql-0 (is |was )?(down|crash\w*|unavailable)/i, /primary (is |was )?(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 4. Kafka Streams: internal topics need RF 3, only 2 brokers up ------------------------------

function kafkaStreamsReplicationFactor(): CorpusScenario {
  const ns = 'streaming';
  const hosts = ['27', '143', '66'] as const;
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const names = hosts.map((h, i) => eksNodeName(`10.0.${[33, 97, 161][i]}.${h}`));
  const downSince = 3 * HOURS + 12;
  const nodes = names.map((name, i) => i === 2
    ? node({ name, zone: zones[i], ready: 'Unknown', readySince: downSince, pool: 'kafka', instanceType: 'r6i.xlarge' })
    : node({ name, zone: zones[i], pool: 'kafka', instanceType: 'r6i.xlarge' }));
  const kImage = 'docker.io/bitnami/kafka:3.7.1-debian-12-r4';
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'kafka-headless',
    createdAgo: 260 * DAYS,
    revisions: [{ revision: 12, createdAgo: 48 * DAYS, template: { containers: [container({
      name: 'kafka', image: kImage, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '6Gi',
      env: [{ name: 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR', value: '3' }, { name: 'KAFKA_CFG_MIN_INSYNC_REPLICAS', value: '2' }, { name: 'KAFKA_CFG_PROCESS_ROLES', value: 'controller,broker' }],
      readiness: tcpProbe('client', { initialDelaySeconds: 5 }), liveness: tcpProbe('controller', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [
      { revision: 12, ordinal: 0, node: names[0] ?? '', createdAgo: 17 * DAYS },
      { revision: 12, ordinal: 1, node: names[1] ?? '', createdAgo: 17 * DAYS - 4 },
      { revision: 12, ordinal: 2, node: names[2] ?? '', createdAgo: 17 * DAYS - 8, ready: false, deletingAgo: downSince - 5.5, containers: { kafka: running({ sinceAgo: 17 * DAYS - 8, ready: false }) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 260 * DAYS }));
  const appImage = `${ECR}/streaming/fraud-scorer:1.0.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 2,
    createdAgo: 26,
    revisions: [{ revision: 1, createdAgo: 26, changeCause: 'argocd: fraud-scorer 1.0.0 (initial)', template: { containers: [container({
      image: appImage, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.streaming.svc.cluster.local:9092' },
        { name: 'APPLICATION_ID', value: 'fraud-scorer' },
        { name: 'REPLICATION_FACTOR', value: '3' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 25.8 - k * 0.1, ready: false, containers: { app: running({ sinceAgo: 25.5 - k * 0.1, ready: false }) } })),
  });
  const enricher = bystander(ns, 'payment-events-enricher', names, 50 * HOURS, { revisions: [33, 34], versions: ['4.1.0', '4.1.1'], olderAgo: 20 * DAYS });
  const thread = (k: number) => `fraud-scorer-8c1e2f4a-3b7d-4e51-9a0c-${k === 0 ? '5d2b7c9e1f03' : 'a14f60e2bd77'}-StreamThread-1`;
  const client = (k: number) => `fraud-scorer-8c1e2f4a-3b7d-4e51-9a0c-${k === 0 ? '5d2b7c9e1f03' : 'a14f60e2bd77'}`;
  const appLog = (k: number) => {
    const s = (m: number) => l4jTime(m).replace('T', ' ');
    const out = [
      `${s(25.3 - k * 0.1)}  INFO 1 --- [fraud-scorer] [           main] c.a.fraud.FraudScorerApplication        : Starting FraudScorerApplication v1.0.0 using Java 21.0.4 with PID 1`,
      `${s(25.1 - k * 0.1)}  INFO 1 --- [fraud-scorer] [           main] o.a.k.s.KafkaStreams                     : stream-client [${client(k)}] State transition from CREATED to REBALANCING`,
      `${s(25.0 - k * 0.1)}  INFO 1 --- [fraud-scorer] [           main] c.a.fraud.FraudScorerApplication        : Started FraudScorerApplication in 9.418 seconds (process running for 10.122)`,
    ];
    for (let i = 0; i < 5; i++) {
      const t = 24.8 - i * 5 - k * 0.2;
      out.push(`${s(t - 0.01)} ERROR 1 --- [fraud-scorer] [${thread(k)}] o.a.k.s.p.i.StreamsPartitionAssignor     : stream-thread [${thread(k)}-consumer] Caught an error in the task assignment. Returning an error assignment.`);
      out.push(`org.apache.kafka.streams.errors.StreamsException: Could not create topic fraud-scorer-KSTREAM-AGGREGATE-STATE-STORE-0000000004-changelog.`);
      out.push(`\tat org.apache.kafka.streams.processor.internals.InternalTopicManager.processCreateTopicResults(InternalTopicManager.java:665)`);
      out.push(`\tat org.apache.kafka.streams.processor.internals.InternalTopicManager.makeReady(InternalTopicManager.java:530)`);
      out.push(`Caused by: org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 2.`);
      out.push(`${s(t - 0.02)}  INFO 1 --- [fraud-scorer] [${thread(k)}] o.a.k.s.KafkaStreams                     : stream-client [${client(k)}] State transition from REBALANCING to PENDING_ERROR`);
      out.push(`${s(t - 0.03)}  INFO 1 --- [fraud-scorer] [${thread(k)}] o.a.k.s.p.i.StreamThread                 : stream-thread [${thread(k)}] Replacing thread in the streams uncaught exception handler`);
      out.push(`${s(t - 0.04)}  INFO 1 --- [fraud-scorer] [${thread(k)}] o.a.k.s.KafkaStreams                     : stream-client [${client(k)}] State transition from PENDING_ERROR to REBALANCING`);
    }
    return lines(...out);
  };
  const b0 = podOf(kafka, 0);
  const b2 = podOf(kafka, 2);
  const bLog = lines(
    `[${l4jTime(17 * DAYS - 0.5)}] INFO [KafkaRaftServer nodeId=0] Kafka Server started (kafka.server.KafkaRaftServer)`,
    `[${l4jTime(downSince - 0.6)}] INFO [RaftManager id=0] Node 2 disconnected. (org.apache.kafka.clients.NetworkClient)`,
    `[${l4jTime(downSince - 0.6)}] WARN [RaftManager id=0] Connection to node 2 (kafka-2.kafka-headless.streaming.svc.cluster.local/10.0.161.140:9093) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`,
    `[${l4jTime(downSince - 0.9)}] INFO [QuorumController id=0] Fenced broker 2 because its session has timed out. (org.apache.kafka.controller.ReplicationControlManager)`,
    `[${l4jTime(downSince - 1)}] INFO [Partition payments-events-7 broker=0] Shrinking ISR from 0,1,2 to 0,1. Leader: (highWatermark: 88123415, endOffset: 88123422). Out of sync replicas: (brokerId: 2, endOffset: 88123402, lastCaughtUpTimeMs: ${Date.parse(at(downSince - 0.6))}). (kafka.cluster.Partition)`,
    ...[0, 1, 2, 3].map((i) => `[${l4jTime(24.8 - i * 5)}] INFO [QuorumController id=0] CreateTopics result(s): CreatableTopic(name='fraud-scorer-KSTREAM-AGGREGATE-STATE-STORE-0000000004-changelog', numPartitions=12, replicationFactor=3, assignments=[], configs=[CreateableTopicConfig(name='cleanup.policy', value='compact')]): INVALID_REPLICATION_FACTOR (Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be reached because only 2 broker(s) are registered.) (org.apache.kafka.controller.ReplicationControlManager)`),
  );
  return {
    id: 'heldout51-kafka-streams-replication-factor-broker-down',
    class: 'nodes',
    truth: 'Node ip-10-0-161-66 (eu-west-1c) stopped reporting 3 h 12 min ago (instance failed its status checks); broker kafka-2 on it is gone from the cluster (fenced, stuck Terminating, its EBS volume pinned to that zone), leaving 2 of 3 brokers. fraud-scorer, a new Kafka Streams app first deployed 26 minutes ago, must create its internal changelog/repartition topics with replication.factor 3; the controller rejects them ("Replication factor: 3 larger than available brokers: 2" / INVALID_REPLICATION_FACTOR), so both instances loop REBALANCING → PENDING_ERROR → REBALANCING and never turn ready. fraud-scorer\'s code and rollout are not the cause. Fix: bring kafka-2 back (recover or replace the node / force the pod onto a node in eu-west-1c), or temporarily create the topics / set replication.factor to 2.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, ...app.objects, ...enricher.objects, ...claims,
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, pods: kafka.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, pods: kafka.pods, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 1), 2, 0, 26),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', appImage, 25.8 - k * 0.1)),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 140, firstAgo: 24.9, lastAgo: 0.1 })),
      event({ on: { kind: 'Node', name: names[2] ?? '' }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${names[2]} status is now: NodeNotReady`, firstAgo: downSince, lastAgo: downSince, component: 'node-controller' }),
      event({ on: b2, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: downSince, lastAgo: downSince, component: 'node-controller' }),
      event({ on: b2, type: 'Normal', reason: 'TaintManagerEviction', message: 'Marking for deletion Pod streaming/kafka-2', firstAgo: downSince - 5.5, lastAgo: downSince - 5.5, component: 'taint-eviction-controller' }),
      event({ on: podOf(enricher, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(enricher, 1))}:8080/ready": dial tcp ${ipOfPod(podOf(enricher, 1))}:8080: connect: connection refused`, count: 3, firstAgo: 50 * HOURS - 0.5, lastAgo: 50 * HOURS - 0.9, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(b0, 'kafka', { current: bLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-2|broker|replication.?factor|InvalidReplicationFactor/i],
      facts: [lit('larger than available brokers: 2'), /kafka-2|ip-10-0-161-66|NotReady|2 (of 3 )?brokers/i, /internal topic|changelog|REBALANCING|PENDING_ERROR/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /fraud-scorer[^\n]*crash ?loop/i, /payment-events-enricher/],
    },
  };
}

// ---- 5. NATS: the responder's new revision subscribes to a renamed subject -----------------------

function natsNoResponders(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.204', ['11', '90', '173']);
  const engImage = (v: string) => `${ECR}/pricing/pricing-engine:${v}`;
  const engTpl = (v: string, subject: string) => ({ containers: [container({ image: engImage(v), ports: [8080], cpu: '500m', memory: '512Mi', env: [
    { name: 'NATS_URL', value: 'nats://nats.pricing.svc.cluster.local:4222' },
    { name: 'QUOTE_SUBJECT', value: subject },
    { name: 'QUEUE_GROUP', value: 'pricing-engine' },
  ], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] });
  const engine = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 15 * DAYS, changeCause: 'argocd: pricing-engine 2.7.2', template: engTpl('2.7.2', 'pricing.quote.request') },
      { revision: 14, createdAgo: 34, changeCause: 'argocd: pricing-engine 2.8.0', template: engTpl('2.8.0', 'pricing.v2.quote.request') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 33.5 - k * 0.7 })),
    settled: { available: true, availableSince: 31.5, progressingSince: 34, progressingUpdatedAgo: 31.5 },
  });
  const qImage = (v: string) => `${ECR}/pricing/quote-api:${v}`;
  const quote = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 3,
    revisions: [
      { revision: 61, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-api 6.0.3', template: { containers: [container({ image: qImage('6.0.3'), ports: [8080], env: [
        { name: 'NATS_URL', value: 'nats://nats.pricing.svc.cluster.local:4222' },
        { name: 'QUOTE_SUBJECT', value: 'pricing.quote.request' },
        { name: 'QUOTE_TIMEOUT', value: '2s' },
      ] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const natsImage = 'docker.io/library/nats:2.10.22-alpine';
  const nats = statefulSetApp({
    namespace: ns,
    name: 'nats',
    replicas: 3,
    serviceName: 'nats-headless',
    createdAgo: 180 * DAYS,
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'nats', image: natsImage, args: ['--config', '/etc/nats-config/nats.conf'], ports: [{ name: 'client', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }], cpu: '100m', memory: '256Mi', readiness: httpProbe('/healthz?js-enabled-only=true', 8222), liveness: httpProbe('/healthz?js-enabled-only=true', 8222, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 5, ordinal: i, node: names[i] ?? '', createdAgo: 26 * DAYS - i * 2 })),
  });
  const qLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(36 - k * 0.3)}","msg":"quote served","route":"/v1/quotes","status":200,"latency_ms":${18 + k},"subject":"pricing.quote.request"}`,
      `{"level":"warn","ts":"${at(33.4 - k * 0.1)}","msg":"nats reconnecting","url":"nats://nats.pricing.svc.cluster.local:4222","error":"EOF"}`,
      `{"level":"info","ts":"${at(33.39 - k * 0.1)}","msg":"nats reconnected","server":"nats-1"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 32 - i * 3.1 - k * 0.2;
      out.push(`{"level":"error","ts":"${at(t)}","msg":"quote request failed","route":"/v1/quotes","subject":"pricing.quote.request","error":"nats: no responders available for request","status":503,"latency_ms":1}`);
      if (i % 2 === 0) out.push(`{"level":"info","ts":"${at(t - 0.1)}","msg":"request","route":"/healthz","status":200,"latency_ms":0}`);
    }
    return lines(...out);
  };
  const eLog = (k: number) => lines(
    `{"level":"info","ts":"${at(33.3 - k * 0.7)}","msg":"starting pricing-engine","version":"2.8.0"}`,
    `{"level":"info","ts":"${at(33.3 - k * 0.7)}","msg":"connected to nats","server":"nats-${k}","url":"nats://nats.pricing.svc.cluster.local:4222"}`,
    `{"level":"info","ts":"${at(33.2 - k * 0.7)}","msg":"subscribed","subject":"pricing.v2.quote.request","queue":"pricing-engine"}`,
    `{"level":"info","ts":"${at(33.2 - k * 0.7)}","msg":"price tables loaded","tables":14,"rules":2311}`,
    `{"level":"info","ts":"${at(12 - k)}","msg":"price tables refreshed","tables":14,"changed":0}`,
  );
  const n1 = podOf(nats, 1);
  return {
    id: 'heldout51-nats-no-responders-renamed-subject',
    class: 'rollout',
    truth: 'pricing-engine 2.8.0 (revision 14, 34 minutes ago) renamed its request subject: its responders now subscribe to pricing.v2.quote.request (queue pricing-engine) instead of pricing.quote.request. quote-api, unchanged for 9 days, still publishes requests on pricing.quote.request, where nobody listens any more, so every quote fails at once with "nats: no responders available for request" (503). All pods are Running and ready; NATS itself is healthy (one reconnect during the rollout). Fix: roll pricing-engine back to revision 13, or have it subscribe to both subjects until quote-api is migrated.',
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...engine.objects, ...quote.objects, ...nats.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: quote.pods }),
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: engine.pods }),
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, pods: nats.pods, ports: [{ name: 'client', port: 4222, targetPort: 4222 }], endpointPort: 4222 }),
      ...exposed({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, pods: nats.pods, headless: true, ports: [{ name: 'client', port: 4222, targetPort: 4222 }], endpointPort: 4222 }),
      scaledReplicaSet(deploymentOf(engine), rsOf(engine, 14), 1, 0, 34),
      scaledReplicaSet(deploymentOf(engine), rsOf(engine, 13), 2, 3, 33.3),
      scaledReplicaSet(deploymentOf(engine), rsOf(engine, 14), 3, 2, 32.6),
      scaledReplicaSet(deploymentOf(engine), rsOf(engine, 13), 0, 1, 31.8),
      ...engine.pods.flatMap((p, k) => startedAt(p, 'app', engImage('2.8.0'), 33.5 - k * 0.7)),
      event({ on: n1, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(n1)}:8222/healthz?js-enabled-only=true": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 6 * DAYS, lastAgo: 6 * DAYS, fieldPath: 'spec.containers{nats}' }),
    ],
    logs: [
      ...quote.pods.map((p, k) => logsFor(p, 'app', { current: qLog(k) })),
      ...engine.pods.map((p, k) => logsFor(p, 'app', { current: eLog(k) })),
      logsFor(n1, 'nats', { current: lines(
        `[7] ${at(26 * DAYS - 2).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF] Server is ready`,
        `[7] ${at(33.4).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF] 10.0.204.${90 + 3}:52814 - cid:48812 - Client connection closed: Client Closed`,
        `[7] ${at(2 * HOURS).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [WRN] 10.0.204.57:40312 - cid:47790 - Readloop processing time: 2.104s`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pricing-engine|subject|pricing\.v2\.quote\.request|pricing\.quote\.request|no responders/i],
      facts: [lit('no responders available for request'), /pricing-engine/, /revision 14|2\.8\.0|pricing\.v2\.quote\.request/],
      never: [/(roll(ing)? ?back|rollout undo)[^\n]{0,25}quote-api/i, /quote-api[^\n]{0,20}revision 61[^\n]*(caused|broke)/i, /nats( server| cluster)? (is |was )?(down|unreachable|crash\w*)/i, /\bOOM/],
    },
  };
}

// ---- 6. Elasticsearch alias left without a write index after a manual reindex -------------------

function elasticsearchNoWriteIndex(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.116', ['40', '129', '230']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'elasticsearch',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'elasticsearch-headless',
    createdAgo: 330 * DAYS,
    revisions: [{ revision: 11, createdAgo: 44 * DAYS, template: { containers: [container({ name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi', env: [{ name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }], readiness: execProbe(['bash', '-c', 'curl -sf "localhost:9200/_cluster/health?local=true" >/dev/null'], { periodSeconds: 10, timeoutSeconds: 5 }), liveness: tcpProbe('transport', { initialDelaySeconds: 90 }), volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti' }],
    pods: [0, 1, 2].map((i) => ({ revision: 11, ordinal: i, node: names[i] ?? '', createdAgo: 21 * DAYS - i * 6 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-elasticsearch-${i}`, storage: '1Ti', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 330 * DAYS }));
  const lsImage = 'docker.elastic.co/logstash/logstash:8.15.3';
  const ls = deploymentApp({
    namespace: ns,
    name: 'logstash',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 18 * DAYS, changeCause: 'helm upgrade logstash 8.15.3', template: { containers: [container({ name: 'logstash', image: lsImage, ports: [{ name: 'beats', containerPort: 5044 }, { name: 'monitoring', containerPort: 9600 }], cpu: '1', memory: '2Gi', env: [{ name: 'LS_JAVA_OPTS', value: '-Xms1g -Xmx1g' }, { name: 'ES_HOSTS', value: 'https://elasticsearch.logging.svc.cluster.local:9200' }], readiness: httpProbe('/', 9600), liveness: httpProbe('/', 9600, { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'pipeline', mountPath: '/usr/share/logstash/pipeline' }] })], volumes: [{ name: 'pipeline', configMap: { name: 'logstash-pipeline' } }] } }],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 18 * DAYS - k })),
  });
  const pipeline = configMap({ namespace: ns, name: 'logstash-pipeline', createdAgo: 330 * DAYS, updatedAgo: 18 * DAYS, data: {
    'logstash.conf': [
      'input { beats { port => 5044 } }',
      'filter { json { source => "message" skip_on_invalid_json => true } }',
      'output {',
      '  elasticsearch {',
      '    hosts => ["${ES_HOSTS}"]',
      '    index => "logs-write"',
      '    manage_template => false',
      '    ilm_enabled => false',
      '    user => "logstash_writer"',
      '    password => "${ES_PASSWORD}"',
      '    ssl_certificate_authorities => ["/usr/share/logstash/config/certs/ca.crt"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  } });
  const reindex = job({
    namespace: ns,
    name: 'reindex-logs-000041-manual',
    createdAgo: 58,
    backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'curl', image: 'docker.io/curlimages/curl:8.10.1', command: ['/bin/sh', '/scripts/reindex.sh'], volumeMounts: [{ name: 'scripts', mountPath: '/scripts' }] })], volumes: [{ name: 'scripts', configMap: { name: 'reindex-logs-000041' } }] },
    pods: [{ node: names[2] ?? '', createdAgo: 58, phase: 'Succeeded', containers: { curl: terminated({ exitCode: 0, finishedAgo: 41.2, ranSeconds: 1000 }) } }],
    outcome: { complete: true, ago: 41.2 },
  });
  const script = configMap({ namespace: ns, name: 'reindex-logs-000041', createdAgo: 62, data: {
    'reindex.sh': [
      '#!/bin/sh',
      'set -eu',
      'ES=https://elasticsearch.logging.svc.cluster.local:9200',
      '# OPS-2291: re-map @timestamp on the current index (wrong mapping since 2026-11-18)',
      'curl -sS --fail-with-body -u "$ES_USER:$ES_PASSWORD" --cacert /certs/ca.crt -XPUT "$ES/logs-000041-fixed" -H "Content-Type: application/json" -d @/scripts/mappings.json',
      'curl -sS --fail-with-body -u "$ES_USER:$ES_PASSWORD" --cacert /certs/ca.crt -XPOST "$ES/_reindex?wait_for_completion=true" -H "Content-Type: application/json" -d \'{"source":{"index":"logs-000041"},"dest":{"index":"logs-000041-fixed"}}\'',
      'curl -sS --fail-with-body -u "$ES_USER:$ES_PASSWORD" --cacert /certs/ca.crt -XPOST "$ES/_aliases" -H "Content-Type: application/json" -d \'{"actions":[{"add":{"index":"logs-000041-fixed","alias":"logs-write"}},{"add":{"index":"logs-000041-fixed","alias":"logs"}}]}\'',
      'curl -sS --fail-with-body -u "$ES_USER:$ES_PASSWORD" --cacert /certs/ca.crt -XPOST "$ES/logs-000041/_aliases" -H "Content-Type: application/json" -d \'{"alias":"logs-write","is_write_index":false}\'',
      '',
    ].join('\n'),
  } });
  const reason = 'no write index is defined for alias [logs-write]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index';
  const lsLog = (k: number) => {
    const out = [
      `[${l4jTime(18 * DAYS - k - 0.5)}][INFO ][logstash.outputs.elasticsearch][main] Elasticsearch version determined (8.15.3) {:es_version=>8}`,
      `[${l4jTime(18 * DAYS - k - 0.5)}][INFO ][logstash.javapipeline    ][main] Pipeline started {"pipeline.id"=>"main"}`,
      `[${l4jTime(26 * HOURS + k)}][WARN ][logstash.outputs.elasticsearch][main][5c0b1f7e] Marking url as dead. Last error: [LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError] Elasticsearch Unreachable: [https://elasticsearch.logging.svc.cluster.local:9200/][Manticore::SocketTimeout] Read timed out {:url=>https://logstash_writer:xxxxxx@elasticsearch.logging.svc.cluster.local:9200/, :error_message=>"Elasticsearch Unreachable: [https://logstash_writer:xxxxxx@elasticsearch.logging.svc.cluster.local:9200/][Manticore::SocketTimeout] Read timed out", :error_class=>"LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError"}`,
      `[${l4jTime(26 * HOURS + k - 0.2)}][WARN ][logstash.outputs.elasticsearch][main] Restored connection to ES instance {:url=>"https://logstash_writer:xxxxxx@elasticsearch.logging.svc.cluster.local:9200/"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 41 - i * 3.4 - k * 0.3;
      out.push(`[${l4jTime(t)}][WARN ][logstash.outputs.elasticsearch][main][5c0b1f7e] Could not index event to Elasticsearch. status: 400, action: ["index", {:_id=>nil, :_index=>"logs-write", :routing=>nil}, {"@timestamp"=>${at(t)}, "kubernetes"=>{"namespace"=>"${['checkout', 'payments', 'search', 'identity'][(i + k) % 4]}"}, "message"=>"..."}], response: {"index"=>{"_index"=>"logs-write", "_id"=>nil, "status"=>400, "error"=>{"type"=>"illegal_argument_exception", "reason"=>"${reason}"}}}`);
    }
    return lines(...out);
  };
  const e0 = podOf(es, 0);
  const esLog = lines(
    `{"@timestamp":"${at(20 * HOURS)}", "log.level": "WARN", "message":"high disk watermark [90%] exceeded on [Xq3b1kTRS2eV7cZ0m8Yd9w][elasticsearch-2][/usr/share/elasticsearch/data] free: 98.1gb[9.5%], shards will be relocated away from this node; currently relocating away shards totalling [0b] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[elasticsearch-0][generic][T#3]","log.logger":"org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logging"}`,
    `{"@timestamp":"${at(19 * HOURS)}", "log.level": "INFO", "message":"deleting index [logs-000031]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.metadata.MetadataDeleteIndexService","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logging"}`,
    `{"@timestamp":"${at(57.6)}", "log.level": "INFO", "message":"[logs-000041-fixed] creating index, cause [api], templates [], shards [3]/[1]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.metadata.MetadataCreateIndexService","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logging"}`,
    `{"@timestamp":"${at(41.4)}", "log.level": "INFO", "message":"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[logs-000041-fixed][2]]]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logging"}`,
  );
  const rp = podOf(reindex, 0);
  return {
    id: 'heldout51-elasticsearch-alias-no-write-index',
    class: 'config',
    truth: 'A manual reindex Job (reindex-logs-000041-manual, 58 minutes ago, ticket OPS-2291) copied logs-000041 into logs-000041-fixed, added the new index to the logs-write alias without is_write_index, then set is_write_index=false on logs-000041. Since it finished 41 minutes ago the alias points at two indices, neither designated as write index, so every bulk write from logstash to logs-write is rejected with 400 illegal_argument_exception "no write index is defined for alias [logs-write]" and logs from every namespace are dropped. The cluster is green; yesterday\'s disk watermark warning and Logstash\'s old read timeout are unrelated. Fix: POST _aliases setting is_write_index=true on logs-000041-fixed (and remove logs-000041 from logs-write).',
    ask: { service: 'logstash', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...ls.objects, ...reindex.objects, ...claims, pipeline, script,
      ...exposed({ namespace: ns, name: 'elasticsearch', selector: { app: 'elasticsearch' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'elasticsearch-headless', selector: { app: 'elasticsearch' }, pods: es.pods, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9300 }),
      ...exposed({ namespace: ns, name: 'logstash', selector: { app: 'logstash' }, pods: ls.pods, ports: [{ name: 'beats', port: 5044, targetPort: 5044 }], endpointPort: 5044 }),
      event({ on: { kind: 'Job', metadata: reindex.objects[0]?.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(rp)}`, firstAgo: 58, lastAgo: 58, component: 'job-controller' }),
      event({ on: { kind: 'Job', metadata: reindex.objects[0]?.metadata ?? {} }, type: 'Normal', reason: 'Completed', message: 'Job completed', firstAgo: 41.2, lastAgo: 41.2, component: 'job-controller' }),
      ...startedAt(rp, 'curl', 'docker.io/curlimages/curl:8.10.1', 58),
    ],
    logs: [
      ...ls.pods.map((p, k) => logsFor(p, 'logstash', { current: lsLog(k) })),
      logsFor(e0, 'elasticsearch', { current: esLog }),
      logsFor(rp, 'curl', { current: lines(
        '{"acknowledged":true,"shards_acknowledged":true,"index":"logs-000041-fixed"}',
        '{"took":1001877,"timed_out":false,"total":48211920,"updated":0,"created":48211920,"deleted":0,"batches":48212,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}',
        '{"acknowledged":true,"errors":false}',
        '{"acknowledged":true,"errors":false}',
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/logs-write|write index|is_write_index|alias/i],
      facts: [/no write index is defined/i, /reindex-logs-000041-manual|reindex|_aliases/i, /400|illegal_argument_exception|rejected|dropp/i],
      never: [/\bOOM/, /elasticsearch( cluster)? (is |was )?(down|unreachable|red|crash\w*)\b/i, /flood.?stage|read.?only.allow|disk (is )?full|watermark/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. healthy control: TLS handshake errors from a scanner, "context canceled" from clients -----

function healthyGoServiceScannerNoise(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '132', '247']);
  const image = (v: string) => `${ECR}/identity/authz-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [{ name: 'https', containerPort: 8443 }, { name: 'metrics', containerPort: 9090 }], cpu: '300m', memory: '256Mi', env: [{ name: 'GOMEMLIMIT', value: '230MiB' }, { name: 'TLS_CLIENT_AUTH', value: 'verify-if-given' }], readiness: { httpGet: { path: '/readyz', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: { httpGet: { path: '/livez', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'authz-gateway',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 13 * DAYS, changeCause: 'argocd: authz-gateway 1.31.0', template: tpl('1.31.0') },
      { revision: 27, createdAgo: 4 * DAYS, changeCause: 'argocd: authz-gateway 1.31.1', template: tpl('1.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 3 },
  });
  const other = bystander(ns, 'session-store-sync', names, 5 * HOURS, { revisions: [8, 9], versions: ['0.9.2', '0.9.3'], olderAgo: 40 * DAYS });
  const scanners = ['10.0.91.204', '10.0.91.37'];
  const gwLog = (k: number) => {
    const out: string[] = [`{"time":"${at(4 * DAYS - k - 0.3)}","level":"INFO","msg":"authz-gateway listening","addr":":8443","version":"1.31.1","tls_min":"1.2"}`];
    for (let i = 0; i < 18; i++) {
      const t = 55 - i * 3 - k * 0.4;
      if (i % 6 === 0) {
        for (let j = 0; j < 3; j++) out.push(`${goLogTime(t + j * 0.002)} http: TLS handshake error from ${scanners[(i / 6 + k) % 2]}:${41200 + i * 17 + j + k * 101}: remote error: tls: unknown certificate`);
        out.push(`${goLogTime(t - 0.001)} http: TLS handshake error from ${scanners[(i / 6 + k) % 2]}:${41300 + i + k}: tls: client offered only unsupported versions: [302 301]`);
      }
      out.push(`{"time":"${at(t - 0.05)}","level":"INFO","msg":"request","method":"POST","path":"/v1/authorize","status":200,"duration_ms":${3 + ((i + k) % 5)},"decision":"allow"}`);
      if (i % 4 === 1) out.push(`{"time":"${at(t - 0.1)}","level":"WARN","msg":"request aborted by client","method":"POST","path":"/v1/authorize/batch","error":"context canceled","elapsed_ms":${1800 + i * 37 + k * 11}}`);
      if (i % 5 === 3) out.push(`{"time":"${at(t - 0.15)}","level":"INFO","msg":"request","method":"POST","path":"/v1/authorize","status":200,"duration_ms":${4 + k},"decision":"deny","policy":"tenant-isolation"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout51-healthy-go-tls-scanner-context-canceled',
    class: 'healthy',
    truth: 'Nothing is wrong with authz-gateway: three ready pods of revision 27 (4 days old), no restarts, steady 200s. The "http: TLS handshake error … remote error: tls: unknown certificate" lines come every ~18 minutes from the internal vulnerability scanner (10.0.91.x), which does not trust the internal CA and probes old TLS versions; the "context canceled" warnings are batch callers that hung up on their own 2-second deadline. No action.',
    ask: { service: 'authz-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'authz-gateway', selector: { app: 'authz-gateway' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'session-store-sync', selector: { app: 'session-store-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 0, 2, 5 * HOURS - 1),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|nothing (is )?wrong|running normally|fine/i],
      facts: [/authz-gateway/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(rotate|renew|replace)[^\n]*cert/i, /(certificate|tls|handshake)[^\n]*(misconfigur|broken|expired|invalid)/i, /session-store-sync/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  s3VirtualHostedAgainstMinio(),
  postgresBackendOomKilled(),
  mysqlReplicaSqlThreadStopped(),
  kafkaStreamsReplicationFactor(),
  natsNoResponders(),
  elasticsearchNoWriteIndex(),
  healthyGoServiceScannerNoise(),
];
