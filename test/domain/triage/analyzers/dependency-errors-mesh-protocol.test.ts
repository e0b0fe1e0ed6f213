import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { ServicePortEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, pod, service } from '../scenarios/builders.js';

const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [], probes: {} });
const DB_URL = 'jdbc:postgresql://orders-db.payments.svc.cluster.local:5432/orders?sslmode=prefer';

/** Meshed pods whose Postgres connections fail: pool timeouts, and the SSL request answered with garbage. */
function meshed(o: { port?: Partial<ServicePortEvidence>; sidecar?: boolean; changedAgo?: number; ready?: boolean } = {}): TriageEvidence {
  const app = container({ env: [{ name: 'SPRING_DATASOURCE_URL', value: DB_URL }] });
  const pods = [0, 1, 2].map((i) => pod(i, { ready: o.ready === true, containers: [app, ...(o.sidecar === false ? [] : [proxy])] }));
  const ev = baseEvidence({ pods });
  const port: ServicePortEvidence = { name: 'http-postgres', port: 5432, targetPort: 5432, protocol: 'TCP', ...o.port };
  ev.services = [...ev.services, service({ name: 'orders-db', selector: { app: 'orders-db' }, ports: [port] })];
  ev.namespaceObjects = [{ kind: 'Service', name: 'orders-db', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(o.changedAgo ?? 40) }];
  // The readiness check includes the database: it fails since the connections do.
  if (o.ready !== true) ev.events = pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 120, firstSeen: minutesAgo(21), lastSeen: minutesAgo(0.2) }));
  ev.logs = pods.map((p) => ({
    pod: p.name,
    container: 'app',
    previous: false,
    lines: [20, 10, 2].flatMap((m) => [
      `${minutesAgo(m)} WARN com.zaxxer.hikari.pool.PoolBase : HikariPool-1 - Failed to create connection: An error occurred while setting up the SSL connection.`,
      `${minutesAgo(m)} ERROR o.h.engine.jdbc.spi.SqlExceptionHelper : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=4)`,
      'org.postgresql.util.PSQLException: An error occurred while setting up the SSL connection.',
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.enableSSL(ConnectionFactoryImpl.java:633)',
    ]),
  }));
  return ev;
}

describe('a mesh that parses a TCP protocol as HTTP because of the Service port', () => {
  it('names the port, its name, the mesh and the protocol, and says how to name it', () => {
    const [f] = analyzeDependencyErrors(meshed());
    expect(f?.title).toMatch(/^Service orders-db port 5432 is named http-postgres: the Istio sidecars parse Postgres as HTTP and break every connection/);
    expect(f?.fix).toBe('name Service orders-db\'s port 5432 tcp-postgres (or set appProtocol: tcp)');
    expect(f?.likelyCause).toMatch(/Istio/);
    expect(f?.likelyCause).not.toMatch(/NetworkPolicy/);
    expect(f?.nextAction).not.toMatch(/NetworkPolicy/);
    expect(f?.decisive).toMatch(/setting up the SSL connection/);
    expect(f?.affected?.services).toEqual(['orders-db']);
  });

  it('reads appProtocol before the name, as Istio does', () => {
    const [f] = analyzeDependencyErrors(meshed({ port: { name: 'postgres', appProtocol: 'http' } }));
    expect(f?.title).toMatch(/^Service orders-db port 5432 has appProtocol http: the Istio sidecars parse Postgres as HTTP/);
    expect(f?.fix).toBe('set appProtocol: tcp on Service orders-db\'s port 5432');
    // An explicit TCP appProtocol wins over an HTTP-looking name.
    const [g] = analyzeDependencyErrors(meshed({ port: { appProtocol: 'tcp' } }));
    expect(g?.title).toMatch(/time out/);
  });

  it('says nothing of the kind without a mesh sidecar, or on a port named for TCP', () => {
    expect(analyzeDependencyErrors(meshed({ sidecar: false }))[0]?.title).toMatch(/time out/);
    expect(analyzeDependencyErrors(meshed({ port: { name: 'tcp-postgres' } }))[0]?.title).toMatch(/time out/);
  });

  it('makes the Service\'s change the trigger, and blames no NetworkPolicy', () => {
    const report = buildTriageReport(meshed(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/http-postgres/);
    expect(report.headline).toMatch(/Service orders-db was changed 40m ago/);
    expect(report.findings.map((f) => `${f.title} ${f.likelyCause} ${f.nextAction}`).join('\n')).not.toMatch(/NetworkPolicy/);
  });

  it('dates it by the first HTTP answer in the logs when the pods stay Ready', () => {
    const [f] = analyzeDependencyErrors(meshed({ ready: true }));
    expect(f?.onset).toBe(minutesAgo(20));
    const report = buildTriageReport(meshed({ ready: true }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/Service orders-db was changed 40m ago.*port 5432 is named http-postgres/);
  });
});

describe('the same mismatch on a Service of another namespace', () => {
  it('reads the dependency Service read one hop away, and names the TCP name from the protocol when the name is bare', () => {
    const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container(), proxy] }));
    const ev = baseEvidence({ pods });
    const redis: ServicePortEvidence = { name: 'http', port: 6379, targetPort: 6379, protocol: 'TCP' };
    ev.dependencyServices = [{ namespace: 'cache', service: service({ name: 'sessions', selector: { app: 'sessions' }, ports: [redis] }), slices: [], changedAt: minutesAgo(30) }];
    ev.logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [12, 6, 1].map((m) => `${minutesAgo(m)} ERROR session lookup failed: dial tcp sessions.cache.svc.cluster.local:6379: i/o timeout`) }));
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).toMatch(/^Service sessions port 6379 is named http: the Istio sidecars parse Redis as HTTP/);
    expect(f?.fix).toBe('name Service sessions\'s port 6379 tcp-redis (or set appProtocol: tcp)');
    expect(f?.confirmCommands[0]).toMatch(/get service sessions .* -n cache/);
    // Another namespace's Service is not this namespace's object: no trigger by name.
    expect(f?.affected?.services).toBeUndefined();
  });
});
