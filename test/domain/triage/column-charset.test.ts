// MySQL error 1366 "Incorrect string value: '\xF0\x9F…' for column 'x'": a 4-byte UTF-8 character
// (an emoji) written into a utf8 (utf8mb3) column. The headline names the charset mechanism and
// the fix (the column to utf8mb4); a release whose pods brought the errors with them is the trigger.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeColumnCharset } from '../../../src/domain/triage/analyzers/column-charset.js';
import { readCharsetRefusal } from '../../../src/domain/triage/column-charset.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const INSERT = 'INSERT INTO reviews (product_id, customer_id, body) VALUES (?, ?, ?)';

/** A Node service's pino line for a refused insert (JSON doubles MySQL's backslashes). */
function refused(m: number, bytes: string, column = 'body'): string {
  const message = `Incorrect string value: '${bytes} gr...' for column '${column}' at row 1`;
  return JSON.stringify({ level: 50, time: Date.parse(minutesAgo(m)), msg: 'failed to save review', err: { message, code: 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD', errno: 1366, sql: INSERT } });
}
const ok = (m: number): string => JSON.stringify({ level: 30, time: Date.parse(minutesAgo(m)), req: { method: 'POST', url: '/v1/reviews' }, res: { statusCode: 201 }, msg: 'request completed' });
const EMOJI = '\\\\xF0\\\\x9F\\\\x98\\\\x8D';

/** Ready pods of revision 7, rolled out 30 minutes ago, whose logs carry the refusals from their start. */
function scenario(lines: (k: number) => string[]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(30), startTime: minutesAgo(30) }));
  const logs = pods.map((p, k): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) }));
  return baseEvidence({
    pods,
    logs,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(30), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

const emojiLogs = (k: number) => [ok(29.5), refused(29, EMOJI), ok(20), refused(12 - k, EMOJI), ok(5), refused(2, EMOJI)];

describe('MySQL refusing text its column\'s charset cannot store (error 1366)', () => {
  it('reads a 4-byte character (an emoji), the column, and the table of the statement', () => {
    const r = readCharsetRefusal(refused(1, EMOJI));
    expect(r).toMatchObject({ column: 'body', table: 'reviews', gap: 'four-byte', bytes: '\\xF0\\x9F\\x98\\x8D' });
    expect(readCharsetRefusal("Incorrect string value: '\\xE2\\x80\\x99s' for column `shop`.`reviews`.`title` at row 1")).toMatchObject({ column: 'title', gap: 'narrow-charset' });
  });

  it('names the utf8mb3 column, the 4-byte characters and the fix (utf8mb4)', () => {
    const [f] = analyzeColumnCharset(scenario(emojiLogs));
    expect(f?.title).toMatch(/^MySQL refuses 4-byte UTF-8 characters \(emoji, '\\xF0\\x9F\\x98\\x8D'\) in column body of reviews: it is in the 3-byte utf8 \(utf8mb3\) charset, not utf8mb4/);
    expect(f?.title).toMatch(/6 refused writes in 2 ready pods/);
    expect(f?.fix).toContain('ALTER TABLE reviews CONVERT TO CHARACTER SET utf8mb4');
  });

  it('gives the column\'s own type when a migration in the logs declares it', () => {
    const migration = JSON.stringify({ level: 30, msg: 'migration applied', sql: 'ALTER TABLE reviews ADD COLUMN body VARCHAR(2000) NULL' });
    const [f] = analyzeColumnCharset(scenario((k) => [migration, ...emojiLogs(k)]));
    expect(f?.fix).toContain('ALTER TABLE reviews MODIFY body VARCHAR(2000) CHARACTER SET utf8mb4');
  });

  it('says the charset mechanism in the headline, since the revision whose pods brought the errors', () => {
    const r = buildTriageReport(scenario(emojiLogs), times);
    expect(r.headline).toMatch(/^Since revision 7/);
    expect(r.headline).toMatch(/utf8mb3/);
    expect(r.headline).toMatch(/utf8mb4/);
  });

  it('says a narrower charset for a 3-byte character, and nothing for one stray refusal', () => {
    const [f] = analyzeColumnCharset(scenario(() => [refused(9, '\\\\xE2\\\\x80\\\\x99'), refused(3, '\\\\xE2\\\\x80\\\\x99')]));
    expect(f?.title).toMatch(/latin1/);
    expect(f?.title).not.toMatch(/4-byte/);
    expect(analyzeColumnCharset(scenario((k) => (k === 0 ? [refused(3, EMOJI)] : [ok(2)])))).toEqual([]);
  });
});
