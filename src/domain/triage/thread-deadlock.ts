/**
 * A deadlock the runtime itself reports in the container's log. A JVM thread dump (SIGQUIT from a
 * preStop hook, jstack, jcmd Thread.print) ends with "Found one Java-level deadlock:" and the cycle
 * of threads, each waiting for a lock the next one holds; Go's runtime stops the process with
 * "fatal error: all goroutines are asleep - deadlock!". Either is the runtime's own finding, not a
 * guess from blocked threads, so it names the mechanism outright: the app hangs, and whatever
 * waits on it (a probe, a caller) times out. Python's faulthandler dumps are not read: they show
 * stacks, not a detected cycle, and threads waiting on a lock are normal there.
 */
import type { LogEvidence } from './evidence.js';
import { unique } from './pod-status.js';

/** One thread of the cycle: it waits for `lock`, which `holder` holds. */
export interface DeadlockWait {
  thread: string;
  lock: string;
  holder: string;
}

export interface DeadlockReport {
  runtime: 'JVM' | 'Go';
  /** The runtime's header line, as logged: "Found one Java-level deadlock:". */
  header: string;
  /** The threads (goroutines) of the cycle, in the order the runtime lists them. */
  threads: string[];
  /** The locks they wait for, short class names ("FxRateTable", "ReentrantLock"); empty for Go. */
  locks: string[];
  waits: DeadlockWait[];
  /** The pods whose logs carry such a report. */
  pods: string[];
  /** The logs read were previous runs (the report is what the killed run left). */
  previous: boolean;
}

const JVM_HEADER = /^\s*Found (one|\d+) Java-level deadlocks?:?\s*$/;
const JVM_THREAD = /^\s*"(.+)":\s*$/;
/** "waiting to lock monitor 0x… (object 0x…, a com.acme.FxRateTable)," / "waiting for ownable synchronizer 0x…, (a java.util.concurrent.locks.ReentrantLock$NonfairSync),". */
const JVM_WAIT = /^\s*waiting (?:to lock (?:monitor|Monitor@)|for ownable synchronizer)\b.*?\ba ([\w.$]+)\)?,?\s*$/;
const JVM_HELD = /^\s*which is held by "(.+)"\s*$/;
/** The report ends where the stacks of its threads begin (or the summary line). */
const JVM_END = /^\s*(Java stack information for the threads listed above|Found \d+ deadlocks?\.|Found one Java-level deadlock)/;
const GO_HEADER = /fatal error: all goroutines are asleep - deadlock!/;
const GO_ROUTINE = /^goroutine (\d+) \[([^\]]+)\]:/;

/** "com.acme.pricing.fx.FxRateTable" → "FxRateTable"; "java.util.concurrent.locks.ReentrantLock$NonfairSync" → "ReentrantLock". */
function shortClass(name: string): string {
  const last = name.split('.').at(-1) ?? name;
  return last.replace(/\$(NonfairSync|FairSync|Sync|ReadLock|WriteLock)$/, '');
}

function readJvm(lines: readonly string[], from: number): Omit<DeadlockReport, 'pods' | 'previous'> | undefined {
  const header = (lines[from] ?? '').trim();
  const waits: DeadlockWait[] = [];
  let thread: string | undefined;
  let lock: string | undefined;
  // A cycle is a handful of lines per thread: a bounded look keeps a garbled dump from running on.
  for (const line of lines.slice(from + 1, from + 1 + 80)) {
    if (JVM_END.test(line)) break;
    const t = JVM_THREAD.exec(line);
    if (t) {
      thread = t[1];
      lock = undefined;
      continue;
    }
    const w = JVM_WAIT.exec(line);
    if (w && thread !== undefined) {
      lock = shortClass(w[1] ?? '');
      continue;
    }
    const h = JVM_HELD.exec(line);
    if (h && thread !== undefined) waits.push({ thread, lock: lock ?? 'a lock', holder: h[1] ?? '' });
  }
  if (waits.length === 0) return undefined;
  return { runtime: 'JVM', header, threads: unique(waits.flatMap((w) => [w.thread, w.holder])), locks: unique(waits.map((w) => w.lock).filter((l) => l !== 'a lock')), waits };
}

function readGo(lines: readonly string[], from: number): Omit<DeadlockReport, 'pods' | 'previous'> {
  const routines = lines.slice(from + 1, from + 200).flatMap((l) => {
    const m = GO_ROUTINE.exec(l.trim());
    return m ? [`goroutine ${m[1] ?? ''} [${m[2] ?? ''}]`] : [];
  });
  return { runtime: 'Go', header: 'fatal error: all goroutines are asleep - deadlock!', threads: routines.slice(0, 4), locks: [], waits: [] };
}

/** The first deadlock report in one log's lines, if it has one. */
export function readDeadlock(lines: readonly string[]): Omit<DeadlockReport, 'pods' | 'previous'> | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (JVM_HEADER.test(line)) {
      const r = readJvm(lines, i);
      if (r) return r;
    } else if (GO_HEADER.test(line)) return readGo(lines, i);
  }
  return undefined;
}

/** The deadlock the given logs report (the first found, with every pod whose log reports one); undefined when none does. */
export function findDeadlockReport(logs: readonly LogEvidence[]): DeadlockReport | undefined {
  let first: Omit<DeadlockReport, 'pods' | 'previous'> | undefined;
  let previous = false;
  const pods: string[] = [];
  // The killed runs first: their report is what the kill ended.
  const ordered = [...logs].sort((a, b) => Number(b.previous === true) - Number(a.previous === true));
  for (const log of ordered) {
    const r = readDeadlock(log.lines);
    if (r === undefined) continue;
    pods.push(log.pod);
    if (first === undefined) {
      first = r;
      previous = log.previous === true;
    }
  }
  return first === undefined ? undefined : { ...first, pods: unique(pods), previous };
}

/** "\"a\" waits for FxRateTable held by \"b\", which waits for PriceCache held by \"a\"": the cycle in one line. */
export function describeCycle(r: DeadlockReport): string {
  if (r.waits.length === 0) return r.threads.length > 0 ? `${r.header} (${r.threads.join(', ')})` : r.header;
  // The JVM lists the cycle in chain order: each thread after the first is the holder before it.
  return r.waits.map((w, i) => (i > 0 && w.thread === r.waits[i - 1]?.holder ? `which waits for ${w.lock} held by "${w.holder}"` : `"${w.thread}" waits for ${w.lock} held by "${w.holder}"`)).join(', ');
}
