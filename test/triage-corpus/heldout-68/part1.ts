// Held-out stories, sixty-eighth round, part one: a meshed storefront whose linkerd-proxy answers
// "service in fail-fast" because the linkerd-destination controller is OOMKilled in a loop; a
// Postgres StatefulSet on Rook Ceph RBD whose pod moved off a crashed node and cannot map its image
// ("is still being used", the dead node still holds the watcher); a nightly partner import whose
// podFailurePolicy fails the Job on exit 42 because the partner's file for the day is empty; a
// Kafka consumer that a lag-driven HPA scaled to 12 replicas on a 6-partition topic, so half the
// members sit idle with an empty assignment; a RabbitMQ worker whose new revision set prefetch to
// 0 (unlimited), so after the nightly bill run each worker pulls the backlog into memory and is
// OOMKilled; a publisher whose JetStream stream (discard new, max_bytes) is full because its
// work-queue consumer was scaled to 0; and a healthy control: Redis with its overcommit warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, hpa, jobEvent, nameOf, node, probeFailed, pyTime, pvc, pv,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp,
  tcpProbe, volumeOf, waiting, ago, nodeEvent, daemonSetApp, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes, startedAt } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const ip = (p: k8s.V1Pod | undefined): string => p?.status?.podIP ?? '';
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

/** Spring Boot 3's console time: `2026-11-21T03:12:41.563Z`. */
const springLine = (t: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(t)}  ${level.padStart(5)} 1 --- [ledger-writer] [${thread}] ${logger.padEnd(40)} : ${msg}`;
/** Go klog header: `E1121 03:12:41.563211`. */
const klog = (sev: string, t: number): string => `${sev}${at(t).slice(5, 7)}${at(t).slice(8, 10)} ${at(t).slice(11, 23)}211`;
/** nats-server's log time: `2026/11/21 03:12:41.563211`. */
const natsTime = (t: number): string => `${at(t).slice(0, 10).replace(/-/g, '/')} ${at(t).slice(11, 23)}118`;
/** RabbitMQ 3.13's log time: `2026-11-21 03:12:41.563204+00:00`. */
const rmqTime = (t: number): string => `${at(t).slice(0, 10)} ${at(t).slice(11, 23)}204+00:00`;

// ---- 1. linkerd-destination OOMKilled: meshed callers' proxies in fail-fast ------------------------

function linkerdDestinationDown(): CorpusScenario {
  const { nodes, names } = threeEksNodes('10.0.84', ['22', '141', '203']);
  const L5D = 'stable-2.14.10';
  const proxyImage = `cr.l5d.io/linkerd/proxy:${L5D}`;
  const proxy = (name = 'linkerd-proxy') => container({
    name, image: proxyImage, cpu: '100m', memory: '20Mi', memoryLimit: '250Mi',
    ports: [{ name: 'linkerd-proxy', containerPort: 4143 }, { name: 'linkerd-admin', containerPort: 4191 }],
    env: [
      { name: 'LINKERD2_PROXY_LOG', value: 'warn,linkerd=info,trust_dns=error' },
      { name: 'LINKERD2_PROXY_DESTINATION_SVC_ADDR', value: 'linkerd-dst-headless.linkerd.svc.cluster.local.:8086' },
      { name: 'LINKERD2_PROXY_POLICY_SVC_ADDR', value: 'linkerd-policy.linkerd.svc.cluster.local.:8090' },
      { name: 'LINKERD2_PROXY_IDENTITY_SVC_ADDR', value: 'linkerd-identity-headless.linkerd.svc.cluster.local.:8080' },
      { name: 'LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT', value: '1000ms' },
    ],
    readiness: httpProbe('/ready', 4191, { initialDelaySeconds: 2 }),
    liveness: httpProbe('/live', 4191, { initialDelaySeconds: 10 }),
    securityContext: { runAsUser: 2102, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
  });
  const init = batchContainer({ name: 'linkerd-init', image: 'cr.l5d.io/linkerd/proxy-init:v2.2.3', args: ['--incoming-proxy-port', '4143', '--outgoing-proxy-port', '4140', '--proxy-uid', '2102', '--inbound-ports-to-ignore', '4190,4191,4567,4568', '--outbound-ports-to-ignore', '4567,4568'], cpu: '100m', memory: '20Mi', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, runAsUser: 0 } });
  const meshed = { 'linkerd.io/inject': 'enabled', 'linkerd.io/proxy-version': L5D, 'linkerd.io/created-by': `linkerd/proxy-injector ${L5D}` };

  // The control plane: destination (with sp-validator, policy and its own proxy), identity, injector.
  const ctl = `cr.l5d.io/linkerd/controller:${L5D}`;
  const dstTpl = {
    containers: [
      container({ name: 'linkerd-proxy', image: proxyImage, cpu: '100m', memory: '20Mi', memoryLimit: '250Mi', ports: [{ name: 'linkerd-proxy', containerPort: 4143 }, { name: 'linkerd-admin', containerPort: 4191 }], readiness: httpProbe('/ready', 4191), liveness: httpProbe('/live', 4191, { initialDelaySeconds: 10 }) }),
      container({ name: 'destination', image: ctl, args: ['destination', '-addr=:8086', '-controller-namespace=linkerd', '-enable-h2-upgrade=true', '-log-level=info', '-log-format=plain', '-enable-endpoint-slices=true', '-cluster-domain=cluster.local', '-identity-trust-domain=cluster.local', '-default-opaque-ports=25,587,3306,4444,5432,6379,9300,11211', '-enable-pprof=false'], ports: [{ name: 'grpc', containerPort: 8086 }, { name: 'admin-http', containerPort: 9996 }], cpu: '100m', memory: '50Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9996, { failureThreshold: 7 }), liveness: httpProbe('/ping', 9996, { initialDelaySeconds: 10 }) }),
      container({ name: 'sp-validator', image: ctl, args: ['sp-validator', '-log-level=info', '-log-format=plain', '-enable-pprof=false'], ports: [{ name: 'sp-validator', containerPort: 8443 }, { name: 'admin-http', containerPort: 9997 }], cpu: '100m', memory: '50Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9997, { failureThreshold: 7 }), liveness: httpProbe('/ping', 9997, { initialDelaySeconds: 10 }) }),
      container({ name: 'policy', image: `cr.l5d.io/linkerd/policy-controller:${L5D}`, args: ['--admin-addr=0.0.0.0:9990', '--control-plane-namespace=linkerd', '--grpc-addr=0.0.0.0:8090', '--server-addr=0.0.0.0:9443', '--log-level=info', '--log-format=plain', '--identity-domain=cluster.local', '--cluster-networks=10.0.0.0/16', '--default-policy=all-unauthenticated', '--probe-networks=0.0.0.0/0'], ports: [{ name: 'grpc', containerPort: 8090 }, { name: 'admin-http', containerPort: 9990 }, { name: 'policy-https', containerPort: 9443 }], cpu: '100m', memory: '50Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9990, { failureThreshold: 7 }), liveness: httpProbe('/live', 9990, { initialDelaySeconds: 10 }) }),
    ],
    initContainers: [init],
    serviceAccountName: 'linkerd-destination',
    annotations: meshed,
    labels: { 'linkerd.io/control-plane-component': 'destination', 'linkerd.io/control-plane-ns': 'linkerd' },
  };
  const destination = deploymentApp({
    namespace: 'linkerd',
    name: 'linkerd-destination',
    replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'destination', 'linkerd.io/control-plane-ns': 'linkerd' },
    revisions: [{ revision: 6, createdAgo: 19 * DAYS, changeCause: `helm upgrade linkerd-control-plane ${L5D}`, template: dstTpl }],
    pods: [{
      revision: 6, node: names[1] ?? '', createdAgo: 19 * DAYS,
      containers: { destination: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2.1, ranSeconds: 71 }, 27) },
      ready: false,
    }],
    settled: { available: false, availableSince: 96, progressingSince: 19 * DAYS },
  });
  const identity = deploymentApp({
    namespace: 'linkerd', name: 'linkerd-identity', replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'identity', 'linkerd.io/control-plane-ns': 'linkerd' },
    revisions: [{ revision: 6, createdAgo: 19 * DAYS, template: { containers: [container({ name: 'identity', image: ctl, args: ['identity', '-log-level=info', '-log-format=plain', '-controller-namespace=linkerd', '-identity-trust-domain=cluster.local', '-identity-issuance-lifetime=24h0m0s', '-identity-clock-skew-allowance=20s'], ports: [{ name: 'grpc', containerPort: 8080 }, { name: 'admin-http', containerPort: 9990 }], cpu: '100m', memory: '10Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9990), liveness: httpProbe('/ping', 9990, { initialDelaySeconds: 10 }) }), proxy()], initContainers: [init], serviceAccountName: 'linkerd-identity', labels: { 'linkerd.io/control-plane-component': 'identity' } } }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 19 * DAYS }],
  });
  const injector = deploymentApp({
    namespace: 'linkerd', name: 'linkerd-proxy-injector', replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'proxy-injector', 'linkerd.io/control-plane-ns': 'linkerd' },
    revisions: [{ revision: 6, createdAgo: 19 * DAYS, template: { containers: [container({ name: 'proxy-injector', image: ctl, args: ['proxy-injector', '-log-level=info', '-log-format=plain', '-linkerd-namespace=linkerd', '-enable-pprof=false'], ports: [{ name: 'proxy-injector', containerPort: 8443 }, { name: 'admin-http', containerPort: 9995 }], cpu: '100m', memory: '50Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9995), liveness: httpProbe('/ping', 9995, { initialDelaySeconds: 10 }) }), proxy()], initContainers: [init], serviceAccountName: 'linkerd-proxy-injector', labels: { 'linkerd.io/control-plane-component': 'proxy-injector' } } }],
    pods: [{ revision: 6, node: names[2] ?? '', createdAgo: 19 * DAYS }],
  });
  const dstPod = podOf(destination, 0);
  const dstSel = { 'linkerd.io/control-plane-component': 'destination' };
  const dstHeadless = service({ namespace: 'linkerd', name: 'linkerd-dst-headless', selector: dstSel, ports: [{ name: 'grpc', port: 8086, targetPort: 8086 }], headless: true });
  // linkerd-dst-headless does not publish not-ready addresses: the crash-looping pod is not in it.
  delete dstHeadless.spec?.publishNotReadyAddresses;

  // The meshed caller, and the meshed service it calls.
  const ns = 'shop';
  const sfImage = (v: string) => `${ECR}/shop/storefront:${v}`;
  const sfTpl = (v: string) => ({
    containers: [
      container({ image: sfImage(v), ports: [3000], cpu: '300m', memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CART_API_URL', value: 'http://cart-api.shop.svc.cluster.local' }, { name: 'CATALOG_API_URL', value: 'http://catalog-api.shop.svc.cluster.local' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) }),
      proxy(),
    ],
    initContainers: [init],
    annotations: meshed,
  });
  const storefront = deploymentApp({
    namespace: ns, name: 'storefront', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: storefront 8.3.2', template: sfTpl('8.3.2') },
      { revision: 58, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront 8.4.0', template: sfTpl('8.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const cartTpl = { containers: [container({ image: `${ECR}/shop/cart-api:5.1.7`, ports: [8080], cpu: '250m', memory: '512Mi' }), proxy()], initContainers: [init], annotations: meshed };
  const cart = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [{ revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-api 5.1.7', template: cartTpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[(k + 1) % 3] ?? '', createdAgo: 9 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 21 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 21 * HOURS, ranSeconds: 8 * DAYS } }) } } : {}) })),
  });
  const cartSvc = exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: cart.pods });
  const cartIp = (cartSvc[0] as k8s.V1Service).spec?.clusterIP ?? '';
  const dstIp = ip(dstPod);
  const uptime = (p: k8s.V1Pod, t: number): string => {
    const created = (p.metadata?.creationTimestamp as Date | undefined)?.getTime() ?? ago(5 * DAYS).getTime();
    const s = (ago(t).getTime() - created) / 1000;
    return `[${s.toFixed(6).padStart(14)}s]`;
  };
  const proxyLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 88 - i * 6.3 - k * 0.4;
      if (i % 4 === 0) out.push(`${uptime(p, t)}  WARN ThreadId(01) outbound:proxy{addr=${cartIp}:80}:service{ns=${ns} name=cart-api port=80}:controller{addr=linkerd-dst-headless.linkerd.svc.cluster.local:8086}:endpoint{addr=${dstIp}:8086}: linkerd_reconnect: Failed to connect error=endpoint ${dstIp}:8086: Connection refused (os error 111) error.sources=[Connection refused (os error 111)]`);
      out.push(`${uptime(p, t - 0.01)}  WARN ThreadId(01) outbound:proxy{addr=${cartIp}:80}:service{ns=${ns} name=cart-api port=80}:controller{addr=linkerd-dst-headless.linkerd.svc.cluster.local:8086}: linkerd_app_core::control: Failed to resolve control-plane component error=no record found for Query { name: Name("linkerd-dst-headless.linkerd.svc.cluster.local."), query_type: SRV, query_class: IN } error.sources=[no record found for Query { name: Name("linkerd-dst-headless.linkerd.svc.cluster.local."), query_type: SRV, query_class: IN }]`);
      if (i % 3 === 1) out.push(`${uptime(p, t - 0.02)}  WARN ThreadId(01) outbound:proxy{addr=${cartIp}:80}:service{ns=${ns} name=cart-api port=80}: linkerd_stack::failfast: Service entering failfast after 3s`);
      out.push(`${uptime(p, t - 0.03)}  INFO ThreadId(01) outbound:proxy{addr=${cartIp}:80}:rescue{client.addr=${ip(p)}:${41000 + i * 17}}: linkerd_app_core::errors::respond: HTTP/1.1 request failed error=logical service cart-api.${ns}.svc.cluster.local:80: service in fail-fast error.sources=[service in fail-fast]`);
    }
    return out.join('\n') + '\n';
  };
  const appLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 88 - i * 6.3 - k * 0.4;
      out.push(`{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${(4000 + i * 13 + k).toString(36)}","upstream":"cart-api","url":"http://cart-api.shop.svc.cluster.local/v2/carts/current","status":503,"l5dProxyError":"logical service cart-api.shop.svc.cluster.local:80: service in fail-fast","msg":"upstream request failed"}`);
      out.push(`{"level":30,"time":${ago(t - 0.01).getTime()},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${(4000 + i * 13 + k).toString(36)}","res":{"statusCode":502},"responseTime":${3004 + i * 3},"msg":"request completed"}`);
      if (i % 4 === 3) out.push(`{"level":30,"time":${ago(t - 0.02).getTime()},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${(5000 + i).toString(36)}","res":{"statusCode":200},"responseTime":12,"msg":"request completed"}`);
    }
    return out.join('\n') + '\n';
  };
  const dstLog = lines(
    `time="${at(3.3).slice(0, 19)}Z" level=info msg="running version ${L5D}"`,
    `time="${at(3.3).slice(0, 19)}Z" level=info msg="starting admin server on :9996"`,
    `time="${at(3.3).slice(0, 19)}Z" level=info msg="Using default opaque ports: map[25:{} 587:{} 3306:{} 4444:{} 5432:{} 6379:{} 9300:{} 11211:{}]"`,
    `time="${at(3.3).slice(0, 19)}Z" level=info msg="Watching EndpointSlice resources"`,
    `time="${at(3.29).slice(0, 19)}Z" level=info msg="waiting for caches to sync"`,
    `time="${at(2.4).slice(0, 19)}Z" level=info msg="caches synced"`,
    `time="${at(2.4).slice(0, 19)}Z" level=info msg="starting gRPC server on :8086"`,
  );
  return {
    id: 'heldout68-linkerd-destination-oomkilled-failfast',
    class: 'network',
    truth: 'The Linkerd control plane\'s linkerd-destination pod (namespace linkerd, one replica) has been OOMKilled in a loop for about 95 minutes: its destination container hits its 250Mi limit while syncing the cluster\'s endpoints and is in CrashLoopBackOff (27 restarts), so linkerd-dst-headless has no ready address. The meshed storefront pods\' linkerd-proxy sidecars cannot resolve cart-api ("Failed to resolve control-plane component"), put the logical service in fail-fast and answer storefront\'s requests with 503 "service in fail-fast"; storefront\'s own container and cart-api are healthy. Fix: raise the destination container\'s memory limit (and run it with more replicas), so the control plane comes back; nothing in storefront needs to change.',
    ask: { service: 'storefront', namespace: ns },
    objects: [
      ...nodes, ...destination.objects, ...identity.objects, ...injector.objects, ...storefront.objects, ...cart.objects,
      dstHeadless, endpointSliceFor(dstHeadless, destination.pods, 8086),
      ...exposed({ namespace: 'linkerd', name: 'linkerd-dst', selector: dstSel, pods: destination.pods, ports: [{ name: 'grpc', port: 8086, targetPort: 8086 }], endpointPort: 8086 }),
      ...exposed({ namespace: 'linkerd', name: 'linkerd-policy', selector: dstSel, pods: destination.pods, ports: [{ name: 'grpc', port: 8090, targetPort: 8090 }], endpointPort: 8090 }),
      ...exposed({ namespace: 'linkerd', name: 'linkerd-identity', selector: { 'linkerd.io/control-plane-component': 'identity' }, pods: identity.pods, ports: [{ name: 'grpc', port: 8080, targetPort: 8080 }], endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: storefront.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...cartSvc,
      ...restartedAgain(dstPod, 'destination', ctl, { count: 27, firstAgo: 95, lastAgo: 3.3 }),
      backOff(dstPod, 'destination', { count: 341, firstAgo: 93 }),
      probeFailed(dstPod, 'destination', 'Readiness', `Get "http://${ip(dstPod)}:9996/ready": dial tcp ${ip(dstPod)}:9996: connect: connection refused`, { count: 58, firstAgo: 95, lastAgo: 3.2 }),
      probeFailed(dstPod, 'linkerd-proxy', 'Readiness', `HTTP probe failed with statuscode: 503`, { count: 12, firstAgo: 94, lastAgo: 9 }),
      probeFailed(podOf(cart, 2), 'app', 'Liveness', `Get "http://${ip(podOf(cart, 2))}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 21 * HOURS + 2, lastAgo: 21 * HOURS }),
    ],
    logs: [
      logsFor(dstPod, 'destination', { current: '', previous: dstLog }),
      logsFor(dstPod, 'policy', { current: lines(`${at(19 * DAYS - 0.2).slice(0, 23)}Z  INFO linkerd_policy_controller: Admin interface on 0.0.0.0:9990`, `${at(19 * DAYS - 0.2).slice(0, 23)}Z  INFO linkerd_policy_controller: gRPC server listening addr=0.0.0.0:8090`, `${at(19 * DAYS - 0.19).slice(0, 23)}Z  INFO linkerd_policy_controller: HTTPS admission server listening addr=0.0.0.0:9443`) }),
      ...storefront.pods.map((p, k) => logsFor(p, 'linkerd-proxy', { current: proxyLog(p, k) })),
      ...storefront.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      ...cart.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2)}","logger":"http","msg":"GET /healthz 200","duration_ms":1}`, `{"level":"info","ts":"${at(1.5)}","logger":"carts","msg":"cart sweep finished","expired":112}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/linkerd-destination|linkerd control plane|destination controller/i],
      facts: [/fail-fast/i, /OOMKilled|\bOOM/],
      never: [ADVISES_ROLLBACK, /cart-api[^\n]*(is down|crash|unhealthy|not ready)/i, /storefront[^\n]*(OOM|out of memory)/i],
    },
  };
}

// ---- 2. Rook Ceph RBD image still watched by a crashed node ------------------------------------------

function cephRbdStillInUse(): CorpusScenario {
  const ns = 'ledger';
  const nodeNames = ['k8s-worker-01', 'k8s-worker-02', 'k8s-worker-03', 'k8s-worker-04'];
  const dead = 'k8s-worker-02';
  const nodes = nodeNames.map((n, i) => node({
    name: n, zone: `dc1-rack${(i % 2) + 1}`, instanceType: 'r650', pool: 'workers',
    ...(n === dead ? { ready: 'Unknown' as const, readySince: 47 } : {}),
  }));
  const pgImage = (v: string) => `docker.io/library/postgres:${v}`;
  const pgTpl = (v: string) => ({
    containers: [container({
      name: 'postgres', image: pgImage(v), ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
    securityContext: { fsGroup: 999 },
  });
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-postgres', replicas: 1, serviceName: 'ledger-postgres-hl',
    revisions: [{ revision: 3, createdAgo: 24 * DAYS, template: pgTpl('16.4') }, { revision: 4, createdAgo: 3 * DAYS, template: pgTpl('16.6') }],
    pods: [{ revision: 4, ordinal: 0, node: 'k8s-worker-04', createdAgo: 38, phase: 'Pending', containers: { postgres: waiting('ContainerCreating') } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'ceph-block' }],
  });
  const dbPod = podOf(db, 0);
  const claim = 'data-ledger-postgres-0';
  const vol = volumeOf(ns, claim);
  const imageUuid = 'b6f0c2a4-9a1e-11ef-8d2c-3e5a7c1f04d2';
  const image = `replicapool/csi-vol-${imageUuid}`;
  const handle = `0001-0009-rook-ceph-0000000000000002-${imageUuid}`;
  const claimObj = pvc({ namespace: ns, name: claim, storage: '200Gi', storageClass: 'ceph-block', phase: 'Bound', volumeName: vol, createdAgo: 24 * DAYS, labels: { app: 'ledger-postgres' }, annotations: { 'volume.kubernetes.io/storage-provisioner': 'rook-ceph.rbd.csi.ceph.com', 'volume.beta.kubernetes.io/storage-provisioner': 'rook-ceph.rbd.csi.ceph.com' } });
  const volObj = pv({ name: vol, storage: '200Gi', claim: { namespace: ns, name: claim }, storageClass: 'ceph-block', createdAgo: 24 * DAYS, csi: { driver: 'rook-ceph.rbd.csi.ceph.com', volumeHandle: handle } });
  if (volObj.spec?.csi) {
    volObj.spec.csi.fsType = 'ext4';
    volObj.spec.csi.volumeAttributes = { clusterID: 'rook-ceph', imageFeatures: 'layering', imageFormat: '2', imageName: `csi-vol-${imageUuid}`, journalPool: 'replicapool', pool: 'replicapool', 'storage.kubernetes.io/csiProvisionerIdentity': '1729612345678-8081-rook-ceph.rbd.csi.ceph.com' };
    volObj.spec.csi.nodeStageSecretRef = { name: 'rook-csi-rbd-node', namespace: 'rook-ceph' };
  }
  // The CSI node plugin on every node.
  const plugin = daemonSetApp({
    namespace: 'rook-ceph', name: 'csi-rbdplugin', selector: { app: 'csi-rbdplugin' },
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [
      container({ name: 'driver-registrar', image: 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.11.1', ports: [], readiness: null, liveness: null, cpu: '10m', memory: '32Mi', memoryLimit: '256Mi' }),
      container({ name: 'csi-rbdplugin', image: 'quay.io/cephcsi/cephcsi:v3.12.2', args: ['--nodeid=$(NODE_ID)', '--endpoint=$(CSI_ENDPOINT)', '--v=0', '--type=rbd', '--nodeserver=true', '--drivername=rook-ceph.rbd.csi.ceph.com', '--pidlimit=-1', '--metricsport=9090', '--stagingpath=/var/lib/kubelet/plugins/kubernetes.io/csi/'], ports: [], readiness: null, liveness: null, cpu: '250m', memory: '512Mi', memoryLimit: '1Gi', securityContext: { privileged: true } }),
    ], priorityClassName: 'system-node-critical', serviceAccountName: 'rook-csi-rbd-plugin-sa' } }],
    pods: nodeNames.map((n) => ({ revision: 5, node: n, createdAgo: 60 * DAYS, ...(n === dead ? { ready: false } : {}) })),
  });
  const pluginOn4 = plugin.pods[3];
  const pluginLog = (): string => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 30 - i * 2.5;
      const id = 4120 + i * 3;
      out.push(`${klog('I', t)}   31874 utils.go:198] ID: ${id} Req-ID: ${handle} GRPC call: /csi.v1.Node/NodeStageVolume`);
      out.push(`${klog('I', t)}   31874 rbd_util.go:1315] ID: ${id} Req-ID: ${handle} setting disableInUseChecks: false image features: [layering] mounter: rbd`);
      out.push(`${klog('I', t - 0.01)}   31874 rbd_util.go:628] ID: ${id} Req-ID: ${handle} rbd: status ${image} using mon 10.43.12.7:6789,10.43.88.21:6789,10.43.140.3:6789`);
      if (i % 3 === 0) out.push(`${klog('E', t - 0.02)}   31874 nodeserver.go:372] ID: ${id} Req-ID: ${handle} error mapping volume: rbd: map failed with error an error (exit status 16) occurred while running rbd args: [--id csi-rbd-node -m 10.43.12.7:6789,10.43.88.21:6789,10.43.140.3:6789 --keyfile=***stripped*** map ${image} --device-type krbd --options noudev --options exclusive], rbd error output: rbd: sysfs write failed\nrbd: map failed: (16) Device or resource busy`);
      else out.push(`${klog('E', t - 0.02)}   31874 utils.go:217] ID: ${id} Req-ID: ${handle} GRPC error: rpc error: code = Internal desc = rbd image ${image} is still being used`);
    }
    return out.join('\n') + '\n';
  };
  const mountFailed = (msg: string, o: { count: number; firstAgo: number; lastAgo: number }) => event({ on: dbPod, reason: 'FailedMount', message: msg, ...o });
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-api 2.9.1', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:2.9.1`, ports: [8080], readiness: httpProbe('/ready', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 19, node: nodeNames[k === 0 ? 0 : 2] ?? '', createdAgo: 6 * DAYS - k, containers: { app: running({ sinceAgo: 6 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 46, progressingSince: 6 * DAYS },
  });
  return {
    id: 'heldout68-ceph-rbd-image-still-watched-after-node-crash',
    class: 'storage',
    truth: 'Node k8s-worker-02 crashed 47 minutes ago (kernel panic, Ready Unknown). An engineer force-deleted ledger-postgres-0 so the StatefulSet would recreate it; the new pod landed on k8s-worker-04 but stays ContainerCreating because the Rook Ceph RBD image replicapool/csi-vol-b6f0c2a4… is still mapped by the dead node, which holds the RBD watcher (and exclusive lock): ceph-csi reports "rbd image … is still being used" and "rbd: map failed: (16) Device or resource busy". Fix: fence the dead node (power it off, or taint it node.kubernetes.io/out-of-service so Rook blocklists its client), or blocklist its Ceph client by hand, then the map succeeds; the 16.6 image and the StatefulSet are not the cause.',
    ask: { service: 'ledger-postgres', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claimObj, volObj, ...plugin.objects, ...api.objects,
      service({ namespace: ns, name: 'ledger-postgres-hl', selector: { app: 'ledger-postgres' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }),
      ...exposed({ namespace: ns, name: 'ledger-postgres', selector: { app: 'ledger-postgres' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      nodeEvent(dead, 'NodeNotReady', `Node ${dead} status is now: NodeNotReady`, { firstAgo: 47, component: 'node-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-postgres', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ledger-postgres-0 in StatefulSet ledger-postgres successful`, firstAgo: 38, lastAgo: 38, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-postgres', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ledger-postgres-0 in StatefulSet ledger-postgres successful`, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, component: 'statefulset-controller' }),
      scheduled(dbPod, 38),
      event({ on: dbPod, reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${vol}" Volume is already exclusively attached to one node and can't be attached to another`, count: 4, firstAgo: 38, lastAgo: 32.1, component: 'attachdetach-controller' }),
      event({ on: dbPod, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${vol}" `, firstAgo: 31.8, lastAgo: 31.8, component: 'attachdetach-controller' }),
      mountFailed(`MountVolume.MountDevice failed for volume "${vol}" : rpc error: code = Internal desc = rbd image ${image} is still being used`, { count: 14, firstAgo: 31.5, lastAgo: 0.9 }),
      mountFailed(`MountVolume.MountDevice failed for volume "${vol}" : rpc error: code = Internal desc = rbd: map failed with error an error (exit status 16) occurred while running rbd args: [--id csi-rbd-node -m 10.43.12.7:6789,10.43.88.21:6789,10.43.140.3:6789 --keyfile=***stripped*** map ${image} --device-type krbd --options noudev --options exclusive], rbd error output: rbd: sysfs write failed\nrbd: map failed: (16) Device or resource busy`, { count: 5, firstAgo: 30, lastAgo: 7.5 }),
      mountFailed(`Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition`, { count: 15, firstAgo: 36, lastAgo: 2 }),
      probeFailed(podOf(api, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 281, firstAgo: 46, lastAgo: 0.2 }),
      probeFailed(podOf(api, 1), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 279, firstAgo: 46, lastAgo: 0.3 }),
    ],
    logs: [
      ...(pluginOn4 ? [logsFor(pluginOn4, 'csi-rbdplugin', { current: pluginLog() })] : []),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(
        `${at(3)} WARN  [hikari housekeeper] c.z.h.p.HikariPool: ledger-pool - Connection is not available, request timed out after 30001ms (total=0, active=0, idle=0, waiting=4)`,
        `${at(2.5)} ERROR [http-nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet]: Servlet.service() threw exception: org.postgresql.util.PSQLException: The connection attempt failed. Caused by: java.net.UnknownHostException: ledger-postgres-0.ledger-postgres-hl.ledger.svc.cluster.local`,
        `${at(1)} WARN  [http-nio-8080-exec-2] c.e.l.h.ReadinessController: readiness DOWN: database unreachable`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/still being used|resource busy|rbd|watcher|k8s-worker-02/i],
      facts: [/k8s-worker-02/, /csi-vol-b6f0c2a4|still being used/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /16\.6[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 3. Nightly import: podFailurePolicy FailJob on exit 42, the partner's file is empty -------------

function importEmptyInputFailJob(): CorpusScenario {
  const ns = 'partners';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '117', '230']);
  const image = `${ECR}/partners/catalog-import:3.7.0`;
  const template = {
    containers: [batchContainer({
      name: 'import', image, command: ['python', '-m', 'acme_import'], args: ['--partner', 'acme-supply', '--date', 'today'],
      cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SFTP_HOST', value: 'sftp.acme-supply.example' },
        { name: 'SFTP_PATH', value: '/outbound/catalog_{date:%Y%m%d}.csv' },
        { name: 'CATALOG_DB_URL', value: 'postgresql://catalog_import@catalog-db.partners.svc.cluster.local:5432/catalog' },
        { name: 'EXIT_CODE_INPUT_EMPTY', value: '42' },
      ],
    })],
    serviceAccountName: 'catalog-import',
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general' },
  };
  const built = cronJob({
    namespace: ns, name: 'acme-catalog-import', schedule: '30 2 * * *', template, backoffLimit: 4,
    jobs: [
      { createdAgo: 2 * DAYS + 44, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 2 * DAYS + 44, containers: { import: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 37, ranSeconds: 410 }) } }], outcome: { complete: true, ago: 2 * DAYS + 37 } },
      { createdAgo: DAYS + 44, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: DAYS + 44, containers: { import: terminated({ exitCode: 0, finishedAgo: DAYS + 36.5, ranSeconds: 438 }) } }], outcome: { complete: true, ago: DAYS + 36.5 } },
      { createdAgo: 44, pods: [{ node: names[1] ?? '', phase: 'Failed', createdAgo: 44, containers: { import: terminated({ exitCode: 42, finishedAgo: 43.6, ranSeconds: 14 }) } }] },
    ],
    lastSuccessfulAgo: DAYS + 36.5,
  });
  const failed = built.jobs[2];
  if (failed === undefined) throw new Error('no failed job');
  const jobObj = failed.objects[0] as k8s.V1Job;
  const pod = podOf(failed, 0);
  const policy: k8s.V1PodFailurePolicy = { rules: [
    { action: 'FailJob', onExitCodes: { containerName: 'import', operator: 'In', values: [42] } },
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
  ] };
  const cronObj = built.objects[0] as k8s.V1CronJob;
  for (const j of built.jobs) {
    const spec = (j.objects[0] as k8s.V1Job).spec;
    if (spec) spec.podFailurePolicy = policy;
  }
  if (cronObj.spec?.jobTemplate.spec) cronObj.spec.jobTemplate.spec.podFailurePolicy = policy;
  const msg = `Container import for pod ${ns}/${nameOf(pod)} failed with exit code 42 matching FailJob rule at index 0`;
  const cond = (type: string): k8s.V1JobCondition => ({ type, status: 'True', reason: 'PodFailurePolicy', message: msg, lastProbeTime: ago(43.5), lastTransitionTime: ago(43.5) });
  if (jobObj.status) {
    jobObj.status.conditions = [cond('FailureTarget'), cond('Failed')];
    jobObj.status.failed = 1;
    delete jobObj.status.active;
  }
  const partnerApi = bystander(ns, 'partner-portal', names, 2 * HOURS + 10, { revisions: [33, 34], versions: ['6.2.0', '6.3.0'], olderAgo: 11 * DAYS });
  const log = lines(
    `${pyTime(43.85)} INFO acme_import.main: catalog-import 3.7.0 starting: partner=acme-supply run_date=2026-11-21 dry_run=False`,
    `${pyTime(43.84)} INFO paramiko.transport: Connected (version 2.0, client OpenSSH_8.9p1)`,
    `${pyTime(43.83)} INFO paramiko.transport: Authentication (publickey) successful!`,
    `${pyTime(43.83)} INFO paramiko.transport.sftp: [chan 0] Opened sftp connection (server version 3)`,
    `${pyTime(43.8)} INFO acme_import.fetch: listing /outbound: catalog_20261119.csv (31,844,102 bytes), catalog_20261120.csv (32,017,551 bytes), catalog_20261121.csv (0 bytes)`,
    `${pyTime(43.78)} INFO acme_import.fetch: downloaded /outbound/catalog_20261121.csv -> /tmp/catalog_20261121.csv (0 bytes) in 0.21s`,
    `${pyTime(43.77)} INFO paramiko.transport.sftp: [chan 0] sftp session closed.`,
    `${pyTime(43.76)} ERROR acme_import.validate: input file catalog_20261121.csv is empty (0 bytes; expected a header and at least 1 row). Previous file catalog_20261120.csv had 48213 rows.`,
    `${pyTime(43.76)} ERROR acme_import.main: refusing to import an empty catalog: it would deactivate 48213 active SKUs for partner acme-supply`,
    `${pyTime(43.75)} ERROR acme_import.main: exiting with code 42 (INPUT_EMPTY); contact the partner to re-send the file, then re-run the job`,
  );
  const okLog = (rows: number) => lines(
    `${pyTime(DAYS + 44)} INFO acme_import.main: catalog-import 3.7.0 starting: partner=acme-supply run_date=2026-11-20 dry_run=False`,
    `${pyTime(DAYS + 43.9)} INFO acme_import.fetch: downloaded /outbound/catalog_20261120.csv -> /tmp/catalog_20261120.csv (32017551 bytes) in 3.12s`,
    `${pyTime(DAYS + 37)} INFO acme_import.load: upserted ${rows} rows (updated 1127, inserted 38, deactivated 12) in 401.7s`,
    `${pyTime(DAYS + 36.6)} INFO acme_import.main: done`,
  );
  return {
    id: 'heldout68-import-empty-input-podfailurepolicy-42',
    class: 'jobs',
    truth: 'Tonight\'s run of the acme-catalog-import CronJob (Job acme-catalog-import-<minute>, 02:30) failed at once: its pod\'s import container exited 42 after 14 s because the partner\'s file for the day, /outbound/catalog_20261121.csv on the partner SFTP, is empty (0 bytes), and the Job\'s podFailurePolicy rule FailJob on exit code 42 failed the whole Job without retries (condition Failed, reason PodFailurePolicy). The cluster, the image and the Job are fine; the input is the cause. Fix: get acme-supply to re-send the day\'s file, then re-run the Job (kubectl create job --from=cronjob/acme-catalog-import).',
    ask: { service: 'acme-catalog-import', namespace: ns },
    objects: [
      ...nodes, ...built.objects, ...partnerApi.objects,
      ...exposed({ namespace: ns, name: 'partner-portal', selector: { app: 'partner-portal' }, pods: partnerApi.pods }),
      event({ on: { kind: 'CronJob', name: 'acme-catalog-import', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(jobObj)}`, firstAgo: 44, lastAgo: 44, component: 'cronjob-controller' }),
      event({ on: { kind: 'CronJob', name: 'acme-catalog-import', namespace: ns }, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(jobObj)}, condition: Failed`, firstAgo: 43.4, lastAgo: 43.4, component: 'cronjob-controller' }),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(pod)}`, 44),
      jobEvent(jobObj, 'PodFailurePolicy', msg, 43.5, 'Warning'),
      ...startedAt(pod, 'import', image, 44),
      scaledReplicaSet(deploymentOf(partnerApi), rsOf(partnerApi, 34), 2, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(partnerApi), rsOf(partnerApi, 33), 0, 2, 2 * HOURS + 8),
      nodeEvent(names[1] ?? '', 'ImageGCFailed', 'wanted to free 4312890572 bytes, but freed 0 bytes space with errors in image deletion: rpc error: code = Unknown desc = failed to delete image: image is in use by a container', { type: 'Warning', firstAgo: 9 * HOURS, lastAgo: 9 * HOURS }),
    ],
    logs: [
      logsFor(pod, 'import', { current: log }),
      logsFor(podOf(built.jobs[1] as Built, 0), 'import', { current: okLog(48213) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b42\b|empty|catalog_20261121/i],
      facts: [/PodFailurePolicy|FailJob/, /catalog_20261121|empty/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /backoff ?limit|BackoffLimitExceeded/i, /image[^\n]*(pull|not found)/i],
    },
  };
}

// ---- 4. Kafka: HPA at 12 consumers on a 6-partition topic --------------------------------------------

function kafkaConsumersOutnumberPartitions(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.108', ['19', '144', '212']);
  const image = (v: string) => `${ECR}/payments/ledger-writer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'payments-kafka-bootstrap.kafka.svc.cluster.local:9092' },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'ledger-writer' },
        { name: 'LEDGER_TOPIC', value: 'payments.settled' },
        { name: 'SPRING_KAFKA_LISTENER_CONCURRENCY', value: '1' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const rev14Pods = 12;
  const app = deploymentApp({
    namespace: ns, name: 'ledger-writer', replicas: 12,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: ledger-writer 1.18.2', template: tpl('1.18.2') },
      { revision: 14, createdAgo: 8 * DAYS, changeCause: 'argocd: ledger-writer 1.19.0', template: tpl('1.19.0') },
    ],
    pods: Array.from({ length: rev14Pods }, (_, k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: k < 3 ? 8 * DAYS - k : k < 6 ? 51.9 - k * 0.01 : 25.9 - k * 0.01 })),
  });
  const h = hpa({ namespace: ns, name: 'ledger-writer', target: { kind: 'Deployment', name: 'ledger-writer' }, min: 3, max: 12, current: 12, desired: 12, lastScaleAgo: 26 });
  if (h.spec) h.spec.metrics = [{ type: 'External', external: { metric: { name: 'kafka_consumergroup_lag', selector: { matchLabels: { consumergroup: 'ledger-writer', topic: 'payments.settled' } } }, target: { type: 'AverageValue', averageValue: '1k' } } }];
  if (h.status) {
    h.status.currentMetrics = [{ type: 'External', external: { metric: { name: 'kafka_consumergroup_lag', selector: { matchLabels: { consumergroup: 'ledger-writer', topic: 'payments.settled' } } }, current: { averageValue: '23742' } } }];
    h.status.conditions = [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(26) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from external metric kafka_consumergroup_lag(&LabelSelector{MatchLabels:map[string]string{consumergroup: ledger-writer,topic: payments.settled,},MatchExpressions:[]LabelSelectorRequirement{},})', lastTransitionTime: ago(40 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(26) },
    ];
  }
  const cfg = configMap({ namespace: ns, name: 'ledger-writer-topics', createdAgo: 200 * DAYS, data: {
    'topics.yaml': 'topics:\n  - name: payments.settled\n    partitions: 6\n    replicationFactor: 3\n    config:\n      retention.ms: "604800000"\n      min.insync.replicas: "2"\n  - name: payments.settled.dlq\n    partitions: 1\n    replicationFactor: 3\n',
  } });
  const gen = 61;
  const member = (k: number) => `consumer-ledger-writer-1-${(0x3a1f9c + k * 7919).toString(16)}-${(0x5e20 + k * 31).toString(16)}-4c1d-9b8e-${(0x2f7c41a9d3e0 + k * 104729).toString(16)}`;
  const assignment = Array.from({ length: 12 }, (_, k) => `${member(k)}=Assignment(partitions=[${k < 6 ? `payments.settled-${k}` : ''}])`).join(', ');
  const log = (p: k8s.V1Pod, k: number): string => {
    const c = `[Consumer clientId=consumer-ledger-writer-1, groupId=ledger-writer]`;
    const T = 'ntainer#0-0-C-1';
    const CC = 'o.a.k.c.c.internals.ConsumerCoordinator';
    const out = [
      springLine(25.2, 'INFO', T, CC, `${c} Request joining group due to: group is already rebalancing`),
      springLine(25.2, 'INFO', T, CC, `${c} (Re-)joining group`),
      springLine(24.9, 'INFO', T, CC, `${c} Successfully joined group with generation Generation{generationId=${gen}, memberId='${member(k)}', protocol='range'}`),
      ...(k === 0 ? [springLine(24.9, 'INFO', T, CC, `${c} Finished assignment for group at generation ${gen}: {${assignment}}`)] : []),
      springLine(24.85, 'INFO', T, CC, `${c} Successfully synced group in generation Generation{generationId=${gen}, memberId='${member(k)}', protocol='range'}`),
      springLine(24.85, 'INFO', T, CC, `${c} Notifying assignor about the new Assignment(partitions=[${k < 6 ? `payments.settled-${k}` : ''}])`),
      springLine(24.85, 'INFO', T, CC, `${c} Adding newly assigned partitions: ${k < 6 ? `payments.settled-${k}` : ''}`),
      springLine(24.84, 'INFO', T, 'o.s.k.l.KafkaMessageListenerContainer', `ledger-writer: partitions assigned: [${k < 6 ? `payments.settled-${k}` : ''}]`),
    ];
    if (k < 6) {
      out.push(springLine(24.83, 'INFO', T, CC, `${c} Setting offset for partition payments.settled-${k} to the committed offset FetchPosition{offset=${88_410_233 + k * 1_002_117}, offsetEpoch=Optional[14], currentLeader=LeaderAndEpoch{leader=Optional[payments-kafka-${k % 3}.payments-kafka-brokers.kafka.svc:9092 (id: ${k % 3} rack: eu-west-1${'abc'[k % 3]})], epoch=14}}`));
      for (let i = 0; i < 8; i++) out.push(springLine(22 - i * 2.7, 'INFO', T, 'c.e.p.ledger.SettlementBatchListener', `committed batch of 500 records from payments.settled-${k} in ${(2.9 + (i % 3) * 0.3).toFixed(1)}s (offset ${88_420_000 + k * 1_002_117 + i * 500}, lag ${41_200 + i * 640 + k * 90})`));
    } else {
      for (let i = 0; i < 3; i++) out.push(springLine(20 - i * 7, 'DEBUG', 'scheduling-1', 'c.e.p.ledger.LagReporter', `no partitions assigned to this consumer; idle`));
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout68-kafka-consumers-outnumber-partitions',
    class: 'capacity',
    truth: 'The ledger-writer consumer group reads payments.settled, a topic with 6 partitions. A traffic peak raised the group\'s lag and the lag-driven HPA scaled the Deployment from 3 to its maximum of 12 replicas in the last 50 minutes, but a partition goes to at most one member of a group: 6 consumers own payments.settled-0…5 and the other 6 were assigned nothing ("Assignment(partitions=[])"), so throughput stopped at six consumers\' worth and the lag keeps growing while the HPA sits at maxReplicas. More replicas cannot help; the partition count is the ceiling. Fix: add partitions to the topic (and key-order consequences), raise per-consumer throughput (batching, concurrency per partition is not possible) or cap the HPA at the partition count.',
    ask: { service: 'ledger-writer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, h, cfg,
      ...exposed({ namespace: ns, name: 'ledger-writer', selector: { app: 'ledger-writer' }, pods: app.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'ledger-writer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: external metric kafka_consumergroup_lag(&LabelSelector{MatchLabels:map[string]string{consumergroup: ledger-writer,topic: payments.settled,},MatchExpressions:[]LabelSelectorRequirement{},}) above target', firstAgo: 52, lastAgo: 52, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'ledger-writer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: external metric kafka_consumergroup_lag(&LabelSelector{MatchLabels:map[string]string{consumergroup: ledger-writer,topic: payments.settled,},MatchExpressions:[]LabelSelectorRequirement{},}) above target', firstAgo: 26, lastAgo: 26, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 6, 3, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 12, 6, 26),
      probeFailed(podOf(app, 9), 'app', 'Readiness', `Get "http://${ip(podOf(app, 9))}:8080/actuator/health/readiness": dial tcp ${ip(podOf(app, 9))}:8080: connect: connection refused`, { count: 3, firstAgo: 25.8, lastAgo: 25.5 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/partition/i],
      facts: [/partitions=\[\]|partitions assigned: \[\]|no partitions|idle/i, /\b12\b/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /(raise|increase)[^\n]*max ?replicas/i],
    },
  };
}

// ---- 5. RabbitMQ worker with prefetch 0 (unlimited): OOMKilled on the nightly backlog ----------------

function rabbitPrefetchUnlimitedOom(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.115', ['27', '163', '240']);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const tpl = (v: string, prefetch: string) => ({
    containers: [batchContainer({
      name: 'worker', image: image(v), command: ['python', '-m', 'invoice_renderer.worker'], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'RABBITMQ_URL', value: 'amqp://invoice-renderer@rabbitmq.billing.svc.cluster.local:5672/billing' },
        { name: 'RABBITMQ_QUEUE', value: 'invoices.render' },
        { name: 'RABBITMQ_PREFETCH_COUNT', value: prefetch },
        { name: 'PDF_RENDER_CONCURRENCY', value: '2' },
      ],
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-renderer', replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 15 * DAYS, changeCause: 'helm upgrade invoice-renderer 3.3.4', template: tpl('3.3.4', '50') },
      { revision: 23, createdAgo: 9 * HOURS, changeCause: 'helm upgrade invoice-renderer 3.4.0 (rabbitmq.prefetch: 0)', template: tpl('3.4.0', '0') },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 23, node: names[k] ?? '', createdAgo: 9 * HOURS - k,
      containers: { worker: k === 1
        ? running({ sinceAgo: 0.8, ready: true, restarts: 13, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 0.9, ranSeconds: 95 } })
        : crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.5 + k, ranSeconds: 88 + k * 9 }, 12 + k) },
    })),
    settled: { available: false, availableSince: 64, progressingSince: 9 * HOURS, progressingUpdatedAgo: 9 * HOURS - 2 },
  });
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-nodes',
    revisions: [{ revision: 4, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }], cpu: '1', memory: '4Gi', readiness: tcpProbe('amqp', { initialDelaySeconds: 10 }), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { timeoutSeconds: 15, periodSeconds: 30 }), volumeMounts: [{ name: 'persistence', mountPath: '/var/lib/rabbitmq/mnesia' }] })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 30 * DAYS })),
    volumeClaimTemplates: [{ name: 'persistence', storage: '20Gi' }],
  });
  const workerLog = (p: k8s.V1Pod, k: number, startAgo: number): string => {
    const out = [
      `${pyTime(startAgo)} INFO invoice_renderer.worker: invoice-renderer 3.4.0 starting (pika 1.3.2, WeasyPrint 62.3)`,
      `${pyTime(startAgo - 0.01)} INFO pika.adapters.utils.connection_workflow: Pika version 1.3.2 connecting to ('172.20.88.14', 5672)`,
      `${pyTime(startAgo - 0.01)} INFO pika.adapters.utils.io_services_utils: Socket connected: <socket.socket fd=7, family=2, type=1, proto=6, laddr=('${ip(p)}', ${40110 + k}), raddr=('172.20.88.14', 5672)>`,
      `${pyTime(startAgo - 0.02)} INFO pika.adapters.blocking_connection: Created channel=1`,
      `${pyTime(startAgo - 0.02)} INFO invoice_renderer.worker: basic_qos(prefetch_count=0, global_qos=False) on channel 1`,
      `${pyTime(startAgo - 0.02)} INFO invoice_renderer.worker: consuming from invoices.render (consumer_tag=ctag1.${(0x7f3a21 + k * 977).toString(16)}${k})`,
    ];
    for (let i = 0; i < 9; i++) out.push(`${pyTime(startAgo - 0.1 - i * 0.12)} INFO invoice_renderer.render: rendered INV-2026-11-${String(48_120 + i * 7 + k * 311).padStart(7, '0')} (redelivered=True, pages=${2 + (i % 3)}) in ${380 + i * 23}ms; unacked in flight: ${41_200 + i * 2_900 + k * 1_300}`);
    out.push(`${pyTime(startAgo - 1.2)} WARNING invoice_renderer.worker: RSS 702.4 MiB (limit 768 MiB); ${58_913 + k * 1_700} deliveries buffered in memory`);
    return out.join('\n') + '\n';
  };
  const brokerLog = (): string => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 28 - i * 4.6;
      const pid = `<0.${28411 + i * 137}.3>`;
      const w = podOf(app, i % 3);
      out.push(`${rmqTime(t)} [info] ${pid} accepting AMQP connection ${ip(w)}:${40110 + (i % 3)} -> ${ip(podOf(rmq, 0))}:5672`);
      out.push(`${rmqTime(t)} [info] ${pid} connection ${ip(w)}:${40110 + (i % 3)} -> ${ip(podOf(rmq, 0))}:5672: user 'invoice-renderer' authenticated and granted access to vhost 'billing'`);
      out.push(`${rmqTime(t - 1.5)} [warning] ${pid} closing AMQP connection ${pid} (${ip(w)}:${40110 + (i % 3)} -> ${ip(podOf(rmq, 0))}:5672, vhost: 'billing', user: 'invoice-renderer'):`);
      out.push(`${rmqTime(t - 1.5)} [warning] ${pid} client unexpectedly closed TCP connection`);
    }
    return out.join('\n') + '\n';
  };
  const api = bystander(ns, 'billing-api', names, 3 * HOURS, { revisions: [70, 71], versions: ['12.4.1', '12.5.0'], olderAgo: 9 * DAYS });
  return {
    id: 'heldout68-rabbitmq-prefetch-zero-oomkilled',
    class: 'config',
    truth: 'invoice-renderer revision 23 (helm upgrade to 3.4.0, 9 hours ago) set RABBITMQ_PREFETCH_COUNT to 0, so each worker calls basic.qos with prefetch_count=0 — unlimited unacknowledged deliveries. It ran fine while the queue was short; when the 02:00 bill run put ~180k messages on invoices.render, RabbitMQ pushed the whole backlog to each consumer, the workers buffered tens of thousands of deliveries, hit their 768Mi limit and were OOMKilled in a loop (exit 137, 12–14 restarts); unacked messages return to the queue and are redelivered to the next worker, which dies the same way. Fix: set a bounded prefetch (50 as in revision 22) or roll back to revision 22; raising the memory limit would not bound it.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rmq.objects, ...api.objects,
      ...rmq.pods.flatMap((p, o) => boundClaim({ namespace: ns, name: `persistence-${nameOf(p)}`, storage: '20Gi', zone: ZONES[o] ?? 'eu-west-1a', createdAgo: 30 * DAYS })),
      service({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'cluster-rpc', port: 25672, targetPort: 25672 }], headless: true }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, clusterIP: '172.20.88.14', ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 0, 9 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 3, 9 * HOURS - 2),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 71), 2, 0, 3 * HOURS),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'worker', image('3.4.0'), { count: 12 + (k === 1 ? 1 : k), firstAgo: 70, lastAgo: k === 1 ? 0.8 : 3 + k }),
        ...(k === 1 ? [] : [backOff(p, 'worker', { count: 40 + k * 5, firstAgo: 62 })]),
      ]),
      probeFailed(podOf(rmq, 1), 'rabbitmq', 'Liveness', 'command timed out: "rabbitmq-diagnostics -q ping" timed out after 15s', { count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'worker', { previous: workerLog(p, k, k === 1 ? 0.9 + 95 / 60 : 1.5 + k + (88 + k * 9) / 60), ...(k === 1 ? { current: workerLog(p, k, 0.8).split('\n').slice(0, 9).join('\n') + '\n' } : {}) })),
      logsFor(podOf(rmq, 0), 'rabbitmq', { current: brokerLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prefetch/i],
      facts: [/OOMKilled|\bOOM/, /revision 23|RABBITMQ_PREFETCH_COUNT|prefetch_count=0/],
      never: [/\bleak/i, /rabbitmq[^\n]*(down|unavailable|unreachable)/i],
    },
  };
}

// ---- 6. NATS JetStream stream full (discard new), its work-queue consumer scaled to 0 ----------------

function jetstreamMaxBytesDiscardNew(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.121', ['33', '150', '226']);
  const natsImage = 'docker.io/library/nats:2.10.22-alpine';
  const nats = statefulSetApp({
    namespace: 'nats', name: 'nats', replicas: 3, serviceName: 'nats-headless', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 7, createdAgo: 33 * DAYS, template: { containers: [
      container({ name: 'nats', image: natsImage, args: ['--config', '/etc/nats-config/nats.conf'], ports: [{ name: 'nats', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }], cpu: '500m', memory: '2Gi', readiness: httpProbe('/healthz?js-server-only=true', 8222), liveness: httpProbe('/healthz?js-enabled-only=true', 8222, { initialDelaySeconds: 10, timeoutSeconds: 5, failureThreshold: 3, periodSeconds: 30 }), startup: httpProbe('/healthz', 8222, { failureThreshold: 90 }), volumeMounts: [{ name: 'nats-js', mountPath: '/data' }] }),
      container({ name: 'reloader', image: 'docker.io/natsio/nats-server-config-reloader:0.16.0', ports: [], readiness: null, liveness: null, cpu: '10m', memory: '32Mi' }),
    ] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 7, ordinal: o, node: names[o] ?? '', createdAgo: 33 * DAYS })),
    volumeClaimTemplates: [{ name: 'nats-js', storage: '20Gi', storageClass: 'gp3' }],
  });
  const streams = configMap({ namespace: ns, name: 'order-streams', createdAgo: 90 * DAYS, data: {
    'ORDERS.json': JSON.stringify({ name: 'ORDERS', subjects: ['orders.>'], retention: 'workqueue', max_consumers: -1, max_msgs: -1, max_bytes: 2147483648, max_age: 0, max_msg_size: 1048576, storage: 'file', discard: 'new', num_replicas: 3, duplicate_window: 120000000000, allow_direct: true }, null, 2),
    'ORDERS-archiver.json': JSON.stringify({ durable_name: 'order-archiver', ack_policy: 'explicit', ack_wait: 30000000000, max_deliver: 10, filter_subject: 'orders.>', max_ack_pending: 2000 }, null, 2),
  } });
  const gwImage = (v: string) => `${ECR}/orders/order-events-gateway:${v}`;
  const gwTpl = (v: string) => ({ containers: [container({ image: gwImage(v), ports: [8080], cpu: '250m', memory: '256Mi', env: [{ name: 'NATS_URL', value: 'nats://nats.nats.svc.cluster.local:4222' }, { name: 'JS_STREAM', value: 'ORDERS' }, { name: 'PUBLISH_TIMEOUT', value: '2s' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const gw = deploymentApp({
    namespace: ns, name: 'order-events-gateway', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 10 * DAYS, changeCause: 'argocd: order-events-gateway 1.9.3', template: gwTpl('1.9.3') },
      { revision: 19, createdAgo: 5 * HOURS, changeCause: 'argocd: order-events-gateway 1.10.0', template: gwTpl('1.10.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 5 * HOURS - k })),
  });
  const arcTpl = { containers: [batchContainer({ name: 'archiver', image: `${ECR}/orders/order-archiver:2.2.1`, cpu: '250m', memory: '512Mi', env: [{ name: 'NATS_URL', value: 'nats://nats.nats.svc.cluster.local:4222' }, { name: 'JS_STREAM', value: 'ORDERS' }, { name: 'JS_DURABLE', value: 'order-archiver' }, { name: 'S3_BUCKET', value: 'acme-orders-archive-eu-west-1' }] })] };
  const archiver = deploymentApp({
    namespace: ns, name: 'order-archiver', replicas: 0,
    revisions: [{ revision: 9, createdAgo: 27 * DAYS, changeCause: 'argocd: order-archiver 2.2.1', template: arcTpl }],
    pods: [],
    settled: { available: true, availableSince: 14 * HOURS, progressingSince: 27 * DAYS },
  });
  const gwLog = (p: k8s.V1Pod, k: number): string => {
    const out = [
      `{"level":"info","ts":"${at(5 * HOURS - k - 0.3)}","caller":"cmd/gateway/main.go:61","msg":"starting order-events-gateway","version":"1.10.0"}`,
      `{"level":"info","ts":"${at(5 * HOURS - k - 0.3)}","caller":"natsconn/conn.go:48","msg":"connected to NATS","url":"nats://nats.nats.svc.cluster.local:4222","server":"nats-${k}","cluster":"nats","js_domain":""}`,
      `{"level":"info","ts":"${at(5 * HOURS - k - 0.29)}","caller":"natsconn/conn.go:71","msg":"stream found","stream":"ORDERS","subjects":["orders.>"],"retention":"workqueue","discard":"new","max_bytes":2147483648}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 37 - i * 2.6 - k * 0.2;
      const oid = `ORD-${(7_710_400 + i * 37 + k * 1009).toString()}`;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"publish/js.go:94","msg":"jetstream publish failed","subject":"orders.created.eu","order_id":"${oid}","attempt":3,"error":"nats: maximum bytes exceeded","err_code":10077}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.005)}","caller":"http/handler.go:57","msg":"request failed","method":"POST","path":"/v1/order-events","status":503,"duration_ms":${42 + i}}`);
      if (i % 4 === 0) out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"http/handler.go:49","msg":"request","method":"GET","path":"/v1/order-events/health","status":200,"duration_ms":1}`);
    }
    return out.join('\n') + '\n';
  };
  const natsLog = (o: number): string => lines(
    `[7] ${natsTime(33 * DAYS - 0.2)} [INF] Starting nats-server`,
    `[7] ${natsTime(33 * DAYS - 0.2)} [INF]   Version:  2.10.22`,
    `[7] ${natsTime(33 * DAYS - 0.2)} [INF] Starting JetStream`,
    `[7] ${natsTime(33 * DAYS - 0.19)} [INF]     Max Storage:     20.00 GB`,
    `[7] ${natsTime(33 * DAYS - 0.18)} [INF] Server is ready`,
    `[7] ${natsTime(14 * HOURS + 0.2)} [INF] ${`10.0.121.${60 + o}`}:47712 - cid:${9120 + o} - "v1.37.0:go:order-archiver" - Client connection closed: Client Closed`,
    `[7] ${natsTime(3 * HOURS)} [WRN] 10.0.${60 + o}.14:51944 - cid:${10211 + o} - "v1.37.0:go:order-events-gateway" - Readloop processing time: 2.104s`,
  );
  return {
    id: 'heldout68-jetstream-max-bytes-discard-new',
    class: 'capacity',
    truth: 'The ORDERS JetStream stream is a work queue (retention workqueue) with max_bytes 2 GiB and discard new. Its only consumer, order-archiver, was scaled to 0 replicas 14 hours ago during an S3 maintenance and never scaled back, so nothing acknowledged messages and the stream filled to max_bytes about 40 minutes ago; with discard new, JetStream now rejects every publish with "nats: maximum bytes exceeded" (err_code 10077), and order-events-gateway answers 503 to its callers. NATS itself and its volumes are healthy. Fix: scale order-archiver back up so the queue drains (or raise max_bytes temporarily); the gateway\'s 1.10.0 rollout 5 hours ago is not the cause.',
    ask: { service: 'order-events-gateway', namespace: ns },
    objects: [
      ...nodes, ...nats.objects, streams, ...gw.objects, ...archiver.objects,
      ...nats.pods.flatMap((p, o) => boundClaim({ namespace: 'nats', name: `nats-js-${nameOf(p)}`, storage: '20Gi', zone: ZONES[o] ?? 'eu-west-1a', createdAgo: 33 * DAYS })),
      service({ namespace: 'nats', name: 'nats-headless', selector: { app: 'nats' }, ports: [{ name: 'nats', port: 4222, targetPort: 4222 }, { name: 'cluster', port: 6222, targetPort: 6222 }, { name: 'monitor', port: 8222, targetPort: 8222 }], headless: true }),
      ...exposed({ namespace: 'nats', name: 'nats', selector: { app: 'nats' }, pods: nats.pods, ports: [{ name: 'nats', port: 4222, targetPort: 'nats' }], endpointPort: 4222 }),
      ...exposed({ namespace: ns, name: 'order-events-gateway', selector: { app: 'order-events-gateway' }, pods: gw.pods }),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 19), 3, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 18), 0, 3, 5 * HOURS - 2),
      scaledReplicaSet(deploymentOf(archiver), rsOf(archiver, 9), 0, 2, 14 * HOURS),
    ],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(p, k) })),
      ...nats.pods.map((p, o) => logsFor(p, 'nats', { current: natsLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/maximum bytes|max_bytes|ORDERS/i],
      facts: [/maximum bytes exceeded/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /no space left|disk (is )?full|volume[^\n]*full/i],
    },
  };
}

// ---- 7. Healthy control: Redis with its memory-overcommit warning -------------------------------------

function healthyRedisOvercommitWarning(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.133', ['41', '170', '219']);
  const image = 'docker.io/library/redis:7.2.6-alpine';
  const redis = statefulSetApp({
    namespace: ns, name: 'session-store', replicas: 1, serviceName: 'session-store-hl',
    revisions: [{ revision: 5, createdAgo: 44 * DAYS, template: { containers: [container({
      name: 'redis', image, command: ['redis-server'], args: ['/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi',
      readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis' }],
    })], volumes: [{ name: 'config', configMap: { name: 'session-store-config' } }] } }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 2 * DAYS + 3 * HOURS }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }],
  });
  const pod = podOf(redis, 0);
  const cfg = configMap({ namespace: ns, name: 'session-store-config', createdAgo: 44 * DAYS, data: { 'redis.conf': 'bind 0.0.0.0\nport 6379\nprotected-mode no\nmaxmemory 768mb\nmaxmemory-policy volatile-lru\nsave 3600 1 300 100 60 10000\nappendonly no\ndir /data\n' } });
  const started = 2 * DAYS + 3 * HOURS - 0.5;
  const redisTime = (t: number): string => {
    const d = ago(t);
    const M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    return `${String(d.getUTCDate()).padStart(2, '0')} ${M} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
  };
  const saves: string[] = [];
  for (let i = 0; i < 6; i++) {
    const t = 28 - i * 5;
    const pid = 4121 + i * 13;
    saves.push(
      `1:M ${redisTime(t)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${redisTime(t)} * Background saving started by pid ${pid}`,
      `${pid}:C ${redisTime(t - 0.01)} * DB saved on disk`,
      `${pid}:C ${redisTime(t - 0.01)} * Fork CoW for RDB: current ${2 + (i % 2)} MB, peak ${3 + (i % 2)} MB, average 2 MB`,
      `1:M ${redisTime(t - 0.012)} * Background saving terminated with success`,
    );
  }
  const log = lines(
    `1:C ${redisTime(started)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${redisTime(started)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(started)} * Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(started)} * Configuration loaded`,
    `1:M ${redisTime(started)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(started)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(started)} * Server initialized`,
    `1:M ${redisTime(started)} * Loading RDB produced by version 7.2.6`,
    `1:M ${redisTime(started)} * RDB age 41 seconds`,
    `1:M ${redisTime(started)} * RDB memory usage when created 57.31 Mb`,
    `1:M ${redisTime(started - 0.01)} * Done loading RDB, keys loaded: 182311, keys expired: 2210.`,
    `1:M ${redisTime(started - 0.01)} * DB loaded from disk: 0.412 seconds`,
    `1:M ${redisTime(started - 0.01)} * Ready to accept connections tcp`,
    ...saves,
  );
  const webImage = `${ECR}/identity/auth-web:9.2.4`;
  const web = deploymentApp({
    namespace: ns, name: 'auth-web', replicas: 3,
    revisions: [{ revision: 48, createdAgo: 6 * DAYS, changeCause: 'argocd: auth-web 9.2.4', template: { containers: [container({ image: webImage, ports: [8080], env: [{ name: 'SESSION_REDIS_URL', value: 'redis://session-store.identity.svc.cluster.local:6379/0' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 48, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  return {
    id: 'heldout68-healthy-redis-overcommit-warning',
    class: 'healthy',
    truth: 'session-store (Redis 7.2.6, one StatefulSet pod) is healthy: Running and ready for two days without restarts, its RDB background saves every few minutes succeed, and auth-web reads sessions from it normally. Its log begins with Redis\' standard "WARNING Memory overcommit must be enabled!" because the node\'s vm.overcommit_memory is 0 — a startup advisory every containerised Redis prints on stock nodes, not a fault; background saves succeed.',
    ask: { service: 'session-store', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, cfg, ...web.objects,
      ...boundClaim({ namespace: ns, name: 'data-session-store-0', storage: '10Gi', zone: 'eu-west-1b', createdAgo: 44 * DAYS }),
      service({ namespace: ns, name: 'session-store-hl', selector: { app: 'session-store' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], headless: true }),
      ...exposed({ namespace: ns, name: 'session-store', selector: { app: 'session-store' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'auth-web', selector: { app: 'auth-web' }, pods: web.pods }),
    ],
    logs: [
      logsFor(pod, 'redis', { current: log }),
      ...web.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3)} INFO  [http-nio-8080-exec-4] c.e.a.web.LoginController: login ok user=u-${nameOf(p).slice(-5)} session=redis`, `${at(1)} INFO  [http-nio-8080-exec-9] c.e.a.web.SessionFilter: session refreshed ttl=1800s`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/session-store/],
      facts: [/session-store/],
      never: [/overcommit/i, /\bOOM/, /restart(ed|ing)? (loop|repeatedly)|crash/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  linkerdDestinationDown(),
  cephRbdStillInUse(),
  importEmptyInputFailJob(),
  kafkaConsumersOutnumberPartitions(),
  rabbitPrefetchUnlimitedOom(),
  jetstreamMaxBytesDiscardNew(),
  healthyRedisOvercommitWarning(),
];
