import { describe, expect, it } from 'vitest';
import { analyzeOffsetOutOfRange } from '../../../../src/domain/triage/analyzers/offset-out-of-range.js';
import { findOutOfRangeReset } from '../../../../src/domain/triage/offset-out-of-range.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, pod, workload } from '../scenarios/builders.js';

const cc = '[Consumer clientId=consumer-ledger-1, groupId=ledger]';
const spring = (said: string) => `2026-11-21T01:06:00.000Z  INFO 1 --- [ledger] [ntainer#0-0-C-1] o.a.k.c.c.internals.Fetcher : ${cc} ${said}`;
const outOfRange = (p: number, from: number, to: number) => [
  spring(`Fetch position FetchPosition{offset=${from}, offsetEpoch=Optional[4], currentLeader=LeaderAndEpoch{leader=Optional[kafka-0:9092 (id: 0 rack: a)], epoch=4}} is out of range for partition payments-${p}, resetting offset`),
  spring(`Resetting offset for partition payments-${p} to position FetchPosition{offset=${to}, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[kafka-0:9092 (id: 0 rack: a)], epoch=4}}.`),
];

function scenario(lines: string[], policy = 'latest', over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  const base = baseEvidence({ pods, workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }), logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines }], ...over });
  const w = base.workload!;
  return { ...base, workload: { ...w, templateContainers: w.templateContainers.map((c) => ({ ...c, env: [{ name: 'KAFKA_AUTO_OFFSET_RESET', value: policy }] })) } };
}

describe('analyzeOffsetOutOfRange', () => {
  it('reads out-of-range positions reset to the end (auto.offset.reset=latest) as records skipped, with how many', () => {
    const [f] = analyzeOffsetOutOfRange(scenario([...outOfRange(0, 1000, 51000), ...outOfRange(1, 2000, 12000)]));
    expect(f?.title).toContain('Kafka consumer group ledger lost data: its fetch positions were out of range for 2 partitions of payments');
    expect(f?.title).toContain('(auto.offset.reset=latest), skipping about 60,000 records');
    expect(f?.title).toMatch(/retention is shorter than the group's lag/);
    expect(f?.evidence).toContain('auto.offset.reset = latest (env KAFKA_AUTO_OFFSET_RESET=latest)');
    expect(f?.fix).toMatch(/restore payments's retention\.ms .* auto\.offset\.reset=earliest/);
  });

  it('is never an all-clear: the pods are Ready and the lines are INFO', () => {
    const report = buildTriageReport(scenario([...outOfRange(0, 1000, 51000), ...outOfRange(1, 2000, 12000)]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/out of range/);
  });

  it('reads librdkafka\'s reset to END after "Offset out of range"', () => {
    const line = '%5|1763687160.123|OFFSET|rdkafka#consumer-1| [thrd:main]: payments [3]: offset reset (at offset 4118000 (leader epoch 9), broker 1) to END: fetch failed due to requested offset not available on the broker: Broker: Offset out of range';
    const r = findOutOfRangeReset([{ pod: 'p', container: 'app', previous: false, lines: [line] }]);
    expect(r?.partitions).toEqual(['payments-3']);
    expect(r?.policy).toBe('latest');
  });

  it('stays quiet for earliest, and for a single reset at the first start of a new group', () => {
    expect(analyzeOffsetOutOfRange(scenario([...outOfRange(0, 1000, 51000), ...outOfRange(1, 2000, 12000)], 'earliest'))).toEqual([]);
    const fresh = scenario(outOfRange(0, 1000, 51000));
    expect(analyzeOffsetOutOfRange({ ...fresh, revisions: fresh.revisions.slice(0, 1).map((r) => ({ ...r, createdAt: '2026-11-21T01:05:00Z' })) })).toEqual([]);
  });
});
