/** An incident's one-off messages, keyed by incident and step so a retry never repeats them. */
import { postExactlyOnce } from '../post-exactly-once.js';
import type { ChatMessage } from '../ports.js';
import type { Incident } from './incident.js';
import type { IncidentDeps } from './incident-deps.js';

type Unkeyed = ChatMessage extends infer M ? (M extends ChatMessage ? Omit<M, 'key'> : never) : never;

export function postOnce(deps: IncidentDeps, incident: Incident, step: string, channel: string, message: Unkeyed): Promise<string> {
  return postExactlyOnce(deps.chat, deps.ledger, channel, { ...message, key: `${incident.id}/${step}` } as ChatMessage);
}
