// Held-out round 14, second part (see stories.ts for the round's summary): an unsafe sysctl on a
// Redis StatefulSet, a heap size passed in bytes through the Downward API, a template pinned by
// nodeName, Linux pods on an untainted Windows pool, a copied Deployment the Service also selects,
// and the two healthy controls.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, container, deploymentApp, event, execProbe, exposed, kubeletEviction, nameOf, node,
  probeFailed, pulledFresh, pyTime, replicaSetOf, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, terminated,
  waiting, crashLoop, restartedAgain, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, lit, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const bystander = (ns: string, name: string, names: readonly string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [40, 41], versions: ['1.9.4', '1.10.0'], olderAgo: 12 * DAYS });
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const date = (minutes: number): Date => new Date(Date.parse(at(minutes)));

/** A pod the kubelet refused at admission: status as rejectPod writes it (no containers, no IP). */
function rejectedByKubelet(p: k8s.V1Pod, reason: string, message: string): void {
  const scheduledCond = (p.status?.conditions ?? []).filter((c) => c.type === 'PodScheduled');
  p.status = { phase: 'Failed', reason, message: `Pod was rejected: ${message}`, conditions: scheduledCond, ...(p.status?.qosClass === undefined ? {} : { qosClass: p.status.qosClass }) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Redis's log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = date(minutes);
  const iso = d.toISOString();
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${iso.slice(11, 23)}`;
}

// ---- 8. a StatefulSet revision adds the unsafe sysctl net.core.somaxconn -------------------------------

function sysctlSomaxconnForbidden(): CorpusScenario {
  const ns = 'cache';
  const { nodes, names } = threeEksNodes('10.0.182');
  const image = 'docker.io/library/redis:7.4.1';
  const tpl = (sysctls?: k8s.V1Sysctl[]) => ({
    containers: [container({ name: 'redis', image, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '3Gi', args: ['/etc/redis/redis.conf'], readiness: execProbe(['redis-cli', 'ping']), liveness: execProbe(['redis-cli', 'ping'], { initialDelaySeconds: 20, timeoutSeconds: 3 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
    securityContext: { fsGroup: 999, ...(sysctls === undefined ? {} : { sysctls }) },
  });
  const app = statefulSetApp({
    namespace: ns,
    name: 'redis',
    replicas: 3,
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    revisions: [
      { revision: 5, createdAgo: 30 * DAYS, template: tpl() },
      { revision: 6, createdAgo: 23, template: tpl([{ name: 'net.core.somaxconn', value: '1024' }]) },
    ],
    pods: [
      { revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS },
      { revision: 5, ordinal: 1, node: names[1] ?? '', createdAgo: 30 * DAYS },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 0.2 },
    ],
  });
  const rejected = podOf(app, 2);
  const why = 'forbidden sysctl: "net.core.somaxconn" not allowlisted';
  rejectedByKubelet(rejected, 'SysctlForbidden', why);
  const sts = app.objects[0] ?? {};
  const backlog = (t: number) => `1:M ${redisTime(t)} # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`;
  return {
    id: 'heldout14-sysctl-somaxconn-forbidden-redis',
    class: 'config',
    truth: 'Revision 6 of the redis StatefulSet (23 minutes ago) added the pod sysctl net.core.somaxconn=1024, to silence Redis\'s "TCP backlog setting of 511 cannot be enforced" warning. net.core.somaxconn is not in the kubelet\'s safe sysctl set and no node allows it (--allowed-unsafe-sysctls), so the kubelet rejects the pod at admission: phase Failed, reason SysctlForbidden, "forbidden sysctl: \\"net.core.somaxconn\\" not allowlisted". The rolling update deleted redis-2 first; the StatefulSet controller has been recreating it and the kubelet rejecting it ever since (hundreds of times), so only redis-0 and redis-1 (revision 5) serve, 2/3, and the rollout is stuck. No container ever ran: not a crash, not the image, not capacity. Fix: remove the sysctl (or allow it on a dedicated node pool with --allowed-unsafe-sysctls), i.e. roll back to revision 5.',
    ask: { service: 'redis', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'redis', selector: { app: 'redis' }, pods: app.pods, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod redis-2 in StatefulSet redis successful', count: 388, firstAgo: 23, lastAgo: 0.25, component: 'statefulset-controller' }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-2 in StatefulSet redis successful', count: 388, firstAgo: 23, lastAgo: 0.2, component: 'statefulset-controller' }),
      event({ on: sts, reason: 'RecreatingFailedPod', message: `StatefulSet ${ns}/redis is recreating failed Pod redis-2`, count: 387, firstAgo: 22.9, lastAgo: 0.25, component: 'statefulset-controller' }),
      scheduled(rejected, 0.2),
      event({ on: rejected, reason: 'SysctlForbidden', message: why, firstAgo: 0.18, lastAgo: 0.18 }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'redis', { current: lines(backlog(30 * DAYS - 0.1), `1:M ${redisTime(30 * DAYS - 0.1)} * Ready to accept connections tcp`, `1:M ${redisTime(23.1)} # Connection with replica 10.0.182.${77}:6379 lost.`, `1:M ${redisTime(1)} * 100 changes in 300 seconds. Saving...`, `1:M ${redisTime(0.9)} * Background saving terminated with success`) }),
      logsFor(podOf(app, 1), 'redis', { current: lines(backlog(30 * DAYS - 0.1), `1:S ${redisTime(30 * DAYS - 0.05)} * MASTER <-> REPLICA sync: Finished with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/somaxconn|sysctl/i],
      facts: [/SysctlForbidden|not allowlisted|unsafe/i, /redis-2/, /revision 6|securityContext/i, /2\/3|2 of 3|two of (the )?three/i],
      never: [/\bOOM/, /CrashLoopBackOff/, /Insufficient (cpu|memory)/i, /ImagePull/],
    },
  };
}

// ---- 9. the memory limit passed in bytes into -Xmx…m through the Downward API --------------------------

function downwardApiHeapInBytes(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.193');
  const image = (v: string) => `${ECR}/risk/scoring-engine:${v}`;
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi', env, command: ['/app/bin/start.sh'], readiness: httpProbe8080('/actuator/health/readiness'), liveness: httpProbe8080('/actuator/health/liveness', 60) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'scoring-engine',
    replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 10 * DAYS, changeCause: 'argocd: scoring-engine 5.5.3', template: tpl('5.5.3', [{ name: 'JAVA_OPTS', value: '-Xmx1536m -XX:+UseG1GC' }]) },
      { revision: 28, createdAgo: 34, changeCause: 'argocd: scoring-engine 5.6.0 (heap derived from the memory limit)', template: tpl('5.6.0', [
        { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory' } } },
        { name: 'JAVA_OPTS', value: '-Xmx$(MEM_LIMIT)m -XX:+UseG1GC' },
      ]) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 10 * DAYS })),
      { revision: 28, node: names[0] ?? '', createdAgo: 33, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3, ranSeconds: 1 }, 11) } },
    ],
  });
  const fresh = podOf(app, 3);
  const prev = lines(
    `[start.sh] ${at(3.02)} starting scoring-engine 5.6.0`,
    '+ exec java -Xmx2147483648m -XX:+UseG1GC -jar /app/scoring-engine.jar',
    'Error occurred during initialization of VM',
    'Could not reserve enough space for 2199023255552KB object heap',
  );
  return {
    id: 'heldout14-downward-api-memory-limit-bytes-xmx',
    class: 'config',
    truth: 'Revision 28 (scoring-engine 5.6.0, 34 minutes ago) derives the heap from the memory limit: MEM_LIMIT comes from the Downward API (resourceFieldRef limits.memory) without a divisor, so it is in bytes (2147483648 for 2Gi), and JAVA_OPTS becomes -Xmx2147483648m, a 2-petabyte heap. The JVM cannot reserve it and exits 1 before any application code runs ("Could not reserve enough space for 2199023255552KB object heap"); the new pod crash-loops, the three revision-27 pods keep serving (maxUnavailable 0) and the rollout is stuck. Not an OOM kill, and the memory limit is fine. Fix: add divisor: 1Mi to the resourceFieldRef (and take a fraction, or use -XX:MaxRAMPercentage instead), or roll back to revision 27.',
    ask: { service: 'scoring-engine' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'scoring-engine', selector: { app: 'scoring-engine' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 1, 0, 34),
      ...startedAt(fresh, 'app', image('5.6.0'), 33),
      ...restartedAgain(fresh, 'app', image('5.6.0'), { count: 11, firstAgo: 32.5, lastAgo: 3 }),
      backOff(fresh, 'app', { count: 150, firstAgo: 32.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: prev, current: lines(`[start.sh] ${at(0.1)} starting scoring-engine 5.6.0`) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(2)}  INFO 1 --- [nio-8080-exec-3] c.a.risk.api.ScoreController : scored application ${nameOf(p).slice(-5)} model=gbm-v41 ms=37`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Xmx|heap/i, /MEM_LIMIT|divisor|bytes|limits\.memory|resourceFieldRef|Downward/i],
      facts: [/revision 28/, /2147483648/, /divisor|1Mi/i],
      never: [/\bOOM/, /(raise|increase) (the )?memory limit/i, /\b137\b/],
    },
  };
}

function httpProbe8080(path: string, initialDelaySeconds?: number): k8s.V1Probe {
  return { httpGet: { path, port: 8080, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...(initialDelaySeconds === undefined ? {} : { initialDelaySeconds }) };
}

// ---- 10. a Deployment template pinned to one node by nodeName: the kubelet rejects OutOfcpu ---------------

function nodeNamePinnedOutOfCpu(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.204');
  const pinned = names[1] ?? '';
  const image = (v: string) => `${ECR}/maps/tile-server:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi' })] });
  const rejectedCount = 14;
  const app = deploymentApp({
    namespace: ns,
    name: 'tile-server',
    replicas: 4,
    revisions: [
      { revision: 52, createdAgo: 13 * DAYS, changeCause: 'argocd: tile-server 2.19.0', template: tpl('2.19.0') },
      { revision: 53, createdAgo: 9, changeCause: `kubectl edit: pin to ${pinned} for tcpdump (INC-4471)`, template: tpl('2.19.0') },
    ],
    pods: [
      { revision: 52, node: names[0] ?? '', createdAgo: 13 * DAYS },
      { revision: 52, node: names[2] ?? '', createdAgo: 13 * DAYS },
      { revision: 53, node: pinned, createdAgo: 9 },
      ...Array.from({ length: rejectedCount }, (_, i) => ({ revision: 53, node: pinned, createdAgo: 8.6 - i * 0.6 })),
    ],
  });
  const why = 'Node didn\'t have enough resource: cpu, requested: 1000, used: 3350, capacity: 3920';
  const rejected = app.pods.slice(3);
  for (const p of rejected) rejectedByKubelet(p, 'OutOfcpu', why);
  // The revision sets spec.nodeName in the template: the scheduler never sees these pods.
  const newRs = replicaSetOf(app, 53) as k8s.V1ReplicaSet;
  const dep = deploymentOf(app) as k8s.V1Deployment;
  for (const spec of [newRs.spec?.template?.spec, dep.spec?.template?.spec]) if (spec) spec.nodeName = pinned;
  if (newRs.spec) newRs.spec.replicas = 3;
  const cache = deploymentApp({ namespace: ns, name: 'tile-cache', replicas: 2, revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'varnish', image: 'docker.io/library/varnish:7.6.1', ports: [6081], cpu: '1', memory: '3Gi' })] } }], pods: [{ revision: 6, node: pinned, createdAgo: 30 * DAYS }, { revision: 6, node: pinned, createdAgo: 30 * DAYS }] });
  return {
    id: 'heldout14-nodename-pinned-outofcpu-rejections',
    class: 'scheduling',
    truth: `Nine minutes ago an engineer ran kubectl edit on tile-server to pin it to ${pinned} for a tcpdump (revision 53 sets spec.template.spec.nodeName). Pods with nodeName bypass the scheduler, so nothing checks room: the first revision-53 pod fit, the next ones are refused by that node's kubelet at admission, phase Failed reason OutOfcpu ("${why}"), and the ReplicaSet creates another one every few seconds (${rejectedCount} rejected pods so far). The rollout scaled revision 52 down to 2, so tile-server serves with 3 of 4 replicas and the rollout cannot finish; the cluster has room elsewhere, the autoscaler is not involved. Fix: remove nodeName (roll back to revision 52, or use a nodeSelector/affinity for the experiment), then delete the Failed pods.`,
    ask: { service: 'tile-server' },
    objects: [
      ...nodes, ...app.objects, ...cache.objects,
      ...exposed({ namespace: ns, name: 'tile-server', selector: { app: 'tile-server' }, pods: app.pods }),
      scaledReplicaSet(dep, rsOf(app, 53), 1, 0, 9),
      scaledReplicaSet(dep, rsOf(app, 52), 3, 4, 8.8),
      scaledReplicaSet(dep, rsOf(app, 53), 2, 1, 8.8),
      scaledReplicaSet(dep, rsOf(app, 52), 2, 3, 8.7),
      scaledReplicaSet(dep, rsOf(app, 53), 3, 2, 8.7),
      event({ on: newRs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(rejected[rejected.length - 1])}`, count: rejectedCount + 1, firstAgo: 9, lastAgo: 0.4, component: 'replicaset-controller' }),
      ...rejected.slice(-3).map((p, i) => event({ on: p, reason: 'OutOfcpu', message: why, firstAgo: 1.6 - i * 0.6, lastAgo: 1.6 - i * 0.6 })),
      ...startedAt(podOf(app, 2), 'app', image('2.19.0'), 9),
    ],
    logs: [podOf(app, 0), podOf(app, 1), podOf(app, 2)].map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1)}","msg":"tile served","z":14,"x":8712,"y":5601,"ms":6}`) })),
    expect: {
      verdict: 'problems',
      headline: [/nodeName|pinned/i, /OutOfcpu|cpu/i],
      facts: [lit(pinned), /revision 53/, /scheduler/i, /3\/4|3 of (the )?4|three of (the )?four/i],
      never: [/\bOOM/, /add (more )?nodes|scale (up )?the node ?group|cluster-autoscaler/i, /crash ?loop/i],
    },
  };
}

// ---- 11. Linux pods scheduled onto a new, untainted Windows node pool -------------------------------------

function windowsPoolLinuxImage(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.215');
  const win = ['10.0.215.48', '10.0.215.131'].map((ip, k) => {
    const n = node({ name: eksNodeName(ip), zone: k === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'win-build', instanceType: 'm6i.2xlarge', createdAgo: 2 * HOURS, labels: { 'kubernetes.io/os': 'windows', 'beta.kubernetes.io/os': 'windows', 'node.kubernetes.io/windows-build': '10.0.20348' } });
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { operatingSystem: 'windows', osImage: 'Windows Server 2022 Datacenter', kernelVersion: '10.0.20348.2849', containerRuntimeVersion: 'containerd://1.7.20' });
    return n;
  });
  const winNames = win.map(nameOf);
  const image = (v: string) => `${ECR}/web/storefront:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '768Mi', env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }] })] });
  const pullBackOff = waiting('ImagePullBackOff', `Back-off pulling image "${image('7.3.0')}"`);
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 6,
    revisions: [
      { revision: 87, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront 7.2.4', template: tpl('7.2.4') },
      { revision: 88, createdAgo: 20, changeCause: 'argocd: storefront 7.3.0', template: tpl('7.3.0') },
    ],
    pods: [
      { revision: 87, node: names[0] ?? '', createdAgo: 5 * DAYS },
      ...[0, 1, 2, 1].map((k, i) => ({ revision: 88, node: names[k] ?? '', createdAgo: 19.5 - i * 1.5 })),
      { revision: 88, node: winNames[0] ?? '', createdAgo: 19.5, containers: { app: pullBackOff } },
      { revision: 88, node: winNames[1] ?? '', createdAgo: 18, containers: { app: pullBackOff } },
    ],
  });
  const stuck = app.pods.slice(5);
  const pull = `failed to pull and unpack image "${image('7.3.0')}": no match for platform in manifest: not found`;
  return {
    id: 'heldout14-windows-pool-untainted-linux-image-pull',
    class: 'scheduling',
    truth: 'The CI team added a Windows node group (win-build, Windows Server 2022, 2 hours ago) without the usual os=windows:NoSchedule taint, and storefront\'s pod template has no kubernetes.io/os: linux nodeSelector. During the rollout of revision 88 (20 minutes ago) the scheduler placed two of the six new pods on the Windows nodes; their image is built for linux/amd64 only, so containerd finds no manifest for the Windows platform ("no match for platform in manifest: not found") and the pods sit in ImagePullBackOff. The same image pulled and runs on the four Linux nodes, so the tag and the registry are fine; 5/6 serve (one revision-87 pod left), the rollout is stuck. Fix: taint the Windows pool (and/or add nodeSelector kubernetes.io/os: linux to storefront), then delete the two stuck pods.',
    ask: { service: 'storefront' },
    objects: [
      ...nodes, ...win, ...app.objects,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 2, 0, 20),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 6, 5, 13),
      ...app.pods.slice(1, 5).flatMap((p, i) => pulledFresh(p, 'app', image('7.3.0'), { atAgo: 19.5 - i * 1.5, bytes: 98421733, seconds: 3.2 })),
      ...stuck.flatMap((p, k) => [
        scheduled(p, 19.5 - k * 1.5),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('7.3.0')}"`, count: 7, firstAgo: 19.4 - k * 1.5, lastAgo: 4, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: `Failed to pull image "${image('7.3.0')}": rpc error: code = NotFound desc = ${pull}`, count: 7, firstAgo: 19.3 - k * 1.5, lastAgo: 4, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 7, firstAgo: 19.3 - k * 1.5, lastAgo: 4, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image('7.3.0')}"`, count: 76 - 5 * k, firstAgo: 19 - k * 1.5, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 76 - 5 * k, firstAgo: 19 - k * 1.5, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: app.pods.slice(0, 5).map((p) => logsFor(p, 'app', { current: lines(`info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`, `      Request finished HTTP/1.1 GET http://storefront.web.svc/api/catalog/home - 200 - application/json 41.2ms (${nameOf(p)})`) })),
    expect: {
      verdict: 'problems',
      headline: [/windows/i],
      facts: [/win-build/, /2\/6|2 of (the )?6|two of (the )?six|two (new )?pods/i, /taint|kubernetes\.io\/os|nodeSelector/i],
      never: [/(image|tag)[^\n]*(does ?n[o']t exist|missing|wrong tag)/i, /imagePullSecret|credential|unauthori[sz]ed/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 12. a copy of the Deployment kept app=pricing: the Service also sends traffic to its stale pods ---------

function twoDeploymentsSameLabels(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.226');
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing',
    replicas: 3,
    revisions: [
      { revision: 60, createdAgo: 16 * DAYS, changeCause: 'argocd: pricing 4.8.2', template: { containers: [container({ image: `${ECR}/pricing/pricing:4.8.2`, ports: [8080] })] } },
      { revision: 61, createdAgo: 2 * DAYS, changeCause: 'argocd: pricing 5.0.0 (v2 quote API)', template: { containers: [container({ image: `${ECR}/pricing/pricing:5.0.0`, ports: [8080] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const legacy = deploymentApp({
    namespace: ns,
    name: 'pricing-legacy',
    replicas: 2,
    selector: { app: 'pricing', track: 'legacy' },
    createdAgo: 35,
    revisions: [{ revision: 1, createdAgo: 35, changeCause: 'kubectl apply: shadow run of 4.8.2 for the quotes-db migration (DATA-912)', template: { containers: [container({ image: `${ECR}/pricing/pricing:4.8.2`, ports: [8080], env: [{ name: 'QUOTES_DB_HOST', value: 'quotes-db-next.cluster-c3k1.eu-west-1.rds.amazonaws.com' }] })] } }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: 34.5 }, { revision: 1, node: names[2] ?? '', createdAgo: 34.5 }],
  });
  const zap = (t: number, o: Record<string, unknown>) => JSON.stringify({ level: 'info', ts: at(t), caller: 'httpserver/log.go:41', ...o });
  return {
    id: 'heldout14-two-deployments-same-labels-stale-copy',
    class: 'network',
    truth: 'Thirty-five minutes ago the data team applied pricing-legacy, a copy of the pricing Deployment running the old 4.8.2 image against the next quotes database for a shadow migration test. They added track=legacy to its selector but kept app=pricing on its pods, and the pricing Service selects app=pricing only: its endpoints are now the three pricing 5.0.0 pods plus the two pricing-legacy 4.8.2 pods. About 2 in 5 calls to POST /v2/quotes land on 4.8.2, which has no v2 API and answers 404 (and would read the other database). Every pod is Running and Ready and neither Deployment fails on its own; revision 61 (5.0.0, two days old) is fine. Fix: give pricing-legacy its own app label (or scale it to 0) and make the Service selector distinguish the two.',
    ask: { service: 'pricing' },
    objects: [
      ...nodes, ...app.objects, ...legacy.objects,
      ...exposed({ namespace: ns, name: 'pricing', selector: { app: 'pricing' }, pods: [...app.pods, ...legacy.pods] }),
      scaledReplicaSet(deploymentOf(legacy), rsOf(legacy, 1), 2, 0, 35),
      ...legacy.pods.flatMap((p) => pulledFresh(p, 'app', `${ECR}/pricing/pricing:4.8.2`, { atAgo: 34.5, bytes: 31877120, seconds: 1.4 })),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(zap(2, { msg: 'request', method: 'POST', path: '/v2/quotes', status: 200, ms: 14 }), zap(1, { msg: 'request', method: 'POST', path: '/v2/quotes', status: 200, ms: 11 })) })),
      ...legacy.pods.map((p) => logsFor(p, 'app', { current: lines(zap(34, { msg: 'pricing 4.8.2 listening', addr: ':8080', db: 'quotes-db-next' }), zap(2, { level: 'warn', msg: 'no route', method: 'POST', path: '/v2/quotes', status: 404 }), zap(1, { level: 'warn', msg: 'no route', method: 'POST', path: '/v2/quotes', status: 404 })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pricing-legacy/],
      facts: [/4\.8\.2/, /404/, /selector|selects/i, /2\/5|2 of (the )?5|two of (the )?five|40 ?%/i],
      never: [/\bOOM/, BLAMES_ROLLOUT, /crash/i],
    },
  };
}

// ---- 13. healthy: a notification sender that recovered from a Kafka restart five hours ago -------------------

function healthyRecoveredHoursAgo(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.237');
  const app = deploymentApp({
    namespace: ns,
    name: 'push-sender',
    replicas: 3,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: push-sender 3.2.1', template: { containers: [container({ image: `${ECR}/notifications/push-sender:3.2.1`, ports: [8080], memory: '1Gi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 5 * HOURS - 2 * k, restarts: 2 + (k % 2), last: { exitCode: 1, finishedAgo: 5 * HOURS - 2 * k + 0.2, ranSeconds: 40 } }) } })),
    settled: { available: true, availableSince: 5 * HOURS - 4, progressingSince: 6 * DAYS },
  });
  const other = bystander(ns, 'email-sender', names, 25);
  const prev = lines(
    `${at(5 * HOURS + 1)}  WARN 1 --- [push-consumer-0] o.a.k.c.NetworkClient : [Consumer clientId=push-sender, groupId=push-sender] Connection to node 2 (b-2.events.kafka.eu-west-1.amazonaws.com/10.0.88.12:9092) could not be established. Broker may not be available.`,
    `${at(5 * HOURS + 0.3)} ERROR 1 --- [push-consumer-0] c.a.push.ConsumerLoop : fatal consumer error, exiting: org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata`,
  );
  return {
    id: 'heldout14-healthy-recovered-hours-ago',
    class: 'healthy',
    truth: 'About five hours ago the MSK cluster rolled its brokers for a patch; push-sender\'s consumers could not fetch metadata for a few minutes and exited (exit 1), 2-3 restarts per pod. The brokers came back, the pods have been running and ready for five hours, consuming and sending normally. The email-sender rollout 25 minutes ago is unrelated and healthy. Nothing to do.',
    ask: { service: 'push-sender' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'push-sender', selector: { app: 'push-sender' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'email-sender', selector: { app: 'email-sender' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 25),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 40), 0, 2, 24),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { previous: prev, current: lines(`${at(3)}  INFO 1 --- [push-consumer-0] c.a.push.Sender : sent batch=500 ok=497 invalid_token=3 ms=812`, `${at(1)}  INFO 1 --- [push-consumer-0] c.a.push.Sender : sent batch=500 ok=500 ms=774 (${nameOf(p)})`) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|recovered|running normally/i],
      facts: [],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /email-sender/],
    },
  };
}

// ---- 14. healthy: a steady thumbnailer with an old eviction, an old OOM kill and a transient probe blip ----------

function healthySteadyOldNoise(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.248');
  const evictMsg = 'The node was low on resource: ephemeral-storage. Threshold quantity: 8373693Ki, available: 6912344Ki. Container app was using 2154312Ki, request is 0, has larger consumption of ephemeral-storage. ';
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [{ revision: 34, createdAgo: 8 * DAYS, changeCause: 'argocd: thumbnailer 2.7.0', template: { containers: [container({ image: `${ECR}/media/thumbnailer:2.7.0`, ports: [8000], memory: '1Gi', readiness: { httpGet: { path: '/ready', port: 8000, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })] } }],
    pods: [
      { revision: 34, node: names[0] ?? '', createdAgo: 8 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS + 0.1, ranSeconds: 2 * DAYS * 60 } }) } },
      { revision: 34, node: names[1] ?? '', createdAgo: 8 * DAYS },
      { revision: 34, node: names[2] ?? '', createdAgo: 2 * DAYS - 5 },
      { revision: 34, node: names[2] ?? '', createdAgo: 8 * DAYS, ...kubeletEviction(evictMsg, 2 * DAYS), containers: { app: terminated({ exitCode: 137, reason: 'Error', finishedAgo: 2 * DAYS, ranSeconds: 6 * DAYS * 60 }) } },
    ],
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const live = app.pods.slice(0, 3);
  return {
    id: 'heldout14-healthy-steady-old-noise',
    class: 'healthy',
    truth: 'thumbnailer is steady: three pods Running and Ready on revision 34 (8 days old). The noise is old or harmless: an Evicted pod left over from a disk-pressure episode two days ago (its replacement has run since), one OOMKilled restart six days ago on an unusually large TIFF, two readiness timeouts 48 minutes ago during a burst that passed, and routine ERROR lines for corrupt uploads the worker skips by design. Nothing to do (the Failed pod can be deleted).',
    ask: { service: 'thumbnailer' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, endpointPort: 8000 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 48.5, lastAgo: 48 }),
    ],
    logs: live.map((p) => logsFor(p, 'app', { current: lines(
      `${pyTime(4)} INFO thumbnailer.worker: rendered s3://media-uploads/u/88/${nameOf(p).slice(-5)}.jpg sizes=160,320,640 ms=212`,
      `${pyTime(3)} ERROR thumbnailer.worker: skip s3://media-uploads/u/91/IMG_4471.heic: cannot identify image file (corrupt upload), marking as failed`,
      `${pyTime(1)} INFO thumbnailer.worker: rendered s3://media-uploads/u/12/cover.png sizes=160,320,640 ms=188`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally/i],
      facts: [],
      never: [/OOMKilled|out of memory/i, /evict|disk pressure/i, ADVISES_ROLLBACK, /crash ?loop/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  sysctlSomaxconnForbidden(),
  downwardApiHeapInBytes(),
  nodeNamePinnedOutOfCpu(),
  windowsPoolLinuxImage(),
  twoDeploymentsSameLabels(),
  healthyRecoveredHoursAgo(),
  healthySteadyOldNoise(),
];
