import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { findConfigFileSettings } from '../../../../src/domain/triage/server-config-file.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

// A MySQL client rejects a statement bigger than the server's max_allowed_packet: the setting is
// the server's, kept in the config file a ConfigMap mounts into its pod.
const TOO_BIG = "Caused by: com.mysql.cj.jdbc.exceptions.PacketTooBigException: Packet for query is too large (6,817,245 > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.";
const env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://orders-db:3306/orders?rewriteBatchedStatements=true' }];

function withServerPod(config?: { configMap: string; key: string; setting: string; value: string }[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const db = pod(7, { name: 'orders-db-0', labels: { app: 'orders-db' }, containers: [container({ name: 'mysql' })] });
  db.volumes = [{ name: 'config', source: 'configMap', ref: 'orders-db-cnf' }, { name: 'creds', source: 'secret', ref: 'orders-db-root' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['upsert failed', TOO_BIG, TOO_BIG] })),
    dependencyPods: [{ service: 'orders-db', pod: db, logs: [], ...(config ? { config } : {}) }],
  });
}

describe('a dependency server that refuses at a setting kept in its mounted config file', () => {
  it('asks for one pod of the MySQL whose max_allowed_packet the statements exceed', () => {
    const ev = withServerPod();
    expect(listRefusingServices({ logs: ev.logs, pods: ev.pods, target: ev.target })).toEqual(['orders-db']);
  });

  it("asks for the ConfigMaps the server's pod mounts (never its Secrets), only for the setting named", () => {
    const ev = withServerPod();
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'orders-db', configMaps: ['orders-db-cnf'], settings: ['max_allowed_packet'] }]);
  });

  it('names the server and the value its ConfigMap sets, and advises raising it there', () => {
    const [f] = analyzeDependencyRefusals(withServerPod([{ configMap: 'orders-db-cnf', key: 'my.cnf', setting: 'max_allowed_packet', value: '4M' }]));
    expect(f?.title).toMatch(/MySQL orders-db refuses/);
    expect(f?.title).toMatch(/orders-db-cnf sets max_allowed_packet = 4M/);
    expect(f?.evidence.join('\n')).toMatch(/ConfigMap orders-db-cnf \(my\.cnf\) sets max_allowed_packet = 4M/);
    expect(f?.nextAction).toMatch(/raise max_allowed_packet in ConfigMap orders-db-cnf/);
  });

  it('puts that server in the headline instead of the generic error lines', () => {
    const report = buildTriageReport(withServerPod([{ configMap: 'orders-db-cnf', key: 'my.cnf', setting: 'max_allowed_packet', value: '4M' }]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/orders-db/);
    expect(report.headline).toMatch(/max_allowed_packet/);
  });
});

describe('when the refused statements began', () => {
  it("dates them by the stack trace's header line, so a rollout before them can be tested as the trigger", () => {
    const ev = withServerPod();
    for (const l of ev.logs) l.lines = ['2026-11-21T01:40:00.000Z ERROR upsert failed', 'org.springframework.dao.TransientDataAccessResourceException: x', TOO_BIG, '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal', '2026-11-21T01:52:00.000Z ERROR upsert failed', TOO_BIG];
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.onset).toBe('2026-11-21T01:40:00.000Z');
  });
});

describe('how many calls were refused', () => {
  it("counts one call per stack trace, though its wrapper and its Caused by both carry the server's words", () => {
    const ev = withServerPod();
    const WRAPPED = "org.springframework.dao.TransientDataAccessResourceException: PreparedStatementCallback; SQL [insert into order_lines values (?, ?, ?)]; Packet for query is too large (6,817,245 > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.";
    const call = (t: string) => [`${t} ERROR 1 --- [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception`, WRAPPED, '\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:105)', TOO_BIG, '\t... 87 common frames omitted'];
    for (const l of ev.logs) l.lines = [...call('2026-11-21T01:40:00.000Z'), ...call('2026-11-21T01:52:00.000Z')];
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/— 4 refused calls in the logs of 2 pods/);
  });

  it('counts each line as a call when the lines carry no time to group them by', () => {
    const [f] = analyzeDependencyRefusals(withServerPod());
    expect(f?.title).toMatch(/— 4 refused calls in the logs of 2 pods/);
  });
});

describe('settings in a server config file', () => {
  it('reads my.cnf, postgresql.conf and redis.conf forms, dashes and underscores alike, comments dropped', () => {
    const data = {
      'my.cnf': '[mysqld]\nmax_connections = 500\n# max_allowed_packet = 1G\nmax-allowed-packet=4M  # old\n',
      'redis.conf': 'maxmemory 2gb\n',
      'postgresql.conf': "shared_buffers = '1GB'\n",
    };
    expect(findConfigFileSettings(data, ['max_allowed_packet', 'maxmemory', 'shared_buffers', 'absent'])).toEqual([
      { key: 'my.cnf', setting: 'max_allowed_packet', value: '4M' },
      { key: 'redis.conf', setting: 'maxmemory', value: '2gb' },
      { key: 'postgresql.conf', setting: 'shared_buffers', value: '1GB' },
    ]);
  });
});
