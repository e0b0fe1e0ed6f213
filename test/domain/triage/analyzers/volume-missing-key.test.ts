import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { PodTemplateEvidence, TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { IMAGE_V15, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const SECRET = 'edge-certs';
const MOUNT = 'MountVolume.SetUp failed for volume "certs" : references non-existent secret key: tls.key';
const certs = (items: string[]): VolumeEvidence => ({ name: 'certs', source: 'secret', ref: SECRET, items });

/** Revision 7 (an image bump, 20 min ago) cannot mount Secret edge-certs, which lost key tls.key; revision 6's pods keep running and fail to remount the same way. */
function missingKeyScenario(newItems = ['tls.crt', 'tls.key']): TriageEvidence {
  const stuck = pod(0, { revisionHash: REV7.hash, ready: false, phase: 'Pending', createdAt: minutesAgo(19), startTime: minutesAgo(19), volumes: [certs(newItems)], containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
  const old = [1, 2, 3].map((i) => pod(i, { volumes: [certs(['tls.crt', 'tls.key'])] }));
  const tpl = (items: string[]): PodTemplateEvidence => ({ initContainers: [], volumes: [certs(items)], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
  const base = baseEvidence({
    pods: [...old, stuck],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }),
    events: [stuck, ...old].map((p, i) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'FailedMount', message: MOUNT, count: 12 + i, firstSeen: minutesAgo(i === 0 ? 19 : 50), lastSeen: minutesAgo(1) })),
  });
  return {
    ...base,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: tpl(['tls.crt', 'tls.key']) }),
      revision(REV7, minutesAgo(20), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })], template: tpl(newItems) }),
    ],
  };
}

describe('a Secret volume whose items name a key the Secret lacks', () => {
  it('names the Secret, the missing key and the items, and counts the running pods refused on remount', () => {
    const [f] = analyzeVolumeAttach(missingKeyScenario());
    expect(f?.title).toBe(`Volume certs blocks 1 pod: Secret ${SECRET} has no key tls.key, which the volume's items list (tls.crt, tls.key)`);
    expect(f?.likelyCause).toMatch(/items/);
    expect(f?.nextAction).toMatch(new RegExp(`^Put key tls\\.key back into Secret ${SECRET}`));
    expect(f?.evidence.some((l) => /3 running pods .*same error/.test(l))).toBe(true);
    expect(f?.confirmCommands).toContain(`kubectl describe secret ${SECRET} -n ${NS} --context prod-eu-west-1`);
  });

  it('clears a revision that did not change the volume: the Secret changed outside the workload', () => {
    const ev = missingKeyScenario();
    const [f] = analyzeVolumeAttach(ev);
    const t = findTrigger(ev, f, compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'none' });
    expect(t.kind === 'none' ? t.exonerated : '').toMatch(/^revision 7 \(20m ago\) is not the cause: it did not change volume certs/);
  });

  it('still blames a revision whose items name the missing key', () => {
    const ev = missingKeyScenario(['tls.crt', 'tls.key', 'ca.crt']);
    ev.events = ev.events.map((e) => ({ ...e, message: e.message.replace('tls.key', 'ca.crt') }));
    const [f] = analyzeVolumeAttach(ev);
    expect(findTrigger(ev, f, compareFailingHealthy(ev))).toMatchObject({ kind: 'revision' });
  });
});
