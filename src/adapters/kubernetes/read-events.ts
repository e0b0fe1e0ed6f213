// Events, one field-selector query per object (`involvedObject.kind=Pod,involvedObject.name=x`).
// The number of requests follows the number of objects the triage looks at, never the number
// of events or pods in the namespace: a namespace with 50,000 events costs the same requests as
// an empty one (the API server does the filtering).
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';
import { PAGE_SIZE } from './paginate.js';

export interface EventSubject {
  kind: string;
  name: string;
}

function fieldSelector(s: EventSubject): string {
  return `involvedObject.kind=${s.kind},involvedObject.name=${s.name}`;
}

/**
 * Events about each subject in the target namespace, or cluster-wide for Nodes (kubelets
 * record node events in `default`, or with no namespace at all). One page of 500 per object:
 * the API server aggregates repeats, so an object with more distinct events is rare, and when
 * it happens we say so.
 */
export async function readEvents(ctx: CollectContext, subjects: readonly EventSubject[], label: string): Promise<EventEvidence[]> {
  const { core } = ctx.clients;
  // Each object once, so no event is reported twice.
  const unique = [...new Map(subjects.map((s) => [`${s.kind}/${s.name}`, s])).values()];
  const results = await ctx.reads.each(
    unique,
    {
      label,
      source: 'events',
      what: (s) => `events of ${s.kind} ${s.name}`,
      limit: ctx.eventGate,
    },
    (s, options): Promise<k8s.CoreV1EventList> =>
      s.kind === 'Node'
        ? core.listEventForAllNamespaces({ fieldSelector: fieldSelector(s), limit: PAGE_SIZE }, options)
        : core.listNamespacedEvent({ namespace: ctx.namespace, fieldSelector: fieldSelector(s), limit: PAGE_SIZE }, options),
  );
  const out: EventEvidence[] = [];
  for (const { item, value } of results) {
    if (value.metadata?._continue !== undefined && value.metadata._continue !== '') {
      ctx.reads.skipped(`events of ${item.kind} ${item.name} after the first ${PAGE_SIZE}`, 'events', 'more distinct events than one page');
    }
    out.push(...value.items.map(mapEvent));
  }
  return out;
}

/** Oldest first, as a timeline reads; ties keep their query order. */
export function sortEvents(events: EventEvidence[]): EventEvidence[] {
  return events.sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0));
}
