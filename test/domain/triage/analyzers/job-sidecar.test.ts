import { describe, expect, it } from 'vitest';
import { analyzeJobSidecars } from '../../../../src/domain/triage/analyzers/job-sidecar.js';
import { baseEvidence, container, pod, running, terminated } from '../scenarios/builders.js';

/** A migration Job's pod: migrate exited 0 `doneAgo` minutes ago; istio-proxy still runs. */
function heldPod(doneAgo: number) {
  return pod(0, {
    name: 'catalog-db-migrate-kx688',
    jobName: 'catalog-db-migrate',
    ready: false,
    containers: [container({ name: 'migrate', ready: false, state: terminated(0, 'Completed', doneAgo) }), container({ name: 'istio-proxy', ready: true, state: running(50) })],
  });
}

describe('analyzeJobSidecars', () => {
  it('names the Job held open by a companion that keeps running after the work exited 0', () => {
    const [f, ...rest] = analyzeJobSidecars(baseEvidence({ pods: [heldPod(45)] }));
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Job catalog-db-migrate cannot complete: migrate finished (exit 0, 45m ago) but istio-proxy keeps running, so the pod never ends');
    expect(f?.nextAction).toContain('sidecar.istio.io/inject: "false"');
    expect(f?.severity).toBe('critical');
  });

  it('leaves alone a pod whose work just finished, pods that are not a Job\'s, and a Job pod still working', () => {
    expect(analyzeJobSidecars(baseEvidence({ pods: [heldPod(2)] }))).toEqual([]);
    const { jobName: _job, ...notAJob } = heldPod(45);
    expect(analyzeJobSidecars(baseEvidence({ pods: [notAJob] }))).toEqual([]);
    const working = { ...heldPod(45), containers: [container({ name: 'migrate', state: running(50) }), container({ name: 'istio-proxy', state: running(50) })] };
    expect(analyzeJobSidecars(baseEvidence({ pods: [working] }))).toEqual([]);
  });
});
