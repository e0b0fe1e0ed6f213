/**
 * A short name ("vault") that does not resolve in pods whose DNS search line the kubelet cut: it
 * merges the node's resolv.conf search domains after the cluster's three and, past its limit (six
 * domains before Kubernetes 1.28, 32 since), drops the rest and says so on each pod —
 * DNSConfigForming "Search Line limits were exceeded, some search paths have been omitted, the
 * applied search line is: …". A short name that resolved only through a dropped domain fails on
 * exactly those pods (a new node group whose resolv.conf lists more domains), whatever the app.
 */
import type { TriageEvidence } from './evidence.js';
import { listPodEvents } from './evidence-lookup.js';

const SEARCH_LINE_CUT = /Search Line limits were exceeded/i;
const APPLIED = /the applied search line is:\s*(.+)$/i;

export interface SearchLineCut {
  /** The short name that does not resolve. */
  name: string;
  /** The failing pods the kubelet warned about. */
  pods: string[];
  /** The search domains the pods got, in order. */
  applied: string[];
  /** Pods of the workload that resolve it with no such warning: the name needs what they kept. */
  whole: number;
}

/** The search-line cut on `failing` pods, when `host` is a short name (no dot) that does not resolve there. */
export function findSearchLineCut(ev: TriageEvidence, host: string | undefined, failing: readonly string[]): SearchLineCut | undefined {
  const name = host?.replace(/:\d+$/, '');
  if (name === undefined || name === '' || name.includes('.') || /^\d/.test(name)) return undefined;
  const events = listPodEvents(ev, ['DNSConfigForming'], failing).filter((e) => SEARCH_LINE_CUT.test(e.message));
  if (events.length === 0) return undefined;
  const cut = new Set(events.map((e) => e.object.name));
  const applied = (APPLIED.exec(events[0]?.message ?? '')?.[1] ?? '').trim().split(/\s+/).filter((d) => d !== '');
  const warned = new Set(listPodEvents(ev, ['DNSConfigForming']).filter((e) => SEARCH_LINE_CUT.test(e.message)).map((e) => e.object.name));
  const whole = ev.pods.filter((p) => p.ready && !warned.has(p.name)).length;
  return { name, pods: [...cut], applied, whole };
}

export interface SearchLineCutTold {
  title: string;
  cause: string;
  fix: string;
  action: string;
  evidence: string;
}

export function explainSearchLineCut(c: SearchLineCut): SearchLineCutTold {
  const n = c.pods.length;
  const applied = c.applied.length > 0 ? `; applied: ${c.applied.join(' ')}` : '';
  const needs = c.whole > 0 ? `needs a search domain the kubelet dropped` : `may need a search domain the kubelet dropped`;
  const fix = `use ${c.name}'s fully qualified name (FQDN: ${c.name}.<the domain it resolves under>) instead of the short name, or trim the search list of the nodes' resolv.conf (DHCP options) to fit the kubelet's limit`;
  return {
    title: `: the short name ${c.name} ${needs} from the search list of ${n === 1 ? 'this pod' : `these ${n} pods`} (DNSConfigForming: Search Line limits were exceeded)`,
    cause: `The kubelet builds a pod's search list from the cluster's domains followed by the node's resolv.conf search domains, and drops what exceeds its limit (6 domains before Kubernetes 1.28): on ${n === 1 ? 'this pod' : 'these pods'} it warned that search paths were omitted, so "${c.name}", a short name, is no longer tried under the domain it resolves in${c.whole > 0 ? ` (${c.whole} ready pod${c.whole === 1 ? '' : 's'} without the warning resolve it)` : ''}. Nothing is wrong with ${c.name} itself.`,
    fix,
    action: `Point the clients at ${c.name}'s FQDN instead of the short name (or trim the nodes' resolv.conf search list); meanwhile keep the pods on nodes whose search list fits. Restarting pods will not help.`,
    evidence: `DNSConfigForming on ${c.pods.slice(0, 3).join(', ')}: Search Line limits were exceeded, some search paths have been omitted${applied}`,
  };
}
