import { describe, expect, it } from 'vitest';
import type { TriageEvidence, WorkloadEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, IMAGE_V14, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const IMAGE_V151 = IMAGE_V15.replace('2.15.0', '2.15.1');
const ROLLBACK = /roll(ing)? ?back to|rollout undo|undo the rollout/i;

/** Everything the report asserts: the headline and every finding's title, cause and next step. */
function claims(r: TriageReport): string {
  return [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
}

/** Revision 7 (2.15.0, 41 minutes ago) crash-loops on all 3 pods; revision 6 ran fine for days. */
function badRollout(over: Partial<WorkloadEvidence>, pods?: TriageEvidence['pods']): TriageEvidence {
  const failing = [0, 1, 2].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(40), startTime: minutesAgo(40) });
    return { ...p, containers: [crashLooping(p.name, terminated(1, 'Error', 1, { runSeconds: 20 }), 12, { image: IMAGE_V15 })] };
  });
  const all = pods ?? failing;
  const base = baseEvidence({
    pods: all,
    events: all.filter((p) => !p.ready).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 40, firstSeen: minutesAgo(38), lastSeen: minutesAgo(0.5) })),
    logs: all.filter((p) => !p.ready).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['Error: missing required setting PAYMENT_PROVIDER_URL', '    at loadConfig (/app/dist/config.js:14:11)'] })),
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 3, currentRevision: 7, ...over }),
  });
  return { ...base, revisions: [revision(REV6, minutesAgo(8 * 24 * 60), { replicas: 0, containers: [revisionContainer({ image: IMAGE_V14 })] }), revision(REV7, minutesAgo(41), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15 })] })] };
}

const PAUSED: Partial<WorkloadEvidence> = {
  paused: true,
  conditions: [
    { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastTransitionTime: minutesAgo(30) },
  ],
};

/** The template as the adapter maps it, with the image given. */
function templateWith(image: string): WorkloadEvidence['templateContainers'] {
  const rc = revisionContainer({ image });
  return [container({ image, env: rc.env, envFrom: rc.envFrom })];
}

describe('a paused Deployment', () => {
  it('says the fix written to the template while paused reaches no pod, and advises resuming, not a rollback', () => {
    const r = buildTriageReport(badRollout({ ...PAUSED, templateContainers: templateWith(IMAGE_V151) }), times);
    expect(r.headline).toContain("the Deployment is paused (since 30m ago), so its template's newer change (app image 2.15.0 → 2.15.1) gets no ReplicaSet and reaches no pod: the pods still run revision 7");
    expect(r.headline).toContain(`Resume the rollout so the template's change reaches the pods (\`kubectl rollout resume deployment/${APP} -n ${NS} --context prod-eu-west-1\``);
    expect(claims(r)).not.toMatch(ROLLBACK);
  });

  it('lists the pause and the template change no ReplicaSet carries among the findings', () => {
    const r = buildTriageReport(badRollout({ ...PAUSED, templateContainers: templateWith(IMAGE_V151) }), times);
    const hold = r.findings.find((f) => /Deployment is paused/.test(f.title));
    expect(hold?.evidence).toContain('template, not in any ReplicaSet: app image 2.15.0 → 2.15.1');
    expect(hold?.nextAction).toMatch(/rollout resume/);
  });

  it('says a template reverted while paused reaches no pod either', () => {
    const r = buildTriageReport(badRollout({ ...PAUSED, templateContainers: templateWith(IMAGE_V14) }), times);
    expect(r.headline).toContain("its template, back to revision 6's, reaches no pod");
    expect(r.headline).toMatch(/Resume the rollout/);
    expect(claims(r)).not.toMatch(ROLLBACK);
  });

  it('advises resuming before the rollback when the template still is the failing revision: an undo is refused while paused', () => {
    const r = buildTriageReport(badRollout({ ...PAUSED, templateContainers: templateWith(IMAGE_V15) }), times);
    expect(r.headline).toContain('the Deployment is paused (since 30m ago): no change rolls out until it is resumed');
    expect(r.headline).toMatch(/Resume the Deployment, then roll back to revision 6 \(`kubectl rollout resume [^`]+`, then `kubectl rollout undo deployment\/payment-service --to-revision=6/);
  });

  it('words a deliberate pause with every pod Ready as context, not advice to resume it', () => {
    const ready = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, ready: true, createdAt: minutesAgo(3000), startTime: minutesAgo(3000) }));
    const held = { ...PAUSED, conditions: [{ type: 'Available', status: 'True' as const, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }, PAUSED.conditions![1]!] };
    const r = buildTriageReport(badRollout({ ...held, readyReplicas: 3, availableReplicas: 3, templateContainers: templateWith(IMAGE_V151) }, ready), times);
    const hold = r.findings.find((f) => /Deployment is paused/.test(f.title));
    expect(hold?.title).toContain("template's newer change (app image 2.15.0 → 2.15.1) gets no ReplicaSet");
    expect(hold?.nextAction).toMatch(/Nothing to fix/);
    expect(claims(r)).not.toMatch(/rollout resume|resume the (rollout|deployment)/i);
  });

  it('keeps the plain rollback when the Deployment is not paused', () => {
    const r = buildTriageReport(badRollout({ templateContainers: templateWith(IMAGE_V15) }), times);
    expect(r.headline).toMatch(/Roll back to revision 6/);
    expect(r.headline).not.toMatch(/paused/);
  });
});

/** A StatefulSet whose template went back to revision 7 after revision 6 broke one pod: 2 pods run 7 fine. */
function statefulSet(over: Partial<WorkloadEvidence> = {}): TriageEvidence {
  const broken = (() => {
    const p = pod(2, { name: `${APP}-2`, revisionHash: REV6.hash, ready: false, createdAt: minutesAgo(70), startTime: minutesAgo(70) });
    return { ...p, containers: [crashLooping(p.name, terminated(2, 'Error', 3, { runSeconds: 0.2 }), 18, { image: IMAGE_V15 })] };
  })();
  const fine = [0, 1].map((i) => pod(i, { name: `${APP}-${i}`, revisionHash: REV7.hash }));
  const ev = badRollout({ kind: 'StatefulSet', podManagementPolicy: 'OrderedReady', currentRevision: 7, readyReplicas: 2, ...over }, [...fine, broken]);
  return {
    ...ev,
    target: { ...ev.target, kind: 'StatefulSet' },
    revisions: [revision(REV6, minutesAgo(72), { replicas: undefined, containers: [revisionContainer({ image: IMAGE_V15 })] }), revision(REV7, minutesAgo(20 * 24 * 60), { replicas: undefined, containers: [revisionContainer({ image: IMAGE_V14 })] })],
    hpas: [],
  };
}

describe('a StatefulSet reverted after a bad revision', () => {
  it('says the controller never replaces the broken pod of the old revision, and advises deleting it, not a rollback', () => {
    const r = buildTriageReport(statefulSet(), times);
    expect(r.headline).toContain(`${APP}-2 still runs revision 6, not the update revision 7 (it runs fine on 2 pods): a StatefulSet's rolling update waits for every pod to be Running and Ready before it replaces one, so it never replaces it`);
    expect(r.headline).toContain(`Delete ${APP}-2 so the controller recreates it on revision 7 (\`kubectl delete pod ${APP}-2 -n ${NS} --context prod-eu-west-1\``);
    expect(claims(r)).not.toMatch(ROLLBACK);
    expect(r.findings.some((f) => f.title.startsWith(`${APP}-2 still runs revision 6`))).toBe(true);
  });

  it('advises no deletion when pods are managed in Parallel: the controller replaces an unready pod itself', () => {
    const r = buildTriageReport(statefulSet({ podManagementPolicy: 'Parallel' }), times);
    expect(r.headline).not.toMatch(/never replaces|Delete payment-service-2 so/);
  });
});
