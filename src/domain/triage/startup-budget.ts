/**
 * A startup probe whose budget runs out before the app finishes starting. The kubelet gives a
 * startup probe initialDelaySeconds + failureThreshold × periodSeconds; an app still booting at
 * that age is refused ("connection refused": not listening yet) and killed, so each run lives about
 * the budget and never gets further. The port and path are right — only time is short. When a
 * revision cut the CPU limit the pods run with, a CPU-bound start-up (a JVM, Spring, Hibernate)
 * stretched past the budget, and that cut is the trigger.
 */
import type { LogEvidence, ProbeEvidence } from './evidence.js';
import type { CpuLimitCut } from './cpu-limit-cut.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import type { ProbeMiss } from './probe-miss.js';
import type { EntropyStall } from './entropy-starvation.js';

/** What a probe meets while the app is still starting: nothing listening, or no answer yet. */
const NOT_UP_YET = /connection refused|timeout|timed out|deadline exceeded|statuscode: 503|\bEOF\b|connection reset/i;
/** A run killed later than the budget by more than a period and a graceful shutdown was not killed at the budget. */
const SHUTDOWN_SLACK_S = 30;
/** A line saying start-up finished: the app got there (in time, unless it says it took longer than the budget). */
const STARTED = /\bStarted \S+ in \d+(?:\.\d+)? ?s(?:econds)?\b|\blistening on\b|\bserver started\b|\bready to accept connections\b|\bstartup complete\b/i;
/** Spring's "Started X in 35.2 seconds", Quarkus's "started in 12.1s": how long a start-up took. */
const STARTED_IN = /\bstarted\b(?: \S+)? in (\d+(?:\.\d+)?) ?s(?:econds)?\b/i;
/** The shutdown the kill began: the start-up line just before it is where the run got to. */
const SHUTDOWN = /graceful shutdown|shutdown ?hook|SIGTERM|shutting down|\bstopping\b/i;

export interface StartupBudgetInput {
  probe: ProbeEvidence | undefined;
  /** The killing probe's own failure messages. */
  messages: string;
  /** How long each killed run lived (startedAt → finishedAt), seconds. */
  runs: readonly number[];
  /** The killed runs' previous logs. */
  logs: readonly LogEvidence[];
  /** The revision that cut the CPU limit the pods run with, when one did. */
  cut?: CpuLimitCut;
  /** Logs of the same container in pods of the revision before the cut: how long start-up took there. */
  before?: readonly LogEvidence[];
  /** A SecureRandom seeding stall a run of the container logged (entropy-starved /dev/random). */
  entropy?: EntropyStall;
}

/** "failureThreshold 12 × periodSeconds 10s = 120s" (with "initialDelaySeconds N + " when set). */
export function describeStartupBudget(probe: ProbeEvidence): { seconds: number; text: string } {
  const delay = probe.initialDelaySeconds ?? 0;
  const period = probe.periodSeconds ?? 10;
  const threshold = probe.failureThreshold ?? 3;
  const seconds = delay + threshold * period;
  return { seconds, text: `${delay > 0 ? `initialDelaySeconds ${delay} + ` : ''}failureThreshold ${threshold} × periodSeconds ${period}s = ${seconds}s` };
}

/** The reading, when every killed run lived about the budget and was refused as not up yet; else undefined. */
export function explainStartupBudget(input: StartupBudgetInput): ProbeMiss | undefined {
  const { probe, messages, runs, logs, cut, entropy } = input;
  if (probe === undefined || runs.length === 0 || !NOT_UP_YET.test(messages)) return undefined;
  const budget = describeStartupBudget(probe);
  const period = probe.periodSeconds ?? 10;
  if (!runs.every((r) => r >= budget.seconds - period && r <= budget.seconds + period + SHUTDOWN_SLACK_S)) return undefined;
  const lines = logs.flatMap((l) => l.lines);
  // A run that logs it started within the budget was not cut short by it.
  if (lines.some((l) => STARTED.test(l) && (startupSeconds(l) ?? 0) <= budget.seconds)) return undefined;
  const before = cut ? (input.before ?? []).flatMap((l) => l.lines).map(startupSeconds).find((x) => x !== undefined) : undefined;
  const reached = findLastStartupLine(lines);
  const avg = Math.round(runs.reduce((a, b) => a + b, 0) / runs.length);
  const cutText = cut ? `revision ${cut.revision.revision} cut its CPU limit ${cut.before} → ${cut.after}${before !== undefined ? ` (start-up took ~${Math.round(before)}s before)` : ''}` : undefined;
  const log = reached ? `; its log stops mid-start-up at "${reached}", with no line saying it started` : '';
  if (entropy !== undefined && cut === undefined) return explainEntropyStall(entropy, budget, avg, log, reached);
  return {
    scope: `the startup probe's budget (${budget.text}) runs out before the app finishes starting — each run is killed after ~${avg}s${cutText ? `, since ${cutText}` : ''}`,
    why: `the app is not listening yet when the startup probe's ${budget.seconds}s budget (${budget.text}) runs out: each run is killed after ~${avg}s and starts over${log}${cutText ? `. Since ${cutText}, a CPU-bound start-up is throttled past that budget` : ''}`,
    fix: cut
      ? `${cut.before === 'none' ? 'remove the CPU limit' : `restore the CPU limit to ${cut.before}`} (or raise the startup probe's failureThreshold so its budget covers the slower start-up)`
      : `raise the startup probe's failureThreshold (its budget is ${budget.seconds}s) so it covers the app's start-up, or find what slowed start-up`,
    action: `${cut ? `Restore the CPU limit${cut.before === 'none' ? '' : ` to ${cut.before}`} or raise` : 'Raise'} the startup probe's failureThreshold so its ${budget.seconds}s budget covers start-up; the probe's port and path are right, the app is only not up yet. Restarting pods will not help.`,
    evidence: [
      `startup probe budget ${budget.text}; killed runs lived ~${avg}s`,
      ...(reached ? [`last start-up line before the kill: ${reached}`] : []),
      ...(cutText ? [`${cutText} (revision ${cut?.previous.revision} allowed ${cut?.before})`] : []),
    ],
  };
}

/** Start-up blocked on /dev/random seeding SecureRandom: the stall, and the revision that dropped the egd flag, are the cause. */
function explainEntropyStall(e: EntropyStall, budget: { seconds: number; text: string }, avg: number, log: string, reached: string | undefined): ProbeMiss {
  const took = `"${e.quote}"`;
  const since = e.dropped ? ` since revision ${e.dropped.revision} dropped ${e.dropped.flag} from ${e.dropped.variable}` : '';
  const restore = e.dropped ? `restore ${e.dropped.flag} in ${e.dropped.variable}` : 'set -Djava.security.egd=file:/dev/./urandom in JAVA_OPTS';
  return {
    scope: `start-up blocks ~${Math.round(e.ms / 1000)}s on /dev/random seeding SecureRandom${e.algorithm ? ` (${e.algorithm})` : ''} for want of entropy${since}, outlasting the startup probe's ${budget.seconds}s budget`,
    why: `SecureRandom${e.algorithm ? ` (${e.algorithm})` : ''} is seeded from /dev/random, which blocks while the node has little entropy: a run logged ${took}. That is longer than the startup probe's ${budget.seconds}s budget (${budget.text}), so each run is killed after ~${avg}s and starts over${log}${since ? `. It began${since}, the flag that points SecureRandom at the non-blocking /dev/urandom` : ''}`,
    fix: restore,
    action: `${restore.charAt(0).toUpperCase()}${restore.slice(1)} (or securerandom.source=file:/dev/urandom in java.security) so SecureRandom no longer waits for entropy; raising the startup probe's budget only hides minutes-long start-ups. Restarting pods will not help.`,
    evidence: [
      `a run logged ${took}`,
      `startup probe budget ${budget.text}; killed runs lived ~${avg}s`,
      ...(e.dropped ? [`revision ${e.dropped.revision}'s ${e.dropped.variable} no longer carries ${e.dropped.flag}; the revision before had it`] : []),
      ...(reached ? [`last start-up line before the kill: ${reached}`] : []),
    ],
  };
}

/** How many seconds a "started in N seconds" line says start-up took; undefined for other lines. */
function startupSeconds(line: string): number | undefined {
  const n = STARTED_IN.exec(line)?.[1];
  return n === undefined ? undefined : Number(n);
}

/** The last log line before the shutdown the kill began, condensed; undefined when the log shows none. */
function findLastStartupLine(lines: readonly string[]): string | undefined {
  const stop = lines.findIndex((l) => SHUTDOWN.test(l));
  const before = (stop >= 0 ? lines.slice(0, stop) : lines).map((l) => l.trim()).filter((l) => l !== '');
  const last = before.at(-1);
  if (last === undefined || stop < 0) return undefined;
  return condenseStructuredLine(last).replace(/^.*?\s:\s/, '').slice(0, 160);
}
