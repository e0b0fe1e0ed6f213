import { describe, expect, it } from 'vitest';
import { CHAT_DOCUMENT_PARAGRAPHS, CHAT_PARAGRAPH_MAX } from '../../../src/domain/ports.js';
import type { ChatDocument } from '../../../src/domain/ports.js';
import {
  KEY_MOMENTS_FIRST,
  KEY_MOMENTS_LAST,
  TIMELINE_TEXT_MAX,
  decodeSlackText,
  formatSpan,
  renderTimeline,
} from '../../../src/domain/timeline/render-timeline.js';
import type { TimelineEntry, TimelineSource } from '../../../src/domain/timeline/timeline-entry.js';

const LA = { timeZone: 'America/Los_Angeles', now: new Date('2025-03-04T22:00:00Z') };

const entry = (at: string, source: TimelineSource, text: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({ key: `${source}/${at}/${text}`, at, source, text, ...more });

/** A small incident, deliberately out of order (stores and redeliveries do not promise order). */
const INCIDENT: TimelineEntry[] = [
  entry('2025-03-04T21:09:00Z', 'slack', '<@U99|bob> rolled back to 46 &amp; cordoned <https://grafana.acme.io/d/1|node-7>', { author: 'U024BE7LH', important: true }),
  entry('2025-03-04T21:02:00Z', 'pagerduty', 'Triggered: checkout 5xx > 5% (P1)', { important: true }),
  entry('2025-03-04T21:05:00Z', 'cluster', 'BackOff: Back-off restarting failed container app in pod checkout-7c9', { count: 37, until: '2025-03-04T21:17:00Z' }),
  entry('2025-03-04T21:03:10Z', 'bot', 'Opened #inc-20250304-812-checkout'),
  entry('2025-03-04T21:12:00Z', 'slack', 'anyone looking at the db?', { author: 'U0BOB' }),
];

const lines = (docs: ChatDocument[]): string[] => docs.flatMap((d) => d.paragraphs.flatMap((p) => ('text' in p ? p.text : p.code).split('\n')));

/** The lines of the "Key moments" and "Full timeline" sections. */
function sections(docs: ChatDocument[]): { summary: string[]; key: string[]; full: string[] } {
  const all = lines(docs);
  const keyAt = all.indexOf('*Key moments*');
  const fullAt = all.indexOf('*Full timeline*');
  expect(keyAt).toBeGreaterThan(0);
  expect(fullAt).toBeGreaterThan(keyAt);
  return { summary: all.slice(0, keyAt), key: all.slice(keyAt + 1, fullAt), full: all.slice(fullAt + 1) };
}

describe('renderTimeline', () => {
  it('lists key moments first, then every entry in time order, in the reader’s time zone', () => {
    const docs = renderTimeline(INCIDENT, LA);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.title).toBe('Incident timeline — Tue, Mar 4 (times in PST)');
    const { summary, key, full } = sections(docs);
    expect(summary).toEqual(['5 entries, 2 key · 13:02 to 13:17 (15m) · as of 14:00']);
    expect(key).toEqual([
      '⭐ *13:02 [PD] Triggered: checkout 5xx > 5% (P1)*',
      '⭐ *13:09 [slack] <@U024BE7LH>: <@U99> rolled back to 46 & cordoned node-7*',
    ]);
    expect(full).toEqual([
      '⭐ *13:02 [PD] Triggered: checkout 5xx > 5% (P1)*',
      '13:03 [bot] Opened #inc-20250304-812-checkout',
      '13:05 [k8s] BackOff: Back-off restarting failed container app in pod checkout-7c9 ×37 over 12m',
      '⭐ *13:09 [slack] <@U024BE7LH>: <@U99> rolled back to 46 & cordoned node-7*',
      '13:12 [slack] <@U0BOB>: anyone looking at the db?',
    ]);
  });

  it('uses the title it is given and the zone’s own abbreviation', () => {
    const docs = renderTimeline(INCIDENT, { timeZone: 'Europe/Berlin', now: LA.now, title: 'Timeline of #inc-812' });
    expect(docs[0]!.title).toBe('Timeline of #inc-812 — Tue, Mar 4 (times in GMT+1)');
    expect(sections(docs).full[0]).toBe('⭐ *22:02 [PD] Triggered: checkout 5xx > 5% (P1)*');
  });

  it('shows the date on every line when the timeline spans several days, and both abbreviations across a DST change', () => {
    const docs = renderTimeline(
      [entry('2025-03-09T09:30:00Z', 'pagerduty', 'Triggered'), entry('2025-03-08T23:50:00Z', 'cluster', 'OOMKilling', { count: 3, until: '2025-03-10T02:00:00Z' })],
      { timeZone: 'America/Los_Angeles', now: new Date('2025-03-10T03:00:00Z') },
    );
    expect(docs[0]!.title).toBe('Incident timeline — Sat, Mar 8 to Sun, Mar 9 (times in PST/PDT)');
    const { summary, full } = sections(docs);
    expect(full).toEqual(['Sat, Mar 8 15:50 [k8s] OOMKilling ×3 over 1d 2h', 'Sun, Mar 9 01:30 [PD] Triggered']);
    expect(summary).toEqual(['2 entries, 0 key · Sat, Mar 8 15:50 to Sun, Mar 9 19:00 (1d 2h) · as of Sun, Mar 9 20:00']);
  });

  it('says where key moments will show when there are none yet', () => {
    const { key } = sections(renderTimeline([entry('2025-03-04T21:02:00Z', 'pagerduty', 'Triggered')], LA));
    expect(key).toEqual(['None yet: decisions, actions, hypotheses and :pushpin: messages show here.']);
  });

  it('falls back to UTC for an unknown time zone and says so', () => {
    for (const timeZone of ['Mars/Olympus', '', 'PST8PDT/nope']) {
      const docs = renderTimeline(INCIDENT, { timeZone, now: LA.now });
      expect(docs[0]!.title).toBe('Incident timeline — Tue, Mar 4 (times in UTC)');
      const { summary, full } = sections(docs);
      expect(summary[1]).toBe(`:warning: Your Slack time zone "${timeZone}" is not one I know, so times are in UTC.`);
      expect(full[1]).toBe('21:03 [bot] Opened #inc-20250304-812-checkout');
    }
    expect(lines(renderTimeline(INCIDENT, LA)).some((l) => l.includes('not one I know'))).toBe(false);
  });

  it('renders an empty timeline as one short document', () => {
    expect(renderTimeline([], LA)).toEqual([{ title: 'Incident timeline', paragraphs: [{ text: 'Nothing has been recorded on this timeline yet.' }] }]);
  });

  it('keeps one line per entry: newlines flattened, long text cut, no stray asterisks inside a bold line', () => {
    const long = 'x'.repeat(TIMELINE_TEXT_MAX * 3);
    const { full } = sections(
      renderTimeline(
        [
          entry('2025-03-04T21:00:00Z', 'slack', 'root cause:\n\n*the pool*   is   too small', { author: 'U1', important: true }),
          entry('2025-03-04T21:01:00Z', 'cluster', long),
          entry('2025-03-04T21:02:00Z', 'bot', '   '),
        ],
        LA,
      ),
    );
    expect(full[0]).toBe('⭐ *13:00 [slack] <@U1>: root cause: the pool is too small*');
    expect(full[1]).toBe(`13:01 [k8s] ${'x'.repeat(TIMELINE_TEXT_MAX - 1)}…`);
    expect(full[2]).toBe('13:02 [bot] (no text)');
    expect(full).toHaveLength(3);
  });

  it('keeps the arrival order of entries at the same time and puts unreadable times last', () => {
    const { full } = sections(
      renderTimeline(
        [entry('not a time', 'bot', 'broken clock'), entry('2025-03-04T21:00:00Z', 'slack', 'first'), entry('2025-03-04T21:00:00Z', 'slack', 'second'), entry('2025-03-04T20:59:00Z', 'pagerduty', 'page')],
        LA,
      ),
    );
    expect(full).toEqual(['12:59 [PD] page', '13:00 [slack] first', '13:00 [slack] second', '--:-- [bot] broken clock']);
  });

  it('shows a repeat count without a span when the last occurrence is unknown, and nothing for a single occurrence', () => {
    const { full } = sections(
      renderTimeline([entry('2025-03-04T21:00:00Z', 'cluster', 'Unhealthy', { count: 4 }), entry('2025-03-04T21:01:00Z', 'cluster', 'Pulled', { count: 1, until: '2025-03-04T21:09:00Z' })], LA),
    );
    expect(full).toEqual(['13:00 [k8s] Unhealthy ×4', '13:01 [k8s] Pulled']);
  });

  it('renders 5,000 entries within the chat limits, each entry exactly once in the full timeline', () => {
    const sources: TimelineSource[] = ['pagerduty', 'bot', 'slack', 'cluster'];
    const start = Date.parse('2025-03-04T16:00:00Z');
    const many = Array.from({ length: 5000 }, (_, i) => {
      const source = sources[i % 4]!;
      const at = new Date(start + ((i * 7919) % 5000) * 10_000).toISOString();
      const text = `entry-${String(i).padStart(4, '0')} ${'detail '.repeat(i % 30)}`;
      return entry(at, source, text, {
        author: source === 'slack' ? `U${i}` : undefined,
        important: i % 9 === 0,
        count: source === 'cluster' ? 1 + (i % 50) : undefined,
        until: source === 'cluster' ? new Date(start + 6_000_000).toISOString() : undefined,
      });
    });
    const docs = renderTimeline(many, LA);

    expect(docs.length).toBeGreaterThan(1);
    docs.forEach((d, i) => {
      expect(d.title).toBe(`Incident timeline — Tue, Mar 4 (times in PST) (${i + 1}/${docs.length})`);
      expect(d.paragraphs.length).toBeLessThanOrEqual(CHAT_DOCUMENT_PARAGRAPHS);
      for (const p of d.paragraphs) expect(('text' in p ? p.text : p.code).length).toBeLessThanOrEqual(CHAT_PARAGRAPH_MAX);
    });
    const { key, full } = sections(docs);
    const idsIn = (section: string[]) => section.map((l) => /entry-(\d{4})/.exec(l)?.[1]).filter((id): id is string => id !== undefined);
    const fullIds = idsIn(full);
    expect(fullIds).toHaveLength(5000);
    expect(new Set(fullIds).size).toBe(5000);
    // In time order: the minute of each line never goes back.
    const minutes = full.map((l) => l.slice(l.startsWith('⭐') ? 3 : 0, (l.startsWith('⭐') ? 3 : 0) + 5));
    expect(minutes).toEqual([...minutes].sort());

    const importantCount = many.filter((e) => e.important).length;
    expect(key).toHaveLength(KEY_MOMENTS_FIRST + 1 + KEY_MOMENTS_LAST);
    expect(key[KEY_MOMENTS_FIRST]).toBe(`… ${importantCount - KEY_MOMENTS_FIRST - KEY_MOMENTS_LAST} more key moments, marked ⭐ in the full timeline …`);
    const keyIds = idsIn(key);
    expect(new Set(keyIds).size).toBe(KEY_MOMENTS_FIRST + KEY_MOMENTS_LAST);
    expect(keyIds.every((id) => Number(id) % 9 === 0)).toBe(true);
    expect(full.filter((l) => l.startsWith('⭐ *')).length).toBe(importantCount);
  });
});

describe('decodeSlackText', () => {
  it('keeps user mentions, names channels, labels links and decodes entities', () => {
    expect(decodeSlackText('<@U1|alice> in <#C1|inc-812> <#C2> see <https://x.io/a|the graph> <https://x.io/b> <!here> <!subteam^S1|@sre> a &lt;b&gt; &amp;amp;')).toBe(
      '<@U1> in #inc-812 <#C2> see the graph https://x.io/b @here @sre a <b> &amp;',
    );
  });
});

describe('formatSpan', () => {
  it.each([
    [20_000, '20s'],
    [400, '1s'],
    [12 * 60_000 + 59_000, '12m'],
    [2 * 3_600_000, '2h'],
    [2 * 3_600_000 + 5 * 60_000, '2h 5m'],
    [24 * 3_600_000, '1d'],
    [27 * 3_600_000, '1d 3h'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});
