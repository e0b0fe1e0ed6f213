/**
 * What fills a ResourceQuota on the count of Jobs (count/jobs.batch). A finished Job counts until
 * it is deleted, and only two things delete one: its CronJob's history limits, or the TTL
 * controller (spec.ttlSecondsAfterFinished). Jobs made by hand or by a tool from a manifest
 * without a TTL pile up until the quota refuses every new one, a CronJob's runs included.
 */
import type { EventEvidence, IsoTime, NamespaceJobEvidence, NamespaceJobsEvidence, TriageTarget } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { HISTORY_MS } from './pod-status.js';
import { formatAgo, isWithin } from './time-span.js';

/** `requested: count/jobs.batch=1` (and the older `count/jobs`): the quota counts Jobs. */
const JOB_COUNT = /exceeded quota: [^\n]*requested: [^\n]*\bcount\/jobs(?:\.batch)?=/;

/** A delete command longer than this would be cut in the thread (its lines hold 300 characters). */
const COMMAND_MAX = 150;

export function isJobCountRefusal(message: string): boolean {
  return JOB_COUNT.test(message);
}

/** A recent FailedCreate of the CronJob refused by a quota on the count of Jobs: the namespace's Jobs say what fills it. */
export function needsNamespaceJobs(events: readonly EventEvidence[], cronJob: string, now: IsoTime): boolean {
  return events.some((e) => e.reason === 'FailedCreate' && e.object.kind === 'CronJob' && e.object.name === cronJob && isWithin(e.lastSeen, now, HISTORY_MS) && isJobCountRefusal(e.message));
}

interface JobGroup {
  /** "CronJob nightly-export" or "ledger-backfill-*". */
  label: string;
  owner?: { kind: string; name: string };
  /** For Jobs nothing owns: the stem of their names. */
  stem?: string;
  finished: NamespaceJobEvidence[];
  running: number;
  withoutTtl: number;
}

/**
 * The name without what changes from one run to the next: the segments before the first one with a
 * digit (a date, a counter, a generated suffix). `ledger-backfill-2026-11-14` → `ledger-backfill`.
 */
function stemOf(name: string): string {
  const parts = name.split('-');
  const i = parts.findIndex((p) => /\d/.test(p));
  return i <= 0 ? name : parts.slice(0, i).join('-');
}

const createdMs = (j: NamespaceJobEvidence): number => (j.createdAt === undefined ? 0 : Date.parse(j.createdAt));

function groupJobs(jobs: readonly NamespaceJobEvidence[]): JobGroup[] {
  const byKey = new Map<string, NamespaceJobEvidence[]>();
  for (const j of jobs) {
    const key = j.owner ? `${j.owner.kind} ${j.owner.name}` : `${stemOf(j.name)}-*`;
    byKey.set(key, [...(byKey.get(key) ?? []), j]);
  }
  return [...byKey].map(([key, list]) => {
    const owner = list[0]?.owner;
    const finished = list.filter((j) => j.state === 'complete' || j.state === 'failed').sort((a, b) => createdMs(a) - createdMs(b));
    const only = list.length === 1 ? list[0] : undefined;
    const label = owner ? key : only && only.name === stemOf(only.name) ? only.name : key;
    const stem = owner ? undefined : stemOf(list[0]?.name ?? '');
    return { label, ...(owner ? { owner } : {}), ...(stem === undefined ? {} : { stem }), finished, running: list.length - finished.length, withoutTtl: finished.filter((j) => j.ttlSecondsAfterFinished === undefined).length };
  });
}

/** Finished Jobs nothing deletes first, then the most finished Jobs. */
function byWeight(a: JobGroup, b: JobGroup): number {
  return b.withoutTtl - a.withoutTtl || b.finished.length - a.finished.length;
}

function ttlText(g: JobGroup): string {
  if (g.withoutTtl === 0) return 'each has a ttlSecondsAfterFinished';
  if (g.withoutTtl < g.finished.length) return `${g.withoutTtl} without ttlSecondsAfterFinished`;
  return g.finished.length === 1 ? 'no ttlSecondsAfterFinished' : 'none has a ttlSecondsAfterFinished';
}

function describeGroup(g: JobGroup, now: IsoTime): string {
  const oldest = g.finished[0]?.createdAt;
  const counts = [...(g.finished.length > 0 ? [`${g.finished.length} finished`] : []), ...(g.running > 0 ? [`${g.running} running or suspended`] : [])].join(', ');
  const who = g.owner ? `Jobs of ${g.owner.kind} ${g.owner.name}` : `${g.label} Jobs, no owner (made by hand or by a tool)`;
  const details = g.finished.length === 0 ? '' : `: ${[...(oldest ? [`oldest created ${formatAgo(oldest, now)}`] : []), ttlText(g)].join(', ')}`;
  return `${counts} ${who}${details}`;
}

/**
 * A command that deletes the group's finished Jobs: by name when they fit; Jobs nothing owns by
 * the stem of their names when every Job with that stem is one of them; else the oldest that fit.
 */
function deleteCommand(g: JobGroup, all: readonly NamespaceJobEvidence[], target: TriageTarget): string {
  const names = g.finished.map((j) => j.name);
  const byName = formatKubectl(target, `delete job ${names.join(' ')}`);
  if (byName.length <= COMMAND_MAX) return `\`${byName}\``;
  const prefix = g.stem === undefined || g.stem === '' ? undefined : `${g.stem}-`;
  if (prefix !== undefined && all.filter((j) => j.name.startsWith(prefix)).every((j) => names.includes(j.name))) {
    return `\`${formatKubectl(target, 'get jobs -o name')} | grep '^job.batch/${prefix}' | xargs ${formatKubectl(target, 'delete')}\``;
  }
  let k = names.length;
  while (k > 1 && formatKubectl(target, `delete job ${names.slice(0, k).join(' ')}`).length > COMMAND_MAX) k--;
  return `\`${formatKubectl(target, `delete job ${names.slice(0, k).join(' ')}`)}\` (the ${k} oldest of ${names.length})`;
}

export interface JobsFillingQuota {
  /** Evidence lines: the Jobs the namespace holds, by owner or name. */
  evidence: string[];
  /** What fills the quota, to follow why such a quota fills. */
  cause: string;
  /** How to free it: which Jobs to delete (the command) and what keeps them from piling up again. */
  action: string;
  /** The fix as the headline says it. */
  fix: string;
}

/**
 * The Jobs that fill `quota`, grouped by their CronJob or, for Jobs nothing owns, by the stem of
 * their names; the group nothing cleans (no TTL, no history limit) first. Undefined without Jobs.
 */
export function describeJobsFillingQuota(all: NamespaceJobsEvidence, quota: string, target: TriageTarget, refusedSince: IsoTime, now: IsoTime): JobsFillingQuota | undefined {
  const groups = groupJobs(all.jobs).sort(byWeight);
  const top = groups[0];
  if (top === undefined) return undefined;
  const total = `${all.complete ? '' : 'at least '}${all.jobs.length}`;
  const shown = groups.slice(0, 4).map((g) => describeGroup(g, now));
  const more = groups.length > shown.length ? `… and ${groups.reduce((n, g) => n + g.finished.length + g.running, 0) - groups.slice(0, shown.length).reduce((n, g) => n + g.finished.length + g.running, 0)} more Jobs` : '';
  // The quota filled when the last Job before the first refusal was made: that Job is the trigger.
  const before = all.jobs.filter((j) => j.createdAt !== undefined && createdMs(j) <= Date.parse(refusedSince)).sort((a, b) => createdMs(b) - createdMs(a))[0];
  const evidence = [
    `Jobs in ${target.namespace}: ${total} (${quota} counts each until it is deleted, finished or not)`,
    ...shown,
    ...(more === '' ? [] : [more]),
    ...(before?.createdAt ? [`the last Job created before the first refusal (${formatAgo(refusedSince, now)}): ${before.name}, ${formatAgo(before.createdAt, now)}`] : []),
  ];
  const full = `ResourceQuota ${quota} caps the namespace's Jobs, finished ones included, and is full, so every run is refused.`;
  if (top.finished.length === 0) {
    const running = groups.reduce((n, g) => n + g.running, 0);
    return {
      evidence,
      cause: `${full} No finished Job fills it: ${running} Jobs of the namespace are running or suspended, as many as ${quota} allows.`,
      action: `Raise ${quota} if that many Jobs may run at once, or find why they run so long (or stay suspended); then run a missed run by hand.`,
      fix: `raise ResourceQuota ${quota} or end the Jobs that hold it (${running} running or suspended)`,
    };
  }
  const deletion = deleteCommand(top, all.jobs, target);
  const others = all.jobs.length - top.finished.length;
  const rest = others > 0 ? `; with ${others} other Job${others === 1 ? '' : 's'}, ${total}` : '';
  const noTtl = top.withoutTtl > 0 ? ' and nothing deletes (no ttlSecondsAfterFinished)' : '';
  if (top.owner) {
    const mine = top.owner.kind === 'CronJob' && top.owner.name === target.name;
    return {
      evidence,
      cause: `${full} What fills it: ${top.finished.length} finished Jobs of ${top.owner.kind} ${top.owner.name}${mine ? ' itself' : ''}, kept by its history limits${noTtl}${rest}.`,
      action: `Delete them (${deletion}), lower ${top.owner.name}'s successfulJobsHistoryLimit and failedJobsHistoryLimit (or give its jobTemplate a ttlSecondsAfterFinished), or raise ${quota}; then run a missed run by hand.`,
      fix: `delete ${top.owner.kind} ${top.owner.name}'s finished Jobs and lower its history limits to free ResourceQuota ${quota}, or raise the quota`,
    };
  }
  return {
    evidence,
    cause: `${full} What fills it: ${top.finished.length} finished ${top.label} Jobs no controller owns${noTtl}${rest}.`,
    action: `Delete them (${deletion}), set ttlSecondsAfterFinished where they are made (a runbook manifest, a script), or raise ${quota}; then run a missed run by hand.`,
    fix: `delete the ${top.finished.length} finished ${top.label} Jobs${top.withoutTtl > 0 ? ' (no ttlSecondsAfterFinished)' : ''} to free ResourceQuota ${quota}, or raise the quota`,
  };
}
