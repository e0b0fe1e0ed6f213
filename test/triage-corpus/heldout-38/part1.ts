// Held-out stories, thirty-eighth round, part one: a release that turned a Redis key family from a
// hash into a JSON string under the same key names, so GETs on the old hashes fail with WRONGTYPE;
// a Deployment whose pod template carries a Job's activeDeadlineSeconds 3600, so the kubelet fails
// every pod after an hour (DeadlineExceeded) and the three die together each hour; an outbox relay
// whose new revision publishes to orders.v2, a topic the MSK ACLs do not grant its principal
// (TopicAuthorizationException); a Flask app under uWSGI (4 processes, default listen 100) whose
// listen queue overflows once a slower dependency holds every worker; a php-fpm app whose new
// annual-statement export exhausts PHP's memory_limit 128M (not the container's 1Gi); a migration
// that split a Postgres table into 730 daily partitions, so queries over all of them run out of
// the lock table (max_locks_per_transaction 64); and a healthy control: a leader-elected scheduler
// at --v=4 whose standby replicas log "failed to acquire lease" every two seconds.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, batchContainer, boundClaim, clfTime, configMap, container, deploymentApp, epochMs, event, exposed,
  hpa, httpProbe, nameOf, probeFailed, probeKilling, pyTime, rsOf, running, scaledReplicaSet, scheduled, service, startedNormally,
  statefulSetApp, tcpProbe, terminated, execProbe, createdPod, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** klog's header time: `1121 03:12:41.563000`. */
const klogTime = (m: number): string => {
  const s = at(m);
  return `${s.slice(5, 7)}${s.slice(8, 10)} ${s.slice(11, 23)}000`;
};
/** C's asctime, as uWSGI prints it: `Sat Nov 21 03:12:41 2026`. */
const ctime = (m: number): string => {
  const d = new Date(epochMs(m));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
};
/** PHP-FPM's log time: `21-Nov-2026 03:12:41`. */
const fpmTime = (m: number): string => clfTime(m).slice(0, 20).replace(/\//g, '-').replace(/:/, ' ');
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. Redis key family changed from a hash to a JSON string under the same names ---------------

function redisWrongTypeAfterFormatChange(): CorpusScenario {
  const ns = 'rewards';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '121', '203']);
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'loyalty-redis',
    replicas: 1,
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 4, createdAgo: 23 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, args: ['--appendonly', 'yes', '--maxmemory', '3gb', '--maxmemory-policy', 'volatile-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '4Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 23 * DAYS }],
  });
  const image = (v: string) => `${ECR}/rewards/loyalty-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'REDIS_URL', value: 'redis://loyalty-redis.rewards.svc.cluster.local:6379/0' },
        { name: 'BALANCE_CACHE_TTL_SECONDS', value: '2592000' },
        { name: 'DATABASE_URL', value: 'postgres://loyalty@loyalty-db.cluster-q4r8t1z0aa.eu-west-1.rds.amazonaws.com:5432/loyalty' },
      ],
      readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'loyalty-api',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: loyalty-api 2.7.4', template: tpl('2.7.4') },
      { revision: 19, createdAgo: 48, changeCause: 'argocd: loyalty-api 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 19, node: names[k % 3] ?? '', createdAgo: 47.5 - k * 0.8 })),
    settled: { available: true, availableSince: 44.5, progressingSince: 48, progressingUpdatedAgo: 44.5 },
  });
  const other = bystander(ns, 'rewards-catalog', names, 130, { revisions: [33, 34], versions: ['1.22.0', '1.22.1'], olderAgo: 20 * DAYS });
  const members = ['u_81723', 'u_10492', 'u_55810', 'u_30917', 'u_77201', 'u_20488', 'u_91302', 'u_46615', 'u_63009', 'u_12873'];
  const apiLog = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const out: string[] = [
      `{"level":30,"time":${epochMs(47 - k * 0.8)},"pid":1,"hostname":"${host}","msg":"loyalty-api 2.8.0 starting","node":"v20.17.0"}`,
      `{"level":30,"time":${epochMs(46.9 - k * 0.8)},"pid":1,"hostname":"${host}","redis":"loyalty-redis.rewards.svc.cluster.local:6379/0","keyPrefix":"loyalty:balance:","encoding":"json","msg":"balance cache ready"}`,
      `{"level":30,"time":${epochMs(46.9 - k * 0.8)},"pid":1,"hostname":"${host}","msg":"Server listening at http://0.0.0.0:3000"}`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 30 - i * 1.6 - k * 0.07;
      const m = members[(i * 3 + k) % members.length] ?? 'u_1';
      const req = `req-${(i * 37 + k * 11).toString(36)}${k}`;
      if (i % 4 === 3) {
        out.push(`{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${host}","reqId":"${req}","req":{"method":"GET","url":"/v1/members/${m}/balance"},"res":{"statusCode":200},"responseTime":${11 + i},"msg":"request completed"}`);
        continue;
      }
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${host}","reqId":"${req}","memberId":"${m}","err":{"type":"ReplyError","message":"WRONGTYPE Operation against a key holding the wrong kind of value","stack":"ReplyError: WRONGTYPE Operation against a key holding the wrong kind of value\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"get","args":["loyalty:balance:${m}"]}},"msg":"balance cache read failed"}`);
      out.push(`{"level":30,"time":${epochMs(t - 0.001)},"pid":1,"hostname":"${host}","reqId":"${req}","req":{"method":"GET","url":"/v1/members/${m}/balance"},"res":{"statusCode":500},"responseTime":${3 + (i % 4)},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const redisPod = podOf(redis, 0);
  const rp = (m: number) => `1:M ${new Date(epochMs(m)).toUTCString().slice(5, 25).replace(/ (\d{4})/, ' $1')}`;
  return {
    id: 'heldout38-redis-wrongtype-balance-hash-to-json',
    class: 'rollout',
    truth: 'loyalty-api 2.8.0 (revision 19, 48 minutes ago) changed the balance cache: loyalty:balance:<member> used to be a Redis hash (HSET/HINCRBY of points, tier, updated_at) and is now a JSON string read with GET and written with SET, under the very same key names. The hashes 2.7.4 wrote (30-day TTL) are still in loyalty-redis, so every balance read of a member with an old key fails with "WRONGTYPE Operation against a key holding the wrong kind of value" and the request returns 500; Redis itself is healthy. Fix: give the new format its own key prefix (loyalty:v2:balance:) or migrate/delete the old hashes; a plain rollback would meet the same error the other way round on keys 2.8.0 already rewrote as strings.',
    ask: { service: 'loyalty-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-loyalty-redis-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'loyalty-api', selector: { app: 'loyalty-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'loyalty-redis', selector: { app: 'loyalty-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'rewards-catalog', selector: { app: 'rewards-catalog' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 48),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 4, 3, 45.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 44.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.8.0'), 47.5 - k * 0.8)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(redisPod, 'redis', { current: lines(
        `${rp(23 * DAYS)}.112 * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
        `${rp(23 * DAYS - 0.01)}.201 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
        `${rp(23 * DAYS - 0.1)}.954 * DB loaded from append only file: 41.233 seconds`,
        `${rp(23 * DAYS - 0.1)}.955 * Ready to accept connections tcp`,
        `${rp(31)}.004 * Background append only file rewriting started by pid 4412`,
        `${rp(30.2)}.771 * Background AOF rewrite finished successfully`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/WRONGTYPE|wrong (kind|type)/i, /loyalty:balance/],
      facts: [/WRONGTYPE/, /revision 19|2\.8\.0/, /loyalty-redis/],
      never: [/\bOOM/, /loyalty-redis[^\n]*(down|unreachable|crash|restart|refus)/i, /maxmemory|overcommit/i],
    },
  };
}

// ---- 2. a Job's activeDeadlineSeconds carried into a Deployment's pod template --------------------

function activeDeadlineInDeployment(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '87', '190']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
      env: [{ name: 'S3_BUCKET', value: 'acme-media-originals-prod' }, { name: 'MAX_CONCURRENCY', value: '8' }, { name: 'GOMEMLIMIT', value: '900MiB' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    serviceAccountName: 'thumbnailer',
  });
  const DEADLINE = 'Pod was active on the node longer than the specified deadline';
  // The three replicas started within two minutes during the rollout 200 minutes ago; each pod is
  // failed by the kubelet 60 minutes after it started and replaced a few seconds later.
  const slotStart = [199.2, 198.5, 197.8];
  const pods: Parameters<typeof deploymentApp>[0]['pods'] = [];
  for (let gen = 0; gen < 4; gen++) {
    slotStart.forEach((s, k) => {
      const created = s - gen * 60.15;
      const last = gen === 3;
      pods.push({
        revision: 7,
        node: names[(k + gen) % 3] ?? '',
        createdAgo: created,
        ...(last
          ? {}
          : {
              phase: 'Failed' as const,
              reason: 'DeadlineExceeded',
              message: DEADLINE,
              ready: false,
              containers: { app: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: created - 60.05, ranSeconds: 3598 }) },
            }),
      });
    });
  }
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 6, createdAgo: 21 * DAYS, changeCause: 'helm: thumbnailer 3.1.4 (chart 1.9.2)', template: tpl('3.1.4') },
      { revision: 7, createdAgo: 200, changeCause: 'helm: thumbnailer 3.2.0 (chart 2.0.0, merged thumbnail-backfill values)', template: tpl('3.2.0') },
    ],
    pods,
    settled: { available: true, availableSince: 18.6, progressingSince: 200, progressingUpdatedAgo: 197.4 },
  });
  // What the chart merge carried over from the backfill Job's pod template.
  for (const o of app.objects) {
    if (o.kind === 'Deployment') {
      const d = o as k8s.V1Deployment;
      if (d.spec?.template.spec) d.spec.template.spec.activeDeadlineSeconds = 3600;
    }
    if (o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '7') {
      const r = o as k8s.V1ReplicaSet;
      if (r.spec?.template?.spec) r.spec.template.spec.activeDeadlineSeconds = 3600;
    }
  }
  for (const p of app.pods) if (p.spec) p.spec.activeDeadlineSeconds = 3600;
  const failedLast = app.pods.slice(6, 9);
  const current = app.pods.slice(9, 12);
  const rs = replicaSetOf(app, 7);
  const other = bystander(ns, 'media-transcoder', names, 95, { revisions: [51, 52], versions: ['8.4.0', '8.4.1'], olderAgo: 9 * DAYS });
  const goLog = (p: k8s.V1Pod, from: number, to: number, dying: boolean) => {
    const out = [
      `{"time":"${at(from)}","level":"INFO","msg":"thumbnailer starting","version":"3.2.0","addr":":8080","concurrency":8}`,
      `{"time":"${at(from - 0.02)}","level":"INFO","msg":"s3 client ready","bucket":"acme-media-originals-prod","region":"eu-west-1"}`,
    ];
    for (let t = from - 1; t > to + 0.5; t -= 4.3) {
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/thumb/${Math.round(t * 7919) % 99991}/320x320.webp","status":200,"dur_ms":${38 + (Math.round(t) % 60)}}`);
      if (Math.round(t) % 5 === 0) out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"decode original failed","key":"uploads/2026/11/${Math.round(t * 31) % 9999}.heic","err":"heif: unexpected EOF","status":422}`);
    }
    if (dying) {
      out.push(`{"time":"${at(to + 0.05)}","level":"INFO","msg":"signal received, shutting down","signal":"terminated","inflight":23}`);
      out.push(`{"time":"${at(to + 0.01)}","level":"INFO","msg":"http server stopped"}`);
    }
    void p;
    return lines(...out);
  };
  return {
    id: 'heldout38-active-deadline-seconds-in-deployment',
    class: 'config',
    truth: 'Chart 2.0.0 of thumbnailer (revision 7, 200 minutes ago) merged the thumbnail-backfill Job\'s pod values into the Deployment and carried activeDeadlineSeconds: 3600 into its pod template. The kubelet fails every pod one hour after it starts (phase Failed, reason DeadlineExceeded, "Pod was active on the node longer than the specified deadline") and the ReplicaSet creates replacements; since the rollout started the three replicas within two minutes, they are killed together every hour, giving a one- to two-minute outage each hour, and the Failed pods pile up. Fix: remove activeDeadlineSeconds from the Deployment\'s pod template (it is a Job setting) and delete the Failed pods.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-transcoder', selector: { app: 'media-transcoder' }, pods: other.pods }),
      ...failedLast.flatMap((p, k) => {
        const killedAgo = (slotStart[k] ?? 198) - 180.45;
        return [
          event({ on: p, type: 'Normal', reason: 'DeadlineExceeded', message: DEADLINE, firstAgo: killedAgo + 0.05, lastAgo: killedAgo + 0.05 }),
          event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: killedAgo + 0.05, lastAgo: killedAgo + 0.05, fieldPath: 'spec.containers{app}' }),
        ];
      }),
      ...current.flatMap((p, k) => [createdPod(rs, p, (slotStart[k] ?? 198) - 180.45), ...startedNormally(p, 'app', image('3.2.0'), (slotStart[k] ?? 198) - 180.45)]),
    ],
    logs: [
      ...current.map((p, k) => logsFor(p, 'app', { current: goLog(p, (slotStart[k] ?? 198) - 180.5, 0, false) })),
      ...failedLast.map((p, k) => logsFor(p, 'app', { current: goLog(p, (slotStart[k] ?? 198) - 120.3, (slotStart[k] ?? 198) - 180.45, true) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/activeDeadlineSeconds|active ?deadline|DeadlineExceeded/i],
      facts: [/3600|\b1 ?h(our)?\b|60 ?min/i, /DeadlineExceeded|longer than the specified deadline/, /revision 7|3\.2\.0|chart 2\.0\.0/],
      never: [/\bOOM/, /liveness/i, /(memory|disk) pressure/i, /media-transcoder/],
    },
  };
}

// ---- 3. a producer's new topic that the broker's ACLs do not grant ------------------------------

function kafkaTopicNotAuthorized(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.33', ['41', '166', '229']);
  const image = (v: string) => `${ECR}/orders/order-outbox-relay:${v}`;
  const brokers = 'b-1.orders-msk.x7k2p9.c3.kafka.eu-west-1.amazonaws.com:9096,b-2.orders-msk.x7k2p9.c3.kafka.eu-west-1.amazonaws.com:9096,b-3.orders-msk.x7k2p9.c3.kafka.eu-west-1.amazonaws.com:9096';
  const tpl = (v: string, topic: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: brokers },
        { name: 'KAFKA_SECURITY_PROTOCOL', value: 'SASL_SSL' },
        { name: 'KAFKA_SASL_MECHANISM', value: 'SCRAM-SHA-512' },
        { name: 'KAFKA_SASL_USERNAME', value: 'order-outbox-relay' },
        { name: 'OUTBOX_TOPIC', value: topic },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-outbox-relay',
    replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: order-outbox-relay 5.3.2', template: tpl('5.3.2', 'orders.v1') },
      { revision: 42, createdAgo: 26, changeCause: 'argocd: order-outbox-relay 5.4.0 (OrderPlacedV2 events)', template: tpl('5.4.0', 'orders.v2') },
    ],
    pods: [{ revision: 42, node: names[0] ?? '', createdAgo: 25.6 }, { revision: 42, node: names[2] ?? '', createdAgo: 24.4 }],
    settled: { available: true, availableSince: 23.5, progressingSince: 26, progressingUpdatedAgo: 23.5 },
  });
  const acls = configMap({
    namespace: ns,
    name: 'kafka-acls',
    createdAgo: 210 * DAYS,
    updatedAgo: 15 * DAYS,
    data: {
      'acls.yaml': [
        '# Managed by platform-kafka (msk-acl-sync). Request changes in #platform-kafka.',
        'cluster: orders-msk',
        'acls:',
        '  - principal: User:order-outbox-relay',
        '    resource: { type: topic, name: orders.v1, pattern: literal }',
        '    operations: [Describe, Write]',
        '  - principal: User:order-outbox-relay',
        '    resource: { type: transactional-id, name: order-outbox-relay, pattern: prefixed }',
        '    operations: [Describe, Write]',
        '  - principal: User:order-api',
        '    resource: { type: topic, name: orders.commands, pattern: literal }',
        '    operations: [Describe, Write]',
        '  - principal: User:fulfilment-consumer',
        '    resource: { type: topic, name: orders., pattern: prefixed }',
        '    operations: [Describe, Read]',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'order-api', names, 170, { revisions: [88, 89], versions: ['12.1.0', '12.1.1'], olderAgo: 6 * DAYS });
  const sb = (m: number, lvl: string, thread: string, logger: string, msg: string) => `${at(m)} ${lvl.padStart(5)} 1 --- [order-outbox-relay] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const relayLog = (k: number) => {
    const start = 25 - k * 1.2;
    const out = [
      sb(start, 'INFO', 'main', 'c.a.orders.relay.OutboxRelayApplication', 'Starting OutboxRelayApplication v5.4.0 using Java 21.0.5 with PID 1'),
      sb(start - 0.3, 'INFO', 'main', 'o.a.k.clients.producer.ProducerConfig', `ProducerConfig values: acks = -1, bootstrap.servers = [${brokers.split(',').join(', ')}], client.id = producer-1, enable.idempotence = true, sasl.mechanism = SCRAM-SHA-512, security.protocol = SASL_SSL`),
      sb(start - 0.31, 'INFO', 'main', 'o.a.kafka.common.utils.AppInfoParser', 'Kafka version: 3.7.1'),
      sb(start - 0.32, 'INFO', 'ad | producer-1', 'org.apache.kafka.clients.Metadata', '[Producer clientId=producer-1] Cluster ID: 7c6f2Zr1T9m-aZ1e3kQx8A'),
      sb(start - 0.33, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      sb(start - 0.34, 'INFO', 'main', 'c.a.orders.relay.OutboxRelayApplication', 'Started OutboxRelayApplication in 14.882 seconds (process running for 16.1)'),
    ];
    let cid = 3;
    let backlog = 1200 + k * 40;
    for (let t = start - 0.5; t > 0.2; t -= 1.4) {
      cid += 7;
      backlog += 820;
      out.push(sb(t, 'WARN', 'ad | producer-1', 'org.apache.kafka.clients.NetworkClient', `[Producer clientId=producer-1] Error while fetching metadata with correlation id ${cid} : {orders.v2=TOPIC_AUTHORIZATION_FAILED}`));
      out.push(sb(t - 0.001, 'ERROR', 'ad | producer-1', 'org.apache.kafka.clients.Metadata', '[Producer clientId=producer-1] Topic authorization failed for topics [orders.v2]'));
      out.push(sb(t - 0.002, 'ERROR', 'scheduling-1', 'o.s.k.support.LoggingProducerListener', `Exception thrown when sending a message with key='ord_${(cid * 7919).toString(36).toUpperCase()}' and payload='{"eventId":"${(cid * 104729).toString(16)}","type":"OrderPlacedV2",...' to topic orders.v2:`));
      out.push('org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders.v2]');
      out.push(sb(t - 0.003, 'ERROR', 'scheduling-1', 'c.a.orders.relay.OutboxRelay', `Publishing batch of 100 outbox events to orders.v2 failed; will retry in 5000 ms (pending=${backlog}, oldest=${Math.round(25 - t + 1)}m)`));
      out.push('org.springframework.kafka.KafkaException: Send failed');
      out.push('\tat org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:796)');
      out.push('\tat com.acme.orders.relay.OutboxRelay.publishBatch(OutboxRelay.java:118)');
      out.push('Caused by: org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders.v2]');
    }
    return lines(...out);
  };
  return {
    id: 'heldout38-kafka-topic-authorization-orders-v2',
    class: 'config',
    truth: 'order-outbox-relay 5.4.0 (revision 42, 26 minutes ago) publishes OrderPlacedV2 events to a new topic, orders.v2 (OUTBOX_TOPIC). The MSK cluster\'s ACLs (kafka-acls, managed by the platform team) grant its principal User:order-outbox-relay Describe/Write on orders.v1 only, so every send fails with TopicAuthorizationException: Not authorized to access topics: [orders.v2]; SASL authentication and the brokers are fine, and the outbox backlog grows. Fix: add Describe and Write on orders.v2 for User:order-outbox-relay (or keep publishing to orders.v1 until it is granted).',
    ask: { service: 'order-outbox-relay', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, acls,
      ...exposed({ namespace: ns, name: 'order-outbox-relay', selector: { app: 'order-outbox-relay' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 2, 24.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 2, 1, 24.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 1, 23.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('5.4.0'), 25.6 - k * 1.2)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: relayLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/orders\.v2/, /authori[sz]|ACL|not authorized/i],
      facts: [/TopicAuthorization|Not authorized to access topics|TOPIC_AUTHORIZATION_FAILED/, /revision 42|5\.4\.0|OUTBOX_TOPIC/],
      never: [/SaslAuthentication|authentication fail|invalid (credentials|password)/i, /broker[^\n]*(down|unreachable|unavailable)/i, /\bOOM/, /order-api/],
    },
  };
}

// ---- 4. uWSGI's listen queue full: 4 processes, default listen 100, slower dependency -----------

function uwsgiListenQueueFull(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.58', ['9', '144', '231']);
  const image = `${ECR}/maps/geo-suggest:1.19.2`;
  const ini = configMap({
    namespace: ns,
    name: 'geo-suggest-uwsgi',
    createdAgo: 160 * DAYS,
    data: {
      'uwsgi.ini': ['[uwsgi]', 'module = geo_suggest.wsgi:app', 'master = true', 'http-socket = 0.0.0.0:8000', 'processes = 4', 'threads = 1', 'harakiri = 30', 'max-requests = 5000', 'buffer-size = 16384', 'vacuum = true', 'die-on-term = true', 'log-x-forwarded-for = true', ''].join('\n'),
    },
  });
  const tpl = (v: string) => ({
    containers: [container({
      image: `${ECR}/maps/geo-suggest:${v}`, command: ['uwsgi', '--ini', '/etc/uwsgi/uwsgi.ini'], ports: [8000], cpu: '500m', memory: '512Mi',
      env: [{ name: 'PLACES_API_URL', value: 'http://places-api.places.svc.cluster.local/v2' }, { name: 'PLACES_TIMEOUT_SECONDS', value: '10' }],
      volumeMounts: [{ name: 'uwsgi-ini', mountPath: '/etc/uwsgi' }],
      readiness: httpProbe('/healthz', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }),
    })],
    volumes: [{ name: 'uwsgi-ini', configMap: { name: 'geo-suggest-uwsgi' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-suggest',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 30 * DAYS, changeCause: 'argocd: geo-suggest 1.19.1', template: tpl('1.19.1') },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: geo-suggest 1.19.2', template: tpl('1.19.2') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 9 * DAYS - 1.5, ready: false }) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 9 * DAYS - 2, containers: { app: running({ sinceAgo: 21.5, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 21.6, ranSeconds: 9 * DAYS * 60 - 1300 } }) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 9 * DAYS - 3 },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const scaler = hpa({ namespace: ns, name: 'geo-suggest', target: { kind: 'Deployment', name: 'geo-suggest' }, min: 3, max: 12, current: 3, desired: 3, cpu: { current: 27, target: 70, averageValue: '135m' }, lastScaleAgo: 2 * DAYS });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const probeTimeout = (p: k8s.V1Pod) => `Get "http://${ipOfPod(p)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const queries = ['brandenb', 'alexanderpl', 'muenchen hbf', 'koeln dom', 'hamburg alt', 'potsdamer', 'frankfurt fl', 'leipzig'];
  const uwLog = (k: number, sinceStart: number) => {
    const out: string[] = [];
    if (sinceStart < 60) {
      out.push(`*** Starting uWSGI 2.0.26 (64bit) on [${ctime(sinceStart)}] ***`);
      out.push('uwsgi socket 0 bound to TCP address 0.0.0.0:8000 fd 3');
      out.push('your server socket listen backlog is limited to 100 connections');
      out.push('*** Operational MODE: preforking ***');
      out.push(`WSGI app 0 (mountpoint='') ready in 2 seconds on interpreter 0x7f3a2c0b4a38 pid: 1 (default app)`);
      out.push('spawned uWSGI master process (pid: 1)');
      for (let w = 1; w <= 4; w++) out.push(`spawned uWSGI worker ${w} (pid: ${w + 6}, cores: 1)`);
    }
    for (let i = 0; i < 26; i++) {
      const t = Math.min(sinceStart - 0.5, 19) - i * 0.7 - k * 0.03;
      if (t < 0.1) break;
      const q = queries[(i + k) % queries.length] ?? 'berlin';
      const ms = 3900 + ((i * 613 + k * 211) % 2600);
      out.push(`${pyTime(t + ms / 60000)} WARNING geo_suggest.clients.places: places-api slow response: GET /v2/autocomplete?q=${encodeURIComponent(q)} took ${(ms / 1000).toFixed(2)}s`);
      out.push(`[pid: ${7 + (i % 4)}|app: 0|req: ${1200 + i * 3}/${4810 + i * 11}] 10.0.${12 + k}.${40 + i} () {44 vars in 781 bytes} [${ctime(t + ms / 60000)}] GET /v1/suggest?q=${encodeURIComponent(q)}&lang=de => generated ${1800 + i * 13} bytes in ${ms} msecs (HTTP/1.1 200) 3 headers in 104 bytes (1 switches on core 0)`);
      if (i % 2 === 0) out.push(`${ctime(t)} - *** uWSGI listen queue of socket "0.0.0.0:8000" (fd: 3) full !!! (101/100) ***`);
      if (i % 9 === 4) out.push(`${ctime(t - 0.01)} - SIGPIPE: writing to a closed pipe/socket/fd (probably the client disconnected) on request /v1/suggest?q=${encodeURIComponent(q)} (ip 10.0.${12 + k}.${40 + i}) !!!`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout38-uwsgi-listen-queue-full',
    class: 'capacity',
    truth: 'geo-suggest runs Flask under uWSGI with only 4 processes of 1 thread per pod and the default listen backlog of 100 (geo-suggest-uwsgi). Its dependency places-api slowed to 4–6 s per autocomplete call during the evening traffic rise, so the 4 workers of each pod are always busy, the accept queue overflows ("uWSGI listen queue of socket "0.0.0.0:8000" (fd: 3) full !!! (101/100)"), new connections — including the kubelet\'s health checks — wait or are dropped: readiness fails, one pod was restarted by its liveness probe, and clients see timeouts and 502s. The HPA on CPU does not react (27% of the 70% target, workers wait on I/O). Fix: more concurrency per pod (processes/threads or gevent) and a higher listen (with net.core.somaxconn), a shorter places-api timeout, or more replicas; probes and the revision are not the cause.',
    ask: { service: 'geo-suggest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ini, scaler,
      ...exposed({ namespace: ns, name: 'geo-suggest', selector: { app: 'geo-suggest' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      probeFailed(p0, 'app', 'Readiness', probeTimeout(p0), { count: 61, firstAgo: 34, lastAgo: 0.3 }),
      probeFailed(p1, 'app', 'Readiness', probeTimeout(p1), { count: 48, firstAgo: 33, lastAgo: 1.1 }),
      probeFailed(p2, 'app', 'Readiness', probeTimeout(p2), { count: 39, firstAgo: 32, lastAgo: 2.4 }),
      probeFailed(p1, 'app', 'Liveness', probeTimeout(p1), { count: 6, firstAgo: 22.5, lastAgo: 21.7 }),
      probeKilling(p1, 'app', 'liveness', { count: 1, firstAgo: 21.7, lastAgo: 21.7 }),
      event({ on: p1, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: 21.5, lastAgo: 21.5, fieldPath: 'spec.containers{app}' }),
      event({ on: p1, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 21.5, lastAgo: 21.5, fieldPath: 'spec.containers{app}' }),
      event({ on: p1, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 21.5, lastAgo: 21.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p0, 'app', { current: uwLog(0, 9 * DAYS) }),
      logsFor(p1, 'app', { current: uwLog(1, 21.5), previous: uwLog(1, 9 * DAYS) }),
      logsFor(p2, 'app', { current: uwLog(2, 9 * DAYS) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/listen (queue|backlog)|backlog/i],
      facts: [/101\/100|listen[^\n]*\b100\b|\b100\b[^\n]*(backlog|listen)/i, /processes|workers/i, /places-api/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /(increase|raise|lengthen|relax)[^\n]*(liveness|readiness|probe)[^\n]*timeout/i],
    },
  };
}

// ---- 5. PHP memory_limit 128M exhausted by a new report export ----------------------------------

function phpMemoryLimitExhausted(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.205', ['17', '98', '240']);
  const image = (v: string) => `${ECR}/billing/invoice-portal:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const phpIni = configMap({
    namespace: ns,
    name: 'invoice-portal-php',
    createdAgo: 400 * DAYS,
    updatedAgo: 95 * DAYS,
    data: {
      'zz-app.ini': ['memory_limit = 128M', 'max_execution_time = 60', 'post_max_size = 16M', 'upload_max_filesize = 16M', 'opcache.enable = 1', 'opcache.memory_consumption = 128', 'opcache.validate_timestamps = 0', 'expose_php = Off', 'log_errors = On', 'error_log = /proc/self/fd/2', ''].join('\n'),
      'zz-www.conf': ['[www]', 'pm = dynamic', 'pm.max_children = 10', 'pm.start_servers = 3', 'pm.min_spare_servers = 2', 'pm.max_spare_servers = 5', 'request_terminate_timeout = 65s', 'catch_workers_output = yes', 'decorate_workers_output = no', ''].join('\n'),
    },
  });
  const tpl = (v: string) => ({
    containers: [
      container({
        name: 'php-fpm', image: image(v), ports: [{ name: 'fastcgi', containerPort: 9000 }], cpu: '500m', memory: '1Gi',
        env: [{ name: 'APP_ENV', value: 'prod' }, { name: 'DATABASE_URL', value: 'mysql://portal@billing-db.cluster-r2f0x9kq1v.eu-west-1.rds.amazonaws.com:3306/billing' }],
        volumeMounts: [{ name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d/zz-app.ini', subPath: 'zz-app.ini' }, { name: 'php-ini', mountPath: '/usr/local/etc/php-fpm.d/zz-www.conf', subPath: 'zz-www.conf' }],
        readiness: tcpProbe('fastcgi'), liveness: tcpProbe('fastcgi', { initialDelaySeconds: 10 }),
      }),
      container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }) }),
    ],
    volumes: [{ name: 'php-ini', configMap: { name: 'invoice-portal-php' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-portal',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: invoice-portal 4.6.3', template: tpl('4.6.3') },
      { revision: 23, createdAgo: 130, changeCause: 'argocd: invoice-portal 4.7.0 (annual statement export)', template: tpl('4.7.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 129.5 - k * 0.9 })),
    settled: { available: true, availableSince: 127, progressingSince: 130, progressingUpdatedAgo: 127 },
  });
  const other = bystander(ns, 'dunning-worker', names, 300, { revisions: [15, 16], versions: ['2.0.8', '2.1.0'], olderAgo: 30 * DAYS });
  const customers = ['C-104882', 'C-220193', 'C-009417', 'C-318850', 'C-077266', 'C-145002'];
  const fatal = (file: string, line: number, tried: number) => `PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate ${tried} bytes) in ${file} on line ${line}`;
  const where = [
    ['/var/www/html/vendor/doctrine/dbal/src/Driver/PDO/Result.php', 84, 20480],
    ['/var/www/html/src/Report/AnnualStatementExporter.php', 88, 4194312],
    ['/var/www/html/vendor/doctrine/dbal/src/Driver/PDO/Result.php', 84, 65536],
  ] as const;
  const phpLog = (k: number) => {
    const start = 129 - k * 0.9;
    const out = [
      `[${fpmTime(start)}] NOTICE: fpm is running, pid 1`,
      `[${fpmTime(start)}] NOTICE: ready to handle connections`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 95 - i * 6.7 - k * 1.3;
      if (t < 0.3) break;
      const c = customers[(i + k) % customers.length] ?? 'C-1';
      const [file, line, tried] = where[(i + k) % where.length] ?? where[0];
      out.push(`{"message":"Generating annual statement","context":{"customer":"${c}","year":2025,"invoice_lines":${380_000 + ((i * 7919 + k * 104729) % 90_000)}},"level":200,"level_name":"INFO","channel":"report","datetime":"${at(t + 0.2)}"}`);
      out.push(`NOTICE: PHP message: ${fatal(file, line, tried)}`);
      out.push(`10.0.3.14 -  ${clfTime(t)} "GET /index.php" 500`);
      out.push(`10.0.3.14 -  ${clfTime(t - 0.05)} "GET /index.php" 200`);
      if (i === 7) out.push(`[${fpmTime(t - 0.1)}] WARNING: [pool www] server reached pm.max_children setting (10), consider raising it`);
    }
    return lines(...out);
  };
  const ngxLog = (k: number) => {
    const out = [`/docker-entrypoint.sh: Configuration complete; ready for start up`];
    for (let i = 0; i < 14; i++) {
      const t = 95 - i * 6.7 - k * 1.3;
      if (t < 0.3) break;
      const c = customers[(i + k) % customers.length] ?? 'C-1';
      const [file, line, tried] = where[(i + k) % where.length] ?? where[0];
      out.push(`${ngxTime(t)} [error] 29#29: *${1882 + i * 97} FastCGI sent in stderr: "PHP message: ${fatal(file, line, tried)}" while reading response header from upstream, client: 10.0.3.14, server: _, request: "GET /reports/annual-statement?customer=${c}&year=2025 HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "billing.acme.example"`);
      out.push(`10.0.3.14 - - [${clfTime(t)}] "GET /reports/annual-statement?customer=${c}&year=2025 HTTP/1.1" 500 5 "https://billing.acme.example/reports" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" rt=${(2.1 + i * 0.13).toFixed(3)}`);
      out.push(`10.0.3.14 - - [${clfTime(t - 0.05)}] "GET /invoices?page=${i + 1} HTTP/1.1" 200 18422 "-" "Mozilla/5.0" rt=0.084`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout38-php-memory-limit-annual-statement',
    class: 'config',
    truth: 'invoice-portal 4.7.0 (revision 23, about two hours ago) added the annual-statement export, which loads a customer\'s whole year of invoice lines (~400,000 rows) into PHP arrays via fetchAll. Each such request dies with "PHP Fatal error: Allowed memory size of 134217728 bytes exhausted" — PHP\'s own memory_limit = 128M from the invoice-portal-php ConfigMap — and nginx answers 500. The container is far below its 1Gi limit: nothing is OOMKilled, nothing restarts. Fix: stream the export (unbuffered query / iterate rows and write incrementally) or, as a stopgap, raise memory_limit for that endpoint; raising the container\'s memory limit would change nothing.',
    ask: { service: 'invoice-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, phpIni,
      ...exposed({ namespace: ns, name: 'invoice-portal', selector: { app: 'invoice-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dunning-worker', selector: { app: 'dunning-worker' }, pods: other.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'php-fpm', { current: phpLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: ngxLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/memory_limit|Allowed memory size|134217728|128 ?M/i],
      facts: [/134217728|128M/, /AnnualStatementExporter|annual-statement/, /memory_limit|invoice-portal-php/],
      never: [/exit(ed)? (code )?137/, /(raise|increase|bump)[^\n]*(container|pod)('s)?[^\n]*memory limit/i, /resources\.limits\.memory/, /pm\.max_children/],
    },
  };
}

// ---- 6. 730 partitions vs max_locks_per_transaction 64 ------------------------------------------

function postgresOutOfLocksAfterPartitioning(): CorpusScenario {
  const ns = 'fleet';
  const { nodes, names } = threeEksNodes('10.0.77', ['26', '135', '212']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgConf = configMap({
    namespace: ns,
    name: 'fleet-db-config',
    createdAgo: 540 * DAYS,
    updatedAgo: 70 * DAYS,
    data: {
      'postgresql.conf': ["listen_addresses = '*'", 'max_connections = 100', 'shared_buffers = 2GB', 'effective_cache_size = 6GB', 'work_mem = 16MB', 'maintenance_work_mem = 512MB', 'max_locks_per_transaction = 64', 'max_wal_size = 4GB', 'wal_level = replica', "log_line_prefix = '%m [%p] '", 'log_min_duration_statement = 2000', ''].join('\n'),
    },
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'fleet-db',
    replicas: 1,
    serviceName: 'fleet-db',
    createdAgo: 540 * DAYS,
    revisions: [{ revision: 9, createdAgo: 70 * DAYS, template: {
      containers: [container({ name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }, { name: 'dshm', mountPath: '/dev/shm' }] })],
      volumes: [{ name: 'config', configMap: { name: 'fleet-db-config' } }, { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }],
    } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 9, ordinal: 0, node: names[1] ?? '', createdAgo: 17 * DAYS }],
  });
  const image = (v: string) => `${ECR}/fleet/fleet-api:${v}`;
  const tpl = (v: string) => ({
    initContainers: [batchContainer({ name: 'migrate', image: image(v), command: ['/app/fleet-api', 'migrate', 'up'], env: [{ name: 'DATABASE_URL', value: 'postgres://fleet@fleet-db.fleet.svc.cluster.local:5432/fleet?sslmode=disable' }], memory: '128Mi' })],
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'DATABASE_URL', value: 'postgres://fleet@fleet-db.fleet.svc.cluster.local:5432/fleet?sslmode=disable' }, { name: 'DB_MAX_CONNS', value: '15' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'fleet-api',
    replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 8 * DAYS, changeCause: 'argocd: fleet-api 2.13.2', template: tpl('2.13.2') },
      { revision: 31, createdAgo: 72, changeCause: 'argocd: fleet-api 2.14.0 (partition vehicle_positions by day)', template: tpl('2.14.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: k === 0 ? 71.5 : 63 - k * 0.7 })),
    settled: { available: true, availableSince: 60, progressingSince: 72, progressingUpdatedAgo: 60 },
  });
  const dbPod = podOf(db, 0);
  const vehicles = ['veh_4821', 'veh_0917', 'veh_3306', 'veh_7712', 'veh_1450', 'veh_2288', 'veh_6034'];
  const apiLog = (k: number) => {
    const start = k === 0 ? 64 : 62.5 - k * 0.7;
    const out = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/serve.go:61","msg":"fleet-api starting","version":"2.14.0","schema_version":43}`,
      `{"level":"info","ts":"${at(start - 0.01)}","caller":"store/pool.go:38","msg":"pgx pool ready","max_conns":15}`,
    ];
    for (let i = 0; i < 20; i++) {
      const t = 55 - i * 2.6 - k * 0.17;
      if (t < 0.2) break;
      const v = vehicles[(i + k) % vehicles.length] ?? 'veh_1';
      if (i % 3 === 2) {
        out.push(`{"level":"info","ts":"${at(t)}","caller":"http/log.go:29","msg":"request","method":"GET","path":"/v1/vehicles/${v}/position","status":200,"duration_ms":${4 + (i % 5)}}`);
        continue;
      }
      const path = i % 3 === 0 ? `/v1/vehicles/${v}/trips` : `/v1/vehicles/${v}/position`;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"store/${i % 3 === 0 ? 'trips.go:77' : 'positions.go:41'}","msg":"${i % 3 === 0 ? 'list trips failed' : 'latest position failed'}","vehicle_id":"${v}","error":"ERROR: out of shared memory (SQLSTATE 53200)"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:29","msg":"request","method":"GET","path":"${path}","status":500,"duration_ms":${i % 3 === 0 ? 2400 + i * 31 : 180 + i}}`);
    }
    return lines(...out);
  };
  const migrateLog = lines(
    `2026/11/21 ${at(71.4).slice(11, 19)} goose: migrating database, current version: 42`,
    `2026/11/21 ${at(64.7).slice(11, 19)} OK   0043_partition_vehicle_positions_daily.sql (6m41.21s)`,
    `2026/11/21 ${at(64.7).slice(11, 19)} created 730 daily partitions of vehicle_positions (2024-11-22 .. 2026-11-21), 3 indexes each`,
    `2026/11/21 ${at(64.6).slice(11, 19)} goose: successfully migrated database to version: 43`,
  );
  const pgLog = () => {
    const out = [
      `${pgTime(17 * DAYS)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pgTime(17 * DAYS - 0.01)} [1] LOG:  database system is ready to accept connections`,
      `${pgTime(64.75)} [48812] LOG:  duration: 398312.114 ms  statement: CALL create_daily_partitions('vehicle_positions', DATE '2024-11-22', DATE '2026-11-21')`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 55 - i * 4.3;
      const pid = 51002 + i * 37;
      const v = vehicles[i % vehicles.length] ?? 'veh_1';
      out.push(`${pgTime(t)} [${pid}] ERROR:  out of shared memory`);
      out.push(`${pgTime(t)} [${pid}] HINT:  You might need to increase max_locks_per_transaction.`);
      out.push(`${pgTime(t)} [${pid}] STATEMENT:  SELECT trip_id, min(recorded_at), max(recorded_at), count(*) FROM vehicle_positions WHERE vehicle_id = $1 GROUP BY trip_id ORDER BY 2 DESC LIMIT 50`);
      if (i % 4 === 1) out.push(`${pgTime(t - 0.3)} [${pid + 5}] LOG:  automatic vacuum of table "fleet.public.vehicle_positions_p20261120": index scans: 1`);
      if (i === 5) out.push(`${pgTime(t - 0.1)} [${pid + 9}] WARNING:  there is no transaction in progress`);
      void v;
    }
    return lines(...out);
  };
  const first = podOf(app, 0);
  return {
    id: 'heldout38-postgres-partitions-max-locks-per-transaction',
    class: 'config',
    truth: 'fleet-api 2.14.0 (revision 31, 72 minutes ago) ran migration 0043, which turned vehicle_positions into 730 daily partitions with 3 indexes each. A query without a time range (trip listing) cannot prune partitions and takes an AccessShareLock on every partition and index — about 2,900 locks — while fleet-db\'s shared lock table holds max_locks_per_transaction 64 × max_connections 100 = 6,400 entries (fleet-db-config), so a couple of concurrent such queries fill it and these and unrelated queries fail with "ERROR: out of shared memory HINT: You might need to increase max_locks_per_transaction" (SQLSTATE 53200). Fix: raise max_locks_per_transaction (e.g. 512, needs a Postgres restart) and bound the queries by time so pruning applies, or use fewer (monthly) partitions; /dev/shm and shared_buffers are not involved, and rolling fleet-api back would not un-partition the table.',
    ask: { service: 'fleet-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, pgConf,
      ...boundClaim({ namespace: ns, name: 'data-fleet-db-0', storage: '500Gi', zone: 'eu-west-1b', createdAgo: 540 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'fleet-api', selector: { app: 'fleet-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fleet-db', selector: { app: 'fleet-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 31), 1, 0, 72),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 31), 4, 3, 61),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 30), 0, 1, 60),
      scheduled(first, 71.5),
    ],
    logs: [
      logsFor(first, 'migrate', { current: migrateLog }),
      ...app.pods.slice(1).map((p, k) => logsFor(p, 'migrate', { current: lines(`2026/11/21 ${at(62.9 - (k + 1) * 0.7).slice(11, 19)} goose: no migrations to run. current version: 43`) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(dbPod, 'postgres', { current: pgLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_locks_per_transaction/],
      facts: [/out of shared memory/i, /\b64\b|fleet-db-config/, /partition/i],
      never: [/\/dev\/shm|shm.?size|shared_buffers|emptyDir/i, /\bOOM/, /roll(ing)? ?back to|undo the rollout|rollout undo/i],
    },
  };
}

// ---- 7. healthy: standby replicas of a leader-elected scheduler logging at --v=4 ------------------

function healthyLeaderElectionStandbys(): CorpusScenario {
  const ns = 'payouts';
  const { nodes, names } = threeEksNodes('10.0.120', ['11', '96', '178']);
  const tpl = (v: string) => ({
    containers: [container({
      image: `${ECR}/payouts/payout-scheduler:${v}`, args: ['--leader-elect=true', '--leader-elect-lease-duration=15s', '--leader-elect-renew-deadline=10s', '--leader-elect-retry-period=2s', '--v=4'],
      ports: [8080], cpu: '100m', memory: '256Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'payout-scheduler',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-scheduler',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 34 * DAYS, changeCause: 'argocd: payout-scheduler 3.5.0', template: tpl('3.5.0') },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: payout-scheduler 3.5.1', template: tpl('3.5.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const leader = nameOf(podOf(app, 0));
  const holder = `${leader}_6f1e2d4c-93a7-4b0e-8d51-2c7f0a9e4b13`;
  const lease = 'payouts/payout-scheduler';
  const blip = (t: number) => `E${klogTime(t)}       1 leaderelection.go:340] error retrieving resource lock ${lease}: Get "https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/payouts/leases/payout-scheduler?timeout=5s": context deadline exceeded`;
  const leaderLog = () => {
    const out = [
      `I${klogTime(6 * DAYS)}       1 main.go:74] payout-scheduler 3.5.1 starting`,
      `I${klogTime(6 * DAYS - 0.01)}       1 leaderelection.go:250] attempting to acquire leader lease ${lease}...`,
      `I${klogTime(6 * DAYS - 0.3)}       1 leaderelection.go:260] successfully acquired lease ${lease}`,
    ];
    for (let t = 58; t > 0.2; t -= 5) {
      out.push(`I${klogTime(t)}       1 dispatcher.go:118] dispatched payout batch batch_id="pb_${Math.round(t * 7919).toString(36)}" payouts=${40 + (Math.round(t) % 30)} currency="EUR"`);
      if (Math.round(t) === 38) {
        out.push(blip(38.3));
        out.push(`E${klogTime(38.2)}       1 leaderelection.go:369] Failed to update lock optimitically: Put "https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/payouts/leases/payout-scheduler?timeout=5s": context deadline exceeded, falling back to slow path`);
        out.push(`I${klogTime(38.1)}       1 leaderelection.go:281] successfully renewed lease ${lease}`);
      }
    }
    return lines(...out);
  };
  const standbyLog = (k: number) => {
    const out = [
      `I${klogTime(6 * DAYS - k)}       1 main.go:74] payout-scheduler 3.5.1 starting`,
      `I${klogTime(6 * DAYS - k - 0.01)}       1 leaderelection.go:250] attempting to acquire leader lease ${lease}...`,
    ];
    for (let t = 3; t > 0.05; t -= 2 / 60 + k * 0.001) {
      out.push(`I${klogTime(t)}       1 leaderelection.go:354] lock is held by ${holder} and has not yet expired`);
      out.push(`I${klogTime(t - 0.0001)}       1 leaderelection.go:255] failed to acquire lease ${lease}`);
    }
    return lines(...out.slice(0, 2), blip(38.3 - k * 0.01), ...out.slice(2));
  };
  return {
    id: 'heldout38-healthy-leader-election-standbys-verbose',
    class: 'healthy',
    truth: 'payout-scheduler runs three replicas with leader election; one holds the Lease payouts/payout-scheduler and dispatches payout batches, the other two are hot standbys. Someone left --v=4 on while debugging, so the standbys log "lock is held by … and has not yet expired" and "failed to acquire lease" every two seconds — that is what standbys do. A control-plane blip 38 minutes ago made one lock read time out; the leader renewed on the slow path and kept the lease. All three pods are Ready with no restarts and batches keep going out: nothing to fix (turn the verbosity back down).',
    ask: { service: 'payout-scheduler', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'payout-scheduler-metrics', selector: { app: 'payout-scheduler' }, pods: app.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      service({ namespace: ns, name: 'payout-api', selector: { app: 'payout-api' } }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: leaderLog() }),
      logsFor(podOf(app, 1), 'app', { current: standbyLog(1) }),
      logsFor(podOf(app, 2), 'app', { current: standbyLog(2) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/payout-scheduler/],
      facts: [/3\/3|3 of 3|all 3|three/i],
      never: [/failed to acquire|lease[^\n]*(fail|lost|stuck|contend|contention)|split.?brain|leader[^\n]*(lost|fail|stuck)/i, ADVISES_ROLLBACK, /API server[^\n]*(down|unreachable)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  redisWrongTypeAfterFormatChange(),
  activeDeadlineInDeployment(),
  kafkaTopicNotAuthorized(),
  uwsgiListenQueueFull(),
  phpMemoryLimitExhausted(),
  postgresOutOfLocksAfterPartitioning(),
  healthyLeaderElectionStandbys(),
];
