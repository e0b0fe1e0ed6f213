import type { JobEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { capitalize } from '../../text.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { findAdmissionWait } from '../queued-workload.js';
import type { AdmissionWait } from '../queued-workload.js';

/** A Job suspended this briefly may just be waiting its turn in a queue: a warning, not yet an outage. */
const QUEUE_GRACE_MS = 10 * 60_000;

/** Kueue's own events on a Job it manages (CreatedWorkload, Started…): it has seen the Job. */
function heardFromQueue(ev: TriageEvidence, job: JobEvidence): boolean {
  return ev.events.some((e) => e.object.kind === 'Job' && e.object.name === job.name && (/kueue/i.test(e.source ?? '') || /Workload/.test(e.reason)));
}

/**
 * A Job with spec.suspend: true. The Job controller creates no pod while it is suspended (and
 * deletes running ones), so nothing fails, nothing is Pending and no event warns: the work just
 * never happens. Created suspended, it waits for whoever was meant to resume it — a queueing
 * controller such as Kueue (its queue-name label) that admits it, or a person.
 */
export function analyzeSuspendedJobs(ev: TriageEvidence): Finding[] {
  const [job] = ev.jobs ?? [];
  if (job === undefined || job.suspended !== true) return [];
  if (findCondition(job.conditions, 'Complete')?.status === 'True' || findCondition(job.conditions, 'Failed')?.status === 'True') return [];
  const cond = findCondition(job.conditions, 'Suspended');
  const since = cond?.status === 'True' ? (cond.lastTransitionTime ?? job.suspendedAt ?? job.createdAt) : (job.suspendedAt ?? job.createdAt);
  const pods = ev.pods.filter((p) => p.jobName === job.name);
  const neverRan = job.startTime === undefined && job.succeeded === 0 && job.failed === 0;
  const ago = since ? formatAgo(since, ev.collectedAt) : undefined;
  const longMs = since ? Date.parse(ev.collectedAt) - Date.parse(since) : Number.POSITIVE_INFINITY;
  const queue = job.queue;
  const queueSeen = queue !== undefined && heardFromQueue(ev, job);
  // Why Kueue does not admit it: its Workload's Pending event names the quota the ClusterQueue lacks.
  const wait = queueSeen ? findAdmissionWait(ev.events, job.name) : undefined;
  const state = neverRan ? `has never started: no pod created${ago ? ` since it was suspended ${ago}` : ''}` : `was stopped mid-run${ago ? ` ${ago}` : ''}: its pods were deleted and no new one is created`;
  const by = job.suspendedBy ? `, set by ${job.suspendedBy}` : '';
  const waits = queue
    ? queueSeen
      ? ` — waiting for Kueue to admit it from queue ${queue.name} (label ${queue.marker})${wait ? `: its Workload stays Pending, "${clip(wait.message)}"` : ''}`
      : ` — it carries the Kueue label ${queue.marker}: ${queue.name}, but no event shows Kueue ever took it up, so nothing will resume it`
    : '';
  const resume = formatKubectl(ev.target, `patch job ${job.name} -p '{"spec":{"suspend":false}}'`);
  const likelyCause = queue
    ? queueSeen
      ? `Kueue created the Job suspended and resumes it only when its ClusterQueue has quota for it; until then it waits in LocalQueue ${queue.name}.${wait ? ` ${explainWait(wait)}` : ''} Nothing in the Job itself is wrong.`
      : `The Job was created suspended for Kueue to admit (label ${queue.marker}: ${queue.name}), but Kueue has not taken it up — it is not installed, does not manage this namespace, or there is no LocalQueue ${queue.name} here — so nothing will ever resume it. Nothing failed: no pod crashed or waited to be scheduled.`
    : `Someone (or a tool) set spec.suspend: true${job.suspendedBy ? ` — field manager ${job.suspendedBy}` : ''} and nobody resumed it; the Job controller runs nothing while it is suspended. Nothing failed: no pod crashed or waited to be scheduled.`;
  const nextAction = queue && queueSeen && wait?.quota
    ? `${capitalize(fixWait(wait))}; resuming by hand would bypass the queue.`
    : queue && queueSeen
    ? `Check why Kueue does not admit it (\`${formatKubectl(ev.target, 'get workloads')}\` — the Workload's conditions name the missing quota); resuming by hand would bypass the queue.`
    : queue
      ? `Resume it (\`${resume}\` — the bot will not) and drop the label ${queue.marker}, or create the LocalQueue ${queue.name} in ${ev.target.namespace} if Kueue should run it.`
      : `Resume it if it should run: \`${resume}\` (the bot will not).`;
  return [
    {
      id: `job-suspended/${job.name}`,
      kind: 'job-suspended',
      title: `Job ${job.name} is suspended (spec.suspend: true${by}) and ${state}${waits}`,
      layer: 'rollout/change',
      severity: longMs < QUEUE_GRACE_MS && queueSeen ? 'info' : longMs < QUEUE_GRACE_MS ? 'warning' : 'critical',
      confidence: 'high',
      evidence: [
        `spec.suspend: true${job.suspendedAt ? `, written ${formatAgo(job.suspendedAt, ev.collectedAt)}${job.suspendedBy ? ` by field manager ${job.suspendedBy}` : ''}` : ''}`,
        ...(cond ? [`condition Suspended=${cond.status}${cond.reason ? ` (${cond.reason})` : ''}${cond.lastTransitionTime ? `, ${formatAgo(cond.lastTransitionTime, ev.collectedAt)}` : ''}`] : []),
        `${job.active} active, ${job.succeeded} succeeded, ${job.failed} failed; ${pods.length === 0 ? 'no pods' : `${pods.length} pod${pods.length === 1 ? '' : 's'}`}${neverRan ? ', never started (no status.startTime)' : ''}`,
        ...(queue ? [`label ${queue.marker}: ${queue.name}; ${queueSeen ? 'Kueue has events on the Job' : 'no event from Kueue on the Job'}`] : []),
        ...(wait ? [`Workload ${wait.workload}: Pending${wait.count > 1 ? ` ×${wait.count}` : ''} since ${formatAgo(wait.firstSeen, ev.collectedAt)}, last ${formatAgo(wait.lastSeen, ev.collectedAt)}: ${wait.message}`] : []),
      ],
      decisive: wait?.message ?? 'spec.suspend: true',
      likelyCause,
      nextAction,
      fix: queue && queueSeen ? (wait?.quota ? fixWait(wait) : 'give its ClusterQueue the quota to admit it') : `resume the Job (spec.suspend: false)${queue ? ` or create LocalQueue ${queue.name}` : ''}`,
      confirmCommands: [
        formatKubectl(ev.target, `get job ${job.name} -o jsonpath='{.spec.suspend} {.status.conditions}'`),
        ...(queue ? [formatKubectl(ev.target, `get localqueue ${queue.name}`)] : []),
        ...(wait ? [formatKubectl(ev.target, `describe workload ${wait.workload}`)] : []),
      ],
      affected: { pods: unique(pods.map((p) => p.name)), nodes: listNodesOf(pods) },
    },
  ];
}

function clip(s: string, n = 160): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** What the Workload's pending reason means for the wait: quota others hold, or a request no quota can give. */
function explainWait(w: AdmissionWait): string {
  const q = w.quota;
  if (q?.neverFits !== undefined) return `Its Workload asks for more ${q.resource} than flavor ${q.flavor} of its ClusterQueue can ever give (${q.neverFits}): it will not be admitted however long it waits.`;
  if (q?.more !== undefined) return `Its ClusterQueue has not enough unused quota for ${q.resource} in flavor ${q.flavor}: ${q.more} more needed. Workloads already admitted hold the rest; it is admitted when they finish, when the nominal quota grows, or when a cohort lends it.`;
  return `Kueue says why on its Workload ${w.workload}: "${clip(w.message, 200)}".`;
}

function fixWait(w: AdmissionWait): string {
  const q = w.quota;
  if (q?.neverFits !== undefined) return `lower the Job's ${q.resource} request, or raise its ClusterQueue's quota for ${q.resource} in flavor ${q.flavor}`;
  return `wait for the admitted workloads that hold the ClusterQueue's ${q?.resource ?? ''} quota in flavor ${q?.flavor ?? ''} to finish, or give it ${q?.more ?? 'the'} more (a higher nominal quota, or borrowing through a cohort)`;
}
