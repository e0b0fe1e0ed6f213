/**
 * `/incident <subcommand>` (PRODUCT §5): parse and validate, acknowledge within Slack's
 * 3 s, and queue the change for a worker. Reads (`status`, `help`) answer at once.
 */
import type { Incident } from '../src/domain/incident/incident.js';
import type { IncidentCommand, IncidentCommandRequest } from '../src/domain/incident/incident-command.js';
import { describeDue } from '../src/domain/postmortem/action-item.js';
import type { ActionItem } from '../src/domain/postmortem/action-item.js';
import { ACTION_ITEM_RULE } from '../src/domain/postmortem/action-items.js';
import { parseDue } from '../src/domain/postmortem/parse-due.js';
import { userErrorText } from '../src/errors.js';
import type { SlashCommandInput } from './triage.js';

const INCIDENT_USAGE = [
  '*`/incident` commands*',
  '• `/incident declare <title>` — open an incident and its channel without a page',
  '• `/incident status` — the incident card of this channel',
  '• `/incident sev <1-5>` — set the severity (1 is the worst)',
  '• `/incident lead @user` — hand the lead to someone',
  '• `/incident note <text>` — add a note to the timeline',
  '• `/incident timeline` — the timeline so far, in your time zone',
  '• `/incident resolve [summary]` — resolve the incident and post the post-mortem draft',
  '• `/incident action @owner <due> <text>` — an action item; due is `YYYY-MM-DD`, an ISO date-time, `3d`, `2w` or a weekday like `friday`',
  '• `/incident actions` — open action items (this incident\'s here, your own elsewhere)',
  '• `/incident done <id>` — close an action item',
  '• `/incident help` — this list',
].join('\n');

const NEEDS_INCIDENT = new Set(['status', 'sev', 'lead', 'note', 'timeline', 'resolve', 'action']);
const ACTION_FORM = '/incident action @owner <due> <text>';
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

export interface IncidentCommandDeps {
  enqueue: (request: IncidentCommandRequest) => Promise<void>;
  getIncident: (incidentId: string) => Promise<Incident | undefined>;
  /** This incident's open items, or the caller's own. */
  listOpenItems: (scope: { incidentId: string } | { ownerId: string }) => Promise<ActionItem[]>;
  now: () => Date;
}

export type IncidentCommandReply = { text: string } | { card: Incident };

/** Parses the text after `/incident`; errors say what was wrong and show the right form. */
function parseIncidentCommand(text: string, now: Date = new Date()): { command: IncidentCommand } | { status: true } | { help: true } | { actions: true } | { error: string } {
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
    case 'action':
      return parseAction(rest, now);
    case 'actions':
      return { actions: true };
    case 'done': {
      const id = arg.toUpperCase();
      if (!/^A\d+$/.test(id)) return wrong(arg === '' ? 'Which item?' : `"${arg}" is not an action item id (like A12)`, '/incident done <id>');
      return { command: { kind: 'done', itemId: id } };
    }
    default:
      void rest;
      return { error: `\`${word}\` is not an /incident command.\n\n${INCIDENT_USAGE}` };
  }
}

/** `@owner <due> <text>`: all three, or refused with the reason. */
function parseAction(words: string[], now: Date): { command: IncidentCommand } | { error: string } {
  const refuse = (why: string) => ({ error: `${ACTION_ITEM_RULE}: ${why}. Use \`${ACTION_FORM}\`, e.g. \`/incident action @alice 2026-12-04 add an alert on pool saturation\`.` });
  const [ownerWord, dueWord, ...textWords] = words;
  const owner = ownerWord === undefined ? undefined : MENTION.exec(ownerWord);
  if (owner === undefined || owner === null) return refuse(ownerWord === undefined ? 'the owner is missing' : `"${ownerWord}" is not a user mention`);
  if (dueWord === undefined) return refuse('the deadline is missing');
  // The form is checked here; the exact instant is fixed by the worker in the owner's time zone.
  const due = parseDue(dueWord, { now, timeZone: 'UTC' });
  if ('error' in due) return refuse(due.error);
  const text = textWords.join(' ').trim();
  if (text === '') return refuse('say what is to be done');
  return { command: { kind: 'action', ownerId: owner[1]!, due: dueWord, text } };
}

export async function handleIncidentCommand(deps: IncidentCommandDeps, input: SlashCommandInput): Promise<IncidentCommandReply> {
  const parsed = parseIncidentCommand(input.text, deps.now());
  if ('error' in parsed) return { text: parsed.error };
  if ('help' in parsed) return { text: INCIDENT_USAGE };
  if ('actions' in parsed) return { text: await listActions(deps, input) };
  const sub = input.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (sub === 'action' && input.incidentId === undefined) {
    return { text: `${ACTION_ITEM_RULE}, and it belongs to an incident: run \`${ACTION_FORM}\` in the incident's channel.` };
  }
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
    return { text: userErrorText(err, 'do that now', { unchanged: 'Nothing changed' }) };
  }
  return { text: acknowledgement(parsed.command) };
}

async function listActions(deps: IncidentCommandDeps, input: SlashCommandInput): Promise<string> {
  const items = await deps.listOpenItems(input.incidentId !== undefined ? { incidentId: input.incidentId } : { ownerId: input.userId });
  const open = items.filter((i) => i.status === 'open');
  const whose = input.incidentId !== undefined ? 'this incident' : 'you';
  if (open.length === 0) return `No open action items for ${whose}.`;
  const now = deps.now().getTime();
  const lines = open.map((i) => {
    const overdue = Date.parse(i.dueAt) < now ? ' :red_circle: overdue' : '';
    return `• *${i.id}* ${i.kind === 'postmortem' ? '(post-mortem) ' : ''}<@${i.ownerId}> due ${describeDue(i)}${overdue}: ${i.text}`;
  });
  return `Open action items for ${whose}:\n${lines.join('\n')}\n\`/incident done <id>\` closes one.`;
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
    case 'action':
      return `Adding the action item for <@${command.ownerId}>…`;
    case 'done':
      return `Closing ${command.itemId}…`;
    case 'snooze':
      return `Snoozing ${command.itemId}…`;
  }
}
