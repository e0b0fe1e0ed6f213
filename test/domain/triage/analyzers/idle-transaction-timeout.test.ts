// Postgres terminates sessions left idle inside an open transaction past its
// idle_in_transaction_session_timeout: the client only sees "server closed the connection
// unexpectedly" at its next statement. The database's own log (read one hop away) names the
// timeout and its reload line the value; the client's log times the slow call it held the
// transaction open across. The fix is the transaction's scope (or the timeout for that role), never
// a rollback of the client.
import { describe, expect, it } from 'vitest';
import { analyzeIdleTransactionTimeout } from '../../../../src/domain/triage/analyzers/idle-transaction-timeout.js';
import { findIdleWaits, listTimeoutConfigReads, parseTimeSetting, pickClosingDatabase } from '../../../../src/domain/triage/idle-transaction-timeout.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ServerConfigEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const pyTime = (m: number): string => minutesAgo(m).replace('T', ' ').replace('Z', '').replace('.', ',');
const pgTime = (m: number): string => minutesAgo(m).replace('T', ' ').replace('Z', ' UTC');
const ENV = [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://invoice_runner@billing-pg.payments.svc.cluster.local:5432/billing' }];

const failure = (m: number, took: number): string[] => [
  `${pyTime(m)} INFO worker: finalizing INV-${m}: locked invoice row`,
  `${pyTime(m - 0.01)} INFO tax: POST https://tax.example/api/v2/transactions (INV-${m})`,
  `${pyTime(m - took / 60)} INFO tax: tax calculated for INV-${m} in ${took}.2s`,
  `${pyTime(m - took / 60 - 0.01)} ERROR worker: finalizing INV-${m} failed, will retry in 300s`,
  'Traceback (most recent call last):',
  'psycopg2.OperationalError: server closed the connection unexpectedly',
  '\tThis probably means the server terminated abnormally',
  'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly',
];
const clientLines = [...failure(40, 41), ...failure(25, 36), ...failure(9, 48)];
const serverLines = [
  `${pgTime(190)} [1] LOG:  received SIGHUP, reloading configuration files`,
  `${pgTime(190)} [1] LOG:  parameter "idle_in_transaction_session_timeout" changed to "30s"`,
  ...[38, 24, 8].map((m) => `${pgTime(m)} [4821${m}] invoice_runner@billing FATAL:  terminating connection due to idle-in-transaction timeout`),
];

function scenario(opts: { server?: string[]; config?: ServerConfigEvidence[]; client?: string[] } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  const db = pod(7, { name: 'billing-pg-0', labels: { app: 'billing-pg' }, containers: [container({ name: 'postgres', args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'] })] });
  db.volumes = [{ name: 'config', source: 'configMap', ref: 'billing-pg-config' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: opts.client ?? clientLines })),
    ...(opts.server ? { dependencyPods: [{ service: 'billing-pg', pod: db, logs: [{ pod: db.name, container: 'postgres', previous: false, lines: opts.server }], ...(opts.config ? { config: opts.config } : {}) }] } : {}),
  });
}

describe('Postgres terminating sessions idle in a transaction', () => {
  it('asks for one pod of the database whose connections the logs say were closed, then its mounted ConfigMap', () => {
    const ev = scenario({ server: serverLines });
    expect(pickClosingDatabase(ev)).toBe('billing-pg');
    expect(listTimeoutConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'billing-pg', configMaps: ['billing-pg-config'], settings: ['idle_in_transaction_session_timeout'] }]);
  });

  it('names the setting, its value and when it was set, the waits that outlast it, and the fix in the client', () => {
    const [f] = analyzeIdleTransactionTimeout(scenario({ server: serverLines, config: [{ configMap: 'billing-pg-config', key: 'postgresql.conf', setting: 'idle_in_transaction_session_timeout', value: '30s' }] }));
    expect(f?.title).toMatch(/^PostgreSQL billing-pg ends transactions left idle/);
    expect(f?.title).toMatch(/idle_in_transaction_session_timeout = 30s/);
    expect(f?.title).toMatch(/set 3h 10m ago/);
    expect(f?.title).toMatch(/36\.2s–48\.2s/);
    expect(f?.evidence.join('\n')).toMatch(/ConfigMap billing-pg-config \(postgresql\.conf\) sets idle_in_transaction_session_timeout = 30s/);
    expect(f?.fix).toMatch(/commit/);
    expect(f?.fix).toMatch(/ALTER ROLE invoice_runner SET idle_in_transaction_session_timeout/);
    expect(f?.fix).toMatch(/ConfigMap billing-pg-config/);
    expect(f?.likelyCause).toMatch(/rollback or a restart changes nothing/);
  });

  it('puts the timeout in the headline instead of the generic error lines, with no rollback', () => {
    const report = buildTriageReport(scenario({ server: serverLines }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/idle_in_transaction_session_timeout/);
    expect(report.headline).toMatch(/30s/);
    expect(report.headline).not.toMatch(/roll back/i);
  });

  it('says nothing when the database did not terminate them (a crash, a restart)', () => {
    expect(analyzeIdleTransactionTimeout(scenario({ server: [`${pgTime(5)} [1] LOG:  database system is ready to accept connections`] }))).toEqual([]);
    expect(analyzeIdleTransactionTimeout(scenario())).toEqual([]);
  });

  it('reads a driver that relays the FATAL itself, without the database read', () => {
    const relayed = ['org.postgresql.util.PSQLException: FATAL: terminating connection due to idle-in-transaction timeout', 'org.postgresql.util.PSQLException: FATAL: terminating connection due to idle-in-transaction timeout'];
    const [f] = analyzeIdleTransactionTimeout(scenario({ client: relayed }));
    expect(f?.title).toMatch(/idle_in_transaction_session_timeout/);
    expect(f?.confidence).toBe('medium');
  });
});

describe('reading the timeout and the waits', () => {
  it('takes Postgres units, milliseconds when none is written', () => {
    expect(parseTimeSetting('30s')).toBe(30_000);
    expect(parseTimeSetting("'5min'")).toBe(300_000);
    expect(parseTimeSetting('30000')).toBe(30_000);
  });

  it('counts only work timed before a closed connection and longer than the timeout, never a retry delay', () => {
    const w = findIdleWaits([{ pod: 'p', container: 'app', previous: false, lines: clientLines }], 30_000);
    expect(w?.minMs).toBe(36_200);
    expect(w?.maxMs).toBe(48_200);
    expect(w?.count).toBe(3);
  });
});
