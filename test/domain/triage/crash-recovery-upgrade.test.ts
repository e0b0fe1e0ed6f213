// A database's new version refusing the redo log its old version left unapplied: the old server was
// killed without a clean shutdown (an eviction, a preemption) and the pod made again in its place
// ran the new image a template had been holding (updateStrategy OnDelete). The headline names the
// refusal as needing crash recovery, the stop as its "since", and the way out: the old revision
// recovers its own log and shuts down cleanly, then the upgrade — never a cleared log.
import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, crashLooping, event, minutesAgo, revision, revisionContainer, setMember, terminated, workload } from './scenarios/builders.js';

const SET = 'stock-db';
const OLD = { revision: 4, hash: `${SET}-6b8d9f7c5` };
const NEW = { revision: 5, hash: `${SET}-7c9e0a8d6` };
const DAY = 24 * 60;
const times = { startedAt: NOW, finishedAt: NOW };
const MOUNTS = [{ name: 'data', mountPath: '/var/lib/mysql' }];
const image = (v: string) => `registry.example.com/db/mariadb:${v}`;

const REFUSAL = [
  '2026-11-21 3:10:02 0 [Note] Starting MariaDB 10.11.9-MariaDB source revision as process 1',
  '2026-11-21 3:10:02 0 [Note] InnoDB: Initializing buffer pool, total size = 2.000GiB',
  '2026-11-21 3:10:02 0 [ERROR] InnoDB: Upgrade after a crash is not supported. The redo log was created with MariaDB 10.4.34.',
  '2026-11-21 3:10:02 0 [ERROR] InnoDB: Plugin initialization aborted with error Generic error',
  '2026-11-21 3:10:02 0 [ERROR] Aborting',
];

/** Member 0 made again `bornAgo` minutes ago on the new revision, crash-looping with `lines`; with `evictedAgo`, its predecessor was evicted. */
function evidence(lines: string[], opts: { evictedAgo?: number; onDelete: boolean }): TriageEvidence {
  const crashing = setMember(SET, NEW.hash, 0, 25, {
    ready: false,
    containers: [crashLooping(`${SET}-0`, terminated(1, 'Error', 2, { runSeconds: 2 }), 8, { name: 'db', image: image('10.11.9'), volumeMounts: MOUNTS })],
  }, { claim: true });
  const base = baseEvidence({ pods: [crashing], services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 1, selector: { app: SET }, conditions: [], createdAt: minutesAgo(400 * DAY), currentRevision: NEW.revision, ...(opts.onDelete ? { onDelete: true } : {}) }),
    revisions: [
      revision(OLD, minutesAgo(120 * DAY), { name: `${SET}-${OLD.hash}`, containers: [revisionContainer({ name: 'db', image: image('10.4.34'), env: [] })] }),
      revision(NEW, minutesAgo(3 * DAY), { name: `${SET}-${NEW.hash}`, containers: [revisionContainer({ name: 'db', image: image('10.11.9'), env: [] })] }),
    ],
    events: [
      ...(opts.evictedAgo !== undefined ? [event({ object: { kind: 'Pod', name: `${SET}-0`, namespace: NS }, type: 'Warning', reason: 'Evicted', message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 41200Ki. Container db was using 3981220Ki, request is 3Gi, has larger consumption of memory.', count: 1, firstSeen: minutesAgo(opts.evictedAgo), lastSeen: minutesAgo(opts.evictedAgo) })] : []),
      event({ object: { kind: 'Pod', name: `${SET}-0`, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container db in pod ${SET}-0_${NS}`, count: 90, firstSeen: minutesAgo(24), lastSeen: minutesAgo(0.5) }),
    ],
    logs: [{ pod: `${SET}-0`, container: 'db', previous: true, lines }],
  };
}

describe('a new database version refusing a redo log its old version left after an unclean stop', () => {
  it('names the crash recovery, dates it by the eviction that applied the held revision, and runs the old version to recover first', () => {
    const r = buildTriageReport(evidence(REFUSAL, { evictedAgo: 26, onDelete: true }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toContain('MariaDB 10.11.9 refuses to upgrade a data directory that still needs crash recovery (its redo log is from MariaDB 10.4.34');
    expect(r.headline).toContain(`since ${SET}-0 was evicted by the kubelet 26m ago`);
    expect(r.headline).toContain('revision 5 (db image 10.4.34 → 10.11.9');
    expect(r.headline).toMatch(/Upgrade after a crash is not supported/);
    expect(r.headline).toContain(`back on revision 4 (db 10.4.34) and delete pod ${SET}-0`);
    expect(r.headline).toMatch(/innodb_fast_shutdown=0/);
    expect(r.headline).not.toMatch(/no change found/);
    const claims = [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/(delete|wipe|remove) (the )?(pvc|volume|claim|data|redo|ib_logfile)|innodb_force_recovery/i);
  });

  it('reads MySQL 8.0.30+\'s redo format refusal, and claims no stop the events do not show', () => {
    const r = buildTriageReport(evidence(['2026-11-21T03:10:02.000000Z 1 [ERROR] [MY-013902] [InnoDB] Cannot upgrade format (v1) of redo log files when redo log is not logically empty. Please use the previous version of MySQL to recover the data.', '2026-11-21T03:10:02.000000Z 0 [ERROR] [MY-010119] [Server] Aborting'], { onDelete: false }), times);
    expect(r.headline).toMatch(/refuses to upgrade a data directory that still needs crash recovery/);
    expect(r.headline).not.toMatch(/evicted/);
  });

  it('leaves other start failures of a database alone', () => {
    const r = buildTriageReport(evidence(['2026-11-21 3:10:02 0 [ERROR] InnoDB: Operating system error number 13 in a file operation.', '2026-11-21 3:10:02 0 [ERROR] Aborting'], { evictedAgo: 26, onDelete: true }), times);
    expect(r.headline).not.toMatch(/crash recovery/);
  });
});
