// What the failing pods' nodes share that the healthy pods' nodes lack is named in the headline:
// "new nodes on AMI v20261118" rather than two node names.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { baseEvidence, container, minutesAgo, node, pod } from '../scenarios/builders.js';

const OLD_AMI = 'acme-eks-al2023-v20261002';
const NEW_AMI = 'acme-eks-al2023-v20261118';

const mount: Finding = {
  id: 'volume-mount/ca',
  kind: 'volume-attach',
  layer: 'storage',
  severity: 'critical',
  confidence: 'high',
  title: 'Volume ca blocks 2 pods: the volume mount fails on the node',
  evidence: [],
  likelyCause: '',
  nextAction: 'Find what is wrong with the node.',
  confirmCommands: [],
};

function rotated() {
  const old = ['old-a', 'old-b'].map((n) => node(n, { createdAt: minutesAgo(40 * 24 * 60), labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'acme.io/ami': OLD_AMI } }));
  const fresh = ['new-a', 'new-b'].map((n) => node(n, { createdAt: minutesAgo(39), labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'acme.io/ami': NEW_AMI } }));
  const stuck = container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false });
  const pods = [
    pod(0, { nodeName: 'old-a' }),
    pod(1, { nodeName: 'old-b' }),
    pod(2, { nodeName: 'new-a', ready: false, phase: 'Pending', createdAt: minutesAgo(34), containers: [stuck] }),
    pod(3, { nodeName: 'new-b', ready: false, phase: 'Pending', createdAt: minutesAgo(33), containers: [stuck] }),
  ];
  return baseEvidence({ pods, nodes: [...old, ...fresh] });
}

describe('the failing nodes\' shared traits', () => {
  it('names new nodes and the image label that differs from the healthy nodes', () => {
    const d = diagnose(rotated(), [mount]);
    expect(d?.separation?.attribute).toBe('node');
    expect(d?.headline).toContain('new nodes (created 39m ago');
    expect(d?.headline).toContain(`acme.io/ami ${NEW_AMI} (healthy nodes: ${OLD_AMI})`);
  });

  it('says nothing of age or image when the failing nodes share them with the healthy ones', () => {
    const ev = rotated();
    ev.nodes = ev.nodes.map((n) => ({ ...n, createdAt: minutesAgo(40 * 24 * 60), labels: { ...n.labels, 'acme.io/ami': OLD_AMI } }));
    const d = diagnose(ev, [mount]);
    expect(d?.headline).not.toContain('new node');
    expect(d?.headline).not.toContain('acme.io/ami');
  });

  it('keeps the container runtime version that differs even when three other traits come first', () => {
    const ev = rotated();
    ev.nodes = ev.nodes.map((n) => {
      const fresh = n.name.startsWith('new');
      return {
        ...n,
        labels: { ...n.labels, 'node.kubernetes.io/instance-type': fresh ? 'c7i.2xlarge' : 'c6i.2xlarge' },
        osImage: fresh ? 'Linux 2.7' : 'Linux 2.6',
        containerRuntime: fresh ? 'containerd://2.0.5' : 'containerd://1.7.22',
      };
    });
    const d = diagnose(ev, [mount]);
    expect(d?.headline).toContain('new nodes (created 39m ago');
    expect(d?.headline).toContain('runtime containerd://2.0.5 (healthy nodes: containerd://1.7.22)');
  });
});

describe('the failing node\'s pool', () => {
  it('names the pool a lone failing node belongs to as a node pool, not by its label key', () => {
    const ev = rotated();
    ev.nodes = ev.nodes.map((n) => ({ ...n, labels: { ...n.labels, 'kops.k8s.io/instancegroup': n.name.startsWith('new') ? 'nodes-b' : 'nodes' } }));
    ev.pods = ev.pods.map((p) => (p.nodeName === 'new-b' ? { ...p, nodeName: 'new-a' } : p));
    const d = diagnose(ev, [mount]);
    expect(d?.separation?.attribute).toBe('node');
    expect(d?.headline).toContain('node pool nodes-b (healthy nodes: nodes)');
    expect(d?.headline).not.toContain('kops.k8s.io');
  });
});
