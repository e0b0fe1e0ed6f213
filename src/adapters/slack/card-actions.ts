/** Buttons on the incident card: acknowledge at once, then act; errors answer the clicker only. */
import type { App } from '@slack/bolt';
import type { IncidentDeps } from '../../domain/incident/incident-deps.js';
import { resolveIncidentFromChat } from '../../domain/incident/resolve-incident.js';
import { describeError } from '../../errors.js';
import type { TriageRequest } from '../../domain/triage/triage-request.js';
import { ACTION_RESOLVE, ACTION_RUN_TRIAGE } from './incident-card-blocks.js';

export function registerCardActions(app: App, deps: IncidentDeps, requestTriage: (request: TriageRequest) => Promise<void>): void {
  app.action(ACTION_RUN_TRIAGE, async ({ ack, body, action, respond }) => {
    await ack();
    const incidentId = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
    const clickedAt = 'action_ts' in action && typeof action.action_ts === 'string' ? action.action_ts : String(Date.now());
    const incident = incidentId === undefined ? undefined : await deps.incidents.get(incidentId);
    if (incident?.channel === undefined) return;
    const service = incident.services[0];
    if (service === undefined) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `The service catalog maps no workload to this incident's PagerDuty service (${incident.pagerduty?.service.name ?? 'unknown'}), so I don't know what to triage. Run \`/triage <service>\` here.`,
      });
      return;
    }
    try {
      await requestTriage({
        id: `button-${incident.id}-${clickedAt}`,
        service,
        channelId: incident.channel.id,
        requestedBy: body.user.id,
        incidentId: incident.id,
      });
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:mag: Triaging \`${service}\`… the findings will be posted here.` });
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `Could not start the triage: Redis is unavailable (${describeError(err)}). Try again in a minute.` });
    }
  });

  app.action(ACTION_RESOLVE, async ({ ack, body, action, respond }) => {
    await ack();
    const incidentId = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
    if (incidentId === undefined) return;
    try {
      const { alreadyResolved } = await resolveIncidentFromChat(deps, incidentId, body.user.id);
      if (alreadyResolved) await respond({ response_type: 'ephemeral', replace_original: false, text: 'This incident is already resolved.' });
    } catch (err) {
      deps.log.error({ incidentId, err: describeError(err) }, 'resolve from the card failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: `Could not resolve the incident: ${describeError(err)}. Try again in a moment.` });
    }
  });
}
