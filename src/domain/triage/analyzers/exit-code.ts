import type { TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import { RATE_LIMITED } from '../rate-limited-calls.js';
import { findBadInterpreter, findBadInterpreterInLog } from '../bad-interpreter.js';
import { TEXT_FILE_BUSY } from '../busy-executable.js';
import { findLog, pickErrorLines } from '../evidence-lookup.js';
import type { Confidence, Finding } from '../finding.js';
import { describePodCommand, formatKubectl, formatWorkloadRef, previousLogsCommand } from '../kubectl-command.js';
import { type ContainerRef, formatContainerRef, formatPodShare, groupBy, limitLines, listNodesOf, listTerminations, severityForPods, unique } from '../pod-status.js';
import { findLoopbackRefusal } from '../loopback-sibling.js';
import { formatAgo } from '../time-span.js';
import { type ExitClass, type ExitHit, readCrash } from './crash-readings.js';
import { ILLEGAL_INSTRUCTION } from '../illegal-instruction.js';
import { findLoaderFailure } from '../loader-failure.js';
import { wasKilledByUnrunnableProbe } from '../probe-failures.js';

export { condenseRuntimeMessage } from './crash-readings.js';

/** Exit codes handled elsewhere: 0 (clean-exit), 137 and 143 (signal-kill, oom-killed). */
const HANDLED_ELSEWHERE = new Set([0, 137, 143]);

/**
 * The exit code first, the runtime's reason and message second:
 * 126/127 and StartError → the command in the image or spec cannot run (127 with the dynamic
 * loader's own words → a library its binary links is missing);
 * 139 → segmentation fault; 134 → abort; anything else non-zero → the application gave up.
 */
export function classifyExit(term: TerminatedStateEvidence, logText = ''): ExitClass | undefined {
  const msg = `${term.message ?? ''}\n${logText}`;
  const startFailed = term.reason === 'StartError' || term.reason === 'ContainerCannotRun' || term.exitCode === 128;
  if (/exec format error/i.test(msg)) return 'wrong-arch';
  // ETXTBSY: the file is being written as it is exec'd; its mode is fine, whatever exit code the start gave.
  if (TEXT_FILE_BUSY.test(term.message ?? '') || (!HANDLED_ELSEWHERE.has(term.exitCode) && TEXT_FILE_BUSY.test(logText))) return 'busy-executable';
  if ((startFailed && findBadInterpreter(term.message)) || findBadInterpreterInLog(logText.split('\n'))) return 'bad-interpreter';
  if (term.exitCode === 127 && findLoaderFailure(msg.split('\n'))) return 'missing-library';
  if (term.exitCode === 127 || (startFailed && /not found|no such file/i.test(term.message ?? ''))) return 'not-found';
  if (term.exitCode === 126 || (startFailed && /permission denied/i.test(term.message ?? ''))) return 'not-executable';
  if (term.reason === 'OOMKilled' || HANDLED_ELSEWHERE.has(term.exitCode)) return undefined;
  if (startFailed) return 'start-failed';
  // 132 = 128 + SIGILL: a CPU instruction the node's CPU lacks.
  if (term.exitCode === 132 || (term.exitCode !== 139 && term.exitCode !== 134 && ILLEGAL_INSTRUCTION.test(msg))) return 'illegal-instruction';
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
  'busy-executable': {
    title: (c, code, share) => `${c} cannot start: text file busy (exit ${code}) on ${share}`,
    cause: 'The kernel refuses to exec a file some process still holds open for writing (ETXTBSY, "text file busy"): the executable is being written as the container starts, by a copy into a shared volume or something that rewrites it in place. The file\'s mode is not the problem.',
    action: 'Find what writes the executable as the container starts; make it write a temporary file and rename it into place (rename is atomic), or copy it once in an init container that completes before the start.',
    fix: 'write the executable to a temporary file and rename it into place (or copy it once in an init container)',
    confidence: 'high',
  },
  'bad-interpreter': {
    title: (c, code, share) => `${c} cannot start: its entrypoint's interpreter cannot be found (exit ${code}) on ${share}`,
    cause: 'The entrypoint is in the image, but the interpreter its first line names is not: a shebang with CRLF line endings or a shell the image lacks.',
    action: 'Fix the interpreter line of the entrypoint in the image build.',
    fix: 'fix the entrypoint\'s interpreter line and rebuild the image',
    confidence: 'high',
  },
  'missing-library': {
    title: (c, code, share) => `${c} cannot start: the dynamic loader stops its binary (exit ${code}) on ${share}`,
    cause: 'The command is in the image, but a shared library it links is not (or not in the version it was built against): the dynamic loader stops it before it runs.',
    action: 'List what the binary lacks with ldd in the image, and ship those libraries or rebuild the binary against the image\'s own.',
    fix: 'ship the libraries the binary links in the image, or rebuild it against the image\'s own',
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
  'illegal-instruction': {
    title: (c, code, share) => `${c} is killed by SIGILL (illegal instruction, exit ${code}) on ${share}`,
    cause: 'The process ran a CPU instruction its node\'s CPU does not have (SIGILL): native code built for a newer CPU than some nodes have.',
    action: 'Build the native code for a baseline CPU (-march=x86-64-v2, portable wheels), or keep the pods on nodes whose CPUs have the instructions.',
    fix: 'build the native code for a baseline CPU (not -march=native)',
    confidence: 'high',
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
  // A run a probe that cannot even run killed is that probe's (signal-kill), whatever the app exited with on the SIGTERM.
  const hits: ExitHit[] = listTerminations(ev.pods, ev.collectedAt, (term, ref) => term.exitCode !== 0 && !((!ref.init || ref.container.sidecar === true) && wasKilledByUnrunnableProbe(ev, ref, term))).flatMap((hit) => {
    const log = findLog(ev, hit.ref.pod.name, hit.ref.container.name);
    const cls = classifyExit(hit.term, (log?.lines ?? []).slice(-20).join('\n'));
    return cls ? [{ ...hit, cls }] : [];
  });
  const groups = groupBy(hits, (h) => `${h.cls}/${h.ref.container.name}`);
  return [...groups.values()].map((g) => describeGroup(ev, dropPastEpisodes(g)));
}

/**
 * A recovered crash that ended before any pod crashing now was even started is a past episode (a
 * pod of the old revision that crashed once yesterday and has served since), not this incident:
 * its exit code and its log would speak for the pods failing now, so it leaves the group.
 */
function dropPastEpisodes(hits: ExitHit[]): ExitHit[] {
  const now = hits.filter((h) => h.recent);
  const born = now.map((h) => h.ref.pod.startTime ?? h.ref.pod.createdAt);
  if (now.length === 0 || born.some((b) => b === undefined)) return hits;
  const first = Math.min(...born.map((b) => Date.parse(b ?? '')));
  return hits.filter((h) => h.recent || h.term.finishedAt === undefined || Date.parse(h.term.finishedAt) >= first);
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
  if (first.cls !== 'app-error' && first.cls !== 'segfault' && first.cls !== 'abort' && first.cls !== 'illegal-instruction') evidence.push(`image ${container.image}`);
  // The one specific reading that explains the crash, if any (crash-readings.ts), and the line that decides it.
  const { reading, decisive } = readCrash({ ev, hits, first, lines: logged?.lines ?? [] });
  if (reading) evidence.push(...reading.evidence);
  // A neighbour refused at the loopback port this container serves: what its crash does to the pod.
  const loopback = findLoopbackRefusal(ev, hits.map((h) => h.ref.pod), container.name);
  if (loopback) evidence.push(`log ${loopback.pod}/${loopback.client}: ${loopback.line}`);
  const consequence = loopback ? ` Beside it, ${loopback.client} is refused at ${loopback.address}, which ${container.name} serves (${loopback.served}): nothing listens there while it is down, so those errors are this crash's consequence, not a fault of ${loopback.client} or of what ${container.name} connects to.` : '';
  const pod = first.ref.pod.name;
  const confirmCommands = [previousLogsCommand(ev.target, pod, container.name), describePodCommand(ev.target, pod)];
  if (first.cls !== 'app-error') {
    confirmCommands.push(formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)}`));
  }
  return {
    id: `exit-code/${first.cls}/${container.name}`,
    kind: 'exit-code',
    title: `${text.title(describeContainer(first.ref), codes, formatPodShare(ev, pods.length))}${reading?.title ?? ''}`,
    layer: reading?.onNodes ? 'node/eviction' : 'container/process',
    severity: recentPods.length > 0 ? severityForPods(ev, recentPods.length) : 'info',
    confidence: reading?.sure ? 'high' : text.confidence,
    evidence,
    ...(decisive ? { decisive } : {}),
    likelyCause: `${reading?.cause ?? text.cause}${consequence}`,
    nextAction: reading?.action ?? text.action,
    fix: reading?.fix ?? text.fix,
    confirmCommands,
    ...(reading?.datesChange ? { datesChange: true } : {}),
    // A start an outside API refused for its rate (429): every replica asks at start, so a scale-up just before is its trigger.
    ...(decisive !== undefined && RATE_LIMITED.test(decisive) ? { scalesWithReplicas: true as const } : {}),
    ...(reading?.outside ? { outsideWorkload: reading.outside } : {}),
    ...(reading?.noRollback ? { noRollback: reading.noRollback } : {}),
    ...(reading?.rollbackThen ? { rollbackThen: reading.rollbackThen } : {}),
    ...(reading?.sharedLimit ? { sharedLimit: reading.sharedLimit } : {}),
    // A fault in the code the pods started with, whose first crash waited for load: it began when they started.
    ...(reading?.onset && reading.buildsUp ? { onset: reading.onset, buildsUp: reading.buildsUp, latent: reading.buildsUp } : {}),
    affected: { pods, nodes: listNodesOf(hits.map((h) => h.ref.pod)), ...(reading?.services ? { services: reading.services } : {}) },
  };
}
