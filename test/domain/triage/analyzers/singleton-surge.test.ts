import { describe, expect, it } from 'vitest';
import { analyzeSingletonSurge } from '../../../../src/domain/triage/analyzers/singleton-surge.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { DeploymentRolloutEvidence } from '../../../../src/domain/triage/evidence-rollout.js';
import {
  IMAGE_V15, NODE_A, NODE_B, NOW, baseEvidence, container, crashLooping, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload,
} from '../scenarios/builders.js';

const OLD = { revision: 4, hash: '6b8f7d5c9a' };
const NEW = { revision: 5, hash: '9d7c5b8f6e' };

const SLOT_REFUSED = (t: number) => `{"level":"fatal","time":"${minutesAgo(t)}","msg":"exiting","error":"start replication: ERROR: replication slot \\"ledger_sync\\" is active for PID 30517 (SQLSTATE 55006)"}`;
const QUEUE_REFUSED = (t: number) => `${minutesAgo(t)} ERROR consumer: Exception (403) Reason: "ACCESS_REFUSED - queue 'invoice-events' in vhost '/' in exclusive use"`;

/**
 * A one-replica consumer mid-rollout: the old pod streams from a one-holder resource, the new one
 * (started beside it) is refused at every start and crash-loops.
 */
function surging(opts: {
  settings?: DeploymentRolloutEvidence;
  replicas?: number;
  crashes?: number;
  refusal?: (t: number) => string;
  changeCause?: string;
  oldRefused?: boolean;
} = {}): TriageEvidence {
  const refusal = opts.refusal ?? SLOT_REFUSED;
  const old = pod(0, { revisionHash: OLD.hash, nodeName: NODE_A, createdAt: minutesAgo(9 * 24 * 60), startTime: minutesAgo(9 * 24 * 60) });
  const crashed = crashLooping(podName(NEW.hash, 1), terminated(1, 'Error', 2, { runSeconds: 2 }), opts.crashes ?? 9);
  const fresh = pod(1, { revisionHash: NEW.hash, nodeName: NODE_B, ready: false, createdAt: minutesAgo(40), startTime: minutesAgo(40), containers: [crashed] });
  return baseEvidence({
    pods: [old, fresh],
    workload: workload({
      specReplicas: opts.replicas ?? 1, replicas: 2, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, currentRevision: NEW.revision,
      rolloutSettings: opts.settings ?? { strategy: 'RollingUpdate', maxSurge: '1', maxUnavailable: '0' },
    }),
    revisions: [
      revision(OLD, minutesAgo(9 * 24 * 60), { replicas: 1 }),
      revision(NEW, minutesAgo(41), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })], ...(opts.changeCause ? { changeCause: opts.changeCause } : {}) }),
    ],
    hpas: [],
    logs: [
      { pod: fresh.name, container: 'app', previous: true, lines: [`{"level":"info","time":"${minutesAgo(2.1)}","msg":"connected","server_pid":30911}`, refusal(2)] },
      { pod: old.name, container: 'app', previous: false, lines: [
        `{"level":"info","time":"${minutesAgo(9 * 24 * 60)}","msg":"replication connection established","server_pid":30517}`,
        `{"level":"info","time":"${minutesAgo(9 * 24 * 60)}","msg":"streaming started","slot":"ledger_sync"}`,
        ...(opts.oldRefused ? [refusal(5)] : []),
        `{"level":"info","time":"${minutesAgo(1)}","msg":"standby status update","lag_ms":120}`,
      ] },
    ],
  });
}

describe('analyzeSingletonSurge', () => {
  it('names the slot, the old pod that holds it (its PID, from its own log) and the surge that starts the new pod beside it', () => {
    const [f] = analyzeSingletonSurge(surging());
    expect(f?.title).toBe(`PostgreSQL replication slot ledger_sync takes one holder at a time and is held by the old pod ${podName(OLD.hash, 0)} (revision 4, backend PID 30517): strategy RollingUpdate (maxSurge 1, maxUnavailable 0) starts revision 5's pod beside it, so the new pod ${podName(NEW.hash, 1)} is refused and exits at every start (9 restarts)`);
    expect(f?.decisive).toBe('replication slot "ledger_sync" is active for PID 30517 (SQLSTATE 55006)');
    expect(f?.evidence.some((e) => e.startsWith('its own log shows it took PostgreSQL replication slot ledger_sync:') && e.includes('"server_pid":30517'))).toBe(true);
    expect(f?.fix).toMatch(/^set strategy Recreate on deployment\/payment-service \(or have the consumer wait on a leader lock\)/);
    expect(f?.confidence).toBe('high');
    // A rollback restores the template, not the strategy.
    expect(f?.noRollback).toMatch(/not the strategy/);
    expect(f?.evidence).toContain('ReplicaSets do not record the strategy: whether revision 5 changed it (a singleton\'s earlier rollouts would have met the same holder), the Deployment\'s source says');
  });

  it('makes the strategy the headline\'s mechanism and Recreate the action, never a rollback', () => {
    const report = buildTriageReport(surging(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 5 \(41m ago: app image 2\.14\.0 → 2\.15\.0\): PostgreSQL replication slot ledger_sync takes one holder at a time/);
    expect(report.headline).toMatch(/strategy RollingUpdate \(maxSurge 1, maxUnavailable 0\)/);
    expect(report.headline).toMatch(/Set strategy Recreate on deployment\/payment-service/);
    expect(report.headline).not.toMatch(/Roll back/);
  });

  it('reads a queue consumed exclusively the same way, with the defaults named when the surge is not written', () => {
    const [f] = analyzeSingletonSurge(surging({ refusal: QUEUE_REFUSED, settings: { strategy: 'RollingUpdate' } }));
    expect(f?.title).toMatch(/^RabbitMQ exclusive queue invoice-events takes one holder at a time and is held by the old pod \S+ \(revision 4\): strategy RollingUpdate \(maxSurge 25% \(the default\), maxUnavailable 25% \(the default\)\)/);
  });

  it('reads a leader lock the new pod keeps retrying, without a crash, from three refusals', () => {
    const ev = surging({ crashes: 0, refusal: () => '' });
    const fresh = ev.pods[1]?.name ?? '';
    const refusals = [3, 2, 1].map((t) => `${minutesAgo(t)} WARN could not acquire advisory lock "nightly-export" (held by pid 8812), retrying in 30s`);
    const [f] = analyzeSingletonSurge({ ...ev, logs: [...ev.logs.filter((l) => l.pod !== fresh), { pod: fresh, container: 'app', previous: false, lines: refusals }] });
    expect(f?.title).toMatch(/^Leader\/advisory lock nightly-export takes one holder at a time and is held by the old pod \S+ \(revision 4, holder 8812\): .* so the new pod \S+ is refused \(3 times in its logs\)$/);
  });

  it('says so when the revision\'s change-cause names the strategy, and points at a chart it moved to', () => {
    const [f] = analyzeSingletonSurge(surging({ changeCause: 'switch to RollingUpdate maxSurge 1' }));
    expect(f?.title).toMatch(/revision 5's change-cause names the strategy \("switch to RollingUpdate maxSurge 1"\)$/);
    expect(f?.datesChange).toBe(true);
    const [g] = analyzeSingletonSurge(surging({ changeCause: 'deploy 2.15.0 (chart: base-service 2.0.0)' }));
    expect(g?.evidence).toContain('revision 5 changed the chart that renders deployment/payment-service (change-cause "deploy 2.15.0 (chart: base-service 2.0.0)"): a chart sets the strategy too');
    expect(g?.likelyCause).toMatch(/check whether it changed the strategy \(from Recreate\)/);
  });

  it('says nothing under strategy Recreate, or a surge of 0: the old pod stops first', () => {
    expect(analyzeSingletonSurge(surging({ settings: { strategy: 'Recreate' } }))).toEqual([]);
    expect(analyzeSingletonSurge(surging({ settings: { strategy: 'RollingUpdate', maxSurge: '0', maxUnavailable: '1' } }))).toEqual([]);
  });

  it('says nothing when more replicas are wanted: they share the resource whatever the rollout', () => {
    expect(analyzeSingletonSurge(surging({ replicas: 2 }))).toEqual([]);
  });

  it('says nothing when the old pod is refused too, or of one refusal from a pod that does not crash-loop on it', () => {
    expect(analyzeSingletonSurge(surging({ oldRefused: true }))).toEqual([]);
    expect(analyzeSingletonSurge(surging({ crashes: 1 }))).toEqual([]);
  });
});
