// Held-out round 17, second part (see stories.ts for the round's summary): a VPA in Auto mode
// evicting a cache-warming service every few minutes, a Go binary linked against a newer glibc than
// its runtime image, a workingDir the new image no longer has, an exec liveness probe timing out on
// a slow broker, an ExternalSecret that stopped syncing before the API key was revoked, and the two
// healthy controls. The shared helpers (GKE and AKS nodes, a bystander Deployment, CRD events) live
// here so stories.ts can import them without an import cycle.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, container, cronJob, deploymentApp, epochMs, event, execProbe, exposed,
  httpProbe, nameOf, nameSuffix, node, nodeEvent, probeFailed, probeKilling, pulledFresh, pv, pvc, pyTime, rsOf, replicaSetOf,
  restartedAgain, running, crashLoop, scaledReplicaSet, startedNormally, statefulSetApp, terminated, volumeOf, hpa, jobEvent,
  cronJobEvent, createdPod, configMap,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- shared helpers (stories.ts imports these) ------------------------------------------------

export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The Deployment object of a built app (the first object deploymentApp returns). */
export const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** A Date `minutes` before NOW, for fields the kit does not set. */
export const date = (minutes: number): Date => ago(minutes);

type Cloud = 'gke' | 'aks';

/** A node as GKE or AKS shows it: the kit's node, relabelled for the cloud, its provider ID and OS. */
export function cloudNode(cloud: Cloud, name: string, zone: string, o: { pool?: string; createdAgo?: number; instanceType?: string } = {}): k8s.V1Node {
  const n = node({ name, zone, instanceType: o.instanceType ?? (cloud === 'gke' ? 'e2-standard-8' : 'Standard_D4ds_v5'), ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }) });
  const labels: Record<string, string> = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  const pool = o.pool ?? (cloud === 'gke' ? 'default-pool' : 'nodepool1');
  if (cloud === 'gke') {
    Object.assign(labels, {
      'cloud.google.com/gke-nodepool': pool,
      'cloud.google.com/gke-os-distribution': 'cos',
      'cloud.google.com/machine-family': 'e2',
      'topology.gke.io/zone': zone,
      'topology.kubernetes.io/region': zone.replace(/-[a-z]$/, ''),
    });
  } else {
    Object.assign(labels, {
      agentpool: pool,
      'kubernetes.azure.com/agentpool': pool,
      'kubernetes.azure.com/cluster': 'MC_rg-prod-weu_aks-prod-weu_westeurope',
      'kubernetes.azure.com/mode': pool === 'nodepool1' ? 'system' : 'user',
      'kubernetes.azure.com/os-sku': 'Ubuntu',
      'topology.kubernetes.io/region': 'westeurope',
    });
  }
  n.metadata = { ...n.metadata, labels };
  if (n.spec) {
    n.spec.providerID = cloud === 'gke'
      ? `gce://acme-prod-eu/${zone}/${name}`
      : `azure:///subscriptions/6f1d0c8e-2b7a-4c55-9d0e-3a4f7b21c9e5/resourceGroups/mc_rg-prod-weu_aks-prod-weu_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/${name.replace(/\d{6}$/, '')}/virtualMachines/${Number(name.slice(-6))}`;
  }
  const info = n.status?.nodeInfo;
  if (info) {
    Object.assign(info, cloud === 'gke'
      ? { kubeletVersion: 'v1.31.1-gke.2105000', kubeProxyVersion: 'v1.31.1-gke.2105000', osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.100+', containerRuntimeVersion: 'containerd://1.7.23' }
      : { kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1074-azure', containerRuntimeVersion: 'containerd://1.7.23-1' });
  }
  return n;
}

/** Three GKE nodes of one pool in europe-west1 (b, c, d). */
export function gkeNodes(cluster: string, pool: string, suffixes: readonly [string, string, string]): { nodes: k8s.V1Node[]; names: string[] } {
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const nodes = suffixes.map((s, i) => cloudNode('gke', `gke-${cluster}-${pool}-${s}`, zones[i] ?? 'europe-west1-b', { pool }));
  return { nodes, names: nodes.map(nameOf) };
}

/** Three AKS nodes of one VM scale set in westeurope (zones 1, 2, 3). */
export function aksNodes(pool: string, id: string, o: { createdAgo?: number } = {}): { nodes: k8s.V1Node[]; names: string[] } {
  const nodes = [0, 1, 2].map((i) => cloudNode('aks', `aks-${pool}-${id}-vmss00000${i}`, `westeurope-${i + 1}`, { pool, ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }) }));
  return { nodes, names: nodes.map(nameOf) };
}

export const gar = (repo: string, v: string): string => `europe-west1-docker.pkg.dev/acme-prod-eu/${repo}:${v}`;
export const acr = (repo: string, v: string): string => `acmeprod.azurecr.io/${repo}:${v}`;

/** A second, healthy Deployment of the namespace that rolled out `rolledAgo` minutes ago: the bystander a careless reader blames. */
export function sideApp(ns: string, name: string, image: (v: string) => string, names: readonly string[], rolledAgo: number, look: { revisions?: readonly [number, number]; versions?: readonly [string, string]; port?: number } = {}): Built {
  const [older, newer] = look.revisions ?? [12, 13];
  const [v0, v1] = look.versions ?? ['3.4.1', '3.5.0'];
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [look.port ?? 8080], memory: '256Mi' })] });
  return deploymentApp({
    namespace: ns,
    name,
    replicas: 2,
    revisions: [
      { revision: older, createdAgo: 16 * DAYS, changeCause: `argocd: ${name} ${v0}`, template: tpl(v0) },
      { revision: newer, createdAgo: rolledAgo, changeCause: `argocd: ${name} ${v1}`, template: tpl(v1) },
    ],
    pods: [{ revision: newer, node: names[0] ?? '', createdAgo: rolledAgo - 0.5 }, { revision: newer, node: names[1] ?? '', createdAgo: rolledAgo - 1.5 }],
  });
}

/** An event about an object of a kind the fake API does not serve (a CRD): the event is all the API shows of it. */
export function crdEvent(ref: { kind: string; apiVersion: string; name: string; namespace: string }, o: { reason: string; message: string; type?: 'Normal' | 'Warning'; count?: number; firstAgo: number; lastAgo: number; component: string }): k8s.CoreV1Event {
  const e = event({ on: { kind: ref.kind, name: ref.name, namespace: ref.namespace }, reason: o.reason, message: o.message, type: o.type ?? 'Warning', count: o.count ?? 1, firstAgo: o.firstAgo, lastAgo: o.lastAgo, component: o.component });
  e.involvedObject = { ...e.involvedObject, apiVersion: ref.apiVersion };
  return e;
}

/** A claim Bound to a zonal CSI disk (GKE PD or Azure Disk). */
export function zonalClaim(o: { namespace: string; name: string; storage: string; zone: string; createdAgo: number; driver: string; storageClass: string }): KubeJson[] {
  const volumeName = volumeOf(o.namespace, o.name);
  return [
    pvc({ namespace: o.namespace, name: o.name, storage: o.storage, phase: 'Bound', volumeName, createdAgo: o.createdAgo, storageClass: o.storageClass, annotations: { 'volume.kubernetes.io/storage-provisioner': o.driver } }),
    pv({ name: volumeName, storage: o.storage, zone: o.zone, claim: { namespace: o.namespace, name: o.name }, createdAgo: o.createdAgo, storageClass: o.storageClass, csi: { driver: o.driver, volumeHandle: o.driver.startsWith('pd.') ? `projects/acme-prod-eu/zones/${o.zone}/disks/${volumeName}` : `/subscriptions/6f1d0c8e-2b7a-4c55-9d0e-3a4f7b21c9e5/resourceGroups/mc_rg-prod-weu_aks-prod-weu_westeurope/providers/Microsoft.Compute/disks/${volumeName}` } }),
  ];
}

/** Spring Boot's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [app] [thread] logger : message`. */
export function spring(t: number, level: 'INFO' | 'WARN' | 'ERROR', app: string, thread: string, logger: string, msg: string): string {
  return `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
}

// ---- 8. a VPA in Auto mode evicts quote-engine every few minutes; each new pod warms its cache for 3 minutes ----

function vpaEvictionChurn(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = aksNodes('pricing', '27719034');
  const image = acr('pricing/quote-engine', '8.3.2');
  const template = {
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '2Gi', memoryLimit: '3Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'QUOTE_CACHE_WARMUP', value: 'full' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, failureThreshold: 5 }),
    })],
  };
  const liveAges = [15.5, 11, 6.5, 1.8];
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    revisions: [
      { revision: 36, createdAgo: 20 * DAYS, changeCause: 'argocd: quote-engine 8.3.1', template: { containers: [container({ image: acr('pricing/quote-engine', '8.3.1'), ports: [8080], cpu: '500m', memory: '2Gi', memoryLimit: '3Gi' })] } },
      { revision: 37, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-engine 8.3.2', template },
    ],
    pods: liveAges.map((a, k) => ({
      revision: 37, node: names[k % 3] ?? '', createdAgo: a,
      ...(a < 3 ? { containers: { app: running({ sinceAgo: a - 0.05, ready: false }) } } : {}),
    })),
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  // What the VPA admission controller wrote into each pod: the recommendation of the moment.
  const recs: [string, string, string][] = [['1130m', '2867Mi', '4300Mi'], ['980m', '2611Mi', '3916Mi'], ['1210m', '3020Mi', '4530Mi'], ['1040m', '2730Mi', '4095Mi']];
  app.pods.forEach((p, k) => {
    const [cpu, mem, lim] = recs[k] ?? ['1', '2Gi', '3Gi'];
    const c = p.spec?.containers[0];
    if (p.spec && c) p.spec.containers = [{ ...c, resources: { requests: { cpu, memory: mem }, limits: { memory: lim } } }];
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, vpaObservedContainers: 'app', vpaUpdates: 'Pod resources updated by quote-engine: container 0: cpu request, memory request, memory limit' } };
  });
  const rs = replicaSetOf(app, 37);
  const rsName = nameOf(rs);
  // The eviction chain: every few minutes the updater evicts one pod, the ReplicaSet replaces it.
  const evictedAt = [44, 39.4, 35, 30.3, 25.8, 20.4, 15.6, 11.1, 6.6, 1.9];
  const evictedPods = evictedAt.map((t, i) => ({ t, name: `${rsName}-${nameSuffix(`${rsName}/evicted/${i}`)}` }));
  const replacementOf = (i: number): string => {
    const live = i - (evictedAt.length - liveAges.length);
    if (live >= 0) return nameOf(app.pods[live]);
    return evictedPods[i + liveAges.length]?.name ?? '';
  };
  const evictions = evictedPods.flatMap((e, i) => [
    event({ on: { kind: 'Pod', name: e.name, namespace: ns }, type: 'Normal', reason: 'EvictedByVPA', message: 'Pod was evicted by VPA Updater to apply resource recommendation.', firstAgo: e.t, lastAgo: e.t, component: 'vpa-updater' }),
    event({ on: { kind: 'Pod', name: e.name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: e.t, lastAgo: e.t, fieldPath: 'spec.containers{app}' }),
    event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${replacementOf(i)}`, firstAgo: e.t - 0.05, lastAgo: e.t - 0.05, component: 'replicaset-controller' }),
  ]);
  const warm = (p: k8s.V1Pod, a: number) => startedNormally(p, 'app', image, a).concat(
    probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: a < 3 ? Math.round((a - 0.3) * 6) : 17, firstAgo: a - 0.3, lastAgo: a < 3 ? 0.1 : a - 3.1 }),
  );
  const jlog = (p: k8s.V1Pod, a: number) => lines(
    spring(a - 0.1, 'INFO', 'quote-engine', 'main', 'com.acme.quotes.QuoteEngineApplication', `Starting QuoteEngineApplication v8.3.2 using Java 21.0.5 with PID 1 (${nameOf(p)})`),
    spring(a - 0.35, 'INFO', 'quote-engine', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(a - 0.36, 'INFO', 'quote-engine', 'cache-warmer', 'com.acme.quotes.cache.QuoteCacheWarmer', 'Warming quote cache from quotes-db (readiness OUT_OF_SERVICE until done): 0/3412908 entries'),
    ...(a > 1.4 ? [spring(a - 1.4, 'INFO', 'quote-engine', 'cache-warmer', 'com.acme.quotes.cache.QuoteCacheWarmer', 'Warming quote cache: 1204331/3412908 entries (35%)')] : []),
    ...(a > 3.1 ? [
      spring(a - 3.05, 'INFO', 'quote-engine', 'cache-warmer', 'com.acme.quotes.cache.QuoteCacheWarmer', 'Quote cache warm in 176.4 s (3412908 entries), readiness ACCEPTING_TRAFFIC'),
      spring(Math.max(0.3, a - 4), 'WARN', 'quote-engine', 'nio-8080-exec-7', 'com.acme.quotes.web.LatencyGuard', 'POST /v3/quotes took 2412 ms (p99 target 300 ms): 3 of 4 replicas serving, queue depth 41'),
    ] : [
      spring(0.2, 'INFO', 'quote-engine', 'cache-warmer', 'com.acme.quotes.cache.QuoteCacheWarmer', 'Warming quote cache: 1988410/3412908 entries (58%)'),
    ]),
  );
  const other = sideApp(ns, 'fx-rates', (v) => acr('pricing/fx-rates', v), names, 26);
  return {
    id: 'heldout17-vpa-auto-evicts-cache-warming-pods',
    class: 'capacity',
    truth: 'The quote-engine VerticalPodAutoscaler runs in updateMode Auto: its recommendation for this Java service moves with the load and the cache size, and every few minutes the VPA updater evicts one pod to apply the new one (EvictedByVPA, "Pod was evicted by VPA Updater to apply resource recommendation.", 10 evictions in the last 44 minutes; the pods carry the vpaUpdates annotation and requests that differ from the template and from each other). Each replacement spends about three minutes warming its 3.4M-entry quote cache before readiness passes, so the Deployment is almost always one pod short (3/4 serving now), and the p99 latency alerts fire. Nothing crashes, no node pressure, no rollout (revision 37 is 9 days old). Fix: set the VPA to updateMode "Initial" (or "Off" and apply recommendations at deploys), or constrain it (minReplicas / eviction requirements, a PodDisruptionBudget), and consider a warm cache on start.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 26),
      ...evictions,
      ...app.pods.flatMap((p, k) => warm(p, liveAges[k] ?? 1)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: jlog(p, liveAges[k] ?? 1) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} INFO fx-rates refreshed 164 pairs from ECB in 212ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/VPA|VerticalPodAutoscaler|evict/i],
      facts: [/EvictedByVPA|VPA Updater/i, /warm(ing)?[- ]?up|warming|cache/i, /3\/4|3 of (the )?4|one (pod|replica) (short|unready|not ready)/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /evicted (by|due to|because of) (the )?(kubelet|node)|node[^\n]*(is under|under) (memory|disk) pressure|NotReady/i, /preempt/i, /fx-rates/],
    },
  };
}

// ---- 9. a Go binary built on bookworm, run on bullseye: GLIBC_2.34 not found ---------------------------

function glibcMismatch(): CorpusScenario {
  const ns = 'ingest';
  const { nodes, names } = threeEksNodes('10.0.93');
  const graviton = node({ name: eksNodeName('10.0.93.212'), zone: 'eu-west-1b', arch: 'arm64', instanceType: 'm7g.xlarge', pool: 'graviton', createdAgo: 6 * DAYS });
  const image = (v: string) => `${ECR}/ingest/event-collector:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '768Mi', args: ['--config', '/etc/event-collector/config.yaml'],
      env: [{ name: 'KAFKA_BROKERS', value: 'b-1.events.kafka.eu-west-1.amazonaws.com:9098,b-2.events.kafka.eu-west-1.amazonaws.com:9098' }, { name: 'GOMAXPROCS', value: '2' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    nodeSelector: { 'kubernetes.io/arch': 'amd64' },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'event-collector',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 40, createdAgo: 13 * DAYS, changeCause: 'ci: event-collector 2.8.0', template: tpl('2.8.0') },
      { revision: 41, createdAgo: 19, changeCause: 'ci: event-collector 2.8.1 (Dockerfile: builder golang:1.22-bullseye -> golang:1.23-bookworm; runtime debian:bullseye-slim unchanged)', template: tpl('2.8.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 13 * DAYS - k })),
      { revision: 41, node: names[0] ?? '', createdAgo: 18.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 0 }, 8) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 18.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 0 }, 8) } },
    ],
  });
  const crashing = [podOf(app, 3), podOf(app, 4)];
  const glibc = lines(
    '/app/event-collector: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32\' not found (required by /app/event-collector)',
    '/app/event-collector: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34\' not found (required by /app/event-collector)',
  );
  const zap = (t: number, o: Record<string, unknown>) => JSON.stringify({ level: 'info', ts: epochMs(t) / 1000, caller: 'collector/sink.go:88', ...o });
  const other = sideApp(ns, 'schema-registry-ui', (v) => `${ECR}/ingest/schema-registry-ui:${v}`, names, 31);
  return {
    id: 'heldout17-go-binary-glibc-2-34-not-found',
    class: 'containers',
    truth: 'Revision 41 (event-collector 2.8.1, 19 minutes ago) changed only the Dockerfile\'s builder stage, golang:1.22-bullseye -> golang:1.23-bookworm; the runtime stage stayed debian:bullseye-slim. The binary is built with cgo (librdkafka), so it is dynamically linked against the builder\'s glibc 2.36 and needs symbol versions GLIBC_2.32/GLIBC_2.34, which bullseye\'s glibc 2.31 lacks: the loader refuses it before main ("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34\' not found (required by /app/event-collector)"), exit 1 at once, CrashLoopBackOff. The three revision-40 pods keep serving; the rollout is stuck. Not the architecture (the pods are pinned to amd64; the Graviton node is unrelated), not the image pull. Fix: roll back to revision 40, then build and run on the same Debian release (bookworm runtime, or a bullseye builder), or build static with CGO_ENABLED=0 where possible.',
    ask: { service: 'event-collector' },
    objects: [
      ...nodes, graviton, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'event-collector', selector: { app: 'event-collector' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 19),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 3, 4, 19),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 2, 1, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 31),
      nodeEvent(nameOf(graviton), 'NodeReady', `Node ${nameOf(graviton)} status is now: NodeReady`, { firstAgo: 6 * DAYS }),
      ...crashing.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image('2.8.1'), { atAgo: 18.5, bytes: 41877504, seconds: 2.918 }),
        ...restartedAgain(p, 'app', image('2.8.1'), { count: 9, firstAgo: 18.4, lastAgo: 2.3 - 1.3 * k }),
        backOff(p, 'app', { count: 82, firstAgo: 18.3 }),
      ]),
    ],
    logs: [
      ...crashing.map((p) => logsFor(p, 'app', { current: glibc, previous: glibc })),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(zap(2, { msg: 'flushed batch', topic: 'events.raw.v3', records: 5000, bytes: 3841122, ms: 41 }), zap(1, { msg: 'flushed batch', topic: 'events.raw.v3', records: 5000, bytes: 3790441, ms: 38, pod: nameOf(p) })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GLIBC/i, /revision 41/i],
      facts: [/GLIBC_2\.34/, /libc\.so\.6/, /revision 40/],
      never: [/\bOOM/, /exec format error|wrong (cpu )?arch|architecture mismatch/i, /ImagePull/i, /schema-registry-ui/],
    },
  };
}

// ---- 10. the new image has no /srv/app, the workingDir the template still sets ----------------------------

function workingDirMissing(): CorpusScenario {
  const ns = 'recs';
  const { nodes, names } = gkeNodes('prod-euw1', 'default-pool', ['71b0c2de-2wqd', '71b0c2de-h8vn', 'c49a3e10-z5kt']);
  const image = (v: string) => gar('recs/recommendations', v);
  const runc = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: chdir to cwd ("/srv/app") set in config.json failed: no such file or directory: unknown';
  const tpl = (v: string) => ({
    containers: [{
      ...container({
        image: image(v), ports: [8000], memory: '1Gi', command: ['gunicorn'], args: ['-c', 'gunicorn.conf.py', 'recs.wsgi:application'],
        env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'recs.settings.production' }, { name: 'WEB_CONCURRENCY', value: '4' }],
        readiness: httpProbe('/healthz/ready', 8000), liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 15 }),
      }),
      workingDir: '/srv/app',
    }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'recommendations',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 17 * DAYS, changeCause: 'argocd: recommendations 3.12.4', template: tpl('3.12.4') },
      { revision: 15, createdAgo: 24, changeCause: 'argocd: recommendations 4.0.0 (distroless python3-debian12 base image)', template: tpl('4.0.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 17 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 23.5, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: runc, finishedAgo: 1.6, ranSeconds: 0 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  // A container that never started: the runtime reports startedAt as the zero time.
  const last = fresh.status?.containerStatuses?.[0]?.lastState?.terminated;
  if (last) last.startedAt = new Date(0);
  const fp = 'spec.containers{app}';
  const other = sideApp(ns, 'recs-feature-store', (v) => gar('recs/feature-store', v), names, 37);
  const gunicorn = (p: k8s.V1Pod) => lines(
    `[${pyTime(3).replace(',', '.').slice(0, 19)} +0000] [1] [INFO] Booting worker with pid: 2211`,
    `${pyTime(2)} INFO recs.api: GET /v2/recommendations?user=u_8812&slot=home 200 41ms (${nameOf(p)})`,
    `${pyTime(1)} INFO recs.api: GET /v2/recommendations?user=u_1290&slot=pdp 200 37ms`,
  );
  return {
    id: 'heldout17-working-dir-missing-in-new-image',
    class: 'config',
    truth: 'Revision 15 (recommendations 4.0.0, 24 minutes ago) moved the image to a distroless python3-debian12 base whose WORKDIR is /app; the code is no longer under /srv/app. The pod template still sets workingDir: /srv/app (unchanged for years), so the runtime cannot start the process: "chdir to cwd ("/srv/app") set in config.json failed: no such file or directory", reason StartError, exit code 128, before gunicorn ever runs (no logs), then CrashLoopBackOff. maxUnavailable 0 keeps the three revision-14 pods serving; the rollout is stuck. The image exists and pulled fine; no volume is involved. Fix: set workingDir to /app (or drop it) in the chart, or roll back to revision 14.',
    ask: { service: 'recommendations' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 24),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 37),
      ...pulledFresh(fresh, 'app', image('4.0.0'), { atAgo: 23.5, bytes: 118300672, seconds: 6.204 }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', count: 10, firstAgo: 23.3, lastAgo: 1.6, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: `Error: ${runc}`, count: 10, firstAgo: 23.3, lastAgo: 1.6, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.0.0')}" already present on machine`, count: 9, firstAgo: 23.2, lastAgo: 1.6, fieldPath: fp }),
      backOff(fresh, 'app', { count: 97, firstAgo: 23.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous: '' }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: gunicorn(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\/srv\/app/],
      facts: [/revision 15/, /workingDir|chdir|cwd/i, /StartError|\b128\b/],
      never: [/\bOOM/, /ImagePull|image (is )?(not found|missing|does not exist)/i, /(missing|no such) (volume|mount)|volumeMount/i, /recs-feature-store/],
    },
  };
}

// ---- 11. an exec liveness probe with timeoutSeconds 1 whose script waits on a slow broker --------------------

function execLivenessTimesOut(): CorpusScenario {
  const ns = 'invoicing';
  const { nodes, names } = aksNodes('workers', '51290377');
  const image = acr('invoicing/invoice-worker', '5.7.3');
  const script = [
    '#!/bin/sh',
    '# liveness: the worker must answer a ping on its control queue (round trip through RabbitMQ)',
    'exec celery -A invoicing.celery_app inspect ping -d "celery@${HOSTNAME}" --timeout 5 >/dev/null',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'invoice-worker-healthcheck', createdAgo: 40 * DAYS, data: { 'healthcheck.sh': script } });
  const template = {
    containers: [container({
      name: 'worker', image, ports: [], cpu: '1', memory: '1536Mi',
      command: ['celery'], args: ['-A', 'invoicing.celery_app', 'worker', '--loglevel=INFO', '--concurrency=4', '-Q', 'invoices,render'],
      env: [{ name: 'CELERY_BROKER_URL', valueFrom: { secretKeyRef: { name: 'invoice-worker-broker', key: 'url' } } }],
      readiness: null,
      liveness: execProbe(['/bin/sh', '-c', '/healthcheck.sh'], { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 1, failureThreshold: 3 }),
      volumeMounts: [{ name: 'healthcheck', mountPath: '/healthcheck.sh', subPath: 'healthcheck.sh' }],
    })],
    volumes: [{ name: 'healthcheck', configMap: { name: 'invoice-worker-healthcheck', defaultMode: 0o755 } }],
  };
  const restarts = [23, 19, 26];
  const lastExit = [137, 0, 137];
  const since = [3.4, 6.1, 1.2];
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 30 * DAYS, changeCause: 'argocd: invoice-worker 5.7.2', template: { ...template, containers: [container({ name: 'worker', image: acr('invoicing/invoice-worker', '5.7.2'), ports: [], readiness: null, liveness: null })] } },
      { revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-worker 5.7.3', template },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 27, node: names[k] ?? '', createdAgo: 12 * DAYS - k,
      containers: { worker: running({ sinceAgo: since[k] ?? 1, restarts: restarts[k] ?? 1, last: { exitCode: lastExit[k] ?? 0, finishedAgo: (since[k] ?? 1) + 0.02, ranSeconds: 300 + 40 * k } }) },
    })),
    settled: { available: true, availableSince: 12 * DAYS, progressingSince: 12 * DAYS },
  });
  const probe = 'command "/bin/sh -c /healthcheck.sh" timed out';
  const celeryTime = (t: number) => `[${pyTime(t)}`;
  const banner = (p: k8s.V1Pod, t: number) => [
    ` -------------- celery@${nameOf(p)} v5.4.0 (opalescent)`,
    '--- ***** ----- ',
    '-- ******* ---- Linux-5.15.0-1074-azure-x86_64-with-glibc2.36 2026-11-21 03:00:00',
    '- *** --- * --- ',
    '- ** ---------- [config]',
    '- ** ---------- .> app:         invoicing:0x7f3c1a2b9d50',
    '- ** ---------- .> transport:   amqp://invoicing:**@rabbitmq.invoicing.svc:5672//',
    '- ** ---------- .> results:     redis://invoice-results.invoicing.svc:6379/1',
    '- *** --- * --- .> concurrency: 4 (prefork)',
    '',
    `${celeryTime(t)}: INFO/MainProcess] Connected to amqp://invoicing:**@rabbitmq.invoicing.svc:5672//`,
    `${celeryTime(t - 0.01)}: INFO/MainProcess] celery@${nameOf(p)} ready.`,
  ];
  const work = (t: number, n: number) => [
    `${celeryTime(t)}: INFO/MainProcess] Task invoicing.tasks.render_invoice[${nameSuffix(`task/${n}`)}-4f1e-9c7a-2b8d] received`,
    `${celeryTime(t - 0.07)}: INFO/ForkPoolWorker-${(n % 4) + 1}] Task invoicing.tasks.render_invoice[${nameSuffix(`task/${n}`)}-4f1e-9c7a-2b8d] succeeded in 3.91s: {'invoice': 'INV-2026-${118200 + n}', 'pages': 2}`,
  ];
  const logs = app.pods.map((p, k) => {
    const s = since[k] ?? 1;
    const prevEnd = s + 0.02;
    return logsFor(p, 'worker', {
      current: lines(...banner(p, s - 0.05), ...(s > 1 ? work(s - 0.5, k) : []), ...work(0.3, 10 + k)),
      previous: lines(
        ...banner(p, prevEnd + 5.5),
        ...work(prevEnd + 3, 20 + k),
        ...work(prevEnd + 1, 30 + k),
        `${celeryTime(prevEnd + 0.5)}: WARNING/MainProcess] worker: Warm shutdown (MainProcess)`,
        ...(lastExit[k] === 137 ? [`${celeryTime(prevEnd + 0.45)}: INFO/MainProcess] waiting for 2 running tasks to finish (render_invoice)`] : []),
      ),
    });
  });
  const other = sideApp(ns, 'invoice-api', (v) => acr('invoicing/invoice-api', v), names, 35);
  return {
    id: 'heldout17-exec-liveness-timeout-slow-broker',
    class: 'probes',
    truth: 'invoice-worker (Celery, revision 27, unchanged for 12 days) has an exec liveness probe `/bin/sh -c /healthcheck.sh` with timeoutSeconds 1 (period 20 s, failureThreshold 3). The script runs `celery inspect ping` to the worker\'s own node, a round trip through RabbitMQ. Since the broker got busy with the month-end invoice backlog about five hours ago, the ping takes longer than one second, the kubelet reports "Liveness probe failed: command "/bin/sh -c /healthcheck.sh" timed out", and every few minutes three misses in a row restart a healthy worker (19-26 restarts per pod; exit 137 when the 30 s grace ends with renders still running, otherwise 0), losing in-flight renders. The workers themselves process tasks fine; no OOM, no rollout (the invoice-api rollout 35 minutes ago is unrelated). Fix: raise timeoutSeconds (10+) and make liveness check only the local process (not a broker round trip); look at the broker backlog separately.',
    ask: { service: 'invoice-worker' },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 35),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'worker', 'Liveness', probe, { count: 61 + 9 * k, firstAgo: 5 * HOURS - 7, lastAgo: (since[k] ?? 1) + 0.35 }),
        probeKilling(p, 'worker', 'liveness', { count: restarts[k] ?? 1, firstAgo: 5 * HOURS - 6.5, lastAgo: (since[k] ?? 1) + 0.5 }),
        ...restartedAgain(p, 'worker', image, { count: restarts[k] ?? 1, firstAgo: 5 * HOURS - 6, lastAgo: since[k] ?? 1 }),
      ]),
    ],
    logs: [
      ...logs,
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(1)} INFO invoice_api: POST /v1/invoices/INV-2026-118233/render 202 9ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /timed? ?out|timeout/i],
      facts: [/\/healthcheck\.sh/, /timeoutSeconds:? ?1\b|1 ?s(ec(ond)?)?\b|timeout of 1/i, /restart/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /memory (limit|leak)/i, /invoice-api/],
    },
  };
}

// ---- 12. the ExternalSecret stopped syncing; the Stripe key was rotated and the old one revoked ---------------

function externalSecretStaleApiKey(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.188');
  const image = `${ECR}/payments/checkout-web:2026.11.18-3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-web',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout-web 2026.11.12-1', template: { containers: [container({ image: `${ECR}/payments/checkout-web:2026.11.12-1`, ports: [3000] })] } },
      {
        revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: checkout-web 2026.11.18-3',
        template: { containers: [container({
          image, ports: [3000], memory: '1Gi', command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
          env: [
            { name: 'RAILS_ENV', value: 'production' },
            { name: 'STRIPE_API_KEY', valueFrom: { secretKeyRef: { name: 'payments-stripe', key: 'api-key' } } },
            { name: 'STRIPE_WEBHOOK_SECRET', valueFrom: { secretKeyRef: { name: 'payments-stripe', key: 'webhook-secret' } } },
            { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'checkout-web-db', key: 'url' } } },
          ],
          readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
        })] },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
    settled: { available: true, availableSince: 3 * DAYS, progressingSince: 3 * DAYS },
  });
  const es = { kind: 'ExternalSecret', apiVersion: 'external-secrets.io/v1beta1', name: 'payments-stripe', namespace: ns };
  const store = { kind: 'SecretStore', apiVersion: 'external-secrets.io/v1beta1', name: 'aws-secrets-manager', namespace: ns };
  const sts = 'WebIdentityErr: failed to retrieve credentials\ncaused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403, request id: 7c1f4a2e-9b3d-4e61-a0f8-2d5c6b7e8f90';
  const rails = (p: k8s.V1Pod, t: number, id: string) => [
    `I, [${at(t).replace('Z', '')} #${12 + (nameOf(p).length % 5)}]  INFO -- : [${id}] Started POST "/checkout/payment_intents" for 10.0.41.${nameOf(p).length} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`,
    `I, [${at(t - 0.001).replace('Z', '')} #12]  INFO -- : [${id}] Processing by Checkout::PaymentIntentsController#create as JSON`,
    `I, [${at(t - 0.002).replace('Z', '')} #12]  INFO -- : [${id}] message="Request to Stripe API" api_version=2024-06-20 method=post num_retries=0 path=/v1/payment_intents`,
    `E, [${at(t - 0.003).replace('Z', '')} #12] ERROR -- : [${id}] message="Stripe API response" elapsed=0.118 method=post path=/v1/payment_intents request_id=req_${nameSuffix(id)}Qx status=401`,
    `E, [${at(t - 0.003).replace('Z', '')} #12] ERROR -- : [${id}] Stripe::AuthenticationError (Invalid API Key provided: sk_live_*********************************Qm7x):`,
    `E, [${at(t - 0.003).replace('Z', '')} #12] ERROR -- : [${id}] app/services/payments/create_intent.rb:24:in 'Payments::CreateIntent#call'`,
    `I, [${at(t - 0.004).replace('Z', '')} #12]  INFO -- : [${id}] Completed 502 Bad Gateway in 131ms (ActiveRecord: 2.4ms (3 queries, 0 cached) | GC: 0.0ms)`,
  ];
  const logs = app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
    `I, [${at(45).replace('Z', '')} #12]  INFO -- : [b1${k}c7] Completed 200 OK in 212ms (ActiveRecord: 6.1ms (9 queries, 1 cached) | GC: 0.4ms)`,
    ...rails(p, 4 - k, `9f${k}a21e4`),
    `I, [${at(2.5).replace('Z', '')} #12]  INFO -- : [77${k}e0d] Completed 200 OK in 18ms (ActiveRecord: 2.0ms (2 queries, 0 cached) | GC: 0.0ms)`,
    ...rails(p, 1 - k * 0.2, `c4${k}0b93`),
  ) }));
  const other = sideApp(ns, 'payment-webhooks', (v) => `${ECR}/payments/payment-webhooks:${v}`, names, 29);
  return {
    id: 'heldout17-external-secret-stale-stripe-key',
    class: 'config',
    truth: 'Four days ago a Terraform change to the IAM role used by the payments SecretStore (IRSA) broke its trust policy: External Secrets can no longer assume it ("Not authorized to perform sts:AssumeRoleWithWebIdentity"), so the ExternalSecret payments-stripe has not synced since (UpdateFailed events; status SecretSyncedError). Two days ago the Stripe live key was rolled and the new one written to AWS Secrets Manager; the Kubernetes Secret payments-stripe still holds the old key, which Stripe revoked when its 48-hour expiry ended about 45 minutes ago. Since then every payment call from checkout-web fails with 401 "Invalid API Key provided" (checkout answers 502), while the pods stay Running and Ready (3 days old, revision 88). Stripe is up; the rollout is not the cause. Fix: repair the role\'s trust policy (or the SecretStore\'s service account annotation), force a resync of the ExternalSecret, then restart checkout-web so the pods read the new key (env vars are read at start).',
    ask: { service: 'checkout-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 29),
      crdEvent(es, { reason: 'UpdateFailed', message: `error processing spec.data[0] (key: prod/payments/stripe), err: ${sts}`, count: 412, firstAgo: 4 * DAYS - 95, lastAgo: 3.5, component: 'external-secrets' }),
      crdEvent(store, { reason: 'InvalidProviderConfig', message: `unable to validate store: ${sts}`, count: 97, firstAgo: 4 * DAYS - 96, lastAgo: 6, component: 'external-secrets' }),
      crdEvent({ ...es, name: 'checkout-web-db' }, { type: 'Normal', reason: 'Updated', message: 'Updated Secret', count: 1, firstAgo: 31 * DAYS, lastAgo: 31 * DAYS, component: 'external-secrets' }),
    ],
    logs: [
      ...logs,
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`I, [${at(1).replace('Z', '')} #1]  INFO -- : webhook evt_${nameSuffix(nameOf(p))} payment_intent.canceled verified`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/payments-stripe|ExternalSecret|STRIPE_API_KEY|secret/i, /401|Invalid API Key|API key|Unauthori[sz]ed/i],
      facts: [/Invalid API Key|\b401\b/, /payments-stripe/, /AssumeRoleWithWebIdentity|AccessDenied|UpdateFailed|not authorized/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /stripe[^\n]*(outage|is down|incident)/i, /payment-webhooks/],
    },
  };
}

// ---- 13. healthy: the HPA just scaled search-api from 4 to 7 on a traffic peak ------------------------------

function healthyHpaScaledUp(): CorpusScenario {
  const ns = 'discovery';
  const { nodes, names } = gkeNodes('prod-euw1', 'apps-pool', ['5e2f9a41-8cvx', '5e2f9a41-kq3w', 'e07d14b2-tt6n']);
  const image = gar('discovery/search-api', '12.4.0');
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 7,
    revisions: [{ revision: 52, createdAgo: 3 * DAYS, changeCause: 'argocd: search-api 12.4.0', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '512Mi', readiness: httpProbe('/readyz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }) })] } }],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 52, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k })),
      ...[0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 9 - 0.05 * k })),
    ],
    settled: { available: true, availableSince: 3 * DAYS, progressingSince: 3 * DAYS, progressingUpdatedAgo: 9 },
  });
  const fresh = app.pods.slice(4);
  const scaler = hpa({
    namespace: ns, name: 'search-api', target: { kind: 'Deployment', name: 'search-api' }, min: 4, max: 12, current: 7, desired: 7, cpu: { current: 58, target: 65, averageValue: '290m' }, lastScaleAgo: 9,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation', lastTransitionTime: date(9) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: date(40 * DAYS) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: date(2 * DAYS) },
    ],
  });
  const rs = replicaSetOf(app, 52);
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'search-api', namespace: ns };
  const zap = (t: number, o: Record<string, unknown>) => JSON.stringify({ level: 'info', ts: at(t), logger: 'http', ...o });
  const other = sideApp(ns, 'autocomplete', (v) => gar('discovery/autocomplete', v), names, 48);
  return {
    id: 'heldout17-healthy-hpa-scaled-4-to-7',
    class: 'healthy',
    truth: 'At the evening traffic peak the search-api HPA (cpu target 65%) scaled the Deployment from 4 to 7 replicas nine minutes ago ("New size: 7; reason: cpu resource utilization (percentage of request) above target"). The three new pods pulled nothing (image present), started in seconds and are Ready; one failed its readiness probe twice while its index shard warmed (503), then passed. CPU is back under target at 58%, all 7/7 pods Ready, revision 52 is three days old. Healthy: the autoscaler did its job; nothing to do.',
    ask: { service: 'search-api' },
    objects: [
      ...nodes, ...app.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'autocomplete', selector: { app: 'autocomplete' }, pods: other.pods }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 7; reason: cpu resource utilization (percentage of request) above target', firstAgo: 9, lastAgo: 9, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: All metrics below target', firstAgo: 16 * HOURS, lastAgo: 16 * HOURS, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), nameOf(rs), 7, 4, 9),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 48),
      ...fresh.flatMap((p) => [createdPod(rs, p, 9), ...startedNormally(p, 'app', image, 9)]),
      probeFailed(podOf(app, 5), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2, firstAgo: 8.85, lastAgo: 8.77 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
      ...(k >= 4 ? [zap(8.95, { msg: 'loading index shard', shard: k - 4, docs: 4120331 }), zap(8.75, { msg: 'index shard ready', shard: k - 4, ms: 11840 })] : []),
      zap(1.5, { msg: 'request', method: 'GET', path: '/v1/search', status: 200, ms: 23 + k }),
      zap(0.5, { msg: 'request', method: 'GET', path: '/v1/search', status: 200, ms: 19 + k, pod: nameOf(p) }),
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|scaled/i],
      facts: [],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /readiness (probes? )?(is |are )?(still )?failing/i, /Insufficient (cpu|memory)/i, /autocomplete/],
    },
  };
}

// ---- 14. healthy: a Postgres StatefulSet with last night's backup completed and warnings from two days ago -----

function healthyStatefulSetBackupDone(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = aksNodes('data', '66410982', { createdAgo: 2 * DAYS + 40 });
  const image = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'inventory-db',
    replicas: 2,
    serviceName: 'inventory-db-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '256Gi', storageClass: 'managed-csi-premium' }],
    revisions: [{ revision: 4, createdAgo: 45 * DAYS, template: { containers: [container({
      name: 'postgres', image, ports: [{ name: 'postgresql', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      readiness: execProbe(['/bin/sh', '-c', 'pg_isready -U postgres -h 127.0.0.1 -p 5432'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['/bin/sh', '-c', 'pg_isready -U postgres -h 127.0.0.1 -p 5432'], { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })], terminationGracePeriodSeconds: 120 } }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 2 * DAYS + 20 },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 2 * DAYS + 12 },
    ],
  });
  const backupImage = acr('platform/pg-backup', '2.3.0');
  const backup = cronJob({
    namespace: ns,
    name: 'inventory-db-backup',
    schedule: '0 1 * * *',
    backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'backup', image: backupImage, args: ['--host', 'inventory-db-0.inventory-db-headless', '--dest', 'https://acmeprodbackups.blob.core.windows.net/pg/inventory-db'], cpu: '500m', memory: '1Gi' })] },
    lastSuccessfulAgo: 113,
    jobs: [2 * DAYS + 134, 1 * DAYS + 134, 134].map((c) => ({
      createdAgo: c,
      pods: [{ node: names[2] ?? '', phase: 'Succeeded' as const, createdAgo: c, containers: { backup: terminated({ exitCode: 0, finishedAgo: c - 21, ranSeconds: 21 * 60 - 15 }) } }],
      outcome: { complete: true as const, ago: c - 21 },
    })),
  });
  const lastJob = backup.jobs[2] as Built;
  const lastPod = podOf(lastJob, 0);
  const claims = [0, 1].flatMap((k) => zonalClaim({ namespace: ns, name: `data-inventory-db-${k}`, storage: '256Gi', zone: `westeurope-${k + 1}`, createdAgo: 45 * DAYS, driver: 'disk.csi.azure.com', storageClass: 'managed-csi-premium' }));
  const pgLog = (t: number) => `${at(t).replace('T', ' ').replace('Z', '')} UTC`;
  const db1 = podOf(db, 1);
  return {
    id: 'heldout17-healthy-statefulset-backup-completed',
    class: 'healthy',
    truth: 'inventory-db (Postgres, 2 pods) is healthy: both pods Running and Ready for two days, revision 4 unchanged for 45 days. Last night\'s inventory-db-backup Job completed at 01:00 in 21 minutes, like the two nights before. The Warning events are two days old, from the AKS node image upgrade that replaced the data pool: a Multi-Attach error while inventory-db-1\'s disk moved to the new node and readiness failures while Postgres recovered, all resolved within minutes. Nothing to do.',
    ask: { service: 'inventory-db' },
    objects: [
      ...nodes, ...db.objects, ...backup.objects, ...claims,
      ...exposed({ namespace: ns, name: 'inventory-db-headless', selector: { app: 'inventory-db' }, pods: db.pods, headless: true, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'inventory-db', selector: { app: 'inventory-db', 'apps.kubernetes.io/pod-index': '0' }, pods: db.pods, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      event({ on: db1, reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${volumeOf(ns, 'data-inventory-db-1')}" Volume is already exclusively attached to one node and can't be attached to another`, count: 3, firstAgo: 2 * DAYS + 12, lastAgo: 2 * DAYS + 9, component: 'attachdetach-controller' }),
      event({ on: db1, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-inventory-db-1')}" `, firstAgo: 2 * DAYS + 8, lastAgo: 2 * DAYS + 8, component: 'attachdetach-controller' }),
      probeFailed(db1, 'postgres', 'Readiness', '127.0.0.1:5432 - rejecting connections', { count: 5, firstAgo: 2 * DAYS + 7.5, lastAgo: 2 * DAYS + 6.8 }),
      ...names.map((n) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 2 * DAYS + 40 })),
      jobEvent(lastJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(lastPod)}`, 134),
      jobEvent(lastJob.objects[0], 'Completed', 'Job completed', 113),
      cronJobEvent(backup.objects[0], 'SuccessfulCreate', `Created job ${nameOf(lastJob.objects[0])}`, 134),
      cronJobEvent(backup.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(lastJob.objects[0])}, condition: Complete`, 113),
      ...startedNormally(lastPod, 'backup', backupImage, 134),
    ],
    logs: [
      logsFor(podOf(db, 0), 'postgres', { current: lines(`${pgLog(95)} [61] LOG:  checkpoint starting: time`, `${pgLog(93)} [61] LOG:  checkpoint complete: wrote 18231 buffers (3.5%); 0 WAL file(s) added, 0 removed, 9 recycled; write=134.912 s, sync=0.018 s, total=135.066 s`, `${pgLog(5)} [61] LOG:  checkpoint starting: time`) }),
      logsFor(db1, 'postgres', { current: lines(`${pgLog(2 * DAYS + 6.9)} [1] LOG:  database system is ready to accept read-only connections`, `${pgLog(2 * DAYS + 6.8)} [88] LOG:  started streaming WAL from primary at 4A/1E000000 on timeline 3`) }),
      logsFor(lastPod, 'backup', { current: lines(`${at(133.9)} INFO pg-backup 2.3.0: pg_basebackup from inventory-db-0.inventory-db-headless:5432`, `${at(113.2)} INFO uploaded base backup 88.4 GiB to pg/inventory-db/base/20261121T010000Z in 20m41s`, `${at(113.1)} INFO retention: kept 14 base backups, deleted 1 (20261106T010000Z)`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally/i],
      facts: [],
      never: [/Multi-Attach|FailedAttach/i, /crash ?loop/i, /\bOOM/, /backup (job )?(failed|is failing|has failed|did not complete)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  vpaEvictionChurn(),
  glibcMismatch(),
  workingDirMissing(),
  execLivenessTimesOut(),
  externalSecretStaleApiKey(),
  healthyHpaScaledUp(),
  healthyStatefulSetBackupDone(),
];
