import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, minutesAgo, node, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const CONTROLLER_RUNTIME = [
  '2026-11-21T03:09:00Z\tINFO\tsetup\tstarting manager',
  '2026-11-21T03:09:01Z\tERROR\tcontroller-runtime.source\tif kind is a CRD, it should be installed before calling Start\t{"kind": "CronJob.batch", "error": "no matches for kind \\"CronJob\\" in version \\"batch/v1beta1\\""}',
  '2026-11-21T03:11:00Z\tERROR\tsetup\tproblem running manager\t{"error": "failed to wait for caches to sync: timed out waiting for cache to be synced"}',
];

// client-go's typed clients and informers: a 404 on the group/version reads "could not find the requested resource".
const CLIENT_GO = [
  'W1121 03:09:01.000000       1 reflector.go:535] k8s.io/client-go@v0.27.2/tools/cache/reflector.go:229: failed to list *v1beta2.PriorityLevelConfiguration: the server could not find the requested resource',
  'F1121 03:09:02.000000       1 main.go:90] setup failed: the server could not find the requested resource (get prioritylevelconfigurations.flowcontrol.apiserver.k8s.io workload-low)',
];

/** Pods crash-looping on `logs`, on nodes whose kubelets run `kubelet`, joined `joinedAgo` minutes ago. */
function onNodes(kubelet: string, joinedAgo: number, logs: string[] = CONTROLLER_RUNTIME): TriageEvidence {
  const ev = crashScenario(1, () => terminated(1, 'Error', 2), { logs });
  ev.nodes = [NODE_A, NODE_B, NODE_C].map((n) => node(n, { kubeletVersion: kubelet, createdAt: minutesAgo(joinedAgo) }));
  return ev;
}

describe('a client asking for an API version the cluster no longer serves', () => {
  it('names the removed API and the release that removed it, with the nodes that show the upgrade, and advises no rollback', () => {
    const r = buildTriageReport(onNodes('v1.25.16-eks-59bf375', 45), times);
    expect(r.headline).toContain('no longer serves batch/v1beta1 CronJob (removed in Kubernetes 1.25)');
    const [f] = r.findings;
    expect(f?.evidence.join('\n')).toMatch(/nodes run Kubernetes 1\.25: nodes? ip-10-0-1-23\.eu-west-1\.compute\.internal \(kubelet v1\.25\.16-eks-59bf375, joined 45m ago\)/);
    expect(f?.likelyCause).toMatch(/the cluster was upgraded recently/);
    expect(f?.nextAction).toMatch(/^Upgrade app from payment-service:2\.14\.0 \(still on batch\/v1beta1\) to a newer release that uses batch\/v1 CronJob/);
    expect(f?.nextAction).not.toMatch(/roll(ing)? ?back to/i);
  });

  it('asks to move the code itself when the image carries no release version to upgrade past', () => {
    const ev = onNodes('v1.25.16-eks-59bf375', 45);
    for (const p of ev.pods) for (const c of p.containers) c.image = 'registry.example.test/team/worker:3f9c2ab';
    const r = buildTriageReport(ev, times);
    expect(r.findings[0]?.nextAction).toMatch(/^Move \w+ to batch\/v1 CronJob/);
    expect(r.findings[0]?.nextAction).not.toMatch(/newer release/);
  });

  it('still names the removal when the nodes are old, without claiming an upgrade it cannot see', () => {
    const r = buildTriageReport(onNodes('v1.24.17-eks-5e0fdde', 200 * 24 * 60), times);
    expect(r.headline).toContain('removed in Kubernetes 1.25');
    expect(r.findings[0]?.likelyCause).not.toMatch(/upgraded recently/);
  });

  it('reads client-go\'s "could not find the requested resource" for a removed group/version, and names the release the nodes moved to', () => {
    const r = buildTriageReport(onNodes('v1.29.4-eks-0a1b2c3', 50, CLIENT_GO), times);
    expect(r.headline).toContain('no longer serves flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration (removed in Kubernetes 1.29)');
    expect(r.findings[0]?.evidence.join('\n')).toMatch(/nodes run Kubernetes 1\.29/);
    expect(r.headline).toMatch(/since the nodes moved to Kubernetes 1\.29 \(kubelet v1\.29\.4-eks-0a1b2c3, joined 50m ago\)/);
    expect(r.headline).not.toMatch(/no change found/);
  });
});
