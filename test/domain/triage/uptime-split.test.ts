import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../src/domain/triage/analyzers/resource-exhaustion.js';
import { parseDependencyError } from '../../../src/domain/triage/dependency-error-line.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, workload } from './scenarios/builders.js';

const DAY = 24 * 60;
const emfile = (i: number) => `2026/11/21 03:0${i % 10}:45 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 1s`;
const dnsDial = '{"level":"warn","msg":"schema lookup failed","error":"Get \\"http://schema-registry.ingest.svc:8081/x\\": dial tcp: lookup schema-registry.ingest.svc on 172.20.0.10:53: dial udp 172.20.0.10:53: socket: too many open files"}';

/** Six pods of one revision; the two that have run longest are out of descriptors, the younger ones log their count. */
function oldPodsOutOfDescriptors(): TriageEvidence {
  const uptimes = [7 * DAY + 300, 6 * DAY + 1320, 5 * DAY + 1140, 2 * DAY + 180, 31 * 60, 9 * 60];
  const pods: PodEvidence[] = uptimes.map((up, i) => pod(i, { ready: i > 1, createdAt: minutesAgo(up + 1), startTime: minutesAgo(up), containers: [container({ ready: i > 1 })] }));
  const fds = [0, 0, 9812, 4410, 1570, 1570];
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 6, replicas: 6, readyReplicas: 4, availableReplicas: 4 }),
    logs: pods.map((p, i) => ({
      pod: p.name, container: 'app', previous: false,
      lines: i <= 1 ? [emfile(1), dnsDial, emfile(2), emfile(3), emfile(4)] : [`{"level":"info","msg":"runtime","goroutines":310,"open_fds":${fds[i]}}`],
    })),
  });
}

describe('a limit only the oldest pods hit', () => {
  it('names pod age as what separates them: a leak that piles up with uptime', () => {
    const [f] = analyzeResourceExhaustion(oldPodsOutOfDescriptors());
    expect(f?.id).toBe('resource-exhaustion/file-descriptors');
    expect(f?.title).toMatch(/only the 2 oldest pods \(up 7d 5h and 6d 22h\); the 4 that still serve are younger \(up 9h to 5d 19h\): descriptors pile up with uptime, a leak/);
    expect(f?.evidence.join('\n')).toMatch(/open_fds 1570 \(up 9h\) → 1570 \(up 1d 7h\) → 4410 \(up 2d 3h\) → 9812 \(up 5d 19h\)/);
    expect(f?.nextAction).toMatch(/^Mitigate: restart the oldest pods/);
    expect(f?.fix).toMatch(/^restart the oldest pods.*never releases/);
  });

  it('says nothing of age when a younger pod fails too', () => {
    const ev = oldPodsOutOfDescriptors();
    const young = ev.pods[5] as PodEvidence;
    const logs = ev.logs.map((l) => (l.pod === young.name ? { ...l, lines: [emfile(1), emfile(2), emfile(3)] } : l));
    const [f] = analyzeResourceExhaustion({ ...ev, logs });
    expect(f?.title).not.toMatch(/oldest|uptime/);
  });

  it('does not read a socket the process could not open as a DNS or dependency failure', () => {
    expect(parseDependencyError(dnsDial)).toBeUndefined();
    expect(parseDependencyError('kafka: client has run out of available brokers to talk to: dial tcp 10.0.90.61:9092: socket: too many open files')).toBeUndefined();
    expect(parseDependencyError('dial tcp: lookup schema-registry.ingest.svc on 172.20.0.10:53: read udp 10.0.1.2:5353->172.20.0.10:53: i/o timeout')?.problem).toBe('dns-unavailable');
    const report = buildTriageReport(oldPodsOutOfDescriptors(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings.map((x) => x.title).join('\n')).not.toMatch(/DNS|resolver/);
  });
});
