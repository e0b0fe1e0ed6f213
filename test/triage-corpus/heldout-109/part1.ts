// Held-out stories, round 109, part one: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// A Node.js service whose revision 12 moved from node:16 to node:18, so dns.lookup now returns the
// resolver's order (AAAA first) and outbound calls to the FX provider fail with "connect
// ENETUNREACH 2606:…:443" in an IPv4-only cluster; a pricing engine whose revision 8 made its pods
// Guaranteed with 72 integer CPUs, which the compute-pinned pool's kubelet (topology manager,
// single-numa-node) rejects at admission with TopologyAffinityError, pod after pod; a Python
// service linked against libpq 9.6 that cannot log in ("authentication method 10 not supported")
// since the team's PostgreSQL switched password_encryption and pg_hba to scram-sha-256 — the
// database's change, not the service's; a revision rebased on Debian bookworm (OpenSSL 3,
// SECLEVEL=2) that refuses to load the partner's SHA-1-signed mTLS client certificate ("ca md too
// weak"); (probes, my choice) a cart API whose liveness probe checks Redis, so while the Redis
// pod, rescheduled after a spot interruption, is still loading its dataset, the kubelet kills
// every cart-api pod again and again; (jobs, my choice) a daily CronJob with concurrencyPolicy
// Forbid and no activeDeadlineSeconds whose run has hung for three days on an SFTP upload whose
// connection the NAT gateway silently dropped, so every later run is skipped; and a healthy
// control: a Deployment whose pods were all rescheduled two hours ago by a planned node drain.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, nameOf, networkPolicy, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, tcpProbe, waiting, createdPod, nodeEvent,
  replicaSetOf, pulledFresh, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};

// ---- 1. node:16 → node:18: IPv6 answers first, ENETUNREACH in an IPv4-only cluster ------------------

function node18Ipv6First(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '203']);
  const image = (v: string) => `${ECR}/treasury/fx-quoter:${v}`;
  const tpl = (v: string, nodeMajor: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'FX_PROVIDER_URL', value: 'https://api.fxfeed.io/v2/rates' },
        { name: 'QUOTE_MAX_STALENESS_S', value: '120' },
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=192' },
      ],
      readiness: httpProbe('/ready', 8080, { periodSeconds: 5 }),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
    labels: { 'app.kubernetes.io/version': v },
    annotations: { 'build.acme.io/base-image': `node:${nodeMajor}-alpine` },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-quoter',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 11, createdAgo: 19 * DAYS, changeCause: 'argocd: fx-quoter 2.9.4', template: tpl('2.9.4', '16.20.2') },
      { revision: 12, createdAgo: 34, changeCause: 'argocd: fx-quoter 3.0.0 (node 18 LTS)', template: tpl('3.0.0', '18.20.4') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 11, node: names[k] ?? '', createdAgo: 19 * DAYS - k })),
      { revision: 12, node: names[2] ?? '', createdAgo: 33.6, ready: false, containers: { app: running({ sinceAgo: 33.2, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'fx-settlement', names, 6 * HOURS, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const egress = networkPolicy({
    namespace: ns, name: 'fx-quoter-egress', podSelector: { app: 'fx-quoter' }, policyTypes: ['Egress'],
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ] as unknown as k8s.V1NetworkPolicyEgressRule[],
    createdAgo: 200 * DAYS,
  });
  const v6 = ['2606:4700:3031::ac43:b2d1', '2606:4700:3036::6815:4a9e'];
  const errLine = (t: number, i: number) => {
    const addr = v6[i % 2] ?? '';
    return `{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(fresh)}","msg":"rate refresh failed","provider":"fxfeed","attempt":${(i % 3) + 1},"err":{"type":"Error","message":"connect ENETUNREACH ${addr}:443 - Local (:::0)","stack":"Error: connect ENETUNREACH ${addr}:443 - Local (:::0)\\n    at internalConnect (node:net:1090:16)\\n    at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18)\\n    at GetAddrInfoReqWrap.emitLookup [as callback] (node:net:1498:9)\\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:128:8)","errno":-101,"code":"ENETUNREACH","syscall":"connect","address":"${addr}","port":443}}`;
  };
  const freshLog: string[] = [
    `{"level":30,"time":${ago(33.1).getTime()},"pid":1,"hostname":"${nameOf(fresh)}","msg":"fx-quoter 3.0.0 starting","node":"v18.20.4","env":"production"}`,
    `{"level":30,"time":${ago(33.1).getTime()},"pid":1,"hostname":"${nameOf(fresh)}","msg":"listening","port":8080}`,
  ];
  for (let i = 0; i < 14; i++) freshLog.push(errLine(32.9 - i * 2.3, i));
  freshLog.push(`{"level":40,"time":${ago(0.3).getTime()},"pid":1,"hostname":"${nameOf(fresh)}","msg":"not ready: no fresh quotes","lastQuoteAgeS":${Math.round(33.1 * 60)},"maxStalenessS":120}`);
  const oldLog = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${ago(1.1).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"rates refreshed","provider":"fxfeed","pairs":164,"remoteAddress":"104.21.74.158","durationMs":88}`,
    `{"level":30,"time":${ago(0.6).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/quote?pair=EURUSD"},"res":{"statusCode":200},"responseTime":3,"msg":"request completed"}`,
  );
  return {
    id: 'heldout109-node18-ipv6-first-enetunreach',
    class: 'network',
    truth: 'fx-quoter revision 12 (3.0.0) rebased the image from node:16 to node:18. Since Node 17, dns.lookup returns addresses in the resolver\'s order (verbatim) instead of IPv4 first, so api.fxfeed.io now resolves to its IPv6 (AAAA) address first and every outbound call fails with "connect ENETUNREACH 2606:4700:…:443" in this IPv4-only cluster; the new pod never gets fresh quotes and stays unready, and the rollout is stuck while revision-11 pods (node 16) serve fine. Fix: --dns-result-order=ipv4first (or family: 4 / autoSelectFamily) in revision 12, or roll back to revision 11 until then.',
    ask: { service: 'fx-quoter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, egress,
      ...exposed({ namespace: ns, name: 'fx-quoter', selector: { app: 'fx-quoter' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-settlement', selector: { app: 'fx-settlement' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 34),
      createdPod(replicaSetOf(app, 12), fresh, 33.9),
      ...pulledFresh(fresh, 'app', image('3.0.0'), { atAgo: 33.6, bytes: 61_842_117, seconds: 3.204 }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 33.3, lastAgo: 33.3, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 33.2, lastAgo: 33.2, fieldPath: 'spec.containers{app}' }),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 396, firstAgo: 33, lastAgo: 0.1 }),
      // Yesterday's noise on a bystander.
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.14.88:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 2, firstAgo: 6 * HOURS - 1, lastAgo: 6 * HOURS - 1.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(...freshLog) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: oldLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ENETUNREACH|IPv6|unreachable/i, new RegExp(`revision 12|3\\.0\\.0|node(:| ?)18|${rsOf(app, 12)}`, 'i')],
      facts: [lit('ENETUNREACH'), /2606:4700/, /revision 12|3\.0\.0|node(:| ?)18/i],
      never: [/\bOOM/, /NetworkPolicy[^\n]*(block|den(y|ies)|drop)/i, /NXDOMAIN|does not resolve|no such host/i],
    },
  };
}

// ---- 2. Guaranteed integer CPUs vs a single-numa-node topology manager -------------------------------

function topologyAffinityError(): CorpusScenario {
  const ns = 'risk';
  const nodeNames = ['10.0.140.21', '10.0.152.9', '10.0.163.77'].map(eksNodeName);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const pinned = nodeNames.map((n, i) => {
    const nd = node({
      name: n, zone: zones[i] ?? 'eu-west-1a', instanceType: 'c6i.32xlarge', pool: 'compute-pinned', createdAgo: 45 * DAYS,
      labels: { 'acme.io/kubelet-profile': 'numa-pinned', 'acme.io/cpu-manager-policy': 'static', 'acme.io/topology-manager-policy': 'single-numa-node' },
      taints: [{ key: 'dedicated', value: 'compute-pinned', effect: 'NoSchedule' }],
      allocatable: { cpu: '126', 'ephemeral-storage': '190195636290', memory: '254221268Ki', pods: '234' },
    });
    if (nd.status) nd.status.capacity = { cpu: '128', 'ephemeral-storage': '209702892Ki', memory: '259568596Ki', pods: '234' };
    return nd;
  });
  const { nodes: general, names: gnames } = threeEksNodes('10.0.131', ['40', '118', '229']);
  const image = (v: string) => `${ECR}/risk/pricing-engine:${v}`;
  const tpl = (v: string, guaranteed: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '96Gi',
      cpu: guaranteed ? '72' : '48', cpuLimit: '72',
      env: [{ name: 'OMP_NUM_THREADS', value: '72' }, { name: 'MC_PATHS', value: '2000000' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 30 }),
    })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'compute-pinned' },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'compute-pinned', effect: 'NoSchedule' }],
  });
  const rejected = 'Pod was rejected: Resources cannot be allocated with Topology locality';
  const failedAt = Array.from({ length: 34 }, (_, k) => 24.8 - k * 0.7);
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 7, createdAgo: 23 * DAYS, changeCause: 'helm upgrade pricing-engine 6.3.0', template: tpl('6.3.0', false) },
      { revision: 8, createdAgo: 25, changeCause: 'helm upgrade pricing-engine 6.3.0 (resources: guaranteed QoS for CPU pinning)', template: tpl('6.3.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 7, node: nodeNames[k] ?? '', createdAgo: 23 * DAYS - k * 2 })),
      ...failedAt.map((t, k) => ({ revision: 8, node: nodeNames[k % 3] ?? '', createdAgo: t, phase: 'Failed' as const, reason: 'TopologyAffinityError', message: rejected, sandbox: false, containers: { app: waiting('ContainerCreating') } })),
    ],
  });
  for (const p of app.pods.slice(3)) if (p.status) delete p.status.containerStatuses;
  // The new ReplicaSet wants one pod; rejected (Failed) pods do not count, so it keeps creating more.
  const rs8 = replicaSetOf(app, 8) as k8s.V1ReplicaSet;
  if (rs8.spec) rs8.spec.replicas = 1;
  const failed = app.pods.slice(3);
  const other = bystander(ns, 'risk-gateway', gnames, 3 * DAYS, { revisions: [18, 19], versions: ['1.8.2', '1.9.0'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout109-guaranteed-cpus-topology-affinity-error',
    class: 'scheduling',
    truth: 'pricing-engine revision 8 raised the CPU request to the 72-CPU limit, making the pods Guaranteed with integer CPUs. On the compute-pinned pool the kubelet runs the static CPU manager with topology manager policy single-numa-node, and 72 exclusive CPUs cannot fit in one 64-CPU NUMA node of a c6i.32xlarge, so the kubelet rejects every new pod at admission (TopologyAffinityError: Resources cannot be allocated with Topology locality) although the scheduler sees room; the ReplicaSet keeps creating replacements and the rollout is stuck. Fix: request at most one NUMA node\'s CPUs (or revert revision 8\'s resources / use a best-effort or restricted policy).',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...pinned, ...general, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'risk-gateway', selector: { app: 'risk-gateway' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 1, 0, 25),
      event({ on: replicaSetOf(app, 8), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(failed[failed.length - 1])}`, count: failed.length, firstAgo: 24.9, lastAgo: 1.7, component: 'replicaset-controller' }),
      ...failed.flatMap((p, k) => [
        scheduled(p, failedAt[k] ?? 1),
        event({ on: p, reason: 'TopologyAffinityError', message: 'Resources cannot be allocated with Topology locality', firstAgo: (failedAt[k] ?? 1) - 0.02, lastAgo: (failedAt[k] ?? 1) - 0.02 }),
      ]),
      // Noise: a node-level warning from last week on the pinned pool.
      nodeEvent(nodeNames[1] ?? '', 'SystemOOM', 'System OOM encountered, victim process: node_exporter, pid: 30412', { type: 'Warning', firstAgo: 6 * DAYS }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
        `${pyTime(2.1)} INFO pricing.engine: priced book=EMEA-RATES instruments=18412 paths=2000000 threads=72 elapsed=41.8s`,
        `${pyTime(0.4)} INFO pricing.api: GET /v1/book/EMEA-RATES/pv 200 12ms`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/TopologyAffinityError|topology|NUMA/i, new RegExp(`revision 8|${rsOf(app, 8)}|Guaranteed|integer|72`, 'i')],
      facts: [/Resources cannot be allocated with Topology locality|TopologyAffinityError/, /revision 8|Guaranteed|72/i],
      never: [/Insufficient cpu/i, /\bOOM/, /image|pull/i],
    },
  };
}

// ---- 3. PostgreSQL switched to scram-sha-256; a libpq 9.6 client cannot log in ----------------------

function scramVsOldLibpq(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.52', ['11', '164', '230']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const pgConf = (scram: boolean) => ({
    'postgresql.conf': [
      "listen_addresses = '*'", 'max_connections = 300', 'log_statement = ddl', 'shared_buffers = 2GB', 'wal_level = replica',
      `password_encryption = ${scram ? 'scram-sha-256' : 'md5'}`, "log_line_prefix = '%m [%p] %q%u@%d '", 'log_connections = on',
    ].join('\n') + '\n',
    'pg_hba.conf': [
      'local   all   all                 trust',
      `host    all   all   10.0.0.0/8    ${scram ? 'scram-sha-256' : 'md5'}`,
      `host    replication replicator 10.0.0.0/8 ${scram ? 'scram-sha-256' : 'md5'}`,
    ].join('\n') + '\n',
  });
  const pgTpl = (hash: string) => ({
    containers: [container({
      name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf', '-c', 'hba_file=/etc/postgresql/pg_hba.conf'],
      readiness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'pg-main-config' } }],
    annotations: { 'checksum/config': hash },
  });
  const pg = statefulSetApp({
    namespace: ns, name: 'pg-main', replicas: 1, serviceName: 'pg-main-headless',
    revisions: [
      { revision: 4, createdAgo: 90 * DAYS, template: pgTpl('9c1e4f07d2a8b35e') },
      { revision: 5, createdAgo: 51, template: pgTpl('e27b80a4c61f9d13') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 50.5 }],
    createdAgo: 400 * DAYS,
  });
  const pgPod = podOf(pg, 0);
  const image = `${ECR}/logistics/route-planner:4.2.7`;
  const appTpl = {
    containers: [container({
      image, ports: [8000], cpu: '300m', memory: '512Mi',
      command: ['gunicorn', 'planner.wsgi:app', '-b', '0.0.0.0:8000', '-w', '3'],
      env: [
        { name: 'PGHOST', value: 'pg-main.logistics.svc.cluster.local' }, { name: 'PGDATABASE', value: 'routes' },
        { name: 'PGUSER', value: 'route_planner' }, { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'route-planner-db', key: 'password' } } },
      ],
      readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns, name: 'route-planner', replicas: 3,
    revisions: [{ revision: 23, createdAgo: 26 * DAYS, changeCause: 'argocd: route-planner 4.2.7', template: appTpl }],
    pods: [0, 1, 2].map((k) => ({
      revision: 23, node: names[k] ?? '', createdAgo: 26 * DAYS - k,
      containers: { app: crashLoop({ exitCode: 3, finishedAgo: 0.8 + k * 0.9, ranSeconds: 3 }, 13 - k) },
    })),
    settled: { available: false, availableSince: 49, progressingSince: 26 * DAYS, progressingUpdatedAgo: 26 * DAYS },
  });
  const other = bystander(ns, 'shipment-tracker', names, 3 * HOURS, { revisions: [61, 62], versions: ['7.0.3', '7.1.0'], olderAgo: 9 * DAYS });
  const gt = (t: number) => `[${pyTime(t).replace(',', '.').slice(0, 19)} +0000]`;
  const tb = (t: number) => lines(
    `${gt(t + 0.05)} [1] [INFO] Starting gunicorn 19.9.0`,
    `${gt(t + 0.05)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gt(t + 0.05)} [1] [INFO] Using worker: sync`,
    `${gt(t + 0.05)} [9] [INFO] Booting worker with pid: 9`,
    `${pyTime(t + 0.03)} INFO planner.db: connecting to pg-main.logistics.svc.cluster.local:5432/routes as route_planner (psycopg2 2.7.7, libpq 90624)`,
    `${gt(t + 0.02)} [9] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.6/site-packages/gunicorn/arbiter.py", line 583, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.6/site-packages/gunicorn/workers/base.py", line 129, in init_process',
    '    self.load_wsgi()',
    '  File "/usr/local/lib/python3.6/site-packages/gunicorn/workers/base.py", line 138, in load_wsgi',
    '    self.wsgi = self.app.wsgi()',
    '  File "/usr/local/lib/python3.6/site-packages/gunicorn/util.py", line 350, in import_app',
    '    __import__(module)',
    '  File "/app/planner/wsgi.py", line 14, in <module>',
    '    db.init_pool(minconn=2, maxconn=10)',
    '  File "/app/planner/db.py", line 38, in init_pool',
    '    _pool = psycopg2.pool.ThreadedConnectionPool(minconn, maxconn, dsn="")',
    '  File "/usr/local/lib/python3.6/site-packages/psycopg2/pool.py", line 161, in __init__',
    '    self, minconn, maxconn, *args, **kwargs)',
    '  File "/usr/local/lib/python3.6/site-packages/psycopg2/pool.py", line 58, in __init__',
    '    self._connect()',
    '  File "/usr/local/lib/python3.6/site-packages/psycopg2/pool.py", line 62, in _connect',
    '    conn = psycopg2.connect(*self._args, **self._kwargs)',
    '  File "/usr/local/lib/python3.6/site-packages/psycopg2/__init__.py", line 130, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    'psycopg2.OperationalError: authentication method 10 not supported',
    '',
    `${gt(t + 0.01)} [9] [INFO] Worker exiting (pid: 9)`,
    `${gt(t)} [1] [INFO] Shutting down: Master`,
    `${gt(t)} [1] [INFO] Reason: Worker failed to boot.`,
  );
  const pgLog = lines(
    `${pgTime(50.2)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(50.2)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(50.1)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(47.3)} [88] postgres@postgres LOG:  statement: ALTER ROLE route_planner PASSWORD 'SCRAM-SHA-256$4096:Hk2Ck7r0dZ1pQmXo3vJ9tA==$Zm9v...'`,
    `${pgTime(47.2)} [88] postgres@postgres LOG:  statement: ALTER ROLE shipment_tracker PASSWORD 'SCRAM-SHA-256$4096:q8Lr2bN5sWc1yT0eKf7uGw==$YmFy...'`,
    `${pgTime(47.2)} [88] postgres@postgres LOG:  statement: ALTER ROLE replicator PASSWORD 'SCRAM-SHA-256$4096:Vd3mP9xR6hJ2kS8aQe1zLg==$cXV4...'`,
    `${pgTime(12.4)} [3301] LOG:  connection received: host=10.0.31.207 port=41822`,
    `${pgTime(12.4)} [3301] LOG:  connection authenticated: identity="shipment_tracker" method=scram-sha-256 (/etc/postgresql/pg_hba.conf:2)`,
    `${pgTime(0.8)} [3456] LOG:  connection received: host=10.0.44.12 port=50614`,
    `${pgTime(0.8)} [3456] route_planner@routes FATAL:  expected SASL response, got message type 88`,
    `${pgTime(0.2)} [3471] LOG:  connection received: host=10.0.18.96 port=38220`,
    `${pgTime(0.2)} [3471] route_planner@routes FATAL:  expected SASL response, got message type 88`,
  );
  return {
    id: 'heldout109-postgres-scram-old-libpq',
    class: 'config',
    truth: 'The team\'s PostgreSQL (StatefulSet pg-main) was switched 51 minutes ago to password_encryption = scram-sha-256 with scram-sha-256 in pg_hba.conf (ConfigMap pg-main-config, StatefulSet revision 5) and the roles\' passwords were reset. route-planner, unchanged for 26 days, is built on psycopg2 2.7 linked against libpq 9.6, which predates SCRAM, so every connection fails with "authentication method 10 not supported" and its pods crash-loop. The database change is the trigger; fix by upgrading the client driver (libpq ≥ 10) — or temporarily keep md5 for that role.',
    ask: { service: 'route-planner', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, ...app.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-pg-main-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS, storageClass: 'gp3', labels: { app: 'pg-main' } }),
      configMap({ namespace: ns, name: 'pg-main-config', createdAgo: 400 * DAYS, updatedAgo: 52, data: pgConf(true) }),
      service({ namespace: ns, name: 'pg-main-headless', selector: { app: 'pg-main' }, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] }),
      ...exposed({ namespace: ns, name: 'pg-main', selector: { app: 'pg-main' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'route-planner', selector: { app: 'route-planner' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: other.pods }),
      event({ on: { kind: 'StatefulSet', name: 'pg-main', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod pg-main-0 in StatefulSet pg-main successful`, firstAgo: 51, lastAgo: 51, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'pg-main', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod pg-main-0 in StatefulSet pg-main successful`, firstAgo: 50.6, lastAgo: 50.6, component: 'statefulset-controller' }),
      ...startedNormally(pgPod, 'postgres', pgImage, 50.5),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image, { count: 13 - k, firstAgo: 49, lastAgo: 1 + k * 0.9 }),
        backOff(p, 'app', { count: 190 - k * 9, firstAgo: 48.8 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: tb(0.8 + k * 0.9), current: tb(0.8 + k * 0.9) })),
      logsFor(pgPod, 'postgres', { current: pgLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/authentication method 10|scram|SASL|authenticat/i, /pg-main|postgres/i],
      facts: [lit('authentication method 10 not supported'), /scram-sha-256|password_encryption|pg_hba/i, /pg-main/],
      never: [/(wrong|incorrect|invalid) password|password authentication failed/i, /route-planner[^\n]*revision 23[^\n]*(caus|broke|introduc)/i, /\bOOM/],
    },
  };
}

// ---- 4. Debian bookworm (OpenSSL 3, SECLEVEL=2) rejects a SHA-1-signed mTLS client certificate -------

function bookwormCaMdTooWeak(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.112', ['25', '150', '212']);
  const image = (v: string) => `${ECR}/claims/claims-sync:${v}`;
  const tpl = (v: string, base: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '384Mi',
      command: ['python', '-m', 'claims_sync'],
      env: [
        { name: 'PARTNER_API', value: 'https://b2b.nordbank-partner.example:8443/claims/v3' },
        { name: 'MTLS_CERT', value: '/etc/partner-mtls/tls.crt' }, { name: 'MTLS_KEY', value: '/etc/partner-mtls/tls.key' },
        { name: 'MTLS_CA', value: '/etc/partner-mtls/ca.crt' },
      ],
      volumeMounts: [{ name: 'partner-mtls', mountPath: '/etc/partner-mtls', readOnly: true }],
    })],
    volumes: [{ name: 'partner-mtls', secret: { secretName: 'partner-mtls', defaultMode: 0o440 } }],
    annotations: { 'build.acme.io/base-image': base },
  });
  const app = deploymentApp({
    namespace: ns, name: 'claims-sync', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 37 * DAYS, changeCause: 'argocd: claims-sync 2.14.0', template: tpl('2.14.0', 'python:3.11.9-slim-bullseye') },
      { revision: 19, createdAgo: 28, changeCause: 'argocd: claims-sync 2.15.0 (base image: python:3.12-slim-bookworm)', template: tpl('2.15.0', 'python:3.12.7-slim-bookworm') },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 37 * DAYS },
      { revision: 18, node: names[1] ?? '', createdAgo: 37 * DAYS - 1, containers: { app: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 9 * DAYS, ranSeconds: 28 * 86400 } }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 27.6, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 2 }, 10) } },
    ],
  });
  const fresh = podOf(app, 2);
  const other = bystander(ns, 'claims-portal', names, 2 * DAYS, { revisions: [90, 91], versions: ['11.2.0', '11.3.0'], olderAgo: 20 * DAYS });
  const crash = (t: number) => lines(
    `${pyTime(t + 0.03)} INFO claims_sync: claims-sync 2.15.0 starting (Python 3.12.7, OpenSSL 3.0.15 3 Sep 2024)`,
    `${pyTime(t + 0.02)} INFO claims_sync.partner: loading client certificate /etc/partner-mtls/tls.crt (subject=CN=acme-claims-sync,O=ACME Insurance, issuer=CN=NordBank Partner CA G1, sig=sha1WithRSAEncryption, notAfter=2027-06-30)`,
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/claims_sync/__main__.py", line 22, in <module>',
    '    client = PartnerClient.from_env()',
    '  File "/app/claims_sync/partner.py", line 47, in from_env',
    '    ctx.load_cert_chain(os.environ["MTLS_CERT"], os.environ["MTLS_KEY"])',
    'ssl.SSLError: [SSL: CA_MD_TOO_WEAK] ca md too weak (_ssl.c:3900)',
  );
  const oldLog = lines(
    `${pyTime(3.2)} INFO claims_sync.partner: POST /claims/v3/batch 202 batch=8812 claims=57 tls=TLSv1.2`,
    `${pyTime(0.7)} INFO claims_sync.partner: POST /claims/v3/batch 202 batch=8813 claims=61 tls=TLSv1.2`,
  );
  return {
    id: 'heldout109-bookworm-sha1-client-cert-ca-md-too-weak',
    class: 'rollout',
    truth: 'claims-sync revision 19 (2.15.0) rebased the image from python:3.11-slim-bullseye to python:3.12-slim-bookworm, whose OpenSSL 3 runs at security level 2. The partner\'s mTLS client certificate (Secret partner-mtls) is signed with SHA-1 (sha1WithRSAEncryption), so load_cert_chain now fails with "[SSL: CA_MD_TOO_WEAK] ca md too weak" and the new pod crash-loops at startup; the rollout is stuck while the two revision-18 pods (bullseye, OpenSSL 1.1) keep syncing. The certificate is not expired. Fix: roll back to revision 18 and get a SHA-256-signed certificate from the partner (or lower SECLEVEL for that context as a stopgap).',
    ask: { service: 'claims-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-sync', selector: { app: 'claims-sync' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-portal', selector: { app: 'claims-portal' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 28),
      ...pulledFresh(fresh, 'app', image('2.15.0'), { atAgo: 27.6, bytes: 58_211_930, seconds: 2.871 }),
      ...restartedAgain(fresh, 'app', image('2.15.0'), { count: 11, firstAgo: 27.4, lastAgo: 1.95 }),
      backOff(fresh, 'app', { count: 118, firstAgo: 27.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(1.9), current: crash(1.9) }),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
      logsFor(podOf(app, 1), 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ca md too weak|CA_MD_TOO_WEAK|SHA-?1/i, new RegExp(`revision 19|2\\.15\\.0|bookworm|${rsOf(app, 19)}`, 'i')],
      facts: [/ca md too weak|CA_MD_TOO_WEAK/i, /sha1|SHA-1/i, /revision 19|2\.15\.0/i],
      never: [/certificate (has )?expired|expired certificate/i, /permission denied|read-only/i, /missing (secret|env)|not found/i],
    },
  };
}

// ---- 5. (probes, my choice) a liveness probe that checks Redis, while Redis loads its dataset -------

function livenessChecksRedis(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.77', ['19', '140', '233']);
  const newNode = node({ name: eksNodeName('10.0.77.61'), zone: 'eu-west-1b', instanceType: 'r6i.2xlarge', pool: 'redis-spot', createdAgo: 13, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63179208Ki', pods: '58' } });
  const goneNode = eksNodeName('10.0.77.172');
  const redisImage = 'docker.io/library/redis:7.2.5';
  const redis = statefulSetApp({
    namespace: ns, name: 'cart-redis', replicas: 1, serviceName: 'cart-redis-headless',
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({
      name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '52Gi',
      args: ['--appendonly', 'no', '--save', '900 1', '--maxmemory', '46gb', '--dir', '/data'],
      readiness: execProbe(['sh', '-c', 'test "$(redis-cli ping)" = PONG || { redis-cli ping; exit 1; }'], { periodSeconds: 5, timeoutSeconds: 2 }),
      liveness: tcpProbe('redis', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    })], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'redis-spot' } } }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: nameOf(newNode), createdAgo: 11.5, ready: false, containers: { redis: running({ sinceAgo: 10.2, ready: false }) } }],
    createdAgo: 300 * DAYS,
  });
  const redisPod = podOf(redis, 0);
  const [redisClaim, redisVolume] = boundClaim({ namespace: ns, name: 'data-cart-redis-0', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS, storageClass: 'gp3', labels: { app: 'cart-redis' } });
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
    env: [{ name: 'REDIS_ADDR', value: 'cart-redis.shop.svc.cluster.local:6379' }, { name: 'CATALOG_URL', value: 'http://catalog-api.catalog.svc.cluster.local' }],
    readiness: httpProbe('/health', 8080, { periodSeconds: 5, timeoutSeconds: 2 }),
    liveness: httpProbe('/health', 8080, { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }),
  })] });
  const restarts = [5, 4, 5, 4];
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 4,
    revisions: [
      { revision: 52, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-api 8.4.1', template: tpl('8.4.1') },
      { revision: 53, createdAgo: 3 * DAYS, changeCause: 'argocd: cart-api 8.5.0', template: tpl('8.5.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 53, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k,
      containers: { app: k % 2 === 0
        ? crashLoop({ exitCode: 2, finishedAgo: 0.6 + k * 0.2, ranSeconds: 36 }, restarts[k] ?? 6)
        : running({ sinceAgo: 0.4 + k * 0.1, ready: false, restarts: restarts[k] ?? 6, last: { exitCode: 2, finishedAgo: 1.2 + k * 0.1, ranSeconds: 37 } }) },
    })),
    settled: { available: false, availableSince: 9.5, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS },
  });
  const bys = bystander(ns, 'checkout-web', names, 5 * HOURS, { revisions: [301, 302], versions: ['2026.11.20-3', '2026.11.21-1'], olderAgo: 2 * DAYS });
  const redisLog = lines(
    `1:C ${redisTime(10.2)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(10.2)} # Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M ${redisTime(10.2)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(10.2)} * Server initialized`,
    `1:M ${redisTime(10.2)} * Loading RDB produced by version 7.2.5`,
    `1:M ${redisTime(10.2)} * RDB age 1342 seconds`,
    `1:M ${redisTime(10.2)} * RDB memory usage when created 41873.66 Mb`,
  );
  const appLog = (p: k8s.V1Pod, t: number) => lines(
    `{"time":"${at(t + 0.6)}","level":"INFO","msg":"cart-api starting","version":"8.5.0","addr":":8080"}`,
    `{"time":"${at(t + 0.55)}","level":"WARN","msg":"redis not ready at startup, continuing in degraded mode (carts served from catalog fallback)","err":"LOADING Redis is loading the dataset in memory"}`,
    `{"time":"${at(t + 0.5)}","level":"INFO","msg":"POST /v1/carts/items","status":200,"dur_ms":41,"degraded":true,"pod":"${nameOf(p)}"}`,
    `{"time":"${at(t + 0.45)}","level":"WARN","msg":"GET /health","status":503,"checks":{"redis":"LOADING Redis is loading the dataset in memory","catalog":"ok"},"dur_ms":2}`,
    `{"time":"${at(t + 0.28)}","level":"WARN","msg":"GET /health","status":503,"checks":{"redis":"LOADING Redis is loading the dataset in memory","catalog":"ok"},"dur_ms":1}`,
    `{"time":"${at(t + 0.12)}","level":"WARN","msg":"GET /health","status":503,"checks":{"redis":"LOADING Redis is loading the dataset in memory","catalog":"ok"},"dur_ms":1}`,
    `{"time":"${at(t + 0.01)}","level":"INFO","msg":"received terminated, shutting down"}`,
    `{"time":"${at(t)}","level":"ERROR","msg":"shutdown incomplete: 3 in-flight requests aborted","exit":2}`,
  );
  return {
    id: 'heldout109-liveness-checks-redis-while-loading',
    class: 'probes',
    truth: 'cart-api\'s liveness probe hits /health, which also checks Redis. The cart-redis pod was rescheduled 11 minutes ago after its spot node was reclaimed and is still loading its 41 GB dataset (RDB), answering "LOADING Redis is loading the dataset in memory", so /health returns 503 and the kubelet kills every cart-api pod after three failed liveness probes, over and over, although the app itself could serve in degraded mode. Cause: a dependency check in the liveness probe (fix: liveness checks the process only, keep Redis in readiness); cart-api revision 53 (three days old) is not the cause.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, newNode, ...redis.objects, ...app.objects, ...bys.objects,
      service({ namespace: ns, name: 'cart-redis-headless', selector: { app: 'cart-redis' }, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: bys.pods }),
      redisClaim, redisVolume,
      // The spot interruption: the termination handler cordoned and drained the old node.
      nodeEvent(goneNode, 'NodeNotSchedulable', `Node ${goneNode} status is now: NodeNotSchedulable`, { firstAgo: 13.4 }),
      event({ on: { kind: 'Pod', name: 'cart-redis-0', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 13.2, lastAgo: 13.2, fieldPath: 'spec.containers{redis}' }),
      nodeEvent(goneNode, 'RemovingNode', `Node ${goneNode} event: Removing Node ${goneNode} from Controller`, { firstAgo: 11.8, component: 'node-controller' }),
      scheduled(redisPod, 11.5),
      event({ on: redisPod, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${nameOf(redisVolume)}"`, firstAgo: 10.6, lastAgo: 10.6, component: 'attachdetach-controller' }),
      ...restartedAgain(redisPod, 'redis', redisImage, { count: 1, firstAgo: 10.25, lastAgo: 10.25 }),
      probeFailed(redisPod, 'redis', 'Readiness', 'LOADING Redis is loading the dataset in memory', { count: 118, firstAgo: 10, lastAgo: 0.1 }),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 3 * (restarts[k] ?? 6), firstAgo: 9.6, lastAgo: 0.7 + k * 0.15 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 70 + k, firstAgo: 9.7, lastAgo: 0.3 }),
        probeKilling(p, 'app', 'liveness', { count: restarts[k] ?? 6, firstAgo: 9.2, lastAgo: 0.7 + k * 0.15 }),
        ...restartedAgain(p, 'app', image('8.5.0'), { count: restarts[k] ?? 6, firstAgo: 9.1, lastAgo: 0.5 + k * 0.1 }),
        backOff(p, 'app', { count: 14 + k, firstAgo: 6.5 }),
      ]),
    ],
    logs: [
      logsFor(redisPod, 'redis', { current: redisLog }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: appLog(p, k % 2 === 0 ? 0.6 + k * 0.2 : 1.2 + k * 0.1) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness|redis|probe/i],
      facts: [/LOADING|loading the dataset/i, /\/health/, /cart-redis/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /NetworkPolicy/i],
    },
  };
}

// ---- 6. (jobs, my choice) a Forbid CronJob blocked by a run hung for three days -----------------------

function cronJobHungForbid(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.201', ['33', '90', '178']);
  const image = `${ECR}/finance/ledger-export:1.6.2`;
  const startedAgo = 3 * DAYS + 1 * HOURS + 14; // 2026-11-18 02:00
  const cron = cronJob({
    namespace: ns, name: 'ledger-export', schedule: '0 2 * * *',
    template: { containers: [batchContainer({
      name: 'export', image, cpu: '500m', memory: '1Gi', command: ['python', '-m', 'ledger_export', '--target', 'sftp'],
      env: [{ name: 'SFTP_HOST', value: 'sftp.clearing-house.example' }, { name: 'SFTP_PORT', value: '22' }, { name: 'EXPORT_BUCKET', value: 's3://acme-finance-exports' }],
    })] },
    backoffLimit: 2,
    jobs: [{ createdAgo: startedAgo, pods: [{ node: names[1] ?? '', createdAgo: startedAgo - 0.05, containers: { export: running({ sinceAgo: startedAgo - 0.2 }) } }] }],
    lastSuccessfulAgo: 4 * DAYS + 1 * HOURS + 14 - 21,
    createdAgo: 420 * DAYS,
  });
  const theJob = cron.jobs[0];
  const jobPod = theJob?.pods[0];
  const bys = bystander(ns, 'ledger-api', names, 20 * HOURS, { revisions: [14, 15], versions: ['3.3.0', '3.4.0'], olderAgo: 15 * DAYS });
  const jobLog = lines(
    `${pyTime(startedAgo - 0.25)} INFO ledger_export: run for business date 2026-11-17 starting`,
    `${pyTime(startedAgo - 3.1)} INFO ledger_export.extract: 1,284,611 postings extracted in 171.3s`,
    `${pyTime(startedAgo - 4.0)} INFO ledger_export.s3: uploaded s3://acme-finance-exports/2026/11/17/ledger-20261117.csv.gz (412.8 MiB)`,
    `${pyTime(startedAgo - 4.1)} INFO paramiko.transport: Connected (version 2.0, client OpenSSH_8.4)`,
    `${pyTime(startedAgo - 4.1)} INFO paramiko.transport: Authentication (publickey) successful!`,
    `${pyTime(startedAgo - 4.1)} INFO paramiko.transport.sftp: [chan 0] Opened sftp connection (server version 3)`,
    `${pyTime(startedAgo - 4.1)} INFO ledger_export.sftp: uploading ledger-20261117.csv.gz to sftp.clearing-house.example:/inbound/acme/ (412.8 MiB)`,
    `${pyTime(startedAgo - 9.8)} INFO ledger_export.sftp: progress 38% (157.0 MiB)`,
    `${pyTime(startedAgo - 12.6)} INFO ledger_export.sftp: progress 41% (169.3 MiB), waiting for server acknowledgements`,
  );
  const cronRef = { kind: 'CronJob', name: 'ledger-export', namespace: ns };
  return {
    id: 'heldout109-cronjob-forbid-hung-run',
    class: 'jobs',
    truth: 'The ledger-export CronJob (daily 02:00, concurrencyPolicy Forbid, no activeDeadlineSeconds) has been blocked for three days: the run started 2026-11-18 02:00 hung mid SFTP upload (the idle connection was silently dropped by the NAT gateway and the client has no timeout or keepalive), its pod is still Running with no log line since, so the controller skipped the 19, 20 and 21 November runs (JobAlreadyActive) and no ledger has been exported since. Fix: kill the hung Job, add activeDeadlineSeconds and SFTP timeouts/keepalives.',
    ask: { service: 'ledger-export', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...bys.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: bys.pods }),
      event({ on: cronRef, type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid', count: 3, firstAgo: 2 * DAYS + 1 * HOURS + 14, lastAgo: 1 * HOURS + 14, component: 'cronjob-controller' }),
      // Noise: a readiness blip on the bystander during yesterday's rollout.
      event({ on: podOf(bys, 0), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.9.41:8080/ready": dial tcp 10.0.9.41:8080: connect: connection refused', count: 3, firstAgo: 20 * HOURS - 0.5, lastAgo: 20 * HOURS - 0.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: jobPod === undefined ? [] : [logsFor(jobPod, 'export', { current: jobLog })],
    expect: {
      verdict: 'problems',
      headline: [/ledger-export/, /Forbid|already (active|running)|JobAlreadyActive|hung|hang|stuck|skipp|no progress|3 days|3d|72h|blocked/i],
      facts: [/JobAlreadyActive|prior execution is running/i, /activeDeadlineSeconds|deadline|timeout/i],
      never: [/BackoffLimitExceeded|backoff limit/i, /\bOOM/, /cron ?job (is|was) suspended/i],
    },
  };
}

// ---- 7. healthy control: pods rescheduled two hours ago by a planned node drain -----------------------

function healthyAfterPlannedDrain(): CorpusScenario {
  const ns = 'comms';
  const fresh = ['10.0.88.19', '10.0.88.143', '10.0.88.222'].map(eksNodeName);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = fresh.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a', createdAgo: 2 * HOURS + 25 }));
  const old = ['10.0.88.40', '10.0.88.101', '10.0.88.187'].map(eksNodeName);
  const image = `${ECR}/comms/notifications:5.8.3`;
  const app = deploymentApp({
    namespace: ns, name: 'notifications', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 16 * DAYS, changeCause: 'argocd: notifications 5.8.2', template: { containers: [container({ image: `${ECR}/comms/notifications:5.8.2` })] } },
      { revision: 27, createdAgo: 6 * DAYS, changeCause: 'argocd: notifications 5.8.3', template: { containers: [container({ image })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: fresh[k] ?? '', createdAgo: 2 * HOURS + 4 - k * 3 })),
    settled: { available: true, availableSince: 2 * HOURS - 2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS },
  });
  const oldPodNames = ['notifications-7fk2q', 'notifications-x9m4d', 'notifications-b2wz8'].map((s) => `${rsOf(app, 27)}-${s.split('-')[1]}`);
  return {
    id: 'heldout109-healthy-after-planned-drain',
    class: 'healthy',
    truth: 'Nothing is wrong: two hours ago the platform team drained the general node group for the AMI upgrade, so all three notifications pods were evicted and recreated on the new nodes; the Killing and node events are that planned drain, and every pod has been ready with no restart since.',
    ask: { service: 'notifications', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'notifications', selector: { app: 'notifications' }, pods: app.pods }),
      ...old.flatMap((n, k) => [
        nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 2 * HOURS + 8 - k * 3 }),
        event({ on: { kind: 'Pod', name: oldPodNames[k] ?? '', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 2 * HOURS + 5 - k * 3, lastAgo: 2 * HOURS + 5 - k * 3, fieldPath: 'spec.containers{app}' }),
        nodeEvent(n, 'RemovingNode', `Node ${n} event: Removing Node ${n} from Controller`, { firstAgo: 1 * HOURS + 48 - k * 3, component: 'node-controller' }),
      ]),
      ...app.pods.flatMap((p, k) => [createdPod(replicaSetOf(app, 27), p, 2 * HOURS + 4.05 - k * 3), ...startedNormally(p, 'app', image, 2 * HOURS + 4 - k * 3)]),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(
      `{"ts":"${at(1.4)}","level":"info","msg":"sent","channel":"email","template":"order-shipped","provider":"ses","latency_ms":84}`,
      `{"ts":"${at(0.5)}","level":"info","msg":"sent","channel":"push","template":"cart-reminder","provider":"fcm","latency_ms":112}`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/notifications|healthy|ready|no (problem|issue)/i],
      facts: [/3\/3|3 of 3|all (3|three)|ready/i],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  node18Ipv6First(),
  topologyAffinityError(),
  scramVsOldLibpq(),
  bookwormCaMdTooWeak(),
  livenessChecksRedis(),
  cronJobHungForbid(),
  healthyAfterPlannedDrain(),
];
