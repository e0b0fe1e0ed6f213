import { describe, expect, it } from 'vitest';
import { documentBlocks, emoji, mrkdwn, renderBlock, textMessage } from '../../../src/adapters/slack/render-document.js';
import { withSlackDates } from '../../../src/adapters/slack/slack-dates.js';
import { channel, code, em, icon, joinInline, link, mention, strong, time } from '../../../src/domain/document.js';
import type { Icon } from '../../../src/domain/document.js';

describe('mrkdwn', () => {
  it('escapes &, < and > in every piece of text, so nothing typed becomes markup', () => {
    expect(mrkdwn('a <b> & <@U1> <!channel> <https://evil.example|click>')).toBe('a &lt;b&gt; &amp; &lt;@U1&gt; &lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect(mrkdwn(strong('5xx > 5% & rising'))).toBe('*5xx &gt; 5% &amp; rising*');
    expect(mrkdwn(em('<script>'))).toBe('_&lt;script&gt;_');
  });

  it('writes people and channels as Slack mentions, by id', () => {
    expect(mrkdwn([mention('U024BE7LH'), ' is now the lead in ', channel('C0123')])).toBe('<@U024BE7LH> is now the lead in <#C0123>');
    expect(mrkdwn(strong(['owner ', mention('U1')]))).toBe('*owner <@U1>*');
  });

  it('links web addresses with an escaped label, and leaves anything else as its label', () => {
    expect(mrkdwn(link('https://acme.pagerduty.com/incidents/P1?a=1&b=2', '#812 <new>'))).toBe('<https://acme.pagerduty.com/incidents/P1?a=1&amp;b=2|#812 &lt;new&gt;>');
    expect(mrkdwn(link('https://x.io', 'a|b'))).toBe('<https://x.io|a¦b>');
    expect(mrkdwn(link('javascript:alert(1)', 'harmless'))).toBe('harmless');
  });

  it('keeps code as written, escaped, without a backtick that would end it early', () => {
    expect(mrkdwn(['run ', code('kubectl get pods -l app=<name> && echo `x`')])).toBe("run `kubectl get pods -l app=&lt;name&gt; &amp;&amp; echo 'x'`");
    expect(mrkdwn([code(''), strong(''), em('')])).toBe('');
  });

  it('draws each icon as the emoji that means it', () => {
    const icons: [Icon, string][] = [
      ['incident', ':rotating_light:'],
      ['resolved', ':white_check_mark:'],
      ['warning', ':warning:'],
      ['note', ':memo:'],
      ['pin', ':pushpin:'],
      ['waiting', ':hourglass:'],
      ['failed', ':x:'],
      ['moderate', ':large_orange_circle:'],
      ['minor', ':large_yellow_circle:'],
    ];
    for (const [name, shortcode] of icons) {
      expect(emoji(name)).toBe(shortcode);
      expect(mrkdwn([icon(name), ' x'])).toBe(`${shortcode} x`);
    }
  });

  it('leaves times as markers that the payload pass draws in the reader’s zone', () => {
    const text = mrkdwn(['opened ', time('2025-12-03T11:41:00Z', 'time')]);
    expect(text).toBe('opened ⟦time 1764762060 time⟧');
    expect(withSlackDates({ text }).text).toBe('opened <!date^1764762060^{time}|11:41 UTC>');
  });

  it('joins parts with a separator', () => {
    expect(mrkdwn(joinInline([mention('U1'), mention('U2'), 'Bob & Co'], ', '))).toBe('<@U1>, <@U2>, Bob &amp; Co');
  });
});

describe('textMessage', () => {
  it('is one section whose mrkdwn is also the notification', () => {
    const message = textMessage([icon('resolved'), ' Resolved by ', mention('U1'), '. Summary: a < b']);
    expect(message.text).toBe(':white_check_mark: Resolved by <@U1>. Summary: a &lt; b');
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: message.text } }]);
  });
});

describe('documentBlocks', () => {
  it('renders the title, then each block: prose, code, heading, fields, list and small print', () => {
    const blocks = documentBlocks({
      title: 'Events <2>',
      paragraphs: [
        { text: ['Seen by ', mention('U1'), ' & ', mention('U2')] },
        { heading: 'Warnings' },
        { code: 'BackOff <init> ```x```' },
        { fields: [{ label: 'Owner', value: mention('U1') }, { label: 'A<B', value: 'x & y' }] },
        { list: ['one', strong('two')] },
        { context: ['as of ', 'now & then'] },
      ],
    });
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Events &lt;2&gt;*' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Seen by <@U1> &amp; <@U2>' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Warnings*' } },
      { type: 'section', text: { type: 'mrkdwn', text: "```BackOff &lt;init&gt; '''x'''```" } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Owner*\n<@U1>' }, { type: 'mrkdwn', text: '*A&lt;B*\nx &amp; y' }] },
      { type: 'section', text: { type: 'mrkdwn', text: '• one\n• *two*' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'as of now &amp; then' }] },
    ]);
  });

  it('keeps a block within Slack’s section limit', () => {
    const block = renderBlock({ text: 'x'.repeat(4000) }) as { text: { text: string } };
    expect(block.text.text).toHaveLength(3000);
  });
});
