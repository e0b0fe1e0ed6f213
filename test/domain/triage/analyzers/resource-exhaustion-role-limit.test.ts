// "too many connections for role" is the role's own CONNECTION LIMIT, not max_connections: the
// role, its limit from the init SQL its server mounts, and replicas × pool size against it.
import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import { findRoleConnectionLimits, listRoleLimitConfigReads, needsRoleSharerRollouts, pickRoleLimitDatabase } from '../../../../src/domain/triage/pg-role-limit.js';
import type { NamespaceRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod, revisionContainer, workload } from '../scenarios/builders.js';

const REFUSED = 'org.postgresql.util.PSQLException: FATAL: too many connections for role "rpt_reader"';
const env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://ledger-pg:5432/ledger' }, { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE', value: '8' }];

function scenario(withConfig: boolean): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const db = pod(0, { name: 'ledger-pg-0', containers: [container({ name: 'postgres' })], volumes: [{ name: 'initdb', source: 'configMap', ref: 'ledger-pg-initdb' }] });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 8, replicas: 8, readyReplicas: 8, availableReplicas: 8 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED, REFUSED, REFUSED] })),
    dependencyPods: [{ service: 'ledger-pg', pod: db, logs: [], ...(withConfig ? { config: [{ configMap: 'ledger-pg-initdb', key: '01-roles.sql', setting: 'CONNECTION LIMIT of role rpt_reader', value: '40' }] } : {}) }],
  });
}

describe("a Postgres role at its CONNECTION LIMIT", () => {
  it("names the role and its limit, not the server's connection slots, with replicas × pool size", () => {
    const [f] = analyzeResourceExhaustion(scenario(true));
    expect(f?.id).toBe('resource-exhaustion/role-connections');
    expect(f?.title).toMatch(/role rpt_reader is at its own CONNECTION LIMIT/);
    expect(f?.title).toMatch(/CONNECTION LIMIT is 40 \(ConfigMap ledger-pg-initdb, 01-roles\.sql\)/);
    expect(f?.title).toMatch(/8 replicas × pool 8 = 64 connections/);
    expect(f?.title).not.toMatch(/all of the database's connection slots/);
    expect(f?.fix).toMatch(/CONNECTION LIMIT/);
  });

  it("reads the server's pod and the ConfigMaps it mounts for the refused role's limit", () => {
    const ev = scenario(false);
    const seen = { logs: ev.logs, pods: ev.pods, target: ev.target };
    expect(pickRoleLimitDatabase(seen)).toBe('ledger-pg');
    expect(listRoleLimitConfigReads(seen, ev.dependencyPods ?? [])).toEqual([{ service: 'ledger-pg', configMaps: ['ledger-pg-initdb'], settings: ['CONNECTION LIMIT of role rpt_reader'] }]);
  });

  it('finds the limit in CREATE ROLE and ALTER ROLE statements, the last one winning', () => {
    const sql = [
      "CREATE ROLE ledger_app LOGIN PASSWORD :'p' CONNECTION LIMIT 120;",
      "CREATE ROLE rpt_reader LOGIN PASSWORD :'p' CONNECTION LIMIT 40;",
      'ALTER ROLE rpt_reader SET statement_timeout = 0;',
    ].join('\n');
    expect(findRoleConnectionLimits('01-roles.sql', sql, ['CONNECTION LIMIT of role rpt_reader'])).toEqual([{ key: '01-roles.sql', setting: 'CONNECTION LIMIT of role rpt_reader', value: '40' }]);
    expect(findRoleConnectionLimits('02.sql', `${sql}\nALTER ROLE rpt_reader CONNECTION LIMIT 80;`, ['CONNECTION LIMIT of role rpt_reader'])[0]?.value).toBe('80');
  });
});

describe('a role at its CONNECTION LIMIT since another Deployment began logging in as it', () => {
  const at = (m: number) => `{"ts":"${minutesAgo(m)}","level":"error","msg":"query failed","err":"FATAL: too many connections for role \\"rpt_reader\\" (SQLSTATE 53300)"}`;
  const exporter = (envFrom: { kind: 'configMap'; name: string }[]): NamespaceRolloutEvidence => ({
    deployment: 'csv-exporter',
    labels: { app: 'csv-exporter' },
    revisions: [{ revision: 1, name: 'csv-exporter-1', hash: 'h1', createdAt: minutesAgo(50), replicas: 6, containers: [{ ...revisionContainer({ image: 'registry.example.com/csv-exporter:0.3.0' }), envFrom }] }],
  });
  function sharing(rollouts: NamespaceRolloutEvidence[]): TriageEvidence {
    const pods = [0, 1].map((i) => pod(i, { containers: [{ ...container({}), envFrom: [{ kind: 'configMap', name: 'reports-pg' }] }] }));
    return baseEvidence({
      pods,
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [at(40), at(30), at(20)] })),
      namespaceRollouts: rollouts,
    });
  }

  it('reads the escaped quotes of a JSON log, asks for the rollouts, and names the Deployment that shares the role as the trigger', () => {
    const ev = sharing([exporter([{ kind: 'configMap', name: 'reports-pg' }])]);
    expect(needsRoleSharerRollouts({ logs: ev.logs, pods: ev.pods, collectedAt: ev.collectedAt })).toBeDefined();
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.id).toBe('resource-exhaustion/role-connections');
    expect(f?.title).toMatch(/since csv-exporter \(a new Deployment, 50m ago\) began logging in as rpt_reader: both take ConfigMap reports-pg \(envFrom\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/give csv-exporter its own role/);
  });

  it('blames no Deployment that shares nothing with it', () => {
    const [f] = analyzeResourceExhaustion(sharing([exporter([{ kind: 'configMap', name: 'exporter-settings' }])]));
    expect(f?.title).not.toMatch(/csv-exporter/);
    expect(f?.datesChange).toBeUndefined();
  });
});
