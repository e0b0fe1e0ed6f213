import { describe, expect, it } from 'vitest';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeOomKilled } from '../../../src/domain/triage/analyzers/oom-killed.js';
import { diagnose } from '../../../src/domain/triage/verdict/diagnose.js';
import { REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload } from './scenarios/builders.js';

/**
 * What a pod's memory is really charged with, and who set its limit: tmpfs files count against
 * the limit, and the limit the pods run with may come from admission (a LimitRange's default, a
 * VPA) rather than from the template, applied when the pods were (re-)created.
 */

/** Three pods, created `createdAgo` minutes ago, OOM-killed at `limit` since; two more healthy. */
function oomPods(limit: string, createdAgo: number, over: (p: PodEvidence, i: number) => Partial<PodEvidence> = () => ({}), hash = REV6.hash): PodEvidence[] {
  return [0, 1, 2, 3, 4].map((i) => {
    const base = { revisionHash: hash, createdAt: minutesAgo(createdAgo), startTime: minutesAgo(createdAgo - 0.5), labels: { app: 'payment-service', 'pod-template-hash': hash } };
    if (i >= 3) return pod(i, { ...base, containers: [container({ resources: { requests: { memory: '256Mi' }, limits: { memory: limit } } })] });
    const name = podName(hash, i);
    const p = pod(i, { ...base, ready: false, containers: [crashLooping(name, terminated(137, 'OOMKilled', 2 + i, { runSeconds: 180 }), 9, { resources: { requests: { memory: '256Mi' }, limits: { memory: limit } } })] });
    return { ...p, ...over(p, i) };
  });
}

function backOffs(pods: readonly PodEvidence[], sinceAgo: number) {
  return pods.slice(0, 3).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'BackOff', message: 'Back-off restarting failed container app', count: 20, firstSeen: minutesAgo(sinceAgo), lastSeen: minutesAgo(1) }));
}

/** The template sets no memory limit; a LimitRange made 3 days ago gave the pods re-created 55 minutes ago its default. */
function limitRangeScenario(): TriageEvidence {
  const pods = oomPods('256Mi', 55, () => ({ resourceAnnotations: { limitRanger: 'LimitRanger plugin set: cpu, memory limit for container app' } }));
  const noLimit = revisionContainer({ resources: { requests: { memory: '256Mi' }, limits: {} } });
  return baseEvidence({
    pods,
    events: backOffs(pods, 54),
    revisions: [revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(40 * 24 * 60), { containers: [noLimit] }), revision(REV6, minutesAgo(30 * 24 * 60), { replicas: 5, containers: [noLimit] })],
    namespaceObjects: [{ kind: 'LimitRange', name: 'container-defaults', createdAt: minutesAgo(3 * 24 * 60) }],
    workload: workload({ readyReplicas: 2, availableReplicas: 2 }),
  });
}

/** The template sets no memory limit; a Kyverno policy added 256Mi to the pods re-created 55 minutes ago (a node rotation). */
function kyvernoScenario(): TriageEvidence {
  const ev = limitRangeScenario();
  ev.namespaceObjects = [];
  for (const p of ev.pods) p.resourceAnnotations = { kyvernoPatches: 'add-default-limits.default-memory-limit.kyverno.io: added /spec/containers/0/resources/limits\n' };
  return ev;
}

/** The template says 2Gi; a VPA in Auto mode re-created the pods 70 minutes ago at 896Mi, under a -Xmx1536m heap. */
function vpaScenario(): TriageEvidence {
  const pods = oomPods('896Mi', 70, (p) => ({
    resourceAnnotations: { vpaUpdates: 'Pod resources updated by payment-vpa: container 0: memory request, memory limit' },
    containers: p.containers.map((c) => ({ ...c, env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1536m' }] })),
  }));
  const twoGi = revisionContainer({ resources: { requests: { memory: '2Gi' }, limits: { memory: '2Gi' } } });
  return baseEvidence({
    pods,
    events: backOffs(pods, 69),
    revisions: [revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(40 * 24 * 60), { containers: [twoGi] }), revision(REV6, minutesAgo(12 * 24 * 60), { replicas: 5, containers: [twoGi] })],
    workload: workload({ readyReplicas: 2, availableReplicas: 2 }),
  });
}

/** Revision 7, 40 minutes ago, put /tmp on an emptyDir with medium Memory; its pods are OOM-killed at 1Gi. */
function tmpfsScenario(): TriageEvidence {
  const pods = oomPods('1Gi', 39, (p) => ({
    volumes: [{ name: 'scratch', source: 'emptyDir', medium: 'Memory' }],
    containers: p.containers.map((c) => ({ ...c, volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] })),
  }), REV7.hash);
  const oneGi = revisionContainer({ resources: { requests: { memory: '256Mi' }, limits: { memory: '1Gi' } } });
  const template = (tmpfs: boolean) => ({ initContainers: [], volumes: tmpfs ? [{ name: 'scratch', source: 'emptyDir' as const, medium: 'Memory' }] : [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
  return baseEvidence({
    pods,
    events: backOffs(pods, 38),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [oneGi], template: template(false) }),
      revision(REV7, minutesAgo(40), { replicas: 5, containers: [{ ...oneGi, volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] }], template: template(true) }),
    ],
    workload: workload({ readyReplicas: 2, availableReplicas: 2, currentRevision: 7 }),
  });
}

describe('memory a pod is charged with, and who set its limit', () => {
  it('names a memory-backed emptyDir the container writes to as what fills its limit', () => {
    const ev = tmpfsScenario();
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toBe('Container app OOMKilled at its 1Gi memory limit (3/5 pods): files written to /tmp count against it (emptyDir scratch, medium Memory)');
    expect(f?.likelyCause).toContain("charged to the container's memory cgroup");
    expect(f?.fix).toContain('move /tmp off memory');
    // The revision's change that matters is the tmpfs, not whatever else it changed.
    expect(diagnose(ev, analyzeOomKilled(ev))?.headline).toMatch(/^Since revision 7 \(40m ago: volumes: \(none\) → "scratch:emptyDir \(medium Memory\)"\): Container app OOMKilled/);
  });

  it('does not blame a read-only memory-backed mount', () => {
    const ev = tmpfsScenario();
    for (const p of ev.pods) for (const c of p.containers) c.volumeMounts = [{ name: 'scratch', mountPath: '/tmp', readOnly: true }];
    expect(analyzeOomKilled(ev)[0]?.title).toBe('Container app OOMKilled at its 1Gi memory limit (3/5 pods)');
  });

  it("says a LimitRange's default set the limit the template leaves out, and makes the pods' re-creation under it the trigger", () => {
    const ev = limitRangeScenario();
    const findings = analyzeOomKilled(ev);
    expect(findings[0]?.title).toBe('Container app OOMKilled at its 256Mi memory limit (3/5 pods), the default of LimitRange container-defaults (the template sets none)');
    expect(findings[0]?.evidence).toContain('app memory limit 256Mi on 3 pods, template none: set at admission by LimitRange container-defaults (annotation kubernetes.io/limit-ranger)');
    const d = diagnose(ev, findings);
    expect(d?.headline).toMatch(/^Since the pods were re-created 55m ago under LimitRange container-defaults \(created 3d ago\): Container app OOMKilled/);
    expect(d?.headline).toContain('Set an explicit memory limit for app in the template');
    expect(d?.headline).not.toContain('no change found');
    expect(d?.confirm).toContain('kubectl get limitrange container-defaults -o yaml -n payments --context prod-eu-west-1');
  });

  it('does not blame a LimitRange for pods created before it', () => {
    const ev = limitRangeScenario();
    for (const p of ev.pods) delete p.resourceAnnotations;
    for (const p of ev.pods) p.createdAt = minutesAgo(3 * 24 * 60);
    // Made just before the kills began, but after the pods: admission never applied it to them.
    ev.namespaceObjects = [{ kind: 'LimitRange', name: 'container-defaults', createdAt: minutesAgo(60) }];
    expect(diagnose(ev, analyzeOomKilled(ev))?.headline).not.toContain('LimitRange');
  });

  it("says a Kyverno policy's patch added the limit the template leaves out, and makes the pods' re-creation through it the trigger", () => {
    const ev = kyvernoScenario();
    const findings = analyzeOomKilled(ev);
    expect(findings[0]?.title).toBe('Container app OOMKilled at its 256Mi memory limit (3/5 pods), added at admission by Kyverno policy add-default-limits (the template sets none)');
    expect(findings[0]?.evidence).toContain('app memory limit 256Mi on 3 pods, template none: set at admission by Kyverno policy add-default-limits, rule default-memory-limit (annotation policies.kyverno.io/last-applied-patches: added /spec/containers/0/resources/limits)');
    expect(findings[0]?.likelyCause).toContain('added a memory limit of 256Mi, which the template does not set, to each pod as admission created it');
    const d = diagnose(ev, findings);
    expect(d?.headline).toMatch(/^Since the pods were re-created 55m ago through Kyverno policy add-default-limits: Container app OOMKilled/);
    expect(d?.headline).toContain('Set an explicit memory limit for app in the template');
    expect(d?.confirm).toContain('kubectl get clusterpolicy add-default-limits -o yaml --context prod-eu-west-1');
  });

  it('does not blame a Kyverno patch of another field, another container, or one that kept the template\'s value', () => {
    for (const patch of ['add-default-limits.default-cpu-limit.kyverno.io: added /spec/containers/0/resources/limits/cpu', 'add-tracing.inject-agent.kyverno.io: added /spec/containers/1', 'add-labels.team.kyverno.io: added /metadata/labels/team']) {
      const ev = kyvernoScenario();
      for (const p of ev.pods) p.resourceAnnotations = { kyvernoPatches: patch };
      expect(analyzeOomKilled(ev)[0]?.title).toBe('Container app OOMKilled at its 256Mi memory limit (3/5 pods)');
    }
    const same = kyvernoScenario();
    for (const r of same.revisions) r.containers = r.containers.map((c) => ({ ...c, resources: { requests: { memory: '256Mi' }, limits: { memory: '256Mi' } } }));
    expect(analyzeOomKilled(same)[0]?.title).not.toContain('Kyverno');
  });

  it('says a Gatekeeper mutator set a limit the template leaves out, but not when the template sets that limit', () => {
    const ev = kyvernoScenario();
    for (const p of ev.pods) p.resourceAnnotations = { gatekeeperMutations: 'Assign//default-memory-limit:1, AssignMetadata//owner-label:2' };
    const findings = analyzeOomKilled(ev);
    expect(findings[0]?.title).toBe('Container app OOMKilled at its 256Mi memory limit (3/5 pods), added at admission by Gatekeeper mutator default-memory-limit (the template sets none)');
    expect(diagnose(ev, findings)?.confirm).toContain('kubectl get assign default-memory-limit -o yaml --context prod-eu-west-1');
    const same = kyvernoScenario();
    for (const p of same.pods) p.resourceAnnotations = { gatekeeperMutations: 'Assign//default-memory-limit:1' };
    for (const r of same.revisions) r.containers = r.containers.map((c) => ({ ...c, resources: { requests: { memory: '256Mi' }, limits: { memory: '256Mi' } } }));
    expect(analyzeOomKilled(same)[0]?.title).not.toContain('Gatekeeper');
  });

  it("says a VPA set the limit in place of the template's, and makes its resizing the trigger", () => {
    const ev = vpaScenario();
    const findings = analyzeOomKilled(ev);
    expect(findings[0]?.title).toBe("Container app OOMKilled at its 896Mi memory limit (3/5 pods), set by VPA payment-vpa in place of the template's 2Gi: -Xmx1536m lets the heap alone reach 1.5Gi, over the limit");
    const d = diagnose(ev, findings);
    expect(d?.headline).toMatch(/^Since VPA payment-vpa resized the pods as they were created 1h 10m ago: /);
    expect(d?.headline).toContain('Set a minAllowed memory for app in VPA payment-vpa at the template\'s 2Gi');
  });

  it("stays quiet about a VPA that set only the request, or the template's own value", () => {
    const ev = vpaScenario();
    for (const p of ev.pods) p.resourceAnnotations = { vpaUpdates: 'Pod resources updated by payment-vpa: container 0: memory request' };
    expect(analyzeOomKilled(ev)[0]?.title).not.toContain('VPA');
    const same = vpaScenario();
    for (const p of same.pods) p.containers = p.containers.map((c) => ({ ...c, resources: { requests: { memory: '2Gi' }, limits: { memory: '2Gi' } } }));
    expect(analyzeOomKilled(same)[0]?.title).not.toContain('VPA');
  });
});
