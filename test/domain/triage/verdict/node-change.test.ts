// Failures on one node that reports no condition: what started on that node just before (a
// DaemonSet's new pod) is named as the node's change, with what its log says, instead of "no
// change found … find what is wrong with the node".
import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { pickChangedNode, pickTellingLine, rankNewcomers } from '../../../../src/domain/triage/node-change.js';
import { NODE_C, NS, container, event, minutesAgo, pod, withCondition } from '../scenarios/builders.js';
import { nodeConcentrationScenario } from '../scenarios/nodes.js';

const AGENT_LOG = [
  'time="2026-11-20T09:20:00Z" level=info msg="starting run" paths="/host/var/lib"',
  '[10:12] 9.41%  118 files 41.733 GiB, total 2214 files 443.512 GiB',
  'time="2026-11-20T09:52:00Z" level=warn msg="run exceeds expected duration" elapsed=31m24s expected=10m',
  '[38:55] 33.60%  611 files 149.021 GiB, total 2214 files 443.512 GiB',
];

function agent(name: string, createdMinutesAgo: number, owner = 'DaemonSet disk-agent') {
  return {
    namespace: 'ops',
    owner,
    pod: pod(20, { name, nodeName: NODE_C, createdAt: minutesAgo(createdMinutesAgo), startTime: minutesAgo(createdMinutesAgo), labels: { app: 'disk-agent', 'pod-template-generation': '7' }, containers: [container({ name: 'agent', image: 'ghcr.io/acme/disk-agent:0.10.0' })] }),
  };
}

/** The two pods on NODE_C fail since 20 minutes; the others run. */
function failingOnC(): TriageEvidence {
  const ev = nodeConcentrationScenario();
  ev.events = ev.pods.filter((p) => !p.ready).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Failed', message: 'Error: context deadline exceeded', firstSeen: minutesAgo(20), lastSeen: minutesAgo(1) }));
  return ev;
}

const exit: Finding = {
  id: 'exit-code/app',
  kind: 'exit-code',
  layer: 'container/process',
  severity: 'critical',
  confidence: 'high',
  title: 'Container app exits with code 1 on 2/6 pods',
  evidence: [],
  likelyCause: '',
  nextAction: 'Read the previous logs of the container.',
  confirmCommands: [],
};

describe('the node the failures are confined to', () => {
  it('is picked, with the onset of its failures, when it reports no bad condition', () => {
    const ev = failingOnC();
    expect(pickChangedNode(ev.pods, ev.nodes, ev.events, ev.collectedAt)).toEqual({ node: NODE_C, onset: minutesAgo(20) });
  });

  it('is not picked when the node reports a bad condition (that is its cause) or is itself new', () => {
    const ev = failingOnC();
    const sick = ev.nodes.map((n) => (n.name === NODE_C ? withCondition(n, 'DiskPressure', 'True', 'KubeletHasDiskPressure', 'kubelet has disk pressure', 25) : n));
    expect(pickChangedNode(ev.pods, sick, ev.events, ev.collectedAt)).toBeUndefined();
    const fresh = ev.nodes.map((n) => (n.name === NODE_C ? { ...n, createdAt: minutesAgo(30) } : n));
    expect(pickChangedNode(ev.pods, fresh, ev.events, ev.collectedAt)).toBeUndefined();
  });

  it('is not picked for a single failing pod: it is on its node by chance', () => {
    const ev = failingOnC();
    const firstFailing = ev.pods.findIndex((p) => !p.ready);
    const pods = ev.pods.filter((p, i) => p.ready || i === firstFailing);
    expect(pickChangedNode(pods, ev.nodes, ev.events, ev.collectedAt)).toBeUndefined();
  });

  it('is not picked when failures are on several nodes', () => {
    const ev = failingOnC();
    const pods = ev.pods.map((p, i) => (i === 0 ? { ...p, ready: false, containers: ev.pods.find((x) => !x.ready)?.containers ?? [] } : p));
    expect(pickChangedNode(pods, ev.nodes, ev.events, ev.collectedAt)).toBeUndefined();
  });
});

describe('the newcomers of that node', () => {
  it('keeps pods started in the window before the onset, a DaemonSet pod first; not older ones, not later ones', () => {
    const web = { namespace: 'shop', owner: 'ReplicaSet web-7d9f', pod: pod(21, { name: 'web-7d9f-x', createdAt: minutesAgo(25) }) };
    const ranked = rankNewcomers([web, agent('old-agent-a', 3 * 60), agent('late-agent-b', 10), agent('disk-agent-c', 40)], minutesAgo(20));
    expect(ranked.map((n) => n.pod.name)).toEqual(['disk-agent-c', 'web-7d9f-x']);
  });

  it('quotes the line of the log that says what goes wrong, else the last', () => {
    expect(pickTellingLine(AGENT_LOG)).toContain('level=warn msg="run exceeds expected duration"');
    expect(pickTellingLine(['one', 'two', ''])).toBe('two');
  });
});

describe('the verdict on failures confined to one node', () => {
  it('names the DaemonSet pod that started there before the failures, and what its log says, instead of "no change found"', () => {
    const ev = failingOnC();
    ev.nodeChange = { node: NODE_C, onset: minutesAgo(20), newcomers: [agent('disk-agent-c', 40)], logs: [{ pod: 'disk-agent-c', container: 'agent', previous: false, lines: AGENT_LOG }] };
    const d = diagnose(ev, [exit]);
    expect(d?.headline).not.toContain('no change found');
    expect(d?.headline).toContain(`the node's change: DaemonSet ops/disk-agent (pod disk-agent-c) started there 20m before the failures began (template generation 7, disk-agent:0.10.0); its log: "`);
    expect(d?.headline).toContain('run exceeds expected duration');
    expect(d?.action).toContain(`Cordon ${NODE_C} and delete its failing pods`);
    expect(d?.action).toContain('check what DaemonSet ops/disk-agent is doing there');
    expect(d?.confirm).toContain('kubectl logs disk-agent-c -n ops --context prod-eu-west-1');
  });

  it('keeps "no change found" when nothing started on the node', () => {
    const ev = failingOnC();
    ev.nodeChange = { node: NODE_C, onset: minutesAgo(20), newcomers: [], logs: [] };
    expect(diagnose(ev, [exit])?.headline).toContain('no change found');
  });
});
