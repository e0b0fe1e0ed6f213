import type { HpaEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/**
 * A ContainerResource metric reads one container by name. When the pod template no longer runs a
 * container of that name (a release renamed or removed it), metrics-server still answers with the
 * usage of the pods' other containers, but the HPA finds none for its own ("container web not
 * present in metrics for pod …", FailedGetContainerResourceMetric) and stops scaling. Nothing is
 * down: the HPA and the template disagree, and the revision that changed the name is the trigger.
 */
export interface MissingContainer {
  /** The container the HPA's metric reads. */
  container: string;
  /** The resource it measures ("cpu"), when the metric says. */
  resource?: string;
  /** The containers the newest revision runs; empty when no revision was read. */
  running: string[];
  /** The newest revision without the container whose predecessor ran it, and the one name it added instead (a rename). */
  dropped?: { revision: RevisionEvidence; previous: number; renamedTo?: string };
}

const NOT_PRESENT = /container ([\w.-]+) not present in (?:the )?metrics/i;

/** "cpu (container web)" → "cpu". */
function resourceOf(metricName: string): string | undefined {
  return /^(\w+) \(container /.exec(metricName)?.[1];
}

export function findMissingContainer(hpa: HpaEvidence, message: string, revisions: readonly RevisionEvidence[]): MissingContainer | undefined {
  const sorted = sortRevisions(revisions);
  const newest = sorted[0];
  const running = newest?.containers.map((c) => c.name) ?? [];
  const reads = hpa.metrics.filter((m): m is typeof m & { container: string } => m.container !== undefined);
  const named = NOT_PRESENT.exec(message)?.[1];
  // Compared with the template when it was read; else only the HPA's own message can say so.
  const gone = newest !== undefined ? reads.find((m) => !running.includes(m.container)) : reads.find((m) => m.container === named);
  const container = gone?.container ?? (newest === undefined ? named : undefined);
  if (container === undefined || (newest !== undefined && running.includes(container))) return undefined;
  const resource = gone ? resourceOf(gone.name) : undefined;
  const base: MissingContainer = { container, ...(resource ? { resource } : {}), running };
  // Walk back to the revision that last ran it: the one after it renamed or removed it.
  const had = sorted.findIndex((r) => r.containers.some((c) => c.name === container));
  const dropper = had > 0 ? sorted[had - 1] : undefined;
  const before = sorted[had];
  if (dropper === undefined || before === undefined) return base;
  const added = dropper.containers.map((c) => c.name).filter((n) => !before.containers.some((c) => c.name === n));
  const renamedTo = added.length === 1 && dropper.containers.length === before.containers.length ? added[0] : undefined;
  return { ...base, dropped: { revision: dropper, previous: before.revision, ...(renamedTo ? { renamedTo } : {}) } };
}

/** How the finding says it: the title's clause, the fix in a few words, and why the HPA stopped. */
export function describeMissingContainer(m: MissingContainer, hpaName: string, now: string, ago: (t: string, now: string) => string): { clause: string; fix: string; cause: string } {
  const d = m.dropped;
  const they = m.running.length > 0 ? m.running.join(', ') : undefined;
  const clause = d?.renamedTo !== undefined
    ? `which the pods no longer run (revision ${d.revision.revision} (${ago(d.revision.createdAt, now)}) renamed it to ${d.renamedTo})`
    : d !== undefined
    ? `which the pods no longer run (revision ${d.revision.revision} (${ago(d.revision.createdAt, now)}) removed it${they ? `; they run ${they}` : ''})`
    : they !== undefined
    ? `which the pod template does not have (it runs ${they})`
    : 'which is not present in the pods\' metrics';
  const to = d?.renamedTo ?? (m.running.length === 1 ? m.running[0] : undefined);
  const back = d?.renamedTo !== undefined ? ` (or rename the container back to ${m.container})` : d !== undefined ? ` (or bring container ${m.container} back)` : '';
  const fix = to !== undefined
    ? `point HPA ${hpaName}'s containerResource.container at ${to}${back}`
    : `point HPA ${hpaName}'s containerResource.container at a container the pods run${they ? ` (${they})` : ''}${back}`;
  const what = m.resource !== undefined ? `the ${m.resource} use of container ${m.container}` : `container ${m.container}`;
  const since = d !== undefined ? ` since revision ${d.revision.revision}` : '';
  const cause = `The HPA's ContainerResource metric reads ${what}, and the pods have run no container of that name${since}: the resource metrics come back for the containers they do run, none of them ${m.container}, so the HPA cannot compute a replica count and holds the replica count where it is, whatever the load. The metrics pipeline itself works.`;
  return { clause, fix, cause };
}
