/** The post-mortem names the rollout the triage saw (revision, image change, time) and, in its file, people by name. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { addCrashAfterRollout } from '../adapters/kubernetes/rollout-scenario.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire({ kube: true });
let env: Record<string, string | undefined>;

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'Alice Adams', tz: 'Europe/Berlin' });
  wire.slack.addUser({ id: 'U0BOB', name: 'Bob Brown', tz: 'America/New_York' });
  const dir = mkdtempSync(join(tmpdir(), 'rootcause-catalog-'));
  const catalog = join(dir, 'services.yaml');
  // PA2P440 is the PagerDuty service of the captured deliveries in test/fixtures.
  writeFileSync(catalog, 'services:\n  payment-service:\n    namespace: payments\n    pagerduty: [PA2P440]\n');
  env = { KUBECONFIG: wire.kube.kubeconfig().path, SERVICE_CATALOG: catalog };
});

async function command(b: TestBot, text: string, channelId: string, userId = 'U0ALICE'): Promise<void> {
  const body = slashCommand({ command: '/incident', text, userId, channelId, responseUrl: wire.slack.responseUrl() }).replace('trigger_id=123.456.abc', `trigger_id=${Date.now()}.${text.length}`);
  expect((await postSlack(b.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
}

describe('post-mortem trigger', () => {
  it('names the revision, the image change and its time from the triage, and people by name in the file', async () => {
    const now = new Date();
    const { rolloutAt } = addCrashAfterRollout(wire.kube, { now, rolloutMinutesAgo: 20 });
    const pagedAt = new Date(now.getTime() - 5 * 60_000);
    const b = await wire.startBot({ env });
    await b.deliver(incidentDelivery('triggered', { id: 'PROLL01', number: 91, title: 'Payments 5xx', created_at: pagedAt.toISOString(), assignees: [] }));
    const channel = await wire.slack.waitFor(() => [...wire.slack.channels.values()].find((c) => c.name.endsWith('-91-payments-5xx')));
    const timeline = wire.timeline;
    // The page's catalog triage has read the revision history.
    await waitUntil(async () => (await timeline.list('pd-PROLL01')).some((e) => e.rollout?.revision === 14), 'the rollout on the timeline');
    await command(b, 'lead <@U0ALICE>', channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('is now the incident lead')));
    await wire.queues.waitForIdle();
    await command(b, 'resolve rolled back to 1.8.2; thanks <@U0BOB>', channel.id);
    const file = await wire.slack.waitFor(() => wire.slack.uploadedFiles().find((f) => f.channel === channel.id && f.filename.endsWith('.md')));
    await wire.queues.waitForIdle();

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

    const posted = wire.slack.messages(channel.id).map((m) => JSON.stringify(m.blocks ?? m.text)).join('\n');
    expect(posted).toContain(`revision 14 of \`deployment/payment-service\` — app image payments:1.8.2 → 1.9.0 and 1 more change, at <!date^${sec}^`);
    expect(posted).toContain('<@U0ALICE> (incident lead)');
  });

  it('says no rollout was recorded when no triage ran', async () => {
    const b = await wire.startBot();
    await b.deliver(incidentDelivery('triggered', { id: 'PROLL02', number: 92, title: 'Orders slow', assignees: [] }));
    const channel = await wire.slack.waitFor(() => [...wire.slack.channels.values()].find((c) => c.name.endsWith('-92-orders-slow')));
    await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
    await wire.queues.waitForIdle();
    await command(b, 'resolve', channel.id);
    const file = await wire.slack.waitFor(() => wire.slack.uploadedFiles().find((f) => f.channel === channel.id && f.filename.endsWith('.md')));
    expect(file.content).toContain('- **Last rollout before the page:** No rollout recorded (no triage ran).');
  });
});
