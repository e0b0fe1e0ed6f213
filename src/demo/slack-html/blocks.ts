/**
 * Block Kit → HTML, laid out as Slack lays it out: header, section (text, fields, accessory),
 * context, divider, actions (buttons, selects), image, rich_text. An unknown block says so rather
 * than vanishing. Pure: the browser demo reuses it.
 */
import { replaceEmoji } from './emoji.js';
import { decodeEntities, escapeHtml, mrkdwnToHtml } from './mrkdwn.js';
import type { RenderContext } from './mrkdwn.js';
import { formatSlackDate } from './slack-dates.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** A text object: mrkdwn formatted, plain_text shown as typed (with emoji, as Slack does). */
function textObjectToHtml(text: unknown, ctx: RenderContext): string {
  if (!isObj(text)) return '';
  if (text.type === 'mrkdwn') return mrkdwnToHtml(str(text.text), ctx);
  return replaceEmoji(escapeHtml(str(text.text))).replace(/\n/g, '<br>');
}

export function blocksToHtml(blocks: unknown[], ctx: RenderContext): string {
  return blocks.filter(isObj).map((b) => blockToHtml(b, ctx)).join('');
}

function blockToHtml(block: Obj, ctx: RenderContext): string {
  switch (block.type) {
    case 'header':
      return `<div class="b-header">${textObjectToHtml(block.text, ctx)}</div>`;
    case 'section': {
      const text = block.text === undefined ? '' : `<div class="b-text">${textObjectToHtml(block.text, ctx)}</div>`;
      const fields = list(block.fields);
      const grid = fields.length === 0 ? '' : `<div class="b-fields">${fields.map((f) => `<div>${textObjectToHtml(f, ctx)}</div>`).join('')}</div>`;
      const accessory = isObj(block.accessory) ? `<div class="b-accessory">${elementToHtml(block.accessory, ctx)}</div>` : '';
      return `<div class="b-section"><div class="b-main">${text}${grid}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="b-context">${list(block.elements).map((e) => (e.type === 'image' ? imageToHtml(e, 'ctx-img') : `<span>${textObjectToHtml(e, ctx)}</span>`)).join('')}</div>`;
    case 'divider':
      return '<hr class="b-divider">';
    case 'actions':
      return `<div class="b-actions">${list(block.elements).map((e) => elementToHtml(e, ctx)).join('')}</div>`;
    case 'image':
      return `<div class="b-image">${block.title === undefined ? '' : `<div class="b-image-title">${textObjectToHtml(block.title, ctx)}</div>`}${imageToHtml(block, 'img')}</div>`;
    case 'rich_text':
      return `<div class="b-rich">${list(block.elements).map((e) => richElementToHtml(e, ctx)).join('')}</div>`;
    default:
      return `<div class="b-unknown">[${escapeHtml(str(block.type) || 'unknown')} block]</div>`;
  }
}

/** Interactive elements: shown, not clickable (the page is a picture of the channel). */
function elementToHtml(el: Obj, ctx: RenderContext): string {
  switch (el.type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ` ${el.style}` : '';
      return `<span class="btn${style}">${textObjectToHtml(el.text, ctx)}</span>`;
    }
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select':
    case 'external_select':
      return `<span class="select">${textObjectToHtml(el.placeholder ?? { type: 'plain_text', text: 'Select' }, ctx)} ▾</span>`;
    case 'overflow':
      return '<span class="btn overflow">⋮</span>';
    case 'datepicker':
      return `<span class="select">📅 ${escapeHtml(str(el.initial_date) || 'Select a date')}</span>`;
    case 'image':
      return imageToHtml(el, 'acc-img');
    default:
      return `<span class="btn">${escapeHtml(str(el.type))}</span>`;
  }
}

/** Images are drawn as their alt text in a frame: the page loads nothing from the network. */
function imageToHtml(el: Obj, cls: string): string {
  return `<span class="${cls}" title="${escapeHtml(str(el.image_url))}">🖼 ${escapeHtml(str(el.alt_text))}</span>`;
}

function richElementToHtml(el: Obj, ctx: RenderContext): string {
  switch (el.type) {
    case 'rich_text_section':
      return `<div>${richInline(list(el.elements), ctx)}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="code">${list(el.elements).map((e) => escapeHtml(decodeEntities(str(e.text) || str(e.url)))).join('')}</pre>`;
    case 'rich_text_quote':
      return `<blockquote>${richInline(list(el.elements), ctx)}</blockquote>`;
    case 'rich_text_list': {
      const tag = el.style === 'ordered' ? 'ol' : 'ul';
      const indent = typeof el.indent === 'number' ? ` style="margin-left:${el.indent * 1.5}em"` : '';
      return `<${tag}${indent}>${list(el.elements).map((item) => `<li>${richInline(list(item.elements), ctx)}</li>`).join('')}</${tag}>`;
    }
    default:
      return `<div class="b-unknown">[${escapeHtml(str(el.type))}]</div>`;
  }
}

function richInline(elements: Obj[], ctx: RenderContext): string {
  return elements
    .map((e) => {
      let html: string;
      switch (e.type) {
        case 'text':
          html = escapeHtml(str(e.text)).replace(/\n/g, '<br>');
          break;
        case 'link':
          html = /^(https?:|mailto:)/.test(str(e.url)) ? `<a href="${escapeHtml(str(e.url))}">${escapeHtml(str(e.text) || str(e.url))}</a>` : escapeHtml(str(e.text) || str(e.url));
          break;
        case 'user':
          html = `<span class="mention">@${escapeHtml(ctx.users.get(str(e.user_id)) ?? str(e.user_id))}</span>`;
          break;
        case 'channel':
          html = `<span class="mention">#${escapeHtml(ctx.channels.get(str(e.channel_id)) ?? str(e.channel_id))}</span>`;
          break;
        case 'emoji':
          html = replaceEmoji(`:${escapeHtml(str(e.name))}:`);
          break;
        case 'broadcast':
          html = `<span class="mention broadcast">@${escapeHtml(str(e.range))}</span>`;
          break;
        case 'date':
          html = `<time>${escapeHtml(formatSlackDate(Number(e.timestamp), str(e.format), ctx))}</time>`;
          break;
        default:
          html = escapeHtml(str(e.text));
      }
      const style = isObj(e.style) ? e.style : {};
      if (style.code === true) html = `<code>${html}</code>`;
      if (style.bold === true) html = `<b>${html}</b>`;
      if (style.italic === true) html = `<i>${html}</i>`;
      if (style.strike === true) html = `<s>${html}</s>`;
      return html;
    })
    .join('');
}
