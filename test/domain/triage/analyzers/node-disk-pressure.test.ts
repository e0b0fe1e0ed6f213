import { describe, expect, it } from 'vitest';
import { analyzeNodeConditions } from '../../../../src/domain/triage/analyzers/node-condition.js';
import { analyzeEvictions } from '../../../../src/domain/triage/analyzers/eviction.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_C, REV6, baseEvidence, container, event, minutesAgo, pod, podName, terminated, withCondition } from '../scenarios/builders.js';

const LOW_INODES = 'The node was low on resource: inodes. Threshold quantity: 262144, available: 20107. ';

function evicted(i: number, message: string): PodEvidence {
  return pod(i, {
    nodeName: NODE_C,
    phase: 'Failed',
    reason: 'Evicted',
    message,
    ready: false,
    containers: [container({ state: terminated(143, 'Error', 19), ready: false })],
  });
}

/** A running pod of another workload on the node, writing into an emptyDir without sizeLimit. */
function cacheWriter(over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(0, {
    name: 'render-cache-6f8d9c7b5-k2m9x',
    nodeName: NODE_C,
    labels: { app: 'render-cache' },
    priority: 100000,
    priorityClassName: 'media-critical',
    createdAt: minutesAgo(7 * 60),
    volumes: [{ name: 'disk-tier', source: 'emptyDir' }, { name: 'kube-api-access-x1', source: 'projected' }],
    containers: [container({ name: 'app', volumeMounts: [{ name: 'disk-tier', mountPath: '/var/cache/render' }] })],
    ...over,
  });
}

function inodePressure(withConsumer: boolean, log?: string[]): TriageEvidence {
  const ev = baseEvidence();
  ev.pods = [pod(0, { nodeName: NODE_A }), evicted(1, LOW_INODES), evicted(2, LOW_INODES)];
  ev.nodes = ev.nodes.map((n) => (n.name === NODE_C ? withCondition(n, 'DiskPressure', 'True', 'KubeletHasDiskPressure', 'kubelet has disk pressure', 24) : n));
  ev.events = [
    event({ object: { kind: 'Node', name: NODE_C }, reason: 'EvictionThresholdMet', message: 'Attempting to reclaim inodes', count: 41 }),
    event({ object: { kind: 'Pod', name: podName(REV6.hash, 1), namespace: ev.target.namespace }, reason: 'Evicted', message: LOW_INODES }),
  ];
  if (withConsumer) {
    const writer = cacheWriter();
    ev.nodeDisk = [{
      node: NODE_C,
      pods: [
        { namespace: 'media', owner: 'Deployment render-cache', pod: writer },
        { namespace: 'kube-system', owner: 'DaemonSet ebs-csi-node', pod: cacheWriter({ name: 'ebs-csi-node-7xk2p', priority: 2000001000, priorityClassName: 'system-node-critical' }) },
        { namespace: 'media', owner: 'Deployment media-events-worker', pod: evicted(4, LOW_INODES) },
      ],
      logs: log ? [{ pod: writer.name, container: 'app', previous: false, lines: log }] : [],
    }];
  }
  return ev;
}

describe('a node under DiskPressure, read from the kubelet\'s own words', () => {
  it('says the node is out of inodes when the evictions and the node\'s events speak of inodes (before: "has DiskPressure")', () => {
    const [f] = analyzeNodeConditions(inodePressure(false));
    expect(f?.title).toMatch(new RegExp(`^Node ${NODE_C.replace(/\./g, '\\.')} is out of inodes \\(DiskPressure\\)`));
    expect(f?.likelyCause).toMatch(/inodes/);
    expect(f?.likelyCause).toMatch(/small files/);
    expect(f?.fix).toMatch(/many small files/);
    // Its evicted pods are told as evicted, not merely not ready.
    expect(f?.title).toContain(`${podName(REV6.hash, 1)}, evicted`);
  });

  it('names the likely consumer on the node: a surviving pod with an emptyDir without sizeLimit that logs ENOSPC', () => {
    const log = ['{"level":"ERROR","msg":"disk tier write failed","err":"open /var/cache/render/9c/41/x.tmp: no space left on device"}'];
    const [f] = analyzeNodeConditions(inodePressure(true, log));
    expect(f?.title).toContain('likely consumer: pod render-cache-6f8d9c7b5-k2m9x');
    expect(f?.title).toContain('emptyDir disk-tier');
    expect(f?.title).not.toContain('ebs-csi-node');
    expect(f?.evidence.join('\n')).toMatch(/no sizeLimit/);
    expect(f?.evidence.join('\n')).toMatch(/priority 100000 \(media-critical\)/);
    expect(f?.evidence.join('\n')).toMatch(/no space left on device/);
    expect(f?.likelyCause).toMatch(/ENOSPC|no space left/);
    expect(f?.fix).toMatch(/render-cache-6f8d9c7b5-k2m9x/);
    expect(f?.fix).toMatch(/sizeLimit/);
    expect(f?.fix).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('says the consumer only as the emptyDir suspect when its log was not read, and never from a DaemonSet socket dir', () => {
    const [f] = analyzeNodeConditions(inodePressure(true));
    expect(f?.title).toContain('likely consumer: pod render-cache-6f8d9c7b5-k2m9x');
    expect(f?.evidence.join('\n')).not.toMatch(/no space left/);
  });

  it('keeps bytes for an ephemeral-storage shortage', () => {
    const ev = inodePressure(true);
    const bytes = 'The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 8Gi. ';
    ev.pods = ev.pods.map((p) => (p.reason === 'Evicted' ? { ...p, message: bytes } : p));
    for (const d of ev.nodeDisk ?? []) d.pods = d.pods.map((x) => (x.pod.reason === 'Evicted' ? { ...x, pod: { ...x.pod, message: bytes } } : x));
    ev.events = [event({ object: { kind: 'Node', name: NODE_C }, reason: 'EvictionThresholdMet', message: 'Attempting to reclaim ephemeral-storage' })];
    const [f] = analyzeNodeConditions(ev);
    expect(f?.title).toMatch(/is out of disk space \(DiskPressure\)/);
    expect(f?.title).not.toMatch(/inode/);
    expect(f?.title).toContain('likely consumer: pod render-cache-6f8d9c7b5-k2m9x');
  });

  it('an eviction for inodes asks for the files, not for requests', () => {
    const [f] = analyzeEvictions(inodePressure(false));
    expect(f?.title).toMatch(/node low on inodes/);
    expect(f?.fix).not.toMatch(/requests/);
    expect(f?.fix).toMatch(/small files/);
  });
});
