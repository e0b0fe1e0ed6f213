// The events of the namespace's cert-manager Certificates, read only when the pods' logs say a
// peer refuses the certificate they present (a dependency their client certificate, clients their
// serving one: certificate-reissue.ts, untrusted-issuer.ts) and they mount a Secret: a re-issue
// shows only in cert-manager's Normal events ("Existing issued Secret is not up to date with spec:
// [spec.commonName]", "… was previously issued by \"ClusterIssuer…\""), which the namespace's
// Warning list leaves out. One list by involvedObject.kind, one page. Never a Secret.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import { pickCertificateRefusal } from '../../domain/triage/certificate-reissue.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';

/** A few Certificates' issuances: the API server aggregates repeats. */
const LIMIT = 100;

export async function readCertificateEvents(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<EventEvidence[]> {
  if (pickCertificateRefusal(seen).length === 0) return [];
  const got = await ctx.reads.each(
    ['Certificate'],
    { label: "events of the namespace's Certificates (a peer refuses the pods' certificate)", source: 'events', what: (kind) => `events of ${kind}s`, limit: ctx.eventGate },
    (kind, options): Promise<k8s.CoreV1EventList> => ctx.clients.core.listNamespacedEvent({ namespace: ctx.namespace, fieldSelector: `involvedObject.kind=${kind}`, limit: LIMIT }, options),
  );
  return got.flatMap(({ value }) => value.items.map(mapEvent)).filter((e) => e.object.kind === 'Certificate');
}
