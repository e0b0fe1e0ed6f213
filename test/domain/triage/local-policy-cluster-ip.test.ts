// A client that logs the ClusterIP it dials, not the Service's name: the address is still a
// Service of the namespace, and when that Service has internalTrafficPolicy Local and no endpoint
// on the failing caller's node, that is the cause — not a NetworkPolicy, not "no change found".
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, baseEvidence, container, event, minutesAgo, NOW, pod, service, workload } from './scenarios/builders.js';

const IP = '172.30.8.41';
const times = { startedAt: NOW, finishedAt: NOW };
const timeout = `{"level":50,"msg":"pricing call failed","err":{"message":"connect ETIMEDOUT ${IP}:9000","code":"ETIMEDOUT"}}`;

function scenario(policy: 'Local' | undefined, backendNodes: string[], setRecorded = true): TriageEvidence {
  // pod(2) runs on NODE_C; its siblings on NODE_A and NODE_B are fine.
  const pods = [0, 1, 2].map((i) => (i === 2 ? pod(i, { ready: false, containers: [container({ ready: false })] }) : pod(i)));
  const backend = backendNodes.map((n, i): PodEvidence => pod(i, { name: `pricing-5c8d-${i}`, nodeName: n, labels: { app: 'pricing' } }));
  const base = baseEvidence({
    pods,
    workload: workload({ readyReplicas: 2 }),
    logs: [{ pod: pods[2]?.name ?? '', container: 'app', previous: false, lines: [timeout, timeout, timeout] }],
    // The caller's readiness fails since just after the change.
    events: [event({ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', object: { kind: 'Pod', name: pods[2]?.name ?? '' }, firstSeen: minutesAgo(17), lastSeen: minutesAgo(0), count: 90 })],
  });
  const pricing = service({ name: 'pricing', clusterIP: IP, selector: { app: 'pricing' }, ports: [{ name: 'http', port: 9000, targetPort: 'http', protocol: 'TCP' }], ...(policy ? { internalTrafficPolicy: policy, ...(setRecorded ? { localPolicySet: { at: minutesAgo(18), by: 'kubectl-edit' } } : {}) } : {}) });
  return {
    ...base,
    services: [...base.services, pricing],
    endpointSlices: [...base.endpointSlices, { name: 'pricing-q2x7', service: 'pricing', endpoints: backend.map((p, i) => ({ addresses: [`10.0.7.${i + 10}`], ready: true, podName: p.name, nodeName: p.nodeName ?? '' })), ports: [{ port: 9000, protocol: 'TCP' }] }],
    namespaceObjects: [...(base.namespaceObjects ?? []), { kind: 'Service', name: 'pricing', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(18) }],
  };
}

describe('a timeout to the ClusterIP of a Service with internalTrafficPolicy Local', () => {
  it('resolves the address to the Service and names the caller\'s node without an endpoint', () => {
    const [f] = analyzeDependencyErrors(scenario('Local', [NODE_A, NODE_B]));
    expect(f?.title).toContain(`Service pricing has internalTrafficPolicy Local (set 18m ago by kubectl-edit): its ready endpoints run only on nodes ${NODE_A}, ${NODE_B}, none on node ${NODE_C} where the failing pod runs`);
    // Said so, a healthy dependency would read as down.
    expect(f?.title).not.toMatch(/no ready|not ready/);
    expect(f?.likelyCause).toContain('only to its endpoints on the pod\'s own node');
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/network ?polic/i);
    expect(f?.nextAction).toContain('back to Cluster');
  });

  it('puts the policy and the Service\'s change in the headline', () => {
    const report = buildTriageReport(scenario('Local', [NODE_A, NODE_B]), times);
    expect(report.headline).toMatch(/internalTrafficPolicy Local/);
    expect(report.headline).toMatch(/Service pricing/);
    expect(report.headline).toMatch(/set 18m ago by kubectl-edit/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('dates it by the Service\'s last change when no managedFields entry says when the field was set', () => {
    const report = buildTriageReport(scenario('Local', [NODE_A, NODE_B], false), times);
    expect(report.headline).toMatch(/internalTrafficPolicy Local/);
    expect(report.headline).toMatch(/Service pricing was changed 18m ago/);
  });

  it('does not blame the policy when the Service has no ready endpoint on any node', () => {
    const [f] = analyzeDependencyErrors(scenario('Local', []));
    expect(f?.title).not.toContain('internalTrafficPolicy');
  });

  it('leaves the address alone when the caller\'s node has an endpoint of its own', () => {
    const [f] = analyzeDependencyErrors(scenario('Local', [NODE_A, NODE_C]));
    expect(f?.title).not.toContain('internalTrafficPolicy');
  });

  it('leaves the address alone when the Service routes cluster-wide', () => {
    const [f] = analyzeDependencyErrors(scenario(undefined, [NODE_A, NODE_B]));
    expect(f?.title).not.toContain('internalTrafficPolicy');
  });
});
