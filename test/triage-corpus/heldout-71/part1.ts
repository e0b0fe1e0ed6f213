// Held-out stories, seventy-first round, part one: a ConfigMap consumed through envFrom edited in
// place (only pods started since read the bad value), a CoreDNS Corefile edit that the running
// replicas refused but the replacements after a drain cannot start with, a revision that makes
// every Postgres transaction SERIALIZABLE without retries, an old OpenSSL that still walks the
// expired DST Root CA X3 cross-sign, a GPU that fell off the bus on one node, a nightly mysqldump
// holding a global read lock, and a healthy nginx gateway with a proxy_headers_hash warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, execProbe, batchContainer, clfTime, configMap, container, coreDns, crashLoop, cronJob, daemonSetApp,
  deploymentApp, event, exposed, hpa, httpProbe, nameOf, node, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, boundClaim, cronJobEvent, jobEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' log_line_prefix time. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. a ConfigMap edited in place: only pods started since read the bad REDIS_URL ----------------

function configMapEnvEditNewPodsOnly(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '122', '203']);
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'cart-api-config' } }],
      env: [{ name: 'GOMAXPROCS', value: '1' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const failed = { exitCode: 1, finishedAgo: 1.5, ranSeconds: 0.4 };
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 6,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: cart-api 5.3.0', template: tpl('5.3.0') },
      { revision: 41, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 5.3.1', template: tpl('5.3.1') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 41, node: names[1] ?? '', createdAgo: 26, containers: { app: crashLoop(failed, 9) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 26, containers: { app: crashLoop({ ...failed, finishedAgo: 2.2 }, 9) } },
    ],
    settled: { available: true, availableSince: 4 * DAYS - 4, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 4 },
  });
  const cm = configMap({
    namespace: ns, name: 'cart-api-config', createdAgo: 210 * DAYS, updatedAgo: 71,
    data: {
      LOG_LEVEL: 'info',
      HTTP_ADDR: ':8080',
      REDIS_URL: 'redis://cart-redis.shop.svc.cluster.local:6379O/0',
      CATALOG_BASE_URL: 'http://catalog-api.catalog.svc.cluster.local:8080',
      CART_TTL: '72h',
      PRICE_CACHE_TTL: '30s',
    },
  });
  const redis = statefulSetApp({
    namespace: ns, name: 'cart-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], memory: '512Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS }],
  });
  const other = bystander(ns, 'checkout-web', names, 95, { revisions: [17, 18], versions: ['3.8.2', '3.9.0'], olderAgo: 20 * DAYS });
  const fresh = [podOf(app, 4), podOf(app, 5)];
  const oldLog = (k: number) => lines(
    `{"level":"info","ts":"${at(4 * DAYS - k - 0.3)}","msg":"config loaded","redis":"cart-redis.shop.svc.cluster.local:6379","db":0,"catalog":"http://catalog-api.catalog.svc.cluster.local:8080"}`,
    `{"level":"info","ts":"${at(4 * DAYS - k - 0.3)}","msg":"listening","addr":":8080","version":"5.3.1"}`,
    `{"level":"info","ts":"${at(1.1)}","msg":"request","method":"POST","path":"/v1/carts/items","status":201,"duration_ms":${9 + k}}`,
    `{"level":"info","ts":"${at(0.4)}","msg":"request","method":"GET","path":"/v1/carts/current","status":200,"duration_ms":${4 + k}}`,
  );
  const crashLog = (t: number) => lines(
    `{"level":"info","ts":"${at(t)}","msg":"starting cart-api","version":"5.3.1","commit":"c41e9a7"}`,
    `{"level":"fatal","ts":"${at(t)}","caller":"config/config.go:77","msg":"invalid configuration","error":"REDIS_URL: parse \\"redis://cart-redis.shop.svc.cluster.local:6379O/0\\": invalid port \\":6379O\\" after host"}`,
  );
  return {
    id: 'heldout71-configmap-env-edit-new-pods-only',
    class: 'config',
    truth: 'Seventy minutes ago someone ran kubectl edit on the ConfigMap cart-api-config (consumed through envFrom) and typed REDIS_URL with a letter O instead of a zero in the port (6379O), without a rollout. The four cart-api pods started four days ago keep their old environment and serve fine; the two pods the HPA added at 02:48 read the bad value and exit 1 at start ("invalid port \\":6379O\\" after host"). Same revision 41 everywhere: fix the ConfigMap value.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cm, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: other.pods }),
      hpa({ namespace: ns, name: 'cart-api', target: { kind: 'Deployment', name: 'cart-api' }, min: 4, max: 12, current: 6, desired: 6, cpu: { current: 81, target: 70, averageValue: '243m' }, lastScaleAgo: 26 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'cart-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 26, lastAgo: 26, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 6, 4, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 2, 0, 95),
      ...fresh.flatMap((p) => [
        scheduled(p, 26),
        ...restartedAgain(p, 'app', image('5.3.1'), { count: 10, firstAgo: 25.9, lastAgo: 1.6 }),
        backOff(p, 'app', { count: 112, firstAgo: 25.8 }),
      ]),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 1).status?.podIP ?? ''}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
      ...fresh.map((p, i) => logsFor(p, 'app', { current: crashLog(1.5 + i * 0.7), previous: crashLog(6.6 + i * 0.7) })),
      logsFor(podOf(redis, 0), 'redis', { current: lines('1:M 18 Oct 2026 11:02:13.004 * Ready to accept connections tcp', `1:M 21 Nov 2026 03:0${0}:01.117 * 100 changes in 300 seconds. Saving...`, '1:M 21 Nov 2026 03:00:01.161 * Background saving terminated with success') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cart-api-config|REDIS_URL|6379O|config ?map/i],
      facts: [/6379O/, /invalid port/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cart-redis[^\n]*(down|unavailable|refus)/i],
    },
  };
}

// ---- 2. a Corefile typo: running CoreDNS refuses the reload, the replacement cannot start --------

function coreDnsCorefileSyntaxError(): CorpusScenario {
  const ns = 'pricing';
  const nA = eksNodeName('10.0.52.19');
  const nB = eksNodeName('10.0.53.140');
  const nC = eksNodeName('10.0.54.66');
  const nodes = [
    node({ name: nA, zone: 'eu-west-1a' }),
    node({ name: nB, zone: 'eu-west-1b', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(41))) }] }),
    node({ name: nC, zone: 'eu-west-1c', createdAgo: 44 }),
  ];
  const parseErr = "plugin/forward: /etc/coredns/Corefile:15 - Error during parsing: unknown policy 'sequentail'";
  const dns = coreDns([
    { node: nA },
    { node: nC, createdAgo: 40, story: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 0.2 }, 13) },
  ]);
  const [dnsOld, dnsNew] = [dns.pods[0], dns.pods[1]];
  const corefile = configMap({
    namespace: 'kube-system', name: 'coredns', createdAgo: 400 * DAYS, updatedAgo: 5 * HOURS + 12,
    data: {
      Corefile: [
        '.:53 {',
        '    errors',
        '    health {',
        '        lameduck 5s',
        '      }',
        '    ready',
        '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
        '      pods insecure',
        '      fallthrough in-addr.arpa ip6.arpa',
        '    }',
        '    prometheus :9153',
        '    forward . 10.40.0.2 10.40.0.3 {',
        '      max_concurrent 1000',
        '      health_check 5s',
        '      policy sequentail',
        '    }',
        '    cache 30',
        '    loop',
        '    reload',
        '    loadbalance',
        '}',
        '',
      ].join('\n'),
    },
  });
  const image = (v: string) => `${ECR}/pricing/quote-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '384Mi', env: [{ name: 'FX_FEED_URL', value: 'http://fx-feed.pricing.svc.cluster.local:8080' }, { name: 'RATES_DB_HOST', value: 'rates-db.cluster-cq81kz2m0t.eu-west-1.rds.amazonaws.com' }], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'quote-api', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-api 2.6.0', template: tpl('2.6.0') },
      { revision: 12, createdAgo: 28 * HOURS, changeCause: 'argocd: quote-api 2.6.1', template: tpl('2.6.1') },
    ],
    pods: [
      { revision: 12, node: nA, createdAgo: 28 * HOURS },
      { revision: 12, node: nC, createdAgo: 40, containers: { app: running({ sinceAgo: 39.5 }) } },
      { revision: 12, node: nA, createdAgo: 28 * HOURS - 1 },
    ],
    settled: { available: true, availableSince: 28 * HOURS - 2, progressingSince: 28 * HOURS, progressingUpdatedAgo: 28 * HOURS - 2 },
  });
  const fx = deploymentApp({
    namespace: ns, name: 'fx-feed', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 30 * DAYS, changeCause: 'argocd: fx-feed 1.4.2', template: { containers: [container({ image: `${ECR}/pricing/fx-feed:1.4.2`, ports: [8080], memory: '128Mi' })] } }],
    pods: [{ revision: 5, node: nA, createdAgo: 30 * DAYS }, { revision: 5, node: nC, createdAgo: 40 }],
  });
  const dnsIp = '172.20.0.10';
  const quoteLog = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.9 - k * 0.07;
      const port = 40000 + ((i * 7717 + k * 131) % 20000);
      out.push(i % 3 === 1
        ? `{"level":"info","ts":"${at(t)}","msg":"request","method":"GET","path":"/v1/quotes","status":200,"duration_ms":${5400 + i * 37}}`
        : `{"level":"error","ts":"${at(t)}","msg":"fx rates fetch failed","error":"Get \\"http://fx-feed.pricing.svc.cluster.local:8080/v1/rates?base=EUR\\": dial tcp: lookup fx-feed.pricing.svc.cluster.local on ${dnsIp}:53: read udp ${p.status?.podIP ?? ''}:${port}->${dnsIp}:53: i/o timeout"}`);
      if (i % 4 === 3) out.push(`{"level":"warn","ts":"${at(t - 0.01)}","msg":"request","method":"GET","path":"/v1/quotes","status":503,"duration_ms":10004}`);
    }
    return out.join('\n') + '\n';
  };
  const crashLog = lines(
    '[WARNING] No files matching import glob pattern: /etc/coredns/custom/*.server',
    parseErr,
  );
  return {
    id: 'heldout71-coredns-corefile-syntax-error',
    class: 'network',
    truth: "Five hours ago someone edited the kube-system/coredns ConfigMap to forward to the corporate resolvers and mistyped the forward plugin's policy (\"policy sequentail\"). The running CoreDNS pods refused the reload and kept their old config, but the node drain 40 minutes ago evicted one of them and its replacement crash-loops on the parse error (plugin/forward: unknown policy 'sequentail'), leaving a single overloaded CoreDNS replica; quote-api's lookups of fx-feed time out. Fix the Corefile.",
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...dns.objects, corefile, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-feed', selector: { app: 'fx-feed' }, pods: fx.pods }),
      nodeEvent(nB, 'NodeNotSchedulable', `Node ${nB} status is now: NodeNotSchedulable`, { firstAgo: 41 }),
      nodeEvent(nC, 'RegisteredNode', `Node ${nC} event: Registered Node ${nC} in Controller`, { firstAgo: 44, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: 'coredns-5b9dfbf96-m4x7q', namespace: 'kube-system' }, type: 'Normal', reason: 'Killing', message: 'Stopping container coredns', firstAgo: 40.5, lastAgo: 40.5 }),
      ...(dnsNew === undefined ? [] : [
        scheduled(dnsNew, 40),
        ...restartedAgain(dnsNew, 'coredns', dnsNew.spec?.containers[0]?.image ?? '', { count: 14, firstAgo: 39.9, lastAgo: 2.4 }),
        backOff(dnsNew, 'coredns', { count: 171, firstAgo: 39.8 }),
      ]),
      ...(dnsOld === undefined ? [] : [probeFailed(dnsOld, 'coredns', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 6, firstAgo: 31, lastAgo: 3 })]),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 14, firstAgo: 33, lastAgo: 1 })),
      event({ on: podOf(app, 0), reason: 'BackOff', message: 'Back-off restarting failed container app', count: 1, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...(dnsOld === undefined ? [] : [logsFor(dnsOld, 'coredns', { current: lines(
        '.:53',
        '[INFO] plugin/reload: Running configuration SHA512 = 6f2d0c5a0b9e1f3c7a42d51e9f6b0c8d2e4a7b1c3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a3b5c7d9e0f2a4b6c8d0e2f4a6b8c0d2e4',
        'CoreDNS-1.11.3',
        'linux/amd64, go1.22.7, a6338e9',
        `[ERROR] Restart failed: ${parseErr}`,
        '[INFO] 10.0.96.4:51231 - 18823 "A IN fx-feed.pricing.svc.cluster.local. udp 51 false 512" NOERROR qr,aa,rd 114 0.000201s',
        '[WARNING] plugin/health: Local health request to "http://:8080/health" took more than 1s: 1.822331412s',
        '[ERROR] plugin/errors: 2 rates-db.cluster-cq81kz2m0t.eu-west-1.rds.amazonaws.com. A: read udp 10.0.52.88:44113->10.0.0.2:53: i/o timeout',
        '[WARNING] plugin/health: Local health request to "http://:8080/health" took more than 1s: 2.410025917s',
      ) })]),
      ...(dnsNew === undefined ? [] : [logsFor(dnsNew, 'coredns', { current: crashLog, previous: crashLog })]),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: quoteLog(p, k) })),
      ...fx.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.6)}","msg":"rates refreshed","source":"ecb","pairs":42}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/coredns|kube-dns|\bDNS\b/i],
      facts: [/sequentail|unknown policy|Corefile/i, /i\/o timeout|lookup/i],
      never: [/\bOOM/, /NetworkPolicy/i, /fx-feed[^\n]*(down|crash)/i],
    },
  };
}

// ---- 3. a revision makes every transaction SERIALIZABLE; the code never retries 40001 --------------

function postgresSerializableNoRetry(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.118', ['27', '144', '230']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const baseEnv = [
    { name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.orders.svc.cluster.local:5432/orders?sslmode=disable&pool_max_conns=25' },
    { name: 'HTTP_ADDR', value: ':8080' },
  ];
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '512Mi', env: [...baseEnv, ...extra], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 2.7.4', template: tpl('2.7.4', []) },
      { revision: 23, createdAgo: 47, changeCause: 'argocd: order-service 2.7.4 (db: stricter isolation, INC-2291)', template: tpl('2.7.4', [{ name: 'PGOPTIONS', value: '-c default_transaction_isolation=serializable' }]) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 46 - k * 1.2 })),
  });
  const dbImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 120 * DAYS, template: { containers: [container({ name: 'postgres', image: dbImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '4Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe(5432, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 61 * DAYS }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-orders-db-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 120 * DAYS, storageClass: 'gp3' });
  const other = bystander(ns, 'order-notifier', names, 3 * HOURS, { revisions: [8, 9], versions: ['1.2.0', '1.2.1'], olderAgo: 14 * DAYS });
  const appLog = (k: number) => {
    const out: string[] = [
      `{"level":"info","ts":"${at(45.5 - k * 1.2)}","msg":"starting order-service","version":"2.7.4"}`,
      `{"level":"info","ts":"${at(45.5 - k * 1.2)}","msg":"db pool ready","host":"orders-db.orders.svc.cluster.local","max_conns":25}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 12 - i * 0.8 - k * 0.05;
      const id = 88_410_213 + i * 17 + k * 3;
      if (i % 3 === 0) out.push(`{"level":"info","ts":"${at(t)}","msg":"request","method":"POST","path":"/v1/orders","status":201,"duration_ms":${31 + i}}`);
      out.push(`{"level":"error","ts":"${at(t - 0.02)}","caller":"store/orders.go:214","msg":"place order failed","order_ref":"ORD-${id}","error":"commit: ERROR: could not serialize access due to read/write dependencies among transactions (SQLSTATE 40001)"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.03)}","msg":"request","method":"POST","path":"/v1/orders","status":500,"duration_ms":${44 + i * 3}}`);
      if (i % 5 === 4) out.push(`{"level":"error","ts":"${at(t - 0.04)}","caller":"store/stock.go:88","msg":"reserve stock failed","sku":"SKU-${4410 + i}","error":"ERROR: could not serialize access due to concurrent update (SQLSTATE 40001)"}`);
    }
    return out.join('\n') + '\n';
  };
  const pgLog = () => {
    const out: string[] = [`${pgTime(61 * DAYS - 1)} [1] LOG:  database system is ready to accept connections`];
    for (let i = 0; i < 6; i++) {
      const t = 11 - i * 1.7;
      const pid = 48_211 + i * 37;
      out.push(
        `${pgTime(t)} [${pid}] orders_app@orders ERROR:  could not serialize access due to read/write dependencies among transactions`,
        `${pgTime(t)} [${pid}] orders_app@orders DETAIL:  Reason code: Canceled on identification as a pivot, during commit attempt.`,
        `${pgTime(t)} [${pid}] orders_app@orders HINT:  The transaction might succeed if retried.`,
        `${pgTime(t)} [${pid}] orders_app@orders STATEMENT:  COMMIT`,
      );
    }
    out.push(`${pgTime(4)} [61] LOG:  checkpoint complete: wrote 2210 buffers (1.7%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.8 s, sync=0.004 s, total=269.9 s`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout71-postgres-serializable-no-retry',
    class: 'config',
    truth: 'Revision 23 of order-service (47 minutes ago, same image 2.7.4) added PGOPTIONS "-c default_transaction_isolation=serializable", so every transaction now runs SERIALIZABLE; the code never retries serialization failures, so under concurrent checkouts commits fail with "could not serialize access due to read/write dependencies among transactions" (SQLSTATE 40001) and POST /v1/orders returns 500 while every pod stays Ready. Roll back to revision 22 or add retries before going SERIALIZABLE.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...claim, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'order-notifier', selector: { app: 'order-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 3, 46),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 1, 45),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, 44),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 3 * HOURS),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.7.4'), 46 - k * 1.2)),
      event({ on: podOf(db, 0), reason: 'Unhealthy', message: 'Readiness probe failed: command timed out after 5s', count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: pgLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/serializ|40001|isolation/i],
      facts: [/default_transaction_isolation|PGOPTIONS/i, /revision 23|2\.7\.4/i],
      never: [/\bOOM/, /orders-db[^\n]*(down|unavailable|not ready)/i, /connection (refused|pool exhausted)/i],
    },
  };
}

// ---- 4. an old OpenSSL still walks the expired DST Root CA X3 cross-sign --------------------------

function dstRootExpiredOldOpenssl(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.160', ['9', '101', '187']);
  const image = (v: string) => `${ECR}/billing/invoice-sender:${v}`;
  const partner = 'api.settlr.eu';
  const tpl = (v: string, level: string) => ({
    containers: [container({
      image: image(v), ports: [8000], memory: '320Mi',
      env: [
        { name: 'SETTLR_BASE_URL', value: `https://${partner}/v2` },
        { name: 'LOG_LEVEL', value: level },
        { name: 'REQUESTS_CA_BUNDLE', value: '/etc/pki/tls/certs/ca-bundle.crt' },
      ],
      readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-sender', replicas: 2,
    revisions: [
      { revision: 57, createdAgo: 70 * DAYS, changeCause: 'jenkins: invoice-sender 2.14.0', template: tpl('2.14.0', 'INFO') },
      { revision: 58, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: 'jenkins: invoice-sender 2.14.0 LOG_LEVEL=WARNING', template: tpl('2.14.0', 'WARNING') },
    ],
    pods: [{ revision: 58, node: names[0] ?? '', createdAgo: 2 * DAYS + 3 * HOURS }, { revision: 58, node: names[1] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 1 }],
  });
  const mailer = deploymentApp({
    namespace: ns, name: 'receipt-mailer', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'jenkins: receipt-mailer 4.1.3', template: { containers: [container({ image: `${ECR}/billing/receipt-mailer:4.1.3`, ports: [8000], memory: '256Mi', env: [{ name: 'SETTLR_BASE_URL', value: `https://${partner}/v2` }], readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const sslErr = `requests.exceptions.SSLError: HTTPSConnectionPool(host='${partner}', port=443): Max retries exceeded with url: /v2/invoices (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1056)')))`;
  const senderLog = (k: number) => {
    const start = 2 * DAYS + 3 * HOURS - k - 0.4;
    const out: string[] = [
      `${pyTime(start)} INFO [invoice_sender.main] invoice-sender 2.14.0 starting (Python 3.7.9, OpenSSL 1.0.2k-fips  26 Jan 2017)`,
      `${pyTime(start)} INFO [invoice_sender.main] partner endpoint https://${partner}/v2, batch size 50`,
      `${pyTime(start - 0.05)} INFO [gunicorn.error] Listening at: http://0.0.0.0:8000 (1)`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 55 - i * 7 - k * 0.3;
      out.push(
        `${pyTime(t)} ERROR [invoice_sender.delivery] delivery of batch ${9120 + i * 2 + k} failed, 50 invoices re-queued (attempt ${i + 3}/12)`,
        'Traceback (most recent call last):',
        '  File "/opt/app/lib/python3.7/site-packages/urllib3/connectionpool.py", line 677, in urlopen',
        '    chunked=chunked,',
        '  File "/opt/app/lib/python3.7/site-packages/urllib3/connectionpool.py", line 381, in _make_request',
        '    self._validate_conn(conn)',
        '  File "/opt/app/lib/python3.7/site-packages/urllib3/connection.py", line 419, in connect',
        '    ssl_context=context,',
        '  File "/usr/lib64/python3.7/ssl.py", line 1139, in do_handshake',
        '    self._sslobj.do_handshake()',
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1056)",
        '',
        'During handling of the above exception, another exception occurred:',
        sslErr,
      );
    }
    out.push(`${pyTime(0.7)} WARNING [invoice_sender.queue] outbound queue depth 3150 (oldest 7h41m)`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout71-dst-root-expired-old-openssl',
    class: 'network',
    truth: "invoice-sender is built on an old CentOS 7 image (OpenSSL 1.0.2k, old ca-certificates). The partner api.settlr.eu switched to a Let's Encrypt chain that still includes ISRG Root X1 cross-signed by DST Root CA X3, which expired; OpenSSL 1.0.2 follows that path and fails \"certificate verify failed: certificate has expired\" although the partner's leaf is valid, so invoice deliveries fail and queue up. receipt-mailer, on a current image, calls the same partner fine; revision 58 (a log-level change two days ago) is unrelated. Rebuild on a current base image (or drop the expired root from the bundle).",
    ask: { service: 'invoice-sender', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mailer.objects,
      ...exposed({ namespace: ns, name: 'invoice-sender', selector: { app: 'invoice-sender' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'receipt-mailer', selector: { app: 'receipt-mailer' }, pods: mailer.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 2, 0, 2 * DAYS + 3 * HOURS),
      event({ on: podOf(mailer, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(mailer, 0).status?.podIP ?? ''}:8000/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 14 * HOURS, lastAgo: 14 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: senderLog(k) })),
      ...mailer.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `${pyTime(9 * DAYS - 0.3 - k * 0.01)} INFO [receipt_mailer] starting receipt-mailer 4.1.3 (Python 3.12.7, OpenSSL 3.0.15 3 Sep 2024)`,
        `${pyTime(12 - k)} INFO [receipt_mailer.settlr] POST https://${partner}/v2/receipts -> 201 (184 ms)`,
        `${pyTime(3 - k)} INFO [receipt_mailer.settlr] POST https://${partner}/v2/receipts -> 201 (171 ms)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/expired|DST Root|CERTIFICATE_VERIFY_FAILED|certificate|OpenSSL/i],
      facts: [/OpenSSL 1\.0\.2/i, lit(partner)],
      never: [ADVISES_ROLLBACK, /\bOOM/, /NetworkPolicy/i],
    },
  };
}

// ---- 5. one GPU fell off the bus (Xid 79): the inference pod on that node crash-loops ---------------

function gpuXidFallenOffBusOneNode(): CorpusScenario {
  const ns = 'ml-serving';
  const gpuIps = ['10.0.210.15', '10.0.211.72', '10.0.212.138'];
  const gpuNames = gpuIps.map(eksNodeName);
  const bad = gpuNames[1] ?? '';
  const gpuTaint = [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }];
  const gpuNodes = gpuNames.map((n, i) => node({
    name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', instanceType: 'g5.2xlarge', pool: 'gpu-a10g', createdAgo: 18 * DAYS,
    labels: { 'nvidia.com/gpu.present': 'true', 'nvidia.com/gpu.product': 'NVIDIA-A10G', workload: 'gpu' },
    taints: gpuTaint,
    allocatable: { cpu: '7910m', memory: '31270628Ki', pods: '58', 'ephemeral-storage': '95551679124', 'nvidia.com/gpu': n === bad ? '0' : '1' },
  }));
  // A g5.2xlarge's capacity: the device plugin still advertises the GPU, only allocatable drops when it turns unhealthy.
  for (const g of gpuNodes) if (g.status) g.status.capacity = { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '32386340Ki', pods: '58', 'nvidia.com/gpu': '1' };
  const general = threeEksNodes('10.0.200', ['11', '98', '176']);
  const image = (v: string) => `${ECR}/ml/embedder:${v}`;
  const tpl = (v: string) => ({
    containers: [{
      ...container({
        name: 'server', image: image(v), ports: [8000], cpu: '3', memory: '14Gi',
        env: [{ name: 'MODEL_ID', value: 'bge-large-en-v1.5' }, { name: 'MAX_BATCH_TOKENS', value: '16384' }],
        readiness: httpProbe('/health', 8000, { periodSeconds: 5 }), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 120, failureThreshold: 5 }),
      }),
      resources: { requests: { cpu: '3', memory: '14Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '14Gi', 'nvidia.com/gpu': '1' } },
    }],
    nodeSelector: { 'nvidia.com/gpu.present': 'true' },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  });
  const crashed = { exitCode: 1, finishedAgo: 3.1, ranSeconds: 9 };
  const app = deploymentApp({
    namespace: ns, name: 'embedder', replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 21 * DAYS, changeCause: 'argocd: embedder 0.9.2', template: tpl('0.9.2') },
      { revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: embedder 0.9.3', template: tpl('0.9.3') },
    ],
    pods: [
      { revision: 9, node: gpuNames[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 9, node: bad, createdAgo: 6 * DAYS - 4, containers: { server: crashLoop(crashed, 7) } },
      { revision: 9, node: gpuNames[2] ?? '', createdAgo: 6 * DAYS - 8 },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 8, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 8 },
  });
  const pluginImage = 'nvcr.io/nvidia/k8s-device-plugin:v0.16.2';
  const plugin = daemonSetApp({
    namespace: 'kube-system', name: 'nvidia-device-plugin-daemonset', selector: { name: 'nvidia-device-plugin-ds' },
    revisions: [{ revision: 4, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'nvidia-device-plugin-ctr', image: pluginImage, ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, env: [{ name: 'FAIL_ON_INIT_ERROR', value: 'false' }] })], tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }], nodeSelector: { 'nvidia.com/gpu.present': 'true' }, priorityClassName: 'system-node-critical' } }],
    pods: gpuNames.map((n) => ({ revision: 4, node: n, createdAgo: 18 * DAYS })),
  });
  const badPlugin = plugin.pods[1];
  const svc = exposed({ namespace: ns, name: 'embedder', selector: { app: 'embedder' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 });
  const other = bystander(ns, 'rerank-gateway', general.names, 4 * HOURS, { revisions: [3, 4], versions: ['1.0.7', '1.1.0'], olderAgo: 30 * DAYS });
  const badPod = podOf(app, 1);
  const gpuUuid = 'GPU-7c1f3e2a-58b4-9d0e-6a21-0f4b7d93c5e8';
  const crashLog = (t: number) => lines(
    `${pyTime(t)} INFO embedder.server: embedder 0.9.3 starting, torch 2.4.1+cu121`,
    `${pyTime(t - 0.1)} ERROR embedder.server: startup failed`,
    'Traceback (most recent call last):',
    '  File "/app/embedder/server.py", line 61, in startup',
    '    self.model = load_model(settings.model_id).to("cuda")',
    '  File "/usr/local/lib/python3.11/site-packages/torch/nn/modules/module.py", line 1174, in to',
    '    return self._apply(convert)',
    '  File "/usr/local/lib/python3.11/site-packages/torch/cuda/__init__.py", line 314, in _lazy_init',
    '    torch._C._cuda_init()',
    'RuntimeError: CUDA error: no CUDA-capable device is detected',
  );
  return {
    id: 'heldout71-gpu-xid-fallen-off-bus-one-node',
    class: 'nodes',
    truth: `The A10G GPU of node ${bad} fell off the bus about 38 minutes ago (NVRM Xid 79); the NVIDIA device plugin marked it unhealthy and the node's allocatable nvidia.com/gpu dropped to 0. The embedder replica on that node failed with "CUDA error: unspecified launch failure" and now crash-loops with "no CUDA-capable device is detected"; the two replicas on the other GPU nodes are fine. Cordon and drain the node and have the instance replaced (or reset the GPU).`,
    ask: { service: 'embedder', namespace: ns },
    objects: [
      ...gpuNodes, ...general.nodes, ...app.objects, ...plugin.objects, ...svc, ...other.objects,
      ...exposed({ namespace: ns, name: 'rerank-gateway', selector: { app: 'rerank-gateway' }, pods: other.pods }),
      ...restartedAgain(badPod, 'server', image('0.9.3'), { count: 8, firstAgo: 37.4, lastAgo: 3.3 }),
      backOff(badPod, 'server', { count: 96, firstAgo: 36 }),
      probeFailed(badPod, 'server', 'Readiness', `Get "http://${badPod.status?.podIP ?? ''}:8000/health": dial tcp ${badPod.status?.podIP ?? ''}:8000: connect: connection refused`, { count: 41, firstAgo: 37.5, lastAgo: 3 }),
      probeFailed(podOf(app, 0), 'server', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS }),
    ],
    logs: [
      logsFor(badPod, 'server', { current: crashLog(3.3), previous: crashLog(8.6) }),
      ...[0, 2].map((k) => logsFor(podOf(app, k), 'server', { current: lines(
        `${pyTime(6 * DAYS - 4 * k - 1)} INFO embedder.server: loading bge-large-en-v1.5 on cuda:0 (NVIDIA A10G, 22.1 GiB)`,
        `${pyTime(1.1)} INFO embedder.server: POST /embed 200 batch=32 tokens=${8800 + k} ${43 + k}.2ms`,
        `${pyTime(0.3)} INFO embedder.server: POST /embed 200 batch=27 tokens=${7410 + k} ${38 + k}.6ms`,
      ) })),
      ...(badPlugin === undefined ? [] : [logsFor(badPlugin, 'nvidia-device-plugin-ctr', { current: lines(
        `I1103 02:11:40.114027       1 main.go:317] Retrieving plugins.`,
        `I1103 02:11:40.392871       1 server.go:216] Starting GRPC server for 'nvidia.com/gpu'`,
        `I1103 02:11:40.395102       1 server.go:147] Starting to serve 'nvidia.com/gpu' on /var/lib/kubelet/device-plugins/nvidia-gpu.sock`,
        `I1103 02:11:40.401557       1 server.go:154] Registered device plugin for 'nvidia.com/gpu' with Kubelet`,
        `I1121 02:36:02.771305       1 health.go:136] Processing event {Device:{Handle:0x7f3a1c0e8f38} EventType:8 EventData:79 GpuInstanceId:4294967295 ComputeInstanceId:4294967295}`,
        `I1121 02:36:02.771390       1 health.go:162] XidCriticalError: Xid=79 on Device=${gpuUuid}; marking device as unhealthy.`,
        `I1121 02:36:02.771488       1 server.go:276] 'nvidia.com/gpu' device marked unhealthy: ${gpuUuid}`,
      ) })]),
      ...plugin.pods.filter((p) => p !== badPlugin).map((p) => logsFor(p, 'nvidia-device-plugin-ctr', { current: lines(
        `I1103 02:11:41.201993       1 server.go:154] Registered device plugin for 'nvidia.com/gpu' with Kubelet`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-211-72|GPU|Xid|CUDA/i],
      facts: [/Xid.?79|unhealthy/i, lit('ip-10-0-211-72')],
      never: [ADVISES_ROLLBACK, /\bOOM/, /embedder:0\.9\.3[^\n]*(broke|caused)/i],
    },
  };
}

// ---- 6. the nightly mysqldump with --lock-all-tables holds a global read lock ----------------------

function mysqldumpLockAllTablesCronJob(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.66', ['21', '139', '240']);
  const mysqlImage = 'docker.io/library/mysql:8.0.39';
  const db = statefulSetApp({
    namespace: ns, name: 'crm-mysql', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'mysql', image: mysqlImage, args: ['--innodb-buffer-pool-size=3G', '--max-connections=400'], ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '6Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe(3306, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 44 * DAYS }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-crm-mysql-0', storage: '500Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS, storageClass: 'gp3' });
  const image = (v: string) => `${ECR}/crm/contacts-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '384Mi', env: [{ name: 'MYSQL_DSN', value: 'contacts@tcp(crm-mysql.crm.svc.cluster.local:3306)/crm?parseTime=true&lock_wait_timeout=30&timeout=5s' }, { name: 'HTTP_WRITE_TIMEOUT', value: '30s' }], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'contacts-api', replicas: 3,
    revisions: [
      { revision: 65, createdAgo: 9 * DAYS, changeCause: 'argocd: contacts-api 7.2.0', template: tpl('7.2.0') },
      { revision: 66, createdAgo: 19 * HOURS, changeCause: 'argocd: contacts-api 7.2.1', template: tpl('7.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 66, node: names[k] ?? '', createdAgo: 19 * HOURS - k })),
    settled: { available: true, availableSince: 19 * HOURS - 3, progressingSince: 19 * HOURS, progressingUpdatedAgo: 19 * HOURS - 3 },
  });
  const backupImage = `${ECR}/platform/mysql-backup:8.0-2.3.0`;
  const backup = cronJob({
    namespace: ns, name: 'crm-mysql-backup', schedule: '0 3 * * *',
    template: {
      containers: [batchContainer({
        name: 'backup', image: backupImage, cpu: '500m', memory: '1Gi',
        command: ['/bin/sh', '-c'],
        args: ['set -o pipefail; echo "[backup] $(date -u +%FT%TZ) dumping crm-mysql-0 to s3://acme-crm-backups/nightly/"; mysqldump -h crm-mysql-0.crm-mysql.crm.svc.cluster.local -u backup --password="$MYSQL_PWD" --all-databases --lock-all-tables --routines --triggers --events --quick | gzip -6 | aws s3 cp - "s3://acme-crm-backups/nightly/crm-$(date -u +%F).sql.gz" --expected-size 60000000000; echo "[backup] done"'],
        env: [{ name: 'MYSQL_PWD', valueFrom: { secretKeyRef: { name: 'crm-mysql-backup', key: 'password' } } }],
      })],
      serviceAccountName: 'crm-backup',
    },
    jobs: [
      { createdAgo: 2 * DAYS + 14, pods: [{ phase: 'Succeeded', node: names[0] ?? '', createdAgo: 2 * DAYS + 14, containers: { backup: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(2 * DAYS + 14))), finishedAt: new Date(Date.parse(at(2 * DAYS - 38))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 2 * DAYS - 38 } },
      { createdAgo: DAYS + 14, pods: [{ phase: 'Succeeded', node: names[1] ?? '', createdAgo: DAYS + 14, containers: { backup: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(DAYS + 14))), finishedAt: new Date(Date.parse(at(DAYS - 41))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS - 41 } },
      { createdAgo: 14, pods: [{ node: names[0] ?? '', createdAgo: 14, containers: { backup: running({ sinceAgo: 13.8, ready: true }) } }] },
    ],
    lastSuccessfulAgo: DAYS - 41,
  });
  const runningJob = backup.jobs[2];
  const backupPod = runningJob?.pods[0];
  const other = bystander(ns, 'crm-web', names, 6 * HOURS, { revisions: [40, 41], versions: ['5.0.3', '5.0.4'], olderAgo: 12 * DAYS });
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"level":"info","ts":"${at(17)}","msg":"request","method":"PATCH","path":"/v1/contacts/C-${48211 + k}","status":200,"duration_ms":${12 + k}}`,
      `{"level":"info","ts":"${at(15)}","msg":"request","method":"GET","path":"/v1/contacts","status":200,"duration_ms":${21 + k}}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 12.5 - i * 1.1 - k * 0.06;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"store/contacts.go:171","msg":"db exec failed","query":"INSERT INTO contact_events (contact_id, kind, payload, created_at) VALUES (?, ?, ?, ?)","elapsed_ms":${30_002 + i * 3},"error":"Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.01)}","msg":"request","method":"${i % 2 === 0 ? 'POST' : 'PATCH'}","path":"/v1/contacts${i % 2 === 0 ? '' : `/C-${50100 + i}`}","status":504,"duration_ms":30004}`);
      if (i % 3 === 0) out.push(`{"level":"info","ts":"${at(t - 0.02)}","msg":"request","method":"GET","path":"/v1/contacts/C-${47700 + i}","status":200,"duration_ms":${9 + i}}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout71-mysqldump-lock-all-tables-cronjob',
    class: 'jobs',
    truth: 'The nightly CronJob crm-mysql-backup (03:00) runs mysqldump with --lock-all-tables instead of --single-transaction, so for the whole dump (still running 14 minutes later, the database has grown and it used to finish before traffic) crm-mysql holds a global read lock: contacts-api writes wait "Waiting for global read lock" until lock_wait_timeout and fail with Error 1205 "Lock wait timeout exceeded", and the API returns 504 on every write. Use --single-transaction (and stop this run).',
    ask: { service: 'contacts-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claim, ...app.objects, ...backup.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'contacts-api', selector: { app: 'contacts-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'crm-mysql', selector: { app: 'crm-mysql' }, pods: db.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], endpointPort: 3306, headless: true }),
      ...exposed({ namespace: ns, name: 'crm-web', selector: { app: 'crm-web' }, pods: other.pods }),
      cronJobEvent(backup.objects[0], 'SuccessfulCreate', `Created job ${nameOf(runningJob?.objects[0])}`, 14),
      jobEvent(runningJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(backupPod)}`, 14),
      ...(backupPod === undefined ? [] : startedNormally(backupPod, 'backup', backupImage, 13.9)),
      cronJobEvent(backup.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(backup.jobs[1]?.objects[0])}, status: Complete`, DAYS - 41),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9, firstAgo: 11, lastAgo: 1.5 })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 6 * HOURS),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...(backupPod === undefined ? [] : [logsFor(backupPod, 'backup', { current: lines(`[backup] ${at(13.8).slice(0, 19)}Z dumping crm-mysql-0 to s3://acme-crm-backups/nightly/`) })]),
      logsFor(podOf(db, 0), 'mysql', { current: lines(
        `${at(44 * DAYS - 0.5)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${at(3 * DAYS)} 1821 [Warning] [MY-010055] [Server] IP address '10.0.66.81' could not be resolved: Name or service not known`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/crm-mysql-backup|mysqldump|backup|global read lock|lock-all-tables/i],
      facts: [/lock-all-tables|global read lock|single-transaction/i, /1205|Lock wait timeout/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crm-mysql[^\n-]*(down|unavailable|crash)/i],
    },
  };
}

// ---- 7. healthy control: an nginx gateway that warns about proxy_headers_hash at every start -------

function healthyNginxProxyHeadersHash(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.30', ['12', '117', '219']);
  const image = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (cm: string) => ({
    containers: [container({ name: 'nginx', image, ports: [8080], cpu: '200m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080, { periodSeconds: 5 }), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] })],
    volumes: [{ name: 'conf', configMap: { name: cm, defaultMode: 420 } }],
    annotations: { 'checksum/config': cm === 'web-gateway-conf-7' ? '9c2e41f0b7d3a6e58f1c04b2d9a7e3c6f5b8a1d0e4c7b2f9a6d3e0c5b8f1a4d7' : '2b7f0a9c4e1d6b3f8a5c2e9d0b4f7a1c6e3d8b5f2a9c0e7d4b1f6a3c8e5d2b9f' },
  });
  const app = deploymentApp({
    namespace: ns, name: 'web-gateway', replicas: 3,
    revisions: [
      { revision: 6, createdAgo: 15 * DAYS, changeCause: 'argocd: web-gateway conf 6', template: tpl('web-gateway-conf-6') },
      { revision: 7, createdAgo: 5 * HOURS + 20, changeCause: 'argocd: web-gateway conf 7 (add X-Request-Start, tracing headers)', template: tpl('web-gateway-conf-7') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 5 * HOURS + 19 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 16, progressingSince: 5 * HOURS + 20, progressingUpdatedAgo: 5 * HOURS + 16 },
  });
  const conf = configMap({
    namespace: ns, name: 'web-gateway-conf-7', createdAgo: 5 * HOURS + 21,
    data: {
      'default.conf': [
        'upstream storefront { server storefront.edge.svc.cluster.local:8080; keepalive 32; }',
        'server {',
        '    listen 8080;',
        '    location = /nginx-health { access_log off; return 200 "ok"; }',
        '    location / {',
        '        proxy_http_version 1.1;',
        '        proxy_set_header Connection "";',
        '        proxy_set_header Host $host;',
        '        proxy_set_header X-Real-IP $remote_addr;',
        '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        '        proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;',
        '        proxy_set_header X-Request-Id $request_id;',
        '        proxy_set_header X-Request-Start "t=${msec}";',
        '        proxy_set_header traceparent $http_traceparent;',
        '        proxy_set_header tracestate $http_tracestate;',
        '        proxy_pass http://storefront;',
        '    }',
        '}',
        '',
      ].join('\n'),
    },
  });
  const store = deploymentApp({
    namespace: ns, name: 'storefront', replicas: 2,
    revisions: [{ revision: 31, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront 12.4.0', template: { containers: [container({ image: `${ECR}/edge/storefront:12.4.0`, ports: [8080], memory: '512Mi' })] } }],
    pods: [{ revision: 31, node: names[1] ?? '', createdAgo: 3 * DAYS }, { revision: 31, node: names[2] ?? '', createdAgo: 3 * DAYS }],
  });
  const paths = ['/', '/products/sku-8812', '/cart', '/static/app.4f1c2e.js', '/api/recommendations?limit=8', '/products/sku-1043'];
  const ngLog = (p: k8s.V1Pod, k: number) => {
    const start = 5 * HOURS + 19 - k - 0.2;
    const out: string[] = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ngxTime(start)} [warn] 1#1: could not build optimal proxy_headers_hash, you should increase either proxy_headers_hash_max_size: 512 or proxy_headers_hash_bucket_size: 64; ignoring proxy_headers_hash_bucket_size`,
      `nginx: [warn] could not build optimal proxy_headers_hash, you should increase either proxy_headers_hash_max_size: 512 or proxy_headers_hash_bucket_size: 64; ignoring proxy_headers_hash_bucket_size`,
      `${ngxTime(start)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(start)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(start)} [notice] 1#1: built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) `,
      `${ngxTime(start)} [notice] 1#1: OS: Linux 6.1.112-124.190.amzn2023.x86_64`,
      `${ngxTime(start)} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${ngxTime(start)} [notice] 1#1: start worker processes`,
      `${ngxTime(start)} [notice] 1#1: start worker process 30`,
      `${ngxTime(start)} [notice] 1#1: start worker process 31`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 3 - i * 0.25 - k * 0.03;
      const path = paths[(i + k) % paths.length] ?? '/';
      out.push(`10.0.${30 + (i % 3)}.${40 + ((i * 13 + k) % 200)} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 200 ${1800 + ((i * 7331 + k * 97) % 42000)} "https://shop.acme.example/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" "${p.status?.podIP ?? ''}"`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout71-healthy-nginx-proxy-headers-hash-warn',
    class: 'healthy',
    truth: 'web-gateway is healthy: revision 7 (five hours ago) added a few proxy_set_header lines, so nginx warns at every start that it "could not build optimal proxy_headers_hash" and ignores proxy_headers_hash_bucket_size; the warning is cosmetic (the hash is built with the fallback sizes), every pod is Ready and the access logs show 200s.',
    ask: { service: 'web-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, conf, ...store.objects,
      ...exposed({ namespace: ns, name: 'web-gateway', selector: { app: 'web-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: store.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 7), 3, 0, 5 * HOURS + 20),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 0, 3, 5 * HOURS + 16),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'nginx', image, 5 * HOURS + 19 - k)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: ngLog(p, k) })),
      ...store.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.5)}","msg":"request","method":"GET","path":"/products/sku-8812","status":200,"duration_ms":18}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/web-gateway|healthy|no (problem|issue)/i],
      facts: [/web-gateway/],
      never: [/proxy_headers_hash/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  configMapEnvEditNewPodsOnly(),
  coreDnsCorefileSyntaxError(),
  postgresSerializableNoRetry(),
  dstRootExpiredOldOpenssl(),
  gpuXidFallenOffBusOneNode(),
  mysqldumpLockAllTablesCronJob(),
  healthyNginxProxyHeadersHash(),
];
