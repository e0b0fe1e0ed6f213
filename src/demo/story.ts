/**
 * The incident the demo plays by itself: checkout is paged, the bot opens the channel and
 * triages, people write a hypothesis and a decision, someone clicks Resolve, the post-mortem
 * draft appears, an action item is given to the visitor, and its reminder arrives by DM. Every
 * step waits for the bot's effect (a message appeared) and then pauses at a human pace.
 */
import type { FakeChannel, FakeMessage, FakeSlack } from './fakes/fake-slack.js';
import type { BotWire } from './bot-wire.js';
import { PEOPLE, VISITOR } from './demo-workspace.js';
import type { DemoService } from './demo-workspace.js';

/** What the page shows of the story: a line in the sidebar, and which channel to follow. */
export interface StoryProgress {
  line?: string | undefined;
  follow?: string | undefined;
  stopped?: boolean;
}

export interface StoryDeps {
  slack: FakeSlack;
  wire: BotWire;
  services: DemoService[];
  /** Multiplies every pause; 1 plays the story in about a minute. */
  pace: number;
  progress: StoryProgress;
  changed: () => void;
}

/** How long the story waits for one effect of the bot before it gives up. */
const EFFECT_TIMEOUT_MS = 90_000;

const person = (name: string) => PEOPLE.find((p) => p.name === name) ?? VISITOR;

export async function playStory(deps: StoryDeps): Promise<void> {
  const { slack, wire, progress } = deps;
  const bob = person('bob');
  const carol = person('carol');
  const checkout = deps.services.find((s) => s.service === 'checkout');
  if (!checkout) throw new Error('the demo cluster has no checkout service');
  const say = (line: string) => {
    progress.line = line;
    deps.changed();
  };
  const pause = (seconds: number) => sleep(seconds * 1000 * deps.pace, progress);
  const until = <T>(what: string, fn: () => T | undefined | false) => waitFor(what, fn, progress);

  say('▶ Story: in a moment PagerDuty pages the owner of checkout…');
  await pause(3);
  const { number } = await wire.page(checkout, 'checkout: 5xx rate above 20% for 5 minutes');
  say('▶ PagerDuty paged. Rootcause opens an incident channel and posts the card.');
  const channel = await until('the incident channel', () => [...slack.channels.values()].find((c) => new RegExp(`^inc-\\d{8}-${number}-`).test(c.name)));
  progress.follow = channel.id;
  await until('the incident card', () => slack.messages(channel.id).find((m) => hasAction(m, 'rootcause_resolve')));
  say('▶ The catalog maps this PagerDuty service to shop/checkout: triage runs at once.');
  await until('the triage summary', () => summaryIn(slack, channel));
  say('▶ Triage posted its verdict; the evidence is in its thread ("N replies").');
  await pause(8);

  await wire.say(bob.slackId, channel.id, 'Hypothesis: the 4.3.0 rollout shipped an image without start.sh, so every new pod exits 127 and the old ones are carrying all traffic.');
  say('▶ The team talks in the channel; Rootcause keeps the timeline.');
  await pause(6);
  await wire.say(carol.slackId, channel.id, 'Decision: roll back checkout to the previous revision now; fix the image in the morning.');
  await pause(6);
  await wire.say(bob.slackId, channel.id, 'Rolled back checkout to the previous revision: all pods Running, 5xx back to baseline.');
  await pause(5);

  say('▶ Carol clicks Resolve on the card.');
  const card = await until('the incident card', () => slack.messages(channel.id).find((m) => hasAction(m, 'rootcause_resolve')));
  await wire.click(carol.slackId, channel.id, card.ts, 'rootcause_resolve', actionValue(card, 'rootcause_resolve'));
  await until('the resolution', () => slack.messages(channel.id).find((m) => m.text.includes('Resolved by')));
  say('▶ Resolved: Rootcause drafts the post-mortem from the timeline.');
  await until('the post-mortem draft', () => slack.messages(channel.id).find((m) => m.text.startsWith(':memo: Post-mortem draft')));
  await pause(6);

  // Due in a few seconds, so the "it is due" reminder arrives while you watch.
  const due = new Date(Date.now() + Math.max(10, 15 * deps.pace) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  say('▶ Carol gives you an action item; its reminder comes to your DMs when it is due.');
  await wire.slash(carol.slackId, channel.id, `/incident action @${VISITOR.name} ${due} Add a CI check that the checkout image contains start.sh`);
  await until('the action item', () => slack.messages(channel.id).find((m) => /Action item|action item/.test(m.text) && m.text.includes('start.sh')));
  await until('the reminder DM', () => slack.dms(VISITOR.slackId).find((m) => m.text.includes('start.sh')));
  say('✔ Your turn: type /triage fraud-scorer, page another service, or click the buttons.');
}

function summaryIn(slack: FakeSlack, channel: FakeChannel): FakeMessage | undefined {
  return slack.messages(channel.id).find((m) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key?.endsWith('/summary'));
}

function buttons(m: FakeMessage): Array<{ action_id?: string; value?: string }> {
  const out: Array<{ action_id?: string; value?: string }> = [];
  for (const b of (m.blocks ?? []) as Array<{ type?: string; elements?: unknown[]; accessory?: unknown }>) {
    if (b.type === 'actions') out.push(...((b.elements ?? []) as Array<{ action_id?: string; value?: string }>));
    if (b.accessory) out.push(b.accessory as { action_id?: string; value?: string });
  }
  return out;
}

function hasAction(m: FakeMessage, actionId: string): boolean {
  return buttons(m).some((b) => b.action_id === actionId);
}

function actionValue(m: FakeMessage, actionId: string): string {
  return buttons(m).find((b) => b.action_id === actionId)?.value ?? '';
}

function sleep(ms: number, progress: StoryProgress): Promise<void> {
  if (progress.stopped) return Promise.reject(new Error('the demo stopped'));
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function waitFor<T>(what: string, fn: () => T | undefined | false, progress: StoryProgress): Promise<T> {
  const deadline = Date.now() + EFFECT_TIMEOUT_MS;
  for (;;) {
    if (progress.stopped) throw new Error('the demo stopped');
    const value = fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} after ${EFFECT_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100).unref());
  }
}
