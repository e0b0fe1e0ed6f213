// Held-out stories, nineteenth round, second half: written without reading the analysis code.
//
// The cluster autoscaler unable to launch r6i.2xlarge in the node group's only zone (EC2
// InsufficientInstanceCapacity), an expired Linkerd trust anchor / issuer that new proxies cannot
// get an identity from, a KEDA-driven worker left at zero replicas because the scaler's copy of the
// RabbitMQ credentials was not rotated, Java 8u252 sizing its heap from the host on cgroup v2 nodes,
// a hostPath `type: Directory` missing on a new AMI, an operator still watching policy/v1beta1
// PodDisruptionBudgets after the 1.25 upgrade, and a healthy StatefulSet mid rolling update.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, containerStatus, crashLoop, deploymentApp, event,
  exposed, failedScheduling, httpProbe, nameOf, node, nodeEvent, notTriggerScaleUp, probeFailed, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, uidOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- helpers of this part ---------------------------------------------------------------------

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

/** klog's header: `I1121 02:49:24.118372       1 file.go:123] msg`. */
function klog(level: 'I' | 'W' | 'E' | 'F', minutes: number, file: string, msg: string): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + 417).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 ${file}] ${msg}`;
}

/** logrus' text format time (Go controllers): `2026-11-21T02:14:05Z`. */
const goTime = (minutes: number): string => at(minutes).replace(/\.\d{3}Z$/, 'Z');

interface NodeLook {
  name: string;
  zone: string;
  pool: string;
  instanceType: string;
  createdAgo: number;
  labels?: Record<string, string>;
  osImage?: string;
  kernel?: string;
  kubelet?: string;
  containerd?: string;
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
}

/** An EKS node with its own OS image, kernel and kubelet (the kit's defaults are AL2023 / 1.31). */
function eksNode(o: NodeLook): k8s.V1Node {
  const n = node({ name: o.name, zone: o.zone, pool: o.pool, instanceType: o.instanceType, createdAgo: o.createdAgo, readySince: o.createdAgo - 1, ...(o.labels === undefined ? {} : { labels: o.labels }), ...(o.allocatable === undefined ? {} : { allocatable: o.allocatable }) });
  const status = n.status ?? {};
  if (o.capacity !== undefined) status.capacity = o.capacity;
  const info = status.nodeInfo;
  if (info !== undefined) {
    if (o.osImage !== undefined) info.osImage = o.osImage;
    if (o.kernel !== undefined) info.kernelVersion = o.kernel;
    if (o.kubelet !== undefined) { info.kubeletVersion = o.kubelet; info.kubeProxyVersion = o.kubelet; }
    if (o.containerd !== undefined) info.containerRuntimeVersion = o.containerd;
  }
  return n;
}

const R6I_2XL = { capacity: { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '65023608Ki', pods: '58' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '63457368Ki', pods: '58' } };
const M6I_4XL = { capacity: { cpu: '16', 'ephemeral-storage': '104845292Ki', memory: '65023592Ki', pods: '234' }, allocatable: { cpu: '15890m', 'ephemeral-storage': '95551679124', memory: '63457352Ki', pods: '234' } };

/** Sets the apiVersion of an event's involvedObject (a custom resource's events). */
function onCustom(e: k8s.CoreV1Event, apiVersion: string): k8s.CoreV1Event {
  e.involvedObject.apiVersion = apiVersion;
  return e;
}

const deploymentObj = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

const HEALTHY_LOOK = { revisions: [18, 19] as const, versions: ['2.7.0', '2.7.1'] as const, olderAgo: 12 * DAYS };

// ---- 1. cluster autoscaler: EC2 has no r6i.2xlarge capacity in the node group's zone --------------

function autoscalerInsufficientInstanceCapacity(): CorpusScenario {
  const ns = 'search';
  const asg = 'eks-memory-opt-r6i-2xl-a6c5e1f2-3b1d-9e0c-7f55-1c2d3e4f5a6b';
  const general = ['10.0.33.18', '10.0.71.204', '10.0.112.9', '10.0.40.77', '10.0.98.150'].map((ip, i) =>
    eksNode({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a', 'eu-west-1b'][i] ?? 'eu-west-1a', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: (12 + i) * DAYS }),
  );
  // The memory-optimised group lives in one private subnet (eu-west-1b) only.
  const memOpt = ['10.0.72.31', '10.0.75.142', '10.0.80.66', '10.0.91.213'].map((ip, i) =>
    eksNode({ name: eksNodeName(ip), zone: 'eu-west-1b', pool: 'memory-opt-r6i-2xl', instanceType: 'r6i.2xlarge', createdAgo: (20 - i) * DAYS, ...R6I_2XL }),
  );
  const nodes = [...general, ...memOpt];
  const memNames = memOpt.map(nameOf);
  const image = `${ECR}/search/search-indexer:4.12.0`;
  const tpl = { containers: [container({ image, ports: [8080, { name: 'metrics', containerPort: 9404 }], cpu: '3', memory: '24Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] };
  const unschedulable = '0/9 nodes are available: 9 Insufficient memory. preemption: 0/9 nodes are available: 9 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'search-indexer',
    replicas: 14,
    revisions: [
      { revision: 22, createdAgo: 30 * DAYS, changeCause: 'argocd: search-indexer 4.11.3', template: { containers: [container({ image: `${ECR}/search/search-indexer:4.11.3`, cpu: '3', memory: '24Gi' })] } },
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: search-indexer 4.12.0', template: tpl },
    ],
    pods: [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({ revision: 23, node: memNames[k % 4] ?? '', createdAgo: (9 * DAYS) - 3 - k * 40 })),
      ...[0, 1, 2, 3, 4, 5].map((k) => ({ revision: 23, node: null, createdAgo: 25 - k * 0.02, unschedulable, containers: { app: waiting('ContainerCreating') } })),
    ],
    settled: { available: false, availableSince: 24.5, progressingSince: 9 * DAYS - 10 },
  });
  const pending = app.pods.slice(8);
  const hpaObj: k8s.V2HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'search-indexer', namespace: ns, uid: uidOf(`hpa/${ns}/search-indexer`), creationTimestamp: ago(200 * DAYS) },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'search-indexer' }, minReplicas: 4, maxReplicas: 20, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } }] },
    status: {
      currentReplicas: 14,
      desiredReplicas: 14,
      lastScaleTime: ago(25),
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 91, averageValue: '2735m' } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation', lastTransitionTime: ago(25) },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(200 * DAYS) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
      ],
    },
  };
  const other = bystander(ns, 'search-api', general.map(nameOf), 58, HEALTHY_LOOK);
  // The cluster autoscaler (kube-system) and its status ConfigMap.
  const caImage = 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.1';
  const ca = deploymentApp({
    namespace: 'kube-system',
    name: 'cluster-autoscaler',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'aws-cluster-autoscaler' },
    revisions: [{ revision: 6, createdAgo: 35 * DAYS, template: { containers: [container({ name: 'aws-cluster-autoscaler', image: caImage, command: ['./cluster-autoscaler', '--cloud-provider=aws', '--namespace=kube-system', '--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/prod-eu-west-1', '--expander=least-waste', '--balance-similar-node-groups', '--skip-nodes-with-system-pods=false'], ports: [{ name: 'http', containerPort: 8085 }], cpu: '100m', memory: '600Mi', readiness: null, liveness: httpProbe('/health-check', 8085) })], serviceAccountName: 'cluster-autoscaler', priorityClassName: 'system-cluster-critical' } }],
    pods: [{ revision: 6, node: general[0] ? nameOf(general[0]) : '', createdAgo: 35 * DAYS }],
  });
  const caPod = podOf(ca, 0);
  const plan = `[{${asg} 4->7 (max: 12)}]`;
  const ice = 'We currently do not have sufficient r6i.2xlarge capacity in the Availability Zone you requested (eu-west-1b). Our system will be working on provisioning additional capacity. You can currently get r6i.2xlarge capacity by not specifying an Availability Zone in your request or choosing eu-west-1a, eu-west-1c.';
  const attempt = (t: number, backoffMin: number): string[] => [
    klog('I', t, 'orchestrator.go:185', 'Best option to resize: ' + asg),
    klog('I', t, 'orchestrator.go:189', 'Estimated 3 nodes needed in ' + asg),
    klog('I', t, 'orchestrator.go:303', 'Final scale-up plan: ' + plan),
    klog('I', t, 'executor.go:147', `Scale-up: setting group ${asg} size to 7`),
    klog('I', t, 'auto_scaling_groups.go:267', `Setting asg ${asg} size to 7`),
    klog('I', t - 0.6, 'eventing_scale_up_processor.go:47', 'Skipping event processing for unschedulable pods since there is a ScaleUp attempt this loop'),
    klog('W', t - 2.4, 'auto_scaling_groups.go:445', `Instance group ${asg} cannot provision any more nodes: InsufficientInstanceCapacity: ${ice} Launching EC2 instance failed.`),
    klog('W', t - 2.4, 'clusterstate.go:1084', `Failed adding 3 nodes (3 unseen previously) to group ${asg} due to OutOfResource.placeholder-cannot-be-fulfilled; errorClass=OutOfResource; errorCode=placeholder-cannot-be-fulfilled`),
    klog('E', t - 2.4, 'clusterstate.go:327', `Failed to increase node group size ${asg}: InsufficientInstanceCapacity: ${ice}`),
    klog('W', t - 2.4, 'clusterstate.go:346', `Disabling scale-up for node group ${asg} until ${ago(t - 2.4 - backoffMin).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC')}; errorClass=OutOfResource; errorCode=placeholder-cannot-be-fulfilled`),
    klog('I', t - 2.5, 'auto_scaling_groups.go:174', `Setting asg ${asg} size to 4`),
  ];
  const backedOff = (t: number): string[] => [
    klog('I', t, 'klogx.go:87', `Pod search/${nameOf(pending[0])} is unschedulable`),
    klog('I', t, 'orchestrator.go:565', `Pod ${nameOf(pending[0])} can't be scheduled on ${asg}, predicate checking error: node group is in backoff; predicateName=; reasons: in backoff after failed scale-up`),
    klog('I', t, 'orchestrator.go:565', `Pod ${nameOf(pending[0])} can't be scheduled on eks-general-9e21c4d0-7a55-4b3e-bc71-5d0f3a2e8c19, predicate checking error: Insufficient memory; predicateName=NodeResourcesFit; reasons: Insufficient memory; debugInfo=`),
    klog('I', t, 'orchestrator.go:94', 'No expansion options'),
  ];
  const caLog = lines(
    ...attempt(24.6, 5), ...backedOff(18), ...attempt(16.1, 10), ...backedOff(8), ...attempt(4.2, 20), ...backedOff(0.4),
    klog('I', 0.3, 'static_autoscaler.go:712', 'Scale down status: lastScaleUpTime=2026-11-21 03:09:48 +0000 UTC lastScaleDownDeleteTime=2026-11-20 22:41:07 +0000 UTC lastScaleDownFailTime=2026-11-20 19:02:55 +0000 UTC scaleDownForbidden=false scaleDownInCooldown=true'),
  );
  const status = configMap({
    namespace: 'kube-system',
    name: 'cluster-autoscaler-status',
    createdAgo: 35 * DAYS,
    updatedAgo: 0.2,
    data: {
      status: [
        `time: ${ago(0.2).toISOString().replace('T', ' ').replace('Z', ' +0000 UTC')}`,
        'autoscalerStatus: Running',
        'clusterWide:',
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered: {total: 9, ready: 9, notStarted: 0}',
        '      longUnregistered: 0',
        '      unregistered: 0',
        '  scaleUp:',
        '    status: NoActivity',
        '  scaleDown:',
        '    status: NoCandidates',
        'nodeGroups:',
        `- name: ${asg}`,
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered: {total: 4, ready: 4, notStarted: 0}',
        '    cloudProviderTarget: 4',
        '    minSize: 2',
        '    maxSize: 12',
        '  scaleUp:',
        '    status: Backoff',
        '    backoffInfo:',
        '      errorCode: placeholder-cannot-be-fulfilled',
        `      errorMessage: 'InsufficientInstanceCapacity: ${ice}'`,
        '- name: eks-general-9e21c4d0-7a55-4b3e-bc71-5d0f3a2e8c19',
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered: {total: 5, ready: 5, notStarted: 0}',
        '    cloudProviderTarget: 5',
        '    minSize: 3',
        '    maxSize: 10',
        '  scaleUp:',
        '    status: NoActivity',
      ].join('\n'),
    },
  });
  const statusRef = { kind: 'ConfigMap', name: 'cluster-autoscaler-status', namespace: 'kube-system' };
  const podEvents = pending.flatMap((p) => [
    failedScheduling(p, unschedulable, { count: 9, firstAgo: 24.9, lastAgo: 1.1 }),
    event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: `pod triggered scale-up: ${plan}`, count: 3, firstAgo: 24.6, lastAgo: 4.2, component: 'cluster-autoscaler' }),
    notTriggerScaleUp(p, '1 Insufficient memory, 1 in backoff after failed scale-up', { count: 14, firstAgo: 21.9, lastAgo: 0.4 }),
  ]);
  const logLine = (t: number, msg: string) => `${at(t).replace('T', ' ').replace('Z', '')}  INFO 1 --- [indexer-pool-3] c.a.search.indexer.BatchIndexer          : ${msg}`;
  return {
    id: 'heldout19-autoscaler-insufficient-instance-capacity',
    class: 'capacity',
    truth: 'At 02:49 the search-indexer HPA scaled the Deployment from 8 to 14 replicas on CPU. The six new pods (24Gi memory requests each) fit on none of the 9 nodes (Insufficient memory), so the cluster autoscaler asked the memory-opt-r6i-2xl node group (an ASG in the eu-west-1b subnet only) to grow 4 -> 7, three times. EC2 refused every launch with InsufficientInstanceCapacity: no r6i.2xlarge capacity in eu-west-1b; the autoscaler backed the group off and no node ever joined, so the pods stay Pending and the indexer runs at 8 of 14. Nodes and pods that run are healthy; it is not a leak nor a quota. Fix: give the node group more instance types (r6a/r5/r7i.2xlarge) and the eu-west-1a/1c subnets (or a Karpenter pool with flexible types).',
    ask: { service: 'search-indexer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, hpaObj, ...other.objects, ...ca.objects, status,
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-indexer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 25, lastAgo: 25, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentObj(app), rsOf(app, 23), 14, 8, 25),
      ...pending.map((p) => event({ on: { kind: 'ReplicaSet', name: rsOf(app, 23), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 25, lastAgo: 25, component: 'replicaset-controller' })),
      ...podEvents,
      event({ on: statusRef, type: 'Normal', reason: 'ScaledUpGroup', message: `Scale-up: setting group ${asg} size to 7 instead of 4 (max: 12)`, count: 3, firstAgo: 24.6, lastAgo: 4.2, component: 'cluster-autoscaler' }),
      event({ on: statusRef, type: 'Normal', reason: 'ScaledUpGroup', message: `Scale-up: group ${asg} size set to 7 instead of 4 (max: 12)`, count: 3, firstAgo: 24.6, lastAgo: 4.2, component: 'cluster-autoscaler' }),
      event({ on: statusRef, reason: 'ScaleUpFailed', message: `Failed adding 3 nodes to group ${asg} due to OutOfResource.placeholder-cannot-be-fulfilled; source errors: InsufficientInstanceCapacity: ${ice}`, count: 3, firstAgo: 22.2, lastAgo: 1.8, component: 'cluster-autoscaler' }),
      // Noise: the bystander's rollout an hour ago, and a node replaced yesterday.
      nodeEvent(nameOf(general[4]), 'NodeReady', `Node ${nameOf(general[4])} status is now: NodeReady`, { firstAgo: 20 * HOURS }),
    ],
    logs: [
      logsFor(caPod, 'aws-cluster-autoscaler', { current: caLog }),
      ...app.pods.slice(0, 8).map((p) => logsFor(p, 'app', { current: lines(logLine(2.1, 'indexed batch 88213 (5000 docs) in 4180 ms, lag=1742551 docs'), logLine(0.6, 'indexed batch 88214 (5000 docs) in 4307 ms, lag=1761208 docs')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InsufficientInstanceCapacity|r6i\.2xlarge|(instance|ec2|aws)[^\n]*capacity|capacity[^\n]*(eu-west-1b|zone)|(autoscaler|node group|scale-?up)[^\n]*(fail|cannot|can't|backoff|refus)/i],
      facts: [/InsufficientInstanceCapacity|do not have sufficient r6i\.2xlarge capacity/, /eu-west-1b/, /Insufficient memory/, /memory-opt|eks-memory-opt-r6i-2xl/, /instance types?|other (zones?|AZs?|subnets?)|eu-west-1a|eu-west-1c|availability zones?/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /memory leak/i, /quota/i, /search-api/],
    },
  };
}

// ---- 2. Linkerd: the trust anchor and issuer expired, restarted proxies get no identity -------------

function linkerdTrustAnchorExpired(): CorpusScenario {
  const ns = 'storefront';
  const expiry = ago(60);
  const expiryText = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const oldNodes = ['10.0.36.140', '10.0.119.27'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 18 * DAYS }));
  const newNodes = ['10.0.66.201', '10.0.88.54'].map((ip, i) => eksNode({ name: eksNodeName(ip), zone: 'eu-west-1b', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 24 - i }));
  const nodes = [...oldNodes, ...newNodes];
  const [o1, o2] = oldNodes.map(nameOf);
  const [n1, n2] = newNodes.map(nameOf);
  const image = `${ECR}/storefront/checkout-web:3.8.2`;
  const tpl = {
    containers: [container({ image, ports: [3000], memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CART_URL', value: 'http://cart-api.storefront.svc.cluster.local' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 15 }) })],
    annotations: { 'linkerd.io/inject': 'enabled', 'config.linkerd.io/proxy-await': 'disabled' },
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-web',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout-web 3.8.1', template: { ...tpl, containers: [container({ image: `${ECR}/storefront/checkout-web:3.8.1`, ports: [3000], memory: '512Mi' })] } },
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-web 3.8.2', template: tpl },
    ],
    pods: [
      { revision: 58, node: o1 ?? '', createdAgo: 6 * DAYS },
      { revision: 58, node: o2 ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 58, node: n1 ?? '', createdAgo: 20.5, ready: false },
      { revision: 58, node: n2 ?? '', createdAgo: 19.8, ready: false },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS - 3 },
  });
  const proxyVersion = 'stable-2.14.10';
  const proxyImage = 'cr.l5d.io/linkerd/proxy:' + proxyVersion;
  const proxy = container({
    name: 'linkerd-proxy',
    image: proxyImage,
    ports: [{ name: 'linkerd-proxy', containerPort: 4143 }, { name: 'linkerd-admin', containerPort: 4191 }],
    cpu: '100m',
    memory: '20Mi',
    memoryLimit: '250Mi',
    env: [
      { name: 'LINKERD2_PROXY_IDENTITY_DIR', value: '/var/run/linkerd/identity/end-entity' },
      { name: 'LINKERD2_PROXY_IDENTITY_SVC_ADDR', value: 'linkerd-identity-headless.linkerd.svc.cluster.local.:8080' },
      { name: 'LINKERD2_PROXY_IDENTITY_SVC_NAME', value: 'linkerd-identity.linkerd.serviceaccount.identity.linkerd.cluster.local' },
      { name: 'LINKERD2_PROXY_IDENTITY_LOCAL_NAME', value: '$(_pod_sa).$(_pod_ns).serviceaccount.identity.linkerd.cluster.local' },
      { name: 'LINKERD2_PROXY_DESTINATION_SVC_ADDR', value: 'linkerd-dst-headless.linkerd.svc.cluster.local.:8086' },
    ],
    readiness: httpProbe('/ready', 4191, { initialDelaySeconds: 2 }),
    liveness: httpProbe('/live', 4191, { initialDelaySeconds: 10 }),
    volumeMounts: [{ name: 'linkerd-identity-end-entity', mountPath: '/var/run/linkerd/identity/end-entity' }],
    securityContext: { runAsUser: 2102, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
  });
  const init = batchContainer({ name: 'linkerd-init', image: 'cr.l5d.io/linkerd/proxy-init:v2.2.3', args: ['--incoming-proxy-port', '4143', '--outgoing-proxy-port', '4140', '--proxy-uid', '2102', '--inbound-ports-to-ignore', '4190,4191,4567,4568', '--outbound-ports-to-ignore', '4567,4568'], cpu: '100m', memory: '20Mi', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, runAsUser: 65534, runAsNonRoot: true } });
  app.pods.forEach((p, i) => {
    const fresh = i >= 2;
    const created = fresh ? (i === 2 ? 20.5 : 19.8) : 6 * DAYS - (i === 1 ? 2 : 0);
    p.metadata = {
      ...p.metadata,
      labels: { ...p.metadata?.labels, 'linkerd.io/control-plane-ns': 'linkerd', 'linkerd.io/proxy-deployment': 'checkout-web', 'linkerd.io/workload-ns': ns },
      annotations: { ...p.metadata?.annotations, 'linkerd.io/created-by': `linkerd/proxy-injector ${proxyVersion}`, 'linkerd.io/proxy-version': proxyVersion, 'linkerd.io/identity-mode': 'default', 'linkerd.io/trust-root-sha256': 'a1e8f0c6b2e54a3e8d6c1f27b5a04e98c3d1f6a7b2e9c4d05f8a1b3c6e7d9f20' },
    };
    if (p.spec) p.spec = { ...p.spec, initContainers: [init], containers: [proxy, ...p.spec.containers], volumes: [...(p.spec.volumes ?? []), { name: 'linkerd-identity-end-entity', emptyDir: { medium: 'Memory' } }, { name: 'linkerd-proxy-init-xtables-lock', emptyDir: {} }] };
    const seed = `${ns}/${nameOf(p)}`;
    if (p.status) {
      p.status.initContainerStatuses = [{ ...containerStatus(init, { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(created - 0.05), finishedAt: ago(created - 0.1), containerID: `containerd://${uidOf(seed + 'init').replace(/-/g, '')}` } }, ready: true, restartCount: 0 }, seed) }];
      p.status.containerStatuses = [containerStatus(proxy, running({ sinceAgo: created - 0.15, ready: !fresh }), seed), ...(p.status.containerStatuses ?? [])];
      if (fresh) for (const c of p.status.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') { c.status = 'False'; c.reason = 'ContainersNotReady'; c.message = 'containers with unready status: [linkerd-proxy]'; }
    }
  });
  const [old1, old2, fresh1, fresh2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  // The control plane: linkerd-identity was not rotated (one replica, on an old node, up for 40 days).
  const identity = deploymentApp({
    namespace: 'linkerd',
    name: 'linkerd-identity',
    replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'identity' },
    revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'identity', image: 'cr.l5d.io/linkerd/controller:' + proxyVersion, args: ['identity', '-log-level=info', '-log-format=plain', '-controller-namespace=linkerd', '-identity-trust-domain=cluster.local', '-identity-issuance-lifetime=24h0m0s', '-identity-clock-skew-allowance=20s', '-identity-scheme=linkerd.io/tls'], ports: [{ name: 'grpc', containerPort: 8080 }, { name: 'admin-http', containerPort: 9990 }], cpu: '100m', memory: '50Mi', memoryLimit: '250Mi', readiness: httpProbe('/ready', 9990), liveness: httpProbe('/ping', 9990, { initialDelaySeconds: 10 }) })], serviceAccountName: 'linkerd-identity' } }],
    pods: [{ revision: 4, node: o2 ?? '', createdAgo: 40 * DAYS }],
  });
  const destination = deploymentApp({
    namespace: 'linkerd',
    name: 'linkerd-destination',
    replicas: 1,
    selector: { 'linkerd.io/control-plane-component': 'destination' },
    revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'destination', image: 'cr.l5d.io/linkerd/controller:' + proxyVersion, ports: [{ name: 'grpc', containerPort: 8086 }], cpu: '100m', memory: '50Mi', readiness: httpProbe('/ready', 9996), liveness: httpProbe('/ping', 9996) })], serviceAccountName: 'linkerd-destination' } }],
    pods: [{ revision: 4, node: o1 ?? '', createdAgo: 40 * DAYS }],
  });
  const idPod = podOf(identity, 0);
  const idIp = idPod.status?.podIP ?? '10.0.20.15';
  const x509 = (t: number) => `x509: certificate has expired or is not yet valid: current time ${goTime(t)} is after ${expiryText}`;
  const identityLog = lines(
    `time="${goTime(75)}" level=info msg="certifying web.storefront.serviceaccount.identity.linkerd.cluster.local until ${ago(75 - 24 * 60).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC')}"`,
    `time="${goTime(70)}" level=info msg="certifying cart-api.storefront.serviceaccount.identity.linkerd.cluster.local until ${ago(70 - 24 * 60).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC')}"`,
    `time="${goTime(59.9)}" level=warning msg="issuer certificate for identity.linkerd.cluster.local is no longer valid with the trust anchors: ${x509(59.9)}"`,
    `time="${goTime(48)}" level=error msg="Failed to issue certificate for prometheus.linkerd-viz.serviceaccount.identity.linkerd.cluster.local: issuer certificate is not valid: ${x509(48)}"`,
    `time="${goTime(20.3)}" level=error msg="Failed to issue certificate for default.storefront.serviceaccount.identity.linkerd.cluster.local: issuer certificate is not valid: ${x509(20.3)}"`,
    `time="${goTime(0.8)}" level=error msg="Failed to issue certificate for default.storefront.serviceaccount.identity.linkerd.cluster.local: issuer certificate is not valid: ${x509(0.8)}"`,
  );
  const proxyLog = (up: number) => {
    const rel = (s: number) => `[${s.toFixed(6).padStart(13)}s]`;
    const ctl = `identity:identity{server.addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:controller{addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:endpoint{addr=${idIp}:8080}`;
    return lines(
      `${rel(0.002211)}  INFO ThreadId(01) linkerd2_proxy: release 2.224.0 (0c3fe39) by linkerd on 2024-04-17T20:11:58Z`,
      `${rel(0.003905)}  INFO ThreadId(01) linkerd2_proxy: Admin interface on 0.0.0.0:4191`,
      `${rel(0.003917)}  INFO ThreadId(01) linkerd2_proxy: Inbound interface on 0.0.0.0:4143`,
      `${rel(0.003920)}  INFO ThreadId(01) linkerd2_proxy: Outbound interface on 127.0.0.1:4140`,
      `${rel(0.003922)}  INFO ThreadId(01) linkerd2_proxy: Tap interface on 0.0.0.0:4190`,
      `${rel(0.003925)}  INFO ThreadId(01) linkerd2_proxy: Local identity is default.storefront.serviceaccount.identity.linkerd.cluster.local`,
      `${rel(0.003928)}  INFO ThreadId(01) linkerd2_proxy: Identity verified via linkerd-identity-headless.linkerd.svc.cluster.local:8080 (linkerd-identity.linkerd.serviceaccount.identity.linkerd.cluster.local)`,
      `${rel(0.003931)}  INFO ThreadId(01) linkerd2_proxy: Destinations resolved via linkerd-dst-headless.linkerd.svc.cluster.local:8086 (linkerd-destination.linkerd.serviceaccount.identity.linkerd.cluster.local)`,
      `${rel(0.011342)}  WARN ThreadId(02) ${ctl}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      `${rel(0.223871)}  WARN ThreadId(02) ${ctl}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      `${rel(15.005873)}  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...`,
      `${rel(30.007144)}  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...`,
      `${rel(up - 3.1)}  WARN ThreadId(02) ${ctl}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      `${rel(up - 0.2)}  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...`,
    );
  };
  const appLog = (t: number) => lines(
    `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"checkout-web","msg":"checkout-web 3.8.2 listening on :3000"}`,
    `{"level":40,"time":${ago(t - 0.5).getTime()},"pid":1,"hostname":"checkout-web","msg":"cart-api warmup failed, will retry lazily","err":{"type":"Error","message":"connect ECONNREFUSED 127.0.0.1:4140","code":"ECONNREFUSED"}}`,
  );
  const other = bystander(ns, 'cart-api', [o1 ?? '', n1 ?? ''], 52, HEALTHY_LOOK);
  return {
    id: 'heldout19-linkerd-trust-anchor-expired',
    class: 'network',
    truth: 'The Linkerd trust anchor and the identity issuer certificate created at install time with a one-year validity expired at 02:14 (an hour ago); nobody had rotated them. linkerd-identity can no longer issue workload certificates, and newly started proxies reject its expired chain (invalid peer certificate: Expired), so they never get an identity and their /ready stays 503. The node rotation 20 minutes ago restarted two of the four checkout-web pods: their linkerd-proxy containers stay unready and the pods are out of the Service, while the two pods not restarted keep serving with their existing proxies. Same revision 58 everywhere; the app container is fine. Fix: rotate the trust anchor and issuer (linkerd upgrade --identity-trust-anchors-file / --identity-issuer-*), restart linkerd-identity, then the meshed workloads.',
    ask: { service: 'checkout-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...identity.objects, ...destination.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      ...exposed({ namespace: 'linkerd', name: 'linkerd-identity', selector: { 'linkerd.io/control-plane-component': 'identity' }, pods: identity.pods, ports: [{ name: 'grpc', port: 8080, targetPort: 8080 }] }),
      configMap({ namespace: 'linkerd', name: 'linkerd-identity-trust-roots', createdAgo: 365 * DAYS + 61, data: { 'ca-bundle.crt': '-----BEGIN CERTIFICATE-----\nMIIBjjCCATOgAwIBAgIQH0nQ0F1yP3nT6v9kE7mT4jAKBggqhkjOPQQDAjAlMSMw\nIQYDVQQDExpyb290LmxpbmtlcmQuY2x1c3Rlci5sb2NhbDAeFw0yNTExMjEwMjE0\nMDBaFw0yNjExMjEwMjE0MDBaMCUxIzAhBgNVBAMTGnJvb3QubGlua2VyZC5jbHVz\ndGVyLmxvY2FsMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END CERTIFICATE-----\n' } }),
      // The node rotation that restarted two pods.
      ...[n1, n2].map((n) => nodeEvent(n ?? '', 'NodeReady', `Node ${n ?? ''} status is now: NodeReady`, { firstAgo: 23 })),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 58), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh1)}`, firstAgo: 20.5, lastAgo: 20.5, component: 'replicaset-controller' }),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 58), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh2)}`, firstAgo: 19.8, lastAgo: 19.8, component: 'replicaset-controller' }),
      ...[fresh1, fresh2].flatMap((p, i) => {
        const t = i === 0 ? 20.5 : 19.8;
        return [
          scheduled(p, t),
          event({ on: p, type: 'Normal', reason: 'Pulled', message: 'Container image "cr.l5d.io/linkerd/proxy-init:v2.2.3" already present on machine', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.initContainers{linkerd-init}' }),
          event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container linkerd-init', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.initContainers{linkerd-init}' }),
          event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container linkerd-init', firstAgo: t - 0.05, lastAgo: t - 0.05, fieldPath: 'spec.initContainers{linkerd-init}' }),
          ...restartedAgain(p, 'linkerd-proxy', proxyImage, { count: 1, firstAgo: t - 0.1, lastAgo: t - 0.1 }),
          ...restartedAgain(p, 'app', image, { count: 1, firstAgo: t - 0.1, lastAgo: t - 0.1 }),
          probeFailed(p, 'linkerd-proxy', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: Math.round(t * 6) - 1, firstAgo: t - 0.12, lastAgo: 0.1 }),
        ];
      }),
      // Noise: an old readiness blip on a pod that is fine.
      probeFailed(old1, 'app', 'Readiness', `Get "http://${old1.status?.podIP ?? ''}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2 }),
    ],
    logs: [
      logsFor(fresh1, 'linkerd-proxy', { current: proxyLog(20.3 * 60) }),
      logsFor(fresh2, 'linkerd-proxy', { current: proxyLog(19.6 * 60) }),
      logsFor(fresh1, 'app', { current: appLog(20.3) }),
      logsFor(fresh2, 'app', { current: appLog(19.6) }),
      ...[old1, old2].map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(0.7).getTime()},"pid":1,"hostname":"checkout-web","req":{"method":"POST","url":"/api/checkout"},"res":{"statusCode":200},"responseTime":87,"msg":"request completed"}`) })),
      logsFor(idPod, 'identity', { current: identityLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/linkerd|identity|trust ?anchor|issuer|mesh/i, /expir|certificate|cert\b|x509/i],
      facts: [/linkerd-proxy/, /linkerd-identity/, /expired|Expired|not yet valid/, /trust ?anchor|issuer|certificate/i, /rotat|renew|new (trust anchor|issuer|certificate)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /cart-api/, /ECONNREFUSED[^\n]*cause|cart-api[^\n]*(down|unavailable)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  autoscalerInsufficientInstanceCapacity(),
  linkerdTrustAnchorExpired(),
];
