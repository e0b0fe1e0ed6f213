/**
 * `npm run render:demo [-- --tz Europe/Berlin]`: a full incident, in process, against the fakes (as
 * the wire tests run it): a signed PagerDuty page opens the channel, the on-call acknowledges and
 * takes the lead, `/triage payment-service` reads a Deployment crash-looping since its rollout to
 * 1.9.0, people post a hypothesis and a decision, `/incident timeline`, an action item, resolve and
 * the post-mortem. What Slack received is written to docs/render/demo-dump.json and drawn as
 * docs/render/demo.html. Needs Redis at REDIS_URL (default 127.0.0.1:6379).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderWorkspace } from '../src/demo/slack-html/render-page.js';
import { addCrashAfterRollout } from '../test/adapters/kubernetes/rollout-scenario.js';
import { FakeKubeApi } from '../src/demo/fakes/fake-kube-api.js';
import { FakeSlack } from '../src/demo/fakes/fake-slack.js';
import type { FakeChannel } from '../src/demo/fakes/fake-slack.js';
import { incidentDelivery } from '../src/demo/wire/pagerduty-events.js';
import { TestQueues } from '../test/helpers/queues.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../test/helpers/redis.js';
import { eventCallback, postSlack, slashCommand } from '../src/demo/wire/slack-requests.js';
import { startTestBot } from '../test/helpers/test-bot.js';
import type { TestBot } from '../test/helpers/test-bot.js';

const OUT_DIR = 'docs/render';
const INCIDENT = { id: 'PDEMO07', number: 7, title: 'payment-service 5xx above 5%' };

async function main(): Promise<void> {
  const tzArg = process.argv.indexOf('--tz');
  const timeZone = tzArg > 0 ? (process.argv[tzArg + 1] ?? 'UTC') : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = new Date();
  const redis = connectTestRedis();
  const prefix = randomPrefix();
  const slack = await FakeSlack.start();
  const kube = await FakeKubeApi.start();
  const queues = new TestQueues(redis, prefix);
  let bot: TestBot | undefined;
  try {
    slack.addUser({ id: 'U0ALICE', name: 'Alice Adams', tz: 'Europe/Berlin' });
    slack.addUser({ id: 'U0BOB', name: 'Bob Brown', tz: 'America/New_York' });
    const announce = slack.addChannel('incidents', { members: ['U0ALICE', 'U0BOB'] });
    addCrashAfterRollout(kube, { now, rolloutMinutesAgo: 20 });
    const catalogDir = mkdtempSync(join(tmpdir(), 'rootcause-demo-'));
    const catalog = join(catalogDir, 'services.yaml');
    writeFileSync(catalog, 'services:\n  payment-service:\n    namespace: payments\n    owners: [U0BOB]\n');
    bot = await startTestBot({ slack, prefix, env: { KUBECONFIG: kube.kubeconfig().path, SERVICE_CATALOG: catalog, INCIDENT_ANNOUNCE_CHANNEL: announce.id } });
    const b = bot;
    const step = async (what: string, fn: () => Promise<unknown>) => {
      await fn();
      await queues.waitForIdle();
      console.log(`✓ ${what}`);
    };

    const pagedAt = new Date(now.getTime() - 6 * 60_000);
    await step('page', () => b.deliver(incidentDelivery('triggered', { ...INCIDENT, created_at: pagedAt.toISOString(), assignees: [] })));
    const channel = await slack.waitFor(() => [...slack.channels.values()].find((c) => c.name.includes(`-${INCIDENT.number}-`)));
    await slack.waitFor(() => slack.messages(channel.id)[0]);
    await step('acknowledge', () => b.deliver(incidentDelivery('acknowledged', { ...INCIDENT, created_at: pagedAt.toISOString(), assignees: [] }, { agentName: 'Alice Adams' })));
    await step('lead', () => command(b, slack, '/incident', 'lead <@U0ALICE>', channel));
    await step('triage', () => command(b, slack, '/triage', 'payment-service', channel));
    await slack.waitFor(() => slack.messages(channel.id).find((m) => /Triage|triage/.test(JSON.stringify(m.blocks ?? m.text)) && m.user !== 'U0ALICE'));
    await step('hypothesis', () => say(b, slack, channel, 'U0BOB', 'hypothesis: 1.9.0 reads STRIPE_API_KEY and the payments-stripe secret has no api-key, so every pod exits 1 at start'));
    await step('decision', () => say(b, slack, channel, 'U0ALICE', 'decision: roll back to revision 13 (payments:1.8.2) now, fix the secret before we roll forward'));
    await step('action taken', () => say(b, slack, channel, 'U0ALICE', 'ran `kubectl rollout undo deployment/payment-service -n payments`, 3/3 pods ready, 5xx back to 0.1%'));
    await step('timeline', () => command(b, slack, '/incident', 'timeline', channel));
    await step('action item', () => command(b, slack, '/incident', 'action <@U0BOB> 3d add STRIPE_API_KEY to the release checklist and fail the deploy when a required secret key is missing', channel));
    await step('resolve', () => command(b, slack, '/incident', 'resolve rolled back to 1.8.2; 1.9.0 needs the payments-stripe api-key before it ships again', channel));
    await slack.waitFor(() => slack.uploadedFiles().find((f) => f.channel === channel.id));
    await queues.waitForIdle();

    mkdirSync(OUT_DIR, { recursive: true });
    const dump = slack.dump();
    writeFileSync(join(OUT_DIR, 'demo-dump.json'), `${JSON.stringify(dump, null, 2)}\n`);
    writeFileSync(join(OUT_DIR, 'demo.html'), renderWorkspace(dump, { timeZone, now }));
    console.log(`${OUT_DIR}/demo-dump.json and ${OUT_DIR}/demo.html: ${dump.messages.length} messages in ${new Set(dump.messages.map((m) => m.channel)).size} conversations (times in ${timeZone})`);
  } finally {
    await bot?.stop();
    await queues.close();
    await slack.close();
    await kube.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  }
}

let triggers = 0;
async function command(b: TestBot, slack: FakeSlack, name: string, text: string, channel: FakeChannel, userId = 'U0ALICE'): Promise<void> {
  const body = slashCommand({ command: name, text, userId, channelId: channel.id, responseUrl: slack.responseUrl() }).replace('trigger_id=123.456.abc', `trigger_id=${Date.now()}.${++triggers}`);
  const res = await postSlack(b.url, body, 'application/x-www-form-urlencoded');
  if (res.status !== 200) throw new Error(`${name} ${text}: HTTP ${res.status}`);
}

/** A person's message: in the channel (for the picture) and delivered to the bot as Slack would. */
async function say(b: TestBot, slack: FakeSlack, channel: FakeChannel, user: string, text: string): Promise<void> {
  const message = slack.addMessage(channel.id, { user, text });
  const res = await postSlack(b.url, eventCallback({ type: 'message', user, text, ts: message.ts, channel: channel.id }), 'application/json');
  if (res.status !== 200) throw new Error(`message event: HTTP ${res.status}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
