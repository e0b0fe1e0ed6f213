import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { pickCertRefusingServer, readServerRefusal } from '../../../src/domain/triage/client-cert-refused.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, pod, workload } from './scenarios/builders.js';

const ALERT = '{"level":"ERROR","msg":"submit failed","error":"ledger: rpc error: code = Unavailable desc = connection error: desc = \\"transport: authentication handshake failed: remote error: tls: bad certificate\\""}';
const DIAL = `{"level":"WARN","msg":"grpc: addrConn.createTransport failed to connect to {Addr: \\"books.${NS}.svc.cluster.local:8443\\"}. Err: connection error: desc = \\"transport: authentication handshake failed: remote error: tls: bad certificate\\""}`;
const SERVER = '2026/11/21 03:10:00 WARNING: [core] grpc: Server.Serve failed to complete security handshake from "10.0.9.14:41000": tls: failed to verify certificate: x509: certificate specifies an incompatible key usage';

/** Three unready pods whose calls to their mTLS server end in its bad-certificate alert. */
function scenario(serverLines?: string[]): TriageEvidence {
  const env = [{ name: 'BOOKS_ADDR', value: `books.${NS}.svc.cluster.local:8443` }];
  const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env })] }));
  const logs: LogEvidence[] = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [DIAL, ALERT, DIAL, ALERT] }));
  return {
    ...baseEvidence({ pods, logs, workload: workload({ readyReplicas: 0, availableReplicas: 0 }) }),
    ...(serverLines ? { serverCertRefusal: { namespace: NS, service: 'books', pod: 'books-0', lines: serverLines } } : {}),
  };
}

describe('a server that refuses the pods\' client certificate', () => {
  it('is read from the server the env names, when the pods log its alert', () => {
    const ev = scenario();
    expect(pickCertRefusingServer({ logs: ev.logs, pods: ev.pods, namespace: NS })).toEqual({ name: 'books', namespace: NS });
  });

  it('tells the server\'s reason: a certificate without clientAuth', () => {
    expect(readServerRefusal([SERVER])?.reason).toBe('x509: certificate specifies an incompatible key usage');
    const report = buildTriageReport(scenario([SERVER]), { startedAt: NOW, finishedAt: NOW });
    const told = report.findings.map((f) => `${f.title}\n${f.likelyCause}\n${f.nextAction}`).join('\n');
    expect(told).toMatch(/incompatible key usage/);
    expect(told).toMatch(/clientAuth/);
    expect(report.headline).not.toMatch(/expired|roll ?back/i);
  });
});
