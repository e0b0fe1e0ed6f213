// Outbound calls that time out from pods whose revision put the bandwidth plugin's cap on them
// (kubernetes.io/egress-bandwidth): the transfers are slowed to that rate, not dropped. The cap and
// the revision that set it are the cause, not a NetworkPolicy and not the dependency.
import { describe, expect, it } from 'vitest';
import { findBandwidthCap, formatBandwidth, parseBandwidth } from '../../../src/domain/triage/bandwidth-cap.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { PodTemplateEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

function template(annotations?: Record<string, string>): PodTemplateEvidence {
  return { ...(annotations ? { annotations } : {}), initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
}

const timeoutLine = (ago: number, i: number) =>
  `{"level":50,"time":"${minutesAgo(ago)}","msg":"blob upload failed","object":"exports/part-${i}.tar","bytes":${60_000_000 + i},"err":{"type":"TimeoutError","message":"Connection timed out after 90000 ms"}}`;

function story(caps: { before?: Record<string, string>; after?: Record<string, string>; revisedAgo?: number }) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo((caps.revisedAgo ?? 50) - 1), startTime: minutesAgo((caps.revisedAgo ?? 50) - 1) }));
  const lines = Array.from({ length: 6 }, (_, i) => timeoutLine(40 - i * 5, i));
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { template: template(caps.before) }),
      revision(REV7, minutesAgo(caps.revisedAgo ?? 50), { replicas: 2, template: template(caps.after) }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('bandwidth quantities', () => {
  it('reads Kubernetes quantities as bits per second', () => {
    expect(parseBandwidth('1M')).toBe(1e6);
    expect(parseBandwidth('500k')).toBe(5e5);
    expect(parseBandwidth('1Gi')).toBe(2 ** 30);
    expect(parseBandwidth('fast')).toBeUndefined();
    expect(formatBandwidth(1e6)).toBe('1 Mbit/s (~125 kB/s)');
  });
});

describe('a revision that capped the pods\' egress bandwidth', () => {
  it('finds the cap the revision added just before the timeouts', () => {
    const ev = story({ after: { 'kubernetes.io/egress-bandwidth': '2M', 'kubernetes.io/ingress-bandwidth': '500M' } });
    expect(findBandwidthCap(ev.revisions, ev.pods, minutesAgo(40))).toMatchObject({ annotation: 'kubernetes.io/egress-bandwidth', value: '2M', dated: true, revision: { revision: 7 } });
  });

  it('names the cap and its value in the headline, and no NetworkPolicy', () => {
    const r = buildTriageReport(story({ after: { 'kubernetes.io/egress-bandwidth': '2M' } }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/kubernetes\.io\/egress-bandwidth: 2M/);
    expect(r.headline).toMatch(/2 Mbit\/s/);
    expect(r.headline).toMatch(/revision 7/);
    const claims = [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/NetworkPolicy.{0,40}(block|deny|drop)/i);
  });

  it('leaves a generous cap that was already there alone', () => {
    const ev = story({ before: { 'kubernetes.io/egress-bandwidth': '500M' }, after: { 'kubernetes.io/egress-bandwidth': '500M' } });
    expect(findBandwidthCap(ev.revisions, ev.pods, minutesAgo(40))).toBeUndefined();
  });

  it('leaves pods without the annotation alone', () => {
    const r = buildTriageReport(story({}), times);
    expect(r.headline).not.toMatch(/bandwidth/);
  });
});
