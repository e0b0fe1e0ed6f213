import { describe, expect, it } from 'vitest';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

// A JVM that threw OutOfMemoryError and did not exit: Ready pods, no restarts, a handful of error lines.
const stamp = (ago: number, level: string, logger: string, msg: string) => `${minutesAgo(ago)} ${level.padStart(5)} 1 --- [orders] [ntainer#0-0-C-1] ${logger.padEnd(40)} : ${msg}`;
const KC = 'o.s.k.l.KafkaMessageListenerContainer';

function consumerLog(k: number, opts: { stop?: boolean; pool?: string; exits?: boolean } = {}): string[] {
  const out = [stamp(170, 'INFO', 'c.e.orders.OrdersApplication', 'Started OrdersApplication in 11.2 seconds')];
  for (let i = 0; i < 8; i++) out.push(stamp(160 - i * 12, 'INFO', 'c.e.orders.OrderListener', `processed order ${4100 + i * 3 + k}`));
  out.push(
    ...(opts.stop === false ? [stamp(60 - k * 5, 'ERROR', 'c.e.orders.ExportController', 'export failed')] : [stamp(60 - k * 5, 'ERROR', KC, 'Stopping container due to an Error')]),
    `java.lang.OutOfMemoryError: ${opts.pool ?? 'Java heap space'}`,
    '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)',
    ...(opts.exits ? ['Terminating due to java.lang.OutOfMemoryError: Java heap space'] : []),
    ...(opts.stop === false ? [] : [stamp(60 - k * 5 - 0.1, 'INFO', KC, 'orders: Consumer stopped')]),
  );
  return out;
}

const opts = (xmx: string) => [{ name: 'JAVA_OPTS', value: `-Xms${xmx} -Xmx${xmx} -XX:+UseG1GC` }];
const resources = (memory: string) => ({ requests: { cpu: '500m', memory }, limits: { memory } });

/** Two Ready pods on revision 7, which cut the heap 1536m → 384m 3h ago; `old` keeps revision 6's heap. */
function consumer(log: (k: number) => string[], old = false): TriageEvidence {
  const xmx = old ? '1536m' : '384m';
  const pods: PodEvidence[] = [0, 1].map((i) =>
    pod(i, { revisionHash: REV7.hash, startTime: minutesAgo(175), createdAt: minutesAgo(176), containers: [container({ env: opts(xmx), resources: resources(old ? '2Gi' : '640Mi'), state: running(175) })] }),
  );
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: log(k) })),
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ env: opts('1536m'), resources: resources('2Gi') })] }),
      revision(REV7, minutesAgo(180), { replicas: 2, containers: [revisionContainer({ env: opts(xmx), resources: resources(old ? '2Gi' : '640Mi') })] }),
    ],
    hpas: [],
  });
}

describe('a JVM that ran out of memory and lives on', () => {
  it('is a problem however few error lines: the heap OutOfMemoryError, the revision that cut the heap, the stopped consumer', () => {
    const report = buildTriageReport(consumer((k) => consumerLog(k)), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).not.toMatch(/looks healthy|too few to call failing/);
    expect(report.headline).toMatch(/^Since revision 7 /);
    expect(report.headline).toContain("JVM ran out of heap and lives on: java.lang.OutOfMemoryError: Java heap space in 2 of 2 pods");
    expect(report.headline).toContain('revision 7 cut the heap from 1.5Gi to 384Mi (-Xmx1536m → -Xmx384m, env JAVA_OPTS; memory limit 2Gi → 640Mi)');
    expect(report.headline).toContain('its consumer stopped on it in both ("Stopping container due to an Error"): the pods stay Ready and consume nothing');
    const f = report.findings[0];
    expect(f?.nextAction).toMatch(/^Give the heap back: set -Xmx back to 1536m with the 2Gi memory limit \(revision 6's values\)/);
    expect(f?.nextAction).toContain('Add -XX:+ExitOnOutOfMemoryError');
  });

  it('names the heap flag when no revision cut it, and counts one OutOfMemoryError without a consumer', () => {
    const report = buildTriageReport(consumer((k) => consumerLog(k, { stop: false }), true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.findings[0]?.title).toContain('java.lang.OutOfMemoryError: Java heap space in 2 of 2 pods');
    expect(report.findings[0]?.title).toContain('-Xmx1536m (env JAVA_OPTS) sets the JVM heap to 1.5Gi against a 2Gi container limit');
    expect(report.findings[0]?.nextAction).toMatch(/^Raise -Xmx1536m within the memory limit \(2Gi\)/);
  });

  it.each([
    ['Direct buffer memory', 'resource-exhaustion/direct-memory'],
    ['unable to create native thread: possibly out of memory or process/resource limits reached', 'resource-exhaustion/threads'],
  ])('counts one OutOfMemoryError: %s of a live JVM as the limit it hit', (pool, id) => {
    const report = buildTriageReport(consumer((k) => consumerLog(k, { stop: false, pool }), true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.findings.some((f) => f.id === id)).toBe(true);
    expect(report.headline).not.toMatch(/looks healthy|too few to call failing/);
  });

  it('leaves a JVM that exits on it to the crash readings', () => {
    const report = buildTriageReport(consumer((k) => consumerLog(k, { exits: true })), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings.some((f) => f.id.startsWith('heap-pressure/oom/'))).toBe(false);
  });
});
