/**
 * Which revision brought a placement rule in (a nodeSelector entry, an affinity requirement, a
 * toleration dropped): the newest revisions all hold it, the one before them did not. That
 * revision is when pods stopped fitting the nodes, whatever came after it.
 */
import type { PlacementEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

export interface PlacementOrigin {
  /** The first revision of the newest run that holds the rule. */
  revision: RevisionEvidence;
  /** The revision just before it, which did not. */
  previous: RevisionEvidence;
}

/** Undefined when every kept revision holds the rule, or a template was not read: nothing to date it by. */
export function findPlacementOrigin(revisions: readonly RevisionEvidence[], holds: (p: PlacementEvidence) => boolean): PlacementOrigin | undefined {
  const sorted = sortRevisions(revisions);
  for (let i = 0; i < sorted.length; i++) {
    const rev = sorted[i] as RevisionEvidence;
    if (rev.template === undefined || !holds(rev.template.placement)) return undefined;
    const previous = sorted[i + 1];
    if (previous?.template === undefined) return undefined;
    if (!holds(previous.template.placement)) return { revision: rev, previous };
  }
  return undefined;
}
