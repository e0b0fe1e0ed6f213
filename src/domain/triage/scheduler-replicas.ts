/**
 * A periodic-task scheduler with no leader election (Celery beat, rq-scheduler, clockwork) must run
 * as one replica: each replica keeps its own schedule and sends every due task, so with two the
 * workers execute every scheduled task twice — duplicate invoices, e-mails, charges — while every
 * pod is Ready and logs only INFO. Pure: the adapter lists the namespace's Deployments only where
 * the workload executes queued tasks (needsSchedulerReplicas).
 */
import type { TriageEvidence } from './evidence.js';
import type { EventEvidence, LogEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { SchedulerReplicasEvidence } from './evidence-scheduler-replicas.js';
import { readLineTime } from './request-silence.js';
import { msBetween } from './time-span.js';

/** The scheduler a container runs, by its command words; undefined when it runs none. */
export function findSchedulerKind(words: readonly string[]): string | undefined {
  const tokens = words.flatMap((w) => w.split(/\s+/)).map((t) => t.replace(/^.*\//, '').toLowerCase()).filter((t) => t !== '');
  if (tokens.includes('celery') && (tokens.includes('beat') || (tokens.includes('worker') && (tokens.includes('-b') || tokens.includes('--beat'))))) return 'Celery beat';
  if (tokens.some((t) => t === 'rqscheduler' || t === 'rq-scheduler')) return 'rq-scheduler';
  if (tokens.includes('clockwork')) return 'clockwork';
  return undefined;
}

/** Celery's receipt of a task: "Task billing.tasks.invoices.issue_usage_invoices[5b86…] received". */
const RECEIVED = /\bTask ([\w.]+)\[([0-9a-f-]{8,})\] received/;
/** Celery beat sending one: "Scheduler: Sending due task issue-usage-invoices (billing.tasks.invoices.issue_usage_invoices)". */
const SENDING = /Scheduler: Sending due task (\S+) \(([\w.]+)\)/;
/** Env names that carry a task queue's broker address. */
export const BROKER_ENV = /BROKER|AMQP|RABBIT|REDIS_URL/i;

/** The workload executes queued tasks: a Celery worker by its logs or its pods' command. */
export function needsSchedulerReplicas(ev: Pick<TriageEvidence, 'logs' | 'pods'>): boolean {
  if (ev.logs.some((l) => l.lines.some((line) => RECEIVED.test(line)))) return true;
  return ev.pods.flatMap((p) => p.containers).some((c) => {
    const words = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    return /\bcelery\b[^\n]*\bworker\b|\brq worker\b/.test(words);
  });
}

export interface Receipt {
  task: string;
  pod: string;
  at?: IsoTime;
}

function listReceipts(logs: readonly LogEvidence[]): Receipt[] {
  return logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line) => {
    const m = RECEIVED.exec(line);
    const at = readLineTime(line);
    return m?.[1] === undefined ? [] : [{ task: m[1], pod: l.pod, ...(at !== undefined ? { at } : {}) }];
  }));
}

/** Two receipts of one task this close together are one schedule tick sent twice. */
const SAME_TICK_MS = 60_000;

/** Tasks the workload received twice within one tick, with when (at most a few). */
export function findDoubleReceipts(logs: readonly LogEvidence[]): { task: string; at: IsoTime; pods: string[] }[] {
  const out: { task: string; at: IsoTime; pods: string[] }[] = [];
  const receipts = listReceipts(logs).filter((r): r is Receipt & { at: IsoTime } => r.at !== undefined).sort((a, b) => a.at.localeCompare(b.at));
  receipts.forEach((r, i) => {
    const twin = receipts.slice(i + 1).find((x) => x.task === r.task && Math.abs(msBetween(r.at, x.at)) <= SAME_TICK_MS);
    if (twin && !out.some((o) => o.task === r.task && Math.abs(msBetween(o.at, r.at)) <= SAME_TICK_MS)) out.push({ task: r.task, at: r.at, pods: [...new Set([r.pod, twin.pod])] });
  });
  return out;
}

export interface SchedulerDuplicates {
  scheduler: SchedulerReplicasEvidence;
  kind: string;
  /** Its pods whose log shows it sending due tasks. */
  sendingPods: string[];
  /** Task names it sends that the workload executes (or all it sends, when the workload's receipts were not seen). */
  tasks: string[];
  /** The line one replica logged sending a task, without its stamp. */
  quote?: string;
  /** The scale-up that took it past one replica: "from 1 to 2", when. */
  scaledUp?: { from: number; to: number; at: IsoTime };
  /** Who wrote spec.replicas last, when a person or tool did it through the scale subresource. */
  scaledBy?: string;
  /** Tasks the workload received twice within one tick. */
  doubled: { task: string; at: IsoTime; pods: string[] }[];
  /** The scheduler is the triaged workload itself. */
  self: boolean;
}

const SCALED_UP = /Scaled up replica set \S+ from (\d+) to (\d+)/;

function findScaleUp(events: readonly EventEvidence[]): SchedulerDuplicates['scaledUp'] {
  const ups = events.flatMap((e) => {
    const m = e.reason === 'ScalingReplicaSet' ? SCALED_UP.exec(e.message) : null;
    return m ? [{ from: Number(m[1]), to: Number(m[2]), at: e.lastSeen }] : [];
  }).filter((u) => u.from <= 1 && u.to > 1);
  return ups.sort((a, b) => b.at.localeCompare(a.at))[0];
}

/** The triaged workload as a scheduler, when it runs one: its own replicas send the duplicates. */
function asScheduler(ev: TriageEvidence): SchedulerReplicasEvidence | undefined {
  const w = ev.workload;
  if (w === null || w.kind !== 'Deployment') return undefined;
  const c = w.templateContainers.find((x) => findSchedulerKind([...(x.command ?? []), ...(x.args ?? [])]) !== undefined);
  if (c === undefined) return undefined;
  return {
    deployment: w.name,
    container: c.name,
    command: [...(c.command ?? []), ...(c.args ?? [])].join(' '),
    replicas: w.specReplicas ?? w.replicas ?? 0,
    readyReplicas: w.readyReplicas ?? 0,
    brokerEnv: [],
    replicasOwners: [],
    events: ev.events,
    logs: ev.logs,
  };
}

/** The workload's own broker env values: a scheduler naming the same broker feeds its queue. */
function brokerValues(ev: TriageEvidence): Set<string> {
  return new Set((ev.workload?.templateContainers ?? []).flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e && BROKER_ENV.test(e.name) ? [e.value] : []))));
}

/** A scheduler running more than one replica that sends the tasks the workload executes. */
export function findSchedulerDuplicates(ev: TriageEvidence): SchedulerDuplicates | undefined {
  const self = asScheduler(ev);
  const candidates = [...(self ? [self] : []), ...(ev.schedulerReplicas ?? [])];
  const received = new Set(listReceipts(ev.logs).map((r) => r.task));
  const brokers = brokerValues(ev);
  for (const s of candidates) {
    const kind = findSchedulerKind([s.command]);
    if (kind === undefined || s.replicas < 2) continue;
    const sent = s.logs.flatMap((l) => l.lines.flatMap((line) => {
      const m = SENDING.exec(line);
      return m?.[2] === undefined ? [] : [{ pod: l.pod, task: m[2], line }];
    }));
    const isSelf = s === self;
    const shared = [...new Set(sent.map((x) => x.task))].filter((t) => received.has(t));
    const sameBroker = s.brokerEnv.some((e) => brokers.has(e.value));
    // Linked by the tasks it sends, else by the broker it sends them to.
    if (!isSelf && shared.length === 0 && !sameBroker) continue;
    const tasks = shared.length > 0 ? shared : [...new Set(sent.map((x) => x.task))];
    const owner = s.replicasOwners.find((o) => o.subresource === 'scale' || o.manager === 'kubectl' || o.manager.startsWith('kubectl'));
    const scaledUp = findScaleUp(s.events);
    const doubled = findDoubleReceipts(ev.logs).filter((d) => tasks.length === 0 || tasks.includes(d.task));
    // The line of a task the workload ran twice says most; else the newest sent.
    const line = (sent.filter((x) => doubled.some((d) => d.task === x.task)).pop() ?? sent[sent.length - 1])?.line;
    return {
      scheduler: s,
      kind,
      sendingPods: [...new Set(sent.map((x) => x.pod))],
      tasks,
      ...(line !== undefined ? { quote: line.replace(/^\[[^\]]*\]\s*/, '').trim() } : {}),
      ...(scaledUp !== undefined ? { scaledUp } : {}),
      ...(owner !== undefined && owner === s.replicasOwners[0] ? { scaledBy: owner.manager } : {}),
      doubled,
      self: isSelf,
    };
  }
  return undefined;
}
