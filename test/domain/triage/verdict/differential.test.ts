import { describe, expect, it } from 'vitest';
import type { NodeEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { attributeOf, compareFailingHealthy, pickSeparation } from '../../../../src/domain/triage/verdict/differential.js';
import type { Differential } from '../../../../src/domain/triage/verdict/differential.js';
import { IMAGE_V14, IMAGE_V15, NODE_A, NODE_B, NODE_C, REV6, baseEvidence, container, crashLooping, minutesAgo, node, pod, podName, terminated, workload } from '../scenarios/builders.js';
import { badRolloutScenario } from '../scenarios/rollout.js';
import { nodeConcentrationScenario } from '../scenarios/nodes.js';

const NODE_D = 'ip-10-0-4-88.eu-west-1.compute.internal';
const NODE_E = 'ip-10-0-5-12.eu-west-1.compute.internal';

function pooled(name: string, pool: string, arch: string, zone: string): NodeEvidence {
  return node(name, { labels: { 'topology.kubernetes.io/zone': zone, 'kubernetes.io/arch': arch, 'eks.amazonaws.com/nodegroup': pool } });
}

function failingOn(i: number, nodeName: string): PodEvidence {
  return pod(i, { nodeName, ready: false, containers: [crashLooping(podName(REV6.hash, i), terminated(139, 'Error', 2, { runSeconds: 1 }), 8)] });
}

/** Same revision everywhere; the pods on the new arm64 pool (NODE_C, NODE_D) crash, those on amd64 run. */
function armPoolScenario(): TriageEvidence {
  const pods = [pod(0, { nodeName: NODE_A }), pod(1, { nodeName: NODE_B }), pod(2, { nodeName: NODE_A }), failingOn(3, NODE_C), failingOn(4, NODE_D)];
  return baseEvidence({
    pods,
    nodes: [pooled(NODE_A, 'general-amd64', 'amd64', 'eu-west-1a'), pooled(NODE_B, 'general-amd64', 'amd64', 'eu-west-1b'), pooled(NODE_C, 'general-arm64', 'arm64', 'eu-west-1a'), pooled(NODE_D, 'general-arm64', 'arm64', 'eu-west-1b')],
    workload: workload({ readyReplicas: 3, availableReplicas: 3 }),
  });
}

const LATEST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:latest';
const OLD_BUILD = `sha256:41a7c3e09d5b28f1e6a4c0b7d9e2f5a8c1b3d6e9f0a2b4c7d8e1f3a5b6c9d0e2`;
const NEW_BUILD = `sha256:9f3c2b8e1d7a4f60c5b9e2d8a1f7c3b6e0d4a9f2c8b5e1d7a3f6c0b9e2d5a8f1`;

/** One revision of `:latest` everywhere; pods 3 and 4 pulled the tag after it was re-pushed and crash. */
function repushedTagScenario(): TriageEvidence {
  const built = (digest: string) => ({ image: LATEST, imagePullPolicy: 'Always' as const, imageID: `docker-pullable://${LATEST.replace(/:latest$/, '')}@${digest}` });
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container(built(OLD_BUILD))] }));
  for (const i of [3, 4]) pods.push(pod(i, { ready: false, createdAt: minutesAgo(24), startTime: minutesAgo(24), containers: [crashLooping(podName(REV6.hash, i), terminated(3, 'Error', 1, { runSeconds: 4 }), 9, built(NEW_BUILD))] }));
  return baseEvidence({ pods, workload: workload({ readyReplicas: 3, availableReplicas: 3 }) });
}

function differential(over: Partial<Differential>): Differential {
  return { failing: [], healthy: [], separating: [], shared: [], ...over };
}

describe('compareFailingHealthy', () => {
  it('separates a bad rollout by revision and image, and shows the nodes and zone they share', () => {
    const d = compareFailingHealthy(badRolloutScenario());
    expect(d.failing.map((p) => p.name)).toEqual([0, 1, 2].map((i) => podName('5f7d9c8b64', i)));
    expect(d.healthy.map((p) => p.name)).toEqual([3, 4].map((i) => podName(REV6.hash, i)));
    expect(d.separating).toEqual([
      { attribute: 'revision', failing: ['revision 7'], healthy: ['revision 6'] },
      { attribute: 'image', failing: [IMAGE_V15], healthy: [IMAGE_V14] },
    ]);
    expect(d.shared).toEqual([
      { attribute: 'node', values: [NODE_A, NODE_B] },
      { attribute: 'zone', values: ['eu-west-1a'] },
    ]);
  });

  it('separates crashes on one node from the same revision running fine elsewhere', () => {
    const d = compareFailingHealthy(nodeConcentrationScenario());
    expect(d.separating).toEqual([{ attribute: 'node', failing: [NODE_C], healthy: [NODE_A, NODE_B] }]);
    expect(d.shared).toEqual([
      { attribute: 'revision', values: ['revision 6'] },
      { attribute: 'zone', values: ['eu-west-1a'] },
      { attribute: 'image', values: [IMAGE_V14] },
    ]);
  });

  it('separates by node pool and architecture read from the node labels', () => {
    const d = compareFailingHealthy(armPoolScenario());
    expect(d.separating).toEqual([
      { attribute: 'node', failing: [NODE_C, NODE_D], healthy: [NODE_A, NODE_B] },
      { attribute: 'node pool', failing: ['general-arm64'], healthy: ['general-amd64'] },
      { attribute: 'architecture', failing: ['arm64'], healthy: ['amd64'] },
    ]);
    expect(d.shared.map((s) => s.attribute)).toEqual(['revision', 'zone', 'image']);
  });

  it('skips an attribute that some pod lacks rather than faking a separation', () => {
    const ev = armPoolScenario();
    // NODE_D is known only from the cluster-wide node list, without its pool label.
    ev.nodes = ev.nodes.filter((n) => n.name !== NODE_D);
    ev.clusterNodes = [node(NODE_D, { labels: { 'topology.kubernetes.io/zone': 'eu-west-1b', 'kubernetes.io/arch': 'arm64' } })];
    const d = compareFailingHealthy(ev);
    expect(d.separating.map((s) => s.attribute)).toEqual(['node', 'architecture']);
    expect(attributeOf(ev, ev.pods[4] as PodEvidence, 'architecture')).toBe('arm64');
    expect(attributeOf(ev, ev.pods[4] as PodEvidence, 'node pool')).toBeUndefined();
  });

  it('counts neither pods being deleted nor pods still starting', () => {
    const ev = armPoolScenario();
    ev.pods.push(
      pod(5, { nodeName: NODE_E, deletionTimestamp: minutesAgo(1) }),
      pod(6, { nodeName: NODE_E, ready: false, createdAt: minutesAgo(1), startTime: minutesAgo(1), containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] }),
    );
    const d = compareFailingHealthy(ev);
    expect(d.failing.map((p) => p.name)).toEqual([podName(REV6.hash, 3), podName(REV6.hash, 4)]);
    expect(d.healthy.map((p) => p.name)).toEqual([0, 1, 2].map((i) => podName(REV6.hash, i)));
  });

  it('compares nothing when no pod is healthy', () => {
    const ev = armPoolScenario();
    ev.pods = ev.pods.filter((p) => !p.ready);
    expect(compareFailingHealthy(ev)).toEqual({ failing: ev.pods, healthy: [], separating: [], shared: [] });
  });

  it('separates pods of one image tag by the digest each pulled', () => {
    const d = compareFailingHealthy(repushedTagScenario());
    expect(d.separating).toEqual([{ attribute: 'image digest', failing: [NEW_BUILD], healthy: [OLD_BUILD] }]);
    expect(d.shared.map((s) => s.attribute)).toEqual(['revision', 'node', 'zone', 'image']);
  });

  it('compares the failing pods it is given', () => {
    const ev = armPoolScenario();
    const d = compareFailingHealthy(ev, [ev.pods[3] as PodEvidence]);
    expect(d.failing.map((p) => p.name)).toEqual([podName(REV6.hash, 3)]);
    expect(d.separating[0]).toEqual({ attribute: 'node', failing: [NODE_C], healthy: [NODE_A, NODE_B] });
  });
});

describe('pickSeparation', () => {
  it('names the revision first', () => {
    expect(pickSeparation(compareFailingHealthy(badRolloutScenario()))).toEqual({ attribute: 'revision', failing: ['revision 7'], healthy: ['revision 6'] });
  });

  it('names the one node all failing pods run on', () => {
    expect(pickSeparation(compareFailingHealthy(nodeConcentrationScenario()))).toEqual({ attribute: 'node', failing: [NODE_C], healthy: [NODE_A, NODE_B] });
  });

  it('names what several failing nodes share (a pool) over the nodes themselves', () => {
    expect(pickSeparation(compareFailingHealthy(armPoolScenario()))).toEqual({ attribute: 'node pool', failing: ['general-arm64'], healthy: ['general-amd64'] });
  });

  it('names two failing nodes when nothing groups them, but not three', () => {
    const two = differential({ failing: [pod(0), pod(1)], healthy: [pod(2), pod(3)], separating: [{ attribute: 'node', failing: [NODE_C, NODE_D], healthy: [NODE_A, NODE_B] }] });
    expect(pickSeparation(two)?.failing).toEqual([NODE_C, NODE_D]);
    const three = differential({ failing: [pod(0), pod(1), pod(2)], healthy: [pod(3), pod(4)], separating: [{ attribute: 'node', failing: [NODE_C, NODE_D, NODE_E], healthy: [NODE_A, NODE_B] }] });
    expect(pickSeparation(three)).toBeUndefined();
  });

  it('names nothing with a single failing pod, or a single healthy one', () => {
    const ev = nodeConcentrationScenario();
    const one = compareFailingHealthy(ev, [ev.pods[2] as PodEvidence]);
    expect(one.separating.map((s) => s.attribute)).toEqual(['node']);
    expect(pickSeparation(one)).toBeUndefined();
    const lonelyHealthy = differential({ failing: [pod(0), pod(1)], healthy: [pod(2)], separating: [{ attribute: 'revision', failing: ['revision 7'], healthy: ['revision 6'] }] });
    expect(pickSeparation(lonelyHealthy)).toBeUndefined();
  });

  it('names nothing when only the image separates', () => {
    const d = differential({ failing: [pod(0), pod(1)], healthy: [pod(2), pod(3)], separating: [{ attribute: 'image', failing: [IMAGE_V15], healthy: [IMAGE_V14] }] });
    expect(pickSeparation(d)).toBeUndefined();
  });

  it('names the digest when the failing pods run another build of the same image reference, not when the reference differs', () => {
    expect(pickSeparation(compareFailingHealthy(repushedTagScenario()))).toEqual({ attribute: 'image digest', failing: [NEW_BUILD], healthy: [OLD_BUILD] });
    const byDigest = { attribute: 'image digest' as const, failing: [NEW_BUILD], healthy: [OLD_BUILD] };
    const otherTag = differential({ failing: [pod(0), pod(1)], healthy: [pod(2), pod(3)], separating: [{ attribute: 'image', failing: [IMAGE_V15], healthy: [IMAGE_V14] }, byDigest] });
    expect(pickSeparation(otherTag)).toBeUndefined();
  });
});
