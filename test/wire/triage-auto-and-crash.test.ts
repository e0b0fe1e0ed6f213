/** Triage started by a page (catalog), by the card's button, and surviving a worker killed mid-job. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForLine } from '../helpers/child-output.js';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { blockAction, postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import { testBotEnv } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';
import { addPaymentService } from '../adapters/kubernetes/scenarios.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';
import type { BotOptions } from '../helpers/wire-harness.js';

const wire = useWire({ kube: true });
let child: ChildProcess | undefined;
let env: Record<string, string | undefined>;

beforeEach(() => {
  addPaymentService(wire.kube);
  const dir = mkdtempSync(join(tmpdir(), 'rootcause-catalog-'));
  const catalog = join(dir, 'services.yaml');
  // PA2P440 is the PagerDuty service of the captured deliveries in test/fixtures.
  writeFileSync(catalog, 'services:\n  payment-service:\n    namespace: payments\n    pagerduty: [PA2P440]\n    owners: [U0OWNER]\n');
  wire.slack.addUser({ id: 'U0OWNER', name: 'owner' });
  env = { KUBECONFIG: wire.kube.kubeconfig().path, SERVICE_CATALOG: catalog };
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

const bot = (start: BotOptions['start'] = {}): Promise<TestBot> => wire.startBot({ env, start });

const summariesIn = (channelId: string) =>
  wire.slack.messages(channelId).filter((m) => keyOf(m)?.endsWith('/summary'));

describe('triage on a page', () => {
  it('runs at once in the new channel when the catalog maps the PagerDuty service, and lands on the timeline', async () => {
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', { id: 'PAUTO01', number: 51, title: 'Payments 5xx', assignees: [] }));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-51-payments-5xx'));
    await wire.slack.waitFor(() => channel.members.has('U0OWNER'));
    const summary = await wire.slack.waitFor(() => summariesIn(channel.id)[0]);
    expect(JSON.stringify(summary.blocks)).toContain('deployment/payment-service in payments');
    const timeline = wire.timeline;
    let entries = await timeline.list('pd-PAUTO01');
    await waitUntil(async () => {
      entries = await timeline.list('pd-PAUTO01');
      return entries.some((e) => e.text.startsWith('Triage of'));
    }, 'the triage on the timeline');
    expect(entries.some((e) => e.source === 'bot' && e.text.startsWith('Triage of deployment/payment-service'))).toBe(true);
  });

  it('runs again from the card\'s Run triage button', async () => {
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', { id: 'PAUTO02', number: 52, title: 'Payments slow', assignees: [] }));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-52-payments-slow'));
    await wire.slack.waitFor(() => summariesIn(channel.id)[0]);
    const card = wire.slack.messages(channel.id)[0]!;
    const click = blockAction({ actionId: 'rootcause_run_triage', value: 'pd-PAUTO02', userId: 'U0ALICE', channelId: channel.id, messageTs: card.ts, responseUrl: wire.slack.responseUrl('b1') });
    expect((await postSlack(b.url, click, 'application/x-www-form-urlencoded')).status).toBe(200);
    await wire.slack.waitFor(() => summariesIn(channel.id).length === 2);
  });
});

describe('a worker killed mid-triage', () => {
  it('is replaced by another whose retry posts the findings exactly once', async () => {
    const channel = wire.slack.addChannel('payments-oncall');
    // Bot A runs in its own process so it can really die; its triage hangs on event reads that never answer.
    const release = wire.kube.hold(/events/);
    child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/run-bot-process.ts'], {
      env: { ...process.env, ...testBotEnv({ slack: wire.slack, prefix: wire.prefix, env }) } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = Number((await waitForLine(child, /^ready (\d+)$/))[1]);
    const body = slashCommand({ command: '/triage', text: 'payment-service', userId: 'U0ALICE', channelId: channel.id, responseUrl: wire.slack.responseUrl('k1') });
    expect((await postSlack(`http://127.0.0.1:${port}`, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    await wire.slack.waitFor(() => wire.kube.requests.some((r) => r.path.includes('/events')));

    // Bot A had posted the summary's place (the progress) before it died.
    const place = await wire.slack.waitFor(() => summariesIn(channel.id)[0]);
    expect(JSON.stringify(place.blocks)).toContain('Triaging payment-service');
    child.kill('SIGKILL');
    release();

    await bot({ workerTimings: { lockDurationMs: 2000, stalledIntervalMs: 1000 } });
    // The retry finds that message and puts the verdict in it, not in a second one.
    await wire.slack.waitFor(() => summariesIn(channel.id).find((m) => !JSON.stringify(m.blocks).includes('triage-progress')));
    // The one triage job has run to the end: no other run can post again.
    await wire.queues.waitForIdle();
    expect(summariesIn(channel.id)).toHaveLength(1);
    expect(summariesIn(channel.id)[0]?.ts).toBe(place.ts);
    const replies = wire.slack.messages(channel.id).filter((m) => m.thread_ts === place.ts && m.ts !== place.ts);
    const keys = replies.flatMap((m) => (keyOf(m) ?? []));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(replies.filter((m) => (m.files ?? []).length > 0).length).toBeLessThanOrEqual(1);
  });
});

describe('cluster events on the incident timeline', () => {
  it('a triage in an incident starts watching its workload; resolving stops it', async () => {
    const b = await bot({ clusterWatchPollMs: 200 });
    await b.deliver(incidentDelivery('triggered', { id: 'PWATCH1', number: 53, title: 'Payments OOM', assignees: [] }));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-53-payments-oom'));
    await wire.slack.waitFor(() => summariesIn(channel.id)[0]);
    await wire.slack.waitFor(() => wire.kube.openWatches > 0);

    const now = new Date();
    wire.kube.add({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'payment-service-7c9d5f6b8-q2w3e.oom1', namespace: 'payments' },
      involvedObject: { kind: 'Pod', name: 'payment-service-7c9d5f6b8-q2w3e', namespace: 'payments' },
      reason: 'OOMKilling',
      message: 'Memory cgroup out of memory: Killed process 4242 (java)',
      type: 'Warning',
      count: 1,
      firstTimestamp: now.toISOString(),
      lastTimestamp: now.toISOString(),
      source: { component: 'kubelet', host: 'node-b' },
    } as never);
    const timeline = wire.timeline;
    let cluster = (await timeline.list('pd-PWATCH1')).filter((e) => e.source === 'cluster');
    await waitUntil(async () => {
      cluster = (await timeline.list('pd-PWATCH1')).filter((e) => e.source === 'cluster');
      return cluster.some((e) => e.text.includes('OOMKilling'));
    }, 'the OOMKilling event on the timeline');
    expect(cluster.find((e) => e.text.includes('OOMKilling'))).toEqual(expect.objectContaining({ important: true }));

    await b.deliver(incidentDelivery('resolved', { id: 'PWATCH1', number: 53, title: 'Payments OOM', status: 'resolved', assignees: [] }));
    await wire.slack.waitFor(() => wire.kube.openWatches === 0);
    expect(wire.kube.writeAttempts).toEqual([]);
  });
});
