// MySQL closes connections left idle past its wait_timeout ("Got timeout reading communication
// packets"); a pool that keeps them longer hands a dead one to a request, which fails with
// Connector/J's "Communications link failure … last packet … ms ago". The server's log (read one
// hop away) and the my.cnf its ConfigMap mounts name the timeout and when it changed.
import { describe, expect, it } from 'vitest';
import { analyzeMysqlWaitTimeout } from '../../../../src/domain/triage/analyzers/mysql-wait-timeout.js';
import { findIdleAges, listWaitTimeoutConfigReads, pickClosingMysql } from '../../../../src/domain/triage/mysql-wait-timeout.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ServerConfigEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const ENV = [{ name: 'SPRING_DATASOURCE_URL', value: `jdbc:mysql://orders-mysql-0.orders-mysql.${NS}.svc.cluster.local:3306/orders` }];
const clientLines = [70_112, 83_904, 95_210].flatMap((ms) => [
  `${minutesAgo(ms / 10_000)} WARN HikariPool-1 - Failed to validate connection com.mysql.cj.jdbc.ConnectionImpl@5f1a (No operations allowed after connection closed.). Possibly consider using a shorter maxLifetime value.`,
  `${minutesAgo(ms / 10_000)} ERROR Request processing failed: org.springframework.dao.DataAccessResourceFailureException: Communications link failure`,
  `The last packet successfully received from the server was ${ms.toLocaleString('en-US')} milliseconds ago. The last packet sent successfully to the server was ${(ms + 1).toLocaleString('en-US')} milliseconds ago.`,
]);
const serverLines = [
  `${minutesAgo(130)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'`,
  ...[40, 25, 9].map((m) => `${minutesAgo(m)} 18${m} [Note] [MY-010914] [Server] Aborted connection 18${m} to db: 'orders' user: 'app' host: '10.0.0.${m}' (Got timeout reading communication packets).`),
];

function scenario(opts: { server?: string[]; config?: ServerConfigEvidence[] } = {}): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  const db = pod(7, { name: 'orders-mysql-0', labels: { app: 'orders-mysql' }, containers: [container({ name: 'mysql' })] });
  db.volumes = [{ name: 'config', source: 'configMap', ref: 'orders-mysql-config' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: clientLines })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'orders-mysql-config', createdAt: minutesAgo(90_000), changedAt: minutesAgo(132) }],
    ...(opts.server ? { dependencyPods: [{ service: 'orders-mysql', pod: db, logs: [{ pod: db.name, container: 'mysql', previous: false, lines: opts.server }], ...(opts.config ? { config: opts.config } : {}) }] } : {}),
  });
}
const CNF: ServerConfigEvidence[] = [{ configMap: 'orders-mysql-config', key: 'my.cnf', setting: 'wait_timeout', value: '60' }];

describe('MySQL closing pooled connections at wait_timeout', () => {
  it('asks for one pod of the MySQL its connections failed on, then the ConfigMap it mounts', () => {
    const ev = scenario({ server: serverLines });
    expect(pickClosingMysql(ev)).toBe('orders-mysql');
    expect(listWaitTimeoutConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'orders-mysql', configMaps: ['orders-mysql-config'], settings: ['wait_timeout', 'interactive_timeout'] }]);
  });

  it('reads the idle ages Connector/J reports', () => {
    expect(findIdleAges(clientLines)).toEqual([70_112, 83_904, 95_210]);
  });

  it('names the timeout, its ConfigMap and when it changed, and the idle ages that outlast it', () => {
    const [f] = analyzeMysqlWaitTimeout(scenario({ server: serverLines, config: CNF }));
    expect(f?.title).toMatch(/^MySQL orders-mysql closes connections idle longer than its wait_timeout = 60s \(ConfigMap orders-mysql-config changed 2h 12m ago\)/);
    expect(f?.title).toMatch(/idle 70s–95s/);
    expect(f?.fix).toMatch(/ConfigMap orders-mysql-config/);
    expect(f?.likelyCause).toMatch(/rollback or a restart of the client changes nothing/);
  });

  it('heads the report with the timeout and the ConfigMap, not the generic error lines', () => {
    const report = buildTriageReport(scenario({ server: serverLines, config: CNF }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/wait_timeout = 60s/);
    expect(report.headline).toMatch(/orders-mysql-config/);
    expect(report.headline).not.toMatch(/roll back/i);
  });

  it('says nothing when the server did not close them for idleness', () => {
    expect(analyzeMysqlWaitTimeout(scenario({ server: [serverLines[0] ?? ''] }))).toEqual([]);
    expect(analyzeMysqlWaitTimeout(scenario())).toEqual([]);
  });
});
