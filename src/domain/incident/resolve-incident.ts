/**
 * The one resolve flow, whichever way the resolve arrives: `/incident resolve [summary]` and the
 * card's Resolve button (both queued as the `resolve` command) and PagerDuty's
 * `incident.resolved` (through the page-event flow). Once, however often it is asked: the channel
 * is told once, the cluster watch stops, the card and the announcement are redrawn, and what
 * follows a resolve (the post-mortem, handed in as `afterResolve`) runs.
 */
import { RootcauseError } from '../../errors.js';
import { icon, mention, storedText, withMentions } from '../document.js';
import type { Inline } from '../document.js';
import type { Incident } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';
import { channelOf } from './incident.js';
import { postOnce } from './post-once.js';
import type { PostOnceDeps } from './post-once.js';
import { refreshIncidentPosts } from './refresh-incident.js';
import type { RefreshDeps } from './refresh-incident.js';

export type ResolveDeps = RefreshDeps & PostOnceDeps & Pick<IncidentPorts, 'incidents' | 'timeline' | 'clock' | 'clusterWatch' | 'afterResolve'>;

/** How the resolve arrived: what the channel is told, and who resolved it. */
export type Resolution =
  /** The command or the button; `requestId` keys what is said, so a retry says it once. */
  | { from: 'slack'; requestId: string; resolverSlackId: string }
  /** Already applied to the incident and written on the timeline by the page-event flow. */
  | { from: 'pagerduty'; eventId: string; line: string; cardJustPosted: boolean };

/** Resolving from Slack: marks the incident resolved (once) and runs the resolve. */
export async function resolveIncidentFromChat(
  deps: ResolveDeps,
  incidentId: string,
  resolverSlackId: string,
  opts: { requestId?: string | undefined; summary?: string | undefined } = {},
): Promise<{ incident: Incident; alreadyResolved: boolean }> {
  return deps.incidents.withLock(incidentId, async () => {
    let incident = await deps.incidents.get(incidentId);
    if (incident === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', `no incident ${incidentId}`);
    const requestId = opts.requestId ?? `resolve-${resolverSlackId}`;
    if (incident.status === 'resolved' && incident.resolveRequest !== requestId) return { incident, alreadyResolved: true };
    if (incident.status !== 'resolved') {
      const at = deps.clock.now().toISOString();
      incident = { ...incident, status: 'resolved', statusAt: at, resolvedAt: at, resolvedBy: resolverSlackId, resolveRequest: requestId, resolutionSummary: opts.summary };
      await deps.incidents.save(incident);
    }
    incident = await resolveIncident(deps, incident, { from: 'slack', requestId, resolverSlackId });
    return { incident, alreadyResolved: false };
  });
}

/**
 * Everything a resolve does once the incident is saved as resolved. The caller holds the
 * incident's lock; a retry of the same resolve redoes only what it had not done.
 */
export async function resolveIncident(deps: ResolveDeps, incident: Incident, resolution: Resolution): Promise<Incident> {
  if (resolution.from === 'slack') {
    await sayResolvedFromSlack(deps, incident, resolution);
  } else {
    await postOnce(deps, incident, `event/${resolution.eventId}`, channelOf(incident), { kind: 'text', text: resolution.line });
  }
  await deps.clusterWatch?.unwatch(incident.id);
  incident = await refreshIncidentPosts(deps, incident, { card: resolution.from === 'slack' || !resolution.cardJustPosted });
  return deps.afterResolve(incident, resolution.from === 'slack' ? resolution.resolverSlackId : incident.resolvedBy);
}

async function sayResolvedFromSlack(deps: ResolveDeps, incident: Incident, resolution: { requestId: string; resolverSlackId: string }): Promise<void> {
  const { requestId, resolverSlackId } = resolution;
  const at = incident.resolvedAt ?? incident.statusAt;
  const pd = incident.pagerduty;
  const stillOpenInPagerDuty = pd !== undefined && pd.status !== 'resolved';
  const said = incident.resolutionSummary ? deps.chat.readText(incident.resolutionSummary) : undefined;
  const summary: Inline = said ? [' Summary: ', withMentions(said.text, said.mentions)] : '';
  // A sentence follows the summary: end it with a full stop unless the person already did.
  const fullStop = said === undefined || /[.!?]$/.test(said.text) ? '' : '.';
  const text: Inline = [icon('resolved'), ' Resolved by ', mention(resolverSlackId), '.', summary, fullStop, stillOpenInPagerDuty ? ` The PagerDuty incident #${pd.number} is still open there: resolve it in PagerDuty too (${pd.htmlUrl}).` : ''];
  await deps.timeline.append(incident.id, { key: `slack/resolved/${requestId}`, at, source: 'slack', author: resolverSlackId, ...storedText(['Resolved by ', mention(resolverSlackId), summary]), important: true });
  await postOnce(deps, incident, `resolved/${requestId}`, channelOf(incident), { kind: 'text', text });
}
