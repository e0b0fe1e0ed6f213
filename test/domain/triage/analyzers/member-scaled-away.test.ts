import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { EventEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

// A Redis Cluster of 4 masters (no replicas) scaled to 3 by hand 20 minutes ago without resharding:
// the controller deleted cart-cache-3, the members left mark its node failing, and its hash slots
// have no master. Every pod left is Ready.
const SET = 'cart-cache';
const GONE_ID = '9f0e1d2c3b4a59687766554433221100ffeeddcc';
const SEEN_BY = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';

function member(ordinal: number): PodEvidence {
  return pod(ordinal, {
    name: `${SET}-${ordinal}`,
    ordinal,
    labels: { app: SET },
    containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis-cluster:7.2.5' })],
  });
}

function deleted(ordinal: number, ago: number): EventEvidence {
  return event({ object: { kind: 'StatefulSet', name: SET, namespace: NS }, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod ${SET}-${ordinal} in StatefulSet ${SET} successful`, count: 1, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'statefulset-controller' });
}

function scenario(over: { events?: EventEvidence[]; logs?: string[][]; replicasEnv?: string } = {}): TriageEvidence {
  const pods = [0, 1, 2].map(member);
  const base = baseEvidence({ pods, services: [], endpointSlices: [], hpas: [], revisions: [] });
  const logs = over.logs ?? [
    ['1:M 21 Nov 2026 01:10:00.000 * Ready to accept connections tcp', `1:M 21 Nov 2026 02:54:05.000 * Marking node ${GONE_ID} () as failing (quorum reached).`],
    ['1:M 21 Nov 2026 01:10:00.000 * Ready to accept connections tcp', `1:M 21 Nov 2026 02:54:05.120 * FAIL message received from ${SEEN_BY} () about ${GONE_ID} ()`],
  ];
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({
      kind: 'StatefulSet',
      name: SET,
      specReplicas: 3,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      selector: { app: SET },
      templateLabels: { app: SET },
      templateContainers: [container({ name: 'redis', env: [{ name: 'REDIS_CLUSTER_REPLICAS', value: over.replicasEnv ?? '0' }] })],
      podManagementPolicy: 'Parallel',
      claimTemplates: [{ name: 'data', storage: '8Gi' }],
      replicasOwners: [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', at: minutesAgo(20) }],
      conditions: [],
    }),
    events: over.events ?? [deleted(3, 20)],
    logs: logs.map((lines, i) => ({ pod: `${SET}-${i}`, container: 'redis', previous: false, lines })),
  };
}

describe('a Redis Cluster StatefulSet scaled down without resharding', () => {
  it('is not called healthy: the headline names the removed member, its unserved slots and the scale-down as the change', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Redis Cluster cart-cache lost cart-cache-3: the StatefulSet was scaled down from 4 to 3 replicas 20m ago by kubectl \(scale subresource\)/);
    expect(report.headline).toMatch(/hash slots it served are not served now: keys in them get CLUSTERDOWN Hash slot not served/);
    expect(report.headline).not.toMatch(/no change found/);
    const f = report.findings.find((x) => x.id.startsWith('member-scaled-away/'));
    expect(f?.nextAction).toMatch(/scale back to 4 \(kubectl scale statefulset\/cart-cache --replicas=4 -n payments/);
    expect(f?.nextAction).toMatch(/cart-cache-3 comes back on data-cart-cache-3/);
    expect(f?.nextAction).toMatch(/--cluster reshard\) and remove the node \(redis-cli --cluster del-node\)/);
  });

  it('hedges the slots when the chart may have kept a replica of the removed master', () => {
    const report = buildTriageReport(scenario({ replicasEnv: '1' }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/not served now unless a replica of it took them over/);
  });

  it('says nothing of a scale-down the cluster was told of (no member marks a node failing)', () => {
    const quiet = scenario({ logs: [['1:M 21 Nov 2026 01:10:00.000 * Ready to accept connections tcp'], ['1:M 21 Nov 2026 01:10:00.000 * Ready to accept connections tcp']] });
    expect(buildTriageReport(quiet, { startedAt: NOW, finishedAt: NOW }).findings.map((f) => f.id)).not.toContain(`member-scaled-away/${SET}`);
  });

  it('leaves a member the controller re-created (an ordinal below the replicas) to other findings', () => {
    const recreated = scenario({ events: [deleted(1, 20)] });
    expect(buildTriageReport(recreated, { startedAt: NOW, finishedAt: NOW }).findings.map((f) => f.id)).not.toContain(`member-scaled-away/${SET}`);
  });
});
