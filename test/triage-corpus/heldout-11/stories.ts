// Held-out stories, eleventh round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A revision that put /tmp on a memory-backed emptyDir so temp files count against the memory limit,
// a new LimitRange whose default limit is injected into pods re-created by a node rotation, a VPA in
// Auto mode that lowered the memory limit under a fixed -Xmx, a paused Deployment whose fix was never
// rolled out, a StatefulSet reverted after a bad revision whose broken pod the controller never
// replaces, an ExternalName Service repointed at a retired database hostname, a Service switched to
// internalTrafficPolicy Local so only callers on nodes without a backend time out (in this file);
// hostAliases pinning a dependency to its old IP, a priorityClassName typo that stalls a rollout, a
// hardening revision that turned off the service-account token a controller needs, a CronJob whose
// Jobs are refused by an object-count quota filled with leftover backfill Jobs, a DaemonSet with
// imagePullPolicy Never whose image exists only on the old node pool's AMI, and two healthy controls:
// a web service recovered hours ago, and a steady RabbitMQ with old noise (in ./more.ts).
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, container, coreDns, crashLoop, deploymentApp, epochMs, event, exposed, httpProbe,
  limitRange, nameOf, node, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, statefulSetApp, BLAMES_ROLLOUT, ago,
} from '../kit/index.js';
import { eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';
import { MORE_HOLDOUT_11_SCENARIOS } from './more.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built => heldOutBystander(ns, name, names, rolledAgo, { revisions: [112, 113], versions: ['1.4.0', '1.4.1'], olderAgo: 11 * DAYS });

/** The object of `kind` (and `name`, if given) among a built workload's objects. */
function objectOf<T>(b: { objects: KubeJson[] }, kind: string, name?: string): T {
  const o = b.objects.find((x) => x.kind === kind && (name === undefined || x.metadata?.name === name));
  if (o === undefined) throw new Error(`no ${kind} ${name ?? ''}`);
  return o as T;
}

/** A pod's containers replaced by copies changed by `fn` (the kit shares container objects between the template and the pods). */
function withContainers(p: k8s.V1Pod, fn: (c: k8s.V1Container) => k8s.V1Container): void {
  if (p.spec) p.spec.containers = p.spec.containers.map((c) => fn({ ...c }));
}

/** managedFields saying who last wrote the object's spec, and when (what `kubectl get --show-managed-fields` shows). */
function lastWrittenBy(o: KubeJson, manager: string, atAgo: number): void {
  if (o.metadata) o.metadata.managedFields = [{ manager, operation: 'Update', apiVersion: o.apiVersion ?? 'v1', time: ago(atAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }];
}

// ---- 1. /tmp moved to a memory-backed emptyDir: temp files count against the memory limit -------

function tmpfsCountsAgainstMemoryLimit(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.111');
  const tpl = (v: string, tmpfs: boolean) => ({
    containers: [container({
      image: `${ECR}/media/thumbnailer:${v}`, ports: [8080], cpu: '1', memory: '1Gi',
      env: [{ name: 'TMPDIR', value: '/tmp' }, { name: 'WORKER_CONCURRENCY', value: '1' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      ...(tmpfs ? { volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] } : {}),
    })],
    ...(tmpfs ? { volumes: [{ name: 'scratch', emptyDir: { medium: 'Memory' } }] } : {}),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 5.1.3', template: tpl('5.1.3', false) },
      { revision: 22, createdAgo: 3 * HOURS, changeCause: 'argocd: thumbnailer 5.2.0 (scratch dir on tmpfs for faster ffmpeg I/O)', template: tpl('5.2.0', true) },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 3 * HOURS - 1, containers: { app: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2, ranSeconds: 610 }, 7) } },
      { revision: 22, node: names[1] ?? '', createdAgo: 3 * HOURS - 2, containers: { app: running({ sinceAgo: 4, restarts: 6, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4.1, ranSeconds: 1250 } }) } },
      { revision: 22, node: names[2] ?? '', createdAgo: 3 * HOURS - 3, containers: { app: running({ sinceAgo: 19, restarts: 5, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 19.1, ranSeconds: 880 } }) } },
    ],
    settled: { available: true, availableSince: 2, progressingSince: 3 * HOURS - 4 },
  });
  const other = bystander(ns, 'media-catalog', names, 40);
  const image = `${ECR}/media/thumbnailer:5.2.0`;
  const prev = (p: k8s.V1Pod, k: number) => lines(
    `${pyTime(12)} INFO thumbnailer.main: thumbnailer 5.2.0 ready (pid 1, concurrency 1, tmpdir /tmp)`,
    `${pyTime(11.9)} INFO thumbnailer.memstats: rss=214MB python_heap=151MB`,
    `${pyTime(4)} INFO thumbnailer.worker: job v-8812${k} source=s3://media-uploads/raw/v-8812${k}.mov size=734003200`,
    `${pyTime(3.9)} INFO thumbnailer.worker: downloaded to /tmp/v-8812${k}/source.mov (700.0 MiB)`,
    `${pyTime(3.2)} INFO thumbnailer.ffmpeg: transcoding 1080p -> /tmp/v-8812${k}/out-1080p.mp4`,
    `${pyTime(2.2)} INFO thumbnailer.ffmpeg: progress 38% out=/tmp/v-8812${k}/out-1080p.mp4 written=171MB`,
    `${pyTime(2.1)} INFO thumbnailer.memstats: rss=236MB python_heap=158MB pod=${nameOf(p)}`,
  );
  const sick = podOf(app, 0);
  return {
    id: 'heldout11-tmpfs-tmp-counts-against-memory-limit',
    class: 'containers',
    truth: 'Revision 22 (thumbnailer 5.2.0, 3 hours ago) mounted an emptyDir with medium: Memory (tmpfs) on /tmp to speed up ffmpeg. Every job downloads the source video (~700 MiB) and writes the transcoded output to /tmp, and tmpfs pages are charged to the container\'s memory cgroup: with the Python process at ~240 MB, a large job pushes the container past its 1Gi limit and the kernel OOM-kills it (exit 137, OOMKilled) — all three pods, 5-7 restarts each. The heap is small and did not grow; the media-catalog rollout 40 minutes ago is unrelated. Fix: put /tmp back on disk (an emptyDir without medium: Memory, or with a sizeLimit and a larger memory limit), or roll back to revision 21.',
    ask: { service: 'thumbnailer' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-catalog', selector: { app: 'media-catalog' }, pods: other.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 22), 3, 2, 3 * HOURS - 3),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 21), 0, 1, 3 * HOURS - 4),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 113), 2, 0, 40),
      ...app.pods.flatMap((p, k) => restartedAgain(p, 'app', image, { count: [7, 6, 5][k] ?? 5, firstAgo: 2 * HOURS + 20 - 10 * k, lastAgo: [2, 4, 19][k] ?? 2 })),
      backOff(sick, 'app', { count: 9, firstAgo: 70, lastAgo: 0.5 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(p, k), current: lines(`${pyTime(1)} INFO thumbnailer.main: thumbnailer 5.2.0 ready (pid 1, concurrency 1, tmpdir /tmp)`) })),
    expect: {
      verdict: 'problems',
      headline: [/OOM|137/, /tmpfs|medium.{0,4}Memory|emptyDir|\/tmp|scratch/i],
      facts: [/revision 22/, /1Gi/, /3\/3|all 3|three/i],
      never: [/liveness|readiness probe fail/i, /media-catalog/, /node[^\n]{0,30}memory ?pressure/i],
    },
  };
}

// ---- 2. a new LimitRange's default limit, injected when a node rotation re-created the pods -------

function limitRangeDefaultInjectedOnNodeRotation(): CorpusScenario {
  const ns = 'pricing';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const fresh = ['10.0.122.18', '10.0.122.140', '10.0.122.201'].map((ip, k) => node({ name: eksNodeName(ip), zone: zones[k] ?? 'eu-west-1a', pool: 'general', createdAgo: 62 - k, readySince: 61 - k }));
  const names = fresh.map(nameOf);
  const retired = ['10.0.122.33', '10.0.122.151', '10.0.122.77'].map(eksNodeName);
  const image = `${ECR}/pricing/fx-rates:2.11.4`;
  const tpl = { containers: [container({ image, ports: [8080], cpu: '250m', memory: '256Mi', memoryLimit: null, env: [{ name: 'FX_HISTORY_DAYS', value: '90' }] })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 41 * DAYS, changeCause: 'argocd: fx-rates 2.11.3', template: { containers: [container({ image: `${ECR}/pricing/fx-rates:2.11.3`, ports: [8080], cpu: '250m', memory: '256Mi', memoryLimit: null })] } },
      { revision: 9, createdAgo: 30 * DAYS, changeCause: 'argocd: fx-rates 2.11.4', template: tpl },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 55, containers: { app: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.5, ranSeconds: 170 }, 11) } },
      { revision: 9, node: names[1] ?? '', createdAgo: 52, containers: { app: running({ sinceAgo: 2, ready: true, restarts: 10, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2.1, ranSeconds: 190 } }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 49, containers: { app: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 0.8, ranSeconds: 160 }, 10) } },
    ],
    settled: { available: false, availableSince: 48, progressingSince: 30 * DAYS },
  });
  // Admission (LimitRanger) filled in the missing limits when the pods were re-created: the template has none.
  for (const p of app.pods) {
    withContainers(p, (c) => ({ ...c, resources: { requests: c.resources?.requests ?? {}, limits: { cpu: '500m', memory: '256Mi' } } }));
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory limit for container app' } };
  }
  const admin = deploymentApp({
    namespace: ns,
    name: 'fx-admin',
    replicas: 1,
    revisions: [{ revision: 5, createdAgo: 20 * DAYS, changeCause: 'argocd: fx-admin 0.9.2', template: { containers: [container({ image: `${ECR}/pricing/fx-admin:0.9.2`, ports: [8080], memory: '128Mi', memoryLimit: '256Mi', cpuLimit: '500m' })] } }],
    pods: [{ revision: 5, node: names[1] ?? '', createdAgo: 50 }],
  });
  const prev = (k: number) => lines(
    `{"time":"${at(4)}","level":"INFO","msg":"fx-rates 2.11.4 starting","history_days":90}`,
    `{"time":"${at(3.9)}","level":"INFO","msg":"loading rate history","pairs":162,"source":"s3://pricing-fx/history/"}`,
    `{"time":"${at(3)}","level":"INFO","msg":"rate history loaded","pairs":162,"points":${13996800 + k},"heap_mb":231}`,
    `{"time":"${at(2.8)}","level":"INFO","msg":"building cross-rate matrix","pairs":162}`,
  );
  return {
    id: 'heldout11-limitrange-default-injected-on-node-rotation',
    class: 'config',
    truth: 'The platform team created LimitRange container-defaults in namespace pricing three days ago, with a default memory limit of 256Mi for containers that set none. fx-rates\' template (revision 9, unchanged for 30 days) requests 256Mi and sets no limit, and its Go process needs ~450 MB once the 90-day rate history is loaded. Nothing happened until the node group\'s AMI rotation an hour ago re-created all three pods: admission injected the default limits (annotation kubernetes.io/limit-ranger "LimitRanger plugin set: cpu, memory limit for container app"), so every pod now runs with a 256Mi limit and is OOMKilled (exit 137) while building its matrix, 10-11 restarts each. No rollout happened and the new nodes are healthy. Fix: set an explicit memory limit (e.g. 768Mi) in the fx-rates template, or change the LimitRange default.',
    ask: { service: 'fx-rates' },
    objects: [
      ...fresh, ...app.objects, ...admin.objects,
      limitRange({ namespace: ns, name: 'container-defaults', createdAgo: 3 * DAYS, limits: [{ type: 'Container', _default: { memory: '256Mi', cpu: '500m' }, defaultRequest: { memory: '128Mi', cpu: '100m' } } as k8s.V1LimitRangeItem] }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: app.pods }),
      ...retired.map((n, k) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 60 - 4 * k })),
      ...retired.map((n, k) => nodeEvent(n, 'RemovingNode', `Node ${n} event: Removing Node ${n} from Controller`, { firstAgo: 50 - 4 * k, component: 'node-controller' })),
      ...app.pods.flatMap((p, k) => [scheduled(p, [55, 52, 49][k] ?? 50), ...restartedAgain(p, 'app', image, { count: [12, 11, 11][k] ?? 11, firstAgo: [54.9, 51.9, 48.9][k] ?? 50, lastAgo: [4.4, 2, 3.6][k] ?? 2 })]),
      backOff(podOf(app, 0), 'app', { count: 31, firstAgo: 45 }),
      backOff(podOf(app, 2), 'app', { count: 27, firstAgo: 41 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(k) })),
    expect: {
      verdict: 'problems',
      headline: [/LimitRange|limit-ranger|container-defaults|default (memory )?limit/i, /OOM|137|256Mi/],
      facts: [/container-defaults/, /256Mi/, /3\/3|all 3|three/i],
      never: [BLAMES_ROLLOUT, /node[^\n]{0,30}(NotReady|unhealthy|pressure)/i, /fx-admin/],
    },
  };
}

// ---- 3. a VPA in Auto mode lowered the memory limit under a fixed -Xmx ----------------------------

function vpaLoweredMemoryLimit(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.133');
  const image = `${ECR}/orders/orders-api:11.2.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [{
      revision: 31, createdAgo: 12 * DAYS, changeCause: 'argocd: orders-api 11.2.0',
      template: { containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xms1g -Xmx1536m -XX:+UseG1GC -Xlog:gc:stdout' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] },
    }],
    pods: [0, 1, 2].map((k) => ({
      revision: 31, node: names[k] ?? '', createdAgo: 70 - 5 * k,
      containers: { app: k === 1 ? crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.2, ranSeconds: 720 }, 5) : running({ sinceAgo: 6 + 3 * k, restarts: 5 - k, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6.1 + 3 * k, ranSeconds: 840 } }) },
    })),
    settled: { available: true, availableSince: 64, progressingSince: 12 * DAYS },
  });
  // The VPA admission controller rewrote the pods' resources at creation; the template still says 2Gi.
  for (const p of app.pods) {
    withContainers(p, (c) => ({ ...c, resources: { requests: { cpu: '1', memory: '896Mi' }, limits: { memory: '896Mi' } } }));
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, vpaUpdates: 'Pod resources updated by orders-vpa: container 0: memory request, memory limit', vpaObservedContainers: 'app' } };
  }
  const evicted = ['q7kzn', 'x4bwd', 'm2plr'].map((s) => `${rsOf(app, 31)}-${s}`);
  const prev = (k: number) => lines(
    `${at(15)}  INFO 1 --- [main] c.a.orders.OrdersApiApplication : Started OrdersApiApplication in 21.84 seconds (process running for 23.1)`,
    `[${at(9)}][info][gc] GC(${401 + k}) Pause Young (Normal) (G1 Evacuation Pause) 702M->611M(1024M) 11.904ms`,
    `[${at(7)}][info][gc] GC(${433 + k}) Pause Young (Normal) (G1 Evacuation Pause) 988M->842M(1232M) 16.211ms`,
    `[${at(6.3)}][info][gc] GC(${451 + k}) Pause Young (Normal) (G1 Evacuation Pause) 1090M->884M(1536M) 18.233ms`,
    `${at(6.2)}  INFO 1 --- [http-nio-8080-exec-7] c.a.orders.api.OrderController : GET /v3/orders?customer=c-88412&page=1 200 148ms`,
  );
  return {
    id: 'heldout11-vpa-auto-lowered-memory-limit',
    class: 'capacity',
    truth: 'The VerticalPodAutoscaler orders-vpa (updateMode Auto, installed last week) evicted the three orders-api pods about 70 minutes ago (EvictedByVPA) and its admission controller re-created them with memory request and limit 896Mi (pod annotation vpaUpdates "Pod resources updated by orders-vpa: container 0: memory request, memory limit") instead of the template\'s 2Gi, a recommendation learnt over a quiet weekend. The JVM is started with -Xmx1536m, so once the heap grows past ~880M under traffic the container exceeds 896Mi and is OOMKilled (exit 137), 3-5 restarts per pod. No rollout happened (revision 31 is 12 days old) and the heap is not leaking. Fix: set the VPA to Off/Initial or give it a minAllowed of 2Gi (or size the heap from the limit with MaxRAMPercentage), then restart the pods.',
    ask: { service: 'orders-api' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...evicted.map((n, k) => event({ on: { kind: 'Pod', name: n, namespace: ns }, type: 'Normal', reason: 'EvictedByVPA', message: 'Pod was evicted by VPA Updater to apply resource recommendation.', firstAgo: 71 - 5 * k, lastAgo: 71 - 5 * k, component: 'vpa-updater' })),
      ...app.pods.flatMap((p, k) => [scheduled(p, 70 - 5 * k), ...restartedAgain(p, 'app', image, { count: 6 - k, firstAgo: 69.9 - 5 * k, lastAgo: k === 1 ? 13 : 6 + 3 * k })]),
      backOff(podOf(app, 1), 'app', { count: 6, firstAgo: 30 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(k) })),
    expect: {
      verdict: 'problems',
      headline: [/orders-vpa|VPA|vertical ?pod ?autoscaler/i, /OOM|137|896Mi/],
      facts: [/896Mi/, /2Gi/, /Xmx1536m|1536m|1536M/],
      never: [BLAMES_ROLLOUT, /memory leak/i, /liveness/i],
    },
  };
}

// ---- 4. a paused Deployment: the fix was pushed but never rolled out --------------------------------

function pausedDeploymentFixNeverRolledOut(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.144');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/notify/push-gateway:${v}`, ports: [3000], memory: '384Mi', readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'push-gateway',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: push-gateway 3.3.2', template: tpl('3.3.2') },
      { revision: 41, createdAgo: 150, changeCause: 'argocd: push-gateway 3.4.0', template: tpl('3.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 149 - 2 * k, containers: { app: k === 2 ? running({ sinceAgo: 0.6, ready: true, restarts: 24, last: { exitCode: 1, finishedAgo: 0.7, ranSeconds: 95 } }) : crashLoop({ exitCode: 1, finishedAgo: 1 + k, ranSeconds: 80 + 10 * k }, 25 - k) } })),
  });
  // Paused at 95 minutes ago; the fix (3.4.1) was pushed 40 minutes ago: the template changed, no ReplicaSet was made.
  const deployment = objectOf<k8s.V1Deployment>(app, 'Deployment');
  const fixed = tpl('3.4.1');
  deployment.metadata = { ...deployment.metadata, generation: 46, annotations: { ...deployment.metadata?.annotations, 'kubernetes.io/change-cause': 'argocd: push-gateway 3.4.1 (fix: apns token config read before init)' } };
  deployment.spec = { ...deployment.spec, paused: true, selector: deployment.spec?.selector ?? {}, template: { ...deployment.spec?.template, spec: { ...deployment.spec?.template.spec, containers: fixed.containers } } };
  deployment.status = {
    ...deployment.status,
    observedGeneration: 46,
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(138), lastTransitionTime: ago(138) },
      { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ago(95), lastTransitionTime: ago(95) },
    ],
  };
  lastWrittenBy(deployment, 'argocd-controller', 40);
  const image = `${ECR}/notify/push-gateway:3.4.0`;
  const prev = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${epochMs(2.6)},"pid":1,"hostname":"${nameOf(p)}","msg":"push-gateway 3.4.0 listening on :3000"}`,
    `{"level":30,"time":${epochMs(2.5)},"pid":1,"hostname":"${nameOf(p)}","msg":"fcm provider ready"}`,
    `{"level":30,"time":${epochMs(1.3)},"pid":1,"hostname":"${nameOf(p)}","msg":"flushing batch","provider":"apns","size":212}`,
    '/app/dist/providers/apns.js:88',
    '    const keyId = this.config.token.keyId;',
    '                                    ^',
    '',
    "TypeError: Cannot read properties of undefined (reading 'keyId')",
    '    at ApnsProvider.send (/app/dist/providers/apns.js:88:37)',
    '    at async Dispatcher.flush (/app/dist/dispatcher.js:41:9)',
    '',
    'Node.js v20.18.0',
  );
  return {
    id: 'heldout11-paused-deployment-fix-never-rolled-out',
    class: 'rollout',
    truth: 'Revision 41 (push-gateway 3.4.0, 150 minutes ago) crashes on its first APNs batch (TypeError: Cannot read properties of undefined (reading \'keyId\')), so all three pods crash-loop with exit 1. During the incident someone ran kubectl rollout pause (95 minutes ago) to stop Argo CD from churning; the fix 3.4.1 was merged and synced 40 minutes ago, which changed the Deployment\'s template, but a paused Deployment creates no new ReplicaSet (Progressing: DeploymentPaused), so the pods still run 3.4.0. Fix: kubectl rollout resume deployment/push-gateway; a rollback would not apply either while the Deployment is paused.',
    ask: { service: 'push-gateway' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deployment, rsOf(app, 41), 3, 2, 146),
      scaledReplicaSet(deployment, rsOf(app, 40), 0, 1, 145),
      ...app.pods.flatMap((p, k) => [...restartedAgain(p, 'app', image, { count: 25 - k, firstAgo: 140 - k, lastAgo: k === 2 ? 0.6 : 6 + k }), backOff(p, 'app', { count: 480 - 20 * k, firstAgo: 138 - k, lastAgo: k === 2 ? 1.5 : 0.4 })]),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/ready": dial tcp ${ipOfPod(p)}:3000: connect: connection refused`, { count: 60, firstAgo: 140, lastAgo: 2 })),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { previous: prev(p), current: lines(`{"level":30,"time":${epochMs(0.5)},"pid":1,"hostname":"${nameOf(p)}","msg":"push-gateway 3.4.0 listening on :3000"}`) })),
    expect: {
      verdict: 'problems',
      headline: [/paused/i],
      facts: [/3\.4\.1/, /rollout resume|resume/i, /revision 41|3\.4\.0/, /keyId|TypeError/],
      never: [/roll(ing)? ?back to|rollout undo|undo the rollout/i, /\bOOM/],
    },
  };
}

// ---- 5. a StatefulSet reverted after a bad revision: the broken pod is never replaced -----------------

function statefulSetBrokenPodNotReplaced(): CorpusScenario {
  const ns = 'kv';
  const { nodes, names } = threeEksNodes('10.0.155');
  const tpl = (v: string) => ({ containers: [container({ name: 'kvstore', image: `${ECR}/kv/kvstore:${v}`, args: ['-raft-dir=/data/raft', '-http-addr=:8080', '-join=kvstore-0.kvstore-peers.kv.svc.cluster.local:8080'], ports: [8080, { name: 'raft', containerPort: 7000 }], cpu: '500m', memory: '1Gi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] });
  const app = statefulSetApp({
    namespace: ns,
    name: 'kvstore',
    replicas: 3,
    serviceName: 'kvstore-peers',
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 7, createdAgo: 20 * DAYS, template: tpl('1.9.4') },
      { revision: 8, createdAgo: 72, template: tpl('2.0.0') },
    ],
    pods: [
      { revision: 7, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 7, ordinal: 1, node: names[1] ?? '', createdAgo: 20 * DAYS },
      { revision: 8, ordinal: 2, node: names[2] ?? '', createdAgo: 70, containers: { kvstore: crashLoop({ exitCode: 2, finishedAgo: 3, ranSeconds: 0.2 }, 18) } },
    ],
    currentRevision: 7,
  });
  // The template was reverted 40 minutes ago: the controller reused revision 7's ControllerRevision as
  // revision 9, so current and update revisions are the good one again, but kvstore-2 keeps the bad one.
  const sts = objectOf<k8s.V1StatefulSet>(app, 'StatefulSet');
  const revs = app.objects.filter((o) => o.kind === 'ControllerRevision') as k8s.V1ControllerRevision[];
  const good = revs.find((r) => r.revision === 7);
  const bad = revs.find((r) => r.revision === 8);
  if (good === undefined || bad === undefined) throw new Error('kvstore: missing revisions');
  good.revision = 9;
  const goodName = nameOf(good);
  sts.metadata = { ...sts.metadata, generation: 9 };
  sts.spec = { ...sts.spec, selector: sts.spec?.selector ?? {}, serviceName: 'kvstore-peers', template: { ...sts.spec?.template, spec: { ...sts.spec?.template.spec, containers: tpl('1.9.4').containers } } };
  sts.status = { ...sts.status, replicas: 3, observedGeneration: 9, currentRevision: goodName, updateRevision: goodName, currentReplicas: 2, updatedReplicas: 2 };
  lastWrittenBy(sts, 'argocd-controller', 40);
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-kvstore-${k}`, storage: '50Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 20 * DAYS, storageClass: 'gp3', labels: { app: 'kvstore' } }));
  const broken = podOf(app, 2);
  const usage = lines(
    'flag provided but not defined: -raft-dir',
    'Usage of /usr/local/bin/kvstore:',
    '  -data-dir string',
    '    \tdirectory for the raft log and snapshots (default "/var/lib/kvstore")',
    '  -http-addr string',
    '    \tHTTP API listen address (default ":8080")',
    '  -join string',
    '    \tcomma-separated peers to join',
  );
  const peerLog = (p: k8s.V1Pod) => lines(
    `${at(5)} [WARN]  raft: failed to contact: server-id=kvstore-2 time=1h9m12.4s`,
    `${at(3)} [INFO]  http: GET /v1/kv/config/feature-flags 200 0.4ms node=${nameOf(p)}`,
    `${at(1)} [WARN]  raft: failed to contact: server-id=kvstore-2 time=1h13m12.7s`,
  );
  return {
    id: 'heldout11-statefulset-broken-pod-not-replaced',
    class: 'rollout',
    truth: 'Revision 8 of the kvstore StatefulSet (kvstore 2.0.0, 72 minutes ago) renamed the -raft-dir flag to -data-dir; the rolling update began with kvstore-2, which exits 2 at once ("flag provided but not defined: -raft-dir") and crash-loops. The team reverted the template to 1.9.4 40 minutes ago (the controller reused the old ControllerRevision as revision 9, so currentRevision and updateRevision are the good one), but a StatefulSet does not replace a pod of the bad revision until it becomes Ready, which it never will (the known "forced rollback" limitation): kvstore-2 still carries controller-revision-hash of revision 8. Raft keeps quorum on kvstore-0 and kvstore-1 (2/3). Fix: kubectl delete pod kvstore-2 -n kv; it comes back on the reverted template. No further rollback is needed.',
    ask: { service: 'kvstore' },
    objects: [
      ...nodes, ...app.objects, ...claims,
      ...exposed({ namespace: ns, name: 'kvstore-peers', selector: { app: 'kvstore' }, pods: app.pods, headless: true, ports: [{ name: 'http', port: 8080, targetPort: 8080 }, { name: 'raft', port: 7000, targetPort: 7000 }] }),
      ...exposed({ namespace: ns, name: 'kvstore', selector: { app: 'kvstore' }, pods: app.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kvstore-2 in StatefulSet kvstore successful', firstAgo: 71, lastAgo: 71, component: 'statefulset-controller' }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kvstore-2 in StatefulSet kvstore successful', firstAgo: 70, lastAgo: 70, component: 'statefulset-controller' }),
      ...restartedAgain(broken, 'kvstore', `${ECR}/kv/kvstore:2.0.0`, { count: 19, firstAgo: 69.8, lastAgo: 3 }),
      backOff(broken, 'kvstore', { count: 318, firstAgo: 69 }),
    ],
    logs: [
      logsFor(broken, 'kvstore', { previous: usage, current: usage }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'kvstore', { current: peerLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kvstore-2/, /revision 8|2\.0\.0|raft-dir|exit(ed)?( code)? 2|crash/i],
      facts: [/delete (pod )?kvstore-2|kubectl delete pod/i, /raft-dir/, /2\/3|two of (the )?three|kvstore-0 and kvstore-1/i],
      never: [/roll(ing)? ?back to|rollout undo|undo the rollout/i, /\bOOM/, /no space|disk full|volume full/i],
    },
  };
}

// ---- 6. an ExternalName Service repointed at a retired database hostname ------------------------------

function externalNameRetiredHost(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.166');
  const image = `${ECR}/billing/invoice-worker:7.3.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 3,
    revisions: [{
      revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-worker 7.3.1',
      template: { containers: [container({ image, ports: [8080], env: [{ name: 'DATABASE_HOST', value: 'billing-db' }, { name: 'DATABASE_NAME', value: 'billing' }, { name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: 'billing-db-credentials', key: 'password' } } }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 6 * DAYS, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1 + k, ranSeconds: 14 }, 9 - k) } })),
    settled: { available: false, availableSince: 33, progressingSince: 6 * DAYS },
  });
  const db = service({ namespace: ns, name: 'billing-db', selector: {} });
  db.spec = { type: 'ExternalName', externalName: 'billing-pg-legacy.c7xk2p4q9z1m.eu-west-1.rds.amazonaws.com', sessionAffinity: 'None', ports: [{ name: 'postgres', port: 5432, targetPort: 5432, protocol: 'TCP' }] };
  lastWrittenBy(db, 'argocd-controller', 35);
  const other = bystander(ns, 'invoice-pdf', names, 50);
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[2] ?? '' }]);
  const prev = lines(
    `${pyTime(1.3)} INFO invoice_worker.main: starting invoice-worker 7.3.1 (queue=invoices, concurrency=8)`,
    `${pyTime(1.25)} WARNING invoice_worker.db: database unavailable, retrying in 2s (1/5)`,
    `${pyTime(1.1)} WARNING invoice_worker.db: database unavailable, retrying in 8s (3/5)`,
    `${pyTime(1.0)} ERROR invoice_worker.main: giving up: database unreachable`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 145, in __init__',
    '    self._dbapi_connection = engine.raw_connection()',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not translate host name "billing-db" to address: Name or service not known',
    '',
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
  );
  return {
    id: 'heldout11-externalname-service-retired-hostname',
    class: 'network',
    truth: 'invoice-worker reaches Postgres through the ExternalName Service billing-db. An Argo CD sync of the infra chart 35 minutes ago (a stale values file) repointed it from the new Aurora cluster to billing-pg-legacy.c7xk2p4q9z1m.eu-west-1.rds.amazonaws.com, the instance retired two weeks ago whose DNS record no longer exists. Lookups of billing-db now end in NXDOMAIN ("could not translate host name \\"billing-db\\" to address: Name or service not known"), so all three workers exit 1 on start and crash-loop. CoreDNS is healthy and resolves everything else; invoice-worker itself did not change and the invoice-pdf rollout 50 minutes ago is unrelated. Fix: point billing-db\'s externalName back at the Aurora writer endpoint.',
    ask: { service: 'invoice-worker' },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...dns.objects, db,
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 113), 2, 0, 50),
      ...app.pods.flatMap((p, k) => [...restartedAgain(p, 'app', image, { count: 9 - k, firstAgo: 33, lastAgo: 1.3 + k }), backOff(p, 'app', { count: 120 - 10 * k, firstAgo: 32 })]),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { previous: prev, current: lines(`${pyTime(0.3)} INFO invoice_worker.main: starting invoice-worker 7.3.1 (queue=invoices, concurrency=8)`) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(2)} INFO pdf rendered invoice=inv_5521${nameOf(p).slice(-1)} pages=3 ms=412`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/billing-db/, /ExternalName|billing-pg-legacy|translate host name|NXDOMAIN|resolv|DNS/i],
      facts: [lit('billing-pg-legacy'), /could not translate host name|Name or service not known/i, /3\/3|all 3|three/i],
      never: [/CoreDNS (is )?(down|crash|unhealthy|broken|failing)/i, BLAMES_ROLLOUT, /invoice-pdf/],
    },
  };
}

// ---- 7. a Service switched to internalTrafficPolicy Local: callers on nodes without a backend time out --

function internalTrafficPolicyLocal(): CorpusScenario {
  const { nodes, names } = threeEksNodes('10.0.177');
  const lonely = names[2] ?? '';
  const geoImage = `${ECR}/geo/geoip:3.0.7`;
  const geo = deploymentApp({
    namespace: 'geo',
    name: 'geoip',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 16 * DAYS, changeCause: 'argocd: geoip 3.0.7', template: { containers: [container({ image: geoImage, ports: [8080], memory: '768Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 16 * DAYS })),
    settled: { available: true, availableSince: 16 * DAYS, progressingSince: 16 * DAYS },
  });
  const [geoSvc, geoSlice] = exposed({ namespace: 'geo', name: 'geoip', selector: { app: 'geoip' }, pods: geo.pods });
  if (geoSvc === undefined || geoSlice === undefined) throw new Error('geoip: no Service');
  (geoSvc as k8s.V1Service).spec = { ...(geoSvc as k8s.V1Service).spec, internalTrafficPolicy: 'Local' };
  lastWrittenBy(geoSvc, 'argocd-controller', 25);
  const image = `${ECR}/shop/checkout-web:24.11.3`;
  const app = deploymentApp({
    namespace: 'shop',
    name: 'checkout-web',
    replicas: 3,
    revisions: [{ revision: 88, createdAgo: 4 * DAYS, changeCause: 'argocd: checkout-web 24.11.3', template: { containers: [container({ image, ports: [3000], memory: '1Gi', readiness: httpProbe('/health/ready', 3000, { timeoutSeconds: 5 }), liveness: httpProbe('/health/live', 3000) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 4 * DAYS, ...(k === 2 ? { containers: { app: running({ sinceAgo: 4 * DAYS, ready: false }) } } : {}) })),
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 4 * DAYS },
  });
  const sick = podOf(app, 2);
  const railsTime = (m: number) => at(m).replace('Z', '');
  const ok = (p: k8s.V1Pod) => lines(
    `I, [${railsTime(3)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 200 OK in 212ms (Views: 41.3ms | ActiveRecord: 38.2ms | Allocations: 51822)`,
    `I, [${railsTime(2)} #1]  INFO -- : [GeoIP] lookup 81.2.69.160 -> GB (4ms)`,
    `I, [${railsTime(1)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 200 OK in 187ms (Views: 39.0ms | ActiveRecord: 35.7ms | Allocations: 50117)`,
  );
  const failing = lines(
    `I, [${railsTime(26)} #1]  INFO -- : [GeoIP] lookup 81.2.69.160 -> GB (5ms)`,
    `E, [${railsTime(24)} #1] ERROR -- : [GeoIP] Net::OpenTimeout: Failed to open TCP connection to geoip.geo.svc.cluster.local:80 (execution expired)`,
    `W, [${railsTime(23.9)} #1]  WARN -- : [health] readiness check geoip failed: Net::OpenTimeout`,
    `E, [${railsTime(2)} #1] ERROR -- : [GeoIP] Net::OpenTimeout: Failed to open TCP connection to geoip.geo.svc.cluster.local:80 (execution expired)`,
    `I, [${railsTime(1.9)} #1]  INFO -- : [5f2a1] Completed 503 Service Unavailable in 5004ms (Allocations: 2210)`,
  );
  return {
    id: 'heldout11-internal-traffic-policy-local-one-node',
    class: 'network',
    truth: `A cost change synced 25 minutes ago set internalTrafficPolicy: Local on the geoip Service (namespace geo) to keep its traffic inside each node. geoip has only two pods, on ${names[0] ?? ''} and ${names[1] ?? ''}; on ${lonely} there is no local endpoint, so kube-proxy drops connections to the Service and the checkout-web pod there times out (Net::OpenTimeout to geoip.geo.svc.cluster.local:80), fails its readiness check and has been out of the Service for 24 minutes: 1 of 3 checkout-web pods. The two checkout-web pods on the other nodes are fine; geoip itself is healthy and nothing in checkout-web changed. Fix: set internalTrafficPolicy back to Cluster (or run geoip on every node, e.g. as a DaemonSet).`,
    ask: { service: 'checkout-web', namespace: 'shop' },
    objects: [
      ...nodes, ...app.objects, ...geo.objects, geoSvc, geoSlice,
      ...exposed({ namespace: 'shop', name: 'checkout-web', selector: { app: 'checkout-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      probeFailed(sick, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 144, firstAgo: 24 }),
      event({ on: app.pods[0] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(app.pods[0])}:3000/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 30 * HOURS, lastAgo: 30 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: k === 2 ? failing : ok(p) })),
      ...geo.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1)}","level":"INFO","msg":"lookup","ip":"81.2.69.160","country":"GB","us":312}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/geoip/, /internalTrafficPolicy|traffic ?policy|no (local )?(geoip )?(pod|endpoint)|node-local/i],
      facts: [lit(lonely), /1\/3|one of (the )?3|1 of 3|one pod/i, /internalTrafficPolicy/i],
      never: [/network ?polic/i, BLAMES_ROLLOUT, /CoreDNS/i, /\bOOM/],
    },
  };
}

export const HOLDOUT_11_SCENARIOS: CorpusScenario[] = [
  tmpfsCountsAgainstMemoryLimit(),
  limitRangeDefaultInjectedOnNodeRotation(),
  vpaLoweredMemoryLimit(),
  pausedDeploymentFixNeverRolledOut(),
  statefulSetBrokenPodNotReplaced(),
  externalNameRetiredHost(),
  internalTrafficPolicyLocal(),
  ...MORE_HOLDOUT_11_SCENARIOS,
];
