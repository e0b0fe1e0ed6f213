// Drives the fake apiserver through the REAL @kubernetes/client-node, so anything the bot's
// Kubernetes code can do against it is known to parse and behave like a real cluster.
import { Writable } from 'node:stream';
import * as k8s from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PATIENTLY } from '../helpers/deadline.js';
import { DEFAULT_USER, FakeKubeApi } from '../../src/demo/fakes/fake-kube-api.js';

let fake: FakeKubeApi;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;

beforeEach(async () => {
  fake = await FakeKubeApi.start();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(fake.kubeconfig().path);
  core = kc.makeApiClient(k8s.CoreV1Api);
});

afterEach(async () => {
  await fake.close();
});

interface PodOpts {
  labels?: Record<string, string>;
  node?: string;
  phase?: string;
  containers?: string[];
}

function pod(namespace: string, name: string, o: PodOpts = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, ...(o.labels === undefined ? {} : { labels: o.labels }) },
    spec: {
      ...(o.node === undefined ? {} : { nodeName: o.node }),
      containers: (o.containers ?? ['app']).map((c) => ({ name: c, image: `${c}:1` })),
    },
    status: { phase: o.phase ?? 'Running' },
  };
}

function coreEvent(namespace: string, name: string, involved: string, reason: string, count = 1) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: { kind: 'Pod', namespace, name: involved, uid: `uid-${involved}` },
    reason,
    message: `${reason} on ${involved}`,
    type: reason === 'Started' ? 'Normal' : 'Warning',
    count,
    firstTimestamp: '2024-05-01T10:00:00Z',
    lastTimestamp: '2024-05-01T10:05:00Z',
    source: { component: 'kubelet', host: 'node-a' },
  };
}

/** Runs `fn`, expecting an ApiException; returns it with the Status body parsed. */
async function apiError(fn: () => Promise<unknown>): Promise<{ code: number; status: Record<string, unknown> }> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(k8s.ApiException);
    const e = err as k8s.ApiException<unknown>;
    const body = typeof e.body === 'string' && e.body !== '' ? (JSON.parse(e.body) as Record<string, unknown>) : {};
    return { code: e.code, status: body };
  }
  throw new Error('expected the call to fail');
}

function names(list: { items: Array<{ metadata?: { name?: string } }> }): string[] {
  return list.items.map((i) => i.metadata?.name ?? '?');
}

describe('lists and selectors', () => {
  beforeEach(() => {
    fake.add(pod('payments', 'web-2', { labels: { app: 'web', tier: 'front' }, node: 'node-a' }));
    fake.add(pod('payments', 'web-1', { labels: { app: 'web', tier: 'front' }, node: 'node-b', phase: 'Pending' }));
    fake.add(pod('payments', 'api-1', { labels: { app: 'api', tier: 'back', canary: 'true' }, node: 'node-a' }));
    fake.add(pod('payments', 'job-1', { labels: { team: 'data' }, phase: 'Succeeded' }));
    fake.add(pod('other', 'web-9', { labels: { app: 'web' }, node: 'node-a' }));
  });

  it('lists a namespace in name order with the real List envelope', async () => {
    const list = await core.listNamespacedPod({ namespace: 'payments' });
    expect(list.kind).toBe('PodList');
    expect(list.apiVersion).toBe('v1');
    expect(names(list)).toEqual(['api-1', 'job-1', 'web-1', 'web-2']);
    expect(Number(list.metadata?.resourceVersion)).toBe(5);
    const first = list.items[0];
    // kube-apiserver leaves kind/apiVersion off list items; bot code must not rely on them.
    expect(first?.kind).toBeUndefined();
    expect(first?.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(first?.status?.phase).toBe('Running');
  });

  it('lists across namespaces and answers an unknown namespace with an empty list', async () => {
    const all = await core.listPodForAllNamespaces({ labelSelector: 'app=web' });
    expect(all.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual([
      'other/web-9',
      'payments/web-1',
      'payments/web-2',
    ]);
    expect((await core.listNamespacedPod({ namespace: 'nowhere' })).items).toEqual([]);
  });

  it.each([
    ['app=web', ['web-1', 'web-2']],
    ['app==api', ['api-1']],
    ['app!=web', ['api-1', 'job-1']],
    ['app in (web,api)', ['api-1', 'web-1', 'web-2']],
    ['app notin (web)', ['api-1', 'job-1']],
    ['canary', ['api-1']],
    ['!app', ['job-1']],
    ['app=web,tier=front', ['web-1', 'web-2']],
    ['tier in (front, back),!canary', ['web-1', 'web-2']],
  ])('labelSelector %s', async (labelSelector, expected) => {
    const list = await core.listNamespacedPod({ namespace: 'payments', labelSelector });
    expect(names(list)).toEqual(expected);
  });

  it.each([
    ['spec.nodeName=node-a', ['api-1', 'web-2']],
    ['spec.nodeName==node-b', ['web-1']],
    ['status.phase!=Running', ['job-1', 'web-1']],
    ['metadata.name=web-2', ['web-2']],
    ['spec.nodeName=node-a,status.phase=Running,metadata.namespace=payments', ['api-1', 'web-2']],
    ['spec.nodeName=', ['job-1']],
  ])('fieldSelector %s', async (fieldSelector, expected) => {
    const list = await core.listNamespacedPod({ namespace: 'payments', fieldSelector });
    expect(names(list)).toEqual(expected);
  });

  it('rejects an unsupported field label with the apiserver 400', async () => {
    const { code, status } = await apiError(() =>
      core.listNamespacedPod({ namespace: 'payments', fieldSelector: 'spec.image=x' }),
    );
    expect(code).toBe(400);
    expect(status).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'field label not supported: spec.image' });
  });

  it('rejects a malformed label selector with 400', async () => {
    const { code } = await apiError(() => core.listNamespacedPod({ namespace: 'payments', labelSelector: 'app in web' }));
    expect(code).toBe(400);
  });

  it('serves cluster-scoped nodes and the apps, autoscaling and discovery groups', async () => {
    fake.add({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-a', labels: { zone: 'a' } },
      spec: { unschedulable: true },
    });
    fake.add({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-b' } });
    fake.add({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-abc',
        namespace: 'payments',
        labels: { app: 'web' },
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
    });
    fake.add({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'payments' },
      spec: { minReplicas: 2, maxReplicas: 5, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } },
    });
    fake.add({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x1', namespace: 'payments', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: false } }],
    });

    expect((await core.readNode({ name: 'node-a' })).spec?.unschedulable).toBe(true);
    expect(names(await core.listNode({ fieldSelector: 'spec.unschedulable=true' }))).toEqual(['node-a']);

    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const rs = await apps.listNamespacedReplicaSet({ namespace: 'payments', labelSelector: 'app=web' });
    expect(rs.kind).toBe('ReplicaSetList');
    expect(rs.items[0]?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');

    const autoscaling = kc.makeApiClient(k8s.AutoscalingV2Api);
    const hpa = await autoscaling.readNamespacedHorizontalPodAutoscaler({ namespace: 'payments', name: 'web' });
    expect(hpa.kind).toBe('HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.maxReplicas).toBe(5);

    const slices = await kc.makeApiClient(k8s.DiscoveryV1Api).listNamespacedEndpointSlice({
      namespace: 'payments',
      labelSelector: 'kubernetes.io/service-name=web',
    });
    expect(slices.items[0]?.endpoints[0]?.conditions?.ready).toBe(false);

    const missing = await apiError(() => apps.readNamespacedDeployment({ namespace: 'payments', name: 'web' }));
    expect(missing.code).toBe(404);
    expect(missing.status).toMatchObject({
      message: 'deployments.apps "web" not found',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
  });
});

describe('pagination', () => {
  beforeEach(() => {
    for (let i = 1; i <= 7; i++) fake.add(pod('payments', `p-${i}`, { labels: { app: i % 2 === 0 ? 'even' : 'odd' } }));
  });

  it('pages with limit and _continue over a consistent snapshot', async () => {
    const p1 = await core.listNamespacedPod({ namespace: 'payments', limit: 3 });
    expect(names(p1)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(p1.metadata?.remainingItemCount).toBe(4);
    const token1 = p1.metadata?._continue;
    expect(token1).toBeTypeOf('string');

    // A write between pages must not show up in the rest of this list.
    fake.add(pod('payments', 'p-35'));
    fake.remove({ kind: 'Pod', namespace: 'payments', name: 'p-6' });

    const p2 = await core.listNamespacedPod({ namespace: 'payments', limit: 3, _continue: token1 });
    expect(names(p2)).toEqual(['p-4', 'p-5', 'p-6']);
    expect(p2.metadata?.resourceVersion).toBe(p1.metadata?.resourceVersion);
    const p3 = await core.listNamespacedPod({ namespace: 'payments', limit: 3, _continue: p2.metadata?._continue });
    expect(names(p3)).toEqual(['p-7']);
    expect(p3.metadata?._continue).toBeUndefined();
  });

  it('pages a selector-filtered list without remainingItemCount', async () => {
    const p1 = await core.listNamespacedPod({ namespace: 'payments', labelSelector: 'app=odd', limit: 2 });
    expect(names(p1)).toEqual(['p-1', 'p-3']);
    expect(p1.metadata?.remainingItemCount).toBeUndefined();
    const p2 = await core.listNamespacedPod({
      namespace: 'payments',
      labelSelector: 'app=odd',
      limit: 2,
      _continue: p1.metadata?._continue,
    });
    expect(names(p2)).toEqual(['p-5', 'p-7']);
    expect(p2.metadata?._continue).toBeUndefined();
  });

  it('answers an expired continue token with 410 Expired', async () => {
    const p1 = await core.listNamespacedPod({ namespace: 'payments', limit: 3 });
    fake.add(pod('payments', 'p-8'));
    fake.expireHistory();
    const { code, status } = await apiError(() =>
      core.listNamespacedPod({ namespace: 'payments', limit: 3, _continue: p1.metadata?._continue }),
    );
    expect(code).toBe(410);
    expect(status['reason']).toBe('Expired');
    expect(status['message']).toMatch(/^The provided continue parameter is too old/);
  });
});

describe('get and errors', () => {
  it('gets one object with kind, apiVersion and server-assigned metadata', async () => {
    const added = fake.add(pod('payments', 'web-1', { labels: { app: 'web' } }));
    const got = await core.readNamespacedPod({ namespace: 'payments', name: 'web-1' });
    expect(got.kind).toBe('Pod');
    expect(got.apiVersion).toBe('v1');
    expect(got.metadata?.uid).toBe(added.metadata.uid);
    expect(got.metadata?.resourceVersion).toBe(added.metadata.resourceVersion);
    expect(got.spec?.containers[0]?.name).toBe('app');
    // The returned object is the stored one, frozen so a test cannot change the store behind its back.
    expect(() => {
      added.metadata.name = 'renamed';
    }).toThrow(TypeError);
  });

  it('accepts client-node model objects as fixtures', async () => {
    const model: k8s.V1Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'typed', namespace: 'payments', creationTimestamp: new Date('2024-05-01T09:00:00Z') },
      spec: { containers: [{ name: 'app', image: 'app:2' }] },
    };
    fake.add(model);
    const got = await core.readNamespacedPod({ namespace: 'payments', name: 'typed' });
    expect(got.metadata?.creationTimestamp).toEqual(new Date('2024-05-01T09:00:00Z'));
    expect(got.spec?.containers[0]?.image).toBe('app:2');
  });

  it('answers a missing object with the NotFound Status as an ApiException 404', async () => {
    const { code, status } = await apiError(() => core.readNamespacedPod({ namespace: 'payments', name: 'x' }));
    expect(code).toBe(404);
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "x" not found',
      reason: 'NotFound',
      details: { name: 'x', kind: 'pods' },
      code: 404,
    });
  });

  it('forbids with the RBAC message, scoped to the rule', async () => {
    fake.add(pod('payments', 'web-1'));
    fake.add(pod('checkout', 'web-1'));
    const lift = fake.forbid({ namespace: 'payments', resource: 'pods', verb: 'list' });

    const denied = await apiError(() => core.listNamespacedPod({ namespace: 'payments' }));
    expect(denied.code).toBe(403);
    expect(denied.status).toMatchObject({
      reason: 'Forbidden',
      message:
        'pods is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "pods" in API group "" in the namespace "payments"',
      details: { kind: 'pods' },
    });
    // Other namespaces and other verbs stay readable.
    expect(names(await core.listNamespacedPod({ namespace: 'checkout' }))).toEqual(['web-1']);
    expect((await core.readNamespacedPod({ namespace: 'payments', name: 'web-1' })).metadata?.name).toBe('web-1');
    // A cluster-wide list would include the denied namespace.
    const wide = await apiError(() => core.listPodForAllNamespaces());
    expect(wide.status['message']).toBe(
      'pods is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "pods" in API group "" at the cluster scope',
    );

    lift();
    expect(names(await core.listNamespacedPod({ namespace: 'payments' }))).toEqual(['web-1']);
  });

  it('names the configured user and the API group in a denial', async () => {
    const other = new k8s.KubeConfig();
    other.loadFromFile(fake.kubeconfig({ user: 'alice' }).path);
    fake.forbid({ resource: 'deployments', user: 'alice' });
    const apps = other.makeApiClient(k8s.AppsV1Api);
    const { status } = await apiError(() => apps.readNamespacedDeployment({ namespace: 'payments', name: 'web' }));
    expect(status['message']).toBe(
      'deployments.apps "web" is forbidden: User "alice" cannot get resource "deployments" in API group "apps" in the namespace "payments"',
    );
    // The default user is not affected by alice's rule: it gets the ordinary 404.
    const myApps = kc.makeApiClient(k8s.AppsV1Api);
    const mine = await apiError(() => myApps.readNamespacedDeployment({ namespace: 'payments', name: 'web' }));
    expect(mine.code).toBe(404);
  });

  it('rejects an unknown token with 401', async () => {
    const bad = new k8s.KubeConfig();
    bad.loadFromString(fake.kubeconfig().yaml.replace(/token: ".*"/, 'token: "wrong"'));
    const { code } = await apiError(() => bad.makeApiClient(k8s.CoreV1Api).listNamespace());
    expect(code).toBe(401);
  });

  it('refuses and records every write, leaving the store unchanged', async () => {
    fake.add(pod('payments', 'web-1'));
    const del = await apiError(() => core.deleteNamespacedPod({ namespace: 'payments', name: 'web-1' }));
    expect(del.code).toBe(405);
    expect(del.status['reason']).toBe('MethodNotAllowed');
    const create = await apiError(() => core.createNamespacedPod({ namespace: 'payments', body: pod('payments', 'evil') }));
    expect(create.code).toBe(405);
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    await apiError(() =>
      apps.patchNamespacedDeploymentScale({ namespace: 'payments', name: 'web', body: { spec: { replicas: 0 } } }),
    );

    expect(fake.writeAttempts.map((w) => `${w.method} ${w.path}`)).toEqual([
      'DELETE /api/v1/namespaces/payments/pods/web-1',
      'POST /api/v1/namespaces/payments/pods',
      'PATCH /apis/apps/v1/namespaces/payments/deployments/web/scale',
    ]);
    expect(JSON.parse(fake.writeAttempts[1]?.body ?? '{}')).toMatchObject({ metadata: { name: 'evil' } });
    expect(names(await core.listNamespacedPod({ namespace: 'payments' }))).toEqual(['web-1']);
  });
});

describe('events under core/v1 and events.k8s.io/v1', () => {
  beforeEach(() => {
    fake.add(coreEvent('payments', 'web-1.a', 'web-1', 'BackOff', 12));
    fake.add(coreEvent('payments', 'web-1.b', 'web-1', 'Started'));
    fake.add(coreEvent('payments', 'web-2.a', 'web-2', 'FailedScheduling', 3));
  });

  it('filters core events by involvedObject, reason and type', async () => {
    const list = (fieldSelector: string) => core.listNamespacedEvent({ namespace: 'payments', fieldSelector });
    const byObject = await list('involvedObject.name=web-1,involvedObject.kind=Pod');
    expect(names(byObject)).toEqual(['web-1.a', 'web-1.b']);
    const warnings = await list('type=Warning,reason!=BackOff');
    expect(names(warnings)).toEqual(['web-2.a']);
    const byUid = await list('involvedObject.uid=uid-web-2');
    expect(byUid.items[0]?.count).toBe(3);
    expect(byUid.items[0]?.lastTimestamp).toEqual(new Date('2024-05-01T10:05:00Z'));
  });

  it('serves the same events in the events.k8s.io shape', async () => {
    const ev = kc.makeApiClient(k8s.EventsV1Api);
    const list = await ev.listNamespacedEvent({
      namespace: 'payments',
      fieldSelector: 'regarding.name=web-1,reason=BackOff',
    });
    expect(list.kind).toBe('EventList');
    expect(list.apiVersion).toBe('events.k8s.io/v1');
    expect(list.items).toHaveLength(1);
    const e = list.items[0];
    expect(e?.regarding).toMatchObject({ kind: 'Pod', name: 'web-1', uid: 'uid-web-1' });
    expect(e?.note).toBe('BackOff on web-1');
    expect(e?.deprecatedCount).toBe(12);
    expect(e?.deprecatedFirstTimestamp).toEqual(new Date('2024-05-01T10:00:00Z'));
    expect(e?.deprecatedLastTimestamp).toEqual(new Date('2024-05-01T10:05:00Z'));
    expect(e?.deprecatedSource?.component).toBe('kubelet');
    expect(e?.type).toBe('Warning');

    const one = await ev.readNamespacedEvent({ namespace: 'payments', name: 'web-2.a' });
    expect(one.kind).toBe('Event');
    expect(one.apiVersion).toBe('events.k8s.io/v1');
    const missing = await apiError(() => ev.readNamespacedEvent({ namespace: 'payments', name: 'nope' }));
    expect(missing.status['message']).toBe('events.events.k8s.io "nope" not found');
  });

  it('keeps each group to its own field labels', async () => {
    const onCore = await apiError(() =>
      core.listNamespacedEvent({ namespace: 'payments', fieldSelector: 'regarding.name=web-1' }),
    );
    expect(onCore.status['message']).toBe('field label not supported: regarding.name');
    const ev = kc.makeApiClient(k8s.EventsV1Api);
    const onEvents = await apiError(() =>
      ev.listNamespacedEvent({ namespace: 'payments', fieldSelector: 'involvedObject.name=web-1' }),
    );
    expect(onEvents.status['message']).toBe('field label not supported: involvedObject.name');
  });

  it('stores an events.k8s.io object once and serves it under core too', async () => {
    fake.add({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'new-style', namespace: 'payments' },
      eventTime: '2024-05-01T11:00:00.000000Z',
      regarding: { kind: 'Deployment', name: 'web', namespace: 'payments' },
      reason: 'ScalingReplicaSet',
      note: 'Scaled up replica set web-abc to 3',
      type: 'Normal',
      reportingController: 'deployment-controller',
      reportingInstance: 'kcm-1',
      action: 'Scale',
    });
    const asCore = await core.readNamespacedEvent({ namespace: 'payments', name: 'new-style' });
    expect(asCore.message).toBe('Scaled up replica set web-abc to 3');
    expect(asCore.involvedObject.kind).toBe('Deployment');
    expect(asCore.reportingComponent).toBe('deployment-controller');
    const all = await core.listEventForAllNamespaces({ fieldSelector: 'involvedObject.kind=Deployment' });
    expect(names(all)).toEqual(['new-style']);
  });
});

describe('pods/log', () => {
  const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

  beforeEach(() => {
    fake.add(pod('payments', 'web-1', { containers: ['app', 'sidecar'] }));
    fake.setLogs('payments', 'web-1', 'app', { current: 'booting\nready\n', previous: lines });
  });

  async function readLog(container: string, opts: k8s.LogOptions): Promise<string> {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        text += chunk.toString('utf8');
        cb();
      },
    });
    const finished = new Promise<void>((resolve) => sink.on('finish', () => resolve()));
    await new k8s.Log(kc).log('payments', 'web-1', container, sink, opts);
    await finished;
    return text;
  }

  it('streams the previous container log with tailLines through k8s.Log', async () => {
    const text = await readLog('app', { previous: true, tailLines: 50 });
    const got = text.trimEnd().split('\n');
    expect(got).toHaveLength(50);
    expect(got[0]).toBe('line 51');
    expect(got[49]).toBe('line 100');
    const q = fake.requests.at(-1)?.query;
    expect(q).toMatchObject({ container: 'app', previous: 'true', tailLines: '50' });
  });

  it('serves the current log, respects limitBytes and adds timestamps', async () => {
    expect(await readLog('app', {})).toBe('booting\nready\n');
    expect(await readLog('app', { limitBytes: 4 })).toBe('boot');
    const stamped = await readLog('app', { timestamps: true, tailLines: 1 });
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ready\n$/);
  });

  it('answers a missing previous log with the kubelet 400', async () => {
    await expect(readLog('sidecar', { previous: true })).rejects.toMatchObject({ code: 400 });
    // k8s.Log drops the body of a 400; the generated client keeps it.
    const { code, status } = await apiError(() =>
      core.readNamespacedPodLog({ namespace: 'payments', name: 'web-1', container: 'sidecar', previous: true }),
    );
    expect(code).toBe(400);
    expect(status['message']).toBe('previous terminated container "sidecar" in pod "web-1" not found');
  });

  it('validates the container and the pod', async () => {
    const noContainer = await apiError(() => core.readNamespacedPodLog({ namespace: 'payments', name: 'web-1' }));
    expect(noContainer.status['message']).toBe(
      'a container name must be specified for pod web-1, choose one of: [app sidecar]',
    );
    const wrong = await apiError(() => core.readNamespacedPodLog({ namespace: 'payments', name: 'web-1', container: 'db' }));
    expect(wrong.status['message']).toBe('container db is not valid for pod web-1');
    const gone = await apiError(() => core.readNamespacedPodLog({ namespace: 'payments', name: 'web-9', container: 'app' }));
    expect(gone.code).toBe(404);
    const tail = await core.readNamespacedPodLog({ namespace: 'payments', name: 'web-1', container: 'app', tailLines: 1 });
    expect(tail).toBe('ready\n');
  });

  it('denies pods/log separately from pods', async () => {
    fake.forbid({ resource: 'pods/log' });
    const { status } = await apiError(() =>
      core.readNamespacedPodLog({ namespace: 'payments', name: 'web-1', container: 'app' }),
    );
    expect(status['message']).toBe(
      `pods "web-1" is forbidden: User "${DEFAULT_USER}" cannot get resource "pods/log" in API group "" in the namespace "payments"`,
    );
    expect((await core.readNamespacedPod({ namespace: 'payments', name: 'web-1' })).metadata?.name).toBe('web-1');
  });
});

interface Seen {
  type: string;
  name: string | undefined;
  rv: string | undefined;
  obj: Record<string, unknown>;
}

async function openWatch(path: string, query: Record<string, string | number | boolean | undefined>) {
  const seen: Seen[] = [];
  let doneArg: { err: unknown } | undefined;
  const ctrl = await new k8s.Watch(kc).watch(
    path,
    query,
    (type, obj: { metadata?: { name?: string; resourceVersion?: string } }) => {
      seen.push({ type, name: obj.metadata?.name, rv: obj.metadata?.resourceVersion, obj: obj as Record<string, unknown> });
    },
    (err) => {
      doneArg = { err };
    },
  );
  return {
    seen,
    ctrl,
    done: () => doneArg,
    types: () => seen.map((s) => `${s.type} ${s.name ?? ''}`),
  };
}

describe('watch', () => {
  it('streams ADDED, MODIFIED and DELETED from a resourceVersion', async () => {
    fake.add(pod('payments', 'old'));
    const w = await openWatch('/api/v1/namespaces/payments/pods', { resourceVersion: fake.resourceVersion });
    await vi.waitFor(() => expect(fake.openWatches).toBe(1), PATIENTLY);

    fake.add(pod('payments', 'web-1'));
    fake.add(pod('other', 'elsewhere'));
    fake.upsert({ ...pod('payments', 'web-1'), status: { phase: 'Failed' } });
    fake.remove({ kind: 'Pod', namespace: 'payments', name: 'web-1' });
    await vi.waitFor(() => expect(w.types()).toEqual(['ADDED web-1', 'MODIFIED web-1', 'DELETED web-1']), PATIENTLY);
    expect(w.seen[0]?.obj['kind']).toBe('Pod');
    expect(w.seen[1]?.obj['status']).toEqual({ phase: 'Failed' });
    const rvs = w.seen.map((s) => Number(s.rv));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(new Set(rvs).size).toBe(3);
    w.ctrl.abort();
  });

  it('starts with the current state when no resourceVersion is given, and replays from an old one', async () => {
    fake.add(pod('payments', 'a'));
    const rvAfterA = fake.resourceVersion;
    fake.add(pod('payments', 'b'));
    fake.upsert({ ...pod('payments', 'a'), status: { phase: 'Failed' } });

    const fresh = await openWatch('/api/v1/namespaces/payments/pods', {});
    await vi.waitFor(() => expect(fresh.types()).toEqual(['ADDED a', 'ADDED b']), PATIENTLY);

    const replay = await openWatch('/api/v1/namespaces/payments/pods', { resourceVersion: rvAfterA });
    await vi.waitFor(() => expect(replay.types()).toEqual(['ADDED b', 'MODIFIED a']), PATIENTLY);
    fresh.ctrl.abort();
    replay.ctrl.abort();
  });

  it('turns selector transitions into ADDED and DELETED', async () => {
    fake.add(pod('payments', 'web-1', { labels: { app: 'web' } }));
    const w = await openWatch('/api/v1/namespaces/payments/pods', {
      resourceVersion: fake.resourceVersion,
      labelSelector: 'app=web',
    });
    await vi.waitFor(() => expect(fake.openWatches).toBe(1), PATIENTLY);
    fake.upsert(pod('payments', 'web-1', { labels: { app: 'moved' } }));
    fake.upsert(pod('payments', 'web-1', { labels: { app: 'web' } }));
    fake.upsert(pod('payments', 'web-1', { labels: { app: 'web' }, phase: 'Failed' }));
    await vi.waitFor(() => expect(w.types()).toEqual(['DELETED web-1', 'ADDED web-1', 'MODIFIED web-1']), PATIENTLY);
    w.ctrl.abort();
  });

  it('watches events.k8s.io events in their own shape', async () => {
    const w = await openWatch('/apis/events.k8s.io/v1/namespaces/payments/events', {
      resourceVersion: fake.resourceVersion,
      fieldSelector: 'regarding.name=web-1',
    });
    await vi.waitFor(() => expect(fake.openWatches).toBe(1), PATIENTLY);
    fake.add(coreEvent('payments', 'e2', 'web-2', 'BackOff'));
    fake.add(coreEvent('payments', 'e1', 'web-1', 'BackOff', 4));
    await vi.waitFor(() => expect(w.types()).toEqual(['ADDED e1']), PATIENTLY);
    expect(w.seen[0]?.obj).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'BackOff on web-1', deprecatedCount: 4 });
    w.ctrl.abort();
  });

  it('fires done when the server drops the stream', async () => {
    const abrupt = await openWatch('/api/v1/namespaces/payments/pods', {});
    await vi.waitFor(() => expect(fake.openWatches).toBe(1), PATIENTLY);
    expect(abrupt.done()).toBeUndefined();
    fake.dropWatches();
    await vi.waitFor(() => expect(abrupt.done()).toBeDefined(), PATIENTLY);
    // A reset connection reaches `done` as an error (node-fetch: "Premature close").
    expect(abrupt.done()?.err).toBeInstanceOf(Error);
    expect(fake.openWatches).toBe(0);

    const graceful = await openWatch('/api/v1/namespaces/payments/pods', {});
    await vi.waitFor(() => expect(fake.openWatches).toBe(1), PATIENTLY);
    fake.dropWatches({ graceful: true });
    await vi.waitFor(() => expect(graceful.done()).toEqual({ err: null }), PATIENTLY);
  });

  it('refuses a forbidden watch before streaming', async () => {
    fake.forbid({ verb: 'watch', resource: 'events' });
    const w = await openWatch('/api/v1/namespaces/payments/events', {});
    await vi.waitFor(() => expect(w.done()).toBeDefined(), PATIENTLY);
    expect(w.done()?.err).toMatchObject({ statusCode: 403 });
    expect(fake.openWatches).toBe(0);
  });

  it('ends after timeoutSeconds with a bookmark when allowed', async () => {
    const w = await openWatch('/api/v1/namespaces/payments/pods', { timeoutSeconds: 1, allowWatchBookmarks: true });
    await vi.waitFor(() => expect(w.done()).toEqual({ err: null }), PATIENTLY);
    expect(w.seen.map((s) => s.type)).toEqual(['BOOKMARK']);
    expect(w.seen[0]?.rv).toBe(fake.resourceVersion);
  });

  it('sends one 410 ERROR event for a resourceVersion older than the history, then ends', async () => {
    fake.add(pod('payments', 'a'));
    const stale = fake.resourceVersion;
    fake.add(pod('payments', 'b'));
    fake.expireHistory();
    const w = await openWatch('/api/v1/namespaces/payments/pods', { resourceVersion: stale });
    await vi.waitFor(() => expect(w.done()).toBeDefined(), PATIENTLY);
    expect(w.seen).toHaveLength(1);
    expect(w.seen[0]?.type).toBe('ERROR');
    expect(w.seen[0]?.obj).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `too old resource version: ${stale} (${fake.resourceVersion})`,
      reason: 'Expired',
      code: 410,
    });
    // The current resourceVersion is still watchable after expiry.
    const ok = await openWatch('/api/v1/namespaces/payments/pods', { resourceVersion: fake.resourceVersion });
    await vi.waitFor(() => expect(fake.openWatches).toBe(1), PATIENTLY);
    expect(ok.seen).toEqual([]);
    ok.ctrl.abort();
  });

  it('expires resourceVersions that fall out of a bounded history', async () => {
    const small = await FakeKubeApi.start({ historyLimit: 3 });
    try {
      const skc = new k8s.KubeConfig();
      skc.loadFromFile(small.kubeconfig().path);
      // rv "0" would mean "current state", so start from a real write.
      small.add(pod('other', 'first'));
      const rv0 = small.resourceVersion;
      for (let i = 0; i < 4; i++) small.add(pod('payments', `p-${i}`));
      const watchTypes = async (resourceVersion: string): Promise<string[]> => {
        const types: string[] = [];
        const path = '/api/v1/namespaces/payments/pods';
        await new k8s.Watch(skc).watch(path, { resourceVersion }, (type) => types.push(type), () => {});
        return types;
      };
      // History keeps the last 3 changes (rv0+2..rv0+4): a watch from rv0 would miss rv0+1; one from rv0+1 misses nothing.
      const seen = await watchTypes(rv0);
      const seen1 = await watchTypes(String(Number(rv0) + 1));
      await vi.waitFor(() => {
        expect(seen).toEqual(['ERROR']);
        expect(seen1).toEqual(['ADDED', 'ADDED', 'ADDED']);
      }, PATIENTLY);
    } finally {
      await small.close();
    }
  });
});

describe('harness', () => {
  it('writes one cluster per context, current = first, all reachable', async () => {
    const multi = new k8s.KubeConfig();
    multi.loadFromFile(fake.kubeconfig({ contexts: ['prod-eu', 'prod-us'] }).path);
    expect(multi.getContexts().map((c) => c.name)).toEqual(['prod-eu', 'prod-us']);
    expect(multi.getCurrentContext()).toBe('prod-eu');
    expect(multi.getCluster('prod-us')?.server).toBe(fake.url);
    expect(multi.getCluster('prod-us')?.skipTLSVerify).toBe(true);
    fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payments' } });
    multi.setCurrentContext('prod-us');
    expect(names(await multi.makeApiClient(k8s.CoreV1Api).listNamespace())).toEqual(['payments']);
  });

  it('delays responses globally and per path', async () => {
    const slow = await FakeKubeApi.start({ latencyMs: 150 });
    try {
      const skc = new k8s.KubeConfig();
      skc.loadFromFile(slow.kubeconfig().path);
      const api = skc.makeApiClient(k8s.CoreV1Api);
      const timed = async (fn: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await fn();
        return performance.now() - t0;
      };
      // Lower bounds only: a busy machine makes answers later, never earlier.
      expect(await timed(() => api.listNode())).toBeGreaterThanOrEqual(140);
      slow.setLatency(/\/pods$/, 400);
      expect(await timed(() => api.listNamespacedPod({ namespace: 'payments' }))).toBeGreaterThanOrEqual(390);
      // Without the global latency, nodes answer while a pods list (its path rule still at 400 ms,
      // now held besides) is still waiting.
      slow.latencyMs = 0;
      const release = slow.hold(/\/pods$/);
      let podsAnswered = false;
      const pods = api.listNamespacedPod({ namespace: 'payments' }).finally(() => (podsAnswered = true));
      await vi.waitFor(() => expect(slow.requests).toHaveLength(3), PATIENTLY);
      await api.listNode();
      expect(podsAnswered).toBe(false);
      release();
      await pods;
      expect(slow.requests.map((r) => r.path)).toEqual([
        '/api/v1/nodes',
        '/api/v1/namespaces/payments/pods',
        '/api/v1/namespaces/payments/pods',
        '/api/v1/nodes',
      ]);
    } finally {
      await slow.close();
    }
  });

  it('records requests with their query and status', async () => {
    await core.listNamespacedPod({ namespace: 'payments', labelSelector: 'app=web', limit: 10 });
    await apiError(() => core.readNamespacedPod({ namespace: 'payments', name: 'x' }));
    expect(fake.requestCount).toBe(2);
    expect(fake.requests[0]).toEqual({
      method: 'GET',
      path: '/api/v1/namespaces/payments/pods',
      query: { labelSelector: 'app=web', limit: '10' },
      status: 200,
    });
    expect(fake.requests[1]?.status).toBe(404);
    fake.resetRequests();
    expect(fake.requestCount).toBe(0);
  });

  // How fast the fake answers over a namespace this big shows in bench/triage.ts (same size).
  it('answers selectors over 5,000 pods and 50,000 events', async () => {
    for (let i = 0; i < 5000; i++) {
      const name = `pod-${String(i).padStart(4, '0')}`;
      fake.add(pod('big', name, { labels: { app: `app-${i % 50}` }, node: `node-${i % 20}` }));
    }
    for (let i = 0; i < 50_000; i++) {
      fake.add(coreEvent('big', `ev-${i}`, `pod-${String(i % 5000).padStart(4, '0')}`, i % 3 === 0 ? 'BackOff' : 'Started'));
    }
    const pods = await core.listNamespacedPod({ namespace: 'big', labelSelector: 'app=app-7' });
    const events = await core.listNamespacedEvent({ namespace: 'big', fieldSelector: 'involvedObject.name=pod-0007' });
    const onNode = await core.listNamespacedPod({ namespace: 'big', fieldSelector: 'spec.nodeName=node-3', limit: 100 });
    expect(pods.items).toHaveLength(100);
    expect(events.items).toHaveLength(10);
    expect(onNode.items).toHaveLength(100);
    expect(onNode.metadata?._continue).toBeTypeOf('string');
  });

  it('holds matching requests unanswered until released, and lets the rest through', async () => {
    const release = fake.hold(/\/pods$/);
    let answered = false;
    const pods = core.listNamespacedPod({ namespace: 'payments' }).finally(() => (answered = true));
    await vi.waitFor(() => expect(fake.requests.map((r) => r.path)).toEqual(['/api/v1/namespaces/payments/pods']), PATIENTLY);
    expect(names(await core.listNode())).toEqual([]);
    expect(answered).toBe(false);
    expect(fake.requests[0]?.status).toBeUndefined();
    release();
    expect((await pods).items).toEqual([]);
    expect(fake.requests[0]?.status).toBe(200);
  });
});
