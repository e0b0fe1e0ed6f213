import { describe, expect, it } from 'vitest';
import { analyzeLoopbackSidecarRefusal } from '../../../../src/domain/triage/analyzers/loopback-sidecar-refusal.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { pickLocalUpstreamServers } from '../../../../src/domain/triage/local-upstream.js';
import { findLoopbackSidecarRefusal } from '../../../../src/domain/triage/loopback-sidecar-refusal.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NS, baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';

const CLOSED = 'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "127.0.0.1", port 6432 failed: server closed the connection unexpectedly';
const RESET = 'level=error msg="ping failed" err="read tcp 127.0.0.1:51320->127.0.0.1:6432: read: connection reset by peer"';
const DENIED = '2026/11/21 03:02:10 [shop:us-central1:orders-db] failed to connect to instance: Refresh error: failed to get ephemeral certificate (connection name = "shop:us-central1:orders-db"): googleapi: Error 403: boss::NOT_AUTHORIZED: Not authorized to access resource. Possibly missing permission cloudsql.instances.connect on resource instances/orders-db., forbidden';
const PROXY_LOG = [
  '2026/11/18 09:00:01 Authorizing with Application Default Credentials',
  '2026/11/18 09:00:01 [shop:us-central1:orders-db] Listening on 127.0.0.1:6432',
  '2026/11/21 02:48:00 [shop:us-central1:orders-db] Accepted connection from 127.0.0.1:40112',
  '2026/11/21 02:48:00 [shop:us-central1:orders-db] failed to connect to instance: Refresh error: failed to get ephemeral certificate (connection name = "shop:us-central1:orders-db"): googleapi: Error 403: boss::NOT_AUTHORIZED: Not authorized to access resource. Possibly missing permission cloudsql.instances.connect on resource instances/orders-db., forbidden',
  '2026/11/21 03:02:10 [shop:us-central1:orders-db] Accepted connection from 127.0.0.1:40188',
  DENIED,
];
const POOLER_LOG = [
  '2026-11-21 02:30:00.101 UTC [1] LOG listening on 127.0.0.1:6432',
  '2026-11-21 02:55:12.420 UTC [1] WARNING server login failed: FATAL password authentication failed for user "orders"',
  '2026-11-21 03:05:40.877 UTC [1] ERROR S: login failed: FATAL: password authentication failed for user "orders"',
];

/** An app reaching its database through a proxy sidecar on 127.0.0.1:6432 that declares no port (only its flag), beside a log shipper. */
function proxied(o: { clientLine?: string; sidecarLog?: string[]; sidecarArgs?: string[]; unread?: boolean } = {}): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, ...(o.unread ? [2] : [])].map((i) => pod(i, {
    ready: false,
    containers: [
      container({ name: 'app', ready: false }),
      container({ name: 'db-proxy', ports: [], probes: {}, args: o.sidecarArgs ?? ['--port=6432', 'shop:us-central1:orders-db'] }),
      container({ name: 'log-shipper', ports: [], probes: {} }),
    ],
  }));
  const logs: LogEvidence[] = [
    ...pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['ERROR [app.db] database unavailable', o.clientLine ?? CLOSED] })),
    ...pods.slice(0, 1).map((p) => ({ pod: p.name, container: 'db-proxy', previous: false, lines: o.sidecarLog ?? PROXY_LOG })),
  ];
  return baseEvidence({
    pods,
    logs,
    events: pods.map((p) => event({ reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', object: { kind: 'Pod', name: p.name, namespace: NS }, count: 90, firstSeen: minutesAgo(26) })),
  });
}

describe('an app whose connections to a loopback port are dropped by the sidecar serving it', () => {
  it('reads the log of the sidecar whose flag names the port when the app\'s loopback connections are closed or reset', () => {
    const ev = proxied();
    const appOnly = ev.logs.filter((l) => l.container === 'app');
    expect(pickLocalUpstreamServers(ev.pods, appOnly)).toEqual([{ pod: ev.pods[0]?.name, container: 'db-proxy', restarts: 0 }]);
    const reset = proxied({ clientLine: RESET }).logs.filter((l) => l.container === 'app');
    expect(pickLocalUpstreamServers(ev.pods, reset)).toEqual([{ pod: ev.pods[0]?.name, container: 'db-proxy', restarts: 0 }]);
    // A connection accepted and dropped: no guessing among neighbours that do not serve the port.
    const elsewhere = proxied({ sidecarArgs: ['--port=5432'] });
    expect(pickLocalUpstreamServers(elsewhere.pods, elsewhere.logs.filter((l) => l.container === 'app'))).toEqual([]);
    // A remote database closing connections is not a neighbour's doing.
    const remote = appOnly.map((l) => ({ ...l, lines: [CLOSED.replace('127.0.0.1', 'orders-db.data.svc')] }));
    expect(pickLocalUpstreamServers(ev.pods, remote)).toEqual([]);
  });

  it('names the sidecar\'s own refusal: a cloud API denying its identity, with the permission', () => {
    const ev = proxied();
    const r = findLoopbackSidecarRefusal(ev.pods, ev.logs, ev.collectedAt);
    expect(r).toMatchObject({ sidecar: 'db-proxy', client: 'app', address: '127.0.0.1:6432', pods: [ev.pods[0]?.name, ev.pods[1]?.name], denial: { status: '403', code: 'NOT_AUTHORIZED', permission: 'cloudsql.instances.connect' } });
    const [f] = analyzeLoopbackSidecarRefusal(ev);
    expect(f?.title).toBe("db-proxy, the sidecar in front of app's dependency at 127.0.0.1:6432, is refused with 403 NOT_AUTHORIZED: its identity lacks permission cloudsql.instances.connect (2 pods, since 26m ago)");
    expect(f?.decisive).toContain('Possibly missing permission cloudsql.instances.connect');
    expect(f?.fix).toMatch(/grant .*cloudsql\.instances\.connect/);
    expect(f?.outsideWorkload).toBeDefined();
    // One sidecar log read: the pods whose app fails alike, and (a denied identity) every unready pod running that sidecar.
    const wider = proxied({ unread: true });
    expect(findLoopbackSidecarRefusal(wider.pods, wider.logs, wider.collectedAt)?.pods).toEqual(wider.pods.map((p) => p.name));
    expect(findLoopbackSidecarRefusal(wider.pods, wider.logs.filter((l) => l.pod !== wider.pods[1]?.name || l.container !== 'app'), wider.collectedAt)?.pods).toEqual(wider.pods.map((p) => p.name));
    const report = buildTriageReport(ev, { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^db-proxy, the sidecar in front of app's dependency at 127\.0\.0\.1:6432, is refused with 403/);
  });

  it('quotes any other refusal of the sidecar as it logs it', () => {
    const ev = proxied({ clientLine: RESET, sidecarLog: POOLER_LOG });
    const [f] = analyzeLoopbackSidecarRefusal(ev);
    expect(f?.title).toBe(`db-proxy, the sidecar in front of app's dependency at 127.0.0.1:6432, refuses: "ERROR S: login failed: FATAL: password authentication failed for user "orders"" (2 pods, since 18m ago)`);
  });

  it('says nothing when the sidecar logs no error, or the app reaches its dependency directly', () => {
    expect(analyzeLoopbackSidecarRefusal(proxied({ sidecarLog: PROXY_LOG.slice(0, 3) }))).toEqual([]);
    expect(analyzeLoopbackSidecarRefusal(proxied({ clientLine: CLOSED.replace('127.0.0.1', 'orders-db.data.svc') }))).toEqual([]);
  });
});
