// Held-out round 15, second part (see stories.ts): a zone topology spread constraint that on-prem
// nodes without the zone label can never satisfy, a PVC expanded while its filesystem waits for the
// pod to restart, a concurrencyPolicy Replace CronJob that kills each run at the next one, a Redis
// dependency full at maxmemory with noeviction, a registry answering 503 to the nodes a scale-up
// added, and two healthy controls (a slow JVM rolling out; a steady service with old noise).
// It also holds the round's helpers (GKE and AKS nodes, log lines), which stories.ts imports.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, clfTime, container, createdPod, crashLoop, cronJob, cronJobEvent, daemonSetApp,
  deploymentApp, epochMs, event, every, exposed, hpa, httpProbe, jobEvent, nameOf, nameSuffix, node, nodeEvent, probeFailed, pulledFresh,
  pv, pvc, pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, terminated, waiting,
  failedScheduling, execProbe, volumeOf, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- the round's helpers -------------------------------------------------------------------------

export function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

/** The Deployment object of a built app (the first object deploymentApp returns). */
export function deploymentOf(app: Built): KubeJson {
  return app.objects[0] ?? {};
}

/** This round's bystander: a healthy Deployment of the namespace that rolled out `rolledAgo` minutes ago. */
export function bystander(ns: string, name: string, names: readonly string[], rolledAgo: number): Built {
  return heldOutBystander(ns, name, names, rolledAgo, { revisions: [70, 71], versions: ['2.3.1', '2.4.0'], olderAgo: 15 * DAYS });
}

export function relabel(n: k8s.V1Node, drop: string[], add: Record<string, string>): void {
  const labels: Record<string, string> = { ...(n.metadata?.labels ?? {}) };
  for (const k of drop) delete labels[k];
  n.metadata = { ...n.metadata, labels: { ...labels, ...add } };
}

/** A GKE node (`gke-<cluster>-<pool>-<group>-<id>`) in a europe-west1 zone. */
export function gkeNode(o: { name: string; zone: string; pool: string; createdAgo?: number; machine?: string }): k8s.V1Node {
  const machine = o.machine ?? 'e2-standard-4';
  const n = node({ name: o.name, zone: o.zone, instanceType: machine, ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }) });
  relabel(n, ['eks.amazonaws.com/nodegroup'], {
    'topology.kubernetes.io/region': o.zone.replace(/-[a-z]$/, ''),
    'cloud.google.com/gke-nodepool': o.pool,
    'cloud.google.com/gke-os-distribution': 'cos',
    'cloud.google.com/gke-boot-disk': 'pd-balanced',
    'cloud.google.com/machine-family': machine.split('-')[0] ?? 'e2',
  });
  n.spec = { ...n.spec, providerID: `gce://acme-prod-eu/${o.zone}/${o.name}` };
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.31.1-gke.2105000', kubeProxyVersion: 'v1.31.1-gke.2105000', osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.100+', containerRuntimeVersion: 'containerd://1.7.23' });
  return n;
}

/** An AKS node (`aks-<pool>-27381946-vmss00000N`) in a westeurope zone. */
export function aksNode(o: { pool: string; index: number; zone: 1 | 2 | 3; createdAgo?: number }): k8s.V1Node {
  const name = `aks-${o.pool}-27381946-vmss${String(o.index).padStart(6, '0')}`;
  const n = node({ name, zone: `westeurope-${o.zone}`, instanceType: 'Standard_D4s_v5', ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }) });
  relabel(n, ['eks.amazonaws.com/nodegroup'], {
    'topology.kubernetes.io/region': 'westeurope',
    agentpool: o.pool,
    'kubernetes.azure.com/agentpool': o.pool,
    'kubernetes.azure.com/cluster': 'MC_rg-prod-weu_aks-prod-weu_westeurope',
    'kubernetes.azure.com/os-sku': 'Ubuntu',
    'kubernetes.azure.com/mode': o.pool === 'system' ? 'system' : 'user',
  });
  n.spec = { ...n.spec, providerID: `azure:///subscriptions/5f1c2e0a-93d4-4b7e-a1c2-6d0e8f3b7a91/resourceGroups/mc_rg-prod-weu_aks-prod-weu_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${o.pool}-27381946-vmss/virtualMachines/${o.index}` };
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1075-azure', containerRuntimeVersion: 'containerd://1.7.23-1' });
  return n;
}

/** Spring Boot's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [thread] logger : message`. */
export function spring(t: number, level: string, thread: string, logger: string, msg: string): string {
  return `${at(t)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
}

// ---- 8. zone topology spread constraint, on-prem nodes without the zone label ---------------------

function onPremNode(id: string, createdAgo: number): k8s.V1Node {
  const n = node({ name: id, createdAgo, allocatable: { cpu: '15800m', 'ephemeral-storage': '438267932Ki', memory: '63821580Ki', pods: '110' } });
  relabel(n, ['topology.kubernetes.io/zone', 'topology.kubernetes.io/region', 'eks.amazonaws.com/nodegroup', 'node.kubernetes.io/instance-type'], {
    'eks.amazonaws.com/compute-type': 'hybrid',
    'eks.amazonaws.com/hybrid-credential-provider': 'ssm',
    'node-group': 'dc1-onprem',
  });
  n.spec = { ...n.spec, providerID: `eks-hybrid:///eu-west-1/prod-eu/${id}` };
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-49-generic', kubeletVersion: 'v1.31.2-eks-7f9249a', kubeProxyVersion: 'v1.31.2-eks-7f9249a' });
  return n;
}

function topologySpreadMissingZoneLabel(): CorpusScenario {
  const ns = 'maps';
  const cordonedAgo = 42;
  const cloud = [['10.0.61.18', 'eu-west-1a'], ['10.0.62.140', 'eu-west-1b'], ['10.0.63.77', 'eu-west-1c']].map(([ip, zone]) => node({
    name: eksNodeName(ip ?? ''), zone: zone ?? 'eu-west-1a', unschedulable: true,
    taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(cordonedAgo) }],
  }));
  const cloudNames = cloud.map(nameOf);
  const onPrem = ['mi-0a4c19e2b7d83f5a1', 'mi-03e7b1d90c2a6f448', 'mi-0f92d6a1c5b3e7042', 'mi-0b58e3f7a2d1c9906'].map((id) => onPremNode(id, 2 * DAYS));
  const onPremNames = onPrem.map(nameOf);
  const image = `${ECR}/maps/geo-api:5.3.2`;
  const spread: k8s.V1TopologySpreadConstraint = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'geo-api' } } };
  const unschedulable = '0/7 nodes are available: 4 node(s) didn\'t match pod topology spread constraints (missing required label), 3 node(s) were unschedulable. preemption: 0/7 nodes are available: 7 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-api',
    replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 40 * DAYS, changeCause: 'argocd: geo-api 5.2.0', template: { containers: [container({ image: `${ECR}/maps/geo-api:5.2.0`, ports: [8080], cpu: '500m', memory: '1Gi' })], topologySpreadConstraints: [spread] } },
      { revision: 15, createdAgo: 12 * DAYS, changeCause: 'argocd: geo-api 5.3.2', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi' })], topologySpreadConstraints: [spread] } },
    ],
    pods: [
      { revision: 15, node: cloudNames[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 15, node: cloudNames[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 15, createdAgo: 38, unschedulable },
      { revision: 15, createdAgo: 21, unschedulable },
    ],
    settled: { available: false, availableSince: 21, progressingSince: 12 * DAYS },
  });
  const pending = [podOf(app, 2), podOf(app, 3)];
  const rs = replicaSetOf(app, 15);
  const evicted = [38, 21].map((t) => ({ t, name: `${rsOf(app, 15)}-${nameSuffix(`evicted/${t}`)}` }));
  const tiles = deploymentApp({
    namespace: ns,
    name: 'tile-cache',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 2 * DAYS - 30, changeCause: 'argocd: tile-cache 1.8.0 (nodeSelector node-group=dc1-onprem)', template: { containers: [container({ image: `${ECR}/maps/tile-cache:1.8.0`, ports: [8080], memory: '4Gi' })], nodeSelector: { 'node-group': 'dc1-onprem' } } }],
    pods: [{ revision: 6, node: onPremNames[0] ?? '', createdAgo: 2 * DAYS - 31 }, { revision: 6, node: onPremNames[2] ?? '', createdAgo: 2 * DAYS - 31 }],
  });
  const zap = (t: number, msg: string, extra = '') => `{"level":"info","ts":"${at(t)}","caller":"httpx/log.go:61","msg":"${msg}"${extra}}`;
  return {
    id: 'heldout15-topology-spread-onprem-nodes-missing-zone-label',
    class: 'scheduling',
    truth: `The platform team is moving the maps namespace to a new on-prem node group (EKS Hybrid Nodes mi-…, node-group=dc1-onprem, joined 2 days ago): 42 minutes ago they cordoned the three cloud nodes and started draining them. geo-api has a topologySpreadConstraint on topology.kubernetes.io/zone with whenUnsatisfiable: DoNotSchedule, and the on-prem nodes carry no topology.kubernetes.io/zone label, so the scheduler filters every one of them out ("didn't match pod topology spread constraints (missing required label)"); the two replacements for the evicted pods have been Pending for 38 and 21 minutes, and geo-api runs 2/4 on the cordoned cloud nodes (the drain is blocked on them). The nodes have room (tile-cache, without the constraint, runs there); nothing changed in geo-api. Fix: label the on-prem nodes with a zone (e.g. topology.kubernetes.io/zone=dc1) or make the constraint ScheduleAnyway, then finish the drain.`,
    ask: { service: 'geo-api', namespace: ns },
    objects: [
      ...cloud, ...onPrem, ...app.objects, ...tiles.objects,
      ...exposed({ namespace: ns, name: 'geo-api', selector: { app: 'geo-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tile-cache', selector: { app: 'tile-cache' }, pods: tiles.pods }),
      ...cloudNames.map((n) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: cordonedAgo })),
      ...evicted.map((e) => event({ on: { kind: 'Pod', name: e.name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: e.t, lastAgo: e.t, fieldPath: 'spec.containers{app}' })),
      ...pending.map((p, k) => createdPod(rs, p, k === 0 ? 38 : 21)),
      failedScheduling(podOf(app, 2), unschedulable, { count: 14, firstAgo: 38, lastAgo: 1.6 }),
      failedScheduling(podOf(app, 3), unschedulable, { count: 9, firstAgo: 21, lastAgo: 0.9 }),
    ],
    logs: app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(zap(2, 'request', ',"method":"GET","path":"/v2/geocode","status":200,"duration_ms":14'), zap(1, 'request', ',"method":"GET","path":"/v2/reverse","status":200,"duration_ms":9')) })),
    expect: {
      verdict: 'problems',
      headline: [/topology ?spread|spread constraint/i, /zone|missing required label/i],
      facts: [/DoNotSchedule/, /topology\.kubernetes\.io\/zone/, /Pending/, /mi-0|hybrid|on-?prem|dc1/i],
      never: [/Insufficient (cpu|memory)/i, ADVISES_ROLLBACK, /node affinity|nodeSelector/i, /\bOOM/],
    },
  };
}

// ---- 9. PVC expanded, filesystem resize waits for the pod to restart ---------------------------------

function pvcFileSystemResizePending(): CorpusScenario {
  const ns = 'orders';
  const nodes = [aksNode({ pool: 'system', index: 0, zone: 1 }), aksNode({ pool: 'data', index: 1, zone: 1 }), aksNode({ pool: 'data', index: 2, zone: 2 }), aksNode({ pool: 'apps', index: 4, zone: 3 })];
  const names = nodes.map(nameOf);
  const claim = 'data-orders-db-0';
  const volume = volumeOf(ns, claim);
  const expandedAgo = 51;
  const image = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 1,
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'managed-csi-premium' }],
    revisions: [{ revision: 4, createdAgo: 90 * DAYS, template: { containers: [container({
      name: 'postgres', image, cpu: '2', memory: '8Gi', ports: [{ name: 'postgres', containerPort: 5432 }],
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } } }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 19 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 2 }, 6) } }],
  });
  const pod = podOf(db, 0);
  const theClaim = pvc({ namespace: ns, name: claim, storage: '100Gi', storageClass: 'managed-csi-premium', phase: 'Bound', volumeName: volume, createdAgo: 200 * DAYS, labels: { app: 'orders-db' } });
  theClaim.metadata = { ...theClaim.metadata, annotations: { ...theClaim.metadata?.annotations, 'volume.kubernetes.io/storage-provisioner': 'disk.csi.azure.com', 'volume.beta.kubernetes.io/storage-provisioner': 'disk.csi.azure.com' } };
  theClaim.status = {
    ...theClaim.status,
    capacity: { storage: '50Gi' },
    allocatedResources: { storage: '100Gi' },
    conditions: [{ type: 'FileSystemResizePending', status: 'True', lastTransitionTime: ago(expandedAgo - 0.6), message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }],
  };
  const theVolume = pv({ name: volume, storage: '100Gi', claim: { namespace: ns, name: claim }, storageClass: 'managed-csi-premium', createdAgo: 200 * DAYS, csi: { driver: 'disk.csi.azure.com', volumeHandle: `/subscriptions/5f1c2e0a-93d4-4b7e-a1c2-6d0e8f3b7a91/resourceGroups/mc_rg-prod-weu_aks-prod-weu_westeurope/providers/Microsoft.Compute/disks/${volume}` } });
  theVolume.spec = { ...theVolume.spec, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.disk.csi.azure.com/zone', operator: 'In', values: ['westeurope-1'] }] }] } } };
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 2,
    revisions: [{ revision: 212, createdAgo: 3 * DAYS, changeCause: 'flux: orders-api 9.4.1', template: { containers: [container({ image: 'acmeprod.azurecr.io/orders/orders-api:9.4.1', ports: [3000], readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }) })] } }],
    pods: [{ revision: 212, node: names[3] ?? '', createdAgo: 3 * DAYS }, { revision: 212, node: names[2] ?? '', createdAgo: 3 * DAYS }],
  });
  const pg = (t: number, pid: number, level: string, msg: string) => `${at(t).replace('T', ' ').replace('Z', ' UTC')} [${pid}] ${level}:  ${msg}`;
  const run = (t: number, pid: number) => lines(
    pg(t, 1, 'LOG', 'starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit'),
    pg(t, 1, 'LOG', 'listening on IPv4 address "0.0.0.0", port 5432'),
    pg(t, 1, 'LOG', 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    pg(t - 0.01, pid, 'LOG', `database system was interrupted while in recovery at ${at(t + 2.5).replace('T', ' ').slice(0, 19)} UTC`),
    pg(t - 0.01, pid, 'HINT', 'This probably means that some data is corrupted and you will have to use the last backup for recovery.'),
    pg(t - 0.01, pid, 'LOG', 'database system was not properly shut down; automatic recovery in progress'),
    pg(t - 0.01, pid, 'LOG', 'redo starts at 4A/1C2F0E88'),
    pg(t - 0.02, pid, 'LOG', 'redo done at 4A/1FFFFF58 system usage: CPU: user: 0.91 s, system: 0.48 s, elapsed: 1.50 s'),
    pg(t - 0.02, pid, 'FATAL', `could not write to file "pg_wal/xlogtemp.${pid}": No space left on device`),
    pg(t - 0.03, 1, 'LOG', `startup process (PID ${pid}) exited with exit code 1`),
    pg(t - 0.03, 1, 'LOG', 'aborting startup due to startup process failure'),
    pg(t - 0.03, 1, 'LOG', 'database system is shut down'),
  );
  const rails = (p: k8s.V1Pod) => lines(
    `E, [${at(3)} #1] ERROR -- : [${nameOf(p).slice(-5)}] ActiveRecord::ConnectionNotEstablished (connection to server at "orders-db.orders.svc.cluster.local" (10.0.37.12), port 5432 failed: Connection refused`,
    '\tIs the server running on that host and accepting TCP/IP connections?',
    ')',
    `I, [${at(1)} #1]  INFO -- : [${nameOf(p).slice(-4)}] Completed 503 Service Unavailable in 4ms`,
  );
  return {
    id: 'heldout15-pvc-filesystem-resize-pending-disk-full',
    class: 'storage',
    truth: `The Postgres volume of orders-db filled up. 51 minutes ago, after the 90% disk alert, the DBA edited the PVC ${claim} from 50Gi to 100Gi; the Azure Disk CSI resizer grew the disk (PV 100Gi), but the filesystem is only grown by the kubelet when a pod mounts the volume again, so the PVC shows capacity 50Gi with condition FileSystemResizePending ("Waiting for user to (re-)start a pod to finish file system resize of volume on node."). The filesystem stayed at 50Gi, pg_wal filled it 12 minutes ago, and Postgres now fails at every start with "could not write to file pg_wal/xlogtemp…: No space left on device" (exit 1, CrashLoopBackOff); container restarts don't remount the volume. orders-api only suffers. Fix: delete the pod orders-db-0 (the StatefulSet recreates it, the kubelet grows the filesystem to 100Gi on mount), then check the WAL/archiving that filled it. Nothing is corrupted and no new expansion is needed.`,
    ask: { service: 'orders-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, theClaim, theVolume, ...api.objects,
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432, clusterIP: '10.0.37.12' }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods, endpointPort: 3000 }),
      event({ on: theClaim, type: 'Normal', reason: 'ExternalExpanding', message: 'waiting for an external controller to expand this PVC', firstAgo: expandedAgo, lastAgo: expandedAgo, component: 'volume_expand' }),
      event({ on: theClaim, type: 'Normal', reason: 'Resizing', message: `External resizer is resizing volume ${volume}`, firstAgo: expandedAgo, lastAgo: expandedAgo, component: 'external-resizer disk.csi.azure.com' }),
      event({ on: theClaim, type: 'Normal', reason: 'FileSystemResizeRequired', message: 'Require file system resize of volume on node', firstAgo: expandedAgo - 0.6, lastAgo: expandedAgo - 0.6, component: 'external-resizer disk.csi.azure.com' }),
      ...restartedAgain(pod, 'postgres', image, { count: 6, firstAgo: 11.5, lastAgo: 1.15 }),
      backOff(pod, 'postgres', { count: 41, firstAgo: 11.2 }),
      probeFailed(pod, 'postgres', 'Readiness', '127.0.0.1:5432 - no response', { count: 58, firstAgo: 12.2, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(pod, 'postgres', { current: run(1.15, 29), previous: run(1.15, 29) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: rails(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/resiz/i, lit(claim)],
      facts: [/No space left on device/, /50Gi/, /100Gi/, /(re-?start|delete|recreate)[^\n]*pod|pod[^\n]*(re-?start|delet|recreat)/i],
      never: [/\bOOM/, /Multi-Attach/i, /DiskPressure|disk pressure/i, /corrupt/i],
    },
  };
}

// ---- 10. CronJob concurrencyPolicy Replace: each run deleted by the next one -------------------------

function cronJobReplaceKillsEveryRun(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.88');
  const name = 'account-reconcile';
  const image = `${ECR}/ledger/account-reconcile:2.19.0`;
  const jobName = (createdAgo: number) => `${name}-${Math.floor(ago(createdAgo).getTime() / 60_000)}`;
  const done = (createdAgo: number, minutes: number) => ({
    createdAgo,
    pods: [{ node: names[createdAgo % 3] ?? '', phase: 'Succeeded' as const, createdAgo, containers: { reconcile: terminated({ exitCode: 0, finishedAgo: createdAgo - minutes, ranSeconds: minutes * 60 }) } }],
    outcome: { complete: true as const, ago: createdAgo - minutes },
  });
  const cron = cronJob({
    namespace: ns,
    name,
    schedule: '*/30 * * * *',
    template: { containers: [batchContainer({ name: 'reconcile', image, cpu: '1', memory: '3Gi', args: ['reconcile', '--window=24h', '--batch-size=5000'] })], serviceAccountName: 'account-reconcile' },
    lastSuccessfulAgo: 1 * DAYS + 75,
    jobs: [
      done(1 * DAYS + 164, 26),
      done(1 * DAYS + 134, 28),
      done(1 * DAYS + 104, 29),
      { createdAgo: 14, pods: [{ node: names[1] ?? '', createdAgo: 14, containers: { reconcile: running({ sinceAgo: 13.8 }) } }] },
    ],
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  if (cronObj.spec) cronObj.spec.concurrencyPolicy = 'Replace';
  const current = cron.jobs[3] as Built;
  const runPod = podOf(current, 0);
  const killedPod = (createdAgo: number) => `${jobName(createdAgo)}-${nameSuffix(`${jobName(createdAgo)}/0`)}`;
  const total = 1184220;
  const rate = 28400;
  const progress = every(12, 0.3, 120, (t) => {
    const n = Math.round((13.8 - t) * rate);
    return `${pyTime(t)} INFO reconcile: progress ${n}/${total} accounts (${((100 * n) / total).toFixed(1)}%) mismatches=${Math.round(n / 9100)} eta=${Math.round((total - n) / rate)}m\n`;
  });
  const log = `${pyTime(13.8)} INFO reconcile: run ${jobName(14)} window=24h: ${total} accounts to reconcile (7 days ago: 1031540)\n${pyTime(13.7)} INFO reconcile: snapshot of ledger_entries taken at lsn 1F4/8A21C0D8\n${progress}`;
  const api = bystander(ns, 'ledger-api', names, 33);
  const killed = [74, 44].flatMap((createdAgo) => {
    const pod = { kind: 'Pod', name: killedPod(createdAgo), namespace: ns };
    return [
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(createdAgo)}`, createdAgo),
      jobEvent({ metadata: { name: jobName(createdAgo), namespace: ns } }, 'SuccessfulCreate', `Created pod: ${killedPod(createdAgo)}`, createdAgo),
      event({ on: pod, type: 'Normal', reason: 'Started', message: 'Started container reconcile', firstAgo: createdAgo - 0.1, lastAgo: createdAgo - 0.1, fieldPath: 'spec.containers{reconcile}' }),
      cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job ${jobName(createdAgo)}`, createdAgo - 30),
      event({ on: pod, type: 'Normal', reason: 'Killing', message: 'Stopping container reconcile', firstAgo: createdAgo - 30, lastAgo: createdAgo - 30, fieldPath: 'spec.containers{reconcile}' }),
    ];
  }).filter((e) => (e.firstTimestamp?.getTime() ?? 0) >= ago(60).getTime());
  return {
    id: 'heldout15-cronjob-replace-policy-kills-every-run',
    class: 'jobs',
    truth: 'The account-reconcile CronJob runs every 30 minutes (*/30 * * * *) with concurrencyPolicy: Replace. The number of accounts grew (1.18M, +15% in a week) and a run now takes about 42 minutes, longer than the interval, so at every schedule the cronjob-controller deletes the still-running Job ("Deleted job …", its pod is killed) and starts a new one, which is deleted in turn 30 minutes later. No run has completed since yesterday 01:59 (lastSuccessfulTime 25 hours ago); the jobs never fail, they are killed. The code, image and cluster are fine. Fix: switch to concurrencyPolicy: Forbid (or a longer interval) so a run can finish, and make the reconciliation incremental or faster.',
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 71), 2, 0, 33),
      ...killed,
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(14)}`, 14),
      jobEvent(current.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(runPod)}`, 14),
      ...startedAt(runPod, 'reconcile', image, 13.9),
    ],
    logs: [logsFor(runPod, 'reconcile', { current: log })],
    expect: {
      verdict: 'problems',
      headline: [/concurrencyPolicy|concurrency policy/i, /\bReplace\b/],
      facts: [/\*\/30 \* \* \* \*|every 30 min|30-minute|30 minutes/i, /Deleted job|SuccessfulDelete|deleted|killed/i, /25 ?h|\b1 ?d\b|yesterday|a day|1 day|lastSuccessfulTime|last success/i],
      never: [/\bOOM/, /backoff ?limit/i, /DeadlineExceeded|activeDeadlineSeconds/i, /ImagePull/, /suspended/i, /ledger-api[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 11. Redis at maxmemory with noeviction: the app's writes are refused ------------------------------

function redisMaxmemoryNoeviction(): CorpusScenario {
  const ns = 'social';
  const { nodes, names } = threeEksNodes('10.0.97');
  const image = (v: string) => `${ECR}/social/feed-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8000], memory: '1Gi', command: ['gunicorn', 'feed.wsgi', '--bind', '0.0.0.0:8000', '--workers', '4', '--access-logfile', '-'],
    env: [{ name: 'REDIS_URL', value: 'redis://feed-redis.social.svc.cluster.local:6379/0' }, { name: 'DJANGO_SETTINGS_MODULE', value: 'feed.settings.production' }],
    readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'feed-api',
    replicas: 4,
    revisions: [
      { revision: 87, createdAgo: 6 * DAYS, changeCause: 'argocd: feed-api 12.3.0', template: tpl('12.3.0') },
      { revision: 88, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: feed-api 12.3.1 (Django 5.1.3 security release)', template: tpl('12.3.1') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 4 - k })),
  });
  const redis = deploymentApp({
    namespace: ns,
    name: 'feed-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({
      name: 'redis', image: 'docker.io/library/redis:7.2.5', args: ['redis-server', '--maxmemory', '2gb', '--maxmemory-policy', 'noeviction', '--appendonly', 'no', '--save', ''],
      ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '2560Mi', readiness: { tcpSocket: { port: 6379 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
    })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const rp = podOf(redis, 0);
  const ip = (p: k8s.V1Pod) => ipOfPod(p);
  const oomTrace = (t: number, path: string) => [
    `${pyTime(t)} ERROR django.request: Internal Server Error: ${path}`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/django/core/handlers/exception.py", line 55, in inner',
    '    response = get_response(request)',
    '  File "/app/feed/views/timeline.py", line 88, in home_feed',
    '    cache.store_timeline(request.user.id, items)',
    '  File "/app/feed/cache.py", line 41, in store_timeline',
    `    self.redis.set(f"timeline:u:{user_id}", payload)`,
    '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 2342, in set',
    '    return self.execute_command("SET", *pieces, **options)',
    '  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 566, in _send_command_parse_response',
    '    return self.parse_response(conn, command_name, **options)',
    '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 624, in read_response',
    '    raise response',
    "redis.exceptions.OutOfMemoryError: OOM command not allowed when used memory > 'maxmemory'.",
  ].join('\n');
  const feedLog = (p: k8s.V1Pod) => every(6, 0.2, 40, (t, i) => i % 3 === 2
    ? `${ip(p)} - - [${clfTime(t)}] "GET /api/v2/feed/home HTTP/1.1" 200 8123 "-" "okhttp/4.12.0"\n`
    : `${oomTrace(t, i % 2 === 0 ? '/api/v2/feed/home' : '/api/v2/posts')}\n${ip(p)} - - [${clfTime(t)}] "${i % 2 === 0 ? 'GET /api/v2/feed/home' : 'POST /api/v2/posts'} HTTP/1.1" 500 145 "-" "okhttp/4.12.0"\n`);
  const other = bystander(ns, 'notifications-fanout', names, 48);
  return {
    id: 'heldout15-redis-maxmemory-noeviction-writes-refused',
    class: 'config',
    truth: 'feed-redis (the Redis Deployment feed-api uses as cache and timeline store) runs with --maxmemory 2gb and --maxmemory-policy noeviction. feed-api writes per-user timeline keys without a TTL, so the data grew for days until Redis reached maxmemory about 40 minutes ago; since then, with noeviction, Redis refuses every write ("OOM command not allowed when used memory > \'maxmemory\'") and feed-api answers 500 on most feed and post requests. Every pod is Running and Ready (the health check does not write to Redis); nothing was OOMKilled, and the feed-api rollout two hours ago (a Django security release) is unrelated. Fix: set an eviction policy (allkeys-lru or volatile-lru with TTLs on the timeline keys) and/or raise maxmemory; flush the stale timelines now to recover.',
    ask: { service: 'feed-api' },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'feed-api', selector: { app: 'feed-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'feed-redis', selector: { app: 'feed-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'notifications-fanout', selector: { app: 'notifications-fanout' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 71), 2, 0, 48),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: feedLog(p) })),
      logsFor(rp, 'redis', { current: lines(
        '1:C 12 Nov 2026 03:13:58.118 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. To fix this issue add \'vm.overcommit_memory = 1\' to /etc/sysctl.conf and then reboot or run the command \'sysctl vm.overcommit_memory=1\' for this to take effect.',
        '1:C 12 Nov 2026 03:13:58.118 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C 12 Nov 2026 03:13:58.118 * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:M 12 Nov 2026 03:13:58.121 * Running mode=standalone, port=6379.',
        '1:M 12 Nov 2026 03:13:58.122 * Server initialized',
        '1:M 12 Nov 2026 03:13:58.122 * Ready to accept connections tcp',
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/maxmemory/i, /redis/i],
      facts: [/OOM command not allowed/, /noeviction/, /2gb/i, /feed-redis/],
      never: [/OOMKilled/, /\b137\b/, ADVISES_ROLLBACK, /feed-api[^\n]*memory limit|memory limit[^\n]*feed-api/i, /notifications-fanout[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 12. the internal Harbor registry answers 503 to the new nodes of a scale-up ------------------------

function harborRegistry503OnNewNodes(): CorpusScenario {
  const ns = 'payouts';
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const old = ['b7mn', 'k2tq', 'w4nz'].map((s, i) => gkeNode({ name: `gke-prod-euw1-apps-9e2f4c1a-${s}`, zone: zones[i] ?? 'europe-west1-b', pool: 'apps', createdAgo: 21 * DAYS }));
  const fresh = ['xq4z', 'p9hd'].map((s, i) => gkeNode({ name: `gke-prod-euw1-apps-9e2f4c1a-${s}`, zone: zones[i + 1] ?? 'europe-west1-c', pool: 'apps', createdAgo: 14 }));
  const oldNames = old.map(nameOf);
  const freshNames = fresh.map(nameOf);
  const image = 'harbor.corp.acme.io/payouts/payouts-api:3.12.4';
  const blob = 'sha256:4f1c0a7d2b9e83c5f61a7e0d94b2c3a18e5f7d60c2b49a13e8d7f05c6a2b1e94';
  const pullErr = `failed to pull and unpack image "${image}": failed to copy: httpReadSeeker: failed open: unexpected status code https://harbor.corp.acme.io/v2/payouts/payouts-api/blobs/${blob}: 503 Service Unavailable`;
  const app = deploymentApp({
    namespace: ns,
    name: 'payouts-api',
    replicas: 7,
    revisions: [{ revision: 52, createdAgo: 8 * DAYS, changeCause: 'argocd: payouts-api 3.12.4', template: { containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })], imagePullSecrets: ['harbor-payouts-robot'] } }],
    pods: [
      ...[0, 1, 2, 0].map((k, i) => ({ revision: 52, node: oldNames[k] ?? '', createdAgo: 8 * DAYS - i })),
      { revision: 52, node: oldNames[1] ?? '', createdAgo: 16 },
      { revision: 52, node: freshNames[0] ?? '', createdAgo: 16, phase: 'Pending' as const, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${pullErr}`) } },
      { revision: 52, node: freshNames[1] ?? '', createdAgo: 16, phase: 'Pending' as const, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${pullErr}`) } },
    ],
    settled: { available: false, availableSince: 16, progressingSince: 8 * DAYS },
  });
  const stuck = [podOf(app, 5), podOf(app, 6)];
  const fluent = daemonSetApp({
    namespace: 'kube-system',
    name: 'fluentbit-gke',
    selector: { 'k8s-app': 'fluentbit-gke' },
    revisions: [{ revision: 9, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'fluentbit', image: 'gke.gcr.io/fluent-bit:v1.8.12-gke.36', ports: [], cpu: '50m', memory: '100Mi', memoryLimit: '250Mi', readiness: null, liveness: null })] } }],
    pods: [...oldNames.map((n) => ({ revision: 9, node: n, createdAgo: 21 * DAYS })), ...freshNames.map((n) => ({ revision: 9, node: n, createdAgo: 13.8 }))],
  });
  const scaleUp = '[{https://www.googleapis.com/compute/v1/projects/acme-prod-eu/zones/europe-west1-c/instanceGroups/gke-prod-euw1-apps-9e2f4c1a-grp 3->5 (max: 12)}]';
  const fieldPath = 'spec.containers{app}';
  const javaOk = (p: k8s.V1Pod) => lines(spring(2, 'INFO', 'nio-8080-exec-3', 'c.a.payouts.web.AccessLog', `POST /v1/payouts 201 41ms pod=${nameOf(p)}`), spring(1, 'INFO', 'nio-8080-exec-9', 'c.a.payouts.web.AccessLog', 'GET /v1/payouts/batch/88123 200 12ms'));
  return {
    id: 'heldout15-harbor-registry-503-new-nodes',
    class: 'containers',
    truth: `The internal Harbor registry (harbor.corp.acme.io) has been answering 503 Service Unavailable to image pulls for about 15 minutes (its storage backend is failing). Nothing changed in payouts-api: its HPA scaled it from 4 to 7 at 02:58 (16 minutes ago), the cluster autoscaler added two GKE nodes (${freshNames.join(', ')}), and the two pods scheduled there must pull payouts-api:3.12.4, which Harbor refuses with 503: ErrImagePull / ImagePullBackOff. The pods on the old nodes, including the new one that landed on ${oldNames[1] ?? ''}, run because the image is already present there (IfNotPresent). The image, tag and pull secret are fine (it is a 503, not 404/401), and other images pull fine on the new nodes. Fix: restore Harbor (and consider a pull-through cache or pre-pulled images for scale-ups); the pods recover by themselves once pulls succeed.`,
    ask: { service: 'payouts-api' },
    objects: [
      ...old, ...fresh, ...app.objects, ...fluent.objects,
      ...exposed({ namespace: ns, name: 'payouts-api', selector: { app: 'payouts-api' }, pods: app.pods }),
      hpa({ namespace: ns, name: 'payouts-api', target: { kind: 'Deployment', name: 'payouts-api' }, min: 4, max: 12, current: 7, desired: 7, cpu: { current: 74, target: 65, averageValue: '740m' }, lastScaleAgo: 16 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'payouts-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 7; reason: cpu resource utilization (percentage of request) above target', firstAgo: 16, lastAgo: 16, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 52), 7, 4, 16),
      ...startedAt(podOf(app, 4), 'app', image, 15.9),
      ...freshNames.flatMap((n) => [
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 14, component: 'node-controller' }),
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 14.2 }),
      ]),
      ...stuck.flatMap((p, k) => [
        event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: `pod triggered scale-up: ${scaleUp}`, firstAgo: 15.9, lastAgo: 15.9, component: 'cluster-autoscaler' }),
        failedScheduling(p, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 3, firstAgo: 16, lastAgo: 14.3 }),
        scheduled(p, 13.6 - k * 0.2),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 7, firstAgo: 13.5, lastAgo: 1.8 + k, fieldPath }),
        event({ on: p, reason: 'Failed', message: `Failed to pull image "${image}": rpc error: code = Unknown desc = ${pullErr}`, count: 7, firstAgo: 13.3, lastAgo: 1.7 + k, fieldPath }),
        event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 7, firstAgo: 13.3, lastAgo: 1.7 + k, fieldPath }),
        event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: 49, firstAgo: 13.2, lastAgo: 0.3, fieldPath }),
        event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 49, firstAgo: 13.2, lastAgo: 0.3, fieldPath }),
      ]),
      ...fluent.pods.slice(3).flatMap((p) => [
        ...pulledFresh(p, 'fluentbit', 'gke.gcr.io/fluent-bit:v1.8.12-gke.36', { atAgo: 13.8, bytes: 31872104, seconds: 2.114 }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container fluentbit', firstAgo: 13.7, lastAgo: 13.7, fieldPath: 'spec.containers{fluentbit}' }),
      ]),
    ],
    logs: app.pods.slice(0, 5).map((p) => logsFor(p, 'app', { current: javaOk(p) })),
    expect: {
      verdict: 'problems',
      headline: [/503|Service Unavailable/i, /harbor|registry/i],
      facts: [/ImagePullBackOff|ErrImagePull/, /harbor\.corp\.acme\.io/, new RegExp(`new nodes?|scale-?up|scaled up|${freshNames.map((n) => lit(n).source).join('|')}`, 'i'), /already present|cached|old nodes|IfNotPresent|5\/7|5 of (the )?7/i],
      never: [ADVISES_ROLLBACK, /image (tag )?(does not exist|not found|is missing)|manifest unknown/i, /imagePullSecret|unauthori[sz]ed|credential/i, /\bOOM/],
    },
  };
}

// ---- 13. healthy: a JVM rollout in progress, the new pod still starting ---------------------------------

function healthyRolloutSlowJvmStart(): CorpusScenario {
  const ns = 'fraud';
  const { nodes, names } = threeEksNodes('10.0.104');
  const image = (v: string) => `${ECR}/fraud/risk-scoring:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '2', memory: '4Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
    startup: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 10, failureThreshold: 30 }),
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'risk-scoring',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 62, createdAgo: 6 * DAYS, changeCause: 'argocd: risk-scoring 7.40.0', template: tpl('7.40.0') },
      { revision: 63, createdAgo: 3, changeCause: 'argocd: risk-scoring 7.41.0', template: tpl('7.41.0') },
    ],
    pods: [
      ...[0, 1, 2, 0].map((k, i) => ({ revision: 62, node: names[k] ?? '', createdAgo: 6 * DAYS - i })),
      { revision: 63, node: names[1] ?? '', createdAgo: 2.9, containers: { app: { state: { running: { startedAt: ago(2.6) } }, ready: false, restartCount: 0, started: false } } },
    ],
  });
  const fresh = podOf(app, 4);
  const boot = lines(
    spring(2.6, 'INFO', 'main', 'com.acme.fraud.RiskScoringApplication', 'Starting RiskScoringApplication v7.41.0 using Java 21.0.5 with PID 1'),
    spring(2.5, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(2.3, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(2.2, 'INFO', 'main', 'c.a.fraud.model.ModelLoader', 'Loading model risk-gbm-v14 (412 MB) from s3://acme-fraud-models/risk-gbm-v14/'),
    spring(0.9, 'INFO', 'main', 'c.a.fraud.model.ModelLoader', 'Model risk-gbm-v14 loaded in 78.4 s, warming up feature cache (2.1M merchants)'),
    spring(0.2, 'INFO', 'main', 'c.a.fraud.features.MerchantCache', 'warm-up 61% (1.28M/2.1M merchants)'),
  );
  return {
    id: 'heldout15-healthy-jvm-rollout-in-progress',
    class: 'healthy',
    truth: 'Nothing is wrong: risk-scoring 7.41.0 (revision 63) started rolling out 3 minutes ago with maxSurge 1 / maxUnavailable 0. The first new pod is still starting: the JVM loads a 412 MB model and warms a cache, which takes about 3-4 minutes, and its startup probe (30 × 10 s budget) has failed 12 times so far, as it does on every release. All four revision-62 pods serve; the rollout is well within its 600 s progress deadline.',
    ask: { service: 'risk-scoring', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'risk-scoring', selector: { app: 'risk-scoring' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 63), 1, 0, 3),
      ...pulledFresh(fresh, 'app', image('7.41.0'), { atAgo: 2.9, bytes: 641203456, seconds: 11.482, pulledAgo: 2.65 }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 2.6, lastAgo: 2.6, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 2.6, lastAgo: 2.6, fieldPath: 'spec.containers{app}' }),
      probeFailed(fresh, 'app', 'Startup', `Get "http://${ipOfPod(fresh)}:8080/actuator/health/liveness": dial tcp ${ipOfPod(fresh)}:8080: connect: connection refused`, { count: 12, firstAgo: 2.5, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: boot }),
      ...app.pods.slice(0, 4).map((p) => logsFor(p, 'app', { current: lines(spring(1.5, 'INFO', 'nio-8080-exec-5', 'c.a.fraud.web.AccessLog', 'POST /v1/score 200 23ms'), spring(0.5, 'INFO', 'nio-8080-exec-1', 'c.a.fraud.web.AccessLog', 'POST /v1/score 200 19ms')) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|progress|rolling|starting|rollout/i],
      facts: [/revision 63|7\.41\.0/, /\b4\/[45]\b|4 of [45]|4 (old |ready )?pods|four/i],
      never: [/crash ?loop/i, BLAMES_ROLLOUT, /ProgressDeadlineExceeded|\bstuck\b|timed out/i, /startup probe[^\n]*(misconfigured|too short|wrong)/i],
    },
  };
}

// ---- 14. healthy: a steady service with an OOMKill three days ago and old HPA warnings ---------------------

function healthySteadyOldOomAndHpaNoise(): CorpusScenario {
  const ns = 'messaging';
  const nodes = [aksNode({ pool: 'apps', index: 1, zone: 1 }), aksNode({ pool: 'apps', index: 2, zone: 2 }), aksNode({ pool: 'apps', index: 5, zone: 3 })];
  const names = nodes.map(nameOf);
  const image = 'acmeprod.azurecr.io/messaging/notifications:6.8.2';
  const app = deploymentApp({
    namespace: ns,
    name: 'notifications',
    replicas: 3,
    revisions: [
      { revision: 39, createdAgo: 30 * DAYS, changeCause: 'flux: notifications 6.8.1', template: { containers: [container({ image: 'acmeprod.azurecr.io/messaging/notifications:6.8.1', ports: [3000], memory: '768Mi' })] } },
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'flux: notifications 6.8.2', template: { containers: [container({ image, ports: [3000], memory: '768Mi', readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [
      { revision: 40, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 40, node: names[1] ?? '', createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS + 200, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS + 200.1, ranSeconds: 9 * 24 * 3600 } }) } },
      { revision: 40, node: names[2] ?? '', createdAgo: 12 * DAYS },
    ],
    settled: { available: true, availableSince: 12 * DAYS, progressingSince: 12 * DAYS },
  });
  const metrics = 'unable to get metrics for resource cpu: no metrics returned from resource metrics API';
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'notifications', namespace: ns };
  const pino = (p: k8s.V1Pod, t: number, msg: string, extra: Record<string, unknown>) => JSON.stringify({ level: 30, time: epochMs(t), pid: 1, hostname: nameOf(p), msg, ...extra });
  return {
    id: 'heldout15-healthy-steady-old-oom-hpa-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with notifications: 3/3 pods Ready, revision 40 running for 12 days. One pod restarted once, OOMKilled three days ago after nine days of uptime (an isolated event, none since), and the HPA logged FailedGetResourceMetric warnings for a few minutes an hour ago while metrics-server restarted; it has read metrics normally since and has not needed to scale in two days.',
    ask: { service: 'notifications' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'notifications', selector: { app: 'notifications' }, pods: app.pods, endpointPort: 3000 }),
      hpa({ namespace: ns, name: 'notifications', target: { kind: 'Deployment', name: 'notifications' }, min: 3, max: 10, current: 3, desired: 3, cpu: { current: 31, target: 70, averageValue: '78m' }, lastScaleAgo: 2 * DAYS + 300 }),
      event({ on: hpaRef, reason: 'FailedGetResourceMetric', message: `failed to get cpu utilization: ${metrics}`, count: 4, firstAgo: 58, lastAgo: 55.5, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: ${metrics}`, count: 4, firstAgo: 58, lastAgo: 55.5, component: 'horizontal-pod-autoscaler' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(
      pino(p, 2.2, 'request completed', { req: { method: 'POST', url: '/v1/notify' }, res: { statusCode: 202 }, responseTime: 18 }),
      pino(p, 1.4, 'push batch sent', { provider: 'fcm', batch: 500, failed: 0, ms: 211 }),
      pino(p, 0.6, 'request completed', { req: { method: 'POST', url: '/v1/notify' }, res: { statusCode: 202 }, responseTime: 15 }),
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?(problem|issue)|looks (fine|good|ok)|running normally/i],
      facts: [/3\/3|3 of 3|all 3|three/i],
      never: [/(raise|increase|bump)[^\n]*memory/i, /crash ?loop/i, /metrics[^\n]*(unavailable|broken|missing)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  topologySpreadMissingZoneLabel(),
  pvcFileSystemResizePending(),
  cronJobReplaceKillsEveryRun(),
  redisMaxmemoryNoeviction(),
  harborRegistry503OnNewNodes(),
  healthyRolloutSlowJvmStart(),
  healthySteadyOldOomAndHpaNoise(),
];
