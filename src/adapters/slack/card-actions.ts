/** Buttons on the incident card: acknowledge, queue the work, answer the clicker only. */
import type { App } from '@slack/bolt';
import type { IncidentCommandRequest } from '../../domain/incident/incident-command.js';
import type { IncidentStore } from '../../domain/incident/incident-ports.js';
import type { TriageRequest } from '../../domain/triage/triage-request.js';
import { userErrorText } from '../../errors.js';
import { ACTION_RESOLVE, ACTION_RUN_TRIAGE } from './incident-card-blocks.js';
import { ACTION_ITEM_DONE, ACTION_ITEM_SNOOZE } from './reminder-blocks.js';

export interface CardActionDeps {
  incidents: IncidentStore;
  requestTriage: (request: TriageRequest) => Promise<void>;
  requestCommand: (request: IncidentCommandRequest) => Promise<void>;
}

interface Click {
  /** The button's value: an incident id on the card, an item id on a reminder. */
  value: string | undefined;
  /** Unique per click: the idempotency key of what it queues. */
  clickId: string;
}

function readClick(action: object): Click {
  const value = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
  const ts = 'action_ts' in action && typeof action.action_ts === 'string' ? action.action_ts : String(Date.now());
  return { value, clickId: `${value ?? 'none'}-${ts}` };
}

export function registerCardActions(app: App, deps: CardActionDeps): void {
  app.action(ACTION_RUN_TRIAGE, async ({ ack, body, action, respond }) => {
    await ack();
    const click = readClick(action);
    const incident = click.value === undefined ? undefined : await deps.incidents.get(click.value);
    if (incident?.channel === undefined) return;
    const service = incident.services[0];
    const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (service === undefined) {
      await say(
        `The service catalog maps no workload to this incident's PagerDuty service (${incident.pagerduty?.service.name ?? 'none'}), so I don't know what to triage. Run \`/triage <service>\` here.`,
      );
      return;
    }
    try {
      await deps.requestTriage({ id: `button-${click.clickId}`, service, channelId: incident.channel.id, requestedBy: body.user.id, incidentId: incident.id });
      await say(`:mag: Triaging \`${service}\`… the findings will be posted here.`);
    } catch (err) {
      await say(userErrorText(err, 'start the triage'));
    }
  });

  for (const [actionId, kind] of [
    [ACTION_ITEM_DONE, 'done'],
    [ACTION_ITEM_SNOOZE, 'snooze'],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const click = readClick(action);
      if (click.value === undefined) return;
      const responseUrl = 'response_url' in body && typeof body.response_url === 'string' ? body.response_url : undefined;
      const channelId = 'channel' in body && body.channel?.id !== undefined ? body.channel.id : body.user.id;
      try {
        await deps.requestCommand({ id: `button-${click.clickId}`, command: { kind, itemId: click.value }, userId: body.user.id, channelId, responseUrl });
      } catch (err) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: userErrorText(err, 'do that now') });
      }
    });
  }

  app.action(ACTION_RESOLVE, async ({ ack, body, action, respond }) => {
    await ack();
    const click = readClick(action);
    if (click.value === undefined) return;
    const incident = await deps.incidents.get(click.value);
    const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (incident === undefined || incident.channel === undefined) return;
    if (incident.status === 'resolved') {
      await say('This incident is already resolved.');
      return;
    }
    try {
      await deps.requestCommand({ id: `button-${click.clickId}`, command: { kind: 'resolve' }, userId: body.user.id, channelId: incident.channel.id, incidentId: incident.id });
    } catch (err) {
      await say(userErrorText(err, 'resolve the incident'));
    }
  });
}
