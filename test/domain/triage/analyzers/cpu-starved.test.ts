import { describe, expect, it } from 'vitest';
import { analyzeCpuStarved } from '../../../../src/domain/triage/analyzers/cpu-starved.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const cpu = (request: string, limit: string) => ({ requests: { cpu: request, memory: '1Gi' }, limits: { cpu: limit, memory: '1Gi' } });

/**
 * Revision 7, three hours old, cut the CPU limit from 2 to 500m; under this afternoon's load the
 * JVM pauses for seconds, its pool's housekeeper starves and the readiness probes time out.
 */
function cpuLimitCut(): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2, 3].map((i) =>
    pod(i, { revisionHash: REV7.hash, ready: i % 2 === 1, containers: [container({ ready: i % 2 === 1, state: running(180 - i), resources: cpu('300m', '500m') })] }),
  );
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 2, availableReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ resources: cpu('1', '2') })] }),
      revision(REV7, minutesAgo(180), { replicas: 4, changeCause: 'rightsizing: cpu request 1 -> 300m, limit 2 -> 500m', containers: [revisionContainer({ resources: cpu('300m', '500m') })] }),
    ],
    logs: pods.map((p) => ({
      pod: p.name,
      container: 'app',
      previous: false,
      lines: [
        '[2026-11-21T00:14:00.000Z][info][gc] Using Serial',
        '[2026-11-21T02:50:00.000Z][info][gc] GC(4411) Pause Young (Allocation Failure) 498M->211M(1012M) 1874.332ms',
        '2026-11-21T02:50:30.000Z  WARN 1 --- [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=58s412ms).',
        '[2026-11-21T03:10:00.000Z][info][gc] GC(4978) Pause Full (Allocation Failure) 1003M->402M(1012M) 4121.907ms',
      ],
    })),
    events: pods.map((p) =>
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.10:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 40, firstSeen: minutesAgo(24), lastSeen: minutesAgo(1) }),
    ),
  });
}

describe('analyzeCpuStarved', () => {
  it('ties starvation in the logs and probe timeouts to the revision that cut the CPU limit, however old', () => {
    const [f, ...rest] = analyzeCpuStarved(cpuLimitCut());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('cpu-starved');
    expect(f?.title).toBe(
      'Container app is starved of CPU since revision 7 (3h ago) cut its CPU limit 2 → 500m (request 1 → 300m): GC pauses up to 4.1s and thread starvation (4 lines) in the logs of 4 pods, readiness probes time out on 4/4 pods',
    );
    expect(f?.decisive).toMatch(/Pause Full .* 4121\.907ms$/);
    expect(f?.datesChange).toBe(true);
    expect(f?.evidence).toContain('the JVM chose the Serial collector: it sees fewer than two CPUs');
    expect(f?.fix).toBe("restore the CPU limit of app to 2 and set its request back to 1 (revision 6's values)");
    expect(f?.confidence).toBe('high');
  });

  it('leads the verdict over the readiness timeouts it explains, and names no missing change', () => {
    const report = buildTriageReport(cpuLimitCut(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('cpu-starved');
    expect(report.headline).toMatch(/^Container app is starved of CPU since revision 7 \(3h ago\)/);
    expect(report.headline).not.toMatch(/no change found|OOM|crash/i);
    expect(report.findings.find((f) => f.kind === 'readiness-probe')?.explainedBy).toContain('cpu-starved/app');
  });

  it('says nothing when the limit was raised or unchanged, without starvation in the logs, or on a healthy workload', () => {
    const raised = cpuLimitCut();
    raised.revisions = raised.revisions.map((r) => (r.revision === 6 ? { ...r, containers: [revisionContainer({ resources: cpu('250m', '250m') })] } : r));
    expect(analyzeCpuStarved(raised)).toEqual([]);
    const same = cpuLimitCut();
    same.revisions = same.revisions.map((r) => (r.revision === 6 ? { ...r, containers: [revisionContainer({ resources: cpu('300m', '500m') })] } : r));
    expect(analyzeCpuStarved(same)).toEqual([]);
    const quiet = cpuLimitCut();
    quiet.logs = quiet.logs.map((l) => ({ ...l, lines: ['[2026-11-21T03:10:00.000Z][info][gc] GC(4978) Pause Young (Allocation Failure) 498M->211M(1012M) 12.3ms'] }));
    expect(analyzeCpuStarved(quiet)).toEqual([]);
    expect(analyzeCpuStarved(healthyScenario())).toEqual([]);
  });

  it('counts a limit set where there was none as a cut', () => {
    const ev = cpuLimitCut();
    ev.revisions = ev.revisions.map((r) => (r.revision === 6 ? { ...r, containers: [revisionContainer({ resources: { requests: { cpu: '1' }, limits: {} } })] } : r));
    expect(analyzeCpuStarved(ev)[0]?.title).toMatch(/cut its CPU limit none → 500m/);
    expect(analyzeCpuStarved(ev)[0]?.fix).toMatch(/^remove the CPU limit of app and set its request back to 1/);
  });

  it('reads a JVM pool sized to the processors the cut left, with work queued on it, as the cut', () => {
    const ev = cpuLimitCut();
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: [revisionContainer({ resources: r.revision === 6 ? cpu('2', '4') : cpu('500m', '1') })] }));
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, resources: cpu('500m', '1') })) }));
    ev.logs = ev.logs.map((l) => ({
      ...l,
      lines: [
        '2026-11-21T00:14:00.000Z  INFO 1 --- [main] c.e.app.config.WorkConfig : Work executor: ForkJoinPool.commonPool() (parallelism=1, availableProcessors=1)',
        ...[1, 2, 3].map((i) => `2026-11-21T03:0${i}:00.000Z  WARN 1 --- [exec-${i}] c.e.app.Aggregator : Fan-out timed out after 2000ms: 2 of 5 lookups still queued (pool=ForkJoinPool.commonPool, active=1, queued=${10 + i})`),
      ],
    }));
    const [f, ...rest] = analyzeCpuStarved(ev);
    expect(rest).toEqual([]);
    expect(f?.title).toMatch(/^Container app's ForkJoinPool\.commonPool is sized to 1 processor since revision 7 \(3h ago\) cut its CPU limit 4 → 1 \(request 2 → 500m\): the JVM counts the limit as its available processors, so work queues behind one worker and times out/);
    expect(f?.decisive).toMatch(/parallelism=1, availableProcessors=1/);
    expect(f?.fix).toMatch(/^restore the CPU limit of app to 4 .*-XX:ActiveProcessorCount/);
    // The old limit gave the runtime no more processors (1500m → 1200m: 2 either way): the cut did not shrink the pool.
    const same = structuredClone(ev);
    same.revisions = same.revisions.map((r) => ({ ...r, containers: [revisionContainer({ resources: r.revision === 6 ? cpu('1', '1500m') : cpu('500m', '1200m') })] }));
    same.pods = same.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, resources: cpu('500m', '1200m') })) }));
    expect(analyzeCpuStarved(same)).toEqual([]);
    // A size without work waiting on it is only a start-up line.
    const idle = structuredClone(ev);
    idle.logs = idle.logs.map((l) => ({ ...l, lines: l.lines.slice(0, 1) }));
    expect(analyzeCpuStarved(idle)).toEqual([]);
  });
});
