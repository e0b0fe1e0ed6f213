import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findRedeliveredJobs, findRedeliveryTimeout, findWorkerTimeout, suggestRedeliveryS } from '../job-redelivery.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo, msBetween } from '../time-span.js';

/** The message of a Laravel log line, without its stamp and its JSON context. */
function quoteOf(line: string): string {
  const laravel = /^\[[^\]]+\]\s+\w+\.\w+:\s+(.*?)(?:\.\s+The job may have previously timed out\.)?\s*\{"exception".*$/.exec(line);
  return laravel?.[1] ?? condenseStructuredLine(line);
}

/**
 * Queue workers that let a job run at least as long as the queue waits before handing a reserved
 * job out again: a long job is taken by a second worker while the first still runs it (duplicate
 * side effects), and a later pickup finds its tries used up. Both settings are stated side by side;
 * a revision that raised the worker's timeout before the first such line is the trigger.
 */
export function analyzeJobRedelivery(ev: TriageEvidence): Finding[] {
  const jobs = findRedeliveredJobs(ev.logs, ev.pods, ev.collectedAt);
  if (jobs === undefined) return [];
  const container = ev.pods.find((p) => p.name === jobs.pods[0])?.containers.find((c) => c.name === jobs.container);
  const config = ev.settingConfig ?? [];
  const worker = findWorkerTimeout(container, config);
  const queue = findRedeliveryTimeout(container, config);
  if (worker === undefined || queue === undefined || worker.ms < queue.ms) return [];
  const queueS = Math.round(queue.ms / 1000);
  // The newest revision raised the worker's timeout, before the first such line.
  const [newest, previous] = sortRevisions(ev.revisions);
  const before = newest !== undefined && (jobs.since === undefined || msBetween(newest.createdAt, jobs.since) >= 0);
  const timeoutOf = (r: typeof newest) => findWorkerTimeout(r?.containers.find((c) => c.name === jobs.container) ?? r?.containers[0]);
  const was = before ? timeoutOf(previous) : undefined;
  const now = before ? timeoutOf(newest) : undefined;
  const raised = was !== undefined && now !== undefined && now.ms > was.ms && was.ms < queue.ms && newest !== undefined;
  const since = raised ? `; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) raised ${worker.name} from ${Math.round(was.ms / 1000)} to ${Math.round(now.ms / 1000)}` : '';
  const suggested = suggestRedeliveryS(worker.ms);
  const quote = quoteOf(jobs.line);
  const where = queue.source.startsWith('ConfigMap') ? ` in ${queue.source}, then restart the workers so they read it` : '';
  return [
    {
      id: 'duplicate-work/job-redelivery',
      kind: 'duplicate-work',
      title: `Queue jobs can outlive the queue's redelivery timeout: the worker runs a job for up to ${worker.written} (${worker.source}) but ${queue.written} (${queue.source}) hands a job still running after ${queueS} s to another worker, so long jobs run twice and a later pickup fails — "${quote}" (${jobs.lines} line${jobs.lines === 1 ? '' : 's'}, ${jobs.pods.length} pod${jobs.pods.length === 1 ? '' : 's'})${since}`,
      ...(since ? { datesChange: true as const } : {}),
      ...(jobs.since !== undefined ? { onset: jobs.since } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        `worker job timeout: ${worker.written} (${worker.source})`,
        `queue redelivery timeout: ${queue.written} (${queue.source})`,
        `log ${jobs.pods[0] ?? ''}: ${condenseStructuredLine(jobs.line)}`,
      ],
      decisive: quote,
      likelyCause: `The queue keeps a reserved job hidden only for its redelivery timeout (Laravel's retry_after, a visibility timeout, RabbitMQ's consumer_timeout) and then hands it to the next worker that asks, whether or not the first is done. A worker allowed to run a job for as long or longer (${worker.written} against ${queue.written}) lets every job that runs past ${queueS} s be taken and run again by another worker — duplicated side effects (files, e-mails, charges) — and a later pickup finds the job's tries used up. The pods stay Ready and log only those few errors.`,
      nextAction: `Raise ${queue.name} above the worker's timeout (e.g. ${suggested})${where}, or bring ${worker.name} back under ${queueS}${raised && previous ? ` (roll back to revision ${previous.revision})` : ''}; make the long jobs idempotent. Then check for work already done twice (duplicate files, e-mails).`,
      fix: `raise ${queue.name} above the job timeout (e.g. ${suggested}) or bring ${worker.name} back under ${queueS}`,
      confirmCommands: jobs.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --since=2h`)),
      affected: { pods: jobs.pods, nodes: listNodesOf(ev.pods.filter((p) => jobs.pods.includes(p.name))) },
    },
  ];
}
