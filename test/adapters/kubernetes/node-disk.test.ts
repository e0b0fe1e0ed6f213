// A node under DiskPressure whose kubelet evicted the workload's pods: the adapter lists that node's
// pods (all namespaces, by field selector) and reads the current log tail of one likely consumer (a
// running pod of another workload writing to an emptyDir with no sizeLimit); a healthy node reads nothing.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, kubeletEviction, nameOf, node } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const LOW_INODES = 'The node was low on resource: inodes. Threshold quantity: 262144, available: 20107. ';

function cluster(pressure: boolean) {
  const nodes = [
    node({ name: NODE_A, zone: 'eu-west-1a', ...(pressure ? { pressure: { disk: 20 } } : {}) }),
    node({ name: NODE_B, zone: 'eu-west-1b' }),
  ];
  const app = deploymentApp({
    namespace: 'media',
    name: 'thumbs',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/media/thumbs:1.0.0' })] } }],
    pods: [
      { revision: 3, node: NODE_A, createdAgo: 3 * DAYS, ...(pressure ? kubeletEviction(LOW_INODES, 12) : {}) },
      { revision: 3, node: NODE_B, createdAgo: 3 * DAYS },
    ],
  });
  const cache = deploymentApp({
    namespace: 'media',
    name: 'render-cache',
    replicas: 1,
    revisions: [{
      revision: 2,
      createdAgo: 300,
      template: {
        containers: [container({ image: 'registry.example.com/media/render-cache:2.0.0', volumeMounts: [{ name: 'disk-tier', mountPath: '/var/cache/render' }] })],
        volumes: [{ name: 'disk-tier', emptyDir: {} }],
      },
    }],
    pods: [{ revision: 2, node: NODE_A, createdAgo: 300 }],
  });
  return { objects: [...nodes, ...app.objects, ...cache.objects], cachePod: nameOf(cache.pods[0]!) };
}

describe('the pods of a node short of disk under the workload\'s pods', () => {
  it('lists that node\'s pods once and reads the log tail of the pod writing to an unbounded emptyDir', async () => {
    const { objects, cachePod } = cluster(true);
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('media', cachePod, 'app', { current: '{"level":"ERROR","msg":"write failed","err":"open /var/cache/render/a.tmp: no space left on device"}\n' });
    const ev = await h.cluster.collectEvidence({ service: 'thumbs', namespace: 'media', kind: 'Deployment', name: 'thumbs' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.nodeDisk?.map((n) => n.node)).toEqual([NODE_A]);
    const read = ev.nodeDisk?.[0];
    expect(read?.pods.map((p) => p.pod.name)).toEqual([cachePod]);
    expect(read?.pods[0]?.pod.volumes).toContainEqual({ name: 'disk-tier', source: 'emptyDir' });
    expect(read?.logs.map((l) => l.pod)).toEqual([cachePod]);
    expect(read?.logs[0]?.lines.join('\n')).toContain('no space left on device');
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads no node\'s pods when no node under the workload is short of disk', async () => {
    for (const o of cluster(false).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'thumbs', namespace: 'media', kind: 'Deployment', name: 'thumbs' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeDisk).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
