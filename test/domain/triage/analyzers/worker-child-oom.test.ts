import { describe, expect, it } from 'vitest';
import { analyzeWorkerChildOom } from '../../../../src/domain/triage/analyzers/worker-child-oom.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { condenseListChange } from '../../../../src/domain/triage/mechanism-settings.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { readChildCount, readLoggedChildCount } from '../../../../src/domain/triage/worker-child-count.js';
import { parseChildKill, readChildKills } from '../../../../src/domain/triage/worker-child-kill.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, terminated } from '../scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace(/\.\d+Z$/, ',112');
const celeryKill = (m: number, pid: number, job: number): string[] => [
  `[${stamp(m)}: INFO/ForkPoolWorker-3] extract_document[4f1c]: rasterizing 702 pages at 300 dpi`,
  `[${stamp(m)}: ERROR/MainProcess] Process 'ForkPoolWorker-3' pid:${pid} exited with 'signal 9 (SIGKILL)'`,
  `[${stamp(m)}: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: ${job}.')`,
  'Traceback (most recent call last):',
  '    raise WorkerLostError(',
  `billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: ${job}.`,
];
const CELERY_LOG = [`[${stamp(44)}: INFO/MainProcess] celery@worker ready.`, '- *** --- * --- .> concurrency: 8 (prefork)', ...celeryKill(30, 19, 412), ...celeryKill(12, 214, 533)];

const celery = (n: number) => ['celery', '-A', 'ingest', 'worker', '--loglevel=INFO', `--concurrency=${n}`, '-Q', 'documents'];

/** A Celery worker whose revision 7 raised --concurrency 2 → 8 under an unchanged 3Gi limit; its children are SIGKILLed, the container never restarts. */
function preforkWorker(o: { log?: string[]; restarts?: number; oomKilled?: boolean; command?: (n: number) => string[]; env?: (n: number) => EnvVarEvidence[] } = {}): TriageEvidence {
  const command = o.command ?? celery;
  const resources = { requests: { cpu: '2', memory: '3Gi' }, limits: { memory: '3Gi' } };
  const spec = (n: number) => ({ name: 'worker', command: command(n), env: o.env?.(n) ?? [], envFrom: [], resources });
  const pods = [0, 1, 2].map((i) =>
    pod(i, {
      revisionHash: REV7.hash,
      createdAt: minutesAgo(45),
      startTime: minutesAgo(45),
      containers: [container({ ...spec(8), ports: [], probes: {}, state: running(45), restartCount: o.restarts ?? 0, ...(o.oomKilled ? { lastState: terminated(137, 'OOMKilled', 50) } : {}) })],
    }),
  );
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer(spec(2))] }), revision(REV7, minutesAgo(46), { replicas: 3, containers: [revisionContainer(spec(8))] })],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'worker', previous: false, lines: o.log ?? CELERY_LOG })),
  });
}

describe('worker children OOM-killed inside the container', () => {
  it('reads a child SIGKILLed as each pre-forking server logs it, and nothing else', () => {
    expect(parseChildKill(CELERY_LOG[3] ?? '')).toMatchObject({ server: 'celery', pid: '19' });
    expect(parseChildKill(CELERY_LOG[7] ?? '')).toMatchObject({ server: 'celery', job: '412' });
    expect(parseChildKill('[2026-11-21 03:10:12 +0000] [1] [ERROR] Worker (pid:4711) was sent SIGKILL! Perhaps out of memory?')).toMatchObject({ server: 'gunicorn', pid: '4711' });
    expect(parseChildKill('DAMN ! worker 2 (pid: 1234) died, killed by signal 9 :( trying respawn ...')).toMatchObject({ server: 'uwsgi', pid: '1234' });
    expect(parseChildKill('[21-Nov-2026 03:10:12] WARNING: [pool www] child 311 exited on signal 9 (SIGKILL) after 55.1 seconds from start')).toMatchObject({ server: 'php-fpm', pid: '311' });
    expect(parseChildKill('[21-Nov-2026 03:10:12] WARNING: [pool www] child 311 exited on signal 15 (SIGTERM) after 55.1 seconds from start')).toBeUndefined();
    expect(parseChildKill('[2026-11-21 03:10:12 +0000] [1] [INFO] Worker exiting (pid: 4711)')).toBeUndefined();
  });

  it('counts each child once (billiard logs the exit and the lost job), and none the server killed itself for a time limit', () => {
    expect(readChildKills(CELERY_LOG).count).toBe(2);
    expect(readChildKills([...CELERY_LOG, `[${stamp(5)}: ERROR/MainProcess] Hard time limit (300s) exceeded for ingest.tasks.extract_document[9a1b]`]).count).toBe(0);
    expect(readChildKills(['[ERROR] Worker (pid:7) was sent SIGKILL! Perhaps out of memory?', '[CRITICAL] WORKER TIMEOUT (pid:7)']).count).toBe(0);
  });

  it('reads the child count each server takes, from the command, the env or the start banner', () => {
    expect(readChildCount({ command: celery(8) }, 'celery')).toMatchObject({ count: 8, name: '--concurrency' });
    expect(readChildCount({ command: ['sh', '-c', 'exec celery -A app worker -c 4'] }, 'celery')).toMatchObject({ count: 4, name: '-c' });
    expect(readChildCount({ command: ['gunicorn', '-c', 'conf.py', '-w', '6', 'app:app'] }, 'gunicorn')).toMatchObject({ count: 6, name: '-w' });
    expect(readChildCount({ command: ['gunicorn', 'app:app'], env: [{ name: 'WEB_CONCURRENCY', value: '5' }] }, 'gunicorn')).toMatchObject({ count: 5, name: 'WEB_CONCURRENCY' });
    // gunicorn's -c names its config file, not a count.
    expect(readChildCount({ command: ['gunicorn', '-c', '4', 'app:app'] }, 'gunicorn')).toBeUndefined();
    expect(readLoggedChildCount(CELERY_LOG)).toMatchObject({ count: 8 });
  });

  it('tells a long command change by the tokens that changed', () => {
    expect(condenseListChange('worker command: "celery" "worker" "--concurrency=2" "-Q" "docs" → "celery" "worker" "--concurrency=8" "-Q" "docs"')).toBe('worker command: "--concurrency=2" → "--concurrency=8"');
    expect(condenseListChange('app args: "--a" → "--b"')).toBe('app args: "--a" → "--b"');
  });

  it('names the shared memory limit, the child count and the revision that raised it', () => {
    const [f] = analyzeWorkerChildOom(preforkWorker());
    expect(f?.title).toMatch(/^4 worker children were OOM-killed inside the container \(signal 9, no container restart\) in 2 pods: 8 Celery prefork children share the memory limit 3Gi of container worker, about 384Mi each; revision 7 changed --concurrency 2 → 8$/);
    expect(f?.fix).toMatch(/^lower --concurrency back to 2, or raise the memory limit of worker \(3Gi\) to fit 8 children/);
    expect(f?.datesChange).toBe(true);
  });

  it('leads the verdict with it, the revision as trigger and the rollback, not an unexplained error line', () => {
    const report = buildTriageReport(preforkWorker(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^Since revision 7 \(46m ago: worker command: "--concurrency=2" → "--concurrency=8"\): 4 worker children were OOM-killed inside the container/);
    expect(report.headline).toMatch(/3Gi/);
    expect(report.headline).toMatch(/Roll back to revision 6, or lower --concurrency back to 2/);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });

  it('works the same for gunicorn workers counted by WEB_CONCURRENCY', () => {
    const log = ['[2026-11-21 03:00:12 +0000] [1] [INFO] Booting worker with pid: 31', '[2026-11-21 03:02:12 +0000] [1] [ERROR] Worker (pid:31) was sent SIGKILL! Perhaps out of memory?'];
    const ev = preforkWorker({ log, command: () => ['gunicorn', 'app:app'], env: (n) => [{ name: 'WEB_CONCURRENCY', value: String(n) }] });
    const [f] = analyzeWorkerChildOom(ev);
    expect(f?.title).toMatch(/8 gunicorn workers share the memory limit 3Gi .*; revision 7 changed WEB_CONCURRENCY 2 → 8$/);
  });

  it('claims nothing when the container itself was OOM-killed, or without a child killed', () => {
    expect(analyzeWorkerChildOom(preforkWorker({ oomKilled: true, restarts: 1 }))).toEqual([]);
    expect(analyzeWorkerChildOom(preforkWorker({ log: CELERY_LOG.slice(0, 2) }))).toEqual([]);
  });
});
