import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, event, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { LEASE_LOST_RUN } from '../scenarios/leader-election-logs.js';

const cpu = (request: string, limit: string) => ({ requests: { cpu: request, memory: '512Mi' }, limits: { cpu: limit, memory: '512Mi' } });

/** Two operator pods that lose their lease on every run; revision 6 (40m ago) cut the CPU limit 500m → 50m. */
function leaseLostAfterCpuCut(opts: { cut: boolean }): TriageEvidence {
  const ev = crashScenario(2, (i) => terminated(1, 'Error', 1 + i * 5, { runSeconds: 84 }), { logs: LEASE_LOST_RUN, restarts: 21 });
  const limit = opts.cut ? '50m' : '500m';
  const pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, resources: cpu(opts.cut ? '10m' : '200m', limit) })) }));
  const probes = pods.slice(0, 2).map((p) =>
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.17:8081/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 40, firstSeen: minutesAgo(38), lastSeen: minutesAgo(1) }),
  );
  return {
    ...ev,
    pods,
    events: [...ev.events, ...probes],
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(21 * 24 * 60), { containers: [revisionContainer({ resources: cpu('200m', '500m') })] }),
      revision(REV6, minutesAgo(40), { replicas: 5, changeCause: 'right-size requests/limits', containers: [revisionContainer({ resources: cpu(opts.cut ? '10m' : '200m', limit) })] }),
    ],
  };
}

describe('analyzeExitCodes: a controller that loses its leader-election lease', () => {
  it('names the lost lease as the mechanism and the CPU limit cut behind it as the lead', () => {
    const [f] = analyzeExitCodes(leaseLostAfterCpuCut({ cut: true }));
    expect(f?.title).toBe(
      'Container app exits with code 1 on 2/5 pods: it loses its leader-election lease (leader election lost: a renewal missed the deadline) — revision 6 cut its CPU limit 500m → 50m and the throttled process misses its renewals (slow work logged on 2 pods, readiness probes time out)',
    );
    expect(f?.confidence).toBe('high');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe("restore the CPU limit of app to 500m and set its request back to 200m (revision 5's values)");
    expect(f?.decisive).toMatch(/failed to renew lease/);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/network ?polic|API ?server (is )?(down|unreachable|unavailable|overloaded)/i);
  });

  it('without a CPU cut, tells the lost lease and what delays a renewal, blaming no network policy', () => {
    const [f] = analyzeExitCodes(leaseLostAfterCpuCut({ cut: false }));
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods: it loses its leader-election lease (leader election lost: a renewal missed the deadline)');
    expect(f?.confidence).toBe('medium');
    expect(f?.likelyCause).toMatch(/CPU throttling/);
    expect(f?.likelyCause).not.toMatch(/network ?polic/i);
  });

  it('leaves the lease calls of such a run to the crash, not to a dependency timeout', () => {
    expect(analyzeDependencyErrors(leaseLostAfterCpuCut({ cut: true }))).toEqual([]);
    // A run that never got the lease: its timeouts to the API server stay a dependency failure.
    const never = leaseLostAfterCpuCut({ cut: true });
    never.logs = never.logs.map((l) => ({ ...l, lines: l.lines.filter((x) => !/successfully acquired/.test(x)) }));
    expect(analyzeDependencyErrors(never).map((f) => f.id)).toContain('dependency-error/timeout/172.20.0.1:443');
  });

  it('leads the verdict with the lost lease and the CPU limit line of the revision', () => {
    const report = buildTriageReport(leaseLostAfterCpuCut({ cut: true }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 6 \(40m ago: app cpu limit: 500m → 50m\): Container app exits with code 1 on 2\/5 pods: it loses its leader-election lease/);
    expect(report.headline).not.toMatch(/network ?polic|Connections to/i);
  });
});
