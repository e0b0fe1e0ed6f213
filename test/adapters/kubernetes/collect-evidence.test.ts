// collectEvidence against realistic cluster state, through the real client: every field the
// analyzers read is checked against what the scenario put in the cluster.
import { beforeEach, describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { COLLECTED_AT, useHarness } from './harness.js';
import { at, container, coreEvent, endpointSlice, pod, replicaSet, runningStatus, service } from './builders.js';
import { CRASHING_POD, IMAGE_V4, IMAGE_V5, LEDGER_NS, PAYMENTS, addLedgerDb, addPaymentService } from './scenarios.js';

const h = useHarness();

const paymentTarget = { service: 'payment-service', namespace: PAYMENTS, kind: 'Deployment', name: 'payment-service' } as const;

describe('a Deployment with a bad rollout', () => {
  let ev: TriageEvidence;

  beforeEach(async () => {
    addPaymentService(h.fake);
    ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
  });

  it('reads everything without a failure and stamps collectedAt', () => {
    expect(ev.readFailures).toEqual([]);
    expect(ev.target).toEqual(paymentTarget);
    expect(ev.collectedAt).toBe(COLLECTED_AT.toISOString());
  });

  it('maps the workload', () => {
    expect(ev.workload).toMatchObject({
      kind: 'Deployment',
      name: 'payment-service',
      namespace: PAYMENTS,
      specReplicas: 3,
      replicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      updatedReplicas: 3,
      selector: { app: 'payment-service' },
      templateLabels: { app: 'payment-service' },
      currentRevision: 5,
      createdAt: '2026-11-20T16:00:00Z',
    });
    expect(ev.workload?.selectorExpressions).toBeUndefined();
    expect(ev.workload?.conditions).toContainEqual({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', lastTransitionTime: '2026-11-21T01:41:00Z' });
    expect(ev.workload?.templateContainers).toEqual([
      {
        name: 'app',
        image: IMAGE_V5,
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } },
        probes: {
          readiness: { type: 'http', path: '/ready', port: 'http', periodSeconds: 5, failureThreshold: 3 },
          liveness: { type: 'tcp', port: 8080, initialDelaySeconds: 10 },
        },
        env: [
          { name: 'DB_HOST', value: 'payments-db' },
          { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'payments-db', key: 'password' } },
          { name: 'FEATURE_CACHE_WARMUP', value: 'on' },
          { name: 'POD_IP', ref: { kind: 'field', key: 'status.podIP' } },
        ],
        envFrom: [{ kind: 'configMap', name: 'payment-service-config' }],
      },
    ]);
    expect(ev.workload?.templatePlacement).toEqual({ nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] });
  });

  it('maps the crash-looping, OOMKilled container and the healthy pods', () => {
    expect(ev.pods.map((p) => p.name)).toEqual(['payment-service-7c9d5f6b8-a1b2c', CRASHING_POD, 'payment-service-7c9d5f6b8-z9y8x']);
    const bad = ev.pods.find((p) => p.name === CRASHING_POD);
    expect(bad).toMatchObject({ nodeName: 'node-b', phase: 'Running', qosClass: 'Burstable', ready: false, revisionHash: '7c9d5f6b8' });
    expect(bad?.uid).toMatch(/^[0-9a-f-]{36}$/);
    const app = bad?.containers[0];
    expect(app).toMatchObject({
      name: 'app',
      image: IMAGE_V5,
      restartCount: 7,
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app' } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-11-21T01:57:00Z', finishedAt: '2026-11-21T01:58:00Z' } },
      resources: { limits: { memory: '256Mi' } },
    });
    const good = ev.pods.find((p) => p.name === 'payment-service-7c9d5f6b8-a1b2c');
    expect(good).toMatchObject({ ready: true, startTime: '2026-11-21T01:01:00Z', createdAt: '2026-11-21T01:00:00Z' });
    expect(good?.containers[0]?.state).toEqual({ running: { startedAt: '2026-11-21T01:02:00Z' } });
    expect(good?.containers[0]?.lastState).toBeUndefined();
    expect(good?.deletionTimestamp).toBeUndefined();
  });

  it('keeps the two revisions with their images, env (secrets as references) and limits', () => {
    expect(ev.revisions.map((r) => [r.revision, r.name, r.hash, r.replicas])).toEqual([
      [5, 'payment-service-7c9d5f6b8', '7c9d5f6b8', 3],
      [4, 'payment-service-5b8c4d7f9', '5b8c4d7f9', 0],
    ]);
    const [v5, v4] = ev.revisions;
    expect(v5?.changeCause).toBe('deploy 1.9.0 (warm the merchant cache at start)');
    expect(v5?.createdAt).toBe('2026-11-21T01:40:00Z');
    expect(v4?.changeCause).toBeUndefined();
    expect(v5?.containers[0]).toEqual({
      name: 'app',
      image: IMAGE_V5,
      env: [
        { name: 'DB_HOST', value: 'payments-db' },
        { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'payments-db', key: 'password' } },
        { name: 'FEATURE_CACHE_WARMUP', value: 'on' },
        { name: 'POD_IP', ref: { kind: 'field', key: 'status.podIP' } },
      ],
      envFrom: [{ kind: 'configMap', name: 'payment-service-config' }],
      resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } },
      ports: ['8080/TCP "http"'],
      probes: { readiness: 'GET :http/ready, every 5s, timeout 1s, 3 failures', liveness: 'TCP :8080, after 10s, every 10s, timeout 1s, 3 failures' },
      volumeMounts: [],
    });
    // The template's labels without the ReplicaSet's pod-template-hash, which changes on every rollout; its annotations (none here) for the diff.
    expect(v5?.template).toEqual({ labels: { app: 'payment-service' }, annotations: {}, initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
    expect(v4?.containers[0]?.image).toBe(IMAGE_V4);
    expect(v4?.containers[0]?.resources.limits).toEqual({ memory: '512Mi' });
    expect(v4?.containers[0]?.env).toContainEqual({ name: 'FEATURE_CACHE_WARMUP', value: 'off' });
  });

  it('reads the three nodes under the pods, with MemoryPressure on node-b', () => {
    expect(ev.nodes.map((n) => n.name).sort()).toEqual(['node-a', 'node-b', 'node-c']);
    const b = ev.nodes.find((n) => n.name === 'node-b');
    expect(b?.conditions).toContainEqual({
      type: 'MemoryPressure',
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
      message: 'kubelet has insufficient memory available',
      lastTransitionTime: '2026-11-21T01:55:00Z',
    });
    expect(b?.taints).toEqual([{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }]);
    expect(b?.allocatable).toEqual({ cpu: '1930m', memory: '7220Mi', pods: '29' });
    expect(b?.unschedulable).toBe(false);
    expect(b?.labels).toEqual({ 'topology.kubernetes.io/zone': 'us-east-1b', 'node.kubernetes.io/instance-type': 'm6i.large' });
  });

  it('collects the events of the workload, its ReplicaSet, pods, HPA, PVC and nodes — and no others', () => {
    const summary = ev.events.map((e) => `${e.object.kind}/${e.object.name} ${e.reason} x${e.count}`);
    expect(summary.sort()).toEqual(
      [
        'Deployment/payment-service ScalingReplicaSet x1',
        'ReplicaSet/payment-service-7c9d5f6b8 SuccessfulCreate x1',
        `Pod/${CRASHING_POD} BackOff x42`,
        `Pod/${CRASHING_POD} Pulled x8`,
        `Pod/${CRASHING_POD} Unhealthy x5`,
        'HorizontalPodAutoscaler/payment-service SuccessfulRescale x1',
        'PersistentVolumeClaim/payment-uploads ProvisioningSucceeded x1',
        'Node/node-b EvictionThresholdMet x3',
      ].sort(),
    );
    const backOff = ev.events.find((e) => e.reason === 'BackOff');
    expect(backOff).toEqual({
      object: { kind: 'Pod', name: CRASHING_POD, namespace: PAYMENTS },
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off restarting failed container app in pod ${CRASHING_POD}`,
      count: 42,
      firstSeen: '2026-11-21T01:42:00Z',
      lastSeen: '2026-11-21T01:59:00Z',
      source: 'kubelet',
    });
    // events.k8s.io style: series.count, eventTime and series.lastObservedTime, reportingController.
    expect(ev.events.find((e) => e.reason === 'Unhealthy')).toMatchObject({
      count: 5,
      firstSeen: '2026-11-21T01:45:00.123456Z',
      lastSeen: '2026-11-21T01:59:30.654321Z',
      source: 'kubelet',
      message: 'Readiness probe failed: connection refused',
    });
    expect(ev.events.find((e) => e.object.kind === 'Node')?.object).toEqual({ kind: 'Node', name: 'node-b' });
    // Oldest first.
    const times = ev.events.map((e) => e.firstSeen);
    expect(times).toEqual([...times].sort());
  });

  it('maps every Service of the namespace and their EndpointSlices with readiness', () => {
    expect(ev.services).toEqual([
      { name: 'payment-service', type: 'ClusterIP', selector: { app: 'payment-service' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] , createdAt: expect.any(String) },
      { name: 'payments-db', type: 'ClusterIP', selector: { app: 'payments-db' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] , createdAt: expect.any(String) },
    ]);
    expect(ev.endpointSlices.map((s) => s.service)).toEqual(['payment-service', 'payments-db']);
    expect(ev.endpointSlices[0]).toEqual({
      name: 'payment-service-x7k2p',
      service: 'payment-service',
      endpoints: [
        { addresses: ['10.0.1.12'], ready: true, terminating: false, podName: 'payment-service-7c9d5f6b8-a1b2c', nodeName: 'node-a' },
        { addresses: ['10.0.2.34'], ready: false, terminating: false, podName: CRASHING_POD, nodeName: 'node-b' },
        { addresses: ['10.0.3.56'], ready: true, terminating: false, podName: 'payment-service-7c9d5f6b8-z9y8x', nodeName: 'node-c' },
      ],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      createdAt: expect.any(String),
    });
  });

  it('keeps only the HPA that scales this Deployment, with its age and who manages it', () => {
    expect(ev.hpas).toEqual([
      {
        name: 'payment-service',
        minReplicas: 3,
        maxReplicas: 5,
        currentReplicas: 3,
        desiredReplicas: 5,
        metrics: [{ name: 'cpu', current: '182%', target: '70%' }],
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', lastTransitionTime: '2026-11-20T21:00:00Z' },
          {
            type: 'ScalingLimited',
            status: 'True',
            reason: 'TooManyReplicas',
            message: 'the desired replica count is more than the maximum replica count',
            lastTransitionTime: '2026-11-21T01:56:00Z',
          },
        ],
        lastScaleTime: '2026-11-21T01:56:00Z',
        createdAt: '2026-11-20T21:00:00Z',
        managedBy: 'Helm release payment-service',
      },
    ]);
  });

  it('reads the PVC the pods mount', () => {
    expect(ev.pvcs).toEqual([
      {
        name: 'payment-uploads',
        // Generated by the fake API server: what a volume's claimRef must name.
        uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        // Stamped by the fake API server on create: a claim older than its StatefulSet was not made by it.
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        phase: 'Bound',
        storageClass: 'efs',
        volumeName: 'pvc-1234',
        accessModes: ['ReadWriteMany'],
        requested: '10Gi',
        usedByPods: ['payment-service-7c9d5f6b8-a1b2c', CRASHING_POD, 'payment-service-7c9d5f6b8-z9y8x'],
      },
    ]);
  });

  it('reads the previous log of the crashed container, raw, and samples the current log of two ready pods', () => {
    expect(ev.logs).toEqual([
      {
        pod: CRASHING_POD,
        container: 'app',
        previous: true,
        lines: [
          'INFO starting payment-service 1.9.0',
          'INFO connected to postgres://payments-db:5432/payments',
          'WARN cache warm-up: loading 1.2M merchant records',
          'ERROR java.lang.OutOfMemoryError: Java heap space',
        ],
      },
      // The fake has no output for the healthy pods: an empty current log, read and kept.
      { pod: 'payment-service-7c9d5f6b8-z9y8x', container: 'app', previous: false, lines: [] },
      { pod: 'payment-service-7c9d5f6b8-a1b2c', container: 'app', previous: false, lines: [] },
    ]);
    const logReads = h.fake.requests.filter((r) => r.path.endsWith('/log'));
    expect(logReads).toHaveLength(3);
    expect(logReads.find((r) => r.path.includes(CRASHING_POD))?.query).toMatchObject({ container: 'app', previous: 'true', tailLines: '100', limitBytes: '64000' });
    expect(logReads.filter((r) => !r.path.includes(CRASHING_POD)).map((r) => r.query['previous'])).toEqual(['false', 'false']);
  });

  it('asks the API server to filter: pods by the selector, events by object or by type (one page of Warnings), nothing unfiltered', () => {
    const reqs = h.fake.requests;
    const podLists = reqs.filter((r) => r.path === `/api/v1/namespaces/${PAYMENTS}/pods`);
    expect(podLists).toHaveLength(1);
    expect(podLists[0]?.query).toMatchObject({ labelSelector: 'app=payment-service', limit: '500' });
    const eventLists = reqs.filter((r) => r.path.endsWith('/events'));
    const warnings = eventLists.filter((r) => r.query['fieldSelector'] === 'type=Warning');
    expect(warnings.map((r) => [r.path, r.query['limit']])).toEqual([[`/api/v1/namespaces/${PAYMENTS}/events`, '500']]);
    expect(eventLists.filter((r) => !warnings.includes(r)).every((r) => (r.query['fieldSelector'] ?? '').startsWith('involvedObject.kind='))).toBe(true);
    expect(reqs.filter((r) => r.path === '/api/v1/events')).toHaveLength(3); // one per node
    expect(reqs.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('a Service the workload depends on, left with no ready endpoint', () => {
  it('follows it one hop: its pods (by its selector) and the Warning events of the one not ready', async () => {
    addPaymentService(h.fake);
    const cache = { ...service(PAYMENTS, 'payments-cache', { app: 'payments-cache' }), spec: { ...service(PAYMENTS, 'payments-cache', { app: 'payments-cache' }).spec, clusterIP: '172.20.98.109' } };
    h.fake.add(cache);
    h.fake.add(pod({ namespace: PAYMENTS, name: 'payments-cache-0', labels: { app: 'payments-cache' }, containers: [container({ name: 'redis', image: 'redis:7.2' })], statuses: [], ready: false, phase: 'Pending' }));
    const message = '0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    h.fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'Pod', name: 'payments-cache-0' }, reason: 'FailedScheduling', message, first: at(-15), last: at(-1), component: 'default-scheduler' }));
    h.fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'Pod', name: 'payments-cache-0' }, reason: 'Scheduled', type: 'Normal', message: 'Successfully assigned', first: at(-900) }));
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toEqual([]);
    expect(ev.services.find((x) => x.name === 'payments-cache')?.clusterIP).toBe('172.20.98.109');
    expect(ev.downServices?.map((d) => d.service)).toEqual(['payments-cache']);
    expect(ev.downServices?.[0]?.pods.map((p) => [p.name, p.phase])).toEqual([['payments-cache-0', 'Pending']]);
    expect(ev.downServices?.[0]?.events.map((e) => [e.reason, e.message])).toEqual([['FailedScheduling', message]]);
    // Bounded reads: the Service's pods by its selector, the events of that one pod; payments-db has ready endpoints and is not followed.
    const podLists = h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${PAYMENTS}/pods`).map((r) => r.query['labelSelector']);
    expect(podLists.sort()).toEqual(['app=payment-service', 'app=payments-cache']);
  });
  it('follows a headless Service whose endpoints are published but not serving, and reads the log tail of one pod that runs but is not ready', async () => {
    addPaymentService(h.fake);
    h.fake.add(service(PAYMENTS, 'payments-mongo', { app: 'payments-mongo' }));
    for (const n of ['payments-mongo-0', 'payments-mongo-1']) {
      h.fake.add(pod({ namespace: PAYMENTS, name: n, labels: { app: 'payments-mongo' }, node: 'node-a', containers: [container({ name: 'mongod', image: 'mongo:6.0' })], statuses: [{ ...runningStatus('mongod', 'mongo:6.0'), ready: false }], ready: false }));
    }
    // A headless Service that publishes not-ready addresses: listed as ready, not serving.
    const slice = endpointSlice(PAYMENTS, 'payments-mongo', [0, 1].map((i) => ({ ip: `10.0.9.${i + 10}`, pod: `payments-mongo-${i}`, node: 'node-a', ready: true })));
    h.fake.add({ ...slice, endpoints: (slice.endpoints ?? []).map((e) => ({ ...e, conditions: { ready: true, serving: false, terminating: false } })) });
    const said = '{"s":"W","c":"REPL","msg":"Locally stored replica set configuration does not have a valid entry for the current node","attr":{"error":{"codeName":"NodeNotFound"}}}';
    h.fake.setLogs(PAYMENTS, 'payments-mongo-0', 'mongod', { current: `${said}\n` });
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    const down = ev.downServices?.find((d) => d.service === 'payments-mongo');
    expect(down?.logs?.map((l) => [l.pod, l.container, l.lines])).toEqual([['payments-mongo-0', 'mongod', [said]]]);
    // One log tail, not one per pod.
    expect(h.fake.requests.filter((r) => r.path.includes('/pods/payments-mongo-') && r.path.endsWith('/log'))).toHaveLength(1);
  });
});

describe('a pod of something else behind the workload\'s Service', () => {
  it('reads it (a get and a log tail) so the report can say what it runs and what it logs', async () => {
    addPaymentService(h.fake);
    const canary = 'payment-service-canary-5d8f9-q1w2e';
    h.fake.add(service(PAYMENTS, 'payment-service-public', { app: 'payment-service' }));
    h.fake.add({ ...endpointSlice(PAYMENTS, 'payment-service-public', [{ ip: '10.0.2.77', pod: canary, node: 'node-b', ready: true }]), metadata: { name: 'payment-service-public-k2j4h', namespace: PAYMENTS, labels: { 'kubernetes.io/service-name': 'payment-service-public' } } });
    h.fake.add(pod({ namespace: PAYMENTS, name: canary, labels: { app: 'payment-canary' }, node: 'node-b', containers: [container({ name: 'app', image: 'registry.example.com/payment-service:2.0.0-rc.1' })], statuses: [runningStatus('app', 'registry.example.com/payment-service:2.0.0-rc.1')], ready: true }));
    h.fake.setLogs(PAYMENTS, canary, 'app', { current: 'ERROR column "gift_card_id" does not exist\n' });
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toEqual([]);
    expect(ev.foreignPods?.map((f) => [f.pod.name, f.pod.containers[0]?.image, f.logs[0]?.lines])).toEqual([[canary, 'registry.example.com/payment-service:2.0.0-rc.1', ['ERROR column "gift_card_id" does not exist']]]);
    expect(h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${PAYMENTS}/pods/${canary}`)).toHaveLength(1);
  });
});

describe('a pod behind the workload\'s Service whose ReplicaSet has no owner', () => {
  it('reads that ReplicaSet (one get) and names it, not the Deployment its name comes from, as the pods\' owner', async () => {
    addPaymentService(h.fake);
    const oldImage = 'registry.example.com/payment-service:3.9.0';
    const rs = replicaSet({ owner: { name: 'payment-service', uid: 'gone-uid', namespace: PAYMENTS }, hash: '7c9d4b5f8', revision: 9, replicas: 1, containers: [container({ name: 'app', image: oldImage })], createdAt: at(-9000), labels: { app: 'payment-service' } });
    delete rs.metadata?.ownerReferences;
    h.fake.add(rs);
    const stray = 'payment-service-7c9d4b5f8-zx8qv';
    h.fake.add(service(PAYMENTS, 'payment-service-public', { app: 'payment-service' }));
    h.fake.add({ ...endpointSlice(PAYMENTS, 'payment-service-public', [{ ip: '10.0.2.78', pod: stray, node: 'node-b', ready: true }]), metadata: { name: 'payment-service-public-x9k2d', namespace: PAYMENTS, labels: { 'kubernetes.io/service-name': 'payment-service-public' } } });
    const p = pod({ namespace: PAYMENTS, name: stray, labels: { app: 'payment-old', 'pod-template-hash': '7c9d4b5f8' }, node: 'node-b', containers: [container({ name: 'app', image: oldImage })], statuses: [runningStatus('app', oldImage)], ready: true });
    h.fake.add({ ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'payment-service-7c9d4b5f8', uid: 'rs-uid', controller: true }] } });
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toEqual([]);
    const seen = ev.foreignPods?.find((f) => f.pod.name === stray);
    expect(seen?.pod.ownerWorkload).toEqual({ kind: 'ReplicaSet', name: 'payment-service-7c9d4b5f8' });
    expect(seen?.replicaSet).toEqual({ name: 'payment-service-7c9d4b5f8', createdAt: at(-9000).toISOString(), specReplicas: 1, images: [oldImage] });
    expect(h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${PAYMENTS}/replicasets/payment-service-7c9d4b5f8`)).toHaveLength(1);
  });
});

describe('an HPA that cannot get its metrics', () => {
  it('reads metrics-server in kube-system (by the chart\'s label) and the log tail of its unready pod', async () => {
    addPaymentService(h.fake);
    h.fake.add({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'payment-service-blind', namespace: PAYMENTS },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'payment-service' }, minReplicas: 3, maxReplicas: 20, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
      status: {
        currentReplicas: 3,
        desiredReplicas: 3,
        conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)', lastTransitionTime: at(-40) }],
      },
    });
    const ms = 'metrics-server-6d94bc8694-x7w2k';
    h.fake.add(pod({ namespace: 'kube-system', name: ms, labels: { 'app.kubernetes.io/name': 'metrics-server' }, node: 'node-a', containers: [container({ name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2' })], statuses: [{ ...runningStatus('metrics-server', 'registry.k8s.io/metrics-server/metrics-server:v0.7.2'), ready: false }], ready: false }));
    h.fake.setLogs('kube-system', ms, 'metrics-server', { current: 'E1121 03:13:52.120457       1 scraper.go:149] "Failed to scrape node" err="x509: cannot validate certificate for 10.0.111.31 because it doesn\'t contain any IP SANs" node="node-a"\n' });
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toEqual([]);
    expect(ev.metricsServer?.pods.map((p) => [p.name, p.ready])).toEqual([[ms, false]]);
    expect(ev.metricsServer?.logs[0]?.lines[0]).toContain("doesn't contain any IP SANs");
    // The chart's label answered, so the upstream one was not asked.
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/kube-system/pods').map((r) => r.query['labelSelector']).sort()).toEqual(['app.kubernetes.io/name=metrics-server', 'k8s-app=kube-dns']);
  });

  it('reads the adapter that serves an unanswering custom metrics API (not metrics-server): its pods, a crashed run\'s log and its revisions', async () => {
    addPaymentService(h.fake);
    h.fake.add({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'payment-service-blind', namespace: PAYMENTS },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'payment-service' }, minReplicas: 3, maxReplicas: 20, metrics: [{ type: 'Pods', pods: { metric: { name: 'jobs_in_flight' }, target: { type: 'AverageValue', averageValue: '10' } } }] },
      status: {
        currentReplicas: 3,
        desiredReplicas: 3,
        conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetPodsMetric', message: 'the HPA was unable to compute the replica count: unable to get metric jobs_in_flight: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)', lastTransitionTime: at(-40) }],
      },
    });
    const ns = 'observability';
    const owner = { name: 'prometheus-adapter', uid: 'adapter-uid', namespace: ns };
    const image = (v: string) => `registry.k8s.io/prometheus-adapter/prometheus-adapter:${v}`;
    h.fake.add(replicaSet({ owner, hash: '5b8c7d9f6', revision: 3, replicas: 0, containers: [container({ name: 'adapter', image: image('v0.11.2') })], createdAt: at(-90 * 24 * 60), labels: { app: 'prometheus-adapter' } }));
    h.fake.add(replicaSet({ owner, hash: '6d4f8b7c5', revision: 4, replicas: 1, containers: [container({ name: 'adapter', image: image('v0.12.0') })], createdAt: at(-45), labels: { app: 'prometheus-adapter' } }));
    const name = 'prometheus-adapter-6d4f8b7c5-k2j9q';
    const p = pod({ namespace: ns, name, labels: { app: 'prometheus-adapter', 'pod-template-hash': '6d4f8b7c5' }, node: 'node-a', containers: [container({ name: 'adapter', image: image('v0.12.0') })], statuses: [{ ...runningStatus('adapter', image('v0.12.0')), ready: false, restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } } }], ready: false });
    h.fake.add({ ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'prometheus-adapter-6d4f8b7c5', uid: 'rs-uid', controller: true }] } });
    h.fake.setLogs(ns, name, 'adapter', { previous: 'F1121 03:10:00.000000       1 adapter.go:286] unable to load metrics discovery config: unable to parse metrics discovery config\n' });
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toEqual([]);
    expect(ev.metricsServer).toBeUndefined();
    expect(ev.metricsAdapter?.name).toBe('prometheus-adapter');
    expect(ev.metricsAdapter?.namespace).toBe(ns);
    expect(ev.metricsAdapter?.pods.map((x) => [x.name, x.ready])).toEqual([[name, false]]);
    expect(ev.metricsAdapter?.logs[0]).toMatchObject({ previous: true });
    expect(ev.metricsAdapter?.logs[0]?.lines[0]).toContain('unable to parse metrics discovery config');
    expect([ev.metricsAdapter?.rollout?.current.revision, ev.metricsAdapter?.rollout?.previous?.revision]).toEqual([4, 3]);
    // The chart's name label found none: the plain app label was asked next; metrics-server not at all.
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['labelSelector']).filter((l) => l?.includes('prometheus-adapter'))).toEqual([
      'app.kubernetes.io/name in (prometheus-adapter,keda-operator-metrics-apiserver,custom-metrics-stackdriver-adapter,datadog-cluster-agent,k8s-cloudwatch-adapter)',
      'app in (prometheus-adapter,keda-operator-metrics-apiserver,custom-metrics-stackdriver-adapter,datadog-cluster-agent,k8s-cloudwatch-adapter)',
    ]);
    expect(h.fake.requests.some((r) => (r.query['labelSelector'] ?? '').includes('metrics-server'))).toBe(false);
  });

  it('does not read metrics-server when every HPA gets its metrics', async () => {
    addPaymentService(h.fake);
    const ev = await h.cluster.collectEvidence(paymentTarget, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.metricsServer).toBeUndefined();
    expect(h.fake.requests.some((r) => (r.query['labelSelector'] ?? '').includes('metrics-server'))).toBe(false);
  });
});

describe('a StatefulSet whose second replica waits for its volume', () => {
  let ev: TriageEvidence;

  beforeEach(async () => {
    addLedgerDb(h.fake);
    ev = await h.cluster.collectEvidence({ service: 'ledger-db', namespace: LEDGER_NS, kind: 'StatefulSet', name: 'ledger-db' }, { budgetMs: AMPLE_BUDGET_MS });
  });

  it('takes the current revision from status.updateRevision → ControllerRevision.revision', () => {
    expect(ev.readFailures).toEqual([]);
    expect(ev.workload).toMatchObject({ kind: 'StatefulSet', specReplicas: 2, replicas: 2, readyReplicas: 1, availableReplicas: 0, currentRevision: 2 });
  });

  it('reads the ControllerRevisions from their pod-template data', () => {
    expect(ev.revisions).toEqual([
      {
        revision: 2,
        name: 'ledger-db-6d8f9c7b5',
        hash: 'ledger-db-6d8f9c7b5',
        createdAt: '2026-11-21T01:30:00Z',
        containers: [
          {
            name: 'postgres',
            image: 'postgres:16.4',
            env: [
              { name: 'SHARED_BUFFERS', value: '512MB' },
              { name: 'POSTGRES_PASSWORD', ref: { kind: 'secret', name: 'ledger-db', key: 'password' } },
            ],
            envFrom: [],
            resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
            ports: [],
            probes: {},
            volumeMounts: [],
          },
        ],
        template: { labels: { app: 'ledger-db' }, initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } },
      },
      expect.objectContaining({ revision: 1, name: 'ledger-db-5c7b8d9f4', hash: 'ledger-db-5c7b8d9f4' }),
    ]);
    expect(ev.revisions[1]?.containers[0]?.image).toBe('postgres:15.8');
    expect(ev.revisions[0]).not.toHaveProperty('replicas');
  });

  it('ties pods to revisions, and reads the volumeClaimTemplate claims with their events', () => {
    expect(ev.pods.map((p) => [p.name, p.phase, p.revisionHash, p.qosClass, p.nodeName])).toEqual([
      ['ledger-db-0', 'Running', 'ledger-db-5c7b8d9f4', 'Guaranteed', 'node-a'],
      ['ledger-db-1', 'Pending', 'ledger-db-6d8f9c7b5', 'Guaranteed', undefined],
    ]);
    expect(ev.pods[1]?.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }));
    expect(ev.pvcs.map((p) => [p.name, p.phase, p.usedByPods, p.requested, p.storageClass])).toEqual([
      ['data-ledger-db-0', 'Bound', ['ledger-db-0'], '50Gi', 'gp3'],
      ['data-ledger-db-1', 'Pending', ['ledger-db-1'], '50Gi', 'gp3'],
    ]);
    expect(ev.pvcs[1]?.volumeName).toBeUndefined();
    expect(ev.events.map((e) => `${e.object.kind}/${e.object.name} ${e.reason} x${e.count}`).sort()).toEqual([
      'PersistentVolumeClaim/data-ledger-db-1 ProvisioningFailed x12',
      'Pod/ledger-db-1 FailedScheduling x9',
    ]);
    expect(ev.nodes.map((n) => n.name)).toEqual(['node-a']);
    expect(ev.logs).toEqual([{ pod: 'ledger-db-0', container: 'postgres', previous: false, lines: [] }]);
  });

  it('reads the volume bound to each claim, with the zone it is pinned to, its handle and when it was made', () => {
    expect(ev.volumes).toEqual([
      { name: 'pvc-0', claim: `${LEDGER_NS}/data-ledger-db-0`, phase: 'Bound', storageClass: 'gp3', driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0a1b2c3d4e5f60718', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), nodeAffinity: [[{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a'] }]] },
    ]);
  });

  it('lists every node of the cluster, with all its labels, because a pod is not scheduled', () => {
    expect(ev.clusterNodes?.map((n) => [n.name, n.labels?.['kubernetes.io/hostname']])).toEqual([['node-a', 'node-a']]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/nodes')).toHaveLength(1);
  });
});
