import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../src/domain/triage/analyzers/pvc-pending.js';
import { NODE_A, NS, REV7, container, event, minutesAgo, pod, revision } from './scenarios/builders.js';
import { pvcPendingScenario } from './scenarios/storage.js';

const claim = { kind: 'PersistentVolumeClaim', name: 'tile-cache', namespace: NS };

/** A Deployment pod pinned with spec.nodeName in its template, mounting a WaitForFirstConsumer claim. */
function pinnedScenario(pinnedInTemplate: boolean) {
  const ev = pvcPendingScenario();
  const stuck = pod(0, { revisionHash: REV7.hash, nodeName: NODE_A, ready: false, phase: 'Pending', createdAt: minutesAgo(24), containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
  ev.pods = [stuck];
  ev.revisions = [revision(REV7, minutesAgo(26), { replicas: 1, template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...(pinnedInTemplate ? { nodeName: NODE_A } : {}) } })];
  ev.pvcs = [{ name: 'tile-cache', phase: 'Pending', storageClass: 'gp3', accessModes: ['ReadWriteOnce'], requested: '50Gi', usedByPods: [stuck.name] }];
  ev.events = [
    event({ object: claim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 104, firstSeen: minutesAgo(26), lastSeen: minutesAgo(0.2), source: 'persistentvolume-controller' }),
    event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: `Unable to attach or mount volumes: unmounted volumes=[tile-cache], unattached volumes=[], failed to process volumes=[tile-cache]: error processing PVC ${NS}/tile-cache: PVC is not bound`, count: 12, firstSeen: minutesAgo(23), lastSeen: minutesAgo(2) }),
  ];
  return ev;
}

describe('a WaitForFirstConsumer claim whose pod bypassed the scheduler', () => {
  it('says the pod is pinned by spec.nodeName past the scheduler, and advises a hostname nodeSelector instead', () => {
    const [f] = analyzePvcPending(pinnedScenario(true));
    expect(f?.title).toMatch(/pinned by spec\.nodeName .*bypasses the scheduler.*WaitForFirstConsumer claim is never provisioned/);
    expect(f?.evidence.join('\n')).toContain(`the pod template sets spec.nodeName: ${NODE_A}`);
    expect(f?.nextAction).toContain(`nodeSelector (kubernetes.io/hostname: ${NODE_A})`);
    expect(f?.confidence).toBe('high');
  });

  it('still says nothing of a claim whose pod waits for the scheduler (no node yet)', () => {
    const ev = pinnedScenario(false);
    ev.pods = ev.pods.map((p) => ({ ...p, nodeName: undefined }));
    ev.events = ev.events.filter((e) => e.reason === 'WaitForFirstConsumer');
    expect(analyzePvcPending(ev)).toEqual([]);
  });
});
