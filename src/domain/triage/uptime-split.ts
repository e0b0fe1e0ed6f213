/**
 * A limit hit only by the oldest pods of one revision: every pod that fails has run longer than
 * every pod that does not. Nothing changed between them but their uptime, so what runs out piles
 * up while a process runs (descriptors, threads never released) — a leak, which a restart only
 * postpones by as long as the pod had run. The younger pods' own counters, when they log them,
 * show the climb before it hits.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { formatSpan, msBetween } from './time-span.js';

export interface UptimeSplit {
  /** "the 2 oldest pods (up 7d 5h and 6d 22h); the 4 that still serve are younger (9h to 5d 19h)". */
  text: string;
  /** "open_fds 1570 (up 9h) → 4410 (2d 3h) → 9812 (5d 19h)": the healthy pods' counter climbing with uptime. */
  climb?: string;
  /** The failing pods, oldest first. */
  oldest: PodEvidence[];
}

/** A failing pod must have run at least this long: a limit hit within hours is load, not accumulation. */
const MIN_FAILING_UPTIME_MS = 24 * 3600_000;
/** At least this many younger pods that do not fail: fewer say nothing about age. */
const MIN_YOUNGER = 2;

function upSince(p: PodEvidence): string | undefined {
  return p.startTime ?? p.createdAt;
}

/**
 * The counter a process logs for what runs out (`"open_fds":9812`, `open_files=…`, `threads: …`),
 * the last value of each pod's log.
 */
function readCounters(ev: TriageEvidence, pods: readonly PodEvidence[], counter: RegExp): Map<string, { name: string; value: number }> {
  const out = new Map<string, { name: string; value: number }>();
  for (const p of pods) {
    for (const log of ev.logs.filter((l) => l.pod === p.name && !l.previous)) {
      for (const line of log.lines) {
        const m = counter.exec(line);
        if (m?.[1] !== undefined && m[2] !== undefined) out.set(p.name, { name: m[1], value: Number(m[2]) });
      }
    }
  }
  return out;
}

/**
 * Whether the pods that hit the limit (`failing`, by name) are exactly the oldest of the
 * workload's running pods of the same revision; `counter` reads the resource's count from a log
 * line (group 1 its name, group 2 its value).
 */
export function findUptimeSplit(ev: TriageEvidence, failing: readonly string[], counter?: RegExp): UptimeSplit | undefined {
  const running = ev.pods.filter((p) => p.phase === 'Running' && upSince(p) !== undefined);
  const bad = running.filter((p) => failing.includes(p.name));
  const good = running.filter((p) => !failing.includes(p.name));
  if (bad.length === 0 || good.length < MIN_YOUNGER || bad.length !== failing.length) return undefined;
  // Another revision would be the difference instead.
  const revisions = new Set(running.map((p) => p.revisionHash ?? ''));
  if (revisions.size !== 1) return undefined;
  const age = (p: PodEvidence) => msBetween(upSince(p) ?? ev.collectedAt, ev.collectedAt);
  const youngestBad = Math.min(...bad.map(age));
  const oldestGood = Math.max(...good.map(age));
  if (youngestBad <= oldestGood || youngestBad < MIN_FAILING_UPTIME_MS) return undefined;
  const oldest = [...bad].sort((a, b) => age(b) - age(a));
  const younger = [...good].sort((a, b) => age(a) - age(b));
  const ups = oldest.map((p) => formatSpan(age(p)));
  const list = ups.length === 1 ? ups[0] : `${ups.slice(0, -1).join(', ')} and ${ups.at(-1) ?? ''}`;
  const range = younger.length === 1 ? formatSpan(age(younger[0] as PodEvidence)) : `${formatSpan(age(younger[0] as PodEvidence))} to ${formatSpan(age(younger.at(-1) as PodEvidence))}`;
  const text = `only the ${bad.length === 1 ? 'oldest pod' : `${bad.length} oldest pods`} (up ${list}); the ${good.length} that still serve are younger (up ${range})`;
  const counts = counter === undefined ? new Map() : readCounters(ev, younger, counter);
  const climbing = younger.filter((p) => counts.has(p.name));
  const values = climbing.map((p) => counts.get(p.name)?.value ?? 0);
  const rises = climbing.length >= 2 && values.every((v, i) => i === 0 || v >= (values[i - 1] ?? 0)) && (values.at(-1) ?? 0) > (values[0] ?? 0);
  const climb = rises ? `${counts.get(climbing[0]?.name ?? '')?.name ?? ''} ${climbing.map((p) => `${counts.get(p.name)?.value ?? 0} (up ${formatSpan(age(p))})`).join(' → ')}` : undefined;
  return { text, oldest, ...(climb !== undefined ? { climb } : {}) };
}
