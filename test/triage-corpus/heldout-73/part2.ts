// Held-out stories, seventy-third round, part two: a release whose token sweeper runs KEYS on a
// Redis of ~42 million keys, blocking it for seconds each minute; a Celery beat whose shelve
// schedule file on its PVC was truncated by a node crash; a Spark job whose driver ServiceAccount
// was renamed so it may not create executor pods; a Postgres whose DBA set idle_session_timeout
// to 60s under a pooled app; a MySQL with a global max_execution_time of 5000 ms killing report
// queries; an ingress-nginx limit-rps annotation throttling a partner behind one NAT IP; and a
// healthy control: a Kafka Connect worker logging "was supplied but isn't a known config".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, nodeEvent, pyTime, running, scaledReplicaSet, rsOf, statefulSetApp, tcpProbe,
  boundClaim, jobEvent, cronJobEvent, probeFailed, restartedAgain, startedNormally,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const ipOf = (p: k8s.V1Pod | undefined): string => p?.status?.podIP ?? '10.0.0.1';
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Spark's log4j time: `26/11/21 03:12:41`. */
const sparkTime = (minutes: number): string => at(minutes).slice(2, 19).replace('T', ' ').replace(/-/g, '/');
/** Kafka's log4j time: `[2026-11-21 03:12:41,563]`. */
const kTime = (minutes: number): string => `[${pyTime(minutes)}]`;
/** klog header time: `I1121 03:12:41.563120`. */
const klog = (minutes: number): string => `I${at(minutes).slice(5, 7)}${at(minutes).slice(8, 10)} ${at(minutes).slice(11, 23)}120`;

// ---- 1. KEYS on a 42-million-key Redis ---------------------------------------------------------------

function redisKeysBlocking(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.81', ['23', '140', '209']);
  const redis = statefulSetApp({
    namespace: ns, name: 'loyalty-redis', replicas: 1, serviceName: 'loyalty-redis-headless',
    revisions: [{
      revision: 1, createdAgo: 94 * DAYS,
      template: {
        containers: [container({
          name: 'redis', image: 'docker.io/library/redis:7.2.5', command: ['redis-server'], args: ['/etc/redis/redis.conf'],
          ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '14Gi',
          readiness: execProbe(['redis-cli', 'ping'], { timeoutSeconds: 5, periodSeconds: 10 }), liveness: tcpProbe('redis', { initialDelaySeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'conf', mountPath: '/etc/redis' }],
        })],
        volumes: [{ name: 'conf', configMap: { name: 'loyalty-redis-conf' } }],
      },
    }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 23 * DAYS }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
  });
  const apiTpl = (v: string, sweeper: boolean) => ({
    containers: [container({
      image: `${ECR}/loyalty/loyalty-api:${v}`, cpu: '500m', memory: '512Mi',
      env: [
        { name: 'REDIS_ADDR', value: 'loyalty-redis.loyalty.svc.cluster.local:6379' },
        { name: 'REDIS_READ_TIMEOUT', value: '500ms' },
        { name: 'REDIS_POOL_SIZE', value: '50' },
        ...(sweeper ? [{ name: 'TOKEN_SWEEPER_ENABLED', value: 'true' }, { name: 'TOKEN_SWEEPER_INTERVAL', value: '60s' }] : []),
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'loyalty-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: loyalty-api 3.8.2', template: apiTpl('3.8.2', false) },
      { revision: 58, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: loyalty-api 3.9.0', template: apiTpl('3.9.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const other = bystander(ns, 'loyalty-notifier', names, 26 * HOURS, { revisions: [14, 15], versions: ['1.6.0', '1.6.1'], olderAgo: 20 * DAYS });
  const redisIp = '172.20.77.14';
  const apiLog = (k: number): string => {
    const out: string[] = [
      `{"level":"info","ts":"${at(2 * HOURS + 8 - k)}","msg":"starting loyalty-api","version":"3.9.0","commit":"a71c0d4"}`,
      `{"level":"info","ts":"${at(2 * HOURS + 8 - k)}","msg":"redis connected","addr":"loyalty-redis.loyalty.svc.cluster.local:6379","pool_size":50}`,
      `{"level":"info","ts":"${at(2 * HOURS + 8 - k)}","msg":"token sweeper scheduled","interval":"60s","pattern":"tok:sess:*","leader_only":false}`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 8 - i + k * 0.13;
      out.push(`{"level":"info","ts":"${at(t)}","caller":"sweeper/tokens.go:58","msg":"sweeping expired session tokens","pattern":"tok:sess:*"}`);
      for (let j = 0; j < 3; j++) {
        const port = 40000 + ((i * 977 + j * 131 + k * 7919) % 20000);
        out.push(`{"level":"error","ts":"${at(t - 0.01 - j * 0.005)}","caller":"http/middleware.go:71","msg":"request failed","method":"${j === 1 ? 'POST' : 'GET'}","path":"${j === 1 ? '/v1/points/earn' : '/v1/members/balance'}","status":500,"duration_ms":${510 + j * 3},"error":"redis: read tcp ${ipOf(podOf(api, k))}:${port}->${redisIp}:6379: i/o timeout"}`);
      }
      out.push(`{"level":"info","ts":"${at(t - 0.075)}","caller":"sweeper/tokens.go:74","msg":"sweep done","matched":${41_880_000 + i * 1731 + k * 17},"deleted":${3100 + i * 11},"keys_ms":${4700 + ((i * 389 + k * 97) % 900)},"del_ms":38}`);
      out.push(`{"level":"info","ts":"${at(t - 0.3)}","caller":"http/middleware.go:64","msg":"request","method":"GET","path":"/v1/members/balance","status":200,"duration_ms":${3 + k}}`);
    }
    return out.join('\n') + '\n';
  };
  const redisLog = lines(
    ...[0, 1, 2, 3].flatMap((i) => {
      const t = 3 * HOURS - i * 50;
      return [
        `1:M ${pyTime(t).slice(8, 10)} Nov 2026 ${pyTime(t).slice(11, 23).replace(',', '.')} * 10000 changes in 60 seconds. Saving...`,
        `1:M ${pyTime(t).slice(8, 10)} Nov 2026 ${pyTime(t).slice(11, 23).replace(',', '.')} * Background saving started by pid ${2211 + i * 17}`,
        `${2211 + i * 17}:C ${pyTime(t - 1.6).slice(8, 10)} Nov 2026 ${pyTime(t - 1.6).slice(11, 23).replace(',', '.')} * DB saved on disk`,
        `${2211 + i * 17}:C ${pyTime(t - 1.6).slice(8, 10)} Nov 2026 ${pyTime(t - 1.6).slice(11, 23).replace(',', '.')} * Fork CoW for RDB: current 212 MB, peak 212 MB, average 118 MB`,
        `1:M ${pyTime(t - 1.7).slice(8, 10)} Nov 2026 ${pyTime(t - 1.7).slice(11, 23).replace(',', '.')} * Background saving terminated with success`,
      ];
    }),
  );
  const conf = configMap({
    namespace: ns, name: 'loyalty-redis-conf', createdAgo: 94 * DAYS, updatedAgo: 40 * DAYS,
    data: { 'redis.conf': 'bind 0.0.0.0\nport 6379\nmaxmemory 12gb\nmaxmemory-policy volatile-lru\nsave 900 1 300 100 60 10000\nappendonly no\nslowlog-log-slower-than 10000\nslowlog-max-len 256\nlatency-monitor-threshold 100\n' },
  });
  return {
    id: 'heldout73-redis-keys-command-blocking',
    class: 'rollout',
    truth: 'loyalty-api 3.9.0 (revision 58) added a token sweeper that runs `KEYS tok:sess:*` every 60 s on every replica against loyalty-redis, which holds ~42 million keys; each KEYS blocks the single-threaded Redis for ~5 s, so every other command waits and the api\'s 500 ms Redis reads time out (i/o timeout → 500s). Redis is Running and Ready. Fix: disable the sweeper or rewrite it with SCAN / key expiry (or roll back to 3.8.2).',
    ask: { service: 'loyalty-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...api.objects, ...other.objects, conf,
      ...boundClaim({ namespace: ns, name: 'data-loyalty-redis-0', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 94 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'loyalty-redis', selector: { app: 'loyalty-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, clusterIP: redisIp }),
      ...exposed({ namespace: ns, name: 'loyalty-api', selector: { app: 'loyalty-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 58), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 57), 0, 3, 2 * HOURS + 6),
      probeFailed(podOf(api, 2), 'app', 'Readiness', `Get "http://${ipOf(podOf(api, 2))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6, firstAgo: 110, lastAgo: 4 }),
      probeFailed(podOf(other, 0), 'app', 'Readiness', `Get "http://${ipOf(podOf(other, 0))}:8080/ready": dial tcp ${ipOf(podOf(other, 0))}:8080: connect: connection refused`, { count: 1, firstAgo: 26 * HOURS }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(podOf(redis, 0), 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bKEYS\b|sweep/i, /redis|block/i],
      facts: [/KEYS|tok:sess:\*/, /i\/o timeout|timeout/i, /3\.9\.0|revision 58|sweeper/i],
      never: [/\bOOM/i, /loyalty-redis[^\n]*(not ready|unready|crash|down)/i, /network ?polic/i],
    },
  };
}

// ---- 2. Celery beat's shelve schedule truncated after a node crash -----------------------------------

function celeryBeatScheduleCorrupt(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['17', '98', '233']);
  const crashedNode = 'ip-10-0-52-61.eu-west-1.compute.internal';
  const image = `${ECR}/billing/billing-worker:7.4.2`;
  const env = [
    { name: 'CELERY_BROKER_URL', value: 'redis://billing-broker.billing.svc.cluster.local:6379/0' },
    { name: 'DJANGO_SETTINGS_MODULE', value: 'billing.settings.production' },
  ];
  const beat = deploymentApp({
    namespace: ns, name: 'billing-beat', replicas: 1, strategy: { type: 'Recreate' },
    revisions: [{
      revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: billing 7.4.2',
      template: {
        containers: [container({
          name: 'beat', image, command: ['celery'], args: ['-A', 'billing', 'beat', '-l', 'INFO', '-s', '/var/lib/celerybeat/celerybeat-schedule', '--pidfile='],
          env, ports: [], cpu: '100m', memory: '256Mi', readiness: null, liveness: null,
          volumeMounts: [{ name: 'schedule', mountPath: '/var/lib/celerybeat' }],
        })],
        volumes: [{ name: 'schedule', persistentVolumeClaim: { claimName: 'billing-beat-schedule' } }],
      },
    }],
    pods: [{ revision: 9, node: names[2] ?? '', createdAgo: 4 * HOURS + 40, containers: { beat: crashLoop({ exitCode: 1, finishedAgo: 3.2, ranSeconds: 3 }, 49) } }],
  });
  const worker = deploymentApp({
    namespace: ns, name: 'billing-worker', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'worker', image: `${ECR}/billing/billing-worker:7.4.1`, args: ['celery', '-A', 'billing', 'worker', '-l', 'INFO', '-c', '4'], env, ports: [], readiness: null, liveness: execProbe(['celery', '-A', 'billing', 'inspect', 'ping', '-d', 'celery@$(HOSTNAME)'], { periodSeconds: 60, timeoutSeconds: 20 }) })] } },
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: billing 7.4.2', template: { containers: [container({ name: 'worker', image, args: ['celery', '-A', 'billing', 'worker', '-l', 'INFO', '-c', '4'], env, ports: [], readiness: null, liveness: execProbe(['celery', '-A', 'billing', 'inspect', 'ping', '-d', 'celery@$(HOSTNAME)'], { periodSeconds: 60, timeoutSeconds: 20 }) })] } },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 22, node: names[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 22, node: names[2] ?? '', createdAgo: 4 * HOURS + 40, containers: { worker: running({ sinceAgo: 4 * HOURS + 39 }) } },
    ],
  });
  const web = bystander(ns, 'billing-web', names, 6 * DAYS, { revisions: [40, 41], versions: ['7.4.1', '7.4.2'], olderAgo: 30 * DAYS });
  const beatPod = podOf(beat, 0);
  const sp = '/usr/local/lib/python3.11/site-packages';
  const beatLog = (t: number) => lines(
    'celery beat v5.3.6 (emerald-rush) is starting.',
    '__    -    ... __   -        _',
    `LocalTime -> ${pyTime(t).slice(0, 19)}`,
    'Configuration ->',
    '    . broker -> redis://billing-broker.billing.svc.cluster.local:6379/0',
    '    . loader -> celery.loaders.app.AppLoader',
    '    . scheduler -> celery.beat.PersistentScheduler',
    '    . db -> /var/lib/celerybeat/celerybeat-schedule',
    '    . logfile -> [stderr]@%INFO',
    '    . maxinterval -> 5.00 minutes (300s)',
    `[${pyTime(t)}: INFO/MainProcess] beat: Starting...`,
    `[${pyTime(t - 0.02)}: CRITICAL/MainProcess] beat raised exception <class '_pickle.UnpicklingError'>: UnpicklingError('pickle data was truncated')`,
    'Traceback (most recent call last):',
    `  File "${sp}/celery/apps/beat.py", line 113, in start_scheduler`,
    '    service.start()',
    `  File "${sp}/celery/beat.py", line 634, in start`,
    '    humanize_seconds(self.scheduler.max_interval))',
    '                     ^^^^^^^^^^^^^^',
    `  File "${sp}/kombu/utils/objects.py", line 31, in __get__`,
    '    return super().__get__(instance, owner)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.11/functools.py", line 1001, in __get__',
    '    val = self.func(instance)',
    '          ^^^^^^^^^^^^^^^^^^^',
    `  File "${sp}/celery/beat.py", line 677, in scheduler`,
    '    return self.get_scheduler()',
    '           ^^^^^^^^^^^^^^^^^^^^',
    `  File "${sp}/celery/beat.py", line 668, in get_scheduler`,
    '    return symbol_by_name(self.scheduler_cls, aliases=aliases)(',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `  File "${sp}/celery/beat.py", line 513, in __init__`,
    '    super().__init__(*args, **kwargs)',
    `  File "${sp}/celery/beat.py", line 264, in __init__`,
    '    self.setup_schedule()',
    `  File "${sp}/celery/beat.py", line 541, in setup_schedule`,
    '    self._create_schedule()',
    `  File "${sp}/celery/beat.py", line 570, in _create_schedule`,
    "    self._store['entries']",
    '    ~~~~~~~~~~~^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.11/shelve.py", line 114, in __getitem__',
    '    value = Unpickler(f).load()',
    '            ^^^^^^^^^^^^^^^^^^^',
    '_pickle.UnpicklingError: pickle data was truncated',
  );
  const workerLog = (k: number) => lines(
    `[${pyTime(9 * 60 - k)}: INFO/MainProcess] Task billing.tasks.send_invoice_email[${['8c1e2f', '1b77a0', '5d03c9'][k]}4a-2f1e-4b8e-9c71-0a1d2e3f4b5c] received`,
    `[${pyTime(9 * 60 - k - 0.02)}: INFO/ForkPoolWorker-2] Task billing.tasks.send_invoice_email[${['8c1e2f', '1b77a0', '5d03c9'][k]}4a-2f1e-4b8e-9c71-0a1d2e3f4b5c] succeeded in 0.412s: None`,
    `[${pyTime(2 * 60 - k)}: INFO/MainProcess] Task billing.tasks.sync_payment_status[e2${k}a91c0-77d1-4c2a-8f0b-3e9a6c1d5b27] received`,
    `[${pyTime(2 * 60 - k - 0.05)}: INFO/ForkPoolWorker-1] Task billing.tasks.sync_payment_status[e2${k}a91c0-77d1-4c2a-8f0b-3e9a6c1d5b27] succeeded in 2.871s: {'updated': ${3 + k}}`,
    `[${pyTime(12 - k)}: INFO/MainProcess] Task billing.tasks.send_invoice_email[${k}f9d3b21-0c4e-4e7a-a1b2-6d5e4f3c2b1a] received`,
    `[${pyTime(12 - k - 0.01)}: INFO/ForkPoolWorker-3] Task billing.tasks.send_invoice_email[${k}f9d3b21-0c4e-4e7a-a1b2-6d5e4f3c2b1a] succeeded in 0.388s: None`,
  );
  return {
    id: 'heldout73-celery-beat-schedule-file-corrupt',
    class: 'containers',
    truth: 'The node running billing-beat crashed 4h45m ago while beat was writing its shelve schedule (celerybeat-schedule on the billing-beat-schedule PVC); the file was left truncated, so on every start PersistentScheduler fails unpickling the "entries" key (_pickle.UnpicklingError: pickle data was truncated) and beat crash-loops; periodic tasks (invoice runs, payment sync) have not been sent since, while the workers are healthy. Fix: delete the corrupt schedule file (beat rebuilds it) or move the schedule off the PVC.',
    ask: { service: 'billing-beat', namespace: ns },
    objects: [
      ...nodes, ...beat.objects, ...worker.objects, ...web.objects,
      ...boundClaim({ namespace: ns, name: 'billing-beat-schedule', storage: '1Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'billing-web', selector: { app: 'billing-web' }, pods: web.pods }),
      nodeEvent(crashedNode, 'NodeNotReady', `Node ${crashedNode} status is now: NodeNotReady`, { type: 'Normal', firstAgo: 4 * HOURS + 46, component: 'node-controller' }),
      event({ on: beatPod, reason: 'Scheduled', message: `Successfully assigned ${ns}/${beatPod.metadata?.name ?? ''} to ${names[2] ?? ''}`, component: 'default-scheduler', firstAgo: 4 * HOURS + 40 }),
      event({ on: beatPod, reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "pvc-3e1f0a9c-7b2d-4c5e-9a18-f6d2b4c80e11" `, component: 'attachdetach-controller', firstAgo: 4 * HOURS + 39 }),
      ...restartedAgain(beatPod, 'beat', image, { count: 50, firstAgo: 4 * HOURS + 38, lastAgo: 3.3 }),
      backOff(beatPod, 'beat', { count: 1190, firstAgo: 4 * HOURS + 37, lastAgo: 0.5 }),
    ],
    logs: [
      logsFor(beatPod, 'beat', { current: '', previous: beatLog(3.25) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(worker, k), 'worker', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/corrupt|truncated|Unpickling|pickle|shelve/i, /schedule/i],
      facts: [/pickle data was truncated|UnpicklingError/, /celerybeat-schedule|billing-beat-schedule/],
      never: [/\bOOM/i, /broker|billing-broker[^\n]*(down|unreachable)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 3. Spark driver may not create executor pods ----------------------------------------------------

function sparkDriverRbacForbidden(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.64', ['12', '119', '240']);
  const image = `${ECR}/analytics/sessionize:2.14.0`;
  const cj = cronJob({
    namespace: ns, name: 'sessionize-daily', schedule: '30 1 * * *', createdAgo: 140 * DAYS, activeDeadlineSeconds: 7200, backoffLimit: 0,
    template: {
      serviceAccountName: 'spark-jobs',
      containers: [batchContainer({
        name: 'spark-driver', image, cpu: '2', memory: '6Gi',
        command: ['/opt/spark/bin/spark-submit'],
        args: ['--master', 'k8s://https://kubernetes.default.svc:443', '--deploy-mode', 'client', '--name', 'sessionize-daily',
          '--conf', 'spark.kubernetes.namespace=analytics', '--conf', 'spark.kubernetes.container.image=' + image,
          '--conf', 'spark.driver.host=$(POD_IP)', '--conf', 'spark.executor.instances=12', '--conf', 'spark.executor.memory=8g',
          '--class', 'com.example.analytics.Sessionize', 'local:///opt/app/sessionize.jar', '--date', 'yesterday'],
        env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
      })],
    },
    lastSuccessfulAgo: 2 * DAYS - 60,
    jobs: [
      { createdAgo: 25 * HOURS + 44, pods: [{ node: names[0] ?? '', phase: 'Failed', createdAgo: 25 * HOURS + 44, containers: { 'spark-driver': { state: { terminated: { exitCode: 143, reason: 'Error', startedAt: new Date(Date.parse(at(25 * HOURS + 44))), finishedAt: new Date(Date.parse(at(23 * HOURS + 44))) } }, ready: false, restartCount: 0 } } }], outcome: { failed: 'DeadlineExceeded', ago: 23 * HOURS + 44 } },
      { createdAgo: 1 * HOURS + 44, pods: [{ node: names[1] ?? '', createdAgo: 1 * HOURS + 44, containers: { 'spark-driver': running({ sinceAgo: 1 * HOURS + 43 }) } }] },
    ],
  });
  const jobs = cj.jobs;
  const current = jobs[1];
  const curPod = current?.pods[0];
  const prevPod = jobs[0]?.pods[0];
  const jobObj = current?.objects.find((o) => o.kind === 'Job');
  const cjObj = cj.objects.find((o) => o.kind === 'CronJob');
  const other = bystander(ns, 'metabase', names, 3 * DAYS, { revisions: [5, 6], versions: ['0.50.3', '0.50.7'], olderAgo: 50 * DAYS });
  const driverLog = (start: number, podName: string) => {
    const out = [
      `${sparkTime(start)} INFO SparkContext: Running Spark version 3.5.1`,
      `${sparkTime(start)} INFO SparkContext: OS info Linux, 5.10.227-219.884.amzn2.x86_64, amd64`,
      `${sparkTime(start)} INFO SparkContext: Java version 17.0.11`,
      `${sparkTime(start)} INFO SparkContext: Submitted application: sessionize-daily`,
      `${sparkTime(start - 0.05)} INFO Utils: Successfully started service 'sparkDriver' on port 7078.`,
      `${sparkTime(start - 0.06)} INFO Utils: Successfully started service 'SparkUI' on port 4040.`,
      `${sparkTime(start - 0.08)} INFO SparkKubernetesClientFactory: Auto-configuring K8S client using current context from users K8S config file`,
      `${sparkTime(start - 0.1)} INFO ExecutorPodsAllocator: Going to request 5 executors from Kubernetes for ResourceProfile Id: 0, target: 12, known: 0, sharedSlotFromPendingPods: 2147483647.`,
      `${sparkTime(start - 0.11)} WARN ExecutorPodsSnapshotsStoreImpl: Exception when notifying snapshot subscriber.`,
      `io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: https://kubernetes.default.svc:443/api/v1/namespaces/analytics/pods. Message: Forbidden!Configured service account doesn't have access. Service account may have been revoked. pods is forbidden: User "system:serviceaccount:analytics:spark-jobs" cannot create resource "pods" in API group "" in the namespace "analytics".`,
      '\tat io.fabric8.kubernetes.client.KubernetesClientException.copyAsCause(KubernetesClientException.java:238)',
      '\tat io.fabric8.kubernetes.client.dsl.internal.OperationSupport.waitForResult(OperationSupport.java:518)',
      '\tat io.fabric8.kubernetes.client.dsl.internal.BaseOperation.create(BaseOperation.java:1100)',
      '\tat org.apache.spark.scheduler.cluster.k8s.ExecutorPodsAllocator.$anonfun$requestNewExecutors$1(ExecutorPodsAllocator.scala:437)',
      '\tat org.apache.spark.scheduler.cluster.k8s.ExecutorPodsAllocator.onNewSnapshots(ExecutorPodsAllocator.scala:266)',
      '\tat java.base/java.lang.Thread.run(Thread.java:840)',
      `${sparkTime(start - 0.2)} INFO SparkContext: Starting job: count at Sessionize.scala:88`,
      `${sparkTime(start - 0.21)} INFO DAGScheduler: Submitting 400 missing tasks from ShuffleMapStage 0 (MapPartitionsRDD[3] at count at Sessionize.scala:88)`,
    ];
    for (let i = 1; i <= 6; i++) {
      out.push(`${sparkTime(start - 0.2 - i * 0.25)} WARN TaskSchedulerImpl: Initial job has not accepted any resources; check your cluster UI to ensure that workers are registered and have sufficient resources`);
      if (i % 2 === 0) out.push(`${sparkTime(start - 0.2 - i * 0.25)} INFO ExecutorPodsAllocator: Going to request 5 executors from Kubernetes for ResourceProfile Id: 0, target: 12, known: 0, sharedSlotFromPendingPods: 2147483647.`, `${sparkTime(start - 0.2 - i * 0.25)} WARN ExecutorPodsSnapshotsStoreImpl: Exception when notifying snapshot subscriber.`, `io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: https://kubernetes.default.svc:443/api/v1/namespaces/analytics/pods. Message: Forbidden!Configured service account doesn't have access. Service account may have been revoked. pods is forbidden: User "system:serviceaccount:analytics:spark-jobs" cannot create resource "pods" in API group "" in the namespace "analytics".`);
    }
    void podName;
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout73-spark-driver-rbac-forbidden',
    class: 'config',
    truth: 'Two days ago the sessionize-daily CronJob was moved to a new ServiceAccount "spark-jobs", but the Role/RoleBinding that lets the Spark driver create executor pods still binds the old "spark" account; the client-mode driver gets "pods is forbidden: User system:serviceaccount:analytics:spark-jobs cannot create resource pods", never gets an executor and hangs until activeDeadlineSeconds kills it (yesterday DeadlineExceeded, today hanging). Fix: bind the Role to spark-jobs (or revert the serviceAccountName).',
    ask: { service: 'sessionize-daily', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'metabase', selector: { app: 'metabase' }, pods: other.pods }),
      cronJobEvent(cjObj, 'SuccessfulCreate', `Created job ${jobObj?.metadata?.name ?? ''}`, 1 * HOURS + 44),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${curPod?.metadata?.name ?? ''}`, 1 * HOURS + 44),
      ...(curPod ? startedNormally(curPod, 'spark-driver', image, 1 * HOURS + 43) : []),
      cronJobEvent(cjObj, 'SawCompletedJob', `Saw completed job: ${jobs[0]?.objects[0]?.metadata?.name ?? ''}, status: Failed`, 23 * HOURS + 44),
      jobEvent(jobs[0]?.objects.find((o) => o.kind === 'Job'), 'DeadlineExceeded', 'Job was active longer than specified deadline', 23 * HOURS + 44, 'Warning'),
    ],
    logs: [
      logsFor(curPod, 'spark-driver', { current: driverLog(1 * HOURS + 42, curPod?.metadata?.name ?? '') }),
      logsFor(prevPod, 'spark-driver', { current: driverLog(25 * HOURS + 42, prevPod?.metadata?.name ?? '') + `${sparkTime(23 * HOURS + 44)} INFO SparkContext: Invoking stop() from shutdown hook\n` }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/forbidden|RBAC|Role ?Binding|permission|service ?account/i, /spark-jobs|pods|executor/i],
      facts: [/cannot create resource "?pods"?|pods is forbidden/i, /spark-jobs/],
      never: [/\bOOM/i, /quota/i, /insufficient (cpu|memory)|unschedulable/i],
    },
  };
}

// ---- 4. Postgres idle_session_timeout under a pooled app ---------------------------------------------

function postgresIdleSessionTimeout(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.93', ['30', '151', '212']);
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db-headless',
    revisions: [{
      revision: 3, createdAgo: 60 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: 'docker.io/library/postgres:16.4', args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          readiness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 10 }), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'ledger-db-config' } }],
      },
    }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 17 * DAYS }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
  });
  const apiImage = `${ECR}/ledger/ledger-api:5.2.1`;
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 15 * DAYS, template: { containers: [container({ image: `${ECR}/ledger/ledger-api:5.2.0`, readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } },
      { revision: 34, createdAgo: 9 * DAYS, changeCause: 'argocd: ledger-api 5.2.1', template: { containers: [container({ image: apiImage, cpu: '500m', memory: '768Mi', command: ['gunicorn'], args: ['-w', '4', '-b', '0.0.0.0:8080', 'ledger.wsgi:app'], env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://ledger_app@ledger-db.ledger.svc.cluster.local:5432/ledger' }, { name: 'DB_POOL_SIZE', value: '10' }, { name: 'DB_POOL_RECYCLE', value: '3600' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } },
    ],
    pods: [
      { revision: 34, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 34, node: names[1] ?? '', createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4 * DAYS, ranSeconds: 5 * 86400 } }) } },
      { revision: 34, node: names[2] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const other = bystander(ns, 'ledger-reconciler', names, 5 * HOURS, { revisions: [11, 12], versions: ['1.9.4', '1.10.0'], olderAgo: 25 * DAYS });
  const conf = configMap({
    namespace: ns, name: 'ledger-db-config', createdAgo: 60 * DAYS, updatedAgo: 2 * HOURS + 5,
    data: {
      'postgresql.conf': [
        "listen_addresses = '*'", 'max_connections = 300', 'shared_buffers = 2GB', 'effective_cache_size = 6GB', 'work_mem = 16MB',
        'maintenance_work_mem = 512MB', 'wal_level = replica', 'max_wal_size = 4GB', "log_line_prefix = '%m [%p] %q%u@%d '",
        'log_min_duration_statement = 1000', 'statement_timeout = 0', '# 2026-11-21 reap leaked idle sessions (DBA-2291)', "idle_in_transaction_session_timeout = '5min'", "idle_session_timeout = '60s'",
        "hba_file = '/etc/postgresql/pg_hba.conf'",
      ].join('\n') + '\n',
      'pg_hba.conf': 'local all all trust\nhost all all 0.0.0.0/0 scram-sha-256\n',
    },
  });
  const dbLog = (() => {
    const out: string[] = [
      `${pgTime(2 * HOURS + 4)} [1] LOG:  received SIGHUP, reloading configuration files`,
      `${pgTime(2 * HOURS + 4)} [1] LOG:  parameter "idle_session_timeout" changed to "60s"`,
      `${pgTime(2 * HOURS + 4)} [1] LOG:  parameter "idle_in_transaction_session_timeout" changed to "5min"`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 100 - i * 7;
      out.push(`${pgTime(t)} [${31120 + i * 41}] ledger_app@ledger FATAL:  terminating connection due to idle-session timeout`);
      if (i % 3 === 0) out.push(`${pgTime(t - 0.4)} [${31200 + i * 41}] ledger_app@ledger FATAL:  terminating connection due to idle-session timeout`);
      if (i % 4 === 1) out.push(`${pgTime(t - 1)} [${5301 + i}] LOG:  checkpoint complete: wrote 1822 buffers (0.7%); 0 WAL file(s) added, 0 removed, 1 recycled; write=179.912 s, sync=0.004 s, total=179.931 s; sync files=41, longest=0.002 s, average=0.001 s; distance=15032 kB, estimate=16102 kB; lsn=3A/7C1D2E08, redo lsn=3A/7B9F0C40`);
    }
    return out.join('\n') + '\n';
  })();
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 90 - i * 15 - k * 2;
      out.push(`[${pyTime(t)}] [${12 + k}] [ERROR] Exception on /v1/accounts/${4410 + i}/balance [GET]`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context');
      out.push('    self.dialect.do_execute(');
      out.push('  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute');
      out.push('    cursor.execute(statement, parameters)');
      out.push('psycopg2.OperationalError: terminating connection due to idle-session timeout');
      out.push('server closed the connection unexpectedly');
      out.push('\tThis probably means the server terminated abnormally');
      out.push('\tbefore or while processing the request.');
      out.push('');
      out.push('The above exception was the direct cause of the following exception:');
      out.push('');
      out.push('sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) terminating connection due to idle-session timeout');
      out.push('server closed the connection unexpectedly');
      out.push('\tThis probably means the server terminated abnormally');
      out.push('\tbefore or while processing the request.');
      out.push('');
      out.push('[SQL: SELECT accounts.id, accounts.currency, accounts.balance_minor FROM accounts WHERE accounts.id = %(pk_1)s]');
      out.push(`[parameters: {'pk_1': ${4410 + i}}]`);
      out.push('(Background on this error at: https://sqlalche.me/e/20/e3q8)');
      out.push(`10.0.93.${40 + k} - - [21/Nov/2026:${at(t).slice(11, 19)} +0000] "GET /v1/accounts/${4410 + i}/balance HTTP/1.1" 500 265 "-" "checkout-service/4.1"`);
      out.push(`10.0.93.${40 + k} - - [21/Nov/2026:${at(t - 0.1).slice(11, 19)} +0000] "GET /v1/accounts/${4410 + i}/balance HTTP/1.1" 200 118 "-" "checkout-service/4.1"`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout73-postgres-idle-session-timeout',
    class: 'config',
    truth: 'Two hours ago a DBA added idle_session_timeout = 60s to ledger-db\'s postgresql.conf (ConfigMap ledger-db-config, reloaded by SIGHUP); Postgres now terminates ledger-api\'s pooled SQLAlchemy connections after a minute idle ("terminating connection due to idle-session timeout"), and the first query on each killed connection fails with "server closed the connection unexpectedly", giving intermittent 500s while every pod stays Ready. Fix: remove/raise the setting or enable pool_pre_ping / a pool_recycle below 60 s.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, ...other.objects, conf,
      ...boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 60 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 2, 5 * HOURS - 2),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/idle[_ -]session[_ -]timeout|idle.session/i],
      facts: [/terminating connection due to idle-session timeout/i, /60 ?s/i],
      never: [/\bOOM/i, ADVISES_ROLLBACK, /max_connections|too many (clients|connections)/i],
    },
  };
}

// ---- 5. MySQL global max_execution_time kills report queries -----------------------------------------

function mysqlMaxExecutionTime(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.47', ['26', '118', '203']);
  const mysql = statefulSetApp({
    namespace: ns, name: 'reports-mysql', replicas: 1, serviceName: 'reports-mysql-headless',
    revisions: [
      { revision: 4, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.0.36', ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '8Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'reports-mysql-conf' } }] } },
      { revision: 5, createdAgo: 21 * HOURS, template: { annotations: { 'kubectl.kubernetes.io/restartedAt': at(21 * HOURS) }, containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.0.36', ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '8Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'reports-mysql-conf' } }] } },
    ],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 21 * HOURS }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const conf = configMap({
    namespace: ns, name: 'reports-mysql-conf', createdAgo: 80 * DAYS, updatedAgo: 21 * HOURS + 3,
    data: { 'tuning.cnf': '[mysqld]\ninnodb_buffer_pool_size = 5G\nmax_connections = 400\nslow_query_log = ON\nlong_query_time = 2\n# protect the primary from runaway dashboard queries (OPS-1873)\nmax_execution_time = 5000\nsql_mode = STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION\n' },
  });
  const image = `${ECR}/reporting/finance-export:3.2.0`;
  const cj = cronJob({
    namespace: ns, name: 'finance-daily-export', schedule: '30 2 * * *', createdAgo: 300 * DAYS, backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'export', image, args: ['python', '-m', 'finance_export', '--report', 'daily-revenue', '--date', 'yesterday'], env: [{ name: 'MYSQL_HOST', value: 'reports-mysql.reporting.svc.cluster.local' }, { name: 'MYSQL_DATABASE', value: 'finance' }], cpu: '500m', memory: '1Gi' })] },
    lastSuccessfulAgo: 24 * HOURS + 28,
    jobs: [
      { createdAgo: 24 * HOURS + 44, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 24 * HOURS + 44, containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(24 * HOURS + 44))), finishedAt: new Date(Date.parse(at(24 * HOURS + 28))) } }, ready: false, restartCount: 0 } } }], outcome: { complete: true, ago: 24 * HOURS + 28 } },
      {
        createdAgo: 44,
        pods: [0, 1, 2].map((i) => ({ node: names[i] ?? '', phase: 'Failed' as const, createdAgo: 44 - i * 6, containers: { export: { state: { terminated: { exitCode: 1, reason: 'Error', startedAt: new Date(Date.parse(at(44 - i * 6))), finishedAt: new Date(Date.parse(at(43 - i * 6))) } }, ready: false, restartCount: 0 } } })),
        outcome: { failed: 'BackoffLimitExceeded', ago: 31 },
      },
    ],
  });
  const failed = cj.jobs[1];
  const failedJob = failed?.objects.find((o) => o.kind === 'Job');
  const api = bystander(ns, 'reports-api', names, 3 * DAYS, { revisions: [18, 19], versions: ['2.7.0', '2.7.1'], olderAgo: 40 * DAYS });
  const exportLog = (t: number) => lines(
    `${pyTime(t)} INFO finance_export: report=daily-revenue date=2026-11-20 host=reports-mysql.reporting.svc.cluster.local db=finance`,
    `${pyTime(t - 0.01)} INFO finance_export.queries: running revenue_by_merchant (orders ⋈ order_items ⋈ refunds, 2026-11-20)`,
    `${pyTime(t - 0.1)} ERROR finance_export: query revenue_by_merchant failed after 5.00s`,
    'Traceback (most recent call last):',
    '  File "/app/finance_export/__main__.py", line 61, in main',
    '    rows = run_query(conn, q)',
    '  File "/app/finance_export/queries.py", line 44, in run_query',
    '    cur.execute(sql, params)',
    '  File "/usr/local/lib/python3.11/site-packages/pymysql/cursors.py", line 153, in execute',
    '    result = self._query(query)',
    '  File "/usr/local/lib/python3.11/site-packages/pymysql/connections.py", line 772, in _read_query_result',
    '    result.read()',
    '  File "/usr/local/lib/python3.11/site-packages/pymysql/err.py", line 150, in raise_mysql_exception',
    '    raise errorclass(errno, errval)',
    "pymysql.err.OperationalError: (3024, 'Query execution was interrupted, maximum statement execution time exceeded')",
  );
  const mysqlLog = lines(
    `${at(21 * HOURS - 0.5).replace('Z', '000Z')} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1`,
    `${at(21 * HOURS - 0.5).replace('Z', '000Z')} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${at(21 * HOURS - 0.6).replace('Z', '000Z')} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${at(21 * HOURS - 0.7).replace('Z', '000Z')} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${at(21 * HOURS - 0.7).replace('Z', '000Z')} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${at(21 * HOURS - 0.7).replace('Z', '000Z')} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${at(21 * HOURS - 0.7).replace('Z', '000Z')} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
    `${at(21 * HOURS - 0.7).replace('Z', '000Z')} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.36'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
  );
  return {
    id: 'heldout73-mysql-max-execution-time',
    class: 'config',
    truth: 'Yesterday reports-mysql\'s config (ConfigMap reports-mysql-conf) gained a global max_execution_time = 5000 (ms) and MySQL was restarted with it; the finance-daily-export report query takes ~40 s, so MySQL aborts it after 5 s with ERROR 3024 "Query execution was interrupted, maximum statement execution time exceeded" and the Job fails (BackoffLimitExceeded). Fix: remove the global limit (or set it per-session / per-query with a hint for the report user).',
    ask: { service: 'finance-daily-export', namespace: ns },
    objects: [
      ...nodes, ...mysql.objects, ...cj.objects, ...api.objects, conf,
      ...boundClaim({ namespace: ns, name: 'data-reports-mysql-0', storage: '500Gi', zone: 'eu-west-1b', createdAgo: 80 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'reports-mysql', selector: { app: 'reports-mysql' }, pods: mysql.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'reports-api', selector: { app: 'reports-api' }, pods: api.pods }),
      ...(failed?.pods ?? []).map((p, i) => jobEvent(failedJob, 'SuccessfulCreate', `Created pod: ${p.metadata?.name ?? ''}`, 44 - i * 6)),
      jobEvent(failedJob, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 31, 'Warning'),
      event({ on: podOf(mysql, 0), reason: 'Killing', message: 'Stopping container mysql', firstAgo: 21 * HOURS + 1 }),
    ],
    logs: [
      ...(failed?.pods ?? []).map((p, i) => logsFor(p, 'export', { current: exportLog(43.9 - i * 6) })),
      logsFor(podOf(mysql, 0), 'mysql', { current: mysqlLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_execution_time|maximum statement execution time|3024/i],
      facts: [/3024|maximum statement execution time exceeded/i, /5000|5 ?s\b/i],
      never: [/\bOOM/i, /deadlock|lock wait/i, /reports-api/],
    },
  };
}

// ---- 6. ingress-nginx limit-rps throttles a partner behind one NAT IP --------------------------------

function ingressNginxLimitReq(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.18', ['44', '131', '250']);
  const ctrl = deploymentApp({
    namespace: 'ingress-nginx', name: 'ingress-nginx-controller', replicas: 2,
    revisions: [{ revision: 7, createdAgo: 33 * DAYS, template: { containers: [container({ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7', args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller'], ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }], cpu: '500m', memory: '512Mi', readiness: httpProbe('/healthz', 10254), liveness: httpProbe('/healthz', 10254) })] } }],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 33 * DAYS }, { revision: 7, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const api = deploymentApp({
    namespace: ns, name: 'orders-public-api', replicas: 3,
    revisions: [
      { revision: 90, createdAgo: 10 * DAYS, template: { containers: [container({ image: `${ECR}/storefront/orders-public-api:6.3.0`, readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } },
      { revision: 91, createdAgo: 4 * DAYS, changeCause: 'argocd: orders-public-api 6.3.1', template: { containers: [container({ image: `${ECR}/storefront/orders-public-api:6.3.1`, cpu: '500m', memory: '512Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 91, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const web = bystander(ns, 'storefront-web', names, 90, { revisions: [201, 202], versions: ['2026.11.20-1', '2026.11.21-1'], olderAgo: 2 * DAYS });
  const partner = '203.0.113.77';
  const zone = 'storefront_orders-public_rps';
  const ctrlLog = (k: number) => {
    const out: string[] = [
      `${klog(2 * HOURS + 12)}       7 event.go:377] Event(v1.ObjectReference{Kind:"Ingress", Namespace:"storefront", Name:"orders-public", UID:"5c1d7e2a-9f3b-4a61-b0c8-2e7d4f9a1b36", APIVersion:"networking.k8s.io/v1", ResourceVersion:"918273645", FieldPath:""}): type: 'Normal' reason: 'Sync' Scheduled for sync`,
      `${klog(2 * HOURS + 12)}       7 controller.go:193] "Configuration changes detected, backend reload required"`,
      `${klog(2 * HOURS + 11.9)}       7 controller.go:213] "Backend successfully reloaded"`,
      `${klog(2 * HOURS + 11.9)}       7 event.go:377] Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"${podOf(ctrl, k).metadata?.name ?? ''}", UID:"", APIVersion:"v1", ResourceVersion:"", FieldPath:""}): type: 'Normal' reason: 'RELOAD' NGINX reload triggered due to a change in configuration`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 11 - i * 0.9 - k * 0.1;
      const n = 8812000 + i * 1337 + k * 90001;
      out.push(`${ngxTime(t)} [error] ${38 + k}#${38 + k}: *${n} limiting requests, excess: ${(100 + ((i * 7 + k) % 9) * 0.123).toFixed(3)} by zone "${zone}", client: ${partner}, server: api.shop.example.com, request: "POST /v1/orders/status:batch HTTP/1.1", host: "api.shop.example.com"`);
      out.push(`${partner} - - [${at(t).slice(8, 10)}/Nov/2026:${at(t).slice(11, 19)} +0000] "POST /v1/orders/status:batch HTTP/1.1" 503 190 "-" "AcmeLogistics-Sync/4.2" 912 0.000 [] [] - - - - ${(n * 2654435761 % 4294967296).toString(16).padStart(8, '0')}a3f0c1d2e4b5a6978`);
      out.push(`${partner} - - [${at(t - 0.01).slice(8, 10)}/Nov/2026:${at(t - 0.01).slice(11, 19)} +0000] "POST /v1/orders/status:batch HTTP/1.1" 200 5120 "-" "AcmeLogistics-Sync/4.2" 915 0.041 [storefront-orders-public-api-80] [] ${ipOf(podOf(api, i % 3))}:8080 5120 0.041 200 ${(n * 40503 % 4294967296).toString(16).padStart(8, '0')}77b1c2d3e4f5a6b7c8`);
      if (i % 3 === 0) out.push(`198.51.100.${20 + i} - - [${at(t - 0.02).slice(8, 10)}/Nov/2026:${at(t - 0.02).slice(11, 19)} +0000] "GET /v1/orders/ORD-${7730000 + i} HTTP/2.0" 200 844 "https://shop.example.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" 61 0.019 [storefront-orders-public-api-80] [] ${ipOf(podOf(api, (i + 1) % 3))}:8080 844 0.019 200 0c${i}f2a9e1b3d4c5e6f7a8b9c0d1e2f3a4`);
    }
    return out.join('\n') + '\n';
  };
  const apiLog = (k: number) => lines(
    ...[0, 1, 2, 3, 4, 5].map((i) => `{"time":"${at(12 - i * 2 - k * 0.1)}","level":"INFO","msg":"request","method":"POST","path":"/v1/orders/status:batch","status":200,"dur_ms":${38 + i},"client_ip":"${partner}","partner":"acme-logistics","batch":50}`),
    `{"time":"${at(5 - k * 0.1)}","level":"INFO","msg":"partner traffic","partner":"acme-logistics","rps_5m":${(19.2 + k * 0.3).toFixed(1)},"rps_5m_yesterday":${(83.4 + k).toFixed(1)}}`,
    `{"time":"${at(1 - k * 0.1)}","level":"INFO","msg":"request","method":"GET","path":"/v1/orders/ORD-7731102","status":200,"dur_ms":12,"client_ip":"198.51.100.41"}`,
  );
  return {
    id: 'heldout73-ingress-nginx-limit-req',
    class: 'network',
    truth: 'Two hours ago the Ingress orders-public (storefront) got nginx.ingress.kubernetes.io/limit-rps to protect the public API from scrapers; the limit is per client IP, and partner Acme Logistics sends all its batch-status calls from one NAT IP (203.0.113.77) at ~80 req/s, so ingress-nginx rejects the excess with 503 ("limiting requests ... by zone storefront_orders-public_rps"). The orders-public-api pods are healthy and simply see less partner traffic. Fix: whitelist the partner IP (limit-whitelist) or raise/scope the limit.',
    ask: { service: 'orders-public-api', namespace: ns },
    objects: [
      ...nodes, ...ctrl.objects, ...api.objects, ...web.objects,
      ...exposed({ namespace: 'ingress-nginx', name: 'ingress-nginx-controller', selector: { app: 'ingress-nginx-controller' }, pods: ctrl.pods, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], endpointPort: 80 }),
      ...exposed({ namespace: ns, name: 'orders-public-api', selector: { app: 'orders-public-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      event({ on: { kind: 'Ingress', name: 'orders-public', namespace: ns }, reason: 'Sync', message: 'Scheduled for sync', component: 'nginx-ingress-controller', count: 2, firstAgo: 2 * HOURS + 12, lastAgo: 2 * HOURS + 12 }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 202), 2, 0, 90),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 201), 0, 2, 88),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(ctrl, k), 'controller', { current: ctrlLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/limit[-_ ]?(rps|req)|rate[- ]?limit|limiting requests|throttl/i],
      facts: [/203\.0\.113\.77/, /\b503\b/],
      never: [/orders-public-api[^\n]*(crash|not ready|unready|overload)/i, /\bOOM/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. healthy: Kafka Connect with "supplied but isn't a known config" ------------------------------

function healthyKafkaConnectUnknownConfig(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.106', ['15', '122', '237']);
  const image = 'confluentinc/cp-kafka-connect:6.2.12';
  const connect = deploymentApp({
    namespace: ns, name: 'cdc-connect', replicas: 2,
    revisions: [
      { revision: 12, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'connect', image: 'confluentinc/cp-kafka-connect:6.2.11', ports: [{ name: 'rest', containerPort: 8083 }], readiness: httpProbe('/connectors', 'rest'), liveness: httpProbe('/', 'rest') })] } },
      { revision: 13, createdAgo: 5 * HOURS, changeCause: 'argocd: cdc-connect 6.2.12', template: { containers: [container({ name: 'connect', image, ports: [{ name: 'rest', containerPort: 8083 }], cpu: '1', memory: '3Gi', env: [{ name: 'CONNECT_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.data-platform.svc:9092,kafka-1.kafka-headless.data-platform.svc:9092,kafka-2.kafka-headless.data-platform.svc:9092' }, { name: 'CONNECT_GROUP_ID', value: 'cdc-connect' }, { name: 'CONNECT_CONFIG_STORAGE_TOPIC', value: 'cdc-connect-configs' }, { name: 'CONNECT_OFFSET_STORAGE_TOPIC', value: 'cdc-connect-offsets' }, { name: 'CONNECT_STATUS_STORAGE_TOPIC', value: 'cdc-connect-status' }, { name: 'CONNECT_PLUGIN_PATH', value: '/usr/share/java,/usr/share/confluent-hub-components' }], readiness: httpProbe('/connectors', 'rest', { initialDelaySeconds: 30 }), liveness: httpProbe('/', 'rest', { initialDelaySeconds: 60 }) })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 13, node: names[k] ?? '', createdAgo: 5 * HOURS - k * 2 })),
  });
  const other = bystander(ns, 'schema-registry', names, 12 * DAYS, { revisions: [3, 4], versions: ['6.2.11', '6.2.12'], olderAgo: 60 * DAYS });
  const unknown = ['config.storage.topic', 'status.storage.topic', 'group.id', 'rest.advertised.host.name', 'plugin.path', 'offset.storage.topic', 'key.converter', 'value.converter', 'config.storage.replication.factor', 'offset.flush.interval.ms'];
  const connectLog = (k: number) => {
    const t0 = 5 * HOURS - k * 2 - 0.2;
    const out: string[] = [
      `${kTime(t0)} INFO Kafka Connect distributed worker initializing ... (org.apache.kafka.connect.cli.ConnectDistributed)`,
      `${kTime(t0)} INFO WorkerInfo values: `,
      `${kTime(t0 - 0.1)} INFO Creating Kafka admin client (org.apache.kafka.connect.util.ConnectUtils)`,
      ...unknown.map((c) => `${kTime(t0 - 0.12)} WARN The configuration '${c}' was supplied but isn't a known config. (org.apache.kafka.clients.admin.AdminClientConfig)`),
      `${kTime(t0 - 0.12)} INFO Kafka version: 6.2.12-ccs (org.apache.kafka.common.utils.AppInfoParser)`,
      `${kTime(t0 - 0.13)} INFO Kafka cluster ID: 7qQeN3xTR2GmVwYzP1aB4c (org.apache.kafka.connect.util.ConnectUtils)`,
      ...unknown.slice(0, 4).map((c) => `${kTime(t0 - 0.4)} WARN The configuration '${c}' was supplied but isn't a known config. (org.apache.kafka.clients.producer.ProducerConfig)`),
      ...unknown.slice(0, 4).map((c) => `${kTime(t0 - 0.41)} WARN The configuration '${c}' was supplied but isn't a known config. (org.apache.kafka.clients.consumer.ConsumerConfig)`),
      `${kTime(t0 - 0.6)} INFO Started o.e.j.s.ServletContextHandler@5b2ff4df{/,null,AVAILABLE} (org.eclipse.jetty.server.handler.ContextHandler)`,
      `${kTime(t0 - 0.6)} INFO REST resources initialized; server is started and ready to handle requests (org.apache.kafka.connect.runtime.rest.RestServer)`,
      `${kTime(t0 - 0.7)} INFO [Worker clientId=connect-1, groupId=cdc-connect] Joined group at generation ${41 + k} with protocol version 2 and got assignment: Assignment{error=0, leader='connect-1-3b9e1f2a-77c4-4d10-9a52-8e0c6d1f2b3a', leaderUrl='http://${ipOf(podOf(connect, 0))}:8083/', offset=118, connectorIds=[${k === 0 ? 'orders-postgres-cdc' : 'customers-postgres-cdc'}], taskIds=[${k === 0 ? 'orders-postgres-cdc-0' : 'customers-postgres-cdc-0'}], revokedConnectorIds=[], revokedTaskIds=[], delay=0} with rebalance delay: 0 (org.apache.kafka.connect.runtime.distributed.DistributedHerder)`,
      `${kTime(t0 - 0.75)} INFO [${k === 0 ? 'orders' : 'customers'}-postgres-cdc|worker] Finished creating connector ${k === 0 ? 'orders' : 'customers'}-postgres-cdc (org.apache.kafka.connect.runtime.Worker)`,
      `${kTime(t0 - 0.9)} INFO [${k === 0 ? 'orders' : 'customers'}-postgres-cdc|task-0] Starting streaming (io.debezium.pipeline.ChangeEventSourceCoordinator)`,
    ];
    for (let i = 0; i < 5; i++) out.push(`${kTime(50 - i * 10 - k)} INFO [${k === 0 ? 'orders' : 'customers'}-postgres-cdc|task-0] ${412 + i * 37 + k * 5} records sent during previous 00:10:00.001, last recorded offset of {server=cdc} partition is {transaction_id=null, lsn_proc=${88123450000 + i * 9100}, lsn=${88123450000 + i * 9100}, txId=${9912300 + i * 51}, ts_usec=1795316${400 + i}000000} (io.debezium.connector.common.BaseSourceTask)`);
    out.push(`${ipOf(podOf(connect, 0))} - - [${at(0.5).slice(8, 10)}/Nov/2026:${at(0.5).slice(11, 19)} +0000] "GET /connectors/${k === 0 ? 'orders' : 'customers'}-postgres-cdc/status HTTP/1.1" 200 178 "-" "curl/8.5.0" 4 (org.apache.kafka.connect.runtime.rest.RestServer)`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout73-healthy-kafka-connect-unknown-config',
    class: 'healthy',
    truth: 'cdc-connect (Kafka Connect 6.2.12, rolled out 5 h ago) is healthy: both workers joined the group, their Debezium connectors and tasks run and stream changes, and both pods are Ready. The "was supplied but isn\'t a known config" WARN lines are Kafka clients ignoring worker-level keys passed through to them — harmless start-up noise.',
    ask: { service: 'cdc-connect', namespace: ns },
    objects: [
      ...nodes, ...connect.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cdc-connect', selector: { app: 'cdc-connect' }, pods: connect.pods, ports: [{ name: 'rest', port: 8083, targetPort: 'rest' }], endpointPort: 8083 }),
      ...exposed({ namespace: ns, name: 'schema-registry', selector: { app: 'schema-registry' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(connect), rsOf(connect, 13), 1, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(connect), rsOf(connect, 12), 1, 2, 5 * HOURS - 1),
      scaledReplicaSet(deploymentOf(connect), rsOf(connect, 13), 2, 1, 5 * HOURS - 1),
      scaledReplicaSet(deploymentOf(connect), rsOf(connect, 12), 0, 1, 5 * HOURS - 2),
      probeFailed(podOf(connect, 1), 'connect', 'Readiness', `Get "http://${ipOf(podOf(connect, 1))}:8083/connectors": dial tcp ${ipOf(podOf(connect, 1))}:8083: connect: connection refused`, { count: 3, firstAgo: 5 * HOURS - 2.2, lastAgo: 5 * HOURS - 2.8 }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(connect, k), 'connect', { current: connectLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|no (issue|fault|failure)s?|nothing (is )?wrong|running normally/i],
      facts: [/cdc-connect/, /ready|2\/2/i],
      never: [/\bOOM/, /crash ?loop/i, /(unknown|known) config[^\n]*(cause|fail|broke|misconfig)/i, /schema-registry/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  redisKeysBlocking(),
  celeryBeatScheduleCorrupt(),
  sparkDriverRbacForbidden(),
  postgresIdleSessionTimeout(),
  mysqlMaxExecutionTime(),
  ingressNginxLimitReq(),
  healthyKafkaConnectUnknownConfig(),
];
