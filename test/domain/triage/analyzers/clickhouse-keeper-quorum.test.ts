// ClickHouse inserts refused with "Table is in readonly mode" (TABLE_IS_READ_ONLY): a replicated
// table goes read-only while ClickHouse has no session with its Keeper/ZooKeeper, so the members
// looked at are those of the coordination service, found by its Service's name in the namespace.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { baseEvidence, container, minutesAgo, node, pod, service, withCondition } from '../scenarios/builders.js';

const READONLY = '{"level":"error","msg":"batch insert failed","error":"code: 242, message: Table is in readonly mode: replica_path=/clickhouse/tables/0/db/events/replicas/ch-0"}';
const ENV = [{ name: 'CLICKHOUSE_ADDR', value: 'clickhouse:9000' }];
const DEAD = 'ip-10-0-7-12.eu-west-1.compute.internal';
const keeperLabels = { app: 'ch-keeper' };

function members(): DependencyMembersEvidence {
  const survivor = pod(0, { name: 'ch-keeper-0', labels: keeperLabels, ready: false, containers: [container({ name: 'keeper', ready: false })] });
  const held = [1, 2].map((i) => pod(i, { name: `ch-keeper-${i}`, labels: keeperLabels, nodeName: DEAD, ready: false, deletionTimestamp: minutesAgo(20), containers: [container({ name: 'keeper', ready: false })] }));
  return {
    namespace: 'payments',
    service: 'ch-keeper',
    pods: [survivor, ...held],
    nodeLosses: [],
    nodes: [withCondition(node(DEAD), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 25)],
  };
}

function scenario(lines: readonly string[], services = [service({ name: 'clickhouse', selector: { app: 'clickhouse' } }), service({ name: 'ch-keeper', selector: keeperLabels })], dependencyMembers?: DependencyMembersEvidence[], logged = 2) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  return baseEvidence({
    pods,
    services,
    logs: pods.slice(0, logged).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('ClickHouse tables read-only for want of Keeper', () => {
  it('follows the refusal to the namespace\'s Keeper/ZooKeeper Service, not to ClickHouse\'s', () => {
    expect(pickClusterDownService(scenario([READONLY, READONLY]))).toEqual({ name: 'ch-keeper', namespace: 'payments' });
    // One line is not an outage; no coordination Service in sight, none is guessed.
    expect(pickClusterDownService(scenario([READONLY], undefined, undefined, 1))).toBeUndefined();
    expect(pickClusterDownService(scenario([READONLY, READONLY], [service({ name: 'clickhouse', selector: { app: 'clickhouse' } })]))).toBeUndefined();
  });

  it('names the lost quorum, the members held on the dead node and the fix on Keeper\'s side', () => {
    const [f] = analyzeDependencyClusterDown(scenario([READONLY, READONLY], undefined, [members()]));
    expect(f?.title).toMatch(/Keeper\/ZooKeeper ch-keeper has no quorum/);
    expect(f?.title).toContain('TABLE_IS_READ_ONLY');
    // The survivor runs: it still votes, and a lone voter of three has no majority.
    expect(f?.title).toMatch(/1 of its 3 members up, a majority needs 2/);
    expect(f?.title).toMatch(new RegExp(`ch-keeper-1 and ch-keeper-2 Terminating on node ${DEAD}`));
    expect(f?.title).not.toMatch(/re-created/);
    expect(f?.likelyCause).toMatch(/session with its coordination service/);
    expect(f?.nextAction).toMatch(/force-delete ch-keeper-1 and ch-keeper-2/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    expect(f?.outsideWorkload).toBeDefined();
  });
});
