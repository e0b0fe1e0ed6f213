/**
 * A permanent failure (Slack or PagerDuty said no for good) is never silent: it is
 * logged with the incident id, written on the timeline, and told in the announce
 * channel when one is set.
 */
import { channel, icon } from '../document.js';
import type { Inline } from '../document.js';
import { describeError } from '../../errors.js';
import type { Incident } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';

export type ReportFailureDeps = Pick<IncidentPorts, 'chat' | 'timeline' | 'clock' | 'log' | 'announceChannel'>;

export async function reportFailure(deps: ReportFailureDeps, incident: Incident, what: string, err: unknown): Promise<void> {
  const reason = describeError(err);
  deps.log.error({ incidentId: incident.id, step: what, err: reason }, `incident step failed for good: ${what}`);
  const at = deps.clock.now().toISOString();
  await deps.timeline.append(incident.id, {
    key: `failure/${what}`,
    at,
    source: 'bot',
    text: `Could not ${what}: ${reason}`,
    important: true,
  });
  if (deps.announceChannel === undefined) return;
  const where: Inline = incident.channel ? [' (', channel(incident.channel.id), ')'] : '';
  const number = incident.pagerduty ? ` #${incident.pagerduty.number}` : '';
  try {
    await deps.chat.post(deps.announceChannel, {
      key: `${incident.id}/failure/${what}`,
      kind: 'text',
      text: [icon('warning'), ` Rootcause could not ${what} for incident${number} "${incident.title}"`, where, `: ${reason}`],
    });
  } catch (postErr) {
    deps.log.error({ incidentId: incident.id, err: describeError(postErr) }, 'could not report the failure in the announce channel');
  }
}
