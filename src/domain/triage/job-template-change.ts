/**
 * A CronJob's runs fail where earlier runs succeeded: each Job carries the pod template it was
 * created with, so the failing run's template against the last successful run's says what the
 * CronJob's jobTemplate change was (parallelism, image, command, args, env, resources…) — the "since" that no
 * rollout history records. Dated by the first run created with the new template and, when it is
 * after the last good run, the time the jobTemplate was last written (managedFields).
 */
import type { IsoTime, JobEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { diffPodTemplates, splitImage } from './revision-diff.js';
import { shortImage } from './analyzers/image-pull.js';
import { formatAgo, msBetween } from './time-span.js';

export interface JobTemplateChange {
  /** The newest run that completed, on the old template. */
  lastGood: JobEvidence;
  /** The oldest run after it created with the failing run's template. */
  firstNew: JobEvidence;
  /** What changed, one line each: parallelism and completions, then the pod template (revision-diff.ts); secret values never shown. */
  diff: string[];
  /** An image that moved, when one did: what to put back. */
  image?: { container: string; from: string; to: string };
  /** spec.jobTemplate's last write, when it came after the last good run. */
  written?: { at: IsoTime; by?: string };
}

const isComplete = (j: JobEvidence): boolean => findCondition(j.conditions, 'Complete')?.status === 'True';
const createdMs = (j: JobEvidence): number => (j.createdAt === undefined ? 0 : Date.parse(j.createdAt));
const hasTemplate = (j: JobEvidence): j is JobEvidence & { containers: NonNullable<JobEvidence['containers']> } => j.containers !== undefined;

/**
 * The jobTemplate's own spec beside its pod template: how many pods a run starts at once and how
 * many must complete. Raising them changes no pod, yet makes every run open that many more
 * connections at once to whatever it calls.
 */
function diffJobSpecs(older: JobEvidence, newer: JobEvidence): string[] {
  return (['parallelism', 'completions'] as const).flatMap((field) => {
    const a = older[field];
    const b = newer[field];
    return a === b ? [] : [`${field}: ${a ?? 'unset'} → ${b ?? 'unset'}`];
  });
}

const diffRuns = (older: JobEvidence & { containers: NonNullable<JobEvidence['containers']> }, newer: JobEvidence & { containers: NonNullable<JobEvidence['containers']> }): string[] =>
  [...diffJobSpecs(older, newer), ...diffPodTemplates(older, newer)];

/** The CronJob's template change between its last good run and `failing`; undefined when the templates match or a run's is unread. */
export function findJobTemplateChange(ev: Pick<TriageEvidence, 'jobs' | 'target' | 'workload'>, failing: JobEvidence): JobTemplateChange | undefined {
  if (ev.target.kind !== 'CronJob' || !hasTemplate(failing) || failing.createdAt === undefined) return undefined;
  const runs = [...(ev.jobs ?? [])].filter(hasTemplate).sort((a, b) => createdMs(b) - createdMs(a));
  const lastGood = runs.find((j) => isComplete(j) && createdMs(j) < createdMs(failing));
  if (lastGood === undefined) return undefined;
  const diff = diffRuns(lastGood, failing);
  if (diff.length === 0) return undefined;
  // The runs since the last good one that already had the failing template: the oldest is the first.
  const since = runs.filter((j) => createdMs(j) > createdMs(lastGood) && createdMs(j) <= createdMs(failing));
  const firstNew = [...since].reverse().find((j) => diffRuns(j, failing).length === 0) ?? failing;
  const moved = failing.containers.flatMap((c) => {
    const old = lastGood.containers.find((o) => o.name === c.name);
    return old !== undefined && old.image !== c.image ? [{ container: c.name, from: old.image, to: c.image }] : [];
  })[0];
  const at = ev.workload?.schedule?.templateWrittenAt;
  const by = ev.workload?.schedule?.templateWrittenBy;
  const written = at !== undefined && lastGood.createdAt !== undefined && at > lastGood.createdAt && (firstNew.createdAt === undefined || at <= firstNew.createdAt) ? { at, ...(by ? { by } : {}) } : undefined;
  return { lastGood, firstNew, diff, ...(moved ? { image: moved } : {}), ...(written ? { written } : {}) };
}

/** "image moved from repo:1.2 to repo:1.3", else the first change (and how many more). */
export function describeTemplateChange(change: JobTemplateChange): string {
  if (change.image !== undefined) {
    const others = change.diff.length - 1;
    const from = splitImage(change.image.from);
    const to = splitImage(change.image.to);
    const target = from.repo === to.repo ? to.version : shortImage(change.image.to);
    return `image moved from ${shortImage(change.image.from)} to ${target}${others > 0 ? ` (and ${others} more change${others === 1 ? '' : 's'})` : ''}`;
  }
  const others = change.diff.length - 1;
  return `jobTemplate changed: ${change.diff[0] ?? ''}${others > 0 ? ` (and ${others} more)` : ''}`;
}

/**
 * The "since" of the failing run, dated: "since the CronJob's image moved from a:1 to a:2 (written
 * by gitops 10h ago; first run with it 29m ago, after the last successful run 1d ago)".
 */
export function tellTemplateChange(change: JobTemplateChange, failing: JobEvidence, now: IsoTime): { clause: string; cause: string; revert: string; evidence: string[] } {
  const written = change.written ? `jobTemplate written${change.written.by ? ` by ${change.written.by}` : ''} ${formatAgo(change.written.at, now)}; ` : '';
  const first = change.firstNew.name === failing.name ? 'this run is the first with it' : `first run with it ${change.firstNew.name}${change.firstNew.createdAt ? ` ${formatAgo(change.firstNew.createdAt, now)}` : ''}`;
  const good = change.lastGood.createdAt ? ` ${formatAgo(change.lastGood.createdAt, now)}` : '';
  return {
    clause: `since the CronJob's ${describeTemplateChange(change)} (${written}${first}; the last successful run${good} ran the old one)`,
    cause: `The runs began failing with the CronJob's new jobTemplate: the last successful run (${change.lastGood.name}) ran ${change.image ? shortImage(change.image.from) : 'the old template'}, every run since ${change.firstNew.name}${change.firstNew.createdAt && msBetween(change.firstNew.createdAt, now) >= 0 ? ` (${formatAgo(change.firstNew.createdAt, now)})` : ''} runs ${change.image ? shortImage(change.image.to) : 'the new one'}. What the new template changes is what the log's error meets.`,
    revert: change.image ? `set the CronJob's ${change.image.container} image back to ${shortImage(change.image.from)}, the last good run's` : `put the CronJob's jobTemplate back as the last good run (${change.lastGood.name}) had it`,
    evidence: [`jobTemplate of ${failing.name} against the last successful run ${change.lastGood.name}: ${change.diff.slice(0, 6).join('; ')}`],
  };
}
