/**
 * A JVM whose heap ran out and that lives on: "java.lang.OutOfMemoryError: Java heap space" only
 * ends the thread it hit, the rest of the process thrashes in garbage collection and stops
 * answering, and the liveness probe times out and kills it (exit 143, never OOMKilled: the heap cap
 * keeps the process under its container limit). The probe kill is the symptom; the heap is the cause.
 *
 * The heap's size decides. A common way to lose it silently: JAVA_OPTS (and CATALINA_OPTS, JVM_OPTS,
 * the products' own variables) is read by start scripts, never by the JVM; a container whose command
 * runs `java` directly (a distroless or new base image without the old entrypoint script) drops the
 * -Xmx it carries, and the heap falls back to the JVM's default, a quarter of the memory limit. The
 * variables the JVM reads itself are JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS and _JAVA_OPTIONS.
 */
import { capitalize } from '../text.js';
import type { ContainerSpecEvidence, LogEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';
import { formatBytes, parseQuantity } from './quantity.js';
import { describeHeap, findHeapSetting } from './runtime-flags.js';

const HEAP_OOM = /java\.lang\.OutOfMemoryError: (Java heap space|GC overhead limit exceeded)/;
/** The JVM exited on it: the crash readings tell that story, not a probe's. */
const EXITS = /Terminating due to java\.lang\.OutOfMemoryError|Aborting due to java\.lang\.OutOfMemoryError/;
/** Variables the JVM (or its launcher) reads itself. */
const READ_BY_JVM = new Set(['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS']);
/** The JVM's default maximum heap: MaxRAMPercentage=25 of the container's memory limit. */
const DEFAULT_HEAP_PERCENT = 25;

export interface IgnoredJvmOptions {
  /** The variable the flag is set in: "JAVA_OPTS". */
  variable: string;
  /** The heap flag it carries: "-Xmx2g". */
  flag: string;
  /** The whole value, to show what else is lost (-XX:+ExitOnOutOfMemoryError). */
  value: string;
  /** The command that starts the JVM without a script: `java -jar /app/app.jar`. */
  command: string;
}

/**
 * A heap flag set in a variable only start scripts read, while the container's command starts the
 * JVM itself and never names the variable: the flag is never seen.
 */
export function findIgnoredJvmOptions(c: ContainerSpecEvidence): IgnoredJvmOptions | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const [exe] = c.command ?? [];
  if (exe === undefined || !/(^|\/)java$/.test(exe)) return undefined;
  const heap = findHeapSetting(c);
  const variable = heap?.runtime === 'jvm' && heap.where.startsWith('env ') ? heap.where.slice(4) : undefined;
  if (heap === undefined || variable === undefined || READ_BY_JVM.has(variable)) return undefined;
  // `java $(JAVA_OPTS) -jar …` is expanded by the kubelet: then the flag is read.
  if (argv.some((a) => a.includes(`$(${variable})`) || a.includes(`$${variable}`) || a.includes(`\${${variable}}`))) return undefined;
  // A flag the JVM does read (JAVA_TOOL_OPTIONS, the command line) sizes the heap: nothing lost.
  const honoured = [...(c.env ?? []).filter((e) => READ_BY_JVM.has(e.name)).map((e) => ('value' in e ? e.value : '')), ...argv];
  if (honoured.some((v) => /-Xmx\d|MaxRAMPercentage|MaxRAMFraction/.test(v))) return undefined;
  const env = (c.env ?? []).find((e) => e.name === variable);
  return { variable, flag: heap.flag, value: env && 'value' in env ? env.value : heap.flag, command: argv.join(' ') };
}

/**
 * The reading when the probe times out (or its endpoint fails) and the killed container's log shows
 * the JVM's heap running out while the process lived on; undefined otherwise.
 */
export function explainHeapExhaustedProbe(probeName: string, container: ContainerSpecEvidence, messages: string, logs: readonly LogEvidence[]): ProbeMiss | undefined {
  if (!/timeout|deadline exceeded|timed out|statuscode: 5\d\d/i.test(messages)) return undefined;
  const lines = logs.flatMap((l) => l.lines);
  if (lines.some((l) => EXITS.test(l))) return undefined;
  const oom = lines.map((l) => HEAP_OOM.exec(l)).find((m) => m !== null);
  if (!oom) return undefined;
  const thrown = `java.lang.OutOfMemoryError: ${oom[1] ?? ''}`;
  const limit = parseQuantity(container.resources.limits['memory']);
  const ignored = findIgnoredJvmOptions(container);
  const heap = ignored ? undefined : findHeapSetting(container);
  const byDefault = limit !== undefined ? `${formatBytes((limit * DEFAULT_HEAP_PERCENT) / 100)}, ${DEFAULT_HEAP_PERCENT}% of the ${formatBytes(limit)} limit` : `${DEFAULT_HEAP_PERCENT}% of the memory limit`;
  const exitFlag = ignored && /-XX:\+ExitOnOutOfMemoryError/.test(ignored.value) ? ' (and -XX:+ExitOnOutOfMemoryError with it, so the JVM lives on after the error)' : '';
  const short = ignored ? `${ignored.flag} in env ${ignored.variable} is never read (the command starts java directly), so the heap defaults to ${byDefault}` : undefined;
  const size = ignored
    ? `${ignored.flag} in env ${ignored.variable} is never read — the command starts the JVM directly (\`${ignored.command}\`) and only start scripts expand ${ignored.variable}${exitFlag} — so the heap defaults to ${byDefault}`
    : heap?.runtime === 'jvm'
      ? describeHeap(heap, limit)
      : `no heap flag is set, so the heap defaults to ${byDefault}`;
  const fix = ignored
    ? `pass the JVM flags in JAVA_TOOL_OPTIONS (the JVM reads it itself and logs "Picked up JAVA_TOOL_OPTIONS"), or name $(${ignored.variable}) in the container's command`
    : `size the heap to the work (-Xmx or -XX:MaxRAMPercentage), or find what fills it (a heap dump)`;
  return {
    scope: `its JVM runs out of heap ("${thrown}") and stops answering; ${short ?? size}`,
    why: `the JVM's heap is exhausted: it throws ${thrown}, lives on and spends its time in garbage collection, so it no longer answers the ${probeName} probe in time. ${capitalize(size)}. The kill is the symptom; relaxing the probe or raising the memory limit would not give the heap more room`,
    fix,
    action: `${capitalize(fix)}; every new JVM fills the same heap under the same load. Restarting pods will not help.`,
    decisive: thrown,
    evidence: [
      `log: "${thrown}" (${lines.filter((l) => HEAP_OOM.test(l)).length} times), and no exit on it: the JVM lives on`,
      ...(ignored ? [`env ${ignored.variable}="${ignored.value}", command: ${ignored.command}: nothing expands ${ignored.variable}`] : []),
    ],
  };
}

