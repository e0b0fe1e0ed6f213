import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EnvVarEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace('.', ',');
const RESETS = ['SSL SYSCALL error: Connection reset by peer', 'server closed the connection unexpectedly', 'SSL SYSCALL error: EOF detected'];

const env = (host: string): EnvVarEvidence[] => [
  { name: 'DB_HOST', value: host },
  { name: 'DB_PORT', value: '5432' },
  { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'payment-db', key: 'password' } },
  { name: 'SQLALCHEMY_POOL_RECYCLE', value: '3600' },
  { name: 'SQLALCHEMY_POOL_PRE_PING', value: 'false' },
];

/** A burst of failed first queries at `m` minutes ago, then the retries served. */
function burst(m: number, failed: number): string[] {
  return [
    ...Array.from({ length: failed }, (_, k) => `${stamp(m - k * 0.01)} ERROR [payments.api] POST /v1/charges failed: (psycopg2.OperationalError) ${RESETS[k % RESETS.length] ?? ''}`),
    ...Array.from({ length: failed + 2 }, (_, k) => `INFO:     10.0.4.${20 + k}:5123${k} - "POST /v1/charges HTTP/1.1" 200 OK`),
  ];
}

/** Revision 7, two days ago, moved the database to another network; since, the first queries after each quiet spell fail. */
function idleDropsScenario(at: (pod: number) => number[] = (i) => [70 - i, 52 - i, 37 - i, 21 - i, 6 - i]): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, containers: [container({ env: env('payments-db.shared.example.internal') })] }));
  const base = baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, currentRevision: 7 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: at(i).flatMap((m, k) => burst(m, 1 + ((i + k) % 3))) })),
  });
  const old = revision(base.revisions[1]!, base.revisions[1]!.createdAt, { containers: [revisionContainer({ env: env('payments-db.cx1.eu-west-1.rds.amazonaws.com') })] });
  return { ...base, revisions: [base.revisions[0]!, old, revision(REV7, minutesAgo(2 * 24 * 60), { replicas: 3, containers: [revisionContainer({ env: env('payments-db.shared.example.internal') })] })] };
}

describe('pooled connections dropped while idle', () => {
  it('reads resets on the first queries after each lull, with retries served, as idle connections dropped on the path, quoting the pool settings', () => {
    const [f, ...rest] = analyzeDependencyErrors(idleDropsScenario());
    expect(rest).toEqual([]);
    expect(f?.id).toBe('dependency-error/idle-dropped/unknown');
    expect(f?.title).toMatch(/dropped while idle/);
    expect(f?.title).toMatch(/15 bursts in 3 pods/);
    expect(f?.title).toContain('SQLALCHEMY_POOL_RECYCLE=3600');
    expect(f?.title).toContain('SQLALCHEMY_POOL_PRE_PING=false');
    expect(f?.title).toMatch(/revision 7 \(2d ago\) moved DB_HOST to "payments-db.shared.example.internal"/);
    expect(f?.likelyCause).toMatch(/NAT gateway/);
    expect(f?.evidence).toContain('revision 7 (2d ago) changed DB_HOST: "payments-db.cx1.eu-west-1.rds.amazonaws.com" → "payments-db.shared.example.internal"');
    expect(f?.fix).toMatch(/pre-ping|validate/);
    expect(f?.fix).toMatch(/350 ?s/);
  });

  it('heads the verdict with it and dates it by the path change, not "no change found"', () => {
    const report = buildTriageReport(idleDropsScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/dropped while idle/);
    expect(report.headline).not.toMatch(/no change found/);
    expect(report.headline.length).toBeLessThanOrEqual(720);
  });

  it('keeps the plain reset reading when the resets do not follow lulls (a steady stream of them)', () => {
    const [f] = analyzeDependencyErrors(idleDropsScenario((i) => Array.from({ length: 12 }, (_, k) => 30 - k * 2 - i * 0.3)));
    expect(f?.id).toMatch(/^dependency-error\/reset\//);
  });
});
