// A MariaDB Galera cluster whose nodes all stopped at once (a node-group replacement, no graceful
// shutdown): none is marked safe to bootstrap (grastate.dat safe_to_bootstrap: 0), the node that
// would bootstrap refuses ("It may not be safe to bootstrap the cluster from this node") and the
// others time out waiting for a primary view over gcomm — so all crash-loop, and the clients get
// 1047 "WSREP has not yet prepared node for application use", then connection refused. The fix is
// on the cluster's side: bootstrap it from its most advanced node, never restart the clients.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import { readGaleraFormation } from '../../../../src/domain/triage/galera-no-primary.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, crashLooping, minutesAgo, pod, service } from '../scenarios/builders.js';

const NOT_PREPARED = '2026-11-21 03:11:00.000 ERROR 1 --- [ledger-api] [nio-8080-exec-5] o.h.engine.jdbc.spi.SqlExceptionHelper   : (conn=40115) WSREP has not yet prepared node for application use';
const URL = 'jdbc:mariadb://ledger-galera.payments.svc.cluster.local:3306/ledger';
const GALERA_SVC = service({ name: 'ledger-galera', selector: { app: 'ledger-galera' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306, protocol: 'TCP' }] });

const REFUSES_BOOTSTRAP = [
  '2026-11-21  3:10:41 0 [Note] WSREP: Found saved state: 4c7a9e12-6f3b-11ef-9a1d-2b7c5e8f1a04:-1, safe_to_bootstrap: 0',
  '2026-11-21  3:10:41 0 [Note] WSREP: Connecting with bootstrap option: 1',
  '2026-11-21  3:10:41 0 [ERROR] WSREP: It may not be safe to bootstrap the cluster from this node. It was not the last one to leave the cluster and may not contain all the updates. To force cluster bootstrap with this node, edit the grastate.dat file manually and set safe_to_bootstrap to 1 .',
  '2026-11-21  3:10:41 0 [ERROR] WSREP: wsrep::connect(gcomm://) failed: 7',
  '2026-11-21  3:10:41 0 [ERROR] Aborting',
];
const NO_PRIMARY_VIEW = [
  '2026-11-21  3:11:30 0 [Note] WSREP: Found saved state: 4c7a9e12-6f3b-11ef-9a1d-2b7c5e8f1a04:-1, safe_to_bootstrap: 0',
  "2026-11-21  3:11:30 0 [Warning] WSREP: no nodes coming from prim view, prim not possible",
  '2026-11-21  3:12:04 0 [ERROR] WSREP: failed to open gcomm backend connection: 110: failed to reach primary view (pc.wait_prim_timeout): 110 (Connection timed out)',
  "2026-11-21  3:12:04 0 [ERROR] WSREP: gcs/src/gcs.cpp:gcs_open():1687: Failed to open channel 'ledger' at 'gcomm://ledger-galera-headless.payments.svc.cluster.local': -110 (Connection timed out)",
  '2026-11-21  3:12:04 0 [ERROR] Aborting',
];

function member(i: number) {
  return pod(i, {
    name: `ledger-galera-${i}`,
    labels: { app: 'ledger-galera' },
    ready: false,
    containers: [crashLooping(`ledger-galera-${i}`, { terminated: { exitCode: 1, reason: 'Error', finishedAt: minutesAgo(1 + i) } }, 10 + i, { name: 'mariadb-galera' })],
  });
}

function members(): DependencyMembersEvidence {
  return {
    namespace: 'payments',
    service: 'ledger-galera',
    pods: [member(0), member(1), member(2)],
    nodeLosses: [],
    logs: [
      { pod: 'ledger-galera-0', container: 'mariadb-galera', previous: true, lines: REFUSES_BOOTSTRAP },
      { pod: 'ledger-galera-1', container: 'mariadb-galera', previous: true, lines: NO_PRIMARY_VIEW },
    ],
  };
}

function scenario(dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ env: [{ name: 'SPRING_DATASOURCE_URL', value: URL }] })] }));
  const base = baseEvidence();
  return baseEvidence({
    pods,
    services: [...base.services, GALERA_SVC],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [NOT_PREPARED, NOT_PREPARED] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('a Galera cluster none of whose nodes may bootstrap', () => {
  it("is followed from the clients' 1047 to the Service of the JDBC URL", () => {
    expect(pickClusterDownService(scenario())).toEqual({ name: 'ledger-galera', namespace: 'payments' });
  });

  it("reads why the cluster cannot form from its members' own logs", () => {
    const told = readGaleraFormation(members().logs ?? []);
    expect(told?.said).toMatch(/safe_to_bootstrap: 0/);
    expect(told?.said).toMatch(/ledger-galera-0/);
    expect(told?.said).toMatch(/primary view/);
    expect(told?.fix).toMatch(/highest seqno/);
    expect(told?.fix).toMatch(/safe_to_bootstrap: 1/);
    // A node that joins a running cluster says nothing of the kind.
    expect(readGaleraFormation([{ pod: 'x-0', container: 'db', previous: true, lines: ['2026-11-21  3:10:41 0 [Note] WSREP: Synchronized with group, ready for connections'] }])).toBeUndefined();
  });

  it('names the lost primary component and the bootstrap refusal in the title and fix, not a restart', () => {
    const [f] = analyzeDependencyClusterDown(scenario([members()]));
    expect(f?.title).toMatch(/^Galera cluster ledger-galera has no primary component/);
    expect(f?.title).toMatch(/safe_to_bootstrap: 0/);
    expect(f?.evidence.join('\n')).toMatch(/It may not be safe to bootstrap the cluster from this node/);
    expect(f?.fix).toMatch(/bootstrap/);
    expect(f?.fix).not.toMatch(/fix what stops/);
  });

  it('puts the bootstrap deadlock in the headline', () => {
    const report = buildTriageReport(scenario([members()]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/Galera/);
    expect(report.headline).toMatch(/safe_to_bootstrap|bootstrap/);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });
});
