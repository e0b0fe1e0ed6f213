// ZooKeeper refusing a client IP past maxClientCnxns: the client only logs that the server closed
// its socket before any session existed (sessionid 0x0); ZooKeeper's own log says "Too many
// connections from /<IP> - max is N". Those IPs are the workload's own pods: a client that opens
// connections it never closes, so the fix is in the client, not the limit.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const CLOSING = (t: string) => `${t} WARN 1 --- [ain-SendThread(coord-1.coord-hs.payments.svc.cluster.local:2181)] org.apache.zookeeper.ClientCnxn : Session 0x0 for server coord-1.coord-hs.payments.svc.cluster.local/10.0.9.21:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException or SessionTimeoutException.`;
const EOS = 'org.apache.zookeeper.ClientCnxn$EndOfStreamException: Unable to read additional data from server sessionid 0x0, likely server has closed socket';
const REFUSED = (ip: string) => `2026-11-21 03:10:41,563 [myid:2] - WARN  [NIOServerCxnFactory.AcceptThread:0.0.0.0/0.0.0.0:2181:o.a.z.s.NIOServerCnxnFactory$AcceptThread@312] - Too many connections from /${ip} - max is 60`;

function client(serverLines: string[]) {
  const pods = [0, 1].map((i) => {
    const p = pod(i, { containers: [container({ env: [{ name: 'ZK_CONNECT', value: 'coord-0.coord-hs.payments.svc.cluster.local:2181,coord-1.coord-hs.payments.svc.cluster.local:2181' }] })] });
    p.podIPs = [`10.0.3.${40 + i}`];
    return p;
  });
  const server = pod(7, { name: 'coord-1', labels: { app: 'coord' }, containers: [container({ name: 'zookeeper' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [CLOSING('2026-11-21 03:05:00.101'), '', EOS, '\tat org.apache.zookeeper.ClientCnxnSocketNIO.doIO(ClientCnxnSocketNIO.java:77)', CLOSING('2026-11-21 03:10:41.200'), '', EOS] })),
    dependencyPods: [{ service: 'coord-hs', pod: server, logs: [{ pod: 'coord-1', container: 'zookeeper', previous: false, lines: serverLines }] }],
  });
}

describe('ZooKeeper refusing a client IP past maxClientCnxns', () => {
  it('reads the ZooKeeper pods when the client says its socket was closed before any session', () => {
    expect(listExplainedServices(client([]))).toEqual([{ namespace: 'payments', name: 'coord-hs' }]);
  });

  it('names the per-IP limit, its value and the pod the refused address belongs to: a client that never closes its connections', () => {
    const [f] = analyzeDependencyRefusals({ ...client([REFUSED('10.0.3.41')]), collectedAt: NOW });
    expect(f?.title).toMatch(/^ZooKeeper coord-hs refuses new connections of these pods at its per-client-IP limit \(maxClientCnxns\)/);
    expect(f?.title).toMatch(/max is 60.*pod \S+ of this workload/);
    expect(f?.title).toMatch(/never close, a leak/);
    expect(f?.fix).toMatch(/one shared ZooKeeper\/Curator client per process/);
    expect(f?.fix).toMatch(/raising maxClientCnxns only delays/);
    expect(f?.likelyCause).toMatch(/ensemble is healthy/);
  });

  it('says nothing when ZooKeeper does not say it refused them: a closed socket alone is no verdict', () => {
    expect(analyzeDependencyRefusals({ ...client(['2026-11-21 03:10:41,563 [myid:2] - INFO  [NIOWorkerThread-2:o.a.z.s.NIOServerCnxn@580] - Processing mntr command from /127.0.0.1:40112']), collectedAt: NOW })).toEqual([]);
  });
});
