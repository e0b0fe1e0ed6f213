import { describe, expect, it } from 'vitest';
import { explainProbeMiss, resolveProbePort } from '../../../src/domain/triage/probe-failures.js';
import type { ContainerSpecEvidence, LogEvidence, ProbeEvidence } from '../../../src/domain/triage/evidence.js';

const REFUSED = 'Liveness probe failed: Get "http://10.0.19.119:3000/healthz": dial tcp 10.0.19.119:3000: connect: connection refused';
const http = (port: number | string, scheme?: string): ProbeEvidence => ({ type: 'http', port, path: '/healthz', ...(scheme ? { scheme } : {}) });
const spec: Pick<ContainerSpecEvidence, 'ports'> = { ports: [{ containerPort: 3000, protocol: 'TCP' }, { name: 'api', containerPort: 8443, protocol: 'TCP' }] };
const logs = (...lines: string[]): LogEvidence[] => [{ pod: 'web-1', container: 'app', previous: true, lines }];

describe('explainProbeMiss', () => {
  it('names a listener on loopback only, which the pod IP the kubelet probes cannot reach', () => {
    const miss = explainProbeMiss(http(3000), spec, REFUSED, logs(
      '{"level":30,"msg":"Server listening at http://[::1]:3000"}',
      '{"level":30,"msg":"Server listening at http://127.0.0.1:3000"}',
    ));
    expect(miss?.scope).toBe('the app listens on 127.0.0.1:3000 and [::1]:3000 only — its log: "Server listening at http://127.0.0.1:3000" — and the kubelet probes the pod IP, so it is refused');
    expect(miss?.fix).toBe('make the app listen on 0.0.0.0:3000 (its host / bind address setting)');
  });

  it('clears the loopback reading when the app also listens on every address, or on another port', () => {
    expect(explainProbeMiss(http(3000), spec, REFUSED, logs('listening on 127.0.0.1:3000', 'listening on 0.0.0.0:3000'))).toBeUndefined();
    expect(explainProbeMiss(http(3000), spec, REFUSED, logs('metrics listening on 127.0.0.1:9100'))).toBeUndefined();
    expect(explainProbeMiss(http(3000), spec, 'Liveness probe failed: HTTP probe failed with statuscode: 503', logs('listening on 127.0.0.1:3000'))).toBeUndefined();
  });

  it('reads a 400 to a plain-HTTP probe as TLS on the port when the app says it serves HTTPS', () => {
    const miss = explainProbeMiss(http('api'), spec, 'Liveness probe failed: HTTP probe failed with statuscode: 400', logs(
      '{"level":"info","msg":"gateway starting","tls":true}',
      '{"level":"info","msg":"serving HTTPS","addr":":8443"}',
    ));
    expect(miss?.scope).toBe('it sends plain HTTP to :8443 that serves TLS (its log: "serving HTTPS (addr :8443)"), which answers 400');
    expect(miss?.fix).toBe('set scheme: HTTPS on the probe (httpGet.scheme)');
    // An HTTPS probe, or a 400 from an app that never mentions TLS, is something else.
    expect(explainProbeMiss(http('api', 'HTTPS'), spec, 'HTTP probe failed with statuscode: 400', logs('serving HTTPS'))).toBeUndefined();
    expect(explainProbeMiss(http('api'), spec, 'HTTP probe failed with statuscode: 400', logs('listening on :8443'))).toBeUndefined();
  });

  it('reads an HTTPS probe against a plain-HTTP port from the kubelet message alone', () => {
    const miss = explainProbeMiss(http(3000, 'HTTPS'), spec, 'Liveness probe failed: Get "https://10.0.1.4:3000/healthz": http: server gave HTTP response to HTTPS client', []);
    expect(miss?.fix).toBe('set scheme: HTTP on the probe, or serve TLS on that port');
  });

  it('reads a 401 or 403 from an HTTP probe as a health path behind authentication, which the kubelet cannot pass', () => {
    const actuator: ProbeEvidence = { type: 'http', port: 8080, path: '/actuator/health/liveness' };
    const miss = explainProbeMiss(actuator, { ports: [{ containerPort: 8080, protocol: 'TCP' }] }, 'Liveness probe failed: HTTP probe failed with statuscode: 401', []);
    expect(miss?.scope).toBe('GET /actuator/health/liveness answers 401: the path requires authentication, and the kubelet\'s probe sends no credentials');
    expect(miss?.fix).toBe('exempt /actuator/health/liveness from authentication (permitAll for /actuator/health/** in the security filter chain), or serve health on an unauthenticated management port and probe that');
    const forbidden = explainProbeMiss(http(3000), spec, 'Readiness probe failed: HTTP probe failed with statuscode: 403', []);
    expect(forbidden?.why).toBe('the health endpoint /healthz refuses callers without credentials (HTTP 403), and the kubelet\'s probe carries no token or session: it fails however healthy the app is');
    expect(forbidden?.fix).toBe('exempt /healthz from authentication, or serve health on an unauthenticated management port and probe that');
    // A TCP probe never sees a status code; a 404 is a wrong path, not authentication.
    expect(explainProbeMiss({ type: 'tcp', port: 3000 }, spec, 'HTTP probe failed with statuscode: 401', [])).toBeUndefined();
    expect(explainProbeMiss(http(3000), spec, 'HTTP probe failed with statuscode: 404', [])).toBeUndefined();
  });

  it('resolves a named probe port through the container ports', () => {
    expect(resolveProbePort(http('api'), spec)).toBe(8443);
    expect(resolveProbePort(http('metrics'), spec)).toBeUndefined();
    expect(resolveProbePort(http(3000), spec)).toBe(3000);
  });
});

describe('explainProbeMiss: a gRPC probe asking the health server for a service it does not know', () => {
  const NOT_FOUND = 'Readiness probe failed: error: health rpc probe failed: rpc error: code = NotFound desc = unknown service';
  const grpc: ProbeEvidence = { type: 'grpc', port: 9090, service: 'orders.v1.OrderService' };
  const grpcSpec: Pick<ContainerSpecEvidence, 'ports'> = { ports: [{ name: 'grpc', containerPort: 9090, protocol: 'TCP' }] };

  it('quotes the probe\'s service name and the names the app registers its health status for', () => {
    const miss = explainProbeMiss(grpc, grpcSpec, NOT_FOUND, logs(
      'time=2026-11-21T03:00:00Z level=INFO msg="registered gRPC service" service=orders.v2.OrderService',
      'time=2026-11-21T03:00:00Z level=INFO msg="health status set" service=orders.v2.OrderService status=SERVING',
      'time=2026-11-21T03:00:00Z level=INFO msg="health status set" service="" status=SERVING',
    ));
    expect(miss?.scope).toBe('the health server answers NotFound "unknown service" for "orders.v1.OrderService", the service the probe asks about; the app sets health status for orders.v2.OrderService and ""');
    expect(miss?.fix).toBe('set the probe\'s grpc.service to "orders.v2.OrderService" (the name this version reports health for), or leave it empty to check the server as a whole');
    // The app serves under its new name: the probe lags, so fixing it comes before a rollback.
    expect(miss?.rollbackUndoes).toBe('undo the rest of that release');
  });

  it('still names the probe\'s service when the log does not say what the app registers', () => {
    const miss = explainProbeMiss(grpc, grpcSpec, NOT_FOUND, []);
    expect(miss?.scope).toBe('the health server answers NotFound "unknown service" for "orders.v1.OrderService", the service the probe asks about');
    expect(miss?.fix).toBe('leave the probe\'s grpc.service empty to check the server as a whole, or set it to a name the app reports health for');
    expect(miss?.rollbackUndoes).toBeUndefined();
  });

  it('advises the empty name when the health server reports only the server as a whole, though the app registers a service', () => {
    const miss = explainProbeMiss(grpc, grpcSpec, NOT_FOUND, logs(
      '{"level":"info","logger":"health","msg":"health status set","service":"","status":"SERVING"}',
      '{"level":"info","logger":"server","msg":"registered services","services":["orders.v1.Orders","grpc.health.v1.Health"]}',
    ));
    expect(miss?.scope).toBe('the health server answers NotFound "unknown service" for "orders.v1.OrderService", the service the probe asks about; the app sets health status only for ""; it registers orders.v1.Orders');
    expect(miss?.fix).toBe('leave the probe\'s grpc.service empty: the app\'s health server reports only the server as a whole ("")');
  });

  it('tells an app that serves no health service at all (Unimplemented) from one that does not know the name', () => {
    const unimplemented = 'Readiness probe failed: error: health rpc probe failed: rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health';
    const none = explainProbeMiss({ type: 'grpc', port: 9090 }, grpcSpec, unimplemented, []);
    expect(none?.scope).toBe('the app on :9090 does not serve the gRPC health service (grpc.health.v1.Health): the probe\'s Check call answers Unimplemented');
    expect(none?.fix).toBe('register the gRPC health service (grpc.health.v1.Health) in the app, or probe it another way (tcpSocket on :9090)');
    // The app reporting itself NOT_SERVING is the app's answer, not a probe that asks the wrong thing.
    expect(explainProbeMiss(grpc, grpcSpec, 'Readiness probe failed: service unhealthy (responded with "NOT_SERVING")', [])).toBeUndefined();
  });
});
