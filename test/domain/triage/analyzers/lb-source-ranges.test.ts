// A LoadBalancer Service's loadBalancerSourceRanges written recently, after which one regular
// client's requests stop while others keep arriving: its addresses are in none of the ranges, so
// the cloud load balancer drops it. The pods are healthy; the triage must not call it healthy.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { ServiceEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, endpointSlice, minutesAgo, pod, service } from '../scenarios/builders.js';

const EDIT = 90;
const ranges = ['198.51.100.0/24', '192.0.2.0/26', '10.0.0.0/16'];
const publicLb = (over: Partial<ServiceEvidence> = {}): ServiceEvidence => service({
  name: 'hooks-public', type: 'LoadBalancer', loadBalancerIngress: ['a1b2.elb.eu-west-1.amazonaws.com'],
  sourceRanges: { ranges, from: 'spec', setAt: minutesAgo(EDIT), setBy: 'kubectl-edit' },
  ...over,
});

const json = (minutes: number, caller: string, ip: string) =>
  `{"ts":"${minutesAgo(minutes)}","level":"info","msg":"webhook accepted","partner":"${caller}","remote_ip":"${ip}","path":"/hooks/${caller}","status":200}`;
const work = (minutes: number) => `{"ts":"${minutesAgo(minutes)}","level":"warn","msg":"reconciler: events without webhook","partner":"acme","missing":3}`;

/** acme (203.0.113.x) every 5 minutes until `acmeUntil` minutes ago; globex (inside the ranges) throughout. */
function lines(acmeUntil: number): string[] {
  const out: string[] = [];
  for (let m = 170; m > 1; m -= 5) {
    if (m > acmeUntil) out.push(json(m, 'acme', `203.0.113.${40 + (m % 3)}`));
    out.push(json(m - 2, 'globex', `198.51.100.${17 + (m % 4)}`));
  }
  out.push(work(30), work(10));
  return out.sort();
}

function scenario(log: string[], lb: ServiceEvidence = publicLb()) {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
  return baseEvidence({
    pods,
    services: [service(), lb],
    endpointSlices: [endpointSlice('payment-service', pods), endpointSlice('hooks-public', pods, { name: 'hooks-public-x2k9q' })],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: log })),
    // The cloud controller's status write follows the edit: the Service's newest write.
    namespaceObjects: [{ kind: 'Service', name: 'hooks-public', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(EDIT - 0.5) }],
  });
}

describe('loadBalancerSourceRanges that leave out a regular client', () => {
  it('is the verdict, not an all-clear: names the ranges, when they were written, the client shut out and its addresses', () => {
    const report = buildTriageReport(scenario(lines(EDIT)), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Service hooks-public's loadBalancerSourceRanges, changed 1h 30m ago by kubectl-edit/);
    expect(report.headline).toMatch(/partner acme \(203\.0\.113\.40, 203\.0\.113\.41, 203\.0\.113\.42\)/);
    expect(report.headline).toMatch(/while partner globex keeps arriving/);
    expect(report.headline).toMatch(/198\.51\.100\.0\/24/);
    expect(report.headline).toMatch(/\. Add partner acme's current source addresses[^\n]*to Service hooks-public's loadBalancerSourceRanges/);
    // The title dates the change already: no second "since" for the same Service.
    expect(report.headline).not.toMatch(/^Since Service/);
    const finding = report.findings.find((f) => f.title.includes('loadBalancerSourceRanges'));
    expect(finding?.confirmCommands.join('\n')).toMatch(/get service hooks-public -o jsonpath='\{\.spec\.loadBalancerSourceRanges\}'/);
  });

  it('reads the annotation form and says so', () => {
    const lb = publicLb({ sourceRanges: { ranges, from: 'annotation', setAt: minutesAgo(EDIT), setBy: 'kubectl-annotate' } });
    const report = buildTriageReport(scenario(lines(EDIT), lb), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/load-balancer-source-ranges annotation/);
  });

  it('keeps quiet when every client keeps arriving: a source-range edit alone is no failure', () => {
    const report = buildTriageReport(scenario(lines(0)), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
  });

  it('keeps quiet when the silent client\'s addresses are inside the ranges, or the edit is long past', () => {
    const inside = publicLb({ sourceRanges: { ranges: [...ranges, '203.0.113.0/24'], from: 'spec', setAt: minutesAgo(EDIT) } });
    expect(buildTriageReport(scenario(lines(EDIT), inside), { startedAt: NOW, finishedAt: NOW }).headline).not.toMatch(/loadBalancerSourceRanges/);
    const old = publicLb({ sourceRanges: { ranges, from: 'spec', setAt: minutesAgo(3 * 24 * 60) } });
    expect(buildTriageReport(scenario(lines(EDIT), old), { startedAt: NOW, finishedAt: NOW }).headline).not.toMatch(/loadBalancerSourceRanges/);
  });

  it('keeps quiet when the client stopped long before the edit (not at it)', () => {
    const report = buildTriageReport(scenario(lines(EDIT + 60)), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/loadBalancerSourceRanges/);
  });
});
