// Pods the kubelet rejects at admission for a sysctl their securityContext sets (SysctlForbidden):
// the verdict must name the sysctl, say the kubelet does not allow it, and advise removing it from
// the pod securityContext (or allowing it on a node pool), never "read the event"; and the change
// it names must be the revision's sysctls line, not an image bump listed before it.
import { describe, expect, it } from 'vitest';
import { analyzeKubeletRejections } from '../../../src/domain/triage/analyzers/kubelet-rejected.js';
import { pickChange } from '../../../src/domain/triage/verdict/mechanism-diff.js';
import { diffRevisions } from '../../../src/domain/triage/revision-diff.js';
import type { PodTemplateEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, baseEvidence, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const template = (securityContext?: string): PodTemplateEvidence => ({
  initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
  ...(securityContext === undefined ? {} : { securityContext }),
});
const WITH_SYSCTL = '{"runAsNonRoot":true,"sysctls":[{"name":"kernel.msgmnb","value":"131072"}]}';
const REFUSAL = 'forbidden sysctl: "kernel.msgmnb" not allowlisted';

function rejected() {
  const failed = [0, 1, 2].map((i) => pod(i, { phase: 'Failed', reason: 'SysctlForbidden', message: `Pod was rejected: ${REFUSAL}`, ready: false, containers: [] }));
  const older = revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example.test/queue-relay:3.1.0' })], template: template('{"runAsNonRoot":true}') });
  const newer = revision(REV6, minutesAgo(40), { containers: [revisionContainer({ image: 'registry.example.test/queue-relay:3.2.0' })], template: template(WITH_SYSCTL) });
  return { ev: baseEvidence({ pods: [pod(7), ...failed], revisions: [older, newer] }), older, newer };
}

describe('pods the kubelet rejects at admission for a sysctl', () => {
  it('names the sysctl the securityContext sets and advises removing it or allowing it on a node pool', () => {
    const { ev } = rejected();
    const [f] = analyzeKubeletRejections(ev);
    expect(f?.title).toMatch(/rejects 3 pods at admission \(SysctlForbidden\): its securityContext sets sysctl kernel\.msgmnb, not in the kubelet's allowed set/);
    expect(f?.decisive).toBe(REFUSAL);
    expect(f?.evidence).toContain("the pod template's securityContext sets sysctls kernel.msgmnb=131072");
    expect(f?.fix).toMatch(/^remove sysctl kernel\.msgmnb from the pod securityContext \(or allow it with --allowed-unsafe-sysctls/);
    expect(f?.nextAction).not.toMatch(/read the event/i);
  });

  it('leads the since with the sysctls the revision added, over its image bump', () => {
    const { ev, older, newer } = rejected();
    const [f] = analyzeKubeletRejections(ev);
    const diff = diffRevisions(older, newer);
    expect(diff[0]).toMatch(/ image: /);
    expect(pickChange(f, diff, older, newer)).toBe('pod securityContext sysctls added kernel.msgmnb=131072');
  });

  it('says a network sysctl may not be set by a pod on the host network', () => {
    const failed = [0, 1].map((i) => pod(i, { phase: 'Failed', reason: 'SysctlForbidden', message: 'Pod was rejected: sysctl "net.ipv4.ip_local_port_range" not allowed with host net enabled', ready: false, containers: [] }));
    const [f] = analyzeKubeletRejections(baseEvidence({ pods: [pod(7), ...failed] }));
    expect(f?.title).toMatch(/sets sysctl net\.ipv4\.ip_local_port_range, which a pod sharing the host's net namespace may not set/);
    expect(f?.fix).toMatch(/stop sharing the host's network namespace/);
  });

  it('says nothing for running pods', () => {
    expect(analyzeKubeletRejections(baseEvidence({ pods: [pod(0), pod(1)] }))).toEqual([]);
  });
});
