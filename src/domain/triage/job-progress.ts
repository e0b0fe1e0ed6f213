/**
 * How far a running Job has come, for the all-clear of a Job that is still at work: completions
 * done of those asked for (and which indexes, for an Indexed Job), pods running, and the failed
 * attempts it has retried within its backoffLimit. "Running" alone would hide that it moves.
 */
import type { JobEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';

/** "10 of 20 indexes done (0-9), 5 running; 1 failed attempt retried (backoffLimit 6)"; undefined unless it runs with a known completion count. */
export function describeJobProgress(j: JobEvidence): string | undefined {
  if (j.active === 0 || j.completions === undefined || findCondition(j.conditions, 'Failed')?.status === 'True') return undefined;
  const unit = j.completionMode === 'Indexed' ? 'indexes' : 'completions';
  const which = j.completionMode === 'Indexed' && j.completedIndexes ? ` (${j.completedIndexes})` : '';
  const retried = j.failed > 0 ? `; ${j.failed} failed attempt${j.failed === 1 ? '' : 's'} retried${j.backoffLimit === undefined ? '' : ` (backoffLimit ${j.backoffLimit})`}` : '';
  return `${j.succeeded} of ${j.completions} ${unit} done${which}, ${j.active} running${retried}`;
}
