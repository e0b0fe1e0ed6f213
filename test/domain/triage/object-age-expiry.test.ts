// An object store answering "not found" only for keys older than some age, while newer keys are
// served: objects expire (a lifecycle, expiration or retention rule on the bucket).
import { describe, expect, it } from 'vitest';
import { explainObjectAgeExpiry } from '../../../src/domain/triage/object-age-expiry.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { NOW, baseEvidence, pod } from './scenarios/builders.js';

const HOUR = 60;
const DAY = 24 * HOUR;

function iso(minutesBefore: number): string {
  return new Date(Date.parse(NOW) - minutesBefore * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A download of the object made `age` minutes before a request at `t` minutes ago: a 500 with NoSuchKey past `cut`, a redirect before. */
function download(t: number, age: number, i: number, cut: (age: number) => boolean): string[] {
  const made = iso(t + age);
  const key = `statements/${made.slice(0, 10).replace(/-/g, '/')}/acct-${4100 + i}/stmt-${made.replace(/:/g, '-')}.pdf`;
  if (cut(age)) {
    return [
      `{"level":"error","ts":"${iso(t)}","msg":"get statement object","bucket":"acme-docs","key":"${key}","error":"operation error S3: GetObject, https response error StatusCode: 404, RequestID: 7F${i}, api error NoSuchKey: The specified key does not exist."}`,
      `{"level":"info","ts":"${iso(t)}","msg":"request","method":"GET","path":"/v1/accounts/acct-${4100 + i}/statements/latest/download","status":500}`,
    ];
  }
  return [`{"level":"info","ts":"${iso(t)}","msg":"request","method":"GET","path":"/v1/accounts/acct-${4100 + i}/statements/latest/download","status":302,"key":"${key}"}`];
}

const AGES = [3 * DAY + 100, 50, 26 * HOUR + 12, 7 * HOUR, 2 * DAY + 300, 23 * HOUR + 20, 25 * HOUR + 5, 40, 9 * DAY, 14 * HOUR, 30 * HOUR, 2 * HOUR, 4 * DAY];

function log(cut: (age: number) => boolean): string[] {
  return AGES.flatMap((age, i) => download(30 - i * 2, age, i, cut));
}

describe('explainObjectAgeExpiry', () => {
  it('reads a clean cut by age between missing and served keys as objects expiring after about a day', () => {
    const lines = log((age) => age > DAY);
    const d = explainObjectAgeExpiry(lines.filter(isErrorLine), lines);
    expect(d?.title?.('logs of 2 ready pods')).toMatch(/older than a day/);
    expect(d?.title?.('logs of 2 ready pods')).toMatch(/acme-docs/);
    expect(d?.title?.('logs of 2 ready pods')).toMatch(/NoSuchKey/);
    expect(d?.likelyCause).toMatch(/lifecycle|expiration/);
    expect(d?.fix).toMatch(/expiration/);
    expect(d?.nextAction).not.toMatch(/roll ?back/i);
  });

  it('says nothing when missing and served keys are of every age, or no key carries a date', () => {
    const mixed = log((age) => age === 50 || age > 2 * DAY || age === 7 * HOUR);
    expect(explainObjectAgeExpiry(mixed.filter(isErrorLine), mixed)).toBeUndefined();
    const undated = log((age) => age > DAY).map((l) => l.replace(/statements\/[^"]+/, 'statements/latest.pdf'));
    expect(explainObjectAgeExpiry(undated.filter(isErrorLine), undated)).toBeUndefined();
    // Every key missing, none served: nothing to split by age (a wrong bucket or prefix looks the same).
    const all = log(() => true);
    expect(explainObjectAgeExpiry(all.filter(isErrorLine), all)).toBeUndefined();
  });

  it('titles the finding that quotes the ready pods\' errors', () => {
    const pods = [0, 1].map((i) => pod(i));
    const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: log((age) => age > DAY) })) });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toMatch(/^Objects older than a day are gone from bucket acme-docs/);
  });
});
