// gRPC calls answered UNIMPLEMENTED: the server runs a version without the method. The verdict
// names the server (from the lines, the gRPC target in the env, or the gRPC service's name), and
// which side is behind: the server's rollout that would bring the method is stuck (its new pod
// waits), or its new revision dropped it, or the caller's new revision calls what it never had.
import { describe, expect, it } from 'vitest';
import { analyzeUnimplementedCalls } from '../../../../src/domain/triage/analyzers/unimplemented-method.js';
import { findUnimplementedCalls, parseUnimplementedCall } from '../../../../src/domain/triage/grpc-unimplemented.js';
import { listEnvAddresses } from '../../../../src/domain/triage/env-dependency.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PeerRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, service } from '../scenarios/builders.js';

const PEER = 'ledger-api';
const METHOD = 'ledger.v2.LedgerService/PostEntries';
const goLine = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","caller":"ledger/client.go:91","msg":"post entries failed","error":"rpc error: code = Unimplemented desc = Method not found: ${METHOD}"}`;
const image = (v: string) => `registry.example.com/ledger-api:${v}`;

/** The server: revision 12 (old, serving 3 pods) and 13 (new, one pod), whose pod waits as told. */
function peer(over: { newestAgo?: number; newPod?: 'held' | 'ready' | 'none'; newReplicas?: number; oldReplicas?: number } = {}): Pick<TriageEvidence, 'peerRollout' | 'calledServices'> {
  const newPod = over.newPod ?? 'held';
  const history: PeerRolloutEvidence = {
    service: PEER,
    deployment: PEER,
    revisions: [
      { revision: 13, name: `${PEER}-6f7b9c8d5c`, createdAt: minutesAgo(over.newestAgo ?? 45), replicas: over.newReplicas ?? 1, images: [image('4.2.0')], changeCause: 'argocd: ledger-api 4.2.0' },
      { revision: 12, name: `${PEER}-5d4c8b7a6f`, createdAt: minutesAgo(12 * 24 * 60), replicas: over.oldReplicas ?? 3, images: [image('4.1.3')] },
    ],
  };
  const old = [0, 1, 2].map((i) => pod(i, { name: `${PEER}-5d4c8b7a6f-x${i}`, revisionHash: '5d4c8b7a6f', labels: { app: PEER, 'pod-template-hash': '5d4c8b7a6f' } }));
  const waiting = { waiting: { reason: 'CreateContainerConfigError', message: `couldn't find key LEDGER_BATCH_LIMIT in ConfigMap ${NS}/ledger-api-config` } };
  const fresh = pod(3, {
    name: `${PEER}-6f7b9c8d5c-q7`, revisionHash: '6f7b9c8d5c', labels: { app: PEER, 'pod-template-hash': '6f7b9c8d5c' }, createdAt: minutesAgo(44),
    ...(newPod === 'held' ? { ready: false, containers: [container({ ready: false, state: waiting })] } : {}),
  });
  return { peerRollout: history, calledServices: [{ service: PEER, pods: newPod === 'none' ? old : [...old, fresh], events: [] }] };
}

function scenario(over: { lines?: string[]; env?: { name: string; value: string }[]; peer?: Pick<TriageEvidence, 'peerRollout' | 'calledServices'>; ownRolloutAgo?: number } = {}): TriageEvidence {
  const env = over.env ?? [{ name: 'LEDGER_GRPC_TARGET', value: `dns:///${PEER}.${NS}.svc.cluster.local:9090` }, { name: 'LEDGER_TIMEOUT', value: '800ms' }];
  const hash = over.ownRolloutAgo === undefined ? REV6.hash : REV7.hash;
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: hash, containers: [container({ env })] }));
  const lines = over.lines ?? [goLine(25), 'GET /v1/accounts 200', goLine(18), goLine(9), goLine(2)];
  return baseEvidence({
    pods,
    services: [service(), service({ name: PEER, selector: { app: PEER }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc', protocol: 'TCP' }] })],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    ...(over.ownRolloutAgo === undefined ? {} : { revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(over.ownRolloutAgo), { replicas: 3 })] }),
    ...(over.peer ?? peer()),
  });
}

describe('gRPC calls answered UNIMPLEMENTED', () => {
  it('reads grpc-go, grpc-java and grpc-node answers with the method, and leaves health probes and other codes alone', () => {
    expect(parseUnimplementedCall(goLine(1))).toMatchObject({ method: METHOD, service: 'ledger.v2.LedgerService' });
    expect(parseUnimplementedCall('io.grpc.StatusRuntimeException: UNIMPLEMENTED: Method not found: ledger.v2.LedgerService/PostEntries')).toMatchObject({ method: METHOD });
    expect(parseUnimplementedCall('Error: 12 UNIMPLEMENTED: The server does not implement the method /ledger.v2.LedgerService/PostEntries')).toMatchObject({ method: METHOD });
    expect(parseUnimplementedCall('rpc error: code = Unimplemented desc = unknown method PostEntries for service ledger.v2.LedgerService')).toMatchObject({ method: METHOD });
    expect(parseUnimplementedCall('rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health')).toBeUndefined();
    expect(parseUnimplementedCall('rpc error: code = Unavailable desc = connection refused')).toBeUndefined();
    expect(parseUnimplementedCall('HTTP/1.1 501 Not Implemented')).toBeUndefined();
  });

  it('finds the server by the gRPC target in the env (dns:///host:port) when the lines name no host', () => {
    expect(listEnvAddresses(container({ env: [{ name: 'T', value: 'dns://10.0.0.2/ledger-api:9090' }] }))).toEqual([{ env: 'T', host: 'ledger-api', port: '9090', scheme: 'dns' }]);
    const ev = scenario();
    expect(findUnimplementedCalls({ ...ev, namespace: NS })).toMatchObject({ peer: PEER, peerBy: 'env LEDGER_GRPC_TARGET' });
  });

  it('finds the server by the gRPC service\'s name when the env holds no address', () => {
    const ev = scenario({ env: [{ name: 'LEDGER_TIMEOUT', value: '800ms' }] });
    expect(findUnimplementedCalls({ ...ev, namespace: NS })).toMatchObject({ peer: PEER, peerBy: 'the gRPC service\'s name' });
  });

  it('is the verdict: the caller\'s new revision calls what the server\'s stuck rollout has not delivered, and why it is stuck', () => {
    const report = buildTriageReport(scenario({ ownRolloutAgo: 30 }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 \(30m ago/);
    expect(report.headline).toMatch(/Method not found: ledger\.v2\.LedgerService\/PostEntries/);
    expect(report.headline).toMatch(/ledger-api's rollout to revision 13 \(4\.2\.0, 45m ago\) is stuck, its new pod waits in CreateContainerConfigError: couldn't find key LEDGER_BATCH_LIMIT/);
    expect(report.headline).toMatch(/revision 12 \(4\.1\.3\), without the method, still serves/);
    // Fix forward first; the caller's rollback is the fallback.
    expect(report.headline).toMatch(/\. Fix what holds ledger-api's revision 13 back \(CreateContainerConfigError\) so it rolls out; rolling back to revision 6 would also/);
    expect(report.headline.length).toBeLessThan(720);
  });

  it('blames the server\'s new revision, not the caller, when that revision serves and dropped the method', () => {
    const ev = scenario({ peer: peer({ newestAgo: 30, newPod: 'ready', newReplicas: 3, oldReplicas: 0 }) });
    const [f] = analyzeUnimplementedCalls(ev);
    expect(f?.title).toMatch(/^ledger-api no longer serves ledger\.v2\.LedgerService\/PostEntries since its revision 13 \(4\.2\.0, 30m ago\)/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.fix).toMatch(/roll ledger-api back to revision 12 \(4\.1\.3\)/);
  });

  it('without a server rollout under way, says the server does not serve the method the caller\'s new revision calls', () => {
    const ev = scenario({ ownRolloutAgo: 20, peer: peer({ newestAgo: 12 * 24 * 60 - 5, newPod: 'none', newReplicas: 3, oldReplicas: 0 }) });
    const [f] = analyzeUnimplementedCalls(ev);
    expect(f?.title).toMatch(/: ledger-api at revision 13 \(4\.2\.0\) does not serve the method$/);
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.rollbackUndoes).toBeUndefined();
  });

  it('says nothing for one such answer in a ready pod', () => {
    expect(analyzeUnimplementedCalls(scenario({ lines: [goLine(5), 'GET /v1/accounts 200'] }))).toEqual([]);
  });
});
