import { describe, expect, it } from 'vitest';
import type { NodeAgentsEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseMissingProfile, pickProfileNodes } from '../../../../src/domain/triage/apparmor-profile.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, baseEvidence, container, minutesAgo, node, pod } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const REFUSED = 'failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found k8s-hardened';
const NEW_1 = 'ip-10-0-9-11.eu-west-1.compute.internal';
const NEW_2 = 'ip-10-0-9-12.eu-west-1.compute.internal';
const POOL = 'eks.amazonaws.com/nodegroup';

/** A loader DaemonSet pod pinned to the old pool, as the node-agents read of a node lists it. */
function loaderOn(n: string): NodeAgentsEvidence['agents'][number] {
  return { namespace: 'kube-system', owner: 'DaemonSet profile-loader', pod: { ...pod(9, { name: `profile-loader-${n.slice(0, 12)}`, nodeName: n }), containers: [container({ name: 'loader', image: 'registry.example.com/security/apparmor-loader:0.4.2' })], placement: { nodeSelector: { [POOL]: 'ubuntu-2204' }, requiredNodeAffinity: [], tolerations: [] } } };
}

/** Three ready pods on the old pool, two refused on a pool added 3 hours ago; the node agents of one node of each side, when `agents`. */
function refusedOnNewPool(agents: boolean): TriageEvidence {
  const ev = baseEvidence({
    pods: [0, 1, 2, 3, 4].map((i) => (i < 2
      ? pod(i, { ready: false, phase: 'Pending', nodeName: i === 0 ? NEW_1 : NEW_2, containers: [container({ ready: false, state: { waiting: { reason: 'CreateContainerError', message: REFUSED } } })] })
      : pod(i, { nodeName: i % 2 === 0 ? NODE_A : NODE_B }))),
  });
  ev.nodes = [
    node(NODE_A, { labels: { [POOL]: 'ubuntu-2204' }, createdAt: minutesAgo(60 * 24 * 60) }),
    node(NODE_B, { labels: { [POOL]: 'ubuntu-2204' }, createdAt: minutesAgo(60 * 24 * 60) }),
    node(NEW_1, { labels: { [POOL]: 'ubuntu-2404' }, createdAt: minutesAgo(184) }),
    node(NEW_2, { labels: { [POOL]: 'ubuntu-2404' }, createdAt: minutesAgo(184) }),
  ];
  if (agents) ev.nodeAgents = [{ node: NEW_1, agents: [], logs: [] }, { node: NODE_A, agents: [loaderOn(NODE_A)], logs: [] }];
  return ev;
}

describe('a Localhost AppArmor profile missing on the pods\' nodes', () => {
  it('names the profile, the pool where it is not loaded and the loader DaemonSet that does not run there, and extends the loader', () => {
    const r = buildTriageReport(refusedOnNewPool(true), times);
    expect(r.headline).toContain('AppArmor profile k8s-hardened is not loaded on node pool ubuntu-2404: its loader DaemonSet kube-system/profile-loader does not run there (nodeSelector eks.amazonaws.com/nodegroup=ubuntu-2204); its nodes were added 3h 4m ago');
    expect(r.headline).toMatch(/Keep the pods off node pool ubuntu-2404 \(nodeSelector or affinity\) until it is fixed; then extend DaemonSet kube-system\/profile-loader to node pool ubuntu-2404 \(its nodeSelector\)/);
    expect(r.headline).not.toMatch(/fix the spec|no change found|roll back/i);
  });

  it('says the profile must be loaded there when the loader is not known', () => {
    const r = buildTriageReport(refusedOnNewPool(false), times);
    expect(r.headline).toContain('AppArmor profile k8s-hardened is not loaded on node pool ubuntu-2404; its nodes were added 3h 4m ago');
    expect(r.headline).toContain('then load the profile k8s-hardened on node pool ubuntu-2404');
  });

  it('reads one node of a refused pod and one of a ready pod, and none without the refusal', () => {
    expect(pickProfileNodes(refusedOnNewPool(false).pods)).toEqual([NEW_1, NODE_A]);
    expect(pickProfileNodes(baseEvidence().pods)).toEqual([]);
  });

  it.each([
    [REFUSED, 'k8s-hardened'],
    ['Cannot enforce AppArmor: profile "k8s-apparmor-example-deny-write" is not loaded', 'k8s-apparmor-example-deny-write'],
    ['secret "db" not found', undefined],
  ])('reads the missing profile from %s', (message, profile) => {
    expect(parseMissingProfile(message)).toBe(profile);
  });
});
