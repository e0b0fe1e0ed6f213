// A database server upgraded under an unchanged client whose queries use, unquoted, a word the new
// version reserves (MySQL 8.0: groups, window, rank…): every such query fails with a syntax error
// "near" that word. The word is the mechanism; the server's rollout, read from its StatefulSet's
// revisions, is the "since"; the fix is to quote the identifier in the client.
import { describe, expect, it } from 'vitest';
import type { DependencyPodEvidence } from '../../../src/domain/triage/evidence-server-config.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { listUpgradedServerServices } from '../../../src/domain/triage/server-upgrade.js';
import { explainReservedWordSyntax } from '../../../src/domain/triage/sql-reserved-word.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { NOW, baseEvidence, container, pod } from './scenarios/builders.js';
import { serverPod, serverRevision as revision } from './scenarios/upgraded-server.js';

const DAY = 24 * 60;

const mysqlError = (near: string): string => `sqlalchemy.exc.ProgrammingError: (pymysql.err.ProgrammingError) (1064, "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line 1")`;

function mysqlLog(near: string): string[] {
  const out = ['2026-11-20 09:00:00,000 INFO app: started'];
  for (let i = 0; i < 5; i++) out.push(`2026-11-21 03:0${i}:10,000 ERROR app.views: query failed`, 'Traceback (most recent call last):', mysqlError(near));
  return out;
}

function mysqlScenario(near: string, env: { name: string; value: string }[], server?: DependencyPodEvidence): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: mysqlLog(near) })), ...(server ? { dependencyPods: [server] } : {}) });
}

// The database's name comes first: a variable that names the database, a user or a port is no address.
const HOST_ENV = [{ name: 'DB_NAME', value: 'catalog' }, { name: 'DB_USER', value: 'app' }, { name: 'DB_HOST', value: 'catalog-db.payments.svc.cluster.local' }];
const NEAR_GROUPS = 'groups, title FROM teams WHERE org_id = 7';
const upgraded = () => serverPod('catalog-db', 'mysql:8.0.36', { current: revision('catalog-db', 4, 'abc123', 45, 'mysql:8.0.36'), previous: revision('catalog-db', 3, 'def456', 120 * DAY, 'mysql:5.7.42') });

describe('a MySQL upgraded to 8.0 under a client that uses a newly reserved word', () => {
  it('asks for the pod of the Service a host variable names', () => {
    expect(listUpgradedServerServices(mysqlScenario(NEAR_GROUPS, HOST_ENV))).toEqual(['catalog-db']);
  });

  it('asks for the pod of the Service a DSN names', () => {
    expect(listUpgradedServerServices(mysqlScenario(NEAR_GROUPS, [{ name: 'DATABASE_URL', value: 'mysql+pymysql://app@catalog-db:3306/catalog' }]))).toEqual(['catalog-db']);
  });

  it('names the reserved word as the mechanism and the server\'s rollout as the since, with the fix in the client', () => {
    const ev = mysqlScenario(NEAR_GROUPS, HOST_ENV, upgraded());
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toMatch(/`groups`.*reserved.*MySQL 8\.0.*1064.*since StatefulSet catalog-db rolled to revision 4 45m ago \(.*5\.7\.42 → 8\.0\.36\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.noRollback).toBeDefined();
    expect(f?.fix).toMatch(/quote/i);
    expect(f?.nextAction).toMatch(/downgrade/i);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/groups.*since StatefulSet catalog-db rolled to revision 4/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('still names the word, and where to look, without the server\'s revisions', () => {
    const [f] = findUnexplained(mysqlScenario(NEAR_GROUPS, HOST_ENV, serverPod('catalog-db', 'mysql:8.0.36')), []);
    expect(f?.title).toMatch(/`groups`.*reserved/);
    expect(f?.title).not.toMatch(/since StatefulSet/);
    expect(f?.likelyCause).toMatch(/rollout history/);
  });

  it('reads PostgreSQL\'s "syntax error at or near" too', () => {
    const d = explainReservedWordSyntax(['psycopg2.errors.SyntaxError: syntax error at or near "lateral"'], []);
    expect(d?.summary).toMatch(/`lateral`.*reserved.*PostgreSQL/);
  });

  it('leaves a syntax error near an ordinary word (a typo in the app) to the other readings', () => {
    expect(explainReservedWordSyntax([mysqlError('FORM teams WHERE org_id = 7')], [])).toBeUndefined();
    expect(explainReservedWordSyntax([mysqlError('FROM teams WHERE org_id = 7')], [])).toBeUndefined();
  });
});
