/**
 * An exec lifecycle hook whose command is not in the image. Exec hooks run inside the container,
 * with the image's own files: a distroless or scratch image has no shell and no coreutils, so
 * `sleep 15` or `sh -c …` cannot even start (the runtime's `exec: "sleep": executable file not
 * found in $PATH`, exit 126/127) and the hook fails at once, at every run. For preStop that means
 * no wait at all: the kubelet sends SIGTERM straight away, while the endpoints and the proxies in
 * front still send to the pod.
 */
import type { EventEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

export interface MissingHookBinary {
  /** The program the runtime could not find: "sleep", "/bin/sh". */
  binary: string;
  /** The runtime's words: "executable file not found in $PATH". */
  words: string;
}

/** runc: `exec: "sleep": executable file not found in $PATH` or `exec: "/bin/sh": stat /bin/sh: no such file or directory` (the quotes escaped in the kubelet's message). */
const RUNC = /exec: \\*"([^"\\]+)\\*": (executable file not found in \$PATH|stat \S+: no such file or directory)/;
/** crun: ``executable file `sleep` not found in $PATH``. */
const CRUN = /executable file [`'"]([^`'"]+)[`'"] (not found in \$PATH)/;

/** The binary a hook's exec could not start, as the kubelet's FailedPostStartHook/FailedPreStopHook message says. */
export function readMissingHookBinary(message: string): MissingHookBinary | undefined {
  const runc = RUNC.exec(message);
  if (runc !== null) return { binary: runc[1] ?? '', words: runc[2] ?? '' };
  const crun = CRUN.exec(message);
  if (crun !== null) return { binary: crun[1] ?? '', words: `executable file ${crun[2] ?? ''}` };
  return undefined;
}

/** A base image with no shell and no coreutils, named in an image reference or a change-cause. */
const MINIMAL_BASE = /[\w.\-/:@]*\b(?:distroless|scratch|chainguard|cgr\.dev|static-debian\d*)\b[\w.\-/:@]*/i;

export interface MinimalBase {
  revision: RevisionEvidence;
  /** "gcr.io/distroless/cc-debian12:nonroot", as the image or change-cause names it. */
  base: string;
}

/**
 * The newest revision, at or before `upTo`, whose container image or change-cause names such a
 * base: where the image lost its shell, when the history says so.
 */
export function findMinimalBase(revisions: readonly RevisionEvidence[], container: string, upTo: number): MinimalBase | undefined {
  for (const r of sortRevisions(revisions).filter((x) => x.revision <= upTo)) {
    const image = r.containers.find((c) => c.name === container)?.image ?? '';
    const named = MINIMAL_BASE.exec(image)?.[0] ?? MINIMAL_BASE.exec(r.changeCause ?? '')?.[0];
    if (named !== undefined) return { revision: r, base: named };
  }
  return undefined;
}

/** The revision a pod belonged to, by its name (`<ReplicaSet>-<5>`): a pod already gone is still told by it. */
export function findRevisionOfPodName(revisions: readonly RevisionEvidence[], pod: string): RevisionEvidence | undefined {
  return revisions.find((r) => pod.startsWith(`${r.name}-`) && /^[a-z0-9]{5}$/.test(pod.slice(r.name.length + 1)));
}

/** The events' pods' revisions, newest first. */
export function listRevisionsOfEvents(revisions: readonly RevisionEvidence[], events: readonly EventEvidence[]): RevisionEvidence[] {
  const found = new Set(events.flatMap((e) => findRevisionOfPodName(revisions, e.object.name) ?? []));
  return sortRevisions([...found]);
}
