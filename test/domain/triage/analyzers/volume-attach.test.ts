import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import { NS, container, event, minutesAgo } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { multiAttachScenario } from '../scenarios/storage.js';

describe('analyzeVolumeAttach', () => {
  it('reports Multi-Attach over the generic mount timeout of the same pod', () => {
    const findings = analyzeVolumeAttach(multiAttachScenario());
    expect(findings).toHaveLength(1);
    expect(findings[0]?.title).toBe('Volume pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e blocks 1 pod: Multi-Attach: the volume is still attached to another node');
    expect(findings[0]?.layer).toBe('storage');
    expect(findings[0]?.confirmCommands).toContain('kubectl get volumeattachments -o wide --context prod-eu-west-1');
    expect(findings[0]?.likelyCause).toContain('ReadWriteOnce');
  });

  it('names a missing ConfigMap volume source', () => {
    const ev = multiAttachScenario();
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "config" : configmap "ledger-config" not found', count: 6, firstSeen: minutesAgo(8), lastSeen: minutesAgo(1) })];
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe('Volume config blocks 1 pod: a ConfigMap or Secret volume source does not exist');
  });

  it('tells a volume attached but slow to mount (the kubelet\'s step, e.g. an fsGroup chown) from an attach failure', () => {
    const ev = multiAttachScenario();
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) })];
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe("Volume data blocks 1 pod: attached, but not mounted in time (the kubelet's mount step)");
    expect(f?.likelyCause).toContain('fsGroupChangePolicy Always');
    expect(f?.likelyCause).not.toMatch(/attach failure/);
  });

  it('ignores mount failures of pods that became ready since', () => {
    const ev = multiAttachScenario();
    ev.pods = ev.pods.map((p) => ({ ...p, phase: 'Running' as const, ready: true, containers: [container({ name: 'ledger' })] }));
    expect(analyzeVolumeAttach(ev)).toEqual([]);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeVolumeAttach(healthyScenario())).toEqual([]);
  });
});
