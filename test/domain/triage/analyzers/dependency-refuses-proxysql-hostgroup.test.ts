// A SQL proxy in front of a MySQL pair whose writer hostgroup holds only a server it shunned: every
// write waits out its connect timeout and fails (ProxySQL error 9001) while reads, routed to another
// hostgroup, work and the pods stay Ready. A few such lines are decisive: the proxy's own log (its
// HG status) names the server it still sends the hostgroup's queries to, and its state.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const ENV = [{ name: 'DATABASE_DSN', value: 'shop@tcp(sql-proxy.payments.svc.cluster.local:6033)/shop?parseTime=true' }];
const refused = (m: number) => `{"time":"${minutesAgo(m)}","level":"ERROR","msg":"POST /v1/orders","status":500,"error":"insert order: Error 9001 (HY000): Max connect timeout reached while reaching hostgroup 1 after 10000ms"}`;
const served = (m: number) => `{"time":"${minutesAgo(m)}","level":"INFO","msg":"GET /v1/orders","status":200}`;
const HG = `MySQL_Session.cpp:7423:handler_again___status_CONNECTING_SERVER(): [ERROR] Max connect timeout reached while reaching hostgroup 1 after 10000ms . HG status: [{"ConnERR":"4","ConnFree":"0","ConnOK":"0","host":"172.20.4.7","hostgroup":"1","port":"3306","status":"SHUNNED"}]`;
const SHUN = 'MySQL_Monitor.cpp:2570:monitor_ping(): [ERROR] Server 172.20.4.7:3306 missed 3 heartbeats, shunning it and killing all the connections. Disabling other checks until the node comes back online.';

function scenario(proxyLines: string[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  const proxy = pod(7, { name: 'sql-proxy-6c9f8-abcde', labels: { app: 'sql-proxy' }, containers: [container({ name: 'proxy' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [served(9), refused(6), refused(3), served(1)] })),
    dependencyPods: proxyLines.length === 0 ? [] : [{ service: 'sql-proxy', pod: proxy, logs: [{ pod: proxy.name, container: 'proxy', previous: false, lines: proxyLines }] }],
  });
}

describe('a ProxySQL whose hostgroup has no server it can reach', () => {
  it("reads the proxy behind the client's DSN", () => {
    expect(listExplainedServices(scenario([]))).toEqual([{ namespace: 'payments', name: 'sql-proxy' }]);
  });

  it('names the proxy, the hostgroup, and the shunned server its own log says it still sends to', () => {
    const [f] = analyzeDependencyRefusals(scenario([SHUN, HG]));
    expect(f?.title).toMatch(/^ProxySQL sql-proxy /);
    expect(f?.title).toContain('hostgroup 1');
    expect(f?.title).toContain('172.20.4.7:3306 (SHUNNED)');
    expect(f?.likelyCause).toMatch(/failover/);
    expect(f?.fix).toMatch(/mysql_replication_hostgroups/);
    expect(f?.fix).toContain('172.20.4.7:3306');
  });

  it('falls back on the shunning line when no HG status was logged', () => {
    const [f] = analyzeDependencyRefusals(scenario([SHUN]));
    expect(f?.title).toContain('172.20.4.7:3306');
    expect(f?.title).toMatch(/shunned/i);
  });

  it('is a problem, not an all-clear, though every pod is ready and the lines are few', () => {
    const r = buildTriageReport(scenario([SHUN, HG]), { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/ProxySQL sql-proxy/);
    expect(r.headline).toMatch(/hostgroup 1/);
  });
});
