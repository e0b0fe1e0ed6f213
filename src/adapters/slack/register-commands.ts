/** Slash commands: each acknowledges within Slack's 3 s with an ephemeral answer; slow work is queued. */
import type { App, SlashCommand } from '@slack/bolt';
import { handleIncidentCommand } from '../../../commands/incident.js';
import type { IncidentCommandDeps } from '../../../commands/incident.js';
import { handleTriageCommand } from '../../../commands/triage.js';
import type { SlashCommandInput, TriageCommandDeps } from '../../../commands/triage.js';
import type { IncidentStore } from '../../domain/ports.js';
import { incidentCardBlocks, incidentCardText } from './incident-card-blocks.js';

export interface CommandDeps {
  triage: TriageCommandDeps;
  incident: IncidentCommandDeps;
  incidents: IncidentStore;
}

async function toInput(deps: CommandDeps, command: SlashCommand): Promise<SlashCommandInput> {
  // Redis trouble must not stop the answer: the command then behaves as outside an incident.
  const incidentId = await deps.incidents.incidentForChannel(command.channel_id).catch(() => undefined);
  return {
    text: command.text,
    userId: command.user_id,
    channelId: command.channel_id,
    responseUrl: command.response_url,
    triggerId: command.trigger_id,
    incidentId,
  };
}

export function registerCommands(app: App, deps: CommandDeps): void {
  app.command('/triage', async ({ command, ack }) => {
    const text = await handleTriageCommand(deps.triage, await toInput(deps, command));
    await ack({ response_type: 'ephemeral', text });
  });

  app.command('/incident', async ({ command, ack }) => {
    const reply = await handleIncidentCommand(deps.incident, await toInput(deps, command));
    if ('card' in reply) {
      await ack({ response_type: 'ephemeral', text: incidentCardText(reply.card), blocks: incidentCardBlocks(reply.card) as never });
    } else {
      await ack({ response_type: 'ephemeral', text: reply.text });
    }
  });
}
