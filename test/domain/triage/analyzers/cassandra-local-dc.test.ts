// A Cassandra cluster rebuilt with datacenter "eu-west-1" while the app's mounted config still says
// local-datacenter: dc1. The DataStax driver warns at start that its contact points are in another
// DC and fails every query with NoNodeAvailableException; a restart revision rolled out since.
import { describe, expect, it } from 'vitest';
import { analyzeCassandraLocalDc } from '../../../../src/domain/triage/analyzers/cassandra-local-dc.js';
import { findLocalDcMismatch } from '../../../../src/domain/triage/cassandra-local-dc.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, running } from '../scenarios/builders.js';

const boot = (m: number, level: string, thread: string, logger: string, msg: string) => `${minutesAgo(m)} ${level.padStart(5)} 1 --- [payment-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
const NODE = (i: number) => `Node(endPoint=cassandra.payments.svc.cluster.local/10.0.7.${20 + i}:9042, hostId=6f1c2d3e-8a9b-4c0d-9e1f-2a3b4c5d6e7${i}, hashCode=3a1f2b${i})=eu-west-1`;
const WARN = `[s0|default] You specified dc1 as the local DC, but some contact points are from a different DC: ${[0, 1, 2].map(NODE).join(', ')}; please provide the correct local DC, or check your contact points`;

function appLog(k: number): string[] {
  const out = [
    boot(340, 'INFO', 'main', 'c.d.o.d.internal.core.DefaultMavenCoordinates', 'DataStax Java driver for Apache Cassandra(R) (com.datastax.oss:java-driver-core) version 4.17.0'),
    boot(340, 'WARN', 's0-admin-0', 'c.d.o.d.i.c.l.h.OptionalLocalDcHelper', WARN),
    boot(339, 'INFO', 'main', 'c.a.p.PaymentServiceApplication', 'Started PaymentServiceApplication in 19.402 seconds (process running for 20.7)'),
  ];
  for (let i = 0; i < 4; i++) {
    out.push(
      boot(10 - i * 2 - k * 0.3, 'ERROR', `nio-8080-exec-${i + 1}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.data.cassandra.CassandraConnectionFailureException: Query; CQL [SELECT * FROM payments.ledger WHERE id=?]; No node was available to execute the query] with root cause'),
      'com.datastax.oss.driver.api.core.NoNodeAvailableException: No node was available to execute the query',
      '\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:55)',
    );
  }
  return out;
}

/** Revision 7 (6 h ago) is a rollout restart of revision 6's template; its three pods are unready on the failing readiness group. */
function scenario(): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, {
    revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(341), startTime: minutesAgo(341),
    containers: [container({ ready: false, state: running(340) })],
    volumes: [{ name: 'config', source: 'configMap', ref: 'payment-service-config' }],
  }));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(26 * 60)), revision(REV7, minutesAgo(342), { replicas: 3 })],
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: p.name ? 'payments' : '' }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 2000, firstSeen: minutesAgo(339), lastSeen: minutesAgo(0.1) })),
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: appLog(k) })),
  });
}

describe('a Cassandra driver whose local datacenter the cluster does not have', () => {
  it('reads the local DC and the datacenters of the contact points from the driver warning (4.x and 3.x)', () => {
    expect(findLocalDcMismatch([WARN])).toMatchObject({ localDc: 'dc1', clusterDcs: ['eu-west-1'] });
    const v3 = "WARN  c.d.d.c.p.DCAwareRoundRobinPolicy - Some contact points don't match local data center. Local DC = dc1. Non-conforming contact points: /10.0.7.20:9042 (eu-west-1),/10.0.7.21:9042 (eu-west-1)";
    expect(findLocalDcMismatch([v3])).toMatchObject({ localDc: 'dc1', clusterDcs: ['eu-west-1'] });
    // A driver that names no other DC says nothing about the local one.
    expect(findLocalDcMismatch([boot(1, 'WARN', 's0-admin-0', 'c.d.o.d.i.c.l.h.OptionalLocalDcHelper', '[s0|default] Local DC set to dc1')])).toBeUndefined();
  });

  it('names the missing local DC, the cluster\'s DC and the ConfigMap to fix, and blames no revision', () => {
    const ev = scenario();
    const [f] = analyzeCassandraLocalDc(ev);
    expect(f?.title).toMatch(/local datacenter dc1 does not exist[^\n]*eu-west-1[^\n]*NoNodeAvailableException/);
    expect(f?.fix).toMatch(/eu-west-1 in ConfigMap payment-service-config/);
    const r = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/local datacenter dc1/);
    expect(r.headline).toMatch(/payment-service-config/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo|revision \d+[^\n]*(caused|broke|introduced)/i);
  });

  it('says nothing when the queries do not fail', () => {
    const ev = scenario();
    expect(analyzeCassandraLocalDc({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: l.lines.slice(0, 3) })) })).toEqual([]);
  });
});
