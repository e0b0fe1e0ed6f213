import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { pickUnreadMembers } from '../../../src/domain/triage/separate-bootstrap.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, setMember, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

const SET = 'broker';
const HASH = `${SET}-7f8d9c6b5`;
const fqdn = (i: number) => `rabbit@${SET}-${i}.${SET}-nodes.${NS}.svc.cluster.local`;
const BLANK = '2026-12-06 04:31:02.118 [notice] <0.254.0> Starting as a blank standalone node...';
const joined = (i: number) => [`2026-12-06 04:31:03.410 [info] <0.254.0> All discovered existing cluster peers: ${fqdn(0)}`, `2026-12-06 04:31:03.411 [info] <0.254.0> Node '${fqdn(0)}' selected for auto-clustering`];
const seeded = ['2026-12-06 04:31:02.117 [info] <0.254.0> Discovered no peer nodes to cluster with.', BLANK, '2026-12-06 04:31:04.001 [info] <0.742.0> Server startup complete; 5 plugins started.'];

function brokers(logs: LogEvidence[], policy: 'Parallel' | 'OrderedReady' = 'Parallel'): TriageEvidence {
  const base = baseEvidence({ pods: [0, 1, 2].map((i) => setMember(SET, HASH, i, 6 * 60, { containers: [container({ name: 'rabbitmq' })] })), services: [], endpointSlices: [], hpas: [], revisions: [], logs });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, selector: { app: SET }, podManagementPolicy: policy, conditions: [], createdAt: minutesAgo(6 * 60) }),
  };
}
const log = (i: number, lines: string[]): LogEvidence => ({ pod: `${SET}-${i}`, container: 'rabbitmq', previous: false, lines });

describe('members of one StatefulSet that each bootstrapped a cluster of their own', () => {
  it('names the member that formed a separate cluster and podManagementPolicy Parallel, all pods ready', () => {
    const report = buildTriageReport(brokers([log(0, seeded), log(1, joined(1)), log(2, seeded)]), times);
    expect(report.headline).toMatch(/broker-2 formed a separate cluster/);
    expect(report.headline).toMatch(/podManagementPolicy: Parallel/);
    expect(report.headline).toMatch(/two clusters behind one Service/);
  });

  it('says nothing when only the first member seeded and the others joined it', () => {
    const report = buildTriageReport(brokers([log(0, seeded), log(1, joined(1)), log(2, joined(2))]), times);
    expect(report.headline).not.toMatch(/separate cluster/);
  });

  it('reads the unread members of a Parallel StatefulSet only once a read member started blank', () => {
    const ev = brokers([log(0, seeded), log(1, joined(1))]);
    expect(pickUnreadMembers(ev.workload ?? undefined, ev.pods, ev.logs)).toEqual([{ pod: `${SET}-2`, container: 'rabbitmq' }]);
    const calm = brokers([log(1, joined(1))]);
    expect(pickUnreadMembers(calm.workload ?? undefined, calm.pods, calm.logs)).toEqual([]);
    const ordered = brokers([log(0, seeded), log(1, joined(1))], 'OrderedReady');
    expect(pickUnreadMembers(ordered.workload ?? undefined, ordered.pods, ordered.logs)).toEqual([]);
  });
});
