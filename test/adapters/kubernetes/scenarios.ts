// Two realistic incidents as cluster state:
// - payments/payment-service (Deployment): revision 5 rolled out 20 minutes ago with a new
//   image, a changed env var and the memory limit cut from 512Mi to 256Mi; one of three pods
//   is OOMKilled in a crash loop on node-b, which is under MemoryPressure. A Service, its
//   EndpointSlice (that pod not ready), an HPA at its limit and a PVC complete the picture.
// - data/ledger-db (StatefulSet): two ControllerRevisions; ledger-db-1 is Pending because its
//   claim from the volumeClaimTemplate is Pending.
import type * as k8s from '@kubernetes/client-node';
import type { FakeKubeApi } from '../../../src/demo/fakes/fake-kube-api.js';
import {
  at,
  container,
  coreEvent,
  deployment,
  endpointSlice,
  node,
  oomLoopingStatus,
  pod,
  readyCondition,
  replicaSet,
  runningStatus,
  service,
} from './builders.js';

export const PAYMENTS = 'payments';
export const LABELS = { app: 'payment-service' };
export const IMAGE_V4 = 'registry.example.com/payment-service:1.8.2';
export const IMAGE_V5 = 'registry.example.com/payment-service:1.9.0';
export const CRASHING_POD = 'payment-service-7c9d5f6b8-q2w3e';
export const PREVIOUS_LOG =
  'INFO starting payment-service 1.9.0\n' +
  'INFO connected to postgres://payments-db:5432/payments\n' +
  'WARN cache warm-up: loading 1.2M merchant records\n' +
  'ERROR java.lang.OutOfMemoryError: Java heap space\n';

function env(feature: string): k8s.V1EnvVar[] {
  return [
    { name: 'DB_HOST', value: 'payments-db' },
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'payments-db', key: 'password' } } },
    { name: 'FEATURE_CACHE_WARMUP', value: feature },
    { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
  ];
}

export const V5_CONTAINER = container({
  image: IMAGE_V5,
  memoryLimit: '256Mi',
  env: env('on'),
  envFrom: [{ configMapRef: { name: 'payment-service-config' } }],
});
const V4_CONTAINER = container({ image: IMAGE_V4, memoryLimit: '512Mi', env: env('off'), envFrom: [{ configMapRef: { name: 'payment-service-config' } }] });

export function addPaymentService(fake: FakeKubeApi): void {
  const dep = fake.add(
    deployment({
      namespace: PAYMENTS,
      name: 'payment-service',
      replicas: 3,
      revision: 5,
      containers: [V5_CONTAINER],
      labels: LABELS,
      status: {
        replicas: 3,
        readyReplicas: 2,
        availableReplicas: 2,
        updatedReplicas: 3,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', lastTransitionTime: at(-500) },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', lastTransitionTime: at(-19) },
        ],
      },
    }),
  );
  const owner = { name: 'payment-service', uid: dep.metadata.uid, namespace: PAYMENTS };
  fake.add(replicaSet({ owner, hash: '5b8c4d7f9', revision: 4, replicas: 0, containers: [V4_CONTAINER], createdAt: at(-600), labels: LABELS }));
  fake.add(
    replicaSet({
      owner,
      hash: '7c9d5f6b8',
      revision: 5,
      replicas: 3,
      containers: [V5_CONTAINER],
      createdAt: at(-20),
      labels: LABELS,
      changeCause: 'deploy 1.9.0 (warm the merchant cache at start)',
    }),
  );
  // A ReplicaSet with the same labels that another Deployment owns: must not count as ours.
  fake.add(
    replicaSet({
      owner: { name: 'payment-service-canary', uid: 'uid-of-another-deployment', namespace: PAYMENTS },
      hash: '99aa88bb7',
      revision: 1,
      replicas: 0,
      containers: [V5_CONTAINER],
      createdAt: at(-100),
      labels: LABELS,
    }),
  );

  const podLabels = { ...LABELS, 'pod-template-hash': '7c9d5f6b8' };
  const volumes: k8s.V1Volume[] = [{ name: 'uploads', persistentVolumeClaim: { claimName: 'payment-uploads' } }];
  fake.add(pod({ namespace: PAYMENTS, name: 'payment-service-7c9d5f6b8-a1b2c', labels: podLabels, node: 'node-a', containers: [V5_CONTAINER], statuses: [runningStatus('app', IMAGE_V5)], ready: true, volumes }));
  fake.add(pod({ namespace: PAYMENTS, name: CRASHING_POD, labels: podLabels, node: 'node-b', containers: [V5_CONTAINER], statuses: [oomLoopingStatus('app', IMAGE_V5, 7)], ready: false, volumes }));
  fake.add(pod({ namespace: PAYMENTS, name: 'payment-service-7c9d5f6b8-z9y8x', labels: podLabels, node: 'node-c', containers: [V5_CONTAINER], statuses: [runningStatus('app', IMAGE_V5, 1)], ready: true, volumes }));
  fake.setLogs(PAYMENTS, CRASHING_POD, 'app', { previous: PREVIOUS_LOG, current: '' });

  fake.add(node('node-a', { zone: 'us-east-1a' }));
  fake.add(node('node-b', { zone: 'us-east-1b', memoryPressure: true }));
  fake.add(node('node-c', { zone: 'us-east-1c' }));
  fake.add(node('node-unrelated', { zone: 'us-east-1a', memoryPressure: true }));

  fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'Deployment', name: 'payment-service', namespace: PAYMENTS }, reason: 'ScalingReplicaSet', message: 'Scaled up replica set payment-service-7c9d5f6b8 to 3', type: 'Normal', first: at(-20), component: 'deployment-controller' }));
  fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'ReplicaSet', name: 'payment-service-7c9d5f6b8', namespace: PAYMENTS }, reason: 'SuccessfulCreate', message: `Created pod: ${CRASHING_POD}`, type: 'Normal', first: at(-20), component: 'replicaset-controller' }));
  fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'Pod', name: CRASHING_POD, namespace: PAYMENTS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${CRASHING_POD}`, count: 42, first: at(-18), last: at(-1) }));
  fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'Pod', name: CRASHING_POD, namespace: PAYMENTS }, reason: 'Pulled', message: `Container image "${IMAGE_V5}" already present on machine`, type: 'Normal', count: 8, first: at(-19), last: at(-2) }));
  fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'HorizontalPodAutoscaler', name: 'payment-service', namespace: PAYMENTS }, reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', type: 'Normal', first: at(-4), component: 'horizontal-pod-autoscaler' }));
  fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'PersistentVolumeClaim', name: 'payment-uploads', namespace: PAYMENTS }, reason: 'ProvisioningSucceeded', message: 'Successfully provisioned volume pvc-1234', type: 'Normal', first: at(-600), component: 'ebs.csi.aws.com' }));
  // Node events: recorded by the kubelet in "default" with no namespace on the object.
  fake.add(coreEvent({ namespace: 'default', object: { kind: 'Node', name: 'node-b' }, reason: 'EvictionThresholdMet', message: 'Attempting to reclaim memory', count: 3, first: at(-6), last: at(-2) }));
  fake.add(coreEvent({ namespace: 'default', object: { kind: 'Node', name: 'node-unrelated' }, reason: 'EvictionThresholdMet', message: 'Attempting to reclaim memory', first: at(-6) }));
  // New-style event (events.k8s.io): series and eventTime instead of count and timestamps.
  fake.add({
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: `${CRASHING_POD}.series1`, namespace: PAYMENTS },
    eventTime: '2026-11-21T01:45:00.123456Z',
    series: { count: 5, lastObservedTime: '2026-11-21T01:59:30.654321Z' },
    reportingController: 'kubelet',
    reportingInstance: 'node-b',
    action: 'Killing',
    reason: 'Unhealthy',
    regarding: { kind: 'Pod', name: CRASHING_POD, namespace: PAYMENTS },
    note: 'Readiness probe failed: connection refused',
    type: 'Warning',
  });

  fake.add(service(PAYMENTS, 'payment-service', LABELS));
  fake.add(service(PAYMENTS, 'payments-db', { app: 'payments-db' }));
  fake.add(
    endpointSlice(PAYMENTS, 'payment-service', [
      { ip: '10.0.1.12', pod: 'payment-service-7c9d5f6b8-a1b2c', node: 'node-a', ready: true },
      { ip: '10.0.2.34', pod: CRASHING_POD, node: 'node-b', ready: false },
      { ip: '10.0.3.56', pod: 'payment-service-7c9d5f6b8-z9y8x', node: 'node-c', ready: true },
    ]),
  );
  fake.add(endpointSlice(PAYMENTS, 'payments-db', [{ ip: '10.0.9.9', pod: 'payments-db-0', node: 'node-c', ready: true }]));
  fake.add(endpointSlice('elsewhere', 'payment-service', [{ ip: '10.9.9.9', pod: 'x', node: 'node-a', ready: true }]));

  fake.add({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'payment-service', namespace: PAYMENTS, creationTimestamp: at(-300), labels: { 'app.kubernetes.io/managed-by': 'Helm' }, annotations: { 'meta.helm.sh/release-name': 'payment-service' } },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'payment-service' },
      minReplicas: 3,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
    status: {
      currentReplicas: 3,
      desiredReplicas: 5,
      lastScaleTime: at(-4),
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 182, averageValue: '455m' } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', lastTransitionTime: at(-300) },
        { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: at(-4) },
      ],
    },
  } satisfies k8s.V2HorizontalPodAutoscaler);
  fake.add({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'payments-db', namespace: PAYMENTS },
    spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'payments-db' }, maxReplicas: 3 },
    status: { desiredReplicas: 1 },
  } satisfies k8s.V2HorizontalPodAutoscaler);

  fake.add({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'payment-uploads', namespace: PAYMENTS },
    spec: { accessModes: ['ReadWriteMany'], storageClassName: 'efs', volumeName: 'pvc-1234', resources: { requests: { storage: '10Gi' } } },
    status: { phase: 'Bound' },
  } satisfies k8s.V1PersistentVolumeClaim);
  fake.add({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pvc-1234' },
    spec: {
      accessModes: ['ReadWriteMany'],
      capacity: { storage: '10Gi' },
      claimRef: { kind: 'PersistentVolumeClaim', namespace: PAYMENTS, name: 'payment-uploads' },
      csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d::fsap-0123456789abcdef0' },
      storageClassName: 'efs',
    },
    status: { phase: 'Bound' },
  } satisfies k8s.V1PersistentVolume);
}

export const LEDGER_NS = 'data';
const LEDGER_LABELS = { app: 'ledger-db' };

function ledgerContainer(image: string, sharedBuffers: string): k8s.V1Container {
  return {
    name: 'postgres',
    image,
    env: [
      { name: 'SHARED_BUFFERS', value: sharedBuffers },
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db', key: 'password' } } },
    ],
    resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
  };
}

export function addLedgerDb(fake: FakeKubeApi): void {
  const template = (image: string, sb: string) => ({ metadata: { labels: LEDGER_LABELS }, spec: { containers: [ledgerContainer(image, sb)] } });
  const sts = fake.add({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'ledger-db', namespace: LEDGER_NS, annotations: { 'kubernetes.io/change-cause': 'postgres 16' } },
    spec: {
      replicas: 2,
      serviceName: 'ledger-db',
      selector: { matchLabels: LEDGER_LABELS },
      template: template('postgres:16.4', '512MB'),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } } }],
    },
    status: { replicas: 2, readyReplicas: 1, currentReplicas: 1, updatedReplicas: 1, currentRevision: 'ledger-db-5c7b8d9f4', updateRevision: 'ledger-db-6d8f9c7b5' },
  } satisfies k8s.V1StatefulSet);
  const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'ledger-db', uid: sts.metadata.uid, controller: true }];
  // ControllerRevision.data for apps/v1 StatefulSets: a patch that replaces spec.template.
  const revision = (name: string, rev: number, image: string, sb: string, created: Date): k8s.V1ControllerRevision => ({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: LEDGER_NS, labels: { ...LEDGER_LABELS, 'controller.kubernetes.io/hash': name.slice(-9) }, ownerReferences, creationTimestamp: created },
    revision: rev,
    data: { spec: { template: { ...template(image, sb), $patch: 'replace' } } },
  });
  fake.add(revision('ledger-db-5c7b8d9f4', 1, 'postgres:15.8', '256MB', at(-5000)));
  fake.add(revision('ledger-db-6d8f9c7b5', 2, 'postgres:16.4', '512MB', at(-30)));

  const volumes = (i: number): k8s.V1Volume[] => [{ name: 'data', persistentVolumeClaim: { claimName: `data-ledger-db-${i}` } }];
  fake.add(
    pod({
      namespace: LEDGER_NS,
      name: 'ledger-db-0',
      labels: { ...LEDGER_LABELS, 'controller-revision-hash': 'ledger-db-5c7b8d9f4' },
      node: 'node-a',
      containers: [ledgerContainer('postgres:15.8', '256MB')],
      statuses: [runningStatus('postgres', 'postgres:15.8')],
      ready: true,
      qosClass: 'Guaranteed',
      volumes: volumes(0),
    }),
  );
  const pending = pod({
    namespace: LEDGER_NS,
    name: 'ledger-db-1',
    labels: { ...LEDGER_LABELS, 'controller-revision-hash': 'ledger-db-6d8f9c7b5' },
    containers: [ledgerContainer('postgres:16.4', '512MB')],
    statuses: [],
    ready: false,
    phase: 'Pending',
    qosClass: 'Guaranteed',
    volumes: volumes(1),
  });
  pending.status = {
    phase: 'Pending',
    qosClass: 'Guaranteed',
    conditions: [
      readyCondition(false),
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.', lastTransitionTime: at(-29) },
    ],
  };
  fake.add(pending);
  // Shared with the payments scenario when both are loaded.
  fake.upsert(node('node-a', { zone: 'us-east-1a' }));
  for (const [i, phase] of [[0, 'Bound'], [1, 'Pending']] as const) {
    fake.add({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `data-ledger-db-${i}`, namespace: LEDGER_NS, labels: LEDGER_LABELS },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: '50Gi' } }, ...(phase === 'Bound' ? { volumeName: 'pvc-0' } : {}) },
      status: { phase },
    } satisfies k8s.V1PersistentVolumeClaim);
  }
  fake.add({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pvc-0' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '50Gi' },
      claimRef: { kind: 'PersistentVolumeClaim', namespace: LEDGER_NS, name: 'data-ledger-db-0' },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0a1b2c3d4e5f60718' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a'] }] }] } },
      storageClassName: 'gp3',
    },
    status: { phase: 'Bound' },
  } satisfies k8s.V1PersistentVolume);
  fake.add(coreEvent({ namespace: LEDGER_NS, object: { kind: 'PersistentVolumeClaim', name: 'data-ledger-db-1', namespace: LEDGER_NS }, reason: 'ProvisioningFailed', message: 'failed to provision volume with StorageClass "gp3": rpc error: code = ResourceExhausted', count: 12, first: at(-29), last: at(-1), component: 'ebs.csi.aws.com' }));
  fake.add(coreEvent({ namespace: LEDGER_NS, object: { kind: 'Pod', name: 'ledger-db-1', namespace: LEDGER_NS }, reason: 'FailedScheduling', message: '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.', count: 9, first: at(-29), last: at(-1), component: 'default-scheduler' }));
}
