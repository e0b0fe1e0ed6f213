import { describe, expect, it } from 'vitest';
import { analyzeDisruptionBudget } from '../../../../src/domain/triage/analyzers/disruption-budget.js';
import type { EventEvidence, PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_B, NODE_C, NS, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

/** What Karpenter records on a pod each time the eviction API answers 429 while it drains a node. */
function refusedEviction(p: PodEvidence, over: Partial<EventEvidence> = {}): EventEvidence {
  return event({
    object: { kind: 'Pod', name: p.name, namespace: NS },
    reason: 'FailedEviction',
    message: `evicting pod ${NS}/${p.name} violated a PDB`,
    count: 212,
    firstSeen: minutesAgo(47.8),
    lastSeen: minutesAgo(0.2),
    source: 'karpenter',
    ...over,
  });
}

describe('analyzeDisruptionBudget', () => {
  it('tells a drain blocked by a budget that allows no disruption as context when the workload is at full strength', () => {
    const ev = healthyScenario();
    const blocked = ev.pods[1] as PodEvidence;
    ev.events.push(refusedEviction(blocked));
    const findings = analyzeDisruptionBudget(ev);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe(`disruption-budget/${blocked.name}`);
    expect(f?.title).toBe(`Drain of node ${NODE_B} blocked for 47m: the PodDisruptionBudget refuses to evict ${blocked.name} (212 refusals); the workload itself is 5/5 ready`);
    expect(f?.severity).toBe('info');
    expect(f?.layer).toBe('node/eviction');
    expect(f?.evidence).toEqual([`FailedEviction ×212 on pod ${blocked.name} (47m ago to 12s ago) from karpenter: evicting pod ${NS}/${blocked.name} violated a PDB`, '5/5 replicas ready']);
    expect(f?.decisive).toBe(`evicting pod ${NS}/${blocked.name} violated a PDB`);
    expect(f?.likelyCause).toBe(
      'A PodDisruptionBudget that allows no voluntary disruption at full strength (minAvailable equal to the replicas, or maxUnavailable 0) blocks every drain of a node running one of these pods; karpenter keeps retrying.',
    );
    expect(f?.fix).toBe('let the PodDisruptionBudget allow one disruption');
    expect(f?.confirmCommands).toEqual(['kubectl get pdb -o wide -n payments --context prod-eu-west-1', `kubectl get events --field-selector involvedObject.name=${NODE_B} --context prod-eu-west-1`]);
    expect(f?.affected).toEqual({ pods: [blocked.name], nodes: [NODE_B] });
  });

  it('warns when the budget refuses because replicas are already missing: those are the problem, not the budget', () => {
    const pods = [0, 1, 2, 3].map((i) => pod(i)).concat(pod(4, { ready: false, containers: [container({ ready: false })] }));
    const ev = baseEvidence({ pods, workload: workload({ readyReplicas: 4, availableReplicas: 4 }), events: [refusedEviction(pods[1] as PodEvidence)] });
    const [f] = analyzeDisruptionBudget(ev);
    expect(f?.title).toBe(`Evictions from node ${NODE_B} refused by the PodDisruptionBudget while only 4/5 replicas are ready (212 refusals)`);
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.at(-1)).toBe('4/5 replicas ready');
    expect(f?.fix).toBe('bring the missing replicas back');
    expect(f?.nextAction).toBe('Fix what keeps the replicas unready; the drain resumes by itself once the budget allows it.');
  });

  it('adds up the refusals of several pods on several nodes, from the earliest one', () => {
    const ev = healthyScenario();
    const [, b, c] = ev.pods as [PodEvidence, PodEvidence, PodEvidence];
    ev.events.push(refusedEviction(b, { count: 40, firstSeen: minutesAgo(20) }), refusedEviction(c, { count: 12, firstSeen: minutesAgo(9) }));
    const [f] = analyzeDisruptionBudget(ev);
    expect(f?.title).toBe(`Drain of node ${NODE_B}, ${NODE_C} blocked for 20m: the PodDisruptionBudget refuses to evict ${b.name}, ${c.name} (52 refusals); the workload itself is 5/5 ready`);
    expect(f?.affected?.nodes).toEqual([NODE_B, NODE_C]);
  });

  it('ignores refusals last seen more than an hour ago: that drain is over', () => {
    const ev = healthyScenario();
    ev.events.push(refusedEviction(ev.pods[1] as PodEvidence, { firstSeen: minutesAgo(180), lastSeen: minutesAgo(61) }));
    expect(analyzeDisruptionBudget(ev)).toEqual([]);
  });

  it('does not take the kubelet evicting a pod for memory pressure for a budget refusal', () => {
    const ev = healthyScenario();
    const p = ev.pods[1] as PodEvidence;
    ev.events.push(event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Evicted', message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 85324Ki. Container app was using 1887436Ki, request is 512Mi, has larger consumption of memory.', firstSeen: minutesAgo(5), lastSeen: minutesAgo(5) }));
    expect(analyzeDisruptionBudget(ev)).toEqual([]);
    expect(analyzeDisruptionBudget(healthyScenario())).toEqual([]);
  });
});
