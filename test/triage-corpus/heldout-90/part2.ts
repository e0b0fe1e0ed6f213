// Held-out stories, ninetieth round, part two: a nightly MySQL backup CronJob whose image was bumped
// to the MySQL 8 client, so mysqldump fails against the 5.7 server on information_schema's missing
// COLUMN_STATISTICS table (1109); a Service edited to internalTrafficPolicy: Local, so the client pod
// on the one node without a backend pod times out; a tile renderer whose revision 9 writes millions
// of small tile files to an emptyDir, so nodes run out of inodes (DiskPressure) and the kubelet
// evicts pods; a Python service whose logging ConfigMap now names a file handler under a directory
// that does not exist, so dictConfig fails ("Unable to configure handler 'file'") on restart; a
// Spring Boot service whose ConfigMap edit set server.servlet.context-path=/api, so its probes on
// /actuator/health get 404; (containers) an nginx frontend whose chart bump set
// readOnlyRootFilesystem, so nginx cannot create /var/cache/nginx/client_temp; and a healthy control:
// an hourly pandas rollup CronJob that prints a numeric_only FutureWarning on every run.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, endpointSliceFor,
  epochMs, event, execProbe, exposed, httpProbe, job, jobEvent, kubeletEviction, nodeEvent, probeFailed, probeKilling, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, tcpProbe, terminated, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const springTime = at;
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
const NO_ROLLBACK = /roll(ing)? ?back to|undo the rollout|rollout undo/i;

// ---- 1. mysqldump 8 client against a MySQL 5.7 server: COLUMN_STATISTICS (1109) -------------------

function mysqldump8AgainstMysql57(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '227']);
  const serverImage = 'docker.io/library/mysql:5.7.44';
  const db = statefulSetApp({
    namespace: ns,
    name: 'billing-mysql',
    replicas: 1,
    serviceName: 'billing-mysql',
    createdAgo: 420 * DAYS,
    revisions: [{
      revision: 3,
      createdAgo: 96 * DAYS,
      template: {
        containers: [container({
          name: 'mysql', image: serverImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi',
          readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 --silent'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 23 * DAYS }],
  });
  const api = bystander(ns, 'billing-api', names, 3 * DAYS, { revisions: [57, 58], versions: ['6.4.1', '6.4.2'], olderAgo: 12 * DAYS });
  const image = (v: string) => `${ECR}/platform/mysql-backup:${v}`;
  const backupTpl = (v: string) => ({
    containers: [batchContainer({
      name: 'backup', image: image(v), command: ['/usr/local/bin/backup.sh'], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'MYSQL_HOST', value: 'billing-mysql.billing.svc.cluster.local' },
        { name: 'MYSQL_DATABASE', value: 'billing' },
        { name: 'MYSQL_USER', value: 'backup' },
        { name: 'MYSQL_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-backup-credentials', key: 'password' } } },
        { name: 'S3_PREFIX', value: 's3://acme-prod-db-backups/billing' },
      ],
    })],
    serviceAccountName: 'mysql-backup',
  });
  // Tonight's run (02:45) is the first with the bumped image; the CronJob keeps the last failed Job.
  const cron = cronJob({
    namespace: ns,
    name: 'mysql-backup',
    schedule: '45 2 * * *',
    backoffLimit: 2,
    template: backupTpl('8.0.40-1'),
    createdAgo: 300 * DAYS,
    lastSuccessfulAgo: 1 * DAYS + 22,
    jobs: [{
      createdAgo: 29,
      pods: [
        { node: names[0] ?? '', createdAgo: 29, phase: 'Failed', containers: { backup: terminated({ exitCode: 2, finishedAgo: 28.9, ranSeconds: 4 }) } },
        { node: names[2] ?? '', createdAgo: 28.7, phase: 'Failed', containers: { backup: terminated({ exitCode: 2, finishedAgo: 28.6, ranSeconds: 3 }) } },
        { node: names[0] ?? '', createdAgo: 28.1, phase: 'Failed', containers: { backup: terminated({ exitCode: 2, finishedAgo: 28, ranSeconds: 4 }) } },
      ],
      outcome: { failed: 'BackoffLimitExceeded', ago: 27.9 },
    }],
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  // The image bump came through Argo CD yesterday afternoon.
  cronObj.metadata = {
    ...cronObj.metadata,
    generation: 9,
    labels: { 'app.kubernetes.io/name': 'mysql-backup', 'app.kubernetes.io/instance': 'billing-backups', 'argocd.argoproj.io/instance': 'billing-backups' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'batch/v1', time: ago(10 * HOURS + 35), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:jobTemplate': { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': {} } } } } } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', subresource: 'status', time: ago(27.9), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
    ],
  };
  const failedJob = cron.jobs[0];
  if (failedJob === undefined) throw new Error('no failed job');
  const failedJobObj = failedJob.objects[0];
  // The Jobs of the three nights before, still kept (successfulJobsHistoryLimit 3), ran the 5.7 client.
  const oldJobs = [1, 2, 3].map((d) => {
    const createdAgo = d * DAYS + 29;
    const minute = Math.floor(ago(createdAgo).getTime() / 60_000);
    return job({
      namespace: ns, name: `mysql-backup-${minute}`, template: backupTpl('5.7.44-3'), backoffLimit: 2, createdAgo,
      owner: { name: 'mysql-backup', uid: cron.uid },
      pods: [{ node: names[d % 3] ?? '', createdAgo, phase: 'Succeeded', containers: { backup: terminated({ exitCode: 0, finishedAgo: createdAgo - 6.8, ranSeconds: 404 }) } }],
      outcome: { complete: true, ago: createdAgo - 6.9 },
    });
  });
  const backupLog = (t: number, pod: k8s.V1Pod) => lines(
    `${at(t).slice(0, 19)}Z backup.sh: mysqldump  Ver 8.0.40 for Linux on x86_64 (MySQL Community Server - GPL)`,
    `${at(t).slice(0, 19)}Z backup.sh: dumping billing from billing-mysql.billing.svc.cluster.local:3306 to s3://acme-prod-db-backups/billing/2026-11-21T0245Z.sql.gz (pod ${pod.metadata?.name ?? ''})`,
    'mysqldump: [Warning] Using a password on the command line interface can be insecure.',
    `mysqldump: Couldn't execute 'SELECT COLUMN_NAME,                       JSON_EXTRACT(HISTOGRAM, '$."number-of-buckets-specified"')                FROM information_schema.COLUMN_STATISTICS                WHERE SCHEMA_NAME = 'billing' AND TABLE_NAME = 'account_ledger';': Unknown table 'COLUMN_STATISTICS' in information_schema (1109)`,
    `${at(t - 0.05).slice(0, 19)}Z backup.sh: mysqldump failed (exit 2), upload aborted`,
  );
  const jobPods = failedJob.pods;
  const dbPod = podOf(db, 0);
  const oldPod = oldJobs[0]?.pods[0];
  return {
    id: 'heldout90-mysqldump8-column-statistics',
    class: 'jobs',
    truth: 'The billing namespace\'s nightly mysql-backup CronJob had its image bumped yesterday afternoon (Argo CD) from platform/mysql-backup:5.7.44-3 to 8.0.40-1, which ships the MySQL 8 mysqldump client. The server, billing-mysql, is still MySQL 5.7.44. mysqldump 8 queries information_schema.COLUMN_STATISTICS (the column-statistics histogram feature), which 5.7 does not have, so tonight\'s 02:45 run failed three times with "Unknown table \'COLUMN_STATISTICS\' in information_schema (1109)", exit 2, and the Job hit its backoff limit: no backup tonight. The database is healthy. Fix: run mysqldump with --column-statistics=0 or go back to the 5.7 client image.',
    ask: { service: 'mysql-backup', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, ...cron.objects, ...oldJobs.flatMap((j) => j.objects),
      ...exposed({ namespace: ns, name: 'billing-mysql', selector: { app: 'billing-mysql' }, pods: db.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${failedJobObj?.metadata?.name ?? ''}`, 29),
      ...jobPods.map((p, i) => jobEvent(failedJobObj, 'SuccessfulCreate', `Created pod: ${p.metadata?.name ?? ''}`, [29, 28.7, 28.1][i] ?? 29)),
      ...jobPods.flatMap((p, i) => startedNormally(p, 'backup', image('8.0.40-1'), [29, 28.7, 28.1][i] ?? 29)),
      jobEvent(failedJobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 27.9, 'Warning'),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${failedJobObj?.metadata?.name ?? ''}, status: Failed`, 27.8),
    ],
    logs: [
      ...jobPods.map((p, i) => logsFor(p, 'backup', { current: backupLog([28.95, 28.65, 28.05][i] ?? 29, p) })),
      ...(oldPod === undefined ? [] : [logsFor(oldPod, 'backup', { current: lines(
        `${at(DAYS + 28.9).slice(0, 19)}Z backup.sh: mysqldump  Ver 10.13 Distrib 5.7.44, for Linux (x86_64)`,
        `${at(DAYS + 28.9).slice(0, 19)}Z backup.sh: dumping billing from billing-mysql.billing.svc.cluster.local:3306 to s3://acme-prod-db-backups/billing/2026-11-20T0245Z.sql.gz`,
        'mysqldump: [Warning] Using a password on the command line interface can be insecure.',
        `${at(DAYS + 22.2).slice(0, 19)}Z backup.sh: uploaded 1.87 GiB in 401s`,
      ) })]),
      logsFor(dbPod, 'mysql', { current: lines(
        `${at(29).replace('Z', '').slice(0, 23)}412Z 88213 [Note] Aborted connection 88213 to db: 'billing' user: 'backup' host: '10.0.31.118' (Got an error reading communication packets)`,
        `${at(28.6).replace('Z', '').slice(0, 23)}090Z 88231 [Note] Aborted connection 88231 to db: 'billing' user: 'backup' host: '10.0.12.77' (Got an error reading communication packets)`,
        `${at(28).replace('Z', '').slice(0, 23)}655Z 88240 [Note] Aborted connection 88240 to db: 'billing' user: 'backup' host: '10.0.31.9' (Got an error reading communication packets)`,
      ) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(1.1)}","msg":"request","method":"GET","path":"/v1/invoices","status":200,"duration_ms":23}`,
        `{"level":"info","ts":"${at(0.3)}","msg":"request","method":"POST","path":"/v1/payments","status":201,"duration_ms":61}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/COLUMN_STATISTICS|column[- ]statistics|1109/i],
      facts: [lit('COLUMN_STATISTICS'), /8\.0\.40|mysql-backup:8|MySQL 8|8\.0/i, /backoff ?limit|BackoffLimitExceeded|exit(ed)?( code)? 2|failed/i],
      never: [/\bOOM/, /ImagePull|pull(ing)? (the )?image/i, /access denied|authenticat/i, /billing-mysql[^\n]*(down|unreachable|crash|not ready)/i, /billing-api/],
    },
  };
}

// ---- 2. internalTrafficPolicy: Local, and a client on the node without a backend pod ----------------

function internalTrafficPolicyLocal(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.44', ['21', '158', '203']);
  const rankerImage = `${ECR}/search/search-ranker:3.9.4`;
  const ranker = deploymentApp({
    namespace: ns,
    name: 'search-ranker',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: search-ranker 3.9.4', template: { containers: [container({ image: rankerImage, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })] } }],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 }, { revision: 19, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 }],
  });
  const rankerSvc = service({ namespace: ns, name: 'search-ranker', selector: { app: 'search-ranker' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], createdAgo: 210 * DAYS });
  // Edited by hand 34 minutes ago, "to keep ranker traffic in-node and cut cross-AZ cost".
  rankerSvc.spec = { ...rankerSvc.spec, internalTrafficPolicy: 'Local' };
  rankerSvc.metadata = {
    ...rankerSvc.metadata,
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(210 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:ports': {}, 'f:selector': {} } } },
      { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'v1', time: ago(34), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:internalTrafficPolicy': {} } } },
    ],
  };
  const rankerIp = rankerSvc.spec.clusterIP ?? '';
  const apiImage = (v: string) => `${ECR}/search/search-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [3000], cpu: '500m', memory: '512Mi', env: [{ name: 'RANKER_URL', value: 'http://search-ranker.search.svc.cluster.local:8080' }, { name: 'RANKER_TIMEOUT_MS', value: '2000' }], readiness: httpProbe('/ready', 3000, { timeoutSeconds: 2 }), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 72, createdAgo: 4 * DAYS, changeCause: 'argocd: search-api 5.21.0', template: apiTpl('5.21.0') },
      { revision: 73, createdAgo: 2 * DAYS, changeCause: 'argocd: search-api 5.21.1', template: apiTpl('5.21.1') },
    ],
    pods: [
      { revision: 73, node: names[0] ?? '', createdAgo: 2 * DAYS - 1 },
      { revision: 73, node: names[1] ?? '', createdAgo: 2 * DAYS - 2 },
      { revision: 73, node: names[2] ?? '', createdAgo: 2 * DAYS - 3, containers: { app: running({ sinceAgo: 2 * DAYS - 3.2, ready: false }) } },
    ],
    // maxUnavailable 25% of 3 rounds down to 0: one unready pod turns Available False.
    settled: { available: false, availableSince: 32.5, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const stranded = podOf(api, 2);
  const indexer = bystander(ns, 'search-indexer', names, 5 * HOURS, { revisions: [30, 31], versions: ['1.12.0', '1.12.1'], olderAgo: 20 * DAYS });
  const np = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'search-ranker-ingress', namespace: ns, uid: 'b7d2e0c1-5a44-4f0e-a9d1-3c6e2b81f4a7', creationTimestamp: ago(180 * DAYS), generation: 1 },
    spec: { podSelector: { matchLabels: { app: 'search-ranker' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'search-api' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] },
  };
  const q = ['winter boots', 'usb-c hub', 'espresso grinder', 'rain jacket', 'desk lamp', 'kids bike'];
  const okLog = (k: number) => lines(
    ...[5, 4, 3, 2, 1, 0.3].map((t, i) => `{"level":30,"time":${epochMs(t - k * 0.05)},"pid":1,"hostname":"${api.pods[k]?.metadata?.name ?? ''}","req":{"method":"GET","url":"/v2/search?q=${encodeURIComponent(q[i] ?? 'x')}"},"res":{"statusCode":200},"rankerMs":${38 + i * 7 + k},"responseTime":${61 + i * 9 + k},"msg":"request completed"}`),
  );
  const strandedLog = lines(
    `{"level":30,"time":${epochMs(36)},"pid":1,"hostname":"${stranded.metadata?.name ?? ''}","req":{"method":"GET","url":"/v2/search?q=headphones"},"res":{"statusCode":200},"rankerMs":44,"responseTime":70,"msg":"request completed"}`,
    ...[33.8, 33.5, 33.1, 32.7].map((t, i) => `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${stranded.metadata?.name ?? ''}","err":{"type":"Error","message":"connect ETIMEDOUT ${rankerIp}:8080","code":"ETIMEDOUT","errno":-110,"syscall":"connect","address":"${rankerIp}","port":8080},"query":"${q[i] ?? 'x'}","msg":"ranker request failed"}`),
    `{"level":40,"time":${epochMs(32.6)},"pid":1,"hostname":"${stranded.metadata?.name ?? ''}","breaker":"search-ranker","failures":5,"msg":"circuit breaker opened"}`,
    ...[20, 12, 6, 1.2].map((t) => `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${stranded.metadata?.name ?? ''}","err":{"type":"Error","message":"connect ETIMEDOUT ${rankerIp}:8080","code":"ETIMEDOUT","errno":-110,"syscall":"connect","address":"${rankerIp}","port":8080},"msg":"ranker half-open probe failed"}`),
    `{"level":40,"time":${epochMs(0.4)},"pid":1,"hostname":"${stranded.metadata?.name ?? ''}","breaker":"search-ranker","state":"open","msg":"readiness: dependency search-ranker unavailable, returning 503"}`,
  );
  return {
    id: 'heldout90-internal-traffic-policy-local',
    class: 'network',
    truth: 'Someone ran `kubectl edit service search-ranker` 34 minutes ago and set spec.internalTrafficPolicy: Local to keep ranker traffic node-local. search-ranker has only two pods, on ip-10-0-44-21 and ip-10-0-44-158; kube-proxy now drops cluster-internal traffic to the Service from nodes with no local endpoint, so the search-api pod on ip-10-0-44-203 gets "connect ETIMEDOUT" to the ranker\'s clusterIP, opened its circuit breaker and fails readiness (503) since; the two search-api pods on nodes with a ranker pod are fine. Neither search-ranker nor search-api changed; the NetworkPolicy allows the traffic. Fix: set internalTrafficPolicy back to Cluster (or run a ranker pod on every node).',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...ranker.objects, ...api.objects, ...indexer.objects, np,
      rankerSvc, endpointSliceFor(rankerSvc, ranker.pods),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods }),
      probeFailed(stranded, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 189, firstAgo: 32.5, lastAgo: 0.2 }),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 31), 2, 0, 5 * HOURS),
    ],
    logs: [
      ...api.pods.slice(0, 2).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
      logsFor(stranded, 'app', { current: strandedLog }),
      ...ranker.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `{"time":"${at(2 - k * 0.1)}","level":"INFO","msg":"rank","candidates":200,"took_ms":${31 + k}}`,
        `{"time":"${at(0.5 - k * 0.1)}","level":"INFO","msg":"rank","candidates":200,"took_ms":${29 + k}}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/internalTrafficPolicy|internal ?traffic ?policy|traffic ?policy/i],
      facts: [/search-ranker/, /\bLocal\b/, lit('ip-10-0-44-203')],
      never: [/NetworkPolic(y|ies)[^\n]*(block|den(y|ies)|drop)/i, /\bDNS\b/, /\bOOM/, /search-ranker[^\n]*(crash|no ready|not ready|unready|down)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 3. revision 9 writes millions of small tile files to an emptyDir: nodes run out of inodes -----

function tileCacheInodeExhaustion(): CorpusScenario {
  const ns = 'maps';
  const { nodes: base, names } = threeEksNodes('10.0.58', ['37', '119', '246']);
  const taint = (since: number): k8s.V1Taint => ({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: ago(since) });
  const { node: mkNode } = { node: (i: number, since?: number) => {
    const n = base[i];
    if (n === undefined) throw new Error('no node');
    if (since === undefined) return n;
    const conds = (n.status?.conditions ?? []).map((c) => c.type === 'DiskPressure' ? { ...c, status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure', lastTransitionTime: ago(since) } : c);
    return { ...n, spec: { ...n.spec, taints: [taint(since)] }, status: { ...n.status, conditions: conds } };
  } };
  const nodes = [mkNode(0, 41), mkNode(1, 18), mkNode(2)];
  const image = (v: string) => `${ECR}/maps/tile-renderer:${v}`;
  const tpl = (v: string, cache: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: cache ? [{ name: 'TILE_CACHE_DIR', value: '/var/cache/tiles' }, { name: 'TILE_CACHE_MAX_BYTES', value: '4294967296' }] : [{ name: 'TILE_CACHE', value: 'memory' }],
      ...(cache ? { volumeMounts: [{ name: 'tile-cache', mountPath: '/var/cache/tiles' }] } : {}),
    })],
    ...(cache ? { volumes: [{ name: 'tile-cache', emptyDir: {} }] } : {}),
  });
  const inodeMsg = (avail: number) => `The node was low on resource: inodes. Threshold quantity: 2097152, available: ${avail}. `;
  const evictedStory = (finishedAgo: number, ranMinutes: number) => ({ app: terminated({ exitCode: 137, reason: 'Error', finishedAgo, ranSeconds: ranMinutes * 60 }) });
  const app = deploymentApp({
    namespace: ns,
    name: 'tile-renderer',
    replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 16 * DAYS, changeCause: 'argocd: tile-renderer 2.6.3', template: tpl('2.6.3', false) },
      { revision: 9, createdAgo: 3 * HOURS + 10, changeCause: 'argocd: tile-renderer 2.7.0', template: tpl('2.7.0', true) },
    ],
    pods: [
      // Evicted: the kubelet ranks the pods by inode use, the renderers come first.
      { revision: 9, node: names[0] ?? '', createdAgo: 3 * HOURS + 9, ...kubeletEviction(inodeMsg(1843021), 40), containers: evictedStory(40, 3 * 60 + 9 - 40) },
      { revision: 9, node: names[0] ?? '', createdAgo: 3 * HOURS + 8, ...kubeletEviction(inodeMsg(1990417), 33), containers: evictedStory(33, 3 * 60 + 8 - 33) },
      { revision: 9, node: names[1] ?? '', createdAgo: 3 * HOURS + 7, ...kubeletEviction(inodeMsg(1912876), 17), containers: evictedStory(17, 3 * 60 + 7 - 17) },
      // Still running: one on node b (its cache still growing), replacements on node c.
      { revision: 9, node: names[1] ?? '', createdAgo: 3 * HOURS + 6 },
      { revision: 9, node: names[2] ?? '', createdAgo: 40 },
      { revision: 9, node: names[2] ?? '', createdAgo: 33 },
      { revision: 9, node: names[2] ?? '', createdAgo: 17 },
    ],
    settled: { available: true, availableSince: 3 * HOURS + 4, progressingSince: 3 * HOURS + 10, progressingUpdatedAgo: 3 * HOURS + 4 },
  });
  // A victim: a geocoder pod on node a, evicted after the renderers, and its replacement on node c.
  const geoImage = `${ECR}/${ns}/geocoder:4.1.0`;
  const geo = deploymentApp({
    namespace: ns,
    name: 'geocoder',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/${ns}/geocoder:4.0.2` })] } },
      { revision: 15, createdAgo: 6 * DAYS, changeCause: 'argocd: geocoder 4.1.0', template: { containers: [container({ image: geoImage })] } },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 6 * DAYS, ...kubeletEviction(inodeMsg(2051330), 31), containers: { app: terminated({ exitCode: 137, reason: 'Error', finishedAgo: 31, ranSeconds: (6 * DAYS - 31) * 60 }) } },
      { revision: 15, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 15, node: names[2] ?? '', createdAgo: 31 },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 1, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 1 },
  });
  const geoEv = podOf(geo, 0);
  const geoNew = podOf(geo, 2);
  const [ev1, ev2, ev3, survivor, r1, r2, r3] = app.pods;
  if (ev1 === undefined || ev2 === undefined || ev3 === undefined || survivor === undefined || r1 === undefined || r2 === undefined || r3 === undefined) throw new Error('pods');
  const evictedEvents = [[ev1, 40, inodeMsg(1843021)], [ev2, 33, inodeMsg(1990417)], [ev3, 17, inodeMsg(1912876)], [geoEv, 31, inodeMsg(2051330)]] as const;
  const renderLog = (k: number, failing: boolean) => {
    const name = app.pods[k]?.metadata?.name ?? '';
    const out = [
      `{"level":"info","ts":"${at(3 * HOURS + 6 - k * 0.2)}","caller":"cmd/renderer/main.go:71","msg":"starting tile-renderer","version":"2.7.0","cache":"disk","cache_dir":"/var/cache/tiles","cache_max_bytes":4294967296}`,
      `{"level":"info","ts":"${at(3 * HOURS + 5.9 - k * 0.2)}","caller":"cmd/renderer/main.go:96","msg":"listening","addr":":8080","pod":"${name}"}`,
    ];
    for (const [t, entries, bytes] of [[90, 1104233, 812e6], [45, 1689120, 1.21e9], [20, 1932561, 1.38e9], [5, 1950117, 1.39e9]] as const) {
      out.push(`{"level":"info","ts":"${at(t)}","caller":"cache/disk.go:212","msg":"tile cache stats","entries":${entries},"bytes":${bytes},"avg_entry_bytes":${Math.round(bytes / entries)},"hit_ratio":0.71}`);
    }
    if (failing) {
      for (const [t, z, x, y] of [[14.2, 15, 17422, 11290], [9.8, 14, 8712, 5411], [4.1, 16, 34851, 22597], [0.6, 15, 17430, 11302]] as const) {
        out.push(`{"level":"warn","ts":"${at(t)}","caller":"cache/disk.go:148","msg":"tile cache write failed","key":"${z}/${x}/${y}.png","error":"open /var/cache/tiles/${z}/${x}/${y}.png.tmp-${(x * 7 + y) % 100000}: no space left on device"}`);
      }
    }
    out.push(`{"level":"info","ts":"${at(0.3)}","caller":"http/log.go:33","msg":"GET /tiles/v3/14/8713/5412.png","status":200,"bytes":3112,"cache":"miss","dur_ms":41}`);
    return out.sort().join('\n') + '\n';
  };
  return {
    id: 'heldout90-tile-cache-inode-exhaustion',
    class: 'nodes',
    truth: 'tile-renderer revision 9 (2.7.0, rolled out 3 h 10 min ago) replaced the in-memory tile cache with a disk cache in an emptyDir (/var/cache/tiles, no sizeLimit) capped at 4 GiB by bytes only; tiles average ~700 bytes, so each pod writes close to two million small files and the nodes\' root filesystems run out of inodes long before bytes. ip-10-0-58-37 (41 min) and ip-10-0-58-119 (18 min) went DiskPressure and the kubelet evicted pods with "The node was low on resource: inodes": three tile-renderer pods first (the biggest inode users), then a geocoder pod (a victim); the surviving renderer on ip-10-0-58-119 logs "no space left on device" on cache writes. /triage is asked for tile-renderer, the culprit. Fix: bound the cache by entry count or emptyDir sizeLimit / go back to the memory cache (revision 8), then let the kubelet reclaim.',
    ask: { service: 'tile-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...geo.objects,
      ...exposed({ namespace: ns, name: 'tile-renderer', selector: { app: 'tile-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'geocoder', selector: { app: 'geocoder' }, pods: geo.pods }),
      nodeEvent(names[0] ?? '', 'NodeHasDiskPressure', `Node ${names[0] ?? ''} status is now: NodeHasDiskPressure`, { firstAgo: 41 }),
      nodeEvent(names[0] ?? '', 'EvictionThresholdMet', 'Attempting to reclaim inodes', { type: 'Warning', count: 6, firstAgo: 41, lastAgo: 2 }),
      nodeEvent(names[1] ?? '', 'NodeHasDiskPressure', `Node ${names[1] ?? ''} status is now: NodeHasDiskPressure`, { firstAgo: 18 }),
      nodeEvent(names[1] ?? '', 'EvictionThresholdMet', 'Attempting to reclaim inodes', { type: 'Warning', count: 3, firstAgo: 18, lastAgo: 1 }),
      ...evictedEvents.flatMap(([p, t, msg]) => [
        event({ on: p, reason: 'Evicted', message: msg, firstAgo: t, lastAgo: t }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: t, lastAgo: t, fieldPath: 'spec.containers{app}' }),
      ]),
      ...startedNormally(r1, 'app', image('2.7.0'), 40), ...startedNormally(r2, 'app', image('2.7.0'), 33), ...startedNormally(r3, 'app', image('2.7.0'), 17),
      ...startedNormally(geoNew, 'app', geoImage, 31),
    ],
    logs: [
      logsFor(survivor, 'app', { current: renderLog(3, true) }),
      ...[r1, r2, r3].map((p, i) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at([40, 33, 17][i] ?? 10)}","caller":"cmd/renderer/main.go:71","msg":"starting tile-renderer","version":"2.7.0","cache":"disk","cache_dir":"/var/cache/tiles","cache_max_bytes":4294967296}`,
        `{"level":"info","ts":"${at(2)}","caller":"cache/disk.go:212","msg":"tile cache stats","entries":${[402118, 331907, 166240][i] ?? 1},"bytes":${[288e6, 237e6, 119e6][i] ?? 1},"avg_entry_bytes":716,"hit_ratio":0.52}`,
        `{"level":"info","ts":"${at(0.4)}","caller":"http/log.go:33","msg":"GET /tiles/v3/13/4356/2705.png","status":200,"bytes":2980,"cache":"hit","dur_ms":3}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/inode/i, /revision 9|rev(ision)? ?9\b|2\.7\.0|tile[- ]cache|emptyDir|cache/i],
      facts: [/DiskPressure|disk pressure/i, /evict/i, /\/var\/cache\/tiles|tile-cache|emptyDir/],
      never: [/\bOOM|out of memory|memory pressure/i, /geocoder[^\n]*(cause|culprit|writ)/i, /ephemeral-storage limit/i],
    },
  };
}

// ---- 4. a logging ConfigMap edit: dictConfig cannot open the new file handler's path --------------

function loggingDictConfigFileHandler(): CorpusScenario {
  const ns = 'invoicing';
  const { nodes, names } = threeEksNodes('10.0.23', ['52', '171', '9']);
  const image = `${ECR}/invoicing/invoice-renderer:3.4.7`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, command: ['python', '-m', 'invoice_renderer'], ports: [8000], cpu: '500m', memory: '768Mi',
      env: [{ name: 'LOG_CONFIG', value: '/etc/invoice-renderer/logging.yaml' }, { name: 'WEB_CONCURRENCY', value: '2' }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'logging', mountPath: '/etc/invoice-renderer', readOnly: true }],
      securityContext: { runAsUser: 10001, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
    volumes: [{ name: 'logging', configMap: { name: 'invoice-renderer-logging', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const restartedAt = at(17).replace(/\.\d+Z$/, 'Z');
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-renderer 3.4.7', template: tpl() },
      { revision: 23, createdAgo: 17, template: tpl(restartedAt) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 16.9, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 1 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cm = configMap({
    namespace: ns,
    name: 'invoice-renderer-logging',
    createdAgo: 200 * DAYS,
    updatedAgo: 19,
    data: {
      'logging.yaml': [
        'version: 1',
        'disable_existing_loggers: false',
        'formatters:',
        '  plain:',
        '    format: "%(asctime)s %(levelname)s %(name)s: %(message)s"',
        'handlers:',
        '  console:',
        '    class: logging.StreamHandler',
        '    formatter: plain',
        '    stream: ext://sys.stdout',
        '  file:',
        '    class: logging.handlers.RotatingFileHandler',
        '    formatter: plain',
        '    filename: /var/log/invoice-renderer/app.log',
        '    maxBytes: 10485760',
        '    backupCount: 5',
        'loggers:',
        '  invoice_renderer:',
        '    level: INFO',
        'root:',
        '  level: INFO',
        '  handlers: [console, file]',
        '',
      ].join('\n'),
    },
  });
  const pdf = bystander(ns, 'pdf-archiver', names, 2 * DAYS, { revisions: [11, 12], versions: ['0.9.4', '0.9.5'], olderAgo: 25 * DAYS });
  const traceback = () => lines(
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/logging/config.py", line 581, in configure',
    '    handler = self.configure_handler(handlers[name])',
    '              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/logging/config.py", line 848, in configure_handler',
    '    result = factory(**kwargs)',
    '             ^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/logging/handlers.py", line 155, in __init__',
    '    BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,',
    '  File "/usr/local/lib/python3.12/logging/handlers.py", line 58, in __init__',
    '    logging.FileHandler.__init__(self, filename, mode=mode,',
    '  File "/usr/local/lib/python3.12/logging/__init__.py", line 1231, in __init__',
    '    StreamHandler.__init__(self, self._open())',
    '                                 ^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/logging/__init__.py", line 1263, in _open',
    '    return open_func(self.baseFilename, self.mode,',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    "FileNotFoundError: [Errno 2] No such file or directory: '/var/log/invoice-renderer/app.log'",
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/invoice_renderer/__main__.py", line 4, in <module>',
    '    main()',
    '  File "/app/invoice_renderer/app.py", line 41, in main',
    '    configure_logging(os.environ["LOG_CONFIG"])',
    '  File "/app/invoice_renderer/logsetup.py", line 17, in configure_logging',
    '    logging.config.dictConfig(cfg)',
    '  File "/usr/local/lib/python3.12/logging/config.py", line 920, in dictConfig',
    '    dictConfigClass(config).configure()',
    '  File "/usr/local/lib/python3.12/logging/config.py", line 588, in configure',
    "    raise ValueError('Unable to configure handler '",
    "ValueError: Unable to configure handler 'file'",
  );
  const healthy = (k: number) => lines(
    `${pyTime(3.2 - k * 0.1)} INFO uvicorn.access: 10.0.7.${40 + k}:51822 - "POST /v1/render HTTP/1.1" 200`,
    `${pyTime(3.1 - k * 0.1)} INFO invoice_renderer.render: rendered invoice INV-2026-1182${30 + k} (pdf, 3 pages) in ${380 + k * 17}ms`,
    `${pyTime(0.9 - k * 0.1)} INFO uvicorn.access: 10.0.7.${40 + k}:51990 - "GET /health/ready HTTP/1.1" 200`,
  );
  return {
    id: 'heldout90-logging-dictconfig-file-handler',
    class: 'config',
    truth: 'Nineteen minutes ago someone edited ConfigMap invoice-renderer-logging (the dictConfig YAML mounted at /etc/invoice-renderer) to add a RotatingFileHandler "file" writing /var/log/invoice-renderer/app.log, then ran `kubectl rollout restart` (revision 23, template unchanged apart from restartedAt) to pick it up. That directory does not exist in the image (and the root filesystem is read-only), so on start logging.config.dictConfig raises FileNotFoundError, wrapped as "ValueError: Unable to configure handler \'file\'", and the new pod exits 1 and crash-loops; the rollout is stuck with the three revision-22 pods still serving on their old, already-loaded config. Rolling back would not help (the old revision mounts the same ConfigMap). Fix: revert the ConfigMap edit (log to stdout) or mount a writable emptyDir at /var/log/invoice-renderer.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pdf.objects, cm,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pdf-archiver', selector: { app: 'pdf-archiver' }, pods: pdf.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 17),
      scheduled(fresh, 16.9),
      ...restartedAgain(fresh, 'app', image, { count: 9, firstAgo: 16.8, lastAgo: 1.4 }),
      backOff(fresh, 'app', { count: 74, firstAgo: 16.6, lastAgo: 0.3 }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: healthy(k) })),
      logsFor(fresh, 'app', { previous: traceback() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/configure handler|dictConfig|logging|FileNotFoundError|app\.log/i, /invoice-renderer-logging|config ?map/i],
      facts: [lit("Unable to configure handler 'file'"), /\/var\/log\/invoice-renderer/, /invoice-renderer-logging/],
      never: [NO_ROLLBACK, /\bOOM/, /liveness/i, /pdf-archiver/],
    },
  };
}

// ---- 5. Spring Boot: a ConfigMap edit set server.servlet.context-path, the probes get 404 -----------

function springContextPathProbes404(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.137', ['66', '190', '12']);
  const image = `${ECR}/accounts/profile-service:4.8.2`;
  const tpl = (hash: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1Gi',
      env: [
        { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'optional:file:/config/' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        { name: 'STAKATER_PROFILE_SERVICE_CONFIG_CONFIGMAP', value: hash },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45, periodSeconds: 10 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'profile-service-config', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 8 * DAYS, template: tpl('5b1f0c7e9a2d4436b8e1f09c2a77d3e41c6b5a08') },
      { revision: 15, createdAgo: 21, template: tpl('e03a94d1c58b27f6a9d04e3b71c2f58a96d0b4e2') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 15, node: names[2] ?? '', createdAgo: 20.9, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 1.6, ranSeconds: 66 }, 7) } },
    ],
  });
  const dep = deploymentOf(app);
  dep.metadata = { ...dep.metadata, annotations: { ...dep.metadata?.annotations, 'reloader.stakater.com/auto': 'true' } };
  const fresh = podOf(app, 3);
  const cm = configMap({
    namespace: ns,
    name: 'profile-service-config',
    createdAgo: 330 * DAYS,
    updatedAgo: 21,
    data: {
      'application.yaml': [
        'server:',
        '  port: 8080',
        '  shutdown: graceful',
        '  servlet:',
        '    context-path: /api',
        'spring:',
        '  datasource:',
        '    url: jdbc:postgresql://accounts-db.cluster-c1m9q2x7w0.eu-west-1.rds.amazonaws.com:5432/profiles',
        '    hikari:',
        '      maximum-pool-size: 15',
        'management:',
        '  endpoint:',
        '    health:',
        '      probes:',
        '        enabled: true',
        '  endpoints:',
        '    web:',
        '      exposure:',
        '        include: health,info,prometheus',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'account-notifier', names, 26 * HOURS, { revisions: [40, 41], versions: ['2.2.0', '2.2.1'], olderAgo: 19 * DAYS });
  const boot = (t: number, ctx: string, pid = 1) => [
    `${springTime(t)}  INFO ${pid} --- [profile-service] [           main] c.a.profile.ProfileServiceApplication    : Starting ProfileServiceApplication v4.8.2 using Java 21.0.5 with PID ${pid} (/app/app.jar started by spring in /app)`,
    `${springTime(t - 0.01)}  INFO ${pid} --- [profile-service] [           main] c.a.profile.ProfileServiceApplication    : No active profile set, falling back to 1 default profile: "default"`,
    `${springTime(t - 0.08)}  INFO ${pid} --- [profile-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${springTime(t - 0.12)}  INFO ${pid} --- [profile-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${springTime(t - 0.17)}  INFO ${pid} --- [profile-service] [           main] o.s.b.a.e.web.EndpointLinksResolver      : Exposing 3 endpoints beneath base path '/actuator'`,
    `${springTime(t - 0.19)}  INFO ${pid} --- [profile-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '${ctx}'`,
    `${springTime(t - 0.2)}  INFO ${pid} --- [profile-service] [           main] c.a.profile.ProfileServiceApplication    : Started ProfileServiceApplication in 11.84 seconds (process running for 12.61)`,
  ];
  const crashed = lines(
    ...boot(2.7, '/api'),
    `${springTime(1.65)}  INFO 1 --- [profile-service] [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown        : Commencing graceful shutdown. Waiting for active requests to complete`,
    `${springTime(1.64)}  INFO 1 --- [profile-service] [tomcat-shutdown] o.s.b.w.e.tomcat.GracefulShutdown        : Graceful shutdown complete`,
    `${springTime(1.63)}  INFO 1 --- [profile-service] [ionShutdownHook] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown completed.`,
  );
  return {
    id: 'heldout90-spring-context-path-probes-404',
    class: 'probes',
    truth: 'Twenty-one minutes ago someone edited ConfigMap profile-service-config (the Spring application.yaml mounted at /config) and set server.servlet.context-path: /api. Stakater Reloader rolled the Deployment (revision 15, only its STAKATER_…_CONFIGMAP hash env changed). The new pod starts fine ("Tomcat started on port 8080 (http) with context path \'/api\'"), but every endpoint, actuator included, now lives under /api, so the readiness and liveness probes on /actuator/health/readiness and /actuator/health/liveness get 404: the pod never turns Ready and the kubelet kills it every ~70 s (exit 143), the rollout is stuck with the three revision-14 pods still serving. Rolling back would not help (the old template mounts the same ConfigMap); the app is not slow. Fix: revert the context-path, or point the probes at /api/actuator/health/….',
    ask: { service: 'profile-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'profile-service', selector: { app: 'profile-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'account-notifier', selector: { app: 'account-notifier' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 15), 1, 0, 21),
      scheduled(fresh, 20.9),
      ...restartedAgain(fresh, 'app', image, { count: 8, firstAgo: 20.8, lastAgo: 2.9 }),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 404', { count: 131, firstAgo: 20.5, lastAgo: 1.7 }),
      probeFailed(fresh, 'app', 'Liveness', 'HTTP probe failed with statuscode: 404', { count: 21, firstAgo: 19.9, lastAgo: 1.7 }),
      probeKilling(fresh, 'app', 'liveness', { count: 7, firstAgo: 19.7, lastAgo: 1.7 }),
      backOff(fresh, 'app', { count: 23, firstAgo: 14, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(
        ...boot(8 * DAYS - k - 0.3, '/'),
        `${springTime(1.2 - k * 0.1)}  INFO 1 --- [profile-service] [nio-8080-exec-${3 + k}] c.a.profile.web.ProfileController        : GET /profiles/me 200 (18 ms)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/context[- ]?path|\/api\b/i],
      facts: [/404/, /profile-service-config/, /actuator\/health/],
      never: [/\bOOM/, NO_ROLLBACK, /(increase|raise|lengthen|extend)[^\n]*(initialDelay|timeoutSeconds|failureThreshold|startup)/i, /account-notifier/],
    },
  };
}

// ---- 6. (containers) readOnlyRootFilesystem from a chart bump: nginx cannot create client_temp ------

function nginxReadOnlyRootFilesystem(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.201', ['88', '5', '144']);
  const image = `${ECR}/web/storefront-web:2026.11.19-2`;
  const tpl = (hardened: boolean) => ({
    containers: [container({
      name: 'nginx', image, ports: [8080], cpu: '100m', memory: '128Mi',
      readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
      ...(hardened ? { securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } } as k8s.V1SecurityContext } : {}),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 36 * HOURS, changeCause: 'argocd: storefront-web chart 3.1.4, image 2026.11.19-2', template: tpl(false) },
      { revision: 41, createdAgo: 26, changeCause: 'argocd: storefront-web chart 3.2.0 (pod security baseline: restricted)', template: tpl(true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 36 * HOURS - k })),
      { revision: 41, node: names[1] ?? '', createdAgo: 25.9, containers: { nginx: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 0.3 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cart = bystander(ns, 'cart-bff', names, 50, { revisions: [88, 89], versions: ['7.3.0', '7.3.1'], olderAgo: 6 * DAYS });
  const entrypoint = (t: number) => lines(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ngxTime(t)} [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)`,
    'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
  );
  const access = (k: number) => lines(
    `10.0.201.${30 + k} - - [${clfTime(2 - k * 0.2)}] "GET /products/rain-jacket HTTP/1.1" 200 18422 "https://shop.acme.example/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)"`,
    `10.0.201.${30 + k} - - [${clfTime(0.4 - k * 0.05)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
  );
  return {
    id: 'heldout90-nginx-read-only-root-filesystem',
    class: 'containers',
    truth: 'storefront-web revision 41 (26 minutes ago) is a chart bump (3.2.0, "restricted" pod security) that added securityContext.readOnlyRootFilesystem: true to the nginx container without mounting writable emptyDirs for nginx\'s temp and cache directories; the image is unchanged (2026.11.19-2). nginx starts, cannot create /var/cache/nginx/client_temp ("mkdir() failed (30: Read-only file system)"), exits 1 immediately and crash-loops; the rollout is stuck with the three revision-40 pods serving. Fix: mount emptyDirs at /var/cache/nginx and /var/run (or roll back the securityContext change).',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cart.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-bff', selector: { app: 'cart-bff' }, pods: cart.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 26),
      scaledReplicaSet(deploymentOf(cart), rsOf(cart, 89), 2, 0, 50),
      scheduled(fresh, 25.9),
      ...restartedAgain(fresh, 'nginx', image, { count: 11, firstAgo: 25.8, lastAgo: 2.2 }),
      backOff(fresh, 'nginx', { count: 116, firstAgo: 25.6, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'nginx', { previous: entrypoint(2.2) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'nginx', { current: access(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-?only|readOnlyRootFilesystem/i],
      facts: [/client_temp|\/var\/cache\/nginx/, /storefront-web/, /\b41\b|readOnlyRootFilesystem|securityContext/],
      never: [/\bOOM/, /ImagePull|image (not found|missing)/i, /syntax error|invalid (directive|config)/i, /cart-bff/, /liveness/i],
    },
  };
}

// ---- 7. healthy control: an hourly pandas rollup that warns about numeric_only on every run -----------

function pandasRollupFutureWarning(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.77', ['40', '133', '219']);
  const image = `${ECR}/analytics/revenue-rollup:1.18.0`;
  const cron = cronJob({
    namespace: ns,
    name: 'revenue-rollup',
    schedule: '5 * * * *',
    backoffLimit: 3,
    activeDeadlineSeconds: 1800,
    template: {
      containers: [batchContainer({
        name: 'rollup', image, command: ['python', '-m', 'revenue_rollup'], cpu: '500m', memory: '1Gi',
        env: [{ name: 'WAREHOUSE_DSN', value: 'postgresql://rollup@analytics-warehouse.analytics.svc.cluster.local:5432/warehouse' }, { name: 'ROLLUP_WINDOW', value: '1h' }],
      })],
    },
    createdAgo: 150 * DAYS,
    lastSuccessfulAgo: 6.1,
    jobs: [129, 69, 9].map((t, i) => ({
      createdAgo: t,
      pods: [{ node: names[i] ?? '', createdAgo: t, phase: 'Succeeded' as const, containers: { rollup: terminated({ exitCode: 0, finishedAgo: t - 2.9, ranSeconds: 170 + i * 6 }) } }],
      outcome: { complete: true as const, ago: t - 2.95 },
    })),
  });
  const cronObj = cron.objects[0];
  const api = deploymentApp({
    namespace: ns,
    name: 'metrics-api',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 11 * DAYS, changeCause: 'argocd: metrics-api 0.14.2', template: { containers: [container({ image: `${ECR}/analytics/metrics-api:0.14.2`, ports: [8000], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 11 * DAYS - 1 }, { revision: 12, node: names[2] ?? '', createdAgo: 11 * DAYS - 2 }],
  });
  const run = (t: number, i: number) => {
    const hour = ago(t).getUTCHours();
    const p2 = (n: number) => String(n).padStart(2, '0');
    return lines(
      `${pyTime(t - 0.05)} INFO revenue_rollup.main: rollup window 2026-11-21T${p2(hour - 1)}:00:00Z..2026-11-21T${p2(hour)}:00:00Z`,
      `${pyTime(t - 0.6)} INFO revenue_rollup.extract: fetched ${182_113 + i * 4_417} order lines from warehouse (${(31.2 + i).toFixed(1)}s)`,
      '/app/revenue_rollup/aggregate.py:64: FutureWarning: The default value of numeric_only in DataFrame.mean is deprecated. In a future version, it will default to False. In addition, specifying \'numeric_only=None\' is deprecated. Select only valid columns or specify the value of numeric_only to silence this warning.',
      '  baseline = frame.mean()',
      `${pyTime(t - 2.6)} INFO revenue_rollup.load: upserted ${408 + i} rows into analytics.revenue_hourly (region x channel)`,
      `${pyTime(t - 2.88)} INFO revenue_rollup.main: done in ${(170 + i * 6 - 2).toFixed(0)}s`,
    );
  };
  const jobs = cron.jobs;
  const latest = jobs[2];
  const latestPod = latest?.pods[0];
  return {
    id: 'heldout90-pandas-rollup-futurewarning',
    class: 'healthy',
    truth: 'Nothing is wrong. revenue-rollup is an hourly CronJob (at :05) that aggregates the last hour of orders with pandas; every run prints pandas\' "FutureWarning: The default value of numeric_only in DataFrame.mean is deprecated…" from aggregate.py, harmless until a pandas 2 upgrade. The last three Jobs (01:05, 02:05, 03:05) all completed in about three minutes, the latest six minutes ago; metrics-api is healthy.',
    ask: { service: 'revenue-rollup', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'metrics-api', selector: { app: 'metrics-api' }, pods: api.pods }),
      ...(latest === undefined || latestPod === undefined ? [] : [
        cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${latest.objects[0]?.metadata?.name ?? ''}`, 9),
        jobEvent(latest.objects[0], 'SuccessfulCreate', `Created pod: ${latestPod.metadata?.name ?? ''}`, 9),
        ...startedNormally(latestPod, 'rollup', image, 9),
        jobEvent(latest.objects[0], 'Completed', 'Job completed', 6.05),
        cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${latest.objects[0]?.metadata?.name ?? ''}, status: Complete`, 6),
        cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job revenue-rollup-${Math.floor(ago(189).getTime() / 60_000)}`, 6),
      ]),
    ],
    logs: [
      ...jobs.map((j, i) => logsFor(j.pods[0], 'rollup', { current: run([129, 69, 9][i] ?? 9, i) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `${pyTime(2.1 - k * 0.1)} INFO uvicorn.access: 10.0.77.${50 + k}:40112 - "GET /v1/revenue/hourly?region=eu HTTP/1.1" 200`,
        `${pyTime(0.7 - k * 0.1)} INFO uvicorn.access: 10.0.77.${50 + k}:40190 - "GET /ready HTTP/1.1" 200`,
      ) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|no (issue|fault|failure)s?|nothing (is )?wrong|running normally|complet|succe/i],
      facts: [/revenue-rollup/, /complete|succe/i],
      never: [/\bOOM/, /FutureWarning[^\n]*(cause|fail|crash)/i, /numeric_only[^\n]*(cause|fail|crash|break)/i, /crash ?loop/i, /metrics-api/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mysqldump8AgainstMysql57(),
  internalTrafficPolicyLocal(),
  tileCacheInodeExhaustion(),
  loggingDictConfigFileHandler(),
  springContextPathProbes404(),
  nginxReadOnlyRootFilesystem(),
  pandasRollupFutureWarning(),
];
