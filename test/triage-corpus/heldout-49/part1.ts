// Held-out stories, forty-ninth round, part one: a reporting Deployment whose required node
// affinity needs a label that a node-label cleanup removed, so after a kubelet restart the kubelet
// rejects its pods at admission (NodeAffinity) and the replacements stay Pending; a hardening
// revision (allowPrivilegeEscalation: false, capabilities dropped) that breaks an entrypoint which
// drops from root with gosu; a CephFS claim whose quota is full (EDQUOT) while the app's own disk
// check looks at the wrong filesystem; an HPA scale-up whose new pods all hit SSM Parameter
// Store at startup and get throttled; a ConfigMap edit that pointed a publisher at a FIFO SQS
// queue (MessageGroupId missing); a Prometheus HA pair whose replica external label was dropped,
// so Mimir rejects the duplicate series; and a healthy Node.js control with startup warnings and
// nginx 499 lines.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event,
  exposed, failedScheduling, hpa, httpProbe, nameOf, node, nodeEvent, pvc, pv, pyTime, restartedAgain, rsOf,
  scaledReplicaSet, scheduled, startedNormally, statefulSetApp, service, ago, createdPod, replicaSetOf, volumeOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Go's logfmt time as Prometheus prints it: `2026-11-21T03:12:41.563Z`. */
const promTime = (m: number): string => at(m);

// ---- 1. node label cleanup + kubelet restart: pods rejected with NodeAffinity ------------------------

function nodeAffinityRejectedAfterLabelCleanup(): CorpusScenario {
  const ns = 'reporting';
  const { nodes: general, names: gnames } = threeEksNodes('10.0.36', ['14', '122', '203']);
  const poolNames = [eksNodeName('10.0.44.61'), eksNodeName('10.0.45.190')];
  // The cleanup replaced `workload.acme.io/pool=reporting` with the new `acme.io/nodepool=reporting`.
  const poolNodes = poolNames.map((n, i) => {
    const nd = node({ name: n, zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'reporting-r6i', instanceType: 'r6i.2xlarge', labels: { 'acme.io/nodepool': 'reporting', 'acme.io/team': 'data' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63369668Ki', pods: '58' } });
    nd.metadata = {
      ...nd.metadata,
      managedFields: [
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: ago(22 - i * 3), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
        { manager: 'kubectl-label', operation: 'Update', apiVersion: 'v1', time: ago(2 * HOURS + 10), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:acme.io/nodepool': {} } } } },
      ],
    };
    return nd;
  });
  const image = `${ECR}/reporting/report-builder:7.3.2`;
  const affinity: k8s.V1Affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'workload.acme.io/pool', operator: 'In', values: ['reporting'] }] }] },
    },
  };
  const tpl = {
    containers: [container({ image, ports: [8080], cpu: '2', memory: '12Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }] })],
    affinity,
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'reporting', effect: 'NoSchedule' }],
  };
  const msg = "0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";
  const rejected = 'Pod was rejected: Predicate NodeAffinity failed';
  const gone = { message: 'The container could not be located when the pod was terminated' };
  const app = deploymentApp({
    namespace: ns,
    name: 'report-builder',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 23 * DAYS, template: tpl, changeCause: 'argocd: report-builder 7.3.1' },
      { revision: 15, createdAgo: 6 * DAYS, template: tpl, changeCause: 'argocd: report-builder 7.3.2' },
    ],
    pods: [
      { revision: 15, node: poolNames[0] ?? '', createdAgo: 6 * DAYS, phase: 'Failed', reason: 'NodeAffinity', message: rejected, containers: { app: { state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: gone.message, startedAt: ago(6 * DAYS), finishedAt: ago(21) } }, ready: false, restartCount: 0, started: false } } },
      { revision: 15, node: poolNames[1] ?? '', createdAgo: 6 * DAYS - 2, phase: 'Failed', reason: 'NodeAffinity', message: rejected, containers: { app: { state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: gone.message, startedAt: ago(6 * DAYS - 2), finishedAt: ago(18) } }, ready: false, restartCount: 0, started: false } } },
      { revision: 15, node: null, createdAgo: 21, unschedulable: msg },
      { revision: 15, node: null, createdAgo: 18, unschedulable: msg },
    ],
  });
  const [f0, f1, p0, p1] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const other = bystander(ns, 'report-api', gnames, 47, { revisions: [31, 32], versions: ['3.9.0', '3.10.0'], olderAgo: 12 * DAYS });
  const rs = replicaSetOf(app, 15);
  const events = [
    ...poolNames.flatMap((n, i) => [
      nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 22 - i * 3 }),
      nodeEvent(n, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: 22 - i * 3 }),
      nodeEvent(n, 'NodeHasSufficientMemory', `Node ${n} status is now: NodeHasSufficientMemory`, { firstAgo: 22 - i * 3 }),
      nodeEvent(n, 'NodeHasNoDiskPressure', `Node ${n} status is now: NodeHasNoDiskPressure`, { firstAgo: 22 - i * 3 }),
      nodeEvent(n, 'NodeHasSufficientPID', `Node ${n} status is now: NodeHasSufficientPID`, { firstAgo: 22 - i * 3 }),
      nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 21.5 - i * 3 }),
    ]),
    event({ on: f0, reason: 'NodeAffinity', message: 'Predicate NodeAffinity failed', firstAgo: 21, lastAgo: 21 }),
    event({ on: f1, reason: 'NodeAffinity', message: 'Predicate NodeAffinity failed', firstAgo: 18, lastAgo: 18 }),
    createdPod(rs, p0, 21),
    createdPod(rs, p1, 18),
    failedScheduling(p0, msg, { count: 9, firstAgo: 21, lastAgo: 1.5 }),
    failedScheduling(p1, msg, { count: 7, firstAgo: 18, lastAgo: 2 }),
    ...other.pods.flatMap((p) => startedNormally(p, 'app', `${ECR}/${ns}/report-api:3.10.0`, 47)),
    event({ on: other.pods[0] ?? f0, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${other.pods[0]?.status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 46.5, lastAgo: 46.4, fieldPath: 'spec.containers{app}' }),
  ];
  const apiLog = lines(
    `2026-11-21T03:09:12.114Z  WARN 1 --- [report-api] [nio-8080-exec-4] c.a.r.client.BuilderClient : report builder unavailable (HTTP 503 from report-builder.reporting.svc), returning cached summary for tenant=acme-retail`,
    `2026-11-21T03:11:40.402Z  WARN 1 --- [report-api] [nio-8080-exec-9] c.a.r.client.BuilderClient : report builder unavailable (HTTP 503 from report-builder.reporting.svc), returning cached summary for tenant=northwind`,
  );
  return {
    id: 'heldout49-node-label-cleanup-kubelet-rejects-affinity',
    class: 'nodes',
    truth:
      'A node-label cleanup two hours ago renamed workload.acme.io/pool=reporting to acme.io/nodepool=reporting on both reporting nodes; the running report-builder pods kept running (IgnoredDuringExecution) until the kubelets restarted ~20 minutes ago and re-admitted them: both were rejected with "Predicate NodeAffinity failed" (Failed, reason NodeAffinity), and the replacements are Pending because no node carries the label the required nodeAffinity needs. Restore the label on the reporting nodes (or update the affinity to acme.io/nodepool).',
    ask: { service: 'report-builder', namespace: ns },
    objects: [
      ...general, ...poolNodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-builder', selector: { app: 'report-builder' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: other.pods }),
      ...events,
    ],
    logs: [
      logsFor(other.pods[0], 'app', { current: apiLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/node ?affinity|node.?selector|affinity/i, /label|workload\.acme\.io\/pool/i],
      facts: [/Predicate NodeAffinity failed|NodeAffinity|rejected/i, /Pending|didn't match/i, /workload\.acme\.io\/pool/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /insufficient (cpu|memory)/i, /report-api[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 2. hardening revision breaks gosu privilege drop ----------------------------------------------

function gosuBlockedByNoPrivilegeEscalation(): CorpusScenario {
  const ns = 'content';
  const { nodes, names } = threeEksNodes('10.0.52', ['9', '141', '230']);
  const image = `${ECR}/content/docs-renderer:2.18.4`;
  const base = {
    image, ports: [3000], cpu: '300m', memory: '512Mi',
    readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }),
    volumeMounts: [{ name: 'cache', mountPath: '/var/cache/renderer' }],
  };
  const volumes = [{ name: 'cache', emptyDir: { sizeLimit: '2Gi' } }];
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-renderer',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 19 * DAYS, changeCause: 'argocd: docs-renderer 2.18.4', template: { containers: [container(base)], volumes } },
      {
        revision: 12, createdAgo: 34, changeCause: 'argocd: platform-hardening PR #412 (restricted securityContext baseline)',
        template: { containers: [container({ ...base, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } })], volumes },
      },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 19 * DAYS },
      { revision: 11, node: names[1] ?? '', createdAgo: 19 * DAYS - 1, containers: { app: { state: { running: { startedAt: ago(3 * DAYS) } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ago(19 * DAYS), finishedAt: ago(3 * DAYS) } }, ready: true, restartCount: 1, started: true } } },
      { revision: 11, node: names[2] ?? '', createdAgo: 19 * DAYS - 2 },
      { revision: 12, node: names[1] ?? '', createdAgo: 34, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 0.3 }, 11) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 34, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 0.3 }, 11) } },
    ],
  });
  const bad = [podOf(app, 3), podOf(app, 4)];
  const dep = deploymentOf(app);
  const other = bystander(ns, 'docs-search', names, 3 * HOURS, { revisions: [5, 6], versions: ['1.4.0', '1.5.0'], olderAgo: 30 * DAYS });
  const crashed = lines(
    'docker-entrypoint.sh: ensuring /var/cache/renderer is owned by renderer:renderer',
    "chown: changing ownership of '/var/cache/renderer': Operation not permitted",
    'docker-entrypoint.sh: dropping privileges to renderer (uid 10001)',
    'error: failed switching to "renderer": operation not permitted',
  );
  const oldLog = lines(
    'docker-entrypoint.sh: ensuring /var/cache/renderer is owned by renderer:renderer',
    'docker-entrypoint.sh: dropping privileges to renderer (uid 10001)',
    `{"level":30,"time":${ago(19 * DAYS).getTime()},"pid":1,"hostname":"docs-renderer","msg":"docs-renderer 2.18.4 listening on :3000"}`,
    `{"level":40,"time":${ago(40).getTime()},"pid":1,"hostname":"docs-renderer","msg":"render slow","path":"/guides/billing/invoices","ms":2140}`,
    `{"level":30,"time":${ago(0.6).getTime()},"pid":1,"hostname":"docs-renderer","msg":"request completed","path":"/guides/api/webhooks","statusCode":200,"ms":41}`,
  );
  const events = [
    scaledReplicaSet(dep, rsOf(app, 12), 1, 0, 34),
    scaledReplicaSet(dep, rsOf(app, 11), 3, 4, 34),
    scaledReplicaSet(dep, rsOf(app, 12), 2, 1, 34),
    ...bad.flatMap((p, i) => [
      scheduled(p, 34),
      ...restartedAgain(p, 'app', image, { count: 12, firstAgo: 34, lastAgo: i === 0 ? 2.5 : 1.2 }),
      backOff(p, 'app', { count: 150 + i * 7, firstAgo: 33.8 }),
    ]),
  ];
  return {
    id: 'heldout49-gosu-no-privilege-escalation',
    class: 'rollout',
    truth:
      'Revision 12 of docs-renderer (the platform-hardening change 34 minutes ago) set allowPrivilegeEscalation: false and dropped ALL capabilities; the image\'s entrypoint starts as root and uses gosu to switch to the renderer user, which now fails with "failed switching to \\"renderer\\": operation not permitted", so both new pods crash-loop while the three revision-11 pods still serve. Roll back to revision 11 (or set runAsUser 10001 and drop the gosu step) before re-applying the hardening.',
    ask: { service: 'docs-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'docs-renderer', selector: { app: 'docs-renderer' }, pods: app.pods, endpointPort: 3000 }),
      ...events,
    ],
    logs: [
      ...bad.map((p) => logsFor(p, 'app', { previous: crashed, current: crashed })),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/allowPrivilegeEscalation|privilege|capabilit|gosu|securityContext|operation not permitted/i],
      facts: [/operation not permitted/i, /revision 12|hardening|securityContext/i, /CrashLoopBackOff|crash/i],
      never: [/\bOOM/, /image ?pull|ErrImagePull/i, /docs-search[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 3. CephFS quota (EDQUOT) --------------------------------------------------------------------

function cephfsQuotaExceeded(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.88', ['40', '119', '212']);
  const image = `${ECR}/media/upload-service:5.2.0`;
  const claimName = 'media-uploads';
  const volName = volumeOf(ns, claimName);
  const claim = pvc({ namespace: ns, name: claimName, storage: '50Gi', storageClass: 'cephfs', phase: 'Bound', volumeName: volName, accessModes: ['ReadWriteMany'], createdAgo: 210 * DAYS, annotations: { 'volume.kubernetes.io/storage-provisioner': 'cephfs.csi.ceph.com', 'volume.beta.kubernetes.io/storage-provisioner': 'cephfs.csi.ceph.com' } });
  const vol = pv({
    name: volName, storage: '50Gi', claim: { namespace: ns, name: claimName }, storageClass: 'cephfs', accessModes: ['ReadWriteMany'], createdAgo: 210 * DAYS,
    csi: { driver: 'cephfs.csi.ceph.com', volumeHandle: '0001-0009-rook-ceph-0000000000000001-6f1e2a9c-4b7d-11ef-9c1a-0a58a9feac02' },
  });
  const tpl = {
    containers: [container({
      image, ports: [8000], cpu: '500m', memory: '1Gi',
      env: [{ name: 'MEDIA_ROOT', value: '/srv/media' }, { name: 'MIN_FREE_DISK_PCT', value: '10' }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'uploads', mountPath: '/srv/media' }],
    })],
    volumes: [{ name: 'uploads', persistentVolumeClaim: { claimName } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'upload-service',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 26 * DAYS, changeCause: 'argocd: upload-service 5.1.7', template: tpl },
      { revision: 41, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: upload-service 5.2.0', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - k })),
    settled: { available: true, availableSince: 2 * DAYS + 5 * HOURS - 3, progressingSince: 2 * DAYS + 5 * HOURS },
  });
  const other = bystander(ns, 'thumbnailer', names, 55, { revisions: [18, 19], versions: ['3.0.2', '3.1.0'], olderAgo: 9 * DAYS });
  const tenants = ['acme-retail', 'globex', 'initech', 'umbrella', 'hooli'];
  const log = (k: number) => {
    const out: string[] = [
      `${pyTime(2 * DAYS + 5 * HOURS - k - 0.2)} INFO [uvicorn.error] Application startup complete.`,
      `${pyTime(40 - k)} INFO [uploads.health] disk check ok path=/ free_pct=71.4 min_free_pct=10`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 46 - i * 5 - k * 0.7;
      const tenant = tenants[(i + k) % tenants.length] ?? 'acme';
      const key = `${tenant}/2026/11/21/${(0x5f3a1 + i * 977 + k * 131).toString(16)}.jpg`;
      out.push(
        `${pyTime(t)} ERROR [uploads.storage] failed to persist upload tenant=${tenant} key=${key} size=${1_800_000 + i * 213_771}`,
        'Traceback (most recent call last):',
        '  File "/app/uploads/storage.py", line 88, in save',
        '    with open(tmp_path, "wb") as fh:',
        '  File "/app/uploads/storage.py", line 91, in save',
        '    shutil.copyfileobj(src, fh, length=1024 * 1024)',
        '  File "/usr/local/lib/python3.12/shutil.py", line 204, in copyfileobj',
        '    fdst_write(buf)',
        `OSError: [Errno 122] Disk quota exceeded: '/srv/media/.tmp/${key.replace(/\//g, '_')}.part'`,
        `${pyTime(t - 0.01)} INFO [uvicorn.access] 10.0.${40 + i}.${17 + k}:0 - "PUT /v1/uploads/${tenant} HTTP/1.1" 500`,
      );
      if (i % 3 === 1) out.push(`${pyTime(t - 0.3)} INFO [uploads.health] disk check ok path=/ free_pct=71.${3 - (i % 3)} min_free_pct=10`);
    }
    out.push(`${pyTime(0.5)} INFO [uvicorn.access] 10.0.41.9:0 - "GET /v1/media/acme-retail/2026/11/20/5f3a1.jpg HTTP/1.1" 200`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout49-cephfs-quota-edquot',
    class: 'storage',
    truth:
      'The CephFS subvolume behind the media-uploads claim (50Gi, cephfs.csi.ceph.com) reached its quota about 50 minutes ago: every upload write fails with OSError [Errno 122] Disk quota exceeded (EDQUOT) and PUT /v1/uploads returns 500 on all three pods, while the app\'s disk check looks at the container root filesystem and reports 71% free. Expand the claim (or clean up old uploads) — nothing in the pods or the rollout two days ago is at fault.',
    ask: { service: 'upload-service', namespace: ns },
    objects: [
      ...nodes, claim, vol, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'upload-service', selector: { app: 'upload-service' }, pods: app.pods, endpointPort: 8000 }),
      ...other.pods.flatMap((p) => startedNormally(p, 'app', `${ECR}/${ns}/thumbnailer:3.1.0`, 55)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/quota|EDQUOT|Errno 122|122/i, /ceph|media-uploads|claim|volume|PVC|storage/i],
      facts: [/Disk quota exceeded|EDQUOT|Errno 122/i, /media-uploads/, /50Gi|expand|resize|clean/i],
      never: [/\bOOM/, /DiskPressure|node[^\n]*disk pressure/i, ADVISES_ROLLBACK, /thumbnailer[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 4. HPA scale-up → SSM Parameter Store throttling ------------------------------------------------

function ssmThrottlingAfterScaleUp(): CorpusScenario {
  const ns = 'pricing';
  const { nodes: n3, names: n3names } = threeEksNodes('10.0.60', ['21', '98', '177']);
  const extra = [eksNodeName('10.0.61.44'), eksNodeName('10.0.62.130'), eksNodeName('10.0.63.12')].map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 12 }));
  const names = [...n3names, ...extra.map(nameOf)];
  const image = `${ECR}/pricing/pricing-api:9.4.1`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '768Mi',
      env: [{ name: 'SSM_PARAMETER_PATH', value: '/pricing/prod/' }, { name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=576' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 20 }),
    })],
    serviceAccountName: 'pricing-api',
  };
  const steady = [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 22, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k }));
  const fresh = Array.from({ length: 26 }, (_, k) => {
    const crashing = k % 4 !== 0;
    return {
      revision: 22,
      node: names[k % names.length] ?? '',
      createdAgo: 14 - (k % 3) * 0.2,
      ...(crashing
        ? { containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.5 + (k % 5) * 0.6, ranSeconds: 4 }, 4 + (k % 3)) } }
        : { containers: { app: { state: { running: { startedAt: ago(3 + (k % 4)) } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(8), finishedAt: ago(7.9) } }, ready: true, restartCount: 3, started: true } } }),
    };
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 32,
    revisions: [
      { revision: 21, createdAgo: 17 * DAYS, changeCause: 'argocd: pricing-api 9.4.0', template: tpl },
      { revision: 22, createdAgo: 3 * DAYS, changeCause: 'argocd: pricing-api 9.4.1', template: tpl },
    ],
    pods: [...steady, ...fresh],
    settled: { available: true, availableSince: 3 * DAYS - 5, progressingSince: 3 * DAYS },
  });
  const dep = deploymentOf(app);
  const scaler = hpa({
    namespace: ns, name: 'pricing-api', target: { kind: 'Deployment', name: 'pricing-api' }, min: 6, max: 40, current: 32, desired: 32,
    cpu: { current: 88, target: 60, averageValue: '440m' }, lastScaleAgo: 14,
  });
  const crashLog = (k: number) => lines(
    `{"level":"info","time":"${at(1.5 + k * 0.1)}","pid":1,"msg":"pricing-api 9.4.1 starting","node":"v20.18.0"}`,
    `{"level":"info","time":"${at(1.5 + k * 0.1)}","pid":1,"msg":"loading configuration from SSM","path":"/pricing/prod/","recursive":true,"withDecryption":true}`,
    `{"level":"warn","time":"${at(1.47 + k * 0.1)}","pid":1,"msg":"GetParametersByPath retry","attempt":2,"page":7,"err":"ThrottlingException: Rate exceeded"}`,
    `{"level":"warn","time":"${at(1.46 + k * 0.1)}","pid":1,"msg":"GetParametersByPath retry","attempt":3,"page":7,"err":"ThrottlingException: Rate exceeded"}`,
    `{"level":"fatal","time":"${at(1.45 + k * 0.1)}","pid":1,"msg":"failed to load configuration, exiting","path":"/pricing/prod/","err":{"type":"ThrottlingException","message":"Rate exceeded","name":"ThrottlingException","$fault":"client","$metadata":{"httpStatusCode":400,"requestId":"${(0x7a1c3e + k * 4099).toString(16)}-5d2b-4c1e-9f0a-6b8e2d91c4f7","attempts":3,"totalRetryDelay":${612 + k * 37}},"__type":"ThrottlingException"}}`,
  );
  const okLog = lines(
    `{"level":"info","time":"${at(3 * DAYS - 0.2)}","pid":1,"msg":"pricing-api 9.4.1 starting","node":"v20.18.0"}`,
    `{"level":"info","time":"${at(3 * DAYS - 0.21)}","pid":1,"msg":"configuration loaded","parameters":143,"pages":15,"ms":1840}`,
    `{"level":"info","time":"${at(3 * DAYS - 0.22)}","pid":1,"msg":"listening","port":8080}`,
    `{"level":"warn","time":"${at(13)}","pid":1,"msg":"event loop lag","lagMs":212}`,
    `{"level":"info","time":"${at(0.4)}","pid":1,"req":{"method":"GET","url":"/v3/quotes?sku=AX-2291"},"res":{"statusCode":200},"responseTime":118}`,
  );
  const crashing = app.pods.slice(6).filter((_, k) => k % 4 !== 0);
  const events = [
    event({ on: { kind: 'HorizontalPodAutoscaler', metadata: scaler.metadata }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 16; reason: cpu resource utilization (percentage of request) above target', firstAgo: 15, lastAgo: 15, component: 'horizontal-pod-autoscaler' }),
    event({ on: { kind: 'HorizontalPodAutoscaler', metadata: scaler.metadata }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 32; reason: cpu resource utilization (percentage of request) above target', firstAgo: 14, lastAgo: 14, component: 'horizontal-pod-autoscaler' }),
    scaledReplicaSet(dep, rsOf(app, 22), 16, 6, 15),
    scaledReplicaSet(dep, rsOf(app, 22), 32, 16, 14),
    ...extra.map((n) => nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 12, component: 'node-controller' })),
    ...crashing.slice(0, 10).flatMap((p, i) => [
      scheduled(p, 14),
      ...restartedAgain(p, 'app', image, { count: 5 + (i % 3), firstAgo: 13.8, lastAgo: 0.5 + (i % 5) * 0.6 }),
      backOff(p, 'app', { count: 20 + i, firstAgo: 12 }),
    ]),
    ...crashing.slice(0, 4).map((p) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${p.status?.podIP ?? ''}:8080/ready": dial tcp ${p.status?.podIP ?? ''}:8080: connect: connection refused`, count: 3, firstAgo: 13, lastAgo: 2, fieldPath: 'spec.containers{app}' })),
  ];
  return {
    id: 'heldout49-ssm-throttling-after-hpa-scale-up',
    class: 'capacity',
    truth:
      'A traffic spike made the HPA scale pricing-api from 6 to 32 replicas 14 minutes ago; every new pod loads ~140 parameters from SSM Parameter Store (GetParametersByPath, 15 pages) at startup, the account\'s SSM API rate limit throttles them ("ThrottlingException: Rate exceeded"), the pods exit 1 and restart, and each restart makes more calls. The six pods started before the spike are fine. Cache the config (or raise SSM throughput / stagger startups) and cap the scale-up; the revision from three days ago is not at fault.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...n3, ...extra, ...app.objects, scaler,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      ...events,
    ],
    logs: [
      ...crashing.slice(0, 6).map((p, k) => logsFor(p, 'app', { previous: crashLog(k), current: crashLog(k).split('\n').slice(0, 3).join('\n') + '\n' })),
      logsFor(podOf(app, 0), 'app', { current: okLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Throttl|rate exceeded|SSM|Parameter Store/i],
      facts: [/ThrottlingException|Rate exceeded/i, /HPA|scal(ed|e-?up)|32 replicas|6 to 32/i, /crash|exit(ed)? (code )?1|restart/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /AccessDenied|IAM (role|permission)|not authori[sz]ed/i],
    },
  };
}

// ---- 5. ConfigMap switched to a FIFO SQS queue --------------------------------------------------------

function fifoQueueMissingMessageGroupId(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.24', ['33', '160', '241']);
  const image = `${ECR}/orders/order-events-publisher:4.7.0`;
  const cm = configMap({
    namespace: ns, name: 'order-publisher-config', createdAgo: 140 * DAYS, updatedAgo: 27,
    data: {
      QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/order-events.fifo',
      AWS_REGION: 'eu-west-1',
      OUTBOX_POLL_INTERVAL: '500ms',
      OUTBOX_BATCH_SIZE: '10',
      SPRING_PROFILES_ACTIVE: 'prod',
    },
  });
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '250m', memory: '640Mi',
      envFrom: [{ configMapRef: { name: 'order-publisher-config' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }),
    })],
    serviceAccountName: 'order-events-publisher',
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events-publisher',
    replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: order-events-publisher 4.7.0', template: tpl() },
      { revision: 19, createdAgo: 25, template: tpl(at(25)) },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 25 }, { revision: 19, node: names[2] ?? '', createdAgo: 24 }],
    settled: { available: true, availableSince: 23, progressingSince: 25 },
  });
  const dep = deploymentOf(app);
  const other = bystander(ns, 'order-api', names, 6 * HOURS, { revisions: [63, 64], versions: ['12.1.0', '12.2.0'], olderAgo: 5 * DAYS });
  const log = (k: number) => {
    const out = [
      `${at(24.6 - k).replace('Z', '+00:00')}  INFO 1 --- [           main] c.a.o.p.PublisherApplication             : Started PublisherApplication in 11.82 seconds (process running for 12.61)`,
      `${at(24.5 - k).replace('Z', '+00:00')}  INFO 1 --- [           main] c.a.o.p.sqs.SqsPublisher                 : publishing to https://sqs.eu-west-1.amazonaws.com/123456789012/order-events.fifo`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 22 - i * 2.1 - k * 0.3;
      const order = 88_412_300 + i * 17 + k * 5;
      out.push(
        `${at(t).replace('Z', '+00:00')} ERROR 1 --- [   outbox-poll-1] c.a.o.p.outbox.OutboxRelay               : send failed for outbox id=${order}, will retry (attempt ${Math.min(i + 1, 8)})`,
        `software.amazon.awssdk.services.sqs.model.SqsException: The request must contain the parameter MessageGroupId. (Service: Sqs, Status Code: 400, Request ID: ${(0x3c9f20a1 + i * 7919).toString(16)}-8e41-5a7c-b2d0-${(0x4f19e2c07d + k).toString(16)})`,
        '\tat software.amazon.awssdk.core.internal.http.CombinedResponseHandler.handleErrorResponse(CombinedResponseHandler.java:125)',
        '\tat software.amazon.awssdk.services.sqs.DefaultSqsClient.sendMessage(DefaultSqsClient.java:2471)',
        '\tat com.acme.orders.publisher.sqs.SqsPublisher.publish(SqsPublisher.java:58)',
      );
      if (i % 4 === 2) out.push(`${at(t - 0.2).replace('Z', '+00:00')}  WARN 1 --- [   outbox-poll-1] c.a.o.p.outbox.OutboxRelay               : outbox backlog growing: pending=${1200 + i * 310 + k * 40} oldest_age=${Math.round((22 - t + 2) * 60)}s`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout49-sqs-fifo-missing-messagegroupid',
    class: 'config',
    truth:
      'A kubectl edit of the order-publisher-config ConfigMap 27 minutes ago switched QUEUE_URL from the standard order-events queue to order-events.fifo; after the rollout restart 25 minutes ago both publisher pods send to the FIFO queue without a MessageGroupId, so every SendMessage fails with 400 "The request must contain the parameter MessageGroupId." and the outbox backlog grows. Revert QUEUE_URL to the standard queue and restart; rolling back the Deployment alone would not help since it reads the same ConfigMap.',
    ask: { service: 'order-events-publisher', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-events-publisher', selector: { app: 'order-events-publisher' }, pods: app.pods }),
      scaledReplicaSet(dep, rsOf(app, 19), 1, 0, 25),
      scaledReplicaSet(dep, rsOf(app, 18), 1, 2, 24),
      scaledReplicaSet(dep, rsOf(app, 19), 2, 1, 24),
      scaledReplicaSet(dep, rsOf(app, 18), 0, 1, 23),
      ...app.pods.flatMap((p, i) => startedNormally(p, 'app', image, 25 - i)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/MessageGroupId|FIFO|\.fifo/i],
      facts: [/order-events\.fifo/, /order-publisher-config|ConfigMap|QUEUE_URL/i],
      never: [/\bOOM/, /AccessDenied|IAM|credential/i, /order-api[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 6. Prometheus HA pair without replica label → Mimir rejects duplicates ---------------------------

function prometheusHaReplicaLabelDropped(): CorpusScenario {
  const ns = 'monitoring';
  const { nodes, names } = threeEksNodes('10.0.12', ['50', '171', '222']);
  const image = 'quay.io/prometheus/prometheus:v2.54.1';
  const reloader = 'ghcr.io/jimmidyson/configmap-reload:v0.13.1';
  const promYaml = [
    'global:',
    '  scrape_interval: 30s',
    '  evaluation_interval: 30s',
    '  external_labels:',
    '    cluster: prod-eu-1',
    '    environment: production',
    'remote_write:',
    '  - url: http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push',
    '    headers:',
    '      X-Scope-OrgID: prod',
    '    queue_config:',
    '      capacity: 10000',
    '      max_samples_per_send: 2000',
    '      max_shards: 50',
    'scrape_configs:',
    '  - job_name: kubernetes-pods',
    '    kubernetes_sd_configs:',
    '      - role: pod',
    '    relabel_configs:',
    '      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]',
    '        action: keep',
    '        regex: "true"',
    '  - job_name: kubernetes-nodes-cadvisor',
    '    scheme: https',
    '    kubernetes_sd_configs:',
    '      - role: node',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'prometheus-config', createdAgo: 300 * DAYS, updatedAgo: 52, data: { 'prometheus.yml': promYaml } });
  const tpl = {
    containers: [
      container({
        name: 'prometheus', image, ports: [{ name: 'web', containerPort: 9090 }], cpu: '1', memory: '6Gi',
        args: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus', '--storage.tsdb.retention.time=24h', '--web.enable-lifecycle', '--enable-feature=expand-external-labels'],
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
        readiness: httpProbe('/-/ready', 'web'), liveness: httpProbe('/-/healthy', 'web', { initialDelaySeconds: 30 }),
        volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus' }, { name: 'data', mountPath: '/prometheus' }],
      }),
      container({ name: 'config-reloader', image: reloader, ports: [], cpu: '10m', memory: '32Mi', readiness: null, liveness: null, args: ['--volume-dir=/etc/prometheus', '--webhook-url=http://127.0.0.1:9090/-/reload'], volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus', readOnly: true }] }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'prometheus-config' } }],
    serviceAccountName: 'prometheus',
  };
  const app = statefulSetApp({
    namespace: ns,
    name: 'prometheus',
    replicas: 2,
    serviceName: 'prometheus-operated',
    revisions: [{ revision: 7, createdAgo: 45 * DAYS, template: tpl }],
    pods: [
      { revision: 7, ordinal: 0, node: names[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 7, ordinal: 1, node: names[1] ?? '', createdAgo: 11 * DAYS - 3, containers: { prometheus: { state: { running: { startedAt: ago(6 * DAYS) } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ago(11 * DAYS), finishedAt: ago(6 * DAYS) } }, ready: true, restartCount: 1, started: true } } },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
  });
  const claims = [0, 1].map((i) => pvc({ namespace: ns, name: `data-prometheus-${i}`, storage: '100Gi', phase: 'Bound', volumeName: volumeOf(ns, `data-prometheus-${i}`), createdAgo: 45 * DAYS }));
  const grafanaish = bystander(ns, 'kube-state-metrics', names, 2 * HOURS, { revisions: [9, 10], versions: ['2.13.0', '2.14.0'], olderAgo: 60 * DAYS });
  const series = [
    '{__name__="container_cpu_usage_seconds_total", cluster="prod-eu-1", environment="production", container="checkout", namespace="shop", pod="checkout-6f7c9d8b5-2kq8x"}',
    '{__name__="http_requests_total", cluster="prod-eu-1", environment="production", job="kubernetes-pods", namespace="orders", pod="order-api-7d9b6c5f4-x7h2m", code="200"}',
    '{__name__="kube_pod_status_ready", cluster="prod-eu-1", environment="production", namespace="media", pod="upload-service-5c8d7b9f6-qq4lt", condition="true"}',
    '{__name__="node_cpu_seconds_total", cluster="prod-eu-1", environment="production", cpu="3", mode="idle", instance="10.0.12.171:9100"}',
  ];
  const promLog = (ord: number) => {
    const out = [
      `ts=${promTime(52 - ord * 0.02)} caller=main.go:1362 level=info msg="Loading configuration file" filename=/etc/prometheus/prometheus.yml`,
      `ts=${promTime(52 - ord * 0.02 - 0.01)} caller=dedupe.go:112 component=remote level=info remote_name=6a4b0c url=http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push msg="Starting WAL watcher" queue=6a4b0c`,
      `ts=${promTime(52 - ord * 0.02 - 0.01)} caller=dedupe.go:112 component=remote level=info remote_name=a91f3d url=http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push msg="Stopping remote storage..."`,
      `ts=${promTime(52 - ord * 0.02 - 0.02)} caller=main.go:1399 level=info msg="Completed loading of configuration file" filename=/etc/prometheus/prometheus.yml totalDuration=41.218113ms db_storage=1.6µs remote_storage=3.102µs web_handler=710ns query_engine=1.1µs scrape=288.4µs scrape_sd=95.2µs notify=2.3µs rules=12.9ms tracing=6.1µs`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 51 - i * 4.2 - ord * 0.4;
      const s = series[(i + ord) % series.length] ?? '';
      const dup = (i + ord) % 2 === 0;
      const ts = at(t + 0.5);
      const reason = dup
        ? `the sample has been rejected because another sample with the same timestamp, but a different value, has already been ingested (err-mimir-sample-duplicate-timestamp). The affected sample has timestamp ${ts} and is from series ${s}`
        : `the sample has been rejected because another sample with a more recent timestamp has already been ingested and out-of-order samples are not allowed (err-mimir-sample-out-of-order). The affected sample has timestamp ${ts} and is from series ${s}`;
      out.push(`ts=${promTime(t)} caller=dedupe.go:112 component=remote level=error remote_name=6a4b0c url=http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push msg="non-recoverable error" count=2000 exemplarCount=0 err="server returned HTTP status 400 Bad Request: failed pushing to ingester mimir-ingester-zone-${['a', 'b', 'c'][i % 3] ?? 'a'}-${i % 2}: user=prod: ${reason.replace(/"/g, '\\"')}"`);
      if (i % 5 === 3) out.push(`ts=${promTime(t - 0.1)} caller=dedupe.go:112 component=remote level=warn remote_name=6a4b0c url=http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push msg="Failed to send batch, retrying" err="Post \\"http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push\\": context deadline exceeded"`);
    }
    out.push(`ts=${promTime(18 + ord)} caller=compact.go:576 level=info component=tsdb msg="write block" mint=1763690400000 maxt=1763697600000 ulid=01JD${ord}X8Q2M7N4T6V9W3K5P1R0Y duration=1.918s ooo=false`);
    return out.join('\n') + '\n';
  };
  const reloaderLog = lines(
    `${at(11 * DAYS).replace('T', ' ').slice(0, 19)} Watching directory: "/etc/prometheus"`,
    `${at(52.1).replace('T', ' ').slice(0, 19)} config map updated`,
    `${at(52.05).replace('T', ' ').slice(0, 19)} successfully triggered reload`,
  );
  return {
    id: 'heldout49-prometheus-ha-replica-label-dropped',
    class: 'config',
    truth:
      'A ConfigMap edit 52 minutes ago (prometheus-config) removed the `__replica__: $(POD_NAME)` external label that Mimir\'s HA tracker uses to deduplicate the Prometheus HA pair; the config reloader applied it to both replicas, so prometheus-0 and prometheus-1 now remote-write identical series and Mimir rejects one of each pair with 400 "out-of-order sample" / "duplicate sample timestamp" errors (non-recoverable, samples dropped). Restore the replica external label in prometheus-config; the pods themselves are healthy.',
    ask: { service: 'prometheus', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...claims, ...grafanaish.objects,
      service({ namespace: ns, name: 'prometheus-operated', selector: { app: 'prometheus' }, ports: [{ name: 'web', port: 9090, targetPort: 'web' }], headless: true }),
      ...exposed({ namespace: ns, name: 'prometheus', selector: { app: 'prometheus' }, pods: app.pods, ports: [{ name: 'web', port: 9090, targetPort: 'web' }], endpointPort: 9090 }),
      event({ on: podOf(app, 1), type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 1).status?.podIP ?? ''}:9090/-/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 6 * 60, lastAgo: 6 * 60, fieldPath: 'spec.containers{prometheus}' }),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'prometheus', { current: promLog(i) })),
      ...app.pods.map((p) => logsFor(p, 'config-reloader', { current: reloaderLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/external.?label|__replica__|replica label|dedup|HA (pair|tracker)|both replicas|duplicate/i],
      facts: [/prometheus-config|ConfigMap/i, /out.of.order|duplicate|err-mimir-sample/i, /remote.?write|Mimir|400/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /clock|NTP|time ?skew/i, /kube-state-metrics[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 7. healthy control: Node.js with startup warnings and 499 lines --------------------------------

function healthyNodeWithStartupWarnings(): CorpusScenario {
  const ns = 'comms';
  const { nodes, names } = threeEksNodes('10.0.70', ['8', '134', '219']);
  const image = `${ECR}/comms/notify-gateway:6.2.3`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = {
    containers: [
      container({ image, ports: [3000], cpu: '200m', memory: '384Mi', command: ['npm', 'start'], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) }),
      container({ name: 'nginx', image: nginxImage, ports: [{ name: 'http', containerPort: 8080 }], cpu: '50m', memory: '64Mi', readiness: httpProbe('/nginx-health', 8080), liveness: null }),
    ],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'notify-gateway',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 20 * DAYS, changeCause: 'argocd: notify-gateway 6.2.2', template: tpl },
      { revision: 27, createdAgo: 4 * DAYS, changeCause: 'argocd: notify-gateway 6.2.3', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS },
  });
  const other = bystander(ns, 'notify-templates', names, 80, { revisions: [3, 4], versions: ['1.1.0', '1.2.0'], olderAgo: 40 * DAYS });
  const appLog = (k: number) => {
    const start = 4 * DAYS - k;
    const out = [
      '',
      '> notify-gateway@6.2.3 start',
      '> node dist/server.js',
      '',
      'npm warn config production Use `--omit=dev` instead.',
      '(node:18) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.',
      '(Use `node --trace-deprecation ...` to show where the warning was created)',
      `{"level":30,"time":${ago(start - 0.05).getTime()},"pid":18,"hostname":"notify-gateway","msg":"connected to redis","host":"notify-redis.comms.svc.cluster.local:6379"}`,
      '(node:18) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 error listeners added to [Redis]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit',
      `{"level":30,"time":${ago(start - 0.06).getTime()},"pid":18,"hostname":"notify-gateway","msg":"notify-gateway listening","port":3000,"version":"6.2.3"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.8 - k * 0.3;
      out.push(`{"level":30,"time":${ago(t).getTime()},"pid":18,"hostname":"notify-gateway","req":{"method":"POST","url":"/v1/push"},"res":{"statusCode":202},"responseTime":${24 + ((i * 13 + k * 7) % 40)},"msg":"request completed"}`);
    }
    return out.join('\n') + '\n';
  };
  const ngxLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 16; i++) {
      const t = 42 - i * 2.6 - k * 0.2;
      const ip = `10.0.${30 + (i % 4)}.${40 + k + i}`;
      if (i % 5 === 2) {
        out.push(`${ip} - - [${clfTime(t)}] "GET /v1/stream/events?device=ios-${(0x9a11 + i * 31 + k).toString(16)} HTTP/1.1" 499 0 "-" "NotifyKit/4.8.1 (iPhone; iOS 18.1)" rt=${(28 + i * 1.7).toFixed(3)} uct="0.000" urt="${(28 + i * 1.7).toFixed(3)}"`);
      } else {
        out.push(`${ip} - - [${clfTime(t)}] "POST /v1/push HTTP/1.1" 202 57 "-" "okhttp/4.12.0" rt=0.0${30 + i} uct="0.000" urt="0.0${28 + i}"`);
      }
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout49-healthy-node-startup-warnings-499',
    class: 'healthy',
    truth:
      'notify-gateway is healthy: all three pods have run four days without restarts and serve 202s. The MaxListenersExceededWarning printed once at startup (one extra error listener on the shared Redis client), the npm "--omit=dev" and punycode DEP0040 deprecation warnings, and the nginx 499 lines (mobile clients closing long-lived event streams) are benign noise.',
    ask: { service: 'notify-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notify-gateway', selector: { app: 'notify-gateway' }, pods: app.pods }),
      ...other.pods.flatMap((p) => startedNormally(p, 'app', `${ECR}/${ns}/notify-templates:1.2.0`, 80)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: ngxLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|fine|OK\b|running normally/i],
      facts: [/notify-gateway/],
      never: [/memory leak/i, /MaxListeners[^\n]*(caus|leak)/i, /499[^\n]*(error|fail)/i, /punycode[^\n]*(caus|break)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  nodeAffinityRejectedAfterLabelCleanup(),
  gosuBlockedByNoPrivilegeEscalation(),
  cephfsQuotaExceeded(),
  ssmThrottlingAfterScaleUp(),
  fifoQueueMissingMessageGroupId(),
  prometheusHaReplicaLabelDropped(),
  healthyNodeWithStartupWarnings(),
];
