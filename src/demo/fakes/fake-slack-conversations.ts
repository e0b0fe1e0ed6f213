// conversations.* methods of the Slack fake, with the errors the real API answers.
import {
  accessibleConversation,
  fail,
  findConversation,
  isFailure,
  paginate,
  str,
  tsKey,
} from './fake-slack-api.js';
import type { MethodHandler, SlackArgs, SlackResult } from './fake-slack-api.js';
import { renderChannel, renderDm, renderMessage } from './fake-slack-state.js';
import type { FakeChannel, FakeMessage, SlackState } from './fake-slack-state.js';
import { isTruthyFlag } from './http-util.js';

const MAX_NAME_LENGTH = 80;
const MAX_TOPIC_LENGTH = 250;
const MAX_INVITEES = 100;

/** Channel checks shared by the methods that change a channel the bot must be in. */
function managedChannel(state: SlackState, args: SlackArgs): FakeChannel | ReturnType<typeof fail> {
  const conversation = findConversation(state, str(args, 'channel'));
  if (!conversation) return fail('channel_not_found');
  if (conversation.kind === 'dm') return fail('method_not_supported_for_channel_type');
  const { channel } = conversation;
  if (!channel.members.has(state.botUserId)) {
    return fail(channel.is_private ? 'channel_not_found' : 'not_in_channel');
  }
  if (channel.is_archived) return fail('is_archived');
  return channel;
}

function isChannel(value: FakeChannel | ReturnType<typeof fail>): value is FakeChannel {
  return !('ok' in value);
}

const create: MethodHandler = (args, { state }) => {
  const name = str(args, 'name') ?? '';
  if (!name) return fail('invalid_name_required');
  if (name.length > MAX_NAME_LENGTH) return fail('invalid_name_maxlength');
  if (!/^[a-z0-9_-]+$/.test(name)) return fail('invalid_name_specials');
  if (!/[a-z0-9]/.test(name)) return fail('invalid_name_punctuation');
  // Archived channels keep their names, so they block reuse too.
  if (state.channelByName(name)) return fail('name_taken');
  const channel = state.addChannel(name, { is_private: isTruthyFlag(args.is_private) });
  return { ok: true, channel: renderChannel(channel, state.botUserId) };
};

function setText(field: 'topic' | 'purpose'): MethodHandler {
  return (args, { state }) => {
    const channel = managedChannel(state, args);
    if (!isChannel(channel)) return channel;
    const value = str(args, field) ?? '';
    if (value.length > MAX_TOPIC_LENGTH) return fail('too_long');
    channel[field] = value;
    return { ok: true, channel: renderChannel(channel, state.botUserId) };
  };
}

const invite: MethodHandler = (args, { state }) => {
  const channel = managedChannel(state, args);
  if (!isChannel(channel)) return channel;
  const users = (str(args, 'users') ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return fail('no_user');
  if (users.length > MAX_INVITEES) return fail('too_many_users');
  const errors: Array<{ user: string; ok: false; error: string }> = [];
  const valid: string[] = [];
  for (const user of users) {
    let error: string | undefined;
    if (user === state.botUserId) error = 'cant_invite_self';
    else if (!state.users.has(user)) error = 'user_not_found';
    else if (channel.members.has(user)) error = 'already_in_channel';
    if (error) errors.push({ user, ok: false, error });
    else valid.push(user);
  }
  // Without force one bad invitee fails the whole call; with force the valid ones still join.
  const force = isTruthyFlag(args.force);
  if (errors.length === 0 || force) for (const user of valid) channel.members.add(user);
  if (errors.length > 0) return fail(errors[0]?.error ?? 'cant_invite', { errors });
  return { ok: true, channel: renderChannel(channel, state.botUserId) };
};

const join: MethodHandler = (args, { state }) => {
  const conversation = findConversation(state, str(args, 'channel'));
  if (!conversation) return fail('channel_not_found');
  if (conversation.kind === 'dm') return fail('method_not_supported_for_channel_type');
  const { channel } = conversation;
  if (channel.is_private) {
    return channel.members.has(state.botUserId)
      ? { ok: true, channel: renderChannel(channel, state.botUserId) }
      : fail('channel_not_found');
  }
  if (channel.is_archived) return fail('is_archived');
  const already = channel.members.has(state.botUserId);
  channel.members.add(state.botUserId);
  return {
    ok: true,
    channel: renderChannel(channel, state.botUserId),
    ...(already
      ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
      : {}),
  };
};

const info: MethodHandler = (args, { state }) => {
  const conversation = findConversation(state, str(args, 'channel'));
  if (!conversation) return fail('channel_not_found');
  if (conversation.kind === 'dm') return { ok: true, channel: renderDm(conversation.id, conversation.user) };
  const { channel } = conversation;
  if (channel.is_private && !channel.members.has(state.botUserId)) return fail('channel_not_found');
  return { ok: true, channel: renderChannel(channel, state.botUserId) };
};

const list: MethodHandler = (args, { state }) => {
  const types = new Set((str(args, 'types') ?? 'public_channel').split(',').map((t) => t.trim()));
  const excludeArchived = isTruthyFlag(args.exclude_archived);
  const all: Array<Record<string, unknown>> = [];
  for (const channel of state.channels.values()) {
    if (excludeArchived && channel.is_archived) continue;
    const visible = channel.is_private
      ? types.has('private_channel') && channel.members.has(state.botUserId)
      : types.has('public_channel');
    if (visible) all.push(renderChannel(channel, state.botUserId));
  }
  if (types.has('im')) for (const [user, id] of state.dmByUser) all.push(renderDm(id, user));
  const { page, response_metadata } = paginate(all, args, 100, 1000);
  return { ok: true, channels: page, response_metadata };
};

/** Filters by oldest/latest the way Slack does: exclusive bounds unless `inclusive`. */
function inRange(ts: string, args: SlackArgs): boolean {
  const inclusive = isTruthyFlag(args.inclusive);
  const key = tsKey(ts);
  const oldest = str(args, 'oldest');
  const latest = str(args, 'latest');
  if (oldest && (inclusive ? key < tsKey(oldest) : key <= tsKey(oldest))) return false;
  if (latest && (inclusive ? key > tsKey(latest) : key >= tsKey(latest))) return false;
  return true;
}

const history: MethodHandler = (args, { state }) => {
  const conversation = accessibleConversation(state, str(args, 'channel'));
  if (isFailure(conversation)) return conversation;
  const all = state.messages(conversation.id);
  // History shows top-level messages only (thread replies live in conversations.replies), newest first.
  const topLevel = all
    .filter((m) => !m.ephemeral && (m.thread_ts === undefined || m.thread_ts === m.ts) && inRange(m.ts, args))
    .sort((a, b) => (tsKey(b.ts) > tsKey(a.ts) ? 1 : -1));
  return messagePage(topLevel, all, args, { defaultLimit: 100, maxLimit: 999 });
};

/** One page of `messages` as conversations.history and .replies answer it (`all`: the conversation, for reply counts). */
function messagePage(messages: FakeMessage[], all: FakeMessage[], args: SlackArgs, limits: { defaultLimit: number; maxLimit: number }): SlackResult {
  const { page, hasMore, response_metadata } = paginate(messages, args, limits.defaultLimit, limits.maxLimit);
  const includeMetadata = isTruthyFlag(args.include_all_metadata);
  return {
    ok: true,
    messages: page.map((m) => renderMessage(m, all, includeMetadata)),
    has_more: hasMore,
    response_metadata,
  };
}

const replies: MethodHandler = (args, { state }) => {
  const conversation = accessibleConversation(state, str(args, 'channel'));
  if (isFailure(conversation)) return conversation;
  const ts = str(args, 'ts');
  if (!ts) return fail('invalid_arguments');
  const all = state.messages(conversation.id);
  const parent = all.find((m) => m.ts === ts && !m.ephemeral);
  if (!parent) return fail('thread_not_found');
  const thread = all
    .filter((m) => !m.ephemeral && m.ts !== ts && m.thread_ts === ts && inRange(m.ts, args))
    .sort((a, b) => (tsKey(a.ts) > tsKey(b.ts) ? 1 : -1));
  return messagePage([parent, ...thread], all, args, { defaultLimit: 1000, maxLimit: 1000 });
};

const open: MethodHandler = (args, { state }) => {
  const channelArg = str(args, 'channel');
  if (channelArg) {
    const conversation = findConversation(state, channelArg);
    if (conversation?.kind !== 'dm') return fail('channel_not_found');
    return { ok: true, channel: renderDm(conversation.id, conversation.user) };
  }
  const users = (str(args, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const [user] = users;
  if (!user) return fail('users_list_not_supplied');
  // Group DMs (several users) are not something the bot uses; say so rather than fake them.
  if (users.length > 1) return fail('fake_does_not_support_mpim');
  if (!state.users.has(user)) return fail('user_not_found');
  const alreadyOpen = state.dmByUser.has(user);
  const id = state.openDm(user);
  const channel = isTruthyFlag(args.return_im) ? renderDm(id, user) : { id };
  return { ok: true, channel, ...(alreadyOpen ? { already_open: true, no_op: true } : {}) };
};

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.create': create,
  'conversations.setTopic': setText('topic'),
  'conversations.setPurpose': setText('purpose'),
  'conversations.invite': invite,
  'conversations.join': join,
  'conversations.info': info,
  'conversations.list': list,
  'conversations.history': history,
  'conversations.replies': replies,
  'conversations.open': open,
};
