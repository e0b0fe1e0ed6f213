// chat.*, users.* and auth.test of the Slack fake.
import { accessibleConversation, fail, findConversation, isFailure, str } from './fake-slack-api.js';
import type { Conversation, MethodHandler, SlackArgs, SlackResult } from './fake-slack-api.js';
import { validateBlocks } from './fake-slack-blocks.js';
import { renderMessage, renderUser } from './fake-slack-state.js';
import type { FakeMessage, SlackState } from './fake-slack-state.js';

const MAX_TEXT_LENGTH = 40_000;

interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: Record<string, unknown>;
}

/** Validates text/blocks/attachments/metadata the way chat.postMessage and chat.update do. */
function readContent(args: SlackArgs): MessageContent | SlackResult {
  const content: MessageContent = {};
  const text = str(args, 'text');
  if (text !== undefined) content.text = text;
  if (args.blocks !== undefined) {
    // A string here means the JSON did not parse when the request was decoded.
    if (!Array.isArray(args.blocks)) return fail('invalid_blocks_format');
    const errors = validateBlocks(args.blocks);
    if (errors.length > 0) {
      return fail('invalid_blocks', {
        errors,
        response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
      });
    }
    content.blocks = args.blocks;
  }
  if (args.attachments !== undefined) {
    if (!Array.isArray(args.attachments)) return fail('invalid_attachments');
    content.attachments = args.attachments;
  }
  if (args.metadata !== undefined) {
    const metadata = args.metadata;
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
      return fail('invalid_metadata_format');
    }
    const record = metadata as Record<string, unknown>;
    if (typeof record.event_type !== 'string' || typeof record.event_payload !== 'object') {
      return fail('invalid_metadata_schema');
    }
    content.metadata = record;
  }
  const hasBlocks = (content.blocks?.length ?? 0) > 0;
  const hasAttachments = (content.attachments?.length ?? 0) > 0;
  if (!content.text && !hasBlocks && !hasAttachments) return fail('no_text');
  if ((content.text?.length ?? 0) > MAX_TEXT_LENGTH) return fail('msg_too_long');
  return content;
}

function isContent(value: MessageContent | SlackResult): value is MessageContent {
  return !('ok' in value);
}

/** A channel id, DM id, or user id (Slack posts to the app's DM with that user). */
function postTarget(state: SlackState, channel: string | undefined): Conversation | SlackResult {
  if (channel && /^[UW]/.test(channel)) {
    if (!state.users.has(channel)) return fail('channel_not_found');
    const id = state.openDm(channel);
    return { kind: 'dm', id, user: channel };
  }
  return accessibleConversation(state, channel, { write: true });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What chat.postMessage and chat.postEphemeral add: the content of `args`, in its thread if one is given. */
function addPosted(state: SlackState, conversationId: string, args: SlackArgs, as: { user: string; ephemeral?: true }): FakeMessage | SlackResult {
  const content = readContent(args);
  if (!isContent(content)) return content;
  return state.addMessage(
    conversationId,
    withoutUndefined({ ...content, text: content.text ?? '', thread_ts: str(args, 'thread_ts'), user: as.user, bot_id: state.botId, ...(as.ephemeral ? { ephemeral: true } : {}) }),
  );
}

const postMessage: MethodHandler = (args, { state }) => {
  const target = postTarget(state, str(args, 'channel'));
  if (isFailure(target)) return target;
  const message = addPosted(state, target.id, args, { user: state.botUserId });
  if (!isMessage(message)) return message;
  return {
    ok: true,
    channel: target.id,
    ts: message.ts,
    message: { ...renderMessage(message, [], true), team: state.teamId },
  };
};

/** A message the bot may change: it must exist, in a conversation the bot can see, and be the bot's. */
function ownMessage(state: SlackState, args: SlackArgs, tsKeyName: string, denied: string): FakeMessage | SlackResult {
  const conversation = accessibleConversation(state, str(args, 'channel'));
  if (isFailure(conversation)) return conversation;
  const ts = str(args, tsKeyName);
  const message = ts ? state.findMessage(conversation.id, ts) : undefined;
  if (!message) return fail('message_not_found');
  if (message.user !== state.botUserId) return fail(denied);
  return message;
}

function isMessage(value: FakeMessage | SlackResult): value is FakeMessage {
  return !('ok' in value);
}

const update: MethodHandler = (args, { state }) => {
  const message = ownMessage(state, args, 'ts', 'cant_update_message');
  if (!isMessage(message)) return message;
  if (state.channels.get(message.channel)?.is_archived) {
    return fail('is_archived');
  }
  const content = readContent(args);
  if (!isContent(content)) return content;
  message.text = content.text ?? '';
  if (content.blocks !== undefined) message.blocks = content.blocks;
  if (content.attachments !== undefined) message.attachments = content.attachments;
  if (content.metadata !== undefined) message.metadata = content.metadata;
  message.edited = { user: state.botUserId, ts: state.nextTs() };
  return {
    ok: true,
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    message: renderMessage(message, [], true),
  };
};

const remove: MethodHandler = (args, { state }) => {
  const message = ownMessage(state, args, 'ts', 'cant_delete_message');
  if (!isMessage(message)) return message;
  state.removeMessage(message.channel, message.ts);
  return { ok: true, channel: message.channel, ts: message.ts };
};

const postEphemeral: MethodHandler = (args, { state }) => {
  const target = accessibleConversation(state, str(args, 'channel'), { write: true });
  if (isFailure(target)) return target;
  const user = str(args, 'user');
  if (!user || !state.users.has(user)) return fail('user_not_found');
  const present = target.kind === 'dm' ? target.user === user : target.channel.members.has(user);
  if (!present) return fail('user_not_in_channel');
  const message = addPosted(state, target.id, args, { user, ephemeral: true });
  if (!isMessage(message)) return message;
  return { ok: true, message_ts: message.ts };
};

const getPermalink: MethodHandler = (args, { state, baseUrl }) => {
  const conversation = findConversation(state, str(args, 'channel'));
  if (!conversation) return fail('channel_not_found');
  const ts = str(args, 'message_ts');
  const message = ts ? state.findMessage(conversation.id, ts) : undefined;
  if (!message) return fail('message_not_found');
  let permalink = `${baseUrl}/archives/${conversation.id}/p${message.ts.replace('.', '')}`;
  if (message.thread_ts && message.thread_ts !== message.ts) {
    permalink += `?thread_ts=${message.thread_ts}&cid=${conversation.id}`;
  }
  return { ok: true, channel: conversation.id, permalink };
};

const lookupByEmail: MethodHandler = (args, { state }) => {
  const email = str(args, 'email')?.toLowerCase();
  if (!email) return fail('invalid_arguments');
  for (const user of state.users.values()) {
    if (user.email?.toLowerCase() === email) return { ok: true, user: renderUser(user, state.teamId) };
  }
  return fail('users_not_found');
};

const usersInfo: MethodHandler = (args, { state }) => {
  const user = state.users.get(str(args, 'user') ?? '');
  if (!user) return fail('user_not_found');
  return { ok: true, user: renderUser(user, state.teamId) };
};

const authTest: MethodHandler = (_args, { state, baseUrl }) => ({
  ok: true,
  url: `${baseUrl}/`,
  team: 'Rootcause Test',
  team_id: state.teamId,
  user: state.users.get(state.botUserId)?.name ?? 'rootcause',
  user_id: state.botUserId,
  bot_id: state.botId,
  is_enterprise_install: false,
});

export const chatMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.delete': remove,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
  'users.lookupByEmail': lookupByEmail,
  'users.info': usersInfo,
};
