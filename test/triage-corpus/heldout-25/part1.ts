// Held-out stories, twenty-fifth round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general.
//
// A Java service started through `/bin/sh -c`, so SIGTERM never reaches the JVM and every old pod
// of a routine rollout sits Terminating for its whole 900 s grace period while the surge pods wait
// for the CPU it still holds; a Service re-created IPv6 single-stack in front of a gunicorn bound
// to 0.0.0.0 only; a revision whose new minimal base image has no LANG/LC_ALL, so file names with
// umlauts fail (sun.jnu.encoding=ANSI_X3.4-1968); a full Postgres volume whose resize Argo CD
// cannot apply because the gp2 StorageClass does not allow expansion; a node whose containerd hangs
// (PLEG is not healthy) and flaps Ready/NotReady; an Indexed Job whose one big tenant's shard is
// OOM-killed on every retry until its per-index backoff limit; and a healthy control: an HPA still
// at maxReplicas after last evening's peak, held there by its scale-down stabilization window.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, cronJobEvent,
  endpointSliceFor, event, every, execProbe, exposed, failedScheduling, hpa, httpProbe, jobEvent,
  kubeProxy, nameOf, nameSuffix, networkPolicy, node, nodeEvent, notTriggerScaleUp, pv, pvc, pyTime, restartedAgain,
  rsOf, running, scaledReplicaSet, scheduled, service, startedNormally, terminated, volumeOf, waiting,
  deploymentApp, statefulSetApp, probeFailed,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- shared helpers ------------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
}

/** Sets when a pod was scheduled, its containers started and it became ready (minutes before NOW). */
function retime(p: k8s.V1Pod, scheduledAgo: number, readyAgo?: number): void {
  if (p.status === undefined) return;
  p.status.startTime = ago(scheduledAgo);
  for (const c of p.status.conditions ?? []) {
    if (c.type === 'PodScheduled' || c.type === 'Initialized' || c.type === 'PodReadyToStartContainers') c.lastTransitionTime = ago(scheduledAgo);
    if ((c.type === 'Ready' || c.type === 'ContainersReady') && readyAgo !== undefined && c.status === 'True') c.lastTransitionTime = ago(readyAgo);
  }
}

/** Spring Boot 3's console line. */
const spring = (min: number, level: string, pid: number, app: string, thread: string, logger: string, msg: string): string =>
  `${at(min)} ${level.padStart(5)} ${pid} --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;

// ---- 1. rollout: `sh -c` swallows SIGTERM, every old pod waits out its 900 s grace -------------------

function shellEntrypointSwallowsSigterm(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.64', ['18', '133', '201']);
  const image = (v: string) => `${ECR}/fulfilment/order-router:${v}`;
  const script = '/app/bin/render-config.sh /etc/order-router/application.yaml.tpl > /tmp/application.yaml && java $JAVA_OPTS -jar /app/order-router.jar --spring.config.location=file:/tmp/application.yaml';
  const tpl = (v: string, grace: number) => ({
    terminationGracePeriodSeconds: grace,
    containers: [container({
      image: image(v),
      command: ['/bin/sh', '-c', script],
      env: [{ name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      ports: [8080],
      cpu: '900m',
      memory: '1536Mi',
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/order-router' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'order-router-config' } }],
  });
  // Batches of the rollout: old pods deleted at `del`, killed 15 min later, then the surge pods
  // waiting for their CPU schedule and turn ready.
  const batches = [58, 42.3, 26.6, 10.9];
  const sched = (b: number) => b - 15;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-router',
    replicas: 12,
    revisions: [
      { revision: 17, createdAgo: 41 * DAYS, changeCause: 'argocd: order-router 4.10.2', template: tpl('4.10.2', 30) },
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: order-router 4.11.3 (drain in-flight allocations on shutdown)', template: tpl('4.11.3', 900) },
      { revision: 19, createdAgo: 58, changeCause: 'argocd: order-router 4.12.0', template: tpl('4.12.0', 900) },
    ],
    pods: [
      // Nine new pods of the first three batches, one per node per batch.
      ...[0, 1, 2].flatMap((b) => [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: batches[b] ?? 0, containers: { app: running({ sinceAgo: sched(batches[b] ?? 0) - 0.05 }) } }))),
      // Three surge pods of the last batch: no node has 900m left while the old pods terminate.
      ...[0, 1, 2].map(() => ({ revision: 19, node: null, createdAgo: 10.9, unschedulable: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' })),
      // The last three revision-18 pods: deleted 10.9 min ago, killed at the end of their 900 s.
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 12 * DAYS - k, deletingAgo: 10.9 - 15 })),
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(12 * DAYS), lastTransitionTime: ago(12 * DAYS) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: '', lastUpdateTime: ago(0.8), lastTransitionTime: ago(0.8) },
    ],
  });
  const newRs = rsOf(app, 19);
  const oldRs = rsOf(app, 18);
  const progressing = (app.objects[0] as k8s.V1Deployment).status?.conditions?.[1];
  if (progressing) progressing.message = `ReplicaSet "${newRs}" has timed out progressing.`;
  const running19 = app.pods.slice(0, 9);
  const pending = app.pods.slice(9, 12);
  const terminating = app.pods.slice(12, 15);
  running19.forEach((p, i) => retime(p, sched(batches[Math.floor(i / 3)] ?? 0), sched(batches[Math.floor(i / 3)] ?? 0) - 0.7));
  const other = bystander(ns, 'carrier-gateway', names, 33, { revisions: [40, 41], versions: ['2.8.1', '2.8.2'], olderAgo: 9 * DAYS });
  const dep = deploymentOf(app);
  const gone = (b: number, k: number) => `${oldRs}-${nameSuffix(`gone/${b}/${k}`)}`;
  const events: k8s.CoreV1Event[] = [
    ...[0, 1, 2, 3].flatMap((b) => [
      scaledReplicaSet(dep, newRs, 3 * (b + 1), 3 * b, batches[b] ?? 0),
      scaledReplicaSet(dep, oldRs, 12 - 3 * (b + 1), 12 - 3 * b, batches[b] ?? 0),
    ]),
    // The kubelet's "Stopping container" for every old pod deleted in this rollout; the first nine are gone now.
    ...[0, 1, 2].flatMap((b) => [0, 1, 2].map((k) => event({ on: { kind: 'Pod', name: gone(b, k), namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: batches[b] ?? 0, lastAgo: batches[b] ?? 0, fieldPath: 'spec.containers{app}' }))),
    ...terminating.map((p) => event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 10.9, lastAgo: 10.9, fieldPath: 'spec.containers{app}' })),
    // The first nine new pods also waited for CPU before they could be scheduled.
    ...running19.flatMap((p, i) => {
      const b = batches[Math.floor(i / 3)] ?? 0;
      return [
        failedScheduling(p, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 7, firstAgo: b, lastAgo: sched(b) + 0.4 }),
        ...startedAt(p, 'app', image('4.12.0'), sched(b)),
      ];
    }),
    ...pending.flatMap((p) => [
      failedScheduling(p, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 6, firstAgo: 10.9, lastAgo: 0.6 }),
      notTriggerScaleUp(p, '1 max node group size reached', { count: 62, firstAgo: 10.8, lastAgo: 0.2 }),
    ]),
  ];
  const startup = (min: number, v: string) => [
    `render-config: wrote /tmp/application.yaml (47 keys) from /etc/order-router/application.yaml.tpl`,
    spring(min, 'INFO', 7, 'order-router', 'main', 'c.a.f.router.OrderRouterApplication', `Starting OrderRouterApplication v${v} using Java 21.0.5 with PID 7 (/app/order-router.jar started by app in /app)`),
    spring(min - 0.01, 'INFO', 7, 'order-router', 'main', 'c.a.f.router.OrderRouterApplication', 'The following 1 profile is active: "prod"'),
    spring(min - 0.2, 'INFO', 7, 'order-router', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(min - 0.21, 'INFO', 7, 'order-router', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', '[Consumer clientId=order-router-0, groupId=order-router] Adding newly assigned partitions: allocations-requested-4, allocations-requested-5'),
    spring(min - 0.22, 'INFO', 7, 'order-router', 'main', 'c.a.f.router.OrderRouterApplication', 'Started OrderRouterApplication in 13.87 seconds (process running for 14.6)'),
  ];
  const work = (from: number, to: number, seed: number) => every(from, to, 47, (t, i) => spring(t, 'INFO', 7, 'order-router', 'ntainer#0-0-C-1', 'c.a.f.router.AllocationListener', `allocated order FO-${7_310_000 + seed * 1000 + i} to warehouse ${['DUB2', 'ORK1', 'SNN4'][i % 3]} in ${40 + ((i * 13) % 70)} ms`) + '\n');
  return {
    id: 'heldout25-shell-entrypoint-swallows-sigterm-slow-rollout',
    class: 'rollout',
    truth: 'order-router runs its JVM under `/bin/sh -c "render-config.sh … && java … -jar order-router.jar"`: the shell is PID 1 (the JVM logs PID 7) and does not forward SIGTERM, so on deletion the JVM never learns it should stop and every old pod sits Terminating for the whole terminationGracePeriodSeconds of 900 (raised from 30 in revision 18) before being SIGKILLed (exit 137). The nodes are full, so each batch of surge pods of the routine revision-19 rollout (4.12.0) stays Pending (Insufficient cpu) until the old pods\' CPU is freed: the 12-replica rollout has crawled for an hour in 15-minute steps and tripped its progress deadline. 4.12.0 is not at fault. Fix: exec the JVM (exec form, or `exec java …` in the script) or run it under tini/dumb-init so SIGTERM reaches it; the grace period can then stay long for real drains.',
    ask: { service: 'order-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'order-router-config', createdAgo: 200 * DAYS, data: { 'application.yaml.tpl': 'spring:\n  kafka:\n    bootstrap-servers: ${KAFKA_BOOTSTRAP}\n  lifecycle:\n    timeout-per-shutdown-phase: 840s\nserver:\n  shutdown: graceful\n' } }),
      ...events,
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 33),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/carrier-gateway:2.8.2`, 33 - i)),
    ],
    logs: [
      // The old pods keep consuming: nothing ever told the JVM to stop (no "Commencing graceful shutdown").
      ...terminating.map((p, k) => logsFor(p, 'app', { current: lines(...startup(12 * DAYS - k - 0.1, '4.11.3')) + work(14, 0.1, k) })),
      ...running19.map((p, i) => logsFor(p, 'app', { current: lines(...startup(sched(batches[Math.floor(i / 3)] ?? 0) - 0.05, '4.12.0')) + work(8, 0.2, 10 + i) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(2)}","level":"info","msg":"label printed","carrier":"an-post","ms":212}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SIGTERM|sh -c|shell|PID 1|signal/i],
      facts: [/900/, /Terminating|terminat/i, /exec|tini|dumb-init/i, /sh -c/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /add (more )?nodes|raise the node ?group|increase the node ?group|max node group size/i, /carrier-gateway/],
    },
  };
}

// ---- 2. network: the Service re-created IPv6 single-stack, gunicorn binds 0.0.0.0 only ---------------

function ipv6ServiceIpv4OnlyBind(): CorpusScenario {
  const ns = 'catalog';
  const hosts = ['worker-a1', 'worker-b1', 'worker-c1'];
  const nodes = hosts.map((h, i) => {
    const n = node({ name: `${h}.prod-fra.internal`, zone: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'][i] ?? 'eu-central-1a', instanceType: 'm6i.2xlarge' });
    n.spec = { ...n.spec, podCIDR: `10.0.${16 + i * 8}.0/21`, podCIDRs: [`10.0.${16 + i * 8}.0/21`, `fd00:10:244:${i + 1}::/64`] };
    n.status?.addresses?.splice(1, 0, { type: 'InternalIP', address: `2a05:d014:9f0:${i + 1}00::1c` });
    return n;
  });
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '4', '--threads', '4', '--worker-class', 'gthread', '--access-logfile', '-', 'catalog.wsgi:app'],
      ports: [8000],
      cpu: '500m',
      memory: '768Mi',
      readiness: httpProbe('/healthz', 8000),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 24 * DAYS, changeCause: 'argocd: catalog-api 5.2.0', template: tpl('5.2.0') },
      { revision: 34, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-api 5.2.1', template: tpl('5.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const v6 = (p: k8s.V1Pod, k: number) => `fd00:10:244:${k + 1}::${(parseInt((p.metadata?.uid ?? '0').slice(0, 4), 16) % 4000 + 16).toString(16)}`;
  const dual = (pods: k8s.V1Pod[], nodeIndex: (i: number) => number) => pods.forEach((p, i) => {
    if (p.status?.podIP) p.status.podIPs = [{ ip: p.status.podIP }, { ip: v6(p, nodeIndex(i)) }];
  });
  dual(app.pods, (i) => i);
  // The Service as Argo CD re-created it 38 minutes ago from platform-service 3.0.0.
  const svc = service({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, createdAgo: 38 });
  const clusterIP = 'fd00:10:96::5c1e';
  svc.metadata = { ...svc.metadata, labels: { app: 'catalog-api', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'platform-service-3.0.0' }, annotations: { 'argocd.argoproj.io/tracking-id': 'catalog-api:/Service:catalog/catalog-api', 'argocd.argoproj.io/sync-options': 'Replace=true' } };
  svc.spec = { ...svc.spec, clusterIP, clusterIPs: [clusterIP], ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' };
  const slice = endpointSliceFor(svc, app.pods, 8000);
  slice.addressType = 'IPv6';
  slice.endpoints.forEach((e, i) => { e.addresses = [v6(podOf(app, i), i)]; });
  slice.metadata = { ...slice.metadata, creationTimestamp: ago(38) };
  // The caller: the storefront BFF, whose calls through the Service are refused since.
  const bffImage = `${ECR}/storefront/storefront-bff:7.4.2`;
  const bff = deploymentApp({
    namespace: 'storefront',
    name: 'storefront-bff',
    replicas: 2,
    revisions: [{ revision: 71, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront-bff 7.4.2', template: { containers: [container({ image: bffImage, ports: [3000], env: [{ name: 'CATALOG_URL', value: 'http://catalog-api.catalog.svc.cluster.local' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 71, node: names[k + 1] ?? '', createdAgo: 3 * DAYS - k })),
  });
  dual(bff.pods, (i) => i + 1);
  const other = bystander(ns, 'catalog-search-sync', names, 24, { revisions: [18, 19], versions: ['1.9.0', '1.9.1'], olderAgo: 15 * DAYS });
  dual(other.pods, (i) => i);
  const gTime = (min: number) => `[${at(min).slice(0, 19).replace('T', ' ')} +0000]`;
  const start = 6 * DAYS;
  const access = (p: k8s.V1Pod, k: number) =>
    lines(
      `${gTime(start - k)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gTime(start - k)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(start - k)} [1] [INFO] Using worker: gthread`,
      ...[7, 8, 9, 10].map((w) => `${gTime(start - k)} [${w}] [INFO] Booting worker with pid: ${w}`),
    ) +
    every(44, 38.2, 20, (t, i) => `${ipOfPod(podOf(bff, i % 2))} - - [${clfTime(t)}] "GET /v2/products?category=${120 + i}&page=1 HTTP/1.1" 200 ${4800 + i * 37} "-" "undici"\n`) +
    every(37, 0.2, 30, (t) => `${p.status?.hostIP ?? '10.0.0.1'} - - [${clfTime(t)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"\n`);
  const refused = (t: number, i: number, pod: k8s.V1Pod) =>
    `{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(pod)}","reqId":"req-${(9000 + i).toString(36)}","err":{"type":"Error","message":"connect ECONNREFUSED ${clusterIP}:80","stack":"Error: connect ECONNREFUSED ${clusterIP}:80\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"${clusterIP}","port":80},"msg":"catalog request failed: GET http://catalog-api.catalog.svc.cluster.local/v2/products"}\n`;
  return {
    id: 'heldout25-ipv6-single-stack-service-ipv4-only-bind',
    class: 'network',
    truth: 'The platform-service chart 3.0.0 (the cluster\'s IPv6 migration) made Services IPv6 single-stack; since the primary IP family cannot change in place, Argo CD re-created the catalog-api Service 38 minutes ago with ipFamilyPolicy SingleStack, ipFamilies [IPv6] and clusterIP fd00:10:96::5c1e, so its EndpointSlice lists the pods\' IPv6 addresses. gunicorn binds only 0.0.0.0:8000 (IPv4), so every connection through the Service is refused (storefront-bff: connect ECONNREFUSED fd00:10:96::5c1e:80) while the kubelet\'s probes, which use the pods\' IPv4 address, keep passing and the pods stay Ready. catalog-api 5.2.1 is not at fault. Fix: bind gunicorn to [::]:8000 too (or set the Service to PreferDualStack / IPv4 first) and re-sync.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, svc, slice, ...bff.objects, ...other.objects,
      ...exposed({ namespace: 'storefront', name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: bff.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'catalog-search-sync', selector: { app: 'catalog-search-sync' }, pods: other.pods }),
      networkPolicy({ namespace: ns, name: 'catalog-api-allow-storefront', createdAgo: 140 * DAYS, podSelector: { app: 'catalog-api' }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'storefront' } } }], ports: [{ protocol: 'TCP', port: 8000 }] }] }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 24),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/catalog-search-sync:1.9.1`, 24 - i)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: access(p, k) })),
      ...bff.pods.map((p, k) => logsFor(p, 'app', {
        current:
          every(45, 38.3, 25, (t, i) => `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${(100 + i).toString(36)}","res":{"statusCode":200},"responseTime":${31 + (i % 9)},"msg":"request completed"}\n`) +
          every(37.9, 0.3, 40, (t, i) => refused(t, i + k * 100, p) + `{"level":30,"time":${ago(t).getTime() + 3},"pid":1,"hostname":"${nameOf(p)}","res":{"statusCode":502},"responseTime":4,"msg":"request completed"}\n`),
      })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(3)}","level":"info","msg":"synced 412 products to opensearch","took_ms":1840}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/IPv6|ipFamil|single-?stack/i],
      facts: [/0\.0\.0\.0/, /ECONNREFUSED|connection refused|refused/i, /ipFamil|SingleStack|single-stack/i, /\[::\]|::|dual-?stack|PreferDualStack/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /NetworkPolicy[^\n]*(block|den(y|ies)|drop)/i, /catalog-search-sync/],
    },
  };
}

// ---- 3. config: the new minimal base image has no LANG/LC_ALL; umlauts in file names fail ------------

function minimalBaseNoLocale(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.112', ['40', '171', '9']);
  const image = (v: string) => `${ECR}/claims/claims-documents:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'SPOOL_DIR', value: '/var/lib/claims/spool' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
      volumeMounts: [{ name: 'spool', mountPath: '/var/lib/claims/spool' }],
    })],
    volumes: [{ name: 'spool', emptyDir: { sizeLimit: '2Gi' } }],
  });
  const rolled = 3 * 60 + 10;
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-documents',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 16 * DAYS, changeCause: 'argocd: claims-documents 3.7.4', template: tpl('3.7.4') },
      { revision: 57, createdAgo: rolled, changeCause: 'argocd: claims-documents 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 57, node: names[k % 3] ?? '', createdAgo: rolled - k * 1.2 })),
  });
  app.pods.forEach((p, k) => retime(p, rolled - k * 1.2, rolled - k * 1.2 - 0.9));
  const other = bystander(ns, 'claims-notifier', names, 52, { revisions: [21, 22], versions: ['4.0.3', '4.1.0'], olderAgo: 20 * DAYS });
  const clm = (i: number) => `CLM-${2_291_000 + i * 37}`;
  const okNames = ['IMG_20261120_1842.jpg', 'police_report.pdf', 'estimate-garage.pdf', 'photo_rear_bumper.jpg', 'invoice_4471.pdf'];
  const badNames = ['Schadensmeldung_Müller.pdf', 'Kostenvoranschlag_Jäger.pdf', 'Zoë_O\'Brien_statement.pdf', 'facture_réparation.pdf'];
  const asLogged = (s: string) => s.replace(/[^\x00-\x7f]/g, '?');
  const okLine = (t: number, i: number, p: k8s.V1Pod) =>
    spring(t, 'INFO', 1, 'claims-documents', `nio-8080-exec-${(i % 9) + 1}`, 'c.a.c.documents.api.UploadController', `stored document claim=${clm(i)} file=${okNames[i % okNames.length]} bytes=${180_000 + i * 7_717} pod=${nameOf(p)}`) + '\n';
  const badEntry = (t: number, i: number) => {
    const path = `/var/lib/claims/spool/${clm(i + 500)}/${asLogged(badNames[i % badNames.length] ?? '')}`;
    return lines(
      spring(t, 'ERROR', 1, 'claims-documents', `nio-8080-exec-${(i % 9) + 1}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.nio.file.InvalidPathException: Malformed input or input contains unmappable characters: ${path}] with root cause`),
      '',
      `java.nio.file.InvalidPathException: Malformed input or input contains unmappable characters: ${path}`,
      '\tat java.base/sun.nio.fs.UnixPath.encode(UnixPath.java:145)',
      '\tat java.base/sun.nio.fs.UnixPath.<init>(UnixPath.java:69)',
      '\tat java.base/sun.nio.fs.UnixFileSystem.getPath(UnixFileSystem.java:279)',
      '\tat java.base/sun.nio.fs.UnixPath.resolve(UnixPath.java:422)',
      '\tat com.acme.claims.documents.spool.SpoolWriter.write(SpoolWriter.java:58)',
      '\tat com.acme.claims.documents.api.UploadController.upload(UploadController.java:91)',
      '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
      '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)',
      '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
    );
  };
  const appLogs = (p: k8s.V1Pod, k: number) => {
    const s = rolled - k * 1.2 - 0.4;
    return lines(
      spring(s, 'INFO', 1, 'claims-documents', 'main', 'c.a.c.documents.DocumentsApplication', 'Starting DocumentsApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/claims-documents.jar started by nonroot in /app)'),
      spring(s - 0.01, 'INFO', 1, 'claims-documents', 'main', 'c.a.platform.runtime.RuntimeInfo', 'runtime: OpenJDK 64-Bit Server VM 21.0.5+11 (jlink, debian:bookworm-slim), file.encoding=UTF-8, sun.jnu.encoding=ANSI_X3.4-1968, native.encoding=ANSI_X3.4-1968, user.language=en'),
      spring(s - 0.25, 'INFO', 1, 'claims-documents', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      spring(s - 0.26, 'INFO', 1, 'claims-documents', 'main', 'c.a.c.documents.DocumentsApplication', 'Started DocumentsApplication in 11.402 seconds (process running for 12.31)'),
    ) + every(28, 0.2, 45, (t, i) => (i % 6 === 4 ? badEntry(t, i + k * 50) : okLine(t, i + k * 50, p)));
  };
  return {
    id: 'heldout25-minimal-base-image-without-locale',
    class: 'config',
    truth: 'claims-documents 3.8.0 (revision 57, rolled out 3 h 10 min ago) moved from the eclipse-temurin image, which sets LANG/LC_ALL=en_US.UTF-8, to a jlink runtime on debian:bookworm-slim with no locale variables: the JVM now runs in the POSIX locale (sun.jnu.encoding=ANSI_X3.4-1968), so any upload whose file name has a non-ASCII character (Müller, Jäger, Zoë, réparation) fails with java.nio.file.InvalidPathException "Malformed input or input contains unmappable characters" and a 500, while ASCII-named uploads work and the pods stay healthy. Fix: set LANG=C.UTF-8 (or LC_ALL) in the image or in the Deployment\'s env (sun.jnu.encoding follows the locale and cannot be overridden with -D), or roll back to revision 56 until the image is fixed.',
    ask: { service: 'claims-documents', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-documents', selector: { app: 'claims-documents' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-notifier', selector: { app: 'claims-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 52),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/claims-notifier:4.1.0`, 52 - i)),
      // Startup noise from the rollout three hours ago.
      probeFailed(podOf(app, 2), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 2))}:8080/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 2))}:8080: connect: connection refused`, { count: 1, firstAgo: rolled - 2.6, lastAgo: rolled - 2.6 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLogs(p, k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(spring(4, 'INFO', 1, 'claims-notifier', 'scheduling-1', 'c.a.c.notifier.MailDispatcher', 'sent 17 status mails (0 failed)')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/locale|LANG|LC_ALL|encoding|ANSI_X3\.4-1968|ASCII|InvalidPathException|unmappable/i],
      facts: [/InvalidPathException|unmappable characters/i, /LANG|LC_ALL/, /revision 57|3\.8\.0/, /UTF-8/],
      never: [/\bOOM/, /crash ?loop/i, /claims-notifier/, /readiness probe[^\n]*(cause|fail)/i],
    },
  };
}

// ---- 4. storage: a full Postgres volume whose resize the gp2 StorageClass refuses ----------------------

function fullVolumeResizeRefused(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.40', ['12', '99', '230']);
  nodes.forEach((n) => { n.metadata = { ...n.metadata, labels: { ...n.metadata?.labels, 'topology.ebs.csi.aws.com/zone': n.metadata?.labels?.['topology.kubernetes.io/zone'] ?? '' } }; });
  const pgImage = (v: string) => `docker.io/library/postgres:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'postgres',
      image: pgImage(v),
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '1',
      memory: '2Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db-credentials', key: 'password' } } }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'ledger-db-data' } }],
    securityContext: { fsGroup: 999 },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-db',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 8, createdAgo: 94 * DAYS, changeCause: 'argocd: ledger-db postgres 16.3', template: tpl('16.3') },
      { revision: 9, createdAgo: 3 * DAYS, changeCause: 'argocd: ledger-db postgres 16.4', template: tpl('16.4') },
    ],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 3 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 6 }, 9) } }],
    settled: { available: false, availableSince: 44, progressingSince: 3 * DAYS },
  });
  const db = podOf(app, 0);
  const claim = pvc({ namespace: ns, name: 'ledger-db-data', storage: '50Gi', storageClass: 'gp2', phase: 'Bound', volumeName: volumeOf(ns, 'ledger-db-data'), createdAgo: 410 * DAYS, annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'kubernetes.io/aws-ebs', 'argocd.argoproj.io/tracking-id': 'ledger-db:/PersistentVolumeClaim:ledger/ledger-db-data' } });
  const volume = pv({ name: volumeOf(ns, 'ledger-db-data'), storage: '50Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: 'ledger-db-data' }, storageClass: 'gp2', createdAgo: 410 * DAYS });
  volume.metadata = { ...volume.metadata, annotations: { ...volume.metadata?.annotations, 'pv.kubernetes.io/migrated-to': 'ebs.csi.aws.com', 'pv.kubernetes.io/provisioned-by': 'kubernetes.io/aws-ebs' } };
  // Argo CD, which tried to apply the bigger claim from Git.
  const argo = statefulSetApp({
    namespace: 'argocd',
    name: 'argocd-application-controller',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'argocd-application-controller' },
    revisions: [{ revision: 4, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'argocd-application-controller', image: 'quay.io/argoproj/argocd:v2.13.1', command: ['argocd-application-controller'], ports: [8082], readiness: httpProbe('/healthz', 8082), liveness: null, cpu: '500m', memory: '1Gi' })], serviceAccountName: 'argocd-application-controller' } }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS }],
  });
  const forbidden = 'persistentvolumeclaims "ledger-db-data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';
  const argoPod = podOf(argo, 0);
  const argoLog = (t: number, attempt: number) => lines(
    `time="${at(t).slice(0, 19)}Z" level=info msg="Initiated automated sync to '5f3c2a1e9d0b'" application=argocd/ledger-db`,
    `time="${at(t - 0.01).slice(0, 19)}Z" level=info msg="Applying resource PersistentVolumeClaim/ledger-db-data in cluster: https://172.20.0.1:443, namespace: ledger" application=argocd/ledger-db syncId=0004${attempt}-kQzRw`,
    `time="${at(t - 0.02).slice(0, 19)}Z" level=info msg="Adding resource result, status: 'SyncFailed', phase: 'Failed', message: '${forbidden.replace(/"/g, '\\"')}'" application=argocd/ledger-db kind=PersistentVolumeClaim name=ledger-db-data namespace=ledger phase=Sync syncId=0004${attempt}-kQzRw`,
    `time="${at(t - 0.03).slice(0, 19)}Z" level=info msg="Updating operation state. phase: Running -> Failed, message: 'one or more tasks are running' -> 'one or more objects failed to apply, reason: ${forbidden.replace(/"/g, '\\"')}'" application=argocd/ledger-db syncId=0004${attempt}-kQzRw`,
  );
  const other = bystander(ns, 'ledger-api', names, 29, { revisions: [66, 67], versions: ['2.31.0', '2.31.1'], olderAgo: 8 * DAYS });
  const pgLog = (t: number, pid: number) => {
    const l = (dt: number, s: string) => `${at(t - dt).replace('T', ' ').replace('Z', '')} UTC ${s}`;
    return lines(
      l(0, '[1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit'),
      l(0, '[1] LOG:  listening on IPv4 address "0.0.0.0", port 5432'),
      l(0, '[1] LOG:  listening on IPv6 address "::", port 5432'),
      l(0, '[1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
      l(0.001, `[${pid}] LOG:  database system was interrupted while in recovery at ${at(t + 4.9).slice(0, 19).replace('T', ' ')} UTC`),
      l(0.001, `[${pid}] HINT:  This probably means that some data is corrupted and you will have to use the last backup for recovery.`),
      l(0.003, `[${pid}] LOG:  database system was not properly shut down; automatic recovery in progress`),
      l(0.004, `[${pid}] LOG:  redo starts at 1A/7F0021C8`),
      l(0.08, `[${pid}] LOG:  redo done at 1A/9BFFFF60 system usage: CPU: user: 3.11 s, system: 1.02 s, elapsed: 4.71 s`),
      l(0.081, `[${pid}] LOG:  checkpoint starting: end-of-recovery immediate wait`),
      l(0.09, `[${pid}] PANIC:  could not write to file "pg_wal/xlogtemp.${pid}": No space left on device`),
      l(0.092, `[1] LOG:  startup process (PID ${pid}) was terminated by signal 6: Aborted`),
      l(0.092, '[1] LOG:  aborting startup due to startup process failure'),
      l(0.093, '[1] LOG:  database system is shut down'),
    );
  };
  return {
    id: 'heldout25-full-volume-resize-refused-storageclass',
    class: 'storage',
    truth: 'The month-end ledger import filled ledger-db\'s 50Gi volume (claim ledger-db-data): Postgres PANICs "could not write to file pg_wal/xlogtemp…: No space left on device" during crash recovery and exits 1, so ledger-db has been in CrashLoopBackOff for 44 minutes. The team raised the claim to 100Gi in Git, but Argo CD cannot apply it: the claim belongs to the old in-tree gp2 StorageClass, which does not set allowVolumeExpansion, and the API server refuses ("only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize"), so the claim is still 50Gi and no resize will ever happen. Neither postgres 16.4 nor the node is at fault. Fix: free space now (remove old WAL-holding slots/archives, or mount a bigger volume and copy the data), then move the data to a claim of a StorageClass with allowVolumeExpansion: true (gp3 on the EBS CSI driver).',
    ask: { service: 'ledger-db', namespace: ns },
    objects: [
      ...nodes, ...app.objects, claim, volume, ...argo.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: app.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: other.pods }),
      ...restartedAgain(db, 'postgres', pgImage('16.4'), { count: 9, firstAgo: 44, lastAgo: 2.2 }),
      backOff(db, 'postgres', { count: 188, firstAgo: 43.5 }),
      event({ on: { kind: 'Application', name: 'ledger-db', namespace: 'argocd' }, reason: 'OperationCompleted', message: `Sync operation to 5f3c2a1e9d0b failed: one or more objects failed to apply, reason: ${forbidden}`, count: 7, firstAgo: 38, lastAgo: 3.5, component: 'argocd-application-controller' }),
      event({ on: { kind: 'Application', name: 'ledger-db', namespace: 'argocd' }, type: 'Normal', reason: 'OperationStarted', message: 'Initiated automated sync to \'5f3c2a1e9d0b\'', count: 7, firstAgo: 38, lastAgo: 3.5, component: 'argocd-application-controller' }),
      // Yesterday's kubelet warning on another node: image GC, not the claim.
      nodeEvent(names[2] ?? '', 'ImageGCFailed', 'Failed to garbage collect required amount of images. Attempted to free 4237639270 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', count: 3, firstAgo: 27 * 60, lastAgo: 25 * 60 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 67), 2, 0, 29),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/ledger-api:2.31.1`, 29 - i)),
    ],
    logs: [
      logsFor(db, 'postgres', { current: pgLog(2.2, 31), previous: pgLog(7.4, 29) }),
      logsFor(argoPod, 'argocd-application-controller', { current: [38, 31.5, 25, 18.5, 12, 5.5, 3.5].map((t, i) => argoLog(t, i)).join('') }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"error","ts":"${at(0.7)}","msg":"db ping failed","error":"dial tcp 172.20.41.7:5432: connect: connection refused"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/No space left|disk (is )?full|volume (is )?full|out of (disk )?space|ENOSPC|full/i],
      facts: [lit('ledger-db-data'), /must support resize|allowVolumeExpansion|does not (allow|support) (volume )?expansion|cannot be (resized|expanded)/i, /50Gi/, /StorageClass|storage class/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /DiskPressure|image ?GC|ImageGCFailed/i, /liveness/i],
    },
  };
}

// ---- 5. nodes: containerd hangs on one node, PLEG is not healthy, the node flaps ---------------------

function plegUnhealthyNodeFlaps(): CorpusScenario {
  const ns = 'pricing';
  const good = [eksNodeName('10.0.96.21'), eksNodeName('10.0.96.140')];
  const bad = eksNodeName('10.0.96.77');
  const pleg = 'PLEG is not healthy: pleg was last seen active 3m14.882152375s ago; threshold is 3m0s';
  const nodes = [
    node({ name: good[0] ?? '', zone: 'eu-west-1a' }),
    node({ name: good[1] ?? '', zone: 'eu-west-1b' }),
    node({
      name: bad, zone: 'eu-west-1c', ready: 'False', readySince: 1.5, readyReason: 'KubeletNotReady', readyMessage: pleg,
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: ago(1.5) }, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: ago(1.4) }],
    }),
  ];
  const names: string[] = [good[0] ?? '', good[1] ?? '', bad];
  const image = (v: string) => `${ECR}/pricing/pricing-engine:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080, { name: 'grpc', containerPort: 9090 }], cpu: '500m', memory: '512Mi', env: [{ name: 'GOMEMLIMIT', value: '460MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 6,
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: pricing-engine 3.17.0', template: tpl('3.17.0') },
      { revision: 23, createdAgo: 46, changeCause: 'argocd: pricing-engine 3.17.1', template: tpl('3.17.1') },
    ],
    pods: [
      { revision: 23, node: names[0], createdAgo: 46 },
      { revision: 23, node: names[1], createdAgo: 45.6 },
      { revision: 23, node: names[0], createdAgo: 45.2 },
      { revision: 23, node: names[1], createdAgo: 44.8 },
      // On the bad node: re-created after a sandbox change, and a replacement stuck creating its sandbox.
      { revision: 23, node: bad, createdAgo: 44.4, ready: false, containers: { app: running({ sinceAgo: 3.6, restarts: 3, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 4.1, ranSeconds: 540 } }) } },
      { revision: 23, node: bad, createdAgo: 12, containers: { app: waiting('ContainerCreating') }, sandbox: false },
    ],
    settled: { available: true, availableSince: 44, progressingSince: 43 },
  });
  const [, , , , flapping, stuck] = app.pods;
  if (flapping === undefined || stuck === undefined) throw new Error('pods');
  retime(flapping, 44.4, 43.8);
  const proxy = kubeProxy([
    { node: good[0] ?? '' }, { node: good[1] ?? '' },
    { node: bad, story: running({ sinceAgo: 3.7, restarts: 3, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 4.1, ranSeconds: 600 } }) },
  ]);
  const other = bystander(ns, 'pricing-rules-sync', names, 21, { revisions: [8, 9], versions: ['0.14.2', '0.15.0'], olderAgo: 30 * DAYS });
  const sandboxName = `${nameOf(stuck)}_${ns}_${stuck.metadata?.uid ?? ''}_0`;
  const events: k8s.CoreV1Event[] = [
    nodeEvent(bad, 'NodeNotReady', `Node ${bad} status is now: NodeNotReady`, { count: 6, firstAgo: 36, lastAgo: 1.5 }),
    nodeEvent(bad, 'NodeReady', `Node ${bad} status is now: NodeReady`, { count: 5, firstAgo: 32.5, lastAgo: 5.8 }),
    nodeEvent(bad, 'ContainerGCFailed', 'rpc error: code = DeadlineExceeded desc = context deadline exceeded', { type: 'Warning', count: 8, firstAgo: 37, lastAgo: 2.3 }),
    nodeEvent(bad, 'NodeNotReady', `Node ${bad} status is now: NodeNotReady`, { count: 6, firstAgo: 35.8, lastAgo: 1.4, component: 'node-controller' }),
    ...[flapping, stuck, ...proxy.pods.filter((p) => p.spec?.nodeName === bad)].map((p) => event({ on: p, reason: 'NodeNotReady', message: 'Node is not ready', count: p === stuck ? 2 : 6, firstAgo: p === stuck ? 7 : 35.8, lastAgo: 1.4, component: 'node-controller' })),
    event({ on: flapping, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', count: 3, firstAgo: 29, lastAgo: 4.1 }),
    ...restartedAgain(flapping, 'app', image('3.17.1'), { count: 3, firstAgo: 28.6, lastAgo: 3.6 }),
    event({ on: flapping, reason: 'FailedKillPod', message: 'error killing pod: failed to "KillPodSandbox" for "' + (flapping.metadata?.uid ?? '') + '" with KillPodSandboxError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"', count: 2, firstAgo: 20, lastAgo: 8 }),
    scheduled(stuck, 12),
    event({ on: stuck, reason: 'FailedCreatePodSandBox', message: 'Failed to create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded', count: 3, firstAgo: 7.9, lastAgo: 1.9 }),
    event({ on: stuck, reason: 'FailedCreatePodSandBox', message: `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to reserve sandbox name "${sandboxName}": name "${sandboxName}" is reserved for "4b1e0c9a7d2f63e8a5c1b0f9e2d4a6c8b7e3f1a0d5c9b8e2f4a6d1c3b5e7f9a2"`, count: 2, firstAgo: 5.8, lastAgo: 0.9 }),
    event({ on: { kind: 'ReplicaSet', name: rsOf(app, 23), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(stuck)}`, firstAgo: 12, lastAgo: 12, component: 'replicaset-controller' }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 6, 0, 46),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 6, 43),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 21),
    ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/pricing-rules-sync:0.15.0`, 21 - i)),
  ];
  const zl = (t: number, level: string, msg: string, extra = '') => `{"level":"${level}","ts":"${at(t)}","caller":"server/server.go:88","msg":"${msg}"${extra}}`;
  const serving = (from: number, to: number) => every(from, to, 35, (t, i) => zl(t, 'info', 'quote computed', `,"sku_count":${3 + (i % 11)},"currency":"EUR","dur_ms":${4 + (i % 7)}`) + '\n');
  const boot = (t: number) => lines(zl(t, 'info', 'pricing-engine starting', ',"version":"3.17.1","http":":8080","grpc":":9090"'), zl(t - 0.02, 'info', 'rules loaded', ',"rules":4812,"source":"s3://acme-pricing-rules/prod/rules-2026-11-20.json"'));
  return {
    id: 'heldout25-pleg-unhealthy-node-flapping',
    class: 'nodes',
    truth: `containerd on ${bad} has been hanging for about 37 minutes: runtime calls time out (ContainerGCFailed, DeadlineExceeded), the kubelet reports "PLEG is not healthy" and the node has flapped Ready/NotReady six times. Its pricing-engine pod keeps losing its sandbox (SandboxChanged, containers re-created, exit 255 Unknown) and the replacement pod scheduled there 12 minutes ago is stuck in ContainerCreating (FailedCreatePodSandBox, "failed to reserve sandbox name"); kube-proxy on the node restarts the same way. The same revision 23 (3.17.1) runs fine on the other two nodes; the rollout is not the cause. Fix: cordon and drain the node, then restart containerd or replace the instance.`,
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...proxy.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-rules-sync', selector: { app: 'pricing-rules-sync' }, pods: other.pods }),
      ...events,
    ],
    logs: [
      ...app.pods.slice(0, 4).map((p, i) => logsFor(p, 'app', { current: boot(45.9 - i * 0.4) + serving(3, 0.1) })),
      logsFor(flapping, 'app', { current: boot(3.55) + serving(3, 1.6), previous: boot(13.1) + serving(12.8, 4.2) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"rules bundle unchanged","etag":"\\"9c1f\\""}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit(bad), /PLEG|NotReady|not ready|container runtime|containerd|sandbox/i],
      facts: [/PLEG is not healthy/, /cordon|drain/i, /sandbox/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /pricing-rules-sync/],
    },
  };
}

// ---- 6. jobs: one index of an Indexed Job OOM-killed on every retry ------------------------------------

function indexedJobOneShardOom(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.150', ['8', '66', '191']);
  const image = `${ECR}/search/tenant-reindexer:2.9.2`;
  const template = {
    containers: [batchContainer({
      name: 'reindexer',
      image,
      command: ['python', '-m', 'reindexer', 'run', '--shard-from-index'],
      cpu: '1',
      memory: '2Gi',
      env: [
        { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
        { name: 'SHARD_MAP', value: '/etc/reindexer/shards.yaml' },
        { name: 'OPENSEARCH_URL', value: 'https://search-prod.internal:9200' },
      ],
      volumeMounts: [{ name: 'shards', mountPath: '/etc/reindexer' }],
    })],
    volumes: [{ name: 'shards', configMap: { name: 'tenant-shards' } }],
    serviceAccountName: 'tenant-reindexer',
  };
  const started = 134;
  // Index 3 (northwind-retail) is OOM-killed three times; every other index completes.
  const shard3 = [
    { from: started, to: 112.3 },
    { from: 112.1, to: 90.2 },
    { from: 90.0, to: 67.8 },
  ];
  const others: Record<number, { from: number; to: number; node: number }> = {
    0: { from: started, to: 99.6, node: 0 }, 1: { from: started, to: 95.1, node: 1 }, 2: { from: started, to: 92.4, node: 2 },
    4: { from: 99.5, to: 71.2, node: 0 }, 5: { from: 95.0, to: 63.9, node: 1 }, 6: { from: 92.3, to: 55.0, node: 2 }, 7: { from: 71.1, to: 38.4, node: 0 },
  };
  const cron = cronJob({
    namespace: ns,
    name: 'tenant-reindex',
    schedule: '0 1 * * *',
    template,
    lastSuccessfulAgo: started + DAYS - 41,
    jobs: [{ createdAgo: started, pods: [], outcome: { failed: 'BackoffLimitExceeded', ago: 38.4 } }],
  });
  const jobBuilt = cron.jobs[0];
  if (jobBuilt === undefined) throw new Error('job');
  const jobObj = jobBuilt.objects[0] as k8s.V1Job;
  const jobName = nameOf(jobObj);
  const jobUid = jobBuilt.uid;
  const labels = { 'batch.kubernetes.io/controller-uid': jobUid, 'batch.kubernetes.io/job-name': jobName, 'controller-uid': jobUid, 'job-name': jobName };
  // Pods built as the Job controller makes them for an Indexed Job: `<job>-<index>-<suffix>`.
  const built = attemptsOf();
  function attemptsOf() {
    const specs = [
      ...shard3.map((r, attempt) => ({ index: 3, attempt, node: [1, 2, 1][attempt] ?? 1, ...r, oom: true })),
      ...Object.entries(others).map(([i, r]) => ({ index: Number(i), attempt: 0, ...r, oom: false })),
    ];
    return specs.map((s) => {
      const name = `${jobName}-${s.index}-${nameSuffix(`${jobName}/${s.index}/${s.attempt}`)}`;
      const story = s.oom
        ? terminated({ exitCode: 137, reason: 'OOMKilled', finishedAgo: s.to, ranSeconds: Math.round((s.from - s.to) * 60) - 4 })
        : terminated({ exitCode: 0, reason: 'Completed', finishedAgo: s.to, ranSeconds: Math.round((s.from - s.to) * 60) - 4 });
      return { spec: s, name, story };
    });
  }
  const jobPods = job0Pods();
  function job0Pods(): k8s.V1Pod[] {
    const shell = cronJob({
      namespace: ns,
      name: 'tenant-reindex',
      schedule: '0 1 * * *',
      template,
      jobs: [{
        createdAgo: started,
        pods: built.map((b) => ({ name: b.name, node: names[b.spec.node] ?? '', createdAgo: b.spec.from, phase: b.spec.oom ? 'Failed' as const : 'Succeeded' as const, containers: { reindexer: b.story }, ready: false })),
      }],
    });
    return shell.jobs[0]?.pods ?? [];
  }
  jobPods.forEach((p, i) => {
    const b = built[i];
    if (b === undefined) return;
    const idx = String(b.spec.index);
    p.metadata = {
      ...p.metadata,
      labels: { ...p.metadata?.labels, ...labels, 'batch.kubernetes.io/job-completion-index': idx },
      annotations: { 'batch.kubernetes.io/job-completion-index': idx, 'batch.kubernetes.io/job-index-failure-count': String(b.spec.attempt) },
      finalizers: [],
    };
    if (p.spec) p.spec = { ...p.spec, hostname: `${jobName}-${idx}`, subdomain: '' };
    retime(p, b.spec.from - 0.02);
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const jobTplSpec = cronObj.spec?.jobTemplate.spec;
  if (jobTplSpec) Object.assign(jobTplSpec, { completions: 8, parallelism: 4, completionMode: 'Indexed', backoffLimitPerIndex: 2, backoffLimit: 2147483647 });
  if (jobObj.spec) Object.assign(jobObj.spec, { completions: 8, parallelism: 4, completionMode: 'Indexed', backoffLimitPerIndex: 2, backoffLimit: 2147483647, podReplacementPolicy: 'Failed' });
  jobObj.status = {
    startTime: ago(started),
    failed: 3,
    succeeded: 7,
    completedIndexes: '0-2,4-7',
    failedIndexes: '3',
    ready: 0,
    terminating: 0,
    uncountedTerminatedPods: {},
    conditions: [
      { type: 'FailureTarget', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: ago(38.4), lastTransitionTime: ago(38.4) },
      { type: 'Failed', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: ago(38.4), lastTransitionTime: ago(38.4) },
    ],
  };
  const shards = configMap({
    namespace: ns,
    name: 'tenant-shards',
    createdAgo: 180 * DAYS,
    updatedAgo: 40 * DAYS,
    data: { 'shards.yaml': ['shards:', '  "0": [acme-outdoor, brightline, cobalt-home]', '  "1": [dunmore-books, evergreen-pharma]', '  "2": [fjord-fashion, greyhound-tools, harbor-kitchens]', '  "3": [northwind-retail]', '  "4": [iris-optics, juniper-garden]', '  "5": [kestrel-sports, lumen-lighting]', '  "6": [maple-toys, nimbus-audio, orchard-foods]', '  "7": [pioneer-auto, quartz-watches]', ''].join('\n') },
  });
  const py = (t: number, level: string, msg: string) => `${pyTime(t)} ${level} reindexer: ${msg}`;
  const shard3Log = (r: { from: number; to: number }, attempt: number) => {
    const out = [
      py(r.from - 0.05, 'INFO', `reindexer 2.9.2 starting: completion index 3 -> shard 3/8 tenants=[northwind-retail] (attempt ${attempt + 1})`),
      py(r.from - 0.1, 'INFO', 'northwind-retail: 31,204,877 documents to index (last run: 9,812,330)'),
      py(r.from - 0.2, 'INFO', 'loading attribute dictionaries and category tree into memory'),
    ];
    const steps = 9;
    for (let i = 1; i <= steps; i++) {
      const t = r.from - 0.3 - ((r.from - r.to - 0.5) * i) / steps;
      out.push(py(t, 'INFO', `northwind-retail: ${(i * 1_150_000).toLocaleString('en-US')}/31,204,877 documents buffered, rss=${Math.round(420 + i * 178)}MB`));
    }
    return lines(...out);
  };
  const okLog = (i: number, r: { from: number; to: number }) => lines(
    py(r.from - 0.05, 'INFO', `reindexer 2.9.2 starting: completion index ${i} -> shard ${i}/8`),
    py(r.to + 0.1, 'INFO', `shard ${i}/8 done: ${(1_400_000 + i * 211_000).toLocaleString('en-US')} documents in ${Math.round(r.from - r.to)}m, peak rss=${560 + i * 23}MB`),
  );
  const byIndex = (idx: number, attempt = 0) => {
    const i = built.findIndex((b) => b.spec.index === idx && b.spec.attempt === attempt);
    const p = jobPods[i];
    if (p === undefined) throw new Error(`pod for index ${idx}`);
    return p;
  };
  const other = bystander(ns, 'search-gateway', names, 26, { revisions: [91, 92], versions: ['6.3.0', '6.3.1'], olderAgo: 6 * DAYS });
  const jobRef = { metadata: jobObj.metadata ?? {} };
  return {
    id: 'heldout25-indexed-job-one-shard-oom-per-index-backoff',
    class: 'jobs',
    truth: 'Tonight\'s tenant-reindex run is an Indexed Job (8 completions, backoffLimitPerIndex 2). Index 3 is the shard of a single big tenant, northwind-retail, whose catalogue tripled yesterday (31.2M documents instead of 9.8M): the reindexer buffers it in memory and is OOMKilled (exit 137) against its 2Gi limit on every attempt, three times, so index 3 exhausted its per-index backoff limit and the Job ended Failed with reason FailedIndexes ("Job has failed indexes"), while indexes 0-2 and 4-7 completed. Reindexer 2.9.2 ran fine last night; the code version is not the cause. Fix: give that shard more memory (or split northwind-retail across indexes / stream it in batches) and re-run index 3.',
    ask: { service: 'tenant-reindex', namespace: ns },
    objects: [
      ...nodes, ...cron.objects.slice(0, 1), jobObj, ...jobPods, shards, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-gateway', selector: { app: 'search-gateway' }, pods: other.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName}`, started),
      ...jobPods.map((p, i) => jobEvent(jobRef, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, built[i]?.spec.from ?? started)),
      jobEvent(jobRef, 'FailedIndexes', 'Job has failed indexes', 38.4, 'Warning'),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${jobName}, condition: Failed`, 38.3),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 92), 2, 0, 26),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/search-gateway:6.3.1`, 26 - i)),
    ],
    logs: [
      ...shard3.map((r, attempt) => logsFor(byIndex(3, attempt), 'reindexer', { current: shard3Log(r, attempt) })),
      ...Object.entries(others).map(([i, r]) => logsFor(byIndex(Number(i)), 'reindexer', { current: okLog(Number(i), r) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1)}","level":"INFO","msg":"GET /search","status":200,"dur_ms":38}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/index 3|shard 3|northwind/i, /OOM|out of memory|memory|137/i],
      facts: [/FailedIndexes|failed indexes|backoffLimitPerIndex|per-index/i, /2Gi/, /northwind/i, /memory|split/i],
      never: [ADVISES_ROLLBACK, /2\.9\.2[^\n]*(caus|broke|regress)/i, /liveness/i, /search-gateway/],
    },
  };
}

// ---- 7. healthy control: an HPA at maxReplicas after the evening peak, held by its stabilization window ---

function hpaAtMaxAfterPeakHealthy(): CorpusScenario {
  const ns = 'web';
  const { nodes: base, names: baseNames } = threeEksNodes('10.0.200', ['14', '101', '222']);
  const added = [node({ name: eksNodeName('10.0.201.36'), zone: 'eu-west-1a', createdAgo: 262, pool: 'general' }), node({ name: eksNodeName('10.0.202.85'), zone: 'eu-west-1b', createdAgo: 258, pool: 'general' })];
  const nodes = [...base, ...added];
  const names = [...baseNames, ...added.map(nameOf)];
  const image = `${ECR}/web/storefront-web:12.8.3`;
  const tpl = { containers: [container({ image, ports: [3000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/api/ready', 3000), liveness: httpProbe('/api/live', 3000, { initialDelaySeconds: 10 }) })] };
  const scaleUps: [number, number, number][] = [[265, 6, 10], [256, 10, 16], [247, 16, 20]];
  const podAges = [...Array(6).keys()].map((i) => 2 * DAYS - i).concat(
    [...Array(4).keys()].map(() => 265), [...Array(6).keys()].map(() => 256), [...Array(4).keys()].map(() => 247),
  );
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 20,
    revisions: [
      { revision: 87, createdAgo: 9 * DAYS, changeCause: 'argocd: storefront-web 12.8.2', template: { containers: [container({ image: `${ECR}/web/storefront-web:12.8.2`, ports: [3000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/api/ready', 3000), liveness: httpProbe('/api/live', 3000, { initialDelaySeconds: 10 }) })] } },
      { revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront-web 12.8.3', template: tpl },
    ],
    pods: podAges.map((a, i) => ({
      revision: 88,
      node: (a >= 262 ? baseNames[i % 3] : names[i % names.length]) ?? '',
      createdAgo: a,
      ...(i === 2 ? { containers: { app: running({ sinceAgo: 31 * 60, restarts: 1, last: { exitCode: 1, finishedAgo: 31 * 60, ranSeconds: 15 * 60 } }) } } : {}),
    })),
    settled: { available: true, availableSince: 2 * DAYS - 3, progressingSince: 2 * DAYS - 3 },
  });
  const auto = hpa({
    namespace: ns, name: 'storefront-web', target: { kind: 'Deployment', name: 'storefront-web' }, min: 6, max: 20, current: 20, desired: 20,
    cpu: { current: 21, target: 60, averageValue: '104m' }, lastScaleAgo: 247,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation', lastTransitionTime: ago(48) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(19 * 60) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(48) },
    ],
  });
  if (auto.spec) auto.spec.behavior = {
    scaleDown: { stabilizationWindowSeconds: 3600, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 300 }] },
    scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 60 }, { type: 'Pods', value: 6, periodSeconds: 60 }] },
  };
  const other = bystander(ns, 'storefront-assets', names, 37, { revisions: [52, 53], versions: ['3.4.0', '3.4.1'], olderAgo: 12 * DAYS });
  const rs = rsOf(app, 88);
  const dep = deploymentOf(app);
  const hpaRef = { kind: 'HorizontalPodAutoscaler', metadata: auto.metadata ?? {} };
  const access = (p: k8s.V1Pod, i: number) => every(4, 0.1, 20, (t, j) => `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"${['/p/trail-runner-2', '/c/outdoor', '/api/cart', '/'][(i + j) % 4]}"},"res":{"statusCode":200},"responseTime":${18 + ((i * 7 + j * 3) % 40)},"msg":"request completed"}\n`);
  return {
    id: 'heldout25-hpa-at-max-after-peak-stabilization-healthy',
    class: 'healthy',
    truth: 'Healthy. Last evening\'s promotion peak drove storefront-web\'s HPA from 6 to its maxReplicas of 20 about four hours ago (ScalingLimited TooManyReplicas during the peak, two nodes added). Traffic fell back about 48 minutes ago: CPU is now 21% against a 60% target, and the HPA holds 20 replicas only because its scale-down stabilizationWindowSeconds of 3600 applies the highest recommendation of the last hour (AbleToScale ScaleDownStabilized); it will then shed 2 pods every 5 minutes. All 20 pods are Ready and serving 200s; the old restart and yesterday\'s metrics warning are unrelated. Nothing to do.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, auto, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-assets', selector: { app: 'storefront-assets' }, pods: other.pods }),
      ...scaleUps.flatMap(([t, from, to]) => [
        event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${to}; reason: cpu resource utilization (percentage of request) above target`, firstAgo: t, lastAgo: t, component: 'horizontal-pod-autoscaler' }),
        scaledReplicaSet(dep, rs, to, from, t),
      ]),
      event({ on: hpaRef, reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)', count: 4, firstAgo: 19 * 60 + 6, lastAgo: 19 * 60 + 2, component: 'horizontal-pod-autoscaler' }),
      ...added.map((n, i) => nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: [261.5, 257.5][i] ?? 257.5, component: 'node-controller' })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 53), 2, 0, 37),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/storefront-assets:3.4.1`, 37 - i)),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', {
        current: access(p, i),
        ...(i === 2 ? { previous: lines(`{"level":50,"time":${ago(31 * 60 + 0.1).getTime()},"pid":1,"hostname":"${nameOf(p)}","err":{"type":"Error","message":"Redis connection to session-cache.web.svc.cluster.local:6379 failed - read ECONNRESET"},"msg":"session store unavailable, exiting"}`) } : {}),
      })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`10.0.200.14 - - [${clfTime(1)}] "GET /static/app.8f1c.js HTTP/1.1" 200 184233 "-" "Mozilla/5.0"`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|ready|no (action|problem|issue)|serving|fine|OK\b/i],
      facts: [/20/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /(raise|increase|bump)[^\n]*max ?Replicas|(raise|increase|bump)[^\n]*maximum/i, /CPU[^\n]*(saturat|too high|throttl)/i, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  shellEntrypointSwallowsSigterm(),
  ipv6ServiceIpv4OnlyBind(),
  minimalBaseNoLocale(),
  fullVolumeResizeRefused(),
  plegUnhealthyNodeFlaps(),
  indexedJobOneShardOom(),
  hpaAtMaxAfterPeakHealthy(),
];
