// Held-out stories, seventy-first round, part two: a GPU training Job that Kueue keeps suspended
// because its ClusterQueue's nominal nvidia.com/gpu quota is taken by another run; a Spring Boot
// service whose new release compiles its pricing rules into classes and overflows a
// -XX:CompressedClassSpaceSize set long ago; a fluent-bit sidecar moved into initContainers with
// restartPolicy Always on a 1.27 cluster, where the field is dropped and the "sidecar" blocks init
// forever; an Indexed PyTorch Job whose pods' subdomain names a headless Service that was renamed,
// so the workers cannot resolve the rank-0 pod; an egress NetworkPolicy that allows the payment
// partner by a CIDR the partner has left; an NFS volume whose mountOptions ask for nfsvers=4.2 from
// a filer that speaks 4.1 at most; and a healthy control: Cassandra with GCInspector and
// chunk-cache "Maximum memory usage reached" INFO lines.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, event, execProbe, exposed,
  hpa, httpProbe, job, jobEvent, nameOf, networkPolicy, node, pvc, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, terminated, waiting, ago, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Java/Spring and Cassandra's `2026-11-21 03:12:41,563`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '').replace('.', ',');

// ---- 1. Kueue: the ClusterQueue's GPU quota is used up, the Job stays suspended ----------------

function kueueJobSuspendedQuota(): CorpusScenario {
  const ns = 'ml-training';
  const { nodes: cpuNodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const gpuNodes = ['10.0.97.21', '10.0.98.66'].map((ip, i) => node({
    name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'p4d.24xlarge', pool: 'gpu-a100',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB', 'kueue.acme.io/flavor': 'a100-80gb' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
    allocatable: { cpu: '95690m', 'ephemeral-storage': '7499602724Ki', memory: '1130471332Ki', 'nvidia.com/gpu': '8', pods: '737' },
    createdAgo: 12 * DAYS,
  }));
  const gpuNames = gpuNodes.map(nameOf);
  const trainImage = `${ECR}/ml/trainer:2.4.1-cu124`;
  const gpuToleration = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
  const gpuContainer = (name: string, args: string[], gpus: string) => {
    const c = batchContainer({ name, image: trainImage, args, cpu: '16', memory: '120Gi' });
    c.resources = { requests: { cpu: '16', memory: '120Gi', 'nvidia.com/gpu': gpus }, limits: { memory: '120Gi', 'nvidia.com/gpu': gpus } };
    return c;
  };
  // The run that holds the quota: admitted 6 hours ago, 2 pods × 4 GPUs.
  const holder = job({
    namespace: ns,
    name: 'reward-model-train-r7',
    completions: 2,
    parallelism: 2,
    backoffLimit: 2,
    createdAgo: 6 * HOURS + 4,
    template: { containers: [gpuContainer('trainer', ['--config', '/configs/reward-r7.yaml'], '4')], tolerations: gpuToleration, nodeSelector: { 'kueue.acme.io/flavor': 'a100-80gb' } },
    pods: [0, 1].map((k) => ({ node: gpuNames[k] ?? '', createdAgo: 6 * HOURS + 3, containers: { trainer: running({ sinceAgo: 6 * HOURS + 1 }) } })),
  });
  const holderJob = holder.objects[0] as k8s.V1Job;
  holderJob.metadata = { ...holderJob.metadata, labels: { ...holderJob.metadata?.labels, 'kueue.x-k8s.io/queue-name': 'ml-gpu' } };
  if (holderJob.spec) holderJob.spec.suspend = false;
  // The Job asked about: created suspended by the Kueue webhook, never unsuspended, no pods.
  const jobName = 'embed-finetune-1121';
  const waitingJob = job({
    namespace: ns,
    name: jobName,
    completions: 1,
    parallelism: 1,
    backoffLimit: 3,
    createdAgo: 47,
    template: { containers: [gpuContainer('main', ['--config', '/configs/embed-ft.yaml', '--epochs', '3'], '4')], tolerations: gpuToleration, nodeSelector: { 'kueue.acme.io/flavor': 'a100-80gb' } },
    pods: [],
  });
  const wj = waitingJob.objects[0] as k8s.V1Job;
  wj.metadata = {
    ...wj.metadata,
    labels: { ...wj.metadata?.labels, 'kueue.x-k8s.io/queue-name': 'ml-gpu', team: 'search-relevance' },
    annotations: { 'kueue.x-k8s.io/job-min-parallelism': '1' },
  };
  if (wj.spec) wj.spec.suspend = true;
  wj.status = {
    conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: ago(47), lastTransitionTime: ago(47) }],
    ready: 0, terminating: 0, uncountedTerminatedPods: {},
  } as k8s.V1JobStatus;
  const workload = `job-${jobName}-6b2f1`;
  const pendingMsg = 'couldn\'t assign flavors to pod set main: insufficient unused quota for nvidia.com/gpu in flavor a100-80gb, 4 more needed';
  const wlEvent = event({ on: { kind: 'Workload', name: workload, namespace: ns }, type: 'Normal', reason: 'Pending', message: pendingMsg, count: 31, firstAgo: 46.9, lastAgo: 0.8, component: 'kueue-admission' });
  wlEvent.involvedObject.apiVersion = 'kueue.x-k8s.io/v1beta1';
  const kueue = deploymentApp({
    namespace: 'kueue-system',
    name: 'kueue-controller-manager',
    selector: { 'control-plane': 'controller-manager' },
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'manager', image: 'registry.k8s.io/kueue/kueue:v0.9.1', args: ['--config=/controller_manager_config.yaml', '--zap-log-level=2'], ports: [{ name: 'webhook-server', containerPort: 9443 }, { name: 'metrics', containerPort: 8443 }], cpu: '500m', memory: '512Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const kueuePod = podOf(kueue, 0);
  const notebooks = bystander(ns, 'notebook-gateway', names, 3 * HOURS, { revisions: [14, 15], versions: ['0.19.2', '0.19.3'], olderAgo: 20 * DAYS });
  const nbPod = podOf(notebooks, 1);
  if (nbPod.status?.containerStatuses?.[0]) {
    nbPod.status.containerStatuses[0].restartCount = 1;
    nbPod.status.containerStatuses[0].lastState = { terminated: { exitCode: 137, reason: 'Error', startedAt: ago(3 * HOURS - 1), finishedAt: ago(2 * HOURS + 40) } };
  }
  const kueueLog: string[] = [`{"level":"info","ts":"${at(9 * DAYS - 0.5)}","logger":"setup","caller":"kueue/main.go:152","msg":"Starting manager","version":"v0.9.1"}`];
  kueueLog.push(`{"level":"Level(-2)","ts":"${at(6 * HOURS + 3.9)}","logger":"scheduler","caller":"scheduler/scheduler.go:312","msg":"Workload assumed in the cache","schedulingCycle":41877,"workload":{"name":"job-reward-model-train-r7-0c4d2","namespace":"${ns}"},"clusterQueue":{"name":"gpu-a100"}}`);
  kueueLog.push(`{"level":"info","ts":"${at(47)}","logger":"job-reconciler","caller":"jobframework/reconciler.go:928","msg":"Created Workload","job":{"name":"${jobName}","namespace":"${ns}"},"workload":{"name":"${workload}","namespace":"${ns}"}}`);
  for (let t = 46.9, i = 0; t > 0.5; t -= 1.5, i++) {
    kueueLog.push(`{"level":"Level(-2)","ts":"${at(t)}","logger":"scheduler","caller":"scheduler/scheduler.go:241","msg":"Workload evaluated for admission","schedulingCycle":${52310 + i * 37},"workload":{"name":"${workload}","namespace":"${ns}"},"clusterQueue":{"name":"gpu-a100"},"status":"pending","reason":"${pendingMsg.replace(/'/g, '\'')}"}`);
    if (i % 7 === 3) kueueLog.push(`{"level":"Level(-2)","ts":"${at(t - 0.2)}","logger":"cluster-queue-reconciler","caller":"core/clusterqueue_controller.go:411","msg":"ClusterQueue update event","clusterQueue":{"name":"gpu-a100"},"pendingWorkloads":1,"admittedWorkloads":1}`);
  }
  return {
    id: 'heldout71-kueue-job-suspended-quota',
    class: 'jobs',
    truth: 'The fine-tuning Job embed-finetune-1121 was submitted to Kueue\'s LocalQueue ml-gpu (label kueue.x-k8s.io/queue-name), so Kueue created it suspended and keeps it suspended: its ClusterQueue gpu-a100 has a nominal quota of 8 nvidia.com/gpu in flavor a100-80gb, all of which reward-model-train-r7 (2 pods × 4 GPUs) has been holding for six hours, so the workload stays Pending with "insufficient unused quota for nvidia.com/gpu in flavor a100-80gb, 4 more needed" and no pod is ever created. Nothing is broken in the Job itself; it waits for quota (or needs a borrowing cohort / a higher quota / the other run to finish).',
    ask: { service: jobName, namespace: ns },
    objects: [
      ...cpuNodes, ...gpuNodes, ...waitingJob.objects, ...holder.objects, ...kueue.objects, ...notebooks.objects,
      ...exposed({ namespace: ns, name: 'notebook-gateway', selector: { app: 'notebook-gateway' }, pods: notebooks.pods }),
      ...exposed({ namespace: 'kueue-system', name: 'kueue-webhook-service', selector: { 'control-plane': 'controller-manager' }, ports: [{ port: 443, targetPort: 9443 }], pods: kueue.pods, endpointPort: 9443 }),
      configMap({ namespace: ns, name: 'trainer-configs', createdAgo: 30 * DAYS, updatedAgo: 50, data: { 'embed-ft.yaml': 'model: e5-large-v2\nbatch_size: 64\nlr: 2.0e-5\nwarmup_steps: 500\ndata: s3://acme-ml-datasets/search/clicks-2026-11/\n', 'reward-r7.yaml': 'model: llama-3.1-8b\nbatch_size: 8\ngrad_accum: 16\nlr: 1.0e-5\n' } }),
      event({ on: wj, type: 'Normal', reason: 'Suspended', message: 'Job suspended', firstAgo: 47, lastAgo: 47, component: 'job-controller' }),
      event({ on: wj, type: 'Normal', reason: 'CreatedWorkload', message: `Created Workload: ${ns}/${workload}`, firstAgo: 47, lastAgo: 47, component: 'kueue-job-controller' }),
      wlEvent,
      jobEvent(holderJob, 'Resumed', 'Job resumed', 6 * HOURS + 3.9),
      jobEvent(holderJob, 'SuccessfulCreate', `Created pod: ${nameOf(holder.pods[0])}`, 6 * HOURS + 3),
      jobEvent(holderJob, 'SuccessfulCreate', `Created pod: ${nameOf(holder.pods[1])}`, 6 * HOURS + 3),
      event({ on: { kind: 'Workload', name: 'job-reward-model-train-r7-0c4d2', namespace: ns }, type: 'Normal', reason: 'QuotaReserved', message: 'Quota reserved in ClusterQueue gpu-a100, wait time since queued was 2s', firstAgo: 6 * HOURS + 3.9, lastAgo: 6 * HOURS + 3.9, component: 'kueue-admission' }),
      event({ on: { kind: 'Workload', name: 'job-reward-model-train-r7-0c4d2', namespace: ns }, type: 'Normal', reason: 'Admitted', message: 'Admitted by ClusterQueue gpu-a100, wait time since reservation was 0s', firstAgo: 6 * HOURS + 3.9, lastAgo: 6 * HOURS + 3.9, component: 'kueue-admission' }),
      event({ on: nbPod, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${nbPod.status?.podIP ?? ''}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 2 * HOURS + 42, lastAgo: 2 * HOURS + 41, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(kueuePod, 'manager', { current: lines(...kueueLog) }),
      ...holder.pods.map((p, k) => logsFor(p, 'trainer', { current: lines(`[rank${k * 4}]: {'epoch': 2, 'step': ${41200 + k}, 'loss': 0.4127, 'lr': 9.1e-06, 'tokens_per_s': 18234.6}`, `[rank${k * 4}]: {'epoch': 2, 'step': ${41300 + k}, 'loss': 0.4093, 'lr': 9.0e-06, 'tokens_per_s': 18190.2}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quota|kueue|clusterqueue|gpu-a100/i],
      facts: [/insufficient unused quota|4 more needed/i, /suspend/i],
      never: [/crash ?loop/i, /ImagePull/i, /\bOOM/],
    },
  };
}

// ---- 2. JVM: OutOfMemoryError: Compressed class space since revision 19 -------------------------

function jvmCompressedClassSpace(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '171', '88']);
  const image = (v: string) => `${ECR}/pricing/quote-engine:${v}`;
  const opts = '-XX:MaxRAMPercentage=70.0 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:MaxMetaspaceSize=256m -XX:CompressedClassSpaceSize=64m -Xss512k';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'RULES_LOCATION', value: 'classpath:rules/' }],
      readiness: httpProbe('/actuator/health/readiness', 8081, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
    })],
  });
  const exit3 = { exitCode: 3, finishedAgo: 2.1, ranSeconds: 19 };
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-engine 3.7.4', template: tpl('3.7.4') },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: quote-engine 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: 25.6, ready: false, containers: { app: crashLoop(exit3, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'fx-rates-sync', names, 55, { revisions: [40, 41], versions: ['1.22.0', '1.22.1'], olderAgo: 6 * DAYS });
  const old1 = podOf(app, 1);
  if (old1.status?.containerStatuses?.[0]) {
    old1.status.containerStatuses[0].restartCount = 1;
    old1.status.containerStatuses[0].lastState = { terminated: { exitCode: 143, reason: 'Error', startedAt: ago(9 * DAYS - 1), finishedAt: ago(4 * DAYS + 200) } };
  }
  const run = (t: number) => [
    `Picked up JAVA_TOOL_OPTIONS: ${opts}`,
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    `${at(t)}  INFO 1 --- [quote-engine] [           main] c.a.pricing.QuoteEngineApplication       : Starting QuoteEngineApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${at(t - 0.01)}  INFO 1 --- [quote-engine] [           main] c.a.pricing.QuoteEngineApplication       : The following 1 profile is active: "prod"`,
    `${at(t - 0.05)}  INFO 1 --- [quote-engine] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${at(t - 0.06)}  INFO 1 --- [quote-engine] [           main] c.a.pricing.rules.RuleCompiler           : Compiling pricing rules from classpath:rules/ (2417 rule files, target=bytecode, cache=off)`,
    `${at(t - 0.12)}  INFO 1 --- [quote-engine] [           main] c.a.pricing.rules.RuleCompiler           : Compiled 900/2417 rules (41 ms/rule avg, 11718 classes generated)`,
    `${at(t - 0.2)}  INFO 1 --- [quote-engine] [           main] c.a.pricing.rules.RuleCompiler           : Compiled 1800/2417 rules (39 ms/rule avg, 23402 classes generated)`,
    `${at(t - 0.25)}  WARN 1 --- [quote-engine] [           main] JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning`,
    'Terminating due to java.lang.OutOfMemoryError: Compressed class space',
  ];
  const oldLog = (p: k8s.V1Pod) => lines(
    `${at(3.1)}  INFO 1 --- [quote-engine] [nio-8080-exec-4] c.a.pricing.api.QuoteController          : quote computed sku=SKU-40217 segment=B2B rules=212 took=38ms`,
    `${at(1.4)}  INFO 1 --- [quote-engine] [nio-8080-exec-9] c.a.pricing.api.QuoteController          : quote computed sku=SKU-11873 segment=RETAIL rules=167 took=29ms`,
    `${at(0.3)}  INFO 1 --- [quote-engine] [nio-8080-exec-2] c.a.pricing.api.QuoteController          : quote computed sku=SKU-${nameOf(p).length}0931 segment=RETAIL rules=171 took=31ms`,
  );
  return {
    id: 'heldout71-jvm-compressed-class-space',
    class: 'containers',
    truth: 'quote-engine 3.8.0 (revision 19) compiles its 2,417 pricing rules into bytecode at startup, loading some 30,000 generated classes; the JAVA_TOOL_OPTIONS the service has carried for months caps -XX:CompressedClassSpaceSize=64m, so the new pod dies at startup with "java.lang.OutOfMemoryError: Compressed class space" (exit 3 via ExitOnOutOfMemoryError, not OOMKilled, heap and the 1536Mi limit are fine) and crash-loops; the three revision-18 pods keep serving. Fix: raise CompressedClassSpaceSize (or drop the cap) or stop generating a class per rule.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates-sync', selector: { app: 'fx-rates-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 55),
      ...startedNormally(fresh, 'app', image('3.8.0'), 25.6),
      ...restartedAgain(fresh, 'app', image('3.8.0'), { count: 8, firstAgo: 25, lastAgo: 2.4 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 24.6, lastAgo: 0.3 }),
      event({ on: old1, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${old1.status?.podIP ?? ''}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous: lines(...run(2.45)) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(podOf(app, k)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/compressed ?class ?space/i],
      facts: [/CompressedClassSpaceSize=64m/, /revision 19|3\.8\.0/],
      never: [/OOMKilled/, /(raise|increase|bump)[^\n]{0,40}memory limit/i, /open-in-view|database|jdbc/i],
    },
  };
}

// ---- 3. a native sidecar on a 1.27 cluster: the init container never exits ---------------------

function nativeSidecarFeatureOff(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '139', '230']);
  for (const n of nodes) if (n.status?.nodeInfo) { n.status.nodeInfo.kubeletVersion = 'v1.27.16-eks-a18cd3a'; n.status.nodeInfo.kubeProxyVersion = 'v1.27.16-eks-a18cd3a'; }
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const fbImage = 'cr.fluentbit.io/fluent/fluent-bit:3.1.9';
  const waitImage = 'docker.io/library/busybox:1.36.1';
  const logVol = { name: 'app-logs', emptyDir: {} };
  const fbVol = { name: 'fluent-bit-config', configMap: { name: 'orders-api-fluent-bit', defaultMode: 420 } };
  const app = (v: string) => container({ image: image(v), ports: [8080], cpu: '500m', memory: '768Mi', volumeMounts: [{ name: 'app-logs', mountPath: '/var/log/orders' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }) });
  const fb = container({ name: 'fluent-bit', image: fbImage, ports: [{ name: 'fb-metrics', containerPort: 2020 }], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'app-logs', mountPath: '/var/log/orders', readOnly: true }, { name: 'fluent-bit-config', mountPath: '/fluent-bit/etc/' }] });
  const waitCfg = batchContainer({ name: 'wait-for-config', image: waitImage, command: ['sh', '-c', 'until nslookup orders-config.orders.svc.cluster.local; do sleep 2; done'], cpu: '10m', memory: '16Mi' });
  // Revision 22 moved fluent-bit into initContainers with restartPolicy: Always; the 1.27 API server
  // (SidecarContainers off) dropped the field, so what is stored is a plain init container.
  const app22 = app('5.14.0');
  const app21 = app('5.13.2');
  const app21Pods = [0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 4 * DAYS - k }));
  const built = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 4 * DAYS, changeCause: 'helm: orders-api 5.13.2 (chart 3.4.0)', template: { initContainers: [waitCfg], containers: [app21, fb], volumes: [logVol, fbVol] } },
      { revision: 22, createdAgo: 34, changeCause: 'helm: orders-api 5.14.0 (chart 3.5.0)', template: { initContainers: [waitCfg, fb], containers: [app22], volumes: [logVol, fbVol] } },
    ],
    pods: [
      ...app21Pods,
      { revision: 22, node: names[1] ?? '', createdAgo: 33.5, ready: false, containers: { app: waiting('PodInitializing') }, initContainers: { 'wait-for-config': terminated({ exitCode: 0, finishedAgo: 33.2, ranSeconds: 3 }), 'fluent-bit': running({ sinceAgo: 33.1, ready: false }) } },
    ],
  });
  const fresh = podOf(built, 3);
  // What helm applied: the chart's manifest, with the field the API server did not keep.
  const dep = deploymentOf(built);
  const applied = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'orders-api', namespace: ns }, spec: { template: { spec: { initContainers: [{ name: 'wait-for-config', image: waitImage }, { name: 'fluent-bit', image: fbImage, restartPolicy: 'Always' }], containers: [{ name: 'app', image: image('5.14.0') }] } } } };
  dep.metadata = { ...dep.metadata, annotations: { ...dep.metadata?.annotations, 'meta.helm.sh/release-name': 'orders-api', 'meta.helm.sh/release-namespace': ns, 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(applied) } };
  const other = bystander(ns, 'orders-outbox-relay', names, 70, { revisions: [8, 9], versions: ['2.0.3', '2.0.4'], olderAgo: 15 * DAYS });
  const fbLog = (t: number) => lines(
    `Fluent Bit v3.1.9`,
    `* Copyright (C) 2015-2024 The Fluent Bit Authors`,
    `* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd`,
    `* https://fluentbit.io`,
    '',
    `[${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [fluent bit] version=3.1.9, commit=431fa79ae2, pid=1`,
    `[${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128`,
    `[${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [input:tail:tail.0] initializing`,
    `[${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [output:forward:forward.0] worker #0 started`,
    `[${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [http_server] listen iface=0.0.0.0 tcp_port=2020`,
    `[${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [sp] stream processor started`,
  );
  const fp = (c: string) => `spec.initContainers{${c}}`;
  return {
    id: 'heldout71-native-sidecar-feature-off',
    class: 'rollout',
    truth: 'Chart 3.5.0 (orders-api revision 22) turned the fluent-bit log shipper into a native sidecar: it moved it into initContainers with restartPolicy: Always. The cluster runs Kubernetes 1.27, where the SidecarContainers feature gate is off, so the API server dropped the field and fluent-bit became an ordinary init container that never exits; the new pod sits in Init:1/2 (app PodInitializing) for over half an hour and the rollout is stuck, while the three revision-21 pods keep serving. Fix: keep fluent-bit in containers until the cluster is on 1.29+ (or enable the gate).',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...built.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: built.pods }),
      ...exposed({ namespace: ns, name: 'orders-outbox-relay', selector: { app: 'orders-outbox-relay' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'orders-api-fluent-bit', createdAgo: 200 * DAYS, updatedAgo: 34, data: { 'fluent-bit.conf': '[SERVICE]\n    Flush        2\n    HTTP_Server  On\n    HTTP_Port    2020\n\n[INPUT]\n    Name   tail\n    Path   /var/log/orders/*.log\n    Tag    orders.*\n\n[OUTPUT]\n    Name   forward\n    Match  *\n    Host   fluentd-aggregator.logging.svc.cluster.local\n    Port   24224\n' } }),
      scaledReplicaSet(deploymentOf(built), rsOf(built, 22), 1, 0, 34),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 70),
      scheduled(fresh, 33.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${waitImage}" already present on machine`, firstAgo: 33.4, lastAgo: 33.4, fieldPath: fp('wait-for-config') }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container wait-for-config', firstAgo: 33.4, lastAgo: 33.4, fieldPath: fp('wait-for-config') }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container wait-for-config', firstAgo: 33.4, lastAgo: 33.4, fieldPath: fp('wait-for-config') }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${fbImage}" already present on machine`, firstAgo: 33.15, lastAgo: 33.15, fieldPath: fp('fluent-bit') }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container fluent-bit', firstAgo: 33.15, lastAgo: 33.15, fieldPath: fp('fluent-bit') }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container fluent-bit', firstAgo: 33.1, lastAgo: 33.1, fieldPath: fp('fluent-bit') }),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP ?? ''}:8080/ready": dial tcp ${podOf(other, 0).status?.podIP ?? ''}:8080: connect: connection refused`, count: 2, firstAgo: 69.5, lastAgo: 69.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'wait-for-config', { current: lines('Server:\t\t172.20.0.10', 'Address:\t172.20.0.10:53', '', 'Name:\torders-config.orders.svc.cluster.local', 'Address: 172.20.91.40', '') }),
      logsFor(fresh, 'fluent-bit', { current: fbLog(33.1) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(built, k), 'app', { current: lines(`{"ts":"${at(1.1)}","level":"info","msg":"order created","order_id":"ORD-88${k}1904","ms":42}`, `{"ts":"${at(0.2)}","level":"info","msg":"GET /v1/orders/ORD-88${k}1872","status":200,"ms":7}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fluent-bit/, /init|sidecar|restartPolicy|1\.27/i],
      facts: [/1\.27|SidecarContainers|restartPolicy/i, /Init:1\/2|PodInitializing|never (exits|completes|finishes)|still running/i],
      never: [/crash ?loop/i, /ImagePull/i, /\bOOM/],
    },
  };
}

// ---- 4. an Indexed Job whose subdomain names a headless Service that no longer exists -------------

function indexedJobSubdomainMissing(): CorpusScenario {
  const ns = 'research';
  const gpu = ['10.0.130.17', '10.0.131.82', '10.0.130.140', '10.0.131.9'].map((ip, i) => node({
    name: eksNodeName(ip), zone: i % 2 === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'g5.12xlarge', pool: 'gpu-a10g',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A10G' }, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
    allocatable: { cpu: '47810m', 'ephemeral-storage': '95491281146', memory: '186146412Ki', 'nvidia.com/gpu': '4', pods: '234' }, createdAgo: 5 * DAYS,
  }));
  const { nodes: cpuNodes, names: cpuNames } = threeEksNodes('10.0.132', ['5', '61', '199']);
  const gNames = gpu.map(nameOf);
  const jobName = 'resnet-ddp-0412';
  const subdomain = 'resnet-ddp-workers';
  const image = `${ECR}/research/ddp-trainer:1.9.0-torch2.5`;
  const c = batchContainer({
    name: 'trainer', image, cpu: '12', memory: '48Gi',
    command: ['torchrun'],
    args: ['--nnodes=4', '--nproc-per-node=4', '--node-rank=$(JOB_COMPLETION_INDEX)', '--master-addr=$(MASTER_ADDR)', '--master-port=29500', 'train.py', '--config=/configs/resnet152.yaml'],
    env: [{ name: 'MASTER_ADDR', value: `${jobName}-0.${subdomain}` }, { name: 'NCCL_DEBUG', value: 'WARN' }],
  });
  c.resources = { requests: { cpu: '12', memory: '48Gi', 'nvidia.com/gpu': '4' }, limits: { memory: '48Gi', 'nvidia.com/gpu': '4' } };
  c.ports = [{ name: 'rdzv', containerPort: 29500, protocol: 'TCP' }];
  const failedRun = (k: number) => ({ exitCode: 1, finishedAgo: 25 - k * 0.02, ranSeconds: 915 });
  const tol = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
  const built = job({
    namespace: ns,
    name: jobName,
    completions: 4,
    parallelism: 4,
    backoffLimit: 8,
    createdAgo: 41,
    template: { containers: [c], tolerations: tol },
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ name: `${jobName}-${k}-${['x7q2m', 'b4kcz', 'm9trw', 'p2lhd'][k] ?? 'aaaaa'}`, node: gNames[k] ?? '', createdAgo: 40.8, phase: 'Failed' as const, containers: { trainer: terminated(failedRun(k)) } })),
      ...[0, 1, 2, 3].map((k) => ({ name: `${jobName}-${k}-${['h5v8n', 'q6zrs', 'd2wfj', 'k8cxb'][k] ?? 'bbbbb'}`, node: gNames[k] ?? '', createdAgo: 24.6, containers: { trainer: running({ sinceAgo: 24.4 }) } })),
    ],
  });
  const j = built.objects[0] as k8s.V1Job;
  if (j.spec) {
    j.spec.completionMode = 'Indexed';
    if (j.spec.template.spec) j.spec.template.spec.subdomain = subdomain;
    j.spec.template.metadata = { ...j.spec.template.metadata, labels: { ...j.spec.template.metadata?.labels, 'training.acme.io/run': 'resnet-ddp' } };
  }
  j.metadata = { ...j.metadata, labels: { ...j.metadata?.labels, 'training.acme.io/run': 'resnet-ddp', 'app.kubernetes.io/managed-by': 'ddp-launcher' } };
  j.status = { ...j.status, failed: 4, active: 4, ready: 4, completedIndexes: '' } as k8s.V1JobStatus;
  built.pods.forEach((p, i) => {
    const idx = i % 4;
    p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, 'batch.kubernetes.io/job-completion-index': String(idx), 'training.acme.io/run': 'resnet-ddp' }, annotations: { 'batch.kubernetes.io/job-completion-index': String(idx) } };
    if (p.spec) { p.spec.hostname = `${jobName}-${idx}`; p.spec.subdomain = subdomain; }
  });
  // The chart's headless Service is now called resnet-ddp-headless (chart 2.0), selecting the run's pods.
  const headless = service({ namespace: ns, name: 'resnet-ddp-headless', selector: { 'training.acme.io/run': 'resnet-ddp' }, headless: true, ports: [{ name: 'rdzv', port: 29500, targetPort: 29500 }], createdAgo: 3 * DAYS });
  const live = built.pods.slice(4);
  const tb = deploymentApp({
    namespace: ns, name: 'tensorboard', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'docker.io/tensorflow/tensorflow:2.17.0', command: ['tensorboard', '--logdir=s3://acme-research-runs/', '--bind_all'], ports: [6006], readiness: httpProbe('/', 6006), liveness: null })] } }],
    pods: [{ revision: 3, node: cpuNames[0] ?? '', createdAgo: 12 * DAYS }],
  });
  const rank0 = (t: number) => lines(
    `[W1121 ${at(t).slice(11, 23)}000 1 torch/distributed/run.py:793] *****************************************`,
    `[W1121 ${at(t).slice(11, 23)}000 1 torch/distributed/run.py:793] Setting OMP_NUM_THREADS environment variable for each process to be 1 in default, to avoid your system being overloaded, please further tune the variable for optimal performance in your application as needed. `,
    `[W1121 ${at(t).slice(11, 23)}000 1 torch/distributed/run.py:793] *****************************************`,
    `[W1121 ${at(t - 0.01).slice(11, 23)}000 1 torch/csrc/distributed/c10d/socket.cpp:752] [c10d] The IPv4 network addresses of (${jobName}-0.${subdomain}, 29500) cannot be retrieved (gai error: -2 - Name or service not known).`,
    `[W1121 ${at(t - 0.5).slice(11, 23)}000 1 torch/csrc/distributed/c10d/socket.cpp:752] [c10d] The IPv4 network addresses of (${jobName}-0.${subdomain}, 29500) cannot be retrieved (gai error: -2 - Name or service not known).`,
  );
  const worker = (t: number, end: boolean) => {
    const out = [
      `[W1121 ${at(t).slice(11, 23)}000 1 torch/csrc/distributed/c10d/socket.cpp:752] [c10d] The IPv4 network addresses of (${jobName}-0.${subdomain}, 29500) cannot be retrieved (gai error: -2 - Name or service not known).`,
      `[W1121 ${at(t - 1).slice(11, 23)}000 1 torch/csrc/distributed/c10d/socket.cpp:752] [c10d] The IPv4 network addresses of (${jobName}-0.${subdomain}, 29500) cannot be retrieved (gai error: -2 - Name or service not known).`,
      `[W1121 ${at(t - 6).slice(11, 23)}000 1 torch/csrc/distributed/c10d/socket.cpp:752] [c10d] The IPv4 network addresses of (${jobName}-0.${subdomain}, 29500) cannot be retrieved (gai error: -2 - Name or service not known).`,
    ];
    if (end) out.push(
      'Traceback (most recent call last):',
      '  File "/usr/local/bin/torchrun", line 8, in <module>',
      '    sys.exit(main())',
      '  File "/usr/local/lib/python3.11/site-packages/torch/distributed/elastic/rendezvous/static_tcp_rendezvous.py", line 62, in next_rendezvous',
      '    self._store = TCPStore(  # type: ignore[call-arg]',
      `torch.distributed.DistNetworkError: The client socket has timed out after 900000ms while trying to connect to (${jobName}-0.${subdomain}, 29500).`,
    );
    return lines(...out);
  };
  const rank0End = lines(`[E1121 ${at(25.1).slice(11, 23)}000 1 torch/csrc/distributed/c10d/TCPStore.cpp:460] [c10d] TCPStore server: timed out waiting for workers`, 'torch.distributed.DistStoreError: Timed out after 901 seconds waiting for clients. 1/4 clients joined.');
  return {
    id: 'heldout71-indexed-job-subdomain-missing',
    class: 'jobs',
    truth: `The Indexed Job ${jobName} sets spec.template.spec.subdomain ${subdomain} and its workers rendezvous at MASTER_ADDR ${jobName}-0.${subdomain}:29500, but chart 2.0 renamed that headless Service to resnet-ddp-headless and the launcher still writes the old subdomain; with no Service named ${subdomain} the pods get no DNS records, so every worker's getaddrinfo fails ("Name or service not known"), rank 0 times out waiting for clients, the first wave failed after 15 minutes and the retry is looping the same way. Fix: set the subdomain to resnet-ddp-headless (or recreate the Service under the old name).`,
    ask: { service: jobName, namespace: ns },
    objects: [
      ...cpuNodes, ...gpu, ...built.objects, ...tb.objects, headless, endpointSliceFor(headless, live, 29500),
      ...exposed({ namespace: ns, name: 'tensorboard', selector: { app: 'tensorboard' }, ports: [{ name: 'http', port: 80, targetPort: 6006 }], pods: tb.pods, endpointPort: 6006 }),
      configMap({ namespace: ns, name: 'ddp-launcher-config', createdAgo: 60 * DAYS, updatedAgo: 8 * DAYS, data: { 'job-defaults.yaml': `completionMode: Indexed\nsubdomain: ${subdomain}\nrdzvPort: 29500\nnprocPerNode: 4\n` } }),
      ...built.pods.slice(0, 4).map((p) => jobEvent(j, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 40.8)),
      ...live.map((p) => jobEvent(j, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 24.6)),
      ...live.map((p) => scheduled(p, 24.6)),
      event({ on: { kind: 'Node', name: gNames[2] ?? '' }, type: 'Warning', reason: 'NodeHasDiskPressure', message: `Node ${gNames[2] ?? ''} status is now: NodeHasDiskPressure`, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, component: 'kubelet' }),
      event({ on: { kind: 'Node', name: gNames[2] ?? '' }, type: 'Normal', reason: 'NodeHasNoDiskPressure', message: `Node ${gNames[2] ?? ''} status is now: NodeHasNoDiskPressure`, firstAgo: 19.8 * HOURS, lastAgo: 19.8 * HOURS, component: 'kubelet' }),
    ],
    logs: [
      logsFor(built.pods[0], 'trainer', { current: rank0(40.5) + rank0End }),
      ...[1, 2, 3].map((k) => logsFor(built.pods[k], 'trainer', { current: worker(40.4, true) })),
      logsFor(built.pods[4], 'trainer', { current: rank0(24.3) }),
      ...[5, 6, 7].map((k) => logsFor(built.pods[k], 'trainer', { current: worker(24.2, false) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/resnet-ddp-workers|subdomain|headless/i],
      facts: [/Name or service not known|gai error|getaddrinfo/i, /resnet-ddp-headless|resnet-ddp-workers/],
      never: [/\bOOM/, /network ?polic/i, /(nccl|gpu)[^\n]{0,30}(fail|error|broken)/i],
    },
  };
}

// ---- 5. an egress NetworkPolicy allowing the partner by a CIDR it has left ----------------------

function netpolIpBlockPartnerMoved(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.150', ['22', '101', '240']);
  const image = (v: string) => `${ECR}/payments/payout-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [{ name: 'PARTNER_BASE_URL', value: 'https://api.settlepay.eu/v3' }, { name: 'PARTNER_TIMEOUT', value: '10s' }, { name: 'DB_HOST', value: 'payouts-db.payments.svc.cluster.local' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'payout-service', replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 16 * DAYS, changeCause: 'argocd: payout-service 2.31.0', template: tpl('2.31.0') },
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: payout-service 2.31.1', template: tpl('2.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const p1 = podOf(app, 1);
  if (p1.status?.containerStatuses?.[0]) {
    p1.status.containerStatuses[0].restartCount = 1;
    p1.status.containerStatuses[0].lastState = { terminated: { exitCode: 2, reason: 'Error', startedAt: ago(6 * DAYS - 1), finishedAt: ago(2 * DAYS + 311) } };
  }
  const db = statefulSetApp({
    namespace: ns, name: 'payouts-db', replicas: 1, serviceName: 'payouts-db',
    revisions: [{ revision: 1, createdAgo: 300 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '500m', memory: '1Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres') })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const other = bystander(ns, 'payout-scheduler', names, 38, { revisions: [11, 12], versions: ['1.4.6', '1.5.0'], olderAgo: 30 * DAYS });
  const policy = networkPolicy({
    namespace: ns, name: 'payout-service-egress', createdAgo: 210 * DAYS,
    podSelector: { app: 'payout-service' }, policyTypes: ['Egress'],
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ podSelector: { matchLabels: { app: 'payouts-db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
      { to: [{ ipBlock: { cidr: '185.46.212.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ],
  });
  (policy.metadata as k8s.V1ObjectMeta).annotations = { 'acme.io/egress-owner': 'payments-platform', 'acme.io/egress-note': 'settlepay API (api.settlepay.eu) – ranges per SettlePay integration guide v3' };
  const ingress = networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 400 * DAYS, podSelector: {}, policyTypes: ['Ingress'] });
  const newIp = '35.190.41.77';
  const log = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 52 - i * 5.3 - k * 0.4;
      const id = `po_${(7741 + i * 13 + k * 211).toString(36)}${k}`;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"dispatching payout","payout_id":"${id}","amount_minor":${18250 + i * 770},"currency":"EUR"}`);
      out.push(`{"time":"${at(t - 0.17)}","level":"ERROR","msg":"partner call failed","payout_id":"${id}","attempt":1,"error":"Post \\"https://api.settlepay.eu/v3/payouts\\": dial tcp ${newIp}:443: i/o timeout"}`);
      if (i % 3 === 1) out.push(`{"time":"${at(t - 0.5)}","level":"WARN","msg":"payout moved to retry queue","payout_id":"${id}","next_attempt_in":"5m0s"}`);
    }
    out.push(`{"time":"${at(0.6)}","level":"INFO","msg":"GET /v1/payouts/summary","status":200,"dur_ms":12,"pod":"${nameOf(p)}"}`);
    return lines(...out);
  };
  return {
    id: 'heldout71-netpol-ipblock-partner-moved',
    class: 'network',
    truth: 'Payouts fail since about an hour ago because SettlePay migrated api.settlepay.eu to new infrastructure: the name now resolves to 35.190.41.77, but the payout-service-egress NetworkPolicy only allows HTTPS egress to the partner\'s old range 185.46.212.0/24 (ipBlock), so every connection is dropped and times out ("dial tcp 35.190.41.77:443: i/o timeout") while DNS and the database keep working. Nothing changed on our side; the fix is to allow the partner\'s new range in the policy.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...other.objects, policy, ingress,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payouts-db', selector: { app: 'payouts-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: db.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'payout-scheduler', selector: { app: 'payout-scheduler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 38),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 2, 37),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 3, firstAgo: 37.8, lastAgo: 37.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
      logsFor(podOf(other, 0), 'app', { current: lines(`{"time":"${at(30)}","level":"INFO","msg":"enqueued payouts batch","batch":"2026-11-21T03:00","count":412}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/payout-service-egress|ipBlock|185\.46\.212\.0\/24|network ?polic/i],
      facts: [lit(newIp), /i\/o timeout|timed? ?out/i],
      never: [ADVISES_ROLLBACK, /coredns|dns (fail|error|resolution fail)/i, /payout-scheduler/],
    },
  };
}

// ---- 6. NFS volume mounted with nfsvers=4.2 from a filer that speaks 4.1 at most -----------------

function nfsMountNfsversUnsupported(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.60', ['30', '142', '219']);
  const image = (v: string) => `${ECR}/media/asset-renderer:${v}`;
  const tpl = { containers: [container({ image: image('7.2.1'), ports: [8080], cpu: '1', memory: '2Gi', volumeMounts: [{ name: 'assets', mountPath: '/srv/assets' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })], volumes: [{ name: 'assets', persistentVolumeClaim: { claimName: 'shared-assets' } }] };
  const pvName = 'media-assets-nfs';
  const creating = waiting('ContainerCreating');
  const app = deploymentApp({
    namespace: ns, name: 'asset-renderer', replicas: 5,
    revisions: [{ revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: asset-renderer 7.2.1', template: tpl }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 14, node: names[0] ?? '', createdAgo: 23, containers: { app: creating }, sandbox: false },
      { revision: 14, node: names[2] ?? '', createdAgo: 23, containers: { app: creating }, sandbox: false },
    ],
  });
  const claim = pvc({ namespace: ns, name: 'shared-assets', storage: '2Ti', storageClass: '', phase: 'Bound', volumeName: pvName, accessModes: ['ReadWriteMany'], createdAgo: 500 * DAYS });
  const vol = {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name: pvName, uid: uidOf(`pv/${pvName}`), creationTimestamp: ago(500 * DAYS), finalizers: ['kubernetes.io/pv-protection'], labels: { 'storage.acme.io/filer': 'filer-ams2' }, annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes', 'acme.io/change': 'CHG-20931 standardise NFS mount options' } },
    spec: {
      accessModes: ['ReadWriteMany'], capacity: { storage: '2Ti' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'shared-assets', namespace: ns, uid: uidOf(`pvc/${ns}/shared-assets`) },
      mountOptions: ['nfsvers=4.2', 'hard', 'timeo=600', 'retrans=2', 'noresvport'],
      nfs: { server: '10.0.40.15', path: '/exports/assets' },
      persistentVolumeReclaimPolicy: 'Retain', storageClassName: '', volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound' },
  } as k8s.V1PersistentVolume;
  const stuck = [podOf(app, 3), podOf(app, 4)];
  const mountErr = (p: k8s.V1Pod) => `MountVolume.SetUp failed for volume "${pvName}" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o hard,nfsvers=4.2,noresvport,retrans=2,timeo=600 10.0.40.15:/exports/assets /var/lib/kubelet/pods/${p.metadata?.uid ?? ''}/volumes/kubernetes.io~nfs/${pvName}\nOutput: mount.nfs: Protocol not supported\n`;
  const other = bystander(ns, 'thumbnailer', names, 4 * HOURS, { revisions: [30, 31], versions: ['3.3.0', '3.3.1'], olderAgo: 9 * DAYS });
  const scaler = hpa({ namespace: ns, name: 'asset-renderer', target: { kind: 'Deployment', name: 'asset-renderer' }, min: 3, max: 10, current: 5, desired: 5, cpu: { current: 84, target: 65, averageValue: '840m' }, lastScaleAgo: 23 });
  const d = deploymentOf(app);
  return {
    id: 'heldout71-nfs-mount-nfsvers-unsupported',
    class: 'storage',
    truth: 'A storage clean-up change (CHG-20931) rewrote the mountOptions of the static NFS volume media-assets-nfs to nfsvers=4.2, but the filer at 10.0.40.15 only serves NFS 3 and 4.1. The three asset-renderer pods that mounted the export earlier keep running; the two pods the HPA added 23 minutes ago cannot mount it ("mount.nfs: Protocol not supported", exit status 32) and stay in ContainerCreating. Fix: set nfsvers=4.1 on the PV.',
    ask: { service: 'asset-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, claim, vol, scaler,
      ...exposed({ namespace: ns, name: 'asset-renderer', selector: { app: 'asset-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'asset-renderer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 23, lastAgo: 23, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(d, rsOf(app, 14), 5, 3, 23),
      ...stuck.map((p) => scheduled(p, 23)),
      ...stuck.map((p) => event({ on: p, reason: 'FailedMount', message: mountErr(p), count: 19, firstAgo: 22.9, lastAgo: 0.7 })),
      ...stuck.map((p) => event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[assets], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 10, firstAgo: 20.9, lastAgo: 0.9 })),
      event({ on: podOf(other, 1), reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(podOf(other, 1))}_${ns}(${podOf(other, 1).metadata?.uid ?? ''})`, count: 2, firstAgo: 4 * HOURS - 1, lastAgo: 4 * HOURS - 1.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`${at(2.2)} INFO  render job=rj-${9021 + k} asset=/srv/assets/campaigns/bf26/hero-${k}.psd size=2048x1152 took=4.81s`, `${at(0.8)} INFO  render job=rj-${9031 + k} asset=/srv/assets/campaigns/bf26/tile-${k}.png size=512x512 took=0.62s`) })),
    expect: {
      verdict: 'problems',
      headline: [/protocol not supported|nfsvers|nfs ?v?4\.2|media-assets-nfs|mount/i],
      facts: [/nfsvers=4\.2/, /Protocol not supported|exit status 32/],
      never: [/\bOOM/, /Insufficient (cpu|memory)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. healthy control: Cassandra with GCInspector and chunk-cache INFO lines -------------------

function healthyCassandraGcInspector(): CorpusScenario {
  const ns = 'events-store';
  const { nodes, names } = threeEksNodes('10.0.88', ['40', '155', '212']);
  const image = 'docker.io/library/cassandra:4.1.7';
  const c = container({
    name: 'cassandra', image, cpu: '2', memory: '8Gi',
    ports: [{ name: 'intra-node', containerPort: 7000 }, { name: 'cql', containerPort: 9042 }, { name: 'jmx', containerPort: 7199 }],
    env: [{ name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }, { name: 'MAX_HEAP_SIZE', value: '4G' }, { name: 'HEAP_NEWSIZE', value: '800M' }, { name: 'CASSANDRA_CLUSTER_NAME', value: 'events' }, { name: 'CASSANDRA_DC', value: 'eu-west-1' }, { name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.events-store.svc.cluster.local,cassandra-1.cassandra.events-store.svc.cluster.local' }],
    readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 10 }),
    liveness: tcpProbe('cql', { initialDelaySeconds: 90, periodSeconds: 30 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }],
  });
  const sts = statefulSetApp({
    namespace: ns, name: 'cassandra', replicas: 3, serviceName: 'cassandra', podManagementPolicy: 'OrderedReady',
    revisions: [{ revision: 6, createdAgo: 34 * DAYS, template: { containers: [c] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 34 * DAYS - k * 6 })),
  });
  const claims = [0, 1, 2].map((k) => pvc({ namespace: ns, name: `data-cassandra-${k}`, storage: '500Gi', storageClass: 'gp3', phase: 'Bound', volumeName: `pvc-${uidOf(`pvc/${ns}/data-cassandra-${k}`)}`, createdAgo: 300 * DAYS }));
  const headless = service({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 9042 }, { name: 'intra-node', port: 7000, targetPort: 7000 }] });
  const api = bystander(ns, 'event-ingest', names, 9 * HOURS, { revisions: [77, 78], versions: ['6.8.2', '6.8.3'], olderAgo: 8 * DAYS });
  const ip = (k: number) => sts.pods[k]?.status?.podIP ?? '';
  const casLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 58 - i * 4.1 - k * 0.7;
      const ms = [312, 274, 291, 338, 256, 305, 281][(i + k) % 7] ?? 300;
      const eden = 838860800 + ((i * 7 + k) % 5) * 8388608;
      const old = 2147483648 + i * 12582912 + k * 4194304;
      out.push(`INFO  [Service Thread] ${jTime(t)} GCInspector.java:294 - G1 Young Generation GC in ${ms}ms.  G1 Eden Space: ${eden} -> 0; G1 Old Gen: ${old} -> ${old + 9437184}; G1 Survivor Space: 58720256 -> 62914560; `);
      if (i % 4 === 1) out.push(`INFO  [ReadStage-${(i % 8) + 1}] ${jTime(t - 0.3)} NoSpamLogger.java:105 - Maximum memory usage reached (512.000MiB), cannot allocate chunk of 1.000MiB`);
      if (i % 5 === 2) out.push(`INFO  [CompactionExecutor:${3 + k}] ${jTime(t - 0.6)} CompactionTask.java:253 - Compacted (${uidOf(`cmp/${k}/${i}`).slice(0, 8)}-a7c1-11f1-9d1e-6b0e2a7c4f10) 4 sstables to [/var/lib/cassandra/data/events/by_account-3f1e2c40a1e511eeb2f5a1d4e6c7b8d9/nb-${4120 + i * 3 + k}-big,] to level=0.  1.118GiB to 1.097GiB (~98% of original) in 41,822ms.  Read Throughput = 27.371MiB/s, Write Throughput = 26.862MiB/s, Row Throughput = ~1,204,611/s.  3,402,117 total partitions merged to 3,311,806.  Partition merge counts were {1:3,221,495, 2:90,311, }`);
    }
    out.push(`INFO  [OptionalTasks:1] ${jTime(1.5 + k * 0.1)} StatusLogger.java:65 - Gossip: all 3 endpoints UP (${ip(0)}, ${ip(1)}, ${ip(2)})`);
    return lines(...out);
  };
  return {
    id: 'heldout71-healthy-cassandra-gcinspector',
    class: 'healthy',
    truth: 'The Cassandra ring is healthy: all three nodes are Up/Normal and ready, no restarts, claims bound. The GCInspector "G1 Young Generation GC in ~300ms" lines are routine young collections logged at INFO above the 200ms threshold, and "Maximum memory usage reached (512.000MiB), cannot allocate chunk of 1.000MiB" is the chunk cache reporting that its buffer pool is full, an INFO message expected on any busy node.',
    ask: { service: 'cassandra', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, headless, endpointSliceFor(headless, sts.pods, 9042), ...api.objects,
      ...exposed({ namespace: ns, name: 'event-ingest', selector: { app: 'event-ingest' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 78), 2, 0, 9 * HOURS),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(sts, k), 'cassandra', { current: casLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|running normally|all .*ready/i],
      facts: [/cassandra/i],
      never: [/(long|excessive|high)[^\n]{0,20}GC|GC (pause|pressure|thrash)/i, /(memory|cache)[^\n]{0,20}(exhaust|pressure|full|leak)/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kueueJobSuspendedQuota(),
  jvmCompressedClassSpace(),
  nativeSidecarFeatureOff(),
  indexedJobSubdomainMissing(),
  netpolIpBlockPartnerMoved(),
  nfsMountNfsversUnsupported(),
  healthyCassandraGcInspector(),
];
