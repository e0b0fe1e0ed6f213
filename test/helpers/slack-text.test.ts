import { describe, expect, it } from 'vitest';
import { dateTokens, rawTimesOutsideCode, visibleText } from './slack-text.js';

describe('rawTimesOutsideCode', () => {
  it('finds times written out in prose, with or without a zone', () => {
    expect(rawTimesOutsideCode('Opened 2026-12-03 11:41 UTC · resolved 12:02')).toEqual(['11:41 UTC', '12:02']);
    expect(rawTimesOutsideCode('at 12:41 (GMT+1)')).toEqual(['12:41', 'GMT+1']);
    expect(rawTimesOutsideCode('due 2026-12-04T15:00:00Z')).toEqual(['15:00:00Z']);
  });

  it('leaves date tokens, code spans and code blocks alone, and dates without a time', () => {
    const text = 'Opened <!date^1764762060^{date_short_pretty} {time}|2026-12-03 11:41 UTC> `11:41 UTC`\n```2026-12-03 11:41:07 UTC OOMKilled```\ndue 2026-12-04';
    expect(rawTimesOutsideCode(text)).toEqual([]);
  });
});

describe('visibleText', () => {
  it('reads the top-level text and every text object, not ids, values or URLs', () => {
    const text = visibleText({
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Title' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Status*\nOpen' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Opened 11:41' }] },
        { type: 'actions', block_id: 'b1', elements: [{ type: 'button', action_id: 'a1', value: '12:00', url: 'https://x/12:00', text: { type: 'plain_text', text: 'Done' } }] },
      ],
    });
    expect(text.split('\n')).toEqual(['fallback', 'Title', '*Status*', 'Open', 'Opened 11:41', 'Done']);
    expect(dateTokens('a <!date^1^{time}|x> b')).toEqual(['<!date^1^{time}|x>']);
  });
});
