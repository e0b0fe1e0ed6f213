/**
 * Kueue keeps a Job it queues suspended until the Job's ClusterQueue admits its Workload, and why
 * it does not is said on the Workload, not on the Job: the admission's Pending event carries the
 * scheduler's reason ("couldn't assign flavors to pod set main: insufficient unused quota for
 * nvidia.com/gpu in flavor gpu-large, 2 more needed"). The Job's CreatedWorkload event names the
 * Workload, so its events are one field-selector read away (pickQueuedWorkloads).
 */
import type { EventEvidence, IsoTime } from './evidence.js';

/** Kueue's job controller: "Created Workload: <namespace>/<name>". */
const CREATED = /^Created Workload: (?:[a-z0-9-]+\/)?([a-z0-9][a-z0-9.-]*)\s*$/;
/** One Job has one Workload; a re-created one may leave an older name behind. */
const MAX_WORKLOADS = 2;

/** "insufficient unused quota for nvidia.com/gpu in flavor gpu-large, 2 more needed". */
const SHORT = /insufficient unused quota for ([\w./-]+) in flavor ([\w.-]+), (\S+) more needed/;
/** "insufficient quota for cpu in flavor default, request > maximum capacity (24 > 16)": it never fits. */
const NEVER_FITS = /insufficient quota for ([\w./-]+) in flavor ([\w.-]+), request > maximum capacity(?: \(([^)]*)\))?/;

/** The Workloads the Job's CreatedWorkload events name, newest first (at most two). */
export function pickQueuedWorkloads(events: readonly EventEvidence[], job: string): string[] {
  const named = events
    .filter((e) => e.object.kind === 'Job' && e.object.name === job && e.reason === 'CreatedWorkload')
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
    .flatMap((e) => CREATED.exec(e.message)?.[1] ?? []);
  return [...new Set(named)].slice(0, MAX_WORKLOADS);
}

export interface AdmissionWait {
  workload: string;
  /** The scheduler's reason, as Kueue wrote it. */
  message: string;
  count: number;
  firstSeen: IsoTime;
  lastSeen: IsoTime;
  /** The quota the ClusterQueue lacks: how much more is needed, or that the request exceeds what it can ever give. */
  quota?: { resource: string; flavor: string; more?: string; neverFits?: string };
}

/** Why Kueue leaves the Job's Workload pending: its newest Pending event, with the quota it names. */
export function findAdmissionWait(events: readonly EventEvidence[], job: string): AdmissionWait | undefined {
  const workloads = pickQueuedWorkloads(events, job);
  const pending = events
    .filter((e) => e.object.kind === 'Workload' && workloads.includes(e.object.name) && e.reason === 'Pending' && e.message.trim() !== '')
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  const [e] = pending;
  if (e === undefined) return undefined;
  const short = SHORT.exec(e.message);
  const never = short ? undefined : NEVER_FITS.exec(e.message);
  const quota = short
    ? { resource: short[1] ?? '', flavor: short[2] ?? '', more: short[3] ?? '' }
    : never ? { resource: never[1] ?? '', flavor: never[2] ?? '', neverFits: never[3] ?? 'request > maximum capacity' } : undefined;
  return { workload: e.object.name, message: e.message.trim(), count: e.count, firstSeen: e.firstSeen, lastSeen: e.lastSeen, ...(quota ? { quota } : {}) };
}
