import { describe, expect, it } from 'vitest';
import { hasSlackMarkup, readSlackText } from '../../../src/adapters/slack/slack-text.js';

describe('readSlackText', () => {
  it('reads Slack’s escaped text as plain words: people and unnamed channels by id, channels and links by name, entities decoded', () => {
    expect(readSlackText('<@U1|alice> in <#C1|inc-812> <#C2> see <https://x.io/a|the graph> <https://x.io/b> <!here> <!subteam^S1|@sre> a &lt;b&gt; &amp;amp; <@U1>')).toEqual({
      text: '@U1 in #inc-812 #C2 see the graph https://x.io/b @here @sre a <b> &amp; @U1',
      mentions: ['U1', 'C2'],
    });
  });

  it('leaves text without markup as it is', () => {
    expect(readSlackText('rolled back to 46, errors at 2%')).toEqual({ text: 'rolled back to 46, errors at 2%', mentions: [] });
  });
});

describe('hasSlackMarkup', () => {
  it.each([
    ['<@U1> ping', true],
    ['see <https://x.io|this>', true],
    ['a &amp; b', true],
    ['<!here>', true],
    ['@U1 a < b > c & d', false],
  ])('%s → %s', (text, expected) => {
    expect(hasSlackMarkup(text)).toBe(expected);
  });
});
