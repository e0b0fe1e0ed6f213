// The events of whatever is named like a Secret whose credentials a dependency rejects: a sync
// controller's object (an ExternalSecret takes its target Secret's name by default) says there why
// the Secret went stale. One list by involvedObject.name per Secret, at most two, whatever its kind.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';

/** Enough for one object's distinct events: the API server aggregates repeats. */
const LIMIT = 50;

export async function readSecretSyncEvents(ctx: CollectContext, secrets: readonly string[]): Promise<EventEvidence[]> {
  const { core } = ctx.clients;
  const got = await ctx.reads.each(
    secrets,
    { label: 'events of the objects that keep a rejected Secret', source: 'events', what: (s) => `events of objects named ${s}`, limit: ctx.eventGate },
    (name, options): Promise<k8s.CoreV1EventList> => core.listNamespacedEvent({ namespace: ctx.namespace, fieldSelector: `involvedObject.name=${name}`, limit: LIMIT }, options),
  );
  // Only what is not the Secret itself nor a pod: the sync controller's resources.
  return got.flatMap(({ value }) => value.items.map(mapEvent)).filter((e) => e.object.kind !== 'Secret' && e.object.kind !== 'Pod');
}
