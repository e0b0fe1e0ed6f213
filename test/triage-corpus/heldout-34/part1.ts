// Held-out stories, thirty-fourth round, part one: new nodes of a scale-up left tainted
// `uninitialized` because the cloud-controller-manager is down, so an HPA's new pods stay Pending;
// a Service made headless whose port 5432 → targetPort 15432 no longer translates, so clients
// dial the pgbouncer pods on 5432 and are refused; a ConfigMap mounted with subPath whose new
// database host never reached the running pods after the old database was decommissioned; a .NET
// image rebased on a chiseled base without ICU aborting at startup (exit 134); an HPA held back by
// the namespace's requests.cpu quota during a traffic rise; a Spring Boot revision whose misspelled
// SPRING_PROFILES_ACTIVE falls back to the default localhost datasource; and a healthy control: an
// image server logging broken pipes after its caller's redeploy, with old resolved warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, failedScheduling,
  hpa, httpProbe, nameOf, node, probeFailed, pyTime, resourceQuota, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, service, endpointSliceFor, startedNormally, tcpProbe, nodeEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** A ReplicaSet of a built Deployment, to adjust what the kit derived from the pods. */
const rsObject = (app: Built, revision: number): k8s.V1ReplicaSet =>
  app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === String(revision)) as k8s.V1ReplicaSet;

// ---- 1. new nodes stuck `uninitialized`: the cloud-controller-manager is down ----------------------

function uninitializedNodesCcmDown(): CorpusScenario {
  const ns = 'orders';
  const { nodes: old, names } = threeEksNodes('10.0.72', ['18', '141', '205']);
  // Registered by the kubelet (--cloud-provider=external) 16 minutes ago; nothing has initialized them
  // since: no providerID, no zone / instance-type labels, no InternalIP, the kubelet's taint still on.
  const fresh = (ip: string, zone: string): k8s.V1Node => {
    const n = node({ name: `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`, zone, createdAgo: 16, readySince: 15.2 });
    const labels = { ...(n.metadata?.labels ?? {}) };
    for (const k of ['node.kubernetes.io/instance-type', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone']) delete labels[k];
    if (n.metadata) n.metadata.labels = labels;
    n.spec = { taints: [{ key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' }] };
    if (n.status) n.status.addresses = [{ type: 'Hostname', address: nameOf(n) }];
    for (const c of n.status?.conditions ?? []) if (c.type !== 'Ready') c.lastTransitionTime = ago(16);
    return n;
  };
  const added = [fresh('10.0.72.63', 'eu-west-1a'), fresh('10.0.72.177', 'eu-west-1b')];
  const addedNames = added.map(nameOf);
  const image = `${ECR}/orders/order-api:4.19.2`;
  const tpl = { containers: [container({ image, ports: [8080], cpu: '1', memory: '1536Mi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] };
  const unsched = '0/5 nodes are available: 2 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}, 3 Insufficient cpu. preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 7,
    revisions: [
      { revision: 57, createdAgo: 11 * DAYS, changeCause: 'argocd: order-api 4.19.1', template: tpl },
      { revision: 58, createdAgo: 3 * DAYS, changeCause: 'argocd: order-api 4.19.2', template: tpl },
    ],
    pods: [
      ...[0, 1, 2, 0].map((k, i) => ({ revision: 58, node: names[k] ?? '', createdAgo: 3 * DAYS - i * 2 })),
      ...[0, 1, 2].map(() => ({ revision: 58, node: null, createdAgo: 19, unschedulable: unsched })),
    ],
  });
  const pending = [4, 5, 6].map((i) => podOf(app, i));
  const other = bystander(ns, 'order-events', names, 31, { revisions: [40, 41], versions: ['2.2.0', '2.3.0'], olderAgo: 15 * DAYS });
  const scaler = hpa({
    namespace: ns, name: 'order-api', target: { kind: 'Deployment', name: 'order-api' }, min: 4, max: 14, current: 7, desired: 7, lastScaleAgo: 19,
    cpu: { current: 86, target: 65, averageValue: '861m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(19) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(3 * DAYS) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
    ],
  });
  const busy = (k: number) => lines(
    `${at(2.4 + k / 5)}  WARN 1 --- [order-api] [nio-8080-exec-${41 + k}] c.a.orders.web.RequestTimingFilter      : slow request POST /v2/orders took 2841ms`,
    `${at(1.1 + k / 5)}  INFO 1 --- [order-api] [nio-8080-exec-${12 + k}] c.a.orders.service.OrderService         : order ord_9Xk${k}2PqL created for cart c_77${k}10 in 612ms`,
    `${at(0.5)}  WARN 1 --- [order-api] [nio-8080-exec-${7 + k}] c.a.orders.web.RequestTimingFilter      : slow request GET /v2/orders/ord_3Mz${k}1 took 1904ms`,
  );
  return {
    id: 'heldout34-uninitialized-nodes-ccm-down',
    class: 'nodes',
    truth: 'A traffic rise made the order-api HPA scale 4 → 7 nineteen minutes ago; the three existing nodes had no CPU left, so the cluster autoscaler added two nodes. Their kubelets (--cloud-provider=external) registered them with the node.cloudprovider.kubernetes.io/uninitialized=true:NoSchedule taint, but the cloud-controller-manager in kube-system has been down since an upgrade, so nothing initialized them: no providerID, no zone or instance-type labels, no InternalIP, and the taint never came off. The three new order-api pods stay Pending (2 untolerated taint, 3 Insufficient cpu) while four pods run hot. order-api and its revision are not at fault. Fix: bring the cloud-controller-manager back; it then initializes the nodes and removes the taint.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...old, ...added, ...app.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: other.pods }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 7; reason: cpu resource utilization (percentage of request) above target', firstAgo: 19, lastAgo: 19, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 7, 4, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 31),
      ...pending.flatMap((p, i) => [
        event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-general-20250918-7ac4d1e2-5b9c-2f61-91d0-3e8a41c2b7f0 3->5 (max: 8)}]', firstAgo: 18.7, lastAgo: 18.7, component: 'cluster-autoscaler' }),
        failedScheduling(p, unsched, { count: 9 + i, firstAgo: 19, lastAgo: 0.8 + i / 4 }),
      ]),
      ...addedNames.flatMap((n) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 16 }),
        nodeEvent(n, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: 16 }),
        nodeEvent(n, 'NodeHasSufficientMemory', `Node ${n} status is now: NodeHasSufficientMemory`, { firstAgo: 16 }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 15.9, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 15.2 }),
      ]),
    ],
    logs: [
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: busy(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/uninitiali[sz]ed|cloud[- ]?controller|cloud provider|\bCCM\b/i, /taint|node/i],
      facts: [lit('node.cloudprovider.kubernetes.io/uninitialized'), /cloud-controller-manager|cloud controller|\bCCM\b/i, new RegExp(`${lit(addedNames[0] ?? '').source}|${lit(addedNames[1] ?? '').source}`), /Pending|unschedulable|cannot be scheduled|can't be scheduled/i, /providerID|not (yet |been )?initiali[sz]ed/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /order-events/, /quota/i, /(raise|increase|lower|reduce)[^\n]{0,30}(cpu )?requests?/i],
    },
  };
}

// ---- 2. a Service made headless: port 5432 no longer translates to targetPort 15432 -----------------

function headlessServiceNoPortTranslation(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140', ['27', '96', '213']);
  const pgbImage = 'docker.io/bitnami/pgbouncer:1.23.1-debian-12-r5';
  const pgb = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 4 * DAYS, changeCause: 'argocd: pgbouncer 1.23.1', template: { containers: [container({ name: 'pgbouncer', image: pgbImage, ports: [{ name: 'pgbouncer', containerPort: 15432 }], cpu: '200m', memory: '128Mi', env: [{ name: 'PGBOUNCER_PORT', value: '15432' }, { name: 'PGBOUNCER_POOL_MODE', value: 'transaction' }, { name: 'POSTGRESQL_HOST', value: 'billing-pg.cluster-c3kq9w2mzx7e.eu-west-1.rds.amazonaws.com' }], readiness: tcpProbe(15432), liveness: tcpProbe(15432, { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 4 * DAYS - 1 }],
  });
  const pgbIps = pgb.pods.map(ipOfPod);
  // Re-created by Argo CD 35 minutes ago with clusterIP: None ("let the clients spread over the poolers").
  const svc = service({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, ports: [{ name: 'postgres', port: 5432, targetPort: 15432 }], headless: true, createdAgo: 35 });
  if (svc.spec) delete svc.spec.publishNotReadyAddresses;
  if (svc.metadata) svc.metadata.annotations = { 'argocd.argoproj.io/tracking-id': 'billing:/Service:billing/pgbouncer' };
  const slice = endpointSliceFor(svc, pgb.pods, 15432);
  const apiImage = `${ECR}/billing/invoice-api:2.31.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [{ revision: 73, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 2.31.0', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '300m', memory: '256Mi', env: [{ name: 'DB_HOST', value: 'pgbouncer.billing.svc.cluster.local' }, { name: 'DB_PORT', value: '5432' }, { name: 'DB_NAME', value: 'invoices' }, { name: 'DB_USER', value: 'invoice' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 73, node: names[k] ?? '', createdAgo: 6 * DAYS - k, containers: { app: running({ sinceAgo: 6 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 34, progressingSince: 6 * DAYS },
  });
  const other = bystander(ns, 'invoice-pdf', names, 52, { revisions: [18, 19], versions: ['1.8.3', '1.9.0'], olderAgo: 21 * DAYS });
  const refused = (ip: string) => `failed to connect to \`user=invoice database=invoices\`: ${ip}:5432 (pgbouncer.billing.svc.cluster.local): dial error: dial tcp ${ip}:5432: connect: connection refused`;
  const apiLog = (k: number) => lines(
    `{"time":"${at(41 - k)}","level":"INFO","msg":"request","method":"GET","path":"/v1/invoices/inv_20261121_${8812 + k}","status":200,"dur_ms":11}`,
    `{"time":"${at(34.6 - k / 10)}","level":"ERROR","msg":"query failed","op":"ListInvoices","err":"${refused(pgbIps[k % 2] ?? '')}"}`,
    `{"time":"${at(12.2)}","level":"WARN","msg":"readiness: database unreachable","err":"${refused(pgbIps[(k + 1) % 2] ?? '')}"}`,
    `{"time":"${at(3.4)}","level":"ERROR","msg":"request","method":"POST","path":"/v1/invoices","status":503,"dur_ms":2,"err":"${refused(pgbIps[k % 2] ?? '')}"}`,
    `{"time":"${at(0.3)}","level":"WARN","msg":"readiness: database unreachable","err":"${refused(pgbIps[(k + 1) % 2] ?? '')}"}`,
  );
  const pgTime = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  const pgbLog = (k: number) => lines(
    `${pgTime(40 - k / 7)} [1] LOG stats: 214 xacts/s, 877 queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, in 90412 B/s, out 388120 B/s, xact 2411 us, query 512 us, wait 18 us`,
    `${pgTime(34.1)} [1] LOG C-0x55d1c8a3b2e0: invoices/invoice@${ipOfPod(podOf(api, k))}:48122 closing because: client close request (age=518400s)`,
    `${pgTime(20 - k / 7)} [1] LOG stats: 0 xacts/s, 0 queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, in 0 B/s, out 0 B/s, xact 0 us, query 0 us, wait 0 us`,
    `${pgTime(1 - k / 7)} [1] LOG stats: 0 xacts/s, 0 queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, in 0 B/s, out 0 B/s, xact 0 us, query 0 us, wait 0 us`,
  );
  return {
    id: 'heldout34-headless-service-no-port-translation',
    class: 'network',
    truth: 'Argo CD re-created the pgbouncer Service 35 minutes ago as headless (clusterIP: None), to let clients spread over the two poolers through DNS. Its port 5432 maps to targetPort 15432, where pgbouncer listens; a headless Service has no virtual IP and kube-proxy does no port translation for it, so pgbouncer.billing.svc.cluster.local now resolves to the pod IPs and invoice-api dials them on 5432, where nothing listens: connection refused, /readyz 503, all three invoice-api pods unready. pgbouncer itself is healthy (idle since). Fix: restore a ClusterIP Service (or make the port 15432 on both sides / have pgbouncer listen on 5432).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...pgb.objects, ...api.objects, ...other.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 52),
      ...api.pods.map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 198 + i, firstAgo: 34.4, lastAgo: 0.2 + i / 10 })),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(pgb, k), 'pgbouncer', { current: pgbLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/headless|clusterIP:? ?None|targetPort|port (mapping|translation)|15432/i, /pgbouncer|5432/i],
      facts: [lit('15432'), /headless|clusterIP:? ?"?None/i, /connection refused|ECONNREFUSED/i, /pgbouncer/, /35 ?min|re-?created|recreated/i],
      never: [ADVISES_ROLLBACK, /NetworkPolicy/i, /pgbouncer[^\n]{0,40}(is down|crash|not running|unready|not ready)/i, /invoice-pdf/, /\bOOM/],
    },
  };
}

// ---- 3. a ConfigMap mounted with subPath: the new database host never reached the running pods --------

function subPathConfigMapStaleDbHost(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.58', ['12', '119', '240']);
  const image = `${ECR}/catalog/catalog-api:7.4.1`;
  const oldHost = 'catalog-db-1.cx7h2k1q9zab.eu-west-1.rds.amazonaws.com';
  const newHost = 'catalog-db-2.cx7h2k1q9zab.eu-west-1.rds.amazonaws.com';
  const tpl = {
    containers: [container({
      image, ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['gunicorn', '-c', '/app/gunicorn.conf.py', 'catalog.wsgi:app'],
      env: [{ name: 'CATALOG_SETTINGS', value: '/app/config/settings.yaml' }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'config', mountPath: '/app/config/settings.yaml', subPath: 'settings.yaml', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'catalog-api-config', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 23 * DAYS, changeCause: 'argocd: catalog-api 7.4.0', template: tpl },
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: catalog-api 7.4.1', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 9 * DAYS - k, containers: { app: running({ sinceAgo: 9 * DAYS - k, ready: false }) } })),
      { revision: 23, node: names[1] ?? '', createdAgo: 25 },
    ],
    settled: { available: false, availableSince: 38, progressingSince: 9 * DAYS },
  });
  const fresh = podOf(app, 3);
  const cm = configMap({
    namespace: ns, name: 'catalog-api-config', createdAgo: 200 * DAYS, updatedAgo: 180,
    data: {
      'settings.yaml': `database:\n  host: ${newHost}\n  port: 5432\n  name: catalog\n  user: catalog_app\n  pool_size: 10\n  connect_timeout: 5\ncache:\n  url: redis://catalog-cache.catalog.svc.cluster.local:6379/0\nsearch:\n  url: http://catalog-search.catalog.svc.cluster.local:9200\nfeatures:\n  price_rounding: bankers\n`,
    },
  });
  const other = bystander(ns, 'catalog-search', names, 20, { revisions: [30, 31], versions: ['3.3.0', '3.3.1'], olderAgo: 12 * DAYS });
  const failing = (k: number) => lines(
    `${pyTime(55 - k)} INFO [catalog.access] GET /v3/products/sku-44${k}18 200 14ms`,
    `${pyTime(39.5 - k / 10)} ERROR [catalog.db] (psycopg2.OperationalError) could not translate host name "${oldHost}" to address: Name or service not known`,
    `(Background on this error at: https://sqlalche.me/e/20/e3q8)`,
    `${pyTime(12.3 - k / 10)} ERROR [catalog.access] GET /v3/products/sku-10${k}93 500 5003ms`,
    `${pyTime(0.4 + k / 10)} WARNING [catalog.health] readiness check failed: database: (psycopg2.OperationalError) could not translate host name "${oldHost}" to address: Name or service not known`,
  );
  const freshLog = lines(
    `[${at(24.6).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
    `[${at(24.6).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${pyTime(24.5)} INFO [catalog.settings] loaded /app/config/settings.yaml (database.host=${newHost}, cache=redis://catalog-cache.catalog.svc.cluster.local:6379/0)`,
    `${pyTime(24.4)} INFO [catalog.db] pool ready (size=10)`,
    `${pyTime(1.2)} INFO [catalog.access] GET /v3/products/sku-77102 200 9ms`,
    `${pyTime(0.3)} INFO [catalog.access] GET /v3/categories/outdoor 200 21ms`,
  );
  return {
    id: 'heldout34-subpath-configmap-stale-db-host',
    class: 'config',
    truth: 'The DBA team moved catalog to a new RDS instance: 3 hours ago they edited the catalog-api-config ConfigMap (database.host catalog-db-1 → catalog-db-2) and 40 minutes ago they decommissioned catalog-db-1. catalog-api mounts settings.yaml from that ConfigMap with subPath, and subPath mounts never receive ConfigMap updates, so the three pods running for 9 days still read catalog-db-1, whose DNS name no longer resolves: 500s and readiness 503, three of four pods unready. The pod re-created 25 minutes ago read the new file and serves fine. Nothing in the Deployment changed. Fix: restart the Deployment (kubectl rollout restart), and stop mounting the ConfigMap with subPath (or roll a checksum annotation).',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 20),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 23), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh)}`, firstAgo: 25, lastAgo: 25, component: 'replicaset-controller' }),
      ...startedNormally(fresh, 'app', image, 25),
      ...[0, 1, 2].map((k) => probeFailed(podOf(app, k), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 226 + k, firstAgo: 39, lastAgo: 0.2 + k / 10 })),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: failing(k) })),
      logsFor(fresh, 'app', { current: freshLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/subPath|sub-path|stale|old (database |db )?host|catalog-db-1|not (picked up|reloaded|updated)/i],
      facts: [/subPath|sub-path/i, lit('catalog-db-1'), /catalog-db-2/, /catalog-api-config/, /3 ?h(ours?)?|180 ?min|00:1\d/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /catalog-search/, /crash ?loop/i, /CoreDNS|DNS (outage|is down)/i],
    },
  };
}

// ---- 4. a .NET image rebased on a chiseled base without ICU: SIGABRT at startup ---------------------

function dotnetChiseledNoIcu(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '158', '222']);
  const image = (v: string) => `${ECR}/loyalty/rewards-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '250m', memory: '512Mi', env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }, { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }, { name: 'DOTNET_gcServer', value: '0' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }), securityContext: { runAsNonRoot: true, runAsUser: 1654, allowPrivilegeEscalation: false } })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'rewards-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 15, createdAgo: 8 * DAYS, changeCause: 'argocd: rewards-api 3.4.2', template: tpl('3.4.2') },
      { revision: 16, createdAgo: 17, changeCause: 'argocd: rewards-api 3.5.0', template: tpl('3.5.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 16, node: names[2] ?? '', createdAgo: 17, containers: { app: crashLoop({ exitCode: 134, reason: 'Error', finishedAgo: 1.3, ranSeconds: 0.4 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'rewards-ledger', names, 44, { revisions: [27, 28], versions: ['1.12.0', '1.12.1'], olderAgo: 30 * DAYS });
  const abort = lines(
    'Process terminated. Couldn\'t find a valid ICU package installed on the system. Set the configuration flag System.Globalization.Invariant to true if you want to run with no globalization support.',
    '   at System.Environment.FailFast(System.Runtime.CompilerServices.StackCrawlMarkHandle, System.String, System.Runtime.CompilerServices.ObjectHandleOnStack, System.String)',
    '   at System.Environment.FailFast(System.Threading.StackCrawlMark ByRef, System.String, System.Exception, System.String)',
    '   at System.Environment.FailFast(System.String)',
    '   at System.Globalization.GlobalizationMode+Settings..cctor()',
    '   at System.Globalization.CultureData.CreateCultureWithInvariantData()',
    '   at System.Globalization.CultureData.get_Invariant()',
    '   at System.Globalization.CultureInfo..cctor()',
    '   at System.Globalization.CultureInfo.get_CurrentCulture()',
    '   at System.Globalization.TextInfo.ToLower(System.String)',
    '   at Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider.Load(System.Collections.IDictionary)',
    '   at Microsoft.Extensions.Configuration.ConfigurationManager.AddSource(Microsoft.Extensions.Configuration.IConfigurationSource)',
    '   at Microsoft.AspNetCore.Builder.WebApplicationBuilder..ctor(Microsoft.AspNetCore.Builder.WebApplicationOptions, System.Action`1<Microsoft.Extensions.Hosting.IHostBuilder>)',
    '   at Program.<Main>$(System.String[])',
  );
  const okLog = (k: number) => lines(
    `info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`,
    `      Request finished HTTP/1.1 GET http://rewards-api.loyalty.svc.cluster.local/v1/members/m_${40211 + k}/points - 200 - application/json;+charset=utf-8 7.8312ms`,
    `info: Loyalty.Rewards.Api.Redemptions.RedeemHandler[0]`,
    `      Redeemed 1500 points for member m_${51877 + k} (order ord_${9912 + k})`,
  );
  return {
    id: 'heldout34-dotnet-chiseled-image-no-icu',
    class: 'containers',
    truth: 'rewards-api 3.5.0 (revision 16, rolled out 17 minutes ago) moved its runtime base image from mcr.microsoft.com/dotnet/aspnet:8.0 to the slim 8.0-jammy-chiseled image, which ships without libicu. The app runs with globalization on (InvariantGlobalization not set), so .NET fails fast when it first touches culture data: "Couldn\'t find a valid ICU package installed on the system", SIGABRT, exit 134, on every start. The new pod crash-loops and the rollout is stuck (maxUnavailable 0) with three revision-15 pods serving. Fix: roll back to revision 15, then use the -extra chiseled image (with ICU) or set InvariantGlobalization if the service needs no culture data.',
    ask: { service: 'rewards-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rewards-api', selector: { app: 'rewards-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rewards-ledger', selector: { app: 'rewards-ledger' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 1, 0, 17),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 28), 2, 0, 44),
      scheduled(fresh, 17),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.5.0')}"`, firstAgo: 16.9, lastAgo: 16.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.5.0')}" in 1.872s (1.872s including waiting). Image size: 47120512 bytes.`, firstAgo: 16.8, lastAgo: 16.8, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.5.0'), { count: 9, firstAgo: 16.8, lastAgo: 1.3 }),
      backOff(fresh, 'app', { count: 71, firstAgo: 16.5, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: abort }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bICU\b|globali[sz]ation/i, /rewards-api|3\.5\.0|revision 16|image/i],
      facts: [/\bICU\b/, /134|SIGABRT|abort/i, /3\.5\.0|revision 16/, /Invariant|libicu|icu package|-extra/i],
      never: [/\bOOM/, /exit (code )?137/i, /liveness/i, /rewards-ledger/, /SIGSEGV|segfault/i],
    },
  };
}

// ---- 5. an HPA held back by the namespace's requests.cpu quota during a traffic rise -----------------

function hpaBlockedByCpuQuota(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.204', ['9', '133', '187']);
  const image = `${ECR}/search/search-frontend:12.8.3`;
  const tpl = { containers: [container({ image, ports: [8080], cpu: '1200m', memory: '1Gi', env: [{ name: 'GOMAXPROCS', value: '2' }, { name: 'BACKEND', value: 'http://search-indexer.search.svc.cluster.local:9000' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'search-frontend',
    replicas: 12,
    revisions: [
      { revision: 90, createdAgo: 14 * DAYS, changeCause: 'argocd: search-frontend 12.8.2', template: tpl },
      { revision: 91, createdAgo: 6 * DAYS, changeCause: 'argocd: search-frontend 12.8.3', template: tpl },
    ],
    pods: [
      ...[0, 1, 2, 0, 1, 2].map((k, i) => ({ revision: 91, node: names[k] ?? '', createdAgo: 6 * DAYS - i })),
      ...[0, 1].map((k) => ({ revision: 91, node: names[k + 1] ?? '', createdAgo: 41 - k })),
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(6 * DAYS), lastTransitionTime: ago(6 * DAYS) },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: '', lastUpdateTime: ago(40), lastTransitionTime: ago(6 * DAYS) },
    ],
  });
  const rs = rsObject(app, 91);
  const rsName = nameOf(rs);
  const forbidden = `Error creating: pods "${rsName}-" is forbidden: exceeded quota: search-quota, requested: requests.cpu=1200m, used: requests.cpu=12100m, limited: requests.cpu=12500m`;
  if (rs.spec) rs.spec.replicas = 12;
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      ...(dep.status.conditions ?? []).map((c) => (c.type === 'Progressing' ? { ...c, message: `ReplicaSet "${rsName}" has successfully progressed.` } : c)),
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: forbidden.replace('Error creating: ', ''), lastUpdateTime: ago(23), lastTransitionTime: ago(23) },
    ];
    dep.status.unavailableReplicas = 4;
  }
  // Two other tenants of the quota: 2 × 1000m and 2 × 250m of requests.
  const indexer = deploymentApp({
    namespace: ns,
    name: 'search-indexer',
    replicas: 2,
    revisions: [{ revision: 33, createdAgo: 20 * DAYS, changeCause: 'argocd: search-indexer 5.1.0', template: { containers: [container({ image: `${ECR}/search/search-indexer:5.1.0`, ports: [9000], cpu: '1', memory: '3Gi' })] } }],
    pods: [{ revision: 33, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 33, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const other = bystander(ns, 'search-suggest', names, 26, { revisions: [14, 15], versions: ['0.9.4', '0.9.5'], olderAgo: 9 * DAYS });
  const quota = resourceQuota({
    namespace: ns, name: 'search-quota', createdAgo: 180 * DAYS, updatedAgo: 60 * DAYS,
    hard: { 'limits.memory': '48Gi', pods: '40', 'requests.cpu': '12500m', 'requests.memory': '32Gi' },
    used: { 'limits.memory': '15Gi', pods: '12', 'requests.cpu': '12100m', 'requests.memory': '15Gi' },
  });
  const scaler = hpa({
    namespace: ns, name: 'search-frontend', target: { kind: 'Deployment', name: 'search-frontend' }, min: 6, max: 24, current: 8, desired: 12, lastScaleAgo: 24,
    cpu: { current: 94, target: 60, averageValue: '1128m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 12', lastTransitionTime: ago(24) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(30 * DAYS) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(9 * DAYS) },
    ],
  });
  const hot = (k: number) => lines(
    `{"level":"info","ts":"${at(6 - k / 4)}","msg":"request","path":"/api/search","q_len":${11 + k},"status":200,"took_ms":${420 + k * 37}}`,
    `{"level":"warn","ts":"${at(3.1 - k / 5)}","msg":"latency SLO at risk","p99_ms":${1380 + k * 41},"target_ms":400,"inflight":${61 + k}}`,
    `{"level":"info","ts":"${at(0.4)}","msg":"request","path":"/api/suggest","status":200,"took_ms":${290 + k * 12}}`,
  );
  return {
    id: 'heldout34-hpa-blocked-by-cpu-quota',
    class: 'capacity',
    truth: 'A traffic rise (evening peak plus a marketing push) pushed search-frontend to 94% of its CPU requests. Its HPA scaled 6 → 8 forty minutes ago and asked for 12 twenty-four minutes ago, but the namespace ResourceQuota search-quota caps requests.cpu at 12500m and 12100m is used (8 × 1200m frontend, 2 × 1000m indexer, 2 × 250m suggest): every new pod (1200m) is refused by the ReplicaSet with "exceeded quota". Eight pods run hot with p99 latency over 1.3 s. Nothing changed in the app (last rollout 6 days ago). Fix: raise the quota (or lower the per-pod request) so the HPA can reach its desired 12.',
    ask: { service: 'search-frontend', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...indexer.objects, ...other.objects, quota, scaler,
      ...exposed({ namespace: ns, name: 'search-frontend', selector: { app: 'search-frontend' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods, ports: [{ name: 'http', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: other.pods }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 41, lastAgo: 41, component: 'horizontal-pod-autoscaler' }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsName, 8, 6, 41),
      scaledReplicaSet(deploymentOf(app), rsName, 12, 8, 24),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 26),
      event({ on: { kind: 'ReplicaSet', name: rsName, namespace: ns }, reason: 'FailedCreate', message: forbidden, count: 31, firstAgo: 24, lastAgo: 0.6, component: 'replicaset-controller' }),
    ],
    logs: [
      ...[0, 1, 2, 6].map((k) => logsFor(podOf(app, k), 'app', { current: hot(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quota/i, /search-quota|requests\.cpu|cpu|search-frontend/i],
      facts: [lit('search-quota'), /12500m|12\.5/, /exceeded quota|FailedCreate/i, /8\/12|8 of 12|desired[^\n]{0,30}\b12\b|\b12\b[^\n]{0,20}(desired|wanted|replicas)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /Insufficient cpu|cluster[- ]autoscaler|add (more )?nodes/i, /(at|reached|hit|capped by|limited by) (its |the )?(maxReplicas|max(imum)? replicas)/i, /search-suggest/],
    },
  };
}

// ---- 6. a misspelled Spring profile: the default localhost datasource --------------------------------

function springProfileTypo(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.88', ['24', '150', '201']);
  const image = (v: string) => `${ECR}/accounts/account-service:${v}`;
  const tpl = (v: string, profile: string) => ({ containers: [container({ image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: profile }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' }, { name: 'SERVER_SHUTDOWN', value: 'graceful' }], readiness: httpProbe('/actuator/health/readiness', 8081, { initialDelaySeconds: 20 }), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'account-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: account-service 5.12.0', template: tpl('5.12.0', 'production') },
      { revision: 42, createdAgo: 22, changeCause: 'argocd: account-service 5.12.1 (values: env block reorganised)', template: tpl('5.12.1', 'prodution') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 42, node: names[0] ?? '', createdAgo: 21.8, containers: { app: running({ sinceAgo: 21.6, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'account-notifier', names, 35, { revisions: [8, 9], versions: ['2.0.3', '2.0.4'], olderAgo: 25 * DAYS });
  const t = (m: number) => at(m);
  const th = (name: string) => `[account-service] [${name.padStart(15)}]`;
  const freshLog = lines(
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    `${t(21.5)}  INFO 1 --- ${th('main')} c.a.accounts.AccountServiceApplication   : Starting AccountServiceApplication v5.12.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${t(21.5)}  INFO 1 --- ${th('main')} c.a.accounts.AccountServiceApplication   : The following 1 profile is active: "prodution"`,
    `${t(21.4)}  INFO 1 --- ${th('main')} o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${t(21.3)}  INFO 1 --- ${th('main')} com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${t(21.3)}  WARN 1 --- ${th('main')} o.h.e.j.e.i.JdbcEnvironmentInitiator     : HHH000342: Could not obtain connection to query metadata`,
    '',
    'org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352) ~[postgresql-42.7.4.jar!/:42.7.4]',
    '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54) ~[postgresql-42.7.4.jar!/:42.7.4]',
    '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:476) ~[HikariCP-5.1.0.jar!/:na]',
    'Caused by: java.net.ConnectException: Connection refused',
    '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method) ~[na:na]',
    '\t... 58 common frames omitted',
    '',
    `${t(20.9)}  INFO 1 --- ${th('main')} o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    `${t(20.9)}  INFO 1 --- ${th('main')} c.a.accounts.AccountServiceApplication   : Started AccountServiceApplication in 9.871 seconds (process running for 10.62)`,
    `${t(8.2)}  WARN 1 --- ${th('nio-8081-exec-3')} o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`,
    '',
    'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
    'Caused by: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    '',
    `${t(0.4)}  WARN 1 --- ${th('nio-8081-exec-7')} o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`,
    '',
    'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
    'Caused by: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
  );
  const oldLog = (k: number) => lines(
    `${t(2.2 + k / 4)}  INFO 1 --- ${th(`nio-8080-exec-${k + 4}`)} c.a.accounts.web.AccountController        : GET /v1/accounts/acc_7${k}2291 -> 200 (12 ms)`,
    `${t(0.7)}  INFO 1 --- ${th(`nio-8080-exec-${k + 9}`)} c.a.accounts.web.AccountController        : PATCH /v1/accounts/acc_3${k}1876/limits -> 204 (31 ms)`,
  );
  return {
    id: 'heldout34-spring-profile-typo-localhost-datasource',
    class: 'config',
    truth: 'Revision 42 of account-service (5.12.1, 22 minutes ago) came with a reorganised env block in the Helm values that set SPRING_PROFILES_ACTIVE to "prodution" instead of "production". No application-prodution.yml exists, so the production datasource (the RDS endpoint) is never loaded and Spring falls back to application.yml\'s local default, jdbc:postgresql://localhost:5432/accounts: "Connection to localhost:5432 refused". The app starts, but its readiness group includes the db health check, so the new pod never turns ready and the rollout is stuck (maxUnavailable 0) while three revision-41 pods serve. Fix: correct the profile name (or roll back to revision 41).',
    ask: { service: 'account-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'account-service', selector: { app: 'account-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'account-notifier', selector: { app: 'account-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 22),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 35),
      scheduled(fresh, 21.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('5.12.1')}"`, firstAgo: 21.8, lastAgo: 21.8, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('5.12.1')}" in 3.204s (3.204s including waiting). Image size: 118233410 bytes.`, firstAgo: 21.7, lastAgo: 21.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 21.7, lastAgo: 21.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 21.6, lastAgo: 21.6, fieldPath: 'spec.containers{app}' }),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 126, firstAgo: 21.2, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: freshLog }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prodution|SPRING_PROFILES_ACTIVE|profile/i, /prodution|typo|misspel|localhost|datasource|revision 42|5\.12\.1|account-service/i],
      facts: [lit('prodution'), /localhost:5432/, /revision 42|5\.12\.1/, /readiness|not ready|unready|never (became|turns?) ready/i],
      never: [/\bOOM/, /crash ?loop/i, /(postgres|database|RDS)[^\n]{0,20}(is )?(down|outage|unavailable)/i, /account-notifier/, /NetworkPolicy/i],
    },
  };
}

// ---- 7. healthy control: broken pipes after a caller's redeploy, old resolved warnings ----------------

function healthyBrokenPipeNoise(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.12', ['35', '101', '179']);
  const image = `${ECR}/storefront/product-images:3.7.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'product-images',
    replicas: 3,
    revisions: [
      { revision: 28, createdAgo: 19 * DAYS, changeCause: 'argocd: product-images 3.6.4', template: { containers: [container({ image: `${ECR}/storefront/product-images:3.6.4`, ports: [8080], cpu: '400m', memory: '512Mi' })] } },
      { revision: 29, createdAgo: 6 * DAYS, changeCause: 'argocd: product-images 3.7.0', template: { containers: [container({ image, ports: [8080], cpu: '400m', memory: '512Mi' })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 29, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const bffImage = (v: string) => `${ECR}/storefront/web-bff:${v}`;
  const bff = deploymentApp({
    namespace: ns,
    name: 'web-bff',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: web-bff 9.20.1', template: { containers: [container({ image: bffImage('9.20.1'), ports: [3000] })] } },
      { revision: 89, createdAgo: 12, changeCause: 'argocd: web-bff 9.21.0', template: { containers: [container({ image: bffImage('9.21.0'), ports: [3000] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 12 - k * 0.8 })),
  });
  const bffIps = bff.pods.map(ipOfPod);
  const scaler = hpa({ namespace: ns, name: 'product-images', target: { kind: 'Deployment', name: 'product-images' }, min: 3, max: 10, current: 3, desired: 3, cpu: { current: 38, target: 70, averageValue: '152m' } });
  const own = (p: k8s.V1Pod | undefined) => ipOfPod(p);
  const imgLog = (k: number) => {
    const p = podOf(app, k);
    return lines(
      `{"level":"info","ts":"${at(14 - k / 5)}","msg":"served","path":"/img/p/88${k}12/800w.webp","status":200,"bytes":${61233 + k * 911},"dur_ms":4,"cache":"hit"}`,
      `{"level":"warn","ts":"${at(11.6 - k / 5)}","msg":"write response failed","path":"/img/p/41${k}07/1600w.webp","remote":"${bffIps[k] ?? ''}:4381${k}","error":"write tcp ${own(p)}:8080->${bffIps[k] ?? ''}:4381${k}: write: broken pipe"}`,
      `{"level":"warn","ts":"${at(11.5 - k / 5)}","msg":"write response failed","path":"/img/p/41${k}09/800w.webp","remote":"${bffIps[(k + 1) % 3] ?? ''}:5120${k}","error":"write tcp ${own(p)}:8080->${bffIps[(k + 1) % 3] ?? ''}:5120${k}: write: connection reset by peer"}`,
      `{"level":"warn","ts":"${at(10.7 - k / 5)}","msg":"write response failed","path":"/img/c/hero-winter-sale/2400w.avif","remote":"${bffIps[(k + 2) % 3] ?? ''}:3716${k}","error":"write tcp ${own(p)}:8080->${bffIps[(k + 2) % 3] ?? ''}:3716${k}: write: broken pipe"}`,
      `{"level":"info","ts":"${at(6 - k / 5)}","msg":"cache stats","entries":${18211 + k * 37},"hit_ratio":0.94,"evictions":${12 + k}}`,
      `{"level":"info","ts":"${at(1.1 + k / 5)}","msg":"served","path":"/img/p/90${k}44/400w.webp","status":200,"bytes":${20871 + k * 311},"dur_ms":3,"cache":"hit"}`,
      `{"level":"info","ts":"${at(0.2)}","msg":"served","path":"/img/p/12${k}90/800w.webp","status":200,"bytes":${55002 + k * 97},"dur_ms":11,"cache":"miss"}`,
    );
  };
  return {
    id: 'heldout34-healthy-broken-pipe-after-caller-redeploy',
    class: 'healthy',
    truth: 'product-images is healthy: three pods of revision 29 (6 days old) serve images at 38% CPU with no restarts. web-bff, its main caller, rolled out 9.21.0 twelve minutes ago; the terminating web-bff pods closed their in-flight image requests, so product-images logged a burst of WARN "write: broken pipe" / "connection reset by peer" while writing responses to clients that had gone away. That is benign client-disconnect noise. The HPA FailedGetResourceMetric warnings (metrics-server restart) and one readiness timeout are about an hour old and resolved. Nothing to do.',
    ask: { service: 'product-images', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...bff.objects, scaler,
      ...exposed({ namespace: ns, name: 'product-images', selector: { app: 'product-images' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'web-bff', selector: { app: 'web-bff' }, pods: bff.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 89), 1, 0, 12),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 88), 2, 3, 11.4),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 89), 2, 1, 11.4),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 88), 0, 2, 10.6),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 89), 3, 2, 10.6),
      event({ on: scaler, reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API', count: 4, firstAgo: 58, lastAgo: 56, component: 'horizontal-pod-autoscaler' }),
      event({ on: scaler, reason: 'FailedComputeMetricsReplicas', message: 'invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API', count: 4, firstAgo: 58, lastAgo: 56, component: 'horizontal-pod-autoscaler' }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 53, lastAgo: 53 }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: imgLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|looks (fine|good)|nothing (wrong|to do)/i],
      facts: [/product-images/],
      never: [/broken pipe|reset by peer/i, /FailedGetResourceMetric|metrics API|metrics-server/i, /readiness probe/i, ADVISES_ROLLBACK, /web-bff[^\n]{0,40}(broke|caused|fail)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  uninitializedNodesCcmDown(),
  headlessServiceNoPortTranslation(),
  subPathConfigMapStaleDbHost(),
  dotnetChiseledNoIcu(),
  hpaBlockedByCpuQuota(),
  springProfileTypo(),
  healthyBrokenPipeNoise(),
];
