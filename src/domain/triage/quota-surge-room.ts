/**
 * A rolling update adds pods before it removes any (maxSurge > 0, maxUnavailable 0). When the
 * workload already runs its desired size and its own pods leave a ResourceQuota no room for one
 * more, the surge pod is refused whatever the revision: the image is not the cause, a rollback
 * would not remove it, and the next rollout meets the same wall. Only when the new revision's pods
 * ask for more of what the quota limits is the revision what no longer fits.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import type { QuotaScopeEvidence, ResourceQuotaEvidence } from './evidence-context.js';
import { getDesiredReplicas } from './pod-status.js';
import { parseQuantity } from './quantity.js';
import { sortRevisions } from './revision-diff.js';

export interface SurgeRoomRefusal {
  /** "PriorityClass In critical"; absent when the quota counts every pod. */
  scope?: string;
  /** What the refusal says is full ("pods", "requests.cpu"). */
  resource: string;
  limited: string;
  used: string;
  /** The workload's own running pods the quota counts. */
  ownPods: number;
  /** Those pods alone use all the quota allows of the resource. */
  ownFill: boolean;
  /** Pods the rollout adds at once (maxSurge against the desired count). */
  surge: number;
  /** The limit that leaves room for the surge, when it can be said in the quota's unit (pods). */
  roomAt?: number;
  /** maxUnavailable resolves to 0: the rollout cannot replace a pod in place. */
  noUnavailable: boolean;
}

/** `requested: pods=1, used: pods=10, limited: pods=10` (several resources joined by commas). */
const REFUSAL = /requested: (\S+), used: (\S+), limited: (\S+)/;

function parseList(list: string): Record<string, string> {
  return Object.fromEntries(list.split(',').map((kv) => kv.split('=')).filter((kv): kv is [string, string] => kv.length === 2));
}

/** An int-or-percent against the desired count: maxSurge rounds up, maxUnavailable down, as the controller does. */
function resolve(value: string | undefined, desired: number, up: boolean): number | undefined {
  if (value === undefined) return undefined;
  const pct = /^(\d+)%$/.exec(value);
  if (pct) return (up ? Math.ceil : Math.floor)((Number(pct[1]) * desired) / 100);
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Whether a pod is one the quota counts; a scope the pod's evidence cannot tell counts it. */
function inScope(p: PodEvidence, scopes: readonly QuotaScopeEvidence[]): boolean {
  return scopes.every((s) => {
    if (s.name === 'PriorityClass') {
      const cls = p.priorityClassName;
      if (s.operator === 'In') return cls !== undefined && (s.values ?? []).includes(cls);
      if (s.operator === 'NotIn') return cls === undefined || !(s.values ?? []).includes(cls);
      if (s.operator === 'Exists') return cls !== undefined;
      if (s.operator === 'DoesNotExist') return cls === undefined;
    }
    if (s.name === 'BestEffort') return p.qosClass === undefined || p.qosClass === 'BestEffort';
    if (s.name === 'NotBestEffort') return p.qosClass !== 'BestEffort';
    return true;
  });
}

function describeScope(scopes: readonly QuotaScopeEvidence[]): string | undefined {
  if (scopes.length === 0) return undefined;
  return scopes.map((s) => [s.name, s.operator, (s.values ?? []).join(', ')].filter((x) => x).join(' ')).join('; ');
}

/** What one pod of a revision asks for of a quota resource (`requests.cpu`, `cpu`, `limits.memory`); undefined when not a per-container amount. */
function perPod(r: RevisionEvidence, resource: string): number | undefined {
  const m = /^(requests|limits)?\.?(cpu|memory|ephemeral-storage)$/.exec(resource);
  if (!m) return undefined;
  const side = m[1] === 'limits' ? 'limits' : 'requests';
  return r.containers.reduce((sum, c) => sum + (parseQuantity(c.resources[side][m[2] ?? '']) ?? 0), 0);
}

/** Whether the new revision's pod asks no more of `resource` than the running revision's pods do. */
function asksNoMore(resource: string, requested: string, running: RevisionEvidence | undefined): boolean {
  if (resource === 'pods') return true;
  const ask = parseQuantity(requested);
  const had = running === undefined ? undefined : perPod(running, resource);
  return ask !== undefined && had !== undefined && ask <= had;
}

/** The refusal of quota `name` when the workload's own steady size leaves it no room for a surge pod. */
export function findSurgeRoomRefusal(ev: TriageEvidence, name: string, message: string): SurgeRoomRefusal | undefined {
  const m = REFUSAL.exec(message);
  const settings = ev.workload?.rolloutSettings;
  if (!m || ev.target.kind !== 'Deployment' || settings?.strategy !== 'RollingUpdate') return undefined;
  const [requested, used, limited] = [parseList(m[1] ?? ''), parseList(m[2] ?? ''), parseList(m[3] ?? '')];
  const desired = getDesiredReplicas(ev);
  const surge = resolve(settings.maxSurge, desired, true) ?? 0;
  const running = ev.pods.filter((p) => p.phase === 'Running' && p.deletionTimestamp === undefined);
  // The refused pods are surge pods only when the workload already runs its desired size.
  if (surge === 0 || running.length < desired) return undefined;
  const [newest] = sortRevisions(ev.revisions);
  const runningRevision = ev.revisions.find((r) => r !== newest && running.some((p) => p.revisionHash === r.hash));
  const full = Object.keys(requested).filter((k) => {
    const [ask, use, lim] = [parseQuantity(requested[k]), parseQuantity(used[k]), parseQuantity(limited[k])];
    return ask !== undefined && use !== undefined && lim !== undefined && use + ask > lim;
  });
  const [resource] = full;
  if (resource === undefined || !full.every((k) => asksNoMore(k, requested[k] ?? '', runningRevision))) return undefined;
  const quota: ResourceQuotaEvidence | undefined = (ev.quotas ?? []).find((q) => q.name === name);
  const scopes = quota?.scopes ?? [];
  const ownPods = running.filter((p) => inScope(p, scopes)).length;
  const scope = describeScope(scopes);
  const noUnavailable = (resolve(settings.maxUnavailable, desired, false) ?? 0) === 0;
  const each = resource === 'pods' ? 1 : runningRevision === undefined ? undefined : perPod(runningRevision, resource);
  const cap = parseQuantity(limited[resource]);
  const ownFill = each !== undefined && cap !== undefined && ownPods * each >= cap;
  return {
    ...(scope !== undefined ? { scope } : {}),
    resource,
    limited: limited[resource] ?? '',
    used: used[resource] ?? '',
    ownPods,
    ownFill,
    surge,
    ...(resource === 'pods' ? { roomAt: (parseQuantity(used.pods) ?? ownPods) + surge } : {}),
    noUnavailable,
  };
}
