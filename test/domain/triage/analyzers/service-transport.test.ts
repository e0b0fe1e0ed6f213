import { describe, expect, it } from 'vitest';
import { analyzeServiceTransports } from '../../../../src/domain/triage/analyzers/service-transport.js';
import type { ServicePortEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, container, minutesAgo, podName, REV6, service, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

/** The healthy control (HTTP on TCP 8080 "http", probed there) behind a Service with the ports given, last written 53 minutes ago. */
function behind(ports: ServicePortEvidence[], appPorts = container().ports): TriageEvidence {
  const ev = healthyScenario();
  const app = container({ ports: appPorts });
  ev.workload = workload({ templateContainers: [app] });
  ev.pods = ev.pods.map((p) => ({ ...p, containers: [app] }));
  ev.services[0] = service({ ports, clusterIP: '172.20.118.47' });
  ev.namespaceObjects = [{ kind: 'Service', name: APP, createdAt: minutesAgo(210 * 24 * 60), changedAt: minutesAgo(53) }];
  // Served requests until the change, then only the kubelet's probes.
  ev.logs = [0, 1].map((i) => ({
    pod: podName(REV6.hash, i),
    container: 'app',
    previous: false,
    lines: [
      `10.0.2.${30 + i} - - [21/Nov/2026:02:00:0${i} +0000] "POST /render HTTP/1.1" 200 5120`,
      `10.0.2.${30 + i} - - [21/Nov/2026:02:10:0${i} +0000] "POST /render HTTP/1.1" 200 5120`,
      `10.0.1.23 - - [21/Nov/2026:03:10:0${i} +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"`,
    ],
  }));
  return ev;
}

const UDP: ServicePortEvidence[] = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'UDP' }];

describe('analyzeServiceTransports', () => {
  it('reports a UDP Service port in front of an app that serves TCP, proven by its HTTP readiness check, dated by the Service edit', () => {
    const [f, ...rest] = analyzeServiceTransports(behind(UDP));
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Service payment-service\'s port 80 "http" is UDP but the app listens on TCP 8080/TCP "http": TCP callers cannot reach it through the Service — their connections to 172.20.118.47:80 time out');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.onset).toBe(minutesAgo(53));
    expect(f?.outsideWorkload).toMatch(/changed 53m ago, after the running revision rolled out/);
    expect(f?.fix).toBe('set Service payment-service port 80 "http" protocol back to TCP');
    expect(f?.evidence).toContain('Service payment-service port 80 "http" protocol UDP → targetPort "http" → container port 8080/TCP "http"');
  });

  it('turns the all-clear into a failure whose headline names UDP against TCP and the fix', () => {
    const r = buildTriageReport(behind(UDP), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/is UDP but the app listens on TCP/);
    expect(r.headline).toMatch(/protocol back to TCP/);
  });

  it('says nothing when the container declares the Service port\'s protocol (DNS on 53/UDP and 53/TCP), or declares nothing there', () => {
    const dns = [{ name: 'dns', containerPort: 53, protocol: 'UDP' as const }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' as const }];
    expect(analyzeServiceTransports(behind([
      { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
    ], dns))).toEqual([]);
    expect(analyzeServiceTransports(behind([{ name: 'metrics', port: 9153, targetPort: 9153, protocol: 'UDP' }]))).toEqual([]);
    expect(analyzeServiceTransports(behind([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]))).toEqual([]);
  });

  it('only warns when nothing proves what the process listens on', () => {
    const ev = behind([{ name: 'syslog', port: 514, targetPort: 514, protocol: 'TCP' }], [{ name: 'syslog', containerPort: 514, protocol: 'UDP' }]);
    ev.logs = [];
    const [f] = analyzeServiceTransports(ev);
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('low');
  });
});
