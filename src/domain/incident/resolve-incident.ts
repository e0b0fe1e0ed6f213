/**
 * Resolving from Slack (the card's button now; `/incident resolve` later). Once,
 * however often it is asked: an incident already resolved stays as it was.
 */
import type { Incident } from './incident.js';
import type { IncidentDeps } from './incident-deps.js';
import { channelOf } from './open-incident-channel.js';
import { postOnce } from './post-once.js';
import { RootcauseError } from '../../errors.js';

export async function resolveIncidentFromChat(
  deps: IncidentDeps,
  incidentId: string,
  resolverSlackId: string,
): Promise<{ incident: Incident; alreadyResolved: boolean }> {
  return deps.incidents.withLock(incidentId, async () => {
    let incident = await deps.incidents.get(incidentId);
    if (incident === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', `no incident ${incidentId}`);
    if (incident.status === 'resolved') return { incident, alreadyResolved: true };
    const at = deps.clock.now().toISOString();
    incident = { ...incident, status: 'resolved', statusAt: at, resolvedAt: at };
    await deps.incidents.save(incident);
    const by = deps.chat.userMention(resolverSlackId);
    const pd = incident.pagerduty;
    const stillOpenInPagerDuty = pd !== undefined && pd.status !== 'resolved';
    const text = `:white_check_mark: Resolved by ${by}.${stillOpenInPagerDuty ? ` The PagerDuty incident #${pd.number} is still open there: resolve it in PagerDuty too (${pd.htmlUrl}).` : ''}`;
    await deps.timeline.append(incident.id, { key: `bot/resolved/${at}`, at, source: 'slack', text: `Resolved by ${by}`, important: true });
    await postOnce(deps, incident, `resolved/${at}`, channelOf(incident), { kind: 'text', text });
    if (incident.cardTs !== undefined) {
      await deps.chat.update(channelOf(incident), incident.cardTs, { key: `${incident.id}/card`, kind: 'incident-card', incident });
    }
    return { incident, alreadyResolved: false };
  });
}
