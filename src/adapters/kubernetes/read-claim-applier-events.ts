// The events of the GitOps objects that apply a full claim (an Argo CD Application, a Flux
// Kustomization or HelmRelease): where a bigger size the API server refuses shows, since the claim
// itself never changes. One list by involvedObject kind and name per object, at most two —
// namespaced when the tracking names the namespace, else across namespaces (Argo CD's own).
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import type { ClaimApplier } from '../../domain/triage/evidence-claim-applier.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';

/** Enough for one object's distinct events: the API server aggregates repeats. */
const LIMIT = 50;
const MAX_APPLIERS = 2;

export async function readClaimApplierEvents(ctx: CollectContext, appliers: readonly ClaimApplier[]): Promise<EventEvidence[]> {
  const { core } = ctx.clients;
  const distinct = [...new Map(appliers.map((a) => [`${a.kind}/${a.namespace ?? ''}/${a.name}`, a])).values()].slice(0, MAX_APPLIERS);
  const got = await ctx.reads.each(
    distinct,
    { label: 'events of what applies a full claim', source: 'events', what: (a) => `events of ${a.kind} ${a.namespace ? `${a.namespace}/` : ''}${a.name}`, limit: ctx.eventGate },
    (a, options): Promise<k8s.CoreV1EventList> => {
      const fieldSelector = `involvedObject.kind=${a.kind},involvedObject.name=${a.name}`;
      return a.namespace ? core.listNamespacedEvent({ namespace: a.namespace, fieldSelector, limit: LIMIT }, options) : core.listEventForAllNamespaces({ fieldSelector, limit: LIMIT }, options);
    },
  );
  return got.flatMap(({ value }) => value.items.map(mapEvent));
}
