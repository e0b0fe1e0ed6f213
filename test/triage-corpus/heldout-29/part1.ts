// Held-out stories, twenty-ninth round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// A Redis Cluster on emptyDir whose master and its replica came back empty after their node was
// retired (slots uncovered, CLUSTERDOWN), an nginx sidecar whose new config lowered
// client_max_body_size to 1m (413), a JDBC connection leak on one code path exhausting HikariCP,
// Celery prefork children OOM-killed inside a container after concurrency went 2 → 8 on the same
// memory limit, ingress-nginx's 60 s proxy-read-timeout cutting a report endpoint that now takes
// ~76 s, Karpenter consolidation evicting a single-replica service every ~18 minutes, and a
// healthy control: a blue/green switch six minutes ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, clfTime, configMap, container, epochMs, event, execProbe, exposed, httpProbe, nameOf, nameSuffix,
  node, nodeEvent, probeFailed, pulledFresh, pyTime, rsOf, running, scaledReplicaSet, statefulSetApp, deploymentApp,
} from '../kit/index.js';
import type { Built, KubeJson, TemplateOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Redis's log time: `21 Nov 2026 02:42:31.118`. */
function redisTime(m: number): string {
  const d = ago(m);
  return `${p2(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** nginx's error log time: `2026/11/21 03:09:51`. */
function nginxTime(m: number): string {
  const d = ago(m);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

const look = { revisions: [30, 31] as const, versions: ['1.8.2', '1.8.3'] as const, olderAgo: 20 * DAYS };

// ---- 1. Redis Cluster on emptyDir: a master and its replica came back empty -----------------------

function redisClusterEmptyDirMasterLost(): CorpusScenario {
  const ns = 'sessions';
  const nodeA = node({ name: eksNodeName('10.0.1.54'), zone: 'eu-west-1a', instanceType: 'r6i.large', pool: 'memory', createdAgo: 41 * DAYS });
  const nodeB = node({ name: eksNodeName('10.0.2.118'), zone: 'eu-west-1b', instanceType: 'r6i.large', pool: 'memory', createdAgo: 41 * DAYS });
  const nodeC = node({ name: eksNodeName('10.0.3.201'), zone: 'eu-west-1c', instanceType: 'r6i.large', pool: 'memory', createdAgo: 27, readySince: 26.3 });
  const gone = eksNodeName('10.0.3.88');
  const [a, b, c] = [nameOf(nodeA), nameOf(nodeB), nameOf(nodeC)];
  const image = 'docker.io/library/redis:7.2.5';
  const ping = ['sh', '-c', 'redis-cli -h localhost ping | grep -q PONG'];
  const tpl: TemplateOpts = {
    containers: [
      container({
        name: 'redis',
        image,
        command: ['/conf/update-node.sh', 'redis-server', '/conf/redis.conf'],
        env: [{ name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }],
        ports: [{ name: 'client', containerPort: 6379 }, { name: 'gossip', containerPort: 16379 }],
        cpu: '500m',
        memory: '2Gi',
        readiness: execProbe(ping, { periodSeconds: 5, timeoutSeconds: 3 }),
        liveness: execProbe(ping, { initialDelaySeconds: 15, timeoutSeconds: 3 }),
        volumeMounts: [{ name: 'conf', mountPath: '/conf' }, { name: 'data', mountPath: '/data' }],
      }),
    ],
    volumes: [{ name: 'conf', configMap: { name: 'redis-cluster', defaultMode: 0o755 } }, { name: 'data', emptyDir: {} }],
  };
  const crashedLongAgo = running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 38 * 24 * 3600 } });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'redis-cluster',
    replicas: 6,
    serviceName: 'redis-cluster',
    createdAgo: 41 * DAYS,
    revisions: [{ revision: 1, createdAgo: 41 * DAYS, template: tpl }],
    pods: [
      { revision: 1, ordinal: 0, node: a, createdAgo: 41 * DAYS },
      { revision: 1, ordinal: 1, node: b, createdAgo: 41 * DAYS },
      { revision: 1, ordinal: 2, node: b, createdAgo: 29.8, containers: { redis: running({ sinceAgo: 29.6 }) } },
      { revision: 1, ordinal: 3, node: a, createdAgo: 41 * DAYS },
      { revision: 1, ordinal: 4, node: b, createdAgo: 41 * DAYS, containers: { redis: crashedLongAgo } },
      { revision: 1, ordinal: 5, node: a, createdAgo: 29.3, containers: { redis: running({ sinceAgo: 29.1 }) } },
    ],
  });
  const [r0, r1, r2, r3, r4, r5] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2), podOf(sts, 3), podOf(sts, 4), podOf(sts, 5)];
  const conf = configMap({
    namespace: ns,
    name: 'redis-cluster',
    createdAgo: 41 * DAYS,
    data: {
      'redis.conf': lines('port 6379', 'cluster-enabled yes', 'cluster-config-file /data/nodes.conf', 'cluster-node-timeout 15000', 'appendonly yes', 'dir /data', 'maxmemory 1536mb', 'maxmemory-policy allkeys-lru', 'protected-mode no'),
      'update-node.sh': lines('#!/bin/sh', 'REDIS_NODES="/data/nodes.conf"', 'if [ -f ${REDIS_NODES} ]; then', '  sed -i -e "/myself/ s/[0-9]\\{1,3\\}\\.[0-9]\\{1,3\\}\\.[0-9]\\{1,3\\}\\.[0-9]\\{1,3\\}/${POD_IP}/" ${REDIS_NODES}', 'fi', 'exec "$@"'),
    },
  });
  const ids = {
    m0: '3f6a9c1d2e8b47a05c1d9e3f7a2b6c8d0e4f1a93',
    m1: '8b2e4d6f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e92',
    m2: 'c91e7a3f5b2d8e4c6a0f1b3d5e7c9a2b4d6f8e17',
    s5: '5d0c8e2a4f6b1d3e5c7a9f0b2d4e6c8a1f3b5d74',
    s3: '9e1d3b5f7a0c2e4b6d8f0a1c3e5b7d9f2a4c6e85',
    s4: '1b3d5f7e9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e31',
    new2: '0a7f3e9c1b5d2f8a4e6c0b9d3f7a1e5c8b2d6f40',
    new5: 'e42b6d8f1c3a5e7b9d0f2a4c6e8b1d3f5a7c9e06',
  };
  const boot = (m: number, id: string): string[] => [
    `1:C ${redisTime(m)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(m)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(m)} * Configuration loaded`,
    `1:M ${redisTime(m - 0.001)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(m - 0.001)} * No cluster configuration found, I'm ${id}`,
    `1:M ${redisTime(m - 0.002)} * Running mode=cluster, port=6379.`,
    `1:M ${redisTime(m - 0.002)} * Server initialized`,
    `1:M ${redisTime(m - 0.002)} * Ready to accept connections tcp`,
  ];
  const oldBoot = (role: 'M' | 'S', id: string, m: number, peer: string): string[] => [
    `1:C ${redisTime(m)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(m)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M ${redisTime(m - 0.001)} * Node configuration loaded, I'm ${id}`,
    `1:M ${redisTime(m - 0.002)} * Ready to accept connections tcp`,
    ...(role === 'S' ? [`1:S ${redisTime(m - 0.01)} * Connecting to MASTER ${peer}:6379`, `1:S ${redisTime(m - 0.02)} * MASTER <-> REPLICA sync: Finished with success`] : [`1:M ${redisTime(m - 0.02)} * Synchronization with replica ${peer}:6379 succeeded`]),
    `1:${role} ${redisTime(m - 0.05)} # Cluster state changed: ok`,
  ];
  const clientPods = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: session-api 4.6.0', template: { containers: [container({ image: `${ECR}/sessions/session-api:4.6.0`, ports: [3000], memory: '384Mi', env: [{ name: 'REDIS_CLUSTER_NODES', value: 'redis-cluster-0.redis-cluster:6379,redis-cluster-1.redis-cluster:6379,redis-cluster-2.redis-cluster:6379' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [a, b, c].map((n, i) => ({ revision: 22, node: n, createdAgo: i === 2 ? 25.5 : 9 * DAYS - i })),
  });
  const clientLog = (p: k8s.V1Pod, seed: number): string =>
    lines(
      `{"level":30,"time":${epochMs(40)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/sessions/current"},"res":{"statusCode":200},"responseTime":3.1,"msg":"request completed"}`,
      ...[29.4, 18.2, 7.7, 0.6].flatMap((m, k) => [
        `{"level":50,"time":${epochMs(m)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/sessions/current"},"err":{"type":"ReplyError","message":"CLUSTERDOWN The cluster is down","stack":"ReplyError: CLUSTERDOWN The cluster is down\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"get","args":["sess:${(seed * 7919 + k * 104729).toString(16)}"]}},"msg":"session lookup failed"}`,
        `{"level":30,"time":${epochMs(m - 0.001)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/sessions/current"},"res":{"statusCode":503},"responseTime":4.${k},"msg":"request completed"}`,
      ]),
    );
  return {
    id: 'heldout29-redis-cluster-emptydir-master-lost',
    class: 'storage',
    truth: 'The Redis Cluster StatefulSet redis-cluster keeps its data and its cluster state (/data/nodes.conf) on an emptyDir. Its third node, ip-10-0-3-88, hosting master redis-cluster-2 (slots 10923-16383) and that master\'s only replica redis-cluster-5 (no anti-affinity), was retired by EC2 ~31 minutes ago. The StatefulSet re-created both pods on other nodes with an empty /data: each started as a brand-new cluster node ("No cluster configuration found", new node ID, no slots, never re-joined), so nothing could fail over; the surviving masters marked the old nodes failed and the cluster went to state fail. All six pods are Ready (the probe only pings), but every client gets CLUSTERDOWN. Fix: re-form the cluster (forget the dead IDs, meet the new nodes, assign slots 10923-16383 as a replica pair; that data is lost) and move /data to volumeClaimTemplates with master/replica anti-affinity.',
    ask: { service: 'redis-cluster', namespace: ns },
    objects: [
      nodeA, nodeB, nodeC, conf, ...sts.objects, ...clientPods.objects,
      ...exposed({ namespace: ns, name: 'redis-cluster', headless: true, selector: { app: 'redis-cluster' }, ports: [{ name: 'client', port: 6379, targetPort: 6379 }, { name: 'gossip', port: 16379, targetPort: 16379 }], pods: sts.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: clientPods.pods, endpointPort: 3000 }),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { firstAgo: 31.4, component: 'node-controller' }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 30.1, component: 'node-controller' }),
      nodeEvent(c, 'Starting', 'Starting kubelet.', { firstAgo: 26.9 }),
      nodeEvent(c, 'RegisteredNode', `Node ${c} event: Registered Node ${c} in Controller`, { firstAgo: 26.8, component: 'node-controller' }),
      nodeEvent(c, 'NodeReady', `Node ${c} status is now: NodeReady`, { firstAgo: 26.3 }),
      event({ on: sts.objects[0] ?? { kind: 'StatefulSet', name: 'redis-cluster', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-2 in StatefulSet redis-cluster successful', firstAgo: 29.8, lastAgo: 29.8, component: 'statefulset-controller' }),
      event({ on: sts.objects[0] ?? { kind: 'StatefulSet', name: 'redis-cluster', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-5 in StatefulSet redis-cluster successful', firstAgo: 29.3, lastAgo: 29.3, component: 'statefulset-controller' }),
      ...startedAt(r2, 'redis', image, 29.8),
      ...startedAt(r5, 'redis', image, 29.3),
      probeFailed(r2, 'redis', 'Readiness', 'Could not connect to Redis at localhost:6379: Connection refused', { count: 1, firstAgo: 29.65, lastAgo: 29.65 }),
    ],
    logs: [
      logsFor(r0, 'redis', { current: lines(...oldBoot('M', ids.m0, 41 * DAYS - 1, ipOfPod(r3)), `1:M ${redisTime(31.35)} * Marking node ${ids.m2} () as failing (quorum reached).`, `1:M ${redisTime(31.35)} # Cluster state changed: fail`, `1:M ${redisTime(31.2)} * FAIL message received from ${ids.m1} () about ${ids.s5} ()`) }),
      logsFor(r1, 'redis', { current: lines(...oldBoot('M', ids.m1, 41 * DAYS - 1, ipOfPod(r4)), `1:M ${redisTime(31.36)} * FAIL message received from ${ids.m0} () about ${ids.m2} ()`, `1:M ${redisTime(31.36)} # Cluster state changed: fail`, `1:M ${redisTime(31.2)} * Marking node ${ids.s5} () as failing (quorum reached).`) }),
      logsFor(r2, 'redis', { current: lines(...boot(29.6, ids.new2)) }),
      logsFor(r3, 'redis', { current: lines(...oldBoot('S', ids.s3, 41 * DAYS - 1, ipOfPod(r0)), `1:S ${redisTime(31.36)} * FAIL message received from ${ids.m0} () about ${ids.m2} ()`, `1:S ${redisTime(31.36)} # Cluster state changed: fail`, `1:S ${redisTime(31.2)} * FAIL message received from ${ids.m1} () about ${ids.s5} ()`) }),
      logsFor(r4, 'redis', { current: lines(...oldBoot('S', ids.s4, 3 * DAYS, ipOfPod(r1)), `1:S ${redisTime(31.36)} * FAIL message received from ${ids.m0} () about ${ids.m2} ()`, `1:S ${redisTime(31.36)} # Cluster state changed: fail`), previous: lines(`1:S ${redisTime(3 * DAYS + 0.2)} * Background AOF rewrite finished successfully`) }),
      logsFor(r5, 'redis', { current: lines(...boot(29.1, ids.new5)) }),
      ...clientPods.pods.map((p, i) => logsFor(p, 'app', { current: clientLog(p, i + 1) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/redis-cluster-[25]|emptyDir|nodes\.conf/i, /CLUSTERDOWN|slots?\b|cluster[^\n]*\b(fail|down)|empty|no cluster configuration/i],
      facts: [/emptyDir/, /No cluster configuration found|nodes\.conf/, /CLUSTERDOWN|Cluster state changed: fail/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /session-api[^\n]*(caused|bug|broke)/i],
    },
  };
}

// ---- 2. nginx sidecar: client_max_body_size lowered to 1m → 413 --------------------------------

function nginxSidecarBodySize413(): CorpusScenario {
  const ns = 'media';
  const nodes = [
    node({ name: eksNodeName('10.0.33.19'), zone: 'eu-west-1a', createdAgo: 16 * DAYS }),
    node({ name: eksNodeName('10.0.35.140'), zone: 'eu-west-1b', createdAgo: 16 * DAYS }),
    node({ name: eksNodeName('10.0.38.62'), zone: 'eu-west-1c', createdAgo: 9 * DAYS }),
  ];
  const names = nodes.map(nameOf);
  const nginxConf = (body: string, extra: string[]) =>
    lines(
      'worker_processes auto;', 'error_log /dev/stderr warn;', 'pid /tmp/nginx.pid;', 'events { worker_connections 1024; }', 'http {',
      '  access_log /dev/stdout;', `  client_max_body_size ${body};`, '  client_body_buffer_size 1m;', '  proxy_read_timeout 120s;', ...extra.map((l) => `  ${l}`),
      '  server {', '    listen 8080;', '    server_name uploads.acme.io;', '    location = /nginx-health { access_log off; return 200 "ok"; }',
      '    location / { proxy_pass http://127.0.0.1:9000; proxy_request_buffering off; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }', '  }', '}',
    );
  const oldCm = configMap({ namespace: ns, name: 'upload-api-nginx-5gk7m2b8dt', createdAgo: 6 * DAYS, data: { 'nginx.conf': nginxConf('50m', []) } });
  const newCm = configMap({ namespace: ns, name: 'upload-api-nginx-h7f2c9t6km', createdAgo: 47, data: { 'nginx.conf': nginxConf('1m', ['server_tokens off;', 'client_body_timeout 15s;', 'client_header_timeout 15s;', 'keepalive_timeout 30s;']) } });
  const tpl = (v: string, cm: string): TemplateOpts => ({
    containers: [
      container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2-alpine', ports: [8080], cpu: '100m', memory: '64Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] }),
      container({ name: 'app', image: `${ECR}/media/upload-api:${v}`, command: ['gunicorn', 'upload_api.wsgi:application', '--bind=127.0.0.1:9000', '--workers=4', '--access-logfile=-'], ports: [{ name: 'app', containerPort: 9000 }], cpu: '500m', memory: '768Mi', readiness: httpProbe('/healthz', 9000), liveness: httpProbe('/healthz', 9000, { initialDelaySeconds: 15 }), env: [{ name: 'UPLOAD_BUCKET', value: 'acme-media-uploads-prod' }, { name: 'MAX_UPLOAD_MB', value: '50' }] }),
    ],
    volumes: [{ name: 'nginx-conf', configMap: { name: cm, defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'upload-api',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 6 * DAYS, changeCause: 'argocd: upload-api 2.8.4', template: tpl('2.8.4', nameOf(oldCm)) },
      { revision: 24, createdAgo: 47, changeCause: 'argocd: upload-api 2.9.0 (nginx sidecar config hardening, PLAT-2291)', template: tpl('2.9.0', nameOf(newCm)) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: 46.5 - k * 0.8 })),
  });
  const transcoder = deploymentApp({
    namespace: ns,
    name: 'media-transcoder',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 11 * DAYS, changeCause: 'argocd: media-transcoder 0.19.1', template: { containers: [container({ image: `${ECR}/media/media-transcoder:0.19.1`, memory: '2Gi', ports: [8080] })] } }],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 19 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 19 * HOURS, ranSeconds: 9 * 24 * 3600 } }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 11 * DAYS },
    ],
  });
  const sizes = [4839201, 2210457, 11893344, 1489920, 7730118];
  const nginxLog = (p: k8s.V1Pod, i: number): string => {
    const out: string[] = [];
    let conn = 20411 + i * 977;
    for (let m = 44; m > 0.2; m -= 2.3 + i * 0.4) {
      const client = `10.0.${34 + i}.${(Math.round(m * 13) % 200) + 20}`;
      const k = Math.round(m * 10) % sizes.length;
      out.push(`${client} - - [${clfTime(m)}] "POST /v1/uploads HTTP/1.1" 201 88 "-" "okhttp/4.12.0"`);
      if (m < 43) {
        conn += 3;
        out.push(`${nginxTime(m - 0.2)} [error] 29#29: *${conn} client intended to send too large body: ${sizes[k]} bytes, client: ${client}, server: uploads.acme.io, request: "POST /v1/uploads HTTP/1.1", host: "uploads.acme.io"`);
        out.push(`${client} - - [${clfTime(m - 0.2)}] "POST /v1/uploads HTTP/1.1" 413 176 "-" "AcmeMedia/5.2.1 (iPhone; iOS 18.1)"`);
      }
      out.push(`${client} - - [${clfTime(m - 0.5)}] "GET /v1/uploads/${(Math.round(m * 977) % 99991).toString(16)} HTTP/1.1" 200 412 "-" "okhttp/4.12.0"`);
    }
    return lines(`/docker-entrypoint.sh: Configuration complete; ready for start up`, ...out);
  };
  const appLog = (p: k8s.V1Pod, i: number): string =>
    lines(
      `[${pyTime(46.2 - i * 0.8).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${pyTime(46.2 - i * 0.8).slice(0, 19)} +0000] [1] [INFO] Listening at: http://127.0.0.1:9000 (1)`,
      `[${pyTime(46.2 - i * 0.8).slice(0, 19)} +0000] [1] [INFO] Using worker: sync`,
      ...[40, 28, 15, 3].flatMap((m) => [
        `127.0.0.1 - - [${clfTime(m)}] "POST /v1/uploads HTTP/1.0" 201 88 "-" "okhttp/4.12.0"`,
        `127.0.0.1 - - [${clfTime(m - 0.3)}] "GET /v1/uploads/${(m * 131).toString(16)} HTTP/1.0" 200 412 "-" "okhttp/4.12.0"`,
      ]),
    );
  return {
    id: 'heldout29-nginx-sidecar-client-max-body-size',
    class: 'config',
    truth: 'upload-api revision 24 (47 minutes ago, "nginx sidecar config hardening") switched the nginx sidecar to a new generated ConfigMap, upload-api-nginx-h7f2c9t6km, whose nginx.conf sets client_max_body_size 1m instead of the 50m of the previous upload-api-nginx-5gk7m2b8dt. Since then every upload over 1 MB is rejected by nginx with 413 Request Entity Too Large ("client intended to send too large body") before it reaches the app, which logs only the small uploads it receives; all pods are Ready with no restarts. Fix: set client_max_body_size back to 50m (matching the app\'s MAX_UPLOAD_MB) or roll back to revision 23.',
    ask: { service: 'upload-api', namespace: ns },
    objects: [
      ...nodes, oldCm, newCm, ...app.objects, ...transcoder.objects,
      ...exposed({ namespace: ns, name: 'upload-api', selector: { app: 'upload-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-transcoder', selector: { app: 'media-transcoder' }, pods: transcoder.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 1, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 2, 3, 46.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 2, 1, 46.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 2, 45.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 3, 2, 45.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 0, 1, 44.6),
      ...app.pods.flatMap((p, k) => startedAt(p, 'nginx', 'docker.io/library/nginx:1.27.2-alpine', 46.5 - k * 0.8)),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'nginx', { current: nginxLog(p, i) })),
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLog(p, i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/client_max_body_size|\b413\b|too large body|Request Entity Too Large/i],
      facts: [lit('client_max_body_size 1m'), /\b413\b/, /\b50m\b/],
      never: [/\bOOM/, /crash ?loop/i, /media-transcoder/],
    },
  };
}

// ---- 3. JDBC connection leak on one code path exhausts HikariCP ----------------------------------

function hikariConnectionLeak(): CorpusScenario {
  const ns = 'billing';
  const nodes = [
    node({ name: eksNodeName('10.0.64.21'), zone: 'eu-west-1a', instanceType: 'm6i.2xlarge', createdAgo: 22 * DAYS }),
    node({ name: eksNodeName('10.0.66.173'), zone: 'eu-west-1b', instanceType: 'm6i.2xlarge', createdAgo: 22 * DAYS }),
    node({ name: eksNodeName('10.0.69.88'), zone: 'eu-west-1c', instanceType: 'm6i.2xlarge', createdAgo: 22 * DAYS }),
  ];
  const names = nodes.map(nameOf);
  const env: k8s.V1EnvVar[] = [
    { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-c9x2k1m4.eu-west-1.rds.amazonaws.com:5432/billing' },
    { name: 'SPRING_DATASOURCE_USERNAME', value: 'invoice_service' },
    { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-service-db', key: 'password' } } },
    { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '10' },
    { name: 'SPRING_DATASOURCE_HIKARI_LEAK_DETECTION_THRESHOLD', value: '60000' },
    { name: 'MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE', value: 'readinessState,db' },
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
  ];
  const tpl = (v: string): TemplateOpts => ({
    containers: [
      container({
        image: `${ECR}/billing/invoice-service:${v}`,
        ports: [8080, { name: 'management', containerPort: 8081 }],
        cpu: '1',
        memory: '1536Mi',
        env,
        readiness: httpProbe('/actuator/health/readiness', 8081, { timeoutSeconds: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 3 * DAYS, changeCause: 'argocd: invoice-service 2.30.4', template: tpl('2.30.4') },
      { revision: 57, createdAgo: 135, changeCause: 'argocd: invoice-service 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 57, node: names[k % 3] ?? '', createdAgo: 134.5 - k * 0.7, ...(k < 2 ? { containers: { app: running({ sinceAgo: 134.2 - k * 0.7, ready: false }) } } : {}) })),
    settled: { available: false, availableSince: 6.5, progressingSince: 132 },
  });
  const reconciler = deploymentApp({
    namespace: ns,
    name: 'payment-reconciler',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: payment-reconciler 1.12.0', template: { containers: [container({ image: `${ECR}/billing/payment-reconciler:1.12.0`, memory: '1Gi', env: env.slice(0, 3) })] } }],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 20 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 20 * HOURS, ranSeconds: 8 * 24 * 3600 } }) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const spring = (m: number, level: string, thread: string, logger: string, msg: string): string =>
    `${at(m)} ${level.padStart(5)} 1 --- [invoice-service] [${thread.slice(-15).padStart(15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const leak = (m: number, conn: string, exec: number): string[] => [
    spring(m, 'WARN', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.ProxyLeakTask', `Connection leak detection triggered for org.postgresql.jdbc.PgConnection@${conn} on thread http-nio-8080-exec-${exec}, stack trace follows`),
    'java.lang.Exception: Apparent connection leak detected',
    '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:81)',
    '\tat com.acme.billing.export.InvoiceCsvExporter.openCursor(InvoiceCsvExporter.java:94)',
    '\tat com.acme.billing.export.InvoiceCsvExporter.export(InvoiceCsvExporter.java:61)',
    '\tat com.acme.billing.web.ExportController.exportCsv(ExportController.java:48)',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
    '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  ];
  const timeout = (m: number, exec: number, waiting: number): string[] => [
    spring(m, 'ERROR', `http-nio-8080-exec-${exec}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause'),
    `java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=${waiting}).`,
    '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)',
    '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)',
    '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)',
    '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)',
    '\tat com.acme.billing.invoice.InvoiceRepository.findByCustomer(InvoiceRepository.java)',
  ];
  const health = (m: number, waiting: number): string[] => [
    spring(m, 'WARN', 'http-nio-8081-exec-3', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    `org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=${waiting}).`,
  ];
  const start = (m: number): string[] => [
    spring(m, 'INFO', 'main', 'c.a.billing.InvoiceServiceApplication', 'Starting InvoiceServiceApplication v2.31.0 using Java 21.0.5 with PID 1'),
    spring(m - 0.2, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    spring(m - 0.2, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6f1d2a7b'),
    spring(m - 0.2, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(m - 0.25, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    spring(m - 0.25, 'INFO', 'main', 'c.a.billing.InvoiceServiceApplication', 'Started InvoiceServiceApplication in 14.212 seconds (process running for 15.031)'),
  ];
  const conns = ['3b9a1c52', '51e0d7aa', '7c22f4e9', '0d8e31b6', '6a4f90c3', '2e7b5d18', '19c3a6f0', '4f8d2e71', '5a06c9b4', '77e1b3d2'];
  const leaksAt = (from: number, count: number, every: number, shift: number): string[] => Array.from({ length: count }, (_, k) => leak(from - k * every, conns[(k + shift) % conns.length] ?? '3b9a1c52', 11 + ((k * 7 + shift) % 40))).flat();
  const pod0 = lines(...start(134), ...leaksAt(121, 10, 11, 0), ...timeout(10.8, 3, 9), ...health(10.2, 14), ...timeout(6.1, 22, 23), ...health(4.4, 31), ...timeout(0.9, 41, 37), ...health(0.5, 37));
  const pod1 = lines(...start(133.3), ...leaksAt(117, 10, 11.4, 3), ...timeout(6.9, 8, 6), ...health(6.3, 12), ...timeout(1.2, 30, 28));
  const pod2 = lines(...start(132.6), ...leaksAt(112, 8, 12, 5), spring(80, 'INFO', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.ProxyLeakTask', 'Previously reported leaked connection org.postgresql.jdbc.PgConnection@1f0c9e2a on thread http-nio-8080-exec-4 was returned to the pool (unleaked)'), ...timeout(1.6, 17, 4));
  const pod3 = lines(...start(131.9), ...leaksAt(104, 7, 13, 1));
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const deadline = (p: k8s.V1Pod) => `Get "http://${ipOfPod(p)}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout29-hikari-jdbc-connection-leak',
    class: 'rollout',
    truth: 'invoice-service 2.31.0 (revision 57, 135 minutes ago) added a CSV export path, InvoiceCsvExporter.openCursor, that takes a JDBC connection from HikariCP and never closes it. Each export leaks one of the pool\'s 10 connections (HikariCP\'s leak detection logs them, all from that stack), so after about two hours the pools are exhausted (total=10, active=10, idle=0, waiting=37): requests time out after 30 s waiting for a connection and the readiness group, which includes the db check, fails, taking two of four pods out of the Service. The RDS database is healthy (payment-reconciler uses it fine). Fix: close the connection in the exporter (try-with-resources) and roll back to 2.30.4 meanwhile; restarting the pods only buys time.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...reconciler.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      probeFailed(p0, 'app', 'Readiness', deadline(p0), { count: 64, firstAgo: 10.6, lastAgo: 0.2 }),
      probeFailed(p1, 'app', 'Readiness', deadline(p1), { count: 39, firstAgo: 6.6, lastAgo: 0.3 }),
      probeFailed(p2, 'app', 'Readiness', deadline(p2), { count: 2, firstAgo: 1.5, lastAgo: 1.4 }),
    ],
    logs: [
      logsFor(p0, 'app', { current: pod0 }),
      logsFor(p1, 'app', { current: pod1 }),
      logsFor(p2, 'app', { current: pod2 }),
      logsFor(podOf(app, 3), 'app', { current: pod3 }),
      ...reconciler.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(30)}  INFO 1 --- [payment-reconciler] [   scheduling-1] c.a.billing.recon.ReconcileJob           : reconciled 412 payments in 1.84s`, `${at(15)}  INFO 1 --- [payment-reconciler] [   scheduling-1] c.a.billing.recon.ReconcileJob           : reconciled 398 payments in 1.71s`, `${at(0.4)}  INFO 1 --- [payment-reconciler] [   scheduling-1] c.a.billing.recon.ReconcileJob           : reconciled 405 payments in 1.77s`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/leak/i, /Hikari|JDBC|connection pool|\bpool\b/i],
      facts: [/InvoiceCsvExporter/, /active=10|total=10/, /2\.31\.0|revision 57/],
      never: [/\bOOM/, /crash ?loop/i, /payment-reconciler/, /(database|postgres|RDS) (is |was )?(down|unreachable|overloaded)|database outage/i],
    },
  };
}

// ---- 4. Celery prefork children OOM-killed after concurrency 2 → 8 -------------------------------

function celeryPreforkChildOomKilled(): CorpusScenario {
  const ns = 'ingest';
  const nodes = [
    node({ name: eksNodeName('10.0.97.12'), zone: 'eu-west-1a', instanceType: 'm6i.2xlarge', pool: 'workers', createdAgo: 14 * DAYS }),
    node({ name: eksNodeName('10.0.98.203'), zone: 'eu-west-1b', instanceType: 'm6i.2xlarge', pool: 'workers', createdAgo: 14 * DAYS }),
    node({ name: eksNodeName('10.0.100.45'), zone: 'eu-west-1c', instanceType: 'm6i.2xlarge', pool: 'workers', createdAgo: 6 * DAYS }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/ingest/doc-ingest:3.14.0`;
  const tpl = (concurrency: number): TemplateOpts => ({
    containers: [
      container({
        name: 'worker',
        image,
        command: ['celery', '-A', 'ingest', 'worker', '--loglevel=INFO', `--concurrency=${concurrency}`, '-Q', 'documents', '--max-tasks-per-child=50'],
        env: [{ name: 'CELERY_BROKER_URL', value: 'redis://ingest-redis:6379/0' }, { name: 'CELERY_RESULT_BACKEND', value: 'redis://ingest-redis:6379/1' }, { name: 'AWS_REGION', value: 'eu-west-1' }],
        ports: [],
        cpu: '2',
        memory: '3Gi',
        readiness: null,
        liveness: null,
      }),
    ],
    terminationGracePeriodSeconds: 300,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'doc-ingest-worker',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: doc-ingest-worker 3.14.0', template: tpl(2) },
      { revision: 41, createdAgo: 190, changeCause: 'argocd: doc-ingest-worker sync (values change)', template: tpl(8) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 189.5 - k * 0.6 })),
  });
  const api = bystander(ns, 'doc-ingest-api', names, 5 * HOURS, look);
  const banner = (p: k8s.V1Pod, m: number): string[] => [
    ' ',
    ` -------------- celery@${nameOf(p)} v5.4.0 (opalescent)`,
    '--- ***** ----- ',
    `-- ******* ---- Linux-6.1.112-122.189.amzn2023.x86_64-x86_64-with-glibc2.36 ${pyTime(m).slice(0, 19)}`,
    '- *** --- * --- ',
    '- ** ---------- [config]',
    '- ** ---------- .> app:         ingest:0x7f3c2a1d5e50',
    '- ** ---------- .> transport:   redis://ingest-redis:6379/0',
    '- ** ---------- .> results:     redis://ingest-redis:6379/1',
    '- *** --- * --- .> concurrency: 8 (prefork)',
    '-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)',
    '--- ***** ----- ',
    ' -------------- [queues]',
    '                .> documents        exchange=documents(direct) key=documents',
    '',
    `[${pyTime(m - 0.02)}: INFO/MainProcess] Connected to redis://ingest-redis:6379/0`,
    `[${pyTime(m - 0.03)}: INFO/MainProcess] mingle: searching for neighbors`,
    `[${pyTime(m - 0.05)}: INFO/MainProcess] mingle: all alone`,
    `[${pyTime(m - 0.05)}: INFO/MainProcess] celery@${nameOf(p)} ready.`,
  ];
  const taskId = (seed: number): string => {
    const h = (n: number) => ((seed * 2654435761 + n * 40503) >>> 0).toString(16).padStart(8, '0');
    return `${h(1)}-${h(2).slice(0, 4)}-4${h(3).slice(0, 3)}-a${h(4).slice(0, 3)}-${h(5)}${h(6).slice(0, 4)}`;
  };
  const ok = (m: number, seed: number, worker: number, mb: number): string[] => {
    const id = taskId(seed);
    return [
      `[${pyTime(m)}: INFO/MainProcess] Task ingest.tasks.extract_document[${id}] received`,
      `[${pyTime(m - 0.01)}: INFO/ForkPoolWorker-${worker}] extract_document[${id}]: fetching s3://acme-ingest-inbox/2026/11/21/doc-${seed}.pdf (${mb.toFixed(1)} MB)`,
      `[${pyTime(m - 0.2)}: INFO/ForkPoolWorker-${worker}] Task ingest.tasks.extract_document[${id}] succeeded in ${(mb * 0.9 + 3).toFixed(3)}s: {'pages': ${Math.round(mb * 3)}, 'ocr': False}`,
    ];
  };
  const lost = (m: number, seed: number, worker: number, pid: number, mb: number, job: number): string[] => {
    const id = taskId(seed);
    return [
      `[${pyTime(m)}: INFO/MainProcess] Task ingest.tasks.extract_document[${id}] received`,
      `[${pyTime(m - 0.01)}: INFO/ForkPoolWorker-${worker}] extract_document[${id}]: fetching s3://acme-ingest-inbox/2026/11/21/scan-${seed}.pdf (${mb.toFixed(1)} MB)`,
      `[${pyTime(m - 0.4)}: INFO/ForkPoolWorker-${worker}] extract_document[${id}]: rasterizing ${Math.round(mb * 1.7)} pages at 300 dpi`,
      `[${pyTime(m - 1.6)}: ERROR/MainProcess] Process 'ForkPoolWorker-${worker}' pid:${pid} exited with 'signal 9 (SIGKILL)'`,
      `[${pyTime(m - 1.61)}: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: ${job}.')`,
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/billiard/pool.py", line 1264, in mark_as_worker_lost',
      '    raise WorkerLostError(',
      `billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: ${job}.`,
    ];
  };
  const workerLog = (p: k8s.V1Pod, i: number): string =>
    lines(
      ...banner(p, 189 - i * 0.6),
      ...ok(185 - i, 40110 + i, 1, 3.2),
      ...ok(170 - i, 40187 + i, 4, 1.4),
      ...(i === 2 ? [`[${pyTime(151.2)}: WARNING/MainProcess] consumer: Connection to broker lost. Trying to re-establish the connection...`, `[${pyTime(151.1)}: INFO/MainProcess] Connected to redis://ingest-redis:6379/0`] : []),
      ...lost(142 - i * 3, 55120 + i, 3 + i, 19 + i, 412.7 - i * 40, 412 + i * 31),
      ...ok(120 - i, 40299 + i, 6, 2.7),
      ...lost(97 - i * 2, 55174 + i, 7, 214 + i * 3, 388.1 + i * 17, 533 + i * 29),
      ...ok(80 - i, 40412 + i, 2, 0.9),
      ...(i !== 1 ? lost(61 - i, 55231 + i, 5, 305 + i, 506.3 - i * 22, 618 + i * 11) : []),
      ...ok(44 - i, 40566 + i, 8, 5.6),
      ...lost(27 - i * 4, 55302 + i, 1 + i, 377 + i * 5, 455.9 + i * 9, 701 + i * 13),
      ...ok(9 - i, 40702 + i, 4, 1.8),
      ...(i === 0 ? lost(5.5, 55360, 2, 402, 431.4, 766) : []),
    );
  return {
    id: 'heldout29-celery-prefork-child-oom-concurrency',
    class: 'capacity',
    truth: 'doc-ingest-worker revision 41 (190 minutes ago) raised Celery\'s --concurrency from 2 to 8 prefork children while the container kept its 3Gi memory limit. Each child processing a large scanned PDF (400–500 MB, rasterized at 300 dpi) needs several hundred MB; with up to 8 such tasks at once the container\'s cgroup runs out of memory and the kernel OOM killer kills the largest prefork child, not the container\'s main process. So the container never restarts and shows no OOMKilled, but Celery logs WorkerLostError (signal 9, SIGKILL) for the large-file tasks, which are lost. Fix: go back to --concurrency=2 (roll back revision 41) or raise the memory limit to match 8 children, and route large files to a low-concurrency queue.',
    ask: { service: 'doc-ingest-worker', namespace: ns },
    objects: [...nodes, ...app.objects, ...api.objects, ...exposed({ namespace: ns, name: 'doc-ingest-api', selector: { app: 'doc-ingest-api' }, pods: api.pods })],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'worker', { current: workerLog(p, i) })),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(12)}","level":"info","msg":"POST /v1/documents","status":202,"duration_ms":41}`, `{"ts":"${at(2)}","level":"info","msg":"POST /v1/documents","status":202,"duration_ms":38}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/concurrency|revision 41/i, /memory|\bOOM|SIGKILL|signal 9|WorkerLost/i],
      facts: [/WorkerLostError|Worker exited prematurely/, /\b3Gi\b/, /concurrency[^\n]{0,20}\b8\b/i],
      never: [/crash ?loop/i, /(broker|redis) (is |was )?(down|unreachable|unavailable)/i, /doc-ingest-api/],
    },
  };
}

// ---- 5. ingress-nginx proxy-read-timeout 60 s vs a report that now takes ~76 s ---------------------

function ingressNginxReadTimeout504(): CorpusScenario {
  const ns = 'analytics';
  const ingNs = 'ingress-nginx';
  const nodes = [
    node({ name: eksNodeName('10.0.12.9'), zone: 'eu-west-1a', createdAgo: 31 * DAYS }),
    node({ name: eksNodeName('10.0.13.77'), zone: 'eu-west-1b', createdAgo: 31 * DAYS }),
    node({ name: eksNodeName('10.0.14.150'), zone: 'eu-west-1c', createdAgo: 31 * DAYS }),
  ];
  const names = nodes.map(nameOf);
  const ctrlSelector = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const ctrlImage = 'registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7';
  const controller = deploymentApp({
    namespace: ingNs,
    name: 'ingress-nginx-controller',
    replicas: 3,
    selector: ctrlSelector,
    revisions: [{
      revision: 7,
      createdAgo: 44 * DAYS,
      changeCause: 'helm: ingress-nginx 4.11.3',
      template: {
        serviceAccountName: 'ingress-nginx',
        containers: [container({
          name: 'controller',
          image: ctrlImage,
          args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller'],
          ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'metrics', containerPort: 10254 }],
          cpu: '500m',
          memory: '512Mi',
          readiness: httpProbe('/healthz', 10254),
          liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, failureThreshold: 5 }),
        })],
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 44 * DAYS - k * 2, ...(k === 1 ? { containers: { controller: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 255, reason: 'Error', finishedAgo: 4 * DAYS, ranSeconds: 40 * 24 * 3600 } }) } } : {}) })),
  });
  const ingressCm = configMap({
    namespace: ingNs,
    name: 'ingress-nginx-controller',
    createdAgo: 210 * DAYS,
    updatedAgo: 44 * DAYS,
    data: { 'allow-snippet-annotations': 'false', 'proxy-body-size': '8m', 'proxy-connect-timeout': '5', 'proxy-read-timeout': '60', 'proxy-send-timeout': '60', 'proxy-next-upstream': 'error', 'use-forwarded-headers': 'true', 'enable-real-ip': 'true' },
  });
  const image = `${ECR}/analytics/reporting-api:3.2.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'reporting-api',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 51 * DAYS, changeCause: 'argocd: reporting-api 3.2.0', template: { containers: [container({ image: image.replace('3.2.1', '3.2.0'), memory: '1Gi', cpu: '1' })] } },
      { revision: 12, createdAgo: 23 * DAYS, changeCause: 'argocd: reporting-api 3.2.1', template: { containers: [container({ image, memory: '1Gi', cpu: '1', env: [{ name: 'REPORTS_DB_DSN', valueFrom: { secretKeyRef: { name: 'reporting-db', key: 'dsn' } } }, { name: 'HTTP_WRITE_TIMEOUT', value: '180s' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 23 * DAYS - k })),
  });
  const dashboard = bystander(ns, 'dashboard-web', names, 3 * HOURS, look);
  // Slow report requests: when the 504 was logged (minutes ago), the app pod that ran it, how long it took there.
  const slow = [
    { m: 52.3, pod: 0, dur: 74.2, path: '/api/reports/quarterly?year=2026&region=emea', client: '198.51.100.23' },
    { m: 41.7, pod: 1, dur: 76.9, path: '/api/reports/quarterly?year=2026&region=amer', client: '203.0.113.41' },
    { m: 33.0, pod: 2, dur: 75.4, path: '/api/reports/revenue-by-sku?from=2026-01-01&to=2026-11-20', client: '198.51.100.23' },
    { m: 24.6, pod: 0, dur: 78.8, path: '/api/reports/quarterly?year=2026&region=apac', client: '192.0.2.77' },
    { m: 15.1, pod: 1, dur: 76.4, path: '/api/reports/quarterly?year=2026&region=emea', client: '198.51.100.23' },
    { m: 8.4, pod: 2, dur: 79.6, path: '/api/reports/revenue-by-sku?from=2026-01-01&to=2026-11-20', client: '203.0.113.41' },
    { m: 2.2, pod: 0, dur: 77.3, path: '/api/reports/quarterly?year=2026&region=emea', client: '198.51.100.23' },
  ];
  const reqId = (i: number): string => uidHex(`req/${i}`);
  const upstream = (pod: number): string => `${ipOfPod(podOf(app, pod))}:8080`;
  // Log entries as (minutes ago, text), printed oldest first.
  const ordered = (entries: [number, string][]): string => lines(...entries.sort((x, y) => y[0] - x[0]).map(([, t]) => t));
  const ctrlLog = (c: number): string => {
    const out: [number, string][] = [];
    // Two of last night's reports that still made it under 60 s.
    if (c === 0) {
      out.push([190, `192.0.2.77 - - [${clfTime(190)}] "GET /api/reports/quarterly?year=2026&region=apac HTTP/2.0" 200 1702284 "https://reports.acme.io/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15" 91 57.822 [analytics-reporting-api-80] [] ${upstream(1)} 1702284 57.821 200 ${reqId(900)}`]);
      out.push([150, `198.51.100.23 - - [${clfTime(150)}] "GET /api/reports/quarterly?year=2026&region=emea HTTP/2.0" 200 1843220 "https://reports.acme.io/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" 87 59.104 [analytics-reporting-api-80] [] ${upstream(2)} 1843220 59.103 200 ${reqId(901)}`]);
    }
    slow.forEach((s, i) => {
      if (i % 3 !== c) return;
      out.push([s.m + 0.0001, `${nginxTime(s.m)} [error] 812#812: *${3310987 + i * 4411} upstream timed out (110: Operation timed out) while reading response header from upstream, client: ${s.client}, server: reports.acme.io, request: "GET ${s.path} HTTP/2.0", upstream: "http://${upstream(s.pod)}${s.path}", host: "reports.acme.io", referrer: "https://reports.acme.io/"`]);
      out.push([s.m, `${s.client} - - [${clfTime(s.m)}] "GET ${s.path} HTTP/2.0" 504 160 "https://reports.acme.io/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" 87 60.002 [analytics-reporting-api-80] [] ${upstream(s.pod)} 0 60.001 504 ${reqId(i)}`]);
      out.push([s.m - 0.4, `${s.client} - - [${clfTime(s.m - 0.4)}] "GET /api/dashboards/home HTTP/2.0" 200 48211 "https://reports.acme.io/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" 64 0.087 [analytics-dashboard-web-80] [] ${ipOfPod(podOf(dashboard, c % 2))}:8080 48211 0.086 200 ${reqId(100 + i)}`]);
    });
    return ordered(out);
  };
  const appLog = (k: number): string => {
    const out: [number, string][] = [];
    if (k === 1) out.push([190, `{"level":"info","ts":"${at(190)}","caller":"httpserver/log.go:41","msg":"request","method":"GET","path":"/api/reports/quarterly","query":"year=2026&region=apac","status":200,"bytes":1702284,"duration":"57.819s","request_id":"${reqId(900)}"}`]);
    if (k === 2) out.push([150, `{"level":"info","ts":"${at(150)}","caller":"httpserver/log.go:41","msg":"request","method":"GET","path":"/api/reports/quarterly","query":"year=2026&region=emea","status":200,"bytes":1843220,"duration":"59.101s","request_id":"${reqId(901)}"}`]);
    slow.forEach((s, i) => {
      if (s.pod !== k) return;
      const [path, query] = s.path.split('?');
      const done = s.m + 1 - s.dur / 60;
      out.push([done + 0.01, `{"level":"info","ts":"${at(done + 0.01)}","caller":"reports/query.go:118","msg":"report query finished","report":"${path?.split('/').pop() ?? ''}","rows_scanned":${48211937 + i * 1210331},"elapsed":"${(s.dur - 0.6).toFixed(3)}s","request_id":"${reqId(i)}"}`]);
      out.push([done, `{"level":"info","ts":"${at(done)}","caller":"httpserver/log.go:41","msg":"request","method":"GET","path":"${path ?? ''}","query":"${query ?? ''}","status":200,"bytes":${1843220 + i * 20117},"duration":"${s.dur.toFixed(3)}s","request_id":"${reqId(i)}"}`]);
    });
    out.push([0.5, `{"level":"info","ts":"${at(0.5)}","caller":"httpserver/log.go:41","msg":"request","method":"GET","path":"/api/reports/catalog","query":"","status":200,"bytes":9120,"duration":"0.012s","request_id":"${reqId(300 + k)}"}`]);
    return ordered(out);
  };
  return {
    id: 'heldout29-ingress-nginx-proxy-read-timeout-504',
    class: 'network',
    truth: 'The report endpoints of reporting-api (unchanged for 23 days) now take 74–80 s after months of data growth (the same reports took 57–59 s last night). ingress-nginx, configured cluster-wide in its ConfigMap with proxy-read-timeout "60", gives up after 60 s waiting for the response header ("upstream timed out (110: Operation timed out) while reading response header from upstream") and returns 504 to the users, while the app finishes the same requests with 200 after 74–80 s. All pods are Ready and nothing restarted. Fix: raise the read timeout for this Ingress (nginx.ingress.kubernetes.io/proxy-read-timeout annotation), and make the reports faster or asynchronous.',
    ask: { service: 'reporting-api', namespace: ns },
    objects: [
      ...nodes, ingressCm, ...controller.objects, ...app.objects, ...dashboard.objects,
      ...exposed({ namespace: ingNs, name: 'ingress-nginx-controller', type: 'LoadBalancer', selector: ctrlSelector, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], pods: controller.pods, endpointPort: 80 }),
      ...exposed({ namespace: ns, name: 'reporting-api', selector: { app: 'reporting-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dashboard-web', selector: { app: 'dashboard-web' }, pods: dashboard.pods }),
    ],
    logs: [
      ...controller.pods.map((p, c) => logsFor(p, 'controller', { current: ctrlLog(c) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy-read-timeout|read timeout|\b60 ?s(ec(ond)?s?)?\b|timed? ?out/i, /\b504\b|ingress/i],
      facts: [/upstream timed out/, /proxy-read-timeout/, /\b7[4-9](\.\d+)? ?s\b|\b7[4-9] ?[-–] ?80 ?s/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /(readiness|liveness) probe[^\n]*(fail|time)/i],
    },
  };
}

function uidHex(seed: string): string {
  return nameSuffix(seed) + nameSuffix(`${seed}/2`) + nameSuffix(`${seed}/3`);
}

// ---- 6. Karpenter consolidation keeps evicting a single-replica service --------------------------

function karpenterConsolidationSingleReplica(): CorpusScenario {
  const ns = 'notifications';
  const kNode = (ip: string, zone: string, type: string, createdAgo: number): k8s.V1Node => {
    const n = node({ name: eksNodeName(ip), zone, instanceType: type, createdAgo, readySince: createdAgo - 0.7 });
    const labels: Record<string, string> = { ...n.metadata?.labels, 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand', 'karpenter.sh/initialized': 'true', 'karpenter.sh/registered': 'true', 'karpenter.k8s.aws/instance-family': type.split('.')[0] ?? '', 'karpenter.k8s.aws/instance-size': type.split('.')[1] ?? '' };
    delete labels['eks.amazonaws.com/nodegroup'];
    return { ...n, metadata: { ...n.metadata, labels } };
  };
  const n1 = kNode('10.0.140.33', 'eu-west-1a', 'm6i.xlarge', 12 * DAYS);
  const n2 = kNode('10.0.151.9', 'eu-west-1b', 'm6i.xlarge', 5 * DAYS);
  const n3 = kNode('10.0.163.214', 'eu-west-1c', 'c6i.large', 7.6);
  const [a, b, c] = [nameOf(n1), nameOf(n2), nameOf(n3)];
  const image = `${ECR}/notifications/push-gateway:2.4.3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'push-gateway',
    replicas: 1,
    revisions: [
      { revision: 8, createdAgo: 31 * DAYS, changeCause: 'argocd: push-gateway 2.4.2', template: { containers: [container({ image: image.replace('2.4.3', '2.4.2'), ports: [8080], memory: '256Mi', cpu: '200m' })] } },
      { revision: 9, createdAgo: 18 * DAYS, changeCause: 'argocd: push-gateway 2.4.3', template: { containers: [container({ image, ports: [8080], memory: '256Mi', cpu: '200m', readiness: httpProbe('/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 30 }) })] } },
    ],
    pods: [{ revision: 9, node: c, createdAgo: 5.6, containers: { app: running({ sinceAgo: 5.45 }) } }],
  });
  const pod = podOf(app, 0);
  const rs = rsOf(app, 9);
  const rsObj = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.name === rs) ?? { kind: 'ReplicaSet', name: rs, namespace: ns };
  // The pods Karpenter evicted before this one, and the nodes it consolidated away under them.
  const cycles = [
    { m: 57.4, node: eksNodeName('10.0.147.61') },
    { m: 39.8, node: eksNodeName('10.0.158.120') },
    { m: 22.6, node: eksNodeName('10.0.144.7') },
    { m: 5.6, node: eksNodeName('10.0.155.92') },
  ];
  const oldPods = cycles.map((_, i) => `${rs}-${nameSuffix(`${rs}/old/${i}`)}`);
  const dispatcher = deploymentApp({
    namespace: ns,
    name: 'notification-dispatcher',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: notification-dispatcher 1.21.0', template: { containers: [container({ image: `${ECR}/notifications/notification-dispatcher:1.21.0`, memory: '512Mi', env: [{ name: 'PUSH_GATEWAY_URL', value: 'http://push-gateway.notifications.svc.cluster.local' }] })] } }],
    pods: [{ revision: 17, node: a, createdAgo: 5 * DAYS }, { revision: 17, node: b, createdAgo: 5 * DAYS - 2, containers: { app: running({ sinceAgo: 29 * HOURS, restarts: 1, last: { exitCode: 1, reason: 'Error', finishedAgo: 29 * HOURS, ranSeconds: 90000 } }) } }],
  });
  const svcObjs = exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: app.pods });
  const svcIp = (svcObjs[0] as k8s.V1Service).spec?.clusterIP ?? '';
  const cycleEvents = cycles.flatMap((cy, i) => {
    const old = { kind: 'Pod', name: oldPods[i] ?? '', namespace: ns };
    const next: { kind?: string; metadata?: k8s.V1ObjectMeta } = i + 1 < cycles.length ? { kind: 'Pod', metadata: { name: oldPods[i + 1] ?? '', namespace: ns } } : pod;
    const replacement = i + 1 < cycles.length ? (cycles[i + 1]?.node ?? '') : c;
    return [
      nodeEvent(cy.node, 'DisruptionTerminating', 'Disrupting Node: Underutilized', { firstAgo: cy.m + 0.1, component: 'karpenter' }),
      event({ on: old, type: 'Normal', reason: 'Evicted', message: 'Evicted pod: Underutilized', firstAgo: cy.m, lastAgo: cy.m, component: 'karpenter' }),
      event({ on: old, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: cy.m, lastAgo: cy.m, fieldPath: 'spec.containers{app}' }),
      event({ on: rsObj, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(next)}`, firstAgo: cy.m, lastAgo: cy.m, component: 'replicaset-controller' }),
      event({ on: next, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(next)} to ${replacement}`, firstAgo: cy.m - 0.02, lastAgo: cy.m - 0.02, component: 'default-scheduler' }),
      event({ on: next, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: cy.m - 0.03, lastAgo: cy.m - 0.03, fieldPath: 'spec.containers{app}' }),
      event({ on: next, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 6.${i}81s (6.${i}81s including waiting). Image size: 58211044 bytes.`, firstAgo: cy.m - 0.13, lastAgo: cy.m - 0.13, fieldPath: 'spec.containers{app}' }),
      event({ on: next, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: cy.m - 0.14, lastAgo: cy.m - 0.14, fieldPath: 'spec.containers{app}' }),
      event({ on: next, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: cy.m - 0.14, lastAgo: cy.m - 0.14, fieldPath: 'spec.containers{app}' }),
      event({ on: next, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${i + 1 < cycles.length ? `10.0.${150 + i}.${40 + i * 9}` : ipOfPod(pod)}:8080/ready": dial tcp ${i + 1 < cycles.length ? `10.0.${150 + i}.${40 + i * 9}` : ipOfPod(pod)}:8080: connect: connection refused`, count: 5, firstAgo: cy.m - 0.2, lastAgo: cy.m - 0.55, fieldPath: 'spec.containers{app}' }),
      nodeEvent(replacement, 'RegisteredNode', `Node ${replacement} event: Registered Node ${replacement} in Controller`, { firstAgo: cy.m + 1.9, component: 'node-controller' }),
      nodeEvent(replacement, 'NodeReady', `Node ${replacement} status is now: NodeReady`, { firstAgo: cy.m + 1.3 }),
    ];
  });
  const dispLog = (p: k8s.V1Pod, i: number): string =>
    lines(
      ...cycles.flatMap((cy, k) => [0.05, 0.3, 0.55].map((d, j) => `{"level":"error","time":"${at(cy.m - d - i * 0.03)}","msg":"push send failed","err":"Post \\"http://push-gateway.notifications.svc.cluster.local/v1/push\\": dial tcp ${svcIp}:80: connect: connection refused","attempt":${j + 1},"batch":${9000 + k * 40 + i}}`)),
      `{"level":"info","time":"${at(1)}","msg":"batch delivered","batch":9161,"sent":412}`,
    );
  return {
    id: 'heldout29-karpenter-consolidation-single-replica',
    class: 'nodes',
    truth: 'push-gateway runs a single replica with no PodDisruptionBudget on Karpenter-managed nodes whose NodePool consolidates underutilized nodes. Every 17–18 minutes Karpenter replaces or removes an underutilized node ("Disrupting Node: Underutilized") and evicts push-gateway\'s only pod ("Evicted pod: Underutilized"); the replacement pulls its image on a fresh node and needs ~40 s to become ready, so each cycle is a ~40 s outage in which notification-dispatcher gets connection refused. Nothing is wrong with the app or its revision. Fix: run 2+ replicas with a PodDisruptionBudget (minAvailable 1), or annotate the pod karpenter.sh/do-not-disrupt: "true" / tune the NodePool\'s consolidation.',
    ask: { service: 'push-gateway', namespace: ns },
    objects: [n1, n2, n3, ...app.objects, ...dispatcher.objects, ...svcObjs, ...exposed({ namespace: ns, name: 'notification-dispatcher', selector: { app: 'notification-dispatcher' }, pods: dispatcher.pods }), ...cycleEvents],
    logs: [
      logsFor(pod, 'app', { current: lines(`{"level":30,"time":${epochMs(5.45)},"pid":1,"hostname":"${nameOf(pod)}","msg":"loading APNs and FCM credentials"}`, `{"level":30,"time":${epochMs(5.1)},"pid":1,"hostname":"${nameOf(pod)}","msg":"connected to APNs","host":"api.push.apple.com"}`, `{"level":30,"time":${epochMs(4.95)},"pid":1,"hostname":"${nameOf(pod)}","msg":"listening","port":8080}`, `{"level":30,"time":${epochMs(1.1)},"pid":1,"hostname":"${nameOf(pod)}","req":{"method":"POST","url":"/v1/push"},"res":{"statusCode":202},"responseTime":18.2,"msg":"request completed"}`) }),
      ...dispatcher.pods.map((p, i) => logsFor(p, 'app', { current: dispLog(p, i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/karpenter|consolidat|Underutilized|disrupt|evict/i, /single|\b1 replica|one replica|only (one )?pod|replicas:? ?1\b|PodDisruptionBudget|\bPDB\b/i],
      facts: [/Underutilized/, /PodDisruptionBudget|\bPDB\b|karpenter\.sh\/do-not-disrupt/, /Evicted/],
      never: [/\bOOM/, /crash ?loop/i, /\bspot\b/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. Healthy control: blue/green switch six minutes ago ---------------------------------------

function blueGreenSwitchHealthy(): CorpusScenario {
  const ns = 'shop';
  const nodes = [
    node({ name: eksNodeName('10.0.21.40'), zone: 'eu-west-1a', createdAgo: 19 * DAYS }),
    node({ name: eksNodeName('10.0.22.91'), zone: 'eu-west-1b', createdAgo: 19 * DAYS }),
    node({ name: eksNodeName('10.0.23.155'), zone: 'eu-west-1c', createdAgo: 19 * DAYS }),
  ];
  const names = nodes.map(nameOf);
  const tpl = (v: string, color: string): TemplateOpts => ({
    labels: { version: color },
    containers: [container({ image: `${ECR}/shop/checkout:${v}`, ports: [8080], memory: '768Mi', cpu: '500m', env: [{ name: 'DEPLOY_COLOR', value: color }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })],
  });
  const blue = deploymentApp({
    namespace: ns,
    name: 'checkout-blue',
    replicas: 3,
    selector: { app: 'checkout', version: 'blue' },
    revisions: [
      { revision: 13, createdAgo: 15 * DAYS, changeCause: 'argocd: checkout-blue 5.10.7', template: tpl('5.10.7', 'blue') },
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-blue 5.11.2', template: tpl('5.11.2', 'blue') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const green = deploymentApp({
    namespace: ns,
    name: 'checkout-green',
    replicas: 3,
    selector: { app: 'checkout', version: 'green' },
    revisions: [
      { revision: 11, createdAgo: 15 * DAYS + 60, changeCause: 'argocd: checkout-green 5.10.6', template: tpl('5.10.6', 'green') },
      { revision: 12, createdAgo: 26, changeCause: 'argocd: checkout-green 5.12.0', template: tpl('5.12.0', 'green') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 25.5 - k * 0.4, containers: { app: running({ sinceAgo: 25.3 - k * 0.4 }) } })),
  });
  const svcObjs = exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout', version: 'green' }, pods: [...blue.pods, ...green.pods] });
  const svc = svcObjs[0] as k8s.V1Service;
  svc.metadata = {
    ...svc.metadata,
    annotations: { 'shop.acme.io/active-color': 'green', 'shop.acme.io/previous-color': 'blue' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(120 * DAYS), fieldsType: 'FieldsV1', fieldsV1: {} },
      { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'v1', time: ago(6), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': {} }, 'f:spec': { 'f:selector': {} } } },
    ],
  };
  const preview = exposed({ namespace: ns, name: 'checkout-preview', selector: { app: 'checkout', version: 'green' }, pods: green.pods, createdAgo: 90 * DAYS });
  const cart = bystander(ns, 'cart', names, 2 * DAYS, look);
  const access = (p: k8s.V1Pod, m: number, path: string, status: number, ms: number): string => `{"ts":"${at(m)}","level":"info","pod":"${nameOf(p)}","msg":"http request","method":"${path.startsWith('GET') ? 'GET' : 'POST'}","path":"${path.replace(/^(GET|POST) /, '')}","status":${status},"duration_ms":${ms}}`;
  const blueLog = (p: k8s.V1Pod, i: number): string =>
    lines(
      ...[14, 11, 8.5, 6.4].map((m, k) => access(p, m - i * 0.05, k % 2 === 0 ? 'POST /v1/checkout' : 'GET /v1/checkout/quote', k % 2 === 0 ? 201 : 200, 40 + k * 7)),
      `{"ts":"${at(6.1)}","level":"info","pod":"${nameOf(p)}","msg":"http request","method":"GET","path":"/v1/checkout/quote","status":200,"duration_ms":33}`,
      ...[4.5, 3, 1.5, 0.1].map((m) => `{"ts":"${at(m)}","level":"debug","pod":"${nameOf(p)}","msg":"health check","path":"/ready","status":200}`),
    );
  const greenLog = (p: k8s.V1Pod, i: number): string =>
    lines(
      `{"ts":"${at(25.2 - i * 0.4)}","level":"info","pod":"${nameOf(p)}","msg":"checkout 5.12.0 starting","color":"green"}`,
      `{"ts":"${at(24.9 - i * 0.4)}","level":"info","pod":"${nameOf(p)}","msg":"connected","db":"checkout-db","pool":20}`,
      access(p, 14.2 - i * 0.3, 'POST /v1/checkout/smoke', 201, 61),
      ...[5.8, 4.1, 2.7, 1.2, 0.3].map((m, k) => access(p, m - i * 0.05, k % 2 === 0 ? 'POST /v1/checkout' : 'GET /v1/checkout/quote', k % 2 === 0 ? 201 : 200, 36 + k * 5)),
    );
  const g0 = podOf(green, 0);
  return {
    id: 'heldout29-blue-green-switch-healthy',
    class: 'healthy',
    truth: 'Healthy. The checkout team released 5.12.0 blue/green: checkout-green was rolled to 5.12.0 26 minutes ago, smoke-tested through checkout-preview, and 6 minutes ago the checkout Service\'s selector was patched from version: blue to version: green. Green\'s three pods are Ready and serve all traffic with 2xx; checkout-blue (5.11.2) still runs Ready and idle, kept for a quick rollback, so its logs show only health checks since the switch. Nothing to fix; blue is scaled down once the release is confirmed.',
    ask: { service: 'checkout-green', namespace: ns },
    objects: [
      ...nodes, ...blue.objects, ...green.objects, ...svcObjs, ...preview, ...cart.objects,
      ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: cart.pods }),
      scaledReplicaSet(deploymentOf(green), rsOf(green, 12), 1, 0, 26),
      scaledReplicaSet(deploymentOf(green), rsOf(green, 11), 2, 3, 25.4),
      scaledReplicaSet(deploymentOf(green), rsOf(green, 12), 3, 1, 25.4),
      scaledReplicaSet(deploymentOf(green), rsOf(green, 11), 0, 2, 24.9),
      ...green.pods.flatMap((p, k) => pulledFresh(p, 'app', `${ECR}/shop/checkout:5.12.0`, { atAgo: 25.5 - k * 0.4, bytes: 118442190, seconds: 4.2 + k })),
      probeFailed(g0, 'app', 'Readiness', `Get "http://${ipOfPod(g0)}:8080/ready": dial tcp ${ipOfPod(g0)}:8080: connect: connection refused`, { count: 2, firstAgo: 25.2, lastAgo: 25.1 }),
    ],
    logs: [
      ...blue.pods.map((p, i) => logsFor(p, 'app', { current: blueLog(p, i) })),
      ...green.pods.map((p, i) => logsFor(p, 'app', { current: greenLog(p, i) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|\bready\b|serving/i],
      facts: [/\b3\/3\b|3 of 3|all 3|three/i, /checkout-green/],
      never: [ADVISES_ROLLBACK, /checkout-blue[^\n]*(broken|failing|unhealthy|crash)/i, /no (ready )?endpoints/i, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  redisClusterEmptyDirMasterLost(),
  nginxSidecarBodySize413(),
  hikariConnectionLeak(),
  celeryPreforkChildOomKilled(),
  ingressNginxReadTimeout504(),
  karpenterConsolidationSingleReplica(),
  blueGreenSwitchHealthy(),
];
