// Held-out stories, forty-sixth round, part one: a 4-pod MinIO StatefulSet whose two pods in
// eu-west-1c went away with their spot node and sit Pending on volume node affinity conflicts (no
// node left in that zone), so erasure-coded writes lose quorum ("Write failed. Insufficient number
// of drives online") and the uploader answers 503; a reports service whose revision 19 changed a
// query that now sorts the whole ledger, so Postgres cancels it at temp_file_limit (1048576kB);
// a pricing engine whose feature-flag znode grew past the ZooKeeper client's jute.maxbuffer, so
// every pod recreated by a node-group upgrade fails to load it ("Packet len 1100345 is out of
// range!") and never turns ready; a document renderer rebuilt on a 2019 base image whose boto3
// predates web identity credentials, so it uses the node's instance role and S3 says AccessDenied;
// an nginx sidecar whose ConfigMap gained a per-client-IP limit_req zone while every request comes
// from two ingress-controller pods, so nearly everything is answered 503; a checkout whose
// ConfigMap now points INVENTORY_URL at https:// while inventory speaks plain HTTP; and a healthy
// control: an Istio-meshed profile service with UC resets from a peer's rollout 40 minutes ago and
// CoreDNS NXDOMAIN answers for ndots search-domain expansions of external names.
import {
  DAYS, ECR, HOURS, at, boundClaim, clfTime, configMap, container, coreDns, deploymentApp, event, exposed, failedScheduling,
  httpProbe, nameOf, node, nodeEvent, notTriggerScaleUp, probeFailed, pyTime, rsOf, running, scaledReplicaSet, scheduled,
  service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** MinIO's console log time: `03:12:41 UTC 11/21/2026`. */
const minioTime = (minutes: number): string => {
  const s = at(minutes);
  return `${s.slice(11, 19)} UTC ${s.slice(5, 7)}/${s.slice(8, 10)}/${s.slice(0, 4)}`;
};
/** Java logback time: `2026-11-21 03:12:41.563`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. MinIO loses write quorum: two of four pods Pending, their volumes pinned to eu-west-1c ------

function minioWriteQuorumLost(): CorpusScenario {
  const ns = 'media';
  const gone = eksNodeName('10.0.96.214');
  const nodes = [
    node({ name: eksNodeName('10.0.96.31'), zone: 'eu-west-1a', pool: 'storage-spot', instanceType: 'm6i.xlarge' }),
    node({ name: eksNodeName('10.0.96.152'), zone: 'eu-west-1b', pool: 'storage-spot', instanceType: 'm6i.xlarge' }),
    node({ name: eksNodeName('10.0.96.177'), zone: 'eu-west-1b', pool: 'storage-spot', instanceType: 'm6a.xlarge', createdAgo: 36, readySince: 35 }),
  ];
  const names = nodes.map(nameOf);
  const image = 'quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z';
  const pending = '0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const tpl = {
    containers: [container({
      name: 'minio', image, command: ['/bin/sh', '-ce'],
      args: ['minio server http://minio-{0...3}.minio-hl.media.svc.cluster.local/export -S /etc/minio/certs/ --address :9000 --console-address :9001'],
      env: [{ name: 'MINIO_ROOT_USER', valueFrom: { secretKeyRef: { name: 'minio', key: 'rootUser' } } }, { name: 'MINIO_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'minio', key: 'rootPassword' } } }, { name: 'MINIO_PROMETHEUS_AUTH_TYPE', value: 'public' }],
      ports: [{ name: 'http', containerPort: 9000 }, { name: 'http-console', containerPort: 9001 }],
      cpu: '500m', memory: '2Gi',
      readiness: tcpProbe('http', { initialDelaySeconds: 5, periodSeconds: 5 }),
      liveness: httpProbe('/minio/health/live', 'http', { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 5 }),
      volumeMounts: [{ name: 'export', mountPath: '/export' }],
    })],
    serviceAccountName: 'minio-sa',
    securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch' },
  };
  const sts = statefulSetApp({
    namespace: ns, name: 'minio', replicas: 4, serviceName: 'minio-hl', podManagementPolicy: 'Parallel', createdAgo: 210 * DAYS,
    revisions: [{ revision: 3, createdAgo: 64 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'export', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 19 * DAYS },
      { revision: 3, ordinal: 1, node: names[1] ?? '', createdAgo: 19 * DAYS },
      { revision: 3, ordinal: 2, node: null, createdAgo: 37, unschedulable: pending },
      { revision: 3, ordinal: 3, node: null, createdAgo: 37, unschedulable: pending },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1c'];
  const claims = [0, 1, 2, 3].flatMap((i) => boundClaim({ namespace: ns, name: `export-minio-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 210 * DAYS, labels: { app: 'minio' } }));
  const apiImage = (v: string) => `${ECR}/media/media-upload:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '300m', memory: '256Mi',
      env: [{ name: 'S3_ENDPOINT', value: 'minio.media.svc.cluster.local:9000' }, { name: 'S3_BUCKET', value: 'media-uploads' }, { name: 'S3_USE_SSL', value: 'false' }, { name: 'MAX_UPLOAD_MB', value: '25' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'media-upload', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 12 * DAYS, changeCause: 'argocd: media-upload 2.7.4', template: apiTpl('2.7.4') },
      { revision: 22, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: media-upload 2.8.0', template: apiTpl('2.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - k })),
  });
  const other = bystander(ns, 'thumbnailer', names, 3 * DAYS, { revisions: [14, 15], versions: ['1.9.2', '1.9.3'], olderAgo: 20 * DAYS });
  const [m0, m1, m2, m3] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2), podOf(sts, 3)];
  const appIps = app.pods.map(ipOfPod);
  const deploymentId = '6f1d2c6e-8a3b-4c55-9e1f-2d7b0c4a9e31';
  const minioLog = (self: number): string => {
    const out: string[] = [
      `Status:         4 Online, 0 Offline. `,
      `S3-API: http://${ipOfPod(self === 0 ? m0 : m1)}:9000  http://127.0.0.1:9000`,
      `Console: http://${ipOfPod(self === 0 ? m0 : m1)}:9001 http://127.0.0.1:9001`,
      '',
      'API: SYSTEM()',
      `Time: ${minioTime(38.2)}`,
      `Error: Marking http://minio-2.minio-hl.media.svc.cluster.local:9000/export offline temporarily; caused by Post "http://minio-2.minio-hl.media.svc.cluster.local:9000/minio/storage/export/v59/diskinfo?did=3f7e21b0-4c9d-4a52-8f0e-1b6c2d9e7a44": dial tcp 10.0.41.187:9000: connect: no route to host (*fmt.wrapError)`,
      '',
      'API: SYSTEM()',
      `Time: ${minioTime(38.2)}`,
      `Error: Marking http://minio-3.minio-hl.media.svc.cluster.local:9000/export offline temporarily; caused by Post "http://minio-3.minio-hl.media.svc.cluster.local:9000/minio/storage/export/v59/diskinfo?did=a1c0e9f2-77d4-4e1b-9c3a-5f8b2e6d1c09": dial tcp 10.0.41.203:9000: connect: no route to host (*fmt.wrapError)`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 34 - i * 3.9 - self * 0.7;
      out.push(
        '',
        `API: PutObject(bucket=media-uploads, object=u/${48211 + i * 977}/IMG_${4471 + i}.jpg)`,
        `Time: ${minioTime(t)}`,
        `DeploymentID: ${deploymentId}`,
        `RequestID: 180A${(0x1b2c3d4e5f60 + i * 7919 + self * 104729).toString(16).toUpperCase()}`,
        `RemoteHost: ${appIps[i % 3] ?? '10.0.0.1'}`,
        'Host: minio.media.svc.cluster.local:9000',
        'UserAgent: MinIO (linux; amd64) minio-go/v7.0.77',
        'Error: Write failed. Insufficient number of drives online (*errors.errorString)',
        '       4: internal/logger/logonce.go:118:logger.(*logOnceType).logOnceIf()',
        '       3: cmd/erasure-object.go:1393:cmd.erasureObjects.putObject()',
        '       2: cmd/erasure-sets.go:1110:cmd.(*erasureSets).PutObject()',
        '       1: cmd/object-handlers.go:2054:cmd.objectAPIHandlers.PutObjectHandler()',
      );
      if (i === 4) out.push('', 'API: SYSTEM()', `Time: ${minioTime(t - 0.2)}`, 'Error: Read failed. Insufficient number of drives online (*errors.errorString)', '       1: cmd/data-scanner.go:233:cmd.runDataScanner()');
    }
    return lines(...out);
  };
  const uploadLog = (k: number): string => {
    const out: string[] = [`{"level":"info","ts":"${at(2 * DAYS + 5 * HOURS - k - 0.2)}","caller":"cmd/server.go:61","msg":"media-upload starting","version":"2.8.0","s3_endpoint":"minio.media.svc.cluster.local:9000","bucket":"media-uploads"}`];
    for (let i = 0; i < 10; i++) {
      const t = 33.5 - i * 3.3 - k * 0.4;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"upload/handler.go:118","msg":"put object failed","bucket":"media-uploads","key":"u/${48211 + i * 977 + k}/IMG_${4471 + i}.jpg","size":${2_411_000 + i * 31_337},"status":503,"error":"Storage resources are insufficient for the write operation media-uploads/u/${48211 + i * 977 + k}/IMG_${4471 + i}.jpg"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"http/log.go:40","msg":"request","method":"POST","path":"/v1/uploads","status":503,"duration_ms":${180 + i * 11}}`);
      if (i % 3 === 0) out.push(`{"level":"info","ts":"${at(t - 0.3)}","caller":"http/log.go:40","msg":"request","method":"GET","path":"/v1/media/u/1882/IMG_0112.jpg","status":200,"duration_ms":${41 + i}}`);
    }
    return lines(...out);
  };
  const hl = service({ namespace: ns, name: 'minio-hl', selector: { app: 'minio' }, headless: true, ports: [{ name: 'http', port: 9000, targetPort: 9000 }], createdAgo: 210 * DAYS });
  return {
    id: 'heldout46-minio-write-quorum-lost-zone-pinned-claims',
    class: 'storage',
    truth: 'The spot instance in eu-west-1c that hosted minio-2 and minio-3 was reclaimed 38 minutes ago and the node group\'s replacement came up in eu-west-1b, so no node is left in eu-west-1c; the two recreated pods cannot schedule because their EBS claims (export-minio-2, export-minio-3) are pinned to eu-west-1c (volume node affinity conflict). With only 2 of 4 erasure-coded drives online MinIO has lost write quorum ("Write failed. Insufficient number of drives online"), so every upload of media-upload fails with 503 while reads still work. Fix: bring a node back in eu-west-1c (or a node group there), not a change to media-upload.',
    ask: { service: 'media-upload', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...app.objects, ...other.objects,
      hl, endpointSliceFor(hl, sts.pods, 9000),
      ...exposed({ namespace: ns, name: 'minio', selector: { app: 'minio' }, pods: sts.pods, ports: [{ name: 'http', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'media-upload', selector: { app: 'media-upload' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'media-upload-config', createdAgo: 200 * DAYS, data: { 'S3_ENDPOINT': 'minio.media.svc.cluster.local:9000', 'S3_BUCKET': 'media-uploads', 'RETRY_MAX': '2' } }),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { firstAgo: 38.5, component: 'node-controller' }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 37.2, component: 'node-controller' }),
      nodeEvent(names[2] ?? '', 'RegisteredNode', `Node ${names[2] ?? ''} event: Registered Node ${names[2] ?? ''} in Controller`, { firstAgo: 35.6, component: 'node-controller' }),
      nodeEvent(names[2] ?? '', 'NodeReady', `Node ${names[2] ?? ''} status is now: NodeReady`, { firstAgo: 35, component: 'kubelet' }),
      ...[m2, m3].flatMap((p) => [
        event({ on: { kind: 'StatefulSet', name: 'minio', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${nameOf(p)} in StatefulSet minio successful`, firstAgo: 37, lastAgo: 37, component: 'statefulset-controller' }),
        failedScheduling(p, pending, { count: 14, firstAgo: 37, lastAgo: 1.2 }),
        notTriggerScaleUp(p, '1 node(s) had volume node affinity conflict', { count: 221, firstAgo: 36.8, lastAgo: 0.3 }),
      ]),
      event({ on: other.pods[0] ?? {}, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + ipOfPod(other.pods[0]) + ':8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 2, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(m0, 'minio', { current: minioLog(0) }),
      logsFor(m1, 'minio', { current: minioLog(1) }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: uploadLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/minio/i, /quorum|drives? (are )?(online|offline)|minio-[23]|volume node affinity|eu-west-1c|Pending/i],
      facts: [/volume node affinity conflict|eu-west-1c/i, /minio-2|minio-3/, /Insufficient number of drives online|write quorum/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /thumbnailer/, /media-upload[^\n]*(crash|bug)/i],
    },
  };
}

// ---- 2. reports revision 19's query spills past Postgres' temp_file_limit ------------------------------

function reportsTempFileLimit(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '118', '240']);
  const image = (v: string) => `${ECR}/finance/reports-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '512Mi',
      command: ['gunicorn', 'reports.app:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '3', '-b', '0.0.0.0:8000'],
      env: [{ name: 'DATABASE_URL', value: 'postgresql://reports_app@reports-pg.finance.svc.cluster.local:5432/reports' }, { name: 'STATEMENT_TIMEOUT_MS', value: '120000' }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'reports-api', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: reports-api 3.8.2', template: tpl('3.8.2') },
      { revision: 19, createdAgo: 47, changeCause: 'argocd: reports-api 3.9.0', template: tpl('3.9.0') },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 47 }, { revision: 19, node: names[2] ?? '', createdAgo: 46 }],
  });
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns, name: 'reports-pg', replicas: 1, serviceName: 'reports-pg', createdAgo: 300 * DAYS,
    revisions: [{ revision: 4, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }] })], volumes: [{ name: 'config', configMap: { name: 'reports-pg-config' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 26 * DAYS }],
  });
  const pgPod = podOf(db, 0);
  const other = bystander(ns, 'invoice-mailer', names, 4 * DAYS, { revisions: [30, 31], versions: ['2.2.0', '2.2.1'], olderAgo: 30 * DAYS });
  const appIp = app.pods.map(ipOfPod);
  const query = 'SELECT l.account_id, l.posted_at, l.amount, l.currency, l.memo, a.name, a.segment, row_number() OVER (PARTITION BY l.account_id ORDER BY l.posted_at DESC) AS rn FROM ledger_entries l JOIN accounts a ON a.id = l.account_id WHERE l.tenant_id = $1 ORDER BY a.segment, l.posted_at DESC';
  const pgLog = (): string => {
    const out: string[] = [
      `${pgTime(90)} [61] LOG:  checkpoint starting: time`,
      `${pgTime(89.5)} [61] LOG:  checkpoint complete: wrote 2214 buffers (1.7%); 0 WAL file(s) added, 0 removed, 1 recycled; write=29.811 s, sync=0.004 s, total=29.830 s; sync files=61, longest=0.002 s, average=0.001 s; distance=17733 kB, estimate=19021 kB; lsn=2F/8A1C3D20, redo lsn=2F/89E81B18`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 44 - i * 5.2;
      const pid = 48211 + i * 37;
      out.push(
        `${pgTime(t + 0.02)} [${pid}] reports_app@reports LOG:  temporary file: path "base/pgsql_tmp/pgsql_tmp${pid}.4", size 1073741824`,
        `${pgTime(t + 0.02)} [${pid}] reports_app@reports STATEMENT:  ${query}`,
        `${pgTime(t)} [${pid}] reports_app@reports ERROR:  temporary file size exceeds temp_file_limit (1048576kB)`,
        `${pgTime(t)} [${pid}] reports_app@reports STATEMENT:  ${query}`,
      );
      if (i === 3) out.push(`${pgTime(t - 1)} [72] LOG:  automatic vacuum of table "reports.public.report_runs": index scans: 1`, `${pgTime(t - 1.5)} [${pid + 3}] reports_app@reports LOG:  could not receive data from client: Connection reset by peer`);
    }
    return lines(...out);
  };
  const appLog = (k: number): string => {
    const out: string[] = [
      `[${pyTime(46.8 - k)}] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${pyTime(46.8 - k)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${pyTime(46.7 - k)} INFO reports.app reports-api 3.9.0 started (db=reports-pg.finance.svc.cluster.local:5432/reports)`,
    ];
    for (let i = 0; i < 4; i++) {
      const t = 44 - (i * 2 + k) * 5.2;
      const tenant = 1000 + (((i * 2 + k) * 37) % 90);
      out.push(
        `${pyTime(t)} ERROR reports.api Exception in GET /v1/reports/account-activity?tenant=${tenant}&period=2026-10`,
        'Traceback (most recent call last):',
        '  File "/app/reports/api/activity.py", line 88, in account_activity',
        '    rows = await conn.fetch(ACTIVITY_SQL, tenant_id)',
        '  File "/usr/local/lib/python3.12/site-packages/asyncpg/connection.py", line 690, in fetch',
        '    return await self._execute(query, args, 0, timeout)',
        'asyncpg.exceptions.ConfigurationLimitExceededError: temporary file size exceeds temp_file_limit (1048576kB)',
        `${pyTime(t - 0.01)} INFO uvicorn.access ${appIp[k === 0 ? 1 : 0] ?? '10.0.0.1'}:0 - "GET /v1/reports/account-activity?tenant=${tenant}&period=2026-10 HTTP/1.1" 500`,
        `${pyTime(t - 0.5)} INFO uvicorn.access 10.0.140.9:0 - "GET /v1/reports/summary?tenant=${tenant} HTTP/1.1" 200`,
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout46-reports-query-exceeds-temp-file-limit',
    class: 'rollout',
    truth: 'reports-api revision 19 (3.9.0, 47 minutes ago) rewrote the account-activity query with a window function and a global ORDER BY over all of a tenant\'s ledger entries, so each execution sorts far more rows than work_mem and spills more than 1 GB to temporary files; Postgres cancels it ("temporary file size exceeds temp_file_limit (1048576kB)", SQLSTATE 53400) and the endpoint answers 500. Postgres itself is healthy; roll back to revision 18 or fix the query.',
    ask: { service: 'reports-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-reports-pg-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'reports-api', selector: { app: 'reports-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'reports-pg', selector: { app: 'reports-pg' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      configMap({ namespace: ns, name: 'reports-pg-config', createdAgo: 300 * DAYS, updatedAgo: 80 * DAYS, data: { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 2GB\nwork_mem = 16MB\nmaintenance_work_mem = 256MB\ntemp_file_limit = 1GB\nlog_temp_files = 512MB\nlog_min_duration_statement = 5000\nlog_line_prefix = '%m [%p] %q%u@%d '\n" } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 2, 45.5),
      event({ on: pgPod, reason: 'Unhealthy', message: 'Readiness probe failed: /var/run/postgresql:5432 - no response', count: 1, firstAgo: 2 * DAYS + 3 * HOURS, lastAgo: 2 * DAYS + 3 * HOURS, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: pgLog() }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/temp_file_limit|temporary file size/i],
      facts: [/revision 19|3\.9\.0/, /1048576kB|1 ?GB/i, /reports-pg|postgres/i],
      never: [/\bOOM/, /disk (is )?full|DiskPressure/i, /reports-pg[^\n]*(down|crash|not ready|unavailable)/i, /invoice-mailer/],
    },
  };
}

// ---- 3. a feature-flag znode past jute.maxbuffer: every recreated pod fails to read it ------------------

function zookeeperFlagsPastJuteMaxbuffer(): CorpusScenario {
  const ns = 'pricing';
  const nodes = [
    node({ name: eksNodeName('10.0.88.40'), zone: 'eu-west-1a', createdAgo: 31, readySince: 30 }),
    node({ name: eksNodeName('10.0.88.141'), zone: 'eu-west-1b', createdAgo: 28, readySince: 27 }),
    node({ name: eksNodeName('10.0.88.229'), zone: 'eu-west-1c', createdAgo: 25, readySince: 24 }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/pricing/pricing-engine:7.4.1`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      envFrom: [{ configMapRef: { name: 'pricing-engine-config' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5, timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  };
  const notReady = running({ sinceAgo: 20, ready: false });
  const app = deploymentApp({
    namespace: ns, name: 'pricing-engine', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: pricing-engine 7.3.9', template: { containers: [container({ image: `${ECR}/pricing/pricing-engine:7.3.9`, ports: [8080], envFrom: [{ configMapRef: { name: 'pricing-engine-config' } }] })] } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 7.4.1', template: tpl },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 29, containers: { app: running({ sinceAgo: 28.8, ready: false }) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 26, containers: { app: running({ sinceAgo: 25.8, ready: false }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 23, containers: { app: notReady } },
    ],
    settled: { available: false, availableSince: 24, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS },
  });
  const zkImage = 'docker.io/library/zookeeper:3.8.4';
  const zk = statefulSetApp({
    namespace: ns, name: 'zk', replicas: 3, serviceName: 'zk-hs', createdAgo: 400 * DAYS,
    revisions: [{ revision: 6, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'zookeeper', image: zkImage, env: [{ name: 'SERVER_JVMFLAGS', value: '-Xmx1g -Djute.maxbuffer=4194304' }, { name: 'ZOO_4LW_COMMANDS_WHITELIST', value: 'ruok,mntr,srvr' }], ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }], memory: '1536Mi', readiness: { exec: { command: ['sh', '-c', 'echo ruok | nc 127.0.0.1 2181 | grep imok'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('client', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    // The node-group upgrade drained them one by one before the pricing pods, and they rejoined.
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: names[i] ?? '', createdAgo: 30.5 - i * 3 })),
  });
  const zkClaims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-zk-${i}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 400 * DAYS }));
  const other = bystander(ns, 'price-publisher', names, 6 * DAYS, { revisions: [40, 41], versions: ['3.1.0', '3.1.1'], olderAgo: 18 * DAYS });
  const appLog = (k: number): string => {
    const start = [28.8, 25.8, 19.8][k] ?? 20;
    const zkIp = ipOfPod(podOf(zk, k));
    const out: string[] = [
      `${jTime(start)}  INFO 1 --- [           main] c.a.pricing.PricingEngineApplication     : Starting PricingEngineApplication v7.4.1 using Java 21.0.4 with PID 1`,
      `${jTime(start - 0.1)}  INFO 1 --- [           main] o.a.c.f.imps.CuratorFrameworkImpl        : Starting`,
      `${jTime(start - 0.1)}  INFO 1 --- [           main] org.apache.zookeeper.ZooKeeper           : Initiating client connection, connectString=zk-0.zk-hs.pricing.svc.cluster.local:2181,zk-1.zk-hs.pricing.svc.cluster.local:2181,zk-2.zk-hs.pricing.svc.cluster.local:2181 sessionTimeout=60000 watcher=org.apache.curator.ConnectionState@5b1f0f26`,
      `${jTime(start - 0.12)}  INFO 1 --- [           main] o.a.c.f.state.ConnectionStateManager     : State change: CONNECTED`,
      `${jTime(start - 0.13)}  INFO 1 --- [           main] c.a.pricing.flags.ZkFeatureFlagStore     : Loading feature flags from /config/pricing-engine/flags`,
      `${jTime(start - 0.14)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = start - 0.2 - i * 3.1;
      if (t < 0.3) break;
      const session = `0x${(0x2000a1f3c9d0017 + k * 16 + i).toString(16)}`;
      out.push(
        `${jTime(t)}  WARN 1 --- [-zk-2.zk-hs:2181)] org.apache.zookeeper.ClientCnxn          : Session ${session} for server zk-${k}.zk-hs.pricing.svc.cluster.local/${zkIp}:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.`,
        'java.io.IOException: Packet len 1100345 is out of range!',
        '\tat org.apache.zookeeper.ClientCnxnSocket.readLength(ClientCnxnSocket.java:121)',
        '\tat org.apache.zookeeper.ClientCnxnSocketNIO.doIO(ClientCnxnSocketNIO.java:84)',
        '\tat org.apache.zookeeper.ClientCnxnSocketNIO.doTransport(ClientCnxnSocketNIO.java:289)',
        '\tat org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1289)',
        `${jTime(t - 0.01)}  INFO 1 --- [ain-EventThread] o.a.c.f.state.ConnectionStateManager     : State change: SUSPENDED`,
        `${jTime(t - 0.4)}  ERROR 1 --- [lags-loader-1] c.a.pricing.flags.ZkFeatureFlagStore     : Failed to load feature flags, retrying in 30s`,
        'org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss for /config/pricing-engine/flags',
        '\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:102)',
        '\tat org.apache.curator.framework.imps.GetDataBuilderImpl$4.call(GetDataBuilderImpl.java:327)',
        '\tat com.acme.pricing.flags.ZkFeatureFlagStore.load(ZkFeatureFlagStore.java:74)',
        `${jTime(t - 0.45)}  INFO 1 --- [ain-EventThread] o.a.c.f.state.ConnectionStateManager     : State change: RECONNECTED`,
        `${jTime(t - 0.5)}  WARN 1 --- [nio-8080-exec-${(i % 9) + 1}] o.s.b.a.health.HealthEndpointSupport     : Health contributor featureFlags (featureFlags) is DOWN: flags not loaded`,
      );
    }
    return lines(...out);
  };
  const zkLog = (i: number): string => lines(
    `${jTime(30 - i * 3)} [myid:${i + 1}] - INFO  [QuorumPeer[myid=${i + 1}](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):o.a.z.s.q.Learner@730] - Learner received UPTODATE message`,
    ...app.pods.slice(0, 2).map((p, k) => `${jTime(12 - k * 4 - i)} [myid:${i + 1}] - WARN  [NIOWorkerThread-${k + 2}:o.a.z.s.NIOServerCnxn@380] - Close of session 0x2000a1f3c9d00${17 + k} due to java.io.IOException: Connection reset by peer (from ${ipOfPod(p)})`),
    `${jTime(2 - i * 0.3)} [myid:${i + 1}] - INFO  [NIOWorkerThread-1:o.a.z.s.NIOServerCnxn@525] - Processing mntr command from /127.0.0.1:41822`,
  );
  const drained = eksNodeName('10.0.71.19');
  return {
    id: 'heldout46-zookeeper-flags-znode-past-jute-maxbuffer',
    class: 'config',
    truth: 'pricing-engine keeps all its feature flags in one ZooKeeper znode, /config/pricing-engine/flags, which the flag admin tool has grown to about 1.05 MB (the ZooKeeper servers run with -Djute.maxbuffer=4194304 so they accepted the write). The Java client still has the default jute.maxbuffer of 1 MB, so reading it fails with "Packet len 1100345 is out of range!" and ConnectionLoss. Running pods had the flags cached; when the node-group upgrade recreated all three pods, none could load them and readiness fails on every pod. Fix: raise -Djute.maxbuffer on the client (or shrink/split the znode); the upgrade and the ZooKeeper ensemble are not at fault.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...zk.objects, ...zkClaims, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'price-publisher', selector: { app: 'price-publisher' }, pods: other.pods }),
      service({ namespace: ns, name: 'zk-hs', selector: { app: 'zk' }, headless: true, ports: [{ name: 'client', port: 2181, targetPort: 2181 }, { name: 'quorum', port: 2888, targetPort: 2888 }, { name: 'election', port: 3888, targetPort: 3888 }], createdAgo: 400 * DAYS }),
      configMap({ namespace: ns, name: 'pricing-engine-config', createdAgo: 200 * DAYS, updatedAgo: 40 * DAYS, data: { ZK_CONNECT: 'zk-0.zk-hs.pricing.svc.cluster.local:2181,zk-1.zk-hs.pricing.svc.cluster.local:2181,zk-2.zk-hs.pricing.svc.cluster.local:2181', FLAGS_ZNODE: '/config/pricing-engine/flags', FLAGS_RELOAD_SECONDS: '30' } }),
      nodeEvent(drained, 'NodeNotSchedulable', `Node ${drained} status is now: NodeNotSchedulable`, { firstAgo: 33 }),
      nodeEvent(drained, 'RemovingNode', `Node ${drained} event: Removing Node ${drained} from Controller`, { firstAgo: 21, component: 'node-controller' }),
      ...app.pods.flatMap((p, k) => [
        ...startedNormally(p, 'app', image, [29, 26, 23][k] ?? 23),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: [330, 295, 225][k] ?? 200, firstAgo: [28.5, 25.5, 22.5][k] ?? 20, lastAgo: 0.1 }),
      ]),
      event({ on: app.pods[0] ?? {}, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(app.pods[0])}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 28.4, lastAgo: 28.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...zk.pods.map((p, i) => logsFor(p, 'zookeeper', { current: zkLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Packet len|jute\.maxbuffer|out of range|flags znode|\/config\/pricing-engine\/flags/i],
      facts: [/\/config\/pricing-engine\/flags|feature.?flags?/i, /1100345|jute\.maxbuffer|1 ?MB/i, /ConnectionLoss|Packet len/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /zk-\d[^\n]*(down|crash|not ready|lost quorum)/i, /price-publisher/],
    },
  };
}

// ---- 4. an image rebuilt on a base whose boto3 predates web identity: the node role is used ------------

function oldSdkIgnoresIrsa(): CorpusScenario {
  const ns = 'documents';
  const { nodes, names } = threeEksNodes('10.0.204', ['12', '97', '163']);
  const roleArn = 'arn:aws:iam::123456789012:role/doc-renderer-prod';
  const nodeRole = 'eks-nodegroup-general-NodeInstanceRole-1Q2W3E4R5T6Y';
  const image = (v: string) => `${ECR}/documents/doc-renderer:${v}`;
  const tpl = (v: string, base: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'TEMPLATE_BUCKET', value: 'acme-prod-documents' },
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' },
        { name: 'AWS_DEFAULT_REGION', value: 'eu-west-1' },
        { name: 'AWS_ROLE_ARN', value: roleArn },
        { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
      ],
      volumeMounts: [{ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true }],
      readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'doc-renderer',
    annotations: { 'acme.io/base-image': base },
    volumes: [{ name: 'aws-iam-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }] } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'doc-renderer', replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 15 * DAYS, changeCause: 'ci: doc-renderer 5.1.3', template: tpl('5.1.3', 'public.ecr.aws/docker/library/python:3.12-slim-bookworm') },
      { revision: 28, createdAgo: 38, changeCause: 'ci: doc-renderer 5.2.0 (base: registry.acme.internal/base/python-wkhtmltopdf:3.7-2019.06)', template: tpl('5.2.0', 'registry.acme.internal/base/python-wkhtmltopdf:3.7-2019.06') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 37.5 - k })),
  });
  const other = bystander(ns, 'doc-indexer', names, 5 * DAYS, { revisions: [8, 9], versions: ['0.14.0', '0.14.1'], olderAgo: 26 * DAYS });
  const keys = ['templates/invoice-v7.html', 'templates/credit-note-v3.html', 'templates/statement-v12.html', 'fonts/Inter-Regular.ttf'];
  const appLog = (k: number): string => {
    const start = 37.3 - k;
    const out: string[] = [
      `${pyTime(start)} INFO doc_renderer.main doc-renderer 5.2.0 starting (python 3.7.3, boto3 1.9.86, botocore 1.12.86, wkhtmltopdf 0.12.5)`,
      `${pyTime(start - 0.01)} INFO botocore.credentials Found credentials from IAM Role: ${nodeRole}`,
      `${pyTime(start - 0.02)} INFO doc_renderer.main listening on 0.0.0.0:8080`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = start - 1.5 - i * 4.2;
      const key = keys[(i + k) % keys.length] ?? 'templates/invoice-v7.html';
      out.push(
        `${pyTime(t)} ERROR doc_renderer.jobs render job ${88120 + i * 13 + k} failed`,
        'Traceback (most recent call last):',
        '  File "/app/doc_renderer/templates.py", line 41, in fetch_template',
        '    obj = s3.get_object(Bucket=TEMPLATE_BUCKET, Key=key)',
        '  File "/usr/local/lib/python3.7/site-packages/botocore/client.py", line 661, in _make_api_call',
        '    raise error_class(parsed_response, operation_name)',
        `botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::123456789012:assumed-role/${nodeRole}/i-0${(0x4b1c9e2a7d3f5 + k * 977).toString(16)} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-prod-documents/${key}" because no identity-based policy allows the s3:GetObject action`,
        `${pyTime(t - 0.01)} INFO doc_renderer.http "POST /v1/render HTTP/1.1" 500 ${112 + i}`,
      );
    }
    out.push(`${pyTime(0.5)} INFO doc_renderer.http "GET /healthz HTTP/1.1" 200 2`);
    return lines(...out);
  };
  return {
    id: 'heldout46-old-boto3-base-image-ignores-irsa',
    class: 'rollout',
    truth: 'doc-renderer revision 28 (5.2.0, 38 minutes ago) was rebuilt on the old registry.acme.internal/base/python-wkhtmltopdf:3.7-2019.06 base image, whose boto3 1.9.86 / botocore 1.12.86 predate web identity (IRSA) credential support, so the SDK ignores AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE and falls back to the node\'s instance role (eks-nodegroup-general-NodeInstanceRole-…), which may not read the templates bucket: every render fails with AccessDenied on s3:GetObject. The ServiceAccount\'s role annotation is unchanged (the injected AWS_ROLE_ARN still names doc-renderer-prod). Roll back to revision 27 or rebuild on a base with boto3 ≥ 1.9.220.',
    ask: { service: 'doc-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'doc-renderer', selector: { app: 'doc-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'doc-indexer', selector: { app: 'doc-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 3, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 0, 3, 35.5),
      ...app.pods.flatMap((p, k) => [
        scheduled(p, 37.5 - k),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('5.2.0')}" in 14.602s (14.602s including waiting). Image size: 611204833 bytes.`, firstAgo: 37.4 - k, lastAgo: 37.4 - k, fieldPath: 'spec.containers{app}' }),
      ]),
      event({ on: other.pods[1] ?? {}, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(other.pods[1])}_${ns}(${other.pods[1]?.metadata?.uid ?? ''})`, count: 2, firstAgo: 5 * DAYS - 2, lastAgo: 5 * DAYS - 3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/AccessDenied|Access Denied|not authorized/i, /revision 28|5\.2\.0|base image|boto|SDK|web identity|IRSA|instance (role|profile)|node ?group|NodeInstanceRole/i],
      facts: [/revision 28|5\.2\.0/, /eks-nodegroup|NodeInstanceRole|instance (role|profile)|node('s)? (IAM )?role/i, /web identity|AWS_WEB_IDENTITY_TOKEN_FILE|IRSA|botocore 1\.12|boto3 1\.9/i],
      never: [/\bOOM/, /(role-arn|role) annotation[^\n]*(changed|removed|missing)/i, /doc-indexer/, /crash ?loop/i],
    },
  };
}

// ---- 5. an nginx sidecar's new per-client-IP limit_req zone throttles the ingress controller's IPs -----

function nginxPerIpLimitBehindIngress(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.33', ['15', '101', '188']);
  const ingress = deploymentApp({
    namespace: 'ingress-nginx', name: 'ingress-nginx-controller', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3', ports: [80, { name: 'https', containerPort: 443 }], readiness: httpProbe('/healthz', 10254), liveness: httpProbe('/healthz', 10254) })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 40 * DAYS }, { revision: 9, node: names[1] ?? '', createdAgo: 40 * DAYS }],
  });
  const ingressIps = ingress.pods.map(ipOfPod);
  const image = (v: string) => `${ECR}/storefront/catalog-web:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (restartedAt?: string) => ({
    containers: [
      container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '64Mi', readiness: httpProbe('/nginx-health', 8080), liveness: tcpProbe(8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' }] }),
      container({ image: image('6.3.1'), ports: [{ name: 'app', containerPort: 3000 }], cpu: '500m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) }),
    ],
    volumes: [{ name: 'nginx-conf', configMap: { name: 'catalog-web-nginx', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns, name: 'catalog-web', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-web 6.3.1', template: tpl() },
      { revision: 15, createdAgo: 17, template: tpl(at(17).replace(/\.\d{3}Z$/, 'Z')) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 16.8 - k * 0.6 })),
  });
  const other = bystander(ns, 'cart-web', names, 3 * DAYS, { revisions: [51, 52], versions: ['4.0.7', '4.0.8'], olderAgo: 11 * DAYS });
  const paths = ['/api/products?page=2', '/api/products/SKU-88213', '/', '/api/categories/outerwear', '/static/js/main.8f31c2.js', '/api/search?q=parka'];
  const nginxLog = (k: number): string => {
    const out: string[] = [
      `${ngxTime(16.5 - k * 0.6)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(16.5 - k * 0.6)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(16.5 - k * 0.6)} [notice] 1#1: start worker processes`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 15.8 - i * 1.1 - k * 0.05;
      const client = ingressIps[(i + k) % 2] ?? '10.0.0.1';
      const path = paths[(i + k) % paths.length] ?? '/';
      out.push(`${ngxTime(t)} [error] 22#22: *${48211 + i * 311 + k} limiting requests, excess: ${(20 + ((i * 7 + k) % 9) * 0.113 + 0.44).toFixed(3)} by zone "perip", client: ${client}, server: _, request: "GET ${path} HTTP/1.1", host: "shop.acme.com"`);
      out.push(`${client} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 503 197 "https://shop.acme.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" "203.0.113.${(i * 17 + k * 5) % 250}"`);
      if (i % 4 === 0) out.push(`${client} - - [${clfTime(t - 0.01)}] "GET ${paths[(i + 2) % paths.length] ?? '/'} HTTP/1.1" 200 ${5120 + i * 77} "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" "198.51.100.${(i * 13) % 250}"`);
    }
    return lines(...out);
  };
  const appLog = (k: number): string => lines(
    `{"level":30,"time":${Date.parse(at(16.6 - k * 0.6))},"pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"catalog-web 6.3.1 listening on :3000"}`,
    `{"level":30,"time":${Date.parse(at(9.1 - k))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"GET","url":"/api/products?page=1"},"res":{"statusCode":200},"responseTime":${23 + k},"msg":"request completed"}`,
    `{"level":30,"time":${Date.parse(at(2.2 - k * 0.3))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"GET","url":"/api/products/SKU-10452-M"},"res":{"statusCode":200},"responseTime":${17 + k},"msg":"request completed"}`,
  );
  const conf = [
    'limit_req_zone $binary_remote_addr zone=perip:10m rate=10r/s;',
    '',
    'upstream app {',
    '    server 127.0.0.1:3000;',
    '    keepalive 32;',
    '}',
    '',
    'server {',
    '    listen 8080;',
    '    server_name _;',
    '    location = /nginx-health { access_log off; return 200 "ok"; }',
    '    location / {',
    '        limit_req zone=perip burst=20 nodelay;',
    '        proxy_http_version 1.1;',
    '        proxy_set_header Connection "";',
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '        proxy_pass http://app;',
    '    }',
    '}',
    '',
  ].join('\n');
  return {
    id: 'heldout46-nginx-sidecar-perip-limit-behind-ingress',
    class: 'config',
    truth: 'Someone edited the catalog-web-nginx ConfigMap 18 minutes ago to add `limit_req_zone $binary_remote_addr zone=perip:10m rate=10r/s` with `limit_req zone=perip burst=20 nodelay`, then restarted the Deployment (revision 15, a rollout restart) to load it. Every request reaches the nginx sidecar from one of the two ingress-nginx controller pods, so the per-client-IP zone sees only two clients and nginx rejects nearly all traffic with 503 ("limiting requests … by zone \"perip\""); the app container is healthy and quiet. Fix: key the zone on the real client address (X-Forwarded-For via real_ip) or remove the limit; rolling back to revision 14 would not help since the ConfigMap is the same.',
    ask: { service: 'catalog-web', namespace: ns },
    objects: [
      ...nodes, ...ingress.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-web', selector: { app: 'cart-web' }, pods: other.pods }),
      ...exposed({ namespace: 'ingress-nginx', name: 'ingress-nginx-controller', selector: { app: 'ingress-nginx-controller' }, pods: ingress.pods, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }] }),
      configMap({ namespace: ns, name: 'catalog-web-nginx', createdAgo: 150 * DAYS, updatedAgo: 18, data: { 'default.conf': conf } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 15.6),
      event({ on: app.pods[1] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(app.pods[1])}:3000/ready": dial tcp ${ipOfPod(app.pods[1])}:3000: connect: connection refused`, count: 1, firstAgo: 16.1, lastAgo: 16.1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: nginxLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/limit_req|limiting requests|rate[- ]?limit|perip/i],
      facts: [/perip/, /catalog-web-nginx/, /ingress|10\.0\.\d+\.\d+|client (IP|address)/i, /503/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cart-web/, /app container[^\n]*(crash|fail|unhealthy)/i],
    },
  };
}

// ---- 6. INVENTORY_URL switched to https:// while inventory speaks plain HTTP ----------------------------

function httpsToPlainHttpDependency(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.12', ['44', '130', '217']);
  const image = `${ECR}/shop/checkout:9.12.0`;
  const tpl = (checksum: string) => ({
    containers: [container({ image, ports: [8080], cpu: '300m', memory: '256Mi', envFrom: [{ configMapRef: { name: 'checkout-config' } }], env: [{ name: 'GOMEMLIMIT', value: '230MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })],
    annotations: { 'checksum/config': checksum },
  });
  const app = deploymentApp({
    namespace: ns, name: 'checkout', replicas: 3,
    revisions: [
      { revision: 51, createdAgo: 4 * DAYS, changeCause: 'helm upgrade checkout 9.12.0', template: tpl('5d1c2e7f9a10b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c') },
      { revision: 52, createdAgo: 21, changeCause: 'helm upgrade checkout 9.12.0 (values: inventory endpoint)', template: tpl('9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a49382716f5e4d3c2b1a0f9') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 20.7 - k * 0.5 })),
  });
  const inv = deploymentApp({
    namespace: ns, name: 'inventory', replicas: 2,
    revisions: [{ revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: inventory 3.4.2', template: { containers: [container({ image: `${ECR}/shop/inventory:3.4.2`, ports: [8080], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] } }],
    pods: [{ revision: 33, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 33, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const other = bystander(ns, 'cart', names, 26 * HOURS, { revisions: [70, 71], versions: ['5.5.0', '5.5.1'], olderAgo: 14 * DAYS });
  const url = 'https://inventory.shop.svc.cluster.local:8080';
  const appLog = (k: number): string => {
    const out: string[] = [`{"time":"${at(20.5 - k * 0.5)}","level":"INFO","msg":"checkout starting","version":"9.12.0","inventory_url":"${url}","payments_url":"http://payments.shop.svc.cluster.local:8080"}`];
    for (let i = 0; i < 10; i++) {
      const t = 19 - i * 1.9 - k * 0.2;
      const order = `ord_${(0x5f2a1c + i * 7919 + k * 104729).toString(36)}`;
      out.push(
        `{"time":"${at(t)}","level":"ERROR","msg":"reserve stock failed","order_id":"${order}","attempt":3,"err":"Post \\"${url}/v1/reservations\\": http: server gave HTTP response to HTTPS client"}`,
        `{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/checkout","status":502,"dur_ms":${14 + i}}`,
      );
    }
    return lines(...out);
  };
  const invLog = (k: number): string => lines(
    `{"time":"${at(25 - k)}","level":"INFO","msg":"request","method":"GET","path":"/v1/stock/SKU-88213","status":200,"dur_ms":3,"caller":"cart"}`,
    `{"time":"${at(12 - k)}","level":"INFO","msg":"request","method":"GET","path":"/v1/stock/SKU-10452-M","status":200,"dur_ms":2,"caller":"cart"}`,
    `{"time":"${at(1 - k * 0.2)}","level":"INFO","msg":"request","method":"GET","path":"/readyz","status":200,"dur_ms":0}`,
  );
  return {
    id: 'heldout46-inventory-url-https-to-plain-http',
    class: 'config',
    truth: 'A values change 21 minutes ago set INVENTORY_URL in the checkout-config ConfigMap from http://inventory.shop.svc.cluster.local:8080 to https://…, and the Helm upgrade rolled checkout to revision 52 (only the config checksum changed). The inventory Service only speaks plain HTTP on 8080, so every call fails with Go\'s "http: server gave HTTP response to HTTPS client" and checkout answers 502. inventory is healthy. Fix: put http:// back (or roll back to revision 51).',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...inv.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inv.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'checkout-config', createdAgo: 300 * DAYS, updatedAgo: 21.5, data: { INVENTORY_URL: url, PAYMENTS_URL: 'http://payments.shop.svc.cluster.local:8080', INVENTORY_TIMEOUT: '2s', RESERVATION_TTL: '15m' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 52), 3, 0, 21),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 51), 0, 3, 19.5),
      event({ on: inv.pods[0] ?? {}, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(inv.pods[0])}:8080/livez": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...inv.pods.map((p, k) => logsFor(p, 'app', { current: invLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HTTPS|https:\/\//i, /INVENTORY_URL|checkout-config|inventory|revision 52/i],
      facts: [/checkout-config|INVENTORY_URL/, /server gave HTTP response to HTTPS client/i, /revision 52/],
      never: [/inventory[^\n]*(down|crash|no (ready )?endpoints|unavailable)/i, /\bOOM/, /x509|certificate (has )?expired|unknown authority/i, /\bcart\b/],
    },
  };
}

// ---- 7. healthy control: UC resets from a peer's rollout 40 minutes ago, ndots NXDOMAIN noise ----------

function healthyMeshedProfileService(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.58', ['20', '144', '231']);
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const istioProxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { initialDelaySeconds: 0, periodSeconds: 15, failureThreshold: 4 }), liveness: null,
  });
  const tpl = (v: string, svc: string) => ({
    containers: [container({ image: `${ECR}/accounts/${svc}:${v}`, ports: [8080], cpu: '250m', memory: '384Mi', env: [{ name: 'IDENTITY_URL', value: 'http://identity-api.accounts.svc.cluster.local:8080' }, { name: 'AVATAR_CDN', value: 'https://images.acme-cdn.net' }, { name: 'STRIPE_API', value: 'https://api.stripe.com' }] }), istioProxy],
    annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}' },
    labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': svc },
  });
  const app = deploymentApp({
    namespace: ns, name: 'profile-service', replicas: 3,
    revisions: [
      { revision: 60, createdAgo: 20 * DAYS, changeCause: 'argocd: profile-service 8.1.0', template: tpl('8.1.0', 'profile-service') },
      { revision: 61, createdAgo: 6 * DAYS, changeCause: 'argocd: profile-service 8.1.1', template: tpl('8.1.1', 'profile-service') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const peer = deploymentApp({
    namespace: ns, name: 'identity-api', replicas: 2,
    revisions: [
      { revision: 118, createdAgo: 8 * DAYS, changeCause: 'argocd: identity-api 12.4.0', template: tpl('12.4.0', 'identity-api') },
      { revision: 119, createdAgo: 41, changeCause: 'argocd: identity-api 12.4.1', template: tpl('12.4.1', 'identity-api') },
    ],
    pods: [{ revision: 119, node: names[1] ?? '', createdAgo: 41 }, { revision: 119, node: names[2] ?? '', createdAgo: 40 }],
  });
  const dns = coreDns([{ node: names[0] ?? '', createdAgo: 30 * DAYS }, { node: names[2] ?? '', createdAgo: 30 * DAYS }]);
  const peerIps = peer.pods.map(ipOfPod);
  const oldPeerIps = ['10.0.31.77', '10.0.47.12'];
  const cluster = '172.20.88.14:8080';
  const envoyLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = 40.6 - i * 0.15 - k * 0.05;
      out.push(`[${at(t)}] "POST /v1/tokens/introspect HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 312 95 ${3 + i} - "-" "Go-http-client/1.1" "c1f4${(0x3a9e2b + i * 97 + k * 13).toString(16)}-7d2e-4f1a-9b3c-${(0x5e6f70819a2b + i + k).toString(16)}" "identity-api.accounts.svc.cluster.local:8080" "${oldPeerIps[(i + k) % 2] ?? ''}:8080" outbound|8080||identity-api.accounts.svc.cluster.local ${ipOfPod(app.pods[k])}:${50422 + i} ${cluster} ${ipOfPod(app.pods[k])}:${39912 + i} - default`);
    }
    for (let i = 0; i < 6; i++) {
      const t = 12 - i * 2 - k * 0.1;
      out.push(`[${at(t)}] "POST /v1/tokens/introspect HTTP/1.1" 200 - via_upstream - "-" 312 241 ${4 + (i % 3)} ${3 + (i % 3)} "-" "Go-http-client/1.1" "9b2e${(0x7f1a + i * 31 + k).toString(16)}-1c3d-4e5f-8a9b-${(0x0c1d2e3f4a5b + i).toString(16)}" "identity-api.accounts.svc.cluster.local:8080" "${peerIps[i % 2] ?? ''}:8080" outbound|8080||identity-api.accounts.svc.cluster.local ${ipOfPod(app.pods[k])}:${51003 + i} ${cluster} ${ipOfPod(app.pods[k])}:${40110 + i} - default`);
    }
    return lines(...out);
  };
  const appLog = (k: number): string => lines(
    `{"time":"${at(40.55 - k * 0.05)}","level":"WARN","msg":"identity introspect failed, retrying","attempt":1,"status":503,"body":"upstream connect error or disconnect/reset before headers. reset reason: connection termination"}`,
    `{"time":"${at(40.54 - k * 0.05)}","level":"INFO","msg":"request","method":"GET","path":"/v1/profiles/me","status":200,"dur_ms":${31 + k}}`,
    `{"time":"${at(6 - k)}","level":"INFO","msg":"request","method":"GET","path":"/v1/profiles/me","status":200,"dur_ms":${9 + k}}`,
    `{"time":"${at(0.6)}","level":"INFO","msg":"request","method":"PATCH","path":"/v1/profiles/me/avatar","status":200,"dur_ms":${122 + k * 5}}`,
  );
  const dnsLog = (j: number): string => {
    const out: string[] = ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 8a3c6b2f1e0d9c8b7a69584736251403f2e1d0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918070f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7', 'CoreDNS-1.11.3', 'linux/amd64, go1.22.7, a6338e9'];
    for (let i = 0; i < 5; i++) {
      const src = ipOfPod(app.pods[(i + j) % 3]);
      const host = i % 2 === 0 ? 'api.stripe.com' : 'images.acme-cdn.net';
      const id = 41234 + i * 101 + j;
      out.push(
        `[INFO] ${src}:${51234 + i} - ${id} "A IN ${host}.accounts.svc.cluster.local. udp 59 false 512" NXDOMAIN qr,aa,rd 152 0.000101s`,
        `[INFO] ${src}:${51234 + i} - ${id + 1} "A IN ${host}.svc.cluster.local. udp 51 false 512" NXDOMAIN qr,aa,rd 144 0.000087s`,
        `[INFO] ${src}:${51234 + i} - ${id + 2} "A IN ${host}.cluster.local. udp 47 false 512" NXDOMAIN qr,aa,rd 140 0.000079s`,
        `[INFO] ${src}:${51234 + i} - ${id + 3} "A IN ${host}.eu-west-1.compute.internal. udp 59 false 512" NXDOMAIN qr,rd,ra 59 0.001204s`,
        `[INFO] ${src}:${51234 + i} - ${id + 4} "A IN ${host}. udp 32 false 512" NOERROR qr,rd,ra 112 0.002311s`,
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout46-healthy-mesh-uc-resets-and-ndots-nxdomain',
    class: 'healthy',
    truth: 'profile-service is healthy: all three pods of revision 61 (6 days old) are ready and serving 200s. The handful of Envoy 503 UC upstream_reset_before_response_started{connection_termination} entries 40 minutes ago came from identity-api\'s rollout to revision 119, when its old pods closed pooled connections; the app retried and nothing failed since. The CoreDNS NXDOMAIN answers are ndots:5 search-domain expansions of external names (api.stripe.com, images.acme-cdn.net) that then resolve with NOERROR. Nothing to fix.',
    ask: { service: 'profile-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...peer.objects, ...dns.objects,
      ...exposed({ namespace: ns, name: 'profile-service', selector: { app: 'profile-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'identity-api', selector: { app: 'identity-api' }, pods: peer.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      scaledReplicaSet(deploymentOf(peer), rsOf(peer, 119), 2, 0, 41),
      scaledReplicaSet(deploymentOf(peer), rsOf(peer, 118), 0, 2, 39.8),
      ...peer.pods.flatMap((p, k) => startedNormally(p, 'app', `${ECR}/accounts/identity-api:12.4.1`, 41 - k)),
      event({ on: app.pods[2] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(app.pods[2])}:15021/healthz/ready": dial tcp ${ipOfPod(app.pods[2])}:15021: connect: connection refused`, count: 2, firstAgo: 6 * DAYS - 2.1, lastAgo: 6 * DAYS - 2.05, fieldPath: 'spec.containers{istio-proxy}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: envoyLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...dns.pods.map((p, j) => logsFor(p, 'coredns', { current: dnsLog(j) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?problem|no (current )?(issue|failure)|nothing (is )?wrong/i],
      facts: [/profile-service/],
      never: [ADVISES_ROLLBACK, /NXDOMAIN|DNS (failure|resolution fail|error)/i, /upstream_reset|connection_termination|\bUC\b/, /identity-api[^\n]*(fail|broken|down|unavailable)/i, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  minioWriteQuorumLost(),
  reportsTempFileLimit(),
  zookeeperFlagsPastJuteMaxbuffer(),
  oldSdkIgnoresIrsa(),
  nginxPerIpLimitBehindIngress(),
  httpsToPlainHttpDependency(),
  healthyMeshedProfileService(),
];
