// A Postgres server process killed (signal 9: the OOM killer) or crashed: the postmaster resets
// every connection (57P02) and refuses new ones while it recovers (57P03). The server's own log
// names the process and the signal; the Job that talks to that database and started just before
// the reset is the trigger, and no rollback of the clients is offered.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { NamespaceJobEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const URL = 'postgres://ledger_app@ledger-pg.payments.svc.cluster.local:5432/ledger';
const reset = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"request failed","status":500,"error":"FATAL: terminating connection because of crash of another server process (SQLSTATE 57P02)"}`;
const recovering = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"request failed","status":500,"error":"server error: FATAL: the database system is in recovery mode (SQLSTATE 57P03)"}`;
const KILLED = '2026-11-21 02:50:00.000 UTC [1] LOG:  server process (PID 40211) was terminated by signal 9: Killed';

function scenario(jobs: NamespaceJobEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: URL }] })] }));
  const db = pod(7, { name: 'ledger-pg-0', labels: { app: 'ledger-pg' }, containers: [container({ name: 'postgres' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [reset(10), reset(10), recovering(10)] })),
    dependencyPods: [{ service: 'ledger-pg', pod: db, logs: [{ pod: 'ledger-pg-0', container: 'postgres', previous: false, lines: [KILLED] }] }],
    namespaceJobs: { jobs, complete: true },
  });
}

describe('a Postgres server process killed by signal 9', () => {
  const report = { name: 'ledger-report-adhoc', createdAt: minutesAgo(16), state: 'failed' as const, finishedAt: minutesAgo(10), commandAndEnv: ['report', `DATABASE_URL=postgres://report@ledger-pg.payments.svc.cluster.local:5432/ledger`] };

  it("names the database, the killed process and its signal from the server's log, and the Job that ran before", () => {
    const [f] = analyzeDependencyRefusals(scenario([report]));
    expect(f?.title).toMatch(/^PostgreSQL ledger-pg refuses connections while it recovers from a server process that died/);
    expect(f?.title).toContain('server process (PID 40211) was terminated by signal 9: Killed');
    expect(f?.title).toContain('Job ledger-report-adhoc');
    expect(f?.fix).toMatch(/ledger-report-adhoc's query off this server.*work_mem/);
    expect(f?.title).not.toMatch(/OOMKilled/);
  });

  it('offers no rollback of the clients', () => {
    const r = buildTriageReport(scenario([report]), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/PostgreSQL ledger-pg/);
    expect(r.headline).not.toMatch(/roll ?back/i);
  });
});
