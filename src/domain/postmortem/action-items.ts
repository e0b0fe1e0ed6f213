/**
 * Action items: made with an owner and a deadline or refused, listed, closed, snoozed,
 * and reminded. Every step reloads the item and is safe to run twice; a reminder's DM
 * is keyed by the reminder's deterministic id, so it is sent once.
 */
import { code, icon, mention, storedText, strong, withMentions } from '../document.js';
import type { Inline } from '../document.js';
import { RootcauseError } from '../../errors.js';
import type { ActionItemCommand, IncidentCommandRequest } from '../incident/incident-command.js';
import { channelOf } from '../incident/incident.js';
import { postOnce } from '../incident/post-once.js';
import { postExactlyOnce } from '../post-exactly-once.js';
import { readerTime } from '../time-ref.js';
import { describeDue } from './action-item.js';
import type { ActionItem } from './action-item.js';
import type { ActionItemPorts } from './postmortem-ports.js';
import { parseDue } from './parse-due.js';
import { nextReminder } from './reminder-schedule.js';

const SNOOZE_MS = 24 * 3600_000;

export const ACTION_ITEM_RULE = 'An action item needs an owner and a deadline';

export type ActionItemDeps = Pick<ActionItemPorts, 'chat' | 'ledger' | 'items' | 'reminders' | 'incidents' | 'timeline' | 'clock'>;
type ReminderDeps = Pick<ActionItemPorts, 'reminders' | 'clock'>;

/** `/incident action|done|snooze` and the reminder's buttons, applied by a worker. */
export async function applyActionItemCommand(deps: ActionItemDeps, request: IncidentCommandRequest<ActionItemCommand>): Promise<void> {
  const command = request.command;
  if (command.kind === 'done') return void (await completeActionItem(deps, { itemId: command.itemId, userId: request.userId, responseUrl: request.responseUrl }));
  if (command.kind === 'snooze') return snoozeActionItem(deps, { itemId: command.itemId, userId: request.userId, responseUrl: request.responseUrl });
  if (request.incidentId === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', 'this channel is not an incident channel');
  await addActionItem(deps, { requestId: request.id, incidentId: request.incidentId, ownerId: command.ownerId, due: command.due, text: command.text, createdBy: request.userId, responseUrl: request.responseUrl });
}

export interface NewActionItem {
  requestId: string;
  incidentId: string;
  ownerId: string;
  due: string;
  text: string;
  createdBy: string;
  responseUrl?: string | undefined;
}

export async function addActionItem(deps: ActionItemDeps, request: NewActionItem): Promise<ActionItem | undefined> {
  const incident = await deps.incidents.get(request.incidentId);
  if (incident === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', `no incident ${request.incidentId}`);
  const made = await deps.incidents.incidentForRequest(`action-${request.requestId}`);
  let item = made === undefined ? undefined : await deps.items.get(made);
  if (item === undefined) {
    const timeZone = (await deps.chat.userTimeZone(request.ownerId).catch(() => undefined)) ?? 'UTC';
    const now = deps.clock.now();
    const due = parseDue(request.due, { now, timeZone });
    if ('error' in due) {
      // The command checked the form; only a date that passed in the owner's zone gets here.
      if (request.responseUrl !== undefined) await deps.chat.respond(request.responseUrl, `${ACTION_ITEM_RULE}: ${due.error}`).catch(() => undefined);
      return undefined;
    }
    const fresh: ActionItem = {
      id: await deps.items.nextId(),
      incidentId: incident.id,
      text: request.text,
      ownerId: request.ownerId,
      ownerTimeZone: timeZone,
      ...due.ok,
      createdAt: now.toISOString(),
      createdBy: request.createdBy,
      kind: 'action',
      status: 'open',
    };
    await deps.items.save(fresh);
    // The first claim wins: a concurrent retry keeps one item.
    const owner = await deps.incidents.claimRequest(`action-${request.requestId}`, fresh.id);
    item = owner === fresh.id ? fresh : await deps.items.get(owner);
    if (item === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', `action item ${owner} is missing`);
  }
  const said = deps.chat.readText(item.text);
  const what = withMentions(said.text, said.mentions);
  const line: Inline = [icon('pin'), ' Action item ', strong(item.id), ' for ', mention(item.ownerId), `, due ${describeDue(item)}: `, what];
  await deps.timeline.append(incident.id, { key: `action/${item.id}`, at: item.createdAt, source: 'slack', author: request.createdBy, ...storedText([`Action item ${item.id} for `, mention(item.ownerId), ': ', what]), important: true });
  if (incident.channel !== undefined) await postOnce(deps, incident, `action/${item.id}`, channelOf(incident), { kind: 'text', text: line });
  await scheduleNextReminder(deps, item);
  return item;
}

export async function completeActionItem(
  deps: Pick<ActionItemPorts, 'chat' | 'ledger' | 'items' | 'incidents' | 'timeline' | 'clock'>,
  request: { itemId: string; userId: string; responseUrl?: string | undefined },
): Promise<'done' | 'already-done' | 'not-found'> {
  const item = await deps.items.get(request.itemId);
  if (item === undefined) {
    if (request.responseUrl !== undefined) await deps.chat.respond(request.responseUrl, ['There is no action item ', code(request.itemId), '. ', code('/incident actions'), ' lists yours.']).catch(() => undefined);
    return 'not-found';
  }
  const done = item.status === 'done' ? item : { ...item, status: 'done' as const, doneAt: deps.clock.now().toISOString(), doneBy: request.userId };
  if (item.status !== 'done') await deps.items.save(done);
  // Told once, also when a retry finds it already done by this same step.
  const said = deps.chat.readText(done.text);
  const what = withMentions(said.text, said.mentions);
  await deps.timeline.append(done.incidentId, { key: `action-done/${done.id}`, at: done.doneAt ?? deps.clock.now().toISOString(), source: 'slack', author: done.doneBy, ...storedText([`Action item ${done.id} done: `, what]), important: true });
  const incident = await deps.incidents.get(done.incidentId);
  if (incident?.channel !== undefined) {
    await postOnce(deps, incident, `action-done/${done.id}`, channelOf(incident), { kind: 'text', text: [icon('resolved'), ' ', mention(done.doneBy ?? request.userId), ` closed ${done.id}: `, what] });
  }
  if (request.responseUrl !== undefined) {
    await deps.chat.respond(request.responseUrl, item.status === 'done' ? `${item.id} was already done.` : `Closed ${item.id}. No more reminders for it.`).catch(() => undefined);
  }
  return item.status === 'done' ? 'already-done' : 'done';
}

export async function snoozeActionItem(deps: Pick<ActionItemPorts, 'chat' | 'items' | 'reminders' | 'clock'>, request: { itemId: string; userId: string; responseUrl?: string | undefined }): Promise<void> {
  const item = await deps.items.get(request.itemId);
  if (item === undefined || item.status === 'done') return;
  const until = new Date(deps.clock.now().getTime() + SNOOZE_MS).toISOString();
  const snoozed = { ...item, snoozedUntil: until };
  await deps.items.save(snoozed);
  await scheduleNextReminder(deps, snoozed);
  if (request.responseUrl !== undefined) await deps.chat.respond(request.responseUrl, `Snoozed ${item.id}: the next reminder comes ${readerTime(until)}.`).catch(() => undefined);
}

/** Runs when a reminder's delayed job fires: DM the owner once, then schedule the next one. */
export async function sendReminder(deps: Pick<ActionItemPorts, 'chat' | 'ledger' | 'items' | 'reminders' | 'incidents' | 'clock'>, job: { itemId: string; reminderId: string; kind: 'day-before' | 'due' | 'overdue'; at: string }): Promise<void> {
  const item = await deps.items.get(job.itemId);
  if (item === undefined || item.status === 'done') return;
  const now = deps.clock.now();
  // A snooze made after this job was scheduled moves the reminder: this one stays silent.
  if (item.snoozedUntil !== undefined && Date.parse(item.snoozedUntil) > Date.parse(job.at)) {
    await scheduleNextReminder(deps, item);
    return;
  }
  const incident = await deps.incidents.get(item.incidentId);
  await postExactlyOnce(
    deps,
    item.ownerId,
    { key: `reminder/${job.reminderId}`, kind: 'action-reminder', item, reminder: job.kind, incidentTitle: incident?.title ?? item.incidentId, channelId: incident?.channel?.id },
    {},
    (message) => deps.chat.postDirect(item.ownerId, message),
  );
  await scheduleNextReminder(deps, item, new Date(Math.max(now.getTime(), Date.parse(job.at)) + 1));
}

export async function scheduleNextReminder(deps: ReminderDeps, item: ActionItem, after: Date = deps.clock.now()): Promise<void> {
  if (item.status === 'done') return;
  const next = nextReminder(item, { now: after, timeZone: item.ownerTimeZone ?? 'UTC' });
  if (next !== undefined) await deps.reminders.schedule({ id: next.id, itemId: item.id, at: next.at, kind: next.kind });
}
