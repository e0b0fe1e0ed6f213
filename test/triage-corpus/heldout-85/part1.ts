// Held-out stories, eighty-fifth round, part one (written blind):
// 1. A namespace clean-up deleted the ServiceAccount cart-api runs as; the running pods go on, but since a
//    node drain the ReplicaSet cannot create the replacement (FailedCreate: serviceaccount "cart-api" not found), 2 of 3.
// 2. The IAM binding of invoice-service's Google service account was removed: the cloud-sql-proxy sidecar gets
//    403 NOT_AUTHORIZED (missing cloudsql.instances.connect), the app's connections to 127.0.0.1:5432 fail, readiness fails.
// 3. The Celery beat Deployment reminder-beat was scaled from 1 to 2 replicas by hand: both beats send every
//    periodic task, so customers get duplicate reminders and charges; everything is Ready, no errors.
// 4. upload-gateway revision 22 buffers uploads to /tmp, an emptyDir with sizeLimit 512Mi: the kubelet evicts
//    pods (Usage of EmptyDir volume "tmp" exceeds the limit "512Mi") and the replacements repeat it.
// 5. A migration Job dropped the MongoDB index behind the listings sort an hour ago: GET /v1/listings fails
//    with "Sort exceeded memory limit of 104857600 bytes" (292); pods Ready, 500s on that route.
// 6. The revenue-report CronJob reads from a PostgreSQL hot-standby replica; its queries grew long and are
//    cancelled "due to conflict with recovery" (max_standby_streaming_delay); runs fail since midnight.
// 7. Healthy control: order-events (Java, Kafka producer) logs one LEADER_NOT_AVAILABLE metadata warning at
//    start-up while its new topic is auto-created, then produces normally.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, batchContainer, container, cronJob, cronJobEvent, deploymentApp, event, exposed, httpProbe, job,
  jobEvent, kubeletEviction, nameOf, node, probeFailed, pyTime, replicaSetOf, rsOf, running, scaledReplicaSet,
  startedNormally, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Go's log package: `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. the ServiceAccount deleted by a namespace clean-up ---------------------------------------

function serviceAccountDeleted(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '131', '222']);
  const drained = names[1] ?? '';
  const d = nodes[1];
  if (d?.spec) d.spec = { ...d.spec, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(41))) }] };
  const image = (v: string) => `${ECR}/storefront/cart-api:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'cart-api',
    containers: [container({ image: image(v), ports: [8080], memory: '512Mi', env: [{ name: 'REDIS_URL', value: 'redis://cart-redis.storefront.svc:6379/0' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 23 * DAYS, changeCause: 'argocd: cart-api 2.19.0', template: tpl('2.19.0') },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-api 2.19.1', template: tpl('2.19.1') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 14, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 },
    ],
    conditions: [
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: '', lastUpdateTime: new Date(Date.parse(at(9 * DAYS - 3))), lastTransitionTime: new Date(Date.parse(at(9 * DAYS - 3))) },
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: new Date(Date.parse(at(41))), lastTransitionTime: new Date(Date.parse(at(41))) },
    ],
  });
  const rsName = rsOf(app, 14);
  const failed = `Error creating: pods "${rsName}-" is forbidden: error looking up service account ${ns}/cart-api: serviceaccount "cart-api" not found`;
  const dep = deploymentOf(app) as k8s.V1Deployment;
  const progressing = dep.status?.conditions?.[0];
  if (progressing) progressing.message = `ReplicaSet "${rsName}" has successfully progressed.`;
  dep.status?.conditions?.push({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failed, lastUpdateTime: new Date(Date.parse(at(41))), lastTransitionTime: new Date(Date.parse(at(41))) });
  if (dep.status) dep.status.unavailableReplicas = 1;
  const rs = replicaSetOf(app, 14) as k8s.V1ReplicaSet;
  if (rs.spec) rs.spec.replicas = 3;
  if (rs.status) rs.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failed, lastTransitionTime: new Date(Date.parse(at(41))) }];
  const other = bystander(ns, 'cart-web', names, 26, { revisions: [57, 58], versions: ['5.2.3', '5.2.4'], olderAgo: 6 * DAYS });
  const janitorJob = job({
    namespace: ns,
    name: 'ns-janitor-storefront-29409120',
    template: { serviceAccountName: 'ns-janitor', containers: [batchContainer({ name: 'janitor', image: 'docker.io/bitnami/kubectl:1.31.2', command: ['/scripts/cleanup.sh'], memory: '64Mi' })] },
    createdAgo: 2 * DAYS + 3 * HOURS,
    pods: [{ node: names[2] ?? '', createdAgo: 2 * DAYS + 3 * HOURS, phase: 'Succeeded', containers: { janitor: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 3 * HOURS - 1, ranSeconds: 22 }) } }],
    outcome: { complete: true, ago: 2 * DAYS + 3 * HOURS - 1 },
  });
  const janitorPod = podOf(janitorJob, 0);
  return {
    id: 'heldout85-serviceaccount-deleted-replicaset-failedcreate',
    class: 'config',
    truth: 'Two days ago a namespace clean-up Job deleted ServiceAccounts it believed unused, among them cart-api, which the cart-api Deployment runs as. The two running pods were admitted before and keep running, but 41 minutes ago a drain of ip-10-0-96-131 evicted the third, and the ReplicaSet cannot create its replacement: admission rejects every pod (FailedCreate: error looking up service account storefront/cart-api: serviceaccount "cart-api" not found). The Deployment runs 2 of 3 replicas. Fix: recreate the ServiceAccount (and exclude it from the clean-up); the image and revision 14 are innocent.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...janitorJob.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-web', selector: { app: 'cart-web' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 58), 2, 1, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 57), 0, 1, 25),
      event({ on: { kind: 'Node', name: drained }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${drained} status is now: NodeNotSchedulable`, firstAgo: 41, lastAgo: 41 }),
      event({ on: { kind: 'ReplicaSet', metadata: rs.metadata ?? {} }, reason: 'FailedCreate', message: failed, count: 19, firstAgo: 41, lastAgo: 2.4, component: 'replicaset-controller' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(3.2 - k * 0.1)}","msg":"request","method":"POST","path":"/v1/carts/items","status":201,"duration_ms":${18 + k}}`,
        `{"level":"info","ts":"${at(1.1 - k * 0.1)}","msg":"request","method":"GET","path":"/v1/carts/current","status":200,"duration_ms":${7 + k}}`,
        `{"level":"info","ts":"${at(0.3)}","msg":"redis pool stats","active":4,"idle":12}`,
      ) })),
      logsFor(janitorPod, 'janitor', { current: lines(
        'cleanup: namespace storefront: looking for service accounts not referenced by running workloads older than 30d',
        'serviceaccount "batch-export" deleted',
        'serviceaccount "cart-api" deleted',
        'serviceaccount "legacy-promo-sync" deleted',
        'cleanup: done (3 deleted)',
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/service ?account/i],
      facts: [lit('serviceaccount "cart-api" not found'), /FailedCreate|forbidden/i, /cart-api/],
      never: [ADVISES_ROLLBACK, /cart-web/, /\bOOM|crash ?loop|insufficient (cpu|memory)/i],
    },
  };
}

// ---- 2. cloud-sql-proxy sidecar: IAM binding removed ----------------------------------------------

function cloudSqlProxyNotAuthorized(): CorpusScenario {
  const ns = 'billing';
  const gke = ['x7kq', 'm2vd', 'r9tn'].map((s, i) => node({ name: `gke-prod-eu-default-pool-3f9a1c2e-${s}`, zone: `europe-west1-${['b', 'c', 'd'][i]}`, instanceType: 'e2-standard-4', pool: 'default-pool', createdAgo: 20 * DAYS }));
  const names = gke.map(nameOf);
  const conn = 'acme-prod:europe-west1:billing-pg';
  const proxyImage = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1';
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod/apps/invoice-service:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'invoice-service',
    containers: [
      container({ image: image(v), ports: [8000], memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgresql://invoice@127.0.0.1:5432/billing' }], readiness: httpProbe('/ready', 8000, { timeoutSeconds: 3 }), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) }),
      container({ name: 'cloud-sql-proxy', image: proxyImage, args: ['--port=5432', '--auto-iam-authn=false', conn], ports: [], cpu: '100m', memory: '128Mi', readiness: null, liveness: null, securityContext: { runAsNonRoot: true } }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 16 * DAYS, changeCause: 'argocd: invoice-service 1.31.0', template: tpl('1.31.0') },
      { revision: 9, createdAgo: 3 * DAYS, changeCause: 'argocd: invoice-service 1.31.1', template: tpl('1.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 3 * DAYS - k, containers: { app: running({ sinceAgo: 3 * DAYS - k - 0.5, ready: false }) } })),
    settled: { available: false, availableSince: 27, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 4 },
  });
  const other = bystander(ns, 'invoice-pdf-renderer', names, 48, { revisions: [20, 21], versions: ['0.9.4', '0.9.5'], olderAgo: 11 * DAYS });
  const denied = `googleapi: Error 403: boss::NOT_AUTHORIZED: Not authorized to access resource. Possibly missing permission cloudsql.instances.connect on resource instances/billing-pg., forbidden`;
  const proxyLog = (k: number) => {
    const out = [
      `${goTime(3 * DAYS - k - 0.4)} Authorizing with Application Default Credentials`,
      `${goTime(3 * DAYS - k - 0.4)} [${conn}] Listening on 127.0.0.1:5432`,
      `${goTime(3 * DAYS - k - 0.4)} The proxy has started successfully and is ready for new connections!`,
      `${goTime(31 + k * 0.2)} [${conn}] Accepted connection from 127.0.0.1:${41210 + k * 7}`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 26.5 - i * 3 - k * 0.1;
      out.push(`${goTime(t)} [${conn}] Accepted connection from 127.0.0.1:${52000 + i * 31 + k}`);
      out.push(`${goTime(t)} [${conn}] failed to connect to instance: Refresh error: failed to get ephemeral certificate (connection name = "${conn}"): ${denied}`);
    }
    return lines(...out);
  };
  const appLog = (k: number) => {
    const out = [
      `${pyTime(3 * DAYS - k - 0.3)} INFO [uvicorn.error] Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
      `${pyTime(29 + k * 0.1)} INFO [uvicorn.access] 10.8.1.1:0 - "GET /v1/invoices/INV-2026-118204 HTTP/1.1" 200`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 26.4 - i * 4 - k * 0.1;
      out.push(`${pyTime(t)} ERROR [invoice.db] database unavailable`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/invoice/db.py", line 41, in ping');
      out.push('    with engine.connect() as conn:');
      out.push('sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "127.0.0.1", port 5432 failed: server closed the connection unexpectedly');
      out.push('\tThis probably means the server terminated abnormally');
      out.push('\tbefore or while processing the request.');
      out.push(`${pyTime(t - 0.01)} INFO [uvicorn.access] 10.8.1.1:0 - "GET /ready HTTP/1.1" 503`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout85-cloudsql-proxy-iam-binding-removed',
    class: 'config',
    truth: 'An IAM clean-up removed the Cloud SQL Client role binding of the Google service account invoice-service impersonates through Workload Identity. About 27 minutes ago the cloud-sql-proxy sidecar (v2.14.1) had to refresh its ephemeral certificate and every new connection now fails with 403 NOT_AUTHORIZED (missing permission cloudsql.instances.connect on billing-pg); the app\'s connections to 127.0.0.1:5432 are closed, /ready answers 503 and all three pods are out of the Service. Nothing in the cluster changed; fix: restore roles/cloudsql.client on the Google service account.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 21), 2, 0, 48),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 0, 2, 46),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 160, firstAgo: 27, lastAgo: 0.1 })),
    ],
    logs: app.pods.flatMap((p, k) => [logsFor(p, 'cloud-sql-proxy', { current: proxyLog(k) }), logsFor(p, 'app', { current: appLog(k) })]),
    expect: {
      verdict: 'problems',
      headline: [/cloud[- ]?sql|proxy/i, /403|NOT_AUTHORIZED|not authori[sz]ed|permission|IAM/i],
      facts: [lit('cloudsql.instances.connect'), /5432/, /readiness|not ready|503/i],
      never: [ADVISES_ROLLBACK, /invoice-pdf-renderer/, /\bOOM|crash ?loop/i],
    },
  };
}

// ---- 3. Celery beat scaled to 2 replicas ----------------------------------------------------------

function celeryBeatScaledToTwo(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.54', ['9', '140', '201']);
  const image = `${ECR}/notifications/reminders:4.6.2`;
  const beat = deploymentApp({
    namespace: ns,
    name: 'reminder-beat',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 20 * DAYS, changeCause: 'argocd: reminders 4.6.2', template: { containers: [batchContainer({ name: 'beat', image, command: ['celery', '-A', 'reminders', 'beat', '--loglevel=INFO', '--schedule=/tmp/celerybeat-schedule'], memory: '256Mi' })] } }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 3 * HOURS + 7 }],
    settled: { available: true, availableSince: 20 * DAYS, progressingSince: 20 * DAYS },
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'reminder-worker',
    replicas: 3,
    revisions: [{ revision: 6, createdAgo: 20 * DAYS, changeCause: 'argocd: reminders 4.6.2', template: { containers: [batchContainer({ name: 'worker', image, command: ['celery', '-A', 'reminders', 'worker', '--loglevel=INFO', '--concurrency=4'], memory: '768Mi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, node: names[k] ?? '', createdAgo: 20 * DAYS - k })),
  });
  const other = bystander(ns, 'notification-api', names, 35, { revisions: [44, 45], versions: ['3.12.0', '3.12.1'], olderAgo: 9 * DAYS });
  const tasks: [string, string, number][] = [
    ['charge-due-subscriptions', 'billing.tasks.charge_due_subscriptions', 60],
    ['send-renewal-reminders', 'reminders.tasks.send_renewal_reminders', 30],
    ['send-abandoned-cart-emails', 'reminders.tasks.send_abandoned_cart_emails', 15],
  ];
  const beatLog = (startAgo: number, jitter: number) => {
    const out = [
      `celery beat v5.4.0 (opalescent) is starting.`,
      `__    -    ... __   -        _`,
      `LocalTime -> ${pyTime(startAgo).slice(0, 19)}`,
      `Configuration ->`,
      `    . broker -> redis://notifications-redis.notifications.svc:6379/0`,
      `    . loader -> celery.loaders.app.AppLoader`,
      `    . scheduler -> celery.beat.PersistentScheduler`,
      `    . db -> /tmp/celerybeat-schedule`,
      `    . logfile -> [stderr]@%INFO`,
      `    . maxinterval -> 5.00 minutes (300s)`,
      `[${pyTime(startAgo - 0.01)}: INFO/MainProcess] beat: Starting...`,
    ];
    // NOW is 03:14; due minutes 02:00 .. 03:00.
    for (const m of [74, 59, 44, 29, 14]) {
      for (const [name, task, every] of tasks) {
        const minuteOfHour = (((14 - m) % 60) + 60) % 60;
        if (minuteOfHour % every !== 0 || m > startAgo) continue;
        out.push(`[${pyTime(m + jitter)}: INFO/MainProcess] Scheduler: Sending due task ${name} (${task})`);
      }
    }
    return lines(...out);
  };
  const workerLog = (k: number) => {
    const out: string[] = [];
    let n = 0;
    for (const m of [74, 44, 14]) {
      for (const [, task] of tasks.slice(1)) {
        for (const copy of [0, 1]) {
          if ((n++ + k) % 3 !== 0) continue;
          const id = `${(0x3f1c0000 + m * 977 + copy * 131 + k * 17).toString(16)}-6a2e-4d8b-9c11-${(0x50e2a1b7c3d4 + m * 31 + copy).toString(16)}`;
          out.push(`[${pyTime(m - 0.01 - copy * 0.005)}: INFO/MainProcess] Task ${task}[${id}] received`);
          out.push(`[${pyTime(m - 0.2 - copy * 0.01)}: INFO/ForkPoolWorker-${1 + copy}] Task ${task}[${id}] succeeded in ${(9.4 + m / 10 + copy).toFixed(2)}s: {'sent': ${212 + m}}`);
        }
      }
    }
    const cid = (copy: number) => `${(0x7b20a000 + copy * 4099 + k).toString(16)}-1f3c-4e2a-8d5b-${(0x9a0c3e11f2b7 + copy).toString(16)}`;
    if (k < 2) out.splice(0, 0, `[${pyTime(74 - 0.01)}: INFO/MainProcess] Task billing.tasks.charge_due_subscriptions[${cid(k)}] received`);
    if (k < 2) out.splice(2, 0, `[${pyTime(74 - 1.9)}: INFO/ForkPoolWorker-3] Task billing.tasks.charge_due_subscriptions[${cid(k)}] succeeded in 113.62s: {'charged': 87, 'failed': 0}`);
    return lines(...out);
  };
  return {
    id: 'heldout85-celery-beat-scaled-to-two',
    class: 'config',
    truth: 'Three hours ago someone ran `kubectl scale deployment reminder-beat --replicas=2` (to "make it highly available"). Celery beat is a singleton scheduler: both pods now send every periodic task (Scheduler: Sending due task … in both logs), so the workers run each reminder and each subscription charge twice and customers get duplicate e-mails and charges. All pods are Ready and nothing logs an error. Fix: scale reminder-beat back to 1 (or use a locked scheduler).',
    ask: { service: 'reminder-beat', namespace: ns },
    objects: [
      ...nodes, ...beat.objects, ...worker.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notification-api', selector: { app: 'notification-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 45), 2, 0, 35),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 44), 0, 2, 33),
    ],
    logs: [
      logsFor(podOf(beat, 0), 'beat', { current: beatLog(20 * DAYS - 0.5, -0.00002) }),
      logsFor(podOf(beat, 1), 'beat', { current: beatLog(3 * HOURS + 6.5, -0.0004) }),
      ...worker.pods.map((p, k) => logsFor(p, 'worker', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/beat/i, /replica|twice|duplicate|two|scal/i],
      facts: [/duplicate|twice|both (pods|beat|schedulers?)|two (pods|beat|schedulers?)/i, /\b2\b[^\n]*replica|replicas?[^\n]*\b2\b|1 to 2|from 1/i],
      never: [ADVISES_ROLLBACK, /crash ?loop|\bOOM/i, /notification-api/],
    },
  };
}

// ---- 4. /tmp emptyDir sizeLimit: evictions since revision 22 --------------------------------------

function emptyDirSizeLimitEvictions(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.203', ['18', '97', '166']);
  const image = (v: string) => `${ECR}/media/upload-gateway:${v}`;
  const base = (v: string, buffered: boolean) => ({
    ...(buffered ? { volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '512Mi' } }] } : {}),
    containers: [container({
      image: image(v), ports: [8080], memory: '1Gi',
      env: [{ name: 'S3_BUCKET', value: 'acme-media-uploads-prod' }, { name: 'UPLOAD_MODE', value: buffered ? 'buffered' : 'stream' }, ...(buffered ? [{ name: 'UPLOAD_BUFFER_DIR', value: '/tmp' }] : []), { name: 'MAX_UPLOAD_BYTES', value: '2147483648' }],
      ...(buffered ? { volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] } : {}),
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true },
    })],
  });
  const msg = 'Usage of EmptyDir volume "tmp" exceeds the limit "512Mi". ';
  const evicted = (createdAgo: number, evictedAgo: number, node: string) => ({
    revision: 22, node, createdAgo, ...kubeletEviction(msg, evictedAgo),
    containers: { app: terminated({ exitCode: 137, reason: 'Error', finishedAgo: evictedAgo - 0.5, ranSeconds: (createdAgo - evictedAgo) * 60 }) },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'upload-gateway',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 12 * DAYS, changeCause: 'argocd: upload-gateway 3.7.4', template: base('3.7.4', false) },
      { revision: 22, createdAgo: 44, changeCause: 'argocd: upload-gateway 3.8.0', template: base('3.8.0', true) },
    ],
    pods: [
      evicted(43, 31, names[0] ?? ''),
      evicted(42, 24, names[1] ?? ''),
      evicted(31, 17, names[2] ?? ''),
      evicted(24, 9, names[0] ?? ''),
      { revision: 22, node: names[2] ?? '', createdAgo: 41 },
      { revision: 22, node: names[1] ?? '', createdAgo: 17 },
      { revision: 22, node: names[0] ?? '', createdAgo: 9 },
    ],
    settled: { available: true, availableSince: 40, progressingSince: 44, progressingUpdatedAgo: 40 },
  });
  const other = bystander(ns, 'upload-thumbnailer', names, 21, { revisions: [30, 31], versions: ['1.4.0', '1.4.1'], olderAgo: 15 * DAYS });
  const ev = app.pods.slice(0, 4);
  const when = [31, 24, 17, 9];
  const rs = replicaSetOf(app, 22);
  const uploadLog = (startAgo: number, endAgo: number, k: number) => {
    const out = [`{"level":30,"time":"${at(startAgo - 0.2)}","pid":1,"msg":"upload-gateway 3.8.0 listening on :8080","uploadMode":"buffered","bufferDir":"/tmp"}`];
    for (let t = startAgo - 1, i = 0; t > endAgo + 0.2; t -= 1.3, i++) {
      const size = 180 + ((i * 37 + k * 53) % 420);
      out.push(`{"level":30,"time":"${at(t)}","pid":1,"reqId":"req-${(k * 1000 + i).toString(36)}","msg":"buffering upload","file":"/tmp/upload-${(0x9f3a + i * 113 + k).toString(16)}.part","contentLength":${size * 1048576}}`);
      if (i % 2 === 0) out.push(`{"level":30,"time":"${at(t - 0.4)}","pid":1,"reqId":"req-${(k * 1000 + i).toString(36)}","msg":"upload stored","bucket":"acme-media-uploads-prod","bytes":${size * 1048576},"durationMs":${9000 + i * 411}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout85-emptydir-sizelimit-evictions',
    class: 'storage',
    truth: 'Revision 22 of upload-gateway (3.8.0, 44 minutes ago) switched uploads from streaming to buffering them in /tmp, an emptyDir with sizeLimit 512Mi (the root filesystem is read-only). Concurrent large uploads fill it, and the kubelet evicts the pod: Usage of EmptyDir volume "tmp" exceeds the limit "512Mi". Four pods were evicted so far; each replacement fills up and is evicted again, dropping uploads in flight. Nodes have no disk pressure; fix: raise the sizeLimit (or stream again / roll back to revision 21).',
    ask: { service: 'upload-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'upload-gateway', selector: { app: 'upload-gateway' }, pods: app.pods.slice(4) }),
      ...exposed({ namespace: ns, name: 'upload-thumbnailer', selector: { app: 'upload-thumbnailer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 3, 1, 42),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 0, 1, 40),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 21),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 20),
      ...ev.flatMap((p, i) => [
        event({ on: p, reason: 'Evicted', message: msg, firstAgo: when[i] ?? 1, lastAgo: when[i] ?? 1 }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: when[i] ?? 1, lastAgo: when[i] ?? 1, fieldPath: 'spec.containers{app}' }),
      ]),
      ...app.pods.slice(4).flatMap((p, i) => [event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: [41, 17, 9][i] ?? 1, lastAgo: [41, 17, 9][i] ?? 1, component: 'replicaset-controller' })]),
      ...startedNormally(podOf(app, 6), 'app', image('3.8.0'), 9),
    ],
    logs: [
      ...app.pods.slice(4).map((p, k) => logsFor(p, 'app', { current: uploadLog([41, 17, 9][k] ?? 9, 0, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/evict/i, /empty ?dir|\/tmp|\btmp\b|512Mi|size ?limit/i],
      facts: [lit('exceeds the limit "512Mi"'), /revision 22|3\.8\.0|sizeLimit|size limit/i],
      never: [/\bOOM/i, /disk ?pressure|node[^\n]*(disk|ephemeral)[^\n]*full/i, /upload-thumbnailer/],
    },
  };
}

// ---- 5. MongoDB index dropped by a migration Job ---------------------------------------------------

function mongoIndexDroppedSortLimit(): CorpusScenario {
  const ns = 'marketplace';
  const { nodes, names } = threeEksNodes('10.0.118', ['25', '142', '230']);
  const image = (v: string) => `${ECR}/marketplace/listing-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '768Mi', env: [{ name: 'MONGODB_URI', value: 'mongodb://listing-mongo-0.listing-mongo.marketplace.svc:27017,listing-mongo-1.listing-mongo.marketplace.svc:27017/marketplace?replicaSet=rs0' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'listing-api',
    replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 14 * DAYS, changeCause: 'argocd: listing-api 7.3.0', template: tpl('7.3.0') },
      { revision: 53, createdAgo: 5 * DAYS, changeCause: 'argocd: listing-api 7.3.1', template: tpl('7.3.1') },
    ],
    pods: [
      { revision: 53, node: names[0] ?? '', createdAgo: 5 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 2 * 86400 } }) } },
      { revision: 53, node: names[1] ?? '', createdAgo: 5 * DAYS - 1 },
      { revision: 53, node: names[2] ?? '', createdAgo: 5 * DAYS - 2 },
    ],
  });
  const migImage = `${ECR}/marketplace/listing-migrations:2026.11.21-1`;
  const mig = job({
    namespace: ns,
    name: 'listing-migrate-20261121-0208',
    template: { containers: [batchContainer({ name: 'migrate', image: migImage, command: ['npx', 'migrate-mongo', 'up'], memory: '256Mi' })] },
    backoffLimit: 0,
    createdAgo: 66,
    pods: [{ node: names[1] ?? '', createdAgo: 66, phase: 'Succeeded', containers: { migrate: terminated({ exitCode: 0, finishedAgo: 65, ranSeconds: 38 }) } }],
    outcome: { complete: true, ago: 65 },
  });
  const other = bystander(ns, 'listing-indexer', names, 29, { revisions: [18, 19], versions: ['2.0.6', '2.0.7'], olderAgo: 10 * DAYS });
  const err = 'Executor error during find command :: caused by :: Sort exceeded memory limit of 104857600 bytes, but did not opt in to external sorting.';
  const apiLog = (k: number) => {
    const out = [`{"level":30,"time":${Date.parse(at(70 - k))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"GET","url":"/v1/listings?category=furniture&status=active&sort=-createdAt&page=1"},"res":{"statusCode":200},"responseTime":41,"msg":"request completed"}`];
    for (let i = 0; i < 10; i++) {
      const t = 58 - i * 5.5 - k * 0.2;
      const cat = ['furniture', 'electronics', 'bikes', 'garden', 'toys'][(i + k) % 5];
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(app.pods[k])}","err":{"type":"MongoServerError","message":"${err}","stack":"MongoServerError: ${err}\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:299:27)\\n    at async FindCursor._initialize (/app/node_modules/mongodb/lib/cursor/find_cursor.js:66:26)","ok":0,"code":292,"codeName":"QueryExceededMemoryLimitNoDiskUseAllowed","errorLabelSet":{}},"msg":"listListings failed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"GET","url":"/v1/listings?category=${cat}&status=active&sort=-createdAt&page=1"},"res":{"statusCode":500},"responseTime":${2100 + i * 83},"msg":"request completed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.3))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"GET","url":"/v1/listings/L-${884120 + i * 7 + k}"},"res":{"statusCode":200},"responseTime":${6 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout85-mongo-index-dropped-sort-memory-limit',
    class: 'config',
    truth: 'The migration Job listing-migrate-20261121-0208 (66 minutes ago) ran 20261121-drop-legacy-indexes, which dropped the listings index {status:1, category:1, createdAt:-1} as "unused". Since then the listing endpoint GET /v1/listings (filter by status and category, sort by -createdAt) sorts in memory and MongoDB refuses: Sort exceeded memory limit of 104857600 bytes, but did not opt in to external sorting (code 292 QueryExceededMemoryLimitNoDiskUseAllowed); listing-api answers 500 on that route while its pods stay Ready and other routes work. Fix: recreate the index; listing-api revision 53 is innocent.',
    ask: { service: 'listing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mig.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'listing-api', selector: { app: 'listing-api' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 29),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 0, 2, 27),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(podOf(mig, 0))}`, 66),
      jobEvent(mig.objects[0], 'Completed', 'Job completed', 65),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(mig, 0), 'migrate', { current: lines(
        'MIGRATED UP: 20261119-add-seller-rating-field.js',
        'MIGRATED UP: 20261121-drop-legacy-indexes.js',
        '[drop-legacy-indexes] listings: dropped index status_1_category_1_createdAt_-1',
        '[drop-legacy-indexes] listings: dropped index sellerId_1_legacyRef_1',
        '[drop-legacy-indexes] done: 2 indexes dropped',
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sort|memory limit|292|QueryExceededMemoryLimit/i, /index|migrat/i],
      facts: [lit('Sort exceeded memory limit of 104857600 bytes'), /listing-migrate-20261121-0208|drop-legacy-indexes|migration/i, /\/v1\/listings|500/],
      never: [ADVISES_ROLLBACK, /OOMKill|out of memory|raise[^\n]*(container|pod)[^\n]*memory/i, /listing-indexer/],
    },
  };
}

// ---- 6. reporting CronJob cancelled by recovery conflicts on a hot standby -------------------------

function standbyRecoveryConflict(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.77', ['33', '150', '212']);
  const image = `${ECR}/analytics/revenue-report:1.9.2`;
  const replica = 'reporting-replica.c9xk2m1q7r.eu-west-1.rds.amazonaws.com';
  const tpl = { containers: [batchContainer({ name: 'report', image, command: ['python', '-m', 'revenue_report'], memory: '512Mi', env: [{ name: 'PGHOST', value: replica }, { name: 'PGDATABASE', value: 'commerce' }, { name: 'PGUSER', value: 'report_ro' }] })] };
  const okRun = (createdAgo: number, secs: number) => ({ createdAgo, pods: [{ node: names[createdAgo % 3] ?? '', createdAgo, phase: 'Succeeded' as const, containers: { report: terminated({ exitCode: 0, finishedAgo: createdAgo - secs / 60 - 0.1, ranSeconds: secs }) } }], outcome: { complete: true as const, ago: createdAgo - secs / 60 - 0.1 } });
  const cj = cronJob({
    namespace: ns,
    name: 'revenue-report',
    schedule: '0 * * * *',
    template: tpl,
    backoffLimit: 1,
    jobs: [
      okRun(374, 231),
      okRun(314, 262),
      okRun(254, 287),
      {
        createdAgo: 14,
        pods: [
          { node: names[0] ?? '', createdAgo: 14, phase: 'Failed', containers: { report: terminated({ exitCode: 1, finishedAgo: 7.5, ranSeconds: 386 }) } },
          { node: names[2] ?? '', createdAgo: 7.4, phase: 'Failed', containers: { report: terminated({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 344 }) } },
        ],
        outcome: { failed: 'BackoffLimitExceeded', ago: 1.5 },
      },
    ],
    lastSuccessfulAgo: 254 - 287 / 60 - 0.1,
  });
  const failedJob = cj.jobs[3];
  const other = bystander(ns, 'analytics-dashboard', names, 38, { revisions: [26, 27], versions: ['8.1.0', '8.1.1'], olderAgo: 13 * DAYS });
  const okLog = (j: Built, startAgo: number, secs: number, rows: number) => logsFor(podOf(j, 0), 'report', { current: lines(
    `${pyTime(startAgo - 0.05)} INFO revenue_report: connecting to ${replica}:5432/commerce as report_ro`,
    `${pyTime(startAgo - 0.06)} INFO revenue_report: building revenue rollup 2026-11-01..${pyTime(startAgo).slice(0, 10)}`,
    `${pyTime(startAgo - secs / 60)} INFO revenue_report: rollup query done in ${(secs - 4.2).toFixed(1)}s, ${rows} rows`,
    `${pyTime(startAgo - secs / 60 - 0.02)} INFO revenue_report: wrote s3://acme-analytics-reports/revenue/hourly.parquet`,
  ) });
  const failLog = (startAgo: number, secs: number) => lines(
    `${pyTime(startAgo - 0.05)} INFO revenue_report: connecting to ${replica}:5432/commerce as report_ro`,
    `${pyTime(startAgo - 0.06)} INFO revenue_report: building revenue rollup 2026-11-01..2026-11-21`,
    `${pyTime(startAgo - secs / 60)} ERROR revenue_report: rollup query failed after ${(secs - 0.8).toFixed(1)}s`,
    'Traceback (most recent call last):',
    '  File "/app/revenue_report/__main__.py", line 112, in main',
    '    cur.execute(ROLLUP_SQL, params)',
    'psycopg2.errors.SerializationFailure: canceling statement due to conflict with recovery',
    'DETAIL:  User query might have needed to see row versions that must be removed.',
  );
  const jobObj = failedJob?.objects[0];
  return {
    id: 'heldout85-cronjob-standby-recovery-conflict',
    class: 'jobs',
    truth: 'revenue-report reads from the RDS PostgreSQL read replica (a hot standby). The month-to-date rollup query has grown with the data (231 s, 262 s, 287 s in the last successful runs) and now runs past the replica\'s max_standby_streaming_delay while VACUUM on the primary removes row versions it still needs: the standby cancels it with "canceling statement due to conflict with recovery" (User query might have needed to see row versions that must be removed), so both attempts of the 03:00 run failed and the Job hit its backoff limit. Nothing changed in the cluster; fix on the database side (hot_standby_feedback or a larger max_standby_streaming_delay, or a faster/incremental query).',
    ask: { service: 'revenue-report', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'analytics-dashboard', selector: { app: 'analytics-dashboard' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 27), 2, 0, 38),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 26), 0, 2, 36),
      cronJobEvent(cj.objects[0], 'SuccessfulCreate', `Created job ${nameOf(jobObj)}`, 14),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(failedJob?.pods[0])}`, 14),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(failedJob?.pods[1])}`, 7.4),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 1.5, 'Warning'),
      cronJobEvent(cj.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(jobObj)}, condition: Failed`, 1.5),
    ],
    logs: [
      ...(cj.jobs.slice(0, 3).map((j, i) => okLog(j, [374, 314, 254][i] ?? 0, [231, 262, 287][i] ?? 0, [1912, 1936, 1960][i] ?? 0))),
      ...(failedJob ? [logsFor(failedJob.pods[0], 'report', { current: failLog(14, 386) }), logsFor(failedJob.pods[1], 'report', { current: failLog(7.4, 344) })] : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/conflict with recovery|recovery conflict|standby|replica/i],
      facts: [lit('conflict with recovery'), /revenue-report/, /BackoffLimitExceeded|backoff limit|failed/i],
      never: [/\bOOM/i, /DeadlineExceeded|active ?deadline/i, /analytics-dashboard/],
    },
  };
}

// ---- 7. healthy: a one-off LEADER_NOT_AVAILABLE at producer start-up -----------------------------

function kafkaLeaderNotAvailableOnce(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.141', ['12', '99', '187']);
  const image = (v: string) => `${ECR}/orders/order-events:${v}`;
  const tpl = (v: string, topic: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '1Gi', env: [{ name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-bootstrap.kafka.svc:9092' }, { name: 'ORDERS_TOPIC', value: topic }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 8 * DAYS, changeCause: 'argocd: order-events 2.14.0', template: tpl('2.14.0', 'orders.fulfilment.v1') },
      { revision: 41, createdAgo: 19, changeCause: 'argocd: order-events 2.15.0', template: tpl('2.15.0', 'orders.fulfilment.v2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 18.5 - k * 1.2 })),
  });
  const other = bystander(ns, 'order-api', names, 3 * HOURS, { revisions: [88, 89], versions: ['6.0.2', '6.0.3'], olderAgo: 4 * DAYS });
  const t = (m: number) => at(m);
  const log = (k: number, start: number) => {
    const th = '[order-events] [ad | producer-1]';
    const out = [
      `${t(start - 0.05)}  INFO 1 --- [order-events] [           main] c.a.orders.events.OrderEventsApplication : Starting OrderEventsApplication v2.15.0 using Java 21.0.5 with PID 1`,
      `${t(start - 0.3)}  INFO 1 --- [order-events] [           main] o.a.k.clients.producer.ProducerConfig    : ProducerConfig values: acks = -1, bootstrap.servers = [kafka-bootstrap.kafka.svc:9092], client.id = producer-1, enable.idempotence = true`,
      `${t(start - 0.31)}  INFO 1 --- [order-events] [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version: 3.7.1`,
      `${t(start - 0.33)}  INFO 1 --- [order-events] [           main] c.a.orders.events.OrderEventsApplication : Started OrderEventsApplication in 11.842 seconds (process running for 12.611)`,
      `${t(start - 0.5)}  INFO 1 --- [order-events] [ad | producer-1] org.apache.kafka.clients.Metadata        : [Producer clientId=producer-1] Cluster ID: q3bK7xWmTZ-2nY8fR1c0Lg`,
    ];
    if (k === 0) out.push(`${t(start - 0.51)}  WARN 1 --- ${th} org.apache.kafka.clients.NetworkClient   : [Producer clientId=producer-1] Error while fetching metadata with correlation id 1 : {orders.fulfilment.v2=LEADER_NOT_AVAILABLE}`);
    out.push(`${t(start - 0.52)}  INFO 1 --- ${th} o.a.k.c.p.internals.TransactionManager   : [Producer clientId=producer-1] ProducerId set to ${4410 + k} with epoch 0`);
    for (let m = start - 1; m > 0.2; m -= 2.5) out.push(`${t(m)}  INFO 1 --- [order-events] [nio-8080-exec-${1 + (Math.round(m) % 8)}] c.a.orders.events.FulfilmentPublisher    : published fulfilment event order=ORD-${(731204 + Math.round(m * 13) + k * 101)} partition=${Math.round(m) % 12} offset=${18200 + Math.round(m * 37)}`);
    return lines(...out);
  };
  return {
    id: 'heldout85-healthy-kafka-leader-not-available-once',
    class: 'healthy',
    truth: 'order-events 2.15.0 (revision 41, 19 minutes ago) publishes to a new topic, orders.fulfilment.v2, auto-created on first use. The first producer logged the usual one-off warning "Error while fetching metadata with correlation id 1 : {orders.fulfilment.v2=LEADER_NOT_AVAILABLE}" while the topic\'s partitions elected leaders, then every pod publishes normally. All three pods are Ready with no restarts; nothing is wrong.',
    ask: { service: 'order-events', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 19),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 2, 3, 18),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 2, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 1, 16),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.15.0'), 18.4 - k * 1.2)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k, 18.3 - k * 1.2) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|running normally|all[^\n]*ready/i],
      facts: [/order-events/],
      never: [/LEADER_NOT_AVAILABLE[^\n]*(caus|fail|broke|problem)/i, /kafka[^\n]*(down|unavailable|outage|unreachable)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  serviceAccountDeleted(),
  cloudSqlProxyNotAuthorized(),
  celeryBeatScaledToTwo(),
  emptyDirSizeLimitEvictions(),
  mongoIndexDroppedSortLimit(),
  standbyRecoveryConflict(),
  kafkaLeaderNotAvailableOnce(),
];
