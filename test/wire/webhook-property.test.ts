/**
 * Property: whatever correctly signed JSON-ish body reaches POST /webhooks/pagerduty, the
 * server answers 202, 200 or 400 (never 5xx, never hangs), and once the jobs have drained no
 * incident is left half-made: a channel always has its card, and every channel the bot
 * created belongs to a stored incident.
 */
import type { Queue } from 'bullmq';
import fc from 'fast-check';
import { beforeEach, expect, it } from 'vitest';
import { DEADLINE_MS, waitUntil } from '../helpers/deadline.js';
import { incidentDelivery, noteDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { pagerDutySignature } from '../../src/demo/wire/sign.js';
import { WEBHOOK_SECRET } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const MAX_BODY = 256 * 1024;
/** PROPERTY_RUNS=500 for a longer hunt; the default keeps the test under 20 s. */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

// One test: the bot, its fakes and its prefix serve every run of the property.
const wire = useWire({ pagerduty: true });
let queue: Queue;
let bot: TestBot;

beforeEach(async () => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  bot = await wire.startBot();
  queue = wire.queues.queue('pagerduty-events');
});

// --- generators ------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly string[];

const EVENT_TYPES = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.unacknowledged',
  'incident.escalated',
  'incident.reassigned',
  'incident.delegated',
  'incident.priority_updated',
  'incident.annotated',
  'incident.reopened',
  'incident.resolved',
  'incident.responder.added',
  'service.updated',
  'pagey.ping',
];

/** A few incident ids, so several events land on the same incident; now and then an odd one. */
const incidentId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('PPROP01', 'PPROP02', 'PPROP03', 'PPROP04') },
  { weight: 1, arbitrary: fc.constantFrom('P:WITH:COLONS', '12345', 'P/slash', 'Pé字🔥', 'P'.repeat(64), 'p-lower') },
);

const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\n\t', '*bold* _it_ <!channel> <@U0ALICE> `code`', '<script>', '\u0000', '‮reversed', '1e309'),
);

const wrongTyped: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 }),
  oddString,
);

const hugeString = fc
  .tuple(fc.constantFrom('x', 'é', '字', '🔥', 'ab '), fc.integer({ min: 1_000, max: 50_000 }))
  .map(([unit, n]) => unit.repeat(n));

const PATHS: Path[] = [
  ['event', 'id'],
  ['event', 'event_type'],
  ['event', 'occurred_at'],
  ['event', 'agent'],
  ['event', 'agent', 'summary'],
  ['event', 'data'],
  ['event', 'data', 'id'],
  ['event', 'data', 'number'],
  ['event', 'data', 'title'],
  ['event', 'data', 'status'],
  ['event', 'data', 'html_url'],
  ['event', 'data', 'created_at'],
  ['event', 'data', 'service'],
  ['event', 'data', 'service', 'id'],
  ['event', 'data', 'service', 'summary'],
  ['event', 'data', 'assignees'],
  ['event', 'data', 'priority'],
  ['event', 'data', 'urgency'],
  ['event', 'data', 'escalation_policy'],
  ['event', 'data', 'resolve_reason'],
  ['event', 'data', 'content'],
  ['event', 'data', 'incident'],
  ['event', 'data', 'incident', 'id'],
  ['event', 'data', 'incident', 'summary'],
];

type Mutation =
  | { kind: 'remove'; path: Path }
  | { kind: 'set'; path: Path; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: wrongTyped }),
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: hugeString }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constant(['event', 'data', 'title'] as Path),
    value: fc.oneof(oddString, fc.string({ unit: 'grapheme', minLength: 100, maxLength: 2_000 })),
  }),
  // Huge text where it ends up in Slack messages: titles, names, notes, reasons.
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom<Path>(
      ['event', 'data', 'title'],
      ['event', 'agent', 'summary'],
      ['event', 'data', 'content'],
      ['event', 'data', 'service', 'summary'],
      ['event', 'data', 'priority', 'summary'],
      ['event', 'data', 'urgency'],
      ['event', 'data', 'resolve_reason'],
      ['event', 'data', 'incident', 'summary'],
      ['event', 'data', 'html_url'],
    ),
    value: fc.integer({ min: 30_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom<Path>(['event', 'occurred_at'], ['event', 'data', 'created_at']),
    value: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  }),
  fc.constant<Mutation>({ kind: 'set', path: ['event', 'data'], value: null }),
  fc.constant<Mutation>({ kind: 'remove', path: ['event', 'data', 'id'] }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constant(['event', 'occurred_at'] as Path),
    value: fc.constantFrom('1970-01-01T00:00:00Z', '2999-12-31T23:59:59Z', '2026-11-21', '0', 'Thu, 01 Jan 1970 00:00:00 GMT', '2026-13-45T99:99:99Z'),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constant(['event', 'data', 'number'] as Path),
    value: fc.constantFrom(0, -1, 1.5, 1e20, Number.MAX_SAFE_INTEGER, '9'),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constant(['event', 'data', 'assignees'] as Path),
    value: fc.constantFrom<Json>([], [{ id: 'PALICE1' }], [{ id: 'PNOBODY', summary: null }], [{ summary: 'no id' }], Array.from({ length: 120 }, (_, i) => ({ id: `PU${i}`, summary: `User ${i}` }))),
  }),
);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function applyMutation(doc: Json, m: Mutation): Json {
  const root = clone(doc);
  let node: Json = root;
  for (const key of m.path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return root;
    const next: Json | undefined = node[key];
    if (next === undefined) return root;
    node = next;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return root;
  const last = m.path[m.path.length - 1]!;
  if (m.kind === 'remove') delete node[last];
  else node[last] = m.value;
  return root;
}

/** A real delivery (any event type, incident or note), then a few mutations. */
const mutatedDelivery: fc.Arbitrary<Json> = fc
  .record({
    type: fc.constantFrom(...EVENT_TYPES),
    id: incidentId,
    number: fc.integer({ min: 1, max: 99_999 }),
    title: fc.oneof(fc.constant('Payment API: 5xx rate above 5%'), oddString),
    mutations: fc.array(mutation, { maxLength: 3 }),
  })
  .map(({ type, id, number, title, mutations }) => {
    const base =
      type === 'incident.annotated'
        ? noteDelivery(id, `note ${title}`)
        : incidentDelivery(type.replace(/^incident\./, ''), { id, number, title, assignees: [{ id: 'PALICE1', summary: 'Alice Adams' }] });
    if (!type.startsWith('incident.')) (base.event as { event_type: string }).event_type = type;
    return mutations.reduce<Json>((doc, m) => applyMutation(doc, m), base as unknown as Json);
  });

/** Objects that look a little like an envelope, with anything in the fields. */
const envelopeish: fc.Arbitrary<Json> = fc.record(
  {
    event: fc.record(
      {
        id: fc.oneof(oddString, fc.integer()),
        event_type: fc.oneof(fc.constantFrom(...EVENT_TYPES), oddString),
        resource_type: fc.oneof(fc.constant('incident'), oddString),
        occurred_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), oddString),
        agent: fc.oneof(fc.constant(null), fc.record({ id: oddString, summary: oddString })),
        data: fc.oneof(
          fc.constant(null),
          fc.record({ id: incidentId, title: oddString }, { requiredKeys: [] }),
          fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** The body text of a payload; `undefined` (from fc.anything) is sent as an empty body. */
const body: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.anything().map((v) => safeStringify(v)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: envelopeish.map((v) => JSON.stringify(v)) },
  { weight: 6, arbitrary: mutatedDelivery.map((v) => JSON.stringify(v)) },
);

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

// --- checks ---------------------------------------------------------------------------------

interface StoredIncident {
  id: string;
  channel?: { id: string; name: string };
  cardTs?: string;
}

async function storedIncidents(): Promise<StoredIncident[]> {
  const incidents: StoredIncident[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await wire.redis.scan(cursor, 'MATCH', `${wire.prefix}:incident:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      if ((await wire.redis.type(key)) !== 'string') continue;
      const raw = await wire.redis.get(key);
      if (raw !== null) incidents.push(JSON.parse(raw) as StoredIncident);
    }
  } while (cursor !== '0');
  return incidents;
}

/** Waits for the queue to drain (up to the deadline); returns what is left, for the assertions to report. */
async function waitForDrain(): Promise<Record<string, number>> {
  let counts: Record<string, number> = {};
  await waitUntil(async () => {
    counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).every((n) => n === 0);
  }, 'the queue draining').catch(() => undefined);
  return counts;
}

it('answers 202/200/400 to any signed body and never leaves a half-made incident', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      fc.pre(Buffer.byteLength(text) <= MAX_BODY);
      const res = await fetch(`${bot.url}/webhooks/pagerduty`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PagerDuty-Signature': pagerDutySignature(text, WEBHOOK_SECRET) },
        body: text,
        signal: AbortSignal.timeout(DEADLINE_MS),
      });
      const answer = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect([200, 202, 400], `status ${res.status} (${answer}) for ${text.slice(0, 300)}`).toContain(res.status);
    }),
    { numRuns: NUM_RUNS, interruptAfterTimeLimit: Number(process.env.PROPERTY_TIME_LIMIT_MS ?? DEADLINE_MS), markInterruptAsFailure: false },
  );
  // The property must have exercised the interesting paths, not only 400s.
  expect(statuses.get(202) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(5);
  expect(statuses.get(400) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(5);

  const busy = await waitForDrain();
  const failed = await queue.getJobs(['failed', 'delayed']);
  const why = failed.map((j) => `${j.id}: ${j.failedReason} (${JSON.stringify(j.data).slice(0, 200)})`).join('\n');

  const incidents = await storedIncidents();
  if (process.env.PROPERTY_DEBUG) console.log({ statuses: [...statuses], busy, incidents: incidents.length, channels: wire.slack.channels.size, why });
  const halfMade = incidents.filter((i) => i.channel !== undefined && i.cardTs === undefined);
  expect(halfMade.map((i) => i.id), `incidents with a channel but no card; jobs that failed or wait to retry:\n${why}`).toEqual([]);

  const owned = new Set(incidents.flatMap((i) => (i.channel ? [i.channel.id] : [])));
  const orphans = [...wire.slack.channels.values()].filter((c) => !owned.has(c.id)).map((c) => c.name);
  expect(orphans, `channels no stored incident owns; jobs that failed or wait to retry:\n${why}`).toEqual([]);

  // And each incident has exactly one card, the one it points at.
  for (const incident of incidents.filter((i) => i.cardTs !== undefined)) {
    const cards = wire.slack.messages(incident.channel!.id).filter((m) => keyOf(m) === `${incident.id}/card`);
    expect(cards.map((m) => m.ts), `cards of ${incident.id}`).toEqual([incident.cardTs]);
  }
  // Nothing here fails on purpose (the fakes inject no errors), so every accepted event must have been handled.
  expect(why, 'jobs that failed or wait to retry').toBe('');
  expect(busy, `jobs still queued after draining; failed or retrying:\n${why}`).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0 });
});
