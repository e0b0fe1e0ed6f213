/**
 * Resolving from Slack (the card's button or `/incident resolve [summary]`). Once,
 * however often it is asked: an incident already resolved stays as it was.
 */
import { icon, mention, storedText, withMentions } from '../document.js';
import type { Inline } from '../document.js';
import { updateAnnouncement } from './announce-incident.js';
import type { Incident } from './incident.js';
import type { IncidentDeps } from './incident-deps.js';
import { channelOf } from './incident.js';
import { postOnce } from './post-once.js';
import { publishPostmortem } from '../postmortem/publish-postmortem.js';
import { RootcauseError } from '../../errors.js';

export async function resolveIncidentFromChat(
  deps: IncidentDeps,
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
    // From here on a retry of the same request redoes only what it had not done.
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
    await deps.clusterWatch?.unwatch(incident.id);
    if (incident.cardTs !== undefined) {
      await deps.chat.update(channelOf(incident), incident.cardTs, { key: `${incident.id}/card`, kind: 'incident-card', incident });
    }
    const announced = await updateAnnouncement(deps, incident);
    if (announced !== incident) await deps.incidents.save((incident = announced));
    incident = await publishPostmortem(deps, incident, resolverSlackId);
    return { incident, alreadyResolved: false };
  });
}
