/** An incident's one-off messages, keyed by incident and step so a retry never repeats them. */
import { postExactlyOnce } from '../post-exactly-once.js';
import type { PostingDeps } from '../post-exactly-once.js';
import type { KeyedMessage } from '../ports.js';
import type { Incident } from './incident.js';
import type { IncidentMessage } from './incident-ports.js';

/** A message of `M` without its key (each kind of the union on its own). */
type Unkeyed<M> = M extends unknown ? Omit<M, 'key'> : never;

/** What postOnce uses; `M` is what the flow's chat posts (an incident's messages, or the post-mortem's). */
export type PostOnceDeps<M extends KeyedMessage = IncidentMessage> = PostingDeps<M>;

export function postOnce<M extends KeyedMessage>(deps: PostOnceDeps<M>, incident: Incident, step: string, channel: string, message: Unkeyed<M>): Promise<string> {
  return postExactlyOnce(deps, channel, { ...message, key: `${incident.id}/${step}` } as M);
}
