import { describe, expect, it } from 'vitest';
import { analyzeRecentRollout } from '../../../../src/domain/triage/analyzers/recent-rollout.js';
import { IMAGE_V14, IMAGE_V15, NODE_C, REV6, REV7, crashLooping, minutesAgo, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { badRolloutScenario, rolledBackScenario, sameRevisionElsewhereScenario } from '../scenarios/rollout.js';

describe('analyzeRecentRollout', () => {
  it('blames a revision rolled out shortly before its own pods began failing, with its diff', () => {
    const [f] = analyzeRecentRollout(badRolloutScenario());
    expect(f?.kind).toBe('recent-rollout');
    expect(f?.confidence).toBe('high');
    expect(f?.severity).toBe('critical');
    expect(f?.title).toBe('Revision 7 rolled out 25m ago, 2m before the failures began (app image 2.14.0 → 2.15.0, +4 more changes)');
    expect(f?.evidence).toContain(`app image: ${IMAGE_V14} → ${IMAGE_V15}`);
    expect(f?.evidence).toEqual(
      expect.arrayContaining([
        'change cause: deploy payment-service 2.15.0 (pipeline #4812)',
        'app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"',
        'app env LOG_LEVEL: "info" → "debug"',
        'app memory request: 512Mi → 256Mi',
        'app memory limit: 512Mi → 384Mi',
        'failing: 3/3 pods of revision 7; revision 6: 2 healthy pods',
      ]),
    );
    expect(f?.nextAction).toContain('kubectl rollout undo deployment/payment-service --to-revision=6 -n payments --context prod-eu-west-1');
    expect(f?.affected?.pods).toHaveLength(3);
  });

  it('does not blame a revision created long before the failures began', () => {
    // Revision 6 is nine days old; its pods start failing now.
    expect(analyzeRecentRollout(crashScenario(3, () => terminated(1, 'Error', 2)))).toEqual([]);
  });

  it('does not blame a new revision whose pods are healthy while old ones fail', () => {
    const ev = badRolloutScenario();
    ev.pods = ev.pods.map((p) => (p.revisionHash === REV7.hash ? { ...healthyScenario().pods[0]!, name: p.name, revisionHash: REV7.hash } : { ...p, ready: false, phase: 'Failed' as const }));
    expect(analyzeRecentRollout(ev)).toEqual([]);
  });

  it('lowers confidence to low when pods of older revisions fail too', () => {
    const ev = badRolloutScenario();
    ev.pods = ev.pods.map((p) => (p.revisionHash === REV6.hash ? { ...p, phase: 'Failed' as const, ready: false } : p));
    const [f] = analyzeRecentRollout(ev);
    expect(f?.confidence).toBe('low');
    expect(f?.severity).toBe('warning');
  });

  it('says so when the revision changed nothing it can diff (rollout restart)', () => {
    const ev = badRolloutScenario();
    const rev6 = ev.revisions.find((r) => r.revision === 6);
    ev.revisions = ev.revisions.map((r) => (r.revision === 7 && rev6 ? { ...r, containers: rev6.containers } : r));
    const [f] = analyzeRecentRollout(ev);
    expect(f?.evidence).toContain('no template change against revision 6 (a rollout restart, or labels and annotations only)');
  });

  it('never shows values of sensitive env vars', () => {
    const ev = badRolloutScenario();
    const rev7 = ev.revisions.find((r) => r.revision === 7);
    rev7?.containers[0]?.env.push({ name: 'STRIPE_API_KEY', value: 'sk_live_51Hx4mKQq2o9Xb7cVfG3dL8e' });
    const [f] = analyzeRecentRollout(ev);
    expect(f?.evidence.join('\n')).not.toContain('sk_live');
    expect(f?.evidence).toContain('app env added STRIPE_API_KEY = (value hidden)');
  });

  it('says a revision that runs fine on other nodes is not what fails, without a rollback', () => {
    const [f] = analyzeRecentRollout(sameRevisionElsewhereScenario(2));
    expect(f?.title).toBe(`Revision 7 (rolled out 30m ago) runs fine on 2 pods; its failing pods are all on node ${NODE_C}: not the rollout`);
    expect(f?.severity).toBe('info');
    expect(f?.nextAction).not.toMatch(/roll back/i);
  });

  it('never calls a later revision the first when the earlier ReplicaSets are gone (revisionHistoryLimit 0)', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.filter((r) => r.hash === REV7.hash);
    const [f] = analyzeRecentRollout(ev);
    expect(f?.title).toBe('Revision 7 rolled out 25m ago, the only revision kept: its earlier ReplicaSets are gone, so nothing to compare with or roll back to');
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction} ${f?.evidence.join(' ')}`).not.toMatch(/first install|first revision/i);
    expect(f?.nextAction).not.toMatch(/rollout undo|--to-revision/);
    expect(f?.nextAction).toContain('deploy payment-service 2.15.0 (pipeline #4812)');
  });

  it('stays silent on a healthy workload', () => {
    const ev = healthyScenario();
    ev.revisions.push({ ...ev.revisions[1]!, revision: 7, hash: REV7.hash, createdAt: minutesAgo(20) });
    expect(analyzeRecentRollout(ev)).toEqual([]);
  });

  it('dates a rollback by the undo, not by its old ReplicaSet, and advises rolling forward to what it replaced', () => {
    const ev = rolledBackScenario();
    ev.pods = ev.pods.map((p) => ({ ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 2, { runSeconds: 8 }), 6)] }));
    const [f] = analyzeRecentRollout(ev);
    expect(f?.title).toMatch(/^Revision 7 \(a rollback restoring revision 2\) rolled out 23m ago/);
    expect(f?.nextAction).toMatch(/roll forward to revision 6/i);
    expect(f?.nextAction).toContain('--to-revision=6');
    expect(f?.nextAction).not.toMatch(/roll back to/i);
    expect([f?.title, ...(f?.evidence ?? [])].join('\n')).not.toMatch(/roll ?back to/i);
  });
});
