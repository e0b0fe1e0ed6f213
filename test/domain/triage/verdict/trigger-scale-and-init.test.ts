import { describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../../../../src/domain/triage/finding.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { acquitRollout, findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { badRolloutScenario, sameRevisionElsewhereScenario } from '../scenarios/rollout.js';
import { APP, IMAGE_V15, NOW, NS, REV6, REV7, baseEvidence, container, crashLooping, event, hpa, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

function mechanism(kind: FindingKind, pods: readonly string[], over: Partial<Finding> = {}): Finding {
  return { id: `${kind}/app`, kind, title: `app fails on ${pods.length} pods`, layer: 'container/process', severity: 'critical', confidence: 'high', evidence: [], likelyCause: '', nextAction: '', confirmCommands: [], affected: { pods: [...pods] }, ...over };
}

/** Revision 6 is days old; the HPA scaled it from 4 to 8 twenty minutes ago and the four new pods crash on "too many clients". */
function scaledUpScenario(): TriageEvidence {
  const old = [0, 1, 2, 3].map((i) => pod(i));
  const fresh = [4, 5, 6, 7].map((i) => {
    const p = pod(i, { createdAt: minutesAgo(20), startTime: minutesAgo(20) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1, { runSeconds: 4 }), 5)] };
  });
  const base = baseEvidence({
    pods: [...old, ...fresh],
    workload: workload({ specReplicas: 8, replicas: 8, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 8 }),
    hpas: [hpa({ maxReplicas: 8, currentReplicas: 8, desiredReplicas: 8, metrics: [{ name: 'kafka_consumergroup_lag', current: '38', target: '500m' }] })],
    events: [
      event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: external metric kafka_consumergroup_lag above target', firstSeen: minutesAgo(20), lastSeen: minutesAgo(20), source: 'horizontal-pod-autoscaler' }),
      event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 4 to 8`, firstSeen: minutesAgo(20), lastSeen: minutesAgo(20), source: 'deployment-controller' }),
      ...fresh.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 30, firstSeen: minutesAgo(19), lastSeen: minutesAgo(0.5) })),
    ],
  });
  return base;
}

describe('a scale-up as the trigger', () => {
  const failing = [4, 5, 6, 7].map((i) => podName(REV6.hash, i));

  it('names the HPA, from how many to how many, and its targets when the mechanism is a limit the replicas share', () => {
    const ev = scaledUpScenario();
    const t = findTrigger(ev, mechanism('resource-exhaustion', failing, { id: 'resource-exhaustion/database-connections', scalesWithReplicas: true }), compareFailingHealthy(ev));
    expect(t).toEqual({ kind: 'scale-up', text: `HPA ${APP} scaled it up from 4 to 8 20m ago (kafka_consumergroup_lag 38 vs target 500m)`, at: minutesAgo(20) });
  });

  it('advises scaling back when the database refuses the replicas a hand scale-up added', () => {
    const ev = scaledUpScenario();
    ev.events = ev.events.filter((e) => e.reason !== 'SuccessfulRescale');
    ev.logs = failing.map((name) => ({ pod: name, container: 'app', previous: true, lines: ['FATAL: sorry, too many clients already (SQLSTATE 53300)', 'FATAL: sorry, too many clients already (SQLSTATE 53300)'] }));
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since the workload was scaled up from 4 to 8 20m ago \(not by a rollout\)/);
    expect(report.headline).toContain(`Scale ${APP} back to 4 replicas`);
  });

  it('says a scale-up by hand when no HPA acted', () => {
    const ev = scaledUpScenario();
    ev.events = ev.events.filter((e) => e.reason !== 'SuccessfulRescale');
    const t = findTrigger(ev, mechanism('failed-scheduling', failing), compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'scale-up', text: 'the workload was scaled up from 4 to 8 20m ago (not by a rollout)' });
  });

  it('is not the trigger of a failure more replicas do not bring on', () => {
    const ev = scaledUpScenario();
    const t = findTrigger(ev, mechanism('exit-code', failing), compareFailingHealthy(ev));
    expect(t.kind).toBe('none');
  });

  it('does not take a rollout\'s new ReplicaSet scaling up for a scale-up', () => {
    const ev = scaledUpScenario();
    ev.events = ev.events.filter((e) => e.reason !== 'SuccessfulRescale').map((e) => (e.reason === 'ScalingReplicaSet' ? { ...e, message: `Scaled up replica set ${APP}-${REV7.hash} from 0 to 4` } : e));
    ev.revisions = [...ev.revisions, revision(REV7, minutesAgo(21), { containers: [revisionContainer({ image: IMAGE_V15 })] })];
    const t = findTrigger(ev, mechanism('failed-scheduling', failing), compareFailingHealthy(ev));
    expect(t.kind).not.toBe('scale-up');
  });
});

/** Revision 7 (an image bump, 30 min ago) waits forever in init container wait-for-topic, unchanged since revision 6. */
function initWaitsScenario(changeInit: boolean): TriageEvidence {
  const stuck = pod(0, { revisionHash: REV7.hash, ready: false, phase: 'Pending', createdAt: minutesAgo(29), startTime: minutesAgo(29), containers: [container({ ready: false, state: { waiting: { reason: 'PodInitializing' } } })], initContainers: [container({ name: 'wait-for-topic', ready: false, state: { running: { startedAt: minutesAgo(29) } } })] });
  const base = baseEvidence({ pods: [pod(1), pod(2), stuck], workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }) });
  const tpl = (image: string) => ({ initContainers: [revisionContainer({ name: 'wait-for-topic', image, env: [], envFrom: [] })], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
  return {
    ...base,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: tpl('kafka-tools:1.0') }),
      revision(REV7, minutesAgo(30), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })], template: tpl(changeInit ? 'kafka-tools:2.0' : 'kafka-tools:1.0') }),
    ],
  };
}

describe('an init container the revision did not change', () => {
  const stuckPod = podName(REV7.hash, 0);

  it('clears the revision: what the init container waits for is outside the workload', () => {
    const ev = initWaitsScenario(false);
    const t = findTrigger(ev, mechanism('init-stuck', [stuckPod], { id: 'init-stuck/wait-for-topic' }), compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'none', exonerated: 'revision 7 (30m ago) is not the cause: it did not change init container wait-for-topic, which waits for something outside the workload' });
  });

  it('still blames the revision when it changed the init container', () => {
    const ev = initWaitsScenario(true);
    const t = findTrigger(ev, mechanism('init-stuck', [stuckPod], { id: 'init-stuck/wait-for-topic' }), compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'revision', change: 'init wait-for-topic image 1.0 → 2.0' });
  });

  it('turns the rollout finding from "roll back" into "a rollback would not help" when the verdict clears the revision', () => {
    const rollout = mechanism('recent-rollout', [stuckPod], { id: 'recent-rollout/7', severity: 'warning', nextAction: 'Mitigate: roll back to revision 6 (`kubectl rollout undo …`).' });
    const other = mechanism('init-stuck', [stuckPod]);
    const cleared = acquitRollout([other, rollout], { kind: 'none', text: 'x', exonerated: 'revision 7 is not the cause: y' });
    expect(cleared[0]).toBe(other);
    expect(cleared[1]).toMatchObject({ severity: 'info', confidence: 'low', nextAction: 'A rollback would not help: act on the mechanism the verdict names.' });
    expect(cleared[1]?.likelyCause).toContain('revision 7 is not the cause: y');
    expect(acquitRollout([rollout], { kind: 'none', text: 'no change found' })[0]).toBe(rollout);
  });

  it('retitles a cleared rollout finding so that it no longer reads "before the failures began"', () => {
    const rollout = mechanism('recent-rollout', [stuckPod], { id: 'recent-rollout/7', title: 'Revision 7 rolled out 30m ago, 0s before the failures began (app image 2.14.0 → 2.15.0)' });
    const [cleared] = acquitRollout([rollout], { kind: 'none', text: 'x', exonerated: 'revision 7 (30m ago) is not the cause: y' });
    expect(cleared?.title).toBe('Revision 7 (30m ago) is not the cause: y');
    const split = { ...rollout, title: 'Revision 7 (rolled out 30m ago) runs fine on 3 pods; its failing pods are all on node n1: not the rollout' };
    expect(acquitRollout([split], { kind: 'none', text: 'x', exonerated: 'revision 7 runs fine on 3 other pods on other nodes: not the rollout' })[0]?.title).toBe(split.title);
  });
});

describe('a revision whose diff does not touch what refuses its pods', () => {
  const newPods = [0, 1, 2].map((i) => podName(REV7.hash, i));
  const podSecurity = mechanism('pod-create-failed', newPods, { id: 'pod-create-failed/pod-security', title: 'Pods cannot be created: pods violate PodSecurity "restricted:latest"' });
  const hostPort = mechanism('failed-scheduling', newPods, { id: 'failed-scheduling', title: "1 pod Pending, 0/4 nodes available: 1 node(s) didn't have free ports for the requested pod ports" });

  it('clears an image-and-env revision of a Pod Security refusal and of a host port taken', () => {
    const ev = badRolloutScenario();
    expect(findTrigger(ev, podSecurity, compareFailingHealthy(ev))).toMatchObject({ kind: 'none', exonerated: expect.stringContaining("it did not change what Pod Security checks (securityContext, volumes, ports): the previous revision's pods would be refused the same way") });
    expect(findTrigger(ev, hostPort, compareFailingHealthy(ev))).toMatchObject({ kind: 'none', exonerated: expect.stringContaining("it did not change the pods' host ports: another pod on the node holds the host port") });
  });

  it('still names the revision when it changed the securityContext or the ports', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) =>
      r.revision === 7
        ? { ...r, containers: r.containers.map((c) => ({ ...c, securityContext: '{"privileged":true}', ports: ['9100/TCP "metrics" hostPort 9100'] })) }
        : { ...r, containers: r.containers.map((c) => ({ ...c, ports: ['9100/TCP "metrics"'] })) },
    );
    expect(findTrigger(ev, podSecurity, compareFailingHealthy(ev)).kind).toBe('revision');
    expect(findTrigger(ev, hostPort, compareFailingHealthy(ev)).kind).toBe('revision');
  });
});

describe('the change picked for a process refused its credentials', () => {
  it('is the ServiceAccount the pod runs as, not the image', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) => ({ ...r, template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, serviceAccountName: r.revision === 7 ? 'payment-service-sa' : 'payment-service' } }));
    const m = mechanism('exit-code', [0, 1, 2].map((i) => podName(REV7.hash, i)), { decisive: 'api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity' });
    expect(findTrigger(ev, m, compareFailingHealthy(ev))).toMatchObject({ kind: 'revision', change: 'serviceAccountName: payment-service → payment-service-sa' });
  });

  it('is the audience of the projected token the pod presents, when a 401 refused it and the revision changed that audience', () => {
    const ev = badRolloutScenario();
    const tokenVolume = (audience: string) => ({ name: 'ledger-token', source: 'projected' as const, audience });
    ev.revisions = ev.revisions.map((r) => ({ ...r, template: { initContainers: [], volumes: [tokenVolume(r.revision === 7 ? 'https://ledger.example.internal' : 'ledger')], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } } }));
    const m = mechanism('exit-code', [0, 1, 2].map((i) => podName(REV7.hash, i)), { decisive: 'the server responded with status 401 (Faraday::UnauthorizedError)' });
    expect(findTrigger(ev, m, compareFailingHealthy(ev))).toMatchObject({ kind: 'revision', change: 'volume ledger-token token audience: ledger → https://ledger.example.internal' });
  });
});

describe('clearing a revision that runs fine elsewhere', () => {
  it('clears it with two healthy pods of it on other nodes, not with one (which may not have met the fault yet)', () => {
    const failing = [0, 1].map((i) => podName(REV7.hash, i));
    const two = sameRevisionElsewhereScenario(2);
    expect(findTrigger(two, mechanism('exit-code', failing), compareFailingHealthy(two)).kind).toBe('none');
    const one = sameRevisionElsewhereScenario(1);
    expect(findTrigger(one, mechanism('exit-code', failing), compareFailingHealthy(one)).kind).toBe('revision');
  });
});
