// A database that authenticates the user but refuses the commands its roles no longer grant:
// MongoDB's "not authorized on <db> to execute command" (code 13 Unauthorized), MySQL's "INSERT
// command denied to user" (1142). Writes fail while reads go on; the fix is the user's role where
// the users are managed, and no rollback of the pods restores it.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const mongoDenied = (m: number): string => JSON.stringify({
  level: 50, time: Date.parse(minutesAgo(m)),
  err: { type: 'MongoServerError', message: 'not authorized on ledger to execute command { insert: "entries", documents: [ ... ], ordered: true, $db: "ledger" }', code: 13, codeName: 'Unauthorized' },
  msg: 'POST /v1/entries failed',
});
const read = (m: number): string => JSON.stringify({ level: 30, time: Date.parse(minutesAgo(m)), req: { method: 'GET', url: '/v1/entries' }, res: { statusCode: 200 }, msg: 'request completed' });
const mysqlDenied = (m: number): string => `${minutesAgo(m)} ERROR [http-nio-8080-exec-3] o.h.e.j.s.SqlExceptionHelper : INSERT command denied to user 'ledger_app'@'10.0.3.17' for table 'entries'`;

function scenario(lines: string[], env: { name: string; value: string }[]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { startTime: minutesAgo(9 * 24 * 60), containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}
const MONGO_ENV = [{ name: 'MONGODB_URI', value: 'mongodb://ledger-app@ledger-db-0.ledger-db.payments.svc.cluster.local:27017/ledger?replicaSet=rs0' }];
const MYSQL_ENV = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://ledger-mysql.payments.svc.cluster.local:3306/ledger' }];

describe('a database refusing the commands its user\'s roles do not grant', () => {
  it('names MongoDB\'s code 13 Unauthorized on writes and restoring readWrite through whatever manages the users', () => {
    const [f] = analyzeDependencyRefusals(scenario([read(30), mongoDenied(20), read(15), mongoDenied(10), mongoDenied(2)], MONGO_ENV));
    expect(f?.title).toMatch(/^MongoDB ledger-db denies commands its user's roles do not grant: not authorized \(code 13 Unauthorized\) — writes \(insert\) on database ledger/);
    expect(f?.fix).toMatch(/readWrite on ledger/);
    expect(f?.outsideWorkload).toMatch(/rollback/);
    expect(f?.title).toMatch(/6 failed calls in the logs of 2 pods/);
  });

  it('puts the authorization refusal in the headline, never a rollback', () => {
    const report = buildTriageReport(scenario([mongoDenied(20), mongoDenied(10), mongoDenied(2)], MONGO_ENV), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/not authorized \(code 13 Unauthorized\)/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back/i);
  });

  it('names MySQL\'s command denied with the user and table, and the GRANT', () => {
    const [f] = analyzeDependencyRefusals(scenario([mysqlDenied(12), mysqlDenied(3)], MYSQL_ENV));
    expect(f?.title).toMatch(/^MySQL ledger-mysql denies statements its user's grants do not cover: command denied \(1142, no privilege\) — writes \(INSERT\) on table entries, user ledger_app/);
    expect(f?.fix).toMatch(/^GRANT INSERT ON entries TO 'ledger_app'/);
  });

  it('says nothing of one refused command', () => {
    const ev = scenario([read(8), mongoDenied(5)], MONGO_ENV);
    ev.logs = ev.logs.slice(0, 1);
    expect(analyzeDependencyRefusals(ev)).toEqual([]);
  });
});
