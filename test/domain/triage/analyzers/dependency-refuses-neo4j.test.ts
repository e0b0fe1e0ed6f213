import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { findConfigFileSettings } from '../../../../src/domain/triage/server-config-file.js';
import { findServerAddress } from '../../../../src/domain/triage/server-address.js';
import { neo4jEnvName, readNeo4jMemorySettings } from '../../../../src/domain/triage/neo4j-memory-pool.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod, service } from '../scenarios/builders.js';

// A Neo4j client whose heavy queries fail because Neo4j refuses their memory at a transaction memory
// limit it names (the global pool of all transactions), set in the neo4j.conf a ConfigMap mounts into
// the server's pod; the driver logs each retry it makes before it gives up.
const env = [{ name: 'GRAPH_URI', value: 'bolt+s://graph-store.payments.svc.cluster.local:7687' }];
const CONF = ['server.memory.heap.max_size=4g', 'dbms.memory.transaction.total.max=512m', 'db.memory.transaction.max=0', 'db.transaction.timeout=30s', ''].join('\n');

function failingQueries(minutesBack: number, setting = 'dbms.memory.transaction.total.max'): string[] {
  const t = minutesAgo(minutesBack);
  return [
    `${t} WARN  o.n.d.i.r.ExponentialBackoffRetryLogic - Transaction failed and will be retried in 1200ms: Neo.TransientError.General.MemoryPoolOutOfMemoryError`,
    `${t} ERROR c.e.graph.PathQueries - query paths-3hop failed: org.neo4j.driver.exceptions.TransientException: The allocation of an extra 8.0 MiB would use more than the limit 512.0 MiB. Currently using 509.0 MiB. ${setting} threshold reached`,
  ];
}

function scenario(opts: { config?: { configMap: string; key: string; setting: string; value: string }[]; changedMinutesAgo?: number; setting?: string; serverEnv?: { name: string; value: string }[] } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const server = pod(7, { name: 'graph-store-0', labels: { app: 'graph-store' }, containers: [container({ name: 'neo4j', ...(opts.serverEnv ? { env: opts.serverEnv } : {}) })] });
  server.volumes = [{ name: 'conf', source: 'configMap', ref: 'graph-store-conf' }];
  const base = baseEvidence({
    pods,
    services: [service(), service({ name: 'graph-store', selector: { app: 'graph-store' }, ports: [{ name: 'bolt', port: 7687, targetPort: 'bolt', protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [30, 20, 10].flatMap((m) => failingQueries(m, opts.setting)) })),
    dependencyPods: [{ service: 'graph-store', pod: server, logs: [{ pod: server.name, container: 'neo4j', previous: false, lines: [`${minutesAgo(45)} INFO  Started.`] }], ...(opts.config ? { config: opts.config } : {}) }],
  });
  return { ...base, namespaceObjects: [{ kind: 'ConfigMap', name: 'graph-store-conf', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(opts.changedMinutesAgo ?? 50), keys: ['neo4j.conf'] }] };
}

const LOWERED = [{ configMap: 'graph-store-conf', key: 'neo4j.conf', setting: 'dbms.memory.transaction.total.max', value: '512m' }];

describe('Neo4j refusing transactions at a transaction memory limit it names', () => {
  it("reads a Neo4j driver's address (neo4j://, bolt://, with TLS) and a dotted setting of neo4j.conf", () => {
    expect(findServerAddress({ env }, 'Neo4j')).toEqual({ env: 'GRAPH_URI', host: 'graph-store.payments.svc.cluster.local' });
    expect(findConfigFileSettings({ 'neo4j.conf': CONF }, ['dbms.memory.transaction.total.max'])).toEqual([{ key: 'neo4j.conf', setting: 'dbms.memory.transaction.total.max', value: '512m' }]);
  });

  it('finds the server and asks its mounted ConfigMap for the one setting its words name as reached', () => {
    const ev = scenario();
    expect(listRefusingServices({ logs: ev.logs, pods: ev.pods, target: ev.target })).toEqual(['graph-store']);
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'graph-store', configMaps: ['graph-store-conf'], settings: ['dbms.memory.transaction.total.max'] }]);
    expect(listServerConfigReads(scenario({ setting: 'db.memory.transaction.max' }), scenario().dependencyPods ?? [])[0]?.settings).toEqual(['db.memory.transaction.max']);
  });

  it("states the limit's value where it is set, counts failed queries (not the driver's retry notices) and quotes Neo4j's words", () => {
    const f = analyzeDependencyRefusals(scenario({ config: LOWERED })).find((x) => x.id.startsWith('dependency-refuses/Neo4j'));
    expect(f?.title).toMatch(/^Neo4j graph-store refuses transactions past its transaction memory limit \(graph-store-conf sets dbms\.memory\.transaction\.total\.max = 512m\) — 6 refused calls in the logs of 2 pods \(all ready\)$/);
    expect(f?.decisive).toBe('org.neo4j.driver.exceptions.TransientException: The allocation of an extra 8.0 MiB would use more than the limit 512.0 MiB. Currently using 509.0 MiB. dbms.memory.transaction.total.max threshold reached');
    expect(f?.fix).toMatch(/^raise dbms\.memory\.transaction\.total\.max in ConfigMap graph-store-conf \(its neo4j\.conf sets 512m\)/);
    expect(f?.affected?.configMaps).toEqual(['graph-store-conf']);
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/OOM ?Kill|crash ?loop|not ready|unreachable/i);
  });

  it('reads the limit from the image env form, which needs no ConfigMap', () => {
    const serverEnv = [{ name: neo4jEnvName('dbms.memory.transaction.total.max'), value: '1g' }];
    expect(serverEnv[0]?.name).toBe('NEO4J_dbms_memory_transaction_total_max');
    // Underscores of the name are doubled, dots become single ones.
    expect(neo4jEnvName('dbms.memory.transaction.global_max_size')).toBe('NEO4J_dbms_memory_transaction_global__max__size');
    const ev = scenario({ serverEnv });
    const server = ev.dependencyPods?.[0]?.pod;
    expect(server && readNeo4jMemorySettings(server)?.said).toBe('dbms.memory.transaction.total.max = 1g');
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([]);
  });

  it('dates it from the edit of the ConfigMap the server mounts, and offers no rollback of the client', () => {
    const report = buildTriageReport(scenario({ config: LOWERED }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since ConfigMap graph-store-conf was changed 50m ago: Neo4j graph-store refuses transactions past its transaction memory limit \(graph-store-conf sets dbms\.memory\.transaction\.total\.max = 512m\)/);
    expect(report.headline).not.toMatch(/no change found|Roll back/);
  });

  it('keeps "no change found" when that ConfigMap was last changed long before the failures', () => {
    const report = buildTriageReport(scenario({ config: LOWERED, changedMinutesAgo: 20 * 24 * 60 }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/^Since ConfigMap/);
    expect(report.headline).toMatch(/512m/);
  });
});
