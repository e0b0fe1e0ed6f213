import type { TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import { describeBadInterpreter, findBadInterpreter } from '../bad-interpreter.js';
import { findBadValue } from '../config-value.js';
import { findLog, pickDecisiveLine, pickErrorLines } from '../evidence-lookup.js';
import type { Confidence, Finding } from '../finding.js';
import { describePodCommand, formatKubectl, formatWorkloadRef, previousLogsCommand } from '../kubectl-command.js';
import { type ContainerRef, formatContainerRef, formatPodShare, groupBy, limitLines, listNodesOf, listTerminations, severityForPods, unique } from '../pod-status.js';
import { describePortClash, findPortInUse, tellPortClash } from '../port-clash.js';
import { findNodeHolders } from '../host-port-holders.js';
import { formatBytes, parseQuantity } from '../quantity.js';
import { describeHeap, findHeapSetting, findJvmPoolCap } from '../runtime-flags.js';
import { findHeapRefusal } from '../heap-refusal.js';
import { findNodeKernelLimit, tellNodeKernelLimit } from '../node-kernel-limit.js';
import { findMetadataUnreachable, tellMetadataUnreachable } from '../metadata-unreachable.js';
import { findCudaDriverTooOld, tellCudaDriverTooOld } from '../cuda-driver.js';
import { findRemovedApi, tellRemovedApi } from '../removed-api.js';
import { findStaleToken, tellStaleToken } from '../stale-token.js';
import { findSecurityRefusal } from '../security-refusal.js';
import { findLoopbackRefusal } from '../loopback-sibling.js';
import { findMemoryTypo, tellMemoryTypo } from '../memory-typo.js';
import { findArgListTooLong, tellArgListTooLong } from '../exec-arg-limit.js';
import { findServiceLink, tellServiceLink } from '../service-links.js';
import { sortRevisions } from '../revision-diff.js';
import { findStorePassword, tellStorePassword } from '../store-password.js';
import { findVolumeOwnership } from '../volume-ownership.js';
import { findForeignClusterClaim, tellForeignClusterClaim } from '../foreign-cluster-claim.js';
import { formatAgo } from '../time-span.js';
import { findMigrationChecksum, tellMigrationChecksum } from '../migration-checksum.js';
import { findFatalRejection, findRuntimeMove, tellFatalRejection } from '../unhandled-rejection-exit.js';
import type { ToldReading } from '../told-reading.js';
import { capitalize } from '../../text.js';

type ExitClass = 'bad-interpreter' | 'not-found' | 'not-executable' | 'wrong-arch' | 'start-failed' | 'segfault' | 'abort' | 'app-error';

interface ExitHit {
  ref: ContainerRef;
  term: TerminatedStateEvidence;
  recent: boolean;
  cls: ExitClass;
}

/** Exit codes handled elsewhere: 0 (clean-exit), 137 and 143 (signal-kill, oom-killed). */
const HANDLED_ELSEWHERE = new Set([0, 137, 143]);

/**
 * The exit code first, the runtime's reason and message second:
 * 126/127 and StartError → the command in the image or spec cannot run;
 * 139 → segmentation fault; 134 → abort; anything else non-zero → the application gave up.
 */
export function classifyExit(term: TerminatedStateEvidence, logText = ''): ExitClass | undefined {
  const msg = `${term.message ?? ''}\n${logText}`;
  const startFailed = term.reason === 'StartError' || term.reason === 'ContainerCannotRun' || term.exitCode === 128;
  if (/exec format error/i.test(msg)) return 'wrong-arch';
  if (startFailed && findBadInterpreter(term.message)) return 'bad-interpreter';
  if (term.exitCode === 127 || (startFailed && /not found|no such file/i.test(term.message ?? ''))) return 'not-found';
  if (term.exitCode === 126 || (startFailed && /permission denied/i.test(term.message ?? ''))) return 'not-executable';
  if (term.reason === 'OOMKilled' || HANDLED_ELSEWHERE.has(term.exitCode)) return undefined;
  if (startFailed) return 'start-failed';
  if (term.exitCode === 139) return 'segfault';
  if (term.exitCode === 134) return 'abort';
  return 'app-error';
}

interface ExitText {
  title: (container: string, code: string, share: string) => string;
  cause: string;
  action: string;
  fix: string;
  confidence: Confidence;
}

const TEXT: Record<ExitClass, ExitText> = {
  'bad-interpreter': {
    title: (c, code, share) => `${c} cannot start: its entrypoint's interpreter cannot be found (exit ${code}) on ${share}`,
    cause: 'The entrypoint is in the image, but the interpreter its first line names is not: a shebang with CRLF line endings or a shell the image lacks.',
    action: 'Fix the interpreter line of the entrypoint in the image build.',
    fix: 'fix the entrypoint\'s interpreter line and rebuild the image',
    confidence: 'high',
  },
  'not-found': {
    title: (c, code, share) => `${c} cannot start: command not found (exit ${code}) on ${share}`,
    cause: 'The entrypoint or command names a binary or script the image does not contain (a changed image layout, a distroless image without a shell, or a typo in command/args).',
    action: 'Compare the image entrypoint with the pod spec command/args, and fix whichever moved.',
    fix: 'fix the command or the image so the file exists',
    confidence: 'high',
  },
  'not-executable': {
    title: (c, code, share) => `${c} cannot start: command not executable (exit ${code}) on ${share}`,
    cause: 'The entrypoint exists but cannot be executed: missing execute bit, or a script with a bad interpreter line.',
    action: 'Fix the file mode or shebang in the image build.',
    fix: 'fix the file mode or interpreter line in the image',
    confidence: 'high',
  },
  'wrong-arch': {
    title: (c, _code, share) => `${c} cannot start: the image is built for another CPU architecture (exec format error) on ${share}`,
    cause: 'The binary in the image is for a different architecture than the node (arm64 vs amd64), usually a single-arch build pushed over a multi-arch tag.',
    action: 'Pin the pods to nodes of the image\'s architecture, then publish a multi-arch image.',
    fix: 'publish the image for the nodes\' architecture (a multi-arch build)',
    confidence: 'high',
  },
  'start-failed': {
    title: (c, code, share) => `${c} cannot start: the runtime failed to run it (exit ${code}) on ${share}`,
    cause: 'The container runtime could not start the process (see its message): a bad mount, security setting or working directory in the spec, or a runtime problem on the node.',
    action: 'Read the termination message; if it names the spec, fix the spec; if it names the runtime, look at the node.',
    fix: 'fix what the runtime\'s message names',
    confidence: 'medium',
  },
  segfault: {
    title: (c, code, share) => `${c} crashes with a segmentation fault (exit ${code}) on ${share}`,
    cause: 'The process touched invalid memory (SIGSEGV): a bug in native code or a native library, an incompatible library in a new image, or memory corruption (or a faulty node).',
    action: 'Look for a core dump or native stack trace in the previous logs, and compare the native libraries of the running and the failing image.',
    fix: 'find the native library or code that crashes',
    confidence: 'medium',
  },
  abort: {
    title: (c, code, share) => `${c} aborts (SIGABRT, exit ${code}) on ${share}`,
    cause: 'The process aborted itself: a failed assertion or a fatal runtime error (glibc, JVM, Go runtime). The previous logs usually carry the message just before.',
    action: 'Read the last lines of the previous logs: the runtime says why it aborted.',
    fix: 'fix what the abort message names',
    confidence: 'medium',
  },
  'app-error': {
    title: (c, code, share) => `${c} exits with code ${code} on ${share}`,
    cause: 'The process exited on its own with an error status: an unhandled error at start-up or while running. The log lines are the best lead.',
    action: 'Fix what the log names (configuration, a dependency, a migration).',
    fix: 'fix what the log names',
    confidence: 'medium',
  },
};

/** "Container app", "Init container db-migrate", "Sidecar log-shipper". */
export function describeContainer(ref: ContainerRef): string {
  if (ref.container.sidecar) return `Sidecar ${ref.container.name}`;
  if (ref.init) return `Init container ${ref.container.name}`;
  return ref.pod.containers.length > 1 && ref.pod.containers[0]?.name !== ref.container.name ? `Sidecar container ${ref.container.name}` : `Container ${ref.container.name}`;
}

export function analyzeExitCodes(ev: TriageEvidence): Finding[] {
  const hits: ExitHit[] = listTerminations(ev.pods, ev.collectedAt, (term) => term.exitCode !== 0).flatMap((hit) => {
    const log = findLog(ev, hit.ref.pod.name, hit.ref.container.name);
    const cls = classifyExit(hit.term, (log?.lines ?? []).slice(-20).join('\n'));
    return cls ? [{ ...hit, cls }] : [];
  });
  const groups = groupBy(hits, (h) => `${h.cls}/${h.ref.container.name}`);
  return [...groups.values()].map((g) => describeGroup(ev, g));
}

/** A heap (or a JVM pool beside it) too small for the work: the runtime's own out-of-memory message, with the flag that sized it. */
function describeHeapExhaustion(hits: readonly ExitHit[], lines: readonly string[]): { title: string; fix: string; cause: string; action?: string } | undefined {
  const text = lines.join('\n');
  const container = hits[0]?.ref.container;
  if (container === undefined) return undefined;
  const v8 = /JavaScript heap out of memory|Reached heap limit/i.test(text);
  const jvm = /OutOfMemoryError: (Java heap space|GC overhead limit exceeded|Metaspace|Compressed class space|Direct buffer memory)/.exec(text);
  if (!v8 && !jvm) return undefined;
  const limit = parseQuantity(container.resources.limits['memory']);
  const what = v8 ? 'JavaScript heap out of memory' : `java.lang.OutOfMemoryError: ${jvm?.[1] ?? ''}`;
  const within = `the process gave up while the container itself still had memory${limit !== undefined ? ` (limit ${formatBytes(limit)})` : ''}. The kernel did not kill it; the runtime's own limit did, so a bigger memory limit would change nothing`;
  // A pool outside the heap is capped by its own flag: the heap's size has nothing to do with it.
  const pool = jvm && !/Java heap|GC overhead/.test(jvm[1] ?? '') ? jvm[1] ?? '' : undefined;
  if (pool !== undefined) {
    const cap = findJvmPoolCap(container, pool);
    const size = cap?.bytes !== undefined ? ` at ${formatBytes(cap.bytes)}` : '';
    return cap
      ? {
          title: `: ${what}; ${cap.flag} (${cap.where}) caps ${cap.what}${size}`,
          fix: `raise ${cap.name} (or drop it: the JVM sizes the pool to need)`,
          cause: `The JVM ran out of ${pool}, the memory for ${cap.what}, which ${cap.flag} (${cap.where}) caps${size}: the app needs more than that, so the JVM throws ${what} and ${within}.`,
          action: `Raise or remove ${cap.name} in ${cap.where.replace(/^env /, '')}; until then every start fails the same way. Restarting pods will not help.`,
        }
      : { title: `: ${what}`, fix: `find what fills ${pool} (a class-loader or buffer leak)`, cause: `The JVM ran out of ${pool} (${what}): ${within}.` };
  }
  const heap = findHeapSetting(container);
  const setting = heap ? `; ${describeHeap(heap, limit)}` : '';
  return {
    title: `: ${what}${setting}`,
    fix: heap ? `raise ${heap.flag.replace(/[=\d]+[a-z]*$/i, '')} within the container limit, or find what grows` : 'size the heap to the work (or find what grows)',
    cause: `The runtime's own heap ran out (${what}): ${within}.`,
  };
}

/** What one reading of a crash says about it; any part may be left to the readings after it. */
type Told = { [Part in keyof ToldReading]?: ToldReading[Part] | undefined };

/** A value the process could not parse: where it came from decides the fix. */
function describeBadValue(bad: NonNullable<ReturnType<typeof findBadValue>>): Told {
  const fromSource = bad.sources.length > 0;
  return {
    title: `: it cannot parse "${bad.value}"${bad.flaw ? ` (${bad.flaw})` : ''}${fromSource && bad.sources.length <= 2 ? `, from env ${bad.sources.join(' or ')}` : ''}`,
    cause: `The process was handed "${bad.value}" where it needs a ${/^\s*[\d.]/.test(bad.value) ? 'number' : 'valid value'}${bad.flaw ? `; the value carries ${bad.flaw}` : ''}. ${fromSource ? 'Values from a Secret or ConfigMap change without a rollout: a rotation or an edit there is the usual story when the revision is old.' : 'Its configuration says where the value comes from.'}`,
    action: fromSource ? `Fix the value at its source (${bad.sources[0]})${bad.flaw ? ` without ${bad.flaw}` : ''}; the pods pick it up when they restart.` : undefined,
    fix: fromSource ? `${bad.flaw ? `remove ${bad.flaw.replace(/^a /, 'the ')} from` : 'fix the value of'} ${bad.sources[0]}` : undefined,
  };
}

function describeGroup(ev: TriageEvidence, hits: ExitHit[]): Finding {
  const first = hits[0] as ExitHit;
  const { container } = first.ref;
  const text = TEXT[first.cls];
  const pods = unique(hits.map((h) => h.ref.pod.name));
  const recentPods = unique(hits.filter((h) => h.recent).map((h) => h.ref.pod.name));
  const codes = unique(hits.map((h) => h.term.exitCode)).join('/');

  const evidence = limitLines(
    hits.map(({ ref, term }) => {
      const when = term.finishedAt ? `, ${formatAgo(term.finishedAt, ev.collectedAt)}` : '';
      const message = term.message ? `: ${term.message.trim().split('\n')[0] ?? ''}` : '';
      return `${formatContainerRef(ref)}: exit ${term.exitCode} (${term.reason ?? 'no reason'})${when}; ${ref.container.restartCount} restarts${message}`;
    }),
    3,
  );
  const logged = hits.map((h) => findLog(ev, h.ref.pod.name, container.name)).find((l) => l !== undefined && l.lines.length > 0);
  if (logged) evidence.push(...pickErrorLines(logged.lines).map((l) => `log ${logged.pod}: ${l}`));
  else evidence.push('no log lines of the previous run were captured');
  if (first.cls !== 'app-error' && first.cls !== 'segfault' && first.cls !== 'abort') evidence.push(`image ${container.image}`);
  // A heap the JVM refuses at start (a unit mistake in -Xmx): the flag as the kubelet expands it says why.
  const refused = findHeapRefusal((logged?.lines ?? []).slice(-20), container);
  if (refused) evidence.push(...refused.evidence);
  const heap = describeHeapExhaustion(hits, logged?.lines ?? []) ?? refused;
  // A kernel setting of the node (a sysctl, a per-user inotify limit) is the node's to fix, not the app's.
  const limit = heap ? undefined : findNodeKernelLimit((logged?.lines ?? []).slice(-40));
  const kernel = limit ? tellNodeKernelLimit(ev, limit, hits.map((h) => h.ref.pod)) : undefined;
  if (kernel) evidence.push(...kernel.evidence);
  // No answer from the instance metadata service: the nodes' metadata settings (a hop limit), not the app.
  const unreachable = heap || kernel ? undefined : findMetadataUnreachable((logged?.lines ?? []).slice(-60));
  const metadata = unreachable ? tellMetadataUnreachable(ev, unreachable, hits.map((h) => h.ref.pod), ev.target.name) : undefined;
  if (metadata) evidence.push(...metadata.evidence);
  // A CUDA runtime newer than the node's NVIDIA driver: the nodes' image is to move, not the app.
  const tooOld = heap || kernel || metadata ? undefined : findCudaDriverTooOld([...(logged?.lines ?? []).slice(-60), first.term.message ?? '']);
  const driver = tooOld ? tellCudaDriverTooOld(ev, tooOld, hits.map((h) => h.ref.pod)) : undefined;
  if (driver) evidence.push(...driver.evidence);
  // A start failure under a memory quantity no process fits in ("512m" is millibytes): the unit slip is the cause.
  const slip = first.cls === 'start-failed' ? findMemoryTypo(container) : undefined;
  const typo = slip ? tellMemoryTypo(slip, container.name) : undefined;
  if (typo) evidence.push(typo.evidence);
  // E2BIG at exec: an environment string past 128 KiB, usually a ConfigMap value injected as env.
  // runc says so in the start error; older runtimes in the log ("exec user process caused: …"), not the app's own spawns.
  const execLines = (logged?.lines ?? []).slice(-5).filter((l) => /exec user process caused/i.test(l));
  const e2big = !typo && (first.cls === 'start-failed' || first.cls === 'app-error')
    ? findArgListTooLong([first.term.message ?? '', ...execLines].join('\n'), ev, container, hits.map((h) => h.ref.pod))
    : undefined;
  const tooBig = e2big ? tellArgListTooLong(e2big, container.name, ev.collectedAt) : undefined;
  if (tooBig) evidence.push(...tooBig.evidence);
  // An API version the cluster stopped serving (after an upgrade): the client's to move, not a rollback.
  const removed = !heap && !kernel && !typo && !tooBig && !metadata ? findRemovedApi(ev, (logged?.lines ?? []).slice(-60)) : undefined;
  const gone = removed ? tellRemovedApi(removed, container.name) : undefined;
  if (gone) evidence.push(...gone.evidence);
  // Refused 401 a token-lifetime into each run, fine after the restart: the client keeps its first token.
  const staleFound = !heap && !kernel && !typo && !gone && first.cls === 'app-error' ? findStaleToken(ev, hits.map((h) => ({ pod: h.ref.pod, container: h.ref.container, term: h.term }))) : undefined;
  const stale = staleFound ? tellStaleToken(staleFound) : undefined;
  if (stale) evidence.push(...stale.evidence);
  // A schema tool refusing an applied migration edited since: the image brought the edit, a new migration is the fix.
  const edited = first.cls === 'app-error' ? findMigrationChecksum(logged?.lines ?? []) : undefined;
  const migration = edited ? tellMigrationChecksum(edited, container.image) : undefined;
  if (migration) evidence.push(...migration.evidence);
  // Node.js ending the process on a rejection nothing caught: the code path each pod ran last, and the runtime that made it fatal.
  const rejections = first.cls === 'app-error'
    ? hits.flatMap((h) => findFatalRejection(findLog(ev, h.ref.pod.name, container.name)?.lines ?? []) ?? [])
    : [];
  const rejection = rejections.length > 0 ? tellFatalRejection(rejections, findRuntimeMove(ev.revisions)) : undefined;
  if (rejection) evidence.push(...rejection.evidence);

  // The runtime's message decides a start failure; the log's last error decides an app's exit.
  const message = condenseRuntimeMessage(first.term.message?.trim().split('\n')[0]);
  const decisive = limit?.line ?? unreachable?.line ?? tooOld?.quote ?? refused?.line ?? stale?.line ?? (first.cls === 'app-error' || first.cls === 'abort' || first.cls === 'segfault' ? undefined : message) ?? pickDecisiveLine(logged?.lines ?? []) ?? message;
  // On the host network the port is the node's: another host-network pod there may hold it.
  const nodeHolders = decisive ? findNodeHolders(ev.hostNetworkHolders, hits.map((h) => h.ref.pod), findPortInUse(decisive) ?? 0) : [];
  const portClash = decisive && !kernel && !metadata ? describePortClash(decisive, first.ref.pod, container.name, nodeHolders) : undefined;
  const clash = portClash ? tellPortClash(portClash, container.name) : undefined;
  if (clash) evidence.push(...clash.evidence);
  const bad = decisive && !clash && !kernel && !metadata ? findBadValue(decisive, container) : undefined;
  // A `tcp://ip:port` the app cannot read as a number: the kubelet's link variable for a namespace Service.
  const linkText = bad?.value ?? (decisive && !clash && !kernel && !metadata && /invalid|pars|conver|bad port|number|integer|expected/i.test(decisive) ? decisive : undefined);
  const found = linkText ? findServiceLink(linkText, ev, container, ev.pods.filter((p) => pods.includes(p.name))) : undefined;
  const link = found ? tellServiceLink(found, ev.collectedAt, sortRevisions(ev.revisions)[0]?.createdAt) : undefined;
  if (link) evidence.push(...link.evidence);
  const store = !clash && !bad && !kernel && !metadata ? findStorePassword(logged?.lines ?? [], container, first.ref.pod) : undefined;
  const storeTold = store ? tellStorePassword(store) : undefined;
  // A refusal by the kernel in pods whose revision tightened their sandbox: that setting's doing.
  const refusal = !clash && !bad && !store && !heap && !kernel && !tooBig && !metadata && first.cls !== 'not-found' && first.cls !== 'wrong-arch'
    ? findSecurityRefusal(ev.revisions, hits.map((h) => h.ref.pod), container.name, [...(logged?.lines ?? []).slice(-20), first.term.message ?? ''])
    : undefined;
  if (refusal) evidence.push(`revision ${refusal.revision} brought in ${refusal.label}; revision ${refusal.previous} ran without it`);
  // Refused a file on a kept volume while the sandbox is unchanged: its data's owner is not the process's user.
  const owner = !clash && !bad && !store && !heap && !kernel && !metadata && !refusal && first.cls === 'app-error'
    ? findVolumeOwnership(ev.revisions, hits.map((h) => h.ref.pod), container.name, (logged?.lines ?? []).slice(-20))
    : undefined;
  if (owner) evidence.push(...owner.evidence);
  const denied = refusal ?? owner;
  // A store refusing another cluster's data, on a claim older than its StatefulSet: the reused leftover is the cause.
  const foreign = first.cls === 'app-error' && !clash && !bad && !store && !heap && !kernel && !denied
    ? findForeignClusterClaim(ev, hits.map((h) => h.ref.pod), (logged?.lines ?? []).slice(-60))
    : undefined;
  const leftover = foreign ? tellForeignClusterClaim(foreign, ev.workload?.name ?? ev.target.name, ev.collectedAt) : undefined;
  if (leftover) evidence.push(...leftover.evidence);
  if (bad && bad.sources.length > 0) evidence.push(`env fed from Secrets or ConfigMaps that could hold "${bad.value}": ${bad.sources.join(', ')} (a change there reaches new pods without a rollout)`);
  // Found by runc yet not executable: the interpreter its first line names is what is missing.
  const interp = first.cls === 'bad-interpreter' ? findBadInterpreter(first.term.message) : undefined;
  const interpTold = interp ? describeBadInterpreter(interp) : undefined;
  // A neighbour refused at the loopback port this container serves: what its crash does to the pod.
  const loopback = findLoopbackRefusal(ev, hits.map((h) => h.ref.pod), container.name);
  if (loopback) evidence.push(`log ${loopback.pod}/${loopback.client}: ${loopback.line}`);
  const consequence = loopback ? ` Beside it, ${loopback.client} is refused at ${loopback.address}, which ${container.name} serves (${loopback.served}): nothing listens there while it is down, so those errors are this crash's consequence, not a fault of ${loopback.client} or of what ${container.name} connects to.` : '';
  const pod = first.ref.pod.name;
  const confirmCommands = [previousLogsCommand(ev.target, pod, container.name), describePodCommand(ev.target, pod)];
  if (first.cls !== 'app-error') {
    confirmCommands.push(formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)}`));
  }
  // Each reading that explained the crash, most specific first: the first one that says a part (title, cause, action, fix) says it.
  const readings: (Told | undefined)[] = [
    typo,
    tooBig,
    interpTold && { cause: interpTold.cause, fix: interpTold.fix },
    kernel,
    metadata && { ...metadata, action: `${capitalize(metadata.fix)}; restarting the pods will not help.` },
    driver && { ...driver, action: `Keep the pods off those nodes meanwhile (nodeSelector or affinity), then ${driver.fix}; restarting the pods will not help.` },
    gone,
    stale,
    migration,
    rejection,
    heap && { ...heap, action: refused?.action ?? ('action' in heap ? heap.action : undefined) },
    clash,
    link,
    storeTold,
    leftover,
    denied && {
      title: `: ${denied.clause}`,
      // A security setting's refusal names the revision that tightened it.
      ...(refusal ? { datesChange: true as const } : {}),
      cause: denied.cause,
      fix: denied.fix,
      action: refusal
        ? `${capitalize(refusal.fix)}; rolling back to revision ${refusal.previous} lifts the setting meanwhile.`
        : owner
          ? `${capitalize(owner.fix)}${owner.imageChange ? `; rolling back to revision ${owner.imageChange.previous} runs the old user meanwhile` : ''}.`
          : undefined,
    },
    bad && describeBadValue(bad),
  ];
  const say = (part: Exclude<keyof Told, 'datesChange'>): string | undefined => readings.find((r) => r?.[part] !== undefined)?.[part];
  // The reading that gave the title says whether that title dates the change behind the crash.
  const titled = readings.find((r) => r?.title !== undefined);
  return {
    id: `exit-code/${first.cls}/${container.name}`,
    kind: 'exit-code',
    title: `${text.title(describeContainer(first.ref), codes, formatPodShare(ev, pods.length))}${interpTold ? `: ${interpTold.clause}` : ''}${say('title') ?? ''}`,
    layer: kernel || metadata?.outside || driver ? 'node/eviction' : 'container/process',
    severity: recentPods.length > 0 ? severityForPods(ev, recentPods.length) : 'info',
    confidence: heap || denied || kernel || driver || typo || gone || metadata?.outside || stale || leftover || migration || rejection || (e2big?.oversized.length ?? 0) > 0 ? 'high' : text.confidence,
    evidence,
    ...(store ? { decisive: store.line } : foreign ? { decisive: foreign.line } : decisive ? { decisive } : {}),
    likelyCause: `${say('cause') ?? text.cause}${consequence}`,
    nextAction: say('action') ?? text.action,
    fix: say('fix') ?? text.fix,
    confirmCommands,
    ...(titled?.datesChange ? { datesChange: true } : {}),
    ...(kernel ? { outsideWorkload: kernel.outside } : driver ? { outsideWorkload: driver.outside } : metadata?.outside ? { outsideWorkload: metadata.outside } : link?.outside ? { outsideWorkload: link.outside } : {}),
    affected: { pods, nodes: listNodesOf(hits.map((h) => h.ref.pod)), ...(found ? { services: [found.service.name] } : {}) },
  };
}

/**
 * containerd and runc wrap the reason in layers ("failed to create containerd task: failed to
 * create shim task: OCI runtime create failed: runc create failed: unable to start container
 * process: exec: …"): keep what the process start itself said.
 */
export function condenseRuntimeMessage(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const inner = /unable to start container process: (.*)$/.exec(message)?.[1] ?? /OCI runtime (?:create|exec) failed: (.*)$/.exec(message)?.[1] ?? message;
  return inner.replace(/: unknown$/, '').trim();
}
