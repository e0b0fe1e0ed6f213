import { describe, expect, it } from 'vitest';
import type { ProbeEvidence } from '../../../src/domain/triage/evidence.js';
import { findGrpcProbeOnTls } from '../../../src/domain/triage/grpc-probe-tls.js';
import { explainGrpcHealthProbe } from '../../../src/domain/triage/probe-grpc-health.js';

const grpc: ProbeEvidence = { type: 'grpc', port: 9090, periodSeconds: 10 };
const http: ProbeEvidence = { type: 'http', path: '/healthz', port: 8080 };
const REFUSED = '2026/11/21 03:12:42 WARNING: [core] [Server #1] grpc: Server.Serve failed to complete security handshake from "10.0.63.104:41395": tls: first record does not look like a TLS handshake';
const PREFACE = 'Readiness probe failed: error: failed to connect service at "10.0.22.173:9090": connection error: desc = "error reading server preface: EOF"';
const portOf = (p: ProbeEvidence) => (typeof p.port === 'number' ? p.port : undefined);

describe('findGrpcProbeOnTls', () => {
  it("reads native gRPC probes refused by the server's TLS handshake, naming every probe on that port", () => {
    expect(findGrpcProbeOnTls({ probes: { readiness: grpc, liveness: { ...grpc, initialDelaySeconds: 15 } } }, ['starting', REFUSED], '', portOf))
      .toEqual({ port: 9090, kinds: ['readiness', 'liveness'], line: REFUSED });
  });

  it('reads the kubelet\'s "server preface" failure against an app that says it serves TLS', () => {
    const tls = '{"level":"info","msg":"grpc transport credentials","tls":true}';
    expect(findGrpcProbeOnTls({ probes: { readiness: grpc } }, [tls], PREFACE, portOf)?.line).toBe(tls);
  });

  it('finds nothing without a gRPC probe, or without a sign of TLS on the server', () => {
    expect(findGrpcProbeOnTls({ probes: { readiness: http } }, [REFUSED], PREFACE, portOf)).toBeUndefined();
    expect(findGrpcProbeOnTls({ probes: { readiness: grpc } }, ['grpc server listening on :9090'], PREFACE, portOf)).toBeUndefined();
  });
});

describe('explainGrpcHealthProbe', () => {
  it("tells a probe failing on a TLS port as the kubelet's plaintext gRPC probe, with the fix on the probe", () => {
    const miss = explainGrpcHealthProbe(grpc, 9090, PREFACE, [REFUSED]);
    expect(miss?.scope).toMatch(/native gRPC probe dials :9090 in plaintext/);
    expect(miss?.fix).toMatch(/plaintext health port|grpc_health_probe -tls/);
  });
});
