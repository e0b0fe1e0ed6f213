/**
 * Scale-ups as the "since" of a failure: more replicas of an existing revision just before the
 * onset (by the HPA or by hand), or the new ordinals of a StatefulSet that alone fail.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatAgo, msBetween } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';
import { findOrdinalScaleUp } from '../ordinal-scale-up.js';

export interface ScaleUp {
  text: string;
  at: IsoTime;
  /** The replicas it ran before a scale-up by hand (no HPA): scaling back to them undoes it. */
  back?: number;
}

/** Mechanisms that more replicas bring on: a limit the replicas share (database slots, quota, room on the nodes), or new pods that take traffic while they warm up. */
export function isScaleSensitive(mechanism: Finding | undefined): boolean {
  return mechanism?.scalesWithReplicas === true || mechanism?.kind === 'failed-scheduling' || mechanism?.kind === 'pod-create-failed' || mechanism?.kind === 'service-publish-not-ready';
}

const SCALED_UP = /Scaled up replica set (\S+?)(?: from (\d+))? to (\d+)(?: from (\d+))?/;

/**
 * A scale-up of an existing revision just before the onset (not a rollout's new ReplicaSet):
 * by the HPA ("New size: 12; reason: …") or by hand. Says from how many to how many, and the
 * HPA's targets, since a wrong target is a usual cause.
 */
export function findScaleUp(ev: TriageEvidence, onset: IsoTime | undefined): ScaleUp | undefined {
  const now = ev.collectedAt;
  const ups = ev.events.flatMap((e) => {
    const m = e.reason === 'ScalingReplicaSet' ? SCALED_UP.exec(e.message) : null;
    if (!m || !isInTriggerWindow(e.lastSeen, onset)) return [];
    const revision = ev.revisions.find((r) => r.name === m[1]);
    // The new ReplicaSet of a rollout scales up too: that is the revision's story, not this one.
    if (revision === undefined || isInTriggerWindow(revision.createdAt, onset)) return [];
    const from = m[2] ?? m[4];
    return [{ at: e.lastSeen, to: Number(m[3]), ...(from !== undefined ? { from: Number(from) } : {}) }];
  });
  const rescales = ev.events.filter((e) => e.reason === 'SuccessfulRescale' && e.object.kind === 'HorizontalPodAutoscaler' && isInTriggerWindow(e.lastSeen, onset));
  const up = ups.sort((a, b) => msBetween(b.at, a.at))[0];
  const hpaEvent = rescales.sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
  if (up === undefined && hpaEvent === undefined) return undefined;
  const at = up?.at ?? hpaEvent?.lastSeen ?? now;
  const size = up ? `${up.from !== undefined ? `from ${up.from} ` : ''}to ${up.to}` : `to ${/New size: (\d+)/.exec(hpaEvent?.message ?? '')?.[1] ?? '?'}`;
  if (hpaEvent === undefined) return { text: `the workload was scaled up ${size} ${formatAgo(at, now)} (not by a rollout)`, at, ...(up?.from !== undefined && up.from < up.to ? { back: up.from } : {}) };
  const hpa = ev.hpas.find((h) => h.name === hpaEvent.object.name);
  const targets = hpa ? hpa.metrics.map((m) => `${m.name} ${m.current ?? '?'} vs target ${m.target ?? '?'}`).join(', ') : '';
  return { text: `HPA ${hpaEvent.object.name} scaled it up ${size} ${formatAgo(at, now)}${targets ? ` (${targets})` : ''}`, at };
}

/**
 * Only the ordinals a StatefulSet scale-up added fail, the older ones run: the new pods met
 * something the old ones never did (a fresh node, a claim found and reused), so the scale-up is
 * the "since", whatever the mechanism.
 */
export function findNewOrdinalsFailing(ev: TriageEvidence, pods: readonly PodEvidence[], onset: IsoTime | undefined): ScaleUp | undefined {
  const s = findOrdinalScaleUp(ev.workload, ev.pods, ev.events, ev.collectedAt);
  if (s === undefined || pods.length === 0 || !isInTriggerWindow(s.at, onset)) return undefined;
  const added = new Set(s.added.map((p) => p.name));
  if (!pods.every((p) => added.has(p.name))) return undefined;
  const names = pods.map((p) => p.name);
  const newOnes = names.length <= 2 ? ` (${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} new)` : '';
  return { text: `${ev.target.kind.toLowerCase()} ${ev.target.name} was scaled up from ${s.from} to ${s.to}${s.by ? ` by ${s.by}` : ''} ${formatAgo(s.at, ev.collectedAt)}${newOnes}`, at: s.at };
}
