/**
 * Chat: what the domain relies on, run against SlackChat over the Slack fake (real WebClient,
 * real Web API wire) and against MemoryChat.
 */
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackChat } from '../../src/adapters/slack/slack-chat.js';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import type { ChatMessage } from '../../src/domain/chat-message.js';
import type { Chat } from '../../src/domain/ports.js';
import { MemoryChat, readMessage } from '../support/memory-chat.js';
import { channel as channelRef, icon, mention, strong } from '../../src/domain/document.js';

interface Harness {
  chat: Chat<ChatMessage>;
  addUser(user: { id: string; name: string; email: string; tz: string }): void;
  /** A channel the bot is in, made by someone else unless `createdByBot`. */
  addChannel(name: string, opts?: { createdByBot?: boolean; archived?: boolean }): string;
  /** The text a person reads of the message at `ts`. */
  textOf(channel: string, ts: string): string | undefined;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function overFakeSlack(): Promise<Harness> {
  const slack = await FakeSlack.start();
  closers.push(() => slack.close());
  const chat = new SlackChat(new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } }));
  return {
    chat,
    addUser: (user) => void slack.addUser(user),
    addChannel: (name, opts = {}) => slack.addChannel(name, { creator: opts.createdByBot ? 'UBOT' : 'UHUMAN', is_archived: opts.archived ?? false }).id,
    textOf: (channel, ts) => slack.messages(channel).find((m) => m.ts === ts)?.text,
  };
}

async function inMemory(): Promise<Harness> {
  const chat = new MemoryChat();
  return {
    chat,
    addUser: (user) => void chat.addUser(user),
    addChannel: (name, opts) => chat.addChannel(name, opts).id,
    textOf: (channel, ts) => {
      const found = chat.posts.find((m) => m.channel === channel && m.ts === ts);
      return found === undefined ? undefined : readMessage(found.message);
    },
  };
}

const chats: [string, () => Promise<Harness>][] = [
  ['SlackChat over the Slack fake', overFakeSlack],
  ['MemoryChat', inMemory],
];

const text = (key: string, body: string): ChatMessage => ({ key, kind: 'text', text: body });

describe.each(chats)('Chat contract: %s', (_name, makeHarness) => {
  it('posts and finds a message again by its key, at the top or in a thread', async () => {
    const { chat, addChannel } = await makeHarness();
    const channel = addChannel('inc-contract');
    const top = await chat.post(channel, text('inc-1/card', 'The card'));
    expect(top).toMatch(/^\d+\.\d+$/);
    const reply = await chat.post(channel, text('inc-1/triage', 'In the thread'), { threadTs: top });
    expect(reply).not.toBe(top);
    expect(await chat.findPostedMessage(channel, 'inc-1/card')).toBe(top);
    expect(await chat.findPostedMessage(channel, 'inc-1/triage', top)).toBe(reply);
    // The channel's history does not show thread replies.
    expect(await chat.findPostedMessage(channel, 'inc-1/triage')).toBeUndefined();
    expect(await chat.findPostedMessage(channel, 'inc-1/never')).toBeUndefined();
  });

  it('writes structured text in its own markup: people and channels as mentions, text escaped', async () => {
    const { chat, addChannel, textOf } = await makeHarness();
    const channel = addChannel('inc-contract');
    const ts = await chat.post(channel, { key: 'inc-1/note', kind: 'text', text: [icon('note'), ' Note from ', mention('U0ALICE'), ' in ', channelRef(channel), ': ', strong('p99 > 2s & rising')] });
    expect(textOf(channel, ts)).toBe(`:memo: Note from <@U0ALICE> in <#${channel}>: *p99 &gt; 2s &amp; rising*`);
  });

  it('reads what a person typed as plain words, naming people and channels by id', async () => {
    const { chat } = await makeHarness();
    expect(chat.readText('ask <@U0BOB|bob> in <#C0WAR> about &lt;init&gt;')).toEqual({ text: 'ask @U0BOB in #C0WAR about <init>', mentions: ['U0BOB', 'C0WAR'] });
  });

  it('updates a message in place', async () => {
    const { chat, addChannel, textOf } = await makeHarness();
    const channel = addChannel('inc-contract');
    const ts = await chat.post(channel, text('inc-1/announce', 'Triggered'));
    await chat.update(channel, ts, text('inc-1/announce', 'Acknowledged'));
    expect(textOf(channel, ts)).toBe('Acknowledged');
    expect(await chat.findPostedMessage(channel, 'inc-1/announce')).toBe(ts);
  });

  it('creates a channel once per name (an archived one keeps its name) and finds it by name', async () => {
    const { chat, addChannel } = await makeHarness();
    const created = await chat.createChannel('inc-20260301-42-db');
    if (!('created' in created)) throw new Error('expected a new channel');
    expect(created.created.name).toBe('inc-20260301-42-db');
    expect(await chat.createChannel('inc-20260301-42-db')).toEqual({ taken: true });
    addChannel('inc-old', { archived: true });
    expect(await chat.createChannel('inc-old')).toEqual({ taken: true });
    expect(await chat.findChannelByName('inc-20260301-42-db')).toEqual({ ...created.created, createdByBot: true });
    const human = addChannel('general');
    expect(await chat.findChannelByName('general')).toEqual({ id: human, name: 'general', createdByBot: false });
    expect(await chat.findChannelByName('nowhere')).toBeUndefined();
  });

  it('shares a file, found again by its name in the channel or in a thread', async () => {
    const { chat, addChannel } = await makeHarness();
    const channel = addChannel('inc-contract');
    const file = { filename: 'postmortem-pd-1.md', title: 'Post-mortem', content: '# Post-mortem\n' };
    expect(await chat.findSharedFile(channel, file.filename)).toBe(false);
    await chat.uploadFile(channel, file);
    expect(await chat.findSharedFile(channel, file.filename)).toBe(true);
    expect(await chat.findSharedFile(channel, 'other.md')).toBe(false);
    const parent = await chat.post(channel, text('inc-1/triage', 'Triage'));
    await chat.uploadFile(channel, { ...file, filename: 'evidence.txt' }, { threadTs: parent });
    expect(await chat.findSharedFile(channel, 'evidence.txt', { threadTs: parent })).toBe(true);
    expect(await chat.findSharedFile(channel, 'evidence.txt')).toBe(false);
  });

  it('invites people one by one: invited, already in, or failed with a reason', async () => {
    const { chat, addChannel, addUser } = await makeHarness();
    addUser({ id: 'U0ALICE', name: 'Alice Adams', email: 'alice@example.com', tz: 'Europe/Berlin' });
    const channel = addChannel('inc-contract');
    expect(await chat.inviteUsers(channel, ['U0ALICE', 'U0NOBODY'])).toEqual({ invited: ['U0ALICE'], alreadyIn: [], failed: [{ userId: 'U0NOBODY', reason: 'user not found' }] });
    expect(await chat.inviteUsers(channel, ['U0ALICE', 'U0ALICE'])).toEqual({ invited: [], alreadyIn: ['U0ALICE'], failed: [] });
  });

  it('knows people: by e-mail, their name and time zone; DMs them and finds the DM by key', async () => {
    const { chat, addUser } = await makeHarness();
    addUser({ id: 'U0ALICE', name: 'Alice Adams', email: 'alice@example.com', tz: 'Europe/Berlin' });
    expect(await chat.findUserIdByEmail('alice@example.com')).toBe('U0ALICE');
    expect(await chat.findUserIdByEmail('nobody@example.com')).toBeUndefined();
    expect(await chat.userName('U0ALICE')).toBe('Alice Adams');
    expect(await chat.userTimeZone('U0ALICE')).toBe('Europe/Berlin');
    await expect(chat.userName('U0NOBODY')).rejects.toThrow();
    const ts = await chat.postDirect('U0ALICE', text('reminder/A1-due', 'A1 is due'));
    expect(await chat.findPostedMessage('U0ALICE', 'reminder/A1-due')).toBe(ts);
  });
});
