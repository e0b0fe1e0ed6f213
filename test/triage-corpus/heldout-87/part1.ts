// Held-out stories, eighty-seventh round, part one (written blind):
// 1. A ResourceQuota added to `storefront` 95 minutes ago sets limits.ephemeral-storage; checkout-api's
//    containers set no such limit, so after a node drain its ReplicaSet cannot re-create the two evicted
//    pods (FailedCreate "failed quota: storefront-compute: must specify limits.ephemeral-storage"): 2 of 4.
// 2. Revision 58 of shop-web upgraded Django 3.2 → 4.2; CSRF_TRUSTED_ORIGINS (ConfigMap) lists bare hosts
//    without the scheme Django 4 requires, so every POST is 403 "Origin checking failed". Pods Ready.
// 3. A Redis Sentinel failover an hour ago made redis-node-1 master; session-api dials redis-node-0 (now a
//    replica) by a fixed address, so every write fails "READONLY You can't write against a read only replica.".
// 4. pricing-engine runs the reused tag `:stable` with IfNotPresent: pods on the two older nodes run the cached
//    old image (different imageID digest) that crashes; the pod on the new node pulled the fixed image.
// 5. Revision 24 of tariff-service moved to a base image/env with LANG/LC_ALL=de_DE.UTF-8; String.format now
//    writes "0,75" which Double.parseDouble rejects: NumberFormatException on /api/v1/quotes. Pods Ready.
// 6. The ConfigMap fulfilment-config was edited 34 minutes ago to call inventory-api over https://; the server
//    speaks plain HTTP, so the Go client fails every call "http: server gave HTTP response to HTTPS client".
// 7. Healthy control: notify-service (Node.js) logs winston's harmless "Accessing non-existent property
//    'padLevels' of module exports inside circular dependency" warning at start-up.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, imageDigest, nameOf,
  node, replicaSetOf, resourceQuota, restartedAgain, backOff, rsOf, running, scheduled, statefulSetApp, execProbe,
  ago, service, endpointSliceFor,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Redis' log time: `21 Nov 2026 02:13:05.123`. */
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};
/** Gunicorn / Django access time: `21/Nov/2026:03:10:12 +0000`. */
const gunicornTime = (minutes: number): string => {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
};
/** Spring Boot 3 console time: `2026-11-21T03:10:12.345Z`. */
const springTime = (minutes: number): string => at(minutes);

// ---- 1. a new ResourceQuota demands limits.ephemeral-storage; a drained node's pods cannot come back ----

function quotaEphemeralStorage(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '210']);
  const drained = nodes[2];
  if (drained?.spec) {
    drained.spec.unschedulable = true;
    drained.spec.taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(27) }];
  }
  const image = (v: string) => `${ECR}/storefront/checkout-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '512Mi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-api',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 21 * DAYS, changeCause: 'argocd: checkout-api 5.2.0', template: tpl('5.2.0') },
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout-api 5.3.1', template: tpl('5.3.1') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 19, node: names[1] ?? '', createdAgo: 9 * DAYS - 3, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 4 * DAYS, ranSeconds: 5 * DAYS * 60 } }) } },
    ],
  });
  const rsName = rsOf(app, 19);
  const quotaMsg = (pod: string) => `Error creating: pods "${pod}" is forbidden: failed quota: storefront-compute: must specify limits.ephemeral-storage`;
  const rs = replicaSetOf(app, 19) as k8s.V1ReplicaSet;
  if (rs.spec) rs.spec.replicas = 4;
  if (rs.status) rs.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quotaMsg(`${rsName}-q8m2x`), lastTransitionTime: ago(26) }];
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.`, lastUpdateTime: ago(9 * DAYS - 4), lastTransitionTime: ago(9 * DAYS - 4) },
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(26), lastTransitionTime: ago(26) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quotaMsg(`${rsName}-q8m2x`), lastUpdateTime: ago(26), lastTransitionTime: ago(26) },
    ];
    dep.status.unavailableReplicas = 2;
  }
  const other = bystander(ns, 'storefront-web', names, 4 * HOURS + 10, { revisions: [40, 41], versions: ['9.14.0', '9.15.0'], olderAgo: 12 * DAYS });
  const quota = resourceQuota({
    namespace: ns,
    name: 'storefront-compute',
    createdAgo: 95,
    hard: { 'requests.cpu': '16', 'requests.memory': '32Gi', 'limits.memory': '48Gi', 'limits.ephemeral-storage': '40Gi', pods: '60' },
    used: { 'requests.cpu': '1100m', 'requests.memory': '2Gi', 'limits.memory': '2Gi', 'limits.ephemeral-storage': '0', pods: '4' },
  });
  const gone = [`${rsName}-7tgk4`, `${rsName}-xw9bn`];
  const suffixes = ['q8m2x', 'l5v7d', 'f2hcz', 'n9w4k', 'b6trp', 'z3jqs', 'c8xmd', 'h4ply', 'v2kfn', 'r7sbg', 'm5dtw', 'p9qzh', 'w3ncx', 'k6ryv'];
  const rsRef = { kind: 'ReplicaSet', name: rsName, namespace: ns };
  const p0 = podOf(app, 0);
  return {
    id: 'heldout87-quota-requires-ephemeral-storage-limit',
    class: 'capacity',
    truth: 'The platform team created the ResourceQuota storefront-compute 95 minutes ago, with a hard limits.ephemeral-storage. A quota on a limit makes every new pod in the namespace declare that limit, and checkout-api\'s container sets none. Running pods were not touched, but the node drain 27 minutes ago evicted two of its four pods and the ReplicaSet cannot re-create them: FailedCreate "pods ... is forbidden: failed quota: storefront-compute: must specify limits.ephemeral-storage". checkout-api has been at 2 of 4 since. Revision 19 (9 days old) and the drain itself are not the cause. Fix: set an ephemeral-storage limit on the container (or add a LimitRange default), or drop that resource from the quota.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, quota,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: other.pods }),
      event({ on: { kind: 'Node', name: names[2] ?? '' }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${names[2] ?? ''} status is now: NodeNotSchedulable`, firstAgo: 27, lastAgo: 27, component: 'kubelet' }),
      ...gone.map((g) => event({ on: { kind: 'Pod', name: g, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 26.5, lastAgo: 26.5, fieldPath: 'spec.containers{app}' })),
      ...suffixes.map((s, i) => event({ on: rsRef, reason: 'FailedCreate', message: quotaMsg(`${rsName}-${s}`), firstAgo: 26.4 - i * 1.8, lastAgo: 26.4 - i * 1.8, component: 'replicaset-controller' })),
      event({ on: rsRef, reason: 'FailedCreate', message: quotaMsg(`${rsName}-t4gwd`), count: 11, firstAgo: 26.3, lastAgo: 0.6, component: 'replicaset-controller' }),
      event({ on: p0, type: 'Normal', reason: 'Pulled', message: `Container image "${image('5.3.1')}" already present on machine`, firstAgo: 4 * DAYS, lastAgo: 4 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
      `${springTime(3.1 + k)}  INFO 1 --- [checkout-api] [nio-8080-exec-${4 + k}] c.a.checkout.web.CartController         : POST /v2/checkout/confirm order=ORD-${88120 + k} status=201 took=84ms`,
      `${springTime(1.7 + k)}  INFO 1 --- [checkout-api] [nio-8080-exec-${2 + k}] c.a.checkout.web.CartController         : GET /v2/cart status=200 took=12ms`,
      `${springTime(0.5)}  INFO 1 --- [checkout-api] [   scheduling-1] c.a.checkout.pricing.RateCache          : refreshed 412 tax rates in 58ms`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/quota|ephemeral.?storage/i],
      facts: [/limits\.ephemeral-storage/, lit('storefront-compute'), /\b2\b[^\n]*\b4\b|FailedCreate/],
      never: [ADVISES_ROLLBACK, /storefront-web/, /\bOOM/],
    },
  };
}

// ---- 2. Django 4 upgrade: CSRF_TRUSTED_ORIGINS without a scheme -----------------------------------------

function djangoCsrfTrustedOrigins(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.52', ['23', '118', '241']);
  const image = (v: string) => `${ECR}/shop/shop-web:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8000], cpu: '250m', memory: '384Mi',
    command: ['gunicorn'], args: ['shop.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '3', '--access-logfile', '-'],
    envFrom: [{ configMapRef: { name: 'shop-web-settings' } }],
    env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'shop.settings.production' }],
    readiness: httpProbe('/healthz/', 8000), liveness: httpProbe('/healthz/', 8000, { initialDelaySeconds: 15 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'shop-web',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 16 * DAYS, changeCause: 'argocd: shop-web 2024.11.2 (django 3.2.25)', template: tpl('2024.11.2') },
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: shop-web 2024.11.3 (django 3.2.25)', template: tpl('2024.11.3') },
      { revision: 58, createdAgo: 3 * HOURS + 5, changeCause: 'argocd: shop-web 2024.12.0 (django 4.2.16)', template: tpl('2024.12.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 3 * HOURS + 4 - k })),
  });
  const settings = configMap({
    namespace: ns,
    name: 'shop-web-settings',
    createdAgo: 210 * DAYS,
    updatedAgo: 41 * DAYS,
    data: {
      DJANGO_ALLOWED_HOSTS: 'shop.acme-outdoor.com,www.acme-outdoor.com,shop-web.shop.svc.cluster.local',
      CSRF_TRUSTED_ORIGINS: 'shop.acme-outdoor.com,www.acme-outdoor.com',
      SESSION_COOKIE_SECURE: 'true',
      CSRF_COOKIE_SECURE: 'true',
      SECURE_PROXY_SSL_HEADER: 'HTTP_X_FORWARDED_PROTO,https',
      DATABASE_HOST: 'shop-db.cluster-c9k2m1x0pq.eu-west-1.rds.amazonaws.com',
      CACHE_URL: 'redis://shop-cache.shop.svc.cluster.local:6379/1',
    },
  });
  const other = bystander(ns, 'shop-search', names, 38, { revisions: [12, 13], versions: ['3.4.0', '3.4.1'], olderAgo: 20 * DAYS });
  const paths = ['/cart/add/', '/checkout/', '/accounts/login/', '/cart/update/', '/newsletter/subscribe/'];
  const webLog = (k: number): string => {
    const out = [
      `[${at(3 * HOURS + 3.9 - k).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${at(3 * HOURS + 3.9 - k).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${at(3 * HOURS + 3.9 - k).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Using worker: sync`,
      `[${at(3 * HOURS + 3.8 - k).replace('T', ' ').slice(0, 19)} +0000] [8] [INFO] Booting worker with pid: 8`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.8 - k * 0.1;
      const path = paths[(i + k) % paths.length] ?? '/cart/add/';
      out.push(`10.0.52.${40 + i} - - [${gunicornTime(t + 0.01)}] "GET /products/tents/trailhead-2p/ HTTP/1.1" 200 48211 "https://shop.acme-outdoor.com/products/tents/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`);
      out.push(`Forbidden (Origin checking failed - https://shop.acme-outdoor.com does not match any trusted origins.): ${path}`);
      out.push(`10.0.52.${40 + i} - - [${gunicornTime(t)}] "POST ${path} HTTP/1.1" 403 2870 "https://shop.acme-outdoor.com${path}" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"`);
    }
    out.push(`10.0.52.${10 + k} - - [${gunicornTime(0.2)}] "GET /healthz/ HTTP/1.1" 200 2 "-" "kube-probe/1.30"`);
    return lines(...out);
  };
  return {
    id: 'heldout87-django4-csrf-trusted-origins-scheme',
    class: 'config',
    truth: 'Revision 58 of shop-web (3 hours ago) upgraded Django from 3.2 to 4.2. Since Django 4.0, CSRF_TRUSTED_ORIGINS entries must include the scheme (https://shop.acme-outdoor.com) and the Origin header is checked against them; the ConfigMap shop-web-settings still lists bare hosts (shop.acme-outdoor.com,www.acme-outdoor.com). So every POST from the site (cart, checkout, login) is refused 403 "CSRF verification failed" with "Forbidden (Origin checking failed - https://shop.acme-outdoor.com does not match any trusted origins.)". Pods are Ready and GETs work. Fix: add https:// to the CSRF_TRUSTED_ORIGINS entries (or roll back to revision 57 until then).',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, settings,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'shop-search', selector: { app: 'shop-search' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/csrf|origin checking|trusted origins?|403/i],
      facts: [/CSRF_TRUSTED_ORIGINS/, /Origin checking failed|does not match any trusted origins/i, /django ?4|scheme|https:\/\//i],
      never: [/shop-search/, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 3. Redis Sentinel failover; the app keeps writing to the old master by a fixed address ------------

function redisSentinelStaleMaster(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '87', '203']);
  const redisImage = 'docker.io/bitnami/redis:7.2.5-debian-12-r4';
  const sentinelImage = 'docker.io/bitnami/redis-sentinel:7.2.5-debian-12-r3';
  const redisTpl = { containers: [
    container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi', readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { periodSeconds: 5 }), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }), volumeMounts: [{ name: 'redis-data', mountPath: '/data' }] }),
    container({ name: 'sentinel', image: sentinelImage, ports: [{ name: 'redis-sentinel', containerPort: 26379 }], cpu: '50m', memory: '128Mi', readiness: execProbe(['sh', '-c', '/health/ping_sentinel.sh 1'], { periodSeconds: 5 }), liveness: execProbe(['sh', '-c', '/health/ping_sentinel.sh 5'], { initialDelaySeconds: 20, periodSeconds: 10 }) }),
  ] };
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis-node',
    replicas: 3,
    serviceName: 'redis-headless',
    revisions: [{ revision: 1, createdAgo: 140 * DAYS, template: redisTpl }],
    pods: [
      { revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 31 * DAYS, containers: { redis: running({ sinceAgo: 63, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 63.4, ranSeconds: 31 * DAYS * 60 } }), sentinel: running({ sinceAgo: 31 * DAYS }) } },
      { revision: 1, ordinal: 1, node: names[1] ?? '', createdAgo: 31 * DAYS - 3 },
      { revision: 1, ordinal: 2, node: names[2] ?? '', createdAgo: 31 * DAYS - 6 },
    ],
  });
  const apiImage = (v: string) => `${ECR}/sessions/session-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({
    image: apiImage(v), ports: [8080], cpu: '200m', memory: '256Mi',
    env: [
      { name: 'REDIS_ADDR', value: 'redis-node-0.redis-headless.sessions.svc.cluster.local:6379' },
      { name: 'REDIS_DB', value: '0' },
      { name: 'SESSION_TTL', value: '12h' },
    ],
    readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
  })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 19 * DAYS, changeCause: 'argocd: session-api 2.8.0', template: apiTpl('2.8.0') },
      { revision: 34, createdAgo: 6 * DAYS, changeCause: 'argocd: session-api 2.8.1', template: apiTpl('2.8.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'session-janitor', names, 52, { revisions: [5, 6], versions: ['1.2.0', '1.3.0'], olderAgo: 30 * DAYS });
  const r0 = podOf(redis, 0);
  const r1 = podOf(redis, 1);
  const ip0 = r0.status?.podIP ?? '10.0.140.31';
  const ip1 = r1.status?.podIP ?? '10.0.140.97';
  const sentinelLog = lines(
    `1:X ${redisTime(31 * DAYS - 1)} * Sentinel ID is 7f3c0a9e21b84d65c1e0f2a93b7d4c58e6a10b2f`,
    `1:X ${redisTime(31 * DAYS - 1)} # +monitor master mymaster ${ip0} 6379 quorum 2`,
    `1:X ${redisTime(64.2)} # +sdown master mymaster ${ip0} 6379`,
    `1:X ${redisTime(64.1)} # +odown master mymaster ${ip0} 6379 #quorum 3/2`,
    `1:X ${redisTime(64.1)} # +new-epoch 4`,
    `1:X ${redisTime(64.1)} # +try-failover master mymaster ${ip0} 6379`,
    `1:X ${redisTime(64.0)} # +vote-for-leader 7f3c0a9e21b84d65c1e0f2a93b7d4c58e6a10b2f 4`,
    `1:X ${redisTime(64.0)} # +elected-leader master mymaster ${ip0} 6379`,
    `1:X ${redisTime(64.0)} # +failover-state-select-slave master mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.9)} # +selected-slave slave ${ip1}:6379 ${ip1} 6379 @ mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.9)} * +failover-state-send-slaveof-noone slave ${ip1}:6379 ${ip1} 6379 @ mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.8)} * +failover-state-wait-promotion slave ${ip1}:6379 ${ip1} 6379 @ mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.7)} # +promoted-slave slave ${ip1}:6379 ${ip1} 6379 @ mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.7)} # +failover-state-reconf-slaves master mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.5)} # +failover-end master mymaster ${ip0} 6379`,
    `1:X ${redisTime(63.5)} # +switch-master mymaster ${ip0} 6379 ${ip1} 6379`,
    `1:X ${redisTime(63.2)} # -sdown slave ${ip0}:6379 ${ip0} 6379 @ mymaster ${ip1} 6379`,
    `1:X ${redisTime(62.9)} * +convert-to-slave slave ${ip0}:6379 ${ip0} 6379 @ mymaster ${ip1} 6379`,
  );
  const redis0Log = lines(
    `1:C ${redisTime(63)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.`,
    `1:C ${redisTime(63)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M ${redisTime(63)} * Server initialized`,
    `1:M ${redisTime(63)} * Reading RDB base file on AOF loading...`,
    `1:M ${redisTime(62.9)} * DB loaded from append only file: 0.412 seconds`,
    `1:M ${redisTime(62.9)} * Ready to accept connections tcp`,
    `1:S ${redisTime(62.8)} * Before turning into a replica, using my own master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer.`,
    `1:S ${redisTime(62.8)} * Connecting to MASTER ${ip1}:6379`,
    `1:S ${redisTime(62.8)} * MASTER <-> REPLICA sync started`,
    `1:S ${redisTime(62.8)} * REPLICAOF ${ip1}:6379 enabled (user request from 'id=9 addr=${ip0}:41822 laddr=${ip0}:6379 fd=11 name=sentinel-7f3c0a9e-cmd age=0 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=329 qbuf-free=20145 argv-mem=4 multi-mem=181 rbs=2048 rbp=1024 obl=45 oll=0 omem=0 tot-mem=23597 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=')`,
    `1:S ${redisTime(62.7)} * Master replied to PING, replication can continue...`,
    `1:S ${redisTime(62.7)} * Partial resynchronization not possible (no cached master)`,
    `1:S ${redisTime(62.6)} * Full resync from master: 3b9d1e0c7a6f45e28d1c0b9a7e6f5d4c3b2a1908:118274930`,
    `1:S ${redisTime(62.3)} * MASTER <-> REPLICA sync: Finished with success`,
  );
  const apiLog = (k: number): string => {
    const out = [`{"time":"${at(6 * DAYS - 1 - k)}","level":"INFO","msg":"session-api starting","version":"2.8.1","redis":"redis-node-0.redis-headless.sessions.svc.cluster.local:6379"}`];
    out.push(`{"time":"${at(64.5 - k * 0.1)}","level":"INFO","msg":"request","method":"POST","path":"/v1/sessions","status":201,"dur_ms":3}`);
    out.push(`{"time":"${at(63.9 - k * 0.1)}","level":"ERROR","msg":"redis write failed","op":"SET","key":"sess:8e1f0c2a","err":"dial tcp ${ip0}:6379: connect: connection refused"}`);
    for (let i = 0; i < 14; i++) {
      const t = 60 - i * 4.2 - k * 0.3;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"redis write failed","op":"${i % 3 === 0 ? 'EXPIRE' : 'SET'}","key":"sess:${(0x3a91c + i * 7919 + k * 131).toString(16)}","err":"READONLY You can't write against a read only replica."}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/sessions","status":503,"dur_ms":2}`);
      if (i % 2 === 0) out.push(`{"time":"${at(t - 0.3)}","level":"INFO","msg":"request","method":"GET","path":"/v1/sessions/current","status":200,"dur_ms":1}`);
    }
    return lines(...out);
  };
  const headless = service({ namespace: ns, name: 'redis-headless', selector: { app: 'redis-node' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }, { name: 'tcp-sentinel', port: 26379, targetPort: 26379 }], headless: true, createdAgo: 140 * DAYS });
  return {
    id: 'heldout87-redis-sentinel-failover-fixed-address',
    class: 'config',
    truth: 'An hour ago redis-node-0 (the Redis master) was killed and restarted; the Sentinels failed over and promoted redis-node-1 (+switch-master mymaster), and redis-node-0 came back as a replica of it. session-api does not ask Sentinel for the master: REDIS_ADDR pins redis-node-0.redis-headless...:6379. Since the failover every write (SET/EXPIRE of sessions) fails "READONLY You can\'t write against a read only replica." and POST /v1/sessions answers 503; reads still work, pods are Ready. Fix: use a Sentinel-aware client (master name mymaster via port 26379), or fail back; revision 34 and the janitor are innocent.',
    ask: { service: 'session-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...api.objects, ...other.objects, headless, endpointSliceFor(headless, redis.pods, 6379),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods }),
      event({ on: r0, reason: 'Unhealthy', message: 'Liveness probe failed: Timed out', count: 5, firstAgo: 64.6, lastAgo: 63.5, fieldPath: 'spec.containers{redis}' }),
      event({ on: r0, type: 'Normal', reason: 'Killing', message: 'Container redis failed liveness probe, will be restarted', firstAgo: 63.5, lastAgo: 63.5, fieldPath: 'spec.containers{redis}' }),
      ...restartedAgain(r0, 'redis', redisImage, { count: 1, firstAgo: 63.1, lastAgo: 63.1 }),
    ],
    logs: [
      logsFor(r0, 'sentinel', { current: sentinelLog }),
      logsFor(r0, 'redis', { current: redis0Log }),
      logsFor(r1, 'redis', { current: lines(`1:M ${redisTime(63.8)} * Connection with master lost.`, `1:M ${redisTime(63.8)} * Discarding previously cached master state.`, `1:M ${redisTime(63.8)} * Setting secondary replication ID to 3b9d1e0c7a6f45e28d1c0b9a7e6f5d4c3b2a1908, valid up to offset: 118274931. New replication ID is 9c41d7e2b0a85f63e1d2c4b6a8f0e3d5c7b9a1f2`, `1:M ${redisTime(63.8)} * MASTER MODE enabled (user request from 'id=12 addr=${ip1}:50114 laddr=${ip1}:6379 fd=13 name=sentinel-7f3c0a9e-cmd age=1 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=188 qbuf-free=20286 argv-mem=4 multi-mem=169 rbs=2048 rbp=1024 obl=45 oll=0 omem=0 tot-mem=23585 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=')`, `1:M ${redisTime(62.7)} * Replica ${ip0}:6379 asks for synchronization`, `1:M ${redisTime(62.3)} * Synchronization with replica ${ip0}:6379 succeeded`) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/READONLY|read.?only replica|failover|sentinel|redis-node-0/i],
      facts: [/READONLY You can't write against a read only replica/, /REDIS_ADDR|redis-node-0/, /switch-master|redis-node-1|failover|promoted/i],
      never: [ADVISES_ROLLBACK, /session-janitor/, /\bOOM/],
    },
  };
}

// ---- 4. a reused `:stable` tag with IfNotPresent: cached old image on old nodes ------------------------

function reusedTagCachedImage(): CorpusScenario {
  const ns = 'pricing';
  const old1 = node({ name: eksNodeName('10.0.33.18'), zone: 'eu-west-1a', createdAgo: 74 * DAYS });
  const old2 = node({ name: eksNodeName('10.0.34.151'), zone: 'eu-west-1b', createdAgo: 74 * DAYS });
  const fresh = node({ name: eksNodeName('10.0.35.92'), zone: 'eu-west-1c', createdAgo: 2 * DAYS });
  const names = [old1, old2, fresh].map(nameOf);
  const image = `${ECR}/pricing/pricing-engine:stable`;
  const tpl = { containers: [container({ image, ports: [3000], cpu: '300m', memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'FX_FEED_URL', value: 'http://fx-feed.pricing.svc.cluster.local/v1/rates' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 10 }) })] };
  const crash = { exitCode: 1, finishedAgo: 2.3, ranSeconds: 6 };
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 47 * DAYS, changeCause: 'helm upgrade pricing-engine', template: tpl },
      { revision: 12, createdAgo: 12 * DAYS, changeCause: 'helm upgrade pricing-engine --set resources.requests.cpu=300m', template: tpl },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 42, containers: { app: crashLoop(crash, 12) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 42, containers: { app: crashLoop({ ...crash, finishedAgo: 0.8 }, 12) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 42, containers: { app: running({ sinceAgo: 41.5 }) } },
    ],
  });
  // The digest each node's containerd resolved `:stable` to: the old nodes kept the one they pulled weeks ago.
  const oldDigest = imageDigest(`${ECR}/pricing/pricing-engine:stable@2026-10-08`);
  for (const p of app.pods.slice(0, 2)) for (const s of p.status?.containerStatuses ?? []) s.imageID = oldDigest;
  const fx = bystander(ns, 'fx-feed', names, 58, { revisions: [20, 21], versions: ['4.0.2', '4.1.0'], olderAgo: 15 * DAYS });
  const [a, b, c] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const crashLog = (at0: number) => lines(
    `{"level":30,"time":${ago(at0).getTime()},"pid":1,"hostname":"pricing-engine","msg":"pricing-engine 3.6.0 starting (node v20.18.0)"}`,
    `{"level":30,"time":${ago(at0 - 0.02).getTime()},"pid":1,"hostname":"pricing-engine","msg":"loaded 1841 price rules from fx-feed"}`,
    '/app/dist/rules/convert.js:57',
    '    const rate = rates[rule.currency].mid;',
    '                                      ^',
    '',
    "TypeError: Cannot read properties of undefined (reading 'mid')",
    '    at applyRule (/app/dist/rules/convert.js:57:39)',
    '    at Array.map (<anonymous>)',
    '    at buildPriceBook (/app/dist/rules/book.js:112:24)',
    '    at async Server.start (/app/dist/server.js:41:5)',
    '',
    'Node.js v20.18.0',
  );
  return {
    id: 'heldout87-reused-stable-tag-cached-old-image',
    class: 'containers',
    truth: 'pricing-engine runs the moving tag pricing-engine:stable with imagePullPolicy IfNotPresent. Two days ago the team pushed a fix under the same tag and deleted the pods 42 minutes ago to pick it up; the pod on the new node ip-10-0-35-92 (created 2 days ago) pulled the fixed image and runs, but the two pods on the 74-day-old nodes reused the cached old image (their imageID digest differs; "already present on machine") whose price-book build crashes with TypeError: Cannot read properties of undefined (reading \'mid\'), so they crash-loop. No revision changed (12 is 12 days old) and fx-feed is innocent. Fix: pin an immutable tag or digest (or imagePullPolicy Always) and re-create the pods.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      old1, old2, fresh, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'fx-feed', selector: { app: 'fx-feed' }, pods: fx.pods }),
      scheduled(a, 42), scheduled(b, 42), scheduled(c, 42),
      event({ on: a, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 13, firstAgo: 41.9, lastAgo: 2.4, fieldPath: 'spec.containers{app}' }),
      event({ on: b, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 13, firstAgo: 41.9, lastAgo: 0.9, fieldPath: 'spec.containers{app}' }),
      backOff(a, 'app', { count: 176, firstAgo: 41.7, lastAgo: 0.3 }),
      backOff(b, 'app', { count: 179, firstAgo: 41.7, lastAgo: 0.1 }),
      event({ on: c, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 41.9, lastAgo: 41.9, fieldPath: 'spec.containers{app}' }),
      event({ on: c, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 3.108s (3.108s including waiting). Image size: 61834211 bytes.`, firstAgo: 41.8, lastAgo: 41.8, fieldPath: 'spec.containers{app}' }),
      event({ on: c, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 41.8, lastAgo: 41.8, fieldPath: 'spec.containers{app}' }),
      event({ on: c, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 41.8, lastAgo: 41.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(a, 'app', { previous: crashLog(2.4) }),
      logsFor(b, 'app', { previous: crashLog(0.9) }),
      logsFor(c, 'app', { current: lines(
        `{"level":30,"time":${ago(41.6).getTime()},"pid":1,"hostname":"pricing-engine","msg":"pricing-engine 3.6.1 starting (node v20.18.0)"}`,
        `{"level":30,"time":${ago(41.58).getTime()},"pid":1,"hostname":"pricing-engine","msg":"loaded 1841 price rules from fx-feed"}`,
        `{"level":40,"time":${ago(41.57).getTime()},"pid":1,"hostname":"pricing-engine","msg":"no fx rate for currency, rule skipped","currency":"HRK","rule":"eu-legacy-hr"}`,
        `{"level":30,"time":${ago(41.5).getTime()},"pid":1,"hostname":"pricing-engine","msg":"listening on :3000"}`,
        `{"level":30,"time":${ago(1.2).getTime()},"pid":1,"hostname":"pricing-engine","req":{"method":"GET","url":"/v1/prices?sku=TNT-2P-GRN"},"res":{"statusCode":200},"responseTime":7,"msg":"request completed"}`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/stable|tag|cached|image ?(id|digest)|IfNotPresent|already present/i],
      facts: [/imageID|digest/i, /IfNotPresent|already present on machine/i, /Cannot read properties of undefined \(reading 'mid'\)|TypeError/],
      never: [ADVISES_ROLLBACK, /fx-feed[^\n]*(caus|broke|fail)/i, /\bOOM/],
    },
  };
}

// ---- 5. a comma-decimal locale after a base-image change: NumberFormatException "0,75" ---------------

function javaLocaleDecimalComma(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.77', ['12', '164', '229']);
  const image = (v: string) => `${ECR}/billing/tariff-service:${v}`;
  const env = (de: boolean): k8s.V1EnvVar[] => [
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0' },
    { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    ...(de ? [{ name: 'LANG', value: 'de_DE.UTF-8' }, { name: 'LC_ALL', value: 'de_DE.UTF-8' }, { name: 'TZ', value: 'Europe/Berlin' }] : [{ name: 'LANG', value: 'C.UTF-8' }]),
  ];
  const tpl = (v: string, de: boolean) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '768Mi', env: env(de), readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'tariff-service',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 11 * DAYS, changeCause: 'argocd: tariff-service 7.4.2', template: tpl('7.4.2', false) },
      { revision: 24, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: tariff-service 7.4.3 (base image platform/jre-21-de:2026.11)', template: tpl('7.4.3', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: 2 * HOURS + 39 - k * 2 })),
  });
  const other = bystander(ns, 'invoice-renderer', names, 35, { revisions: [9, 10], versions: ['2.2.0', '2.3.0'], olderAgo: 25 * DAYS });
  const log = (k: number): string => {
    const out = [
      `${springTime(2 * HOURS + 38 - k * 2)}  INFO 1 --- [tariff-service] [           main] c.a.b.tariff.TariffServiceApplication    : Starting TariffServiceApplication v7.4.3 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${springTime(2 * HOURS + 37.8 - k * 2)}  INFO 1 --- [tariff-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${springTime(2 * HOURS + 37.8 - k * 2)}  INFO 1 --- [tariff-service] [           main] c.a.b.tariff.TariffServiceApplication    : Started TariffServiceApplication in 9.412 seconds (process running for 10.377)`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 12 - i * 2 - k * 0.2;
      out.push(`${springTime(t + 0.05)}  INFO 1 --- [tariff-service] [nio-8080-exec-${i + 1}] c.a.b.tariff.web.TariffController        : GET /api/v1/tariffs/DE-STD status=200 took=9ms`);
      out.push(`${springTime(t)} ERROR 1 --- [tariff-service] [nio-8080-exec-${i + 2}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NumberFormatException: For input string: "0,75"] with root cause`);
      out.push('', 'java.lang.NumberFormatException: For input string: "0,75"',
        '\tat java.base/jdk.internal.math.FloatingDecimal.readJavaFormatString(FloatingDecimal.java:2054) ~[na:na]',
        '\tat java.base/jdk.internal.math.FloatingDecimal.parseDouble(FloatingDecimal.java:110) ~[na:na]',
        '\tat java.base/java.lang.Double.parseDouble(Double.java:792) ~[na:na]',
        '\tat com.acme.billing.tariff.quote.DiscountCalculator.ratio(DiscountCalculator.java:88) ~[!/:7.4.3]',
        '\tat com.acme.billing.tariff.quote.QuoteService.quote(QuoteService.java:141) ~[!/:7.4.3]',
        '\tat com.acme.billing.tariff.web.QuoteController.create(QuoteController.java:52) ~[!/:7.4.3]',
        '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]',
        '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.14.jar!/:6.1.14]',
        '');
    }
    out.push(`${springTime(0.3)}  INFO 1 --- [tariff-service] [nio-8080-exec-9] c.a.b.tariff.web.TariffController        : GET /api/v1/tariffs/AT-ECO status=200 took=7ms`);
    return lines(...out);
  };
  return {
    id: 'heldout87-java-default-locale-decimal-comma',
    class: 'config',
    truth: 'Revision 24 of tariff-service (2h40m ago, 7.4.3 on the new platform base image jre-21-de) runs with LANG/LC_ALL=de_DE.UTF-8. The quote path formats a ratio with String.format under the default locale, which now writes "0,75", and parses it back with Double.parseDouble: every POST /api/v1/quotes fails with java.lang.NumberFormatException: For input string: "0,75" (HTTP 500). Tariff reads still work and the pods are Ready. Fix: roll back to revision 23 / set LANG=C.UTF-8 (or -Duser.language=en), and format/parse with Locale.ROOT.',
    ask: { service: 'tariff-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'tariff-service', selector: { app: 'tariff-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/NumberFormatException|locale|0,75|decimal/i],
      facts: [/For input string: "0,75"/, /de_DE|LANG|LC_ALL|locale/i, /revision 24|7\.4\.3/i],
      never: [/invoice-renderer/, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 6. a ConfigMap switched an internal URL to https://; the server speaks plain HTTP ------------------

function httpsToPlainHttpServer(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.120', ['5', '131', '218']);
  const image = (v: string) => `${ECR}/fulfilment/order-router:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '200m', memory: '256Mi', args: ['--config=/etc/order-router/config.yaml'], volumeMounts: [{ name: 'config', mountPath: '/etc/order-router', readOnly: true }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
    volumes: [{ name: 'config', configMap: { name: 'fulfilment-config', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-router',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 18 * DAYS, changeCause: 'argocd: order-router 1.19.0', template: tpl('1.19.0') },
      { revision: 15, createdAgo: 5 * DAYS, changeCause: 'argocd: order-router 1.19.1', template: tpl('1.19.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const inv = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 2,
    revisions: [{ revision: 8, createdAgo: 9 * DAYS, changeCause: 'argocd: inventory-api 3.2.4', template: { containers: [container({ image: `${ECR}/fulfilment/inventory-api:3.2.4`, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 8, node: names[k + 1] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const cfg = configMap({
    namespace: ns,
    name: 'fulfilment-config',
    createdAgo: 160 * DAYS,
    updatedAgo: 34,
    data: {
      'config.yaml': [
        'listen: ":8080"',
        'inventory:',
        '  url: "https://inventory-api.fulfilment.svc.cluster.local:8080"',
        '  timeout: 2s',
        '  retries: 2',
        'carriers:',
        '  url: "http://carrier-gateway.fulfilment.svc.cluster.local:8080"',
        'log_level: info',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'carrier-gateway', names, 49, { revisions: [30, 31], versions: ['6.0.3', '6.1.0'], olderAgo: 10 * DAYS });
  const skus = ['TNT-2P-GRN', 'BAG-35L-BLK', 'STV-MINI', 'MAT-UL-R', 'LMP-HD-200'];
  const log = (k: number): string => {
    const out = [
      `{"time":"${at(5 * DAYS - 1 - k)}","level":"INFO","msg":"order-router starting","version":"1.19.1","inventory":"http://inventory-api.fulfilment.svc.cluster.local:8080"}`,
      `{"time":"${at(40 - k * 0.1)}","level":"INFO","msg":"routed order","order":"SO-${771020 + k}","warehouse":"DUB-2","dur_ms":38}`,
      `{"time":"${at(33.2 - k * 0.2)}","level":"INFO","msg":"config file changed, reloading","path":"/etc/order-router/config.yaml"}`,
      `{"time":"${at(33.2 - k * 0.2)}","level":"INFO","msg":"config reloaded","inventory":"https://inventory-api.fulfilment.svc.cluster.local:8080"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 31 - i * 2.5 - k * 0.15;
      const sku = skus[(i + k) % skus.length] ?? 'TNT-2P-GRN';
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"inventory reservation failed","order":"SO-${771100 + i * 3 + k}","attempt":3,"err":"Post \\"https://inventory-api.fulfilment.svc.cluster.local:8080/v1/reservations\\": http: server gave HTTP response to HTTPS client"}`);
      if (i % 3 === 0) out.push(`{"time":"${at(t - 0.2)}","level":"ERROR","msg":"stock lookup failed","sku":"${sku}","err":"Get \\"https://inventory-api.fulfilment.svc.cluster.local:8080/v1/stock/${sku}\\": http: server gave HTTP response to HTTPS client"}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/route","status":502,"dur_ms":${6 + i}}`);
    }
    return lines(...out);
  };
  const invLog = (k: number): string => lines(
    `{"ts":"${at(9 * DAYS - 1 - k)}","level":"info","msg":"inventory-api listening","addr":":8080","tls":false}`,
    `{"ts":"${at(36 - k)}","level":"info","msg":"reservation created","sku":"TNT-2P-GRN","qty":1,"dur_ms":11}`,
    `{"ts":"${at(2.2 - k * 0.3)}","level":"info","msg":"request","method":"GET","path":"/v1/stock/BAG-35L-BLK","status":200,"dur_ms":4,"client":"storefront-web"}`,
  );
  return {
    id: 'heldout87-configmap-https-to-plain-http-server',
    class: 'config',
    truth: 'Someone edited the ConfigMap fulfilment-config 34 minutes ago and changed inventory.url from http:// to https://inventory-api.fulfilment.svc.cluster.local:8080; order-router hot-reloads its mounted config. inventory-api only serves plain HTTP on 8080, so every call of order-router\'s Go HTTP client fails "http: server gave HTTP response to HTTPS client" and POST /v1/route answers 502 (no reservations, no stock lookups). Pods Ready, no restart, no rollout (revision 15 is 5 days old; carrier-gateway rolled out 49 minutes ago, innocent). Fix: set the URL back to http:// (or enable TLS on inventory-api).',
    ask: { service: 'order-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...inv.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: inv.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: other.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...inv.pods.map((p, k) => logsFor(p, 'app', { current: invLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/https|HTTP response to HTTPS client|fulfilment-config|tls/i],
      facts: [/server gave HTTP response to HTTPS client/, lit('fulfilment-config'), /inventory-api/],
      never: [ADVISES_ROLLBACK, /carrier-gateway[^\n]*(caus|broke|fail)/i, /(certificate|x509)[^\n]*(expired|invalid|unknown authority|mismatch)/i],
    },
  };
}

// ---- 7. healthy control: winston's circular-dependency warning at Node.js start-up ---------------------

function healthyWinstonPadLevelsWarning(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.64', ['27', '145', '233']);
  const image = (v: string) => `${ECR}/messaging/notify-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '150m', memory: '256Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'LOG_LEVEL', value: 'info' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'notify-service',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 13 * DAYS, changeCause: 'argocd: notify-service 4.7.0', template: tpl('4.7.0') },
      { revision: 41, createdAgo: 70, changeCause: 'argocd: notify-service 4.7.1', template: tpl('4.7.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 69 - k * 1.5 })),
  });
  const other = bystander(ns, 'email-relay', names, 3 * HOURS, { revisions: [17, 18], versions: ['2.9.0', '2.9.1'], olderAgo: 9 * DAYS });
  const dep = deploymentOf(app);
  const log = (k: number): string => {
    const s = 68.5 - k * 1.5;
    const out = [
      `(node:1) Warning: Accessing non-existent property 'padLevels' of module exports inside circular dependency`,
      '(Use `node --trace-warnings ...` to show where the warning was created)',
      `${at(s)} info: notify-service 4.7.1 starting (node v20.18.1)`,
      `${at(s - 0.02)} info: connected to amqp://rabbitmq.messaging.svc.cluster.local:5672 (prefetch 20)`,
      `${at(s - 0.03)} info: listening on :3000`,
    ];
    for (let i = 0; i < 8; i++) out.push(`${at(60 - i * 7 - k)} info: delivered notification channel=${i % 2 === 0 ? 'push' : 'email'} template=${['order-shipped', 'password-reset', 'order-confirmed', 'back-in-stock'][i % 4] ?? 'order-shipped'} latency_ms=${40 + i * 3 + k}`);
    return lines(...out);
  };
  return {
    id: 'heldout87-healthy-winston-padlevels-warning',
    class: 'healthy',
    truth: 'notify-service rolled out 4.7.1 (revision 41) 70 minutes ago without trouble: all three pods are Ready with no restarts and deliver notifications. Each start-up prints Node\'s "(node:1) Warning: Accessing non-existent property \'padLevels\' of module exports inside circular dependency", a known harmless warning from winston\'s dependencies on newer Node versions. Nothing is wrong.',
    ask: { service: 'notify-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notify-service', selector: { app: 'notify-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...app.pods.flatMap((p) => startedAt(p, 'app', image('4.7.1'), 69)),
      event({ on: { kind: 'Deployment', ...(dep.metadata === undefined ? {} : { metadata: dep.metadata }) }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rsOf(app, 40)} from 1 to 0`, firstAgo: 66, lastAgo: 66, component: 'deployment-controller' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|running normally|all \d+ (pods )?(are )?ready|no (issues|action)/i],
      facts: [/notify-service/],
      never: [/padLevels[^\n]*(cause|fail|break|broken|crash)|circular dependency[^\n]*(cause|fail|break|crash)/i, ADVISES_ROLLBACK, /email-relay/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  quotaEphemeralStorage(),
  djangoCsrfTrustedOrigins(),
  redisSentinelStaleMaster(),
  reusedTagCachedImage(),
  javaLocaleDecimalComma(),
  httpsToPlainHttpServer(),
  healthyWinstonPadLevelsWarning(),
];
