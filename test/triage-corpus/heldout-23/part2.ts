// Held-out stories, twenty-third round, part two: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// An operator throttled by client-go's own rate limiter after a revision raised its concurrent
// reconciles but not its QPS, a Redis Cluster whose master and its only replica shared a spot
// node that was reclaimed, a StatefulSet replica whose claim is restored from a VolumeSnapshot that
// never became ready, an HPA flapping on JVM warm-up CPU, a gRPC service whose new pods get no
// traffic because clients keep their HTTP/2 connections, a node whose kubelet client certificate
// expired because the CSR approver was down, and a healthy control: a rollout after a migration
// Job whose first attempt lost the race for the advisory lock.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, boundClaim, container, crashLoop, deploymentApp, epochMs, event, every,
  exposed, exited, failedScheduling, httpProbe, hpa, job, cronJob, nameOf, node, nodeEvent, pvc, rsOf, running,
  scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, uidOf, waiting, daemonSetApp, execProbe, restartedAgain,
  notTriggerScaleUp, createdPod, jobEvent, pulledFresh, buildPod,
} from '../kit/index.js';
import type { Built, ContainerStory, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The Deployment object of a built app. */
const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

/** klog's header: `I1121 03:12:41.563210`. */
function klog(level: 'I' | 'W' | 'E', minutes: number): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + 217).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}`;
}

/** Redis's log time: `21 Nov 2026 03:01:58.114`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${d.getUTCDate()} ${m} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const springTime = (minutes: number): string => at(minutes);

// ---- 1. an operator throttled by client-go after its concurrent reconciles went 2 → 20 ------------

function operatorClientSideThrottling(): CorpusScenario {
  const ns = 'tenancy-system';
  const { nodes, names } = threeEksNodes('10.0.112');
  const image = (v: string) => `${ECR}/platform/tenant-operator:${v}`;
  const tpl = (v: string, workers: number) => ({
    serviceAccountName: 'tenant-operator',
    containers: [container({
      name: 'manager',
      image: image(v),
      command: ['/manager'],
      args: ['--leader-elect', '--metrics-bind-address=:8080', '--health-probe-bind-address=:8081', `--max-concurrent-reconciles=${workers}`, '--kube-api-qps=5', '--kube-api-burst=10', '--zap-time-encoding=iso8601'],
      ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'health', containerPort: 8081 }],
      cpu: '200m',
      memory: '256Mi',
      readiness: httpProbe('/readyz', 8081),
      liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }),
    })],
  });
  const op = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: tenant-operator v0.18.3', template: tpl('v0.18.3', 2) },
      { revision: 12, createdAgo: 190, changeCause: 'argocd: tenant-operator v0.19.0', template: tpl('v0.19.0', 20) },
    ],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 189.5 }],
  });
  const opPod = podOf(op, 0);
  // The portal that creates Tenants and waits for them: where the users' pain shows.
  const portal = deploymentApp({
    namespace: 'tenancy',
    name: 'onboarding-api',
    replicas: 2,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: onboarding-api 2.7.0', template: { containers: [container({ image: `${ECR}/tenancy/onboarding-api:2.7.0`, ports: [3000], readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000) })] } },
      { revision: 41, createdAgo: 55, changeCause: 'argocd: onboarding-api 2.7.1', template: { containers: [container({ image: `${ECR}/tenancy/onboarding-api:2.7.1`, ports: [3000], readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000) })] } },
    ],
    pods: [{ revision: 41, node: names[0] ?? '', createdAgo: 55 }, { revision: 41, node: names[2] ?? '', createdAgo: 54 }],
  });
  const api = 'https://172.20.0.1:443';
  const tenants = ['acme-corp', 'globex', 'initech', 'umbrella-eu', 'hooli', 'stark-ind', 'wayne-ent', 'tyrell'];
  const paths = (t: string, i: number): string => [
    `GET:${api}/apis/tenancy.acme.io/v1alpha1/namespaces/tenancy-system/tenants/${t}`,
    `GET:${api}/api/v1/namespaces/t-${t}/resourcequotas/default`,
    `PATCH:${api}/apis/rbac.authorization.k8s.io/v1/namespaces/t-${t}/rolebindings/tenant-admin?fieldManager=tenant-operator&force=true`,
    `PUT:${api}/apis/tenancy.acme.io/v1alpha1/namespaces/tenancy-system/tenants/${t}/status`,
    `GET:${api}/apis/networking.k8s.io/v1/namespaces/t-${t}/networkpolicies/default-deny`,
  ][i % 5] ?? '';
  const zap = (minutes: number, level: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(minutes)}",${extra.length > 0 ? extra + ',' : ''}"msg":"${msg}"}`;
  const ctl = '"controller":"tenant","controllerGroup":"tenancy.acme.io","controllerKind":"Tenant"';
  const startup = lines(
    zap(189.3, 'info', 'starting manager', '"logger":"setup","version":"v0.19.0","maxConcurrentReconciles":20,"kubeAPIQPS":5,"kubeAPIBurst":10'),
    zap(189.3, 'info', 'Starting metrics server', '"logger":"controller-runtime.metrics"'),
    zap(189.2, 'info', 'starting server', '"name":"health probe","addr":"[::]:8081"'),
    `I${klog('I', 189.2).slice(1)}       1 leaderelection.go:254] attempting to acquire leader lease tenancy-system/tenant-operator.tenancy.acme.io...`,
    `I${klog('I', 188.9).slice(1)}       1 leaderelection.go:268] successfully acquired lease tenancy-system/tenant-operator.tenancy.acme.io`,
    zap(188.9, 'info', 'Starting EventSource', `${ctl},"source":"kind source: *v1alpha1.Tenant"`),
    zap(188.9, 'info', 'Starting Controller', ctl),
    zap(188.8, 'info', 'Starting workers', `${ctl},"worker count":20`),
  );
  const recent = every(30, 0.2, 20, (t, i) => {
    const tn = tenants[i % tenants.length] ?? 'acme-corp';
    const wait = (3.1 + ((i * 7) % 19) / 10).toFixed(9).slice(0, 11);
    const out = [`${klog('I', t)}       1 request.go:697] Waited for ${wait}s due to client-side throttling, not priority and fairness, request: ${paths(tn, i)}`];
    if (i % 4 === 1) out.push(zap(t - 0.05, 'error', 'Reconciler error', `${ctl},"Tenant":{"name":"${tn}","namespace":"tenancy-system"},"namespace":"tenancy-system","name":"${tn}","reconcileID":"${uidOf(`rid/${i}`)}","error":"ensuring quota for t-${tn}: client rate limiter Wait returned an error: rate: Wait(n=1) would exceed context deadline"`));
    if (i % 6 === 3) out.push(zap(t - 0.07, 'info', 'tenant reconciled', `${ctl},"Tenant":{"name":"${tn}","namespace":"tenancy-system"},"duration":"${3 + (i % 3)}m${(11 + i) % 60}.${i % 10}s","requeue":false`));
    return out.join('\n') + '\n';
  });
  const portalLogs = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: every(24, 1, 150, (t, i) => lines(
      `{"level":40,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","tenant":"${tenants[(i + 3) % tenants.length] ?? ''}","waitedMs":300000,"msg":"timed out waiting for Tenant to become Ready (condition Provisioned=False, reason Reconciling)"}`,
      `{"level":30,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/signups"},"res":{"statusCode":504},"responseTime":300012,"msg":"request completed"}`,
    )),
  });
  return {
    id: 'heldout23-operator-client-side-throttling',
    class: 'capacity',
    truth: 'Revision 12 of tenant-operator (v0.19.0, about 3 hours ago) raised --max-concurrent-reconciles from 2 to 20 to onboard tenants faster, but kept the client\'s --kube-api-qps=5 and --kube-api-burst=10. Twenty workers now share a token bucket of 5 requests per second: every API call waits seconds in client-go\'s client-side rate limiter ("Waited for 4.2s due to client-side throttling, not priority and fairness"), reconciles take minutes, many give up with "client rate limiter Wait returned an error: rate: Wait(n=1) would exceed context deadline", and onboarding-api times out waiting for Tenants to become Ready. The API server is fine (this is not APF). Fix: raise --kube-api-qps/--kube-api-burst in proportion (or go back to fewer workers).',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...op.objects, ...portal.objects,
      ...exposed({ namespace: ns, name: 'tenant-operator-metrics', selector: { app: 'tenant-operator' }, ports: [{ name: 'metrics', port: 8080, targetPort: 'metrics' }], pods: op.pods }),
      ...exposed({ namespace: 'tenancy', name: 'onboarding-api', selector: { app: 'onboarding-api' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: portal.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(op), rsOf(op, 11), 0, 1, 190),
      scaledReplicaSet(deploymentOf(op), rsOf(op, 12), 1, 0, 189.6),
      ...startedAt(opPod, 'manager', image('v0.19.0'), 189.5),
      scaledReplicaSet(deploymentOf(portal), rsOf(portal, 41), 2, 0, 55),
      event({ on: { kind: 'Tenant', name: 'acme-corp', namespace: ns }, type: 'Normal', reason: 'Reconciling', message: 'Provisioning namespace t-acme-corp: quota, network policies, role bindings', count: 9, firstAgo: 41, lastAgo: 2, component: 'tenant-operator' }),
      event({ on: { kind: 'Tenant', name: 'acme-corp', namespace: ns }, reason: 'ReconcileFailed', message: 'ensuring quota for t-acme-corp: client rate limiter Wait returned an error: rate: Wait(n=1) would exceed context deadline', count: 6, firstAgo: 38, lastAgo: 4, component: 'tenant-operator' }),
      event({ on: { kind: 'Tenant', name: 'globex', namespace: ns }, reason: 'ReconcileFailed', message: 'ensuring role bindings for t-globex: client rate limiter Wait returned an error: rate: Wait(n=1) would exceed context deadline', count: 4, firstAgo: 29, lastAgo: 7, component: 'tenant-operator' }),
      // Yesterday's unrelated warning.
      event({ on: { kind: 'Tenant', name: 'initech', namespace: ns }, reason: 'QuotaExceedsPlan', message: 'requested requests.cpu=64 exceeds plan "growth" limit 32; capped', count: 1, firstAgo: 21 * 60, lastAgo: 21 * 60, component: 'tenant-operator' }),
    ],
    logs: [
      logsFor(opPod, 'manager', { current: startup + recent }),
      ...portal.pods.map(portalLogs),
    ],
    expect: {
      verdict: 'problems',
      headline: [/throttl|rate.?limit|\bqps\b|burst/i],
      facts: [/kube-api-qps=5|qps[^\n]{0,20}\b5\b/i, /max-concurrent-reconciles|concurrent reconciles|MaxConcurrentReconciles|worker count|20 workers/i, /client-side throttling|Waited for \d/i, /revision 12|v0\.19\.0/i],
      never: [/\bOOM/, /crash ?loop/i, /(API ?server|apiserver)[^\n]*(overload|down|unavailable|unreachable)/i, /onboarding-api[^\n]*(caused|broke|roll)/i],
    },
  };
}

// ---- 2. Redis Cluster: a master and its only replica on one reclaimed spot node -------------------

function redisClusterMasterAndReplicaSameNode(): CorpusScenario {
  const ns = 'cache';
  const cacheNodes = [
    node({ name: 'ip-10-0-1-54.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'cache-spot', instanceType: 'r6g.large', arch: 'arm64', labels: { workload: 'cache' } }),
    node({ name: 'ip-10-0-2-91.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'cache-spot', instanceType: 'r6g.large', arch: 'arm64', labels: { workload: 'cache' } }),
  ];
  const gone = 'ip-10-0-3-118.eu-west-1.compute.internal';
  const { nodes, names } = threeEksNodes('10.0.64');
  const [c1a, c1b] = cacheNodes.map(nameOf);
  const image = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r4';
  const tpl = {
    containers: [container({
      name: 'redis-cluster',
      image,
      command: ['/bin/bash', '-c'],
      args: ['/opt/bitnami/scripts/redis-cluster/entrypoint.sh /opt/bitnami/scripts/redis-cluster/run.sh'],
      env: [{ name: 'REDIS_NODES', value: 'redis-cluster-0.redis-cluster-headless redis-cluster-1.redis-cluster-headless redis-cluster-2.redis-cluster-headless redis-cluster-3.redis-cluster-headless redis-cluster-4.redis-cluster-headless redis-cluster-5.redis-cluster-headless' }, { name: 'REDIS_CLUSTER_REPLICAS', value: '1' }],
      ports: [{ name: 'tcp-redis', containerPort: 6379 }, { name: 'tcp-redis-bus', containerPort: 16379 }],
      cpu: '500m', memory: '6Gi',
      readiness: execProbe(['sh', '-c', '/scripts/ping_readiness_local.sh 1'], { periodSeconds: 5, timeoutSeconds: 2 }),
      liveness: execProbe(['sh', '-c', '/scripts/ping_liveness_local.sh 5'], { periodSeconds: 5, timeoutSeconds: 6, initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'redis-data', mountPath: '/bitnami/redis/data' }],
    })],
    nodeSelector: { workload: 'cache' },
    tolerations: [{ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
  };
  const pending = '0/5 nodes are available: 2 node(s) had volume node affinity conflict, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.';
  const sts = statefulSetApp({
    namespace: ns,
    name: 'redis-cluster',
    replicas: 6,
    serviceName: 'redis-cluster-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 34 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '20Gi' }],
    pods: [
      { revision: 4, ordinal: 0, node: c1a ?? '', createdAgo: 34 * DAYS },
      { revision: 4, ordinal: 1, node: c1b ?? '', createdAgo: 34 * DAYS, containers: { 'redis-cluster': running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS, ranSeconds: 31 * DAYS * 60 } }) } },
      { revision: 4, ordinal: 2, node: null, createdAgo: 13.8, unschedulable: pending },
      { revision: 4, ordinal: 3, node: c1a ?? '', createdAgo: 34 * DAYS },
      { revision: 4, ordinal: 4, node: c1b ?? '', createdAgo: 34 * DAYS },
      { revision: 4, ordinal: 5, node: null, createdAgo: 13.8, unschedulable: pending },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = zones.flatMap((zone, i) => boundClaim({ namespace: ns, name: `redis-data-redis-cluster-${i}`, storage: '20Gi', zone, createdAgo: 210 * DAYS, labels: { app: 'redis-cluster' } }));
  const p2 = podOf(sts, 2);
  const p5 = podOf(sts, 5);
  const ids = [0, 1, 2, 3, 4, 5].map((i) => uidOf(`redis-node/${i}`).replace(/-/g, '').slice(0, 32) + uidOf(`redis-node-b/${i}`).replace(/-/g, '').slice(0, 8));
  const host = (i: number) => `redis-cluster-${i}.redis-cluster-headless.cache.svc.cluster.local`;
  const redisLog = (i: number, role: 'M' | 'S') => {
    const saw = (t: number, lostNode: number) => i === 0
      ? `1:${role} ${redisTime(t)} * Marking node ${ids[lostNode]} (${host(lostNode)}) as failing (quorum reached).`
      : `1:${role} ${redisTime(t)} * FAIL message received from ${ids[0]} (${host(0)}) about ${ids[lostNode]} (${host(lostNode)})`;
    return lines(
      `1:${role} ${redisTime(62)} * 10000 changes in 60 seconds. Saving...`,
      `1:${role} ${redisTime(61.9)} * Background saving started by pid ${8812 + i}`,
      `1:${role} ${redisTime(61.8)} * Background saving terminated with success`,
      saw(13.7, 2),
      `1:${role} ${redisTime(13.7)} # Cluster state changed: fail`,
      saw(13.6, 5),
      ...(role === 'S' ? [] : [`1:${role} ${redisTime(1)} * 10000 changes in 60 seconds. Saving...`]),
    );
  };
  // The app: healthy pods, every request failing on the cluster's CLUSTERDOWN.
  const web = 'storefront';
  const appTpl = (v: string) => ({ containers: [container({ image: `${ECR}/storefront/session-api:${v}`, ports: [3000], env: [{ name: 'REDIS_CLUSTER_NODES', value: 'redis-cluster.cache.svc.cluster.local:6379' }], readiness: httpProbe('/livez', 3000), liveness: httpProbe('/livez', 3000) })] });
  const app = deploymentApp({
    namespace: web,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: session-api 5.2.0', template: appTpl('5.2.0') },
      { revision: 41, createdAgo: 85, changeCause: 'argocd: session-api 5.2.1', template: appTpl('5.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 84 - k })),
  });
  const stack = 'ReplyError: CLUSTERDOWN The cluster is down\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)';
  const appLogs = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: lines(
      `{"level":30,"time":${epochMs(15)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/session"},"res":{"statusCode":200},"responseTime":3,"msg":"request completed"}`,
      every(13.5, 0.2, 20, (t, i) => lines(
        `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","err":{"type":"ReplyError","message":"CLUSTERDOWN The cluster is down","stack":"${stack}","command":{"name":"${i % 2 === 0 ? 'get' : 'hgetall'}","args":["sess:${uidOf(`s/${i}`).slice(0, 8)}"]}},"msg":"session lookup failed"}`,
        `{"level":30,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/session"},"res":{"statusCode":503},"responseTime":2,"msg":"request completed"}`,
      )).trimEnd(),
    ),
  });
  const nodeRef = { kind: 'Node', name: gone };
  return {
    id: 'heldout23-redis-cluster-master-and-replica-same-node',
    class: 'nodes',
    truth: 'The cache-spot node ip-10-0-3-118 (eu-west-1c) was reclaimed by a spot interruption 14 minutes ago. It ran both redis-cluster-2, the master of hash slots 10923-16383, and redis-cluster-5, that master\'s only replica (no pod anti-affinity between a master and its replica). With both gone there was no failover: the cluster marked them failing and went to state fail, so every command answers "CLUSTERDOWN The cluster is down". The two pods were re-created but stay Pending: their EBS volumes are in eu-west-1c, where no cache node is left (the autoscaler\'s scale-up is in backoff). session-api\'s pods are Ready but every request fails with 503. session-api\'s rollout 85 minutes ago and redis-cluster-1\'s OOM three days ago are not the cause.',
    ask: { service: 'session-api', namespace: web },
    objects: [
      ...cacheNodes, ...nodes, ...sts.objects, ...claims, ...app.objects,
      ...exposed({ namespace: ns, name: 'redis-cluster', selector: { app: 'redis-cluster' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }], pods: sts.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'redis-cluster-headless', selector: { app: 'redis-cluster' }, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }, { name: 'tcp-redis-bus', port: 16379, targetPort: 'tcp-redis-bus' }], pods: sts.pods, endpointPort: 6379 }),
      ...exposed({ namespace: web, name: 'session-api', selector: { app: 'session-api' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 0, 85),
      event({ on: nodeRef, type: 'Warning', reason: 'SpotInterruption', message: `Spot Interruption notice for instance i-0c4b2f71a9e35d812 was sent at ${ago(16).toISOString()}, instance will be terminated at ${ago(14).toISOString()}`, firstAgo: 16, lastAgo: 16, component: 'aws-node-termination-handler' }),
      event({ on: nodeRef, type: 'Normal', reason: 'CordonAndDrain', message: 'Node successfully cordoned and drained', firstAgo: 14.2, lastAgo: 14.2, component: 'aws-node-termination-handler' }),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { firstAgo: 13.3, component: 'node-controller' }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 12.9, component: 'node-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'redis-cluster', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-2 in StatefulSet redis-cluster successful', firstAgo: 13.8, lastAgo: 13.8, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'redis-cluster', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-5 in StatefulSet redis-cluster successful', firstAgo: 13.8, lastAgo: 13.8, component: 'statefulset-controller' }),
      ...[p2, p5].flatMap((p) => [
        failedScheduling(p, pending, { count: 9, firstAgo: 13.8, lastAgo: 1.5 }),
        event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-cache-spot-1c-7ac9b3e2-5d1f-4a8e-9c31-0f4e2b6d8a11 0->1 (max: 3)}]', firstAgo: 13.5, lastAgo: 13.5, component: 'cluster-autoscaler' }),
        notTriggerScaleUp(p, '2 node(s) had volume node affinity conflict, 1 in backoff after failed scale-up', { count: 5, firstAgo: 8, lastAgo: 1 }),
      ]),
    ],
    logs: [
      logsFor(podOf(sts, 0), 'redis-cluster', { current: redisLog(0, 'M') }),
      logsFor(podOf(sts, 1), 'redis-cluster', { current: redisLog(1, 'M'), previous: lines(`1:M ${redisTime(3 * DAYS + 1)} * 10000 changes in 60 seconds. Saving...`, `1:M ${redisTime(3 * DAYS + 0.5)} * Background saving started by pid 22190`) }),
      logsFor(podOf(sts, 3), 'redis-cluster', { current: redisLog(3, 'S') }),
      logsFor(podOf(sts, 4), 'redis-cluster', { current: redisLog(4, 'S') }),
      ...app.pods.map(appLogs),
    ],
    expect: {
      verdict: 'problems',
      headline: [/redis/i, /CLUSTERDOWN|cluster (is |was )?down|cluster state[^\n]*fail|hash slot|redis-cluster-[25]|ip-10-0-3-118/i],
      facts: [/CLUSTERDOWN|cluster is down/i, /redis-cluster-2/, /redis-cluster-5/, /ip-10-0-3-118/, /Pending|volume node affinity/i],
      never: [ADVISES_ROLLBACK, /session-api[^\n]*(revision|rollout|5\.2\.1)[^\n]*(caus|broke|introduc)/i, /\bOOM/, /NetworkPolicy/i],
    },
  };
}

// ---- 3. a new StatefulSet replica restored from a VolumeSnapshot that is not ready --------------

function snapshotSourceNotReady(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.150');
  const image = `${ECR}/data/ledger-db:16.4-r3`;
  const tpl = {
    containers: [container({
      name: 'postgres',
      image,
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_REPLICATION_MODE', value: 'replica' }],
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '1', memory: '4Gi',
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe(5432, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'ledger-db',
    replicas: 3,
    serviceName: 'ledger-db-headless',
    createdAgo: 120 * DAYS,
    revisions: [{ revision: 6, createdAgo: 18 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 18 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 18 * DAYS, containers: { postgres: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4 * DAYS, ranSeconds: 14 * DAYS * 60 } }) } },
      { revision: 6, ordinal: 2, node: null, createdAgo: 26, unschedulable: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' },
    ],
  });
  // The claim template restores each new replica's data from the nightly seed snapshot.
  const snapshotSource = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'ledger-db-seed' };
  const stsObj = sts.objects[0] as k8s.V1StatefulSet;
  for (const t of stsObj.spec?.volumeClaimTemplates ?? []) if (t.spec) t.spec = { ...t.spec, dataSource: snapshotSource, dataSourceRef: snapshotSource };
  const [c0, v0] = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 120 * DAYS, labels: { app: 'ledger-db' } });
  const [c1, v1] = boundClaim({ namespace: ns, name: 'data-ledger-db-1', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 120 * DAYS, labels: { app: 'ledger-db' } });
  const fresh = pvc({ namespace: ns, name: 'data-ledger-db-2', storage: '200Gi', phase: 'Pending', createdAgo: 26, labels: { app: 'ledger-db' }, annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' } });
  if (fresh.spec) fresh.spec = { ...fresh.spec, dataSource: snapshotSource, dataSourceRef: snapshotSource };
  const pending = podOf(sts, 2);
  // The CSI controller in kube-system: provisioner and snapshotter sidecars.
  const csiImage = (n: string, v: string) => `602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/${n}:${v}`;
  const csi = deploymentApp({
    namespace: 'kube-system',
    name: 'ebs-csi-controller',
    replicas: 1,
    selector: { app: 'ebs-csi-controller' },
    revisions: [{ revision: 9, createdAgo: 21 * DAYS, template: { serviceAccountName: 'ebs-csi-controller-sa', containers: [
      container({ name: 'ebs-plugin', image: csiImage('aws-ebs-csi-driver', 'v1.37.0'), args: ['controller', '--endpoint=$(CSI_ENDPOINT)', '--k8s-tag-cluster-id=prod-eu-west-1'], ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '10m', memory: '40Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz') }),
      container({ name: 'csi-provisioner', image: csiImage('csi-provisioner', 'v5.1.0-eks-1-31-7'), args: ['--timeout=60s', '--csi-address=$(ADDRESS)', '--v=2', '--feature-gates=Topology=true', '--extra-create-metadata', '--leader-election=true', '--default-fstype=ext4'], ports: [], cpu: '10m', memory: '40Mi', readiness: null, liveness: null }),
      container({ name: 'csi-snapshotter', image: csiImage('csi-snapshotter', 'v8.1.0-eks-1-31-7'), args: ['--csi-address=$(ADDRESS)', '--leader-election=true', '--extra-create-metadata'], ports: [], cpu: '10m', memory: '40Mi', readiness: null, liveness: null }),
    ] } }],
    pods: [{ revision: 9, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const csiPod = podOf(csi, 0);
  const provisionerId = `ebs.csi.aws.com_${nameOf(csiPod)}_5c0e7a1b-2f4d-4e8a-9b16-3d7c0f2a8e41`;
  const notReady = 'failed to provision volume with StorageClass "gp3": error getting handle for DataSource Type VolumeSnapshot by Name ledger-db-seed: snapshot ledger-db-seed is not Ready';
  const content = 'snapcontent-8b3f5c21-7e4a-4d19-a0c2-6f1e9d3b7a54';
  const limit = `Failed to check and update snapshot content: failed to take snapshot of the volume vol-0${uidOf('seed-src').replace(/-/g, '').slice(0, 16)}: "rpc error: code = Internal desc = Could not create snapshot \\"snapshot-8b3f5c21-7e4a-4d19-a0c2-6f1e9d3b7a54\\": error creating snapshot of volume vol-0${uidOf('seed-src').replace(/-/g, '').slice(0, 16)}: operation error EC2: CreateSnapshot, https response error StatusCode: 400, RequestID: 3e8c51d7-9a0b-4f62-b1d4-7c2e8f0a5b93, api error SnapshotLimitExceeded: The maximum number of snapshots has been reached."`;
  const seeder = cronJob({
    namespace: ns,
    name: 'ledger-seed-snapshot',
    schedule: '0 0 * * *',
    template: { serviceAccountName: 'ledger-snapshotter', containers: [batchContainer({ name: 'kubectl', image: 'docker.io/bitnami/kubectl:1.31.3', command: ['/bin/sh', '-c', 'kubectl delete volumesnapshot ledger-db-seed --ignore-not-found && kubectl apply -f /manifests/ledger-db-seed.yaml'] })] },
    lastSuccessfulAgo: 193,
    jobs: [
      { createdAgo: 194 + 2 * DAYS, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 194 + 2 * DAYS, containers: { kubectl: { state: exited({ exitCode: 0, finishedAgo: 193 + 2 * DAYS, ranSeconds: 6 }), ready: false, restartCount: 0 } } }], outcome: { complete: true, ago: 193 + 2 * DAYS } },
      { createdAgo: 194 + DAYS, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 194 + DAYS, containers: { kubectl: { state: exited({ exitCode: 0, finishedAgo: 193 + DAYS, ranSeconds: 6 }), ready: false, restartCount: 0 } } }], outcome: { complete: true, ago: 193 + DAYS } },
      { createdAgo: 194, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 194, containers: { kubectl: { state: exited({ exitCode: 0, finishedAgo: 193.9, ranSeconds: 5 }), ready: false, restartCount: 0 } } }], outcome: { complete: true, ago: 193.9 } },
    ],
  });
  const lastSeedPod = seeder.jobs[2]?.pods[0];
  const api = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 2,
    revisions: [
      { revision: 70, createdAgo: 4 * DAYS, changeCause: 'argocd: ledger-api 3.3.0', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:3.3.0` })] } },
      { revision: 71, createdAgo: 50, changeCause: 'argocd: ledger-api 3.3.1', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:3.3.1` })] } },
    ],
    pods: [{ revision: 71, node: names[0] ?? '', createdAgo: 50 }, { revision: 71, node: names[1] ?? '', createdAgo: 49 }],
  });
  const pgLog = (minutes: number, msg: string) => `${at(minutes).replace('T', ' ').replace('Z', '')} UTC [1] LOG:  ${msg}`;
  return {
    id: 'heldout23-statefulset-replica-snapshot-not-ready',
    class: 'storage',
    truth: 'ledger-db was scaled from 2 to 3 replicas 26 minutes ago. Its claim template restores each new replica\'s volume from the VolumeSnapshot ledger-db-seed, which the nightly ledger-seed-snapshot CronJob deletes and re-creates at midnight. Tonight the snapshot never became ready: EBS refused CreateSnapshot with SnapshotLimitExceeded (the account\'s snapshot quota is full), so its content stays not ready. The external-provisioner will not create the volume for data-ledger-db-2 ("error getting handle for DataSource Type VolumeSnapshot by Name ledger-db-seed: snapshot ledger-db-seed is not Ready"), the claim stays Pending and pod ledger-db-2 is unschedulable (unbound immediate PersistentVolumeClaims). The two existing replicas are fine; ledger-db-1\'s OOM kill 4 days ago and ledger-api\'s rollout are unrelated. Fix: free snapshot quota (old seed snapshots) and re-create ledger-db-seed.',
    ask: { service: 'ledger-db', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, c0, v0, c1, v1, fresh, ...csi.objects, ...seeder.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-db-headless', selector: { app: 'ledger-db' }, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: sts.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-ledger-db-2 Pod ledger-db-2 in StatefulSet ledger-db success', firstAgo: 26, lastAgo: 26, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledger-db-2 in StatefulSet ledger-db successful', firstAgo: 26, lastAgo: 26, component: 'statefulset-controller' }),
      failedScheduling(pending, '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', { count: 8, firstAgo: 26, lastAgo: 1.2 }),
      event({ on: fresh, type: 'Normal', reason: 'ExternalProvisioning', message: 'Waiting for a volume to be created either by the external provisioner \'ebs.csi.aws.com\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.', count: 104, firstAgo: 26, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      event({ on: fresh, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/data-ledger-db-2"`, count: 13, firstAgo: 26, lastAgo: 1.4, component: provisionerId }),
      event({ on: fresh, reason: 'ProvisioningFailed', message: notReady, count: 13, firstAgo: 26, lastAgo: 1.4, component: provisionerId }),
      event({ on: { kind: 'VolumeSnapshot', name: 'ledger-db-seed', namespace: ns }, type: 'Normal', reason: 'CreatingSnapshot', message: `Waiting for a snapshot ${ns}/ledger-db-seed to be created by the CSI driver.`, firstAgo: 193.8, lastAgo: 193.8, component: 'snapshot-controller' }),
      event({ on: { kind: 'VolumeSnapshotContent', name: content }, reason: 'SnapshotContentCheckandUpdateFailed', message: limit, count: 31, firstAgo: 193.7, lastAgo: 3, component: 'csi-snapshotter ebs.csi.aws.com' }),
      jobEvent(seeder.jobs[2]?.objects[0], 'Completed', 'Job completed', 193.9),
      // Yesterday's unrelated warning on a healthy replica.
      event({ on: podOf(sts, 0), reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - rejecting connections', count: 2, firstAgo: 20 * 60, lastAgo: 20 * 60, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      logsFor(csiPod, 'csi-provisioner', {
        current: every(26, 1.4, 120, (t, i) => lines(
          `${klog('I', t)}       1 controller.go:1366] provision "${ns}/data-ledger-db-2" class "gp3": started`,
          `${klog('W', t - 0.01)}       1 controller.go:989] Retrying syncing claim "${uidOf(`pvc/${ns}/data-ledger-db-2`)}", failure ${i}`,
          `${klog('E', t - 0.01)}       1 controller.go:1007] error syncing claim "${uidOf(`pvc/${ns}/data-ledger-db-2`)}": ${notReady}`,
        )),
      }),
      logsFor(csiPod, 'csi-snapshotter', {
        current: every(193.7, 3, 360, (t) => lines(`${klog('E', t)}       1 snapshot_controller.go:124] createSnapshot for content [${content}]: error occurred in createSnapshotWrapper: ${limit.replace('Failed to check and update snapshot content: ', '')}`)),
      }),
      ...(lastSeedPod === undefined ? [] : [logsFor(lastSeedPod, 'kubectl', { current: lines('volumesnapshot.snapshot.storage.k8s.io "ledger-db-seed" deleted', 'volumesnapshot.snapshot.storage.k8s.io/ledger-db-seed created') })]),
      logsFor(podOf(sts, 0), 'postgres', { current: lines(pgLog(30, 'checkpoint starting: time'), pgLog(25.5, 'checkpoint complete: wrote 2114 buffers (1.6%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.870 s, sync=0.004 s, total=269.902 s'), pgLog(1, 'checkpoint starting: time')) }),
      logsFor(podOf(sts, 1), 'postgres', { current: lines(pgLog(4 * DAYS, 'database system is ready to accept read-only connections'), pgLog(4 * DAYS - 0.1, 'started streaming WAL from primary at 3A/8F000000 on timeline 1'), pgLog(12, 'restartpoint complete: wrote 1870 buffers (1.4%)')) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/snapshot|ledger-db-seed/i],
      facts: [/ledger-db-seed/, /data-ledger-db-2/, /not Ready|not ready/i, /SnapshotLimitExceeded|maximum number of snapshots|snapshot (limit|quota)/i],
      never: [/Insufficient (cpu|memory)/i, /\bOOM/, ADVISES_ROLLBACK, /ledger-api[^\n]*(caus|broke|introduc)/i],
    },
  };
}

// ---- 4. an HPA flapping on JVM warm-up CPU --------------------------------------------------------

function hpaFlappingJvmWarmup(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.88');
  const extra = [node({ name: 'ip-10-0-88-203.eu-west-1.compute.internal', zone: 'eu-west-1a', createdAgo: 95 }), node({ name: 'ip-10-0-88-14.eu-west-1.compute.internal', zone: 'eu-west-1b', createdAgo: 94 })];
  const all = [...names, ...extra.map(nameOf)];
  const image = `${ECR}/catalog/pricing-api:4.12.3`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img,
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC' }, { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '20' }],
      cpu: '1', cpuLimit: '2', memory: '2Gi',
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 30 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const tpl = tplOf(image);
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 12,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, changeCause: 'argocd: pricing-api 4.12.2', template: tplOf(`${ECR}/catalog/pricing-api:4.12.2`) },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-api 4.12.3', template: tpl },
    ],
    settled: { available: true, availableSince: 2.5, progressingSince: 6 * DAYS },
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 19, node: all[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
      ...[0, 1, 2, 3].map((k) => ({ revision: 19, node: all[(k % 2) + 3] ?? '', createdAgo: 9 - k * 0.02 })),
      ...[0, 1, 2, 3].map((k) => ({ revision: 19, node: all[k % 5] ?? '', createdAgo: 3.2 - k * 0.02 })),
    ],
  });
  const h = hpa({
    namespace: ns, name: 'pricing-api', target: { kind: 'Deployment', name: 'pricing-api' }, min: 4, max: 12, current: 12, desired: 12,
    cpu: { current: 91, target: 60, averageValue: '912m' }, lastScaleAgo: 3.2,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation', lastTransitionTime: ago(3.2) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(30 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(3.2) },
    ],
  });
  const hRef = { kind: 'HorizontalPodAutoscaler', name: 'pricing-api', namespace: ns };
  const rs = rsOf(app, 19);
  const dep = deploymentOf(app);
  const fresh = podOf(app, 8);
  const old = podOf(app, 0);
  const spring = (p: k8s.V1Pod, t: number, level: string, thread: string, logger: string, msg: string) => `${springTime(t)}  ${level.padStart(5)} 1 --- [pricing-api] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const startLog = (p: k8s.V1Pod, t0: number) => lines(
    spring(p, t0, 'INFO', 'main', 'c.a.catalog.pricing.PricingApiApplication', `Starting PricingApiApplication v4.12.3 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`),
    spring(p, t0 - 0.2, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(p, t0 - 0.45, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    spring(p, t0 - 0.47, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b1f29fa'),
    spring(p, t0 - 0.47, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(p, t0 - 0.6, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(p, t0 - 0.6, 'INFO', 'main', 'c.a.catalog.pricing.PricingApiApplication', 'Started PricingApiApplication in 36.912 seconds (process running for 38.204)'),
    spring(p, t0 - 0.7, 'INFO', 'main', 'c.a.catalog.pricing.cache.PriceRuleCache', 'Price rule cache warmed: 184220 rules compiled in 71.3s'),
  );
  const db = statefulSetApp({
    namespace: ns, name: 'pricing-db', replicas: 1, serviceName: 'pricing-db',
    revisions: [{ revision: 3, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe(5432) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const pg = (t: number, sev: string, msg: string) => `${at(t).replace('T', ' ').replace('Z', '')} UTC [${2000 + Math.round(t * 10)}] ${sev}:  ${msg}`;
  return {
    id: 'heldout23-hpa-flapping-jvm-warmup',
    class: 'capacity',
    truth: 'pricing-api\'s HPA (target 60% CPU of a 1-core request, min 4, max 12, no behavior section) flaps: when evening traffic rises it scales 4 → 8, and each new JVM burns up to 2 cores for about 3 minutes compiling (JIT) and warming its price-rule cache. The HPA counts that warm-up CPU, so the average jumps and it scales again to the maximum of 12; once warm, the pods idle, average CPU collapses and, after the 5-minute scale-down stabilization, it drops back to 4 — then the cycle repeats every ~17 minutes (SuccessfulRescale 4 → 8 → 12 → 4, six cycles in the last 95 minutes). Pods are Ready throughout; the churn of new pods opening Hikari pools exhausts pricing-db\'s connections (a side effect). Fix: exclude warm-up (startup CPU / readiness after warm-up) and add behavior.scaleUp stabilization, or pre-warm; raising maxReplicas would not help.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...extra, ...app.objects, h, ...db.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-db', selector: { app: 'pricing-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432 }),
      event({ on: hRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', count: 6, firstAgo: 95, lastAgo: 9, component: 'horizontal-pod-autoscaler' }),
      event({ on: hRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: cpu resource utilization (percentage of request) above target', count: 6, firstAgo: 92, lastAgo: 3.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: hRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: All metrics below target', count: 5, firstAgo: 80, lastAgo: 12, component: 'horizontal-pod-autoscaler' }),
      // Yesterday: the metrics API was briefly unavailable (a metrics-server restart).
      event({ on: hRef, reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)', count: 3, firstAgo: 22 * 60, lastAgo: 22 * 60 - 1, component: 'horizontal-pod-autoscaler' }),
      event({ on: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rs} from 4 to 8`, count: 6, firstAgo: 95, lastAgo: 9, component: 'deployment-controller' }),
      event({ on: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rs} from 8 to 12`, count: 6, firstAgo: 92, lastAgo: 3.2, component: 'deployment-controller' }),
      event({ on: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rs} from 12 to 4`, count: 5, firstAgo: 80, lastAgo: 12, component: 'deployment-controller' }),
      ...app.pods.slice(4).flatMap((p) => startedAt(p, 'app', image, p === fresh || app.pods.indexOf(p) >= 8 ? 3.2 : 9)),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${fresh.status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 2.6, lastAgo: 2.6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: startLog(fresh, 3.1) + lines(spring(fresh, 1.5, 'INFO', 'nio-8080-exec-3', 'c.a.c.pricing.web.PriceController', 'GET /v2/prices?sku=… 200 (412 ms)'), spring(fresh, 0.3, 'INFO', 'nio-8080-exec-9', 'c.a.c.pricing.web.PriceController', 'GET /v2/prices?sku=… 200 (18 ms)')) }),
      logsFor(podOf(app, 4), 'app', { current: startLog(podOf(app, 4), 8.9) + lines(spring(podOf(app, 4), 2.8, 'WARN', 'nio-8080-exec-12', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s412ms).')) }),
      logsFor(old, 'app', { current: lines(
        spring(old, 3.0, 'WARN', 'nio-8080-exec-41', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 53300'),
        spring(old, 3.0, 'ERROR', 'nio-8080-exec-41', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'FATAL: sorry, too many clients already'),
        spring(old, 1.0, 'INFO', 'nio-8080-exec-7', 'c.a.c.pricing.web.PriceController', 'GET /v2/prices?sku=… 200 (14 ms)'),
      ) }),
      logsFor(podOf(db, 0), 'postgres', { current: lines(pg(9.1, 'FATAL', 'sorry, too many clients already'), pg(3.1, 'FATAL', 'sorry, too many clients already'), pg(3.0, 'FATAL', 'remaining connection slots are reserved for roles with the SUPERUSER attribute'), pg(1, 'LOG', 'checkpoint starting: time')) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HPA|autoscal/i, /flap|oscillat|thrash|up and down|back and forth|repeated|4 ?(↔|<->|→|->|and|to) ?12|12 ?(↔|<->|→|->|and|to) ?4|cycl/i],
      facts: [/warm.?up|JIT|start.?up CPU|startup/i, /behavior|stabili[sz]ation|scaleUp|scale-up policy/i, /New size: (4|8|12)|SuccessfulRescale|rescal/i, /maxReplicas|max(imum)?[^\n]{0,12}12|TooManyReplicas/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /(raise|increase|bump)[^\n]{0,30}max ?replicas/i, /pricing-db[^\n]*(root cause|caused)/i, /crash ?loop/i],
    },
  };
}

// ---- 5. gRPC load imbalance after a scale-up --------------------------------------------------------

function grpcLongLivedConnectionsImbalance(): CorpusScenario {
  const ns = 'ranking';
  const { nodes, names } = threeEksNodes('10.0.204');
  const image = `${ECR}/ranking/scorer:1.31.0`;
  const tplOf = (img: string) => ({ containers: [container({
    image: img,
    args: ['--grpc-addr=:50051', '--metrics-addr=:9090'],
    ports: [{ name: 'grpc', containerPort: 50051 }, { name: 'metrics', containerPort: 9090 }],
    cpu: '800m', cpuLimit: '1', memory: '1Gi',
    readiness: { grpc: { port: 50051, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    liveness: { grpc: { port: 50051, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 10 },
  })] });
  const tpl = tplOf(image);
  const scorer = deploymentApp({
    namespace: ns,
    name: 'scorer',
    replicas: 6,
    revisions: [
      { revision: 7, createdAgo: 16 * DAYS, changeCause: 'argocd: scorer 1.30.4', template: tplOf(`${ECR}/ranking/scorer:1.30.4`) },
      { revision: 8, createdAgo: 2 * DAYS, changeCause: 'argocd: scorer 1.31.0', template: tpl },
    ],
    settled: { available: true, availableSince: 2 * DAYS, progressingSince: 2 * DAYS },
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
      ...[0, 1, 2].map((k) => ({ revision: 8, node: names[(k + 1) % 3] ?? '', createdAgo: 25 - k * 0.05 })),
    ],
  });
  const feedTpl = (v: string) => ({ containers: [container({ image: `${ECR}/ranking/feed-api:${v}`, env: [{ name: 'SCORER_ADDR', value: 'scorer.ranking.svc.cluster.local:50051' }, { name: 'SCORER_TIMEOUT', value: '300ms' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const feed = deploymentApp({
    namespace: ns,
    name: 'feed-api',
    replicas: 4,
    revisions: [
      { revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: feed-api 2.40.0', template: feedTpl('2.40.0') },
      { revision: 34, createdAgo: 41, changeCause: 'argocd: feed-api 2.41.0', template: feedTpl('2.41.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 34, node: names[k % 3] ?? '', createdAgo: 41 - k * 0.6 })),
  });
  const h = hpa({ namespace: ns, name: 'scorer', target: { kind: 'Deployment', name: 'scorer' }, min: 3, max: 10, current: 6, desired: 6, cpu: { current: 65, target: 70, averageValue: '520m' }, lastScaleAgo: 25 });
  const rs = rsOf(scorer, 8);
  const zap = (t: number, level: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(t)}","caller":"server/stats.go:88","msg":"${msg}",${extra}}`;
  const oldConns = [2, 2, 1];
  const serverLog = (i: number) => {
    const isOld = i < 3;
    return every(30, 0.5, 60, (t, k) => {
      const out = [zap(t, 'info', 'grpc stats', isOld
        ? `"window":"60s","rpcs":${41000 + ((i * 977 + k * 131) % 3800)},"open_conns":${oldConns[i] ?? 1},"p50_ms":${120 + (k % 40)},"p99_ms":${780 + ((k * 37) % 260)},"errors":0`
        : `"window":"60s","rpcs":${t > 25 ? 0 : (k % 3)},"open_conns":0,"p50_ms":2,"p99_ms":4,"errors":0`)];
      if (isOld && k % 3 === 0) out.push(`{"level":"warn","ts":"${at(t - 0.1)}","caller":"server/interceptor.go:61","msg":"slow rpc","method":"/scorer.v1.Scorer/Score","duration":"${(0.81 + (k % 7) / 20).toFixed(3)}s","peer":"10.0.${20 + k % 7}.${40 + i}:${41000 + k}"}`);
      return out.join('\n') + '\n';
    });
  };
  const clientLog = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: lines(
      `{"level":"info","ts":"${at(40.6)}","caller":"grpcclient/dial.go:44","msg":"scorer client connected","target":"dns:///scorer.ranking.svc.cluster.local:50051","resolved":["172.20.41.17:50051"],"lb_policy":"pick_first"}`,
      every(24, 0.3, 45, (t, k) => lines(
        `{"level":"warn","ts":"${at(t)}","caller":"feed/score.go:117","msg":"score call failed, serving unranked feed","method":"/scorer.v1.Scorer/Score","timeout":"300ms","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded","user_segment":"${['eu', 'us', 'apac'][k % 3] ?? 'eu'}"}`,
      )).trimEnd(),
    ),
  });
  return {
    id: 'heldout23-grpc-long-lived-connections-imbalance',
    class: 'network',
    truth: 'scorer is a gRPC server behind a ClusterIP Service; its clients (feed-api) open one long-lived HTTP/2 connection to the Service VIP and multiplex every call on it, so kube-proxy balances connections, not requests. When load rose the HPA scaled scorer from 3 to 6 pods 25 minutes ago, but no client opened a new connection: the 3 new pods serve almost no RPCs while the 3 original pods stay pegged at their 1-core CPU limit (CFS-throttled, p99 ~800 ms), and feed-api\'s 300 ms calls end in DEADLINE_EXCEEDED. The HPA sees a moderate 65% average and does nothing more. feed-api\'s rollout 41 minutes ago is not the cause. Fix: client-side load balancing over a headless Service (round_robin), or a server MaxConnectionAge so clients reconnect, or a mesh/L7 proxy.',
    ask: { service: 'scorer', namespace: ns },
    objects: [
      ...nodes, ...scorer.objects, ...feed.objects, h,
      ...exposed({ namespace: ns, name: 'scorer', clusterIP: '172.20.41.17', selector: { app: 'scorer' }, ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc' }], pods: scorer.pods, endpointPort: 50051 }),
      ...exposed({ namespace: ns, name: 'feed-api', selector: { app: 'feed-api' }, pods: feed.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'scorer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 25, lastAgo: 25, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(scorer), rs, 6, 3, 25),
      ...scorer.pods.slice(3).flatMap((p) => startedAt(p, 'app', image, 25)),
      scaledReplicaSet(deploymentOf(feed), rsOf(feed, 34), 4, 0, 41),
      scaledReplicaSet(deploymentOf(feed), rsOf(feed, 33), 0, 4, 39),
    ],
    logs: [
      ...scorer.pods.map((p, i) => logsFor(p, 'app', { current: serverLog(i) })),
      ...feed.pods.map(clientLog),
    ],
    expect: {
      verdict: 'problems',
      headline: [/imbalanc|unbalanc|uneven|skew|pinn|(no|little|almost no|hardly any) (traffic|requests|load|rpcs)|idle|long.?lived|HTTP\/2|persistent connection/i],
      facts: [/DeadlineExceeded|DEADLINE_EXCEEDED|deadline exceeded/i, /feed-api/, /HTTP\/2|long.?lived|persistent|keep.?alive|connection reuse|per.?connection|kube-proxy|L4/i, /round.?robin|headless|MaxConnectionAge|max.?connection.?age|client.?side load.?balanc|mesh|L7/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /\bnot ready\b/i, /(raise|increase|bump)[^\n]{0,30}(max ?replicas|replicas)/i, /NetworkPolicy/i],
    },
  };
}

// ---- 6. a kubelet whose client certificate expired (CSR approver down) ---------------------------

function kubeadmNode(name: string, o: { ready?: 'True' | 'Unknown'; readySince?: number; controlPlane?: boolean; ip: string }): k8s.V1Node {
  const n = node({ name, ...(o.ready === undefined ? {} : { ready: o.ready }), ...(o.readySince === undefined ? {} : { readySince: o.readySince }), createdAgo: 400 * DAYS, ...(o.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) });
  n.metadata = { ...n.metadata, labels: {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
    ...(o.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : { 'node-role.kubernetes.io/worker': '' }),
  }, annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } };
  if (n.status) {
    n.status.addresses = [{ type: 'InternalIP', address: o.ip }, { type: 'Hostname', address: name }];
    if (n.status.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kubeletVersion: 'v1.31.4', kubeProxyVersion: 'v1.31.4', osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-49-generic', containerRuntimeVersion: 'containerd://1.7.24' };
  }
  return n;
}

function kubeletClientCertExpired(): CorpusScenario {
  const ns = 'orders';
  const bad = 'k8s-worker-03';
  const cp = kubeadmNode('k8s-cp-01', { controlPlane: true, ip: '192.168.10.10' });
  const w1 = kubeadmNode('k8s-worker-01', { ip: '192.168.10.21' });
  const w2 = kubeadmNode('k8s-worker-02', { ip: '192.168.10.22' });
  const w3 = kubeadmNode(bad, { ready: 'Unknown', readySince: 19.6, ip: '192.168.10.23' });
  // NPD still patches its own condition with its service-account token.
  w3.status?.conditions?.push({ type: 'KubeletUnhealthy', status: 'True', reason: 'KubeletUnhealthy', message: 'kubelet:kubelet was found unhealthy; repair flag : true', lastHeartbeatTime: ago(0.4), lastTransitionTime: ago(19.9) });
  const image = (v: string) => `registry.internal.acme.io/orders/invoice-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), cpu: '1500m', memory: '1Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })] });
  const unsched = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient cpu. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 7 * DAYS, changeCause: 'helm upgrade invoice-api 3.9.0', template: tpl('3.9.0') },
      { revision: 27, createdAgo: 35, changeCause: 'helm upgrade invoice-api 3.9.1', template: tpl('3.9.1') },
    ],
    settled: { available: false, availableSince: 14.6, progressingSince: 35, progressingUpdatedAgo: 33 },
    pods: [
      { revision: 27, node: 'k8s-worker-01', createdAgo: 35 },
      { revision: 27, node: bad, createdAgo: 34.5, deletingAgo: 14.6, ready: false, containers: { app: running({ sinceAgo: 34, ready: false }) } },
      { revision: 27, node: 'k8s-worker-02', createdAgo: 34 },
      { revision: 27, node: null, createdAgo: 14.6, unschedulable: unsched },
    ],
  });
  const lost = podOf(app, 1);
  const repl = podOf(app, 3);
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.name === rsOf(app, 27));
  // The CSR approver (kube-controller-manager's own approver is disabled): crash-looping for 6 days.
  const approver = deploymentApp({
    namespace: 'kube-system',
    name: 'kubelet-csr-approver',
    replicas: 1,
    revisions: [
      { revision: 4, createdAgo: 90 * DAYS, changeCause: 'helm upgrade kubelet-csr-approver 1.2.2', template: { serviceAccountName: 'kubelet-csr-approver', containers: [container({ name: 'kubelet-csr-approver', image: 'ghcr.io/postfinance/kubelet-csr-approver:v1.2.2', args: ['-metrics-bind-address', ':8080', '-health-probe-bind-address', ':8081'], ports: [{ name: 'metrics', containerPort: 8080 }], readiness: null, liveness: httpProbe('/healthz', 8081) })] } },
      { revision: 5, createdAgo: 6 * DAYS, changeCause: 'helm upgrade kubelet-csr-approver 1.2.4', template: { serviceAccountName: 'kubelet-csr-approver', containers: [container({ name: 'kubelet-csr-approver', image: 'ghcr.io/postfinance/kubelet-csr-approver:v1.2.4', args: ['-metrics-bind-address', ':8080', '-health-probe-bind-address', ':8081'], env: [{ name: 'PROVIDER_REGEX', value: '^k8s-(cp|worker)-\\d{2}$' }, { name: 'PROVIDER_IP_PREFIXES', value: '192.168.10.0/24' }, { name: 'BYPASS_DNS_RESOLUTION', value: '' }], ports: [{ name: 'metrics', containerPort: 8080 }], readiness: null, liveness: httpProbe('/healthz', 8081) })] } },
    ],
    pods: [{ revision: 5, node: 'k8s-worker-01', createdAgo: 6 * DAYS, containers: { 'kubelet-csr-approver': crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 1 }, 1690) } }],
  });
  const apPod = podOf(approver, 0);
  const apiserver = buildPod(
    { namespace: 'kube-system', kind: 'Node', name: 'k8s-cp-01', uid: uidOf('node/k8s-cp-01'), labels: { component: 'kube-apiserver', tier: 'control-plane' } },
    { containers: [container({ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.31.4', command: ['kube-apiserver', '--advertise-address=192.168.10.10', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--secure-port=6443'], ports: [], cpu: '250m', memory: '1Gi', memoryLimit: null, readiness: httpProbe('/readyz', 6443), liveness: httpProbe('/livez', 6443, { initialDelaySeconds: 10 }) })], priorityClassName: 'system-node-critical', annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'c1d6a1f0b7e9d2a4c3b5e8f7a6d9c0b1' } },
    'kube-apiserver-k8s-cp-01',
    { node: 'k8s-cp-01', createdAgo: 120 * DAYS },
  );
  if (apiserver.metadata) {
    apiserver.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: 'k8s-cp-01', uid: uidOf('node/k8s-cp-01'), controller: true }];
    delete apiserver.metadata.generateName;
  }
  const npd = daemonSetApp({
    namespace: 'kube-system',
    name: 'node-problem-detector',
    revisions: [{ revision: 3, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'node-problem-detector', image: 'registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.20', ports: [], cpu: '20m', memory: '80Mi', readiness: null, liveness: null })] } }],
    pods: ['k8s-worker-01', 'k8s-worker-02', bad].map((n) => ({ revision: 3, node: n, createdAgo: 200 * DAYS })),
  });
  const expiredAt = ago(20.3).toISOString().replace(/\.\d+Z$/, 'Z');
  const x509 = (t: number) => `x509: certificate has expired or is not yet valid: current time ${ago(t).toISOString().replace(/\.\d+Z$/, 'Z')} is after ${expiredAt}`;
  return {
    id: 'heldout23-kubelet-client-certificate-expired',
    class: 'nodes',
    truth: 'This kubeadm cluster signs kubelet client certificates for 7 days and approves renewals with kubelet-csr-approver (kube-controller-manager\'s approver is disabled). kubelet-csr-approver has crash-looped since its upgrade to v1.2.4 six days ago, so k8s-worker-03\'s renewal CSRs were never approved and its client certificate expired 20 minutes ago. The API server now rejects the kubelet ("x509: certificate has expired or is not yet valid"), the kubelet stops posting status and restarts in a loop, the node went NotReady/Unknown and the taint manager evicted its pods after 5 minutes: invoice-api\'s pod there is Terminating and its replacement is Pending (no other node has 1.5 CPU free), so invoice-api runs 2 of 3. invoice-api\'s rollout 35 minutes ago is not the cause. Fix: approve the pending CSRs (kubectl certificate approve) or renew the kubelet certificate on the node, and repair the approver.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      cp, w1, w2, w3, ...app.objects, ...approver.objects, apiserver, ...npd.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 0, 35),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 3, 33),
      nodeEvent(bad, 'NodeNotReady', `Node ${bad} status is now: NodeNotReady`, { firstAgo: 19.6, component: 'node-controller' }),
      nodeEvent(bad, 'KubeletClientCertExpired', `kubelet client certificate /var/lib/kubelet/pki/kubelet-client-current.pem: ${x509(20.2)}`, { type: 'Warning', count: 20, firstAgo: 20.2, lastAgo: 0.9, component: 'kubelet-cert-monitor' }),
      nodeEvent(bad, 'KubeletStart', 'Started Kubernetes kubelet.', { count: 31, firstAgo: 15.2, lastAgo: 0.4, component: 'systemd-monitor' }),
      nodeEvent(bad, 'KubeletUnhealthy', 'kubelet:kubelet was found unhealthy; repair flag : true', { type: 'Warning', count: 19, firstAgo: 19.9, lastAgo: 0.6, component: 'health-checker' }),
      event({ on: lost, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 19.5, lastAgo: 19.5, component: 'node-controller' }),
      event({ on: lost, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(lost)}`, firstAgo: 14.6, lastAgo: 14.6, component: 'taint-eviction-controller' }),
      ...(rs === undefined ? [] : [createdPod(rs, repl, 14.6)]),
      failedScheduling(repl, unsched, { count: 6, firstAgo: 14.6, lastAgo: 1.8 }),
      backOff(apPod, 'kubelet-csr-approver', { count: 27000, firstAgo: 6 * DAYS, lastAgo: 0.3 }),
      // Yesterday's unrelated warning on another node.
      nodeEvent('k8s-worker-01', 'ImageGCFailed', 'failed to garbage collect required amount of images. Attempted to free 2147483648 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', count: 2, firstAgo: 23 * 60, lastAgo: 22 * 60 }),
    ],
    logs: [
      logsFor(apPod, 'kubelet-csr-approver', {
        previous: lines(
          `{"level":"info","ts":"${at(2.02)}","logger":"setup","msg":"kubelet-csr-approver","version":"v1.2.4"}`,
          `{"level":"error","ts":"${at(2.01)}","logger":"setup","msg":"unable to parse provider IP prefixes","error":"bypass-dns-resolution: strconv.ParseBool: parsing \\"\\": invalid syntax"}`,
        ),
      }),
      logsFor(apiserver, 'kube-apiserver', {
        current: every(20.2, 0.5, 75, (t) => lines(`${klog('E', t)}       1 authentication.go:73] "Unable to authenticate the request" err="[${x509(t)}, verifying certificate SN=231870419620581726934071236415287749016, SKID=, AKID=4E:1B:9C:0A:77:D2:5F:3E:18:A0:C4:9B:62:E1:F3:05:7D:2A:B8:11 failed]"`)),
      }),
      logsFor(podOf(app, 0), 'app', { current: lines(`{"ts":"${at(2)}","level":"info","msg":"POST /v1/invoices 201","dur_ms":38}`, `{"ts":"${at(0.5)}","level":"info","msg":"GET /v1/invoices/88123 200","dur_ms":7}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/k8s-worker-03/, /cert|x509|expir/i],
      facts: [/NotReady|not ready|Unknown|stopped posting/i, /x509|certificate has expired|expired/i, /CSR|approv/i, /Insufficient cpu|Pending/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /\bCNI\b|network plugin/i, /DiskPressure|disk pressure|MemoryPressure|memory pressure/i],
    },
  };
}

// ---- 7. HEALTHY: a rollout after a migration Job whose first attempt lost the lock race ----------

function healthyAfterMigrationRetry(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.27');
  const image = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], env: [{ name: 'DATABASE_URL_FILE', value: '/secrets/db/url' }], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 8 * DAYS, changeCause: 'argocd: billing-api 6.4.0', template: tpl('6.4.0') },
      { revision: 58, createdAgo: 41, changeCause: 'argocd: billing-api 6.5.0', template: tpl('6.5.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 41 - k * 0.5 })),
  });
  const worker = bystander(ns, 'billing-worker', names, 41, { revisions: [22, 23], versions: ['6.4.0', '6.5.0'], olderAgo: 8 * DAYS });
  const migrateTpl = (who: string) => ({ containers: [batchContainer({ name: 'migrate', image: image('6.5.0'), command: ['npx', 'prisma', 'migrate', 'deploy'], env: [{ name: 'MIGRATION_OWNER', value: who }] })] });
  const retried: ContainerStory = {
    state: exited({ exitCode: 0, finishedAgo: 44.9, ranSeconds: 41 }, 'second'),
    lastState: exited({ exitCode: 1, finishedAgo: 45.9, ranSeconds: 13 }, 'first'),
    ready: false, restartCount: 1, started: false,
  };
  const apiJob = job({ namespace: ns, name: 'billing-api-migrate', template: migrateTpl('billing-api'), backoffLimit: 3, createdAgo: 46.2, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 46.2, containers: { migrate: retried } }], outcome: { complete: true, ago: 44.9 } });
  const workerJob = job({ namespace: ns, name: 'billing-worker-migrate', template: migrateTpl('billing-worker'), backoffLimit: 3, createdAgo: 46.3, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 46.3, containers: { migrate: { state: exited({ exitCode: 0, finishedAgo: 45.5, ranSeconds: 44 }, 'w'), ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 45.5 } });
  // Helm pre-upgrade hooks with restartPolicy OnFailure: the kubelet retries the container in place.
  for (const j of [apiJob, workerJob]) {
    const jo = j.objects[0] as k8s.V1Job;
    jo.metadata = { ...jo.metadata, annotations: { 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-weight': '-5', 'helm.sh/hook-delete-policy': 'before-hook-creation' } };
    if (jo.spec?.template.spec) jo.spec.template.spec.restartPolicy = 'OnFailure';
    for (const p of j.pods) if (p.spec) p.spec.restartPolicy = 'OnFailure';
  }
  const migPod = podOf(apiJob, 0);
  const wPod = podOf(workerJob, 0);
  const db = statefulSetApp({
    namespace: ns, name: 'billing-db', replicas: 1, serviceName: 'billing-db',
    revisions: [{ revision: 2, createdAgo: 300 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe(5432) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS, containers: { postgres: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS, ranSeconds: 34 * DAYS * 60 } }) } }],
  });
  const dbUrl = 'billing-db.billing.svc.cluster.local:5432';
  const prismaHead = lines('Prisma schema loaded from prisma/schema.prisma', `Datasource "db": PostgreSQL database "billing", schema "public" at "${dbUrl}"`, '');
  const fp = 'spec.containers{migrate}';
  const appLogs = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: lines(
      `{"level":30,"time":${epochMs(40.5)},"pid":1,"hostname":"${nameOf(p)}","msg":"billing-api 6.5.0 listening on :3000"}`,
      every(10, 0.3, 90, (t, i) => `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"${i % 2 === 0 ? 'GET' : 'POST'}","url":"${i % 2 === 0 ? '/v1/invoices?status=open' : '/v1/payments'}"},"res":{"statusCode":${i % 2 === 0 ? 200 : 201}},"responseTime":${12 + (i % 9)},"msg":"request completed"}\n`).trimEnd(),
    ),
  });
  return {
    id: 'heldout23-healthy-after-migration-retry',
    class: 'healthy',
    truth: 'Healthy. Argo CD synced billing-api and billing-worker 6.5.0 together; both charts run `prisma migrate deploy` as pre-upgrade hook Jobs. billing-worker-migrate took Prisma\'s Postgres advisory lock first, so billing-api-migrate\'s first attempt timed out after 10 s waiting for the lock (P1002, exit 1, one BackOff 45 minutes ago); the kubelet restarted it in place and the second attempt applied the migration and completed. billing-api revision 58 then rolled out 41 minutes ago; its 3 pods are Ready and serving cleanly. The old OOM kill of billing-db six days ago is history. Nothing to do.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects, ...apiJob.objects, ...workerJob.objects, ...db.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432 }),
      jobEvent(apiJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 46.2),
      jobEvent(workerJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(wPod)}`, 46.3),
      ...pulledFresh(migPod, 'migrate', image('6.5.0'), { atAgo: 46.2, bytes: 187264512, seconds: 5.912 }),
      ...restartedAgain(migPod, 'migrate', image('6.5.0'), { count: 2, firstAgo: 46.1, lastAgo: 45.6 }),
      backOff(migPod, 'migrate', { count: 1, firstAgo: 45.8, lastAgo: 45.8 }),
      ...startedAt(wPod, 'migrate', image('6.5.0'), 46.3),
      jobEvent(workerJob.objects[0], 'Completed', 'Job completed', 45.5),
      jobEvent(apiJob.objects[0], 'Completed', 'Job completed', 44.9),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 3, 40.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 2, 1, 40.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 2, 40.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 2, 40.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 1, 39.8),
      ...app.pods.flatMap((p, i) => startedAt(p, 'app', image('6.5.0'), 41 - i * 0.5)),
      event({ on: { kind: 'Deployment', name: 'billing-api', namespace: ns }, type: 'Normal', reason: 'ResourceUpdated', message: 'Updated sync status:  -> Synced', firstAgo: 39.5, lastAgo: 39.5, component: 'argocd-application-controller' }),
    ],
    logs: [
      logsFor(migPod, 'migrate', {
        previous: prismaHead + lines(
          'Error: P1002',
          '',
          `The database server at \`billing-db.billing.svc.cluster.local\`:\`5432\` was reached but timed out.`,
          '',
          'Please try again.',
          '',
          'Please make sure your database server is running at `billing-db.billing.svc.cluster.local`:`5432`.',
          '',
          'Context: Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Timeout: 10000ms. See https://pris.ly/d/migrate-advisory-locking for details.',
        ),
        current: prismaHead + lines(
          '4 migrations found in prisma/migrations',
          '',
          'Applying migration `20261119142210_add_invoice_due_date_index`',
          '',
          'The following migration(s) have been applied:',
          '',
          'migrations/',
          '  └─ 20261119142210_add_invoice_due_date_index/',
          '    └─ migration.sql',
          '',
          'All migrations have been successfully applied.',
        ),
      }),
      logsFor(wPod, 'migrate', { current: prismaHead + lines('4 migrations found in prisma/migrations', '', 'Applying migration `20261118093045_add_dunning_runs`', '', 'The following migration(s) have been applied:', '', 'migrations/', '  └─ 20261118093045_add_dunning_runs/', '    └─ migration.sql', '', 'All migrations have been successfully applied.') }),
      ...app.pods.map(appLogs),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|ready|running|serving|no (problem|issue)s?|3\/3/i],
      facts: [/3\/3|3 of 3|all 3|3 ready/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i, /migrat\w*[^\n]*(is (still )?(failing|stuck|blocked)|has failed|did not (complete|finish)|never (completed|finished))/i, /lock (is )?(still )?held/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  operatorClientSideThrottling(),
  redisClusterMasterAndReplicaSameNode(),
  snapshotSourceNotReady(),
  hpaFlappingJvmWarmup(),
  grpcLongLivedConnectionsImbalance(),
  kubeletClientCertExpired(),
  healthyAfterMigrationRetry(),
];
