// A workload calling a Service of its own cluster through that Service's AWS NLB, whose targets are
// instances with the client IP kept: the NLB cannot hairpin, so a connection it sends to the
// caller's own node gets no reply and times out, about one call in as many as there are nodes.
// The reading names the NLB Service, the setting, the change that set it, and the in-cluster name.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { ServiceEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const timeout = (i: number) => `{"level":"error","ts":"2026-11-21T03:1${i}:00.000Z","msg":"reserve stock failed","error":"Post \\"http://inv.example.internal/v2/reservations\\": dial tcp 10.0.163.12:80: i/o timeout"}`;
const ok = '{"level":"info","ts":"2026-11-21T03:10:30.000Z","msg":"request","status":201}';

const nlb = (over: Partial<NonNullable<ServiceEvidence['lbTargets']>> = {}): ServiceEvidence => ({
  name: 'inv-nlb', type: 'LoadBalancer', selector: { app: 'inv' }, ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }], loadBalancerIngress: ['k8s-x.elb.eu-west-1.amazonaws.com'],
  lbTargets: { targetType: 'instance', preserveClientIp: true, hostnames: ['inv.example.internal', 'k8s-x.elb.eu-west-1.amazonaws.com'], annotationsChangedAt: minutesAgo(52), annotationsChangedBy: 'helm', ...over },
});
const clusterIp: ServiceEvidence = { name: 'inv', type: 'ClusterIP', clusterIP: '10.100.3.4', selector: { app: 'inv' }, ports: [{ port: 8080, targetPort: 'http', protocol: 'TCP' }] };

const scenario = (lb: ServiceEvidence) => {
  const pods = [0, 1].map((i) => pod(i));
  const lines = [timeout(0), ok, ok, timeout(1), ok, timeout(2), ok, timeout(3)];
  return baseEvidence({ pods, services: [lb, clusterIp], logs: pods.map((x) => ({ pod: x.name, container: 'app', previous: false, lines })) });
};

describe('a call through the NLB of a Service with instance targets and the client IP kept', () => {
  it('reads hairpinning, names the Service, the setting and its change, and the ClusterIP name to call instead', () => {
    const f = analyzeDependencyErrors(scenario(nlb())).find((x) => x.id.startsWith('dependency-error/nlb-hairpin/'));
    expect(f?.title).toMatch(/hairpin/);
    expect(f?.title).toMatch(/NLB of Service inv-nlb/);
    expect(f?.title).toMatch(/instance targets with client IP preservation/);
    expect(f?.title).toMatch(/since its annotations changed 52m ago/);
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/inv\.payments\.svc\.cluster\.local:8080/);
    expect(f?.fix).toMatch(/target-type: ip|preserve_client_ip\.enabled=false/);
  });

  it('reads nothing of the kind with ip targets or the client IP not kept', () => {
    expect(analyzeDependencyErrors(scenario(nlb({ targetType: 'ip' }))).some((x) => x.id.startsWith('dependency-error/nlb-hairpin/'))).toBe(false);
    expect(analyzeDependencyErrors(scenario(nlb({ preserveClientIp: false }))).some((x) => x.id.startsWith('dependency-error/nlb-hairpin/'))).toBe(false);
  });
});
