/** Buttons on the incident card: acknowledge at once, then act; errors answer the clicker only. */
import type { App } from '@slack/bolt';
import type { IncidentDeps } from '../../domain/incident/incident-deps.js';
import { resolveIncidentFromChat } from '../../domain/incident/resolve-incident.js';
import { describeError } from '../../errors.js';
import { ACTION_RESOLVE } from './incident-card-blocks.js';

export function registerCardActions(app: App, deps: IncidentDeps): void {
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
