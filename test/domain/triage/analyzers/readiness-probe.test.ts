import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes, classifyProbeFailure } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { NS, container, event, minutesAgo, pod, running } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { readiness503Scenario } from '../scenarios/probes.js';

describe('analyzeReadinessProbes', () => {
  it('reports running-but-not-ready pods with the status code the probe got', () => {
    const [f, ...rest] = analyzeReadinessProbes(readiness503Scenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Readiness probe failing for app on 3/5 pods: HTTP 503 on GET :8080/ready');
    expect(f?.layer).toBe('runtime/probes');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('Unhealthy ×240 over 24m: Readiness probe failed: HTTP probe failed with statuscode: 503');
    expect(f?.likelyCause).toContain('/ready with 503');
  });

  it.each([
    ['Readiness probe failed: Get "http://10.0.1.104:8080/ready": dial tcp 10.0.1.104:8080: connect: connection refused', 'connection refused'],
    ['Readiness probe failed: Get "http://10.0.1.104:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'timeout'],
    ['Readiness probe failed: HTTP probe failed with statuscode: 404', 'HTTP 404'],
  ])('classifies %s', (message, expected) => {
    expect(classifyProbeFailure([message])).toBe(expected);
    expect(analyzeReadinessProbes(readiness503Scenario(message))[0]?.title).toContain(expected);
  });

  it('reads NOAUTH from an exec redis-cli readiness probe as the probe not authenticating to a Redis that requires a password', () => {
    const ev = readiness503Scenario('Readiness probe failed: NOAUTH Authentication required.');
    const probe = { type: 'exec' as const, command: 'redis-cli ping', periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, probes: { ...c.probes, readiness: probe } })) }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toContain('its `redis-cli ping` does not authenticate, and Redis requires a password');
    expect(f?.fix).toContain('REDISCLI_AUTH');
  });

  it('names the exec probe whose command the image does not have (the kubelet says "errored", not "failed")', () => {
    const message = 'Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "5be1c0": OCI runtime exec failed: exec failed: unable to start container process: exec: "wget": executable file not found in $PATH: unknown';
    const ev = readiness503Scenario(message);
    const probe = { type: 'exec' as const, command: 'wget -qO- http://127.0.0.1:9000/health', periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, probes: { ...c.probes, readiness: probe } })) }));
    const [f, ...rest] = analyzeReadinessProbes(ev);
    expect(rest).toHaveLength(0);
    expect(f?.title).toMatch(/^Readiness probe failing for app on 3\/5 pods: /);
    expect(f?.title).toContain('`wget` is not in the image');
    expect(f?.title).toContain('exec wget -qO- http://127.0.0.1:9000/health');
    expect(f?.decisive).toContain('executable file not found in $PATH');
    expect(f?.likelyCause).toMatch(/cannot run/);
    expect(f?.fix).toMatch(/httpGet/);
  });

  it('names the error the unready container logs behind its 5xx (a dependency refusing it), not just the status', () => {
    const ev = readiness503Scenario();
    const log = (name: string) => ({ pod: name, container: 'app', previous: false, lines: [
      '{"level":30,"time":1,"msg":"request completed","res":{"statusCode":200}}',
      '{"level":50,"time":2,"msg":"session lookup failed","err":{"type":"ReplyError","message":"ERR max number of clients reached"}}',
      '[ioredis] Unhandled error event: ReplyError: ERR max number of clients reached',
      '    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)',
      '{"level":40,"time":3,"msg":"readiness check failed","check":"redis","error":"ERR max number of clients reached"}',
    ] });
    ev.logs = ev.pods.slice(0, 3).map((p) => log(p.name));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toBe('Readiness probe failing for app on 3/5 pods: HTTP 503 on GET :8080/ready');
    expect(f?.decisive).toBe('[ioredis] Unhandled error event: ReplyError: ERR max number of clients reached');
    expect(f?.likelyCause).toContain('its own log says why');
    expect(f?.fix).toContain('ERR max number of clients reached');
  });

  it('tells a mesh proxy\'s WARN tracing line by its message, so a long span does not clip the error away', () => {
    const ev = readiness503Scenario();
    const span = 'identity:identity{server.addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:controller{addr=linkerd-identity-headless.linkerd.svc.cluster.local:8080}:endpoint{addr=10.0.8.134:8080}';
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [
      '[     0.003905s]  INFO ThreadId(01) linkerd2_proxy: Admin interface on 0.0.0.0:4191',
      `[     0.011342s]  WARN ThreadId(02) ${span}: linkerd_reconnect: Failed to connect error=invalid peer certificate: Expired`,
      '[    15.005873s]  WARN ThreadId(01) linkerd_app: Waiting for identity to be initialized...',
    ] }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.decisive).toBe('Failed to connect error=invalid peer certificate: Expired');
  });

  it('keeps the probe message when the unready container logs no error (or only a previous run did)', () => {
    const ev = readiness503Scenario();
    ev.logs = ev.pods.slice(0, 3).flatMap((p) => [
      { pod: p.name, container: 'app', previous: false, lines: ['GET /orders 200 12ms', 'warming caches'] },
      { pod: p.name, container: 'app', previous: true, lines: ['Error: connect ECONNREFUSED 10.0.0.9:5432'] },
    ]);
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.decisive).toBe('Readiness probe failed: HTTP probe failed with statuscode: 503');
    expect(f?.fix).toBe('fix what the readiness endpoint reports');
  });

  it('does not blame the probe of a pod that started a minute ago', () => {
    const starting = readiness503Scenario();
    starting.pods = starting.pods.map((p, i) => (i < 3 ? { ...p, containers: [container({ ready: false, state: running(1) })] } : p));
    expect(analyzeReadinessProbes(starting)).toEqual([]);
  });

  it('reports ready pods whose probe keeps failing as flapping, info only', () => {
    const ev = healthyScenario();
    ev.events.push(event({ object: { kind: 'Pod', name: ev.pods[0]?.name ?? '', namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 9, firstSeen: minutesAgo(12), lastSeen: minutesAgo(2) }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.severity).toBe('info');
    expect(f?.title).toContain('intermittently');
  });

  it('calls flapping a warning when the flapping pod\'s own log reports overload (slow and shed requests)', () => {
    const ev = healthyScenario();
    const hot = ev.pods[0]?.name ?? '';
    ev.events.push(event({ object: { kind: 'Pod', name: hot, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.100:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 30, firstSeen: minutesAgo(80), lastSeen: minutesAgo(1) }));
    ev.logs.push({ pod: hot, container: 'app', previous: false, lines: [
      '{"level":"WARN","msg":"slow request","path":"/v2/search","dur_ms":2911}',
      '{"level":"WARN","msg":"request shed","status":503,"reason":"inflight limit 256 reached"}',
      '{"level":"WARN","msg":"slow request","path":"/v2/search","dur_ms":3304}',
    ] });
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.severity).toBe('warning');
    expect(f?.title).toMatch(/overload/);
    expect(f?.likelyCause).toMatch(/more requests than it can serve/);
  });

  it('stays silent on a healthy workload and on a single old probe failure', () => {
    expect(analyzeReadinessProbes(healthyScenario())).toEqual([]);
    const ev = healthyScenario();
    ev.events.push(event({ object: { kind: 'Pod', name: pod(0).name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 1, firstSeen: minutesAgo(50), lastSeen: minutesAgo(50) }));
    expect(analyzeReadinessProbes(ev)).toEqual([]);
  });
});

describe('analyzeReadinessProbes: the actuator health component that is DOWN', () => {
  /** Three unready Spring Boot pods, each writing to its own claim at /var/data/exports. */
  function springScenario(lines: (pod: string) => string[]) {
    const ev = readiness503Scenario();
    ev.pods = ev.pods.map((p, i) => (i >= 3 ? p : {
      ...p,
      containers: p.containers.map((c) => ({ ...c, probes: { readiness: { type: 'http' as const, path: '/actuator/health/readiness', port: 8080, periodSeconds: 10, failureThreshold: 3 } }, volumeMounts: [{ name: 'exports', mountPath: '/var/data/exports' }, { name: 'config', mountPath: '/config', readOnly: true }] })),
      volumes: [{ name: 'exports', source: 'pvc' as const, ref: `exports-${p.name}` }, { name: 'config', source: 'configMap' as const, ref: 'app-config' }],
    }));
    ev.pvcs = ev.pods.slice(0, 3).map((p) => ({ name: `exports-${p.name}`, phase: 'Bound', storageClass: 'gp3', accessModes: ['ReadWriteOnce'], requested: '20Gi', capacity: '20Gi', usedByPods: [p.name] }));
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: lines(p.name) }));
    return ev;
  }

  it('names a full disk behind diskSpace: the mount, its claims and the threshold, never a failing dependency', () => {
    const ev = springScenario(() => [
      '2026-11-21T02:40:00.000Z  INFO 1 --- [app] [           main] c.e.Application                          : Started Application in 12.1 seconds',
      '2026-11-21T03:13:50.000Z  WARN 1 --- [app] [nio-8080-exec-1] o.s.b.a.system.DiskSpaceHealthIndicator  : Free disk space below threshold. Available: 9437184 bytes (threshold: 10485760B)',
    ]);
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toContain('its diskSpace health check is DOWN');
    expect(f?.title).toContain('/var/data/exports');
    expect(f?.title).toContain('exports-');
    expect(f?.title).toContain('9 MiB free, below its threshold 10485760B = 10 MiB');
    expect(f?.decisive).toBe('Free disk space below threshold. Available: 9437184 bytes (threshold: 10485760B)');
    expect(f?.fix).toMatch(/^expand PVCs exports-.* or free space on them, and take diskSpace out of the readiness group/);
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/database|dependency/i);
    expect(f?.nextAction).toContain('Restarting the pods frees nothing');
  });

  it('names the component a failing indicator logs ("DataSource health check failed" is db) with the error under it', () => {
    const ev = springScenario(() => [
      '2026-11-21T03:13:50.000Z  WARN 1 --- [app] [nio-8080-exec-1] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed',
      'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
      '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
      'Caused by: java.net.SocketTimeoutException: Connect timed out',
    ]);
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toContain('its db health check is DOWN ("DataSource health check failed")');
    expect(f?.likelyCause).toContain('Connect timed out');
  });
});
