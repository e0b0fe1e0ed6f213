// Held-out stories, eighty-sixth round, part two (written blind):
// 1. An in-cluster NFS server StatefulSet was deleted and re-created an hour ago with a new export
//    fsid; the media-worker pods that kept their old mount get "Stale file handle" (ESTALE) on every
//    read and write of the share, yet stay Running (one still Ready); the pod started since is fine.
// 2. A new CronJob invoice-report mounts the claim invoice-data that invoice-api holds with the
//    ReadWriteOncePod access mode: its Job pods stay Pending (FailedScheduling: a pod uses the claim
//    with ReadWriteOncePod access mode) until the deadline, and no report is ever produced.
// 3. Revision 57 of order-service turned on server-side prepared statements (useServerPrepStmts=true)
//    while the code never closes them; MySQL hit max_prepared_stmt_count (16382) and now refuses new
//    ones with error 1461, so requests fail while every pod stays Ready.
// 4. The schema-change Job stock-migrate-0142 (ALTER TABLE stock_levels) waits for the table's
//    metadata lock behind a report job's hours-long open transaction; every stock-api query on
//    stock_levels queues behind the ALTER and times out (1205 Lock wait timeout exceeded).
// 5. Revision 19 of events-ingest migrated to a ClickHouse table events_by_user PARTITION BY user_id;
//    every batch spans thousands of partitions, so inserts fail with code 252 "Too many partitions for
//    single INSERT block (more than 100)" (max_partitions_per_insert_block).
// 6. The cluster was upgraded to Kubernetes 1.32 (nodes rolled an hour ago); tenant-operator, unchanged
//    for weeks, still uses flowcontrol.apiserver.k8s.io/v1beta3, removed in 1.32, and crash-loops on
//    "the server could not find the requested resource".
// 7. Healthy control: a MySQL StatefulSet whose start-up log carries the harmless "[Warning]
//    [MY-010068] [Server] CA certificate ca.pem is self signed." warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp,
  event, exposed, failedScheduling, httpProbe, job, jobEvent, nameOf, probeFailed, pvc, pv, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, execProbe, waiting, ago, boundClaim, nodeEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Python logging's asctime: `2026-11-21 03:12:41,563`. */
const pyTs = (m: number): string => at(m).replace('T', ' ').replace('Z', '').replace('.', ',');
/** MySQL 8 error-log time: `2026-11-21T03:12:41.563000Z`. */
const myTs = (m: number): string => at(m).replace('Z', '000Z');
/** ClickHouse server log time: `2026.11.21 03:12:41.563000`. */
const chTs = (m: number): string => at(m).replace('T', ' ').replace('Z', '000').replace(/-/g, '.');
/** klog header time: `I1121 03:12:41.563000`. */
const klogTs = (m: number): string => { const s = at(m); return `${s.slice(5, 7)}${s.slice(8, 10)} ${s.slice(11, 23)}000`; };

// ---- 1. NFS server re-created with a new fsid: stale file handles on the kept mounts ---------------

function nfsStaleFileHandle(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '97', '203']);
  const nfsImage = 'docker.io/erichough/nfs-server:2.2.1';
  const exportsCm = configMap({
    namespace: ns, name: 'nfs-exports', createdAgo: 210 * DAYS, updatedAgo: 63,
    data: { exports: '/exports *(rw,sync,no_subtree_check,no_root_squash,fsid=20)\n' },
  });
  const nfs = statefulSetApp({
    namespace: ns, name: 'nfs-server', replicas: 1, serviceName: 'nfs-server', createdAgo: 62,
    revisions: [{ revision: 1, createdAgo: 62, template: { containers: [container({
      name: 'nfs-server', image: nfsImage, ports: [{ name: 'nfs', containerPort: 2049 }, { name: 'mountd', containerPort: 32767 }, { name: 'rpcbind', containerPort: 111 }],
      cpu: '250m', memory: '512Mi', readiness: tcpProbe('nfs'), liveness: tcpProbe('nfs', { initialDelaySeconds: 15 }),
      securityContext: { privileged: true },
      volumeMounts: [{ name: 'data', mountPath: '/exports' }, { name: 'exports', mountPath: '/etc/exports', subPath: 'exports' }],
    })], volumes: [{ name: 'exports', configMap: { name: 'nfs-exports' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 61.5 }],
  });
  const [dataClaim, dataVol] = boundClaim({ namespace: ns, name: 'data-nfs-server-0', storage: '500Gi', zone: 'eu-west-1c', createdAgo: 210 * DAYS });
  const nfsSvc = exposed({ namespace: ns, name: 'nfs-server', selector: { app: 'nfs-server' }, pods: nfs.pods, ports: [{ name: 'nfs', port: 2049, targetPort: 2049 }, { name: 'mountd', port: 32767, targetPort: 32767 }, { name: 'rpcbind', port: 111, targetPort: 111 }], endpointPort: 2049 });
  const nfsIp = (nfsSvc[0] as k8s.V1Service).spec?.clusterIP ?? '172.20.118.40';
  const image = (v: string) => `${ECR}/media/media-worker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '1Gi',
      env: [{ name: 'MEDIA_ROOT', value: '/mnt/media' }, { name: 'QUEUE_URL', value: 'redis://media-queue.media.svc.cluster.local:6379/0' }],
      readiness: httpProbe('/ready', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'media', mountPath: '/mnt/media' }],
    })],
    volumes: [{ name: 'media', nfs: { server: nfsIp, path: '/exports' } }],
  });
  const worker = deploymentApp({
    namespace: ns, name: 'media-worker', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 17 * DAYS, changeCause: 'argocd: media-worker 3.8.1', template: tpl('3.8.1') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: media-worker 3.9.0', template: tpl('3.9.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 1, ready: false }) } },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 41, node: names[2] ?? '', createdAgo: 38 },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const other = bystander(ns, 'media-api', names, 29, { revisions: [63, 64], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const [w0, w1, w2] = [podOf(worker, 0), podOf(worker, 1), podOf(worker, 2)];
  const nfsPod = podOf(nfs, 0);
  const jobIds = ['a91f', 'b22c', 'c7d0', '0e35', '5f18', '77ab', '9c02', 'd4e6'];
  const staleLog = (k: number) => {
    const out = [`${pyTs(2 * HOURS - k)} INFO media_worker.tasks: transcode job_id=${jobIds[k] ?? 'x'}0 done in 41.2s -> /mnt/media/renditions/${jobIds[k] ?? 'x'}0/720p.mp4`];
    for (let i = 0; i < 10; i++) {
      const t = 58 - i * 6 - k * 0.4;
      const id = `${jobIds[(i + k) % jobIds.length] ?? 'x'}${i}`;
      out.push(
        `${pyTs(t)} INFO media_worker.tasks: picked job_id=${id} source=/mnt/media/incoming/${id}.mov`,
        `${pyTs(t - 0.01)} ERROR media_worker.tasks: job_id=${id} failed`,
        'Traceback (most recent call last):',
        '  File "/app/media_worker/tasks.py", line 88, in run',
        '    with open(src, "rb") as fh:',
        `OSError: [Errno 116] Stale file handle: '/mnt/media/incoming/${id}.mov'`,
      );
      if (i % 3 === 1) out.push(`${pyTs(t - 0.02)} WARNING media_worker.health: storage check failed: [Errno 116] Stale file handle: '/mnt/media/.healthcheck'`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout86-nfs-server-recreated-stale-file-handle',
    class: 'storage',
    truth: 'The in-cluster NFS server (StatefulSet nfs-server) was deleted and re-created 62 minutes ago, and its nfs-exports ConfigMap now exports /exports with a new fsid (20). The NFS file handles the media-worker pods obtained from their mounts made before that no longer resolve on the new server, so the two pods started 6 days ago get "OSError: [Errno 116] Stale file handle" (ESTALE) on every read and write of /mnt/media, though they stay Running (one still Ready); the pod started 38 minutes ago mounted afresh and works. Fix: restart (re-create) the worker pods that kept the old mount, and keep the fsid stable.',
    ask: { service: 'media-worker', namespace: ns },
    objects: [
      ...nodes, exportsCm, ...nfs.objects, dataClaim, dataVol, ...nfsSvc, ...worker.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-worker', selector: { app: 'media-worker' }, pods: worker.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }] }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 63), 0, 1, 27),
      event({ on: { kind: 'StatefulSet', namespace: ns, name: 'nfs-server' }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod nfs-server-0 in StatefulSet nfs-server successful', firstAgo: 61.5, lastAgo: 61.5, component: 'statefulset-controller' }),
      ...startedNormally(nfsPod, 'nfs-server', nfsImage, 61.5),
      ...startedNormally(w2, 'app', image('3.9.0'), 38),
      probeFailed(w0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 341, firstAgo: 57, lastAgo: 0.2 }),
      event({ on: w1, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + (w1.status?.podIP ?? '10.0.0.1') + ':8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 4, firstAgo: 55, lastAgo: 21, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(nfsPod, 'nfs-server', { current: lines(
        '==================================================================',
        '      SETTING UP ...',
        '==================================================================',
        '----> setup complete',
        '==================================================================',
        '      STARTING SERVICES ...',
        '==================================================================',
        '----> starting rpcbind',
        '----> starting exportfs',
        '----> exporting *:/exports',
        '----> starting rpc.mountd on port 32767',
        '----> starting rpc.statd on port 32765 (outgoing from port 32766)',
        '----> starting rpc.nfsd on port 2049 with 8 server thread(s)',
        '----> all services started normally',
        '==================================================================',
        '      SERVER STARTUP COMPLETE',
        '==================================================================',
        '----> list of enabled NFS protocol versions: 4.2, 4.1, 4, 3',
        '----> list of container exports:',
        '---->   /exports *(rw,sync,no_subtree_check,no_root_squash,fsid=20)',
        '----> list of container ports that should be exposed:',
        '---->   111 (TCP and UDP)',
        '---->   2049 (TCP and UDP)',
        '---->   32765 (TCP and UDP)',
        '---->   32767 (TCP and UDP)',
      ) }),
      logsFor(w0, 'app', { current: staleLog(0) }),
      logsFor(w1, 'app', { current: staleLog(3) }),
      logsFor(w2, 'app', { current: lines(
        `${pyTs(37.8)} INFO media_worker.main: media-worker 3.9.0 starting, MEDIA_ROOT=/mnt/media`,
        `${pyTs(37.7)} INFO media_worker.health: storage check ok (/mnt/media, 318.4 GiB free)`,
        `${pyTs(12.1)} INFO media_worker.tasks: picked job_id=e81b2 source=/mnt/media/incoming/e81b2.mov`,
        `${pyTs(11.4)} INFO media_worker.tasks: transcode job_id=e81b2 done in 39.8s -> /mnt/media/renditions/e81b2/720p.mp4`,
        `${pyTs(1.3)} INFO media_worker.tasks: picked job_id=f0a17 source=/mnt/media/incoming/f0a17.mov`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/stale (nfs )?file handle|ESTALE|errno 116/i],
      facts: [/Stale file handle/i, /nfs-server/, /restart|re-?creat|remount|delete the (worker )?pods/i],
      never: [ADVISES_ROLLBACK, /\bOOM/i, /media-api/],
    },
  };
}

// ---- 2. a new CronJob mounting the app's ReadWriteOncePod claim ------------------------------------

function cronJobReadWriteOncePod(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.131', ['25', '140', '66']);
  const claim = pvc({ namespace: ns, name: 'invoice-data', storage: '100Gi', phase: 'Bound', volumeName: 'pvc-5d2e81c4-6a1f-4f0b-9c3e-2b7d9e0a4c61', accessModes: ['ReadWriteOncePod'], createdAgo: 120 * DAYS });
  const vol = pv({ name: 'pvc-5d2e81c4-6a1f-4f0b-9c3e-2b7d9e0a4c61', storage: '100Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: 'invoice-data' }, accessModes: ['ReadWriteOncePod'], createdAgo: 120 * DAYS });
  const apiImage = `${ECR}/billing/invoice-api:2.14.0`;
  const api = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 1, strategy: { type: 'Recreate' },
    revisions: [{ revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: invoice-api 2.14.0', template: {
      containers: [container({ image: apiImage, ports: [8080], memory: '768Mi', env: [{ name: 'INVOICE_STORE', value: '/var/lib/invoices' }, { name: 'REPORTS_DIR', value: '/var/lib/invoices/reports' }], volumeMounts: [{ name: 'data', mountPath: '/var/lib/invoices' }] })],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'invoice-data' } }],
    } }],
    pods: [{ revision: 22, node: names[1] ?? '', createdAgo: 11 * DAYS - 1 }],
  });
  const reportImage = `${ECR}/billing/invoice-report:1.0.0`;
  const reportTpl = {
    containers: [batchContainer({ name: 'report', image: reportImage, args: ['--period', 'hourly', '--out', '/var/lib/invoices/reports'], cpu: '200m', memory: '256Mi', volumeMounts: [{ name: 'data', mountPath: '/var/lib/invoices' }] })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'invoice-data' } }],
  };
  const unsched = '0/3 nodes are available: 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  const cron = cronJob({
    namespace: ns, name: 'invoice-report', schedule: '0 * * * *', template: reportTpl, activeDeadlineSeconds: 3000, createdAgo: 2 * HOURS + 30,
    jobs: [
      { createdAgo: 74, pods: [], outcome: { failed: 'DeadlineExceeded', ago: 24 } },
      { createdAgo: 14, pods: [{ node: null, createdAgo: 14, unschedulable: unsched }] },
    ],
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const podSpec = cronObj.spec?.jobTemplate.spec?.template.spec;
  if (podSpec) podSpec.volumes = reportTpl.volumes;
  const [failedJob, currentJob] = [cron.jobs[0], cron.jobs[1]];
  const pending = currentJob ? podOf(currentJob, 0) : undefined;
  const other = bystander(ns, 'payment-webhooks', names, 41, { revisions: [15, 16], versions: ['1.7.2', '1.8.0'], olderAgo: 20 * DAYS });
  const jobName = (b: Built | undefined) => nameOf(b?.objects[0]);
  return {
    id: 'heldout86-cronjob-readwriteoncepod-claim-conflict',
    class: 'jobs',
    truth: 'The CronJob invoice-report, added 2.5 hours ago, mounts the PersistentVolumeClaim invoice-data, which has the ReadWriteOncePod access mode and is already used by the running invoice-api pod. The scheduler refuses every report pod ("node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"), so each Job sits Pending until its 3000 s deadline (the 02:00 one failed DeadlineExceeded, the 03:00 one is Pending), and no hourly report has ever been written. Fix: give the report its own claim or read through invoice-api, or use a ReadWriteMany volume.',
    ask: { service: 'invoice-report', namespace: ns },
    objects: [
      ...nodes, claim, vol, ...api.objects, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 0, 1, 39),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(failedJob)}`, 74),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${jobName(failedJob)}, status: Failed`, 24),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(currentJob)}`, 14),
      jobEvent(failedJob?.objects[0], 'DeadlineExceeded', 'Job was active longer than specified deadline', 24, 'Warning'),
      jobEvent(currentJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(pending)}`, 14),
      ...(pending ? [failedScheduling(pending, unsched, { count: 4, firstAgo: 14, lastAgo: 3 })] : []),
    ],
    logs: [
      logsFor(podOf(api, 0), 'app', { current: lines(
        `{"ts":"${at(62)}","level":"info","msg":"GET /v1/reports/latest","status":404,"error":"no report newer than 2026-11-19T00:00:00Z in /var/lib/invoices/reports"}`,
        `{"ts":"${at(8)}","level":"info","msg":"POST /v1/invoices","status":201,"duration_ms":23}`,
        `{"ts":"${at(2)}","level":"info","msg":"GET /v1/reports/latest","status":404,"error":"no report newer than 2026-11-19T00:00:00Z in /var/lib/invoices/reports"}`,
        `{"ts":"${at(0.5)}","level":"info","msg":"GET /v1/invoices/INV-2026-118204","status":200,"duration_ms":4}`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ReadWriteOncePod|RWOP/i],
      facts: [lit('invoice-data'), /invoice-api/, /Pending|FailedScheduling|unschedul/i],
      never: [/Insufficient (cpu|memory)/i, /\bOOM/i, /taint/i],
    },
  };
}

// ---- 3. server-side prepared statements never closed: max_prepared_stmt_count --------------------

function maxPreparedStatements(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '171', '230']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const base = 'jdbc:mysql://orders-mysql.orders.svc.cluster.local:3306/orders?sslMode=REQUIRED&connectTimeout=3000&socketTimeout=10000';
  const tpl = (v: string, url: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
    env: [{ name: 'SPRING_DATASOURCE_URL', value: url }, { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '20' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
    readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [
      { revision: 55, createdAgo: 13 * DAYS, changeCause: 'argocd: order-service 7.3.2', template: tpl('7.3.2', `${base}&cachePrepStmts=true`) },
      { revision: 56, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 7.3.3', template: tpl('7.3.3', `${base}&cachePrepStmts=true`) },
      { revision: 57, createdAgo: 5 * HOURS + 10, changeCause: 'argocd: order-service 7.4.0', template: tpl('7.4.0', `${base}&useServerPrepStmts=true&cachePrepStmts=false`) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 5 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 6, progressingSince: 5 * HOURS + 10, progressingUpdatedAgo: 5 * HOURS + 6 },
  });
  const dbImage = 'docker.io/library/mysql:8.0.40';
  const db = statefulSetApp({
    namespace: ns, name: 'orders-mysql', replicas: 1, createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'mysql', image: dbImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '8Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 24 * DAYS }],
  });
  const [dbClaim, dbVol] = boundClaim({ namespace: ns, name: 'data-orders-mysql-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS });
  const other = bystander(ns, 'order-notifier', names, 33, { revisions: [28, 29], versions: ['3.1.4', '3.2.0'], olderAgo: 15 * DAYS });
  const sqls = [
    'SELECT o.id, o.status, o.total_cents FROM orders o WHERE o.customer_id = ? ORDER BY o.created_at DESC LIMIT ?',
    'INSERT INTO order_lines (order_id, sku, qty, price_cents) VALUES (?, ?, ?, ?)',
    'SELECT id, sku, qty FROM order_lines WHERE order_id = ?',
  ];
  const appLog = (k: number) => {
    const t0 = 5 * HOURS + 8 - k;
    const out = [
      `${at(t0)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Starting OrderServiceApplication v7.4.0 using Java 21.0.5 with PID 1`,
      `${at(t0 - 0.2)}  INFO 1 --- [order-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
      `${at(t0 - 0.4)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 21.412 seconds (process running for 23.118)`,
      `${at(52 - k)}  INFO 1 --- [order-service] [nio-8080-exec-4] c.a.orders.web.OrderController           : order created id=ORD-8830${k}1 lines=3 total_cents=12990`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 38 - i * 3 - k * 0.3;
      const sql = sqls[(i + k) % sqls.length] ?? '';
      out.push(
        `${at(t)} ERROR 1 --- [order-service] [nio-8080-exec-${(i % 9) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.jdbc.UncategorizedSQLException: PreparedStatementCallback; uncategorized SQLException for SQL [${sql}]; SQL state [42000]; error code [1461]; Can't create more than max_prepared_stmt_count statements (current value: 16382)] with root cause`,
        '',
        "java.sql.SQLException: Can't create more than max_prepared_stmt_count statements (current value: 16382)",
        '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:121) ~[mysql-connector-j-9.1.0.jar!/:9.1.0]',
        '\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:122) ~[mysql-connector-j-9.1.0.jar!/:9.1.0]',
        '\tat com.mysql.cj.jdbc.ServerPreparedStatement.serverPrepare(ServerPreparedStatement.java:472) ~[mysql-connector-j-9.1.0.jar!/:9.1.0]',
        '\tat com.mysql.cj.jdbc.ConnectionImpl.prepareStatement(ConnectionImpl.java:1716) ~[mysql-connector-j-9.1.0.jar!/:9.1.0]',
        '\tat com.zaxxer.hikari.pool.ProxyConnection.prepareStatement(ProxyConnection.java:327) ~[HikariCP-5.1.0.jar!/:na]',
      );
    }
    out.push(`${at(0.6)}  INFO 1 --- [order-service] [nio-8080-exec-2] c.a.orders.web.HealthLogger              : GET /actuator/health/readiness 200`);
    return lines(...out);
  };
  const dbPod = podOf(db, 0);
  return {
    id: 'heldout86-mysql-max-prepared-stmt-count',
    class: 'rollout',
    truth: 'Revision 57 of order-service (7.4.0, 5 hours ago) switched the JDBC URL to server-side prepared statements (useServerPrepStmts=true, cachePrepStmts=false) while the new repository code never closes its statements, so each connection leaks prepared statements on the MySQL server. About 40 minutes ago the server reached max_prepared_stmt_count (16382) and now refuses to prepare new ones ("Can\'t create more than max_prepared_stmt_count statements", error 1461): most order requests fail with 500 while every pod stays Ready. Fix: roll back to revision 56 (or fix the statement leak), which releases the leaked statements as connections close.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, dbClaim, dbVol, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-mysql', selector: { app: 'orders-mysql' }, pods: db.pods, endpointPort: 3306 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 0, 1, 5 * HOURS + 6),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 28), 0, 1, 31),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(dbPod, 'mysql', { current: lines(
        `${myTs(24 * DAYS)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${myTs(3 * DAYS)} 1203 [Warning] [MY-010055] [Server] IP address '10.0.31.77' could not be resolved: Name or service not known`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_prepared_stmt_count|prepared stat(e)?m(en)?ts?|1461/i],
      facts: [lit('16382'), /useServerPrepStmts/, /\b57\b|7\.4\.0/],
      never: [/too many connections/i, /\bOOM/i, /order-notifier/],
    },
  };
}

// ---- 4. ALTER TABLE waiting for a metadata lock behind a report's open transaction ---------------

function alterTableMetadataLock(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.57', ['40', '118', '222']);
  const dsn = 'stock_api:${DB_PASSWORD}@tcp(inventory-mysql.inventory.svc.cluster.local:3306)/inventory?parseTime=true&timeout=3s&readTimeout=30s&lock_wait_timeout=20';
  const image = (v: string) => `${ECR}/inventory/stock-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '256Mi', env: [{ name: 'MYSQL_DSN', value: dsn }, { name: 'REQUEST_TIMEOUT', value: '25s' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'stock-api', replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 12 * DAYS, changeCause: 'argocd: stock-api 4.20.1', template: tpl('4.20.1') },
      { revision: 89, createdAgo: 4 * DAYS, changeCause: 'argocd: stock-api 4.21.0', template: tpl('4.21.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const migImage = `${ECR}/inventory/stock-migrations:0142`;
  const mig = job({
    namespace: ns, name: 'stock-migrate-0142', backoffLimit: 0, createdAgo: 26,
    template: { containers: [batchContainer({ name: 'migrate', image: migImage, command: ['/bin/sh', '-c', '/migrate.sh 0142_add_reserved_qty.sql'], memory: '128Mi' })] },
    pods: [{ node: names[0] ?? '', createdAgo: 26, containers: { migrate: running({ sinceAgo: 25.8 }) } }],
  });
  const reportImage = `${ECR}/inventory/warehouse-report:2.2.0`;
  const report = cronJob({
    namespace: ns, name: 'warehouse-report', schedule: '30 0 * * *', createdAgo: 90 * DAYS, lastSuccessfulAgo: 25 * HOURS,
    template: { containers: [batchContainer({ name: 'report', image: reportImage, memory: '512Mi' })] },
    jobs: [
      { createdAgo: 24 * HOURS + 164, pods: [{ phase: 'Succeeded', node: names[1] ?? '', createdAgo: 24 * HOURS + 164, containers: { report: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(24 * HOURS + 164), finishedAt: ago(25 * HOURS), containerID: 'containerd://4f1d0a9b7c3e2d1f' } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 25 * HOURS } },
      { createdAgo: 164, pods: [{ node: names[1] ?? '', createdAgo: 164, containers: { report: running({ sinceAgo: 163.8 }) } }] },
    ],
  });
  const migPod = podOf(mig, 0);
  const reportRun = report.jobs[1];
  const reportPod = reportRun ? podOf(reportRun, 0) : migPod;
  const other = bystander(ns, 'stock-events-consumer', names, 36, { revisions: [11, 12], versions: ['1.9.3', '1.10.0'], olderAgo: 18 * DAYS });
  const processlist = (m: number, queued: number) => {
    const waitS = Math.round((26 - m) * 60);
    const out = [
      `[migrate] ${at(m)} still waiting after ${waitS}s, SHOW FULL PROCESSLIST:`,
      'Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo',
      `48211\twarehouse_report\t10.0.21.9:40122\tinventory\tSleep\t${Math.round((151.2 - m) * 60)}\t\tNULL`,
      `51877\tmigrator\t10.0.13.54:52310\tinventory\tQuery\t${waitS}\tWaiting for table metadata lock\tALTER TABLE stock_levels ADD COLUMN reserved_qty INT NOT NULL DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE`,
    ];
    for (let i = 0; i < queued; i++) out.push(`${51902 + i * 7}\tstock_api\t10.0.${20 + i}.${30 + i}:${44000 + i * 13}\tinventory\tQuery\t${(i * 3) % 19 + 1}\tWaiting for table metadata lock\tSELECT sku, warehouse_id, on_hand FROM stock_levels WHERE sku = 'SKU-${40112 + i * 17}'`);
    return out;
  };
  const migLog = lines(
    `[migrate] ${at(25.8)} applying 0142_add_reserved_qty.sql to inventory@inventory-mysql:3306`,
    `[migrate] ${at(25.8)} ALTER TABLE stock_levels ADD COLUMN reserved_qty INT NOT NULL DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE`,
    ...processlist(20, 4), ...processlist(10, 9), ...processlist(1, 12),
  );
  const appLog = (k: number) => {
    const out = [`{"time":"${at(40 - k)}","level":"INFO","msg":"request","method":"GET","path":"/v1/stock/SKU-40112","status":200,"dur_ms":7}`];
    for (let i = 0; i < 12; i++) {
      const t = 24 - i * 2 - k * 0.2;
      out.push(i % 3 === 2
        ? `{"time":"${at(t)}","level":"ERROR","msg":"request failed","method":"POST","path":"/v1/reservations","status":504,"dur_ms":25001,"error":"context deadline exceeded"}`
        : `{"time":"${at(t)}","level":"ERROR","msg":"query failed","query":"SELECT sku, warehouse_id, on_hand FROM stock_levels WHERE sku = ?","dur_ms":20013,"error":"Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"}`);
    }
    out.push(`{"time":"${at(0.7)}","level":"INFO","msg":"request","method":"GET","path":"/readyz","status":200,"dur_ms":1}`);
    return lines(...out);
  };
  return {
    id: 'heldout86-alter-table-metadata-lock-queue',
    class: 'jobs',
    truth: 'The schema-change Job stock-migrate-0142 started 26 minutes ago an ALTER TABLE stock_levels, which needs the table\'s exclusive metadata lock; the warehouse-report job started 2h44m ago left a transaction open on stock_levels (its connection shows Sleep), so the ALTER waits "for table metadata lock" and every later stock-api query on stock_levels queues behind it until it hits lock_wait_timeout (Error 1205 Lock wait timeout exceeded) or the 25 s request timeout. stock-api itself (revision 89, 4 days old) is fine. Fix: kill the report\'s idle transaction (or the ALTER), then rerun the migration with a short lock_wait_timeout.',
    ask: { service: 'stock-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mig.objects, ...report.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'stock-api', selector: { app: 'stock-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 1, 34),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 26),
      ...startedNormally(migPod, 'migrate', migImage, 26),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(migPod, 'migrate', { current: migLog }),
      logsFor(reportPod, 'report', { current: lines(
        `${pyTs(163.7)} INFO warehouse_report: building stock valuation for 2026-11-20, warehouses=14`,
        `${pyTs(163.6)} INFO warehouse_report: BEGIN; SELECT ... FROM stock_levels JOIN warehouses ... (snapshot)`,
        `${pyTs(151.2)} INFO warehouse_report: fetched 1842113 rows, rendering xlsx`,
        `${pyTs(97.4)} INFO warehouse_report: uploading valuation-2026-11-20.xlsx to s3://acme-inventory-reports/ (attempt 1)`,
        `${pyTs(61.9)} WARNING warehouse_report: upload attempt 1 slow, retrying multipart part 212/380`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/metadata lock|\bMDL\b/i],
      facts: [/Waiting for table metadata lock/i, /stock-migrate-0142|ALTER TABLE/i, /warehouse-report|open transaction|long[- ]running transaction/i],
      never: [ADVISES_ROLLBACK, /deadlock/i, /\bOOM/i],
    },
  };
}

// ---- 5. ClickHouse PARTITION BY user_id: too many partitions per INSERT block ----------------------

function clickhouseTooManyPartitions(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.160', ['14', '99', '187']);
  const migrations = configMap({
    namespace: ns, name: 'events-ingest-migrations', createdAgo: 200 * DAYS, updatedAgo: 72,
    data: {
      '001_events.sql': 'CREATE TABLE IF NOT EXISTS analytics.events\n(\n    ts DateTime64(3),\n    user_id UInt64,\n    event LowCardinality(String),\n    props String\n)\nENGINE = MergeTree\nPARTITION BY toYYYYMM(ts)\nORDER BY (event, user_id, ts);\n',
      '002_events_by_user.sql': 'CREATE TABLE IF NOT EXISTS analytics.events_by_user\n(\n    ts DateTime64(3),\n    user_id UInt64,\n    event LowCardinality(String),\n    props String\n)\nENGINE = MergeTree\nPARTITION BY user_id\nORDER BY (user_id, ts);\n',
    },
  });
  const image = (v: string) => `${ECR}/analytics/events-ingest:${v}`;
  const tpl = (v: string, table: string) => ({
    initContainers: [batchContainer({ name: 'migrate', image: image(v), command: ['/usr/local/bin/migrate', '--dir', '/migrations'], memory: '64Mi', volumeMounts: [{ name: 'migrations', mountPath: '/migrations' }] })],
    containers: [container({ image: image(v), ports: [8080], memory: '512Mi', env: [{ name: 'CLICKHOUSE_ADDR', value: 'clickhouse.analytics.svc.cluster.local:9000' }, { name: 'CLICKHOUSE_TABLE', value: table }, { name: 'BATCH_SIZE', value: '20000' }, { name: 'KAFKA_TOPIC', value: 'product-events' }] })],
    volumes: [{ name: 'migrations', configMap: { name: 'events-ingest-migrations' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'events-ingest', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 16 * DAYS, changeCause: 'argocd: events-ingest 2.6.3', template: tpl('2.6.3', 'events') },
      { revision: 19, createdAgo: 72, changeCause: 'argocd: events-ingest 2.7.0', template: tpl('2.7.0', 'events_by_user') },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 71 }, { revision: 19, node: names[1] ?? '', createdAgo: 70 }],
  });
  const chImage = 'docker.io/clickhouse/clickhouse-server:24.8.4.13';
  const ch = statefulSetApp({
    namespace: ns, name: 'clickhouse', replicas: 1, createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'clickhouse', image: chImage, ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }], cpu: '4', memory: '16Gi', readiness: httpProbe('/ping', 8123), liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const [chClaim, chVol] = boundClaim({ namespace: ns, name: 'data-clickhouse-0', storage: '1Ti', zone: 'eu-west-1c', createdAgo: 200 * DAYS });
  const other = bystander(ns, 'dashboards-api', names, 24, { revisions: [33, 34], versions: ['6.0.2', '6.1.0'], olderAgo: 11 * DAYS });
  const chPod = podOf(ch, 0);
  const msg = "Too many partitions for single INSERT block (more than 100). The limit is controlled by 'max_partitions_per_insert_block' setting. Large number of partitions is a common misconception. It will lead to severe negative performance impact, including slow server startup, slow INSERT queries and slow SELECT queries. Recommended total number of partitions for a table is under 1000..10000. Please note, that partitioning is not intended to speed up SELECT queries (ORDER BY key is sufficient to make range queries fast). Partitions are intended for data manipulation (DROP PARTITION, etc).";
  const appLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(70.5 - k)}","msg":"starting events-ingest","version":"2.7.0","table":"events_by_user","batch_size":20000}`,
      `{"level":"info","ts":"${at(70.4 - k)}","msg":"kafka consumer joined group","group":"events-ingest","topic":"product-events","partitions":[${k * 6},${k * 6 + 1},${k * 6 + 2},${k * 6 + 3},${k * 6 + 4},${k * 6 + 5}]}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 69 - i * 5.5 - k * 0.3;
      out.push(`{"level":"error","ts":"${at(t)}","msg":"batch insert failed","table":"events_by_user","rows":20000,"attempt":${(i % 3) + 1},"error":"code: 252, message: ${msg.replace(/'/g, "'")}"}`);
      if (i % 3 === 2) out.push(`{"level":"warn","ts":"${at(t - 0.05)}","msg":"giving up on batch, not committing offsets","lag":${41000 + i * 52000 + k * 3100}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout86-clickhouse-partition-by-user-id',
    class: 'rollout',
    truth: 'Revision 19 of events-ingest (2.7.0, 72 minutes ago) switched ingestion to a new ClickHouse table events_by_user, created by its migration (ConfigMap events-ingest-migrations, 002_events_by_user.sql) with PARTITION BY user_id, a high-cardinality column. Every 20 000-row batch touches thousands of user ids, so ClickHouse rejects each INSERT with code 252 "Too many partitions for single INSERT block (more than 100)" (max_partitions_per_insert_block); no batch has been written since and the Kafka lag grows. Fix: roll back to revision 18 and re-create the table partitioned by month (toYYYYMM(ts)).',
    ask: { service: 'events-ingest', namespace: ns },
    objects: [
      ...nodes, migrations, ...app.objects, ...ch.objects, chClaim, chVol, ...other.objects,
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, pods: ch.pods, endpointPort: 9000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 0, 72),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 2, 69),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 33), 0, 2, 22),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'migrate', { current: lines(
        `${at(71 - k)} migrate: connected to clickhouse.analytics.svc.cluster.local:9000 (ClickHouse 24.8.4)`,
        `${at(71 - k)} migrate: 001_events.sql already applied`,
        k === 0 ? `${at(71)} migrate: applying 002_events_by_user.sql ... ok (0.041s)` : `${at(70)} migrate: 002_events_by_user.sql already applied`,
        `${at(71 - k)} migrate: schema up to date`,
      ) })),
      logsFor(chPod, 'clickhouse', { current: lines(
        `${chTs(71)} [ 812 ] {5c1e0a7b-1f3d-4c2a-9e8b-0d4f6a2b7c91} <Information> executeQuery: Read 1 rows, 1.00 B in 0.041 sec. (CREATE TABLE IF NOT EXISTS analytics.events_by_user)`,
        ...[0, 1, 2, 3, 4].map((i) => `${chTs(60 - i * 12)} [ ${903 + i} ] {${['0a', '1b', '2c', '3d', '4e'][i] ?? '0a'}71c2d4-8e1f-4a3b-b5c6-d7e8f9a0b1c2} <Error> executeQuery: Code: 252. DB::Exception: ${msg} (TOO_MANY_PARTS) (version 24.8.4.13 (official build)) (from 10.0.${11 + i}.88:5${1200 + i}) (in query: INSERT INTO analytics.events_by_user (ts, user_id, event, props) FORMAT Native), Stack trace (when copying this message, always include the lines below):`),
        `${chTs(0.8)} [ 640 ] {} <Information> analytics.events (MergerMutator): Selected 6 parts from 202611_118201_118290_18 to 202611_118296_118296_0`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/partition/i],
      facts: [lit('max_partitions_per_insert_block'), /user_id/, /events_by_user|revision 19|2\.7\.0/i],
      never: [/\bOOM/i, /disk (is )?full|DiskPressure/i, /dashboards-api/],
    },
  };
}

// ---- 6. control plane upgraded to 1.32: an operator still on flowcontrol v1beta3 ------------------

function operatorRemovedApiAfterUpgrade(): CorpusScenario {
  const ns = 'tenancy';
  const { nodes, names } = threeEksNodes('10.0.9', ['61', '144', '208']);
  nodes.forEach((n, i) => {
    n.metadata = { ...n.metadata, creationTimestamp: ago(66 - i * 5) };
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.32.9-eks-113cf36', kubeProxyVersion: 'v1.32.9-eks-113cf36', osImage: 'Amazon Linux 2023.9.20261110' });
    for (const c of n.status?.conditions ?? []) c.lastTransitionTime = ago(65 - i * 5);
  });
  const image = `${ECR}/platform/tenant-operator:0.9.4`;
  const op = deploymentApp({
    namespace: ns, name: 'tenant-operator', replicas: 1,
    revisions: [
      { revision: 5, createdAgo: 71 * DAYS, changeCause: 'helm: tenant-operator 0.9.3', template: { containers: [container({ name: 'manager', image: `${ECR}/platform/tenant-operator:0.9.3`, args: ['--leader-elect', '--health-probe-bind-address=:8081'], ports: [8081], memory: '128Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }) })], serviceAccountName: 'tenant-operator' } },
      { revision: 6, createdAgo: 38 * DAYS, changeCause: 'helm: tenant-operator 0.9.4', template: { containers: [container({ name: 'manager', image, args: ['--leader-elect', '--health-probe-bind-address=:8081'], ports: [8081], memory: '128Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }) })], serviceAccountName: 'tenant-operator' } },
    ],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 58, containers: { manager: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 4 }, 15) } }],
    settled: { available: false, availableSince: 58, progressingSince: 38 * DAYS, progressingUpdatedAgo: 38 * DAYS },
  });
  const other = bystander(ns, 'tenant-portal', names, 58, { revisions: [20, 21], versions: ['3.4.0', '3.4.1'], olderAgo: 8 * DAYS });
  const pod = podOf(op, 0);
  const crashLog = lines(
    `${klogTs(2.2)}       1 main.go:71] tenant-operator 0.9.4 (commit 4be19d2, client-go v0.28.4)`,
    `${klogTs(2.2)}       1 main.go:88] attempting to acquire leader lease tenancy/tenant-operator-lock...`.replace(/^/, 'I'),
    `${klogTs(2.2)}       1 leaderelection.go:260] successfully acquired lease tenancy/tenant-operator-lock`.replace(/^/, 'I'),
    `${klogTs(2.2)}       1 reflector.go:535] pkg/mod/k8s.io/client-go@v0.28.4/tools/cache/reflector.go:229: failed to list *v1beta3.FlowSchema: the server could not find the requested resource`.replace(/^/, 'W'),
    `${klogTs(2.2)}       1 reflector.go:147] pkg/mod/k8s.io/client-go@v0.28.4/tools/cache/reflector.go:229: Failed to watch *v1beta3.FlowSchema: failed to list *v1beta3.FlowSchema: the server could not find the requested resource`.replace(/^/, 'E'),
    `${klogTs(2.2)}       1 reflector.go:535] pkg/mod/k8s.io/client-go@v0.28.4/tools/cache/reflector.go:229: failed to list *v1beta3.PriorityLevelConfiguration: the server could not find the requested resource`.replace(/^/, 'W'),
    `${klogTs(2.15)}       1 tenant_controller.go:203] ensuring priority level for tenant "acme-retail": the server could not find the requested resource (get prioritylevelconfigurations.flowcontrol.apiserver.k8s.io tenant-acme-retail)`.replace(/^/, 'E'),
    `${klogTs(2.1)}       1 main.go:142] unable to start controllers: ensure default FlowSchema "tenant-default": the server could not find the requested resource (get flowschemas.flowcontrol.apiserver.k8s.io tenant-default)`.replace(/^/, 'F'),
  ).replace(/^(\d{4} )/, 'I$1');
  return {
    id: 'heldout86-operator-removed-flowcontrol-api-after-upgrade',
    class: 'containers',
    truth: 'The cluster was upgraded to Kubernetes 1.32 about an hour ago (every node now runs kubelet v1.32.9 and was replaced 56–66 minutes ago). Kubernetes 1.32 removed flowcontrol.apiserver.k8s.io/v1beta3, which tenant-operator 0.9.4 (revision 6, unchanged for 38 days, client-go v0.28) still uses to manage FlowSchemas and PriorityLevelConfigurations; since its pod was rescheduled during the node roll it exits at start with "the server could not find the requested resource" and crash-loops. Fix: upgrade the operator to a release using flowcontrol.apiserver.k8s.io/v1; its own rollout is innocent.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...op.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'tenant-portal', selector: { app: 'tenant-portal' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 0, 1, 56),
      ...names.map((n, i) => nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 66 - i * 5 })),
      ...names.map((n, i) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 65 - i * 5 })),
      ...names.map((n, i) => nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 65.5 - i * 5, component: 'node-controller' })),
      scheduled(pod, 58),
      ...restartedAgain(pod, 'manager', image, { count: 16, firstAgo: 57.8, lastAgo: 2.2 }),
      backOff(pod, 'manager', { count: 251, firstAgo: 57, lastAgo: 0.3 }),
    ],
    logs: [logsFor(pod, 'manager', { previous: crashLog, current: '' })],
    expect: {
      verdict: 'problems',
      headline: [/flowcontrol|v1beta3|FlowSchema|could not find the requested resource|removed API/i],
      facts: [/could not find the requested resource/i, /1\.32/, /flowcontrol\.apiserver\.k8s\.io\/v1beta3|v1beta3/i],
      never: [ADVISES_ROLLBACK, /\bOOM/i, /ImagePull/i],
    },
  };
}

// ---- 7. healthy control: MySQL with a self-signed CA warning at start --------------------------------

function mysqlSelfSignedCaWarning(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.202', ['33', '74', '159']);
  const image = 'docker.io/library/mysql:8.4.3';
  const db = statefulSetApp({
    namespace: ns, name: 'crm-mysql', replicas: 1, createdAgo: 400 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.4.2', ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] })] } },
      { revision: 7, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'mysql', image, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] })] } },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-crm-mysql-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS });
  const app = bystander(ns, 'crm-web', names, 47, { revisions: [141, 142], versions: ['12.3.0', '12.3.1'], olderAgo: 6 * DAYS });
  const dbPod = podOf(db, 0);
  const t = 9 * DAYS - 1.1;
  const mysqlLog = lines(
    `${myTs(t)} 0 [System] [MY-015015] [Server] MySQL Server - start.`,
    `${myTs(t)} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.`,
    `${myTs(t)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.4.3) starting as process 1`,
    `${myTs(t)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${myTs(t - 0.02)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${myTs(t - 0.05)} 4 [System] [MY-013381] [Server] Server upgrade from '80402' to '80403' started.`,
    `${myTs(t - 0.12)} 4 [System] [MY-013381] [Server] Server upgrade from '80402' to '80403' completed.`,
    `${myTs(t - 0.13)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${myTs(t - 0.13)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${myTs(t - 0.13)} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${myTs(t - 0.14)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
    `${myTs(t - 0.14)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.3'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
  );
  return {
    id: 'heldout86-mysql-self-signed-ca-warning-healthy',
    class: 'healthy',
    truth: 'Nothing is wrong. crm-mysql (8.4.3, revision 7, nine days ago) runs one Ready pod with no restarts, serving the crm-web Deployment. Its start-up log carries the usual warnings of the official image: "[Warning] [MY-010068] [Server] CA certificate ca.pem is self signed." (the auto-generated certificates), the deprecated --skip-host-cache and the pid-file location; all harmless. crm-web rolled out 12.3.1 47 minutes ago, normally.',
    ask: { service: 'crm-mysql', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, vol, ...app.objects,
      ...exposed({ namespace: ns, name: 'crm-mysql', selector: { app: 'crm-mysql' }, pods: db.pods, endpointPort: 3306, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }] }),
      ...exposed({ namespace: ns, name: 'crm-web', selector: { app: 'crm-web' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 141), 0, 1, 45),
      event({ on: podOf(app, 0), type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${ECR}/crm/crm-web:12.3.1" in 3.118s (3.118s including waiting). Image size: 61220411 bytes.`, firstAgo: 46.9, lastAgo: 46.9, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [logsFor(dbPod, 'mysql', { current: mysqlLog })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problems?|running normally|no issues?/i],
      facts: [/crm-mysql/],
      never: [/self.signed[^\n]*(cause|fail|broke|problem)/i, /(ca\.pem|certificate|TLS)[^\n]*(cause|fail)/i, /crm-web[^\n]*(cause|broke)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  nfsStaleFileHandle(),
  cronJobReadWriteOncePod(),
  maxPreparedStatements(),
  alterTableMetadataLock(),
  clickhouseTooManyPartitions(),
  operatorRemovedApiAfterUpgrade(),
  mysqlSelfSignedCaWarning(),
];
