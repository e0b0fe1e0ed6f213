// Held-out stories, sixtieth round, part two:
// 1. a Puppeteer/Chrome PDF renderer crash-looping only on the new Bottlerocket node group, whose
//    OS sets user.max_user_namespaces=0 ("No usable sandbox!"), while the same revision runs on the old nodes;
// 2. a PyTorch reranker whose revision raised BATCH_SIZE 16 → 64, so warm-up dies with
//    torch.cuda.OutOfMemoryError (GPU memory, not the cgroup: exit 3, never OOMKilled);
// 3. a paused mixed-version rollout of a Spring Boot cart service sharing a Redis cache of
//    Java-serialized CartSnapshot objects: InvalidClassException (serialVersionUID) both ways;
// 4. a RabbitMQ consumer that declares an exclusive queue with a fixed name, scaled 1 → 3 by hand:
//    the extra pods die on RESOURCE_LOCKED (405);
// 5. a Thanos compactor halted on overlapping blocks, Running and Ready with no restarts;
// 6. a Varnish cache whose `-s malloc,256m` cannot hold large exports: 503 with
//    "FetchError: Could not get storage" for big objects only;
// 7. healthy control: a RabbitMQ cluster whose logs show "client unexpectedly closed TCP connection"
//    from short-lived CronJob publishers, next to a memcached with steady LRU evictions.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, createdPod, cronJob, deploymentApp, epochMs,
  event, execProbe, exposed, httpProbe, nameOf, node, nodeEvent, pyTime, restartedAgain, rsOf, running, crashLoop,
  scaledReplicaSet, scheduled, terminated, startedNormally, statefulSetApp, tcpProbe, boundClaim, replicaSetOf, pulledFresh, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot's default console time: `2026-11-21T03:12:41.563Z`. */
const sbTime = (m: number): string => at(m);
/** RabbitMQ's log time: `2026-11-21 03:12:41.563214+00:00`. */
const rmqTime = (m: number): string => `${at(m).replace('T', ' ').replace('Z', '')}214+00:00`;
/** Chrome's log prefix time: `1121/031241.563211`. */
const chromeTime = (m: number): string => {
  const d = ago(m);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}/${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}211`;
};

// ---- 1. Chrome sandbox on a node group without user namespaces -----------------------------------

function chromeSandboxNoUserNamespaces(): CorpusScenario {
  const ns = 'docs';
  const oldNodes = ['41', '118', '203'].map((h, i) => node({ name: eksNodeName(`10.0.64.${h}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general-al2023', labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0c2b7f94e21d3a6f1', 'eks.amazonaws.com/capacityType': 'ON_DEMAND' }, createdAgo: 63 * DAYS, ...(i < 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(56) }] } : {}) }));
  const newNodes = ['22', '97', '176'].map((h, i) => {
    const n = node({ name: eksNodeName(`10.0.66.${h}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general-br', labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-07e41d9a5f0b83c2d', 'eks.amazonaws.com/capacityType': 'ON_DEMAND' }, createdAgo: 70 + i * 2, readySince: 69 + i * 2 });
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)', kernelVersion: '6.1.115', containerRuntimeVersion: 'containerd://1.7.22+bottlerocket' });
    return n;
  });
  const [oldA, oldB, oldC] = oldNodes.map(nameOf);
  const [newA, newB, newC] = newNodes.map(nameOf);
  const image = `${ECR}/docs/pdf-renderer:2.8.4`;
  const tplOf = (v: string) => ({
    containers: [container({
      image: `${ECR}/docs/pdf-renderer:${v}`, ports: [3000], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PUPPETEER_EXECUTABLE_PATH', value: '/opt/chrome-headless-shell/chrome-headless-shell' },
        { name: 'BROWSER_POOL_SIZE', value: '2' },
        { name: 'RENDER_TIMEOUT_MS', value: '45000' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 20 }),
      securityContext: { runAsUser: 10001, runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      volumeMounts: [{ name: 'dshm', mountPath: '/dev/shm' }],
    })],
    volumes: [{ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '512Mi' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'pdf-renderer', replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 21 * DAYS, changeCause: 'argocd: pdf-renderer 2.8.3', template: tplOf('2.8.3') },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: pdf-renderer 2.8.4', template: tplOf('2.8.4') },
    ],
    pods: [
      { revision: 19, node: oldC ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 19, node: oldC ?? '', createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 2 * DAYS + 140, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 2 * DAYS + 140, ranSeconds: 4 * 86400 } }) } },
      { revision: 19, node: newA ?? '', createdAgo: 54, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 3 }, 13) } },
      { revision: 19, node: newB ?? '', createdAgo: 52, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.6, ranSeconds: 3 }, 13) } },
    ],
    settled: { available: false, availableSince: 50, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  // The API docs service moved to the new nodes in the same drain and runs fine there.
  const apiImage = `${ECR}/docs/docs-api:5.2.0`;
  const api = deploymentApp({
    namespace: ns, name: 'docs-api', replicas: 2,
    revisions: [{ revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: docs-api 5.2.0', template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi' })] } }],
    pods: [{ revision: 33, node: newC ?? '', createdAgo: 55 }, { revision: 33, node: newA ?? '', createdAgo: 53 }],
  });
  const crashers = [podOf(app, 2), podOf(app, 3)];
  const rs = replicaSetOf(app, 19);
  const chromeFail = (m: number, pid: number) =>
    `Failed to launch the browser process!\\nFailed to move to new namespace: PID namespaces supported, Network namespace supported, but failed: errno = Operation not permitted\\n[${pid}:${pid}:${chromeTime(m)}:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md. Otherwise see https://chromium.googlesource.com/chromium/src/+/main/docs/linux/suid_sandbox_development.md for more information on developing with the (older) SUID sandbox. If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox.\\n\\n\\nTROUBLESHOOTING: https://pptr.dev/troubleshooting\\n`;
  const runLog = (p: k8s.V1Pod, m: number) => {
    const h = nameOf(p);
    return lines(
      `{"level":30,"time":${epochMs(m)},"pid":1,"hostname":"${h}","msg":"pdf-renderer 2.8.4 starting","port":3000,"poolSize":2,"node":"v20.18.1"}`,
      `{"level":30,"time":${epochMs(m - 0.01)},"pid":1,"hostname":"${h}","msg":"launching browser","executablePath":"/opt/chrome-headless-shell/chrome-headless-shell","chrome":"131.0.6778.85","args":["--headless=new","--disable-gpu","--disable-dev-shm-usage","--font-render-hinting=none","--hide-scrollbars"]}`,
      `{"level":60,"time":${epochMs(m - 0.03)},"pid":1,"hostname":"${h}","err":{"type":"Error","message":"${chromeFail(m - 0.03, 23)}","stack":"Error: Failed to launch the browser process!\\n    at ChildProcess.onClose (/app/node_modules/@puppeteer/browsers/lib/cjs/launch.js:318:24)\\n    at ChildProcess.emit (node:events:530:35)\\n    at ChildProcess._handle.onexit (node:internal/child_process:294:12)"},"msg":"browser pool init failed"}`,
      `{"level":50,"time":${epochMs(m - 0.035)},"pid":1,"hostname":"${h}","msg":"fatal startup error, exiting","code":1}`,
    );
  };
  const healthy = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${epochMs(6.2)},"pid":1,"hostname":"${nameOf(p)}","reqId":"r-8f21","msg":"rendered","template":"invoice-v4","pages":3,"ms":1412}`,
    `{"level":40,"time":${epochMs(4.9)},"pid":1,"hostname":"${nameOf(p)}","reqId":"r-8f4c","msg":"font fallback","family":"Noto Sans Thai","using":"DejaVu Sans"}`,
    `{"level":30,"time":${epochMs(1.1)},"pid":1,"hostname":"${nameOf(p)}","reqId":"r-8f9a","msg":"rendered","template":"contract-v2","pages":11,"ms":3870}`,
  );
  return {
    id: 'heldout60-chrome-sandbox-no-user-namespaces',
    class: 'nodes',
    truth: 'The platform team is migrating to a new Bottlerocket node group (general-br), whose OS sets user.max_user_namespaces=0. The drain of two old nodes moved two pdf-renderer pods (same revision 19, same image) onto the new nodes, where headless Chrome cannot create its user-namespace sandbox ("No usable sandbox!", "Failed to move to new namespace ... Operation not permitted"), so the app exits 1 at startup and crash-loops; the pods left on the old AL2023 node run fine. Fix: allow user namespaces on the new node group (or keep the renderer off it) rather than touching the revision.',
    ask: { service: 'pdf-renderer', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'docs-api', selector: { app: 'docs-api' }, pods: api.pods }),
      ...newNodes.flatMap((n, i) => [
        nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 70 + i * 2, component: 'node-controller' }),
        nodeEvent(nameOf(n), 'NodeReady', `Node ${nameOf(n)} status is now: NodeReady`, { firstAgo: 69 + i * 2 }),
      ]),
      nodeEvent(oldA ?? '', 'NodeNotSchedulable', `Node ${oldA ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 56 }),
      nodeEvent(oldB ?? '', 'NodeNotSchedulable', `Node ${oldB ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 55 }),
      createdPod(rs, crashers[0] ?? {}, 54), createdPod(rs, crashers[1] ?? {}, 52),
      ...crashers.flatMap((p, i) => [
        ...pulledFresh(p, 'app', image, { atAgo: 54 - i * 2, bytes: 612_488_114, seconds: 14.118 }),
        ...restartedAgain(p, 'app', image, { count: 14, firstAgo: 53.6 - i * 2, lastAgo: i === 0 ? 2.15 : 0.65 }),
        backOff(p, 'app', { count: 228 - i * 9, firstAgo: 53.4 - i * 2 }),
      ]),
      ...api.pods.flatMap((p, i) => startedNormally(p, 'app', apiImage, 55 - i * 2)),
    ],
    logs: [
      ...crashers.map((p, i) => logsFor(p, 'app', { current: runLog(p, i === 0 ? 2.15 : 0.65), previous: runLog(p, i === 0 ? 7.3 : 5.8) })),
      logsFor(podOf(app, 0), 'app', { current: healthy(podOf(app, 0)) }),
      logsFor(podOf(app, 1), 'app', { current: healthy(podOf(app, 1)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sandbox|user.?namespaces?|userns|max_user_namespaces/i],
      facts: [/bottlerocket|general-br|new node ?group|ip-10-0-66-/i, /No usable sandbox|Operation not permitted|max_user_namespaces/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /liveness|readiness/i, /docs-api/],
    },
  };
}

// ---- 2. PyTorch reranker: BATCH_SIZE 16 → 64 exhausts GPU memory ------------------------------------

function torchCudaOomBatchSize(): CorpusScenario {
  const ns = 'search-ml';
  const gpuNodes = ['12', '57', '140', '233'].map((h, i) => node({
    name: eksNodeName(`10.0.88.${h}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a'][i] ?? 'eu-west-1a', pool: 'gpu-a10g', instanceType: 'g5.2xlarge',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A10G', 'nvidia.com/gpu.memory': '23028', workload: 'gpu' },
    taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    allocatable: { cpu: '7910m', 'ephemeral-storage': '190732622516', memory: '31068656Ki', 'nvidia.com/gpu': '1', pods: '58' },
    createdAgo: 24 * DAYS,
  }));
  const { nodes, names } = threeEksNodes('10.0.84', ['19', '102', '211']);
  const g = gpuNodes.map(nameOf);
  const image = `${ECR}/search-ml/reranker:1.7.2`;
  const tpl = (batch: string) => {
    const c = container({
      image, ports: [8000], cpu: '3', memory: '12Gi',
      env: [
        { name: 'MODEL_ID', value: 'BAAI/bge-reranker-v2-m3' },
        { name: 'MODEL_DTYPE', value: 'float16' },
        { name: 'BATCH_SIZE', value: batch },
        { name: 'MAX_SEQ_LEN', value: '1024' },
        { name: 'HF_HOME', value: '/models/hf' },
        { name: 'WEB_CONCURRENCY', value: '1' },
      ],
      readiness: httpProbe('/health/ready', 8000, { periodSeconds: 5 }),
      liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 60, periodSeconds: 15 }),
      volumeMounts: [{ name: 'models', mountPath: '/models', readOnly: true }],
    });
    c.resources = { requests: { cpu: '3', memory: '12Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '12Gi', 'nvidia.com/gpu': '1' } };
    return {
      containers: [c],
      volumes: [{ name: 'models', persistentVolumeClaim: { claimName: 'reranker-models', readOnly: true } }],
      nodeSelector: { workload: 'gpu' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    };
  };
  const app = deploymentApp({
    namespace: ns, name: 'reranker', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 8, createdAgo: 12 * DAYS, changeCause: 'argocd: reranker 1.7.2 (batchSize 16)', template: tpl('16') },
      { revision: 9, createdAgo: 38, changeCause: 'argocd: reranker values: batchSize 64 for throughput', template: tpl('64') },
    ],
    pods: [
      { revision: 8, node: g[0] ?? '', createdAgo: 12 * DAYS - 2, containers: { app: running({ sinceAgo: 5 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 5 * DAYS, ranSeconds: 7 * 86400 } }) } },
      { revision: 8, node: g[1] ?? '', createdAgo: 12 * DAYS - 4 },
      { revision: 8, node: g[2] ?? '', createdAgo: 12 * DAYS - 6 },
      { revision: 9, node: g[3] ?? '', createdAgo: 37.5, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.4, ranSeconds: 41 }, 9) } },
    ],
  });
  const gateway = bystander(ns, 'search-gateway', names, 3 * HOURS, { revisions: [41, 42], versions: ['3.0.7', '3.0.8'], olderAgo: 15 * DAYS });
  const fresh = podOf(app, 3);
  const [claim, vol] = boundClaim({ namespace: ns, name: 'reranker-models', storage: '50Gi', zone: 'eu-west-1a', createdAgo: 80 * DAYS });
  if (claim.spec) claim.spec.accessModes = ['ReadOnlyMany'];
  if (claim.spec) claim.spec.storageClassName = 'efs-sc';
  const crashRun = (m: number) => lines(
    'INFO:     Started server process [1]',
    'INFO:     Waiting for application startup.',
    `${pyTime(m)} INFO reranker.model: loading BAAI/bge-reranker-v2-m3 from /models/hf (dtype=float16, device=cuda:0)`,
    `${pyTime(m - 0.3)} INFO reranker.model: model loaded in 17.8s, 567.8M params, cuda mem allocated=1.07 GiB`,
    `${pyTime(m - 0.31)} INFO reranker.warmup: warming up batch_size=64 max_seq_len=1024`,
    'ERROR:    Traceback (most recent call last):',
    '  File "/opt/venv/lib/python3.11/site-packages/starlette/routing.py", line 732, in lifespan',
    '    async with self.lifespan_context(app) as maybe_state:',
    '  File "/usr/local/lib/python3.11/contextlib.py", line 210, in __aenter__',
    '    return await anext(self.gen)',
    '  File "/app/reranker/main.py", line 38, in lifespan',
    '    model.warmup()',
    '  File "/app/reranker/model.py", line 112, in warmup',
    '    self.score(batch)',
    '  File "/opt/venv/lib/python3.11/site-packages/torch/utils/_contextlib.py", line 116, in decorate_context',
    '    return func(*args, **kwargs)',
    '  File "/app/reranker/model.py", line 91, in score',
    '    logits = self.model(**enc, return_dict=True).logits',
    '  File "/opt/venv/lib/python3.11/site-packages/transformers/models/xlm_roberta/modeling_xlm_roberta.py", line 276, in forward',
    '    attention_probs = nn.functional.softmax(attention_scores, dim=-1)',
    '  File "/opt/venv/lib/python3.11/site-packages/torch/nn/functional.py", line 1885, in softmax',
    '    ret = input.softmax(dim)',
    'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 22.06 GiB of which 1.38 GiB is free. Process 1 has 20.67 GiB memory in use. Of the allocated memory 18.49 GiB is allocated by PyTorch, and 1.92 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)',
    '',
    'ERROR:    Application startup failed. Exiting.',
  );
  const oldLog = (p: k8s.V1Pod) => lines(
    'huggingface/tokenizers: The current process just got forked, after parallelism has already been used. Disabling parallelism to avoid deadlocks...',
    'To disable this warning, you can either:',
    '\t- Avoid using `tokenizers` before the fork if possible',
    '\t- Explicitly set the environment variable TOKENIZERS_PARALLELISM=(true | false)',
    `${pyTime(3.1)} INFO reranker.api: scored request_id=${nameOf(p).slice(-5)}-a91 pairs=48 batches=3 ms=212`,
    `INFO:     10.0.84.31:48812 - "POST /v1/rerank HTTP/1.1" 200 OK`,
    `${pyTime(1.2)} WARNING reranker.api: truncated 3 passages to max_seq_len=1024 request_id=${nameOf(p).slice(-5)}-b07`,
    `INFO:     10.0.84.31:48830 - "POST /v1/rerank HTTP/1.1" 200 OK`,
  );
  return {
    id: 'heldout60-torch-cuda-oom-batch-size',
    class: 'rollout',
    truth: 'Revision 9 of reranker raised BATCH_SIZE from 16 to 64 (MAX_SEQ_LEN 1024). The new pod\'s startup warm-up runs one full batch and the attention activations no longer fit in the A10G\'s 22 GiB, so PyTorch raises torch.cuda.OutOfMemoryError ("Tried to allocate 2.00 GiB"), uvicorn aborts startup and exits 3; it crash-loops while the rollout is stuck with three revision-8 pods serving. It is GPU memory, not the container\'s 12Gi cgroup limit (no OOMKilled); revert the batch size (or roll back to revision 8).',
    ask: { service: 'reranker', namespace: ns },
    objects: [
      ...nodes, ...gpuNodes, ...app.objects, ...gateway.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'reranker', selector: { app: 'reranker' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'search-gateway', selector: { app: 'search-gateway' }, pods: gateway.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 38),
      scaledReplicaSet(deploymentOf(gateway), rsOf(gateway, 42), 2, 0, 3 * HOURS),
      scheduled(fresh, 37.5),
      ...restartedAgain(fresh, 'app', image, { count: 10, firstAgo: 37.4, lastAgo: 2.1 }),
      backOff(fresh, 'app', { count: 141, firstAgo: 35.9 }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(fresh)}:8000/health/ready": dial tcp ${ipOfPod(fresh)}:8000: connect: connection refused`, count: 38, firstAgo: 37.2, lastAgo: 2.2, fieldPath: 'spec.containers{app}' }),
      event({ on: { kind: 'Deployment', metadata: deploymentOf(app).metadata ?? {} }, reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsOf(app, 9)}" has timed out progressing.`, type: 'Warning', firstAgo: 28, lastAgo: 28, component: 'deployment-controller' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crashRun(2.1), previous: crashRun(8.4) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: oldLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CUDA|GPU|OutOfMemoryError/i, /BATCH_SIZE|batch.?size|revision 9|\b64\b/i],
      facts: [/OutOfMemoryError|CUDA out of memory|Tried to allocate/i, /BATCH_SIZE|batch.?size/i],
      never: [/(raise|increase|bump)[^\n]{0,40}(memory limit|memory request|limits\.memory|12Gi)/i, /search-gateway/, /liveness/i],
    },
  };
}

// ---- 3. mixed-version rollout over a shared Redis cache of Java-serialized objects -------------------

function javaSerialVersionSharedRedis(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.52', ['28', '144', '219']);
  const image = (v: string) => `${ECR}/storefront/cart-service:${v}`;
  const redisHost = 'cart-cache.x7k2pq.ng.0001.euw1.cache.amazonaws.com';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATA_REDIS_HOST', value: redisHost },
        { name: 'SPRING_DATA_REDIS_PORT', value: '6379' },
        { name: 'SPRING_CACHE_TYPE', value: 'redis' },
        { name: 'SPRING_CACHE_REDIS_TIME_TO_LIVE', value: '6h' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'cart-service', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-service 3.18.2', template: tpl('3.18.2') },
      { revision: 42, createdAgo: 27, changeCause: 'argocd: cart-service 3.19.0', template: tpl('3.19.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 41, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 42, node: names[2] ?? '', createdAgo: 26.5 },
      { revision: 42, node: names[0] ?? '', createdAgo: 25.5 },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(9 * DAYS), lastTransitionTime: ago(9 * DAYS) },
      { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ago(24), lastTransitionTime: ago(24) },
    ],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.spec) dep.spec.paused = true;
  const web = bystander(ns, 'storefront-web', names, 3 * HOURS + 10, { revisions: [88, 89], versions: ['2026.11.19', '2026.11.20'], olderAgo: 4 * DAYS });
  const oldUid = '-6213408839190233712';
  const newUid = '2935176514021908841';
  const trace = (stream: string, local: string) => [
    `java.io.InvalidClassException: com.acme.storefront.cart.model.CartSnapshot; local class incompatible: stream classdesc serialVersionUID = ${stream}, local class serialVersionUID = ${local}`,
    '\tat java.base/java.io.ObjectStreamClass.initNonProxy(ObjectStreamClass.java:598) ~[na:na]',
    '\tat java.base/java.io.ObjectInputStream.readNonProxyDesc(ObjectInputStream.java:2078) ~[na:na]',
    '\tat java.base/java.io.ObjectInputStream.readClassDesc(ObjectInputStream.java:1927) ~[na:na]',
    '\tat java.base/java.io.ObjectInputStream.readOrdinaryObject(ObjectInputStream.java:2252) ~[na:na]',
    '\tat java.base/java.io.ObjectInputStream.readObject(ObjectInputStream.java:509) ~[na:na]',
    '\tat org.springframework.core.serializer.DefaultDeserializer.deserialize(DefaultDeserializer.java:72) ~[spring-core-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.core.serializer.support.DeserializingConverter.convert(DeserializingConverter.java:80) ~[spring-core-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.data.redis.serializer.JdkSerializationRedisSerializer.deserialize(JdkSerializationRedisSerializer.java:111) ~[spring-data-redis-3.3.5.jar!/:3.3.5]',
    '\tat org.springframework.data.redis.cache.RedisCache.deserializeCacheValue(RedisCache.java:391) ~[spring-data-redis-3.3.5.jar!/:3.3.5]',
    '\tat org.springframework.data.redis.cache.RedisCache.lookup(RedisCache.java:198) ~[spring-data-redis-3.3.5.jar!/:3.3.5]',
  ];
  const err = (m: number, pod: string, thread: string, cart: string, stream: string, local: string) => [
    `${sbTime(m)} ERROR 1 --- [cart-service] [${thread}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.data.redis.serializer.SerializationException: Cannot deserialize] with root cause`,
    '',
    ...trace(stream, local),
    `${sbTime(m - 0.01)}  WARN 1 --- [cart-service] [${thread}] c.a.s.cart.web.CartController            : GET /api/v2/carts/${cart} failed after ${12 + cart.length}ms (pod=${pod})`,
  ];
  const podLog = (p: k8s.V1Pod, isNew: boolean, k: number) => {
    const out: string[] = [];
    if (isNew) {
      out.push(
        `${sbTime(26 - k)}  INFO 1 --- [cart-service] [           main] c.a.s.cart.CartServiceApplication        : Starting CartServiceApplication v3.19.0 using Java 21.0.5 with PID 1`,
        `${sbTime(25.7 - k)}  INFO 1 --- [cart-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
        `${sbTime(25.7 - k)}  INFO 1 --- [cart-service] [           main] c.a.s.cart.CartServiceApplication        : Started CartServiceApplication in 21.448 seconds (process running for 22.31)`,
      );
    } else {
      out.push(
        `${sbTime(7 * HOURS + 12)}  INFO 1 --- [cart-service] [xecutorLoop-1-2] i.l.core.protocol.ConnectionWatchdog     : Reconnecting, last destination was ${redisHost}/10.0.171.36:6379`,
        `${sbTime(7 * HOURS + 11.99)}  INFO 1 --- [cart-service] [ioEventLoop-4-2] i.l.core.protocol.ReconnectionHandler    : Reconnected to ${redisHost}/<unresolved>:6379`,
      );
    }
    const carts = ['c-77f1e2', 'c-1a09bd', 'c-4be871', 'c-90d3aa', 'c-2c6f14', 'c-e81b07'];
    for (let i = 0; i < 5; i++) {
      const m = 22 - i * 4.3 - k * 0.7;
      out.push(...err(m, nameOf(p), `nio-8080-exec-${(i * 3 + k) % 10 + 1}`, carts[(i + k) % carts.length] ?? 'c-1', isNew ? oldUid : newUid, isNew ? newUid : oldUid));
      out.push(`${sbTime(m - 0.4)}  INFO 1 --- [cart-service] [nio-8080-exec-${(i + k) % 10 + 1}] c.a.s.cart.web.CartController            : PUT /api/v2/carts/${carts[(i + 2) % carts.length] ?? 'c'}/items 200 in 31ms`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-java-serialversionuid-shared-redis',
    class: 'rollout',
    truth: 'cart-service 3.19.0 (revision 42) added a field to CartSnapshot without a fixed serialVersionUID, and the service caches CartSnapshot in a shared ElastiCache Redis with Spring\'s JDK serializer. With the rollout paused half-way (two 3.18.2 pods, two 3.19.0 pods), each version writes entries the other cannot read: java.io.InvalidClassException "local class incompatible: stream classdesc serialVersionUID = ..., local class serialVersionUID = ...", so cart reads fail with HTTP 500 on all pods while every pod stays Ready. Finish (or undo) the rollout and evict the CartSnapshot cache keys, then version the cache key or use a schema-tolerant serializer.',
    ask: { service: 'cart-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      scaledReplicaSet(dep, rsOf(app, 42), 1, 0, 27),
      scaledReplicaSet(dep, rsOf(app, 41), 3, 4, 26.2),
      scaledReplicaSet(dep, rsOf(app, 42), 2, 1, 26.1),
      scaledReplicaSet(dep, rsOf(app, 41), 2, 3, 25),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 89), 2, 0, 3 * HOURS + 10),
      ...app.pods.slice(2).flatMap((p, i) => [
        ...pulledFresh(p, 'app', image('3.19.0'), { atAgo: 26.5 - i, bytes: 287_331_904, seconds: 6.204 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 26.4 - i, lastAgo: 26.4 - i, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 26.4 - i, lastAgo: 26.4 - i, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, count: 2, firstAgo: 26.2 - i, lastAgo: 26.0 - i, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: app.pods.map((p, i) => logsFor(p, 'app', { current: podLog(p, i >= 2, i % 2) })),
    expect: {
      verdict: 'problems',
      headline: [/InvalidClassException|serialVersionUID|seriali[sz]|deserializ/i],
      facts: [/serialVersionUID|InvalidClassException/, /CartSnapshot/, /redis|cache/i],
      never: [/\bOOM/, /crash ?loop/i, /redis[^\n]{0,30}(down|unreachable|timed? ?out|refused)/i, /storefront-web/],
    },
  };
}

// ---- 4. exclusive RabbitMQ queue with a fixed name, scaled 1 → 3 ------------------------------------

function rabbitExclusiveQueueLocked(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.93', ['14', '122', '240']);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 1, serviceName: 'rabbitmq-headless', createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 48 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '500m', memory: '2Gi', readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { timeoutSeconds: 10, periodSeconds: 30 }), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { timeoutSeconds: 10, periodSeconds: 30, initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 3 * DAYS + 40 }],
  });
  const [rmqClaim, rmqVol] = boundClaim({ namespace: ns, name: 'data-rabbitmq-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 210 * DAYS });
  const image = `${ECR}/notifications/push-dispatcher:1.22.0`;
  const tpl = {
    containers: [batchContainer({
      image, cpu: '200m', memory: '256Mi',
      env: [
        { name: 'AMQP_URL', value: 'amqp://push-dispatcher@rabbitmq.notifications.svc.cluster.local:5672/' },
        { name: 'CONFIG_FILE', value: '/etc/push-dispatcher/config.yaml' },
        { name: 'GOMAXPROCS', value: '1' },
      ],
      volumeMounts: [{ name: 'config', mountPath: '/etc/push-dispatcher', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'push-dispatcher-config' } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'push-dispatcher', replicas: 3,
    revisions: [
      { revision: 16, createdAgo: 30 * DAYS, changeCause: 'argocd: push-dispatcher 1.21.4', template: { ...tpl, containers: [batchContainer({ image: `${ECR}/notifications/push-dispatcher:1.21.4`, cpu: '200m', memory: '256Mi', env: tpl.containers[0]?.env ?? [], volumeMounts: [{ name: 'config', mountPath: '/etc/push-dispatcher', readOnly: true }] })] } },
      { revision: 17, createdAgo: 11 * DAYS, changeCause: 'argocd: push-dispatcher 1.22.0', template: tpl },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 11 * DAYS - 1, containers: { app: running({ sinceAgo: 3 * DAYS + 36, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS + 36.2, ranSeconds: 8 * 86400 } }) } },
      { revision: 17, node: names[1] ?? '', createdAgo: 34, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 1 }, 11) } },
      { revision: 17, node: names[2] ?? '', createdAgo: 34, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.9, ranSeconds: 1 }, 11) } },
    ],
    settled: { available: true, availableSince: 11 * DAYS, progressingSince: 11 * DAYS, progressingUpdatedAgo: 11 * DAYS - 2 },
  });
  const dep = deploymentOf(app);
  if (dep.metadata) dep.metadata.managedFields = [
    { manager: 'argocd-controller', operation: 'Update', apiVersion: 'apps/v1', time: ago(11 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
    { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(34), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
  ];
  const cfg = configMap({
    namespace: ns, name: 'push-dispatcher-config', createdAgo: 30 * DAYS,
    data: { 'config.yaml': 'broker:\n  exchange: push.events\n  queue: push.dispatch\n  exclusive: true\n  durable: false\n  prefetch: 50\napns:\n  topic: com.acme.app\n  timeout: 10s\nfcm:\n  project: acme-prod\n' },
  });
  const rs = replicaSetOf(app, 17);
  const [worker, extra1, extra2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const rmqPod = podOf(rmq, 0);
  const locked = 'RESOURCE_LOCKED - cannot obtain exclusive access to locked queue \'push.dispatch\' in vhost \'/\'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.';
  const crashRun = (m: number) => lines(
    `{"time":"${at(m)}","level":"INFO","msg":"push-dispatcher starting","version":"1.22.0","commit":"4be01c7"}`,
    `{"time":"${at(m - 0.002)}","level":"INFO","msg":"connected to broker","addr":"rabbitmq.notifications.svc.cluster.local:5672","vhost":"/"}`,
    `{"time":"${at(m - 0.003)}","level":"INFO","msg":"exchange declared","exchange":"push.events","kind":"topic"}`,
    `{"time":"${at(m - 0.004)}","level":"ERROR","msg":"consumer setup failed","queue":"push.dispatch","err":"declare queue: Exception (405) Reason: \\"${locked}\\""}`,
    `{"time":"${at(m - 0.004)}","level":"ERROR","msg":"exiting","code":1}`,
  );
  const rmqLog = (() => {
    const out: string[] = [
      `${rmqTime(3 * DAYS + 38)} [info] <0.254.0> Server startup complete; 5 plugins started.`,
      `${rmqTime(3 * DAYS + 35.9)} [info] <0.1021.0> accepting AMQP connection <0.1021.0> (${ipOfPod(worker)}:40112 -> ${ipOfPod(rmqPod)}:5672)`,
      `${rmqTime(3 * DAYS + 35.9)} [info] <0.1021.0> connection <0.1021.0> (${ipOfPod(worker)}:40112 -> ${ipOfPod(rmqPod)}:5672): user 'push-dispatcher' authenticated and granted access to vhost '/'`,
    ];
    for (let i = 0; i < 6; i++) {
      const p = i % 2 === 0 ? extra1 : extra2;
      const m = 14 - i * 2.2;
      const pid = 40211 + i * 37;
      const port = 51000 + i * 211;
      out.push(
        `${rmqTime(m)} [info] <0.${pid}.0> accepting AMQP connection <0.${pid}.0> (${ipOfPod(p)}:${port} -> ${ipOfPod(rmqPod)}:5672)`,
        `${rmqTime(m - 0.001)} [info] <0.${pid}.0> connection <0.${pid}.0> (${ipOfPod(p)}:${port} -> ${ipOfPod(rmqPod)}:5672): user 'push-dispatcher' authenticated and granted access to vhost '/'`,
        `${rmqTime(m - 0.002)} [error] <0.${pid + 9}.0> Channel error on connection <0.${pid}.0> (${ipOfPod(p)}:${port} -> ${ipOfPod(rmqPod)}:5672, vhost: '/', user: 'push-dispatcher'), channel 1:`,
        `${rmqTime(m - 0.002)} [error] <0.${pid + 9}.0> operation queue.declare caused a channel exception resource_locked: cannot obtain exclusive access to locked queue 'push.dispatch' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`,
        `${rmqTime(m - 0.003)} [info] <0.${pid}.0> closing AMQP connection <0.${pid}.0> (${ipOfPod(p)}:${port} -> ${ipOfPod(rmqPod)}:5672, vhost: '/', user: 'push-dispatcher')`,
      );
    }
    return lines(...out);
  })();
  const workerLog = lines(
    `{"time":"${at(3 * DAYS + 35.9)}","level":"INFO","msg":"consuming","queue":"push.dispatch","prefetch":50}`,
    `{"time":"${at(6.3)}","level":"INFO","msg":"push delivered","provider":"apns","batch":50,"ok":49,"failed":1,"ms":412}`,
    `{"time":"${at(6.3)}","level":"WARN","msg":"apns rejected token","status":410,"reason":"Unregistered","device":"a41f…9c2e"}`,
    `{"time":"${at(2.2)}","level":"INFO","msg":"push delivered","provider":"fcm","batch":50,"ok":50,"failed":0,"ms":288}`,
    `{"time":"${at(0.4)}","level":"INFO","msg":"push delivered","provider":"apns","batch":37,"ok":37,"failed":0,"ms":301}`,
  );
  return {
    id: 'heldout60-rabbitmq-exclusive-queue-locked',
    class: 'config',
    truth: 'push-dispatcher declares its queue push.dispatch as exclusive (config.yaml exclusive: true) with a fixed name, which only one connection may hold. Someone scaled the Deployment from 1 to 3 replicas with kubectl 34 minutes ago; the two new pods are refused by RabbitMQ with RESOURCE_LOCKED (channel error 405) on queue.declare and exit 1 in a crash loop, while the original pod keeps consuming. More replicas cannot help as long as the queue is exclusive: scale back to 1 or make the queue shared (non-exclusive, durable) or per-consumer named.',
    ask: { service: 'push-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...rmq.objects, rmqClaim, rmqVol, ...app.objects, cfg,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], endpointPort: 5672 }),
      scaledReplicaSet(dep, rsOf(app, 17), 3, 1, 34),
      createdPod(rs, extra1, 34), createdPod(rs, extra2, 34),
      ...[extra1, extra2].flatMap((p, i) => [
        scheduled(p, 34),
        ...restartedAgain(p, 'app', image, { count: 12, firstAgo: 33.9, lastAgo: i === 0 ? 1.85 : 3.95 }),
        backOff(p, 'app', { count: 150 + i * 4, firstAgo: 33.6 }),
      ]),
    ],
    logs: [
      logsFor(extra1, 'app', { current: crashRun(1.85), previous: crashRun(7.1) }),
      logsFor(extra2, 'app', { current: crashRun(3.95), previous: crashRun(9.2) }),
      logsFor(worker, 'app', { current: workerLog, previous: lines(`{"time":"${at(3 * DAYS + 36.3)}","level":"ERROR","msg":"broker connection lost","err":"Exception (320) Reason: \\"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'\\""}`, `{"time":"${at(3 * DAYS + 36.2)}","level":"ERROR","msg":"exiting","code":1}`) }),
      logsFor(rmqPod, 'rabbitmq', { current: rmqLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RESOURCE_LOCKED|exclusive|\b405\b/i],
      facts: [/push\.dispatch/, /scal|replicas|1 (to|→) 3|from 1/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ACCESS_REFUSED|credential|password|authenticat/i, /rabbitmq[^\n]{0,30}(down|unreachable|crash)/i, /CONNECTION_FORCED/],
    },
  };
}

// ---- 5. Thanos compactor halted on overlapping blocks ------------------------------------------------

function thanosCompactorHalted(): CorpusScenario {
  const ns = 'monitoring';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '77', '190']);
  const thanosImage = 'quay.io/thanos/thanos:v0.36.1';
  const compact = statefulSetApp({
    namespace: ns, name: 'thanos-compact', replicas: 1, serviceName: 'thanos-compact', createdAgo: 300 * DAYS,
    revisions: [{
      revision: 6, createdAgo: 34 * DAYS,
      template: {
        containers: [container({
          name: 'thanos-compact', image: thanosImage, cpu: '1', memory: '4Gi',
          args: ['compact', '--wait', '--log.level=info', '--log.format=logfmt', '--http-address=0.0.0.0:10902', '--data-dir=/var/thanos/compact', '--objstore.config-file=/etc/thanos/objstore.yml', '--retention.resolution-raw=30d', '--retention.resolution-5m=120d', '--retention.resolution-1h=1y', '--deduplication.replica-label=prometheus_replica', '--compact.concurrency=1', '--delete-delay=48h'],
          ports: [{ name: 'http', containerPort: 10902 }],
          readiness: httpProbe('/-/ready', 'http'), liveness: httpProbe('/-/healthy', 'http', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/thanos/compact' }, { name: 'objstore', mountPath: '/etc/thanos', readOnly: true }],
        })],
        volumes: [{ name: 'objstore', configMap: { name: 'thanos-objstore' } }],
        serviceAccountName: 'thanos',
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 6 * DAYS + 20 }],
  });
  const [cClaim, cVol] = boundClaim({ namespace: ns, name: 'data-thanos-compact-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS });
  const store = statefulSetApp({
    namespace: ns, name: 'thanos-store', replicas: 2, serviceName: 'thanos-store', createdAgo: 300 * DAYS,
    revisions: [{ revision: 9, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'thanos-store', image: thanosImage, args: ['store', '--data-dir=/var/thanos/store', '--objstore.config-file=/etc/thanos/objstore.yml'], ports: [{ name: 'grpc', containerPort: 10901 }, { name: 'http', containerPort: 10902 }], memory: '6Gi', readiness: httpProbe('/-/ready', 'http'), liveness: httpProbe('/-/healthy', 'http') })] } }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS, containers: { 'thanos-store': running({ sinceAgo: 19 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 19 * HOURS, ranSeconds: 11 * 86400 } }) } },
      { revision: 9, ordinal: 1, node: names[2] ?? '', createdAgo: 12 * DAYS },
    ],
  });
  const query = deploymentApp({
    namespace: ns, name: 'thanos-query', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'thanos-query', image: thanosImage, args: ['query', '--http-address=0.0.0.0:10902', '--query.replica-label=prometheus_replica', '--endpoint=dnssrv+_grpc._tcp.thanos-store.monitoring.svc.cluster.local', '--endpoint=dnssrv+_grpc._tcp.prometheus-operated.monitoring.svc.cluster.local'], ports: [{ name: 'http', containerPort: 10902 }], memory: '2Gi', readiness: httpProbe('/-/ready', 'http'), liveness: httpProbe('/-/healthy', 'http') })] } }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const promCfg = configMap({
    namespace: ns, name: 'prometheus-config', createdAgo: 300 * DAYS, updatedAgo: 11 * HOURS + 5,
    data: { 'prometheus.yml': 'global:\n  scrape_interval: 30s\n  evaluation_interval: 30s\n  external_labels:\n    cluster: prod-eu-1\n    env: prod\nrule_files:\n  - /etc/prometheus/rules/*.yaml\nscrape_configs:\n  - job_name: kubernetes-pods\n    kubernetes_sd_configs:\n      - role: pod\n' },
  });
  const objstore = configMap({ namespace: ns, name: 'thanos-objstore', createdAgo: 300 * DAYS, data: { 'objstore.yml': 'type: S3\nconfig:\n  bucket: acme-prod-eu-1-thanos\n  endpoint: s3.eu-west-1.amazonaws.com\n  region: eu-west-1\n' } });
  const pod = podOf(compact, 0);
  // The 2h block window that overlaps: 2026-11-20 16:00–18:00 UTC.
  const mint = Date.UTC(2026, 10, 20, 16);
  const maxt = Date.UTC(2026, 10, 20, 18);
  const ts = (m: number) => at(m);
  const halted = 8 * HOURS + 47;
  const pre: string[] = [];
  for (let h = 22; h >= 10; h -= 3) {
    const m = h * HOURS + 11;
    pre.push(
      `ts=${ts(m)} caller=compact.go:1414 level=info msg="start sync of metas"`,
      `ts=${ts(m - 0.3)} caller=fetcher.go:623 level=info component=block.BaseFetcher msg="successfully synchronized block metadata" duration=17.912s duration_ms=17912 cached=4718 returned=3160 partial=0`,
      `ts=${ts(m - 0.4)} caller=compact.go:1419 level=info msg="start of GC"`,
      `ts=${ts(m - 0.5)} caller=compact.go:1442 level=info msg="start of compactions"`,
      `ts=${ts(m - 3.2)} caller=compact.go:1196 level=info group="0@{cluster=\\"prod-eu-1\\", env=\\"prod\\"}" groupKey=0@12960357842318771460 msg="compaction available and planned" plan="[01MCZ${h}K4Q7W3T8N5B2XR6PDHA (min time: ${mint - h * 3_600_000}, max time: ${mint - h * 3_600_000 + 7_200_000})]"`,
      `ts=${ts(m - 6.8)} caller=compact.go:1477 level=info msg="compaction iterations done"`,
      `ts=${ts(m - 6.9)} caller=compact.go:482 level=info msg="start first pass of downsampling"`,
      `ts=${ts(m - 9.1)} caller=compact.go:495 level=info msg="start second pass of downsampling"`,
      `ts=${ts(m - 9.6)} caller=compact.go:530 level=info msg="downsampling iterations done"`,
      `ts=${ts(m - 9.7)} caller=retention.go:32 level=info msg="start optional retention"`,
      `ts=${ts(m - 9.8)} caller=retention.go:47 level=info msg="optional retention apply done"`,
    );
    if (h === 16) pre.push(`ts=${ts(m - 9.85)} caller=block.go:203 level=warn msg="requested to mark for deletion, but file already exists; this should not happen; investigate" err="file 01MCWQ2H7RZK5D9F3V8N4TJ6BX/deletion-mark.json already exists in bucket"`);
  }
  const a = '01MD0C4T9R2Y6K8W1Q5B7N3ZHX';
  const b = '01MD0C5J3F8V2X6P4T9M1R7KDA';
  const current = lines(
    ...pre,
    `ts=${ts(halted + 14)} caller=compact.go:1414 level=info msg="start sync of metas"`,
    `ts=${ts(halted + 13.6)} caller=fetcher.go:623 level=info component=block.BaseFetcher msg="successfully synchronized block metadata" duration=18.407s duration_ms=18407 cached=4731 returned=3174 partial=0`,
    `ts=${ts(halted + 13.5)} caller=compact.go:1419 level=info msg="start of GC"`,
    `ts=${ts(halted + 13.4)} caller=compact.go:1442 level=info msg="start of compactions"`,
    `ts=${ts(halted)} caller=compact.go:559 level=error msg="critical error detected; halting" err="compaction: group 0@12960357842318771460: pre compaction overlap check: overlaps found while gathering blocks. [mint: ${mint}, maxt: ${maxt}, range: 2h0m0s, blocks: 2]: <ulid: ${a}, mint: ${mint}, maxt: ${maxt}, range: 2h0m0s>, <ulid: ${b}, mint: ${mint}, maxt: ${maxt}, range: 2h0m0s>"`,
  );
  const queryLog = lines(
    `ts=${ts(2 * HOURS + 3)} caller=endpointset.go:425 level=info component=endpointset msg="adding new store with [storeEndpoints]" address=10.0.120.44:10901 extLset="{cluster=\\"prod-eu-1\\", env=\\"prod\\"}"`,
    `ts=${ts(0.9)} caller=endpointset.go:463 level=warn component=endpointset msg="update of endpoint failed" err="getting metadata: fallback fetching info from 10.0.120.61:10901: rpc error: code = DeadlineExceeded desc = context deadline exceeded" address=10.0.120.61:10901`,
  );
  return {
    id: 'heldout60-thanos-compactor-halted-overlap',
    class: 'storage',
    truth: 'thanos-compact hit two overlapping 2h blocks for 2026-11-20 16:00–18:00 in the same group (the prometheus_replica external label disappeared from prometheus.yml in an edit 11 hours ago, so both Prometheus replicas uploaded blocks with identical labels). The compactor logged "critical error detected; halting" with a pre-compaction overlap check error about 8h47m ago and has done no compaction, downsampling or retention since, while the pod stays Running and Ready with no restarts (halting keeps the process up). Restore the replica label and mark one of the overlapping blocks for deletion (or enable vertical compaction), then restart the compactor.',
    ask: { service: 'thanos-compact', namespace: ns },
    objects: [
      ...nodes, ...compact.objects, cClaim, cVol, ...store.objects, ...query.objects, promCfg, objstore,
      ...exposed({ namespace: ns, name: 'thanos-compact', selector: { app: 'thanos-compact' }, pods: compact.pods, ports: [{ name: 'http', port: 10902, targetPort: 'http' }], endpointPort: 10902 }),
      ...exposed({ namespace: ns, name: 'thanos-store', selector: { app: 'thanos-store' }, pods: store.pods, ports: [{ name: 'grpc', port: 10901, targetPort: 'grpc' }], endpointPort: 10901 }),
      ...exposed({ namespace: ns, name: 'thanos-query', selector: { app: 'thanos-query' }, pods: query.pods, ports: [{ name: 'http', port: 9090, targetPort: 'http' }], endpointPort: 10902 }),
      ...restartedAgain(podOf(store, 0), 'thanos-store', thanosImage, { count: 1, firstAgo: 19 * HOURS - 0.1, lastAgo: 19 * HOURS - 0.1 }),
    ],
    logs: [
      logsFor(pod, 'thanos-compact', { current }),
      logsFor(podOf(query, 0), 'thanos-query', { current: queryLog }),
      logsFor(podOf(store, 0), 'thanos-store', { current: lines(`ts=${ts(19 * HOURS - 0.5)} caller=store.go:495 level=info msg="bucket store ready" init_duration=1m12.48s`, `ts=${ts(2.4)} caller=bucket.go:682 level=info msg="loaded new block" elapsed=212ms id=01MD0T6G2K9X4B7R1W5N8QZ3PC`), previous: lines(`ts=${ts(19 * HOURS + 4)} caller=bucket.go:1342 level=warn msg="series limit almost reached" limit=0 fetched=41822317`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/halt|overlap/i],
      facts: [/overlap/i, /halt/i],
      never: [/crash ?loop/i, /\bOOM/, /thanos-store[^\n]{0,40}(cause|OOM|fail)/i, /probe (fail|kill)/i],
    },
  };
}

// ---- 6. Varnish malloc storage too small for large exports --------------------------------------------

function varnishMallocTooSmall(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.36', ['61', '150', '222']);
  const vImage = 'docker.io/library/varnish:7.5.0';
  const ncsaFormat = '%{Varnish:side}x %h %t "%r" %s %b %{Varnish:handling}x %D fetch_error="%{VSL:FetchError}x"';
  const cache = deploymentApp({
    namespace: ns, name: 'api-cache', replicas: 2,
    revisions: [
      { revision: 5, createdAgo: 95 * DAYS, template: { containers: [container({ name: 'varnish', image: 'docker.io/library/varnish:7.4.3', command: ['varnishd'], args: ['-F', '-a', ':8080', '-f', '/etc/varnish/default.vcl', '-s', 'malloc,256m'], ports: [8080], memory: '512Mi' })] } },
      {
        revision: 6, createdAgo: 41 * DAYS, changeCause: 'argocd: api-cache varnish 7.5.0, ncsa sidecar',
        template: {
          containers: [
            container({
              name: 'varnish', image: vImage, command: ['varnishd'],
              args: ['-F', '-a', ':8080', '-a', ':8443,PROXY', '-f', '/etc/varnish/default.vcl', '-s', 'malloc,256m', '-p', 'nuke_limit=50', '-p', 'http_resp_hdr_len=16k', '-p', 'thread_pool_min=50'],
              ports: [8080], cpu: '500m', memory: '512Mi',
              readiness: httpProbe('/healthcheck', 8080, { periodSeconds: 5 }), liveness: tcpProbe(8080, { initialDelaySeconds: 10 }),
              volumeMounts: [{ name: 'vcl', mountPath: '/etc/varnish', readOnly: true }, { name: 'varnish-shm', mountPath: '/var/lib/varnish' }],
            }),
            container({
              name: 'varnishncsa', image: vImage, command: ['varnishncsa'], args: ['-b', '-c', '-F', ncsaFormat],
              ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null,
              volumeMounts: [{ name: 'varnish-shm', mountPath: '/var/lib/varnish', readOnly: true }],
            }),
          ],
          volumes: [{ name: 'vcl', configMap: { name: 'api-cache-vcl' } }, { name: 'varnish-shm', emptyDir: { medium: 'Memory', sizeLimit: '128Mi' } }],
        },
      },
    ],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 17 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 17 * DAYS }],
  });
  const rImage = `${ECR}/edge/reports-api:4.3.1`;
  const reports = deploymentApp({
    namespace: ns, name: 'reports-api', replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 22 * DAYS, changeCause: 'argocd: reports-api 4.3.0', template: { containers: [container({ image: `${ECR}/edge/reports-api:4.3.0`, memory: '2Gi' })] } },
      { revision: 28, createdAgo: 2 * DAYS + 300, changeCause: 'argocd: reports-api 4.3.1', template: { containers: [container({ image: rImage, memory: '2Gi' })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 2 * DAYS + 299 - k })),
  });
  const accounts = bystander(ns, 'accounts-api', names, 5 * HOURS, { revisions: [60, 61], versions: ['9.1.2', '9.1.3'], olderAgo: 11 * DAYS });
  const vcl = configMap({
    namespace: ns, name: 'api-cache-vcl', createdAgo: 95 * DAYS, updatedAgo: 41 * DAYS,
    data: { 'default.vcl': 'vcl 4.1;\n\nimport std;\n\nbackend reports {\n  .host = "reports-api.edge.svc.cluster.local";\n  .port = "80";\n  .first_byte_timeout = 120s;\n  .between_bytes_timeout = 30s;\n}\n\nbackend accounts {\n  .host = "accounts-api.edge.svc.cluster.local";\n  .port = "80";\n}\n\nsub vcl_recv {\n  if (req.url == "/healthcheck") { return (synth(200, "OK")); }\n  if (req.url ~ "^/v1/reports") { set req.backend_hint = reports; } else { set req.backend_hint = accounts; }\n  unset req.http.Cookie;\n}\n\nsub vcl_backend_response {\n  if (bereq.url ~ "^/v1/reports/.*/export") {\n    # exports are assembled server-side; buffer them so a partial body is never cached\n    set beresp.do_stream = false;\n    set beresp.ttl = 6h;\n  } else {\n    set beresp.ttl = 5m;\n  }\n}\n' },
  });
  const [p0, p1] = [podOf(cache, 0), podOf(cache, 1)];
  const clients = ['10.0.36.91', '10.0.41.17', '10.0.36.140'];
  const exports = [
    ['/v1/reports/2026-Q3/ledger/export?format=csv', 412_338_772],
    ['/v1/reports/2026-10/transactions/export?format=csv', 298_114_530],
    ['/v1/reports/2026-Q3/ledger/export?format=xlsx', 331_902_118],
  ] as const;
  const ncsa = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const m = 24 - i * 1.7 - k * 0.4;
      const c = clients[(i + k) % clients.length] ?? '10.0.36.91';
      if (i % 4 === 1) {
        const [url, size] = exports[(i + k) % exports.length] ?? exports[0];
        out.push(
          `b 10.0.36.150 [${clfTime(m)}] "GET http://reports-api.edge.svc.cluster.local${url} HTTP/1.1" 200 ${Math.round(size * 0.61)} - ${21_400_000 + i * 91_000} fetch_error="Could not get storage"`,
          `c ${c} [${clfTime(m - 0.01)}] "GET http://api.acme.internal${url} HTTP/1.1" 503 282 miss ${21_600_000 + i * 91_000} fetch_error="-"`,
        );
      } else {
        const path = ['/v1/accounts/me', '/v1/reports/2026-11/summary', '/v1/accounts/a-48213/limits', '/v1/reports/catalog'][i % 4] ?? '/v1/accounts/me';
        out.push(`c ${c} [${clfTime(m)}] "GET http://api.acme.internal${path} HTTP/1.1" 200 ${1800 + i * 377} ${i % 3 === 0 ? 'miss' : 'hit'} ${i % 3 === 0 ? 48_211 + i * 310 : 161 + i} fetch_error="-"`);
        if (i % 3 === 0) out.push(`b 10.0.36.150 [${clfTime(m)}] "GET http://accounts-api.edge.svc.cluster.local${path} HTTP/1.1" 200 ${1800 + i * 377} - ${47_902 + i * 300} fetch_error="-"`);
      }
    }
    return lines(...out);
  };
  const varnishd = lines(
    'Warnings:',
    'VCL compiled.',
    '',
    'Debug: Version: varnish-7.5.0 revision eef25264e5ca5f96a77129308edb83ccf84cb1b1',
    'Debug: Platform: Linux,6.1.112-122.189.amzn2023.x86_64,x86_64,-junix,-smalloc,-sdefault,-hcritbit',
    'Debug: Child (19) Started',
    'Child launched OK',
    'Info: Child (19) said Child starts',
    'Info: Child (19) said SMA.s0: max size 256 MB.',
  );
  const reportsLog = (p: k8s.V1Pod) => lines(
    `${pyTime(20.1)} INFO reports.export: export ready report=2026-Q3/ledger format=csv rows=3120448 bytes=412338772 ms=19877 pod=${nameOf(p)}`,
    `${pyTime(20.1)} INFO uvicorn.access: 10.0.36.150:0 - "GET /v1/reports/2026-Q3/ledger/export?format=csv HTTP/1.1" 200`,
    `${pyTime(11.4)} WARNING reports.export: client disconnected after 251658240 bytes report=2026-10/transactions`,
    `${pyTime(3.2)} INFO uvicorn.access: 10.0.36.150:0 - "GET /v1/reports/2026-11/summary HTTP/1.1" 200`,
  );
  return {
    id: 'heldout60-varnish-malloc-storage-too-small',
    class: 'capacity',
    truth: 'api-cache runs varnishd with `-s malloc,256m`, and the export VCL buffers responses (do_stream = false). The quarterly ledger and monthly transaction exports are 300–410 MB, larger than the whole 256 MB malloc storage, so Varnish cannot allocate them even after nuking the LRU: the backend fetch ends with FetchError "Could not get storage" and clients get 503 Backend fetch failed, while small API responses are served normally and reports-api itself answers 200. Give Varnish more storage (or pass/stream exports instead of caching them).',
    ask: { service: 'api-cache', namespace: ns },
    objects: [
      ...nodes, ...cache.objects, ...reports.objects, ...accounts.objects, vcl,
      ...exposed({ namespace: ns, name: 'api-cache', selector: { app: 'api-cache' }, pods: cache.pods }),
      ...exposed({ namespace: ns, name: 'reports-api', selector: { app: 'reports-api' }, pods: reports.pods }),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: accounts.pods }),
      scaledReplicaSet(deploymentOf(accounts), rsOf(accounts, 61), 2, 0, 5 * HOURS),
    ],
    logs: [
      logsFor(p0, 'varnish', { current: varnishd }),
      logsFor(p1, 'varnish', { current: varnishd }),
      logsFor(p0, 'varnishncsa', { current: ncsa(0) }),
      logsFor(p1, 'varnishncsa', { current: ncsa(1) }),
      ...reports.pods.map((p) => logsFor(p, 'app', { current: reportsLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/malloc|storage|256 ?m/i],
      facts: [/Could not get storage/i, /malloc,256m|256 ?M/i],
      never: [/reports-api[^\n]{0,40}(down|fail|broken|unhealthy|error)/i, /\bOOM/, /crash ?loop/i, /accounts-api/],
    },
  };
}

// ---- 7. healthy: RabbitMQ with short-lived publishers, memcached with steady evictions ----------------

function healthyRabbitShortLivedPublishers(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.147', ['33', '109', '246']);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-headless', podManagementPolicy: 'Parallel', createdAgo: 400 * DAYS,
    revisions: [{ revision: 7, createdAgo: 26 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'prometheus', containerPort: 15692 }], cpu: '1', memory: '3Gi', readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { timeoutSeconds: 10, periodSeconds: 30 }), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { timeoutSeconds: 10, periodSeconds: 30, initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '30Gi' }],
    pods: [0, 1, 2].map((o) => ({ revision: 7, ordinal: o, node: names[o] ?? '', createdAgo: 26 * DAYS - o * 4 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-rabbitmq-${o}`, storage: '30Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 400 * DAYS }));
  const pubImage = `${ECR}/loyalty/points-expiry-publisher:0.9.4`;
  const cron = cronJob({
    namespace: ns, name: 'points-expiry-publisher', schedule: '*/10 * * * *', createdAgo: 90 * DAYS, lastSuccessfulAgo: 3.6,
    template: { containers: [batchContainer({ name: 'publisher', image: pubImage, cpu: '100m', memory: '128Mi', env: [{ name: 'AMQP_URL', value: 'amqp://points-publisher@rabbitmq.loyalty.svc.cluster.local:5672/' }, { name: 'EXCHANGE', value: 'points.events' }] })] },
    jobs: [24, 14, 4].map((a) => ({ createdAgo: a, outcome: { complete: true as const, ago: a - 0.4 }, pods: [{ node: names[(a / 2) % 3] ?? '', createdAgo: a, phase: 'Succeeded' as const, containers: { publisher: terminated({ exitCode: 0, finishedAgo: a - 0.4, ranSeconds: 18 }) } }] })),
  });
  const cacheImage = 'docker.io/library/memcached:1.6.31-alpine';
  const cache = deploymentApp({
    namespace: ns, name: 'points-cache', replicas: 2,
    revisions: [{
      revision: 4, createdAgo: 58 * DAYS,
      template: {
        containers: [
          container({ name: 'memcached', image: cacheImage, command: ['memcached'], args: ['-m', '1024', '-c', '4096', '-t', '4', '-o', 'modern'], ports: [{ name: 'memcache', containerPort: 11211 }], cpu: '250m', memory: '1200Mi', readiness: tcpProbe('memcache'), liveness: tcpProbe('memcache', { initialDelaySeconds: 10 }) }),
          container({ name: 'exporter', image: 'quay.io/prometheus/memcached-exporter:v0.14.4', args: ['--memcached.address=localhost:11211', '--web.listen-address=:9150'], ports: [{ name: 'metrics', containerPort: 9150 }], cpu: '20m', memory: '32Mi', readiness: httpProbe('/metrics', 'metrics'), liveness: null }),
        ],
      },
    }],
    pods: [{ revision: 4, node: names[0] ?? '', createdAgo: 58 * DAYS - 1 }, { revision: 4, node: names[2] ?? '', createdAgo: 58 * DAYS - 2 }],
  });
  const apiImage = `${ECR}/loyalty/points-api:2.14.0`;
  const api = deploymentApp({
    namespace: ns, name: 'points-api', replicas: 3,
    revisions: [{ revision: 52, createdAgo: 6 * DAYS, changeCause: 'argocd: points-api 2.14.0', template: { containers: [container({ image: apiImage, memory: '768Mi', env: [{ name: 'MEMCACHED_SERVERS', value: 'points-cache.loyalty.svc.cluster.local:11211' }, { name: 'AMQP_URL', value: 'amqp://points-api@rabbitmq.loyalty.svc.cluster.local:5672/' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const jobPods = cron.jobs.map((j) => j.pods[0]).filter((p): p is k8s.V1Pod => p !== undefined);
  const rmqLog = (o: number) => {
    const self = ipOfPod(podOf(rmq, o));
    const out: string[] = [
      `${rmqTime(26 * DAYS - o * 4 - 1)} [info] <0.9.0> Time to start RabbitMQ: 21384 ms`,
      `${rmqTime(26 * DAYS - o * 4 - 2)} [info] <0.612.0> Server startup complete; 6 plugins started.`,
    ];
    // Every ten minutes a publisher connects to one node, publishes its batch and exits without closing the connection.
    [34, 24, 14, 4].forEach((a, i) => {
      if (i % 3 !== o && o !== 0) return;
      const p = jobPods[Math.min(i, jobPods.length - 1)];
      const ip = i === 0 ? '10.0.147.58' : ipOfPod(p);
      const pid = 88201 + a * 53 + o;
      const port = 39000 + a * 17;
      out.push(
        `${rmqTime(a - 0.12)} [info] <0.${pid}.0> accepting AMQP connection <0.${pid}.0> (${ip}:${port} -> ${self}:5672)`,
        `${rmqTime(a - 0.121)} [info] <0.${pid}.0> connection <0.${pid}.0> (${ip}:${port} -> ${self}:5672): user 'points-publisher' authenticated and granted access to vhost '/'`,
        `${rmqTime(a - 0.38)} [warning] <0.${pid}.0> closing AMQP connection <0.${pid}.0> (${ip}:${port} -> ${self}:5672, vhost: '/', user: 'points-publisher'):`,
        `${rmqTime(a - 0.38)} [warning] <0.${pid}.0> client unexpectedly closed TCP connection`,
      );
    });
    return lines(...out);
  };
  const statsLine = (m: number, k: number, i: number) =>
    `{"level":"info","ts":"${at(m)}","logger":"cache","msg":"memcached pool stats","servers":2,"get_hits":${18_400_211 + i * 61_004 + k * 1913},"get_misses":${592_118 + i * 1_987 + k * 71},"hit_ratio":0.969,"evictions":${4_118_302 + i * 1_402 + k * 3},"curr_items":${2_811_402 + (i % 3) * 211},"bytes_limit":2147483648,"bytes_used":${2_141_870_112 + (i % 2) * 1_204}}`;
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const m = 30 - i * 5 - k * 0.3;
      out.push(statsLine(m, k, i));
      out.push(`{"level":"info","ts":"${at(m - 0.5)}","logger":"http","msg":"request","method":"GET","path":"/v1/members/m-${4412 + i * 7 + k}/balance","status":200,"duration_ms":${6 + i}}`);
      out.push(`{"level":"info","ts":"${at(m - 1.1)}","logger":"amqp","msg":"consumed","queue":"points.expiry","count":${180 + i * 11},"acked":${180 + i * 11}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-healthy-rabbitmq-short-lived-publishers',
    class: 'healthy',
    truth: 'Nothing is wrong. The three-node RabbitMQ cluster has been up for 26 days and all nodes are Ready. Its warnings "client unexpectedly closed TCP connection" come from the points-expiry-publisher CronJob, whose short-lived pods publish a batch and exit without closing the AMQP connection; every run completed. The memcached behind points-api runs full with steady LRU evictions and a 97% hit ratio, which is normal for a cache.',
    ask: { service: 'rabbitmq', namespace: ns },
    objects: [
      ...nodes, ...rmq.objects, ...claims, ...cron.objects, ...cache.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, pods: rmq.pods, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'amqp', port: 5672, targetPort: 5672 }], endpointPort: 4369 }),
      ...exposed({ namespace: ns, name: 'points-cache', selector: { app: 'points-cache' }, pods: cache.pods, ports: [{ name: 'memcache', port: 11211, targetPort: 'memcache' }], endpointPort: 11211 }),
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: api.pods }),
      ...jobPods.map((p, i) => scheduled(p, [24, 14, 4][i] ?? 4)),
      ...cron.jobs.map((j, i) => event({ on: { kind: 'CronJob', name: 'points-expiry-publisher', namespace: ns }, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(j.objects[0])}, condition: Complete`, firstAgo: ([24, 14, 4][i] ?? 4) - 0.4, lastAgo: ([24, 14, 4][i] ?? 4) - 0.4, component: 'cronjob-controller' })),
    ],
    logs: [
      ...rmq.pods.map((p, o) => logsFor(p, 'rabbitmq', { current: rmqLog(o) })),
      ...jobPods.map((p) => logsFor(p, 'publisher', { current: lines(`${pyTime(1)} INFO publisher: published 214 points.expiry events to points.events`, `${pyTime(1)} INFO publisher: done in 14.2s`) })),
      ...cache.pods.map((p) => logsFor(p, 'exporter', { current: lines(`ts=${at(58 * DAYS - 1)} caller=main.go:78 level=info msg="Starting memcached_exporter" version="(version=0.14.4, branch=HEAD, revision=6a4f1c4)"`, `ts=${at(58 * DAYS - 1)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9150`) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/rabbitmq|healthy|no (problem|issue|failure)s?/i],
      facts: [/rabbitmq/i],
      never: [/crash ?loop/i, /\bOOM/, /points-cache[^\n]{0,40}(too small|undersized|full|increase|evict)/i, /connection (leak|storm)/i, /points-expiry-publisher[^\n]{0,40}(fail|broken|crash)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  chromeSandboxNoUserNamespaces(),
  torchCudaOomBatchSize(),
  javaSerialVersionSharedRedis(),
  rabbitExclusiveQueueLocked(),
  thanosCompactorHalted(),
  varnishMallocTooSmall(),
  healthyRabbitShortLivedPublishers(),
];
