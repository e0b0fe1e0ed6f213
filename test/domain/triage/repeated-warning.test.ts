import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { isFailureWarning, shapeOf } from '../../../src/domain/triage/repeated-warning.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const stamp = (m: number) => `2026-11-21T03:${String(m).padStart(2, '0')}:07.412Z`;
const refused = (m: number, id: number) => `${stamp(m)} WARN  [worker-${id}] c.e.jobs.LockClient : lock "nightly-export" refused by store (held by job-${id}a7), retrying in 5000 ms`;
const served = (m: number) => `${stamp(m)} INFO  [http-nio-8080-exec-${m}] c.e.api.Controller : GET /v1/items 200 in ${m + 3} ms`;

function withLogs(perPod: string[][]) {
  const pods = perPod.map((_, i) => pod(i));
  return baseEvidence({ pods, logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: perPod[i] ?? [] })) });
}

const repeating = [served(1), refused(2, 1), served(3), refused(4, 2), served(5), refused(6, 3), refused(8, 4), served(9)];

describe('a failure Ready pods keep logging at WARN', () => {
  it('is no all-clear when most pods repeat it to the end of their logs', () => {
    const [f] = findUnexplained(withLogs([repeating, repeating, [served(1), served(2)]]), []);
    expect(f?.id).toBe('unexplained/repeated-warning');
    expect(f?.severity).toBe('warning');
    expect(f?.title).toContain('2 of 3 ready pods keep logging the same failure at WARN (8 times');
    expect(f?.decisive).toContain('lock "nightly-export" refused by store');
    expect(f?.onset).toBe('2026-11-21T03:02:07.000Z');
  });

  it('says nothing of a warning logged a few times in one pod of three', () => {
    expect(findUnexplained(withLogs([repeating, [served(1)], [served(2)]]), [])).toEqual([]);
  });

  it('says nothing of an old episode no longer at the end of the logs', () => {
    const later = Array.from({ length: 40 }, (_, i) => served(10 + (i % 40)));
    expect(findUnexplained(withLogs([[...repeating, ...later], [...repeating, ...later]]), [])).toEqual([]);
  });

  it('says nothing of deprecation warnings or of warnings that report no failure', () => {
    const advisory = (m: number) => `${stamp(m)} WARN  [main] o.h.orm.deprecation : HHH90000026: the dialect is deprecated and will be removed; failing back to the default`;
    const note = (m: number) => `${stamp(m)} WARN  [pool-1] c.e.cache.Warmer : cache warm-up slow, ${m} entries loaded`;
    const lines = [advisory(1), note(2), advisory(3), note(4), advisory(5), note(6)];
    expect(findUnexplained(withLogs([lines, lines]), [])).toEqual([]);
  });

  it('says nothing when a finding already names the problem', () => {
    const known: Finding = { id: 'x', kind: 'exit-code', title: 't', layer: 'container/process', severity: 'critical', confidence: 'high', evidence: [], likelyCause: '', nextAction: '', confirmCommands: [] };
    expect(findUnexplained(withLogs([repeating, repeating]), [known]).map((f) => f.id)).not.toContain('unexplained/repeated-warning');
  });
});

describe('the shape and the level of a warning line', () => {
  it('makes lines that differ only in times, ids and counts one shape', () => {
    expect(shapeOf(refused(2, 1))).toBe(shapeOf(refused(8, 4)));
  });

  it('reads JSON, logfmt and klog warning levels, and only failures', () => {
    expect(isFailureWarning('{"level":"warn","msg":"publish rejected by broker","attempt":3}')).toBe(true);
    expect(isFailureWarning('time=2026-11-21T03:12:00Z level=warning msg="token refused: unknown audience"')).toBe(true);
    expect(isFailureWarning('W1121 03:12:00.100231       1 reflector.go:539] failed to list *v1.Pod: connection refused')).toBe(true);
    expect(isFailureWarning('{"level":"info","msg":"publish rejected by broker"}')).toBe(false);
    expect(isFailureWarning('WARN slow request: GET /v1/items took 812 ms')).toBe(false);
  });
});

describe('a refusal of one caller', () => {
  it('is the service protecting itself, not a failure of its work', () => {
    expect(isFailureWarning('ts=2026-11-21T03:12:00Z level=WARN msg="rate limit exceeded" key=ak_1*** client_ip=198.51.100.7 status=429')).toBe(false);
  });
});
