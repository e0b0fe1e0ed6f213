/**
 * Chat in memory: channels, keyed posts (threads too), edits, invites, topics, files, ephemeral
 * answers and DMs, as SlackChat and Slack would keep them. Failures are injected per method:
 * `failNext('post')` fails the next post before it happens, `failNext('uploadFile', { afterActing:
 * true })` does it and then fails, like a Slack answer lost after the work was done.
 */
import type { ChatMessage } from '../../src/domain/chat-message.js';
import type { Chat, ChatChannel, InviteResult } from '../../src/domain/ports.js';
import type { Inline } from '../../src/domain/document.js';
import { readSlackText } from '../../src/adapters/slack/slack-text.js';
import { mrkdwn } from '../../src/adapters/slack/render-document.js';
import { RootcauseError, dependencyRejected, dependencyUnavailable } from '../../src/errors.js';

export interface MemoryMessage {
  ts: string;
  channel: string;
  threadTs: string | undefined;
  message: ChatMessage;
  /** Every earlier version, oldest first (chat.update keeps none of them in Slack). */
  edits: ChatMessage[];
}

export interface MemoryFile {
  ts: string;
  channel: string;
  threadTs: string | undefined;
  filename: string;
  title: string;
  content: string;
}

export interface MemoryChannel extends ChatChannel {
  createdByBot: boolean;
  archived: boolean;
  topic: string | undefined;
  members: Set<string>;
}

export interface MemoryUser {
  id: string;
  name?: string | undefined;
  email?: string | undefined;
  tz?: string | undefined;
}

type Method = keyof Chat;
interface Failure {
  afterActing: boolean;
  error: Error;
}

export const MEMORY_BOT_USER = 'UBOT';

export class MemoryChat implements Chat<ChatMessage> {
  readonly channels = new Map<string, MemoryChannel>();
  readonly users = new Map<string, MemoryUser>();
  readonly posts: MemoryMessage[] = [];
  readonly files: MemoryFile[] = [];
  readonly ephemerals: { channel: string; userId: string; message: ChatMessage }[] = [];
  readonly responses: { responseUrl: string; text: string }[] = [];
  /** Every call by method name, failed ones too, in order. */
  readonly calls: Method[] = [];
  private readonly failures = new Map<Method, Failure[]>();
  private clock = 1_700_000_000_000;
  private channelCounter = 0;

  addUser(user: MemoryUser): MemoryUser {
    this.users.set(user.id, user);
    return user;
  }

  /** A channel someone else made (or the bot, with `createdByBot`); the bot is in it. */
  addChannel(name: string, opts: { createdByBot?: boolean; archived?: boolean } = {}): MemoryChannel {
    const channel: MemoryChannel = { id: `C${String(++this.channelCounter).padStart(6, '0')}`, name, createdByBot: opts.createdByBot ?? false, archived: opts.archived ?? false, topic: undefined, members: new Set([MEMORY_BOT_USER]) };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The next call of `method` fails with a retryable error (or `error`); with `afterActing`, after doing what it was asked. */
  failNext(method: Method, opts: { afterActing?: boolean; error?: Error; times?: number } = {}): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (opts.times ?? 1); i++) {
      list.push({ afterActing: opts.afterActing ?? false, error: opts.error ?? dependencyUnavailable('Slack', `${method}: injected failure`) });
    }
    this.failures.set(method, list);
  }

  /** Top-level messages of a conversation (a user id: the DM with them), oldest first; a thread's with `threadTs`. */
  messages(channel: string, threadTs?: string): MemoryMessage[] {
    const id = this.conversationId(channel);
    return this.posts.filter((m) => m.channel === id && (threadTs === undefined ? m.threadTs === undefined : m.threadTs === threadTs));
  }

  /** What a person reads of each top-level message, oldest first (see `readMessage`). */
  texts(channel: string, threadTs?: string): string[] {
    return this.messages(channel, threadTs).map((m) => readMessage(m.message));
  }

  dms(userId: string): MemoryMessage[] {
    return this.messages(userId);
  }

  async createChannel(name: string): Promise<{ created: ChatChannel } | { taken: true }> {
    return this.act('createChannel', () => {
      if ([...this.channels.values()].some((c) => c.name === name)) return { taken: true as const };
      const channel = this.addChannel(name, { createdByBot: true });
      return { created: { id: channel.id, name: channel.name } };
    });
  }

  async findChannelByName(name: string): Promise<(ChatChannel & { createdByBot: boolean }) | undefined> {
    return this.act('findChannelByName', () => {
      // Like SlackChat: conversations.list without archived channels.
      const found = [...this.channels.values()].find((c) => c.name === name && !c.archived);
      return found === undefined ? undefined : { id: found.id, name: found.name, createdByBot: found.createdByBot };
    });
  }

  async setTopic(channelId: string, topic: string): Promise<void> {
    return this.act('setTopic', () => {
      this.channel(channelId).topic = topic;
    });
  }

  async inviteUsers(channelId: string, userIds: string[]): Promise<InviteResult> {
    return this.act('inviteUsers', () => {
      const channel = this.channel(channelId);
      const result: InviteResult = { invited: [], alreadyIn: [], failed: [] };
      for (const user of new Set(userIds)) {
        if (user === MEMORY_BOT_USER) continue;
        if (!this.users.has(user)) result.failed.push({ userId: user, reason: 'user not found' });
        else if (channel.members.has(user)) result.alreadyIn.push(user);
        else {
          channel.members.add(user);
          result.invited.push(user);
        }
      }
      return result;
    });
  }

  async findUserIdByEmail(email: string): Promise<string | undefined> {
    return this.act('findUserIdByEmail', () => [...this.users.values()].find((u) => u.email === email)?.id);
  }

  async post(channel: string, message: ChatMessage, opts: { threadTs?: string | undefined } = {}): Promise<string> {
    return this.act('post', () => this.record(channel, message, opts.threadTs));
  }

  async update(channel: string, ts: string, message: ChatMessage): Promise<void> {
    return this.act('update', () => {
      const id = this.conversationId(channel);
      const found = this.posts.find((m) => m.channel === id && m.ts === ts);
      if (found === undefined) throw dependencyRejected('Slack', 'chat.update: message_not_found');
      found.edits.push(found.message);
      found.message = structuredClone(message);
    });
  }

  async findPostedMessage(channel: string, key: string, threadTs?: string): Promise<string | undefined> {
    return this.act('findPostedMessage', () => this.visible(channel, threadTs).find((m) => m.message.key === key)?.ts);
  }

  async channelUrl(channelId: string): Promise<string> {
    return this.act('channelUrl', () => `https://memory.slack.test/archives/${channelId}`);
  }

  /** Kept as the mrkdwn Slack would receive. */
  async respond(responseUrl: string, text: Inline): Promise<void> {
    return this.act('respond', () => void this.responses.push({ responseUrl, text: mrkdwn(text) }));
  }

  async postEphemeral(channel: string, userId: string, message: ChatMessage): Promise<void> {
    return this.act('postEphemeral', () => {
      this.channel(channel);
      this.ephemerals.push({ channel, userId, message: structuredClone(message) });
    });
  }

  async userName(userId: string): Promise<string | undefined> {
    return this.act('userName', () => this.user(userId).name);
  }

  async userTimeZone(userId: string): Promise<string | undefined> {
    return this.act('userTimeZone', () => this.user(userId).tz);
  }

  async postDirect(userId: string, message: ChatMessage): Promise<string> {
    return this.act('postDirect', () => {
      this.user(userId);
      return this.record(userId, message, undefined);
    });
  }

  async uploadFile(channel: string, file: { filename: string; title: string; content: string }, opts: { threadTs?: string | undefined } = {}): Promise<void> {
    return this.act('uploadFile', () => {
      this.channel(channel);
      this.files.push({ ts: this.nextTs(), channel, threadTs: opts.threadTs, ...file });
    });
  }

  async findSharedFile(channel: string, filename: string, opts: { threadTs?: string | undefined } = {}): Promise<boolean> {
    return this.act('findSharedFile', () => this.files.some((f) => f.channel === channel && f.filename === filename && (opts.threadTs === undefined ? f.threadTs === undefined : f.threadTs === opts.threadTs)));
  }

  readText(text: string): { text: string; mentions: string[] } {
    return readSlackText(text);
  }

  private act<T>(method: Method, fn: () => T): Promise<T> {
    this.calls.push(method);
    const failure = this.failures.get(method)?.shift();
    if (failure === undefined) return Promise.resolve().then(fn);
    return Promise.resolve().then(() => {
      if (failure.afterActing) fn();
      throw failure.error;
    });
  }

  private record(channel: string, message: ChatMessage, threadTs: string | undefined): string {
    const id = this.conversationId(channel);
    if (!id.startsWith('D')) this.channel(id);
    if (threadTs !== undefined && !this.posts.some((m) => m.channel === id && m.ts === threadTs)) throw dependencyRejected('Slack', 'chat.postMessage: thread_not_found');
    const ts = this.nextTs();
    this.posts.push({ ts, channel: id, threadTs, message: structuredClone(message), edits: [] });
    return ts;
  }

  /** What conversations.history (or .replies, with the parent) shows. */
  private visible(channel: string, threadTs: string | undefined): MemoryMessage[] {
    const id = this.conversationId(channel);
    if (threadTs === undefined) return this.posts.filter((m) => m.channel === id && m.threadTs === undefined);
    return this.posts.filter((m) => m.channel === id && (m.ts === threadTs || m.threadTs === threadTs));
  }

  private conversationId(channel: string): string {
    if (!/^[UW]/.test(channel)) return channel;
    this.user(channel);
    return `D${channel}`;
  }

  private channel(id: string): MemoryChannel {
    const channel = this.channels.get(id);
    if (channel === undefined) throw dependencyRejected('Slack', `${id}: channel_not_found`);
    if (channel.archived) throw dependencyRejected('Slack', `${id}: is_archived`);
    return channel;
  }

  private user(id: string): MemoryUser {
    const user = this.users.get(id);
    if (user === undefined) throw new RootcauseError('DEPENDENCY_REJECTED', `Slack refused: users.info: user_not_found (${id})`, { dependency: 'Slack' });
    return user;
  }

  private nextTs(): string {
    this.clock += 1;
    return `${Math.floor(this.clock / 1000)}.${String((this.clock % 1000) * 1000).padStart(6, '0')}`;
  }
}

/** A message as a person reads it, in one line: the text itself (the mrkdwn Slack is sent), or what the card or document says first. */
export function readMessage(message: ChatMessage): string {
  switch (message.kind) {
    case 'text':
      return mrkdwn(message.text);
    case 'incident-card':
      return `[card] ${message.incident.title} (${message.incident.status})`;
    case 'document':
      return `[document] ${message.document.title}`;
    case 'action-reminder':
      return `[reminder ${message.reminder}] ${message.item.id}: ${message.item.text}`;
    case 'triage-summary':
      return '[triage summary]';
    case 'triage-progress':
      return '[triage progress]';
  }
}
