/**
 * The first screen of a triage (issue 10), read from the Block Kit the bot sends through the Slack
 * fake: realistic stories of the triage corpus are loaded into the Kubernetes fake and triaged by
 * the real bot with `/triage`, its clock at the stories' instant. The summary fits one screen with
 * the verdict line first, the thread reads like notes (no reply over 3,000 characters, no block
 * twice, each identical log tail once), and no time is written in UTC outside code. The live
 * progress and the raw file shared once are the triage flow's (test/domain/triage/run-triage.flow.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeMessage } from '../../src/demo/fakes/fake-slack.js';
import { AMPLE_BUDGET_MS } from '../helpers/deadline.js';
import { blockStrings, hasRawUtcInProse, visibleLength } from '../helpers/slack-text.js';
import type { TestBot } from '../helpers/test-bot.js';
import { NOW } from '../triage-corpus/kit/clock.js';
import type { CorpusScenario } from '../triage-corpus/scenario.js';
import { CORPUS } from '../triage-corpus/scenarios/index.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire({ kube: true });
let bot: TestBot;
let channel: FakeChannel;

beforeEach(async () => {
  channel = wire.slack.addChannel('oncall');
  bot = await wire.startBot({
    env: { KUBECONFIG: wire.kube.kubeconfig({ contexts: ['prod-eu-west-1'] }).path },
    start: { triageBudgetMs: AMPLE_BUDGET_MS, clock: { now: () => NOW } },
  });
});

function story(id: string): CorpusScenario {
  const s = CORPUS.find((c) => c.id === id);
  if (!s) throw new Error(`no corpus story ${id}`);
  return s;
}

function load(s: CorpusScenario): void {
  for (const o of s.objects) wire.kube.add(o);
  for (const l of s.logs ?? []) {
    wire.kube.setLogs(l.namespace, l.pod, l.container, { ...(l.current === undefined ? {} : { current: l.current }), ...(l.previous === undefined ? {} : { previous: l.previous }) });
  }
}

async function triage(s: CorpusScenario): Promise<void> {
  await wire.command(bot, { command: '/triage', text: `${s.ask.service}${s.ask.namespace ? ` --namespace ${s.ask.namespace}` : ''}`, channelId: channel.id });
}

const summaries = () => wire.slack.messages(channel.id).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
const isProgress = (m: FakeMessage) => JSON.stringify(m.blocks ?? []).includes('"block_id":"triage-progress"');
const repliesTo = (ts: string) => wire.slack.messages(channel.id).filter((m) => m.thread_ts === ts && m.ts !== ts);
const textsOf = (m: FakeMessage) => [...blockStrings(m.blocks ?? []), m.text];

/** Triages the story to the end and returns the summary and its thread as the fake holds them. */
async function triageToTheEnd(s: CorpusScenario): Promise<{ summary: FakeMessage; replies: FakeMessage[] }> {
  await triage(s);
  await wire.queues.waitForIdle();
  const [summary] = summaries();
  expect(summaries()).toHaveLength(1);
  expect(isProgress(summary!)).toBe(false);
  return { summary: summary!, replies: repliesTo(summary!.ts) };
}

/** The rules of the first screen that hold for every story. */
function expectFirstScreen(s: CorpusScenario, summary: FakeMessage, replies: FakeMessage[]): void {
  expect(visibleLength(summary)).toBeLessThanOrEqual(1500);
  const [first] = blockStrings(summary.blocks ?? []);
  // The verdict line first: the verdict and, for a problem, the workload and its mechanism.
  expect(first).toMatch(/^:rotating_light: \*[a-z]+\/\S+ in \S+\*: /);
  for (const re of s.expect.headline.filter((r) => !/roll ?back|revision \d+ to/i.test(r.source))) expect(blockStrings(summary.blocks ?? []).slice(0, 2).join('\n')).toMatch(re);
  const summaryText = textsOf(summary).join('\n');
  expect(summaryText).not.toMatch(/\d+ problems?\b.*Top:/);
  expect(summaryText).not.toContain('Likely cause');
  expect(summaryText).toContain('*Next:*');
  expect(summaryText).toMatch(/`kubectl [^`]+`/);
  expect(hasRawUtcInProse(summaryText)).toBe(false);

  expect(replies.length).toBeGreaterThan(0);
  const seen = new Set<string>();
  for (const r of replies) {
    expect(visibleLength(r)).toBeLessThanOrEqual(3000);
    expect(hasRawUtcInProse(textsOf(r).join('\n'))).toBe(false);
    // The title block of a reply is unique by its title; every other block must be too.
    for (const b of r.blocks ?? []) {
      const key = JSON.stringify(b);
      expect(seen.has(key), `block repeated in the thread: ${key.slice(0, 200)}`).toBe(false);
      seen.add(key);
    }
  }
  // The raw evidence, when attached, is one file in the thread.
  const files = replies.flatMap((r) => r.files ?? []);
  expect(files.length).toBeLessThanOrEqual(1);
  expect(wire.slack.uploadedFiles().filter((f) => f.filename.startsWith('triage-'))).toHaveLength(files.length);
}

/** Log tails (code blocks of the Logs replies) of one thread. */
function logTails(replies: FakeMessage[]): string[] {
  return replies
    .filter((r) => r.text.startsWith('Logs'))
    .flatMap((r) => blockStrings(r.blocks ?? []))
    .filter((t) => t.startsWith('```'));
}

describe('the first screen of a triage', () => {
  it('a crash loop after a rollout: the verdict, the crash line quoted, the rollback to paste', async () => {
    const s = story('holdout-readonly-rootfs-erofs-tmp');
    load(s);
    const { summary, replies } = await triageToTheEnd(s);
    expectFirstScreen(s, summary, replies);
    const text = blockStrings(summary.blocks ?? []).join('\n');
    expect(text).toMatch(/^> `[^`]+`$/m);
    expect(text).toMatch(/\*Next:\*.*`kubectl rollout undo deployment\/\S+ --to-revision=\d+/);
  });

  it('an OOM kill on every pod: one log tail for the pods that crash alike', async () => {
    const s = story('jvm-xmx-above-memory-limit-oomkilled');
    load(s);
    const { summary, replies } = await triageToTheEnd(s);
    expectFirstScreen(s, summary, replies);
    expect(blockStrings(summary.blocks ?? [])[0]).toMatch(/OOMKilled/);
    const tails = logTails(replies);
    expect(tails.length).toBeGreaterThan(0);
    expect(new Set(tails).size).toBe(tails.length);
    expect(replies.map((r) => JSON.stringify(r.blocks)).join('\n')).toMatch(/same on 4 pods/);
    // The raw evidence is long: one file in the thread, every tail in it per pod, times in UTC.
    expect(replies.flatMap((r) => r.files ?? [])).toHaveLength(1);
    const [file] = wire.slack.uploadedFiles();
    expect(file?.content.match(/== Logs of fraud-scorer-/g)?.length).toBeGreaterThanOrEqual(4);
    expect(file?.content).not.toContain('⟦time');
    expect(file?.content).toMatch(/read 2026-11-21 03:14 UTC/);
  });

  it('hundreds of Pending pods: counted with the first few named, never a line each', async () => {
    const s = story('scheduling-300-replicas-260-pending-insufficient-memory');
    load(s);
    const { summary, replies } = await triageToTheEnd(s);
    expectFirstScreen(s, summary, replies);
    const thread = replies.map((r) => textsOf(r).join('\n')).join('\n');
    expect(thread).toMatch(/\d+ × Pending: Unschedulable: \S+, \S+, \S+ and \d+ more/);
  });

  it('a read that fails is said in the summary, never guessed around', async () => {
    const s = story('holdout-readonly-rootfs-erofs-tmp');
    load(s);
    wire.kube.forbid({ namespace: s.ask.namespace ?? 'default', resource: 'events' });
    await triage(s);
    await wire.queues.waitForIdle();
    const [summary] = summaries();
    expect(isProgress(summary!)).toBe(false);
    expect(visibleLength(summary!)).toBeLessThanOrEqual(1500);
    const text = textsOf(summary!).join('\n');
    expect(text).toMatch(/:warning: \*Could not read\* [^\n]*\(forbidden\)/);
    expect(text).not.toMatch(/\d+ events\b/);
    const unread = repliesTo(summary!.ts).find((r) => r.text === 'Could not read');
    expect(JSON.stringify(unread?.blocks)).toContain('forbidden');
  });
});
