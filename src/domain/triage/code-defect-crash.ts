/**
 * A crash the runtime itself reports as a bug in the program — Go's "fatal error: concurrent map
 * writes" (goroutines writing one map without a lock), "sync: unlock of unlocked mutex" — and whether such crashes date from the revision the pods run. A race waits for two goroutines
 * to meet under load, so the first crash comes minutes or hours after the rollout, past the usual
 * trigger window; yet when every crash happened under that revision, it is still the "since".
 */
import type { ContainerEvidence, IsoTime, PodEvidence, RevisionContainerEvidence, TerminatedStateEvidence, TriageEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';
import { rolloutTimeOf } from './revision-rollback.js';
import { sortRevisions } from './revision-diff.js';
import { earliest, formatSpan, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

/** Go aborts the whole process when it catches unsynchronised map access: no recover() stops it. */
const GO_MAP_RACE = /^fatal error: (concurrent map (?:writes|read and map write|iteration and map write|clone and map write))\s*$/;
/**
 * Go's other fatal errors for a synchronisation bug in the program. A panic ("runtime error: nil
 * pointer dereference") is left to the log's own reading: its cause is as often a value or a
 * dependency the code did not expect as the code itself.
 */
const GO_SYNC_FATAL = /^fatal error: (sync: (?:unlock of unlocked mutex|RUnlock of unlocked RWMutex|negative WaitGroup counter))\s*$/;

export interface CodeDefect {
  /** The runtime's line, as logged. */
  line: string;
  /** What the runtime caught: "concurrent map writes", "runtime error: index out of range [3] with length 3". */
  what: string;
  race: boolean;
  /** The program's own frame the crashing goroutine was in ("(*Cache).Put (cache.go:61)"), when the trace shows it. */
  frame?: string;
}

/** The last code-defect report of the Go runtime in a crashed run's log, with the frame it names. */
export function findCodeDefect(lines: readonly string[]): CodeDefect | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim();
    const race = GO_MAP_RACE.exec(line);
    const other = race ? undefined : GO_SYNC_FATAL.exec(line);
    const what = race?.[1] ?? other?.[1];
    if (what === undefined) continue;
    const frame = readTopFrame(lines.slice(i + 1, i + 40));
    return { line, what, race: race !== null, ...(frame ? { frame } : {}) };
  }
  return undefined;
}

/** The goroutine trace's first frame outside the Go runtime and the standard library: "(*Cache).Put (cache.go:61)". */
function readTopFrame(trace: readonly string[]): string | undefined {
  for (let i = 0; i < trace.length - 1; i++) {
    const call = (trace[i] ?? '').trim();
    const at = /^\/\S*?([^/\s]+\.go):(\d+)/.exec((trace[i + 1] ?? '').trim());
    if (at === null || /^(runtime|internal|sync|reflect)\./.test(call) || /\/usr\/local\/go\/src\//.test(trace[i + 1] ?? '')) continue;
    // "github.com/acme/x/internal/cache.(*Cache).Put(...)" → "(*Cache).Put": the package path and the arguments go.
    const fn = (call.split('/').pop() ?? '').replace(/\([^()]*\)$/, '').replace(/^[\w-]+\.(?=.)/, '');
    return fn ? `${fn} (${at[1] ?? ''}:${at[2] ?? ''})` : undefined;
  }
  return undefined;
}

export function tellCodeDefect(d: CodeDefect, exitCode: number): ToldReading {
  const where = d.frame ? ` in ${d.frame}` : '';
  if (d.race) {
    const fix = `guard the map ${d.frame ? `used in ${d.frame}` : 'the trace names'} with a sync.Mutex (or use sync.Map), and run the tests with -race`;
    return {
      title: `: goroutines use one map without a lock${d.frame ? ` in ${d.frame}` : ''}, a data race the Go runtime aborts the process on`,
      cause: `Go maps are not safe for concurrent use: when the runtime catches two goroutines writing one map (or one reading while another writes) it aborts the whole process with "fatal error: ${d.what}" (exit ${exitCode}), which no recover() can catch. It takes two accesses colliding, so it comes under load, after minutes or hours of running, not at start; each restart only waits for the next collision.`,
      action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; restarts only wait for the next collision.`,
      fix,
    };
  }
  const fix = `fix the code the trace names${where}: the runtime reports a bug in the program ("${d.what}")`;
  return {
    title: `: the Go runtime stops it on "${d.what}"${where}, a bug in the code`,
    cause: `The Go runtime reports a bug in the program itself ("${d.what}") and ends the process (exit ${exitCode}); it recurs whenever that code path runs, and restarts only wait for the next time.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
  };
}

/** One crashed container of the group: its pod, its status and its last termination. */
export interface CrashedRun {
  pod: PodEvidence;
  container: ContainerEvidence;
  term: TerminatedStateEvidence;
}

export interface CrashesSinceRollout {
  /** When the pods of the revision started: the fault was in them from then. */
  onset: IsoTime;
  /** Why the crashes date from the revision though the first one came later. */
  said: string;
}

/** Restarts a pod needs before its crashes count as recurring. */
const MIN_RESTARTS = 2;

/** The fields of a container that carry its code and how it runs: a change there can bring a code defect out. */
function runsDifferently(a: RevisionContainerEvidence | undefined, b: RevisionContainerEvidence | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const key = (c: RevisionContainerEvidence) => JSON.stringify([c.image, c.command ?? [], c.args ?? [], c.env, c.envFrom]);
  return key(a) !== key(b);
}

/**
 * Every crash of the group happened under the newest revision and recurs all through its pods'
 * life: the pods are the rollout's, each crashed again and again, and the restarts times the
 * runs they last fill most of the time since the pods started (crashes that began later would be
 * packed into the end). The revision changed the crashing container, and the one before ran
 * longer than this one has without the pods showing it. Then the fault came with the revision.
 */
export function findCrashesSinceRollout(ev: TriageEvidence, runs: readonly CrashedRun[]): CrashesSinceRollout | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  const container = runs[0]?.container.name;
  if (newest === undefined || previous === undefined || container === undefined || runs.length === 0) return undefined;
  if (!runsDifferently(previous.containers.find((c) => c.name === container), newest.containers.find((c) => c.name === container))) return undefined;
  const rolledOut = rolloutTimeOf(ev, newest);
  // Pods of other revisions that crashed too: the fault is not the revision's alone.
  const others = ev.pods.filter((p) => p.revisionHash !== newest.hash && p.containers.some((c) => c.name === container && c.restartCount > 0));
  if (others.length > 0) return undefined;
  let lived = 0;
  let covered = 0;
  const lengths: number[] = [];
  for (const r of runs) {
    const born = r.pod.startTime ?? r.pod.createdAt;
    const { startedAt, finishedAt } = r.term;
    if (r.pod.revisionHash !== newest.hash || born === undefined || startedAt === undefined || finishedAt === undefined) return undefined;
    if (msBetween(rolledOut, born) < -TRIGGER_SKEW_MS || r.container.restartCount < MIN_RESTARTS) return undefined;
    const run = msBetween(startedAt, finishedAt);
    if (!(run > 0)) return undefined;
    lengths.push(run);
    lived += msBetween(born, finishedAt);
    covered += r.container.restartCount * run;
  }
  if (covered < lived / 2) return undefined;
  // The revision before ran longer than this one has crashed: a fault of its own would have shown.
  const span = msBetween(rolledOut, ev.collectedAt);
  if (msBetween(previous.createdAt, rolledOut) < span) return undefined;
  const onset = earliest(runs.map((r) => r.pod.startTime ?? r.pod.createdAt));
  if (onset === undefined) return undefined;
  const restarts = runs.reduce((n, r) => n + r.container.restartCount, 0);
  const shortest = formatSpan(Math.min(...lengths));
  const longest = formatSpan(Math.max(...lengths));
  const ran = shortest === longest ? `after ${shortest} of running` : `after ${shortest}–${longest} of running`;
  return {
    onset,
    said: `every crash happened under revision ${newest.revision}: its ${runs.length} pod${runs.length === 1 ? '' : 's'} restarted ${restarts} times since its rollout, each run ending ${ran}, none at start, while revision ${previous.revision} ran ${formatSpan(msBetween(previous.createdAt, rolledOut))} before it; the fault is in the code the pods started with and waits for load, so the first crash came well after the rollout`,
  };
}
