import { describe, expect, it } from 'vitest';
import { analyzeLivenessDependency } from '../../../../src/domain/triage/analyzers/liveness-dependency.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, crashLooping, event, minutesAgo, pod, podName, terminated, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

/** Spring Boot's DataSource indicator failing inside /actuator/health, with its cause at the bottom. */
function healthFailed(t: string, cause: string): string[] {
  return [
    `${t}  WARN 1 --- [nio-8080-exec-1] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`,
    'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
    '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doDataSourceHealthCheck(DataSourceHealthIndicator.java:107)',
    'Caused by: java.sql.SQLTransientConnectionException: reporting - Connection is not available, request timed out after 2001ms (total=0, active=0, idle=0, waiting=0)',
    cause,
  ];
}

/** Three pods whose liveness probe calls the aggregate health, which includes a database that no longer resolves. */
function livenessOnAggregateHealth(cause = 'Caused by: java.net.UnknownHostException: reporting-db.example.internal'): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) => {
    const name = podName('7c9d8f6b5d', i);
    const probes = { liveness: { type: 'http' as const, path: '/actuator/health', port: 8080, initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 } };
    return pod(i, { ready: false, containers: [crashLooping(name, terminated(143, 'Error', 1 + i, { runSeconds: 96 }), 8, { probes })] });
  });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0 }),
    logs: pods.map((p) => ({
      pod: p.name,
      container: 'app',
      previous: true,
      lines: [
        "2026-11-21 03:12:01.000  INFO 1 --- [main] c.e.orders.OrdersApiApplication : Started OrdersApiApplication in 36.412 seconds",
        ...healthFailed('2026-11-21 03:12:31.000', cause),
        ...healthFailed('2026-11-21 03:12:41.000', cause),
        '2026-11-21 03:12:52.000  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete',
      ],
    })),
    events: pods.flatMap((p) => [
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 503', count: 24, firstSeen: minutesAgo(21), lastSeen: minutesAgo(1) }),
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 8, firstSeen: minutesAgo(20), lastSeen: minutesAgo(1) }),
    ]),
  });
}

describe('analyzeLivenessDependency', () => {
  it('tells a liveness probe that checks a dependency: 5xx answers while the health check logs the dependency failing', () => {
    const [f, ...rest] = analyzeLivenessDependency(livenessOnAggregateHealth());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('liveness-dependency');
    expect(f?.title).toBe(
      'Liveness probe of app checks a dependency: /actuator/health on :8080 answers 503 because its DataSource health check fails (reporting-db.example.internal does not resolve), so the kubelet kills 3/3 pods (exit 143) though the process is up',
    );
    expect(f?.decisive).toBe('Caused by: java.net.UnknownHostException: reporting-db.example.internal');
    expect(f?.fix).toMatch(/^point the liveness probe at \/actuator\/health\/liveness/);
    expect(f?.confidence).toBe('high');
  });

  it('names the liveness health group that adds the dependency, from the config file the pods mount or their env', () => {
    const group = { mechanism: 'liveness-group' as const, configMap: 'orders-config', key: 'application.properties', via: 'mount', written: 'management.endpoint.health.group.liveness.include=livenessState,db' };
    const onGroup = (ev: TriageEvidence) => ({ ...ev, pods: ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, probes: { liveness: { ...c.probes.liveness!, path: '/actuator/health/liveness' } } })) })) });
    const [f] = analyzeLivenessDependency({ ...onGroup(livenessOnAggregateHealth()), settingConfig: [group] });
    expect(f?.title).toMatch(/though the process is up; its liveness health group adds db \(management\.endpoint\.health\.group\.liveness\.include=livenessState,db in ConfigMap orders-config\)$/);
    expect(f?.fix).toBe('take db out of the liveness health group (management.endpoint.health.group.liveness.include=livenessState in ConfigMap orders-config; keep db in readiness), and restore reporting-db.example.internal');
    const env = onGroup(livenessOnAggregateHealth());
    const withEnv = { ...env, pods: env.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'MANAGEMENT_ENDPOINT_HEALTH_GROUP_LIVENESS_INCLUDE', value: 'livenessState,db,redis' }] })) })) };
    expect(analyzeLivenessDependency(withEnv)[0]?.title).toMatch(/its liveness health group adds db, redis \(MANAGEMENT_ENDPOINT_HEALTH_GROUP_LIVENESS_INCLUDE=livenessState,db,redis in env\)$/);
    // Spring's default group, the process alone: nothing to name.
    expect(analyzeLivenessDependency({ ...onGroup(livenessOnAggregateHealth()), settingConfig: [{ ...group, written: 'management.endpoint.health.group.liveness.include=livenessState' }] })[0]?.title).not.toMatch(/health group/);
  });

  it('leads the verdict over the dependency it reports and the kills it causes, without calling the pool exhausted', () => {
    const report = buildTriageReport(livenessOnAggregateHealth(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('liveness-dependency');
    expect(report.headline).toMatch(/^Liveness probe of app checks a dependency/);
    expect(report.headline).not.toMatch(/exhausted|roll ?back/i);
    expect(report.findings.find((f) => f.kind === 'dependency-error')?.explainedBy).toContain('liveness-dependency/app');
  });

  it('names the refusing dependency from the deepest cause of the stack', () => {
    const [f] = analyzeLivenessDependency(livenessOnAggregateHealth('Caused by: org.postgresql.util.PSQLException: Connection to reporting-db:5432 refused. Check that the hostname and port are correct'));
    expect(f?.title).toMatch(/\(reporting-db:5432 refuses connections\)/);
  });

  it('says nothing when the probe cannot reach the app (a timeout is not an answer), without health-check lines, or on a healthy workload', () => {
    const timeouts = livenessOnAggregateHealth();
    timeouts.events = timeouts.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: Get "http://10.0.1.10:8080/actuator/health": context deadline exceeded' } : e));
    expect(analyzeLivenessDependency(timeouts)).toEqual([]);
    const quiet = livenessOnAggregateHealth();
    quiet.logs = quiet.logs.map((l) => ({ ...l, lines: l.lines.filter((x) => !/health check failed/.test(x)) }));
    expect(analyzeLivenessDependency(quiet)).toEqual([]);
    expect(analyzeLivenessDependency(healthyScenario())).toEqual([]);
  });

  it('does not suggest a Spring liveness group for a probe that is not on the aggregate actuator health', () => {
    const ev = livenessOnAggregateHealth();
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => container({ ...c, probes: { liveness: { type: 'http', path: '/healthz', port: 8080 } } })) }));
    const [f] = analyzeLivenessDependency(ev);
    expect(f?.fix).toMatch(/^point the liveness probe at an endpoint that checks the process alone/);
  });
});

/** Native gRPC liveness on a health service whose status a dependency check sets: NOT_SERVING while the process serves. */
function grpcLivenessOnDependency(): TriageEvidence {
  const pods: PodEvidence[] = [0, 1].map((i) => {
    const name = podName('7c9d8f6b5d', i);
    const probes = { liveness: { type: 'grpc' as const, port: 9090, service: '', periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } };
    return pod(i, { ready: i === 1, containers: [crashLooping(name, terminated(0, 'Completed', 2 + i, { runSeconds: 540 }), 7, { probes })] });
  });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 1, availableReplicas: 1 }),
    logs: pods.map((p) => ({
      pod: p.name,
      container: 'app',
      previous: true,
      lines: [
        '{"level":"info","ts":"2026-11-21T03:05:00Z","msg":"quote served","code":"OK","duration_ms":640}',
        '{"level":"warn","ts":"2026-11-21T03:05:01Z","msg":"dependency check failed, reporting NOT_SERVING","dependency":"rates-api","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded","took_ms":251}',
        '{"level":"info","ts":"2026-11-21T03:05:02Z","msg":"received signal, stopping gracefully","signal":"terminated"}',
      ],
    })),
    events: pods.flatMap((p) => [
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Liveness probe failed: service unhealthy (responded with "NOT_SERVING")', count: 23, firstSeen: minutesAgo(80), lastSeen: minutesAgo(1) }),
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 7, firstSeen: minutesAgo(79), lastSeen: minutesAgo(2) }),
    ]),
  });
}

describe('analyzeLivenessDependency on a native gRPC probe', () => {
  it('tells a gRPC health service answering NOT_SERVING for a dependency check as liveness tied to a dependency', () => {
    const [f] = analyzeLivenessDependency(grpcLivenessOnDependency());
    expect(f?.title).toBe('Liveness probe of app checks a dependency: the gRPC health service on :9090 answers NOT_SERVING because a dependency check fails (rates-api does not answer in time), so the kubelet kills 2/2 pods (exit 0) though the process is up');
    expect(f?.fix).toMatch(/^point the liveness probe at a gRPC health service name whose status does not follow the dependencies/);
    expect(f?.nextAction).toMatch(/a dependency belongs in readiness at most/);
  });
  it('reads the failing check from the health endpoint\'s own structured access lines, with the address the env gives it', () => {
    const ev = livenessOnAggregateHealth();
    const onChecks: TriageEvidence = {
      ...ev,
      pods: ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'SESSION_STORE_URL', value: 'tcp://sessions-kv.store.svc:7000' }, { name: 'LOG_LEVEL', value: 'info' }], probes: { liveness: { ...c.probes.liveness!, path: '/livez' } } })) })),
      logs: ev.logs.map((l) => ({ ...l, lines: [
        '{"ts":"2026-11-21T03:12:31Z","lvl":"warn","msg":"GET /livez","status":500,"checks":{"session":"ERR still replaying the append log","search":"up"}}',
        '{"ts":"2026-11-21T03:12:41Z","lvl":"info","msg":"GET /livez","status":200,"checks":{"session":"ok","search":"up"}}',
        '{"ts":"2026-11-21T03:12:52Z","lvl":"error","msg":"shutdown incomplete: 2 requests dropped"}',
      ] })),
    };
    const [f] = analyzeLivenessDependency(onChecks);
    expect(f?.title).toBe('Liveness probe of app checks a dependency: /livez on :8080 answers 503 because its session health check fails (session (tcp://sessions-kv.store.svc:7000, SESSION_STORE_URL) reports "ERR still replaying the append log"), so the kubelet kills 3/3 pods (exit 143) though the process is up');
    expect(f?.fix).toMatch(/restore session or drop it/);
    // An access line of another path, or one that answered 2xx, tells nothing.
    const other = { ...onChecks, logs: onChecks.logs.map((l) => ({ ...l, lines: l.lines.map((x) => x.replace('/livez', '/status')) })) };
    expect(analyzeLivenessDependency(other)).toEqual([]);
  });
});
