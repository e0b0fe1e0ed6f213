/**
 * Virtual threads pinned to their carriers. A JVM virtual thread that blocks inside a
 * `synchronized` block (JDK 21–23) cannot unmount: it holds its carrier thread while it waits,
 * and the carriers are few (one per CPU the container may use). With -Djdk.tracePinnedThreads
 * the JVM prints the pinned stack, the frames that hold a monitor marked `<== monitors:N`; once
 * every carrier is pinned in blocking I/O nothing else runs — requests, pool hand-offs and the
 * health endpoint all wait, so a connection pool looks exhausted and probes time out. The pool
 * is the symptom; the setting that moved request handling onto virtual threads is the trigger.
 * Pure.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { LogEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';
import { unique } from './pod-status.js';

export interface PinnedVirtualThreads {
  /** Pinned stacks the JVM printed. */
  reports: number;
  /** The frame that holds the monitor, most often: `com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:912)`. */
  monitorFrame?: string;
  pods: string[];
  /** The setting that turns virtual threads on, as written: `SPRING_THREADS_VIRTUAL_ENABLED=true`. */
  setting?: string;
  /** Carrier threads: the CPUs the container may use (its CPU limit), when it has one. */
  carriers?: number;
}

/** The JVM's pinned-thread trace: the continuation that could not yield. */
const PINNED = /VirtualThread\$VThreadContinuation\.onPinned|Continuation\.onPinned0?\(/;
/** A frame of that trace that holds a monitor: `    com.mysql.cj.jdbc.X.m(X.java:912) <== monitors:1`. */
const MONITOR_FRAME = /^\s*(?:at )?(?:[\w.-]+\/)?([\w$.]+\([^)]*\))\s*<== monitors:\d+/;
/** How far below the trace's first line its monitor frames are looked for. */
const STACK_LINES = 60;
/** Spring Boot's switch (env or property), Helidon/Quarkus-style flags and the JDK's own executor property. */
const VIRTUAL_ON = /^(SPRING_THREADS_VIRTUAL_ENABLED|[A-Z_]*VIRTUAL_THREADS?(?:_ENABLED)?)$/;
const VIRTUAL_FLAG = /-D(spring\.threads\.virtual\.enabled|[\w.]*virtual[-.]?threads?[\w.]*)=true\b/i;

/** The setting that puts request handling on virtual threads, when the container's spec has one. */
export function findVirtualThreadSetting(c: ContainerSpecEvidence | undefined): string | undefined {
  for (const e of c?.env ?? []) {
    if (!('value' in e)) continue;
    if (VIRTUAL_ON.test(e.name) && /^(true|1|yes|on)$/i.test(e.value.trim())) return `${e.name}=${e.value.trim()}`;
    const flag = VIRTUAL_FLAG.exec(e.value);
    if (flag) return `-D${flag[1] ?? ''}=true`;
  }
  const flag = VIRTUAL_FLAG.exec([...(c?.command ?? []), ...(c?.args ?? [])].join(' '));
  return flag ? `-D${flag[1] ?? ''}=true` : undefined;
}

/** The pinned-thread traces in these logs (current and previous runs), or undefined when none. */
export function readPinnedVirtualThreads(logs: readonly LogEvidence[], c?: ContainerSpecEvidence): PinnedVirtualThreads | undefined {
  const frames = new Map<string, number>();
  const pods: string[] = [];
  let reports = 0;
  for (const log of logs) {
    log.lines.forEach((line, i) => {
      // One trace has two onPinned frames (the continuation's and its native half): count its first.
      if (!PINNED.test(line) || PINNED.test(log.lines[i - 1] ?? '')) return;
      reports++;
      pods.push(log.pod);
      const held = log.lines.slice(i + 1, i + 1 + STACK_LINES).map((l) => MONITOR_FRAME.exec(l)?.[1]).find((f) => f !== undefined);
      if (held !== undefined) frames.set(held, (frames.get(held) ?? 0) + 1);
    });
  }
  if (reports === 0) return undefined;
  const monitorFrame = [...frames.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const setting = findVirtualThreadSetting(c);
  const cpu = parseQuantity(c?.resources.limits['cpu']);
  const carriers = cpu === undefined ? undefined : Math.max(1, Math.ceil(cpu));
  return {
    reports,
    ...(monitorFrame ? { monitorFrame } : {}),
    pods: unique(pods),
    ...(setting ? { setting } : {}),
    ...(carriers !== undefined ? { carriers } : {}),
  };
}
