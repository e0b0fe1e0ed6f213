import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatRun } from '../cron-schedule.js';
import type { QuietSchedule } from '../cron-quiet-schedule.js';
import { nameDayFields } from '../cron-schedule-words.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo, formatSpan } from '../time-span.js';

/** Kept runs named in a sentence: the last few, newest last. */
const RUNS_SHOWN = 3;
const DAY_MS = 24 * 3600_000;

/**
 * A CronJob whose schedule changed to fire far less often than it ran: when it last ran, the pace
 * it kept before, what the live schedule fires on and when next, and the schedule as applied.
 */
export function describeQuietSchedule(ev: TriageEvidence, q: QuietSchedule): Finding {
  const name = ev.target.name;
  const sched = ev.workload?.schedule;
  const cron = sched?.cron.trim() ?? '';
  const tz = sched?.timeZone ?? 'UTC';
  const ref = `cronjob/${name}`;
  const last = formatRun(new Date(q.lastRun), tz);
  const at = (d: Date) => formatRun(d, tz);
  const next = q.next ? `next ${at(q.next)}, in ${formatSpan(q.next.getTime() - Date.parse(ev.collectedAt))}` : 'no fire time within a year';
  const fires = q.days ? `fires ${q.days} (${next})` : `fires rarely (${next})`;
  const pace = q.paceFrom === 'kept runs' ? `its kept runs came every ${formatSpan(q.paceMs)}` : `as applied (\`${q.applied?.cron ?? ''}\`) it ran every ${formatSpan(q.paceMs)}`;
  const edit = q.editedAfter ? ` (${q.editedAfter.by}, ${at(new Date(q.editedAfter.at))})` : '';
  const applied = q.applied ? `; edited to \`${cron}\` after it was applied as \`${q.applied.cron}\`${edit}` : q.editedAfter ? `; spec.schedule rewritten after that run${edit}` : '';
  const shown = q.keptRuns.slice(-RUNS_SHOWN).map(at);
  const off = q.offSchedule.length;
  const fields = nameDayFields(cron);
  const due = q.applied?.due;

  const changed = q.editedAfter
    ? `spec.schedule was rewritten ${formatSpan(Date.parse(q.editedAfter.at) - Date.parse(q.lastRun))} after the last run (field manager ${q.editedAfter.by}, ${at(new Date(q.editedAfter.at))})`
    : 'The schedule changed after the last run';
  const from = q.applied ? `, from \`${q.applied.cron}\` as last applied to \`${cron}\`` : ` to \`${cron}\``;
  const reading = `${fields ? `With ${fields}, ` : ''}\`${cron}\` ${fires}`;
  const offText = off > 0 ? ` The kept runs (${shown.join(', ')}) fall at times \`${cron}\` does not fire: they ran under the schedule before.` : '';
  const patch = q.applied ? `\`${formatKubectl(ev.target, `patch ${ref} -p '{"spec":{"schedule":"${q.applied.cron}"}}'`)}\` — the bot will not — and keep the manifest in step` : 'in the manifest, and apply it';

  return {
    id: `cron-schedule/${name}`,
    kind: 'cron-schedule',
    title: `CronJob ${name} has not run for ${formatSpan(q.quietMs)}, since ${last}, though ${pace}: its schedule \`${cron}\` ${fires}${applied}`,
    layer: 'rollout/change',
    severity: q.applied || q.quietMs >= DAY_MS ? 'critical' : 'warning',
    confidence: q.applied || q.editedAfter ? 'high' : 'medium',
    evidence: [
      `schedule ${cron} (${tz}), lastScheduleTime ${sched?.lastScheduleTime ?? 'never'}: the last run ${last} (${formatAgo(q.lastRun, ev.collectedAt)}); ${q.next ? `next fire time ${at(q.next)}` : 'no fire time within a year'}`,
      `kept runs (scheduled, oldest first): ${q.keptRuns.map(at).join(', ')}${off > 0 ? `; ${off === q.keptRuns.length ? 'none' : `${q.keptRuns.length - off}`} of them at a time \`${cron}\` fires` : ''}`,
      ...(q.applied ? [`last-applied-configuration: schedule ${q.applied.cron}${due && due.count > 0 ? `, under which ${due.capped ? 'more than ' : ''}${due.count} run${due.count === 1 ? '' : 's'} would have started since the last` : ''}`] : []),
      ...(q.editedAfter ? [`spec.schedule last written ${at(new Date(q.editedAfter.at))} (${formatAgo(q.editedAfter.at, ev.collectedAt)}) by field manager ${q.editedAfter.by}`] : []),
    ],
    likelyCause: `${changed}${from}. ${reading}, so no run has been due since ${last}: nothing failed and no run was skipped — the work stopped.${offText}`,
    nextAction: `If \`${cron}\` is not the schedule meant, set it back (${patch}), then run the missed work once by hand (\`${formatKubectl(ev.target, `create job --from=${ref} ${name}-catchup`)}\`).`,
    fix: q.applied ? `restore the schedule \`${q.applied.cron}\` and run a catch-up Job by hand` : 'correct the schedule and run a catch-up Job by hand',
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.schedule} {.status.lastScheduleTime}'`),
      ...(q.applied ? [formatKubectl(ev.target, `apply view-last-applied ${ref}`)] : []),
      formatKubectl(ev.target, `get jobs -l batch.kubernetes.io/cronjob-name=${name} --sort-by=.metadata.creationTimestamp`),
    ],
  };
}
