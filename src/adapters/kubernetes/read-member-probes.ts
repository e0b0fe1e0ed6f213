// The readiness-probe failures of a dependency's members that run but are not ready, in their own
// namespace: one field-selected list of Unhealthy events per such member (at most two), read only
// for a refusal whose server prints its own state in its probe (a sealed Vault's `vault status`).
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import { listProbedMembers } from '../../domain/triage/cluster-down.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';

/** Distinct probe failures of one pod: the API server aggregates repeats, so a few are all there are. */
const EVENT_LIMIT = 20;

export async function readMemberProbes(ctx: CollectContext, members: DependencyMembersEvidence): Promise<EventEvidence[]> {
  const { core } = ctx.clients;
  const { namespace } = members;
  const got = await ctx.reads.each(listProbedMembers(members.pods), {
    label: `probe failures of the members of ${members.service} in ${namespace} that run but are not ready`,
    source: 'dependencyMembers',
    what: (pod) => `Unhealthy events of pod ${pod} in ${namespace}`,
    limit: ctx.eventGate,
  }, (pod, options) =>
    core.listNamespacedEvent({ namespace, fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${pod},reason=Unhealthy`, limit: EVENT_LIMIT }, options),
  );
  return got.flatMap(({ value }) => value.items.map(mapEvent));
}
