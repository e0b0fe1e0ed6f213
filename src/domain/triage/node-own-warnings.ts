/**
 * Why a node went NotReady, in its own words: the Warning events recorded against the node
 * (by node-problem-detector, the kubelet, a health checker) around and after the moment it
 * stopped reporting. Some of them name a known kubelet fault with a known remedy.
 */
import type { EventEvidence, NodeEvidence, TriageEvidence } from './evidence.js';
import { findCondition, listEventsOf } from './evidence-lookup.js';

export interface NodeFault {
  /** What failed, in a few words, for a title: "its kubelet client certificate expired". */
  what: string;
  cause: string;
  /** The fix, in a few words. */
  fix: string;
  /** kubectl arguments (cluster-scoped, read-only) that confirm it. */
  confirm: string[];
}

export interface NodeOwnWarnings {
  /** The node's Warning events since shortly before it went bad, the one naming a known fault first. */
  events: EventEvidence[];
  /** `quote`: the event's message from the words that name the fault. */
  fault?: { event: EventEvidence; known: NodeFault; quote: string };
}

/** Events up to this long before the Ready transition still tell why (the fault comes first). */
const LEAD_MS = 15 * 60_000;

/** Warnings that only restate that the node is not ready. */
const RESTATES = new Set(['NodeNotReady', 'NodeStatusUnknown']);

/** Faults of the kubelet that keep it from reporting, recognized by their message. */
const KNOWN: { match: RegExp; fault: NodeFault }[] = [
  {
    // The kubelet authenticates to the API server with a client certificate it renews through CSRs; once expired, every call is rejected.
    match: /x509: certificate has expired|certificate (has )?expired/i,
    fault: {
      what: 'its kubelet client certificate expired',
      cause:
        'The kubelet\'s client certificate expired, so the API server rejects it (x509) and it cannot post node status. ' +
        'Kubelets renew it through CertificateSigningRequests: an expiry means the renewal CSRs were not approved (the CSR approver, in kube-controller-manager or a separate approver, is down or refuses them) or not signed.',
      fix: 'approve the node\'s pending CSRs (kubectl certificate approve) or renew the kubelet certificate on the node, then repair whatever approves kubelet CSRs',
      confirm: ['get csr --sort-by=.metadata.creationTimestamp'],
    },
  },
];

export function readNodeOwnWarnings(ev: TriageEvidence, node: NodeEvidence): NodeOwnWarnings {
  const ready = findCondition(node.conditions, 'Ready');
  const from = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) - LEAD_MS : -Infinity;
  const warnings = listEventsOf(ev, 'Node', node.name).filter((e) => e.type === 'Warning' && !RESTATES.has(e.reason) && Date.parse(e.lastSeen) >= from);
  for (const event of warnings) {
    const hit = KNOWN.map((k) => ({ k, m: k.match.exec(event.message) })).find((x) => x.m !== null);
    if (hit?.m) return { events: [event, ...warnings.filter((e) => e !== event)], fault: { event, known: hit.k.fault, quote: event.message.slice(hit.m.index) } };
  }
  return { events: [...warnings].sort((a, b) => b.count - a.count) };
}
