import { describe, expect, it } from 'vitest';
import { analyzeFinalizerHeld } from '../../../../src/domain/triage/analyzers/finalizer-held.js';
import { baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

const FINALIZER = 'lifecycle.example.com/deregister';
const exited = container({ ready: false, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: minutesAgo(40) } } });

/** A three-replica StatefulSet whose db-2 was deleted `deletedAgo` minutes ago and still carries a finalizer. */
function scenario(deletedAgo: number, containers = [exited]) {
  const pods = [0, 1].map((i) => pod(i, { name: `db-${i}`, ordinal: i, finalizers: [FINALIZER] }));
  const held = pod(2, { name: 'db-2', ordinal: 2, ready: false, phase: 'Succeeded', deletionTimestamp: minutesAgo(deletedAgo), finalizers: [FINALIZER], containers });
  return baseEvidence({ target: { service: 'db', kind: 'StatefulSet', name: 'db', namespace: 'data' }, workload: workload({ kind: 'StatefulSet', name: 'db', specReplicas: 3, readyReplicas: 2 }), pods: [...pods, held] });
}

describe('analyzeFinalizerHeld', () => {
  it('names the pod held Terminating by a finalizer after its containers exited, the replica it costs and how to remove it', () => {
    const [f] = analyzeFinalizerHeld(scenario(41));
    expect(f?.title).toBe(`db-2 stuck Terminating for 41m: finalizer ${FINALIZER} keeps the deleted pod object after its containers exited (app exit 0); StatefulSet db cannot create its replacement under the same name (2/3 ready)`);
    expect(f?.nextAction).toContain(`patch pod db-2 --type=json -p '[{"op":"remove","path":"/metadata/finalizers"}]'`);
    expect(f?.evidence.join('\n')).toContain('also carrying it: db-0, db-1');
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('says nothing of a pod still within its grace period, or whose containers still run (the kubelet, not a finalizer, holds it)', () => {
    expect(analyzeFinalizerHeld(scenario(1))).toEqual([]);
    const running = scenario(41, [container()]);
    running.pods = running.pods.map((p) => (p.name === 'db-2' ? { ...p, phase: 'Running' as const } : p));
    expect(analyzeFinalizerHeld(running)).toEqual([]);
  });
});
