// Corpus stories: storage. Claims that never bind, volumes that cannot attach or mount, and a
// StatefulSet whose ordered start is blocked by one replica's broken data directory.
import type * as k8s from '@kubernetes/client-node';
import {
  BLAMES_ROLLOUT, DAYS, ECR, ago, backOff, boundClaim, container, createdPod, crashLoop, deploymentApp, event, execProbe, exposed,
  failedScheduling, nameOf, node, nodeEvent, pv, pvc, replicaSetOf, rsOf, running, scaledReplicaSet, scheduled, startedNormally,
  statefulSetApp, volumeOf, waiting,
} from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- 13. a StorageClass that does not exist in this cluster -------------------------------

/**
 * The catalog chart now deploys Redis as a StatefulSet with persistence; the values copied from
 * staging ask for StorageClass fast-ssd, which prod does not have (it has gp2 and gp3). The
 * claim of catalog-redis-0 never binds, so the pod is Pending and, OrderedReady, -1 and -2
 * are never created.
 */
function storageClassNotFound(): CorpusScenario {
  const ns = 'catalog';
  const nodes = [
    node({ name: 'ip-10-0-131-22.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-131-187.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-132-64.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-132-230.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-133-9.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
    node({ name: 'ip-10-0-133-141.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
  ];
  const [n1, , n3, , n5] = nodes.map(nameOf);
  const tpl = {
    containers: [
      container({
        name: 'redis',
        image: 'public.ecr.aws/bitnami/redis:7.4.1-debian-12-r2',
        ports: [{ name: 'redis', containerPort: 6379 }],
        cpu: '500m',
        memory: '2Gi',
        readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5 }),
        liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }),
        volumeMounts: [{ name: 'redis-data', mountPath: '/data' }],
      }),
    ],
    serviceAccountName: 'catalog-redis',
  };
  const message = '0/6 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.';
  const app = statefulSetApp({
    namespace: ns,
    name: 'catalog-redis',
    replicas: 3,
    serviceName: 'catalog-redis-headless',
    createdAgo: 25,
    revisions: [{ revision: 1, createdAgo: 25, template: tpl }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '20Gi', storageClass: 'fast-ssd' }],
    pods: [{ revision: 1, ordinal: 0, createdAgo: 25, unschedulable: message }],
  });
  const [r0] = app.pods;
  if (r0 === undefined) throw new Error('catalog-redis: pods');
  const claim = pvc({ namespace: ns, name: 'redis-data-catalog-redis-0', storage: '20Gi', storageClass: 'fast-ssd', phase: 'Pending', createdAgo: 25, labels: { app: 'catalog-redis' } });
  const apiImage = `${ECR}/catalog/catalog-api:8.2.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, template: { containers: [container({ image: `${ECR}/catalog/catalog-api:8.1.4`, env: [{ name: 'CACHE_URL', value: 'redis://catalog-redis-master:6379' }] })] } },
      { revision: 41, createdAgo: 26, changeCause: 'helm upgrade catalog 8.2.0 (redis with persistence)', template: { containers: [container({ image: apiImage, env: [{ name: 'CACHE_URL', value: 'redis://catalog-redis:6379' }, { name: 'CACHE_REQUIRED', value: 'false' }] })] } },
    ],
    pods: [n1, n3, n5].map((n, i) => ({ revision: 41, node: n ?? '', createdAgo: 25 - i * 0.5 })),
  });
  const apiLog = '2026-11-21T03:13:20.415Z WARN  cache: dial tcp: lookup catalog-redis on 172.20.0.10:53: no such host; serving without cache\n2026-11-21T03:13:21.002Z INFO  GET /v2/products/88121 200 212ms (cache miss)\n';
  return {
    id: 'storage-storageclass-fast-ssd-not-found',
    class: 'storage',
    truth: 'The new catalog-redis StatefulSet (Helm values from staging) claims StorageClass fast-ssd, which does not exist in this cluster: the claim redis-data-catalog-redis-0 stays Pending (ProvisioningFailed: storageclass "fast-ssd" not found), so catalog-redis-0 is unschedulable (unbound immediate PersistentVolumeClaims) and -1, -2 are never created.',
    ask: { service: 'catalog-redis' },
    objects: [
      ...nodes,
      ...app.objects,
      claim,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'catalog-redis', selector: { app: 'catalog-redis' }, pods: app.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'catalog-redis-headless', headless: true, selector: { app: 'catalog-redis' }, pods: app.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: api.pods }),
      event({ on: { kind: 'StatefulSet', name: 'catalog-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim redis-data-catalog-redis-0 Pod catalog-redis-0 in StatefulSet catalog-redis success', firstAgo: 25, lastAgo: 25, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'catalog-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod catalog-redis-0 in StatefulSet catalog-redis successful', firstAgo: 25, lastAgo: 25, component: 'statefulset-controller' }),
      event({ on: claim, reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "fast-ssd" not found', count: 102, firstAgo: 25, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      failedScheduling(r0, message, { count: 7, firstAgo: 25, lastAgo: 4 }),
      scaledReplicaSet(api.objects[0] ?? {}, rsOf(api, 41), 3, 0, 26),
    ],
    logs: api.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: apiLog })),
    expect: {
      verdict: 'problems',
      headline: [/fast-ssd/, /StorageClass|storage class|not found/i],
      facts: [/redis-data-catalog-redis-0/, /unbound|Pending/i, /ProvisioningFailed|not found/i],
      never: [/Insufficient (cpu|memory)/i, /didn't match Pod's node affinity|volume node affinity conflict/i, /\bOOM/],
    },
  };
}

// ---- 14. Multi-Attach: a ReadWriteOnce volume and a RollingUpdate --------------------------

/**
 * grafana keeps its SQLite database on a ReadWriteOnce EBS claim, with the default RollingUpdate
 * strategy. Revision 16's pod was scheduled on another node: the volume stays attached to the
 * old pod's node, so the new pod waits in ContainerCreating (Multi-Attach) and the rollout
 * cannot progress. The old pod keeps serving.
 */
function multiAttachRollingUpdate(): CorpusScenario {
  const ns = 'monitoring';
  const nodes = [
    node({ name: 'ip-10-0-141-36.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-141-212.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-142-90.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-143-57.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
  ];
  const [oldNode, newNode] = nodes.map(nameOf);
  const claimName = 'grafana';
  const volumeName = volumeOf(ns, claimName);
  const tpl = (v: string) => ({
    containers: [
      container({
        name: 'grafana',
        image: `docker.io/grafana/grafana:${v}`,
        ports: [{ name: 'grafana', containerPort: 3000 }],
        cpu: '250m',
        memory: '512Mi',
        readiness: { httpGet: { path: '/api/health', port: 3000, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        liveness: { httpGet: { path: '/api/health', port: 3000, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 30, successThreshold: 1, failureThreshold: 10 },
        volumeMounts: [{ name: 'storage', mountPath: '/var/lib/grafana' }],
      }),
    ],
    volumes: [{ name: 'storage', persistentVolumeClaim: { claimName } }],
    securityContext: { fsGroup: 472, runAsGroup: 472, runAsUser: 472 },
    serviceAccountName: 'grafana',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'grafana',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' },
    revisions: [
      { revision: 15, createdAgo: 33 * DAYS, template: tpl('11.2.2') },
      { revision: 16, createdAgo: 14, changeCause: 'helm upgrade grafana 8.6.0 (grafana 11.3.0)', template: tpl('11.3.0') },
    ],
    pods: [
      { revision: 16, node: newNode, createdAgo: 14, phase: 'Pending', containers: { grafana: waiting('ContainerCreating') } },
      { revision: 15, node: oldNode, createdAgo: 33 * DAYS, containers: { grafana: running({ sinceAgo: 33 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 9 * DAYS, ranSeconds: 24 * 24 * 3600 } }) } },
    ],
  });
  const [fresh, serving] = app.pods;
  if (fresh === undefined || serving === undefined) throw new Error('grafana: pods');
  const deployment = app.objects[0] ?? {};
  return {
    id: 'storage-multi-attach-rwo-rolling-update',
    class: 'storage',
    truth: "grafana's ReadWriteOnce EBS claim is still attached to the old pod's node; revision 16's pod landed on another node and is stuck ContainerCreating on a Multi-Attach error. RollingUpdate keeps the old pod (and the volume) until the new one is ready, so the rollout is deadlocked: use strategy Recreate.",
    ask: { service: 'grafana', namespace: 'monitoring' },
    objects: [
      ...nodes,
      ...app.objects,
      ...boundClaim({ namespace: ns, name: claimName, storage: '10Gi', storageClass: 'gp3', zone: 'eu-west-1a', createdAgo: 200 * DAYS, labels: { 'app.kubernetes.io/name': 'grafana' } }),
      ...exposed({ namespace: ns, name: 'grafana', selector: { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' }, pods: app.pods, ports: [{ name: 'service', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deployment, rsOf(app, 16), 1, 0, 14),
      scheduled(fresh, 14),
      event({ on: fresh, reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${volumeName}" Volume is already used by pod(s) ${nameOf(serving)}`, firstAgo: 14, lastAgo: 14, component: 'attachdetach-controller' }),
      event({ on: fresh, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[storage], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 6, firstAgo: 11.9, lastAgo: 1.9 }),
    ],
    logs: [
      {
        namespace: ns,
        pod: nameOf(serving),
        container: 'grafana',
        current: 'logger=context userId=3 orgId=1 uname=oncall t=2026-11-21T03:13:44.52Z level=info msg="Request Completed" method=GET path=/api/dashboards/uid/k8s-overview status=200 remote_addr=10.0.1.9 time_ms=38\n',
        previous: 'logger=server t=2026-11-12T02:51:10.03Z level=info msg="Shutdown started" reason="System signal: terminated"\nlogger=sqlstore t=2026-11-12T02:51:40.04Z level=warn msg="database is locked, retrying" attempt=12\n',
      },
    ],
    expect: {
      verdict: 'problems',
      headline: [/multi-attach|already (exclusively )?(attached|used)|attached to (another|one) node/i],
      facts: [/ReadWriteOnce|RWO/, /RollingUpdate|Recreate/, /ContainerCreating/, /revision 16/i],
      never: [/\bOOM/, /ImagePull/i, /volume node affinity conflict|zone conflict/i],
    },
  };
}

// ---- 15. an EFS mount that times out from the new node group -------------------------------

/**
 * The general node group is being replaced by general-v2, whose launch template has a new
 * security group that the EFS mount targets do not allow (NFS, 2049). report-builder pods
 * moved to the new nodes wait in ContainerCreating: the NFS mount times out. The two still on
 * the old, cordoned nodes serve.
 */
function efsMountTimesOut(): CorpusScenario {
  const ns = 'analytics';
  const cordon = (name: string, zone: string) => node({ name, zone, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(31) }] });
  const nodes = [
    cordon('ip-10-0-151-48.eu-west-1.compute.internal', 'eu-west-1a'),
    cordon('ip-10-0-152-171.eu-west-1.compute.internal', 'eu-west-1b'),
    node({ name: 'ip-10-0-151-203.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 38 }),
    node({ name: 'ip-10-0-152-95.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 38 }),
    node({ name: 'ip-10-0-153-26.eu-west-1.compute.internal', zone: 'eu-west-1c', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 37 }),
  ];
  const [old1, old2, new1, new2] = nodes.map(nameOf);
  const fs = 'fs-0c8e1f2a9b3d4e5f6';
  const image = `${ECR}/analytics/report-builder:6.0.3`;
  const tpl = {
    containers: [container({ image, cpu: '500m', memory: '1Gi', volumeMounts: [{ name: 'shared', mountPath: '/shared' }] })],
    volumes: [{ name: 'shared', persistentVolumeClaim: { claimName: 'reports-shared' } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'report-builder',
    replicas: 4,
    revisions: [{ revision: 23, createdAgo: 11 * DAYS, template: tpl }],
    pods: [
      { revision: 23, node: new1, createdAgo: 22, phase: 'Pending', containers: { app: waiting('ContainerCreating') } },
      { revision: 23, node: new2, createdAgo: 21, phase: 'Pending', containers: { app: waiting('ContainerCreating') } },
      { revision: 23, node: old1, createdAgo: 11 * DAYS },
      { revision: 23, node: old2, createdAgo: 11 * DAYS },
    ],
    // No rollout: the controller keeps Progressing at NewReplicaSetAvailable.
    settled: { available: true, availableSince: 11 * DAYS, progressingSince: 11 * DAYS, progressingUpdatedAgo: 11 * DAYS - 2 },
  });
  const rs = replicaSetOf(app, 23);
  const stuck = app.pods.slice(0, 2);
  const mountFailed = (p: k8s.V1Pod) =>
    `MountVolume.SetUp failed for volume "shared-efs" : rpc error: code = Internal desc = Could not mount "${fs}:/" at "/var/lib/kubelet/pods/${p.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/shared-efs/mount": mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t efs -o tls ${fs}:/ /var/lib/kubelet/pods/${p.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/shared-efs/mount\nOutput: mount.nfs4: Connection timed out`;
  return {
    id: 'storage-efs-mount-timeout-new-node-group',
    class: 'storage',
    truth: 'The EFS volume shared-efs cannot be mounted from the new general-v2 nodes (NFS to the mount targets times out: the new node security group is not allowed on port 2049); the 2 report-builder pods rescheduled there are stuck ContainerCreating, the 2 on the old cordoned nodes serve.',
    ask: { service: 'report-builder', namespace: 'analytics' },
    objects: [
      ...nodes,
      ...app.objects,
      pvc({ namespace: ns, name: 'reports-shared', storage: '5Gi', storageClass: 'efs-sc', phase: 'Bound', volumeName: 'shared-efs', accessModes: ['ReadWriteMany'], createdAgo: 300 * DAYS, annotations: { 'volume.kubernetes.io/storage-provisioner': 'efs.csi.aws.com' } }),
      // Statically provisioned by Terraform: no zone, ReadWriteMany.
      pv({ name: 'shared-efs', storage: '5Gi', claim: { namespace: ns, name: 'reports-shared' }, storageClass: 'efs-sc', csi: { driver: 'efs.csi.aws.com', volumeHandle: fs }, accessModes: ['ReadWriteMany'], reclaimPolicy: 'Retain', static: true, labels: { 'app.kubernetes.io/managed-by': 'terraform' }, createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'report-builder', selector: { app: 'report-builder' }, pods: app.pods }),
      ...[old1, old2].map((n) => nodeEvent(n ?? '', 'NodeNotSchedulable', `Node ${n ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 31 })),
      ...stuck.flatMap((p, i) => [
        createdPod(rs, p, 22 - i),
        scheduled(p, 22 - i),
        event({ on: p, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "shared-efs" : rpc error: code = DeadlineExceeded desc = context deadline exceeded', count: 9, firstAgo: 20 - i, lastAgo: 1.2 }),
        event({ on: p, reason: 'FailedMount', message: mountFailed(p), count: 2, firstAgo: 18 - i, lastAgo: 6 }),
        event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[shared], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 9, firstAgo: 19.9 - i, lastAgo: 1.5 }),
      ]),
    ],
    logs: app.pods.slice(2).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:12Z INFO  report weekly-revenue tenant=311 written to /shared/out/311/weekly-revenue-2026-47.parquet (18.2 MiB)\n' })),
    expect: {
      verdict: 'problems',
      headline: [/shared-efs|EFS|NFS|mount/i, /time[sd]? ?out|timeout|deadline exceeded|DeadlineExceeded/i],
      facts: [/ContainerCreating/, /Connection timed out|DeadlineExceeded|deadline exceeded/i, /general-v2|ip-10-0-151-203|ip-10-0-152-95/, /\b2\/4\b|2 of 4/],
      never: [/\bOOM/, /ImagePull/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 16. OrderedReady blocked by one replica's corrupted data dir -------------------------

/**
 * ZooKeeper was scaled to 0 for a volume restore from snapshots and back to 5. zookeeper-1's
 * restored data dir has transaction logs but no snapshot: it exits 1 at start. With
 * OrderedReady the controller waits for -1 to be Ready before creating -2, so -2..-4 never
 * exist and the ensemble has no quorum. -0's log shouts about unresolvable peers: a symptom.
 */
function orderedReadyBlockedByCorruptReplica(): CorpusScenario {
  const ns = 'data';
  const nodes = [
    node({ name: 'ip-10-0-161-70.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-162-33.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-163-118.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
  ];
  const [a, b] = nodes.map(nameOf);
  const image = 'public.ecr.aws/bitnami/zookeeper:3.9.3-debian-12-r0';
  const ruok = execProbe(['/bin/bash', '-ec', 'ZOO_HC_TIMEOUT=2 /opt/bitnami/scripts/zookeeper/healthcheck.sh'], { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });
  const tpl = {
    containers: [
      container({
        name: 'zookeeper',
        image,
        ports: [{ name: 'client', containerPort: 2181 }, { name: 'follower', containerPort: 2888 }, { name: 'election', containerPort: 3888 }],
        cpu: '250m',
        memory: '1Gi',
        readiness: ruok,
        liveness: ruok,
        env: [{ name: 'ZOO_SERVERS', value: 'zookeeper-0.zookeeper-headless.data.svc.cluster.local:2888:3888::1 zookeeper-1.zookeeper-headless.data.svc.cluster.local:2888:3888::2 zookeeper-2.zookeeper-headless.data.svc.cluster.local:2888:3888::3 zookeeper-3.zookeeper-headless.data.svc.cluster.local:2888:3888::4 zookeeper-4.zookeeper-headless.data.svc.cluster.local:2888:3888::5' }],
        volumeMounts: [{ name: 'data', mountPath: '/bitnami/zookeeper' }],
      }),
    ],
    securityContext: { fsGroup: 1001 },
  };
  const app = statefulSetApp({
    namespace: ns,
    name: 'zookeeper',
    replicas: 5,
    podManagementPolicy: 'OrderedReady',
    serviceName: 'zookeeper-headless',
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 3, ordinal: 0, node: a, createdAgo: 38, containers: { zookeeper: running({ sinceAgo: 37.8 }) } },
      { revision: 3, ordinal: 1, node: b, createdAgo: 36.5, containers: { zookeeper: crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 2.2, ranSeconds: 3 }, 11) } },
    ],
  });
  const [z0, z1] = app.pods;
  if (z0 === undefined || z1 === undefined) throw new Error('zookeeper: pods');
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a', 'eu-west-1b'];
  // Recreated from EBS snapshots (dataSource) during the restore.
  const volumes = zones.flatMap((zone, i) => boundClaim({ namespace: ns, name: `data-zookeeper-${i}`, storage: '8Gi', storageClass: 'gp3', zone, createdAgo: 52, labels: { app: 'zookeeper' } }));
  const crashLog = [
    '2026-11-21 03:11:45,214 [myid:2] - INFO  [main:o.a.z.s.p.FileTxnSnapLog@124] - zookeeper.snapshot.trust.empty : false',
    '2026-11-21 03:11:45,236 [myid:2] - INFO  [main:o.a.z.s.q.QuorumPeer@2746] - QuorumPeer communication is not secured! (SASL auth disabled)',
    '2026-11-21 03:11:45,301 [myid:2] - ERROR [main:o.a.z.s.q.QuorumPeer@1187] - Unable to load database on disk',
    'java.io.IOException: No snapshot found, but there are log entries. Something is broken!',
    '\tat org.apache.zookeeper.server.persistence.FileTxnSnapLog.restore(FileTxnSnapLog.java:290)',
    '\tat org.apache.zookeeper.server.ZKDatabase.loadDataBase(ZKDatabase.java:285)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeer.loadDataBase(QuorumPeer.java:1141)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeer.start(QuorumPeer.java:1101)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeerMain.runFromConfig(QuorumPeerMain.java:234)',
    '2026-11-21 03:11:45,302 [myid:2] - ERROR [main:o.a.z.s.q.QuorumPeerMain@114] - Unexpected exception, exiting abnormally',
    'java.lang.RuntimeException: Unable to run quorum server ',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeer.loadDataBase(QuorumPeer.java:1188)',
    '2026-11-21 03:11:45,305 [myid:2] - ERROR [main:o.a.z.u.ServiceUtils@48] - Exiting JVM with code 1',
  ].join('\n') + '\n';
  const peerLog = [
    '2026-11-21 03:13:40,118 [myid:1] - WARN  [QuorumConnectionThread-[myid=1]-4:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to 3 at election address zookeeper-2.zookeeper-headless.data.svc.cluster.local:3888',
    'java.net.UnknownHostException: zookeeper-2.zookeeper-headless.data.svc.cluster.local',
    '2026-11-21 03:13:40,120 [myid:1] - WARN  [QuorumConnectionThread-[myid=1]-5:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to 2 at election address zookeeper-1.zookeeper-headless.data.svc.cluster.local/10.0.36.77:3888',
    'java.net.ConnectException: Connection refused',
    '2026-11-21 03:13:40,121 [myid:1] - INFO  [QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.FastLeaderElection@980] - Notification time out: 60000 ms',
  ].join('\n') + '\n';
  return {
    id: 'storage-orderedready-blocked-by-zookeeper-1-corrupt-data',
    class: 'storage',
    truth: "After a snapshot restore, zookeeper-1's data dir has transaction logs but no snapshot ('No snapshot found, but there are log entries'); it exits 1 at start and crash-loops. With podManagementPolicy OrderedReady the StatefulSet never creates zookeeper-2..4: 1 of 5 ready, no quorum.",
    ask: { service: 'zookeeper', namespace: 'data' },
    objects: [
      ...nodes,
      ...app.objects,
      ...volumes,
      ...exposed({ namespace: ns, name: 'zookeeper', selector: { app: 'zookeeper' }, pods: app.pods, ports: [{ name: 'tcp-client', port: 2181, targetPort: 'client' }], endpointPort: 2181 }),
      ...exposed({ namespace: ns, name: 'zookeeper-headless', headless: true, selector: { app: 'zookeeper' }, pods: app.pods, ports: [{ name: 'tcp-follower', port: 2888, targetPort: 'follower' }, { name: 'tcp-election', port: 3888, targetPort: 'election' }], endpointPort: 2888 }),
      event({ on: { kind: 'StatefulSet', name: 'zookeeper', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod zookeeper-0 in StatefulSet zookeeper successful', firstAgo: 38, lastAgo: 38, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'zookeeper', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod zookeeper-1 in StatefulSet zookeeper successful', firstAgo: 36.5, lastAgo: 36.5, component: 'statefulset-controller' }),
      ...startedNormally(z0, 'zookeeper', image, 38),
      event({ on: z1, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 12, firstAgo: 36.4, lastAgo: 2.3, fieldPath: 'spec.containers{zookeeper}' }),
      backOff(z1, 'zookeeper', { count: 158, firstAgo: 35.8 }),
    ],
    logs: [
      { namespace: ns, pod: 'zookeeper-1', container: 'zookeeper', previous: crashLog },
      { namespace: ns, pod: 'zookeeper-0', container: 'zookeeper', current: peerLog },
    ],
    expect: {
      verdict: 'problems',
      headline: [/zookeeper-1\b/, /crash|exit(s|ed)?( with)?( code)? 1\b|CrashLoopBackOff|No snapshot found|corrupt/i],
      facts: [/No snapshot found/, /OrderedReady/i, /zookeeper-[234]|\b1\/5\b|\b2\/5\b|not (yet )?created|never created/i],
      never: [/DNS|UnknownHost/i, /\bOOM/, BLAMES_ROLLOUT],
    },
  };
}

export const STORAGE_SCENARIOS: CorpusScenario[] = [
  storageClassNotFound(),
  multiAttachRollingUpdate(),
  efsMountTimesOut(),
  orderedReadyBlockedByCorruptReplica(),
];
