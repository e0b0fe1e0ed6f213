/**
 * A run that fails where the runs before it succeeded, on the same template: a ConfigMap its pods
 * read that was edited after the last good run and before this run began is what this run meets
 * for the first time — however long before the failure the edit was made (a nightly run meets an
 * edit of the afternoon before only at its next start), so the usual window before the onset
 * would miss it.
 */
import type { IsoTime, NamespaceObjectEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { isConfigMapReadByPods } from './config-map-readers.js';
import { findLastGoodRun } from './last-good-run.js';
import { msBetween } from './time-span.js';

export interface ConfigEditSinceGoodRun {
  configMap: string;
  changedAt: IsoTime;
  lastGoodAt: IsoTime;
}

/** The newest ConfigMap the run's pods read, changed between the last good run and the run's start. */
export function findConfigEditSinceGoodRun(ev: Pick<TriageEvidence, 'jobs' | 'workload' | 'namespaceObjects'>, runStart: IsoTime | undefined, pods: readonly PodEvidence[]): ConfigEditSinceGoodRun | undefined {
  const lastGoodAt = findLastGoodRun(ev);
  if (lastGoodAt === undefined || runStart === undefined) return undefined;
  const edited = (ev.namespaceObjects ?? []).filter((o): o is NamespaceObjectEvidence & { changedAt: IsoTime } =>
    o.kind === 'ConfigMap' && o.changedAt !== undefined && o.changedAt !== o.createdAt
    && msBetween(lastGoodAt, o.changedAt) > 0 && msBetween(o.changedAt, runStart) >= 0 && isConfigMapReadByPods(pods, o.name));
  const newest = edited.sort((a, b) => msBetween(a.changedAt, b.changedAt))[0];
  return newest === undefined ? undefined : { configMap: newest.name, changedAt: newest.changedAt, lastGoodAt };
}
