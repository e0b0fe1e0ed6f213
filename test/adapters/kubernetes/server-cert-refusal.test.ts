// The log of the server that refuses the workload's client certificate, read only when the pods log
// the TLS alert it sent: one serving pod's log, only the lines saying why kept.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, exposed, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'books';
const target = { service: 'payer', namespace: NS, kind: 'Deployment' as const, name: 'payer' };
const ALERT = 'connection error: desc = "transport: authentication handshake failed: remote error: tls: bad certificate"';
const REASON = 'grpc: Server.Serve failed to complete security handshake from "10.0.9.14:41000": tls: failed to verify certificate: x509: certificate specifies an incompatible key usage';

function cluster(clientLine: string) {
  const server = deploymentApp({
    namespace: NS, name: 'ledger', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 10 * DAYS, template: { containers: [container({ image: 'registry.example.com/books/ledger:2.0.0', ports: [8443] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 10 * DAYS }],
  });
  const app = deploymentApp({
    namespace: NS, name: 'payer', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/books/payer:5.0.1', env: [{ name: 'LEDGER_ADDR', value: `ledger.${NS}.svc.cluster.local:8443` }] })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  for (const x of [...threeNodes(), ...app.objects, ...server.objects, ...exposed({ namespace: NS, name: 'ledger', selector: { app: 'ledger' }, pods: server.pods, ports: [{ name: 'grpc', port: 8443, targetPort: 8443 }], endpointPort: 8443 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${clientLine}\n${clientLine}\n` });
  for (const p of server.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `serving on :8443\n${REASON}\n` });
  return nameOf(server.pods[0]);
}

const serverLogReads = (pod: string) => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods/${pod}/log`);

describe('the log of a server that refuses the pods\' client certificate', () => {
  it('is read from one serving pod when the pods log its bad-certificate alert', async () => {
    const pod = cluster(ALERT);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.serverCertRefusal?.service).toBe('ledger');
    expect(ev.serverCertRefusal?.lines).toEqual([REASON]);
    expect(serverLogReads(pod ?? '')).toHaveLength(1);
  });

  it('is not read without the alert', async () => {
    const pod = cluster('connection error: desc = "transport: error while dialing: dial tcp 10.0.0.1:8443: i/o timeout"');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.serverCertRefusal).toBeUndefined();
    expect(serverLogReads(pod ?? '')).toEqual([]);
  });
});
