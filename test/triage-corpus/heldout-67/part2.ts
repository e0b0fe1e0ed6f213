// Held-out stories, sixty-seventh round, part two: a ClickHouse StatefulSet pod whose local
// PersistentVolume is pinned to a node that was replaced; a storefront rollout stalled because the
// AWS Load Balancer Controller that sets its pods' target-health readiness gate crashloops; a
// distributed MinIO that lost write quorum when a node holding two of its four pods died; a Spring
// Boot 3 upgrade that silently ignores the old `spring.redis.*` keys and dials localhost; a MySQL
// 5.7 → 8.0 upgrade whose new my.cnf dropped the custom sql_mode, so ONLY_FULL_GROUP_BY breaks
// reports; a document renderer whose grown payloads turn into G1 humongous allocations and
// multi-second full GCs that fail the liveness probe; and a healthy control: a Redis started with
// the "Memory overcommit must be enabled!" warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clfTime, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, failedScheduling, httpProbe,
  namespace, nameOf, node, probeFailed, probeKilling, pvc, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, execProbe, boundClaim,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const sbTime = (m: number): string => at(m);
/** MySQL 8 error-log time: `2026-11-21T03:12:41.563000Z`. */
const myTime = (m: number): string => at(m).replace('Z', '000Z');
/** JVM unified logging time: `[2026-11-21T03:12:41.563+0000]`. */
const jvmTime = (m: number): string => `[${at(m).replace('Z', '+0000')}]`;
/** gunicorn's time: `[2026-11-21 03:12:41 +0000]`. */
const gunTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (m: number): string => {
  const d = new Date(at(m));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${at(m).slice(11, 23)}`;
};

// ---- 1. a local PersistentVolume pinned to a node that was replaced -------------------------------

function localVolumeOnReplacedNode(): CorpusScenario {
  const ns = 'analytics';
  const nodes = [
    node({ name: eksNodeName('10.0.51.23'), zone: 'eu-west-1a', pool: 'storage-i4i', instanceType: 'i4i.2xlarge' }),
    node({ name: eksNodeName('10.0.83.140'), zone: 'eu-west-1b', pool: 'storage-i4i', instanceType: 'i4i.2xlarge' }),
    node({ name: eksNodeName('10.0.117.66'), zone: 'eu-west-1c', pool: 'storage-i4i', instanceType: 'i4i.2xlarge', createdAgo: 2 * HOURS + 5, readySince: 2 * HOURS + 4 }),
    node({ name: eksNodeName('10.0.92.8'), zone: 'eu-west-1b', pool: 'general' }),
  ];
  const names = nodes.map(nameOf);
  const goneNode = eksNodeName('10.0.121.201');
  const image = 'docker.io/clickhouse/clickhouse-server:24.8.6.70';
  const tpl = {
    containers: [container({
      name: 'clickhouse', image, ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }],
      cpu: '3', memory: '24Gi', readiness: httpProbe('/ping', 'http', { periodSeconds: 5 }), liveness: httpProbe('/ping', 'http', { initialDelaySeconds: 60, timeoutSeconds: 3 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }],
    })],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'clickhouse' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'storage-i4i' },
  };
  const unsched = '0/4 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector, 3 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  const ch = statefulSetApp({
    namespace: ns, name: 'clickhouse', replicas: 3, serviceName: 'clickhouse-headless',
    revisions: [{ revision: 6, createdAgo: 34 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '1700Gi', storageClass: 'local-storage' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 11 * DAYS, containers: { clickhouse: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 8 * DAYS * 60 } }) } },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 11 * DAYS },
      { revision: 6, ordinal: 2, node: null, createdAgo: 2 * HOURS + 31, unschedulable: unsched },
    ],
  });
  const hosts = [names[0] ?? '', names[1] ?? '', goneNode];
  const volumes: KubeJson[] = [];
  [0, 1, 2].forEach((i) => {
    const claim = `data-clickhouse-${i}`;
    const pvName = `local-pv-${['3f9a21c7', '8b02d4e1', 'c71e5a09'][i]}`;
    volumes.push(pvc({ namespace: ns, name: claim, storage: '1700Gi', storageClass: 'local-storage', phase: 'Bound', volumeName: pvName, createdAgo: 140 * DAYS, annotations: { 'volume.kubernetes.io/selected-node': hosts[i] ?? '', 'volume.kubernetes.io/storage-provisioner': 'kubernetes.io/no-provisioner' } }));
    const v: k8s.V1PersistentVolume = {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: pvName, uid: `6e1b7a40-2c1d-4f7e-9a${i}3-5d0c8e2f41a${i}`, creationTimestamp: new Date(at(140 * DAYS)), labels: { 'storage.kubernetes.io/local-node': hosts[i] ?? '' }, annotations: { 'pv.kubernetes.io/provisioned-by': 'local-volume-provisioner-' + (hosts[i] ?? '') + '-7d3a', 'pv.kubernetes.io/bound-by-controller': 'yes' }, finalizers: ['kubernetes.io/pv-protection'] },
      spec: {
        accessModes: ['ReadWriteOnce'], capacity: { storage: '1769Gi' },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim, namespace: ns },
        local: { path: '/mnt/fast-disks/nvme1n1' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [hosts[i] ?? ''] }] }] } },
        persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'local-storage', volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    };
    volumes.push(v);
  });
  const p2 = podOf(ch, 2);
  const p0 = podOf(ch, 0);
  const other = bystander(ns, 'events-ingest', names.slice(3).concat(names.slice(0, 1)), 5 * HOURS, { revisions: [41, 42], versions: ['3.8.0', '3.8.1'], olderAgo: 9 * DAYS });
  const svc = [service({ namespace: ns, name: 'clickhouse-headless', selector: { app: 'clickhouse' }, headless: true, ports: [{ name: 'native', port: 9000, targetPort: 9000 }] })];
  return {
    id: 'heldout67-clickhouse-local-pv-replaced-node',
    class: 'storage',
    truth: `The storage node ${goneNode} was replaced by a node-group refresh; clickhouse-2's claim data-clickhouse-2 is bound to a local-storage PersistentVolume (local-pv-c71e5a09) whose nodeAffinity requires kubernetes.io/hostname=${goneNode}, a node that no longer exists, so the pod stays Pending with "volume node affinity conflict". The claim must be deleted (and the data re-replicated) for a new local volume on the replacement node.`,
    ask: { service: 'clickhouse', namespace: ns },
    objects: [
      namespace({ name: ns, createdAgo: 200 * DAYS }), ...nodes, ...ch.objects, ...volumes, ...svc, endpointSliceFor(svc[0] as k8s.V1Service, ch.pods, 9000), ...other.objects,
      failedScheduling(p2, unsched, { count: 38, firstAgo: 2 * HOURS + 31, lastAgo: 2 }),
      event({ on: { kind: 'StatefulSet', name: 'clickhouse', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod clickhouse-2 in StatefulSet clickhouse successful`, firstAgo: 2 * HOURS + 31, lastAgo: 2 * HOURS + 31, component: 'statefulset-controller' }),
      event({ on: { kind: 'Node', name: goneNode }, type: 'Normal', reason: 'RemovingNode', message: `Node ${goneNode} event: Removing Node ${goneNode} from Controller`, firstAgo: 2 * HOURS + 30, lastAgo: 2 * HOURS + 30, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: names[2] ?? '' }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${names[2]} event: Registered Node ${names[2]} in Controller`, firstAgo: 2 * HOURS + 4, lastAgo: 2 * HOURS + 4, component: 'node-controller' }),
    ],
    logs: [
      logsFor(p0, 'clickhouse', { current: lines(
        `${at(2 * HOURS + 20).replace('T', ' ').slice(0, 23)} [ 812 ] {} <Error> DNSResolver: Cannot resolve host (clickhouse-2.clickhouse-headless.analytics.svc.cluster.local), error 0: Host not found.`,
        `${at(40).replace('T', ' ').slice(0, 23)} [ 812 ] {} <Warning> analytics.events_local (ReplicatedMergeTreeRestartingThread): Replica clickhouse-2 is not active; 1812 parts to fetch are waiting in queue on it`,
        `${at(6).replace('T', ' ').slice(0, 23)} [ 97 ] {} <Information> analytics.events_local (MergeTreeBackgroundExecutor): Merged 6 parts into 202611_88112_88311_4`,
        `${at(3).replace('T', ' ').slice(0, 23)} [ 812 ] {} <Error> DNSResolver: Cannot resolve host (clickhouse-2.clickhouse-headless.analytics.svc.cluster.local), error 0: Host not found.`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/node affinity|local-pv-c71e5a09|data-clickhouse-2/i],
      facts: [lit(goneNode), /volume node affinity conflict/i],
      never: [/\bOOM/, /Insufficient (cpu|memory)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 2. ALB readiness gates never True: aws-load-balancer-controller crashlooping -----------------

function albReadinessGateControllerDown(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.64', ['12', '140', '203']);
  const image = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '500m', memory: '1Gi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 20 }) })] });
  const gate = 'target-health.elbv2.k8s.aws/k8s-storefro-storefro-6f0e4d2a91';
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-web 5.31.2', template: tpl('5.31.2') },
      { revision: 15, createdAgo: 47, changeCause: 'argocd: storefront-web 5.32.0', template: tpl('5.32.0') },
    ],
    pods: [
      ...[0, 1, 2, 3, 4, 5].map((k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 47, ready: false },
    ],
  });
  const newPod = podOf(web, 6);
  newPod.spec = { ...newPod.spec, containers: newPod.spec?.containers ?? [], readinessGates: [{ conditionType: gate }] };
  newPod.status = {
    ...newPod.status,
    conditions: (newPod.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${gate}" does not exist.` } : c.type === 'ContainersReady' ? { ...c, status: 'True', lastTransitionTime: new Date(at(46.5)) } : c)),
  };
  const lbcImage = 'public.ecr.aws/eks/aws-load-balancer-controller:v2.9.2';
  const lbcLog = lines(
    `{"level":"info","ts":"${at(1.2)}","msg":"version","GitVersion":"v2.9.2","GitCommit":"6c6e2b4b1f07a24e0bb7c9a7e5a6f2b2a1d0c8e3","BuildDate":"2024-10-16T18:40:37+0000"}`,
    `{"level":"error","ts":"${at(1.1)}","logger":"setup","msg":"unable to initialize AWS cloud","error":"failed to get VPC ID: failed to fetch VPC ID from instance metadata: error in fetching vpc id through ec2 metadata: get mac metadata: operation error ec2imds: GetMetadata, canceled, context deadline exceeded"}`,
  );
  const lbc = deploymentApp({
    namespace: 'kube-system', name: 'aws-load-balancer-controller', replicas: 2,
    selector: { 'app.kubernetes.io/name': 'aws-load-balancer-controller', 'app.kubernetes.io/instance': 'aws-load-balancer-controller' },
    revisions: [{ revision: 7, createdAgo: 33 * DAYS, template: { serviceAccountName: 'aws-load-balancer-controller', containers: [container({ name: 'aws-load-balancer-controller', image: lbcImage, args: ['--cluster-name=prod-eu-west-1', '--ingress-class=alb'], ports: [{ name: 'webhook-server', containerPort: 9443 }, { name: 'metrics-server', containerPort: 8080 }], cpu: '100m', memory: '256Mi', readiness: httpProbe('/readyz', 61779), liveness: httpProbe('/healthz', 61779, { initialDelaySeconds: 30, timeoutSeconds: 10, failureThreshold: 2 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 7, node: names[k + 1] ?? '', createdAgo: 46.3 - k * 0.1, containers: { 'aws-load-balancer-controller': crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 11 }, 13) } })),
  });
  const lbcPods = lbc.pods;
  const svc = exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: web.pods, endpointPort: 3000 });
  const other = bystander(ns, 'storefront-bff', names, 3 * HOURS, { revisions: [22, 23], versions: ['2.14.0', '2.14.1'], olderAgo: 12 * DAYS });
  const webLog = (v: string) => lines(
    `{"level":30,"time":${Date.parse(at(46.8))},"pid":1,"hostname":"storefront-web","msg":"storefront-web ${v} listening on :3000"}`,
    `{"level":30,"time":${Date.parse(at(2))},"pid":1,"hostname":"storefront-web","req":{"method":"GET","url":"/api/health"},"res":{"statusCode":200},"responseTime":2,"msg":"request completed"}`,
  );
  return {
    id: 'heldout67-alb-readiness-gate-controller-down',
    class: 'rollout',
    truth: `storefront-web's rollout to revision 15 stalled: its new pod runs and passes its own readiness probe, but the storefront namespace injects the ALB readiness gate ${gate}, and the aws-load-balancer-controller in kube-system that sets it went into CrashLoopBackOff a minute later (its pods, rescheduled when node ${names[0]} was cordoned, fail at start-up with "failed to get VPC ID" from instance metadata), so the gate never becomes True and maxUnavailable 0 holds the rollout. Revision 15 itself is fine.`,
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      namespace({ name: ns, createdAgo: 300 * DAYS, labels: { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' } }), ...nodes, ...web.objects, ...lbc.objects, ...svc, ...other.objects,
      scaledReplicaSet(web.objects[0] ?? {}, rsOf(web, 15), 1, 0, 47),
      ...startedNormally(newPod, 'app', image('5.32.0'), 47),
      ...lbcPods.flatMap((p) => [backOff(p, 'aws-load-balancer-controller', { count: 196, firstAgo: 45.8, lastAgo: 0.5 }), ...restartedAgain(p, 'aws-load-balancer-controller', lbcImage, { count: 14, firstAgo: 46.2, lastAgo: 1.3 })]),
      nodeEvent0(names[0] ?? ''),
    ],
    logs: [
      logsFor(newPod, 'app', { current: webLog('5.32.0') }),
      ...lbcPods.map((p) => logsFor(p, 'aws-load-balancer-controller', { previous: lbcLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/aws-load-balancer-controller|readiness ?gate|target-health/i],
      facts: [/target-health\.elbv2\.k8s\.aws|ReadinessGatesNotReady|readiness gate/i, /aws-load-balancer-controller/],
      never: [ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

function nodeEvent0(name: string): k8s.CoreV1Event {
  return event({ on: { kind: 'Node', name }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${name} status is now: NodeNotSchedulable`, firstAgo: 46.6, lastAgo: 46.6, component: 'kubelet' });
}

// ---- 3. MinIO loses write quorum: two of four pods on a lost node -------------------------------------

function minioWriteQuorum(): CorpusScenario {
  const ns = 'media';
  const { nodes: three, names } = threeEksNodes('10.0.40', ['17', '133', '210']);
  const lost = node({ name: eksNodeName('10.0.41.9'), zone: 'eu-west-1b', ready: 'Unknown', readySince: 44, taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: new Date(at(44)) }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: new Date(at(43)) }] });
  const lostName = nameOf(lost);
  const mImage = 'quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z';
  const tpl = { containers: [container({ name: 'minio', image: mImage, command: ['/bin/sh', '-ce', 'minio server http://minio-{0...3}.minio-svc.media.svc.cluster.local/export --address :9000 --console-address :9001'], ports: [{ name: 'http', containerPort: 9000 }, { name: 'http-console', containerPort: 9001 }], cpu: '1', memory: '4Gi', readiness: tcpProbe('http', { periodSeconds: 5 }), liveness: httpProbe('/minio/health/live', 'http', { periodSeconds: 30, timeoutSeconds: 5 }), volumeMounts: [{ name: 'export', mountPath: '/export' }] })] };
  const gone = { ready: false, deletingAgo: 38 };
  const minio = statefulSetApp({
    namespace: ns, name: 'minio', replicas: 4, serviceName: 'minio-svc', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'export', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 3, ordinal: 1, node: names[2] ?? '', createdAgo: 20 * DAYS },
      { revision: 3, ordinal: 2, node: lostName, createdAgo: 20 * DAYS, ...gone, containers: { minio: running({ sinceAgo: 20 * DAYS, ready: false }) } },
      { revision: 3, ordinal: 3, node: lostName, createdAgo: 20 * DAYS, ...gone, containers: { minio: running({ sinceAgo: 20 * DAYS, ready: false }) } },
    ],
  });
  const appImage = (v: string) => `${ECR}/media/media-upload:${v}`;
  const appTpl = (v: string) => ({ containers: [container({ image: appImage(v), ports: [8000], env: [{ name: 'S3_ENDPOINT', value: 'http://minio.media.svc.cluster.local:9000' }, { name: 'S3_BUCKET', value: 'uploads' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'media-upload', replicas: 3,
    revisions: [{ revision: 18, createdAgo: 9 * DAYS, template: appTpl('2.6.3') }, { revision: 19, createdAgo: 26 * HOURS, changeCause: 'argocd: media-upload 2.7.0', template: appTpl('2.7.0') }],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 26 * HOURS - k })),
  });
  const claims: KubeJson[] = [0, 1, 2, 3].flatMap((i) => boundClaim({ namespace: ns, name: `export-minio-${i}`, storage: '500Gi', zone: i < 2 ? (i === 0 ? 'eu-west-1a' : 'eu-west-1c') : 'eu-west-1b', createdAgo: 70 * DAYS }));
  const svcM = [service({ namespace: ns, name: 'minio', selector: { app: 'minio' }, ports: [{ name: 'http', port: 9000, targetPort: 9000 }] }), service({ namespace: ns, name: 'minio-svc', selector: { app: 'minio' }, headless: true, ports: [{ name: 'http', port: 9000, targetPort: 9000 }] })];
  const svcA = exposed({ namespace: ns, name: 'media-upload', selector: { app: 'media-upload' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: app.pods, endpointPort: 8000 });
  const keys = ['2026/11/21/u-88213/IMG_4410.jpg', '2026/11/21/u-10452/scan-0003.pdf', '2026/11/21/u-77310/avatar.png', '2026/11/21/u-23018/IMG_0917.heic'];
  const appLog = (k: number) => {
    const out = [`${pyTime(26 * HOURS - k - 0.5)} INFO [uvicorn.error] Application startup complete.`];
    for (let i = 0; i < 6; i++) {
      const t = 36 - i * 6 - k;
      const key = keys[(i + k) % keys.length] ?? '';
      out.push(`${pyTime(t)} INFO [media_upload.api] GET /v1/files/${keys[(i + 1) % 4]} 200 41ms`);
      out.push(`${pyTime(t - 0.2)} ERROR [media_upload.storage] put_object failed bucket=uploads key=${key}`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/media_upload/storage.py", line 58, in put');
      out.push('    self._s3.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type)');
      out.push('  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call');
      out.push('    raise error_class(parsed_response, operation_name)');
      out.push('botocore.exceptions.ClientError: An error occurred (XMinioWriteQuorum) when calling the PutObject operation (reached max retries: 4): Multiple disk failures, unable to write data.');
      out.push(`${pyTime(t - 0.21)} INFO [uvicorn.access] 10.0.3.44:51234 - "POST /v1/files HTTP/1.1" 503`);
    }
    return lines(...out);
  };
  const minioLog = (k: number) => lines(
    `INFO: Formatting 1st pool, 1 set(s), 4 drives per set.`,
    `Status:         4 Online, 0 Offline. `,
    `API: SYSTEM()`,
    `Time: ${at(43).slice(11, 19)} UTC 11/21/2026`,
    `Error: Marking http://minio-2.minio-svc.media.svc.cluster.local:9000/export offline temporarily; caused by Post "http://minio-2.minio-svc.media.svc.cluster.local:9000/minio/storage/export/v59/readall?disk-id=4e1c&file-path=format.json&volume=.minio.sys": dial tcp 10.0.41.77:9000: i/o timeout (*fmt.wrapError)`,
    `API: SYSTEM()`,
    `Time: ${at(43).slice(11, 19)} UTC 11/21/2026`,
    `Error: Marking http://minio-3.minio-svc.media.svc.cluster.local:9000/export offline temporarily; caused by Post "http://minio-3.minio-svc.media.svc.cluster.local:9000/minio/storage/export/v59/readall?disk-id=9a07&file-path=format.json&volume=.minio.sys": dial tcp 10.0.41.102:9000: i/o timeout (*fmt.wrapError)`,
    ...[0, 1, 2].flatMap((i) => [
      `API: PutObject(bucket=uploads, object=${keys[(i + k) % 4]})`,
      `Time: ${at(30 - i * 9).slice(11, 19)} UTC 11/21/2026`,
      `DeploymentID: 6d1f2a0e-8b53-4c2f-9e11-0b7c3d9a5e44`,
      `RequestID: 1809A2C3D4E5F${k}${i}7`,
      `RemoteHost: 10.0.40.55`,
      `Host: minio.media.svc.cluster.local:9000`,
      `UserAgent: Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.1.112 md/arch#x86_64 lang/python#3.12.7`,
      `Error: Write failed. Insufficient number of drives online (*errors.errorString)`,
      `       5: internal/logger/logger.go:258:logger.LogIf()`,
      `       4: cmd/erasure-object.go:1421:cmd.erasureObjects.putObject()`,
    ]),
    `API: SYSTEM()`,
    `Time: ${at(4).slice(11, 19)} UTC 11/21/2026`,
    `DeploymentID: 6d1f2a0e-8b53-4c2f-9e11-0b7c3d9a5e44`,
    `Error: Storage resources are insufficient for the write operation .minio.sys/buckets/.usage-cache.bin (cmd.InsufficientWriteQuorum)`,
    `       3: internal/logger/logonce.go:118:logger.(*logOnceType).logOnceIf()`,
    `       2: internal/logger/logonce.go:149:logger.LogOnceIf()`,
  );
  return {
    id: 'heldout67-minio-write-quorum-lost-node',
    class: 'nodes',
    truth: `The node ${lostName} stopped reporting 44 minutes ago; it held two of the four pods of the distributed MinIO (minio-2 and minio-3, now stuck Terminating), so only 2 of 4 drives are online, below the write quorum of 3: MinIO refuses every PutObject with "Insufficient number of drives online" (XMinioWriteQuorum) while reads still work, and media-upload returns 503 on uploads. media-upload's revision 19 is innocent.`,
    ask: { service: 'media-upload', namespace: ns },
    objects: [
      ...three, lost, ...app.objects, ...minio.objects, ...claims, ...svcM, endpointSliceFor(svcM[0] as k8s.V1Service, minio.pods, 9000), endpointSliceFor(svcM[1] as k8s.V1Service, minio.pods, 9000), ...svcA,
      event({ on: { kind: 'Node', name: lostName }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${lostName} status is now: NodeNotReady`, firstAgo: 44, lastAgo: 44, component: 'node-controller' }),
      ...[2, 3].map((i) => event({ on: podOf(minio, i), type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/minio-${i}`, firstAgo: 38, lastAgo: 38, component: 'taint-eviction-controller' })),
      ...[2, 3].map((i) => event({ on: podOf(minio, i), type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 44, lastAgo: 44, component: 'node-controller' })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(minio, 0), 'minio', { current: minioLog(0) }),
      logsFor(podOf(minio, 1), 'minio', { current: minioLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/minio|quorum|drives online/i],
      facts: [/XMinioWriteQuorum|InsufficientWriteQuorum|write quorum|Insufficient number of drives/i, lit('10-0-41-9')],
      never: [ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 4. Spring Boot 3 ignores spring.redis.* and dials localhost ------------------------------------

function springBoot3RedisProperties(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.24', ['61', '118', '240']);
  const image = (v: string) => `${ECR}/loyalty/loyalty-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'loyalty-service-config' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'loyalty-service', replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 15 * DAYS, changeCause: 'argocd: loyalty-service 1.41.0 (spring-boot 2.7.18)', template: tpl('1.41.0') },
      { revision: 23, createdAgo: 28, changeCause: 'argocd: loyalty-service 1.42.0 (spring-boot 3.2.5, java 21)', template: tpl('1.42.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
      ...[0, 1].map((k) => ({ revision: 23, node: names[k + 1] ?? '', createdAgo: 28 - k, containers: { app: running({ sinceAgo: 27 - k, ready: false }) } })),
    ],
  });
  const cm = configMap({
    namespace: ns, name: 'loyalty-service-config', createdAgo: 210 * DAYS,
    data: {
      'application-prod.yaml': [
        'spring:',
        '  redis:',
        '    host: loyalty-redis.loyalty.svc.cluster.local',
        '    port: 6379',
        '    timeout: 2s',
        '    lettuce:',
        '      pool:',
        '        max-active: 16',
        '  datasource:',
        '    url: jdbc:postgresql://loyalty-db.cluster-c7x2kq9r1m.eu-west-1.rds.amazonaws.com:5432/loyalty',
        'management:',
        '  endpoint:',
        '    health:',
        '      probes:',
        '        enabled: true',
        '      group:',
        '        readiness:',
        '          include: readinessState,db,redis',
        '',
      ].join('\n'),
    },
  });
  const redis = statefulSetApp({
    namespace: ns, name: 'loyalty-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 120 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis') })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS }],
  });
  const svcs = [
    ...exposed({ namespace: ns, name: 'loyalty-service', selector: { app: 'loyalty-service' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], pods: app.pods }),
    ...exposed({ namespace: ns, name: 'loyalty-redis', selector: { app: 'loyalty-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, endpointPort: 6379 }),
  ];
  const newPods = app.pods.slice(3);
  const newLog = (k: number) => lines(
    `${sbTime(27 - k)}  INFO 1 --- [loyalty-service] [           main] c.a.loyalty.LoyaltyServiceApplication    : Starting LoyaltyServiceApplication v1.42.0 using Java 21.0.4 with PID 1 (/app/app.jar started by app in /app)`,
    `${sbTime(27 - k)}  INFO 1 --- [loyalty-service] [           main] c.a.loyalty.LoyaltyServiceApplication    : The following 1 profile is active: "prod"`,
    `${sbTime(26.8 - k)}  INFO 1 --- [loyalty-service] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data Redis repositories in DEFAULT mode.`,
    `${sbTime(26.6 - k)}  INFO 1 --- [loyalty-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path ''`,
    `${sbTime(26.6 - k)}  INFO 1 --- [loyalty-service] [           main] c.a.loyalty.LoyaltyServiceApplication    : Started LoyaltyServiceApplication in 14.212 seconds (process running for 15.03)`,
    `${sbTime(26.4 - k)}  WARN 1 --- [loyalty-service] [nio-8080-exec-1] o.s.b.a.health.AbstractHealthIndicator   : Redis health check failed`,
    `org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis`,
    `\tat org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory$ExceptionTranslatingConnectionProvider.translateException(LettuceConnectionFactory.java:1805)`,
    `\tat org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.getConnection(LettuceConnectionFactory.java:1058)`,
    `\tat org.springframework.boot.actuate.data.redis.RedisHealthIndicator.doHealthCheck(RedisHealthIndicator.java:55)`,
    `Caused by: io.lettuce.core.RedisConnectionException: Unable to connect to localhost/<unresolved>:6379`,
    `\tat io.lettuce.core.RedisConnectionException.create(RedisConnectionException.java:78)`,
    `\tat io.lettuce.core.AbstractRedisClient.getConnection(AbstractRedisClient.java:350)`,
    `Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:6379`,
    `Caused by: java.net.ConnectException: Connection refused`,
    `\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)`,
    `${sbTime(2 - k * 0.1)} ERROR 1 --- [loyalty-service] [nio-8080-exec-7] c.a.loyalty.points.PointsController      : GET /v2/members/M-7731002/points failed: Unable to connect to Redis`,
    `${sbTime(1 - k * 0.1)}  WARN 1 --- [loyalty-service] [nio-8080-exec-3] o.s.b.a.health.AbstractHealthIndicator   : Redis health check failed`,
    `org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis`,
    `Caused by: io.lettuce.core.RedisConnectionException: Unable to connect to localhost/<unresolved>:6379`,
    `Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:6379`,
  );
  const oldLog = lines(
    `2026-11-21 03:10:02.118  INFO 1 --- [nio-8080-exec-4] c.a.loyalty.points.PointsController      : GET /v2/members/M-1102931/points 200 in 12 ms`,
    `2026-11-21 03:12:40.551  INFO 1 --- [nio-8080-exec-9] c.a.loyalty.points.PointsController      : POST /v2/members/M-7731002/redeem 200 in 31 ms`,
  );
  return {
    id: 'heldout67-spring-boot3-redis-properties',
    class: 'config',
    truth: 'Revision 23 upgraded loyalty-service to Spring Boot 3.2.5, which reads Redis settings from spring.data.redis.*; the mounted loyalty-service-config still sets spring.redis.host, so Boot ignores it and Lettuce connects to the default localhost:6379 ("Connection refused: localhost/127.0.0.1:6379"); the redis readiness group fails and the rollout is stuck. loyalty-redis is healthy; the fix is renaming the keys to spring.data.redis.*.',
    ask: { service: 'loyalty-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cm, ...redis.objects, ...svcs,
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 23), 1, 0, 28),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 22), 3, 4, 27.8),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 23), 2, 1, 27.8),
      ...newPods.flatMap((p, k) => [...startedNormally(p, 'app', image('1.42.0'), 28 - k), probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 310 - k * 8, firstAgo: 26.5 - k, lastAgo: 0.1 })]),
    ],
    logs: [
      ...newPods.map((p, k) => logsFor(p, 'app', { current: newLog(k) })),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M ${redisTime(30)} * 100 changes in 300 seconds. Saving...`, `1:M ${redisTime(30)} * Background saving started by pid 4412`, `4412:C ${redisTime(29.9)} * DB saved on disk`, `1:M ${redisTime(29.9)} * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/spring\.(data\.)?redis|localhost|127\.0\.0\.1/i],
      facts: [/spring\.redis|spring\.data\.redis/, /revision 23|3\.2\.5|1\.42\.0/i],
      never: [/loyalty-redis[^\n]*(down|crash|not running|unavailable|unhealthy)/i, /\bOOM/],
    },
  };
}

// ---- 5. MySQL 8 upgrade turns on ONLY_FULL_GROUP_BY ---------------------------------------------------

function mysql8OnlyFullGroupBy(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['33', '150', '219']);
  const myTpl = (image: string, conf: string) => ({
    containers: [container({ name: 'mysql', image, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '8Gi', readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$MYSQL_ROOT_PASSWORD"'], { periodSeconds: 5, timeoutSeconds: 3 }), liveness: tcpProbe('mysql', { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }] })],
    volumes: [{ name: 'conf', configMap: { name: conf } }],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'billing-mysql', replicas: 1,
    revisions: [
      { revision: 4, createdAgo: 200 * DAYS, template: myTpl('docker.io/library/mysql:5.7.44', 'billing-mysql-conf') },
      { revision: 5, createdAgo: 2 * HOURS + 10, template: myTpl('docker.io/library/mysql:8.0.40', 'billing-mysql-conf-v8') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 2 * HOURS + 9 }],
  });
  const confs = [
    configMap({ namespace: ns, name: 'billing-mysql-conf', createdAgo: 400 * DAYS, data: { 'billing.cnf': '[mysqld]\ncharacter-set-server=utf8mb4\ncollation-server=utf8mb4_unicode_ci\nmax_connections=400\ninnodb_buffer_pool_size=5G\nsql_mode=STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION\n' } }),
    configMap({ namespace: ns, name: 'billing-mysql-conf-v8', createdAgo: 2 * HOURS + 12, data: { 'billing.cnf': '[mysqld]\n# 8.0: NO_AUTO_CREATE_USER was removed, old sql_mode line dropped\ncharacter-set-server=utf8mb4\ncollation-server=utf8mb4_unicode_ci\nmax_connections=400\ninnodb_buffer_pool_size=5G\ndefault_authentication_plugin=mysql_native_password\n' } }),
  ];
  const appImage = `${ECR}/billing/billing-reports:3.4.1`;
  const app = deploymentApp({
    namespace: ns, name: 'billing-reports', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: billing-reports 3.4.1', template: { containers: [container({ image: appImage, ports: [8000], env: [{ name: 'DATABASE_URL', value: 'mysql+pymysql://reports@billing-mysql.billing.svc.cluster.local:3306/billing' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k * 2] ?? '', createdAgo: 20 * DAYS - k })),
  });
  const claims = boundClaim({ namespace: ns, name: 'data-billing-mysql-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'billing-reports', selector: { app: 'billing-reports' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: app.pods, endpointPort: 8000 }),
    ...exposed({ namespace: ns, name: 'billing-mysql', selector: { app: 'billing-mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], pods: db.pods, endpointPort: 3306 }),
  ];
  const err1055 = (col: string) => `(1055, "Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column '${col}' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by")`;
  const appLog = (k: number) => lines(
    ...[0, 1, 2, 3].flatMap((i) => {
      const t = 100 - i * 28 - k * 3;
      const col = i % 2 === 0 ? 'billing.c.name' : 'billing.i.currency';
      return [
        `${gunTime(t)} [7] [INFO] billing_reports.views: report revenue-by-customer month=2026-11 requested by 10.0.12.${40 + i}`,
        `${gunTime(t - 0.01)} [7] [ERROR] billing_reports.views: report revenue-by-customer failed`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.11/site-packages/pymysql/connections.py", line 775, in _read_packet',
        '    packet.raise_for_error()',
        '  File "/usr/local/lib/python3.11/site-packages/pymysql/err.py", line 150, in raise_mysql_exception',
        '    raise errorclass(errno, errval)',
        `sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) ${err1055(col)}`,
        '[SQL: SELECT i.customer_id, c.name, i.currency, SUM(i.amount_cents) AS total FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.issued_at >= %(start)s GROUP BY i.customer_id ORDER BY total DESC]',
        '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
        `10.0.12.${40 + i} - - [${clfTime(t - 0.01)}] "GET /reports/revenue-by-customer?month=2026-11 HTTP/1.1" 500 141 "-" "python-requests/2.32.3"`,
      ];
    }),
    `10.0.12.41 - - [${clfTime(3)}] "GET /reports/invoice/INV-2026-118734 HTTP/1.1" 200 2211 "-" "python-requests/2.32.3"`,
  );
  const dbPod = podOf(db, 0);
  const dbLog = lines(
    `${myTime(129)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${myTime(129)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${myTime(128.8)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${myTime(128.8)} 4 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' started.`,
    `${myTime(127.1)} 4 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`,
    `${myTime(127)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${myTime(127)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${myTime(127)} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${myTime(127)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    `${myTime(129)} 0 [Warning] [MY-010918] [Server] 'default_authentication_plugin' is deprecated and will be removed in a future release. Please use authentication_policy instead.`,
    `${myTime(126)} 12 [Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'`,
  );
  const other = bystander(ns, 'billing-invoicer', names, 4 * HOURS, { revisions: [61, 62], versions: ['7.0.2', '7.0.3'], olderAgo: 10 * DAYS });
  return {
    id: 'heldout67-mysql8-only-full-group-by',
    class: 'config',
    truth: 'billing-mysql was upgraded from MySQL 5.7.44 to 8.0.40 (StatefulSet revision 5); its new my.cnf (billing-mysql-conf-v8) dropped the custom sql_mode line because NO_AUTO_CREATE_USER no longer exists, so the 8.0 default sql_mode with ONLY_FULL_GROUP_BY applies and billing-reports\' GROUP BY queries fail with error 1055. billing-reports is unchanged (revision 9, 20 days old).',
    ask: { service: 'billing-reports', namespace: ns },
    objects: [...nodes, ...app.objects, ...db.objects, ...confs, ...claims, ...svcs, ...other.objects, ...startedNormally(dbPod, 'mysql', 'docker.io/library/mysql:8.0.40', 129),
      event({ on: { kind: 'StatefulSet', name: 'billing-mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod billing-mysql-0 in StatefulSet billing-mysql successful', firstAgo: 129.5, lastAgo: 129.5, component: 'statefulset-controller' }),
    ],
    logs: [...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })), logsFor(dbPod, 'mysql', { current: dbLog })],
    expect: {
      verdict: 'problems',
      headline: [/only_full_group_by|sql_mode|1055/i],
      facts: [/1055|only_full_group_by/i, /8\.0\.40|mysql:8|MySQL 8|billing-mysql/i],
      never: [/billing-reports[^\n]*(revision 9|roll ?back)/i, /\bOOM/, /connection refused/i],
    },
  };
}

// ---- 6. G1 humongous allocations and full GCs fail the liveness probe ------------------------------

function g1HumongousLivenessKills(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.130', ['14', '77', '191']);
  const image = (v: string) => `${ECR}/docs/document-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '2', memory: '4Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xms3g -Xmx3g -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -Xlog:gc*:stdout:time,level,tags' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }),
    })],
  });
  const killed = (k: number) => running({ sinceAgo: 6 + k * 3, restarts: 7 + k * 2, last: { exitCode: 137, reason: 'Error', finishedAgo: 6.1 + k * 3, ranSeconds: 640 } });
  const app = deploymentApp({
    namespace: ns, name: 'document-renderer', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, template: tpl('4.3.0') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: document-renderer 4.4.0', template: tpl('4.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k, containers: { app: killed(k) } })),
  });
  const svc = exposed({ namespace: ns, name: 'document-renderer', selector: { app: 'document-renderer' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], pods: app.pods });
  /** A run of the JVM from `start` to `end` minutes before NOW: humongous-allocation cycles ending in full GCs. */
  const gcLog = (k: number, start: number, end: number) => {
    const out: string[] = [
      `${jvmTime(start)}[info][gc,init] Version: 17.0.13+11-LTS (release)`,
      `${jvmTime(start)}[info][gc,init] Using G1`,
      `${jvmTime(start)}[info][gc,init] Heap Region Size: 1M`,
      `${jvmTime(start)}[info][gc,init] Heap Min Capacity: 3G`,
      `${jvmTime(start)}[info][gc,init] Heap Max Capacity: 3G`,
      `${at(start - 0.4).replace('T', ' ').slice(0, 23)}  INFO 1 --- [           main] c.a.docs.render.DocumentRendererApp      : Started DocumentRendererApp in 21.7 seconds (process running for 23.1)`,
    ];
    let g = 40 + k * 7;
    const cycles = 5;
    for (let i = 0; i < cycles; i++) {
      const t = start - 1 - ((start - 1 - end) * i) / (cycles - 1);
      out.push(`${at(t + 0.05).replace('T', ' ').slice(0, 23)}  INFO 1 --- [nio-8080-exec-${3 + i}] c.a.docs.render.RenderController         : rendering document doc-${88123 + i * 17 + k} pages=${380 + i * 41} payloadBytes=${6_800_000 + i * 410_000}`);
      out.push(`${jvmTime(t)}[info][gc,start    ] GC(${g}) Pause Young (Concurrent Start) (G1 Humongous Allocation)`);
      out.push(`${jvmTime(t)}[info][gc,heap     ] GC(${g}) Humongous regions: ${1610 + i * 90}->${1588 + i * 92}`);
      out.push(`${jvmTime(t)}[info][gc          ] GC(${g}) Pause Young (Concurrent Start) (G1 Humongous Allocation) ${2870 + i * 30}M->${2841 + i * 31}M(3072M) ${(41 + i * 7).toFixed(3)}ms`);
      g++;
      out.push(`${jvmTime(t - 0.01)}[info][gc,start    ] GC(${g}) Pause Young (Normal) (G1 Evacuation Pause)`);
      out.push(`${jvmTime(t - 0.01)}[info][gc          ] GC(${g}) To-space exhausted`);
      out.push(`${jvmTime(t - 0.01)}[info][gc          ] GC(${g}) Pause Young (Normal) (G1 Evacuation Pause) 3061M->3058M(3072M) ${(298 + i * 11).toFixed(3)}ms`);
      g++;
      out.push(`${jvmTime(t - 0.02)}[info][gc,start    ] GC(${g}) Pause Full (G1 Compaction Pause)`);
      out.push(`${jvmTime(t - 0.02 - (5.2 + i * 0.9) / 60)}[info][gc          ] GC(${g}) Pause Full (G1 Compaction Pause) 3068M->${2100 + i * 40}M(3072M) ${(5210 + i * 880 + k * 113).toFixed(3)}ms`);
      g++;
    }
    return lines(...out);
  };
  const events = app.pods.flatMap((p, k) => [
    probeFailed(p, 'app', 'Liveness', `Get "http://${p.status?.podIP}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 41 + k * 5, firstAgo: 4 * HOURS, lastAgo: 6.2 + k * 3 }),
    probeKilling(p, 'app', 'liveness', { count: 7 + k * 2, firstAgo: 4 * HOURS - 1, lastAgo: 6.1 + k * 3 }),
    probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 60 + k, firstAgo: 4 * HOURS, lastAgo: 6.3 + k * 3 }),
    ...restartedAgain(p, 'app', image('4.4.0'), { count: 7 + k * 2, firstAgo: 4 * HOURS - 1, lastAgo: 6 + k * 3 }),
  ]);
  const other = bystander(ns, 'docs-api', names, 2 * HOURS + 30, { revisions: [33, 34], versions: ['8.2.0', '8.2.1'], olderAgo: 11 * DAYS });
  return {
    id: 'heldout67-g1-humongous-full-gc-liveness',
    class: 'probes',
    truth: 'Documents sent to document-renderer grew to 6-8 MB; with a 3 GB heap G1 uses 1 MB regions, so every buffer over 512 KB is a humongous allocation that fills old regions, leading to "To-space exhausted" and "Pause Full (G1 Compaction Pause)" pauses of 5-9 seconds; the 1-second liveness probe times out through them and the kubelet kills the containers (exit 137 from liveness, not OOMKilled; memory stays under the 4Gi limit). Revision 12, 9 days old, is not the trigger.',
    ask: { service: 'document-renderer', namespace: ns },
    objects: [...nodes, ...app.objects, ...svc, ...other.objects, ...events],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: gcLog(k, 16.7 + k * 3, 6.3 + k * 3), current: gcLog(k, 6 + k * 3, 0.4) })),
    expect: {
      verdict: 'problems',
      headline: [/humongous|Pause Full|full GC|G1|garbage collect|GC pause/i],
      facts: [/liveness/i, /137|Humongous/i],
      never: [/\bOOM/, /OOMKilled/, ADVISES_ROLLBACK, /memory limit/i],
    },
  };
}

// ---- 7. healthy: Redis with the memory-overcommit start-up warning -----------------------------------

function healthyRedisOvercommitWarning(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.150', ['20', '88', '164']);
  const rImage = 'docker.io/library/redis:7.4.1-alpine';
  const redis = statefulSetApp({
    namespace: ns, name: 'session-redis', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'redis', image: rImage, args: ['--appendonly', 'no', '--save', '300 10', '--maxmemory', '1gb', '--maxmemory-policy', 'volatile-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1536Mi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 5 * DAYS }],
  });
  const claims = boundClaim({ namespace: ns, name: 'data-session-redis-0', storage: '10Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS });
  const svc = exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, endpointPort: 6379 });
  const api = bystander(ns, 'identity-api', names, 3 * DAYS, { revisions: [70, 71], versions: ['12.4.0', '12.5.0'], olderAgo: 17 * DAYS });
  const start = 5 * DAYS - 0.4;
  const saves: string[] = [];
  for (let i = 0; i < 6; i++) {
    const t = 40 - i * 7;
    saves.push(`1:M ${redisTime(t)} * 10 changes in 300 seconds. Saving...`, `1:M ${redisTime(t)} * Background saving started by pid ${9100 + i * 13}`, `${9100 + i * 13}:C ${redisTime(t - 0.01)} * DB saved on disk`, `${9100 + i * 13}:C ${redisTime(t - 0.01)} * Fork CoW for RDB: current 2 MB, peak 2 MB, average 1 MB`, `1:M ${redisTime(t - 0.02)} * Background saving terminated with success`);
  }
  const log = lines(
    `1:C ${redisTime(start)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${redisTime(start)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(start)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(start)} * Configuration loaded`,
    `1:M ${redisTime(start)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(start)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(start)} * Server initialized`,
    `1:M ${redisTime(start)} * Loading RDB produced by version 7.4.1`,
    `1:M ${redisTime(start)} * Done loading RDB, keys loaded: 48213, keys expired: 1207.`,
    `1:M ${redisTime(start)} * DB loaded from disk: 0.214 seconds`,
    `1:M ${redisTime(start)} * Ready to accept connections tcp`,
    ...saves,
  );
  const p = podOf(redis, 0);
  return {
    id: 'heldout67-healthy-session-redis-old-overcommit-warning',
    class: 'healthy',
    truth: 'session-redis is healthy: one ready pod serving sessions, RDB background saves succeed every few minutes; the "WARNING Memory overcommit must be enabled!" line is Redis\' standard start-up advice about the node\'s vm.overcommit_memory sysctl, printed once five days ago, and no save has failed.',
    ask: { service: 'session-redis', namespace: ns },
    objects: [...nodes, ...redis.objects, ...claims, ...svc, ...api.objects, ...startedNormally(p, 'redis', rImage, 5 * DAYS)],
    logs: [logsFor(p, 'redis', { current: log })],
    expect: {
      verdict: 'healthy',
      headline: [/session-redis/],
      facts: [],
      never: [/overcommit[^\n]*(cause|fail|problem)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  localVolumeOnReplacedNode(),
  albReadinessGateControllerDown(),
  minioWriteQuorum(),
  springBoot3RedisProperties(),
  mysql8OnlyFullGroupBy(),
  g1HumongousLivenessKills(),
  healthyRedisOvercommitWarning(),
];
