/**
 * What the workload's controller will and will not do next, read from its own state: a paused
 * Deployment makes no ReplicaSet for a template written after the pause (and refuses an undo), and
 * a StatefulSet's ordered rolling update never replaces a pod that is not Running and Ready — so a
 * pod left on a bad revision stays broken after the template is reverted or fixed (the documented
 * "forced rollback"); a DaemonSet's update stops when unready pods spend its maxUnavailable.
 * Mitigations must unblock the controller, not repeat a change it ignores.
 */
import type { ContainerSpecEvidence, IsoTime, PodEvidence, RevisionContainerEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { isPodFailing } from './pod-status.js';
import { diffRevisions, shortenImageChange, sortRevisions } from './revision-diff.js';
import { type BudgetSpent, readBudgetSpent } from './daemonset-budget.js';

export interface PausedRollout {
  kind: 'paused';
  /** When the Deployment was paused (Progressing condition, reason DeploymentPaused), when reported. */
  since?: IsoTime;
  /** The revision the pods run: the newest ReplicaSet. */
  running?: RevisionEvidence;
  /** What the template asks for that no ReplicaSet has yet ("app image 3.4.0 → 3.4.1"); empty when none. */
  pending: string[];
  /** An older revision whose containers the template matches again (a revert written while paused). */
  revertedTo?: RevisionEvidence;
}

export interface StuckStatefulPods {
  kind: 'stuck-pods';
  /** The update revision: what the template says every pod should run. */
  update: RevisionEvidence;
  /** Pods not Running and Ready that carry an older revision: the controller waits on them forever. */
  pods: { pod: PodEvidence; revision?: RevisionEvidence }[];
}

export type RolloutHold = PausedRollout | StuckStatefulPods | BudgetSpent;

/** The template's containers in a revision's terms, limited to what both record alike. */
function asRevisionContainers(template: readonly ContainerSpecEvidence[]): RevisionContainerEvidence[] {
  return template.map((c) => ({
    name: c.name,
    image: c.image,
    env: c.env ?? [],
    envFrom: c.envFrom ?? [],
    resources: c.resources,
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
  }));
}

/** The same projection of a revision's containers, so only the fields compared can differ. */
function projected(r: RevisionEvidence): RevisionEvidence {
  const containers = r.containers.map((c) => ({ name: c.name, image: c.image, env: c.env, envFrom: c.envFrom, resources: c.resources, ...(c.command ? { command: c.command } : {}), ...(c.args ? { args: c.args } : {}) }));
  return { ...r, containers, template: undefined };
}

/** What the workload's template changes against a revision (image, command, args, env, resources). */
export function diffTemplateFrom(ev: TriageEvidence, r: RevisionEvidence): string[] {
  const template = ev.workload?.templateContainers ?? [];
  if (template.length === 0) return [];
  const asRevision: RevisionEvidence = { ...r, containers: asRevisionContainers(template), template: undefined };
  return diffRevisions(projected(r), asRevision).map(shortenImageChange);
}

function readPaused(ev: TriageEvidence): PausedRollout | undefined {
  const w = ev.workload;
  if (w?.kind !== 'Deployment' || w.paused !== true) return undefined;
  const progressing = findCondition(w.conditions, 'Progressing');
  const since = progressing?.reason === 'DeploymentPaused' ? progressing.lastTransitionTime : undefined;
  const [running, ...older] = sortRevisions(ev.revisions);
  const pending = running ? diffTemplateFrom(ev, running) : [];
  const revertedTo = pending.length > 0 ? older.find((r) => diffTemplateFrom(ev, r).length === 0) : undefined;
  return { kind: 'paused', ...(since ? { since } : {}), ...(running ? { running } : {}), pending: revertedTo ? [] : pending, ...(revertedTo ? { revertedTo } : {}) };
}

function readStuckStatefulPods(ev: TriageEvidence): StuckStatefulPods | undefined {
  const w = ev.workload;
  // OnDelete and a partition hold pods back on purpose; Parallel management replaces an unready pod.
  if (w?.kind !== 'StatefulSet' || w.onDelete === true || w.partition !== undefined || w.podManagementPolicy === 'Parallel') return undefined;
  const [newest] = sortRevisions(ev.revisions);
  if (newest === undefined || w.currentRevision !== newest.revision) return undefined;
  const stuck = ev.pods.filter((p) => p.revisionHash !== undefined && p.revisionHash !== newest.hash && !p.ready && p.deletionTimestamp === undefined && isPodFailing(p, ev.collectedAt));
  if (stuck.length === 0) return undefined;
  return { kind: 'stuck-pods', update: newest, pods: stuck.map((pod) => ({ pod, ...withRevision(ev, pod) })) };
}

function withRevision(ev: TriageEvidence, pod: PodEvidence): { revision?: RevisionEvidence } {
  const revision = ev.revisions.find((r) => r.hash === pod.revisionHash);
  return revision ? { revision } : {};
}

/** What holds the workload's controller back from the change its template asks for, if anything. */
export function readRolloutHold(ev: TriageEvidence): RolloutHold | undefined {
  return readPaused(ev) ?? readStuckStatefulPods(ev) ?? readBudgetSpent(ev);
}
