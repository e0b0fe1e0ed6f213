/** An incident's one-off messages, keyed by incident and step so a retry never repeats them. */
import { postExactlyOnce } from '../post-exactly-once.js';
import type { PostingDeps } from '../post-exactly-once.js';
import type { ChatMessage } from '../ports.js';
import type { Incident } from './incident.js';

type Unkeyed = ChatMessage extends infer M ? (M extends ChatMessage ? Omit<M, 'key'> : never) : never;

export type PostOnceDeps = PostingDeps;

export function postOnce(deps: PostOnceDeps, incident: Incident, step: string, channel: string, message: Unkeyed): Promise<string> {
  return postExactlyOnce(deps, channel, { ...message, key: `${incident.id}/${step}` } as ChatMessage);
}
