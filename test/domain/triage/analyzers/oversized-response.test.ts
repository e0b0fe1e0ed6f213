// A client that refuses its peer's answers for their size (gRPC's default 4 MiB receive limit):
// the pods stay Ready, only the calls with a large answer fail. The verdict names the peer (from
// the lines or the env address its client uses), the sizes against the limit and the peer's rollout
// just before, offers to roll the peer back and to raise the client's limit, and never blames the
// caller's own revision.
import { describe, expect, it } from 'vitest';
import { analyzeOversizedResponses } from '../../../../src/domain/triage/analyzers/oversized-response.js';
import { parseOversizedMessage } from '../../../../src/domain/triage/message-size-limit.js';
import { findOversizedResponses } from '../../../../src/domain/triage/oversized-peer.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, service } from '../scenarios/builders.js';

const PEER = 'rates-svc';
const go = (m: number, size: number) => `{"level":"error","ts":"${minutesAgo(m)}","caller":"rates/client.go:88","msg":"GetRates failed","error":"rpc error: code = ResourceExhausted desc = grpc: received message larger than max (${size} vs. 4194304)"}`;

function scenario(over: { peerRollout?: boolean; lines?: string[]; env?: { name: string; value: string }[] } = {}) {
  const env = over.env ?? [{ name: 'RATES_ADDR', value: `${PEER}.${NS}.svc.cluster.local:9090` }, { name: 'RATES_TIMEOUT', value: '2s' }];
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env })] }));
  const lines = over.lines ?? [go(30, 5242880), 'GET /v1/quotes 200', go(20, 6029312), go(10, 5242880), go(2, 5630114)];
  return baseEvidence({
    pods,
    services: [service(), service({ name: PEER, selector: { app: PEER }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc', protocol: 'TCP' }] })],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    ...(over.peerRollout === false ? {} : {
      peerRollout: {
        service: PEER,
        deployment: PEER,
        revisions: [
          { revision: 12, name: `${PEER}-7f9c`, createdAt: minutesAgo(32), replicas: 3, images: ['registry.example.com/rates-svc:3.1.0'], changeCause: 'rates-svc 3.1.0' },
          { revision: 11, name: `${PEER}-5d8b`, createdAt: minutesAgo(9 * 24 * 60), replicas: 0, images: ['registry.example.com/rates-svc:3.0.2'] },
        ],
      },
    }),
  });
}

describe('answers a client refuses for their size', () => {
  it('reads grpc-go, grpc-java and grpc-node refusals with their sizes, and nothing else', () => {
    expect(parseOversizedMessage(go(1, 5242880))).toMatchObject({ client: 'grpc-go', received: 5242880, limit: 4194304, method: 'GetRates' });
    expect(parseOversizedMessage('io.grpc.StatusRuntimeException: RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4194304: 5242880')).toMatchObject({ client: 'grpc-java', received: 5242880, limit: 4194304 });
    expect(parseOversizedMessage('Error: 8 RESOURCE_EXHAUSTED: Received message larger than max (5242880 vs. 4194304)')).toMatchObject({ client: 'grpc', received: 5242880 });
    expect(parseOversizedMessage('rpc error: code = ResourceExhausted desc = quota exceeded for project')).toBeUndefined();
  });

  it('finds the peer by the env address its client uses when the lines name no host', () => {
    const ev = scenario();
    expect(findOversizedResponses({ ...ev, namespace: NS })).toMatchObject({ peer: PEER, peerBy: 'env RATES_ADDR' });
  });

  it('is the verdict: the peer, the limit, the sizes and the peer\'s rollout; the peer rolled back and the client\'s limit raised', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Answers of rates-svc to GetRates exceed the client's 4MiB gRPC receive limit \(up to 5\.8MiB\) since rates-svc revision 12 \(3\.1\.0, 32m ago\)/);
    expect(report.headline).toMatch(/Roll rates-svc back to revision 11 \(3\.0\.2\)/);
    expect(report.headline).toMatch(/MaxCallRecvMsgSize/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('does not blame the caller\'s own recent rollout when the peer rolled out just before the refusals', () => {
    const ev = scenario();
    ev.revisions = [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(40), { replicas: 3 })];
    ev.pods = ev.pods.map((p) => ({ ...p, revisionHash: REV7.hash }));
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/Roll back to revision 6|Since revision 7/);
    expect(report.headline).toMatch(/since rates-svc revision 12/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('without the peer\'s history, still names the refusal and the limit, but no trigger of its own', () => {
    const [f] = analyzeOversizedResponses(scenario({ peerRollout: false }));
    expect(f?.title).toMatch(/^Answers of rates-svc to GetRates exceed the client's 4MiB gRPC receive limit \(up to 5\.8MiB\): 8 refused in 2 ready pods$/);
    expect(f?.datesChange).toBeUndefined();
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.nextAction).not.toMatch(/back/);
  });

  it('says nothing for one refusal in a ready pod', () => {
    expect(analyzeOversizedResponses(scenario({ lines: [go(5, 5242880), 'GET /v1/quotes 200'] }))).toEqual([]);
  });
});
