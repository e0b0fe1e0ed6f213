import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readPinnedVirtualThreads } from '../../../../src/domain/triage/pinned-virtual-threads.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V15, NOW, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '');
const VIRTUAL = { name: 'SPRING_THREADS_VIRTUAL_ENABLED', value: 'true' };

/** What -Djdk.tracePinnedThreads=full prints when a virtual thread blocks in the MySQL driver's synchronized read. */
function pinnedStack(carrier: number): string[] {
  return [
    `Thread[#${carrier},ForkJoinPool-1-worker-1,5,CarrierThreads]`,
    '    java.base/java.lang.VirtualThread$VThreadContinuation.onPinned(VirtualThread.java:183)',
    '    java.base/jdk.internal.vm.Continuation.onPinned0(Continuation.java:393)',
    '    java.base/java.lang.VirtualThread.park(VirtualThread.java:582)',
    '    java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:290)',
    '    com.mysql.cj.protocol.a.NativeProtocol.readMessage(NativeProtocol.java:556)',
    '    com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:912) <== monitors:1',
    '    com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1009) <== monitors:1',
    '    com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)',
  ];
}

const exhausted = (m: number) => [
  `${stamp(m)} ERROR 1 --- [omcat-handler-88] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception [Request processing failed: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection] with root cause`,
  'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=241)',
];

/** Revision 7 (50 minutes ago) turned virtual threads on; the pods hang in the driver's synchronized reads. */
function pinnedScenario(virtual = true): TriageEvidence {
  const spec = { env: virtual ? [VIRTUAL] : [], resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } };
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, {
    revisionHash: REV7.hash,
    ready: false,
    createdAt: minutesAgo(49),
    startTime: minutesAgo(49),
    containers: [container({ ...spec, ready: false, state: running(48) })],
  }));
  const base = baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, currentRevision: 7 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...pinnedStack(47), ...pinnedStack(52), ...exhausted(20), ...exhausted(10), ...exhausted(2)] })),
  });
  return { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(50), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15, env: [...(revisionContainer().env ?? []), ...spec.env] })] })] };
}

describe('virtual threads pinned to their carriers behind an exhausted pool', () => {
  it('reads the pinned stacks, the frame holding the monitor, the switch and the carriers', () => {
    const ev = pinnedScenario();
    const read = readPinnedVirtualThreads(ev.logs, ev.pods[0]?.containers[0]);
    expect(read).toMatchObject({
      reports: 6,
      monitorFrame: 'com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:912)',
      setting: 'SPRING_THREADS_VIRTUAL_ENABLED=true',
      carriers: 2,
    });
  });

  it('reads nothing from a pool timeout without pinned stacks', () => {
    expect(readPinnedVirtualThreads([{ pod: 'p', container: 'app', previous: false, lines: exhausted(3) }])).toBeUndefined();
  });

  it('names the pinning, not the pool, as the mechanism', () => {
    const [f] = analyzeResourceExhaustion(pinnedScenario());
    expect(f?.id).toBe('resource-exhaustion/pinned-virtual-threads');
    expect(f?.title).toMatch(/virtual threads \(SPRING_THREADS_VIRTUAL_ENABLED=true\) pin its 2 carrier threads/);
    expect(f?.title).toContain('ClientPreparedStatement.executeInternal');
    expect(f?.fix).toMatch(/SPRING_THREADS_VIRTUAL_ENABLED=false/);
  });

  it('dates it from the revision that turned virtual threads on and advises its rollback', () => {
    const report = buildTriageReport(pinnedScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7/);
    expect(report.headline).toMatch(/virtual threads .*pin/);
    expect(report.headline).toMatch(/Roll back to revision 6|SPRING_THREADS_VIRTUAL_ENABLED=false/);
  });
});
