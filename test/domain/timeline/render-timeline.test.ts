import { describe, expect, it } from 'vitest';
import { blockText } from '../../helpers/document-text.js';
import { readSlackText } from '../../../src/adapters/slack/slack-text.js';
import { blockStrings } from '../../helpers/slack-text.js';
import { renderBlock } from '../../../src/adapters/slack/render-document.js';
import { CHAT_DOCUMENT_PARAGRAPHS, CHAT_PARAGRAPH_MAX } from '../../../src/domain/ports.js';
import type { ChatDocument } from '../../../src/domain/ports.js';
import { replaceTimes, timesAsUtc } from '../../../src/domain/time-ref.js';
import { toTimelineEntry } from '../../../src/domain/timeline/cluster-events.js';
import { TIMELINE_TEXT_MAX, renderTimeline } from '../../../src/domain/timeline/render-timeline.js';
import type { TimelineEntry, TimelineSource } from '../../../src/domain/timeline/timeline-entry.js';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';

const AT = { now: new Date('2025-03-04T22:00:00Z') };

/** People's messages are written as Slack sends them and stored as the Slack adapter hands them over (plain, mentions by id). */
const entry = (at: string, source: TimelineSource, text: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({
  key: `${source}/${at}/${text}`,
  at,
  source,
  ...(source === 'slack' ? readSlackText(text) : { text }),
  ...more,
});

/** A cluster event as the watcher writes it (real keys and texts). */
function event(at: string, kind: string, name: string, reason: string, message: string, more: Partial<EventEvidence> = {}): TimelineEntry {
  return toTimelineEntry({ object: { kind, name, namespace: 'shop' }, type: 'Normal', reason, message, count: 1, firstSeen: at, lastSeen: at, ...more } as EventEvidence);
}

/** A small incident, deliberately out of order (stores and redeliveries do not promise order). */
const INCIDENT: TimelineEntry[] = [
  entry('2025-03-04T21:09:00Z', 'slack', '<@U99|bob> rolled back to 46 &amp; cordoned <https://grafana.acme.io/d/1|node-7>', { author: 'U024BE7LH', important: true }),
  entry('2025-03-04T21:02:00Z', 'pagerduty', 'Triggered: checkout 5xx > 5% (P1)', { important: true }),
  entry('2025-03-04T21:05:00Z', 'cluster', 'BackOff: Back-off restarting failed container app in pod checkout-7c9', { count: 37, until: '2025-03-04T21:17:00Z' }),
  entry('2025-03-04T21:03:10Z', 'bot', 'Opened #inc-20250304-812-checkout'),
  entry('2025-03-04T21:12:00Z', 'slack', 'anyone looking at the db?', { author: 'U0BOB' }),
];

/** Lines as a reader in UTC would read them (the chat draws each time marker in the reader's zone). */
const lines = (docs: ChatDocument[]): string[] => docs.flatMap((d) => d.paragraphs.flatMap((p) => timesAsUtc(blockText(p)).split('\n')));

/** The summary (two lines) and the list. */
function sections(docs: ChatDocument[]): { summary: string[]; list: string[] } {
  const all = lines(docs);
  expect(all[1]).toMatch(/^⭐ marks key moments/);
  return { summary: all.slice(0, 1), list: all.slice(2) };
}

describe('renderTimeline', () => {
  it('lists every entry once, in time order, key entries marked in place with only their key phrase bold', () => {
    const docs = renderTimeline(INCIDENT, AT);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.title).toBe('Incident timeline');
    const { summary, list } = sections(docs);
    expect(summary).toEqual(['5 entries, 2 key · 21:02 UTC to 21:17 UTC (15m) · as of 22:00 UTC']);
    expect(list).toEqual([
      '⭐ 21:02 UTC [PD] *Triggered*: checkout 5xx > 5% (P1)',
      '21:03 UTC [bot] Opened #inc-20250304-812-checkout',
      '21:05 UTC [k8s] BackOff: Back-off restarting failed container app in pod checkout-7c9 ×37 until 21:17 UTC',
      '⭐ 21:09 UTC [slack] *Action* · <@U024BE7LH>: <@U99> rolled back to 46 & cordoned node-7',
      '21:12 UTC [slack] <@U0BOB>: anyone looking at the db?',
    ]);
  });

  it('writes every time as a marker for the reader’s zone, never as text, and names no zone', () => {
    const docs = renderTimeline(INCIDENT, { ...AT, timeZone: 'Europe/Berlin' });
    const raw = docs.flatMap((d) => d.paragraphs.map(blockText)).join('\n') + docs[0]!.title;
    expect(raw).toContain('⟦time 1741122120 time⟧');
    expect(raw).not.toMatch(/\d\d:\d\d|UTC|GMT|CET/);
  });

  it('collapses a rollout’s routine events into one line per burst, and keeps what is news', () => {
    const rollout = [
      event('2025-03-04T21:02:00Z', 'Deployment', 'checkout', 'ScalingReplicaSet', 'Scaled up replica set checkout-5f7b9 to 1'),
      event('2025-03-04T21:02:01Z', 'ReplicaSet', 'checkout-5f7b9', 'SuccessfulCreate', 'Created pod: checkout-5f7b9-aaaaa'),
      event('2025-03-04T21:02:02Z', 'Pod', 'checkout-5f7b9-aaaaa', 'Scheduled', 'Successfully assigned shop/checkout-5f7b9-aaaaa to node-1'),
      event('2025-03-04T21:02:05Z', 'Pod', 'checkout-5f7b9-aaaaa', 'Pulled', 'Container image "checkout:47" already present on machine', { count: 2 }),
      event('2025-03-04T21:02:06Z', 'Pod', 'checkout-5f7b9-aaaaa', 'Started', 'Started container app'),
      event('2025-03-04T21:03:00Z', 'Deployment', 'checkout', 'ScalingReplicaSet', 'Scaled down replica set checkout-6c8d1 to 0'),
      event('2025-03-04T21:03:02Z', 'Pod', 'checkout-6c8d1-bbbbb', 'Killing', 'Stopping container app'),
      event('2025-03-04T21:04:00Z', 'Pod', 'checkout-5f7b9-aaaaa', 'OOMKilling', 'Memory cgroup out of memory', { type: 'Warning' }),
      // An hour later, with no rollout near: a kill is news again.
      event('2025-03-04T22:10:00Z', 'Pod', 'checkout-5f7b9-aaaaa', 'Killing', 'Stopping container app'),
      // A lone routine event is a plain line, not a burst, and never key.
      event('2025-03-04T23:30:00Z', 'Pod', 'checkout-5f7b9-ccccc', 'Pulled', 'Container image "checkout:47" already present on machine'),
    ];
    expect(rollout[0]!.important).toBe(false);
    const { summary, list } = sections(renderTimeline([...rollout, entry('2025-03-04T21:02:30Z', 'slack', 'I think the new image leaks', { author: 'U1', important: true })], AT));
    expect(list).toEqual([
      '21:02 UTC [k8s] Rollout events ×8 until 21:03 UTC (ScalingReplicaSet ×2, SuccessfulCreate ×1, Scheduled ×1, Pulled ×2, Started ×1, Killing ×1); last: Scaled down replica set checkout-6c8d1 to 0',
      '⭐ 21:02 UTC [slack] *Hypothesis* · <@U1>: I think the new image leaks',
      '⭐ 21:04 UTC [k8s] pod/checkout-5f7b9-aaaaa: *OOMKilling* — Memory cgroup out of memory',
      '⭐ 22:10 UTC [k8s] pod/checkout-5f7b9-aaaaa: *Killing* — Stopping container app',
      '23:30 UTC [k8s] pod/checkout-5f7b9-ccccc: Pulled — Container image "checkout:47" already present on machine',
    ]);
    expect(summary[0]).toMatch(/^11 entries, 3 key · /);
  });

  it('labels people’s decisions, hypotheses and actions, thread replies included, so they are easy to spot', () => {
    const { list } = sections(
      renderTimeline(
        [
          entry('2025-03-04T21:00:00Z', 'slack', "let's roll back to 46", { author: 'U1', important: true }),
          entry('2025-03-04T21:01:00Z', 'slack', '(in thread) could be the connection pool, probably', { author: 'U2', important: true }),
          entry('2025-03-04T21:02:00Z', 'slack', 'errors back to normal', { author: 'U1' }),
          entry('2025-03-04T21:03:00Z', 'slack', ':pushpin: dashboard link for later', { author: 'U3', important: true }),
          entry('2025-03-04T21:04:00Z', 'slack', '(in thread) thanks', { author: 'U2' }),
          entry('2025-03-04T21:05:00Z', 'slack', 'found it: the pool is capped at 10', { author: 'U1', important: true }),
          entry('2025-03-04T21:06:00Z', 'slack', 'Resolved by <@U1>. Summary: errors back to normal', { author: 'U1', important: true }),
        ],
        AT,
      ),
    );
    expect(list).toEqual([
      '⭐ 21:00 UTC [slack] *Decision* · <@U1>: let\'s roll back to 46',
      '⭐ 21:01 UTC [slack] *Hypothesis* · <@U2> (in thread): could be the connection pool, probably',
      '21:02 UTC [slack] _status_ · <@U1>: errors back to normal',
      '⭐ 21:03 UTC [slack] *Pinned* · <@U3>: :pushpin: dashboard link for later',
      '21:04 UTC [slack] <@U2> (in thread): thanks',
      '⭐ 21:05 UTC [slack] *Root cause* · <@U1>: found it: the pool is capped at 10',
      '⭐ 21:06 UTC [slack] <@U1>: *Resolved* by <@U1>. Summary: errors back to normal',
    ]);
  });

  it('starts each day of the reader with a date header when the timeline spans several days', () => {
    const docs = renderTimeline(
      [entry('2025-03-09T09:30:00Z', 'pagerduty', 'Triggered'), entry('2025-03-08T23:50:00Z', 'cluster', 'OOMKilling', { count: 3, until: '2025-03-10T02:00:00Z' })],
      { timeZone: 'America/Los_Angeles', now: new Date('2025-03-10T03:00:00Z') },
    );
    const { summary, list } = sections(docs);
    // Saturday 15:50 and Sunday 01:30 in Los Angeles: two days there (one day in UTC).
    expect(list).toEqual(['*2025-03-08*', '23:50 UTC [k8s] OOMKilling ×3 until 02:00 UTC', '*2025-03-09*', '09:30 UTC [PD] Triggered']);
    expect(summary).toEqual(['2 entries, 0 key · 2025-03-08 23:50 UTC to 2025-03-10 02:00 UTC (1d 2h) · as of 2025-03-10 03:00 UTC']);
    // In UTC the same two entries share a day: no headers.
    const utc = sections(renderTimeline([entry('2025-03-09T09:30:00Z', 'pagerduty', 'Triggered'), entry('2025-03-09T00:50:00Z', 'bot', 'x')], { now: AT.now })).list;
    expect(utc).toEqual(['00:50 UTC [bot] x', '09:30 UTC [PD] Triggered']);
    // An unknown zone splits days as UTC does, without a warning (the times are the reader's anyway).
    expect(lines(renderTimeline(INCIDENT, { ...AT, timeZone: 'Mars/Olympus' }))).toEqual(lines(renderTimeline(INCIDENT, AT)));
  });

  it('renders an empty timeline as one short document', () => {
    expect(renderTimeline([], AT)).toEqual([{ title: 'Incident timeline', paragraphs: [{ text: 'Nothing has been recorded on this timeline yet.' }] }]);
  });

  it('keeps one line per entry: newlines flattened, long text cut, no stray asterisks', () => {
    const long = 'x'.repeat(TIMELINE_TEXT_MAX * 3);
    const { list } = sections(
      renderTimeline(
        [
          entry('2025-03-04T21:00:00Z', 'slack', 'root cause:\n\n*the pool*   is   too small', { author: 'U1', important: true }),
          entry('2025-03-04T21:01:00Z', 'cluster', long),
          entry('2025-03-04T21:02:00Z', 'bot', '   '),
        ],
        AT,
      ),
    );
    expect(list).toEqual(['⭐ 21:00 UTC [slack] <@U1>: *root cause*: the pool is too small', `21:01 UTC [k8s] ${'x'.repeat(TIMELINE_TEXT_MAX - 1)}…`, '21:02 UTC [bot] (no text)']);
  });

  it('keeps the arrival order of entries at the same time and puts unreadable times last', () => {
    const { list } = sections(
      renderTimeline(
        [entry('not a time', 'bot', 'broken clock'), entry('2025-03-04T21:00:00Z', 'slack', 'first'), entry('2025-03-04T21:00:00Z', 'slack', 'second'), entry('2025-03-04T20:59:00Z', 'pagerduty', 'page')],
        AT,
      ),
    );
    expect(list).toEqual(['20:59 UTC [PD] page', '21:00 UTC [slack] first', '21:00 UTC [slack] second', '--:-- [bot] broken clock']);
  });

  it('shows a repeat count without an end when the last occurrence is unknown, and nothing for a single occurrence', () => {
    const { list } = sections(
      renderTimeline([entry('2025-03-04T21:00:00Z', 'cluster', 'Unhealthy', { count: 4 }), entry('2025-03-04T21:01:00Z', 'cluster', 'BackOff', { count: 1, until: '2025-03-04T21:09:00Z' })], AT),
    );
    expect(list).toEqual(['21:00 UTC [k8s] Unhealthy ×4', '21:01 UTC [k8s] BackOff']);
  });

  it('renders 5,000 entries within the chat limits once times are Slack date tokens, each entry exactly once', () => {
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
    const docs = renderTimeline(many, AT);

    expect(docs.length).toBeGreaterThan(1);
    const token = '<!date^1741104000^{date_short_pretty} {time}|2025-03-04 16:00 UTC>';
    docs.forEach((d, i) => {
      expect(d.title).toBe(`Incident timeline (${i + 1}/${docs.length})`);
      expect(d.paragraphs.length).toBeLessThanOrEqual(CHAT_DOCUMENT_PARAGRAPHS);
      for (const p of d.paragraphs) expect(replaceTimes(blockStrings([renderBlock(p)]).join(''), () => token).length).toBeLessThanOrEqual(CHAT_PARAGRAPH_MAX);
    });
    const { list } = sections(docs);
    const ids = list.map((l) => /entry-(\d{4})/.exec(l)?.[1]).filter((id): id is string => id !== undefined);
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    // In time order (the list crosses midnight: a date header starts the second day).
    const times = ids.map((id) => Date.parse(many[Number(id)]!.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(list.filter((l) => /^\*\d{4}-\d\d-\d\d\*$/.test(l))).toEqual(['*2025-03-04*', '*2025-03-05*']);
    expect(list.filter((l) => l.startsWith('⭐ ')).length).toBe(many.filter((e) => e.important).length);
  });
});
