/** The post-mortem names the rollout the triage saw (revision, image change, time) and, in its file, people by name. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FakeKubeApi } from '../../src/demo/fakes/fake-kube-api.js';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { TestQueues } from '../helpers/queues.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';
import { RedisKeys } from '../../src/adapters/redis/keys.js';
import { RedisTimelineStore } from '../../src/adapters/redis/redis-timeline-store.js';
import { addCrashAfterRollout } from '../adapters/kubernetes/rollout-scenario.js';

let redis: Redis;
let slack: FakeSlack;
let kube: FakeKubeApi;
let prefix: string;
let bots: TestBot[] = [];
let queues: TestQueues;
let env: Record<string, string | undefined>;

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomPrefix();
  slack = await FakeSlack.start();
  kube = await FakeKubeApi.start();
  slack.addUser({ id: 'U0ALICE', name: 'Alice Adams', tz: 'Europe/Berlin' });
  slack.addUser({ id: 'U0BOB', name: 'Bob Brown', tz: 'America/New_York' });
  const dir = mkdtempSync(join(tmpdir(), 'rootcause-catalog-'));
  const catalog = join(dir, 'services.yaml');
  // PA2P440 is the PagerDuty service of the captured deliveries in test/fixtures.
  writeFileSync(catalog, 'services:\n  payment-service:\n    namespace: payments\n    pagerduty: [PA2P440]\n');
  env = { KUBECONFIG: kube.kubeconfig().path, SERVICE_CATALOG: catalog };
  queues = new TestQueues(redis, prefix);
});
afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  bots = [];
  await queues.close();
  await slack.close();
  await kube.close();
  await deleteKeys(redis, prefix);
});

async function command(b: TestBot, text: string, channelId: string, userId = 'U0ALICE'): Promise<void> {
  const body = slashCommand({ command: '/incident', text, userId, channelId, responseUrl: slack.responseUrl() }).replace('trigger_id=123.456.abc', `trigger_id=${Date.now()}.${text.length}`);
  expect((await postSlack(b.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
}

describe('post-mortem trigger', () => {
  it('names the revision, the image change and its time from the triage, and people by name in the file', async () => {
    const now = new Date();
    const { rolloutAt } = addCrashAfterRollout(kube, { now, rolloutMinutesAgo: 20 });
    const pagedAt = new Date(now.getTime() - 5 * 60_000);
    const b = await startTestBot({ slack, prefix, env });
    bots.push(b);
    await b.deliver(incidentDelivery('triggered', { id: 'PROLL01', number: 91, title: 'Payments 5xx', created_at: pagedAt.toISOString(), assignees: [] }));
    const channel = await slack.waitFor(() => [...slack.channels.values()].find((c) => c.name.endsWith('-91-payments-5xx')));
    const timeline = new RedisTimelineStore(redis, new RedisKeys(prefix));
    // The page's catalog triage has read the revision history.
    await waitUntil(async () => (await timeline.list('pd-PROLL01')).some((e) => e.rollout?.revision === 14), 'the rollout on the timeline');
    await command(b, 'lead <@U0ALICE>', channel.id);
    await slack.waitFor(() => slack.messages(channel.id).find((m) => m.text.includes('is now the incident lead')));
    await queues.waitForIdle();
    await command(b, 'resolve rolled back to 1.8.2; thanks <@U0BOB>', channel.id);
    const file = await slack.waitFor(() => slack.uploadedFiles().find((f) => f.channel === channel.id && f.filename.endsWith('.md')));
    await queues.waitForIdle();

    const sec = Math.floor(rolloutAt.getTime() / 1000);
    const utc = `${rolloutAt.toISOString().slice(0, 10)} ${rolloutAt.toISOString().slice(11, 16)} UTC`;
    const triggerLine = file.content.split('\n').find((l) => l.includes('Last rollout before the page'));
    expect(triggerLine).toBe(`- **Last rollout before the page:** revision 14 of \`deployment/payment-service\` — app image payments:1.8.2 → 1.9.0 and 1 more change, at ${utc} (15 minutes before the page) — _to confirm_ whether this change set it off.`);
    const trigger = file.content.slice(file.content.indexOf('## Trigger'), file.content.indexOf('## Root cause'));
    expect(trigger).toContain('Last rollout before the page');
    expect(trigger).not.toContain('ScalingReplicaSet');
    // Names, not ids, in the file; the resolve note's mention too.
    expect(file.content).toContain('| **Owner** | Alice Adams (incident lead) |');
    expect(file.content).toContain('thanks Bob Brown');
    expect(file.content).not.toMatch(/<@U|@U0/);

    const posted = slack.messages(channel.id).map((m) => JSON.stringify(m.blocks ?? m.text)).join('\n');
    expect(posted).toContain(`revision 14 of \`deployment/payment-service\` — app image payments:1.8.2 → 1.9.0 and 1 more change, at <!date^${sec}^`);
    expect(posted).toContain('<@U0ALICE> (incident lead)');
  });

  it('says no rollout was recorded when no triage ran', async () => {
    const b = await startTestBot({ slack, prefix });
    bots.push(b);
    await b.deliver(incidentDelivery('triggered', { id: 'PROLL02', number: 92, title: 'Orders slow', assignees: [] }));
    const channel = await slack.waitFor(() => [...slack.channels.values()].find((c) => c.name.endsWith('-92-orders-slow')));
    await slack.waitFor(() => slack.messages(channel.id)[0]);
    await queues.waitForIdle();
    await command(b, 'resolve', channel.id);
    const file = await slack.waitFor(() => slack.uploadedFiles().find((f) => f.channel === channel.id && f.filename.endsWith('.md')));
    expect(file.content).toContain('- **Last rollout before the page:** No rollout recorded (no triage ran).');
  });
});
