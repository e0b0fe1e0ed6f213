import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../src/demo/slack-html/blocks.js';
import { mrkdwnToHtml } from '../../src/demo/slack-html/mrkdwn.js';
import type { RenderContext } from '../../src/demo/slack-html/mrkdwn.js';
import { renderWorkspace } from '../../src/demo/slack-html/render-page.js';
import { formatSlackDate } from '../../src/demo/slack-html/slack-dates.js';
import type { SlackDump } from '../../src/demo/slack-html/slack-dump.js';

const ctx = (timeZone = 'UTC'): RenderContext => ({
  timeZone,
  now: new Date('2026-12-03T12:00:00Z'),
  users: new Map([['U0ALICE', 'Alice Adams']]),
  channels: new Map([['C0INC', 'inc-20261203-7-payments-5xx']]),
});
// 2026-12-03 11:41:00 UTC
const SEC = Date.parse('2026-12-03T11:41:00Z') / 1000;

describe('mrkdwn', () => {
  it('escapes a message that carries HTML', () => {
    const html = mrkdwnToHtml('<script>alert(1)</script> & "quotes"', ctx());
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('draws Slack entities once, not twice', () => {
    expect(mrkdwnToHtml('p99 &gt; 2s &amp;&amp; 5xx &lt; 1%', ctx())).toBe('p99 &gt; 2s &amp;&amp; 5xx &lt; 1%');
  });

  it('formats bold, italic, strike, code and code blocks, leaving code alone', () => {
    expect(mrkdwnToHtml('*bold* _it_ ~gone~ `a *b*`', ctx())).toBe('<b>bold</b> <i>it</i> <s>gone</s> <code>a *b*</code>');
    expect(mrkdwnToHtml('log:\n```\nERROR *x* <y>\n```', ctx())).toBe('log:<br><pre class="code">ERROR *x* &lt;y&gt;\n</pre>');
  });

  it('links, mentions people and channels by name, and keeps unsafe link targets as text', () => {
    expect(mrkdwnToHtml('<https://pd.example.com/i/1|PD #7>', ctx())).toBe('<a href="https://pd.example.com/i/1">PD #7</a>');
    expect(mrkdwnToHtml('<@U0ALICE> in <#C0INC>', ctx())).toBe('<span class="mention">@Alice Adams</span> in <span class="mention">#inc-20261203-7-payments-5xx</span>');
    expect(mrkdwnToHtml('<javascript:alert(1)|x>', ctx())).toBe('&lt;javascript:alert(1)|x&gt;');
  });

  it('turns emoji shortcodes into unicode and quotes into blockquotes', () => {
    expect(mrkdwnToHtml(':rotating_light: paged\n> said so', ctx())).toBe('🚨 paged<blockquote>said so</blockquote>');
  });

  it('draws date tokens in the reader\'s zone with the fallback as a tooltip', () => {
    const token = `<!date^${SEC}^{date_short_pretty} {time}|2026-12-03 11:41 UTC>`;
    expect(mrkdwnToHtml(token, ctx('Europe/Berlin'))).toBe('<time title="2026-12-03 11:41 UTC">today 12:41 PM</time>');
    expect(mrkdwnToHtml(token, ctx('America/New_York'))).toBe('<time title="2026-12-03 11:41 UTC">today 6:41 AM</time>');
  });
});

describe('date tokens', () => {
  it('writes each format as Slack does', () => {
    const c = { timeZone: 'Asia/Tokyo', now: new Date('2026-12-10T00:00:00Z') };
    expect(formatSlackDate(SEC, '{date_num} {time_secs}', c)).toBe('2026-12-03 8:41:00 PM');
    expect(formatSlackDate(SEC, '{date}', c)).toBe('December 3rd, 2026');
    expect(formatSlackDate(SEC, '{date_long}', c)).toBe('Thursday, December 3rd, 2026');
    expect(formatSlackDate(SEC, '{date_short_pretty}', c)).toBe('Dec 3, 2026');
    expect(formatSlackDate(SEC, '{ago}', c)).toBe('7 days ago');
  });
});

describe('Block Kit', () => {
  it('lays out header, section with fields and a button, context, divider and actions', () => {
    const html = blocksToHtml(
      [
        { type: 'header', text: { type: 'plain_text', text: ':rotating_light: Payments <5xx>' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Status:* triggered' }, fields: [{ type: 'mrkdwn', text: '*Severity*\nSEV2' }], accessory: { type: 'button', text: { type: 'plain_text', text: 'Open' } } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `Opened <!date^${SEC}^{time}|11:41 UTC>` }] },
        { type: 'divider' },
        { type: 'actions', elements: [{ type: 'button', style: 'primary', text: { type: 'plain_text', text: 'Acknowledge' } }, { type: 'button', style: 'danger', text: { type: 'plain_text', text: 'Resolve' } }] },
        { type: 'video' },
      ],
      ctx(),
    );
    expect(html).toContain('<div class="b-header">🚨 Payments &lt;5xx&gt;</div>');
    expect(html).toContain('<div class="b-text"><b>Status:</b> triggered</div><div class="b-fields"><div><b>Severity</b><br>SEV2</div></div></div><div class="b-accessory"><span class="btn">Open</span></div>');
    expect(html).toContain('<div class="b-context"><span>Opened <time title="11:41 UTC">11:41 AM</time></span></div>');
    expect(html).toContain('<hr class="b-divider">');
    expect(html).toContain('<span class="btn primary">Acknowledge</span><span class="btn danger">Resolve</span>');
    expect(html).toContain('[video block]');
  });

  it('renders rich text sections, lists and preformatted text, escaped', () => {
    const html = blocksToHtml(
      [
        {
          type: 'rich_text',
          elements: [
            { type: 'rich_text_section', elements: [{ type: 'text', text: 'rolled back <img src=x>', style: { bold: true } }, { type: 'user', user_id: 'U0ALICE' }] },
            { type: 'rich_text_list', style: 'ordered', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }] },
            { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'kubectl get pods' }] },
          ],
        },
      ],
      ctx(),
    );
    expect(html).toBe('<div class="b-rich"><div><b>rolled back &lt;img src=x&gt;</b><span class="mention">@Alice Adams</span></div><ol><li>one</li></ol><pre class="code">kubectl get pods</pre></div>');
  });
});

describe('page', () => {
  const dump: SlackDump = {
    team: 'T0TEST',
    botUserId: 'UBOT',
    users: [{ id: 'UBOT', name: 'rootcause', is_bot: true }, { id: 'U0ALICE', name: 'Alice Adams' }],
    channels: [{ id: 'C0INC', name: 'inc-7' }, { id: 'C0QUIET', name: 'quiet' }],
    messages: [
      { channel: 'C0INC', ts: '1796298060.000100', text: 'card', bot_id: 'B0BOT', user: 'UBOT', edited: { user: 'UBOT', ts: '1796298070.000100' } },
      { channel: 'C0INC', ts: '1796298080.000100', text: 'first reply', user: 'U0ALICE', thread_ts: '1796298060.000100' },
      { channel: 'C0INC', ts: '1796298090.000100', text: 'draft', bot_id: 'B0BOT', files: [{ id: 'F1', title: 'Post-mortem' }] },
    ],
    files: [{ id: 'F1', title: 'Post-mortem', filename: 'postmortem-inc-7.md', channel: 'C0INC', content: '# Post-mortem\n<b>x</b>' }],
  };

  it('lists the channels with messages, nests replies under their parent with a count, marks edits and shows files', () => {
    const html = renderWorkspace(dump, { timeZone: 'UTC' });
    expect(html).toContain('<a href="#C0INC"># inc-7</a>');
    expect(html).not.toContain('quiet');
    expect(html).toMatch(/card<\/div><span class="edited">\(edited\)<\/span><\/div><\/div><div class="thread"><div class="reply-count">1 reply<\/div><div class="message" data-ts="1796298080.000100">/);
    expect(html).toContain('<span class="author">rootcause</span><span class="app-badge">APP</span>');
    expect(html).toContain('<div class="file-name">Post-mortem</div><div class="file-kind">postmortem-inc-7.md</div>');
    expect(html).toContain('<pre class="file-preview"># Post-mortem\n&lt;b&gt;x&lt;/b&gt;</pre>');
  });
});
