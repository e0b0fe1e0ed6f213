import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../src/domain/triage/analyzers/signal-kill.js';
import { parseGcPause } from '../../../src/domain/triage/probe-gc-pause.js';
import { baseEvidence, container, event, minutesAgo, pod, running, terminated } from './scenarios/builders.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';

const TIMEOUT = 'Liveness probe failed: Get "http://10.1.2.3:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';

/** A JVM whose liveness probe (1s timeout) times out and is killed; its log is `gc`. */
function paused(gc: string[]): TriageEvidence {
  const probes = { liveness: { type: 'http' as const, path: '/health', port: 8080, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } };
  const app = container({ probes, state: running(5), lastState: terminated(137, 'Error', 5.1, { runSeconds: 900 }), restartCount: 6 });
  const p = pod(0, { containers: [app] });
  return baseEvidence({
    pods: [p],
    events: [
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Warning', reason: 'Unhealthy', message: TIMEOUT, firstSeen: minutesAgo(90), lastSeen: minutesAgo(5.2), count: 30 }),
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', firstSeen: minutesAgo(89), lastSeen: minutesAgo(5.1), count: 6 }),
    ],
    logs: [{ pod: p.name, container: 'app', previous: true, lines: gc }],
  });
}

const G1 = [
  '[2026-11-21T03:00:00.000+0000][info][gc,init] Heap Region Size: 2M',
  '[2026-11-21T03:01:00.000+0000][info][gc] GC(10) Pause Young (Concurrent Start) (G1 Humongous Allocation) 2900M->2880M(3072M) 40.000ms',
  '[2026-11-21T03:01:00.100+0000][info][gc] GC(11) To-space exhausted',
  '[2026-11-21T03:01:06.000+0000][info][gc] GC(12) Pause Full (G1 Compaction Pause) 3060M->2000M(3072M) 6100.000ms',
  '[2026-11-21T03:03:00.000+0000][info][gc] GC(13) Pause Young (Concurrent Start) (G1 Humongous Allocation) 2950M->2930M(3072M) 45.000ms',
  '[2026-11-21T03:03:07.000+0000][info][gc] GC(14) Pause Full (G1 Compaction Pause) 3065M->2050M(3072M) 7400.000ms',
];

describe('a liveness probe that times out through stop-the-world GC pauses', () => {
  it('names the pauses, the longest against the timeout, and G1 humongous allocations; advises the region size, not a looser probe', () => {
    const f = analyzeSignalKills(paused(G1)).find((x) => x.kind === 'liveness-kill');
    expect(f?.title).toContain('GC pauses of up to 7.4s ("Pause Full (G1 Compaction Pause)") outlast its 1s timeout');
    expect(f?.title).toMatch(/humongous/);
    expect(f?.likelyCause).toMatch(/half a G1 region \(1M with 2M regions\)/);
    expect(f?.likelyCause).toContain('To-space exhausted');
    expect(f?.fix).toMatch(/G1HeapRegionSize/);
    expect(f?.nextAction).not.toMatch(/^Mitigate: if the app is alive but slow, relax/);
  });

  it('reads JDK 8 full GC lines too, and names full collections without humongous allocations', () => {
    const legacy = [
      '2026-11-21T03:01:00.000+0000: 900.1: [Full GC (Allocation Failure) [PSYoungGen: 500M->0K(600M)] [ParOldGen: 2000M->1900M(2048M)] 2500M->1900M(2648M), [Metaspace: 90M->90M(1100M)], 4.2101234 secs] [Times: user=8.1 sys=0.1, real=4.21 secs]',
      '2026-11-21T03:02:00.000+0000: 960.1: [Full GC (Ergonomics) [PSYoungGen: 500M->0K(600M)] [ParOldGen: 2000M->1950M(2048M)] 2500M->1950M(2648M), [Metaspace: 90M->90M(1100M)], 3.5000000 secs] [Times: user=7.0 sys=0.1, real=3.50 secs]',
    ];
    const f = analyzeSignalKills(paused(legacy)).find((x) => x.kind === 'liveness-kill');
    expect(f?.title).toContain('GC pauses of up to 4.2s ("Full GC (Allocation Failure)")');
    expect(f?.title).not.toMatch(/humongous/i);
    expect(f?.fix).not.toMatch(/G1HeapRegionSize/);
  });

  it('is not the reading when the pauses are shorter than the timeout, or a single one', () => {
    const short = analyzeSignalKills(paused(G1.map((l) => l.replace(/\d+\.000ms/, '300.000ms')))).find((x) => x.kind === 'liveness-kill');
    expect(short?.title ?? '').not.toMatch(/GC pauses/);
    const once = analyzeSignalKills(paused(G1.slice(0, 4))).find((x) => x.kind === 'liveness-kill');
    expect(once?.title ?? '').not.toMatch(/GC pauses/);
  });

  it('parses a unified pause line', () => {
    expect(parseGcPause('GC(4978) Pause Full (Allocation Failure) 1003M->402M(1012M) 4121.907ms')).toMatchObject({ ms: 4122, kind: 'Pause Full (Allocation Failure)' });
  });
});
