/**
 * An init (tini, dumb-init, catatonit, s6-overlay's /init) as PID 1 does two things for the app it
 * starts: it forwards signals, and it reaps. A process whose parent exits is re-parented to PID 1,
 * and only PID 1's wait() frees its pid when it exits; an app is not written to wait for children it
 * never started. A revision whose command drops the init makes the app PID 1: the children its
 * children orphan (a browser's helpers, a script's background jobs) stay <defunct> zombies, each
 * holding a pid, until the pod's pids limit refuses every new process and thread. It builds up from
 * each pod's start, so it shows hours after the rollout, not at it.
 */
import type { IsoTime, PodEvidence, RevisionContainerEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/** Inits that reap the orphans re-parented to them, by the name of their binary. */
const INIT_BINARY = /(?:^|\/)(?:tini|tini-static|dumb-init|catatonit|docker-init|s6-svscan)$/;
/** s6-overlay's entrypoint. */
const S6_OVERLAY = '/init';

export interface DroppedInit {
  /** The revision whose command no longer runs an init, and the one before that did. */
  revision: number;
  previous: number;
  createdAt: IsoTime;
  container: string;
  /** The init as the revision before named it: `/sbin/tini`. */
  init: string;
  /** Command and args, before and now, as written. */
  was: string;
  now: string;
  /** The program now PID 1: `node`. */
  pid1: string;
}

function argvOf(c: RevisionContainerEvidence | undefined): string[] {
  return [...(c?.command ?? []), ...(c?.args ?? [])];
}

/** The init a container's command starts first, when it does. */
export function findInit(c: Pick<RevisionContainerEvidence, 'command' | 'args'> | undefined): string | undefined {
  const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
  if (argv[0] === S6_OVERLAY) return S6_OVERLAY;
  return argv.find((a) => INIT_BINARY.test(a));
}

/**
 * The revision the pods run whose container command no longer starts the init its predecessor's
 * did. Only a command that is set: without one the image's entrypoint runs, which may hold the init
 * and is not read. Not when the template shares the process namespace: the pause process is PID 1
 * then, and it reaps.
 */
export function findDroppedInit(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], container: string): DroppedInit | undefined {
  const sorted = sortRevisions(revisions);
  const i = sorted.findIndex((r) => pods.some((p) => p.revisionHash === r.hash));
  const [rev, before] = [sorted[i], sorted[i + 1]];
  if (rev === undefined || before === undefined || rev.template?.shareProcessNamespace === true) return undefined;
  const now = rev.containers.find((c) => c.name === container);
  const was = before.containers.find((c) => c.name === container);
  const init = findInit(was);
  if (now?.command === undefined || now.command.length === 0 || init === undefined || findInit(now) !== undefined) return undefined;
  const pid1 = now.command[0] ?? '';
  return { revision: rev.revision, previous: before.revision, createdAt: rev.createdAt, container, init, was: argvOf(was).join(' '), now: argvOf(now).join(' '), pid1: pid1.slice(pid1.lastIndexOf('/') + 1) };
}

/** When the zombies began to pile up: the earliest start of the pods' current run of the container. */
export function findPileUpStart(pods: readonly PodEvidence[], container: string): IsoTime | undefined {
  const starts = pods.flatMap((p) => {
    const state = p.containers.find((c) => c.name === container)?.state;
    return state !== undefined && 'running' in state && state.running.startedAt !== undefined ? [state.running.startedAt] : [];
  });
  return starts.sort()[0];
}

/** How the process-limit finding tells it: the clause after the workload's name, cause, action, fix, evidence. */
export function tellDroppedInit(d: DroppedInit): { what: string; cause: string; action: string; fix: string; evidence: string[]; buildsUp: string } {
  const init = d.init.slice(d.init.lastIndexOf('/') + 1);
  return {
    what: `cannot start processes or threads: its pids limit is reached, <defunct> zombies piling up unreaped since revision ${d.revision} dropped the init (${init}) from the ${d.container} command (${d.pid1} is now PID 1)`,
    cause: `Revision ${d.revision} runs \`${d.now}\` where revision ${d.previous} ran \`${d.was}\`: ${d.pid1} is now PID 1 of the container. A process whose parent exits is re-parented to PID 1, and only PID 1's wait() frees its pid; ${init} did that, ${d.pid1} does not. Every child the app's children leave behind stays a <defunct> zombie holding a pid, so they pile up from each pod's start until the pod's pids limit is reached; then fork, spawn and pthread_create fail with EAGAIN ("Resource temporarily unavailable"). The kubelet's stats summary shows each pod's process count (process_stats) against the limit; an exec into the pod may itself be refused.`,
    action: `Restore the init: put ${d.init} back in front of the command (\`${d.was}\`), or set shareProcessNamespace: true in the pod spec so the pause process reaps; then restart the pods (kubectl rollout restart) to clear the zombies. Rolling back to revision ${d.previous} restores it meanwhile. Raising the pids limit only postpones it.`,
    fix: `restore the init (${init}) in front of the command, or shareProcessNamespace: true, and restart the pods`,
    evidence: [`revision ${d.revision} ${d.container} command: \`${d.now}\`; revision ${d.previous}: \`${d.was}\``],
    buildsUp: `zombies pile up from each pod's start once ${d.pid1} is PID 1 without an init`,
  };
}
