import { describe, expect, it } from 'vitest';
import { analyzeWorkerConcurrencyCut } from '../../../../src/domain/triage/analyzers/worker-concurrency-cut.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const args = (pool: string[]) => ['-A', 'media', 'worker', '-Q', 'thumbnails', ...pool, '--loglevel=INFO'];
const SOFT = '[2026-11-21 03:01:00,112: WARNING/MainProcess] Soft time limit (120s) exceeded for media.tasks.render_preview[4f1c]';
const BUSY = '[2026-11-21 03:01:00,112: INFO/MainProcess] Task media.tasks.render_thumbnail[4f1c] succeeded in 3.1s';

/** A Celery worker whose revision 7 went from prefork --concurrency=8 to --pool=solo. */
function worker(o: { newPool?: string[]; log?: string[] } = {}): TriageEvidence {
  const spec = (pool: string[]) => ({ name: 'worker', command: ['celery'], args: args(pool), env: [], envFrom: [], resources: { requests: {}, limits: {} } });
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(120), startTime: minutesAgo(120), containers: [container({ ...spec(o.newPool ?? ['--pool=solo']), ports: [], probes: {}, state: running(120), restartCount: 0 })] }));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer(spec(['--pool=prefork', '--concurrency=8']))] }), revision(REV7, minutesAgo(130), { replicas: 2, containers: [revisionContainer(spec(o.newPool ?? ['--pool=solo']))] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'worker', previous: false, lines: o.log ?? [BUSY, SOFT] })),
  });
}

describe('worker concurrency cut by a revision while work waits', () => {
  it('names the solo pool, the revision that set it and the backed-up queue', () => {
    const [f] = analyzeWorkerConcurrencyCut(worker());
    expect(f?.title).toMatch(/^Worker concurrency cut to 1 task at a time per pod \(--pool=solo, was --pool=prefork --concurrency=8\): 2 at a time in 2 pods instead of 16, and the queue thumbnails backs up$/);
    expect(f?.fix).toMatch(/restore --pool=prefork --concurrency=8/);
  });

  it('stays quiet without a sign of waiting work, or when concurrency went up', () => {
    expect(analyzeWorkerConcurrencyCut(worker({ log: [BUSY] }))).toEqual([]);
    expect(analyzeWorkerConcurrencyCut(worker({ newPool: ['--pool=prefork', '--concurrency=16'] }))).toEqual([]);
  });
});
