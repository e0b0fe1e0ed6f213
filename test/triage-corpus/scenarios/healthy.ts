// Corpus stories: healthy controls. Each has something a careless reader would blame — an OOM
// hours ago, a rollout in flight, old warnings and evicted pods, volumes, a CronJob, log lines with
// scary words — and the right answer is still "healthy".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, NODE_A, NODE_B, NODE_C, at, backOff, batchContainer, boundClaim, clusterIpOf, container, cronJob, cronJobEvent, deploymentApp,
  event, every, execProbe, exposed, failedScheduling, httpProbe, ipOf, jobEvent, kubeletEviction, logsOf, nameOf, node, nodeEvent,
  probeFailed, pyTime, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, terminated, threeNodes, waiting,
} from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- 13. recovered hours ago -----------------------------------------------------------------

/**
 * One recommendations pod was OOMKilled five hours ago during a model reload, restarted once and
 * has run cleanly since; all four pods are Ready. The old BackOff warning is history.
 */
function recoveredFromOldOom(): CorpusScenario {
  const ns = 'personalization';
  const tpl = (v: string) => ({
    containers: [
      container({
        image: `registry.example.com/personalization/recommendations:${v}`,
        command: ['gunicorn', 'recs.app:app', '--bind=0.0.0.0:8080', '--workers=3', '--worker-class=uvicorn.workers.UvicornWorker'],
        cpu: '1',
        memory: '2Gi',
        readiness: httpProbe('/health/ready', 8080, { periodSeconds: 5 }),
        liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 30 }),
      }),
    ],
  });
  const oomAgo = 5 * HOURS + 2;
  const app = deploymentApp({
    namespace: ns,
    name: 'recommendations',
    replicas: 4,
    revisions: [
      { revision: 44, createdAgo: 17 * DAYS, template: tpl('12.0.3') },
      { revision: 45, createdAgo: 4 * DAYS, changeCause: 'ci: recommendations 12.1.0', template: tpl('12.1.0') },
    ],
    pods: [
      { revision: 45, node: NODE_A, createdAgo: 4 * DAYS },
      { revision: 45, node: NODE_B, createdAgo: 4 * DAYS - 1, containers: { app: running({ sinceAgo: oomAgo - 0.4, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: oomAgo, ranSeconds: Math.round((4 * DAYS - 1 - oomAgo) * 60) } }) } },
      { revision: 45, node: NODE_C, createdAgo: 4 * DAYS - 2 },
      { revision: 45, node: NODE_A, createdAgo: 4 * DAYS - 3 },
    ],
  });
  const restarted = app.pods[1];
  const gunicorn = (t: number, msg: string) => `[${at(t).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] ${msg}\n`;
  const access = (t: number, k: number, host: string) =>
    `${at(t)} INFO recs.api ${host} "GET /v2/recommendations?user=u_${(k * 7919) % 100000}&slot=home HTTP/1.1" 200 ${8 + ((k * 13) % 30)}ms\n`;
  // The killed run: the nightly model refresh loads the new model next to the old one, then nothing.
  const oomRunLog =
    every(oomAgo + 3, oomAgo + 2.2, 7, (t, k) => access(t, k + 500, ipOf(restarted))) +
    `${at(oomAgo + 2)} INFO recs.model reloading model recs-2026-11-20 (nightly refresh)\n` +
    `${at(oomAgo + 1.97)} INFO recs.model downloading s3://acme-ml-models/recs/2026-11-20/model.bin (1.21 GiB)\n` +
    `${at(oomAgo + 0.6)} INFO recs.model loading new model alongside current one (double-buffered swap)\n` +
    every(oomAgo + 0.55, oomAgo + 0.05, 7, (t, k) => access(t, k + 700, ipOf(restarted)));
  const currentLog = (p: k8s.V1Pod, i: number) =>
    (i === 1
      ? gunicorn(oomAgo - 0.38, 'Starting gunicorn 23.0.0') +
        gunicorn(oomAgo - 0.38, 'Listening at: http://0.0.0.0:8080 (1)') +
        gunicorn(oomAgo - 0.37, 'Using worker: uvicorn.workers.UvicornWorker') +
        `${at(oomAgo - 0.2)} INFO recs.model loaded model recs-2026-11-20 (1.21 GiB, 38.4s)\n`
      : '') +
    every(2, 0, 7, (t, k) => access(t, k + i * 1000, ipOf(p)));

  return {
    id: 'healthy-recovered-from-oom-hours-ago',
    class: 'healthy',
    truth: 'Nothing is wrong now: 4/4 ready; one pod was OOMKilled 5 hours ago during a model reload, restarted once and has run cleanly since.',
    ask: { service: 'recommendations' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' }, pods: app.pods }),
      ...(restarted ? [backOff(restarted, 'app', { count: 1, firstAgo: oomAgo - 0.1, lastAgo: oomAgo - 0.1 })] : []),
    ],
    logs: logsOf(app.pods, 'app', (p, i) => ({ current: currentLog(p, i), ...(i === 1 ? { previous: oomRunLog } : {}) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /4\/4/],
      facts: [/OOMKilled|\b137\b|1 restart|restarted once/i],
      never: [/roll ?back/i, /crash-?loop/i],
    },
  };
}

// ---- 14. mid-rollout ---------------------------------------------------------------------------

/**
 * Revision 27 of web was applied 90 seconds ago: two new pods are starting (one pulling its image,
 * one just started and not yet Ready) while three pods of revision 26 serve. Nothing has failed.
 */
function midRollout(): CorpusScenario {
  const ns = 'frontend';
  const image = (v: string) => `registry.example.com/frontend/web:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        ports: [3000],
        env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }],
        memory: '768Mi',
        readiness: httpProbe('/api/health', 3000, { initialDelaySeconds: 5, periodSeconds: 5 }),
        liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 20 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'web',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 6 * DAYS, changeCause: 'argocd: web 2026.11.15-2', template: tpl('2026.11.15-2') },
      { revision: 27, createdAgo: 1.5, changeCause: 'argocd: web 2026.11.21-1', template: tpl('2026.11.21-1') },
    ],
    pods: [
      { revision: 27, node: NODE_C, createdAgo: 1.48, containers: { app: running({ sinceAgo: 0.35, ready: false }) } },
      // Pulling its image: the sandbox is up, so the pod has its IP.
      { revision: 27, node: NODE_B, createdAgo: 0.8, phase: 'Pending', sandbox: true, containers: { app: waiting('ContainerCreating') } },
      { revision: 26, node: NODE_A, createdAgo: 6 * DAYS },
      { revision: 26, node: NODE_B, createdAgo: 6 * DAYS },
      { revision: 26, node: NODE_C, createdAgo: 6 * DAYS },
    ],
  });
  const deployment = app.objects[0] ?? {};
  const oldRs = nameOf(app.objects[1]);
  const newRs = nameOf(app.objects[2]);
  const [starting, creating] = app.pods;
  const fieldPath = 'spec.containers{app}';
  const next = image('2026.11.21-1');
  const nextLog = `   ▲ Next.js 15.0.3\n   - Local:        http://localhost:3000\n   - Network:      http://0.0.0.0:3000\n\n ✓ Starting...\n ✓ Ready in 1841ms\n`;
  const oldLog = (k: number) => every(2, 0, 11, (t, j) => `${at(t)} info  GET /${['', 'products/sku-4410', 'cart', 'api/health'][(j + k) % 4]} 200 ${12 + ((j * 17) % 80)}ms\n`);

  return {
    id: 'healthy-mid-rollout-new-pods-starting',
    class: 'healthy',
    truth: 'Nothing is wrong: revision 27 started rolling out 90 seconds ago; two new pods are still starting (image pulling, readiness pending) while 3 pods of revision 26 serve.',
    ask: { service: 'web' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: ns, name: 'web', selector: { app: 'web' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deployment, newRs, 1, 0, 1.5),
      scaledReplicaSet(deployment, oldRs, 3, 4, 1.5),
      scaledReplicaSet(deployment, newRs, 2, 1, 0.82),
      ...(starting
        ? [
            scheduled(starting, 1.48),
            event({ on: starting, type: 'Normal', reason: 'Pulling', message: `Pulling image "${next}"`, firstAgo: 1.47, lastAgo: 1.47, fieldPath }),
            event({ on: starting, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${next}" in 1m3.512s (1m3.512s including waiting). Image size: 187243911 bytes.`, firstAgo: 0.4, lastAgo: 0.4, fieldPath }),
            event({ on: starting, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 0.37, lastAgo: 0.37, fieldPath }),
            event({ on: starting, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 0.36, lastAgo: 0.36, fieldPath }),
            probeFailed(starting, 'app', 'Readiness', `Get "http://${ipOf(starting)}:3000/api/health": dial tcp ${ipOf(starting)}:3000: connect: connection refused`, { count: 1, firstAgo: 0.25, lastAgo: 0.25 }),
          ]
        : []),
      ...(creating
        ? [
            scheduled(creating, 0.8),
            event({ on: creating, type: 'Normal', reason: 'Pulling', message: `Pulling image "${next}"`, firstAgo: 0.79, lastAgo: 0.79, fieldPath }),
          ]
        : []),
    ],
    logs: [
      ...logsOf(starting ? [starting] : [], 'app', () => ({ current: nextLog })),
      ...logsOf(app.pods.slice(2), 'app', (_p, i) => ({ current: oldLog(i) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|in progress|progressing|rolling out/i],
      facts: [/revision 27/i],
      never: [/roll ?back/i, /fail/i],
    },
  };
}

// ---- 15. old noise ---------------------------------------------------------------------------

/**
 * notifications is 3/3 Ready with clean logs. Around it: two pods evicted 20 hours ago when a node
 * ran low on ephemeral storage (still listed as Failed/Evicted), and warnings from two days ago
 * (a FailedScheduling, readiness failures during a start). None of it is happening now.
 */
function oldNoiseEvictedAndStaleWarnings(): CorpusScenario {
  const ns = 'messaging';
  const tpl = {
    containers: [
      container({
        image: 'registry.example.com/messaging/notifications:7.2.1',
        env: [{ name: 'SMTP_RELAY', value: 'smtp-relay.messaging.svc:25' }, { name: 'SQS_QUEUE', value: 'notifications-outbound' }],
        memory: '384Mi',
        readiness: httpProbe('/ready', 8080),
        liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      }),
    ],
  };
  const evictedAgo = 20 * HOURS;
  const evictedMsg = (used: string) => `The node was low on resource: ephemeral-storage. Threshold quantity: 4281108168, available: 3963428Ki. Container app was using ${used}, request is 0, has larger consumption of ephemeral-storage.`;
  const evicted = (used: string, n: string) => ({
    revision: 14,
    node: n,
    createdAgo: 2 * DAYS + 15,
    ...kubeletEviction(evictedMsg(used), evictedAgo),
    containers: { app: terminated({ exitCode: 137, reason: 'Error', finishedAgo: evictedAgo - 0.5, ranSeconds: Math.round((2 * DAYS + 15 - evictedAgo) * 60) }) },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notifications',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 25 * DAYS, template: tpl },
      { revision: 14, createdAgo: 2 * DAYS + 16, changeCause: 'ci: notifications 7.2.1', template: tpl },
    ],
    pods: [
      { revision: 14, node: NODE_A, createdAgo: 2 * DAYS + 14 },
      { revision: 14, node: NODE_A, createdAgo: evictedAgo - 0.2 },
      { revision: 14, node: NODE_C, createdAgo: evictedAgo - 0.2 },
      evicted('2215436Ki', NODE_B),
      evicted('1874012Ki', NODE_B),
    ],
  });
  const [survivor, , , ev1, ev2] = app.pods;
  const nodes = [node({ name: NODE_A, zone: 'eu-west-1a' }), node({ name: NODE_B, zone: 'eu-west-1b' }), node({ name: NODE_C, zone: 'eu-west-1c' })];
  const stale = 2 * DAYS + 14;
  const worker = (t: number, k: number) =>
    `time=${at(t)} level=INFO msg="batch delivered" channel=${['email', 'push', 'sms'][k % 3]} sent=${20 + ((k * 11) % 40)} latency_ms=${90 + ((k * 7) % 60)}\n`;

  return {
    id: 'healthy-old-noise-evicted-pods-stale-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong now: 3/3 ready, logs clean; the two Evicted pods are leftovers from a disk-pressure eviction 20 hours ago and the warnings are two days old.',
    ask: { service: 'notifications' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'notifications', selector: { app: 'notifications' }, pods: app.pods }),
      ...(survivor
        ? [
            failedScheduling(survivor, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 3, firstAgo: stale + 0.1, lastAgo: stale - 0.8 }),
            probeFailed(survivor, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2, firstAgo: stale - 1.2, lastAgo: stale - 1.1 }),
          ]
        : []),
      ...[ev1, ev2].flatMap((p) =>
        p
          ? [
              event({ on: p, reason: 'Evicted', message: p.status?.message ?? '', firstAgo: evictedAgo, lastAgo: evictedAgo }),
              event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: evictedAgo, lastAgo: evictedAgo, fieldPath: 'spec.containers{app}' }),
            ]
          : [],
      ),
      nodeEvent(NODE_B, 'EvictionThresholdMet', 'Attempting to reclaim ephemeral-storage', { type: 'Warning', firstAgo: evictedAgo + 0.3 }),
      nodeEvent(NODE_B, 'NodeHasNoDiskPressure', `Node ${NODE_B} status is now: NodeHasNoDiskPressure`, { firstAgo: evictedAgo - 6 }),
    ],
    logs: logsOf(app.pods.slice(0, 3), 'app', (_p, i) => ({ current: every(3 - i * 0.2, 0, 13, (t, k) => worker(t, k + i * 50)) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /3\/3/],
      facts: [/evict/i],
      never: [/roll ?back/i, /insufficient|unschedulable/i, /disk ?pressure/i, /probe (is )?failing|failing (readiness|liveness)/i],
    },
  };
}

// ---- 16. a healthy StatefulSet with volumes --------------------------------------------------

/** zookeeper: 3/3 Ready, each pod's claim Bound to a volume in the pod's own zone. */
function healthyStatefulSetWithVolumes(): CorpusScenario {
  const ns = 'streaming';
  const tpl = {
    containers: [
      container({
        name: 'zookeeper',
        image: 'docker.io/bitnami/zookeeper:3.9.3-debian-12-r1',
        ports: [{ name: 'client', containerPort: 2181 }, { name: 'follower', containerPort: 2888 }, { name: 'election', containerPort: 3888 }],
        env: [{ name: 'ZOO_SERVERS', value: 'zookeeper-0.zookeeper-headless.streaming.svc.cluster.local:2888:3888::1 zookeeper-1.zookeeper-headless.streaming.svc.cluster.local:2888:3888::2 zookeeper-2.zookeeper-headless.streaming.svc.cluster.local:2888:3888::3' }],
        cpu: '250m',
        memory: '1Gi',
        readiness: execProbe(['/bin/bash', '-ec', 'ZOO_HC_TIMEOUT=2 /opt/bitnami/scripts/zookeeper/healthcheck.sh'], { initialDelaySeconds: 5, timeoutSeconds: 5, failureThreshold: 6 }),
        liveness: tcpProbe('client', { initialDelaySeconds: 30, timeoutSeconds: 5, failureThreshold: 6 }),
        volumeMounts: [{ name: 'data', mountPath: '/bitnami/zookeeper' }],
      }),
    ],
    securityContext: { fsGroup: 1001 },
  };
  const zones = [
    { node: NODE_A, zone: 'eu-west-1a', pv: 'pvc-1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
    { node: NODE_B, zone: 'eu-west-1b', pv: 'pvc-2e3d4c5b-6f70-4b8c-9dae-1f203b4c5d6e' },
    { node: NODE_C, zone: 'eu-west-1c', pv: 'pvc-3f4e5d6c-7081-4c9d-aebf-20314c5d6e7f' },
  ];
  const zk = statefulSetApp({
    namespace: ns,
    name: 'zookeeper',
    replicas: 3,
    serviceName: 'zookeeper-headless',
    podManagementPolicy: 'Parallel',
    revisions: [
      { revision: 4, createdAgo: 60 * DAYS, template: tpl },
      { revision: 5, createdAgo: 9 * DAYS, template: tpl },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: zones.map((z, i) => ({ revision: 5, ordinal: i, node: z.node, createdAgo: 9 * DAYS - (2 - i) * 2 })),
  });
  const claims = zones.flatMap((z, i) => boundClaim({ namespace: ns, name: `data-zookeeper-${i}`, storage: '10Gi', zone: z.zone, volumeName: z.pv, createdAgo: 180 * DAYS, labels: { app: 'zookeeper' } }));
  const zkLog = (i: number) =>
    every(3, 0, 40, (t, k) =>
      k % 3 === 0
        ? `${pyTime(t)} [myid:${i + 1}] - INFO  [NIOWorkerThread-${(k % 4) + 1}:o.a.z.s.NIOServerCnxn@${k % 2 ? 514 : 622}] - Processing srvr command from /127.0.0.1:${40000 + k * 37}\n`
        : `${pyTime(t)} [myid:${i + 1}] - INFO  [SyncThread:${i + 1}:o.a.z.s.p.FileTxnLog@284] - Creating new log file: log.${(0x3a00 + k).toString(16)}00000001\n`,
    );

  return {
    id: 'healthy-statefulset-bound-volumes-same-zone',
    class: 'healthy',
    truth: 'Nothing is wrong: zookeeper is 3/3 ready; each pod\'s claim data-zookeeper-N is Bound to a volume in the zone of the pod\'s node.',
    ask: { service: 'zookeeper', namespace: ns },
    objects: [
      ...threeNodes(),
      ...zk.objects,
      ...claims,
      ...exposed({ namespace: ns, name: 'zookeeper', selector: { app: 'zookeeper' }, ports: [{ name: 'tcp-client', port: 2181, targetPort: 'client' }], pods: zk.pods, endpointPort: 2181 }),
    ],
    logs: logsOf(zk.pods, 'zookeeper', (_p, i) => ({ current: zkLog(i) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /3\/3/],
      facts: [/data-zookeeper-\d|PVC|volume|claim/i],
      never: [/pending/i, /mismatch|different zone|wrong zone/i, /roll ?back/i],
    },
  };
}

// ---- 17. a healthy CronJob ---------------------------------------------------------------------

/** log-compactor runs every 15 minutes; its last three Jobs completed in under a minute. */
function healthyCronJob(): CorpusScenario {
  const ns = 'observability';
  const image = 'registry.example.com/observability/log-compactor:0.14.2';
  const runs = [14, 29, 44];
  const cron = cronJob({
    namespace: ns,
    name: 'log-compactor',
    schedule: '*/15 * * * *',
    template: { containers: [batchContainer({ name: 'compactor', image, command: ['/compactor', '--bucket=s3://acme-logs-eu-west-1', '--min-age=15m'], cpu: '500m', memory: '512Mi' })] },
    jobs: runs.map((c, i) => ({
      createdAgo: c,
      pods: [{ node: [NODE_A, NODE_B, NODE_C][i] ?? NODE_A, phase: 'Succeeded' as const, createdAgo: c, containers: { compactor: terminated({ exitCode: 0, finishedAgo: c - 0.8, ranSeconds: 44 + i * 3 }) } }],
      outcome: { complete: true as const, ago: c - 0.82 },
    })),
    lastSuccessfulAgo: 14 - 0.82,
  });
  const [cronObj] = cron.objects;
  const compactLog = (c: number, i: number) =>
    [
      `${at(c - 0.05)} level=info msg="compaction run starting" bucket=s3://acme-logs-eu-west-1 min_age=15m`,
      `${at(c - 0.3)} level=info msg="blocks compacted" tenants=12 blocks_in=${180 + i * 7} blocks_out=${12 + i} bytes_saved=${(3.1 + i / 10).toFixed(1)}GiB`,
      `${at(c - 0.78)} level=info msg="compaction run done" error_count=0 duration=${44 + i * 3}s`,
      '',
    ].join('\n');

  return {
    id: 'healthy-cronjob-last-runs-completed',
    class: 'healthy',
    truth: 'Nothing is wrong: CronJob log-compactor runs every 15 minutes and its last three Jobs completed successfully, the latest 13 minutes ago.',
    ask: { service: 'log-compactor', namespace: ns },
    objects: [
      ...threeNodes(),
      ...cron.objects,
      ...cron.jobs.flatMap((j, i) => [
        cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(j.objects[0])}`, runs[i] ?? 14),
        cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(j.objects[0])}, status: Complete`, (runs[i] ?? 14) - 0.83),
        jobEvent(j.objects[0], 'Completed', 'Job completed', (runs[i] ?? 14) - 0.82),
      ]),
    ],
    logs: cron.jobs.flatMap((j, i) => logsOf(j.pods, 'compactor', () => ({ current: compactLog(runs[i] ?? 14, i) }))),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|succeeded|completed/i, /log-compactor/],
      facts: [/\b3\b.*(jobs|runs)|last (run|job)|13 ?m/i],
      never: [/fail/i, /roll ?back/i],
    },
  };
}

// ---- 18. routine log lines with scary words --------------------------------------------------

/**
 * session-api is 3/3 Ready. Its logs hold the words a grep would catch — `error_count=0`,
 * `failed_logins=2`, a `connection refused` while Redis was still starting two days ago, followed by
 * `retrying connection... connected` — and nothing is wrong.
 */
function healthyWithScaryWordsInLogs(): CorpusScenario {
  const ns = 'identity';
  const tpl = {
    containers: [
      container({
        image: 'registry.example.com/identity/session-api:2.3.1',
        env: [{ name: 'REDIS_ADDR', value: 'redis-sessions:6379' }, { name: 'LOG_LEVEL', value: 'debug' }],
        memory: '256Mi',
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      }),
    ],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 30 * DAYS, template: { ...tpl, containers: [container({ image: 'registry.example.com/identity/session-api:2.2.9' })] } },
      { revision: 18, createdAgo: 2 * DAYS + 3, changeCause: 'ci: session-api 2.3.1', template: tpl },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((n, i) => ({ revision: 18, node: n, createdAgo: 2 * DAYS + 2 - i * 0.5 })),
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis-sessions',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 2 * DAYS + 3, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: NODE_B, createdAgo: 2 * DAYS + 2.2 }],
  });
  const redisSvc = exposed({ namespace: ns, name: 'redis-sessions', selector: { app: 'redis-sessions' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 });
  const redisIp = clusterIpOf(redisSvc, 'redis-sessions');
  const l = (t: number, level: string, msg: string, rest = '') => `time=${at(t)} level=${level} msg="${msg}"${rest === '' ? '' : ` ${rest}`}\n`;
  const sessionLog = (i: number) => {
    const s = 2 * DAYS + 2 - i * 0.5 - 0.3;
    return (
      l(s, 'INFO', 'starting session-api', 'version=2.3.1 commit=8f1c2ab go=go1.23.3') +
      l(s - 0.01, 'WARN', 'redis not reachable yet, retrying connection...', `addr=redis-sessions:6379 attempt=1 backoff=500ms err="dial tcp ${redisIp}:6379: connect: connection refused"`) +
      l(s - 0.02, 'INFO', 'retrying connection... connected', 'addr=redis-sessions:6379 attempts=2') +
      l(s - 0.02, 'INFO', 'listening', 'addr=:8080') +
      every(s - 60, 5, 3600, (t, k) => l(t, 'INFO', 'hourly stats', `requests=${180000 + ((k * 7919) % 40000)} error_count=0 failed_logins=${k % 4} p99_ms=${31 + (k % 9)}`)) +
      every(4, 0, 30, (t, k) =>
        k % 2 === 0
          ? l(t, 'DEBUG', 'session cache sweep', `expired=${40 + ((k * 13) % 50)} timeout=30s errors=0`)
          : l(t, 'INFO', 'request', `method=POST path=/v1/sessions/refresh status=200 duration=${3 + (k % 6)}ms`),
      )
    );
  };

  return {
    id: 'healthy-routine-logs-with-scary-words',
    class: 'healthy',
    truth: 'Nothing is wrong: session-api is 3/3 ready; its logs only show error_count=0 stats, debug sweeps and one connection refused while redis was still starting two days ago, immediately followed by a successful retry.',
    ask: { service: 'session-api' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: app.pods }),
      ...redis.objects,
      ...redisSvc,
    ],
    logs: logsOf(app.pods, 'app', (_p, i) => ({ current: sessionLog(i) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /3\/3/],
      facts: [/revision 18/i],
      never: [/redis/i, /refus/i, /roll ?back/i],
    },
  };
}

export const HEALTHY_SCENARIOS: CorpusScenario[] = [
  recoveredFromOldOom(),
  midRollout(),
  oldNoiseEvictedAndStaleWarnings(),
  healthyStatefulSetWithVolumes(),
  healthyCronJob(),
  healthyWithScaryWordsInLogs(),
];
