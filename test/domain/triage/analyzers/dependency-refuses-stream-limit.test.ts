// A gRPC client on one HTTP/2 connection to a server that advertises MAX_CONCURRENT_STREAMS: calls
// past the limit wait in the client for a free stream until their deadline, so they fail with
// DEADLINE_EXCEEDED (logged at WARN) while the server is idle. Named only when the server's own
// settings set the stream limit; a deadline alone says nothing of why.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const FAILED = (t: string) => `${t}  WARN 1 --- [quote-api] [io-8080-exec-41] c.acme.quote.rates.RatesGateway : GetRates failed for cart c_1 (7 lines) after 501 ms: io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 0.49971s. [closed=[], open=[[remote_addr=rates-svc.payments.svc.cluster.local/172.20.61.93:9090]]]`;

function quote(serverArgs: string[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'GRPC_CLIENT_RATES_ADDRESS', value: 'dns:///rates-svc.payments.svc.cluster.local:9090' }] })] }));
  const server = pod(7, { name: 'rates-svc-5d9c-abcde', labels: { app: 'rates-svc' }, containers: [container({ name: 'app', args: serverArgs })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [FAILED('2026-11-21T03:05:00.000Z'), FAILED('2026-11-21T03:10:41.000Z')] })),
    dependencyPods: [{ service: 'rates-svc', pod: server, logs: [] }],
  });
}

describe("a gRPC client's calls queued behind the server's MAX_CONCURRENT_STREAMS", () => {
  it('reads the server pod its gRPC address names when the calls run out of their deadline', () => {
    expect(listRefusingServices(quote([]))).toEqual(['rates-svc']);
  });

  it('names the stream limit, its value and the one connection', () => {
    const [f] = analyzeDependencyRefusals({ ...quote(['--grpc-addr=:9090', '--grpc-max-concurrent-streams=100']), collectedAt: NOW });
    expect(f?.title).toMatch(/^gRPC rates-svc .*MAX_CONCURRENT_STREAMS/);
    expect(f?.title).toMatch(/--grpc-max-concurrent-streams 100/);
    expect(f?.title).toMatch(/one (HTTP\/2 )?connection/);
    expect(f?.fix).toMatch(/pool|more connections/);
  });

  it('says nothing when the server sets no stream limit: a deadline alone is not this', () => {
    expect(analyzeDependencyRefusals({ ...quote(['--grpc-addr=:9090']), collectedAt: NOW })).toEqual([]);
  });
});
