/**
 * What the visitor's Slack client shows at one moment: the conversation list, the open
 * conversation's messages (with what only the visitor sees), and an open thread. Built from the
 * Slack fake's recorded workspace; each message is drawn by the Slack-like renderer, then made
 * live: buttons carry their action, threads their "N replies" link.
 */
import type { FakeSlack } from './fakes/fake-slack.js';
import type { Ephemeral } from './bot-wire.js';
import { escapeHtml, mrkdwnToHtml } from './slack-html/mrkdwn.js';
import type { RenderContext } from './slack-html/mrkdwn.js';
import { renderMessage } from './slack-html/render-page.js';
import type { DumpMessage, SlackDump } from './slack-html/slack-dump.js';

export interface ConversationItem {
  id: string;
  /** "incidents", "inc-…", or the other person's name for a DM. */
  name: string;
  kind: 'channel' | 'dm';
}

export interface PageView {
  conversations: ConversationItem[];
  channel: ConversationItem & { topic: string };
  messagesHtml: string;
  /** The open thread's parent and replies, when one is open. */
  threadHtml: string | null;
}

export interface ViewRequest {
  viewer: string;
  channel?: string;
  thread?: string;
  /** The browser's IANA zone: times and date tokens are drawn in it. */
  timeZone: string;
  ephemerals: (channel: string, user: string) => Ephemeral[];
  /** Listed first: where incidents are announced. */
  announceChannel: string;
}

export function renderView(slack: FakeSlack, req: ViewRequest): PageView {
  const dump = slack.dump();
  const conversations = listConversations(dump, req.viewer, req.announceChannel);
  const open = conversations.find((c) => c.id === req.channel) ?? conversations[0] ?? { id: req.announceChannel, name: 'incidents', kind: 'channel' as const };
  const ctx: RenderContext = {
    timeZone: req.timeZone,
    users: new Map(dump.users.map((u) => [u.id, u.name])),
    channels: new Map(dump.channels.map((c) => [c.id, c.name])),
  };
  const all = dump.messages.filter((m) => m.channel === open.id && (!m.ephemeral || m.user === req.viewer));
  const mine: DumpMessage[] = req.ephemerals(open.id, req.viewer).map((e) => ({ channel: e.channel, ts: e.ts, text: e.text, ...(e.blocks ? { blocks: e.blocks } : {}), ephemeral: true, user: e.user, ...(e.command ? {} : { bot_id: 'B0BOT' }) }));
  const isTop = (m: DumpMessage) => m.thread_ts === undefined || m.thread_ts === m.ts || m.ephemeral === true;
  const tops = [...all.filter(isTop), ...mine].sort((a, b) => Number(a.ts) - Number(b.ts));
  const repliesOf = (ts: string) => all.filter((m) => !isTop(m) && m.thread_ts === ts);
  const viewerName = dump.users.find((u) => u.id === req.viewer)?.name ?? '';
  const draw = (m: DumpMessage, replyCount: number) => live(renderMessage(dump, m, ctx), m, replyCount, viewerName);
  const messagesHtml = tops.map((m) => draw(m, repliesOf(m.ts).length)).join('') || '<div class="empty">No messages yet.</div>';
  let threadHtml: string | null = null;
  const parent = req.thread === undefined ? undefined : all.find((m) => m.ts === req.thread);
  if (parent) {
    const replies = repliesOf(parent.ts);
    threadHtml = [draw(parent, 0), `<div class="thread-count">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</div>`, ...replies.map((r) => draw(r, 0))].join('');
  }
  const topic = dump.channels.find((c) => c.id === open.id)?.topic ?? '';
  return { conversations, channel: { ...open, topic: mrkdwnToHtml(topic, ctx) }, messagesHtml, threadHtml };
}

function listConversations(dump: SlackDump, viewer: string, announce: string): ConversationItem[] {
  const channels = dump.channels
    .filter((c) => !c.is_im && !c.is_archived)
    .sort((a, b) => (a.id === announce ? -1 : b.id === announce ? 1 : 0))
    .map((c) => ({ id: c.id, name: c.name, kind: 'channel' as const }));
  // The visitor's own DMs with the bot ("rootcause"); a DM in the dump is named after the person.
  const viewerName = dump.users.find((u) => u.id === viewer)?.name;
  const dms = dump.channels.filter((c) => c.is_im && c.name === viewerName).map((c) => ({ id: c.id, name: 'rootcause', kind: 'dm' as const }));
  return [...channels, ...dms];
}

/**
 * Buttons become clickable (their action id and value), a thread parent gets its replies link,
 * and what only the visitor sees says so as Slack says it to them.
 */
function live(html: string, m: DumpMessage, replyCount: number, viewerName: string): string {
  const buttons = clickableElements(m.blocks ?? []);
  let i = 0;
  let out = html.replace(/<span class="btn([^"]*)">([\s\S]*?)<\/span>/g, (whole, cls: string, label: string) => {
    const el = buttons[i++];
    if (el?.type !== 'button' || typeof el.action_id !== 'string') return whole;
    const value = typeof el.value === 'string' ? el.value : '';
    return `<button class="btn${cls}" data-action-id="${escapeHtml(el.action_id)}" data-value="${escapeHtml(value)}" data-ts="${escapeHtml(m.ts)}">${label}</button>`;
  });
  if (m.ephemeral) out = out.replace(`Only visible to ${escapeHtml(viewerName)}`, 'Only visible to you');
  if (replyCount > 0) {
    out = out.replace(/<\/div><\/div>$/, `<a class="replies" href="#" data-thread="${escapeHtml(m.ts)}">${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}</a></div></div>`);
  }
  return out;
}

type Element = Record<string, unknown>;

/** The elements the renderer draws as `<span class="btn…">`, in the order it draws them. */
function clickableElements(blocks: unknown[]): Element[] {
  const out: Element[] = [];
  const drawsAsButton = (e: unknown): e is Element =>
    typeof e === 'object' && e !== null && !['static_select', 'users_select', 'conversations_select', 'channels_select', 'external_select', 'datepicker', 'image'].includes(String((e as Element).type));
  for (const b of blocks) {
    if (typeof b !== 'object' || b === null) continue;
    const block = b as Element;
    if (block.type === 'section' && drawsAsButton(block.accessory)) out.push(block.accessory);
    if (block.type === 'actions' && Array.isArray(block.elements)) out.push(...block.elements.filter(drawsAsButton));
  }
  return out;
}
