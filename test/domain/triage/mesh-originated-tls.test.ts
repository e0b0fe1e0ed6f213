// A JSON client line whose body carries the proxy's reason (WRONG_VERSION_NUMBER) keeps it when
// condensed; and an app calling http:// through an Istio sidecar that gets WRONG_VERSION_NUMBER
// back is told as the mesh originating mutual TLS to a server without a sidecar, not as the app
// using the wrong scheme.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { condenseKeepingFailure } from '../../../src/domain/triage/dependency-failure-detail.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const REASON = 'TLS_error:|268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end';
const line = (m: number): string =>
  `{"level":"error","ts":"2026-11-21T03:${String(m).padStart(2, '0')}:00.000Z","logger":"quotes","msg":"quote lookup failed","url":"http://pricing.other-team.svc.cluster.local:9000/v1/quote","status":503,"body":"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: ${REASON}"}`;

function evidence(withSidecar: boolean) {
  const sidecar = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.0', ports: [], probes: {} });
  const pods = [0, 1, 2].map((i) => pod(i, { containers: withSidecar ? [container(), sidecar] : [container()] }));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [2, 9, 17, 25, 33].map(line) }));
  return baseEvidence({ pods, logs });
}

describe('condenseKeepingFailure', () => {
  it('keeps the clause of a JSON field that says why the call failed', () => {
    const told = condenseKeepingFailure(line(5), 'tls-plaintext');
    expect(told).toContain('WRONG_VERSION_NUMBER');
    expect(told).toMatch(/^quote lookup failed: transport failure reason: TLS_error:.*\(url http:\/\/pricing/);
  });

  it('leaves a condensed line that still says it alone', () => {
    expect(condenseKeepingFailure('{"msg":"call failed","error":"dial tcp 10.0.0.9:5432: connect: connection refused"}', 'refused')).toBe('call failed: dial tcp 10.0.0.9:5432: connect: connection refused');
  });
});

describe('WRONG_VERSION_NUMBER behind an http:// call from a meshed pod', () => {
  it('tells the sidecar originating mutual TLS, quoting the proxy reason', () => {
    const [f] = analyzeDependencyErrors(evidence(true));
    expect(f?.title).toMatch(/istio-proxy sidecar/);
    expect(f?.title).toMatch(/ISTIO_MUTUAL/);
    expect(f?.decisive).toContain('WRONG_VERSION_NUMBER');
    expect(f?.fix).toMatch(/DestinationRule/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('stays the wrong-scheme reading without a sidecar', () => {
    const [f] = analyzeDependencyErrors(evidence(false));
    expect(f?.title).toMatch(/does not answer in TLS \(wrong version number\)/);
    expect(f?.title).not.toMatch(/sidecar|ISTIO_MUTUAL/);
  });
});
