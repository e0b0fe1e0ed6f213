import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { findConfigFileSettings } from '../../../../src/domain/triage/server-config-file.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod, service } from '../scenarios/builders.js';

// A ClickHouse client (clickhouse-connect over HTTP) whose heavy queries fail at the per-query
// memory cap (max_memory_usage of the users' profile), lowered by an edit of the ConfigMap the
// server mounts its users.d from: ClickHouse reloaded it without a restart.
const WRAPPER = 'clickhouse_connect.driver.exceptions.DatabaseError: HTTPDriver for http://warehouse.payments.svc.cluster.local:8123 returned response code 500)';
const REFUSED = ' Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 3.72 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 3.72 GiB.: While executing AggregatingTransform. (MEMORY_LIMIT_EXCEEDED) (version 24.3.2.23 (official build))';
const env = [{ name: 'CLICKHOUSE_URL', value: 'http://warehouse.payments.svc.cluster.local:8123' }];
const PROFILES = ['<clickhouse>', '    <profiles>', '        <default>', '            <!-- per-query cap -->', '            <max_memory_usage>4000000000</max_memory_usage>', '        </default>', '    </profiles>', '</clickhouse>', ''].join('\n');

function failingQueries(minutesBack: number): string[] {
  const t = minutesAgo(minutesBack).replace('T', ' ').replace('Z', ',100');
  return [`${t} ERROR api.reports [req=1a2b3c] report monthly failed after 2.31s`, 'Traceback (most recent call last):', '  File "/app/api/reports.py", line 118, in run_report', '    result = client.query(sql)', WRAPPER, REFUSED];
}

function scenario(config?: { configMap: string; key: string; setting: string; value: string }[], changedMinutesAgo = 40): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const server = pod(7, { name: 'warehouse-0', labels: { app: 'warehouse' }, containers: [container({ name: 'clickhouse' })] });
  server.volumes = [{ name: 'users', source: 'configMap', ref: 'warehouse-users' }, { name: 'config', source: 'configMap', ref: 'warehouse-config' }];
  const reloaded = `${minutesAgo(changedMinutesAgo - 1).slice(0, 19).replace('T', ' ').replace(/-/g, '.')}.510000 [ 47 ] {} <Debug> ConfigReloader: Loaded config '/etc/clickhouse-server/users.xml', performed update on configuration`;
  const base = baseEvidence({
    pods,
    services: [service(), service({ name: 'warehouse', selector: { app: 'warehouse' }, ports: [{ name: 'http', port: 8123, targetPort: '8123', protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...failingQueries(30), ...failingQueries(20), ...failingQueries(10)] })),
    dependencyPods: [{ service: 'warehouse', pod: server, logs: [{ pod: server.name, container: 'clickhouse', previous: false, lines: [reloaded] }], ...(config ? { config } : {}) }],
  });
  // The namespace's ConfigMaps: the server's users file edited just before the failures began.
  return { ...base, namespaceObjects: [{ kind: 'ConfigMap', name: 'warehouse-users', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(changedMinutesAgo), keys: ['profiles.xml'] }] };
}

const LOWERED = [{ configMap: 'warehouse-users', key: 'profiles.xml', setting: 'max_memory_usage', value: '4000000000' }];

describe('ClickHouse refusing queries at their per-query memory limit', () => {
  it('reads a setting an XML config file writes as an element', () => {
    expect(findConfigFileSettings({ 'profiles.xml': PROFILES }, ['max_memory_usage'])).toEqual([{ key: 'profiles.xml', setting: 'max_memory_usage', value: '4000000000' }]);
  });

  it("finds the server by its HTTP URL and asks for the ConfigMaps its pod mounts, for max_memory_usage", () => {
    const ev = scenario();
    expect(listRefusingServices({ logs: ev.logs, pods: ev.pods, target: ev.target })).toEqual(['warehouse']);
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'warehouse', configMaps: ['warehouse-users', 'warehouse-config'], settings: ['max_memory_usage'] }]);
  });

  it("names the per-query limit, the value its ConfigMap sets, and quotes ClickHouse's words, not the driver's HTTP 500", () => {
    const f = analyzeDependencyRefusals(scenario(LOWERED)).find((x) => x.id.startsWith('dependency-refuses/ClickHouse'));
    expect(f?.title).toMatch(/^ClickHouse warehouse refuses queries over its per-query memory limit \(warehouse-users sets max_memory_usage = 4000000000\) — its cap is 3\.72 GiB — it reloaded users\.xml 39m ago/);
    expect(f?.title).not.toMatch(/total/);
    expect(f?.decisive).toMatch(/^Code: 241\. DB::Exception: Memory limit \(for query\) exceeded.*\(MEMORY_LIMIT_EXCEEDED\)$/);
    expect(f?.fix).toMatch(/raise max_memory_usage in ConfigMap warehouse-users/);
    expect(f?.affected?.configMaps).toEqual(['warehouse-users']);
  });

  it('dates it from the edit of the ConfigMap the server mounts, though the client does not read it, and offers no rollback', () => {
    const report = buildTriageReport(scenario(LOWERED), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since ConfigMap warehouse-users was changed 40m ago: ClickHouse warehouse refuses queries over its per-query memory limit/);
    expect(report.headline).not.toMatch(/no change found|Roll back/);
  });

  it('keeps "no change found" when that ConfigMap was last changed long before the failures', () => {
    const report = buildTriageReport(scenario(LOWERED, 20 * 24 * 60), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/^Since ConfigMap/);
  });
});
