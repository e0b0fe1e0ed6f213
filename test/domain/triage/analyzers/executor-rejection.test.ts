// A Java thread pool full and refusing work: every thread busy, the queue at its capacity, each
// further task rejected (RejectedExecutionException) and its request answered 503 while the pods
// stay Ready. The pool's sizes are read at start, so a ConfigMap edit a restart picked up is the
// trigger, and a rollback, which reads the same ConfigMap, is not advised.
import { describe, expect, it } from 'vitest';
import { analyzeExecutorRejection } from '../../../../src/domain/triage/analyzers/executor-rejection.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { countRejections, readSaturatedPool } from '../../../../src/domain/triage/executor-rejection.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const STATE = (state: string, active: number) => `java.util.concurrent.ThreadPoolExecutor@6a1d2c3b[${state}, pool size = 4, active threads = ${active}, queued tasks = 25, completed tasks = 9120]`;
const REJECTION = (t: string, state = 'Running', active = 4) => [
  `${t} ERROR 1 --- [nio-8443-exec-7] c.e.invoices.RenderController : render failed`,
  `java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.CompletableFuture$AsyncSupply@4e2a1b07 rejected from ${STATE(state, active)}`,
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor$AbortPolicy.rejectedExecution(ThreadPoolExecutor.java:2081)',
  `${t} WARN 1 --- [nio-8443-exec-7] c.e.invoices.ErrorAdvice : status=503 path=/render`,
];
const TIMES = ['2026-11-21T03:02:10.000Z', '2026-11-21T03:06:40.000Z', '2026-11-21T03:11:05.000Z'];

function renderer(opts: { state?: string; active?: number; mountedConfig?: boolean } = {}) {
  const pods = [0, 1].map((i) => pod(i, {
    revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20), containers: [container()],
    ...(opts.mountedConfig ? { volumes: [{ name: 'settings', source: 'configMap' as const, ref: 'renderer-settings' }] } : {}),
  }));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer()] }), revision(REV7, minutesAgo(20), { replicas: 2, containers: [revisionContainer()] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: TIMES.flatMap((t) => REJECTION(t, opts.state, opts.active)) })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'renderer-settings', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(23), keys: ['application.properties'] }],
  });
}

describe('a Java executor rejecting tasks at its pool size and queue capacity', () => {
  it('reads a running pool with every thread busy as saturated, and a stopping one as not', () => {
    expect(readSaturatedPool(`Caused by: java.util.concurrent.RejectedExecutionException: Task x rejected from ${STATE('Running', 4)}`)).toMatchObject({ executor: 'ThreadPoolExecutor', poolSize: 4, queuedTasks: 25 });
    expect(readSaturatedPool(`java.util.concurrent.RejectedExecutionException: Task x rejected from ${STATE('Shutting down', 4)}`)).toBeUndefined();
    expect(readSaturatedPool(`java.util.concurrent.RejectedExecutionException: Task x rejected from ${STATE('Running', 2)}`)).toBeUndefined();
  });

  it('counts a wrapped rejection and its cause once', () => {
    expect(countRejections(['org.springframework.core.task.TaskRejectedException: did not accept task', `Caused by: java.util.concurrent.RejectedExecutionException: Task x rejected from ${STATE('Running', 4)}`])).toBe(1);
  });

  it('names the saturated pool, its rejections and what callers got', () => {
    const [f] = analyzeExecutorRejection({ ...renderer(), collectedAt: NOW });
    expect(f?.title).toMatch(/^Executor ThreadPoolExecutor rejects tasks \(RejectedExecutionException\): its 4 threads are all busy and its queue is full at 25 — 6 rejected tasks in 2 ready pods, callers answered 503$/);
    expect(f?.fix).toMatch(/queue capacity and maximum size/);
  });

  it('says nothing of a pool that rejects because it is shutting down', () => {
    expect(analyzeExecutorRejection({ ...renderer({ state: 'Shutting down' }), collectedAt: NOW })).toEqual([]);
  });

  it('dates it to the edit of the ConfigMap a restart of the same template picked up, and advises no rollback', () => {
    const report = buildTriageReport(renderer({ mountedConfig: true }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since ConfigMap renderer-settings was changed 23m ago and picked up by revision 7, a restart of the same template \(20m ago\): Executor ThreadPoolExecutor rejects tasks/);
    expect(report.headline).toMatch(/restore ConfigMap renderer-settings's previous content\); a rollback would not help/);
    expect(report.headline).not.toMatch(/roll back to/i);
  });
});
