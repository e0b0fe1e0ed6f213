import { describe, expect, it } from 'vitest';
import { analyzeJobSidecars } from '../../../../src/domain/triage/analyzers/job-sidecar.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, running, terminated } from '../scenarios/builders.js';

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

  it('says how to end a mesh proxy: a native sidecar, quitting it from the job, or no injection', () => {
    const [f] = analyzeJobSidecars(baseEvidence({ pods: [heldPod(45)] }));
    expect(f?.fix).toMatch(/native sidecar/);
    expect(f?.fix).toMatch(/ENABLE_NATIVE_SIDECARS/);
    expect(f?.fix).toMatch(/15020\/quitquitquit/);
    expect(f?.fix).toContain('sidecar.istio.io/inject: "false"');
  });

  it('says Linkerd\'s own way for a linkerd-proxy', () => {
    const linkerd = { ...heldPod(45), containers: [container({ name: 'migrate', ready: false, state: terminated(0, 'Completed', 45) }), container({ name: 'linkerd-proxy', ready: true, state: running(50) })] };
    const [f] = analyzeJobSidecars(baseEvidence({ pods: [linkerd] }));
    expect(f?.fix).toMatch(/linkerd-await/);
    expect(f?.fix).toMatch(/4191\/shutdown/);
    expect(f?.fix).toContain('linkerd.io/inject: disabled');
    expect(f?.fix).not.toMatch(/istio/i);
  });

  it('names the namespace\'s injection turned on just before the held pod as the since', () => {
    const held = { ...heldPod(30), createdAt: minutesAgo(40), startTime: minutesAgo(40) };
    const ev = baseEvidence({
      pods: [held],
      namespaceObjects: [{ kind: 'Namespace', name: NS, createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(55), meshInjection: { mesh: 'Istio', setting: 'istio-injection=enabled' } }],
    });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(new RegExp(`^Since Namespace ${NS} was changed 55m ago \\(istio-injection=enabled\\)`));
    expect(report.headline).not.toMatch(/no change found/);
  });
});
