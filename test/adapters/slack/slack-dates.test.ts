import { describe, expect, it } from 'vitest';
import { mrkdwnWithDates, withSlackDates } from '../../../src/adapters/slack/slack-dates.js';
import { readerTime, timesAsUtc } from '../../../src/domain/time-ref.js';

const AT = '2026-12-03T11:41:27Z';
const SEC = Date.parse(AT) / 1000;

describe('time markers', () => {
  it('render as Slack date tokens in mrkdwn, with the UTC text as fallback', () => {
    expect(mrkdwnWithDates(`Opened ${readerTime(AT)}`)).toBe(`Opened <!date^${SEC}^{date_short_pretty} {time}|2026-12-03 11:41 UTC>`);
    expect(mrkdwnWithDates(`at ${readerTime(AT, 'time')}`)).toBe(`at <!date^${SEC}^{time}|11:41 UTC>`);
  });

  it('stay UTC inside code spans and code blocks, where Slack shows tokens as written', () => {
    const text = `since ${readerTime(AT, 'time')} \`${readerTime(AT, 'time')}\`\n\`\`\`${readerTime(AT)} pod killed\`\`\``;
    expect(mrkdwnWithDates(text)).toBe(`since <!date^${SEC}^{time}|11:41 UTC> \`11:41 UTC\`\n\`\`\`2026-12-03 11:41 UTC pod killed\`\`\``);
  });

  it('stay UTC in plain_text objects (headers, buttons) and become tokens in mrkdwn ones', () => {
    const payload = withSlackDates({
      channel: 'C1',
      text: `Triage at ${readerTime(AT, 'time')}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: `Incident ${readerTime(AT, 'date')}` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: readerTime(AT, 'time') }] },
      ],
    });
    expect(payload.text).toBe(`Triage at <!date^${SEC}^{time}|11:41 UTC>`);
    expect((payload.blocks[0] as { text: { text: string } }).text.text).toBe('Incident 2026-12-03');
    expect((payload.blocks[1] as { elements: { text: string }[] }).elements[0]!.text).toBe(`<!date^${SEC}^{time}|11:41 UTC>`);
    expect(payload.channel).toBe('C1');
  });

  it('leave a time that does not parse as written, never a wrong time', () => {
    expect(readerTime('not a time')).toBe('not a time');
    expect(timesAsUtc(`a ${readerTime(AT)} b`)).toBe('a 2026-12-03 11:41 UTC b');
  });
});
