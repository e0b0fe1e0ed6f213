import { describe, expect, it } from 'vitest';
import { analyzeServiceTargetPorts } from '../../../../src/domain/triage/analyzers/service-target-port.js';
import { container, endpointSlice, service, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

describe('analyzeServiceTargetPorts', () => {
  it('reports a named targetPort that no container port carries', () => {
    const ev = healthyScenario();
    ev.services[0] = service({ ports: [{ name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' }] });
    const [f] = analyzeServiceTargetPorts(ev);
    expect(f?.title).toBe('Service payment-service port 80 targets port name "web", which no container declares');
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('container ports: app:8080 "http"');
  });

  it('reports an undeclared numeric targetPort only as a warning, medium when the probes check another port', () => {
    const ev = healthyScenario();
    ev.services[0] = service({ ports: [{ port: 80, targetPort: 3000, protocol: 'TCP' }] });
    const [f] = analyzeServiceTargetPorts(ev);
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence).toContain('probes check port 8080, not 3000');
  });

  it('says nothing about numeric targetPorts when containers declare no ports (declaring is optional)', () => {
    const ev = healthyScenario();
    ev.workload = workload({ templateContainers: [container({ ports: [] })] });
    ev.services[0] = service({ ports: [{ port: 80, targetPort: 3000, protocol: 'TCP' }] });
    expect(analyzeServiceTargetPorts(ev)).toEqual([]);
  });

  it('says nothing of an extra undeclared port beside declared ones while the pods are ready and the endpoints serve', () => {
    const ev = healthyScenario();
    ev.services[0] = service({ ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: 'cluster-rpc', port: 25672, targetPort: 25672, protocol: 'TCP' }] });
    ev.endpointSlices = [endpointSlice('payment-service', ev.pods)];
    expect(analyzeServiceTargetPorts(ev)).toEqual([]);
  });

  it('still names an extra undeclared port when the Service has no ready endpoint', () => {
    const ev = healthyScenario();
    ev.services[0] = service({ ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: 'cluster-rpc', port: 25672, targetPort: 25672, protocol: 'TCP' }] });
    ev.endpointSlices = [endpointSlice('payment-service', ev.pods.map((p) => ({ ...p, ready: false })))];
    expect(analyzeServiceTargetPorts(ev)[0]?.title).toContain('port 25672 targets 25672, which no container declares');
  });

  it('stays silent on a healthy workload and on Services that do not select it', () => {
    const ev = healthyScenario();
    ev.services.push(service({ name: 'ledger', selector: { app: 'ledger' }, ports: [{ port: 80, targetPort: 'nope', protocol: 'TCP' }] }));
    expect(analyzeServiceTargetPorts(ev)).toEqual([]);
  });
});
