import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLineTime } from '../request-silence.js';
import { earliest, formatAgo } from '../time-span.js';

/**
 * A Spark driver telling that its executors were OOM-killed: "The executor with id 6 exited with
 * exit code 137(SIGKILL, possible container OOM)" (Spark on Kubernetes), "Container killed by YARN
 * for exceeding memory limits" (YARN). The executors are pods the driver makes, not the
 * workload's own, so their kills show only in the driver's log, and the run goes on: the driver
 * asks for replacements and resubmits the stage, over and over, far past its usual duration.
 * The executor's pod limit is spark.executor.memory (the JVM heap) plus
 * spark.executor.memoryOverhead; the kernel kills on the sum while the heap sits below its -Xmx,
 * so what outgrew the limit lives outside the heap (Python workers of a pandas UDF, Arrow
 * buffers, netty's direct memory): the overhead is what to raise, not the heap.
 */

const EXECUTOR_OOM = /\bThe executor with id (\d+) exited with exit code 137\b|\bContainer killed by YARN for exceeding (?:physical )?memory limits\b/;
const EXECUTOR_LOST = /\bExecutorLostFailure\b/;
const RESUBMIT = /\bResubmitting (?:ShuffleMap|Result)?Stage \d+/;

export function analyzeSparkExecutorOom(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((log) => log.lines.filter((l) => EXECUTOR_OOM.test(l)).map((line) => ({ log, line })));
  const [first] = hits;
  if (first === undefined) return [];
  const ids = new Set(hits.map((h) => EXECUTOR_OOM.exec(h.line)?.[1] ?? h.line));
  const lines = hits.filter((h) => h.log === first.log).map((h) => h.line);
  const lost = first.log.lines.filter((l) => EXECUTOR_LOST.test(l)).length;
  const resubmits = first.log.lines.filter((l) => RESUBMIT.test(l)).length;
  const times = lines.flatMap((l) => readLineTime(l) ?? []);
  const onset = earliest(times);
  const n = ids.size;
  const since = onset !== undefined ? ` since ${formatAgo(onset, ev.collectedAt)}` : '';
  const overhead = 'spark.executor.memoryOverhead (or spark.executor.memoryOverheadFactor; for PySpark also spark.executor.pyspark.memory)';
  return [
    {
      id: 'oom-killed/spark-executors',
      kind: 'oom-killed',
      title: `${n} Spark executor${n === 1 ? ' was' : 's were'} OOMKilled (exit code 137)${since}: they exceed their pod's memory limit outside the JVM heap, so the driver loses them (ExecutorLostFailure) and reruns the stage — raise spark.executor.memoryOverhead`,
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        `log ${first.log.pod}: ${n} executor${n === 1 ? '' : 's'} lost to exit code 137 (SIGKILL, container OOM)`,
        ...(lost > 0 ? [`log ${first.log.pod}: ${lost} task${lost === 1 ? '' : 's'} failed with ExecutorLostFailure`] : []),
        ...(resubmits > 0 ? [`log ${first.log.pod}: the stage was resubmitted ${resubmits} time${resubmits === 1 ? '' : 's'}`] : []),
      ],
      decisive: first.line,
      likelyCause:
        `Each executor pod's memory limit is spark.executor.memory (the JVM heap) plus spark.executor.memoryOverhead. The kernel killed the executors on that limit (exit code 137, OOMKilled), not the JVM on its heap (which would throw OutOfMemoryError): ` +
        `the memory that outgrew the limit lives outside the heap — Python workers of a pandas UDF or Arrow batches, netty's direct buffers, native libraries — and counts only against the overhead. The driver asks for replacement executors and reruns the stage, so the run drags on and may fail after spark.task.maxFailures.`,
      nextAction: `Raise ${overhead} for the next run (or shrink what lives off-heap, e.g. spark.sql.execution.arrow.maxRecordsPerBatch); raising the heap (spark.executor.memory) does not help. Confirm on an executor pod: kubectl get pod -l spark-role=executor shows the OOMKilled ones.`,
      fix: `raise ${overhead}`,
      ...(onset !== undefined ? { onset } : {}),
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${first.log.container} --tail=300`), formatKubectl(ev.target, 'get pods -l spark-role=executor')],
      affected: { pods: [first.log.pod], nodes: [] },
    },
  ];
}
