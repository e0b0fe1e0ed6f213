// The workspace the Slack fake simulates: users, channels, DMs, messages, files.
// Kept apart from the HTTP layer so method handlers are plain functions over this state.

export interface FakeUser {
  id: string;
  name: string;
  email?: string;
  /** IANA zone; default 'America/New_York'. */
  tz: string;
  is_bot: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  topic: string;
  purpose: string;
  creator: string;
  /** Unix seconds. */
  created: number;
  is_archived: boolean;
  is_private: boolean;
  members: Set<string>;
}

export interface FakeMessage {
  ts: string;
  channel: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: Record<string, unknown>;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  edited?: { user: string; ts: string };
  /** Ephemeral messages are recorded but never appear in history; `user` is the recipient. */
  ephemeral?: boolean;
  files?: Array<{ id: string; title: string; name?: string }>;
  reactions?: string[];
  pinned?: boolean;
}

export interface FakeFile {
  id: string;
  filename: string;
  length: number;
  title: string;
  /** Set once bytes were posted to the upload URL. */
  content?: string;
  /** Set by files.completeUploadExternal when shared to a channel. */
  channel?: string;
  completed: boolean;
}

export interface AddChannelOptions {
  id?: string;
  is_private?: boolean;
  is_archived?: boolean;
  topic?: string;
  purpose?: string;
  creator?: string;
  /** Users added as members (besides the bot). */
  members?: string[];
  /** Whether the bot is a member; default true. */
  botIsMember?: boolean;
}

export interface AddUserInput {
  id: string;
  name: string;
  email?: string;
  tz?: string;
  is_bot?: boolean;
}

export class SlackState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  /** DM channel id by user id; a DM is not a FakeChannel (no name, members are bot + user). */
  readonly dmByUser = new Map<string, string>();
  readonly userByDm = new Map<string, string>();
  readonly files = new Map<string, FakeFile>();
  private readonly messagesByChannel = new Map<string, FakeMessage[]>();
  private idCounter = 0;
  private lastTsMicros = 0n;

  constructor(
    readonly teamId: string,
    readonly botUserId: string,
    readonly botId: string,
  ) {
    this.addUser({ id: botUserId, name: 'rootcause', is_bot: true });
  }

  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0${this.idCounter.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Slack ts from the wall clock in microseconds, bumped so every ts is unique and increasing. */
  nextTs(): string {
    let micros = BigInt(Date.now()) * 1000n;
    if (micros <= this.lastTsMicros) micros = this.lastTsMicros + 1n;
    this.lastTsMicros = micros;
    const text = micros.toString();
    return `${text.slice(0, -6)}.${text.slice(-6)}`;
  }

  addUser(input: AddUserInput): FakeUser {
    const user: FakeUser = {
      id: input.id,
      name: input.name,
      tz: input.tz ?? 'America/New_York',
      is_bot: input.is_bot ?? false,
      ...(input.email !== undefined ? { email: input.email } : {}),
    };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(name: string, opts: AddChannelOptions = {}): FakeChannel {
    const members = new Set(opts.members ?? []);
    if (opts.botIsMember ?? true) members.add(this.botUserId);
    const channel: FakeChannel = {
      id: opts.id ?? this.nextId('C'),
      name,
      topic: opts.topic ?? '',
      purpose: opts.purpose ?? '',
      creator: opts.creator ?? this.botUserId,
      created: Math.floor(Date.now() / 1000),
      is_archived: opts.is_archived ?? false,
      is_private: opts.is_private ?? false,
      members,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  channelByName(name: string): FakeChannel | undefined {
    for (const channel of this.channels.values()) if (channel.name === name) return channel;
    return undefined;
  }

  /** The DM channel id with a user, created on first use (stable per user). */
  openDm(userId: string): string {
    let id = this.dmByUser.get(userId);
    if (!id) {
      id = this.nextId('D');
      this.dmByUser.set(userId, id);
      this.userByDm.set(id, userId);
    }
    return id;
  }

  messages(channelId: string): FakeMessage[] {
    let list = this.messagesByChannel.get(channelId);
    if (!list) {
      list = [];
      this.messagesByChannel.set(channelId, list);
    }
    return list;
  }

  findMessage(channelId: string, ts: string): FakeMessage | undefined {
    return this.messages(channelId).find((m) => m.ts === ts && !m.ephemeral);
  }

  removeMessage(channelId: string, ts: string): boolean {
    const list = this.messages(channelId);
    const index = list.findIndex((m) => m.ts === ts && !m.ephemeral);
    if (index === -1) return false;
    list.splice(index, 1);
    return true;
  }

  /** Appends a message as if someone (default: the bot) had posted it. */
  addMessage(channelId: string, input: Omit<FakeMessage, 'ts' | 'channel'> & { ts?: string }): FakeMessage {
    const message: FakeMessage = { ...input, channel: channelId, ts: input.ts ?? this.nextTs() };
    this.messages(channelId).push(message);
    return message;
  }

  dms(userId: string): FakeMessage[] {
    const id = this.dmByUser.get(userId);
    return id ? [...this.messages(id)] : [];
  }

  isMember(channel: FakeChannel, userId: string): boolean {
    return channel.members.has(userId);
  }
}

/** The channel object as Slack returns it, trimmed to the fields clients read. */
export function renderChannel(channel: FakeChannel, viewer: string): Record<string, unknown> {
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.is_private,
    is_group: channel.is_private,
    is_im: false,
    is_mpim: false,
    is_private: channel.is_private,
    is_archived: channel.is_archived,
    is_general: false,
    is_member: channel.members.has(viewer),
    created: channel.created,
    creator: channel.creator,
    topic: { value: channel.topic, creator: channel.topic ? viewer : '', last_set: 0 },
    purpose: { value: channel.purpose, creator: channel.purpose ? viewer : '', last_set: 0 },
    num_members: channel.members.size,
  };
}

export function renderDm(id: string, userId: string): Record<string, unknown> {
  return { id, is_im: true, is_channel: false, is_group: false, is_private: true, is_archived: false, user: userId };
}

/** Offset of an IANA zone from UTC right now, in seconds (what users.info calls tz_offset). */
function tzOffsetSeconds(tz: string, at = new Date()): number {
  const label = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

export function renderUser(user: FakeUser, teamId: string): Record<string, unknown> {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    real_name: user.name,
    deleted: false,
    is_bot: user.is_bot,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: tzOffsetSeconds(user.tz),
    profile: {
      real_name: user.name,
      display_name: user.name,
      ...(user.email !== undefined ? { email: user.email } : {}),
    },
  };
}

/** A message as history/replies return it; metadata only when the caller asked for it. */
export function renderMessage(
  message: FakeMessage,
  all: FakeMessage[],
  includeMetadata: boolean,
): Record<string, unknown> {
  const replies = all.filter((m) => m.thread_ts === message.ts && m.ts !== message.ts && !m.ephemeral);
  const out: Record<string, unknown> = { type: 'message', ts: message.ts, text: message.text };
  if (message.user !== undefined) out.user = message.user;
  if (message.bot_id !== undefined) out.bot_id = message.bot_id;
  if (message.blocks !== undefined) out.blocks = message.blocks;
  if (message.attachments !== undefined) out.attachments = message.attachments;
  if (message.edited !== undefined) out.edited = message.edited;
  if (message.files !== undefined) out.files = message.files;
  if (message.reactions !== undefined) {
    out.reactions = message.reactions.map((name) => ({ name, count: 1, users: [] }));
  }
  if (message.pinned) out.pinned_to = [message.channel];
  if (includeMetadata && message.metadata !== undefined) out.metadata = message.metadata;
  if (message.thread_ts !== undefined) out.thread_ts = message.thread_ts;
  if (replies.length > 0) {
    out.thread_ts = message.ts;
    out.reply_count = replies.length;
    out.latest_reply = replies[replies.length - 1]?.ts;
  }
  return out;
}
