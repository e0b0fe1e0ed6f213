// MongoDB at its connection limit (--maxConns, net.maxIncomingConnections): the clients only see
// their connections closed and their pool checkouts time out; mongod's own log says "Connection
// refused because there are too many open connections". Every replica holds its own pool (the
// connection string's maxPoolSize), so replicas × pool size against the server's limit is the
// mechanism, and a scale-out of the replicas the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

const CLOSED = (m: number) => `{"level":50,"time":"${minutesAgo(m)}","msg":"query failed","err":{"type":"MongoNetworkError","message":"connection 3 to 10.0.4.17:27017 closed"}}`;
const CHECKOUT = (m: number) => `{"level":50,"time":"${minutesAgo(m)}","msg":"query failed","err":{"type":"MongoWaitQueueTimeoutError","message":"Timed out while checking out a connection from connection pool"}}`;
const REFUSED = (m: number) => `{"t":{"$date":"${minutesAgo(m)}"},"s":"I","c":"NETWORK","id":22942,"ctx":"listener","msg":"Connection refused because there are too many open connections","attr":{"remote":"10.0.4.90:51234","connectionCount":501}}`;

function mongoScenario(serverLines: string[], args = ['--bind_ip_all', '--maxConns', '500']): TriageEvidence {
  const env = [{ name: 'CATALOG_MONGO_URL', value: 'mongodb://catalog-db-0.catalog-db.payments.svc.cluster.local:27017/catalog?maxPoolSize=50&retryWrites=true' }];
  const pods = [0, 1, 2].map((i) => pod(i, { ready: i === 0, containers: [container({ env })] }));
  const server = pod(8, { name: 'catalog-db-0', labels: { app: 'catalog-db' }, containers: [container({ name: 'mongod', args })] });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 12 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [CLOSED(8), CHECKOUT(2)] })),
    dependencyPods: [{ service: 'catalog-db', pod: server, logs: [{ pod: 'catalog-db-0', container: 'mongod', previous: false, lines: serverLines }] }],
  });
}

describe('MongoDB at its connection limit', () => {
  it("reads the MongoDB pods when the driver's connections close and its checkouts time out", () => {
    expect(listExplainedServices(mongoScenario([]))).toEqual([{ namespace: 'payments', name: 'catalog-db' }]);
  });

  it("names mongod's refusal, its maxConns and the replicas × pool size the workload may open", () => {
    const [f] = analyzeDependencyRefusals(mongoScenario([REFUSED(9), REFUSED(1)]));
    expect(f?.title).toMatch(/^MongoDB catalog-db refuses connections: it is at its connection limit/);
    expect(f?.title).toContain('--maxConns 500');
    expect(f?.title).toContain('12 replicas × maxPoolSize 50 = 600 connections');
    expect(f?.title).toMatch(/too many open connections/);
    expect(f?.likelyCause).toMatch(/more than it allows/);
    expect(f?.fix).toMatch(/maxPoolSize.*maxConns/);
    expect(f?.scalesWithReplicas).toBe(true);
  });

  it('says nothing when mongod does not say it refused them: closed connections alone are no verdict', () => {
    expect(analyzeDependencyRefusals(mongoScenario(['{"t":{"$date":"2026-11-21T03:00:00.000+00:00"},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted"}']))).toEqual([]);
  });
});
