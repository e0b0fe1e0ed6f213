// Held-out stories, twenty-eighth round, part 2: written without reading the analysis code.
//
// Kafka consumers autoscaled past the topic's six partitions, a partner API's hourly rate limit
// exhausted by a new CronJob sharing the service's key, a Redis revision that set requirepass while
// its exec liveness probe still pings without auth, a node out of inodes (not bytes) because a
// cache writes millions of small files to an emptyDir, a preStop sleep longer than the grace
// period, an Elasticsearch heap cut to 1g tripping the parent circuit breaker, and a healthy
// control: a StatefulSet deliberately canaried with partition 2.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, boundClaim, clfTime, configMap, container, cronJob, cronJobEvent, deploymentApp,
  epochMs, event, every, execProbe, exited, exposed, hpa, httpProbe, jobEvent, kubeletEviction, nameOf, node, nodeEvent,
  probeFailed, probeKilling, pulledFresh, pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, startedNormally, statefulSetApp, tcpProbe, terminated, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...xs: string[]): string => `${xs.join('\n')}\n`;
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

// ---- 1. Kafka consumers autoscaled to 12 on a 6-partition topic ---------------------------------

function kafkaConsumersPastPartitions(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes: eks, names: three } = threeEksNodes('10.0.144', ['18', '203', '96']);
  const fourth = node({ name: 'ip-10-0-144-57.eu-west-1.compute.internal', zone: 'eu-west-1a', createdAgo: 12 * DAYS });
  const nodes = [...eks, fourth];
  const names = [...three, nameOf(fourth)];
  const image = (v: string) => `${ECR}/fulfilment/shipment-tracker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.msk-prod.x7q2lc.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.msk-prod.x7q2lc.c4.kafka.eu-west-1.amazonaws.com:9098,b-3.msk-prod.x7q2lc.c4.kafka.eu-west-1.amazonaws.com:9098' },
      ],
      envFrom: [{ configMapRef: { name: 'shipment-tracker-config' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    serviceAccountName: 'shipment-tracker',
  });
  // Pods 0-2 ran before the surge; 3-5 came with the scale to 6, 6-11 with the scale to 12.
  const born = [6 * DAYS, 6 * DAYS - 2, 6 * DAYS - 4, 95, 95, 95, 80, 80, 80, 80, 80, 80];
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-tracker',
    replicas: 12,
    revisions: [
      { revision: 22, createdAgo: 19 * DAYS, changeCause: 'argocd: shipment-tracker 4.11.0', template: tpl('4.11.0') },
      { revision: 23, createdAgo: 6 * DAYS, changeCause: 'argocd: shipment-tracker 4.11.1', template: tpl('4.11.1') },
    ],
    pods: born.map((b, i) => ({
      revision: 23,
      node: names[i % 4] ?? '',
      createdAgo: b,
      ...(i === 1 ? { containers: { app: running({ sinceAgo: 21 * 60, restarts: 1, last: { exitCode: 1, finishedAgo: 21 * 60, ranSeconds: 4 * DAYS * 60 } }) } } : {}),
    })),
  });
  const dep = deploymentOf(app);
  const rs = rsOf(app, 23);
  const metric = 'kafka_consumergroup_lag';
  const selectorText = '&LabelSelector{MatchLabels:map[string]string{consumergroup: shipment-tracker,topic: shipment-events,},MatchExpressions:[]LabelSelectorRequirement{},}';
  const scaler = hpa({ namespace: ns, name: 'shipment-tracker', target: { kind: 'Deployment', name: 'shipment-tracker' }, min: 3, max: 12, current: 12, desired: 12, lastScaleAgo: 80 });
  const external = { metric: { name: metric, selector: { matchLabels: { consumergroup: 'shipment-tracker', topic: 'shipment-events' } } } };
  scaler.spec = { ...scaler.spec, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shipment-tracker' }, maxReplicas: 12, metrics: [{ type: 'External', external: { ...external, target: { type: 'AverageValue', averageValue: '2k' } } }] };
  scaler.status = {
    ...scaler.status,
    currentReplicas: 12,
    desiredReplicas: 12,
    currentMetrics: [{ type: 'External', external: { ...external, current: { averageValue: '41233' } } }],
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(75) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from external metric ${metric}(${selectorText})`, lastTransitionTime: ago(60 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(80) },
    ],
  };
  const hpaRef = { kind: 'HorizontalPodAutoscaler', metadata: scaler.metadata ?? {} };
  const other = bystander(ns, 'shipment-api', three, 31, { revisions: [57, 58], versions: ['2.40.3', '2.41.0'], olderAgo: 8 * DAYS });
  const cfg = configMap({
    namespace: ns,
    name: 'shipment-tracker-config',
    createdAgo: 200 * DAYS,
    updatedAgo: 6 * DAYS,
    data: {
      SPRING_KAFKA_CONSUMER_GROUP_ID: 'shipment-tracker',
      TRACKER_TOPIC: 'shipment-events',
      SPRING_KAFKA_LISTENER_CONCURRENCY: '1',
      SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS: '500',
      CARRIER_API_TIMEOUT_MS: '3000',
    },
  });
  // Which member got which partition at generation 58 (range assignor, 12 members, 6 partitions).
  const partitionOf = new Map<number, number>([[0, 3], [1, 0], [2, 5], [3, 1], [6, 4], [7, 2]]);
  const member = (i: number) => `consumer-shipment-tracker-1-${uidOf(`member/${i}`)}`;
  const assignment = app.pods.map((_, i) => `${member(i)}=Assignment(partitions=[${partitionOf.has(i) ? `shipment-events-${partitionOf.get(i)}` : ''}])`).join(', ');
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)}  ${level.padStart(5)} 1 --- [shipment-tracker] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const coord = 'o.a.k.c.c.internals.ConsumerCoordinator';
  const client = '[Consumer clientId=consumer-shipment-tracker-1, groupId=shipment-tracker]';
  const rebalance = (i: number): string[] => {
    const p = partitionOf.get(i);
    const parts = p === undefined ? '' : `shipment-events-${p}`;
    return [
      ...(i < 6 ? [spring(79.6, 'INFO', 'ntainer#0-0-C-1', coord, `${client} Request joining group due to: group is already rebalancing`)] : []),
      spring(79.6, 'INFO', 'ntainer#0-0-C-1', coord, `${client} (Re-)joining group`),
      spring(79.4, 'INFO', 'ntainer#0-0-C-1', coord, `${client} Successfully joined group with generation Generation{generationId=58, memberId='${member(i)}', protocol='range'}`),
      ...(i === 0 ? [spring(79.4, 'INFO', 'ntainer#0-0-C-1', coord, `${client} Finished assignment for group at generation 58: {${assignment}}`)] : []),
      spring(79.4, 'INFO', 'ntainer#0-0-C-1', coord, `${client} Successfully synced group in generation Generation{generationId=58, memberId='${member(i)}', protocol='range'}`),
      spring(79.4, 'INFO', 'ntainer#0-0-C-1', coord, `${client} Notifying assignor about the new Assignment(partitions=[${parts}])`),
      spring(79.4, 'INFO', 'ntainer#0-0-C-1', coord, `${client} Adding newly assigned partitions: ${parts}`),
      spring(79.4, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `shipment-tracker: partitions assigned: [${parts}]`),
    ];
  };
  const batches = (i: number): string => {
    const p = partitionOf.get(i);
    if (p === undefined) return '';
    return every(6, 0.2, 75, (t, k) => `${spring(t, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.tracking.ShipmentEventListener', `batch done partition=shipment-events-${p} records=500 took=${4600 + ((k * 37 + p * 91) % 600)}ms oldestRecordAge=${Math.round(5400 + (6 - t) * 55 + p * 40)}s`)}\n`);
  };
  const startup = (i: number): string[] => [
    spring((born[i] ?? 80) - 0.3, 'INFO', 'main', 'c.a.f.tracking.TrackerApplication', 'Started TrackerApplication in 14.882 seconds (process running for 16.104)'),
  ];
  const crashed = lines(
    spring(21 * 60 + 0.3, 'WARN', 'ntainer#0-0-C-1', 'org.apache.kafka.clients.NetworkClient', `${client} Connection to node 2 (b-2.msk-prod.x7q2lc.c4.kafka.eu-west-1.amazonaws.com/10.0.160.22:9098) could not be established. Node may not be available.`),
    spring(21 * 60 + 0.1, 'ERROR', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', 'Fatal consumer exception; stopping container'),
    spring(21 * 60 + 0.05, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'),
  );
  const podLogs = app.pods.map((p, i) => logsFor(p, 'app', { current: lines(...startup(i), ...rebalance(i)) + batches(i), ...(i === 1 ? { previous: crashed } : {}) }));
  const scaledUp = (to: number, from: number, t: number) => scaledReplicaSet(dep, rs, to, from, t);
  const rescale = (size: number, t: number) => event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${size}; reason: external metric ${metric}(${selectorText}) above target`, firstAgo: t, lastAgo: t, component: 'horizontal-pod-autoscaler' });
  return {
    id: 'heldout28-kafka-consumers-scaled-past-partitions',
    class: 'capacity',
    truth: 'Traffic on the shipment-events topic rose about two hours ago and the consumer group shipment-tracker fell behind. The HPA scales the consumer Deployment on the group\'s lag (kafka_consumergroup_lag), so it went 3 → 6 → 12 and is pinned at its maximum of 12, but the topic has only 6 partitions: in a consumer group each partition goes to one consumer, so at generation 58 six consumers got a partition and six got an empty assignment (`Adding newly assigned partitions:` with none) and sit idle. Lag keeps growing because throughput is capped at 6 consumers; more pods (or a higher maxReplicas) cannot help. Fix: add partitions to the topic (and raise maxReplicas to match), or make each consumer process faster (batching/parallel carrier calls); cap the HPA at the partition count.',
    ask: { service: 'shipment-tracker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, scaler, cfg,
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'shipment-api', selector: { app: 'shipment-api' }, pods: other.pods }),
      rescale(6, 95), rescale(12, 80),
      scaledUp(6, 3, 95), scaledUp(12, 6, 80),
      ...app.pods.slice(3).flatMap((p, k) => startedNormally(p, 'app', image('4.11.1'), born[k + 3] ?? 80)),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 1))}:8080: connect: connection refused`, { count: 2, firstAgo: 21 * 60 - 0.2, lastAgo: 21 * 60 - 0.1 }),
      ...restartedAgain(podOf(app, 1), 'app', image('4.11.1'), { count: 1, firstAgo: 21 * 60, lastAgo: 21 * 60 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 58), 2, 0, 31),
    ],
    logs: [
      ...podLogs,
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(2.1)}","level":"info","msg":"GET /v1/shipments/{id}","status":200,"ms":11}`, `{"ts":"${at(0.6)}","level":"info","msg":"GET /v1/shipments/{id}/events","status":200,"ms":23}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/partition/i],
      facts: [/\b(6|six)\b[^\n]*partitions|partitions[^\n]*\b(6|six)\b/i, /\b12\b/, /partitions assigned: \[\]|no partitions|empty assignment|idle/i],
      never: [/\bOOM/, /(raise|increase|bump)[^\n]*max ?replicas/i, ADVISES_ROLLBACK, /shipment-api/],
    },
  };
}

// ---- 2. A partner API's rate limit exhausted hourly by a new CronJob sharing the key -------------

function partnerRateLimitSharedKey(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '131', '205']);
  const image = (v: string) => `${ECR}/logistics/address-validator:${v}`;
  const keyEnv: k8s.V1EnvVar = { name: 'GEOPLEX_API_KEY', valueFrom: { secretKeyRef: { name: 'geoplex-api', key: 'api-key' } } };
  const baseEnv: k8s.V1EnvVar = { name: 'GEOPLEX_BASE_URL', value: 'https://api.geoplex.io/v2' };
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], memory: '384Mi', env: [keyEnv, baseEnv, { name: 'UVICORN_WORKERS', value: '2' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'address-validator',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 34 * DAYS, changeCause: 'argocd: address-validator 1.8.4', template: tpl('1.8.4') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: address-validator 1.9.0', template: tpl('1.9.0') },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 12, node: names[i] ?? '', createdAgo: 9 * DAYS - i })),
  });
  const backfillImage = `${ECR}/logistics/address-backfill:0.3.0`;
  const runs = [134, 74, 14];
  const cron = cronJob({
    namespace: ns,
    name: 'address-backfill',
    schedule: '0 * * * *',
    createdAgo: 158,
    lastSuccessfulAgo: 63,
    template: { containers: [batchContainer({ name: 'backfill', image: backfillImage, cpu: '500m', memory: '512Mi', args: ['--batch-size=500', '--concurrency=32'], env: [keyEnv, baseEnv, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'logistics-db', key: 'url' } } }] })] },
    jobs: [
      { createdAgo: 134, pods: [{ node: names[1] ?? '', createdAgo: 134, phase: 'Succeeded', containers: { backfill: terminated({ exitCode: 0, finishedAgo: 122, ranSeconds: 712 }) } }], outcome: { complete: true, ago: 122 } },
      { createdAgo: 74, pods: [{ node: names[2] ?? '', createdAgo: 74, phase: 'Succeeded', containers: { backfill: terminated({ exitCode: 0, finishedAgo: 63, ranSeconds: 655 }) } }], outcome: { complete: true, ago: 63 } },
      { createdAgo: 14, pods: [{ node: names[0] ?? '', createdAgo: 14, containers: { backfill: running({ sinceAgo: 13.9 }) } }] },
    ],
  });
  const cronObj = cron.objects[0];
  const jobObjs = cron.jobs.map((j) => j.objects[0]);
  const other = bystander(ns, 'route-planner', names, 47, { revisions: [30, 31], versions: ['5.2.0', '5.3.0'], olderAgo: 12 * DAYS });
  // Each hour: the backfill starts on the hour and takes the partner's per-key budget for ~11 minutes.
  const windows = [[134, 122], [74, 63], [14, 0]] as const;
  const limited = (t: number) => windows.some(([from, to]) => t <= from - 0.1 && t >= to);
  const validatorLog = (i: number): string => every(150, 0, 20, (t, k) => {
    const client = `10.0.${40 + i}.${(k * 7) % 200 + 20}:${40000 + ((k * 131) % 20000)}`;
    if (limited(t)) {
      const retry = 60 - Math.floor(((150 - t) * 60) % 60);
      return lines(
        `${pyTime(t)} INFO [httpx] HTTP Request: POST https://api.geoplex.io/v2/verify "HTTP/1.1 429 Too Many Requests"`,
        `${pyTime(t - 0.001)} WARNING [address_validator.partner] geoplex rejected POST /v2/verify: 429 Too Many Requests (Retry-After: ${retry}, X-RateLimit-Limit: 1200, X-RateLimit-Remaining: 0)`,
        `INFO:     ${client} - "POST /v1/validate HTTP/1.1" 503 Service Unavailable`,
      );
    }
    return lines(
      `${pyTime(t)} INFO [httpx] HTTP Request: POST https://api.geoplex.io/v2/verify "HTTP/1.1 200 OK"`,
      `INFO:     ${client} - "POST /v1/validate HTTP/1.1" 200 OK`,
    );
  });
  const backfillLog = (from: number, to: number | null, pending: number): string => {
    const out = [
      `${pyTime(from - 0.05)} INFO [backfill] starting: ${pending} addresses without geocode, batch_size=500 concurrency=32`,
      `${pyTime(from - 0.06)} INFO [backfill] geoplex key ...7f3a, base_url=https://api.geoplex.io/v2`,
    ];
    for (let t = from - 1; t > (to ?? 0.3); t -= 2) {
      const done = Math.min(pending - 120, Math.round(((from - t) / (from - (to ?? from - 12.5))) * pending));
      out.push(`${pyTime(t)} WARNING [backfill] geoplex 429 on batch ${Math.round(done / 500)}, sleeping ${30 + (Math.round(t) % 5) * 6}s (Retry-After)`);
      out.push(`${pyTime(t - 0.5)} INFO [backfill] progress ${done}/${pending} (${Math.round(done / (from - t))} addr/min)`);
    }
    if (to !== null) out.push(`${pyTime(to)} INFO [backfill] done: ${pending} processed, 0 failed`);
    return lines(...out);
  };
  const jobPods = cron.jobs.map((j) => j.pods[0]);
  return {
    id: 'heldout28-partner-rate-limit-shared-key-cronjob',
    class: 'config',
    truth: 'Two and a half hours ago the team added the CronJob address-backfill (schedule `0 * * * *`) that geocodes a backlog of addresses through the partner Geoplex API with concurrency 32, using the same API key (Secret geoplex-api) as address-validator. Geoplex limits requests per key (1200/min), so every hour on the hour, while the backfill Job runs (about 11 minutes), the key\'s budget is exhausted and address-validator\'s calls get `429 Too Many Requests` with Retry-After, which it turns into 503s for its callers. address-validator itself did not change (revision 12, nine days old). Fix: give the backfill its own API key (or a quota share), throttle it well under the limit or run it off-peak; suspend the CronJob meanwhile.',
    ask: { service: 'address-validator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'address-validator', selector: { app: 'address-validator' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'route-planner', selector: { app: 'route-planner' }, pods: other.pods }),
      ...runs.flatMap((r, k) => [
        cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(jobObjs[k])}`, r),
        jobEvent(jobObjs[k], 'SuccessfulCreate', `Created pod: ${nameOf(jobPods[k])}`, r),
      ]),
      jobEvent(jobObjs[0], 'Completed', 'Job completed', 122),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(jobObjs[0])}, condition: Complete`, 122),
      jobEvent(jobObjs[1], 'Completed', 'Job completed', 63),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(jobObjs[1])}, condition: Complete`, 63),
      ...(jobPods[2] === undefined ? [] : startedNormally(jobPods[2], 'backfill', backfillImage, 14)),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 47),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: validatorLog(i) })),
      logsFor(jobPods[0], 'backfill', { current: backfillLog(134, 122, 12480) }),
      logsFor(jobPods[1], 'backfill', { current: backfillLog(74, 63, 11920) }),
      logsFor(jobPods[2], 'backfill', { current: backfillLog(14, null, 12210) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(3.2)} INFO [planner] solved route batch id=rb-88213 stops=142 in 812ms`, `${pyTime(0.8)} INFO [planner] solved route batch id=rb-88214 stops=97 in 604ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|rate.?limit|Too Many Requests/i, /address-backfill/],
      facts: [/Retry-After|Too Many Requests|rate.?limit/i, /geoplex/i, /hourly|every hour|on the hour|0 \* \* \* \*/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /route-planner/, /crash ?loop/i],
    },
  };
}

// ---- 3. Redis revision sets requirepass; the exec liveness probe still pings without auth ----------

function redisRequirepassProbeNoAuth(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.72', ['40', '166', '9']);
  const image = 'docker.io/library/redis:7.2.6-alpine';
  const probeScript = 'response=$(timeout -s 3 5 redis-cli -h localhost -p 6379 ping); if [ "$response" != "PONG" ]; then echo "$response"; exit 1; fi';
  const redis = (withConf: boolean) => container({
    name: 'redis',
    image,
    ...(withConf ? { command: ['redis-server', '/usr/local/etc/redis/redis.conf'] } : { args: ['--maxmemory', '1536mb', '--maxmemory-policy', 'allkeys-lru', '--save', '900 1'] }),
    ports: [{ name: 'redis', containerPort: 6379 }],
    cpu: '250m',
    memory: '2Gi',
    readiness: tcpProbe(6379, { initialDelaySeconds: 5 }),
    liveness: execProbe(['sh', '-c', probeScript], { initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
    volumeMounts: [{ name: 'data', mountPath: '/data' }, ...(withConf ? [{ name: 'config', mountPath: '/usr/local/etc/redis' }] : [])],
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 1,
    serviceName: 'session-redis-headless',
    createdAgo: 210 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi' }],
    revisions: [
      { revision: 3, createdAgo: 80 * DAYS, template: { containers: [redis(false)] } },
      { revision: 4, createdAgo: 52, template: { containers: [redis(true)], volumes: [{ name: 'config', configMap: { name: 'session-redis-config', defaultMode: 420 } }] } },
    ],
    pods: [{
      revision: 4,
      ordinal: 0,
      node: names[1] ?? '',
      createdAgo: 51.5,
      containers: { redis: running({ sinceAgo: 1.2, restarts: 8, last: { exitCode: 0, reason: 'Completed', finishedAgo: 6.3, ranSeconds: 52 } }) },
    }],
  });
  const pod = podOf(sts, 0);
  const ip = ipOfPod(pod);
  const [claim, volume] = boundClaim({ namespace: ns, name: 'data-session-redis-0', storage: '8Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS });
  const cfg = configMap({
    namespace: ns,
    name: 'session-redis-config',
    createdAgo: 53,
    data: {
      'redis.conf': ['bind 0.0.0.0', 'port 6379', 'dir /data', 'maxmemory 1536mb', 'maxmemory-policy allkeys-lru', 'save 900 1', 'appendonly no', 'requirepass 7c1f0e9a4d2b8e63f5a1c0d9', ''].join('\n'),
    },
  });
  const apiImage = (v: string) => `${ECR}/identity/session-api:${v}`;
  const apiTpl = (v: string, auth: boolean) => ({ containers: [container({ image: apiImage(v), ports: [3000], env: [{ name: 'REDIS_URL', value: 'redis://session-redis.identity.svc.cluster.local:6379/0' }, ...(auth ? [{ name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'session-redis-auth', key: 'password' } } }] : [])], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 16 * DAYS, changeCause: 'argocd: session-api 3.2.1', template: apiTpl('3.2.1', false) },
      { revision: 41, createdAgo: 55, changeCause: 'argocd: session-api 3.2.1 (redis AUTH, SEC-311)', template: apiTpl('3.2.1', true) },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 41, node: names[i] ?? '', createdAgo: 55 - i * 0.5 })),
  });
  const other = bystander(ns, 'token-issuer', names, 3 * DAYS, { revisions: [14, 15], versions: ['1.6.2', '1.7.0'], olderAgo: 30 * DAYS });
  const rt = (m: number): string => {
    const d = ago(m);
    return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
  };
  const boot = (t: number, keys: number, rdbAge: number): string[] => [
    `1:C ${rt(t)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${rt(t)} * Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${rt(t)} * Configuration loaded`,
    `1:M ${rt(t - 0.001)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${rt(t - 0.001)} * Running mode=standalone, port=6379.`,
    `1:M ${rt(t - 0.002)} * Server initialized`,
    `1:M ${rt(t - 0.002)} * Loading RDB produced by version 7.2.6`,
    `1:M ${rt(t - 0.002)} * RDB age ${rdbAge} seconds`,
    `1:M ${rt(t - 0.002)} * RDB memory usage when created 212.46 Mb`,
    `1:M ${rt(t - 0.006)} * Done loading RDB, keys loaded: ${keys}, keys expired: 1183.`,
    `1:M ${rt(t - 0.006)} * DB loaded from disk: 0.338 seconds`,
    `1:M ${rt(t - 0.006)} * Ready to accept connections tcp`,
  ];
  const prevStart = 6.3 + 52 / 60;
  const apiLog = (i: number) => lines(
    `{"level":30,"time":${epochMs(7.2)},"pid":1,"hostname":"${nameOf(podOf(api, i))}","msg":"POST /v1/sessions 201","ms":4}`,
    `{"level":50,"time":${epochMs(6.3)},"pid":1,"hostname":"${nameOf(podOf(api, i))}","err":{"type":"Error","message":"Connection is closed.","stack":"Error: Connection is closed.\\n    at close (/app/node_modules/ioredis/built/redis/event_handler.js:189:25)"},"msg":"redis command failed"}`,
    `{"level":50,"time":${epochMs(6.2)},"pid":1,"hostname":"${nameOf(podOf(api, i))}","err":{"type":"Error","message":"connect ECONNREFUSED ${ip}:6379","code":"ECONNREFUSED","errno":-111,"syscall":"connect","address":"${ip}","port":6379},"msg":"[ioredis] Unhandled error event"}`,
    `{"level":40,"time":${epochMs(4.1)},"pid":1,"hostname":"${nameOf(podOf(api, i))}","msg":"POST /v1/sessions 503","ms":2001}`,
    `{"level":30,"time":${epochMs(1.15)},"pid":1,"hostname":"${nameOf(podOf(api, i))}","msg":"redis ready"}`,
    `{"level":30,"time":${epochMs(0.4)},"pid":1,"hostname":"${nameOf(podOf(api, i))}","msg":"GET /v1/sessions/:id 200","ms":2}`,
  );
  const headless = service({ namespace: ns, name: 'session-redis-headless', selector: { app: 'session-redis' }, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }] });
  return {
    id: 'heldout28-redis-requirepass-liveness-noauth',
    class: 'probes',
    truth: 'Revision 4 of the session-redis StatefulSet (52 minutes ago, SEC-311) starts Redis from a redis.conf in the ConfigMap session-redis-config that sets `requirepass`; session-api was given the password and authenticates. But the container\'s exec liveness probe still runs `redis-cli -h localhost -p 6379 ping` without a password, which now answers `NOAUTH Authentication required.`, so the probe fails three times and the kubelet restarts Redis (which shuts down cleanly on SIGTERM, exit 0) every few minutes, taking the session cache down each time. Fix: make the probe authenticate (REDISCLI_AUTH from the session-redis-auth Secret, or `redis-cli -a`), or probe with a TCP check.',
    ask: { service: 'session-redis', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, claim, volume, cfg, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, pods: sts.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      headless,
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'token-issuer', selector: { app: 'token-issuer' }, pods: other.pods }),
      event({ on: { kind: 'StatefulSet', name: 'session-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod session-redis-0 in StatefulSet session-redis successful', firstAgo: 51.6, lastAgo: 51.6, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'session-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod session-redis-0 in StatefulSet session-redis successful', firstAgo: 51.5, lastAgo: 51.5, component: 'statefulset-controller' }),
      scheduled(pod, 51.5),
      ...restartedAgain(pod, 'redis', image, { count: 9, firstAgo: 51.4, lastAgo: 1.2 }),
      probeFailed(pod, 'redis', 'Liveness', 'NOAUTH Authentication required.', { count: 26, firstAgo: 50.7, lastAgo: 0.5 }),
      probeKilling(pod, 'redis', 'liveness', { count: 8, firstAgo: 50.4, lastAgo: 6.35 }),
      backOff(pod, 'redis', { count: 23, firstAgo: 49.8, lastAgo: 1.4 }),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(other, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 20 * 60, lastAgo: 19.9 * 60, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(pod, 'redis', {
        current: lines(...boot(1.2, 184211, 306)),
        previous: lines(
          ...boot(prevStart, 183952, 297),
          `1:signal-handler (${Math.floor(epochMs(6.31) / 1000)}) Received SIGTERM scheduling shutdown...`,
          `1:M ${rt(6.31)} * User requested shutdown...`,
          `1:M ${rt(6.31)} * Saving the final RDB snapshot before exiting.`,
          `1:M ${rt(6.305)} * DB saved on disk`,
          `1:M ${rt(6.305)} * Removing the pid file.`,
          `1:M ${rt(6.305)} # Redis is now ready to exit, bye bye...`,
        ),
      }),
      ...api.pods.map((p, i) => logsFor(p, 'app', { current: apiLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOAUTH|requirepass|auth/i, /liveness/i],
      facts: [lit('NOAUTH Authentication required.'), /redis-cli|ping/i, /requirepass|password|REDISCLI_AUTH|-a /i],
      never: [/\bOOM/, /(raise|increase)[^\n]*(memory|limit)/i, /token-issuer/],
    },
  };
}

// ---- 4. A node out of inodes: millions of small cache files in an emptyDir ------------------------

function inodeExhaustionEmptyDir(): CorpusScenario {
  const ns = 'media';
  const ubuntu = (n: k8s.V1Node): k8s.V1Node => {
    const info = n.status?.nodeInfo;
    if (info) {
      info.osImage = 'Ubuntu 22.04.5 LTS';
      info.kernelVersion = '6.8.0-1018-aws';
    }
    return n;
  };
  const nodes = [
    node({ name: 'ip-10-0-52-11.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'media-ubuntu', instanceType: 'c6i.2xlarge', createdAgo: 21 * DAYS }),
    node({ name: 'ip-10-0-53-140.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'media-ubuntu', instanceType: 'c6i.2xlarge', createdAgo: 21 * DAYS, pressure: { disk: 24 }, taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: ago(24) }] }),
    node({ name: 'ip-10-0-54-77.eu-west-1.compute.internal', zone: 'eu-west-1c', pool: 'media-ubuntu', instanceType: 'c6i.2xlarge', createdAgo: 21 * DAYS }),
  ].map(ubuntu);
  const [a, b, c] = nodes.map(nameOf) as [string, string, string];
  const image = (v: string) => `${ECR}/media/thumbnail-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '768Mi', env: [{ name: 'GOMEMLIMIT', value: '700MiB' }, { name: 'RENDER_CACHE_URL', value: 'http://render-cache.media.svc.cluster.local' }] })] });
  const lowInodes = (availableInodes: number) => `The node was low on resource: inodes. Threshold quantity: 262144, available: ${availableInodes}. `;
  const evicted = (atAgo: number, avail: number) => ({
    ...kubeletEviction(lowInodes(avail), atAgo),
    containers: { app: { state: exited({ exitCode: 143, finishedAgo: atAgo - 0.03, ranSeconds: 9 * DAYS * 60 }, `evicted/${atAgo}`), ready: false, restartCount: 0, started: false } },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnail-api',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 23 * DAYS, changeCause: 'argocd: thumbnail-api 2.14.0', template: tpl('2.14.0') },
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnail-api 2.14.1', template: tpl('2.14.1') },
    ],
    pods: [
      { revision: 41, node: a, createdAgo: 9 * DAYS },
      { revision: 41, node: b, createdAgo: 9 * DAYS - 1, ...evicted(19, 20107) },
      { revision: 41, node: b, createdAgo: 9 * DAYS - 2, ...evicted(11, 17342) },
      { revision: 41, node: c, createdAgo: 9 * DAYS - 3 },
      { revision: 41, node: a, createdAgo: 18.9 },
      { revision: 41, node: c, createdAgo: 10.9 },
    ],
  });
  const cacheImage = (v: string) => `${ECR}/media/render-cache:${v}`;
  const cacheTpl = (v: string, disk: boolean) => ({
    containers: [container({
      image: cacheImage(v), ports: [8080], cpu: '1', memory: '2Gi',
      env: disk ? [{ name: 'CACHE_TIER', value: 'disk' }, { name: 'CACHE_DIR', value: '/var/cache/render' }, { name: 'CACHE_MAX_BYTES', value: '40GiB' }] : [{ name: 'CACHE_TIER', value: 'memory' }],
      ...(disk ? { volumeMounts: [{ name: 'disk-tier', mountPath: '/var/cache/render' }] } : {}),
    })],
    ...(disk ? { volumes: [{ name: 'disk-tier', emptyDir: {} }] } : {}),
    priorityClassName: 'media-critical',
  });
  const cache = deploymentApp({
    namespace: ns,
    name: 'render-cache',
    replicas: 1,
    revisions: [
      { revision: 6, createdAgo: 40 * DAYS, changeCause: 'argocd: render-cache 1.9.3', template: cacheTpl('1.9.3', false) },
      { revision: 7, createdAgo: 7 * 60, changeCause: 'argocd: render-cache 2.0.0 (disk tier on emptyDir, MEDIA-877)', template: cacheTpl('2.0.0', true) },
    ],
    pods: [{ revision: 7, node: b, createdAgo: 7 * 60 - 0.5 }],
  });
  for (const p of cache.pods) if (p.spec) p.spec.priority = 100000;
  const worker = deploymentApp({
    namespace: ns,
    name: 'media-events-worker',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 30 * DAYS, changeCause: 'argocd: media-events-worker 0.12.0', template: { containers: [container({ image: `${ECR}/media/media-events-worker:0.12.0`, ports: [9090], readiness: httpProbe('/ready', 9090) })] } }],
    pods: [
      { revision: 9, node: a, createdAgo: 30 * DAYS },
      { revision: 9, node: b, createdAgo: 30 * DAYS, ...kubeletEviction(lowInodes(21490), 15), containers: { app: { state: exited({ exitCode: 0, reason: 'Completed', finishedAgo: 14.97, ranSeconds: 30 * DAYS * 60 }, 'worker-evicted'), ready: false, restartCount: 0, started: false } } },
      { revision: 9, node: c, createdAgo: 14.9 },
    ],
  });
  const ev = (p: k8s.V1Pod, t: number, avail: number) => [
    event({ on: p, reason: 'Evicted', message: lowInodes(avail), firstAgo: t, lastAgo: t }),
    event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: t, lastAgo: t, fieldPath: 'spec.containers{app}' }),
  ];
  const cachePod = podOf(cache, 0);
  const cacheLog = lines(
    `{"time":"${at(7 * 60 - 0.6)}","level":"INFO","msg":"render-cache starting","version":"2.0.0","tier":"disk","dir":"/var/cache/render","max_bytes":"40GiB"}`,
    ...[300, 180, 60, 30].map((t, k) => `{"time":"${at(t)}","level":"INFO","msg":"disk tier stats","entries":${[1412055, 2870412, 4203376, 4511920][k]},"bytes":"${['4.1GiB', '8.3GiB', '12.2GiB', '13.1GiB'][k]}","avg_entry_bytes":3102}`),
    `{"time":"${at(23.8)}","level":"ERROR","msg":"disk tier write failed","key":"thumb/9c/41/9c41e0b7-w320.webp","err":"open /var/cache/render/9c/41/9c41e0b7-w320.webp.tmp: no space left on device"}`,
    `{"time":"${at(12.4)}","level":"ERROR","msg":"disk tier write failed","key":"thumb/27/e3/27e3aa10-w640.webp","err":"open /var/cache/render/27/e3/27e3aa10-w640.webp.tmp: no space left on device"}`,
    `{"time":"${at(2.2)}","level":"INFO","msg":"disk tier stats","entries":4902113,"bytes":"14.3GiB","avg_entry_bytes":3098,"write_errors_5m":1841}`,
  );
  const thumbLog = lines(
    `{"level":"info","ts":"${at(3.4)}","msg":"request","method":"GET","path":"/v1/thumbs/{id}","status":200,"ms":38}`,
    `{"level":"info","ts":"${at(0.7)}","msg":"request","method":"GET","path":"/v1/thumbs/{id}","status":200,"ms":41}`,
  );
  return {
    id: 'heldout28-node-inode-exhaustion-emptydir-cache',
    class: 'nodes',
    truth: 'render-cache revision 7 (7 hours ago, MEDIA-877) moved its cache tier to an emptyDir on its node\'s root filesystem, writing one small (~3 KiB) file per thumbnail; about 4.9 million files later the ext4 filesystem of node ip-10-0-53-140 ran out of inodes while only ~14 GiB of its bytes are used. The kubelet reports DiskPressure (nodefs.inodesFree below 5%) and evicts pods to reclaim inodes, lowest priority first: the two thumbnail-api pods on that node (and a media-events-worker) were evicted with `The node was low on resource: inodes.`, while render-cache, with the higher media-critical priority, keeps running and keeps the inodes. thumbnail-api itself is fine; its replacements run on the other nodes. Fix: bound the disk tier by file count (or store entries in a few large files / a PVC of its own), clean the emptyDir, and give render-cache\'s volume a sizeLimit; roll render-cache back to the memory tier meanwhile.',
    ask: { service: 'thumbnail-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cache.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'thumbnail-api', selector: { app: 'thumbnail-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'render-cache', selector: { app: 'render-cache' }, pods: cache.pods }),
      nodeEvent(b, 'NodeHasDiskPressure', `Node ${b} status is now: NodeHasDiskPressure`, { firstAgo: 24 }),
      nodeEvent(b, 'EvictionThresholdMet', 'Attempting to reclaim inodes', { type: 'Warning', count: 41, firstAgo: 24, lastAgo: 0.4 }),
      ...ev(podOf(app, 1), 19, 20107),
      ...ev(podOf(app, 2), 11, 17342),
      ...ev(podOf(worker, 1), 15, 21490),
      event({ on: replicaSetOf(app, 41), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(app, 4))}`, firstAgo: 18.9, lastAgo: 18.9, component: 'replicaset-controller' }),
      event({ on: replicaSetOf(app, 41), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(app, 5))}`, firstAgo: 10.9, lastAgo: 10.9, component: 'replicaset-controller' }),
      ...startedNormally(podOf(app, 4), 'app', image('2.14.1'), 18.9),
      ...startedNormally(podOf(app, 5), 'app', image('2.14.1'), 10.9),
      probeFailed(podOf(app, 0), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 19 * 60, lastAgo: 19 * 60 - 0.2 }),
    ],
    logs: [
      logsFor(cachePod, 'app', { current: cacheLog }),
      ...[0, 3, 4, 5].map((i) => logsFor(podOf(app, i), 'app', { current: thumbLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/inode/i],
      facts: [lit('ip-10-0-53-140'), /render-cache|emptyDir/i, /evict/i],
      never: [/\bOOM/, /MemoryPressure|low on (resource: )?memory/i, /media-events-worker[^\n]*(caus|fill|writ)/i],
    },
  };
}

// ---- 5. preStop sleep 45 with a 30 s grace period: killed mid-drain on every rollout -------------

function preStopLongerThanGrace(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.120', ['25', '142', '233']);
  const image = (v: string) => `${ECR}/shop/cart-service:${v}`;
  const tpl = (v: string, hook: boolean) => {
    const c = container({ name: 'cart', image: image(v), ports: [8080], cpu: '500m', memory: '256Mi', env: [{ name: 'SHUTDOWN_DRAIN_TIMEOUT', value: '25s' }], readiness: httpProbe('/readyz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) });
    return { containers: [hook ? { ...c, lifecycle: { preStop: { exec: { command: ['sleep', '45'] } } } } : c] };
  };
  const terminatingA = 0.52;
  const terminatingB = 0.25;
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-service',
    replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: cart-service 3.7.4', template: tpl('3.7.4', false) },
      { revision: 15, createdAgo: 2 * DAYS, changeCause: 'argocd: cart-service 3.8.0 (preStop drain, PLAT-2291)', template: tpl('3.8.0', true) },
      { revision: 16, createdAgo: 3, changeCause: 'argocd: cart-service 3.8.1', template: tpl('3.8.1', true) },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 2 * DAYS },
      { revision: 15, node: names[1] ?? '', createdAgo: 2 * DAYS - 1 },
      { revision: 15, node: names[2] ?? '', createdAgo: 2 * DAYS - 2, deletingAgo: terminatingA },
      { revision: 15, node: names[0] ?? '', createdAgo: 2 * DAYS - 3, deletingAgo: terminatingB },
      { revision: 16, node: names[1] ?? '', createdAgo: 3 },
      { revision: 16, node: names[2] ?? '', createdAgo: 3 },
      { revision: 16, node: names[0] ?? '', createdAgo: 2.3 },
      { revision: 16, node: names[1] ?? '', createdAgo: 1.6 },
    ],
  });
  const dep = deploymentOf(app);
  const rs15 = rsOf(app, 15);
  const rs16 = rsOf(app, 16);
  // Two revision-15 pods already gone: deleted 2.3 and 1.6 minutes ago, SIGKILLed 32 s later.
  const gone = [
    { name: `${rs15}-q7kzd`, deleted: 2.3 },
    { name: `${rs15}-w2b9x`, deleted: 1.6 },
  ];
  const goneRef = (n: string) => ({ kind: 'Pod', name: n, namespace: ns });
  const killedAt = (deleted: number) => deleted - 32 / 60;
  const gw = deploymentApp({
    namespace: ns,
    name: 'storefront-gateway',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 17 * DAYS, changeCause: 'argocd: storefront-gateway nginx 1.27.2', template: { containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2-alpine', ports: [8080], memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080) })] } }],
    pods: [{ revision: 22, node: names[0] ?? '', createdAgo: 17 * DAYS }, { revision: 22, node: names[2] ?? '', createdAgo: 17 * DAYS }],
  });
  const svc = exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: app.pods });
  const cartIp = (svc[0] as k8s.V1Service).spec?.clusterIP ?? '';
  const nginxErr = (t: number, conn: number, kind: 'reset' | 'closed', path: string) => {
    const d = ago(t);
    const ts = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    const what = kind === 'reset' ? 'recv() failed (104: Connection reset by peer) while reading response header from upstream' : 'upstream prematurely closed connection while reading response header from upstream';
    return `${ts} [error] 29#29: *${conn} ${what}, client: 10.0.3.${(conn % 200) + 10}, server: shop.example.com, request: "${path} HTTP/1.1", upstream: "http://${cartIp}:80${path.split(' ')[1] ?? '/'}", host: "shop.example.com"`;
  };
  const access = (t: number, path: string, status: number, secs: string) => `10.0.3.${Math.round(t * 37) % 200 + 10} - - [${clfTime(t)}] "${path} HTTP/1.1" ${status} ${status === 502 ? 157 : 412} "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" ${secs} "${cartIp}:80"`;
  const gwLog = (k: number) => lines(
    access(3.5, 'GET /api/cart', 200, '0.011'),
    ...gone.flatMap((g, j) => [
      nginxErr(killedAt(g.deleted), 918231 + k * 1000 + j * 17, 'reset', 'POST /api/cart/items'),
      nginxErr(killedAt(g.deleted), 918232 + k * 1000 + j * 17, 'closed', 'GET /api/cart'),
      access(killedAt(g.deleted), 'POST /api/cart/items', 502, '0.004'),
      access(killedAt(g.deleted), 'GET /api/cart', 502, '0.002'),
      access(killedAt(g.deleted), 'POST /api/cart/checkout-preview', 502, '0.061'),
    ]),
    access(0.4, 'GET /api/cart', 200, '0.009'),
  );
  const zap = (t: number, msg: string, extra = '') => `{"level":"info","ts":${(epochMs(t) / 1000).toFixed(3)},"caller":"server/server.go:${msg.includes('signal') ? 88 : 142}","msg":"${msg}"${extra}}`;
  const reqs = (from: number, to: number) => every(from, to, 20, (t, k) => `${zap(t, 'request', `,"method":"${k % 3 === 0 ? 'POST' : 'GET'}","path":"${k % 3 === 0 ? '/api/cart/items' : '/api/cart'}","status":200,"dur_ms":${6 + (k % 9)}`)}\n`);
  const termA = podOf(app, 2);
  const termB = podOf(app, 3);
  const sigterm = terminatingA - 30 / 60;
  return {
    id: 'heldout28-prestop-sleep-exceeds-grace-period',
    class: 'rollout',
    truth: 'Revision 15 of cart-service (two days ago, PLAT-2291) added a preStop hook `sleep 45` to let endpoints drain, but terminationGracePeriodSeconds stayed at the default 30. The grace period counts the hook, so on every termination the kubelet stops waiting for the hook at 30 s, only then sends SIGTERM, and SIGKILLs the container 2 s later: the app never gets to run its 25 s drain, and the keep-alive connections the storefront-gateway still holds to the pod are reset (nginx 502s, `Connection reset by peer` / `upstream prematurely closed connection`) at each kill. Today\'s rollout of revision 16 (3.8.1, a harmless version bump) is just when it shows. Fix: raise terminationGracePeriodSeconds above the hook plus the drain (e.g. 75 s) or shorten the sleep (e.g. 10 s); rolling back to revision 15 changes nothing.',
    ask: { service: 'cart-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gw.objects, ...svc,
      ...exposed({ namespace: ns, name: 'storefront-gateway', selector: { app: 'storefront-gateway' }, pods: gw.pods, type: 'LoadBalancer' }),
      scaledReplicaSet(dep, rs16, 2, 0, 3),
      scaledReplicaSet(dep, rs15, 5, 6, 2.3),
      scaledReplicaSet(dep, rs16, 3, 2, 2.3),
      scaledReplicaSet(dep, rs15, 4, 5, 1.6),
      scaledReplicaSet(dep, rs16, 4, 3, 1.6),
      scaledReplicaSet(dep, rs15, 3, 4, terminatingA),
      scaledReplicaSet(dep, rs15, 2, 3, terminatingB),
      ...app.pods.slice(4).flatMap((p, k) => {
        const t = [3, 3, 2.3, 1.6][k] ?? 3;
        return [
          ...pulledFresh(p, 'cart', image('3.8.1'), { atAgo: t, bytes: 18422710, seconds: 1.804 }),
          event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container cart', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.containers{cart}' }),
          event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container cart', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.containers{cart}' }),
        ];
      }),
      ...gone.flatMap((g) => [
        event({ on: goneRef(g.name), type: 'Normal', reason: 'Killing', message: 'Stopping container cart', firstAgo: g.deleted, lastAgo: g.deleted, fieldPath: 'spec.containers{cart}' }),
        event({ on: goneRef(g.name), reason: 'FailedPreStopHook', message: 'PreStopHook failed', firstAgo: killedAt(g.deleted), lastAgo: killedAt(g.deleted), fieldPath: 'spec.containers{cart}' }),
      ]),
      event({ on: termA, type: 'Normal', reason: 'Killing', message: 'Stopping container cart', firstAgo: terminatingA, lastAgo: terminatingA, fieldPath: 'spec.containers{cart}' }),
      event({ on: termB, type: 'Normal', reason: 'Killing', message: 'Stopping container cart', firstAgo: terminatingB, lastAgo: terminatingB, fieldPath: 'spec.containers{cart}' }),
      probeFailed(termA, 'cart', 'Readiness', `Get "http://${ipOfPod(termA)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 17 * 60, lastAgo: 17 * 60 }),
    ],
    logs: [
      ...[0, 1].map((i) => logsFor(podOf(app, i), 'cart', { current: reqs(2.5, 0.1) })),
      logsFor(termA, 'cart', { current: reqs(2.5, sigterm + 0.01) + lines(zap(sigterm, 'shutdown signal received', ',"signal":"terminated","drainTimeout":"25s"'), zap(sigterm - 0.002, 'http server shutting down, waiting for in-flight requests', ',"inflight":11,"idleConns":37')) }),
      logsFor(termB, 'cart', { current: reqs(2.5, 0.05) }),
      ...app.pods.slice(4).map((p, k) => logsFor(p, 'cart', { current: lines(zap(([3, 3, 2.3, 1.6][k] ?? 3) - 0.05, 'cart-service starting', ',"version":"3.8.1","addr":":8080"')) + reqs(([3, 3, 2.3, 1.6][k] ?? 3) - 0.2, 0.1) })),
      ...gw.pods.map((p, k) => logsFor(p, 'nginx', { current: gwLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/preStop|sleep 45/i, /grace/i],
      facts: [/\b45\b/, /\b30\b/, /502|reset by peer|prematurely closed/i],
      never: [/revision 16[^\n]*(caused|broke|introduced)|roll(ing)? ?back to (revision )?15|undo the rollout/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 6. Elasticsearch heap cut to 1g: parent circuit breaker rejects bulk requests ---------------

function elasticsearchHeapCutCircuitBreaker(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.96', ['30', '118', '201']);
  for (const n of nodes) if (n.metadata?.labels) n.metadata.labels['node.kubernetes.io/instance-type'] = 'r6i.xlarge';
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const esContainer = (heap: string, memory: string) => container({
    name: 'elasticsearch',
    image,
    ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
    cpu: '2',
    memory,
    env: [
      { name: 'ES_JAVA_OPTS', value: `-Xms${heap} -Xmx${heap}` },
      { name: 'cluster.name', value: 'catalog' },
      { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'discovery.seed_hosts', value: 'catalog-es-headless' },
      { name: 'cluster.initial_master_nodes', value: 'catalog-es-0,catalog-es-1,catalog-es-2' },
      { name: 'ELASTIC_PASSWORD', valueFrom: { secretKeyRef: { name: 'catalog-es-credentials', key: 'password' } } },
    ],
    readiness: execProbe(['bash', '-c', 'curl -s -o /dev/null -w "%{http_code}" --cacert config/certs/ca.crt -u "elastic:${ELASTIC_PASSWORD}" "https://localhost:9200/_cluster/health?local=true" | grep -q 200'], { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5 }),
    liveness: null,
    volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }, { name: 'certs', mountPath: '/usr/share/elasticsearch/config/certs', readOnly: true }],
  });
  const tpl = (heap: string, memory: string) => ({
    containers: [esContainer(heap, memory)],
    volumes: [{ name: 'certs', secret: { secretName: 'catalog-es-certs', defaultMode: 420 } }],
    terminationGracePeriodSeconds: 120,
    annotations: { 'finops.acme.io/right-sized': memory === '8Gi' ? 'false' : 'FINOPS-412' },
  });
  const started = [171, 180, 190];
  const sts = statefulSetApp({
    namespace: ns,
    name: 'catalog-es',
    replicas: 3,
    serviceName: 'catalog-es-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 300 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    revisions: [
      { revision: 5, createdAgo: 61 * DAYS, template: tpl('4g', '8Gi') },
      { revision: 6, createdAgo: 191, template: tpl('1g', '2Gi') },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: names[i] ?? '', createdAgo: started[i] ?? 180 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-catalog-es-${i}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 300 * DAYS }));
  const indexerImage = `${ECR}/search/catalog-indexer:2.3.0`;
  const indexer = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 2,
    revisions: [{ revision: 18, createdAgo: 25 * DAYS, changeCause: 'argocd: catalog-indexer 2.3.0', template: { containers: [container({ name: 'indexer', image: indexerImage, ports: [9102], readiness: httpProbe('/healthz', 9102), liveness: null, env: [{ name: 'ES_URL', value: 'https://catalog-es.search.svc:9200' }, { name: 'BULK_SIZE', value: '1000' }] })] } }],
    pods: [{ revision: 18, node: names[0] ?? '', createdAgo: 25 * DAYS }, { revision: 18, node: names[2] ?? '', createdAgo: 25 * DAYS }],
  });
  const api = bystander(ns, 'catalog-search-api', names, 26, { revisions: [63, 64], versions: ['7.1.2', '7.2.0'], olderAgo: 9 * DAYS });
  const limit = '1020054732/972.7mb';
  const cbe = (realUsage: number, newBytes: number) => {
    const mb = (b: number) => `${Math.floor((b / 1048576) * 10) / 10}mb`.replace('.0mb', 'mb');
    const kbOrMb = (b: number) => (b >= 1048576 ? mb(b) : `${Math.floor((b / 1024) * 10) / 10}kb`);
    const would = realUsage + newBytes;
    return `[parent] Data too large, data for [<http_request>] would be [${would}/${mb(would)}], which is larger than the limit of [${limit}], real usage: [${realUsage}/${mb(realUsage)}], new bytes reserved: [${newBytes}/${kbOrMb(newBytes)}], usages [model_inference=0/0b, inflight_requests=${newBytes}/${kbOrMb(newBytes)}, request=0/0b, fielddata=2186/2.1kb, eql_sequence=0/0b]`;
  };
  const indexerLog = (k: number) => every(40, 0, 45, (t, i) => {
    const usage = 1016200000 + ((i * 7919 + k * 104729) % 3500000);
    if (i % 3 === 2) return lines(`${pyTime(t)} INFO [catalog_indexer.sink] bulk ok index=catalog-products-v7 docs=1000 took=${1900 + (i % 7) * 130}ms`);
    return lines(
      `${pyTime(t)} WARNING [elastic_transport.node_pool] Retrying request after failure (attempt 0 of 3)`,
      `${pyTime(t - 0.02)} ERROR [catalog_indexer.sink] bulk index=catalog-products-v7 docs=1000 rejected: ApiError(429, 'circuit_breaking_exception', '${cbe(usage, 4318219)}'); requeued, backoff ${2 ** ((i % 4) + 1)}s`,
    );
  });
  const ecs = (t: number, level: string, logger: string, msg: string, esNode: string, thread = 'main') => `{"@timestamp":"${at(t)}", "log.level": "${level}", "message":"${msg}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"${thread}","log.logger":"${logger}","elasticsearch.node.name":"${esNode}","elasticsearch.cluster.name":"catalog"}`;
  const esLog = (i: number) => {
    const n = `catalog-es-${i}`;
    const s = (started[i] ?? 180) - 0.2;
    return lines(
      ecs(s, 'INFO', 'org.elasticsearch.node.Node', 'version[8.15.3], pid[71], build[docker/f97532e680b555c3a05e73a74c28afb666923018/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112-122.189.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.2/22.0.2+9-70]', n),
      ecs(s, 'INFO', 'org.elasticsearch.node.Node', 'JVM arguments [-Des.networkaddress.cache.ttl=60, -Des.networkaddress.cache.negative.ttl=10, -Djava.security.manager=allow, -XX:+AlwaysPreTouch, -Xss1m, -Djava.awt.headless=true, -Dfile.encoding=UTF-8, -XX:+UseG1GC, -Xms1g, -Xmx1g, -XX:MaxDirectMemorySize=536870912, -XX:G1HeapRegionSize=4m, -XX:InitiatingHeapOccupancyPercent=30, -XX:G1ReservePercent=15, --module-path=/usr/share/elasticsearch/lib, --add-modules=jdk.net, -Djdk.module.main=org.elasticsearch.server]', n),
      ecs(s - 0.05, 'INFO', 'org.elasticsearch.env.NodeEnvironment', 'heap size [1gb], compressed ordinary object pointers [true]', n),
      ecs(s - 0.4, 'INFO', 'org.elasticsearch.node.Node', 'started {' + n + '}{' + uidOf(`esnode/${n}`).slice(0, 22) + '}{cdfhilmrstw}', n),
      ...every(150, 0.2, 1500, (t, k) => lines(
        ecs(t, 'WARN', 'org.elasticsearch.monitor.jvm.JvmGcMonitorService', `[gc][${9000 + k * 913}] overhead, spent [${(1.1 + (k % 4) * 0.2).toFixed(1)}s] collecting in the last [${(1.5 + (k % 3) * 0.1).toFixed(1)}s]`, n, `elasticsearch[${n}][scheduler][T#1]`),
        ecs(t - 0.01, 'INFO', 'org.elasticsearch.indices.breaker.HierarchyCircuitBreakerService', `attempting to trigger G1GC due to high heap usage [${1021004112 + k * 3301}]`, n, `elasticsearch[${n}][transport_worker][T#${1 + (k % 4)}]`),
        ecs(t - 0.011, 'INFO', 'org.elasticsearch.indices.breaker.HierarchyCircuitBreakerService', `GC did not bring memory usage down, before [${1021004112 + k * 3301}], after [${1019110880 + k * 2111}], allocations [1], duration [41]`, n, `elasticsearch[${n}][transport_worker][T#${1 + (k % 4)}]`),
      )).split('\n').filter((l) => l.length > 0),
    );
  };
  const headless = service({ namespace: ns, name: 'catalog-es-headless', selector: { app: 'catalog-es' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }] });
  return {
    id: 'heldout28-elasticsearch-heap-cut-circuit-breaker',
    class: 'capacity',
    truth: 'Revision 6 of the catalog-es StatefulSet (about three hours ago, a FinOps right-sizing, FINOPS-412) cut ES_JAVA_OPTS from -Xms4g -Xmx4g to -Xms1g -Xmx1g (and the memory from 8Gi to 2Gi). With a 1 GiB heap the parent circuit breaker limit is 95% of it (972.7mb), which the nodes\' normal working set already fills, so Elasticsearch rejects catalog-indexer\'s bulk requests with HTTP 429 `circuit_breaking_exception` `[parent] Data too large, data for [<http_request>] …` and spends most of its time in GC. The pods are Ready and nothing is OOM-killed: the JVM protects itself by refusing requests. Fix: restore the 4g heap (and 8Gi memory), i.e. revert revision 6, or size the heap to the data and indexing load.',
    ask: { service: 'catalog-es', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...indexer.objects, ...api.objects, headless,
      ...exposed({ namespace: ns, name: 'catalog-es', selector: { app: 'catalog-es' }, pods: sts.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'catalog-search-api', selector: { app: 'catalog-search-api' }, pods: api.pods }),
      ...sts.pods.flatMap((p, i) => [
        event({ on: { kind: 'StatefulSet', name: 'catalog-es', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${nameOf(p)} in StatefulSet catalog-es successful`, firstAgo: started[i] ?? 180, lastAgo: started[i] ?? 180, component: 'statefulset-controller' }),
        ...startedNormally(p, 'elasticsearch', image, started[i] ?? 180),
        probeFailed(p, 'elasticsearch', 'Readiness', '', { count: 4, firstAgo: (started[i] ?? 180) - 0.1, lastAgo: (started[i] ?? 180) - 0.6 }),
      ]),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 64), 2, 0, 26),
    ],
    logs: [
      ...sts.pods.map((p, i) => logsFor(p, 'elasticsearch', { current: esLog(i) })),
      ...indexer.pods.map((p, k) => logsFor(p, 'indexer', { current: indexerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/heap|Xmx|ES_JAVA_OPTS/i],
      facts: [/circuit_breaking_exception|Data too large|circuit breaker/i, /Xmx1g|\b1g\b|1gb|1 ?GiB/i, /4g\b|4 ?GiB/i],
      never: [/\bOOM/, /watermark|disk (is )?full|low disk/i, /crash ?loop/i, /catalog-search-api/],
    },
  };
}

// ---- 7. Healthy control: a StatefulSet canaried on its last ordinal with partition 2 ----------------

function statefulSetStagedPartitionHealthy(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.36', ['12', '140', '219']);
  const image = (v: string) => `docker.io/library/nats:${v}-alpine`;
  const reloader = container({ name: 'reloader', image: 'docker.io/natsio/nats-server-config-reloader:0.16.0', ports: [], cpu: '10m', memory: '32Mi', readiness: null, liveness: null, args: ['-pid', '/var/run/nats/nats.pid', '-config', '/etc/nats-config/nats.conf'] });
  const tpl = (v: string) => ({
    containers: [
      container({
        name: 'nats',
        image: image(v),
        args: ['--config', '/etc/nats-config/nats.conf'],
        ports: [{ name: 'nats', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }],
        cpu: '1',
        memory: '2Gi',
        readiness: httpProbe('/healthz?js-server-only=true', 8222, { initialDelaySeconds: 10, timeoutSeconds: 5 }),
        liveness: httpProbe('/healthz?js-enabled-only=true', 8222, { initialDelaySeconds: 10, timeoutSeconds: 5, periodSeconds: 30 }),
        startup: httpProbe('/healthz', 8222, { initialDelaySeconds: 10, timeoutSeconds: 5, failureThreshold: 90 }),
        volumeMounts: [{ name: 'config', mountPath: '/etc/nats-config' }, { name: 'pid', mountPath: '/var/run/nats' }, { name: 'nats-js', mountPath: '/data' }],
      }),
      reloader,
    ],
    volumes: [{ name: 'config', configMap: { name: 'nats-config' } }, { name: 'pid', emptyDir: {} }],
    terminationGracePeriodSeconds: 60,
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'nats',
    replicas: 3,
    serviceName: 'nats-headless',
    podManagementPolicy: 'Parallel',
    partition: 2,
    createdAgo: 400 * DAYS,
    volumeClaimTemplates: [{ name: 'nats-js', storage: '50Gi' }],
    revisions: [
      { revision: 8, createdAgo: 41 * DAYS, template: tpl('2.10.22') },
      { revision: 9, createdAgo: 3.5 * 60, template: tpl('2.10.24') },
    ],
    pods: [
      { revision: 8, ordinal: 0, node: names[0] ?? '', createdAgo: 41 * DAYS - 5 },
      { revision: 8, ordinal: 1, node: names[1] ?? '', createdAgo: 41 * DAYS - 3, containers: { nats: running({ sinceAgo: 2.1 * DAYS - 1.5, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 2.1 * DAYS, ranSeconds: 38 * DAYS * 60 } }), reloader: running({ sinceAgo: 2.1 * DAYS - 1.5, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 2.1 * DAYS, ranSeconds: 38 * DAYS * 60 } }) } },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 3.5 * 60 - 0.2 },
    ],
  });
  const stsObj = sts.objects[0];
  if (stsObj?.metadata) stsObj.metadata.annotations = { 'kubernetes.io/change-cause': 'canary nats 2.10.24 on nats-2 (partition=2), widen after 24h soak (OPS-1822)' };
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `nats-js-nats-${i}`, storage: '50Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 400 * DAYS }));
  const cfg = configMap({ namespace: ns, name: 'nats-config', createdAgo: 400 * DAYS, updatedAgo: 41 * DAYS, data: { 'nats.conf': 'server_name: $SERVER_NAME\nport: 4222\nhttp_port: 8222\npid_file: /var/run/nats/nats.pid\njetstream { store_dir: /data, max_file_store: 45G }\ncluster { name: nats, port: 6222, routes: [nats://nats-0.nats-headless:6222, nats://nats-1.nats-headless:6222, nats://nats-2.nats-headless:6222] }\n' } });
  const router = bystander(ns, 'order-router', names, 5 * DAYS, { revisions: [11, 12], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const nt = (m: number): string => {
    const d = ago(m);
    return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}${String(d.getUTCSeconds() * 7 % 1000).padStart(3, '0')}`;
  };
  const canary = podOf(sts, 2);
  const canaryStart = 3.5 * 60 - 0.3;
  const canaryLog = lines(
    `[7] ${nt(canaryStart)} [INF] Starting nats-server`,
    `[7] ${nt(canaryStart)} [INF]   Version:  2.10.24`,
    `[7] ${nt(canaryStart)} [INF]   Git:      [not set]`,
    `[7] ${nt(canaryStart)} [INF]   Cluster:  nats`,
    `[7] ${nt(canaryStart)} [INF]   Name:     nats-2`,
    `[7] ${nt(canaryStart)} [INF]   Node:     Zq8mT4uK`,
    `[7] ${nt(canaryStart)} [INF] Using configuration file: /etc/nats-config/nats.conf`,
    `[7] ${nt(canaryStart - 0.01)} [INF] Starting JetStream`,
    `[7] ${nt(canaryStart - 0.05)} [INF] Recovering JetStream state for account "$G"`,
    `[7] ${nt(canaryStart - 0.4)} [INF]   Restored 2 streams`,
    `[7] ${nt(canaryStart - 0.4)} [INF] Listening for client connections on 0.0.0.0:4222`,
    `[7] ${nt(canaryStart - 0.4)} [INF] Server is ready`,
    `[7] ${nt(canaryStart - 0.5)} [INF] 10.0.36.140:6222 - rid:12 - Route connection created`,
    `[7] ${nt(canaryStart - 0.5)} [INF] 10.0.36.12:6222 - rid:13 - Route connection created`,
    `[7] ${nt(canaryStart - 1.1)} [INF] JetStream cluster new stream leader for '$G > ORDERS'`,
    `[7] ${nt(canaryStart - 1.1)} [WRN] Healthcheck failed: "JetStream stream '$G > ORDERS' is not current"`,
    `[7] ${nt(canaryStart - 1.6)} [INF] Catchup for stream '$G > ORDERS' complete`,
  );
  const oldLog = (i: number) => lines(
    `[7] ${nt(63 + i)} [ERR] 10.0.36.${77 + i}:51${200 + i} - cid:${18321 + i} - "v1.37.0:go:order-router" - Slow Consumer Detected: WriteDeadline of 10s exceeded with 1 chunks of 4218 total bytes.`,
    `[7] ${nt(62.9 + i)} [INF] 10.0.36.${77 + i}:51${200 + i} - cid:${18321 + i} - "v1.37.0:go:order-router" - Slow Consumer Resumed`,
  );
  return {
    id: 'heldout28-statefulset-partition-canary-healthy',
    class: 'healthy',
    truth: 'Healthy. The messaging team is canarying NATS 2.10.24 on purpose: the nats StatefulSet\'s updateStrategy has rollingUpdate.partition 2, so only nats-2 (ordinal ≥ 2) runs update revision 9 while nats-0 and nats-1 stay on revision 8 (2.10.22) until the 24 h soak ends (OPS-1822). currentRevision and updateRevision differ by design; all three pods are Ready, the JetStream cluster is in sync and serving. The old restart of nats-1 two days ago (its node rebooted for patching), the brief startup-probe failures of nats-2 while it caught up, and a slow-consumer warning an hour ago are harmless. Nothing is stuck; no rollback is needed.',
    ask: { service: 'nats', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, cfg, ...router.objects,
      service({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, headless: true, ports: [{ name: 'nats', port: 4222, targetPort: 4222 }, { name: 'cluster', port: 6222, targetPort: 6222 }] }),
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, pods: sts.pods, ports: [{ name: 'nats', port: 4222, targetPort: 4222 }], endpointPort: 4222 }),
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: router.pods }),
      event({ on: { kind: 'StatefulSet', name: 'nats', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod nats-2 in StatefulSet nats successful', firstAgo: 3.5 * 60, lastAgo: 3.5 * 60, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'nats', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod nats-2 in StatefulSet nats successful', firstAgo: 3.5 * 60 - 0.2, lastAgo: 3.5 * 60 - 0.2, component: 'statefulset-controller' }),
      ...pulledFresh(canary, 'nats', image('2.10.24'), { atAgo: 3.5 * 60 - 0.2, bytes: 8712391, seconds: 1.207 }),
      event({ on: canary, type: 'Normal', reason: 'Created', message: 'Created container nats', firstAgo: canaryStart, lastAgo: canaryStart, fieldPath: 'spec.containers{nats}' }),
      event({ on: canary, type: 'Normal', reason: 'Started', message: 'Started container nats', firstAgo: canaryStart, lastAgo: canaryStart, fieldPath: 'spec.containers{nats}' }),
      event({ on: canary, reason: 'Unhealthy', message: 'Startup probe failed: HTTP probe failed with statuscode: 503', count: 5, firstAgo: canaryStart - 0.2, lastAgo: canaryStart - 1.5, fieldPath: 'spec.containers{nats}' }),
      nodeEvent(names[1] ?? '', 'Rebooted', `Node ${names[1] ?? ''} has been rebooted, boot id: ${uidOf(`boot/${names[1] ?? ''}`)}`, { type: 'Warning', firstAgo: 2.1 * DAYS - 1 }),
      nodeEvent(names[1] ?? '', 'NodeReady', `Node ${names[1] ?? ''} status is now: NodeReady`, { firstAgo: 2.1 * DAYS - 1.2 }),
      event({ on: podOf(sts, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(sts, 0))}:8222/healthz?js-server-only=true": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 19 * 60, lastAgo: 19 * 60, fieldPath: 'spec.containers{nats}' }),
    ],
    logs: [
      logsFor(canary, 'nats', { current: canaryLog }),
      logsFor(podOf(sts, 0), 'nats', { current: oldLog(0) }),
      logsFor(podOf(sts, 1), 'nats', { current: oldLog(1) }),
      ...router.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.4)}","level":"INFO","msg":"routed order","order_id":"o-88213042","subject":"orders.eu.created"}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|all[^\n]*ready|serving/i],
      facts: [/partition/i, /2\.10\.24|nats-2|canary/i],
      never: [ADVISES_ROLLBACK, /\bstuck\b|stalled|not progressing|timed out|halted/i, /crash ?loop/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kafkaConsumersPastPartitions(),
  partnerRateLimitSharedKey(),
  redisRequirepassProbeNoAuth(),
  inodeExhaustionEmptyDir(),
  preStopLongerThanGrace(),
  elasticsearchHeapCutCircuitBreaker(),
  statefulSetStagedPartitionHealthy(),
];
