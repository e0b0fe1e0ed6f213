// Writes refused as read-only while the Service the client uses routes to pods of both roles: its
// selector lacks the label that tells the primary from its replicas (a chart or edit dropped it).
// The sibling Service that selects the replicas by that label shows it, with the slices already
// read: no pod needs reading.
import type { ServiceEvidence, TriageEvidence } from './evidence.js';

export interface MixedRoleService {
  service: string;
  selector: Record<string, string>;
  /** The labels the sibling narrows by, which the Service's selector lacks ("role=replica"). */
  missing: Record<string, string>;
  sibling: string;
  /** Endpoint pods of the Service that the sibling also selects: the read-only ones. */
  readOnlyPods: string[];
  /** Every endpoint pod of the Service. */
  pods: string[];
}

const joinAnd = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`);

const formatLabels = (l: Record<string, string>): string => Object.entries(l).map(([k, v]) => `${k}=${v}`).join(', ');

function endpointPods(ev: Pick<TriageEvidence, 'endpointSlices'>, service: string): string[] {
  return [...new Set(ev.endpointSlices.filter((s) => s.service === service).flatMap((s) => s.endpoints).flatMap((e) => (e.podName === undefined ? [] : [e.podName])))];
}

/** A strict superset of `selector`: every pair of it, and more. */
function narrows(sibling: ServiceEvidence, selector: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && Object.keys(sibling.selector).length > entries.length && entries.every(([k, v]) => sibling.selector[k] === v);
}

/**
 * The Service `name` routes to some pods that a sibling Service selects with an extra label (its
 * replicas), and to others that sibling leaves out: one Service over pods of two roles.
 */
export function findMixedRoleService(ev: Pick<TriageEvidence, 'services' | 'endpointSlices'>, name: string): MixedRoleService | undefined {
  const svc = ev.services.find((s) => s.name === name);
  if (!svc) return undefined;
  const pods = endpointPods(ev, name);
  if (pods.length < 2) return undefined;
  for (const sibling of ev.services.filter((s) => s.name !== name && narrows(s, svc.selector))) {
    const theirs = new Set(endpointPods(ev, sibling.name));
    const readOnlyPods = pods.filter((p) => theirs.has(p));
    if (readOnlyPods.length === 0 || readOnlyPods.length === pods.length) continue;
    const missing = Object.fromEntries(Object.entries(sibling.selector).filter(([k]) => !(k in svc.selector)));
    return { service: name, selector: svc.selector, missing, sibling: sibling.name, readOnlyPods, pods };
  }
  return undefined;
}

/** "its selector (app=pg) lacks role: it routes to pg-0 and pg-1, and pg-1 is also behind pg-ro (role=replica)". */
export function describeMixedRole(m: MixedRoleService): string {
  const keys = Object.keys(m.missing).join(', ');
  return `${m.service}'s selector (${formatLabels(m.selector)}) lacks ${keys}: it routes to ${joinAnd(m.pods)}, and ${joinAnd(m.readOnlyPods)} ${m.readOnlyPods.length === 1 ? 'is' : 'are'} also behind ${m.sibling} (${formatLabels(m.missing)})`;
}
