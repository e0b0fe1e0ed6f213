// Held-out stories, round 103, part one (nodes, runtime and security context):
// 1. a container-exporter DaemonSet mounting hostPath /var/run/docker.sock (type Socket) stuck in ContainerCreating on a new containerd node group only;
// 2. a JVM quote engine that cannot commit its heap (errno=12) on a new node pool whose tuning DaemonSet sets vm.overcommit_memory=2;
// 3. a py-spy profiler sidecar that a hardening revision stripped of SYS_PTRACE: ptrace EPERM, crash loop, pod never Ready;
// 4. a Caddy proxy whose binary carries cap_net_bind_service file capabilities: exec EPERM after a revision dropped ALL capabilities;
// 5. a Node.js thumbnailer whose native addon (better-sqlite3) was built on bookworm but runs on bullseye: GLIBCXX_3.4.30 not found;
// 6. an nginx tokenizer whose Localhost AppArmor profile is not loaded on autoscaled nodes of a new node group: CreateContainerError;
// 7. healthy control: a Redis session cache logging its usual overcommit/THP/somaxconn start-up warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, container, crashLoop, daemonSetApp, deploymentApp, event, exposed, hpa, httpProbe, nameOf, node,
  nodeEvent, pulledFresh, restartedAgain, running, scaledReplicaSet, scheduled, startedNormally, tcpProbe, waiting, ago,
} from '../kit/index.js';
import type { Built, KubeJson, NodeOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** A node whose nodeInfo (runtime, kubelet, OS) differs from the kit's default. */
function nodeWith(o: NodeOpts, info: Partial<k8s.V1NodeSystemInfo>): k8s.V1Node {
  const n = node(o);
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, info);
  return n;
}

/** Sets spec.shareProcessNamespace on a built workload's templates and pods. */
function shareProcessNamespace(objects: readonly KubeJson[]): void {
  for (const o of objects) {
    const any = o as { kind?: string; spec?: { template?: { spec?: k8s.V1PodSpec } } & Partial<k8s.V1PodSpec> };
    if (o.kind === 'Pod' && any.spec) any.spec.shareProcessNamespace = true;
    else if (any.spec?.template?.spec) any.spec.template.spec.shareProcessNamespace = true;
  }
}

// ---- 1. hostPath docker.sock (type Socket) on a new containerd node group -------------------------

function dockerSockOnContainerdNodes(): CorpusScenario {
  const ns = 'observability';
  const docker = { kubeletVersion: 'v1.23.17-eks-8ccc7ba', kubeProxyVersion: 'v1.23.17-eks-8ccc7ba', containerRuntimeVersion: 'docker://20.10.25', osImage: 'Amazon Linux 2', kernelVersion: '5.10.227-219.884.amzn2.x86_64' };
  const containerd = { kubeletVersion: 'v1.24.17-eks-8ccc7ba', kubeProxyVersion: 'v1.24.17-eks-8ccc7ba', containerRuntimeVersion: 'containerd://1.7.11', osImage: 'Amazon Linux 2', kernelVersion: '5.10.228-219.884.amzn2.x86_64' };
  const oldNodes = ['10.0.41.18', '10.0.42.201', '10.0.43.77'].map((ip, i) => nodeWith({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, pool: 'ng-workers-123', createdAgo: 210 * DAYS }, docker));
  // The 1.24 node group: same name prefix, the runtime that replaced dockershim.
  const newNodes = ['10.0.41.96', '10.0.42.33'].map((ip, i) => nodeWith({ name: eksNodeName(ip), zone: `eu-west-1${'ab'[i]}`, pool: 'ng-workers-124-containerd', createdAgo: 185 }, containerd));
  const names = [...oldNodes, ...newNodes].map(nameOf);
  const image = `${ECR}/observability/container-exporter:2.4.1`;
  const tpl = {
    containers: [container({
      name: 'exporter', image, ports: [{ name: 'metrics', containerPort: 9417 }], cpu: '50m', memory: '96Mi',
      readiness: httpProbe('/metrics', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
      env: [{ name: 'DOCKER_HOST', value: 'unix:///var/run/docker.sock' }],
      volumeMounts: [{ name: 'docker-sock', mountPath: '/var/run/docker.sock', readOnly: true }],
    })],
    volumes: [{ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }],
    tolerations: [{ operator: 'Exists' }],
  };
  const ds = daemonSetApp({
    namespace: ns, name: 'container-exporter', createdAgo: 400 * DAYS,
    revisions: [{ revision: 3, createdAgo: 190 * DAYS, template: tpl }, { revision: 4, createdAgo: 70 * DAYS, template: tpl }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 4, node: names[k] ?? '', createdAgo: 70 * DAYS - k })),
      ...[3, 4].map((k) => ({ revision: 4, node: names[k] ?? '', createdAgo: 182 - k, containers: { exporter: waiting('ContainerCreating') } })),
    ],
    pinnedToNodes: true,
  });
  const stuck = [podOf(ds, 3), podOf(ds, 4)];
  const failedMount = (p: k8s.V1Pod, k: number) => event({ on: p, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "docker-sock" : hostPath type check failed: /var/run/docker.sock is not a socket file', count: 96 - k, firstAgo: 181.8 - k, lastAgo: 0.8 + k });
  const collector = bystander(ns, 'otel-gateway', names, 3 * DAYS, { revisions: [12, 13], versions: ['0.112.0', '0.113.0'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout103-docker-sock-hostpath-on-containerd-nodes',
    class: 'nodes',
    truth: 'The platform team is replacing the 1.23 node group (Docker runtime) with a 1.24 node group that runs containerd, since dockershim is gone in 1.24. The container-exporter DaemonSet, unchanged for 70 days, mounts hostPath /var/run/docker.sock with type Socket to read container stats from the Docker daemon. The two new containerd nodes (ng-workers-124-containerd, up for about three hours) have no Docker daemon, so /var/run/docker.sock is not a socket there and the kubelet refuses the mount: the exporter pods on those nodes sit in ContainerCreating with FailedMount, while the three pods on the Docker nodes run fine. As pods migrate, node metrics disappear. Fix: switch the exporter to the containerd socket (/run/containerd/containerd.sock, CRI) or a cAdvisor/kubelet-based source; rolling the DaemonSet back changes nothing.',
    ask: { service: 'container-exporter', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...ds.objects, ...collector.objects,
      ...exposed({ namespace: ns, name: 'container-exporter', selector: { app: 'container-exporter' }, pods: ds.pods, ports: [{ name: 'metrics', port: 9417, targetPort: 'metrics' }], endpointPort: 9417 }),
      ...exposed({ namespace: ns, name: 'otel-gateway', selector: { app: 'otel-gateway' }, pods: collector.pods }),
      ...newNodes.flatMap((n, k) => [
        nodeEvent(nameOf(n), 'Starting', 'Starting kubelet.', { firstAgo: 185 - k }),
        nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 184.5 - k, component: 'node-controller' }),
        nodeEvent(nameOf(n), 'NodeReady', `Node ${nameOf(n)} status is now: NodeReady`, { firstAgo: 184 - k }),
      ]),
      ...stuck.flatMap((p, k) => [scheduled(p, 182 - k), failedMount(p, k)]),
      event({ on: { kind: 'DaemonSet', name: 'container-exporter', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(stuck[0])}`, firstAgo: 182, lastAgo: 182, component: 'daemonset-controller' }),
      event({ on: { kind: 'DaemonSet', name: 'container-exporter', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(stuck[1])}`, firstAgo: 181, lastAgo: 181, component: 'daemonset-controller' }),
    ],
    logs: ds.pods.slice(0, 3).map((p) => logsFor(p, 'exporter', { current: lines(`time="${at(70 * DAYS - 1)}" level=info msg="container-exporter 2.4.1 listening on :9417"`, `time="${at(70 * DAYS - 1)}" level=info msg="connected to docker daemon" api_version=1.41 server_version=20.10.25`, `time="${at(2.2)}" level=warning msg="stats for container timed out, skipping" container=3f1c9e0d2ab7 timeout=2s`) })),
    expect: {
      verdict: 'problems',
      headline: [/docker\.sock|not a socket|hostPath/i],
      facts: [/not a socket file/, /containerd/i, /ng-workers-124-containerd|ip-10-0-41-96|ip-10-0-42-33/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ImagePull|image pull/i],
    },
  };
}

// ---- 2. a JVM that cannot commit its heap on a strict-overcommit node pool -----------------------

function jvmStrictOvercommitPool(): CorpusScenario {
  const ns = 'pricing';
  const old = ['10.0.61.12', '10.0.62.140', '10.0.63.9'].map((ip, i) => node({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, pool: 'general', createdAgo: 95 * DAYS,
    ...(i < 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(47 - i) }] } : {}) }));
  const fresh = ['10.0.61.201', '10.0.62.58', '10.0.63.177'].map((ip, i) => node({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, pool: 'general-m7i', instanceType: 'm7i.xlarge', createdAgo: 190 - i, labels: { 'acme.io/node-profile': 'tuned-v2' } }));
  const names = [...old, ...fresh].map(nameOf);
  const image = `${ECR}/pricing/quote-engine:5.12.0`;
  const opts = '-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError';
  const tpl = { containers: [container({ image, ports: [8080], memory: '3Gi', cpu: '1', env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] };
  const exit = { exitCode: 1, finishedAgo: 2.4, ranSeconds: 1 };
  const app = deploymentApp({
    namespace: ns, name: 'quote-engine', replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 20 * DAYS, changeCause: 'argocd: quote-engine 5.11.3', template: { containers: [container({ image: `${ECR}/pricing/quote-engine:5.11.3`, ports: [8080], memory: '3Gi', cpu: '1', env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } },
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: quote-engine 5.12.0', template: tpl },
    ],
    pods: [
      { revision: 18, node: names[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 18, node: names[3] ?? '', createdAgo: 46, containers: { app: crashLoop(exit, 13) } },
      { revision: 18, node: names[4] ?? '', createdAgo: 45, containers: { app: crashLoop({ ...exit, finishedAgo: 0.9 }, 13) } },
    ],
    settled: { available: false, availableSince: 40, progressingSince: 6 * DAYS - 5 },
  });
  const broken = [podOf(app, 1), podOf(app, 2)];
  const tuner = daemonSetApp({
    namespace: 'kube-system', name: 'node-tuning', createdAgo: 200,
    revisions: [{ revision: 1, createdAgo: 200, template: {
      nodeSelector: { 'acme.io/node-profile': 'tuned-v2' },
      containers: [container({ name: 'sysctl', image: `${ECR}/platform/node-tuning:1.0.0`, ports: [], readiness: null, liveness: null, cpu: '10m', memory: '16Mi',
        command: ['/bin/sh', '-c', 'sysctl -w vm.overcommit_memory=2 vm.overcommit_ratio=50 vm.swappiness=1 net.core.somaxconn=4096 && sleep infinity'],
        securityContext: { privileged: true } })],
    } }],
    pods: [3, 4, 5].map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 189 - k })),
  });
  const cache = bystander(ns, 'quote-cache', [names[4] ?? '', names[5] ?? ''], 2 * DAYS, { revisions: [8, 9], versions: ['1.4.0', '1.4.1'], olderAgo: 40 * DAYS });
  const crashLog = () => lines(
    `Picked up JAVA_TOOL_OPTIONS: ${opts}`,
    'OpenJDK 64-Bit Server VM warning: INFO: os::commit_memory(0x0000000740000000, 2415919104, 0) failed; error=\'Not enough space\' (errno=12)',
    '#',
    '# There is insufficient memory for the Java Runtime Environment to continue.',
    '# Native memory allocation (mmap) failed to map 2415919104 bytes. Error detail: committing reserved memory.',
    '# An error report file with more information is saved as:',
    '# /app/hs_err_pid1.log',
  );
  return {
    id: 'heldout103-jvm-strict-overcommit-node-pool',
    class: 'nodes',
    truth: 'The platform team is moving workloads to a new node pool (general-m7i, nodes labelled acme.io/node-profile=tuned-v2, about three hours old) and cordoned two of the old general nodes 47 minutes ago. The new pool runs a node-tuning DaemonSet that sets vm.overcommit_memory=2 with overcommit_ratio=50 (strict commit accounting). quote-engine revision 18 (6 days old, unchanged) starts its JVM with InitialRAMPercentage=75, committing a 2.25 GiB heap at start; under strict overcommit the kernel refuses the commit (os::commit_memory failed, errno=12 Not enough space), so the JVM exits 1 at once, "insufficient memory for the Java Runtime Environment". The two pods rescheduled onto the new nodes crash-loop; the one left on an old node runs fine. Not an OOMKill, not the rollout. Fix: drop vm.overcommit_memory=2 from the tuning profile (back to 0/heuristic) or keep quote-engine off the tuned pool until then.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...old, ...fresh, ...app.objects, ...tuner.objects, ...cache.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'quote-cache', selector: { app: 'quote-cache' }, pods: cache.pods }),
      nodeEvent(names[0] ?? '', 'NodeNotSchedulable', `Node ${names[0] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 47 }),
      nodeEvent(names[1] ?? '', 'NodeNotSchedulable', `Node ${names[1] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 46 }),
      ...broken.flatMap((p, k) => [
        scheduled(p, 46 - k),
        ...restartedAgain(p, 'app', image, { count: 14, firstAgo: 45.8 - k, lastAgo: k === 0 ? 2.4 : 0.9 }),
        backOff(p, 'app', { count: 190 - k * 4, firstAgo: 45.5 - k }),
      ]),
    ],
    logs: [
      ...broken.map((p, k) => logsFor(p, 'app', { previous: crashLog() })),
      logsFor(podOf(app, 0), 'app', { current: lines(`${at(3.1)}  INFO 1 --- [quote-engine] [nio-8080-exec-7] c.a.p.quote.QuoteController            : quote computed sku=88121 legs=3 in 41 ms`, `${at(0.6)}  INFO 1 --- [quote-engine] [nio-8080-exec-2] c.a.p.quote.QuoteController            : quote computed sku=10233 legs=1 in 12 ms`) }),
      ...tuner.pods.map((p) => logsFor(p, 'sysctl', { current: lines('vm.overcommit_memory = 2', 'vm.overcommit_ratio = 50', 'vm.swappiness = 1', 'net.core.somaxconn = 4096') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/overcommit|commit_memory|errno.?12|not enough space|insufficient memory/i],
      facts: [/errno=12|Not enough space/, /overcommit_memory|node-tuning|tuned-v2/, /general-m7i|ip-10-0-61-201|ip-10-0-62-58/],
      never: [/OOM.?Kill/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 3. a py-spy profiler sidecar stripped of SYS_PTRACE -----------------------------------------

function profilerSidecarLostPtrace(): CorpusScenario {
  const ns = 'ml';
  const nodes = ['10.0.71.44', '10.0.72.90', '10.0.73.15'].map((ip, i) => node({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, createdAgo: 60 * DAYS }));
  const names = nodes.map(nameOf);
  const image = `${ECR}/ml/recommender:2026.11.3`;
  const agentImage = `${ECR}/platform/pyspy-agent:0.3.14-2`;
  const app = () => container({ image, ports: [8000], memory: '1536Mi', cpu: '750m', command: ['gunicorn', '-c', '/app/gunicorn.conf.py', 'recommender.wsgi:app'], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }), securityContext: { runAsUser: 1000, runAsNonRoot: true } });
  const profiler = (sc: k8s.V1SecurityContext) => container({ name: 'profiler', image: agentImage, ports: [], readiness: null, liveness: null, cpu: '50m', memory: '64Mi', env: [{ name: 'PROFILE_TARGET', value: 'gunicorn: master' }, { name: 'PYROSCOPE_URL', value: 'http://pyroscope.observability:4040' }], securityContext: sc });
  const hardened = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  const exit = { exitCode: 1, finishedAgo: 1.7, ranSeconds: 2 };
  const d = deploymentApp({
    namespace: ns, name: 'recommender', replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 9, createdAgo: 12 * DAYS, changeCause: 'argocd: recommender 2026.11.3', template: { containers: [app(), profiler({ capabilities: { add: ['SYS_PTRACE'] } })] } },
      { revision: 10, createdAgo: 26, changeCause: 'argocd: chart recommender-4.2.0 (securityContext hardening: drop ALL capabilities)', template: { containers: [app(), profiler(hardened)] } },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 10, node: names[1] ?? '', createdAgo: 25.5, containers: { app: running({ sinceAgo: 25.3 }), profiler: crashLoop(exit, 9) } },
    ],
  });
  shareProcessNamespace(d.objects);
  const p = podOf(d, 3);
  const worker = bystander(ns, 'feature-sync', names, 5 * DAYS, { revisions: [30, 31], versions: ['0.19.2', '0.19.3'], olderAgo: 25 * DAYS });
  const profLog = (m: number) => lines(
    `${at(m + 0.04)} pyspy-agent: waiting for target process "gunicorn: master"`,
    `${at(m + 0.03)} pyspy-agent: found pid 7 (gunicorn: master [recommender.wsgi:app]), attaching py-spy 0.3.14`,
    'Error: Operation not permitted (os error 1)',
    `${at(m)} pyspy-agent: py-spy exited with status 1; giving up`,
  );
  return {
    id: 'heldout103-profiler-sidecar-lost-sys-ptrace',
    class: 'containers',
    truth: 'recommender pods carry a py-spy profiler sidecar (shareProcessNamespace) that attaches to the gunicorn master, which runs as uid 1000; reading another user\'s process memory needs CAP_SYS_PTRACE, which revision 9 added to the sidecar. Revision 10 (chart 4.2.0, 26 minutes ago) applied a securityContext hardening to every container: capabilities drop ALL, no privilege escalation, dropping the SYS_PTRACE add. The sidecar now fails "Operation not permitted (os error 1)" when py-spy attaches, exits 1 and crash-loops, so the new pod is never Ready although its app container is healthy, and the rollout is stuck (three revision-9 pods still serve). Fix: add SYS_PTRACE back to the profiler container (capabilities add after drop ALL), or roll back to revision 9.',
    ask: { service: 'recommender', namespace: ns },
    objects: [
      ...nodes, ...d.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'recommender', selector: { app: 'recommender' }, pods: d.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(d), nameOf(d.objects[2]), 1, 0, 26),
      ...pulledFresh(p, 'app', image, { atAgo: 25.5, bytes: 412337912, seconds: 6.2 }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 25.3, lastAgo: 25.3, fieldPath: 'spec.containers{app}' }),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 25.3, lastAgo: 25.3, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(p, 'profiler', agentImage, { count: 10, firstAgo: 25.3, lastAgo: 1.7 }),
      backOff(p, 'profiler', { count: 104, firstAgo: 24.9 }),
    ],
    logs: [
      logsFor(p, 'profiler', { previous: profLog(1.7) }),
      logsFor(p, 'app', { current: lines(`[${at(25.2)}] [7] [INFO] Starting gunicorn 23.0.0`, `[${at(25.2)}] [7] [INFO] Listening at: http://0.0.0.0:8000 (7)`, `[${at(25.1)}] [12] [INFO] Booting worker with pid: 12`, `[${at(0.4)}] [12] [INFO] GET /ready 200`) }),
      ...d.pods.slice(0, 3).map((q) => logsFor(q, 'profiler', { current: lines(`${at(1.1)} pyspy-agent: uploaded 60s profile (3112 samples) to pyroscope`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/profiler|py-?spy|SYS_PTRACE|ptrace/i],
      facts: [/Operation not permitted/, /SYS_PTRACE/, /revision 10|drop[^\n]*ALL|capabilit/i],
      never: [/\bOOM/, /image ?pull/i],
    },
  };
}

// ---- 4. Caddy with file capabilities: exec EPERM after drop ALL -----------------------------------

function caddyFileCapsDropAll(): CorpusScenario {
  const ns = 'edge';
  const nodes = ['10.0.81.20', '10.0.82.61', '10.0.83.240'].map((ip, i) => node({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, createdAgo: 33 * DAYS }));
  const names = nodes.map(nameOf);
  const image = `${ECR}/edge/caddy:2.8.4-acme3`;
  const tpl = (sc: k8s.V1SecurityContext) => ({ containers: [container({ name: 'caddy', image, command: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'], ports: [{ name: 'https', containerPort: 443 }, { name: 'http', containerPort: 80 }], memory: '256Mi', readiness: httpProbe('/healthz', 'http'), liveness: tcpProbe('https', { initialDelaySeconds: 5 }), securityContext: sc, volumeMounts: [{ name: 'caddyfile', mountPath: '/etc/caddy' }] })], volumes: [{ name: 'caddyfile', configMap: { name: 'edge-proxy-caddyfile' } }] });
  const base = { runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true };
  const msg = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec /usr/bin/caddy: operation not permitted: unknown';
  const exit = { exitCode: 128, reason: 'StartError', message: msg, finishedAgo: 2.3, ranSeconds: 0 };
  const d = deploymentApp({
    namespace: ns, name: 'edge-proxy', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: edge-proxy caddy 2.8.4-acme3', template: tpl(base) },
      { revision: 22, createdAgo: 34, changeCause: 'argocd: security baseline (PR #1184: restricted securityContext)', template: tpl({ ...base, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } }) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 22, node: names[2] ?? '', createdAgo: 33.5, containers: { caddy: crashLoop(exit, 11) } },
    ],
  });
  const p = podOf(d, 3);
  const fp = 'spec.containers{caddy}';
  const other = bystander(ns, 'edge-auth', names, 3 * DAYS, { revisions: [6, 7], versions: ['3.2.0', '3.2.1'], olderAgo: 40 * DAYS });
  return {
    id: 'heldout103-caddy-file-capabilities-drop-all',
    class: 'containers',
    truth: 'edge-proxy runs Caddy as uid 1000; its image gives /usr/bin/caddy the file capability cap_net_bind_service+ep (setcap) so it can bind :443 and :80 without root. Revision 22 (34 minutes ago, a security-baseline PR) added capabilities drop ALL and allowPrivilegeEscalation false to the container. With NET_BIND_SERVICE gone from the bounding set, the kernel refuses to exec a binary whose file capabilities it cannot grant: runc fails "exec /usr/bin/caddy: operation not permitted" (StartError, exit 128) and the new pod crash-loops; the three revision-21 pods keep serving and the rollout is stuck. Fix: add NET_BIND_SERVICE back (capabilities add after drop ALL) or roll back to revision 21; alternatively listen on unprivileged ports.',
    ask: { service: 'edge-proxy', namespace: ns },
    objects: [
      ...nodes, ...d.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'edge-proxy', selector: { app: 'edge-proxy' }, pods: d.pods, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'https' }, { name: 'http', port: 80, targetPort: 'http' }], endpointPort: 443 }),
      ...exposed({ namespace: ns, name: 'edge-auth', selector: { app: 'edge-auth' }, pods: other.pods }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'edge-proxy-caddyfile', namespace: ns, creationTimestamp: ago(200 * DAYS) }, data: { Caddyfile: '{\n\tadmin off\n\tservers {\n\t\tprotocols h1 h2\n\t}\n}\n\n:80 {\n\trespond /healthz 200\n\tredir https://{host}{uri} 308\n}\n\napi.acme.example:443 {\n\ttls /etc/caddy/tls/tls.crt /etc/caddy/tls/tls.key\n\treverse_proxy edge-auth.edge.svc:80\n}\n' } } as KubeJson,
      scaledReplicaSet(deploymentOf(d), nameOf(d.objects[2]), 1, 0, 34),
      scheduled(p, 33.5),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 12, firstAgo: 33.4, lastAgo: 2.3, fieldPath: fp }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container caddy', count: 12, firstAgo: 33.4, lastAgo: 2.3, fieldPath: fp }),
      event({ on: p, reason: 'Failed', message: `Error: ${msg}`, count: 12, firstAgo: 33.4, lastAgo: 2.3, fieldPath: fp }),
      backOff(p, 'caddy', { count: 141, firstAgo: 33.2 }),
    ],
    logs: [
      logsFor(p, 'caddy', { current: '', previous: '' }),
      ...d.pods.slice(0, 3).map((q) => logsFor(q, 'caddy', { current: lines(`{"level":"info","ts":${(ago(1.4).getTime() / 1000).toFixed(3)},"logger":"http.log.access","msg":"handled request","request":{"method":"GET","host":"api.acme.example","uri":"/v1/session"},"status":200,"duration":0.0123}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/operation not permitted|capabilit|NET_BIND_SERVICE|setcap|drop/i],
      facts: [/NET_BIND_SERVICE|cap_net_bind_service|port 443|:443/i, /drop[^\n]*ALL|allowPrivilegeEscalation|revision 22/i, lit('/usr/bin/caddy')],
      never: [/\bOOM/, /exec format|architecture|arm64/i, /image (pull|not found)/i],
    },
  };
}

// ---- 5. a native addon built on a newer builder than the runtime: GLIBCXX_3.4.30 -----------------

function nativeAddonGlibcxx(): CorpusScenario {
  const ns = 'media';
  const nodes = ['10.0.91.31', '10.0.92.118', '10.0.93.54'].map((ip, i) => node({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, createdAgo: 48 * DAYS }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string, builder: string) => ({
    annotations: { 'ci.acme.io/builder-image': builder, 'ci.acme.io/runtime-image': 'node:20.18-bullseye-slim', 'ci.acme.io/commit': v === '3.8.0' ? '9d41c07' : 'b7e2a15' },
    containers: [container({ image: image(v), ports: [3000], memory: '768Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CACHE_DB', value: '/var/cache/thumbs/index.sqlite' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'cache', mountPath: '/var/cache/thumbs' }] })],
    volumes: [{ name: 'cache', emptyDir: { sizeLimit: '2Gi' } }],
  });
  const exit = { exitCode: 1, finishedAgo: 2.6, ranSeconds: 1 };
  const d = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 4, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 40, createdAgo: 8 * DAYS, changeCause: 'ci: thumbnailer 3.7.2', template: tpl('3.7.2', 'node:20.18-bullseye') },
      { revision: 41, createdAgo: 19, changeCause: 'ci: thumbnailer 3.8.0', template: tpl('3.8.0', 'node:20.18-bookworm') },
    ],
    pods: [
      ...[0, 1, 2, 0].map((n, k) => ({ revision: 40, node: names[n] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 41, node: names[1] ?? '', createdAgo: 18.5, containers: { app: crashLoop(exit, 8) } },
    ],
  });
  const p = podOf(d, 4);
  const crash = lines(
    'node:internal/modules/cjs/loader:1586',
    '  return process.dlopen(module, path.toNamespacedPath(filename));',
    '                 ^',
    '',
    'Error: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.30\' not found (required by /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node)',
    '    at Module._extensions..node (node:internal/modules/cjs/loader:1586:18)',
    '    at Module.load (node:internal/modules/cjs/loader:1288:32)',
    '    at Module._load (node:internal/modules/cjs/loader:1104:12)',
    '    at Module.require (node:internal/modules/cjs/loader:1311:19)',
    '    at require (node:internal/modules/helpers:179:18)',
    '    at bindings (/app/node_modules/bindings/bindings.js:112:48)',
    '    at new Database (/app/node_modules/better-sqlite3/lib/database.js:48:64)',
    '    at Object.<anonymous> (/app/dist/cache/index-store.js:17:15)',
    '    at Module._compile (node:internal/modules/cjs/loader:1469:14)',
    '    at Module._extensions..js (node:internal/modules/cjs/loader:1548:10) {',
    '  code: \'ERR_DLOPEN_FAILED\'',
    '}',
    '',
    'Node.js v20.18.0',
  );
  const worker = bystander(ns, 'transcoder', names, 2 * DAYS, { revisions: [14, 15], versions: ['1.9.0', '1.9.1'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout103-native-addon-glibcxx-not-found',
    class: 'containers',
    truth: 'thumbnailer 3.8.0 (revision 41, 19 minutes ago) moved its Docker builder stage to node:20.18-bookworm while the runtime stage stayed node:20.18-bullseye-slim. better-sqlite3\'s native addon was compiled against bookworm\'s libstdc++ (GCC 12) and needs GLIBCXX_3.4.30, which bullseye\'s libstdc++ lacks, so require() fails with ERR_DLOPEN_FAILED "version `GLIBCXX_3.4.30\' not found" and the process exits 1 at start: the new pod crash-loops and the rollout is stuck while the four revision-40 pods serve. Fix: roll back to revision 40 and rebuild with matching builder and runtime bases (both bookworm, or both bullseye).',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...d.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: d.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'transcoder', selector: { app: 'transcoder' }, pods: worker.pods }),
      scaledReplicaSet(deploymentOf(d), nameOf(d.objects[2]), 1, 0, 19),
      ...pulledFresh(p, 'app', image('3.8.0'), { atAgo: 18.5, bytes: 198442311, seconds: 4.1 }),
      ...restartedAgain(p, 'app', image('3.8.0'), { count: 9, firstAgo: 18.3, lastAgo: 2.6 }),
      backOff(p, 'app', { count: 77, firstAgo: 18 }),
      event({ on: podOf(d, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(d, 1).status?.podIP ?? ''}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 3 * 60, lastAgo: 3 * 60 - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p, 'app', { previous: crash }),
      ...d.pods.slice(0, 4).map((q) => logsFor(q, 'app', { current: lines(`{"level":30,"time":${ago(1.3).getTime()},"pid":1,"hostname":"${nameOf(q)}","msg":"thumbnail rendered","size":"320x240","ms":38}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GLIBCXX|libstdc\+\+|native (addon|module)|ERR_DLOPEN/i],
      facts: [/GLIBCXX_3\.4\.30/, /better.sqlite3/, /revision 41|3\.8\.0/, /roll(ing)? ?back|rollout undo|rebuild|revision 40/i],
      never: [/\bOOM/, /(readiness|liveness) probe[^\n]*(cause|kill)/i],
    },
  };
}

// ---- 6. a Localhost AppArmor profile not loaded on autoscaled nodes of a new node group ---------

function apparmorProfileMissingOnNewNodes(): CorpusScenario {
  const ns = 'payments';
  const ubuntu = { osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '6.8.0-1019-aws', containerRuntimeVersion: 'containerd://1.7.22' };
  const old = ['10.0.101.14', '10.0.102.87', '10.0.103.212'].map((ip, i) => nodeWith({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, pool: 'general', createdAgo: 80 * DAYS }, ubuntu));
  const fresh = ['10.0.101.63', '10.0.102.190'].map((ip, i) => nodeWith({ name: eksNodeName(ip), zone: `eu-west-1${'ab'[i]}`, pool: 'general-2026b', createdAgo: 24 - i }, { ...ubuntu, osImage: 'Ubuntu 24.04.1 LTS' }));
  const names = [...old, ...fresh].map(nameOf);
  const image = `${ECR}/payments/tokenizer:4.3.1`;
  const tpl = {
    securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'acme-nginx-hardened' }, runAsNonRoot: true, runAsUser: 101 },
    containers: [container({ image, ports: [8080], memory: '256Mi', cpu: '300m', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })],
  };
  const msg = 'failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found acme-nginx-hardened';
  const d = deploymentApp({
    namespace: ns, name: 'tokenizer', replicas: 5,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: tokenizer 4.3.1', template: tpl }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      ...[3, 4].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 27 - k, containers: { app: waiting('CreateContainerError', msg) } })),
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS - 3 },
  });
  const stuck = [podOf(d, 3), podOf(d, 4)];
  const loader = daemonSetApp({
    namespace: 'security', name: 'apparmor-loader', createdAgo: 300 * DAYS,
    revisions: [{ revision: 5, createdAgo: 120 * DAYS, template: {
      nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general' },
      containers: [container({ name: 'loader', image: `${ECR}/security/apparmor-loader:0.9.2`, ports: [], readiness: null, liveness: null, cpu: '10m', memory: '32Mi', args: ['-poll', '30s', '/profiles'], securityContext: { privileged: true }, volumeMounts: [{ name: 'profiles', mountPath: '/profiles', readOnly: true }] })],
      volumes: [{ name: 'profiles', configMap: { name: 'apparmor-profiles' } }],
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 5, node: names[k] ?? '', createdAgo: 80 * DAYS - k })),
  });
  const ca = (p: k8s.V1Pod, k: number) => event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-general-2026b-6ac9a3f2-1b7e-44c0-9d1e-2f0c7a55e1d4 0->2 (max: 12)}]', firstAgo: 26.8 - k, lastAgo: 26.8 - k, component: 'cluster-autoscaler' });
  const audit = bystander(ns, 'ledger-writer', [names[0] ?? '', names[1] ?? ''], 4 * DAYS, { revisions: [44, 45], versions: ['7.0.3', '7.0.4'], olderAgo: 21 * DAYS });
  return {
    id: 'heldout103-apparmor-profile-missing-on-new-nodes',
    class: 'nodes',
    truth: 'tokenizer pods run under the Localhost AppArmor profile acme-nginx-hardened, which the apparmor-loader DaemonSet (namespace security) loads into each node\'s kernel; that DaemonSet is pinned with nodeSelector eks.amazonaws.com/nodegroup=general. At the morning peak the HPA scaled tokenizer 3 → 5 and the cluster autoscaler added two nodes from the new node group general-2026b (being introduced for the Ubuntu 24.04 migration), where no loader runs. On those nodes containerd cannot find the profile ("apparmor profile not found acme-nginx-hardened"), so the two new pods stay in CreateContainerError, while the three on general nodes serve. Not the rollout (revision 12 is nine days old). Fix: extend the loader DaemonSet to general-2026b (or select on a label both groups carry); cordon the new nodes meanwhile.',
    ask: { service: 'tokenizer', namespace: ns },
    objects: [
      ...old, ...fresh, ...d.objects, ...loader.objects, ...audit.objects,
      ...exposed({ namespace: ns, name: 'tokenizer', selector: { app: 'tokenizer' }, pods: d.pods }),
      ...exposed({ namespace: ns, name: 'ledger-writer', selector: { app: 'ledger-writer' }, pods: audit.pods }),
      hpa({ namespace: ns, name: 'tokenizer', target: { kind: 'Deployment', name: 'tokenizer' }, min: 3, max: 10, current: 5, desired: 5, cpu: { current: 71, target: 60 }, lastScaleAgo: 27 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'tokenizer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 27, lastAgo: 27, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(d), nameOf(d.objects[1]), 5, 3, 27),
      ...fresh.map((n, k) => nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 24 - k, component: 'node-controller' })),
      ...stuck.flatMap((p, k) => [
        ca(p, k),
        event({ on: p, reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', firstAgo: 27 - k, lastAgo: 27 - k, component: 'default-scheduler' }),
        scheduled(p, 23.2 - k),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 98, firstAgo: 22.5 - k, lastAgo: 0.4 + k * 0.3, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: `Error: ${msg}`, count: 98, firstAgo: 22.5 - k, lastAgo: 0.4 + k * 0.3, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: [
      ...d.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(`10.0.12.77 - - [${at(0.7)}] "POST /v2/tokenize HTTP/1.1" 201 88 "-" "checkout/5.1"`, `10.0.14.9 - - [${at(0.3)}] "POST /v2/detokenize HTTP/1.1" 200 131 "-" "settlement/2.8"`) })),
      ...loader.pods.map((q) => logsFor(q, 'loader', { current: lines(`I1111 07:02:11.402113       1 loader.go:84] Loading profiles from /profiles`, `I1111 07:02:11.431920       1 loader.go:131] Loaded profile acme-nginx-hardened`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/apparmor/i],
      facts: [/profile not found|acme-nginx-hardened/, /general-2026b|ip-10-0-101-63|ip-10-0-102-190/, /apparmor-loader|nodeSelector|not loaded/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /Insufficient cpu[^\n]*(cause|root)/i],
    },
  };
}

// ---- 7. healthy control: Redis with its usual start-up warnings ---------------------------------

function healthyRedisWarnings(): CorpusScenario {
  const ns = 'sessions';
  const nodes = ['10.0.111.25', '10.0.112.146', '10.0.113.81'].map((ip, i) => node({ name: eksNodeName(ip), zone: `eu-west-1${'abc'[i]}`, createdAgo: 50 * DAYS }));
  const names = nodes.map(nameOf);
  const image = 'docker.io/library/redis:7.2.5';
  const tpl = { containers: [container({ name: 'redis', image, args: ['--save', '300', '100', '--maxmemory', '900mb', '--maxmemory-policy', 'allkeys-lru'], ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })], volumes: [{ name: 'data', emptyDir: {} }] };
  const d = deploymentApp({
    namespace: ns, name: 'session-cache', replicas: 1, strategy: { type: 'Recreate' },
    revisions: [{ revision: 6, createdAgo: 9 * DAYS, changeCause: 'helm: session-cache redis 7.2.5', template: tpl }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const p = podOf(d, 0);
  const rt = (m: number): string => {
    const t = ago(m);
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][t.getUTCMonth()];
    return `${t.getUTCDate()} ${mon} ${t.getUTCFullYear()} ${t.toISOString().slice(11, 23)}`;
  };
  const s = 9 * DAYS - 0.4;
  const saves = [16, 11, 6, 1].flatMap((m, i) => [
    `1:M ${rt(m)} * 100 changes in 300 seconds. Saving...`,
    `1:M ${rt(m)} * Background saving started by pid ${4410 + i * 7}`,
    `${4410 + i * 7}:C ${rt(m - 0.02)} * DB saved on disk`,
    `${4410 + i * 7}:C ${rt(m - 0.02)} * Fork CoW for RDB: current 2 MB, peak 2 MB, average 1 MB`,
    `1:M ${rt(m - 0.03)} * Background saving terminated with success`,
  ]);
  const log = lines(
    `1:C ${rt(s)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${rt(s)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${rt(s)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${rt(s)} * Configuration loaded`,
    `1:M ${rt(s)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${rt(s)} * Running mode=standalone, port=6379.`,
    `1:M ${rt(s)} # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`,
    `1:M ${rt(s)} # WARNING you have Transparent Huge Pages (THP) support enabled in your kernel. This will create latency and memory usage issues with Redis. To fix this issue run the command 'echo madvise > /sys/kernel/mm/transparent_hugepage/enabled' as root, and add it to your /etc/rc.local in order to retain the setting after a reboot. Redis must be restarted after THP is disabled (set to 'madvise' or 'never').`,
    `1:M ${rt(s)} * Server initialized`,
    `1:M ${rt(s)} * Ready to accept connections tcp`,
    ...saves,
  );
  const api = bystander(ns, 'session-api', names, 6 * DAYS, { revisions: [27, 28], versions: ['2.14.0', '2.14.1'], olderAgo: 33 * DAYS });
  return {
    id: 'heldout103-healthy-redis-startup-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong. session-cache is a single Redis 7.2.5 pod, up for nine days without a restart, Ready, saving its RDB every five minutes successfully. Its log carries the warnings Redis always prints at start on a default node (memory overcommit not enabled, Transparent Huge Pages enabled, somaxconn 128 lower than the TCP backlog); they are advice for tuning, not a fault, and nothing has failed because of them.',
    ask: { service: 'session-cache', namespace: ns },
    objects: [
      ...nodes, ...d.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'session-cache', selector: { app: 'session-cache' }, pods: d.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods }),
      ...startedNormally(p, 'redis', image, 9 * DAYS),
    ],
    logs: [logsFor(p, 'redis', { current: log })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problem|issue|fault)s?|nothing (is )?wrong|running|ready|ok\b/i],
      facts: [/session-cache/],
      never: [/\bOOM/, /crash ?loop|restart loop/i, /(fix|set|enable|disable)[^\n]*(overcommit|transparent huge|THP|somaxconn)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  dockerSockOnContainerdNodes(),
  jvmStrictOvercommitPool(),
  profilerSidecarLostPtrace(),
  caddyFileCapsDropAll(),
  nativeAddonGlibcxx(),
  apparmorProfileMissingOnNewNodes(),
  healthyRedisWarnings(),
];
