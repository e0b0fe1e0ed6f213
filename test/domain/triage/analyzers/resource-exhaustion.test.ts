import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V15, NOW, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

/** A Node.js service's pino errors when the process has no descriptor left. */
function emfile(i: number): string {
  return `{"level":50,"time":1795000000${i},"pid":1,"err":{"type":"Error","message":"EMFILE: too many open files, open '/tmp/thumbs/${i}.webp'","code":"EMFILE","syscall":"open"},"msg":"render failed"}`;
}

/** Three pods restarted by their liveness probe (timeouts), their logs full of EMFILE. */
function outOfDescriptors(): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) =>
    pod(i, { ready: i !== 1, containers: [container({ ready: i !== 1, restartCount: 3, lastState: terminated(143, 'Error', 3 + i, { runSeconds: 400 }) })] }),
  );
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: [emfile(i * 10 + 1), '{"level":30,"msg":"request completed"}', emfile(i * 10 + 2), emfile(i * 10 + 3), emfile(i * 10 + 4)] })),
    events: pods.flatMap((p) => [
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.0.1.10:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 9, firstSeen: minutesAgo(20), lastSeen: minutesAgo(2) }),
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 3, firstSeen: minutesAgo(20), lastSeen: minutesAgo(3) }),
    ]),
  });
}

describe('analyzeResourceExhaustion', () => {
  it('names the limit the process hits, quoting the line, across the pods', () => {
    const [f, ...rest] = analyzeResourceExhaustion(outOfDescriptors());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('resource-exhaustion');
    expect(f?.title).toBe('payment-service runs out of file descriptors ("too many open files"): 12 such lines in the logs of 3 pods');
    expect(f?.decisive).toContain('EMFILE: too many open files');
    expect(f?.confidence).toBe('high');
  });

  it('marks the connection caps all replicas share as brought on by more replicas, and a process\'s own limit not', () => {
    const refused = (line: string): TriageEvidence => {
      const ev = outOfDescriptors();
      return { ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [line, line, line] })) };
    };
    for (const line of ['FATAL: sorry, too many clients already (SQLSTATE 53300)', 'FATAL: too many connections for role "rpt_reader"', 'ERROR: no more connections allowed (max_client_conn)']) {
      const [f] = analyzeResourceExhaustion(refused(line));
      expect(f?.id, line).toMatch(/^resource-exhaustion\/(database-connections|role-connections|pooler-client-connections)$/);
      expect(f?.scalesWithReplicas, line).toBe(true);
    }
    expect(analyzeResourceExhaustion(outOfDescriptors())[0]?.scalesWithReplicas).toBeUndefined();
  });

  it('leads the verdict over the probe kills it causes, which no longer advise relaxing the timeout', () => {
    const report = buildTriageReport(outOfDescriptors(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('resource-exhaustion');
    expect(report.headline).toMatch(/too many open files/);
    expect(report.headline).not.toMatch(/relax/i);
  });

  it('counts a single line when it ended the crashed run of several pods, and quotes the stretch that names the limit', () => {
    const ev = outOfDescriptors();
    const trace = `2026-11-21 03:12:46.200 WARN 1 --- [ main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory': Caused by: org.postgresql.util.PSQLException: FATAL: sorry, too many clients already`;
    ev.logs = ev.pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['INFO starting', trace] }));
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.id).toBe('resource-exhaustion/database-connections');
    expect(f?.decisive).toMatch(/^….*PSQLException: FATAL: sorry, too many clients already$/);
    ev.logs = ev.logs.slice(0, 1);
    expect(analyzeResourceExhaustion(ev)).toEqual([]);
  });

  it('does not call a pool exhausted when it holds no connection at all (active=0): it cannot open one', () => {
    const ev = outOfDescriptors();
    const empty = 'Caused by: java.sql.SQLTransientConnectionException: reporting - Connection is not available, request timed out after 2001ms (total=0, active=0, idle=0, waiting=0)';
    const held = 'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=37)';
    ev.logs = ev.pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [empty, empty, empty] }));
    expect(analyzeResourceExhaustion(ev)).toEqual([]);
    ev.logs = ev.pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [held, held, held] }));
    expect(analyzeResourceExhaustion(ev)[0]?.id).toBe('resource-exhaustion/connection-pool');
  });

  it('needs more than a stray line, and says nothing about a healthy workload', () => {
    const ev = outOfDescriptors();
    ev.logs = ev.logs.map((l) => ({ ...l, lines: l.lines.slice(0, 2) }));
    expect(analyzeResourceExhaustion(ev)).toEqual([]);
    expect(analyzeResourceExhaustion(healthyScenario())).toEqual([]);
  });

  it('names JVM direct memory run out at its -XX:MaxDirectMemorySize cap, with used and max, over the unready probes it causes', () => {
    const oom = 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 251658247, max: 268435456)';
    const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, {
      ready: i === 1,
      containers: [container({ ready: i === 1, env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=50.0 -XX:MaxDirectMemorySize=256m' }], resources: { requests: { memory: '1536Mi' }, limits: { memory: '1536Mi' } } })],
    }));
    const ev = baseEvidence({
      pods,
      workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 1, availableReplicas: 1 }),
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [oom, '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:141)', 'ERROR 500 Server Error for HTTP POST "/v2/quotes"', oom, oom] })),
      events: pods.filter((_, i) => i !== 1).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.10:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 20, firstSeen: minutesAgo(15), lastSeen: minutesAgo(1) })),
    });
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.id).toBe('resource-exhaustion/direct-memory');
    expect(f?.title).toMatch(/runs out of JVM direct memory.*-XX:MaxDirectMemorySize=256m \(env JAVA_TOOL_OPTIONS\) caps it at 256Mi, 240\.0Mi of 256Mi used/);
    expect(f?.likelyCause).not.toMatch(/OOM ?kill/i);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/direct memory/);
    expect(report.headline).not.toMatch(/^Readiness probe/);
  });
});

/** A Node.js client's pino error when connect() finds no free local port toward its destination. */
function eaddrnotavail(i: number): string {
  return `{"level":50,"time":1795000000${i},"pid":1,"err":{"type":"Error","message":"connect EADDRNOTAVAIL 10.100.43.12:443 - Local (0.0.0.0:0)","errno":-99,"code":"EADDRNOTAVAIL","syscall":"connect","address":"10.100.43.12","port":443},"msg":"pricing call failed"}`;
}

/** Three Ready pods that fail most outgoing calls to one address with EADDRNOTAVAIL. */
function outOfSourcePorts(lines: (i: number) => string = eaddrnotavail): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: [lines(i * 10 + 1), '{"level":30,"msg":"request completed"}', lines(i * 10 + 2), lines(i * 10 + 3), lines(i * 10 + 4)] })),
  });
}

describe('outbound ephemeral-port exhaustion', () => {
  it('reads EADDRNOTAVAIL on connect as the pods running out of source ports toward that destination: connections are not reused', () => {
    const [f, ...rest] = analyzeResourceExhaustion(outOfSourcePorts());
    expect(rest).toEqual([]);
    expect(f?.id).toBe('resource-exhaustion/source-ports');
    expect(f?.title).toMatch(/^payment-service runs out of ephemeral source ports toward 10\.100\.43\.12:443 \(EADDRNOTAVAIL\): connections are not reused/);
    expect(f?.likelyCause).toMatch(/TIME_WAIT/);
    expect(f?.likelyCause).toMatch(/not at fault/);
    expect(f?.nextAction).toMatch(/keep-alive/);
    const report = buildTriageReport(outOfSourcePorts(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/ephemeral source ports toward 10\.100\.43\.12:443/);
  });

  it('dates the exhaustion by the pods\' start when their logs hold it from the first requests, so the revision that created them is the trigger', () => {
    const ev = outOfSourcePorts();
    const started = minutesAgo(130);
    const banner = `{"level":30,"time":${Date.parse(started) + 3000},"pid":1,"msg":"Server listening at http://0.0.0.0:8080"}`;
    const stamped = (m: number) => eaddrnotavail(0).replace(/"time":\d+/, `"time":${Date.parse(minutesAgo(m))}`);
    ev.pods = ev.pods.map((p) => ({ ...p, revisionHash: REV7.hash, createdAt: started, startTime: started }));
    ev.logs = ev.pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [banner, stamped(2.5), stamped(2), stamped(1.5), stamped(1)] }));
    ev.revisions = [...ev.revisions, revision(REV7, minutesAgo(131), { containers: [revisionContainer({ image: IMAGE_V15 })] })];
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.onset).toBe(started);
    expect(buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW }).headline).toMatch(/^Since revision 7 \(2h 11m ago: app image 2\.14\.0 → 2\.15\.0\): payment-service runs out of ephemeral source ports/);
  });

  it('knows the same errno in the words of Go, Java and Python clients', () => {
    const go = () => 'level=error msg="call failed" err="Post \\"https://ledger.payments.svc:8443/v1/entries\\": dial tcp 172.20.14.7:8443: connect: cannot assign requested address"';
    const java = () => 'java.net.NoRouteToHostException: Cannot assign requested address (Address not available)';
    const python = () => "requests.exceptions.ConnectionError: HTTPConnectionPool(host='ledger', port=8080): Max retries exceeded with url: /v1/entries (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 99] Cannot assign requested address'))";
    expect(analyzeResourceExhaustion(outOfSourcePorts(go))[0]?.title).toMatch(/toward 172\.20\.14\.7:8443 \(EADDRNOTAVAIL\)/);
    expect(analyzeResourceExhaustion(outOfSourcePorts(java))[0]?.id).toBe('resource-exhaustion/source-ports');
    expect(analyzeResourceExhaustion(outOfSourcePorts(python))[0]?.title).toMatch(/toward ledger:8080 \(EADDRNOTAVAIL\)/);
  });

  it('does not read a server that cannot bind its listen address, or a connect to IPv6 in a pod without it, as port exhaustion', () => {
    const listen = () => 'Error: listen EADDRNOTAVAIL: address not available 10.0.9.9:3000';
    const goBind = () => 'listen tcp 10.0.9.9:8080: bind: cannot assign requested address';
    const ipv6 = () => 'Error: connect EADDRNOTAVAIL ::1:6379 - Local (:::0)';
    expect(analyzeResourceExhaustion(outOfSourcePorts(listen))).toEqual([]);
    expect(analyzeResourceExhaustion(outOfSourcePorts(goBind))).toEqual([]);
    expect(analyzeResourceExhaustion(outOfSourcePorts(ipv6))).toEqual([]);
  });
});

describe('analyzeResourceExhaustion: the MongoDB drivers\' wait-queue timeout', () => {
  it('reads "Timed out while checking out a connection from connection pool" as an exhausted connection pool', () => {
    const line = '{"level":50,"msg":"request failed","err":{"type":"MongoWaitQueueTimeoutError","message":"Timed out while checking out a connection from connection pool"}}';
    const ev = outOfDescriptors();
    const [f] = analyzeResourceExhaustion({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [line, line, line] })) });
    expect(f?.id).toBe('resource-exhaustion/connection-pool');
  });
});
