// Held-out round 16, second part (see stories.ts for the round's summary) and the round's local
// helpers: GKE and AKS nodes, the bystander. A node whose disk went read-only, an HPA that cannot
// read utilization because the template lost its CPU request, a CronJob whose 10-second starting
// deadline the slow controller keeps missing, a distroless image without the curl its readiness
// probe execs, a NetworkPolicy that only lets the gateway namespace in, and the two healthy
// controls: a CronJob with one old failed run, a StatefulSet pod rescheduled by a node upgrade.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, batchContainer, container, containerId, cronJob, cronJobEvent, deploymentApp, event, execProbe,
  exposed, hpa, httpProbe, nameOf, namespace, networkPolicy, node, nodeEvent, probeFailed, pulledFresh, pv, pvc,
  pyTime, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, terminated, volumeOf, waiting,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- the round's helpers ----------------------------------------------------------------------

export const lines = (...l: string[]): string => l.join('\n') + '\n';
export const date = (minutes: number): Date => new Date(Date.parse(at(minutes)));
/** The Deployment object of a built app (the first object deploymentApp returns). */
export const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
export const bystander = (ns: string, name: string, names: readonly string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [22, 23], versions: ['3.4.1', '3.5.0'], olderAgo: 15 * DAYS });

/** A node-problem-detector condition (KernelDeadlock, ReadonlyFilesystem, …). */
export function npdCondition(type: string, problem: boolean, reason: string, message: string, since: number): k8s.V1NodeCondition {
  return { type, status: problem ? 'True' : 'False', reason, message, lastHeartbeatTime: date(0.4), lastTransitionTime: date(since) };
}

/** A GKE node (`gke-<cluster>-<pool>-<group>-<id>`), labelled and described the way GKE does. */
export function gkeNode(o: { name: string; zone: string; pool: string; machine?: string; createdAgo?: number; kubelet?: string }): k8s.V1Node {
  const machine = o.machine ?? 'e2-standard-4';
  const n = node({ name: o.name, zone: o.zone, instanceType: machine, createdAgo: o.createdAgo ?? 35 * DAYS });
  const labels = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  Object.assign(labels, {
    'cloud.google.com/gke-nodepool': o.pool,
    'cloud.google.com/gke-os-distribution': 'cos',
    'cloud.google.com/gke-boot-disk': 'pd-balanced',
    'cloud.google.com/machine-family': machine.split('-')[0] ?? 'e2',
    'topology.gke.io/zone': o.zone,
    'topology.kubernetes.io/region': o.zone.replace(/-[a-z]$/, ''),
  });
  const version = o.kubelet ?? 'v1.31.3-gke.1162000';
  if (n.metadata) n.metadata.labels = labels;
  if (n.spec) n.spec.providerID = `gce://acme-prod-eu/${o.zone}/${o.name}`;
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '6.6.56+', kubeProxyVersion: version, kubeletVersion: version, osImage: 'Container-Optimized OS from Google' });
  return n;
}

/** An AKS node of a VM scale set (`aks-<pool>-<id>-vmss00000a`), labelled the way AKS does. */
export function aksNode(o: { pool: string; vmss: string; index: number; zone: string; size?: string; createdAgo?: number }): k8s.V1Node {
  const name = `aks-${o.pool}-${o.vmss}-vmss${o.index.toString(36).padStart(6, '0')}`;
  const n = node({ name, zone: o.zone, instanceType: o.size ?? 'Standard_D4s_v5', createdAgo: o.createdAgo ?? 28 * DAYS });
  const labels = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  Object.assign(labels, {
    agentpool: o.pool,
    'kubernetes.azure.com/agentpool': o.pool,
    'kubernetes.azure.com/cluster': 'MC_rg-prod-weu_aks-prod-weu_westeurope',
    'kubernetes.azure.com/mode': 'user',
    'kubernetes.azure.com/os-sku': 'Ubuntu',
    'topology.kubernetes.io/region': 'westeurope',
  });
  if (n.metadata) n.metadata.labels = labels;
  if (n.spec) n.spec.providerID = `azure:///subscriptions/5f1c2a9e-8d47-4c1b-9a3e-2b7d6e0f4c81/resourceGroups/mc_rg-prod-weu_aks-prod-weu_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${o.pool}-${o.vmss}-vmss/virtualMachines/${o.index}`;
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { containerRuntimeVersion: 'containerd://1.7.23-1', kernelVersion: '5.15.0-1075-azure', kubeProxyVersion: 'v1.30.6', kubeletVersion: 'v1.30.6', osImage: 'Ubuntu 22.04.5 LTS' });
  return n;
}

// ---- 8. one node's container filesystem went read-only -----------------------------------------

function nodeReadOnlyFilesystem(): CorpusScenario {
  const ns = 'ads';
  const nodes = [0, 1, 2, 3].map((i) => aksNode({ pool: 'bidding', vmss: '19385027', index: i, zone: `westeurope-${(i % 3) + 1}`, size: 'Standard_F8s_v2' }));
  const names = nodes.map(nameOf);
  const bad = names[2] ?? '';
  const badNode = nodes[2];
  for (const n of nodes) {
    const broken = n === badNode;
    n.status?.conditions?.unshift(
      npdCondition('KernelDeadlock', false, 'KernelHasNoDeadlock', 'kernel has no deadlock', 20 * DAYS),
      broken
        ? npdCondition('ReadonlyFilesystem', true, 'FilesystemIsReadOnly', 'EXT4-fs (sda1): Remounting filesystem read-only', 27)
        : npdCondition('ReadonlyFilesystem', false, 'FilesystemIsNotReadOnly', 'Filesystem is not read-only', 20 * DAYS),
    );
  }
  const image = (v: string) => `acmeads.azurecr.io/ads/bid-router:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '2', memory: '2Gi', env: [{ name: 'GOMAXPROCS', value: '2' }] })] });
  const ro = 'failed to create containerd container: failed to create prepare snapshot dir: failed to create temp dir: mkdir /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/new-2719404381: read-only file system';
  const app = deploymentApp({
    namespace: ns,
    name: 'bid-router',
    replicas: 6,
    revisions: [
      { revision: 211, createdAgo: 7 * DAYS, changeCause: 'flux: bid-router 9.0.3', template: tpl('9.0.3') },
      { revision: 212, createdAgo: 22, changeCause: 'flux: bid-router 9.1.0', template: tpl('9.1.0') },
    ],
    pods: [
      { revision: 211, node: names[1] ?? '', createdAgo: 7 * DAYS },
      ...[0, 1, 3, 0].map((k, i) => ({ revision: 212, node: names[k] ?? '', createdAgo: 21.5 - i * 0.8 })),
      { revision: 212, node: bad, createdAgo: 21.5, containers: { app: waiting('CreateContainerError', ro) } },
      { revision: 212, node: bad, createdAgo: 19.1, containers: { app: waiting('CreateContainerError', ro) } },
    ],
  });
  const stuck = app.pods.slice(5);
  const pacer = deploymentApp({
    namespace: ns,
    name: 'budget-pacer',
    replicas: 2,
    revisions: [{ revision: 31, createdAgo: 9 * DAYS, changeCause: 'flux: budget-pacer 2.2.0', template: { containers: [container({ image: 'acmeads.azurecr.io/ads/budget-pacer:2.2.0', ports: [9090] })] } }],
    pods: [{ revision: 31, node: bad, createdAgo: 9 * DAYS }, { revision: 31, node: names[0] ?? '', createdAgo: 9 * DAYS }],
  });
  const zap = (t: number, p: k8s.V1Pod) => JSON.stringify({ level: 'info', ts: at(t), caller: 'auction/router.go:214', msg: 'auction', pod: nameOf(p), exchange: 'openrtb-x', bids: 3, latency_ms: 11 });
  return {
    id: 'heldout16-node-readonly-filesystem-create-container-error',
    class: 'nodes',
    truth: `Node ${bad}'s OS disk failed 27 minutes ago: the kernel logged I/O errors, aborted the ext4 journal and remounted /dev/sda1 read-only (node-problem-detector: ReadonlyFilesystem=True, FilesystemIsReadOnly). The kubelet still posts Ready and containers already running there keep running, but containerd cannot create anything new: the two revision-212 pods the rollout of bid-router 9.1.0 placed on that node stay in CreateContainerError ("failed to create containerd container: … read-only file system"). The four revision-212 pods on the other nodes run fine, so the release is not at fault; bid-router serves 5/6 (one revision-211 pod kept) and the rollout cannot finish. Fix: cordon and drain ${bad}, delete its stuck pods, and replace (reimage) the instance.`,
    ask: { service: 'bid-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pacer.objects,
      ...exposed({ namespace: ns, name: 'bid-router', selector: { app: 'bid-router' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 212), 2, 0, 22),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 211), 4, 6, 21.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 212), 6, 4, 19.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 211), 1, 4, 18.1),
      nodeEvent(bad, 'IOError', 'kernel: blk_update_request: I/O error, dev sda, sector 83099648 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0', { type: 'Warning', count: 6, firstAgo: 27.6, lastAgo: 27.2, component: 'kernel-monitor' }),
      nodeEvent(bad, 'Ext4Error', 'kernel: EXT4-fs error (device sda1): ext4_journal_check_start:83: comm containerd: Detected aborted journal', { type: 'Warning', firstAgo: 27.1, component: 'kernel-monitor' }),
      nodeEvent(bad, 'FilesystemIsReadOnly', 'Node condition ReadonlyFilesystem is now: True, reason: FilesystemIsReadOnly, message: "EXT4-fs (sda1): Remounting filesystem read-only"', { type: 'Warning', firstAgo: 27, component: 'kernel-monitor' }),
      ...app.pods.slice(1, 5).flatMap((p, i) => pulledFresh(p, 'app', image('9.1.0'), { atAgo: 21.5 - i * 0.8, bytes: 41877310, seconds: 2.1 })),
      ...stuck.flatMap((p, k) => [
        scheduled(p, k === 0 ? 21.5 : 19.1),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('9.1.0')}"`, firstAgo: k === 0 ? 21.4 : 19, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('9.1.0')}" in 1.874s (1.874s including waiting). Image size: 41877310 bytes.`, firstAgo: k === 0 ? 21.3 : 18.9, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('9.1.0')}" already present on machine`, count: 96 - 11 * k, firstAgo: k === 0 ? 21.1 : 18.7, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: `Error: ${ro}`, count: 97 - 11 * k, firstAgo: k === 0 ? 21.3 : 18.9, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: [
      ...app.pods.slice(0, 5).map((p) => logsFor(p, 'app', { current: lines(zap(2, p), zap(0.4, p)) })),
      ...pacer.pods.map((p) => logsFor(p, 'app', { current: lines(JSON.stringify({ level: 'info', ts: at(1), msg: 'pacing tick', campaigns: 412, throttled: 17 })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit(bad), /read-?only/i],
      facts: [/CreateContainerError/, /cordon|drain|replace|reimage/i, /2\/6|2 of (the )?6|\b2 (new )?pods|two (new )?pods|two of (the )?six/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ImagePull/, /DiskPressure|disk (is )?full|out of disk|low on (disk|ephemeral)/i],
    },
  };
}

// ---- 9. no CPU request in the template: the HPA cannot compute utilization ------------------------

function hpaMissingCpuRequest(): CorpusScenario {
  const ns = 'recs';
  const { nodes, names } = threeEksNodes('10.0.57');
  const image = `${ECR}/recs/reco-api:4.2.0`;
  const tpl = (cpu: boolean) => {
    const c = container({
      image, ports: [8000], cpu: '1', memory: '1Gi',
      command: ['gunicorn'], args: ['reco.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--timeout', '30'],
      readiness: httpProbe('/healthz', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
    });
    if (!cpu) c.resources = { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } };
    return { containers: [c] };
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'reco-api',
    replicas: 2,
    revisions: [
      { revision: 47, createdAgo: 12 * DAYS, changeCause: 'helm: reco-api chart 2.9.1', template: tpl(true) },
      { revision: 48, createdAgo: 6 * DAYS, changeCause: 'helm: reco-api chart 3.0.0 (resources moved to .Values.app.resources)', template: tpl(false) },
    ],
    pods: [
      { revision: 48, node: names[0] ?? '', createdAgo: 6 * DAYS - 1, containers: { app: running({ sinceAgo: 6 * DAYS - 1.5, ready: false }) } },
      { revision: 48, node: names[2] ?? '', createdAgo: 6 * DAYS - 2 },
    ],
    settled: { available: false, availableSince: 2.5, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS },
  });
  const [p0, p1] = [podOf(app, 0), podOf(app, 1)];
  const why = `missing request for cpu in container app of Pod ${nameOf(p0)}`;
  const autoscaler = hpa({
    namespace: ns, name: 'reco-api', target: { kind: 'Deployment', name: 'reco-api' }, min: 2, max: 12, current: 2, desired: 2, metricsUnavailable: true, lastScaleAgo: 6 * DAYS + 3 * HOURS, cpu: { current: 0, target: 60 },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: date(40 * DAYS) },
      { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: failed to get cpu utilization: ${why}`, lastTransitionTime: date(6 * DAYS) },
    ],
  });
  const store = deploymentApp({
    namespace: ns,
    name: 'feature-store',
    replicas: 3,
    revisions: [{ revision: 15, createdAgo: 20 * DAYS, changeCause: 'helm: feature-store chart 1.8.0', template: { containers: [container({ image: `${ECR}/recs/feature-store:1.8.0`, ports: [8080], cpu: '500m', memory: '2Gi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: (k + 1) * HOURS })),
  });
  const storeHpa = hpa({ namespace: ns, name: 'feature-store', target: { kind: 'Deployment', name: 'feature-store' }, min: 2, max: 8, current: 3, desired: 3, cpu: { current: 58, target: 70, averageValue: '291m' }, lastScaleAgo: 1 * HOURS });
  const feed = deploymentApp({
    namespace: ns,
    name: 'home-feed',
    replicas: 2,
    revisions: [{ revision: 63, createdAgo: 3 * DAYS, changeCause: 'helm: home-feed chart 5.1.4', template: { containers: [container({ image: `${ECR}/recs/home-feed:5.1.4`, ports: [8080] })] } }],
    pods: [{ revision: 63, node: names[1] ?? '', createdAgo: 3 * DAYS }, { revision: 63, node: names[2] ?? '', createdAgo: 3 * DAYS }],
  });
  const gTime = (t: number) => `[${at(t).slice(0, 19).replace('T', ' ')} +0000]`;
  const gunicorn = (pid: number, t: number) => [
    `${gTime(t)} [1] [CRITICAL] WORKER TIMEOUT (pid:${pid})`,
    `${gTime(t)} [${pid}] [INFO] Worker exiting (pid: ${pid})`,
    `${gTime(t - 0.02)} [1] [ERROR] Worker (pid:${pid}) exited with code 1`,
    `${gTime(t - 0.03)} [${pid + 131}] [INFO] Booting worker with pid: ${pid + 131}`,
  ];
  const recoLog = (p: k8s.V1Pod, base: number) => lines(
    `${pyTime(9)} WARNING reco.views: slow request GET /v1/recommendations/home took 24180ms (${nameOf(p)})`,
    ...gunicorn(base, 6.5),
    `${pyTime(4.2)} WARNING reco.views: slow request GET /v1/recommendations/pdp took 28833ms (${nameOf(p)})`,
    ...gunicorn(base + 17, 2.1),
    ...gunicorn(base + 40, 0.7),
  );
  const feedLog = lines(
    JSON.stringify({ level: 'warn', ts: at(3), msg: 'reco-api call failed, serving fallback', error: 'Get "http://reco-api.recs.svc.cluster.local/v1/recommendations/home?user=8812731": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' }),
    JSON.stringify({ level: 'warn', ts: at(1), msg: 'reco-api call failed, serving fallback', error: 'Get "http://reco-api.recs.svc.cluster.local/v1/recommendations/home?user=1209934": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' }),
  );
  return {
    id: 'heldout16-hpa-missing-cpu-request-stuck-at-min',
    class: 'capacity',
    truth: `Revision 48 (reco-api chart 3.0.0, six days ago) moved the resources under .Values.app.resources and the values file only set memory, so the app container lost its CPU request. The HPA targets 60% CPU utilization, which is measured against the request: since then it fails with FailedGetResourceMetric ("${why}"), ScalingActive=False, and it has not scaled; reco-api sits at minReplicas 2 (max 12). Tonight's traffic peak saturates the two pods: gunicorn workers hit the 30-second timeout (WORKER TIMEOUT), readiness probes time out, callers such as home-feed time out and serve fallbacks. Metrics-server works (feature-store's HPA reads 58%). Fix: put the CPU request back (e.g. 1 as in revision 47), then the HPA scales out; meanwhile scale reco-api by hand.`,
    ask: { service: 'reco-api' },
    objects: [
      ...nodes, ...app.objects, autoscaler, ...store.objects, storeHpa, ...feed.objects,
      ...exposed({ namespace: ns, name: 'reco-api', selector: { app: 'reco-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'feature-store', selector: { app: 'feature-store' }, pods: store.pods }),
      event({ on: autoscaler, reason: 'FailedGetResourceMetric', message: `failed to get cpu utilization: ${why}`, count: 34540, firstAgo: 6 * DAYS, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: autoscaler, reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: ${why}`, count: 34540, firstAgo: 6 * DAYS, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      probeFailed(p0, 'app', 'Readiness', `Get "http://${ipOfPod(p0)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 61, firstAgo: 38, lastAgo: 0.3 }),
      probeFailed(p1, 'app', 'Readiness', `Get "http://${ipOfPod(p1)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 44, firstAgo: 36, lastAgo: 1.4 }),
    ],
    logs: [
      logsFor(p0, 'app', { current: recoLog(p0, 2281) }),
      logsFor(p1, 'app', { current: recoLog(p1, 3307) }),
      ...feed.pods.map((p) => logsFor(p, 'app', { current: feedLog })),
      ...store.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(1)} INFO  feature lookup batch=64 p99=8ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HPA|HorizontalPodAutoscaler|autoscal/i, /cpu request|requests? for cpu|requests?\.cpu|cpu requests?/i],
      facts: [/FailedGetResourceMetric|missing request for cpu/, /minReplicas|min(imum)?( replicas)?:? ?(of )?2\b|2\/12|at 2 replicas|2 replicas/i, /WORKER TIMEOUT|timed? ?out/i, /revision 48|chart 3\.0\.0/],
      never: [/\bOOM/, /metrics[- ]server[^\n]*(down|unavailable|missing|not (running|installed))/i, /crash ?loop/i, /(reached|at) (its )?(maxReplicas|max(imum)? (of )?replicas)/i],
    },
  };
}

// ---- 10. a CronJob's 10-second starting deadline, missed by a slow controller --------------------

function cronJobStartingDeadlineMissed(): CorpusScenario {
  const ns = 'finance-reports';
  const nodes = ['9k2w', 'cx4f', 'm7tq'].map((id, i) => gkeNode({ name: `gke-prod-ew1-batch-pool-2e8b41d6-${id}`, zone: `europe-west1-${['b', 'c', 'd'][i] ?? 'b'}`, pool: 'batch-pool', machine: 'n2-standard-8', kubelet: 'v1.30.6-gke.1125000' }));
  const names = nodes.map(nameOf);
  const image = 'europe-west1-docker.pkg.dev/acme-prod/finance/revenue-rollup:2.6.3';
  const tpl = { containers: [batchContainer({ name: 'rollup', image, cpu: '1', memory: '2Gi', args: ['--spring.batch.job.name=hourlyRevenueRollup'] })] };
  // 21:40, 22:40 and 23:40 yesterday, created a couple of seconds late; nothing since.
  const runs = [334, 274, 214].map((m, i) => ({
    createdAgo: m - 0.04,
    pods: [{ node: names[i] ?? '', phase: 'Succeeded' as const, createdAgo: m - 0.04, containers: { rollup: terminated({ exitCode: 0, finishedAgo: m - 3.8, ranSeconds: 220 }) } }],
    outcome: { complete: true as const, ago: m - 3.7 },
  }));
  const cron = cronJob({ namespace: ns, name: 'revenue-rollup', schedule: '40 * * * *', template: tpl, lastSuccessfulAgo: 214 - 3.7, jobs: runs });
  const spec = (cron.objects[0] as k8s.V1CronJob).spec;
  if (spec) spec.startingDeadlineSeconds = 10;
  // A CronJob of the same namespace without a starting deadline: its runs are created 36-41 s late.
  const snap = cronJob({
    namespace: ns, name: 'fx-snapshot', schedule: '*/15 * * * *',
    template: { containers: [batchContainer({ name: 'snapshot', image: 'europe-west1-docker.pkg.dev/acme-prod/finance/fx-snapshot:1.3.0', cpu: '100m', memory: '256Mi' })] },
    lastSuccessfulAgo: 12.9,
    jobs: [44 - 0.68, 29 - 0.6, 14 - 0.63].map((m, i) => ({ createdAgo: m, pods: [{ node: names[i] ?? '', phase: 'Succeeded' as const, createdAgo: m, containers: { snapshot: terminated({ exitCode: 0, finishedAgo: m - 0.5, ranSeconds: 25 }) } }], outcome: { complete: true as const, ago: m - 0.5 } })),
  });
  const lastJob = cron.jobs[2] as Built;
  const sb = (t: number, level: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [revenue-rollup] [           main] ${logger.padEnd(40)} : ${msg}`;
  const rollupLog = lines(
    sb(213.9, 'INFO', 'c.a.finance.RollupApplication', 'Starting RollupApplication v2.6.3 using Java 21.0.5 with PID 1'),
    sb(213.6, 'INFO', 'o.s.b.c.l.s.TaskExecutorJobLauncher', 'Job: [SimpleJob: [name=hourlyRevenueRollup]] launched with the following parameters: [{\'window\':\'{value=2026-11-20T22:00Z/23:00Z, type=class java.lang.String}\'}]'),
    sb(211.2, 'INFO', 'o.s.batch.core.step.AbstractStep', 'Step: [rollupByMarket] executed in 2m24s310ms'),
    sb(210.4, 'INFO', 'o.s.b.c.l.s.TaskExecutorJobLauncher', 'Job: [SimpleJob: [name=hourlyRevenueRollup]] completed with the following parameters: [...] and the following status: [COMPLETED] in 3m12s88ms'),
  );
  return {
    id: 'heldout16-cronjob-starting-deadline-missed',
    class: 'jobs',
    truth: 'The revenue-rollup CronJob (schedule "40 * * * *") has startingDeadlineSeconds: 10: a run that cannot be started within 10 seconds of its scheduled time is skipped. Since last night\'s control-plane upgrade the kube-controller-manager processes CronJobs 35-40 seconds late (fx-snapshot\'s runs, which have no deadline, are created that late), so every hourly run since 00:40 has been skipped: MissSchedule "Missed scheduled time to start a job: Sat, 21 Nov 2026 02:40:00 +0000", lastScheduleTime still 23:40 yesterday, no job for three and a half hours, and the hourly revenue report has not been produced since. The job itself is fine (its last runs completed); it is not suspended and no run is still active. Fix: raise startingDeadlineSeconds (e.g. 300) or remove it, trigger the missed windows by hand (kubectl create job --from=cronjob/revenue-rollup), and look into the controller-manager\'s lag.',
    ask: { service: 'revenue-rollup', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...snap.objects,
      cronJobEvent(cron.objects[0], 'MissSchedule', 'Missed scheduled time to start a job: Sat, 21 Nov 2026 02:40:00 +0000', 33.2, 'Warning'),
      cronJobEvent(snap.objects[0], 'SuccessfulCreate', `Created job ${nameOf(snap.jobs[2]?.objects[0])}`, 13.37),
      cronJobEvent(snap.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(snap.jobs[2]?.objects[0])}, condition: Complete`, 12.9),
      cronJobEvent(snap.objects[0], 'SuccessfulDelete', `Deleted job fx-snapshot-${Math.floor(date(59).getTime() / 60_000)}`, 12.9),
    ],
    logs: [logsFor(podOf(lastJob, 0), 'rollup', { current: rollupLog })],
    expect: {
      verdict: 'problems',
      headline: [/startingDeadlineSeconds|starting deadline/i, /miss(ed|es)?|skip(ped|s)?/i],
      facts: [/MissSchedule|Missed scheduled time/, /startingDeadlineSeconds:? ?(is |of |=)?10\b|\b10 ?s(ec(ond)?s?)?\b/i, /23:40|3(\.5)? ?h|three (and a half )?hours|lastScheduleTime|last schedul/i],
      never: [/\bis suspended|suspend(ed)?: true/i, /(blocked|skipped) by (the )?(concurrencyPolicy|Forbid)|previous (run|job) (is )?still running/i, /BackoffLimitExceeded|backoff limit/i, /\bOOM/],
    },
  };
}

// ---- 11. a distroless image without the curl its readiness probe execs ------------------------------

function distrolessProbeCurlMissing(): CorpusScenario {
  const ns = 'identity';
  const nodes = ['4jxq', 'b8nm', 'tv6r'].map((id, i) => gkeNode({ name: `gke-prod-ew1-default-pool-7d2c9e41-${id}`, zone: `europe-west1-${['b', 'c', 'd'][i] ?? 'b'}`, pool: 'default-pool' }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod/identity/token-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
    readiness: execProbe(['curl', '-fsS', 'http://localhost:8080/readyz'], { timeoutSeconds: 2 }),
    liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'token-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 140, createdAgo: 10 * DAYS, changeCause: 'argocd: token-service 3.8.2', template: tpl('3.8.2') },
      { revision: 141, createdAgo: 19, changeCause: 'argocd: token-service 3.9.0 (base image gcr.io/distroless/static-debian12:nonroot)', template: tpl('3.9.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 140, node: names[k] ?? '', createdAgo: 10 * DAYS - k })),
      { revision: 141, node: names[1] ?? '', createdAgo: 18.9, containers: { app: running({ sinceAgo: 18.7, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const execId = containerId('exec/token-service').replace('containerd://', '');
  const errored = `Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown`;
  const gateway = deploymentApp({ namespace: ns, name: 'oidc-gateway', replicas: 2, revisions: [{ revision: 57, createdAgo: 16 * DAYS, changeCause: 'argocd: oidc-gateway 1.21.0', template: { containers: [container({ image: image('1.21.0').replace('token-service', 'oidc-gateway'), ports: [8080] })] } }], pods: [{ revision: 57, node: names[0] ?? '', createdAgo: 16 * DAYS }, { revision: 57, node: names[2] ?? '', createdAgo: 16 * DAYS }] });
  const slog = (t: number, msg: string, extra = '') => `time=${at(t)} level=INFO msg=${msg.includes(' ') ? JSON.stringify(msg) : msg}${extra}`;
  return {
    id: 'heldout16-distroless-readiness-probe-curl-missing',
    class: 'probes',
    truth: 'token-service 3.9.0 (revision 141, 19 minutes ago) moved to the distroless static base image, which has no shell and no curl. The readiness probe is an exec probe that runs `curl -fsS http://localhost:8080/readyz`, so it errors on every period ("exec: \\"curl\\": executable file not found in $PATH"): the app itself is up (the httpGet liveness probe on /livez passes, the log shows it serving) but the new pod never becomes Ready. With maxUnavailable 0 the three revision-140 pods keep serving and the rollout is stuck (ProgressDeadlineExceeded). Fix: change the readiness probe to httpGet /readyz (or ship a probe binary in the image), or roll back to revision 140 until then.',
    ask: { service: 'token-service' },
    objects: [
      ...nodes, ...app.objects, ...gateway.objects,
      ...exposed({ namespace: ns, name: 'token-service', selector: { app: 'token-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 141), 1, 0, 19),
      ...pulledFresh(fresh, 'app', image('3.9.0'), { atAgo: 18.9, bytes: 9412833, seconds: 0.9 }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 18.75, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 18.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, reason: 'Unhealthy', message: errored, count: 112, firstAgo: 18.6, lastAgo: 0.1, fieldPath: 'spec.containers{app}' }),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'command timed out: "curl -fsS http://localhost:8080/readyz" timed out after 2s', { count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(
        slog(18.68, 'token-service starting', ' version=3.9.0 addr=:8080'),
        slog(18.66, 'jwks loaded', ' kid=2026-11 keys=3'),
        slog(18.6, 'request', ' method=GET path=/livez status=200 dur=84µs ua=kube-probe/1.31'),
        slog(0.2, 'request', ' method=GET path=/livez status=200 dur=71µs ua=kube-probe/1.31'),
      ) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(slog(1, 'token issued', ` client=checkout-web grant=client_credentials dur=3.1ms pod=${nameOf(p)}`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/curl/, /readiness|probe/i],
      facts: [/executable file not found/, /distroless|revision 141|3\.9\.0/i, /ProgressDeadlineExceeded|stuck|3\/3|revision 140|old pods/i],
      never: [/\bOOM/, /crash ?loop/i, /liveness probe fail/i, /connection refused|not listening/i],
    },
  };
}

// ---- 12. a NetworkPolicy that only lets the gateway namespace in ---------------------------------------

function networkPolicyGatewayOnly(): CorpusScenario {
  const ns = 'fx';
  const { nodes, names } = threeEksNodes('10.0.71');
  const image = (v: string) => `${ECR}/fx/fx-rates:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], memory: '384Mi', command: ['uvicorn'], args: ['fx_rates.main:app', '--host', '0.0.0.0', '--port', '8000', '--log-config', '/app/logging.yaml'], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: fx-rates 2.3.0', template: tpl('2.3.0') },
      { revision: 19, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: fx-rates 2.4.0', template: tpl('2.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
  });
  const ingestor = deploymentApp({ namespace: ns, name: 'fx-ingestor', replicas: 1, revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ image: image('1.1.2').replace('fx-rates', 'fx-ingestor'), ports: [9090] })] } }], pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 30 * DAYS }] });
  const policy = networkPolicy({
    namespace: ns, name: 'allow-ingress-from-gateway', createdAgo: 41, podSelector: {}, policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateway' } } }], ports: [{ protocol: 'TCP', port: 8000 }] }],
  });
  const scrape = networkPolicy({
    namespace: ns, name: 'allow-prometheus-scrape', createdAgo: 90 * DAYS, podSelector: { app: 'fx-ingestor' }, policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }],
  });
  const checkout = deploymentApp({ namespace: 'payments', name: 'checkout-api', replicas: 2, revisions: [{ revision: 230, createdAgo: 2 * DAYS, changeCause: 'argocd: checkout-api 12.7.1', template: { containers: [container({ image: `${ECR}/payments/checkout-api:12.7.1`, ports: [8080] })] } }], pods: [{ revision: 230, node: names[0] ?? '', createdAgo: 2 * DAYS }, { revision: 230, node: names[2] ?? '', createdAgo: 2 * DAYS }] });
  const settlement = deploymentApp({ namespace: 'payments', name: 'settlement-worker', replicas: 1, revisions: [{ revision: 41, createdAgo: 5 * DAYS, changeCause: 'argocd: settlement-worker 4.0.2', template: { containers: [container({ image: `${ECR}/payments/settlement-worker:4.0.2`, ports: [8080] })] } }], pods: [{ revision: 41, node: names[1] ?? '', createdAgo: 5 * DAYS }] });
  const gw = deploymentApp({ namespace: 'gateway', name: 'public-gateway', replicas: 2, revisions: [{ revision: 88, createdAgo: 4 * DAYS, template: { containers: [container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.32.2', ports: [8080] })] } }], pods: [{ revision: 88, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 88, node: names[1] ?? '', createdAgo: 4 * DAYS }] });
  const svc = exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: app.pods, endpointPort: 8000, clusterIP: '172.20.88.14' });
  const callers = [...checkout.pods, ...settlement.pods];
  const access = (t: number, i: number) => `${pyTime(t)} INFO uvicorn.access: ${ipOfPod(callers[i % callers.length])}:${40000 + i * 37} - "GET /v1/rates?base=${['EUR', 'USD', 'GBP'][i % 3] ?? 'EUR'} HTTP/1.1" 200\n`;
  const refresh = (t: number) => `${pyTime(t)} INFO fx_rates.refresh: refreshed 168 currency pairs from ecb+refinitiv in 4${Math.round(t) % 10}2ms\n`;
  const fxLog = (k: number) => [...Array.from({ length: 6 }, (_, i) => access(47 - i * 1.1 - k * 0.2, i + k)), ...[40, 30, 20, 10, 1].map(refresh)].join('');
  const goErr = (t: number, base: string) => JSON.stringify({ level: 'error', ts: at(t), caller: 'fx/client.go:88', msg: 'fx rate lookup failed', base, error: `Get "http://fx-rates.fx.svc.cluster.local/v1/rates?base=${base}": dial tcp 172.20.88.14:80: i/o timeout (Client.Timeout exceeded while awaiting headers)` });
  return {
    id: 'heldout16-networkpolicy-gateway-only-blocks-callers',
    class: 'network',
    truth: 'Forty-one minutes ago the platform team applied the NetworkPolicy allow-ingress-from-gateway to namespace fx (part of a default-deny rollout): its empty podSelector selects every pod, fx-rates included, and it allows ingress only from namespace gateway on 8000. fx-rates is not called through the gateway; its callers are checkout-api and settlement-worker in namespace payments, whose connections are now dropped: they log connect timeouts to fx-rates.fx.svc.cluster.local since then, and fx-rates\' own logs show no request after 02:32, only its rate refreshes. The pods are Running and Ready (kubelet probes are allowed), the revision-19 rollout two hours earlier served fine for 80 minutes, DNS and the Service endpoints are fine. Fix: add an ingress rule for namespace payments (or revert the policy).',
    ask: { service: 'fx-rates' },
    objects: [
      ...nodes,
      namespace({ name: 'fx', createdAgo: 400 * DAYS }), namespace({ name: 'payments', createdAgo: 500 * DAYS }), namespace({ name: 'gateway', createdAgo: 500 * DAYS }),
      ...app.objects, ...ingestor.objects, policy, scrape, ...svc,
      ...checkout.objects, ...settlement.objects, ...gw.objects,
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 0, 2 * HOURS + 10),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: fxLog(k) })),
      ...checkout.pods.map((p) => logsFor(p, 'app', { current: lines(goErr(39, 'USD'), goErr(12, 'EUR'), goErr(0.6, 'GBP')) })),
      logsFor(settlement.pods[0], 'app', { current: lines(
        `${at(38)} ERROR 1 --- [settlement] [pool-3-thread-2] c.a.settlement.fx.FxClient               : FX lookup failed for batch 88213: java.net.http.HttpConnectTimeoutException: HTTP connect timed out`,
        `${at(8)} ERROR 1 --- [settlement] [pool-3-thread-1] c.a.settlement.fx.FxClient               : FX lookup failed for batch 88240: java.net.http.HttpConnectTimeoutException: HTTP connect timed out`,
        `${at(8)}  WARN 1 --- [settlement] [pool-3-thread-1] c.a.settlement.SettlementJob             : batch 88240 parked: fx rates unavailable (retry in 10m)`,
      ) }),
      ...gw.pods.map((p) => logsFor(p, 'envoy', { current: lines(`[${at(1)}] "GET /api/catalog/home HTTP/1.1" 200 - 0 18233 41 40 "-" "Mozilla/5.0" "c1f2" "storefront.web.svc.cluster.local" "10.0.215.77:8080"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/allow-ingress-from-gateway/],
      facts: [/NetworkPolic(y|ies)/i, /namespaceSelector|kubernetes\.io\/metadata\.name|namespace "?gateway"?|gateway namespace/i, /payments|checkout-api|settlement-worker/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /coredns|dns[^\n]*(fail|broken|timeout)/i, /readiness probe fail|not ready/i],
    },
  };
}

// ---- 13. healthy: a CronJob whose run two days ago failed, and every run since succeeded -----------------

function healthyCronJobOldFailure(): CorpusScenario {
  const ns = 'receivables';
  const nodes = [0, 1, 2].map((i) => aksNode({ pool: 'jobs', vmss: '40219377', index: i + 5, zone: `westeurope-${i + 1}` }));
  const names = nodes.map(nameOf);
  const image = 'acmefin.azurecr.io/receivables/invoicing:12.4.1';
  const tpl = { containers: [batchContainer({ name: 'reminders', image, command: ['bundle', 'exec', 'rake', 'reminders:send'], cpu: '500m', memory: '768Mi', env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'SMTP_HOST', value: 'smtp.sendgrid.net' }] })] };
  // Nightly at 01:00: 18, 19 (failed), 20 and 21 November.
  const day = (d: number) => 134 + d * DAYS;
  const ok = (m: number, i: number) => ({ createdAgo: m, pods: [{ node: names[i % 3] ?? '', phase: 'Succeeded' as const, createdAgo: m, containers: { reminders: terminated({ exitCode: 0, finishedAgo: m - 5.4, ranSeconds: 312 }) } }], outcome: { complete: true as const, ago: m - 5.3 } });
  const failedPods = [0, 1.4, 4.1].map((d, i) => ({ node: names[i] ?? '', phase: 'Failed' as const, createdAgo: day(2) - d, containers: { reminders: terminated({ exitCode: 1, finishedAgo: day(2) - d - 0.9, ranSeconds: 50 }) } }));
  const cron = cronJob({
    namespace: ns, name: 'invoice-reminders', schedule: '0 1 * * *', backoffLimit: 2, template: tpl, lastSuccessfulAgo: 134 - 5.3,
    jobs: [ok(day(3), 0), { createdAgo: day(2), pods: failedPods, outcome: { failed: 'BackoffLimitExceeded', ago: day(2) - 5.1 } }, ok(day(1), 1), ok(day(0), 2)],
  });
  const failedJob = cron.jobs[1] as Built;
  const api = deploymentApp({ namespace: ns, name: 'invoicing-api', replicas: 2, revisions: [{ revision: 102, createdAgo: 6 * DAYS, changeCause: 'flux: invoicing 12.4.1', template: { containers: [container({ image, ports: [3000], command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'] })] } }], pods: [{ revision: 102, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 102, node: names[1] ?? '', createdAgo: 6 * DAYS }] });
  const rb = (t: number, sev: 'I' | 'E' | 'W', msg: string) => `${sev}, [${at(t).replace('Z', '')}412 #1] ${{ I: ' INFO', E: 'ERROR', W: ' WARN' }[sev]} -- : ${msg}`;
  const failedLog = (t: number) => lines(
    rb(t, 'I', 'reminders:send starting: 1843 invoices due within 7 days'),
    rb(t - 0.85, 'E', 'Net::OpenTimeout: execution expired (smtp.sendgrid.net:587)'),
    "/usr/local/lib/ruby/3.3.0/net/smtp.rb:663:in 'Net::SMTP#tcp_socket': execution expired (Net::OpenTimeout)",
    "\tfrom /usr/local/lib/ruby/3.3.0/net/smtp.rb:638:in 'Net::SMTP#do_start'",
    "\tfrom /app/lib/tasks/reminders.rake:22:in 'block (2 levels) in <main>'",
  );
  return {
    id: 'heldout16-healthy-cronjob-old-failed-run',
    class: 'healthy',
    truth: 'invoice-reminders is healthy. Its run two nights ago (19 November, 01:00) failed: SendGrid\'s SMTP endpoint timed out (Net::OpenTimeout) during their incident, the three attempts exited 1 and the Job hit its backoff limit; that failed Job is still kept (failedJobsHistoryLimit 1). The runs of 20 and 21 November completed normally, the last one two hours ago (lastSuccessfulTime), and the reminders the failed night missed went out with the next run. Nothing to do.',
    ask: { service: 'invoice-reminders', namespace: ns },
    objects: [...nodes, ...cron.objects, ...api.objects, ...exposed({ namespace: ns, name: 'invoicing-api', selector: { app: 'invoicing-api' }, pods: api.pods, endpointPort: 3000 })],
    logs: [
      ...failedJob.pods.map((p, i) => logsFor(p, 'reminders', { current: failedLog(day(2) - ([0, 1.4, 4.1][i] ?? 0) - 0.05) })),
      ...[cron.jobs[2], cron.jobs[3]].map((j, i) => logsFor(podOf(j as Built, 0), 'reminders', { current: lines(rb(day(1 - i) - 0.05, 'I', 'reminders:send starting: 1902 invoices due within 7 days'), rb(day(1 - i) - 5.4, 'I', `reminders:send done: sent=${1911 - 9 * i} skipped=12 failed=0 in 312.4s`)) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|succeeded|completed/i],
      facts: [],
      never: [/\bOOM/, /(is|are|keeps?) failing|still failing|fails every/i, /re-?run (the )?(job|cronjob)|retry the job/i, /crash ?loop/i],
    },
  };
}

// ---- 14. healthy: a StatefulSet pod rescheduled by a node upgrade an hour ago ------------------------------

function healthyStatefulSetAfterNodeUpgrade(): CorpusScenario {
  const ns = 'messaging';
  const pool = 'pool-msg';
  const upgraded = (id: string, zone: string, created: number) => gkeNode({ name: `gke-prod-ew1-${pool}-4a7c2e19-${id}`, zone, pool, machine: 'n2-standard-4', createdAgo: created });
  const n0 = upgraded('x2lp', 'europe-west1-b', 2 * HOURS + 20);
  const n2 = upgraded('h6rd', 'europe-west1-d', 95);
  const n1 = upgraded('wq7n', 'europe-west1-c', 58);
  const oldNode = `gke-prod-ew1-${pool}-4a7c2e19-2bfk`;
  const image = 'docker.io/library/rabbitmq:3.13.7-management';
  const tpl = { containers: [container({
    name: 'rabbitmq', image, cpu: '1', memory: '2Gi',
    ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 25672 }],
    readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { timeoutSeconds: 10, periodSeconds: 15 }),
    liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { initialDelaySeconds: 120, timeoutSeconds: 15, periodSeconds: 30 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }],
  })], terminationGracePeriodSeconds: 600 };
  const app = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'premium-rwo' }],
    revisions: [{ revision: 4, createdAgo: 45 * DAYS, template: tpl }],
    pods: [
      { revision: 4, ordinal: 0, node: nameOf(n0), createdAgo: 2 * HOURS + 12 },
      { revision: 4, ordinal: 1, node: nameOf(n1), createdAgo: 52 },
      { revision: 4, ordinal: 2, node: nameOf(n2), createdAgo: 88 },
    ],
  });
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const claims = [0, 1, 2].flatMap((i) => {
    const claim = `data-rabbitmq-${i}`;
    const volumeName = volumeOf(ns, claim);
    return [
      pvc({ namespace: ns, name: claim, storage: '50Gi', storageClass: 'premium-rwo', phase: 'Bound', volumeName, createdAgo: 45 * DAYS, annotations: { 'volume.kubernetes.io/storage-provisioner': 'pd.csi.storage.gke.io' } }),
      pv({ name: volumeName, storage: '50Gi', zone: zones[i] ?? 'europe-west1-b', claim: { namespace: ns, name: claim }, storageClass: 'premium-rwo', createdAgo: 45 * DAYS, csi: { driver: 'pd.csi.storage.gke.io', volumeHandle: `projects/acme-prod-eu/zones/${zones[i] ?? ''}/disks/${volumeName}` } }),
    ];
  });
  const moved = podOf(app, 1);
  // It turned Ready once its readiness checks passed, a minute after it started.
  for (const c of moved.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = date(50.6);
  const sts = app.objects[0] ?? {};
  const rmq = (t: number, level: string, pid: string, msg: string) => `${at(t).replace('T', ' ').replace('Z', '')}512+00:00 [${level}] <0.${pid}.0> ${msg}`;
  const peer = (i: number) => `rabbit@rabbitmq-${i}.rabbitmq-headless.${ns}.svc.cluster.local`;
  return {
    id: 'heldout16-healthy-statefulset-pod-rescheduled-node-upgrade',
    class: 'healthy',
    truth: `rabbitmq is healthy. GKE's surge upgrade of node pool ${pool} to 1.31 replaced its nodes one at a time over the last two and a half hours; the last one, ${oldNode}, was cordoned and drained 53 minutes ago, so rabbitmq-1 was evicted and recreated on the new node ${nameOf(n1)}, where its disk was re-attached. It rejoined the cluster within a minute (three readiness failures while booting) and has been Ready for 51 minutes; rabbitmq-0 and rabbitmq-2 were moved the same way earlier. All three replicas are Ready, the queues are in sync. Nothing to do.`,
    ask: { service: 'rabbitmq', namespace: ns },
    objects: [
      n0, n1, n2, ...app.objects, ...claims,
      ...exposed({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, pods: app.pods, headless: true, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'epmd', port: 4369, targetPort: 4369 }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: app.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }], endpointPort: 5672 }),
      nodeEvent(oldNode, 'NodeNotSchedulable', `Node ${oldNode} status is now: NodeNotSchedulable`, { firstAgo: 53.5 }),
      nodeEvent(oldNode, 'RemovingNode', `Node ${oldNode} event: Removing Node ${oldNode} from Controller`, { firstAgo: 47, component: 'node-controller' }),
      nodeEvent(nameOf(n1), 'RegisteredNode', `Node ${nameOf(n1)} event: Registered Node ${nameOf(n1)} in Controller`, { firstAgo: 57.5, component: 'node-controller' }),
      nodeEvent(nameOf(n1), 'NodeReady', `Node ${nameOf(n1)} status is now: NodeReady`, { firstAgo: 57 }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod rabbitmq-1 in StatefulSet rabbitmq successful`, firstAgo: 52, component: 'statefulset-controller' }),
      scheduled(moved, 52),
      event({ on: moved, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-rabbitmq-1')}"`, firstAgo: 51.7, component: 'attachdetach-controller' }),
      event({ on: moved, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 51.6, fieldPath: 'spec.containers{rabbitmq}' }),
      event({ on: moved, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 6.312s (6.312s including waiting). Image size: 108466213 bytes.`, firstAgo: 51.5, fieldPath: 'spec.containers{rabbitmq}' }),
      ...startedAt(moved, 'rabbitmq', image, 51.5).slice(2),
      probeFailed(moved, 'rabbitmq', 'Readiness', 'Error:\nunable to perform an operation on node \'' + peer(1) + '\'. Please see diagnostics information and suggestions below.', { count: 3, firstAgo: 51.3, lastAgo: 50.8 }),
    ],
    logs: [
      logsFor(moved, 'rabbitmq', { current: lines(
        rmq(51.45, 'info', '230', 'Starting RabbitMQ 3.13.7 on Erlang 26.2.5.5 [jit]'),
        rmq(51.2, 'info', '611', `Peer discovery: node ${peer(0)} is up, joining the existing cluster`),
        rmq(50.9, 'info', '811', 'Server startup complete; 5 plugins started.'),
        rmq(50.5, 'info', '1902', "queue 'orders.fulfilment' in vhost '/': member rabbit@rabbitmq-1 caught up, entering follower state"),
        rmq(2, 'info', '24411', 'accepting AMQP connection <0.24411.0> (10.0.31.77:48812 -> 10.0.44.12:5672)'),
      ) }),
      ...[0, 2].map((i) => logsFor(podOf(app, i), 'rabbitmq', { current: lines(
        rmq(53, 'info', '1423', `rabbit on node ${peer(1)} down`),
        rmq(50.9, 'info', '1423', `rabbit on node ${peer(1)} up`),
        rmq(1, 'info', '30117', 'closing AMQP connection <0.30117.0> (10.0.31.80:40211 -> 10.0.44.19:5672, vhost: \'/\', user: \'orders\')'),
      ) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|recovered/i],
      facts: [],
      never: [/\bOOM/, /crash ?loop/i, /node[^\n]*(NotReady|unhealthy|failing|faulty)/i, /rabbitmq-1[^\n]*(failing|unhealthy|crash)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  nodeReadOnlyFilesystem(),
  hpaMissingCpuRequest(),
  cronJobStartingDeadlineMissed(),
  distrolessProbeCurlMissing(),
  networkPolicyGatewayOnly(),
  healthyCronJobOldFailure(),
  healthyStatefulSetAfterNodeUpgrade(),
];
