// TEMPORARY until src/demo/slack-html (branch issue10-render) is merged: a bare text drawing of a
// message with the same signatures, so render-view.ts swaps to the real renderer by import alone.
import type { FakeSlack } from '../../test/fakes/fake-slack.js';

export interface RenderContext { timeZone: string; users: ReadonlyMap<string, string>; channels: ReadonlyMap<string, string> }
export interface DumpMessage { channel: string; ts: string; text: string; blocks?: unknown[]; thread_ts?: string; user?: string; bot_id?: string; edited?: { user: string; ts: string }; ephemeral?: boolean; files?: { id: string; title: string }[] }
export interface SlackDump {
  team: string;
  botUserId: string;
  users: Array<{ id: string; name: string; tz?: string; is_bot?: boolean }>;
  channels: Array<{ id: string; name: string; topic?: string; is_private?: boolean; is_archived?: boolean; is_im?: boolean }>;
  messages: DumpMessage[];
  files: Array<{ id: string; title: string; filename: string; channel?: string; content?: string }>;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function dumpWorkspace(slack: FakeSlack): SlackDump {
  const { state } = slack;
  const dms = [...state.dmByUser.entries()].map(([userId, id]) => ({ id, name: state.users.get(userId)?.name ?? userId, is_im: true }));
  const channels = [...[...state.channels.values()].map((c) => ({ id: c.id, name: c.name, topic: c.topic, is_archived: c.is_archived })), ...dms];
  return {
    team: state.teamId,
    botUserId: state.botUserId,
    users: [...state.users.values()].map((u) => ({ id: u.id, name: u.name, is_bot: u.is_bot })),
    channels,
    messages: channels.flatMap((c) => state.messages(c.id).map((m) => structuredClone(m))),
    files: [...state.files.values()].map((f) => ({ id: f.id, title: f.title, filename: f.filename, ...(f.content === undefined ? {} : { content: f.content }) })),
  };
}

function texts(v: unknown, out: string[]): void {
  if (Array.isArray(v)) v.forEach((x) => texts(x, out));
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (o.type === 'button') out.push(`<span class="btn">${escapeHtml(String((o.text as { text?: string } | undefined)?.text ?? ''))}</span>`);
    else for (const [k, x] of Object.entries(o)) k === 'text' && typeof x === 'string' ? out.push(escapeHtml(x)) : texts(x, out);
  }
}

export function renderMessage(dump: SlackDump, m: DumpMessage, _ctx: RenderContext): string {
  const name = m.bot_id !== undefined ? 'rootcause' : (dump.users.find((u) => u.id === m.user)?.name ?? 'unknown');
  const parts: string[] = [];
  if (m.blocks?.length) texts(m.blocks, parts);
  else parts.push(escapeHtml(m.text));
  const files = (m.files ?? []).map((f) => `<div class="file">📄 ${escapeHtml(f.title)}<pre>${escapeHtml(dump.files.find((x) => x.id === f.id)?.content ?? '')}</pre></div>`).join('');
  return `<div class="message${m.ephemeral ? ' is-ephemeral' : ''}" data-ts="${m.ts}"><div class="body">${m.ephemeral ? '<div class="ephemeral">Only visible to you</div>' : ''}<b>${escapeHtml(name)}</b><div style="white-space:pre-wrap">${parts.join('\n')}</div>${m.edited ? '(edited)' : ''}${files}</div></div>`;
}
export const SLACK_CSS = '.message{padding:6px 20px}.is-ephemeral{background:#f8f8f8}';
