/**
 * Slack mrkdwn → HTML, as a Slack client shows it: *bold*, _italic_, ~strike~, `code`, ```blocks```,
 * > quotes, <url|label> links, <@U…> and <#C…> by name, <!date^…> in the reader's zone, :emoji:.
 * Everything from the message is escaped; only markup built here reaches the page. Pure (no Node
 * APIs): the browser demo reuses it.
 */
import { replaceEmoji } from './emoji.js';
import { formatSlackDate } from './slack-dates.js';
import type { DateContext } from './slack-dates.js';

export interface RenderContext extends DateContext {
  /** Display names by user id. */
  users: ReadonlyMap<string, string>;
  /** Channel names by id. */
  channels: ReadonlyMap<string, string>;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Slack sends &, < and > as entities; the renderer works on the characters and escapes them again. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function mrkdwnToHtml(text: string, ctx: RenderContext): string {
  // Code blocks first: nothing inside them is formatted.
  return text
    .split(/```/)
    .map((part, i) => (i % 2 === 1 ? `<pre class="code">${escapeHtml(decodeEntities(part.replace(/^\n/, '')))}</pre>` : inlineToHtml(part, ctx)))
    .join('');
}

/** One line-oriented stretch of mrkdwn (no code blocks): quotes per line, then inline formatting. */
function inlineToHtml(text: string, ctx: RenderContext): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const q = /^(?:&gt;|>) ?(.*)$/.exec(line);
    if (q) {
      quote.push(formatLine(q[1] ?? '', ctx));
      continue;
    }
    flush();
    out.push(formatLine(line, ctx));
  }
  flush();
  return out.join('<br>').replace(/<br>(<blockquote>)/g, '$1').replace(/(<\/blockquote>)<br>/g, '$1');
}

function formatLine(line: string, ctx: RenderContext): string {
  const held: string[] = [];
  const hold = (html: string) => `\u0000${held.push(html) - 1}\u0000`;
  // Inline code and Slack's <…> tokens become placeholders, so no formatting reaches inside them.
  let s = line.replace(/`([^`]+)`/g, (_, code: string) => hold(`<code>${escapeHtml(decodeEntities(code))}</code>`));
  s = s.replace(/<([^<>\n]+)>/g, (whole, inner: string) => {
    const html = renderToken(inner, ctx);
    return html === undefined ? whole : hold(html);
  });
  s = escapeHtml(decodeEntities(s));
  s = s.replace(/(^|[\s(\[{"'\u0000])\*(?!\s)([^*]+?)\*(?=$|[\s.,;:!?)\]}"'\u0000])/g, '$1<b>$2</b>');
  s = s.replace(/(^|[\s(\[{"'\u0000>])_(?!\s)([^_]+?)_(?=$|[\s.,;:!?)\]}"'\u0000<])/g, '$1<i>$2</i>');
  s = s.replace(/(^|[\s(\[{"'\u0000>])~(?!\s)([^~]+?)~(?=$|[\s.,;:!?)\]}"'\u0000<])/g, '$1<s>$2</s>');
  s = replaceEmoji(s);
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => held[Number(i)] ?? '');
}

/** A Slack angle-bracket token; undefined when it is not one (it is then shown as typed, escaped). */
function renderToken(inner: string, ctx: RenderContext): string | undefined {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(ctx.users.get(id) ?? label ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="mention">#${escapeHtml(ctx.channels.get(id) ?? label ?? id)}</span>`;
  }
  if (target.startsWith('!date^')) {
    const [, sec, format] = target.split('^');
    const seconds = Number(sec);
    if (!Number.isFinite(seconds) || format === undefined) return escapeHtml(label ?? '');
    return `<time title="${escapeHtml(label ?? '')}">${escapeHtml(formatSlackDate(seconds, decodeEntities(format), ctx))}</time>`;
  }
  if (target.startsWith('!subteam^')) return `<span class="mention">${escapeHtml(label ?? '@group')}</span>`;
  if (/^!(here|channel|everyone)$/.test(target)) return `<span class="mention broadcast">@${target.slice(1)}</span>`;
  const url = decodeEntities(target);
  if (/^(https?:\/\/|mailto:)\S+$/.test(url)) return `<a href="${escapeHtml(url)}">${escapeHtml(label ?? url)}</a>`;
  return undefined;
}
