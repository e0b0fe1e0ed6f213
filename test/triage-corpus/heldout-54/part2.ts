// Held-out stories, fifty-fourth round, part two (written blind): orders-api calling inventory
// through its internal AWS NLB, whose Service a Helm change moved to instance targets with client
// IP preservation, so the one call in six the NLB sends to the caller's own node times out
// (hairpinning); a websocket fan-out whose Redis Pub/Sub subscriber Redis keeps closing for
// overcoming its pubsub output-buffer limit after the publisher started sending full snapshots; a
// Java gRPC client that sends every call over one HTTP/2 connection and queues behind the server's
// MAX_CONCURRENT_STREAMS of 100 as Black Friday traffic grows; a Kafka Connect JDBC sink whose task
// died on a new Avro field the table lacks (auto.evolve off, errors.tolerance none, no DLQ); a
// Node.js API that added a user_id label to its request histogram, so each Prometheus scrape blocks
// its event loop for seconds and the liveness probe on the same port times out; a Python resizer
// whose thread count and glibc malloc arenas scale with the 64 cores of a new node group, so only
// the pods there are OOMKilled; and a healthy control: a CPU-bound nightly statement renderer at
// its CPU limit with its HPA pinned at max while the queue drains on schedule.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, batchContainer, configMap, container, cronJob, deploymentApp, endpointSliceFor, epochMs, event,
  execProbe, exposed, hpa, httpProbe, ipOf, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf,
  scaledReplicaSet, service, statefulSetApp, tcpProbe, terminated, running, clfTime,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.filter((l) => l.length > 0).join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Redis' log time: `21 Nov 2026 02:31:07.412`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}
/** Log4j's default time in Kafka's images: `2026-11-21 02:38:12,904`. */
const kTime = pyTime;
/** A clock time (HH:MM) `minutes` before or after NOW (negative = after). */
const hhmm = (minutes: number): string => at(minutes).slice(11, 16);

/** A node of a given size: the kit's node with capacity and allocatable of the instance type. */
function sizedNode(o: { ip: string; zone: string; pool: string; instanceType: string; cpu: number; memoryKi: number; pods: number; createdAgo: number }): k8s.V1Node {
  const n = node({
    name: eksNodeName(o.ip),
    zone: o.zone,
    pool: o.pool,
    instanceType: o.instanceType,
    createdAgo: o.createdAgo,
    readySince: o.createdAgo - 1,
    allocatable: { cpu: `${o.cpu * 1000 - (o.cpu >= 32 ? 230 : 90)}m`, 'ephemeral-storage': '95491281146', memory: `${o.memoryKi - 1_179_648}Ki`, pods: String(o.pods) },
  });
  if (n.status) n.status.capacity = { cpu: String(o.cpu), 'ephemeral-storage': '104845292Ki', memory: `${o.memoryKi}Ki`, pods: String(o.pods) };
  return n;
}

// ---- 1. NLB hairpinning: instance targets with client IP preservation -------------------------------

function nlbHairpinInstanceTargets(): CorpusScenario {
  const ns = 'commerce';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const hostIps = ['10.0.131.21', '10.0.162.58', '10.0.177.97', '10.0.149.133', '10.0.171.170', '10.0.185.214'];
  const nodes = hostIps.map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i % 3] ?? 'eu-west-1a', instanceType: 'm6i.2xlarge', createdAgo: (34 - 4 * i) * DAYS }));
  const names = nodes.map(nameOf);
  const host = 'inventory.commerce.internal.acme.io';
  const nlbHost = 'k8s-commerce-inventor-3f9a1c2e7b-0d4b8e6a2c1f5937.elb.eu-west-1.amazonaws.com';
  const nlbIps = ['10.0.141.87', '10.0.163.12', '10.0.180.240'];

  const ordersImage = (v: string) => `${ECR}/commerce/orders-api:${v}`;
  const ordersTpl = (v: string) => ({
    containers: [container({
      image: ordersImage(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'INVENTORY_URL', value: `http://${host}` },
        { name: 'INVENTORY_DIAL_TIMEOUT', value: '1s' },
        { name: 'INVENTORY_TIMEOUT', value: '2s' },
        { name: 'INVENTORY_RETRIES', value: '1' },
        { name: 'PAYMENTS_URL', value: 'http://payments-gateway.payments.svc.cluster.local:8080' },
        { name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.cluster-cq4v1x8k2m.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const orders = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 4,
    revisions: [
      { revision: 111, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 4.19.1', template: ordersTpl('4.19.1') },
      { revision: 112, createdAgo: 20 * HOURS, changeCause: 'argocd: orders-api 4.19.2', template: ordersTpl('4.19.2') },
    ],
    pods: [0, 2, 3, 5].map((n, k) => ({ revision: 112, node: names[n] ?? '', createdAgo: 20 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 20 * HOURS - 5, progressingSince: 20 * HOURS, progressingUpdatedAgo: 20 * HOURS - 5 },
  });

  const invImage = `${ECR}/commerce/inventory-api:2.33.0`;
  const inventory = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [{ revision: 45, createdAgo: 16 * DAYS, changeCause: 'argocd: inventory-api 2.33.0', template: { containers: [container({ image: invImage, ports: [8080], cpu: '500m', memory: '768Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] } }],
    pods: [1, 2, 4].map((n, k) => ({ revision: 45, node: names[n] ?? '', createdAgo: 16 * DAYS - k })),
  });
  const fulfil = deploymentApp({
    namespace: ns,
    name: 'fulfillment-worker',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 8 * DAYS, changeCause: 'argocd: fulfillment-worker 1.12.0', template: { containers: [container({ image: `${ECR}/commerce/fulfillment-worker:1.12.0`, ports: [8080], cpu: '250m', memory: '384Mi', env: [{ name: 'INVENTORY_URL', value: 'http://inventory-api.commerce.svc.cluster.local:8080' }, { name: 'KAFKA_BROKERS', value: 'b-1.prod-msk.x7k2qp.c4.kafka.eu-west-1.amazonaws.com:9092' }] })] } }],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 8 * DAYS }, { revision: 19, node: names[4] ?? '', createdAgo: 8 * DAYS - 1 }],
  });

  // The NLB Service: Helm moved it from ip to instance targets, with client IPs kept, 52 minutes ago.
  const base = service({ namespace: ns, name: 'inventory-api-nlb', selector: { app: 'inventory-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], type: 'LoadBalancer', createdAgo: 212 * DAYS });
  const nlb: k8s.V1Service = {
    ...base,
    metadata: {
      ...base.metadata,
      labels: { app: 'inventory-api', 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        'meta.helm.sh/release-name': 'inventory-api',
        'meta.helm.sh/release-namespace': ns,
        'external-dns.alpha.kubernetes.io/hostname': host,
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
        'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true,deregistration_delay.timeout_seconds=30',
        'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/ready',
        'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': 'traffic-port',
      },
      finalizers: ['service.k8s.aws/resources'],
      managedFields: [
        { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(212 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
        { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(52), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': {} } } },
        { manager: 'aws-load-balancer-controller', operation: 'Update', apiVersion: 'v1', time: ago(51.6), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:loadBalancer': {} } }, subresource: 'status' },
      ],
    },
    spec: {
      ...base.spec,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 31847 }],
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
    },
    status: { loadBalancer: { ingress: [{ hostname: nlbHost }] } },
  };
  const other = bystander(ns, 'cart-service', names, 3 * HOURS + 10, { revisions: [63, 64], versions: ['6.2.0', '6.2.1'], olderAgo: 12 * DAYS });

  // orders-api: about one inventory call in six dials the NLB and gets no answer, since 52 minutes.
  const changeAgo = 51.5;
  const orderLog = (k: number): string => {
    const out: string[] = [
      `{"level":"info","ts":"${at(20 * HOURS - 1.5 - k)}","caller":"cmd/orders-api/main.go:64","msg":"starting orders-api","version":"4.19.2","commit":"b81c0de"}`,
      `{"level":"info","ts":"${at(20 * HOURS - 1.5 - k)}","caller":"inventory/client.go:52","msg":"inventory client ready","base_url":"http://${host}","dial_timeout":"1s","timeout":"2s","retries":1}`,
      `{"level":"info","ts":"${at(20 * HOURS - 1.4 - k)}","caller":"httpserver/server.go:38","msg":"listening","addr":":8080"}`,
    ];
    let i = 0;
    for (let t = 58; t >= 0.2; t -= 1 / 3, i++) {
      const order = `ord_${(912_340 + i * 7 + k * 3).toString(36)}`;
      const failing = t < changeAgo && (i * 5 + k * 7) % 6 === 2;
      if (failing) {
        const ip = nlbIps[(i + k) % 3] ?? '10.0.141.87';
        out.push(`{"level":"error","ts":"${at(t)}","caller":"inventory/client.go:118","msg":"reserve stock failed","order_id":"${order}","attempt":1,"error":"Post \\"http://${host}/v2/reservations\\": dial tcp ${ip}:80: i/o timeout"}`);
        if ((i + k) % 7 === 3) {
          const ip2 = nlbIps[(i + k + 1) % 3] ?? '10.0.163.12';
          out.push(`{"level":"error","ts":"${at(t - 0.018)}","caller":"inventory/client.go:118","msg":"reserve stock failed","order_id":"${order}","attempt":2,"error":"Post \\"http://${host}/v2/reservations\\": dial tcp ${ip2}:80: i/o timeout"}`);
          out.push(`{"level":"warn","ts":"${at(t - 0.034)}","caller":"httpserver/log.go:41","msg":"request","method":"POST","path":"/v1/orders","status":503,"duration_ms":${2040 + ((i * 13) % 60)},"error":"inventory unavailable"}`);
        } else {
          out.push(`{"level":"info","ts":"${at(t - 0.018)}","caller":"inventory/client.go:131","msg":"reserve stock succeeded on retry","order_id":"${order}","attempt":2,"duration_ms":${14 + (i % 9)}}`);
          out.push(`{"level":"info","ts":"${at(t - 0.019)}","caller":"httpserver/log.go:41","msg":"request","method":"POST","path":"/v1/orders","status":201,"duration_ms":${1090 + ((i * 17) % 70)}}`);
        }
      } else if (i % 4 === 1) {
        out.push(`{"level":"info","ts":"${at(t)}","caller":"httpserver/log.go:41","msg":"request","method":"GET","path":"/v1/orders/${order}","status":200,"duration_ms":${6 + (i % 5)}}`);
      } else {
        out.push(`{"level":"info","ts":"${at(t)}","caller":"httpserver/log.go:41","msg":"request","method":"POST","path":"/v1/orders","status":201,"duration_ms":${71 + ((i * 29 + k) % 55)}}`);
      }
      if (i % 3 === 2) {
        const calls = 1150 + ((i * 37 + k * 11) % 90);
        const timeouts = t < changeAgo ? Math.round(calls / 6) + ((i * 13 + k * 7) % 15) - 7 : 0;
        out.push(`{"level":"info","ts":"${at(t - 0.05)}","caller":"inventory/client.go:201","msg":"inventory client stats","window":"1m","calls":${calls},"ok":${calls - timeouts},"dial_timeouts":${timeouts},"other_errors":0,"p50_ms":${12 + (i % 4)},"p99_ms":${timeouts > 0 ? 1003 + (i % 7) : 41 + (i % 9)}}`);
      }
    }
    return lines(...out);
  };
  const invLog = (k: number) => lines(
    `{"time":"${at(16 * DAYS - k - 0.5)}","level":"INFO","msg":"inventory-api starting","version":"2.33.0","addr":":8080"}`,
    ...[40, 28, 17, 9, 3, 0.6].flatMap((t, j) => [
      `{"time":"${at(t + 0.2)}","level":"INFO","msg":"POST /v2/reservations","status":201,"dur_ms":${7 + ((j + k) % 6)},"remote":"${ipOf(podOf(fulfil, j % 2))}:${41_000 + j * 17}"}`,
      `{"time":"${at(t)}","level":"INFO","msg":"POST /v2/reservations","status":201,"dur_ms":${9 + ((j * 3 + k) % 5)},"remote":"${hostIps[(j + k) % 6] ?? '10.0.131.21'}:${52_000 + j * 131}"}`,
      `{"time":"${at(t - 0.1)}","level":"INFO","msg":"GET /v2/stock/sku-${4410 + j * 7}","status":200,"dur_ms":${3 + (j % 3)},"remote":"${ipOf(podOf(fulfil, (j + 1) % 2))}:${41_200 + j * 11}"}`,
    ]),
  );
  const fulfilLog = (k: number) => lines(
    ...[44, 31, 19, 8, 2].flatMap((t, j) => [
      `{"level":"info","ts":"${at(t)}","msg":"consumed","topic":"orders.placed.v3","partition":${(j + k) % 12},"offset":${88_120_331 + j * 412 + k * 9}}`,
      `{"level":"info","ts":"${at(t - 0.01)}","msg":"stock reserved","inventory":"http://inventory-api.commerce.svc.cluster.local:8080","status":201,"duration_ms":${8 + ((j + k) % 5)}}`,
    ]),
  );
  const nlbEvent = event({ on: nlb, type: 'Normal', reason: 'SuccessfullyReconciled', message: 'Successfully reconciled', firstAgo: 51.7, lastAgo: 51.7, component: 'service' });
  return {
    id: 'heldout54-nlb-hairpin-instance-targets-client-ip',
    class: 'network',
    truth: `orders-api reserves stock by calling inventory through ${host}, the DNS name of the internal NLB of the inventory-api-nlb Service. 52 minutes ago a Helm change moved that NLB from ip targets to instance targets (nlb-target-type: instance, preserve_client_ip.enabled=true, externalTrafficPolicy Cluster), so all six nodes are targets and the NLB keeps the caller's pod IP as source. NLBs do not support hairpinning with client IP preservation: whenever the NLB picks the caller's own node the connection times out (dial tcp <NLB IP>:80: i/o timeout), about 1 call in 6 (six nodes), some orders fail with 503 after the retry. inventory-api is healthy, and fulfillment-worker, which calls it through the ClusterIP Service, sees no errors. Fix: call inventory through inventory-api.commerce.svc.cluster.local from inside the cluster, or go back to ip targets / disable client IP preservation.`,
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...orders.objects, ...inventory.objects, ...fulfil.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: orders.pods }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: inventory.pods }),
      nlb, endpointSliceFor(nlb, inventory.pods, 8080),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 64), 2, 0, 3 * HOURS + 10),
      nlbEvent,
    ],
    logs: [
      ...orders.pods.map((p, k) => logsFor(p, 'app', { current: orderLog(k) })),
      ...inventory.pods.map((p, k) => logsFor(p, 'app', { current: invLog(k) })),
      ...fulfil.pods.map((p, k) => logsFor(p, 'app', { current: fulfilLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /NLB|load ?balancer|inventory-api-nlb|inventory\.commerce\.internal/i,
        /hairpin|loopback|same (node|instance)|own node|client[- ]IP preservation|preserve_client_ip|instance targets?|target[- ]type/i,
      ],
      facts: [
        /inventory-api-nlb|inventory\.commerce\.internal\.acme\.io/,
        /i\/o timeout|dial(ing)? time(d)? ?out|connect(ion)? time(d)? ?out/i,
        /ClusterIP|svc\.cluster\.local|ip targets|target[- ]type:? ?ip\b|preserve_client_ip\.enabled=false|disabl\w* client[- ]IP preservation/i,
      ],
      never: [
        /orders-api[^\n]*(roll(ing)? ?back|rollout undo)|revision 112[^\n]*(caused|broke|introduced)/i,
        /inventory-api[^\n]*\b(is|are) (down|crash\w*|unhealthy|not ready|overloaded)/i,
        /\bOOM/,
        /NetworkPolicy[^\n]*(block|den(y|ies))/i,
      ],
    },
  };
}

// ---- 2. Redis Pub/Sub: the subscriber closed for overcoming its output-buffer limit ------------------

function redisPubsubOutputBufferLimit(): CorpusScenario {
  const ns = 'live';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '120', '203']);
  const gwImage = `${ECR}/live/ws-gateway:5.3.2`;
  const gw = deploymentApp({
    namespace: ns,
    name: 'ws-gateway',
    replicas: 4,
    revisions: [{
      revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: ws-gateway 5.3.2',
      template: { containers: [container({
        image: gwImage, ports: [8080], cpu: '1', memory: '1Gi',
        env: [
          { name: 'REDIS_URL', value: 'redis://redis-pubsub.live.svc.cluster.local:6379' },
          { name: 'REDIS_SUBSCRIBE_PATTERNS', value: 'match:*' },
          { name: 'WS_MAX_CLIENTS', value: '25000' },
          { name: 'NODE_OPTIONS', value: '--max-old-space-size=768' },
        ],
        readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      })] },
    }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 40, node: names[k % 3] ?? '', createdAgo: 12 * DAYS - k })),
  });
  const redisConf = [
    'bind 0.0.0.0',
    'port 6379',
    'protected-mode no',
    'tcp-keepalive 60',
    'timeout 0',
    'save ""',
    'appendonly no',
    'maxmemory 1gb',
    'maxmemory-policy noeviction',
    'client-output-buffer-limit normal 0 0 0',
    'client-output-buffer-limit replica 256mb 64mb 60',
    'client-output-buffer-limit pubsub 32mb 8mb 60',
    'loglevel notice',
    '',
  ].join('\n');
  const conf = configMap({ namespace: ns, name: 'redis-pubsub-config', createdAgo: 26 * DAYS, data: { 'redis.conf': redisConf } });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis-pubsub',
    replicas: 1,
    createdAgo: 26 * DAYS,
    revisions: [{
      revision: 1, createdAgo: 26 * DAYS,
      template: {
        containers: [container({
          name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', command: ['redis-server', '/etc/redis/redis.conf'],
          ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '1536Mi',
          readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
          volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'redis-pubsub-config', defaultMode: 420 } }],
      },
    }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 26 * DAYS }],
  });
  const feedImage = (v: string) => `${ECR}/live/match-feed:${v}`;
  const feedTpl = (v: string, mode: string) => ({ containers: [container({ image: feedImage(v), ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'REDIS_URL', value: 'redis://redis-pubsub.live.svc.cluster.local:6379' }, { name: 'PUBLISH_MODE', value: mode }, { name: 'PROVIDER_WS', value: 'wss://feed.sportsdata.example.net/v4/stream' }] })] });
  const feed = deploymentApp({
    namespace: ns,
    name: 'match-feed',
    replicas: 2,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: match-feed 2.9.4', template: feedTpl('2.9.4', 'delta') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: match-feed 3.0.0', template: feedTpl('3.0.0', 'snapshot') },
    ],
    pods: [{ revision: 58, node: names[0] ?? '', createdAgo: 46.5 }, { revision: 58, node: names[2] ?? '', createdAgo: 45.8 }],
  });
  const redisPod = podOf(redis, 0);
  const redisIp = ipOf(redisPod);

  // Redis closes each gateway's subscriber every few minutes since the snapshots started.
  const closes: { pod: number; t: number; id: number }[] = [];
  let id = 48_213;
  for (let k = 0; k < 4; k++) for (let t = 43.2 - k * 0.7; t > 0.8; t -= 3.1 + ((k * 7 + Math.round(t)) % 5) * 0.45) closes.push({ pod: k, t, id: id++ });
  closes.sort((a, b) => b.t - a.t);
  const clientLine = (c: { pod: number; t: number; id: number }, i: number) => {
    const p = podOf(gw, c.pod);
    const hard = i % 3 !== 1;
    const omem = hard ? 33_554_432 + ((i * 104_729) % 400_000) : 9_120_448 + ((i * 7919) % 900_000);
    const age = hard ? 95 + ((i * 53) % 140) : 61 + (i % 9);
    return `1:M ${redisTime(c.t)} # Client id=${c.id} addr=${ipOf(p)}:${40_000 + ((c.id * 37) % 20_000)} laddr=${redisIp}:6379 fd=${14 + (i % 9)} name=${nameOf(p)}-sub age=${age} idle=0 flags=P db=0 sub=0 psub=1 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=${Math.round(omem / 16_384)} omem=${omem} tot-mem=${omem + 22_400} events=rw cmd=psubscribe user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits.`;
  };
  const redisLog = lines(
    `1:C ${redisTime(26 * DAYS)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(26 * DAYS)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(26 * DAYS)} * Configuration loaded`,
    `1:M ${redisTime(26 * DAYS)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(26 * DAYS)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(26 * DAYS)} * Server initialized`,
    `1:M ${redisTime(26 * DAYS)} * Ready to accept connections tcp`,
    ...closes.map(clientLine),
  );

  const gwLog = (k: number): string => {
    const p = podOf(gw, k);
    const host = nameOf(p);
    const base = (level: number, t: number) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}"`;
    const out: string[] = [
      `${base(30, 12 * DAYS - k - 0.4)},"msg":"ws-gateway 5.3.2 listening","port":8080}`,
      `${base(30, 12 * DAYS - k - 0.4)},"msg":"redis subscriber ready","patterns":["match:*"]}`,
    ];
    const mine = closes.filter((c) => c.pod === k).map((c) => c.t);
    for (let t = 58, i = 0; t > 0.3; t -= 1, i++) {
      const after = t < 46;
      out.push(`${base(30, t)},"msg":"ws stats","clients":${17_100 + ((i * 211 + k * 97) % 1400)},"redis_msgs_per_s":${after ? 190 + ((i * 7) % 40) : 205 + ((i * 11) % 40)},"avg_msg_bytes":${after ? 402_000 + ((i * 7919 + k * 131) % 21_000) : 2_100 + ((i * 31) % 400)},"ws_send_buffered_mb":${after ? 140 + ((i * 13) % 90) : 3 + (i % 4)},"event_loop_lag_ms":${after ? 610 + ((i * 37 + k * 19) % 400) : 4 + (i % 5)}}`);
      for (const c of mine.filter((c) => c <= t && c > t - 1)) {
        out.push(`${base(40, c - 0.002)},"msg":"redis subscriber connection closed by server, reconnecting","attempt":1,"delayMs":50}`);
        out.push(`${base(30, c - 0.004)},"msg":"redis subscriber ready","patterns":["match:*"],"resubscribed":true}`);
        out.push(`${base(40, c - 0.02)},"msg":"sequence gap on match stream, clients must resync","channel":"match:${4_471_800 + ((Math.round(c * 10) + k) % 40)}","expected":${1_880 + (i % 30)},"got":${1_911 + (i % 30)},"clients_affected":${900 + ((i * 59) % 1500)}}`);
      }
    }
    return lines(...out);
  };
  const feedLog = (k: number) => lines(
    `{"level":"info","ts":"${at(46.3 - k * 0.7)}","msg":"match-feed 3.0.0 starting","publish_mode":"snapshot"}`,
    `{"level":"info","ts":"${at(46.2 - k * 0.7)}","msg":"connected to provider","url":"wss://feed.sportsdata.example.net/v4/stream","matches_live":${212 + k}}`,
    ...[30, 18, 9, 4, 1].map((t, j) => `{"level":"info","ts":"${at(t)}","msg":"publish stats","window":"1m","messages":${5_700 + ((j * 311 + k * 17) % 900)},"avg_bytes":${398_000 + ((j * 7919) % 26_000)},"max_bytes":${701_000 + j * 1_337},"channels":${212 + k}}`),
    `{"level":"warn","ts":"${at(12)}","msg":"provider heartbeat late","late_ms":2140}`,
  );
  return {
    id: 'heldout54-redis-pubsub-output-buffer-limit',
    class: 'network',
    truth: 'ws-gateway fans match updates out to ~70k websocket clients from a Redis Pub/Sub subscription (psubscribe match:*) on redis-pubsub. 47 minutes ago match-feed 3.0.0 switched from deltas to full match snapshots (~400 KB per message instead of ~2 KB); the single-threaded gateways cannot read that fast, so their subscriber output buffers in Redis grow past client-output-buffer-limit pubsub 32mb 8mb 60 and Redis closes them ("scheduled to be closed ASAP for overcoming of output buffer limits"). The gateways reconnect and resubscribe every few minutes, lose the messages in between (sequence gaps, stale scores) and never crash or restart; Redis itself is healthy. Fix: go back to deltas (or smaller messages) and/or raise the pubsub output-buffer limit while the gateway consumes faster.',
    ask: { service: 'ws-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...redis.objects, ...feed.objects, conf,
      ...exposed({ namespace: ns, name: 'ws-gateway', selector: { app: 'ws-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'redis-pubsub', selector: { app: 'redis-pubsub' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(feed), rsOf(feed, 58), 2, 0, 46.6),
      scaledReplicaSet(deploymentOf(feed), rsOf(feed, 57), 0, 2, 45.5),
    ],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
      logsFor(redisPod, 'redis', { current: redisLog }),
      ...feed.pods.map((p, k) => logsFor(p, 'app', { current: feedLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/output[- ]buffer|client-output-buffer-limit|slow (subscriber|consumer)/i],
      facts: [/client-output-buffer-limit|pubsub 32mb 8mb 60|32\s?mb/i, /redis-pubsub/, /reconnect|resubscri/i],
      never: [
        /\bOOM/,
        /ws-gateway[^\n]*\b(crash\w*|restart(ed|ing|s))\b/i,
        /redis-pubsub[^\n]*\b(is|was) (down|crash\w*|not ready|unreachable)/i,
        /maxmemory|evict(ed|ion|ing)/i,
      ],
    },
  };
}

// ---- 3. gRPC: one HTTP/2 connection against MAX_CONCURRENT_STREAMS 100 -------------------------------

function grpcMaxConcurrentStreams(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.54', ['33', '141', '222']);
  const target = 'dns:///rates-svc.pricing.svc.cluster.local:9090';
  const ratesIp = '172.20.61.93';
  const quote = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 19 * DAYS, changeCause: 'argocd: quote-api 7.3.2', template: { containers: [container({ image: `${ECR}/pricing/quote-api:7.3.2` })] } },
      {
        revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: quote-api 7.4.0',
        template: { containers: [container({
          image: `${ECR}/pricing/quote-api:7.4.0`, ports: [8080], cpu: '1', memory: '1536Mi',
          env: [
            { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
            { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC' },
            { name: 'GRPC_CLIENT_RATES_ADDRESS', value: target },
            { name: 'GRPC_CLIENT_RATES_NEGOTIATIONTYPE', value: 'PLAINTEXT' },
            { name: 'RATES_DEADLINE_MS', value: '500' },
            { name: 'SERVER_TOMCAT_THREADS_MAX', value: '400' },
          ],
          readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
          liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 2 }),
        })] },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const rates = deploymentApp({
    namespace: ns,
    name: 'rates-svc',
    replicas: 4,
    revisions: [{
      revision: 31, createdAgo: 21 * DAYS, changeCause: 'argocd: rates-svc 2.11.0',
      template: { containers: [container({
        image: `${ECR}/pricing/rates-svc:2.11.0`, args: ['--grpc-addr=:9090', '--http-addr=:8081', '--grpc-max-concurrent-streams=100', '--db-pool-size=40'],
        ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'http', containerPort: 8081 }], cpu: '1', memory: '512Mi',
        readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 5 }),
      })] },
    }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[(k + 1) % 3] ?? '', createdAgo: 21 * DAYS - k })),
  });
  const other = bystander(ns, 'promo-engine', names, 35, { revisions: [20, 21], versions: ['3.4.0', '3.4.1'], olderAgo: 10 * DAYS });
  // Each quote-api pod holds one connection, pinned by the ClusterIP to one rates-svc pod: 0 -> rates 0, 1 and 2 -> rates 2.
  const connOf = [0, 2, 2];
  const rampStart = 46;
  const load = (t: number) => (t > rampStart ? 0 : (rampStart - t) / rampStart); // 0 .. 1 as the campaign traffic arrives

  const springLine = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [quote-api] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const quoteLog = (k: number): string => {
    const out: string[] = [
      springLine(6 * DAYS - k - 1.2, 'INFO', 'main', 'c.acme.quote.QuoteApiApplication', 'Starting QuoteApiApplication v7.4.0 using Java 21.0.5 with PID 1'),
      springLine(6 * DAYS - k - 1.1, 'INFO', 'main', 'c.acme.quote.rates.RatesGateway', `rates client: target=${target} deadline=500ms negotiation=PLAINTEXT`),
      springLine(6 * DAYS - k - 1.0, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      springLine(6 * DAYS - k - 1.0, 'INFO', 'main', 'c.acme.quote.QuoteApiApplication', 'Started QuoteApiApplication in 14.218 seconds (process running for 15.902)'),
    ];
    for (let t = 58, i = 0; t > 0.2; t -= 0.5, i++) {
      const l = load(t);
      const cart = `c_${(7_700_000 + i * 131 + k * 17).toString(36)}`;
      const n = 4 + ((i * 7 + k) % 19);
      if (l > 0.45 && (i + k) % 2 === 0) {
        const exec = `io-8080-exec-${40 + ((i * 11 + k) % 360)}`;
        out.push(springLine(t, 'WARN', exec, 'c.acme.quote.rates.RatesGateway', `GetRates failed for cart ${cart} (${n} lines) after ${500 + (i % 4)} ms: io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 0.4997${String(10_000 + ((i * 7919) % 89_999)).slice(0, 5)}s. [closed=[], open=[[remote_addr=rates-svc.pricing.svc.cluster.local/${ratesIp}:9090]]]`));
        out.push(springLine(t - 0.003, 'WARN', exec, 'c.acme.quote.web.RequestLog', `POST /v2/quotes 503 ${503 + (i % 6)}ms lines=${n} error=RATES_UNAVAILABLE`));
      } else {
        out.push(springLine(t, 'INFO', `io-8080-exec-${12 + ((i * 5 + k) % 200)}`, 'c.acme.quote.web.RequestLog', `POST /v2/quotes 200 ${Math.round(38 + l * 380 + ((i * 13) % 30))}ms lines=${n}`));
      }
      if (i % 2 === 1) {
        const calls = Math.round(9_000 + l * 13_500 + ((i * 97 + k * 41) % 600));
        const failed = l > 0.3 ? Math.round(calls * (l - 0.3) * 0.45) : 0;
        const inflight = Math.round(55 + l * 420 + ((i * 7) % 20));
        out.push(springLine(t - 0.01, 'INFO', 'rates-stats-1', 'c.acme.quote.rates.RatesGateway', `rates client stats (60s): channel=${target} state=READY calls=${calls} ok=${calls - failed} deadline_exceeded=${failed} in_flight_peak=${inflight} p50=${Math.round(31 + l * 260)}ms p99=${l > 0.3 ? 500 : Math.round(58 + l * 300)}ms`));
      }
      if (i === 40) out.push(springLine(t - 0.02, 'WARN', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).'));
    }
    return lines(...out);
  };
  const ratesLog = (r: number): string => {
    const conns = connOf.filter((c) => c === r).length;
    const out: string[] = [
      `{"time":"${at(21 * DAYS - r - 0.3)}","level":"INFO","msg":"grpc listening","addr":":9090","max_concurrent_streams":100}`,
      `{"time":"${at(21 * DAYS - r - 0.3)}","level":"INFO","msg":"http listening","addr":":8081"}`,
    ];
    for (let t = 58, i = 0; t > 0.5; t -= 1, i++) {
      const l = load(t);
      const rpcs = conns === 0 ? 0 : Math.round(conns * (3_000 + Math.min(l, 0.45) * 6_800 + ((i * 31 + r) % 200)));
      const peak = conns === 0 ? 0 : Math.min(100, Math.round(18 + l * 190)) * conns;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"grpc server stats","window":"60s","conns":${conns},"rpcs":${rpcs},"active_streams_peak":${peak},"per_conn_streams_peak":${conns === 0 ? 0 : Math.min(100, Math.round(18 + l * 190))},"handler_p50_ms":${conns === 0 ? 0 : 28 + (i % 5)},"handler_p99_ms":${conns === 0 ? 0 : 57 + (i % 9)},"errors":0,"cpu_cores":${(conns === 0 ? 0.02 : 0.12 + conns * (0.09 + Math.min(l, 0.45) * 0.2)).toFixed(2)},"db_pool_in_use":${conns * 6 + (i % 4)}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout54-grpc-single-connection-max-concurrent-streams',
    class: 'capacity',
    truth: `quote-api (grpc-java) sends every rates lookup over one ManagedChannel to ${target}: a ClusterIP, so each quote-api pod holds a single HTTP/2 connection, pinned to one rates-svc pod. rates-svc advertises MAX_CONCURRENT_STREAMS 100 (--grpc-max-concurrent-streams=100). As Black Friday campaign traffic arrived over the last ~45 minutes, each client needed 300-450 calls in flight; grpc-java buffers the streams over 100 locally, so they wait until their 500 ms deadline and fail with DEADLINE_EXCEEDED (quote-api answers 503) while rates-svc handles each call in ~30 ms, uses a fraction of a core and two of its four pods have no connection at all. quote-api's HPA does not scale because its CPU is low. Fix: more connections (a channel pool, or client-side round-robin over a headless Service), or raise the server's stream limit.`,
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...quote.objects, ...rates.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: quote.pods }),
      ...exposed({ namespace: ns, name: 'rates-svc', selector: { app: 'rates-svc' }, clusterIP: ratesIp, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], pods: rates.pods, endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'promo-engine', selector: { app: 'promo-engine' }, pods: other.pods }),
      hpa({ namespace: ns, name: 'quote-api', target: { kind: 'Deployment', name: 'quote-api' }, min: 3, max: 12, current: 3, desired: 3, cpu: { current: 27, target: 70, averageValue: '271m' }, lastScaleAgo: 6 * DAYS }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 21), 2, 0, 35),
    ],
    logs: [
      ...quote.pods.map((p, k) => logsFor(p, 'app', { current: quoteLog(k) })),
      ...rates.pods.map((p, r) => logsFor(p, 'app', { current: ratesLog(r) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MAX_CONCURRENT_STREAMS|max[- _]concurrent[- _]streams|concurrent streams?|stream limit|(single|one) (HTTP\/2 |gRPC |TCP )?connection/i],
      facts: [/DEADLINE_EXCEEDED|deadline exceeded/i, /\b100\b/, /rates-svc/],
      never: [
        /rates-svc[^\n]*(overload\w*|saturat\w*|CPU[- ]bound|out of CPU|too slow)/i,
        /CPU throttl/i,
        /\bOOM/,
        ADVISES_ROLLBACK,
      ],
    },
  };
}

// ---- 4. Kafka Connect: a sink task FAILED on an upstream schema change --------------------------------

function kafkaConnectSinkTaskFailed(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.96', ['40', '152', '229']);
  const image = `${ECR}/data-platform/kafka-connect:7.7.1-jdbc10.8.0`;
  const brokers = 'b-1.prod-msk.x7k2qp.c4.kafka.eu-west-1.amazonaws.com:9092,b-2.prod-msk.x7k2qp.c4.kafka.eu-west-1.amazonaws.com:9092,b-3.prod-msk.x7k2qp.c4.kafka.eu-west-1.amazonaws.com:9092';
  const connect = deploymentApp({
    namespace: ns,
    name: 'kafka-connect',
    replicas: 3,
    revisions: [{
      revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: kafka-connect 7.7.1-jdbc10.8.0',
      template: { containers: [container({
        image, ports: [{ name: 'rest', containerPort: 8083 }], cpu: '1', memory: '3Gi',
        env: [
          { name: 'CONNECT_BOOTSTRAP_SERVERS', value: brokers },
          { name: 'CONNECT_GROUP_ID', value: 'connect-prod' },
          { name: 'CONNECT_CONFIG_STORAGE_TOPIC', value: 'connect-prod-configs' },
          { name: 'CONNECT_OFFSET_STORAGE_TOPIC', value: 'connect-prod-offsets' },
          { name: 'CONNECT_STATUS_STORAGE_TOPIC', value: 'connect-prod-status' },
          { name: 'CONNECT_KEY_CONVERTER', value: 'org.apache.kafka.connect.storage.StringConverter' },
          { name: 'CONNECT_VALUE_CONVERTER', value: 'io.confluent.connect.avro.AvroConverter' },
          { name: 'CONNECT_VALUE_CONVERTER_SCHEMA_REGISTRY_URL', value: 'http://schema-registry.data-platform.svc.cluster.local:8081' },
          { name: 'CONNECT_REST_ADVERTISED_HOST_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
          { name: 'CONNECT_PLUGIN_PATH', value: '/usr/share/java,/usr/share/confluent-hub-components' },
          { name: 'KAFKA_HEAP_OPTS', value: '-Xms2g -Xmx2g' },
        ],
        readiness: httpProbe('/', 'rest', { periodSeconds: 10, timeoutSeconds: 3 }),
        liveness: httpProbe('/', 'rest', { initialDelaySeconds: 90, timeoutSeconds: 5 }),
      })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const registry = deploymentApp({
    namespace: ns,
    name: 'schema-registry',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 41 * DAYS, changeCause: 'argocd: schema-registry 7.7.1', template: { containers: [container({ image: 'confluentinc/cp-schema-registry:7.7.1', ports: [8081], cpu: '250m', memory: '1Gi', readiness: httpProbe('/subjects', 8081), liveness: httpProbe('/', 8081, { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 6, node: names[2] ?? '', createdAgo: 41 * DAYS }, { revision: 6, node: names[0] ?? '', createdAgo: 41 * DAYS - 1 }],
  });
  const other = bystander(ns, 'clickstream-ingest', names, 2 * HOURS + 5, { revisions: [33, 34], versions: ['1.18.0', '1.18.1'], olderAgo: 15 * DAYS });
  const connectors = configMap({
    namespace: ns,
    name: 'kafka-connect-connectors',
    createdAgo: 140 * DAYS,
    updatedAgo: 11 * DAYS,
    data: {
      'orders-jdbc-sink.json': JSON.stringify({
        name: 'orders-jdbc-sink',
        config: {
          'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
          'tasks.max': '1',
          topics: 'orders.v1',
          'connection.url': 'jdbc:postgresql://reporting-db.cluster-cq4v1x8k2m.eu-west-1.rds.amazonaws.com:5432/reporting',
          'connection.user': '${file:/opt/secrets/reporting-db.properties:user}',
          'connection.password': '${file:/opt/secrets/reporting-db.properties:password}',
          'table.name.format': 'orders',
          'insert.mode': 'upsert',
          'pk.mode': 'record_value',
          'pk.fields': 'order_id',
          'auto.create': 'false',
          'auto.evolve': 'false',
          'errors.tolerance': 'none',
          'errors.log.enable': 'false',
        },
      }, null, 2),
      'payments-s3-sink.json': JSON.stringify({
        name: 'payments-s3-sink',
        config: {
          'connector.class': 'io.confluent.connect.s3.S3SinkConnector',
          'tasks.max': '3',
          topics: 'payments.v2',
          's3.bucket.name': 'acme-datalake-raw-prod',
          's3.region': 'eu-west-1',
          'flush.size': '5000',
          'rotate.interval.ms': '300000',
          'format.class': 'io.confluent.connect.s3.format.parquet.ParquetFormat',
          'errors.tolerance': 'all',
          'errors.deadletterqueue.topic.name': 'dlq.payments-s3-sink',
        },
      }, null, 2),
    },
  });
  const failAgo = 35.8;
  const field = "SinkRecordField{schema=Schema{STRING}, name='fulfillment_channel', isPrimaryKey=false}";
  const missing = `Table "orders" is missing fields ([${field}]) and auto-evolution is disabled`;
  const probe = (p: number, t: number, i: number) => `${podOf(connect, p).status?.hostIP ?? '10.0.96.40'} - - [${clfTime(t)}] "GET / HTTP/1.1" 200 91 "-" "kube-probe/1.31" ${1 + (i % 3)} (org.apache.kafka.connect.runtime.rest.RestServer:62)`;
  const s3 = (task: number, part: number, t: number, i: number) => `[${kTime(t)}] INFO [payments-s3-sink|task-${task}] Files committed to S3. Target commit offset for payments.v2-${part} is ${8_812_440 + i * 5_000 + part * 1_000_003} (io.confluent.connect.s3.TopicPartitionWriter:683)`;
  const connectLog = (p: number): string => {
    const out: string[] = [
      `[${kTime(6 * DAYS - p - 1)}] INFO Kafka Connect worker initializing ... (org.apache.kafka.connect.cli.AbstractConnectCli:114)`,
      `[${kTime(6 * DAYS - p - 0.9)}] INFO Kafka version: 7.7.1-ccs (org.apache.kafka.common.utils.AppInfoParser:124)`,
      `[${kTime(6 * DAYS - p - 0.5)}] INFO [Worker clientId=connect-${p + 1}, groupId=connect-prod] Joined group at generation 211 with protocol version 2 and got assignment: Assignment{error=0, leader='connect-1-7f1c', leaderUrl='http://${ipOf(podOf(connect, 0))}:8083/', offset=1419, connectorIds=[${p === 1 ? 'orders-jdbc-sink' : 'payments-s3-sink'}], taskIds=[${p === 1 ? 'orders-jdbc-sink-0, payments-s3-sink-1' : `payments-s3-sink-${p === 0 ? 0 : 2}`}], revokedConnectorIds=[], revokedTaskIds=[], delay=0} with rebalance delay: 0 (org.apache.kafka.connect.runtime.distributed.DistributedHerder:2580)`,
    ];
    for (let t = 50, i = 0; t > 0.3; t -= 2.5, i++) {
      out.push(probe(p, t, i));
      if (p === 1 && i % 3 === 0) out.push(`10.0.97.203 - - [${clfTime(t - 0.1)}] "GET /connectors?expand=status HTTP/1.1" 200 ${t < failAgo ? 618 : 611} "-" "connect-exporter/0.9.2" ${9 + (i % 7)} (org.apache.kafka.connect.runtime.rest.RestServer:62)`);
      if (i % 2 === 0) out.push(s3(p, (p * 4 + i) % 12, t - 0.3, i));
      if (p === 1 && t > failAgo && t - 2.5 <= failAgo) {
        out.push(
          `[${kTime(failAgo + 0.02)}] INFO [orders-jdbc-sink|task-0] Attempting to open connection #1 to PostgreSql (io.confluent.connect.jdbc.util.CachedConnectionProvider:79)`,
          `[${kTime(failAgo)}] ERROR [orders-jdbc-sink|task-0] WorkerSinkTask{id=orders-jdbc-sink-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted. Error: ${missing} (org.apache.kafka.connect.runtime.WorkerSinkTask:633)`,
          `io.confluent.connect.jdbc.sink.TableAlterOrCreateException: ${missing}`,
          '\tat io.confluent.connect.jdbc.sink.DbStructure.amendIfNecessary(DbStructure.java:190)',
          '\tat io.confluent.connect.jdbc.sink.DbStructure.createOrAmendIfNecessary(DbStructure.java:84)',
          '\tat io.confluent.connect.jdbc.sink.BufferedRecords.add(BufferedRecords.java:122)',
          '\tat io.confluent.connect.jdbc.sink.JdbcDbWriter.write(JdbcDbWriter.java:74)',
          '\tat io.confluent.connect.jdbc.sink.JdbcSinkTask.put(JdbcSinkTask.java:90)',
          '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:605)',
          '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.poll(WorkerSinkTask.java:344)',
          '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.iteration(WorkerSinkTask.java:246)',
          '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.execute(WorkerSinkTask.java:215)',
          '\tat org.apache.kafka.connect.runtime.WorkerTask.doRun(WorkerTask.java:225)',
          '\tat org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:280)',
          '\tat java.base/java.lang.Thread.run(Thread.java:840)',
          `[${kTime(failAgo - 0.001)}] ERROR [orders-jdbc-sink|task-0] WorkerSinkTask{id=orders-jdbc-sink-0} Task threw an uncaught and unrecoverable exception (org.apache.kafka.connect.runtime.WorkerTask:234)`,
          'org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.',
          '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:635)',
          '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.poll(WorkerSinkTask.java:344)',
          '\tat org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:280)',
          `Caused by: io.confluent.connect.jdbc.sink.TableAlterOrCreateException: ${missing}`,
          '\t... 11 more',
          `[${kTime(failAgo - 0.002)}] ERROR [orders-jdbc-sink|task-0] WorkerSinkTask{id=orders-jdbc-sink-0} Task is being killed and will not recover until manually restarted (org.apache.kafka.connect.runtime.WorkerTask:235)`,
          `[${kTime(failAgo - 0.003)}] INFO [orders-jdbc-sink|task-0] Stopping task (io.confluent.connect.jdbc.sink.JdbcSinkTask:161)`,
          `[${kTime(failAgo - 0.004)}] INFO [orders-jdbc-sink|task-0] Closing connection #1 to PostgreSql (io.confluent.connect.jdbc.util.CachedConnectionProvider:107)`,
          `[${kTime(failAgo - 0.006)}] INFO [orders-jdbc-sink|task-0] [Consumer clientId=connector-consumer-orders-jdbc-sink-0, groupId=connect-orders-jdbc-sink] Revoke previously assigned partitions orders.v1-0, orders.v1-1, orders.v1-2, orders.v1-3, orders.v1-4, orders.v1-5 (org.apache.kafka.clients.consumer.internals.ConsumerRebalanceListenerInvoker:80)`,
          `[${kTime(failAgo - 0.007)}] INFO [orders-jdbc-sink|task-0] [Consumer clientId=connector-consumer-orders-jdbc-sink-0, groupId=connect-orders-jdbc-sink] Member connector-consumer-orders-jdbc-sink-0-3b1f9e2c-7a41-4d0e-9c55-1e8f2a6b4d73 sending LeaveGroup request to coordinator b-2.prod-msk.x7k2qp.c4.kafka.eu-west-1.amazonaws.com:9092 (id: 2147483645 rack: null) due to the consumer is being closed (org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:1172)`,
        );
      }
    }
    return lines(...out);
  };
  const registryLog = (r: number) => lines(
    ...[48, 30, 12, 2].map((t, j) => `[${kTime(t)}] INFO ${ipOf(podOf(connect, j % 3))} - - [${clfTime(t)}] "GET /schemas/ids/${1040 + j} HTTP/1.1" 200 2711 "-" "Java/17.0.12" 3 (io.confluent.rest-utils.requests:62)`),
    ...(r === 0
      ? [
          `[${kTime(36.9)}] INFO Registering new schema: subject orders.v1-value, version null, id null, type AVRO, schema size 2896 (io.confluent.kafka.schemaregistry.rest.resources.SubjectVersionsResource:363)`,
          `[${kTime(36.9)}] INFO 10.0.77.212 - - [${clfTime(36.9)}] "POST /subjects/orders.v1-value/versions HTTP/1.1" 200 12 "-" "Java/21.0.5" 41 (io.confluent.rest-utils.requests:62)`,
          `[${kTime(35.85)}] INFO ${ipOf(podOf(connect, 1))} - - [${clfTime(35.85)}] "GET /schemas/ids/1047?fetchMaxId=false&subject=orders.v1-value HTTP/1.1" 200 2896 "-" "Java/17.0.12" 2 (io.confluent.rest-utils.requests:62)`,
        ]
      : []),
  );
  return {
    id: 'heldout54-kafka-connect-sink-task-failed-schema-change',
    class: 'config',
    truth: 'The orders team registered a new version of the orders.v1-value Avro schema 37 minutes ago, adding a field fulfillment_channel (with a default, so the registry accepted it). The orders-jdbc-sink connector on kafka-connect (JDBC sink into the reporting Postgres, auto.evolve=false, errors.tolerance=none, no dead-letter queue) hit the first record of the new version: "Table "orders" is missing fields (fulfillment_channel) and auto-evolution is disabled", and its only task went to FAILED ("Task is being killed and will not recover until manually restarted"). The Connect worker pods stay Running and Ready (the REST API answers the probes) and the payments-s3-sink keeps working, while the connect-orders-jdbc-sink consumer lag on orders.v1 grows. Fix: add the column (or enable auto.evolve), then restart the task (POST /connectors/orders-jdbc-sink/tasks/0/restart); consider a DLQ.',
    ask: { service: 'kafka-connect', namespace: ns },
    objects: [
      ...nodes, ...connect.objects, ...registry.objects, ...other.objects, connectors,
      ...exposed({ namespace: ns, name: 'kafka-connect', selector: { app: 'kafka-connect' }, ports: [{ name: 'rest', port: 8083, targetPort: 'rest' }], pods: connect.pods, endpointPort: 8083 }),
      ...exposed({ namespace: ns, name: 'schema-registry', selector: { app: 'schema-registry' }, ports: [{ name: 'http', port: 8081, targetPort: 'http' }], pods: registry.pods, endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'clickstream-ingest', selector: { app: 'clickstream-ingest' }, pods: other.pods }),
    ],
    logs: [
      ...connect.pods.map((p, k) => logsFor(p, 'app', { current: connectLog(k) })),
      ...registry.pods.map((p, r) => logsFor(p, 'app', { current: registryLog(r) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /orders-jdbc-sink/,
        /fulfillment_channel|missing (field|column)s?|schema|auto[.-]?evol|FAILED|killed|will not recover|unrecoverable|(task|connector)[^\n]{0,40}(failed|dead|stopped)/i,
      ],
      facts: [
        /fulfillment_channel/,
        /manually restart|restart (the )?(task|connector)|\/restart|will not recover/i,
        /errors\.tolerance|dead[- ]letter|DLQ|auto\.evolve|ALTER TABLE|add (the )?(missing )?column/i,
      ],
      never: [
        /\bOOM/,
        /kafka-connect[^\n]*(crash\w*|restart loop|CrashLoop)/i,
        /(broker|MSK)[^\n]*\b(down|unreachable|unavailable)/i,
        ADVISES_ROLLBACK,
      ],
    },
  };
}

// ---- 5. A user_id label: /metrics scrapes block the event loop, liveness on the same port times out ---

function highCardinalityMetricsLiveness(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.112', ['25', '139', '246']);
  const image = (v: string) => `${ECR}/accounts/profile-api:${v}`;
  const tpl = (v: string, labels: string) => ({
    annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3000', 'prometheus.io/path': '/metrics' },
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '2Gi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PORT', value: '3000' },
        { name: 'HTTP_METRICS_LABELS', value: labels },
        { name: 'PG_URL', value: 'postgres://profile_app@accounts-db.cluster-cq4v1x8k2m.eu-west-1.rds.amazonaws.com:5432/accounts' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/healthz', 3000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15, timeoutSeconds: 2 }),
    })],
  });
  const rolledAgo = 19 * HOURS;
  const ups = [12, 37, 3, 26];
  const restarts = [16, 14, 17, 15];
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 11 * DAYS, changeCause: 'argocd: profile-api 3.7.4', template: tpl('3.7.4', 'method,route,status_code') },
      { revision: 27, createdAgo: rolledAgo, changeCause: 'argocd: profile-api 3.8.0', template: tpl('3.8.0', 'method,route,status_code,user_id') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 27,
      node: names[k % 3] ?? '',
      createdAgo: rolledAgo - 1 - k,
      containers: { app: running({ sinceAgo: ups[k] ?? 10, ready: k !== 1, restarts: restarts[k] ?? 1, last: { exitCode: 143, reason: 'Error', finishedAgo: (ups[k] ?? 10) + 0.2, ranSeconds: (38 + k * 4) * 60 } }) },
    })),
    settled: { available: true, availableSince: 6, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 6 },
  });
  const other = bystander(ns, 'session-service', names, 2 * HOURS + 20, { revisions: [51, 52], versions: ['2.2.6', '2.2.7'], olderAgo: 20 * DAYS });
  const promIps = ['10.0.113.47', '10.0.114.9'];
  const probeDetail = (p: k8s.V1Pod) => `Get "http://${ipOf(p)}:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;

  const runLog = (p: k8s.V1Pod, startAgo: number, endAgo: number, k: number, killed: boolean): string => {
    const host = nameOf(p);
    const b = (level: number, t: number) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}"`;
    const out: string[] = [
      `${b(30, startAgo)},"msg":"profile-api 3.8.0 starting","node":"v20.18.1"}`,
      `${b(30, startAgo - 0.01)},"msg":"http metrics enabled","metric":"http_request_duration_seconds","labels":["method","route","status_code","user_id"],"buckets":12}`,
      `${b(30, startAgo - 0.02)},"msg":"pg pool ready","max":20}`,
      `${b(30, startAgo - 0.03)},"msg":"server listening","port":3000}`,
    ];
    let req = 10_000 * (k + 1);
    for (let t = startAgo - 0.25, i = 0; t > endAgo; t -= 0.25, i++) {
      const up = startAgo - t; // minutes since start
      const bytes = Math.round(1_900_000 + up * 3_650_000 + ((i * 7919) % 250_000));
      const ms = Math.round(bytes / 14_000 + ((i * 37) % 200));
      if (i % 2 === 0) {
        const user = `u_${(0x5f3a91c2 + i * 104_729 + k * 7).toString(16)}`;
        out.push(`${b(30, t)},"reqId":${req++},"req":{"method":"GET","url":"/v1/profiles/${user}"},"res":{"statusCode":200},"responseTime":${ms > 3000 ? 2000 + (i % 900) : 11 + (i % 17)},"msg":"request completed"}`);
      }
      {
        out.push(`${b(30, t - 0.01)},"reqId":${req++},"req":{"method":"GET","url":"/metrics","remoteAddress":"${promIps[i % 2] ?? '10.0.113.47'}","userAgent":"Prometheus/2.54.1"},"res":{"statusCode":200,"contentLength":${bytes}},"responseTime":${ms},"msg":"request completed"}`);
        if (ms > 2500) out.push(`${b(40, t - 0.012)},"msg":"event loop blocked","blockedMs":${ms - 40 - (i % 30)},"threshold":1000}`);
        if (ms > 6000 && i % 4 === 1) out.push(`${b(30, t - 0.013)},"reqId":${req++},"req":{"method":"GET","url":"/healthz","remoteAddress":"${p.status?.hostIP ?? '10.0.112.25'}","userAgent":"kube-probe/1.31"},"res":{"statusCode":200},"responseTime":${ms - 120},"msg":"request completed"}`);
      }
    }
    if (killed) out.push(`${b(30, endAgo + 0.01)},"msg":"SIGTERM received, closing server","openConnections":${140 + k * 9}}`);
    return lines(...out);
  };
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
    ...exposed({ namespace: ns, name: 'session-service', selector: { app: 'session-service' }, pods: other.pods }),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 52), 2, 0, 2 * HOURS + 20),
  ];
  app.pods.forEach((p, k) => {
    const n = restarts[k] ?? 1;
    // Pods up for more than ~20 minutes serve scrapes slow enough to fail probes again.
    const lastFail = (ups[k] ?? 10) > 20 ? 0.3 + k * 0.2 : (ups[k] ?? 10) + 0.5;
    objects.push(
      probeFailed(p, 'app', 'Liveness', probeDetail(p), { count: n * 3 + 4, firstAgo: rolledAgo - 95 - k * 7, lastAgo: lastFail }),
      probeFailed(p, 'app', 'Readiness', probeDetail(p), { count: n * 5 + 11, firstAgo: rolledAgo - 97 - k * 7, lastAgo: lastFail }),
      probeKilling(p, 'app', 'liveness', { count: n, firstAgo: rolledAgo - 95 - k * 7, lastAgo: (ups[k] ?? 10) + 0.3 }),
      ...restartedAgain(p, 'app', image('3.8.0'), { count: n, firstAgo: rolledAgo - 94 - k * 7, lastAgo: ups[k] ?? 10 }),
    );
  });
  return {
    id: 'heldout54-user-id-label-metrics-scrape-liveness',
    class: 'probes',
    truth: 'profile-api 3.8.0 (revision 27, 19 hours ago) added user_id to the labels of its http_request_duration_seconds histogram (HTTP_METRICS_LABELS). Every distinct user now creates new series, so within half an hour of each start /metrics serves over a million series (100+ MB) and prom-client renders it on the Node.js event loop: each Prometheus scrape (two replicas, every 30 s) blocks the process for 5-12 seconds. The liveness probe /healthz is served by the same process on port 3000 with a 2 s timeout, so it times out during scrapes and the kubelet restarts the container (exit 143) every 30-50 minutes, 14-17 restarts per pod; readiness flaps too. Not a memory or database problem. Fix: drop the user_id label (roll back to revision 26 or set HTTP_METRICS_LABELS back), keep per-user data in logs/traces.',
    ask: { service: 'profile-api', namespace: ns },
    objects,
    logs: app.pods.map((p, k) => logsFor(p, 'app', {
      current: runLog(p, ups[k] ?? 10, 0.1, k, false),
      previous: runLog(p, (ups[k] ?? 10) + 0.2 + (38 + k * 4), (ups[k] ?? 10) + 0.2, k, true),
    })),
    expect: {
      verdict: 'problems',
      headline: [/\/metrics|scrape|cardinality|user_id|(time )?series/i],
      facts: [/user_id/, /liveness/i, /\/metrics|Prometheus/],
      never: [/\bOOM/, /memory leak/i, /(postgres|database|accounts-db)[^\n]*(slow|down|unreachable)/i, /session-service/],
    },
  };
}

// ---- 6. glibc malloc arenas on 64-core nodes: OOMKilled only there -------------------------------------

function mallocArenas64CoreNodes(): CorpusScenario {
  const ns = 'media';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const small = ['10.0.64.18', '10.0.80.142', '10.0.96.77', '10.0.65.203'].map((ip, i) => sizedNode({ ip, zone: zones[i % 3] ?? 'eu-west-1a', pool: 'general', instanceType: 'm6i.2xlarge', cpu: 8, memoryKi: 32_408_668, pods: 58, createdAgo: (38 - 5 * i) * DAYS }));
  const big = ['10.0.70.91', '10.0.87.36'].map((ip, i) => sizedNode({ ip, zone: zones[i] ?? 'eu-west-1a', pool: 'compute-xl', instanceType: 'c7i.16xlarge', cpu: 64, memoryKi: 130_451_436, pods: 737, createdAgo: 20 * HOURS - i * 3 }));
  const smallNames = small.map(nameOf);
  const bigNames = big.map(nameOf);
  const image = (v: string) => `${ECR}/media/image-resizer:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '2', memory: '3Gi',
    env: [
      { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/media-resize-jobs' },
      { name: 'OUTPUT_BUCKET', value: 'acme-media-derived-prod' },
      { name: 'PYTHONUNBUFFERED', value: '1' },
      { name: 'LOG_LEVEL', value: 'INFO' },
    ],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20, timeoutSeconds: 3 }),
  })] });
  const scaledAgo = 19 * HOURS + 10;
  const bigUps = [22, 71, 4];
  const bigRestarts = [11, 9, 12];
  const app = deploymentApp({
    namespace: ns,
    name: 'image-resizer',
    replicas: 6,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, changeCause: 'argocd: image-resizer 2.7.3', template: tpl('2.7.3') },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: image-resizer 2.7.4', template: tpl('2.7.4') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 19, node: smallNames[k] ?? '', createdAgo: 6 * DAYS - k })),
      ...[0, 1, 2].map((k) => ({
        revision: 19,
        node: bigNames[k % 2] ?? '',
        createdAgo: scaledAgo - k * 0.2,
        containers: { app: running({ sinceAgo: bigUps[k] ?? 10, restarts: bigRestarts[k] ?? 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: (bigUps[k] ?? 10) + 0.05, ranSeconds: (96 + k * 8) * 60 } }) },
      })),
    ],
  });
  const other = bystander(ns, 'media-metadata', smallNames, 3 * HOURS + 40, { revisions: [12, 13], versions: ['0.19.2', '0.19.3'], olderAgo: 30 * DAYS });

  const statLine = (t: number, jobs: number, threads: number, rss: number) => `${pyTime(t)} INFO resizer.stats: last 60s: jobs=${jobs} failed=0 avg_ms=${1700 + (jobs % 300)} threads=${threads} rss_mb=${rss}`;
  const boot = (t: number, cpus: number) => [
    `${pyTime(t)} INFO resizer.main: image-resizer 2.7.4 (python 3.12.7, Pillow 11.0.0, pillow-heif 0.18.0)`,
    `${pyTime(t - 0.01)} INFO resizer.main: worker pool: workers=${cpus} (os.cpu_count()=${cpus}) queue=media-resize-jobs prefetch=${cpus * 2}`,
    `${pyTime(t - 0.02)} INFO resizer.health: listening on :8080`,
  ];
  const smallLog = (k: number) => lines(
    ...boot(6 * DAYS - k - 0.4, 8),
    ...[14, 12, 10, 8, 6, 4, 2, 0.5].map((t, j) => statLine(t, 138 + ((j * 17 + k * 5) % 30), 11, 1120 + ((j * 29 + k * 41) % 90))),
    `${pyTime(7.3)} WARNING resizer.worker: skipping s3://acme-media-uploads-prod/u/8812/IMG_4411.HEIC: cannot identify image file`,
  );
  // RSS climbs from ~610 MB to the 3Gi limit over a run of `ranMinutes`.
  const bigRun = (startAgo: number, endAgo: number, k: number, ranMinutes: number): string[] => {
    const out = boot(startAgo, 64);
    const perMinute = (3040 - 610) / ranMinutes;
    for (let t = startAgo - 1, j = 0; t > endAgo; t -= 1, j++) {
      const up = startAgo - t;
      const rss = Math.round(610 + up * perMinute + ((j * 37 + k * 13) % 25));
      out.push(statLine(t, 396 + ((j * 23 + k * 7) % 60), 71, Math.min(rss, 3068)));
      if (j % 9 === 4) out.push(`${pyTime(t - 0.3)} WARNING resizer.worker: skipping s3://acme-media-uploads-prod/u/${4410 + j}/clip_${j}.mov: unsupported content-type video/quicktime`);
    }
    return out;
  };
  const objects: KubeJson[] = [
    ...small, ...big, ...app.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'image-resizer', selector: { app: 'image-resizer' }, pods: app.pods }),
    hpa({ namespace: ns, name: 'image-resizer', target: { kind: 'Deployment', name: 'image-resizer' }, min: 3, max: 8, current: 6, desired: 6, cpu: { current: 61, target: 65, averageValue: '1220m' }, lastScaleAgo: scaledAgo }),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 3 * HOURS + 40),
  ];
  [3, 4, 5].forEach((i, k) => {
    const p = podOf(app, i);
    objects.push(...restartedAgain(p, 'app', image('2.7.4'), { count: bigRestarts[k] ?? 1, firstAgo: scaledAgo - 100 - k * 9, lastAgo: bigUps[k] ?? 10 }));
  });
  return {
    id: 'heldout54-glibc-malloc-arenas-64-core-nodes-oomkilled',
    class: 'containers',
    truth: 'image-resizer (Python, Pillow, glibc malloc) sizes its worker thread pool from os.cpu_count(), which sees the whole node, and glibc creates up to 8 malloc arenas per core. Since the HPA scaled it from 3 to 6 nineteen hours ago, the three new pods landed on the new compute-xl node group (c7i.16xlarge, 64 vCPU): there they run 64 workers (71 threads), each thread gets its own arena, fragmentation in the per-thread arenas grows RSS by ~25 MB a minute until the 3Gi limit and the kernel OOMKills them (exit 137) every 1.5-2 hours, 9-12 restarts each. The same revision 19 (2.7.4, six days old) on the 8-core m6i.2xlarge nodes runs 8 workers at a steady ~1.1 GB with no restart. Fix: set MALLOC_ARENA_MAX=2 (or use jemalloc) and size the pool from the CPU request, not the node.',
    ask: { service: 'image-resizer', namespace: ns },
    objects,
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: smallLog(k) })),
      ...[3, 4, 5].map((i, k) => {
        const up = bigUps[k] ?? 10;
        const ran = 96 + k * 8;
        return logsFor(podOf(app, i), 'app', { current: lines(...bigRun(up, 0.2, k, ran)), previous: lines(...bigRun(up + 0.05 + ran, up + 0.1, k, ran)) });
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOM/, /c7i\.16xlarge|64[- ]?(v?cpus?|cores?)|compute-xl|arenas?|MALLOC_ARENA_MAX|glibc|malloc|(larger|large|bigger|new) nodes?|node ?(group|pool)/i],
      facts: [/MALLOC_ARENA_MAX|arena/i, /c7i\.16xlarge|compute-xl/, /workers=64|64 (worker )?threads|cpu_count|thread (count|pool)|threads? per (core|cpu)/i],
      never: [ADVISES_ROLLBACK, /leak[^\n]*(2\.7\.4|revision 19|release)/i, /(2\.7\.4|revision 19)[^\n]*(caused|broke|introduced)/i, /media-metadata/],
    },
  };
}

// ---- 7. healthy control: a CPU-bound nightly renderer at its limit, HPA pinned at max ----------------

function healthyNightlyRendererAtMax(): CorpusScenario {
  const ns = 'billing';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const general = ['10.0.32.14', '10.0.48.131', '10.0.33.207'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: (29 - 6 * i) * DAYS }));
  const batch = ['10.0.34.52', '10.0.49.18', '10.0.40.96', '10.0.55.240'].map((ip, i) => sizedNode({ ip, zone: zones[i % 3] ?? 'eu-west-1a', pool: 'batch', instanceType: 'c6i.4xlarge', cpu: 16, memoryKi: 32_408_668, pods: 234, createdAgo: (44 - 7 * i) * DAYS }));
  const gNames = general.map(nameOf);
  const bNames = batch.map(nameOf);
  const image = `${ECR}/billing/statement-renderer:4.2.1`;
  const scaleAgo = 124;
  const runStart = 134; // 01:00 UTC
  const renderer = deploymentApp({
    namespace: ns,
    name: 'statement-renderer',
    replicas: 12,
    revisions: [{
      revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: statement-renderer 4.2.1',
      template: {
        nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch' },
        containers: [container({
          image, ports: [8080], cpu: '2', cpuLimit: '2', memory: '2Gi',
          env: [
            { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/statements-render' },
            { name: 'OUTPUT_BUCKET', value: 'acme-billing-statements-prod' },
            { name: 'RENDER_PROCS', value: 'auto' },
            { name: 'RUN_DEADLINE_UTC', value: '06:00' },
          ],
          readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10, timeoutSeconds: 3 }),
        })],
      },
    }],
    pods: Array.from({ length: 12 }, (_, k) => ({ revision: 22, node: bNames[k % 4] ?? '', createdAgo: k < 2 ? 9 * DAYS - k : scaleAgo - (k < 6 ? 0 : 3) - k * 0.05 })),
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [{ revision: 71, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-api 9.1.3', template: { containers: [container({ image: `${ECR}/billing/billing-api:9.1.3` })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 71, node: gNames[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const schedulerImage = `${ECR}/billing/statement-scheduler:1.9.0`;
  const nightly = cronJob({
    namespace: ns,
    name: 'statement-run',
    schedule: '0 1 * * *',
    template: { containers: [batchContainer({ image: schedulerImage, cpu: '250m', memory: '256Mi', env: [{ name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/statements-render' }] })] },
    lastSuccessfulAgo: runStart - 0.7,
    createdAgo: 400 * DAYS,
    jobs: [2, 1, 0].map((d) => ({
      createdAgo: runStart + d * DAYS,
      outcome: { complete: true as const, ago: runStart + d * DAYS - 0.7 },
      pods: [{ node: gNames[d % 3] ?? '', createdAgo: runStart + d * DAYS, phase: 'Succeeded' as const, containers: { app: terminated({ exitCode: 0, finishedAgo: runStart + d * DAYS - 0.68, ranSeconds: 38 }) } }],
    })),
  });
  const total = 618_204;
  const perMin = 3_150;
  const renderedAt = (t: number) => Math.min(total, Math.round((runStart - 2 - t) * perMin));
  const remaining = total - renderedAt(0.5);
  const etaAgo = -Math.round(remaining / perMin);
  const rendererLog = (k: number): string => {
    const start = k < 2 ? 9 * DAYS - k - 0.3 : scaleAgo - (k < 6 ? 0 : 3) - k * 0.05 - 0.3;
    const out: string[] = [
      `${pyTime(start)} INFO renderer.main: statement-renderer 4.2.1 starting (python 3.12.7, weasyprint 62.3)`,
      `${pyTime(start - 0.01)} INFO renderer.main: cgroup cpu quota 2.0 cores -> render_procs=2`,
    ];
    for (let t = 16, i = 0; t > 0.3; t -= 1, i++) {
      const done = renderedAt(t);
      out.push(`${pyTime(t)} INFO renderer.progress: cycle=${at(runStart).slice(0, 10)} rendered_total=${done} queue_depth=${total - done} pod_rate=${(4.1 + ((i * 7 + k) % 8) / 10).toFixed(1)}/s eta=${hhmm(-Math.round((total - done) / perMin))}Z deadline=06:00Z on_track=true`);
      out.push(`${pyTime(t - 0.2)} INFO renderer.worker: statement rendered account=ACC-${(310_442 + i * 97 + k * 13).toString()} pages=${2 + ((i + k) % 5)} ms=${380 + ((i * 31 + k * 7) % 240)}`);
      if (i === 7 && k % 3 === 0) out.push(`${pyTime(t - 0.4)} WARNING renderer.pdf: glyph U+2009 missing in NotoSans-Regular, substituted from DejaVuSans (account ACC-${310_900 + k})`);
    }
    return lines(...out);
  };
  const scheduled = nightly.jobs[2]?.pods[0];
  const objects: KubeJson[] = [
    ...general, ...batch, ...renderer.objects, ...api.objects, ...nightly.objects,
    ...exposed({ namespace: ns, name: 'statement-renderer', selector: { app: 'statement-renderer' }, pods: renderer.pods }),
    ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
    hpa({
      namespace: ns, name: 'statement-renderer', target: { kind: 'Deployment', name: 'statement-renderer' }, min: 2, max: 12, current: 12, desired: 12,
      cpu: { current: 97, target: 70, averageValue: '1941m' }, lastScaleAgo: scaleAgo - 3,
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(scaleAgo - 8) },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(30 * DAYS) },
        { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(scaleAgo - 3) },
      ],
    }),
  ];
  return {
    id: 'heldout54-healthy-nightly-renderer-cpu-limit-hpa-at-max',
    class: 'healthy',
    truth: `Nothing is wrong. statement-renderer renders the monthly PDF statements every night from the queue the statement-run CronJob fills at 01:00 UTC. It is CPU-bound by design: each pod has a 2-core request equal to its limit and uses it fully (CPU at ~97% of request, throttled at the limit), so its HPA scaled it from 2 to its maximum of 12 two hours ago and says ScalingLimited/TooManyReplicas. That is the planned capacity: no restarts, all pods ready, the queue drains at ~3,150 statements a minute with ${remaining} left, ETA ${hhmm(etaAgo)} UTC, well before the 06:00 deadline. Nothing needs to change; the HPA will scale it back down when the queue is empty.`,
    ask: { service: 'statement-renderer', namespace: ns },
    objects,
    logs: [
      ...renderer.pods.map((p, k) => logsFor(p, 'app', { current: rendererLog(k) })),
      ...(scheduled === undefined ? [] : [logsFor(scheduled, 'app', { current: lines(`${pyTime(runStart - 0.1)} INFO scheduler: cycle ${at(runStart).slice(0, 10)}: ${total} statements to render`, `${pyTime(runStart - 0.65)} INFO scheduler: enqueued ${total} messages to statements-render in 62 batches`, `${pyTime(runStart - 0.66)} INFO scheduler: done`) })]),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?|action)|nothing (wrong|abnormal|to fix)|as (expected|designed|intended)|by design|on (schedule|track)|working normally/i],
      facts: [/max(imum|Replicas)?\b|12\s*\/\s*12|12 replicas|ceiling|TooManyReplicas|ScalingLimited/i],
      never: [
        /(raise|increase|bump)[^\n]*(maxReplicas|max replicas|CPU limit|cpu limit)/i,
        /throttl\w*[^\n]*(caus\w*|slow(s|ing)? (down|the))/i,
        /(queue|backlog)[^\n]*(growing|stuck|not draining)/i,
        /statement-renderer[^\n]*\b(is|are) (failing|degraded|unhealthy)/i,
      ],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  nlbHairpinInstanceTargets(),
  redisPubsubOutputBufferLimit(),
  grpcMaxConcurrentStreams(),
  kafkaConnectSinkTaskFailed(),
  highCardinalityMetricsLiveness(),
  mallocArenas64CoreNodes(),
  healthyNightlyRendererAtMax(),
];
