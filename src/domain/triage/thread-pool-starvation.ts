/**
 * .NET's thread pool starved: ASP.NET Core's Kestrel runs a heartbeat on the pool every second and
 * warns when it ran late ("… the heartbeat has been running for "00:00:07.11" which is longer than
 * "00:00:01". This could be caused by thread pool starvation."). The usual cause is code that
 * blocks a pool thread on async work (sync-over-async: .Result, .Wait(), .GetAwaiter().GetResult()):
 * each blocked request holds a thread while the continuation it waits for needs another.
 */

/** Kestrel 5+ gives how long the heartbeat ran; Kestrel 2–3 only that it took longer than its interval. */
const RUNNING = /the heartbeat has been running for "(\d+):(\d+):(\d+(?:\.\d+)?)" which is longer than "[^"]+"/;
const TOOK_LONGER = /Heartbeat took longer than "(\d+):(\d+):(\d+(?:\.\d+)?)"/;

function toMs(h: string | undefined, m: string | undefined, s: string | undefined): number {
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}

/** One log line → how long Kestrel's heartbeat waited for a pool thread, if it says so. */
export function readHeartbeatStall(line: string): { ms: number } | undefined {
  const m = RUNNING.exec(line) ?? TOOK_LONGER.exec(line);
  return m === null ? undefined : { ms: toMs(m[1], m[2], m[3]) };
}

/** "TaxRateClient.GetRateAsync(...).GetAwaiter().GetResult()" written out by the app's own log. */
const BLOCKING_TEXT = /[\w.]+Async\([^()]*\)\s*\.(?:GetAwaiter\(\)\.GetResult\(\)|Result\b|Wait\(\))/;
/** The frames of a blocking wait on a task (TaskAwaiter.GetResult is hidden from traces since .NET Core 3, Task.Wait is not). */
const BLOCKING_FRAME = /^\s*at System\.(?:Runtime\.CompilerServices\.(TaskAwaiter(?:`1)?\.GetResult)|Threading\.Tasks\.(Task(?:`1)?\.(?:Wait|get_Result|GetResultCore)))\(/;
const FRAME = /^\s*at ([\w.`<>]+)\(/;

/**
 * The call that blocks a pool thread on async work, from the pods' log: the app's own words
 * (".GetAwaiter().GetResult()" after an Async call), or a stack whose blocking wait on a task is
 * called from a method that is not itself async (an awaiting caller would be a MoveNext or *Async).
 */
export function readBlockingCall(lines: readonly string[]): string | undefined {
  for (const [i, line] of lines.entries()) {
    const said = BLOCKING_TEXT.exec(line)?.[0];
    if (said !== undefined) return said;
    const frame = BLOCKING_FRAME.exec(line);
    if (frame === null) continue;
    const caller = lines.slice(i + 1, i + 6).map((l) => FRAME.exec(l)?.[1]).find((f) => f !== undefined && !/^System\./.test(f));
    if (caller === undefined || /MoveNext$|Async$|[<>]/.test(caller)) continue;
    const wait = (frame[1] ?? frame[2] ?? '').replace(/`1/, '');
    return `${wait.replace(/^.*\.(\w+\.\w+)$/, '$1')}() in ${caller}`;
  }
  return undefined;
}
