/**
 * `/incident <subcommand>` (PRODUCT §5): parse and validate, acknowledge within Slack's
 * 3 s, and queue the change for a worker. Reads (`status`, `help`) answer at once.
 */
import type { Incident } from '../src/domain/incident/incident.js';
import type { IncidentCommand, IncidentCommandRequest } from '../src/domain/incident/incident-command.js';
import { describeError } from '../src/errors.js';
import type { SlashCommandInput } from './triage.js';

export const INCIDENT_USAGE = [
  '*`/incident` commands*',
  '• `/incident declare <title>` — open an incident and its channel without a page',
  '• `/incident status` — the incident card of this channel',
  '• `/incident sev <1-5>` — set the severity (1 is the worst)',
  '• `/incident lead @user` — hand the lead to someone',
  '• `/incident note <text>` — add a note to the timeline',
  '• `/incident timeline` — the timeline so far, in your time zone',
  '• `/incident resolve [summary]` — resolve the incident',
  '• `/incident help` — this list',
].join('\n');

const NEEDS_INCIDENT = new Set(['status', 'sev', 'lead', 'note', 'timeline', 'resolve']);

export interface IncidentCommandDeps {
  enqueue: (request: IncidentCommandRequest) => Promise<void>;
  getIncident: (incidentId: string) => Promise<Incident | undefined>;
}

export type IncidentCommandReply = { text: string } | { card: Incident };

/** Parses the text after `/incident`; errors say what was wrong and show the right form. */
export function parseIncidentCommand(text: string): { command: IncidentCommand } | { status: true } | { help: true } | { error: string } {
  const trimmed = text.trim();
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const sub = word.toLowerCase();
  const arg = trimmed.slice(word.length).trim();
  const wrong = (why: string, form: string) => ({ error: `${why}. Use \`${form}\`.\n\n${INCIDENT_USAGE}` });
  switch (sub) {
    case '':
    case 'help':
      return { help: true };
    case 'status':
      return { status: true };
    case 'timeline':
      return { command: { kind: 'timeline' } };
    case 'declare':
      if (arg === '') return wrong('An incident needs a title', '/incident declare <title>');
      if (arg.length > 150) return wrong('The title is longer than 150 characters', '/incident declare <short title>');
      return { command: { kind: 'declare', title: arg } };
    case 'sev':
    case 'severity': {
      const m = /^(?:sev)?([1-5])$/i.exec(arg);
      if (!m) return wrong(arg === '' ? 'Which severity?' : `"${arg}" is not a severity from 1 to 5`, '/incident sev <1-5>');
      return { command: { kind: 'severity', severity: Number(m[1]) } };
    }
    case 'lead': {
      const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(arg);
      if (!m) return wrong(arg === '' ? 'Who should lead?' : `"${arg}" is not a user mention`, '/incident lead @user');
      return { command: { kind: 'lead', leadSlackId: m[1]! } };
    }
    case 'note':
      if (arg === '') return wrong('The note is empty', '/incident note <text>');
      return { command: { kind: 'note', text: arg } };
    case 'resolve':
      return { command: { kind: 'resolve', summary: arg === '' ? undefined : arg } };
    default:
      void rest;
      return { error: `\`${word}\` is not an /incident command.\n\n${INCIDENT_USAGE}` };
  }
}

export async function handleIncidentCommand(deps: IncidentCommandDeps, input: SlashCommandInput): Promise<IncidentCommandReply> {
  const parsed = parseIncidentCommand(input.text);
  if ('error' in parsed) return { text: parsed.error };
  if ('help' in parsed) return { text: INCIDENT_USAGE };
  const sub = input.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (NEEDS_INCIDENT.has(sub) && input.incidentId === undefined) {
    return { text: `This is not an incident channel. Run \`/incident ${sub}\` in the incident's channel, or open one with \`/incident declare <title>\`.` };
  }
  if ('status' in parsed) {
    const incident = await deps.getIncident(input.incidentId!);
    return incident === undefined ? { text: 'This channel’s incident could not be found.' } : { card: incident };
  }
  try {
    await deps.enqueue({
      id: input.triggerId,
      command: parsed.command,
      userId: input.userId,
      channelId: input.channelId,
      incidentId: input.incidentId,
      responseUrl: input.responseUrl,
    });
  } catch (err) {
    return { text: `Could not do that now: Redis is unavailable (${describeError(err)}). Nothing changed; try again in a minute.` };
  }
  return { text: acknowledgement(parsed.command) };
}

function acknowledgement(command: IncidentCommand): string {
  switch (command.kind) {
    case 'declare':
      return `:rotating_light: Declaring "${command.title}"… the channel will be ready in a moment.`;
    case 'severity':
      return `Setting severity to SEV${command.severity}…`;
    case 'lead':
      return `Handing the lead to <@${command.leadSlackId}>…`;
    case 'note':
      return 'Adding your note to the timeline…';
    case 'timeline':
      return 'Gathering the timeline…';
    case 'resolve':
      return 'Resolving…';
  }
}
