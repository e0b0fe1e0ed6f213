/**
 * Posting that a retry does not repeat. Before posting we mark the message as
 * "posting"; a retry that finds that mark (we crashed between the post and the
 * save) looks for the message in the channel by its key before posting again.
 */
import type { ChatMessage } from '../ports.js';
import type { Incident } from './incident.js';
import type { IncidentDeps } from './incident-deps.js';

type Unkeyed = ChatMessage extends infer M ? (M extends ChatMessage ? Omit<M, 'key'> : never) : never;

export async function postOnce(
  deps: IncidentDeps,
  incident: Incident,
  step: string,
  channel: string,
  message: Unkeyed,
): Promise<{ incident: Incident; ts: string }> {
  const done = incident.progress.posted?.[step];
  if (done !== undefined) return { incident, ts: done };
  const key = `${incident.id}/${step}`;
  let ts: string | undefined;
  if (incident.progress.posting?.[step]) ts = await deps.chat.findPostedMessage(channel, key);
  if (ts === undefined) {
    incident = { ...incident, progress: { ...incident.progress, posting: { ...incident.progress.posting, [step]: true } } };
    await deps.incidents.save(incident);
    ts = await deps.chat.post(channel, { ...message, key } as ChatMessage);
  }
  const { [step]: _, ...stillPosting } = incident.progress.posting ?? {};
  incident = {
    ...incident,
    progress: { ...incident.progress, posting: stillPosting, posted: { ...incident.progress.posted, [step]: ts } },
  };
  await deps.incidents.save(incident);
  return { incident, ts };
}
