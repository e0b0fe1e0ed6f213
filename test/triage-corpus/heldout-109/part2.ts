// Held-out stories, round 109, part two (written blind, without reading the analysis code):
// (capacity/nodes) a gunicorn service whose config sizes workers as cpu_count() * 2 + 1, OOMKilled
// only on the new 96-core m6i.24xlarge node pool while the same revision runs fine on the 8-core
// nodes; (rollout) a hardening revision that set automountServiceAccountToken: false, so the Go
// dispatcher's client-go cannot load its in-cluster configuration (no token file); (config) a
// MongoDB StatefulSet upgraded to 8.0 whose servers an old mongoose / Node.js driver 3.6 refuses on
// the wire version; (network) Redis moved to cluster mode while session-api still uses a plain,
// not cluster-aware client and gets "MOVED <slot> <ip>:6379" on most keys; (storage, my choice) a
// revision that added fsGroup to a Nexus StatefulSet whose 2 TiB volume holds millions of files, so
// the kubelet's recursive ownership change keeps the pod in ContainerCreating (FailedMount,
// VolumePermissionChangeInProgress) — fsGroupChangePolicy OnRootMismatch was missing; (network, my
// choice) a new Deployment copied from the checkout chart kept the label the checkout Service
// selects on, so the Service load-balances a share of checkout's traffic to the email worker's
// pods, which answer 404; and a healthy control: an hourly CronJob whose last runs all succeeded,
// with one failed Job from six hours ago kept by failedJobsHistoryLimit.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, cronJobEvent,
  deploymentApp, epochMs, event, exposed, httpProbe, job, jobEvent, nameOf, node, pv, pvc, pyTime, restartedAgain,
  rsOf, running, scheduled, service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, terminated, waiting,
  createdPod, nodeEvent, volumeOf, replicaSetOf, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** gunicorn's log time: `[2026-11-21 03:12:41 +0000]`. */
const gTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. gunicorn workers = cpu_count() * 2 + 1 on a new 96-core node pool ------------------------------

function gunicornWorkersPerCpuOn96Cores(): CorpusScenario {
  const ns = 'pricing';
  const small = ['41', '118'].map((h, i) => {
    const n = node({ name: eksNodeName(`10.0.64.${h}`), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'm6i.2xlarge', pool: 'general-8c', createdAgo: 140 * DAYS, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '31369892Ki', pods: '58' } });
    if (n.status) n.status.capacity = { cpu: '8', 'ephemeral-storage': '83873772Ki', memory: '32386724Ki', pods: '58' };
    return n;
  });
  const big = ['23', '187'].map((h, i) => {
    const n = node({ name: eksNodeName(`10.0.66.${h}`), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', instanceType: 'm6i.24xlarge', pool: 'general-96c', createdAgo: 26 * HOURS, allocatable: { cpu: '95690m', 'ephemeral-storage': '76224326324', memory: '387440064Ki', pods: '737' } });
    if (n.status) n.status.capacity = { cpu: '96', 'ephemeral-storage': '83873772Ki', memory: '393001644Ki', pods: '737' };
    return n;
  });
  const [s0, s1] = small.map(nameOf);
  const [b0, b1] = big.map(nameOf);
  const image = `${ECR}/pricing/pricing-api:3.8.1`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, command: ['gunicorn', '-c', '/etc/gunicorn/gunicorn.conf.py', 'pricing.wsgi:application'],
      ports: [8000], cpu: '1', memory: '2Gi',
      env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'pricing.settings.production' }, { name: 'DATABASE_HOST', value: 'pricing-db.cluster-c1xk2q9wz0ab.eu-west-1.rds.amazonaws.com' }],
      readiness: httpProbe('/health/ready', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'gunicorn-conf', mountPath: '/etc/gunicorn', readOnly: true }],
    })],
    volumes: [{ name: 'gunicorn-conf', configMap: { name: 'pricing-api-gunicorn', defaultMode: 420 } }],
  });
  const oom = { exitCode: 137, reason: 'OOMKilled', ranSeconds: 19 };
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 4,
    revisions: [
      { revision: 13, createdAgo: 19 * DAYS, changeCause: 'argocd: pricing-api 3.8.0', template: tplOf(`${ECR}/pricing/pricing-api:3.8.0`) },
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-api 3.8.1', template: tplOf(image) },
    ],
    pods: [
      { revision: 14, node: s0 ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 14, node: s1 ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 14, node: b0 ?? '', createdAgo: 171, containers: { app: crashLoop({ ...oom, finishedAgo: 2.1 }, 34) } },
      { revision: 14, node: b1 ?? '', createdAgo: 170, containers: { app: crashLoop({ ...oom, finishedAgo: 0.8 }, 33) } },
    ],
    settled: { available: false, availableSince: 169, progressingSince: 6 * DAYS - 1, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const p0 = podOf(app, 0), p1 = podOf(app, 1), p2 = podOf(app, 2), p3 = podOf(app, 3);
  const other = bystander(ns, 'pricing-rules-sync', [s0 ?? '', s1 ?? ''], 3 * DAYS, { revisions: [5, 6], versions: ['1.2.0', '1.3.0'], olderAgo: 30 * DAYS });
  const rs = replicaSetOf(app, 14);
  const boot = (t: number, workers: number, from = 8): string[] => {
    const out = [
      `${gTime(t)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${gTime(t)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(t)} [1] [INFO] Using worker: sync`,
    ];
    for (let k = 0; k < workers; k++) out.push(`${gTime(t - k * 0.002)} [${from + k}] [INFO] Booting worker with pid: ${from + k}`);
    return out;
  };
  const crashed = (t: number): string => lines(
    ...boot(t, 74),
    `${gTime(t - 0.25)} [1] [ERROR] Worker (pid:61) was sent SIGKILL! Perhaps out of memory?`,
    `${gTime(t - 0.25)} [1] [ERROR] Worker (pid:23) was sent SIGKILL! Perhaps out of memory?`,
    `${gTime(t - 0.26)} [1] [INFO] Booting worker with pid: 82`,
    `${gTime(t - 0.27)} [1] [ERROR] Worker (pid:44) was sent SIGKILL! Perhaps out of memory?`,
  );
  const healthy = (p: k8s.V1Pod, i: number): string => lines(
    ...boot(6 * DAYS - 1 - i, 17),
    ...[1.4, 0.9, 0.5, 0.2].map((t, k) => `10.0.${12 + k}.${40 + i * 7} - - [${clfTime(t)}] "GET /v2/prices?sku=SKU-${44810 + k * 13}&currency=EUR HTTP/1.1" 200 ${380 + k * 11} "-" "storefront/5.2.0"`),
  );
  return {
    id: 'heldout109-gunicorn-workers-per-cpu-oom-on-96-core-pool',
    class: 'capacity',
    truth: 'pricing-api\'s gunicorn.conf.py sizes its worker pool as multiprocessing.cpu_count() * 2 + 1, which counts the host\'s CPUs, not the container\'s 1-CPU limit. On the 8-core m6i.2xlarge nodes that is 17 workers and fits in the 2Gi limit; the two pods the drain moved onto the new 96-core m6i.24xlarge pool (general-96c) boot 193 workers and are OOMKilled (exit 137) within seconds, crash-looping for almost three hours. Revision 14 is unchanged and not the cause; fix: set a fixed worker count (e.g. GUNICORN_WORKERS / workers = 3) or derive it from the CPU limit.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...small, ...big, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods, endpointPort: 8000 }),
      configMap({ namespace: ns, name: 'pricing-api-gunicorn', createdAgo: 210 * DAYS, data: { 'gunicorn.conf.py': 'import multiprocessing\n\nbind = "0.0.0.0:8000"\n# one sync worker per core, the classic recommendation\nworkers = multiprocessing.cpu_count() * 2 + 1\nworker_class = "sync"\ntimeout = 30\ngraceful_timeout = 20\nmax_requests = 2000\nmax_requests_jitter = 200\naccesslog = "-"\n' } }),
      ...big.map((n) => nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 26 * HOURS, component: 'node-controller' })),
      createdPod(rs, p2, 171), createdPod(rs, p3, 170),
      scheduled(p2, 171), scheduled(p3, 170),
      ...restartedAgain(p2, 'app', image, { count: 35, firstAgo: 170.8, lastAgo: 2.4 }),
      ...restartedAgain(p3, 'app', image, { count: 34, firstAgo: 169.8, lastAgo: 1.1 }),
      backOff(p2, 'app', { count: 781, firstAgo: 169.9 }),
      backOff(p3, 'app', { count: 776, firstAgo: 168.9, lastAgo: 0.3 }),
      // yesterday's noise on a healthy pod
      event({ on: p0, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p0)}:8000/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p0, 'app', { current: healthy(p0, 0) }),
      logsFor(p1, 'app', { current: healthy(p1, 1) }),
      logsFor(p2, 'app', { previous: crashed(2.4) }),
      logsFor(p3, 'app', { previous: crashed(1.1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOM|out of memory|memory/i, /cpu|core|worker|24xlarge|general-96c|node pool|ip-10-0-66/i],
      facts: [/OOMKilled|137/, /m6i\.24xlarge|96/, /cpu_count|workers/i],
      never: [ADVISES_ROLLBACK, /memory leak/i, /Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 2. automountServiceAccountToken: false breaks the in-cluster client -------------------------------

function automountTokenDisabled(): CorpusScenario {
  const ns = 'batch-system';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '97', '203']);
  const image = `${ECR}/platform/batch-dispatcher:2.4.0`;
  const base = (hardened: boolean) => container({
    image, ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }], cpu: '200m', memory: '256Mi',
    env: [{ name: 'WATCH_NAMESPACES', value: 'batch-runs' }, { name: 'MAX_CONCURRENT_JOBS', value: '40' }],
    readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    ...(hardened ? { securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65532, capabilities: { drop: ['ALL'] } } } : {}),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'batch-dispatcher',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 8, createdAgo: 9 * DAYS, changeCause: 'argocd: batch-dispatcher chart 1.8.4', template: { containers: [base(false)], serviceAccountName: 'batch-dispatcher' } },
      { revision: 9, createdAgo: 26, changeCause: 'argocd: batch-dispatcher chart 1.9.0', template: { containers: [base(true)], serviceAccountName: 'batch-dispatcher' } },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 8, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 8, node: names[2] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 9, node: names[1] ?? '', createdAgo: 25.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 0.4 }, 10) } },
    ],
  });
  // Revision 9 opts out of the token: the pod template says so, and admission mounts no token volume.
  for (const o of app.objects) {
    if (o.kind !== 'ReplicaSet' && o.kind !== 'Deployment') continue;
    const r = o as k8s.V1ReplicaSet;
    const rev = r.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    if (rev === '9' && r.spec?.template?.spec) r.spec.template.spec.automountServiceAccountToken = false;
  }
  const fresh = podOf(app, 3);
  if (fresh.spec) {
    fresh.spec = {
      ...fresh.spec,
      automountServiceAccountToken: false,
      volumes: (fresh.spec.volumes ?? []).filter((v) => v.name !== 'kube-api-access'),
      containers: fresh.spec.containers.map((c) => ({ ...c, volumeMounts: (c.volumeMounts ?? []).filter((m) => m.name !== 'kube-api-access') })),
    };
  }
  const other = bystander(ns, 'batch-ui', names, 4 * DAYS, { revisions: [11, 12], versions: ['0.9.3', '0.9.4'], olderAgo: 20 * DAYS });
  const start = (t: number) => [
    `{"level":"info","ts":"${at(t)}","caller":"dispatcher/main.go:61","msg":"starting batch-dispatcher","version":"2.4.0","commit":"4be1d07","go":"go1.23.3"}`,
    `{"level":"info","ts":"${at(t)}","caller":"dispatcher/main.go:66","msg":"configuration loaded","watchNamespaces":["batch-runs"],"maxConcurrentJobs":40}`,
  ];
  const fail = (t: number) => [
    ...start(t),
    `{"level":"error","ts":"${at(t - 0.003)}","caller":"dispatcher/main.go:74","msg":"unable to load in-cluster configuration","error":"open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory","stacktrace":"main.main\\n\\t/src/cmd/dispatcher/main.go:74\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"}`,
  ];
  return {
    id: 'heldout109-automount-token-disabled-in-cluster-config',
    class: 'rollout',
    truth: 'Revision 9 of batch-dispatcher (chart 1.9.0, a pod-hardening change 26 minutes ago) set automountServiceAccountToken: false, so no service-account token is mounted and client-go\'s in-cluster configuration fails at start ("unable to load in-cluster configuration: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory"); the new pod exits 1 in a crash loop and the rollout is stuck behind three healthy revision-8 pods. Fix: re-enable the token for this pod (automountServiceAccountToken: true, or a projected token volume) or roll back to revision 8; the RBAC and the rest of the hardening are fine.',
    ask: { service: 'batch-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'batch-dispatcher', selector: { app: 'batch-dispatcher' }, pods: app.pods }),
      createdPod(replicaSetOf(app, 9), fresh, 25.8),
      event({ on: { kind: 'Deployment', metadata: deploymentOf(app).metadata ?? {} } as never, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(app, 9)} from 0 to 1`, firstAgo: 25.8, lastAgo: 25.8, component: 'deployment-controller' }),
      scheduled(fresh, 25.8),
      ...restartedAgain(fresh, 'app', image, { count: 11, firstAgo: 25.6, lastAgo: 1.9 }),
      backOff(fresh, 'app', { count: 114, firstAgo: 25.5, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: lines(...fail(1.9)), current: '' }),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: lines(
        ...start(9 * DAYS - 1 - i),
        `{"level":"info","ts":"${at(9 * DAYS - 1 - i - 0.01)}","caller":"leader/election.go:88","msg":"attempting to acquire leader lease batch-system/batch-dispatcher"}`,
        `{"level":"info","ts":"${at(0.6 + i * 0.2)}","caller":"dispatch/loop.go:142","msg":"dispatched job","job":"batch-runs/nightly-export-${8812 + i}","queue":"default"}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/token|automount|in-cluster/i, /revision 9/i],
      facts: [/serviceaccount\/token|no such file/i, /automountServiceAccountToken/i, /exit(ed)? (code )?1\b|CrashLoop/i],
      never: [/RBAC|forbidden|ClusterRole/i, /\bOOM/, /readOnlyRootFilesystem[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 3. MongoDB StatefulSet upgraded to 8.0; an old Node.js driver refuses its wire version -----------

function mongoUpgradeOldDriverWireVersion(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '130', '222']);
  const mongoTpl = (v: string) => ({
    containers: [container({
      name: 'mongod', image: `docker.io/library/mongo:${v}`, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--auth', '--keyFile', '/etc/mongo-keyfile/keyfile'],
      ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('mongo', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }, { name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }],
    })],
    volumes: [{ name: 'keyfile', secret: { secretName: 'billing-mongo-keyfile', defaultMode: 256 } }],
  });
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'billing-mongo',
    replicas: 3,
    serviceName: 'billing-mongo',
    revisions: [
      { revision: 5, createdAgo: 74 * DAYS, template: mongoTpl('7.0.14') },
      { revision: 6, createdAgo: 41, template: mongoTpl('8.0.3') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    currentRevision: 6,
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 37.5 },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 39.2, containers: { mongod: running({ sinceAgo: 39, restarts: 1, last: { exitCode: 14, finishedAgo: 39.1, ranSeconds: 6 } }) } },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 40.8 },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => {
    const name = `data-billing-mongo-${i}`;
    return [pvc({ namespace: ns, name, storage: '200Gi', phase: 'Bound', volumeName: volumeOf(ns, name), createdAgo: 400 * DAYS }), pv({ name: volumeOf(ns, name), storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i], claim: { namespace: ns, name }, createdAgo: 400 * DAYS })];
  });
  const workerImage = `${ECR}/billing/invoice-worker:4.2.7`;
  const uri = 'mongodb://billing-mongo-0.billing-mongo.billing.svc.cluster.local:27017,billing-mongo-1.billing-mongo.billing.svc.cluster.local:27017,billing-mongo-2.billing-mongo.billing.svc.cluster.local:27017/billing?replicaSet=rs0&authSource=admin';
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 2,
    revisions: [
      { revision: 17, createdAgo: 31 * DAYS, changeCause: 'argocd: invoice-worker 4.2.6', template: { containers: [container({ image: `${ECR}/billing/invoice-worker:4.2.6`, ports: [3000], env: [{ name: 'MONGO_URL', value: uri }] })] } },
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-worker 4.2.7', template: { containers: [container({ image: workerImage, ports: [3000], env: [{ name: 'MONGO_URL', value: uri }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }) })] } },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 12 * DAYS - 1, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.2, ranSeconds: 31 }, 11) } },
      { revision: 18, node: names[2] ?? '', createdAgo: 12 * DAYS - 2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 31 }, 10) } },
    ],
    settled: { available: false, availableSince: 39.5, progressingSince: 12 * DAYS - 1, progressingUpdatedAgo: 12 * DAYS - 2 },
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 2,
    revisions: [{ revision: 52, createdAgo: 5 * DAYS, changeCause: 'argocd: billing-api 9.1.0', template: { containers: [container({ image: `${ECR}/billing/billing-api:9.1.0`, ports: [8080], env: [{ name: 'MONGO_URL', value: uri }] })] } }],
    pods: [{ revision: 52, node: names[1] ?? '', createdAgo: 5 * DAYS }, { revision: 52, node: names[2] ?? '', createdAgo: 5 * DAYS - 1 }],
  });
  const [w0, w1] = [podOf(worker, 0), podOf(worker, 1)];
  const sts = mongo.objects[0] ?? {};
  const stsEvents = [2, 1, 0].flatMap((o, k) => {
    const t = [40.9, 39.3, 37.6][k] ?? 40;
    return [
      event({ on: { kind: 'StatefulSet', metadata: sts.metadata ?? {} } as never, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod billing-mongo-${o} in StatefulSet billing-mongo successful`, firstAgo: t + 0.2, lastAgo: t + 0.2, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', metadata: sts.metadata ?? {} } as never, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod billing-mongo-${o} in StatefulSet billing-mongo successful`, firstAgo: t, lastAgo: t, component: 'statefulset-controller' }),
    ];
  });
  const host = (i: number) => `billing-mongo-${i}.billing-mongo.billing.svc.cluster.local:27017`;
  const crash = (p: k8s.V1Pod, t: number, server: number) => lines(
    `{"level":30,"time":${epochMs(t + 0.52)},"pid":1,"hostname":"${nameOf(p)}","msg":"invoice-worker 4.2.7 starting (node v18.20.4, mongoose 5.13.22, mongodb driver 3.7.4)"}`,
    `{"level":30,"time":${epochMs(t + 0.51)},"pid":1,"hostname":"${nameOf(p)}","msg":"connecting to mongodb","hosts":3,"replicaSet":"rs0"}`,
    `{"level":60,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","msg":"fatal: could not connect to mongodb, exiting","err":{"type":"MongooseServerSelectionError","message":"Server at ${host(server)} reports minimum wire version 25, but this version of the Node.js Driver requires at most 9 (MongoDB 4.4)","stack":"MongooseServerSelectionError: Server at ${host(server)} reports minimum wire version 25, but this version of the Node.js Driver requires at most 9 (MongoDB 4.4)\\n    at NativeConnection.Connection.openUri (/app/node_modules/mongoose/lib/connection.js:847:32)\\n    at /app/node_modules/mongoose/lib/index.js:351:10\\n    at async main (/app/dist/main.js:41:5)","reason":{"type":"ReplicaSetNoPrimary","setName":"rs0","compatible":false,"compatibilityError":"Server at ${host(server)} reports minimum wire version 25, but this version of the Node.js Driver requires at most 9 (MongoDB 4.4)"}}}`,
  );
  const mongoT = (t: number) => at(t).replace('Z', '+00:00');
  return {
    id: 'heldout109-mongo-8-upgrade-old-driver-wire-version',
    class: 'config',
    truth: 'The team upgraded the billing-mongo StatefulSet from mongo 7.0.14 to 8.0.3 (revision 6, rolled through all three members 41 to 37 minutes ago). invoice-worker still ships mongoose 5 with the Node.js driver 3.7, which supports at most wire version 9 (MongoDB 4.4) and refuses the 8.0 servers ("reports minimum wire version 25, but this version of the Node.js Driver requires at most 9"), so it exits 1 at every start and crash-loops since the upgrade; billing-api, on a current driver, is fine. invoice-worker\'s own revision 18 (12 days old) is not the cause; fix: upgrade its driver (mongoose/mongodb) — or hold Mongo at 7.0 until then.',
    ask: { service: 'invoice-worker', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...claims, ...worker.objects, ...api.objects,
      service({ namespace: ns, name: 'billing-mongo', selector: { app: 'billing-mongo' }, ports: [{ name: 'mongo', port: 27017, targetPort: 'mongo' }], headless: true }),
      endpointSliceFor(service({ namespace: ns, name: 'billing-mongo', selector: { app: 'billing-mongo' }, ports: [{ name: 'mongo', port: 27017, targetPort: 'mongo' }], headless: true }), mongo.pods, 27017),
      ...exposed({ namespace: ns, name: 'invoice-worker', selector: { app: 'invoice-worker' }, pods: worker.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      ...stsEvents,
      event({ on: podOf(mongo, 1), type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "docker.io/library/mongo:8.0.3" in 11.204s (11.204s including waiting). Image size: 282961527 bytes.', firstAgo: 39.2, lastAgo: 39.2, fieldPath: 'spec.containers{mongod}' }),
      ...restartedAgain(w0, 'app', workerImage, { count: 11, firstAgo: 39.8, lastAgo: 3.7 }),
      ...restartedAgain(w1, 'app', workerImage, { count: 10, firstAgo: 38.9, lastAgo: 1.6 }),
      backOff(w0, 'app', { count: 146, firstAgo: 38.6 }),
      backOff(w1, 'app', { count: 139, firstAgo: 37.7, lastAgo: 0.2 }),
      event({ on: w0, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(w0)}:3000/ready": dial tcp ${ipOfPod(w0)}:3000: connect: connection refused`, count: 23, firstAgo: 39.7, lastAgo: 3.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(w0, 'app', { previous: crash(w0, 3.2, 2) }),
      logsFor(w1, 'app', { previous: crash(w1, 1.1, 0) }),
      logsFor(podOf(mongo, 0), 'mongod', { current: lines(
        `{"t":{"$date":"${mongoT(37.4)}"},"s":"I","c":"CONTROL","id":23403,"ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"8.0.3","gitVersion":"89d97f2744a2b9851ddfb51bdf22f687562d9b06","openSSLVersion":"OpenSSL 3.0.13 30 Jan 2024","modules":[],"allocator":"tcmalloc-google","environment":{"distmod":"ubuntu2404","distarch":"x86_64","target_arch":"x86_64"}}}}`,
        `{"t":{"$date":"${mongoT(37.1)}"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"SECONDARY","oldState":"STARTUP2"}}`,
        `{"t":{"$date":"${mongoT(1.1)}"},"s":"I","c":"NETWORK","id":51800,"ctx":"conn2817","msg":"client metadata","attr":{"remote":"${ipOfPod(w1)}:40312","client":"conn2817","negotiatedCompressors":[],"doc":{"driver":{"name":"nodejs|Mongoose","version":"3.7.4"},"os":{"type":"Linux","name":"linux","architecture":"x64","version":"6.1.112-122.189.amzn2023.x86_64"},"platform":"Node.js v18.20.4, LE (legacy)"}}}`,
        `{"t":{"$date":"${mongoT(1.1)}"},"s":"I","c":"NETWORK","id":22944,"ctx":"conn2817","msg":"Connection ended","attr":{"remote":"${ipOfPod(w1)}:40312","uuid":{"uuid":{"$uuid":"5f0c1e22-8a41-4d0e-9c57-1b3f9e2a7d10"}},"connectionId":2817,"connectionCount":41}}`,
      ) }),
      ...api.pods.map((p, i) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(0.7 + i * 0.1)}","msg":"GET /v1/invoices/INV-2026-118${40 + i}","status":200,"ms":${12 + i}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/wire version|driver|mongo/i],
      facts: [/wire version/i, /8\.0\.3|mongo:8|8\.0/, /billing-mongo/],
      never: [/invoice-worker[^\n]*revision 18[^\n]*(caused|broke|introduced)/i, /\bOOM/, /NetworkPolicy|DNS/i],
    },
  };
}

// ---- 4. Redis moved to cluster mode; a client that is not cluster-aware gets MOVED ----------------------

function redisClusterModeMovedErrors(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.23', ['41', '109', '177']);
  const redisImage = 'docker.io/library/redis:7.2.5';
  const redisTpl = (clustered: boolean) => ({
    containers: [container({
      name: 'redis', image: redisImage, command: ['redis-server', '/etc/redis/redis.conf'],
      ports: clustered ? [{ name: 'redis', containerPort: 6379 }, { name: 'cluster-bus', containerPort: 16379 }] : [{ name: 'redis', containerPort: 6379 }],
      cpu: '250m', memory: '1Gi',
      readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'conf', mountPath: '/etc/redis' }],
    })],
    volumes: [{ name: 'conf', configMap: { name: clustered ? 'sessions-redis-cluster' : 'sessions-redis', defaultMode: 420 } }],
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'sessions-redis',
    replicas: 6,
    podManagementPolicy: 'Parallel',
    revisions: [
      { revision: 2, createdAgo: 160 * DAYS, template: redisTpl(false) },
      { revision: 3, createdAgo: 58, template: redisTpl(true) },
    ],
    currentRevision: 3,
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }],
    pods: [0, 1, 2, 3, 4, 5].map((o) => ({ revision: 3, ordinal: o, node: names[o % 3] ?? '', createdAgo: 57.5 - o * 0.1 })),
  });
  const rp = [0, 1, 2, 3, 4, 5].map((i) => podOf(redis, i));
  const ip = (i: number) => ipOfPod(rp[i]);
  const apiImage = `${ECR}/identity/session-api:6.3.2`;
  const sessionApi = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 23 * DAYS, changeCause: 'argocd: session-api 6.3.1', template: { containers: [container({ image: `${ECR}/identity/session-api:6.3.1` })] } },
      { revision: 27, createdAgo: 8 * DAYS, changeCause: 'argocd: session-api 6.3.2', template: { containers: [container({ image: apiImage, env: [{ name: 'REDIS_URL', value: 'redis://sessions-redis.identity.svc.cluster.local:6379/0' }, { name: 'GUNICORN_CMD_ARGS', value: '--workers 4 --bind 0.0.0.0:8080' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 8 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 5 * DAYS * 60 } }) } } : {}) })),
  });
  const sp = [0, 1, 2].map((i) => podOf(sessionApi, i));
  const moved = [[12182, 2], [3999, 0], [7365, 1], [15495, 2], [866, 0], [9189, 1]] as const;
  const apiLog = (k: number) => {
    const out: string[] = [`${pyTime(8 * DAYS - k)} INFO [gunicorn.error] Booting worker with pid: 9`];
    for (let i = 0; i < 12; i++) {
      const t = 46 - i * 3.8 - k * 0.3;
      const [slot, node] = moved[(i + k) % moved.length] ?? [12182, 2];
      if (i % 4 === 3) {
        out.push(`${pyTime(t)} INFO [session_api.http] GET /v1/sessions/current 200 4ms`);
        continue;
      }
      out.push(
        `${pyTime(t)} ERROR [session_api.store] session lookup failed for sid=${(0x5f3a91 * (i + 3) + k).toString(16)}`,
        'Traceback (most recent call last):',
        '  File "/app/session_api/store.py", line 58, in get',
        '    raw = self._redis.get(f"sess:{sid}")',
        '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 1829, in get',
        '    return self.execute_command("GET", name, keys=[name])',
        '  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 559, in execute_command',
        '    return self._execute(conn, self._send_command_parse_response, *args, **options)',
        `redis.exceptions.ResponseError: MOVED ${slot} ${ip(node)}:6379`,
        `${pyTime(t - 0.001)} INFO [session_api.http] GET /v1/sessions/current 500 3ms`,
      );
    }
    return lines(...out);
  };
  const createJob = job({
    namespace: ns,
    name: 'sessions-redis-cluster-create',
    template: { containers: [batchContainer({ name: 'create', image: redisImage, command: ['sh', '-c', `redis-cli --cluster create ${[0, 1, 2, 3, 4, 5].map((i) => `sessions-redis-${i}.sessions-redis-headless:6379`).join(' ')} --cluster-replicas 1 --cluster-yes`] })] },
    createdAgo: 49,
    pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 49, containers: { create: terminated({ exitCode: 0, finishedAgo: 48.2, ranSeconds: 40 }) } }],
    outcome: { complete: true, ago: 48.2 },
    backoffLimit: 2,
  });
  return {
    id: 'heldout109-redis-cluster-mode-moved-errors',
    class: 'network',
    truth: 'The team moved sessions-redis to Redis Cluster (revision 3 with cluster-enabled yes, six pods, slots spread over three masters by the cluster-create Job 48 minutes ago). session-api still uses a plain redis-py client through the sessions-redis Service, which is not cluster-aware: every key whose slot lives on another node is answered "MOVED <slot> <pod-ip>:6379", so most session lookups fail with 500s since then although every pod is Running and ready. session-api\'s revision 27 (8 days old) is not the cause; fix: switch session-api to a cluster client (redis.cluster.RedisCluster) or revert Redis to standalone until it does.',
    ask: { service: 'session-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...sessionApi.objects, ...createJob.objects,
      configMap({ namespace: ns, name: 'sessions-redis', createdAgo: 160 * DAYS, data: { 'redis.conf': 'port 6379\nappendonly yes\nmaxmemory 768mb\nmaxmemory-policy volatile-lru\n' } }),
      configMap({ namespace: ns, name: 'sessions-redis-cluster', createdAgo: 59, data: { 'redis.conf': 'port 6379\ncluster-enabled yes\ncluster-config-file /data/nodes.conf\ncluster-node-timeout 5000\nappendonly yes\nmaxmemory 768mb\nmaxmemory-policy volatile-lru\n' } }),
      ...exposed({ namespace: ns, name: 'sessions-redis', selector: { app: 'sessions-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
      service({ namespace: ns, name: 'sessions-redis-headless', selector: { app: 'sessions-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }, { name: 'cluster-bus', port: 16379, targetPort: 'cluster-bus' }], headless: true, createdAgo: 59 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: sessionApi.pods }),
      ...rp.flatMap((p) => startedNormally(p, 'redis', redisImage, 57.5)),
      jobEvent(createJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(createJob.pods[0])}`, 49),
      jobEvent(createJob.objects[0], 'Completed', 'Job completed', 48.2),
    ],
    logs: [
      ...sp.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(createJob.pods[0], 'create', { current: lines(
        '>>> Performing hash slots allocation on 6 nodes...',
        `Master[0] -> Slots 0 - 5460`, `Master[1] -> Slots 5461 - 10922`, `Master[2] -> Slots 10923 - 16383`,
        `Adding replica ${ip(4)}:6379 to ${ip(0)}:6379`, `Adding replica ${ip(5)}:6379 to ${ip(1)}:6379`, `Adding replica ${ip(3)}:6379 to ${ip(2)}:6379`,
        '>>> Nodes configuration updated', '>>> Assign a different config epoch to each node', '>>> Sending CLUSTER MEET messages to join the cluster',
        'Waiting for the cluster to join', '.', '[OK] All nodes agree about slots configuration.', '>>> Check for open slots...', '>>> Check slots coverage...', '[OK] All 16384 slots covered.',
      ) }),
      logsFor(rp[2], 'redis', { current: lines(
        `1:C 21 Nov 2026 02:16:31.208 * Configuration loaded`,
        `1:M 21 Nov 2026 02:16:31.210 * No cluster configuration found, I'm 3c1e0a9d77b2f84e6a0d5c1b9e2f4a7d8c6b5e31`,
        `1:M 21 Nov 2026 02:16:31.214 * Running mode=cluster, port=6379.`,
        `1:M 21 Nov 2026 02:16:31.215 * Ready to accept connections tcp`,
        `1:M 21 Nov 2026 02:25:53.902 * configEpoch set to 3 via CLUSTER SET-CONFIG-EPOCH`,
        `1:M 21 Nov 2026 02:25:58.114 * Cluster state changed: ok`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MOVED|cluster/i],
      facts: [/MOVED \d+/, /cluster(-enabled| mode|-aware| aware| client)/i, /sessions-redis/],
      never: [/NetworkPolicy/i, /\bOOM/, /session-api[^\n]*revision 27[^\n]*(caused|broke|introduced)/i],
    },
  };
}

// ---- 5. (storage, my choice) fsGroup added: recursive chown of a 2 TiB volume, pod stuck creating -----

function fsGroupRecursiveChownStuck(): CorpusScenario {
  const ns = 'build';
  const { nodes, names } = threeEksNodes('10.0.150', ['33', '90', '214']);
  const image = 'docker.io/sonatype/nexus3:3.72.0';
  const nexus = (tplSec?: k8s.V1PodSecurityContext) => ({
    containers: [container({
      name: 'nexus', image, ports: [{ name: 'http', containerPort: 8081 }, { name: 'docker', containerPort: 5000 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'INSTALL4J_ADD_VM_PARAMS', value: '-Xms4g -Xmx4g -XX:MaxDirectMemorySize=2g -Djava.util.prefs.userRoot=/nexus-data/javaprefs' }],
      readiness: httpProbe('/service/rest/v1/status', 8081, { initialDelaySeconds: 60, periodSeconds: 15 }),
      liveness: httpProbe('/service/rest/v1/status', 8081, { initialDelaySeconds: 240, periodSeconds: 30, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/nexus-data' }],
    })],
    ...(tplSec === undefined ? {} : { securityContext: tplSec }),
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'artifact-store',
    replicas: 1,
    revisions: [
      { revision: 6, createdAgo: 88 * DAYS, template: nexus() },
      { revision: 7, createdAgo: 31, template: nexus({ runAsUser: 200, runAsGroup: 200, fsGroup: 200, runAsNonRoot: true }) },
    ],
    currentRevision: 6,
    volumeClaimTemplates: [{ name: 'data', storage: '2000Gi' }],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 30.6, containers: { nexus: waiting('ContainerCreating') } }],
  });
  const p = podOf(sts, 0);
  const claim = 'data-artifact-store-0';
  const vol = volumeOf(ns, claim);
  const cache = bystander(ns, 'build-cache', names, 2 * DAYS, { revisions: [14, 15], versions: ['2.8.1', '2.8.2'], olderAgo: 40 * DAYS });
  const dir = `${p.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/${vol}/mount`;
  const stsObj = sts.objects[0] ?? {};
  return {
    id: 'heldout109-fsgroup-recursive-chown-pod-stuck-creating',
    class: 'storage',
    truth: 'Revision 7 of the artifact-store StatefulSet (31 minutes ago) added a pod securityContext with fsGroup: 200 but no fsGroupChangePolicy, so the default Always makes the kubelet recursively change the ownership of every file on the 2000Gi Nexus volume (millions of blob files) before starting the container. artifact-store-0 has been in ContainerCreating for 30 minutes with FailedMount "context deadline exceeded" and VolumePermissionChangeInProgress events while the walk goes on; the volume attached fine. Fix: set fsGroupChangePolicy: OnRootMismatch (the files are already owned by 200) or drop fsGroup, rather than waiting out the walk.',
    ask: { service: 'artifact-store', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...cache.objects,
      pvc({ namespace: ns, name: claim, storage: '2000Gi', phase: 'Bound', volumeName: vol, createdAgo: 400 * DAYS }),
      pv({ name: vol, storage: '2000Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: claim }, createdAgo: 400 * DAYS }),
      ...exposed({ namespace: ns, name: 'artifact-store', selector: { app: 'artifact-store' }, pods: sts.pods, endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'build-cache', selector: { app: 'build-cache' }, pods: cache.pods }),
      event({ on: { kind: 'StatefulSet', metadata: stsObj.metadata ?? {} } as never, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod artifact-store-0 in StatefulSet artifact-store successful', firstAgo: 30.9, lastAgo: 30.9, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', metadata: stsObj.metadata ?? {} } as never, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod artifact-store-0 in StatefulSet artifact-store successful', firstAgo: 30.6, lastAgo: 30.6, component: 'statefulset-controller' }),
      scheduled(p, 30.6),
      event({ on: p, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${vol}" `, firstAgo: 29.9, lastAgo: 29.9, component: 'attachdetach-controller' }),
      event({ on: p, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${dir} is taking longer than expected, consider using OnRootMismatch - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-volume-permission-and-ownership-change-policy-for-pods`, firstAgo: 29.3, lastAgo: 29.3 }),
      event({ on: p, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${dir}, processed 4918233 files`, count: 29, firstAgo: 28.3, lastAgo: 0.3 }),
      event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 14, firstAgo: 28.6, lastAgo: 0.6 }),
      // older noise: the previous pod's slow start two weeks ago is long gone from events; a node warning from yesterday
      event({ on: { kind: 'Node', name: names[1] ?? '' }, reason: 'FreeDiskSpaceFailed', message: 'Failed to garbage collect required amount of images. Attempted to free 4294967296 bytes, but only found 0 bytes eligible to free.', firstAgo: 19 * HOURS, lastAgo: 19 * HOURS, component: 'kubelet' }),
    ],
    logs: [
      ...cache.pods.map((c, i) => logsFor(c, 'app', { current: lines(`{"level":"info","ts":"${at(0.5 + i * 0.3)}","msg":"cache hit","key":"gradle/${i}/a81f","bytes":${18_331 + i}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fsGroup|ownership|chown|permission change|VolumePermissionChange/i],
      facts: [/FailedMount|context deadline exceeded|unmounted volumes/i, /OnRootMismatch|fsGroupChangePolicy/i, /revision 7|artifact-store-0/i],
      never: [/Multi-Attach/i, /(zone|AZ) mismatch|different zone/i, /\bOOM/],
    },
  };
}

// ---- 6. (network, my choice) a copied chart's label makes the checkout Service select the email worker --

function serviceSelectsCopiedChartWorker(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.31', ['20', '144', '251']);
  const checkoutImage = `${ECR}/shop/checkout:12.4.0`;
  const checkout = deploymentApp({
    namespace: ns,
    name: 'checkout',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 24 * DAYS, changeCause: 'argocd: checkout 12.3.2', template: { containers: [container({ image: `${ECR}/shop/checkout:12.3.2` })], labels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/part-of': 'shop' } } },
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout 12.4.0', template: { containers: [container({ image: checkoutImage })], labels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/part-of': 'shop' } } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const workerImage = `${ECR}/shop/checkout-email-worker:0.3.0`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'checkout-email-worker',
    replicas: 2,
    createdAgo: 34,
    revisions: [{ revision: 1, createdAgo: 34, changeCause: 'argocd: checkout-email-worker 0.3.0', template: {
      containers: [container({ image: workerImage, ports: [8080], cpu: '100m', memory: '256Mi', env: [{ name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/order-confirmations' }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })],
      // copied from the checkout chart's _helpers.tpl selectorLabels
      labels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/component': 'email-worker', 'app.kubernetes.io/part-of': 'shop' },
    } }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: 33.8 }, { revision: 1, node: names[2] ?? '', createdAgo: 33.7 }],
  });
  const storefront = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront 5.2.0', template: { containers: [container({ image: `${ECR}/shop/storefront:5.2.0`, ports: [3000], env: [{ name: 'CHECKOUT_URL', value: 'http://checkout.shop.svc.cluster.local' }] })] } }],
    pods: [{ revision: 88, node: names[1] ?? '', createdAgo: 2 * DAYS }, { revision: 88, node: names[2] ?? '', createdAgo: 2 * DAYS - 1 }],
  });
  const wp0 = podOf(worker, 0), wp1 = podOf(worker, 1);
  const wp = [wp0, wp1];
  const cp = [0, 1, 2].map((i) => podOf(checkout, i));
  const cp2 = podOf(checkout, 2);
  const sfp = [podOf(storefront, 0), podOf(storefront, 1)];
  const rs = replicaSetOf(worker, 1);
  const sfLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 31 - i * 2.1 - k * 0.4;
      const bad = (i + k) % 5 === 1 || (i + k) % 5 === 3;
      const order = `ord_${(9_318_220 + i * 37 + k).toString(36)}`;
      out.push(bad
        ? `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(sfp[k])}","msg":"checkout call failed","method":"POST","url":"http://checkout.shop.svc.cluster.local/api/v1/orders","status":404,"body":"Cannot POST /api/v1/orders","order":"${order}"}`
        : `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(sfp[k])}","msg":"order placed","order":"${order}","status":201,"ms":${180 + i * 3}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout109-service-selector-matches-copied-worker',
    class: 'network',
    truth: 'A new Deployment, checkout-email-worker (34 minutes ago), was created from a copy of the checkout Helm chart and kept its selector label app.kubernetes.io/name: checkout. The checkout Service selects on that label alone, so its EndpointSlice now lists the two worker pods (ready, with a port named http for their health server) next to the three checkout pods, and about 40% of storefront\'s POST /api/v1/orders land on the worker, which answers 404 "Cannot POST". checkout itself (revision 41, 9 days old) is healthy and not the cause; fix: give the worker its own app.kubernetes.io/name (or tighten the Service selector).',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...checkout.objects, ...worker.objects, ...storefront.objects,
      ...exposed({ namespace: ns, name: 'checkout', selector: { 'app.kubernetes.io/name': 'checkout' }, pods: [...checkout.pods, ...worker.pods] }),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: storefront.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      event({ on: { kind: 'Deployment', metadata: deploymentOf(worker).metadata ?? {} } as never, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(worker, 1)} from 0 to 2`, firstAgo: 33.9, lastAgo: 33.9, component: 'deployment-controller' }),
      createdPod(rs, wp0, 33.8), createdPod(rs, wp1, 33.7),
      ...startedNormally(wp0, 'app', workerImage, 33.8), ...startedNormally(wp1, 'app', workerImage, 33.7),
      // noise: a readiness blip on a checkout pod yesterday
      event({ on: cp2, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(cp2)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS - 0.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...sfp.map((p, k) => logsFor(p, 'app', { current: sfLog(k) })),
      ...wp.map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":30,"time":${epochMs(33.6 - k * 0.1)},"pid":1,"hostname":"${nameOf(p)}","msg":"email worker started","queue":"order-confirmations","health":":8080"}`,
        ...[24, 17, 9, 2].flatMap((t) => [
          `{"level":40,"time":${epochMs(t - k * 0.3)},"pid":1,"hostname":"${nameOf(p)}","msg":"404 POST /api/v1/orders","remote":"${ipOfPod(sfp[k])}","ms":1}`,
          `{"level":30,"time":${epochMs(t - k * 0.3 - 0.05)},"pid":1,"hostname":"${nameOf(p)}","msg":"sent order confirmation","order":"ord_${(9_318_000 + t).toString(36)}"}`,
        ]),
      ) })),
      ...cp.map((p, k) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.8 + k * 0.2)}","msg":"POST /api/v1/orders","status":201,"duration_ms":${170 + k * 9}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/checkout-email-worker|selector|label/i],
      facts: [/checkout-email-worker/, /404|Cannot POST/, /app\.kubernetes\.io\/name|selector/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /NetworkPolicy/i],
    },
  };
}

// ---- 7. healthy control: an hourly CronJob, recent runs succeed, one failed Job from six hours ago kept ---

function cronJobOldFailureKept(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.199', ['8', '121', '240']);
  const image = `${ECR}/analytics/usage-rollup:2.0.5`;
  const tpl = { containers: [batchContainer({ name: 'rollup', image, command: ['python', '-m', 'rollup', '--window', '1h'], cpu: '500m', memory: '1Gi', env: [{ name: 'WAREHOUSE_DSN', value: 'postgresql://rollup@analytics-wh.c9ab12xy.eu-west-1.redshift.amazonaws.com:5439/usage' }] })] };
  const ok = (createdAgo: number, k: number) => ({
    createdAgo,
    pods: [{ node: names[k % 3] ?? '', phase: 'Succeeded' as const, createdAgo, containers: { rollup: terminated({ exitCode: 0, finishedAgo: createdAgo - 2.4, ranSeconds: 138 + k * 4 }) } }],
    outcome: { complete: true as const, ago: createdAgo - 2.4 },
  });
  const failedAt = 369;
  const cj = cronJob({
    namespace: ns,
    name: 'usage-rollup',
    schedule: '5 * * * *',
    backoffLimit: 2,
    template: tpl,
    jobs: [
      {
        createdAgo: failedAt,
        pods: [0, 1, 2].map((k) => ({ node: names[k] ?? '', phase: 'Failed' as const, createdAgo: failedAt - k * 0.9, containers: { rollup: terminated({ exitCode: 1, finishedAgo: failedAt - k * 0.9 - 0.6, ranSeconds: 33 }) } })),
        outcome: { failed: 'BackoffLimitExceeded' as const, ago: failedAt - 2.4 },
      },
      ok(129, 0), ok(69, 1), ok(9, 2),
    ],
    lastSuccessfulAgo: 6.6,
  });
  const [failedJob, j1, j2, j3] = cj.jobs;
  const other = bystander(ns, 'metrics-api', names, 5 * DAYS, { revisions: [30, 31], versions: ['3.1.0', '3.1.1'], olderAgo: 18 * DAYS });
  const okLog = (t: number, from: string, to: string, rows: number) => lines(
    `${pyTime(t)} INFO rollup: window ${from} .. ${to} UTC`,
    `${pyTime(t - 0.1)} INFO rollup: connected to warehouse analytics-wh (usage)`,
    `${pyTime(t - 2.2)} INFO rollup: aggregated ${rows} usage events into 4812 tenant-hour rows`,
    `${pyTime(t - 2.3)} INFO rollup: done in ${(130 + rows % 17).toFixed(1)}s`,
  );
  const badLog = (t: number) => lines(
    `${pyTime(t)} INFO rollup: window 2026-11-20 20:00 .. 21:00 UTC`,
    `${pyTime(t - 0.5)} ERROR rollup: warehouse connection failed`,
    'Traceback (most recent call last):',
    '  File "/app/rollup/__main__.py", line 44, in main',
    '    conn = psycopg2.connect(dsn, connect_timeout=30)',
    'psycopg2.OperationalError: connection to server at "analytics-wh.c9ab12xy.eu-west-1.redshift.amazonaws.com" (10.0.210.14), port 5439 failed: Connection timed out',
    '\tIs the server running on that host and accepting TCP/IP connections?',
  );
  const lastJob = j3?.objects[0];
  return {
    id: 'heldout109-cronjob-healthy-old-failure-kept',
    class: 'healthy',
    truth: 'Healthy: usage-rollup runs hourly at :05 and its last three runs (01:05, 02:05, 03:05) completed; the failed Job from 21:05, six hours ago (warehouse connection timed out during the Redshift maintenance window, backoff limit reached), is only kept by failedJobsHistoryLimit: 1 and every run since succeeded. Nothing to do.',
    ask: { service: 'usage-rollup', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'metrics-api', selector: { app: 'metrics-api' }, pods: other.pods }),
      cronJobEvent(cj.objects[0], 'SuccessfulCreate', `Created job ${nameOf(lastJob)}`, 9),
      jobEvent(lastJob, 'SuccessfulCreate', `Created pod: ${nameOf(j3?.pods[0])}`, 9),
      jobEvent(lastJob, 'Completed', 'Job completed', 6.6),
      cronJobEvent(cj.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(lastJob)}, condition: Complete`, 6.5),
      cronJobEvent(cj.objects[0], 'SuccessfulDelete', `Deleted job usage-rollup-${Math.floor((Date.parse(at(189))) / 60_000)}`, 6.5),
    ],
    logs: [
      ...(failedJob?.pods ?? []).map((p, k) => logsFor(p, 'rollup', { current: badLog(failedAt - k * 0.9) })),
      ...(j1 ? [logsFor(j1.pods[0], 'rollup', { current: okLog(129, '2026-11-21 00:00', '01:00', 1_211_804) })] : []),
      ...(j2 ? [logsFor(j2.pods[0], 'rollup', { current: okLog(69, '2026-11-21 01:00', '02:00', 1_097_356) })] : []),
      ...(j3 ? [logsFor(j3.pods[0], 'rollup', { current: okLog(9, '2026-11-21 02:00', '03:00', 1_284_112) })] : []),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/usage-rollup|healthy|succe|no (current )?(problem|issue)/i],
      facts: [/usage-rollup/],
      never: [/\bOOM/, /suspend/i, /(is|keeps) failing|crash ?loop/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  gunicornWorkersPerCpuOn96Cores(),
  automountTokenDisabled(),
  mongoUpgradeOldDriverWireVersion(),
  redisClusterModeMovedErrors(),
  fsGroupRecursiveChownStuck(),
  serviceSelectsCopiedChartWorker(),
  cronJobOldFailureKept(),
];
