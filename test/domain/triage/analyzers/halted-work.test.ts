// A process that says it stopped its work for good ("halting", "will not retry") and stays up:
// nothing after that line, the pod Ready, no restart. One error line, hours old, is the failure.
import { describe, expect, it } from 'vitest';
import { analyzeHaltedWork } from '../../../../src/domain/triage/analyzers/halted-work.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readHaltedWork } from '../../../../src/domain/triage/halted-work.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, baseEvidence, container, minutesAgo, setMember, workload } from '../scenarios/builders.js';

const HALT = (ago: number) => `ts=${minutesAgo(ago)} caller=compact.go:559 level=error msg="critical error detected; halting" err="compaction: group 0@1296: pre compaction overlap check: overlaps found while gathering blocks. [mint: 1795190400000, maxt: 1795197600000, range: 2h0m0s, blocks: 2]: <ulid: 01MD0C4T9R>, <ulid: 01MD0C5J3F>"`;

/** A compactor's periodic work every three hours, up to `until` minutes ago. */
function cycles(from: number, until: number): string[] {
  const out: string[] = [];
  for (let m = from; m >= until; m -= 180) {
    out.push(
      `ts=${minutesAgo(m)} caller=compact.go:1414 level=info msg="start sync of metas"`,
      `ts=${minutesAgo(m - 4)} caller=compact.go:1477 level=info msg="compaction iterations done"`,
      `ts=${minutesAgo(m - 9)} caller=retention.go:47 level=info msg="optional retention apply done"`,
    );
  }
  return out;
}

function compactor(lines: string[]): TriageEvidence {
  const pods = [setMember('compactor', REV6.hash, 0, 6 * 24 * 60, { containers: [container({ name: 'compact', restartCount: 0 })] })];
  return baseEvidence({
    target: { service: 'compactor', namespace: 'monitoring', kind: 'StatefulSet', name: 'compactor', context: 'prod' },
    workload: workload({ kind: 'StatefulSet', name: 'compactor', specReplicas: 1, replicas: 1, readyReplicas: 1, availableReplicas: 1 }),
    pods,
    hpas: [],
    logs: [{ pod: 'compactor-0', container: 'compact', previous: false, lines }],
  });
}

describe('a process that halted its work and stays up', () => {
  it('reads the halt, when it was and the error it quotes', () => {
    const halt = readHaltedWork([...cycles(22 * 60, 10 * 60), HALT(527)]);
    expect(halt?.message).toBe('critical error detected; halting');
    expect(halt?.reason).toMatch(/^compaction: group 0@1296: pre compaction overlap check: overlaps found while gathering blocks\.$/);
    expect(halt?.at).toBe(minutesAgo(527));
  });

  it('calls it a failure of the ready pod, quoting why it halted', () => {
    const [f, ...rest] = analyzeHaltedWork(compactor([...cycles(22 * 60, 10 * 60), HALT(527)]));
    expect(rest).toEqual([]);
    expect(f?.title).toMatch(/halted its work 8h 47m ago and has logged nothing since/);
    expect(f?.title).toMatch(/overlaps found/);
    expect(f?.affected?.pods).toEqual(['compactor-0']);
    const report = buildTriageReport(compactor([...cycles(22 * 60, 10 * 60), HALT(527)]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/halt/);
    expect(report.headline).toMatch(/overlap/);
  });

  it('says nothing when work follows the line, or the line is no error, or it only gave up on one call', () => {
    expect(analyzeHaltedWork(compactor([HALT(527), ...cycles(400, 10)]))).toEqual([]);
    expect(analyzeHaltedWork(compactor([...cycles(22 * 60, 10 * 60), HALT(527).replace('level=error', 'level=info')]))).toEqual([]);
    // "giving up" on a call, in a log that is quiet that long anyway, is no halt.
    const gaveUp = `ts=${minutesAgo(200)} level=error msg="upload failed, giving up" err="context deadline exceeded"`;
    expect(analyzeHaltedWork(compactor([...cycles(22 * 60, 10 * 60), gaveUp]))).toEqual([]);
  });
});
