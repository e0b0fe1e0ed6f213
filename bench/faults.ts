/**
 * Fault benchmark (issue 9): pages, resolves and triages run while a dependency misbehaves or
 * the process is killed, and for each fault it prints the effects expected, the effects seen,
 * duplicates, losses and, where the fault ends or the process dies, how long until the work was
 * done. Goal: 0 duplicates, 0 losses, recovery after SIGKILL ≤ 30 s.
 *
 * Effects counted per incident: its channel, its card, its announcement, the assignee's invite,
 * the note back to PagerDuty, the post-mortem intro and the post-mortem file. Real Redis, the real
 * bot (in this process, or as a child process that is SIGKILLed), the Slack, PagerDuty and
 * Kubernetes fakes; the production worker timings (lock 10 s, stalled check 5 s).
 *
 *   npx tsx bench/faults.ts [incidents=10] [pagerDutyOutageSeconds=30]
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { FakeKubeApi } from '../src/demo/fakes/fake-kube-api.js';
import { FakePagerDuty } from '../src/demo/fakes/fake-pagerduty.js';
import { FakeSlack } from '../src/demo/fakes/fake-slack.js';
import { addPaymentService } from '../test/adapters/kubernetes/scenarios.js';
import { waitForLine } from '../test/helpers/child-output.js';
import { incidentDelivery } from '../src/demo/wire/pagerduty-events.js';
import { TEST_REDIS_URL, deleteKeys, randomPrefix } from '../test/helpers/redis.js';
import { postSlack, slashCommand } from '../src/demo/wire/slack-requests.js';
import { startTestBot, testBotEnv } from '../test/helpers/test-bot.js';
import type { TestBot } from '../test/helpers/test-bot.js';
import { pagerDutySignature } from '../src/demo/wire/sign.js';
import { WEBHOOK_SECRET } from '../test/helpers/test-bot.js';

const INCIDENTS = Number(process.argv[2] ?? 10);
const PD_OUTAGE_S = Number(process.argv[3] ?? 30);
/** How long one scenario may take before it is reported as not finished (its losses then show). */
const SCENARIO_DEADLINE_MS = 10 * 60_000;

const EFFECTS = ['channel', 'card', 'announcement', 'invite', 'pagerduty note', 'post-mortem intro', 'post-mortem file'] as const;
type Effect = (typeof EFFECTS)[number];

interface Incident {
  id: string;
  number: number;
  title: string;
}

interface World {
  redis: Redis;
  prefix: string;
  slack: FakeSlack;
  pd: FakePagerDuty;
  announce: string;
  incidents: Incident[];
}

interface Row {
  fault: string;
  expected: number;
  seen: number;
  duplicates: number;
  losses: number;
  recovery: string;
  detail?: string;
}

const keyOf = (m: { metadata?: unknown }) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
const slug = (i: Incident) => `inc-20261121-${i.number}-`;

/** How many times each effect exists, per incident. */
function countEffects(w: World): Map<string, Record<Effect, number>> {
  const out = new Map<string, Record<Effect, number>>();
  const channels = [...w.slack.channels.values()];
  const announced = w.slack.messages(w.announce);
  for (const inc of w.incidents) {
    const mine = channels.filter((c) => c.name.startsWith(slug(inc)));
    const messages = mine.flatMap((c) => w.slack.messages(c.id));
    const keyed = (key: string) => messages.filter((m) => keyOf(m) === `pd-${inc.id}/${key}`).length;
    const files = w.slack.uploadedFiles().filter((f) => mine.some((c) => c.id === f.channel));
    out.set(inc.id, {
      channel: mine.length,
      card: keyed('card'),
      announcement: announced.filter((m) => keyOf(m) === `pd-${inc.id}/announce`).length,
      // Membership is a set: the effect is the assignee being in the channel.
      invite: mine.filter((c) => c.members.has('U0ALICE')).length,
      'pagerduty note': w.pd.notesFor(inc.id).length,
      'post-mortem intro': keyed('postmortem/intro'),
      'post-mortem file': files.length,
    });
  }
  return out;
}

function tally(w: World, effects: readonly Effect[]): { expected: number; seen: number; duplicates: number; losses: number; missing: string[] } {
  let seen = 0;
  let duplicates = 0;
  const missing: string[] = [];
  for (const [id, counts] of countEffects(w)) {
    for (const e of effects) {
      if (counts[e] > 0) seen += 1;
      else missing.push(`${id} ${e}`);
      duplicates += Math.max(0, counts[e] - 1);
    }
  }
  const expected = w.incidents.length * effects.length;
  return { expected, seen, duplicates, losses: expected - seen, missing };
}

async function until(check: () => boolean | Promise<boolean>, deadlineMs = SCENARIO_DEADLINE_MS): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Nothing waiting, running or scheduled for a retry in any queue (as /metrics reports it). */
async function drained(url: string): Promise<boolean> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const busy = [...text.matchAll(/rootcause_queue_jobs\{queue="([^"]+)",state="(waiting|active|delayed)"\} (\d+)/g)].filter((m) => m[1] !== 'digests' && m[1] !== 'reminders' && Number(m[3]) > 0);
  return busy.length === 0;
}

async function newWorld(tag: string): Promise<World> {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = randomPrefix();
  const slack = await FakeSlack.start();
  const pd = await FakePagerDuty.start();
  slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  const announce = slack.addChannel('incidents').id;
  const incidents = Array.from({ length: INCIDENTS }, (_, i) => ({ id: `P${tag}${String(i).padStart(3, '0')}`, number: 100 + i, title: `Checkout errors ${i}` }));
  for (const inc of incidents) pd.addIncident(triggered(inc).event.data as never);
  return { redis, prefix, slack, pd, announce, incidents };
}

async function closeWorld(w: World): Promise<void> {
  await w.slack.close();
  await w.pd.close();
  await deleteKeys(w.redis, w.prefix);
  await w.redis.quit();
}

function triggered(i: Incident) {
  return incidentDelivery('triggered', { id: i.id, number: i.number, title: i.title, assignees: [{ id: 'PALICE1', summary: 'Alice Adams', type: 'user_reference' }] }, { occurredAt: '2026-11-21T03:12:00Z' });
}

function resolved(i: Incident) {
  return incidentDelivery('resolved', { id: i.id, number: i.number, title: i.title, status: 'resolved', assignees: [{ id: 'PALICE1', summary: 'Alice Adams', type: 'user_reference' }] }, { occurredAt: '2026-11-21T04:00:00Z' });
}

async function deliverTo(url: string, body: unknown): Promise<void> {
  const text = JSON.stringify(body);
  const res = await fetch(`${url}/webhooks/pagerduty`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PagerDuty-Signature': pagerDutySignature(text, WEBHOOK_SECRET) }, body: text });
  if (res.status !== 202) throw new Error(`delivery answered ${res.status}`);
}

/** Pages every incident, then resolves each once it is open, and waits for all effects and an idle queue. */
async function pageAndResolve(w: World, bot: TestBot): Promise<void> {
  for (const inc of w.incidents) await bot.deliver(triggered(inc));
  await until(() => w.incidents.every((i) => w.pd.notesFor(i.id).length > 0));
  for (const inc of w.incidents) {
    w.pd.addIncident(resolved(inc).event.data as never);
    await bot.deliver(resolved(inc));
  }
  await settle(w, bot.url);
}

/** Every effect there (or the deadline), then an idle queue so late duplicates would show too. */
async function settle(w: World, url: string): Promise<void> {
  await until(() => tally(w, EFFECTS).losses === 0);
  await until(() => drained(url));
}

async function scenario(fault: string, arrange: (w: World) => void): Promise<Row> {
  const w = await newWorld(fault.replace(/\W/g, '').slice(0, 4).toUpperCase());
  arrange(w);
  const bot = await startTestBot({ slack: w.slack, pagerduty: w.pd, prefix: w.prefix, env: { INCIDENT_ANNOUNCE_CHANNEL: w.announce } });
  try {
    await pageAndResolve(w, bot);
    const t = tally(w, EFFECTS);
    return { fault, ...t, recovery: '—', ...(t.missing.length > 0 ? { detail: `missing: ${t.missing.slice(0, 3).join(', ')}` } : {}) };
  } finally {
    await bot.stop();
    await closeWorld(w);
  }
}

/** PagerDuty's REST API down for PD_OUTAGE_S while the pages arrive; recovery: from its return to the last effect. */
async function pagerDutyOutage(): Promise<Row> {
  const w = await newWorld('PDDN');
  const restore = w.pd.outage(503);
  const bot = await startTestBot({ slack: w.slack, pagerduty: w.pd, prefix: w.prefix, env: { INCIDENT_ANNOUNCE_CHANNEL: w.announce } });
  try {
    for (const inc of w.incidents) await bot.deliver(triggered(inc));
    // The cards do not wait for PagerDuty.
    const cardsWhileDown = await until(() => w.incidents.every((i) => (countEffects(w).get(i.id)?.card ?? 0) > 0), PD_OUTAGE_S * 1000);
    await new Promise((r) => setTimeout(r, Math.max(0, PD_OUTAGE_S * 1000 - 1000)));
    restore();
    const back = performance.now();
    await until(() => w.incidents.every((i) => w.pd.notesFor(i.id).length > 0 && (countEffects(w).get(i.id)?.invite ?? 0) > 0));
    const recovered = performance.now() - back;
    for (const inc of w.incidents) {
      w.pd.addIncident(resolved(inc).event.data as never);
      await bot.deliver(resolved(inc));
    }
    await settle(w, bot.url);
    const t = tally(w, EFFECTS);
    return { fault: `PagerDuty REST down ${PD_OUTAGE_S} s`, ...t, recovery: `${(recovered / 1000).toFixed(1)} s after it returned`, detail: `cards while down: ${cardsWhileDown ? 'all' : 'NOT all'}` };
  } finally {
    await bot.stop();
    await closeWorld(w);
  }
}

async function spawnBot(w: World, env: Record<string, string | undefined> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bot-process.ts'], {
    env: { ...process.env, ...testBotEnv({ slack: w.slack, pagerduty: w.pd, prefix: w.prefix, env: { INCIDENT_ANNOUNCE_CHANNEL: w.announce, ...env } }) } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = Number((await waitForLine(child, /^ready (\d+)$/, 60_000))[1]);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function kill(child: ChildProcess): Promise<number> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  const at = performance.now();
  await exited;
  return at;
}

/**
 * SIGKILL while pages and resolves are being handled (Slack hangs so the jobs are mid-flight);
 * a new process starts at once (as Kubernetes would restart the pod). Recovery: from the kill to
 * the last effect.
 */
async function killedMidWork(): Promise<Row> {
  const w = await newWorld('KILL');
  const a = await spawnBot(w);
  let b: TestBot | undefined;
  try {
    // Half the incidents are open before the crash, so resolves are in flight too.
    const half = w.incidents.slice(0, Math.ceil(w.incidents.length / 2));
    for (const inc of half) await deliverTo(a.url, triggered(inc));
    await until(() => half.every((i) => w.pd.notesFor(i.id).length > 0));
    const release = w.slack.hold();
    for (const inc of w.incidents.slice(half.length)) await deliverTo(a.url, triggered(inc));
    for (const inc of half) {
      w.pd.addIncident(resolved(inc).event.data as never);
      await deliverTo(a.url, resolved(inc));
    }
    await until(() => w.slack.heldRequests > 0);
    const killedAt = await kill(a.child);
    // Slack answers again; what the dead process had asked for may still take effect (act, no answer).
    release();
    b = await startTestBot({ slack: w.slack, pagerduty: w.pd, prefix: w.prefix, env: { INCIDENT_ANNOUNCE_CHANNEL: w.announce } });
    const restartedAt = performance.now();
    const seenAt = new Map<string, number>();
    await until(() => {
      if (process.env['BENCH_DEBUG']) for (const [id, c] of countEffects(w)) for (const [e, n] of Object.entries(c)) if (n > 0 && !seenAt.has(`${id} ${e}`)) seenAt.set(`${id} ${e}`, Math.round(performance.now() - killedAt));
      return w.incidents.every((i) => w.pd.notesFor(i.id).length > 0) && half.every((i) => (countEffects(w).get(i.id)?.['post-mortem file'] ?? 0) > 0);
    });
    if (process.env['BENCH_DEBUG']) console.error([...seenAt.entries()].sort((a, b) => a[1] - b[1]).map(([k, v]) => `${v} ${k}`).join('\n'), '\n', (await (await fetch(`${b.url}/metrics`)).text()).split('\n').filter((l) => l.includes('queue_jobs')).join('\n'));
    const recovered = performance.now() - killedAt;
    for (const inc of w.incidents.slice(half.length)) {
      w.pd.addIncident(resolved(inc).event.data as never);
      await b.deliver(resolved(inc));
    }
    await settle(w, b.url);
    const t = tally(w, EFFECTS);
    return { fault: 'SIGKILL mid page/resolve', ...t, recovery: `${(recovered / 1000).toFixed(1)} s after the kill (new process up ${((restartedAt - killedAt) / 1000).toFixed(1)} s after it)` };
  } finally {
    a.child.kill('SIGKILL');
    await b?.stop();
    await closeWorld(w);
  }
}

/** SIGKILL while a /triage waits on the Kubernetes API; recovery: from the kill to the summary posted by the new process. */
async function killedMidTriage(): Promise<Row> {
  const w = await newWorld('TRIA');
  const kube = await FakeKubeApi.start();
  addPaymentService(kube);
  const env = { KUBECONFIG: kube.kubeconfig().path };
  const a = await spawnBot(w, env);
  let b: TestBot | undefined;
  try {
    const channel = w.slack.addChannel('payments-oncall');
    const release = kube.hold(/events/);
    const body = slashCommand({ command: '/triage', text: 'payment-service', userId: 'U0ALICE', channelId: channel.id, responseUrl: w.slack.responseUrl('k1') });
    await postSlack(a.url, body, 'application/x-www-form-urlencoded');
    await until(() => kube.requests.some((r) => r.path.includes('/events')));
    const killedAt = await kill(a.child);
    release();
    b = await startTestBot({ slack: w.slack, pagerduty: w.pd, prefix: w.prefix, env });
    const summaries = () => w.slack.messages(channel.id).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
    await until(() => summaries().length > 0);
    const recovered = performance.now() - killedAt;
    await until(() => drained(b!.url));
    const n = summaries().length;
    return { fault: 'SIGKILL mid-triage', expected: 1, seen: Math.min(n, 1), duplicates: Math.max(0, n - 1), losses: n === 0 ? 1 : 0, recovery: `${(recovered / 1000).toFixed(1)} s after the kill`, detail: `writes to the cluster: ${kube.writeAttempts.length}` };
  } finally {
    a.child.kill('SIGKILL');
    await b?.stop();
    await kube.close();
    await closeWorld(w);
  }
}

const rows: Row[] = [];
const only = process.env['BENCH_ONLY'];
const runs: [string, () => Promise<Row>][] = [
  ['no fault (control)', () => scenario('no fault (control)', () => undefined)],
  [
    'Slack acts, then 500',
    () =>
      scenario('Slack acts, then 500', (w) => {
        w.slack.failNext('conversations.create', { status: 500, afterActing: true, times: Math.ceil(INCIDENTS / 2) });
        w.slack.failNext('chat.postMessage', { status: 500, afterActing: true, times: INCIDENTS });
        w.slack.failNext('files.completeUploadExternal', { status: 500, afterActing: true, times: Math.ceil(INCIDENTS / 2) });
      }),
  ],
  [
    'Slack 503 before acting',
    () =>
      scenario('Slack 503 before acting', (w) => {
        w.slack.failNext('conversations.create', { status: 503, times: Math.ceil(INCIDENTS / 2) });
        w.slack.failNext('chat.postMessage', { status: 503, times: INCIDENTS });
        w.slack.failNext('files.completeUploadExternal', { status: 503, times: Math.ceil(INCIDENTS / 2) });
      }),
  ],
  ['Slack 429 on posts', () => scenario('Slack 429 on posts', (w) => w.slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 1, times: INCIDENTS }))],
  ['PagerDuty down', pagerDutyOutage],
  ['SIGKILL mid page/resolve', killedMidWork],
  ['SIGKILL mid-triage', killedMidTriage],
];
for (const [name, run] of runs) {
  if (only !== undefined && !name.includes(only)) continue;
  const t0 = performance.now();
  try {
    rows.push(await run());
  } catch (err) {
    rows.push({ fault: name, expected: NaN, seen: NaN, duplicates: NaN, losses: NaN, recovery: '—', detail: `FAILED: ${err instanceof Error ? err.message : String(err)}` });
  }
  process.stderr.write(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

console.log(`faults | ${INCIDENTS} incidents per scenario, ${EFFECTS.length} effects each (${EFFECTS.join(', ')})`);
console.log('| fault | expected | seen | duplicates | losses | recovery | note |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.fault} | ${r.expected} | ${r.seen} | ${r.duplicates} | ${r.losses} | ${r.recovery} | ${r.detail ?? ''} |`);
process.exit(rows.some((r) => !(r.duplicates === 0 && r.losses === 0)) ? 1 : 0);
