import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors, parseDependencyError } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import { analyzeGrpcInboundNoise } from '../../../../src/domain/triage/analyzers/grpc-inbound-noise.js';
import { isInboundConnection } from '../../../../src/domain/triage/inbound-connection.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

// A gRPC-go server with verbose transport logging, and a load balancer's HTTP health check on its port.
const grpcPods = [0, 1, 2].map((i) => pod(i, {
  podIPs: [`10.0.23.${10 + i}`],
  containers: [container({ ports: [{ name: 'grpc', containerPort: 50051, protocol: 'TCP' }], env: [{ name: 'GRPC_GO_LOG_VERBOSITY_LEVEL', value: '2' }] })],
}));
const greeting = '2026/11/21 03:11:30 WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET / HTTP/1.1\\r\\nHost: 10\\""';
const readFrame = (p: PodEvidence, peer: string): string => `2026/11/21 03:11:31 WARNING: [transport] transport: http2Server.HandleStreams failed to read frame: read tcp ${p.podIPs?.[0] ?? ''}:50051->${peer}: read: connection reset by peer`;
const okCall = '{"level":"info","msg":"finished call","grpc.component":"server","grpc.service":"routing.eta.v2.EtaService","grpc.method":"EstimateArrival","grpc.code":"OK","grpc.time_ms":"3.10"}';
const grpcLogs = grpcPods.map((p, i) => ({
  pod: p.name, container: 'app', previous: false,
  lines: [greeting, okCall, readFrame(p, `10.0.200.57:${43888 + i}`), okCall, greeting, readFrame(p, `10.0.201.143:${22017 + i}`), okCall, readFrame(p, `10.0.202.88:${51234 + i}`)],
}));

describe('inbound connections are not dependency calls', () => {
  it("reads a reset whose local side is the pod's own serving port as an inbound connection, not a call", () => {
    const [p] = grpcPods as [PodEvidence];
    expect(isInboundConnection(baseEvidence({ pods: grpcPods }), p, 'read tcp 10.0.23.10:50051->10.0.200.57:43888: read: connection reset by peer')).toBe(true);
    // Outbound: the pod's side is an ephemeral port, the remote a server's port.
    expect(isInboundConnection(baseEvidence({ pods: grpcPods }), p, 'read tcp 10.0.23.10:51234->10.100.7.9:8080: read: connection reset by peer')).toBe(false);
    // Another address than the pod's own: not its listening socket.
    expect(isInboundConnection(baseEvidence({ pods: grpcPods }), p, 'read tcp 10.0.99.4:50051->10.0.200.57:43888: read: connection reset by peer')).toBe(false);
  });

  it("does not read gRPC's server-side transport warnings as a failing dependency", () => {
    expect(parseDependencyError(readFrame(grpcPods[0] as PodEvidence, '10.0.200.57:43888'))).toBeUndefined();
    expect(parseDependencyError(greeting)).toBeUndefined();
    // The client side of gRPC (http2Client) resetting is a call that fails.
    expect(parseDependencyError('transport: http2Client.notifyError got notified that the client transport was broken read tcp 10.0.4.12:51234->10.100.7.9:9000: read: connection reset by peer')).toEqual({ problem: 'reset', dependency: '10.100.7.9:9000' });
  });

  it('makes no dependency error of resets on connections the pods accepted, and keeps those of their own calls', () => {
    expect(analyzeDependencyErrors(baseEvidence({ pods: grpcPods, logs: grpcLogs }))).toEqual([]);
    // A plain Go server (net/http) logging a client that hung up: inbound as well, by its addresses alone.
    const httpPods = [0, 1].map((i) => pod(i, { podIPs: [`10.0.1.${100 + i}`] }));
    const inbound = httpPods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2].map((k) => `http: TLS handshake error from 10.0.9.7:${41522 + k + i}: read tcp ${p.podIPs?.[0] ?? ''}:8080->10.0.9.7:${41522 + k + i}: read: connection reset by peer`) }));
    expect(analyzeDependencyErrors(baseEvidence({ pods: httpPods, logs: inbound }))).toEqual([]);
    const outbound = httpPods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2].map((k) => `read tcp ${p.podIPs?.[0] ?? ''}:${51234 + k}->10.100.7.9:8080: read: connection reset by peer`) }));
    expect(analyzeDependencyErrors(baseEvidence({ pods: httpPods, logs: outbound })).map((f) => f.title)).toEqual(['Calls to 10.100.7.9:8080 are reset by the peer (connection reset) (logs of 2 ready pods, 6 lines)']);
  });
});

describe('gRPC transport warnings from connections that do not speak gRPC', () => {
  it('says, as a note, that Ready pods logging them see a health check or a scanner on the gRPC port', () => {
    const [f, ...rest] = analyzeGrpcInboundNoise(baseEvidence({ pods: grpcPods, logs: grpcLogs }));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('info');
    expect(f?.title).toMatch(/^gRPC transport warnings in 3 ready pods are inbound connections that do not speak gRPC/);
    expect(f?.title).toContain('"GET / HTTP/1.1"');
    expect(f?.evidence.join('\n')).toMatch(/GRPC_GO_LOG_VERBOSITY_LEVEL=2/);
    expect(f?.evidence.join('\n')).toMatch(/3 calls? .*OK|calls .*grpc\.code OK/i);
    expect(f?.fix).toMatch(/health check/);
  });

  it('says nothing when the pods that log them are not Ready: then the warnings may be part of the fault', () => {
    const unready = grpcPods.map((p) => ({ ...p, ready: false, containers: p.containers.map((c) => ({ ...c, ready: false })) }));
    expect(analyzeGrpcInboundNoise(baseEvidence({ pods: unready, logs: grpcLogs }))).toEqual([]);
    expect(analyzeGrpcInboundNoise(baseEvidence({ pods: grpcPods, logs: grpcLogs.map((l) => ({ ...l, lines: [okCall] })) }))).toEqual([]);
  });
});
