/**
 * Events API: channel messages, :pushpin: reactions and pins → the incident timeline.
 * The handler writes to Redis before Bolt answers (processBeforeResponse), so a failed
 * write answers 500 and Slack delivers the event again: nothing is lost, and the
 * writes are keyed by message ts so a redelivery writes once.
 */
import type { App } from '@slack/bolt';
import type { Log } from '../../domain/ports.js';
import { recordChannelMessage } from '../../domain/incident/record-channel-message.js';
import type { ChannelMessageEvent, MessageDeps } from '../../domain/incident/record-channel-message.js';
import { readSlackText } from './slack-text.js';

export interface EventDeps extends MessageDeps {
  log: Log;
}

interface RawMessage {
  type?: string;
  subtype?: string;
  channel?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  deleted_ts?: string;
  message?: { user?: string; bot_id?: string; text?: string; ts?: string; subtype?: string };
}

/** Slack message event → what happened to a person's message; undefined for everything we do not record. */
function toChannelMessageEvent(raw: RawMessage): ChannelMessageEvent | undefined {
  const channelId = raw.channel;
  if (channelId === undefined) return undefined;
  switch (raw.subtype) {
    case undefined:
    case 'thread_broadcast':
    case 'file_share':
      if (raw.bot_id !== undefined || raw.user === undefined || raw.ts === undefined) return undefined;
      return { kind: 'posted', channelId, ts: raw.ts, userId: raw.user, ...readSlackText(raw.text ?? ''), threadTs: raw.thread_ts };
    case 'message_changed':
      if (raw.message?.ts === undefined || raw.message.bot_id !== undefined) return undefined;
      return { kind: 'edited', channelId, ts: raw.message.ts, ...readSlackText(raw.message.text ?? '') };
    case 'message_deleted':
      return raw.deleted_ts === undefined ? undefined : { kind: 'deleted', channelId, ts: raw.deleted_ts };
    default:
      // channel_join, channel_topic, bot_message, …: not what people said.
      return undefined;
  }
}

export function registerMessageEvents(app: App, deps: EventDeps): void {
  app.event('message', async ({ event }) => {
    const change = toChannelMessageEvent(event as RawMessage);
    if (change !== undefined) await recordChannelMessage(deps, change);
  });

  app.event('reaction_added', async ({ event }) => {
    if (event.reaction !== 'pushpin' || event.item.type !== 'message') return;
    await recordChannelMessage(deps, { kind: 'marked', channelId: event.item.channel, ts: event.item.ts });
  });

  app.event('pin_added', async ({ event }) => {
    const item = event.item as { type?: string; channel?: string; message?: { ts?: string } };
    const ts = item.message?.ts;
    if (item.type !== 'message' || ts === undefined) return;
    await recordChannelMessage(deps, { kind: 'marked', channelId: event.channel_id, ts });
  });
}
