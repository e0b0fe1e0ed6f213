import { describe, expect, it } from 'vitest';
import { analyzeDuplicateEnv } from '../../../../src/domain/triage/analyzers/duplicate-env.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, pod, revision, revisionContainer, terminated } from '../scenarios/builders.js';

const PROD: EnvVarEvidence = { name: 'DB_HOST', value: 'postgres-primary.db.internal' };
const QA = { name: 'DB_HOST', value: 'postgres-qa.db.internal' } satisfies EnvVarEvidence;
const REST: EnvVarEvidence[] = [{ name: 'DB_PORT', value: '5432' }, { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'payment-db', key: 'password' } }];
const OLD_ENV = [PROD, ...REST];
const NEW_ENV = [PROD, ...REST, { name: 'DB_REPLICA_HOST', value: 'postgres-ro.db.internal' }, QA];

const crashLog = (host: string) => [
  `2026-11-21T03:10:01Z INFO connecting to database host=${host} port=5432 user=payments`,
  '2026-11-21T03:10:01Z ERROR startup failed: FATAL: password authentication failed for user "payments"',
];

/** Revision 7 appended a second DB_HOST; its two pods crash-loop while three pods of revision 6 serve. */
function scenario(opts: { logHost?: string; oldEnv?: EnvVarEvidence[]; withHealthy?: boolean } = {}): TriageEvidence {
  const newPods = [0, 1].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(18), startTime: minutesAgo(18) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 2 + i, { runSeconds: 2 }), 8, { env: NEW_ENV })] };
  });
  const oldPods = opts.withHealthy === false ? [] : [2, 3, 4].map((i) => pod(i, { containers: [container({ env: opts.oldEnv ?? OLD_ENV })] }));
  return baseEvidence({
    pods: [...newPods, ...oldPods],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, containers: [revisionContainer({ env: opts.oldEnv ?? OLD_ENV })] }),
      revision(REV7, minutesAgo(19), { replicas: 2, containers: [revisionContainer({ env: NEW_ENV })] }),
    ],
    logs: newPods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: crashLog(opts.logHost ?? QA.value) })),
  });
}

describe('analyzeDuplicateEnv', () => {
  it('says the revision lists an env name twice, that the last entry wins, and which value the failing pods run with', () => {
    const [f] = analyzeDuplicateEnv(scenario());
    expect(f?.kind).toBe('duplicate-env');
    expect(f?.title).toContain("Container app's env lists DB_HOST twice and the last entry wins");
    expect(f?.title).toContain('"postgres-qa.db.internal"');
    expect(f?.title).toContain('"postgres-primary.db.internal"');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toContain('password authentication failed');
    expect(f?.fix).toMatch(/remove the duplicate DB_HOST entry/);
    expect(f?.affected?.pods).toHaveLength(2);
  });

  it('is a lead, not a fact, when the logs do not name the value that won', () => {
    // Healthy pods without it do not tie the duplicate to the failure: the revision may carry a bug too.
    expect(analyzeDuplicateEnv(scenario({ logHost: 'elsewhere' }))[0]?.confidence).toBe('low');
    expect(analyzeDuplicateEnv(scenario({ logHost: 'elsewhere', withHealthy: false }))[0]?.confidence).toBe('low');
  });

  it('does not blame a duplicate the previous revision already had', () => {
    expect(analyzeDuplicateEnv(scenario({ oldEnv: NEW_ENV }))).toEqual([]);
  });

  it('says nothing when no pod fails', () => {
    const ev = scenario();
    ev.pods = ev.pods.filter((p) => p.ready);
    expect(analyzeDuplicateEnv(ev)).toEqual([]);
  });
});

describe('the verdict on an env name listed twice', () => {
  it('does not lead with a duplicate the failure does not point at (a harmless LOG_LEVEL twice, and a panic)', () => {
    const ev = scenario();
    const env = [...OLD_ENV, { name: 'LOG_LEVEL', value: 'info' }, { name: 'LOG_LEVEL', value: 'debug' }];
    for (const r of ev.revisions) if (r.revision === 7) r.containers = [revisionContainer({ env })];
    for (const p of ev.pods) if (!p.ready) p.containers = p.containers.map((c) => ({ ...c, env }));
    ev.logs = ev.logs.map((l) => ({ ...l, lines: ['panic: runtime error: invalid memory address or nil pointer dereference', '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8f5a3c]', 'goroutine 1 [running]:', 'main.(*Server).routes(0x0)'] }));
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/lists LOG_LEVEL twice/);
    expect(report.headline).toMatch(/nil pointer|panic|exit/i);
  });

  it('leads with the duplicate, not with a Secret to re-read, and rolls back meanwhile', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \([^)]*app env DB_HOST added a second time\): Container app's env lists DB_HOST twice/);
    expect(report.headline).toContain('password authentication failed');
    expect(report.headline).toContain('Roll back to revision 6, or remove the duplicate DB_HOST entry');
    expect(report.headline).not.toMatch(/restart the pods/);
  });
});
