/**
 * People's messages in an incident channel become timeline entries, keyed by the
 * message's Slack ts so redeliveries write once; edits replace the text, deletions
 * remove the entry, a pushpin emoji or a pin marks it key. Bots are not recorded.
 * The chat adapter hands the text over plain, people and channels as `@U…` / `#C…`
 * with their ids in `mentions`.
 */
import { classifyMessage } from '../timeline/classify-message.js';
import type { TimelineStore } from '../timeline/timeline-ports.js';
import type { IncidentStore } from './incident-ports.js';

export type ChannelMessageEvent =
  | { kind: 'posted'; channelId: string; ts: string; userId: string; text: string; mentions?: string[] | undefined; threadTs?: string | undefined }
  | { kind: 'edited'; channelId: string; ts: string; text: string; mentions?: string[] | undefined }
  | { kind: 'deleted'; channelId: string; ts: string }
  | { kind: 'marked'; channelId: string; ts: string };

export interface MessageDeps {
  incidents: IncidentStore;
  timeline: TimelineStore;
}

/** Slack ts ("1700000000.000100") → ISO time. */
export function slackTsToIso(ts: string): string {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, '0').slice(0, 6)) / 1000)).toISOString();
}

export function messageKey(ts: string): string {
  return `slack/${ts}`;
}

/** Returns false when the channel is not an incident's (nothing recorded). */
export async function recordChannelMessage(deps: MessageDeps, event: ChannelMessageEvent): Promise<boolean> {
  const incidentId = await deps.incidents.incidentForChannel(event.channelId);
  if (incidentId === undefined) return false;
  const key = messageKey(event.ts);
  switch (event.kind) {
    case 'posted': {
      const inThread = event.threadTs !== undefined && event.threadTs !== event.ts;
      const kind = classifyMessage(event.text);
      await deps.timeline.append(incidentId, {
        key,
        at: slackTsToIso(event.ts),
        source: 'slack',
        author: event.userId,
        text: inThread ? `(in thread) ${event.text}` : event.text,
        ...(event.mentions !== undefined && event.mentions.length > 0 ? { mentions: event.mentions } : {}),
        important: kind.important,
      });
      if (kind.kind === 'root-cause') await recordRootCause(deps, incidentId, event.text);
      return true;
    }
    case 'edited': {
      const existing = await deps.timeline.get(incidentId, key);
      if (existing === undefined) return true;
      const inThread = existing.text.startsWith('(in thread) ');
      // An edit can make a message a decision; it does not unmark one someone pinned.
      const kind = classifyMessage(event.text);
      await deps.timeline.update(incidentId, key, {
        text: inThread ? `(in thread) ${event.text}` : event.text,
        mentions: event.mentions ?? [],
        important: existing.important === true || kind.important,
      });
      if (kind.kind === 'root-cause') await recordRootCause(deps, incidentId, event.text);
      return true;
    }
    case 'deleted':
      await deps.timeline.remove(incidentId, key);
      return true;
    case 'marked':
      await deps.timeline.update(incidentId, key, { important: true });
      return true;
  }
}

/**
 * The latest root-cause statement becomes the incident's root cause: the post-mortem shows
 * it, and the next incident of the same service says this one was understood.
 */
async function recordRootCause(deps: MessageDeps, incidentId: string, text: string): Promise<void> {
  await deps.incidents.withLock(incidentId, async () => {
    const incident = await deps.incidents.get(incidentId);
    if (incident !== undefined && incident.rootCause !== text) await deps.incidents.save({ ...incident, rootCause: text });
  });
}
