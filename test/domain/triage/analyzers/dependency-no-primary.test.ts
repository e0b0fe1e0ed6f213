// A MongoDB replica set with no primary: its clients log "not primary" and then server selection
// timeouts (ReplicaSetNoPrimary). The cause is the set's members — fewer than a majority up, here
// two held Terminating on a node that stopped posting status — never the client's connection string.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, node, pod, service } from '../scenarios/builders.js';

const DEAD = 'ip-10-0-42-17.eu-west-1.compute.internal';
const LIVE = 'ip-10-0-41-9.eu-west-1.compute.internal';
const NO_PRIMARY = '{"level":50,"time":1718000000000,"err":{"type":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","reason":{"type":"ReplicaSetNoPrimary","setName":"rs0","heartbeatFrequencyMS":10000}},"msg":"could not save cart"}';
const GO_NO_PRIMARY = 'level=error msg="insert failed" err="server selection error: server selection timeout, current topology: { Type: ReplicaSetNoPrimary, Servers: [{ Addr: carts-mongo-0.carts-mongo:27017, Type: RSSecondary }] }"';
const NOT_PRIMARY = '{"level":50,"err":{"type":"MongoServerError","message":"not primary","code":10107,"codeName":"NotWritablePrimary"},"msg":"could not save cart"}';
/** The driver's address is in a Secret: only the Service's port says which one is the database. */
const SECRET_ENV = [{ name: 'MONGODB_URI', ref: { kind: 'secret' as const, name: 'carts-mongo', key: 'uri' } }];
const MONGO_SVC = service({ name: 'carts-mongo', selector: { app: 'carts-mongo' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017, protocol: 'TCP' }] });

function member(i: number, o: { held?: boolean } = {}) {
  const labels = { app: 'carts-mongo' };
  return pod(i, {
    name: `carts-mongo-${i}`,
    labels,
    nodeName: o.held ? DEAD : LIVE,
    ready: !o.held,
    containers: [container({ name: 'mongod' })],
    ...(o.held ? { deletionTimestamp: minutesAgo(14) } : {}),
  });
}

const deadNode = node(DEAD, {
  conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: minutesAgo(19) }],
  taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: minutesAgo(19) }],
});

function members(over: Partial<DependencyMembersEvidence> = {}): DependencyMembersEvidence {
  return { namespace: 'payments', service: 'carts-mongo', pods: [member(0), member(1, { held: true }), member(2, { held: true })], nodeLosses: [], nodes: [deadNode], ...over };
}

function scenario(lines: readonly string[], dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: SECRET_ENV })] }));
  const base = baseEvidence();
  return baseEvidence({
    pods,
    services: [...base.services, MONGO_SVC],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('a MongoDB replica set whose clients say it has no primary', () => {
  it('is followed to the Service whose port is MongoDB\'s when the address is kept in a Secret', () => {
    expect(pickClusterDownService(scenario([NOT_PRIMARY, NO_PRIMARY, NO_PRIMARY]))).toEqual({ name: 'carts-mongo', namespace: 'payments' });
    expect(pickClusterDownService(scenario([GO_NO_PRIMARY, GO_NO_PRIMARY]))).toEqual({ name: 'carts-mongo', namespace: 'payments' });
    // "not primary" alone is a write that reached a secondary, not a set without a primary.
    expect(pickClusterDownService(scenario([NOT_PRIMARY, NOT_PRIMARY]))).toBeUndefined();
  });

  it('is not followed when the driver itself refused the servers\' wire version (it then reports no primary of its own)', () => {
    const incompatible = '{"level":60,"err":{"type":"MongoServerSelectionError","message":"Server at carts-mongo-1.carts-mongo:27017 reports minimum wire version 21, but this version of the Node.js Driver requires at most 8 (MongoDB 4.2)","reason":{"type":"ReplicaSetNoPrimary","setName":"rs0","compatible":false}},"msg":"cannot start"}';
    expect(pickClusterDownService(scenario([incompatible, incompatible]))).toBeUndefined();
  });

  it('counts the members up against the majority and names those held on the node that stopped posting status', () => {
    const ev = scenario([NOT_PRIMARY, NO_PRIMARY, NO_PRIMARY], [members()]);
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^MongoDB replica set carts-mongo has no primary \(ReplicaSetNoPrimary\)/);
    expect(f?.title).toContain('1 of its 3 members up, a majority needs 2');
    expect(f?.title).toMatch(/carts-mongo-1 and carts-mongo-2 Terminating on node ip-10-0-42-17[^;]*not Ready \(Unknown\)/);
    expect(f?.likelyCause).toMatch(/no member can be elected/);
    expect(f?.likelyCause).toMatch(/Kubelet stopped posting node status/);
    expect(f?.nextAction).toMatch(/force-delete carts-mongo-1 and carts-mongo-2/);
    expect(f?.nextAction).toMatch(/--grace-period=0 --force/);
    expect(f?.nextAction).toMatch(/spread the members/);
    expect(f?.nextAction).not.toMatch(/connection string/i);
    expect(f?.confidence).toBe('high');
  });

  it('puts the missing majority in the headline instead of a client that reaches a secondary', () => {
    const ev = scenario([NOT_PRIMARY, NOT_PRIMARY, NO_PRIMARY, NO_PRIMARY], [members()]);
    expect(analyzeDependencyRefusals(ev).filter((f) => f.id.startsWith('dependency-refuses/MongoDB'))).toEqual([]);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/has no primary/);
    expect(report.headline).toMatch(/carts-mongo-1/);
    expect(report.headline).not.toMatch(/connection string/i);
  });

  it('keeps the secondary reading while a primary exists (no server-selection timeouts)', () => {
    const [f] = analyzeDependencyRefusals(scenario([NOT_PRIMARY, NOT_PRIMARY]));
    expect(f?.title).toMatch(/client reaches a secondary/);
  });
});
