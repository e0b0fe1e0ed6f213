import { describe, expect, it } from 'vitest';
import { analyzeSparkExecutorOom } from '../../../../src/domain/triage/analyzers/spark-executor-oom.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod, running } from '../scenarios/builders.js';

const lost = (id: number) => [
  `26/11/21 02:41:00 ERROR TaskSchedulerImpl: Lost executor ${id} on 10.0.1.${id}: The executor with id ${id} exited with exit code 137(SIGKILL, possible container OOM).`,
  `26/11/21 02:41:00 WARN TaskSetManager: Lost task 1${id}.0 in stage 2.0 (TID 9${id}) (10.0.1.${id} executor ${id}): ExecutorLostFailure (executor ${id} exited caused by one of the running tasks) Reason: The executor with id ${id} exited with exit code 137(SIGKILL, possible container OOM).`,
  '26/11/21 02:41:00 INFO DAGScheduler: Resubmitting ShuffleMapStage 2 (MapPartitionsRDD[12] at mapInPandas at job.py:40) due to fetch failure',
];

/** A running Spark driver (the workload's pod) whose executors, pods it made, were OOM-killed. */
function driverWithLostExecutors(lines: string[]) {
  const driver = pod(0, { containers: [container({ name: 'spark-driver', state: running(60) })] });
  return baseEvidence({ pods: [driver], logs: [{ pod: driver.name, container: 'spark-driver', previous: false, lines }] });
}

describe('Spark executors OOM-killed, told by the driver', () => {
  it('names the kills and the executors\' off-heap memory, and raises memoryOverhead, not the heap', () => {
    const [finding] = analyzeSparkExecutorOom(driverWithLostExecutors([...lost(3), ...lost(6)]));
    expect(finding?.title).toContain('2 Spark executors were OOMKilled (exit code 137)');
    expect(finding?.title).toContain('outside the JVM heap');
    expect(finding?.fix).toMatch(/^raise spark\.executor\.memoryOverhead/);
    expect(finding?.evidence.join('\n')).toMatch(/ExecutorLostFailure/);
    expect(finding?.evidence.join('\n')).toMatch(/resubmitted 2 times/);
  });

  it('heads the report of a driver that otherwise looks healthy', () => {
    const report = buildTriageReport(driverWithLostExecutors(lost(3)), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/OOMKilled \(exit code 137\)/);
  });

  it('says nothing when no executor was killed', () => {
    expect(analyzeSparkExecutorOom(driverWithLostExecutors(['26/11/21 02:41:00 INFO DAGScheduler: Job 3 finished']))).toEqual([]);
  });
});
