/**
 * What mutating admission policies say they did to a pod, by their own annotations. Kyverno lists
 * each JSON patch with its policy and rule ("add-default-limits.default-memory-limit.kyverno.io:
 * added /spec/containers/0/resources/limits"); Gatekeeper lists only the mutators that ran
 * ("Assign//default-memory-limit:1, AssignMetadata//owner:2"), never what they set.
 */

export interface KyvernoPatch {
  policy: string;
  rule: string;
  /** "added /spec/containers/0/resources/limits". */
  patch: string;
}

/** The Kyverno patch that set `what` ("memory limit") on container `index`, or on its whole resources. */
export function findKyvernoPatch(note: string, index: number, init: boolean, what: string): KyvernoPatch | undefined {
  const [resource, field] = what.split(' ');
  for (const line of note.split('\n')) {
    const m = /^\s*(.+)\.kyverno\.io:\s*((?:added|replaced) \/spec\/(containers|initContainers)\/(\d+)\/resources(?:\/(limits|requests)(?:\/([^/\s]+))?)?)\s*$/.exec(line);
    if (m === null || (m[3] === 'initContainers') !== init || Number(m[4]) !== index) continue;
    // A patch of the whole map (resources, limits) sets whatever the pod now has in it.
    if ((m[5] !== undefined && m[5] !== `${field ?? ''}s`) || (m[6] !== undefined && m[6] !== resource)) continue;
    const id = m[1] ?? '';
    const dot = id.lastIndexOf('.');
    if (dot <= 0) continue;
    return { policy: id.slice(0, dot), rule: id.slice(dot + 1), patch: m[2] ?? '' };
  }
  return undefined;
}

/** The Assign mutators (the only kind that sets fields of a container) Gatekeeper ran on the pod. */
export function listGatekeeperAssigns(note: string): string[] {
  return note.split(',').flatMap((entry) => {
    const m = /^\s*Assign\/[^/]*\/([^:\s]+)(?::\d+)?\s*$/.exec(entry);
    return m?.[1] ? [m[1]] : [];
  });
}
