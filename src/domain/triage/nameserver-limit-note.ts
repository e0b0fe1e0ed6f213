/**
 * The kubelet's DNSConfigForming "Nameserver limits were exceeded, some nameservers have been
 * omitted" says the resolv.conf it hands the pod (the node's own, for hostNetwork or Default DNS
 * policy) lists more than three nameservers and the resolver keeps the first three. It repeats on
 * every pod sync for as long as the node is set up so. On a pod that is ready and serving, the
 * three kept servers answer: a note about the node, never the workload's failure. On a pod that is
 * not ready it stays a possible lead (unexplained.ts tells it).
 */
import type { EventEvidence, TriageEvidence } from './evidence.js';

const NAMESERVER_LIMIT = /Nameserver limits were exceeded/i;

/** A nameserver-limit note about a pod that is ready. */
export function isNameserverLimitNote(ev: Pick<TriageEvidence, 'pods'>, e: Pick<EventEvidence, 'reason' | 'object' | 'message'>): boolean {
  if (e.reason !== 'DNSConfigForming' || e.object.kind !== 'Pod' || !NAMESERVER_LIMIT.test(e.message)) return false;
  const pod = ev.pods.find((p) => p.name === e.object.name);
  return pod !== undefined && pod.ready && pod.phase === 'Running';
}

/** "3 kubelet notes that the node's resolv.conf lists more than three nameservers …", told beside the warning count of an all-clear. */
export function describeNameserverLimitNotes(count: number): string {
  return `${count} kubelet note${count === 1 ? '' : 's'} that the node's resolv.conf lists more than three nameservers (the pods use the first three and are ready; trim the node's resolver list when convenient)`;
}
