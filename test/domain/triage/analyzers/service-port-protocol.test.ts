import { describe, expect, it } from 'vitest';
import { analyzeServicePortProtocols } from '../../../../src/domain/triage/analyzers/service-port-protocol.js';
import type { ServicePortEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, container, minutesAgo, podName, REV6, service, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const BOGUS = '2026/11/21 03:13:00 WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET /v1/rates?base=EUR H\\""';

/** The healthy control with an HTTP port (8080) and a gRPC port (9090), and the Service ports given. */
function twoPorts(ports: ServicePortEvidence[], lines: string[] = []): TriageEvidence {
  const ev = healthyScenario();
  const app = container({ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'grpc', containerPort: 9090, protocol: 'TCP' }] });
  ev.workload = workload({ templateContainers: [app] });
  ev.pods = ev.pods.map((p) => ({ ...p, containers: [app] }));
  ev.services[0] = service({ ports });
  ev.logs = [0, 1].map((i) => ({ pod: podName(REV6.hash, i), container: 'app', previous: false, lines }));
  ev.namespaceObjects = [{ kind: 'Service', name: APP, createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(28) }];
  return ev;
}

const CROSSED: ServicePortEvidence[] = [
  { name: 'http', port: 80, targetPort: 'grpc', protocol: 'TCP' },
  { name: 'grpc', port: 9090, targetPort: 'http', protocol: 'TCP' },
];

describe('analyzeServicePortProtocols', () => {
  it('reports crossed target ports, confirmed by the gRPC server being sent HTTP/1.1, since the Service was last written', () => {
    const [f, ...rest] = analyzeServicePortProtocols(twoPorts(CROSSED, [BOGUS]));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('service-target-port');
    expect(f?.title).toBe('Service payment-service has its target ports crossed: port 80 "http" → container port "grpc" (9090), port 9090 "grpc" → container port "http" (8080)');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toMatch(/^WARNING: .*received bogus greeting from client/);
    expect(f?.evidence).toContain('2 lines in the logs of 2 pods where the gRPC server was sent HTTP');
    expect(f?.fix).toBe('point Service payment-service port 80 at targetPort "http" and port 9090 at targetPort "grpc"');
    expect(f?.onset).toBe(minutesAgo(28));
    expect(f?.affected).toEqual({ services: [APP] });
  });

  it('still warns of crossed names the logs do not confirm, with less confidence', () => {
    const [f] = analyzeServicePortProtocols(twoPorts(CROSSED));
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('medium');
  });

  it('reads appProtocol before the port name, and reports one port sent to the other protocol', () => {
    const [f] = analyzeServicePortProtocols(twoPorts([{ name: 'api', port: 80, targetPort: 9090, protocol: 'TCP', appProtocol: 'http' }]));
    expect(f?.title).toBe('Service payment-service port 80 "api" (appProtocol http) targets container port "grpc" (9090): HTTP callers reach the gRPC server');
    expect(f?.confidence).toBe('low');
  });

  it('says nothing when each port reaches its own protocol, or when a name does not tell the protocol', () => {
    expect(analyzeServicePortProtocols(twoPorts([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: 'grpc', port: 9090, targetPort: 'grpc', protocol: 'TCP' },
      { name: 'http2', port: 8081, targetPort: 'grpc', protocol: 'TCP' },
      { name: 'http-h2c', port: 8082, targetPort: 'grpc', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
      { name: 'https', port: 443, targetPort: 'http', protocol: 'TCP' },
    ], [BOGUS]))).toEqual([]);
  });

  describe('under a mesh, where the Service port declares the protocol its sidecars speak', () => {
    /** A gRPC-only app with an Istio (or Linkerd) sidecar that declares its own metrics port. */
    function meshed(ports: ServicePortEvidence[], proxy: { name: string; image: string; port: string }): TriageEvidence {
      const ev = healthyScenario();
      const app = container({ ports: [{ name: 'grpc-api', containerPort: 7070, protocol: 'TCP' }] });
      const sidecar = container({ name: proxy.name, image: proxy.image, ports: [{ name: proxy.port, containerPort: 15090, protocol: 'TCP' }] });
      ev.workload = workload({ templateContainers: [app, sidecar] });
      ev.pods = ev.pods.map((p) => ({ ...p, containers: [app, sidecar] }));
      ev.services[0] = service({ ports });
      ev.logs = [0, 1].map((i) => ({ pod: podName(REV6.hash, i), container: 'app', previous: false, lines: [BOGUS] }));
      ev.namespaceObjects = [{ kind: 'Service', name: APP, createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(41) }];
      return ev;
    }
    const istio = { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.21.3', port: 'http-envoy-prom' };

    it('says the port name makes the sidecars speak HTTP/1.1 to the gRPC server, and renames the port rather than repointing it at the sidecar', () => {
      const [f] = analyzeServicePortProtocols(meshed([{ name: 'http-rpc', port: 7070, targetPort: 'grpc-api', protocol: 'TCP' }], istio));
      expect(f?.title).toMatch(/^Service payment-service port 7070 "http-rpc" declares HTTP to the Istio sidecars but targets the gRPC server "grpc-api" \(7070\): the sidecars speak HTTP\/1\.1 to it/);
      expect(f?.likelyCause).toMatch(/name's prefix/);
      expect(f?.fix).toBe('rename Service payment-service port 7070 from "http-rpc" to "grpc-api" (or any grpc-… name), or set its appProtocol to grpc');
      expect(`${f?.fix} ${f?.nextAction}`).not.toMatch(/envoy|targetPort/);
      expect(f?.onset).toBe(minutesAgo(41));
    });

    it('says appProtocol when that is what declares it, and names Linkerd\'s proxy', () => {
      const [f] = analyzeServicePortProtocols(meshed([{ name: 'rpc', port: 7070, targetPort: 7070, protocol: 'TCP', appProtocol: 'http' }], { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:edge-24.9.2', port: 'linkerd-admin' }));
      expect(f?.title).toMatch(/\(appProtocol http\) declares HTTP to the Linkerd sidecars/);
      expect(f?.fix).toBe('set Service payment-service port 7070 appProtocol to grpc');
    });
  });
});
