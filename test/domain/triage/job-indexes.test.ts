import { describe, expect, it } from 'vitest';
import { findFailedIndexes, findInputOf, parseIndexList } from '../../../src/domain/triage/job-indexes.js';
import type { JobEvidence } from '../../../src/domain/triage/evidence.js';
import { container, pod, terminated } from './scenarios/builders.js';

const job = (over: Partial<JobEvidence> = {}): JobEvidence => ({ name: 'embed', active: 0, succeeded: 0, failed: 0, conditions: [], ...over });
const ran = (index: number, exitCode: number) =>
  pod(index, { name: `embed-${index}-x${index}`, phase: exitCode === 0 ? 'Succeeded' : 'Failed', completionIndex: index, containers: [container({ state: terminated(exitCode, exitCode === 0 ? 'Completed' : 'Error', 5) })] });

describe('parseIndexList', () => {
  it('reads the API\'s compressed index lists', () => {
    expect(parseIndexList('1,3-5,7')).toEqual([1, 3, 4, 5, 7]);
    expect(parseIndexList('5')).toEqual([5]);
    expect(parseIndexList('')).toEqual([]);
    expect(parseIndexList(undefined)).toEqual([]);
    expect(parseIndexList('a-b')).toEqual([]);
  });
});

describe('findFailedIndexes', () => {
  it('takes the failed indexes from the Job\'s status and the pods that ran them', () => {
    const pods = [ran(0, 0), ran(5, 1), { ...ran(5, 1), name: 'embed-5-y2' }, ran(6, 0)];
    const failed = findFailedIndexes(job({ completionMode: 'Indexed', failedIndexes: '5', completedIndexes: '0-4,6-7' }), pods, pods.filter((p) => p.phase === 'Failed'));
    expect(failed).toEqual({ list: '5', count: 1, pods: [pods[1], pods[2]], completed: '0-4,6-7' });
  });

  it('finds them from the failed pods of an Indexed Job without backoffLimitPerIndex', () => {
    const pods = [ran(0, 0), ran(1, 0), ran(2, 0), ran(3, 1), ran(4, 1), ran(5, 1)];
    const failed = findFailedIndexes(job({ completionMode: 'Indexed' }), pods, pods.slice(3));
    expect(failed).toMatchObject({ list: '3-5', count: 3, completed: '0-2' });
  });

  it('says nothing of a NonIndexed Job', () => {
    const pods = [pod(0, { phase: 'Failed' })];
    expect(findFailedIndexes(job(), pods, pods)).toBeUndefined();
  });
});

describe('findInputOf', () => {
  it('takes an input the log names as such, not the code a traceback names', () => {
    const lines = [
      '2026-11-21 02:13:00,120 INFO embedder index=5 input=s3://features/2026-11-20/part-00005.parquet',
      'Traceback (most recent call last):',
      '  File "/app/embedder/main.py", line 88, in <module>',
      'pyarrow.lib.ArrowInvalid: Parquet magic bytes not found in footer.',
    ];
    expect(findInputOf(lines, lines[3])).toBe('s3://features/2026-11-20/part-00005.parquet');
    expect(findInputOf(['  File "/app/main.py", line 3', '--output=s3://out/2026/'], undefined)).toBeUndefined();
  });

  it('falls back to an object-store URI on the error line', () => {
    const line = 'FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox';
    expect(findInputOf([line], line)).toBe('s3://settlement-inbox');
  });
});
