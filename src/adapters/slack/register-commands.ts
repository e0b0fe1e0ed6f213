/** Slash commands: each acknowledges within Slack's 3 s with an ephemeral line; slow work is queued. */
import type { App } from '@slack/bolt';
import { handleTriageCommand } from '../../../commands/triage.js';
import type { TriageCommandDeps } from '../../../commands/triage.js';
import type { IncidentStore } from '../../domain/ports.js';

export interface CommandDeps {
  triage: TriageCommandDeps;
  incidents: IncidentStore;
}

export function registerCommands(app: App, deps: CommandDeps): void {
  app.command('/triage', async ({ command, ack }) => {
    const incidentId = await deps.incidents.incidentForChannel(command.channel_id).catch(() => undefined);
    const text = await handleTriageCommand(deps.triage, {
      text: command.text,
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
      triggerId: command.trigger_id,
      incidentId,
    });
    await ack({ response_type: 'ephemeral', text });
  });
}
