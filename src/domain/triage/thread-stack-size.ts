/**
 * A JVM whose threads overflow their stack (java.lang.StackOverflowError) while a flag shrinks
 * that stack below the 1 MB default of 64-bit Linux (-Xss256k, -XX:ThreadStackSize=256): recursion
 * that fit before (a deeply nested document, expression or rule tree) no longer does. The JVM
 * survives each overflow, so the request fails with 500 while shallow ones pass and the pods stay
 * Ready. The flag is read when the JVM starts, so it takes effect on the next restart, wherever it
 * was set: the container's env or args, or a ConfigMap its env comes from. The JVM's own
 * "Picked up JAVA_TOOL_OPTIONS: …" line says what it started with.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';

const STACK_OVERFLOW = /java\.lang\.StackOverflowError/;
/** The variables that carry JVM options, where a ConfigMap may set the stack size (setting-config.ts keeps them). */
export const JVM_OPTIONS_KEY = /^(JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|JAVA_OPTS|JVM_OPTS|JAVA_OPTIONS|CATALINA_OPTS)$/;
/** A value that sets the thread stack size. */
export const STACK_SIZE_VALUE = /(?:^|\s)-(?:Xss|XX:ThreadStackSize=)\d/;
/** The JVM's default thread stack on 64-bit Linux, in KiB. */
const DEFAULT_KIB = 1024;
/** What the JVM prints at start for the options variables it reads itself. */
const PICKED_UP = /Picked up (JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS): (.*)$/;

interface StackFlag {
  /** As written: "-Xss256k", "-XX:ThreadStackSize=256". */
  flag: string;
  kib: number;
  /** The variable or argument list it came from: "JAVA_TOOL_OPTIONS", "args". */
  where: string;
  /** Read from the JVM's own "Picked up …" line. */
  pickedUp?: true;
  /** The ConfigMap the value was read from. */
  configMap?: string;
}

/** Where the current logs of the workload's pods show a thread overflowing its stack: the ConfigMaps of that container are read for its JVM options. */
export function findStackOverflows(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pods: string[]; container: string } | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod) && l.lines.some((line) => STACK_OVERFLOW.test(line)));
  const first = hits[0];
  return first === undefined ? undefined : { pods: [...new Set(hits.map((h) => h.pod))], container: first.container };
}

function readStackFlag(text: string): Pick<StackFlag, 'flag' | 'kib'> | undefined {
  // The last occurrence wins, as the JVM reads its options left to right.
  const xss = [...text.matchAll(/(?:^|\s)(-Xss(\d+)([kKmMgG]?))(?=\s|$)/g)].at(-1);
  if (xss) {
    const n = Number(xss[2]);
    const unit = (xss[3] ?? '').toLowerCase();
    const kib = unit === 'k' ? n : unit === 'm' ? n * 1024 : unit === 'g' ? n * 1024 * 1024 : n / 1024;
    return { flag: xss[1] ?? '', kib };
  }
  const tss = [...text.matchAll(/(?:^|\s)(-XX:ThreadStackSize=(\d+)([kKmM]?))(?=\s|$)/g)].at(-1);
  if (tss) {
    const n = Number(tss[2]);
    const unit = (tss[3] ?? '').toLowerCase();
    return { flag: tss[1] ?? '', kib: unit === 'm' ? n * 1024 : n };
  }
  return undefined;
}

/** The stack size flag the JVM started with: its own "Picked up" line first, else the container's literal env and args. */
function findStackFlag(lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'args' | 'command'>[], config: readonly SettingConfigEvidence[]): StackFlag | undefined {
  for (const line of lines) {
    const m = PICKED_UP.exec(line);
    const hit = m ? readStackFlag(m[2] ?? '') : undefined;
    if (m && hit) return { ...hit, where: m[1] ?? '', pickedUp: true };
  }
  for (const c of containers) {
    for (const e of c.env ?? []) {
      const hit = 'value' in e && JVM_OPTIONS_KEY.test(e.name) ? readStackFlag(e.value) : undefined;
      if (hit) return { ...hit, where: e.name };
    }
    for (const [where, argv] of [['args', c.args], ['command', c.command]] as const) {
      const hit = argv === undefined ? undefined : readStackFlag(argv.join(' '));
      if (hit) return { ...hit, where };
    }
  }
  for (const c of config) {
    const at = c.written.indexOf('=');
    const hit = c.mechanism === 'thread-stack' && at > 0 ? readStackFlag(c.written.slice(at + 1)) : undefined;
    if (hit) return { ...hit, where: c.written.slice(0, at), configMap: c.configMap };
  }
  return undefined;
}

/** The ConfigMaps the variable can come from: none when the container sets it literally. */
function listSourceConfigMaps(where: string, containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[]): string[] {
  if (containers.some((c) => (c.env ?? []).some((e) => e.name === where && 'value' in e))) return [];
  const refs = containers.flatMap((c) => (c.env ?? []).flatMap((e) => (e.name === where && 'ref' in e && e.ref.kind === 'configMap' && e.ref.name ? [e.ref.name] : [])));
  if (refs.length > 0) return [...new Set(refs)];
  return [...new Set(containers.flatMap((c) => (c.envFrom ?? []).flatMap((s) => (s.kind === 'configMap' && (s.prefix === undefined || where.startsWith(s.prefix)) ? [s.name] : []))))];
}

function formatKib(kib: number): string {
  return kib >= 1024 && kib % 1024 === 0 ? `${kib / 1024}m` : `${Math.round(kib)}k`;
}

function describeShare(kib: number): string {
  const share = kib / DEFAULT_KIB;
  if (share === 0.5) return 'half';
  if (share === 0.25) return 'a quarter';
  if (share === 0.125) return 'an eighth';
  return `${Math.round(share * 100)}%`;
}

/** `config`: the JVM options keys of the ConfigMaps the container takes variables from (setting-config.ts), for when the log tail no longer holds the JVM's "Picked up" line. */
export function explainThreadStackCut(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom' | 'args' | 'command'>[], config: readonly SettingConfigEvidence[] = []): ClientDiagnosis | undefined {
  if (!errors.some((l) => STACK_OVERFLOW.test(l)) && !lines.some((l) => STACK_OVERFLOW.test(l))) return undefined;
  const found = findStackFlag(lines, containers, config);
  // At or above the default the flag gave the threads no less stack: the recursion itself is the fault.
  if (found === undefined || found.kib >= DEFAULT_KIB) return undefined;
  const maps = found.configMap !== undefined ? [found.configMap] : found.where === 'args' || found.where === 'command' ? [] : listSourceConfigMaps(found.where, containers);
  const source = maps.length > 0 ? `, from ConfigMap ${maps.join(' or ')}` : '';
  const where = `${found.where === 'args' || found.where === 'command' ? `the container's ${found.where}` : found.where}${found.pickedUp ? ', picked up at start' : ''}${source}`;
  const size = formatKib(found.kib);
  const share = describeShare(found.kib);
  const at = maps.length > 0 ? `${found.where} in ConfigMap ${maps.join(' or ')}` : found.where === 'args' || found.where === 'command' ? `the container's ${found.where}` : `env ${found.where}`;
  const cut = `the thread stack is cut to ${size} by ${found.flag} (${where}), ${share} of the JVM's 1m default`;
  return {
    summary: `java.lang.StackOverflowError: ${cut}`,
    title: (logs) => `java.lang.StackOverflowError in the ${logs}: ${cut}`,
    likelyCause: `Every Java thread gets a fixed stack, 1 MB by default on 64-bit Linux; ${found.flag} (${where}) makes it ${size}, so recursion that fit before (deeply nested input: a document, an expression or rule tree, a long chain) now runs out of stack and the request fails with java.lang.StackOverflowError, a 500, while shallow requests pass. The JVM survives each overflow, so the pods stay Ready and nothing restarts. The flag is read when the JVM starts: it took effect on the restart that followed whatever set it.`,
    nextAction: `Remove ${found.flag} from ${at} (or set -Xss1m), then restart the pods (kubectl rollout restart) so the JVM starts without it.${maps.length > 0 ? ` The flag lives in the ConfigMap, not the pod template: an older revision of the workload would start with it too.` : ''}`,
    fix: `remove ${found.flag} (or set -Xss1m) and restart`,
  };
}
