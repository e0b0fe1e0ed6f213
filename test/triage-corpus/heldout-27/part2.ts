// Held-out round 27, part two (written blind: without reading the analysis code or the corpus):
//
// 1. grpc-message-too-large: pricing-svc 2.8.0 fattens ListPrices; catalog-api's grpc-go client
//    rejects responses above its default 4 MiB receive limit (ResourceExhausted), pods all Ready.
// 2. system-node-critical-forbidden: orders-api revision 41 sets priorityClassName
//    system-node-critical; the API refuses every new pod in `orders` (FailedCreate), rollout stuck.
// 3. apparmor-profile-missing-new-node-group: the apparmor-loader DaemonSet is pinned to the old
//    node group, so ingest-gateway pods scheduled on the new Ubuntu 24.04 group hit
//    CreateContainerError "apparmor profile not found k8s-ingest-hardened".
// 4. noexecute-maintenance-taint-churn: a maintenance operator's NoExecute taint (not cordoned) and
//    a blanket tolerationSeconds: 300 plus a hostname spread send query-api pods back to the tainted
//    nodes, where the taint-eviction controller deletes them every ~5 minutes.
// 5. istio-http-port-name-on-postgres: billing-db's Service port renamed http-postgres; the sidecars
//    speak HTTP to Postgres (http1.codec_error), invoice-api loses its connections and readiness.
// 6. musl-resolver-large-headless-answer: clickstream-ingest 3.4.0 moved to an Alpine (musl 1.2.3)
//    base; the 36-broker kafka-headless answer is truncated and musl does not retry over TCP:
//    getaddrinfo ENOTFOUND, crash loop, while small names resolve.
// 7. healthy control: an Indexed Job with a podFailurePolicy that ignores DisruptionTarget: one pod
//    preempted, one being drained, neither counts against backoffLimit; 7 of 16 indexes done.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, configMap, container, containerStatus, crashLoop, daemonSetApp, deploymentApp,
  epochMs, event, exposed, hpa, httpProbe, job, namespace, nameOf, nameSuffix, node, nodeEvent, probeFailed, pulledFresh, pyTime,
  replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp,
  startedNormally, terminated, uidOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- helpers of this part -------------------------------------------------------------------------

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment in the built workload');
  return d;
}

/** A rollback advice or blame aimed at one workload (its rollout is innocent). */
const blamesRolloutOf = (name: string, revision: number): RegExp =>
  new RegExp(`roll(ing)? ?back[^\\n]*${name}|${name}[^\\n]*roll(ing)? ?back|rollout undo|undo the rollout|revision ${revision}[^\\n]*(caused|broke|introduced)`, 'i');

/** A node on Ubuntu (the kit's nodes run Amazon Linux). */
function ubuntuNode(o: Parameters<typeof node>[0], release: '22.04' | '24.04'): k8s.V1Node {
  const n = node(o);
  if (n.status?.nodeInfo) {
    n.status.nodeInfo.osImage = release === '22.04' ? 'Ubuntu 22.04.5 LTS' : 'Ubuntu 24.04.1 LTS';
    n.status.nodeInfo.kernelVersion = release === '22.04' ? '6.5.0-1024-aws' : '6.8.0-1018-aws';
    n.status.nodeInfo.containerRuntimeVersion = release === '22.04' ? 'containerd://1.7.12' : 'containerd://1.7.24';
  }
  return n;
}

// ---- 1. gRPC responses above the client's default 4 MiB receive limit -----------------------------

function grpcMessageTooLarge(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.96', ['21', '143', '88']);
  const pricingImage = (v: string) => `${ECR}/catalog/pricing-svc:${v}`;
  const catalogImage = `${ECR}/catalog/catalog-api:5.12.1`;
  const grpcProbe = (extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe => ({ grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra });
  const pricingTpl = (v: string) => ({
    containers: [container({ image: pricingImage(v), ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }], memory: '768Mi', cpu: '500m', readiness: grpcProbe(), liveness: grpcProbe({ initialDelaySeconds: 10 }), env: [{ name: 'GOMEMLIMIT', value: '700MiB' }, { name: 'PRICING_DB_DSN', valueFrom: { secretKeyRef: { name: 'pricing-db', key: 'dsn' } } }] })],
  });
  const pricing = deploymentApp({
    namespace: ns,
    name: 'pricing-svc',
    replicas: 3,
    revisions: [
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-svc 2.7.4', template: pricingTpl('2.7.4') },
      { revision: 20, createdAgo: 36, changeCause: 'argocd: pricing-svc 2.8.0 (ListPrices: per-tier price breakdown)', template: pricingTpl('2.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 20, node: names[k] ?? '', createdAgo: 36 - k * 0.8 })),
  });
  const catalogTpl = {
    containers: [container({ image: catalogImage, ports: [8080], memory: '512Mi', env: [{ name: 'PRICING_ADDR', value: 'pricing-svc.catalog.svc.cluster.local:9090' }, { name: 'PRICING_TIMEOUT', value: '2s' }, { name: 'GOMEMLIMIT', value: '460MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
  };
  const catalog = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 13 * DAYS, changeCause: 'argocd: catalog-api 5.12.0', template: { containers: [container({ image: `${ECR}/catalog/catalog-api:5.12.0`, ports: [8080] })] } },
      { revision: 57, createdAgo: 6 * DAYS + 200, changeCause: 'argocd: catalog-api 5.12.1', template: catalogTpl },
    ],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 6 * DAYS + 199 },
      // An old OOM kill three days ago: noise, long before the failures.
      { revision: 57, node: names[1] ?? '', createdAgo: 6 * DAYS + 198, containers: { app: running({ sinceAgo: 3 * DAYS + 41, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS + 41, ranSeconds: 3 * 24 * 3600 } }) } },
      { revision: 57, node: names[2] ?? '', createdAgo: 6 * DAYS + 197 },
    ],
  });
  const other = bystander(ns, 'search-indexer', names, 14, { revisions: [8, 9], versions: ['1.4.0', '1.4.1'], olderAgo: 9 * DAYS });
  const pricingRs = (rev: number) => rsOf(pricing, rev);

  const zap = (m: number, level: string, caller: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(m)}","caller":"${caller}","msg":"${msg}",${extra}}`;
  const big = [
    ['garden', 2140, 5242880], ['home-improvement', 2911, 6029312], ['toys', 1877, 4821907], ['garden', 2140, 5242880], ['electronics', 2466, 5630114],
  ] as const;
  const catalogLogs = (seed: number) => {
    const out: string[] = [];
    for (let m = 40; m > 36.5; m -= 0.9) out.push(zap(m, 'info', 'httpapi/log.go:41', 'request', `"method":"GET","path":"/v1/categories/${seed % 2 ? 'garden' : 'toys'}/products","status":200,"bytes":${48211 + seed * 311},"dur_ms":${84 + seed}`));
    let i = seed;
    for (let m = 35.4; m > 0; m -= 2.6, i++) {
      const [cat, skus, size] = big[i % big.length] ?? big[0];
      out.push(zap(m, 'error', 'pricing/client.go:112', 'ListPrices failed', `"category":"${cat}","skus":${skus},"error":"rpc error: code = ResourceExhausted desc = grpc: received message larger than max (${size} vs. 4194304)"`));
      out.push(zap(m - 0.01, 'warn', 'httpapi/log.go:41', 'request', `"method":"GET","path":"/v1/categories/${cat}/products","status":502,"bytes":61,"dur_ms":${190 + (i % 7) * 13}`));
      if (i % 2 === 0) out.push(zap(m - 0.5, 'info', 'httpapi/log.go:41', 'request', `"method":"GET","path":"/v1/categories/kitchen/products","status":200,"bytes":39104,"dur_ms":71`));
    }
    return out;
  };
  const pricingLogs = (p: k8s.V1Pod, k: number) => {
    const out = [
      `{"level":"info","ts":"${at(35.8 - k * 0.8)}","msg":"pricing-svc starting","version":"2.8.0","grpc_addr":":9090","features":{"tier_breakdown":true}}`,
      `{"level":"info","ts":"${at(35.7 - k * 0.8)}","msg":"postgres pool ready","max_conns":30}`,
    ];
    for (let m = 30; m > 0; m -= 3.1) {
      out.push(`{"level":"info","ts":"${at(m)}","msg":"finished call","grpc.service":"pricing.v1.PricingService","grpc.method":"ListPrices","grpc.code":"OK","grpc.time_ms":${180 + k * 17},"resp_bytes":${5242880 - k * 1024}}`);
      out.push(`{"level":"info","ts":"${at(m - 0.3)}","msg":"finished call","grpc.service":"pricing.v1.PricingService","grpc.method":"GetPrice","grpc.code":"OK","grpc.time_ms":3}`);
    }
    return logsFor(p, 'app', { current: lines(...out) });
  };

  return {
    id: 'heldout27-grpc-message-too-large',
    class: 'network',
    truth: 'pricing-svc revision 20 (2.8.0, rolled out 36 minutes ago) added a per-tier price breakdown to every SKU in ListPrices responses. For large categories (about 1,800 SKUs and more) a response now weighs 4.6–5.8 MiB, above the 4 MiB (4194304 bytes) default receive limit of catalog-api\'s grpc-go client, which rejects it with "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (5242880 vs. 4194304)"; catalog-api answers 502 on those category pages while small categories keep working. Every pod of both Deployments is Running and Ready and pricing-svc logs the calls as OK (the limit is the client\'s). catalog-api\'s own revision (6 days old), its OOM kill three days ago and the search-indexer rollout are unrelated. Fix: raise the client\'s receive limit (grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(…))) or page ListPrices; mitigation now: roll pricing-svc back to revision 19.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...catalog.objects, ...pricing.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: catalog.pods }),
      ...exposed({ namespace: ns, name: 'pricing-svc', selector: { app: 'pricing-svc' }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], pods: pricing.pods, endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(pricing), pricingRs(20), 1, 0, 36),
      scaledReplicaSet(deploymentOf(pricing), pricingRs(19), 2, 3, 35.6),
      scaledReplicaSet(deploymentOf(pricing), pricingRs(20), 2, 1, 35.6),
      scaledReplicaSet(deploymentOf(pricing), pricingRs(19), 1, 2, 35.2),
      scaledReplicaSet(deploymentOf(pricing), pricingRs(20), 3, 2, 35.2),
      scaledReplicaSet(deploymentOf(pricing), pricingRs(19), 0, 1, 34.6),
      ...pricing.pods.flatMap((p, k) => pulledFresh(p, 'app', pricingImage('2.8.0'), { atAgo: 36 - k * 0.8, bytes: 21877410, seconds: 1.904 })),
      ...pricing.pods.flatMap((p, k) => [
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 35.9 - k * 0.8, lastAgo: 35.9 - k * 0.8, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 35.9 - k * 0.8, lastAgo: 35.9 - k * 0.8, fieldPath: 'spec.containers{app}' }),
      ]),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 14),
      ...other.pods.flatMap((p, k) => startedNormally(p, 'app', `${ECR}/${ns}/search-indexer:1.4.1`, 14 - k)),
    ],
    logs: [
      ...catalog.pods.map((p, k) => logsFor(p, 'app', { current: lines(...catalogLogs(k)), ...(k === 1 ? { previous: lines(zap(3 * DAYS + 42, 'info', 'httpapi/log.go:41', 'request', '"method":"GET","path":"/v1/export/full","status":200,"bytes":91822013,"dur_ms":48211')) } : {}) })),
      ...pricing.pods.map((p, k) => pricingLogs(p, k)),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ResourceExhausted|RESOURCE_EXHAUSTED|larger than max|message size|4194304|4 ?Mi?B/i, /pricing/i],
      facts: [/revision 20|2\.8\.0/, /MaxCallRecvMsgSize|max(imum)?[ -]?(call[ -]?)?rec(ei)?v|receive (limit|size)|message[ -]size limit|paginat|page (the )?ListPrices/i, /ListPrices/],
      never: [/\bOOM/, /crash ?loop/i, blamesRolloutOf('catalog-api', 57), /search-indexer/],
    },
  };
}

// ---- 2. priorityClassName system-node-critical outside kube-system --------------------------------

function systemNodeCriticalForbidden(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '207', '64']);
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const tpl = (v: string, extra: { priorityClassName?: string } = {}) => ({
    containers: [container({ image: image(v), ports: [8080], memory: '1Gi', cpu: '500m', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })],
    terminationGracePeriodSeconds: 45,
    ...extra,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 8 * DAYS, changeCause: 'argocd: orders-api 4.6.3', template: tpl('4.6.3') },
      { revision: 41, createdAgo: 48, changeCause: 'argocd: orders-api 4.7.0', template: tpl('4.7.0', { priorityClassName: 'system-node-critical' }) },
    ],
    pods: [
      { revision: 40, node: names[0] ?? '', createdAgo: 8 * DAYS },
      // A liveness kill yesterday: noise.
      { revision: 40, node: names[1] ?? '', createdAgo: 8 * DAYS - 1, containers: { app: running({ sinceAgo: 26 * 60, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 26 * 60, ranSeconds: 6 * 24 * 3600 } }) } },
      { revision: 40, node: names[2] ?? '', createdAgo: 8 * DAYS - 2 },
    ],
    conditions: [],
  });
  const rs41 = replicaSetOf(app, 41) as k8s.V1ReplicaSet;
  const rs41Name = nameOf(rs41);
  const forbidden = `pods "${rs41Name}-" is forbidden: pods with system-node-critical priorityClass is not permitted in orders namespace`;
  // The new ReplicaSet wants one pod (maxSurge) and the API refuses it.
  if (rs41.spec) rs41.spec.replicas = 1;
  if (rs41.metadata?.annotations) rs41.metadata.annotations['deployment.kubernetes.io/max-replicas'] = '4';
  rs41.status = { replicas: 0, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: forbidden, lastTransitionTime: ago(48) }] };
  const deployment = deploymentOf(app) as k8s.V1Deployment;
  if (deployment.status) {
    deployment.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(8 * DAYS), lastTransitionTime: ago(8 * DAYS) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: forbidden, lastUpdateTime: ago(48), lastTransitionTime: ago(48) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rs41Name}" has timed out progressing.`, lastUpdateTime: ago(38), lastTransitionTime: ago(38) },
    ];
  }
  const other = bystander(ns, 'orders-worker', names, 19, { revisions: [22, 23], versions: ['2.9.0', '2.9.1'], olderAgo: 15 * DAYS });
  const spring = (m: number, level: string, thread: string, logger: string, msg: string) => `${at(m)} ${level.padStart(5)} 1 --- [orders-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  return {
    id: 'heldout27-system-node-critical-forbidden',
    class: 'rollout',
    truth: 'Revision 41 of orders-api (4.7.0, 48 minutes ago) set priorityClassName: system-node-critical in the pod template, meant to protect it from preemption. The API server admits the system-node-critical and system-cluster-critical classes only in kube-system, so every pod the new ReplicaSet tries to create is refused ("pods … is forbidden: pods with system-node-critical priorityClass is not permitted in orders namespace", FailedCreate): the rollout has made no new pod and exceeded its progress deadline, while the three revision-40 pods (4.6.3) keep serving. Nothing is wrong with the running pods (the restart yesterday is an old liveness kill) nor with orders-worker. Fix: drop that priorityClassName (or use an application PriorityClass of the cluster) and roll out again.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-worker', selector: { app: 'orders-worker' }, pods: other.pods }),
      scaledReplicaSet(deployment, rs41Name, 1, 0, 48),
      event({ on: rs41, reason: 'FailedCreate', message: `Error creating: ${forbidden}`, count: 17, firstAgo: 48, lastAgo: 2.7, component: 'replicaset-controller' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 23), 2, 0, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 0, 2, 18),
      ...other.pods.flatMap((p, k) => startedNormally(p, 'app', `${ECR}/${ns}/orders-worker:2.9.1`, 19 - k)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', {
      current: lines(
        spring(3.2, 'INFO', `nio-8080-exec-${k + 2}`, 'c.a.orders.api.OrderController', `POST /v2/orders 201 in 41 ms (order=ORD-88${k}1937)`),
        spring(1.9, 'INFO', `nio-8080-exec-${k + 5}`, 'c.a.orders.api.OrderController', 'GET /v2/orders/ORD-8813402 200 in 9 ms'),
        spring(0.6, 'INFO', `nio-8080-exec-${k + 1}`, 'c.a.orders.api.OrderController', `POST /v2/orders 201 in 37 ms (order=ORD-88${k}1991)`),
      ),
    })),
    expect: {
      verdict: 'problems',
      headline: [/system-node-critical/],
      facts: [/forbidden|not permitted|FailedCreate|admission/i, /revision 41|4\.7\.0/, /revision 40|4\.6\.3|old(er)? (pods|replicas|ReplicaSet)|still (serv|runn)|3\/3|(three|3) (pods )?(ready|available|running|serving)/i, /priorityClassName|PriorityClass|kube-system/i],
      never: [/\bOOM/, /exceeded quota|ResourceQuota/i, /ImagePull|image (pull|not found)/i, /crash ?loop/i, /orders-worker/],
    },
  };
}

// ---- 3. AppArmor profile never loaded on the new node group ---------------------------------------

function appArmorProfileMissingNewNodeGroup(): CorpusScenario {
  const ns = 'edge';
  const oldGroup = 'general-ubuntu-2204';
  const newGroup = 'general-ubuntu-2404';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const oldNodes = ['10.0.32.19', '10.0.33.141', '10.0.34.77'].map((ip, i) => ubuntuNode({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: oldGroup, instanceType: 'c6i.2xlarge', createdAgo: 61 * DAYS }, '22.04'));
  const newNodes = ['10.0.48.36', '10.0.49.210', '10.0.50.95'].map((ip, i) => ubuntuNode({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: newGroup, instanceType: 'c7i.2xlarge', createdAgo: 184 }, '24.04'));
  const oldNames = oldNodes.map(nameOf);
  const newNames = newNodes.map(nameOf);
  const profile = 'k8s-ingest-hardened';
  const image = `${ECR}/edge/ingest-gateway:2.21.0`;
  const tpl = {
    containers: [container({
      image, ports: [8080, { name: 'metrics', containerPort: 9100 }], memory: '256Mi', cpu: '500m', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
      securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: profile }, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: ['ALL'] } },
    })],
  };
  const createErr = `failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found ${profile}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'ingest-gateway',
    replicas: 6,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: ingest-gateway 2.20.4', template: { containers: [container({ image: `${ECR}/edge/ingest-gateway:2.20.4`, ports: [8080] })] } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: ingest-gateway 2.21.0', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: oldNames[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 12, node: oldNames[0] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 12, node: newNames[1] ?? '', createdAgo: 38, phase: 'Pending' as const, containers: { app: waiting('CreateContainerError', createErr) } },
      { revision: 12, node: newNames[2] ?? '', createdAgo: 38, phase: 'Pending' as const, containers: { app: waiting('CreateContainerError', createErr) } },
    ],
  });
  const bad = [podOf(app, 4), podOf(app, 5)];
  // The loader that writes the profiles into each node's kernel, pinned to the old node group.
  const loaderImage = 'registry.platform.acme.internal/security/apparmor-loader:0.4.2';
  const loader = daemonSetApp({
    namespace: 'kube-system',
    name: 'apparmor-loader',
    revisions: [{
      revision: 3,
      createdAgo: 140 * DAYS,
      template: {
        containers: [container({ name: 'loader', image: loaderImage, command: ['/loader', '-poll', '30s', '-dir', '/profiles'], ports: [], cpu: '10m', memory: '32Mi', readiness: null, liveness: null, securityContext: { privileged: true }, volumeMounts: [{ name: 'profiles', mountPath: '/profiles', readOnly: true }, { name: 'sys', mountPath: '/sys', readOnly: true }, { name: 'apparmor-includes', mountPath: '/etc/apparmor.d', readOnly: true }] })],
        volumes: [{ name: 'profiles', configMap: { name: 'apparmor-profiles' } }, { name: 'sys', hostPath: { path: '/sys' } }, { name: 'apparmor-includes', hostPath: { path: '/etc/apparmor.d' } }],
        nodeSelector: { 'eks.amazonaws.com/nodegroup': oldGroup },
        priorityClassName: 'system-node-critical',
      },
    }],
    pods: oldNames.map((n) => ({ revision: 3, node: n, createdAgo: 61 * DAYS })),
  });
  const profiles = configMap({
    namespace: 'kube-system',
    name: 'apparmor-profiles',
    createdAgo: 140 * DAYS,
    updatedAgo: 40 * DAYS,
    data: {
      [profile]: `#include <tunables/global>\nprofile ${profile} flags=(attach_disconnected,mediate_deleted) {\n  #include <abstractions/base>\n  network inet tcp,\n  network inet udp,\n  network inet6 tcp,\n  file,\n  deny /proc/sys/** w,\n  deny /sys/** w,\n  deny mount,\n  deny ptrace,\n  deny @{PROC}/*/mem rw,\n}\n`,
    },
  });
  const scaler = hpa({ namespace: ns, name: 'ingest-gateway', target: { kind: 'Deployment', name: 'ingest-gateway' }, min: 4, max: 12, current: 6, desired: 6, cpu: { current: 71, target: 65, averageValue: '355m' }, lastScaleAgo: 38 });
  const other = bystander(ns, 'ingest-router', oldNames, 27, { revisions: [30, 31], versions: ['0.18.2', '0.18.3'], olderAgo: 12 * DAYS });
  const access = (m: number, k: number) => `{"time":"${at(m)}","level":"INFO","msg":"batch accepted","route":"/v1/ingest","events":${120 + k * 7},"bytes":${88210 + k * 911},"dur_ms":${12 + k}}`;
  return {
    id: 'heldout27-apparmor-profile-missing-new-node-group',
    class: 'nodes',
    truth: `ingest-gateway runs under the localhost AppArmor profile ${profile}, which the apparmor-loader DaemonSet (kube-system) loads into each node's kernel from the apparmor-profiles ConfigMap. That DaemonSet's nodeSelector pins it to the old node group ${oldGroup}, so the three nodes of the new group ${newGroup} (Ubuntu 24.04, joined about 3 hours ago) never got the profile. When the HPA scaled ingest-gateway from 4 to 6 replicas 38 minutes ago, both new pods were scheduled on new-group nodes (${newNames[1]}, ${newNames[2]}) where containerd refuses to create the container: CreateContainerError "apparmor profile not found ${profile}". The four pods on the old nodes serve; the Deployment is below its minimum availability. No rollout is involved (revision 12 is 9 days old). Fix: extend apparmor-loader to the new node group (its nodeSelector), or keep ingest-gateway off that group until it is.`,
    ask: { service: 'ingest-gateway', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...loader.objects, profiles, scaler, ...other.objects,
      ...exposed({ namespace: ns, name: 'ingest-gateway', selector: { app: 'ingest-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ingest-router', selector: { app: 'ingest-router' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', metadata: scaler.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 38.1, lastAgo: 38.1, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 6, 4, 38),
      ...bad.flatMap((p) => [
        ...pulledFresh(p, 'app', image, { atAgo: 38, bytes: 18442950, seconds: 2.217 }),
        event({ on: p, reason: 'Failed', message: `Error: ${createErr}`, count: 181, firstAgo: 37.9, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 180, firstAgo: 37.8, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
      ]),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 27),
      ...other.pods.flatMap((p, k) => startedNormally(p, 'app', `${ECR}/${ns}/ingest-router:0.18.3`, 27 - k)),
    ],
    logs: [
      ...app.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: lines(access(2.4, k), access(1.1, k + 1), access(0.3, k + 2)) })),
      ...loader.pods.map((p) => logsFor(p, 'loader', { current: lines(`I1121 ${at(0.6).slice(11, 23)}000       1 loader.go:118] profiles up to date (1 loaded: ${profile})`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/apparmor|k8s-ingest-hardened/i],
      facts: [lit(profile), new RegExp(`${newGroup}|${newNames.map((n) => n.replace(/\./g, '\\.')).join('|')}|new node ?(group|pool)`, 'i'), /apparmor-loader|load(ed|ing|s)? (the )?profile|apparmor_parser/i, /CreateContainerError|profile not found/i],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo|revision 12[^\n]*(caused|broke|introduced)/i, /\bOOM/, /ImagePull|image (pull|not found)/i, /crash ?loop/i, /Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 4. a maintenance NoExecute taint without a cordon: evicted, rescheduled, evicted -------------

function noExecuteMaintenanceTaintChurn(): CorpusScenario {
  const ns = 'search';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const taintKey = 'maintenance.platform.acme.io/pending';
  const taint: k8s.V1Taint = { key: taintKey, value: 'kernel-6.1.119', effect: 'NoExecute', timeAdded: ago(128) };
  const clean = ['10.0.72.14', '10.0.73.201', '10.0.74.96'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: 34 * DAYS }));
  const tainted = ['10.0.72.58', '10.0.73.33', '10.0.74.170'].map((ip, i) => {
    const n = node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: 52 * DAYS, taints: [taint] });
    if (n.metadata) n.metadata.annotations = { ...n.metadata.annotations, 'maintenance.platform.acme.io/state': 'WaitingForWindow', 'maintenance.platform.acme.io/window': '2026-11-21T05:00:00Z/2026-11-21T06:00:00Z', 'maintenance.platform.acme.io/reason': 'kernel 6.1.119 (CVE-2026-1187)' };
    return n;
  });
  const cleanNames = clean.map(nameOf);
  const taintedNames = tainted.map(nameOf);
  const image = `${ECR}/search/query-api:3.8.2`;
  const tpl = {
    containers: [container({ image, ports: [8000], memory: '1Gi', cpu: '750m', command: ['gunicorn', 'query_api.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8000'], readiness: httpProbe('/ready', 8000, { initialDelaySeconds: 15 }), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 30 }) })],
    // The chart's default: ride out node trouble for five minutes.
    tolerations: [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'query-api' } } }],
  };
  const disrupted = (atAgo: number): k8s.V1PodCondition[] => [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(atAgo) }];
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 6,
    revisions: [
      { revision: 32, createdAgo: 27 * DAYS, changeCause: 'argocd: query-api 3.8.1', template: tpl },
      { revision: 33, createdAgo: 12 * DAYS, changeCause: 'argocd: query-api 3.8.2', template: tpl },
    ],
    pods: [
      ...cleanNames.map((n, k) => ({ revision: 33, node: n, createdAgo: 12 * DAYS - k })),
      { revision: 33, node: taintedNames[0] ?? '', createdAgo: 4.2, containers: { app: running({ sinceAgo: 4.15 }) } },
      { revision: 33, node: taintedNames[1] ?? '', createdAgo: 2.5, containers: { app: running({ sinceAgo: 2.45 }) } },
      // Evicted 25 s ago, still draining its connections…
      { revision: 33, node: taintedNames[2] ?? '', createdAgo: 5.45, deletingAgo: 0.4, conditions: disrupted(0.4), containers: { app: running({ sinceAgo: 5.4 }) } },
      // …and its replacement, back on the same node, not ready yet.
      { revision: 33, node: taintedNames[2] ?? '', createdAgo: 0.38, containers: { app: running({ sinceAgo: 0.3, ready: false }) } },
    ],
  });
  const rs = replicaSetOf(app, 33);
  const rsName = nameOf(rs);
  const period = 5.05;
  const churn: k8s.CoreV1Event[] = [];
  const currentOn = [4.2, 2.5, 5.45];
  taintedNames.forEach((n, k) => {
    for (let j = 1; ; j++) {
      const created = (currentOn[k] ?? 5) + j * period;
      const evicted = created - 5.0;
      if (evicted > 60) break;
      const name = `${rsName}-${nameSuffix(`query-api/churn/${k}/${j}`)}`;
      const on = { kind: 'Pod', name, namespace: ns };
      if (created <= 60) {
        churn.push(event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstAgo: created, lastAgo: created, component: 'replicaset-controller' }));
        churn.push(event({ on, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${n}`, firstAgo: created - 0.01, lastAgo: created - 0.01, component: 'default-scheduler' }));
        churn.push(event({ on, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: created - 0.05, lastAgo: created - 0.05, fieldPath: 'spec.containers{app}' }));
      }
      churn.push(event({ on, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${name}`, firstAgo: evicted, lastAgo: evicted, component: 'taint-eviction-controller' }));
      churn.push(event({ on, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: evicted - 0.01, lastAgo: evicted - 0.01, fieldPath: 'spec.containers{app}' }));
    }
  });
  const [p3, p4, leaving, fresh] = [podOf(app, 3), podOf(app, 4), podOf(app, 5), podOf(app, 6)];
  const other = bystander(ns, 'synonyms-api', cleanNames, 31, { revisions: [14, 15], versions: ['1.2.0', '1.3.0'], olderAgo: 20 * DAYS });
  const gt = (m: number) => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
  const boot = (m: number) => [
    `${gt(m)} [1] [INFO] Starting gunicorn 23.0.0`,
    `${gt(m)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gt(m)} [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
    `${gt(m - 0.01)} [8] [INFO] Booting worker with pid: 8`,
    `${gt(m - 0.15)} [8] [INFO] Started server process [8]`,
    `${gt(m - 0.15)} [8] [INFO] Waiting for application startup.`,
    `${gt(m - 0.2)} [8] [INFO] loading synonym tables and index shards (shards=12)`,
    `${gt(m - 0.25)} [8] [INFO] Application startup complete.`,
  ];
  const hits = (from: number, k: number) => {
    const out: string[] = [];
    for (let m = from; m > 0; m -= 0.7) out.push(`${gt(m)} [${8 + (k % 3)}] [INFO] 10.0.${60 + k}.${20 + k}:${40112 + k} - "GET /v1/search?q=... HTTP/1.1" 200`);
    return out;
  };
  return {
    id: 'heldout27-noexecute-maintenance-taint-churn',
    class: 'nodes',
    truth: `Two hours ago the platform's node-maintenance operator tainted three nodes (${taintedNames.join(', ')}) with ${taintKey}=kernel-6.1.119:NoExecute while they wait for tonight's kernel-patch window, without cordoning them. query-api's pod template carries the chart's blanket toleration (operator Exists, effect NoExecute, tolerationSeconds 300) and a hostname topology spread (maxSkew 1, DoNotSchedule): each replacement pod has to go back to the emptied tainted node, which it may since it tolerates the taint, and the taint-eviction controller deletes it 300 s later ("Marking for deletion Pod …", TaintManagerEviction). So the three replicas on those nodes are recreated every ~5 minutes, query-api runs with 3–5 ready pods of 6 and in-flight requests are cut at each eviction. Nothing changed in query-api (revision 33 is 12 days old); synonyms-api's rollout is unrelated. Fix: cordon the three nodes (or have the operator add a NoSchedule taint with its NoExecute one) until the maintenance is done, and drop the blanket NoExecute toleration (or its tolerationSeconds) from the chart.`,
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...clean, ...tainted, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'synonyms-api', selector: { app: 'synonyms-api' }, pods: other.pods }),
      ...taintedNames.map((n) => nodeEvent(n, 'MaintenancePending', `Node tainted ${taintKey}=kernel-6.1.119:NoExecute, waiting for maintenance window 2026-11-21T05:00:00Z`, { firstAgo: 128, lastAgo: 8.3, count: 13, component: 'node-maintenance-operator' })),
      ...churn,
      scheduled(p3, 4.2), scheduled(p4, 2.5), scheduled(leaving, 5.45), scheduled(fresh, 0.38),
      event({ on: leaving, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(leaving)}`, firstAgo: 0.4, lastAgo: 0.4, component: 'taint-eviction-controller' }),
      event({ on: leaving, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 0.39, lastAgo: 0.39, fieldPath: 'spec.containers{app}' }),
      event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh)}`, firstAgo: 0.38, lastAgo: 0.38, component: 'replicaset-controller' }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${fresh.status?.podIP ?? ''}:8000/ready": dial tcp ${fresh.status?.podIP ?? ''}:8000: connect: connection refused`, { count: 1, firstAgo: 0.05, lastAgo: 0.05 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 31),
      ...other.pods.flatMap((p, k) => startedNormally(p, 'app', `${ECR}/${ns}/synonyms-api:1.3.0`, 31 - k)),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(...hits(3, k)) })),
      logsFor(p3, 'app', { current: lines(...boot(4.15), ...hits(3.6, 3)) }),
      logsFor(p4, 'app', { current: lines(...boot(2.45), ...hits(1.9, 4)) }),
      logsFor(leaving, 'app', { current: lines(...boot(5.4), ...hits(4.8, 5), `${gt(0.4)} [1] [INFO] Handling signal: term`, `${gt(0.39)} [8] [INFO] Shutting down`, `${gt(0.39)} [8] [INFO] Waiting for connections to close. (CTRL+C to force quit)`) }),
      logsFor(fresh, 'app', { current: lines(...boot(0.3).slice(0, 6)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/taint|NoExecute|TaintManagerEviction/i],
      facts: [
        /maintenance\.platform\.acme\.io\/pending|kernel-6\.1\.119/,
        /tolerationSeconds|toleration|300 ?s|5 ?min/i,
        /cordon|NoSchedule|remove (the )?(taint|toleration)|(finish|complete) (the )?maintenance/i,
        new RegExp(taintedNames.map((n) => n.replace(/\./g, '\\.')).join('|')),
      ],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo|revision 33[^\n]*(caused|broke|introduced)/i, /\bOOM/, /crash ?loop/i, /(memory|disk|pid) ?pressure/i, /synonyms-api/],
    },
  };
}

// ---- 5. Istio: a Postgres Service port named http-… ----------------------------------------------

const ISTIO_PROXY = 'docker.io/istio/proxyv2:1.23.2';

/** What the sidecar injector adds to a pod at admission (the ReplicaSet's template never has it). */
function injectSidecar(p: k8s.V1Pod, opts: { appPort: number; startedAgo: number }): void {
  const ns = p.metadata?.namespace ?? '';
  const app = p.spec?.containers[0];
  const proxy = container({
    name: 'istio-proxy',
    image: ISTIO_PROXY,
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }],
    cpu: '100m',
    memory: '128Mi',
    memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }),
    liveness: null,
    env: [
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'ISTIO_META_APP_CONTAINERS', value: app?.name ?? 'app' },
      ...(app?.readinessProbe?.httpGet ? [{ name: 'ISTIO_KUBE_APP_PROBERS', value: JSON.stringify({ [`/app-health/${app.name}/readyz`]: { httpGet: { path: app.readinessProbe.httpGet.path, port: opts.appPort, scheme: 'HTTP' }, timeoutSeconds: 1 }, [`/app-health/${app.name}/livez`]: { httpGet: { path: app.livenessProbe?.httpGet?.path ?? '/', port: opts.appPort, scheme: 'HTTP' }, timeoutSeconds: 1 } }) }] : []),
    ],
    securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsGroup: 1337, runAsNonRoot: true, runAsUser: 1337, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: 'istio-envoy', mountPath: '/etc/istio/proxy' }, { name: 'istio-data', mountPath: '/var/lib/istio/data' }, { name: 'istiod-ca-cert', mountPath: '/var/run/secrets/istio' }, { name: 'istio-token', mountPath: '/var/run/secrets/tokens' }],
  });
  const init = batchContainer({
    name: 'istio-init',
    image: ISTIO_PROXY,
    args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'],
    cpu: '100m',
    memory: '128Mi',
    securityContext: { allowPrivilegeEscalation: false, privileged: false, runAsGroup: 0, runAsNonRoot: false, runAsUser: 0, capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] } },
  });
  // The injector rewrites the app's HTTP probes to the agent's port.
  const rewritten = app === undefined ? undefined : {
    ...app,
    ...(app.readinessProbe?.httpGet ? { readinessProbe: { ...app.readinessProbe, httpGet: { path: `/app-health/${app.name}/readyz`, port: 15020, scheme: 'HTTP' } } } : {}),
    ...(app.livenessProbe?.httpGet ? { livenessProbe: { ...app.livenessProbe, httpGet: { path: `/app-health/${app.name}/livez`, port: 15020, scheme: 'HTTP' } } } : {}),
  };
  p.metadata = {
    ...p.metadata,
    labels: { ...p.metadata?.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': p.metadata?.labels?.app ?? '', 'service.istio.io/canonical-revision': 'latest' },
    annotations: {
      ...p.metadata?.annotations,
      'kubectl.kubernetes.io/default-container': app?.name ?? 'app',
      'kubectl.kubernetes.io/default-logs-container': app?.name ?? 'app',
      'prometheus.io/path': '/stats/prometheus',
      'prometheus.io/port': '15020',
      'prometheus.io/scrape': 'true',
      'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}',
    },
  };
  if (p.spec) {
    p.spec = {
      ...p.spec,
      initContainers: [init],
      containers: [...(rewritten === undefined ? [] : [rewritten]), ...p.spec.containers.slice(1), proxy],
      volumes: [
        ...(p.spec.volumes ?? []),
        { name: 'istio-envoy', emptyDir: { medium: 'Memory' } },
        { name: 'istio-data', emptyDir: {} },
        { name: 'istio-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience: 'istio-ca', expirationSeconds: 43200, path: 'istio-token' } }] } },
        { name: 'istiod-ca-cert', configMap: { name: 'istio-ca-root-cert', defaultMode: 420 } },
      ],
    };
  }
  const seed = `${ns}/${nameOf(p)}`;
  p.status?.containerStatuses?.push(containerStatus(proxy, running({ sinceAgo: opts.startedAgo }), seed));
  if (p.status) p.status.initContainerStatuses = [containerStatus(init, terminated({ exitCode: 0, reason: 'Completed', finishedAgo: opts.startedAgo + 0.05, ranSeconds: 1 }), seed)];
}

function istioHttpPortNameOnPostgres(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.120', ['45', '166', '9']);
  const image = `${ECR}/billing/invoice-api:7.3.2`;
  const dbUrl = 'jdbc:postgresql://billing-db.billing.svc.cluster.local:5432/billing?sslmode=prefer&ApplicationName=invoice-api';
  const invoiceTpl = {
    containers: [container({ image, ports: [8080], memory: '1536Mi', cpu: '500m', env: [{ name: 'SPRING_DATASOURCE_URL', value: dbUrl }, { name: 'SPRING_DATASOURCE_USERNAME', value: 'invoice_api' }, { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'billing-db-invoice-api', key: 'password' } } }, { name: 'MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE', value: 'readinessState,db' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })],
  };
  const invoice = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 16 * DAYS, changeCause: 'argocd: invoice-api 7.3.1', template: invoiceTpl },
      { revision: 88, createdAgo: 5 * DAYS, changeCause: 'argocd: invoice-api 7.3.2', template: invoiceTpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 5 * DAYS - k, containers: { app: running({ sinceAgo: 5 * DAYS - k - 0.5, ready: false }) } })),
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'dunning-worker',
    replicas: 1,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: dunning-worker 1.9.0', template: { containers: [batchContainer({ image: `${ECR}/billing/dunning-worker:1.9.0`, memory: '256Mi', env: [{ name: 'DATABASE_URL', value: 'postgresql://dunning@billing-db.billing.svc.cluster.local:5432/billing' }, { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'billing-db-dunning', key: 'password' } } }] })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const pgTpl = {
    containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], memory: '4Gi', cpu: '1', readiness: { exec: { command: ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })],
    labels: { 'helm.sh/chart': 'billing-db-2.3.1' },
  };
  const db = statefulSetApp({
    namespace: ns,
    name: 'billing-db',
    replicas: 1,
    serviceName: 'billing-db-headless',
    revisions: [{ revision: 4, createdAgo: 70 * DAYS, template: pgTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  for (const p of invoice.pods) injectSidecar(p, { appPort: 8080, startedAgo: 5 * DAYS });
  for (const p of worker.pods) injectSidecar(p, { appPort: 0, startedAgo: 9 * DAYS });
  for (const p of db.pods) injectSidecar(p, { appPort: 5432, startedAgo: 21 * DAYS });
  // The Service, as the chart 2.4.0 upgrade left it 47 minutes ago: port 5432 now named http-postgres.
  const dbSvc = service({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, ports: [{ name: 'http-postgres', port: 5432, targetPort: 5432 }], createdAgo: 70 * DAYS });
  dbSvc.metadata = {
    ...dbSvc.metadata,
    labels: { app: 'billing-db', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'billing-db-2.4.0' },
    annotations: { 'meta.helm.sh/release-name': 'billing-db', 'meta.helm.sh/release-namespace': ns },
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(70 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:selector': {}, 'f:type': {} } } },
      { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(47), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:helm.sh/chart': {} } }, 'f:spec': { 'f:ports': { 'k:{"port":5432,"protocol":"TCP"}': { '.': {}, 'f:name': {}, 'f:port': {}, 'f:protocol': {}, 'f:targetPort': {} } } } } },
    ],
  };
  const dbHeadless = service({ namespace: ns, name: 'billing-db-headless', selector: { app: 'billing-db' }, ports: [{ name: 'tcp-postgres', port: 5432, targetPort: 5432 }], headless: true, createdAgo: 70 * DAYS });
  const dbIp = dbSvc.spec?.clusterIP ?? '';
  const pgPod = podOf(db, 0);
  const spring = (m: number, level: string, thread: string, logger: string, msg: string) => `${at(m)} ${level.padStart(5)} 1 --- [invoice-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const invoiceLogs = (k: number) => {
    const out = [
      spring(49.5, 'INFO', `nio-8080-exec-${k + 3}`, 'c.a.billing.invoice.InvoiceController', 'GET /v1/invoices/INV-2026-118803 200 in 22 ms'),
    ];
    for (let m = 46 - k * 1.3; m > 0.5; m -= 4.1) {
      out.push(
        spring(m, 'WARN', 'onnection adder', 'com.zaxxer.hikari.pool.PoolBase', 'HikariPool-1 - Failed to create connection: An error occurred while setting up the SSL connection.'),
        spring(m - 0.01, 'ERROR', `nio-8080-exec-${(k + Math.round(m)) % 10}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=4)'),
        spring(m - 0.02, 'ERROR', `nio-8080-exec-${(k + Math.round(m)) % 10}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] threw exception\norg.postgresql.util.PSQLException: An error occurred while setting up the SSL connection.\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.enableSSL(ConnectionFactoryImpl.java:633)\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:195)\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:262)\n\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360)'),
        spring(m - 0.03, 'WARN', 'nio-8080-exec-1', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
      );
    }
    return out;
  };
  const envoy = (p: k8s.V1Pod, k: number) => {
    const out = [`${at(5 * DAYS)} info\tEnvoy proxy is ready`];
    for (let m = 46.3 - k; m > 0.2; m -= 1.9) out.push(`[${at(m)}] "- - HTTP/1.1" 400 DPE http1.codec_error - "-" 0 11 0 - "-" "-" "-" "-" "-" - - ${dbIp}:5432 ${p.status?.podIP ?? ''}:${41000 + Math.round(m * 37) % 20000} - -`);
    return out;
  };
  return {
    id: 'heldout27-istio-http-port-name-on-postgres',
    class: 'network',
    truth: 'The billing-db Helm chart upgrade to 2.4.0 (47 minutes ago, a chart-wide port-naming cleanup) renamed the billing-db Service\'s port 5432 from tcp-postgres to http-postgres. Istio selects the protocol from the Service port name, so every sidecar now puts an HTTP codec on billing-db:5432: the clients\' istio-proxy rejects the Postgres wire protocol (400, DPE, http1.codec_error) and every new connection fails ("An error occurred while setting up the SSL connection." in invoice-api, "received invalid response to SSL negotiation: H" in dunning-worker). As Hikari retired its pooled connections the pool emptied, invoice-api\'s readiness (which includes the db) turned 503 and all three pods left the Service. Postgres itself is healthy and invoice-api\'s revision 88 (5 days old) is unchanged. Fix: name the port tcp-postgres again (or set appProtocol: tcp) on the billing-db Service.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      namespace({ name: ns, createdAgo: 400 * DAYS, labels: { 'istio-injection': 'enabled' } }),
      ...nodes, ...invoice.objects, ...worker.objects, ...db.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: invoice.pods }),
      dbSvc, endpointSliceFor(dbSvc, db.pods, 5432),
      dbHeadless, endpointSliceFor(dbHeadless, db.pods, 5432),
      ...invoice.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 268 - k * 9, firstAgo: 44 - k * 1.3, lastAgo: 0.1 + k * 0.1 })),
    ],
    logs: [
      ...invoice.pods.map((p, k) => logsFor(p, 'app', { current: lines(...invoiceLogs(k)) })),
      ...invoice.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: lines(...envoy(p, k)) })),
      logsFor(podOf(worker, 0), 'app', { current: lines(
        `${pyTime(52)} INFO dunning.run: processed batch 4411 (37 reminders queued)`,
        ...[44.8, 34.8, 24.8, 14.8, 4.8].map((m) => `${pyTime(m)} ERROR dunning.db: connection to billing-db failed, retrying in 60s: psycopg2.OperationalError: received invalid response to SSL negotiation: H`),
      ) }),
      logsFor(pgPod, 'postgres', { current: lines(
        `${at(55).replace('T', ' ').slice(0, 23)} UTC [27] LOG:  checkpoint starting: time`,
        `${at(54.2).replace('T', ' ').slice(0, 23)} UTC [27] LOG:  checkpoint complete: wrote 1893 buffers (1.4%); 0 WAL file(s) added, 0 removed, 1 recycled; write=47.611 s, sync=0.012 s, total=47.702 s; sync files=41, longest=0.004 s, average=0.001 s; distance=14212 kB, estimate=15870 kB; lsn=3A/9B2F1E08, redo lsn=3A/9A6C40B0`,
        `${at(25).replace('T', ' ').slice(0, 23)} UTC [27] LOG:  checkpoint starting: time`,
        `${at(24.6).replace('T', ' ').slice(0, 23)} UTC [27] LOG:  checkpoint complete: wrote 211 buffers (0.2%); 0 WAL file(s) added, 0 removed, 0 recycled; write=21.004 s, sync=0.003 s, total=21.019 s; sync files=9, longest=0.002 s, average=0.001 s; distance=1388 kB, estimate=14422 kB; lsn=3A/9B4A0F10, redo lsn=3A/9B4A0E88`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/http-postgres|appProtocol|port name|protocol (selection|sniff|detection)/i],
      facts: [/billing-db/, /tcp-postgres|tcp-|appProtocol:? ?tcp|renam/i, /istio|envoy|sidecar|mesh/i, /http1\.codec_error|DPE|SSL (connection|negotiation)|\b400\b/i],
      never: [blamesRolloutOf('invoice-api', 88), /\bOOM/, /crash ?loop/i, /NetworkPolicy/i, /password|authentication failed|credential/i, /billing-db[^\n]*\b(is down|crash|not running|unhealthy)/i],
    },
  };
}

// ---- 6. musl's resolver and a DNS answer too big for UDP ------------------------------------------

function muslResolverLargeHeadlessAnswer(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.160', ['27', '118', '240']);
  const kafkaNodes = Array.from({ length: 12 }, (_, i) => node({ name: eksNodeName(`10.0.${176 + (i % 3)}.${20 + i * 13}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] ?? 'eu-west-1a', pool: 'kafka', instanceType: 'i4i.4xlarge', createdAgo: 90 * DAYS, taints: [{ key: 'dedicated', value: 'kafka', effect: 'NoSchedule' }] }));
  for (const n of kafkaNodes) {
    if (n.status) {
      n.status.capacity = { cpu: '16', 'ephemeral-storage': '83873772Ki', memory: '130758508Ki', pods: '234' };
      n.status.allocatable = { cpu: '15890m', 'ephemeral-storage': '76224326324', memory: '125953900Ki', pods: '234' };
    }
  }
  const kafkaNames = kafkaNodes.map(nameOf);
  const kafka = statefulSetApp({
    namespace: 'data',
    name: 'kafka',
    replicas: 36,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 9, createdAgo: 44 * DAYS, template: { containers: [container({ name: 'kafka', image: 'docker.io/bitnami/kafka:3.8.1', ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], memory: '16Gi', cpu: '3', readiness: { tcpSocket: { port: 9092 }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 }, liveness: null })], tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'kafka', effect: 'NoSchedule' }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '2Ti' }],
    pods: Array.from({ length: 36 }, (_, i) => ({ revision: 9, ordinal: i, node: kafkaNames[i % 12] ?? '', createdAgo: 44 * DAYS - i })),
  });
  const kafkaHeadless = service({ namespace: 'data', name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }, { name: 'tcp-controller', port: 9093, targetPort: 'controller' }], headless: true, createdAgo: 300 * DAYS });
  const image = (v: string) => `${ECR}/streaming/clickstream-ingest:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [{ name: 'http', containerPort: 3000 }], memory: '512Mi', env: [{ name: 'KAFKA_BROKERS', value: 'kafka-headless.data.svc.cluster.local:9092' }, { name: 'KAFKA_TOPIC', value: 'clickstream.raw.v2' }, { name: 'REDIS_URL', value: 'redis://sessions-redis.streaming.svc.cluster.local:6379' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=384' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 15 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'clickstream-ingest',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 26, createdAgo: 11 * DAYS, changeCause: 'argocd: clickstream-ingest 3.3.2', template: tpl('3.3.2') },
      { revision: 27, createdAgo: 42, changeCause: 'argocd: clickstream-ingest 3.4.0 (base image platform/node-base:20-alpine3.17, was 20-bookworm-slim)', template: tpl('3.4.0') },
    ],
    pods: [
      ...[0, 1, 2, 0].map((n, k) => ({ revision: 26, node: names[n] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 27, node: names[1] ?? '', createdAgo: 41.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 10 }, 11) } },
    ],
  });
  const crashing = podOf(app, 4);
  const redis = deploymentApp({
    namespace: ns,
    name: 'sessions-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1', ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: { tcpSocket: { port: 6379 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 60 * DAYS }],
  });
  const kafkaLine = (t: number, level: string, message: string, extra: string) => `{"level":"${level}","timestamp":"${at(t)}","logger":"kafkajs","message":"${message}",${extra}}`;
  const host = 'kafka-headless.data.svc.cluster.local';
  const stack = `Error: getaddrinfo ENOTFOUND ${host}\\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)`;
  const crashedRun = (end: number) => {
    const start = end + 10 / 60;
    const out = [
      `{"level":30,"time":${epochMs(start)},"pid":1,"hostname":"${nameOf(crashing)}","msg":"clickstream-ingest 3.4.0 starting","node":"v20.18.1","brokers":"${host}:9092"}`,
      `{"level":30,"time":${epochMs(start - 0.003)},"pid":1,"hostname":"${nameOf(crashing)}","msg":"redis connected","host":"sessions-redis.streaming.svc.cluster.local","addr":"172.20.91.14:6379"}`,
    ];
    const retryTimes = [298, 612, 1190, 2410, 4903];
    let t = start - 0.005;
    retryTimes.forEach((ms, retry) => {
      out.push(kafkaLine(t, 'ERROR', `[Connection] Connection error: getaddrinfo ENOTFOUND ${host}`, `"broker":"${host}:9092","clientId":"clickstream-ingest","stack":"${stack}"`));
      out.push(kafkaLine(t - 0.0001, 'ERROR', `[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection error: getaddrinfo ENOTFOUND ${host}`, `"retryCount":${retry},"retryTime":${ms}`));
      t -= ms / 60000;
    });
    out.push(kafkaLine(t, 'ERROR', `[Connection] Connection error: getaddrinfo ENOTFOUND ${host}`, `"broker":"${host}:9092","clientId":"clickstream-ingest","stack":"${stack}"`));
    out.push(`{"level":60,"time":${epochMs(end)},"pid":1,"hostname":"${nameOf(crashing)}","msg":"cannot connect producer to Kafka, exiting","err":{"type":"KafkaJSNumberOfRetriesExceeded","message":"Connection error: getaddrinfo ENOTFOUND ${host}","stack":"KafkaJSNonRetriableError\\n  Caused by: KafkaJSConnectionError: Connection error: getaddrinfo ENOTFOUND ${host}\\n    at Socket.onError (/app/node_modules/kafkajs/src/network/connection.js:210:23)"}}`);
    return out;
  };
  const healthy = (p: k8s.V1Pod, k: number) => logsFor(p, 'app', { current: lines(
    ...[2.5, 1.5, 0.5].map((m) => `{"level":30,"time":${epochMs(m - k * 0.03)},"pid":1,"hostname":"${nameOf(p)}","msg":"batch flushed","topic":"clickstream.raw.v2","messages":${1800 + k * 37},"partitions":48,"ms":${31 + k}}`),
  ) });
  return {
    id: 'heldout27-musl-resolver-large-headless-answer',
    class: 'config',
    truth: `Revision 27 of clickstream-ingest (3.4.0, 42 minutes ago) moved the image to an Alpine 3.17 base (musl 1.2.3), from Debian bookworm (glibc). The Kafka bootstrap address is the headless Service kafka-headless.data (36 brokers): its A answer (36 records) is larger than 512 bytes, so the DNS reply over UDP comes back truncated; glibc retries over TCP and gets every broker, musl before 1.2.4 never falls back to TCP and the lookup fails. The new pod crash-loops on "getaddrinfo ENOTFOUND ${host}" (kafkajs retries, then exit 1), while small names (sessions-redis) resolve in the same pod and the four revision-26 pods keep producing; Kafka and CoreDNS are healthy. The rollout is stuck at one new pod. Fix: roll back to revision 26 now, then rebuild on a glibc base (or Alpine ≥ 3.18, musl 1.2.4 with TCP fallback), or bootstrap from a few per-broker names (kafka-0.kafka-headless…) instead of the whole headless set.`,
    ask: { service: 'clickstream-ingest', namespace: ns },
    objects: [
      ...nodes, ...kafkaNodes, ...app.objects, ...redis.objects, ...kafka.objects,
      kafkaHeadless, endpointSliceFor(kafkaHeadless, kafka.pods, 9092),
      ...exposed({ namespace: ns, name: 'clickstream-ingest', selector: { app: 'clickstream-ingest' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'sessions-redis', selector: { app: 'sessions-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, clusterIP: '172.20.91.14', endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 42),
      ...pulledFresh(crashing, 'app', image('3.4.0'), { atAgo: 41.8, bytes: 61733410, seconds: 4.118 }),
      ...restartedAgain(crashing, 'app', image('3.4.0'), { count: 11, firstAgo: 41.5, lastAgo: 2.75 }),
      backOff(crashing, 'app', { count: 174, firstAgo: 41, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(crashing, 'app', { previous: lines(...crashedRun(2.6)) }),
      ...app.pods.slice(0, 4).map((p, k) => healthy(p, k)),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-headless/, /ENOTFOUND|resolv|DNS|musl|alpine/i],
      facts: [/alpine|musl/i, /revision 27|3\.4\.0/, /truncat|TCP|512|large (DNS )?(answer|response|reply)|36 (A )?(records|endpoints|brokers|addresses)|many (records|endpoints|addresses)/i, /revision 26|3\.3\.2|glibc|debian|bookworm/i],
      never: [/CoreDNS[^\n]*\b(down|fail(ing|ed|s)?|crash|unhealthy|overload)/i, /\bOOM/, /NetworkPolicy/i, /\bkafka\b[^\n]*\b(is|are) (down|not running|unhealthy)/i, /sessions-redis/],
    },
  };
}

// ---- 7. healthy: an Indexed Job rides out a preemption and a drain --------------------------------

function healthyIndexedJobIgnoresDisruptions(): CorpusScenario {
  const ns = 'ml-batch';
  const { nodes, names } = threeEksNodes('10.0.208', ['17', '131', '62']);
  const draining = node({ name: eksNodeName('10.0.209.88'), zone: 'eu-west-1b', createdAgo: 31 * DAYS, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(2.6) }] });
  const image = `${ECR}/ml/embeddings-backfill:2026.11.3`;
  const jobName = 'embeddings-backfill';
  const tpl = {
    containers: [batchContainer({ name: 'embed', image, command: ['python', '-m', 'backfill.embed', '--shards=16', '--checkpoint=s3://acme-ml-checkpoints/embeddings-backfill/2026-11-21'], cpu: '1500m', memory: '6Gi', env: [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }] })],
    terminationGracePeriodSeconds: 300,
    serviceAccountName: 'embeddings-backfill',
  };
  // Index → what its pod did: finished (minutes ago it started and ended), running, or being drained.
  type Slot = { index: number; node: string; startedAgo: number; endedAgo?: number; drainedAgo?: number };
  const slots: Slot[] = [
    { index: 0, node: names[0] ?? '', startedAgo: 159.7, endedAgo: 99.6 },
    { index: 1, node: names[1] ?? '', startedAgo: 159.7, endedAgo: 101.2 },
    { index: 2, node: names[2] ?? '', startedAgo: 159.6, endedAgo: 98.9 },
    { index: 3, node: nameOf(draining), startedAgo: 159.6, endedAgo: 100.4 },
    { index: 4, node: names[2] ?? '', startedAgo: 98.8, endedAgo: 40.1 },
    { index: 6, node: names[1] ?? '', startedAgo: 101.1, endedAgo: 41.3 },
    { index: 7, node: nameOf(draining), startedAgo: 100.3, endedAgo: 39.8 },
    // Index 5's first pod was preempted 51 minutes ago; this is its replacement.
    { index: 5, node: names[1] ?? '', startedAgo: 50.6 },
    { index: 8, node: names[2] ?? '', startedAgo: 40.0 },
    { index: 9, node: names[0] ?? '', startedAgo: 39.7 },
    // Its node is being drained: terminating, checkpointing.
    { index: 10, node: nameOf(draining), startedAgo: 41.2, drainedAgo: 2.3 },
  ];
  const podName = (s: Slot) => `${jobName}-${s.index}-${nameSuffix(`${jobName}/${s.index}/${s.startedAgo}`)}`;
  const built = job({
    namespace: ns,
    name: jobName,
    template: tpl,
    completions: 16,
    parallelism: 4,
    backoffLimit: 3,
    createdAgo: 160,
    pods: slots.map((s) => ({
      name: podName(s),
      node: s.node,
      createdAgo: s.startedAgo + 0.2,
      ...(s.endedAgo === undefined
        ? {
            containers: { embed: running({ sinceAgo: s.startedAgo }) },
            ...(s.drainedAgo === undefined ? {} : { deletingAgo: s.drainedAgo, conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: ago(s.drainedAgo) }] }),
          }
        : { phase: 'Succeeded' as const, containers: { embed: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: s.endedAgo, ranSeconds: Math.round((s.startedAgo - s.endedAgo) * 60) }) } }),
    })),
  });
  const jobObj = built.objects[0] as k8s.V1Job;
  for (const [i, p] of built.pods.entries()) {
    const index = String(slots[i]?.index ?? 0);
    p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, 'batch.kubernetes.io/job-completion-index': index }, annotations: { ...p.metadata?.annotations, 'batch.kubernetes.io/job-completion-index': index }, ...(slots[i]?.endedAgo === undefined ? { finalizers: ['batch.kubernetes.io/job-tracking'] } : {}) };
    if (p.spec) p.spec = { ...p.spec, hostname: `${jobName}-${index}`, subdomain: jobName };
  }
  if (jobObj.spec) {
    jobObj.spec.completionMode = 'Indexed';
    jobObj.spec.podReplacementPolicy = 'Failed';
    jobObj.spec.podFailurePolicy = {
      rules: [
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        { action: 'FailJob', onExitCodes: { containerName: 'embed', operator: 'In', values: [42] } },
      ],
    };
  }
  jobObj.status = { startTime: ago(160), active: 3, ready: 3, terminating: 1, succeeded: 7, completedIndexes: '0-4,6-7', uncountedTerminatedPods: {} };
  const byIndex = (n: number) => podOf(built, slots.findIndex((s) => s.index === n));
  const slotOf = (n: number): Slot => slots.find((s) => s.index === n) ?? { index: n, node: '', startedAgo: 1 };
  const preempted = { kind: 'Pod', name: `${jobName}-5-${nameSuffix(`${jobName}/5/first`)}`, namespace: ns };
  const leaving = byIndex(10);
  const api = bystander(ns, 'embeddings-api', names, 3 * DAYS, { revisions: [17, 18], versions: ['0.9.3', '0.9.4'], olderAgo: 20 * DAYS });
  const progress = (s: Slot, rate: number, untilAgo = 0.2) => {
    const out: string[] = [`${pyTime(s.startedAgo - 0.05)} INFO backfill.embed: shard ${s.index}/16: resuming from checkpoint row ${s.index === 5 ? 702464 : 0}, model=e5-large-v2, batch=256`];
    const total = 880000 + s.index * 1117;
    for (let m = Math.min(s.startedAgo - 1, 12); m > untilAgo; m -= 3) {
      const done = Math.min(total, (s.index === 5 ? 702464 : 0) + Math.round((s.startedAgo - m) * 60 * rate));
      out.push(`${pyTime(m)} INFO backfill.embed: shard ${s.index}/16: ${done}/${total} rows (${((done / total) * 100).toFixed(1)}%) ${rate} rows/s`);
    }
    return out;
  };
  return {
    id: 'heldout27-healthy-indexed-job-ignores-disruptions',
    class: 'healthy',
    truth: 'The Indexed Job embeddings-backfill (16 completions, parallelism 4, backoffLimit 3) is progressing normally: indexes 0–4, 6 and 7 succeeded (about an hour each) and 5, 8 and 9 are running. Its podFailurePolicy ignores pod failures with the DisruptionTarget condition, and two pods were disrupted: index 5\'s first pod was preempted by the scheduler 51 minutes ago for a higher-priority pod and was replaced (the replacement resumed from its checkpoint and runs), and index 10\'s pod is terminating now because its node is being drained (EvictionByEvictionAPI); it has written its checkpoint and will be recreated once gone (podReplacementPolicy Failed). Neither counts against the backoff limit (no failed pods counted). Nothing to fix.',
    ask: { service: jobName, namespace: ns },
    objects: [
      ...nodes, draining, ...built.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'embeddings-api', selector: { app: 'embeddings-api' }, pods: api.pods }),
      event({ on: preempted, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${uidOf('pod/ranking/ranking-serving-preemptor')} on node ${names[1] ?? ''}`, firstAgo: 51.2, lastAgo: 51.2, component: 'default-scheduler' }),
      event({ on: preempted, type: 'Normal', reason: 'Killing', message: 'Stopping container embed', firstAgo: 51.2, lastAgo: 51.2, fieldPath: 'spec.containers{embed}' }),
      event({ on: { kind: 'Job', metadata: jobObj.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(byIndex(5))}`, firstAgo: 50.8, lastAgo: 50.8, component: 'job-controller' }),
      ...[6, 4, 7].map((n) => event({ on: { kind: 'Job', metadata: jobObj.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(byIndex(n === 6 ? 10 : n === 4 ? 8 : 9))}`, firstAgo: (slotOf(n).endedAgo ?? 40) - 0.05, lastAgo: (slotOf(n).endedAgo ?? 40) - 0.05, component: 'job-controller' })),
      ...[5, 8, 9, 10].flatMap((n) => [scheduled(byIndex(n), slotOf(n).startedAgo + 0.15), ...restartedAgain(byIndex(n), 'embed', image, { count: 1, firstAgo: slotOf(n).startedAgo, lastAgo: slotOf(n).startedAgo })]),
      nodeEvent(nameOf(draining), 'NodeNotSchedulable', `Node ${nameOf(draining)} status is now: NodeNotSchedulable`, { firstAgo: 2.6 }),
      event({ on: leaving, type: 'Normal', reason: 'Killing', message: 'Stopping container embed', firstAgo: 2.3, lastAgo: 2.3, fieldPath: 'spec.containers{embed}' }),
    ],
    logs: [
      ...[5, 8, 9].map((n, k) => logsFor(byIndex(n), 'embed', { current: lines(...progress(slotOf(n), 246 + k * 3)) })),
      logsFor(leaving, 'embed', { current: lines(
        ...progress(slotOf(10), 251, 2.4),
        `${pyTime(2.3)} WARNING backfill.embed: received SIGTERM, checkpointing shard 10 at row 584320`,
        `${pyTime(1.9)} INFO backfill.embed: checkpoint written to s3://acme-ml-checkpoints/embeddings-backfill/2026-11-21/shard-10.ckpt (row 584320)`,
        `${pyTime(1.9)} INFO backfill.embed: waiting for in-flight batch to finish before exit`,
      ) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|action)|progress|on track|running normally|nothing (is )?wrong|as expected/i],
      facts: [/preempt|drain|evict|disruption/i, /podFailurePolicy|failure policy|Ignore|not count|don'?t count|backoff ?limit|replace/i],
      never: [/BackoffLimitExceeded|reached the (specified )?backoff limit|Job (has )?failed|Job is failing/i, /\bOOM/, /crash ?loop/i, /DeadlineExceeded/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  grpcMessageTooLarge(),
  systemNodeCriticalForbidden(),
  appArmorProfileMissingNewNodeGroup(),
  noExecuteMaintenanceTaintChurn(),
  istioHttpPortNameOnPostgres(),
  muslResolverLargeHeadlessAnswer(),
  healthyIndexedJobIgnoresDisruptions(),
];
