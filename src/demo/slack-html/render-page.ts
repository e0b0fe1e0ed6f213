/**
 * A recorded workspace as one static HTML page laid out like Slack: the channel list on the left,
 * then per channel its messages in order, thread replies indented under their parent with a reply
 * count, files as attachments, edits marked "(edited)". Pure (no Node APIs): the browser demo reuses it.
 */
import { blocksToHtml } from './blocks.js';
import { escapeHtml, mrkdwnToHtml } from './mrkdwn.js';
import type { RenderContext } from './mrkdwn.js';
import { SLACK_CSS } from './slack-css.js';
import type { DumpChannel, DumpFile, DumpMessage, SlackDump } from './slack-dump.js';

export interface RenderOptions {
  /** IANA zone the reader sees times in (date tokens, message times). */
  timeZone: string;
  /** For "today"/"yesterday"; default the render time. */
  now?: Date;
  /** Only these channels (ids or names), in this order; default all with messages. */
  channels?: string[];
  /** Only the top-level messages this keeps (their threads come with them). */
  keep?: (message: DumpMessage) => boolean;
  /** Page title; default "Slack — <team>". */
  title?: string;
  /** Leave out the channel list (screenshots of one channel). */
  sidebar?: boolean;
}

/** Lines of a shared file shown inline; the rest is summarised. */
const FILE_PREVIEW_LINES = 40;

export function renderWorkspace(dump: SlackDump, opts: RenderOptions): string {
  const ctx: RenderContext = {
    timeZone: opts.timeZone,
    ...(opts.now === undefined ? {} : { now: opts.now }),
    users: new Map(dump.users.map((u) => [u.id, u.name])),
    channels: new Map(dump.channels.map((c) => [c.id, c.name])),
  };
  const chosen = pickChannels(dump, opts.channels);
  const sidebar = opts.sidebar === false ? '' : `<nav class="sidebar"><div class="team">${escapeHtml(dump.team)}</div>${chosen.map((c) => `<a href="#${escapeHtml(c.id)}">${channelLabel(c)}</a>`).join('')}</nav>`;
  const body = chosen.map((c) => renderChannel(dump, c, ctx, opts)).join('');
  const title = opts.title ?? `Slack — ${dump.team}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${SLACK_CSS}</style></head><body><div class="app">${sidebar}<main>${body}</main></div></body></html>\n`;
}

function pickChannels(dump: SlackDump, wanted: string[] | undefined): DumpChannel[] {
  if (wanted !== undefined) return wanted.flatMap((w) => dump.channels.filter((c) => c.id === w || c.name === w));
  const used = new Set(dump.messages.map((m) => m.channel));
  return dump.channels.filter((c) => used.has(c.id));
}

function channelLabel(c: DumpChannel): string {
  return c.is_im ? `● ${escapeHtml(c.name)}` : `${c.is_private ? '🔒' : '#'} ${escapeHtml(c.name)}`;
}

export function renderChannel(dump: SlackDump, channel: DumpChannel, ctx: RenderContext, opts: Pick<RenderOptions, 'keep'> = {}): string {
  const messages = dump.messages.filter((m) => m.channel === channel.id);
  const isTop = (m: DumpMessage) => m.thread_ts === undefined || m.thread_ts === m.ts;
  const tops = messages.filter(isTop).filter((m) => opts.keep?.(m) ?? true);
  const html = tops
    .map((m) => {
      const replies = messages.filter((r) => !isTop(r) && r.thread_ts === m.ts);
      const thread = replies.length === 0 ? '' : `<div class="thread"><div class="reply-count">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</div>${replies.map((r) => renderMessage(dump, r, ctx)).join('')}</div>`;
      return `<div class="message-group">${renderMessage(dump, m, ctx)}${thread}</div>`;
    })
    .join('');
  const topic = channel.topic ? `<div class="topic">${mrkdwnToHtml(channel.topic, ctx)}</div>` : '';
  return `<section class="channel" id="${escapeHtml(channel.id)}"><header><h2>${channelLabel(channel)}</h2>${topic}</header>${html || '<div class="empty">No messages.</div>'}</section>`;
}

export function renderMessage(dump: SlackDump, m: DumpMessage, ctx: RenderContext): string {
  const author = dump.users.find((u) => u.id === (m.bot_id !== undefined ? dump.botUserId : m.user));
  const isBot = m.bot_id !== undefined || author?.is_bot === true;
  const name = escapeHtml(author?.name ?? m.user ?? 'unknown');
  const when = new Intl.DateTimeFormat('en-US', { timeZone: ctx.timeZone, hour: 'numeric', minute: '2-digit', hour12: true }).format(new Date(Number(m.ts) * 1000));
  const content = Array.isArray(m.blocks) && m.blocks.length > 0 ? blocksToHtml(m.blocks, ctx) : `<div class="b-text">${mrkdwnToHtml(m.text, ctx)}</div>`;
  const attachments = Array.isArray(m.attachments) ? m.attachments.map((a) => renderAttachment(a, ctx)).join('') : '';
  const files = (m.files ?? []).map((f) => renderFile(dump.files.find((x) => x.id === f.id) ?? { id: f.id, title: f.title, filename: f.title })).join('');
  const edited = m.edited !== undefined ? '<span class="edited">(edited)</span>' : '';
  const ephemeral = m.ephemeral ? `<div class="ephemeral">👁 Only visible to ${escapeHtml(dump.users.find((u) => u.id === m.user)?.name ?? 'you')}</div>` : '';
  const pinned = m.pinned ? '<div class="pinned">📌 Pinned</div>' : '';
  const reactions = (m.reactions ?? []).length > 0 ? `<div class="reactions">${(m.reactions ?? []).map((r) => `<span class="reaction">${mrkdwnToHtml(`:${r}:`, ctx)} 1</span>`).join('')}</div>` : '';
  return `<div class="message${m.ephemeral ? ' is-ephemeral' : ''}" data-ts="${escapeHtml(m.ts)}"><div class="avatar${isBot ? ' bot' : ''}">${name.slice(0, 1).toUpperCase()}</div><div class="body">${pinned}${ephemeral}<div class="meta"><span class="author">${name}</span>${isBot ? '<span class="app-badge">APP</span>' : ''}<span class="time">${escapeHtml(when)}</span></div>${content}${edited}${attachments}${files}${reactions}</div></div>`;
}

/** Legacy attachments: a colour bar with text, fields and blocks. */
function renderAttachment(a: unknown, ctx: RenderContext): string {
  if (typeof a !== 'object' || a === null) return '';
  const att = a as { color?: string; text?: string; blocks?: unknown[]; fields?: { title?: string; value?: string }[]; title?: string };
  const color = /^#?[0-9a-fA-F]{3,6}$/.test(att.color ?? '') ? (att.color!.startsWith('#') ? att.color! : `#${att.color!}`) : '#dddddd';
  const parts = [
    att.title ? `<div class="att-title">${escapeHtml(att.title)}</div>` : '',
    att.text ? `<div class="b-text">${mrkdwnToHtml(att.text, ctx)}</div>` : '',
    ...(att.fields ?? []).map((f) => `<div class="att-field"><b>${escapeHtml(f.title ?? '')}</b><br>${mrkdwnToHtml(f.value ?? '', ctx)}</div>`),
    Array.isArray(att.blocks) ? blocksToHtml(att.blocks, ctx) : '',
  ];
  return `<div class="attachment" style="border-left-color:${color}">${parts.join('')}</div>`;
}

function renderFile(file: DumpFile): string {
  const lines = (file.content ?? '').split('\n');
  const shown = lines.slice(0, FILE_PREVIEW_LINES).join('\n');
  const more = lines.length > FILE_PREVIEW_LINES ? `<div class="file-more">+ ${lines.length - FILE_PREVIEW_LINES} more lines</div>` : '';
  const preview = file.content === undefined ? '' : `<pre class="file-preview">${escapeHtml(shown)}</pre>${more}`;
  return `<div class="file"><div class="file-head"><span class="file-icon">📄</span><div><div class="file-name">${escapeHtml(file.title || file.filename)}</div><div class="file-kind">${escapeHtml(file.filename)}</div></div></div>${preview}</div>`;
}
