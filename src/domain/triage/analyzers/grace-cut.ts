import type { EventEvidence, IsoTime, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { type GraceCut, type GraceStop, findGraceCut } from '../grace-cut.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo, msBetween } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';
import { joinAnd } from '../../text.js';

/** A plain-text log line's leading date and time. */
const LEADING_STAMP = /^\[?\d{4}-\d{2}-\d{2}[T ][\d:.,]+Z?\]?\s*/;
/** Stops this close together are one occasion (one scale-in deleting several pods). */
const OCCASION_MS = 2 * 60_000;

/** The stops grouped into occasions, each with what brought it when the events say (an HPA scale-in). */
function groupOccasions(stops: readonly GraceStop[], events: readonly EventEvidence[]): { at: IsoTime; pods: Set<string>; scaledDown: number; byHpa: boolean }[] {
  const out: { at: IsoTime; pods: Set<string>; scaledDown: number; byHpa: boolean }[] = [];
  for (const s of stops) {
    const last = out[out.length - 1];
    const scaledDown = s.how === 'scale-down' ? s.count : 0;
    if (last !== undefined && msBetween(last.at, s.at) <= OCCASION_MS) {
      s.pods.forEach((p) => last.pods.add(p));
      last.scaledDown += scaledDown;
    } else out.push({ at: s.at, pods: new Set(s.pods), scaledDown, byHpa: false });
  }
  const rescales = events.filter((e) => e.reason === 'SuccessfulRescale' && e.object.kind === 'HorizontalPodAutoscaler');
  for (const o of out) o.byHpa = rescales.some((e) => [e.firstSeen, e.lastSeen].some((t) => Math.abs(msBetween(t, o.at)) <= OCCASION_MS));
  return out;
}

function describeOccasions(c: GraceCut, ev: TriageEvidence): string {
  const occasions = groupOccasions(c.stops, ev.events);
  const now = ev.collectedAt;
  // A scale-down says how many pods it stopped; the Killing events of those still kept name them.
  const pods = occasions.reduce((n, o) => n + Math.max(o.pods.size, o.scaledDown), 0);
  const what = occasions.every((o) => o.byHpa) ? `HPA scale-in${occasions.length === 1 ? '' : 's'}` : `stop${occasions.length === 1 ? '' : 's'}`;
  const when = occasions.length <= 3 ? `, ${joinAnd(occasions.map((o) => formatAgo(o.at, now)))}` : `, the last ${formatAgo(occasions[occasions.length - 1]?.at ?? now, now)}`;
  return `${occasions.length} ${what}${pods > 0 ? ` stopping ${pods} pod${pods === 1 ? '' : 's'}` : ''}${when}`;
}

function describeSigns(c: GraceCut): string {
  const signs: string[] = [];
  if (c.redone.length > 0) {
    const pods = new Set(c.redone.map((r) => r.pod)).size;
    signs.push(`${c.redone.length} duplicate/re-processed line${c.redone.length === 1 ? '' : 's'} in ${pods} pod${pods === 1 ? '' : 's'} right after the stops`);
  }
  if (c.killed.length > 0) signs.push(`${c.killed.length} stopping container${c.killed.length === 1 ? '' : 's'} SIGKILLed (exit 137) at the deadline`);
  if (c.interrupted.length > 0) signs.push(`${c.interrupted.length} stopping pod${c.interrupted.length === 1 ? '' : 's'} began the shutdown and never finished it`);
  return joinAnd(signs);
}

/**
 * A revision lowered terminationGracePeriodSeconds and, at the stops since, the pods are killed
 * before they shut down cleanly: work redone after each stop, containers SIGKILLed at the
 * deadline. The cut is the cause and the stops (a rollout, HPA scale-ins) only its occasions; the
 * fix is a grace period the shutdown fits in.
 */
export function analyzeGraceCut(ev: TriageEvidence): Finding[] {
  const c = findGraceCut(ev);
  if (c === undefined) return [];
  const now = ev.collectedAt;
  const { revision, previous, fromSeconds, toSeconds } = c;
  // Within the trigger window the verdict names the revision as its "since"; before it, the title does.
  const named = !isInTriggerWindow(revision.createdAt, c.onset);
  const finish = c.consumer ? 'finish their batch, commit their offsets and leave the group' : 'finish the work in hand and commit it';
  const redo = c.consumer ? "the partitions' next owners re-process from the last committed offsets" : 'what they had in hand is done again';
  const killed = `SIGKILLed before they ${finish}`;
  const occasions = describeOccasions(c, ev);
  const signs = describeSigns(c);
  const title = named
    ? `Revision ${revision.revision} (${formatAgo(revision.createdAt, now)}) cut terminationGracePeriodSeconds ${fromSeconds} → ${toSeconds} s: at every stop since (${occasions}) its pods are ${killed}, and ${redo} — ${signs}`
    : `Pods stopped with the ${toSeconds} s grace period (terminationGracePeriodSeconds, ${fromSeconds} s before revision ${revision.revision}) are ${killed} (${occasions}), and ${redo} — ${signs}`;
  const pods = [...new Set([...c.redone.map((r) => r.pod), ...c.killed.map((k) => k.pod), ...c.interrupted.map((i) => i.pod)])];
  const decisiveLine = c.redone.find((r) => /re-?process|commit|offset/i.test(r.line))?.line ?? c.redone[0]?.line ?? c.interrupted[0]?.line;
  // The line's own words, without the stamp before them (the evidence keeps the whole line).
  const decisive = decisiveLine !== undefined ? condenseStructuredLine(decisiveLine).replace(LEADING_STAMP, '').slice(0, 200) : `exit 137 at the deadline (${c.killed[0]?.pod ?? ''})`;
  const fix = `restore terminationGracePeriodSeconds to ${fromSeconds} s (or whatever the shutdown needs to ${c.consumer ? 'commit and leave the group' : 'finish and commit'})`;
  const workload = formatWorkloadRef(ev.target);
  return [{
    id: `duplicate-work/grace-cut/${revision.revision}`,
    kind: 'duplicate-work',
    title,
    layer: 'rollout/change',
    severity: 'warning',
    confidence: c.redone.length > 0 || c.killed.length > 0 ? 'high' : 'medium',
    ...(named ? { datesChange: true as const } : {}),
    latent: `the grace period applies only when a pod is stopped: the pods run cleanly between stops`,
    ...(c.onset ? { onset: c.onset } : {}),
    evidence: [
      `revision ${revision.revision} (${revision.createdAt}, ${formatAgo(revision.createdAt, now)}${revision.changeCause ? `, "${revision.changeCause}"` : ''}): terminationGracePeriodSeconds ${fromSeconds} → ${toSeconds} (revision ${previous.revision} had ${fromSeconds})`,
      `stops of its pods since: ${c.stops.slice(0, 6).map((s) => `${s.how} ${s.pods.join(', ') || ''} ${formatAgo(s.at, now)}`.replace(/\s+/g, ' ')).join('; ')}${c.stops.length > 6 ? '; …' : ''}`,
      ...c.redone.slice(0, 3).map((r) => `log ${r.pod}, ${formatAgo(r.at, now)}: ${condenseStructuredLine(r.line).slice(0, 260)}`),
      ...c.killed.slice(0, 3).map((k) => `pod ${k.pod}: container ${k.container} ended with exit 137 at its deadline (${k.finishedAt})`),
      ...c.interrupted.slice(0, 3).map((i) => `log ${i.pod} (stopping): ${condenseStructuredLine(i.line).slice(0, 200)}, and no commit or exit after it`),
    ],
    decisive,
    likelyCause:
      `On SIGTERM the process needs time to ${finish.replace(/their /g, 'its ')}; the kubelet SIGKILLs the container when terminationGracePeriodSeconds is spent, and revision ${revision.revision} cut that from ${fromSeconds} s to ${toSeconds} s. ` +
      `Since then every stop of a pod (each rollout, each scale-in) kills it half way: what it had not committed goes to another member, which starts again from the last commit, so the same records are processed twice. ` +
      `The stops (${occasions}) are the occasions, not the cause.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; then make the writes idempotent. Fewer scale-ins only make it rarer.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get ${workload} -o jsonpath='{.spec.template.spec.terminationGracePeriodSeconds}'`),
      formatKubectl(ev.target, `rollout history ${workload} --revision=${revision.revision}`),
      ...pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --since=3h | grep -iE 'duplicate|re-?process|commit'`)),
    ],
    affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
  }];
}
