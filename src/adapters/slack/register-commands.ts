/** Slash commands: each acknowledges within Slack's 3 s with an ephemeral answer; slow work is queued. */
import type { App, SlashCommand } from '@slack/bolt';
import { handleIncidentCommand } from '../../../commands/incident.js';
import type { IncidentCommandDeps } from '../../../commands/incident.js';
import { handleTriageCommand } from '../../../commands/triage.js';
import type { SlashCommandInput, TriageCommandDeps } from '../../../commands/triage.js';
import type { IncidentStore } from '../../domain/incident/incident-ports.js';
import { RootcauseError, dependencyUnavailable, describeError, userErrorText } from '../../errors.js';
import { incidentCardBlocks, incidentCardText } from './incident-card-blocks.js';
import { withSlackDates } from './slack-dates.js';

export interface CommandDeps {
  triage: TriageCommandDeps;
  incident: IncidentCommandDeps;
  incidents: IncidentStore;
}

/** Slack waits 3 s for the answer; the lookup of the channel's incident gets one of them. */
const LOOKUP_TIMEOUT_MS = 1000;

async function findIncident(deps: CommandDeps, channelId: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${LOOKUP_TIMEOUT_MS} ms`)), LOOKUP_TIMEOUT_MS);
  });
  const lookup = deps.incidents.incidentForChannel(channelId);
  lookup.catch(() => undefined);
  return Promise.race([lookup, timeout])
    .catch((err: unknown) => {
      // The incident store is Redis: a look-up that fails or does not answer means Redis is down.
      throw err instanceof RootcauseError ? err : dependencyUnavailable('Redis', describeError(err), err);
    })
    .finally(() => clearTimeout(timer));
}

function toInput(command: SlashCommand, incidentId: string | undefined): SlashCommandInput {
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
    // Outside an incident is fine for /triage: with Redis down the enqueue says so anyway.
    const incidentId = await findIncident(deps, command.channel_id).catch(() => undefined);
    const text = await handleTriageCommand(deps.triage, toInput(command, incidentId));
    await ack({ response_type: 'ephemeral', text });
  });

  app.command('/incident', async ({ command, ack }) => {
    let incidentId: string | undefined;
    try {
      incidentId = await findIncident(deps, command.channel_id);
    } catch (err) {
      await ack({ response_type: 'ephemeral', text: userErrorText(err, 'do that now', { unchanged: 'Nothing was done' }) });
      return;
    }
    const reply = await handleIncidentCommand(deps.incident, toInput(command, incidentId));
    // The answer goes back in the HTTP response, not through SlackChat: its times are drawn here.
    if ('card' in reply) {
      await ack(withSlackDates({ response_type: 'ephemeral', text: incidentCardText(reply.card), blocks: incidentCardBlocks(reply.card) as never }));
    } else {
      await ack(withSlackDates({ response_type: 'ephemeral', text: reply.text }));
    }
  });
}
