// Meshed pods whose Linkerd proxy cannot reach the control plane while its destination controller
// is OOM-killed in a loop: the control plane is the cause, not the app or the service it calls.
import { describe, expect, it } from 'vitest';
import { analyzeMeshControlPlane } from '../../../../src/domain/triage/analyzers/mesh-control-plane.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { controlPlaneNamespace, pickMeshProxyLead } from '../../../../src/domain/triage/mesh-control-plane.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { baseEvidence, container, crashLooping, pod, terminated } from '../scenarios/builders.js';

const PROXY = container({ name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10', env: [{ name: 'LINKERD2_PROXY_DESTINATION_SVC_ADDR', value: 'linkerd-dst-headless.mesh-system.svc.cluster.local.:8086' }] });
const meshed = (i: number): PodEvidence => {
  const p = pod(i);
  return { ...p, containers: [...p.containers, PROXY] };
};
const APP_ERRORS = ['{"level":50,"status":503,"msg":"upstream request failed"}', '{"level":50,"status":503,"msg":"upstream request failed"}'];
const PROXY_LOG = [
  '[ 12.1s]  WARN ThreadId(01) outbound:proxy{addr=10.96.4.1:80}:service{ns=payments name=ledger port=80}:controller{addr=linkerd-dst-headless.mesh-system.svc.cluster.local:8086}: linkerd_app_core::control: Failed to resolve control-plane component error=no record found',
  '[ 12.2s]  INFO ThreadId(01) outbound:proxy{addr=10.96.4.1:80}:rescue{client.addr=10.0.1.5:41000}: linkerd_app_core::errors::respond: HTTP/1.1 request failed error=logical service ledger.payments.svc.cluster.local:80: service in fail-fast',
];

function destination(): PodEvidence {
  return {
    ...pod(9, { name: 'linkerd-destination-6d8f9c7b5-x2x9q', ready: false, labels: { 'linkerd.io/control-plane-ns': 'mesh-system', 'linkerd.io/control-plane-component': 'destination', 'pod-template-hash': '6d8f9c7b5' } }),
    containers: [{ ...crashLooping('linkerd-destination-6d8f9c7b5-x2x9q', terminated(137, 'OOMKilled', 2), 27, { name: 'destination' }), resources: { requests: {}, limits: { memory: '250Mi' } } }],
  };
}

function scenario(controlPlane: PodEvidence[]): TriageEvidence {
  const pods = [meshed(0), meshed(1)];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: APP_ERRORS })),
    meshControlPlane: { mesh: 'Linkerd', namespace: 'mesh-system', proxyLog: { pod: pods[0]?.name ?? '', container: 'linkerd-proxy', previous: false, lines: PROXY_LOG }, pods: controlPlane, logs: [], complete: true },
  });
}

describe('a mesh control plane the proxies cannot reach', () => {
  it('reads the proxy of a meshed pod that logs errors, in the namespace its destination address names', () => {
    const ev = scenario([]);
    expect(pickMeshProxyLead(ev.pods, ev.logs)).toEqual({ pod: ev.pods[0]?.name, container: 'linkerd-proxy', namespace: 'mesh-system' });
    expect(pickMeshProxyLead([pod(0)], ev.logs)).toBeUndefined();
    expect(controlPlaneNamespace({ env: [] })).toBe('linkerd');
  });

  it('names the destination controller down and OOMKilled as the cause', () => {
    const ev = scenario([destination()]);
    const [f] = analyzeMeshControlPlane(ev);
    expect(f?.kind).toBe('mesh-control-plane');
    expect(f?.title).toContain('linkerd-destination (namespace mesh-system) is down: 0/1 pod ready; container destination OOMKilled at its 250Mi memory limit');
    expect(f?.title).toContain('service in fail-fast');
    expect(f?.nextAction).toContain("raise the memory limit of linkerd-destination's destination container (250Mi now)");
    const d = diagnose(ev, runAnalyzers(ev).findings);
    expect(d?.headline).toMatch(/^Linkerd control plane down/);
    expect(d?.headline).not.toMatch(/roll back to/i);
  });

  it('says nothing while the control plane runs', () => {
    const ok = { ...destination(), ready: true, containers: [container({ name: 'destination' })] };
    expect(analyzeMeshControlPlane(scenario([ok]))).toEqual([]);
  });
});
