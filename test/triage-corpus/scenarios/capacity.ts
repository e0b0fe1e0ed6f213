// Corpus stories: capacity. Limits the workload runs into that are not the nodes': a namespace
// ResourceQuota that refuses new pods, an HPA pinned at its maximum.
import type * as k8s from '@kubernetes/client-node';
import {
  BLAMES_ROLLOUT, DAYS, ECR, ago, container, deploymentApp, event, exposed, hpa, httpProbe, ipOf, nameOf, node, probeFailed, replicaSetOf,
  resourceQuota, rsOf, running, scaledReplicaSet, startedNormally,
} from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- 17. a ResourceQuota lowered under the rollout's surge ---------------------------------

/**
 * FinOps lowered the search namespace's `compute` quota to requests.cpu=4 half an hour ago;
 * usage was 3800m. Revision 22 of query-api (maxSurge 1, maxUnavailable 0) needs one more
 * 500m pod to start rolling: the ReplicaSet controller is refused at admission, over and over.
 * The six old pods serve; the image of revision 22 is not at fault.
 */
function quotaBlocksRolloutSurge(): CorpusScenario {
  const ns = 'search';
  const nodes = [
    node({ name: 'ip-10-0-171-25.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-172-160.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-173-44.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/search/query-api:${v}`, cpu: '500m', memory: '1Gi', memoryLimit: '1536Mi' })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, template: tpl('5.13.2') },
      { revision: 22, createdAgo: 12, changeCause: 'argocd: query-api 5.14.0', template: tpl('5.14.0') },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((i) => ({ revision: 21, node: names[i % 3] ?? '', createdAgo: 9 * DAYS - i })),
  });
  const deployment = app.objects[0] as k8s.V1Deployment;
  const newRs = replicaSetOf(app, 22) as k8s.V1ReplicaSet;
  const newRsName = nameOf(newRs);
  const refused = (suffix: string) => `pods "${newRsName}-${suffix}" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=3800m, limited: requests.cpu=4`;
  // The controller wants one pod of revision 22 and cannot create it: spec 1, status 0, and the
  // ReplicaFailure condition it copies up to the Deployment.
  const failure = { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: refused('9xq4t'), lastTransitionTime: ago(12) };
  if (newRs.spec !== undefined) newRs.spec.replicas = 1;
  if (newRs.status !== undefined) newRs.status.conditions = [failure];
  deployment.status?.conditions?.push({ ...failure, lastUpdateTime: ago(12) });
  const cache = deploymentApp({
    namespace: ns,
    name: 'query-cache',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'memcached', image: 'public.ecr.aws/docker/library/memcached:1.6.32', ports: [11211], cpu: '250m', memory: '1Gi', readiness: null, liveness: null })] } }],
    pods: [{ revision: 4, node: names[0] ?? '', createdAgo: 30 * DAYS }, { revision: 4, node: names[1] ?? '', createdAgo: 30 * DAYS }],
  });
  const spell = deploymentApp({
    namespace: ns,
    name: 'spellcheck',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 14 * DAYS, template: { containers: [container({ image: `${ECR}/search/spellcheck:2.2.0`, cpu: '300m', memory: '768Mi' })] } }],
    pods: [{ revision: 9, node: names[2] ?? '', createdAgo: 14 * DAYS }],
  });
  const quota = resourceQuota({
    namespace: ns,
    name: 'compute',
    createdAgo: 210 * DAYS,
    updatedAgo: 31,
    hard: { 'requests.cpu': '4', 'requests.memory': '16Gi', 'limits.memory': '24Gi', pods: '30' },
    used: { 'requests.cpu': '3800m', 'requests.memory': '8960Mi', 'limits.memory': '12032Mi', pods: '9' },
  });
  return {
    id: 'capacity-resourcequota-compute-blocks-rollout',
    class: 'capacity',
    truth: 'The namespace ResourceQuota compute was lowered 31 minutes ago to requests.cpu=4 with 3800m used; the rollout of revision 22 needs one more 500m pod (maxSurge 1, maxUnavailable 0) and every pod creation is forbidden (exceeded quota: compute), so the rollout is stuck while revision 21 serves. Raise the quota or the rollout cannot proceed; the new version is not at fault.',
    ask: { service: 'query-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...cache.objects,
      ...spell.objects,
      quota,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'query-cache', selector: { app: 'query-cache' }, pods: cache.pods, ports: [{ name: 'memcache', port: 11211, targetPort: 11211 }], endpointPort: 11211 }),
      scaledReplicaSet(deployment, newRsName, 1, 0, 12),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${refused('9xq4t')}`, firstAgo: 12, lastAgo: 12, component: 'replicaset-controller' }),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${refused('l2vbw')}`, firstAgo: 12, lastAgo: 12, component: 'replicaset-controller' }),
      event({ on: newRs, reason: 'FailedCreate', message: `(combined from similar events): Error creating: ${refused('k7d5n')}`, count: 17, firstAgo: 11.9, lastAgo: 0.8, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:52.671Z INFO  query q="running shoes" index=products-v31 hits=4812 took=38ms\n' })),
    expect: {
      verdict: 'problems',
      headline: [/quota/i, /\bcompute\b/],
      facts: [/requests\.cpu/, /3800m|3\.8/, /revision 22/i, /limited: requests\.cpu=4|requests\.cpu[= ]+4\b|\b4 (cpu|cores)/i],
      never: [/Insufficient cpu/i, /\bOOM/, BLAMES_ROLLOUT],
    },
  };
}

// ---- 18. an HPA at its maximum --------------------------------------------------------------

/**
 * A partner's price-comparison crawler tripled quote-api's traffic. The HPA went to 6, then to
 * its maximum of 10 and wants more: CPU is 185% of requests against a 70% target. The pods are
 * all Running; under load the readiness checks time out now and then, so endpoints come and go
 * and latency is high. No rollout, no crash.
 */
function hpaPinnedAtMaximum(): CorpusScenario {
  const ns = 'pricing';
  const nodes = [
    node({ name: 'ip-10-0-181-19.eu-west-1.compute.internal', zone: 'eu-west-1a', instanceType: 'c6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '14963436Ki', pods: '58' } }),
    node({ name: 'ip-10-0-182-222.eu-west-1.compute.internal', zone: 'eu-west-1b', instanceType: 'c6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '14963436Ki', pods: '58' } }),
    node({ name: 'ip-10-0-183-97.eu-west-1.compute.internal', zone: 'eu-west-1c', instanceType: 'c6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '14963436Ki', pods: '58' } }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/pricing/quote-api:3.40.1`;
  const tpl = { containers: [container({ image, cpu: '500m', memory: '512Mi', cpuLimit: '1', readiness: httpProbe('/ready', 8080, { timeoutSeconds: 1, failureThreshold: 3 }) })] };
  const slowPods = new Set([1, 4, 8]);
  const notReady = new Set([4, 8]);
  const ages = [7 * DAYS, 7 * DAYS, 7 * DAYS, 31, 31, 31, 24, 24, 24, 24];
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 10,
    revisions: [
      { revision: 43, createdAgo: 16 * DAYS, template: { containers: [container({ image: `${ECR}/pricing/quote-api:3.39.0`, cpu: '500m', memory: '512Mi', cpuLimit: '1' })] } },
      { revision: 44, createdAgo: 7 * DAYS, template: tpl },
    ],
    pods: ages.map((createdAgo, i) => ({
      revision: 44,
      node: names[i % 3] ?? '',
      createdAgo,
      ...(notReady.has(i) ? { containers: { app: running({ sinceAgo: createdAgo - 0.3, ready: false }) } } : {}),
    })),
    settled: { available: true, availableSince: 7 * DAYS, progressingSince: 7 * DAYS, progressingUpdatedAgo: 7 * DAYS - 2 },
  });
  const deployment = app.objects[0] ?? {};
  const rs = rsOf(app, 44);
  const scaler = hpa({
    namespace: ns,
    name: 'quote-api',
    target: { kind: 'Deployment', name: 'quote-api' },
    min: 3,
    max: 10,
    current: 10,
    desired: 10,
    // 185% of a 500m request.
    cpu: { current: 185, target: 70, averageValue: '925m' },
    lastScaleAgo: 24,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(24) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(60 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(23.5) },
    ],
  });
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'quote-api', namespace: ns };
  const slow = [...slowPods].map((i) => app.pods[i]).filter((p): p is k8s.V1Pod => p !== undefined);
  const quoteLog = [
    '{"level":"warn","ts":"2026-11-21T03:13:41.882Z","msg":"slow request","method":"POST","path":"/v2/quotes","status":200,"duration_ms":2874,"client":"partner-pricecompare","inflight":412}',
    '{"level":"warn","ts":"2026-11-21T03:13:42.015Z","msg":"slow request","method":"POST","path":"/v2/quotes","status":200,"duration_ms":3120,"client":"web","inflight":415}',
    '{"level":"info","ts":"2026-11-21T03:13:45.000Z","msg":"stats","rps":1840,"p50_ms":610,"p99_ms":3900,"gc_pause_ms":4}',
  ].join('\n') + '\n';
  return {
    id: 'capacity-hpa-at-max-cpu-185-percent',
    class: 'capacity',
    truth: 'A traffic surge (partner crawler) pushed quote-api to its HPA maximum: 10/10 replicas with CPU at 185% of requests against a 70% target (ScalingLimited: TooManyReplicas). Pods are saturated, readiness probes time out intermittently and latency is high. Capacity problem: raise maxReplicas or throttle the client; no rollout or crash.',
    ask: { service: 'quote-api' },
    objects: [
      ...nodes,
      ...app.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: app.pods }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 31, lastAgo: 31, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deployment, rs, 6, 3, 31),
      scaledReplicaSet(deployment, rs, 10, 6, 24),
      ...app.pods.slice(3).flatMap((p, i) => startedNormally(p, 'app', image, i < 3 ? 31 : 24)),
      ...slow.map((p, i) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOf(p)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 14 + i * 5, firstAgo: 22, lastAgo: 0.3 + i * 0.2 })),
    ],
    logs: app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: quoteLog })),
    expect: {
      verdict: 'problems',
      headline: [/HPA|HorizontalPodAutoscaler|autoscal/i, /\bmax(imum)?\b|10\/10|at (its )?limit|TooManyReplicas|ceiling/i],
      facts: [/185 ?%/, /70 ?%/, /10\/10|max(imum)?(Replicas)?[: ]+(of )?10\b/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /CrashLoopBackOff|crash-?loop/i],
    },
  };
}

export const CAPACITY_SCENARIOS: CorpusScenario[] = [quotaBlocksRolloutSurge(), hpaPinnedAtMaximum()];
